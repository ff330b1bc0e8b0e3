//! Loads a partnership through the library and prints who can make it quorate on
//! a date and when the papers for a meeting that day must go out.
//!
//! cargo run --example show_partnership -- sefton-scp 2013-01-10T14:00
#![allow(
    clippy::print_stdout,
    clippy::print_stderr,
    reason = "an example prints"
)]

use std::process::ExitCode;

use tor::calendar::parse_datetime;
use tor::catalog::Catalog;
use tor::engine::deadlines::deadlines;
use tor::model::QuorumRule;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let (Some(id), Some(at)) = (args.next(), args.next()) else {
        eprintln!("usage: show_partnership ID YYYY-MM-DDTHH:MM");
        return ExitCode::from(2);
    };
    match run(&id, &at) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}

fn run(id: &str, at: &str) -> Result<(), Box<dyn std::error::Error>> {
    // The folder ./partnerships if present, else the partnerships built in.
    let catalog = Catalog::discover(None)?;
    let tor = catalog.load(id)?;
    let start = parse_datetime(at, tor.timezone)?;
    let day = start.date_naive();
    println!("{} on {day}", tor.name_on(day));

    match tor.quorum.as_ref().map(|q| (&q.rule, &q.clause)) {
        Some((
            Some(QuorumRule::AtLeast {
                n,
                class: Some(class),
            }),
            clause,
        )) => {
            let eligible: Vec<_> = tor.members_on(day).filter(|m| &m.class == class).collect();
            println!("quorum ({clause}): {n} of these {}:", eligible.len());
            for m in eligible {
                println!("  {:<28} {}", m.id, m.name);
            }
        }
        Some((rule, clause)) => println!("quorum ({clause}): {rule:?}"),
        None => println!("the ToR states no quorum"),
    }

    let due = deadlines(&tor, start, &catalog.calendar(&tor)?);
    match (due.circulate_by, &tor.notice.agenda) {
        (Some(by), Some(rule)) => println!("papers out by {by} ({})", rule.clause),
        _ => println!("the ToR states no notice period"),
    }
    Ok(())
}

//! `tor deadlines ID --at DATETIME`: when papers, notice and minutes are due.

use anyhow::Result;
use serde::Serialize;
use tor::calendar::parse_datetime;
use tor::engine::deadlines::{Deadlines, deadlines, format_instant};
use tor::report::describe_notice;

use super::output::{Format, Status, print, print_json, table};
use super::{Global, catalog};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Partnership id (see `tor list`)
    pub id: String,
    /// When the meeting starts: YYYY-MM-DDTHH:MM, local time of the partnership
    #[arg(long)]
    pub at: String,
}

#[derive(Serialize)]
struct Json<'a> {
    partnership: &'a str,
    at: String,
    #[serde(flatten)]
    deadlines: &'a Deadlines,
}

pub fn run(g: &Global, args: &Args) -> Result<Status> {
    let catalog = catalog(g)?;
    let tor = catalog.load(&args.id)?;
    let start = parse_datetime(&args.at, tor.timezone)?;
    let calendar = catalog.calendar(&tor)?;
    let due = deadlines(&tor, start, &calendar);
    match g.format {
        Format::Json => print_json(&Json {
            partnership: tor.id.as_str(),
            at: format_instant(start),
            deadlines: &due,
        })?,
        Format::Human => {
            let mut t = table(["deadline", "by", "rule", "clause"]);
            let rows = [
                (
                    "agenda and papers out",
                    due.circulate_by.map(|w| w.to_string()),
                    &tor.notice.agenda,
                ),
                (
                    "extraordinary meeting notice",
                    due.extraordinary_notice_by.map(|w| w.to_string()),
                    &tor.notice.extraordinary,
                ),
                (
                    "minutes out",
                    due.minutes_by.map(|d| d.to_string()),
                    &tor.notice.minutes,
                ),
            ];
            for (what, by, rule) in rows {
                match (by, rule) {
                    (Some(by), Some(rule)) => {
                        t.add_row([
                            what.to_owned(),
                            by,
                            describe_notice(rule),
                            rule.clause.to_string(),
                        ]);
                    }
                    _ => {
                        t.add_row([
                            what.to_owned(),
                            "—".to_owned(),
                            "not stated".to_owned(),
                            "—".to_owned(),
                        ]);
                    }
                }
            }
            print(&format!(
                "{} meeting at {}\n{t}\n",
                tor.id,
                format_instant(start)
            ))?;
        }
    }
    Ok(Status::Valid)
}

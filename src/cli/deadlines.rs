//! `tor deadlines ID --at DATETIME`: when papers, notice and minutes are due.

use anyhow::Result;
use serde::Serialize;
use tor::calendar::parse_datetime;
use tor::engine::deadlines::{Deadlines, deadlines, format_instant};

use super::output::{Format, Status, deadlines_table, print, print_json};
use super::{Global, catalog};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Partnership id (see `tor list`)
    #[arg(add = super::complete::partnership())]
    pub id: String,
    /// When the meeting starts: 2012-12-06T14:00 or day first (6 Dec 2012 2pm),
    /// local time of the partnership
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
            let t = deadlines_table(&tor, &due);
            print(&format!(
                "{} meeting at {}\n{t}\n",
                tor.id,
                format_instant(start)
            ))?;
        }
    }
    Ok(Status::Valid)
}

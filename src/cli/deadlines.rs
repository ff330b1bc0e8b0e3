//! `tor deadlines ID --at DATETIME|DATE`: when papers, notice and minutes are due.
//! Given only the day, a deadline counted in hours is reported as needing a time.

use anyhow::Result;
use serde::Serialize;
use tor::calendar::{DateOrTime, parse_date_or_datetime};
use tor::engine::Finding;
use tor::engine::deadlines::{
    DeadlineKind, Deadlines, deadlines, deadlines_on_day, format_instant,
};
use tor::engine::explain::{Working, explain_deadlines};
use tor::engine::life::in_force;
use tor::model::Tor;

use super::output::{Report, Status, deadlines_table_needing, emit};
use super::{Global, catalog};
use super::{dates, explain};

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Partnership id (see `tor list`)
    #[arg(add = super::complete::partnership())]
    pub id: String,
    /// When the meeting starts: 2012-12-06T14:00 or day first (6 Dec 2012 2pm),
    /// local time of the partnership; or only the day (2012-12-06, 6/12/2012),
    /// when a deadline counted in hours is shown as needing a time
    #[arg(long, value_name = "DATETIME|DATE")]
    pub at: String,
    /// Show the working: every day between each deadline and the meeting,
    /// counted or skipped, and why
    #[arg(long)]
    pub explain: bool,
}

/// What `tor deadlines` reports: the deadlines of one meeting, and with
/// `--explain` how each was counted.
#[derive(Serialize)]
struct Out<'a> {
    partnership: &'a str,
    at: String,
    #[serde(flatten)]
    deadlines: &'a Deadlines,
    /// The deadlines that need the start time, which `at` did not give.
    needs_time: &'a [DeadlineKind],
    /// Whether the ToR is in force that day (the body's life).
    in_force: Finding,
    #[serde(skip_serializing_if = "Option::is_none")]
    explanation: Option<Vec<explain::Step<'a>>>,
    #[serde(skip)]
    tor: &'a Tor,
    /// The meeting as people read it: "at …" or "on …".
    #[serde(skip)]
    shown: String,
    #[serde(skip)]
    workings: Option<&'a [Working]>,
}

impl Report for Out<'_> {
    fn human(&self) -> String {
        let t = deadlines_table_needing(self.tor, self.deadlines, self.needs_time);
        let note = if self.needs_time.is_empty() {
            String::new()
        } else {
            "note: a deadline counted in hours needs the start time: give --at with a time, e.g. 2012-12-06T14:00\n".to_owned()
        };
        let working = self.workings.map(explain::human).unwrap_or_default();
        let life = if self.in_force.failed() {
            format!("not in force: {}\n", dates::message(&self.in_force.message))
        } else {
            String::new()
        };
        format!(
            "{} meeting {}\n{life}{t}\n{note}{working}",
            self.tor.id, self.shown
        )
    }

    fn status(&self) -> Status {
        Status::Valid
    }
}

pub(super) fn run(g: &Global, args: &Args) -> Result<Status> {
    let catalog = catalog(g)?;
    let tor = catalog.load(&args.id)?;
    let calendar = catalog.calendar(&tor)?;
    let parsed = parse_date_or_datetime(&args.at, tor.timezone)?;
    let workings = args.explain.then(|| match parsed {
        DateOrTime::Instant(start) => {
            explain_deadlines(&tor, start.date_naive(), Some(start), &calendar)
        }
        DateOrTime::Date(day) => explain_deadlines(&tor, day, None, &calendar),
    });
    let (due, needs_time, at, shown) = match parsed {
        DateOrTime::Instant(start) => (
            deadlines(&tor, start, &calendar),
            Vec::new(),
            format_instant(start),
            format!("at {}", dates::instant(start)),
        ),
        DateOrTime::Date(day) => {
            let (due, needs) = deadlines_on_day(&tor, day, &calendar);
            (
                due,
                needs,
                day.to_string(),
                format!("on {}", dates::day(day)),
            )
        }
    };
    due.within_calendar()?;
    emit(
        g.format,
        &Out {
            partnership: tor.id.as_str(),
            at,
            deadlines: &due,
            needs_time: &needs_time,
            in_force: in_force(&tor, parsed.day()),
            explanation: workings.as_deref().map(explain::json),
            tor: &tor,
            shown,
            workings: workings.as_deref(),
        },
    )
}

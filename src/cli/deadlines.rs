//! `tor deadlines ID --at DATETIME|DATE`: when papers, notice and minutes are due.
//! Given only the day, a deadline counted in hours is reported as needing a time.

use anyhow::Result;
use serde::Serialize;
use tor::calendar::{DateOrTime, parse_date_or_datetime};
use tor::engine::Finding;
use tor::engine::deadlines::{
    DeadlineKind, Deadlines, deadlines, deadlines_on_day, format_instant,
};
use tor::engine::event_working::{EventWorking, explain_events};
use tor::engine::events::{EventDue, around};
use tor::engine::explain::{Working, explain_deadlines};
use tor::engine::life::in_force;
use tor::engine::record::{COMPANION, Record};
use tor::fileio::{read_file, shown_name};
use tor::load;
use tor::model::Tor;
use tor::model::{EventDeadline, Side};

use super::explain::events as explain_events;
use super::output::{Report, Status, deadlines_table_needing, emit};
use super::{Global, catalog};
use super::{dates, explain};
use tor::catalog::Catalog;

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
    /// The record of held meetings, for deadlines relative to a marked meeting
    /// (`-`: stdin) [default: <dir>/<ID>.meetings.toml if there is one; read
    /// only where the ToR has [[event_deadlines]]]
    #[arg(long, value_name = "FILE")]
    pub record: Option<std::path::PathBuf>,
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
    /// Deadlines relative to events whose day is known (the ToR's
    /// `[[event_deadlines]]`); left out where the ToR has none.
    #[serde(skip_serializing_if = "Option::is_none")]
    event_deadlines: Option<&'a [EventDue]>,
    /// The event rules whose event is not known, for the human note.
    #[serde(skip)]
    unknown: &'a [&'a EventDeadline],
    #[serde(skip_serializing_if = "Option::is_none")]
    explanation: Option<Vec<explain::Step<'a>>>,
    #[serde(skip)]
    tor: &'a Tor,
    /// The meeting as people read it: "at …" or "on …".
    #[serde(skip)]
    shown: String,
    #[serde(skip)]
    workings: Option<&'a [Working]>,
    #[serde(skip)]
    event_workings: Option<&'a [EventWorking]>,
}

impl Report for Out<'_> {
    fn human(&self) -> String {
        let t = deadlines_table_needing(self.tor, self.deadlines, self.needs_time);
        let note = if self.needs_time.is_empty() {
            String::new()
        } else {
            "note: a deadline counted in hours needs the start time: give --at with a time, e.g. 2012-12-06T14:00\n".to_owned()
        };
        let mut working = self.workings.map(explain::human).unwrap_or_default();
        if let Some(events) = self.event_workings {
            let first = self.workings.map_or(0, <[Working]>::len) + 1;
            working.push_str(&explain_events::human(events, first));
        }
        let life = if self.in_force.failed() {
            format!("not in force: {}\n", dates::message(&self.in_force.message))
        } else {
            String::new()
        };
        let events = events_human(self.event_deadlines.unwrap_or_default(), self.unknown);
        format!(
            "{} meeting {}\n{life}{t}\n{events}{note}{working}",
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
    let record = if tor.event_deadlines.is_empty() {
        None
    } else {
        record(&catalog, &tor, args.record.as_deref())?
    };
    let (events, unknown) = around(&tor, &calendar, parsed.day(), record.as_ref());
    let event_workings = args
        .explain
        .then(|| explain_events(&tor, &calendar, parsed.day(), record.as_ref()));
    let explanation = workings.as_deref().map(|w| {
        let mut steps = explain::json(w);
        if let Some(events) = &event_workings {
            steps.extend(explain_events::json(events, w.len() + 1));
        }
        steps
    });
    emit(
        g.format,
        &Out {
            partnership: tor.id.as_str(),
            at,
            deadlines: &due,
            needs_time: &needs_time,
            in_force: in_force(&tor, parsed.day()),
            event_deadlines: (!tor.event_deadlines.is_empty()).then_some(events.as_slice()),
            unknown: &unknown,
            explanation,
            tor: &tor,
            shown,
            workings: workings.as_deref(),
            event_workings: event_workings.as_deref(),
        },
    )
}

/// `--record FILE`, else the record beside the ToR if there is one.
fn record(catalog: &Catalog, tor: &Tor, named: Option<&std::path::Path>) -> Result<Option<Record>> {
    let path = match named {
        Some(path) => path.to_owned(),
        None => match catalog.companion(tor.id.as_str(), COMPANION)? {
            Some(path) if path.exists() => path,
            _ => return Ok(None),
        },
    };
    let bytes = read_file(&path)?;
    Ok(Some(load::read::<Record>(&shown_name(&path), &bytes, tor)?))
}

/// The event deadlines as lines: the window, the rule and the event's day.
fn events_human(due: &[EventDue], unknown: &[&EventDeadline]) -> String {
    if due.is_empty() && unknown.is_empty() {
        return String::new();
    }
    let mut out = String::from("Relative to events\n");
    for d in due {
        let window = match (d.window.from, d.window.by) {
            (Some(f), Some(b)) => format!("from {} to {}", dates::day(f), dates::day(b)),
            (None, Some(b)) => format!("by {}", dates::day(b)),
            (Some(f), None) => format!("on or after {}", dates::day(f)),
            (None, None) => "at any time".to_owned(),
        };
        let side = match d.side {
            Side::Before => "before",
            Side::After => "after",
        };
        out.push_str(&format!(
            "  {}: {window} ({side} {} on {}; clause {})\n",
            d.what,
            d.event.describe(),
            dates::day(d.event_on),
            d.clause
        ));
    }
    for rule in unknown {
        out.push_str(&format!(
            "  {}: {} is not known (no meeting marked `{}` in the record; clause {})\n",
            rule.what,
            rule.event.describe(),
            rule.event.mark().unwrap_or_default(),
            rule.clause
        ));
    }
    out
}

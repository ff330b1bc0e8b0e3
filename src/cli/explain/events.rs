//! `deadlines --explain` for `[[event_deadlines]]`: each rule's event, how
//! its day was found and the days counted from it, worded from the library's
//! typed working as steps after the notice deadlines' own.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;
use tor::calendar::Convention;
use tor::engine::event_working::EventWorking;
use tor::engine::events::Found;
use tor::model::{Event, MarkId, Side};

use super::{Step, days_table};
use crate::cli::dates;
use crate::cli::output::esc;

/// The JSON of an event rule's step, beside SPEC §5a's `step`, `clause` and
/// `detail`.
#[derive(Serialize)]
pub(in crate::cli) struct EventStep<'a> {
    /// The meeting the rule times (its mark).
    event_deadline: &'a MarkId,
    event: &'a Event,
    /// The event's day; null where it is not known.
    event_on: Option<NaiveDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    found: Option<&'a Found>,
}

/// The event rules' steps, numbered on from `first`.
pub(in crate::cli) fn json(workings: &[EventWorking], first: usize) -> Vec<Step<'_>> {
    workings
        .iter()
        .enumerate()
        .map(|(i, w)| {
            let count = w.event.as_ref().and_then(|e| e.count.as_ref());
            Step {
                step: first + i,
                clause: &w.rule.clause.0,
                detail: detail(w, &|d| d.to_string(), &|s| s.to_owned()),
                deadline: None,
                event: Some(EventStep {
                    event_deadline: &w.rule.what,
                    event: &w.rule.event,
                    event_on: w.event.as_ref().map(|e| e.on),
                    found: w.event.as_ref().map(|e| &e.found),
                }),
                counted: count.map(|c| c.counted),
                days: count.map(|c| c.days.as_slice()),
                unlisted: count.map_or(0, |c| c.unlisted),
            }
        })
        .collect()
}

/// The event rules' steps as lines and day tables, numbered on from `first`.
pub(in crate::cli) fn human(workings: &[EventWorking], first: usize) -> String {
    let mut out = String::new();
    for (i, w) in workings.iter().enumerate() {
        let text = detail(w, &dates::day, &|s| esc(s).to_string());
        out.push_str(&format!(
            "{}. clause {}: {text}\n",
            first + i,
            esc(&w.rule.clause.0)
        ));
        if let Some(count) = w.event.as_ref().and_then(|e| e.count.as_ref()) {
            out.push_str(&days_table(count));
        }
    }
    out
}

/// The step's sentence, with dates written by `day` and text from the ToR
/// (a source) by `text` (escaped for a terminal, as is for JSON).
fn detail(
    w: &EventWorking,
    day: &dyn Fn(NaiveDate) -> String,
    text: &dyn Fn(&str) -> String,
) -> String {
    let rule = text(&w.rule.describe());
    let event = w.rule.event.describe();
    let Some(e) = &w.event else {
        return format!(
            "{rule}: {event} is not known (no meeting marked `{}` in the record)",
            text(w.rule.event.mark().unwrap_or_default())
        );
    };
    let which = match w.rule.side {
        Side::Before => format!("the next on or after {}", day(w.meeting)),
        Side::After if e.on <= w.meeting => format!("the last on or before {}", day(w.meeting)),
        Side::After => format!("none by {}, so the next", day(w.meeting)),
    };
    let found = match &e.found {
        Found::Marked { mark } => format!("the meeting marked `{}` in the record", text(mark)),
        Found::FirstInMay => {
            "no meeting that year is marked `may-meeting`, so the first meeting held in May in the record"
                .to_owned()
        }
        Found::Table { own, source } => {
            let table = if *own { "the ToR's own" } else { "the bundled" };
            let source = source
                .as_deref()
                .map(|s| format!(": {}", text(s)))
                .unwrap_or_default();
            format!("{table} ordinary elections table for {}{source}", e.on.year())
        }
        Found::Statutory => format!(
            "no entry in the ordinary elections table for {}, so the statutory day, the first Thursday in May (RPA 1983 s.37(1)(a))",
            e.on.year()
        ),
    };
    let counting = match (e.convention, w.rule.amount) {
        (Some(c), _) => format!("counted in {}", counting(c)),
        (None, Some(_)) => {
            "counted in calendar months (the same day of the month, or the month's last day)"
                .to_owned()
        }
        (None, None) => "no period: the event's own day is the limit".to_owned(),
    };
    let window = match (e.window.from, e.window.by) {
        (Some(f), Some(b)) if f == b => format!("on {}", day(f)),
        (Some(f), Some(b)) => format!("from {} to {}", day(f), day(b)),
        (None, Some(b)) => format!("by {}", day(b)),
        (Some(f), None) => format!("on or after {}", day(f)),
        (None, None) => "at any time".to_owned(),
    };
    let counted = match e.count.as_ref().map(|c| c.counted) {
        Some(1) => " (1 day counted)".to_owned(),
        Some(n) => format!(" ({n} days counted)"),
        None => String::new(),
    };
    format!(
        "{rule}: {event} on {} ({which}; {found}), {counting}: {window}{counted}",
        day(e.on)
    )
}

/// What a convention counts between a meeting and its event.
fn counting(c: Convention) -> &'static str {
    match c {
        Convention::Working => "working days, not counting the event's day",
        Convention::ClearWorking => {
            "working days strictly between: neither the event's day nor the meeting's counts"
        }
        Convention::Clear => {
            "calendar days strictly between: neither the event's day nor the meeting's counts"
        }
        // An event rule's units never count statutory days or hours.
        Convention::Days | Convention::StatutoryDays | Convention::Hours => {
            "calendar days, not counting the event's day"
        }
    }
}

//! `--explain` for `deadlines` and `check-meeting`: the library's typed working
//! worded as steps, with every day between the two dates, as a table in human
//! output and as `explanation: [{"step", "clause", "detail", ...}]` in JSON.

use chrono::NaiveDate;
use serde::Serialize;
use tor::calendar::{Convention, Day, DayCount, DayReason};
use tor::engine::deadlines::{DeadlineKind, When};
use tor::engine::explain::Working;

pub(super) mod events;

use super::dates;
use super::output::{esc, table};

/// One step of the JSON explanation. `step`, `clause` and `detail` are SPEC
/// §5a's; the rest carry the day list for programs.
#[derive(Serialize)]
// The field names are SPEC §5a's JSON keys, `step` among them.
#[allow(clippy::struct_field_names)]
pub(super) struct Step<'a> {
    pub(super) step: usize,
    pub(super) clause: &'a str,
    pub(super) detail: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) deadline: Option<DeadlineKind>,
    /// An event rule's step: the meeting it times, its event and how the
    /// event's day was found.
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    pub(super) event: Option<events::EventStep<'a>>,
    /// Days counted; null for an hours rule, which counts elapsed time.
    pub(super) counted: Option<u64>,
    /// Every day from the first date to the last; null for an hours rule.
    pub(super) days: Option<&'a [Day]>,
    /// Days at the start of a very long span not listed in `days`.
    pub(super) unlisted: u64,
}

pub(super) fn json(workings: &[Working]) -> Vec<Step<'_>> {
    workings
        .iter()
        .enumerate()
        .map(|(i, w)| Step {
            step: i + 1,
            clause: &w.clause.0,
            detail: detail(w, &|d| d.to_string(), &|w| w.to_string()),
            deadline: Some(w.deadline),
            event: None,
            counted: w.count.as_ref().map(|c| c.counted),
            days: w.count.as_ref().map(|c| c.days.as_slice()),
            unlisted: w.count.as_ref().map_or(0, |c| c.unlisted),
        })
        .collect()
}

pub(super) fn human(workings: &[Working]) -> String {
    let mut out = String::from("Working\n");
    if workings.is_empty() {
        out.push_str("the ToR states no notice rule that applies\n");
    }
    for (i, w) in workings.iter().enumerate() {
        let text = detail(w, &dates::day, &|w| dates::when(w));
        out.push_str(&format!(
            "{}. clause {}: {}\n",
            i + 1,
            esc(&w.clause.0),
            text
        ));
        if let Some(count) = &w.count {
            out.push_str(&days_table(count));
        }
    }
    out
}

/// Every day of a count with its running tally, as a table.
pub(super) fn days_table(count: &DayCount) -> String {
    let mut out = String::new();
    if count.unlisted > 0 {
        out.push_str(&format!("({} earlier days not listed)\n", count.unlisted));
    }
    let listed = count.days.iter().filter(|d| d.counted).count() as u64;
    let mut running = count.counted.saturating_sub(listed);
    let mut t = table(["day", "count", "reason"]);
    for day in &count.days {
        let tally = if day.counted {
            running += 1;
            running.to_string()
        } else {
            "—".to_owned()
        };
        t.add_row([dates::day(day.date), tally, reason(&day.reason)]);
    }
    out.push_str(&format!("{t}\n"));
    out
}

fn reason(r: &DayReason) -> String {
    match r {
        DayReason::Counted => "counted".to_owned(),
        DayReason::NoticeDay => "day notice is given (not counted)".to_owned(),
        DayReason::MeetingDay => "meeting day (not counted)".to_owned(),
        DayReason::EventDay => "event day (not counted)".to_owned(),
        DayReason::Saturday => "Saturday".to_owned(),
        DayReason::Sunday => "Sunday".to_owned(),
        DayReason::BankHoliday { name } => format!("bank holiday: {}", esc(name)),
        DayReason::Closure => "closure".to_owned(),
        DayReason::ChristmasBreak => "Christmas break (s.243)".to_owned(),
        DayReason::EasterBreak => "Easter break (s.243)".to_owned(),
    }
}

fn what(kind: DeadlineKind) -> &'static str {
    match kind {
        DeadlineKind::CirculateBy => "agenda and papers out",
        DeadlineKind::ExtraordinaryNoticeBy => "notice of the extraordinary meeting",
        DeadlineKind::MinutesBy => "minutes out",
    }
}

/// What the convention counts, in a few words.
fn rule_of_counting(c: Convention) -> &'static str {
    match c {
        Convention::Working => {
            "working days, counting the day notice is given but not the meeting day"
        }
        Convention::ClearWorking => {
            "working days strictly between: neither the day notice is given nor the meeting day counts"
        }
        Convention::Clear => {
            "calendar days strictly between: neither the day notice is given nor the meeting day counts"
        }
        Convention::Days => {
            "calendar days, counting the day notice is given but not the meeting day"
        }
        Convention::StatutoryDays => {
            "days strictly between, leaving out Sundays, bank holidays and the Christmas and Easter breaks"
        }
        Convention::Hours => "elapsed time before the start, measured in UTC",
    }
}

/// The step's sentence, with dates written by `day` and deadlines by `when`
/// (UK forms for people, ISO 8601 in JSON).
fn detail(w: &Working, day: &dyn Fn(NaiveDate) -> String, when: &dyn Fn(When) -> String) -> String {
    let period = w.convention.describe(w.n);
    let meeting = day(w.meeting);
    let counted = |n: u64| {
        if n == 1 {
            "1 day".to_owned()
        } else {
            format!("{n} days")
        }
    };
    if w.deadline == DeadlineKind::MinutesBy {
        let due = w.due.map_or_else(String::new, when);
        let n = w.count.as_ref().map_or(0, |c| c.counted);
        return format!(
            "{} within {period} after the meeting on {meeting}: by {due} ({} counted; the meeting day is not)",
            what(w.deadline),
            counted(n)
        );
    }
    let how = rule_of_counting(w.convention);
    let due = match w.due {
        Some(due) => when(due),
        None => "a time to be given (--at with a time)".to_owned(),
    };
    match (w.given, &w.count) {
        (Some(given), Some(c)) => format!(
            "{} {period} before the meeting on {meeting}, counted in {how}; given {}: {} counted, {} needed (deadline {due})",
            what(w.deadline),
            day(given),
            counted(c.counted),
            w.n
        ),
        (Some(given), None) => format!(
            "{} {period} before the start, counted in {how}; given {}: deadline {due}",
            what(w.deadline),
            day(given)
        ),
        (None, Some(c)) => format!(
            "{} {period} before the meeting on {meeting}, counted in {how}: by {due} ({} counted)",
            what(w.deadline),
            counted(c.counted)
        ),
        (None, None) if w.convention == Convention::Hours => format!(
            "{} {period} before the start, counted in {how}: by {due}",
            what(w.deadline)
        ),
        (None, None) => format!(
            "{} {period} before the meeting on {meeting}: when notice was given is not known; due by {due}",
            what(w.deadline)
        ),
    }
}

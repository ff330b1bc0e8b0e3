//! Deadlines relative to events (issue 16): when the meeting a ToR's
//! `[[event_deadlines]]` rule is about must be held, counted from the annual
//! meeting, the May meeting, the ordinary elections or another marked meeting.
//! The periods are counted by the notice conventions' own day counting
//! ([`counted_days_before`] and [`counted_days_after`]), so "2 working days
//! before" here and in a notice rule agree.

use chrono::{Datelike, Months, NaiveDate};
use serde::Serialize;

use super::record::Record;
use super::{Fact, Finding, Message, Rule};
use crate::calendar::daycount::counted_days_before;
use crate::calendar::{Calendar, Convention, counted_days_after};
use crate::model::{Amount, Bound, Event, EventDeadline, MarkId, Side, Tor, Unit};
use crate::msg;

/// The days a rule's meeting may be held on, for one occurrence of its event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Window {
    /// The first day it may be held; `None`: no earliest day.
    pub from: Option<NaiveDate>,
    /// The last day it may be held; `None`: no latest day.
    pub by: Option<NaiveDate>,
}

impl Window {
    pub fn holds(self, day: NaiveDate) -> bool {
        self.from.is_none_or(|f| f <= day) && self.by.is_none_or(|b| day <= b)
    }

    fn describe(self) -> Message {
        match (self.from, self.by) {
            (Some(f), Some(b)) if f == b => msg!["on ", f],
            (Some(f), Some(b)) => msg!["from ", f, " to ", b],
            (None, Some(b)) => msg!["by ", b],
            (Some(f), None) => msg!["on or after ", f],
            (None, None) => msg!["at any time"],
        }
    }
}

/// `day` moved `amount` away from the event on `side` of it: back for a
/// meeting before the event, forward for one after. A clear count leaves the
/// Nth counted day itself between the two, so it moves one day further.
pub fn step(amount: Option<Amount>, side: Side, day: NaiveDate, cal: &Calendar) -> NaiveDate {
    let Some(amount) = amount else {
        return day;
    };
    let Some((convention, n)) = day_count(amount) else {
        let months = Months::new(amount.n);
        let moved = match side {
            Side::Before => day.checked_sub_months(months),
            Side::After => day.checked_add_months(months),
        };
        return moved.unwrap_or(day);
    };
    let clear = convention.is_clear();
    match side {
        Side::Before => {
            let d = counted_days_before(convention, day, n, cal);
            if clear { d.pred_opt().unwrap_or(d) } else { d }
        }
        Side::After => {
            let d = counted_days_after(convention, day, n, cal);
            if clear { d.succ_opt().unwrap_or(d) } else { d }
        }
    }
}

/// How `amount` is counted in days: the notice convention and the number of
/// days (a week is seven calendar days); `None` for calendar months, which
/// are not a count of days.
pub fn day_count(amount: Amount) -> Option<(Convention, u32)> {
    let Amount { unit, n } = amount;
    Some(match unit {
        Unit::Days => (Convention::Days, n),
        Unit::Weeks => (Convention::Days, n.saturating_mul(7)),
        Unit::WorkingDays => (Convention::Working, n),
        Unit::ClearWorkingDays => (Convention::ClearWorking, n),
        Unit::ClearDays => (Convention::Clear, n),
        Unit::Months => return None,
    })
}

/// The days `rule`'s meeting may be held on when its event falls on `event`.
pub fn window(rule: &EventDeadline, event: NaiveDate, cal: &Calendar) -> Window {
    let limit = step(rule.amount, rule.side, event, cal);
    match (rule.bound, rule.side) {
        (Bound::AtLeast, Side::Before) => Window {
            from: None,
            by: Some(limit),
        },
        (Bound::Within, Side::Before) => Window {
            from: Some(limit),
            by: Some(event),
        },
        (Bound::Within, Side::After) => Window {
            from: Some(event),
            by: Some(limit),
        },
        (Bound::AtLeast, Side::After) => Window {
            from: Some(limit),
            by: None,
        },
    }
}

/// How the day of an event was found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "how", rename_all = "kebab-case")]
pub enum Found {
    /// A meeting carrying the event's mark, in the record (or the meeting
    /// being checked).
    Marked { mark: String },
    /// No meeting of that year is marked `may-meeting`: the first held in May.
    FirstInMay,
    /// An entry of the ordinary elections table: the ToR's own
    /// `[[ordinary_elections]]` (`own`) or the bundled table.
    Table {
        own: bool,
        #[serde(skip_serializing_if = "Option::is_none")]
        source: Option<String>,
    },
    /// No entry for the year: the statutory day, the first Thursday in May.
    Statutory,
}

/// The days events fell on, as far as they are known: meetings by their
/// marks (from the record and the meeting being checked), the elections by
/// the ToR's table.
#[derive(Debug)]
pub struct Known<'a> {
    tor: &'a Tor,
    /// Each meeting's day and marks, oldest first.
    meetings: Vec<(NaiveDate, &'a [MarkId])>,
}

impl<'a> Known<'a> {
    pub fn new(
        tor: &'a Tor,
        record: Option<&'a Record>,
        meeting: Option<(NaiveDate, &'a [MarkId])>,
    ) -> Self {
        let mut meetings: Vec<(NaiveDate, &'a [MarkId])> = record
            .map(|r| {
                r.meetings
                    .iter()
                    .map(|m| (m.date, m.marks.as_slice()))
                    .collect()
            })
            .unwrap_or_default();
        if let Some((day, marks)) = meeting {
            // The meeting being checked is the record's entry of its day, if any.
            meetings.retain(|(d, _)| *d != day);
            meetings.push((day, marks));
        }
        meetings.sort_by_key(|(d, _)| *d);
        Self { tor, meetings }
    }

    fn marked(&self, mark: &str) -> impl Iterator<Item = NaiveDate> + '_ {
        let mark = mark.to_owned();
        self.meetings
            .iter()
            .filter(move |(_, marks)| marks.iter().any(|m| m.as_str() == mark))
            .map(|(d, _)| *d)
    }

    /// The days of `event` (a meeting event), oldest first. The May meeting of
    /// a year is the one marked `may-meeting`, else the first held in May.
    fn days(&self, event: &Event) -> Vec<NaiveDate> {
        let Some(mark) = event.mark() else {
            return Vec::new();
        };
        let mut days: Vec<NaiveDate> = self.marked(mark).collect();
        if *event == Event::MayMeeting {
            // Years looked up in a set, not by scanning the days found so far.
            let mut years: std::collections::HashSet<i32> =
                days.iter().map(Datelike::year).collect();
            for (d, _) in &self.meetings {
                if d.month() == 5 && years.insert(d.year()) {
                    days.push(*d);
                }
            }
            days.sort_unstable();
        }
        days
    }

    /// The occurrence of `event` a meeting on `day` is judged against: the
    /// next one on or after it for a meeting before the event, the last one on
    /// or before it for a meeting after.
    pub fn around(&self, event: &Event, side: Side, day: NaiveDate) -> Option<NaiveDate> {
        if *event == Event::OrdinaryElections {
            return match side {
                Side::Before => self.tor.elections.on_or_after(day),
                Side::After => self.tor.elections.on_or_before(day),
            };
        }
        let days = self.days(event);
        match side {
            Side::Before => days.into_iter().find(|d| *d >= day),
            Side::After => days.into_iter().rev().find(|d| *d <= day),
        }
    }

    /// How the day `on` of `event` was found, for the working.
    pub fn found(&self, event: &Event, on: NaiveDate) -> Found {
        if *event == Event::OrdinaryElections {
            return match self.tor.elections.listed(on.year()) {
                Some(entry) => Found::Table {
                    own: self
                        .tor
                        .ordinary_elections
                        .iter()
                        .any(|e| e.year == on.year()),
                    source: entry.source.clone(),
                },
                None => Found::Statutory,
            };
        }
        let mark = event.mark().unwrap_or_default();
        let marked = self
            .meetings
            .iter()
            .any(|(d, marks)| *d == on && marks.iter().any(|m| m.as_str() == mark));
        if marked {
            Found::Marked {
                mark: mark.to_owned(),
            }
        } else {
            Found::FirstInMay
        }
    }

    /// The occurrence of `rule`'s event that `tor deadlines` counts from for
    /// a meeting on `day`: as [`Known::around`], and for a meeting after an
    /// event that has not yet been, the next one.
    pub fn occurrence(&self, rule: &EventDeadline, day: NaiveDate) -> Option<NaiveDate> {
        self.around(&rule.event, rule.side, day).or_else(|| {
            (rule.side == Side::After)
                .then(|| self.around(&rule.event, Side::Before, day))
                .flatten()
        })
    }

    /// The last meeting marked `what` on or before `day`.
    fn last_marked(&self, what: &MarkId, day: NaiveDate) -> Option<NaiveDate> {
        self.marked(what.as_str()).filter(|d| *d <= day).last()
    }
}

/// One `event-deadline` finding per rule of the ToR: judged where the meeting
/// is the one the rule is about (marked `what`), or is its event with the
/// meeting marked `what` in the record before it. The meeting is its day (in
/// the ToR's zone) and its marks.
pub fn judge(
    tor: &Tor,
    cal: &Calendar,
    day: NaiveDate,
    marks: &[MarkId],
    record: Option<&Record>,
) -> Vec<Finding> {
    // Most ToRs have no event deadline: then the record is not gone through
    // at all (an audit judges every meeting, and each look would copy it).
    if tor.event_deadlines.is_empty() {
        return Vec::new();
    }
    let known = Known::new(tor, record, Some((day, marks)));
    tor.event_deadlines
        .iter()
        .map(|rule| judge_one(rule, &known, marks, day, cal))
        .collect()
}

fn judge_one(
    rule: &EventDeadline,
    known: &Known<'_>,
    marks: &[MarkId],
    day: NaiveDate,
    cal: &Calendar,
) -> Finding {
    let clause = Some(&rule.clause);
    let is_what = marks.contains(&rule.what);
    let is_event = rule
        .event
        .mark()
        .is_some_and(|m| marks.iter().any(|k| k.as_str() == m));
    let (held, event) = if is_what {
        match known.around(&rule.event, rule.side, day) {
            Some(e) => (day, e),
            None => {
                return Finding::unjudged(
                    Rule::EventDeadline,
                    clause,
                    Fact::History,
                    format!(
                        "{} is not known: give a record with a meeting marked `{}`",
                        rule.event.describe(),
                        rule.event.mark().unwrap_or_default()
                    ),
                );
            }
        }
    } else if is_event && rule.side == Side::Before {
        match known.last_marked(&rule.what, day) {
            Some(w) => (w, day),
            None => {
                return Finding::unjudged(
                    Rule::EventDeadline,
                    clause,
                    Fact::History,
                    format!(
                        "no meeting marked `{}` is in the record before this one",
                        rule.what
                    ),
                );
            }
        }
    } else {
        return Finding::skip(
            Rule::EventDeadline,
            clause,
            format!("not the {} (give --mark {} for it)", rule.what, rule.what),
        );
    };
    let window = window(rule, event, cal);
    let verdict = match window.by {
        _ if window.holds(held) => "in time",
        Some(by) if held > by => "too late",
        _ => "too early",
    };
    let text = msg![
        "held on ",
        held,
        format!(", {verdict}: {} on ", rule.describe()),
        event,
        " means ",
        window.describe()
    ];
    if window.holds(held) {
        Finding::pass(Rule::EventDeadline, &rule.clause, text)
    } else {
        Finding::fail(Rule::EventDeadline, &rule.clause, text)
    }
}

/// One event deadline as `tor deadlines` lists it.
#[derive(Debug, Clone, Serialize)]
pub struct EventDue {
    pub clause: crate::model::Clause,
    pub what: MarkId,
    pub side: Side,
    pub event: Event,
    /// The day of the event counted from.
    pub event_on: NaiveDate,
    #[serde(flatten)]
    pub window: Window,
}

/// The deadlines of `tor`'s event rules around `day`: counted from the next
/// occurrence of each event for a meeting before it, the last for one after
/// (or the next, where none has been). Rules whose event is not known are
/// returned apart.
pub fn around<'a>(
    tor: &'a Tor,
    cal: &Calendar,
    day: NaiveDate,
    record: Option<&'a Record>,
) -> (Vec<EventDue>, Vec<&'a EventDeadline>) {
    let known = Known::new(tor, record, None);
    let mut due = Vec::new();
    let mut unknown = Vec::new();
    for rule in &tor.event_deadlines {
        match known.occurrence(rule, day) {
            Some(e) => due.push(EventDue {
                clause: rule.clause.clone(),
                what: rule.what.clone(),
                side: rule.side,
                event: rule.event.clone(),
                event_on: e,
                window: window(rule, e, cal),
            }),
            None => unknown.push(rule),
        }
    }
    (due, unknown)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::Region;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("a date")
    }

    fn cal() -> Calendar {
        Calendar::new(Region::EnglandAndWales)
    }

    // `step` takes an optional amount (none: the event's own day).
    #[allow(clippy::unnecessary_wraps)]
    fn amount(unit: Unit, n: u32) -> Option<Amount> {
        Some(Amount { unit, n })
    }

    #[test]
    fn four_weeks_before_is_twenty_eight_days() {
        let d = step(
            amount(Unit::Weeks, 4),
            Side::Before,
            ymd(2026, 6, 18),
            &cal(),
        );
        assert_eq!(d, ymd(2026, 5, 21));
    }

    #[test]
    fn working_days_skip_the_weekend_and_bank_holidays() {
        // Tuesday 26 May 2026 follows the spring bank holiday (Monday 25 May).
        let d = step(
            amount(Unit::WorkingDays, 2),
            Side::Before,
            ymd(2026, 5, 26),
            &cal(),
        );
        assert_eq!(d, ymd(2026, 5, 21));
        let d = step(
            amount(Unit::WorkingDays, 2),
            Side::After,
            ymd(2026, 5, 21),
            &cal(),
        );
        assert_eq!(d, ymd(2026, 5, 26));
    }

    #[test]
    fn clear_days_leave_the_nth_day_between() {
        let d = step(
            amount(Unit::ClearDays, 3),
            Side::Before,
            ymd(2026, 6, 10),
            &cal(),
        );
        assert_eq!(d, ymd(2026, 6, 6));
        let d = step(
            amount(Unit::ClearDays, 3),
            Side::After,
            ymd(2026, 6, 10),
            &cal(),
        );
        assert_eq!(d, ymd(2026, 6, 14));
    }

    #[test]
    fn months_keep_the_day_or_take_the_month_end() {
        let d = step(
            amount(Unit::Months, 1),
            Side::After,
            ymd(2026, 1, 31),
            &cal(),
        );
        assert_eq!(d, ymd(2026, 2, 28));
        let d = step(
            amount(Unit::Months, 2),
            Side::Before,
            ymd(2026, 5, 7),
            &cal(),
        );
        assert_eq!(d, ymd(2026, 3, 7));
    }

    #[test]
    fn no_amount_is_the_event_day() {
        assert_eq!(
            step(None, Side::Before, ymd(2026, 5, 7), &cal()),
            ymd(2026, 5, 7)
        );
    }

    proptest::proptest! {
        /// A deadline N days before an event, counted forward again, is N days.
        #[test]
        fn days_before_then_after_come_back(offset in 0u32..40_000, n in 0u32..=366) {
            let event = ymd(1971, 1, 1) + chrono::Days::new(u64::from(offset));
            let back = step(amount(Unit::Days, n), Side::Before, event, &cal());
            proptest::prop_assert_eq!((event - back).num_days(), i64::from(n));
            proptest::prop_assert_eq!(step(amount(Unit::Days, n), Side::After, back, &cal()), event);
        }

        /// Working days back and forward again land on the event where it is a
        /// working day.
        #[test]
        fn working_days_round_trip(offset in 0u32..40_000, n in 0u32..=30) {
            let event = ymd(1971, 1, 1) + chrono::Days::new(u64::from(offset));
            let cal = cal();
            proptest::prop_assume!(cal.is_working_day(event));
            let back = step(amount(Unit::WorkingDays, n), Side::Before, event, &cal);
            proptest::prop_assert_eq!(step(amount(Unit::WorkingDays, n), Side::After, back, &cal), event);
        }
    }
}

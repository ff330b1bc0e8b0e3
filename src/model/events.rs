//! Deadlines relative to events a ToR names (issue 16): "a planning meeting at
//! least four weeks before the annual meeting", "the first meeting within 60
//! days of the ordinary elections". The event is the annual meeting, the May
//! meeting, England's ordinary local elections, or a meeting carrying a mark.

use std::fmt;

use chrono::{Datelike, NaiveDate};
use serde::{Serialize, Serializer};

use super::keyword::keywords;
use super::{Clause, MarkId};
use crate::calendar::elections::first_thursday_in_may;

/// What a deadline is counted from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// The meeting marked `annual-meeting` (in the record or the meeting input).
    AnnualMeeting,
    /// The meeting marked `may-meeting`, else the first meeting held in May.
    MayMeeting,
    /// England's ordinary day of local elections.
    OrdinaryElections,
    /// A meeting carrying this mark (`meeting:<mark>`).
    Meeting(MarkId),
}

/// The named events, as a ToR writes them (besides `meeting:<mark>`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NamedEvent {
    AnnualMeeting,
    MayMeeting,
    OrdinaryElections,
}

keywords!(NamedEvent {
    AnnualMeeting = "annual-meeting",
    MayMeeting = "may-meeting",
    OrdinaryElections = "ordinary-elections",
});

impl From<NamedEvent> for Event {
    fn from(e: NamedEvent) -> Self {
        match e {
            NamedEvent::AnnualMeeting => Self::AnnualMeeting,
            NamedEvent::MayMeeting => Self::MayMeeting,
            NamedEvent::OrdinaryElections => Self::OrdinaryElections,
        }
    }
}

/// The prefix of an event that is a marked meeting.
pub const MEETING_PREFIX: &str = "meeting:";

impl Event {
    /// The mark a meeting carries to be this event; `None` for the elections.
    pub fn mark(&self) -> Option<&str> {
        match self {
            Self::AnnualMeeting => Some("annual-meeting"),
            Self::MayMeeting => Some("may-meeting"),
            Self::OrdinaryElections => None,
            Self::Meeting(m) => Some(m.as_str()),
        }
    }

    /// The event in a sentence: "the annual meeting".
    pub fn describe(&self) -> String {
        match self {
            Self::AnnualMeeting => "the annual meeting".to_owned(),
            Self::MayMeeting => "the May meeting".to_owned(),
            Self::OrdinaryElections => "the ordinary elections".to_owned(),
            Self::Meeting(m) => format!("the meeting marked `{m}`"),
        }
    }
}

impl fmt::Display for Event {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::OrdinaryElections => f.write_str("ordinary-elections"),
            Self::Meeting(m) => write!(f, "{MEETING_PREFIX}{m}"),
            other => f.write_str(other.mark().unwrap_or_default()),
        }
    }
}

impl Serialize for Event {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// Whether the marked meeting comes before or after the event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Side {
    Before,
    After,
}

/// "At least" N (no later than N before, no sooner than N after) or "within"
/// N (no further than N from the event).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Bound {
    AtLeast,
    Within,
}

/// How the amount is counted: the notice conventions that count days, and
/// weeks and calendar months.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Unit {
    Days,
    WorkingDays,
    ClearWorkingDays,
    ClearDays,
    Weeks,
    Months,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Amount {
    pub unit: Unit,
    pub n: u32,
}

impl Amount {
    /// The amount in words: "4 weeks", "2 working days".
    pub fn describe(self) -> String {
        let n = self.n;
        let (one, many) = match self.unit {
            Unit::Days => ("day", "days"),
            Unit::WorkingDays => ("working day", "working days"),
            Unit::ClearWorkingDays => ("clear working day", "clear working days"),
            Unit::ClearDays => ("clear day", "clear days"),
            Unit::Weeks => ("week", "weeks"),
            Unit::Months => ("month", "months"),
        };
        format!("{n} {}", if n == 1 { one } else { many })
    }
}

/// One deadline relative to an event: the meeting marked `what` is held
/// `bound` `amount` `side` `event`.
#[derive(Debug, Clone, Serialize)]
pub struct EventDeadline {
    pub clause: Clause,
    pub what: MarkId,
    pub side: Side,
    pub event: Event,
    pub bound: Bound,
    /// `None`: simply before or after the event (on its day at the latest or
    /// earliest).
    pub amount: Option<Amount>,
}

impl EventDeadline {
    /// The rule in words: "the planning-meeting at least 4 weeks before the
    /// annual meeting".
    pub fn describe(&self) -> String {
        let side = match self.side {
            Side::Before => "before",
            Side::After => "after",
        };
        let amount = match (self.amount, self.bound) {
            (None, _) => String::new(),
            (Some(a), Bound::AtLeast) => format!("at least {} ", a.describe()),
            (Some(a), Bound::Within) => format!("within {} ", a.describe()),
        };
        format!("the {} {amount}{side} {}", self.what, self.event.describe())
    }
}

/// One year of the ordinary elections table: the day they were held, or
/// `None` where none were held that year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ElectionYear {
    pub year: i32,
    pub date: Option<NaiveDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// The bundled table of years, sorted by year, each year once.
pub type BaseYears = fn() -> &'static [ElectionYear];

/// The ordinary election day of each year: the ToR's own years, then the
/// bundled table, then the statutory rule.
#[derive(Debug, Clone, Default)]
pub struct Elections {
    /// The ToR's own years, sorted by year, one entry a year.
    own: Vec<ElectionYear>,
    /// The bundled table, asked for only when a day is looked up: most ToRs
    /// never look one up, and they should not pay for reading it.
    base: Option<BaseYears>,
}

impl Elections {
    /// `base` with `own` over it (a ToR's entry replaces the bundled one).
    pub fn new(base: BaseYears, own: &[ElectionYear]) -> Self {
        let mut own = own.to_vec();
        own.sort_by_key(|e| e.year);
        own.dedup_by_key(|e| e.year);
        Self {
            own,
            base: Some(base),
        }
    }

    /// The table's entry for `year`, the ToR's own first, where it lists one
    /// (else the statutory rule gives the day): so a working can cite the
    /// entry's source.
    pub fn listed(&self, year: i32) -> Option<&ElectionYear> {
        let find = |years: &'static [ElectionYear]| {
            years
                .binary_search_by_key(&year, |e| e.year)
                .ok()
                .map(|i| &years[i])
        };
        match self.own.binary_search_by_key(&year, |e| e.year) {
            Ok(i) => Some(&self.own[i]),
            Err(_) => self.base.and_then(|base| find(base())),
        }
    }

    /// The ordinary election day of `year`, `None` for a year without one.
    pub fn day(&self, year: i32) -> Option<NaiveDate> {
        match self.listed(year) {
            Some(e) => e.date,
            None => first_thursday_in_may(year),
        }
    }

    /// The latest election day on or before `d` (looking back ten years at most).
    pub fn on_or_before(&self, d: NaiveDate) -> Option<NaiveDate> {
        (0..=10)
            .filter_map(|back| self.day(d.year() - back))
            .find(|e| *e <= d)
    }

    /// The earliest election day on or after `d` (looking ahead ten years at most).
    pub fn on_or_after(&self, d: NaiveDate) -> Option<NaiveDate> {
        (0..=10)
            .filter_map(|on| self.day(d.year() + on))
            .find(|e| *e >= d)
    }
}

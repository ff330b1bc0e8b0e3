//! The deadlines a meeting sets: papers out, extraordinary notice, minutes due.

use chrono::{DateTime, Datelike, NaiveDate};
use chrono_tz::Tz;
use serde::{Serialize, Serializer};

use crate::calendar::{
    Calendar, DateOrTime, FIRST_YEAR, LAST_YEAR, day_deadline, deadline, minutes_due,
};
use crate::model::{Notice, Tor};

/// A deadline as users read it: a whole day, or a moment with its offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct When(pub DateOrTime);

impl std::fmt::Display for When {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.0 {
            DateOrTime::Date(d) => write!(f, "{d}"),
            DateOrTime::Instant(t) => f.write_str(&format_instant(t)),
        }
    }
}

impl Serialize for When {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// `2026-10-23T15:00+01:00`; seconds only when they are not zero.
pub fn format_instant(t: DateTime<Tz>) -> String {
    use chrono::Timelike;
    if t.second() == 0 {
        t.format("%Y-%m-%dT%H:%M%:z").to_string()
    } else {
        t.format("%Y-%m-%dT%H:%M:%S%:z").to_string()
    }
}

/// A deadline that would fall outside the years tor's calendar covers. Such a
/// date is refused, never printed (a ToR's notice is at most a year, so only
/// meetings near either end of the calendar meet this).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "the {what} deadline would fall on {date}, outside the years tor's calendar covers ({FIRST_YEAR} to {LAST_YEAR})"
)]
pub struct OutsideCalendar {
    pub what: &'static str,
    pub date: NaiveDate,
}

/// `Err` when `date` lies outside the calendar's years.
pub fn in_calendar(what: &'static str, date: NaiveDate) -> Result<(), OutsideCalendar> {
    if (FIRST_YEAR..=LAST_YEAR).contains(&date.year()) {
        Ok(())
    } else {
        Err(OutsideCalendar { what, date })
    }
}

impl When {
    /// The day of the deadline, in the zone it was given in.
    pub fn day(&self) -> NaiveDate {
        self.0.day()
    }
}

/// Each field is `None` where the ToR states no such rule.
#[derive(Debug, Clone, Serialize)]
pub struct Deadlines {
    pub circulate_by: Option<When>,
    pub extraordinary_notice_by: Option<When>,
    pub minutes_by: Option<NaiveDate>,
}

impl Deadlines {
    /// `Err` naming the first deadline outside the calendar's years.
    pub fn within_calendar(&self) -> Result<(), OutsideCalendar> {
        let days = [
            ("papers", self.circulate_by.map(|w| w.day())),
            (
                "extraordinary notice",
                self.extraordinary_notice_by.map(|w| w.day()),
            ),
            ("minutes", self.minutes_by),
        ];
        for (what, day) in days {
            if let Some(day) = day {
                in_calendar(what, day)?;
            }
        }
        Ok(())
    }
}

pub fn notice_deadline(rule: &Notice, start: DateTime<Tz>, cal: &Calendar) -> When {
    When(deadline(rule.convention, rule.n, start, cal))
}

pub fn deadlines(tor: &Tor, start: DateTime<Tz>, cal: &Calendar) -> Deadlines {
    let version = tor.as_of(start.with_timezone(&tor.timezone).date_naive());
    let tor = &*version;
    Deadlines {
        circulate_by: tor
            .notice
            .agenda
            .as_ref()
            .map(|r| notice_deadline(r, start, cal)),
        extraordinary_notice_by: tor
            .notice
            .extraordinary
            .as_ref()
            .map(|r| notice_deadline(r, start, cal)),
        minutes_by: tor
            .notice
            .minutes
            .as_ref()
            .map(|r| minutes_due(start.date_naive(), r.n, cal)),
    }
}

/// A deadline of [`Deadlines`], by its JSON name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DeadlineKind {
    CirculateBy,
    ExtraordinaryNoticeBy,
    MinutesBy,
}

/// The deadlines of a meeting known only by its day. An hours rule needs the
/// start time: its deadline is `None` and its kind is in `needs_time`, so it is
/// never mistaken for a rule the ToR does not state.
pub fn deadlines_on_day(
    tor: &Tor,
    day: NaiveDate,
    cal: &Calendar,
) -> (Deadlines, Vec<DeadlineKind>) {
    let version = tor.as_of(day);
    let tor = &*version;
    let mut needs_time = Vec::new();
    let mut by = |rule: &Option<Notice>, kind| {
        let rule = rule.as_ref()?;
        let due = day_deadline(rule.convention, rule.n, day, cal);
        if due.is_none() {
            needs_time.push(kind);
        }
        due.map(|d| When(DateOrTime::Date(d)))
    };
    let due = Deadlines {
        circulate_by: by(&tor.notice.agenda, DeadlineKind::CirculateBy),
        extraordinary_notice_by: by(
            &tor.notice.extraordinary,
            DeadlineKind::ExtraordinaryNoticeBy,
        ),
        minutes_by: tor
            .notice
            .minutes
            .as_ref()
            .map(|r| minutes_due(day, r.n, cal)),
    };
    (due, needs_time)
}

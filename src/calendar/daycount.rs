//! The working behind a notice period: every day between two dates, counted or
//! skipped, with the reason. `--explain` renders this; the deadlines are
//! computed from the same predicates, so the two cannot disagree.

use chrono::{Datelike, Days, NaiveDate, Weekday};
use serde::Serialize;

use super::convention::Convention;
use super::statutory::{Excluded, excluded};
use super::working::Calendar;

/// Why a day is or is not counted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "reason", rename_all = "kebab-case")]
pub enum DayReason {
    Counted,
    /// The day notice is given: a clear period does not count it.
    NoticeDay,
    /// The meeting day never counts towards its own notice; for minutes, the
    /// day the count starts from.
    MeetingDay,
    /// The day of the event a deadline is counted from (the annual meeting,
    /// the elections): never counted, like a meeting's own day.
    EventDay,
    Saturday,
    Sunday,
    BankHoliday {
        name: String,
    },
    /// One of the partnership's closure dates.
    Closure,
    ChristmasBreak,
    EasterBreak,
}

/// One day of the working.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Day {
    pub date: NaiveDate,
    pub counted: bool,
    #[serde(flatten)]
    pub reason: DayReason,
}

/// The days from the first date to the last, both listed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DayCount {
    /// How many days counted, over the whole span (listed or not).
    pub counted: u64,
    pub days: Vec<Day>,
    /// Days at the start of a long span left out of `days`, which keeps the
    /// days nearest the meeting: a hostile date years away costs no memory.
    pub unlisted: u64,
}

/// The most days listed in one count.
pub const MAX_LISTED: u64 = 400;

impl Convention {
    /// Whether neither the notice day nor the meeting day counts.
    pub fn is_clear(self) -> bool {
        matches!(
            self,
            Convention::ClearWorking | Convention::Clear | Convention::StatutoryDays
        )
    }
}

/// Whether `d` counts towards a period under `convention` (hours count no days).
pub fn counts(convention: Convention, d: NaiveDate, cal: &Calendar) -> bool {
    match convention {
        Convention::Working | Convention::ClearWorking => cal.is_working_day(d),
        Convention::Clear | Convention::Days => true,
        Convention::StatutoryDays => excluded(d, cal).is_none(),
        Convention::Hours => false,
    }
}

/// Why `d` does not count under `convention`, or `Counted`.
pub fn reason(convention: Convention, d: NaiveDate, cal: &Calendar) -> DayReason {
    let holiday = |d| {
        cal.holiday_name(d).map(|name| DayReason::BankHoliday {
            name: name.to_owned(),
        })
    };
    let weekend = match d.weekday() {
        Weekday::Sat => Some(DayReason::Saturday),
        Weekday::Sun => Some(DayReason::Sunday),
        _ => None,
    };
    let skipped = match convention {
        Convention::Working | Convention::ClearWorking => weekend
            .or_else(|| holiday(d))
            .or_else(|| cal.is_closure(d).then_some(DayReason::Closure)),
        Convention::Clear | Convention::Days | Convention::Hours => None,
        Convention::StatutoryDays => excluded(d, cal).map(|e| match e {
            Excluded::ChristmasBreak => DayReason::ChristmasBreak,
            Excluded::EasterBreak => DayReason::EasterBreak,
            Excluded::Sunday => DayReason::Sunday,
            Excluded::BankHoliday => holiday(d).unwrap_or(DayReason::Counted),
        }),
    };
    skipped.unwrap_or(DayReason::Counted)
}

/// The date `n` counted days before `d` (`d` itself for `n = 0`), stopping at
/// the start of chrono's range rather than panicking.
pub fn counted_days_before(
    convention: Convention,
    d: NaiveDate,
    n: u32,
    cal: &Calendar,
) -> NaiveDate {
    counted_days(convention, d, n, cal, Direction::Back)
}

/// The date `n` counted days after `d` (`d` itself for `n = 0`): the same
/// counting as [`counted_days_before`], forwards, so a period before an event
/// and one after it are counted alike. Stops at the end of chrono's range.
pub fn counted_days_after(
    convention: Convention,
    d: NaiveDate,
    n: u32,
    cal: &Calendar,
) -> NaiveDate {
    counted_days(convention, d, n, cal, Direction::Forward)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Direction {
    Back,
    Forward,
}

/// One stepping for both directions, so the two can never count apart.
fn counted_days(
    convention: Convention,
    d: NaiveDate,
    n: u32,
    cal: &Calendar,
    direction: Direction,
) -> NaiveDate {
    let days = Days::new(u64::from(n));
    match (convention, direction) {
        (Convention::Clear | Convention::Days, Direction::Back) => {
            d.checked_sub_days(days).unwrap_or(NaiveDate::MIN)
        }
        (Convention::Clear | Convention::Days, Direction::Forward) => {
            d.checked_add_days(days).unwrap_or(NaiveDate::MAX)
        }
        (Convention::Working | Convention::ClearWorking, Direction::Back) => {
            cal.working_days_before(d, n)
        }
        (Convention::Working | Convention::ClearWorking, Direction::Forward) => {
            cal.working_days_after(d, n)
        }
        // An hours rule counts no days after an event.
        (Convention::Hours, Direction::Forward) => d,
        (Convention::StatutoryDays | Convention::Hours, _) => {
            let mut day = d;
            let mut left = n;
            while left > 0 {
                let next = match direction {
                    Direction::Back => day.pred_opt(),
                    Direction::Forward => day.succ_opt(),
                };
                let Some(next) = next else { break };
                day = next;
                if counts(convention, day, cal) {
                    left -= 1;
                }
            }
            day
        }
    }
}

/// The working of a notice period: the days from `notice` to `meeting`. A clear
/// period counts the days strictly between; the others count from the notice
/// day up to the day before the meeting. `None` for hours, which count no days.
pub fn count_notice(
    convention: Convention,
    notice: NaiveDate,
    meeting: NaiveDate,
    cal: &Calendar,
) -> Option<DayCount> {
    if convention == Convention::Hours {
        return None;
    }
    Some(span(
        notice,
        meeting,
        |d| {
            if d == meeting {
                DayReason::MeetingDay
            } else if d == notice && convention.is_clear() {
                DayReason::NoticeDay
            } else {
                reason(convention, d, cal)
            }
        },
        |d| d != meeting && !(d == notice && convention.is_clear()) && counts(convention, d, cal),
    ))
}

/// The working of a minutes deadline: working days after the meeting up to `due`.
pub fn count_minutes(meeting: NaiveDate, due: NaiveDate, cal: &Calendar) -> DayCount {
    let convention = Convention::Working;
    span(
        meeting,
        due,
        |d| {
            if d == meeting {
                DayReason::MeetingDay
            } else {
                reason(convention, d, cal)
            }
        },
        |d| d != meeting && counts(convention, d, cal),
    )
}

/// The working of a period between a meeting and the event it is timed by
/// (`[[event_deadlines]]`): the days from the one to the other. The event's
/// day never counts; the meeting's (the last or first day it may be held)
/// counts unless the period is clear, as a notice day does.
pub fn count_event(
    convention: Convention,
    meeting: NaiveDate,
    event: NaiveDate,
    cal: &Calendar,
) -> DayCount {
    let clear = convention.is_clear();
    span(
        meeting.min(event),
        meeting.max(event),
        |d| {
            if d == event {
                DayReason::EventDay
            } else if d == meeting && clear {
                DayReason::MeetingDay
            } else {
                reason(convention, d, cal)
            }
        },
        |d| d != event && !(d == meeting && clear) && counts(convention, d, cal),
    )
}

fn span(
    first: NaiveDate,
    last: NaiveDate,
    why: impl Fn(NaiveDate) -> DayReason,
    counted: impl Fn(NaiveDate) -> bool,
) -> DayCount {
    let total = u64::try_from((last - first).num_days() + 1).unwrap_or(0);
    let unlisted = total.saturating_sub(MAX_LISTED);
    let mut out = DayCount {
        counted: 0,
        days: Vec::new(),
        unlisted,
    };
    for (index, d) in (0u64..).zip(first.iter_days().take_while(|d| *d <= last)) {
        let is_counted = counted(d);
        out.counted += u64::from(is_counted);
        if index >= unlisted {
            out.days.push(Day {
                date: d,
                counted: is_counted,
                reason: why(d),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::Region;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("a date")
    }

    #[test]
    fn an_event_period_counts_the_meeting_day_but_never_the_event_day() {
        let cal = Calendar::new(Region::EnglandAndWales);
        // 2 working days before Tuesday 26 May 2026 (after the bank holiday).
        let before = count_event(
            Convention::Working,
            ymd(2026, 5, 21),
            ymd(2026, 5, 26),
            &cal,
        );
        assert_eq!(before.counted, 2);
        assert_eq!(before.days.first().map(|d| d.counted), Some(true));
        assert_eq!(
            before.days.last().map(|d| &d.reason),
            Some(&DayReason::EventDay)
        );
        // 3 clear days after 10 June: the 14th is the first day, not counted.
        let after = count_event(Convention::Clear, ymd(2026, 6, 14), ymd(2026, 6, 10), &cal);
        assert_eq!(after.counted, 3);
        assert_eq!(after.days[0].reason, DayReason::EventDay);
        assert_eq!(
            after.days.last().map(|d| &d.reason),
            Some(&DayReason::MeetingDay)
        );
    }
}

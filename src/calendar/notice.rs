//! Notice conventions: when papers must go out for a meeting, and whether they did.

use chrono::{DateTime, NaiveDate, TimeDelta, Utc};
use chrono_tz::Tz;

pub use super::convention::Convention;
use super::datetime::DateOrTime;
use super::daycount::counted_days_before;
use super::working::Calendar;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NoticeError {
    #[error("an {n} hours' notice rule needs the time notice was given, not just the date {date}")]
    DateForHours { n: u32, date: NaiveDate },
}

/// The latest moment notice may be given under `convention` with period `n`.
pub fn deadline(convention: Convention, n: u32, start: DateTime<Tz>, cal: &Calendar) -> DateOrTime {
    if let Some(day) = day_deadline(convention, n, start.date_naive(), cal) {
        DateOrTime::Date(day)
    } else {
        // Subtract on the UTC instant: across a clock change wall time would be wrong.
        let utc = start.with_timezone(&Utc);
        let earlier = utc
            .checked_sub_signed(TimeDelta::hours(i64::from(n)))
            .unwrap_or(DateTime::<Utc>::MIN_UTC);
        DateOrTime::Instant(earlier.with_timezone(&start.timezone()))
    }
}

/// The last day notice may be given for a meeting on `meeting`, for the
/// conventions that count days; `None` for an hours rule, which needs the start time.
pub fn day_deadline(
    convention: Convention,
    n: u32,
    meeting: NaiveDate,
    cal: &Calendar,
) -> Option<NaiveDate> {
    match convention {
        Convention::Hours => None,
        Convention::Working | Convention::Days => {
            Some(counted_days_before(convention, meeting, n, cal))
        }
        // The Nth counted day back must itself lie strictly between, so notice
        // goes out the day before it at the latest.
        Convention::ClearWorking | Convention::Clear | Convention::StatutoryDays => {
            Some(day_before(counted_days_before(convention, meeting, n, cal)))
        }
    }
}

/// Whether notice given at `given` was in time for a meeting starting at `start`.
/// A bare date cannot be judged against an hours rule, so that is an error.
pub fn in_time(
    convention: Convention,
    n: u32,
    start: DateTime<Tz>,
    given: DateOrTime,
    cal: &Calendar,
) -> Result<bool, NoticeError> {
    Ok(match (deadline(convention, n, start, cal), given) {
        (DateOrTime::Date(last), DateOrTime::Date(day)) => day <= last,
        // The day that counts is the one in the meeting's own zone.
        (DateOrTime::Date(last), DateOrTime::Instant(t)) => {
            t.with_timezone(&start.timezone()).date_naive() <= last
        }
        (DateOrTime::Instant(last), DateOrTime::Instant(t)) => t <= last,
        (DateOrTime::Instant(_), DateOrTime::Date(date)) => {
            return Err(NoticeError::DateForHours { n, date });
        }
    })
}

/// The day minutes are due when they must follow within `n` working days.
pub fn minutes_due(meeting_day: NaiveDate, n: u32, cal: &Calendar) -> NaiveDate {
    cal.working_days_after(meeting_day, n)
}

/// Elapsed time from `from` to `to`, measured on the instants (negative if `to`
/// is earlier), whatever their zones.
pub fn elapsed(from: DateTime<Tz>, to: DateTime<Tz>) -> TimeDelta {
    to.with_timezone(&Utc) - from.with_timezone(&Utc)
}

/// [`elapsed`] in hours, for reports ("47.25 h").
// Seconds between two chrono dates stay below 2^53, where every integer is an exact f64.
#[allow(clippy::cast_precision_loss)]
pub fn elapsed_hours(from: DateTime<Tz>, to: DateTime<Tz>) -> f64 {
    elapsed(from, to).num_seconds() as f64 / 3600.0
}

fn day_before(d: NaiveDate) -> NaiveDate {
    d.pred_opt().unwrap_or(d)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::Region;
    use chrono::TimeZone;
    use chrono_tz::Europe::London;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("real date")
    }

    fn london(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<Tz> {
        London
            .with_ymd_and_hms(y, mo, d, h, mi, 0)
            .single()
            .expect("unambiguous London time")
    }

    fn ew() -> Calendar {
        Calendar::new(Region::EnglandAndWales)
    }

    #[test]
    fn working_days_spec_examples() {
        let cal = ew();
        let d = |s| deadline(Convention::Working, 5, s, &cal);
        assert_eq!(
            d(london(2012, 12, 6, 10, 0)),
            DateOrTime::Date(ymd(2012, 11, 29))
        );
        assert_eq!(
            d(london(2012, 12, 27, 10, 0)),
            DateOrTime::Date(ymd(2012, 12, 18))
        );
        assert_eq!(
            deadline(Convention::Working, 3, london(2008, 5, 8, 14, 0), &cal),
            DateOrTime::Date(ymd(2008, 5, 2))
        );
    }

    #[test]
    fn clear_working_days() {
        let cal = ew();
        // Thursday 2012-12-06, 5 clear working days: Thu 29 Nov..Wed 5 Dec lie
        // strictly between a Wednesday 28 Nov circulation and the meeting.
        let start = london(2012, 12, 6, 10, 0);
        assert_eq!(
            deadline(Convention::ClearWorking, 5, start, &cal),
            DateOrTime::Date(ymd(2012, 11, 28))
        );
        assert_eq!(
            cal.working_days_strictly_between(ymd(2012, 11, 28), ymd(2012, 12, 6)),
            5
        );
        assert_eq!(
            cal.working_days_strictly_between(ymd(2012, 11, 29), ymd(2012, 12, 6)),
            4
        );
    }

    #[test]
    fn clear_days() {
        let start = london(2026, 3, 10, 18, 0);
        assert_eq!(
            deadline(Convention::Clear, 7, start, &ew()),
            DateOrTime::Date(ymd(2026, 3, 2))
        );
    }

    #[test]
    fn plain_days_step_back_the_calendar() {
        // "Papers at least seven days before": Tuesday 10 March 2026 -> Tuesday 3 March.
        let start = london(2026, 3, 10, 18, 0);
        assert_eq!(
            deadline(Convention::Days, 7, start, &ew()),
            DateOrTime::Date(ymd(2026, 3, 3))
        );
    }

    #[test]
    fn statutory_days_leave_out_the_christmas_break_and_sundays() {
        // Wednesday 6 January 2027, five clear days: Tue 5, Mon 4, Sat 2, Thu 31
        // and Wed 30 Dec count; Sun 3, New Year's Day and the Christmas break
        // (Thu 24 to Tue 29 Dec 2026) do not.
        let start = london(2027, 1, 6, 18, 0);
        assert_eq!(
            deadline(Convention::StatutoryDays, 5, start, &ew()),
            DateOrTime::Date(ymd(2026, 12, 29))
        );
    }

    #[test]
    fn statutory_days_leave_out_the_easter_break() {
        // Easter Day 5 April 2026: Thu 2 to Tue 7 April are out. Meeting Friday
        // 10 April: Thu 9, Wed 8, Wed 1, Tue 31 Mar, Mon 30 Mar count.
        let start = london(2026, 4, 10, 10, 0);
        assert_eq!(
            deadline(Convention::StatutoryDays, 5, start, &ew()),
            DateOrTime::Date(ymd(2026, 3, 29))
        );
    }

    #[test]
    fn hours_across_the_autumn_change() {
        let start = london(2026, 10, 25, 14, 0);
        let DateOrTime::Instant(last) = deadline(Convention::Hours, 48, start, &ew()) else {
            panic!("hours give an instant");
        };
        assert_eq!(last.to_rfc3339(), "2026-10-23T15:00:00+01:00");
        let given = |t| {
            in_time(Convention::Hours, 48, start, DateOrTime::Instant(t), &ew()).expect("judged")
        };
        assert!(given(london(2026, 10, 23, 14, 30)));
        assert!(given(london(2026, 10, 23, 15, 0)));
        assert!(!given(london(2026, 10, 23, 15, 1)));
        assert!((elapsed_hours(london(2026, 10, 23, 14, 30), start) - 48.5).abs() < 1e-9);
    }

    #[test]
    fn hours_across_the_spring_change() {
        let start = london(2027, 3, 28, 14, 45);
        let notice = london(2027, 3, 26, 14, 30);
        assert!((elapsed_hours(notice, start) - 47.25).abs() < 1e-9);
        assert_eq!(
            in_time(
                Convention::Hours,
                48,
                start,
                DateOrTime::Instant(notice),
                &ew()
            ),
            Ok(false)
        );
    }

    #[test]
    fn a_bare_date_cannot_meet_an_hours_rule() {
        let err = in_time(
            Convention::Hours,
            48,
            london(2026, 10, 25, 14, 0),
            DateOrTime::Date(ymd(2026, 10, 22)),
            &ew(),
        )
        .expect_err("must be refused");
        assert_eq!(
            err,
            NoticeError::DateForHours {
                n: 48,
                date: ymd(2026, 10, 22)
            }
        );
    }

    #[test]
    fn date_rules_judge_instants_by_the_meeting_zone_day() {
        let start = london(2012, 12, 6, 10, 0);
        let late_evening = london(2012, 11, 29, 23, 59);
        let next_morning = london(2012, 11, 30, 0, 1);
        let check = |t| {
            in_time(Convention::Working, 5, start, DateOrTime::Instant(t), &ew()).expect("judged")
        };
        assert!(check(late_evening));
        assert!(!check(next_morning));
        assert_eq!(
            in_time(
                Convention::Working,
                5,
                start,
                DateOrTime::Date(ymd(2012, 11, 29)),
                &ew()
            ),
            Ok(true)
        );
    }

    #[test]
    fn minutes_within_working_days() {
        // Meeting Thursday 2012-12-20; 5 working days skip Christmas and Boxing Day.
        assert_eq!(minutes_due(ymd(2012, 12, 20), 5, &ew()), ymd(2012, 12, 31));
    }

    #[test]
    fn conventions_serialise_in_kebab_case() {
        let json = serde_json::to_string(&Convention::ClearWorking).expect("serde round trip");
        assert_eq!(json, "\"clear-working\"");
    }
}

//! Reading the dates and date-times users type. A date-time without an offset
//! is local time in the partnership's zone; gaps and overlaps are refused, never guessed.

use chrono::offset::LocalResult;
use chrono::{
    DateTime, Datelike, Days, FixedOffset, NaiveDate, NaiveDateTime, Offset, TimeZone, Timelike,
};

use super::holidays::{FIRST_YEAR, LAST_YEAR};
use chrono_tz::Tz;

const DATE_FORM: &str = "a date as YYYY-MM-DD";
const DATETIME_FORM: &str =
    "a date-time as YYYY-MM-DDTHH:MM (or with a space, seconds, or an offset such as +01:00 or Z)";
const EITHER_FORM: &str = "a date as YYYY-MM-DD or a date-time as YYYY-MM-DDTHH:MM";

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateTimeError {
    #[error("`{input}` is not {expected}")]
    Malformed {
        input: String,
        expected: &'static str,
    },
    #[error(
        "`{input}` does not exist in {tz}: the clocks go forward from {before} to {after} \
         then; give the time with an explicit offset"
    )]
    NonExistent {
        input: String,
        tz: String,
        /// UTC offset in force before the change, e.g. `+00:00`.
        before: String,
        /// UTC offset in force after the change, e.g. `+01:00`.
        after: String,
    },
    #[error(
        "`{input}` happens twice in {tz} as the clocks go back: write `{input}{earlier}` \
         for the first or `{input}{later}` for the second"
    )]
    Ambiguous {
        input: String,
        tz: String,
        earlier: String,
        later: String,
    },
    #[error("`{input}` is not a real date or time, or is out of range")]
    OutOfRange { input: String },
    #[error("`{input}` is outside {first}–{last}, the years tor knows the bank holidays of")]
    YearOutOfRange {
        input: String,
        first: i32,
        last: i32,
    },
}

/// A date or a date-time, as accepted where either will do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateOrTime {
    Date(NaiveDate),
    DateTime(DateTime<Tz>),
}

/// A calendar date, `YYYY-MM-DD`.
pub fn parse_date(s: &str) -> Result<NaiveDate, DateTimeError> {
    let s = s.trim();
    if !has_date_shape(s) {
        return Err(malformed(s, DATE_FORM));
    }
    let date = NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| out_of_range(s))?;
    in_years(s, date)
}

/// Working days and notice need bank holidays, which are known for these years
/// only; a date outside them would be judged wrongly, so it is refused.
fn in_years<T>(input: &str, value: T) -> Result<T, DateTimeError>
where
    T: Datelike,
{
    if (FIRST_YEAR..=LAST_YEAR).contains(&value.year()) {
        Ok(value)
    } else {
        Err(DateTimeError::YearOutOfRange {
            input: input.to_owned(),
            first: FIRST_YEAR,
            last: LAST_YEAR,
        })
    }
}

/// A date-time: `2026-10-25T14:00`, `2026-10-25 14:00`, optionally with seconds,
/// optionally ending in an offset (`+01:00`, `-05:00`, `Z`). Without an offset it
/// is local time in `tz`.
pub fn parse_datetime(s: &str, tz: Tz) -> Result<DateTime<Tz>, DateTimeError> {
    let s = s.trim();
    let (local, offset) = split_offset(s)?;
    let naive = in_years(s, parse_naive(s, local)?)?;
    match offset {
        Some(offset) => match offset.from_local_datetime(&naive) {
            LocalResult::Single(t) => Ok(t.with_timezone(&tz)),
            _ => Err(out_of_range(s)),
        },
        None => resolve_local(s, naive, tz),
    }
}

/// A bare date, or else a date-time as [`parse_datetime`] reads it.
pub fn parse_date_or_datetime(s: &str, tz: Tz) -> Result<DateOrTime, DateTimeError> {
    let s = s.trim();
    if has_date_shape(s) {
        return parse_date(s).map(DateOrTime::Date);
    }
    parse_datetime(s, tz)
        .map(DateOrTime::DateTime)
        .map_err(|e| match e {
            DateTimeError::Malformed { input, .. } => DateTimeError::Malformed {
                input,
                expected: EITHER_FORM,
            },
            other => other,
        })
}

/// Local wall-clock time in `tz`, refusing times the clocks skip or repeat.
fn resolve_local(input: &str, naive: NaiveDateTime, tz: Tz) -> Result<DateTime<Tz>, DateTimeError> {
    match tz.from_local_datetime(&naive) {
        LocalResult::Single(t) => Ok(t),
        LocalResult::Ambiguous(a, b) => {
            let (earlier, later) = if a <= b { (a, b) } else { (b, a) };
            Err(DateTimeError::Ambiguous {
                input: input.to_owned(),
                tz: tz.name().to_owned(),
                earlier: earlier.offset().fix().to_string(),
                later: later.offset().fix().to_string(),
            })
        }
        LocalResult::None => Err(DateTimeError::NonExistent {
            input: input.to_owned(),
            tz: tz.name().to_owned(),
            // A day either side is clear of the change; chrono-tz does the zone rules.
            before: offset_near(tz, naive.checked_sub_days(Days::new(1))),
            after: offset_near(tz, naive.checked_add_days(Days::new(1))),
        }),
    }
}

fn offset_near(tz: Tz, naive: Option<NaiveDateTime>) -> String {
    naive
        .and_then(|n| tz.from_local_datetime(&n).earliest())
        .map(|t| t.offset().fix().to_string())
        .unwrap_or_else(|| "?".to_owned())
}

/// Splits a trailing `Z` or `±HH:MM` off the local part.
fn split_offset(s: &str) -> Result<(&str, Option<FixedOffset>), DateTimeError> {
    if let Some(local) = s.strip_suffix(['Z', 'z']) {
        return Ok((
            local,
            Some(FixedOffset::east_opt(0).expect("zero is a valid offset")),
        ));
    }
    // The date's own dashes sit in the first ten characters; a sign after the time is an offset.
    let Some(pos) = s
        .get(10..)
        .and_then(|t| t.rfind(['+', '-']))
        .map(|p| p + 10)
    else {
        return Ok((s, None));
    };
    let (local, off) = s.split_at(pos);
    // Bytes, not string slices: a stray multi-byte character must not split mid-char.
    let b = off.as_bytes();
    let digit = |i: usize| b[i].is_ascii_digit();
    if b.len() != 6 || b[3] != b':' || !(digit(1) && digit(2) && digit(4) && digit(5)) {
        return Err(malformed(s, DATETIME_FORM));
    }
    let two = |i: usize| i32::from(b[i] - b'0') * 10 + i32::from(b[i + 1] - b'0');
    let (hours, minutes) = (two(1), two(4));
    let sign = if b[0] == b'-' { -1 } else { 1 };
    if minutes >= 60 {
        return Err(out_of_range(s));
    }
    FixedOffset::east_opt(sign * (hours * 3600 + minutes * 60))
        .map(|o| (local, Some(o)))
        .ok_or_else(|| out_of_range(s))
}

/// `YYYY-MM-DD` then `T`, `t` or a space, then `HH:MM` or `HH:MM:SS`.
fn parse_naive(input: &str, local: &str) -> Result<NaiveDateTime, DateTimeError> {
    let (date, time) = match local.get(..10).zip(local.get(10..)) {
        Some((date, rest)) if has_date_shape(date) => match rest.strip_prefix(['T', 't', ' ']) {
            Some(time) => (date, time),
            None => return Err(malformed(input, DATETIME_FORM)),
        },
        _ => return Err(malformed(input, DATETIME_FORM)),
    };
    let format = match time.len() {
        5 if has_shape(time, "99:99") => "%H:%M",
        8 if has_shape(time, "99:99:99") => "%H:%M:%S",
        _ => return Err(malformed(input, DATETIME_FORM)),
    };
    NaiveDateTime::parse_from_str(&format!("{date}T{time}"), &format!("%Y-%m-%dT{format}"))
        .ok()
        // chrono reads `:60` as a leap second on any day; UK civil time has none
        // a meeting could be held in, and one would compare equal to `:59`.
        .filter(|t| t.nanosecond() < 1_000_000_000)
        .ok_or_else(|| out_of_range(input))
}

fn has_date_shape(s: &str) -> bool {
    has_shape(s, "9999-99-99")
}

/// `9` in `pattern` stands for an ASCII digit; any other byte must match exactly.
fn has_shape(s: &str, pattern: &str) -> bool {
    s.len() == pattern.len()
        && s.bytes().zip(pattern.bytes()).all(|(c, p)| match p {
            b'9' => c.is_ascii_digit(),
            _ => c == p,
        })
}

fn malformed(input: &str, expected: &'static str) -> DateTimeError {
    DateTimeError::Malformed {
        input: input.to_owned(),
        expected,
    }
}

fn out_of_range(input: &str) -> DateTimeError {
    DateTimeError::OutOfRange {
        input: input.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Utc;
    use chrono_tz::Europe::London;

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s)
            .expect("RFC 3339")
            .with_timezone(&Utc)
    }

    #[test]
    fn accepted_forms() {
        let want = utc("2026-10-25T14:00:00Z");
        for s in [
            "2026-10-25T14:00",
            "2026-10-25 14:00",
            "2026-10-25T14:00:00",
            " 2026-10-25t14:00 ",
            "2026-10-25T14:00Z",
            "2026-10-25T14:00:00+00:00",
            "2026-10-25T09:00-05:00",
        ] {
            let t = parse_datetime(s, London).unwrap_or_else(|e| panic!("{s}: {e}"));
            assert_eq!(t.with_timezone(&Utc), want, "{s}");
            assert_eq!(t.timezone(), London);
        }
        let bst = parse_datetime("2026-07-01T09:30", London).expect("valid date-time");
        assert_eq!(bst.with_timezone(&Utc), utc("2026-07-01T08:30:00Z"));
    }

    #[test]
    fn spring_forward_gap_is_refused() {
        let err = parse_datetime("2026-03-29T01:30", London).expect_err("must be refused");
        assert!(matches!(err, DateTimeError::NonExistent { .. }), "{err:?}");
        let msg = err.to_string();
        assert!(
            msg.contains("clocks go forward") && msg.contains("+00:00") && msg.contains("+01:00"),
            "{msg}"
        );
    }

    #[test]
    fn autumn_overlap_is_refused_and_names_both_offsets() {
        let err = parse_datetime("2026-10-25T01:30", London).expect_err("must be refused");
        match &err {
            DateTimeError::Ambiguous { earlier, later, .. } => {
                assert_eq!((earlier.as_str(), later.as_str()), ("+01:00", "+00:00"));
            }
            other => panic!("{other:?}"),
        }
        assert!(err.to_string().contains("2026-10-25T01:30+01:00"));
    }

    #[test]
    fn a_leap_second_is_refused_with_or_without_an_offset() {
        for s in [
            "2012-12-06T23:59:60",
            "2016-12-31T23:59:60Z",
            "2012-12-06 14:00:60+00:00",
        ] {
            let err = parse_datetime(s, London).expect_err(s);
            assert!(
                matches!(err, DateTimeError::OutOfRange { .. }),
                "{s}: {err:?}"
            );
        }
        assert!(parse_datetime("2012-12-06T23:59:59", London).is_ok());
    }

    #[test]
    fn an_offset_settles_the_overlap() {
        let first = parse_datetime("2026-10-25T01:30+01:00", London).expect("valid date-time");
        let second = parse_datetime("2026-10-25T01:30+00:00", London).expect("valid date-time");
        assert_eq!(first.with_timezone(&Utc), utc("2026-10-25T00:30:00Z"));
        assert_eq!((second - first).num_minutes(), 60);
    }

    #[test]
    fn malformed_and_impossible_inputs() {
        for s in [
            "",
            "2026-10-25",
            "25/10/2026 14:00",
            "2026-10-25T14",
            "2026-10-25T14:00+1",
            "2026-10-25T14:00:00.5",
            "2026-10-25X14:00",
        ] {
            assert!(
                matches!(
                    parse_datetime(s, London),
                    Err(DateTimeError::Malformed { .. })
                ),
                "{s}"
            );
        }
        for s in [
            "2026-02-30T10:00",
            "2026-10-25T24:00",
            "2026-10-25T10:00+01:75",
            "2026-10-25T10:00+25:00",
        ] {
            assert!(
                matches!(
                    parse_datetime(s, London),
                    Err(DateTimeError::OutOfRange { .. })
                ),
                "{s}"
            );
        }
    }

    #[test]
    fn dates() {
        assert_eq!(
            parse_date("2012-12-06"),
            Ok(NaiveDate::from_ymd_opt(2012, 12, 6).expect("real date"))
        );
        assert!(matches!(
            parse_date("2012-2-6"),
            Err(DateTimeError::Malformed { .. })
        ));
        assert!(matches!(
            parse_date("+2012-12-06"),
            Err(DateTimeError::Malformed { .. })
        ));
        assert!(matches!(
            parse_date("2023-02-29"),
            Err(DateTimeError::OutOfRange { .. })
        ));
    }

    #[test]
    fn date_or_datetime() {
        assert_eq!(
            parse_date_or_datetime("2026-10-23", London),
            Ok(DateOrTime::Date(
                NaiveDate::from_ymd_opt(2026, 10, 23).expect("real date")
            ))
        );
        assert!(matches!(
            parse_date_or_datetime("2026-10-23T14:30", London),
            Ok(DateOrTime::DateTime(_))
        ));
        let err = parse_date_or_datetime("tomorrow", London).expect_err("must be refused");
        assert!(err.to_string().contains("a date as YYYY-MM-DD or"), "{err}");
        assert!(matches!(
            parse_date_or_datetime("2026-10-25T01:30", London),
            Err(DateTimeError::Ambiguous { .. })
        ));
    }
}

//! Reading the dates and date-times users type. A date-time without an offset
//! is local time in the partnership's zone; gaps and overlaps are refused, never guessed.

use chrono::offset::LocalResult;
use chrono::{
    DateTime, Datelike, Days, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, Offset, TimeZone,
};

use super::holidays::{FIRST_YEAR, LAST_YEAR};
use chrono_tz::Tz;

mod typed;

const DATE_FORM: &str = "a date: 2012-12-06, or day first as 6/12/2012 or 6 Dec 2012";
const DATETIME_FORM: &str = "a date-time: 2012-12-06T14:00, or day first as 06/12/2012 14:00 \
     or 6 Dec 2012 2pm (optionally with seconds, or an offset such as +01:00 or Z)";
const EITHER_FORM: &str = "a date (2012-12-06, 6/12/2012 or 6 Dec 2012) or a date-time \
     (2012-12-06T14:00, 06/12/2012 14:00 or 6 Dec 2012 2pm)";

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
        "`{input}` happens twice in {tz} as the clocks go back: write `{earlier}` \
         for the first or `{later}` for the second"
    )]
    Ambiguous {
        input: String,
        tz: String,
        earlier: String,
        later: String,
    },
    /// A form that would read, but not safely: month first, a two-digit year.
    #[error("`{input}` {reason}: write {iso} to be sure")]
    Unclear {
        input: String,
        reason: String,
        /// The date as ISO 8601, as tor would have read it.
        iso: String,
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

/// A whole day or a moment: a date-or-time argument as typed, when notice was
/// given, and the latest time notice may be given (a day for the conventions
/// that count days, an instant for an hours rule).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateOrTime {
    /// Any time on this day.
    Date(NaiveDate),
    /// This moment.
    Instant(DateTime<Tz>),
}

impl DateOrTime {
    /// The day, in the instant's own zone.
    pub fn day(self) -> NaiveDate {
        match self {
            Self::Date(d) => d,
            Self::Instant(t) => t.date_naive(),
        }
    }
}

/// A calendar date: `2012-12-06`, or day first `6/12/2012`, `6 Dec 2012`.
pub fn parse_date(s: &str) -> Result<NaiveDate, DateTimeError> {
    let s = s.trim();
    match typed::read(s, s, DATE_FORM)? {
        (date, None) => in_years(s, date),
        (_, Some(_)) => Err(malformed(s, DATE_FORM)),
    }
}

/// A calendar date in the forms of [`parse_date`], in any year: for dates that
/// select a ToR version or a range, where no bank holidays are counted.
pub fn parse_date_any_year(s: &str) -> Result<NaiveDate, DateTimeError> {
    let s = s.trim();
    match typed::read(s, s, DATE_FORM)? {
        (date, None) => Ok(date),
        (_, Some(_)) => Err(malformed(s, DATE_FORM)),
    }
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
            input: crate::text::excerpt(input),
            first: FIRST_YEAR,
            last: LAST_YEAR,
        })
    }
}

/// A date-time: `2026-10-25T14:00`, `2026-10-25 14:00`, optionally with seconds,
/// or day first (`25/10/2026 14:00`, `25 Oct 2026 2pm`); optionally ending in an
/// offset (`+01:00`, `-05:00`, `Z`). Without an offset it is local time in `tz`.
pub fn parse_datetime(s: &str, tz: Tz) -> Result<DateTime<Tz>, DateTimeError> {
    let s = s.trim();
    match read(s, DATETIME_FORM)? {
        (date, Some(time), offset) => at(s, date.and_time(time), offset, tz),
        (_, None, _) => Err(malformed(s, DATETIME_FORM)),
    }
}

/// A bare date, or else a date-time as [`parse_datetime`] reads it.
pub fn parse_date_or_datetime(s: &str, tz: Tz) -> Result<DateOrTime, DateTimeError> {
    let s = s.trim();
    match read(s, EITHER_FORM)? {
        (date, None, None) => in_years(s, date).map(DateOrTime::Date),
        (date, Some(time), offset) => {
            at(s, date.and_time(time), offset, tz).map(DateOrTime::Instant)
        }
        (_, None, Some(_)) => Err(malformed(s, EITHER_FORM)),
    }
}

/// The date, the time if typed, and the offset if typed.
fn read(
    s: &str,
    expected: &'static str,
) -> Result<(NaiveDate, Option<NaiveTime>, Option<FixedOffset>), DateTimeError> {
    let (local, offset) = split_offset(s).map_err(|e| match e {
        DateTimeError::Malformed { input, .. } => DateTimeError::Malformed { input, expected },
        other => other,
    })?;
    let (date, time) = typed::read(s, local.trim_end(), expected)?;
    Ok((date, time, offset))
}

fn at(
    s: &str,
    naive: NaiveDateTime,
    offset: Option<FixedOffset>,
    tz: Tz,
) -> Result<DateTime<Tz>, DateTimeError> {
    let naive = in_years(s, naive)?;
    match offset {
        Some(offset) => match offset.from_local_datetime(&naive) {
            LocalResult::Single(t) => Ok(t.with_timezone(&tz)),
            _ => Err(out_of_range(s)),
        },
        None => resolve_local(s, naive, tz),
    }
}

/// Local wall-clock time in `tz`, refusing times the clocks skip or repeat.
fn resolve_local(input: &str, naive: NaiveDateTime, tz: Tz) -> Result<DateTime<Tz>, DateTimeError> {
    match tz.from_local_datetime(&naive) {
        LocalResult::Single(t) => Ok(t),
        LocalResult::Ambiguous(a, b) => {
            let (earlier, later) = if a <= b { (a, b) } else { (b, a) };
            let clock = if chrono::Timelike::second(&naive) == 0 {
                "%Y-%m-%dT%H:%M"
            } else {
                "%Y-%m-%dT%H:%M:%S"
            };
            // In ISO 8601 with each offset, so the hint can be typed back
            // whatever form (or length) the input had.
            let local = naive.format(clock);
            Err(DateTimeError::Ambiguous {
                input: crate::text::excerpt(input),
                tz: tz.name().to_owned(),
                earlier: format!("{local}{}", earlier.offset().fix()),
                later: format!("{local}{}", later.offset().fix()),
            })
        }
        LocalResult::None => Err(DateTimeError::NonExistent {
            input: crate::text::excerpt(input),
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
        .map_or_else(|| "?".to_owned(), |t| t.offset().fix().to_string())
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

fn malformed(input: &str, expected: &'static str) -> DateTimeError {
    DateTimeError::Malformed {
        input: crate::text::excerpt(input),
        expected,
    }
}

fn out_of_range(input: &str) -> DateTimeError {
    DateTimeError::OutOfRange {
        input: crate::text::excerpt(input),
    }
}

#[cfg(test)]
mod tests;

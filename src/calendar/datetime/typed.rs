//! The wall-clock part of what a person types: ISO 8601 (`2012-12-06T14:00`) or a
//! UK day-first form (`6/12/2012`, `06/12/2012 14:00`, `6 Dec 2012`,
//! `Thu 6 December 2012 2pm`). Month-first and two-digit-year forms are refused
//! with the ISO date they would have meant, never guessed.

use chrono::{Datelike, NaiveDate, NaiveTime, Weekday};

use super::DateTimeError;

/// A calendar date and, if one was typed, a time of day.
pub(super) type Local = (NaiveDate, Option<NaiveTime>);

/// Why a form was not read as the user might have meant it.
enum Refusal {
    /// Not a form tor reads at all.
    Malformed,
    /// Numbers that make no date or time (31 February, 25:00).
    OutOfRange,
    /// A form that reads, but not safely: the reason and the ISO date it would mean.
    Unclear(String, NaiveDate),
}

/// Reads `local` (the input without any offset); `input` is the whole text, for
/// messages.
pub(super) fn read(
    input: &str,
    local: &str,
    expected: &'static str,
) -> Result<Local, DateTimeError> {
    read_forms(local).map_err(|r| match r {
        Refusal::Malformed => DateTimeError::Malformed {
            input: crate::text::excerpt(input),
            expected,
        },
        Refusal::OutOfRange => DateTimeError::OutOfRange {
            input: crate::text::excerpt(input),
        },
        Refusal::Unclear(reason, date) => DateTimeError::Unclear {
            input: crate::text::excerpt(input),
            reason,
            iso: date.format("%Y-%m-%d").to_string(),
        },
    })
}

fn read_forms(s: &str) -> Result<Local, Refusal> {
    if let Some(date) = s.get(..10).filter(|d| is_iso_date(d)) {
        let date = NaiveDate::parse_from_str(date, "%Y-%m-%d").map_err(|_| Refusal::OutOfRange)?;
        let rest = &s[10..];
        if rest.is_empty() {
            return Ok((date, None));
        }
        let time = rest
            .strip_prefix(['T', 't', ' '])
            .ok_or(Refusal::Malformed)?;
        return Ok((date, Some(time_of_day(time)?)));
    }
    // Commas are how people write "Thursday, 6 December 2012, 2pm"; they carry nothing.
    let words: Vec<&str> = s
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    let (date, rest) = match words.split_first() {
        Some((first, rest)) if first.contains('/') => (numeric_date(first)?, rest),
        Some(_) => named_date(&words)?,
        None => return Err(Refusal::Malformed),
    };
    let time = match rest {
        [] => None,
        // "2 pm" is one time written as two words.
        [n, m] if is_meridiem(m) => Some(time_of_day(&format!("{n}{m}"))?),
        [t] => Some(time_of_day(t)?),
        _ => return Err(Refusal::Malformed),
    };
    Ok((date, time))
}

fn is_iso_date(s: &str) -> bool {
    s.len() == 10
        && s.bytes().enumerate().all(|(i, c)| match i {
            4 | 7 => c == b'-',
            _ => c.is_ascii_digit(),
        })
}

/// `D/M/YYYY`, day first as in the UK.
fn numeric_date(word: &str) -> Result<NaiveDate, Refusal> {
    let parts: Vec<&str> = word.split('/').collect();
    let [a, b, c] = parts[..] else {
        return Err(Refusal::Malformed);
    };
    let number = |p: &str| {
        (matches!(p.len(), 1 | 2 | 4) && p.bytes().all(|c| c.is_ascii_digit()))
            .then(|| p.parse::<u32>().ok())
            .flatten()
            .ok_or(Refusal::Malformed)
    };
    let (a_n, b_n) = (number(a)?, number(b)?);
    if a.len() == 4 {
        let date = ymd(a_n, b_n, number(c)?)?;
        return Err(Refusal::Unclear("puts the year first".into(), date));
    }
    if b.len() == 4 {
        return Err(Refusal::Malformed);
    }
    let (y, short) = year(c)?;
    if b_n > 12 && (1..=12).contains(&a_n) {
        let date = ymd(y, a_n, b_n)?;
        return Err(Refusal::Unclear(
            "reads month first; dates here are day first".into(),
            date,
        ));
    }
    full_year(ymd(y, b_n, a_n)?, short)
}

/// `[weekday] D[st|nd|rd|th] Month YYYY`, with the month as a name or its first
/// three letters.
fn named_date<'a, 'w>(words: &'a [&'w str]) -> Result<(NaiveDate, &'a [&'w str]), Refusal> {
    let (weekday, words) = match words.split_first() {
        Some((w, rest)) if weekday(w).is_some() => (weekday(w), rest),
        _ => (None, words),
    };
    let [first, second, y, rest @ ..] = words else {
        return Err(Refusal::Malformed);
    };
    let (y, short) = year(y)?;
    let date = match (
        day_number(first),
        month(second),
        month(first),
        day_number(second),
    ) {
        (Some(d), Some(m), _, _) => full_year(ymd(y, m, d)?, short)?,
        (_, _, Some(m), Some(d)) => {
            return Err(Refusal::Unclear(
                "puts the month first; dates here are day first".into(),
                ymd(y, m, d)?,
            ));
        }
        _ => return Err(Refusal::Malformed),
    };
    if let Some(named) = weekday.filter(|w| *w != date.weekday()) {
        return Err(Refusal::Unclear(
            format!(
                "says {named} but {} is a {}",
                date.format("%-d %b %Y"),
                date.format("%A")
            ),
            date,
        ));
    }
    Ok((date, rest))
}

fn ymd(year: u32, month: u32, day: u32) -> Result<NaiveDate, Refusal> {
    i32::try_from(year)
        .ok()
        .and_then(|y| NaiveDate::from_ymd_opt(y, month, day))
        .ok_or(Refusal::OutOfRange)
}

/// A four-digit year, or a two-digit one read in this century so that its
/// refusal can show the full date; `true` marks the short form.
fn year(s: &str) -> Result<(u32, bool), Refusal> {
    if !s.bytes().all(|c| c.is_ascii_digit()) {
        return Err(Refusal::Malformed);
    }
    let n = s.parse::<u32>().map_err(|_| Refusal::Malformed);
    match s.len() {
        4 => Ok((n?, false)),
        2 => Ok((2000 + n?, true)),
        _ => Err(Refusal::Malformed),
    }
}

/// Refuses a date typed with a two-digit year, showing the date it would be.
fn full_year(date: NaiveDate, short: bool) -> Result<NaiveDate, Refusal> {
    if short {
        Err(Refusal::Unclear("has a two-digit year".into(), date))
    } else {
        Ok(date)
    }
}

fn day_number(s: &str) -> Option<u32> {
    let digits = ["st", "nd", "rd", "th"]
        .iter()
        .find_map(|suffix| strip_suffix_ci(s, suffix))
        .unwrap_or(s);
    (matches!(digits.len(), 1 | 2) && digits.bytes().all(|c| c.is_ascii_digit()))
        .then(|| digits.parse().ok())
        .flatten()
}

fn month(s: &str) -> Option<u32> {
    let s = s.strip_suffix('.').unwrap_or(s);
    // chrono reads "Dec" and "December", in any case; "Sept" is the one common
    // British abbreviation that is not three letters.
    let s = if s.eq_ignore_ascii_case("sept") {
        "sep"
    } else {
        s
    };
    s.parse::<chrono::Month>()
        .ok()
        .map(|m| m.number_from_month())
}

fn weekday(s: &str) -> Option<Weekday> {
    let s = s.strip_suffix('.').unwrap_or(s);
    // chrono reads "Thu" and "Thursday", in any case.
    (s.len() >= 3).then(|| s.parse::<Weekday>().ok()).flatten()
}

fn is_meridiem(s: &str) -> bool {
    s.eq_ignore_ascii_case("am") || s.eq_ignore_ascii_case("pm")
}

fn strip_suffix_ci<'s>(s: &'s str, suffix: &str) -> Option<&'s str> {
    let cut = s.len().checked_sub(suffix.len())?;
    (s.is_char_boundary(cut) && s[cut..].eq_ignore_ascii_case(suffix)).then(|| &s[..cut])
}

/// `14:00`, `9:30`, `14:00:00`, or on the twelve-hour clock `2pm`, `2:30pm`, `2.30pm`.
fn time_of_day(s: &str) -> Result<NaiveTime, Refusal> {
    let meridiem = ["am", "pm"]
        .iter()
        .find_map(|m| strip_suffix_ci(s, m).map(|rest| (rest, *m == "pm")));
    let (clock, pm) = match meridiem {
        Some((rest, pm)) => (rest, Some(pm)),
        None => (s, None),
    };
    let sep = if pm.is_some() && clock.contains('.') {
        '.'
    } else {
        ':'
    };
    let parts: Vec<&str> = clock.split(sep).collect();
    let shaped =
        |p: &str, lens: &[usize]| lens.contains(&p.len()) && p.bytes().all(|c| c.is_ascii_digit());
    let ok = match (&parts[..], pm) {
        ([h], Some(_)) => shaped(h, &[1, 2]),
        ([h, m], _) => shaped(h, &[1, 2]) && shaped(m, &[2]),
        ([h, m, sec], None) => shaped(h, &[2]) && shaped(m, &[2]) && shaped(sec, &[2]),
        _ => false,
    };
    if !ok {
        return Err(Refusal::Malformed);
    }
    let n: Vec<u32> = parts
        .iter()
        .map(|p| p.parse().map_err(|_| Refusal::Malformed))
        .collect::<Result<_, _>>()?;
    let (h, m, sec) = (
        n[0],
        n.get(1).copied().unwrap_or(0),
        n.get(2).copied().unwrap_or(0),
    );
    let hour = match pm {
        None => h,
        Some(_) if !(1..=12).contains(&h) => return Err(Refusal::OutOfRange),
        Some(pm) => h % 12 + if pm { 12 } else { 0 },
    };
    // `from_hms_opt` refuses second 60: UK civil time has no leap second a meeting
    // could be held in, and one would compare equal to `:59`.
    NaiveTime::from_hms_opt(hour, m, sec).ok_or(Refusal::OutOfRange)
}

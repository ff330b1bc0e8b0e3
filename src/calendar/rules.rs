//! The regular bank holidays of each region, year by year, before weekend
//! substitution. Sources: Banking and Financial Dealings Act 1971 sch. 1, the
//! annual royal proclamations, and the St Andrew's Day Bank Holiday (Scotland)
//! Act 2007; checked against GOV.UK and the `holidays` package by tests/calendar.rs.

use chrono::{Datelike, Days, NaiveDate, Weekday};

use super::easter::easter_sunday;
use super::region::Region;
use super::special;

/// A holiday on its nominal date; `movable` ones go to a substitute weekday when
/// that date falls at a weekend.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Candidate {
    pub date: NaiveDate,
    pub name: &'static str,
    pub movable: bool,
}

pub(crate) const NEW_YEAR: &str = "New Year’s Day";
pub(crate) const SECOND_JANUARY: &str = "2nd January";
pub(crate) const GOOD_FRIDAY: &str = "Good Friday";
pub(crate) const EASTER_MONDAY: &str = "Easter Monday";
pub(crate) const EARLY_MAY: &str = "Early May bank holiday";
pub(crate) const EARLY_MAY_VE: &str = "Early May bank holiday (VE day)";
pub(crate) const SPRING: &str = "Spring bank holiday";
pub(crate) const SUMMER: &str = "Summer bank holiday";
pub(crate) const ST_PATRICK: &str = "St Patrick’s Day";
pub(crate) const BOYNE: &str = "Battle of the Boyne (Orangemen’s Day)";
pub(crate) const ST_ANDREW: &str = "St Andrew’s Day";
pub(crate) const CHRISTMAS: &str = "Christmas Day";
pub(crate) const BOXING: &str = "Boxing Day";

/// Every holiday of `region` in `year` on its nominal date, one-offs included.
/// `year` must be one chrono can represent with room to spare (the caller limits
/// it to 1970..=2100).
pub(crate) fn candidates(region: Region, year: i32) -> Vec<Candidate> {
    let mut out = Vec::with_capacity(12);
    let mut fixed = |date, name| {
        out.push(Candidate {
            date,
            name,
            movable: false,
        });
    };
    let easter = easter_sunday(year);
    fixed(easter - Days::new(2), GOOD_FRIDAY);
    if region != Region::Scotland {
        fixed(easter + Days::new(1), EASTER_MONDAY);
    }
    if let Some(may) = early_may(region, year) {
        fixed(may.0, may.1);
    }
    if let Some(spring) = spring(region, year) {
        fixed(spring, SPRING);
    }
    fixed(summer(region, year), SUMMER);
    for (date, name) in special::one_offs(region, year) {
        fixed(date, name);
    }
    new_year(region, year, &mut out);
    let mut movable = |month, day, name| {
        out.push(Candidate {
            date: ymd(year, month, day),
            name,
            movable: true,
        });
    };
    if region == Region::NorthernIreland {
        movable(3, 17, ST_PATRICK);
        movable(7, 12, BOYNE);
    }
    // The 2007 Act received royal assent in January 2007: 2006 had no such day.
    if region == Region::Scotland && year >= 2007 {
        movable(11, 30, ST_ANDREW);
    }
    movable(12, 25, CHRISTMAS);
    // Boxing Day was first proclaimed in Scotland in 1974.
    if region != Region::Scotland || year >= 1974 {
        movable(12, 26, BOXING);
    }
    out
}

/// New Year's Day everywhere (from 1974 outside Scotland, when it was first
/// proclaimed) and 2 January in Scotland.
fn new_year(region: Region, year: i32, out: &mut Vec<Candidate>) {
    let movable = |day, name| Candidate {
        date: ymd(year, 1, day),
        name,
        movable: true,
    };
    match region {
        Region::Scotland if year >= 2023 && ymd(year, 1, 1).weekday() == Weekday::Sun => {
            // Since 2023 the proclamation puts New Year's Day on Monday 2 January
            // and moves "2nd January" to the Tuesday; earlier years (2012, 2017)
            // kept 2 January in place and gave New Year's Day the Tuesday. The
            // dates are the same either way; only GOV.UK's titles differ.
            out.push(Candidate {
                date: ymd(year, 1, 2),
                name: NEW_YEAR,
                movable: false,
            });
            out.push(Candidate {
                date: ymd(year, 1, 3),
                name: SECOND_JANUARY,
                movable: false,
            });
        }
        Region::Scotland => {
            out.push(movable(1, NEW_YEAR));
            out.push(movable(2, SECOND_JANUARY));
        }
        _ if year >= 1974 => out.push(movable(1, NEW_YEAR)),
        _ => {}
    }
}

/// The early May holiday: statutory in Scotland since 1871, proclaimed elsewhere
/// from 1978; moved to 8 May for the VE Day anniversaries of 1995 and 2020.
fn early_may(region: Region, year: i32) -> Option<(NaiveDate, &'static str)> {
    if region != Region::Scotland && year < 1978 {
        return None;
    }
    Some(match year {
        1995 | 2020 => (ymd(year, 5, 8), EARLY_MAY_VE),
        _ => (nth_weekday(year, 5, 1), EARLY_MAY),
    })
}

/// The spring holiday, last Monday in May (first proclaimed in Scotland in 1978;
/// elsewhere kept since the 1965–1970 trial), moved for the jubilees.
fn spring(region: Region, year: i32) -> Option<NaiveDate> {
    if region == Region::Scotland && year < 1978 {
        return None;
    }
    Some(match year {
        2002 | 2012 => ymd(year, 6, 4),
        2022 => ymd(year, 6, 2),
        _ => last_monday(year, 5),
    })
}

/// First Monday in August in Scotland, last Monday elsewhere (in 1970 too, by the
/// 1965–1970 trial proclamations).
fn summer(region: Region, year: i32) -> NaiveDate {
    match region {
        Region::Scotland => nth_weekday(year, 8, 1),
        _ => last_monday(year, 8),
    }
}

pub(crate) fn ymd(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).expect("calendar rules use only real dates")
}

fn nth_weekday(year: i32, month: u32, n: u8) -> NaiveDate {
    NaiveDate::from_weekday_of_month_opt(year, month, Weekday::Mon, n)
        .expect("every month has a first Monday")
}

fn last_monday(year: i32, month: u32) -> NaiveDate {
    let last_day = ymd(year, month + 1, 1) - Days::new(1);
    let back = last_day.weekday().num_days_from_monday();
    last_day - Days::new(u64::from(back))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn monday_helpers() {
        assert_eq!(nth_weekday(2026, 5, 1), ymd(2026, 5, 4));
        assert_eq!(last_monday(2026, 5), ymd(2026, 5, 25));
        assert_eq!(last_monday(2026, 8), ymd(2026, 8, 31));
        assert_eq!(last_monday(2021, 5), ymd(2021, 5, 31));
    }

    #[test]
    fn scotland_has_no_easter_monday_and_a_first_monday_summer() {
        let c = candidates(Region::Scotland, 2024);
        assert!(c.iter().all(|c| c.name != EASTER_MONDAY));
        assert!(c.contains(&Candidate {
            date: ymd(2024, 8, 5),
            name: SUMMER,
            movable: false
        }));
    }

    #[test]
    fn no_new_years_day_before_1974_outside_scotland() {
        assert!(
            candidates(Region::EnglandAndWales, 1973)
                .iter()
                .all(|c| c.name != NEW_YEAR)
        );
        assert!(
            candidates(Region::EnglandAndWales, 1974)
                .iter()
                .any(|c| c.name == NEW_YEAR)
        );
    }
}

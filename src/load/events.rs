//! Event deadlines and the ordinary elections table as written: the ToR's
//! `[[event_deadlines]]` and `[[ordinary_elections]]`, and the bundled table
//! `data/ordinary-elections.toml` (built into the binary, parsed once, through
//! the same checks as a ToR's own entries).

use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate};
use schemars::JsonSchema;
use serde::Deserialize;

use super::bounds;
use super::spanned::{S, TomlDate, plain_date};
use crate::diag::{Code, Diagnostic};
use crate::model::{ElectionYear, MarkId};

const BUNDLED: &str = include_str!("../../data/ordinary-elections.toml");

/// A year whose ordinary local elections in England were moved from the first
/// Thursday in May, or not held.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawElectionYear {
    /// The year, 1970 to 2100.
    #[schemars(range(min = 1970, max = 2100))]
    pub year: S<u32>,
    /// The day the ordinary elections were (or are to be) held that year.
    /// Give this or `held = false`.
    pub date: Option<S<TomlDate>>,
    /// `false`: no ordinary elections that year (e.g. 2020, postponed).
    pub held: Option<S<bool>>,
    /// The Act or order that set the day.
    pub source: Option<String>,
}

/// The bundled table.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawElectionTable {
    ordinary_elections: Vec<RawElectionYear>,
}

/// A deadline relative to an event: the meeting marked `what` is held before
/// or after the event, optionally at least or within an amount of time.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawEventDeadline {
    /// The clause number or heading in the source document, e.g. "6.2".
    pub clause: S<String>,
    /// The mark of the meeting the deadline is for (e.g. `planning-meeting`,
    /// `first-meeting`): a record's or meeting file's `marks`, or `--mark`.
    pub what: S<String>,
    /// The event the meeting must come before: `annual-meeting`,
    /// `may-meeting`, `ordinary-elections` or `meeting:<mark>`. Give this or `after`.
    pub before: Option<S<String>>,
    /// The event the meeting must come after (same values as `before`).
    pub after: Option<S<String>>,
    /// At least this long before (or after) the event.
    pub at_least: Option<S<RawAmount>>,
    /// Within this long before (or after) the event.
    pub within: Option<S<RawAmount>>,
}

/// Exactly one key: how the amount is counted and how much.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawAmount {
    /// Calendar days: 0 to 366.
    #[schemars(range(min = 0, max = 366))]
    pub days: Option<S<u32>>,
    /// Working days (stepped as notice `working_days` is): 0 to 261.
    #[schemars(range(min = 0, max = 261))]
    pub working_days: Option<S<u32>>,
    /// Whole working days strictly between: 0 to 261.
    #[schemars(range(min = 0, max = 261))]
    pub clear_working_days: Option<S<u32>>,
    /// Whole calendar days strictly between: 0 to 366.
    #[schemars(range(min = 0, max = 366))]
    pub clear_days: Option<S<u32>>,
    /// Weeks of seven days: 0 to 52.
    #[schemars(range(min = 0, max = 52))]
    pub weeks: Option<S<u32>>,
    /// Calendar months (the same day of the month, or the month's last day): 0 to 12.
    #[schemars(range(min = 0, max = 12))]
    pub months: Option<S<u32>>,
}

/// The bundled years, sorted by year, one entry a year.
pub fn bundled() -> &'static [ElectionYear] {
    static TABLE: OnceLock<Vec<ElectionYear>> = OnceLock::new();
    TABLE.get_or_init(|| {
        // The data ships with the binary and a unit test checks every entry,
        // so an entry failing here would be a build defect; it is left out
        // rather than stopping the user's command.
        let Ok(raw) = super::structure::parse::<RawElectionTable>(BUNDLED) else {
            return Vec::new();
        };
        let mut years: Vec<ElectionYear> = raw
            .ordinary_elections
            .iter()
            .filter_map(|r| check_year(r, &mut plain_date, &mut |_| {}))
            .collect();
        // Sorted and one a year, as `Elections` looks years up by halving.
        years.sort_by_key(|e| e.year);
        years.dedup_by_key(|e| e.year);
        years
    })
}

/// Checks one year of the table; `date` reads (and reports) a date, `report`
/// takes the other problems.
pub fn check_year(
    raw: &RawElectionYear,
    date: &mut dyn FnMut(&S<TomlDate>) -> Option<NaiveDate>,
    report: &mut dyn FnMut(Diagnostic),
) -> Option<ElectionYear> {
    let year = *raw.year.get_ref();
    let Some(year) = i32::try_from(year)
        .ok()
        .filter(|y| bounds::YEARS.contains(y))
    else {
        report(
            Diagnostic::error(
                Code::OutOfRange,
                format!(
                    "`year` = {year} is out of range: {} to {}",
                    bounds::YEARS.start(),
                    bounds::YEARS.end()
                ),
            )
            .at(raw.year.span()),
        );
        return None;
    };
    let held = raw.held.as_ref().is_none_or(|h| *h.get_ref());
    let day = match (&raw.date, held) {
        (Some(d), true) => Some(date(d)?),
        (None, false) => None,
        (Some(d), false) => {
            report(
                Diagnostic::error(
                    Code::ConflictingKeys,
                    "`held = false` says no elections were held, so give no `date`",
                )
                .at(d.span()),
            );
            return None;
        }
        (None, true) => {
            report(
                Diagnostic::error(
                    Code::MissingKey,
                    format!("ordinary elections of {year} need `date` (or `held = false`)"),
                )
                .at(raw.year.span())
                .help("a year the elections fall on the first Thursday in May needs no entry"),
            );
            return None;
        }
    };
    if let (Some(day), Some(d)) = (day, &raw.date)
        && day.year() != year
    {
        report(
            Diagnostic::error(
                Code::InvalidValue,
                format!("{day} is not in {year}: a year's ordinary elections are held in it"),
            )
            .at(d.span()),
        );
        return None;
    }
    Some(ElectionYear {
        year,
        date: day,
        source: raw.source.clone(),
    })
}

/// A meeting's `marks`: each a kebab-case id, each once.
pub(crate) fn marks(raw: &[toml::Spanned<String>], problems: &mut Vec<Diagnostic>) -> Vec<MarkId> {
    let mut out: Vec<MarkId> = Vec::new();
    for m in raw {
        match MarkId::parse(m.get_ref()) {
            Ok(id) if out.contains(&id) => problems.push(
                Diagnostic::error(Code::DuplicateValue, format!("mark `{id}` is given twice"))
                    .at(m.span()),
            ),
            Ok(id) => out.push(id),
            Err(e) => problems.push(Diagnostic::error(Code::InvalidId, e.to_string()).at(m.span())),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Elections;

    fn table() -> Elections {
        Elections::new(bundled, &[])
    }

    fn day(y: i32) -> Option<String> {
        table().day(y).map(|d| d.to_string())
    }

    #[test]
    fn the_bundled_table_is_read_only_when_a_day_is_looked_up() {
        use std::sync::atomic::{AtomicBool, Ordering};
        static ASKED: AtomicBool = AtomicBool::new(false);
        fn base() -> &'static [ElectionYear] {
            ASKED.store(true, Ordering::SeqCst);
            bundled()
        }
        let t = Elections::new(base, &[]);
        assert!(!ASKED.load(Ordering::SeqCst), "read on building");
        assert_eq!(t.day(2020), None, "2020's elections were postponed");
        assert!(ASKED.load(Ordering::SeqCst), "not read on a look-up");
    }

    #[test]
    fn every_bundled_year_loads() {
        let raw = super::super::structure::parse::<RawElectionTable>(BUNDLED)
            .expect("the bundled table parses");
        let mut problems = Vec::new();
        let loaded = raw
            .ordinary_elections
            .iter()
            .filter_map(|r| check_year(r, &mut plain_date, &mut |d| problems.push(d)))
            .count();
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(loaded, raw.ordinary_elections.len());
        let mut years: Vec<i32> = bundled().iter().map(|y| y.year).collect();
        years.dedup();
        assert_eq!(years.len(), loaded, "a year is listed twice");
    }

    #[test]
    fn the_moved_years_are_the_statutes() {
        assert_eq!(day(2001).as_deref(), Some("2001-06-07"));
        assert_eq!(day(2004).as_deref(), Some("2004-06-10"));
        assert_eq!(day(2009).as_deref(), Some("2009-06-04"));
        assert_eq!(day(2014).as_deref(), Some("2014-05-22"));
        assert_eq!(day(2020), None);
        // Postponed from 2020 to a day that is also 2021's first Thursday in May.
        assert_eq!(day(2021).as_deref(), Some("2021-05-06"));
    }

    #[test]
    fn other_years_follow_the_first_thursday_in_may() {
        let expected = [
            (2000, "2000-05-04"),
            (2002, "2002-05-02"),
            (2003, "2003-05-01"),
            (2005, "2005-05-05"),
            (2006, "2006-05-04"),
            (2007, "2007-05-03"),
            (2008, "2008-05-01"),
            (2010, "2010-05-06"),
            (2011, "2011-05-05"),
            (2012, "2012-05-03"),
            (2013, "2013-05-02"),
            (2015, "2015-05-07"),
            (2016, "2016-05-05"),
            (2017, "2017-05-04"),
            (2018, "2018-05-03"),
            (2019, "2019-05-02"),
            (2022, "2022-05-05"),
            (2023, "2023-05-04"),
            (2024, "2024-05-02"),
            (2025, "2025-05-01"),
            (2026, "2026-05-07"),
            (2027, "2027-05-06"),
            (2028, "2028-05-04"),
            (2029, "2029-05-03"),
            (2030, "2030-05-02"),
        ];
        for (year, want) in expected {
            assert_eq!(day(year).as_deref(), Some(want), "{year}");
        }
    }

    #[test]
    fn a_tor_entry_replaces_the_bundled_year_and_adds_new_ones() {
        let own = [
            ElectionYear {
                year: 2014,
                date: NaiveDate::from_ymd_opt(2014, 5, 1),
                source: None,
            },
            ElectionYear {
                year: 2031,
                date: NaiveDate::from_ymd_opt(2031, 6, 5),
                source: None,
            },
        ];
        let t = Elections::new(bundled, &own);
        assert_eq!(t.day(2014), NaiveDate::from_ymd_opt(2014, 5, 1));
        assert_eq!(t.day(2031), NaiveDate::from_ymd_opt(2031, 6, 5));
        assert_eq!(t.day(2009), NaiveDate::from_ymd_opt(2009, 6, 4));
    }

    #[test]
    fn the_nearest_elections_skip_a_year_without_any() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).expect("a date");
        let t = table();
        assert_eq!(t.on_or_before(d(2020, 12, 1)), Some(d(2019, 5, 2)));
        assert_eq!(t.on_or_after(d(2019, 6, 1)), Some(d(2021, 5, 6)));
        assert_eq!(t.on_or_after(d(2026, 5, 7)), Some(d(2026, 5, 7)));
    }
}

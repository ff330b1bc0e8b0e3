//! The calendar against independent data (GOV.UK, the `holidays` package; see
//! scripts/holiday_fixture.py) and its invariants as property tests.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Datelike, Days, NaiveDate, TimeDelta, TimeZone, Utc};
use chrono_tz::Europe::London;
use chrono_tz::Tz;
use proptest::prelude::*;
use serde_json::Value;
use tor::calendar::{
    Calendar, Convention, DateOrTime, FIRST_YEAR, LAST_YEAR, Region, bank_holidays, deadline,
    elapsed, in_time,
};

const GOVUK: &str = include_str!("../data/holidays/govuk.json");
const PYTHON: &str = include_str!("../data/holidays/python-holidays.json");

/// Which side of a comparison has a date the other lacks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Side {
    OnlyOurs,
    OnlyTheirs,
}

/// Differences from GOV.UK that we keep on purpose.
const GOVUK_KNOWN: &[(Region, &str, Side, &str)] = &[(
    Region::Scotland,
    "2026-06-15",
    Side::OnlyOurs,
    "World Cup bank holiday proclaimed 4 February 2026, after govuk-bank-holidays 0.19 cached its data",
)];

/// Differences from the `holidays` package that we keep on purpose.
const PYTHON_KNOWN: &[(Region, &str, Side, &str)] = &[(
    Region::Scotland,
    "2006-11-30",
    Side::OnlyTheirs,
    "`holidays` starts St Andrew's Day in 2006, but the 2007 Act had royal assent on 15 January 2007",
)];

fn date(s: &str) -> NaiveDate {
    s.parse().unwrap_or_else(|e| panic!("{s}: {e}"))
}

/// region -> year -> [(date, name or "")], as read from a fixture file.
type Fixture = BTreeMap<Region, BTreeMap<i32, Vec<(NaiveDate, String)>>>;

/// Reads a fixture file.
fn fixture(text: &str) -> Fixture {
    let root: Value = serde_json::from_str(text).expect("fixture is JSON");
    let mut out = BTreeMap::new();
    for (region, years) in root["holidays"].as_object().expect("holidays object") {
        let region: Region = region.parse().expect("fixture region");
        let mut by_year = BTreeMap::new();
        for (year, days) in years.as_object().expect("years object") {
            let days = days
                .as_array()
                .expect("list of days")
                .iter()
                .map(|d| match d {
                    Value::String(s) => (date(s), String::new()),
                    Value::Array(pair) => (
                        date(pair[0].as_str().expect("date")),
                        pair[1].as_str().expect("name").to_owned(),
                    ),
                    other => panic!("unexpected entry {other}"),
                })
                .collect();
            by_year.insert(year.parse().expect("year"), days);
        }
        out.insert(region, by_year);
    }
    out
}

/// Every date on which ours and theirs disagree, over `years`.
fn mismatches(
    theirs: &Fixture,
    years: std::ops::RangeInclusive<i32>,
) -> BTreeSet<(Region, NaiveDate, Side)> {
    let mut out = BTreeSet::new();
    for region in Region::ALL {
        for year in years.clone() {
            let ours: BTreeSet<_> = bank_holidays(region, year).iter().map(|h| h.date).collect();
            let them: BTreeSet<_> = theirs[&region]
                .get(&year)
                .map(|days| days.iter().map(|(d, _)| *d).collect())
                .unwrap_or_default();
            out.extend(ours.difference(&them).map(|d| (region, *d, Side::OnlyOurs)));
            out.extend(
                them.difference(&ours)
                    .map(|d| (region, *d, Side::OnlyTheirs)),
            );
        }
    }
    out
}

fn known(list: &[(Region, &str, Side, &str)]) -> BTreeSet<(Region, NaiveDate, Side)> {
    list.iter().map(|&(r, d, s, _)| (r, date(d), s)).collect()
}

#[test]
fn agrees_with_govuk_dates_2012_to_2028() {
    let govuk = fixture(GOVUK);
    let years: BTreeSet<i32> = govuk.values().flat_map(|y| y.keys().copied()).collect();
    assert_eq!(years.first(), Some(&2012));
    assert!(years.last() >= Some(&2028));
    let span = 2012..=*years.last().expect("some years");
    assert_eq!(mismatches(&govuk, span), known(GOVUK_KNOWN));
}

#[test]
fn agrees_with_govuk_names() {
    let govuk = fixture(GOVUK);
    let mut wrong = Vec::new();
    for (region, years) in &govuk {
        for (year, days) in years {
            let ours = bank_holidays(*region, *year);
            for (day, name) in days {
                let mine = ours
                    .iter()
                    .find(|h| h.date == *day)
                    .map(|h| h.name.as_str());
                if mine != Some(name.as_str()) {
                    wrong.push(format!("{region} {day}: GOV.UK {name:?}, ours {mine:?}"));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn agrees_with_python_holidays_1978_to_2100() {
    let python = fixture(PYTHON);
    for region in Region::ALL {
        let years: Vec<_> = python[&region].keys().copied().collect();
        assert_eq!(
            (years[0], *years.last().expect("some years")),
            (1978, LAST_YEAR),
            "{region}"
        );
    }
    assert_eq!(mismatches(&python, 1978..=LAST_YEAR), known(PYTHON_KNOWN));
}

#[test]
fn every_year_has_its_regular_holidays() {
    for region in Region::ALL {
        for year in FIRST_YEAR..=LAST_YEAR {
            let names: BTreeSet<_> = bank_holidays(region, year)
                .into_iter()
                .map(|h| h.name)
                .collect();
            for must in ["Good Friday", "Christmas Day", "Summer bank holiday"] {
                assert!(names.contains(must), "{region} {year} lacks {must}");
            }
        }
    }
}

// ---- property tests ----

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("real date")
}

/// Any date from a few years before the computed range to a few after.
fn any_date() -> impl Strategy<Value = NaiveDate> {
    let first = ymd(FIRST_YEAR - 3, 1, 1);
    let span = (ymd(LAST_YEAR + 3, 12, 31) - first).num_days() as u64;
    (0..=span).prop_map(move |k| first + Days::new(k))
}

fn any_region() -> impl Strategy<Value = Region> {
    prop::sample::select(Region::ALL.to_vec())
}

/// A UTC instant in 2020..2030 at minute resolution, seen in London.
fn any_start() -> impl Strategy<Value = DateTime<Tz>> {
    let first = Utc
        .with_ymd_and_hms(2020, 1, 1, 0, 0, 0)
        .single()
        .expect("real instant");
    let minutes = (Utc
        .with_ymd_and_hms(2030, 12, 31, 23, 59, 0)
        .single()
        .expect("real instant")
        - first)
        .num_minutes();
    (0..=minutes).prop_map(move |m| (first + TimeDelta::minutes(m)).with_timezone(&London))
}

fn any_convention() -> impl Strategy<Value = Convention> {
    prop::sample::select(vec![
        Convention::Working,
        Convention::ClearWorking,
        Convention::Clear,
        Convention::Hours,
    ])
}

/// Working days in `[g, m)`.
fn working_from(cal: &Calendar, g: NaiveDate, m: NaiveDate) -> u32 {
    if g >= m {
        return 0;
    }
    cal.working_days_strictly_between(g, m) + u32::from(cal.is_working_day(g))
}

proptest! {
    #[test]
    fn stepping_back_lands_n_working_days_before(d in any_date(), n in 0u32..40, region in any_region()) {
        let cal = Calendar::new(region);
        let r = cal.working_days_before(d, n);
        if n == 0 {
            prop_assert_eq!(r, d);
        } else {
            prop_assert!(r < d);
            prop_assert!(cal.is_working_day(r));
            prop_assert_eq!(cal.working_days_strictly_between(r, d), n - 1);
        }
    }

    #[test]
    fn stepping_forward_lands_n_working_days_after(d in any_date(), n in 0u32..40, region in any_region()) {
        let cal = Calendar::new(region);
        let r = cal.working_days_after(d, n);
        if n == 0 {
            prop_assert_eq!(r, d);
        } else {
            prop_assert!(r > d);
            prop_assert!(cal.is_working_day(r));
            prop_assert_eq!(cal.working_days_strictly_between(d, r), n - 1);
        }
    }

    #[test]
    fn stepping_there_and_back_returns_to_a_working_day(d in any_date(), n in 0u32..40, region in any_region()) {
        let cal = Calendar::new(region);
        if cal.is_working_day(d) {
            prop_assert_eq!(cal.working_days_before(cal.working_days_after(d, n), n), d);
            prop_assert_eq!(cal.working_days_after(cal.working_days_before(d, n), n), d);
        } else {
            // From a day off, the round trip ends on the last working day before it.
            let back = cal.working_days_before(cal.working_days_after(d, n.max(1)), n.max(1));
            prop_assert!(back < d && cal.is_working_day(back));
            prop_assert_eq!(cal.working_days_strictly_between(back, d), 0);
        }
    }

    #[test]
    fn hours_deadline_is_exactly_n_elapsed_hours(start in any_start(), n in 0u32..200) {
        let cal = Calendar::new(Region::EnglandAndWales);
        let DateOrTime::Instant(last) = deadline(Convention::Hours, n, start, &cal) else {
            return Err(TestCaseError::fail("hours must give an instant"));
        };
        prop_assert_eq!(elapsed(last, start), TimeDelta::hours(i64::from(n)));
        prop_assert_eq!(last.timezone(), London);
    }

    #[test]
    fn clear_deadline_leaves_n_whole_days(start in any_start(), n in 0u32..60) {
        let cal = Calendar::new(Region::EnglandAndWales);
        let DateOrTime::Date(last) = deadline(Convention::Clear, n, start, &cal) else {
            return Err(TestCaseError::fail("clear must give a date"));
        };
        prop_assert_eq!(last + Days::new(u64::from(n) + 1), start.date_naive());
    }

    #[test]
    fn clear_working_deadline_is_the_latest_with_n_between(start in any_start(), n in 1u32..40, region in any_region()) {
        let cal = Calendar::new(region);
        let m = start.date_naive();
        let DateOrTime::Date(last) = deadline(Convention::ClearWorking, n, start, &cal) else {
            return Err(TestCaseError::fail("clear-working must give a date"));
        };
        prop_assert_eq!(cal.working_days_strictly_between(last, m), n);
        prop_assert_eq!(cal.working_days_strictly_between(last + Days::new(1), m), n - 1);
    }

    /// Each convention judged on dates matches its SPEC §3 definition directly.
    #[test]
    fn date_conventions_match_their_definitions(
        start in any_start(), back in -5i64..80, n in 0u32..40, region in any_region(),
    ) {
        let cal = Calendar::new(region);
        let m = start.date_naive();
        let g = m - TimeDelta::days(back);
        let judge = |c| in_time(c, n, start, DateOrTime::Date(g), &cal).expect("judged");
        prop_assert_eq!(judge(Convention::Working), g <= m && working_from(&cal, g, m) >= n);
        prop_assert_eq!(
            judge(Convention::ClearWorking),
            g < m && cal.working_days_strictly_between(g, m) >= n
        );
        let whole_days_between = (m - g).num_days() - 1;
        prop_assert_eq!(judge(Convention::Clear), whole_days_between >= i64::from(n));
    }

    #[test]
    fn hours_in_time_means_n_hours_elapsed(start in any_start(), back in -600i64..6000, n in 0u32..120) {
        let cal = Calendar::new(Region::EnglandAndWales);
        let given = start - TimeDelta::minutes(back);
        let ok = in_time(Convention::Hours, n, start, DateOrTime::Instant(given), &cal).expect("judged");
        prop_assert_eq!(ok, elapsed(given, start) >= TimeDelta::hours(i64::from(n)));
    }

    #[test]
    fn earlier_notice_is_never_later(
        start in any_start(), a in 0i64..(90 * 24 * 60), b in 0i64..(90 * 24 * 60),
        n in 0u32..40, convention in any_convention(), region in any_region(),
    ) {
        let cal = Calendar::new(region);
        let (early, late) = (start - TimeDelta::minutes(a.max(b)), start - TimeDelta::minutes(a.min(b)));
        let judge = |t: DateTime<Tz>| in_time(convention, n, start, DateOrTime::Instant(t), &cal).expect("judged");
        prop_assert!(!judge(late) || judge(early));
        if convention != Convention::Hours {
            let day = |t: DateTime<Tz>| in_time(convention, n, start, DateOrTime::Date(t.date_naive()), &cal).expect("judged");
            prop_assert!(!day(late) || day(early));
        }
    }
}

/// Every quarter hour of every clock-change day 2020–2030, as starts: the hours
/// deadline is N elapsed hours even where wall-clock time jumps.
#[test]
fn hours_deadline_on_every_clock_change_day() {
    let cal = Calendar::new(Region::EnglandAndWales);
    for year in 2020..=2030 {
        for month in [3, 10] {
            let sunday = NaiveDate::from_weekday_of_month_opt(year, month, chrono::Weekday::Sun, 1)
                .expect("a first Sunday")
                .iter_weeks()
                .take_while(|d| d.month() == month)
                .last()
                .expect("a last Sunday");
            let first = Utc.from_utc_datetime(&sunday.and_hms_opt(0, 0, 0).expect("midnight"))
                - TimeDelta::hours(2);
            for q in 0..(28 * 4) {
                let start = (first + TimeDelta::minutes(15 * q)).with_timezone(&London);
                for n in [1, 2, 3, 24, 25, 47, 48, 72] {
                    let DateOrTime::Instant(last) = deadline(Convention::Hours, n, start, &cal)
                    else {
                        panic!("hours must give an instant");
                    };
                    assert_eq!(
                        elapsed(last, start),
                        TimeDelta::hours(i64::from(n)),
                        "{start} {n}"
                    );
                }
            }
        }
    }
}

#[test]
fn oxfordshire_examples() {
    let cal = Calendar::new(Region::EnglandAndWales);
    let at = |s: &str| tor::calendar::parse_datetime(s, London).expect("valid date-time");
    let start = at("2026-10-25T14:00");
    assert_eq!(
        deadline(Convention::Hours, 48, start, &cal),
        DateOrTime::Instant(at("2026-10-23T15:00"))
    );
    assert_eq!(
        in_time(
            Convention::Hours,
            48,
            start,
            DateOrTime::Instant(at("2026-10-23T14:30")),
            &cal
        ),
        Ok(true)
    );
    let spring = at("2027-03-28T14:45");
    assert_eq!(
        in_time(
            Convention::Hours,
            48,
            spring,
            DateOrTime::Instant(at("2027-03-26T14:30")),
            &cal
        ),
        Ok(false)
    );
}

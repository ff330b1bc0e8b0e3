//! Bank holidays by region and year, computed by rule and cached per year.

use std::sync::OnceLock;

use chrono::NaiveDate;
use serde::Serialize;

pub use super::easter::easter_sunday;
use super::region::Region;
use super::{rules, substitute};

/// One day off: a bank holiday or its substitute, named as GOV.UK names it (a
/// substitute day keeps the name of the holiday it replaces).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BankHoliday {
    pub date: NaiveDate,
    pub name: String,
    pub region: Region,
}

/// The first year whose bank holidays are computed.
pub const FIRST_YEAR: i32 = 1970;
/// The last year whose bank holidays are computed.
pub const LAST_YEAR: i32 = 2100;

const YEARS: usize = (LAST_YEAR - FIRST_YEAR + 1) as usize;

/// One lazily filled slot per region and year, so a run pays only for the years
/// it touches and the tables are shared by every `Calendar`.
static TABLES: [[OnceLock<Vec<BankHoliday>>; YEARS]; Region::ALL.len()] =
    [const { [const { OnceLock::new() }; YEARS] }; Region::ALL.len()];

/// The weekdays that are bank holidays in `region` in `year`, sorted by date;
/// empty outside [`FIRST_YEAR`]..=[`LAST_YEAR`].
pub fn bank_holidays(region: Region, year: i32) -> Vec<BankHoliday> {
    year_table(region, year).to_vec()
}

/// The cached, sorted holidays of one region and year.
pub(crate) fn year_table(region: Region, year: i32) -> &'static [BankHoliday] {
    if !(FIRST_YEAR..=LAST_YEAR).contains(&year) {
        return &[];
    }
    let Ok(index) = usize::try_from(year - FIRST_YEAR) else {
        return &[];
    };
    let slot = &TABLES[region.index()][index];
    slot.get_or_init(|| compute(region, year))
}

fn compute(region: Region, year: i32) -> Vec<BankHoliday> {
    substitute::place(year, &rules::candidates(region, year))
        .into_iter()
        .map(|(date, name)| BankHoliday {
            date,
            name: name.to_owned(),
            region,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::rules::ymd;

    fn dates(region: Region, year: i32) -> Vec<NaiveDate> {
        bank_holidays(region, year).iter().map(|h| h.date).collect()
    }

    fn named(region: Region, date: NaiveDate) -> String {
        bank_holidays(region, chrono::Datelike::year(&date))
            .into_iter()
            .find(|h| h.date == date)
            .map(|h| h.name)
            .unwrap_or_default()
    }

    #[test]
    fn serialises_with_iso_date_and_kebab_region() {
        let first = bank_holidays(Region::EnglandAndWales, 2012).remove(0);
        let json = serde_json::to_string(&first).expect("serialises");
        assert_eq!(
            json,
            r#"{"date":"2012-01-02","name":"New Year’s Day","region":"england-and-wales"}"#
        );
    }

    #[test]
    fn outside_the_range_is_empty() {
        assert!(bank_holidays(Region::EnglandAndWales, 1969).is_empty());
        assert!(bank_holidays(Region::Scotland, 2101).is_empty());
        assert!(!bank_holidays(Region::Scotland, 1970).is_empty());
        assert!(!bank_holidays(Region::Scotland, 2100).is_empty());
    }

    #[test]
    fn england_2012() {
        let expected = [
            (1, 2),
            (4, 6),
            (4, 9),
            (5, 7),
            (6, 4),
            (6, 5),
            (8, 27),
            (12, 25),
            (12, 26),
        ];
        let expected: Vec<_> = expected.iter().map(|&(m, d)| ymd(2012, m, d)).collect();
        assert_eq!(dates(Region::EnglandAndWales, 2012), expected);
    }

    #[test]
    fn scottish_new_year_substitutes() {
        // 1 Jan Saturday, 2 Jan Sunday: Monday and Tuesday.
        assert_eq!(
            &dates(Region::Scotland, 2022)[..2],
            [ymd(2022, 1, 3), ymd(2022, 1, 4)]
        );
        // 1 Jan Friday, 2 Jan Saturday: Friday and Monday.
        assert_eq!(
            &dates(Region::Scotland, 2016)[..2],
            [ymd(2016, 1, 1), ymd(2016, 1, 4)]
        );
        // 1 Jan Sunday: Monday and Tuesday, titled differently before and since 2023.
        assert_eq!(named(Region::Scotland, ymd(2017, 1, 2)), "2nd January");
        assert_eq!(named(Region::Scotland, ymd(2017, 1, 3)), "New Year’s Day");
        assert_eq!(named(Region::Scotland, ymd(2023, 1, 2)), "New Year’s Day");
        assert_eq!(named(Region::Scotland, ymd(2023, 1, 3)), "2nd January");
    }

    #[test]
    fn northern_ireland_substitutes() {
        assert!(dates(Region::NorthernIreland, 2012).contains(&ymd(2012, 3, 19)));
        assert!(dates(Region::NorthernIreland, 2014).contains(&ymd(2014, 7, 14)));
        assert_eq!(
            named(Region::NorthernIreland, ymd(2015, 7, 13)),
            "Battle of the Boyne (Orangemen’s Day)"
        );
    }

    #[test]
    fn st_andrews_day_from_2007() {
        assert!(!dates(Region::Scotland, 2006).contains(&ymd(2006, 11, 30)));
        assert!(dates(Region::Scotland, 2007).contains(&ymd(2007, 11, 30)));
        // Saturday 30 November 2013 → Monday 2 December.
        assert!(dates(Region::Scotland, 2013).contains(&ymd(2013, 12, 2)));
    }

    #[test]
    fn moved_and_extra_days() {
        let ew = Region::EnglandAndWales;
        assert_eq!(
            named(ew, ymd(2020, 5, 8)),
            "Early May bank holiday (VE day)"
        );
        assert!(!dates(ew, 2020).contains(&ymd(2020, 5, 4)));
        assert_eq!(named(ew, ymd(2023, 5, 1)), "Early May bank holiday");
        assert!(dates(ew, 2023).contains(&ymd(2023, 5, 8)));
        assert_eq!(named(ew, ymd(2022, 6, 2)), "Spring bank holiday");
        assert!(!dates(ew, 2022).contains(&ymd(2022, 5, 30)));
        assert!(dates(Region::Scotland, 2026).contains(&ymd(2026, 6, 15)));
        assert!(!dates(ew, 2026).contains(&ymd(2026, 6, 15)));
    }

    #[test]
    fn every_table_is_sorted_unique_weekdays_of_its_year() {
        use chrono::Datelike;
        for region in Region::ALL {
            for year in FIRST_YEAR..=LAST_YEAR {
                let table = bank_holidays(region, year);
                assert!(
                    table.windows(2).all(|w| w[0].date < w[1].date),
                    "{region} {year}"
                );
                for h in &table {
                    assert_eq!(h.date.year(), year);
                    assert_eq!(h.region, region);
                    assert!(!substitute::is_weekend(h.date), "{h:?}");
                }
            }
        }
    }
}

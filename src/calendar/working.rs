//! Working days: Monday to Friday, less bank holidays, proclaimed extras and closures.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, NaiveDate};

use super::holidays::{BankHoliday, FIRST_YEAR, LAST_YEAR, year_table};
use super::region::Region;
use super::substitute::is_weekend;

/// A region's bank holidays plus user-added proclaimed days and closure dates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Calendar {
    region: Region,
    extra: BTreeMap<NaiveDate, String>,
    closures: BTreeSet<NaiveDate>,
}

impl Calendar {
    pub fn new(region: Region) -> Self {
        Calendar {
            region,
            extra: BTreeMap::new(),
            closures: BTreeSet::new(),
        }
    }

    /// Adds newly proclaimed bank holidays that this release does not know.
    /// A date given twice keeps the last name.
    #[must_use]
    pub fn with_extra_holidays(
        mut self,
        days: impl IntoIterator<Item = (NaiveDate, String)>,
    ) -> Self {
        self.extra.extend(days);
        self
    }

    /// Adds days the body does not work although they are not bank holidays.
    #[must_use]
    pub fn with_closures(mut self, days: impl IntoIterator<Item = NaiveDate>) -> Self {
        self.closures.extend(days);
        self
    }

    pub fn region(&self) -> Region {
        self.region
    }

    /// Whether `d` is one of the closure dates.
    pub fn is_closure(&self, d: NaiveDate) -> bool {
        self.closures.contains(&d)
    }

    pub fn is_working_day(&self, d: NaiveDate) -> bool {
        !is_weekend(d) && self.holiday_name(d).is_none() && !self.is_closure(d)
    }

    /// The name of the bank holiday (computed or extra) on `d`, if any.
    pub fn holiday_name(&self, d: NaiveDate) -> Option<&str> {
        year_table(self.region, d.year())
            .iter()
            .find(|h| h.date == d)
            .map(|h| h.name.as_str())
            .or_else(|| self.extra.get(&d).map(String::as_str))
    }

    /// Bank holidays from `from` to `to` inclusive, extras included, by date.
    pub fn holidays_between(&self, from: NaiveDate, to: NaiveDate) -> Vec<BankHoliday> {
        if from > to {
            return Vec::new();
        }
        let years = from.year().max(FIRST_YEAR)..=to.year().min(LAST_YEAR);
        let mut out: Vec<BankHoliday> = years
            .flat_map(|y| year_table(self.region, y))
            .filter(|h| (from..=to).contains(&h.date))
            .cloned()
            .collect();
        for (date, name) in self.extra.range(from..=to) {
            // A computed holiday on the same date already covers it.
            if !out.iter().any(|h| h.date == *date) {
                out.push(BankHoliday {
                    date: *date,
                    name: name.clone(),
                    region: self.region,
                });
            }
        }
        out.sort_by_key(|h| h.date);
        out
    }

    /// The date `n` working days before `d` (`d` itself for `n = 0`).
    pub fn working_days_before(&self, d: NaiveDate, n: u32) -> NaiveDate {
        self.step(d, n, NaiveDate::pred_opt)
    }

    /// The date `n` working days after `d` (`d` itself for `n = 0`).
    pub fn working_days_after(&self, d: NaiveDate, n: u32) -> NaiveDate {
        self.step(d, n, NaiveDate::succ_opt)
    }

    /// The number of working days strictly between `a` and `b`, neither counted.
    pub fn working_days_strictly_between(&self, a: NaiveDate, b: NaiveDate) -> u32 {
        let mut count = 0;
        let mut day = a;
        while let Some(next) = day.succ_opt().filter(|next| *next < b) {
            if self.is_working_day(next) {
                count += 1;
            }
            day = next;
        }
        count
    }

    /// Moves `n` working days with `next`, stopping at the end of chrono's range
    /// rather than panicking.
    fn step(&self, d: NaiveDate, n: u32, next: fn(&NaiveDate) -> Option<NaiveDate>) -> NaiveDate {
        let mut day = d;
        let mut left = n;
        while left > 0 {
            match next(&day) {
                Some(moved) => day = moved,
                None => break,
            }
            if self.is_working_day(day) {
                left -= 1;
            }
        }
        day
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("real date")
    }

    #[test]
    fn spec_examples_for_stepping_back() {
        let ew = Calendar::new(Region::EnglandAndWales);
        assert_eq!(
            ew.working_days_before(ymd(2012, 12, 6), 5),
            ymd(2012, 11, 29)
        );
        assert_eq!(
            ew.working_days_before(ymd(2012, 12, 27), 5),
            ymd(2012, 12, 18)
        );
        assert_eq!(ew.working_days_before(ymd(2008, 5, 8), 3), ymd(2008, 5, 2));
        assert_eq!(ew.working_days_before(ymd(2008, 5, 8), 0), ymd(2008, 5, 8));
    }

    #[test]
    fn stepping_forward_skips_weekends_and_holidays() {
        let ew = Calendar::new(Region::EnglandAndWales);
        // Friday 24 December 2021; 27 and 28 are substitutes.
        assert_eq!(
            ew.working_days_after(ymd(2021, 12, 24), 1),
            ymd(2021, 12, 29)
        );
        assert_eq!(
            ew.working_days_after(ymd(2021, 12, 24), 0),
            ymd(2021, 12, 24)
        );
    }

    #[test]
    fn extra_days_and_closures() {
        let cal = Calendar::new(Region::EnglandAndWales)
            .with_extra_holidays([(ymd(2030, 6, 3), "Proclaimed day".to_owned())])
            .with_closures([ymd(2030, 12, 27)]);
        assert_eq!(cal.holiday_name(ymd(2030, 6, 3)), Some("Proclaimed day"));
        assert!(!cal.is_working_day(ymd(2030, 6, 3)));
        assert!(!cal.is_working_day(ymd(2030, 12, 27)));
        assert!(cal.is_closure(ymd(2030, 12, 27)));
        assert_eq!(cal.holiday_name(ymd(2030, 12, 27)), None);
        assert_eq!(cal.holiday_name(ymd(2030, 12, 25)), Some("Christmas Day"));
        let names: Vec<_> = cal
            .holidays_between(ymd(2030, 5, 1), ymd(2030, 6, 30))
            .into_iter()
            .map(|h| h.name)
            .collect();
        assert_eq!(
            names,
            [
                "Early May bank holiday",
                "Spring bank holiday",
                "Proclaimed day"
            ]
        );
    }

    #[test]
    fn strictly_between_counts_neither_end() {
        let ew = Calendar::new(Region::EnglandAndWales);
        // Monday to Friday of one week: Tue, Wed, Thu.
        assert_eq!(
            ew.working_days_strictly_between(ymd(2026, 3, 2), ymd(2026, 3, 6)),
            3
        );
        assert_eq!(
            ew.working_days_strictly_between(ymd(2026, 3, 2), ymd(2026, 3, 3)),
            0
        );
        assert_eq!(
            ew.working_days_strictly_between(ymd(2026, 3, 6), ymd(2026, 3, 2)),
            0
        );
    }

    #[test]
    fn holidays_between_spans_years_and_is_empty_when_reversed() {
        let sc = Calendar::new(Region::Scotland);
        let h = sc.holidays_between(ymd(2025, 12, 1), ymd(2026, 1, 2));
        let dates: Vec<_> = h.iter().map(|h| h.date).collect();
        assert_eq!(
            dates,
            [
                ymd(2025, 12, 1),
                ymd(2025, 12, 25),
                ymd(2025, 12, 26),
                ymd(2026, 1, 1),
                ymd(2026, 1, 2)
            ]
        );
        assert!(
            sc.holidays_between(ymd(2026, 1, 2), ymd(2025, 12, 1))
                .is_empty()
        );
    }

    #[test]
    fn stepping_stops_at_the_end_of_time() {
        let ew = Calendar::new(Region::EnglandAndWales);
        assert_eq!(ew.working_days_after(NaiveDate::MAX, 3), NaiveDate::MAX);
        assert_eq!(ew.working_days_before(NaiveDate::MIN, 3), NaiveDate::MIN);
    }
}

//! England's ordinary day of local elections by the statutory rule; the dated
//! exceptions (years the day was moved or no election held) are data, in
//! `data/ordinary-elections.toml` and a ToR's `[[ordinary_elections]]`.

use chrono::{NaiveDate, Weekday};

/// The ordinary day of election of councillors in England in `year` by the
/// default rule: the first Thursday in May (Representation of the People Act
/// 1983 s.37(1), as amended). `None` outside chrono's range.
pub fn first_thursday_in_may(year: i32) -> Option<NaiveDate> {
    NaiveDate::from_weekday_of_month_opt(year, 5, Weekday::Thu, 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Datelike;

    #[test]
    fn the_default_day_is_the_first_thursday_in_may() {
        let day = |y| first_thursday_in_may(y).map(|d| d.to_string());
        assert_eq!(day(2022).as_deref(), Some("2022-05-05"));
        assert_eq!(day(2024).as_deref(), Some("2024-05-02"));
        assert_eq!(day(2026).as_deref(), Some("2026-05-07"));
        assert_eq!(day(2030).as_deref(), Some("2030-05-02"));
        for year in 1970..=2100 {
            let d = first_thursday_in_may(year).expect("in range");
            assert_eq!(d.weekday(), Weekday::Thu);
            assert_eq!(d.month(), 5);
            assert!(d.day() <= 7, "{d}");
        }
    }
}

//! The days the Local Government Act 1972 s.243 leaves out of a period of days:
//! Sundays, the Christmas break, the Easter break and bank holidays. Saturdays count.

use chrono::{Datelike, Days, NaiveDate, Weekday};

use super::easter::easter_sunday;
use super::substitute::is_weekend;
use super::working::Calendar;

/// s.243(4): "the period beginning with the last week day before Christmas Day
/// and ending with the first week day after Christmas Day which is not a bank
/// holiday" (a week day being any day but Saturday or Sunday), both ends included.
pub fn christmas_break(year: i32, cal: &Calendar) -> Option<(NaiveDate, NaiveDate)> {
    let christmas = NaiveDate::from_ymd_opt(year, 12, 25)?;
    let mut start = christmas.pred_opt()?;
    while is_weekend(start) {
        start = start.pred_opt()?;
    }
    let mut end = christmas.succ_opt()?;
    // At most four days on: two weekend days and two substitute holidays.
    while is_weekend(end) || cal.holiday_name(end).is_some() {
        end = end.succ_opt()?;
    }
    Some((start, end))
}

/// s.243(4): "the period beginning with the Thursday before and ending with the
/// Tuesday after Easter Day", both ends included.
pub fn easter_break(year: i32) -> Option<(NaiveDate, NaiveDate)> {
    let easter = easter_sunday(year);
    Some((
        easter.checked_sub_days(Days::new(3))?,
        easter.checked_add_days(Days::new(2))?,
    ))
}

/// Why s.243 leaves `d` out of a count, if it does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Excluded {
    ChristmasBreak,
    EasterBreak,
    Sunday,
    BankHoliday,
}

/// The break is named before the Sunday or holiday inside it: it is the wider
/// reason, and the one officers disagree about.
pub fn excluded(d: NaiveDate, cal: &Calendar) -> Option<Excluded> {
    let within = |span: Option<(NaiveDate, NaiveDate)>| span.is_some_and(|(a, b)| a <= d && d <= b);
    if d.month() == 12 && within(christmas_break(d.year(), cal)) {
        Some(Excluded::ChristmasBreak)
    } else if matches!(d.month(), 3 | 4) && within(easter_break(d.year())) {
        Some(Excluded::EasterBreak)
    } else if d.weekday() == Weekday::Sun {
        Some(Excluded::Sunday)
    } else if cal.holiday_name(d).is_some() {
        Some(Excluded::BankHoliday)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::Region;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("real date")
    }

    fn ew() -> Calendar {
        Calendar::new(Region::EnglandAndWales)
    }

    #[test]
    fn christmas_break_ends_on_the_first_ordinary_week_day() {
        // Christmas on a Tuesday: Mon 24 to Thu 27 (Boxing Day is a holiday).
        assert_eq!(
            christmas_break(2012, &ew()),
            Some((ymd(2012, 12, 24), ymd(2012, 12, 27)))
        );
        // Christmas on a Saturday: Fri 24 to Wed 29, past both substitute days.
        assert_eq!(
            christmas_break(2021, &ew()),
            Some((ymd(2021, 12, 24), ymd(2021, 12, 29)))
        );
        // Christmas on a Monday: starts the Friday before.
        assert_eq!(
            christmas_break(2023, &ew()),
            Some((ymd(2023, 12, 22), ymd(2023, 12, 27)))
        );
    }

    #[test]
    fn easter_break_is_maundy_thursday_to_easter_tuesday() {
        assert_eq!(easter_break(2026), Some((ymd(2026, 4, 2), ymd(2026, 4, 7))));
    }

    #[test]
    fn saturdays_count_sundays_do_not() {
        assert_eq!(excluded(ymd(2026, 3, 7), &ew()), None);
        assert_eq!(excluded(ymd(2026, 3, 8), &ew()), Some(Excluded::Sunday));
        assert_eq!(
            excluded(ymd(2026, 5, 4), &ew()),
            Some(Excluded::BankHoliday)
        );
        assert_eq!(
            excluded(ymd(2026, 4, 3), &ew()),
            Some(Excluded::EasterBreak)
        );
    }
}

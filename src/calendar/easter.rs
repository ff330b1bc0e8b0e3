//! Easter Sunday, from which Good Friday and Easter Monday follow.

use chrono::NaiveDate;

/// Easter Sunday in the Gregorian calendar (the anonymous "Meeus/Jones/Butcher"
/// computus), valid for every year from 1583 on.
///
/// Years chrono cannot represent saturate to [`NaiveDate::MIN`] / [`NaiveDate::MAX`]
/// rather than panic.
// The one-letter names are the published algorithm's, so it can be checked line by line.
#[allow(clippy::many_single_char_names)]
pub fn easter_sunday(year: i32) -> NaiveDate {
    let y = i64::from(year);
    // Position in the 19-year Metonic cycle: fixes the ecclesiastical full moon.
    let a = y.rem_euclid(19);
    let (b, c) = (y.div_euclid(100), y.rem_euclid(100));
    // Century corrections: skipped leap years and the lunar drift.
    let (d, e) = (b.div_euclid(4), b.rem_euclid(4));
    let f = (b + 8).div_euclid(25);
    let g = (b - f + 1).div_euclid(3);
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let (i, k) = (c.div_euclid(4), c.rem_euclid(4));
    // Days from the full moon to the following Sunday.
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l).div_euclid(451);
    let n = h + l - 7 * m + 114;
    let (month, day) = (n.div_euclid(31), n.rem_euclid(31) + 1);
    // month is 3 or 4 and day 1..=31 by construction, so the conversions succeed.
    let date = u32::try_from(month)
        .ok()
        .zip(u32::try_from(day).ok())
        .and_then(|(month, day)| NaiveDate::from_ymd_opt(year, month, day));
    date.unwrap_or(if year < 0 {
        NaiveDate::MIN
    } else {
        NaiveDate::MAX
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Datelike, Weekday};

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("real date")
    }

    #[test]
    fn known_easters() {
        let known = [
            ymd(1818, 3, 22), // earliest possible date
            ymd(1943, 4, 25), // latest possible date
            ymd(1970, 3, 29),
            ymd(1981, 4, 19),
            ymd(2000, 4, 23),
            ymd(2008, 3, 23),
            ymd(2011, 4, 24),
            ymd(2019, 4, 21),
            ymd(2024, 3, 31),
            ymd(2025, 4, 20),
            ymd(2038, 4, 25),
            ymd(2100, 3, 28),
            ymd(2285, 3, 22),
        ];
        for date in known {
            assert_eq!(easter_sunday(date.year()), date, "{}", date.year());
        }
    }

    #[test]
    fn always_a_sunday_between_22_march_and_25_april() {
        for year in 1583..=3000 {
            let e = easter_sunday(year);
            assert_eq!(e.weekday(), Weekday::Sun, "{year}");
            assert!(e >= ymd(year, 3, 22) && e <= ymd(year, 4, 25), "{year}");
        }
    }

    #[test]
    fn unrepresentable_years_saturate() {
        assert_eq!(easter_sunday(i32::MAX), NaiveDate::MAX);
        assert_eq!(easter_sunday(i32::MIN), NaiveDate::MIN);
    }
}

//! Moving holidays that fall at a weekend to substitute weekdays.

use chrono::{Datelike, Days, NaiveDate, Weekday};

use super::rules::Candidate;

/// The first year in which Saturday holidays got a substitute: before the 1971
/// Act only a Sunday holiday moved (to the Monday), as in December 1970 when
/// Boxing Day stayed on the Saturday.
const SATURDAY_SUBSTITUTES_FROM: i32 = 1971;

pub(crate) fn is_weekend(d: NaiveDate) -> bool {
    matches!(d.weekday(), Weekday::Sat | Weekday::Sun)
}

/// The weekdays actually taken off, with their names, in date order.
///
/// Holidays on a weekday keep their date first; then each weekend holiday, in
/// date order, takes the next weekday not already taken. This is how GOV.UK
/// lists them: Christmas on a Sunday gives Boxing Day on Monday 26 and the
/// Christmas substitute on Tuesday 27.
pub(crate) fn place(year: i32, candidates: &[Candidate]) -> Vec<(NaiveDate, &'static str)> {
    let mut taken: Vec<(NaiveDate, &'static str)> = candidates
        .iter()
        .filter(|c| !is_weekend(c.date))
        .map(|c| (c.date, c.name))
        .collect();
    let mut weekend: Vec<&Candidate> = candidates
        .iter()
        .filter(|c| c.movable && is_weekend(c.date))
        .filter(|c| year >= SATURDAY_SUBSTITUTES_FROM || c.date.weekday() == Weekday::Sun)
        .collect();
    weekend.sort_by_key(|c| c.date);
    for c in weekend {
        let mut day = c.date;
        while is_weekend(day) || taken.iter().any(|(d, _)| *d == day) {
            day = day + Days::new(1);
        }
        taken.push((day, c.name));
    }
    taken.sort_by_key(|(d, _)| *d);
    taken
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::rules::{BOXING, CHRISTMAS, ymd};

    fn movable(date: NaiveDate, name: &'static str) -> Candidate {
        Candidate {
            date,
            name,
            movable: true,
        }
    }

    #[test]
    fn christmas_on_saturday() {
        let c = [
            movable(ymd(2021, 12, 25), CHRISTMAS),
            movable(ymd(2021, 12, 26), BOXING),
        ];
        assert_eq!(
            place(2021, &c),
            vec![(ymd(2021, 12, 27), CHRISTMAS), (ymd(2021, 12, 28), BOXING)]
        );
    }

    #[test]
    fn christmas_on_sunday() {
        let c = [
            movable(ymd(2022, 12, 25), CHRISTMAS),
            movable(ymd(2022, 12, 26), BOXING),
        ];
        assert_eq!(
            place(2022, &c),
            vec![(ymd(2022, 12, 26), BOXING), (ymd(2022, 12, 27), CHRISTMAS)]
        );
    }

    #[test]
    fn boxing_day_on_saturday() {
        let c = [
            movable(ymd(2026, 12, 25), CHRISTMAS),
            movable(ymd(2026, 12, 26), BOXING),
        ];
        assert_eq!(
            place(2026, &c),
            vec![(ymd(2026, 12, 25), CHRISTMAS), (ymd(2026, 12, 28), BOXING)]
        );
    }

    #[test]
    fn before_1971_only_sunday_moves() {
        let c = [
            movable(ymd(1970, 12, 25), CHRISTMAS),
            movable(ymd(1970, 12, 26), BOXING),
        ];
        assert_eq!(place(1970, &c), vec![(ymd(1970, 12, 25), CHRISTMAS)]);
    }
}

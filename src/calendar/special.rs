//! One-off bank holidays proclaimed for a single year. Days that replaced a
//! regular holiday (the moved early May and spring holidays) live in `rules`.
//!
//! The days are constants, checked when tor is compiled: a date that does not
//! exist fails the build, not a run.

use chrono::{Datelike, NaiveDate};

use super::region::Region;

struct OneOff {
    date: NaiveDate,
    /// `None`: the whole UK.
    only: Option<Region>,
    name: &'static str,
}

/// A real date, or a compile error where the table is built.
const fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(y, m, d) {
        Some(date) => date,
        None => panic!("a one-off bank holiday on a day that does not exist"),
    }
}

const fn uk(y: i32, m: u32, d: u32, name: &'static str) -> OneOff {
    OneOff {
        date: date(y, m, d),
        only: None,
        name,
    }
}

const fn only(region: Region, y: i32, m: u32, d: u32, name: &'static str) -> OneOff {
    OneOff {
        date: date(y, m, d),
        only: Some(region),
        name,
    }
}

/// Names from 2012 on are GOV.UK's titles; older days predate its data, so their
/// names are ours in the same style.
#[rustfmt::skip] // one row per day reads better than rustfmt's one field per line
const ONE_OFFS: &[OneOff] = &[
    // Reported as a special bank holiday; predates both reference data sets.
    uk(1973, 11, 14, "Wedding of Princess Anne and Mark Phillips"),
    uk(1977, 6, 7, "Queen’s Silver Jubilee"),
    uk(1981, 7, 29, "Wedding of the Prince of Wales and Lady Diana Spencer"),
    uk(1999, 12, 31, "Millennium celebrations"),
    uk(2002, 6, 3, "Queen’s Golden Jubilee"),
    uk(2011, 4, 29, "Wedding of Prince William and Catherine Middleton"),
    uk(2012, 6, 5, "Queen’s Diamond Jubilee"),
    uk(2022, 6, 3, "Platinum Jubilee bank holiday"),
    uk(2022, 9, 19, "Bank Holiday for the State Funeral of Queen Elizabeth II"),
    uk(2023, 5, 8, "Bank holiday for the coronation of King Charles III"),
    // Proclaimed 4 February 2026, after the GOV.UK data in our fixture was cached;
    // the name is ours until GOV.UK titles it.
    only(Region::Scotland, 2026, 6, 15,
        "Bank holiday for Scotland’s participation in the FIFA World Cup"),
];

/// The one-off days of `region` in `year`.
pub(crate) fn one_offs(
    region: Region,
    year: i32,
) -> impl Iterator<Item = (NaiveDate, &'static str)> {
    ONE_OFFS
        .iter()
        .filter(move |o| o.date.year() == year && o.only.is_none_or(|r| r == region))
        .map(|o| (o.date, o.name))
}

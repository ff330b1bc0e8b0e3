//! One-off bank holidays proclaimed for a single year. Days that replaced a
//! regular holiday (the moved early May and spring holidays) live in `rules`.

use chrono::NaiveDate;

use super::region::Region;
use super::rules::ymd;

/// Which regions a one-off applied to.
#[derive(Clone, Copy)]
enum Where {
    Uk,
    Only(Region),
}

/// (year, month, day, where, name). Names after 2012 are GOV.UK's titles; older
/// days predate its data, so their names are ours in the same style.
const ONE_OFFS: &[(i32, u32, u32, Where, &str)] = &[
    // Reported as a special bank holiday; before both reference data sets.
    (
        1973,
        11,
        14,
        Where::Uk,
        "Wedding of Princess Anne and Mark Phillips",
    ),
    (1977, 6, 7, Where::Uk, "Queen’s Silver Jubilee"),
    (
        1981,
        7,
        29,
        Where::Uk,
        "Wedding of the Prince of Wales and Lady Diana Spencer",
    ),
    (1999, 12, 31, Where::Uk, "Millennium celebrations"),
    (2002, 6, 3, Where::Uk, "Queen’s Golden Jubilee"),
    (
        2011,
        4,
        29,
        Where::Uk,
        "Wedding of Prince William and Catherine Middleton",
    ),
    (2012, 6, 5, Where::Uk, "Queen’s Diamond Jubilee"),
    (2022, 6, 3, Where::Uk, "Platinum Jubilee bank holiday"),
    (
        2022,
        9,
        19,
        Where::Uk,
        "Bank Holiday for the State Funeral of Queen Elizabeth II",
    ),
    (
        2023,
        5,
        8,
        Where::Uk,
        "Bank holiday for the coronation of King Charles III",
    ),
    // Proclaimed 4 February 2026, after the GOV.UK data cached in our fixture.
    (
        2026,
        6,
        15,
        Where::Only(Region::Scotland),
        "Bank holiday for Scotland’s participation in the FIFA World Cup",
    ),
];

/// The one-off days of `region` in `year`.
pub(crate) fn one_offs(
    region: Region,
    year: i32,
) -> impl Iterator<Item = (NaiveDate, &'static str)> {
    ONE_OFFS
        .iter()
        .filter(move |(y, _, _, place, _)| {
            *y == year
                && match place {
                    Where::Uk => true,
                    Where::Only(r) => *r == region,
                }
        })
        .map(|&(y, m, d, _, name)| (ymd(y, m, d), name))
}

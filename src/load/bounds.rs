//! The largest (and smallest) value each number in the formats may take: what a
//! terms of reference can mean. Larger values are `out-of-range` errors, so no
//! rule can make a command count years of working days or print a date outside
//! the calendar tor knows (1970–2100). `tor schema` states the same ranges.

use std::ops::RangeInclusive;

/// Notice in working days (`working_days`, `clear_working_days`, minutes): a
/// year's working days.
pub const WORKING_DAYS: RangeInclusive<u32> = 0..=261;
/// Notice in calendar days: a year.
pub const CLEAR_DAYS: RangeInclusive<u32> = 0..=366;
/// Notice in hours: a leap year's hours.
pub const HOURS: RangeInclusive<u32> = 0..=8784;
/// "Every N months": ten years.
pub const EVERY_MONTHS: RangeInclusive<u32> = 1..=120;
/// A maximum gap between meetings: ten years in each unit.
pub const GAP_MONTHS: RangeInclusive<u32> = 1..=120;
pub const GAP_WEEKS: RangeInclusive<u32> = 1..=520;
pub const GAP_DAYS: RangeInclusive<u32> = 1..=3660;
/// Meetings in a week, a month, a quarter, a year: one a day.
pub const PER_WEEK: RangeInclusive<u32> = 1..=7;
pub const PER_MONTH: RangeInclusive<u32> = 1..=31;
pub const PER_QUARTER: RangeInclusive<u32> = 1..=92;
pub const PER_YEAR: RangeInclusive<u32> = 1..=366;
/// A chair rotating every N years.
pub const ROTATION_YEARS: RangeInclusive<u32> = 1..=20;
/// A quorum of N members (it cannot exceed the members defined either).
pub const QUORUM: RangeInclusive<u32> = 1..=10_000;
/// Seats one member holds.
pub const SEATS: RangeInclusive<u32> = 1..=10_000;
/// A quorum fraction's numerator and denominator.
pub const FRACTION_TERM: RangeInclusive<u32> = 1..=1000;
/// Replies to a written procedure: a year's working days.
pub const WRITTEN_DAYS: RangeInclusive<u32> = 1..=261;
/// Stand-ins one member may send.
pub const PER_MEMBER: RangeInclusive<u32> = 1..=100;
/// Expected vote counts in a worked case.
pub const VOTES: RangeInclusive<u32> = 0..=100_000;
/// The years of every date in a file: those whose bank holidays tor computes.
pub const YEARS: RangeInclusive<i32> = crate::calendar::FIRST_YEAR..=crate::calendar::LAST_YEAR;

/// Characters in `location` (and `tor schedule --location`): an address, not a
/// document.
pub const LOCATION_CHARS: usize = 500;

/// `Some(message)` when `n` is outside `range`: what the value is, and the range.
pub fn outside(key: &str, n: u32, range: &RangeInclusive<u32>, unit: &str) -> Option<String> {
    (!range.contains(&n)).then(|| {
        format!(
            "`{key}` = {n} is out of range: {} to {} {unit}",
            range.start(),
            range.end()
        )
    })
}

//! Newly proclaimed bank holidays added without a new release: `bank-holidays.toml`
//! in the ToR folder applies to every partnership; a ToR's own `extra_holidays`
//! to that partnership only.

use crate::calendar::{Calendar, Region};

/// The file name, in the ToR folder, of days proclaimed for everyone.
pub const FILE: &str = "bank-holidays.toml";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProclaimedDay {
    pub date: chrono::NaiveDate,
    pub name: String,
    /// Empty: every region.
    pub regions: Vec<Region>,
}

impl ProclaimedDay {
    pub fn applies_to(&self, region: Region) -> bool {
        self.regions.is_empty() || self.regions.contains(&region)
    }
}

/// Adds the days that apply to `calendar`'s region.
pub fn add_to(calendar: Calendar, days: &[ProclaimedDay]) -> Calendar {
    let region = calendar.region();
    calendar.with_extra_holidays(
        days.iter()
            .filter(|d| d.applies_to(region))
            .map(|d| (d.date, d.name.clone())),
    )
}

//! The three bank-holiday regions of the UK.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// A part of the UK with its own set of bank holidays.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "kebab-case")]
pub enum Region {
    /// England and Wales share one list.
    #[default]
    EnglandAndWales,
    Scotland,
    NorthernIreland,
}

impl Region {
    /// Every region, in a stable order.
    pub const ALL: [Region; 3] = [
        Region::EnglandAndWales,
        Region::Scotland,
        Region::NorthernIreland,
    ];

    /// The spelling used in TOML, JSON and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Region::EnglandAndWales => "england-and-wales",
            Region::Scotland => "scotland",
            Region::NorthernIreland => "northern-ireland",
        }
    }

    /// Position in [`Region::ALL`], for per-region tables.
    pub(crate) fn index(self) -> usize {
        match self {
            Region::EnglandAndWales => 0,
            Region::Scotland => 1,
            Region::NorthernIreland => 2,
        }
    }
}

impl fmt::Display for Region {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A region name that is none of the three.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown region `{0}`: expected one of `england-and-wales`, `scotland`, `northern-ireland`"
)]
pub struct UnknownRegion(pub String);

impl FromStr for Region {
    type Err = UnknownRegion;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Region::ALL
            .into_iter()
            .find(|r| r.as_str() == s)
            .ok_or_else(|| UnknownRegion(s.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_and_parse_round_trip() {
        for r in Region::ALL {
            assert_eq!(r.to_string().parse::<Region>(), Ok(r));
            assert_eq!(Region::ALL[r.index()], r);
        }
    }

    #[test]
    fn unknown_region_lists_the_valid_ones() {
        let err = "wales".parse::<Region>().expect_err("must be refused");
        let msg = err.to_string();
        assert!(msg.contains("`wales`"));
        for r in Region::ALL {
            assert!(msg.contains(r.as_str()));
        }
    }

    #[test]
    fn serde_uses_kebab_case() {
        let json = serde_json::to_string(&Region::NorthernIreland).expect("serde round trip");
        assert_eq!(json, "\"northern-ireland\"");
        let back: Region = serde_json::from_str("\"scotland\"").expect("serde round trip");
        assert_eq!(back, Region::Scotland);
        assert_eq!(Region::default(), Region::EnglandAndWales);
    }
}

//! The flags `check-meeting` and `tally` share for a meeting held under one of
//! the ToR's quorum fallbacks (`[quorum.fallback]`).

use tor::engine::Held;

#[derive(Debug, Default, clap::Args)]
pub(crate) struct HeldFlags {
    /// The chair let the meeting continue though it was inquorate: a `warn`
    /// that its decisions must be ratified where the ToR allows it, else a
    /// `fail` as without the flag
    #[arg(long)]
    pub continued: bool,
    /// The meeting was reconvened after an adjournment for want of a quorum:
    /// quorate with those present where the ToR says so
    #[arg(long)]
    pub adjourned: bool,
}

impl From<&HeldFlags> for Held {
    fn from(f: &HeldFlags) -> Self {
        Self {
            continued: f.continued,
            adjourned: f.adjourned,
        }
    }
}

/// The ids of the flags above: `--meeting` and `--votes` conflict with them
/// (a file says the same with `continued = true` and `adjourned = true`).
pub(super) const FLAGS: [&str; 2] = ["continued", "adjourned"];

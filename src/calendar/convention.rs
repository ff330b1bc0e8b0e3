//! The ways a ToR counts a notice period, in words; the day-by-day counting is
//! `daycount`'s, the deadlines `notice`'s, and both read this one enum.

use serde::{Deserialize, Serialize};

/// How a ToR counts its notice period (SPEC §3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Convention {
    /// "N working days before": the meeting date stepped back N working days.
    Working,
    /// "N clear working days": N working days strictly between notice and meeting.
    ClearWorking,
    /// "N clear days": N calendar days strictly between notice and meeting.
    Clear,
    /// "N days before": the meeting date stepped back N calendar days.
    Days,
    /// "N clear days" counted as the Local Government Act 1972 s.243 counts:
    /// N days strictly between notice and meeting, leaving out Sundays, the
    /// Christmas and Easter breaks and bank holidays (Saturdays count).
    StatutoryDays,
    /// "N hours' notice": N hours of elapsed (UTC) time before the start.
    Hours,
}

impl Convention {
    /// `count` of this convention in words: "5 clear working days", "7 days",
    /// "48 hours". Findings and summaries both say it, so it is said once here.
    pub fn describe(self, count: u32) -> String {
        let unit = |one: &str, many: &str| {
            if count == 1 {
                one.to_owned()
            } else {
                many.to_owned()
            }
        };
        match self {
            Self::Working => format!("{} {}", count, unit("working day", "working days")),
            Self::ClearWorking => {
                format!("{} clear {}", count, unit("working day", "working days"))
            }
            Self::Clear => format!("{} clear {}", count, unit("day", "days")),
            Self::Days => format!("{} {}", count, unit("day", "days")),
            Self::StatutoryDays => {
                format!("{} clear {} (LGA 1972 s.243)", count, unit("day", "days"))
            }
            Self::Hours => format!("{} {}", count, unit("hour", "hours")),
        }
    }
}

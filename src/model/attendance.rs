//! Attendance rules outside `[decisions]`: who may attend remotely, and whether
//! those attending remotely count for the quorum and vote, for a dated period;
//! and who may send a substitute or a deputy.

use chrono::NaiveDate;
use serde::Serialize;

use super::{Capacity, Clause, StandIns, Tor};

/// The attendance rules a ToR states; empty where it states none.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Attendance {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub remote: Option<Remote>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub substitutes: Option<StandIns>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deputies: Option<StandIns>,
}

impl Attendance {
    pub fn is_empty(&self) -> bool {
        self.remote.is_none() && self.substitutes.is_none() && self.deputies.is_none()
    }
}

impl Tor {
    /// The ToR's rule for a stand-in in this capacity: `[attendance]`'s, else
    /// the older `[decisions]` one (the loader refuses both); `None` for a
    /// capacity that is not a stand-in or that the ToR does not provide for.
    pub fn stand_ins(&self, capacity: Capacity) -> Option<&StandIns> {
        let own = match capacity {
            Capacity::Substitute => self.attendance.substitutes.as_ref(),
            Capacity::Deputy => self.attendance.deputies.as_ref(),
            Capacity::Member | Capacity::Proxy => None,
        };
        own.or_else(|| self.decisions.as_ref()?.stand_ins(capacity))
    }
}

/// Members attending remotely (by video or telephone).
#[derive(Debug, Clone, Serialize)]
pub struct Remote {
    pub clause: Clause,
    /// They count for the quorum (within `from`..=`until`).
    pub counts_for_quorum: bool,
    /// They may vote (within `from`..=`until`).
    pub votes: bool,
    /// The first day the rule holds (e.g. when a statute allowed it).
    pub from: Option<NaiveDate>,
    /// The last day the rule holds.
    pub until: Option<NaiveDate>,
}

/// Why a remote attendee does or does not count on a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RemoteStanding {
    Counts,
    /// The ToR says remote attendance never counts for this.
    Never,
    /// The rule holds only from..until, and the day is outside it.
    OutsidePeriod,
}

impl Remote {
    /// Whether `date` lies within the rule's period (both ends inclusive).
    pub fn in_period(&self, date: NaiveDate) -> bool {
        self.from.is_none_or(|f| f <= date) && self.until.is_none_or(|u| date <= u)
    }

    fn standing(&self, allowed: bool, date: NaiveDate) -> RemoteStanding {
        if !allowed {
            RemoteStanding::Never
        } else if self.in_period(date) {
            RemoteStanding::Counts
        } else {
            RemoteStanding::OutsidePeriod
        }
    }

    /// Whether a remote attendee counts for the quorum on `date`.
    pub fn quorum_on(&self, date: NaiveDate) -> RemoteStanding {
        self.standing(self.counts_for_quorum, date)
    }

    /// Whether a remote attendee may vote on `date`.
    pub fn votes_on(&self, date: NaiveDate) -> RemoteStanding {
        self.standing(self.votes, date)
    }

    /// The period in words: "from 2020-04-04 to 2021-05-06".
    pub fn period(&self) -> String {
        match (self.from, self.until) {
            (Some(f), Some(u)) => format!("from {f} to {u}"),
            (Some(f), None) => format!("from {f}"),
            (None, Some(u)) => format!("until {u}"),
            (None, None) => "at any time".to_owned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn a_dated_rule_counts_only_within_its_period() {
        let r = Remote {
            clause: Clause("8".into()),
            counts_for_quorum: true,
            votes: true,
            from: Some(d("2020-04-04")),
            until: Some(d("2021-05-06")),
        };
        assert_eq!(r.quorum_on(d("2020-04-04")), RemoteStanding::Counts);
        assert_eq!(r.quorum_on(d("2021-05-06")), RemoteStanding::Counts);
        assert_eq!(r.quorum_on(d("2021-05-07")), RemoteStanding::OutsidePeriod);
        assert_eq!(r.votes_on(d("2020-04-03")), RemoteStanding::OutsidePeriod);
    }

    #[test]
    fn a_rule_that_denies_never_counts() {
        let r = Remote {
            clause: Clause("7".into()),
            counts_for_quorum: false,
            votes: false,
            from: None,
            until: None,
        };
        assert_eq!(r.quorum_on(d("2025-01-01")), RemoteStanding::Never);
        assert_eq!(r.votes_on(d("2025-01-01")), RemoteStanding::Never);
    }
}

//! Quorum: enough members represented on the day.

use super::Ctx;
use crate::engine::{Fact, Finding, FindingStatus};
use crate::model::QuorumRule;

impl Ctx<'_> {
    pub(super) fn quorum(&self) -> Finding {
        const R: &str = "quorum";
        let Some(q) = &self.tor.quorum else {
            return Finding::not_stated(R, "quorum");
        };
        if !self.m.attendance_given() {
            return Finding::unjudged(
                R,
                Some(&q.clause),
                Fact::Attendance,
                "who attended was not given",
            );
        }
        let voting_in_post = self.tor.members_on(self.date).filter(|m| m.voting).count() as u64;
        let (class, needed, what) = match &q.rule {
            QuorumRule::AtLeast { n, class: Some(c) } => {
                (Some(c), u64::from(*n), format!("{c} members"))
            }
            QuorumRule::AtLeast { n, class: None } => {
                (None, u64::from(*n), "voting members".to_owned())
            }
            QuorumRule::Fraction {
                numerator,
                denominator,
            } => {
                let needed = (u64::from(*numerator) * voting_in_post)
                    .div_ceil(u64::from((*denominator).max(1)));
                (
                    None,
                    needed,
                    format!(
                        "voting members ({numerator}/{denominator} of {voting_in_post} in post)"
                    ),
                )
            }
        };
        let mut counted = Vec::new();
        let mut not_counted = Vec::new();
        for (member, how) in self.named() {
            let label = Self::label(member, how);
            if !member.holds_on(self.date) {
                not_counted.push(format!("{label}: not a member on {}", self.date));
            } else if !self.allowed(how) {
                not_counted.push(format!("{label}: the ToR allows no {}s", how.noun()));
            } else if class.is_some_and(|c| &member.class != c) {
                not_counted.push(format!("{label}: {}", member.class));
            } else if class.is_none() && !member.voting {
                not_counted.push(format!("{label}: no vote"));
            } else {
                counted.push(label);
            }
        }
        let n = counted.len() as u64;
        let names = if counted.is_empty() {
            String::new()
        } else {
            format!(" ({})", counted.join(", "))
        };
        let mut message = format!(
            "{}: {n} {what} present{names}, at least {needed} needed",
            if n >= needed {
                "quorate"
            } else {
                "not quorate"
            }
        );
        if !not_counted.is_empty() {
            message.push_str(&format!("; not counted: {}", not_counted.join("; ")));
        }
        let status = if n >= needed {
            FindingStatus::Pass
        } else {
            FindingStatus::Fail
        };
        Finding::new(R, Some(&q.clause), status, message)
    }
}

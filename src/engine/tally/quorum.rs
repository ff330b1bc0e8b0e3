//! Quorum at the time of the vote.

use super::{Tally, list};
use crate::engine::Finding;
use crate::model::{MemberId, QuorumRule};

impl<'a> Tally<'a> {
    /// Quorum at the time of the vote: members at the meeting whose membership
    /// holds that day. Proxy givers are absent.
    pub(super) fn quorum(&self) -> Finding {
        let Some(q) = &self.tor.quorum else {
            return Finding::not_stated("quorum", "quorum");
        };
        let voting: Vec<&MemberId> = self
            .present
            .iter()
            .filter(|m| m.voting)
            .map(|m| &m.id)
            .collect();
        let (here, need, of) = match &q.rule {
            QuorumRule::AtLeast {
                n,
                class: Some(class),
            } => {
                let here: Vec<&MemberId> = self
                    .present
                    .iter()
                    .filter(|m| &m.class == class)
                    .map(|m| &m.id)
                    .collect();
                let name = format!("members of class `{class}`");
                (here, *n as usize, name)
            }
            QuorumRule::AtLeast { n, class: None } => {
                (voting, *n as usize, "voting members".to_owned())
            }
            QuorumRule::Fraction {
                numerator,
                denominator,
            } => {
                let in_post = self
                    .tor
                    .members_on(self.input.date)
                    .filter(|m| m.voting)
                    .count();
                let (num, den) = (*numerator as usize, (*denominator as usize).max(1));
                // Round up: a fraction of a member is a whole member.
                let need = (num * in_post).div_ceil(den);
                (
                    voting,
                    need,
                    format!("voting members ({numerator}/{denominator} of {in_post} in post)"),
                )
            }
        };
        let got = here.len();
        if got >= need {
            Finding::pass(
                "quorum",
                &q.clause,
                format!(
                    "quorate: {got} {of} present ({}), at least {need} needed",
                    list(&here)
                ),
            )
        } else {
            Finding::fail(
                "quorum",
                &q.clause,
                format!(
                    "inquorate: {got} {of} present ({}), at least {need} needed",
                    list(&here)
                ),
            )
        }
    }
}

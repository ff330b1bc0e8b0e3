//! A vote taken on a named agenda item: members out of the room for it (a
//! conflict on the item, not yet arrived, already gone) neither vote nor count
//! for its quorum.

use super::{Choice, Tally};
use crate::engine::tally::Away;
use crate::engine::{Finding, FindingStatus, Rule};
use crate::model::Member;

impl<'a> Tally<'a> {
    /// Records `m` as out of the room for item `title`: its vote, if it gave
    /// one, is left out, and it is not present for the quorum.
    pub(super) fn away(&mut self, m: &'a Member, title: &str, away: Away, votes: &[(Choice, u32)]) {
        let id = &m.id;
        let (rule, clause) = match away {
            Away::Conflict => (
                Rule::ConflictOfInterest,
                self.kind_rule(|d| d.conflicts_of_interest.as_ref())
                    .map(|r| &r.clause),
            ),
            Away::NotArrived | Away::Left => (Rule::Eligibility, None),
        };
        for vote in votes {
            self.exclude(m, *vote, format!("{} item `{title}`", away.phrase()));
        }
        let finding = if votes.is_empty() {
            Finding::new(
                rule,
                clause,
                FindingStatus::Pass,
                format!(
                    "`{id}` {} item `{title}`: not counted for the quorum",
                    away.phrase()
                ),
            )
        } else {
            Finding::new(
                rule,
                clause,
                FindingStatus::Fail,
                format!(
                    "`{id}` {} item `{title}`: its vote is left out and it does not count for the quorum",
                    away.phrase()
                ),
            )
        };
        match rule {
            Rule::ConflictOfInterest => self.conflict.push(finding),
            _ => self.eligibility.push(finding),
        }
    }
}

//! The chair's casting vote.

use super::Tally;
use crate::engine::{Finding, FindingStatus};
use crate::model::Clause;

impl<'a> Tally<'a> {
    pub(super) fn casting_rule(&self) -> Option<&'a Clause> {
        self.tor
            .chair
            .as_ref()
            .and_then(|ch| ch.casting_vote.as_ref())
    }

    /// The casting-vote finding where the vote was not decided by counting equal votes.
    pub(super) fn casting_not_used(&self, why: &str) -> Finding {
        match (self.input.casting, self.casting_rule()) {
            (Some(given), rule) => Finding::new(
                "casting-vote",
                rule.or(self.decisions_clause()),
                FindingStatus::Fail,
                format!("a casting vote {given} was given, but {why}: it is ignored"),
            ),
            (None, Some(rule)) => Finding::new(
                "casting-vote",
                Some(rule),
                FindingStatus::Skip,
                format!("not needed: {why}"),
            ),
            (None, None) => Finding::not_stated("casting-vote", "casting vote"),
        }
    }
}

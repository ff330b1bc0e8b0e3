//! The casting vote on equal votes: given by the rule, stated as none, or not
//! mentioned at all; and only ever given by whoever presides.

use super::{Choice, Tally};
use crate::engine::Rule;
use crate::engine::{Finding, FindingStatus, SkipReason};
use crate::model::{CastingVote, Clause};

impl<'a> Tally<'a> {
    pub(super) fn casting_rule(&self) -> &CastingVote {
        &self.casting
    }

    /// The casting-vote finding where the vote was not decided by counting equal votes.
    pub(super) fn casting_not_used(&self, why: &str) -> Finding {
        match (self.input.casting, self.casting_rule()) {
            (Some(given), CastingVote::Given(rule)) => Finding::new(
                Rule::CastingVote,
                Some(rule),
                FindingStatus::Fail,
                format!("a casting vote {given} was given, but {why}: it is ignored"),
            ),
            (Some(given), CastingVote::None(rule)) => Finding::new(
                Rule::CastingVote,
                Some(rule),
                FindingStatus::Fail,
                format!(
                    "a casting vote {given} was given, but the ToR gives no casting vote: it is ignored"
                ),
            ),
            (Some(given), CastingVote::Silent) => Finding::new(
                Rule::CastingVote,
                self.decisions_clause(),
                FindingStatus::Fail,
                format!("a casting vote {given} was given, but {why}: it is ignored"),
            ),
            (None, CastingVote::Given(rule)) => Finding::new(
                Rule::CastingVote,
                Some(rule),
                FindingStatus::Skip,
                format!("not needed: {why}"),
            ),
            (None, CastingVote::None(rule)) => Finding::new(
                Rule::CastingVote,
                Some(rule),
                FindingStatus::Skip,
                format!("the ToR gives no casting vote, and none was needed: {why}"),
            )
            .because(SkipReason::NotApplicable),
            (None, CastingVote::Silent) => Finding::not_stated(Rule::CastingVote, "casting vote"),
        }
    }

    /// Equal votes where the rule gives no casting vote: lost.
    pub(super) fn tie_without_casting(&self, tie: &str, clause: Option<&Clause>) -> Finding {
        match (self.input.casting, self.casting_rule()) {
            (Some(given), CastingVote::None(rule)) => Finding::fail(
                Rule::CastingVote,
                rule,
                format!(
                    "a casting vote {given} was given, but the ToR gives no casting vote: {tie} are lost"
                ),
            ),
            (None, CastingVote::None(rule)) => Finding::pass(
                Rule::CastingVote,
                rule,
                format!("the ToR gives no casting vote, so {tie} are lost"),
            ),
            (Some(given), _) => Finding::new(
                Rule::CastingVote,
                clause,
                FindingStatus::Fail,
                format!(
                    "a casting vote {given} was given, but the ToR gives the chair no casting vote: it is ignored"
                ),
            ),
            (None, _) => Finding::new(
                Rule::CastingVote,
                None,
                FindingStatus::Skip,
                format!("the ToR states no casting vote, so {tie} are lost"),
            )
            .because(SkipReason::NotStated),
        }
    }

    /// The casting vote given, where whoever presides may give it: a chair who
    /// declared a conflict of interest on the decision may not.
    pub(super) fn casting_given(&self) -> Result<Choice, String> {
        let Some(given) = self.input.casting else {
            return Err(String::new());
        };
        let conflicted = self
            .tor
            .chair
            .as_ref()
            .and_then(|c| c.member.as_ref())
            .filter(|m| self.input.conflicts.contains(*m));
        match conflicted {
            Some(m) => Err(format!(
                "the chair's organisation `{m}` declared a conflict of interest, so the chair may not give a casting vote on it"
            )),
            None => Ok(given),
        }
    }
}

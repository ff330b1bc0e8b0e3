//! The casting vote on equal votes: given by the rule, stated as none, or not
//! mentioned at all; and only ever given by whoever presides.

use super::{CastingBy, Choice, Tally};
use crate::engine::Rule;
use crate::engine::meeting::presiding_as;
use crate::engine::{Finding, FindingStatus, SkipReason};
use crate::model::{CastingVote, Clause, Presiding};

impl Tally<'_> {
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

    /// The casting vote given, where whoever presides may give it: it follows
    /// who presided (`chair` in the input, else the chair), and a presiding
    /// member who declared a conflict of interest on the decision, or no one
    /// presiding, leaves no one to give it.
    pub(super) fn casting_given(&self) -> Result<Choice, String> {
        let Some(given) = self.input.casting else {
            return Err(String::new());
        };
        let presiding = self.presiding();
        let role = match &presiding {
            Presiding::Chair(_) => "the chair",
            Presiding::ViceChair(_) => "the vice-chair",
            Presiding::Chosen(_) => "the member chosen to preside",
            Presiding::None => return Err("no one presided to give a casting vote".to_owned()),
        };
        match presiding
            .member()
            .filter(|m| self.input.conflicts.contains(*m))
        {
            Some(m) if role == "the chair" => Err(format!(
                "the chair's organisation `{m}` declared a conflict of interest, so the chair may not give a casting vote on it"
            )),
            Some(m) => Err(format!(
                "{role}'s organisation `{m}` declared a conflict of interest, so {role} may not give a casting vote on it"
            )),
            None => Ok(given),
        }
    }

    /// Whose casting vote it is: the chair's unless the input says someone
    /// else presided.
    pub(super) fn casting_by(&self) -> CastingBy {
        match self.presiding() {
            Presiding::ViceChair(_) => CastingBy::ViceChair,
            Presiding::Chosen(_) => CastingBy::Chosen,
            _ => CastingBy::Chair,
        }
    }

    /// Whose casting vote it is, for messages: "the chair's".
    pub(super) fn casting_whose(&self) -> &'static str {
        self.casting_by().whose()
    }

    /// Who presided over the vote: as the input says, else the chair.
    fn presiding(&self) -> Presiding {
        match self.input.chair {
            Some(how) => presiding_as(
                self.tor,
                self.input.date,
                how,
                self.input.chair_member.clone(),
            ),
            None => Presiding::Chair(self.tor.chair.as_ref().and_then(|c| c.member.clone())),
        }
    }
}

//! The outcome: consensus or a majority of the votes counted.

use super::{Choice, Counts, Decided, Outcome, Referral, Tally, list};
use crate::engine::{Finding, FindingStatus, SkipReason};
use crate::model::{Clause, DecisionMethod, Decisions, Majority, MemberId};

impl<'a> Tally<'a> {
    pub(super) fn decide(&self, c: Counts) -> Decided {
        let Some(d) = self.decisions else {
            // The ToR states no decision rule (oxfordshire-board). Nothing is
            // invented: the finding is a skip, and the outcome shown is the
            // common-law default, a simple majority of the votes cast.
            let mut decided = self.majority(Majority::VotesCast, None, c, "majority (assumed)");
            decided.decision = Finding::new(
                "decision",
                None,
                FindingStatus::Skip,
                format!(
                    "the ToR states no decision rule; the outcome assumes a simple majority of votes cast ({})",
                    decided.decision.message
                ),
            )
            .because(SkipReason::NotStated);
            return decided;
        };
        let consensus = c.against == 0 && c.votes_for > 0;
        match d.method {
            DecisionMethod::Consensus if consensus => self.by_consensus(d, c),
            DecisionMethod::Consensus => self.no_consensus(d, c),
            DecisionMethod::ConsensusThenMajority if consensus => self.by_consensus(d, c),
            DecisionMethod::ConsensusThenMajority => {
                let method = format!("{} after consensus failed", majority_name(d.majority));
                self.majority(d.majority, Some(&d.clause), c, &method)
            }
            DecisionMethod::Majority => {
                self.majority(d.majority, Some(&d.clause), c, majority_name(d.majority))
            }
        }
    }

    pub(super) fn by_consensus(&self, d: &Decisions, c: Counts) -> Decided {
        Decided {
            outcome: Outcome::Carried,
            method: "consensus".to_owned(),
            casting_vote: None,
            referral: None,
            decision: Finding::pass(
                "decision",
                &d.clause,
                format!(
                    "carried by consensus: {} for, none against ({} abstaining)",
                    c.votes_for, c.abstain
                ),
            ),
            casting: self.casting_not_used("it was decided by consensus"),
        }
    }

    pub(super) fn no_consensus(&self, d: &Decisions, c: Counts) -> Decided {
        let objecting: Vec<&MemberId> = self
            .votes
            .iter()
            .filter(|v| v.vote == Choice::Against)
            .map(|v| &v.org)
            .collect();
        let (outcome, what) = if c.against > 0 {
            (
                Outcome::NoConsensus,
                format!("no consensus: {} against ({})", c.against, list(&objecting)),
            )
        } else {
            (
                Outcome::Lost,
                "no member voted for it, so there is no consensus to carry it".to_owned(),
            )
        };
        let referral = d
            .disputes
            .as_ref()
            .filter(|_| outcome == Outcome::NoConsensus)
            .map(|r| Referral {
                to: r.referred_to.clone(),
                clause: r.clause.clone(),
            });
        let next = match &referral {
            Some(r) => format!(
                "; an unresolved disagreement is referred to the {} ({})",
                r.to, r.clause
            ),
            None => String::new(),
        };
        Decided {
            outcome,
            method: "consensus".to_owned(),
            casting_vote: None,
            referral,
            decision: Finding::new(
                "decision",
                Some(&d.clause),
                FindingStatus::Warn,
                format!("{what}; decisions are by consensus, so it is not carried{next}"),
            ),
            casting: self.casting_not_used("decisions are by consensus"),
        }
    }

    /// Counts under `majority`; equal votes go to the chair's casting vote where
    /// the ToR gives one (under any majority rule: the ToR speaks of equal votes).
    pub(super) fn majority(
        &self,
        majority: Majority,
        clause: Option<&Clause>,
        c: Counts,
        method: &str,
    ) -> Decided {
        let (f, a) = (c.votes_for, c.against);
        let decision = |status, message: String| Finding::new("decision", clause, status, message);
        let decided = |outcome, casting_vote, decision, casting| Decided {
            outcome,
            method: method.to_owned(),
            casting_vote,
            referral: None,
            decision,
            casting,
        };
        if f + a == 0 {
            return decided(
                Outcome::Lost,
                None,
                decision(
                    FindingStatus::Warn,
                    "no vote for or against was counted: nothing is carried".to_owned(),
                ),
                self.casting_not_used("no votes for or against were counted"),
            );
        }
        if f == a {
            let tie = format!("equal votes ({f} for, {a} against)");
            return match (self.casting_rule(), self.input.casting) {
                (Some(rule), Some(given)) => {
                    let outcome = if given == Choice::For {
                        Outcome::Carried
                    } else {
                        Outcome::Lost
                    };
                    decided(
                        outcome,
                        Some(given),
                        decision(
                            FindingStatus::Pass,
                            format!("{tie}: {} on the chair's casting vote", outcome.as_str()),
                        ),
                        Finding::pass(
                            "casting-vote",
                            rule,
                            format!("{tie}: the chair's casting vote ({given}) decides"),
                        ),
                    )
                }
                (Some(rule), None) => decided(
                    Outcome::Tied,
                    None,
                    decision(
                        FindingStatus::Warn,
                        format!("{tie}: undecided without the chair's casting vote"),
                    ),
                    Finding::fail(
                        "casting-vote",
                        rule,
                        format!(
                            "{tie} and the chair's casting vote was not given (add --casting for|against)"
                        ),
                    ),
                ),
                (None, given) => decided(
                    Outcome::Lost,
                    None,
                    decision(
                        FindingStatus::Pass,
                        format!("{tie} are not a majority: lost"),
                    ),
                    match given {
                        Some(given) => Finding::new(
                            "casting-vote",
                            clause,
                            FindingStatus::Fail,
                            format!(
                                "a casting vote {given} was given, but the ToR gives the chair no casting vote: it is ignored"
                            ),
                        ),
                        None => Finding::new(
                            "casting-vote",
                            None,
                            FindingStatus::Skip,
                            format!("the ToR states no casting vote, so {tie} are lost"),
                        )
                        .because(SkipReason::NotStated),
                    },
                ),
            };
        }
        let (carried, needs) = match majority {
            Majority::VotesCast => (
                f > a,
                "a simple majority of votes cast needs more for than against".to_owned(),
            ),
            Majority::TwoThirds => (
                3 * f >= 2 * (f + a),
                "a two-thirds majority needs at least two thirds of the votes cast for".to_owned(),
            ),
            Majority::MembersPresent => {
                let present = self.present.iter().filter(|m| m.voting).count();
                (
                    2 * f as usize > present,
                    format!(
                        "a majority of members present needs more than half of the {present} voting members present for"
                    ),
                )
            }
        };
        let outcome = if carried {
            Outcome::Carried
        } else {
            Outcome::Lost
        };
        decided(
            outcome,
            None,
            decision(
                FindingStatus::Pass,
                format!(
                    "{} by {method}: {f} for, {a} against, {} abstaining ({needs})",
                    outcome.as_str(),
                    c.abstain
                ),
            ),
            self.casting_not_used(&format!("the votes were not equal ({f} for, {a} against)")),
        )
    }
}

fn majority_name(majority: Majority) -> &'static str {
    match majority {
        Majority::VotesCast => "majority",
        Majority::TwoThirds => "two-thirds majority",
        Majority::MembersPresent => "majority of members present",
    }
}

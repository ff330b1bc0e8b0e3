//! The outcome: the rule's steps in turn (consensus, unanimity, a majority),
//! each among all the members counted or one class of them.

use super::threshold::{base_words, threshold_name, threshold_needs};
use super::{Choice, Counts, Decided, Outcome, Referral, Tally, list};
use crate::engine::Rule;
use crate::engine::{Finding, FindingStatus, SkipReason};
use crate::model::Keyword;
use crate::model::{
    Base, CastingVote, ClassId, Clause, Counting, DecisionRule, MemberId, Method, Step, Threshold,
};

impl<'a> Tally<'a> {
    pub(super) fn decide(&mut self, c: Counts) -> Decided {
        let Some(rule) = self.rule else {
            // The ToR states no decision rule (oxfordshire-board), or states
            // stand-ins but no method. Nothing is invented: the finding is a
            // skip, and the outcome shown is the common-law default, a simple
            // majority of the votes cast.
            let step = Step {
                method: Method::Majority,
                among: None,
                threshold: Some(Threshold::SIMPLE),
                clause: Clause(String::new()),
            };
            let mut decided = self.majority(&step, None, c, "majority (assumed)");
            decided.decision = Finding::new(
                Rule::Decision,
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
        self.chain(rule, c)
    }

    /// The steps in turn: a step that does not reach a decision hands on to the
    /// next; the last one decides.
    fn chain(&mut self, rule: &'a DecisionRule, all: Counts) -> Decided {
        let mut previous: Option<String> = None;
        for (i, step) in rule.steps.iter().enumerate() {
            let last = i + 1 == rule.steps.len();
            let name = Self::step_name(step);
            let method = match &previous {
                Some(p) => format!("{name} after {p} failed"),
                None => name.clone(),
            };
            let c = match &step.among {
                Some(class) => self.counts_among(class),
                None => all,
            };
            if let Some(class) = &step.among {
                self.explain(
                    "decision",
                    Some(&step.clause),
                    format!(
                        "{name}: only members of class `{class}` decide ({} for, {} against, {} abstaining among them)",
                        c.votes_for, c.against, c.abstain
                    ),
                );
            }
            match step.method {
                Method::Consensus => {
                    if c.against == 0 && c.votes_for > 0 {
                        return self.by_consensus(&step.clause, c, &method);
                    }
                    if last {
                        return self.no_consensus(&step.clause, c, &method);
                    }
                    self.explain(
                        "decision",
                        Some(&step.clause),
                        format!(
                            "no consensus ({} against): the rule goes on to its next step",
                            c.against
                        ),
                    );
                }
                Method::Unanimity => {
                    let silent = self.present_not_voting(step.among.as_ref());
                    if c.votes_for > 0 && c.against == 0 && c.abstain == 0 && silent == 0 {
                        return self.unanimous(&step.clause, c, &method);
                    }
                    if last {
                        return self.not_unanimous(&step.clause, c, silent, &method);
                    }
                    self.explain(
                        "decision",
                        Some(&step.clause),
                        "not unanimous: the rule goes on to its next step".to_owned(),
                    );
                }
                Method::Majority => return self.majority(step, Some(&step.clause), c, &method),
            }
            previous = Some(name);
        }
        unreachable!("a checked decision rule has at least one step")
    }

    fn step_name(step: &Step) -> String {
        let name = match (step.method, &step.threshold) {
            (Method::Consensus, _) => "consensus".to_owned(),
            (Method::Unanimity, _) => "unanimity".to_owned(),
            (Method::Majority, Some(t)) => threshold_name(t),
            (Method::Majority, None) => "majority".to_owned(),
        };
        match &step.among {
            Some(class) => format!("{name} among {class}"),
            None => name,
        }
    }

    /// The votes counted from members of `class`.
    fn counts_among(&self, class: &ClassId) -> Counts {
        let mut c = Counts::default();
        for v in &self.votes {
            if self
                .tor
                .member(v.org.as_str())
                .is_some_and(|m| &m.class == class)
            {
                c.add(v.vote, v.units(self.tor.counts));
            }
        }
        c
    }

    /// Voting members at the meeting (of `class`, if given) who cast no vote,
    /// in the units the ToR counts (people of a member with seats).
    fn present_not_voting(&self, class: Option<&ClassId>) -> u32 {
        let counting = self.tor.counts;
        self.present
            .iter()
            .filter(|m| m.voting && class.is_none_or(|c| &m.class == c))
            .map(|m| {
                let voted: u32 = self
                    .votes
                    .iter()
                    .filter(|v| v.org == m.id)
                    .map(|v| v.units(counting))
                    .sum();
                self.units_at(m).saturating_sub(voted)
            })
            .sum()
    }

    /// What `m` brings to the meeting: one organisation, or its people there.
    fn units_at(&self, m: &crate::model::Member) -> u32 {
        match self.tor.counts {
            Counting::Organisations => 1,
            Counting::People => self.input.people_at(&m.id),
        }
    }

    fn by_consensus(&mut self, clause: &Clause, c: Counts, method: &str) -> Decided {
        let message = format!(
            "carried by consensus: {} for, none against ({} abstaining)",
            c.votes_for, c.abstain
        );
        self.explain("decision", Some(clause), message.clone());
        Decided {
            outcome: Outcome::Carried,
            method: method.to_owned(),
            casting_vote: None,
            referral: None,
            decision: Finding::pass(Rule::Decision, clause, message),
            casting: self.casting_not_used("it was decided by consensus"),
        }
    }

    fn no_consensus(&mut self, clause: &Clause, c: Counts, method: &str) -> Decided {
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
        let referral = self
            .decisions
            .and_then(|d| d.disputes.as_ref())
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
        let message = format!("{what}; decisions are by consensus, so it is not carried{next}");
        self.explain("decision", Some(clause), message.clone());
        Decided {
            outcome,
            method: method.to_owned(),
            casting_vote: None,
            referral,
            decision: Finding::new(Rule::Decision, Some(clause), FindingStatus::Warn, message),
            casting: self.casting_not_used("decisions are by consensus"),
        }
    }

    fn unanimous(&mut self, clause: &Clause, c: Counts, method: &str) -> Decided {
        let message = format!(
            "carried by {method}: all {} voting members present voted for",
            c.votes_for
        );
        self.explain("decision", Some(clause), message.clone());
        Decided {
            outcome: Outcome::Carried,
            method: method.to_owned(),
            casting_vote: None,
            referral: None,
            decision: Finding::pass(Rule::Decision, clause, message),
            casting: self.casting_not_used("it was decided unanimously"),
        }
    }

    fn not_unanimous(&mut self, clause: &Clause, c: Counts, silent: u32, method: &str) -> Decided {
        let message = format!(
            "lost: {method} needs every voting member present to vote for, and {} voted against, {} abstained, {silent} did not vote ({} for)",
            c.against, c.abstain, c.votes_for
        );
        self.explain("decision", Some(clause), message.clone());
        Decided {
            outcome: Outcome::Lost,
            method: method.to_owned(),
            casting_vote: None,
            referral: None,
            decision: Finding::pass(Rule::Decision, clause, message),
            casting: self.casting_not_used("decisions of this kind are unanimous"),
        }
    }

    /// The size of a majority's base: who the fraction is taken of.
    fn base_total(&self, base: &Base, among: Option<&ClassId>, c: Counts) -> u64 {
        let in_class = |class: Option<&ClassId>, m: &crate::model::Member| {
            m.voting && class.is_none_or(|k| &m.class == k)
        };
        let counting = self.tor.counts;
        let in_post = |class: Option<&ClassId>| -> u64 {
            self.tor
                .members_on(self.input.date)
                .filter(|m| in_class(class, m))
                .map(|m| counting.capacity(m))
                .sum()
        };
        match base {
            Base::VotesCast | Base::PresentAndVoting => u64::from(c.votes_for + c.against),
            Base::Present => self
                .present
                .iter()
                .filter(|m| in_class(among, m))
                .map(|m| u64::from(self.units_at(m)))
                .sum(),
            Base::Membership => in_post(among),
            Base::Class(class) => in_post(Some(class)),
        }
    }

    /// Counts under a majority step; equal votes go to the casting vote where the
    /// rule gives one and the base is the votes or the members present (a share
    /// of the whole membership is not deadlocked by equal votes).
    pub(super) fn majority(
        &mut self,
        step: &Step,
        clause: Option<&Clause>,
        c: Counts,
        method: &str,
    ) -> Decided {
        let t = step.threshold.clone().unwrap_or(Threshold::SIMPLE);
        let (f, a) = (c.votes_for, c.against);
        let total = self.base_total(&t.base, step.among.as_ref(), c);
        let need = t.needed(total);
        self.explain_threshold(&t, clause, total, need, f);
        if f + a == 0 {
            return decided(
                method,
                Outcome::Lost,
                None,
                Finding::new(
                    Rule::Decision,
                    clause,
                    FindingStatus::Warn,
                    "no vote for or against was counted: nothing is carried".to_owned(),
                ),
                self.casting_not_used("no votes for or against were counted"),
            );
        }
        let deadlocks = matches!(
            t.base,
            Base::VotesCast | Base::PresentAndVoting | Base::Present
        );
        if f == a && deadlocks {
            return self.decide_tie(
                &format!("equal votes ({f} for, {a} against)"),
                clause,
                method,
            );
        }
        let carried = need.is_some_and(|need| u64::from(f) >= need);
        let needs = threshold_needs(&t, total, need, self.input.date);
        let outcome = if carried {
            Outcome::Carried
        } else {
            Outcome::Lost
        };
        let message = format!(
            "{} by {method}: {f} for, {a} against, {} abstaining ({needs})",
            outcome.as_str(),
            c.abstain
        );
        self.explain("decision", clause, message.clone());
        decided(
            method,
            outcome,
            None,
            Finding::new(Rule::Decision, clause, FindingStatus::Pass, message),
            self.casting_not_used(&format!("the votes were not equal ({f} for, {a} against)")),
        )
    }

    /// Explains the base and the threshold a majority step counts against.
    fn explain_threshold(
        &mut self,
        t: &Threshold,
        clause: Option<&Clause>,
        total: u64,
        need: Option<u64>,
        f: u32,
    ) {
        self.explain(
            "base",
            clause,
            format!(
                "the base is {}: {total}",
                base_words(&t.base, self.input.date)
            ),
        );
        // Counting people, say whose number it is: "two thirds of 12 members in post".
        let of = match self.tor.counts {
            Counting::Organisations => String::new(),
            Counting::People => format!(" {}", people_base(&t.base)),
        };
        self.explain(
            "threshold",
            clause,
            match need {
                Some(need) => format!(
                    "{} {} of {total}{of} = {need}; {f} voted for",
                    t.comparison.as_str().replace('-', " "),
                    t.fraction.words(),
                ),
                None => format!(
                    "{} {} of {total}{of} cannot be reached; {f} voted for",
                    t.comparison.as_str().replace('-', " "),
                    t.fraction.words(),
                ),
            },
        );
    }

    /// Decides equal votes under a base that deadlocks: the casting vote where the
    /// rule gives one, else the motion is lost.
    fn decide_tie(&mut self, tie: &str, clause: Option<&Clause>, method: &str) -> Decided {
        let decision =
            |status, message: String| Finding::new(Rule::Decision, clause, status, message);
        match self.casting_rule().clone() {
            CastingVote::Given(rule) => match self.casting_given() {
                Ok(given) => {
                    let outcome = if given == Choice::For {
                        Outcome::Carried
                    } else {
                        Outcome::Lost
                    };
                    self.explain(
                        "casting-vote",
                        Some(&rule),
                        format!("{tie}: whoever presides gives the casting vote, {given}"),
                    );
                    decided(
                        method,
                        outcome,
                        Some(given),
                        decision(
                            FindingStatus::Pass,
                            format!(
                                "{tie}: {} on {} casting vote",
                                outcome.as_str(),
                                self.casting_whose()
                            ),
                        ),
                        Finding::pass(
                            Rule::CastingVote,
                            &rule,
                            format!(
                                "{tie}: {} casting vote ({given}) decides",
                                self.casting_whose()
                            ),
                        ),
                    )
                }
                Err(why) if !why.is_empty() => decided(
                    method,
                    Outcome::Tied,
                    None,
                    decision(
                        FindingStatus::Warn,
                        format!("{tie}: undecided without a valid casting vote"),
                    ),
                    Finding::fail(Rule::CastingVote, &rule, format!("{tie}, but {why}")),
                ),
                Err(_) => decided(
                    method,
                    Outcome::Tied,
                    None,
                    decision(
                        FindingStatus::Warn,
                        format!("{tie}: undecided without the chair's casting vote"),
                    ),
                    Finding::fail(
                        Rule::CastingVote,
                        &rule,
                        format!(
                            "{tie} and the chair's casting vote was not given (add --casting for|against)"
                        ),
                    ),
                ),
            },
            CastingVote::None(_) | CastingVote::Silent => {
                let casting = self.tie_without_casting(tie, clause);
                self.explain(
                    "casting-vote",
                    casting.clause.as_ref(),
                    casting.message.to_string(),
                );
                decided(
                    method,
                    Outcome::Lost,
                    None,
                    decision(
                        FindingStatus::Pass,
                        format!("{tie} are not a majority: lost"),
                    ),
                    casting,
                )
            }
        }
    }
}

/// Who a base counts, counting people.
fn people_base(base: &Base) -> String {
    match base {
        Base::VotesCast => "votes cast".to_owned(),
        Base::Present => "members present".to_owned(),
        Base::PresentAndVoting => "members present and voting".to_owned(),
        Base::Membership => "members in post".to_owned(),
        Base::Class(c) => format!("members of class `{c}` in post"),
    }
}

/// A decision that needed no referral.
fn decided(
    method: &str,
    outcome: Outcome,
    casting_vote: Option<Choice>,
    decision: Finding,
    casting: Finding,
) -> Decided {
    Decided {
        outcome,
        method: method.to_owned(),
        casting_vote,
        referral: None,
        decision,
        casting,
    }
}

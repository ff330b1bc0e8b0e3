//! `tor tally`: the outcome of a vote under the ToR, and whether the vote is valid.
//!
//! A vote the ToR does not allow is left out of the count and reported as a failing
//! finding; the outcome counts only the votes allowed. Every finding cites the
//! clause that decides it.

mod file;
mod input;

use crate::model::Keyword;
use chrono::NaiveDate;
use serde::Serialize;

pub use file::parse_votes;
pub(crate) use file::{RawVotes, from_raw as votes_from_raw};
pub use input::{Choice, StandIn, VoteArgs, VoteInput};

use crate::engine::{Finding, FindingStatus, SkipReason, Unchecked};
use crate::model::{
    Clause, DecisionKind, DecisionMethod, Decisions, KindRule, Majority, Member, MemberId,
    PartnershipId, QuorumRule, StandIns, Tor,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Outcome {
    Carried,
    Lost,
    /// Consensus was required and someone objected.
    NoConsensus,
    /// Equal votes, and the casting vote the ToR gives the chair was not given.
    Tied,
}

impl Outcome {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Carried => "carried",
            Self::Lost => "lost",
            Self::NoConsensus => "no-consensus",
            Self::Tied => "tied",
        }
    }
}

/// The votes counted (never the ones left out).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Counts {
    #[serde(rename = "for")]
    pub votes_for: u32,
    pub against: u32,
    pub abstain: u32,
}

impl Counts {
    fn add(&mut self, choice: Choice) {
        match choice {
            Choice::For => self.votes_for += 1,
            Choice::Against => self.against += 1,
            Choice::Abstain => self.abstain += 1,
        }
    }
}

/// How a counted vote reached the meeting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum VotedBy {
    Member,
    Substitute,
    Deputy,
    Proxy,
}

impl From<StandIn> for VotedBy {
    fn from(s: StandIn) -> Self {
        match s {
            StandIn::Substitute => Self::Substitute,
            StandIn::Deputy => Self::Deputy,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Vote {
    pub org: MemberId,
    pub vote: Choice,
    pub by: VotedBy,
}

/// A vote left out of the count, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Excluded {
    pub org: MemberId,
    pub vote: Choice,
    pub reason: String,
}

/// Where an unresolved disagreement goes.
#[derive(Debug, Clone, Serialize)]
pub struct Referral {
    pub to: String,
    pub clause: Clause,
}

/// The result of [`tally`]; serializes to the `tally` JSON of SPEC §6.
#[derive(Debug, Clone, Serialize)]
pub struct TallyReport {
    pub partnership: PartnershipId,
    /// The day of the vote.
    pub at: NaiveDate,
    pub kinds: Vec<DecisionKind>,
    /// No finding fails.
    pub valid: bool,
    pub outcome: Outcome,
    /// How the outcome was reached, e.g. "majority after consensus failed".
    pub method: String,
    pub counts: Counts,
    pub casting_vote: Option<Choice>,
    /// The votes counted, in the ToR's member order.
    pub votes: Vec<Vote>,
    pub excluded: Vec<Excluded>,
    pub not_bound: Vec<MemberId>,
    pub referral: Option<Referral>,
    pub findings: Vec<Finding>,
    /// Rules the ToR states that the input could not judge (SPEC §5a).
    pub unchecked: Unchecked,
    /// No date was given, so the vote was judged as of today (`at`).
    pub as_of_today: bool,
}

/// Counts `input` under `tor`. Never fails: what the ToR forbids becomes findings.
pub fn tally(tor: &Tor, input: &VoteInput) -> TallyReport {
    let mut t = Tally {
        tor,
        input,
        decisions: tor.decisions.as_ref(),
        eligibility: Vec::new(),
        proxy: Vec::new(),
        conflict: Vec::new(),
        opt_out: Vec::new(),
        excluded: Vec::new(),
        votes: Vec::new(),
        present: Vec::new(),
        not_bound: Vec::new(),
    };
    for member in &tor.members {
        t.ballot(member);
    }
    t.conflicts();
    t.opt_outs();
    t.summaries();

    let mut counts = Counts::default();
    for vote in &t.votes {
        counts.add(vote.vote);
    }
    let quorum = t.quorum();
    let decided = t.decide(counts);

    let mut findings = vec![quorum];
    findings.append(&mut t.eligibility);
    findings.append(&mut t.proxy);
    findings.append(&mut t.conflict);
    findings.append(&mut t.opt_out);
    findings.push(decided.decision);
    findings.push(decided.casting);
    TallyReport {
        partnership: tor.id.clone(),
        at: input.date,
        kinds: input.kinds.clone(),
        valid: !findings.iter().any(Finding::failed),
        outcome: decided.outcome,
        method: decided.method,
        counts,
        casting_vote: decided.casting_vote,
        votes: t.votes,
        excluded: t.excluded,
        not_bound: t.not_bound,
        referral: decided.referral,
        unchecked: Unchecked::of(&findings),
        findings,
        as_of_today: input.as_of_today,
    }
}

struct Tally<'a> {
    tor: &'a Tor,
    input: &'a VoteInput,
    decisions: Option<&'a Decisions>,
    eligibility: Vec<Finding>,
    proxy: Vec<Finding>,
    conflict: Vec<Finding>,
    opt_out: Vec<Finding>,
    excluded: Vec<Excluded>,
    votes: Vec<Vote>,
    /// Members at the meeting on the day, in person or through a recognised stand-in.
    present: Vec<&'a Member>,
    not_bound: Vec<MemberId>,
}

struct Decided {
    outcome: Outcome,
    method: String,
    casting_vote: Option<Choice>,
    referral: Option<Referral>,
    decision: Finding,
    casting: Finding,
}

/// The clause that makes an organisation a member: its own, else its class's.
fn member_clause<'a>(tor: &'a Tor, m: &'a Member) -> Option<&'a Clause> {
    m.clause
        .as_ref()
        .or_else(|| tor.class(&m.class).and_then(|c| c.clause.as_ref()))
}

fn kinds_text(kinds: &[DecisionKind]) -> String {
    let names: Vec<&str> = kinds.iter().map(|k| k.as_str()).collect();
    names.join(" and ")
}

/// The kinds with their article: "an ordinary", "a major and funding".
fn a_kinds(kinds: &[DecisionKind]) -> String {
    let text = kinds_text(kinds);
    let article = if text.starts_with('o') { "an" } else { "a" };
    format!("{article} {text}")
}

fn list(ids: &[&MemberId]) -> String {
    if ids.is_empty() {
        return "none".to_owned();
    }
    let names: Vec<&str> = ids.iter().map(|id| id.as_str()).collect();
    names.join(", ")
}

impl<'a> Tally<'a> {
    fn exclude(&mut self, m: &Member, vote: Choice, reason: String) {
        self.excluded.push(Excluded {
            org: m.id.clone(),
            vote,
            reason,
        });
    }

    /// The clause to cite where a rule is missing from the decisions section.
    fn decisions_clause(&self) -> Option<&'a Clause> {
        self.decisions.map(|d| &d.clause)
    }

    /// One member's vote and attendance: membership on the day, voting right,
    /// stand-in, proxy. The first problem leaves the vote out.
    fn ballot(&mut self, m: &'a Member) {
        let input = self.input;
        let (id, date) = (&m.id, input.date);
        let in_person = input.in_person(id);
        let proxy = input.proxies.get(id).copied();
        let attends = input.attends(id);
        if !attends && proxy.is_none() {
            return;
        }
        // The input never holds both: voting in person and by proxy is refused.
        let mut counted = in_person.or(proxy);

        if !m.holds_on(date) {
            let why = match (m.from, m.until) {
                (Some(from), _) if date < from => format!("its membership begins on {from}"),
                (_, Some(until)) => format!("its membership ended on {until}"),
                _ => "its membership does not hold".to_owned(),
            };
            let clause = member_clause(self.tor, m);
            match counted {
                Some(vote) => {
                    self.eligibility.push(Finding::new(
                        "eligibility",
                        clause,
                        FindingStatus::Fail,
                        format!("`{id}` is not a member on {date} ({why}): its vote is left out"),
                    ));
                    self.exclude(m, vote, format!("not a member on {date}: {why}"));
                }
                None => self.eligibility.push(Finding::new(
                    "eligibility",
                    clause,
                    FindingStatus::Warn,
                    format!("`{id}` is not a member on {date} ({why}): not counted as present"),
                )),
            }
            return;
        }

        if let Some(vote) = counted
            && !m.voting
        {
            let class = self
                .tor
                .class(&m.class)
                .map_or(m.class.as_str(), |c| c.name.as_str());
            self.eligibility.push(Finding::new(
                "eligibility",
                member_clause(self.tor, m),
                FindingStatus::Fail,
                format!("`{id}` ({class}) has no vote: its vote is left out"),
            ));
            self.exclude(m, vote, format!("has no vote ({class})"));
            counted = None;
        }

        let mut by = if in_person.is_some() {
            VotedBy::Member
        } else {
            VotedBy::Proxy
        };
        let mut at_meeting = attends;
        if attends && let Some(kind) = input.stand_in(id) {
            by = kind.into();
            if let Err((clause, why)) = self.stand_in(m, kind) {
                at_meeting = false;
                match counted.take() {
                    Some(vote) => {
                        self.eligibility.push(Finding::new(
                            "eligibility",
                            clause,
                            FindingStatus::Fail,
                            format!(
                                "`{id}` was represented by a {} but {why}: its vote is left out",
                                kind.as_str()
                            ),
                        ));
                        self.exclude(m, vote, format!("cast by a {}: {why}", kind.as_str()));
                    }
                    None => self.eligibility.push(Finding::new(
                        "eligibility",
                        clause,
                        FindingStatus::Warn,
                        format!(
                            "`{id}` was represented by a {} but {why}: not counted as present",
                            kind.as_str()
                        ),
                    )),
                }
            }
        }
        if at_meeting {
            self.present.push(m);
        }

        if let (Some(vote), Some(_)) = (counted, proxy) {
            if let Err((clause, why)) = self.proxy_allowed(attends) {
                self.proxy.push(Finding::new(
                    "proxy",
                    clause,
                    FindingStatus::Fail,
                    format!("`{id}` voted {vote} by proxy, but {why}: the vote is left out"),
                ));
                self.exclude(m, vote, format!("proxy vote not allowed: {why}"));
                counted = None;
            } else if let Some(rule) = self.decisions.and_then(|d| d.proxies.as_ref()) {
                self.proxy.push(Finding::pass(
                    "proxy",
                    &rule.clause,
                    format!(
                        "`{id}` was absent and voted {vote} by proxy on {} decision: counted, but not present for the quorum",
                        a_kinds(&input.kinds)
                    ),
                ));
            }
        }

        if let Some(vote) = counted {
            self.votes.push(Vote {
                org: id.clone(),
                vote,
                by,
            });
        }
    }

    /// Whether the ToR lets this kind of stand-in hold the member's vote; a
    /// finding on advance notice where the ToR asks for it.
    fn stand_in(&mut self, m: &Member, kind: StandIn) -> Result<(), (Option<&'a Clause>, String)> {
        let Some(d) = self.decisions else {
            return Err((
                None,
                format!("the ToR makes no provision for {}s", kind.as_str()),
            ));
        };
        let rule: Option<&StandIns> = match kind {
            StandIn::Substitute => d.substitutes.as_ref(),
            StandIn::Deputy => d.deputies.as_ref(),
        };
        let Some(rule) = rule else {
            return Err((
                Some(&d.clause),
                format!("the ToR makes no provision for {}s", kind.as_str()),
            ));
        };
        if !rule.holds_vote {
            return Err((
                Some(&rule.clause),
                format!("a {} does not hold the member's vote", kind.as_str()),
            ));
        }
        let id = &m.id;
        let finding = if !rule.advance_notice {
            Finding::pass(
                "eligibility",
                &rule.clause,
                format!(
                    "`{id}` was represented by its {}, who holds its vote",
                    kind.as_str()
                ),
            )
        } else if self.input.notified.contains(id) {
            Finding::pass(
                "eligibility",
                &rule.clause,
                format!(
                    "`{id}` was represented by its {}, who holds its vote; the secretariat was told beforehand",
                    kind.as_str()
                ),
            )
        } else {
            // Not a breach tor can see: the notice happens outside the meeting.
            Finding::new(
                "eligibility",
                Some(&rule.clause),
                FindingStatus::Warn,
                format!(
                    "`{id}` was represented by its {}, who holds its vote; tor cannot see that the secretariat was told beforehand (add --notified {id} if it was)",
                    kind.as_str()
                ),
            )
        };
        self.eligibility.push(finding);
        Ok(())
    }

    /// Whether a proxy vote may count: the ToR allows proxies for this kind of
    /// decision and the member was absent.
    fn proxy_allowed(&self, attends: bool) -> Result<(), (Option<&'a Clause>, String)> {
        let kinds = &self.input.kinds;
        let Some(rule) = self.decisions.and_then(|d| d.proxies.as_ref()) else {
            return Err((
                self.decisions_clause(),
                "the ToR makes no provision for proxy votes".to_owned(),
            ));
        };
        if !rule.applies_to(kinds) {
            return Err((
                Some(&rule.clause),
                format!(
                    "proxies are allowed only on {} decisions and this is {} decision",
                    kinds_text(&rule.kinds),
                    a_kinds(kinds)
                ),
            ));
        }
        if attends {
            return Err((
                Some(&rule.clause),
                "proxies are for absent members and it was at the meeting".to_owned(),
            ));
        }
        Ok(())
    }

    fn kind_rule(&self, pick: fn(&Decisions) -> Option<&KindRule>) -> Option<&'a KindRule> {
        self.decisions.and_then(pick)
    }

    /// A conflicted member's vote is left out where the ToR's rule covers the decision.
    fn conflicts(&mut self) {
        let kinds = &self.input.kinds;
        let rule = self.kind_rule(|d| d.conflicts_of_interest.as_ref());
        for m in &self.tor.members {
            if !self.input.conflicts.contains(&m.id) {
                continue;
            }
            let id = &m.id;
            let finding = match rule {
                Some(r) if r.applies_to(kinds) => {
                    match self.votes.iter().position(|v| &v.org == id) {
                        Some(pos) => {
                            let vote = self.votes.remove(pos).vote;
                            self.exclude(
                                m,
                                vote,
                                format!(
                                    "declared a conflict of interest on {} decision",
                                    a_kinds(kinds)
                                ),
                            );
                            Finding::fail(
                                "conflict-of-interest",
                                &r.clause,
                                format!(
                                    "`{id}` declared a conflict of interest on {} decision and may not take part: its vote is left out",
                                    a_kinds(kinds)
                                ),
                            )
                        }
                        None => Finding::pass(
                            "conflict-of-interest",
                            &r.clause,
                            format!(
                                "`{id}` declared a conflict of interest and took no part in the vote"
                            ),
                        ),
                    }
                }
                Some(r) => Finding::new(
                    "conflict-of-interest",
                    Some(&r.clause),
                    FindingStatus::Skip,
                    format!(
                        "the conflict-of-interest rule covers {} decisions and this is {} decision: `{id}`'s vote counts",
                        kinds_text(&r.kinds),
                        a_kinds(kinds)
                    ),
                ),
                None => Finding::new(
                    "conflict-of-interest",
                    None,
                    FindingStatus::Skip,
                    format!("the ToR states no conflict-of-interest rule: `{id}`'s vote counts"),
                )
                .because(SkipReason::NotStated),
            };
            self.conflict.push(finding);
        }
    }

    /// Opting out of a decision is allowed only where the ToR says so.
    fn opt_outs(&mut self) {
        let kinds = &self.input.kinds;
        let rule = self.kind_rule(|d| d.opt_out.as_ref());
        for m in &self.tor.members {
            if !self.input.opt_out.contains(&m.id) {
                continue;
            }
            let id = &m.id;
            let finding = match rule {
                Some(r) if r.applies_to(kinds) => {
                    self.not_bound.push(id.clone());
                    Finding::pass(
                        "opt-out",
                        &r.clause,
                        format!(
                            "`{id}` opted out of this {} decision and is not bound by it; its vote still counts",
                            kinds_text(kinds)
                        ),
                    )
                }
                Some(r) => Finding::fail(
                    "opt-out",
                    &r.clause,
                    format!(
                        "members may opt out only of {} decisions and this is {} decision: `{id}` is bound",
                        kinds_text(&r.kinds),
                        a_kinds(kinds)
                    ),
                ),
                None => Finding::new(
                    "opt-out",
                    self.decisions_clause(),
                    FindingStatus::Fail,
                    format!("the ToR lets no member opt out of a decision: `{id}` is bound"),
                ),
            };
            self.opt_out.push(finding);
        }
    }

    /// One finding for each rule the input did not touch, so every rule is reported.
    fn summaries(&mut self) {
        let kinds = &self.input.kinds;
        if self.eligibility.is_empty() {
            let clause = self
                .decisions
                .and_then(|d| d.one_vote_per_organisation.as_ref().or(Some(&d.clause)));
            self.eligibility.push(Finding::new(
                "eligibility",
                clause,
                FindingStatus::Pass,
                crate::msg![
                    "every vote is from a member with a vote on ",
                    self.input.date,
                    ", one per organisation"
                ],
            ));
        }
        // `rule` names the finding and the rule alike ("proxy", "opt-out", ...).
        let untouched = |rule: &'static str, found: Option<&KindRule>, nobody: &str| {
            let (clause, message) = match found {
                Some(r) if r.applies_to(kinds) => (Some(&r.clause), nobody.to_owned()),
                Some(r) => (
                    Some(&r.clause),
                    format!(
                        "the {rule} rule covers {} decisions and this is {} decision",
                        kinds_text(&r.kinds),
                        a_kinds(kinds)
                    ),
                ),
                None => (None, format!("the ToR states no {rule} rule")),
            };
            let reason = match found {
                Some(_) => SkipReason::NotApplicable,
                None => SkipReason::NotStated,
            };
            Finding::new(rule, clause, FindingStatus::Skip, message).because(reason)
        };
        if self.proxy.is_empty() {
            let r = self.kind_rule(|d| d.proxies.as_ref());
            self.proxy
                .push(untouched("proxy", r, "no proxy votes were given"));
        }
        if self.conflict.is_empty() {
            let r = self.kind_rule(|d| d.conflicts_of_interest.as_ref());
            self.conflict.push(untouched(
                "conflict-of-interest",
                r,
                "no conflict of interest was declared",
            ));
        }
        if self.opt_out.is_empty() {
            let r = self.kind_rule(|d| d.opt_out.as_ref());
            self.opt_out
                .push(untouched("opt-out", r, "no member opted out"));
        }
    }

    /// Quorum at the time of the vote: members at the meeting whose membership
    /// holds that day. Proxy givers are absent.
    fn quorum(&self) -> Finding {
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

    fn decide(&self, c: Counts) -> Decided {
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

    fn casting_rule(&self) -> Option<&'a Clause> {
        self.tor
            .chair
            .as_ref()
            .and_then(|ch| ch.casting_vote.as_ref())
    }

    /// The casting-vote finding where the vote was not decided by counting equal votes.
    fn casting_not_used(&self, why: &str) -> Finding {
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

    fn by_consensus(&self, d: &Decisions, c: Counts) -> Decided {
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

    fn no_consensus(&self, d: &Decisions, c: Counts) -> Decided {
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
    fn majority(
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

//! `tor tally`: the outcome of a vote under the ToR, and whether the vote is valid.
//!
//! A vote the ToR does not allow is left out of the count and reported as a failing
//! finding; the outcome counts only the votes allowed. Every finding cites the
//! clause that decides it.

mod casting;
mod conflicts;
mod eligibility;
mod explain;
mod input;
mod item;
mod outcome;
mod proxies;
mod proxy_vote;
mod quorum;
mod remote;
mod summaries;
mod threshold;
mod written;

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use serde::Serialize;

pub use input::Place;
pub use input::{Away, Choice, VoteArgs, VoteInput};
pub use proxy_vote::ProxyVote;

use crate::engine::{Finding, Unchecked};
use crate::model::{
    Capacity, CastingVote, Clause, Counting, DecisionKind, DecisionRule, Decisions, KindRule,
    Member, MemberId, PartnershipId, Tor,
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

/// Who gave the casting vote: whoever presided over the vote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum CastingBy {
    Chair,
    ViceChair,
    /// A member the meeting chose to preside.
    Chosen,
}

impl CastingBy {
    /// "the chair's", for "on the chair's casting vote".
    pub fn whose(self) -> &'static str {
        match self {
            Self::Chair => "the chair's",
            Self::ViceChair => "the vice-chair's",
            Self::Chosen => "the presiding member's",
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
    /// Adds `units` votes (organisations, or people) of one kind.
    fn add(&mut self, choice: Choice, units: u32) {
        let slot = match choice {
            Choice::For => &mut self.votes_for,
            Choice::Against => &mut self.against,
            Choice::Abstain => &mut self.abstain,
        };
        *slot = slot.saturating_add(units);
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Vote {
    pub org: MemberId,
    pub vote: Choice,
    pub by: Capacity,
    /// The people of `org` who voted this way (`ORG:N`); one for an organisation.
    #[serde(skip_serializing_if = "is_one")]
    pub people: u32,
}

impl Vote {
    /// The votes this counts for: one organisation, or its people.
    pub(crate) fn units(&self, counting: Counting) -> u32 {
        match counting {
            Counting::Organisations => 1,
            Counting::People => self.people,
        }
    }
}

#[allow(clippy::trivially_copy_pass_by_ref)] // serde's skip_serializing_if passes a reference
fn is_one(n: &u32) -> bool {
    *n == 1
}

/// A vote left out of the count, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Excluded {
    pub org: MemberId,
    /// `None` for a written-procedure reply that came too late to be read.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vote: Option<Choice>,
    /// The people whose votes were left out (`ORG:N`); one for an organisation.
    #[serde(skip_serializing_if = "is_one")]
    pub people: u32,
    pub reason: String,
}

impl Excluded {
    /// "org (for: reason)", or "org (reason)" where the vote is not known.
    pub fn describe(&self) -> String {
        let who = match self.people {
            1 => self.org.to_string(),
            n => format!("{}:{n}", self.org),
        };
        match self.vote {
            Some(vote) => format!("{who} ({vote}: {})", self.reason),
            None => format!("{who} ({})", self.reason),
        }
    }
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
    /// Who gave the casting vote, where one decided the outcome.
    #[serde(skip)]
    pub casting_by: Option<CastingBy>,
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
    /// The working, step by step (`--explain`); not part of the plain report.
    #[serde(skip)]
    pub working: Vec<Explained>,
}

/// One step of the working: which rule, its clause, and what it counted.
#[derive(Debug, Clone, Serialize)]
pub struct Explained {
    /// The finding rule the step belongs to, e.g. "threshold" or "casting-vote".
    pub rule: &'static str,
    pub clause: Option<Clause>,
    pub detail: String,
}

/// Counts `input` under `tor`. Never fails: what the ToR forbids becomes findings.
pub fn tally(tor: &Tor, input: &VoteInput) -> TallyReport {
    // Judged by the ToR in force on the day of the vote (SPEC §5).
    let version = tor.as_of(input.date);
    let tor = &*version;
    let rule = tor
        .decisions
        .as_ref()
        .and_then(|d| d.rule_for(&input.kinds));
    // Without a rule of its own, the chair's casting vote where the ToR gives one.
    let casting = rule.map_or_else(
        || {
            tor.chair
                .as_ref()
                .and_then(|c| c.casting_vote.clone())
                .map_or(CastingVote::Silent, CastingVote::Given)
        },
        |r| r.casting_vote.clone(),
    );
    let mut t = Tally {
        tor,
        input,
        decisions: tor.decisions.as_ref(),
        rule,
        casting,
        working: Vec::new(),
        eligibility: Vec::new(),
        proxy: Vec::new(),
        conflict: Vec::new(),
        opt_out: Vec::new(),
        excluded: Vec::new(),
        votes: Vec::new(),
        present: Vec::new(),
        not_bound: Vec::new(),
        capacity: input.attendance.capacities(),
        notified: input.attendance.notified.iter().collect(),
        by_proxy: Vec::new(),
        over_limit: HashSet::new(),
    };
    t.over_limit = t.proxies_over_limit();
    for member in &tor.members {
        t.ballot(member);
    }
    t.conflicts();
    t.opt_outs();
    t.summaries();

    let mut counts = Counts::default();
    for vote in &t.votes {
        counts.add(vote.vote, vote.units(tor.counts));
    }
    let quorum = if input.written {
        t.written_late();
        t.written_quorum()
    } else {
        t.quorum()
    };
    t.explain_eligibility();
    t.explain_proxies();
    t.explain("quorum", quorum.clause.as_ref(), quorum.message.to_string());
    let decided = if input.written {
        t.decide_written(counts)
    } else {
        t.explain_rule();
        t.decide(counts)
    };

    // The body's life first, as in check-meeting.
    let mut findings = vec![super::life::in_force(tor, input.date), quorum];
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
        casting_by: decided.casting_vote.map(|_| t.casting_by()),
        votes: t.votes,
        excluded: t.excluded,
        not_bound: t.not_bound,
        referral: decided.referral,
        unchecked: Unchecked::of(&findings),
        findings,
        as_of_today: input.as_of_today,
        working: t.working,
    }
}

struct Tally<'a> {
    tor: &'a Tor,
    input: &'a VoteInput,
    decisions: Option<&'a Decisions>,
    /// The rule that decides a vote of these kinds, where the ToR states one.
    rule: Option<&'a DecisionRule>,
    casting: CastingVote,
    working: Vec<Explained>,
    eligibility: Vec<Finding>,
    proxy: Vec<Finding>,
    conflict: Vec<Finding>,
    opt_out: Vec<Finding>,
    excluded: Vec<Excluded>,
    votes: Vec<Vote>,
    /// Members at the meeting on the day, in person or through a recognised stand-in.
    present: Vec<&'a Member>,
    not_bound: Vec<MemberId>,
    /// The capacity each organisation at the meeting is there in, looked up
    /// once per member of a large ToR.
    capacity: HashMap<&'a MemberId, Capacity>,
    notified: HashSet<&'a MemberId>,
    /// Absent members whose proxy counted where the ToR counts proxies
    /// towards the quorum.
    by_proxy: Vec<&'a Member>,
    /// Proxies beyond their holder's limit, in the order given.
    over_limit: HashSet<&'a MemberId>,
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
    let names: Vec<&str> = kinds.iter().map(DecisionKind::as_str).collect();
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
    fn explain(&mut self, rule: &'static str, clause: Option<&Clause>, detail: String) {
        self.working.push(Explained {
            rule,
            clause: clause.cloned(),
            detail,
        });
    }

    fn exclude(&mut self, m: &Member, (vote, people): (Choice, u32), reason: String) {
        self.excluded.push(Excluded {
            org: m.id.clone(),
            vote: Some(vote),
            people,
            reason,
        });
    }

    /// The clause to cite where a rule is missing from the decisions section.
    fn decisions_clause(&self) -> Option<&'a Clause> {
        self.decisions.map(|d| &d.clause)
    }

    fn kind_rule(&self, pick: fn(&Decisions) -> Option<&KindRule>) -> Option<&'a KindRule> {
        self.decisions.and_then(pick)
    }
}

//! What a vote's record says, as typed (flags or a votes file) and as resolved
//! against the ToR: every id known, no organisation named in contradiction.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::ops::Range;
use std::str::FromStr;

use chrono::NaiveDate;
use serde::Serialize;

use super::ProxyVote;
use super::build::build;
use super::people::Place;
use crate::engine::attendance::Attendance;
use crate::engine::meeting::ChairPresence;
use crate::engine::{Held, InputError};
use crate::model::{DecisionKind, MemberId, Tor};

/// One organisation's vote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Choice {
    For,
    Against,
    Abstain,
}

impl Choice {
    pub const NAMES: [&'static str; 3] = ["for", "against", "abstain"];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::For => "for",
            Self::Against => "against",
            Self::Abstain => "abstain",
        }
    }
}

impl fmt::Display for Choice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Choice {
    type Err = InputError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim() {
            "for" => Ok(Self::For),
            "against" => Ok(Self::Against),
            "abstain" => Ok(Self::Abstain),
            other => Err(InputError::Invalid(format!(
                "`{other}` is not a vote: use for, against or abstain"
            ))),
        }
    }
}

/// A vote's record as typed: member ids not yet checked.
#[derive(Debug, Clone, Default)]
pub struct VoteArgs {
    /// Kinds as typed; empty: an ordinary decision.
    pub kinds: Vec<String>,
    pub votes_for: Vec<String>,
    pub against: Vec<String>,
    pub abstain: Vec<String>,
    /// Present, not voting.
    pub present: Vec<String>,
    pub proxies: Vec<(String, ProxyVote)>,
    pub conflicts: Vec<String>,
    pub opt_out: Vec<String>,
    /// Members represented by their substitute (listed under the member's id).
    pub substitutes: Vec<String>,
    /// Members represented by their deputy (listed under the member's id).
    pub deputies: Vec<String>,
    /// Members that told the secretariat beforehand who would stand in.
    pub notified: Vec<String>,
    pub casting: Option<Choice>,
    /// A decision by written procedure sent on the day of the vote.
    pub written: bool,
    /// Written-procedure replies received after the response period.
    pub late: Vec<String>,
    /// Members attending remotely, `ORG` or `ORG:N`: people named in the vote
    /// lists who took part remotely.
    pub remote: Vec<String>,
    /// Who presided over the vote, where given.
    pub chair: Option<ChairPresence>,
    /// The meeting was continued though inquorate, or reconvened.
    pub held: Held,
}

/// A vote's record with every id resolved. Sets, so the order of the input never
/// matters and an organisation named twice in one list is one vote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VoteInput {
    /// The day of the vote: memberships are judged on it.
    pub date: NaiveDate,
    /// `date` was not given but taken to be today: reports must say so.
    pub as_of_today: bool,
    /// Sorted, without repeats, never empty.
    pub kinds: Vec<DecisionKind>,
    pub votes_for: BTreeSet<MemberId>,
    pub against: BTreeSet<MemberId>,
    pub abstain: BTreeSet<MemberId>,
    pub present: BTreeSet<MemberId>,
    pub proxies: BTreeMap<MemberId, ProxyVote>,
    /// The members giving proxies in the order given: where a holder carries
    /// more than the ToR allows, the first ones count.
    pub proxy_order: Vec<MemberId>,
    pub conflicts: BTreeSet<MemberId>,
    pub opt_out: BTreeSet<MemberId>,
    /// Who was at the meeting and in which capacity: those voting or present
    /// by their own representatives, and by stand-ins (whose votes are still
    /// listed under the member's id). Lists sorted by id. Empty for a written
    /// procedure's replies, which have no meeting.
    pub attendance: Attendance,
    pub casting: Option<Choice>,
    /// A decision by written procedure: `date` is the day it was sent, and
    /// for, against and abstain are the replies received in time.
    pub written: bool,
    /// Replies received after the response period: never counted.
    pub late: BTreeSet<MemberId>,
    /// People of a member in a list (`None`: present, not voting) where not
    /// one (`ORG:N`, SPEC §5a).
    pub people: BTreeMap<(MemberId, Place), u32>,
    /// Members of whom some people took part remotely, and how many. Unlike
    /// `attendance.remote` (in addition to those in the room, and left empty
    /// here) these people are among those the vote lists name, so how they
    /// voted is known.
    pub remote: BTreeMap<MemberId, u32>,
    /// Who presided over the vote, where given: the casting vote is theirs.
    pub chair: Option<ChairPresence>,
    /// The meeting was continued though inquorate, or reconvened.
    pub held: Held,
    /// The member whose representative presided, where given.
    pub chair_member: Option<MemberId>,
    /// The agenda item the vote was taken on, where the votes file names it.
    pub item: Option<String>,
    /// Members named at the vote who were out of the room when the item was
    /// taken: they neither vote nor count for its quorum.
    pub away: BTreeMap<MemberId, Away>,
}

/// Why a member named at a vote was out of the room for the item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Away {
    /// It has a conflict of interest on the item and left for it.
    Conflict,
    /// It arrived after the item was taken.
    NotArrived,
    /// It left before the item was taken.
    Left,
}

impl Away {
    /// Said of the member, before the item's title.
    pub fn phrase(self) -> &'static str {
        match self {
            Self::Conflict => "left for its conflict of interest on",
            Self::NotArrived => "had not yet arrived for",
            Self::Left => "had left before",
        }
    }
}

impl VoteInput {
    /// Resolves every id (suggesting the nearest on a typo) and refuses
    /// contradictions; the first problem found is returned.
    pub fn new(tor: &Tor, date: NaiveDate, args: &VoteArgs) -> Result<Self, InputError> {
        let items = typed;
        let lists = Lists {
            kinds: args
                .kinds
                .iter()
                .map(|k| resolve_kind(tor, k))
                .collect::<Result<_, _>>()?,
            votes_for: items(&args.votes_for),
            against: items(&args.against),
            abstain: items(&args.abstain),
            present: items(&args.present),
            proxies: args
                .proxies
                .iter()
                .map(|(org, proxy)| {
                    (
                        Item {
                            text: org.as_str(),
                            span: None,
                        },
                        proxy.clone(),
                    )
                })
                .collect(),
            conflicts: items(&args.conflicts),
            opt_out: items(&args.opt_out),
            substitutes: items(&args.substitutes),
            deputies: items(&args.deputies),
            notified: notified(items(&args.notified)),
            casting: args.casting,
            written: args.written,
            late: items(&args.late),
            remote: items(&args.remote),
        };
        let input = build(tor, date, lists).map_err(|mut problems| problems.swap_remove(0).0)?;
        Ok(Self {
            chair: args.chair,
            held: args.held,
            ..input
        })
    }

    /// How the member voted at the meeting (or through its stand-in), with the
    /// people for each way; several ways only where its seats split.
    pub fn in_person(&self, id: &MemberId) -> Vec<(Choice, u32)> {
        [
            (&self.votes_for, Choice::For),
            (&self.against, Choice::Against),
            (&self.abstain, Choice::Abstain),
        ]
        .into_iter()
        .filter(|(set, _)| set.contains(id))
        .map(|(_, choice)| (choice, self.people_in(id, Some(choice))))
        .collect()
    }

    /// The people of `id` in one list: as `ORG:N` gave it, else one.
    pub fn people_in(&self, id: &MemberId, place: Place) -> u32 {
        self.people.get(&(id.clone(), place)).copied().unwrap_or(1)
    }

    /// The people of `id` at the meeting, voting or not.
    pub fn people_at(&self, id: &MemberId) -> u32 {
        let present = if self.present.contains(id) {
            self.people_in(id, None)
        } else {
            0
        };
        self.in_person(id).iter().map(|(_, n)| n).sum::<u32>() + present
    }

    /// Whether the member was at the meeting, voting or not.
    pub fn attends(&self, id: &MemberId) -> bool {
        !self.in_person(id).is_empty() || self.present.contains(id)
    }
}

/// A kind as typed: one of the ToR's kinds, or exit 2 naming the nearest.
fn resolve_kind(tor: &Tor, typed: &str) -> Result<DecisionKind, InputError> {
    let known = tor.decision_kinds();
    let typed = typed.trim();
    if let Some(k) = known.iter().find(|k| k.as_str() == typed) {
        return Ok(k.clone());
    }
    let names: Vec<&str> = known.iter().map(DecisionKind::as_str).collect();
    let hint = match crate::diag::nearest(typed, names.iter().copied()) {
        Some(best) => format!("did you mean `{best}`?"),
        None => format!("its kinds are {}", names.join(", ")),
    };
    Err(InputError::Invalid(format!(
        "`{typed}` is not a kind of decision of {}: {hint}",
        tor.id
    )))
}

fn typed(list: &[String]) -> Vec<Item<'_>> {
    list.iter()
        .map(|s| Item {
            text: s.as_str(),
            span: None,
        })
        .collect()
}

/// The ids of `ORG@DATETIME`: a vote is judged by its day, so when notice was
/// given is not used here (a stand-in's hours of notice are left unchecked).
pub(crate) fn notified(list: Vec<Item<'_>>) -> Vec<Item<'_>> {
    list.into_iter()
        .map(|i| Item {
            text: crate::load::notified::split(i.text).0,
            ..i
        })
        .collect()
}

/// A member id as typed, with its place in a votes file where there is one.
#[derive(Debug, Clone)]
pub(crate) struct Item<'a> {
    pub text: &'a str,
    pub span: Option<Range<usize>>,
}

#[derive(Debug, Default)]
pub(crate) struct Lists<'a> {
    pub kinds: Vec<DecisionKind>,
    pub votes_for: Vec<Item<'a>>,
    pub against: Vec<Item<'a>>,
    pub abstain: Vec<Item<'a>>,
    pub present: Vec<Item<'a>>,
    pub proxies: Vec<(Item<'a>, ProxyVote)>,
    pub conflicts: Vec<Item<'a>>,
    pub opt_out: Vec<Item<'a>>,
    pub substitutes: Vec<Item<'a>>,
    pub deputies: Vec<Item<'a>>,
    pub notified: Vec<Item<'a>>,
    pub casting: Option<Choice>,
    pub written: bool,
    pub late: Vec<Item<'a>>,
    pub remote: Vec<Item<'a>>,
}

/// Problems with the place they were found at, where known.
pub(crate) type Problems = Vec<(InputError, Option<Range<usize>>)>;

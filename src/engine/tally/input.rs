//! What a vote's record says, as typed (flags) and as resolved against the
//! ToR: every id known, no organisation named in contradiction. The loader
//! resolves it (`load::vote_lists`), for flags and votes files alike.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;
use serde::Serialize;

use super::ProxyVote;
use crate::engine::attendance::Attendance;
use crate::engine::meeting::ChairPresence;
use crate::engine::{Held, InputError};
use crate::model::{DecisionKind, MemberId};

/// Where a member's people stood: a vote, or present without voting (`None`).
pub type Place = Option<Choice>;

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

//! `[decisions]` as written: the general rule, each kind's own, written
//! procedure, proxies, the older stand-in keys, opting out and disputes.

use schemars::JsonSchema;
use serde::Deserialize;

use super::{DateOrWord, RawClauseFlag, S, yes};

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawDecisions {
    /// The clause number or heading in the source document, e.g. "4.3".
    pub clause: S<String>,
    /// How a decision of a kind without its own rule is made. Without it (a ToR
    /// stating stand-ins or conflicts but no method) the outcome is assumed.
    #[schemars(extend("enum" = ["consensus", "consensus-then-majority", "majority", "unanimity"]))]
    pub method: Option<S<String>>,
    /// The majority in one word (the older form of `base`, `fraction` and
    /// `comparison`).
    #[schemars(extend("enum" = ["votes-cast", "two-thirds", "members-present"]))]
    pub majority: Option<S<String>>,
    /// What a majority's fraction is of: `votes-cast`, `present`,
    /// `present-and-voting`, `membership` (voting members in post) or `class:<id>`.
    pub base: Option<S<String>>,
    /// A majority's share, e.g. "2/3"; without it, more than half.
    pub fraction: Option<S<String>>,
    /// Whether the share must be exceeded or only reached; required with `fraction`.
    #[schemars(extend("enum" = ["more-than", "at-least"]))]
    pub comparison: Option<S<String>>,
    /// Only this class's members decide (e.g. the statutory partners).
    pub among: Option<S<String>>,
    /// Where this method does not reach a decision, the next method (escalation).
    #[serde(default)]
    pub then: Vec<RawStep>,
    /// Whoever presides has a casting vote on equal votes (`true`), or the ToR
    /// says there is none (`false`); unset: as `[chair] casting_vote` says.
    pub casting_vote: Option<S<bool>>,
    /// The ToR's own kinds of decision, each with its own rule where it states one.
    #[serde(default)]
    pub kinds: Vec<RawDecisionKind>,
    /// Decisions between meetings in writing.
    pub written: Option<RawWritten>,
    pub one_vote_per_organisation: Option<RawClauseFlag>,
    pub proxies: Option<RawProxies>,
    pub deputies: Option<RawStandIns>,
    pub substitutes: Option<RawStandIns>,
    pub opt_out: Option<RawKinds>,
    pub conflicts_of_interest: Option<RawKinds>,
    pub disputes: Option<RawDisputes>,
}

/// One step of an escalation chain (`then`).
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawStep {
    /// The clause of this step; by default the rule's own.
    pub clause: Option<S<String>>,
    #[schemars(extend("enum" = ["consensus", "unanimity", "majority"]))]
    pub method: S<String>,
    pub among: Option<S<String>>,
    pub base: Option<S<String>>,
    pub fraction: Option<S<String>>,
    #[schemars(extend("enum" = ["more-than", "at-least"]))]
    pub comparison: Option<S<String>>,
}

/// A kind of decision the ToR declares, e.g. `precept-veto`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawDecisionKind {
    /// The kind's id, used by `tally --kind` and in `kinds` lists.
    pub id: S<String>,
    /// The clause number or heading in the source document, e.g. "4.3".
    pub clause: S<String>,
    /// Without a method the kind is decided by the general rule.
    #[schemars(extend("enum" = ["consensus", "unanimity", "majority"]))]
    pub method: Option<S<String>>,
    pub among: Option<S<String>>,
    pub base: Option<S<String>>,
    pub fraction: Option<S<String>>,
    #[schemars(extend("enum" = ["more-than", "at-least"]))]
    pub comparison: Option<S<String>>,
    #[serde(default)]
    pub then: Vec<RawStep>,
    pub casting_vote: Option<S<bool>>,
}

/// Decisions by written procedure between meetings.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawWritten {
    /// The clause number or heading in the source document, e.g. "4.3".
    pub clause: S<String>,
    /// Replies are due within this many working days of sending: 1 to 261.
    #[schemars(range(min = 1, max = 261))]
    pub working_days: S<u32>,
    /// The share of all voting members in post that must agree; without it,
    /// more than half.
    pub fraction: Option<S<String>>,
    #[schemars(extend("enum" = ["more-than", "at-least"]))]
    pub comparison: Option<S<String>>,
}

/// A rule that applies to some kinds of decision only.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawKinds {
    /// The clause number or heading in the source document, e.g. "4.3".
    pub clause: S<String>,
    /// Built-in kinds (ordinary, major, financial, funding) or the ToR's own.
    pub kinds: Vec<S<String>>,
}

/// Proxy votes: allowed on some kinds of decision (with limits), or none.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawProxies {
    /// The clause number or heading in the source document, e.g. "4.3".
    pub clause: S<String>,
    /// `false`: the ToR says there are no proxy votes (then no other key).
    pub allowed: Option<S<bool>>,
    /// The kinds of decision absent members may vote on by proxy.
    pub kinds: Option<Vec<S<String>>>,
    /// At most N proxies held by one holder: 1 to 100.
    #[schemars(range(min = 1, max = 100))]
    pub per_holder: Option<S<u32>>,
    /// Directed (the absent member states its vote), open (the holder
    /// decides) or either (the default).
    #[schemars(extend("enum" = ["directed", "open", "either"]))]
    pub form: Option<S<String>>,
    /// A member voting by proxy counts as present for the quorum (default false).
    pub counts_for_quorum: Option<S<bool>>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawStandIns {
    /// The clause number or heading in the source document, e.g. "4.3".
    pub clause: S<String>,
    #[serde(default = "yes")]
    pub holds_vote: bool,
    /// The member must tell the secretariat beforehand who stands in.
    #[serde(default)]
    pub advance_notice: bool,
    /// Registered with the secretariat before this day, or before an event
    /// each year (`"may-meeting"`, `"annual-meeting"`, `"meeting:<mark>"`):
    /// its latest occurrence on or before the meeting.
    pub registered_before: Option<S<DateOrWord>>,
    /// At most N stand-ins for one member: 1 to 100.
    #[schemars(range(min = 1, max = 100))]
    pub per_member: Option<S<u32>>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawDisputes {
    /// The clause number or heading in the source document, e.g. "4.3".
    pub clause: S<String>,
    pub referred_to: String,
}

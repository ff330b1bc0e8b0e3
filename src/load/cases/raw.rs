//! The cases file as written.

use super::*;

// ---- the file as written ------------------------------------------------------

/// A cases file as written.
#[derive(Debug, serde::Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawCases {
    /// The worked cases, one `[[case]]` table each.
    #[serde(default)]
    #[schemars(with = "Vec<RawCase>")]
    pub(crate) case: Vec<Spanned<RawCase>>,
}

/// One worked case: a meeting or a vote, and what tor must find.
#[derive(Debug, serde::Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawCase {
    /// What the case shows, citing the clause it exercises, e.g. "Membership 5:
    /// two responsible authorities are not a quorum". Unique in the file.
    #[schemars(with = "String")]
    pub(crate) name: Spanned<String>,
    /// A proposed meeting, judged as `tor check-meeting` judges it: the keys of
    /// a `--meeting` file. Give this or `vote`.
    #[schemars(with = "Option<RawMeeting>")]
    pub(crate) meeting: Option<Spanned<RawMeeting>>,
    /// Earlier meetings, for the rules that need history (frequency, the yearly
    /// public meeting, staggered standing items): the keys of
    /// `<id>.meetings.toml`. Meeting cases only; not with the meeting's `previous`.
    #[schemars(with = "Option<RawRecord>")]
    pub(crate) record: Option<Spanned<RawRecord>>,
    /// A vote, counted as `tor tally` counts it: the keys of a `--votes` file,
    /// with `at` required so the case gives the same result every day. Give this
    /// or `meeting`.
    #[schemars(with = "Option<RawVotes>")]
    pub(crate) vote: Option<Spanned<RawVotes>>,
    /// What tor must find. Only what is listed is compared.
    #[schemars(with = "RawExpect")]
    pub(crate) expect: Spanned<RawExpect>,
}

/// The expected verdict.
#[derive(Debug, serde::Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawExpect {
    /// Whether the meeting or the vote is valid: no rule fails.
    pub(crate) valid: bool,
    /// The outcome of a vote. Vote cases only.
    #[schemars(
        with = "Option<String>",
        extend("enum" = ["carried", "lost", "no-consensus", "tied"])
    )]
    pub(crate) outcome: Option<Spanned<String>>,
    /// The votes counted; only the counts given are compared. Vote cases only.
    #[schemars(with = "Option<RawCounts>")]
    pub(crate) counts: Option<Spanned<RawCounts>>,
    /// Rule name = expected status (`pass`, `fail`, `warn` or `skip`). Only the
    /// rules listed are compared; where a rule gives several findings (e.g.
    /// `eligibility`, one per member) the most severe counts: fail, then warn,
    /// then pass, then skip. A rule that gives no finding is a difference.
    #[serde(default)]
    #[schemars(
        with = "BTreeMap<String, String>",
        extend(
            "propertyNames" = {"enum": Rule::NAMES},
            "additionalProperties" = {"type": "string", "enum": ["pass", "fail", "warn", "skip"]}
        )
    )]
    pub(crate) findings: BTreeMap<Spanned<String>, Spanned<String>>,
    /// The members whose votes are left out of the count, in any order (`[]`
    /// for none). Vote cases only.
    #[schemars(with = "Option<Vec<String>>")]
    pub(crate) excluded: Option<Spanned<Vec<Spanned<String>>>>,
    /// The members that opted out and are not bound, in any order (`[]` for
    /// none). Vote cases only.
    #[schemars(with = "Option<Vec<String>>")]
    pub(crate) not_bound: Option<Spanned<Vec<Spanned<String>>>>,
    /// The body an unresolved disagreement is referred to, as the ToR names it
    /// (e.g. "Local Strategic Partnership"), or "none". Vote cases only.
    #[schemars(with = "Option<String>")]
    pub(crate) referral: Option<Spanned<String>>,
    /// The title of the first agenda item at which the meeting is not quorate
    /// (its `inquorate_from`), or "none" where every item is quorate. Meeting
    /// cases with `[[items]]` only.
    #[schemars(with = "Option<String>")]
    pub(crate) inquorate_from: Option<Spanned<String>>,
}

/// Expected counts of a vote.
#[derive(Debug, serde::Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawCounts {
    /// Votes for, counted: 0 to 100000.
    #[serde(rename = "for")]
    #[schemars(range(max = 100_000))]
    pub(crate) votes_for: Option<u32>,
    /// Votes against, counted: 0 to 100000.
    #[schemars(range(max = 100_000))]
    pub(crate) against: Option<u32>,
    /// Abstentions, counted: 0 to 100000.
    #[schemars(range(max = 100_000))]
    pub(crate) abstain: Option<u32>,
}

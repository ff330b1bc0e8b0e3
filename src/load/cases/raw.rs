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

/// One worked case: a meeting, a vote, a year's audit or a meeting's
/// deadlines, and what tor must find.
#[derive(Debug, serde::Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
// Every case but a deadlines case has a verdict, so expects `valid`.
#[schemars(extend("anyOf" = [
    {"required": ["deadlines"]},
    {"properties": {"expect": {"required": ["valid"]}}}
]))]
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
    /// `<id>.meetings.toml`. Meeting cases (not with the meeting's `previous`)
    /// and audit cases (the meetings audited) only.
    #[schemars(with = "Option<RawRecord>")]
    pub(crate) record: Option<Spanned<RawRecord>>,
    /// A vote, counted as `tor tally` counts it: the keys of a `--votes` file,
    /// with `at` required so the case gives the same result every day. Give this
    /// or `meeting`.
    #[schemars(with = "Option<RawVotes>")]
    pub(crate) vote: Option<Spanned<RawVotes>>,
    /// A year audited as `tor audit` audits it, on the meetings of `record`.
    #[schemars(with = "Option<RawAuditCase>")]
    pub(crate) audit: Option<Spanned<RawAuditCase>>,
    /// A meeting whose deadlines are counted as `tor deadlines` counts them.
    #[schemars(with = "Option<RawDeadlinesCase>")]
    pub(crate) deadlines: Option<Spanned<RawDeadlinesCase>>,
    /// What tor must find. Only what is listed is compared.
    #[schemars(with = "RawExpect")]
    pub(crate) expect: Spanned<RawExpect>,
}

/// The year an audit case audits.
#[derive(Debug, serde::Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawAuditCase {
    /// The partnership year starting in this calendar year (1970 to 2100), as
    /// `tor audit --year`.
    #[schemars(with = "i32")]
    pub(crate) year: Spanned<i64>,
    /// Judge the year as it stood on this date, as `tor audit --as-of`
    /// [default: after the year, so every period is judged].
    #[schemars(with = "Option<TomlDate>")]
    pub(crate) as_of: Option<Value>,
}

/// The meeting a deadlines case counts back from.
#[derive(Debug, serde::Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawDeadlinesCase {
    /// When the meeting starts, as `tor deadlines --at`: a TOML local
    /// date-time, or only the date (a deadline counted in hours then has none).
    #[schemars(with = "DateOrTimeSchema")]
    pub(crate) at: Value,
}

/// The expected verdict.
#[derive(Debug, serde::Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawExpect {
    /// Whether the meeting, the vote or the year is valid: no rule fails.
    /// Required, except in deadlines cases, which have no verdict.
    #[schemars(with = "Option<bool>")]
    pub(crate) valid: Option<Spanned<bool>>,
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
    /// Rule name = the clause its finding cites (e.g. `quorum = "3.2"`, where
    /// a quorum fallback decides). Where a rule gives several findings, the
    /// one `findings` compares (the most severe) is the one compared.
    #[serde(default)]
    #[schemars(
        with = "BTreeMap<String, String>",
        extend("propertyNames" = {"enum": Rule::NAMES})
    )]
    pub(crate) clauses: BTreeMap<Spanned<String>, Spanned<String>>,
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
    /// cases with `[[items]]`, and audit cases (the first recorded meeting of
    /// the year inquorate from an item).
    #[schemars(with = "Option<String>")]
    pub(crate) inquorate_from: Option<Spanned<String>>,
    /// How many versions of the frequency rule judged the year: 1 where no
    /// amendment within the year changed it. Audit cases only.
    #[schemars(with = "Option<u32>")]
    pub(crate) frequency_phases: Option<Spanned<i64>>,
    /// When the agenda and papers must go out (`circulate_by` of `tor
    /// deadlines`): a date compares the day, a date-time the moment.
    /// Deadlines cases only.
    #[schemars(with = "Option<DateOrTimeSchema>")]
    pub(crate) circulate_by: Option<Value>,
    /// When notice of an extraordinary meeting must be given
    /// (`extraordinary_notice_by`): a date or a date-time. Deadlines cases only.
    #[schemars(with = "Option<DateOrTimeSchema>")]
    pub(crate) extraordinary_notice_by: Option<Value>,
    /// The day the minutes are due (`minutes_by`). Deadlines cases only.
    #[schemars(with = "Option<TomlDate>")]
    pub(crate) minutes_by: Option<Value>,
    /// Whether the ToR is in force on the meeting's day. Deadlines cases only.
    #[schemars(with = "Option<bool>")]
    pub(crate) in_force: Option<Spanned<bool>>,
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

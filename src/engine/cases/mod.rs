//! Worked cases kept beside a ToR, in the manner of OpenFisca's tests:
//! `<dir>/<id>.cases.toml`. Each case is a meeting or a vote with the verdict
//! tor must reach; `tor test` runs them, so a change to a ToR file or to the
//! rules engines that changes a verdict is caught.
//!
//! The format (every key documented on the structs below; unknown keys are errors):
//!
//! ```toml
//! #:schema ../schema/cases.schema.json
//! [[case]]
//! name = "Membership 5: three responsible authorities are a quorum"
//! [case.meeting]               # the keys of a `--meeting` file
//! at = 2012-12-06T14:00:00
//! attendees = ["local-authority", "police-force", "fire-rescue"]
//! [case.expect]
//! valid = true
//! findings = { quorum = "pass" }   # rule = status; only the rules listed are compared
//!
//! [[case]]
//! name = "Membership 4: equal votes need the chair's casting vote"
//! [case.vote]                  # the keys of a `--votes` file; `at` is required
//! at = 2013-01-10
//! for = ["local-authority", "police-force"]
//! against = ["fire-rescue", "probation"]
//! [case.expect]
//! valid = false
//! outcome = "tied"
//! findings = { casting-vote = "fail" }
//! ```
//!
//! A meeting case may carry `[case.record]` (the keys of `<id>.meetings.toml`:
//! `[[case.record.meeting]]`, `[[case.record.cancelled]]`) or `previous` in its
//! meeting table for the rules that need history; without either they are `skip`.
//! The record is inline, not a path, so the bundled cases run from the binary.

use std::collections::BTreeMap;
use std::fmt::Debug;
use std::ops::Range;

use schemars::JsonSchema;
use serde::Serialize;
use serde_json::Value as Json;
use toml::Spanned;

use super::meeting::input::{self, RawMeeting};
use super::meeting::values;
use super::meeting::{History, MeetingInput, check_meeting};
use super::record::{self, RawRecord, Record};
use super::tally::{Outcome, VoteInput, tally};
use super::{Finding, FindingStatus};
use crate::calendar::Calendar;
use crate::diag::{Diagnostic, Severity, nearest};
use crate::load::bounds;
use crate::load::structure;
use crate::model::{MemberId, Tor};
use crate::proclaimed::FileError;

/// The kind of file [`crate::catalog::Catalog::companion`] looks for.
pub const COMPANION: &str = "cases";

/// The rule names findings carry (SPEC §6): `check-meeting`'s, then `tally`'s.
pub const RULES: [&str; 15] = [
    "notice",
    "extraordinary-notice",
    "quorum",
    "chair",
    "public-access",
    "frequency",
    "public-meeting",
    "standing-items",
    "membership",
    "eligibility",
    "proxy",
    "conflict-of-interest",
    "decision",
    "casting-vote",
    "opt-out",
];

const STATUSES: [&str; 4] = ["pass", "fail", "warn", "skip"];
const OUTCOMES: [&str; 4] = ["carried", "lost", "no-consensus", "tied"];

use crate::engine::tally::{RawVotes, votes_from_raw};

// ---- the file as written ------------------------------------------------------

/// A cases file as written.
#[derive(Debug, serde::Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawCases {
    /// The worked cases, one `[[case]]` table each.
    #[serde(default)]
    #[schemars(with = "Vec<RawCase>")]
    case: Vec<Spanned<RawCase>>,
}

/// One worked case: a meeting or a vote, and what tor must find.
#[derive(Debug, serde::Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawCase {
    /// What the case shows, citing the clause it exercises, e.g. "Membership 5:
    /// two responsible authorities are not a quorum". Unique in the file.
    #[schemars(with = "String")]
    name: Spanned<String>,
    /// A proposed meeting, judged as `tor check-meeting` judges it: the keys of
    /// a `--meeting` file. Give this or `vote`.
    #[schemars(with = "Option<RawMeeting>")]
    meeting: Option<Spanned<RawMeeting>>,
    /// Earlier meetings, for the rules that need history (frequency, the yearly
    /// public meeting, staggered standing items): the keys of
    /// `<id>.meetings.toml`. Meeting cases only; not with the meeting's `previous`.
    #[schemars(with = "Option<RawRecord>")]
    record: Option<Spanned<RawRecord>>,
    /// A vote, counted as `tor tally` counts it: the keys of a `--votes` file,
    /// with `at` required so the case gives the same result every day. Give this
    /// or `meeting`.
    #[schemars(with = "Option<RawVotes>")]
    vote: Option<Spanned<RawVotes>>,
    /// What tor must find. Only what is listed is compared.
    #[schemars(with = "RawExpect")]
    expect: Spanned<RawExpect>,
}

/// The expected verdict.
#[derive(Debug, serde::Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawExpect {
    /// Whether the meeting or the vote is valid: no rule fails.
    valid: bool,
    /// The outcome of a vote. Vote cases only.
    #[schemars(
        with = "Option<String>",
        extend("enum" = ["carried", "lost", "no-consensus", "tied"])
    )]
    outcome: Option<Spanned<String>>,
    /// The votes counted; only the counts given are compared. Vote cases only.
    #[schemars(with = "Option<RawCounts>")]
    counts: Option<Spanned<RawCounts>>,
    /// Rule name = expected status (`pass`, `fail`, `warn` or `skip`). Only the
    /// rules listed are compared; where a rule gives several findings (e.g.
    /// `eligibility`, one per member) the most severe counts: fail, then warn,
    /// then pass, then skip. A rule that gives no finding is a difference.
    #[serde(default)]
    #[schemars(
        with = "BTreeMap<String, String>",
        extend(
            "propertyNames" = {"enum": [
                "notice", "extraordinary-notice", "quorum", "chair", "public-access",
                "frequency", "public-meeting", "standing-items", "membership",
                "eligibility", "proxy", "conflict-of-interest", "decision",
                "casting-vote", "opt-out"
            ]},
            "additionalProperties" = {"type": "string", "enum": ["pass", "fail", "warn", "skip"]}
        )
    )]
    findings: BTreeMap<Spanned<String>, Spanned<String>>,
    /// The members whose votes are left out of the count, in any order (`[]`
    /// for none). Vote cases only.
    #[schemars(with = "Option<Vec<String>>")]
    excluded: Option<Spanned<Vec<Spanned<String>>>>,
    /// The members that opted out and are not bound, in any order (`[]` for
    /// none). Vote cases only.
    #[schemars(with = "Option<Vec<String>>")]
    not_bound: Option<Spanned<Vec<Spanned<String>>>>,
    /// The body an unresolved disagreement is referred to, as the ToR names it
    /// (e.g. "Local Strategic Partnership"), or "none". Vote cases only.
    #[schemars(with = "Option<String>")]
    referral: Option<Spanned<String>>,
}

/// Expected counts of a vote.
#[derive(Debug, serde::Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawCounts {
    /// Votes for, counted: 0 to 100000.
    #[serde(rename = "for")]
    #[schemars(range(max = 100000))]
    votes_for: Option<u32>,
    /// Votes against, counted: 0 to 100000.
    #[schemars(range(max = 100000))]
    against: Option<u32>,
    /// Abstentions, counted: 0 to 100000.
    #[schemars(range(max = 100000))]
    abstain: Option<u32>,
}

// ---- the file, checked --------------------------------------------------------

/// A cases file with every id resolved and every value read.
#[derive(Debug, Clone)]
pub struct Cases {
    pub cases: Vec<Case>,
}

#[derive(Debug, Clone)]
pub struct Case {
    pub name: String,
    pub subject: Subject,
    pub expect: Expect,
}

/// What a case checks.
#[derive(Debug, Clone)]
pub enum Subject {
    Meeting {
        input: MeetingInput,
        record: Option<Record>,
    },
    Vote(VoteInput),
}

/// The expected verdict; `None` is not compared.
#[derive(Debug, Clone, Default)]
pub struct Expect {
    pub valid: bool,
    pub outcome: Option<Outcome>,
    pub counts: ExpectedCounts,
    /// In the order written.
    pub findings: Vec<(String, FindingStatus)>,
    /// Sorted.
    pub excluded: Option<Vec<MemberId>>,
    /// Sorted.
    pub not_bound: Option<Vec<MemberId>>,
    /// `Some(None)`: no referral expected.
    pub referral: Option<Option<String>>,
}

#[derive(Debug, Clone, Copy, Default)]
pub struct ExpectedCounts {
    pub votes_for: Option<u32>,
    pub against: Option<u32>,
    pub abstain: Option<u32>,
}

/// Reads a cases file for `tor`, refusing it if it has any error.
pub fn parse_cases(tor: &Tor, path: &str, bytes: &[u8]) -> Result<Cases, FileError> {
    let (cases, diagnostics) = analyse(tor, bytes);
    match cases {
        Some(cases) if diagnostics.is_empty() => Ok(cases),
        _ => Err(FileError {
            path: path.to_owned(),
            text: String::from_utf8_lossy(bytes).into_owned(),
            diagnostics,
        }),
    }
}

/// Every problem in a cases file, each with its place (for `tor validate`).
/// Whether the cases pass is `tor test`'s business, not this.
pub fn check_cases(tor: &Tor, _path: &str, bytes: &[u8]) -> Vec<Diagnostic> {
    analyse(tor, bytes).1
}

fn analyse(tor: &Tor, bytes: &[u8]) -> (Option<Cases>, Vec<Diagnostic>) {
    let text = match structure::as_text(bytes) {
        Ok(text) => text,
        Err(mut d) => {
            if d.code == "empty-file" {
                d.help = Some(HELP_NO_CASES.to_owned());
            }
            return (None, vec![d]);
        }
    };
    let raw: RawCases = match structure::parse(text) {
        Ok(raw) => raw,
        Err(problems) => return (None, problems),
    };
    let mut problems = Vec::new();
    if raw.case.is_empty() {
        problems
            .push(Diagnostic::error("no-cases", "the file has no `[[case]]`").help(HELP_NO_CASES));
    }
    let mut cases = Vec::new();
    let mut names: BTreeMap<String, usize> = BTreeMap::new();
    for entry in &raw.case {
        let name = entry.get_ref().name.get_ref().trim().to_owned();
        let name_span = entry.get_ref().name.span();
        if name.is_empty() {
            problems.push(
                Diagnostic::error("empty-value", "a case needs a name")
                    .at(name_span.clone())
                    .help("name the clause the case exercises, e.g. \"Membership 5: ...\""),
            );
        } else if names.contains_key(&name) {
            problems.push(
                Diagnostic::error(
                    "duplicate-case",
                    format!("a case named \"{name}\" is already in the file"),
                )
                .at(name_span.clone())
                .help("give each case its own name, so a failure points at one case"),
            );
        } else {
            names.insert(name.clone(), name_span.start);
        }
        if let Some(case) = case(tor, text, name, entry, &mut problems) {
            cases.push(case);
        }
    }
    let ok = problems.iter().all(|d| d.severity != Severity::Error);
    (ok.then_some(Cases { cases }), problems)
}

const HELP_NO_CASES: &str = "a cases file holds `[[case]]` tables, each with a `name`, a `[case.meeting]` or `[case.vote]`, and a `[case.expect]`";

/// The first line of a span, for a caret under a table's header rather than
/// its whole body.
fn first_line(text: &str, span: Range<usize>) -> Range<usize> {
    let end = text
        .get(span.clone())
        .and_then(|s| s.find('\n'))
        .map_or(span.end, |i| span.start + i);
    span.start..end
}

/// One `[[case]]`: the case where it has no error.
fn case(
    tor: &Tor,
    text: &str,
    name: String,
    entry: &Spanned<RawCase>,
    problems: &mut Vec<Diagnostic>,
) -> Option<Case> {
    let c = entry.get_ref();
    let errors_before = errors(problems);
    let subject = match (&c.meeting, &c.vote) {
        (Some(m), None) => meeting(tor, m.get_ref(), c.record.as_ref(), problems),
        (None, Some(v)) => {
            if let Some(r) = &c.record {
                problems.push(
                    Diagnostic::error(
                        "conflicting-keys",
                        "`record` is for meeting cases: a vote needs no history",
                    )
                    .at(first_line(text, r.span())),
                );
            }
            let header = first_line(text, v.span());
            match votes_from_raw(tor, v.get_ref(), None) {
                Ok(input) => Some(Subject::Vote(input)),
                Err(found) => {
                    problems.extend(found.into_iter().map(|d| match d.span {
                        Some(_) => d,
                        None => d.at(header.clone()),
                    }));
                    None
                }
            }
        }
        (Some(_), Some(v)) => {
            problems.push(
                Diagnostic::error(
                    "conflicting-keys",
                    "a case checks a meeting or a vote, not both",
                )
                .at(first_line(text, v.span()))
                .help("split it into two cases"),
            );
            None
        }
        (None, None) => {
            problems.push(
                Diagnostic::error("missing-key", "a case needs a `meeting` or a `vote` table")
                    .at(first_line(text, entry.span()))
                    .label("in this case"),
            );
            None
        }
    };
    let vote = match (&c.meeting, &c.vote) {
        (None, Some(_)) => Some(true),
        (Some(_), None) => Some(false),
        _ => None,
    };
    let expect = expect(tor, text, c.expect.get_ref(), vote, problems);
    if errors(problems) > errors_before {
        return None;
    }
    Some(Case {
        name,
        subject: subject?,
        expect,
    })
}

fn errors(problems: &[Diagnostic]) -> usize {
    problems
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count()
}

fn meeting(
    tor: &Tor,
    raw: &RawMeeting,
    record: Option<&Spanned<RawRecord>>,
    problems: &mut Vec<Diagnostic>,
) -> Option<Subject> {
    let input = input::from_raw(tor, raw)
        .map_err(|found| problems.extend(found))
        .ok();
    let record = match record {
        None => None,
        Some(r) => {
            // The record's warnings (e.g. a stand-in the ToR does not allow)
            // describe past meetings the case sets up on purpose: only errors count.
            let (record, found) = record::from_raw(tor, r.get_ref());
            problems.extend(found.into_iter().filter(|d| d.severity == Severity::Error));
            if let Some(span) = raw.previous_span() {
                problems.push(
                    Diagnostic::error(
                        "conflicting-keys",
                        "give the previous meeting's date or a `record`, not both",
                    )
                    .at(span),
                );
            }
            Some(record?)
        }
    };
    Some(Subject::Meeting {
        input: input?,
        record,
    })
}

/// A keyword of `names`, or an error suggesting the nearest.
fn keyword<'a>(
    value: &Spanned<String>,
    names: &[&'a str],
    code: &'static str,
    what: &str,
    problems: &mut Vec<Diagnostic>,
) -> Option<&'a str> {
    let typed = value.get_ref().trim();
    if let Some(found) = names.iter().find(|n| **n == typed) {
        return Some(found);
    }
    let help = match nearest(typed, names.iter().copied()) {
        Some(best) => format!("did you mean `{best}`?"),
        None => format!("use one of: {}", names.join(", ")),
    };
    problems.push(
        Diagnostic::error(code, format!("`{typed}` is not {what}"))
            .at(value.span())
            .help(help),
    );
    None
}

fn status(name: &str) -> FindingStatus {
    match name {
        "pass" => FindingStatus::Pass,
        "fail" => FindingStatus::Fail,
        "warn" => FindingStatus::Warn,
        _ => FindingStatus::Skip,
    }
}

fn outcome(name: &str) -> Outcome {
    match name {
        "carried" => Outcome::Carried,
        "lost" => Outcome::Lost,
        "no-consensus" => Outcome::NoConsensus,
        _ => Outcome::Tied,
    }
}

/// `vote`: whether the case is a vote (`None` where that is itself in error).
fn expect(
    tor: &Tor,
    text: &str,
    e: &RawExpect,
    vote: Option<bool>,
    problems: &mut Vec<Diagnostic>,
) -> Expect {
    if vote == Some(false) {
        let vote_only = [
            ("outcome", e.outcome.as_ref().map(Spanned::span)),
            ("counts", e.counts.as_ref().map(Spanned::span)),
            ("excluded", e.excluded.as_ref().map(Spanned::span)),
            ("not_bound", e.not_bound.as_ref().map(Spanned::span)),
            ("referral", e.referral.as_ref().map(Spanned::span)),
        ];
        for (key, span) in vote_only {
            if let Some(span) = span {
                problems.push(
                    Diagnostic::error(
                        "conflicting-keys",
                        format!("`{key}` is for vote cases: this case checks a meeting"),
                    )
                    .at(first_line(text, span)),
                );
            }
        }
    }
    let mut findings: Vec<(&Spanned<String>, &Spanned<String>)> = e.findings.iter().collect();
    findings.sort_by_key(|(rule, _)| rule.span().start);
    let findings = findings
        .into_iter()
        .filter_map(|(rule, want)| {
            let want = keyword(
                want,
                &STATUSES,
                "unknown-status",
                "a finding status",
                problems,
            )?;
            Some((rule.get_ref().trim().to_owned(), status(want)))
        })
        .collect();
    let ids = |list: &Option<Spanned<Vec<Spanned<String>>>>, problems: &mut Vec<Diagnostic>| {
        list.as_ref().map(|l| {
            let mut ids: Vec<MemberId> = values::members(tor, l.get_ref(), problems)
                .into_iter()
                .map(|(id, _)| id)
                .collect();
            ids.sort();
            ids.dedup();
            ids
        })
    };
    let counts = e.counts.as_ref().map(Spanned::get_ref);
    if let Some(spanned) = &e.counts {
        let c = spanned.get_ref();
        for (key, n) in [
            ("for", c.votes_for),
            ("against", c.against),
            ("abstain", c.abstain),
        ] {
            let message = n.and_then(|n| bounds::outside(key, n, &bounds::VOTES, "votes"));
            if let Some(message) = message {
                problems.push(Diagnostic::error("out-of-range", message).at(spanned.span()));
            }
        }
    }
    Expect {
        valid: e.valid,
        outcome: e
            .outcome
            .as_ref()
            .and_then(|o| keyword(o, &OUTCOMES, "unknown-outcome", "an outcome", problems))
            .map(outcome),
        counts: ExpectedCounts {
            votes_for: counts.and_then(|c| c.votes_for),
            against: counts.and_then(|c| c.against),
            abstain: counts.and_then(|c| c.abstain),
        },
        findings,
        excluded: ids(&e.excluded, problems),
        not_bound: ids(&e.not_bound, problems),
        referral: e.referral.as_ref().map(|r| {
            let to = r.get_ref().trim();
            (to != "none").then(|| to.to_owned())
        }),
    }
}

// ---- running ------------------------------------------------------------------

/// One case's result: passed when tor found what the case expects.
#[derive(Debug, Clone, Serialize)]
pub struct CaseResult {
    pub name: String,
    pub passed: bool,
    pub differences: Vec<Difference>,
}

/// Something tor found that the case did not expect.
#[derive(Debug, Clone, Serialize)]
pub struct Difference {
    /// `valid`, `outcome`, `counts.for`, `excluded`, `not_bound`, `referral`, or
    /// a rule name.
    pub field: String,
    pub expected: Json,
    pub actual: Json,
    /// What tor found, in words: the finding's clause and message, the rules
    /// that fail, the reasons votes were left out.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
}

impl Difference {
    fn new(field: &str, expected: impl Into<Json>, actual: impl Into<Json>) -> Self {
        Self {
            field: field.to_owned(),
            expected: expected.into(),
            actual: actual.into(),
            detail: None,
        }
    }

    fn detail(mut self, detail: impl Into<String>) -> Self {
        self.detail = Some(detail.into());
        self
    }
}

/// Runs every case of a file.
pub fn run_cases(tor: &Tor, calendar: &Calendar, cases: &Cases) -> Vec<CaseResult> {
    cases
        .cases
        .iter()
        .map(|c| run_case(tor, calendar, c))
        .collect()
}

/// Runs one case and compares what tor finds with what it expects.
pub fn run_case(tor: &Tor, calendar: &Calendar, case: &Case) -> CaseResult {
    let e = &case.expect;
    let mut differences = Vec::new();
    match &case.subject {
        Subject::Meeting { input, record } => {
            // Parsing refused a record together with a previous date.
            let history = History::choose(record.as_ref(), input).unwrap_or(History::Nothing);
            let report = check_meeting(tor, calendar, input, history);
            compare_valid(e.valid, report.valid, &report.findings, &mut differences);
            compare_findings(
                &e.findings,
                &report.findings,
                "check-meeting",
                &mut differences,
            );
        }
        Subject::Vote(input) => {
            let report = tally(tor, input);
            compare_valid(e.valid, report.valid, &report.findings, &mut differences);
            if let Some(want) = e.outcome
                && want != report.outcome
            {
                let decision = report.findings.iter().find(|f| f.rule == "decision");
                let mut d = Difference::new("outcome", want.as_str(), report.outcome.as_str());
                if let Some(f) = decision {
                    d = d.detail(describe(f));
                }
                differences.push(d);
            }
            let c = report.counts;
            let counts = [
                ("counts.for", e.counts.votes_for, c.votes_for),
                ("counts.against", e.counts.against, c.against),
                ("counts.abstain", e.counts.abstain, c.abstain),
            ];
            for (field, want, got) in counts {
                if let Some(want) = want.filter(|w| *w != got) {
                    differences.push(Difference::new(field, want, got));
                }
            }
            compare_findings(&e.findings, &report.findings, "tally", &mut differences);
            if let Some(want) = &e.excluded {
                let mut got: Vec<&MemberId> = report.excluded.iter().map(|x| &x.org).collect();
                got.sort();
                got.dedup();
                if !want.iter().eq(got.iter().copied()) {
                    let reasons: Vec<String> = report
                        .excluded
                        .iter()
                        .map(|x| format!("{} ({}: {})", x.org, x.vote, x.reason))
                        .collect();
                    let mut d = Difference::new("excluded", ids_json(want), ids_json(got));
                    if !reasons.is_empty() {
                        d = d.detail(format!("left out: {}", reasons.join("; ")));
                    }
                    differences.push(d);
                }
            }
            if let Some(want) = &e.not_bound {
                let mut got: Vec<&MemberId> = report.not_bound.iter().collect();
                got.sort();
                if !want.iter().eq(got.iter().copied()) {
                    differences.push(Difference::new("not_bound", ids_json(want), ids_json(got)));
                }
            }
            if let Some(want) = &e.referral {
                let got = report.referral.as_ref().map(|r| r.to.clone());
                if !same_body(want.as_deref(), got.as_deref()) {
                    let show = |r: Option<&str>| r.unwrap_or("none").to_owned();
                    differences.push(Difference::new(
                        "referral",
                        show(want.as_deref()),
                        show(got.as_deref()),
                    ));
                }
            }
        }
    }
    CaseResult {
        name: case.name.clone(),
        passed: differences.is_empty(),
        differences,
    }
}

/// Bodies match ignoring case and runs of spaces, as agenda items do.
fn same_body(a: Option<&str>, b: Option<&str>) -> bool {
    let norm = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    match (a, b) {
        (Some(a), Some(b)) => norm(a) == norm(b),
        (None, None) => true,
        _ => false,
    }
}

fn ids_json<'a>(ids: impl IntoIterator<Item = &'a MemberId>) -> Json {
    ids.into_iter().map(|id| Json::from(id.as_str())).collect()
}

fn status_name(s: FindingStatus) -> &'static str {
    match s {
        FindingStatus::Pass => "pass",
        FindingStatus::Fail => "fail",
        FindingStatus::Warn => "warn",
        FindingStatus::Skip => "skip",
    }
}

/// How much a status says is wrong, to pick one status for a rule's findings.
fn severity(s: FindingStatus) -> u8 {
    match s {
        FindingStatus::Skip => 0,
        FindingStatus::Pass => 1,
        FindingStatus::Warn => 2,
        FindingStatus::Fail => 3,
    }
}

/// A finding in words: its clause, then its message.
fn describe(f: &Finding) -> String {
    match &f.clause {
        Some(clause) => format!("{clause}: {}", f.message),
        None => f.message.to_string(),
    }
}

fn compare_valid(want: bool, got: bool, findings: &[Finding], out: &mut Vec<Difference>) {
    if want == got {
        return;
    }
    let failing: Vec<&str> = findings
        .iter()
        .filter(|f| f.failed())
        .map(|f| f.rule)
        .collect();
    let detail = if failing.is_empty() {
        "no rule fails".to_owned()
    } else {
        format!("failing: {}", failing.join(", "))
    };
    out.push(Difference::new("valid", want, got).detail(detail));
}

fn compare_findings(
    want: &[(String, FindingStatus)],
    findings: &[Finding],
    command: &str,
    out: &mut Vec<Difference>,
) {
    for (rule, status) in want {
        let worst = findings
            .iter()
            .filter(|f| f.rule == rule)
            .max_by_key(|f| severity(f.status));
        match worst {
            Some(f) if f.status == *status => {}
            Some(f) => out.push(
                Difference::new(rule, status_name(*status), status_name(f.status))
                    .detail(describe(f)),
            ),
            None => {
                let mut given: Vec<&str> = Vec::new();
                for f in findings {
                    if !given.contains(&f.rule) {
                        given.push(f.rule);
                    }
                }
                let hint = nearest(rule, given.iter().copied())
                    .map(|n| format!("; did you mean `{n}`?"))
                    .unwrap_or_default();
                out.push(
                    Difference::new(rule, status_name(*status), "none").detail(format!(
                        "`tor {command}` gives no `{rule}` finding, only {}{hint}",
                        given.join(", ")
                    )),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Catalog;

    fn sefton() -> Tor {
        Catalog::Bundled.load("sefton-scp").expect("bundled ToR")
    }

    fn codes(text: &str) -> Vec<&'static str> {
        check_cases(&sefton(), "c.toml", text.as_bytes())
            .iter()
            .map(|d| d.code)
            .collect()
    }

    const MEETING: &str = "[[case]]\nname = \"m\"\n[case.meeting]\nat = 2012-12-06T14:00:00\nattendees = [\"local-authority\", \"police-force\"]\n";

    #[test]
    fn the_bundled_cases_pass() {
        for (id, text) in crate::bundled::CASES {
            let tor = Catalog::Bundled.load(id).expect("bundled ToR");
            let cases = parse_cases(&tor, id, text.as_bytes()).expect("valid cases");
            for result in run_cases(&tor, &tor.calendar(), &cases) {
                assert!(result.passed, "{id}: {result:?}");
            }
        }
    }

    #[test]
    fn a_rule_with_several_findings_takes_the_most_severe() {
        // Two substitutes, one named beforehand (pass) and one not (warn).
        let tor = Catalog::Bundled
            .load("richmond-strategy-group")
            .expect("bundled ToR");
        let case = |status: &str| {
            format!(
                "[[case]]\nname = \"v\"\n[case.vote]\nat = 2009-06-11\nfor = [\"primary-care-trust\", \"london-fire-brigade\"]\nsubstitutes = [\"primary-care-trust\", \"london-fire-brigade\"]\nnotified = [\"primary-care-trust\"]\n[case.expect]\nvalid = true\nfindings = {{ eligibility = \"{status}\" }}\n"
            )
        };
        let run = |status: &str| {
            let cases = parse_cases(&tor, "c.toml", case(status).as_bytes()).expect("valid");
            run_case(&tor, &tor.calendar(), &cases.cases[0])
        };
        assert!(run("warn").passed);
        let failed = run("pass");
        assert!(!failed.passed);
        assert_eq!(failed.differences[0].actual, "warn");
    }

    #[test]
    fn history_is_a_record_or_a_previous_date_not_both() {
        let text = format!(
            "{MEETING}previous = 2012-09-13\n[[case.record.meeting]]\ndate = 2012-09-13\n[case.expect]\nvalid = false\n"
        );
        assert_eq!(codes(&text), ["conflicting-keys"]);
    }

    #[test]
    fn vote_expectations_on_a_meeting_are_refused() {
        let text =
            format!("{MEETING}[case.expect]\nvalid = false\noutcome = \"lost\"\nexcluded = []\n");
        assert_eq!(codes(&text), ["conflicting-keys", "conflicting-keys"]);
        let text = "[[case]]\nname = \"v\"\n[case.vote]\nat = 2013-01-10\n[case.record]\n[case.expect]\nvalid = true\n";
        assert_eq!(codes(text), ["conflicting-keys"]);
    }

    #[test]
    fn every_problem_has_a_place() {
        let text = format!(
            "{MEETING}[case.expect]\nvalid = true\nfindings = {{ quorum = \"ok\" }}\n\n[[case]]\nname = \"m\"\n[case.expect]\nvalid = true\n"
        );
        let found = check_cases(&sefton(), "c.toml", text.as_bytes());
        let got: Vec<&str> = found.iter().map(|d| d.code).collect();
        assert_eq!(got, ["unknown-status", "duplicate-case", "missing-key"]);
        assert!(found.iter().all(|d| d.span.is_some()), "{found:?}");
    }

    #[test]
    fn empty_and_caseless_files_are_refused() {
        assert_eq!(codes(" \n"), ["empty-file"]);
        assert_eq!(codes("# only a comment\n"), ["no-cases"]);
        assert_eq!(codes("[[case]\n"), ["syntax"]);
    }
}

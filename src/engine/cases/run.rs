//! Running the cases and comparing the verdicts with what they expect.

use super::*;
use crate::diag::nearest;

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
    /// `valid`, `outcome`, `counts.for`, `excluded`, `not_bound`, `referral`,
    /// `inquorate_from`, or a rule name.
    pub field: String,
    pub expected: Json,
    pub actual: Json,
    /// What tor found, in words: the finding's clause and message, the rules
    /// that fail, the reasons votes were left out.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
}

impl Difference {
    pub(super) fn new(field: &str, expected: impl Into<Json>, actual: impl Into<Json>) -> Self {
        Self {
            field: field.to_owned(),
            expected: expected.into(),
            actual: actual.into(),
            detail: None,
        }
    }

    pub(super) fn detail(mut self, detail: impl Into<String>) -> Self {
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
            compare_clauses(&e.clauses, &report.findings, &mut differences);
            if let Some(want) = &e.inquorate_from {
                let got = report.inquorate_from.as_ref().map(|i| i.title.as_str());
                if !same_body(want.as_deref(), got) {
                    let show = |r: Option<&str>| r.unwrap_or("none").to_owned();
                    differences.push(Difference::new(
                        "inquorate_from",
                        show(want.as_deref()),
                        show(got),
                    ));
                }
            }
        }
        Subject::Vote(input) => {
            let report = tally(tor, input);
            compare_valid(e.valid, report.valid, &report.findings, &mut differences);
            if let Some(want) = e.outcome
                && want != report.outcome
            {
                let decision = report.findings.iter().find(|f| f.rule == Rule::Decision);
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
            compare_clauses(&e.clauses, &report.findings, &mut differences);
            if let Some(want) = &e.excluded {
                let mut got: Vec<&MemberId> = report.excluded.iter().map(|x| &x.org).collect();
                got.sort();
                got.dedup();
                if !want.iter().eq(got.iter().copied()) {
                    let reasons: Vec<String> = report
                        .excluded
                        .iter()
                        .map(super::super::tally::Excluded::describe)
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
        Subject::Audit {
            record,
            year,
            as_of,
        } => super::year::audit_case(tor, calendar, record, *year, *as_of, e, &mut differences),
        Subject::Deadlines { at } => {
            super::year::deadlines_case(tor, calendar, *at, e, &mut differences);
        }
    }
    CaseResult {
        name: case.name.clone(),
        passed: differences.is_empty(),
        differences,
    }
}

/// Bodies match ignoring case and runs of spaces, as agenda items do.
pub(super) fn same_body(a: Option<&str>, b: Option<&str>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => crate::engine::same_item(a, b),
        (None, None) => true,
        _ => false,
    }
}

pub(super) fn ids_json<'a>(ids: impl IntoIterator<Item = &'a MemberId>) -> Json {
    ids.into_iter().map(|id| Json::from(id.as_str())).collect()
}

pub(super) fn status_name(s: FindingStatus) -> &'static str {
    match s {
        FindingStatus::Pass => "pass",
        FindingStatus::Fail => "fail",
        FindingStatus::Warn => "warn",
        FindingStatus::Skip => "skip",
    }
}

/// How much a status says is wrong, to pick one status for a rule's findings.
pub(super) fn severity(s: FindingStatus) -> u8 {
    match s {
        FindingStatus::Skip => 0,
        FindingStatus::Pass => 1,
        FindingStatus::Warn => 2,
        FindingStatus::Fail => 3,
    }
}

/// A finding in words: its clause, then its message.
pub(super) fn describe(f: &Finding) -> String {
    match &f.clause {
        Some(clause) => format!("{clause}: {}", f.message),
        None => f.message.to_string(),
    }
}

pub(super) fn compare_valid(
    want: Option<bool>,
    got: bool,
    findings: &[Finding],
    out: &mut Vec<Difference>,
) {
    let Some(want) = want.filter(|w| *w != got) else {
        return;
    };
    let failing: Vec<&str> = findings
        .iter()
        .filter(|f| f.failed())
        .map(|f| f.rule.as_str())
        .collect();
    let detail = if failing.is_empty() {
        "no rule fails".to_owned()
    } else {
        format!("failing: {}", failing.join(", "))
    };
    out.push(Difference::new("valid", want, got).detail(detail));
}

/// The clause of each rule's most severe finding, where the case names one.
pub(super) fn compare_clauses(
    want: &[(Rule, String)],
    findings: &[Finding],
    out: &mut Vec<Difference>,
) {
    for (rule, clause) in want {
        let worst = findings
            .iter()
            .filter(|f| f.rule == *rule)
            .max_by_key(|f| severity(f.status));
        let got = worst
            .and_then(|f| f.clause.as_ref())
            .map(ToString::to_string);
        if got.as_deref() != Some(clause.as_str()) {
            let d = Difference::new(
                &format!("{rule} clause"),
                clause.as_str(),
                got.as_deref().unwrap_or("none"),
            );
            out.push(match worst {
                Some(f) => d.detail(describe(f)),
                None => d,
            });
        }
    }
}

pub(super) fn compare_findings(
    want: &[(Rule, FindingStatus)],
    findings: &[Finding],
    command: &str,
    out: &mut Vec<Difference>,
) {
    for &(rule, status) in want {
        let worst = findings
            .iter()
            .filter(|f| f.rule == rule)
            .max_by_key(|f| severity(f.status));
        match worst {
            Some(f) if f.status == status => {}
            Some(f) => out.push(
                Difference::new(rule.as_str(), status_name(status), status_name(f.status))
                    .detail(describe(f)),
            ),
            None => {
                let mut given: Vec<&str> = Vec::new();
                for f in findings {
                    if !given.contains(&f.rule.as_str()) {
                        given.push(f.rule.as_str());
                    }
                }
                let hint = nearest(rule.as_str(), given.iter().copied())
                    .map(|n| format!("; did you mean `{n}`?"))
                    .unwrap_or_default();
                out.push(
                    Difference::new(rule.as_str(), status_name(status), "none").detail(format!(
                        "`tor {command}` gives no `{rule}` finding, only {}{hint}",
                        given.join(", ")
                    )),
                );
            }
        }
    }
}

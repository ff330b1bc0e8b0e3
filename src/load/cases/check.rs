//! The cases file checked against the ToR: every member, rule and key resolved.

use super::*;

impl Input for Cases {
    type Raw = RawCases;
    type Context<'a> = &'a Tor;

    fn on_empty(_: &Tor) -> OnEmpty<Self> {
        OnEmpty::Help(HELP_NO_CASES)
    }

    fn check(
        raw: &RawCases,
        text: &str,
        tor: &Tor,
        problems: &mut Vec<Diagnostic>,
    ) -> Option<Self> {
        Some(cases(tor, text, raw, problems))
    }
}

fn cases(tor: &Tor, text: &str, raw: &RawCases, problems: &mut Vec<Diagnostic>) -> Cases {
    if raw.case.is_empty() {
        problems.push(
            Diagnostic::error(Code::NoCases, "the file has no `[[case]]`").help(HELP_NO_CASES),
        );
    }
    let mut cases = Vec::new();
    let mut names: BTreeMap<String, usize> = BTreeMap::new();
    for entry in &raw.case {
        let name = entry.get_ref().name.get_ref().trim().to_owned();
        let name_span = entry.get_ref().name.span();
        if name.is_empty() {
            problems.push(
                Diagnostic::error(Code::EmptyValue, "a case needs a name")
                    .at(name_span.clone())
                    .help("name the clause the case exercises, e.g. \"Membership 5: ...\""),
            );
        } else if names.contains_key(&name) {
            problems.push(
                Diagnostic::error(
                    Code::DuplicateCase,
                    format!("a case named \"{name}\" is already in the file"),
                )
                .at(name_span.clone())
                .help("give each case its own name, so a failure points at one case"),
            );
        } else {
            names.insert(name.clone(), name_span.start);
        }
        if let Some(case) = case(tor, text, name, entry, problems) {
            cases.push(case);
        }
    }
    Cases { cases }
}

pub(super) const HELP_NO_CASES: &str = "a cases file holds `[[case]]` tables, each with a `name`, one of `[case.meeting]`, `[case.vote]`, `[case.audit]` or `[case.deadlines]`, and a `[case.expect]`";

/// The first line of a span, for a caret under a table's header rather than
/// its whole body.
pub(super) fn first_line(text: &str, span: Range<usize>) -> Range<usize> {
    let end = text
        .get(span.clone())
        .and_then(|s| s.find('\n'))
        .map_or(span.end, |i| span.start + i);
    span.start..end
}

/// One `[[case]]`: the case where it has no error.
pub(super) fn case(
    tor: &Tor,
    text: &str,
    name: String,
    entry: &Spanned<RawCase>,
    problems: &mut Vec<Diagnostic>,
) -> Option<Case> {
    let c = entry.get_ref();
    let errors_before = errors(problems);
    let kind = subject_kind(text, entry, problems);
    if let (Some(r), Some(k @ (SubjectKind::Vote | SubjectKind::Deadlines))) = (&c.record, kind) {
        problems.push(
            Diagnostic::error(
                Code::ConflictingKeys,
                format!(
                    "`record` is for meeting and audit cases: this case {}, which needs no history",
                    k.doing()
                ),
            )
            .at(first_line(text, r.span())),
        );
    }
    let subject = match kind {
        Some(SubjectKind::Meeting) => c
            .meeting
            .as_ref()
            .and_then(|m| meeting(tor, m.get_ref(), c.record.as_ref(), problems)),
        Some(SubjectKind::Vote) => c.vote.as_ref().and_then(|v| vote(tor, text, v, problems)),
        Some(SubjectKind::Audit) => c
            .audit
            .as_ref()
            .and_then(|a| audit(tor, text, a, c.record.as_ref(), problems)),
        Some(SubjectKind::Deadlines) => c
            .deadlines
            .as_ref()
            .and_then(|d| deadlines(tor, d.get_ref(), problems)),
        None => None,
    };
    let expect = expect(tor, text, &c.expect, kind, problems);
    if errors(problems) > errors_before {
        return None;
    }
    Some(Case {
        name,
        subject: subject?,
        expect,
    })
}

/// The one subject a case has: its meeting, vote, audit or deadlines table.
fn subject_kind(
    text: &str,
    entry: &Spanned<RawCase>,
    problems: &mut Vec<Diagnostic>,
) -> Option<SubjectKind> {
    let c = entry.get_ref();
    let given: Vec<(SubjectKind, Range<usize>)> = [
        (SubjectKind::Meeting, c.meeting.as_ref().map(Spanned::span)),
        (SubjectKind::Vote, c.vote.as_ref().map(Spanned::span)),
        (SubjectKind::Audit, c.audit.as_ref().map(Spanned::span)),
        (
            SubjectKind::Deadlines,
            c.deadlines.as_ref().map(Spanned::span),
        ),
    ]
    .into_iter()
    .filter_map(|(kind, span)| Some((kind, span?)))
    .collect();
    match given.as_slice() {
        [(kind, _)] => Some(*kind),
        [] => {
            problems.push(
                Diagnostic::error(
                    Code::MissingKey,
                    "a case needs a `meeting`, `vote`, `audit` or `deadlines` table",
                )
                .at(first_line(text, entry.span()))
                .label("in this case"),
            );
            None
        }
        [(first, _), rest @ ..] => {
            for (kind, span) in rest {
                problems.push(
                    Diagnostic::error(
                        Code::ConflictingKeys,
                        format!(
                            "a case has one subject: a `{}` table, not both it and a `{}` table",
                            first.key(),
                            kind.key()
                        ),
                    )
                    .at(first_line(text, span.clone()))
                    .help("split it into two cases"),
                );
            }
            None
        }
    }
}

fn vote(
    tor: &Tor,
    text: &str,
    v: &Spanned<RawVotes>,
    problems: &mut Vec<Diagnostic>,
) -> Option<Subject> {
    let header = first_line(text, v.span());
    match votes::from_raw(tor, v.get_ref(), None) {
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

pub(super) fn errors(problems: &[Diagnostic]) -> usize {
    problems
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count()
}

pub(super) fn meeting(
    tor: &Tor,
    raw: &RawMeeting,
    record: Option<&Spanned<RawRecord>>,
    problems: &mut Vec<Diagnostic>,
) -> Option<Subject> {
    let input = meeting::from_raw(tor, raw)
        .map_err(|found| problems.extend(found))
        .ok();
    let record = match record {
        None => None,
        Some(r) => {
            let record = history(tor, r, problems);
            if let Some(span) = raw.previous_span() {
                problems.push(
                    Diagnostic::error(
                        Code::ConflictingKeys,
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

/// A case's inline record, read by the loader of `<id>.meetings.toml`.
pub(super) fn history(
    tor: &Tor,
    raw: &Spanned<RawRecord>,
    problems: &mut Vec<Diagnostic>,
) -> Option<Record> {
    // The record's warnings (e.g. a stand-in the ToR does not allow) describe
    // past meetings the case sets up on purpose: only errors count.
    let (record, found) = record::from_raw(tor, raw.get_ref());
    problems.extend(found.into_iter().filter(|d| d.severity == Severity::Error));
    record
}

/// A keyword of `names`, or an error suggesting the nearest.
pub(super) fn keyword<'a>(
    value: &Spanned<String>,
    names: &[&'a str],
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
        Diagnostic::error(Code::UnknownKeyword, format!("`{typed}` is not {what}"))
            .at(value.span())
            .help(help),
    );
    None
}

pub(super) fn status(name: &str) -> FindingStatus {
    match name {
        "pass" => FindingStatus::Pass,
        "fail" => FindingStatus::Fail,
        "warn" => FindingStatus::Warn,
        _ => FindingStatus::Skip,
    }
}

pub(super) fn outcome(name: &str) -> Outcome {
    match name {
        "carried" => Outcome::Carried,
        "lost" => Outcome::Lost,
        "no-consensus" => Outcome::NoConsensus,
        _ => Outcome::Tied,
    }
}

/// `kind`: the case's subject (`None` where that is itself in error), which
/// decides the keys it may expect.
pub(super) fn expect(
    tor: &Tor,
    text: &str,
    raw: &Spanned<RawExpect>,
    kind: Option<SubjectKind>,
    problems: &mut Vec<Diagnostic>,
) -> Expect {
    let e = raw.get_ref();
    if let Some(kind) = kind {
        keys_for(text, e, kind, problems);
        if e.valid.is_none() && kind != SubjectKind::Deadlines {
            problems.push(
                Diagnostic::error(Code::MissingKey, "a case's `expect` needs `valid`")
                    .at(first_line(text, raw.span()))
                    .help("`valid = true` where no rule fails, `valid = false` where one does"),
            );
        }
    }
    let mut findings: Vec<(&Spanned<String>, &Spanned<String>)> = e.findings.iter().collect();
    findings.sort_by_key(|(rule, _)| rule.span().start);
    let findings = findings
        .into_iter()
        .filter_map(|(rule, want)| {
            let rule = keyword(rule, Rule::NAMES, "a rule a finding names", problems)
                .and_then(Rule::from_keyword);
            let want = keyword(want, &STATUSES, "a finding status", problems)?;
            Some((rule?, status(want)))
        })
        .collect();
    let mut clauses: Vec<(&Spanned<String>, &Spanned<String>)> = e.clauses.iter().collect();
    clauses.sort_by_key(|(rule, _)| rule.span().start);
    let clauses = clauses
        .into_iter()
        .filter_map(|(rule, want)| {
            let rule = keyword(rule, Rule::NAMES, "a rule a finding names", problems)
                .and_then(Rule::from_keyword)?;
            Some((rule, want.get_ref().trim().to_owned()))
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
                problems.push(Diagnostic::error(Code::OutOfRange, message).at(spanned.span()));
            }
        }
    }
    Expect {
        valid: e.valid.as_ref().map(|v| *v.get_ref()),
        outcome: e
            .outcome
            .as_ref()
            .and_then(|o| keyword(o, &OUTCOMES, "an outcome", problems))
            .map(outcome),
        counts: ExpectedCounts {
            votes_for: counts.and_then(|c| c.votes_for),
            against: counts.and_then(|c| c.against),
            abstain: counts.and_then(|c| c.abstain),
        },
        findings,
        clauses,
        excluded: ids(&e.excluded, problems),
        not_bound: ids(&e.not_bound, problems),
        referral: e.referral.as_ref().map(|r| {
            let to = r.get_ref().trim();
            (to != "none").then(|| to.to_owned())
        }),
        inquorate_from: e.inquorate_from.as_ref().map(|r| {
            let title = r.get_ref().trim();
            (title != "none").then(|| title.to_owned())
        }),
        frequency_phases: e
            .frequency_phases
            .as_ref()
            .and_then(|n| phases(n, problems)),
        deadlines: expected_deadlines(tor, e, problems),
        in_force: e.in_force.as_ref().map(|v| *v.get_ref()),
    }
}

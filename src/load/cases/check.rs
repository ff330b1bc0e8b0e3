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

pub(super) const HELP_NO_CASES: &str = "a cases file holds `[[case]]` tables, each with a `name`, a `[case.meeting]` or `[case.vote]`, and a `[case.expect]`";

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
    let subject = match (&c.meeting, &c.vote) {
        (Some(m), None) => meeting(tor, m.get_ref(), c.record.as_ref(), problems),
        (None, Some(v)) => {
            if let Some(r) = &c.record {
                problems.push(
                    Diagnostic::error(
                        Code::ConflictingKeys,
                        "`record` is for meeting cases: a vote needs no history",
                    )
                    .at(first_line(text, r.span())),
                );
            }
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
        (Some(_), Some(v)) => {
            problems.push(
                Diagnostic::error(
                    Code::ConflictingKeys,
                    "a case checks a meeting or a vote, not both",
                )
                .at(first_line(text, v.span()))
                .help("split it into two cases"),
            );
            None
        }
        (None, None) => {
            problems.push(
                Diagnostic::error(
                    Code::MissingKey,
                    "a case needs a `meeting` or a `vote` table",
                )
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
            // The record's warnings (e.g. a stand-in the ToR does not allow)
            // describe past meetings the case sets up on purpose: only errors count.
            let (record, found) = record::from_raw(tor, r.get_ref());
            problems.extend(found.into_iter().filter(|d| d.severity == Severity::Error));
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

/// `vote`: whether the case is a vote (`None` where that is itself in error).
pub(super) fn expect(
    tor: &Tor,
    text: &str,
    e: &RawExpect,
    vote: Option<bool>,
    problems: &mut Vec<Diagnostic>,
) -> Expect {
    if vote == Some(true)
        && let Some(span) = e.inquorate_from.as_ref().map(Spanned::span)
    {
        problems.push(
            Diagnostic::error(
                Code::ConflictingKeys,
                "`inquorate_from` is for meeting cases: this case counts a vote",
            )
            .at(first_line(text, span)),
        );
    }
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
                        Code::ConflictingKeys,
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
            let rule = keyword(rule, Rule::NAMES, "a rule a finding names", problems)
                .and_then(Rule::from_keyword);
            let want = keyword(want, &STATUSES, "a finding status", problems)?;
            Some((rule?, status(want)))
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
        valid: e.valid,
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
    }
}

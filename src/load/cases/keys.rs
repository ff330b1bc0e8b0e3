//! The `expect` keys that belong to some kinds of case only, and the
//! expectations of audit and deadlines cases.

use super::check::first_line;
use super::*;

/// Which kinds of case may expect each key that not every kind may.
const ONLY: [(&str, &[SubjectKind]); 14] = [
    (
        "valid",
        &[SubjectKind::Meeting, SubjectKind::Vote, SubjectKind::Audit],
    ),
    (
        "findings",
        &[SubjectKind::Meeting, SubjectKind::Vote, SubjectKind::Audit],
    ),
    (
        "clauses",
        &[SubjectKind::Meeting, SubjectKind::Vote, SubjectKind::Audit],
    ),
    ("outcome", &[SubjectKind::Vote]),
    ("counts", &[SubjectKind::Vote]),
    ("excluded", &[SubjectKind::Vote]),
    ("not_bound", &[SubjectKind::Vote]),
    ("referral", &[SubjectKind::Vote]),
    (
        "inquorate_from",
        &[SubjectKind::Meeting, SubjectKind::Audit],
    ),
    ("frequency_phases", &[SubjectKind::Audit]),
    ("circulate_by", &[SubjectKind::Deadlines]),
    ("extraordinary_notice_by", &[SubjectKind::Deadlines]),
    ("minutes_by", &[SubjectKind::Deadlines]),
    ("in_force", &[SubjectKind::Deadlines]),
];

/// Where each such key is written, in [`ONLY`]'s order.
fn written(e: &RawExpect) -> [Option<Range<usize>>; 14] {
    [
        e.valid.as_ref().map(Spanned::span),
        e.findings.keys().map(Spanned::span).min_by_key(|s| s.start),
        e.clauses.keys().map(Spanned::span).min_by_key(|s| s.start),
        e.outcome.as_ref().map(Spanned::span),
        e.counts.as_ref().map(Spanned::span),
        e.excluded.as_ref().map(Spanned::span),
        e.not_bound.as_ref().map(Spanned::span),
        e.referral.as_ref().map(Spanned::span),
        e.inquorate_from.as_ref().map(Spanned::span),
        e.frequency_phases.as_ref().map(Spanned::span),
        e.circulate_by.as_ref().map(Value::span),
        e.extraordinary_notice_by.as_ref().map(Value::span),
        e.minutes_by.as_ref().map(Value::span),
        e.in_force.as_ref().map(Spanned::span),
    ]
}

/// Refuses, where it is written, each key a case of `kind` cannot expect.
pub(super) fn keys_for(
    text: &str,
    e: &RawExpect,
    kind: SubjectKind,
    problems: &mut Vec<Diagnostic>,
) {
    for ((key, kinds), span) in ONLY.iter().zip(written(e)) {
        let Some(span) = span else { continue };
        if kinds.contains(&kind) {
            continue;
        }
        let names: Vec<&str> = kinds.iter().map(|k| k.key()).collect();
        let list = match names.as_slice() {
            [one] => (*one).to_owned(),
            [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
            [] => String::new(),
        };
        let mut d = Diagnostic::error(
            Code::ConflictingKeys,
            format!("`{key}` is for {list} cases: this case {}", kind.doing()),
        )
        .at(first_line(text, span));
        if kind == SubjectKind::Deadlines {
            d = d.help("a deadlines case expects `circulate_by`, `extraordinary_notice_by`, `minutes_by` or `in_force`");
        }
        problems.push(d);
    }
}

/// `frequency_phases`: at least one version judges a year.
pub(super) fn phases(n: &Spanned<i64>, problems: &mut Vec<Diagnostic>) -> Option<usize> {
    let got = *n.get_ref();
    if let Ok(k @ 1..=1000) = usize::try_from(got) {
        return Some(k);
    }
    problems.push(
        Diagnostic::error(
            Code::OutOfRange,
            format!("`frequency_phases` = {got} is out of range: 1 to 1000 versions"),
        )
        .at(n.span()),
    );
    None
}

pub(super) fn expected_deadlines(
    tor: &Tor,
    e: &RawExpect,
    problems: &mut Vec<Diagnostic>,
) -> ExpectedDeadlines {
    let mut when = |v: &Option<Value>| {
        v.as_ref().and_then(|v| {
            values::date_or_time(v, tor.timezone)
                .map_err(|d| problems.push(d))
                .ok()
        })
    };
    let circulate_by = when(&e.circulate_by);
    let extraordinary_notice_by = when(&e.extraordinary_notice_by);
    ExpectedDeadlines {
        circulate_by,
        extraordinary_notice_by,
        minutes_by: e
            .minutes_by
            .as_ref()
            .and_then(|v| values::date(v).map_err(|d| problems.push(d)).ok()),
    }
}

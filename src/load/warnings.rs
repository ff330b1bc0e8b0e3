//! Warnings about a coherent ToR: rules it does not state, dates that have passed.

use chrono::NaiveDate;

use super::Spans;
use crate::diag::{Code, Diagnostic};
use crate::model::{QuorumRule, Tor};

pub fn warnings(tor: &Tor, spans: &Spans, as_of: NaiveDate) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let missing = [
        (tor.quorum.is_none(), Code::NoQuorumRule, "quorum"),
        (
            tor.notice.agenda.is_none(),
            Code::NoNoticeRule,
            "notice period for agenda and papers",
        ),
        (
            tor.decisions.is_none(),
            Code::NoDecisionRule,
            "decision-making rule",
        ),
        (
            tor.frequency.is_none(),
            Code::NoFrequencyRule,
            "meeting frequency",
        ),
        (tor.chair.is_none(), Code::NoChairRule, "rule for the chair"),
        (
            tor.review.is_none(),
            Code::NoReviewRule,
            "review date or cycle",
        ),
    ];
    for (absent, code, what) in missing {
        if absent {
            out.push(
                Diagnostic::warning(code, format!("`{}` states no {what}", tor.id))
                    .at(spans.id.clone())
                    .help("checks that need it report `skip`; add the rule if the ToR states one"),
            );
        }
    }
    let placeholders = crate::report::summarise(tor)
        .iter()
        .filter(|r| {
            r.clause
                .as_ref()
                .is_some_and(|c| c.0.trim().eq_ignore_ascii_case("todo"))
        })
        .count();
    if placeholders > 0 {
        out.push(
            Diagnostic::warning(
                Code::PlaceholderClause,
                format!("{placeholders} rule(s) cite the clause \"TODO\""),
            )
            .at(spans
                .placeholder
                .clone()
                .unwrap_or_else(|| spans.id.clone()))
            .help("replace each \"TODO\" with the clause number or heading in the source document"),
        );
    }
    if let Some(next) = tor.review.as_ref().and_then(|r| r.next)
        && next < as_of
    {
        let d = Diagnostic::warning(
            Code::ReviewOverdue,
            format!("the review date {next} has passed (as of {as_of})"),
        )
        .help("review the ToR and set the next review date");
        out.push(match &spans.review_next {
            Some(span) => d.at(span.clone()),
            None => d,
        });
    }
    if let Some(q) = &tor.quorum
        && let QuorumRule::AtLeast {
            n,
            class: Some(class),
        } = &q.rule
    {
        let in_post = tor.members_on(as_of).filter(|m| &m.class == class).count();
        if (*n as usize) > in_post {
            let d = Diagnostic::warning(
                Code::QuorumUnreachable,
                format!(
                    "quorum needs {n} of class `{class}` but only {in_post} hold membership on {as_of}"
                ),
            );
            out.push(match &spans.quorum {
                Some(span) => d.at(span.clone()),
                None => d,
            });
        }
    }
    out
}

//! Warnings about a coherent ToR: rules it does not state, dates that have passed.

use chrono::NaiveDate;

use super::Spans;
use crate::diag::{Code, Diagnostic};
use crate::model::{Counted, Quorum, QuorumRule, Tor};

pub(super) fn warnings(tor: &Tor, spans: &Spans, as_of: NaiveDate) -> Vec<Diagnostic> {
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
    out.extend(abolished_bodies(tor, spans, as_of));
    // The simple rule is checked against the voting members defined when the
    // file loads; a class count (and every further condition) can still fall
    // out of reach as memberships end.
    if let Some(q) = &tor.quorum {
        let in_post = tor.members.iter().filter(|m| m.holds_on(as_of));
        let class_rule = q
            .rule
            .clone()
            .filter(|r| matches!(r, QuorumRule::AtLeast { class: Some(_), .. }));
        let judged = Quorum {
            rule: class_rule,
            ..q.clone()
        };
        let unreachable = judged.unreachable(&in_post, tor.counts);
        if let Some(u) = unreachable {
            let of = match &u.of {
                Counted::Voting => "voting members".to_owned(),
                Counted::Class(class) => format!("of class `{class}`"),
                Counted::From(g) => format!("from {g}"),
            };
            let d = Diagnostic::warning(
                Code::QuorumUnreachable,
                format!(
                    "quorum needs {} {of} but only {} hold membership on {as_of}",
                    u.needed, u.available
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

/// Members still listed on `as_of` whose kind of statutory body the law had
/// abolished by then: the ToR is out of date, and names what replaced it.
fn abolished_bodies(tor: &Tor, spans: &Spans, as_of: NaiveDate) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for m in tor.members_on(as_of) {
        let Some(body) = tor.body_of(m).filter(|b| b.abolished_by(as_of)) else {
            continue;
        };
        let Some(abolition) = body.abolition() else {
            continue;
        };
        let mut d = Diagnostic::warning(
            Code::AbolishedBody,
            format!(
                "member `{}` is a {}, {abolition}; the ToR still lists it on {as_of}",
                m.id, body.name
            ),
        )
        .help(match body.abolished {
            Some(day) => format!(
                "give the member `until = {}` (the day before), and add its successor if the body lists one",
                day.pred_opt().unwrap_or(day)
            ),
            None => "give the member an `until` date".to_owned(),
        });
        if let Some((_, span)) = spans.bodies.iter().find(|(id, _)| id == &m.id) {
            d = d.at(span.clone());
        }
        out.push(d);
    }
    out
}

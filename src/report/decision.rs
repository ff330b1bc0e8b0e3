//! Decision rules in words for `tor show`. The three majorities a ToR could
//! state before thresholds were general keep their old wording.

use super::{RuleSummary, not_stated, stated};
use crate::model::{
    Base, CastingVote, Comparison, DecisionRule, Decisions, Fraction, KindRule, Method, Proxies,
    ProxyForm, ProxyRule, StandInNotice, Step, Threshold, Tor, WrittenProcedure,
};

/// The `[decisions]` table in words: how decisions are taken, then who may
/// vote for whom and who may stand aside.
pub(super) fn summaries(tor: &Tor, out: &mut Vec<RuleSummary>) {
    let Some(d) = &tor.decisions else {
        out.push(not_stated("decision"));
        return;
    };
    how_decided(tor, d, out);
    who_votes(d, out);
}

/// The general rule, each kind's own, written procedure and one vote each.
fn how_decided(tor: &Tor, d: &Decisions, out: &mut Vec<RuleSummary>) {
    out.push(match &d.rule {
        Some(r) => stated("decision", &d.clause, describe_general(tor, r)),
        None => not_stated("decision"),
    });
    for k in &d.kinds {
        let text = match &k.rule {
            Some(r) => format!("`{}` decisions: {}", k.kind, describe_rule(r)),
            None => format!("`{}` decisions: by the general rule", k.kind),
        };
        out.push(stated("decision-kind", &k.clause, text));
    }
    if let Some(w) = &d.written {
        out.push(stated("written-procedure", &w.clause, describe_written(w)));
    }
    if let Some(c) = &d.one_vote_per_organisation {
        out.push(stated("one-vote", c, "one vote per organisation".into()));
    }
}

/// Proxies, the older stand-in rules, opting out, conflicts and disputes.
fn who_votes(d: &Decisions, out: &mut Vec<RuleSummary>) {
    match &d.proxies {
        Some(Proxies::Allowed(p)) => {
            out.push(stated("proxy", &p.kinds.clause, describe_proxies(p)));
        }
        Some(Proxies::Refused(c)) => {
            out.push(stated("proxy", c, "no proxy votes".into()));
        }
        None => {}
    }
    for (rule, s) in [("deputies", &d.deputies), ("substitutes", &d.substitutes)] {
        if let Some(s) = s {
            let mut text = format!("{rule} may attend");
            if s.holds_vote {
                text.push_str(" and hold the member's vote");
            }
            if let Some(n) = s.per_member {
                text.push_str(&format!("; {n} per member"));
            }
            match &s.notice {
                Some(StandInNotice::RegisteredBefore(by)) => {
                    text.push_str(&format!("; registered with the secretariat before {by}"));
                }
                Some(_) => text.push_str("; the secretariat must be told beforehand"),
                None => {}
            }
            out.push(stated(rule, &s.clause, text));
        }
    }
    if let Some(k) = &d.opt_out {
        out.push(stated(
            "opt-out",
            &k.clause,
            format!(
                "members may opt out of {} decisions and are then not bound",
                kinds(k)
            ),
        ));
    }
    if let Some(k) = &d.conflicts_of_interest {
        out.push(stated(
            "conflict-of-interest",
            &k.clause,
            format!(
                "a member with a conflict of interest takes no part in {} decisions",
                kinds(k)
            ),
        ));
    }
    if let Some(x) = &d.disputes {
        out.push(stated(
            "disputes",
            &x.clause,
            format!("unresolved disputes go to the {}", x.referred_to),
        ));
    }
}

/// The proxy rule in words; the older ToRs' rule reads as it always did.
fn describe_proxies(p: &ProxyRule) -> String {
    let mut text = format!(
        "absent members may vote by proxy on {} decisions",
        kinds(&p.kinds)
    );
    match p.form {
        ProxyForm::Directed => text.push_str(", directed only"),
        ProxyForm::Open => text.push_str(", open only"),
        ProxyForm::Either => {}
    }
    if let Some(n) = p.per_holder {
        text.push_str(&format!(", at most {n} per holder"));
    }
    if p.counts_for_quorum {
        text.push_str("; proxies count towards the quorum");
    }
    text
}

fn kinds(k: &KindRule) -> String {
    let names: Vec<String> = k
        .kinds
        .iter()
        .map(|k| {
            serde_json::to_value(k)
                .ok()
                .and_then(|v| v.as_str().map(str::to_owned))
                .unwrap_or_default()
        })
        .collect();
    names.join(", ")
}

fn majority(t: &Threshold) -> String {
    let two_thirds = Threshold {
        base: Base::VotesCast,
        fraction: Fraction::TWO_THIRDS,
        comparison: Comparison::AtLeast,
    };
    let half_present = Threshold {
        base: Base::Present,
        fraction: Fraction::HALF,
        comparison: Comparison::MoreThan,
    };
    if *t == Threshold::SIMPLE {
        "a simple majority of votes cast".to_owned()
    } else if *t == two_thirds {
        "two thirds of votes cast".to_owned()
    } else if *t == half_present {
        "a majority of the voting members present".to_owned()
    } else if t.base == Base::PresentAndVoting
        && t.fraction == Fraction::HALF
        && t.comparison == Comparison::MoreThan
    {
        "a majority of the members present and voting".to_owned()
    } else {
        format!(
            "{} {} of {}",
            comparison(t.comparison),
            t.fraction.words(),
            base(&t.base)
        )
    }
}

fn comparison(c: Comparison) -> &'static str {
    match c {
        Comparison::MoreThan => "more than",
        Comparison::AtLeast => "at least",
    }
}

fn base(b: &Base) -> String {
    match b {
        Base::VotesCast => "votes cast".to_owned(),
        Base::Present => "the voting members present".to_owned(),
        Base::PresentAndVoting => "the members present and voting".to_owned(),
        Base::Membership => "the voting members in post".to_owned(),
        Base::Class(c) => format!("the voting members of class `{c}` in post"),
    }
}

fn step(s: &Step) -> String {
    let text = match (s.method, &s.threshold) {
        (Method::Consensus, _) => "consensus".to_owned(),
        (Method::Unanimity, _) => "unanimity (an abstention blocks)".to_owned(),
        (Method::Majority, Some(t)) => majority(t),
        (Method::Majority, None) => "a majority".to_owned(),
    };
    match &s.among {
        Some(c) => format!("{text} among the members of class `{c}`"),
        None => text,
    }
}

fn steps(r: &DecisionRule) -> String {
    match r.steps.as_slice() {
        [only] => format!("by {}", step(only)),
        [first, second] if first.method == Method::Consensus && first.among.is_none() => {
            format!("by consensus where possible, else by {}", step(second))
        }
        all => {
            let parts: Vec<String> = all.iter().map(step).collect();
            format!("by {}", parts.join("; where that fails, by "))
        }
    }
}

/// A kind's own rule, with its casting vote.
fn describe_rule(r: &DecisionRule) -> String {
    let casting = match &r.casting_vote {
        CastingVote::Given(_) => "; whoever presides has a casting vote on equal votes",
        CastingVote::None(_) => "; no casting vote: equal votes are lost",
        CastingVote::Silent => "",
    };
    format!("{}{casting}", steps(r))
}

/// The general rule; its casting vote only where `[decisions]` states it (the
/// chair's row already says what `[chair]` gives).
fn describe_general(tor: &Tor, r: &DecisionRule) -> String {
    let from_chair = tor.chair.as_ref().is_some_and(|c| c.casting_vote.is_some());
    match &r.casting_vote {
        CastingVote::Given(_) if !from_chair => describe_rule(r),
        CastingVote::None(_) => describe_rule(r),
        _ => steps(r),
    }
}

fn describe_written(w: &WrittenProcedure) -> String {
    format!(
        "between meetings, in writing: replies are due within {} working days of sending; carried when {} {} of all voting members in post agree",
        w.working_days,
        comparison(w.comparison),
        w.fraction.words()
    )
}

//! Decision rules in words for `tor show`. The three majorities a ToR could
//! state before thresholds were general keep their old wording.

use crate::model::{
    Base, CastingVote, Comparison, DecisionRule, Fraction, Method, Step, Threshold, Tor,
    WrittenProcedure,
};

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
pub(super) fn describe_rule(r: &DecisionRule) -> String {
    let casting = match &r.casting_vote {
        CastingVote::Given(_) => "; whoever presides has a casting vote on equal votes",
        CastingVote::None(_) => "; no casting vote: equal votes are lost",
        CastingVote::Silent => "",
    };
    format!("{}{casting}", steps(r))
}

/// The general rule; its casting vote only where `[decisions]` states it (the
/// chair's row already says what `[chair]` gives).
pub(super) fn describe_general(tor: &Tor, r: &DecisionRule) -> String {
    let from_chair = tor.chair.as_ref().is_some_and(|c| c.casting_vote.is_some());
    match &r.casting_vote {
        CastingVote::Given(_) if !from_chair => describe_rule(r),
        CastingVote::None(_) => describe_rule(r),
        _ => steps(r),
    }
}

pub(super) fn describe_written(w: &WrittenProcedure) -> String {
    format!(
        "between meetings, in writing: replies are due within {} working days of sending; carried when {} {} of all voting members in post agree",
        w.working_days,
        comparison(w.comparison),
        w.fraction.words()
    )
}

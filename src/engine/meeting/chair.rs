//! Who presides, and whether the ToR lets them: the chair, then the fallbacks
//! the ToR lists in order (vice-chair, a member chosen by the meeting), the
//! class the chair comes from, the alternation between members, and the term
//! limit. [`presiding`] is what the quorum and the casting vote follow.

use chrono::NaiveDate;

use super::{ChairPresence, MeetingInput};
use crate::engine::{Fact, Finding, Rule};
use crate::model::{Chair, ChairFallback, MemberId, Presiding, Tor};
use crate::msg;

const R: Rule = Rule::Chair;

/// Who presided, by the input and the ToR: the member is the one the input
/// names, else the one the ToR gives the role on `date`. `None` when the input
/// does not say.
pub fn presiding(tor: &Tor, date: NaiveDate, m: &MeetingInput) -> Option<Presiding> {
    m.chair
        .map(|how| presiding_as(tor, date, how, m.chair_member.clone()))
}

/// Who presides when `how` is all the input says, with `named` the member
/// whose representative presides where the input names one.
pub fn presiding_as(
    tor: &Tor,
    date: NaiveDate,
    how: ChairPresence,
    named: Option<MemberId>,
) -> Presiding {
    let chair = tor.chair.as_ref();
    match how {
        ChairPresence::Present => {
            Presiding::Chair(named.or_else(|| chair.and_then(|c| c.chair_member_on(date)).cloned()))
        }
        ChairPresence::Deputy => Presiding::ViceChair(
            named.or_else(|| chair.and_then(|c| c.vice_member_on(date)).cloned()),
        ),
        ChairPresence::Chosen => Presiding::Chosen(named),
        ChairPresence::Absent => Presiding::None,
    }
}

/// Who presides over an item when `start` presided at the start and
/// `present` are there for the item: where the one presiding is a named
/// member who has left (or left for a conflict), the next the ToR lists takes
/// over.
pub fn presiding_for_item(
    tor: &Tor,
    date: NaiveDate,
    start: &Presiding,
    present: &dyn Fn(&MemberId) -> bool,
) -> Presiding {
    let Some(chair) = tor.chair.as_ref() else {
        return start.clone();
    };
    let gone = |m: Option<&MemberId>| m.is_some_and(|m| !present(m));
    let mut order = vec![];
    let steps = chair.fallback_order();
    match start {
        Presiding::Chair(m) if gone(m.as_ref()) => order.extend(steps),
        Presiding::ViceChair(m) if gone(m.as_ref()) => order.extend(
            steps
                .into_iter()
                .skip_while(|f| *f == ChairFallback::ViceChair),
        ),
        _ => return start.clone(),
    }
    for step in order {
        match step {
            ChairFallback::ViceChair => {
                let vice = chair.vice_member_on(date);
                if !gone(vice) {
                    return Presiding::ViceChair(vice.cloned());
                }
            }
            ChairFallback::Chosen => return Presiding::Chosen(None),
        }
    }
    Presiding::None
}

/// The `chair` finding.
pub fn judge(tor: &Tor, date: NaiveDate, m: &MeetingInput) -> Finding {
    let Some(chair) = &tor.chair else {
        return Finding::not_stated(R, "rule on the chair");
    };
    let Some(how) = m.chair else {
        return Finding::unjudged(
            R,
            Some(&chair.clause),
            Fact::Chair,
            "who chaired was not given",
        );
    };
    match how {
        ChairPresence::Present => present(tor, chair, date, m),
        ChairPresence::Deputy => deputy(chair, date, m),
        ChairPresence::Chosen => chosen(chair, date, m),
        ChairPresence::Absent => absent(chair),
    }
}

/// The member the ToR gives `role` on `date` differs from the one that presided.
fn wrong_turn(
    chair: &Chair,
    date: NaiveDate,
    m: &MeetingInput,
    role: &str,
    expected: Option<&MemberId>,
) -> Option<Finding> {
    let a = chair.alternation.as_ref()?;
    let (expected, given) = (expected?, m.chair_member.as_ref()?);
    let since = a.turn_start(date)?;
    (expected != given).then(|| {
        Finding::fail(
            R,
            &a.clause,
            msg![
                format!("{given} presided as {role}, but the {role} comes from {expected} in the year from "),
                since
            ],
        )
    })
}

fn present(tor: &Tor, chair: &Chair, date: NaiveDate, m: &MeetingInput) -> Finding {
    if let Some(f) = wrong_turn(chair, date, m, "chair", chair.chair_member_on(date)) {
        return f;
    }
    if let (Some(h), Some(given)) = (chair.holder_on(date), &m.chair_member)
        && &h.member != given
    {
        return Finding::fail(
            R,
            &h.clause,
            msg![
                format!(
                    "{given} presided as chair, but {} is recorded as holding the chair from ",
                    h.member
                ),
                h.from
            ],
        );
    }
    if let (Some(class), Some(given)) = (&chair.class, &m.chair_member)
        && tor
            .member(given.as_str())
            .is_some_and(|x| &x.class != class)
    {
        return Finding::fail(
            R,
            &chair.clause,
            format!("{given} presided as chair, but the chair comes from the {class} class"),
        );
    }
    if let (Some(term), Some(since)) = (&chair.term, m.chair_since)
        && let Some(max) = term.max_consecutive
    {
        let months = term.years.saturating_mul(max).saturating_mul(12);
        let until = since.checked_add_months(chrono::Months::new(months));
        if until.is_none_or(|u| date >= u) {
            return Finding::fail(
                R,
                &term.clause,
                msg![
                    "the chair has held office since ",
                    since,
                    format!(
                        ": at most {max} term(s) of {} year(s) in a row, so not beyond ",
                        term.years
                    ),
                    until.unwrap_or(date)
                ],
            );
        }
    }
    match (&chair.alternation, chair.chair_member_on(date)) {
        (Some(a), Some(x)) => Finding::pass(
            R,
            &a.clause,
            msg![
                format!("the chair presided ({x} chairs in the year from "),
                a.turn_start(date).unwrap_or(date),
                ")"
            ],
        ),
        _ => Finding::pass(R, &chair.clause, "the chair presided"),
    }
}

fn deputy(chair: &Chair, date: NaiveDate, m: &MeetingInput) -> Finding {
    let Some(clause) = chair.fallback_clause(ChairFallback::ViceChair) else {
        return Finding::fail(
            R,
            &chair.clause,
            "a deputy chaired, but the ToR provides no deputy or vice-chair",
        );
    };
    if let Some(f) = wrong_turn(chair, date, m, "vice-chair", chair.vice_member_on(date)) {
        return f;
    }
    Finding::pass(R, clause, "a deputy chaired, as the ToR allows")
}

fn chosen<'a>(chair: &'a Chair, date: NaiveDate, m: &MeetingInput) -> Finding {
    let Some(clause) = chair.fallback_clause(ChairFallback::Chosen) else {
        return Finding::fail(
            R,
            &chair.clause,
            "a member chosen by the meeting presided, but the ToR provides for no one chosen",
        );
    };
    // Only a member the ToR names holds the office: one of a council's seats
    // being there says nothing of whether its chair is.
    let named = |m: Option<&'a MemberId>| if chair.alternation.is_none() { m } else { None };
    let before_chosen = chair
        .fallback_order()
        .into_iter()
        .take_while(|f| *f != ChairFallback::Chosen)
        .any(|f| f == ChairFallback::ViceChair);
    if let Some(c) = named(chair.member.as_ref()).filter(|c| m.attendance.attends(c)) {
        return Finding::fail(
            R,
            &chair.clause,
            format!("a member was chosen to preside, but the chair ({c}) is present"),
        );
    }
    if before_chosen
        && let Some(v) = named(chair.vice_member_on(date)).filter(|v| m.attendance.attends(v))
    {
        return Finding::fail(
            R,
            clause,
            format!(
                "a member was chosen to preside, but the vice-chair ({v}) is present and presides first"
            ),
        );
    }
    Finding::pass(
        R,
        clause,
        "a member chosen by the meeting presided, as the ToR allows when the chair and vice-chair are away",
    )
}

fn absent(chair: &Chair) -> Finding {
    let order = chair.fallback_order();
    let message = if order.contains(&ChairFallback::Chosen) {
        "no one presided: the ToR has the meeting choose a member when the chair and vice-chair are away"
    } else if order.contains(&ChairFallback::ViceChair) {
        "neither the chair nor a deputy presided"
    } else {
        "the chair was absent and the ToR provides no deputy"
    };
    Finding::fail(R, &chair.clause, message)
}

//! Resolving a vote's lists against the ToR, one concern at a time: the vote
//! lists and their people, written procedure, proxies, stand-ins, the kinds of
//! decision, and who attended in which capacity. Every problem is collected (a
//! votes file reports them all at once).

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use chrono::NaiveDate;

use super::people::{Placed, place};
use super::{Item, Lists, Problems};
use crate::engine::attendance::Attendance;
use crate::engine::tally::{Choice, ProxyVote, VoteInput};
use crate::engine::{Held, InputError, resolve_member};
use crate::model::{DecisionKind, MemberId, Tor};

/// Resolves `lists` against `tor`, collecting every problem.
pub(crate) fn build(tor: &Tor, date: NaiveDate, lists: Lists<'_>) -> Result<VoteInput, Problems> {
    let mut problems = Problems::new();
    let placed = place(
        tor,
        [
            ("for", Some(Choice::For), &lists.votes_for),
            ("against", Some(Choice::Against), &lists.against),
            ("abstain", Some(Choice::Abstain), &lists.abstain),
            ("present", None, &lists.present),
        ],
        &lists.late,
        &lists.remote,
        &mut problems,
    );
    written(&lists, &placed, &mut problems);
    let (proxies, proxy_order) = proxies(tor, &lists.proxies, &placed, &mut problems);
    let conflicts = ids(tor, &lists.conflicts, &mut problems);
    let opt_out = ids(tor, &lists.opt_out, &mut problems);
    let notified = ids(tor, &lists.notified, &mut problems);
    let (substitutes, deputies) = stand_ins(tor, &lists, &placed, &mut problems);
    if lists.casting == Some(Choice::Abstain) {
        problems.push((
            InputError::Invalid("the casting vote is `for` or `against`".to_owned()),
            None,
        ));
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let kinds = kinds(tor, lists.kinds)?;
    let Placed {
        votes_for,
        against,
        abstain,
        present,
        late,
        people,
        first: _,
        remote,
    } = placed;
    // Stand-ins are recorded under the member's id in the vote lists: the
    // member is there by them, not in its own right.
    let in_person = [&votes_for, &against, &abstain, &present]
        .into_iter()
        .flatten()
        .filter(|id| !substitutes.contains(*id) && !deputies.contains(*id))
        .cloned()
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    Ok(VoteInput {
        date,
        as_of_today: false,
        kinds,
        votes_for,
        against,
        abstain,
        present,
        proxies,
        proxy_order,
        conflicts,
        opt_out,
        attendance: Attendance {
            in_person,
            substitutes: substitutes.into_iter().collect(),
            deputies: deputies.into_iter().collect(),
            notified: notified.into_iter().collect(),
            ..Attendance::default()
        },
        casting: lists.casting,
        written: lists.written,
        late,
        people,
        remote,
        chair: None,
        held: Held::default(),
        chair_member: None,
        item: None,
        away: BTreeMap::new(),
    })
}

/// Each id of `items` resolved, with its place; unknown ids are problems.
fn resolve(
    tor: &Tor,
    items: &[Item<'_>],
    problems: &mut Problems,
) -> Vec<(MemberId, Option<Range<usize>>)> {
    items
        .iter()
        .filter_map(|item| match resolve_member(tor, item.text) {
            Ok(id) => Some((id, item.span.clone())),
            Err(e) => {
                problems.push((e, item.span.clone()));
                None
            }
        })
        .collect()
}

fn ids(tor: &Tor, items: &[Item<'_>], problems: &mut Problems) -> BTreeSet<MemberId> {
    resolve(tor, items, problems)
        .into_iter()
        .map(|(id, _)| id)
        .collect()
}

/// Late replies belong to a written procedure, and a written procedure has no
/// meeting to be present at.
fn written(lists: &Lists<'_>, placed: &Placed, problems: &mut Problems) {
    if !lists.written
        && let Some(first) = lists.late.first()
    {
        problems.push((
            InputError::Invalid(
                "late replies are for a decision by written procedure: add --written (written = true in a votes file)"
                    .to_owned(),
            ),
            first.span.clone(),
        ));
    }
    if lists.written && !placed.present.is_empty() {
        problems.push((
            InputError::Invalid(
                "a decision by written procedure has no meeting: give replies as for, against or abstain, not present"
                    .to_owned(),
            ),
            None,
        ));
    }
}

/// The proxy votes by member, and the members giving them in the order given;
/// a member voting in person, or giving two different proxies, contradicts
/// itself.
fn proxies(
    tor: &Tor,
    given: &[(Item<'_>, ProxyVote)],
    placed: &Placed,
    problems: &mut Problems,
) -> (BTreeMap<MemberId, ProxyVote>, Vec<MemberId>) {
    let mut proxies = BTreeMap::new();
    let mut proxy_order = Vec::new();
    for (item, proxy) in given {
        let id = match resolve_member(tor, item.text) {
            Ok(id) => id,
            Err(e) => {
                problems.push((e, item.span.clone()));
                continue;
            }
        };
        let in_person = placed.votes_for.contains(&id)
            || placed.against.contains(&id)
            || placed.abstain.contains(&id);
        let earlier: Option<&ProxyVote> = proxies.get(&id);
        if in_person {
            let first = placed.first.get(&id).copied().unwrap_or("in person");
            problems.push((
                InputError::Contradiction {
                    org: id.to_string(),
                    first: format!("voting {first} in person"),
                    second: format!("a proxy vote {proxy}"),
                },
                item.span.clone(),
            ));
        } else if let Some(earlier) = earlier.filter(|e| *e != proxy) {
            problems.push((
                InputError::Contradiction {
                    org: id.to_string(),
                    first: format!("a proxy vote {earlier}"),
                    second: format!("a proxy vote {proxy}"),
                },
                item.span.clone(),
            ));
        } else if earlier.is_none() {
            proxy_order.push(id.clone());
            proxies.insert(id, proxy.clone());
        }
    }
    (proxies, proxy_order)
}

/// The members represented by a substitute and by a deputy. A stand-in is
/// recorded under the member's id, so the member must vote or be present;
/// and one member is not represented both ways.
fn stand_ins(
    tor: &Tor,
    lists: &Lists<'_>,
    placed: &Placed,
    problems: &mut Problems,
) -> (BTreeSet<MemberId>, BTreeSet<MemberId>) {
    let substitutes = resolve(tor, &lists.substitutes, problems);
    let deputies = resolve(tor, &lists.deputies, problems);
    let attends = |id: &MemberId| {
        placed.votes_for.contains(id)
            || placed.against.contains(id)
            || placed.abstain.contains(id)
            || placed.present.contains(id)
    };
    let sub_ids: BTreeSet<MemberId> = substitutes.iter().map(|(id, _)| id.clone()).collect();
    for (kind, list) in [("substitute", &substitutes), ("deputy", &deputies)] {
        for (id, span) in list {
            if kind == "deputy" && sub_ids.contains(id) {
                problems.push((
                    InputError::Contradiction {
                        org: id.to_string(),
                        first: "represented by a substitute".to_owned(),
                        second: "represented by a deputy".to_owned(),
                    },
                    span.clone(),
                ));
            } else if !attends(id) {
                // Without a vote or attendance there is nothing to say the
                // stand-in was there.
                problems.push((
                    InputError::Invalid(format!(
                        "`{id}` is named as represented by a {kind} but neither votes nor is \
                         present: add it to for, against, abstain or present"
                    )),
                    span.clone(),
                ));
            }
        }
    }
    let dep_ids = deputies.into_iter().map(|(id, _)| id).collect();
    (sub_ids, dep_ids)
}

/// The kinds of decision, sorted and without repeats (an ordinary decision
/// where none is given); two kinds each with a rule of its own cannot be
/// tallied as one vote.
fn kinds(tor: &Tor, mut kinds: Vec<DecisionKind>) -> Result<Vec<DecisionKind>, Problems> {
    if kinds.is_empty() {
        kinds.push(DecisionKind::ORDINARY);
    }
    kinds.sort();
    kinds.dedup();
    if let Some(d) = &tor.decisions
        && d.own_rules(&kinds).nth(1).is_some()
    {
        let own: Vec<&str> = d
            .kinds
            .iter()
            .filter(|k| k.rule.is_some() && kinds.contains(&k.kind))
            .map(|k| k.kind.as_str())
            .collect();
        return Err(vec![(
            InputError::Invalid(format!(
                "the kinds {} each have a decision rule of their own: tally them as separate votes",
                own.join(" and ")
            )),
            None,
        )]);
    }
    Ok(kinds)
}

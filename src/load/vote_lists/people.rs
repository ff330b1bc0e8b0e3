//! Votes by people (SPEC §5a): `ORG:N` in the vote lists, a member with seats
//! split across them (its councillors voting different ways) as long as it
//! brings no more people than its seats, and who of them attended remotely.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use super::{Item, Problems};
use crate::engine::tally::{Choice, Place};
use crate::engine::{InputError, resolve_attendee, resolve_member};
use crate::model::{Counting, MemberId, Tor};

/// The vote lists resolved: who is in each, and how many people of each.
#[derive(Debug, Default)]
pub(crate) struct Placed {
    pub votes_for: BTreeSet<MemberId>,
    pub against: BTreeSet<MemberId>,
    pub abstain: BTreeSet<MemberId>,
    pub present: BTreeSet<MemberId>,
    pub late: BTreeSet<MemberId>,
    /// People of a member in a list, where not one.
    pub people: BTreeMap<(MemberId, Place), u32>,
    /// The list each member was first placed in, for messages.
    pub first: BTreeMap<MemberId, &'static str>,
    /// Members attending remotely, with how many of their people did.
    pub remote: BTreeMap<MemberId, u32>,
}

impl Placed {
    fn lists_of(&self, id: &MemberId) -> usize {
        [&self.votes_for, &self.against, &self.abstain, &self.present]
            .iter()
            .filter(|s| s.contains(id))
            .count()
    }

    fn people_at(&self, id: &MemberId) -> u32 {
        [
            (&self.votes_for, Some(Choice::For)),
            (&self.against, Some(Choice::Against)),
            (&self.abstain, Some(Choice::Abstain)),
            (&self.present, None),
        ]
        .iter()
        .filter(|(s, _)| s.contains(id))
        .map(|(_, place)| self.people.get(&(id.clone(), *place)).copied().unwrap_or(1))
        .sum()
    }
}

/// Resolves the vote lists, `late` and `remote`. A member may be in several
/// lists only where the ToR counts people and the member holds seats; an
/// organisation named twice in one list is there once, with the larger count.
pub(crate) fn place(
    tor: &Tor,
    lists: [(&'static str, Place, &[Item<'_>]); 4],
    late: &[Item<'_>],
    remote: &[Item<'_>],
    problems: &mut Problems,
) -> Placed {
    let mut p = Placed::default();
    let splits = |id: &MemberId| {
        tor.counts == Counting::People && tor.member(id.as_str()).is_some_and(|m| m.seats.is_some())
    };
    let mut last_span: BTreeMap<MemberId, Option<Range<usize>>> = BTreeMap::new();
    for (name, place, items) in lists {
        for item in items {
            let (id, n) = match resolve_attendee(tor, item.text) {
                Ok(found) => found,
                Err(e) => {
                    problems.push((e, item.span.clone()));
                    continue;
                }
            };
            match p.first.get(&id) {
                Some(first) if *first != name && !splits(&id) => problems.push((
                    InputError::Contradiction {
                        org: id.to_string(),
                        first: (*first).to_owned(),
                        second: name.to_owned(),
                    },
                    item.span.clone(),
                )),
                _ => {
                    p.first.entry(id.clone()).or_insert(name);
                    last_span.insert(id.clone(), item.span.clone());
                    let set = match place {
                        Some(Choice::For) => &mut p.votes_for,
                        Some(Choice::Against) => &mut p.against,
                        Some(Choice::Abstain) => &mut p.abstain,
                        None => &mut p.present,
                    };
                    set.insert(id.clone());
                    let count = p.people.entry((id, place)).or_insert(0);
                    *count = (*count).max(n);
                }
            }
        }
    }
    for (id, span) in &last_span {
        let seats = tor.member(id.as_str()).and_then(|m| m.seats).unwrap_or(1);
        let total = p.people_at(id);
        if total > seats {
            problems.push((
                InputError::Invalid(format!(
                    "`{id}`: {total} people in for, against, abstain and present make more than its {seats} seats"
                )),
                span.clone(),
            ));
        }
    }
    for item in late {
        match resolve_member(tor, item.text) {
            Ok(id) => match p.first.get(&id) {
                Some(first) => problems.push((
                    InputError::Contradiction {
                        org: id.to_string(),
                        first: (*first).to_owned(),
                        second: "late".to_owned(),
                    },
                    item.span.clone(),
                )),
                None => {
                    p.late.insert(id);
                }
            },
            Err(e) => problems.push((e, item.span.clone())),
        }
    }
    for item in remote {
        match resolve_attendee(tor, item.text) {
            Ok((id, n)) => {
                if let Some(why) = remote_problem(&p, &id, n) {
                    problems.push((InputError::Invalid(why), item.span.clone()));
                } else {
                    let count = p.remote.entry(id).or_insert(0);
                    *count = (*count).max(n);
                }
            }
            Err(e) => problems.push((e, item.span.clone())),
        }
    }
    p.people.retain(|_, n| *n != 1);
    p
}

/// Remote people are among those the vote lists name, so tor knows how they
/// voted; an organisation split across the lists cannot say which of its
/// people were remote.
fn remote_problem(p: &Placed, id: &MemberId, n: u32) -> Option<String> {
    match p.lists_of(id) {
        0 => Some(format!(
            "`{id}` is named as attending remotely but neither votes nor is present: \
             add it to for, against, abstain or present (remote members are among them)"
        )),
        1 if n <= p.people_at(id) => None,
        1 => Some(format!(
            "`{id}:{n}` attended remotely, but only {} of its people are in for, against, abstain or present",
            p.people_at(id)
        )),
        _ => Some(format!(
            "`{id}` is in more than one of for, against, abstain and present, so tor cannot tell \
             which of its people attended remotely"
        )),
    }
}

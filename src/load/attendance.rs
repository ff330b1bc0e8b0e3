//! The attendance lists a meeting file and a record of held meetings share,
//! checked once: ids resolved with their places, repeats merged or refused, and
//! an organisation named in two capacities refused at its second naming.
//!
//! The files call the lists differently (a meeting file's `attendees` is a
//! record's `present`), so each raw struct keeps its own keys (serde's `flatten`
//! would lose `deny_unknown_fields`) and lends its lists here as
//! [`RawAttendance`].

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use toml::Spanned;

use super::values;
use crate::diag::{Code, Diagnostic};
use crate::engine::attendance::Attendance;
use crate::model::{Capacity, MemberId, Tor};

/// A file's attendance lists as written. A file without a list lends `&[]`.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct RawAttendance<'a> {
    /// Those in the room in their own right, `ORG` or `ORG:N` (N people of a
    /// member with seats).
    pub in_person: &'a [Spanned<String>],
    pub remote: &'a [Spanned<String>],
    pub substitutes: &'a [Spanned<String>],
    pub deputies: &'a [Spanned<String>],
    pub notified: &'a [Spanned<String>],
}

/// An organisation named twice in one list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Repeats {
    /// One attendance (a meeting's facts may be typed loosely, like the flags).
    Merge,
    /// A `duplicate-member` error (a record is a document: a repeat is a slip).
    Refuse,
}

/// The checked lists, with the place each organisation in the room is named.
#[derive(Debug, Default)]
pub(crate) struct Checked {
    pub attendance: Attendance,
    /// Every naming in the room's lists, in the order of
    /// [`Capacity::AT_MEETING`], repeats included.
    pub named: [Vec<(MemberId, Range<usize>)>; 3],
}

/// Resolves every list of `raw` against `tor`, pushing a diagnostic for each
/// unknown id (and, with [`Repeats::Refuse`], each repeat).
pub(crate) fn check(
    tor: &Tor,
    raw: RawAttendance<'_>,
    repeats: Repeats,
    problems: &mut Vec<Diagnostic>,
) -> Checked {
    let mut people = HashMap::new();
    let in_person: Vec<(MemberId, Range<usize>)> = values::attendees(tor, raw.in_person, problems)
        .into_iter()
        .map(|(id, n, span)| {
            people.insert(id.clone(), n);
            (id, span)
        })
        .collect();
    let mut remote: Vec<(MemberId, u32)> = Vec::new();
    for (id, n, _) in values::attendees(tor, raw.remote, problems) {
        match remote.iter_mut().find(|(r, _)| *r == id) {
            Some(slot) => slot.1 = n,
            None => remote.push((id, n)),
        }
    }
    // A stand-in list names people too (`ORG:N`: N substitutes for ORG's absent
    // councillors): of a member also in person, apart; else the first list
    // naming an organisation gives its people.
    let mut stand_in_people = HashMap::new();
    let here: HashSet<MemberId> = in_person.iter().map(|(id, _)| id.clone()).collect();
    let mut stand_ins = |list| -> Vec<(MemberId, Range<usize>)> {
        values::attendees(tor, list, problems)
            .into_iter()
            .map(|(id, n, span)| {
                if here.contains(&id) {
                    stand_in_people.entry(id.clone()).or_insert(n);
                } else {
                    people.entry(id.clone()).or_insert(n);
                }
                (id, span)
            })
            .collect()
    };
    let substitutes = stand_ins(raw.substitutes);
    let deputies = stand_ins(raw.deputies);
    people.retain(|_, n| *n != 1);
    stand_in_people.retain(|_, n| *n != 1);
    let (notified, notified_at) = super::notified::from_file(tor, raw.notified, problems);
    let named = [in_person, substitutes, deputies];
    let [in_person, substitutes, deputies] =
        named.each_ref().map(|list| once(list, repeats, problems));
    Checked {
        attendance: Attendance {
            in_person,
            people,
            stand_in_people,
            remote,
            substitutes,
            deputies,
            notified: once(&notified, Repeats::Merge, problems),
            notified_at,
        },
        named,
    }
}

/// The ids of `list` with repeats dropped (and refused, with [`Repeats::Refuse`]).
fn once(
    list: &[(MemberId, Range<usize>)],
    repeats: Repeats,
    problems: &mut Vec<Diagnostic>,
) -> Vec<MemberId> {
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for (id, span) in list {
        if seen.insert(id) {
            out.push(id.clone());
        } else if repeats == Repeats::Refuse {
            problems.push(
                Diagnostic::error(Code::DuplicateMember, format!("`{id}` is listed twice"))
                    .at(span.clone()),
            );
        }
    }
    out
}

impl Checked {
    /// Every member named in the room, in any capacity.
    pub(crate) fn start(&self) -> HashSet<MemberId> {
        self.named
            .iter()
            .flatten()
            .map(|(id, _)| id.clone())
            .collect()
    }

    /// A `contradiction` error for the first organisation named in two of the
    /// room's lists, at its naming in the later list.
    pub(crate) fn contradiction(&self, tor: &Tor) -> Option<Diagnostic> {
        let (org, first, second, _) = first_contradiction(tor, self.attendance.lists())?;
        let mut d = Diagnostic::error(
            Code::Contradiction,
            format!(
                "`{org}` is named twice in contradiction: {} and {}",
                Capacity::AT_MEETING[first].phrase(),
                Capacity::AT_MEETING[second].phrase()
            ),
        )
        .label("named again here");
        if let Some((_, span)) = self.named[second].iter().find(|(id, _)| *id == org) {
            d = d.at(span.clone());
        }
        Some(d)
    }
}

/// The first organisation named in two capacities: the organisation, the two
/// capacities (indices into [`Capacity::AT_MEETING`]) and its index in the
/// second list. A member holding seats may be in person and by stand-ins of one
/// kind for its absent seats (SPEC §7, joint scrutiny clause 6); no member may
/// be by substitutes and by deputies.
pub(crate) fn first_contradiction(
    tor: &Tor,
    lists: [&[MemberId]; 3],
) -> Option<(MemberId, usize, usize, usize)> {
    let seats = |org: &MemberId| tor.member(org.as_str()).and_then(|m| m.seats);
    let in_person: HashSet<&MemberId> = lists[0].iter().collect();
    // The stand-in list each organisation appears in first, so each name is
    // looked up once rather than searched for in every earlier list.
    let mut stand_in: HashMap<&MemberId, usize> = HashMap::new();
    for (second, list) in lists.iter().enumerate().skip(1) {
        for (pos, org) in list.iter().enumerate() {
            if let Some(&first) = stand_in.get(org) {
                return Some((org.clone(), first, second, pos));
            }
            if in_person.contains(org) && seats(org).is_none_or(|n| n < 2) {
                return Some((org.clone(), 0, second, pos));
            }
        }
        for org in *list {
            stand_in.entry(org).or_insert(second);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Catalog;

    fn list(ids: &[&str]) -> Vec<Spanned<String>> {
        ids.iter()
            .enumerate()
            .map(|(i, s)| Spanned::new(i * 10..i * 10 + s.len(), (*s).to_owned()))
            .collect()
    }

    #[test]
    fn repeats_are_merged_or_refused_and_contradictions_found() {
        let tor = Catalog::Bundled.load("sefton-scp").expect("bundled");
        let present = list(&["cvs", "cvs"]);
        let subs = list(&["probation", "cvs"]);
        let raw = RawAttendance {
            in_person: &present,
            substitutes: &subs,
            ..RawAttendance::default()
        };
        let mut problems = Vec::new();
        let merged = check(&tor, raw, Repeats::Merge, &mut problems);
        assert!(problems.is_empty());
        assert_eq!(merged.attendance.in_person.len(), 1);
        let d = merged.contradiction(&tor).expect("cvs in two lists");
        assert_eq!(d.code, Code::Contradiction);
        assert_eq!(d.span, Some(10..13));
        check(&tor, raw, Repeats::Refuse, &mut problems);
        let codes: Vec<Code> = problems.iter().map(|d| d.code).collect();
        assert_eq!(codes, [Code::DuplicateMember]);
    }
}

//! A meeting item by item: the agenda with the time each item is taken, the
//! members who arrive late or leave early, and those with a conflict on an
//! item, who leave for it. [`at_item`] gives the meeting as it stood for one
//! item, so every rule judges it as it judges a whole meeting.

use std::collections::{HashMap, HashSet};

use super::MeetingInput;
use crate::engine::attendance::Attendance;
pub use crate::engine::items::{AgendaItem, Movement, MovementKind};
use crate::model::{Capacity, MemberId};

/// The meeting as it stood when `item` was taken: who had left is gone, who
/// had arrived is there (in person, unless they were at the start by a
/// stand-in), and members with a conflict on the item are out for it. Also
/// gives those present who left for their conflict, in the item's order.
pub fn at_item(m: &MeetingInput, item: &AgendaItem) -> (MeetingInput, Vec<MemberId>) {
    // The list each member attends in at the start: 0 attendees, 1
    // substitutes, 2 deputies.
    let mut start: HashMap<&MemberId, usize> = HashMap::new();
    for (i, list) in m.attendance.lists().into_iter().enumerate() {
        for id in list {
            start.entry(id).or_insert(i);
        }
    }
    let mut here: HashMap<&MemberId, usize> = start.clone();
    let mut order: Vec<&MemberId> = m.attendance.lists().into_iter().flatten().collect();
    for mv in m.movements.iter().filter(|mv| mv.at <= item.at) {
        match mv.kind {
            MovementKind::Leaves => {
                here.remove(&mv.member);
            }
            MovementKind::Arrives => {
                let list = start.get(&mv.member).copied().unwrap_or(0);
                if here.insert(&mv.member, list).is_none() && !start.contains_key(&mv.member) {
                    order.push(&mv.member);
                    start.insert(&mv.member, list);
                }
            }
        }
    }
    let conflicted: HashSet<&MemberId> = item.conflicts.iter().collect();
    let left: Vec<MemberId> = item
        .conflicts
        .iter()
        .filter(|c| here.contains_key(c))
        .cloned()
        .collect();
    let mut lists: [Vec<MemberId>; 3] = Default::default();
    let mut seen = HashSet::new();
    for id in order {
        if let Some(&list) = here.get(id)
            && !conflicted.contains(id)
            && seen.insert(id)
        {
            lists[list].push(id.clone());
        }
    }
    // A member there in person and by stand-ins for its absent seats keeps
    // both while it is there.
    for (id, how, _) in m.attendance.shared() {
        if here.get(id) == Some(&0) && !conflicted.contains(id) {
            let list = if how == Capacity::Deputy { 2 } else { 1 };
            lists[list].push(id.clone());
        }
    }
    let [in_person, substitutes, deputies] = lists;
    let at = MeetingInput {
        attendance: Attendance {
            in_person,
            substitutes,
            deputies,
            ..m.attendance.clone()
        },
        agenda: Vec::new(),
        movements: Vec::new(),
        ..m.clone()
    };
    (at, left)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{DateTime, TimeZone};
    use chrono_tz::Tz;

    fn id(s: &str) -> MemberId {
        MemberId::parse(s).expect("an id")
    }

    fn t(h: u32, min: u32) -> DateTime<Tz> {
        chrono_tz::Europe::London
            .with_ymd_and_hms(2026, 3, 5, h, min, 0)
            .single()
            .expect("a time")
    }

    #[test]
    fn an_item_sees_who_came_and_went_and_who_left_for_a_conflict() {
        let mut m = MeetingInput::new(t(18, 0));
        m.attendance.in_person = vec![id("a"), id("b"), id("c")];
        m.attendance.substitutes = vec![id("d")];
        m.movements = vec![
            Movement {
                member: id("e"),
                at: t(18, 20),
                kind: MovementKind::Arrives,
            },
            Movement {
                member: id("d"),
                at: t(18, 30),
                kind: MovementKind::Leaves,
            },
        ];
        let item = |at, conflicts: &[&str]| AgendaItem {
            title: "x".into(),
            at,
            conflicts: conflicts.iter().map(|s| id(s)).collect(),
        };
        let (first, left) = at_item(&m, &item(t(18, 0), &[]));
        assert_eq!(first.attendance.in_person, [id("a"), id("b"), id("c")]);
        assert_eq!(first.attendance.substitutes, [id("d")]);
        assert!(left.is_empty());
        let (later, left) = at_item(&m, &item(t(18, 30), &["b", "z"]));
        assert_eq!(later.attendance.in_person, [id("a"), id("c"), id("e")]);
        assert!(later.attendance.substitutes.is_empty());
        assert_eq!(left, [id("b")]);
    }
}

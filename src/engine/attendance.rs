//! Who was at a meeting and in which capacity: one value for a proposed
//! meeting, a held meeting and a vote, and the one judgement of whether a
//! member is represented there.
//!
//! (The ToR's own attendance rules, such as remote attendance, are
//! [`crate::model::Attendance`]; this is what happened at one meeting.)

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, NaiveDate};
use chrono_tz::Tz;

use crate::model::{Capacity, Member, MemberId, Tor};

/// When each member gave notice of its stand-in, where the input says.
pub type NoticeTimes = HashMap<MemberId, DateTime<Tz>>;

/// Who attended. Lists keep the order they were given in. An organisation is
/// in at most one of `in_person`, `substitutes` and `deputies` (the loaders
/// refuse it in two), except that a member holding seats may be in person and
/// by stand-ins of one kind for its absent seats (`northvale:8` in person and
/// `northvale:2` substitutes): see [`Attendance::shared`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Attendance {
    /// Members there by their own representatives, in the room.
    pub in_person: Vec<MemberId>,
    /// People present of an attendee that holds seats (`ORG:N`), in the
    /// capacity of the first list naming it; an attendee not listed brings one.
    pub people: HashMap<MemberId, u32>,
    /// The stand-ins of a member also there in person, where more than one
    /// (`ORG:N` in the stand-in list); one otherwise.
    pub stand_in_people: HashMap<MemberId, u32>,
    /// Members attending remotely, with the people of each (`ORG:N`), in
    /// addition to those in the room.
    pub remote: Vec<(MemberId, u32)>,
    /// Members represented by their substitute.
    pub substitutes: Vec<MemberId>,
    /// Members represented by their deputy.
    pub deputies: Vec<MemberId>,
    /// Members who gave the advance notice their stand-in needs.
    pub notified: Vec<MemberId>,
    /// When they gave it, where the input says (`ORG@DATETIME`).
    pub notified_at: NoticeTimes,
}

impl Attendance {
    /// The lists of those in the room, in the order of [`Capacity::AT_MEETING`].
    pub fn lists(&self) -> [&[MemberId]; 3] {
        [&self.in_person, &self.substitutes, &self.deputies]
    }

    /// The capacity each organisation in the room is there in, built once so a
    /// large meeting is not searched per member. The first list naming an
    /// organisation wins (in person, then substitute, then deputy).
    pub fn capacities(&self) -> HashMap<&MemberId, Capacity> {
        let mut out = HashMap::new();
        for (list, how) in self.lists().into_iter().zip(Capacity::AT_MEETING) {
            for id in list {
                out.entry(id).or_insert(how);
            }
        }
        out
    }

    /// The capacity `id` is in the room in, if it is.
    pub fn capacity(&self, id: &MemberId) -> Option<Capacity> {
        self.lists()
            .into_iter()
            .zip(Capacity::AT_MEETING)
            .find_map(|(list, how)| list.contains(id).then_some(how))
    }

    /// Whether `id` is in the room in any capacity.
    pub fn attends(&self, id: &MemberId) -> bool {
        self.capacity(id).is_some()
    }

    /// The people `id` brings: as given by `ORG:N`, else one.
    pub fn people_of(&self, id: &MemberId) -> u32 {
        self.people.get(id).copied().unwrap_or(1)
    }

    /// The members there both in person and by stand-ins for their absent
    /// seats, in the order of the stand-in lists: the member, the stand-ins'
    /// capacity and how many there are. Built once (a hash of those in
    /// person), so a large meeting is not searched per member.
    pub fn shared(&self) -> Vec<(&MemberId, Capacity, u32)> {
        let in_person: HashSet<&MemberId> = self.in_person.iter().collect();
        let stand_ins = [
            (&self.substitutes, Capacity::Substitute),
            (&self.deputies, Capacity::Deputy),
        ];
        stand_ins
            .into_iter()
            .flat_map(|(list, how)| list.iter().map(move |id| (id, how)))
            .filter(|(id, _)| in_person.contains(id))
            .map(|(id, how)| (id, how, self.stand_in_people.get(id).copied().unwrap_or(1)))
            .collect()
    }

    /// Whether anything is said of who attended.
    pub fn is_given(&self) -> bool {
        !(self.in_person.is_empty()
            && self.remote.is_empty()
            && self.substitutes.is_empty()
            && self.deputies.is_empty())
    }
}

/// Whether the ToR provides for attending in capacity `how`: a member always,
/// a stand-in only where the ToR names that kind.
pub fn allowed(tor: &Tor, how: Capacity) -> bool {
    how == Capacity::Member || tor.stand_ins(how).is_some()
}

/// Whether `member` is represented at a meeting on `date` where it attended in
/// capacity `how` (`None`: it did not): in person, or by a stand-in the ToR
/// provides for, while its membership holds.
pub fn represented(tor: &Tor, date: NaiveDate, member: &Member, how: Option<Capacity>) -> bool {
    member.holds_on(date) && how.is_some_and(|h| allowed(tor, h))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Catalog;

    fn id(s: &str) -> MemberId {
        MemberId::parse(s).expect("an id")
    }

    #[test]
    fn the_first_list_naming_an_organisation_gives_its_capacity() {
        let a = Attendance {
            in_person: vec![id("a")],
            substitutes: vec![id("b"), id("a")],
            deputies: vec![id("c")],
            ..Attendance::default()
        };
        assert_eq!(a.capacity(&id("a")), Some(Capacity::Member));
        assert_eq!(a.capacity(&id("b")), Some(Capacity::Substitute));
        assert_eq!(a.capacity(&id("c")), Some(Capacity::Deputy));
        assert_eq!(a.capacity(&id("d")), None);
        assert_eq!(a.capacities().get(&id("a")), Some(&Capacity::Member));
        assert!(a.is_given() && !Attendance::default().is_given());
    }

    #[test]
    fn a_member_in_person_and_by_substitutes_keeps_one_capacity_and_its_stand_ins() {
        let a = Attendance {
            in_person: vec![id("north"), id("south")],
            people: HashMap::from([(id("north"), 8)]),
            substitutes: vec![id("north"), id("east")],
            stand_in_people: HashMap::from([(id("north"), 2)]),
            ..Attendance::default()
        };
        // The person presiding and the votes see one capacity: in person.
        assert_eq!(a.capacity(&id("north")), Some(Capacity::Member));
        assert_eq!(a.people_of(&id("north")), 8);
        // The counting sees the substitutes beside them; east is only by one.
        assert_eq!(a.shared(), [(&id("north"), Capacity::Substitute, 2)]);
    }

    #[test]
    fn a_stand_in_the_tor_does_not_provide_for_does_not_represent() {
        // Sefton provides for neither substitutes nor deputies.
        let tor = Catalog::Bundled.load("sefton-scp").expect("bundled");
        let member = &tor.members[0];
        let day = NaiveDate::from_ymd_opt(2013, 3, 1).expect("a day");
        assert!(represented(&tor, day, member, Some(Capacity::Member)));
        assert!(!represented(&tor, day, member, Some(Capacity::Substitute)));
        assert!(!represented(&tor, day, member, None));
    }
}

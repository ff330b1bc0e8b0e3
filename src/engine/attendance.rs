//! Who was at a meeting and in which capacity: one value for a proposed
//! meeting, a held meeting and a vote, and the one judgement of whether a
//! member is represented there.
//!
//! (The ToR's own attendance rules, such as remote attendance, are
//! [`crate::model::Attendance`]; this is what happened at one meeting.)

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate};
use chrono_tz::Tz;

use crate::model::{Capacity, Member, MemberId, Tor};

/// When each member gave notice of its stand-in, where the input says.
pub type NoticeTimes = HashMap<MemberId, DateTime<Tz>>;

/// Who attended, each organisation in one capacity. Lists keep the order they
/// were given in; an organisation is in at most one of `in_person`,
/// `substitutes` and `deputies` (the loaders refuse it in two).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Attendance {
    /// Members there by their own representatives, in the room.
    pub in_person: Vec<MemberId>,
    /// People present of an attendee that holds seats (`ORG:N`); an attendee
    /// not listed brings one.
    pub people: HashMap<MemberId, u32>,
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

//! Whether a public meeting is the one the ToR asks for each year: the one
//! judgement `check-meeting` (the meeting and its year's record) and `audit`
//! share, so a meeting never counts in one and not the other.

use chrono::NaiveDate;

use super::attendance::represented;
use super::record::HeldMeeting;
use super::same_item;
use crate::engine::words::and_list;
use crate::model::{ClassId, Member, MemberId, PublicMeetings, Tor};

/// What keeps a public meeting from being the yearly public meeting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Shortfall {
    /// Members of the class that must be present were not represented
    /// (Sefton, Responsibilities 4).
    Absent {
        class: ClassId,
        absent: Vec<MemberId>,
    },
    /// Not held jointly with the body the ToR names (Richmond, 5
    /// (Accountability)).
    NotJoint { with: String },
}

impl Shortfall {
    /// "a and b absent", "not held jointly with the Community Police Partnership".
    pub(crate) fn describe(&self) -> String {
        match self {
            Self::Absent { absent, .. } => {
                let ids: Vec<&str> = absent.iter().map(MemberId::as_str).collect();
                format!("{} absent", and_list(&ids))
            }
            Self::NotJoint { with } => format!("not held jointly with the {with}"),
        }
    }
}

/// Why a public meeting on `date`, held jointly with `joint_with`, is not the
/// ToR's public meeting; empty when it is. `represented` says whether a member
/// attended in person or by a stand-in the ToR allows.
pub(crate) fn shortfalls(
    tor: &Tor,
    pm: &PublicMeetings,
    date: NaiveDate,
    joint_with: &[String],
    represented: impl Fn(&Member) -> bool,
) -> Vec<Shortfall> {
    let mut out = Vec::new();
    if let Some(class) = &pm.required_class {
        let absent: Vec<MemberId> = tor
            .members_on(date)
            .filter(|m| &m.class == class && !represented(m))
            .map(|m| m.id.clone())
            .collect();
        if !absent.is_empty() {
            out.push(Shortfall::Absent {
                class: class.clone(),
                absent,
            });
        }
    }
    if let Some(with) = &pm.joint_with
        && !is_joint(tor, with, joint_with)
    {
        out.push(Shortfall::NotJoint { with: with.clone() });
    }
    out
}

/// The shortfalls of a meeting in the record.
pub(crate) fn held_shortfalls(tor: &Tor, pm: &PublicMeetings, m: &HeldMeeting) -> Vec<Shortfall> {
    shortfalls(tor, pm, m.date, &m.joint_with, |member| {
        represented(tor, m.date, member, m.attendance.capacity(&member.id))
    })
}

/// Whether the bodies a meeting was held jointly with include `with`, the body
/// the ToR names: by that name (ignoring case and runs of spaces) or, where the
/// body is itself a member, by its member id.
pub(crate) fn is_joint(tor: &Tor, with: &str, given: &[String]) -> bool {
    given.iter().any(|g| {
        same_item(g, with)
            || tor
                .member(g.trim())
                .is_some_and(|m| same_item(&m.name, with))
    })
}

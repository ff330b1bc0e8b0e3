//! The checked ToR model: what a partnership's terms of reference say, with every
//! reference resolved. Built only by [`crate::load`], so holding a [`Tor`] means the
//! file was well formed and coherent.

mod amend;
mod attendance;
mod capacity;
mod chair;
mod decision;
mod events;
mod fallback;
mod holders;
mod ids;
mod keyword;
mod proxy;
mod quorum;
mod rules;
mod stand_in;
mod statutory;

use chrono::NaiveDate;
use chrono_tz::Tz;
use serde::Serialize;

use crate::calendar::{Calendar, Region};
pub use amend::{Amendment, Change, ChangeKind, Holds, Phase, RuleFamily, RuleState};
pub use attendance::*;
pub use capacity::Capacity;
pub use chair::*;
pub use decision::*;
pub use events::*;
pub use fallback::*;
pub use holders::{ChairHolder, HeldLimit, RotationBreak};
pub use ids::{BodyTypeId, ClassId, InvalidId, MarkId, MemberId, PartnershipId};
pub(crate) use keyword::keywords;
pub use keyword::{Keyword, UnknownKeyword};
pub use proxy::{Proxies, ProxyForm, ProxyRule};
pub use quorum::*;
pub use rules::*;
pub use stand_in::*;
pub use statutory::StatutoryBody;

/// The clause of the source document that states a rule, e.g. `"4.3"`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Clause(pub String);

impl std::fmt::Display for Clause {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Tor {
    pub id: PartnershipId,
    pub name: String,
    pub source: Option<String>,
    /// Where the body usually meets, for `tor schedule --ics`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    pub adopted: Option<NaiveDate>,
    pub region: Region,
    #[serde(serialize_with = "ser_tz")]
    pub timezone: Tz,
    pub closures: Vec<NaiveDate>,
    pub extra_holidays: Vec<ExtraHoliday>,
    pub classes: Vec<Class>,
    pub members: Vec<Member>,
    pub chair: Option<Chair>,
    pub quorum: Option<Quorum>,
    /// What quorum and votes count: organisations, or people in seats.
    #[serde(skip_serializing_if = "Counting::is_default")]
    pub counts: Counting,
    pub notice: Notices,
    pub frequency: Option<Frequency>,
    pub public: PublicRules,
    pub decisions: Option<Decisions>,
    /// Remote attendance and stand-ins outside `[decisions]`.
    #[serde(skip_serializing_if = "Attendance::is_empty")]
    pub attendance: Attendance,
    pub standing_items: Option<StandingItems>,
    pub review: Option<Review>,
    pub history: Vec<HistoryEvent>,
    /// The statutory body types the members name, each once, as the ToR's
    /// `statutory_bodies` or the bundled table define them.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub statutory_bodies: Vec<StatutoryBody>,
    /// Dated amendments, oldest first ([`Tor::as_of`] gives the version of a day).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub amendments: Vec<Amendment>,
    /// Deadlines relative to events: the annual meeting, the May meeting, the
    /// ordinary elections or another marked meeting.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub event_deadlines: Vec<EventDeadline>,
    /// The ToR's own `[[ordinary_elections]]` years.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub ordinary_elections: Vec<ElectionYear>,
    /// The ordinary election day of any year: the bundled exceptions with the
    /// ToR's own over them, and the statutory rule for the rest.
    #[serde(skip)]
    pub elections: Elections,
    /// The rules as adopted, before any amendment; kept only where there are
    /// amendments, so that any version can be rebuilt from any other.
    #[serde(skip)]
    pub adopted_rules: Option<Box<RuleState>>,
    /// Each member id's position in `members`, so a look-up does not scan a
    /// large membership (built by [`Tor::index_members`]).
    #[serde(skip)]
    pub(crate) member_index: std::collections::HashMap<MemberId, usize>,
}

// serde's `serialize_with` hands the field by reference.
#[allow(clippy::trivially_copy_pass_by_ref)]
fn ser_tz<S: serde::Serializer>(tz: &Tz, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(tz.name())
}

#[derive(Debug, Clone, Serialize)]
pub struct ExtraHoliday {
    pub date: NaiveDate,
    pub name: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Class {
    pub id: ClassId,
    pub name: String,
    pub voting: bool,
    pub clause: Option<Clause>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Member {
    pub id: MemberId,
    pub name: String,
    pub class: ClassId,
    pub voting: bool,
    /// Seats (people) the member holds, where the ToR counts people.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub seats: Option<u32>,
    pub from: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
    /// The kind of statutory body, e.g. `police-authority`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub body: Option<BodyTypeId>,
    pub clause: Option<Clause>,
    pub note: Option<String>,
}

impl Member {
    /// Whether the membership holds on `date` (both ends inclusive).
    pub fn holds_on(&self, date: NaiveDate) -> bool {
        self.from.is_none_or(|from| from <= date) && self.until.is_none_or(|until| date <= until)
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct HistoryEvent {
    pub date: NaiveDate,
    pub event: HistoryKind,
    pub name: String,
    pub source: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum HistoryKind {
    /// The same body under a new name.
    Renamed,
    /// The body ended and another took over its role.
    Succeeded,
    /// The body ended with no successor; `name` says by what decision.
    Abolished,
}

keyword::keywords!(HistoryKind {
    Renamed = "renamed",
    Succeeded = "succeeded",
    Abolished = "abolished"
});

impl HistoryKind {
    /// Whether the body's ToR is no longer in force from this event on.
    pub fn ends_the_body(self) -> bool {
        matches!(self, Self::Succeeded | Self::Abolished)
    }
}

impl Tor {
    pub fn member(&self, id: &str) -> Option<&Member> {
        self.member_index
            .get(id)
            .and_then(|&i| self.members.get(i))
            .filter(|m| m.id.as_str() == id)
    }

    /// Builds the look-up [`Tor::member`] uses; the loader calls it once the
    /// members are final.
    pub(crate) fn index_members(mut self) -> Self {
        self.member_index = self
            .members
            .iter()
            .enumerate()
            .map(|(i, m)| (m.id.clone(), i))
            .collect();
        self
    }

    /// The statutory body type `member` names, if any.
    pub fn body_of(&self, member: &Member) -> Option<&StatutoryBody> {
        let id = member.body.as_ref()?;
        self.statutory_bodies.iter().find(|b| &b.id == id)
    }

    pub fn class(&self, id: &ClassId) -> Option<&Class> {
        self.classes.iter().find(|c| &c.id == id)
    }

    /// Members whose membership holds on `date`.
    pub fn members_on(&self, date: NaiveDate) -> impl Iterator<Item = &Member> {
        self.members.iter().filter(move |m| m.holds_on(date))
    }

    /// The body's name on `date`, following renames in its history.
    pub fn name_on(&self, date: NaiveDate) -> &str {
        self.history
            .iter()
            .filter(|h| h.event == HistoryKind::Renamed && h.date <= date)
            .max_by_key(|h| h.date)
            .map_or(&self.name, |h| &h.name)
    }

    /// The working-day calendar of this partnership: its region's bank holidays,
    /// the extra days its file adds and its closure dates.
    pub fn calendar(&self) -> Calendar {
        Calendar::new(self.region)
            .with_extra_holidays(self.extra_holidays.iter().map(|h| (h.date, h.name.clone())))
            .with_closures(self.closures.iter().copied())
    }
}

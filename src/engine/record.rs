//! The record of held meetings: `<dir>/<id>.meetings.toml`, beside the ToR file.
//!
//! Rules that need history (frequency, the yearly public meeting, staggered
//! standing items) read it. The format, every key optional unless stated:
//!
//! ```toml
//! [[meeting]]
//! date = 2012-03-01            # the day (or `at = 2012-03-01T14:00` for the start); one is required
//! kind = "ordinary"            # ordinary | extraordinary
//! public = false               # held in public
//! joint_with = ["Community Police Partnership"]   # bodies it was held jointly with (name or member id)
//! circulated = 2012-02-22      # when the agenda and papers went out (date or date-time)
//! minutes = 2012-03-09         # when the minutes went out
//! present = ["local-authority", "police-force"]   # members present in person (ORG or ORG:N)
//! substitutes = []             # members represented by their substitute
//! deputies = []                # members represented by their deputy
//! chair = "present"            # present | deputy | absent
//! items = ["Prevent", "ASB"]   # the agenda items, or [[meeting.items]] tables as in a meeting file
//! arrivals = []                # { member, at }: members arriving late (needs `at`)
//! departures = []              # { member, at }: members leaving early
//! marks = ["annual-meeting"]   # what the meeting was, for event deadlines
//! note = "free text"
//!
//! [[cancelled]]
//! date = 2012-05-03            # the day the cancelled meeting was to be held (required)
//! consulted = true             # members were consulted before the chair cancelled
//! note = "free text"
//! ```
//!
//! A meeting is one per day: the record entry on the day of a meeting being
//! checked is taken to be that meeting.

use chrono::{DateTime, NaiveDate};
use chrono_tz::Tz;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::items::{AgendaItem, Movement};
use crate::calendar::DateOrTime;
use crate::engine::attendance::Attendance;
use crate::model::MarkId;

/// Who chaired: the chair, a deputy, a member chosen by the meeting, or no one
/// entitled to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ChairPresence {
    Present,
    Deputy,
    /// A member chosen by the meeting (or the chair's nominee) presided.
    Chosen,
    Absent,
}

/// The kind of file [`crate::catalog::Catalog::companion`] looks for.
pub const COMPANION: &str = "meetings";

/// Meetings held and meetings cancelled, each sorted by date.
#[derive(Debug, Clone, Default)]
pub struct Record {
    pub meetings: Vec<HeldMeeting>,
    pub cancelled: Vec<CancelledMeeting>,
}

impl Record {
    /// Meetings held before `date` (the day itself excluded), oldest first.
    pub fn before(&self, date: NaiveDate) -> impl Iterator<Item = &HeldMeeting> {
        self.meetings.iter().filter(move |m| m.date < date)
    }

    /// The last meeting held before `date`.
    pub fn previous(&self, date: NaiveDate) -> Option<&HeldMeeting> {
        self.before(date).last()
    }
}

#[derive(Debug, Clone)]
pub struct HeldMeeting {
    /// The day, in the partnership's time zone.
    pub date: NaiveDate,
    /// The start, where the record gives it.
    pub at: Option<DateTime<Tz>>,
    /// The start, or noon on the day where the record gives the day only: only
    /// an hours rule needs the time, and then a bare day is not judged.
    pub start: DateTime<Tz>,
    pub kind: MeetingKind,
    pub public: bool,
    /// Stated to be held in private (`public = false`), not merely not said to
    /// be public.
    pub private: bool,
    /// The bodies it was held jointly with, by name or member id.
    pub joint_with: Vec<String>,
    /// When the agenda and papers went out.
    pub circulated: Option<DateOrTime>,
    /// When the minutes went out.
    pub minutes: Option<NaiveDate>,
    /// Who attended (`present` in the file is those in person).
    pub attendance: Attendance,
    pub chair: Option<ChairPresence>,
    /// The agenda items' titles, for the standing-items rule.
    pub items: Vec<String>,
    /// The items with their times and conflicts, where the record gives them:
    /// the quorum is then judged item by item.
    pub agenda: Vec<AgendaItem>,
    /// Members arriving late or leaving early, in time order.
    pub movements: Vec<Movement>,
    /// Marks naming what the meeting was (`annual-meeting`, …), for event deadlines.
    pub marks: Vec<MarkId>,
    /// Continued though inquorate, or reconvened after an adjournment.
    pub held: super::Held,
    pub note: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum MeetingKind {
    #[default]
    Ordinary,
    // An urgent meeting called at short notice. (A plain comment: a doc comment
    // would turn the schema's enum into a oneOf.)
    Extraordinary,
}

/// A meeting the chair cancelled.
#[derive(Debug, Clone)]
pub struct CancelledMeeting {
    /// The day it was to be held.
    pub date: NaiveDate,
    /// Members were consulted before it was cancelled. Absent in the file means
    /// no: a record that does not say cannot show a consultation happened.
    pub consulted: bool,
    pub note: Option<String>,
}

/// When a membership holds, for messages.
pub(crate) fn tenure(member: &crate::model::Member) -> String {
    match (member.from, member.until) {
        (Some(from), Some(until)) => format!("its membership runs from {from} to {until}"),
        (Some(from), None) => format!("its membership begins on {from}"),
        (None, Some(until)) => format!("its membership ended on {until}"),
        (None, None) => "it is a member throughout".to_owned(),
    }
}

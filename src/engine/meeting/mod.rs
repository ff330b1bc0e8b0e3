//! `tor check-meeting`: a proposed meeting checked against every rule of the ToR,
//! and against the record of held meetings where a rule needs history.
//!
//! Each rule gives one [`Finding`] named as SPEC §6 fixes; a rule the ToR does not
//! state, or the input does not say enough to judge, is `skip` — never `pass`.

pub mod chair;
pub(crate) mod items;
mod rules;

use chrono::{DateTime, NaiveDate};
use chrono_tz::Tz;
use serde::{Serialize, Serializer};

use super::attendance::Attendance;
use super::deadlines::{Deadlines, deadlines, format_instant};
pub use super::record::ChairPresence;
use super::record::{HeldMeeting, MeetingKind, Record};
use super::{Finding, FindingStatus, Held, ItemRef, Rule, Unchecked};
use crate::calendar::{Calendar, DateOrTime};
use crate::model::{MarkId, MemberId, Tor};

pub use chair::{presiding, presiding_as, presiding_for_item};
pub use items::{AgendaItem, Movement, MovementKind, at_item};

/// The facts of a proposed meeting, checked: ids are members of the ToR, and
/// `at` is an instant in the partnership's zone.
#[derive(Debug, Clone)]
pub struct MeetingInput {
    pub at: DateTime<Tz>,
    /// When the agenda and papers went out (for an extraordinary meeting, when
    /// notice was given).
    pub circulated: Option<DateOrTime>,
    /// Who attended and in which capacity.
    pub attendance: Attendance,
    pub chair: Option<ChairPresence>,
    /// The member who presides, where known (a quorum may need them among
    /// those counted); `None`: not known, and that condition is not judged.
    pub presiding: Option<MemberId>,
    /// The member whose representative presided, where given.
    pub chair_member: Option<MemberId>,
    /// When the presiding chair's unbroken run in the chair began.
    pub chair_since: Option<NaiveDate>,
    pub extraordinary: bool,
    /// Held in public (`Some(true)`), in private (`Some(false)`), or not said.
    pub public: Option<bool>,
    /// The bodies the meeting was held jointly with, by name or member id.
    pub joint_with: Vec<String>,
    /// Agenda items.
    pub items: Vec<String>,
    /// The items with their times and conflicts, where the input gives them:
    /// the quorum is then judged item by item.
    pub agenda: Vec<AgendaItem>,
    /// Members arriving late or leaving early, in time order.
    pub movements: Vec<Movement>,
    /// The previous meeting's date, where given in place of a record.
    pub previous: Option<NaiveDate>,
    /// What the meeting is, for event deadlines (`annual-meeting`, …).
    pub marks: Vec<MarkId>,
    /// Continued though inquorate, or reconvened after an adjournment.
    pub held: Held,
}

/// A held meeting as `check_meeting` judges it: who attended in each capacity,
/// the agenda (item by item where the record times it), and when the papers
/// went out. The record's notified stand-ins and
/// previous meeting are not carried: history comes from the record itself.
impl From<&HeldMeeting> for MeetingInput {
    fn from(m: &HeldMeeting) -> Self {
        let mut input = Self::new(m.start);
        input.circulated = m.circulated;
        input.attendance = m.attendance.clone();
        input.chair = m.chair;
        input.extraordinary = m.kind == MeetingKind::Extraordinary;
        input.public = if m.private {
            Some(false)
        } else {
            m.public.then_some(true)
        };
        input.joint_with.clone_from(&m.joint_with);
        input.items.clone_from(&m.items);
        input.agenda.clone_from(&m.agenda);
        input.movements.clone_from(&m.movements);
        input.marks.clone_from(&m.marks);
        input.held = m.held;
        input
    }
}

impl MeetingInput {
    /// A meeting at `at` about which nothing else is known.
    pub fn new(at: DateTime<Tz>) -> Self {
        Self {
            at,
            circulated: None,
            attendance: Attendance::default(),
            chair: None,
            presiding: None,
            chair_member: None,
            chair_since: None,
            extraordinary: false,
            public: None,
            joint_with: Vec::new(),
            items: Vec::new(),
            agenda: Vec::new(),
            movements: Vec::new(),
            previous: None,
            marks: Vec::new(),
            held: Held::default(),
        }
    }

    /// The meeting's day in `tz` (the partnership's zone).
    pub fn date(&self, tz: Tz) -> NaiveDate {
        self.at.with_timezone(&tz).date_naive()
    }
}

/// What is known of earlier meetings.
#[derive(Debug, Clone, Copy)]
pub enum History<'a> {
    /// Nothing: rules that need history are skipped.
    Nothing,
    /// Only the previous meeting's date.
    Previous(NaiveDate),
    /// The partnership's record of held and cancelled meetings.
    Record(&'a Record),
}

impl<'a> History<'a> {
    /// The history to check `meeting` against: its `previous` date stands in for
    /// a record, and giving both is a contradiction.
    pub fn choose(
        record: Option<&'a Record>,
        meeting: &MeetingInput,
    ) -> Result<Self, super::InputError> {
        match (record, meeting.previous) {
            (Some(_), Some(_)) => Err(super::InputError::Invalid(
                "both a record of meetings and a previous meeting date were given; give one"
                    .to_owned(),
            )),
            (Some(r), None) => Ok(Self::Record(r)),
            (None, Some(p)) => Ok(Self::Previous(p)),
            (None, None) => Ok(Self::Nothing),
        }
    }
}

/// The verdict on a meeting: every rule's finding and the deadlines it sets.
#[derive(Debug, Clone, Serialize)]
pub struct MeetingReport {
    pub partnership: String,
    #[serde(serialize_with = "ser_instant")]
    pub at: DateTime<Tz>,
    /// No finding fails.
    pub valid: bool,
    pub findings: Vec<Finding>,
    pub deadlines: Deadlines,
    /// Rules the ToR states that the input could not judge (SPEC §5a).
    pub unchecked: Unchecked,
    /// The first agenda item at which the meeting is not quorate, where the
    /// items are given; in JSON its title.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub inquorate_from: Option<ItemRef>,
}

impl MeetingReport {
    /// The names of the rules that fail, in report order.
    pub fn failing(&self) -> Vec<Rule> {
        Finding::failing(&self.findings)
    }
}

fn ser_instant<S: Serializer>(t: &DateTime<Tz>, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&format_instant(*t))
}

/// Checks `meeting` against every rule of `tor`, using `history` where a rule
/// needs earlier meetings. Never fails: a rule broken is a finding.
pub fn check_meeting(
    tor: &Tor,
    cal: &Calendar,
    meeting: &MeetingInput,
    history: History,
) -> MeetingReport {
    let at = meeting.at.with_timezone(&tor.timezone);
    // Judged by the ToR in force on the meeting's day (SPEC §5).
    let version = tor.as_of(at.date_naive());
    let tor = &*version;
    // Who presides, where the input leaves it to the ToR (the chair's member,
    // the vice-chair's): a quorum that must include them can then be judged.
    let filled;
    let meeting = if meeting.presiding.is_some() {
        meeting
    } else {
        filled = MeetingInput {
            presiding: chair::presiding(tor, at.date_naive(), meeting)
                .and_then(|p| p.member().cloned()),
            ..meeting.clone()
        };
        &filled
    };
    let ctx = rules::Ctx::new(tor, cal, meeting, history);
    // The body's life comes first: every other rule is the ToR's, and means
    // nothing on a day it was not in force.
    let mut findings = vec![super::life::in_force(tor, at.date_naive())];
    findings.extend(ctx.findings());
    let record = match history {
        History::Record(r) => Some(r),
        _ => None,
    };
    findings.extend(super::events::judge(
        tor,
        cal,
        meeting.date(tor.timezone),
        &meeting.marks,
        record,
    ));
    let by_item = item_findings(&ctx, tor, meeting, &findings);
    // A meeting let continue is still inquorate (its quorum a `warn`).
    let inquorate_from = by_item
        .iter()
        .find(|f| {
            f.rule == Rule::Quorum && matches!(f.status, FindingStatus::Fail | FindingStatus::Warn)
        })
        .and_then(|f| f.item.clone());
    if let Some(at) = findings.iter().position(|f| f.rule == Rule::Quorum) {
        // An empty range: the item findings go in just after the quorum's.
        findings.splice((at + 1)..=at, by_item);
    }
    MeetingReport {
        inquorate_from,
        partnership: tor.id.to_string(),
        at,
        valid: !findings.iter().any(Finding::failed),
        unchecked: Unchecked::of(&findings),
        findings,
        deadlines: deadlines(tor, at, cal),
    }
}

/// The notice rule that judges this meeting: the extraordinary rule for an
/// extraordinary meeting where the ToR has one, else the agenda rule.
pub(crate) fn governing_notice(tor: &Tor, extraordinary: bool) -> Option<&crate::model::Notice> {
    match (extraordinary, &tor.notice.extraordinary) {
        (true, Some(rule)) => Some(rule),
        _ => tor.notice.agenda.as_ref(),
    }
}

/// The quorum at each agenda item, with who had come and gone and who left for
/// a conflict; and the chair where who presides changed. Only where the
/// meeting's own quorum was judged: otherwise each item would repeat its skip.
fn item_findings(
    whole_ctx: &rules::Ctx,
    tor: &Tor,
    meeting: &MeetingInput,
    whole: &[Finding],
) -> Vec<Finding> {
    let judged = whole
        .iter()
        .any(|f| f.rule == Rule::Quorum && f.status != FindingStatus::Skip);
    if !judged {
        return Vec::new();
    }
    let date = meeting.date(tor.timezone);
    let start = chair::presiding(tor, date, meeting);
    let mut out = Vec::new();
    for (i, item) in meeting.agenda.iter().enumerate() {
        let (mut at, left) = at_item(meeting, item);
        let here = |id: &MemberId| at.attendance.attends(id);
        let now = start
            .as_ref()
            .map(|s| presiding_for_item(tor, date, s, &here));
        let moved = now.is_some() && now != start;
        if let Some(p) = now.as_ref().filter(|_| moved) {
            at.chair_member = p.member().cloned();
            at.presiding = p.member().cloned();
            at.chair = Some(match p {
                crate::model::Presiding::Chair(_) => ChairPresence::Present,
                crate::model::Presiding::ViceChair(_) => ChairPresence::Deputy,
                crate::model::Presiding::Chosen(_) => ChairPresence::Chosen,
                crate::model::Presiding::None => ChairPresence::Absent,
            });
        }
        let item_ref = ItemRef {
            number: i + 1,
            title: item.title.clone(),
        };
        let ctx = whole_ctx.at_item(&at);
        let mut quorum = match &tor.quorum {
            // With no one left, "who attended" is known: no one.
            Some(q) if !at.attendance.is_given() => Finding::fail(
                Rule::Quorum,
                &q.clause,
                "not quorate: no member is present for this item",
            ),
            _ => ctx.quorum(),
        };
        if !left.is_empty() {
            let names: Vec<&str> = left.iter().map(MemberId::as_str).collect();
            quorum.message = std::mem::take(&mut quorum.message).then(format!(
                "; left for a conflict on this item: {}",
                names.join(", ")
            ));
        }
        out.push(quorum.for_item(item_ref.clone()));
        if moved {
            out.push(chair::judge(tor, date, &at).for_item(item_ref));
        }
    }
    out
}

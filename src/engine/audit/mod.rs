//! `tor audit`: whether a year's meetings, as the record shows them, kept the
//! ToR, clause by clause — the yearly report a scrutiny committee asks for.
//!
//! Rules about the year (frequency, public meetings, standing items, the chair's
//! election, the review) are judged on the record as a whole; rules about each
//! meeting (notice, quorum, chair, membership, public access, minutes) are judged
//! meeting by meeting with [`check_meeting`] and summed up per clause.
//!
//! The record says the chair was elected by an agenda item naming it, e.g.
//! "Election of chair" (any item mentioning both "elect" and "chair"); a ToR
//! review by an item mentioning "review" and "terms of reference". A record
//! that lists no agendas cannot say, and those findings are skipped.
//! Periods that end after `as_of` are not judged yet.

use chrono::NaiveDate;

use serde::Serialize;

use super::cancellation::{excused, unexcused_note};
use super::deadlines::When;
use super::period::Span;
use super::record::{CancelledMeeting, HeldMeeting, MeetingKind, Record};
use super::{Finding, FindingStatus, ItemRef, Message, Rule, Unchecked};
use crate::calendar::{Calendar, DateOrTime};
use crate::model::Amendment;
use crate::model::{Frequency, Tor};
use crate::msg;

pub use crate::engine::phase::FrequencyPhase;

mod chair;
mod frequency;
mod meetings;
mod phases;
mod ratify;
mod year;

/// The rules judged meeting by meeting, in report order.
const PER_MEETING: [Rule; 7] = [
    Rule::Notice,
    Rule::ExtraordinaryNotice,
    Rule::Quorum,
    Rule::Chair,
    Rule::Membership,
    Rule::PublicAccess,
    Rule::Minutes,
];

/// The year's verdict.
#[derive(Debug, Clone, Serialize)]
pub struct AuditReport {
    pub partnership: String,
    pub name: String,
    pub source: Option<String>,
    pub year: i32,
    /// `2012`, or `2012/13` for a year that does not start on 1 January.
    pub label: String,
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// The day the audit was made; periods ending after it are not judged.
    pub as_of: NaiveDate,
    /// The year has ended by `as_of`.
    pub complete: bool,
    /// No finding fails.
    pub valid: bool,
    /// One finding per rule, clause by clause.
    pub findings: Vec<Finding>,
    /// The frequency rule period by period (or gap by gap).
    pub periods: Vec<PeriodAudit>,
    pub meetings: Vec<MeetingAudit>,
    pub cancelled: Vec<CancelledAudit>,
    /// Bank holidays and closure days in the year, for the calendar picture.
    pub holidays: Vec<DayOff>,
    /// Rules the ToR states that the record could not judge, for the year or
    /// for any one meeting (SPEC §5a).
    pub unchecked: Unchecked,
    /// The amendments that took effect in the year: each meeting is judged by
    /// the version of its day; the year's own rules by the version of its end.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub amendments: Vec<Amendment>,
    /// Where an amendment changed the frequency rule within the year: the
    /// versions in order, each judging the periods that end in it.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub frequency_phases: Vec<FrequencyPhase>,
}

impl AuditReport {
    /// The names of the rules that fail, in report order.
    pub fn failing(&self) -> Vec<Rule> {
        Finding::failing(&self.findings)
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct PeriodAudit {
    pub label: String,
    /// What kind of period this is, for renderers that label it their own way.
    #[serde(skip)]
    pub shape: PeriodShape,
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// Meetings held in it.
    pub held: usize,
    /// Cancellations the ToR accepts in place of a meeting.
    pub excused: usize,
    pub status: FindingStatus,
    pub message: Message,
    /// The index in `frequency_phases` of the version that judged it, where
    /// the year has more than one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phase: Option<usize>,
}

/// A calendar period of the frequency rule (a quarter, a year), or the gap
/// between two meetings that an "every N months" rule judged too long.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PeriodShape {
    Calendar,
    Gap,
}

#[derive(Debug, Clone, Serialize)]
pub struct MeetingAudit {
    pub date: NaiveDate,
    /// The start, where the record gives it.
    pub at: Option<String>,
    /// `at` as read, for renderers that show times their own way.
    #[serde(skip)]
    pub start: Option<chrono::DateTime<chrono_tz::Tz>>,
    pub kind: MeetingKind,
    pub public: bool,
    pub circulated: Option<String>,
    /// `circulated` as read, for renderers that show dates their own way.
    #[serde(skip)]
    pub circulated_at: Option<DateOrTime>,
    pub circulate_by: Option<When>,
    pub minutes: Option<NaiveDate>,
    pub minutes_by: Option<NaiveDate>,
    pub note: Option<String>,
    pub valid: bool,
    /// The meeting's findings; where the record times its items, the quorum
    /// (and a chair that changed) item by item too, each naming its item.
    pub findings: Vec<Finding>,
    /// The first agenda item at which the meeting was not quorate, where the
    /// record times its items; in JSON its title.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub inquorate_from: Option<ItemRef>,
}

impl MeetingAudit {
    /// The findings that fail or warn; of those about an item, only the first
    /// of each rule: a meeting inquorate from item 6 says so once, not again
    /// for every item after it.
    pub fn problems(&self) -> Vec<&Finding> {
        let mut items_of: Vec<Rule> = Vec::new();
        self.findings
            .iter()
            .filter(|f| matches!(f.status, FindingStatus::Fail | FindingStatus::Warn))
            .filter(|f| {
                f.item.is_none() || {
                    let first = !items_of.contains(&f.rule);
                    items_of.push(f.rule);
                    first
                }
            })
            .collect()
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct CancelledAudit {
    pub date: NaiveDate,
    pub consulted: bool,
    pub note: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct DayOff {
    pub date: NaiveDate,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AuditError {
    #[error("{year} is not a year tor can audit (1970 to 2100)")]
    YearOutOfRange { year: i32 },
    #[error(transparent)]
    OutsideCalendar(#[from] crate::engine::deadlines::OutsideCalendar),
}

/// Audits the partnership year starting in calendar year `year`.
pub fn audit(
    tor: &Tor,
    cal: &Calendar,
    record: &Record,
    year: i32,
    as_of: NaiveDate,
) -> Result<AuditReport, AuditError> {
    if !(crate::calendar::FIRST_YEAR..=crate::calendar::LAST_YEAR).contains(&year) {
        return Err(AuditError::YearOutOfRange { year });
    }
    let ys = tor.frequency.as_ref().and_then(|f| f.year_starts);
    let span = Span::year(ys, year);
    let amendments: Vec<Amendment> = tor
        .amendments
        .iter()
        .filter(|a| span.contains(a.from))
        .cloned()
        .collect();
    // The year's own rules (frequency, public meeting, review…) by the version
    // in force at its end, or on the day of the audit if that comes first.
    let version = tor.as_of(span.last().min(as_of).max(span.start));
    let tor = &*version;
    let a = Auditor {
        tor,
        cal,
        record,
        span,
        as_of,
        phase: (span.start, span.end),
    };
    let held: Vec<&HeldMeeting> = a.held().collect();
    let mut meetings: Vec<MeetingAudit> = held.iter().map(|m| a.meeting(m)).collect();
    ratify::mark(&held, &mut meetings);
    for m in &meetings {
        if let Some(w) = m.circulate_by {
            crate::engine::deadlines::in_calendar("papers", w.day())?;
        }
        if let Some(d) = m.minutes_by {
            crate::engine::deadlines::in_calendar("minutes", d)?;
        }
    }
    let (frequency, periods, frequency_phases) = a.frequency_by_phase();
    let mut findings = vec![frequency, a.public_meeting(), a.standing_items()];
    findings.extend(PER_MEETING.iter().map(|&rule| a.sum_up(rule, &meetings)));
    findings.push(a.chair_election());
    findings.extend(a.chair_term());
    findings.push(a.review());
    let mut holidays: Vec<DayOff> = cal
        .holidays_between(span.start, span.last())
        .into_iter()
        .map(|h| DayOff {
            date: h.date,
            name: h.name,
        })
        .collect();
    holidays.extend(
        tor.closures
            .iter()
            .filter(|d| span.contains(**d) && cal.holiday_name(**d).is_none())
            .map(|d| DayOff {
                date: *d,
                name: "closure day".to_owned(),
            }),
    );
    holidays.sort_by_key(|h| h.date);
    let unchecked = Unchecked::of(
        findings
            .iter()
            .chain(meetings.iter().flat_map(|m| &m.findings)),
    );
    Ok(AuditReport {
        partnership: tor.id.to_string(),
        name: tor.name_on(span.start).to_owned(),
        source: tor.source.clone(),
        year,
        label: span.label(),
        from: span.start,
        to: span.last(),
        as_of,
        complete: span.last() < as_of,
        valid: !findings.iter().any(Finding::failed),
        findings,
        periods,
        meetings,
        cancelled: record
            .cancelled
            .iter()
            .filter(|c| span.contains(c.date))
            .map(|c| CancelledAudit {
                date: c.date,
                consulted: c.consulted,
                note: c.note.clone(),
            })
            .collect(),
        holidays,
        unchecked,
        amendments,
        frequency_phases,
    })
}

struct Auditor<'a> {
    tor: &'a Tor,
    cal: &'a Calendar,
    record: &'a Record,
    span: Span,
    as_of: NaiveDate,
    /// The days (`from..end`) whose frequency this auditor judges: the year,
    /// or the part of it one version of the rule held.
    phase: (NaiveDate, NaiveDate),
}

impl<'a> Auditor<'a> {
    /// This auditor with another version of the ToR, judging `phase`'s days.
    fn under<'v>(&self, tor: &'v Tor, phase: (NaiveDate, NaiveDate)) -> Auditor<'v>
    where
        'a: 'v,
    {
        Auditor {
            tor,
            cal: self.cal,
            record: self.record,
            span: self.span,
            as_of: self.as_of,
            phase,
        }
    }

    fn held(&self) -> impl Iterator<Item = &'a HeldMeeting> + '_ {
        self.record
            .meetings
            .iter()
            .filter(|m| self.span.contains(m.date))
    }

    /// The period is over by the day of the audit.
    fn over(&self, last: NaiveDate) -> bool {
        last < self.as_of
    }

    /// Why cancellations do not count, for messages; empty when none were made.
    fn unexcused(f: &Frequency, cancelled: &[&CancelledMeeting]) -> Message {
        let days = cancelled
            .iter()
            .filter(|c| !excused(f, c))
            .map(|c| c.date.into())
            .collect();
        unexcused_note(f, days, true)
    }
}

fn only_message(p: &PeriodAudit) -> Message {
    msg![format!("{}: ", p.label), p.message.clone()]
}

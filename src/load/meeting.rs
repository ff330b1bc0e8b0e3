//! Building a [`MeetingInput`] from command-line facts or a meeting file, refusing
//! what cannot be checked: unknown ids, an organisation in two capacities, bad or
//! ambiguous times, a bare date against an hours rule.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::Deserialize;
use toml::Spanned;

use super::agenda::{self, with_agenda};
use super::attendance::{self, RawAttendance, Repeats, first_contradiction};
use super::input::{Input, OnEmpty};
use super::values::{self, DateOrTimeSchema, DateTimeSchema, Value};
use crate::calendar::{
    Convention, DateOrTime, DateTimeError, parse_date, parse_date_or_datetime, parse_datetime,
};
use crate::diag::{Code, Diagnostic};
use crate::engine::attendance::Attendance;
use crate::engine::meeting::{ChairPresence, MeetingInput, governing_notice};
use crate::engine::{Held, InputError, resolve_attendee, resolve_member};
use crate::load::raw::TomlDate;
use crate::model::{Capacity, MarkId, MemberId, Tor};

/// The facts of a proposed meeting as typed, before they are checked.
#[derive(Debug, Clone, Default)]
pub struct MeetingFacts {
    /// When the meeting starts: a date-time, local to the partnership unless it
    /// carries an offset.
    pub at: String,
    /// When the agenda and papers (or an extraordinary meeting's notice) went out:
    /// a date or a date-time.
    pub circulated: Option<String>,
    pub attendees: Vec<String>,
    /// Attending remotely, `ORG` or `ORG:N`.
    pub remote: Vec<String>,
    pub substitutes: Vec<String>,
    pub deputies: Vec<String>,
    pub notified: Vec<String>,
    pub chair: Option<ChairPresence>,
    /// The member whose representative presided.
    pub chair_member: Option<String>,
    /// When the presiding chair's unbroken run in the chair began: a date.
    pub chair_since: Option<String>,
    pub extraordinary: bool,
    /// Held in public (`Some(true)`), in private (`Some(false)`), or not said.
    pub public: Option<bool>,
    /// The bodies the meeting was held jointly with, by name or member id.
    pub joint_with: Vec<String>,
    pub items: Vec<String>,
    /// The date of the previous meeting, standing in for a record.
    pub previous: Option<String>,
    /// What the meeting is, for event deadlines (`annual-meeting`, …).
    pub marks: Vec<String>,
    /// Continued though inquorate, or reconvened after an adjournment.
    pub held: Held,
}

/// Why the facts of a meeting cannot be checked (exit 2).
#[derive(Debug, thiserror::Error)]
pub enum MeetingError {
    #[error(transparent)]
    Input(#[from] InputError),
    #[error("`{field}`: {error}")]
    Date {
        field: &'static str,
        error: DateTimeError,
    },
    #[error(
        "`circulated`: the notice rule ({clause}) counts {n} hours, so give the time notice was given, not just the date {date}"
    )]
    NeedsTime {
        clause: String,
        n: u32,
        date: NaiveDate,
    },
    #[error(transparent)]
    Notified(#[from] super::notified::NotifiedError),
    #[error("the previous meeting ({previous}) must be before this meeting's date ({date})")]
    PreviousNotBefore {
        previous: NaiveDate,
        date: NaiveDate,
    },
}

impl MeetingFacts {
    /// Resolves ids against `tor` and reads the dates in its time zone.
    pub fn resolve(&self, tor: &Tor) -> Result<MeetingInput, MeetingError> {
        let tz = tor.timezone;
        let date_err = |field| move |error| MeetingError::Date { field, error };
        let at = parse_datetime(&self.at, tz).map_err(date_err("at"))?;
        let circulated = self
            .circulated
            .as_deref()
            .map(|s| parse_date_or_datetime(s, tz))
            .transpose()
            .map_err(date_err("circulated"))?;
        let previous = self
            .previous
            .as_deref()
            .map(parse_date)
            .transpose()
            .map_err(date_err("previous"))?;
        let chair_since = self
            .chair_since
            .as_deref()
            .map(parse_date)
            .transpose()
            .map_err(date_err("chair-since"))?;
        let chair_member = self
            .chair_member
            .as_deref()
            .map(|m| resolve_member(tor, m))
            .transpose()?;
        let mut people = std::collections::HashMap::new();
        let mut attendees = Vec::new();
        for typed in self.attendees.iter().filter(|s| !s.trim().is_empty()) {
            let (id, n) = resolve_attendee(tor, typed)?;
            if !people.contains_key(&id) {
                attendees.push(id.clone());
            }
            *people.entry(id).or_insert(0) = n;
        }
        // A stand-in list names people too (`ORG:N`: N substitutes for ORG's
        // absent councillors): of a member also in person, apart.
        let mut stand_in_people = std::collections::HashMap::new();
        let mut stand_ins = |list: &[String]| -> Result<Vec<MemberId>, InputError> {
            let mut out = Vec::new();
            for typed in list.iter().filter(|s| !s.trim().is_empty()) {
                let (id, n) = resolve_attendee(tor, typed)?;
                if !out.contains(&id) {
                    out.push(id.clone());
                }
                if people.contains_key(&id) {
                    stand_in_people.entry(id).or_insert(n);
                } else {
                    people.entry(id).or_insert(n);
                }
            }
            Ok(out)
        };
        let substitutes = stand_ins(&self.substitutes)?;
        let deputies = stand_ins(&self.deputies)?;
        people.retain(|_, n| *n != 1);
        stand_in_people.retain(|_, n| *n != 1);
        let mut remote: Vec<(MemberId, u32)> = Vec::new();
        for typed in self.remote.iter().filter(|s| !s.trim().is_empty()) {
            let (id, n) = resolve_attendee(tor, typed)?;
            match remote.iter_mut().find(|(r, _)| *r == id) {
                Some(slot) => slot.1 = n,
                None => remote.push((id, n)),
            }
        }
        let (notified, notified_at) = super::notified::resolve(tor, &self.notified)?;
        let input = MeetingInput {
            at,
            circulated,
            attendance: Attendance {
                in_person: attendees,
                people,
                stand_in_people,
                remote,
                substitutes,
                deputies,
                notified,
                notified_at,
            },
            chair: self.chair,
            presiding: None,
            chair_member,
            chair_since,
            extraordinary: self.extraordinary,
            public: self.public,
            joint_with: clean_items(&self.joint_with),
            items: clean_items(&self.items),
            agenda: Vec::new(),
            movements: Vec::new(),
            previous,
            marks: self
                .marks
                .iter()
                .filter(|s| !s.trim().is_empty())
                .map(|s| MarkId::parse(s.trim()))
                .collect::<Result<_, _>>()
                .map_err(|e| InputError::Invalid(e.to_string()))?,
            held: self.held,
        };
        if let Some((org, first, second, _)) = first_contradiction(tor, input.attendance.lists()) {
            return Err(InputError::Contradiction {
                org: org.to_string(),
                first: Capacity::AT_MEETING[first].phrase().to_owned(),
                second: Capacity::AT_MEETING[second].phrase().to_owned(),
            }
            .into());
        }
        if let Some(message) = over_seats(tor, &input) {
            return Err(InputError::Invalid(message).into());
        }
        if let Some((clause, n, date)) = hours_need_time(tor, &input) {
            return Err(MeetingError::NeedsTime { clause, n, date });
        }
        if let Some(previous) = input.previous.filter(|p| *p >= input.date(tz)) {
            return Err(MeetingError::PreviousNotBefore {
                previous,
                date: input.date(tz),
            });
        }
        Ok(input)
    }
}

/// The value, or `None` with its diagnostic kept.
fn keep<T>(problems: &mut Vec<Diagnostic>, r: Result<T, Diagnostic>) -> Option<T> {
    r.map_err(|d| problems.push(d)).ok()
}

fn clean_items(items: &[String]) -> Vec<String> {
    items
        .iter()
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty())
        .collect()
}

/// A member with more people in the room and remotely together than it has
/// seats (one, for a member without seats), in words.
pub(crate) fn over_seats(tor: &Tor, m: &MeetingInput) -> Option<String> {
    m.attendance.remote.iter().find_map(|(id, remote)| {
        let seats = tor.member(id.as_str()).and_then(|m| m.seats).unwrap_or(1);
        let in_room = if m.attendance.in_person.contains(id) {
            m.attendance.people_of(id)
        } else {
            0
        };
        (in_room + remote > seats).then(|| {
            format!(
                "`{id}`: {in_room} in the room and {remote} remotely make more than its {seats} seat{}",
                if seats == 1 { "" } else { "s" }
            )
        })
    })
}

/// An hours rule cannot be judged from a bare date: refuse rather than guess.
/// Gives the rule's clause and hours, and the date given.
fn hours_need_time(tor: &Tor, m: &MeetingInput) -> Option<(String, u32, NaiveDate)> {
    let version = tor.as_of(m.date(tor.timezone));
    let rule = governing_notice(&version, m.extraordinary)?;
    match (rule.convention, m.circulated) {
        (Convention::Hours, Some(DateOrTime::Date(date))) => {
            Some((rule.clause.to_string(), rule.n, date))
        }
        _ => None,
    }
}

with_agenda! {
/// A meeting file: the same facts as the command-line flags, as TOML. A cases
/// file's `[case.meeting]` table has the same keys.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawMeeting {
    /// When the meeting starts: a TOML local date-time (the partnership's local
    /// time) or a string with an offset, e.g. "2026-10-25T14:00+00:00".
    #[schemars(with = "DateTimeSchema")]
    at: Value,
    /// When the agenda and papers went out (for an extraordinary meeting, when
    /// notice was given): a date or a date-time.
    #[schemars(with = "Option<DateOrTimeSchema>")]
    circulated: Option<Value>,
    /// Members present in person.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    attendees: Vec<Spanned<String>>,
    /// Members attending remotely, `ORG` or `ORG:N`, besides those in the room.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    remote: Vec<Spanned<String>>,
    /// Members represented by their substitute, `ORG` or `ORG:N` (N people).
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    substitutes: Vec<Spanned<String>>,
    /// Members represented by their deputy, `ORG` or `ORG:N`.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    deputies: Vec<Spanned<String>>,
    /// Members who gave the notice a stand-in needs: `ORG`, or `ORG@DATETIME`
    /// saying when.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    notified: Vec<Spanned<String>>,
    /// `present`, `deputy` (a deputy or vice-chair chairs), `chosen` (a member
    /// chosen by the meeting presides) or `absent`.
    #[schemars(with = "Option<String>", extend("enum" = ["present", "deputy", "chosen", "absent"]))]
    chair: Option<ChairPresence>,
    /// The member whose representative presided (for a chair drawn from a
    /// class, an alternation, or a quorum that must include whoever presides).
    #[schemars(with = "Option<String>")]
    chair_member: Option<Spanned<String>>,
    /// When the presiding chair's unbroken run in the chair began, for the
    /// ToR's term limit.
    #[schemars(with = "Option<TomlDate>")]
    chair_since: Option<Value>,
    /// An urgent, extraordinary meeting.
    #[serde(default)]
    extraordinary: bool,
    /// `true`: held in public; `false`: held in private; absent: not said.
    public: Option<bool>,
    /// The bodies the meeting was held jointly with: each by the name the
    /// ToR's `[public.meetings] joint_with` gives, or by its member id.
    #[serde(default)]
    joint_with: Vec<String>,
    /// The date of the previous meeting, standing in for a record.
    #[schemars(with = "Option<TomlDate>")]
    previous: Option<Value>,
    /// What the meeting is, for deadlines relative to events: `annual-meeting`,
    /// `may-meeting`, or a mark the ToR's `[[event_deadlines]]` name.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    marks: Vec<Spanned<String>>,
    /// The chair let the meeting continue though it was inquorate: where the
    /// ToR's `[quorum.fallback.continue]` allows it, the quorum is a `warn`
    /// that its decisions must be ratified.
    #[serde(default)]
    continued: bool,
    /// The meeting was reconvened after an adjournment for want of a quorum:
    /// quorate with those present where the ToR's
    /// `[quorum.fallback.adjourned]` says so.
    #[serde(default)]
    adjourned: bool,
}
}

impl RawMeeting {
    fn attendance(&self) -> RawAttendance<'_> {
        RawAttendance {
            in_person: &self.attendees,
            remote: &self.remote,
            substitutes: &self.substitutes,
            deputies: &self.deputies,
            notified: &self.notified,
        }
    }

    /// Where `previous` is written, if it is.
    pub(crate) fn previous_span(&self) -> Option<std::ops::Range<usize>> {
        self.previous.as_ref().map(Value::span)
    }
}

impl Input for MeetingInput {
    type Raw = RawMeeting;
    type Context<'a> = &'a Tor;

    fn on_empty(_: &Tor) -> OnEmpty<Self> {
        OnEmpty::Help("a meeting file needs at least `at`, e.g. at = 2012-12-06T14:00")
    }

    fn check(raw: &RawMeeting, _: &str, tor: &Tor, diags: &mut Vec<Diagnostic>) -> Option<Self> {
        from_raw(tor, raw).map_err(|found| diags.extend(found)).ok()
    }
}

/// Checks a meeting as written against `tor`. Diagnostics keep the spans of the
/// text `raw` was read from, so a table inside a larger file is reported in place.
pub(crate) fn from_raw(tor: &Tor, raw: &RawMeeting) -> Result<MeetingInput, Vec<Diagnostic>> {
    let tz = tor.timezone;
    let mut problems = Vec::new();
    let at = keep(&mut problems, values::datetime(&raw.at, tz));
    let circulated = raw
        .circulated
        .as_ref()
        .and_then(|v| keep(&mut problems, values::date_or_time(v, tz)));
    let previous = raw
        .previous
        .as_ref()
        .and_then(|v| keep(&mut problems, values::date(v)));
    let checked = attendance::check(tor, raw.attendance(), Repeats::Merge, &mut problems);
    let chair_member = raw
        .chair_member
        .as_ref()
        .and_then(|m| values::members(tor, std::slice::from_ref(m), &mut problems).pop())
        .map(|(id, _)| id);
    let chair_since = raw
        .chair_since
        .as_ref()
        .and_then(|v| keep(&mut problems, values::date(v)));
    let Some(at) = at else {
        return Err(problems);
    };
    let start = checked.start();
    let agenda = agenda::resolve(tor, at, &start, raw.agenda(), &mut problems);
    let input = MeetingInput {
        at,
        circulated,
        attendance: checked.attendance.clone(),
        chair: raw.chair,
        presiding: None,
        chair_member,
        chair_since,
        extraordinary: raw.extraordinary,
        public: raw.public,
        joint_with: clean_items(&raw.joint_with),
        items: agenda.titles,
        agenda: agenda.items,
        movements: agenda.movements,
        previous,
        marks: super::events::marks(&raw.marks, &mut problems),
        held: Held {
            continued: raw.continued,
            adjourned: raw.adjourned,
        },
    };
    problems.extend(checked.contradiction(tor));
    if let Some(message) = over_seats(tor, &input) {
        let span = raw.remote.first().map(Spanned::span);
        let mut d = Diagnostic::error(Code::InvalidValue, message).label("more than its seats");
        if let Some(span) = span {
            d = d.at(span);
        }
        problems.push(d);
    }
    if let (Some((clause, n, date)), Some(v)) = (hours_need_time(tor, &input), &raw.circulated) {
        problems.push(
            Diagnostic::error(
                Code::NeedsTime,
                format!("the notice rule ({clause}) counts {n} hours, so give the time notice was given, not just the date {date}"),
            )
                .at(v.span())
                .help("give the time notice was given, e.g. 2026-10-23T14:30"),
        );
    }
    if let (Some(p), Some(v)) = (input.previous, &raw.previous)
        && p >= input.date(tz)
    {
        problems.push(
            Diagnostic::error(
                Code::PreviousNotBefore,
                format!(
                    "the previous meeting ({p}) must be before this meeting's date ({})",
                    input.date(tz)
                ),
            )
            .at(v.span()),
        );
    }
    if problems.is_empty() {
        Ok(input)
    } else {
        Err(problems)
    }
}

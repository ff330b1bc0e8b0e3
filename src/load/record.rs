//! A record of held meetings as written (`<id>.meetings.toml`, see
//! [`crate::engine::record`]), checked against its ToR.

use std::collections::BTreeMap;
use std::ops::Range;

use chrono::{DateTime, NaiveDate, NaiveTime, TimeZone};
use chrono_tz::Tz;
use schemars::JsonSchema;
use serde::Deserialize;
use toml::Spanned;

use super::agenda::{self, with_agenda};
use super::attendance::{self, Checked, RawAttendance, Repeats};
use super::input::{Input, OnEmpty};
use super::values::{self, DateOrTimeSchema, DateTimeSchema, Value};
use crate::calendar::DateOrTime;
use crate::diag::{Code, Diagnostic, Severity};
use crate::engine::Held;
use crate::engine::attendance as engine_attendance;
use crate::engine::meeting::ChairPresence;
use crate::engine::record::{CancelledMeeting, HeldMeeting, MeetingKind, Record, tenure};
use crate::load::raw::TomlDate;
use crate::model::{Capacity, Tor};

/// The record of meetings as written. A cases file's `[case.record]` table has
/// the same keys.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawRecord {
    /// One `[[meeting]]` table per meeting held.
    #[serde(default)]
    #[schemars(with = "Vec<RawHeld>")]
    meeting: Vec<Spanned<RawHeld>>,
    /// One `[[cancelled]]` table per meeting cancelled.
    #[serde(default)]
    #[schemars(with = "Vec<RawCancelled>")]
    cancelled: Vec<Spanned<RawCancelled>>,
}

with_agenda! {
/// A meeting held.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawHeld {
    /// The day it was held: a TOML date. Give this or `at`.
    #[schemars(with = "Option<TomlDate>")]
    date: Option<Value>,
    /// When it started: a TOML local date-time (the partnership's local time) or a
    /// string with an offset. Give this or `date`.
    #[schemars(with = "Option<DateTimeSchema>")]
    at: Option<Value>,
    /// `ordinary` (the default) or `extraordinary`.
    #[serde(default)]
    kind: MeetingKind,
    /// `true`: held in public; `false`: held in private; absent: not said
    /// (and not counted as a public meeting).
    public: Option<bool>,
    /// The bodies it was held jointly with: each by the name the ToR's
    /// `[public.meetings] joint_with` gives, or by its member id.
    #[serde(default)]
    joint_with: Vec<String>,
    /// When the agenda and papers went out: a date or a date-time.
    #[schemars(with = "Option<DateOrTimeSchema>")]
    circulated: Option<Value>,
    /// When the minutes went out: a date.
    #[schemars(with = "Option<TomlDate>")]
    minutes: Option<Value>,
    /// Members present in person, `ORG` or `ORG:N` (N people of a member with
    /// seats).
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    present: Vec<Spanned<String>>,
    /// Members represented by their substitute, `ORG` or `ORG:N` (N people).
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    substitutes: Vec<Spanned<String>>,
    /// Members represented by their deputy, `ORG` or `ORG:N`.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    deputies: Vec<Spanned<String>>,
    /// `present`, `deputy` (a deputy chaired), `chosen` (a member chosen by
    /// the meeting, or the chair's nominee, presided) or `absent`.
    #[schemars(with = "Option<String>", extend("enum" = ["present", "deputy", "chosen", "absent"]))]
    chair: Option<Spanned<ChairPresence>>,
    /// What the meeting was, for deadlines relative to events:
    /// `annual-meeting`, `may-meeting`, or a mark the ToR's
    /// `[[event_deadlines]]` name (e.g. `planning-meeting`).
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    marks: Vec<Spanned<String>>,
    /// The chair let it continue though inquorate (the ToR's
    /// `[quorum.fallback.continue]`): its decisions need ratifying.
    #[serde(default)]
    continued: bool,
    /// Reconvened after an adjournment for want of a quorum (the ToR's
    /// `[quorum.fallback.adjourned]`).
    #[serde(default)]
    adjourned: bool,
    /// Free text.
    note: Option<String>,
}
}

/// A meeting the chair cancelled.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawCancelled {
    /// The day the cancelled meeting was to be held: a TOML date.
    #[schemars(with = "TomlDate")]
    date: Value,
    /// Members were consulted before the chair cancelled (default false).
    #[serde(default)]
    consulted: bool,
    /// Free text.
    note: Option<String>,
}

impl Input for Record {
    type Raw = RawRecord;
    type Context<'a> = &'a Tor;

    /// A record nobody has written to yet is a valid, empty record.
    fn on_empty(_: &Tor) -> OnEmpty<Self> {
        OnEmpty::Value(Record::default())
    }

    fn check(raw: &RawRecord, _: &str, tor: &Tor, diags: &mut Vec<Diagnostic>) -> Option<Self> {
        let (record, found) = from_raw(tor, raw);
        diags.extend(found);
        record
    }
}

/// Checks a record as written against `tor`: the record where it has no error,
/// and every problem (errors and warnings) with its place in the text `raw` was
/// read from.
pub(crate) fn from_raw(tor: &Tor, raw: &RawRecord) -> (Option<Record>, Vec<Diagnostic>) {
    let mut problems = Vec::new();
    let mut meetings = Vec::new();
    // The span of each day's first entry, to point back at from a duplicate.
    let mut days: BTreeMap<NaiveDate, Range<usize>> = BTreeMap::new();
    for entry in &raw.meeting {
        let Some((date, span, meeting)) = held(tor, entry, &mut problems) else {
            continue;
        };
        if days.contains_key(&date) {
            problems.push(
                Diagnostic::error(
                    Code::DuplicateMeeting,
                    format!("a meeting on {date} is already recorded"),
                )
                .at(span)
                .help("record each meeting once; tor reads one meeting a day"),
            );
            continue;
        }
        days.insert(date, span);
        meetings.extend(meeting);
    }
    let mut cancelled: Vec<CancelledMeeting> = Vec::new();
    let mut cancelled_days = std::collections::HashSet::new();
    for entry in &raw.cancelled {
        let c = entry.get_ref();
        let Some(date) = values::date(&c.date).map_err(|d| problems.push(d)).ok() else {
            continue;
        };
        if !cancelled_days.insert(date) {
            problems.push(
                Diagnostic::error(
                    Code::DuplicateCancellation,
                    format!("a cancellation on {date} is already recorded"),
                )
                .at(c.date.span()),
            );
            continue;
        }
        if days.contains_key(&date) {
            problems.push(
                Diagnostic::error(
                    Code::CancelledAndHeld,
                    format!("{date} is recorded both as held and as cancelled"),
                )
                .at(c.date.span()),
            );
            continue;
        }
        cancelled.push(CancelledMeeting {
            date,
            consulted: c.consulted,
            note: c.note.clone(),
        });
    }
    meetings.sort_by_key(|m| m.date);
    cancelled.sort_by_key(|c| c.date);
    let ok = problems.iter().all(|d| d.severity != Severity::Error);
    let record = ok.then_some(Record {
        meetings,
        cancelled,
    });
    (record, problems)
}

/// One `[[meeting]]` table: its day and the span to cite for it (where the day
/// is readable), and the meeting (where it has no error).
fn held(
    tor: &Tor,
    entry: &Spanned<RawHeld>,
    problems: &mut Vec<Diagnostic>,
) -> Option<(NaiveDate, Range<usize>, Option<HeldMeeting>)> {
    let m = entry.get_ref();
    // Only this meeting's problems are counted, so a record with many errors
    // is not recounted once per meeting.
    let problems_before = problems.len();
    let (date, at, span) = when(tor.timezone, entry, problems)?;
    let (circulated, minutes) = papers(tor.timezone, m, date, problems);
    let checked = attendance(tor, m, date, problems);
    let agenda = items(
        tor,
        m,
        at.unwrap_or_else(|| noon(tor.timezone, date)),
        &checked,
        problems,
    );
    chair_warning(tor, m, problems);
    let marks = super::events::marks(&m.marks, problems);
    if count_errors(&problems[problems_before..]) > 0 {
        return Some((date, span, None));
    }
    let attendance = checked.attendance;
    let meeting = HeldMeeting {
        date,
        at,
        start: at.unwrap_or_else(|| noon(tor.timezone, date)),
        kind: m.kind,
        public: m.public == Some(true),
        private: m.public == Some(false),
        joint_with: clean(&m.joint_with),
        circulated,
        minutes,
        attendance,
        chair: m.chair.as_ref().map(|c| *c.get_ref()),
        items: agenda.titles,
        agenda: agenda.items,
        movements: agenda.movements,
        marks,
        held: Held {
            continued: m.continued,
            adjourned: m.adjourned,
        },
        note: m.note.clone(),
    };
    Some((date, span, Some(meeting)))
}

/// The meeting's day, its start where given, and the span to cite for it:
/// `date` or `at`, exactly one.
fn when(
    tz: Tz,
    entry: &Spanned<RawHeld>,
    problems: &mut Vec<Diagnostic>,
) -> Option<(NaiveDate, Option<DateTime<Tz>>, Range<usize>)> {
    let m = entry.get_ref();
    match (&m.date, &m.at) {
        (Some(d), None) => match values::date(d) {
            Ok(date) => Some((date, None, d.span())),
            Err(e) => {
                problems.push(e.help("write the day as YYYY-MM-DD, or use `at` for a start time"));
                None
            }
        },
        (None, Some(a)) => match values::datetime(a, tz) {
            Ok(t) => Some((t.date_naive(), Some(t), a.span())),
            Err(e) => {
                problems
                    .push(e.help("write the start as YYYY-MM-DDTHH:MM, or use `date` for a day"));
                None
            }
        },
        (Some(_), Some(a)) => {
            problems.push(
                Diagnostic::error(Code::ConflictingKeys, "give `date` or `at`, not both")
                    .at(a.span()),
            );
            None
        }
        (None, None) => {
            problems.push(
                Diagnostic::error(Code::MissingKey, "a meeting needs `date` or `at`")
                    .at(header(entry.span()))
                    .label("in this meeting"),
            );
            None
        }
    }
}

/// When the papers and the minutes went out, each refused on the wrong side of
/// the meeting's day.
fn papers(
    tz: Tz,
    m: &RawHeld,
    date: NaiveDate,
    problems: &mut Vec<Diagnostic>,
) -> (Option<DateOrTime>, Option<NaiveDate>) {
    let circulated = m.circulated.as_ref().and_then(|v| {
        let given = values::date_or_time(v, tz)
            .map_err(|d| problems.push(d))
            .ok()?;
        let day = given.day();
        if day > date {
            problems.push(
                Diagnostic::error(
                    Code::CirculatedAfter,
                    format!("papers circulated on {day}, after the meeting on {date}"),
                )
                .at(v.span()),
            );
        }
        Some(given)
    });
    let minutes = m.minutes.as_ref().and_then(|v| {
        let day = values::date(v).map_err(|d| problems.push(d)).ok()?;
        if day < date {
            problems.push(
                Diagnostic::error(
                    Code::MinutesBefore,
                    format!("minutes out on {day}, before the meeting on {date}"),
                )
                .at(v.span()),
            );
        }
        Some(day)
    });
    (circulated, minutes)
}

/// Who attended, checked as a meeting file's lists are, and against the day:
/// every organisation a member then, and stand-ins only of kinds the ToR
/// provides for (a warning: the record says what happened).
fn attendance(tor: &Tor, m: &RawHeld, date: NaiveDate, problems: &mut Vec<Diagnostic>) -> Checked {
    let raw = RawAttendance {
        in_person: &m.present,
        substitutes: &m.substitutes,
        deputies: &m.deputies,
        ..RawAttendance::default()
    };
    let checked = attendance::check(tor, raw, Repeats::Refuse, problems);
    problems.extend(checked.contradiction(tor));
    for (id, span) in checked.named.iter().flatten() {
        let Some(member) = tor.member(id.as_str()) else {
            continue;
        };
        if !member.holds_on(date) {
            problems.push(
                Diagnostic::error(
                    Code::NotAMember,
                    format!("`{id}` was not a member on {date}: {}", tenure(member)),
                )
                .at(span.clone()),
            );
        }
    }
    for (how, named) in Capacity::AT_MEETING.into_iter().zip(&checked.named) {
        if let (false, Some((_, span))) = (engine_attendance::allowed(tor, how), named.first()) {
            let what = match how {
                Capacity::Deputy => "deputies",
                _ => "substitutes",
            };
            problems.push(
                Diagnostic::warning(
                    Code::StandInNotAllowed,
                    format!("the ToR of {} allows no {what}", tor.id),
                )
                .at(span.clone()),
            );
        }
    }
    checked
}

/// The agenda item by item, as a meeting file gives it, for a meeting that
/// started at `start` with `checked` there. Times of day need the start: a
/// record giving the day only cannot place them.
fn items(
    tor: &Tor,
    m: &RawHeld,
    start: DateTime<Tz>,
    checked: &Checked,
    problems: &mut Vec<Diagnostic>,
) -> agenda::Agenda {
    let raw = m.agenda();
    if let (None, Some(span)) = (&m.at, raw.first_time()) {
        problems.push(
            Diagnostic::error(
                Code::NeedsTime,
                "a time of day needs the meeting's start: this meeting is recorded by its day only",
            )
            .at(span)
            .help("give the start as `at` in place of `date`, e.g. at = 2025-06-12T09:30"),
        );
        return agenda::Agenda::default();
    }
    agenda::resolve(tor, start, &checked.start(), raw, problems)
}

/// A deputy in the chair where the ToR names none: a warning.
fn chair_warning(tor: &Tor, m: &RawHeld, problems: &mut Vec<Diagnostic>) {
    let Some(chair) = &m.chair else {
        return;
    };
    let deputy_allowed = tor.chair.as_ref().and_then(|c| c.deputy.as_ref()).is_some();
    if *chair.get_ref() == ChairPresence::Deputy && !deputy_allowed {
        problems.push(
            Diagnostic::warning(
                Code::NoDeputyChair,
                format!("the ToR of {} names no deputy to chair", tor.id),
            )
            .at(chair.span()),
        );
    }
}

/// Noon on `day` in `tz`: the stand-in start of a meeting recorded by day only.
fn noon(tz: Tz, day: NaiveDate) -> DateTime<Tz> {
    let naive = day.and_time(NaiveTime::from_hms_opt(12, 0, 0).unwrap_or(NaiveTime::MIN));
    tz.from_local_datetime(&naive)
        .earliest()
        .unwrap_or_else(|| tz.from_utc_datetime(&naive))
}

fn count_errors(problems: &[Diagnostic]) -> usize {
    problems
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count()
}

/// The first line of a table's span, e.g. `[[meeting]]`.
fn header(span: Range<usize>) -> Range<usize> {
    span.start..span.end.min(span.start + "[[meeting]]".len())
}

/// The strings trimmed, blanks dropped.
fn clean(list: &[String]) -> Vec<String> {
    list.iter()
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty())
        .collect()
}

#[cfg(test)]
mod tests;

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

use crate::engine::words::{and_list, plural};
use crate::model::Keyword;
use chrono::{DateTime, NaiveDate, NaiveTime, TimeZone};
use chrono_tz::Tz;
use serde::Serialize;

use super::deadlines::{When, deadlines, format_instant};
use super::meeting::{History, MeetingInput, check_meeting};
use super::period::{Span, add_months, gap_end, gap_too_long, gap_words, outside_window};
use super::record::{CancelledMeeting, HeldMeeting, MeetingKind, Record};
use super::{Fact, Finding, FindingStatus, Message, SkipReason, Unchecked};
use crate::calendar::{Calendar, Convention, Given, minutes_due};
use crate::model::{ChairAppointment, Frequency, FrequencyRule, Gap, Period, Tor};
use crate::msg;

/// The rules judged meeting by meeting, in report order.
const PER_MEETING: [&str; 7] = [
    "notice",
    "extraordinary-notice",
    "quorum",
    "chair",
    "membership",
    "public-access",
    "minutes",
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
}

impl AuditReport {
    /// The names of the rules that fail, in report order.
    pub fn failing(&self) -> Vec<&'static str> {
        self.findings
            .iter()
            .filter(|f| f.failed())
            .map(|f| f.rule)
            .collect()
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
    pub kind: MeetingKind,
    pub public: bool,
    pub circulated: Option<String>,
    /// `circulated` as read, for renderers that show dates their own way.
    #[serde(skip)]
    pub circulated_at: Option<Given>,
    pub circulate_by: Option<When>,
    pub minutes: Option<NaiveDate>,
    pub minutes_by: Option<NaiveDate>,
    pub note: Option<String>,
    pub valid: bool,
    pub findings: Vec<Finding>,
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
    let a = Auditor {
        tor,
        cal,
        record,
        span,
        as_of,
    };
    let meetings: Vec<MeetingAudit> = a.held().map(|m| a.meeting(m)).collect();
    for m in &meetings {
        if let Some(w) = m.circulate_by {
            crate::engine::deadlines::in_calendar("papers", w.day())?;
        }
        if let Some(d) = m.minutes_by {
            crate::engine::deadlines::in_calendar("minutes", d)?;
        }
    }
    let (frequency, periods) = a.frequency();
    let mut findings = vec![frequency, a.public_meeting(), a.standing_items()];
    findings.extend(PER_MEETING.iter().map(|rule| a.sum_up(rule, &meetings)));
    findings.push(a.chair_election());
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
    })
}

fn norm(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// An agenda item recording the chair's election.
pub fn is_election(item: &str) -> bool {
    let s = norm(item);
    s.contains("elect") && s.contains("chair")
}

/// An agenda item recording a review of the terms of reference.
pub fn is_review(item: &str) -> bool {
    let s = norm(item);
    s.contains("review") && (s.contains("terms of reference") || s.split(' ').any(|w| w == "tor"))
}

struct Auditor<'a> {
    tor: &'a Tor,
    cal: &'a Calendar,
    record: &'a Record,
    span: Span,
    as_of: NaiveDate,
}

impl<'a> Auditor<'a> {
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

    /// A cancellation the ToR's cancellation rule accepts in place of a meeting.
    fn excused(f: &Frequency, c: &CancelledMeeting) -> bool {
        f.cancellation
            .as_ref()
            .is_some_and(|rule| c.consulted || !rule.consult_members)
    }

    /// Why cancellations do not count, for messages; empty when none were made.
    fn unexcused(f: &Frequency, cancelled: &[&CancelledMeeting]) -> Message {
        let days: Vec<Message> = cancelled
            .iter()
            .filter(|c| !Self::excused(f, c))
            .map(|c| c.date.into())
            .collect();
        if days.is_empty() {
            return Message::default();
        }
        match &f.cancellation {
            None => msg![
                "; the meeting(s) of ",
                Message::and_list(days),
                " were cancelled, but the ToR provides no cancellation"
            ],
            Some(rule) => msg![
                "; the meeting(s) of ",
                Message::and_list(days),
                format!(
                    " were cancelled without consulting members first ({})",
                    rule.clause
                )
            ],
        }
    }

    // ---- one meeting ------------------------------------------------------------

    fn meeting(&self, m: &HeldMeeting) -> MeetingAudit {
        let tz = self.tor.timezone;
        // Only an hours rule needs the time, and then a bare day is not judged.
        let at = m.at.unwrap_or_else(|| noon(tz, m.date));
        let mut input = MeetingInput::new(at);
        input.circulated = m.circulated;
        input.attendees = m.present.clone();
        input.substitutes = m.substitutes.clone();
        input.deputies = m.deputies.clone();
        input.chair = m.chair;
        input.extraordinary = m.kind == MeetingKind::Extraordinary;
        input.public = m.public;
        input.items = m.items.clone();
        let report = check_meeting(self.tor, self.cal, &input, History::Nothing);
        // One notice rule judges a meeting: the urgent one for an extraordinary
        // meeting where the ToR has it, else the ordinary one.
        let urgent = input.extraordinary && self.tor.notice.extraordinary.is_some();
        let mut findings: Vec<Finding> = report
            .findings
            .into_iter()
            .filter(|f| PER_MEETING.contains(&f.rule))
            .filter(|f| match f.rule {
                "notice" => !urgent,
                "extraordinary-notice" => urgent,
                _ => true,
            })
            .collect();
        if m.at.is_none() {
            for f in &mut findings {
                let rule = match f.rule {
                    "notice" => &self.tor.notice.agenda,
                    "extraordinary-notice" => &self.tor.notice.extraordinary,
                    _ => continue,
                };
                if rule
                    .as_ref()
                    .is_some_and(|r| r.convention == Convention::Hours)
                    && f.status != FindingStatus::Skip
                {
                    *f = Finding::unjudged(
                        f.rule,
                        f.clause.as_ref(),
                        Fact::StartTime,
                        "the record gives the day, not the start time, so an hours rule cannot be judged",
                    );
                }
            }
        }
        let due = deadlines(self.tor, at, self.cal);
        findings.push(self.minutes(m));
        MeetingAudit {
            date: m.date,
            at: m.at.map(format_instant),
            kind: m.kind,
            public: m.public,
            circulated_at: m.circulated,
            circulated: m.circulated.map(|g| match g {
                Given::Date(d) => d.to_string(),
                Given::Instant(t) => format_instant(t),
            }),
            circulate_by: if m.kind == MeetingKind::Extraordinary {
                due.extraordinary_notice_by.or(due.circulate_by)
            } else {
                due.circulate_by
            },
            minutes: m.minutes,
            minutes_by: due.minutes_by,
            note: m.note.clone(),
            valid: !findings.iter().any(Finding::failed),
            findings,
        }
    }

    fn minutes(&self, m: &HeldMeeting) -> Finding {
        const R: &str = "minutes";
        let Some(rule) = &self.tor.notice.minutes else {
            return Finding::not_stated(R, "deadline for the minutes");
        };
        let due = minutes_due(m.date, rule.n, self.cal);
        let within = format!("within {} working days", rule.n);
        match m.minutes {
            None => Finding::unjudged(
                R,
                Some(&rule.clause),
                Fact::Minutes,
                msg![
                    "when the minutes went out is not recorded; they were due by ",
                    due,
                    format!(" ({within})")
                ],
            ),
            Some(d) if d <= due => Finding::pass(
                R,
                &rule.clause,
                msg![
                    "minutes out ",
                    d,
                    ", by the due date ",
                    due,
                    format!(" ({within})")
                ],
            ),
            Some(d) => Finding::fail(
                R,
                &rule.clause,
                msg![
                    "minutes out ",
                    d,
                    ", after the due date ",
                    due,
                    format!(" ({within})")
                ],
            ),
        }
    }

    /// One finding for `rule` from the meetings' own findings.
    fn sum_up(&self, rule: &'static str, meetings: &[MeetingAudit]) -> Finding {
        let found: Vec<(NaiveDate, &Finding)> = meetings
            .iter()
            .flat_map(|m| m.findings.iter().map(move |f| (m.date, f)))
            .filter(|(_, f)| f.rule == rule)
            .collect();
        let tor_clause = match rule {
            "notice" => self.tor.notice.agenda.as_ref().map(|r| &r.clause),
            "extraordinary-notice" => self.tor.notice.extraordinary.as_ref().map(|r| &r.clause),
            "quorum" => self.tor.quorum.as_ref().map(|q| &q.clause),
            "chair" => self.tor.chair.as_ref().map(|c| &c.clause),
            // check-meeting cites the public-meetings rule where no access rule is stated.
            "public-access" => {
                let public = &self.tor.public;
                (public.access.as_ref().map(|a| &a.clause))
                    .or(public.meetings.as_ref().map(|p| &p.clause))
            }
            "minutes" => self.tor.notice.minutes.as_ref().map(|r| &r.clause),
            _ => None,
        };
        if found.is_empty() {
            return match (rule, tor_clause) {
                ("extraordinary-notice", None) => {
                    Finding::not_stated(rule, "notice rule for extraordinary meetings")
                }
                ("extraordinary-notice", clause) => Finding::skip(
                    rule,
                    clause,
                    format!("no extraordinary meeting recorded in {}", self.span.label()),
                ),
                _ => Finding::skip(
                    rule,
                    tor_clause,
                    format!("no meetings recorded in {}", self.span.label()),
                ),
            };
        }
        let with = |s: FindingStatus| -> Vec<&(NaiveDate, &Finding)> {
            found.iter().filter(|(_, f)| f.status == s).collect()
        };
        let (fails, warns, passes, skips) = (
            with(FindingStatus::Fail),
            with(FindingStatus::Warn),
            with(FindingStatus::Pass),
            with(FindingStatus::Skip),
        );
        let total = found.len();
        let clause = fails
            .first()
            .or(warns.first())
            .or(passes.first())
            .and_then(|(_, f)| f.clause.as_ref())
            .or(tor_clause);
        let detail = |list: &[&(NaiveDate, &Finding)]| -> Message {
            Message::join(
                list.iter().map(|(d, f)| msg![*d, ": ", f.message.clone()]),
                "; ",
            )
        };
        let days = |list: &[&(NaiveDate, &Finding)]| -> Message {
            Message::and_list(list.iter().map(|(d, _)| Message::from(*d)).collect())
        };
        let unjudged = if skips.is_empty() || skips.len() == total {
            Message::default()
        } else {
            msg!["; not judged for ", days(&skips)]
        };
        let of = |k: usize, verb: &str, verbs: &str| match (k, total) {
            (1, 1) => format!("the one meeting {verbs}"),
            (k, t) if k == t => format!("all {t} meetings {verb}"),
            (1, t) => format!("1 of {t} meetings {verbs}"),
            (k, t) => format!("{k} of {t} meetings {verb}"),
        };
        if !fails.is_empty() {
            return Finding::new(
                rule,
                clause,
                FindingStatus::Fail,
                msg![
                    of(fails.len(), "fail", "fails"),
                    ": ",
                    detail(&fails),
                    unjudged
                ],
            );
        }
        if !warns.is_empty() {
            return Finding::warn(
                rule,
                clause,
                msg![
                    of(warns.len(), "need a look", "needs a look"),
                    ": ",
                    detail(&warns),
                    unjudged
                ],
            );
        }
        if !passes.is_empty() {
            return Finding::new(
                rule,
                clause,
                FindingStatus::Pass,
                msg![of(passes.len(), "pass", "passes"), unjudged],
            );
        }
        // Every meeting skipped: the same reason for all reads best once.
        let first = skips.first().map(|(_, f)| &f.message);
        let message = match first {
            Some(first) if skips.iter().all(|(_, f)| &f.message == first) => first.clone(),
            None => Message::default(),
            Some(_) => msg!["not judged for any meeting: ", detail(&skips)],
        };
        // Left open if any meeting left it open for want of a recorded fact.
        let reason = skips
            .iter()
            .find_map(|(_, f)| f.needs())
            .map_or(SkipReason::NotApplicable, SkipReason::Unjudged);
        Finding::skip(rule, clause, message).because(reason)
    }

    // ---- frequency --------------------------------------------------------------

    fn frequency(&self) -> (Finding, Vec<PeriodAudit>) {
        const R: &str = "frequency";
        let Some(f) = &self.tor.frequency else {
            return (Finding::not_stated(R, "meeting frequency"), Vec::new());
        };
        let (finding, periods) = match f.rule {
            FrequencyRule::EveryMonths { months } => self.every_months(f, months.max(1)),
            FrequencyRule::AtLeast { n, per } => self.per_period(f, n, per, false),
            FrequencyRule::Exactly { n, per } => self.per_period(f, n, per, true),
        };
        // A meeting outside the month window breaks the rule however many were held.
        let mut outside: Vec<Message> = self
            .held()
            .filter(|m| !f.in_window(m.date))
            .map(|m| outside_window(f, m.date))
            .collect();
        if let Some(gap) = f.max_gap {
            outside.extend(self.long_gaps(gap));
        }
        if outside.is_empty() {
            return (finding, periods);
        }
        (
            Finding::fail(R, &f.clause, Message::join(outside, "; ")),
            periods,
        )
    }

    /// Each gap longer than `gap` that ends in the audited year: between two held
    /// meetings, and (once it has run out by the audit's day) after the last.
    fn long_gaps(&self, gap: Gap) -> Vec<Message> {
        let mut dates: Vec<NaiveDate> = self.record.meetings.iter().map(|m| m.date).collect();
        dates.sort_unstable();
        dates.dedup();
        let mut out: Vec<Message> = dates
            .windows(2)
            .filter(|w| self.span.contains(w[1]))
            .filter_map(|w| gap_too_long(gap, w[0], w[1]))
            .collect();
        let last = dates.iter().rev().find(|d| **d <= self.span.last());
        if let Some(&last) = last {
            let end = gap_end(gap, last);
            if self.span.contains(end) && self.over(end) {
                out.push(msg![
                    "no meeting after ",
                    last,
                    " within ",
                    gap_words(gap),
                    ": the next was due by ",
                    end
                ]);
            }
        }
        out
    }

    fn per_period(
        &self,
        f: &Frequency,
        n: u32,
        per: Period,
        exact: bool,
    ) -> (Finding, Vec<PeriodAudit>) {
        const R: &str = "frequency";
        let rule = if exact {
            format!("{n} a {}", per.as_str())
        } else {
            format!("at least {n} a {}", per.as_str())
        };
        let needed = n as usize;
        let mut periods = Vec::new();
        for p in self.span.periods(per) {
            let held: Vec<NaiveDate> = self
                .record
                .meetings
                .iter()
                .filter(|m| p.contains(m.date))
                .map(|m| m.date)
                .collect();
            let cancelled: Vec<&CancelledMeeting> = self
                .record
                .cancelled
                .iter()
                .filter(|c| p.contains(c.date))
                .collect();
            let excused = cancelled.iter().filter(|c| Self::excused(f, c)).count();
            let list = if held.is_empty() {
                Message::default()
            } else {
                msg![
                    " (",
                    Message::and_list(held.iter().map(|d| Message::from(*d)).collect()),
                    ")"
                ]
            };
            let counted = held.len() + excused;
            let excuse_note = if excused > 0 && held.len() < needed {
                format!(
                    "; {} cancelled as the ToR allows{}",
                    plural(excused, "meeting", "meetings"),
                    f.cancellation
                        .as_ref()
                        .map(|c| format!(" ({})", c.clause))
                        .unwrap_or_default()
                )
            } else {
                String::new()
            };
            let (status, message): (_, Message) = if self.tor.adopted.is_some_and(|a| p.last() < a)
            {
                (FindingStatus::Skip, "before the ToR was adopted".into())
            } else if exact && held.len() > needed {
                (
                    FindingStatus::Fail,
                    msg![
                        format!("{} held", held.len()),
                        list,
                        format!(": the ToR sets {rule}")
                    ],
                )
            } else if counted >= needed {
                (
                    FindingStatus::Pass,
                    msg![plural(held.len(), "meeting", "meetings"), list, excuse_note],
                )
            } else if !self.over(p.last()) {
                (
                    FindingStatus::Skip,
                    msg![
                        "not over on ",
                        self.as_of,
                        format!(": {} so far", plural(held.len(), "meeting", "meetings")),
                        list
                    ],
                )
            } else if held.is_empty() && needed == 1 {
                (
                    FindingStatus::Fail,
                    msg!["no meeting", Self::unexcused(f, &cancelled)],
                )
            } else {
                (
                    FindingStatus::Fail,
                    msg![
                        format!("{} held", held.len()),
                        list,
                        format!(", {needed} needed"),
                        Self::unexcused(f, &cancelled)
                    ],
                )
            };
            periods.push(PeriodAudit {
                label: p.label(),
                shape: PeriodShape::Calendar,
                from: p.start,
                to: p.last(),
                held: held.len(),
                excused,
                status,
                message,
            });
        }
        let failing: Vec<Message> = periods
            .iter()
            .filter(|p| p.status == FindingStatus::Fail)
            .map(only_message)
            .collect();
        let judged = periods
            .iter()
            .filter(|p| p.status != FindingStatus::Skip)
            .count();
        let finding = if let ([_], [only]) = (failing.as_slice(), periods.as_slice()) {
            Finding::fail(R, &f.clause, msg![format!("{rule}: "), only_message(only)])
        } else if !failing.is_empty() {
            Finding::fail(
                R,
                &f.clause,
                msg![
                    format!(
                        "{} of {} broke the rule ({rule}): ",
                        failing.len(),
                        plural(periods.len(), per.as_str(), &format!("{}s", per.as_str())),
                    ),
                    Message::join(failing, "; ")
                ],
            )
        } else if judged == 0 {
            Finding::skip(
                R,
                Some(&f.clause),
                format!(
                    "no {} of {} can be judged yet",
                    per.as_str(),
                    self.span.label()
                ),
            )
        } else if let [only] = periods.as_slice() {
            Finding::pass(
                R,
                &f.clause,
                msg![format!("{rule}: "), only.message.clone()],
            )
        } else {
            let mut message = format!("{rule}: every {} judged had its meetings", per.as_str());
            if judged < periods.len() {
                message.push_str(&format!(" ({judged} of {} judged)", periods.len()));
            }
            Finding::pass(R, &f.clause, message)
        };
        (finding, periods)
    }

    /// Every gap between meetings, from the last one before the year to the first
    /// after it, checked against "every N months", cancellations allowing.
    fn every_months(&self, f: &Frequency, months: u32) -> (Finding, Vec<PeriodAudit>) {
        const R: &str = "frequency";
        let rule = format!("every {months} months");
        let before = self.record.previous(self.span.start).map(|m| m.date);
        let after = self
            .record
            .meetings
            .iter()
            .find(|m| m.date >= self.span.end)
            .map(|m| m.date);
        let mut chain: Vec<Option<NaiveDate>> = vec![before];
        chain.extend(self.held().map(|m| Some(m.date)));
        chain.push(after);
        let mut periods = Vec::new();
        for pair in chain.windows(2) {
            let (prev, next) = (pair[0], pair[1]);
            let gap = match prev {
                // Without an earlier meeting on record, the year's start is the
                // latest the previous meeting can have been.
                None => {
                    let Some(next) = next else { continue };
                    let due = add_months(self.span.start, months);
                    if next <= due {
                        continue;
                    }
                    self.gap(
                        f,
                        &rule,
                        self.span.start,
                        next,
                        due,
                        "the start of the year".into(),
                    )
                }
                Some(prev) => {
                    let due = add_months(prev, months);
                    self.chain_gap(f, &rule, prev, next, due)
                }
            };
            periods.extend(gap);
        }
        let held = self.held().count();
        if held == 0 && !periods.iter().any(|p| p.status == FindingStatus::Fail) {
            let status = if self.over(self.span.last()) {
                FindingStatus::Fail
            } else {
                FindingStatus::Skip
            };
            periods.push(PeriodAudit {
                label: self.span.label(),
                shape: PeriodShape::Calendar,
                from: self.span.start,
                to: self.span.last(),
                held: 0,
                excused: 0,
                status,
                message: format!("no meeting recorded ({rule})").into(),
            });
        }
        let failing: Vec<Message> = periods
            .iter()
            .filter(|p| p.status == FindingStatus::Fail)
            .map(|p| p.message.clone())
            .collect();
        let finding = if failing.is_empty() {
            Finding::pass(
                R,
                &f.clause,
                format!(
                    "{rule}: {} in {}, none more than {months} months after the one before",
                    plural(held, "meeting", "meetings"),
                    self.span.label()
                ),
            )
        } else {
            Finding::fail(
                R,
                &f.clause,
                msg![
                    format!(
                        "{} too long ({rule}): ",
                        plural(failing.len(), "gap", "gaps")
                    ),
                    Message::join(failing, "; ")
                ],
            )
        };
        (finding, periods)
    }

    /// The gap after `prev`: fine if `next` came by `due`, or if a cancellation the
    /// ToR accepts restarted the clock; judged only where its deadline falls in
    /// the year and has passed.
    fn chain_gap(
        &self,
        f: &Frequency,
        rule: &str,
        prev: NaiveDate,
        next: Option<NaiveDate>,
        due: NaiveDate,
    ) -> Option<PeriodAudit> {
        let months = match f.rule {
            FrequencyRule::EveryMonths { months } => months.max(1),
            _ => return None,
        };
        let (mut anchor, mut due) = (prev, due);
        let limit = next.unwrap_or(NaiveDate::MAX);
        // Bounded: each step moves the anchor to a later cancellation.
        for _ in 0..self.record.cancelled.len() + 1 {
            if limit <= due {
                return None;
            }
            let c = self
                .record
                .cancelled
                .iter()
                .find(|c| anchor < c.date && c.date <= due && Self::excused(f, c));
            match c {
                Some(c) => {
                    anchor = c.date;
                    due = add_months(c.date, months);
                }
                None => break,
            }
        }
        if !self.span.contains(due) || !self.over(due) || limit <= due {
            return None;
        }
        let end = next.unwrap_or(self.span.end).min(self.span.end);
        self.gap(f, rule, prev, end, due, msg!["the meeting of ", prev])
    }

    fn gap(
        &self,
        f: &Frequency,
        rule: &str,
        from: NaiveDate,
        until: NaiveDate,
        due: NaiveDate,
        after: Message,
    ) -> Option<PeriodAudit> {
        let cancelled: Vec<&CancelledMeeting> = self
            .record
            .cancelled
            .iter()
            .filter(|c| from < c.date && c.date < until)
            .collect();
        let next = if until >= self.span.end {
            "none in the year".into()
        } else {
            msg!["the next was on ", until]
        };
        Some(PeriodAudit {
            label: format!("{from} to {until}"),
            shape: PeriodShape::Gap,
            from,
            to: until,
            held: 0,
            excused: 0,
            status: FindingStatus::Fail,
            message: msg![
                "after ",
                after,
                " a meeting was due by ",
                due,
                format!(" ({rule}); "),
                next,
                Self::unexcused(f, &cancelled)
            ],
        })
    }

    // ---- the year as a whole -------------------------------------------------------

    fn public_meeting(&self) -> Finding {
        const R: &str = "public-meeting";
        let Some(pm) = &self.tor.public.meetings else {
            return Finding::not_stated(R, "rule on public meetings");
        };
        let needed = pm.at_least_per_year as usize;
        let mut counted = Vec::new();
        let mut short = Vec::new();
        for m in self.held().filter(|m| m.public) {
            let absent: Vec<&str> = match &pm.required_class {
                Some(class) => self
                    .tor
                    .members_on(m.date)
                    .filter(|mem| &mem.class == class && !self.represented(m, mem.id.as_str()))
                    .map(|mem| mem.id.as_str())
                    .collect(),
                None => Vec::new(),
            };
            if absent.is_empty() {
                counted.push(Message::from(m.date));
            } else {
                short.push(msg![m.date, format!(" ({} absent)", and_list(&absent))]);
            }
        }
        let class = pm
            .required_class
            .as_ref()
            .map(|c| {
                let name = self
                    .tor
                    .class(c)
                    .map_or_else(|| c.to_string(), |k| k.name.to_lowercase());
                format!(" with every {name} present")
            })
            .unwrap_or_default();
        let lacking = if short.is_empty() {
            Message::default()
        } else {
            msg!["; not counted: ", Message::join(short, ", ")]
        };
        let n = counted.len();
        if n >= needed {
            return Finding::pass(
                R,
                &pm.clause,
                msg![
                    format!(
                        "{} in {}{class}: ",
                        plural(n, "public meeting", "public meetings"),
                        self.span.label(),
                    ),
                    Message::and_list(counted),
                    lacking
                ],
            );
        }
        let message = msg![
            format!(
                "{n} of at least {needed} public meeting(s){class} in {}",
                self.span.label()
            ),
            if counted.is_empty() {
                Message::default()
            } else {
                msg![" (", Message::and_list(counted), ")"]
            },
            lacking
        ];
        if self.over(self.span.last()) {
            Finding::fail(R, &pm.clause, message)
        } else {
            Finding::skip(
                R,
                Some(&pm.clause),
                msg!["the year is not over: ", message, " so far"],
            )
        }
    }

    /// Whether `id` was at `m` in person or by a stand-in the ToR allows.
    fn represented(&self, m: &HeldMeeting, id: &str) -> bool {
        let d = self.tor.decisions.as_ref();
        m.present.iter().any(|p| p.as_str() == id)
            || (d.is_some_and(|d| d.substitutes.is_some())
                && m.substitutes.iter().any(|p| p.as_str() == id))
            || (d.is_some_and(|d| d.deputies.is_some())
                && m.deputies.iter().any(|p| p.as_str() == id))
    }

    fn standing_items(&self) -> Finding {
        const R: &str = "standing-items";
        let Some(si) = &self.tor.standing_items else {
            return Finding::not_stated(R, "standing agenda items");
        };
        let listed: Vec<&HeldMeeting> = self.held().filter(|m| !m.items.is_empty()).collect();
        if listed.is_empty() {
            return Finding::unjudged(
                R,
                Some(&si.clause),
                Fact::Items,
                format!("the record lists no agenda items in {}", self.span.label()),
            );
        }
        let on = |m: &HeldMeeting, item: &str| m.items.iter().any(|i| norm(i) == norm(item));
        let unlisted = self.held().count() - listed.len();
        let unlisted = if unlisted > 0 {
            format!(
                "; {} list no agenda",
                plural(unlisted, "meeting", "meetings")
            )
        } else {
            String::new()
        };
        if si.staggered {
            let missing: Vec<String> = si
                .items
                .iter()
                .filter(|item| !listed.iter().any(|m| on(m, item)))
                .map(|i| format!("\"{i}\""))
                .collect();
            if missing.is_empty() {
                return Finding::pass(
                    R,
                    &si.clause,
                    format!(
                        "each of the {} standing items was taken at least once in {}{unlisted}",
                        si.items.len(),
                        self.span.label()
                    ),
                );
            }
            let message = format!(
                "not taken in {}: {} (staggered: each at least once a year){unlisted}",
                self.span.label(),
                missing.join(", ")
            );
            return if self.over(self.span.last()) {
                Finding::fail(R, &si.clause, message)
            } else {
                Finding::warn(R, Some(&si.clause), format!("so far {message}"))
            };
        }
        let short: Vec<String> = listed
            .iter()
            .filter_map(|m| {
                let missing: Vec<String> = si
                    .items
                    .iter()
                    .filter(|i| !on(m, i))
                    .map(|i| format!("\"{i}\""))
                    .collect();
                (!missing.is_empty()).then(|| format!("{} lacked {}", m.date, missing.join(", ")))
            })
            .collect();
        if short.is_empty() {
            Finding::pass(
                R,
                &si.clause,
                format!("every listed agenda had every standing item{unlisted}"),
            )
        } else {
            Finding::fail(R, &si.clause, format!("{}{unlisted}", short.join("; ")))
        }
    }

    fn chair_election(&self) -> Finding {
        const R: &str = "chair-election";
        let Some(chair) = &self.tor.chair else {
            return Finding::not_stated(R, "rule on the chair");
        };
        let c = Some(&chair.clause);
        let any_items = self.held().any(|m| !m.items.is_empty());
        let elected: Vec<NaiveDate> = self
            .held()
            .filter(|m| m.items.iter().any(|i| is_election(i)))
            .map(|m| m.date)
            .collect();
        let hint = "record it as an agenda item such as \"Election of chair\"";
        match &chair.appointment {
            ChairAppointment::Named => {
                Finding::skip(R, c, "a named office holds the chair: no election")
            }
            ChairAppointment::Rotating { years, .. } => Finding::skip(
                R,
                c,
                format!(
                    "the chair rotates every {years} years; the record does not say who held it"
                ),
            ),
            ChairAppointment::ElectedAnnually => match (elected.first(), any_items) {
                (Some(d), _) => {
                    Finding::pass(R, &chair.clause, format!("the chair was elected on {d}"))
                }
                (None, false) => Finding::unjudged(
                    R,
                    c,
                    Fact::Items,
                    "the record lists no agenda items, so it cannot show the election",
                ),
                (None, true) if !self.over(self.span.last()) => {
                    Finding::skip(R, c, "no election of the chair recorded yet this year")
                }
                (None, true) => Finding::warn(
                    R,
                    c,
                    format!(
                        "no election of the chair is recorded in {} (elected annually); {hint}",
                        self.span.label()
                    ),
                ),
            },
            ChairAppointment::ElectedAtMayMeeting => {
                let may = self.span.periods(Period::Month).into_iter().find(|p| {
                    use chrono::Datelike;
                    p.start.month() == 5
                });
                let Some(may) = may else {
                    return Finding::skip(R, c, "the year holds no May");
                };
                let Some(meeting) = self.held().find(|m| may.contains(m.date)) else {
                    return if self.over(may.last()) {
                        Finding::fail(
                            R,
                            &chair.clause,
                            format!(
                                "no meeting in May {}: the chair is elected at the May meeting",
                                {
                                    use chrono::Datelike;
                                    may.start.year()
                                }
                            ),
                        )
                    } else {
                        Finding::skip(R, c, "May is not over yet")
                    };
                };
                if meeting.items.iter().any(|i| is_election(i)) {
                    return Finding::pass(
                        R,
                        &chair.clause,
                        format!(
                            "the chair was elected at the May meeting on {}",
                            meeting.date
                        ),
                    );
                }
                if meeting.items.is_empty() {
                    return Finding::unjudged(
                        R,
                        c,
                        Fact::Items,
                        format!(
                            "the agenda of the May meeting on {} is not recorded",
                            meeting.date
                        ),
                    );
                }
                match elected.first() {
                    Some(d) => Finding::fail(
                        R,
                        &chair.clause,
                        format!(
                            "the chair was elected on {d}, not at the May meeting on {}",
                            meeting.date
                        ),
                    ),
                    None => Finding::warn(
                        R,
                        c,
                        format!(
                            "the recorded agenda of the May meeting on {} has no election of the chair; {hint}",
                            meeting.date
                        ),
                    ),
                }
            }
        }
    }

    fn review(&self) -> Finding {
        const R: &str = "review";
        let Some(review) = &self.tor.review else {
            return Finding::not_stated(R, "review of the terms of reference");
        };
        let recorded: Vec<NaiveDate> = self
            .held()
            .filter(|m| m.items.iter().any(|i| is_review(i)))
            .map(|m| m.date)
            .collect();
        let Some(next) = review.next else {
            return match (review.annually, recorded.is_empty()) {
                (true, false) => Finding::pass(
                    R,
                    &review.clause,
                    msg![
                        "reviewed annually: a review is recorded on ",
                        Message::and_list(recorded.into_iter().map(Message::from).collect())
                    ],
                ),
                (true, true) => Finding::warn(
                    R,
                    Some(&review.clause),
                    format!(
                        "reviewed annually, but no review is recorded in {} and the ToR sets no review date",
                        self.span.label()
                    ),
                ),
                (false, _) => Finding::skip(R, Some(&review.clause), "the ToR sets no review date"),
            };
        };
        if next <= self.span.last() && next < self.as_of {
            let mut message = msg![
                "the review was due by ",
                next,
                format!(
                    ", before {} ended, and the ToR sets no later date",
                    self.span.label()
                )
            ];
            if !recorded.is_empty() {
                message = msg![
                    message,
                    "; a review is recorded on ",
                    Message::and_list(recorded.into_iter().map(Message::from).collect()),
                    ": set `review.next` in the ToR file"
                ];
            }
            return Finding::fail(R, &review.clause, message);
        }
        Finding::pass(
            R,
            &review.clause,
            if next <= self.span.last() {
                msg!["the next review is due by ", next]
            } else {
                msg![
                    "the next review is due by ",
                    next,
                    format!(", after {} ends", self.span.label())
                ]
            },
        )
    }
}

fn only_message(p: &PeriodAudit) -> Message {
    msg![format!("{}: ", p.label), p.message.clone()]
}

/// Noon on `day` in `tz`: the stand-in start of a meeting recorded by day only.
fn noon(tz: Tz, day: NaiveDate) -> DateTime<Tz> {
    let naive = day.and_time(NaiveTime::from_hms_opt(12, 0, 0).unwrap_or(NaiveTime::MIN));
    tz.from_local_datetime(&naive)
        .earliest()
        .unwrap_or_else(|| tz.from_utc_datetime(&naive))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn election_and_review_items() {
        assert!(is_election("Election of chair"));
        assert!(is_election("Elect the Chair and Vice-Chair"));
        assert!(!is_election("Chair's report"));
        assert!(is_review("Review of the terms of reference"));
        assert!(is_review("ToR review"));
        assert!(!is_review("Performance review"));
    }
}

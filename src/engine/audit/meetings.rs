//! Rules judged meeting by meeting, and their sum per clause.

use super::{Auditor, MeetingAudit, PER_MEETING};
use crate::calendar::{Convention, DateOrTime, minutes_due};
use crate::engine::Rule;
use crate::engine::deadlines::{deadlines, format_instant};
use crate::engine::meeting::{History, MeetingInput, check_meeting};
use crate::engine::record::{HeldMeeting, MeetingKind};
use crate::engine::{Fact, Finding, FindingStatus, Message, SkipReason};
use crate::msg;
use chrono::NaiveDate;

impl Auditor<'_> {
    // ---- one meeting ------------------------------------------------------------

    /// One held meeting, judged by the ToR in force on its day.
    pub(super) fn meeting(&self, m: &HeldMeeting) -> MeetingAudit {
        let version = self.tor.as_of(m.date);
        self.under(&version, self.phase).meeting_in_force(m)
    }

    fn meeting_in_force(&self, m: &HeldMeeting) -> MeetingAudit {
        let at = m.start;
        let input = MeetingInput::from(m);
        let report = check_meeting(self.tor, self.cal, &input, History::Nothing);
        // One notice rule judges a meeting: the urgent one for an extraordinary
        // meeting where the ToR has it, else the ordinary one.
        let urgent = input.extraordinary && self.tor.notice.extraordinary.is_some();
        let mut findings: Vec<Finding> = report
            .findings
            .into_iter()
            .filter(|f| PER_MEETING.contains(&f.rule))
            .filter(|f| match f.rule {
                Rule::Notice => !urgent,
                Rule::ExtraordinaryNotice => urgent,
                _ => true,
            })
            .collect();
        if m.at.is_none() {
            for f in &mut findings {
                let rule = match f.rule {
                    Rule::Notice => &self.tor.notice.agenda,
                    Rule::ExtraordinaryNotice => &self.tor.notice.extraordinary,
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
            start: m.at,
            kind: m.kind,
            public: m.public,
            circulated_at: m.circulated,
            circulated: m.circulated.map(|g| match g {
                DateOrTime::Date(d) => d.to_string(),
                DateOrTime::Instant(t) => format_instant(t),
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
            inquorate_from: report.inquorate_from,
        }
    }

    pub(super) fn minutes(&self, m: &HeldMeeting) -> Finding {
        const R: Rule = Rule::Minutes;
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

    /// The clause of the ToR's rule judged meeting by meeting as `rule`.
    fn clause_of(&self, rule: Rule) -> Option<&crate::model::Clause> {
        match rule {
            Rule::Notice => self.tor.notice.agenda.as_ref().map(|r| &r.clause),
            Rule::ExtraordinaryNotice => self.tor.notice.extraordinary.as_ref().map(|r| &r.clause),
            Rule::Quorum => self.tor.quorum.as_ref().map(|q| &q.clause),
            Rule::Chair => self.tor.chair.as_ref().map(|c| &c.clause),
            // check-meeting cites the public-meetings rule where no access rule is stated.
            Rule::PublicAccess => {
                let public = &self.tor.public;
                (public.access.as_ref().map(|a| &a.clause))
                    .or(public.meetings.as_ref().map(|p| &p.clause))
            }
            Rule::Minutes => self.tor.notice.minutes.as_ref().map(|r| &r.clause),
            _ => None,
        }
    }

    /// One finding for `rule` from the meetings' own findings: each meeting
    /// counts once, by its worst finding (an item's where an item fails).
    pub(super) fn sum_up(&self, rule: Rule, meetings: &[MeetingAudit]) -> Finding {
        let found = by_meeting(rule, meetings);
        let tor_clause = self.clause_of(rule);
        if found.is_empty() {
            return match (rule, tor_clause) {
                (Rule::ExtraordinaryNotice, None) => {
                    Finding::not_stated(rule, "notice rule for extraordinary meetings")
                }
                (Rule::ExtraordinaryNotice, clause) => Finding::skip(
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
                list.iter().map(|(d, f)| match &f.item {
                    Some(item) => msg![*d, format!(", from {item}: "), f.message.clone()],
                    None => msg![*d, ": ", f.message.clone()],
                }),
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
}

/// Each meeting's finding for `rule`, with its day: its worst, so a meeting
/// that lost its quorum at an item counts as failing it.
fn by_meeting(rule: Rule, meetings: &[MeetingAudit]) -> Vec<(NaiveDate, &Finding)> {
    meetings
        .iter()
        .filter_map(|m| {
            let worst = m
                .findings
                .iter()
                .filter(|f| f.rule == rule)
                .reduce(|a, b| if worse(b, a) { b } else { a })?;
            Some((m.date, worst))
        })
        .collect()
}

/// `a` says more is wrong than `b`: fail, then warn, then pass, then skip.
fn worse(a: &Finding, b: &Finding) -> bool {
    let rank = |f: &Finding| match f.status {
        FindingStatus::Skip => 0,
        FindingStatus::Pass => 1,
        FindingStatus::Warn => 2,
        FindingStatus::Fail => 3,
    };
    rank(a) > rank(b)
}

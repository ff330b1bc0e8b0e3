//! How often the body met: per period, every N months, and the longest gap.

use super::{Auditor, PeriodAudit, PeriodShape, only_message};
use crate::engine::Rule;
use crate::engine::cancellation::{chain, excused};
use crate::engine::period::{Span, add_months, gap_end, gap_too_long, gap_words, outside_window};
use crate::engine::record::{CancelledMeeting, MeetingKind};
use crate::engine::words::plural;
use crate::engine::{Finding, FindingStatus, Message};
use crate::model::{Frequency, FrequencyRule, Gap, Keyword, Period};
use crate::msg;
use chrono::NaiveDate;

impl<'a> Auditor<'a> {
    /// Whether `date` falls in the days whose frequency this auditor judges.
    pub(super) fn in_phase(&self, date: NaiveDate) -> bool {
        self.phase.0 <= date && date < self.phase.1
    }

    fn held_in_phase(&self) -> impl Iterator<Item = &'a crate::engine::record::HeldMeeting> + '_ {
        self.held().filter(|m| self.in_phase(m.date))
    }

    // ---- frequency --------------------------------------------------------------

    pub(super) fn frequency(&self) -> (Finding, Vec<PeriodAudit>) {
        const R: Rule = Rule::Frequency;
        let Some(f) = &self.tor.frequency else {
            return (Finding::not_stated(R, "meeting frequency"), Vec::new());
        };
        let (finding, periods) = match f.rule {
            FrequencyRule::EveryMonths { months } => self.every_months(f, months.max(1)),
            FrequencyRule::AtLeast { n, per } => self.per_period(f, n, per, false),
            FrequencyRule::Exactly { n, per } => self.per_period(f, n, per, true),
        };
        // A meeting outside the month window breaks the rule however many were
        // held; an extraordinary one is called outside the ordinary cycle.
        let mut outside: Vec<Message> = self
            .held()
            .filter(|m| {
                self.in_phase(m.date)
                    && m.kind != MeetingKind::Extraordinary
                    && !f.in_window(m.date)
            })
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
    pub(super) fn long_gaps(&self, gap: Gap) -> Vec<Message> {
        let mut dates: Vec<NaiveDate> = self.record.meetings.iter().map(|m| m.date).collect();
        dates.sort_unstable();
        dates.dedup();
        let mut out: Vec<Message> = dates
            .windows(2)
            .filter(|w| self.in_phase(w[1]))
            .filter_map(|w| gap_too_long(gap, w[0], w[1]))
            .collect();
        let last = dates.iter().rev().find(|d| **d < self.phase.1);
        if let Some(&last) = last {
            let end = gap_end(gap, last);
            if self.in_phase(end) && self.over(end) {
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

    pub(super) fn per_period(
        &self,
        f: &Frequency,
        n: u32,
        per: Period,
        exact: bool,
    ) -> (Finding, Vec<PeriodAudit>) {
        let rule = if exact {
            format!("{n} a {}", per.as_str())
        } else {
            format!("at least {n} a {}", per.as_str())
        };
        let needed = n as usize;
        // A period is judged by the version in force on its last day (of the
        // year, for a week that runs into the next): the rule it ends under.
        let periods: Vec<PeriodAudit> = self
            .span
            .periods(per)
            .into_iter()
            .filter(|p| self.in_phase(p.last().min(self.span.last())))
            .map(|p| self.judge_period(f, &p, &rule, needed, exact))
            .collect();
        (self.periods_finding(f, per, &rule, &periods), periods)
    }

    /// One calendar period: its meetings (and excused cancellations) against
    /// the `needed` count, or exactly that many where the ToR says `exact`.
    fn judge_period(
        &self,
        f: &Frequency,
        p: &Span,
        rule: &str,
        needed: usize,
        exact: bool,
    ) -> PeriodAudit {
        let held: Vec<NaiveDate> = self
            .record
            .meetings
            .iter()
            // Exactly N sets the ordinary cycle, which extraordinary
            // meetings do not use up; at least N counts every meeting held.
            .filter(|m| p.contains(m.date) && !(exact && m.kind == MeetingKind::Extraordinary))
            .map(|m| m.date)
            .collect();
        let cancelled: Vec<&CancelledMeeting> = self
            .record
            .cancelled
            .iter()
            .filter(|c| p.contains(c.date))
            .collect();
        let excused = cancelled.iter().filter(|c| excused(f, c)).count();
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
        let (status, message): (_, Message) = if self.tor.adopted.is_some_and(|a| p.last() < a) {
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
        PeriodAudit {
            label: p.label(),
            shape: PeriodShape::Calendar,
            from: p.start,
            to: p.last(),
            held: held.len(),
            excused,
            status,
            message,
            phase: None,
        }
    }

    /// The frequency finding over the judged periods: the failing ones named,
    /// or why none could be judged, or a pass.
    fn periods_finding(
        &self,
        f: &Frequency,
        per: Period,
        rule: &str,
        periods: &[PeriodAudit],
    ) -> Finding {
        const R: Rule = Rule::Frequency;
        let failing: Vec<Message> = periods
            .iter()
            .filter(|p| p.status == FindingStatus::Fail)
            .map(only_message)
            .collect();
        let judged = periods
            .iter()
            .filter(|p| p.status != FindingStatus::Skip)
            .count();
        if let ([_], [only]) = (failing.as_slice(), periods) {
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
        } else if periods.is_empty() && self.phase != (self.span.start, self.span.end) {
            // A version in force for part of the year, in which no period ends.
            Finding::skip(
                R,
                Some(&f.clause),
                format!(
                    "no {} ends under this version; the next version judges it",
                    per.as_str()
                ),
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
        } else if let [only] = periods {
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
        }
    }

    /// Every gap between meetings, from the last one before the year to the first
    /// after it, checked against "every N months", cancellations allowing.
    pub(super) fn every_months(&self, f: &Frequency, months: u32) -> (Finding, Vec<PeriodAudit>) {
        const R: Rule = Rule::Frequency;
        let rule = format!("every {months} months");
        let (start, end) = self.phase;
        let before = self.record.previous(start).map(|m| m.date);
        let after = self
            .record
            .meetings
            .iter()
            .find(|m| m.date >= end)
            .map(|m| m.date);
        let mut chain: Vec<Option<NaiveDate>> = vec![before];
        chain.extend(self.held_in_phase().map(|m| Some(m.date)));
        chain.push(after);
        let mut periods = Vec::new();
        for pair in chain.windows(2) {
            let (prev, next) = (pair[0], pair[1]);
            let gap = match prev {
                // Without an earlier meeting on record, the year's start is the
                // latest the previous meeting can have been.
                None => {
                    let Some(next) = next else { continue };
                    let due = add_months(start, months);
                    if next <= due {
                        continue;
                    }
                    let after = if start == self.span.start {
                        "the start of the year".into()
                    } else {
                        msg!["the rule took effect on ", start]
                    };
                    Some(self.gap(f, &rule, start, next, due, after))
                }
                Some(prev) => self.chain_gap(f, &rule, months, prev, next),
            };
            periods.extend(gap);
        }
        let held = self.held_in_phase().count();
        let last = end.pred_opt().unwrap_or(end);
        if held == 0 && !periods.iter().any(|p| p.status == FindingStatus::Fail) {
            let status = if self.over(last) {
                FindingStatus::Fail
            } else {
                FindingStatus::Skip
            };
            periods.push(PeriodAudit {
                label: if (start, end) == (self.span.start, self.span.end) {
                    self.span.label()
                } else {
                    format!("{start} to {last}")
                },
                shape: PeriodShape::Calendar,
                from: start,
                to: last,
                held: 0,
                excused: 0,
                status,
                message: format!("no meeting recorded ({rule})").into(),
                phase: None,
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

    /// The gap after `prev`: fine if `next` came within `months` months, or if a
    /// cancellation the ToR accepts restarted the clock; judged only where its
    /// deadline falls in the year and has passed.
    pub(super) fn chain_gap(
        &self,
        f: &Frequency,
        rule: &str,
        months: u32,
        prev: NaiveDate,
        next: Option<NaiveDate>,
    ) -> Option<PeriodAudit> {
        let limit = next.unwrap_or(NaiveDate::MAX);
        let due = chain(prev, months, limit, &self.record.cancelled, |c| {
            excused(f, c)
        })
        .due;
        // A version that took effect within the year cannot make a meeting
        // late before it did: for a meeting before it, its interval runs from
        // its first day (the version before judged the days up to then).
        let due = if prev < self.phase.0 && self.phase.0 > self.span.start {
            due.max(add_months(self.phase.0, months))
        } else {
            due
        };
        if !self.in_phase(due) || !self.over(due) || limit <= due {
            return None;
        }
        let end = next.unwrap_or(self.span.end).min(self.span.end);
        Some(self.gap(f, rule, prev, end, due, msg!["the meeting of ", prev]))
    }

    pub(super) fn gap(
        &self,
        f: &Frequency,
        rule: &str,
        from: NaiveDate,
        until: NaiveDate,
        due: NaiveDate,
        after: Message,
    ) -> PeriodAudit {
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
        PeriodAudit {
            label: format!("{from} to {until}"),
            shape: PeriodShape::Gap,
            from,
            to: until,
            held: 0,
            excused: 0,
            status: FindingStatus::Fail,
            phase: None,
            message: msg![
                "after ",
                after,
                " a meeting was due by ",
                due,
                format!(" ({rule}); "),
                next,
                Self::unexcused(f, &cancelled)
            ],
        }
    }
}

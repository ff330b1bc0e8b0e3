//! Frequency: meetings often enough, judged against the history.

use crate::engine::words::and_list;
use crate::model::Keyword;

use super::{Ctx, Past};
use crate::engine::Rule;
use crate::engine::cancellation::{Chain, chain, excused, unexcused_note};
use crate::engine::period::{Span, gap_too_long, outside_window};
use crate::engine::record::{CancelledMeeting, MeetingKind};
use crate::engine::{Fact, Finding, Message};
use crate::model::{Frequency, FrequencyRule, Period};
use crate::msg;
use chrono::NaiveDate;

impl Ctx<'_> {
    pub(super) fn frequency(&self) -> Finding {
        const R: Rule = Rule::Frequency;
        let Some(f) = &self.tor.frequency else {
            return Finding::not_stated(R, "meeting frequency");
        };
        // The months and days of the week set the ordinary cycle; an
        // extraordinary meeting is called outside it when needed.
        if !self.m.extraordinary && !f.in_window(self.date) {
            return Finding::fail(R, &f.clause, outside_window(f, self.date));
        }
        let Some(past) = self.past() else {
            return Finding::unjudged(
                R,
                Some(&f.clause),
                Fact::History,
                "needs the record of meetings, or the previous meeting's date",
            );
        };
        let too_long = f
            .max_gap
            .zip(past.dates.last())
            .and_then(|(gap, &prev)| gap_too_long(gap, prev, self.date));
        if let Some(message) = too_long {
            return Finding::fail(R, &f.clause, message);
        }
        match f.rule {
            FrequencyRule::EveryMonths { months } => self.every_months(f, months, &past),
            FrequencyRule::AtLeast { n, per } => self.at_least(f, n, per, &past),
            FrequencyRule::Exactly { n, per } => self.exactly(f, n, per, &past),
        }
    }

    pub(super) fn every_months(&self, f: &Frequency, months: u32, past: &Past) -> Finding {
        const R: Rule = Rule::Frequency;
        let Some(&prev) = past.dates.last() else {
            return Finding::skip(
                R,
                Some(&f.clause),
                "the record holds no meeting before this one",
            );
        };
        let cancelled: &[CancelledMeeting] = past.record.map_or(&[], |r| &r.cancelled);
        // Each cancelled meeting that was due restarts the clock from its day;
        // whether the ToR accepts it is judged after.
        let Chain { due, used } = chain(prev, months, self.date, cancelled, |_| true);
        let gap = format!("every {months} months");
        if self.date > due {
            let mut message = msg![
                "too late: the previous meeting was on ",
                prev,
                format!(" and meetings are {gap}, so the next was due by "),
                due
            ];
            if !used.is_empty() {
                message = message
                    .then(" even counting the cancelled meeting(s) of ")
                    .then(dates(used.iter().map(|c| c.date)));
            }
            return Finding::fail(R, &f.clause, message);
        }
        if used.is_empty() {
            return Finding::pass(
                R,
                &f.clause,
                msg![
                    "held by ",
                    due,
                    format!(", within {months} months of the previous meeting on "),
                    prev
                ],
            );
        }
        let days: Vec<Message> = used.iter().map(|c| c.date.into()).collect();
        let late = msg![
            format!("more than {months} months after the previous meeting on "),
            prev
        ];
        match &f.cancellation {
            None => Finding::fail(R, &f.clause, late.then(unexcused_note(f, days, false))),
            Some(rule) if used.iter().any(|c| !excused(f, c)) => {
                Finding::fail(R, &rule.clause, late.then(unexcused_note(f, days, false)))
            }
            Some(rule) => Finding::pass(
                R,
                &rule.clause,
                msg![
                    late,
                    ", but the meeting(s) of ",
                    Message::and_list(days),
                    " were cancelled",
                    if rule.consult_members {
                        " after consulting members"
                    } else {
                        ""
                    },
                    "; the next was then due by ",
                    due
                ],
            ),
        }
    }

    pub(super) fn at_least(&self, f: &Frequency, n: u32, per: Period, past: &Past) -> Finding {
        const R: Rule = Rule::Frequency;
        let Some(&prev) = past.dates.last() else {
            return Finding::skip(
                R,
                Some(&f.clause),
                "the record holds no meeting before this one",
            );
        };
        let ys = self.year_starts();
        let this = Span::of(per, ys, self.date);
        let mut p = Span::of(per, ys, prev);
        // With only a date, how many met in its own period is unknown: start after it.
        if past.record.is_none() {
            p = p.next();
        }
        let cancelled: &[CancelledMeeting] = past.record.map_or(&[], |r| &r.cancelled);
        let needed = n as usize;
        let mut short = Vec::new();
        let mut short_count = 0usize;
        let mut any_excused = false;
        let mut unconsulted = Vec::new();
        // Bounded: a ToR year range is small, but input dates need not be.
        for _ in 0..100_000 {
            if p.start >= this.start {
                break;
            }
            let held = past.dates.iter().filter(|d| p.contains(**d)).count();
            let in_p: Vec<&CancelledMeeting> =
                cancelled.iter().filter(|c| p.contains(c.date)).collect();
            let ok = in_p.iter().filter(|c| excused(f, c)).count();
            if held + ok < needed {
                short_count += 1;
                if short.len() < 6 {
                    short.push(if needed == 1 {
                        p.label()
                    } else {
                        format!("{} ({held} held)", p.label())
                    });
                }
                unconsulted.extend(
                    in_p.iter()
                        .filter(|c| !excused(f, c))
                        .map(|c| Message::from(c.date)),
                );
            } else if held < needed {
                any_excused = true;
            }
            p = p.next();
        }
        let rule = format!("at least {n} a {}", per.as_str());
        if short_count > 0 {
            let more = short_count - short.len();
            let mut list = and_list(&short);
            if more > 0 {
                list.push_str(&format!(" and {more} more"));
            }
            let mut message = if needed == 1 {
                msg![
                    format!("no meeting in {list} since the previous meeting on "),
                    prev,
                    format!(" ({rule})")
                ]
            } else {
                format!("too few meetings in {list} ({rule})").into()
            };
            if !unconsulted.is_empty() {
                message = message.then(unexcused_note(f, unconsulted, false));
                if let Some(rule) = &f.cancellation {
                    return Finding::fail(R, &rule.clause, message);
                }
            }
            return Finding::fail(R, &f.clause, message);
        }
        let so_far = past.dates.iter().filter(|d| this.contains(**d)).count() + 1;
        let message = msg![
            format!(
                "{rule}: every {} since the previous meeting on ",
                per.as_str()
            ),
            prev,
            format!(
                " had its meeting(s); {so_far} in {} with this one",
                this.label()
            )
        ];
        match (&f.cancellation, any_excused) {
            (Some(c), true) => Finding::pass(
                R,
                &c.clause,
                format!("{message} (counting meetings cancelled as the ToR allows)"),
            ),
            _ => Finding::pass(R, &f.clause, message),
        }
    }

    pub(super) fn exactly(&self, f: &Frequency, n: u32, per: Period, past: &Past) -> Finding {
        const R: Rule = Rule::Frequency;
        let this = Span::of(per, self.year_starts(), self.date);
        let per = per.as_str();
        let Some(record) = past.record else {
            return Finding::unjudged(
                R,
                Some(&f.clause),
                Fact::History,
                format!("counting this {per}'s meetings needs the record of meetings"),
            );
        };
        // "N a year" sets the ordinary cycle: extraordinary meetings are
        // called beside it and do not use up its N.
        let ordinary = record
            .before(self.date)
            .filter(|m| this.contains(m.date) && m.kind != MeetingKind::Extraordinary)
            .count();
        if self.m.extraordinary {
            return Finding::pass(
                R,
                &f.clause,
                format!(
                    "an extraordinary meeting, beside the {n} ordinary a {per} ({ordinary} held in {})",
                    this.label()
                ),
            );
        }
        let k = ordinary + 1;
        if k > n as usize {
            Finding::fail(
                R,
                &f.clause,
                format!(
                    "this would be meeting {k} in {}: the ToR sets {n} a {per}",
                    this.label()
                ),
            )
        } else {
            Finding::pass(
                R,
                &f.clause,
                format!("{k} of {n} this {per} ({})", this.label()),
            )
        }
    }
}

/// Days as a list in words, each kept a date.
fn dates(days: impl IntoIterator<Item = NaiveDate>) -> Message {
    Message::and_list(days.into_iter().map(Message::from).collect())
}

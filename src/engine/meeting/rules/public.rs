//! Public access and public meetings.

use crate::engine::words::{and_list, plural};
use chrono::NaiveDate;

use super::Ctx;
use crate::engine::Rule;
use crate::engine::period::Span;
use crate::engine::public_meeting::{Shortfall, held_shortfalls, shortfalls};
use crate::engine::{Fact, Finding, FindingStatus};
use crate::model::{AccessMode, Period, PublicMeetings};

impl Ctx<'_> {
    pub(super) fn public_access(&self) -> Finding {
        const R: Rule = Rule::PublicAccess;
        let p = &self.tor.public;
        match (self.m.public, &p.access, &p.meetings) {
            (Some(false), Some(a), _) => match a.mode {
                AccessMode::Closed => {
                    Finding::pass(R, &a.clause, "held in private, as the ToR requires")
                }
                AccessMode::Open => Finding::fail(
                    R,
                    &a.clause,
                    "held in private, but the ToR opens meetings to the public",
                ),
                AccessMode::OpenExceptRestricted => Finding::new(
                    R,
                    Some(&a.clause),
                    FindingStatus::Warn,
                    "held in private, but the ToR opens meetings to the public except for \
                     restricted items: only those may be taken in private",
                ),
            },
            (Some(false), None, Some(pm)) => Finding::pass(
                R,
                &pm.clause,
                format!(
                    "held in private; the ToR asks for at least {} public meeting(s) a year",
                    pm.at_least_per_year
                ),
            ),
            (Some(true), Some(a), _) => match a.mode {
                AccessMode::Closed => Finding::fail(
                    R,
                    &a.clause,
                    "a public meeting, but the ToR closes meetings to the public",
                ),
                AccessMode::Open => Finding::pass(R, &a.clause, "meetings are open to the public"),
                AccessMode::OpenExceptRestricted => Finding::pass(
                    R,
                    &a.clause,
                    "meetings are open to the public except for restricted items",
                ),
            },
            (Some(true), None, Some(pm)) => Finding::pass(
                R,
                &pm.clause,
                format!(
                    "the ToR provides for public meetings (at least {} a year)",
                    pm.at_least_per_year
                ),
            ),
            (None, Some(a), _) => Finding::pass(
                R,
                &a.clause,
                match a.mode {
                    AccessMode::Closed => "not a public meeting, as the ToR requires",
                    _ => "not stated to be a public meeting; the ToR allows the public in",
                },
            ),
            (None, None, Some(pm)) => Finding::pass(
                R,
                &pm.clause,
                format!(
                    "not a public meeting; the ToR asks for at least {} public meeting(s) a year",
                    pm.at_least_per_year
                ),
            ),
            (_, None, None) => Finding::not_stated(R, "rule on public access"),
        }
    }

    pub(super) fn public_meeting(&self) -> Finding {
        const R: Rule = Rule::PublicMeeting;
        let Some(pm) = &self.tor.public.meetings else {
            return Finding::not_stated(R, "rule on public meetings");
        };
        let clause = Some(&pm.clause);
        let year = Span::of(Period::Year, self.year_starts(), self.date);
        // The year's earlier public meetings, judged as `audit` judges them:
        // those the ToR would not count are named, not counted.
        let mut uncounted: Vec<String> = Vec::new();
        let held: Option<Vec<NaiveDate>> = self.record().map(|r| {
            r.before(self.date)
                .filter(|m| m.public && year.contains(m.date))
                .filter(|m| {
                    let short = held_shortfalls(self.tor, pm, m);
                    if !short.is_empty() {
                        let why: Vec<String> = short.iter().map(Shortfall::describe).collect();
                        uncounted.push(format!("{} ({})", m.date, why.join("; ")));
                    }
                    short.is_empty()
                })
                .map(|m| m.date)
                .collect()
        });
        let not_counted = if uncounted.is_empty() {
            String::new()
        } else {
            format!("; not counted: {}", uncounted.join(", "))
        };
        let needed = pm.at_least_per_year as usize;
        if self.m.public == Some(true) {
            return self.this_public_meeting(pm, held.as_deref(), &year, &not_counted);
        }
        match held {
            None => Finding::unjudged(
                R,
                clause,
                Fact::History,
                "not a public meeting; whether the year has had its public meeting needs the record of meetings",
            ),
            Some(held) if held.len() >= needed => {
                let days: Vec<String> = held.iter().map(ToString::to_string).collect();
                Finding::pass(
                    R,
                    &pm.clause,
                    format!(
                        "{} already held in {}: {}{not_counted}",
                        plural(held.len(), "public meeting", "public meetings"),
                        year.label(),
                        and_list(&days)
                    ),
                )
            }
            Some(held) => Finding::warn(
                R,
                clause,
                format!(
                    "{} of at least {needed} public meeting(s) held so far in {}; still needed by {}{not_counted}",
                    held.len(),
                    year.label(),
                    year.end.pred_opt().unwrap_or(year.end)
                ),
            ),
        }
    }

    /// The meeting being checked is public: it is the yearly public meeting
    /// only with the members and the joint body the ToR asks for.
    fn this_public_meeting(
        &self,
        pm: &PublicMeetings,
        held: Option<&[NaiveDate]>,
        year: &Span,
        not_counted: &str,
    ) -> Finding {
        const R: Rule = Rule::PublicMeeting;
        if let Some(class) = &pm.required_class
            && !self.m.attendance.is_given()
        {
            return Finding::unjudged(
                R,
                Some(&pm.clause),
                Fact::Attendance,
                format!(
                    "a public meeting, but who attended was not given: every {class} member must be present"
                ),
            );
        }
        let short = shortfalls(self.tor, pm, self.date, &self.m.joint_with, |m| {
            self.represented(m)
        });
        if !short.is_empty() {
            let why: Vec<String> = short
                .iter()
                .map(|s| match s {
                    Shortfall::Absent { class, .. } => format!(
                        "a public meeting without every {class} member present: {}",
                        s.describe()
                    ),
                    Shortfall::NotJoint { .. } => format!(
                        "a public meeting {}, so not the yearly public meeting the ToR asks for (`joint_with` in a meeting file, `--joint-with` on the command line)",
                        s.describe()
                    ),
                })
                .collect();
            return Finding::fail(R, &pm.clause, why.join("; "));
        }
        let mut message = "a public meeting".to_owned();
        if let Some(class) = &pm.required_class {
            message.push_str(&format!(" with every {class} member present"));
        }
        if let Some(with) = &pm.joint_with {
            message.push_str(&format!(", held jointly with the {with}"));
        }
        if let Some(held) = held {
            message.push_str(&format!(
                "; public meeting {} of at least {} in {}{not_counted}",
                held.len() + 1,
                pm.at_least_per_year,
                year.label()
            ));
        }
        Finding::pass(R, &pm.clause, message)
    }
}

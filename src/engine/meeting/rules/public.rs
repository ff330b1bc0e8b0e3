//! Public access and public meetings.

use crate::engine::words::{and_list, plural};
use chrono::NaiveDate;

use super::Ctx;
use crate::engine::Rule;
use crate::engine::period::Span;
use crate::engine::{Fact, Finding, FindingStatus};
use crate::model::{AccessMode, Period};

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
        let held: Option<Vec<NaiveDate>> = self.record().map(|r| {
            r.before(self.date)
                .filter(|m| m.public && year.contains(m.date))
                .map(|m| m.date)
                .collect()
        });
        let needed = pm.at_least_per_year as usize;
        if self.m.public == Some(true) {
            let mut message = "a public meeting".to_owned();
            if let Some(class) = &pm.required_class {
                if !self.m.attendance.is_given() {
                    return Finding::unjudged(
                        R,
                        clause,
                        Fact::Attendance,
                        format!(
                            "a public meeting, but who attended was not given: every {class} member must be present"
                        ),
                    );
                }
                let absent: Vec<&str> = self
                    .tor
                    .members_on(self.date)
                    .filter(|m| &m.class == class && !self.represented(m))
                    .map(|m| m.id.as_str())
                    .collect();
                if !absent.is_empty() {
                    return Finding::fail(
                        R,
                        &pm.clause,
                        format!(
                            "a public meeting without every {class} member present: {} absent",
                            and_list(&absent)
                        ),
                    );
                }
                message.push_str(&format!(" with every {class} member present"));
            }
            if let Some(held) = &held {
                message.push_str(&format!(
                    "; public meeting {} of at least {needed} in {}",
                    held.len() + 1,
                    year.label()
                ));
            }
            return Finding::pass(R, &pm.clause, message);
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
                        "{} already held in {}: {}",
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
                    "{} of at least {needed} public meeting(s) held so far in {}; still needed by {}",
                    held.len(),
                    year.label(),
                    year.end.pred_opt().unwrap_or(year.end)
                ),
            ),
        }
    }
}

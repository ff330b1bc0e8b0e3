//! A body's life: its ToR is in force from `adopted` until the day a successor
//! took over (or the body was abolished). A rename changes only the name.
//!
//! `check-meeting` and `tally` open with the `in-force` finding; `deadlines`
//! and `show --as-of` say the same.

use chrono::NaiveDate;
use serde::Serialize;

use super::Finding;
use crate::model::{HistoryEvent, HistoryKind, Tor};
use crate::msg;

/// The body's state on a date.
#[derive(Debug, Clone, Copy, Serialize)]
#[serde(tag = "state", rename_all = "kebab-case")]
pub enum Life<'a> {
    /// Its ToR is in force, under the name it had that day.
    InForce { name: &'a str },
    /// The ToR had not yet been adopted.
    NotYetAdopted { adopted: NaiveDate },
    /// A successor took over (or the body was abolished) on `event.date`.
    Ended { event: &'a HistoryEvent },
}

impl Life<'_> {
    pub fn in_force(&self) -> bool {
        matches!(self, Self::InForce { .. })
    }
}

/// The event that ended the body, if its history records one.
pub fn ending(tor: &Tor) -> Option<&HistoryEvent> {
    tor.history
        .iter()
        .filter(|h| h.event.ends_the_body())
        .min_by_key(|h| h.date)
}

/// The body's state on `date`.
pub fn life_on(tor: &Tor, date: NaiveDate) -> Life<'_> {
    if let Some(adopted) = tor.adopted.filter(|a| date < *a) {
        return Life::NotYetAdopted { adopted };
    }
    match ending(tor) {
        Some(event) if event.date <= date => Life::Ended { event },
        _ => Life::InForce {
            name: tor.name_on(date),
        },
    }
}

/// The `in-force` finding for a meeting or vote on `date`.
pub fn in_force(tor: &Tor, date: NaiveDate) -> Finding {
    const RULE: super::Rule = super::Rule::InForce;
    match life_on(tor, date) {
        Life::NotYetAdopted { adopted } => Finding::new(
            RULE,
            None,
            super::FindingStatus::Fail,
            msg![
                "the ToR was adopted on ",
                adopted,
                ": it was not in force on ",
                date
            ],
        ),
        Life::Ended { event } => {
            let what = match event.event {
                HistoryKind::Abolished => msg!["the body was abolished on ", event.date],
                _ => msg![
                    "the body was succeeded by the ",
                    event.name.as_str(),
                    " on ",
                    event.date
                ],
            };
            let source = event
                .source
                .as_deref()
                .map(|s| format!(" ({s})"))
                .unwrap_or_default();
            Finding::new(
                RULE,
                None,
                super::FindingStatus::Fail,
                what.then(source)
                    .then(": its ToR was not in force on ")
                    .then(date),
            )
        }
        Life::InForce { name } => {
            let mut m = msg!["in force on ", date];
            if let Some(adopted) = tor.adopted {
                m = m.then(" (adopted ").then(adopted).then(")");
            }
            if let Some(rename) = tor
                .history
                .iter()
                .filter(|h| h.event == HistoryKind::Renamed && h.date <= date)
                .max_by_key(|h| h.date)
            {
                m = m
                    .then(", as the ")
                    .then(name)
                    .then(" (renamed ")
                    .then(rename.date)
                    .then("; the rules are unchanged)");
            }
            Finding::new(RULE, None, super::FindingStatus::Pass, m)
        }
    }
}

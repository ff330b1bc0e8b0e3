//! One version of the frequency rule within a year that an amendment splits:
//! `audit` judges, and `schedule` plans, each phase by its own version.

use chrono::NaiveDate;
use serde::Serialize;

use crate::engine::Message;
use crate::engine::period::rule_words;
use crate::model::{Amendment, Clause, Phase, Tor};
use crate::msg;

/// One version of the frequency rule within a year (of an audit or a plan).
#[derive(Debug, Clone, Serialize)]
pub struct FrequencyPhase {
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// The rule in words; null where this version states none.
    pub rule: Option<String>,
    pub clause: Option<Clause>,
    /// The amendment that began the phase; null for the version the year
    /// began with.
    pub amendment: Option<Amendment>,
}

impl FrequencyPhase {
    /// "until 31 March 2021" or "from 1 April 2021 (amended, clause 9,
    /// minute 12/22)", for messages.
    pub fn words(&self) -> Message {
        match &self.amendment {
            None => msg!["until ", self.to],
            Some(a) => {
                let minute = a
                    .minute
                    .as_ref()
                    .map(|m| format!(", {m}"))
                    .unwrap_or_default();
                msg![
                    "from ",
                    self.from,
                    format!(" (amended, clause {}{minute})", a.clause)
                ]
            }
        }
    }
}

impl FrequencyPhase {
    /// "at least 1 a quarter (clause 9)", or that the version states none.
    pub fn summary(&self) -> String {
        match (&self.rule, &self.clause) {
            (Some(rule), Some(clause)) => format!("{rule} (clause {clause})"),
            (Some(rule), None) => rule.clone(),
            (None, _) => "no frequency rule in force".to_owned(),
        }
    }
}

impl FrequencyPhase {
    /// The phase `phase` of `version`, the ToR in force on its first day.
    pub fn of(version: &Tor, phase: &Phase<'_>) -> Self {
        let f = version.frequency.as_ref();
        Self {
            from: phase.from,
            to: phase.last(),
            rule: f.map(rule_words),
            clause: f.map(|f| f.clause.clone()),
            amendment: phase.amendment.cloned(),
        }
    }
}

//! Findings: one rule's verdict with the clause that decides it.

use serde::Serialize;

use crate::diag::nearest;
use crate::model::{Clause, MemberId, Tor};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FindingStatus {
    Pass,
    Fail,
    /// Not a breach, but worth a look.
    Warn,
    /// The ToR has no such rule, or the input does not say enough to judge.
    Skip,
}

/// A rule's verdict. `rule` names are fixed by SPEC §6.
#[derive(Debug, Clone, Serialize)]
pub struct Finding {
    pub rule: &'static str,
    pub clause: Option<Clause>,
    pub status: FindingStatus,
    pub message: String,
}

impl Finding {
    pub fn new(
        rule: &'static str,
        clause: Option<&Clause>,
        status: FindingStatus,
        message: impl Into<String>,
    ) -> Self {
        Self {
            rule,
            clause: clause.cloned(),
            status,
            message: message.into(),
        }
    }

    pub fn pass(rule: &'static str, clause: &Clause, message: impl Into<String>) -> Self {
        Self::new(rule, Some(clause), FindingStatus::Pass, message)
    }

    pub fn fail(rule: &'static str, clause: &Clause, message: impl Into<String>) -> Self {
        Self::new(rule, Some(clause), FindingStatus::Fail, message)
    }

    pub fn skip(rule: &'static str, clause: Option<&Clause>, message: impl Into<String>) -> Self {
        Self::new(rule, clause, FindingStatus::Skip, message)
    }

    pub fn warn(rule: &'static str, clause: Option<&Clause>, message: impl Into<String>) -> Self {
        Self::new(rule, clause, FindingStatus::Warn, message)
    }

    /// The ToR states no such rule.
    pub fn not_stated(rule: &'static str, what: &str) -> Self {
        Self::new(
            rule,
            None,
            FindingStatus::Skip,
            format!("the ToR states no {what}"),
        )
    }

    pub fn failed(&self) -> bool {
        self.status == FindingStatus::Fail
    }
}

/// Input that cannot be checked at all (exit 2).
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    #[error("`{id}` is not a member of {partnership}{}", suggestion.as_ref().map(|s| format!(": did you mean `{s}`?")).unwrap_or_default())]
    UnknownMember {
        id: String,
        partnership: String,
        suggestion: Option<String>,
    },
    #[error("`{org}` is named twice in contradiction: {first} and {second}")]
    Contradiction {
        org: String,
        first: String,
        second: String,
    },
    #[error("{0}")]
    Invalid(String),
}

/// The member a user typed, or an error suggesting the nearest id.
pub fn resolve_member(tor: &Tor, id: &str) -> Result<MemberId, InputError> {
    let id = id.trim();
    match tor.member(id) {
        Some(m) => Ok(m.id.clone()),
        None if id.is_empty() => Err(InputError::Invalid(format!(
            "an empty member id: name a member of {}",
            tor.id
        ))),
        None => Err(InputError::UnknownMember {
            id: id.to_owned(),
            partnership: tor.id.to_string(),
            suggestion: nearest(id, tor.members.iter().map(|m| m.id.as_str())).map(str::to_owned),
        }),
    }
}

//! Findings: one rule's verdict with the clause that decides it.

use serde::Serialize;

use super::{Message, Rule};
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

/// Why a rule was not judged. `unchecked` and `--strict` count only the rules
/// the ToR states that the input left open, so a `skip` must say which it is;
/// the message is for people and is never matched on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SkipReason {
    /// The ToR states no such rule.
    NotStated,
    /// The ToR states it, but it does not bear on this case (an ordinary
    /// meeting and the extraordinary notice rule; a period not over yet).
    NotApplicable,
    /// The ToR states it and it applies, but the input does not say enough:
    /// this fact would let it be judged.
    Unjudged(Fact),
}

/// A fact of a meeting or vote that the input may leave out. The command line
/// names the flag or record key that gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Fact {
    /// When the agenda and papers (or notice) went out.
    Circulated,
    /// The start time, where the input gives only the day.
    StartTime,
    /// Who attended (in person or by a stand-in).
    Attendance,
    /// Who chaired.
    Chair,
    /// The agenda items.
    Items,
    /// Earlier meetings: the record, or the previous meeting's date.
    History,
    /// When the minutes went out.
    Minutes,
}

/// A rule's verdict. `rule` names are fixed by SPEC §6.
#[derive(Debug, Clone, Serialize)]
pub struct Finding {
    pub rule: Rule,
    pub clause: Option<Clause>,
    pub status: FindingStatus,
    pub message: Message,
    /// Set exactly when `status` is `skip`; not in JSON (SPEC §6 fixes the
    /// finding's fields), which lists the rules left open as `unchecked`.
    #[serde(skip)]
    pub skipped: Option<SkipReason>,
    /// The agenda item a per-item finding judges (SPEC §5a); in JSON its title.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub item: Option<ItemRef>,
}

/// An agenda item by its place on the agenda (from 1) and its title.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(into = "String")]
pub struct ItemRef {
    pub number: usize,
    pub title: String,
}

impl From<ItemRef> for String {
    fn from(i: ItemRef) -> Self {
        i.title
    }
}

impl std::fmt::Display for ItemRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "item {} \"{}\"", self.number, self.title)
    }
}

impl Finding {
    pub fn new(
        rule: Rule,
        clause: Option<&Clause>,
        status: FindingStatus,
        message: impl Into<Message>,
    ) -> Self {
        Self {
            rule,
            clause: clause.cloned(),
            status,
            message: message.into(),
            // A bare `skip` is a rule that does not bear on the case; one the input
            // left open is made with `unjudged`, one the ToR lacks with `not_stated`.
            skipped: (status == FindingStatus::Skip).then_some(SkipReason::NotApplicable),
            item: None,
        }
    }

    pub fn pass(rule: Rule, clause: &Clause, message: impl Into<Message>) -> Self {
        Self::new(rule, Some(clause), FindingStatus::Pass, message)
    }

    pub fn fail(rule: Rule, clause: &Clause, message: impl Into<Message>) -> Self {
        Self::new(rule, Some(clause), FindingStatus::Fail, message)
    }

    /// A stated rule that does not bear on this case.
    pub fn skip(rule: Rule, clause: Option<&Clause>, message: impl Into<Message>) -> Self {
        Self::new(rule, clause, FindingStatus::Skip, message)
    }

    /// A stated rule the input does not say enough to judge: `fact` would.
    pub fn unjudged(
        rule: Rule,
        clause: Option<&Clause>,
        fact: Fact,
        message: impl Into<Message>,
    ) -> Self {
        Self::new(rule, clause, FindingStatus::Skip, message).because(SkipReason::Unjudged(fact))
    }

    /// The same finding, skipped for `reason`.
    #[must_use]
    pub fn because(mut self, reason: SkipReason) -> Self {
        self.status = FindingStatus::Skip;
        self.skipped = Some(reason);
        self
    }

    pub fn warn(rule: Rule, clause: Option<&Clause>, message: impl Into<Message>) -> Self {
        Self::new(rule, clause, FindingStatus::Warn, message)
    }

    /// The ToR states no such rule.
    pub fn not_stated(rule: Rule, what: &str) -> Self {
        Self::new(
            rule,
            None,
            FindingStatus::Skip,
            format!("the ToR states no {what}"),
        )
        .because(SkipReason::NotStated)
    }

    /// The same finding, about `item`.
    #[must_use]
    pub fn for_item(mut self, item: ItemRef) -> Self {
        self.item = Some(item);
        self
    }

    pub fn failed(&self) -> bool {
        self.status == FindingStatus::Fail
    }

    /// The rules of `findings` that fail, in their order: what a report's
    /// summary line names.
    pub fn failing(findings: &[Finding]) -> Vec<Rule> {
        findings
            .iter()
            .filter(|f| f.failed())
            .map(|f| f.rule)
            .collect()
    }

    /// The fact that would let this stated rule be judged, if the input left it out.
    pub fn needs(&self) -> Option<Fact> {
        match self.skipped {
            Some(SkipReason::Unjudged(fact)) if self.status == FindingStatus::Skip => Some(fact),
            _ => None,
        }
    }
}

/// The rules the ToR states that the input could not judge, each once, in
/// report order, with the facts that would let them be judged (sorted, each once).
/// In JSON it is the list of rule names (SPEC §5a `unchecked`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Unchecked {
    pub rules: Vec<Rule>,
    #[serde(skip)]
    pub facts: Vec<Fact>,
}

impl Unchecked {
    pub fn of<'a>(findings: impl IntoIterator<Item = &'a Finding>) -> Self {
        let mut out = Self::default();
        for f in findings {
            if let Some(fact) = f.needs() {
                if !out.rules.contains(&f.rule) {
                    out.rules.push(f.rule);
                }
                out.facts.push(fact);
            }
        }
        out.facts.sort_unstable();
        out.facts.dedup();
        out
    }

    pub fn is_empty(&self) -> bool {
        self.rules.is_empty()
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
            id: crate::text::excerpt(id),
            partnership: tor.id.to_string(),
            suggestion: nearest(id, tor.members.iter().map(|m| m.id.as_str())).map(str::to_owned),
        }),
    }
}

/// `ORG` or `ORG:N`, N people of ORG (SPEC §5a): the member, and the people
/// it brings (a bare id is one). N runs from 1 to the member's seats.
pub fn resolve_attendee(tor: &Tor, typed: &str) -> Result<(MemberId, u32), InputError> {
    let Some((id, n)) = typed.rsplit_once(':') else {
        return Ok((resolve_member(tor, typed)?, 1));
    };
    let member = resolve_member(tor, id)?;
    let n = people(tor, &member, n).map_err(InputError::Invalid)?;
    Ok((member, n))
}

/// The `N` of `ORG:N`, checked against the seats `member` holds.
pub(crate) fn people(tor: &Tor, member: &MemberId, n: &str) -> Result<u32, String> {
    let seats = tor
        .member(member.as_str())
        .and_then(|m| m.seats)
        .unwrap_or(1);
    match n.trim().parse::<u32>() {
        Ok(n) if (1..=seats).contains(&n) => Ok(n),
        _ => Err(format!(
            "`{member}:{}`: {member} holds {seats} seat{}; write {member}:N with N from 1 to {seats}",
            crate::text::excerpt(n.trim()),
            if seats == 1 { "" } else { "s" }
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unchecked_counts_only_stated_rules_left_open() {
        let findings = [
            Finding::not_stated(Rule::ExtraordinaryNotice, "notice rule"),
            Finding::skip(Rule::PublicMeeting, None, "does not bear on it"),
            Finding::unjudged(Rule::Quorum, None, Fact::Attendance, "who attended?"),
            Finding::unjudged(Rule::Chair, None, Fact::Chair, "who chaired?"),
            Finding::unjudged(Rule::Quorum, None, Fact::Attendance, "again, per meeting"),
            Finding::unjudged(Rule::Notice, None, Fact::Circulated, "when?"),
        ];
        let u = Unchecked::of(&findings);
        assert_eq!(u.rules, [Rule::Quorum, Rule::Chair, Rule::Notice]);
        assert_eq!(u.facts, [Fact::Circulated, Fact::Attendance, Fact::Chair]);
        assert_eq!(
            serde_json::to_string(&u).expect("serialises"),
            r#"["quorum","chair","notice"]"#
        );
        assert!(Unchecked::of(&findings[..2]).is_empty());
    }

    #[test]
    fn the_skip_reason_is_not_in_json() {
        let f = Finding::unjudged(Rule::Quorum, None, Fact::Attendance, "who attended?");
        assert_eq!(
            serde_json::to_string(&f).expect("serialises"),
            r#"{"rule":"quorum","clause":null,"status":"skip","message":"who attended?"}"#
        );
    }
}

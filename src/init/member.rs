//! The members `tor init` is given, and a rule with its clause: what every
//! other answer is checked against.

use std::str::FromStr;

use super::{InitError, PLACEHOLDER};
use crate::model::{ClassId, Member, MemberId};

/// One member organisation: `ID:CLASS[:NAME]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemberAnswer {
    pub id: MemberId,
    pub class: ClassId,
    /// `None`: a name is made from the id, for the user to correct.
    pub name: Option<String>,
}

impl FromStr for MemberAnswer {
    type Err = InitError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let fail = |reason: String| InitError::Member {
            input: s.to_owned(),
            reason,
        };
        // At most three parts, so a name may itself contain colons.
        let mut parts = s.splitn(3, ':');
        let id = parts.next().unwrap_or_default().trim();
        let Some(class) = parts.next().map(str::trim) else {
            return Err(fail("no class".to_owned()));
        };
        let name = parts.next().map(str::trim).filter(|n| !n.is_empty());
        Ok(Self {
            id: MemberId::parse(id).map_err(|e| fail(e.to_string()))?,
            class: ClassId::parse(class).map_err(|e| fail(format!("class {e}")))?,
            name: name.map(str::to_owned),
        })
    }
}

/// A rule and the clause of the ToR that states it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stated<T> {
    pub rule: T,
    pub clause: String,
}

impl<T> Stated<T> {
    /// `clause` or, where none is given, [`PLACEHOLDER`].
    pub fn new(rule: T, clause: Option<String>) -> Self {
        Self {
            rule,
            clause: clause.unwrap_or_else(|| PLACEHOLDER.to_owned()),
        }
    }
}

/// Everything `tor init` asks for.
impl MemberAnswer {
    /// The member as the ToR `tor init` writes would define it: voting, with
    /// its seats.
    pub(super) fn as_member(&self, seats: u32) -> Member {
        Member {
            id: self.id.clone(),
            name: self.name.clone().unwrap_or_default(),
            class: self.class.clone(),
            voting: true,
            seats: (seats > 1).then_some(seats),
            from: None,
            until: None,
            body: None,
            clause: None,
            note: None,
        }
    }
}

/// The members' classes, each once, in order of first use.
pub(super) fn classes(members: &[MemberAnswer]) -> Vec<ClassId> {
    let mut out: Vec<ClassId> = Vec::new();
    for m in members {
        if !out.contains(&m.class) {
            out.push(m.class.clone());
        }
    }
    out
}

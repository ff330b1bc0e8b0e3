//! The members, quorum, frequency and review answers of `tor init`, as typed, and
//! the checks that keep the file they make loadable.

use std::collections::HashSet;
use std::str::FromStr;

use super::general::{DecisionAnswer, General};
use super::member::{MemberAnswer, Stated, classes};
use super::{ChairAnswer, InitError, PLACEHOLDER};
use crate::calendar::Region;
use crate::model::{ClassId, Counting, Keyword, Member, PartnershipId, Period, QuorumRule};

/// A quorum: `N`, `N:CLASS` or a fraction `A/B`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QuorumAnswer {
    AtLeast { n: u32, class: Option<ClassId> },
    Fraction { numerator: u32, denominator: u32 },
}

impl FromStr for QuorumAnswer {
    type Err = InitError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let fail = |reason: &str| InitError::Quorum {
            input: s.to_owned(),
            reason: reason.to_owned(),
        };
        let s = s.trim();
        if let Some((a, b)) = s.split_once('/') {
            let (Ok(numerator), Ok(denominator)) = (a.trim().parse(), b.trim().parse()) else {
                return Err(fail("not a fraction"));
            };
            if numerator == 0 || denominator == 0 || numerator > denominator {
                return Err(fail("the fraction must be above 0 and at most 1"));
            }
            return Ok(Self::Fraction {
                numerator,
                denominator,
            });
        }
        let (n, class) = match s.split_once(':') {
            Some((n, class)) => (n.trim(), Some(class.trim())),
            None => (s, None),
        };
        let Ok(n) = n.parse::<u32>() else {
            return Err(fail("not a number of members"));
        };
        if n == 0 {
            return Err(fail("a quorum of 0 is no quorum"));
        }
        let class = match class {
            Some(c) => Some(ClassId::parse(c).map_err(|e| fail(&format!("class {e}")))?),
            None => None,
        };
        Ok(Self::AtLeast { n, class })
    }
}

/// As typed, so a default can be shown in a question.
impl std::fmt::Display for QuorumAnswer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::AtLeast { n, class: None } => write!(f, "{n}"),
            Self::AtLeast { n, class: Some(c) } => write!(f, "{n}:{c}"),
            Self::Fraction {
                numerator,
                denominator,
            } => write!(f, "{numerator}/{denominator}"),
        }
    }
}

/// How often the body meets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FrequencyAnswer {
    /// `every-N-months`
    EveryMonths(u32),
    /// `N-per-PERIOD`: at least N.
    AtLeast(u32, Period),
    /// `exactly-N-per-PERIOD`
    Exactly(u32, Period),
}

impl FromStr for FrequencyAnswer {
    type Err = InitError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let fail = |reason: &str| InitError::Frequency {
            input: s.to_owned(),
            reason: reason.to_owned(),
        };
        let count = |n: &str| match n.parse::<u32>() {
            Ok(0) => Err(fail("the number must be above 0")),
            Ok(n) => Ok(n),
            Err(_) => Err(fail("not a number")),
        };
        let t = s.trim();
        if let Some(rest) = t.strip_prefix("every-") {
            let n = rest
                .strip_suffix("-months")
                .or_else(|| rest.strip_suffix("-month"))
                .ok_or_else(|| fail("`every-` is followed by N-months"))?;
            return Ok(Self::EveryMonths(count(n)?));
        }
        let (exact, rest) = match t.strip_prefix("exactly-") {
            Some(rest) => (true, rest),
            None => (false, t),
        };
        let Some((n, per)) = rest.split_once("-per-") else {
            return Err(fail("no `-per-`"));
        };
        let n = count(n)?;
        let per = Period::from_keyword(per).ok_or_else(|| fail("unknown period"))?;
        Ok(if exact {
            Self::Exactly(n, per)
        } else {
            Self::AtLeast(n, per)
        })
    }
}

/// As typed, so a default can be shown in a question.
impl std::fmt::Display for FrequencyAnswer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::EveryMonths(n) => write!(f, "every-{n}-months"),
            Self::AtLeast(n, per) => write!(f, "{n}-per-{}", per.as_str()),
            Self::Exactly(n, per) => write!(f, "exactly-{n}-per-{}", per.as_str()),
        }
    }
}

#[derive(Debug, Clone)]
pub struct Answers {
    pub id: PartnershipId,
    pub name: String,
    pub source: Option<String>,
    pub region: Region,
    pub members: Vec<MemberAnswer>,
    /// Written on every class and member when given (membership is not a rule, so
    /// no placeholder is written without it).
    pub members_clause: Option<String>,
    pub quorum: Option<Stated<QuorumAnswer>>,
    /// Papers go out this many working days before a meeting.
    pub notice_working_days: Option<Stated<u32>>,
    pub decision: Option<Stated<DecisionAnswer>>,
    pub frequency: Option<Stated<FrequencyAnswer>>,
    pub chair: Option<Stated<ChairAnswer>>,
    /// The date of the next review.
    pub review: Option<Stated<chrono::NaiveDate>>,
    /// Seats, a compound quorum, the chair's fallbacks, remote attendance,
    /// written procedure.
    pub general: General,
    /// The quorum's clause where only `general.quorum_all` states it.
    pub conditions_clause: String,
}

impl Answers {
    pub fn new(id: PartnershipId, name: String) -> Self {
        Self {
            id,
            name,
            source: None,
            region: Region::default(),
            members: Vec::new(),
            members_clause: None,
            quorum: None,
            notice_working_days: None,
            decision: None,
            frequency: None,
            chair: None,
            review: None,
            general: General::default(),
            conditions_clause: PLACEHOLDER.to_owned(),
        }
    }

    /// How many clauses are the placeholder, for the user to replace.
    pub fn placeholders(&self) -> usize {
        [
            self.quorum.as_ref().map(|s| &s.clause),
            self.notice_working_days.as_ref().map(|s| &s.clause),
            self.decision.as_ref().map(|s| &s.clause),
            self.frequency.as_ref().map(|s| &s.clause),
            self.chair.as_ref().map(|s| &s.clause),
            self.review.as_ref().map(|s| &s.clause),
            self.quorum_all_clause(),
            self.general.remote.as_ref().map(|s| &s.clause),
            self.general.substitutes.as_ref().map(|s| &s.clause),
            self.general.written.as_ref().map(|s| &s.clause),
        ]
        .into_iter()
        .flatten()
        .filter(|c| *c == PLACEHOLDER)
        .count()
    }

    /// The clause of a quorum stated only as conditions (`[[quorum.all]]`).
    pub fn quorum_all_clause(&self) -> Option<&String> {
        (self.quorum.is_none() && !self.general.quorum_all.is_empty())
            .then_some(&self.conditions_clause)
    }

    /// Everything the loader would refuse, as one clear error.
    pub fn check(&self) -> Result<(), InitError> {
        if self.name.trim().is_empty() {
            return Err(InitError::EmptyName);
        }
        let clauses = [
            ("membership", self.members_clause.as_ref()),
            ("quorum", self.quorum.as_ref().map(|s| &s.clause)),
            (
                "notice",
                self.notice_working_days.as_ref().map(|s| &s.clause),
            ),
            ("decision", self.decision.as_ref().map(|s| &s.clause)),
            ("frequency", self.frequency.as_ref().map(|s| &s.clause)),
            ("chair", self.chair.as_ref().map(|s| &s.clause)),
            ("review", self.review.as_ref().map(|s| &s.clause)),
            ("quorum", self.quorum_all_clause()),
            (
                "remote attendance",
                self.general.remote.as_ref().map(|s| &s.clause),
            ),
            (
                "substitutes",
                self.general.substitutes.as_ref().map(|s| &s.clause),
            ),
            (
                "written procedure",
                self.general.written.as_ref().map(|s| &s.clause),
            ),
        ];
        for (rule, clause) in clauses {
            if clause.is_some_and(|c| c.trim().is_empty()) {
                return Err(InitError::EmptyClause(rule));
            }
        }
        let mut seen = HashSet::new();
        for m in &self.members {
            if !seen.insert(&m.id) {
                return Err(InitError::DuplicateMember(m.id.clone()));
            }
        }
        if let Some(chair) = &self.chair {
            check_chair(&chair.rule, &self.members)?;
        }
        let decision = self.decision.as_ref().map(|d| &d.rule);
        if let Some(d) = decision
            && (d.base.is_some() || d.share.is_some())
            && !d
                .method
                .is_some_and(super::shapes::MethodAnswer::has_majority)
        {
            return Err(InitError::ThresholdWithoutMajority);
        }
        self.general.check(
            &self.members,
            self.chair.as_ref().map(|c| &c.rule),
            decision,
        )?;
        match &self.quorum {
            Some(q) => check_quorum(&q.rule, &self.members, &self.general),
            None => Ok(()),
        }
    }
}

/// Whether `quorum` can be met by `members`: a quorum above the members it counts
/// could never be met, and the loader refuses it.
pub fn check_quorum(
    quorum: &QuorumAnswer,
    members: &[MemberAnswer],
    general: &General,
) -> Result<(), InitError> {
    let QuorumAnswer::AtLeast { n, class } = quorum else {
        return Ok(());
    };
    if let Some(class) = class
        && !members.iter().any(|m| &m.class == class)
    {
        return Err(InitError::QuorumClass {
            class: class.clone(),
            known: classes(members),
        });
    }
    // Every class tor init writes is a voting class, so every member counts.
    let as_members: Vec<Member> = members
        .iter()
        .map(|m| m.as_member(general.seats_of(&m.id)))
        .collect();
    let (counting, what) = match general.counts() {
        Some(super::CountsAnswer::People) => (Counting::People, "people in the seats of the"),
        _ => (Counting::Organisations, ""),
    };
    let rule = QuorumRule::AtLeast {
        n: *n,
        class: class.clone(),
    };
    match rule.unreachable(as_members.iter(), counting) {
        Some(u) => Err(InitError::QuorumTooHigh {
            n: *n,
            eligible: usize::try_from(u.available).unwrap_or(usize::MAX),
            of: match class {
                Some(class) => format!("{what} members of class `{class}`")
                    .trim_start()
                    .to_owned(),
                None => format!("{what} members given").trim_start().to_owned(),
            },
        }),
        None => Ok(()),
    }
}

/// Whether the member or class the chair comes from is among `members`.
pub fn check_chair(chair: &ChairAnswer, members: &[MemberAnswer]) -> Result<(), InitError> {
    match chair {
        ChairAnswer::Named(Some(member)) if !members.iter().any(|m| &m.id == member) => {
            Err(InitError::ChairMember(member.clone()))
        }
        ChairAnswer::Rotating { class, .. } if !members.iter().any(|m| &m.class == class) => {
            Err(InitError::ChairClass {
                class: class.clone(),
                known: classes(members),
            })
        }
        _ => Ok(()),
    }
}

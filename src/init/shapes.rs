//! The answers of `tor init` for the general shapes: seats, a compound quorum,
//! the chair's fallbacks, term and alternation, remote attendance, thresholds,
//! escalation, the casting vote and written procedure. Each parses what a flag
//! says and prints it back the same way.

use std::fmt;
use std::str::FromStr;

use super::InitError;
use crate::load::bounds;
use crate::model::{ClassId, Comparison, Fraction, Keyword, MemberId, keywords};

fn fail(what: &'static str, input: &str, reason: impl Into<String>) -> InitError {
    InitError::Shape {
        what,
        input: input.to_owned(),
        reason: reason.into(),
    }
}

fn number(
    what: &'static str,
    input: &str,
    n: &str,
    range: &std::ops::RangeInclusive<u32>,
) -> Result<u32, InitError> {
    match n.trim().parse::<u32>() {
        Ok(n) if range.contains(&n) => Ok(n),
        _ => Err(fail(
            what,
            input,
            format!(
                "`{}` is not a number from {} to {}",
                n.trim(),
                range.start(),
                range.end()
            ),
        )),
    }
}

/// Ids separated by commas, each a valid id, none twice, at least one.
fn ids<T: PartialEq>(
    what: &'static str,
    input: &str,
    list: &str,
    parse: impl Fn(&str) -> Result<T, crate::model::InvalidId>,
) -> Result<Vec<T>, InitError> {
    let mut out = Vec::new();
    for id in list.split(',').map(str::trim) {
        let id = parse(id).map_err(|e| fail(what, input, e.to_string()))?;
        if out.contains(&id) {
            return Err(fail(what, input, "an id is given twice"));
        }
        out.push(id);
    }
    Ok(out)
}

/// `ID:N`: member ID holds N seats.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeatsAnswer {
    pub member: MemberId,
    pub seats: u32,
}

impl FromStr for SeatsAnswer {
    type Err = InitError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        const WHAT: &str = "seats";
        let Some((id, n)) = s.split_once(':') else {
            return Err(fail(WHAT, s, "write MEMBER:N"));
        };
        Ok(Self {
            member: MemberId::parse(id.trim()).map_err(|e| fail(WHAT, s, e.to_string()))?,
            seats: number(WHAT, s, n, &bounds::SEATS)?,
        })
    }
}

impl fmt::Display for SeatsAnswer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.member, self.seats)
    }
}

/// What quorum and votes count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CountsAnswer {
    Organisations,
    People,
}

keywords!(CountsAnswer {
    Organisations = "organisations",
    People = "people",
});

/// One condition of a compound quorum (`[[quorum.all]]`), as typed:
/// `each:N:ID,ID` (at least N from each member or class), `all:ID,ID` (every one
/// present), `any-of:ID,ID` (at least one present) or `presiding`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConditionAnswer {
    /// Each id is a member or a class; which is known only with the members.
    Each {
        n: u32,
        from: Vec<String>,
    },
    All(Vec<MemberId>),
    AnyOf(Vec<MemberId>),
    Presiding,
}

impl FromStr for ConditionAnswer {
    type Err = InitError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        const WHAT: &str = "quorum condition";
        let t = s.trim();
        if t == "presiding" {
            return Ok(Self::Presiding);
        }
        let Some((kind, rest)) = t.split_once(':') else {
            return Err(fail(WHAT, s, "unknown condition"));
        };
        match kind {
            "each" => {
                let Some((n, list)) = rest.split_once(':') else {
                    return Err(fail(WHAT, s, "`each` needs N:IDS"));
                };
                let n = number(WHAT, s, n, &bounds::QUORUM)?;
                // Members and classes share the id syntax: parse as one, tell apart later.
                let from = ids(WHAT, s, list, MemberId::parse)?
                    .into_iter()
                    .map(|m| m.as_str().to_owned())
                    .collect();
                Ok(Self::Each { n, from })
            }
            "all" => Ok(Self::All(ids(WHAT, s, rest, MemberId::parse)?)),
            "any-of" => {
                let members = ids(WHAT, s, rest, MemberId::parse)?;
                if members.len() < 2 {
                    return Err(fail(WHAT, s, "`any-of` names at least two members"));
                }
                Ok(Self::AnyOf(members))
            }
            _ => Err(fail(WHAT, s, format!("unknown condition `{kind}`"))),
        }
    }
}

impl fmt::Display for ConditionAnswer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let join = |ids: &[MemberId]| {
            ids.iter()
                .map(MemberId::as_str)
                .collect::<Vec<_>>()
                .join(",")
        };
        match self {
            Self::Each { n, from } => write!(f, "each:{n}:{}", from.join(",")),
            Self::All(m) => write!(f, "all:{}", join(m)),
            Self::AnyOf(m) => write!(f, "any-of:{}", join(m)),
            Self::Presiding => f.write_str("presiding"),
        }
    }
}

/// `YEARS[:MAX_CONSECUTIVE]`: a chair's term and the most terms in a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TermAnswer {
    pub years: u32,
    pub max_consecutive: Option<u32>,
}

impl FromStr for TermAnswer {
    type Err = InitError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        const WHAT: &str = "chair term";
        let (years, max) = match s.split_once(':') {
            Some((y, m)) => (y, Some(m)),
            None => (s, None),
        };
        Ok(Self {
            years: number(WHAT, s, years, &bounds::ROTATION_YEARS)?,
            max_consecutive: max
                .map(|m| number(WHAT, s, m, &bounds::ROTATION_YEARS))
                .transpose()?,
        })
    }
}

impl fmt::Display for TermAnswer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.years)?;
        match self.max_consecutive {
            Some(m) => write!(f, ":{m}"),
            None => Ok(()),
        }
    }
}

/// `MEMBER,MEMBER[,...]`: chair and vice-chair taken in turn, a year each.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AlternationAnswer(pub Vec<MemberId>);

impl FromStr for AlternationAnswer {
    type Err = InitError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        const WHAT: &str = "chair alternation";
        let members = ids(WHAT, s, s, MemberId::parse)?;
        if members.len() < 2 {
            return Err(fail(WHAT, s, "an alternation names at least two members"));
        }
        Ok(Self(members))
    }
}

/// Who may send a substitute: `all` members, or those named (`MEMBER,...`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SendersAnswer(pub Vec<MemberId>);

impl FromStr for SendersAnswer {
    type Err = InitError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if s.trim() == "all" {
            return Ok(Self(Vec::new()));
        }
        Ok(Self(ids("substitutes", s, s, MemberId::parse)?))
    }
}

/// `[attendance.substitutes]`: who may send one, what one may do, and the
/// limits and notice the ToR sets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubstitutesAnswer {
    /// Empty: every member may.
    pub senders: Vec<MemberId>,
    pub may: RemoteAnswer,
    pub one_per_absent_member: bool,
    pub notice_hours: Option<u32>,
}

/// Who presides when the chair is absent, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FallbackAnswer {
    ViceChair,
    Chosen,
}

keywords!(FallbackAnswer {
    ViceChair = "vice-chair",
    Chosen = "chosen",
});

/// What members attending remotely may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RemoteAnswer {
    /// They may speak, but neither count for the quorum nor vote.
    SpeakOnly,
    /// They count for the quorum, but do not vote.
    Counts,
    /// They count for the quorum and vote.
    CountsAndVotes,
}

keywords!(RemoteAnswer {
    SpeakOnly = "speak-only",
    Counts = "counts",
    CountsAndVotes = "counts-and-votes",
});

/// Whether whoever presides has a casting vote on equal votes, as the ToR states.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CastingAnswer {
    Given,
    /// Stated as none: equal votes are lost.
    None,
}

keywords!(CastingAnswer {
    Given = "given",
    None = "none",
});

/// How decisions are made, as the ToR's `method` spells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MethodAnswer {
    Consensus,
    Unanimity,
    ConsensusThenMajority,
    Majority,
}

keywords!(MethodAnswer {
    Consensus = "consensus",
    Unanimity = "unanimity",
    ConsensusThenMajority = "consensus-then-majority",
    Majority = "majority",
});

impl MethodAnswer {
    /// Whether votes are counted against a threshold at some step.
    pub fn has_majority(self) -> bool {
        matches!(self, Self::Majority | Self::ConsensusThenMajority)
    }
}

/// `votes-cast`, `present`, `present-and-voting`, `membership` or `class:ID`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BaseAnswer {
    Named(&'static str),
    Class(ClassId),
}

impl FromStr for BaseAnswer {
    type Err = InitError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        const WHAT: &str = "majority base";
        if let Some(class) = s.trim().strip_prefix("class:") {
            return ClassId::parse(class)
                .map(Self::Class)
                .map_err(|e| fail(WHAT, s, format!("class {e}")));
        }
        ["votes-cast", "present", "present-and-voting", "membership"]
            .into_iter()
            .find(|n| *n == s.trim())
            .map(Self::Named)
            .ok_or_else(|| {
                fail(
                    WHAT,
                    s,
                    "write votes-cast, present, present-and-voting, membership or class:ID",
                )
            })
    }
}

impl fmt::Display for BaseAnswer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Named(n) => f.write_str(n),
            Self::Class(c) => write!(f, "class:{c}"),
        }
    }
}

/// `A/B:COMPARISON`: "more than half" is `1/2:more-than`, "at least two thirds"
/// `2/3:at-least`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ShareAnswer {
    pub fraction: Fraction,
    pub comparison: Comparison,
}

impl FromStr for ShareAnswer {
    type Err = InitError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        const WHAT: &str = "share";
        let Some((f, c)) = s.trim().split_once(':') else {
            return Err(fail(WHAT, s, "write A/B:more-than or A/B:at-least"));
        };
        let fraction = Fraction::parse(f)
            .filter(|f| {
                f.numerator > 0 && !f.above_one() && bounds::FRACTION_TERM.contains(&f.denominator)
            })
            .ok_or_else(|| {
                fail(
                    WHAT,
                    s,
                    format!("`{f}` is not a fraction above 0 and at most 1"),
                )
            })?;
        let comparison = c
            .trim()
            .parse::<Comparison>()
            .map_err(|e| fail(WHAT, s, e.to_string()))?;
        Ok(Self {
            fraction,
            comparison,
        })
    }
}

impl fmt::Display for ShareAnswer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.fraction, self.comparison.as_str())
    }
}

/// `METHOD[:CLASS]`: where the first method reaches no decision, this one
/// decides, among the class where one is named ("the statutory partners decide
/// unanimously").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EscalationAnswer {
    pub method: MethodAnswer,
    pub among: Option<ClassId>,
}

impl FromStr for EscalationAnswer {
    type Err = InitError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        const WHAT: &str = "escalation";
        let (method, among) = match s.trim().split_once(':') {
            Some((m, c)) => (m, Some(c)),
            None => (s.trim(), None),
        };
        let Ok(
            method @ (MethodAnswer::Consensus | MethodAnswer::Unanimity | MethodAnswer::Majority),
        ) = method.parse::<MethodAnswer>()
        else {
            return Err(fail(
                WHAT,
                s,
                "the method is consensus, unanimity or majority",
            ));
        };
        let among = among
            .map(|c| ClassId::parse(c.trim()).map_err(|e| fail(WHAT, s, format!("class {e}"))))
            .transpose()?;
        Ok(Self { method, among })
    }
}

/// `DAYS:A/B:COMPARISON`: replies due within DAYS working days of sending;
/// carried when that share of all voting members in post agree.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WrittenAnswer {
    pub working_days: u32,
    pub share: ShareAnswer,
}

impl FromStr for WrittenAnswer {
    type Err = InitError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        const WHAT: &str = "written procedure";
        let Some((days, share)) = s.trim().split_once(':') else {
            return Err(fail(
                WHAT,
                s,
                "write DAYS:A/B:more-than or DAYS:A/B:at-least",
            ));
        };
        Ok(Self {
            working_days: number(WHAT, s, days, &bounds::WRITTEN_DAYS)?,
            share: share.parse().map_err(|e: InitError| match e {
                InitError::Shape { reason, .. } => fail(WHAT, s, reason),
                other => other,
            })?,
        })
    }
}

impl fmt::Display for WrittenAnswer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.working_days, self.share)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conditions_parse_what_they_print() {
        for text in [
            "each:2:northvale,southmere",
            "all:chair,council-leader",
            "any-of:icb,health-trust",
            "presiding",
        ] {
            assert_eq!(text.parse::<ConditionAnswer>().unwrap().to_string(), text);
        }
        for bad in [
            "",
            "each:2",
            "each:0:a",
            "each:x:a",
            "any-of:a",
            "all:a,a",
            "all:Bad Id",
            "some:a",
        ] {
            assert!(bad.parse::<ConditionAnswer>().is_err(), "{bad:?} accepted");
        }
    }

    #[test]
    fn seats_terms_and_shares_parse_what_they_print() {
        assert_eq!(
            "council-a:2".parse::<SeatsAnswer>().unwrap().to_string(),
            "council-a:2"
        );
        assert_eq!("4:1".parse::<TermAnswer>().unwrap().to_string(), "4:1");
        assert_eq!("2".parse::<TermAnswer>().unwrap().to_string(), "2");
        assert_eq!(
            "2/3:at-least".parse::<ShareAnswer>().unwrap().to_string(),
            "2/3:at-least"
        );
        assert_eq!(
            "5:1/2:more-than"
                .parse::<WrittenAnswer>()
                .unwrap()
                .to_string(),
            "5:1/2:more-than"
        );
        assert_eq!(
            "class:council".parse::<BaseAnswer>().unwrap().to_string(),
            "class:council"
        );
        for bad in ["a", "a:0", "a:10001", ":3"] {
            assert!(bad.parse::<SeatsAnswer>().is_err(), "{bad:?} accepted");
        }
        for bad in [
            "3/2:at-least",
            "0/3:at-least",
            "1/2",
            "1/2:most",
            "1/0:at-least",
        ] {
            assert!(bad.parse::<ShareAnswer>().is_err(), "{bad:?} accepted");
        }
        assert!("0:1/2:more-than".parse::<WrittenAnswer>().is_err());
        assert!(
            "consensus-then-majority"
                .parse::<EscalationAnswer>()
                .is_err()
        );
        assert_eq!(
            "unanimity:statutory-partner"
                .parse::<EscalationAnswer>()
                .unwrap(),
            EscalationAnswer {
                method: MethodAnswer::Unanimity,
                among: Some(ClassId::parse("statutory-partner").unwrap()),
            }
        );
        assert!("a".parse::<AlternationAnswer>().is_err());
    }
}

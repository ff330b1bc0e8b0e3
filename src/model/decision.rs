//! How a decision is made: the ToR's decision kinds, each kind's rule (a chain of
//! methods, majorities with their base, fraction and comparison), the casting vote
//! and decisions by written procedure.
//!
//! Thresholds are whole-number arithmetic on exact fractions, never floats: "two
//! thirds of 9" is 6 and "more than half of 10" is 6.

use std::fmt;

use serde::{Serialize, Serializer};

use super::keyword::keywords;
use super::{ClassId, Clause, InvalidId};

/// The four kinds every ToR has, whether or not it names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum BuiltinKind {
    Ordinary,
    Major,
    Financial,
    Funding,
}

keywords!(BuiltinKind {
    Ordinary = "ordinary",
    Major = "major",
    Financial = "financial",
    Funding = "funding",
});

/// A kind of decision: a built-in one or one the ToR declares (checked at load,
/// so a kind in a checked value always exists in its ToR). Built-ins sort first,
/// in their own order.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DecisionKind {
    Builtin(BuiltinKind),
    Declared(KindName),
}

/// The id of a kind the ToR declares, e.g. `precept-veto`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct KindName(String);

impl DecisionKind {
    pub const ORDINARY: Self = Self::Builtin(BuiltinKind::Ordinary);
    pub const MAJOR: Self = Self::Builtin(BuiltinKind::Major);
    pub const FINANCIAL: Self = Self::Builtin(BuiltinKind::Financial);
    pub const FUNDING: Self = Self::Builtin(BuiltinKind::Funding);

    /// A built-in kind, or a well-formed id for a kind a ToR may declare.
    pub fn parse(s: &str) -> Result<Self, InvalidId> {
        use super::Keyword;
        if let Some(b) = BuiltinKind::from_keyword(s) {
            return Ok(Self::Builtin(b));
        }
        // Kind ids follow the same spelling as every other id.
        ClassId::parse(s).map(|id| Self::Declared(KindName(id.as_str().to_owned())))
    }

    pub fn as_str(&self) -> &str {
        use super::Keyword;
        match self {
            Self::Builtin(b) => b.as_str(),
            Self::Declared(n) => &n.0,
        }
    }
}

impl fmt::Display for DecisionKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for DecisionKind {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// What the people or organisations counted must do for a step to carry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Method {
    /// No one counted objects; abstentions do not block.
    Consensus,
    /// Everyone counted votes for; an abstention blocks.
    Unanimity,
    /// Enough vote for, as the threshold says.
    Majority,
}

keywords!(Method {
    Consensus = "consensus",
    Unanimity = "unanimity",
    Majority = "majority",
});

/// What a majority's fraction is taken of.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Base {
    /// Votes for and against; abstentions are not counted.
    VotesCast,
    /// The voting members at the meeting, whether they vote or not.
    Present,
    /// The members present who vote for or against.
    PresentAndVoting,
    /// Every voting member in post on the day, present or not.
    Membership,
    /// The voting members of one class in post on the day.
    Class(ClassId),
}

impl Base {
    pub const NAMES: [&'static str; 5] = [
        "votes-cast",
        "present",
        "present-and-voting",
        "membership",
        "class:<id>",
    ];
}

impl fmt::Display for Base {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::VotesCast => f.write_str("votes-cast"),
            Self::Present => f.write_str("present"),
            Self::PresentAndVoting => f.write_str("present-and-voting"),
            Self::Membership => f.write_str("membership"),
            Self::Class(c) => write!(f, "class:{c}"),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Comparison {
    MoreThan,
    AtLeast,
}

keywords!(Comparison {
    MoreThan = "more-than",
    AtLeast = "at-least",
});

/// An exact fraction `numerator/denominator`, the denominator never 0.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Fraction {
    pub numerator: u32,
    pub denominator: u32,
}

impl Fraction {
    pub const HALF: Self = Self {
        numerator: 1,
        denominator: 2,
    };
    pub const TWO_THIRDS: Self = Self {
        numerator: 2,
        denominator: 3,
    };

    /// `"2/3"`, `"1/2"`, `"3/4"`: both parts whole numbers, the denominator not 0.
    pub fn parse(s: &str) -> Option<Self> {
        let (n, d) = s.split_once('/')?;
        let numerator = n.trim().parse().ok()?;
        let denominator: u32 = d.trim().parse().ok()?;
        (denominator > 0).then_some(Self {
            numerator,
            denominator,
        })
    }

    /// Above one whole: no count can ever reach it.
    pub fn above_one(self) -> bool {
        self.numerator > self.denominator
    }

    /// In words where there is a common name: "half", "two thirds".
    pub fn words(self) -> String {
        match (self.numerator, self.denominator) {
            (1, 2) => "half".to_owned(),
            (1, 3) => "one third".to_owned(),
            (2, 3) => "two thirds".to_owned(),
            (1, 4) => "one quarter".to_owned(),
            (3, 4) => "three quarters".to_owned(),
            (n, d) if n == d => "all".to_owned(),
            (n, d) => format!("{n}/{d}"),
        }
    }
}

impl fmt::Display for Fraction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.numerator, self.denominator)
    }
}

/// "More than half of the votes cast", "at least two thirds of the membership".
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Threshold {
    pub base: Base,
    pub fraction: Fraction,
    pub comparison: Comparison,
}

impl Threshold {
    /// A simple majority of the votes cast: more for than against.
    pub const SIMPLE: Self = Self {
        base: Base::VotesCast,
        fraction: Fraction::HALF,
        comparison: Comparison::MoreThan,
    };

    /// The smallest count that meets the threshold out of `total`, or `None` when
    /// no count up to `total` can (a fraction above one).
    pub fn needed(&self, total: u64) -> Option<u64> {
        let (n, d) = (
            u128::from(self.fraction.numerator),
            u128::from(self.fraction.denominator.max(1)),
        );
        let product = n * u128::from(total);
        let need = match self.comparison {
            // count * d >= n * total
            Comparison::AtLeast => product.div_ceil(d),
            // count * d > n * total
            Comparison::MoreThan => product / d + 1,
        };
        u64::try_from(need).ok().filter(|need| *need <= total)
    }

    /// Whether `count` out of `total` meets the threshold.
    pub fn met(&self, count: u64, total: u64) -> bool {
        self.needed(total).is_some_and(|need| count >= need)
    }
}

/// Whether the chair has a casting vote on equal votes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "stated", content = "clause")]
pub enum CastingVote {
    /// The ToR gives whoever presides a casting vote.
    Given(Clause),
    /// The ToR says there is none: equal votes are lost.
    None(Clause),
    /// The ToR does not say.
    Silent,
}

/// One step of a decision rule: the method, among whom, and for a majority its
/// threshold.
#[derive(Debug, Clone, Serialize)]
pub struct Step {
    pub method: Method,
    /// Only these members decide (e.g. the statutory partners); `None`: all.
    pub among: Option<ClassId>,
    /// A majority's threshold; `None` for consensus and unanimity.
    pub threshold: Option<Threshold>,
    pub clause: Clause,
}

/// How one kind of decision is made: the first step, and where it fails to
/// reach a decision, the next.
#[derive(Debug, Clone, Serialize)]
pub struct DecisionRule {
    pub clause: Clause,
    /// Never empty.
    pub steps: Vec<Step>,
    pub casting_vote: CastingVote,
}

/// A kind the ToR declares, with its own rule where it states one.
#[derive(Debug, Clone, Serialize)]
pub struct DeclaredKind {
    pub kind: DecisionKind,
    pub clause: Clause,
    pub rule: Option<DecisionRule>,
}

/// Decisions between meetings in writing.
#[derive(Debug, Clone, Serialize)]
pub struct WrittenProcedure {
    pub clause: Clause,
    /// Replies are due within this many working days of sending.
    pub working_days: u32,
    /// The share of all voting members in post that must reply in favour.
    pub fraction: Fraction,
    pub comparison: Comparison,
}

impl From<super::Majority> for Threshold {
    /// The three majorities a ToR could state before thresholds were general.
    fn from(m: super::Majority) -> Self {
        use super::Majority as M;
        match m {
            M::VotesCast => Self::SIMPLE,
            M::TwoThirds => Self {
                base: Base::VotesCast,
                fraction: Fraction::TWO_THIRDS,
                comparison: Comparison::AtLeast,
            },
            M::MembersPresent => Self {
                base: Base::Present,
                fraction: Fraction::HALF,
                comparison: Comparison::MoreThan,
            },
        }
    }
}

impl super::Decisions {
    /// The rule that decides a vote of these kinds: the first of them with a
    /// rule of its own, else the ToR's general rule.
    pub fn rule_for(&self, kinds: &[DecisionKind]) -> Option<&DecisionRule> {
        self.kinds
            .iter()
            .find(|k| k.rule.is_some() && kinds.contains(&k.kind))
            .and_then(|k| k.rule.as_ref())
            .or(self.rule.as_ref())
    }

    /// The kinds among `kinds` that the ToR gives a rule of their own.
    pub fn own_rules<'a>(
        &'a self,
        kinds: &'a [DecisionKind],
    ) -> impl Iterator<Item = &'a DecisionRule> + 'a {
        self.kinds
            .iter()
            .filter(|k| kinds.contains(&k.kind))
            .filter_map(|k| k.rule.as_ref())
    }
}

impl super::Tor {
    /// Every kind a vote may be of: the four built-ins, then the ToR's own.
    pub fn decision_kinds(&self) -> Vec<DecisionKind> {
        use super::Keyword;
        let mut kinds: Vec<DecisionKind> = BuiltinKind::NAMES
            .iter()
            .filter_map(|n| BuiltinKind::from_keyword(n))
            .map(DecisionKind::Builtin)
            .collect();
        for k in self.decisions.iter().flat_map(|d| &d.kinds) {
            if !kinds.contains(&k.kind) {
                kinds.push(k.kind.clone());
            }
        }
        kinds
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(base: Base, n: u32, d: u32, comparison: Comparison) -> Threshold {
        Threshold {
            base,
            fraction: Fraction {
                numerator: n,
                denominator: d,
            },
            comparison,
        }
    }

    #[test]
    fn thresholds_round_as_people_do() {
        let two_thirds = t(Base::Membership, 2, 3, Comparison::AtLeast);
        assert_eq!(two_thirds.needed(12), Some(8));
        assert_eq!(two_thirds.needed(9), Some(6));
        assert!(!two_thirds.met(7, 12));
        let more_than_half = t(Base::VotesCast, 1, 2, Comparison::MoreThan);
        assert_eq!(more_than_half.needed(10), Some(6));
        assert_eq!(more_than_half.needed(9), Some(5));
        assert!(!more_than_half.met(5, 10));
        assert_eq!(
            t(Base::VotesCast, 1, 2, Comparison::AtLeast).needed(10),
            Some(5)
        );
    }

    #[test]
    fn a_fraction_above_one_is_never_met() {
        let t = t(Base::Membership, 4, 3, Comparison::AtLeast);
        assert!(t.needed(12).is_none());
        assert!(!t.met(12, 12));
        let all = self::t(Base::Membership, 1, 1, Comparison::MoreThan);
        assert!(all.needed(5).is_none());
    }

    #[test]
    fn fractions_parse_strictly() {
        assert_eq!(Fraction::parse("2/3"), Some(Fraction::TWO_THIRDS));
        for bad in ["2/0", "2", "a/3", "-1/2", "2/3/4"] {
            assert_eq!(Fraction::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn kinds_are_builtin_or_declared() {
        assert_eq!(DecisionKind::parse("major"), Ok(DecisionKind::MAJOR));
        let veto = DecisionKind::parse("precept-veto").unwrap();
        assert_eq!(veto.as_str(), "precept-veto");
        assert!(DecisionKind::ORDINARY < veto);
        assert!(DecisionKind::parse("Precept Veto").is_err());
    }
}

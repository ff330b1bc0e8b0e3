//! The quorum: a simple count or fraction, or a combination of conditions that
//! must all hold, counted in organisations or in people (seats). Whether a
//! quorum can be met at all by a membership is answered here once, for the
//! loader, `validate`'s warnings and `tor init`.

use serde::Serialize;

use super::keyword::keywords;
use super::{ClassId, Clause, Member, MemberId, QuorumFallback};

#[derive(Debug, Clone, Serialize)]
pub struct Quorum {
    pub clause: Clause,
    /// The simple form (`at_least`, optionally of a class, or `fraction`); absent
    /// where the quorum is only a combination of conditions.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule: Option<QuorumRule>,
    /// Further conditions that must all hold.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub all: Vec<Condition>,
    /// What an inquorate meeting may still do.
    #[serde(skip_serializing_if = "QuorumFallback::is_empty")]
    pub fallback: QuorumFallback,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "kind")]
pub enum QuorumRule {
    /// At least `n` distinct organisations (or people) of `class` (or of any
    /// voting class).
    AtLeast { n: u32, class: Option<ClassId> },
    /// At least this fraction of the voting membership in post.
    Fraction {
        numerator: u32,
        denominator: u32,
        #[serde(skip_serializing_if = "Rounding::is_up")]
        rounding: Rounding,
    },
}

/// One condition of a combined quorum.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "kind")]
pub enum Condition {
    /// A count or fraction, as the simple forms.
    Count(QuorumRule),
    /// At least `n` present from each of these members (seats) or classes.
    EachOf { n: u32, from: Vec<Group> },
    /// Every one of these members present.
    Members { members: Vec<MemberId> },
    /// At least one of these members present ("the ICB, or the health trust on
    /// its behalf").
    AnyOf { members: Vec<MemberId> },
    /// Whoever presides as chair is present (and among those counted).
    Presiding,
}

/// A member or a class, as a condition names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "of", content = "id")]
pub enum Group {
    Member(MemberId),
    Class(ClassId),
}

impl Group {
    pub fn contains(&self, m: &Member) -> bool {
        match self {
            Self::Member(id) => &m.id == id,
            Self::Class(c) => &m.class == c,
        }
    }
}

impl std::fmt::Display for Group {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Member(id) => write!(f, "{id}"),
            Self::Class(c) => write!(f, "class `{c}`"),
        }
    }
}

/// How a fraction of the membership becomes a whole number of members.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Rounding {
    /// A fraction of a member is a whole member.
    #[default]
    Up,
    Down,
}

impl Rounding {
    #[allow(clippy::trivially_copy_pass_by_ref)] // serde's skip_serializing_if passes a reference
    pub fn is_up(&self) -> bool {
        *self == Self::Up
    }

    /// `numerator/denominator` of `of`, rounded this way.
    pub fn apply(self, numerator: u32, denominator: u32, of: u64) -> u64 {
        let (num, den) = (u64::from(numerator) * of, u64::from(denominator.max(1)));
        match self {
            Self::Up => num.div_ceil(den),
            Self::Down => num / den,
        }
    }
}

keywords!(serialize Rounding { Up = "up", Down = "down" });

/// What quorum and votes count: organisations (one each) or people in seats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Counting {
    #[default]
    Organisations,
    People,
}

impl Counting {
    #[allow(clippy::trivially_copy_pass_by_ref)] // serde's skip_serializing_if passes a reference
    pub fn is_default(&self) -> bool {
        *self == Self::Organisations
    }

    /// How many units `member` can bring: its seats when counting people.
    pub fn capacity(self, member: &Member) -> u64 {
        match self {
            Self::Organisations => 1,
            Self::People => u64::from(member.seats.unwrap_or(1)),
        }
    }
}

keywords!(serialize Counting { Organisations = "organisations", People = "people" });

impl QuorumRule {
    /// Whether `member` counts towards this rule: a member of its class, or a
    /// voting member where it names none.
    pub fn counts(&self, member: &Member) -> bool {
        match self {
            Self::AtLeast { class: Some(c), .. } => &member.class == c,
            _ => member.voting,
        }
    }

    /// How many are needed, given the voting membership in post (in the units
    /// counted).
    pub fn needed(&self, voting_in_post: u64) -> u64 {
        match self {
            Self::AtLeast { n, .. } => u64::from(*n),
            Self::Fraction {
                numerator,
                denominator,
                rounding,
            } => rounding.apply(*numerator, *denominator, voting_in_post),
        }
    }
}

/// A quorum no attendance could meet with this membership.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unreachable {
    pub needed: u64,
    pub available: u64,
    pub of: Counted,
}

/// What a count counts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Counted {
    Voting,
    Class(ClassId),
    /// Those of one member or class, for an "at least N from each" condition.
    From(Group),
}

/// Units (organisations, or people in seats) among `members` that `f` accepts.
fn units<'m>(
    members: impl Iterator<Item = &'m Member>,
    counting: Counting,
    f: impl Fn(&Member) -> bool,
) -> u64 {
    members.filter(|m| f(m)).map(|m| counting.capacity(m)).sum()
}

impl QuorumRule {
    /// Whether `members`, every one present with every seat, fall short of
    /// this count (a fraction never does).
    pub fn unreachable<'m>(
        &self,
        members: impl Iterator<Item = &'m Member>,
        counting: Counting,
    ) -> Option<Unreachable> {
        let Self::AtLeast { n, class } = self else {
            return None;
        };
        let available = units(members, counting, |m| self.counts(m));
        (u64::from(*n) > available).then(|| Unreachable {
            needed: u64::from(*n),
            available,
            of: class.clone().map_or(Counted::Voting, Counted::Class),
        })
    }
}

impl Condition {
    /// Whether `members`, every one present with every seat, fall short of
    /// this condition.
    pub fn unreachable<'m>(
        &self,
        members: impl Iterator<Item = &'m Member> + Clone,
        counting: Counting,
    ) -> Option<Unreachable> {
        match self {
            Self::Count(rule) => rule.unreachable(members, counting),
            Self::EachOf { n, from } => from.iter().find_map(|g| {
                let available = units(members.clone(), counting, |m| g.contains(m));
                (u64::from(*n) > available).then(|| Unreachable {
                    needed: u64::from(*n),
                    available,
                    of: Counted::From(g.clone()),
                })
            }),
            Self::Members { .. } | Self::AnyOf { .. } | Self::Presiding => None,
        }
    }
}

impl Quorum {
    /// The first condition `members` (all of them present, each with every
    /// seat) could not meet, if any. One check for the loader (members defined),
    /// `validate`'s warnings (members in post) and `tor init` (members given).
    pub fn unreachable<'m>(
        &self,
        members: &(impl Iterator<Item = &'m Member> + Clone),
        counting: Counting,
    ) -> Option<Unreachable> {
        self.rule
            .as_ref()
            .and_then(|r| r.unreachable(members.clone(), counting))
            .or_else(|| {
                self.all
                    .iter()
                    .find_map(|c| c.unreachable(members.clone(), counting))
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn member(id: &str, class: &str, seats: Option<u32>) -> Member {
        Member {
            id: MemberId::parse(id).unwrap(),
            name: id.to_owned(),
            class: ClassId::parse(class).unwrap(),
            voting: true,
            seats,
            from: None,
            until: None,
            body: None,
            clause: None,
            note: None,
        }
    }

    #[test]
    fn rounding_up_and_down() {
        assert_eq!(Rounding::Up.apply(1, 3, 12), 4);
        assert_eq!(Rounding::Up.apply(1, 3, 13), 5);
        assert_eq!(Rounding::Down.apply(1, 3, 13), 4);
        assert_eq!(Rounding::Up.apply(1, 4, 12), 3);
    }

    #[test]
    fn a_class_minimum_above_the_seats_is_unreachable() {
        let members = [
            member("northvale", "council", Some(10)),
            member("southmere", "council", Some(6)),
        ];
        let q = |n| Quorum {
            clause: Clause("4".to_owned()),
            rule: Some(QuorumRule::AtLeast { n: 6, class: None }),
            all: vec![Condition::EachOf {
                n,
                from: vec![
                    Group::Member(MemberId::parse("northvale").unwrap()),
                    Group::Member(MemberId::parse("southmere").unwrap()),
                ],
            }],
            fallback: QuorumFallback::default(),
        };
        assert_eq!(q(2).unreachable(&members.iter(), Counting::People), None);
        let u = q(7).unreachable(&members.iter(), Counting::People).unwrap();
        let southmere = Group::Member(MemberId::parse("southmere").unwrap());
        assert_eq!(
            (u.needed, u.available, u.of),
            (7, 6, Counted::From(southmere))
        );
        // Counted as organisations, six members are out of reach of two.
        assert!(
            q(2).unreachable(&members.iter(), Counting::Organisations)
                .is_some()
        );
    }
}

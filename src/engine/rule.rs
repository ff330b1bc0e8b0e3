//! The rules a finding can name: one enum, so a new rule is added here once and
//! every renderer, the cases schema and the cases reader know it.

use crate::model::{Keyword, keywords};

/// The rule a [`super::Finding`] judges. JSON spells it as its keyword (SPEC §6
/// fixes the names `check-meeting` and `tally` use).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Rule {
    /// The body's life: its ToR in force on the day (`check-meeting`, `tally`).
    InForce,
    // What `check-meeting` judges (and `audit`, meeting by meeting).
    Notice,
    ExtraordinaryNotice,
    Quorum,
    Chair,
    PublicAccess,
    Frequency,
    PublicMeeting,
    StandingItems,
    Membership,
    /// A meeting held before or after an event the ToR names (issue 16).
    EventDeadline,
    // What `tally` judges (`quorum` too).
    Eligibility,
    Proxy,
    ConflictOfInterest,
    Decision,
    CastingVote,
    OptOut,
    // What only `audit` judges, over a year.
    Minutes,
    ChairElection,
    /// A recorded holder kept the chair beyond its term.
    ChairTerm,
    Review,
}

keywords!(serialize Rule {
    InForce = "in-force",
    Notice = "notice",
    ExtraordinaryNotice = "extraordinary-notice",
    Quorum = "quorum",
    Chair = "chair",
    PublicAccess = "public-access",
    Frequency = "frequency",
    PublicMeeting = "public-meeting",
    StandingItems = "standing-items",
    Membership = "membership",
    EventDeadline = "event-deadline",
    Eligibility = "eligibility",
    Proxy = "proxy",
    ConflictOfInterest = "conflict-of-interest",
    Decision = "decision",
    CastingVote = "casting-vote",
    OptOut = "opt-out",
    Minutes = "minutes",
    ChairElection = "chair-election",
    ChairTerm = "chair-term",
    Review = "review",
});

impl Rule {
    /// The keywords of `rules` in a line, as human output lists them.
    pub fn join(rules: &[Self]) -> String {
        let names: Vec<&str> = rules.iter().map(|r| r.as_str()).collect();
        names.join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rule_serialises_as_its_keyword() {
        for name in Rule::NAMES {
            let rule: Rule = name.parse().expect("a rule");
            assert_eq!(
                serde_json::to_string(&rule).expect("serialises"),
                format!("\"{name}\"")
            );
        }
        assert_eq!(
            Rule::join(&[Rule::Quorum, Rule::CastingVote]),
            "quorum, casting-vote"
        );
    }
}

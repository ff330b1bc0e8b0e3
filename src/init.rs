//! `tor init`: a new ToR file from a few answers, valid by construction.
//!
//! The file is built with `toml_edit`, so every value is escaped by a TOML writer
//! and every comment sits above the key it explains. The text is loaded back before
//! it is returned: a file that `tor validate` would reject is never handed out.

mod answers;
mod chair;
mod document;
mod general;
mod member;
mod shapes;

pub use answers::{Answers, FrequencyAnswer, QuorumAnswer, check_chair, check_quorum};
pub use chair::ChairAnswer;
pub use general::{ChairExtra, DecisionAnswer, FallbackClauses, General};
pub use member::{MemberAnswer, Stated};
pub use shapes::{
    AlternationAnswer, BaseAnswer, CastingAnswer, ConditionAnswer, CountsAnswer, EscalationAnswer,
    FallbackAnswer, MethodAnswer, RemoteAnswer, SeatsAnswer, SendersAnswer, ShareAnswer,
    SubstitutesAnswer, TermAnswer, WrittenAnswer,
};

use crate::model::{ClassId, InvalidId, MemberId};

/// The clause written where none was given. `tor validate` accepts any text, so a
/// comment beside each one says it must be replaced.
pub const PLACEHOLDER: &str = "TODO";

/// Why the answers cannot make a ToR file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InitError {
    #[error(transparent)]
    Id(#[from] InvalidId),
    #[error(
        "member `{input}`: {reason}; write ID:CLASS or ID:CLASS:NAME, e.g. `police:responsible-authority:Merseyside Police`"
    )]
    Member { input: String, reason: String },
    #[error("quorum `{input}`: {reason}; write N, N:CLASS or a fraction like 1/3")]
    Quorum { input: String, reason: String },
    #[error(
        "frequency `{input}`: {reason}; write every-N-months, N-per-PERIOD (at least) or exactly-N-per-PERIOD, with PERIOD month, quarter or year"
    )]
    Frequency { input: String, reason: String },
    #[error(
        "chair `{input}`: {reason}; write elected-annually, elected-at-may-meeting, named, named:MEMBER or rotating:CLASS:YEARS"
    )]
    Chair { input: String, reason: String },
    #[error("the chair's member `{0}` is not one of the members given")]
    ChairMember(MemberId),
    #[error("the chair rotates in class `{class}`, which is not the class of any member{}", known_classes(.known))]
    ChairClass { class: ClassId, known: Vec<ClassId> },
    #[error("{what} `{input}`: {reason}")]
    Shape {
        what: &'static str,
        input: String,
        reason: String,
    },
    #[error("{role} names `{id}`, which is not one of the members given")]
    UnknownMember { id: String, role: &'static str },
    #[error("{role} names class `{class}`, which is not the class of any member{}", known_classes(.known))]
    UnknownClass {
        class: ClassId,
        role: &'static str,
        known: Vec<ClassId>,
    },
    #[error(
        "a majority's base or share (--majority-of, --majority-share) needs --decision majority or consensus-then-majority"
    )]
    ThresholdWithoutMajority,
    #[error("the name is empty")]
    EmptyName,
    #[error("the clause of the {0} rule is empty: give its number or heading in the ToR")]
    EmptyClause(&'static str),
    #[error("member `{0}` is given twice")]
    DuplicateMember(MemberId),
    #[error("a quorum of {n} is more than the {eligible} {of}")]
    QuorumTooHigh { n: u32, eligible: usize, of: String },
    #[error("quorum class `{class}` is not the class of any member{}", known_classes(.known))]
    QuorumClass { class: ClassId, known: Vec<ClassId> },
    #[error("the file tor init made does not load (a bug in tor): {0}")]
    NotValid(String),
}

fn known_classes(known: &[ClassId]) -> String {
    if known.is_empty() {
        " (no member is given)".to_owned()
    } else {
        let names: Vec<String> = known.iter().map(|c| format!("`{c}`")).collect();
        format!(" (the classes are {})", names.join(", "))
    }
}

/// The ToR file for `answers`, commented, checked by loading it back.
pub fn render(answers: &Answers) -> Result<String, InitError> {
    answers.check()?;
    let text = document::document(answers).to_string();
    let loaded = crate::load::load_tor(
        "<tor init>",
        Some(answers.id.as_str()),
        text.as_bytes(),
        None,
    );
    if loaded.tor.is_none() || loaded.errors() > 0 {
        let messages: Vec<&str> = loaded
            .diagnostics
            .iter()
            .map(|d| d.message.as_str())
            .collect();
        return Err(InitError::NotValid(messages.join("; ")));
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{PartnershipId, Period};

    fn member(s: &str) -> MemberAnswer {
        s.parse().unwrap()
    }

    fn answers() -> Answers {
        let mut a = Answers::new(
            PartnershipId::parse("test-group").unwrap(),
            "Test \"Group\" — Ynys Môn".to_owned(),
        );
        a.members = vec![
            member("council:responsible-authority"),
            member("police:responsible-authority:The Police: North"),
            member("vcs:co-opted"),
        ];
        a
    }

    #[test]
    fn parses_members() {
        let m = member("police:responsible-authority:The Police: North");
        assert_eq!(m.id.as_str(), "police");
        assert_eq!(m.class.as_str(), "responsible-authority");
        assert_eq!(m.name.as_deref(), Some("The Police: North"));
        assert_eq!(member("a:b:").name, None);
        for bad in ["police", "Police:ra", "police:Ra", "police:", ":ra", ""] {
            assert!(bad.parse::<MemberAnswer>().is_err(), "{bad:?} accepted");
        }
    }

    #[test]
    fn parses_quorum() {
        assert_eq!(
            "3:ra".parse(),
            Ok(QuorumAnswer::AtLeast {
                n: 3,
                class: Some(ClassId::parse("ra").unwrap())
            })
        );
        assert_eq!(
            "1/3".parse(),
            Ok(QuorumAnswer::Fraction {
                numerator: 1,
                denominator: 3
            })
        );
        for text in ["3", "3:ra", "1/3"] {
            assert_eq!(text.parse::<QuorumAnswer>().unwrap().to_string(), text);
        }
        for bad in ["0", "-1", "x", "3:RA", "0/3", "4/3", "1/0", "1/x", ""] {
            assert!(bad.parse::<QuorumAnswer>().is_err(), "{bad:?} accepted");
        }
    }

    #[test]
    fn parses_frequency() {
        assert_eq!(
            "every-2-months".parse(),
            Ok(FrequencyAnswer::EveryMonths(2))
        );
        assert_eq!(
            "4-per-year".parse(),
            Ok(FrequencyAnswer::AtLeast(4, Period::Year))
        );
        assert_eq!(
            "exactly-10-per-year".parse(),
            Ok(FrequencyAnswer::Exactly(10, Period::Year))
        );
        for text in [
            "every-2-months",
            "4-per-quarter",
            "exactly-1-per-month",
            "1-per-week",
        ] {
            assert_eq!(text.parse::<FrequencyAnswer>().unwrap().to_string(), text);
        }
        for bad in [
            "every-0-months",
            "4-per-fortnight",
            "monthly",
            "0-per-year",
            "",
        ] {
            assert!(bad.parse::<FrequencyAnswer>().is_err(), "{bad:?} accepted");
        }
    }

    #[test]
    fn renders_a_file_that_loads() {
        let mut a = answers();
        a.quorum = Some(Stated::new(
            "2:responsible-authority".parse().unwrap(),
            None,
        ));
        a.notice_working_days = Some(Stated::new(5, Some("4.2 \"Notice\"".into())));
        a.decision = Some(Stated::new(
            DecisionAnswer::method(MethodAnswer::Consensus),
            None,
        ));
        a.frequency = Some(Stated::new(FrequencyAnswer::Exactly(4, Period::Year), None));
        let text = render(&a).unwrap();
        let tor = crate::load::load_tor("t", Some("test-group"), text.as_bytes(), None)
            .tor
            .unwrap();
        assert_eq!(tor.name, a.name);
        assert_eq!(tor.members.len(), 3);
        assert_eq!(tor.classes.len(), 2);
        assert_eq!(tor.member("police").unwrap().name, "The Police: North");
        assert_eq!(tor.notice.agenda.unwrap().clause.0, "4.2 \"Notice\"");
        assert_eq!(a.placeholders(), 3);
        assert!(text.contains("[notice.agenda]") && !text.contains("[notice]\n"));
    }

    #[test]
    fn refuses_impossible_answers() {
        let mut a = answers();
        a.quorum = Some(Stated::new(
            "3:responsible-authority".parse().unwrap(),
            None,
        ));
        assert!(matches!(render(&a), Err(InitError::QuorumTooHigh { .. })));
        a.quorum = Some(Stated::new("1:chair".parse().unwrap(), None));
        assert!(matches!(render(&a), Err(InitError::QuorumClass { .. })));
        a.quorum = Some(Stated::new("4".parse().unwrap(), None));
        assert!(matches!(render(&a), Err(InitError::QuorumTooHigh { .. })));
        a.quorum = None;
        a.members.push(member("vcs:other"));
        assert!(matches!(render(&a), Err(InitError::DuplicateMember(_))));
        let mut a = answers();
        a.name = " ".into();
        assert_eq!(render(&a), Err(InitError::EmptyName));
        let mut a = answers();
        a.decision = Some(Stated::new(
            DecisionAnswer::method(MethodAnswer::Majority),
            Some(String::new()),
        ));
        assert_eq!(render(&a), Err(InitError::EmptyClause("decision")));
    }

    #[test]
    fn renders_without_members() {
        let a = Answers::new(PartnershipId::parse("a").unwrap(), "A".into());
        let text = render(&a).unwrap();
        assert!(!text.contains("[[members]]"));
    }
}

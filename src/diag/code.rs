//! The stable code of every diagnostic, spelled once, with what it means.

use crate::model::{Keyword, keywords};

/// What a diagnostic is about. Its keyword is stable: scripts and CI filters
/// match on it (JSON `code`, SARIF `ruleId`, GitHub titles, JUnit lines).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Code {
    // About the file as text.
    Syntax,
    NotText,
    EmptyFile,
    ControlCharacter,
    FileName,
    NoTor,
    // About its keys and values.
    UnknownKey,
    MissingKey,
    WrongType,
    InvalidValue,
    InvalidDate,
    InvalidId,
    IdMismatch,
    DuplicateId,
    UnknownMember,
    UnknownClass,
    UnknownBodyType,
    UnknownRegion,
    UnknownTimezone,
    UnknownKeyword,
    ConflictingKeys,
    ImpossibleRule,
    InvertedDates,
    MemberOverlap,
    MemberGap,
    EmptyValue,
    DuplicateValue,
    OutOfRange,
    // About a cases file.
    NoCases,
    DuplicateCase,
    // About a ToR's dated amendments.
    AmendmentOrder,
    AmendmentOverlap,
    NotInForce,
    // About the chair's recorded holders.
    ChairHolderOrder,
    ChairRotation,
    // About a meeting, a meeting record or a votes file.
    Contradiction,
    NeedsTime,
    PreviousNotBefore,
    DuplicateMeeting,
    DuplicateCancellation,
    CancelledAndHeld,
    CirculatedAfter,
    MinutesBefore,
    DuplicateMember,
    NotAMember,
    StandInNotAllowed,
    NoDeputyChair,
    OutOfOrder,
    // Warnings about a coherent ToR.
    ReviewOverdue,
    QuorumUnreachable,
    NoQuorumRule,
    NoNoticeRule,
    NoDecisionRule,
    NoFrequencyRule,
    NoChairRule,
    NoReviewRule,
    PlaceholderClause,
    AbolishedBody,
}

keywords!(serialize Code {
    Syntax = "syntax",
    NotText = "not-text",
    EmptyFile = "empty-file",
    ControlCharacter = "control-character",
    FileName = "file-name",
    NoTor = "no-tor",
    UnknownKey = "unknown-key",
    MissingKey = "missing-key",
    WrongType = "wrong-type",
    InvalidValue = "invalid-value",
    InvalidDate = "invalid-date",
    InvalidId = "invalid-id",
    IdMismatch = "id-mismatch",
    DuplicateId = "duplicate-id",
    UnknownMember = "unknown-member",
    UnknownClass = "unknown-class",
    UnknownBodyType = "unknown-body-type",
    UnknownRegion = "unknown-region",
    UnknownTimezone = "unknown-timezone",
    UnknownKeyword = "unknown-keyword",
    ConflictingKeys = "conflicting-keys",
    ImpossibleRule = "impossible-rule",
    InvertedDates = "inverted-dates",
    MemberOverlap = "member-overlap",
    MemberGap = "member-gap",
    EmptyValue = "empty-value",
    DuplicateValue = "duplicate-value",
    OutOfRange = "out-of-range",
    NoCases = "no-cases",
    DuplicateCase = "duplicate-case",
    AmendmentOrder = "amendment-order",
    AmendmentOverlap = "amendment-overlap",
    NotInForce = "not-in-force",
    ChairHolderOrder = "chair-holder-order",
    ChairRotation = "chair-rotation",
    Contradiction = "contradiction",
    NeedsTime = "needs-time",
    PreviousNotBefore = "previous-not-before",
    DuplicateMeeting = "duplicate-meeting",
    DuplicateCancellation = "duplicate-cancellation",
    CancelledAndHeld = "cancelled-and-held",
    CirculatedAfter = "circulated-after",
    MinutesBefore = "minutes-before",
    DuplicateMember = "duplicate-member",
    NotAMember = "not-a-member",
    StandInNotAllowed = "stand-in-not-allowed",
    NoDeputyChair = "no-deputy-chair",
    OutOfOrder = "out-of-order",
    ReviewOverdue = "review-overdue",
    QuorumUnreachable = "quorum-unreachable",
    NoQuorumRule = "no-quorum-rule",
    NoNoticeRule = "no-notice-rule",
    NoDecisionRule = "no-decision-rule",
    NoFrequencyRule = "no-frequency-rule",
    NoChairRule = "no-chair-rule",
    NoReviewRule = "no-review-rule",
    PlaceholderClause = "placeholder-clause",
    AbolishedBody = "abolished-body",
});

/// Codes earlier versions reported for what is now one concept, and the code
/// that replaced each. Kept so that a script filtering on an old code can be
/// pointed at its successor; [`Code::from_name`] accepts them.
pub const ALIASES: &[(&str, Code)] = &[
    ("unknown-kind", Code::UnknownKeyword),
    ("invalid-vote", Code::UnknownKeyword),
    ("unknown-status", Code::UnknownKeyword),
    ("unknown-outcome", Code::UnknownKeyword),
];

impl Code {
    /// Every code, in declaration order.
    pub fn all() -> impl Iterator<Item = Self> {
        Self::NAMES.iter().filter_map(|n| Self::from_keyword(n))
    }

    /// The code a name stands for: its keyword or a former code in [`ALIASES`].
    pub fn from_name(name: &str) -> Option<Self> {
        Self::from_keyword(name).or_else(|| {
            ALIASES
                .iter()
                .find(|(alias, _)| *alias == name)
                .map(|&(_, code)| code)
        })
    }

    /// The former codes now reported as this one.
    pub fn aliases(self) -> impl Iterator<Item = &'static str> {
        ALIASES
            .iter()
            .filter(move |(_, code)| *code == self)
            .map(|&(alias, _)| alias)
    }

    /// How bad a diagnostic with this code is: every code has one severity.
    pub fn severity(self) -> super::Severity {
        match self {
            Self::ControlCharacter
            | Self::StandInNotAllowed
            | Self::NoDeputyChair
            | Self::ChairRotation
            | Self::ReviewOverdue
            | Self::QuorumUnreachable
            | Self::NoQuorumRule
            | Self::NoNoticeRule
            | Self::NoDecisionRule
            | Self::NoFrequencyRule
            | Self::NoChairRule
            | Self::NoReviewRule
            | Self::PlaceholderClause
            | Self::AbolishedBody
            | Self::MemberGap => super::Severity::Warning,
            _ => super::Severity::Error,
        }
    }

    /// One sentence saying what the code means, for SARIF `rules[]` and the
    /// README's table of codes.
    pub fn description(self) -> &'static str {
        match self {
            Self::Syntax => "The file is not valid TOML.",
            Self::NotText => "The file is not UTF-8 text, or holds a NUL byte.",
            Self::EmptyFile => "The file is empty.",
            Self::ControlCharacter => {
                "A key or string value holds a control character, a line break, or a bidi embedding, override or isolate."
            }
            Self::FileName => "The file's name does not match the id it declares.",
            Self::NoTor => {
                "A meeting record or cases file whose ToR beside it is missing or not valid, so it cannot be checked."
            }
            Self::UnknownKey => "A key this kind of file does not have (often a typo).",
            Self::MissingKey => "A key or table that is required is missing.",
            Self::WrongType => {
                "A value of the wrong TOML type (such as a number where text is expected)."
            }
            Self::InvalidValue => "A value of the right type that is not allowed there.",
            Self::InvalidDate => {
                "A date or date-time that does not exist or is not written in a form tor reads."
            }
            Self::InvalidId => "An id that is not kebab-case (lowercase letters, digits, hyphens).",
            Self::IdMismatch => "The ToR's `id` differs from its file name.",
            Self::DuplicateId => "An id (member, class or standing item) defined twice.",
            Self::UnknownMember => "A member id the ToR does not define.",
            Self::UnknownClass => "A class id the ToR does not define.",
            Self::UnknownBodyType => {
                "A member's `body` names a statutory body type neither the bundled table nor the ToR's `[[statutory_bodies]]` defines."
            }
            Self::UnknownRegion => "A bank-holiday region tor does not know.",
            Self::UnknownTimezone => "A time zone other than Europe/London or UTC.",
            Self::UnknownKeyword => {
                "A word that is not one of the keywords allowed there (a month, a kind of decision, a vote, a finding status, an outcome…)."
            }
            Self::ConflictingKeys => {
                "Keys that exclude each other given together, or none of a set that needs exactly one."
            }
            Self::ImpossibleRule => {
                "A rule no meeting could meet, such as a quorum of 0 or larger than the membership."
            }
            Self::InvertedDates => "An end date before its start date.",
            Self::MemberOverlap => {
                "A member and the member it `succeeds` both hold the seat on some day (or one of them has no end or start date)."
            }
            Self::MemberGap => {
                "Days between a member's `until` and the `from` of the member that `succeeds` it, when no one held the seat."
            }
            Self::EmptyValue => "A value that must not be empty is empty.",
            Self::DuplicateValue => "A list names the same value twice.",
            Self::OutOfRange => "A number or date outside the range tor accepts.",
            Self::NoCases => "A cases file with no `[[case]]`.",
            Self::DuplicateCase => "Two cases of one cases file share a name.",
            Self::AmendmentOrder => {
                "An amendment written before an older one, or dated on or before the ToR's adoption."
            }
            Self::AmendmentOverlap => "One rule changed by two amendments on the same day.",
            Self::NotInForce => {
                "A version of the ToR removes a rule not in force on its date, or names an organisation that is not a member on it."
            }
            Self::ChairHolderOrder => {
                "Chair holders not in date order, or one starting before the one above it ended."
            }
            Self::ChairRotation => {
                "Recorded chair holders that break the rotation: one member twice in a row, a holder outside the class the chair rotates among, or a turn longer than the chair's term."
            }
            Self::Contradiction => {
                "A member named twice for one meeting or vote, in capacities that contradict each other."
            }
            Self::NeedsTime => {
                "A date given where the notice rule counts hours, so the time is needed too."
            }
            Self::PreviousNotBefore => "The previous meeting given is not before this meeting.",
            Self::DuplicateMeeting => "A meeting record lists a meeting on one date twice.",
            Self::DuplicateCancellation => "A meeting record lists a cancellation twice.",
            Self::CancelledAndHeld => {
                "A meeting record has one date both as held and as cancelled."
            }
            Self::CirculatedAfter => "Papers recorded as circulated after their meeting.",
            Self::MinutesBefore => "Minutes recorded as out before their meeting.",
            Self::DuplicateMember => "A member listed twice in one list.",
            Self::NotAMember => "Someone recorded at a meeting who was not a member on its date.",
            Self::StandInNotAllowed => {
                "A stand-in (substitute, deputy or proxy) recorded where the ToR allows none."
            }
            Self::NoDeputyChair => {
                "A deputy recorded in the chair where the ToR names no deputy chair."
            }
            Self::OutOfOrder => {
                "An agenda item, arrival or departure before the meeting starts or the item above it."
            }
            Self::ReviewOverdue => "The ToR's review date has passed.",
            Self::QuorumUnreachable => {
                "The quorum needs more members of a class than hold membership."
            }
            Self::NoQuorumRule => "The ToR states no quorum; quorum checks report `skip`.",
            Self::NoNoticeRule => {
                "The ToR states no notice period for agenda and papers; notice checks report `skip`."
            }
            Self::NoDecisionRule => {
                "The ToR states no decision-making rule; vote checks report `skip`."
            }
            Self::NoFrequencyRule => {
                "The ToR states no meeting frequency; frequency checks report `skip`."
            }
            Self::NoChairRule => {
                "The ToR states no rule for the chair; chair checks report `skip`."
            }
            Self::NoReviewRule => "The ToR states no review date or cycle.",
            Self::PlaceholderClause => "Rules cite the clause \"TODO\" rather than a real clause.",
            Self::AbolishedBody => {
                "A member still listed on the as-of date is of a kind of statutory body the law had abolished by then."
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_has_one_spelling_and_a_sentence() {
        assert_eq!(Code::all().count(), Code::NAMES.len());
        for code in Code::all() {
            let d = code.description();
            assert!(d.ends_with('.') && d.len() > 10, "{code}: {d}");
            assert_eq!(Code::from_name(code.as_str()), Some(code));
        }
    }

    #[test]
    fn former_codes_are_aliases_not_codes() {
        for (alias, code) in ALIASES {
            assert_eq!(Code::from_keyword(alias), None, "{alias}");
            assert_eq!(Code::from_name(alias), Some(*code));
        }
        assert_eq!(
            Code::UnknownKeyword.aliases().collect::<Vec<_>>(),
            [
                "unknown-kind",
                "invalid-vote",
                "unknown-status",
                "unknown-outcome"
            ]
        );
        assert_eq!(
            serde_json::to_string(&Code::UnknownKeyword).expect("serialises"),
            "\"unknown-keyword\""
        );
    }
}

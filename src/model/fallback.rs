//! What the ToR lets an inquorate meeting do: continue at someone's discretion
//! with its decisions ratified later, or, reconvened after an adjournment, be
//! quorate with those present.

use serde::Serialize;

use super::Clause;
use super::keyword::keywords;

/// The quorum's fallbacks; each is absent where the ToR states none.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct QuorumFallback {
    /// An inquorate meeting may continue (`[quorum.fallback.continue]`).
    #[serde(rename = "continue", skip_serializing_if = "Option::is_none")]
    pub continued: Option<Continuation>,
    /// A reconvened adjourned meeting (`[quorum.fallback.adjourned]`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub adjourned: Option<Adjourned>,
}

impl QuorumFallback {
    pub fn is_empty(&self) -> bool {
        self.continued.is_none() && self.adjourned.is_none()
    }
}

/// An inquorate meeting may continue; what it decides must be ratified.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Continuation {
    pub clause: Clause,
    /// Whose discretion lets it continue.
    pub by: Discretion,
    pub ratify: Ratify,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Discretion {
    /// The chair (or whoever presides).
    Chair,
    /// The members present, by resolution.
    Meeting,
}

keywords!(serialize Discretion { Chair = "chair", Meeting = "meeting" });

/// Where a continued meeting's decisions must be ratified.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ratify {
    NextQuorateMeeting,
}

keywords!(serialize Ratify { NextQuorateMeeting = "next-quorate-meeting" });

/// A meeting reconvened after it was adjourned for want of a quorum.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Adjourned {
    pub clause: Clause,
    pub quorum: AdjournedQuorum,
}

/// The quorum of a reconvened adjourned meeting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AdjournedQuorum {
    /// Those present are a quorum, however few.
    ThosePresent,
}

keywords!(serialize AdjournedQuorum { ThosePresent = "those-present" });

impl Discretion {
    /// Who let it continue, as a message says it.
    pub fn who(self) -> &'static str {
        match self {
            Self::Chair => "the chair",
            Self::Meeting => "the members present",
        }
    }
}

impl Ratify {
    /// Where, as a message says it.
    pub fn at(self) -> &'static str {
        match self {
            Self::NextQuorateMeeting => "the next quorate meeting",
        }
    }
}

//! The capacity in which an organisation takes part in a meeting or a vote: one
//! type for the meeting rules, the record of meetings and the tally.

use super::Keyword;
use super::keyword::keywords;
use super::{Decisions, StandIns};

/// How an organisation is there: its own representative, a stand-in the ToR may
/// allow, or (for a vote only) a proxy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Capacity {
    Member,
    Substitute,
    Deputy,
    Proxy,
}

keywords!(serialize Capacity {
    Member = "member",
    Substitute = "substitute",
    Deputy = "deputy",
    Proxy = "proxy",
});

impl Capacity {
    /// The capacities a meeting's lists name, in the order of the lists
    /// (attendees, substitutes, deputies).
    pub const AT_MEETING: [Self; 3] = [Self::Member, Self::Substitute, Self::Deputy];

    /// The capacity as said of an organisation named in one of the lists.
    pub fn phrase(self) -> &'static str {
        match self {
            Self::Member => "an attendee in person",
            Self::Substitute => "represented by a substitute",
            Self::Deputy => "represented by a deputy",
            Self::Proxy => "represented by a proxy",
        }
    }

    /// Several of them: "substitutes", "deputies".
    pub fn plural(self) -> &'static str {
        match self {
            Self::Member => "representatives",
            Self::Substitute => "substitutes",
            Self::Deputy => "deputies",
            Self::Proxy => "proxies",
        }
    }

    /// Who is there for the member, as a noun.
    pub fn noun(self) -> &'static str {
        match self {
            Self::Member => "representative",
            other => other.as_str(),
        }
    }
}

impl Decisions {
    /// The ToR's rule for a stand-in in this capacity; `None` for a capacity that
    /// is not a stand-in or that the ToR does not provide for.
    pub fn stand_ins(&self, capacity: Capacity) -> Option<&StandIns> {
        match capacity {
            Capacity::Substitute => self.substitutes.as_ref(),
            Capacity::Deputy => self.deputies.as_ref(),
            Capacity::Member | Capacity::Proxy => None,
        }
    }
}

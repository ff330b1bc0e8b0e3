//! The chair: how it is filled, who presides when the chair is away, and the
//! limits on holding it. Who actually presided at a meeting is [`Presiding`].

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::keyword::keywords;
use super::{ChairHolder, ClassId, Clause, MemberId};

#[derive(Debug, Clone, Serialize)]
pub struct Chair {
    pub clause: Clause,
    pub appointment: ChairAppointment,
    /// The member organisation that provides the chair, where named.
    pub member: Option<MemberId>,
    /// A deputy (or vice-chair) may chair in the chair's absence.
    pub deputy: Option<Clause>,
    /// The chair has a casting vote on equal votes.
    pub casting_vote: Option<Clause>,
    /// The member organisation that provides the vice-chair, where named.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vice_chair: Option<MemberId>,
    /// Who presides when the chair is absent, in order. Empty with `deputy`
    /// set means the vice-chair alone, as before fallbacks could be listed.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub fallbacks: Vec<ChairFallback>,
    /// The chair is drawn from this class.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub class: Option<ClassId>,
    /// Chair and vice-chair alternate among members year by year.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub alternation: Option<Alternation>,
    /// How long one holder's term lasts and how many may run together.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub term: Option<Term>,
    /// Who held the chair from when, in date order, none overlapping.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub holders: Vec<ChairHolder>,
}

impl Chair {
    /// Who may preside in the chair's absence, in order.
    pub fn fallback_order(&self) -> Vec<ChairFallback> {
        if self.fallbacks.is_empty() && self.deputy.is_some() {
            vec![ChairFallback::ViceChair]
        } else {
            self.fallbacks.clone()
        }
    }

    /// The clause allowing `fallback`: the deputy's own clause for the
    /// vice-chair where there is one, else the chair's.
    pub fn fallback_clause(&self, fallback: ChairFallback) -> Option<&Clause> {
        if !self.fallback_order().contains(&fallback) {
            return None;
        }
        match (fallback, &self.deputy) {
            (ChairFallback::ViceChair, Some(clause)) => Some(clause),
            _ => Some(&self.clause),
        }
    }

    /// The member that provides the chair on `date`: the alternation's, else
    /// the holder recorded on that day, else the named member.
    pub fn chair_member_on(&self, date: NaiveDate) -> Option<&MemberId> {
        match &self.alternation {
            Some(a) => a.chair_on(date),
            None => self
                .holder_on(date)
                .map(|h| &h.member)
                .or(self.member.as_ref()),
        }
    }

    /// The member that provides the vice-chair on `date`.
    pub fn vice_member_on(&self, date: NaiveDate) -> Option<&MemberId> {
        match &self.alternation {
            Some(a) => a.vice_on(date),
            None => self.vice_chair.as_ref(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "kind")]
pub enum ChairAppointment {
    ElectedAnnually,
    /// Elected each year at the May meeting.
    ElectedAtMayMeeting,
    /// Rotates among the members of a class every `years` years.
    Rotating {
        class: ClassId,
        years: u32,
    },
    /// A named office holds the chair (e.g. the Chief Fire Officer).
    Named,
}

impl ChairAppointment {
    pub const NAMES: [&'static str; 4] = [
        "elected-annually",
        "elected-at-may-meeting",
        "rotating",
        "named",
    ];
}

/// Who presides when the chair is absent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ChairFallback {
    /// The vice-chair (or deputy).
    ViceChair,
    /// A member chosen by the meeting, or nominated, for that meeting only.
    Chosen,
}

keywords!(ChairFallback {
    ViceChair = "vice-chair",
    Chosen = "chosen",
});

/// Chair and vice-chair taken in turn by `members`, each turn a year starting
/// on the anniversary of `starts`: the first member chairs from `starts`, the
/// next is vice-chair, and they move on one place each year.
#[derive(Debug, Clone, Serialize)]
pub struct Alternation {
    pub clause: Clause,
    pub members: Vec<MemberId>,
    pub starts: NaiveDate,
}

impl Alternation {
    /// Whole years from `starts` to `date`, or `None` before it.
    fn turn(&self, date: NaiveDate) -> Option<usize> {
        if date < self.starts || self.members.is_empty() {
            return None;
        }
        let mut years = date.year() - self.starts.year();
        if (date.month(), date.day()) < (self.starts.month(), self.starts.day()) {
            years -= 1;
        }
        usize::try_from(years).ok()
    }

    pub fn chair_on(&self, date: NaiveDate) -> Option<&MemberId> {
        let turn = self.turn(date)?;
        self.members.get(turn % self.members.len())
    }

    pub fn vice_on(&self, date: NaiveDate) -> Option<&MemberId> {
        let turn = self.turn(date)?;
        self.members.get((turn + 1) % self.members.len())
    }

    /// The first day of the turn holding `date`.
    pub fn turn_start(&self, date: NaiveDate) -> Option<NaiveDate> {
        let turn = u32::try_from(self.turn(date)?).ok()?;
        self.starts
            .checked_add_months(chrono::Months::new(turn.checked_mul(12)?))
    }
}

/// A chair's term and the limit on terms in a row.
#[derive(Debug, Clone, Serialize)]
pub struct Term {
    pub clause: Clause,
    pub years: u32,
    /// At most this many terms in a row by one holder (1: no consecutive terms).
    pub max_consecutive: Option<u32>,
}

/// Who presides over a meeting, or an item of it. The member is the
/// organisation whose representative presides, where it is known.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "role", content = "member")]
pub enum Presiding {
    Chair(Option<MemberId>),
    ViceChair(Option<MemberId>),
    /// A member chosen by the meeting presides.
    Chosen(Option<MemberId>),
    /// No one entitled to preside does.
    None,
}

impl Presiding {
    /// The organisation whose representative presides, where known.
    pub fn member(&self) -> Option<&MemberId> {
        match self {
            Self::Chair(m) | Self::ViceChair(m) | Self::Chosen(m) => m.as_ref(),
            Self::None => None,
        }
    }

    /// Someone presides.
    pub fn is_some(&self) -> bool {
        *self != Self::None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().expect("a date")
    }

    fn scrutiny() -> Alternation {
        Alternation {
            clause: Clause("5".into()),
            members: vec![
                MemberId::parse("northvale").expect("id"),
                MemberId::parse("southmere").expect("id"),
            ],
            starts: d("2025-06-01"),
        }
    }

    #[test]
    fn the_chair_swaps_on_the_first_of_june() {
        let a = scrutiny();
        let chair = |s| a.chair_on(d(s)).map(MemberId::as_str);
        let vice = |s| a.vice_on(d(s)).map(MemberId::as_str);
        assert_eq!(chair("2025-05-31"), None);
        assert_eq!(chair("2025-06-01"), Some("northvale"));
        assert_eq!(vice("2025-06-01"), Some("southmere"));
        assert_eq!(chair("2026-05-31"), Some("northvale"));
        assert_eq!(chair("2026-06-01"), Some("southmere"));
        assert_eq!(vice("2026-06-01"), Some("northvale"));
        assert_eq!(chair("2027-06-01"), Some("northvale"));
        assert_eq!(a.turn_start(d("2026-11-04")), Some(d("2026-06-01")));
    }
}

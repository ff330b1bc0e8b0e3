//! The rule families a ToR can state. Each rule keeps the clause that states it.

use chrono::NaiveDate;
use serde::Serialize;

use super::keyword::keywords;
use super::{ClassId, Clause, DecisionKind, StandIns};
use crate::calendar::Convention;

#[derive(Debug, Clone, Default, Serialize)]
pub struct Notices {
    pub agenda: Option<Notice>,
    pub extraordinary: Option<Notice>,
    /// Minutes are due this many working days after the meeting.
    pub minutes: Option<Notice>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Notice {
    pub clause: Clause,
    pub convention: Convention,
    pub n: u32,
}

impl Notice {
    /// The period in words: "5 clear working days".
    pub fn describe(&self) -> String {
        self.convention.describe(self.n)
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Frequency {
    pub clause: Clause,
    pub rule: FrequencyRule,
    /// Month and day the partnership's year starts; 1 January when absent.
    pub year_starts: Option<(u32, u32)>,
    /// The months meetings may be held in ("in October or November"); any
    /// month when empty.
    pub months: Vec<MonthName>,
    /// The days of the week meetings are held on ("on Thursdays"); any day
    /// when empty (and then left out of `show`'s JSON, which predates it).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub weekdays: Vec<WeekdayName>,
    /// The longest a meeting may follow the one before.
    pub max_gap: Option<Gap>,
    pub cancellation: Option<Cancellation>,
}

/// A maximum gap between one meeting and the next.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "unit", content = "n")]
pub enum Gap {
    /// Calendar months, by SPEC §3's month-end rule.
    Months(u32),
    Weeks(u32),
    Days(u32),
}

impl Frequency {
    /// Whether the ToR lets a meeting be held on `date` at all.
    pub fn in_window(&self, date: NaiveDate) -> bool {
        self.in_months(date) && self.on_weekday(date)
    }

    /// Whether `date` falls in a month the ToR lets meetings be held in.
    pub fn in_months(&self, date: NaiveDate) -> bool {
        use chrono::Datelike;
        self.months.is_empty() || self.months.iter().any(|m| m.number() == date.month())
    }

    /// Whether `date` falls on a day of the week the ToR holds meetings on.
    pub fn on_weekday(&self, date: NaiveDate) -> bool {
        use chrono::Datelike;
        self.weekdays.is_empty() || self.weekdays.iter().any(|d| d.chrono() == date.weekday())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "kind")]
pub enum FrequencyRule {
    /// The next meeting by the same day `months` months on.
    EveryMonths {
        months: u32,
    },
    AtLeast {
        n: u32,
        per: Period,
    },
    /// A stated number of meetings, no more and no fewer.
    Exactly {
        n: u32,
        per: Period,
    },
}

/// A day of the week, as a ToR names it for its meetings ("on Thursdays").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum WeekdayName {
    Monday,
    Tuesday,
    Wednesday,
    Thursday,
    Friday,
    Saturday,
    Sunday,
}

/// A month of the year, as a ToR names it in a month window.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum MonthName {
    January,
    February,
    March,
    April,
    May,
    June,
    July,
    August,
    September,
    October,
    November,
    December,
}

impl WeekdayName {
    /// The same day as chrono names it.
    pub fn chrono(self) -> chrono::Weekday {
        match self {
            Self::Monday => chrono::Weekday::Mon,
            Self::Tuesday => chrono::Weekday::Tue,
            Self::Wednesday => chrono::Weekday::Wed,
            Self::Thursday => chrono::Weekday::Thu,
            Self::Friday => chrono::Weekday::Fri,
            Self::Saturday => chrono::Weekday::Sat,
            Self::Sunday => chrono::Weekday::Sun,
        }
    }

    /// The plural as written in prose: `Thursdays`.
    pub fn plural_title(self) -> &'static str {
        match self {
            Self::Monday => "Mondays",
            Self::Tuesday => "Tuesdays",
            Self::Wednesday => "Wednesdays",
            Self::Thursday => "Thursdays",
            Self::Friday => "Fridays",
            Self::Saturday => "Saturdays",
            Self::Sunday => "Sundays",
        }
    }
}

impl MonthName {
    /// 1 for January to 12 for December.
    pub fn number(self) -> u32 {
        self as u32 + 1
    }

    /// The name as written in prose: `October`.
    pub fn title(self) -> &'static str {
        const TITLES: [&str; 12] = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        TITLES[self as usize]
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Period {
    Week,
    Month,
    Quarter,
    Year,
}

/// The chair may cancel a meeting; with `consult_members` only after consulting them.
#[derive(Debug, Clone, Serialize)]
pub struct Cancellation {
    pub clause: Clause,
    pub consult_members: bool,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct PublicRules {
    pub access: Option<PublicAccess>,
    pub meetings: Option<PublicMeetings>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PublicAccess {
    pub clause: Clause,
    pub mode: AccessMode,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum AccessMode {
    Closed,
    OpenExceptRestricted,
    Open,
}

#[derive(Debug, Clone, Serialize)]
pub struct PublicMeetings {
    pub clause: Clause,
    pub at_least_per_year: u32,
    pub required_class: Option<ClassId>,
    pub joint_with: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Decisions {
    pub clause: Clause,
    /// The rule for every kind without its own; `None` where the ToR states
    /// stand-ins or conflicts but no decision method.
    pub rule: Option<super::DecisionRule>,
    /// The kinds the ToR declares (built-in names included where it gives them a
    /// rule of their own).
    pub kinds: Vec<super::DeclaredKind>,
    pub written: Option<super::WrittenProcedure>,
    pub one_vote_per_organisation: Option<Clause>,
    pub proxies: Option<super::Proxies>,
    pub deputies: Option<StandIns>,
    pub substitutes: Option<StandIns>,
    pub opt_out: Option<KindRule>,
    pub conflicts_of_interest: Option<KindRule>,
    pub disputes: Option<Disputes>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DecisionMethod {
    Consensus,
    ConsensusThenMajority,
    Majority,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Majority {
    /// More votes for than against; abstentions are not counted.
    #[default]
    VotesCast,
    /// At least two thirds of the votes cast are for.
    TwoThirds,
    /// More than half of the voting members present are for.
    MembersPresent,
}

/// A rule that applies only to some kinds of decision.
#[derive(Debug, Clone, Serialize)]
pub struct KindRule {
    pub clause: Clause,
    pub kinds: Vec<DecisionKind>,
}

impl KindRule {
    pub fn applies_to(&self, kinds: &[DecisionKind]) -> bool {
        kinds.iter().any(|k| self.kinds.contains(k))
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Disputes {
    pub clause: Clause,
    pub referred_to: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct StandingItems {
    pub clause: Clause,
    pub items: Vec<String>,
    /// Spread across the year's agendas rather than taken at every meeting.
    pub staggered: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct Review {
    pub clause: Clause,
    pub annually: bool,
    pub next: Option<NaiveDate>,
}

keywords!(Period {
    Week = "week",
    Month = "month",
    Quarter = "quarter",
    Year = "year",
});
keywords!(WeekdayName {
    Monday = "monday",
    Tuesday = "tuesday",
    Wednesday = "wednesday",
    Thursday = "thursday",
    Friday = "friday",
    Saturday = "saturday",
    Sunday = "sunday",
});
keywords!(MonthName {
    January = "january",
    February = "february",
    March = "march",
    April = "april",
    May = "may",
    June = "june",
    July = "july",
    August = "august",
    September = "september",
    October = "october",
    November = "november",
    December = "december",
});
keywords!(AccessMode {
    Closed = "closed",
    OpenExceptRestricted = "open-except-restricted",
    Open = "open",
});
keywords!(DecisionMethod {
    Consensus = "consensus",
    ConsensusThenMajority = "consensus-then-majority",
    Majority = "majority",
});
keywords!(Majority {
    VotesCast = "votes-cast",
    TwoThirds = "two-thirds",
    MembersPresent = "members-present",
});

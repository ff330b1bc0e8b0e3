//! Worked cases kept beside a ToR, in the manner of OpenFisca's tests:
//! `<dir>/<id>.cases.toml`. Each case is a meeting, a vote, a year's audit
//! (`[case.audit]` on an inline `[case.record]`) or a meeting's deadlines
//! (`[case.deadlines]`), with what tor must find; `tor test` runs them, so a change to a ToR file or to the
//! rules engines that changes a verdict is caught.
//!
//! The format (every key documented on the structs below; unknown keys are errors):
//!
//! ```toml
//! #:schema ../schema/cases.schema.json
//! [[case]]
//! name = "Membership 5: three responsible authorities are a quorum"
//! [case.meeting]               # the keys of a `--meeting` file
//! at = 2012-12-06T14:00:00
//! attendees = ["local-authority", "police-force", "fire-rescue"]
//! [case.expect]
//! valid = true
//! findings = { quorum = "pass" }   # rule = status; only the rules listed are compared
//!
//! [[case]]
//! name = "Membership 4: equal votes need the chair's casting vote"
//! [case.vote]                  # the keys of a `--votes` file; `at` is required
//! at = 2013-01-10
//! for = ["local-authority", "police-force"]
//! against = ["fire-rescue", "probation"]
//! [case.expect]
//! valid = false
//! outcome = "tied"
//! findings = { casting-vote = "fail" }
//! ```
//!
//! A meeting case may carry `[case.record]` (the keys of `<id>.meetings.toml`:
//! `[[case.record.meeting]]`, `[[case.record.cancelled]]`) or `previous` in its
//! meeting table for the rules that need history; without either they are `skip`.
//! The record is inline, not a path, so the bundled cases run from the binary.

mod run;
mod year;

use std::fmt::Debug;

use chrono::NaiveDate;
use serde::Serialize;
use serde_json::Value as Json;

use super::meeting::{History, MeetingInput, check_meeting};
use super::record::Record;
use super::tally::{Outcome, VoteInput, tally};
use super::{Finding, FindingStatus, Rule};
use crate::calendar::{Calendar, DateOrTime};
use crate::model::{Keyword, MemberId, Tor};

/// The kind of file [`crate::catalog::Catalog::companion`] looks for.
pub const COMPANION: &str = "cases";

pub(crate) const STATUSES: [&str; 4] = ["pass", "fail", "warn", "skip"];
pub(crate) const OUTCOMES: [&str; 4] = ["carried", "lost", "no-consensus", "tied"];

// ---- the file, checked --------------------------------------------------------

/// A cases file with every id resolved and every value read.
#[derive(Debug, Clone)]
pub struct Cases {
    pub cases: Vec<Case>,
}

#[derive(Debug, Clone)]
pub struct Case {
    pub name: String,
    pub subject: Subject,
    pub expect: Expect,
}

/// What a case checks.
#[derive(Debug, Clone)]
pub enum Subject {
    Meeting {
        input: MeetingInput,
        record: Option<Record>,
    },
    Vote(VoteInput),
    /// The partnership year starting in `year`, judged as it stood on `as_of`.
    Audit {
        record: Record,
        year: i32,
        as_of: NaiveDate,
    },
    /// The deadlines of a meeting at a moment, or on a day.
    Deadlines {
        at: DateOrTime,
    },
}

/// The four kinds of case, for the keys that belong to only some of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SubjectKind {
    Meeting,
    Vote,
    Audit,
    Deadlines,
}

impl SubjectKind {
    pub fn of(subject: &Subject) -> Self {
        match subject {
            Subject::Meeting { .. } => Self::Meeting,
            Subject::Vote(_) => Self::Vote,
            Subject::Audit { .. } => Self::Audit,
            Subject::Deadlines { .. } => Self::Deadlines,
        }
    }

    /// The case's table, as written.
    pub fn key(self) -> &'static str {
        match self {
            Self::Meeting => "meeting",
            Self::Vote => "vote",
            Self::Audit => "audit",
            Self::Deadlines => "deadlines",
        }
    }

    /// What a case of this kind does, after "this case".
    pub fn doing(self) -> &'static str {
        match self {
            Self::Meeting => "checks a meeting",
            Self::Vote => "counts a vote",
            Self::Audit => "audits a year",
            Self::Deadlines => "counts a meeting's deadlines",
        }
    }
}

/// The expected verdict; `None` is not compared.
#[derive(Debug, Clone, Default)]
pub struct Expect {
    pub valid: Option<bool>,
    pub outcome: Option<Outcome>,
    pub counts: ExpectedCounts,
    /// In the order written.
    pub findings: Vec<(Rule, FindingStatus)>,
    /// The clause each rule's (most severe) finding cites, in the order written.
    pub clauses: Vec<(Rule, String)>,
    /// Sorted.
    pub excluded: Option<Vec<MemberId>>,
    /// Sorted.
    pub not_bound: Option<Vec<MemberId>>,
    /// `Some(None)`: no referral expected.
    pub referral: Option<Option<String>>,
    /// The first inquorate item's title; `Some(None)`: every item quorate.
    pub inquorate_from: Option<Option<String>>,
    /// The versions of the frequency rule that judged an audited year.
    pub frequency_phases: Option<usize>,
    pub deadlines: ExpectedDeadlines,
    /// Whether the ToR is in force on a deadlines case's day.
    pub in_force: Option<bool>,
}

/// Expected deadlines; a date compares the day of a deadline given as a moment.
#[derive(Debug, Clone, Copy, Default)]
pub struct ExpectedDeadlines {
    pub circulate_by: Option<DateOrTime>,
    pub extraordinary_notice_by: Option<DateOrTime>,
    pub minutes_by: Option<NaiveDate>,
}

#[derive(Debug, Clone, Copy, Default)]
pub struct ExpectedCounts {
    pub votes_for: Option<u32>,
    pub against: Option<u32>,
    pub abstain: Option<u32>,
}

pub use run::{CaseResult, Difference, run_case, run_cases};

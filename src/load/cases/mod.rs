//! A cases file (`<id>.cases.toml`, see [`crate::engine::cases`]) as written,
//! checked against its ToR. A case's meeting, record and vote tables have the
//! keys of their own files and are checked by the same code.

mod check;
mod keys;
mod raw;
#[cfg(test)]
mod tests;
mod year;

use std::collections::BTreeMap;
use std::ops::Range;

use schemars::JsonSchema;
use toml::Spanned;

use super::input::{Input, OnEmpty};
use super::meeting::{self, RawMeeting};
use super::raw::TomlDate;
use super::record::{self, RawRecord};
use super::values::{DateOrTimeSchema, Value};
use super::votes::{self, RawVotes};
use super::{bounds, values};
use crate::diag::{Code, Diagnostic, Severity, nearest};
use crate::engine::cases::{
    Case, Cases, Expect, ExpectedCounts, ExpectedDeadlines, OUTCOMES, STATUSES, Subject,
    SubjectKind,
};
use crate::engine::record::Record;
use crate::engine::tally::Outcome;
use crate::engine::{FindingStatus, Rule};
use crate::model::{Keyword, MemberId, Tor};

use keys::{expected_deadlines, keys_for, phases};
pub use raw::RawCases;
use raw::{RawAuditCase, RawCase, RawDeadlinesCase, RawExpect};
use year::{audit, deadlines};

//! The rules engines: a proposed meeting and a recorded vote, checked against the
//! ToR. Rule violations are findings (data), never errors; an `Err` means the
//! input itself could not be checked (exit 2).

pub mod audit;
pub mod cases;
pub(crate) mod cancellation;
pub mod deadlines;
pub mod explain;
mod finding;
pub mod meeting;
mod message;
pub(crate) mod period;
pub mod record;
pub mod schedule;
pub mod tally;
mod words;

pub use finding::{
    Fact, Finding, FindingStatus, InputError, SkipReason, Unchecked, resolve_member,
};
pub use message::{Message, Part};

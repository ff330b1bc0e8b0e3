//! The rules engines: a proposed meeting and a recorded vote, checked against the
//! ToR. Rule violations are findings (data), never errors; an `Err` means the
//! input itself could not be checked (exit 2).

pub mod attendance;
pub mod audit;
pub(crate) mod cancellation;
pub mod cases;
pub mod deadlines;
mod ended;
pub mod event_working;
pub mod events;
pub mod explain;
mod finding;
mod items;
pub mod life;
pub mod meeting;
mod message;
pub(crate) mod period;
pub mod phase;
mod public_meeting;
pub(crate) mod quorum;
pub mod record;
mod review;
mod rule;
pub mod schedule;
pub mod tally;
pub(crate) mod words;

pub use ended::abolished_membership;
pub(crate) use finding::people;
pub use finding::{
    Fact, Finding, FindingStatus, InputError, ItemRef, SkipReason, Unchecked, resolve_attendee,
    resolve_member,
};
pub use items::{
    ELECTION_ITEM, REVIEW_ITEM, is_election, is_review, item_key, same_item, standing_keys,
    takes_standing_item,
};
pub use message::{Message, Part};
pub use quorum::Held;
pub use rule::Rule;

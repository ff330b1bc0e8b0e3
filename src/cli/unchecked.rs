//! Saying what a verdict did not judge: the rules the ToR states that the input
//! left open, and the flags (or file keys) that would let them be judged.

use tor::engine::{Fact, Rule, Unchecked};

use super::output::{Status, Tone, paint};

/// Where the facts came from, so the hint names what the user can give.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Source {
    /// Command-line flags.
    Flags,
    /// A meeting file (`--meeting FILE`).
    MeetingFile,
    /// The record of held meetings (`audit`).
    Record,
}

/// The flag or key that gives `fact`.
// A table, one row per source and fact: merging equal rows would hide the grid.
#[allow(clippy::match_same_arms)]
fn gives(fact: Fact, source: Source) -> &'static str {
    match (source, fact) {
        (Source::Flags, Fact::Circulated) => "--circulated",
        (Source::Flags, Fact::StartTime) => "--at with a time",
        (Source::Flags, Fact::Attendance) => "--attendees",
        (Source::Flags, Fact::Chair) => "--chair",
        (Source::Flags, Fact::Items) => "--item",
        (Source::Flags, Fact::History) => "--record or --previous",
        (Source::Flags, Fact::Minutes) => "the minutes date in the record",
        (Source::MeetingFile, Fact::Circulated) => "`circulated`",
        (Source::MeetingFile, Fact::StartTime) => "`at` with a time",
        (Source::MeetingFile, Fact::Attendance) => "`attendees`",
        (Source::MeetingFile, Fact::Chair) => "`chair`",
        (Source::MeetingFile, Fact::Items) => "`items`",
        (Source::MeetingFile, Fact::History) => "--record or `previous`",
        (Source::MeetingFile, Fact::Minutes) => "the minutes date in the record",
        (Source::Record, Fact::Circulated) => "`circulated`",
        (Source::Record, Fact::StartTime) => "`at`",
        (Source::Record, Fact::Attendance) => "`present`",
        (Source::Record, Fact::Chair) => "`chair`",
        (Source::Record, Fact::Items) => "`items`",
        (Source::Record, Fact::History) => "earlier meetings",
        (Source::Record, Fact::Minutes) => "`minutes`",
    }
}

/// "4 rules the ToR states were not checked (notice, quorum, chair, membership)
/// — give --circulated, --attendees, --chair"; `None` when all were checked.
pub(super) fn not_checked(unchecked: &Unchecked, source: Source) -> Option<String> {
    if unchecked.is_empty() {
        return None;
    }
    let n = unchecked.rules.len();
    let rules = if n == 1 {
        "1 rule the ToR states was not checked".to_owned()
    } else {
        format!("{n} rules the ToR states were not checked")
    };
    let mut give: Vec<&str> = unchecked.facts.iter().map(|f| gives(*f, source)).collect();
    give.dedup();
    let verb = match source {
        Source::Record => "record",
        Source::Flags | Source::MeetingFile => "give",
    };
    Some(format!(
        "{rules} ({}) — {verb} {}",
        Rule::join(&unchecked.rules),
        give.join(", ")
    ))
}

/// The label of a verdict with no failure: `pass` (the command's word: VALID,
/// COMPLIED), or "`pass` so far" where stated rules were left open, or "`fail`
/// under --strict" where `--strict` refuses them.
pub(super) fn label(pass: &str, fail: &str, unchecked: &Unchecked, strict: bool) -> String {
    match (unchecked.is_empty(), strict) {
        (true, _) => paint(pass, Tone::Good),
        (false, false) => paint(&format!("{pass} so far"), Tone::Warn),
        (false, true) => paint(&format!("{fail} under --strict"), Tone::Bad),
    }
}

/// The exit status: not valid where a rule fails, or where `--strict` is given
/// and a stated rule was left open.
pub(super) fn strict_status(valid: bool, unchecked: &Unchecked, strict: bool) -> Status {
    Status::from_valid(valid && (unchecked.is_empty() || !strict))
}

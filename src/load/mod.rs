//! Loading ToR files: bytes → raw structs → checked model, with every problem kept.

pub(crate) mod agenda;
mod attendance;
pub mod bounds;
pub mod cases;
mod check;
mod control;
pub mod events;
mod input;
pub mod meeting;
pub mod notified;
pub mod proclaimed;
pub mod raw;
pub mod record;
mod spanned;
pub mod statutory;
pub mod structure;
pub(crate) mod values;
mod vote_lists;
pub mod votes;
mod warnings;

use chrono::NaiveDate;

use crate::diag::{Diagnostic, Severity};
use crate::model::Tor;
pub use check::Spans;
pub use control::control_characters;
pub use input::{FileError, Input, OnEmpty, analyse, read};

/// One ToR file, loaded as far as it could be.
#[derive(Debug, Clone)]
pub struct LoadedTor {
    /// The path as the user gave it (or `<bundled>/ID.toml`).
    pub path: String,
    pub text: String,
    pub tor: Option<Tor>,
    pub diagnostics: Vec<Diagnostic>,
}

impl LoadedTor {
    pub fn errors(&self) -> usize {
        self.count(Severity::Error)
    }

    pub fn warnings(&self) -> usize {
        self.count(Severity::Warning)
    }

    fn count(&self, severity: Severity) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .count()
    }
}

/// A ToR checked, with the spans its date-dependent warnings point at.
#[derive(Debug)]
pub struct CheckedTor {
    pub tor: Tor,
    pub spans: Spans,
}

impl Input for CheckedTor {
    type Raw = raw::RawTor;
    /// The file stem the `id` must match.
    type Context<'a> = Option<&'a str>;

    fn on_empty(_: Option<&str>) -> OnEmpty<Self> {
        OnEmpty::Help(structure::TOR_HELP)
    }

    fn check(
        raw: &raw::RawTor,
        _: &str,
        expected_id: Option<&str>,
        diags: &mut Vec<Diagnostic>,
    ) -> Option<Self> {
        let mut checker = check::Checker::new(expected_id);
        let result = checker.check(raw);
        diags.append(&mut checker.diagnostics);
        let (tor, spans) = result?;
        Some(Self { tor, spans })
    }
}

/// Loads a ToR from `bytes`. `expected_id` is the file stem the `id` must match;
/// `as_of` adds the warnings that depend on the date (review overdue, …).
pub fn load_tor(
    path: &str,
    expected_id: Option<&str>,
    bytes: &[u8],
    as_of: Option<NaiveDate>,
) -> LoadedTor {
    let (checked, mut diagnostics) = analyse::<CheckedTor>(bytes, expected_id);
    let tor = checked.map(|CheckedTor { tor, spans }| {
        if let Some(as_of) = as_of {
            diagnostics.extend(warnings::warnings(&tor, &spans, as_of));
        }
        tor
    });
    LoadedTor {
        path: path.to_owned(),
        text: String::from_utf8_lossy(bytes).into_owned(),
        tor,
        diagnostics,
    }
}

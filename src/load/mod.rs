//! Loading ToR files: bytes → raw structs → checked model, with every problem kept.

pub mod bounds;
mod check;
mod control;
pub mod raw;
mod spanned;
pub mod structure;
mod warnings;

use chrono::NaiveDate;

use crate::diag::{Diagnostic, Severity};
use crate::model::Tor;
pub use check::Spans;
pub use control::control_characters;

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

/// Loads a ToR from `bytes`. `expected_id` is the file stem the `id` must match;
/// `as_of` adds the warnings that depend on the date (review overdue, …).
pub fn load_tor(
    path: &str,
    expected_id: Option<&str>,
    bytes: &[u8],
    as_of: Option<NaiveDate>,
) -> LoadedTor {
    let text = String::from_utf8_lossy(bytes).into_owned();
    let (tor, diagnostics) = match structure::as_text(bytes) {
        Err(d) => (None, vec![d]),
        Ok(valid) => match structure::parse::<raw::RawTor>(valid) {
            Err(diags) => (None, diags),
            Ok(raw) => {
                let mut checker = check::Checker::new(expected_id);
                match checker.check(raw) {
                    Some((tor, spans)) => {
                        let mut diags = checker.diagnostics;
                        if let Some(as_of) = as_of {
                            diags.extend(warnings::warnings(&tor, &spans, as_of));
                        }
                        (Some(tor), diags)
                    }
                    None => (None, checker.diagnostics),
                }
            }
        },
    };
    LoadedTor {
        path: path.to_owned(),
        text,
        tor,
        diagnostics,
    }
}

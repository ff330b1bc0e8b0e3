//! The one path every file tor reads takes: bytes → text → TOML with spans →
//! the raw serde struct (unknown keys refused) → the checked value and every
//! diagnostic. Each kind of file says only what is its own: its raw struct, what
//! its checks need and what an empty file means.

use serde::de::DeserializeOwned;

use super::structure;
use crate::diag::{Code, Diagnostic, Severity};

/// What an empty (or blank) file means for a kind of file.
#[derive(Debug)]
pub enum OnEmpty<T> {
    /// An error: "the file is empty", with this help.
    Help(&'static str),
    /// An error with its own message and help.
    Error(&'static str, &'static str),
    /// A valid value: nothing recorded yet.
    Value(T),
}

/// A kind of file read beside (or as) a ToR.
pub trait Input: Sized {
    /// The file as written: deserialised with its spans, unknown keys refused.
    type Raw: DeserializeOwned;
    /// What the checks need besides the file (the ToR, a default date, nothing).
    type Context<'a>: Copy;

    /// What an empty file means.
    fn on_empty(ctx: Self::Context<'_>) -> OnEmpty<Self>;

    /// Checks `raw`, read from `text`, pushing every problem (errors and
    /// warnings) with its place in `text`. `None` when it found an error.
    fn check(
        raw: &Self::Raw,
        text: &str,
        ctx: Self::Context<'_>,
        diags: &mut Vec<Diagnostic>,
    ) -> Option<Self>;
}

/// Every diagnostic of a file, errors and warnings, and its checked value where
/// it has no error.
pub fn analyse<I: Input>(bytes: &[u8], ctx: I::Context<'_>) -> (Option<I>, Vec<Diagnostic>) {
    let text = match structure::as_text(bytes) {
        Ok(text) => text,
        Err(mut d) if d.code == Code::EmptyFile => {
            match I::on_empty(ctx) {
                OnEmpty::Value(v) => return (Some(v), Vec::new()),
                OnEmpty::Help(help) => d.help = Some(help.to_owned()),
                OnEmpty::Error(message, help) => d = Diagnostic::error(d.code, message).help(help),
            }
            return (None, vec![d]);
        }
        Err(d) => return (None, vec![d]),
    };
    let raw = match structure::parse::<I::Raw>(text) {
        Ok(raw) => raw,
        Err(problems) => return (None, problems),
    };
    let mut diags = Vec::new();
    let value = I::check(&raw, text, ctx, &mut diags);
    let ok = diags.iter().all(|d| d.severity != Severity::Error);
    (value.filter(|_| ok), diags)
}

/// Reads a file, refusing it with every error it has (warnings are left to
/// `tor validate`, which gets them from [`analyse`]).
pub fn read<I: Input>(path: &str, bytes: &[u8], ctx: I::Context<'_>) -> Result<I, FileError> {
    let (value, diagnostics) = analyse::<I>(bytes, ctx);
    match value {
        Some(value) => Ok(value),
        None => Err(FileError {
            path: path.to_owned(),
            text: String::from_utf8_lossy(bytes).into_owned(),
            diagnostics: diagnostics
                .into_iter()
                .filter(|d| d.severity == Severity::Error)
                .collect(),
        }),
    }
}

/// A file that could not be read as what it should be, with every problem found.
#[derive(Debug, thiserror::Error)]
#[error("{}", render_all(path, text, diagnostics))]
pub struct FileError {
    pub path: String,
    pub text: String,
    pub diagnostics: Vec<Diagnostic>,
}

/// Plain rustc-style text of the diagnostics (for stderr, exit 2): in line
/// order, with repeats of one code counted rather than shown.
fn render_all(path: &str, text: &str, diagnostics: &[Diagnostic]) -> String {
    let reported = crate::diag::Reported::new(diagnostics.to_vec());
    let lines = crate::diag::LineIndex::new(text);
    let mut parts: Vec<String> = reported
        .shown
        .iter()
        .map(|d| crate::diag::render_in(path, text, &lines, d, false))
        .collect();
    parts.extend(
        reported
            .suppressed
            .iter()
            .map(super::super::diag::Suppressed::line),
    );
    parts.join("\n\n")
}

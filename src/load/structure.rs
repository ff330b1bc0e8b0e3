//! From bytes to the raw structs, collecting every syntax and shape problem.
//!
//! serde stops at the first error, so after each one the offending entry is pruned
//! from the parsed tree (which keeps its spans into the original text) and
//! deserialization runs again, until it succeeds or nothing more can be pruned.

use std::ops::Range;

use serde::de::DeserializeOwned;
use toml::de::{DeTable, DeValue, Deserializer};

use crate::diag::{Code, Diagnostic, nearest};

/// Enough for any hand-written file; stops a pathological one from looping long.
const MAX_SHAPE_ERRORS: usize = 50;

/// The help of an empty file's diagnostic, unless its kind gives its own.
pub const TOR_HELP: &str = "a ToR file needs at least `id` and `name`";

/// Checks that `bytes` is a non-empty UTF-8 text.
pub fn as_text(bytes: &[u8]) -> Result<&str, Diagnostic> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let at = e.valid_up_to();
        Diagnostic::error(
            Code::NotText,
            "the file is not UTF-8 text (is it a binary file?)",
        )
        .at(at..at + 1)
    })?;
    if let Some(at) = text.find('\0') {
        return Err(Diagnostic::error(
            Code::NotText,
            "the file contains a NUL byte (is it a binary file?)",
        )
        .at(at..at + 1));
    }
    if text.trim().is_empty() {
        return Err(Diagnostic::error(Code::EmptyFile, "the file is empty").help(TOR_HELP));
    }
    Ok(text)
}

/// Parses `text` as TOML into `T`, reporting every problem found on the way.
pub fn parse<T: DeserializeOwned>(text: &str) -> Result<T, Vec<Diagnostic>> {
    let (root, syntax) = DeTable::parse_recoverable(text);
    if !syntax.is_empty() {
        return Err(syntax.iter().map(syntax_diagnostic).collect());
    }
    let mut err = match T::deserialize(Deserializer::from(root)) {
        Ok(value) => return Ok(value),
        Err(err) => err,
    };
    // A second parse is cheap and happens only for a file that is already wrong.
    let Ok(mut tree) = DeTable::parse(text) else {
        return Err(vec![shape_diagnostic(&err, text)]);
    };
    let mut problems = Vec::new();
    loop {
        let span = err.span().unwrap_or(0..0);
        problems.push(shape_diagnostic(&err, text));
        if problems.len() >= MAX_SHAPE_ERRORS || !prune(tree.get_mut(), &span) {
            return Err(problems);
        }
        match T::deserialize(Deserializer::from(tree.clone())) {
            Ok(_) => return Err(problems),
            Err(next) => err = next,
        }
    }
}

fn contains(outer: &Range<usize>, inner: &Range<usize>) -> bool {
    outer.start <= inner.start && inner.end <= outer.end && outer != &(0..0)
}

/// Removes the innermost entry whose key or value encloses `span`. A table's span
/// may cover only its header, so every nested table is searched.
fn prune(table: &mut DeTable<'_>, span: &Range<usize>) -> bool {
    let mut doomed = None;
    for (key, value) in table.iter_mut() {
        if contains(&key.span(), span) {
            doomed = Some(key.clone());
            break;
        }
        let value_span = value.span();
        if prune_value(value.get_mut(), span) {
            return true;
        }
        if contains(&value_span, span) {
            doomed = Some(key.clone());
            break;
        }
    }
    match doomed {
        Some(doomed) => {
            table.remove(&doomed);
            true
        }
        None => false,
    }
}

fn prune_value(value: &mut DeValue<'_>, span: &Range<usize>) -> bool {
    match value {
        DeValue::Table(table) => prune(table, span),
        DeValue::Array(items) => {
            let mut doomed = None;
            for (index, item) in items.as_mut().iter_mut().enumerate() {
                let item_span = item.span();
                if prune_value(item.get_mut(), span) {
                    return true;
                }
                if contains(&item_span, span) {
                    doomed = Some(index);
                    break;
                }
            }
            let Some(index) = doomed else { return false };
            let kept = std::mem::replace(items, toml::de::DeArray::new())
                .into_iter()
                .enumerate()
                .filter(|(i, _)| *i != index)
                .map(|(_, item)| item)
                .collect();
            *items = kept;
            true
        }
        _ => false,
    }
}

fn syntax_diagnostic(err: &toml::de::Error) -> Diagnostic {
    let span = err.span().unwrap_or(0..0);
    Diagnostic::error(
        Code::Syntax,
        format!("TOML syntax: {}", first_line(err.message())),
    )
    .at(span)
}

fn first_line(message: &str) -> &str {
    message.lines().next().unwrap_or(message).trim()
}

/// serde names the Rust type it wanted (`expected u32`); a ToR's author wants
/// the kind of value and its range.
fn plain_types(message: &str) -> String {
    const PLAIN: [(&str, &str); 10] = [
        ("expected u8", "expected a whole number from 0 to 255"),
        ("expected u16", "expected a whole number from 0 to 65535"),
        (
            "expected u32",
            "expected a whole number from 0 to 4294967295",
        ),
        ("expected u64", "expected a whole number, 0 or more"),
        ("expected usize", "expected a whole number, 0 or more"),
        ("expected i8", "expected a whole number from -128 to 127"),
        ("expected i32", "expected a whole number"),
        ("expected i64", "expected a whole number"),
        ("expected f64", "expected a number"),
        ("expected a sequence", "expected a list"),
    ];
    PLAIN
        .iter()
        .find_map(|(rust, plain)| {
            message
                .strip_suffix(rust)
                .map(|head| format!("{head}{plain}"))
        })
        .unwrap_or_else(|| message.to_owned())
}

/// Turns a serde error into a diagnostic, classifying it by what serde says.
fn shape_diagnostic(err: &toml::de::Error, text: &str) -> Diagnostic {
    let message = first_line(err.message());
    let span = err.span().unwrap_or(0..0);
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let (got, expected) = rest.split_once('`').unwrap_or((rest, ""));
        let candidates: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
        let diag = Diagnostic::error(Code::UnknownKey, format!("unknown key `{got}`"))
            .at(span)
            .label("not a key here");
        return match nearest(got, candidates.iter().copied()) {
            Some(best) => diag.help(format!("did you mean `{best}`?")),
            None if !candidates.is_empty() => {
                diag.help(format!("expected one of: {}", candidates.join(", ")))
            }
            None => diag,
        };
    }
    if let Some(rest) = message.strip_prefix("missing field `") {
        let name = rest.split('`').next().unwrap_or(rest);
        let header = text
            .get(span.clone())
            .map_or("", |s| s.lines().next().unwrap_or(s));
        let start = span.start;
        return Diagnostic::error(Code::MissingKey, format!("missing required key `{name}`"))
            .at(start..start + header.len().max(1))
            .label(format!("`{name}` is required in this table"));
    }
    if message.starts_with("invalid type") || message.starts_with("invalid value") {
        return Diagnostic::error(Code::WrongType, plain_types(message)).at(span);
    }
    Diagnostic::error(Code::InvalidValue, message.to_owned()).at(span)
}

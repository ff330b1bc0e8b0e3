//! The `control-character` warning: text in a file (a name, a clause, a case
//! name) that holds a control or bidi character. tor shows such text escaped,
//! but it is almost always a mistake or an attack (forged CI log lines,
//! "Trojan Source" reordering), so `validate` says where it is.

use std::fmt::Write as _;

use toml::de::{DeTable, DeValue};

use crate::diag::{Code, Diagnostic};
use crate::report::safe::{escape, is_unsafe};

/// One warning per string (key or value) of a TOML file holding an unsafe
/// character. A file that does not parse has none: its syntax errors come first.
pub fn control_characters(text: &str) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    if let Ok(root) = DeTable::parse(text) {
        table(root.get_ref(), &mut String::new(), &mut out);
    }
    // The tree's keys are sorted; people read a file from the top.
    out.sort_by_key(|d| d.span.as_ref().map(|s| s.start));
    out
}

fn table(t: &DeTable<'_>, path: &mut String, out: &mut Vec<Diagnostic>) {
    for (key, value) in t {
        let len = path.len();
        if !path.is_empty() {
            path.push('.');
        }
        path.push_str(&escape(key.get_ref().as_ref()).to_string());
        check(key.get_ref(), key.span(), "key", path, out);
        item(value.get_ref(), value.span(), path, out);
        path.truncate(len);
    }
}

fn item(
    v: &DeValue<'_>,
    span: std::ops::Range<usize>,
    path: &mut String,
    out: &mut Vec<Diagnostic>,
) {
    match v {
        DeValue::String(s) => check(s, span, "value", path, out),
        DeValue::Table(t) => table(t, path, out),
        DeValue::Array(items) => {
            for (i, it) in items.iter().enumerate() {
                let len = path.len();
                let _ = write!(path, "[{}]", i + 1);
                item(it.get_ref(), it.span(), path, out);
                path.truncate(len);
            }
        }
        _ => {}
    }
}

fn check(s: &str, span: std::ops::Range<usize>, what: &str, path: &str, out: &mut Vec<Diagnostic>) {
    let Some(c) = s.chars().find(|c| is_unsafe(*c)) else {
        return;
    };
    let kind = match c {
        '\n' | '\r' | '\u{2028}' | '\u{2029}' => "a line break",
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => "a bidi control character",
        _ => "a control character",
    };
    out.push(
        Diagnostic::warning(
            Code::ControlCharacter,
            format!(
                "the {what} of `{path}` holds {kind} (U+{:04X}, shown as `{}`)",
                u32::from(c),
                escape(c)
            ),
        )
        .at(span)
        .label("here")
        .help(
            "tor shows it escaped; write the text on one line without control or bidi characters",
        ),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn warns_once_per_string_with_its_place() {
        let text = "name = \"a\\u001b]0;x\\u0007\"\n[[cases]]\nname = \"ok\\n::error::x\"\nplain = \"é\"\nbidi = [\"\u{202E}\"]\n";
        let found = control_characters(text);
        let messages: Vec<&str> = found.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "the value of `name` holds a control character (U+001B, shown as `\\u{1b}`)",
                "the value of `cases[1].name` holds a line break (U+000A, shown as `\\n`)",
                "the value of `cases[1].bidi[1]` holds a bidi control character (U+202E, shown as `\\u{202e}`)",
            ]
        );
        let span = found[0].span.clone().unwrap_or_default();
        assert!(text[span].starts_with("\"a\\u001b"));
    }

    #[test]
    fn a_file_that_does_not_parse_has_no_such_warning() {
        assert!(control_characters("name = \"\\n").is_empty());
    }
}

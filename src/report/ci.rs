//! Machine formats for CI: GitHub workflow commands, SARIF 2.1.0 and JUnit XML.

use super::safe::{escaped, github_command, uri};
use crate::diag::{Code, Diagnostic, Severity};
use crate::model::Keyword;
use crate::validate::FileReport;
use serde_json::{Value, json};

/// `path:line:column` of a diagnostic, 1-based; (1, 1) when it has no place.
fn position(file: &FileReport, d: &Diagnostic) -> (usize, usize) {
    d.span
        .as_ref()
        .map_or((1, 1), |s| file.line_column(s.start))
}

fn message(d: &Diagnostic) -> String {
    match &d.help {
        Some(help) => format!("{} ({help})", d.message),
        None => d.message.clone(),
    }
}

/// GitHub Actions workflow commands for one file, a line per diagnostic. Data
/// and property values have their own escapes (see GitHub's toolkit), so no file
/// text can end the command or start a line.
pub fn github(file: &FileReport) -> String {
    let mut out = String::new();
    for d in &file.diagnostics {
        out.push_str(&github_command(
            level(d),
            &file.path,
            position(file, d),
            &format!("tor {}", d.code),
            &message(d),
        ));
    }
    out
}

fn level(d: &Diagnostic) -> &'static str {
    match d.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

/// The start of a SARIF 2.1.0 log, up to its results array. Results stream after
/// it; the tool (with the rules seen) comes last, as JSON keys have no order.
pub fn sarif_head() -> String {
    "{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n  \"version\": \"2.1.0\",\n  \"runs\": [\n    {\n      \"results\": [".to_owned()
}

/// The SARIF results of one file.
pub fn sarif_results(file: &FileReport) -> Vec<Value> {
    file.diagnostics
        .iter()
        .map(|d| {
            let (line, col) = position(file, d);
            let mut region = json!({"startLine": line, "startColumn": col});
            if let Some(span) = d.span.as_ref().filter(|s| s.end > s.start) {
                let (end_line, end_col) = file.line_column(span.end);
                region["endLine"] = json!(end_line);
                region["endColumn"] = json!(end_col);
            }
            json!({
                "ruleId": d.code,
                "level": level(d),
                "message": {"text": message(d)},
                "locations": [{"physicalLocation": {
                    "artifactLocation": {"uri": uri(&file.path)},
                    "region": region,
                }}],
            })
        })
        .collect()
}

/// Closes the results and describes the tool and the rules that were reported.
pub fn sarif_tail(codes: &std::collections::BTreeSet<Code>) -> String {
    // In the order of their names, as they always were listed.
    let mut codes: Vec<Code> = codes.iter().copied().collect();
    codes.sort_by_key(|c| c.as_str());
    let rules: Vec<Value> = codes
        .into_iter()
        .map(|c| json!({"id": c, "shortDescription": {"text": c.description()}}))
        .collect();
    let tool = json!({"driver": {
        "name": "tor",
        "version": env!("CARGO_PKG_VERSION"),
        "informationUri": "https://crates.io/crates/tor",
        "rules": rules,
    }});
    format!("\n      ],\n      \"tool\": {tool}\n    }}\n  ]\n}}\n")
}

/// JUnit XML: one test case per file, failing with its errors.
pub fn junit(files: &[FileReport], deny_warnings: bool) -> String {
    let failing = |f: &FileReport| f.errors() > 0 || (deny_warnings && f.warnings() > 0);
    let failures = files.iter().filter(|f| failing(f)).count();
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"tor validate\" tests=\"{}\" failures=\"{failures}\">\n  <testsuite name=\"tor validate\" tests=\"{}\" failures=\"{failures}\" errors=\"0\">\n",
        files.len(),
        files.len()
    );
    for file in files {
        out.push_str(&format!(
            "    <testcase classname=\"tor.validate\" name=\"{}\"",
            xml(&escaped(&file.path))
        ));
        let lines: Vec<String> = file
            .diagnostics
            .iter()
            .map(|d| {
                let (line, col) = position(file, d);
                let level = if d.severity == Severity::Error {
                    "error"
                } else {
                    "warning"
                };
                // Each diagnostic keeps to its line, as in human output.
                format!(
                    "{}:{line}:{col}: {level}[{}]: {}",
                    escaped(&file.path),
                    d.code,
                    escaped(&message(d))
                )
            })
            .collect();
        if lines.is_empty() {
            out.push_str("/>\n");
            continue;
        }
        out.push_str(">\n");
        let body = xml(&lines.join("\n"));
        if failing(file) {
            out.push_str(&format!(
                "      <failure message=\"{} error(s), {} warning(s)\" type=\"tor\">{body}</failure>\n",
                file.errors(),
                file.warnings()
            ));
        } else {
            out.push_str(&format!("      <system-out>{body}</system-out>\n"));
        }
        out.push_str("    </testcase>\n");
    }
    out.push_str("  </testsuite>\n</testsuites>\n");
    out
}

/// Escapes text for XML content and attributes; drops characters XML 1.0 forbids.
fn xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // `##[` anywhere in a line is a legacy GitHub workflow command.
            '[' if out.ends_with("##") => out.push_str("&#91;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xml_escapes_markup_and_control_characters() {
        assert_eq!(
            xml("a<b & \"c\"\u{1}##[x]"),
            "a&lt;b &amp; &quot;c&quot;\u{FFFD}##&#91;x]"
        );
    }

    #[test]
    fn uri_uses_forward_slashes() {
        assert_eq!(uri("a\\b c#d.toml"), "a/b%20c%23d.toml");
    }
}

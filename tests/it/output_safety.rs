//! Hostile text in files, through every sink: names, sources, clauses, case names
//! and paths holding newlines, terminal escapes (ESC, OSC, BEL), bidi overrides
//! and GitHub workflow commands. Nothing from a file may start a line of output,
//! carry a control or bidi character, or be read by GitHub Actions as a command.

use std::path::Path;

use crate::common::{self, MINIMAL, dir_with, tor};

/// A name that would clear the screen, retitle the terminal, reverse the text
/// after it, and run three workflow commands (TOML escapes, so the file is valid).
const EVIL: &str = r"Evil\u001b]0;pwned\u0007\u001b[2J\u202e\n::error file=x,line=1::forged\n::stop-commands::p\n##[warning]legacy";

/// No control or bidi character (but the output's own newlines), no line a
/// workflow command, no legacy `##[` command anywhere.
pub(crate) fn assert_safe(output: &str) {
    for line in output.lines() {
        assert!(
            !line.trim_start().starts_with("::"),
            "a line is a workflow command: {line:?}\nin:\n{output}"
        );
        assert!(!line.contains("##["), "legacy command: {line:?}");
        assert!(
            !line.chars().any(tor::report::safe::is_unsafe),
            "raw control or bidi character: {line:?}"
        );
    }
}

fn stdout_of(dir: &Path, args: &[&str], code: i32) -> String {
    let out = tor()
        .arg("--dir")
        .arg(dir)
        .args(args)
        .assert()
        .code(code)
        .get_output()
        .clone();
    let stdout = String::from_utf8(out.stdout).expect("UTF-8");
    assert_safe(&stdout);
    assert_safe(&String::from_utf8_lossy(&out.stderr));
    stdout
}

/// sefton-scp with hostile text in its name, source, a member's name, a clause
/// and a standing item, beside its record of meetings.
fn hostile_sefton() -> tempfile::TempDir {
    let text = common::bundled_text("sefton-scp")
        .replacen(
            "name = \"Sefton Safer Communities Partnership\"",
            &format!("name = \"{EVIL}\""),
            1,
        )
        .replacen("source = \"", &format!("source = \"{EVIL} "), 1)
        .replacen(
            "name = \"Sefton Metropolitan Borough Council\"",
            &format!("name = \"{EVIL}\""),
            1,
        )
        .replacen(
            "clause = \"Membership 2\"",
            &format!("clause = \"{EVIL}\""),
            1,
        )
        .replacen("items = [", &format!("items = [\"{EVIL}\", "), 1);
    assert_eq!(
        text.matches("pwned").count(),
        5,
        "every replacement applied"
    );
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let record = std::fs::read(root.join("examples/records/sefton-scp.meetings.toml"))
        .expect("example record");
    dir_with(&[
        ("sefton-scp.toml", text.as_bytes()),
        ("sefton-scp.meetings.toml", &record),
    ])
}

#[test]
fn show_escapes_names_sources_clauses_and_items() {
    let dir = hostile_sefton();
    let out = stdout_of(
        dir.path(),
        &["show", "sefton-scp", "--as-of", "2013-01-10"],
        0,
    );
    let shown = r"Evil\u{1b}]0;pwned\u{7}\u{1b}[2J\u{202e}\n::error file=x,line=1::forged\n::stop-commands::p\n##\u{5b}warning]legacy";
    assert!(out.starts_with(shown), "{out}");
    assert!(out.contains(&format!("source: {shown}")), "{out}");
    assert!(out.contains(&format!("  - {shown}")), "{out}");
}

#[test]
fn json_keeps_the_text_as_it_is() {
    let dir = hostile_sefton();
    let out = stdout_of(dir.path(), &["show", "sefton-scp", "--format", "json"], 0);
    let json = common::json(out.as_bytes());
    let name = json["name"].as_str().unwrap_or_default();
    assert!(name.starts_with("Evil\u{1b}]0;pwned\u{7}"), "{name:?}");
}

#[test]
fn list_schedule_and_audit_escape_the_name() {
    let dir = hostile_sefton();
    for (args, code) in [
        (vec!["list"], 0),
        (vec!["schedule", "sefton-scp", "--year", "2013"], 0),
        (
            vec![
                "audit",
                "sefton-scp",
                "--year",
                "2012",
                "--as-of",
                "2013-06-01",
            ],
            1,
        ),
    ] {
        let out = tor()
            .arg("--dir")
            .arg(dir.path())
            .args(&args)
            .output()
            .expect("runs");
        assert!(
            matches!(out.status.code(), Some(c) if c <= code),
            "{args:?}"
        );
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert_safe(&stdout);
        assert!(
            stdout.contains(r"Evil\u{1b}]0;pwned\u{7}"),
            "{args:?}: {stdout}"
        );
    }
}

#[test]
fn html_and_ics_carry_no_control_characters() {
    let dir = hostile_sefton();
    let html = dir.path().join("audit.html");
    let ics = dir.path().join("plan.ics");
    stdout_of(
        dir.path(),
        &[
            "audit",
            "sefton-scp",
            "--year",
            "2012",
            "--html",
            html.to_str().unwrap_or_default(),
        ],
        1,
    );
    stdout_of(
        dir.path(),
        &[
            "schedule",
            "sefton-scp",
            "--year",
            "2013",
            "--ics",
            ics.to_str().unwrap_or_default(),
        ],
        0,
    );
    let html = std::fs::read_to_string(html).expect("html written");
    assert!(
        html.contains(r"Evil\u{1b}]0;pwned\u{7}"),
        "html shows escapes"
    );
    for text in [html, std::fs::read_to_string(ics).expect("ics written")] {
        let bad = text
            .chars()
            .find(|&c| !matches!(c, '\n' | '\r') && tor::report::safe::is_unsafe(c));
        assert_eq!(bad, None);
    }
}

/// Issue 17, item 1: a case name that GitHub Actions would run as commands.
#[test]
fn test_escapes_an_injected_case_name() {
    let (_, cases) = tor::bundled::CASES
        .iter()
        .find(|(id, _)| *id == "sefton-scp")
        .expect("bundled cases");
    let cases = cases.replacen(
        "name = \"",
        "name = \"ok\\n::error file=x,line=1::forged\\n::stop-commands::p\\n",
        1,
    );
    let dir = dir_with(&[
        (
            "sefton-scp.toml",
            common::bundled_text("sefton-scp").as_bytes(),
        ),
        ("sefton-scp.cases.toml", cases.as_bytes()),
    ]);
    let out = stdout_of(dir.path(), &["test"], 0);
    assert!(
        out.contains(r"ok\n::error file=x,line=1::forged\n::stop-commands::p\n"),
        "{out}"
    );
}

#[test]
fn validate_warns_and_shows_the_line_escaped() {
    let body = MINIMAL.replacen(
        "name = \"The Council\"",
        "name = \"The \\u001b[31mCouncil\"\nclause = \"\u{202E}1\"",
        1,
    );
    let dir = dir_with(&[("test-group.toml", body.as_bytes())]);
    let out = stdout_of(
        dir.path(),
        &["validate", "--as-of", "2020-01-01", "--deny-warnings"],
        1,
    );
    assert!(
        out.contains("warning[control-character]: the value of `members[1].name` holds a control character (U+001B, shown as `\\u{1b}`)"),
        "{out}"
    );
    // The file's own line, with a raw bidi override in it, is shown escaped.
    assert!(out.contains(r#"clause = "\u{202e}1""#), "{out}");
    let json = common::run_json(Some(dir.path()), "validate", &["--as-of", "2020-01-01"], 0);
    let codes: Vec<&str> = json["files"][0]["diagnostics"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|d| d["code"].as_str())
        .collect();
    assert_eq!(
        codes.iter().filter(|c| **c == "control-character").count(),
        2,
        "{codes:?}"
    );
}

#[test]
fn github_format_escapes_hostile_paths_and_messages() {
    let name = "a,b:c%d\n::error::x.toml";
    let dir = dir_with(&[(name, MINIMAL.as_bytes())]);
    let out = tor()
        .args(["validate", "--format", "github", "--as-of", "2020-01-01"])
        .arg(dir.path().join(name))
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).expect("UTF-8");
    for line in out.lines() {
        assert!(
            line.starts_with("::error ") || line.starts_with("::warning "),
            "{line:?}"
        );
        assert!(!line.chars().any(tor::report::safe::is_unsafe), "{line:?}");
    }
    assert!(
        out.contains(r"a%2Cb%3Ac%25d\n%3A%3Aerror%3A%3Ax.toml,line="),
        "{out}"
    );
    assert!(out.lines().count() >= 1);
}

/// Issue 17, item 8: a path with a space and a `#` is one relative URI.
#[test]
fn sarif_uris_are_percent_encoded() {
    let dir = dir_with(&[("p q#r.toml", MINIMAL.as_bytes())]);
    let out = tor()
        .current_dir(dir.path())
        .args([
            "validate",
            "--format",
            "sarif",
            "--as-of",
            "2020-01-01",
            "p q#r.toml",
        ])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let sarif = common::json(&out);
    let uri = &sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
        ["uri"];
    assert_eq!(uri, "p%20q%23r.toml");
}

#[test]
fn junit_keeps_each_diagnostic_on_its_line() {
    let name = "j\n::error::k##[warning]l.toml";
    let dir = dir_with(&[(name, MINIMAL.as_bytes())]);
    let out = tor()
        .args(["validate", "--format", "junit", "--as-of", "2020-01-01"])
        .arg(dir.path().join(name))
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let xml = String::from_utf8(out).expect("UTF-8");
    roxmltree::Document::parse(&xml).expect("well-formed XML");
    assert_safe(&xml);
}

/// No line of `text` starts (after white space) a GitHub workflow command or
/// holds a raw escape character.
fn defused(text: &str) {
    for line in text.lines() {
        assert!(!line.trim_start().starts_with("::"), "{line:?}");
        assert!(!line.contains('\u{1b}'), "{line:?}");
    }
}

#[test]
fn usage_errors_quote_flag_values_safely() {
    let out = tor()
        .args(["schedule", "sefton-scp", "--year", "2026", "--time"])
        .arg("x\n::error::pwned\u{1b}]0;T\u{7}")
        .output()
        .expect("tor runs");
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("error::pwned"), "{stderr}");
    defused(&stderr);
}

#[test]
fn init_prompts_echo_answers_safely() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = tor()
        .current_dir(dir.path())
        .args(["init", "x-y", "--interactive", "--out", "-"])
        .write_stdin("::error::pwned\u{1b}]0;T\u{7}\n")
        .output()
        .expect("tor runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("error::pwned"), "{stderr}");
    defused(&stderr);
}

#[test]
fn ics_to_stdout_holds_no_workflow_command_line() {
    let hostile = MINIMAL.replacen(
        "name = \"",
        &format!("name = \"A{}::error::pwned ##[error]x ", " ".repeat(73)),
        1,
    );
    let dir = dir_with(&[("test-group.toml", hostile.as_bytes())]);
    let out = tor()
        .arg("--dir")
        .arg(dir.path())
        .args(["schedule", "test-group", "--year", "2026", "--ics", "-"])
        .output()
        .expect("tor runs");
    let ics = String::from_utf8_lossy(&out.stdout);
    assert!(ics.contains("BEGIN:VCALENDAR"), "{ics}");
    assert!(ics.contains("pwned"), "the name is in the calendar: {ics}");
    defused(&ics);
    assert!(!ics.contains("##["), "{ics}");
}

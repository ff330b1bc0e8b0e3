//! Helpers shared by the binary tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// `tor` with the bundled partnerships, from a folder that has no `partnerships/`,
/// without colour and with a fixed environment (no COLUMNS).
pub(crate) fn tor() -> Command {
    let mut cmd = Command::cargo_bin("tor").expect("binary built");
    cmd.current_dir(std::env::temp_dir())
        .env_remove("TOR_DIR")
        // Tables are fitted to COLUMNS when it is set; tests want one layout.
        .env_remove("COLUMNS")
        .env("NO_COLOR", "1");
    cmd
}

/// The repository's `partnerships/` folder.
pub(crate) fn bundled_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("partnerships")
}

/// A small, valid ToR used as the base for broken variants.
pub(crate) const MINIMAL: &str = r#"id = "test-group"
name = "Test Group"

[[classes]]
id = "responsible-authority"
name = "Responsible authority"

[[members]]
id = "council"
name = "The Council"
class = "responsible-authority"

[[members]]
id = "police"
name = "The Police"
class = "responsible-authority"

[quorum]
clause = "5"
at_least = 2
class = "responsible-authority"
"#;

/// Writes `files` into a fresh temporary folder.
pub(crate) fn dir_with(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, body) in files {
        std::fs::write(dir.path().join(name), body).expect("write fixture");
    }
    dir
}

pub(crate) fn json(out: &[u8]) -> serde_json::Value {
    serde_json::from_slice(out).expect("stdout is JSON")
}

/// Runs `tor [--dir DIR] COMMAND ARGS --format json`, asserts the exit code and
/// returns the JSON report.
pub(crate) fn run_json(
    dir: Option<&Path>,
    command: &str,
    args: &[&str],
    code: i32,
) -> serde_json::Value {
    let mut cmd = tor();
    if let Some(dir) = dir {
        cmd.arg("--dir").arg(dir);
    }
    let out = cmd
        .arg(command)
        .args(args)
        .args(["--format", "json"])
        .assert()
        .code(code)
        .get_output()
        .stdout
        .clone();
    json(&out)
}

/// The one finding for `rule` in a report.
pub(crate) fn finding<'a>(report: &'a serde_json::Value, rule: &str) -> &'a serde_json::Value {
    let all: Vec<&serde_json::Value> = report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["rule"] == rule)
        .collect();
    assert_eq!(all.len(), 1, "one `{rule}` finding in {report:#}");
    all[0]
}

/// The text of a bundled ToR file.
pub(crate) fn bundled_text(id: &str) -> &'static str {
    tor::bundled::PARTNERSHIPS
        .iter()
        .find(|(known, _)| *known == id)
        .expect("a bundled partnership")
        .1
}

/// The entry of `validate --format json` for the file whose path ends with `suffix`.
pub(crate) fn file_entry<'a>(report: &'a serde_json::Value, suffix: &str) -> &'a serde_json::Value {
    report["files"]
        .as_array()
        .expect("files")
        .iter()
        .find(|f| f["path"].as_str().is_some_and(|p| p.ends_with(suffix)))
        .unwrap_or_else(|| panic!("no file ending {suffix} in {report}"))
}

//! `tor validate` through the binary: the bundled files pass, every kind of broken
//! file fails with its position, in human and JSON output alike.

mod common;

use common::{MINIMAL, dir_with, json, tor};
use predicates::prelude::*;

/// Runs validate on one file named `name` holding `body`; returns the file's single
/// JSON record and the human output.
fn check(name: &str, body: &[u8]) -> (serde_json::Value, String) {
    let dir = dir_with(&[(name, body)]);
    let path = dir.path().join(name);
    let out = tor()
        .args(["validate", "--as-of", "2012-06-01", "--format", "json"])
        .arg(&path)
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let report = json(&out);
    let human = tor()
        .args(["validate", "--as-of", "2012-06-01"])
        .arg(&path)
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    (
        report["files"][0].clone(),
        String::from_utf8(human).expect("utf-8"),
    )
}

fn first_error(file: &serde_json::Value) -> &serde_json::Value {
    file["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .find(|d| d["severity"] == "error")
        .expect("an error")
}

/// Asserts the error `code` at `line:column` in both outputs.
fn assert_error(name: &str, body: &str, code: &str, line: u64, column: u64) -> String {
    let (file, human) = check(name, body.as_bytes());
    let d = first_error(&file);
    assert_eq!(d["code"], code, "{d}");
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(line), Some(column)),
        "{d}"
    );
    let place = format!("{name}:{line}:{column}");
    assert!(
        human.contains(&place),
        "human output lacks {place}:\n{human}"
    );
    assert!(human.contains(&format!("error[{code}]")), "{human}");
    human
}

#[test]
fn bundled_partnerships_are_valid() {
    tor()
        .arg("validate")
        .assert()
        .code(0)
        .stdout(predicate::str::contains("0 error(s)"));
    tor()
        .args(["validate", "--dir"])
        .arg(common::bundled_dir())
        .assert()
        .code(0);
}

#[test]
fn syntax_error_has_position() {
    let body = MINIMAL.replace("name = \"Test Group\"", "name = \"Test Group");
    assert_error("test-group.toml", &body, "syntax", 2, 19);
}

#[test]
fn unknown_top_level_key_suggests_nearest() {
    let body = format!("qorum = 3\n{MINIMAL}");
    let human = assert_error("test-group.toml", &body, "unknown-key", 1, 1);
    assert!(human.contains("did you mean `quorum`?"), "{human}");
}

#[test]
fn unknown_nested_key_suggests_nearest() {
    let body = MINIMAL.replace("clause = \"5\"", "clase = \"5\"");
    let human = assert_error("test-group.toml", &body, "unknown-key", 19, 1);
    assert!(human.contains("did you mean `clause`?"), "{human}");
}

#[test]
fn every_unknown_key_is_reported_not_only_the_first() {
    let body = MINIMAL.replace("clause = \"5\"", "clase = \"5\"\nclause = \"5\"") + "colour = 1\n";
    let (file, _) = check("test-group.toml", body.as_bytes());
    let codes: Vec<_> = file["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].clone())
        .collect();
    assert_eq!(codes, ["unknown-key", "unknown-key"], "{file}");
}

#[test]
fn wrong_type_has_position() {
    let body = MINIMAL.replace("at_least = 2", "at_least = \"two\"");
    assert_error("test-group.toml", &body, "wrong-type", 20, 12);
}

#[test]
fn invalid_date_is_an_error() {
    let body = MINIMAL.replace(
        "name = \"The Police\"",
        "name = \"The Police\"\nfrom = 2013-02-30",
    );
    let (file, human) = check("test-group.toml", body.as_bytes());
    let d = first_error(&file);
    assert!(
        ["invalid-date", "syntax"].contains(&d["code"].as_str().unwrap()),
        "{d}"
    );
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(16), Some(8)),
        "{d}"
    );
    assert!(human.contains("test-group.toml:16:8"), "{human}");
}

#[test]
fn quorum_above_eligible_members_is_impossible() {
    let body = MINIMAL.replace("at_least = 2", "at_least = 3");
    let human = assert_error("test-group.toml", &body, "impossible-rule", 20, 12);
    assert!(human.contains("more than the 2"), "{human}");
}

#[test]
fn reference_to_undefined_member_suggests_nearest() {
    let body = format!(
        "{MINIMAL}\n[chair]\nclause = \"1\"\nappointment = \"named\"\nmember = \"polce\"\n"
    );
    let human = assert_error("test-group.toml", &body, "unknown-member", 26, 10);
    assert!(human.contains("did you mean `police`?"), "{human}");
}

#[test]
fn reference_to_undefined_class_is_an_error() {
    let body = MINIMAL.replace(
        "class = \"responsible-authority\"\n\n[quorum]",
        "class = \"responsibl-authority\"\n\n[quorum]",
    );
    assert_error("test-group.toml", &body, "unknown-class", 16, 9);
}

#[test]
fn id_must_match_file_name() {
    let human = assert_error("other-name.toml", MINIMAL, "id-mismatch", 1, 6);
    assert!(human.contains("other-name"), "{human}");
}

#[test]
fn duplicate_member_id_is_an_error() {
    let body = MINIMAL.replace("id = \"police\"", "id = \"council\"");
    assert_error("test-group.toml", &body, "duplicate-id", 14, 6);
}

#[test]
fn inverted_membership_dates_are_an_error() {
    let body = MINIMAL.replace(
        "name = \"The Police\"",
        "name = \"The Police\"\nfrom = 2012-01-01\nuntil = 2011-01-01",
    );
    assert_error("test-group.toml", &body, "inverted-dates", 17, 9);
}

#[test]
fn empty_file_is_an_error() {
    assert_error("test-group.toml", "", "empty-file", 1, 1);
    assert_error("test-group.toml", "\n  \n", "empty-file", 1, 1);
}

#[test]
fn binary_file_is_an_error() {
    let (file, human) = check("test-group.toml", b"\x7fELF\x02\x01\x01\x00\x00\xff\xfe");
    assert_eq!(first_error(&file)["code"], "not-text", "{file}");
    assert!(human.contains("test-group.toml:1:"), "{human}");
}

#[test]
fn missing_required_key_is_an_error() {
    let body = MINIMAL.replace("name = \"Test Group\"\n", "");
    assert_error("test-group.toml", &body, "missing-key", 1, 1);
}

#[test]
fn no_panic_on_arbitrary_bytes() {
    for body in [
        &b"[[members]]\n"[..],
        b"id = 1",
        b"\xef\xbb\xbfid = \"x\"",
        b"[a.b.c]\nd=1",
        b"=",
        b"\"\"\"\n",
    ] {
        let dir = dir_with(&[("x.toml", body)]);
        tor()
            .arg("validate")
            .arg(dir.path().join("x.toml"))
            .assert()
            .code(1)
            .stderr(predicate::str::contains("panicked").not());
    }
}

#[test]
fn warns_about_overdue_review_and_missing_rules() {
    let out = tor()
        .args(["validate", "--as-of", "2026-11-23", "--format", "json"])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let report = json(&out);
    let codes_of = |stem: &str| -> Vec<String> {
        report["files"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| {
                f["path"]
                    .as_str()
                    .unwrap()
                    .ends_with(&format!("{stem}.toml"))
            })
            .expect("file listed")["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["code"].as_str().unwrap().to_owned())
            .collect()
    };
    assert!(codes_of("sefton-scp").contains(&"review-overdue".to_owned()));
    assert!(codes_of("oxfordshire-business-group").contains(&"no-quorum-rule".to_owned()));
    assert!(report["warnings"].as_u64().unwrap() > 0);
    assert_eq!(report["errors"], 0);
}

#[test]
fn deny_warnings_turns_warnings_into_failure() {
    tor()
        .args(["validate", "--as-of", "2026-11-23", "--deny-warnings"])
        .assert()
        .code(1);
}

#[test]
fn missing_path_is_exit_2() {
    tor()
        .args(["validate", "/nonexistent/tor.toml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("/nonexistent/tor.toml"));
}

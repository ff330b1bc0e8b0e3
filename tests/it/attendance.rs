//! Who counts (issue 14): combined quorums, seats (`ORG:N`), and meetings held
//! in private, through the binary.

use crate::common::{self, dir_with, finding, tor};
use predicates::prelude::*;

/// A ToR of two councils with seats, a combined quorum and open meetings.
const SEATED: &str = r#"
id = "seated"
name = "Seated Committee"
counts = "people"

[[classes]]
id = "council"
name = "Council"

[[members]]
id = "north"
name = "North Council"
class = "council"
seats = 5

[[members]]
id = "south"
name = "South Council"
class = "council"
seats = 3

[quorum]
clause = "4"
at_least = 4

[[quorum.all]]
at_least_each = 2
from = ["north", "south"]

[public.access]
clause = "7"
mode = "open"
"#;

fn seated() -> tempfile::TempDir {
    dir_with(&[("seated.toml", SEATED.as_bytes())])
}

fn check(dir: &tempfile::TempDir, args: &[&str], code: i32) -> serde_json::Value {
    let mut all = vec!["seated", "--at", "2025-11-11T18:00"];
    all.extend_from_slice(args);
    common::run_json(Some(dir.path()), "check-meeting", &all, code)
}

#[test]
fn people_in_seats_count_and_each_council_needs_its_minimum() {
    let dir = seated();
    let ok = check(&dir, &["--attendees", "north:2,south:2"], 0);
    let q = finding(&ok, "quorum");
    assert_eq!(q["status"], "pass", "{ok:#}");
    assert_eq!(q["clause"], "4");

    let short = check(&dir, &["--attendees", "north:5,south:1"], 1);
    let q = finding(&short, "quorum");
    assert_eq!(q["status"], "fail");
    let message = q["message"].as_str().unwrap();
    assert!(
        message.starts_with("not quorate: 6 voting people present"),
        "{message}"
    );
    assert!(message.contains("needs 1 more from south"), "{message}");
}

#[test]
fn more_people_than_seats_is_a_usage_error() {
    let dir = seated();
    tor()
        .arg("--dir")
        .arg(dir.path())
        .args(["check-meeting", "seated", "--at", "2025-11-11T18:00"])
        .args(["--attendees", "south:4"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("south holds 3 seats"));
}

#[test]
fn a_private_meeting_fails_an_open_meetings_rule() {
    let dir = seated();
    let report = check(&dir, &["--private"], 1);
    let access = finding(&report, "public-access");
    assert_eq!(access["status"], "fail", "{report:#}");
    assert_eq!(access["clause"], "7");
    // Not said either way: as before, the open rule is not broken.
    let report = check(&dir, &[], 0);
    assert_eq!(finding(&report, "public-access")["status"], "pass");
}

#[test]
fn a_meeting_file_saying_public_false_is_private() {
    let dir = seated();
    let meeting = dir.path().join("m.toml");
    std::fs::write(&meeting, "at = 2025-11-11T18:00:00\npublic = false\n").unwrap();
    let report = common::run_json(
        Some(dir.path()),
        "check-meeting",
        &["seated", "--meeting", meeting.to_str().unwrap()],
        1,
    );
    assert_eq!(finding(&report, "public-access")["status"], "fail");
}

#[test]
fn public_and_private_together_are_refused() {
    let dir = seated();
    tor()
        .arg("--dir")
        .arg(dir.path())
        .args(["check-meeting", "seated", "--at", "2025-11-11T18:00"])
        .args(["--public", "--private"])
        .assert()
        .code(2);
}

#[test]
fn a_private_meeting_passes_a_closed_rule() {
    let report = common::run_json(
        None,
        "check-meeting",
        &[
            "oxfordshire-business-group",
            "--at",
            "2013-01-10T14:00",
            "--private",
        ],
        0,
    );
    assert_eq!(finding(&report, "public-access")["status"], "pass");
}

#[test]
fn a_class_minimum_above_its_seats_is_a_validate_error() {
    let bad = SEATED.replace("at_least_each = 2", "at_least_each = 4");
    let dir = dir_with(&[("seated.toml", bad.as_bytes())]);
    let report = common::run_json(None, "validate", &[dir.path().to_str().unwrap()], 1);
    let d = &report["files"][0]["diagnostics"][0];
    assert_eq!(d["code"], "impossible-rule", "{report:#}");
    assert_eq!(d["line"], 26, "the `[[quorum.all]]` entry");
    assert!(
        d["message"]
            .as_str()
            .unwrap()
            .contains("only 3 seats of south"),
        "{report:#}"
    );
}

#[test]
fn an_unknown_condition_key_is_positioned_with_a_suggestion() {
    let bad = SEATED.replace("at_least_each = 2", "at_least_eahc = 2");
    let dir = dir_with(&[("seated.toml", bad.as_bytes())]);
    let report = common::run_json(None, "validate", &[dir.path().to_str().unwrap()], 1);
    let d = &report["files"][0]["diagnostics"][0];
    assert_eq!(d["line"], 27, "{report:#}");
    let text = d.to_string();
    assert!(text.contains("at_least_each"), "{report:#}");
}

#[test]
fn a_condition_naming_an_unknown_member_suggests_the_nearest() {
    let bad = SEATED.replace(
        r#"from = ["north", "south"]"#,
        r#"from = ["north", "suoth"]"#,
    );
    let dir = dir_with(&[("seated.toml", bad.as_bytes())]);
    let report = common::run_json(None, "validate", &[dir.path().to_str().unwrap()], 1);
    let d = &report["files"][0]["diagnostics"][0];
    assert_eq!(d["code"], "unknown-member", "{report:#}");
    assert!(d.to_string().contains("south"), "{report:#}");
}

//! Stand-ins as attendance rules (issue 14 item 3): `[attendance.substitutes]`
//! and `[attendance.deputies]` with who may send one, the notice they need
//! (`--notified ORG@DATETIME`) and a dated period, through the binary.

use crate::common::{self, dir_with, finding, tor};
use predicates::prelude::*;

/// Two councils with seats; only `north` may send substitutes, notified 24
/// hours before; deputies from the `council` class, registered before 1 May
/// 2025, who count for the quorum but do not vote.
const BODY: &str = r#"
id = "body"
name = "Body"
counts = "people"

[[classes]]
id = "council"
name = "Council"

[[classes]]
id = "agency"
name = "Agency"

[[members]]
id = "north"
name = "North Council"
class = "council"
seats = 4

[[members]]
id = "south"
name = "South Council"
class = "council"
seats = 2

[[members]]
id = "fire"
name = "Fire Service"
class = "agency"

[quorum]
clause = "4"
at_least = 3

[decisions]
clause = "8"
method = "majority"

[attendance.substitutes]
clause = "6"
members = ["north"]
notice_hours = 24
one_per_absent_member = true

[attendance.deputies]
clause = "7"
classes = ["council"]
counts_for_quorum = true
votes = false
registered_before = 2025-05-01
until = 2025-12-31
"#;

fn body() -> tempfile::TempDir {
    dir_with(&[("body.toml", BODY.as_bytes())])
}

fn check(dir: &tempfile::TempDir, args: &[&str], code: i32) -> serde_json::Value {
    let mut all = vec!["body", "--at", "2025-11-11T18:00"];
    all.extend_from_slice(args);
    common::run_json(Some(dir.path()), "check-meeting", &all, code)
}

fn validate_error(body: &str) -> String {
    let dir = dir_with(&[("body.toml", body.as_bytes())]);
    let out = tor()
        .arg("validate")
        .arg(dir.path().join("body.toml"))
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    String::from_utf8(out).expect("utf-8")
}

#[test]
fn a_substitute_notified_in_time_counts_and_one_notified_late_does_not() {
    let dir = body();
    let args = ["--attendees", "south:2", "--substitute", "north:1"];
    let in_time = [&args[..], &["--notified", "north@2025-11-10T18:00"]].concat();
    let report = check(&dir, &in_time, 0);
    assert_eq!(finding(&report, "quorum")["status"], "pass", "{report:#}");
    assert_eq!(finding(&report, "membership")["status"], "pass");

    let late = [&args[..], &["--notified", "north@10/11/2025 18:01"]].concat();
    let report = check(&dir, &late, 1);
    let q = finding(&report, "quorum");
    assert_eq!(q["status"], "fail", "{report:#}");
    let message = q["message"].as_str().unwrap();
    assert!(
        message.contains("north (by substitute) ×1: not notified 24 hours before (notified 2025-11-10 18:01, 23 hours 59 minutes before the meeting) (6)"),
        "{message}"
    );
    let m = finding(&report, "membership");
    assert_eq!(m["status"], "fail");
    assert_eq!(m["clause"], "6");
}

#[test]
fn notice_recorded_without_its_time_is_a_warning_not_a_refusal() {
    let dir = body();
    let report = check(
        &dir,
        &[
            "--attendees",
            "south:2",
            "--substitute",
            "north",
            "--notified",
            "north",
        ],
        0,
    );
    let m = finding(&report, "membership");
    assert_eq!(m["status"], "warn", "{report:#}");
    assert!(
        m["message"]
            .as_str()
            .unwrap()
            .contains("notice is recorded but not when it was given"),
        "{m:#}"
    );
    assert_eq!(finding(&report, "quorum")["status"], "pass");
}

#[test]
fn only_the_members_named_may_send_a_substitute() {
    let dir = body();
    let report = check(
        &dir,
        &["--attendees", "north:2", "--substitute", "south:1"],
        1,
    );
    let m = finding(&report, "membership");
    assert_eq!(
        m["message"], "south's substitute is not accepted: only north may send a substitute (6)",
        "{report:#}"
    );
    assert_eq!(finding(&report, "quorum")["status"], "fail");
}

#[test]
fn deputies_are_judged_by_class_registration_date_and_period() {
    let dir = body();
    // Registered in April: counts for the quorum.
    let report = check(
        &dir,
        &[
            "--attendees",
            "north:2",
            "--deputy",
            "south",
            "--notified",
            "south@2025-04-30T12:00",
        ],
        0,
    );
    assert_eq!(finding(&report, "quorum")["status"], "pass", "{report:#}");
    // Registered on 1 May: too late.
    let report = check(
        &dir,
        &[
            "--attendees",
            "north:2",
            "--deputy",
            "south",
            "--notified",
            "south@2025-05-01T09:00",
        ],
        1,
    );
    let m = finding(&report, "membership")["message"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(m.contains("not registered before 2025-05-01"), "{m}");
    // The fire service is not of class `council`.
    let report = check(&dir, &["--attendees", "north:3", "--deputy", "fire"], 1);
    let m = finding(&report, "membership")["message"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(
        m.contains("only members of class `council` may send a deputy"),
        "{m}"
    );
    // After the rule's last day no deputy is accepted.
    let mut cmd = tor();
    let out = cmd
        .arg("--dir")
        .arg(dir.path())
        .args(["check-meeting", "body", "--at", "2026-01-13T18:00"])
        .args(["--attendees", "north:2", "--deputy", "south"])
        .args(["--format", "json"])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let report = common::json(&out);
    let m = finding(&report, "membership")["message"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(
        m.contains("deputies are allowed only until 2025-12-31"),
        "{m}"
    );
}

#[test]
fn a_deputy_that_does_not_vote_is_left_out_of_the_tally() {
    let dir = body();
    let report = common::run_json(
        Some(dir.path()),
        "tally",
        &[
            "body",
            "--at",
            "2025-11-11",
            "--for",
            "north,south",
            "--deputy",
            "south",
            "--notified",
            "south@2025-04-01T09:00",
        ],
        1,
    );
    assert_eq!(report["excluded"][0]["org"], "south", "{report:#}");
    assert_eq!(finding(&report, "eligibility")["status"], "fail");
}

#[test]
fn a_meeting_file_gives_when_notice_was_given() {
    let dir = body();
    let meeting = dir.path().join("m.toml");
    std::fs::write(
        &meeting,
        "at = 2025-11-11T18:00:00\nattendees = [\"south:2\"]\nsubstitutes = [\"north:1\"]\nnotified = [\"north@2025-11-11T09:00\"]\n",
    )
    .unwrap();
    let report = common::run_json(
        Some(dir.path()),
        "check-meeting",
        &["body", "--meeting", meeting.to_str().unwrap()],
        1,
    );
    assert!(
        finding(&report, "membership")["message"]
            .as_str()
            .unwrap()
            .contains("not notified 24 hours before (notified 2025-11-11 09:00, 9 hours before the meeting)"),
        "{report:#}"
    );
}

#[test]
fn a_bad_notice_time_is_a_usage_error_or_a_positioned_file_error() {
    let dir = body();
    tor()
        .arg("--dir")
        .arg(dir.path())
        .args(["check-meeting", "body", "--at", "2025-11-11T18:00"])
        .args(["--substitute", "north", "--notified", "north@yesterday"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("`notified`: `north@…`"));
    let meeting = dir.path().join("m.toml");
    std::fs::write(
        &meeting,
        "at = 2025-11-11T18:00:00\nsubstitutes = [\"north\"]\nnotified = [\"north@soon\"]\n",
    )
    .unwrap();
    tor()
        .arg("--dir")
        .arg(dir.path())
        .args(["check-meeting", "body", "--meeting"])
        .arg(&meeting)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("m.toml:3:13"));
}

#[test]
fn validate_names_an_unknown_member_with_the_nearest() {
    let out = validate_error(&BODY.replace("members = [\"north\"]", "members = [\"nroth\"]"));
    assert!(out.contains("no member `nroth` is defined"), "{out}");
    assert!(out.contains("north"), "{out}");
    assert!(out.contains("body.toml:41:12"), "{out}");
}

#[test]
fn validate_refuses_two_kinds_of_notice_and_a_rule_in_two_places() {
    let out = validate_error(&BODY.replace(
        "notice_hours = 24\n",
        "notice_hours = 24\nregistered_before = 2025-01-01\n",
    ));
    assert!(
        out.contains("give `notice_hours` or `registered_before`, not both"),
        "{out}"
    );
    let out = validate_error(&BODY.replace(
        "method = \"majority\"\n",
        "method = \"majority\"\nsubstitutes = { clause = \"8\" }\n",
    ));
    assert!(
        out.contains("`[attendance.substitutes]` and `[decisions.substitutes]` (clause 8) both state substitutes"),
        "{out}"
    );
}

#[test]
fn show_lists_the_attendance_rule_for_stand_ins() {
    let dir = body();
    tor()
        .arg("--dir")
        .arg(dir.path())
        .args(["show", "body"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            "substitutes may attend only for north; they count for the quorum and vote; one per absent member; notified at least 24 hours before the meeting starts",
        ));
}

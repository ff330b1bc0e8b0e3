//! Deadlines relative to events (issue 16): `[[event_deadlines]]` and the
//! ordinary elections table through the binary — check-meeting, deadlines and
//! the loader's refusals.

use std::path::{Path, PathBuf};

use crate::common::{self, dir_with, tor};
use predicates::prelude::*;

const ID: &str = "harbourside-joint-committee";

fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/partnerships")
}

fn committee() -> String {
    std::fs::read_to_string(examples().join(format!("{ID}.toml"))).expect("example ToR")
}

fn file_name() -> String {
    format!("{ID}.toml")
}

/// The example with `from` replaced by `to` (which must be there).
fn committee_with(from: &str, to: &str) -> String {
    let text = committee();
    assert!(text.contains(from), "{from}");
    text.replacen(from, to, 1)
}

fn check(dir: &Path, args: &[&str], code: i32) -> serde_json::Value {
    let mut all = vec![ID, "--attendees", "harbourside,westbay"];
    all.extend_from_slice(args);
    common::run_json(Some(dir), "check-meeting", &all, code)
}

fn event_finding<'a>(report: &'a serde_json::Value, clause: &str) -> &'a serde_json::Value {
    report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .find(|f| f["rule"] == "event-deadline" && f["clause"] == clause)
        .unwrap_or_else(|| panic!("no event-deadline {clause} in {report:#}"))
}

#[test]
fn the_first_meeting_is_judged_from_the_ordinary_elections() {
    let ok = check(
        &examples(),
        &["--at", "2026-07-06T18:00", "--mark", "first-meeting"],
        0,
    );
    let f = event_finding(&ok, "6.1");
    assert_eq!(f["status"], "pass", "{f:#}");
    let late = check(
        &examples(),
        &["--at", "2026-07-07T18:00", "--mark", "first-meeting"],
        1,
    );
    let f = event_finding(&late, "6.1");
    assert_eq!(f["status"], "fail", "{f:#}");
    let message = f["message"].as_str().expect("message");
    assert!(message.contains("2026-05-07"), "{message}");
    assert!(message.contains("2026-07-06"), "{message}");
    assert!(message.contains("too late"), "{message}");
}

#[test]
fn an_unknown_event_is_skipped_and_listed_as_unchecked() {
    let report = check(
        &examples(),
        &["--at", "2026-05-14T18:00", "--mark", "planning-meeting"],
        0,
    );
    assert_eq!(event_finding(&report, "6.2")["status"], "skip");
    let unchecked = report["unchecked"].as_array().expect("unchecked");
    assert!(
        unchecked.iter().any(|r| r == "event-deadline"),
        "{report:#}"
    );
    // A rule about another meeting does not bear on this one.
    assert_eq!(event_finding(&report, "6.1")["status"], "skip");
}

#[test]
fn the_record_gives_the_annual_meeting_both_ways() {
    let record = "[[meeting]]\ndate = 2026-06-18\nmarks = [\"annual-meeting\"]\n\n[[meeting]]\ndate = 2026-05-28\nmarks = [\"planning-meeting\"]\n";
    let dir = dir_with(&[
        (&file_name(), committee().as_bytes()),
        (&format!("{ID}.meetings.toml"), record.as_bytes()),
    ]);
    // Five weeks before: in time (the record's own entry for the day is replaced).
    let early = check(
        dir.path(),
        &["--at", "2026-05-14T18:00", "--mark", "planning-meeting"],
        0,
    );
    assert_eq!(event_finding(&early, "6.2")["status"], "pass");
    // The annual meeting itself, judged from the planning meeting recorded three weeks before.
    let annual = check(
        dir.path(),
        &["--at", "2026-06-18T18:00", "--mark", "annual-meeting"],
        1,
    );
    assert_eq!(event_finding(&annual, "6.2")["status"], "fail");
    // deadlines lists the window from the record's annual meeting.
    let due = common::run_json(
        Some(dir.path()),
        "deadlines",
        &[ID, "--at", "2026-05-01"],
        0,
    );
    let rows = due["event_deadlines"].as_array().expect("event deadlines");
    let planning = rows
        .iter()
        .find(|r| r["what"] == "planning-meeting")
        .expect("planning meeting row");
    assert_eq!(planning["event_on"], "2026-06-18");
    assert_eq!(planning["by"], "2026-05-21");
    assert_eq!(planning["from"], serde_json::Value::Null);
    let first = rows
        .iter()
        .find(|r| r["what"] == "first-meeting")
        .expect("first");
    assert_eq!(first["event"], "ordinary-elections");
    assert_eq!(first["event_on"], "2025-05-01");
}

#[test]
fn a_tor_may_move_a_years_elections() {
    let text = committee_with(
        "# 6.1:",
        "[[ordinary_elections]]\nyear = 2026\ndate = 2026-06-04\nsource = \"a combination order\"\n\n# 6.1:",
    );
    let dir = dir_with(&[(&file_name(), text.as_bytes())]);
    // 61 days after 7 May, but within 60 of 4 June.
    let report = check(
        dir.path(),
        &["--at", "2026-07-07T18:00", "--mark", "first-meeting"],
        0,
    );
    assert_eq!(event_finding(&report, "6.1")["status"], "pass");
    let due = common::run_json(
        Some(dir.path()),
        "deadlines",
        &[ID, "--at", "2026-06-10"],
        0,
    );
    assert_eq!(due["event_deadlines"][0]["event_on"], "2026-06-04");
}

#[test]
fn a_tor_without_event_deadlines_reports_none() {
    let report = common::run_json(
        None,
        "check-meeting",
        &["sefton-scp", "--at", "2012-12-06T14:00"],
        0,
    );
    assert!(
        report["findings"]
            .as_array()
            .expect("findings")
            .iter()
            .all(|f| f["rule"] != "event-deadline"),
        "{report:#}"
    );
    let due = common::run_json(None, "deadlines", &["sefton-scp", "--at", "2012-12-06"], 0);
    assert!(due.get("event_deadlines").is_none(), "{due:#}");
}

#[test]
fn bad_event_deadlines_are_refused_in_place() {
    for (from, to, code, also) in [
        (
            "before = \"annual-meeting\"",
            "before = \"anual-meeting\"",
            "unknown-keyword",
            "did you mean `annual-meeting`?",
        ),
        (
            "before = \"annual-meeting\"",
            "before = \"annual-meeting\"\nafter = \"may-meeting\"",
            "conflicting-keys",
            "exactly one of `before` or `after`",
        ),
        (
            "within = { days = 60 }",
            "within = { days = 367 }",
            "out-of-range",
            "0 to 366",
        ),
        (
            "within = { days = 60 }",
            "within = { days = 60, weeks = 2 }",
            "conflicting-keys",
            "exactly one of",
        ),
        (
            "within = { days = 60 }",
            "within = { fortnights = 2 }",
            "unknown-key",
            "fortnights",
        ),
        (
            "what = \"first-meeting\"",
            "what = \"First Meeting\"",
            "invalid-id",
            "not a valid id",
        ),
        (
            "before = \"meeting:ordinary\"",
            "before = \"meeting:briefing\"",
            "impossible-rule",
            "itself",
        ),
        (
            "# 6.1:",
            "[[ordinary_elections]]\nyear = 2026\ndate = 2027-05-06\n# 6.1:",
            "invalid-value",
            "is not in 2026",
        ),
        (
            "# 6.1:",
            "[[ordinary_elections]]\nyear = 2026\n# 6.1:",
            "missing-key",
            "need `date`",
        ),
        (
            "# 6.1:",
            "[[ordinary_elections]]\nyear = 2026\nheld = false\ndate = 2026-05-07\n# 6.1:",
            "conflicting-keys",
            "held = false",
        ),
        (
            "# 6.1:",
            "[[ordinary_elections]]\nyear = 2026\nheld = false\n[[ordinary_elections]]\nyear = 2026\nheld = false\n# 6.1:",
            "duplicate-value",
            "listed twice",
        ),
    ] {
        let dir = dir_with(&[(&file_name(), committee_with(from, to).as_bytes())]);
        tor()
            .arg("validate")
            .arg(dir.path())
            .assert()
            .code(1)
            .stdout(
                predicate::str::contains(format!("error[{code}]"))
                    .and(predicate::str::contains(format!("{ID}.toml:")))
                    .and(predicate::str::contains(also)),
            );
    }
}

#[test]
fn bad_marks_in_a_record_are_refused_in_place() {
    let dir = dir_with(&[
        (&file_name(), committee().as_bytes()),
        (
            &format!("{ID}.meetings.toml"),
            b"[[meeting]]\ndate = 2026-06-18\nmarks = [\"Annual\", \"x\", \"x\"]\n",
        ),
    ]);
    tor()
        .arg("validate")
        .arg(dir.path())
        .assert()
        .code(1)
        .stdout(
            predicate::str::contains("error[invalid-id]")
                .and(predicate::str::contains("error[duplicate-value]"))
                .and(predicate::str::contains(".meetings.toml:3:")),
        );
    tor()
        .args(["--dir"])
        .arg(examples())
        .args([
            "check-meeting",
            ID,
            "--at",
            "2026-06-18T18:00",
            "--mark",
            "Annual Meeting",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not a valid id"));
}

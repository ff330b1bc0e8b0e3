//! Verdicts that must not be wrong and messages that must say one thing once.

use predicates::prelude::*;

use crate::common::{dir_with, run_json, tor};

/// A body that would have to meet 30 times a month: more than there are
/// working days.
const BUSY: &str = r#"id = "busy"
name = "Busy"
source = "test"
adopted = 2020-01-01

[[classes]]
id = "ra"
name = "Responsible authority"
clause = "1"

[[members]]
id = "a"
name = "A"
class = "ra"
clause = "1"

[frequency]
clause = "2"
at_least = 30
per = "month"
"#;

#[test]
fn a_plan_that_cannot_meet_its_frequency_rule_is_not_valid() {
    let dir = dir_with(&[("busy.toml", BUSY.as_bytes())]);
    let plan = run_json(Some(dir.path()), "schedule", &["busy", "--year", "2027"], 1);
    assert_eq!(plan["valid"], false);
    let shortfalls = plan["shortfalls"].as_array().expect("shortfalls");
    assert!(!shortfalls.is_empty());
    // Fewer than 30 working days in any month: every month is short.
    assert!(plan["meetings"].as_array().expect("meetings").len() < 30 * 12);

    tor()
        .arg("--dir")
        .arg(dir.path())
        .args(["schedule", "busy", "--year", "2027"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "NOT VALID: the plan cannot keep the frequency rule",
        ))
        .stdout(predicate::str::contains("FAILS frequency"));
}

#[test]
fn a_plan_the_rule_allows_is_still_valid() {
    let plan = run_json(None, "schedule", &["sefton-scp", "--year", "2027"], 0);
    assert_eq!(plan["valid"], true);
    assert_eq!(plan["shortfalls"], serde_json::json!([]));
}

#[test]
fn a_leap_second_is_not_a_meeting_time() {
    tor()
        .args(["check-meeting", "sefton-scp", "--at", "2012-12-06T23:59:60"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "`2012-12-06T23:59:60` is not a real date or time",
        ));
    // Not even on a day that had one, given in UTC.
    tor()
        .args([
            "tally",
            "sefton-scp",
            "--at",
            "2016-12-31T23:59:60Z",
            "--for",
            "probation",
        ])
        .assert()
        .code(2);
    let dir = dir_with(&[("m.toml", b"at = 2012-12-06T23:59:60\n")]);
    tor()
        .args(["check-meeting", "sefton-scp", "--meeting"])
        .arg(dir.path().join("m.toml"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("m.toml:1:6"));
}

#[test]
fn a_file_error_is_not_prefixed_twice() {
    let dir = dir_with(&[("m.toml", b"at = 2012-12-06T14:00:00\nbogus = 1\n")]);
    let out = tor()
        .args(["check-meeting", "sefton-scp", "--meeting"])
        .arg(dir.path().join("m.toml"))
        .assert()
        .code(2)
        .get_output()
        .stderr
        .clone();
    let err = String::from_utf8(out).expect("UTF-8");
    assert!(err.starts_with("error[unknown-key]"), "{err}");
    assert!(!err.contains("error: error"), "{err}");

    // The same through the catalog: a bad bank-holidays file beside the ToRs.
    let dir = dir_with(&[("bank-holidays.toml", b"x\n")]);
    let out = tor()
        .arg("--dir")
        .arg(dir.path())
        .args(["holidays", "--year", "2027"])
        .assert()
        .code(2)
        .get_output()
        .stderr
        .clone();
    let err = String::from_utf8(out).expect("UTF-8");
    assert!(err.starts_with("error[syntax]"), "{err}");
}

#[test]
fn an_io_error_is_said_once() {
    let missing = tempfile::tempdir().expect("temp dir").path().join("gone");
    let out = tor()
        .arg("--dir")
        .arg(&missing)
        .arg("list")
        .assert()
        .code(2)
        .get_output()
        .stderr
        .clone();
    let err = String::from_utf8(out).expect("UTF-8");
    let parts: Vec<&str> = err.trim_end().split(": ").collect();
    assert!(
        parts
            .windows(2)
            .all(|w| w[0] != w[1] && !w[0].ends_with(w[1])),
        "a cause repeated: {err}"
    );
}

#[test]
fn an_empty_member_id_is_named_as_empty() {
    for args in [
        &["tally", "sefton-scp", "--for", ""][..],
        &["tally", "sefton-scp", "--for", "probation,,fire-rescue"],
        &["tally", "sefton-scp", "--proxy", "=for"],
        &[
            "check-meeting",
            "sefton-scp",
            "--at",
            "2012-12-06T14:00",
            "--attendees",
            "",
        ],
    ] {
        tor()
            .args(args)
            .assert()
            .code(2)
            .stderr(predicate::str::contains("an empty member id"))
            .stderr(predicate::str::contains("``").not());
    }
    let dir = dir_with(&[("v.toml", b"at = 2012-12-06\nfor = [\"\"]\n")]);
    tor()
        .args(["tally", "sefton-scp", "--votes"])
        .arg(dir.path().join("v.toml"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("an empty member id"))
        .stderr(predicate::str::contains("v.toml:2:8"));
}

#[test]
fn an_empty_tor_dir_is_blamed_not_dir() {
    tor()
        .env("TOR_DIR", "")
        .arg("list")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("TOR_DIR is set but empty"))
        .stderr(predicate::str::contains("--dir").not());
    tor()
        .args(["--dir", "", "list"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--dir is empty"));
}

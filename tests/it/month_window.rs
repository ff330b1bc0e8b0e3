//! `[frequency] months`, the month window ("in October or November"), through the
//! binary: check-meeting, audit and schedule judge it with the clause, and the
//! loader refuses an empty, repeated or misspelt month.

use std::path::{Path, PathBuf};

use crate::common::{self, dir_with, finding, tor};
use predicates::prelude::*;

fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/partnerships")
}

fn assembly() -> String {
    std::fs::read_to_string(examples().join("autumn-assembly.toml")).expect("example ToR")
}

/// The example ToR with its frequency rule replaced by `frequency`.
fn assembly_with(frequency: &str) -> String {
    let text = assembly();
    let start = text.find("[frequency]").expect("a [frequency] table");
    let end = text.find("[decisions]").expect("a [decisions] table");
    format!("{}{frequency}\n\n{}", &text[..start], &text[end..])
}

fn check(at: &str, previous: &str, code: i32) -> serde_json::Value {
    common::run_json(
        Some(&examples()),
        "check-meeting",
        &[
            "autumn-assembly",
            "--at",
            at,
            "--previous",
            previous,
            "--attendees",
            "northshire,southton",
        ],
        code,
    )
}

#[test]
fn check_meeting_passes_inside_the_window_and_fails_outside_citing_the_clause() {
    let inside = check("2026-10-01T18:00", "2025-11-20", 0);
    let f = finding(&inside, "frequency");
    assert_eq!(f["status"], "pass", "{f:#}");

    let outside = check("2026-12-01T18:00", "2025-10-15", 1);
    let f = finding(&outside, "frequency");
    assert_eq!(f["status"], "fail", "{f:#}");
    assert_eq!(f["clause"], "6");
    let message = f["message"].as_str().expect("message");
    assert!(
        message.contains("2026-12-01") && message.contains("October and November"),
        "{message}"
    );
}

#[test]
fn audit_reports_a_held_meeting_outside_the_window() {
    let record = |date: &str| {
        format!(
            "[[meeting]]\ndate = {date}\ncirculated = 2026-09-01\npresent = [\"northshire\", \"southton\"]\nchair = \"present\"\n"
        )
    };
    let args = ["autumn-assembly", "--year", "2026", "--as-of", "2027-01-10"];
    let kept = dir_with(&[
        ("autumn-assembly.toml", assembly().as_bytes()),
        (
            "autumn-assembly.meetings.toml",
            record("2026-11-05").as_bytes(),
        ),
    ]);
    let report = common::run_json(Some(kept.path()), "audit", &args, 0);
    assert_eq!(finding(&report, "frequency")["status"], "pass");

    let broken = dir_with(&[
        ("autumn-assembly.toml", assembly().as_bytes()),
        (
            "autumn-assembly.meetings.toml",
            record("2026-09-10").as_bytes(),
        ),
    ]);
    let report = common::run_json(Some(broken.path()), "audit", &args, 1);
    let f = finding(&report, "frequency");
    assert_eq!(f["status"], "fail", "{f:#}");
    assert_eq!(f["clause"], "6");
    assert!(
        f["message"]
            .as_str()
            .is_some_and(|m| m.contains("2026-09-10")),
        "{f:#}"
    );
}

/// The month names as the ToR spells them, in calendar order.
const MONTHS: &[&str] = <tor::model::MonthName as tor::model::Keyword>::NAMES;

#[test]
fn schedule_plans_only_inside_the_window() {
    for frequency in [
        "[frequency]\nclause = \"6\"\nat_least = 1\nper = \"year\"\nmonths = [\"october\", \"november\"]",
        "[frequency]\nclause = \"6\"\ntimes = 3\nper = \"year\"\nmonths = [\"march\", \"october\"]",
        "[frequency]\nclause = \"6\"\nat_least = 1\nper = \"quarter\"\nmonths = [\"february\", \"may\", \"august\", \"november\"]",
    ] {
        let dir = dir_with(&[("autumn-assembly.toml", assembly_with(frequency).as_bytes())]);
        let plan = common::run_json(
            Some(dir.path()),
            "schedule",
            &["autumn-assembly", "--year", "2027"],
            0,
        );
        let meetings = plan["meetings"].as_array().expect("meetings");
        assert!(!meetings.is_empty(), "{plan:#}");
        let allowed: Vec<String> = MONTHS
            .iter()
            .zip(1..)
            .filter(|(name, _)| frequency.contains(*name))
            .map(|(_, n)| format!("-{n:02}-"))
            .collect();
        for m in meetings {
            let at = m["at"].as_str().expect("at");
            assert!(
                allowed.iter().any(|a| at.contains(a)),
                "{at} in {frequency}"
            );
            assert_eq!(m["valid"], true, "{m:#}");
        }
    }
}

#[test]
fn an_empty_repeated_or_misspelt_month_is_a_file_error() {
    for (months, code, needle) in [
        ("[]", "empty-value", "lists no month"),
        ("[\"october\", \"october\"]", "duplicate-value", "twice"),
        ("[\"octobre\"]", "unknown-keyword", "october"),
    ] {
        let frequency =
            format!("[frequency]\nclause = \"6\"\nat_least = 1\nper = \"year\"\nmonths = {months}");
        let dir = dir_with(&[("autumn-assembly.toml", assembly_with(&frequency).as_bytes())]);
        tor()
            .arg("validate")
            .arg(dir.path())
            .assert()
            .code(1)
            .stdout(predicate::str::contains(code).and(predicate::str::contains(needle)))
            .stdout(predicate::str::contains("autumn-assembly.toml:"));
    }
}

#[test]
fn schedule_reports_a_period_the_window_leaves_no_month_in() {
    let frequency =
        "[frequency]\nclause = \"6\"\nat_least = 1\nper = \"quarter\"\nmonths = [\"october\"]";
    let dir = dir_with(&[("autumn-assembly.toml", assembly_with(frequency).as_bytes())]);
    let plan = common::run_json(
        Some(dir.path()),
        "schedule",
        &["autumn-assembly", "--year", "2027"],
        1,
    );
    assert_eq!(plan["valid"], false, "{plan:#}");
    let shortfalls = plan["shortfalls"].as_array().expect("shortfalls");
    assert_eq!(shortfalls.len(), 3, "{plan:#}");
    let meetings = plan["meetings"].as_array().expect("meetings");
    assert_eq!(meetings.len(), 1, "{plan:#}");
    assert!(
        meetings[0]["at"]
            .as_str()
            .is_some_and(|a| a.starts_with("2027-10-"))
    );
}

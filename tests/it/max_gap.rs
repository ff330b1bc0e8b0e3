//! `[frequency] max_gap` ("each within two calendar months of the previous one")
//! through the binary: check-meeting, audit and schedule, and the loader's
//! refusals.

use std::path::{Path, PathBuf};

use crate::common::{self, dir_with, finding, tor};
use chrono::{Months, NaiveDate};
use predicates::prelude::*;

fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/partnerships")
}

fn forum() -> String {
    std::fs::read_to_string(examples().join("lakeside-forum.toml")).expect("example ToR")
}

/// The example ToR with `max_gap = { months = 2 }` replaced by `gap`.
fn forum_with_gap(gap: &str) -> String {
    let text = forum();
    assert!(text.contains("max_gap = { months = 2 }"));
    text.replace("max_gap = { months = 2 }", &format!("max_gap = {gap}"))
}

#[test]
fn check_meeting_judges_the_gap_from_the_previous_meeting() {
    let inside = common::run_json(
        Some(&examples()),
        "check-meeting",
        &[
            "lakeside-forum",
            "--at",
            "2027-04-01T18:00",
            "--previous",
            "2027-02-01",
            "--attendees",
            "northshire,southton",
        ],
        0,
    );
    assert_eq!(finding(&inside, "frequency")["status"], "pass");
    let late = common::run_json(
        Some(&examples()),
        "check-meeting",
        &[
            "lakeside-forum",
            "--at",
            "2027-04-06T18:00",
            "--previous",
            "2027-02-01",
            "--attendees",
            "northshire,southton",
        ],
        1,
    );
    let f = finding(&late, "frequency");
    assert_eq!(f["status"], "fail", "{f:#}");
    assert_eq!(f["clause"], "6");
    let message = f["message"].as_str().expect("message");
    assert!(
        message.contains("2 calendar months") && message.contains("2027-04-01"),
        "{message}"
    );
}

#[test]
fn weeks_and_days_count_plain_days() {
    for (gap, ok, late) in [
        ("{ weeks = 4 }", "2027-03-01T18:00", "2027-03-02T18:00"),
        ("{ days = 60 }", "2027-04-02T18:00", "2027-04-05T18:00"),
    ] {
        let dir = dir_with(&[("lakeside-forum.toml", forum_with_gap(gap).as_bytes())]);
        for (at, code, status) in [(ok, 0, "pass"), (late, 1, "fail")] {
            let report = common::run_json(
                Some(dir.path()),
                "check-meeting",
                &[
                    "lakeside-forum",
                    "--at",
                    at,
                    "--previous",
                    "2027-02-01",
                    "--attendees",
                    "northshire,southton",
                ],
                code,
            );
            assert_eq!(
                finding(&report, "frequency")["status"],
                status,
                "{gap} {at}"
            );
        }
    }
}

#[test]
fn audit_reports_each_gap_that_is_too_long() {
    let meeting = |date: &str| {
        format!(
            "[[meeting]]\ndate = {date}\ncirculated = {date}\npresent = [\"northshire\", \"southton\"]\nchair = \"present\"\n\n"
        )
    };
    let dates = [
        "2027-01-14",
        "2027-03-11",
        "2027-06-10",
        "2027-07-22",
        "2027-09-16",
    ];
    let record: String = dates.iter().map(|d| meeting(d)).collect();
    let dir = dir_with(&[
        ("lakeside-forum.toml", forum().as_bytes()),
        ("lakeside-forum.meetings.toml", record.as_bytes()),
    ]);
    let report = common::run_json(
        Some(dir.path()),
        "audit",
        &["lakeside-forum", "--year", "2027", "--as-of", "2028-02-01"],
        1,
    );
    let f = finding(&report, "frequency");
    assert_eq!(f["status"], "fail", "{f:#}");
    assert_eq!(f["clause"], "6");
    let message = f["message"].as_str().expect("message");
    // 11 March to 10 June is too long; 16 September has no successor by 16 November.
    assert!(
        message.contains("2027-06-10") && message.contains("2027-03-11"),
        "{message}"
    );
    assert!(message.contains("no meeting after 2027-09-16"), "{message}");
    assert!(!message.contains("2027-07-22"), "{message}");
}

#[test]
fn schedule_never_plans_a_gap_longer_than_allowed() {
    for (gap, months) in [("{ months = 2 }", 2), ("{ months = 3 }", 3)] {
        let dir = dir_with(&[("lakeside-forum.toml", forum_with_gap(gap).as_bytes())]);
        let plan = common::run_json(
            Some(dir.path()),
            "schedule",
            &["lakeside-forum", "--year", "2027"],
            0,
        );
        let days: Vec<NaiveDate> = plan["meetings"]
            .as_array()
            .expect("meetings")
            .iter()
            .map(|m| m["at"].as_str().expect("at")[..10].parse().expect("date"))
            .collect();
        assert!(days.len() >= 6, "{plan:#}");
        for w in days.windows(2) {
            let end = w[0].checked_add_months(Months::new(months)).expect("date");
            assert!(w[1] <= end, "{} then {} under {gap}", w[0], w[1]);
        }
        assert!(days.iter().all(|d| d.format("%m").to_string() != "08"));
    }
}

#[test]
fn a_gap_the_month_window_cannot_keep_is_a_shortfall() {
    // No meeting in August and none more than a calendar month after the last:
    // from the end of July nothing can be planned, and the plan says so rather
    // than leaving the gap to the next year's first meeting unsaid.
    let dir = dir_with(&[(
        "lakeside-forum.toml",
        forum_with_gap("{ months = 1 }").as_bytes(),
    )]);
    let plan = common::run_json(
        Some(dir.path()),
        "schedule",
        &["lakeside-forum", "--year", "2027"],
        1,
    );
    assert_eq!(plan["valid"], false, "{plan:#}");
    let shortfalls = plan["shortfalls"].to_string();
    assert!(shortfalls.contains("2027-08-30"), "{shortfalls}");
    assert!(!shortfalls.contains("2026-"), "{shortfalls}");
}

#[test]
fn a_bad_gap_is_a_file_error_at_its_place() {
    for (gap, code) in [
        ("{ months = 2, weeks = 8 }", "conflicting-keys"),
        ("{}", "conflicting-keys"),
        ("{ months = 121 }", "out-of-range"),
        ("{ weeks = 521 }", "out-of-range"),
        ("{ days = 3661 }", "out-of-range"),
        ("{ fortnights = 2 }", "unknown-key"),
    ] {
        let dir = dir_with(&[("lakeside-forum.toml", forum_with_gap(gap).as_bytes())]);
        tor()
            .arg("validate")
            .arg(dir.path())
            .assert()
            .code(1)
            .stdout(
                predicate::str::contains(code)
                    .and(predicate::str::contains("lakeside-forum.toml:")),
            );
    }
}

/// The dates `schedule` plans for `id` in each of `years`, one plan after another.
fn plans_joined(dir: &Path, id: &str, years: std::ops::RangeInclusive<i32>) -> Vec<NaiveDate> {
    let mut days = Vec::new();
    for year in years {
        let plan = common::run_json(Some(dir), "schedule", &[id, "--year", &year.to_string()], 0);
        assert_eq!(plan["valid"], true, "{id} {year}: {plan:#}");
        days.extend(
            plan["meetings"]
                .as_array()
                .expect("meetings")
                .iter()
                .map(|m| -> NaiveDate {
                    m["at"].as_str().expect("at")[..10].parse().expect("date")
                }),
        );
    }
    days
}

/// The last day the next meeting may be held, given the one before.
type Due = dyn Fn(NaiveDate) -> NaiveDate;

#[test]
fn plans_kept_year_after_year_keep_the_gap_across_the_year_end() {
    // A count rule ("at least 6 a year") plans each year on its own: the
    // executive's 2025 plan once ended on 23 October before a first meeting on
    // 15 January, and the forum's on 20 November before 12 February.
    let forum_weeks = dir_with(&[(
        "lakeside-forum.toml",
        forum_with_gap("{ weeks = 7 }").as_bytes(),
    )]);
    let cases: [(&Path, &str, &Due); 3] = [
        (&examples(), "safeguarding-executive", &|d| {
            d.checked_add_months(Months::new(2)).expect("date")
        }),
        (&examples(), "lakeside-forum", &|d| {
            d.checked_add_months(Months::new(2)).expect("date")
        }),
        (forum_weeks.path(), "lakeside-forum", &|d| {
            d + chrono::Days::new(49)
        }),
    ];
    for (dir, id, end) in cases {
        let days = plans_joined(dir, id, 2024..=2029);
        assert!(days.windows(2).all(|w| w[0] < w[1]), "{id}: {days:?}");
        for w in days.windows(2) {
            assert!(w[1] <= end(w[0]), "{id}: {} then {}", w[0], w[1]);
        }
    }
}

#[test]
fn a_plan_starts_from_the_previous_year_s_last_meeting() {
    let plan = common::run_json(
        Some(&examples()),
        "schedule",
        &["safeguarding-executive", "--year", "2026"],
        0,
    );
    let first = &plan["meetings"][0];
    assert_eq!(&first["at"].as_str().expect("at")[..10], "2026-01-15");
    let notes = first["notes"].to_string();
    assert!(notes.contains("2025-12-04"), "{notes}");
    let last = plan["meetings"]
        .as_array()
        .expect("meetings")
        .last()
        .expect("a meeting");
    assert_eq!(&last["at"].as_str().expect("at")[..10], "2026-12-03");
}

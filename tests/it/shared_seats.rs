//! One council in person and by substitutes for its absent seats (issue 14
//! item 3; SPEC §7, joint scrutiny clause 6): accepted from flags, meeting
//! files and records; counted up to the absent seats, the excess named; a
//! one-seat member in two lists still refused in place.

use std::path::{Path, PathBuf};

use crate::common::{self, dir_with, finding, tor};

const ID: &str = "northvale-southmere-joint-scrutiny";

fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/partnerships")
}

fn quorum_message(report: &serde_json::Value) -> String {
    finding(report, "quorum")["message"]
        .as_str()
        .expect("a message")
        .to_owned()
}

const NINE_AND_TWO: &str =
    "northvale (by substitute) ×2: 1 not counted: one substitute per absent member (6)";

#[test]
fn flags_count_a_councils_substitutes_up_to_its_absent_seats() {
    let report = common::run_json(
        Some(&examples()),
        "check-meeting",
        &[
            ID,
            "--at",
            "2025-10-15T18:00",
            "--attendees",
            "northvale:9,southmere:2",
            "--substitute",
            "northvale:2",
        ],
        0,
    );
    let message = quorum_message(&report);
    assert!(
        message.starts_with("quorate: 12 voting people present"),
        "{message}"
    );
    assert!(
        message.contains("northvale (by substitute) ×1"),
        "{message}"
    );
    assert!(message.contains(NINE_AND_TWO), "{message}");
}

#[test]
fn a_meeting_file_takes_the_same_lists() {
    let meeting = "at = 2025-10-15T18:00:00\nattendees = [\"northvale:9\", \"southmere:2\"]\nsubstitutes = [\"northvale:2\"]\n";
    let dir = dir_with(&[("m.toml", meeting.as_bytes())]);
    let path = dir.path().join("m.toml");
    let report = common::run_json(
        Some(&examples()),
        "check-meeting",
        &[ID, "--meeting", path.to_str().expect("UTF-8 path")],
        0,
    );
    assert!(quorum_message(&report).contains(NINE_AND_TWO), "{report:#}");
}

#[test]
fn substitutes_beyond_the_empty_seats_count_for_nothing() {
    // All ten of Northvale's councillors are there: no seat for a substitute.
    let report = common::run_json(
        Some(&examples()),
        "check-meeting",
        &[
            ID,
            "--at",
            "2025-10-15T18:00",
            "--attendees",
            "northvale:10,southmere:2",
            "--substitute",
            "northvale",
        ],
        0,
    );
    let message = quorum_message(&report);
    assert!(
        message.starts_with("quorate: 12 voting people present"),
        "{message}"
    );
    assert!(
        message.contains(
            "not counted: northvale (by substitute) ×1: one substitute per absent member (6)"
        ),
        "{message}"
    );
}

#[test]
fn a_one_seat_member_in_two_lists_is_still_refused_in_place() {
    // The police and crime panel's independents hold one seat each.
    let meeting = "at = 2025-06-12T18:00:00\nattendees = [\"council-a:2\", \"independent-1\"]\nsubstitutes = [\"independent-1\"]\n";
    let dir = dir_with(&[("m.toml", meeting.as_bytes())]);
    let out = tor()
        .arg("--dir")
        .arg(examples())
        .args(["check-meeting", "police-and-crime-panel", "--meeting"])
        .arg(dir.path().join("m.toml"))
        .assert()
        .code(2)
        .get_output()
        .clone();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("m.toml:3:16"), "{stderr}");
    assert!(
        stderr.contains("`independent-1` is named twice in contradiction"),
        "{stderr}"
    );
    // And from the flags: exit 2.
    tor()
        .arg("--dir")
        .arg(examples())
        .args([
            "check-meeting",
            "police-and-crime-panel",
            "--at",
            "2025-06-12T18:00",
            "--attendees",
            "independent-1",
            "--substitute",
            "independent-1",
        ])
        .assert()
        .code(2);
}

#[test]
fn substitutes_and_deputies_for_one_council_are_still_refused() {
    let meeting = "at = 2025-10-15T18:00:00\nattendees = [\"northvale:7\"]\nsubstitutes = [\"northvale:2\"]\ndeputies = [\"northvale\"]\n";
    let dir = dir_with(&[("m.toml", meeting.as_bytes())]);
    let out = tor()
        .arg("--dir")
        .arg(examples())
        .args(["check-meeting", ID, "--meeting"])
        .arg(dir.path().join("m.toml"))
        .assert()
        .code(2)
        .get_output()
        .clone();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("m.toml:4:13"), "{stderr}");
    assert!(stderr.contains("contradiction"), "{stderr}");
}

#[test]
fn a_record_may_name_a_council_in_person_and_by_substitutes() {
    let tor_text = std::fs::read(examples().join(format!("{ID}.toml"))).expect("example");
    let record = "[[meeting]]\ndate = 2025-10-15\npresent = [\"northvale:8\", \"southmere:2\"]\nsubstitutes = [\"northvale:2\"]\n";
    let dir = dir_with(&[
        (&format!("{ID}.toml"), &tor_text[..]),
        (&format!("{ID}.meetings.toml"), record.as_bytes()),
    ]);
    let report = common::run_json(Some(dir.path()), "audit", &[ID, "--year", "2025"], 0);
    let meetings = report["meetings"].as_array().expect("meetings");
    assert_eq!(meetings.len(), 1, "{report:#}");
    let text = report.to_string();
    assert!(
        text.contains("northvale (by substitute) ×2"),
        "the record's substitutes are counted beside those present: {report:#}"
    );
}

#[test]
fn a_councils_substitutes_beside_its_own_need_their_notice() {
    let run = |notified: Option<&str>| {
        let mut args = vec![
            ID,
            "--at",
            "2025-10-15T18:00",
            "--attendees",
            "northvale:8,southmere:2",
            "--substitute",
            "northvale:2",
        ];
        if let Some(n) = notified {
            args.extend(["--notified", n]);
        }
        let code = i32::from(notified == Some("northvale@2025-10-15T17:00"));
        common::run_json(Some(&examples()), "check-meeting", &args, code)
    };
    let unknown = run(None);
    let membership = finding(&unknown, "membership");
    assert_eq!(membership["status"], "warn", "{membership}");
    assert!(
        membership["message"]
            .as_str()
            .expect("message")
            .starts_with("northvale's substitute needs notice 24 hours"),
        "{membership}"
    );
    let late = run(Some("northvale@2025-10-15T17:00"));
    assert_eq!(finding(&late, "membership")["status"], "fail", "{late:#}");
    assert!(
        quorum_message(&late).starts_with("quorate: 10 voting people present"),
        "the late substitutes are not counted: {late:#}"
    );
    let on_time = run(Some("northvale@2025-10-14T18:00"));
    assert_eq!(
        finding(&on_time, "membership")["status"],
        "pass",
        "{on_time:#}"
    );
}

/// Councillors attending remotely fill seats too: a substitute may take only a
/// seat none of the council's own fills, so no council counts above its seats.
#[test]
fn remote_councillors_leave_no_seat_for_a_substitute() {
    let report = common::run_json(
        Some(&examples()),
        "check-meeting",
        &[
            ID,
            "--at",
            "2025-10-15T18:00",
            "--attendees",
            "northvale:8,southmere:2",
            "--remote",
            "northvale:2",
            "--substitute",
            "northvale:2",
        ],
        0,
    );
    let message = quorum_message(&report);
    assert!(
        message.starts_with("quorate: 10 voting people present"),
        "{message}"
    );
    // Northvale's 10 seats are all filled (8 in the room, 2 remotely, who do
    // not count under clause 7): its substitutes take none of them.
    assert!(
        message.contains("northvale (by substitute) ×2"),
        "{message}"
    );
    assert!(!message.contains("quorate: 12"), "{message}");
}

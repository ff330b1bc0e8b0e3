//! The record of held meetings through the binary: people in seats (`ORG:N`)
//! in its attendance lists, and its positioned errors.

use std::path::PathBuf;

use crate::common::{self, dir_with, tor};

fn examples() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples/partnerships")
}

/// `tor audit police-and-crime-panel` of 2022 on `record`, exit `code`.
fn panel_audit(record: &str, code: i32) -> serde_json::Value {
    let dir = dir_with(&[("r.meetings.toml", record.as_bytes())]);
    let path = dir.path().join("r.meetings.toml");
    let path = path.to_str().expect("utf-8 path");
    common::run_json(
        Some(&examples()),
        "audit",
        &["police-and-crime-panel", "--year", "2022", "--record", path],
        code,
    )
}

#[test]
fn a_record_counts_the_people_org_n_names() {
    // Both councillors of council A and one independent: three people, short of
    // a third of twelve before the amendment of 5 July 2022 and a quarter after.
    let before = panel_audit(
        "[[meeting]]\ndate = 2022-07-04\npresent = [\"council-a:2\", \"independent-1\"]\n",
        1,
    );
    let quorum = common::finding(&before["meetings"][0], "quorum");
    assert_eq!(quorum["status"], "fail", "{quorum:#}");
    assert!(
        quorum["message"]
            .as_str()
            .is_some_and(|m| m.contains("council-a ×2, independent-1 ×1")),
        "{quorum:#}"
    );
    let after = panel_audit(
        "[[meeting]]\ndate = 2022-07-06\npresent = [\"council-a:2\", \"independent-1\"]\n",
        1,
    );
    assert_eq!(
        common::finding(&after["meetings"][0], "quorum")["status"],
        "pass"
    );
}

/// `tor audit ID --year YEAR` on `record` is exit 2, the error at `place`
/// (`line:column` in the record) saying each of `words`.
fn refused(id: &str, year: &str, record: &str, place: &str, words: &[&str]) {
    let dir = dir_with(&[("r.meetings.toml", record.as_bytes())]);
    let out = tor()
        .arg("--dir")
        .arg(examples())
        .args(["audit", id, "--year", year, "--record"])
        .arg(dir.path().join("r.meetings.toml"))
        .assert()
        .code(2)
        .get_output()
        .clone();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(&format!("r.meetings.toml:{place}")), "{err}");
    for w in words {
        assert!(err.contains(w), "{w}: {err}");
    }
}

#[test]
fn more_people_than_seats_in_a_record_is_refused_at_its_place() {
    refused(
        "police-and-crime-panel",
        "2022",
        "[[meeting]]\ndate = 2022-07-04\npresent = [\"independent-1\", \"council-a:3\"]\n",
        "3:29",
        &["council-a holds 2 seats"],
    );
}

#[test]
fn an_unknown_id_with_seats_suggests_the_nearest() {
    refused(
        "police-and-crime-panel",
        "2022",
        "[[meeting]]\ndate = 2022-07-04\npresent = [\"councl-a:2\"]\n",
        "3:12",
        &["did you mean `council-a`"],
    );
}

// ---- items, arrivals and departures ------------------------------------------------

fn town_board_audit(record: &str, code: i32) -> std::process::Output {
    let dir = dir_with(&[("r.meetings.toml", record.as_bytes())]);
    tor()
        .arg("--dir")
        .arg(examples())
        .args(["audit", "town-board", "--year", "2025", "--record"])
        .arg(dir.path().join("r.meetings.toml"))
        .assert()
        .code(code)
        .get_output()
        .clone()
}

const OPENS_QUORATE: &str = r#"[[meeting]]
at = 2025-06-12T09:30:00
present = ["chair", "council-leader", "mp", "lep", "college", "police"]
chair = "present"
departures = [
  { member = "mp", at = 2025-06-12T10:10:00 },
  { member = "police", at = 2025-06-12T10:40:00 },
]
[[meeting.items]]
title = "Minutes of the last meeting"
[[meeting.items]]
title = "Skills programme"
at = 2025-06-12T10:15:00
[[meeting.items]]
title = "Any other business"
at = 2025-06-12T10:45:00
"#;

#[test]
fn an_audit_names_the_first_item_a_held_meeting_was_inquorate_from() {
    let dir = dir_with(&[("r.meetings.toml", OPENS_QUORATE.as_bytes())]);
    let path = dir.path().join("r.meetings.toml");
    let report = common::run_json(
        Some(&examples()),
        "audit",
        &[
            "town-board",
            "--year",
            "2025",
            "--record",
            path.to_str().expect("utf-8 path"),
        ],
        1,
    );
    let meeting = &report["meetings"][0];
    assert_eq!(meeting["inquorate_from"], "Any other business");
    let by_item: Vec<(&str, &str)> = meeting["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["rule"] == "quorum")
        .filter_map(|f| Some((f["item"].as_str()?, f["status"].as_str()?)))
        .collect();
    assert_eq!(
        by_item,
        [
            ("Minutes of the last meeting", "pass"),
            ("Skills programme", "pass"),
            ("Any other business", "fail"),
        ]
    );
    let year = common::finding(&report, "quorum");
    assert_eq!(year["status"], "fail");
    assert!(
        year["message"].as_str().is_some_and(
            |m| m.contains("1 of 1 meetings fails") || m.contains("the one meeting fails")
        ),
        "{year:#}"
    );
    let human = town_board_audit(OPENS_QUORATE, 1);
    let human = String::from_utf8_lossy(&human.stdout);
    assert!(
        human.contains("FAIL quorum (3) from item 3 \"Any other business\": not quorate"),
        "{human}"
    );
}

#[test]
fn the_html_page_names_the_item_too() {
    let dir = dir_with(&[("r.meetings.toml", OPENS_QUORATE.as_bytes())]);
    let out = tor()
        .arg("--dir")
        .arg(examples())
        .args([
            "audit",
            "town-board",
            "--year",
            "2025",
            "--html",
            "-",
            "--record",
        ])
        .arg(dir.path().join("r.meetings.toml"))
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let page = String::from_utf8(out).expect("utf-8");
    assert!(
        page.contains("from item 3 &quot;Any other business&quot;")
            || page.contains("from item 3 &#34;Any other business&#34;"),
        "{page}"
    );
}

#[test]
fn a_mistyped_item_key_suggests_the_key_at_its_place() {
    refused(
        "town-board",
        "2025",
        "[[meeting]]\nat = 2025-06-12T09:30:00\n[[meeting.items]]\ntitle = \"Budget\"\nconflict = [\"mp\"]\n",
        "5:1",
        &["did you mean `conflicts`"],
    );
}

#[test]
fn a_mistyped_member_in_a_departure_suggests_the_member_at_its_place() {
    refused(
        "town-board",
        "2025",
        "[[meeting]]\nat = 2025-06-12T09:30:00\npresent = [\"mp\"]\ndepartures = [{ member = \"mpp\", at = 2025-06-12T10:00:00 }]\n",
        "4:26",
        &["did you mean `mp`"],
    );
}

#[test]
fn a_conflict_naming_no_member_suggests_the_nearest_at_its_place() {
    refused(
        "town-board",
        "2025",
        "[[meeting]]\nat = 2025-06-12T09:30:00\npresent = [\"mp\"]\nitems = [{ title = \"Budget\", conflicts = [\"colege\"] }]\n",
        "4:43",
        &["did you mean `college`"],
    );
}

#[test]
fn a_time_of_day_in_a_record_without_a_start_is_refused_at_its_place() {
    refused(
        "town-board",
        "2025",
        "[[meeting]]\ndate = 2025-06-12\n[[meeting.items]]\ntitle = \"Budget\"\nat = 2025-06-12T10:00:00\n",
        "5:6",
        &["needs the meeting's start"],
    );
}

#[test]
fn an_item_before_the_start_is_refused_at_its_place() {
    refused(
        "town-board",
        "2025",
        "[[meeting]]\nat = 2025-06-12T09:30:00\n[[meeting.items]]\ntitle = \"Budget\"\nat = 2025-06-12T09:00:00\n",
        "5:6",
        &["before the meeting starts"],
    );
}

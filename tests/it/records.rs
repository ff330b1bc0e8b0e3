//! The record of held meetings through the binary: people in seats (`ORG:N`)
//! in its attendance lists, and its positioned errors.

use std::path::PathBuf;

use crate::common::{self, dir_with, tor};
use predicates::prelude::*;

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

#[test]
fn more_people_than_seats_in_a_record_is_refused_at_its_place() {
    let dir = dir_with(&[(
        "r.meetings.toml",
        b"[[meeting]]\ndate = 2022-07-04\npresent = [\"independent-1\", \"council-a:3\"]\n",
    )]);
    tor()
        .arg("--dir")
        .arg(examples())
        .args([
            "audit",
            "police-and-crime-panel",
            "--year",
            "2022",
            "--record",
        ])
        .arg(dir.path().join("r.meetings.toml"))
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("r.meetings.toml:3:29")
                .and(predicate::str::contains("council-a holds 2 seats")),
        );
}

#[test]
fn an_unknown_id_with_seats_suggests_the_nearest() {
    let dir = dir_with(&[(
        "r.meetings.toml",
        b"[[meeting]]\ndate = 2022-07-04\npresent = [\"councl-a:2\"]\n",
    )]);
    tor()
        .arg("--dir")
        .arg(examples())
        .args([
            "audit",
            "police-and-crime-panel",
            "--year",
            "2022",
            "--record",
        ])
        .arg(dir.path().join("r.meetings.toml"))
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("r.meetings.toml:3:12")
                .and(predicate::str::contains("did you mean `council-a`")),
        );
}

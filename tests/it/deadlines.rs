//! `tor deadlines` through the binary.

use crate::common::{json, tor};
use predicates::prelude::*;

fn deadlines(id: &str, at: &str) -> serde_json::Value {
    let out = tor()
        .args(["deadlines", id, "--at", at, "--format", "json"])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    json(&out)
}

#[test]
fn sefton_five_working_days() {
    assert_eq!(
        deadlines("sefton-scp", "2012-12-06T14:00")["circulate_by"],
        "2012-11-29"
    );
    // Christmas Day and Boxing Day are not working days.
    assert_eq!(
        deadlines("sefton-scp", "2012-12-27T14:00")["circulate_by"],
        "2012-12-18"
    );
}

#[test]
fn sefton_has_no_extraordinary_or_minutes_rule() {
    let d = deadlines("sefton-scp", "2012-12-06T14:00");
    assert_eq!(d["extraordinary_notice_by"], serde_json::Value::Null);
    assert_eq!(d["minutes_by"], serde_json::Value::Null);
    assert_eq!(d["partnership"], "sefton-scp");
}

#[test]
fn richmond_skips_the_may_bank_holiday() {
    let d = deadlines("richmond-strategy-group", "2008-05-08T18:00");
    assert_eq!(d["circulate_by"], "2008-05-02");
    assert_eq!(d["minutes_by"], "2008-05-22");
}

#[test]
fn oxfordshire_48_hours_across_the_autumn_clock_change() {
    let d = deadlines("oxfordshire-business-group", "2026-10-25T14:00");
    assert_eq!(d["extraordinary_notice_by"], "2026-10-23T15:00+01:00");
    assert_eq!(d["at"], "2026-10-25T14:00+00:00");
}

#[test]
fn a_local_time_that_does_not_exist_is_refused() {
    tor()
        .args([
            "deadlines",
            "oxfordshire-business-group",
            "--at",
            "2026-03-29T01:30",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("does not exist"));
}

#[test]
fn an_ambiguous_local_time_is_refused_unless_an_offset_is_given() {
    tor()
        .args(["deadlines", "sefton-scp", "--at", "2026-10-25T01:30"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("twice"));
    tor()
        .args(["deadlines", "sefton-scp", "--at", "2026-10-25T01:30+01:00"])
        .assert()
        .code(0);
}

#[test]
fn human_output_names_the_clause() {
    tor()
        .args([
            "deadlines",
            "oxfordshire-business-group",
            "--at",
            "2026-10-25T14:00",
        ])
        .assert()
        .code(0)
        .stdout(
            predicate::str::contains("4.4").and(predicate::str::contains("Fri 23 Oct 2026 15:00")),
        );
}

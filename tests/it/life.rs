//! A body's life (the `in-force` finding) and statutory body types, through the
//! binary: before adoption, after a succession, a rename, and members whose kind
//! of body the law abolished.

use crate::common::{MINIMAL, dir_with, run_json, tor};
use serde_json::Value;

fn in_force(report: &Value) -> &Value {
    let first = &report["findings"][0];
    assert_eq!(first["rule"], "in-force", "{report}");
    first
}

#[test]
fn a_business_group_meeting_before_its_tor_of_17_october_2011_fails() {
    let r = run_json(
        None,
        "check-meeting",
        &["oxfordshire-business-group", "--at", "2011-09-15T14:00"],
        1,
    );
    let f = in_force(&r);
    assert_eq!(f["status"], "fail");
    assert_eq!(f["clause"], Value::Null);
    let m = f["message"].as_str().unwrap();
    assert!(m.contains("adopted on 2011-10-17"), "{m}");
    assert_eq!(r["valid"], false);
}

#[test]
fn a_board_vote_after_the_oversight_committee_took_over_fails_naming_it() {
    let args = [
        "oxfordshire-board",
        "--at",
        "2016-06-15",
        "--for",
        "cherwell,oxford-city",
    ];
    let r = run_json(None, "tally", &args, 1);
    let f = in_force(&r);
    assert_eq!(f["status"], "fail");
    let m = f["message"].as_str().unwrap();
    assert!(m.contains("Oversight Committee on 2016-04-01"), "{m}");
    // The last meeting, in March 2016, is still the Board's.
    let args = [
        "oxfordshire-board",
        "--at",
        "2016-03-31",
        "--for",
        "cherwell",
    ];
    let r = run_json(None, "tally", &args, 0);
    assert_eq!(in_force(&r)["status"], "pass");
}

#[test]
fn a_rename_keeps_the_rules_and_says_the_name() {
    let r = run_json(
        None,
        "check-meeting",
        &["oxfordshire-business-group", "--at", "2016-06-16T14:00"],
        0,
    );
    let f = in_force(&r);
    assert_eq!(f["status"], "pass");
    assert!(
        f["message"]
            .as_str()
            .unwrap()
            .contains("Coordination Group"),
        "{f}"
    );
}

#[test]
fn deadlines_and_show_say_the_same() {
    let r = run_json(
        None,
        "deadlines",
        &["oxfordshire-board", "--at", "2016-06-15T14:00"],
        0,
    );
    assert_eq!(r["in_force"]["status"], "fail");
    let r = run_json(
        None,
        "show",
        &["oxfordshire-board", "--as-of", "2016-06-15"],
        0,
    );
    assert_eq!(r["in_force"]["status"], "fail");
    let members = r["members"].as_array().unwrap();
    assert!(!members.is_empty());
    assert!(members.iter().all(|m| m["in_force"] == false), "{r}");
    let r = run_json(
        None,
        "show",
        &["oxfordshire-board", "--as-of", "2013-02-18"],
        0,
    );
    assert!(
        r["members"]
            .as_array()
            .unwrap()
            .iter()
            .all(|m| m["in_force"] == true)
    );
}

#[test]
fn richmond_and_sefton_still_list_their_primary_care_trusts_in_2023() {
    // Sefton's public health member has no end date (the seed says only that it
    // is to be reviewed).
    let validate = |id: &str| {
        let out = tor()
            .args(["validate", "--as-of", "2023-01-01", "--format", "json"])
            .arg(crate::common::bundled_dir().join(format!("{id}.toml")))
            .output()
            .unwrap();
        let r = crate::common::json(&out.stdout);
        r["files"][0]["diagnostics"].as_array().unwrap().clone()
    };
    let diags = validate("sefton-scp");
    let abolished: Vec<&Value> = diags
        .iter()
        .filter(|d| d["code"] == "abolished-body")
        .filter(|d| d["message"].as_str().unwrap().contains("`public-health`"))
        .collect();
    assert_eq!(abolished.len(), 1, "{diags:?}");
    let m = abolished[0]["message"].as_str().unwrap();
    assert!(m.contains("2013-04-01"), "{m}");
    assert!(m.contains("clinical commissioning group"), "{m}");
    assert_eq!(abolished[0]["severity"], "warning");
    // Richmond's ToR names no end to its trust's membership either: it is
    // warned about with its successor (issue 13's reading).
    let diags = validate("richmond-strategy-group");
    let richmond: Vec<&Value> = diags
        .iter()
        .filter(|d| d["code"] == "abolished-body")
        .collect();
    assert_eq!(richmond.len(), 1, "{diags:?}");
    let m = richmond[0]["message"].as_str().unwrap();
    assert!(m.contains("`primary-care-trust`"), "{m}");
    assert!(m.contains("2013-04-01"), "{m}");
    assert!(m.contains("clinical commissioning group"), "{m}");
    // The Metropolitan Police Authority's membership ends before its abolition,
    // so it is not reported; nor is anything before the PCTs' abolition.
    let out = tor()
        .args(["validate", "--as-of", "2012-06-01", "--format", "json"])
        .arg(crate::common::bundled_dir().join("richmond-strategy-group.toml"))
        .output()
        .unwrap();
    let r = crate::common::json(&out.stdout);
    let diags = r["files"][0]["diagnostics"].as_array().unwrap();
    assert!(
        diags.iter().all(|d| d["code"] != "abolished-body"),
        "{diags:?}"
    );
}

#[test]
fn an_unknown_body_type_is_an_error_naming_the_nearest() {
    let text = MINIMAL.replace(
        "class = \"responsible-authority\"\n\n[[members]]\nid = \"police\"",
        "class = \"responsible-authority\"\nbody = \"primary-care-trsut\"\n\n[[members]]\nid = \"police\"",
    );
    assert!(text.contains("trsut"), "fixture changed: {text}");
    let dir = dir_with(&[("test-group.toml", text.as_bytes())]);
    let out = tor()
        .args(["validate"])
        .arg(dir.path().join("test-group.toml"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("unknown-body-type"), "{text}");
    assert!(text.contains("primary-care-trust"), "{text}");
}

#[test]
fn a_tor_adds_its_own_statutory_body_type() {
    let text = MINIMAL.replace(
        "class = \"responsible-authority\"\n\n[[members]]\nid = \"police\"",
        "class = \"responsible-authority\"\nbody = \"town-trust\"\n\n[[members]]\nid = \"police\"",
    ) + "\n[[statutory_bodies]]\nid = \"town-trust\"\nname = \"town trust\"\nabolished = 2020-04-01\nreplaced_by = \"the combined authority\"\n";
    let dir = dir_with(&[("test-group.toml", text.as_bytes())]);
    let out = tor()
        .args(["validate", "--as-of", "2021-01-01", "--format", "json"])
        .arg(dir.path().join("test-group.toml"))
        .output()
        .unwrap();
    let r = crate::common::json(&out.stdout);
    let diags = r["files"][0]["diagnostics"].as_array().unwrap();
    assert!(
        diags.iter().any(|d| d["code"] == "abolished-body"
            && d["message"]
                .as_str()
                .unwrap()
                .contains("combined authority")),
        "{diags:?}"
    );
}

//! `tor show` through the binary.

use crate::common::{json, tor};
use predicates::prelude::*;

fn show_json(args: &[&str]) -> serde_json::Value {
    let out = tor()
        .arg("show")
        .args(args)
        .args(["--format", "json"])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    json(&out)
}

fn rule<'a>(doc: &'a serde_json::Value, name: &str) -> &'a serde_json::Value {
    doc["rules"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["rule"] == name)
        .unwrap_or_else(|| panic!("no rule {name}"))
}

#[test]
fn sefton_shows_members_quorum_notice_decision_items_and_review() {
    let out = tor()
        .args(["show", "sefton-scp", "--as-of", "2026-11-23"])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    for expected in [
        "police-authority",
        "ended Wed 21 Nov 2012",
        "Membership 5",
        "at least 3 of the 6",
        "5 working days",
        "Meeting Arrangements 6",
        "by consensus where possible, else by a simple majority",
        "Prevent",
        "Hate Crime",
        "next review 2013-04-30",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in\n{text}");
    }
}

#[test]
fn sefton_json_has_stable_fields() {
    let doc = show_json(&["sefton-scp", "--as-of", "2012-06-01"]);
    assert_eq!(doc["id"], "sefton-scp");
    assert_eq!(doc["as_of"], "2012-06-01");
    let pa = doc["members"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["id"] == "police-authority")
        .unwrap();
    assert_eq!(pa["until"], "2012-11-21");
    assert_eq!(pa["in_force"], true);
    assert_eq!(pa["class"], "responsible-authority");
    assert_eq!(rule(&doc, "quorum")["clause"], "Membership 5");
    assert_eq!(rule(&doc, "notice")["clause"], "Meeting Arrangements 6");
    assert_eq!(rule(&doc, "review")["clause"], "Review");
    assert_eq!(doc["standing_items"].as_array().unwrap().len(), 7);
}

#[test]
fn police_authority_is_not_in_force_after_abolition() {
    let doc = show_json(&["sefton-scp", "--as-of", "2012-11-22"]);
    let pa = doc["members"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["id"] == "police-authority")
        .unwrap();
    assert_eq!(pa["in_force"], false);
}

#[test]
fn business_group_name_follows_its_rename() {
    assert_eq!(
        show_json(&["oxfordshire-business-group", "--as-of", "2015-01-01"])["name"],
        "Oxfordshire Safer Communities Partnership Business Group"
    );
    assert_eq!(
        show_json(&["oxfordshire-business-group", "--as-of", "2016-06-01"])["name"],
        "Safer Oxfordshire Partnership Coordination Group"
    );
}

#[test]
fn rules_not_stated_have_no_clause() {
    let doc = show_json(&["oxfordshire-board"]);
    assert_eq!(rule(&doc, "quorum")["clause"], serde_json::Value::Null);
    assert_eq!(rule(&doc, "quorum")["summary"], "not stated");
    assert_eq!(rule(&doc, "chair")["clause"], "4");
}

#[test]
fn every_bundled_partnership_shows() {
    for id in [
        "oxfordshire-board",
        "oxfordshire-business-group",
        "richmond-strategy-group",
        "sefton-scp",
    ] {
        let doc = show_json(&[id]);
        assert_eq!(doc["id"], id);
        assert!(!doc["members"].as_array().unwrap().is_empty());
    }
}

#[test]
fn unknown_id_suggests_the_nearest_and_exits_2() {
    tor()
        .args(["show", "sefton"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("did you mean `sefton-scp`?"));
}

#[test]
fn bad_date_is_a_usage_error() {
    tor()
        .args(["show", "sefton-scp", "--as-of", "2013-02-30"])
        .assert()
        .code(2);
}

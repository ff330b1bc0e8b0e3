//! A meeting item by item (issue 14 item 6): quorum at each item with late
//! arrivals, early departures and conflicts; the verdict naming the first
//! inquorate item; bad item input refused with its place.

use crate::common::{dir_with, json, run_json, tor};

const SEFTON: &str = "sefton-scp";

/// Four responsible authorities at 14:00 (quorum: 3, Membership 5); probation
/// leaves at 14:30, public health arrives at 15:10, fire-rescue has a conflict
/// on the budget.
const MEETING: &str = r#"at = 2012-12-06T14:00
attendees = ["local-authority", "police-force", "fire-rescue", "probation"]
chair = "present"
departures = [{ member = "probation", at = 2012-12-06T14:30 }]
arrivals = [{ member = "public-health", at = 2012-12-06T15:10 }]

[[items]]
title = "Minutes"

[[items]]
title = "Budget"
at = 2012-12-06T14:40
conflicts = ["fire-rescue"]

[[items]]
title = "Hate crime"
at = 2012-12-06T15:20
"#;

fn check(body: &str, code: i32) -> serde_json::Value {
    let dir = dir_with(&[("m.toml", body.as_bytes())]);
    let path = dir.path().join("m.toml");
    run_json(
        None,
        "check-meeting",
        &[SEFTON, "--meeting", path.to_str().expect("utf-8")],
        code,
    )
}

#[test]
fn each_item_has_its_quorum_and_the_first_inquorate_item_is_named() {
    let r = check(MEETING, 1);
    let quorum: Vec<(Option<&str>, &str)> = r["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["rule"] == "quorum")
        .map(|f| (f["item"].as_str(), f["status"].as_str().expect("status")))
        .collect();
    assert_eq!(
        quorum,
        [
            (None, "pass"),
            (Some("Minutes"), "pass"),
            (Some("Budget"), "fail"),
            (Some("Hate crime"), "pass"),
        ]
    );
    assert_eq!(r["inquorate_from"], "Budget");
    let budget = r["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .find(|f| f["item"] == "Budget")
        .expect("the budget's quorum");
    assert!(
        budget["message"]
            .as_str()
            .expect("message")
            .contains("left for a conflict on this item: fire-rescue"),
        "{budget}"
    );
    let human = tor()
        .args(["check-meeting", SEFTON, "--meeting", "-"])
        .write_stdin(MEETING)
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let human = String::from_utf8(human).expect("utf-8");
    assert!(
        human.contains("not quorate from item 2 \"Budget\""),
        "{human}"
    );
    assert!(human.contains("quorum (item 2)"), "{human}");
}

#[test]
fn a_meeting_without_items_keeps_its_findings_unchanged() {
    let plain = "at = 2012-12-06T14:00\nattendees = [\"local-authority\", \"police-force\", \"fire-rescue\"]\nitems = [\"Prevent\"]\n";
    let r = check(plain, 0);
    assert!(r.get("inquorate_from").is_none(), "{r}");
    assert!(
        r["findings"]
            .as_array()
            .expect("findings")
            .iter()
            .all(|f| f.get("item").is_none())
    );
}

/// The first error's code and line for a meeting file.
fn refused(body: &str) -> (String, u64) {
    let out = tor()
        .args([
            "check-meeting",
            SEFTON,
            "--meeting",
            "-",
            "--format",
            "json",
        ])
        .write_stdin(body)
        .assert()
        .code(2)
        .get_output()
        .stderr
        .clone();
    let text = String::from_utf8(out).expect("utf-8");
    let code = text
        .split("error[")
        .nth(1)
        .and_then(|s| s.split(']').next())
        .unwrap_or_default()
        .to_owned();
    let line = text
        .split("<stdin>:")
        .nth(1)
        .and_then(|s| s.split(':').next())
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    (code, line)
}

fn line_of(body: &str, needle: &str) -> u64 {
    body.lines()
        .position(|l| l.contains(needle))
        .expect("the line is there") as u64
        + 1
}

#[test]
fn bad_items_and_movements_are_refused_with_their_place() {
    let back = MEETING.replace("at = 2012-12-06T15:20", "at = 2012-12-06T14:35");
    assert_eq!(
        refused(&back),
        ("out-of-order".into(), line_of(&back, "14:35"))
    );
    let gone = MEETING.replace(
        "departures = [{ member = \"probation\"",
        "departures = [{ member = \"public-health\"",
    );
    assert_eq!(
        refused(&gone),
        ("contradiction".into(), line_of(&gone, "departures"))
    );
    let typo = MEETING.replace(
        "conflicts = [\"fire-rescue\"]",
        "conflicts = [\"fire-rescu\"]",
    );
    assert_eq!(
        refused(&typo),
        ("unknown-member".into(), line_of(&typo, "fire-rescu\"]"))
    );
    let key = MEETING.replace("title = \"Minutes\"", "titel = \"Minutes\"");
    let out = tor()
        .args(["check-meeting", SEFTON, "--meeting", "-"])
        .write_stdin(key)
        .assert()
        .code(2)
        .get_output()
        .stderr
        .clone();
    let text = String::from_utf8(out).expect("utf-8");
    assert!(text.contains("error[unknown-key]"), "{text}");
    assert!(text.contains("did you mean `title`?"), "{text}");
}

#[test]
fn items_parse_from_a_cases_file_too() {
    let cases = r#"[[case]]
name = "Membership 5: the budget item is inquorate once fire-rescue leaves for its conflict"
[case.meeting]
at = 2012-12-06T14:00
attendees = ["local-authority", "police-force", "fire-rescue"]
[[case.meeting.items]]
title = "Budget"
conflicts = ["fire-rescue"]
[case.expect]
valid = false
findings = { quorum = "fail" }
"#;
    let dir = dir_with(&[
        (
            "sefton-scp.toml",
            crate::common::bundled_text(SEFTON).as_bytes(),
        ),
        ("sefton-scp.cases.toml", cases.as_bytes()),
    ]);
    let out = tor()
        .arg("--dir")
        .arg(dir.path())
        .args(["test", "--format", "json"])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let report = json(&out);
    assert_eq!(report["passed"], 1, "{report}");
}

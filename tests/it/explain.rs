//! `--explain` on `deadlines` and `check-meeting`, and the legal worked cases
//! shipped under examples/partnerships.

use std::path::{Path, PathBuf};

use crate::common::{json, tor};

fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/partnerships")
}

fn run(args: &[&str]) -> Vec<u8> {
    tor()
        .arg("--dir")
        .arg(examples())
        .args(args)
        .assert()
        .get_output()
        .stdout
        .clone()
}

/// The README's example: five clear days across Christmas and New Year.
const README_EXAMPLE: [&str; 5] = [
    "deadlines",
    "joint-scrutiny-committee",
    "--at",
    "2027-01-06T18:00",
    "--explain",
];

#[test]
fn deadlines_explain_for_the_readme_example() {
    let out = String::from_utf8(run(&README_EXAMPLE)).expect("UTF-8");
    insta::assert_snapshot!("deadlines_explain_statutory", out);
}

#[test]
fn deadlines_explain_json_lists_every_day_with_its_reason() {
    let mut args = README_EXAMPLE.to_vec();
    args.extend(["--format", "json"]);
    let v = json(&run(&args));
    // The fields without --explain are unchanged.
    assert_eq!(v["circulate_by"], "2026-12-29");
    let steps = v["explanation"].as_array().expect("explanation");
    assert_eq!(steps.len(), 3, "agenda, extraordinary, minutes: {v}");
    let first = &steps[0];
    assert_eq!(first["step"], 1);
    assert_eq!(first["clause"], "5.1");
    assert_eq!(first["deadline"], "circulate_by");
    assert_eq!(first["counted"], 5);
    assert!(
        first["detail"]
            .as_str()
            .expect("detail")
            .contains("2026-12-29")
    );
    let days = first["days"].as_array().expect("days");
    let reason = |date: &str| {
        days.iter()
            .find(|d| d["date"] == date)
            .map(|d| (d["reason"].clone(), d["counted"].clone()))
            .expect("listed")
    };
    assert_eq!(reason("2026-12-29").0, "notice-day");
    assert_eq!(reason("2026-12-30").0, "counted");
    assert_eq!(reason("2027-01-01").0, "bank-holiday");
    assert_eq!(reason("2027-01-02"), ("counted".into(), true.into()));
    assert_eq!(reason("2027-01-03"), ("sunday".into(), false.into()));
    assert_eq!(reason("2027-01-06").0, "meeting-day");
    let holiday = days
        .iter()
        .find(|d| d["date"] == "2027-01-01")
        .expect("listed");
    assert_eq!(holiday["name"], "New Year’s Day");
    assert_eq!(days.len(), 9);
}

#[test]
fn without_explain_the_json_has_no_explanation() {
    let v = json(&run(&[
        "deadlines",
        "joint-scrutiny-committee",
        "--at",
        "2027-01-06T18:00",
        "--format",
        "json",
    ]));
    assert!(v.get("explanation").is_none(), "{v}");
    let v = json(&run(&[
        "check-meeting",
        "joint-scrutiny-committee",
        "--at",
        "2027-01-06T18:00",
        "--format",
        "json",
    ]));
    assert!(v.get("explanation").is_none(), "{v}");
}

#[test]
fn check_meeting_explains_the_notice_it_judged() {
    let v = json(&run(&[
        "check-meeting",
        "joint-scrutiny-committee",
        "--at",
        "2026-04-10T18:00",
        "--circulated",
        "2026-04-01",
        "--explain",
        "--format",
        "json",
    ]));
    assert_eq!(v["valid"], false);
    let steps = v["explanation"].as_array().expect("explanation");
    assert_eq!(steps.len(), 1);
    assert_eq!(steps[0]["counted"], 2, "{}", steps[0]);
    let easter: Vec<&str> = steps[0]["days"]
        .as_array()
        .expect("days")
        .iter()
        .filter(|d| d["reason"] == "easter-break")
        .filter_map(|d| d["date"].as_str())
        .collect();
    assert_eq!(
        easter,
        [
            "2026-04-02",
            "2026-04-03",
            "2026-04-04",
            "2026-04-05",
            "2026-04-06",
            "2026-04-07"
        ]
    );

    let human = String::from_utf8(run(&[
        "check-meeting",
        "joint-scrutiny-committee",
        "--at",
        "2026-04-10T18:00",
        "--circulated",
        "2026-04-01",
        "--explain",
    ]))
    .expect("UTF-8");
    assert!(human.contains("Easter break (s.243)"), "{human}");
    assert!(
        human.contains("given Wed 1 Apr 2026: 2 days counted, 5 needed"),
        "{human}"
    );
}

#[test]
fn an_extraordinary_meeting_explains_its_own_rule() {
    let v = json(&run(&[
        "check-meeting",
        "joint-scrutiny-committee",
        "--at",
        "2026-03-13T18:00",
        "--circulated",
        "2026-03-11",
        "--extraordinary",
        "--explain",
        "--format",
        "json",
    ]));
    let step = &v["explanation"][0];
    assert_eq!(step["clause"], "5.2");
    assert_eq!(step["deadline"], "extraordinary_notice_by");
    assert_eq!(step["counted"], 2);
}

#[test]
fn the_legal_worked_cases_pass() {
    let out = tor()
        .arg("test")
        .arg(examples())
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).expect("UTF-8");
    for name in ["Elitestone", "Christmas break", "Easter break", "month end"] {
        assert!(out.contains(name), "{name} missing: {out}");
    }
    assert!(out.contains(" 0 failed"), "{out}");
}

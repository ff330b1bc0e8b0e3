//! Dated amendments through the binary: every command judges by the ToR in force
//! on its date, `show --as-of` and `--history` show the versions, `validate`
//! checks each one.

use crate::common::{MINIMAL, dir_with, json, tor};
use predicates::prelude::*;

fn examples() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/partnerships")
}

/// `tor --dir examples/partnerships ARGS --format json`, with its exit code.
fn run(args: &[&str], code: i32) -> serde_json::Value {
    let out = tor()
        .arg("--dir")
        .arg(examples())
        .args(args)
        .args(["--format", "json"])
        .assert()
        .code(code)
        .get_output()
        .stdout
        .clone();
    json(&out)
}

fn finding<'a>(report: &'a serde_json::Value, rule: &str) -> &'a serde_json::Value {
    report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .find(|f| f["rule"] == rule)
        .unwrap_or_else(|| panic!("no {rule} finding in {report}"))
}

#[test]
fn check_meeting_takes_the_quorum_of_the_meetings_day() {
    let args = |at| {
        [
            "check-meeting",
            "police-and-crime-panel",
            "--at",
            at,
            "--attendees",
            "council-a:2,independent-1",
        ]
    };
    let before = run(&args("2022-07-04T14:00"), 1);
    assert_eq!(finding(&before, "quorum")["status"], "fail");
    let after = run(&args("2022-07-05T14:00"), 0);
    assert_eq!(finding(&after, "quorum")["status"], "pass");
}

#[test]
fn tally_takes_the_quorum_of_the_day_of_the_vote() {
    let args = |at| {
        [
            "tally",
            "police-and-crime-panel",
            "--at",
            at,
            "--for",
            "council-a,council-b,independent-1",
        ]
    };
    assert_eq!(run(&args("2022-07-04"), 1)["valid"], false);
    let after = run(&args("2022-07-05"), 0);
    assert_eq!(after["valid"], true);
    assert_eq!(after["outcome"], "carried");
}

#[test]
fn show_as_of_gives_the_version_in_force_with_its_dates() {
    let quorum = |date| {
        let shown = run(&["show", "police-and-crime-panel", "--as-of", date], 0);
        shown["rules"]
            .as_array()
            .expect("rules")
            .iter()
            .find(|r| r["rule"] == "quorum")
            .cloned()
            .expect("a quorum rule")
    };
    let before = quorum("2022-07-04");
    assert!(
        before["summary"].as_str().expect("text").contains("1/3"),
        "{before}"
    );
    assert_eq!(before["until"], "2022-07-04");
    assert!(before.get("from").is_none(), "{before}");
    let after = quorum("2022-07-05");
    assert!(
        after["summary"].as_str().expect("text").contains("1/4"),
        "{after}"
    );
    assert_eq!(after["from"], "2022-07-05");
    assert!(after.get("until").is_none(), "{after}");
}

#[test]
fn show_history_lists_the_amendments_in_order() {
    let history = run(&["show", "police-and-crime-panel", "--history"], 0);
    let amendments = history["amendments"].as_array().expect("amendments");
    assert_eq!(amendments.len(), 1);
    assert_eq!(amendments[0]["from"], "2022-07-05");
    assert_eq!(amendments[0]["minute"], "minute 12/22");
    assert_eq!(amendments[0]["changes"][0]["rule"], "quorum");
    assert_eq!(amendments[0]["changes"][0]["change"], "replaced");
    tor()
        .arg("--dir")
        .arg(examples())
        .args(["show", "town-board", "--history"])
        .assert()
        .code(0)
        .stdout(
            predicate::str::contains("Thu 1 Apr 2021")
                .and(predicate::str::contains("frequency replaced")),
        );
}

#[test]
fn deadlines_use_the_notice_rule_of_the_meetings_day() {
    let toml = format!(
        "{MINIMAL}\n[notice.agenda]\nclause = \"6\"\nworking_days = 5\n\n\
         [[amendments]]\nfrom = 2020-01-01\nclause = \"6\"\nminute = \"minute 3/19\"\n\
         [amendments.notice.agenda]\nclause = \"6\"\nworking_days = 10\n"
    );
    let dir = dir_with(&[("test-group.toml", toml.as_bytes())]);
    let due = |at: &str| {
        let out = tor()
            .arg("--dir")
            .arg(dir.path())
            .args(["deadlines", "test-group", "--at", at, "--format", "json"])
            .assert()
            .code(0)
            .get_output()
            .stdout
            .clone();
        json(&out)["circulate_by"].clone()
    };
    // Tuesday 31 December 2019, as adopted: five working days back (Christmas
    // and Boxing Day are holidays) is Friday 20 December.
    assert_eq!(due("2019-12-31T10:00"), "2019-12-20");
    // Thursday 16 January 2020, as amended: ten working days back (New Year's
    // Day is a holiday) is Thursday 2 January.
    assert_eq!(due("2020-01-16T10:00"), "2020-01-02");
}

#[test]
fn audit_reports_the_amendment_of_its_year_and_judges_each_meeting_by_its_day() {
    let record = "[[meeting]]\ndate = 2022-07-04\npresent = [\"council-a\", \"council-b\", \"independent-1\"]\n\n\
                  [[meeting]]\ndate = 2022-07-05\npresent = [\"council-a\", \"council-b\", \"independent-1\"]\n";
    let dir = dir_with(&[("panel.meetings.toml", record.as_bytes())]);
    let out = tor()
        .arg("--dir")
        .arg(examples())
        .args([
            "audit",
            "police-and-crime-panel",
            "--year",
            "2022",
            "--as-of",
            "2023-01-01",
            "--record",
        ])
        .arg(dir.path().join("panel.meetings.toml"))
        .args(["--format", "json"])
        .assert()
        .get_output()
        .stdout
        .clone();
    let report = json(&out);
    assert_eq!(report["amendments"][0]["from"], "2022-07-05");
    let quorum: Vec<&str> = report["meetings"]
        .as_array()
        .expect("meetings")
        .iter()
        .map(|m| {
            m["findings"]
                .as_array()
                .expect("findings")
                .iter()
                .find(|f| f["rule"] == "quorum")
                .and_then(|f| f["status"].as_str())
                .expect("a quorum finding")
        })
        .collect();
    assert_eq!(quorum, ["fail", "pass"]);
}

#[test]
fn validate_checks_every_version() {
    let bad = format!(
        "{MINIMAL}\n[[amendments]]\nfrom = 2020-01-01\nclause = \"5\"\nremove = [\"frequency\"]\n\n\
         [[amendments]]\nfrom = 2019-01-01\nclause = \"5\"\n[amendments.quorum]\nclause = \"5\"\nat_least = 1\n\n\
         [[amendments]]\nfrom = 2019-01-01\nclause = \"5\"\nremove = [\"quorum\"]\n"
    );
    let dir = dir_with(&[("test-group.toml", bad.as_bytes())]);
    tor()
        .arg("validate")
        .arg(dir.path().join("test-group.toml"))
        .assert()
        .code(1)
        .stdout(
            predicate::str::contains("`frequency` is not in force on 2020-01-01")
                .and(predicate::str::contains("amendment-order"))
                .and(predicate::str::contains(
                    "`quorum` is changed twice on 2019-01-01",
                )),
        );
}

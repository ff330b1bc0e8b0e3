//! A year across an amendment: `audit` and `schedule` judge and plan each day
//! by the ToR version in force on it, and say where the change fell (SPEC §7:
//! the town board monthly until 2021-03-31 then quarterly, clause 9; the
//! panel's quorum lowered on 2022-07-05 by minute 12/22, clause 7).

use crate::common::{dir_with, json, tor};

fn examples() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/partnerships")
}

const BOARD: &str = "present = [\"chair\", \"council-leader\", \"mp\", \"lep\", \"college\"]\n";

/// A town-board record holding a meeting on each of `days`.
fn board_record(days: &[&str]) -> String {
    days.iter()
        .map(|d| format!("[[meeting]]\ndate = {d}\n{BOARD}\n"))
        .collect()
}

/// `tor --dir examples/partnerships audit ID --year Y --as-of A --record FILE`,
/// with its exit code and output.
fn audit(id: &str, year: &str, record: &str, format: &str, code: i32) -> String {
    let dir = dir_with(&[("record.meetings.toml", record.as_bytes())]);
    let out = tor()
        .arg("--dir")
        .arg(examples())
        .args([
            "audit",
            id,
            "--year",
            year,
            "--as-of",
            "2030-01-01",
            "--record",
        ])
        .arg(dir.path().join("record.meetings.toml"))
        .args(["--format", format])
        .assert()
        .code(code)
        .get_output()
        .stdout
        .clone();
    String::from_utf8(out).expect("utf-8")
}

/// The lines of the human report from `from` up to (not including) `to`.
fn section(out: &str, from: &str, to: &str) -> String {
    let start = out
        .find(from)
        .unwrap_or_else(|| panic!("no {from} in {out}"));
    let rest = &out[start..];
    let end = rest.find(to).unwrap_or(rest.len());
    rest[..end].to_owned()
}

fn periods(report: &serde_json::Value) -> Vec<(String, String, u64)> {
    report["periods"]
        .as_array()
        .expect("periods")
        .iter()
        .map(|p| {
            (
                p["label"].as_str().expect("label").to_owned(),
                p["status"].as_str().expect("status").to_owned(),
                p["phase"].as_u64().expect("a phase"),
            )
        })
        .collect()
}

fn row(label: &str, status: &str, phase: u64) -> (String, String, u64) {
    (label.to_owned(), status.to_owned(), phase)
}

#[test]
fn audit_judges_the_town_boards_2021_monthly_then_quarterly() {
    let record = board_record(&[
        "2021-01-21",
        "2021-02-18",
        "2021-03-18",
        "2021-06-17",
        "2021-09-16",
        "2021-12-09",
    ]);
    let report = json(audit("town-board", "2021", &record, "json", 0).as_bytes());
    assert_eq!(
        periods(&report),
        [
            row("2021-01", "pass", 0),
            row("2021-02", "pass", 0),
            row("2021-03", "pass", 0),
            row("2021-Q2", "pass", 1),
            row("2021-Q3", "pass", 1),
            row("2021-Q4", "pass", 1),
        ]
    );
    let phases = report["frequency_phases"].as_array().expect("phases");
    assert_eq!(phases.len(), 2);
    assert_eq!(phases[0]["to"], "2021-03-31");
    assert_eq!(phases[0]["rule"], "at least 1 a month");
    assert!(phases[0]["amendment"].is_null());
    assert_eq!(phases[1]["from"], "2021-04-01");
    assert_eq!(phases[1]["rule"], "at least 1 a quarter");
    assert_eq!(phases[1]["amendment"]["clause"], "9");
    let frequency = &report["findings"][0];
    assert_eq!(frequency["rule"], "frequency");
    assert_eq!(frequency["status"], "pass");
    // Two meetings in the first quarter would break the monthly rule, not the
    // quarterly one: the months before the change are judged monthly.
    let human = audit("town-board", "2021", &record, "human", 0);
    insta::assert_snapshot!(
        "audit_town_board_2021_phases",
        section(&human, "amended ", "┌") + &section(&human, "Frequency\n", "Meetings\n")
    );
}

#[test]
fn audit_of_the_town_board_fails_a_month_before_the_change_and_a_quarter_after() {
    // No meeting in March (monthly: fails), none in the third quarter
    // (quarterly: fails); May alone is no failure after the change.
    let record = board_record(&["2021-01-21", "2021-02-18", "2021-05-20", "2021-11-18"]);
    let report = json(audit("town-board", "2021", &record, "json", 1).as_bytes());
    assert_eq!(
        periods(&report),
        [
            row("2021-01", "pass", 0),
            row("2021-02", "pass", 0),
            row("2021-03", "fail", 0),
            row("2021-Q2", "pass", 1),
            row("2021-Q3", "fail", 1),
            row("2021-Q4", "pass", 1),
        ]
    );
    let frequency = &report["findings"][0];
    assert_eq!(frequency["status"], "fail");
    let message = frequency["message"].as_str().expect("a message");
    assert!(
        message.starts_with("until 2021-03-31: ")
            && message.contains("from 2021-04-01 (amended, clause 9): "),
        "{message}"
    );
}

#[test]
fn audit_of_a_year_after_the_change_has_one_phase() {
    let record = board_record(&["2022-02-17", "2022-05-19", "2022-08-18", "2022-11-17"]);
    let report = json(audit("town-board", "2022", &record, "json", 0).as_bytes());
    assert!(report.get("frequency_phases").is_none(), "{report}");
    let labels: Vec<&str> = report["periods"]
        .as_array()
        .expect("periods")
        .iter()
        .map(|p| p["label"].as_str().expect("label"))
        .collect();
    assert_eq!(labels, ["2022-Q1", "2022-Q2", "2022-Q3", "2022-Q4"]);
}

#[test]
fn audit_of_the_panels_2022_takes_the_quorum_of_each_meetings_day() {
    // Three of twelve present: short of a third (4) on 4 July, a quarter (3)
    // from 5 July (minute 12/22).
    let three = "present = [\"council-a\", \"council-b\", \"independent-1\"]\n";
    let record = ["2022-03-10", "2022-07-04", "2022-07-06", "2022-10-13"]
        .iter()
        .map(|d| format!("[[meeting]]\ndate = {d}\n{three}\n"))
        .collect::<String>();
    let report = json(audit("police-and-crime-panel", "2022", &record, "json", 1).as_bytes());
    let quorum: Vec<(&str, &str)> = report["meetings"]
        .as_array()
        .expect("meetings")
        .iter()
        .map(|m| {
            let q = m["findings"]
                .as_array()
                .expect("findings")
                .iter()
                .find(|f| f["rule"] == "quorum")
                .expect("a quorum finding");
            (
                m["date"].as_str().expect("date"),
                q["status"].as_str().expect("status"),
            )
        })
        .collect();
    assert_eq!(
        quorum,
        [
            ("2022-03-10", "fail"),
            ("2022-07-04", "fail"),
            ("2022-07-06", "pass"),
            ("2022-10-13", "pass"),
        ]
    );
    assert_eq!(report["amendments"][0]["minute"], "minute 12/22");
    // The frequency rule was not amended: one phase, judged as before.
    assert!(report.get("frequency_phases").is_none(), "{report}");
    assert_eq!(report["findings"][0]["status"], "pass");
}

#[test]
fn audit_html_heads_each_phase_of_the_frequency_table() {
    let record = board_record(&["2021-01-21", "2021-02-18", "2021-03-18", "2021-06-17"]);
    let dir = dir_with(&[("record.meetings.toml", record.as_bytes())]);
    let page = dir.path().join("audit.html");
    tor()
        .arg("--dir")
        .arg(examples())
        .args([
            "audit",
            "town-board",
            "--year",
            "2021",
            "--as-of",
            "2030-01-01",
            "--record",
        ])
        .arg(dir.path().join("record.meetings.toml"))
        .arg("--html")
        .arg(&page)
        .assert()
        .code(1);
    let html = std::fs::read_to_string(&page).expect("the page is written");
    assert!(
        html.contains("<tr class=\"phase\"><th colspan=\"4\">until Wed 31 Mar 2021: at least 1 a month (clause 9)</th></tr>"),
        "{html}"
    );
    assert!(
        html.contains("<tr class=\"phase\"><th colspan=\"4\">from Thu 1 Apr 2021 (amended, clause 9): at least 1 a quarter (clause 9)</th></tr>"),
        "{html}"
    );
}

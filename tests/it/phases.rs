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

/// `tor --dir DIR schedule ID --year Y ARGS`, with its exit code and output.
fn schedule(dir: &std::path::Path, id: &str, year: &str, args: &[&str], code: i32) -> String {
    let out = tor()
        .arg("--dir")
        .arg(dir)
        .args(["schedule", id, "--year", year])
        .args(args)
        .assert()
        .code(code)
        .get_output()
        .stdout
        .clone();
    String::from_utf8(out).expect("utf-8")
}

fn planned(plan: &serde_json::Value) -> Vec<String> {
    plan["meetings"]
        .as_array()
        .expect("meetings")
        .iter()
        .map(|m| m["at"].as_str().expect("at")[..10].to_owned())
        .collect()
}

#[test]
fn schedule_plans_the_town_boards_2021_monthly_then_quarterly() {
    let plan =
        json(schedule(&examples(), "town-board", "2021", &["--format", "json"], 0).as_bytes());
    assert_eq!(plan["valid"], true);
    assert_eq!(
        planned(&plan),
        [
            "2021-01-14",
            "2021-02-11",
            "2021-03-18",
            "2021-05-13",
            "2021-08-19",
            "2021-11-18"
        ]
    );
    let phases = plan["phases"].as_array().expect("phases");
    assert_eq!(phases.len(), 2);
    assert_eq!(phases[1]["from"], "2021-04-01");
    assert_eq!(phases[1]["rule"], "at least 1 a quarter");
    assert_eq!(phases[1]["amendment"]["clause"], "9");
    assert_eq!(
        plan["rule"],
        "at least 1 a month until 2021-03-31, then at least 1 a quarter from 2021-04-01"
    );
    // The first meeting under the amendment says so.
    assert_eq!(
        plan["meetings"][3]["notes"][0],
        "from 2021-04-01 (amended, clause 9): the first meeting planned by at least 1 a quarter (clause 9)"
    );
    let human = schedule(&examples(), "town-board", "2021", &[], 0);
    insta::assert_snapshot!("schedule_town_board_2021_phases", human);
}

#[test]
fn schedule_of_a_year_on_one_side_of_the_change_has_one_phase() {
    let before =
        json(schedule(&examples(), "town-board", "2020", &["--format", "json"], 0).as_bytes());
    assert!(before.get("phases").is_none(), "{before}");
    assert_eq!(planned(&before).len(), 12);
    let after =
        json(schedule(&examples(), "town-board", "2022", &["--format", "json"], 0).as_bytes());
    assert!(after.get("phases").is_none(), "{after}");
    assert_eq!(planned(&after).len(), 4);
}

#[test]
fn schedule_never_plans_a_meeting_where_the_version_of_its_day_forbids_it() {
    // Monthly on any day until June 2020; from 1 July, twice a year and only
    // in October or November, on Tuesdays.
    let toml = format!(
        "{MINIMAL}\n[frequency]\nclause = \"6\"\nat_least = 1\nper = \"month\"\n\n\
         [[amendments]]\nfrom = 2020-07-01\nclause = \"6\"\nminute = \"minute 4/20\"\n\
         [amendments.frequency]\nclause = \"6\"\nat_least = 2\nper = \"year\"\n\
         months = [\"october\", \"november\"]\nweekdays = [\"tuesday\"]\n",
        MINIMAL = crate::common::MINIMAL
    );
    let dir = dir_with(&[("test-group.toml", toml.as_bytes())]);
    let plan =
        json(schedule(dir.path(), "test-group", "2020", &["--format", "json"], 0).as_bytes());
    let days = planned(&plan);
    let (first, second): (Vec<&String>, Vec<&String>) =
        days.iter().partition(|d| d.as_str() < "2020-07-01");
    assert_eq!(first.len(), 6, "{days:?}");
    assert_eq!(second.len(), 2, "{days:?}");
    for d in &second {
        let date: chrono::NaiveDate = d.parse().expect("a date");
        use chrono::Datelike;
        assert!([10, 11].contains(&date.month()), "{d}");
        assert_eq!(date.weekday(), chrono::Weekday::Tue, "{d}");
    }
    // Before the change the preferred Thursday holds.
    for d in &first {
        let date: chrono::NaiveDate = d.parse().expect("a date");
        use chrono::Datelike;
        assert_eq!(date.weekday(), chrono::Weekday::Thu, "{d}");
    }
    assert_eq!(plan["phases"][1]["amendment"]["minute"], "minute 4/20");
    assert_eq!(plan["valid"], true);
}

#[test]
fn schedule_ics_across_the_change_stays_a_valid_calendar() {
    let ics = schedule(&examples(), "town-board", "2021", &["--ics", "-"], 0);
    let text = icalendar::parser::unfold(&ics);
    let cal = icalendar::parser::read_calendar(&text).expect("a calendar that parses");
    let meetings = cal
        .components
        .iter()
        .filter(|c| c.name == "VEVENT")
        .filter(|c| {
            c.properties
                .iter()
                .any(|p| p.name == "SUMMARY" && !p.val.as_str().starts_with("Papers"))
        })
        .count();
    assert!(meetings >= 6, "{text}");
    assert!(
        text.contains("From Thursday 1 April 2021 (amended"),
        "{text}"
    );
}

#[test]
fn schedule_says_when_the_gap_rule_needs_more_meetings_than_the_count_allows() {
    // Two a year, at most five months apart: the turn of the year needs a
    // third meeting, which breaks "2 a year" (engine/schedule/yearend.rs).
    let toml = format!(
        "{MINIMAL}\n[frequency]\nclause = \"6\"\ntimes = 2\nper = \"year\"\nmax_gap = {{ months = 5 }}\n",
        MINIMAL = crate::common::MINIMAL
    );
    let dir = dir_with(&[("test-group.toml", toml.as_bytes())]);
    let plan =
        json(schedule(dir.path(), "test-group", "2027", &["--format", "json"], 1).as_bytes());
    assert_eq!(plan["valid"], false);
    assert_eq!(planned(&plan).len(), 3);
    let shortfalls = plan["shortfalls"].as_array().expect("shortfalls");
    assert!(
        shortfalls.iter().any(|s| s
            .as_str()
            .is_some_and(|s| s.contains("more than the 2 a year the ToR sets"))),
        "{shortfalls:?}"
    );
    // Seven months apart, two a year can be kept: no shortfall.
    let toml = toml.replace("months = 5", "months = 7");
    let dir = dir_with(&[("test-group.toml", toml.as_bytes())]);
    let plan =
        json(schedule(dir.path(), "test-group", "2027", &["--format", "json"], 0).as_bytes());
    assert_eq!(planned(&plan).len(), 2);
}

#[test]
fn audit_judges_each_gap_by_the_version_in_force_when_the_next_meeting_fell_due() {
    // Every 3 months until 14 May 2020, then every month (minute 4/20).
    let toml = format!(
        "{MINIMAL}\n[frequency]\nclause = \"6\"\nevery_months = 3\n\n\
         [[amendments]]\nfrom = 2020-05-15\nclause = \"6\"\nminute = \"minute 4/20\"\n\
         [amendments.frequency]\nclause = \"6\"\nevery_months = 1\n",
        MINIMAL = crate::common::MINIMAL
    );
    let record: String = [
        "2019-12-05",
        "2020-03-05",
        "2020-06-04",
        "2020-07-02",
        "2020-09-03",
        "2020-10-01",
        "2020-10-29",
        "2020-11-26",
        "2020-12-17",
    ]
    .iter()
    .map(|d| format!("[[meeting]]\ndate = {d}\npresent = [\"council\", \"police\"]\n\n"))
    .collect();
    let dir = dir_with(&[
        ("test-group.toml", toml.as_bytes()),
        ("record.meetings.toml", record.as_bytes()),
    ]);
    let out = tor()
        .arg("--dir")
        .arg(dir.path())
        .args([
            "audit",
            "test-group",
            "--year",
            "2020",
            "--as-of",
            "2021-06-01",
            "--record",
        ])
        .arg(dir.path().join("record.meetings.toml"))
        .args(["--format", "json"])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let report = json(&out);
    // 5 March to 4 June is within three months, and the monthly rule's
    // interval runs from its first day (due by 15 June): no failure. Only
    // 2 July to 3 September, under the monthly rule, is too long.
    let gaps: Vec<(&str, &str, u64)> = report["periods"]
        .as_array()
        .expect("periods")
        .iter()
        .map(|p| {
            (
                p["from"].as_str().expect("from"),
                p["status"].as_str().expect("status"),
                p["phase"].as_u64().expect("a phase"),
            )
        })
        .collect();
    assert_eq!(gaps, [("2020-07-02", "fail", 1)]);
    assert_eq!(report["frequency_phases"][0]["rule"], "every 3 months");
    assert_eq!(report["frequency_phases"][1]["rule"], "every 1 months");
}

#[test]
fn audit_judges_a_month_window_by_the_version_of_the_meetings_day() {
    // Once a year on any day until June 2020; from 1 July, only in October
    // or November.
    let toml = format!(
        "{MINIMAL}\n[frequency]\nclause = \"6\"\nat_least = 1\nper = \"year\"\n\n\
         [[amendments]]\nfrom = 2020-07-01\nclause = \"6\"\n\
         [amendments.frequency]\nclause = \"6\"\nat_least = 1\nper = \"year\"\n\
         months = [\"october\", \"november\"]\n",
        MINIMAL = crate::common::MINIMAL
    );
    let record: String = ["2020-03-05", "2020-08-06", "2020-10-08"]
        .iter()
        .map(|d| format!("[[meeting]]\ndate = {d}\npresent = [\"council\", \"police\"]\n\n"))
        .collect();
    let dir = dir_with(&[
        ("test-group.toml", toml.as_bytes()),
        ("record.meetings.toml", record.as_bytes()),
    ]);
    let out = tor()
        .arg("--dir")
        .arg(dir.path())
        .args([
            "audit",
            "test-group",
            "--year",
            "2020",
            "--as-of",
            "2021-06-01",
            "--record",
        ])
        .arg(dir.path().join("record.meetings.toml"))
        .args(["--format", "json"])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let report = json(&out);
    let frequency = &report["findings"][0];
    assert_eq!(frequency["status"], "fail");
    let message = frequency["message"].as_str().expect("a message");
    assert!(
        message.contains("held on 2020-08-06, outside the months"),
        "{message}"
    );
    assert!(!message.contains("2020-03-05, outside"), "{message}");
    // The year ends under the amended version, which judges it.
    assert!(
        message.starts_with("until 2020-06-30: no year ends under this version"),
        "{message}"
    );
    assert_eq!(report["periods"][0]["phase"], 1);
}

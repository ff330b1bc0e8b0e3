//! `tor audit` through the binary: records for each bundled partnership in temp
//! folders beside a copy of the ToR, the JSON and human reports, exit codes, and
//! the HTML page — which headless Chromium renders without a console error.

use crate::common;

use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

use crate::common::{bundled_dir, finding, json, tor};
use predicates::prelude::*;
use serde_json::Value;

/// A copy of the bundled ToR folder with `<id>.meetings.toml` holding `record`.
fn with_record(id: &str, record: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for entry in std::fs::read_dir(bundled_dir()).expect("partnerships/") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "toml") {
            let name = path.file_name().expect("file name");
            std::fs::copy(&path, dir.path().join(name)).expect("copy ToR");
        }
    }
    std::fs::write(dir.path().join(format!("{id}.meetings.toml")), record).expect("write record");
    dir
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The Sefton 2013 record with an empty third quarter.
fn sefton_gap() -> String {
    std::fs::read_to_string(root().join("tests/audit_html/sefton-scp.meetings.toml"))
        .expect("fixture")
}

fn audit_in(dir: &Path, args: &[&str], code: i32) -> Value {
    common::run_json(Some(dir), "audit", args, code)
}

fn assert_rule(report: &Value, rule: &str, status: &str, clause: Option<&str>) {
    let f = finding(report, rule);
    assert_eq!(f["status"], status, "{rule}: {f:#}");
    if let Some(c) = clause {
        assert_eq!(f["clause"], c, "{rule}: {f:#}");
    }
}

fn message(report: &Value, rule: &str) -> String {
    finding(report, rule)["message"]
        .as_str()
        .expect("message")
        .to_owned()
}

// ---- Sefton ------------------------------------------------------------------------

#[test]
fn an_empty_quarter_fails_frequency_citing_the_clause() {
    let dir = with_record("sefton-scp", &sefton_gap());
    let r = audit_in(dir.path(), &["sefton-scp", "--year", "2013"], 1);
    assert_eq!(r["partnership"], "sefton-scp");
    assert_eq!(r["year"], 2013);
    assert_eq!(r["valid"], false);
    assert_rule(&r, "frequency", "fail", Some("Meeting Arrangements 1"));
    assert!(message(&r, "frequency").contains("2013-Q3"), "{r:#}");
    let q3 = r["periods"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["label"] == "2013-Q3")
        .expect("Q3");
    assert_eq!(q3["status"], "fail");
    assert_eq!(q3["held"], 0);
    for rule in ["rule", "clause", "status", "message"] {
        assert!(finding(&r, "frequency").get(rule).is_some());
    }
    // The rest of that year was kept, except the review date, long passed.
    assert_rule(&r, "public-meeting", "pass", Some("Responsibilities 4"));
    assert_rule(&r, "standing-items", "pass", Some("Meeting Arrangements 8"));
    assert_rule(&r, "notice", "pass", Some("Meeting Arrangements 6"));
    assert_rule(&r, "quorum", "pass", Some("Membership 5"));
    assert_rule(&r, "chair-election", "pass", Some("Membership 1"));
    assert_rule(&r, "review", "fail", Some("Review"));
    assert!(message(&r, "review").contains("2013-04-30"));
    assert_eq!(r["meetings"].as_array().unwrap().len(), 3);
    tor()
        .arg("--dir")
        .arg(dir.path())
        .args(["audit", "sefton-scp", "--year", "2013"])
        .assert()
        .code(1)
        .stdout(
            predicate::str::contains("DID NOT COMPLY")
                .and(predicate::str::contains("Meeting Arrangements 1"))
                .and(predicate::str::contains("2013-Q3")),
        );
}

#[test]
fn the_example_record_fails_q4_and_the_late_papers() {
    let record = root().join("examples/records/sefton-scp.meetings.toml");
    let out = tor()
        .args([
            "audit",
            "sefton-scp",
            "--year",
            "2012",
            "--format",
            "json",
            "--record",
        ])
        .arg(&record)
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let r = json(&out);
    assert_rule(&r, "frequency", "fail", Some("Meeting Arrangements 1"));
    let m = message(&r, "frequency");
    // The November meeting was cancelled, but the ToR provides no cancellation.
    assert!(m.contains("2012-Q4") && m.contains("2012-11-01"), "{m}");
    // The jubilee bank holidays (4 and 5 June) made the public meeting's papers late.
    assert_rule(&r, "notice", "fail", Some("Meeting Arrangements 6"));
    assert!(message(&r, "notice").contains("2012-06-07"));
    assert_rule(&r, "public-meeting", "pass", None);
    assert_rule(&r, "standing-items", "fail", None);
    assert!(message(&r, "standing-items").contains("Hate Crime"));
    assert_rule(&r, "review", "pass", None);
    assert_rule(&r, "extraordinary-notice", "skip", None);
    assert!(finding(&r, "extraordinary-notice")["clause"].is_null());
    let june = r["meetings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["date"] == "2012-06-07")
        .unwrap();
    assert_eq!(june["valid"], false);
    assert_eq!(june["public"], true);
    assert_eq!(june["circulate_by"], "2012-05-29");
    assert_eq!(r["cancelled"][0]["date"], "2012-11-01");
}

const SEFTON_2012_KEPT: &str = r#"
[[meeting]]
date = 2012-02-16
circulated = 2012-02-09
present = ["local-authority", "police-force", "police-authority"]
chair = "present"
items = ["Election of chair", "Prevent", "Domestic Violence"]

[[meeting]]
date = 2012-05-17
circulated = 2012-05-10
public = true
present = ["local-authority", "police-force", "police-authority", "public-health", "fire-rescue", "probation"]
chair = "present"
items = ["ASB", "IOM"]

[[meeting]]
date = 2012-08-16
circulated = 2012-08-09
present = ["local-authority", "fire-rescue", "probation"]
chair = "present"
items = ["Opportunities and Challenges facing each Responsible Authority", "YOS"]

[[meeting]]
date = 2012-11-15
circulated = 2012-11-08
present = ["local-authority", "police-force", "probation", "cvs"]
chair = "present"
items = ["hate  crime"]
"#;

#[test]
fn a_year_kept_is_exit_0() {
    let dir = with_record("sefton-scp", SEFTON_2012_KEPT);
    let r = audit_in(dir.path(), &["sefton-scp", "--year", "2012"], 0);
    assert_eq!(r["valid"], true);
    assert_eq!(r["complete"], true);
    for rule in [
        "frequency",
        "public-meeting",
        "standing-items",
        "notice",
        "quorum",
        "chair",
        "membership",
        "chair-election",
        "review",
    ] {
        assert_rule(&r, rule, "pass", None);
    }
    assert_rule(&r, "minutes", "skip", None);
    tor()
        .arg("--dir")
        .arg(dir.path())
        .args(["audit", "sefton-scp", "--year", "2012"])
        .assert()
        .success()
        .stdout(predicate::str::contains("COMPLIED"));
}

#[test]
fn inquorate_and_unchaired_meetings_fail_their_clauses() {
    let record = SEFTON_2012_KEPT.replace(
        "present = [\"local-authority\", \"fire-rescue\", \"probation\"]\nchair = \"present\"",
        "present = [\"local-authority\", \"cvs\", \"rsls\"]\nchair = \"absent\"",
    );
    let dir = with_record("sefton-scp", &record);
    let r = audit_in(dir.path(), &["sefton-scp", "--year", "2012"], 1);
    assert_rule(&r, "quorum", "fail", Some("Membership 5"));
    assert!(message(&r, "quorum").contains("2012-08-16"));
    assert_rule(&r, "chair", "fail", Some("Membership 1"));
    let aug = &r["meetings"][2];
    assert_eq!(aug["valid"], false);
}

#[test]
fn a_public_meeting_without_every_responsible_authority_does_not_count() {
    let record = SEFTON_2012_KEPT.replace(
        "present = [\"local-authority\", \"police-force\", \"police-authority\", \"public-health\", \"fire-rescue\", \"probation\"]",
        "present = [\"local-authority\", \"police-force\", \"police-authority\", \"public-health\"]",
    );
    let dir = with_record("sefton-scp", &record);
    let r = audit_in(dir.path(), &["sefton-scp", "--year", "2012"], 1);
    assert_rule(&r, "public-meeting", "fail", Some("Responsibilities 4"));
    let m = message(&r, "public-meeting");
    assert!(m.contains("fire-rescue and probation absent"), "{m}");
}

#[test]
fn an_unfinished_year_does_not_fail_periods_still_to_come() {
    let dir = with_record("sefton-scp", SEFTON_2012_KEPT);
    let r = audit_in(
        dir.path(),
        &["sefton-scp", "--year", "2012", "--as-of", "2012-06-30"],
        0,
    );
    assert_eq!(r["complete"], false);
    let statuses: Vec<&str> = r["periods"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["status"].as_str().unwrap())
        .collect();
    assert_eq!(statuses, ["pass", "pass", "pass", "pass"]);
    let short = SEFTON_2012_KEPT
        .split("[[meeting]]\ndate = 2012-08-16")
        .next()
        .unwrap();
    let dir = with_record("sefton-scp", short);
    let r = audit_in(
        dir.path(),
        &["sefton-scp", "--year", "2012", "--as-of", "2012-08-01"],
        0,
    );
    let statuses: Vec<&str> = r["periods"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["status"].as_str().unwrap())
        .collect();
    assert_eq!(statuses, ["pass", "pass", "skip", "skip"]);
}

// ---- Richmond ----------------------------------------------------------------------

fn richmond_example() -> String {
    std::fs::read_to_string(root().join("examples/records/richmond-strategy-group.meetings.toml"))
        .expect("example record")
}

#[test]
fn richmond_example_year_complies() {
    let dir = with_record("richmond-strategy-group", &richmond_example());
    let r = audit_in(
        dir.path(),
        &["richmond-strategy-group", "--year", "2009"],
        0,
    );
    assert_rule(&r, "frequency", "pass", Some("7"));
    assert_rule(&r, "chair-election", "pass", Some("3.2"));
    assert_rule(&r, "public-meeting", "pass", Some("5 (Accountability)"));
    assert_rule(&r, "minutes", "pass", Some("8"));
    assert_rule(&r, "notice", "pass", Some("8"));
    assert_rule(&r, "chair", "pass", None);
    assert_rule(&r, "quorum", "skip", None);
}

#[test]
fn richmond_nine_or_eleven_meetings_fail_ten_a_year() {
    let record = richmond_example();
    let last = record.rfind("[[meeting]]").expect("meetings");
    let nine = &record[..last];
    let dir = with_record("richmond-strategy-group", nine);
    let r = audit_in(
        dir.path(),
        &["richmond-strategy-group", "--year", "2009"],
        1,
    );
    assert_rule(&r, "frequency", "fail", Some("7"));
    assert!(message(&r, "frequency").contains("9 held"), "{r:#}");
    let eleven = format!(
        "{record}\n[[meeting]]\nat = 2009-12-10T14:00:00\ncirculated = 2009-12-07\nchair = \"present\"\n"
    );
    let dir = with_record("richmond-strategy-group", &eleven);
    let r = audit_in(
        dir.path(),
        &["richmond-strategy-group", "--year", "2009"],
        1,
    );
    assert!(message(&r, "frequency").contains("11 held"), "{r:#}");
}

#[test]
fn richmond_without_a_may_meeting_fails_the_election_and_late_minutes_fail() {
    let record = richmond_example()
        .replace("at = 2009-05-14T14:00:00", "at = 2009-06-11T14:00:00")
        .replace("circulated = 2009-05-11", "circulated = 2009-06-08")
        .replace("minutes = 2009-05-27", "minutes = 2009-07-27");
    let dir = with_record("richmond-strategy-group", &record);
    let r = audit_in(
        dir.path(),
        &["richmond-strategy-group", "--year", "2009"],
        1,
    );
    assert_rule(&r, "chair-election", "fail", Some("3.2"));
    assert!(message(&r, "chair-election").contains("May 2009"));
    assert_rule(&r, "minutes", "fail", Some("8"));
    assert!(message(&r, "minutes").contains("2009-07-27"));
}

// ---- Oxfordshire -------------------------------------------------------------------

fn business_example() -> String {
    std::fs::read_to_string(
        root().join("examples/records/oxfordshire-business-group.meetings.toml"),
    )
    .expect("example record")
}

#[test]
fn business_group_example_keeps_every_two_months_with_a_consulted_cancellation() {
    let dir = with_record("oxfordshire-business-group", &business_example());
    let r = audit_in(
        dir.path(),
        &["oxfordshire-business-group", "--year", "2012"],
        0,
    );
    assert_rule(&r, "frequency", "pass", Some("4.1"));
    assert_rule(&r, "extraordinary-notice", "pass", Some("4.4"));
    assert_rule(&r, "notice", "pass", Some("4.3"));
    assert_rule(&r, "public-access", "pass", Some("4.2"));
}

#[test]
fn business_group_gap_fails_unless_the_cancellation_was_consulted() {
    let unconsulted = business_example().replace("consulted = true ", "consulted = false");
    let dir = with_record("oxfordshire-business-group", &unconsulted);
    let r = audit_in(
        dir.path(),
        &["oxfordshire-business-group", "--year", "2012"],
        1,
    );
    assert_rule(&r, "frequency", "fail", Some("4.1"));
    let m = message(&r, "frequency");
    assert!(
        m.contains("2012-05-08") && m.contains("without consulting"),
        "{m}"
    );
    let no_cancellation = business_example().replace(
        "[[cancelled]]\ndate = 2012-05-03",
        "[[cancelled]]\ndate = 2011-05-03",
    );
    let dir = with_record("oxfordshire-business-group", &no_cancellation);
    let r = audit_in(
        dir.path(),
        &["oxfordshire-business-group", "--year", "2012"],
        1,
    );
    assert!(
        message(&r, "frequency").contains("due by 2012-05-08"),
        "{r:#}"
    );
}

#[test]
fn business_group_public_meeting_breaks_closed_meetings() {
    let record = business_example().replacen(
        "at = 2012-06-28T10:00:00",
        "at = 2012-06-28T10:00:00\npublic = true",
        1,
    );
    let dir = with_record("oxfordshire-business-group", &record);
    let r = audit_in(
        dir.path(),
        &["oxfordshire-business-group", "--year", "2012"],
        1,
    );
    assert_rule(&r, "public-access", "fail", Some("4.2"));
}

#[test]
fn business_group_late_urgent_notice_fails() {
    let record = business_example().replace(
        "circulated = 2012-09-18T09:00:00",
        "circulated = 2012-09-18T11:00:00",
    );
    let dir = with_record("oxfordshire-business-group", &record);
    let r = audit_in(
        dir.path(),
        &["oxfordshire-business-group", "--year", "2012"],
        1,
    );
    assert_rule(&r, "extraordinary-notice", "fail", Some("4.4"));
    assert_rule(&r, "notice", "pass", None);
}

#[test]
fn board_states_no_rules_so_most_are_skipped() {
    let record = "[[meeting]]\ndate = 2014-03-06\npresent = [\"cherwell\", \"oxford-city\"]\n";
    let dir = with_record("oxfordshire-board", record);
    let r = audit_in(dir.path(), &["oxfordshire-board", "--year", "2014"], 0);
    for rule in ["frequency", "notice", "quorum", "public-meeting", "review"] {
        assert_rule(&r, rule, "skip", None);
        assert!(finding(&r, rule)["clause"].is_null(), "{rule}");
    }
    assert_rule(&r, "chair-election", "skip", Some("4"));
}

// ---- input errors --------------------------------------------------------------------

#[test]
fn no_record_is_exit_2_with_a_clear_message() {
    tor()
        .args(["audit", "sefton-scp", "--year", "2012"])
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("no record of meetings")
                .and(predicate::str::contains("--record")),
        );
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        bundled_dir().join("sefton-scp.toml"),
        dir.path().join("sefton-scp.toml"),
    )
    .unwrap();
    tor()
        .arg("--dir")
        .arg(dir.path())
        .args(["audit", "sefton-scp", "--year", "2012"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("sefton-scp.meetings.toml"));
    tor()
        .args([
            "audit",
            "sefton-scp",
            "--year",
            "2012",
            "--record",
            "/no/such/file.toml",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot read"));
}

#[test]
fn a_malformed_record_is_exit_2_with_its_place() {
    let dir = with_record(
        "sefton-scp",
        "[[meeting]]\ndate = 2012-03-01\npresent = [\"polce-force\"]\n",
    );
    tor()
        .arg("--dir")
        .arg(dir.path())
        .args(["audit", "sefton-scp", "--year", "2012"])
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("sefton-scp.meetings.toml:3:")
                .and(predicate::str::contains("police-force")),
        );
    tor()
        .args(["audit", "sefton-scp", "--year", "12345", "--record"])
        .arg(root().join("examples/records/sefton-scp.meetings.toml"))
        .assert()
        .code(2);
}

// ---- the HTML page -------------------------------------------------------------------

fn html(dir: &Path, name: &str) -> String {
    let path = dir.join(name);
    tor()
        .arg("--dir")
        .arg(dir)
        .args(["audit", "sefton-scp", "--year", "2013", "--html"])
        .arg(&path)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("wrote"));
    std::fs::read_to_string(&path).expect("the page is written")
}

#[test]
fn html_is_self_contained_escaped_and_shows_the_failure() {
    let dir = with_record("sefton-scp", &sefton_gap());
    let page = html(dir.path(), "audit.html");
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert!(page.contains("<title>Sefton Safer Communities Partnership"));
    assert!(page.contains("Did not comply"));
    assert!(page.contains("Meeting Arrangements 1"));
    assert!(
        page.contains("2013-Q3: no meeting"),
        "the empty quarter is marked"
    );
    assert!(page.contains("class=\"month gap\""));
    // A meeting's start is read from the typed time, in the partnership's zone.
    assert!(page.contains("<br><span class=\"note\">18:30</span>"));
    // Legend and letters, so it reads in print and greyscale.
    for key in [
        "meeting held",
        "papers due out",
        "bank holiday",
        ">H<",
        ">P<",
    ] {
        assert!(page.contains(key), "{key}");
    }
    // No scripts, no external assets; the record's markup is escaped.
    assert!(!page.contains("<script"), "no script");
    assert!(
        page.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Bootle&#39;")
    );
    for external in ["src=", "href=", "@import", "url("] {
        assert!(!page.contains(external), "{external}");
    }
}

#[test]
fn html_is_not_overwritten_without_force() {
    let dir = with_record("sefton-scp", &sefton_gap());
    let path = dir.path().join("audit.html");
    std::fs::write(&path, "keep").unwrap();
    tor()
        .arg("--dir")
        .arg(dir.path())
        .args(["audit", "sefton-scp", "--year", "2013", "--html"])
        .arg(&path)
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("already exists").and(predicate::str::contains("--force")),
        );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "keep");
    tor()
        .arg("--dir")
        .arg(dir.path())
        .args(["audit", "sefton-scp", "--year", "2013", "--force", "--html"])
        .arg(&path)
        .assert()
        .code(1);
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .starts_with("<!DOCTYPE html>")
    );
}

/// The first Chromium on PATH.
fn chromium() -> Option<&'static str> {
    ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find(|name| {
            Command::new(name)
                .arg("--version")
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status()
                .is_ok_and(|s| s.success())
        })
}

/// Runs `cmd`, killing it if it takes longer than `limit`.
fn run_bounded(cmd: &mut Command, limit: Duration) -> ExitStatus {
    let mut child = cmd.spawn().expect("chromium starts");
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().expect("wait for chromium") {
            return status;
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("chromium took longer than {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

fn headless(browser: &str, profile: &Path) -> Command {
    let mut cmd = Command::new(browser);
    cmd.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--enable-logging=stderr",
        "--v=0",
    ])
    .arg(format!("--user-data-dir={}", profile.display()))
    .stdin(Stdio::null());
    cmd
}

/// CI installs Debian's chromium and sets TOR_REQUIRE_CHROMIUM, so this cannot
/// pass by skipping there.
#[test]
fn html_renders_in_headless_chromium_without_console_errors() {
    let Some(browser) = chromium() else {
        assert!(
            std::env::var_os("TOR_REQUIRE_CHROMIUM").is_none(),
            "chromium is required (TOR_REQUIRE_CHROMIUM is set) but not installed"
        );
        return;
    };
    let dir = with_record("sefton-scp", &sefton_gap());
    html(dir.path(), "audit.html");
    let url = format!("file://{}", dir.path().join("audit.html").display());
    let profile = tempfile::tempdir().unwrap();
    let png = dir.path().join("audit.png");
    let log = dir.path().join("chromium.log");
    let status = run_bounded(
        headless(browser, profile.path())
            .arg(format!("--screenshot={}", png.display()))
            .arg("--window-size=1280,2000")
            .arg(&url)
            .stdout(Stdio::null())
            .stderr(File::create(&log).unwrap()),
        Duration::from_secs(120),
    );
    let stderr = std::fs::read_to_string(&log).unwrap_or_default();
    assert!(status.success(), "chromium failed: {stderr}");
    let bytes = std::fs::read(&png).expect("a screenshot");
    assert!(
        bytes.len() > 10_000,
        "a real picture, not {} bytes",
        bytes.len()
    );
    assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n"), "a PNG");
    for bad in ["Uncaught", "CONSOLE"] {
        assert!(!stderr.contains(bad), "console message in: {stderr}");
    }
    // The DOM Chromium built holds the verdict and the clause, and the record's
    // markup stayed text.
    let dom = dir.path().join("dom.html");
    let status = run_bounded(
        headless(browser, profile.path())
            .arg("--dump-dom")
            .arg(&url)
            .stdout(File::create(&dom).unwrap())
            .stderr(File::create(&log).unwrap()),
        Duration::from_secs(120),
    );
    assert!(status.success());
    let dom = std::fs::read_to_string(&dom).unwrap();
    assert!(dom.contains("Did not comply"), "{dom}");
    assert!(dom.contains("Meeting Arrangements 1"));
    assert!(dom.contains("2013-Q3: no meeting"));
    assert!(!dom.contains("<script"), "no script element");
    let stderr = std::fs::read_to_string(&log).unwrap_or_default();
    assert!(!stderr.contains("CONSOLE"), "{stderr}");
}

// ---- the example records -------------------------------------------------------------

/// Each example record validates beside its ToR and audits without an input error.
#[test]
fn example_records_validate_and_audit() {
    let examples = root().join("examples/records");
    for entry in std::fs::read_dir(&examples).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_str().unwrap().to_owned();
        let Some(id) = name.strip_suffix(".meetings.toml") else {
            continue;
        };
        let text = std::fs::read_to_string(&path).unwrap();
        let dir = with_record(id, &text);
        let out = tor()
            .args(["validate", "--format", "json", "--as-of", "2012-06-01"])
            .arg(dir.path().join(&name))
            .assert()
            .get_output()
            .stdout
            .clone();
        assert_eq!(
            json(&out)["errors"],
            0,
            "{name}: {}",
            String::from_utf8_lossy(&out)
        );
        let year = text
            .lines()
            .find_map(|l| {
                l.split_once("= ")
                    .map(|(_, v)| v)
                    .filter(|v| v.starts_with("20"))
            })
            .map(|v| v[..4].to_owned())
            .expect("a dated meeting");
        let code = tor()
            .arg("--dir")
            .arg(dir.path())
            .args(["audit", id, "--year", &year])
            .assert()
            .get_output()
            .status
            .code();
        assert!(matches!(code, Some(0 | 1)), "{name}: exit {code:?}");
        // The command line given in the file's comment is the one that works.
        assert!(
            text.contains(&format!("tor audit {id} --year"))
                || text.contains(&format!("tor check-meeting {id}")),
            "{name} shows how to use it"
        );
    }
}

/// A gap between meetings that an "every N months" rule finds too long reads
/// as two UK dates in human output and on the page; JSON keeps the ISO label.
#[test]
fn a_gap_too_long_is_labelled_by_its_dates() {
    let text = std::fs::read_to_string(
        root().join("examples/records/oxfordshire-business-group.meetings.toml"),
    )
    .expect("example record");
    // Without the cancellation (4.1), March to June is too long a gap.
    let start = text.find("[[cancelled]]").expect("a cancellation");
    let end = start + text[start..].find("[[meeting]]").expect("a later meeting");
    let dir = tempfile::tempdir().expect("temp dir");
    let record = dir.path().join("gap.meetings.toml");
    std::fs::write(&record, format!("{}{}", &text[..start], &text[end..])).expect("write");
    let args = |extra: &[&str]| {
        let mut a = vec![
            "audit".to_owned(),
            "oxfordshire-business-group".to_owned(),
            "--year".to_owned(),
            "2012".to_owned(),
            "--record".to_owned(),
            record.display().to_string(),
        ];
        a.extend(extra.iter().map(|s| (*s).to_owned()));
        a
    };
    let human = tor().args(args(&[])).output().expect("tor runs");
    assert_eq!(human.status.code(), Some(1));
    let human = String::from_utf8_lossy(&human.stdout);
    assert!(
        human.contains("Thu 8 Mar 2012 to Thu 28 Jun 2012"),
        "{human}"
    );
    assert!(!human.contains("2012-03-08 to 2012-06-28"), "{human}");

    let report = json(
        &tor()
            .args(args(&["--format", "json"]))
            .output()
            .expect("tor runs")
            .stdout,
    );
    assert_eq!(report["periods"][0]["label"], "2012-03-08 to 2012-06-28");

    let page = tor()
        .args(args(&["--html", "-"]))
        .output()
        .expect("tor runs");
    let page = String::from_utf8_lossy(&page.stdout);
    assert!(
        page.contains("too long without a meeting"),
        "the calendar marks the gap"
    );
    assert!(
        page.contains("8 Mar 2012 to"),
        "the period table names the gap by its days"
    );
}

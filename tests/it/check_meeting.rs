//! `tor check-meeting` through the binary: the SPEC scenarios, at least six per
//! bundled partnership (passing and failing), the record of held meetings, the
//! `--meeting` file and the example files.

use crate::common;

use std::path::{Path, PathBuf};

use crate::common::{bundled_dir, dir_with, finding, tor};
use predicates::prelude::*;
use serde_json::Value;

/// Runs `tor check-meeting ARGS --format json`, asserts the exit code, returns the report.
fn check(args: &[&str], code: i32) -> Value {
    common::run_json(None, "check-meeting", args, code)
}

/// As [`check`], with the ToR folder `dir`.
fn check_in(dir: &Path, args: &[&str], code: i32) -> Value {
    common::run_json(Some(dir), "check-meeting", args, code)
}

fn status<'a>(report: &'a Value, rule: &str) -> &'a str {
    finding(report, rule)["status"].as_str().expect("status")
}

fn message<'a>(report: &'a Value, rule: &str) -> &'a str {
    finding(report, rule)["message"].as_str().expect("message")
}

fn clause<'a>(report: &'a Value, rule: &str) -> &'a str {
    finding(report, rule)["clause"].as_str().unwrap_or("")
}

/// Asserts `rule` has `want` status (and clause, where given).
fn assert_rule(report: &Value, rule: &str, want: &str, want_clause: Option<&str>) {
    assert_eq!(status(report, rule), want, "{rule}: {report:#}");
    if let Some(c) = want_clause {
        assert_eq!(clause(report, rule), c, "{rule}: {report:#}");
    }
}

/// The runs the human output of a check with exit `code`.
fn human(args: &[&str], code: i32) -> String {
    let out = tor()
        .arg("check-meeting")
        .args(args)
        .assert()
        .code(code)
        .get_output()
        .stdout
        .clone();
    String::from_utf8(out).expect("utf-8")
}

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

/// As [`with_record`], with `edit` applied to the ToR file of `id`.
fn with_edited_tor(id: &str, record: &str, edit: impl Fn(String) -> String) -> tempfile::TempDir {
    let dir = with_record(id, record);
    let path = dir.path().join(format!("{id}.toml"));
    let text = std::fs::read_to_string(&path).expect("read ToR");
    let edited = edit(text.clone());
    assert_ne!(edited, text, "the edit must change the ToR");
    std::fs::write(&path, edited).expect("write ToR");
    dir
}

fn example(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples")
        .join(path)
}

const SEFTON_QUORATE: [&str; 7] = [
    "sefton-scp",
    "--at",
    "2012-12-06T14:00",
    "--circulated",
    "2012-11-29",
    "--attendees",
    "local-authority,police-force,fire-rescue",
];

// ---- JSON shape and human output ----------------------------------------------

#[test]
fn json_has_the_spec_fields_and_every_rule() {
    let r = check(&SEFTON_QUORATE, 0);
    assert_eq!(r["partnership"], "sefton-scp");
    assert_eq!(r["at"], "2012-12-06T14:00+00:00");
    assert_eq!(r["valid"], true);
    for rule in [
        "notice",
        "extraordinary-notice",
        "quorum",
        "chair",
        "public-access",
        "frequency",
        "public-meeting",
        "standing-items",
        "membership",
    ] {
        let f = finding(&r, rule);
        for key in ["rule", "clause", "status", "message"] {
            assert!(f.get(key).is_some(), "{rule} lacks {key}: {f}");
        }
    }
    let d = &r["deadlines"];
    assert_eq!(d["circulate_by"], "2012-11-29");
    assert!(d["extraordinary_notice_by"].is_null());
    assert!(d["minutes_by"].is_null());
}

#[test]
fn human_output_starts_with_the_verdict() {
    let out = human(&SEFTON_QUORATE, 0);
    let first = out.lines().next().expect("a line");
    assert_eq!(
        first,
        "VALID so far: sefton-scp meeting at Thu 6 Dec 2012 14:00: 4 rules the ToR states were not checked (chair, public-meeting, frequency, standing-items) — give --chair, --item, --record or --previous"
    );
    assert!(out.contains("Meeting Arrangements 6"), "{out}");
    assert!(
        out.contains("papers out Thu 29 Nov 2012, by the deadline Thu 29 Nov 2012"),
        "{out}"
    );
    assert!(
        !out.contains("2012-11-29"),
        "no ISO date in the prose: {out}"
    );

    let out = human(
        &[
            "sefton-scp",
            "--at",
            "2012-12-06T14:00",
            "--circulated",
            "2012-11-30",
            "--attendees",
            "local-authority,cvs",
        ],
        1,
    );
    let first = out.lines().next().expect("a line");
    assert!(
        first.starts_with("NOT VALID") && first.ends_with("2 rules fail (notice, quorum)"),
        "{first}"
    );
}

// ---- sefton-scp -------------------------------------------------------------------

#[test]
fn sefton_notice_and_quorum_pass() {
    let r = check(&SEFTON_QUORATE, 0);
    assert_rule(&r, "notice", "pass", Some("Meeting Arrangements 6"));
    assert_rule(&r, "quorum", "pass", Some("Membership 5"));
    assert_rule(&r, "membership", "pass", None);
    // History rules without a record are skipped, never passed.
    for rule in ["frequency", "public-meeting", "standing-items"] {
        assert_rule(&r, rule, "skip", None);
    }
}

#[test]
fn sefton_papers_a_day_late_fail_notice() {
    let mut args = SEFTON_QUORATE;
    args[4] = "2012-11-30";
    let r = check(&args, 1);
    assert_rule(&r, "notice", "fail", Some("Meeting Arrangements 6"));
    assert!(message(&r, "notice").contains("2012-11-29"));
    assert_eq!(r["valid"], false);
}

#[test]
fn sefton_co_opted_members_do_not_make_a_quorum() {
    let mut args = SEFTON_QUORATE;
    args[6] = "local-authority,police-force,cvs";
    let r = check(&args, 1);
    assert_rule(&r, "quorum", "fail", Some("Membership 5"));
    let m = message(&r, "quorum");
    assert!(
        m.contains("2 responsible-authority") && m.contains("at least 3"),
        "{m}"
    );
    assert!(m.contains("cvs"), "{m}");
}

#[test]
fn sefton_police_authority_after_abolition() {
    let r = check(
        &[
            "sefton-scp",
            "--at",
            "2013-01-10T14:00",
            "--attendees",
            "police-authority,local-authority,police-force",
        ],
        1,
    );
    assert_rule(&r, "quorum", "fail", None);
    assert_rule(&r, "membership", "fail", Some("Membership 2"));
    let m = message(&r, "membership");
    assert!(
        m.contains("police-authority") && m.contains("2012-11-21"),
        "{m}"
    );
    // The day before abolition it still counted.
    let r = check(
        &[
            "sefton-scp",
            "--at",
            "2012-11-21T14:00",
            "--attendees",
            "police-authority,local-authority,police-force",
        ],
        0,
    );
    assert_rule(&r, "quorum", "pass", None);
    assert_rule(&r, "membership", "pass", None);
}

#[test]
fn sefton_allows_no_substitutes_and_no_deputy_chair() {
    let r = check(
        &[
            "sefton-scp",
            "--at",
            "2012-12-06T14:00",
            "--attendees",
            "local-authority,police-force",
            "--substitute",
            "fire-rescue",
            "--chair",
            "deputy",
        ],
        1,
    );
    assert_rule(&r, "membership", "fail", None);
    assert!(message(&r, "membership").contains("fire-rescue"));
    // The substitute does not count towards the quorum either.
    assert_rule(&r, "quorum", "fail", None);
    assert_rule(&r, "chair", "fail", Some("Membership 1"));
}

#[test]
fn sefton_public_meeting_needs_every_responsible_authority() {
    let args = [
        "sefton-scp",
        "--at",
        "2013-06-06T18:30",
        "--public",
        "--attendees",
        "local-authority,police-force,public-health,fire-rescue",
    ];
    let r = check(&args, 1);
    assert_rule(&r, "public-meeting", "fail", Some("Responsibilities 4"));
    assert!(message(&r, "public-meeting").contains("probation"));
    // No access rule, but the public-meetings rule allows it.
    assert_rule(&r, "public-access", "pass", Some("Responsibilities 4"));
    let r = check(
        &[
            "sefton-scp",
            "--at",
            "2013-06-06T18:30",
            "--public",
            "--attendees",
            "local-authority,police-force,public-health,fire-rescue,probation",
        ],
        0,
    );
    assert_rule(&r, "public-meeting", "pass", None);
}

const SEFTON_RECORD: &str = r#"
[[meeting]]
date = 2012-03-01
present = ["local-authority", "police-force", "fire-rescue"]
items = ["Prevent", "Domestic Violence"]

[[meeting]]
at = 2012-06-07T18:30:00
public = true
present = ["local-authority", "police-force", "police-authority", "public-health", "fire-rescue", "probation"]
items = ["asb", "IOM"]
"#;

#[test]
fn sefton_quarter_without_a_meeting_fails_frequency() {
    let dir = with_record("sefton-scp", SEFTON_RECORD);
    let r = check_in(dir.path(), &["sefton-scp", "--at", "2012-12-06T14:00"], 1);
    assert_rule(&r, "frequency", "fail", Some("Meeting Arrangements 1"));
    let m = message(&r, "frequency");
    assert!(m.contains("2012-Q3") && !m.contains("2012-Q2"), "{m}");
    // Meeting in the next quarter after June is in time.
    let r = check_in(dir.path(), &["sefton-scp", "--at", "2012-09-13T14:00"], 0);
    assert_rule(&r, "frequency", "pass", Some("Meeting Arrangements 1"));
}

#[test]
fn sefton_previous_stands_in_for_a_record() {
    let r = check(
        &[
            "sefton-scp",
            "--at",
            "2012-12-06T14:00",
            "--previous",
            "2012-06-07",
        ],
        1,
    );
    assert_rule(&r, "frequency", "fail", Some("Meeting Arrangements 1"));
    assert!(message(&r, "frequency").contains("2012-Q3"));
    let r = check(
        &[
            "sefton-scp",
            "--at",
            "2012-12-06T14:00",
            "--previous",
            "2012-09-13",
        ],
        0,
    );
    assert_rule(&r, "frequency", "pass", None);
    // A record needs more than a date: the yearly public meeting stays unjudged.
    assert_rule(&r, "public-meeting", "skip", None);
}

#[test]
fn sefton_staggered_standing_items() {
    let dir = with_record("sefton-scp", SEFTON_RECORD);
    let base = ["sefton-scp", "--at", "2012-09-13T14:00"];
    let r = check_in(dir.path(), &[&base[..], &["--item", "YOS"]].concat(), 0);
    assert_rule(&r, "standing-items", "warn", Some("Meeting Arrangements 8"));
    let m = message(&r, "standing-items");
    assert!(
        m.contains("Hate Crime") && m.contains("Opportunities"),
        "{m}"
    );
    assert!(!m.contains("\"ASB\"") && !m.contains("\"YOS\""), "{m}");
    let all = [
        "--item",
        "YOS",
        "--item",
        "hate crime",
        "--item",
        "Opportunities and Challenges facing each Responsible Authority",
    ];
    let r = check_in(dir.path(), &[&base[..], &all].concat(), 0);
    assert_rule(&r, "standing-items", "pass", None);
}

#[test]
fn standing_items_on_every_agenda_when_not_staggered() {
    let dir = with_edited_tor("sefton-scp", "", |t| {
        t.replace("staggered = true", "staggered = false")
    });
    let all = [
        "Prevent",
        "Domestic Violence",
        "ASB",
        "IOM",
        "Opportunities and Challenges facing each Responsible Authority",
        "YOS",
        "Hate Crime",
    ];
    let mut args = vec!["sefton-scp", "--at", "2012-12-06T14:00"];
    for item in &all[1..] {
        args.extend(["--item", item]);
    }
    let r = check_in(dir.path(), &args, 1);
    assert_rule(&r, "standing-items", "fail", Some("Meeting Arrangements 8"));
    assert!(message(&r, "standing-items").contains("Prevent"));
    args.extend(["--item", "PREVENT"]);
    let r = check_in(dir.path(), &args, 0);
    assert_rule(&r, "standing-items", "pass", None);
}

#[test]
fn a_municipal_year_counts_from_its_own_start() {
    // Richmond's ten meetings counted over a year starting on 1 May.
    let record: String = (0..10)
        .map(|i| {
            let (y, m) = if i < 8 { (2008, 5 + i) } else { (2009, i - 7) };
            format!("[[meeting]]\ndate = {y}-{m:02}-08\n\n")
        })
        .collect();
    let dir = with_edited_tor("richmond-strategy-group", &record, |t| {
        t.replace("per = \"year\"", "per = \"year\"\nyear_starts = \"05-01\"")
    });
    let r = check_in(
        dir.path(),
        &["richmond-strategy-group", "--at", "2009-04-16T18:00"],
        1,
    );
    assert_rule(&r, "frequency", "fail", Some("7"));
    assert!(message(&r, "frequency").contains("2008/09"), "{r:#}");
    let r = check_in(
        dir.path(),
        &["richmond-strategy-group", "--at", "2009-05-14T18:00"],
        0,
    );
    assert!(message(&r, "frequency").contains("1 of 10"), "{r:#}");
}

#[test]
fn sefton_yearly_public_meeting_from_the_record() {
    let dir = with_record("sefton-scp", SEFTON_RECORD);
    let r = check_in(dir.path(), &["sefton-scp", "--at", "2012-09-13T14:00"], 0);
    assert_rule(&r, "public-meeting", "pass", Some("Responsibilities 4"));
    assert!(message(&r, "public-meeting").contains("2012-06-07"));
    // A new year has had no public meeting yet: a warning, not a failure (the
    // meeting fails on frequency: nothing since June).
    let r = check_in(dir.path(), &["sefton-scp", "--at", "2013-01-10T14:00"], 1);
    assert_rule(&r, "public-meeting", "warn", None);
    assert!(message(&r, "public-meeting").contains("2013-12-31"));
    assert_eq!(
        r["findings"]
            .as_array()
            .expect("findings")
            .iter()
            .filter(|f| f["status"] == "fail")
            .count(),
        1
    );
}

#[test]
fn sefton_example_record() {
    let record = example("records/sefton-scp.meetings.toml");
    let out = tor()
        .args(["validate"])
        .arg(bundled_dir())
        .assert()
        .get_output()
        .status
        .code();
    assert_eq!(
        out,
        Some(0),
        "bundled ToRs must stay valid beside the record"
    );
    let r = check(
        &[
            "sefton-scp",
            "--at",
            "2012-12-06T14:00",
            "--circulated",
            "2012-11-29",
            "--attendees",
            "local-authority,police-force,fire-rescue",
            "--item",
            "Hate Crime",
            "--record",
            record.to_str().expect("utf-8 path"),
        ],
        0,
    );
    assert_rule(&r, "frequency", "pass", None);
    assert_rule(&r, "public-meeting", "pass", None);
    assert_rule(&r, "standing-items", "pass", None);
    // A quarter later with no meeting in 2013-Q1: fails.
    let r = check(
        &[
            "sefton-scp",
            "--at",
            "2013-04-11T14:00",
            "--record",
            record.to_str().expect("utf-8 path"),
        ],
        1,
    );
    assert_rule(&r, "frequency", "fail", Some("Meeting Arrangements 1"));
    assert!(message(&r, "frequency").contains("2012-Q4"));
}

#[test]
fn a_bad_record_is_refused_with_its_place() {
    let dir = with_record(
        "sefton-scp",
        "[[meeting]]\ndate = 2013-03-07\npresent = [\"local-authority\", \"polise-force\"]\n",
    );
    tor()
        .arg("--dir")
        .arg(dir.path())
        .args(["check-meeting", "sefton-scp", "--at", "2013-06-06T14:00"])
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("sefton-scp.meetings.toml:3:31")
                .and(predicate::str::contains("did you mean `police-force`")),
        );
    let dir = with_record(
        "sefton-scp",
        "[[meeting]]\ndate = 2013-03-07\npresent = [\"police-authority\"]\n",
    );
    tor()
        .arg("--dir")
        .arg(dir.path())
        .args(["check-meeting", "sefton-scp", "--at", "2013-06-06T14:00"])
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("not-a-member")
                .and(predicate::str::contains("2012-11-21"))
                .and(predicate::str::contains(":3:12")),
        );
    let dir = with_record("sefton-scp", "[[meeting]]\ndate = 2013-03-07\nwhen = 1\n");
    tor()
        .arg("--dir")
        .arg(dir.path())
        .args(["check-meeting", "sefton-scp", "--at", "2013-06-06T14:00"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("sefton-scp.meetings.toml:3:1"));
}

#[test]
fn sefton_example_meeting_files() {
    let quarterly = example("meetings/sefton-quarterly.toml");
    let r = check(
        &[
            "sefton-scp",
            "--meeting",
            quarterly.to_str().expect("utf-8"),
        ],
        0,
    );
    assert_rule(&r, "notice", "pass", None);
    assert_rule(&r, "quorum", "pass", None);
    assert_rule(&r, "chair", "pass", None);
    let public = example("meetings/sefton-public.toml");
    let r = check(
        &["sefton-scp", "--meeting", public.to_str().expect("utf-8")],
        1,
    );
    assert_rule(&r, "public-meeting", "fail", Some("Responsibilities 4"));
}

// ---- richmond-strategy-group ----------------------------------------------------------

#[test]
fn richmond_notice_across_the_may_bank_holiday() {
    let r = check(
        &[
            "richmond-strategy-group",
            "--at",
            "2008-05-08T18:00",
            "--circulated",
            "2008-05-05",
        ],
        1,
    );
    assert_rule(&r, "notice", "fail", Some("8"));
    assert!(message(&r, "notice").contains("2008-05-02"));
    let r = check(
        &[
            "richmond-strategy-group",
            "--at",
            "2008-05-08T18:00",
            "--circulated",
            "2008-05-02T17:30",
        ],
        0,
    );
    assert_rule(&r, "notice", "pass", Some("8"));
    assert_eq!(r["deadlines"]["minutes_by"], "2008-05-22");
}

fn richmond_record(meetings: usize) -> String {
    (1..=meetings)
        .map(|m| format!("[[meeting]]\ndate = 2009-{m:02}-08\n\n"))
        .collect()
}

#[test]
fn richmond_eleventh_meeting_of_the_year_fails() {
    let dir = with_record("richmond-strategy-group", &richmond_record(10));
    let r = check_in(
        dir.path(),
        &["richmond-strategy-group", "--at", "2009-11-12T18:00"],
        1,
    );
    assert_rule(&r, "frequency", "fail", Some("7"));
    assert!(message(&r, "frequency").contains("meeting 11"));
}

#[test]
fn richmond_tenth_meeting_of_the_year_passes() {
    let dir = with_record("richmond-strategy-group", &richmond_record(9));
    let r = check_in(
        dir.path(),
        &["richmond-strategy-group", "--at", "2009-10-15T18:00"],
        0,
    );
    assert_rule(&r, "frequency", "pass", Some("7"));
    assert!(message(&r, "frequency").contains("10 of 10"));
    // A new year starts the count again.
    let dir = with_record("richmond-strategy-group", &richmond_record(10));
    let r = check_in(
        dir.path(),
        &["richmond-strategy-group", "--at", "2010-01-14T18:00"],
        0,
    );
    assert!(message(&r, "frequency").contains("1 of 10"));
}

#[test]
fn richmond_substitutes_need_advance_notice() {
    let file = example("meetings/richmond-substitutes.toml");
    let r = check(
        &[
            "richmond-strategy-group",
            "--meeting",
            file.to_str().expect("utf-8"),
        ],
        0,
    );
    assert_rule(&r, "membership", "warn", Some("3.3"));
    assert!(message(&r, "membership").contains("primary-care-trust"));
    // `previous` alone cannot count a year's meetings.
    assert_rule(&r, "frequency", "skip", None);
    let r = check(
        &[
            "richmond-strategy-group",
            "--at",
            "2008-06-12T18:00",
            "--attendees",
            "richmond-council",
            "--substitute",
            "london-fire-brigade",
            "--notified",
            "london-fire-brigade",
        ],
        0,
    );
    assert_rule(&r, "membership", "pass", None);
}

#[test]
fn richmond_vice_chair_and_public_meeting() {
    let r = check(
        &[
            "richmond-strategy-group",
            "--at",
            "2008-06-12T18:00",
            "--chair",
            "deputy",
            "--public",
            "--joint-with",
            "Community Police Partnership",
        ],
        0,
    );
    assert_rule(&r, "chair", "pass", Some("3.2"));
    assert_rule(&r, "public-access", "pass", Some("5 (Accountability)"));
    assert_rule(&r, "public-meeting", "pass", Some("5 (Accountability)"));
    let r = check(
        &[
            "richmond-strategy-group",
            "--at",
            "2008-06-12T18:00",
            "--chair",
            "absent",
        ],
        1,
    );
    assert_rule(&r, "chair", "fail", Some("3.2"));
}

#[test]
fn richmond_unknown_member_suggests_the_nearest() {
    tor()
        .args([
            "check-meeting",
            "richmond-strategy-group",
            "--at",
            "2008-06-12T18:00",
            "--attendees",
            "richmond-counsil",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("did you mean `richmond-council`"));
}

// ---- oxfordshire-business-group ---------------------------------------------------------

#[test]
fn oxfordshire_meetings_are_closed_to_the_public() {
    let r = check(
        &[
            "oxfordshire-business-group",
            "--at",
            "2012-12-06T14:00",
            "--public",
        ],
        1,
    );
    assert_rule(&r, "public-access", "fail", Some("4.2"));
    let r = check(
        &["oxfordshire-business-group", "--at", "2012-12-06T14:00"],
        0,
    );
    assert_rule(&r, "public-access", "pass", Some("4.2"));
}

#[test]
fn oxfordshire_extraordinary_notice_across_the_autumn_change() {
    let r = check(
        &[
            "oxfordshire-business-group",
            "--extraordinary",
            "--at",
            "2026-10-25T14:00",
            "--circulated",
            "2026-10-23T14:30",
        ],
        0,
    );
    assert_rule(&r, "extraordinary-notice", "pass", Some("4.4"));
    assert!(message(&r, "extraordinary-notice").contains("48.5"));
    // The urgent-meeting rule replaces the 5 working days.
    assert_rule(&r, "notice", "skip", None);
}

#[test]
fn oxfordshire_extraordinary_notice_across_the_spring_change() {
    let r = check(
        &[
            "oxfordshire-business-group",
            "--extraordinary",
            "--at",
            "2027-03-28T14:45",
            "--circulated",
            "2027-03-26T14:30",
        ],
        1,
    );
    assert_rule(&r, "extraordinary-notice", "fail", Some("4.4"));
    assert!(message(&r, "extraordinary-notice").contains("47.25"));
}

#[test]
fn oxfordshire_hours_rule_refuses_a_bare_date() {
    tor()
        .args([
            "check-meeting",
            "oxfordshire-business-group",
            "--extraordinary",
            "--at",
            "2027-03-28T14:45",
            "--circulated",
            "2027-03-25",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("48 hours").and(predicate::str::contains("time")));
}

#[test]
fn oxfordshire_ordinary_notice_is_five_working_days() {
    let base = ["oxfordshire-business-group", "--at", "2012-12-06T14:00"];
    let r = check(&[&base[..], &["--circulated", "2012-11-29"]].concat(), 0);
    assert_rule(&r, "notice", "pass", Some("4.3"));
    assert_rule(&r, "extraordinary-notice", "skip", None);
    let r = check(&[&base[..], &["--circulated", "2012-11-30"]].concat(), 1);
    assert_rule(&r, "notice", "fail", Some("4.3"));
}

const OXFORD_RECORD: &str = r"
[[meeting]]
date = 2012-01-12

[[cancelled]]
date = 2012-03-08
consulted = true
";

#[test]
fn oxfordshire_every_two_months_with_a_cancellation() {
    // Due by 2012-03-12; the March meeting was cancelled after consulting
    // members, so the next is due by 2012-05-08.
    let dir = with_record("oxfordshire-business-group", OXFORD_RECORD);
    let r = check_in(
        dir.path(),
        &["oxfordshire-business-group", "--at", "2012-05-03T14:00"],
        0,
    );
    assert_rule(&r, "frequency", "pass", Some("4.1"));
    assert!(message(&r, "frequency").contains("cancelled"), "{r:#}");
    // Too late even so.
    let r = check_in(
        dir.path(),
        &["oxfordshire-business-group", "--at", "2012-05-10T14:00"],
        1,
    );
    assert_rule(&r, "frequency", "fail", Some("4.1"));
    // Without consulting members the cancellation does not count.
    let dir = with_record(
        "oxfordshire-business-group",
        &OXFORD_RECORD.replace("consulted = true", "consulted = false"),
    );
    let r = check_in(
        dir.path(),
        &["oxfordshire-business-group", "--at", "2012-05-03T14:00"],
        1,
    );
    assert_rule(&r, "frequency", "fail", Some("4.1"));
    assert!(message(&r, "frequency").contains("consulting"));
}

#[test]
fn oxfordshire_every_two_months_from_previous() {
    let base = ["oxfordshire-business-group", "--at"];
    // 31 December + 2 months is the last day of February.
    let r = check(
        &[&base[..], &["2013-02-28T14:00", "--previous", "2012-12-31"]].concat(),
        0,
    );
    assert_rule(&r, "frequency", "pass", Some("4.1"));
    let r = check(
        &[&base[..], &["2013-03-01T14:00", "--previous", "2012-12-31"]].concat(),
        1,
    );
    assert_rule(&r, "frequency", "fail", Some("4.1"));
    assert!(message(&r, "frequency").contains("2013-02-28"));
}

#[test]
fn oxfordshire_deputies_hold_the_vote_with_notice() {
    let file = example("meetings/oxfordshire-extraordinary.toml");
    let r = check(
        &[
            "oxfordshire-business-group",
            "--meeting",
            file.to_str().expect("utf-8"),
        ],
        0,
    );
    assert_rule(&r, "extraordinary-notice", "pass", Some("4.4"));
    assert_rule(&r, "membership", "pass", None);
    assert_rule(&r, "chair", "pass", Some("3.2"));
    let r = check(
        &[
            "oxfordshire-business-group",
            "--at",
            "2012-12-06T14:00",
            "--deputy",
            "probation",
        ],
        0,
    );
    assert_rule(&r, "membership", "warn", Some("3.5"));
}

// ---- oxfordshire-board ------------------------------------------------------------------

#[test]
fn board_states_few_rules_so_most_are_skipped() {
    let r = check(
        &[
            "oxfordshire-board",
            "--at",
            "2013-02-18T14:00",
            "--circulated",
            "2013-02-01",
            "--public",
            "--previous",
            "2012-01-01",
            "--item",
            "Budget",
        ],
        0,
    );
    for rule in [
        "notice",
        "extraordinary-notice",
        "quorum",
        "public-access",
        "public-meeting",
        "frequency",
        "standing-items",
    ] {
        assert_rule(&r, rule, "skip", None);
        assert!(finding(&r, rule)["clause"].is_null(), "{rule}");
    }
    assert!(r["deadlines"]["circulate_by"].is_null());
}

#[test]
fn board_members_are_the_six_councils() {
    let r = check(
        &[
            "oxfordshire-board",
            "--at",
            "2013-02-18T14:00",
            "--attendees",
            "oxfordshire-county-council,cherwell,oxford-city,south-oxfordshire,vale-of-white-horse,west-oxfordshire",
            "--chair",
            "present",
        ],
        0,
    );
    assert_rule(&r, "membership", "pass", Some("4"));
    assert!(message(&r, "membership").contains('6'));
    assert_rule(&r, "chair", "pass", Some("4"));
}

#[test]
fn board_has_no_deputy_chair() {
    for chair in ["deputy", "absent"] {
        let r = check(
            &[
                "oxfordshire-board",
                "--at",
                "2013-02-18T14:00",
                "--chair",
                chair,
            ],
            1,
        );
        assert_rule(&r, "chair", "fail", Some("4"));
    }
}

#[test]
fn board_allows_no_stand_ins() {
    let r = check(
        &[
            "oxfordshire-board",
            "--at",
            "2013-02-18T14:00",
            "--attendees",
            "oxford-city",
            "--substitute",
            "cherwell",
        ],
        1,
    );
    assert_rule(&r, "membership", "fail", None);
    assert!(message(&r, "membership").contains("cherwell"));
}

#[test]
fn board_unknown_member_and_contradiction_are_input_errors() {
    tor()
        .args([
            "check-meeting",
            "oxfordshire-board",
            "--at",
            "2013-02-18T14:00",
            "--attendees",
            "oxford-citty",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("did you mean `oxford-city`"));
    tor()
        .args([
            "check-meeting",
            "oxfordshire-board",
            "--at",
            "2013-02-18T14:00",
            "--attendees",
            "cherwell",
            "--deputy",
            "cherwell",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "`cherwell` is named twice in contradiction",
        ));
}

#[test]
fn board_meeting_file() {
    let dir = dir_with(&[(
        "board.toml",
        b"at = 2013-02-18T14:00:00\nattendees = [\"cherwell\", \"oxford-city\"]\nchair = \"absent\"\n",
    )]);
    let path = dir.path().join("board.toml");
    let r = check(
        &[
            "oxfordshire-board",
            "--meeting",
            path.to_str().expect("utf-8"),
        ],
        1,
    );
    assert_rule(&r, "membership", "pass", None);
    assert_rule(&r, "chair", "fail", Some("4"));
}

// ---- --meeting files and input errors -----------------------------------------------------

fn meeting_file_error(body: &str, want: &[&str]) {
    let dir = dir_with(&[("m.toml", body.as_bytes())]);
    let path = dir.path().join("m.toml");
    let out = tor()
        .args(["check-meeting", "sefton-scp", "--meeting"])
        .arg(&path)
        .assert()
        .code(2)
        .stdout("")
        .get_output()
        .stderr
        .clone();
    let err = String::from_utf8(out).expect("utf-8");
    for w in want {
        assert!(err.contains(w), "stderr lacks {w:?}:\n{err}");
    }
}

#[test]
fn meeting_file_unknown_key() {
    meeting_file_error(
        "at = 2012-12-06T14:00:00\nattendes = [\"cvs\"]\n",
        &[
            "m.toml:2:1",
            "unknown key `attendes`",
            "did you mean `attendees`",
        ],
    );
}

#[test]
fn meeting_file_unknown_member_and_contradiction() {
    meeting_file_error(
        "at = 2012-12-06T14:00:00\nattendees = [\"local-autority\"]\n",
        &["m.toml:2:14", "did you mean `local-authority`"],
    );
    meeting_file_error(
        "at = 2012-12-06T14:00:00\nattendees = [\"cvs\"]\nsubstitutes = [\"cvs\"]\n",
        &["m.toml:3:16", "contradiction"],
    );
}

#[test]
fn meeting_file_bad_times() {
    meeting_file_error(
        "at = 2026-03-29T01:30:00\n",
        &["m.toml:1:6", "clocks go forward"],
    );
    meeting_file_error("at = 2012-12-06\n", &["m.toml:1:6"]);
    meeting_file_error("circulated = 2012-11-29\n", &["missing required key `at`"]);
    meeting_file_error("", &["empty"]);
}

#[test]
fn meeting_file_conflicts_with_fact_flags() {
    let file = example("meetings/sefton-quarterly.toml");
    tor()
        .args(["check-meeting", "sefton-scp", "--public", "--meeting"])
        .arg(&file)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot be used with"));
    tor()
        .args([
            "check-meeting",
            "sefton-scp",
            "--at",
            "2012-12-06T14:00",
            "--previous",
            "2012-09-13",
            "--record",
        ])
        .arg(example("records/sefton-scp.meetings.toml"))
        .assert()
        .code(2);
}

#[test]
fn a_record_and_a_previous_date_contradict() {
    let dir = dir_with(&[(
        "m.toml",
        b"at = 2012-12-06T14:00:00\nprevious = 2012-09-13\n",
    )]);
    tor()
        .args(["check-meeting", "sefton-scp", "--meeting"])
        .arg(dir.path().join("m.toml"))
        .arg("--record")
        .arg(example("records/sefton-scp.meetings.toml"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("give one"));
}

#[test]
fn a_record_beside_the_tor_is_found_and_previous_overrides_it() {
    let dir = with_record("sefton-scp", SEFTON_RECORD);
    let r = check_in(dir.path(), &["sefton-scp", "--at", "2012-12-06T14:00"], 1);
    assert!(message(&r, "frequency").contains("2012-06-07"));
    let r = check_in(
        dir.path(),
        &[
            "sefton-scp",
            "--at",
            "2012-12-06T14:00",
            "--previous",
            "2012-10-04",
        ],
        0,
    );
    assert_rule(&r, "frequency", "pass", None);
    assert_rule(&r, "public-meeting", "skip", None);
}

#[test]
fn input_errors_exit_2_without_output() {
    for args in [
        &["sefton-scp", "--at", "2026-10-25T01:30"][..],
        &["sefton-scp", "--at", "yesterday"],
        &[
            "sefton-scp",
            "--at",
            "2012-12-06T14:00",
            "--circulated",
            "soon",
        ],
        &[
            "sefton-scp",
            "--at",
            "2012-12-06T14:00",
            "--previous",
            "2012-12-06",
        ],
        &["sefton-scp"],
        &["no-such-partnership", "--at", "2012-12-06T14:00"],
    ] {
        tor()
            .arg("check-meeting")
            .args(args)
            .assert()
            .code(2)
            .stdout("")
            .stderr(
                predicate::str::starts_with("error")
                    .and(predicate::str::contains("panicked").not()),
            );
    }
}

//! Quorum fallbacks (`[quorum.fallback]`, issue 14 item 5): `--continued`
//! turns an inquorate quorum into a `warn` naming ratification where the ToR
//! allows it and fails as before where it does not; `--adjourned` passes with
//! those present where the ToR says so. Flags, files, exit codes, audit, and
//! the property that neither ever makes a quorate meeting inquorate nor, with
//! no fallback, a failing one pass.

use chrono::TimeZone;
use proptest::prelude::*;
use tor::calendar::Calendar;
use tor::engine::meeting::{History, MeetingInput, check_meeting};
use tor::engine::{FindingStatus, Held, Rule};
use tor::load::load_tor;
use tor::model::MemberId;

use crate::common::{self, dir_with, run_json};

const EXAMPLES: &str = "examples/partnerships";

fn examples() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(EXAMPLES)
}

fn quorum(r: &serde_json::Value) -> &serde_json::Value {
    r["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .find(|f| f["rule"] == "quorum")
        .expect("a quorum finding")
}

const SAFEGUARDING_INQUORATE: [&str; 5] = [
    "safeguarding-executive",
    "--at",
    "2025-10-14T10:00",
    "--attendees",
    "council,icb,schools",
];

#[test]
fn an_inquorate_safeguarding_meeting_fails_unless_the_chair_continued_it() {
    let r = run_json(
        Some(&examples()),
        "check-meeting",
        &SAFEGUARDING_INQUORATE,
        1,
    );
    let q = quorum(&r);
    assert_eq!(
        (&q["status"], &q["clause"]),
        (&"fail".into(), &"3.1".into())
    );

    let mut args = SAFEGUARDING_INQUORATE.to_vec();
    args.push("--continued");
    let r = run_json(Some(&examples()), "check-meeting", &args, 0);
    assert_eq!(r["valid"], true);
    let q = quorum(&r);
    assert_eq!(
        (&q["status"], &q["clause"]),
        (&"warn".into(), &"3.2".into())
    );
    let message = q["message"].as_str().expect("message");
    assert!(message.starts_with("not quorate: "), "{message}");
    assert!(
        message.contains("(3.2): its decisions must be ratified at the next quorate meeting"),
        "{message}"
    );
}

#[test]
fn a_vote_at_a_continued_inquorate_meeting_is_valid_with_ratification_named() {
    let vote = [
        "safeguarding-executive",
        "--at",
        "2025-10-14",
        "--for",
        "council,icb,schools",
    ];
    let r = run_json(Some(&examples()), "tally", &vote, 1);
    assert_eq!(quorum(&r)["status"], "fail");
    let mut args = vote.to_vec();
    args.push("--continued");
    let r = run_json(Some(&examples()), "tally", &args, 0);
    assert_eq!(
        (r["valid"].as_bool(), r["outcome"].as_str()),
        (Some(true), Some("carried"))
    );
    let q = quorum(&r);
    assert_eq!(
        (&q["status"], &q["clause"]),
        (&"warn".into(), &"3.2".into())
    );
    assert!(
        q["message"]
            .as_str()
            .expect("message")
            .contains("must be ratified")
    );
}

#[test]
fn continuing_where_the_tor_has_no_fallback_still_fails_and_says_so() {
    let r = run_json(
        None,
        "check-meeting",
        &[
            "sefton-scp",
            "--at",
            "2012-12-06T14:00",
            "--attendees",
            "local-authority,police-force",
            "--continued",
            "--adjourned",
        ],
        1,
    );
    let q = quorum(&r);
    assert_eq!(
        (&q["status"], &q["clause"]),
        (&"fail".into(), &"Membership 5".into())
    );
    let message = q["message"].as_str().expect("message");
    assert!(
        message.contains("the ToR does not allow an inquorate meeting to continue"),
        "{message}"
    );
    assert!(
        message.contains("does not make a reconvened adjourned meeting quorate"),
        "{message}"
    );
}

#[test]
fn a_reconvened_adjourned_meeting_is_quorate_with_those_present_where_the_tor_says_so() {
    let args = [
        "lakeside-forum",
        "--at",
        "2027-03-04T18:00",
        "--attendees",
        "northshire",
    ];
    assert_eq!(
        quorum(&run_json(Some(&examples()), "check-meeting", &args, 1))["status"],
        "fail"
    );
    let mut adjourned = args.to_vec();
    adjourned.push("--adjourned");
    let r = run_json(Some(&examples()), "check-meeting", &adjourned, 0);
    let q = quorum(&r);
    assert_eq!(
        (&q["status"], &q["clause"]),
        (&"pass".into(), &"4.2".into())
    );
    assert!(
        q["message"]
            .as_str()
            .expect("message")
            .starts_with("quorate with those present, as a reconvened adjourned meeting (4.2)"),
        "{q}"
    );
}

#[test]
fn a_meeting_file_says_continued_and_the_flag_conflicts_with_it() {
    let dir = dir_with(&[(
        "m.toml",
        b"at = 2025-10-14T10:00:00\nattendees = [\"council\", \"icb\"]\ncontinued = true\n",
    )]);
    let file = dir.path().join("m.toml");
    let file = file.to_str().expect("utf-8 path");
    let r = run_json(
        Some(&examples()),
        "check-meeting",
        &["safeguarding-executive", "--meeting", file],
        0,
    );
    assert_eq!(quorum(&r)["status"], "warn");
    common::tor()
        .args(["--dir", EXAMPLES])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args([
            "check-meeting",
            "safeguarding-executive",
            "--meeting",
            file,
            "--continued",
        ])
        .assert()
        .code(2);
}

#[test]
fn a_misspelt_fallback_key_or_keyword_is_a_positioned_error() {
    let tor = |fallback: &str| {
        format!(
            "{}\n[quorum.fallback.continue]\nclause = \"5.1\"\n{fallback}\n",
            common::MINIMAL
        )
    };
    let bad_keyword = tor("by = \"chiar\"\nratify = \"next-quorate-meeting\"");
    let bad_key = tor("by = \"chair\"\nratifiy = \"next-quorate-meeting\"");
    let dir = dir_with(&[
        ("test-group.toml", bad_keyword.as_bytes()),
        (
            "other.toml",
            bad_key.replace("test-group", "other").as_bytes(),
        ),
    ]);
    let out = common::tor()
        .arg("validate")
        .arg(dir.path())
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).expect("utf-8");
    assert!(out.contains("unknown discretion `chiar`"), "{out}");
    assert!(out.contains("did you mean `chair`"), "{out}");
    assert!(out.contains("test-group.toml:25:"), "{out}");
    assert!(out.contains("ratifiy"), "{out}");
    assert!(out.contains("other.toml:26:"), "{out}");
}

#[test]
fn audit_warns_for_the_continued_meeting_and_the_next_quorate_one_must_ratify() {
    let record = b"[[meeting]]\nat = 2025-10-14T10:00:00\npresent = [\"council\", \"icb\", \"schools\"]\ncontinued = true\n\n[[meeting]]\nat = 2025-11-11T10:00:00\npresent = [\"council\", \"police\", \"icb\"]\n";
    let dir = dir_with(&[("r.toml", record)]);
    let file = dir.path().join("r.toml");
    let r = run_json(
        Some(&examples()),
        "audit",
        &[
            "safeguarding-executive",
            "--year",
            "2025",
            "--record",
            file.to_str().expect("path"),
        ],
        // Two meetings in a year fail the frequency rule (5); the quorum does not.
        1,
    );
    let q = r["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .find(|f| f["rule"] == "quorum")
        .expect("the year's quorum");
    assert_eq!(q["status"], "warn");
    let meetings = r["meetings"].as_array().expect("meetings");
    let statuses: Vec<(&str, &str)> = meetings
        .iter()
        .map(|m| {
            let q = quorum(m);
            (
                q["status"].as_str().unwrap_or(""),
                q["clause"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(statuses, [("warn", "3.2"), ("warn", "3.1")]);
    let next = quorum(&meetings[1])["message"]
        .as_str()
        .expect("message")
        .to_owned();
    assert!(
        next.contains("must ratify the decisions taken there (3.2)"),
        "{next}"
    );
}

/// A body of `n` members, a quorum of `k`, and the fallbacks chosen.
fn body(n: usize, k: usize, continue_: bool, adjourned: bool) -> String {
    let mut s = String::from(
        "id = \"random\"\nname = \"Random\"\n\n[[classes]]\nid = \"m\"\nname = \"M\"\n",
    );
    for i in 0..n {
        s.push_str(&format!(
            "\n[[members]]\nid = \"m{i}\"\nname = \"M{i}\"\nclass = \"m\"\n"
        ));
    }
    s.push_str(&format!("\n[quorum]\nclause = \"4\"\nat_least = {k}\n"));
    if continue_ {
        s.push_str("\n[quorum.fallback.continue]\nclause = \"4.1\"\nby = \"chair\"\nratify = \"next-quorate-meeting\"\n");
    }
    if adjourned {
        s.push_str("\n[quorum.fallback.adjourned]\nclause = \"4.2\"\nquorum = \"those-present\"\n");
    }
    s
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn continued_never_makes_a_quorate_meeting_inquorate_nor_a_failing_one_pass(
        n in 1usize..7,
        k in 1usize..7,
        here in proptest::collection::vec(any::<bool>(), 7),
        continue_ in any::<bool>(),
        adjourned in any::<bool>(),
        flags in (any::<bool>(), any::<bool>()),
    ) {
        let k = k.min(n);
        let loaded = load_tor("random.toml", Some("random"), body(n, k, continue_, adjourned).as_bytes(), None);
        let tor = loaded.tor.expect("a valid body");
        let cal = Calendar::new(tor.region);
        let at = tor.timezone.with_ymd_and_hms(2026, 3, 5, 18, 0, 0).single().expect("a time");
        let mut m = MeetingInput::new(at);
        m.attendance.in_person = (0..n)
            .filter(|i| here[*i])
            .map(|i| MemberId::parse(&format!("m{i}")).expect("an id"))
            .collect();
        let status = |m: &MeetingInput| {
            check_meeting(&tor, &cal, m, History::Nothing)
                .findings
                .iter()
                .find(|f| f.rule == Rule::Quorum)
                .map(|f| f.status)
                .expect("a quorum finding")
        };
        let plain = status(&m);
        m.held = Held { continued: flags.0, adjourned: flags.1 };
        let held = status(&m);
        if plain == FindingStatus::Pass {
            prop_assert_eq!(held, FindingStatus::Pass);
        }
        // Only the ToR's own fallback can lift a failing quorum.
        let adjourned_lifts = flags.1 && adjourned;
        if plain == FindingStatus::Fail && !adjourned_lifts {
            prop_assert_ne!(held, FindingStatus::Pass);
            let warned = flags.0 && continue_;
            prop_assert_eq!(held, if warned { FindingStatus::Warn } else { FindingStatus::Fail });
        }
    }
}

#[test]
fn init_writes_the_fallbacks_and_show_describes_each_with_its_clause() {
    let out = common::tor()
        .args([
            "init",
            "test-body",
            "--name",
            "Test",
            "--member",
            "a:ra",
            "--member",
            "b:ra",
            "--quorum",
            "2",
            "--quorum-clause",
            "4",
            "--quorum-continue",
            "4.1",
            "--quorum-adjourned",
            "4.2",
            "--out",
            "-",
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).expect("utf-8");
    assert!(
        text.contains("[quorum.fallback.continue]\nclause = \"4.1\"\nby = \"chair\"\nratify = \"next-quorate-meeting\""),
        "{text}"
    );
    assert!(
        text.contains("[quorum.fallback.adjourned]\nclause = \"4.2\"\nquorum = \"those-present\""),
        "{text}"
    );
    let dir = dir_with(&[("test-body.toml", text.as_bytes())]);
    let shown = run_json(Some(dir.path()), "show", &["test-body"], 0);
    let rules = shown["rules"].as_array().expect("rules");
    let row = |name: &str| {
        rules
            .iter()
            .find(|r| r["rule"] == name)
            .unwrap_or_else(|| panic!("{name} in {shown}"))
    };
    assert_eq!(row("quorum-continued")["clause"], "4.1");
    assert_eq!(row("quorum-adjourned")["clause"], "4.2");
    assert!(
        row("quorum-continued")["summary"]
            .as_str()
            .expect("summary")
            .contains("ratified at the next quorate meeting")
    );
}

#[test]
fn init_refuses_a_fallback_without_a_quorum() {
    common::tor()
        .args([
            "init",
            "test-body",
            "--name",
            "Test",
            "--member",
            "a:ra",
            "--quorum-continue",
            "4.1",
            "--out",
            "-",
        ])
        .assert()
        .code(2);
}

#[test]
fn a_case_compares_the_clause_a_fallback_cites() {
    let tor = std::fs::read(examples().join("safeguarding-executive.toml")).expect("the example");
    let cases = |clause: &str| {
        format!(
            "[[case]]\nname = \"3.2\"\n[case.meeting]\nat = 2025-10-14T10:00:00\n\
             attendees = [\"council\", \"icb\"]\ncontinued = true\n[case.expect]\n\
             valid = true\nclauses = {{ quorum = \"{clause}\" }}\n"
        )
    };
    let right = cases("3.2");
    let wrong = cases("3.1");
    for (body, code) in [(right, 0), (wrong, 1)] {
        let dir = dir_with(&[
            ("safeguarding-executive.toml", &tor),
            ("safeguarding-executive.cases.toml", body.as_bytes()),
        ]);
        let out = common::tor()
            .arg("test")
            .arg(dir.path().join("safeguarding-executive.cases.toml"))
            .assert()
            .code(code)
            .get_output()
            .stdout
            .clone();
        let out = String::from_utf8(out).expect("utf-8");
        if code == 1 {
            assert!(
                out.contains("quorum clause: expected 3.1, got 3.2"),
                "{out}"
            );
        }
    }
}

#[test]
fn an_item_continued_inquorate_warns_and_is_still_named_as_the_first_inquorate() {
    let meeting = "at = 2025-10-14T10:00:00\nattendees = [\"council\", \"police\", \"icb\"]\n\
                   continued = true\n\n[[items]]\ntitle = \"Budget\"\nat = 2025-10-14T10:00:00\n\n\
                   [[items]]\ntitle = \"Police contract\"\nat = 2025-10-14T10:30:00\n\
                   conflicts = [\"police\"]\n";
    let dir = dir_with(&[("m.toml", meeting.as_bytes())]);
    let file = dir.path().join("m.toml");
    let r = run_json(
        Some(&examples()),
        "check-meeting",
        &[
            "safeguarding-executive",
            "--meeting",
            file.to_str().expect("path"),
        ],
        0,
    );
    assert_eq!(r["inquorate_from"], "Police contract");
    let by_item: Vec<(&str, &str, &str)> = r["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["rule"] == "quorum" && f.get("item").is_some())
        .map(|f| {
            (
                f["item"].as_str().unwrap_or(""),
                f["status"].as_str().unwrap_or(""),
                f["clause"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(
        by_item,
        [
            ("Budget", "pass", "3.1"),
            ("Police contract", "warn", "3.2")
        ]
    );
}

#[test]
fn an_empty_fallback_table_is_an_error_where_it_is_written() {
    let text = format!("{}\n[quorum.fallback]\n", common::MINIMAL);
    let dir = dir_with(&[("test-group.toml", text.as_bytes())]);
    let out = common::tor()
        .arg("validate")
        .arg(dir.path().join("test-group.toml"))
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).expect("utf-8");
    assert!(
        out.contains("`[quorum.fallback]` states no fallback"),
        "{out}"
    );
    assert!(out.contains("test-group.toml:23:1"), "{out}");
}

/// A meeting quorate at the start that the chair let continue after the police
/// left is still one whose later decisions await ratifying; and it is not
/// itself "the first quorate meeting" that ratifies an earlier one.
#[test]
fn a_meeting_that_lost_its_quorum_by_an_item_and_continued_awaits_ratifying() {
    let record = b"[[meeting]]\nat = 2025-10-14T10:00:00\npresent = [\"council\", \"police\", \"icb\"]\ncontinued = true\ndepartures = [{ member = \"police\", at = 2025-10-14T10:30:00 }]\n[[meeting.items]]\ntitle = \"Minutes\"\nat = 2025-10-14T10:00:00\n[[meeting.items]]\ntitle = \"Budget\"\nat = 2025-10-14T11:00:00\n\n[[meeting]]\nat = 2025-11-11T10:00:00\npresent = [\"council\", \"police\", \"icb\"]\n";
    let dir = dir_with(&[("r.toml", record)]);
    let file = dir.path().join("r.toml");
    let r = run_json(
        Some(&examples()),
        "audit",
        &[
            "safeguarding-executive",
            "--year",
            "2025",
            "--record",
            file.to_str().expect("path"),
        ],
        1,
    );
    let meetings = r["meetings"].as_array().expect("meetings");
    let next = quorum(&meetings[1]);
    assert_eq!(next["status"], "warn", "{next}");
    let message = next["message"].as_str().expect("message");
    assert!(
        message.contains("since the inquorate meeting continued on 2025-10-14")
            || message.contains("must ratify the decisions taken there (3.2)"),
        "{message}"
    );
}

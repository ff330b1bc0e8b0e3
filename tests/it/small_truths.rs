//! Small things the output must get right: each checked through the binary.

use predicates::prelude::*;

use crate::common::{dir_with, json, run_json, tor};

fn repo(path: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

#[test]
fn show_and_check_meeting_agree_on_the_public_access_rule() {
    for id in [
        "sefton-scp",
        "richmond-strategy-group",
        "oxfordshire-business-group",
        "oxfordshire-board",
    ] {
        let shown = run_json(None, "show", &[id, "--as-of", "2012-12-06"], 0);
        let rule = shown["rules"]
            .as_array()
            .expect("rules")
            .iter()
            .find(|r| r["rule"] == "public-access")
            .expect("a public-access row")
            .clone();
        let out = tor()
            .args([
                "check-meeting",
                id,
                "--at",
                "2012-12-06T14:00",
                "--format",
                "json",
            ])
            .output()
            .expect("runs");
        let checked = json(&out.stdout);
        let finding = checked["findings"]
            .as_array()
            .expect("findings")
            .iter()
            .find(|f| f["rule"] == "public-access")
            .expect("a public-access finding")
            .clone();
        assert_eq!(
            rule["clause"], finding["clause"],
            "{id}: {rule} / {finding}"
        );
        assert_eq!(
            rule["clause"].is_null(),
            finding["status"] == "skip",
            "{id}: stated in show exactly when check-meeting judges it"
        );
    }
}

#[test]
fn a_tally_with_no_votes_is_exit_2_like_an_empty_votes_file() {
    tor()
        .args(["tally", "sefton-scp"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no votes to count"));
    tor()
        .args([
            "tally",
            "sefton-scp",
            "--at",
            "2012-12-06",
            "--present",
            "probation",
        ])
        .assert()
        .code(2);
    let dir = dir_with(&[("at-only.toml", b"at = 2012-12-06\n"), ("empty.toml", b"")]);
    for file in ["at-only.toml", "empty.toml"] {
        tor()
            .args(["tally", "sefton-scp", "--votes"])
            .arg(dir.path().join(file))
            .assert()
            .code(2);
    }
    // A proxy is a vote.
    tor()
        .args([
            "tally",
            "oxfordshire-business-group",
            "--at",
            "2012-12-06",
            "--kind",
            "major",
            "--proxy",
            "probation=for",
        ])
        .assert()
        .code(predicate::in_iter([0, 1]));
}

#[test]
fn holidays_without_arguments_shows_this_year() {
    let year = chrono::Datelike::year(&chrono::Local::now().date_naive());
    let days = run_json(None, "holidays", &[], 0);
    let days = days.as_array().expect("a list");
    assert!(!days.is_empty());
    for d in days {
        let date = d["date"].as_str().expect("date");
        assert!(date.starts_with(&format!("{year}-")), "{date}");
    }
    // Half a range is still a usage error.
    tor()
        .args(["holidays", "--from", "2026-01-01"])
        .assert()
        .code(2);
}

#[test]
fn a_wrong_number_says_what_a_number_must_be() {
    let tor_file = crate::common::MINIMAL.replace("at_least = 2", "at_least = \"2\"");
    let dir = dir_with(&[("test-group.toml", tor_file.as_bytes())]);
    tor()
        .arg("validate")
        .arg(dir.path())
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "expected a whole number from 0 to",
        ))
        .stdout(predicate::str::contains("u32").not());
}

#[test]
fn the_audit_page_says_when_it_was_made_and_as_of_when() {
    let dir = tempfile::tempdir().expect("temp dir");
    let page = dir.path().join("audit.html");
    tor()
        .args(["audit", "sefton-scp", "--year", "2012", "--record"])
        .arg(repo("examples/records/sefton-scp.meetings.toml"))
        .args(["--as-of", "2013-06-01", "--html"])
        .arg(&page)
        .assert()
        .code(1);
    let html = std::fs::read_to_string(&page).expect("page written");
    let footer = &html[html.find("<footer>").expect("a footer")..];
    let today = chrono::Utc::now().format("%Y").to_string();
    assert!(footer.contains("as of Sat 1 Jun 2013"), "{footer}");
    assert!(
        footer.contains(&today) && footer.contains("UTC"),
        "{footer}"
    );
}

#[test]
fn audit_exit_codes_are_in_the_readme() {
    let readme = std::fs::read_to_string(repo("README.md")).expect("README");
    let table: Vec<&str> = readme
        .lines()
        .skip_while(|l| !l.starts_with("## Exit codes"))
        .take_while(|l| !l.starts_with("Bad input"))
        .collect();
    for code in ["| 0 |", "| 1 |", "| 2 |"] {
        let row = table
            .iter()
            .find(|l| l.starts_with(code))
            .expect("a row per code");
        assert!(row.contains("audit"), "{row}");
    }
}

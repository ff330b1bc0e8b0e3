//! `tally` counting people (SPEC §5a, §7): `ORG:N` in the vote lists, a
//! member's seats split across them, remote votes by date, and whose casting
//! vote the headline names.

use std::path::{Path, PathBuf};

use crate::common::{dir_with, finding, run_json, tor};

fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/partnerships")
}

const PANEL: &str = "police-and-crime-panel";
const SCRUTINY: &str = "northvale-southmere-joint-scrutiny";

fn tally(args: &[&str], code: i32) -> serde_json::Value {
    run_json(Some(&examples()), "tally", args, code)
}

#[test]
fn a_council_split_across_the_lists_counts_each_councillor() {
    let r = tally(
        &[
            PANEL,
            "--at",
            "2025-06-12",
            "--for",
            "council-a:2,council-b",
            "--against",
            "council-b,council-c:2",
            "--abstain",
            "independent-1",
        ],
        1,
    );
    assert_eq!(r["counts"]["for"], 3);
    assert_eq!(r["counts"]["against"], 3);
    assert_eq!(r["counts"]["abstain"], 1);
    assert_eq!(r["outcome"], "tied");
    // Six people are present, not three organisations.
    let quorum = finding(&r, "quorum")["message"].as_str().expect("message");
    assert!(quorum.starts_with("quorate: 7 voting people"), "{quorum}");
}

#[test]
fn the_precept_veto_needs_8_of_the_12_people_in_post() {
    let seven = tally(
        &[
            PANEL,
            "--at",
            "2025-06-12",
            "--kind",
            "precept-veto",
            "--for",
            "council-a:2,council-b:2,council-c:2,independent-1",
            "--abstain",
            "council-d:2",
        ],
        0,
    );
    assert_eq!(seven["outcome"], "lost");
    let eight = tally(
        &[
            PANEL,
            "--at",
            "2025-06-12",
            "--kind",
            "precept-veto",
            "--for",
            "council-a:2,council-b:2,council-c:2,independent-1,independent-2",
        ],
        0,
    );
    assert_eq!(eight["outcome"], "carried");
    assert_eq!(eight["counts"]["for"], 8);
}

#[test]
fn more_people_than_seats_is_exit_2() {
    let out = tor()
        .args(["--dir"])
        .arg(examples())
        .args([
            "tally",
            PANEL,
            "--at",
            "2025-06-12",
            "--for",
            "council-a:2",
            "--against",
            "council-a",
        ])
        .assert()
        .code(2)
        .get_output()
        .stderr
        .clone();
    let err = String::from_utf8(out).expect("UTF-8");
    assert!(err.contains("`council-a`: 3 people"), "{err}");
    assert!(err.contains("its 2 seats"), "{err}");
}

#[test]
fn a_member_without_seats_still_may_not_vote_two_ways() {
    let out = tor()
        .args(["--dir"])
        .arg(examples())
        .args([
            "tally",
            PANEL,
            "--at",
            "2025-06-12",
            "--for",
            "independent-1",
            "--against",
            "independent-1",
        ])
        .assert()
        .code(2)
        .get_output()
        .stderr
        .clone();
    assert!(String::from_utf8_lossy(&out).contains("independent-1"));
}

#[test]
fn a_votes_file_over_the_seats_is_exit_2_with_its_place() {
    let dir = dir_with(&[(
        "v.toml",
        b"at = 2025-06-12\nfor = [\"council-a:2\"]\nabstain = [\"council-a:1\"]\n",
    )]);
    let out = tor()
        .args(["--dir"])
        .arg(examples())
        .args(["tally", PANEL, "--votes"])
        .arg(dir.path().join("v.toml"))
        .assert()
        .code(2)
        .get_output()
        .stderr
        .clone();
    let err = String::from_utf8(out).expect("UTF-8");
    assert!(err.contains("v.toml:3:"), "{err}");
    assert!(err.contains("more than its 2 seats"), "{err}");
}

#[test]
fn remote_votes_count_only_in_the_statutory_period() {
    let vote = |at: &str, code| {
        tally(
            &[
                PANEL,
                "--at",
                at,
                "--for",
                "council-a:2,council-b:2",
                "--against",
                "council-c:2",
                "--remote",
                "council-b:2",
            ],
            code,
        )
    };
    let inside = vote("2020-10-06", 0);
    assert_eq!(inside["counts"]["for"], 4);
    assert!(inside["excluded"].as_array().expect("excluded").is_empty());
    let outside = vote("2021-10-05", 1);
    assert_eq!(outside["counts"]["for"], 2);
    assert_eq!(outside["excluded"][0]["org"], "council-b");
    assert_eq!(outside["excluded"][0]["people"], 2);
    let why = finding(&outside, "eligibility")["message"]
        .as_str()
        .expect("message");
    assert!(why.contains("only from 2020-04-04 to 2021-05-06"), "{why}");
    let quorum = finding(&outside, "quorum")["message"]
        .as_str()
        .expect("message");
    assert!(
        quorum.contains("not counted: council-b ×2 (remote)"),
        "{quorum}"
    );
}

#[test]
fn remote_people_must_be_among_those_named() {
    for (remote, says) in [
        ("council-d", "neither votes nor is present"),
        ("council-a:2", "only 1 of its people"),
    ] {
        let out = tor()
            .args(["--dir"])
            .arg(examples())
            .args([
                "tally",
                PANEL,
                "--at",
                "2020-10-06",
                "--for",
                "council-a",
                "--remote",
                remote,
            ])
            .assert()
            .code(2)
            .get_output()
            .stderr
            .clone();
        let err = String::from_utf8(out).expect("UTF-8");
        assert!(err.contains(says), "{remote}: {err}");
    }
}

#[test]
fn the_headline_names_who_gave_the_casting_vote() {
    let headline = |chair: &str| {
        let out = tor()
            .args(["--dir"])
            .arg(examples())
            .args([
                "tally",
                SCRUTINY,
                "--at",
                "2025-11-11",
                "--for",
                "northvale:3,southmere:1",
                "--against",
                "northvale:2,southmere:2",
                "--chair",
                chair,
                "--casting",
                "for",
            ])
            .assert()
            .code(0)
            .get_output()
            .stdout
            .clone();
        let text = String::from_utf8(out).expect("UTF-8");
        text.lines().next().expect("a headline").to_owned()
    };
    insta::assert_snapshot!(
        "tally_casting_headlines",
        format!("{}\n{}", headline("present"), headline("deputy"))
    );
}

#[test]
fn present_people_count_for_the_quorum_but_cast_no_vote() {
    // Under the quarter quorum of 5 July 2022, 3 of the 12 in post.
    let alone = tally(&[PANEL, "--at", "2023-03-01", "--for", "council-a:2"], 1);
    assert_eq!(finding(&alone, "quorum")["status"], "fail", "{alone:#}");
    let r = tally(
        &[
            PANEL,
            "--at",
            "2023-03-01",
            "--for",
            "council-a:2",
            "--present",
            "council-b:1",
        ],
        0,
    );
    assert_eq!(finding(&r, "quorum")["status"], "pass", "{r:#}");
    assert_eq!(r["counts"]["for"], 2);
    assert_eq!(r["counts"]["against"], 0);
    assert_eq!(r["counts"]["abstain"], 0);
    assert_eq!(r["outcome"], "carried");
    // A council's present people and its voters share its seats.
    let out = tor()
        .arg("--dir")
        .arg(examples())
        .args(["tally", PANEL, "--at", "2023-03-01"])
        .args(["--for", "council-a:2", "--present", "council-a:1"])
        .assert()
        .code(2)
        .get_output()
        .stderr
        .clone();
    let err = String::from_utf8_lossy(&out);
    assert!(err.contains("more than its 2 seats"), "{err}");
}

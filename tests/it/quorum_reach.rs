//! One reachability check (issue 12): `validate`'s warning that memberships
//! ending have put a quorum out of reach, and `tor init`'s refusal of an
//! "at least N from each" it could never meet, both asked of the model's
//! `unreachable`.

use crate::common::{MINIMAL, dir_with, json, tor};

/// The `quorum-unreachable` messages validate gives `body` (as `test-group.toml`)
/// on 2012-06-01.
fn unreachable_warnings(body: &str) -> Vec<String> {
    let dir = dir_with(&[("test-group.toml", body.as_bytes())]);
    let out = tor()
        .args(["validate", "--as-of", "2012-06-01", "--format", "json"])
        .arg(dir.path().join("test-group.toml"))
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    json(&out)["files"][0]["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter(|d| d["code"] == "quorum-unreachable")
        .map(|d| d["message"].as_str().expect("message").to_owned())
        .collect()
}

/// MINIMAL with the police's membership ended before the day validate judges.
fn police_gone(quorum: &str) -> String {
    let body = MINIMAL.replace(
        "name = \"The Police\"\n",
        "name = \"The Police\"\nuntil = 2012-01-01\n",
    );
    let at = body.find("[quorum]").expect("a quorum");
    format!("{}{quorum}", &body[..at])
}

#[test]
fn a_class_count_out_of_reach_as_members_leave_is_warned() {
    let body =
        police_gone("[quorum]\nclause = \"5\"\nat_least = 2\nclass = \"responsible-authority\"\n");
    assert_eq!(
        unreachable_warnings(&body),
        [
            "quorum needs 2 of class `responsible-authority` but only 1 hold membership on 2012-06-01"
        ]
    );
}

#[test]
fn an_each_of_condition_out_of_reach_is_warned() {
    let body = police_gone(
        "[quorum]\nclause = \"5\"\nat_least = 1\n\n[[quorum.all]]\nat_least_each = 1\nfrom = [\"police\"]\n",
    );
    assert_eq!(
        unreachable_warnings(&body),
        ["quorum needs 1 from police but only 0 hold membership on 2012-06-01"]
    );
}

#[test]
fn the_simple_voting_count_is_left_to_the_loader() {
    // The loader judges it against every member defined; validate's warning
    // looks only at class counts and further conditions, as it always has.
    let body = police_gone("[quorum]\nclause = \"5\"\nat_least = 2\n");
    assert!(unreachable_warnings(&body).is_empty());
}

#[test]
fn a_quorum_the_members_in_post_can_meet_is_not_warned() {
    assert!(unreachable_warnings(MINIMAL).is_empty());
}

#[test]
fn init_refuses_each_from_a_class_beyond_its_seats() {
    for (args, says) in [
        (
            &["--quorum-also", "each:3:council"][..],
            "`council` can bring at most 2 organisations, never 3",
        ),
        (
            &["--quorum-also", "each:4:council", "--seats", "north:2"][..],
            "`council` can bring at most 3 people, never 4",
        ),
        (
            &["--quorum-also", "each:2:north", "--counts", "people"][..],
            "`north` can bring at most 1 person, never 2",
        ),
    ] {
        let dir = tempfile::tempdir().expect("temp dir");
        tor()
            .arg("--dir")
            .arg(dir.path())
            .args(["init", "x", "--name", "X", "--member", "north:council"])
            .args(["--member", "south:council"])
            .args(args)
            .assert()
            .code(2)
            .stderr(predicates::str::contains(says));
    }
}

#[test]
fn init_writes_each_from_a_class_its_seats_can_meet() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("x.toml");
    tor()
        .args(["init", "x", "--name", "X", "--member", "north:council"])
        .args(["--member", "south:council", "--seats", "north:2"])
        .args(["--quorum-also", "each:3:council", "--out"])
        .arg(&out)
        .assert()
        .success();
    let text = std::fs::read_to_string(&out).expect("written");
    assert!(text.contains("at_least_each = 3"), "{text}");
}

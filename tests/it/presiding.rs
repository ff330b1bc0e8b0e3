//! Who presides (issue 14 item 4): the chair's fallbacks, the alternation of
//! chair and vice-chair between members, the term limit, and the casting vote
//! following whoever presides; each new ToR key refused with its place when
//! wrong.

use crate::common::{dir_with, json, run_json, tor};

/// A board chaired by `chair`, with `lead` as vice-chair, then a member the
/// meeting chooses; a casting vote; and the joint committee's alternation.
const BOARD: &str = r#"id = "board"
name = "Board"

[[classes]]
id = "member"
name = "Member"

[[classes]]
id = "business"
name = "Business"

[[members]]
id = "chair"
name = "Chair"
class = "business"

[[members]]
id = "lead"
name = "Council leader"
class = "member"

[[members]]
id = "college"
name = "College"
class = "member"

[[members]]
id = "police"
name = "Police"
class = "member"

[chair]
clause = "2"
appointment = "named"
member = "chair"
vice_chair = "lead"
class = "business"
fallbacks = ["vice-chair", "chosen"]
casting_vote = { clause = "7" }
term = { clause = "2.3", years = 2, max_consecutive = 1 }

[decisions]
clause = "7"
method = "majority"
"#;

const JOINT: &str = r#"id = "joint"
name = "Joint"

[[classes]]
id = "council"
name = "Council"

[[members]]
id = "northvale"
name = "Northvale"
class = "council"

[[members]]
id = "southmere"
name = "Southmere"
class = "council"

[chair]
clause = "5"
appointment = "rotating"
rotation_class = "council"
rotation_years = 1
deputy = { clause = "5" }
fallbacks = ["vice-chair", "chosen"]
alternation = { clause = "5", members = ["northvale", "southmere"], starts = 2025-06-01 }
"#;

fn meeting(dir: &std::path::Path, id: &str, body: &str, code: i32) -> serde_json::Value {
    let path = dir.join("m.toml");
    std::fs::write(&path, body).expect("write");
    run_json(
        Some(dir),
        "check-meeting",
        &[id, "--meeting", path.to_str().expect("utf-8")],
        code,
    )
}

fn chair_of(report: &serde_json::Value) -> (String, String) {
    let f = crate::common::finding(report, "chair");
    (
        f["status"].as_str().expect("status").to_owned(),
        f["clause"].as_str().expect("clause").to_owned(),
    )
}

#[test]
fn a_chosen_member_presides_only_where_the_tor_allows_and_after_the_vice_chair() {
    let dir = dir_with(&[("board.toml", BOARD.as_bytes())]);
    let chosen =
        "at = 2026-03-05T18:00\nchair = \"chosen\"\nattendees = [\"college\", \"police\"]\n";
    assert_eq!(
        chair_of(&meeting(dir.path(), "board", chosen, 0)),
        ("pass".into(), "2".into())
    );
    let vice_there =
        "at = 2026-03-05T18:00\nchair = \"chosen\"\nattendees = [\"lead\", \"police\"]\n";
    let r = meeting(dir.path(), "board", vice_there, 1);
    let f = crate::common::finding(&r, "chair");
    assert_eq!(f["status"], "fail");
    assert!(
        f["message"]
            .as_str()
            .expect("message")
            .contains("vice-chair (lead) is present"),
        "{f}"
    );
    // Without `chosen` among the fallbacks, a chosen member fails.
    let no_chosen = BOARD.replace(
        "fallbacks = [\"vice-chair\", \"chosen\"]",
        "deputy = { clause = \"2\" }",
    );
    let dir = dir_with(&[("board.toml", no_chosen.as_bytes())]);
    assert_eq!(chair_of(&meeting(dir.path(), "board", chosen, 1)).0, "fail");
}

#[test]
fn the_chair_comes_from_its_class_and_keeps_its_term_limit() {
    let dir = dir_with(&[("board.toml", BOARD.as_bytes())]);
    let wrong_class = "at = 2026-03-05T18:00\nchair = \"present\"\nchair_member = \"police\"\n";
    assert_eq!(
        chair_of(&meeting(dir.path(), "board", wrong_class, 1)).0,
        "fail"
    );
    let in_term = "at = 2026-03-05T18:00\nchair = \"present\"\nchair_since = 2024-06-01\n";
    assert_eq!(
        chair_of(&meeting(dir.path(), "board", in_term, 0)).0,
        "pass"
    );
    let beyond = "at = 2026-03-05T18:00\nchair = \"present\"\nchair_since = 2024-03-01\n";
    assert_eq!(
        chair_of(&meeting(dir.path(), "board", beyond, 1)),
        ("fail".into(), "2.3".into())
    );
}

#[test]
fn chair_and_vice_chair_swap_each_first_of_june() {
    let dir = dir_with(&[("joint.toml", JOINT.as_bytes())]);
    let m = |at: &str, chair: &str, member: &str| {
        format!("at = {at}\nchair = \"{chair}\"\nchair_member = \"{member}\"\n")
    };
    let ok = |body: String| chair_of(&meeting(dir.path(), "joint", &body, 0)).0;
    let bad = |body: String| chair_of(&meeting(dir.path(), "joint", &body, 1)).0;
    assert_eq!(ok(m("2025-10-15T18:00", "present", "northvale")), "pass");
    assert_eq!(bad(m("2025-10-15T18:00", "present", "southmere")), "fail");
    assert_eq!(ok(m("2025-10-15T18:00", "deputy", "southmere")), "pass");
    assert_eq!(bad(m("2025-10-15T18:00", "deputy", "northvale")), "fail");
    assert_eq!(ok(m("2026-06-01T18:00", "present", "southmere")), "pass");
    assert_eq!(bad(m("2026-06-01T18:00", "present", "northvale")), "fail");
}

#[test]
fn the_casting_vote_follows_who_presides_and_is_lost_by_a_conflicted_chair() {
    let dir = dir_with(&[("board.toml", BOARD.as_bytes())]);
    let d = dir.path();
    let tie = [
        "board",
        "--at",
        "2026-03-05",
        "--for",
        "lead,college",
        "--against",
        "police,chair",
        "--casting",
        "for",
    ];
    let r = run_json(Some(d), "tally", &tie, 0);
    assert_eq!(r["outcome"], "carried");
    let mut by_vice = tie.to_vec();
    by_vice.extend(["--chair", "deputy"]);
    let r = run_json(Some(d), "tally", &by_vice, 0);
    assert_eq!(r["outcome"], "carried");
    let casting = crate::common::finding(&r, "casting-vote");
    assert!(
        casting["message"]
            .as_str()
            .expect("message")
            .contains("the vice-chair's casting vote"),
        "{casting}"
    );
    // A conflicted chair, or no one presiding, leaves no one to give it: the
    // equal votes stay undecided (tied, not valid).
    let mut conflicted = tie.to_vec();
    conflicted.extend(["--chair", "present", "--conflict", "chair"]);
    let r = run_json(Some(d), "tally", &conflicted, 1);
    assert_eq!(r["outcome"], "tied");
    assert_eq!(crate::common::finding(&r, "casting-vote")["status"], "fail");
    let mut nobody = tie.to_vec();
    nobody.extend(["--chair", "absent"]);
    let r = run_json(Some(d), "tally", &nobody, 1);
    assert_eq!(r["outcome"], "tied");
    // The vice-chair presiding may give it even where the chair is conflicted.
    let mut vice_over_conflict = by_vice.clone();
    vice_over_conflict.extend(["--conflict", "chair"]);
    let r = run_json(Some(d), "tally", &vice_over_conflict, 0);
    assert_eq!(r["outcome"], "carried");
}

/// Validates `body` as `board.toml`; the first error's code, line and column.
fn first_error(body: &str) -> (String, u64, u64, String) {
    let dir = dir_with(&[("board.toml", body.as_bytes())]);
    let out = tor()
        .args(["validate", "--format", "json"])
        .arg(dir.path().join("board.toml"))
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let report = json(&out);
    let d = report["files"][0]["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .find(|d| d["severity"] == "error")
        .expect("an error")
        .clone();
    (
        d["code"].as_str().expect("code").to_owned(),
        d["line"].as_u64().expect("line"),
        d["column"].as_u64().expect("column"),
        d["message"].as_str().expect("message").to_owned() + d["help"].as_str().unwrap_or_default(),
    )
}

fn line_of(body: &str, needle: &str) -> u64 {
    body.lines()
        .position(|l| l.contains(needle))
        .expect("the line is there") as u64
        + 1
}

#[test]
fn every_new_chair_key_is_refused_with_its_place_when_wrong() {
    let typo = BOARD.replace(
        "[\"vice-chair\", \"chosen\"]",
        "[\"vice-chair\", \"chosn\"]",
    );
    let (code, line, _, text) = first_error(&typo);
    assert_eq!(
        (code.as_str(), line),
        ("unknown-keyword", line_of(&typo, "chosn"))
    );
    assert!(text.contains("chosen"), "{text}");

    let twice = BOARD.replace("[\"vice-chair\", \"chosen\"]", "[\"chosen\", \"chosen\"]");
    assert_eq!(first_error(&twice).0, "duplicate-value");

    let vice = BOARD.replace("vice_chair = \"lead\"", "vice_chair = \"leed\"");
    let (code, line, _, text) = first_error(&vice);
    assert_eq!(
        (code.as_str(), line),
        ("unknown-member", line_of(&vice, "leed"))
    );
    assert!(text.contains("lead"), "{text}");

    let class = BOARD.replace(
        "class = \"business\"\nfallbacks",
        "class = \"member\"\nfallbacks",
    );
    assert_eq!(first_error(&class).0, "conflicting-keys");

    let long = BOARD.replace("years = 2,", "years = 21,");
    assert_eq!(first_error(&long).0, "out-of-range");

    let one = JOINT.replace("[\"northvale\", \"southmere\"]", "[\"northvale\"]");
    let dir_body = one.replace("id = \"joint\"", "id = \"board\"");
    assert_eq!(first_error(&dir_body).0, "out-of-range");

    let deputy_left_out = JOINT
        .replace(
            "fallbacks = [\"vice-chair\", \"chosen\"]",
            "fallbacks = [\"chosen\"]",
        )
        .replace("id = \"joint\"", "id = \"board\"");
    assert_eq!(first_error(&deputy_left_out).0, "conflicting-keys");

    let unknown = BOARD.replace("vice_chair = \"lead\"", "vice_char = \"lead\"");
    let (code, line, _, text) = first_error(&unknown);
    assert_eq!(
        (code.as_str(), line),
        ("unknown-key", line_of(&unknown, "vice_char"))
    );
    assert!(text.contains("vice_chair"), "{text}");
}

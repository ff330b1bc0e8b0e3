//! `tor test` cases that take a meeting item by item: `expect.inquorate_from`
//! names the first item at which the meeting is not quorate (issue 14, town
//! board clause 6).

use std::path::PathBuf;

use crate::common::{dir_with, tor};

fn town_board() -> String {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples/partnerships/town-board.toml");
    std::fs::read_to_string(path).expect("the example ToR")
}

const MEETING: &str = r#"
[[case]]
name = "6: the college leaves for its item"
[case.meeting]
at = 2025-06-12T09:30:00
attendees = ["chair", "council-leader", "mp", "college", "police"]
chair = "present"
[[case.meeting.items]]
title = "Minutes"
[[case.meeting.items]]
title = "College skills grant"
at = 2025-06-12T09:45:00
conflicts = ["college"]
[case.expect]
valid = false
"#;

/// Runs `tor test` on `cases` beside the town board; exit code and output.
fn run(cases: &str) -> (i32, String, String) {
    let dir = dir_with(&[
        ("town-board.toml", town_board().as_bytes()),
        ("town-board.cases.toml", cases.as_bytes()),
    ]);
    let out = tor()
        .args(["test"])
        .arg(dir.path().join("town-board.cases.toml"))
        .output()
        .expect("tor runs");
    let text = |b: Vec<u8>| String::from_utf8(b).expect("utf-8");
    (
        out.status.code().expect("an exit code"),
        text(out.stdout),
        text(out.stderr),
    )
}

#[test]
fn the_first_inquorate_item_is_compared_by_title() {
    let right = format!("{MEETING}inquorate_from = \"college  SKILLS grant\"\n");
    let (code, stdout, stderr) = run(&right);
    assert_eq!(code, 0, "{stdout}\n{stderr}");
    assert!(stdout.ends_with("1 passed, 0 failed\n"), "{stdout}");

    let wrong = format!("{MEETING}inquorate_from = \"none\"\n");
    let (code, stdout, _) = run(&wrong);
    assert_eq!(code, 1, "{stdout}");
    assert!(
        stdout.contains("    inquorate_from: expected none, got College skills grant\n"),
        "{stdout}"
    );
}

#[test]
fn inquorate_from_on_a_vote_case_is_refused_at_its_line() {
    let cases = r#"
[[case]]
name = "7: a vote"
[case.vote]
at = 2025-06-12
for = ["chair"]
[case.expect]
valid = true
inquorate_from = "Minutes"
"#;
    let (code, stdout, stderr) = run(cases);
    assert_eq!(code, 2, "{stdout}\n{stderr}");
    assert!(
        stderr.contains("`inquorate_from` is for meeting and audit cases"),
        "{stderr}"
    );
    assert!(stderr.contains("town-board.cases.toml:9:"), "{stderr}");
}

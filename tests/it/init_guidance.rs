//! What `tor init` leads to: the placeholder warning points at the line to
//! edit, the chair and review can be given as flags, and the built-in
//! partnerships a new ./partnerships hides are explained.

use crate::common::{json, tor};
use predicates::prelude::*;

#[test]
fn placeholder_warning_points_at_the_todo_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    tor()
        .arg("--dir")
        .arg(dir.path())
        .args(["init", "board", "--name", "Board", "--member", "a:ra"])
        .args(["--quorum", "1", "--quorum-clause", "4"])
        .args(["--decision", "consensus"])
        .assert()
        .success();
    let path = dir.path().join("board.toml");
    let text = std::fs::read_to_string(&path).expect("written");
    let todo_line = text
        .lines()
        .position(|l| l == "clause = \"TODO\"")
        .expect("a TODO clause")
        + 1;
    let out = tor()
        .args(["validate", "--format", "json", "--as-of", "2026-01-01"])
        .arg(&path)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let report = json(&out);
    let warning = report["files"][0]["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .find(|d| d["code"] == "placeholder-clause")
        .cloned()
        .expect("a placeholder-clause warning");
    assert_eq!(warning["line"], todo_line, "{warning}\n{text}");
    assert_eq!(warning["column"], 10, "{warning}");
}

#[test]
fn chair_and_review_as_flags() {
    let out = tor()
        .args(["init", "board", "--name", "Board", "--out", "-"])
        .args(["--member", "fire:ra", "--member", "police:ra"])
        .args(["--chair", "named:fire", "--chair-clause", "2"])
        .args(["--review-date", "2027-04-30"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).expect("UTF-8");
    assert!(
        text.contains("[chair]\nclause = \"2\"\nappointment = \"named\"\nmember = \"fire\""),
        "{text}"
    );
    assert!(text.contains("next = 2027-04-30"), "{text}");
    // The review's clause was not given: a placeholder, with its comment.
    assert!(text.contains("[review]\n# TODO"), "{text}");
    tor()
        .args(["init", "board", "--name", "Board", "--out", "-"])
        .args(["--member", "fire:ra", "--chair", "rotating:other:2"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("class `other`"));
}

#[test]
fn built_in_partnerships_after_init_in_an_empty_folder() {
    let cwd = tempfile::tempdir().expect("temp dir");
    tor()
        .current_dir(cwd.path())
        .args(["init", "board", "--name", "Board"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "the built-in partnerships are read from folders without one",
        ));
    assert!(cwd.path().join("partnerships/board.toml").is_file());
    tor()
        .current_dir(cwd.path())
        .args(["show", "sefton-scp"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("it is built into tor"))
        .stderr(predicate::str::contains("run tor from another folder"));
    // An id that is not built in gets no such note.
    tor()
        .current_dir(cwd.path())
        .args(["show", "nowhere"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("built into").not());
}

//! `tor init` through the binary: the file it writes passes `tor validate` and
//! loads to the model asked for; it never overwrites without --force and writes
//! nothing on bad input.

use std::path::Path;

use crate::common::{json, tor};
use predicates::prelude::*;

const NAME: &str = "Test \"Group\" — Ynys Môn: 'safer' \\ together";

fn init_in(dir: &Path) -> assert_cmd::Command {
    let mut cmd = tor();
    cmd.arg("--dir").arg(dir).arg("init");
    cmd
}

fn validate(dir: &Path) {
    tor()
        .args(["validate", "--as-of", "2026-01-01"])
        .arg(dir)
        .assert()
        .code(0)
        .stdout(predicate::str::contains("0 error(s)"));
}

fn show(dir: &Path, id: &str) -> serde_json::Value {
    let out = tor()
        .args([
            "show",
            id,
            "--as-of",
            "2026-01-01",
            "--format",
            "json",
            "--dir",
        ])
        .arg(dir)
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    json(&out)
}

fn rule<'a>(shown: &'a serde_json::Value, name: &str) -> &'a serde_json::Value {
    shown["rules"]
        .as_array()
        .expect("rules")
        .iter()
        .find(|r| r["rule"] == name)
        .unwrap_or_else(|| panic!("no rule {name} in {shown}"))
}

/// Every file in `dir`, for checking that nothing was written.
fn files(dir: &Path) -> Vec<String> {
    match std::fs::read_dir(dir) {
        Ok(entries) => {
            let mut names: Vec<String> = entries
                .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
                .collect();
            names.sort();
            names
        }
        Err(_) => Vec::new(),
    }
}

#[test]
fn writes_a_valid_file_that_loads_as_asked() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path().join("tor");
    init_in(&dir)
        .args(["test-group", "--name", NAME, "--region", "scotland"])
        .args(["--member", "council:responsible-authority"])
        .args([
            "--member",
            "police:responsible-authority:Police Scotland: \"P\" Division",
        ])
        .args(["--member", "vcs:co-opted:Voluntary sector"])
        .args(["--members-clause", "2.1"])
        .args([
            "--quorum",
            "2:responsible-authority",
            "--quorum-clause",
            "5.1",
        ])
        .args(["--notice-working-days", "5"])
        .args(["--decision", "consensus-then-majority"])
        .args(["--frequency", "exactly-4-per-year"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("created"))
        .stdout(predicate::str::contains("replace the 3 \"TODO\" clause(s)"));
    let path = dir.join("test-group.toml");
    let text = std::fs::read_to_string(&path).expect("written");
    // The schema line first, for taplo and Even Better TOML, as in the bundled files.
    assert!(
        text.starts_with("#:schema ../schema/tor.schema.json\n# "),
        "{text}"
    );
    assert!(text.contains("# TODO: the clause"), "{text}");
    assert_eq!(
        files(&dir),
        ["test-group.toml"],
        "no temporary file is left"
    );
    validate(&dir);

    let shown = show(&dir, "test-group");
    assert_eq!(shown["name"], NAME);
    assert_eq!(shown["region"], "scotland");
    let members = shown["members"].as_array().expect("members");
    let ids: Vec<&str> = members.iter().filter_map(|m| m["id"].as_str()).collect();
    assert_eq!(ids, ["council", "police", "vcs"]);
    assert_eq!(members[1]["name"], "Police Scotland: \"P\" Division");
    assert_eq!(members[2]["class"], "co-opted");
    assert_eq!(members[2]["clause"], "2.1");
    assert_eq!(rule(&shown, "quorum")["clause"], "5.1");
    assert!(
        rule(&shown, "quorum")["summary"]
            .as_str()
            .is_some_and(|s| s.contains("at least 2")),
        "{shown}"
    );
    assert_eq!(rule(&shown, "notice")["clause"], "TODO");
}

#[test]
fn default_folder_is_created_under_the_working_directory() {
    let tmp = tempfile::tempdir().expect("temp dir");
    tor()
        .current_dir(tmp.path())
        .args(["init", "board", "--name", "Board", "--format", "json"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("\"placeholders\": 0"));
    let dir = tmp.path().join("partnerships");
    assert!(dir.join("board.toml").is_file());
    validate(&dir);
}

#[test]
fn never_overwrites_without_force() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let path = tmp.path().join("board.toml");
    std::fs::write(&path, "precious").expect("fixture");
    init_in(tmp.path())
        .args(["board", "--name", "Board"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("already exists"))
        .stderr(predicate::str::contains("--force"));
    assert_eq!(std::fs::read_to_string(&path).expect("read"), "precious");

    init_in(tmp.path())
        .args(["board", "--name", "Board", "--force"])
        .assert()
        .code(0);
    let text = std::fs::read_to_string(&path).expect("read");
    assert!(text.contains("name = \"Board\""), "{text}");
    assert_eq!(files(tmp.path()), ["board.toml"]);
    validate(tmp.path());
}

#[test]
fn out_file_must_be_named_after_the_id() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let out = tmp.path().join("sub").join("board.toml");
    tor()
        .args(["init", "board", "--name", "Board", "--out"])
        .arg(&out)
        .assert()
        .code(0);
    validate(&tmp.path().join("sub"));
    tor()
        .args(["init", "board", "--name", "Board", "--out"])
        .arg(tmp.path().join("other.toml"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("board.toml"));
    assert!(!tmp.path().join("other.toml").exists());
}

#[test]
fn out_dash_prints_the_file() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let out = tor()
        .current_dir(tmp.path())
        .args(["init", "board", "--name", NAME, "--out", "-"])
        .args([
            "--member",
            "a:ra",
            "--quorum",
            "1/2",
            "--decision",
            "majority",
        ])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    assert_eq!(files(tmp.path()), Vec::<String>::new(), "nothing written");
    // What was printed is the file: save it and it validates and loads.
    std::fs::write(tmp.path().join("board.toml"), &out).expect("save");
    validate(tmp.path());
    let shown = show(tmp.path(), "board");
    assert_eq!(shown["name"], NAME);
    assert_eq!(rule(&shown, "decision")["clause"], "TODO");
}

#[test]
fn interactive_answers_from_piped_stdin() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let answers = [
        "Ynys Môn \"Safer\" Board",    // name
        "Board ToR, adopted May 2024", // source
        "scotland",                    // region
        "council:statutory:The Council",
        "not a member", // refused, asked again
        "police:statutory",
        "",
        "3",           // refused: only two members
        "2:statutory", // quorum
        "5.1",         // its clause
        "5",           // notice
        "",            // its clause: the placeholder
        "consensus",   // decisions
        "7",           // its clause
        "every-2-months",
        "",                     // its clause: the placeholder
        "named:nobody",         // refused: not a member
        "rotating:statutory:2", // chair
        "3.1",                  // its clause
        "31/3/2027",            // next review, day first
        "9",                    // its clause
    ];
    init_in(tmp.path())
        .args(["board", "--interactive"])
        .write_stdin(format!("{}\n", answers.join("\n")))
        .assert()
        .code(0)
        .stderr(predicate::str::contains("Name of the body"))
        .stderr(predicate::str::contains("a quorum of 3 is more than the 2"))
        .stderr(predicate::str::contains("member `not a member`"))
        .stderr(predicate::str::contains(
            "the chair's member `nobody` is not one of the members given",
        ))
        .stderr(predicate::str::contains(
            "the clause of the ToR on the quorum",
        ));
    validate(tmp.path());
    let shown = show(tmp.path(), "board");
    assert_eq!(shown["name"], "Ynys Môn \"Safer\" Board");
    assert_eq!(shown["source"], "Board ToR, adopted May 2024");
    assert_eq!(rule(&shown, "quorum")["clause"], "5.1");
    assert_eq!(rule(&shown, "notice")["clause"], "TODO");
    assert_eq!(rule(&shown, "decision")["clause"], "7");
    assert_eq!(rule(&shown, "chair")["clause"], "3.1");
    assert_eq!(rule(&shown, "review")["clause"], "9");
    let text = std::fs::read_to_string(tmp.path().join("board.toml")).expect("written");
    assert!(text.contains("rotation_class = \"statutory\""), "{text}");
    assert!(text.contains("next = 2027-03-31"), "{text}");
    assert_eq!(shown["region"], "scotland");
    assert_eq!(shown["members"].as_array().map(Vec::len), Some(2));
    assert_eq!(shown["members"][0]["name"], "The Council");
    assert!(
        rule(&shown, "quorum")["summary"]
            .as_str()
            .is_some_and(|s| s.contains("at least 2")),
        "{shown}"
    );
    assert_eq!(rule(&shown, "frequency")["clause"], "TODO");
}

#[test]
fn interactive_defaults_come_from_the_flags() {
    let tmp = tempfile::tempdir().expect("temp dir");
    // Empty answers, then the end of stdin: every default is taken.
    init_in(tmp.path())
        .args(["board", "--interactive", "--name", "Flag Name"])
        .args([
            "--member",
            "a:ra",
            "--quorum",
            "1",
            "--decision",
            "majority",
        ])
        .write_stdin("\n\n")
        .assert()
        .code(0);
    let shown = show(tmp.path(), "board");
    assert_eq!(shown["name"], "Flag Name");
    assert_eq!(rule(&shown, "decision")["clause"], "TODO");
    assert_eq!(rule(&shown, "quorum")["clause"], "TODO");
}

#[test]
fn interactive_without_a_name_fails_cleanly() {
    let tmp = tempfile::tempdir().expect("temp dir");
    init_in(tmp.path())
        .args(["board", "--interactive"])
        .write_stdin("")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no name given"));
    assert_eq!(files(tmp.path()), Vec::<String>::new());
}

#[test]
fn bad_input_exits_2_and_writes_nothing() {
    let cases: &[(&[&str], &str)] = &[
        (&["Bad_Id", "--name", "X"], "not a valid id"),
        (&["board"], "--name"),
        (&["board", "--name", "  "], "name is empty"),
        (&["board", "--name", "X", "--member", "police"], "no class"),
        (
            &["board", "--name", "X", "--member", "police:Responsible"],
            "not a valid id",
        ),
        (
            &[
                "board", "--name", "X", "--member", "a:ra", "--member", "a:ra",
            ],
            "given twice",
        ),
        (
            &[
                "board", "--name", "X", "--member", "a:ra", "--quorum", "2:ra",
            ],
            "a quorum of 2 is more than the 1 members of class `ra`",
        ),
        (
            &[
                "board", "--name", "X", "--member", "a:ra", "--quorum", "1:rb",
            ],
            "quorum class `rb`",
        ),
        (
            &["board", "--name", "X", "--quorum", "1"],
            "more than the 0",
        ),
        (&["board", "--name", "X", "--quorum", "0"], "no quorum"),
        (
            &["board", "--name", "X", "--quorum-clause", "5"],
            "--quorum",
        ),
        (
            &["board", "--name", "X", "--region", "wales"],
            "england-and-wales",
        ),
        (&["board", "--name", "X", "--decision", "vote"], "consensus"),
        (
            &["board", "--name", "X", "--frequency", "weekly"],
            "every-N-months",
        ),
        (
            &[
                "board",
                "--name",
                "X",
                "--decision",
                "majority",
                "--decision-clause",
                "",
            ],
            "clause of the decision rule is empty",
        ),
        (
            &["board", "--name", "X", "--notice-working-days", "x"],
            "--notice-working-days",
        ),
    ];
    for (args, message) in cases {
        let tmp = tempfile::tempdir().expect("temp dir");
        let dir = tmp.path().join("tor");
        init_in(&dir)
            .args(*args)
            .assert()
            .code(2)
            .stderr(predicate::str::contains(*message));
        assert!(!dir.exists(), "{args:?} created {}", dir.display());
    }
}

//! `tor test` through the binary: the bundled cases pass, a changed expectation
//! fails with a readable diff, bad cases files are refused with their position,
//! and the JSON report has its fields.

use std::path::Path;

use crate::common::{bundled_dir, dir_with, json, tor};
use serde_json::Value;

const IDS: [&str; 4] = [
    "oxfordshire-board",
    "oxfordshire-business-group",
    "richmond-strategy-group",
    "sefton-scp",
];

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).expect("readable")
}

fn bundled(id: &str) -> String {
    read(&bundled_dir().join(format!("{id}.toml")))
}

fn bundled_cases(id: &str) -> String {
    read(&bundled_dir().join(format!("{id}.cases.toml")))
}

/// Runs `tor ARGS`; returns the exit code, stdout and stderr.
fn run(args: &[&str]) -> (i32, String, String) {
    let out = tor().args(args).output().expect("tor runs");
    let text = |b: Vec<u8>| String::from_utf8(b).expect("utf-8");
    (
        out.status.code().expect("an exit code"),
        text(out.stdout),
        text(out.stderr),
    )
}

/// Runs a command that must be refused (exit 2); returns stderr.
fn refused(args: &[&str]) -> String {
    let (code, stdout, stderr) = run(args);
    assert_eq!(code, 2, "stdout: {stdout}\nstderr: {stderr}");
    assert!(stdout.is_empty(), "nothing on stdout: {stdout}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    stderr
}

/// A folder holding the Sefton ToR and `cases` as its cases file.
fn sefton_with(cases: &str) -> tempfile::TempDir {
    dir_with(&[
        ("sefton-scp.toml", bundled("sefton-scp").as_bytes()),
        ("sefton-scp.cases.toml", cases.as_bytes()),
    ])
}

fn sefton_cases_path(dir: &tempfile::TempDir) -> String {
    dir.path()
        .join("sefton-scp.cases.toml")
        .display()
        .to_string()
}

/// One expectation of the bundled Sefton cases, changed.
fn sefton_changed(from: &str, to: &str) -> String {
    let text = bundled_cases("sefton-scp");
    assert_eq!(text.matches(from).count(), 1, "`{from}` is unique");
    text.replace(from, to)
}

#[test]
fn every_bundled_cases_file_passes() {
    // From a folder with no partnerships/: the cases built into the binary.
    let (code, stdout, stderr) = run(&["test", "--format", "json"]);
    assert_eq!(code, 0, "{stdout}\n{stderr}");
    let report = json(stdout.as_bytes());
    assert_eq!(report["failed"], 0, "{report:#}");
    let files = report["files"].as_array().expect("files");
    let ids: Vec<&str> = files
        .iter()
        .map(|f| f["partnership"].as_str().expect("id"))
        .collect();
    assert_eq!(ids, IDS);
    for file in files {
        assert!(
            file["path"]
                .as_str()
                .is_some_and(|p| p.starts_with("<built-in>/")),
            "{file}"
        );
        assert!(file["cases"].as_array().is_some_and(|c| c.len() >= 10));
    }

    // The files on disk, as a folder and one by one, agree with the built-in set.
    let dir = bundled_dir();
    let (code, stdout, _) = run(&["test", "--dir", dir.to_str().expect("utf-8")]);
    assert_eq!(code, 0, "{stdout}");
    let total = report["passed"].as_u64().expect("passed");
    assert!(
        stdout.ends_with(&format!("\n{total} passed, 0 failed\n")),
        "{stdout}"
    );
    for id in IDS {
        let path = dir.join(format!("{id}.cases.toml"));
        let (code, stdout, _) = run(&["test", path.to_str().expect("utf-8")]);
        assert_eq!(code, 0, "{id}: {stdout}");
        assert!(!stdout.contains("FAILED"), "{stdout}");
    }
}

#[test]
fn bundled_cases_cover_every_clause_the_tor_states() {
    // Every rule stated in a ToR file is named in a case of its cases file.
    let clauses = [
        (
            "sefton-scp",
            &[
                "Meeting Arrangements 1",
                "Meeting Arrangements 6",
                "Meeting Arrangements 8",
                "Membership 1",
                "Membership 2",
                "Membership 4",
                "Membership 5",
                "Responsibilities 4",
            ][..],
        ),
        (
            "richmond-strategy-group",
            &[
                "3.1",
                "3.2",
                "3.3",
                "4",
                "5 (Accountability)",
                "5 (Decision Making)",
                "7",
                "8",
                "12",
                "14",
            ][..],
        ),
        (
            "oxfordshire-business-group",
            &["3.2", "3.3", "3.5", "3.6", "4.1", "4.2", "4.3", "4.4"][..],
        ),
        ("oxfordshire-board", &["4"][..]),
    ];
    for (id, clauses) in clauses {
        let text = bundled_cases(id);
        let names: Vec<&str> = text
            .lines()
            .filter_map(|l| l.strip_prefix("name = \""))
            .collect();
        for clause in clauses {
            assert!(
                names.iter().any(|n| n.starts_with(&format!("{clause}:"))
                    || n.starts_with(&format!("{clause} and"))),
                "{id}: no case cites {clause}"
            );
        }
        // Passing and failing cases alike.
        assert!(text.contains("valid = true") && text.contains("valid = false"));
    }
}

#[test]
fn a_changed_expectation_fails_with_a_readable_diff() {
    let cases = sefton_changed(
        "findings = { quorum = \"fail\", notice = \"pass\" }",
        "findings = { quorum = \"pass\", notice = \"pass\" }",
    );
    let dir = sefton_with(&cases);
    let (code, stdout, stderr) = run(&["test", dir.path().to_str().expect("utf-8")]);
    assert_eq!(code, 1, "{stdout}\n{stderr}");
    let name = "Membership 5: two responsible authorities are not a quorum";
    assert!(stdout.contains(&format!("  FAILED  {name}\n")), "{stdout}");
    assert!(
        stdout
            .contains("  ok      Membership 5: co-opted members do not count towards the quorum\n"),
        "{stdout}"
    );
    assert!(
        stdout.contains(&format!("{}: {name}\n", sefton_cases_path(&dir))),
        "{stdout}"
    );
    assert!(
        stdout.contains("    quorum: expected pass, got fail (Membership 5: not quorate: 2 responsible-authority members present (local-authority, police-force), at least 3 needed)\n"),
        "{stdout}"
    );
    let last = stdout.lines().last().expect("a summary");
    let total = bundled_cases("sefton-scp").matches("[[case]]").count();
    assert_eq!(last, format!("{} passed, 1 failed", total - 1));
}

#[test]
fn a_changed_outcome_and_validity_are_shown_expected_then_actual() {
    let cases = sefton_changed(
        "valid = false\noutcome = \"tied\"",
        "valid = true\noutcome = \"carried\"",
    );
    let dir = sefton_with(&cases);
    let (code, stdout, _) = run(&["test", &sefton_cases_path(&dir)]);
    assert_eq!(code, 1, "{stdout}");
    assert!(
        stdout.contains("    valid: expected true, got false (failing: casting-vote)\n"),
        "{stdout}"
    );
    assert!(
        stdout.contains("    outcome: expected carried, got tied (Membership 4: equal votes"),
        "{stdout}"
    );
}

#[test]
fn json_report_fields() {
    let cases = sefton_changed(
        "counts = { for = 3, against = 4 }\nexcluded = []",
        "counts = { for = 3, against = 3 }\nexcluded = [\"cvs\"]",
    );
    let dir = sefton_with(&cases);
    let (code, stdout, _) = run(&["test", "--format", "json", &sefton_cases_path(&dir)]);
    assert_eq!(code, 1);
    let report = json(stdout.as_bytes());
    let total = bundled_cases("sefton-scp").matches("[[case]]").count() as u64;
    assert_eq!(report["passed"], total - 1);
    assert_eq!(report["failed"], 1);
    let file = &report["files"][0];
    assert_eq!(file["path"], sefton_cases_path(&dir));
    assert_eq!(file["partnership"], "sefton-scp");
    let cases = file["cases"].as_array().expect("cases");
    assert_eq!(cases.len() as u64, total);
    assert!(cases.iter().all(|c| c["name"].is_string()));
    let failed: Vec<&Value> = cases.iter().filter(|c| c["passed"] == false).collect();
    assert_eq!(failed.len(), 1);
    assert_eq!(
        failed[0]["name"],
        "Membership 4: co-opted organisations have one vote each"
    );
    let diffs = failed[0]["differences"].as_array().expect("differences");
    let fields: Vec<&str> = diffs
        .iter()
        .map(|d| d["field"].as_str().expect("field"))
        .collect();
    assert_eq!(fields, ["counts.against", "excluded"]);
    assert_eq!(diffs[0]["expected"], 3);
    assert_eq!(diffs[0]["actual"], 4);
    assert_eq!(diffs[1]["expected"], serde_json::json!(["cvs"]));
    assert_eq!(diffs[1]["actual"], serde_json::json!([]));
    for case in cases.iter().filter(|c| c["passed"] == true) {
        assert_eq!(case["differences"], serde_json::json!([]));
    }
}

#[test]
fn a_finding_no_rule_produces_is_a_difference() {
    // A meeting gives no casting-vote finding: that may not pass silently.
    // (A name that is no rule at all is a file error: see the next test.)
    let cases = "\
[[case]]
name = \"a rule tally has but check-meeting has not\"
[case.meeting]
at = 2012-12-06T14:00:00
attendees = [\"local-authority\", \"police-force\", \"fire-rescue\"]
[case.expect]
valid = true
findings = { casting-vote = \"skip\" }
";
    let dir = sefton_with(cases);
    let (code, stdout, _) = run(&["test", &sefton_cases_path(&dir)]);
    assert_eq!(code, 1, "{stdout}");
    assert!(
        stdout.contains("    casting-vote: expected skip, got none (`tor check-meeting` gives no `casting-vote` finding, only in-force, notice,"),
        "{stdout}"
    );
    assert!(stdout.ends_with("\n0 passed, 1 failed\n"), "{stdout}");

    let (_, stdout, _) = run(&["test", "--format", "json", &sefton_cases_path(&dir)]);
    let diffs = &json(stdout.as_bytes())["files"][0]["cases"][0]["differences"];
    assert_eq!(diffs[0]["field"], "casting-vote");
    assert_eq!(diffs[0]["expected"], "skip");
    assert_eq!(diffs[0]["actual"], "none");
}

#[test]
fn bad_cases_files_are_refused_with_their_position() {
    let base = bundled_cases("sefton-scp");
    let broken = [
        (
            base.replacen("\"police-force\"", "\"polic-force\"", 1),
            "unknown-member",
            "did you mean `police-force`?",
        ),
        (
            base.replacen("valid = true", "valid = true\ncolour = 1", 1),
            "unknown-key",
            "unknown key `colour`",
        ),
        (
            base.replacen(
                "findings = { notice = \"pass\"",
                "findings = { notice = \"passed\"",
                1,
            ),
            "unknown-keyword",
            "did you mean `pass`?",
        ),
        (
            base.replacen(
                "findings = { notice = \"pass\"",
                "findings = { quorom = \"pass\"",
                1,
            ),
            "unknown-keyword",
            "did you mean `quorum`?",
        ),
        (
            base.replacen("outcome = \"tied\"", "outcome = \"tide\"", 1),
            "unknown-keyword",
            "did you mean `tied`?",
        ),
        (
            base.replacen("excluded = [\"probation\"]", "excluded = [\"probaton\"]", 1),
            "unknown-member",
            "did you mean `probation`?",
        ),
        (
            base.replacen("[case.vote]\nat = 2013-01-10\n", "[case.vote]\n", 1),
            "missing-key",
            "missing required key `at`",
        ),
        (
            base.replacen("[[case]]\nname", "[[case]\nname", 1),
            "syntax",
            "TOML syntax",
        ),
        (
            format!(
                "{base}\n[[case]]\nname = \"Membership 5: two responsible authorities are not a quorum\"\n[case.meeting]\nat = 2012-12-06T14:00:00\n[case.expect]\nvalid = true\n"
            ),
            "duplicate-case",
            "is already in the file",
        ),
        (
            base.replacen(
                "previous = 2012-09-13\n",
                "previous = 2012-09-13\n[[case.record.meeting]]\ndate = 2012-09-13\n",
                1,
            ),
            "conflicting-keys",
            "not both",
        ),
        (
            "#:schema ../schema/cases.schema.json\n# nothing yet\n".to_owned(),
            "no-cases",
            "no `[[case]]`",
        ),
    ];
    for (text, code, message) in broken {
        let dir = sefton_with(&text);
        let path = sefton_cases_path(&dir);
        let stderr = refused(&["test", &path]);
        assert!(stderr.contains(&format!("[{code}]")), "{code}: {stderr}");
        assert!(stderr.contains(message), "{message}: {stderr}");
        assert!(
            stderr.contains(&format!("{path}:")),
            "no path:line:column in {stderr}"
        );
        let position = stderr
            .split(&format!("{path}:"))
            .nth(1)
            .and_then(|rest| rest.split_whitespace().next())
            .expect("a position");
        let mut parts = position.split(':');
        let line: usize = parts.next().and_then(|l| l.parse().ok()).expect("a line");
        let column: usize = parts.next().and_then(|c| c.parse().ok()).expect("a column");
        assert!(line >= 1 && column >= 1, "{position}");
    }
}

#[test]
fn a_bad_file_is_refused_even_beside_good_ones() {
    let good = bundled_cases("sefton-scp");
    let bad = bundled_cases("richmond-strategy-group").replacen("\"probation\"", "\"probaton\"", 1);
    let dir = dir_with(&[
        ("sefton-scp.toml", bundled("sefton-scp").as_bytes()),
        ("sefton-scp.cases.toml", good.as_bytes()),
        (
            "richmond-strategy-group.toml",
            bundled("richmond-strategy-group").as_bytes(),
        ),
        ("richmond-strategy-group.cases.toml", bad.as_bytes()),
    ]);
    let stderr = refused(&["test", dir.path().to_str().expect("utf-8")]);
    assert!(
        stderr.contains("richmond-strategy-group.cases.toml:"),
        "{stderr}"
    );
    assert!(stderr.contains("did you mean `probation`?"), "{stderr}");
}

#[test]
fn unknown_partnerships_and_misnamed_files_are_refused() {
    let dir = dir_with(&[
        ("sefton.cases.toml", bundled_cases("sefton-scp").as_bytes()),
        (
            "sefton-scp.tests.toml",
            bundled_cases("sefton-scp").as_bytes(),
        ),
    ]);
    let stderr = refused(&[
        "test",
        &dir.path().join("sefton.cases.toml").display().to_string(),
    ]);
    assert!(stderr.contains("no partnership `sefton`"), "{stderr}");
    assert!(stderr.contains("did you mean `sefton-scp`?"), "{stderr}");

    let stderr = refused(&[
        "test",
        &dir.path()
            .join("sefton-scp.tests.toml")
            .display()
            .to_string(),
    ]);
    assert!(stderr.contains("is not a cases file"), "{stderr}");

    let stderr = refused(&[
        "test",
        &dir.path().join("missing.cases.toml").display().to_string(),
    ]);
    assert!(stderr.contains("cannot read"), "{stderr}");

    let empty = tempfile::tempdir().expect("temp dir");
    let stderr = refused(&["test", "--dir", empty.path().to_str().expect("utf-8")]);
    assert!(stderr.contains("no cases files"), "{stderr}");
}

#[test]
fn a_cases_file_without_its_tor_beside_it_uses_the_catalog() {
    // Only the cases file: the ToR comes from the built-in partnerships.
    let dir = dir_with(&[(
        "sefton-scp.cases.toml",
        bundled_cases("sefton-scp").as_bytes(),
    )]);
    let (code, stdout, stderr) = run(&[
        "test",
        &dir.path()
            .join("sefton-scp.cases.toml")
            .display()
            .to_string(),
    ]);
    assert_eq!(code, 0, "{stdout}\n{stderr}");
}

#[test]
fn the_tor_beside_the_cases_decides() {
    // A ToR beside the cases with a quorum of 2: the quorum cases now fail.
    let tor_text = bundled("sefton-scp").replace("at_least = 3\nclass", "at_least = 2\nclass");
    let dir = dir_with(&[
        ("sefton-scp.toml", tor_text.as_bytes()),
        (
            "sefton-scp.cases.toml",
            bundled_cases("sefton-scp").as_bytes(),
        ),
    ]);
    let (code, stdout, _) = run(&["test", &sefton_cases_path(&dir)]);
    assert_eq!(code, 1, "{stdout}");
    assert!(
        stdout.contains("  FAILED  Membership 5: two responsible authorities are not a quorum\n"),
        "{stdout}"
    );
}

fn example(name: &str) -> String {
    read(
        &Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("examples/partnerships")
            .join(name),
    )
}

#[test]
fn a_failing_audit_case_exits_1_naming_the_case() {
    // The Board's 2021 audit with no February meeting, expected to pass.
    let name = "9 (audit 2021, monthly phase): no meeting in February fails the frequency rule";
    let cases = example("town-board.cases.toml");
    let start = cases.find(name).expect("the case ships");
    let (head, tail) = cases.split_at(start);
    let tail = tail.replacen("valid = false", "valid = true", 1).replacen(
        "frequency = \"fail\"",
        "frequency = \"pass\"",
        1,
    );
    let dir = dir_with(&[
        ("town-board.toml", example("town-board.toml").as_bytes()),
        ("town-board.cases.toml", format!("{head}{tail}").as_bytes()),
    ]);
    let path = dir
        .path()
        .join("town-board.cases.toml")
        .display()
        .to_string();
    let (code, stdout, stderr) = run(&["test", &path]);
    assert_eq!(code, 1, "{stdout}{stderr}");
    assert!(stdout.contains(&format!("FAILED  {name}")), "{stdout}");
    assert!(
        stdout.contains("frequency: expected pass, got fail"),
        "{stdout}"
    );
    let (code, stdout, _) = run(&["test", &path, "--format", "json"]);
    assert_eq!(code, 1);
    let report = json(stdout.as_bytes());
    let failed: Vec<&Value> = report["files"][0]["cases"]
        .as_array()
        .expect("cases")
        .iter()
        .filter(|c| c["passed"] == false)
        .collect();
    assert_eq!(failed.len(), 1, "{report}");
    assert_eq!(failed[0]["name"], name);
    let fields: Vec<&Value> = failed[0]["differences"]
        .as_array()
        .expect("differences")
        .iter()
        .map(|d| &d["field"])
        .collect();
    assert_eq!(fields, ["valid", "frequency"]);
}

#[test]
fn a_deadlines_case_that_expects_the_wrong_day_shows_both() {
    let cases = "[[case]]\nname = \"Meeting Arrangements 6: papers for 6 December 2012\"\n[case.deadlines]\nat = 2012-12-06T14:00:00\n[case.expect]\ncirculate_by = 2012-12-01\n";
    let dir = sefton_with(cases);
    let (code, stdout, _) = run(&["test", &sefton_cases_path(&dir)]);
    assert_eq!(code, 1, "{stdout}");
    assert!(
        stdout.contains("circulate_by: expected 2012-12-01, got 2012-"),
        "{stdout}"
    );
}

//! `tor validate` through the binary: the bundled files pass, every kind of broken
//! file fails with its position, in human and JSON output alike.

use crate::common;

use crate::common::{MINIMAL, dir_with, json, tor};
use predicates::prelude::*;

/// Runs validate on one file named `name` holding `body`; returns the file's single
/// JSON record and the human output.
fn check(name: &str, body: &[u8]) -> (serde_json::Value, String) {
    let dir = dir_with(&[(name, body)]);
    let path = dir.path().join(name);
    let out = tor()
        .args(["validate", "--as-of", "2012-06-01", "--format", "json"])
        .arg(&path)
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let report = json(&out);
    let human = tor()
        .args(["validate", "--as-of", "2012-06-01"])
        .arg(&path)
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    (
        report["files"][0].clone(),
        String::from_utf8(human).expect("utf-8"),
    )
}

fn first_error(file: &serde_json::Value) -> &serde_json::Value {
    file["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .find(|d| d["severity"] == "error")
        .expect("an error")
}

/// Asserts the error `code` at `line:column` in both outputs.
fn assert_error(name: &str, body: &str, code: &str, line: u64, column: u64) -> String {
    let (file, human) = check(name, body.as_bytes());
    let d = first_error(&file);
    assert_eq!(d["code"], code, "{d}");
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(line), Some(column)),
        "{d}"
    );
    let place = format!("{name}:{line}:{column}");
    assert!(
        human.contains(&place),
        "human output lacks {place}:\n{human}"
    );
    assert!(human.contains(&format!("error[{code}]")), "{human}");
    human
}

#[test]
fn bundled_partnerships_are_valid() {
    tor()
        .arg("validate")
        .assert()
        .code(0)
        .stdout(predicate::str::contains("0 error(s)"));
    tor()
        .args(["validate", "--dir"])
        .arg(common::bundled_dir())
        .assert()
        .code(0);
}

#[test]
fn syntax_error_has_position() {
    let body = MINIMAL.replace("name = \"Test Group\"", "name = \"Test Group");
    assert_error("test-group.toml", &body, "syntax", 2, 19);
}

#[test]
fn unknown_top_level_key_suggests_nearest() {
    let body = format!("qorum = 3\n{MINIMAL}");
    let human = assert_error("test-group.toml", &body, "unknown-key", 1, 1);
    assert!(human.contains("did you mean `quorum`?"), "{human}");
}

#[test]
fn unknown_nested_key_suggests_nearest() {
    let body = MINIMAL.replace("clause = \"5\"", "clase = \"5\"");
    // In line order: the table missing `clause` (line 18) before the key (19).
    let human = assert_error("test-group.toml", &body, "missing-key", 18, 1);
    let (file, _) = check("test-group.toml", body.as_bytes());
    let d = &file["diagnostics"][1];
    assert_eq!(
        (&d["code"], &d["line"]),
        (&"unknown-key".into(), &19.into()),
        "{d}"
    );
    assert!(human.contains("test-group.toml:19:1"), "{human}");
    assert!(human.contains("did you mean `clause`?"), "{human}");
}

#[test]
fn every_unknown_key_is_reported_not_only_the_first() {
    let body = MINIMAL.replace("clause = \"5\"", "clase = \"5\"\nclause = \"5\"") + "colour = 1\n";
    let (file, _) = check("test-group.toml", body.as_bytes());
    let codes: Vec<_> = file["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].clone())
        .collect();
    assert_eq!(codes, ["unknown-key", "unknown-key"], "{file}");
}

#[test]
fn wrong_type_has_position() {
    let body = MINIMAL.replace("at_least = 2", "at_least = \"two\"");
    assert_error("test-group.toml", &body, "wrong-type", 20, 12);
}

#[test]
fn invalid_date_is_an_error() {
    let body = MINIMAL.replace(
        "name = \"The Police\"",
        "name = \"The Police\"\nfrom = 2013-02-30",
    );
    let (file, human) = check("test-group.toml", body.as_bytes());
    let d = first_error(&file);
    assert!(
        ["invalid-date", "syntax"].contains(&d["code"].as_str().unwrap()),
        "{d}"
    );
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(16), Some(8)),
        "{d}"
    );
    assert!(human.contains("test-group.toml:16:8"), "{human}");
}

#[test]
fn quorum_above_eligible_members_is_impossible() {
    let body = MINIMAL.replace("at_least = 2", "at_least = 3");
    let human = assert_error("test-group.toml", &body, "impossible-rule", 20, 12);
    assert!(human.contains("more than the 2"), "{human}");
}

#[test]
fn reference_to_undefined_member_suggests_nearest() {
    let body = format!(
        "{MINIMAL}\n[chair]\nclause = \"1\"\nappointment = \"named\"\nmember = \"polce\"\n"
    );
    let human = assert_error("test-group.toml", &body, "unknown-member", 26, 10);
    assert!(human.contains("did you mean `police`?"), "{human}");
}

#[test]
fn reference_to_undefined_class_is_an_error() {
    let body = MINIMAL.replace(
        "class = \"responsible-authority\"\n\n[quorum]",
        "class = \"responsibl-authority\"\n\n[quorum]",
    );
    assert_error("test-group.toml", &body, "unknown-class", 16, 9);
}

#[test]
fn id_must_match_file_name() {
    let human = assert_error("other-name.toml", MINIMAL, "id-mismatch", 1, 6);
    assert!(human.contains("other-name"), "{human}");
}

#[test]
fn duplicate_member_id_is_an_error() {
    let body = MINIMAL.replace("id = \"police\"", "id = \"council\"");
    assert_error("test-group.toml", &body, "duplicate-id", 14, 6);
}

#[test]
fn inverted_membership_dates_are_an_error() {
    let body = MINIMAL.replace(
        "name = \"The Police\"",
        "name = \"The Police\"\nfrom = 2012-01-01\nuntil = 2011-01-01",
    );
    assert_error("test-group.toml", &body, "inverted-dates", 17, 9);
}

#[test]
fn empty_file_is_an_error() {
    assert_error("test-group.toml", "", "empty-file", 1, 1);
    assert_error("test-group.toml", "\n  \n", "empty-file", 1, 1);
}

#[test]
fn binary_file_is_an_error() {
    let (file, human) = check("test-group.toml", b"\x7fELF\x02\x01\x01\x00\x00\xff\xfe");
    assert_eq!(first_error(&file)["code"], "not-text", "{file}");
    assert!(human.contains("test-group.toml:1:"), "{human}");
}

#[test]
fn missing_required_key_is_an_error() {
    let body = MINIMAL.replace("name = \"Test Group\"\n", "");
    assert_error("test-group.toml", &body, "missing-key", 1, 1);
}

#[test]
fn no_panic_on_arbitrary_bytes() {
    for body in [
        &b"[[members]]\n"[..],
        b"id = 1",
        b"\xef\xbb\xbfid = \"x\"",
        b"[a.b.c]\nd=1",
        b"=",
        b"\"\"\"\n",
    ] {
        let dir = dir_with(&[("x.toml", body)]);
        tor()
            .arg("validate")
            .arg(dir.path().join("x.toml"))
            .assert()
            .code(1)
            .stderr(predicate::str::contains("panicked").not());
    }
}

#[test]
fn warns_about_overdue_review_and_missing_rules() {
    let out = tor()
        .args(["validate", "--as-of", "2026-11-23", "--format", "json"])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let report = json(&out);
    let codes_of = |stem: &str| -> Vec<String> {
        report["files"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| {
                f["path"]
                    .as_str()
                    .unwrap()
                    .ends_with(&format!("{stem}.toml"))
            })
            .expect("file listed")["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["code"].as_str().unwrap().to_owned())
            .collect()
    };
    assert!(codes_of("sefton-scp").contains(&"review-overdue".to_owned()));
    assert!(codes_of("oxfordshire-business-group").contains(&"no-quorum-rule".to_owned()));
    assert!(report["warnings"].as_u64().unwrap() > 0);
    assert_eq!(report["errors"], 0);
}

#[test]
fn deny_warnings_turns_warnings_into_failure() {
    tor()
        .args(["validate", "--as-of", "2026-11-23", "--deny-warnings"])
        .assert()
        .code(1);
}

#[test]
fn missing_path_is_exit_2() {
    tor()
        .args(["validate", "/nonexistent/tor.toml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("/nonexistent/tor.toml"));
}

/// A copy of the bundled partnerships in a temporary folder, one of them broken.
fn broken_copy(stem: &str, edit: impl Fn(&str) -> String) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (id, text) in tor::bundled::PARTNERSHIPS {
        let text = if *id == stem {
            edit(text)
        } else {
            (*text).to_owned()
        };
        std::fs::write(dir.path().join(format!("{id}.toml")), text).unwrap();
    }
    dir
}

/// The 1-based line of the first line of `text` containing `needle`.
fn line_of(text: &str, needle: &str) -> usize {
    text.lines()
        .position(|l| l.contains(needle))
        .expect("needle in file")
        + 1
}

#[test]
fn github_format_points_at_the_broken_line_of_each_bundled_file() {
    for (id, text) in tor::bundled::PARTNERSHIPS {
        // Break the `name` key of each file: an unknown key on a known line.
        let dir = broken_copy(id, |t| t.replacen("name = ", "nmae = ", 1));
        let line = line_of(text, "name = ");
        let out = tor()
            .args(["validate", "--format", "github", "--as-of", "2026-01-01"])
            .arg(dir.path())
            .assert()
            .code(1)
            .get_output()
            .stdout
            .clone();
        let out = String::from_utf8(out).unwrap();
        let expected = format!(
            "::error file={}/{id}.toml,line={line},col=1,",
            dir.path().display()
        );
        assert!(
            out.lines().any(|l| l.starts_with(&expected)),
            "{expected} not in\n{out}"
        );
    }
}

#[test]
fn github_format_escapes_data() {
    let dir = dir_with(&[(
        "test-group.toml",
        format!("{MINIMAL}\n[review]\nclause = \"8, 9\"\nnext = 2001-01-01\n").as_bytes(),
    )]);
    let out = tor()
        .args(["validate", "--format", "github", "--as-of", "2026-01-01"])
        .arg(dir.path())
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    assert!(out.starts_with("::warning file="), "{out}");
    assert!(out.contains("title=tor review-overdue::"), "{out}");
}

fn sarif_validator() -> jsonschema::Validator {
    // The official schema as shared with the project; a copy is kept in tests/data
    // for checkouts without it.
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let shared = root.join("../shared/data/sarif-schema-2.1.0.json");
    let path = if shared.exists() {
        shared
    } else {
        root.join("tests/data/sarif-schema-2.1.0.json")
    };
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    jsonschema::draft4::new(&schema).expect("the SARIF schema compiles")
}

#[test]
fn sarif_output_is_valid_sarif_2_1_0() {
    let validator = sarif_validator();
    let broken = broken_copy("sefton-scp", |t| {
        t.replace("at_least = 3", "at_least = 9") + "\ncolour = 1\n"
    });
    for dir in [broken.path().to_owned(), common::bundled_dir()] {
        let out = tor()
            .args(["validate", "--format", "sarif", "--as-of", "2026-01-01"])
            .arg(&dir)
            .assert()
            .get_output()
            .stdout
            .clone();
        let log = json(&out);
        let errors: Vec<String> = validator
            .iter_errors(&log)
            .map(|e| format!("{e} at {}", e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{errors:#?}");
        let results = log["runs"][0]["results"].as_array().unwrap();
        assert!(!results.is_empty());
        assert!(results.iter().all(|r| {
            r["locations"][0]["physicalLocation"]["region"]["startLine"]
                .as_u64()
                .unwrap()
                >= 1
        }));
    }
    let out = tor()
        .args(["validate", "--format", "sarif", "--as-of", "2026-01-01"])
        .arg(broken.path())
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let log = json(&out);
    let rules = log["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap();
    let ids: Vec<&str> = rules.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert!(ids.contains(&"unknown-key"), "{ids:?}");
    // Each rule carries what its code means, not a placeholder.
    for rule in rules {
        let code = tor::diag::Code::from_name(rule["id"].as_str().unwrap()).expect("a real code");
        assert_eq!(
            rule["shortDescription"]["text"],
            code.description(),
            "{rule}"
        );
    }
}

#[test]
fn junit_output_is_well_formed_xml_with_one_case_per_file() {
    let broken = broken_copy("richmond-strategy-group", |t| format!("{t}\ncolour = 1\n"));
    let out = tor()
        .args(["validate", "--format", "junit", "--as-of", "2026-01-01"])
        .arg(broken.path())
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let xml = String::from_utf8(out).unwrap();
    let doc = roxmltree::Document::parse(&xml).expect("well-formed XML");
    let cases: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("testcase"))
        .collect();
    assert_eq!(cases.len(), 4);
    let failed: Vec<_> = cases
        .iter()
        .filter(|c| c.children().any(|n| n.has_tag_name("failure")))
        .collect();
    assert_eq!(failed.len(), 1);
    assert!(
        failed[0]
            .attribute("name")
            .unwrap()
            .ends_with("richmond-strategy-group.toml")
    );
    let suite = doc
        .descendants()
        .find(|n| n.has_tag_name("testsuite"))
        .unwrap();
    assert_eq!(suite.attribute("failures"), Some("1"));
}

#[test]
fn ci_formats_are_only_for_validate() {
    // After the command, clap offers only the command's formats.
    tor()
        .args(["list", "--format", "sarif"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("[possible values: human, json]"));
    // Before or after the command, a format it takes works as before.
    for args in [["--format", "json", "list"], ["list", "--format", "json"]] {
        let out = tor()
            .args(args)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        assert!(serde_json::from_slice::<serde_json::Value>(&out).is_ok());
    }
    // Before it, the command is not known yet: only the formats every
    // reporting command takes are offered, and clap refuses the CI formats.
    for ci in ["github", "sarif", "junit"] {
        tor()
            .args(["--format", ci, "list"])
            .assert()
            .code(2)
            .stderr(predicate::str::contains("[possible values: human, json]"));
    }
}

#[test]
fn each_command_offers_only_its_formats() {
    let help = |args: &[&str]| {
        let out = tor().args(args).arg("--help").assert().success();
        String::from_utf8(out.get_output().stdout.clone()).unwrap()
    };
    let validate = help(&["validate"]);
    for name in ["human", "json", "github", "sarif", "junit"] {
        assert!(validate.contains(&format!("- {name}:")), "{validate}");
    }
    for command in ["list", "show", "tally", "check-meeting", "audit"] {
        let text = help(&[command]);
        assert!(text.contains("- json:"), "{text}");
        assert!(!text.contains("sarif") && !text.contains("junit"), "{text}");
    }
    assert!(!help(&["completions"]).contains("--format"));
    let top = help(&[]);
    assert!(top.contains("- json:"), "{top}");
    assert!(
        !["github", "sarif", "junit"].iter().any(|f| top.contains(f)),
        "{top}"
    );
    tor()
        .args(["--format", "json", "completions", "bash"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "`tor completions` takes no --format",
        ));
}

#[test]
fn json_output_streams_a_complete_document_for_many_files() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..250 {
        std::fs::write(
            dir.path().join(format!("group-{i}.toml")),
            MINIMAL.replace("test-group", &format!("group-{i}")),
        )
        .unwrap();
    }
    let out = tor()
        .args(["validate", "--format", "json"])
        .arg(dir.path())
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let report = json(&out);
    assert_eq!(report["files"].as_array().unwrap().len(), 250);
    assert_eq!(report["errors"], 0);
}

#[test]
fn meeting_records_beside_a_tor_are_validated() {
    let record =
        "[[meeting]]\ndate = 2012-03-01\npresent = [\"local-authority\", \"polce-force\"]\n";
    let dir = dir_with(&[
        (
            "sefton-scp.toml",
            common::bundled_text("sefton-scp").as_bytes(),
        ),
        ("sefton-scp.meetings.toml", record.as_bytes()),
    ]);
    let out = tor()
        .args(["validate", "--format", "json", "--as-of", "2012-06-01"])
        .arg(dir.path())
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let report = json(&out);
    let file = common::file_entry(&report, "sefton-scp.meetings.toml");
    assert_eq!(file["diagnostics"][0]["code"], "unknown-member");
    assert_eq!(
        (
            file["diagnostics"][0]["line"].as_u64(),
            file["diagnostics"][0]["column"].as_u64()
        ),
        (Some(3), Some(31))
    );
    // The record alone, named on the command line, is checked against its ToR.
    tor()
        .args(["validate", "--as-of", "2012-06-01"])
        .arg(dir.path().join("sefton-scp.meetings.toml"))
        .assert()
        .code(1)
        .stdout(predicate::str::contains("did you mean `police-force`?"));
}

#[test]
fn example_record_is_valid() {
    let examples = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples/records/sefton-scp.meetings.toml");
    let dir = dir_with(&[(
        "sefton-scp.toml",
        common::bundled_text("sefton-scp").as_bytes(),
    )]);
    std::fs::copy(&examples, dir.path().join("sefton-scp.meetings.toml")).unwrap();
    let out = tor()
        .args(["validate", "--format", "json", "--as-of", "2012-06-01"])
        .arg(dir.path())
        .assert()
        .get_output()
        .stdout
        .clone();
    assert_eq!(json(&out)["errors"], 0, "{}", String::from_utf8_lossy(&out));
}

#[test]
fn placeholder_clauses_are_a_warning() {
    let body = MINIMAL.replace("clause = \"5\"", "clause = \"TODO\"");
    let dir = dir_with(&[("test-group.toml", body.as_bytes())]);
    let out = tor()
        .args(["validate", "--format", "json", "--as-of", "2020-01-01"])
        .arg(dir.path())
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let report = json(&out);
    let codes: Vec<&str> = report["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    assert!(codes.contains(&"placeholder-clause"), "{codes:?}");
}

#[test]
fn cases_files_beside_a_tor_are_validated() {
    let sefton = common::bundled_text("sefton-scp");
    let cases = "[[case]]\nname = \"x\"\n[case.vote]\nat = 2012-12-06\nfor = [\"cvss\"]\n[case.expect]\nvalid = true\n";
    let dir = dir_with(&[
        ("sefton-scp.toml", sefton.as_bytes()),
        ("sefton-scp.cases.toml", cases.as_bytes()),
    ]);
    let out = tor()
        .args(["validate", "--format", "json", "--as-of", "2012-06-01"])
        .arg(dir.path())
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let report = json(&out);
    let file = common::file_entry(&report, "sefton-scp.cases.toml");
    assert_eq!(file["diagnostics"][0]["code"], "unknown-member", "{file}");
    assert_eq!(file["diagnostics"][0]["line"], 5);
}

#[test]
fn the_repository_folder_validates_with_its_records_and_cases() {
    let out = tor()
        .args([
            "validate",
            "--format",
            "json",
            "--as-of",
            "2012-06-01",
            "--dir",
        ])
        .arg(common::bundled_dir())
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let report = json(&out);
    let paths: Vec<&str> = report["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    assert_eq!(
        paths.iter().filter(|p| p.ends_with(".cases.toml")).count(),
        4,
        "{paths:?}"
    );
}

//! `tor schema`: the committed schema is current, and every bundled file validates
//! against it (with the jsonschema crate, and with taplo where it is installed).

use std::path::{Path, PathBuf};

use crate::common::{json, tor};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn schema_output(kind: &str) -> serde_json::Value {
    json(
        &tor()
            .args(["schema", kind])
            .assert()
            .code(0)
            .get_output()
            .stdout
            .clone(),
    )
}

/// TOML as the JSON editors see: dates become strings.
fn to_json(value: toml::Value) -> serde_json::Value {
    match value {
        toml::Value::String(s) => s.into(),
        toml::Value::Integer(i) => i.into(),
        toml::Value::Float(f) => f.into(),
        toml::Value::Boolean(b) => b.into(),
        toml::Value::Datetime(d) => d.to_string().into(),
        toml::Value::Array(items) => items.into_iter().map(to_json).collect(),
        toml::Value::Table(t) => t.into_iter().map(|(k, v)| (k, to_json(v))).collect(),
    }
}

fn tor_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = ["partnerships", "examples/partnerships"]
        .iter()
        .flat_map(|d| tor::catalog::tor_files(&root().join(d)).expect("folder"))
        .collect();
    files.sort();
    assert!(files.len() >= 5);
    files
}

/// Files in `dir` (under the crate root) whose names end with `suffix`, sorted.
fn files_ending(dir: &str, suffix: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join(dir))
        .expect("folder")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.to_str().is_some_and(|s| s.ends_with(suffix)))
        .collect();
    files.sort();
    files
}

/// Every committed file of a schema kind: the bundled ToR files and examples,
/// the example records, the bundled cases.
fn files_of(kind: &str) -> Vec<PathBuf> {
    let files = match kind {
        "tor" => tor_files(),
        "meetings" => files_ending("examples/records", ".meetings.toml"),
        "cases" => files_ending("partnerships", ".cases.toml"),
        other => panic!("no schema kind {other}"),
    };
    assert!(!files.is_empty(), "no {kind} files");
    files
}

const KINDS: [&str; 3] = ["tor", "meetings", "cases"];

#[test]
fn committed_schemas_are_current() {
    for kind in KINDS {
        let path = root().join(format!("schema/{kind}.schema.json"));
        let committed: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        assert_eq!(
            committed,
            schema_output(kind),
            "run: cargo run -- schema {kind} > schema/{kind}.schema.json"
        );
    }
}

/// Every property name anywhere in `schema`.
fn property_names(schema: &serde_json::Value, out: &mut std::collections::BTreeSet<String>) {
    match schema {
        serde_json::Value::Object(map) => {
            if let Some(serde_json::Value::Object(props)) = map.get("properties") {
                out.extend(props.keys().cloned());
            }
            map.values().for_each(|v| property_names(v, out));
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| property_names(v, out)),
        _ => {}
    }
}

/// The README is the format's reference: every key any file kind takes is
/// written there, as `key`, `key = ...`, a table `[key` or a dotted `.key`.
#[test]
fn the_readme_names_every_key_of_every_file_kind() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    for kind in KINDS {
        let mut keys = std::collections::BTreeSet::new();
        property_names(&schema_output(kind), &mut keys);
        assert!(keys.len() > 10, "{kind}: {keys:?}");
        let missing: Vec<&String> = keys
            .iter()
            .filter(|k| {
                ![
                    format!("`{k}`"),
                    format!("{k} ="),
                    format!("[{k}"),
                    format!(".{k}"),
                    format!("{{ {k}"),
                    format!(", {k}"),
                ]
                .iter()
                .any(|form| readme.contains(form.as_str()))
            })
            .collect();
        assert!(
            missing.is_empty(),
            "{kind} keys the README does not document: {missing:?}"
        );
    }
}

#[test]
fn schemas_are_draft_07() {
    for kind in KINDS {
        assert_eq!(
            schema_output(kind)["$schema"],
            "http://json-schema.org/draft-07/schema#"
        );
    }
}

#[test]
fn the_default_kind_is_tor() {
    let out = tor()
        .arg("schema")
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    assert_eq!(json(&out), schema_output("tor"));
}

#[test]
fn every_committed_file_names_its_schema_and_validates() {
    for kind in KINDS {
        let validator = jsonschema::draft7::new(&schema_output(kind)).expect("a valid schema");
        for path in files_of(kind) {
            let text = std::fs::read_to_string(&path).unwrap();
            let first = text.lines().next().unwrap_or_default();
            assert!(
                first.starts_with("#:schema ")
                    && first.ends_with(&format!("/schema/{kind}.schema.json")),
                "{} lacks a #:schema line naming {kind}.schema.json",
                path.display()
            );
            let instance = to_json(toml::Value::Table(toml::from_str(&text).unwrap()));
            let errors: Vec<String> = validator
                .iter_errors(&instance)
                .map(|e| e.to_string())
                .collect();
            assert!(errors.is_empty(), "{}: {errors:?}", path.display());
        }
    }
}

#[test]
fn schema_rejects_unknown_keys_and_bad_keywords() {
    let validator = jsonschema::draft7::new(&schema_output("tor")).unwrap();
    let base = std::fs::read_to_string(root().join("partnerships/sefton-scp.toml")).unwrap();
    for broken in [
        format!("colour = 1\n{base}"),
        base.replace("method = \"consensus-then-majority\"", "method = \"vote\""),
    ] {
        let instance = to_json(toml::Value::Table(toml::from_str(&broken).unwrap()));
        assert!(!validator.is_valid(&instance));
    }
}

#[test]
fn cases_and_meetings_schemas_reject_unknown_keys_and_bad_keywords() {
    let cases = jsonschema::draft7::new(&schema_output("cases")).unwrap();
    let base = "[[case]]\nname = \"n\"\n[case.vote]\nat = 2013-01-10\nfor = [\"cvs\"]\n[case.expect]\nvalid = true\n";
    let check = |validator: &jsonschema::Validator, text: &str| {
        validator.is_valid(&to_json(toml::Value::Table(toml::from_str(text).unwrap())))
    };
    assert!(check(&cases, base));
    for broken in [
        base.replace("valid = true", "valid = true\ncolour = 1"),
        base.replace("for = [", "colour = 1\nfor = ["),
        base.replace("valid = true", "valid = true\noutcome = \"won\""),
        base.replace(
            "valid = true",
            "valid = true\nfindings = { quorum = \"ok\" }",
        ),
        base.replace(
            "valid = true",
            "valid = true\nfindings = { quorom = \"pass\" }",
        ),
        // A ToR may declare its own kinds, so the schema checks only their spelling.
        base.replace("for = [", "kinds = [\"Urgent Matter\"]\nfor = ["),
        base.replace("valid = true\n", ""),
    ] {
        assert!(!check(&cases, &broken), "accepted:\n{broken}");
    }
    let meetings = jsonschema::draft7::new(&schema_output("meetings")).unwrap();
    let base = "[[meeting]]\ndate = 2012-03-01\nchair = \"present\"\n";
    assert!(check(&meetings, base));
    // Every word a record's loader accepts for who chaired, `chosen` included.
    for chair in ["deputy", "chosen", "absent"] {
        assert!(
            check(&meetings, &base.replace("present", chair)),
            "rejected chair = {chair}"
        );
    }
    for broken in [
        format!("{base}colour = 1\n"),
        base.replace("present", "asleep"),
        base.replace("[[meeting]]", "[[meetings]]"),
    ] {
        assert!(!check(&meetings, &broken), "accepted:\n{broken}");
    }
}

/// taplo, the TOML toolkit behind Even Better TOML, reads the `#:schema` line.
/// CI installs it and sets TOR_REQUIRE_TAPLO so this cannot pass by skipping.
#[test]
fn taplo_accepts_committed_files_and_rejects_an_unknown_key() {
    let Ok(version) = std::process::Command::new("taplo")
        .arg("--version")
        .output()
    else {
        assert!(
            std::env::var_os("TOR_REQUIRE_TAPLO").is_none(),
            "taplo is required but not installed"
        );
        return;
    };
    assert!(version.status.success());
    let check = |paths: &[PathBuf]| {
        std::process::Command::new("taplo")
            .arg("check")
            .args(paths)
            .output()
            .expect("taplo runs")
            .status
            .success()
    };
    let dir = tempfile::tempdir().unwrap();
    let samples = [
        ("tor", "partnerships/sefton-scp.toml", "colour = 1\n"),
        (
            "meetings",
            "examples/records/sefton-scp.meetings.toml",
            "[[meeting]]\ndate = 2013-03-07\ncolour = 1\n",
        ),
        (
            "cases",
            "partnerships/sefton-scp.cases.toml",
            "[[case]]\nname = \"x\"\ncolour = 1\n[case.expect]\nvalid = true\n",
        ),
    ];
    for (kind, sample, unknown) in samples {
        assert!(
            check(&files_of(kind)),
            "taplo refuses a committed {kind} file"
        );
        // The copy names the schema by absolute path, as it no longer sits in the tree.
        let schema = root().join(format!("schema/{kind}.schema.json"));
        let mut lines = std::fs::read_to_string(root().join(sample)).unwrap();
        let first_end = lines.find('\n').unwrap();
        lines.replace_range(..first_end, &format!("#:schema {}", schema.display()));
        let name = Path::new(sample).file_name().unwrap();
        let good = dir.path().join(name);
        std::fs::write(&good, &lines).unwrap();
        assert!(
            check(std::slice::from_ref(&good)),
            "taplo refuses the copy of {sample}"
        );
        std::fs::write(&good, format!("{lines}\n{unknown}")).unwrap();
        assert!(
            !check(&[good]),
            "taplo accepts an unknown key in a {kind} file"
        );
    }
}

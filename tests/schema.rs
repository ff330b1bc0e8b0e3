//! `tor schema`: the committed schema is current, and every bundled file validates
//! against it (with the jsonschema crate, and with taplo where it is installed).

mod common;

use std::path::{Path, PathBuf};

use common::{json, tor};

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

#[test]
fn committed_schema_is_current() {
    let committed: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("schema/tor.schema.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(
        committed,
        schema_output("tor"),
        "run: cargo run -- schema tor > schema/tor.schema.json"
    );
}

#[test]
fn schema_is_draft_07() {
    assert_eq!(
        schema_output("tor")["$schema"],
        "http://json-schema.org/draft-07/schema#"
    );
}

#[test]
fn every_bundled_file_names_its_schema_and_validates() {
    let validator = jsonschema::draft7::new(&schema_output("tor")).expect("a valid schema");
    for path in tor_files() {
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(
            text.starts_with("#:schema "),
            "{} lacks a #:schema line",
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

/// taplo, the TOML toolkit behind Even Better TOML, reads the `#:schema` line.
/// CI installs it and sets TOR_REQUIRE_TAPLO so this cannot pass by skipping.
#[test]
fn taplo_accepts_bundled_files_and_rejects_an_unknown_key() {
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
    assert!(check(&tor_files()));
    let dir = tempfile::tempdir().unwrap();
    let schema = root().join("schema/tor.schema.json");
    let text = std::fs::read_to_string(root().join("partnerships/sefton-scp.toml"))
        .unwrap()
        .replace(
            "#:schema ../schema/tor.schema.json",
            &format!("#:schema {}", schema.display()),
        );
    let bad = dir.path().join("sefton-scp.toml");
    std::fs::write(&bad, format!("{text}\ncolour = 1\n")).unwrap();
    assert!(!check(&[bad]));
}

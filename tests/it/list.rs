//! `tor list` through the binary.

use crate::common;

use crate::common::{MINIMAL, dir_with, json, tor};

#[test]
fn lists_the_four_bundled_partnerships_as_json() {
    let out = tor()
        .args(["list", "--format", "json"])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let rows = json(&out);
    let ids: Vec<&str> = rows
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        [
            "oxfordshire-board",
            "oxfordshire-business-group",
            "richmond-strategy-group",
            "sefton-scp"
        ]
    );
    let sefton = &rows[3];
    assert_eq!(sefton["review_due"], "2013-04-30");
    assert_eq!(sefton["name"], "Sefton Safer Communities Partnership");
    assert!(sefton["members"].as_u64().unwrap() >= 13);
    for field in ["id", "name", "members", "review_due", "valid"] {
        assert!(sefton.get(field).is_some(), "missing {field}");
    }
}

#[test]
fn human_list_is_a_table_with_every_id() {
    let out = tor()
        .arg("list")
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    for id in [
        "oxfordshire-board",
        "oxfordshire-business-group",
        "richmond-strategy-group",
        "sefton-scp",
    ] {
        assert!(text.contains(id), "{text}");
    }
    assert!(text.contains("review due"), "{text}");
}

#[test]
fn dir_option_and_env_select_the_folder() {
    let dir = dir_with(&[("test-group.toml", MINIMAL.as_bytes())]);
    let out = tor()
        .args(["list", "--format", "json", "--dir"])
        .arg(dir.path())
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    assert_eq!(json(&out)[0]["id"], "test-group");
    let out = tor()
        .args(["list", "--format", "json"])
        .env("TOR_DIR", dir.path())
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    assert_eq!(json(&out)[0]["id"], "test-group");
}

#[test]
fn an_invalid_file_is_listed_as_not_valid() {
    let dir = dir_with(&[
        ("test-group.toml", MINIMAL.as_bytes()),
        ("broken.toml", b"id = "),
    ]);
    let out = tor()
        .args(["list", "--format", "json", "--dir"])
        .arg(dir.path())
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let rows = json(&out);
    assert_eq!(rows[0]["id"], "broken");
    assert_eq!(rows[0]["valid"], false);
}

#[test]
fn a_missing_dir_is_exit_2() {
    tor()
        .args(["list", "--dir", "/nonexistent/partnerships"])
        .assert()
        .code(2);
}

#[test]
fn every_file_in_partnerships_is_built_in() {
    let mut on_disk: Vec<String> = std::fs::read_dir(common::bundled_dir())
        .unwrap()
        .filter_map(|e| tor::catalog::tor_stem(&e.unwrap().path()).map(str::to_owned))
        .collect();
    on_disk.sort();
    let built_in: Vec<&str> = tor::bundled::PARTNERSHIPS
        .iter()
        .map(|(id, _)| *id)
        .collect();
    assert_eq!(on_disk, built_in);
}

#[test]
fn the_commented_example_uses_every_key_and_is_valid() {
    let example = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/partnerships");
    let out = tor()
        .args(["validate", "--as-of", "2024-07-01", "--format", "json"])
        .arg(&example)
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let report = json(&out);
    assert_eq!(report["errors"], 0);
    // The SPEC §7 bodies state no review cycle (and the executive no chair): those gaps, and only those, are expected.
    let mut gaps = Vec::new();
    for file in report["files"].as_array().unwrap() {
        for d in file["diagnostics"].as_array().unwrap() {
            let path = file["path"].as_str().unwrap();
            let stem = path.rsplit('/').next().unwrap().trim_end_matches(".toml");
            gaps.push(format!("{stem}: {}", d["code"].as_str().unwrap()));
        }
    }
    assert_eq!(
        gaps,
        [
            "northvale-southmere-joint-scrutiny: no-review-rule",
            "police-and-crime-panel: no-review-rule",
            "safeguarding-executive: no-chair-rule",
            "safeguarding-executive: no-review-rule",
            "town-board: no-review-rule",
        ],
        "{report}"
    );
}

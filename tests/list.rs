//! `tor list` through the binary.

mod common;

use common::{MINIMAL, dir_with, json, tor};

#[test]
fn lists_the_four_bundled_partnerships_as_json() {
    let out = tor().args(["list", "--format", "json"]).assert().code(0).get_output().stdout.clone();
    let rows = json(&out);
    let ids: Vec<&str> = rows.as_array().unwrap().iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["oxfordshire-board", "oxfordshire-business-group", "richmond-strategy-group", "sefton-scp"]);
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
    let out = tor().arg("list").assert().code(0).get_output().stdout.clone();
    let text = String::from_utf8(out).unwrap();
    for id in ["oxfordshire-board", "oxfordshire-business-group", "richmond-strategy-group", "sefton-scp"] {
        assert!(text.contains(id), "{text}");
    }
    assert!(text.contains("review due"), "{text}");
}

#[test]
fn dir_option_and_env_select_the_folder() {
    let dir = dir_with(&[("test-group.toml", MINIMAL.as_bytes())]);
    let out = tor().args(["list", "--format", "json", "--dir"]).arg(dir.path()).assert().code(0).get_output().stdout.clone();
    assert_eq!(json(&out)[0]["id"], "test-group");
    let out = tor().args(["list", "--format", "json"]).env("TOR_DIR", dir.path()).assert().code(0).get_output().stdout.clone();
    assert_eq!(json(&out)[0]["id"], "test-group");
}

#[test]
fn an_invalid_file_is_listed_as_not_valid() {
    let dir = dir_with(&[("test-group.toml", MINIMAL.as_bytes()), ("broken.toml", b"id = ")]);
    let out = tor().args(["list", "--format", "json", "--dir"]).arg(dir.path()).assert().code(1).get_output().stdout.clone();
    let rows = json(&out);
    assert_eq!(rows[0]["id"], "broken");
    assert_eq!(rows[0]["valid"], false);
}

#[test]
fn a_missing_dir_is_exit_2() {
    tor().args(["list", "--dir", "/nonexistent/partnerships"]).assert().code(2);
}

//! `tor validate` on folders and named files: symbolic links do not lead out of
//! the folder, every `*.toml` is checked or listed as skipped, a name that is not
//! an id is an error, and companion files are checked by their own rules.

use std::path::Path;

use predicates::prelude::*;

use crate::common::{MINIMAL, bundled_text, json, tor};

fn validate(args: &[&Path]) -> assert_cmd::assert::Assert {
    tor()
        .args(["validate", "--as-of", "2012-01-01"])
        .args(args)
        .assert()
}

fn validate_json(dir: &Path, extra: &[&str], code: i32) -> serde_json::Value {
    let out = tor()
        .args(["validate", "--as-of", "2012-01-01", "--format", "json"])
        .args(extra)
        .arg(dir)
        .assert()
        .code(code)
        .get_output()
        .stdout
        .clone();
    json(&out)
}

fn folder(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, body) in files {
        std::fs::write(dir.path().join(name), body).expect("write");
    }
    dir
}

#[cfg(unix)]
#[test]
fn a_link_out_of_the_folder_is_skipped_and_its_content_never_shown() {
    let outside = tempfile::tempdir().expect("temp dir");
    let secret = outside.path().join("secret.toml");
    std::fs::write(&secret, "password = \"hunter2\"\n").expect("write");
    let dir = folder(&[("test-group.toml", MINIMAL)]);
    std::os::unix::fs::symlink(&secret, dir.path().join("leak.toml")).expect("symlink");
    std::os::unix::fs::symlink(
        dir.path().join("test-group.toml"),
        dir.path().join("inside.toml"),
    )
    .expect("symlink");
    validate(&[dir.path()])
        .code(1)
        .stdout(predicate::str::contains("hunter2").not())
        .stdout(predicate::str::contains(
            "leak.toml`: a symbolic link to a file outside the folder (give --follow to check it)",
        ))
        // The link inside the folder is followed: its id does not match its name.
        .stdout(predicate::str::contains("inside.toml"));
    let report = validate_json(dir.path(), &[], 1);
    assert_eq!(report["skipped"][0]["code"], "link-outside", "{report:#}");
    let followed = validate_json(dir.path(), &["--follow"], 1);
    assert_eq!(followed["skipped"], serde_json::json!([]), "{followed:#}");
    assert_eq!(followed["files"].as_array().map(Vec::len), Some(3));
}

#[test]
fn every_toml_file_is_checked_or_skipped_with_its_reason() {
    let dir = folder(&[
        ("test-group.toml", MINIMAL),
        ("notes.old.toml", MINIMAL),
        ("Test_Group.toml", MINIMAL),
        ("new\nline.toml", MINIMAL),
        ("readme.md", "not toml"),
    ]);
    std::fs::create_dir(dir.path().join("folder.toml")).expect("mkdir");
    let report = validate_json(dir.path(), &[], 1);
    let checked: Vec<&str> = report["files"]
        .as_array()
        .expect("files")
        .iter()
        .map(|f| f["path"].as_str().expect("path"))
        .collect();
    assert_eq!(checked.len(), 3, "{report:#}");
    let bad: Vec<_> = report["files"]
        .as_array()
        .expect("files")
        .iter()
        .filter(|f| f["diagnostics"][0]["code"] == "file-name")
        .collect();
    assert_eq!(bad.len(), 2, "{report:#}");
    let skipped: Vec<(&str, &str)> = report["skipped"]
        .as_array()
        .expect("skipped")
        .iter()
        .map(|s| {
            let path = s["path"].as_str().expect("path");
            let name = path.rsplit('/').next().expect("name");
            (name, s["code"].as_str().expect("code"))
        })
        .collect();
    assert_eq!(
        skipped,
        [
            ("folder.toml", "not-regular"),
            ("notes.old.toml", "other-name")
        ]
    );
    validate(&[dir.path()])
        .code(1)
        .stdout(predicate::str::contains("skipped 2 file(s)"))
        .stdout(predicate::str::contains("new\\nline.toml"));
}

#[cfg(unix)]
#[test]
fn a_non_utf8_name_is_an_error_not_skipped_silently() {
    use std::os::unix::ffi::OsStrExt;
    let dir = folder(&[("test-group.toml", MINIMAL)]);
    let name = std::ffi::OsStr::from_bytes(b"caf\xe9.toml");
    std::fs::write(dir.path().join(name), MINIMAL).expect("write");
    validate(&[dir.path()])
        .code(1)
        .stdout(predicate::str::contains("the file name is not UTF-8 text"));
}

#[test]
fn a_file_given_directly_needs_a_name_tor_reads() {
    let dir = folder(&[("test.group.toml", MINIMAL), ("Test-Group.toml", MINIMAL)]);
    for name in ["test.group.toml", "Test-Group.toml"] {
        validate(&[&dir.path().join(name)])
            .code(1)
            .stdout(predicate::str::contains("error[file-name]"));
    }
}

#[test]
fn a_broken_bank_holidays_file_fails_validate_by_its_own_rules() {
    let broken = "[[holiday]]\ndate = 2027-02-30\nname = \"Jubilee\"\nregions = [\"atlantis\"]\n";
    let dir = folder(&[
        ("sefton-scp.toml", bundled_text("sefton-scp")),
        ("bank-holidays.toml", broken),
    ]);
    validate(&[dir.path()])
        .code(1)
        .stdout(predicate::str::contains("bank-holidays.toml:"));
    // Given directly it is still a bank-holidays file, not a ToR.
    validate(&[&dir.path().join("bank-holidays.toml")])
        .code(1)
        .stdout(predicate::str::contains("missing field `id`").not())
        .stdout(predicate::str::contains("bank-holidays.toml:"));
    let good = "[[holiday]]\ndate = 2027-06-04\nname = \"Jubilee\"\n";
    std::fs::write(dir.path().join("bank-holidays.toml"), good).expect("write");
    validate(&[dir.path()]).code(0);
}

#[test]
fn companions_given_directly_are_checked_by_their_own_rules() {
    let cases = "[[case]]\nname = 1\n";
    let record = "[[meeting]]\nbogus = true\n";
    let dir = folder(&[
        ("sefton-scp.toml", bundled_text("sefton-scp")),
        ("sefton-scp.cases.toml", cases),
        ("sefton-scp.meetings.toml", record),
    ]);
    for name in ["sefton-scp.cases.toml", "sefton-scp.meetings.toml"] {
        validate(&[&dir.path().join(name)])
            .code(1)
            .stdout(predicate::str::contains(name))
            .stdout(predicate::str::contains("missing field `id`").not());
    }
}

/// Every command that reads the `--dir` folder refuses a link out of it: the
/// ToR, its record of meetings and `bank-holidays.toml` alike.
#[cfg(unix)]
#[test]
fn commands_follow_no_link_out_of_the_dir_folder() {
    let outside = tempfile::tempdir().expect("temp dir");
    let secret = outside.path().join("secret.toml");
    std::fs::write(&secret, "password = \"hunter2\"\n").expect("write");
    let refused = |dir: &Path, args: &[&str]| {
        tor()
            .arg("--dir")
            .arg(dir)
            .args(args)
            .assert()
            .code(2)
            .stdout(predicate::str::contains("hunter2").not())
            .stderr(predicate::str::contains("hunter2").not())
            .stderr(predicate::str::contains("symbolic link to a file outside"));
    };
    let meeting = ["check-meeting", "test-group", "--at", "2013-01-10T14:00"];

    // The ToR itself.
    let dir = folder(&[]);
    std::os::unix::fs::symlink(&secret, dir.path().join("test-group.toml")).expect("symlink");
    refused(dir.path(), &meeting);
    refused(dir.path(), &["show", "test-group"]);
    // `list` leaves it out; `validate` names it as skipped.
    tor()
        .arg("--dir")
        .arg(dir.path())
        .arg("list")
        .assert()
        .stdout(predicate::str::contains("test-group").not());

    // The record beside a real ToR, and the folder's proclaimed days.
    for companion in ["test-group.meetings.toml", "bank-holidays.toml"] {
        let dir = folder(&[("test-group.toml", MINIMAL)]);
        std::os::unix::fs::symlink(&secret, dir.path().join(companion)).expect("symlink");
        refused(dir.path(), &meeting);
    }
}

/// `tor test` reads no cases file that links out of its folder.
#[cfg(unix)]
#[test]
fn test_follows_no_cases_file_out_of_the_folder() {
    let outside = tempfile::tempdir().expect("temp dir");
    let secret = outside.path().join("secret.toml");
    std::fs::write(&secret, "password = \"hunter2\"\n").expect("write");
    let dir = folder(&[("test-group.toml", MINIMAL)]);
    let link = dir.path().join("test-group.cases.toml");
    std::os::unix::fs::symlink(&secret, &link).expect("symlink");
    for target in [dir.path(), link.as_path()] {
        tor()
            .arg("test")
            .arg(target)
            .assert()
            .code(2)
            .stdout(predicate::str::contains("hunter2").not())
            .stderr(predicate::str::contains("hunter2").not())
            .stderr(predicate::str::contains("symbolic link to a file outside"));
    }
}

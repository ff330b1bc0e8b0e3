//! Files in and out through the binary: only regular files are read, `-` is
//! stdin or stdout, and `--force` replaces only a regular file, keeping its
//! permissions.

use std::path::{Path, PathBuf};

use predicates::prelude::*;

use crate::common::tor;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn mkfifo(path: &Path) {
    let ok = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo runs")
        .success();
    assert!(ok, "mkfifo failed");
}

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path)
        .expect("exists")
        .permissions()
        .mode()
        & 0o777
}

fn schedule_ics(path: &Path, force: bool) -> assert_cmd::assert::Assert {
    let mut cmd = tor();
    cmd.args(["schedule", "sefton-scp", "--year", "2027", "--ics"])
        .arg(path);
    if force {
        cmd.arg("--force");
    }
    cmd.assert()
}

// ---- reading ------------------------------------------------------------------

#[test]
fn a_fifo_is_refused_not_waited_on() {
    let dir = tempfile::tempdir().expect("temp dir");
    let fifo = dir.path().join("sefton-scp.toml");
    mkfifo(&fifo);
    tor()
        .arg("validate")
        .arg(&fifo)
        .timeout(std::time::Duration::from_secs(60))
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "a FIFO (named pipe), not a regular file",
        ));
    tor()
        .args(["check-meeting", "sefton-scp", "--meeting"])
        .arg(&fifo)
        .timeout(std::time::Duration::from_secs(60))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not a regular file"));
}

#[test]
fn an_endless_device_is_refused() {
    for args in [
        &["validate", "/dev/zero"][..],
        &["tally", "sefton-scp", "--votes", "/dev/zero"],
        &[
            "audit",
            "sefton-scp",
            "--year",
            "2013",
            "--record",
            "/dev/zero",
        ],
    ] {
        tor()
            .args(args)
            .assert()
            .code(2)
            .stderr(predicate::str::contains("`/dev/zero`: it is a device"));
    }
}

#[test]
fn an_endless_stdin_stops_at_the_limit() {
    let big = vec![b' '; 17 * 1024 * 1024];
    tor()
        .args(["tally", "sefton-scp", "--votes", "-"])
        .write_stdin(big)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "`<stdin>`: it is larger than the limit of 16 MiB",
        ));
}

#[test]
fn a_missing_file_reads_plainly() {
    tor()
        .args(["check-meeting", "sefton-scp", "--meeting", "no-such.toml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "cannot read `no-such.toml`: no such file or folder",
        ))
        .stderr(predicate::str::contains("entity not found").not());
}

#[test]
fn init_interactive_with_an_endless_stdin_fails_cleanly() {
    let dir = tempfile::tempdir().expect("temp dir");
    tor()
        .current_dir(dir.path())
        .args(["init", "board", "--interactive", "--out", "-"])
        .write_stdin(vec![0u8; 100_000])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("longer than 4096 bytes"));
}

#[test]
fn meeting_and_record_read_stdin() {
    let meeting = std::fs::read(root().join("examples/meetings/sefton-quarterly.toml"))
        .expect("example meeting");
    tor()
        .args(["check-meeting", "sefton-scp", "--meeting", "-"])
        .write_stdin(meeting)
        .assert()
        .code(0);
    let record =
        std::fs::read(root().join("tests/audit_html/sefton-scp.meetings.toml")).expect("record");
    tor()
        .args(["audit", "sefton-scp", "--year", "2013", "--record", "-"])
        .write_stdin(record)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("DID NOT COMPLY"));
}

#[test]
fn validate_reads_stdin() {
    tor()
        .args(["validate", "-"])
        .write_stdin(crate::common::MINIMAL)
        .assert()
        .code(0)
        .stdout(predicate::str::contains("<stdin>"));
    tor()
        .args(["validate", "-"])
        .write_stdin("id = ")
        .assert()
        .code(1)
        .stdout(predicate::str::contains("<stdin>:1:"));
}

// ---- writing ------------------------------------------------------------------

#[test]
fn ics_and_html_go_to_stdout_for_a_dash() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = tor()
        .current_dir(dir.path())
        .args(["schedule", "sefton-scp", "--year", "2027", "--ics", "-"])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).expect("UTF-8");
    assert!(text.starts_with("BEGIN:VCALENDAR\r\n"), "{text}");
    assert!(text.trim_end().ends_with("END:VCALENDAR"));
    let record = std::fs::read_to_string(root().join("tests/audit_html/sefton-scp.meetings.toml"))
        .expect("record");
    std::fs::write(dir.path().join("sefton-scp.meetings.toml"), record).expect("write");
    std::fs::write(
        dir.path().join("sefton-scp.toml"),
        crate::common::bundled_text("sefton-scp"),
    )
    .expect("write");
    let out = tor()
        .arg("--dir")
        .arg(dir.path())
        .current_dir(dir.path())
        .args(["audit", "sefton-scp", "--year", "2013", "--html", "-"])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let page = String::from_utf8(out).expect("UTF-8");
    assert!(page.starts_with("<!DOCTYPE html>"), "{page}");
    assert!(!dir.path().join("-").exists(), "wrote a file named -");
}

#[cfg(unix)]
#[test]
fn force_replaces_neither_a_symlink_nor_a_fifo() {
    let dir = tempfile::tempdir().expect("temp dir");
    let secret = dir.path().join("secret.txt");
    std::fs::write(&secret, "keep me").expect("write");
    let link = dir.path().join("cal.ics");
    std::os::unix::fs::symlink(&secret, &link).expect("symlink");
    schedule_ics(&link, true)
        .code(2)
        .stderr(predicate::str::contains("it is a symbolic link"));
    assert!(
        link.symlink_metadata()
            .expect("kept")
            .file_type()
            .is_symlink()
    );
    assert_eq!(std::fs::read_to_string(&secret).expect("kept"), "keep me");

    let fifo = dir.path().join("pipe.ics");
    mkfifo(&fifo);
    schedule_ics(&fifo, true)
        .code(2)
        .stderr(predicate::str::contains("it is a FIFO"));
    let folder = dir.path().join("folder.ics");
    std::fs::create_dir(&folder).expect("mkdir");
    schedule_ics(&folder, true)
        .code(2)
        .stderr(predicate::str::contains("it is a folder"));
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .expect("dir")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(names.len(), 4, "a temporary file was left: {names:?}");
}

#[cfg(unix)]
#[test]
fn force_keeps_the_permissions_of_the_file_it_replaces() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("cal.ics");
    std::fs::write(&path, "old").expect("write");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).expect("chmod");
    schedule_ics(&path, true).code(0);
    assert_eq!(mode(&path), 0o600);
    assert!(
        std::fs::read_to_string(&path)
            .expect("read")
            .starts_with("BEGIN:VCALENDAR")
    );
}

#[cfg(unix)]
#[test]
fn new_files_honour_the_umask_for_every_command() {
    let dir = tempfile::tempdir().expect("temp dir");
    let bin = assert_cmd::cargo::cargo_bin("tor");
    let record = root().join("tests/audit_html/sefton-scp.meetings.toml");
    let commands = [
        format!(
            "'{}' schedule sefton-scp --year 2027 --ics cal.ics",
            bin.display()
        ),
        format!(
            "'{}' audit sefton-scp --year 2013 --record '{}' --html audit.html",
            bin.display(),
            record.display()
        ),
        format!(
            "'{}' init board --name Board --out board.toml",
            bin.display()
        ),
    ];
    for command in commands {
        let status = std::process::Command::new("sh")
            .current_dir(dir.path())
            .env("NO_COLOR", "1")
            .env_remove("TOR_DIR")
            .arg("-c")
            .arg(format!("umask 027; exec {command}"))
            .status()
            .expect("sh runs");
        assert!(status.code().is_some_and(|c| c <= 1), "{command}: {status}");
    }
    for name in ["cal.ics", "audit.html", "board.toml"] {
        assert_eq!(mode(&dir.path().join(name)), 0o640, "{name}");
    }
}

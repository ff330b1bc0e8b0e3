//! `tor completions` and `tor man` through the binary: every script names the
//! commands, bash accepts its script, the man page is roff that `man` renders.

use std::process::Command;

use crate::common::tor;
use predicates::prelude::*;

fn stdout(args: &[&str]) -> String {
    let out = tor()
        .args(args)
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    String::from_utf8(out).expect("utf-8")
}

/// Whether `program` runs here; the checks that need it are skipped otherwise.
fn available(program: &str, probe: &str) -> bool {
    Command::new(program)
        .arg(probe)
        .output()
        .is_ok_and(|o| o.status.success())
}

#[test]
fn every_shell_gets_a_script_that_asks_tor() {
    // The scripts are dynamic: at each <Tab> they run `COMPLETE=SHELL tor`.
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let script = stdout(&["completions", shell]);
        assert!(!script.trim().is_empty(), "{shell}: empty script");
        assert!(script.contains("COMPLETE"), "{shell}: {script}");
        assert!(script.contains(shell), "{shell}: {script}");
    }
}

#[test]
fn bash_accepts_the_bash_script() {
    if !available("bash", "--version") {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("tor.bash");
    std::fs::write(&path, stdout(&["completions", "bash"])).expect("write script");
    let status = Command::new("bash")
        .arg("-n")
        .arg(&path)
        .status()
        .expect("bash runs");
    assert!(status.success(), "bash -n rejects the script");
}

#[test]
fn unknown_shell_and_json_are_refused() {
    tor()
        .args(["completions", "tcsh"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("bash"));
    tor()
        .args(["completions", "bash", "--format", "json"])
        .assert()
        .code(2);
    tor().args(["man", "--format", "json"]).assert().code(2);
}

#[test]
fn man_page_is_roff_naming_the_commands() {
    let page = stdout(&["man"]);
    // clap_mangen opens with two lines defining the apostrophe string (`.ie`,
    // `.el`); the first macro of the page proper is the title.
    let first = page
        .lines()
        .find(|l| !l.starts_with(".ie") && !l.starts_with(".el") && !l.starts_with(".\\\""))
        .unwrap_or_default();
    assert!(first.starts_with(".TH tor 1"), "{first}");
    for word in [
        "validate",
        "check\\-meeting",
        "init",
        "EXIT STATUS",
        "TOR_DIR",
    ] {
        assert!(page.contains(word), "page lacks {word}");
    }
}

#[test]
fn man_page_of_a_command() {
    let page = stdout(&["man", "validate"]);
    assert!(page.contains(".TH tor-validate 1"), "{page}");
    assert!(page.contains("\\-\\-as\\-of"), "{page}");
    tor()
        .args(["man", "nonsense"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no command `nonsense`"))
        .stderr(predicate::str::contains("validate"));
}

#[test]
fn man_renders_the_page() {
    if !available("man", "--version") {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    for (args, file, expected) in [
        (&["man"][..], "tor.1", "check-meeting"),
        (&["man", "init"][..], "tor-init.1", "--notice-working-days"),
    ] {
        let path = dir.path().join(file);
        std::fs::write(&path, stdout(args)).expect("write page");
        let out = Command::new("man")
            .arg("-l")
            .arg(&path)
            .env("MANPAGER", "cat")
            .env("PAGER", "cat")
            .env("MANWIDTH", "100")
            .output()
            .expect("man runs");
        assert!(out.status.success(), "man -l {file} failed");
        let text = String::from_utf8_lossy(&out.stdout);
        // Formatters may hyphenate or use Unicode hyphens; compare letters only.
        let letters = |s: &str| -> String { s.chars().filter(|c| c.is_alphanumeric()).collect() };
        assert!(
            letters(&text).contains(&letters(expected)),
            "{file}: no {expected} in\n{text}"
        );
    }
}

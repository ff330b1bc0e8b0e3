//! `--help` teaches: every command's help ends with examples that run on the
//! built-in partnerships, the man pages carry them as EXAMPLES, and no help text
//! points at documents or paths an installed tor does not have.

use std::path::Path;
use std::process::Command;

use crate::common::tor;

const COMMANDS: [&str; 14] = [
    "list",
    "show",
    "validate",
    "holidays",
    "deadlines",
    "check-meeting",
    "tally",
    "schema",
    "test",
    "schedule",
    "audit",
    "init",
    "completions",
    "man",
];

fn stdout(args: &[&str]) -> String {
    let out = tor().args(args).assert().success();
    String::from_utf8(out.get_output().stdout.clone()).expect("UTF-8")
}

/// The part of `tor COMMAND --help` from "Examples:" on.
fn examples(command: &str, flag: &str) -> String {
    let help = stdout(&[command, flag]);
    let at = help
        .find("\nExamples:\n")
        .unwrap_or_else(|| panic!("`tor {command} {flag}` has no examples:\n{help}"));
    help[at + 1..].trim_end().to_owned()
}

/// The command lines of a command's examples.
fn lines(command: &str) -> Vec<String> {
    examples(command, "--help")
        .lines()
        .map(str::trim)
        .filter(|l| l.starts_with("tor "))
        .map(str::to_owned)
        .collect()
}

#[test]
fn every_help_ends_with_examples() {
    let mut all = String::new();
    for command in COMMANDS {
        let long = examples(command, "--help");
        // -h ends the same way.
        assert_eq!(long, examples(command, "-h"), "{command}");
        let n = lines(command).len();
        assert!((2..=3).contains(&n), "{command}: {n} examples");
        all.push_str(&format!("== tor {command} --help\n{long}\n"));
    }
    insta::assert_snapshot!("help_examples", all);
}

#[test]
fn every_example_runs() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let work = tempfile::tempdir().expect("temp dir");
    let dir = work.path();
    // The files the examples name, as a user would have them.
    let copy = |from: &str, to: &str| {
        std::fs::copy(root.join(from), dir.join(to)).expect("copy fixture");
    };
    std::fs::create_dir(dir.join("partnerships")).expect("mkdir");
    for entry in std::fs::read_dir(root.join("partnerships")).expect("partnerships/") {
        let path = entry.expect("entry").path();
        let name = path.file_name().expect("name");
        std::fs::copy(&path, dir.join("partnerships").join(name)).expect("copy");
    }
    copy(
        "tests/audit_html/sefton-scp.meetings.toml",
        "sefton-scp.meetings.toml",
    );
    copy("examples/meetings/sefton-quarterly.toml", "meeting.toml");
    copy("examples/votes/richmond-no-consensus.toml", "votes.toml");
    for sub in [
        ".local/share/bash-completion/completions",
        ".config/fish/completions",
    ] {
        std::fs::create_dir_all(dir.join(sub)).expect("mkdir");
    }
    let bin = Path::new(env!("CARGO_BIN_EXE_tor"))
        .parent()
        .expect("bin dir");
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    for command in COMMANDS {
        for line in lines(command) {
            let out = Command::new("bash")
                .args(["--norc", "--noprofile", "-c", &line])
                .current_dir(dir)
                .env("PATH", &path)
                .env("HOME", dir)
                .env("NO_COLOR", "1")
                .env_remove("TOR_DIR")
                .env_remove("COLUMNS")
                .output()
                .expect("bash runs");
            // 0 or 1: checked; 2 would be a usage or input error.
            let code = out.status.code();
            assert!(
                matches!(code, Some(0 | 1)),
                "`{line}` exited {code:?}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            assert!(
                !String::from_utf8_lossy(&out.stderr).contains("error"),
                "`{line}`: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
    }
    // What the examples write, written.
    for file in [
        "tor.sarif",
        "sefton-2027.ics",
        "audit-2013.html",
        "safer-town.toml",
        "tor.1",
    ] {
        assert!(dir.join(file).is_file(), "{file}");
    }
}

#[test]
fn man_pages_have_examples() {
    let page = stdout(&["man"]);
    let at = page.find(".SH EXAMPLES").expect("EXAMPLES in tor(1)");
    assert!(page[at..].contains("tor check\\-meeting"), "{page}");
    assert!(
        at < page
            .find(".SH \"SEE ALSO\"")
            .or(page.find(".SH SEE ALSO"))
            .expect("SEE ALSO")
    );
    let page = stdout(&["man", "tally"]);
    assert!(page.contains(".SH EXAMPLES"), "{page}");
    assert!(page.contains("\\-\\-votes votes.toml"), "{page}");
    // Once, as EXAMPLES, not also as clap_mangen's EXTRA.
    assert!(!page.contains(".SH EXTRA"), "{page}");
}

#[test]
fn help_names_no_internal_documents_or_repository_paths() {
    let mut pages = vec![stdout(&["--help"])];
    for command in COMMANDS {
        pages.push(stdout(&[command, "--help"]));
    }
    for page in pages {
        let lower = page.to_lowercase();
        let words: Vec<&str> = lower
            .split(|c: char| !c.is_alphanumeric() && c != '.' && c != '/')
            .collect();
        assert!(!words.contains(&"spec"), "{page}");
        for path in ["examples/", "tests/", "spec.md", "readme", "src/"] {
            assert!(!lower.contains(path), "{path} in\n{page}");
        }
    }
}

//! Completion of partnership and member ids, through the binary and the
//! protocol the registered scripts use: `COMPLETE=SHELL tor -- WORDS...`.

use std::process::Command;

use crate::common::{MINIMAL, dir_with, tor};

/// What tor offers for the last of `words` (the word under the cursor), one
/// candidate a line with any description cut off, as `shell` asks for it.
fn offered(shell: &str, words: &[&str], dir: Option<&std::path::Path>) -> Vec<String> {
    let mut cmd = tor();
    if let Some(dir) = dir {
        cmd.env("TOR_DIR", dir);
    }
    let out = cmd
        .env("COMPLETE", shell)
        .env("_CLAP_IFS", "\n")
        .env("_CLAP_COMPLETE_INDEX", (words.len() - 1).to_string())
        .arg("--")
        .args(words)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).expect("UTF-8");
    let sep = match shell {
        "fish" => '\t',
        "zsh" => ':',
        _ => '\u{0}',
    };
    text.lines()
        .map(|l| l.split(sep).next().unwrap_or_default().to_owned())
        .filter(|l| !l.is_empty())
        .collect()
}

const SHELLS: [&str; 3] = ["bash", "zsh", "fish"];

#[test]
fn partnership_ids_after_each_command_that_takes_one() {
    for shell in SHELLS {
        for command in [
            "check-meeting",
            "tally",
            "show",
            "deadlines",
            "schedule",
            "audit",
        ] {
            let got = offered(shell, &["tor", command, "sef"], None);
            assert_eq!(got, ["sefton-scp"], "{shell} {command}");
            let all = offered(shell, &["tor", command, ""], None);
            assert!(all.len() >= 4 && all.contains(&"richmond-strategy-group".to_owned()));
        }
    }
}

#[test]
fn member_ids_of_the_partnership_named_before() {
    for shell in SHELLS {
        let got = offered(
            shell,
            &[
                "tor",
                "check-meeting",
                "sefton-scp",
                "--attendees",
                "police-",
            ],
            None,
        );
        assert_eq!(got, ["police-force", "police-authority"], "{shell}");
        let got = offered(
            shell,
            &["tor", "tally", "oxfordshire-board", "--for", ""],
            None,
        );
        assert!(got.contains(&"cherwell".to_owned()), "{shell}: {got:?}");
        // After a comma, the ids already typed stay in front.
        let got = offered(
            shell,
            &["tor", "tally", "sefton-scp", "--against", "probation,fire"],
            None,
        );
        assert_eq!(got, ["probation,fire-rescue"], "{shell}");
    }
}

#[test]
fn ids_come_from_the_folder_in_use() {
    let dir = dir_with(&[("test-group.toml", MINIMAL.as_bytes())]);
    for shell in SHELLS {
        assert_eq!(
            offered(shell, &["tor", "show", "t"], Some(dir.path())),
            ["test-group"]
        );
        assert_eq!(
            offered(
                shell,
                &["tor", "tally", "test-group", "--against", "c"],
                Some(dir.path())
            ),
            ["council"]
        );
    }
    // --dir on the line wins over TOR_DIR.
    let path = dir.path().to_str().expect("UTF-8 path");
    let got = offered("fish", &["tor", "--dir", path, "deadlines", "t"], None);
    assert_eq!(got, ["test-group"]);
}

#[test]
fn unknown_partnership_offers_no_members() {
    let got = offered(
        "fish",
        &["tor", "check-meeting", "no-such", "--attendees", ""],
        None,
    );
    assert!(got.is_empty(), "{got:?}");
}

/// The bash script, sourced in bash with tor on PATH, fills COMPREPLY.
#[test]
fn bash_script_completes_through_tor() {
    let script = {
        let out = tor().args(["completions", "bash"]).assert().success();
        String::from_utf8(out.get_output().stdout.clone()).expect("UTF-8")
    };
    let bin = std::path::Path::new(env!("CARGO_BIN_EXE_tor"));
    let path = format!(
        "{}:{}",
        bin.parent().expect("bin dir").display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let test = format!(
        "{script}\nCOMP_WORDS=(tor check-meeting sefton-scp --deputy fire)\nCOMP_CWORD=4\n\
         _clap_complete_tor tor fire --deputy\nprintf '%s\\n' \"${{COMPREPLY[@]}}\"\n"
    );
    let out = Command::new("bash")
        .args(["--norc", "-c", &test])
        .env("PATH", path)
        .env_remove("TOR_DIR")
        .current_dir(std::env::temp_dir())
        .output()
        .expect("bash runs");
    assert!(out.status.success(), "{out:?}");
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "fire-rescue");
}

//! Every command the README shows, run through the binary, so a new user who
//! follows it top to bottom meets no surprise. The commands are read from the
//! README itself (its ```sh blocks), so the two cannot drift apart: a new `tor`
//! line is tested the day it is written, and any other new line must be listed
//! below with the reason it is not run here.

use std::path::{Path, PathBuf};
use std::process::Output;

use crate::common::tor;

/// Lines of the README's ```sh blocks that are not `tor` commands, and why the
/// tests do not run them.
const NOT_RUN: [(&str, &str); 5] = [
    (
        "cargo run --release",
        "a release build: minutes; the debug binary runs the same command",
    ),
    ("cargo test", "this is it"),
    (
        "cargo install",
        "a release build into ~/.cargo: the package is checked by packaging.rs",
    ),
    ("bash .ci/run", "the CI gate runs this test"),
    (
        "scripts/bench.sh",
        "a benchmark: minutes, and needs taplo and check-jsonschema",
    ),
];

/// Commands the README names in its prose rather than in a ```sh block.
const PROSE: [&str; 9] = [
    "tor validate",
    "tor test",
    "tor schema tor",
    "tor schema meetings",
    "tor schema cases",
    "tor completions bash",
    "tor man",
    "tor man check-meeting",
    "tor validate --format sarif",
];

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn readme() -> String {
    std::fs::read_to_string(repo().join("README.md")).expect("README.md")
}

/// One command line of a ```sh block: continuation lines joined, the comment
/// split off.
#[derive(Debug)]
struct Line {
    command: String,
    comment: String,
}

fn blocks<'a>(text: &'a str, lang: &str) -> Vec<Vec<&'a str>> {
    let fence = format!("```{lang}");
    let mut out = Vec::new();
    let mut lines = text.lines();
    while let Some(l) = lines.next() {
        if l.trim() == fence {
            out.push(lines.by_ref().take_while(|l| l.trim() != "```").collect());
        }
    }
    out
}

fn sh_lines(text: &str) -> Vec<Line> {
    let mut out = Vec::new();
    for block in blocks(text, "sh") {
        let mut pending = String::new();
        for raw in block {
            let (code, comment) = split_comment(raw);
            if let Some(head) = code.trim_end().strip_suffix('\\') {
                pending.push_str(head);
                pending.push(' ');
            } else {
                pending.push_str(code);
                let command = pending.split_whitespace().collect::<Vec<_>>().join(" ");
                if !command.is_empty() {
                    out.push(Line {
                        command,
                        comment: comment.to_owned(),
                    });
                }
                pending.clear();
            }
        }
    }
    out
}

/// Splits `code # comment` at the first `#` outside quotes that follows a space.
fn split_comment(line: &str) -> (&str, &str) {
    let mut quote = None;
    let mut prev = ' ';
    for (i, c) in line.char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '#') if prev.is_whitespace() => return (&line[..i], line[i + 1..].trim()),
            _ => {}
        }
        prev = c;
    }
    (line, "")
}

/// The words of a command as a POSIX shell would split them: quotes group and
/// are removed (`council:responsible-authority:"Town Council"` is one word).
fn words(command: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    let mut in_word = false;
    let mut quote = None;
    for c in command.chars() {
        match (quote, c) {
            (None, '"' | '\'') => {
                quote = Some(c);
                in_word = true;
            }
            (Some(q), c) if c == q => quote = None,
            (None, c) if c.is_whitespace() => {
                if in_word {
                    out.push(std::mem::take(&mut word));
                    in_word = false;
                }
            }
            (None, '|' | '>' | '<' | ';' | '&' | '$' | '`') => {
                panic!("`{command}` needs a shell; this test runs commands directly")
            }
            _ => {
                word.push(c);
                in_word = true;
            }
        }
    }
    assert!(quote.is_none(), "unbalanced quote in `{command}`");
    if in_word {
        out.push(word);
    }
    out
}

/// The exit code a line's comment states (`# exit 1: …`), else 0.
fn expected_code(comment: &str) -> i32 {
    comment
        .split_once("exit ")
        .and_then(|(_, rest)| rest.chars().next())
        .and_then(|c| c.to_digit(10))
        .map_or(0, |d| d as i32)
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("read_dir") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("type").is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

/// A fresh folder laid out like the repository root, as far as the README's
/// commands read it: commands that write files (`--ics`, `--html`, `init`) write
/// there, never into the checkout.
fn workspace() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for sub in ["partnerships", "examples"] {
        copy_dir(&repo().join(sub), &dir.path().join(sub));
    }
    dir
}

fn run(args: &[String], cwd: &Path) -> Output {
    tor()
        .current_dir(cwd)
        .args(args)
        .write_stdin("")
        .output()
        .expect("tor runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn assert_no_panic(command: &str, out: &Output) {
    let stderr = text(&out.stderr);
    assert!(
        !stderr.contains("panicked") && !stderr.contains("RUST_BACKTRACE"),
        "`{command}` panicked: {stderr}"
    );
}

#[test]
fn every_command_in_the_readme_runs_as_the_readme_says() {
    let lines = sh_lines(&readme());
    let mut ran = 0;
    for line in &lines {
        let argv = words(&line.command);
        if argv.first().map(String::as_str) != Some("tor") {
            assert!(
                NOT_RUN
                    .iter()
                    .any(|(prefix, _)| line.command.starts_with(prefix)),
                "README command `{}` is neither run here nor listed in NOT_RUN",
                line.command
            );
            continue;
        }
        let dir = workspace();
        let out = run(&argv[1..], dir.path());
        assert_no_panic(&line.command, &out);
        let code = out.status.code().expect("exit code");
        if argv.iter().any(|a| a == "--interactive") {
            // Questions for a person; with no one to answer, one clear message.
            assert_eq!(code, 2, "`{}`", line.command);
            assert!(!out.stderr.is_empty(), "`{}` said nothing", line.command);
        } else {
            assert_eq!(
                code,
                expected_code(&line.comment),
                "`{}`\nstdout:\n{}\nstderr:\n{}",
                line.command,
                text(&out.stdout),
                text(&out.stderr)
            );
            assert!(!out.stdout.is_empty(), "`{}` printed nothing", line.command);
        }
        // Every file a command is told to write is written.
        for pair in argv.windows(2) {
            if matches!(pair[0].as_str(), "--ics" | "--html") {
                assert!(dir.path().join(&pair[1]).is_file(), "`{}`", line.command);
            }
        }
        if argv.get(1).map(String::as_str) == Some("init") && code == 0 {
            let written = dir
                .path()
                .join("partnerships")
                .join(format!("{}.toml", argv[2]));
            assert!(written.is_file(), "`{}` wrote no ToR", line.command);
            let check = run(
                &["validate".into(), written.display().to_string()],
                dir.path(),
            );
            assert_eq!(check.status.code(), Some(0), "{}", text(&check.stdout));
        }
        ran += 1;
    }
    assert!(
        ran >= 15,
        "only {ran} README commands found: is the parser broken?"
    );
}

#[test]
fn every_command_the_readme_names_in_its_prose_runs() {
    let readme = readme();
    for command in PROSE {
        let first = command.split(' ').take(2).collect::<Vec<_>>().join(" ");
        assert!(
            readme.contains(&first),
            "the README no longer names `{first}`"
        );
        let dir = workspace();
        let argv = words(command);
        let out = run(&argv[1..], dir.path());
        assert_no_panic(command, &out);
        assert_eq!(
            out.status.code(),
            Some(0),
            "`{command}`: {}",
            text(&out.stderr)
        );
        assert!(!out.stdout.is_empty(), "`{command}` printed nothing");
    }
}

#[test]
fn the_library_example_the_readme_runs_works() {
    let readme = readme();
    let line = "cargo run --example show_partnership -- sefton-scp 2013-01-10T14:00";
    assert!(readme.contains(line), "the README no longer shows `{line}`");
    // `cargo test` builds the examples beside the test binaries.
    let deps = std::env::current_exe().expect("test binary");
    let example: PathBuf = deps
        .parent()
        .and_then(Path::parent)
        .expect("target/debug")
        .join("examples")
        .join(format!("show_partnership{}", std::env::consts::EXE_SUFFIX));
    if !example.exists() {
        // `cargo test --test it` alone builds no examples; the full run does.
        return;
    }
    let out = std::process::Command::new(&example)
        .args(["sefton-scp", "2013-01-10T14:00"])
        .current_dir(repo())
        .output()
        .expect("example runs");
    assert!(out.status.success(), "{}", text(&out.stderr));
    let printed = text(&out.stdout);
    assert!(printed.contains("papers out by 2013-01-03"), "{printed}");
}

#[test]
fn the_diagnostic_the_readme_shows_is_what_validate_prints() {
    let readme = readme();
    let shown = blocks(&readme, "text")
        .into_iter()
        .find(|b| {
            b.first()
                .is_some_and(|l| l.starts_with("error[unknown-key]"))
        })
        .expect("the README's diagnostic example");
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir(dir.path().join("partnerships")).expect("mkdir");
    // Line 4 is the misspelt key, as in the README.
    std::fs::write(
        dir.path().join("partnerships/test-group.toml"),
        "id = \"test-group\"\nname = \"Test Group\"\n[quorum]\nclase = \"5\"\nat_least = 2\n",
    )
    .expect("write");
    let out = run(&["validate".to_owned()], dir.path());
    assert_eq!(out.status.code(), Some(1));
    let printed = text(&out.stdout);
    assert!(
        printed.contains(&shown.join("\n")),
        "README shows:\n{}\n\ntor prints:\n{printed}",
        shown.join("\n")
    );
}

#[test]
fn the_line_parser_reads_shell_as_a_shell_would() {
    assert_eq!(
        words(r#"tor init x --member council:ra:"Town Council" --name 'A B'"#),
        [
            "tor",
            "init",
            "x",
            "--member",
            "council:ra:Town Council",
            "--name",
            "A B"
        ]
    );
    let lines = sh_lines("```sh\ntor a \\\n    --b c   # exit 1: why\ntor d\n```\n");
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0].command, "tor a --b c");
    assert_eq!(expected_code(&lines[0].comment), 1);
    assert_eq!(expected_code(&lines[1].comment), 0);
}

#[test]
fn every_repository_path_the_readme_names_exists() {
    let readme = readme();
    const ROOTS: [&str; 7] = [
        "src/",
        "tests/",
        "examples/",
        "scripts/",
        "schema/",
        "partnerships/",
        "fuzz/",
    ];
    let mut named = Vec::new();
    for (i, part) in readme.split('`').enumerate() {
        // Odd parts are inside backticks.
        if i % 2 == 1 && ROOTS.iter().any(|r| part.starts_with(r)) {
            named.push(part.to_owned());
        }
    }
    for link in readme.split("](").skip(1) {
        let target = link.split([')', '#']).next().unwrap_or("");
        if !target.is_empty() && !target.contains("://") {
            named.push(target.to_owned());
        }
    }
    assert!(named.len() >= 10, "{named:?}");
    for path in named {
        // `partnerships/<id>.toml` and `*_props.rs` stand for many files.
        if path.contains(['<', '*', ' ']) {
            continue;
        }
        assert!(
            repo().join(&path).exists(),
            "the README names `{path}`, which does not exist"
        );
    }
}

/// The README's TOML examples, dedented (one sits inside a list item).
fn toml_examples(readme: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut lines = readme.lines();
    while let Some(l) = lines.next() {
        if l.trim() == "```toml" {
            let indent = l.len() - l.trim_start().len();
            let body: Vec<&str> = lines
                .by_ref()
                .take_while(|l| l.trim() != "```")
                .map(|l| l.get(indent..).unwrap_or(l.trim_start()))
                .collect();
            out.push(body.join("\n") + "\n");
        }
    }
    out
}

#[test]
fn the_toml_examples_in_the_readme_work_where_it_says_to_put_them() {
    let examples = toml_examples(&readme());
    let find = |first: &str| {
        examples
            .iter()
            .find(|e| e.starts_with(first))
            .unwrap_or_else(|| panic!("no README example starting `{first}`"))
            .clone()
    };
    let dir = workspace();
    let folder = dir.path().join("partnerships");

    // A record of held meetings, beside the ToR.
    std::fs::write(folder.join("sefton-scp.meetings.toml"), find("[[meeting]]")).expect("write");
    let out = run(
        &[
            "validate".into(),
            "partnerships/sefton-scp.meetings.toml".into(),
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stdout));

    // Worked cases, run by `tor test`.
    std::fs::write(
        folder.join("sefton-scp.cases.toml"),
        find("#:schema ../schema/cases"),
    )
    .expect("write");
    let out = run(
        &["test".into(), "partnerships/sefton-scp.cases.toml".into()],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stdout));
    assert!(
        text(&out.stdout).contains("0 failed"),
        "{}",
        text(&out.stdout)
    );

    // A newly proclaimed bank holiday, for every partnership in the folder.
    std::fs::write(folder.join("bank-holidays.toml"), find("[[holiday]]")).expect("write");
    let out = run(
        &["holidays".into(), "--year".into(), "2027".into()],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("A newly proclaimed day"));
}

/// A command's JSON twin: the same line with `--format json`, where the command
/// reports in JSON. `None` for lines whose output depends on today's date or
/// that write files or print documents rather than reports.
fn json_twin(argv: &[String]) -> Option<Vec<String>> {
    let sub = argv
        .iter()
        .skip(1)
        .find(|a| !a.starts_with('-') && !a.contains('/'))?;
    let dated = argv.iter().any(|a| {
        matches!(
            a.as_str(),
            "--at" | "--year" | "--from" | "--as-of" | "--votes" | "--meeting" | "--record"
        )
    });
    match sub.as_str() {
        // Documents, questions for a person, and files written.
        "init" | "completions" | "man" | "schema" => None,
        _ if argv.iter().any(|a| a == "--ics" || a == "--html") => None,
        // "This year's holidays" and "overdue as of today" change with the clock.
        "holidays" | "validate" if !dated => None,
        _ if argv.iter().any(|a| a == "--format") => Some(argv[1..].to_vec()),
        _ => {
            let mut twin = argv[1..].to_vec();
            twin.extend(["--format".to_owned(), "json".to_owned()]);
            Some(twin)
        }
    }
}

/// Pins every README example's JSON and exit code byte for byte, so a
/// refactoring that changes what a command says is caught here first.
#[test]
fn every_readme_example_answers_as_pinned() {
    let mut pinned = 0;
    for line in sh_lines(&readme()) {
        let argv = words(&line.command);
        if argv.first().map(String::as_str) != Some("tor") {
            continue;
        }
        let Some(twin) = json_twin(&argv) else {
            continue;
        };
        let dir = workspace();
        let out = run(&twin, dir.path());
        let name: String = twin
            .join("_")
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '-' {
                    c
                } else {
                    '_'
                }
            })
            .take(90)
            .collect();
        let today = chrono::Local::now().date_naive().to_string();
        let body = format!(
            "exit: {}\n{}",
            out.status.code().expect("exit code"),
            // A vote without `--at` is judged as of today.
            text(&out.stdout).replace(&today, "[today]")
        );
        insta::with_settings!({
            description => twin.join(" "),
            omit_expression => true,
        }, {
            insta::assert_snapshot!(format!("readme_json__{name}"), body);
        });
        pinned += 1;
    }
    assert!(pinned >= 11, "only {pinned} README examples pinned");
}

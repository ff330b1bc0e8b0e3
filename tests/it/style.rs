//! Colour and table width, through a pseudo-terminal: `script` (util-linux)
//! runs tor with a terminal as its standard output.

use std::process::Command;

use crate::common::tor;

const ESC: &str = "\u{1b}[";

/// A meeting every rule passes: its verdict and statuses are coloured.
const VALID_MEETING: &[&str] = &[
    "check-meeting",
    "sefton-scp",
    "--at",
    "2012-12-06T14:00",
    "--circulated",
    "2012-11-29",
    "--attendees",
    "local-authority,police-force,fire-rescue",
    "--chair",
    "present",
    // Every rule the ToR states is judged, so the verdict is VALID, not "VALID so far".
    "--item",
    "Prevent",
    "--record",
    concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/records/sefton-scp.meetings.toml"
    ),
];

/// tor's output when its standard output is a terminal, with `env` set (and
/// NO_COLOR and COLUMNS unset unless given there).
fn on_terminal(args: &[&str], env: &[(&str, &str)]) -> String {
    let line = std::iter::once(env!("CARGO_BIN_EXE_tor"))
        .chain(args.iter().copied())
        .map(|a| format!("'{a}'"))
        .collect::<Vec<_>>()
        .join(" ");
    let mut cmd = Command::new("script");
    cmd.args(["-qec", &line, "/dev/null"])
        .current_dir(std::env::temp_dir())
        .env_remove("NO_COLOR")
        .env_remove("COLUMNS")
        .env_remove("TOR_DIR");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().expect("script (util-linux) runs");
    // 0 or 1: checked (valid or not); 2 would be a usage or input error.
    assert!(matches!(out.status.code(), Some(0 | 1)), "{out:?}");
    String::from_utf8(out.stdout).expect("UTF-8")
}

/// The width of the widest table line (prose lines wrap in the terminal).
fn widest_line(text: &str) -> usize {
    text.lines()
        .filter(|l| l.starts_with(['┌', '│', '╞', '└']))
        .map(|l| l.trim_end_matches('\r').chars().count())
        .max()
        .unwrap_or(0)
}

#[test]
fn verdicts_are_coloured_on_a_terminal() {
    let out = on_terminal(VALID_MEETING, &[]);
    assert!(out.contains(&format!("{ESC}32mVALID{ESC}0m")), "{out:?}");
    // The status column too, by comfy-table.
    assert!(out.contains(&format!("{ESC}38;5;10m pass")), "{out:?}");
    let tally = on_terminal(
        &[
            "tally",
            "sefton-scp",
            "--at",
            "2012-12-06",
            "--for",
            "local-authority,police-force,fire-rescue",
            "--against",
            "probation",
        ],
        &[],
    );
    assert!(tally.contains(&format!("{ESC}32mCARRIED")), "{tally:?}");
}

#[test]
fn no_color_set_means_no_colour_on_a_terminal() {
    let out = on_terminal(VALID_MEETING, &[("NO_COLOR", "1")]);
    assert!(out.contains("VALID"), "{out}");
    assert!(!out.contains(ESC), "{out:?}");
    // NO_COLOR set but empty does not count.
    assert!(on_terminal(VALID_MEETING, &[("NO_COLOR", "")]).contains(ESC));
    let mut never = VALID_MEETING.to_vec();
    never.extend(["--color", "never"]);
    assert!(!on_terminal(&never, &[]).contains(ESC));
}

#[test]
fn no_colour_into_a_pipe_unless_asked() {
    let piped = tor()
        .env_remove("NO_COLOR")
        .args(VALID_MEETING)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let piped = String::from_utf8(piped).expect("UTF-8");
    assert!(piped.starts_with("VALID"), "{piped}");
    assert!(!piped.contains(ESC));
    let always = tor()
        .args(VALID_MEETING)
        .args(["--color", "always"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert!(String::from_utf8(always).expect("UTF-8").contains(ESC));
}

#[test]
fn tables_fit_a_terminal_that_reports_no_width_even_without_colour() {
    // `script` without a terminal of its own gives the child a 0×0 terminal.
    for env in [&[][..], &[("NO_COLOR", "1")][..]] {
        let out = on_terminal(&["show", "sefton-scp"], env);
        assert!(out.contains("local-authority"), "{out}");
        let plain = if env.is_empty() {
            strip_ansi(&out)
        } else {
            out.clone()
        };
        assert!(widest_line(&plain) <= 80, "{plain}");
    }
}

#[test]
fn tables_fit_columns_and_keep_ids_whole() {
    for width in [80usize, 100] {
        let out = tor()
            .env("COLUMNS", width.to_string())
            .arg("list")
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        let out = String::from_utf8(out).expect("UTF-8");
        assert!(widest_line(&out) <= width, "{out}");
        // The longest id, on one line.
        assert!(out.contains("oxfordshire-business-group"), "{out}");
    }
}

fn strip_ansi(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(i) = rest.find('\u{1b}') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let end = rest.find('m').map_or(rest.len(), |e| e + 1);
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

#[test]
fn every_command_with_a_verdict_colours_it() {
    let record = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/audit_html/sefton-scp.meetings.toml"
    );
    let cases: [(&[&str], &str); 5] = [
        // Worked cases that pass.
        (&["test"], "32mok"),
        // A review date long past.
        (&["list"], "overdue"),
        // A year that broke a rule.
        (
            &["audit", "sefton-scp", "--year", "2013", "--record", record],
            "31mDID NOT COMPLY",
        ),
        (&["validate", "--as-of", "2026-01-01"], "warning(s)"),
        // The review overdue: a warning above the plan.
        (&["schedule", "sefton-scp", "--year", "2027"], "33mwarning"),
    ];
    for (args, coloured) in cases {
        let out = on_terminal(args, &[]);
        let at = out
            .find(coloured)
            .unwrap_or_else(|| panic!("{args:?}: {out:?}"));
        assert!(out[..at].contains(ESC), "{args:?}: {out:?}");
        assert!(
            !on_terminal(args, &[("NO_COLOR", "1")]).contains(ESC),
            "{args:?}"
        );
    }
}

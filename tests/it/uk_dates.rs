//! Day-first UK dates through the binary: the same answer as ISO 8601, and a
//! clear refusal (showing the ISO date) for month-first or two-digit years.

use crate::common::tor;

/// stdout of a successful-or-failing run, whatever the exit code.
fn stdout(args: &[&str]) -> String {
    let out = tor().args(args).output().expect("tor runs");
    String::from_utf8(out.stdout).expect("UTF-8")
}

/// stderr of a run that could not check (exit 2).
fn refusal(args: &[&str]) -> String {
    let out = tor()
        .args(args)
        .assert()
        .code(2)
        .get_output()
        .stderr
        .clone();
    String::from_utf8(out).expect("UTF-8")
}

#[test]
fn uk_forms_give_the_iso_answer() {
    let check = |at: &str, circulated: &str| {
        stdout(&[
            "check-meeting",
            "sefton-scp",
            "--at",
            at,
            "--circulated",
            circulated,
            "--format",
            "json",
        ])
    };
    let iso = check("2012-12-06T14:00", "2012-11-29");
    assert!(iso.contains("\"notice\""), "{iso}");
    for (at, circulated) in [
        ("06/12/2012 14:00", "29/11/2012"),
        ("6 Dec 2012 2pm", "29 Nov 2012"),
        ("6 December 2012 14:00", "Thursday 29 November 2012"),
    ] {
        assert_eq!(check(at, circulated), iso, "{at} / {circulated}");
    }
    let show = |at: &str| stdout(&["show", "sefton-scp", "--as-of", at, "--format", "json"]);
    assert_eq!(show("6/12/2012"), show("2012-12-06"));
    let tally = |at: &str| {
        stdout(&[
            "tally",
            "sefton-scp",
            "--at",
            at,
            "--for",
            "cvs",
            "--format",
            "json",
        ])
    };
    assert_eq!(tally("6 Dec 2012"), tally("2012-12-06"));
}

#[test]
fn json_dates_stay_iso() {
    let out = stdout(&[
        "deadlines",
        "sefton-scp",
        "--at",
        "6 Dec 2012 2pm",
        "--format",
        "json",
    ]);
    let v: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(v["at"], "2012-12-06T14:00+00:00");
    assert_eq!(v["circulate_by"], "2012-11-29");
}

#[test]
fn unclear_forms_are_refused() {
    let at = |at: &str| refusal(&["check-meeting", "sefton-scp", "--at", at]);
    insta::assert_snapshot!("month_first", at("12/31/2012 14:00"));
    insta::assert_snapshot!("two_digit_year", at("6/12/12 14:00"));
    insta::assert_snapshot!(
        "month_name_first",
        refusal(&["show", "sefton-scp", "--as-of", "Dec 6 2012"])
    );
}

#[test]
fn human_output_reads_dates_the_uk_way() {
    let out = stdout(&[
        "deadlines",
        "oxfordshire-business-group",
        "--at",
        "2026-10-25T14:00",
    ]);
    insta::assert_snapshot!("deadlines_readable", out);
    let show = stdout(&["show", "sefton-scp", "--as-of", "2013-01-10"]);
    assert!(show.contains("as of Thu 10 Jan 2013"), "{show}");
    let holidays = stdout(&["holidays", "--from", "25/12/2026", "--to", "1 Jan 2027"]);
    assert!(holidays.contains("Fri 25 Dec 2026"), "{holidays}");
    assert!(holidays.contains("Fri 1 Jan 2027"), "{holidays}");
}

#[test]
fn deadlines_for_a_day_say_which_need_a_time() {
    let out = stdout(&[
        "deadlines",
        "oxfordshire-business-group",
        "--at",
        "25/10/2026",
    ]);
    insta::assert_snapshot!("deadlines_day_only", out);
    let v: serde_json::Value = serde_json::from_str(&stdout(&[
        "deadlines",
        "oxfordshire-business-group",
        "--at",
        "2026-10-25",
        "--format",
        "json",
    ]))
    .expect("JSON");
    assert_eq!(v["at"], "2026-10-25");
    assert_eq!(v["circulate_by"], "2026-10-19");
    // Not null-as-unstated: the hours rule is named as needing the start time.
    assert_eq!(v["extraordinary_notice_by"], serde_json::Value::Null);
    assert_eq!(
        v["needs_time"],
        serde_json::json!(["extraordinary_notice_by"])
    );
    // A day-counted ToR needs nothing more, and gives the same as with a time.
    let day = stdout(&[
        "deadlines",
        "sefton-scp",
        "--at",
        "6/12/2012",
        "--format",
        "json",
    ]);
    let v: serde_json::Value = serde_json::from_str(&day).expect("JSON");
    assert_eq!(v["circulate_by"], "2012-11-29");
    assert_eq!(v["needs_time"], serde_json::json!([]));
}

#[test]
fn dates_typed_as_strings_in_files_take_uk_forms() {
    let dir = crate::common::dir_with(&[
        (
            "uk.toml",
            b"at = \"6 Dec 2012 2pm\"\ncirculated = \"29/11/2012\"\n",
        ),
        (
            "iso.toml",
            b"at = 2012-12-06T14:00:00\ncirculated = 2012-11-29\n",
        ),
        ("us.toml", b"at = \"12/31/2012 14:00\"\n"),
    ]);
    let meeting = |name: &str| {
        let path = dir.path().join(name);
        stdout(&[
            "check-meeting",
            "sefton-scp",
            "--meeting",
            path.to_str().expect("UTF-8 path"),
            "--format",
            "json",
        ])
    };
    assert_eq!(meeting("uk.toml"), meeting("iso.toml"));
    let path = dir.path().join("us.toml");
    let out = tor()
        .args(["check-meeting", "sefton-scp", "--meeting"])
        .arg(&path)
        .output()
        .expect("tor runs");
    let stderr = String::from_utf8(out.stderr).expect("UTF-8");
    assert_ne!(out.status.code(), Some(0), "{stderr}");
    assert!(stderr.contains("us.toml:1:"), "{stderr}");
    assert!(stderr.contains("write 2012-12-31"), "{stderr}");
}

//! Dates inside finding messages: readable in human output, ISO 8601 in JSON
//! (SPEC §6 fixes the `message` text, so JSON must not change).

use crate::common::tor;

fn run(args: &[&str]) -> String {
    let out = tor().args(args).output().expect("runs");
    String::from_utf8(out.stdout).expect("UTF-8")
}

const BARE: &[&str] = &["check-meeting", "sefton-scp", "--at", "2012-12-06T14:00"];
const LATE: &[&str] = &[
    "check-meeting",
    "sefton-scp",
    "--at",
    "2012-12-06T14:00",
    "--circulated",
    "2012-12-03",
    "--previous",
    "2012-06-01",
];
const SHORT: &[&str] = &[
    "check-meeting",
    "oxfordshire-business-group",
    "--extraordinary",
    "--at",
    "2026-10-25T14:00",
    "--circulated",
    "2026-10-23T14:30",
];

#[test]
fn human_messages_read_dates_as_people_do() {
    let out = run(BARE);
    assert!(
        out.contains("due by Thu 29 Nov 2012 (5 working days before)"),
        "{out}"
    );
    insta::assert_snapshot!("check_meeting_bare_human", out);
    let out = run(LATE);
    assert!(
        out.contains("agenda and papers out Mon 3 Dec 2012, after the deadline Thu 29 Nov 2012")
    );
    assert!(out.contains("since the previous meeting on Fri 1 Jun 2012"));
    let out = run(SHORT);
    assert!(out.contains(
        "(at Fri 23 Oct 2026 14:30); at least 48 hours needed, by Fri 23 Oct 2026 15:00"
    ));
}

#[test]
fn json_messages_stay_iso() {
    for (name, args) in [("bare", BARE), ("late", LATE), ("short", SHORT)] {
        let mut args = args.to_vec();
        args.extend(["--format", "json"]);
        insta::assert_snapshot!(format!("check_meeting_{name}_json"), run(&args));
    }
}

/// The record of meetings shipped as an example.
fn record() -> String {
    concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/records/sefton-scp.meetings.toml"
    )
    .to_owned()
}

#[test]
fn audit_and_schedule_prose_reads_dates_too() {
    let record = record();
    let args = [
        "audit",
        "sefton-scp",
        "--year",
        "2012",
        "--record",
        record.as_str(),
        "--as-of",
        "2013-06-01",
    ];
    let out = run(&args);
    // A finding, and a quarter of the frequency table.
    assert!(
        out.contains("the meeting(s) of Thu 1 Nov 2012 were cancelled"),
        "{out}"
    );
    assert!(out.contains("1 meeting (Thu 1 Mar 2012)"), "{out}");
    assert!(
        !out.contains("2012-11-01") && !out.contains("2013-04-30"),
        "{out}"
    );
    let mut json = args.to_vec();
    json.extend(["--format", "json"]);
    let out = run(&json);
    assert!(
        out.contains("the meeting(s) of 2012-11-01 were cancelled"),
        "{out}"
    );
    assert!(
        out.contains(r#""message": "1 meeting (2012-03-01)""#),
        "{out}"
    );

    let out = run(&["schedule", "sefton-scp", "--year", "2027"]);
    assert!(
        out.contains("warning: the ToR was due for review by Tue 30 Apr 2013 (Review)"),
        "{out}"
    );
    let out = run(&[
        "schedule",
        "sefton-scp",
        "--year",
        "2027",
        "--format",
        "json",
    ]);
    assert!(
        out.contains("the ToR was due for review by 2013-04-30 (Review)"),
        "{out}"
    );
    // iCalendar event text says a note's date as it says the meeting's.
    let ics = run(&["schedule", "sefton-scp", "--year", "2027", "--ics", "-"]);
    let unfolded = ics.replace("\r\n ", "");
    assert!(
        unfolded.contains("Review the ToR: it was due by Tuesday 30 April 2013 (Review)"),
        "{unfolded}"
    );
}

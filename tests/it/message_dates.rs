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

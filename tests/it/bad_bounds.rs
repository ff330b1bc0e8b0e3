//! The bad-input corpus for issue 17: numbers beyond what a ToR can mean
//! (`out-of-range`), deadlines that would leave the calendar, and files that
//! repeat one mistake thousands of times. Run by `bad_input`.

use crate::bad_input::{Case, replace, tor_file};
use crate::common::MINIMAL;

/// MINIMAL with `table` appended.
fn with_table(name: &'static str, table: &str, says: &'static str) -> Case {
    tor_file(name, format!("{MINIMAL}\n{table}\n"), says)
}

pub(crate) fn corpus() -> Vec<Case> {
    let notice = |key: &str, n: u64| format!("[notice.agenda]\nclause = \"6\"\n{key} = {n}");
    let far = "[notice.agenda]\nclause = \"6\"\nworking_days = 261\n\n[notice.minutes]\nclause = \"7\"\nworking_days = 261";
    let refuse = |name, args: &[&str]| Case {
        name,
        files: vec![(
            "test-group.toml",
            format!("{MINIMAL}\n{far}\n").into_bytes(),
        )],
        args: args.iter().map(|a| (*a).to_owned()).collect(),
        stdin: None,
        code: 2,
        says: "outside the years tor's calendar covers (1970 to 2100)",
    };
    vec![
        with_table(
            "working days beyond a year",
            &notice("working_days", 4_294_967_295),
            "error[out-of-range]: `working_days` = 4294967295 is out of range: 0 to 261",
        ),
        with_table(
            "clear working days beyond a year",
            &notice("clear_working_days", 262),
            "`clear_working_days` = 262 is out of range",
        ),
        with_table(
            "clear days beyond a year",
            &notice("clear_days", 367),
            "`clear_days` = 367 is out of range: 0 to 366 days",
        ),
        with_table(
            "hours beyond a leap year",
            &notice("hours", 8785),
            "`hours` = 8785 is out of range: 0 to 8784 hours",
        ),
        with_table(
            "every 121 months",
            "[frequency]\nclause = \"7\"\nevery_months = 121",
            "`every_months` = 121 is out of range: 1 to 120 months",
        ),
        with_table(
            "more meetings a month than days",
            "[frequency]\nclause = \"7\"\ntimes = 4294967295\nper = \"month\"",
            "`times` = 4294967295 is out of range: 1 to 31 a month",
        ),
        with_table(
            "more meetings a quarter than days",
            "[frequency]\nclause = \"7\"\nat_least = 93\nper = \"quarter\"",
            "`at_least` = 93 is out of range: 1 to 92 a quarter",
        ),
        with_table(
            "more public meetings than days",
            "[public.meetings]\nclause = \"8\"\nat_least = 367",
            "`at_least` = 367 is out of range: 1 to 366 a year",
        ),
        with_table(
            "stand-ins without end",
            "[decisions]\nclause = \"9\"\nmethod = \"majority\"\n[decisions.substitutes]\nclause = \"9\"\nper_member = 101",
            "`per_member` = 101 is out of range: 1 to 100 stand-ins",
        ),
        with_table(
            "a chair rotating every 0 years",
            "[chair]\nclause = \"3\"\nappointment = \"rotating\"\nrotation_class = \"responsible-authority\"\nrotation_years = 0",
            "`rotation_years` = 0 is out of range: 1 to 20 years",
        ),
        tor_file(
            "a quorum of 10001",
            replace("at_least = 2", "at_least = 10001"),
            "`at_least` = 10001 is out of range: 1 to 10000 members",
        ),
        tor_file(
            "a quorum fraction over 1001",
            replace("at_least = 2", "fraction = \"1/1001\""),
            "the denominator is at most 1000",
        ),
        tor_file(
            "adopted before the calendar",
            replace(
                "name = \"Test Group\"",
                "name = \"Test Group\"\nadopted = 1969-12-31",
            ),
            "1969-12-31 is out of range: dates run from 1970 to 2100",
        ),
        tor_file(
            "a closure after the calendar",
            replace(
                "name = \"Test Group\"",
                "name = \"Test Group\"\nclosures = [9999-12-31]",
            ),
            "9999-12-31 is out of range",
        ),
        refuse(
            "deadlines before 1970",
            &[
                "--dir",
                "{dir}",
                "deadlines",
                "test-group",
                "--at",
                "1970-01-05T14:00",
            ],
        ),
        refuse(
            "minutes due after 2100",
            &[
                "--dir",
                "{dir}",
                "check-meeting",
                "test-group",
                "--at",
                "2100-12-30T14:00",
            ],
        ),
        refuse(
            "a schedule for 1970 whose papers fall in 1969",
            &["--dir", "{dir}", "schedule", "test-group", "--year", "1970"],
        ),
        Case {
            name: "two thousand unknown members in a record",
            files: vec![
                ("test-group.toml", MINIMAL.as_bytes().to_vec()),
                (
                    "test-group.meetings.toml",
                    (0..2000)
                        .map(|i| {
                            format!(
                                "[[meeting]]\ndate = 2012-03-01\npresent = [\"nobody-{i}\"]\n\n"
                            )
                        })
                        .collect::<String>()
                        .into_bytes(),
                ),
            ],
            args: ["validate", "--as-of", "2020-01-01", "{dir}"]
                .map(str::to_owned)
                .to_vec(),
            stdin: None,
            code: 1,
            says: "… and 1990 more error(s) [unknown-member] like this",
        },
    ]
}

//! `tor schedule --ics -`: reminders, DTEND, LOCATION and UK-style dates in the
//! iCalendar file, read back with a real parser.

use crate::common::{MINIMAL, dir_with, tor};
use icalendar::parser::{Component, read_calendar, unfold};
use predicates::prelude::*;

/// The calendar `tor schedule ARGS --ics -` writes, unfolded.
fn ics(args: &[&str]) -> String {
    let out = tor()
        .arg("schedule")
        .args(args)
        .args(["--ics", "-"])
        .output()
        .expect("runs");
    assert!(out.status.success(), "{out:?}");
    unfold(&String::from_utf8(out.stdout).expect("UTF-8"))
}

/// The calendar for the minimal ToR with `extra` after its `name`, whatever the
/// plan's verdict.
fn ics_with(extra: &str, args: &[&str]) -> String {
    let text = MINIMAL.replacen(
        "name = \"Test Group\"",
        &format!("name = \"Test Group\"\n{extra}"),
        1,
    );
    let dir = dir_with(&[("test-group.toml", text.as_bytes())]);
    let out = tor()
        .arg("--dir")
        .arg(dir.path())
        .args(["schedule", "test-group", "--year", "2027", "--ics", "-"])
        .args(args)
        .output()
        .expect("runs");
    assert!(!out.stdout.is_empty(), "{out:?}");
    unfold(&String::from_utf8(out.stdout).expect("UTF-8"))
}

fn prop(c: &Component<'_>, name: &str) -> Option<String> {
    c.find_prop(name).map(|p| p.val.as_str().to_owned())
}

fn events<'a>(cal: &'a icalendar::parser::Calendar<'a>) -> Vec<&'a Component<'a>> {
    cal.components
        .iter()
        .filter(|c| c.name == "VEVENT")
        .collect()
}

fn uid_ends(e: &Component<'_>, tail: &str) -> bool {
    prop(e, "UID").is_some_and(|u| u.ends_with(tail))
}

#[test]
fn the_reminder_counts_working_days_across_a_bank_holiday() {
    // Tuesdays in 2025: papers for 13 May are due Tuesday 6 May, the day after
    // the early May bank holiday, so two working days before is Thursday 1 May,
    // 09:00 BST.
    let text = ics(&["sefton-scp", "--year", "2025", "--weekday", "tue"]);
    let cal = read_calendar(&text).expect("parses");
    let papers = events(&cal)
        .into_iter()
        .find(|e| prop(e, "DTSTART").as_deref() == Some("20250506"))
        .expect("a papers event on 6 May 2025");
    assert!(uid_ends(papers, "-papers@tor"));
    let alarm = papers
        .components
        .iter()
        .find(|c| c.name == "VALARM")
        .expect("a VALARM on the papers event");
    assert_eq!(prop(alarm, "ACTION").as_deref(), Some("DISPLAY"));
    assert!(prop(alarm, "DESCRIPTION").is_some_and(|d| d.contains("Tuesday 6 May 2025")));
    let trigger = alarm.find_prop("TRIGGER").expect("TRIGGER");
    assert_eq!(trigger.val.as_str(), "20250501T080000Z");
    assert!(
        trigger
            .params
            .iter()
            .any(|p| p.key == "VALUE" && p.val.as_ref().is_some_and(|v| v == &"DATE-TIME"))
    );
    // --remind 0: 09:00 BST on the deadline day itself.
    let text = ics(&[
        "sefton-scp",
        "--year",
        "2025",
        "--weekday",
        "tue",
        "--remind",
        "0",
    ]);
    assert!(text.contains("TRIGGER;VALUE=DATE-TIME:20250506T080000Z"));
    // Every papers event has one, and nothing else does.
    let text = ics(&["sefton-scp", "--year", "2027"]);
    let cal = read_calendar(&text).expect("parses");
    for e in events(&cal) {
        let alarms = e.components.iter().filter(|c| c.name == "VALARM").count();
        let want = usize::from(uid_ends(e, "-papers@tor"));
        assert_eq!(alarms, want, "{:?}", prop(e, "UID"));
    }
}

#[test]
fn no_remind_leaves_alarms_out() {
    let text = ics(&["sefton-scp", "--year", "2027", "--no-remind"]);
    assert!(!text.contains("VALARM"), "{text}");
    assert!(!text.contains("TRIGGER"));
    read_calendar(&text).expect("parses");
}

#[test]
fn out_of_range_remind_is_refused() {
    for bad in ["61", "1000000", "x"] {
        tor()
            .args(["schedule", "sefton-scp", "--year", "2027", "--ics", "-"])
            .args(["--remind", bad])
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicate::str::contains("--remind"));
    }
    tor()
        .args(["schedule", "sefton-scp", "--year", "2027", "--ics", "-"])
        .args(["--remind", "3", "--no-remind"])
        .assert()
        .code(2)
        .stdout("");
}

#[test]
fn calendar_flags_need_a_calendar() {
    for flags in [
        &["--remind", "3"][..],
        &["--no-remind"],
        &["--location", "Online"],
    ] {
        tor()
            .args(["schedule", "sefton-scp", "--year", "2027"])
            .args(flags)
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicate::str::contains("--ics"));
    }
    // The default --remind does not count as given.
    tor()
        .args(["schedule", "sefton-scp", "--year", "2027"])
        .assert()
        .success();
}

#[test]
fn meetings_end_with_dtend_in_their_zone() {
    let text = ics(&["sefton-scp", "--year", "2027", "--duration", "90"]);
    assert!(!text.contains("DURATION"), "DTEND, not DURATION");
    let cal = read_calendar(&text).expect("parses");
    let meetings: Vec<_> = events(&cal)
        .into_iter()
        .filter(|e| uid_ends(e, "@tor") && !uid_ends(e, "-papers@tor"))
        .collect();
    assert!(!meetings.is_empty());
    for m in meetings {
        let start = m.find_prop("DTSTART").expect("DTSTART");
        let end = m.find_prop("DTEND").expect("DTEND");
        assert!(start.val.as_str().ends_with("T140000"));
        assert_eq!(
            end.val.as_str(),
            start.val.as_str().replace("T140000", "T153000")
        );
        assert!(
            end.params
                .iter()
                .any(|p| p.key == "TZID" && p.val.as_ref().is_some_and(|v| v == &"Europe/London"))
        );
    }
}

#[test]
fn location_from_the_flag_is_escaped_and_kept_safe() {
    let text = ics(&[
        "sefton-scp",
        "--year",
        "2027",
        "--location",
        "Room 1, Bootle Town Hall; Oriel Road\u{202e}\u{7}",
    ]);
    let line = text
        .split("\r\n")
        .find(|l| l.starts_with("LOCATION:"))
        .expect("a LOCATION");
    assert!(
        line.starts_with("LOCATION:Room 1\\, Bootle Town Hall\\; Oriel Road"),
        "{line}"
    );
    assert!(
        !line.contains('\u{202e}') && !line.contains('\u{7}'),
        "{line:?}"
    );
    let cal = read_calendar(&text).expect("parses");
    let with = events(&cal)
        .into_iter()
        .filter(|e| e.find_prop("LOCATION").is_some())
        .count();
    assert!(with > 0);
    // None without the flag.
    assert!(!ics(&["sefton-scp", "--year", "2027"]).contains("LOCATION"));
    let long = "x".repeat(501);
    tor()
        .args(["schedule", "sefton-scp", "--year", "2027", "--ics", "-"])
        .args(["--location", &long])
        .assert()
        .code(2)
        .stdout("");
}

#[test]
fn event_text_spells_dates_the_uk_way() {
    let text = ics(&["sefton-scp", "--year", "2027"]);
    let cal = read_calendar(&text).expect("parses");
    let meeting = events(&cal)
        .into_iter()
        .find(|e| prop(e, "UID").as_deref() == Some("sefton-scp-2027-02-11@tor"))
        .expect("the February meeting");
    let description = prop(meeting, "DESCRIPTION").expect("DESCRIPTION");
    assert!(
        description.contains("Thursday 11 February 2027"),
        "{description}"
    );
    assert!(
        description.contains("Papers out by Thursday 4 February 2027"),
        "{description}"
    );
    let papers = events(&cal)
        .into_iter()
        .find(|e| prop(e, "UID").as_deref() == Some("sefton-scp-2027-02-11-papers@tor"))
        .expect("its papers event");
    assert!(prop(papers, "SUMMARY").is_some_and(|s| s.contains("Thursday 11 February 2027")));
}

#[test]
fn location_comes_from_the_tor_unless_the_flag_gives_one() {
    let text = ics_with(r#"location = "Council Chamber, Town Hall""#, &[]);
    let cal = read_calendar(&text).expect("parses");
    let places: Vec<String> = events(&cal)
        .into_iter()
        .filter_map(|e| prop(e, "LOCATION"))
        .collect();
    assert!(!places.is_empty(), "{text}");
    assert!(text.contains("\r\nLOCATION:Council Chamber\\, Town Hall\r\n"));
    assert!(
        places.iter().all(|p| p == "Council Chamber, Town Hall"),
        "{places:?}"
    );
    let text = ics_with(
        r#"location = "Council Chamber, Town Hall""#,
        &["--location", "Online"],
    );
    assert!(text.contains("\r\nLOCATION:Online\r\n"), "{text}");
    assert!(!text.contains("Council Chamber"));
    // Hostile text in the file is escaped as from the flag.
    let text = ics_with(r#"location = "A\u0007;B\u202eC\nD""#, &[]);
    let line = text
        .split("\r\n")
        .find(|l| l.starts_with("LOCATION:"))
        .expect("a LOCATION");
    assert!(line.starts_with("LOCATION:A"), "{line}");
    assert!(line.contains("\\;B") && line.contains("\\nD"), "{line}");
    assert!(
        !line.contains('\u{7}') && !line.contains('\u{202e}'),
        "{line:?}"
    );
}

#[test]
fn a_tor_location_must_be_short_and_not_empty() {
    for (value, code) in [
        (format!("{:?}", "x".repeat(501)), "out-of-range"),
        ("\"  \"".to_owned(), "empty-value"),
    ] {
        let text = MINIMAL.replacen(
            "name = \"Test Group\"",
            &format!("name = \"Test Group\"\nlocation = {value}"),
            1,
        );
        let dir = dir_with(&[("test-group.toml", text.as_bytes())]);
        tor()
            .arg("validate")
            .arg(dir.path().join("test-group.toml"))
            .assert()
            .code(1)
            .stdout(
                predicate::str::contains(format!("[{code}]"))
                    .and(predicate::str::contains("`location`"))
                    .and(predicate::str::contains("test-group.toml:3:12")),
            );
    }
}

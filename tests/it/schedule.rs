//! `tor schedule` through the binary: plans for each bundled partnership, each
//! proposed meeting re-checked with the meeting rules, and the iCalendar file
//! read back with a real parser.

use crate::common;

use std::path::Path;

use crate::common::{MINIMAL, dir_with, tor};
use chrono::{Datelike, NaiveDate, Weekday};
use predicates::prelude::*;
use serde_json::Value;
use tor::calendar::{Calendar, parse_date, parse_date_or_datetime, parse_datetime};
use tor::catalog::Catalog;
use tor::engine::meeting::{ChairPresence, History, MeetingInput, check_meeting};
use tor::engine::record::Record;
use tor::model::Tor;

/// `tor schedule ARGS --format json`, asserting the exit code.
fn plan(args: &[&str], code: i32) -> Value {
    common::run_json(None, "schedule", args, code)
}

fn plan_in(dir: &Path, args: &[&str], code: i32) -> Value {
    common::run_json(Some(dir), "schedule", args, code)
}

fn bundled(id: &str) -> (Tor, Calendar) {
    let tor = Catalog::Bundled.load(id).expect("bundled ToR");
    let cal = tor.calendar();
    (tor, cal)
}

fn meetings(plan: &Value) -> &Vec<Value> {
    plan["meetings"].as_array().expect("meetings")
}

fn date_of(m: &Value) -> NaiveDate {
    parse_date(&m["at"].as_str().expect("at")[..10]).expect("a date")
}

fn dates(plan: &Value) -> Vec<NaiveDate> {
    meetings(plan).iter().map(date_of).collect()
}

/// The proposed meeting as it would be held: every member on the day present,
/// the chair presiding, papers out on the deadline.
fn as_held(tor: &Tor, m: &Value) -> MeetingInput {
    let at = parse_datetime(m["at"].as_str().expect("at"), tor.timezone).expect("at parses");
    let mut input = MeetingInput::new(at);
    input.circulated = m["circulate_by"]
        .as_str()
        .map(|s| parse_date_or_datetime(s, tor.timezone).expect("deadline parses"));
    input.attendance.in_person = tor
        .members_on(at.date_naive())
        .map(|m| m.id.clone())
        .collect();
    input.chair = Some(ChairPresence::Present);
    input.public = m["public"].as_bool().expect("public").then_some(true);
    // A proposed public meeting is held as the ToR's (joint where it says).
    if input.public == Some(true) {
        input.joint_with = tor
            .public
            .meetings
            .as_ref()
            .and_then(|pm| pm.joint_with.clone())
            .into_iter()
            .collect();
    }
    input.items = m["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|i| i.as_str().expect("item").to_owned())
        .collect();
    input
}

/// Every proposed meeting passes `check_meeting`, with the previous proposed
/// meeting as history (none for the first), and again with the plan as a record.
fn assert_every_meeting_passes(id: &str, plan: &Value) {
    let (tor, cal) = bundled(id);
    let mut previous: Option<NaiveDate> = None;
    let mut record = String::new();
    for m in meetings(plan) {
        let input = as_held(&tor, m);
        let history = previous.map_or(History::Nothing, History::Previous);
        let report = check_meeting(&tor, &cal, &input, history);
        assert!(report.valid, "{id} {}: {:#?}", m["at"], report.failing());
        previous = Some(date_of(m));
        record.push_str(&format!(
            "[[meeting]]\nat = {:?}\npublic = {}\n",
            m["at"].as_str().expect("at"),
            input.public == Some(true)
        ));
        let items: Vec<String> = input.items.iter().map(|i| format!("{i:?}")).collect();
        record.push_str(&format!("items = [{}]\n\n", items.join(", ")));
    }
    // With the whole plan as the record of earlier meetings, no rule fails either.
    let record =
        tor::load::read::<Record>("plan.toml", record.as_bytes(), &tor).expect("plan as a record");
    for m in meetings(plan) {
        let report = check_meeting(&tor, &cal, &as_held(&tor, m), History::Record(&record));
        assert!(
            report.valid,
            "{id} {} with the record: {:#?}",
            m["at"],
            report.failing()
        );
    }
}

/// No meeting on a weekend, bank holiday or closure day.
fn assert_working_days(id: &str, plan: &Value) {
    let (_, cal) = bundled(id);
    for d in dates(plan) {
        assert!(cal.is_working_day(d), "{id}: {d} is not a working day");
    }
}

// ---- Sefton: at least one meeting a quarter ----------------------------------------

#[test]
fn sefton_2027_meets_every_quarter_on_working_days_with_deadlines() {
    let p = plan(&["sefton-scp", "--year", "2027"], 0);
    assert_eq!(p["partnership"], "sefton-scp");
    assert_eq!(p["year"], 2027);
    assert_eq!(p["valid"], true);
    assert_eq!(p["clause"], "Meeting Arrangements 1");
    let ds = dates(&p);
    for q in 0..4 {
        assert!(
            ds.iter().any(|d| d.month0() / 3 == q),
            "no meeting in Q{}: {ds:?}",
            q + 1
        );
    }
    for m in meetings(&p) {
        for key in ["at", "public", "notes", "circulate_by", "minutes_by"] {
            assert!(m.get(key).is_some(), "{key} missing from {m}");
        }
        assert!(m["circulate_by"].is_string(), "{m}");
        // Sefton states no minutes deadline.
        assert!(m["minutes_by"].is_null(), "{m}");
        assert!(m["at"].as_str().unwrap().contains("T14:00"), "{m}");
    }
    assert_working_days("sefton-scp", &p);
    assert_every_meeting_passes("sefton-scp", &p);
}

#[test]
fn sefton_papers_go_out_five_working_days_before() {
    let p = plan(&["sefton-scp", "--year", "2027"], 0);
    let (_, cal) = bundled("sefton-scp");
    for m in meetings(&p) {
        let by = parse_date(m["circulate_by"].as_str().unwrap()).unwrap();
        assert_eq!(by, cal.working_days_before(date_of(m), 5), "{m}");
    }
}

#[test]
fn sefton_has_one_public_meeting_and_the_chair_elected() {
    let p = plan(&["sefton-scp", "--year", "2027"], 0);
    let public: Vec<&Value> = meetings(&p)
        .iter()
        .filter(|m| m["public"] == true)
        .collect();
    assert_eq!(public.len(), 1, "{p:#}");
    assert_eq!(public[0]["kind"], "public");
    let notes = public[0]["notes"].to_string();
    assert!(notes.contains("Responsibilities 4"), "{notes}");
    let first = &meetings(&p)[0];
    assert!(
        first["items"].to_string().contains("Election of chair"),
        "{first}"
    );
    // The staggered standing items are spread so the year takes each once.
    let all: Vec<String> = meetings(&p)
        .iter()
        .flat_map(|m| m["items"].as_array().unwrap().clone())
        .map(|i| i.as_str().unwrap().to_owned())
        .collect();
    for item in [
        "Prevent",
        "Domestic Violence",
        "ASB",
        "IOM",
        "YOS",
        "Hate Crime",
    ] {
        assert_eq!(
            all.iter().filter(|i| *i == item).count(),
            1,
            "{item}: {all:?}"
        );
    }
}

#[test]
fn sefton_2012_avoids_the_jubilee_and_christmas() {
    let p = plan(&["sefton-scp", "--year", "2012", "--weekday", "tuesday"], 0);
    assert_working_days("sefton-scp", &p);
    assert_every_meeting_passes("sefton-scp", &p);
    // 2012-06-05 (Tuesday) was the Diamond Jubilee bank holiday.
    assert!(!dates(&p).contains(&NaiveDate::from_ymd_opt(2012, 6, 5).unwrap()));
    for d in dates(&p) {
        assert_eq!(d.weekday(), Weekday::Tue, "{d}");
    }
}

#[test]
fn weekday_and_time_are_followed() {
    let p = plan(
        &[
            "sefton-scp",
            "--year",
            "2027",
            "--weekday",
            "mon",
            "--time",
            "09:30",
        ],
        0,
    );
    assert_eq!(p["weekday"], "Monday");
    assert_eq!(p["time"], "09:30");
    for m in meetings(&p) {
        assert_eq!(date_of(m).weekday(), Weekday::Mon, "{m}");
        let at = m["at"].as_str().unwrap();
        assert!(at.contains("T09:30+0"), "{at}");
    }
    // Summer meetings carry the BST offset.
    assert!(
        meetings(&p)
            .iter()
            .any(|m| m["at"].as_str().unwrap().ends_with("+01:00"))
    );
    assert_every_meeting_passes("sefton-scp", &p);
}

// ---- Richmond: ten a year, the May meeting, one joint public meeting ----------------

#[test]
fn richmond_2008_has_ten_meetings_a_may_meeting_and_a_joint_public_meeting() {
    let p = plan(&["richmond-strategy-group", "--year", "2008"], 0);
    let ms = meetings(&p);
    assert_eq!(ms.len(), 10, "{p:#}");
    // The ToR dates from March 2008: nothing is planned before it.
    assert!(
        dates(&p)
            .iter()
            .all(|d| *d >= NaiveDate::from_ymd_opt(2008, 3, 1).unwrap())
    );
    assert!(p["warnings"].to_string().contains("adopted on 2008-03-01"));
    let may: Vec<&Value> = ms.iter().filter(|m| m["kind"] == "may-meeting").collect();
    assert_eq!(may.len(), 1);
    assert_eq!(date_of(may[0]).month(), 5);
    assert!(may[0]["items"].to_string().contains("Election of chair"));
    assert!(may[0]["notes"].to_string().contains("3.2"));
    let public: Vec<&Value> = ms.iter().filter(|m| m["public"] == true).collect();
    assert_eq!(public.len(), 1);
    assert_ne!(date_of(public[0]).month(), 5, "not the May meeting");
    let notes = public[0]["notes"].to_string();
    assert!(
        notes.contains("jointly with the Community Police Partnership"),
        "{notes}"
    );
    assert!(notes.contains("5 (Accountability)"), "{notes}");
    // Papers three working days before; minutes within ten working days.
    let (_, cal) = bundled("richmond-strategy-group");
    for m in ms {
        let d = date_of(m);
        assert_eq!(
            parse_date(m["circulate_by"].as_str().unwrap()).unwrap(),
            cal.working_days_before(d, 3)
        );
        assert_eq!(
            parse_date(m["minutes_by"].as_str().unwrap()).unwrap(),
            cal.working_days_after(d, 10)
        );
    }
    assert_working_days("richmond-strategy-group", &p);
    assert_every_meeting_passes("richmond-strategy-group", &p);
}

#[test]
fn richmond_full_year_spreads_ten_meetings() {
    let p = plan(&["richmond-strategy-group", "--year", "2009"], 0);
    let months: Vec<u32> = dates(&p).iter().map(chrono::Datelike::month).collect();
    assert_eq!(months, [1, 2, 3, 4, 5, 7, 8, 9, 10, 11]);
    assert_eq!(
        meetings(&p)
            .iter()
            .filter(|m| m["kind"] == "may-meeting")
            .count(),
        1
    );
    assert_every_meeting_passes("richmond-strategy-group", &p);
}

// ---- Oxfordshire Business Group: every two months -----------------------------------

fn within_two_months(a: NaiveDate, b: NaiveDate) -> bool {
    b <= a.checked_add_months(chrono::Months::new(2)).unwrap()
}

#[test]
fn business_group_2012_meets_every_two_months() {
    let p = plan(&["oxfordshire-business-group", "--year", "2012"], 0);
    let ds = dates(&p);
    assert!(ds.len() >= 6, "{ds:?}");
    for pair in ds.windows(2) {
        assert!(within_two_months(pair[0], pair[1]), "{pair:?}");
    }
    // The plan follows on from the year before and into the next.
    let before = dates(&plan(&["oxfordshire-business-group", "--year", "2011"], 0));
    let after = dates(&plan(&["oxfordshire-business-group", "--year", "2013"], 0));
    assert!(within_two_months(*before.last().unwrap(), ds[0]));
    assert!(within_two_months(*ds.last().unwrap(), after[0]));
    assert!(meetings(&p)[0]["notes"].to_string().contains("year before"));
    assert!(meetings(&p).iter().all(|m| m["public"] == false));
    assert_working_days("oxfordshire-business-group", &p);
    assert_every_meeting_passes("oxfordshire-business-group", &p);
}

#[test]
fn business_group_2011_starts_when_the_tor_was_adopted() {
    let p = plan(&["oxfordshire-business-group", "--year", "2011"], 0);
    let adopted = NaiveDate::from_ymd_opt(2011, 10, 17).unwrap();
    assert!(dates(&p).iter().all(|d| *d >= adopted), "{p:#}");
    assert_every_meeting_passes("oxfordshire-business-group", &p);
}

#[test]
fn business_group_over_christmas_still_keeps_the_gap() {
    for year in 2014..=2020 {
        let ds = dates(&plan(
            &["oxfordshire-business-group", "--year", &year.to_string()],
            0,
        ));
        for pair in ds.windows(2) {
            assert!(within_two_months(pair[0], pair[1]), "{year}: {pair:?}");
        }
    }
}

// ---- Oxfordshire Board: no frequency rule --------------------------------------------

#[test]
fn board_without_a_frequency_rule_is_planned_quarterly_with_a_warning() {
    let p = plan(&["oxfordshire-board", "--year", "2014"], 0);
    assert!(p["clause"].is_null());
    assert!(
        p["warnings"].to_string().contains("no meeting frequency"),
        "{p:#}"
    );
    let ds = dates(&p);
    assert_eq!(ds.len(), 4);
    let quarters: Vec<u32> = ds.iter().map(|d| d.month0() / 3).collect();
    assert_eq!(quarters, [0, 1, 2, 3]);
    for m in meetings(&p) {
        // The Board states no notice rule: no deadlines.
        assert!(
            m["circulate_by"].is_null() && m["minutes_by"].is_null(),
            "{m}"
        );
    }
    assert_every_meeting_passes("oxfordshire-board", &p);
    tor()
        .args(["schedule", "oxfordshire-board", "--year", "2014"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "warning: the ToR states no meeting frequency",
        ));
}

#[test]
fn board_plans_stop_at_its_succession() {
    // The Board's last meeting was in March 2016 (seed 001): it is succeeded on
    // 1 April.
    let p = plan(&["oxfordshire-board", "--year", "2016"], 0);
    assert_eq!(p["to"], "2016-03-31");
    assert!(dates(&p).iter().all(|d| d.month() <= 3));
    tor()
        .args(["schedule", "oxfordshire-board", "--year", "2017"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("succeeded"));
}

// ---- human output and bad input ------------------------------------------------------

#[test]
fn human_output_is_a_table() {
    tor()
        .args(["schedule", "sefton-scp", "--year", "2027"])
        .assert()
        .success()
        .stdout(
            predicate::str::contains("papers by")
                .and(predicate::str::contains("minutes by"))
                .and(predicate::str::contains("Thu 11 Feb 2027"))
                .and(predicate::str::contains("public"))
                .and(predicate::str::contains("passes check-meeting")),
        );
}

#[test]
fn bad_input_is_exit_2() {
    for args in [
        &["schedule", "sefton", "--year", "2027"][..],
        &["schedule", "sefton-scp", "--year", "1850"],
        &[
            "schedule",
            "sefton-scp",
            "--year",
            "2027",
            "--time",
            "25:00",
        ],
        &[
            "schedule",
            "sefton-scp",
            "--year",
            "2027",
            "--weekday",
            "saturday",
        ],
        &["schedule", "sefton-scp"],
    ] {
        tor().args(args).assert().code(2);
    }
    tor()
        .args(["schedule", "sefton", "--year", "2027"])
        .assert()
        .stderr(predicate::str::contains("did you mean `sefton-scp`?"));
}

/// A ToR whose quorum cannot be met gives a plan that says so (exit 1).
#[test]
fn an_unreachable_quorum_makes_the_plan_invalid() {
    let text = format!("{MINIMAL}\n[frequency]\nclause = \"7\"\nat_least = 1\nper = \"quarter\"\n")
        .replace(
            "name = \"The Police\"",
            "name = \"The Police\"\nuntil = 2020-12-31",
        );
    let dir = dir_with(&[("test-group.toml", text.as_bytes())]);
    let p = plan_in(dir.path(), &["test-group", "--year", "2021"], 1);
    assert_eq!(p["valid"], false);
    let first = &meetings(&p)[0];
    assert_eq!(first["valid"], false);
    assert_eq!(first["failures"][0]["rule"], "quorum");
    assert_eq!(first["failures"][0]["clause"], "5");
    tor()
        .arg("--dir")
        .arg(dir.path())
        .args(["schedule", "test-group", "--year", "2021"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("NOT VALID"));
}

#[test]
fn closure_days_are_avoided() {
    let base = format!("{MINIMAL}\n[frequency]\nclause = \"7\"\nat_least = 1\nper = \"quarter\"\n");
    let dir = dir_with(&[("test-group.toml", base.as_bytes())]);
    let first = dates(&plan_in(dir.path(), &["test-group", "--year", "2027"], 0))[0];
    let closed = base.replace(
        "name = \"Test Group\"",
        &format!("name = \"Test Group\"\nclosures = [{first}]"),
    );
    let dir = dir_with(&[("test-group.toml", closed.as_bytes())]);
    let ds = dates(&plan_in(dir.path(), &["test-group", "--year", "2027"], 0));
    assert!(!ds.contains(&first), "{first} is a closure day: {ds:?}");
    assert_eq!(ds[0].month0() / 3, first.month0() / 3);
}

// ---- the iCalendar file --------------------------------------------------------------

fn ics(dir: &Path, name: &str, args: &[&str]) -> String {
    let path = dir.join(name);
    tor()
        .args(["schedule"])
        .args(args)
        .arg("--ics")
        .arg(&path)
        .assert()
        .success()
        .stdout(predicate::str::contains("wrote"));
    std::fs::read_to_string(&path).expect("the .ics is written")
}

fn prop<'a>(c: &'a icalendar::parser::Component<'a>, name: &str) -> Option<String> {
    c.find_prop(name).map(|p| p.val.as_str().to_owned())
}

#[test]
fn sefton_ics_parses_with_timezone_events_and_deadlines() {
    let dir = tempfile::tempdir().unwrap();
    let text = ics(dir.path(), "x.ics", &["sefton-scp", "--year", "2027"]);
    // CRLF line endings, and no line longer than 75 octets.
    assert!(text.ends_with("\r\n"));
    for line in text.split("\r\n") {
        assert!(
            !line.contains('\n') && !line.contains('\r'),
            "bare LF or CR"
        );
        assert!(line.len() <= 75, "{} octets: {line}", line.len());
    }
    let unfolded = icalendar::parser::unfold(&text);
    let cal = icalendar::parser::read_calendar(&unfolded).expect("a valid iCalendar file");
    let top: Vec<(String, String)> = cal
        .properties
        .iter()
        .map(|p| (p.name.as_str().to_owned(), p.val.as_str().to_owned()))
        .collect();
    assert!(top.iter().any(|(n, v)| n == "VERSION" && v == "2.0"));
    assert!(top.iter().any(|(n, v)| n == "PRODID" && v.contains("tor")));
    let tz: Vec<_> = cal
        .components
        .iter()
        .filter(|c| c.name == "VTIMEZONE")
        .collect();
    assert_eq!(tz.len(), 1);
    assert_eq!(prop(tz[0], "TZID").as_deref(), Some("Europe/London"));
    let kinds: Vec<&str> = tz[0].components.iter().map(|c| c.name.as_str()).collect();
    assert!(
        kinds.contains(&"STANDARD") && kinds.contains(&"DAYLIGHT"),
        "{kinds:?}"
    );
    for c in &tz[0].components {
        let rule = prop(c, "RRULE").expect("RRULE");
        assert!(rule.contains("BYDAY=-1SU"), "{rule}");
        let month = if c.name == "DAYLIGHT" {
            "BYMONTH=3"
        } else {
            "BYMONTH=10"
        };
        assert!(rule.contains(month), "{rule}");
    }
    let events: Vec<_> = cal
        .components
        .iter()
        .filter(|c| c.name == "VEVENT")
        .collect();
    let p = plan(&["sefton-scp", "--year", "2027"], 0);
    let n = meetings(&p).len();
    // A meeting and a "papers out" event for each (Sefton has no minutes rule).
    assert_eq!(events.len(), 2 * n);
    let mut uids: Vec<String> = events.iter().map(|e| prop(e, "UID").unwrap()).collect();
    for m in meetings(&p) {
        let d = date_of(m);
        let uid = format!("sefton-scp-{d}@tor");
        let event = events
            .iter()
            .find(|e| prop(e, "UID").as_deref() == Some(uid.as_str()))
            .unwrap_or_else(|| panic!("no event {uid}"));
        let start = event.find_prop("DTSTART").expect("DTSTART");
        assert_eq!(start.val.as_str(), d.format("%Y%m%dT140000").to_string());
        assert!(
            start
                .params
                .iter()
                .any(|p| p.key == "TZID" && p.val.as_ref().is_some_and(|v| v == &"Europe/London"))
        );
        assert!(prop(event, "DTSTAMP").is_some_and(|s| s.ends_with('Z')));
        assert!(prop(event, "SUMMARY").is_some_and(|s| s.contains("Sefton")));
        let papers = events
            .iter()
            .find(|e| prop(e, "UID") == Some(format!("sefton-scp-{d}-papers@tor")))
            .expect("a papers event");
        let start = papers.find_prop("DTSTART").expect("DTSTART");
        let by = m["circulate_by"].as_str().unwrap().replace('-', "");
        assert_eq!(start.val.as_str(), by);
        assert!(
            start
                .params
                .iter()
                .any(|p| p.key == "VALUE" && p.val.as_ref().is_some_and(|v| v == &"DATE"))
        );
    }
    uids.sort();
    uids.dedup();
    assert_eq!(uids.len(), events.len(), "UIDs are unique");
    // The typed reader agrees on the number of events.
    let typed: icalendar::Calendar = unfolded.parse().expect("typed parse");
    assert_eq!(
        typed
            .components
            .iter()
            .filter(|c| c.as_event().is_some())
            .count(),
        2 * n
    );
}

#[test]
fn ics_has_minutes_events_escaped_text_and_stable_uids() {
    let dir = tempfile::tempdir().unwrap();
    let a = ics(
        dir.path(),
        "a.ics",
        &["richmond-strategy-group", "--year", "2009"],
    );
    let b = ics(
        dir.path(),
        "b.ics",
        &["richmond-strategy-group", "--year", "2009"],
    );
    let uids = |t: &str| -> Vec<String> {
        t.split("\r\n")
            .filter(|l| l.starts_with("UID:"))
            .map(str::to_owned)
            .collect()
    };
    assert_eq!(uids(&a), uids(&b));
    assert!(
        a.contains("UID:richmond-strategy-group-2009-05-14-minutes@tor"),
        "{a}"
    );
    // Commas and semicolons in TEXT values are escaped.
    let unfolded = icalendar::parser::unfold(&a);
    let description = unfolded
        .split("\r\n")
        .find(|l| l.starts_with("DESCRIPTION:") && l.contains("jointly"))
        .expect("the public meeting's description");
    assert!(
        description.contains("\\;") || description.contains("\\,"),
        "{description}"
    );
    assert!(
        !description
            .replace("\\,", "")
            .replace("\\;", "")
            .contains(';')
    );
    let cal = icalendar::parser::read_calendar(&unfolded).expect("parses");
    let events = cal.components.iter().filter(|c| c.name == "VEVENT").count();
    assert_eq!(
        events, 30,
        "10 meetings, 10 papers deadlines, 10 minutes deadlines"
    );
}

#[test]
fn ics_is_not_overwritten_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.ics");
    std::fs::write(&path, "keep me").unwrap();
    tor()
        .args(["schedule", "sefton-scp", "--year", "2027", "--ics"])
        .arg(&path)
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("already exists").and(predicate::str::contains("--force")),
        );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "keep me");
    tor()
        .args([
            "schedule",
            "sefton-scp",
            "--year",
            "2027",
            "--force",
            "--ics",
        ])
        .arg(&path)
        .assert()
        .success();
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.starts_with("BEGIN:VCALENDAR\r\n"));
    // No temporary file is left behind.
    let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(left.len(), 1);
}

#[test]
fn ics_into_a_missing_folder_is_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    tor()
        .args(["schedule", "sefton-scp", "--year", "2027", "--ics"])
        .arg(dir.path().join("no/such/folder/x.ics"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot write"));
}

#[test]
fn a_municipal_year_runs_from_its_start_day() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/partnerships");
    let p = plan_in(&dir, &["example-board", "--year", "2027"], 0);
    assert_eq!(p["from"], "2027-04-01");
    assert_eq!(p["to"], "2028-03-31");
    let ds = dates(&p);
    assert_eq!(ds.len(), 4, "at least 4 a year: {ds:?}");
    let from = NaiveDate::from_ymd_opt(2027, 4, 1).unwrap();
    let to = NaiveDate::from_ymd_opt(2028, 3, 31).unwrap();
    assert!(ds.iter().all(|d| from <= *d && *d <= to), "{ds:?}");
}

#[test]
fn a_year_before_the_tor_was_adopted_is_exit_2() {
    tor()
        .args(["schedule", "richmond-strategy-group", "--year", "2007"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("adopted on 2008-03-01"));
}

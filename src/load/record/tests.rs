//! The record loader's unit tests, beside it but in their own file.

use super::*;
use crate::catalog::Catalog;
use crate::model::{Keyword, MemberId};

fn sefton() -> Tor {
    Catalog::Bundled.load("sefton-scp").expect("bundled ToR")
}

fn codes(text: &str) -> Vec<(&'static str, Severity)> {
    crate::load::analyse::<Record>(text.as_bytes(), &sefton())
        .1
        .iter()
        .map(|d| (d.code.as_str(), d.severity))
        .collect()
}

#[test]
fn an_empty_record_is_valid() {
    let r = crate::load::read::<Record>("r.toml", b"  \n", &sefton()).expect("empty record");
    assert!(r.meetings.is_empty() && r.cancelled.is_empty());
    let r =
        crate::load::read::<Record>("r.toml", b"# nothing yet\n", &sefton()).expect("comment only");
    assert!(r.meetings.is_empty());
}

#[test]
fn meetings_are_sorted_and_local_times_read_in_the_zone() {
    let text = "[[meeting]]\nat = 2012-06-07T18:30:00\n\n[[meeting]]\ndate = 2012-03-01\n";
    let r =
        crate::load::read::<Record>("r.toml", text.as_bytes(), &sefton()).expect("valid record");
    let days: Vec<String> = r.meetings.iter().map(|m| m.date.to_string()).collect();
    assert_eq!(days, ["2012-03-01", "2012-06-07"]);
    let at = r.meetings[1].at.expect("a start time");
    assert_eq!(at.to_rfc3339(), "2012-06-07T18:30:00+01:00");
    assert_eq!(
        r.previous(at.date_naive())
            .map(|m| m.date.to_string())
            .as_deref(),
        Some("2012-03-01")
    );
}

#[test]
fn stand_ins_the_tor_does_not_allow_are_warnings() {
    let text = "[[meeting]]\ndate = 2012-03-01\nsubstitutes = [\"cvs\"]\nchair = \"deputy\"\n";
    assert_eq!(
        codes(text),
        [
            ("stand-in-not-allowed", Severity::Warning),
            ("no-deputy-chair", Severity::Warning)
        ]
    );
    assert!(crate::load::read::<Record>("r.toml", text.as_bytes(), &sefton()).is_ok());
}

fn panel() -> Tor {
    Catalog::Dir("examples/partnerships".into())
        .load("police-and-crime-panel")
        .expect("example ToR")
}

#[test]
fn present_takes_people_in_seats_up_to_the_seats() {
    let text = "[[meeting]]\ndate = 2022-07-04\npresent = [\"council-a:2\", \"independent-1\"]\n";
    let r = crate::load::read::<Record>("r.toml", text.as_bytes(), &panel()).expect("valid");
    let a = &r.meetings[0].attendance;
    let council_a = MemberId::parse("council-a").expect("id");
    assert_eq!(a.people_of(&council_a), 2);
    assert_eq!(a.in_person.len(), 2);
    let text = "[[meeting]]\ndate = 2022-07-04\npresent = [\"council-a:3\"]\n";
    let err =
        crate::load::read::<Record>("r.toml", text.as_bytes(), &panel()).expect_err("refused");
    assert_eq!(err.diagnostics[0].code, Code::InvalidValue);
    assert!(err.to_string().contains("r.toml:3:12"), "{err}");
}

fn board() -> Tor {
    Catalog::Dir("examples/partnerships".into())
        .load("town-board")
        .expect("example ToR")
}

#[test]
fn items_arrivals_and_departures_are_read_as_a_meeting_file_reads_them() {
    let text = "\
[[meeting]]
at = 2025-06-12T09:30:00
present = [\"chair\", \"council-leader\", \"mp\", \"lep\", \"college\"]
arrivals = [{ member = \"police\", at = 2025-06-12T09:50:00 }]
departures = [{ member = \"mp\", at = 2025-06-12T10:10:00 }]
[[meeting.items]]
title = \"Minutes\"
[[meeting.items]]
title = \"Skills grant\"
at = 2025-06-12T10:00:00
conflicts = [\"college\"]
";
    let r = crate::load::read::<Record>("r.toml", text.as_bytes(), &board()).expect("valid");
    let m = &r.meetings[0];
    assert_eq!(m.items, ["Minutes", "Skills grant"]);
    assert_eq!(m.agenda.len(), 2);
    assert_eq!(m.agenda[1].conflicts.len(), 1);
    assert_eq!(m.agenda[1].at.to_rfc3339(), "2025-06-12T10:00:00+01:00");
    assert_eq!(m.movements.len(), 2);
}

#[test]
fn plain_titles_stay_titles_only() {
    let text = "[[meeting]]\ndate = 2012-03-01\nitems = [\" Prevent \", \"\", \"ASB\"]\n";
    let r = crate::load::read::<Record>("r.toml", text.as_bytes(), &sefton()).expect("valid");
    assert_eq!(r.meetings[0].items, ["Prevent", "ASB"]);
    assert!(r.meetings[0].agenda.is_empty() && r.meetings[0].movements.is_empty());
}

#[test]
fn times_of_day_need_the_start() {
    let text = "\
[[meeting]]
date = 2025-06-12
present = [\"chair\", \"council-leader\"]
departures = [{ member = \"chair\", at = 2025-06-12T10:10:00 }]
";
    let err =
        crate::load::read::<Record>("r.toml", text.as_bytes(), &board()).expect_err("refused");
    assert_eq!(err.diagnostics[0].code, Code::NeedsTime);
    assert!(err.to_string().contains("r.toml:4:40"), "{err}");
}

#[test]
fn errors_are_all_reported() {
    let text = "\
[[meeting]]
date = 2012-03-01
present = [\"cvs\", \"cvs\"]
circulated = 2012-03-02
minutes = 2012-02-01

[[meeting]]
date = 2012-03-01
at = 2012-03-01T10:00:00

[[cancelled]]
date = 2012-04-01

[[cancelled]]
date = 2012-04-01
";
    let got: Vec<&str> = codes(text).into_iter().map(|(c, _)| c).collect();
    assert_eq!(
        got,
        [
            "circulated-after",
            "minutes-before",
            "duplicate-member",
            "conflicting-keys",
            "duplicate-cancellation"
        ]
    );
    let err =
        crate::load::read::<Record>("r.toml", text.as_bytes(), &sefton()).expect_err("refused");
    assert!(err.to_string().contains("r.toml:4:14"), "{err}");
}

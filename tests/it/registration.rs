//! Stand-ins registered before an event each year (Richmond 3.3: before the
//! May meeting): the latest occurrence on or before the meeting governs it.

use crate::common::{self, dir_with, finding, tor};

const RECORD: &str = "[[meeting]]\ndate = 2009-04-16\n\n[[meeting]]\ndate = 2009-05-14\n";

fn richmond(notified: &str, record: Option<&str>, code: i32) -> serde_json::Value {
    let dir = dir_with(&[("record.toml", record.unwrap_or("").as_bytes())]);
    let path = dir.path().join("record.toml");
    let mut args = vec![
        "richmond-strategy-group",
        "--at",
        "2009-06-11T18:00",
        "--attendees",
        "richmond-council,community-police-partnership",
        "--substitute",
        "london-fire-brigade",
        "--notified",
        notified,
    ];
    if record.is_some() {
        args.extend(["--record", path.to_str().expect("utf-8")]);
    }
    common::run_json(None, "check-meeting", &args, code)
}

#[test]
fn registered_before_the_first_meeting_in_may_is_in_time_after_it_late() {
    let r = richmond("london-fire-brigade@2009-05-13T09:00", Some(RECORD), 0);
    assert_eq!(finding(&r, "membership")["status"], "pass", "{r:#}");
    let r = richmond("london-fire-brigade@2009-05-14T09:00", Some(RECORD), 1);
    let m = finding(&r, "membership");
    assert_eq!(
        (m["status"].as_str(), m["clause"].as_str()),
        (Some("fail"), Some("3.3"))
    );
    assert_eq!(
        m["message"],
        "london-fire-brigade's substitute is not accepted: not registered before the May meeting on 2009-05-14 (notified 2009-05-14 09:00) (3.3)"
    );
}

#[test]
fn without_the_record_the_may_meeting_is_not_found_and_it_warns() {
    let r = richmond("london-fire-brigade@2009-05-13T09:00", None, 0);
    let m = finding(&r, "membership");
    assert_eq!(m["status"], "warn");
    assert_eq!(
        m["message"],
        "london-fire-brigade's substitute needs registering with the secretariat before the May meeting; tor could not find the May meeting on or before 2009-06-11 (give the record of meetings)"
    );
}

/// A body whose deputies register before the meeting marked `induction` each
/// year, in `[attendance.deputies]`.
const BODY: &str = r#"
id = "body"
name = "Body"

[[classes]]
id = "council"
name = "Council"

[[members]]
id = "north"
name = "North Council"
class = "council"

[[members]]
id = "south"
name = "South Council"
class = "council"

[attendance.deputies]
clause = "7"
registered_before = "meeting:induction"
"#;

#[test]
fn a_marked_meeting_each_year_governs_until_the_next_one() {
    let record = "[[meeting]]\ndate = 2025-01-09\nmarks = [\"induction\"]\n\n\
                  [[meeting]]\ndate = 2026-01-08\nmarks = [\"induction\"]\n";
    let dir = dir_with(&[
        ("body.toml", BODY.as_bytes()),
        ("record.toml", record.as_bytes()),
    ]);
    let run = |at: &str, notified: &str, code| {
        let r = common::run_json(
            Some(dir.path()),
            "check-meeting",
            &[
                "body",
                "--at",
                at,
                "--attendees",
                "south",
                "--deputy",
                "north",
                "--notified",
                notified,
                "--record",
                dir.path().join("record.toml").to_str().expect("utf-8"),
            ],
            code,
        );
        finding(&r, "membership")["status"].clone()
    };
    // Registered on 1 February 2025, after that year's induction: late for
    // the meetings it governs, in time for 2026's (the 2026 induction governs
    // those).
    assert_eq!(run("2025-06-10T18:00", "north@2025-01-01T10:00", 0), "pass");
    assert_eq!(run("2025-06-10T18:00", "north@2025-02-01T10:00", 1), "fail");
    assert_eq!(run("2026-06-10T18:00", "north@2025-02-01T10:00", 0), "pass");
}

#[test]
fn an_unknown_event_is_a_positioned_error_naming_the_nearest() {
    let body = BODY.replace("meeting:induction", "may-meting");
    let dir = dir_with(&[("body.toml", body.as_bytes())]);
    let out = tor()
        .arg("validate")
        .arg(dir.path().join("body.toml"))
        .assert()
        .code(1)
        .get_output()
        .clone();
    let text =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    assert!(text.contains("unknown event `may-meting`"), "{text}");
    assert!(text.contains("may-meeting"), "{text}");
    assert!(text.contains("body.toml:21:21"), "{text}");
}

#[test]
fn a_quoted_date_or_a_number_is_refused_not_a_panic() {
    for bad in ["\"2025-05-01\"", "3"] {
        let body = BODY.replace("\"meeting:induction\"", bad);
        let dir = dir_with(&[("body.toml", body.as_bytes())]);
        let out = tor()
            .arg("validate")
            .arg(dir.path().join("body.toml"))
            .assert()
            .code(1)
            .get_output()
            .clone();
        let text = String::from_utf8_lossy(&out.stderr).into_owned()
            + &String::from_utf8_lossy(&out.stdout);
        assert!(text.contains("body.toml:21:"), "{bad}: {text}");
        if bad.starts_with('"') {
            assert!(text.contains("without quotes"), "{text}");
        }
    }
}

//! `deadlines --explain` for `[[event_deadlines]]`: the event's day, how it was
//! found and the days counted from it.

use std::path::Path;

use crate::common::{self, dir_with, tor};

const ID: &str = "harbourside-joint-committee";

fn committee() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples/partnerships")
        .join(format!("{ID}.toml"));
    std::fs::read_to_string(path).expect("example ToR")
}

/// A record with the annual meeting and an ordinary meeting of 2014, the
/// year the bundled table moves the elections to 22 May.
const RECORD: &str = "[[meeting]]\ndate = 2014-07-17\nmarks = [\"annual-meeting\"]\n\n[[meeting]]\ndate = 2014-07-03\nmarks = [\"ordinary\"]\n";

#[test]
fn deadlines_explain_works_out_each_event_deadline() {
    let dir = dir_with(&[
        (&format!("{ID}.toml"), committee().as_bytes()),
        (&format!("{ID}.meetings.toml"), RECORD.as_bytes()),
    ]);
    let out = tor()
        .arg("--dir")
        .arg(dir.path())
        .args(["deadlines", ID, "--at", "2014-06-20", "--explain"])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).expect("UTF-8");
    insta::assert_snapshot!("deadlines_explain_event_deadlines", out);
}

#[test]
fn the_json_steps_say_how_each_event_was_found() {
    // A May-meeting rule, and a year the ToR's own table moves.
    let text = committee().replacen(
        "# 6.1:",
        "[[ordinary_elections]]\nyear = 2026\ndate = 2026-06-04\nsource = \"a combination order\"\n\n[[event_deadlines]]\nclause = \"6.4\"\nwhat = \"review\"\nafter = \"may-meeting\"\nwithin = { months = 1 }\n\n# 6.1:",
        1,
    );
    let record = "[[meeting]]\ndate = 2026-05-20\nmarks = [\"ordinary\"]\n";
    let dir = dir_with(&[
        (&format!("{ID}.toml"), text.as_bytes()),
        (&format!("{ID}.meetings.toml"), record.as_bytes()),
    ]);
    let v = common::run_json(
        Some(dir.path()),
        "deadlines",
        &[ID, "--at", "2026-06-10", "--explain"],
        0,
    );
    let steps = v["explanation"].as_array().expect("explanation");
    let step = |clause: &str| {
        steps
            .iter()
            .find(|s| s["clause"] == clause && s.get("event_deadline").is_some())
            .unwrap_or_else(|| panic!("no step for {clause}: {v:#}"))
    };
    let elections = step("6.1");
    assert_eq!(elections["event_on"], "2026-06-04", "{elections:#}");
    assert_eq!(elections["found"]["how"], "table", "{elections:#}");
    assert_eq!(elections["found"]["own"], true, "{elections:#}");
    assert_eq!(elections["found"]["source"], "a combination order");
    assert_eq!(elections["counted"], 60, "{elections:#}");
    let may = step("6.4");
    assert_eq!(may["event_on"], "2026-05-20", "{may:#}");
    assert_eq!(may["found"]["how"], "first-in-may", "{may:#}");
    // Calendar months are not a count of days.
    assert_eq!(may["counted"], serde_json::Value::Null, "{may:#}");
    let annual = step("6.2");
    assert_eq!(annual["event_on"], serde_json::Value::Null, "{annual:#}");
    assert!(
        annual["detail"]
            .as_str()
            .expect("detail")
            .contains("is not known"),
        "{annual:#}"
    );
    // The numbering runs on from the notice deadlines' steps.
    let numbers: Vec<u64> = steps.iter().filter_map(|s| s["step"].as_u64()).collect();
    let expected: Vec<u64> = (1..=steps.len() as u64).collect();
    assert_eq!(numbers, expected);
}

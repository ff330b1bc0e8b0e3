//! Extraordinary meetings beside the ordinary cycle (SPEC §7, joint scrutiny
//! clause 9): the months and days a ToR sets, and its "exactly N a year", are
//! for ordinary meetings; an extraordinary one may be held at any time.

use std::path::{Path, PathBuf};

use crate::common::{dir_with, finding, run_json};

fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/partnerships")
}

const SCRUTINY: &str = "northvale-southmere-joint-scrutiny";

/// A record holding one ordinary meeting in November 2026.
const RECORD: &str = r#"[[meeting]]
at = 2026-11-10T18:00:00
present = ["northvale:4", "southmere:2"]
"#;

fn check(record: &Path, extra: &[&str], code: i32) -> serde_json::Value {
    let mut args = vec![SCRUTINY, "--record", record.to_str().expect("utf-8 path")];
    args.extend(extra);
    run_json(Some(&examples()), "check-meeting", &args, code)
}

#[test]
fn an_extraordinary_meeting_is_not_held_to_the_months_or_the_years_one() {
    let dir = dir_with(&[("record.toml", RECORD.as_bytes())]);
    let record = dir.path().join("record.toml");
    // A second ordinary meeting in December is out of season and one too many.
    let ordinary = check(&record, &["--at", "2026-12-08T18:00"], 1);
    assert_eq!(finding(&ordinary, "frequency")["status"], "fail");
    let extraordinary = check(&record, &["--at", "2026-12-08T18:00", "--extraordinary"], 0);
    let f = finding(&extraordinary, "frequency");
    assert_eq!(f["status"], "pass", "{extraordinary:#}");
    assert!(
        f["message"]
            .as_str()
            .expect("message")
            .contains("an extraordinary meeting, beside the 1 ordinary a year (1 held in 2026)"),
        "{f}"
    );
}

#[test]
fn a_second_ordinary_meeting_in_the_window_still_breaks_exactly_one() {
    let dir = dir_with(&[("record.toml", RECORD.as_bytes())]);
    let record = dir.path().join("record.toml");
    let r = check(&record, &["--at", "2026-11-24T18:00"], 1);
    let f = finding(&r, "frequency");
    assert_eq!(f["status"], "fail");
    assert!(
        f["message"]
            .as_str()
            .expect("message")
            .contains("this would be meeting 2 in 2026"),
        "{f}"
    );
}

//! Honest verdicts: a rule the ToR states that the input could not judge is
//! named (`unchecked`), the human verdict says "so far" and what to give, and
//! `--strict` makes it exit 1 (SPEC §5a).

use crate::common::{dir_with, run_json, tor};

/// The first line of human output, and the exit code.
fn verdict(args: &[&str]) -> (String, i32) {
    let out = tor().args(args).output().expect("tor runs");
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    let first = text.lines().next().unwrap_or_default().to_owned();
    (first, out.status.code().expect("an exit code"))
}

const BARE: [&str; 4] = ["check-meeting", "sefton-scp", "--at", "2012-12-06T14:00"];

/// Every fact the Sefton ToR's rules need, so every stated rule is judged.
fn everything() -> Vec<String> {
    let record = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/records/sefton-scp.meetings.toml"
    );
    [
        "--circulated",
        "2012-11-29",
        "--attendees",
        "local-authority,police-force,fire-rescue",
        "--chair",
        "present",
        "--item",
        "Prevent",
        "--record",
        record,
    ]
    .map(str::to_owned)
    .to_vec()
}

#[test]
fn a_bare_meeting_is_valid_only_so_far() {
    let (line, code) = verdict(&BARE);
    assert_eq!(code, 0);
    insta::assert_snapshot!("bare_meeting", line);
    let (line, code) = verdict(&[&BARE[..], &["--strict"]].concat());
    assert_eq!(code, 1, "--strict refuses what was not checked");
    insta::assert_snapshot!("bare_meeting_strict", line);
}

#[test]
fn json_lists_the_unchecked_rules_by_name() {
    let r = run_json(None, "check-meeting", &BARE[1..], 0);
    assert_eq!(
        r["unchecked"],
        serde_json::json!([
            "notice",
            "quorum",
            "membership",
            "chair",
            "public-meeting",
            "frequency",
            "standing-items"
        ])
    );
    // A rule the ToR does not state is not "unchecked".
    let names: Vec<&str> = r["unchecked"]
        .as_array()
        .expect("a list")
        .iter()
        .filter_map(|v| v.as_str())
        .collect();
    assert!(!names.contains(&"extraordinary-notice"), "{names:?}");
    // Findings keep exactly their SPEC §6 fields.
    for f in r["findings"].as_array().expect("findings") {
        let mut keys: Vec<&String> = f.as_object().expect("object").keys().collect();
        keys.sort();
        assert_eq!(keys, ["clause", "message", "rule", "status"], "{f}");
    }
}

#[test]
fn with_every_fact_given_nothing_is_unchecked_and_strict_passes() {
    let all = everything();
    let args: Vec<&str> = BARE
        .iter()
        .copied()
        .chain(all.iter().map(String::as_str))
        .collect();
    let (line, code) = verdict(&[&args[..], &["--strict"]].concat());
    assert_eq!(code, 0);
    assert_eq!(
        line,
        "VALID: sefton-scp meeting at Thu 6 Dec 2012 14:00 meets every rule checked"
    );
    let r = run_json(None, "check-meeting", &args[1..], 0);
    assert_eq!(r["unchecked"], serde_json::json!([]));
}

#[test]
fn a_failing_meeting_also_says_what_was_not_checked() {
    let out = tor()
        .args(BARE)
        .args(["--circulated", "2012-12-03"])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).expect("UTF-8");
    let head: Vec<&str> = text.lines().take(2).collect();
    insta::assert_snapshot!("failing_meeting", head.join("\n"));
}

#[test]
fn a_meeting_file_is_told_its_keys() {
    let dir = dir_with(&[(
        "m.toml",
        b"at = 2012-12-06T14:00:00\ncirculated = 2012-11-29\n",
    )]);
    let path = dir.path().join("m.toml");
    let (line, code) = verdict(&[
        "check-meeting",
        "sefton-scp",
        "--meeting",
        path.to_str().expect("UTF-8 path"),
    ]);
    assert_eq!(code, 0);
    assert!(
        line.ends_with("— give `attendees`, `chair`, `items`, --record or `previous`"),
        "{line}"
    );
}

#[test]
fn a_tally_without_a_date_says_it_is_judged_as_of_today() {
    let out = tor()
        .args(["tally", "sefton-scp", "--for", "cvs"])
        .output()
        .expect("tor runs");
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(
        text.lines().any(|l| l
            .starts_with("note: no date was given, so the vote is judged as of today, ")
            && l.ends_with(": give the day of the vote with --at (or `at` in a votes file)")),
        "{text}"
    );
    let today = run_json(None, "tally", &["sefton-scp", "--for", "cvs"], 1);
    assert_eq!(today["as_of_today"], true);
    let dated = run_json(
        None,
        "tally",
        &[
            "sefton-scp",
            "--at",
            "2012-12-06",
            "--for",
            "local-authority,police-force,fire-rescue",
        ],
        0,
    );
    assert_eq!(dated["as_of_today"], false);
    assert_eq!(dated["unchecked"], serde_json::json!([]));
    let (_, code) = verdict(&[
        "tally",
        "sefton-scp",
        "--at",
        "2012-12-06",
        "--for",
        "local-authority,police-force,fire-rescue",
        "--strict",
    ]);
    assert_eq!(code, 0, "a tally judges every rule from the votes given");
}

/// A record that leaves out when the papers went out and who was present.
const THIN_RECORD: &[u8] =
    b"[[meeting]]\ndate = 2012-03-01\nchair = \"present\"\nitems = [\"Prevent\"]\n";

#[test]
fn an_audit_names_the_rules_its_record_cannot_judge() {
    let dir = dir_with(&[("r.toml", THIN_RECORD)]);
    let record = dir.path().join("r.toml");
    let record = record.to_str().expect("UTF-8 path");
    let args = [
        "audit",
        "sefton-scp",
        "--record",
        record,
        "--year",
        "2012",
        "--as-of",
        "2012-03-02",
    ];
    let (line, code) = verdict(&args);
    assert_eq!(code, 0);
    insta::assert_snapshot!("thin_record_audit", line);
    let (line, code) = verdict(&[&args[..], &["--strict"]].concat());
    assert_eq!(code, 1);
    assert!(
        line.starts_with("DID NOT COMPLY under --strict: "),
        "{line}"
    );
    let r = run_json(None, "audit", &args[1..], 0);
    assert_eq!(
        r["unchecked"],
        serde_json::json!(["notice", "quorum", "membership"])
    );
}

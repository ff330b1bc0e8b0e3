//! `validate` on the keys issue 14 added (seats, counts, compound quorum
//! conditions, fractions and their rounding, attendance rules, quorum
//! fallbacks, the chair's alternation): a slip in any of them, made in the
//! SPEC §7 example bodies as shipped, is an error at its line with the nearest
//! spelling offered.

use std::path::{Path, PathBuf};

use crate::common::{dir_with, run_json};

fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/partnerships")
}

/// Validates `id`'s shipped ToR with the first `from` replaced by `to`; the
/// error of `code` (a misspelt required key also reports the key as missing,
/// at its table), and the 1-based line `from` was on.
fn error_of(id: &str, from: &str, to: &str, code: &str) -> (serde_json::Value, u64) {
    let text = std::fs::read_to_string(examples().join(format!("{id}.toml"))).expect("shipped");
    let at = text
        .find(from)
        .unwrap_or_else(|| panic!("{id}: no `{from}`"));
    let line = 1 + text[..at].matches('\n').count();
    let broken = text.replacen(from, to, 1);
    let name = format!("{id}.toml");
    let dir = dir_with(&[(name.as_str(), broken.as_bytes())]);
    let report = run_json(None, "validate", &[dir.path().to_str().expect("utf-8")], 1);
    let diagnostics = report["files"][0]["diagnostics"]
        .as_array()
        .expect("diagnostics");
    let error = diagnostics
        .iter()
        .find(|d| d["severity"] == "error" && d["code"] == code)
        .unwrap_or_else(|| panic!("{id}: `{to}` is not a {code} error: {report:#}"))
        .clone();
    (error, u64::try_from(line).expect("small"))
}

const SCRUTINY: &str = "northvale-southmere-joint-scrutiny";
const PANEL: &str = "police-and-crime-panel";
const TOWN: &str = "town-board";
const EXECUTIVE: &str = "safeguarding-executive";

#[test]
fn every_new_key_misspelt_is_placed_with_the_nearest_spelling() {
    let slips: &[(&str, &str, &str, &str)] = &[
        (SCRUTINY, "seats = 10", "seat = 10", "seats"),
        (
            SCRUTINY,
            "one_per_absent_member = true",
            "one_per_absent_membr = true",
            "one_per_absent_member",
        ),
        (
            SCRUTINY,
            "notice_hours = 24",
            "notice_hour = 24",
            "notice_hours",
        ),
        (
            SCRUTINY,
            "counts_for_quorum = false",
            "counts_for_quourm = false",
            "counts_for_quorum",
        ),
        (SCRUTINY, "alternation = {", "alternaton = {", "alternation"),
        (PANEL, "fraction = \"1/3\"", "fracton = \"1/3\"", "fraction"),
        (PANEL, "until = 2021-05-06", "untill = 2021-05-06", "until"),
        (TOWN, "presiding = true", "presidng = true", "presiding"),
        (TOWN, "any_of = [", "anyof = [", "any_of"),
        (EXECUTIVE, "ratify = ", "ratfy = ", "ratify"),
    ];
    for &(id, from, to, nearest) in slips {
        let (error, line) = error_of(id, from, to, "unknown-key");
        assert_eq!(error["line"], line, "{id} `{to}`: {error}");
        assert_eq!(
            error["help"],
            format!("did you mean `{nearest}`?"),
            "{id} `{to}`: {error}"
        );
    }
}

#[test]
fn every_new_keyword_and_member_misspelt_is_placed_with_the_nearest() {
    let slips: &[(&str, &str, &str, &str, &str)] = &[
        (
            SCRUTINY,
            "counts = \"people\"",
            "counts = \"peple\"",
            "unknown-keyword",
            "people",
        ),
        (
            PANEL,
            "rounding = \"up\"",
            "rounding = \"upp\"",
            "unknown-keyword",
            "up",
        ),
        (
            EXECUTIVE,
            "\"next-quorate-meeting\"",
            "\"next-quorate-meting\"",
            "unknown-keyword",
            "next-quorate-meeting",
        ),
        (
            EXECUTIVE,
            "\"health-trust\"]",
            "\"helth-trust\"]",
            "unknown-member",
            "health-trust",
        ),
        (
            TOWN,
            "\"council-deputy-leader\"]",
            "\"council-deputy-leder\"]",
            "unknown-member",
            "council-deputy-leader",
        ),
    ];
    for &(id, from, to, code, nearest) in slips {
        let (error, line) = error_of(id, from, to, code);
        assert_eq!(error["line"], line, "{id} `{to}`: {error}");
        let text = error.to_string();
        assert!(
            text.contains(&format!("`{nearest}`")),
            "{id} `{to}`: {error}"
        );
    }
}

//! A vote taken on a named agenda item (issue 14 item 6): the quorum is the
//! room as it stood for that item; bad item input is refused with its place.

use std::path::PathBuf;

use crate::common::{run_json, tor};

fn examples() -> PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/partnerships")
}

/// Five members at the start; `extra` is appended (items, movements).
fn votes(extra: &str) -> String {
    format!(
        "at = 2025-06-12T18:00\nitem = \"Budget\"\nfor = [\"chair\", \"council-leader\", \"lep\", \"mp\"]\nagainst = [\"college\"]\n{extra}"
    )
}

const BUDGET: &str =
    "[[items]]\ntitle = \"Minutes\"\n\n[[items]]\ntitle = \"Budget\"\nat = 2025-06-12T18:30\n";

fn tally(body: &str, code: i32) -> serde_json::Value {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("v.toml");
    std::fs::write(&path, body).expect("written");
    run_json(
        Some(&examples()),
        "tally",
        &["town-board", "--votes", path.to_str().expect("utf-8")],
        code,
    )
}

fn status<'a>(r: &'a serde_json::Value, rule: &str) -> Vec<&'a str> {
    r["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["rule"] == rule)
        .map(|f| f["status"].as_str().expect("status"))
        .collect()
}

#[test]
fn without_movements_the_item_has_the_whole_room() {
    let r = tally(&votes(BUDGET), 0);
    assert_eq!(status(&r, "quorum"), ["pass"]);
    let message = r["findings"][1]["message"].as_str().expect("message");
    assert!(message.starts_with("quorate at item `Budget`"), "{message}");
    assert_eq!(r["counts"]["for"], 4);
}

#[test]
fn a_member_conflicted_on_the_item_neither_votes_nor_counts() {
    let body = votes(&format!("{BUDGET}conflicts = [\"mp\"]\n"));
    let r = tally(&body, 1);
    assert_eq!(status(&r, "quorum"), ["fail"]);
    assert_eq!(status(&r, "conflict-of-interest"), ["fail"]);
    assert_eq!(r["counts"]["for"], 3);
    assert_eq!(r["excluded"][0]["org"], "mp");
    assert!(
        r["excluded"][0]["reason"]
            .as_str()
            .expect("reason")
            .contains("conflict of interest on item `Budget`")
    );
}

#[test]
fn a_conflict_on_another_item_changes_nothing() {
    let body = votes(
        "[[items]]\ntitle = \"Minutes\"\nconflicts = [\"mp\"]\n\n[[items]]\ntitle = \"Budget\"\nat = 2025-06-12T18:30\n",
    );
    let r = tally(&body, 0);
    assert_eq!(status(&r, "quorum"), ["pass"]);
    assert_eq!(r["counts"]["for"], 4);
}

#[test]
fn late_arrivals_and_early_departures_are_out_of_the_room() {
    let body = votes(&format!(
        "arrivals = [{{ member = \"lep\", at = 2025-06-12T18:40 }}]\ndepartures = [{{ member = \"college\", at = 2025-06-12T18:20 }}]\n{BUDGET}"
    ));
    let r = tally(&body, 1);
    assert_eq!(status(&r, "quorum"), ["fail"]);
    let reasons: Vec<&str> = r["excluded"]
        .as_array()
        .expect("excluded")
        .iter()
        .map(|e| e["reason"].as_str().expect("reason"))
        .collect();
    assert_eq!(
        reasons,
        [
            "had not yet arrived for item `Budget`",
            "had left before item `Budget`"
        ]
    );
}

#[test]
fn bad_item_input_is_refused_with_its_place() {
    for (body, code, place) in [
        (
            votes("[[items]]\ntitle = \"Minutes\"\n"),
            "invalid-value",
            ":2:8",
        ),
        (
            votes(BUDGET).replace("at = 2025-06-12T18:00", "at = 2025-06-12"),
            "needs-time",
            ":1:6",
        ),
        (
            votes(BUDGET).replace("item = \"Budget\"\n", ""),
            "missing-key",
            "",
        ),
    ] {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("v.toml");
        std::fs::write(&path, &body).expect("written");
        let out = tor()
            .arg("--dir")
            .arg(examples())
            .args(["tally", "town-board", "--votes"])
            .arg(&path)
            .assert()
            .code(2)
            .get_output()
            .stderr
            .clone();
        let err = String::from_utf8_lossy(&out);
        assert!(err.contains(&format!("error[{code}]")), "{err}");
        assert!(err.contains(&format!("v.toml{place}")), "{err}");
    }
}

//! Decision rules per kind (issue 15): the ToR's own kinds on the command line,
//! `tally --explain`, written procedure, and thresholds `validate` refuses.

use std::path::{Path, PathBuf};

use crate::common::{self, finding, run_json, tor};

fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/partnerships")
}

#[test]
fn an_unknown_kind_is_exit_2_naming_the_nearest() {
    let out = tor()
        .arg("--dir")
        .arg(examples())
        .args(["tally", "police-and-crime-panel", "--at", "2025-06-12"])
        .args(["--kind", "precept-vetoes", "--for", "council-a"])
        .assert()
        .code(2)
        .get_output()
        .stderr
        .clone();
    let err = String::from_utf8_lossy(&out);
    assert!(err.contains("did you mean `precept-veto`?"), "{err}");
}

#[test]
fn explain_gives_the_threshold_with_its_rounding_and_clause() {
    let args = [
        "police-and-crime-panel",
        "--at",
        "2025-06-12",
        "--kind",
        "precept-veto",
        "--for",
        "council-a:2,council-b:2,council-c:2,independent-1",
        "--abstain",
        "council-e:2",
        "--explain",
    ];
    let r = run_json(Some(&examples()), "tally", &args, 0);
    assert_eq!(r["outcome"], "lost");
    let steps = r["explanation"].as_array().expect("explanation");
    let threshold = steps
        .iter()
        .find(|s| s["rule"] == "threshold")
        .expect("a threshold step");
    assert_eq!(threshold["clause"], "10");
    assert_eq!(
        threshold["detail"],
        "at least two thirds of 12 members in post = 8; 7 voted for"
    );
    for (i, s) in steps.iter().enumerate() {
        assert_eq!(s["step"], i + 1);
        assert!(s["detail"].as_str().is_some_and(|d| !d.is_empty()));
    }
}

#[test]
fn without_explain_the_json_has_no_explanation() {
    // One member is not quorate: exit 1, but the report is complete.
    let args = ["town-board", "--at", "2025-06-12", "--for", "chair"];
    let r = run_json(Some(&examples()), "tally", &args, 1);
    assert!(r.get("explanation").is_none(), "{r:#}");
}

#[test]
fn written_procedure_leaves_late_replies_out() {
    let args = [
        "town-board",
        "--written",
        "--at",
        "2025-06-02",
        "--for",
        "chair,council-leader,mp,lep",
        "--late",
        "college",
    ];
    let r = run_json(Some(&examples()), "tally", &args, 0);
    assert_eq!(r["method"], "written-procedure");
    assert_eq!(r["outcome"], "lost");
    assert_eq!(r["excluded"][0]["org"], "college");
    assert!(r["excluded"][0].get("vote").is_none());
    assert_eq!(finding(&r, "quorum")["status"], "skip");
    let decision = finding(&r, "decision")["message"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(decision.contains("more than half of 9 = 5"), "{decision}");
    assert!(decision.contains("2025-06-09"), "{decision}");
}

#[test]
fn late_without_written_is_refused() {
    tor()
        .arg("--dir")
        .arg(examples())
        .args([
            "tally",
            "town-board",
            "--at",
            "2025-06-02",
            "--for",
            "chair",
        ])
        .args(["--late", "college"])
        .assert()
        .code(2);
}

fn validate_errors(extra: &str) -> serde_json::Value {
    let text = format!("{}\n{extra}", common::MINIMAL);
    let dir = common::dir_with(&[("test-group.toml", text.as_bytes())]);
    run_json(None, "validate", &[dir.path().to_str().unwrap()], 1)
}

fn codes(report: &serde_json::Value) -> Vec<String> {
    report["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["severity"] == "error")
        .map(|d| d["code"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn a_fraction_above_one_can_never_be_met() {
    let r = validate_errors(
        "[decisions]\nclause = \"7\"\nmethod = \"majority\"\nbase = \"membership\"\nfraction = \"4/3\"\ncomparison = \"at-least\"\n",
    );
    assert_eq!(codes(&r), ["impossible-rule"]);
}

#[test]
fn a_class_base_without_voting_members_can_never_be_met() {
    let r = validate_errors(
        "[[classes]]\nid = \"observer\"\nname = \"Observer\"\nvoting = false\n\n[[members]]\nid = \"watcher\"\nname = \"Watcher\"\nclass = \"observer\"\nvoting = false\n\n[decisions]\nclause = \"7\"\nmethod = \"majority\"\nbase = \"class:observer\"\n",
    );
    assert_eq!(codes(&r), ["impossible-rule"]);
}

#[test]
fn a_fraction_needs_its_comparison() {
    let r =
        validate_errors("[decisions]\nclause = \"7\"\nmethod = \"majority\"\nfraction = \"2/3\"\n");
    assert_eq!(codes(&r), ["missing-key"]);
}

#[test]
fn stand_ins_without_a_method_leave_the_outcome_assumed() {
    let text = format!(
        "{}\n[decisions]\nclause = \"6\"\n\n[decisions.substitutes]\nclause = \"6\"\n",
        common::MINIMAL
    );
    let dir = common::dir_with(&[("test-group.toml", text.as_bytes())]);
    let args = [
        "test-group",
        "--at",
        "2025-06-12",
        "--for",
        "council,police",
    ];
    let r = run_json(Some(dir.path()), "tally", &args, 0);
    assert_eq!(r["method"], "majority (assumed)");
    assert_eq!(finding(&r, "decision")["status"], "skip");
}

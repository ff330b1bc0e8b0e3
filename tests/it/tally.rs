//! `tor tally` through the binary: the SPEC scenarios for every bundled partnership,
//! JSON fields and exit codes, the human summary line, votes files and bad input.

use std::path::Path;

use crate::common::{dir_with, json, tor};
use serde_json::Value;

/// Runs `tor tally ID ARGS --format json`; returns the exit code and the report.
fn tally(id: &str, args: &[&str]) -> (i32, Value) {
    let out = tor()
        .args(["tally", id, "--format", "json"])
        .args(args)
        .output()
        .expect("tor runs");
    let code = out.status.code().expect("an exit code");
    assert!(
        code == 0 || code == 1,
        "exit {code}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    (code, json(&out.stdout))
}

/// Runs the human output; returns the exit code and stdout.
fn human(id: &str, args: &[&str]) -> (i32, String) {
    let out = tor()
        .args(["tally", id])
        .args(args)
        .output()
        .expect("tor runs");
    (
        out.status.code().expect("an exit code"),
        String::from_utf8(out.stdout).expect("utf-8"),
    )
}

/// Runs a command that must not be checked (exit 2); returns stderr.
fn refused(id: &str, args: &[&str]) -> String {
    let out = tor()
        .args(["tally", id])
        .args(args)
        .output()
        .expect("tor runs");
    let stderr = String::from_utf8(out.stderr).expect("utf-8");
    assert_eq!(out.status.code(), Some(2), "stderr: {stderr}");
    assert!(out.stdout.is_empty(), "nothing on stdout");
    assert!(!stderr.contains("panicked"), "{stderr}");
    stderr
}

/// The findings with rule `rule`.
fn findings<'a>(report: &'a Value, rule: &str) -> Vec<&'a Value> {
    report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["rule"] == rule)
        .collect()
}

/// The one finding with rule `rule`.
fn finding<'a>(report: &'a Value, rule: &str) -> &'a Value {
    let found = findings(report, rule);
    assert_eq!(found.len(), 1, "one `{rule}` finding in {report:#}");
    found[0]
}

fn counts(report: &Value) -> (u64, u64, u64) {
    let c = &report["counts"];
    let n = |k: &str| c[k].as_u64().expect("a count");
    (n("for"), n("against"), n("abstain"))
}

fn excluded(report: &Value) -> Vec<(String, String)> {
    report["excluded"]
        .as_array()
        .expect("excluded")
        .iter()
        .map(|e| {
            (
                e["org"].as_str().expect("org").to_owned(),
                e["reason"].as_str().expect("reason").to_owned(),
            )
        })
        .collect()
}

fn assert_every_finding_is_well_formed(report: &Value) {
    for f in report["findings"].as_array().expect("findings") {
        assert!(
            [
                "in-force",
                "quorum",
                "eligibility",
                "proxy",
                "conflict-of-interest",
                "decision",
                "casting-vote",
                "opt-out"
            ]
            .contains(&f["rule"].as_str().expect("rule")),
            "{f}"
        );
        assert!(
            ["pass", "fail", "warn", "skip"].contains(&f["status"].as_str().expect("status")),
            "{f}"
        );
        assert!(f["message"].as_str().is_some_and(|m| !m.is_empty()), "{f}");
    }
    let any_fail = report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .any(|f| f["status"] == "fail");
    assert_eq!(report["valid"], !any_fail, "valid = no failing finding");
}

// ---------------------------------------------------------------- sefton-scp

const SEFTON: &str = "sefton-scp";
const JAN_2013: &str = "2013-01-10";

#[test]
fn sefton_majority_after_consensus_failed() {
    let (code, r) = tally(
        SEFTON,
        &[
            "--at",
            JAN_2013,
            "--for",
            "local-authority,police-force,fire-rescue",
            "--against",
            "probation",
        ],
    );
    assert_eq!(code, 0);
    assert_eq!(r["partnership"], SEFTON);
    assert_eq!(r["at"], JAN_2013);
    assert_eq!(r["valid"], true);
    assert_eq!(r["outcome"], "carried");
    assert_eq!(r["method"], "majority after consensus failed");
    assert_eq!(counts(&r), (3, 1, 0));
    assert_eq!(r["casting_vote"], Value::Null);
    assert_eq!(r["referral"], Value::Null);
    assert_eq!(r["excluded"], serde_json::json!([]));
    assert_eq!(r["not_bound"], serde_json::json!([]));
    let q = finding(&r, "quorum");
    assert_eq!(
        (q["status"].as_str(), q["clause"].as_str()),
        (Some("pass"), Some("Membership 5"))
    );
    let d = finding(&r, "decision");
    assert_eq!(
        (d["status"].as_str(), d["clause"].as_str()),
        (Some("pass"), Some("Membership 4"))
    );
    assert_eq!(finding(&r, "casting-vote")["status"], "skip");
    assert_every_finding_is_well_formed(&r);

    let (code, out) = human(
        SEFTON,
        &[
            "--at",
            JAN_2013,
            "--for",
            "local-authority,police-force,fire-rescue",
            "--against",
            "probation",
        ],
    );
    assert_eq!(code, 0);
    assert_eq!(
        out.lines().next(),
        Some("CARRIED by majority after consensus failed (3 for, 1 against, 0 abstain): valid")
    );
    assert!(out.contains("Membership 5"), "{out}");
}

#[test]
fn sefton_equal_votes_are_tied_without_the_casting_vote() {
    let base = [
        "--at",
        JAN_2013,
        "--for",
        "local-authority,police-force",
        "--against",
        "fire-rescue,probation",
    ];
    let (code, r) = tally(SEFTON, &base);
    assert_eq!(code, 1);
    assert_eq!(r["outcome"], "tied");
    assert_eq!(r["valid"], false);
    assert_eq!(r["casting_vote"], Value::Null);
    assert_eq!(counts(&r), (2, 2, 0));
    let c = finding(&r, "casting-vote");
    assert_eq!(
        (c["status"].as_str(), c["clause"].as_str()),
        (Some("fail"), Some("Membership 4"))
    );
    assert_every_finding_is_well_formed(&r);

    let (code, out) = human(SEFTON, &base);
    assert_eq!(code, 1);
    assert!(
        out.starts_with("TIED (2 for, 2 against, 0 abstain): NOT VALID"),
        "{out}"
    );
}

#[test]
fn sefton_casting_vote_decides_equal_votes() {
    let mut args = vec![
        "--at",
        JAN_2013,
        "--for",
        "local-authority,police-force",
        "--against",
        "fire-rescue,probation",
        "--casting",
    ];
    args.push("for");
    let (code, r) = tally(SEFTON, &args);
    assert_eq!(code, 0);
    assert_eq!(r["outcome"], "carried");
    assert_eq!(r["casting_vote"], "for");
    assert_eq!(r["valid"], true);
    assert_eq!(finding(&r, "casting-vote")["status"], "pass");
    let (_, out) = human(SEFTON, &args);
    assert!(
        out.starts_with("CARRIED by majority after consensus failed on the chair's casting vote"),
        "{out}"
    );

    args.pop();
    args.push("against");
    let (code, r) = tally(SEFTON, &args);
    assert_eq!(code, 0);
    assert_eq!(r["outcome"], "lost");
    assert_eq!(r["casting_vote"], "against");
}

#[test]
fn sefton_casting_vote_on_unequal_votes_is_ignored() {
    let (code, r) = tally(
        SEFTON,
        &[
            "--at",
            JAN_2013,
            "--for",
            "local-authority,police-force,fire-rescue",
            "--against",
            "probation",
            "--casting",
            "against",
        ],
    );
    assert_eq!(code, 1);
    assert_eq!(r["outcome"], "carried");
    assert_eq!(r["casting_vote"], Value::Null);
    let c = finding(&r, "casting-vote");
    assert_eq!(c["status"], "fail");
    assert!(
        c["message"].as_str().expect("message").contains("ignored"),
        "{c}"
    );
}

#[test]
fn sefton_two_responsible_authorities_are_inquorate() {
    let (code, r) = tally(
        SEFTON,
        &["--at", JAN_2013, "--for", "local-authority,police-force"],
    );
    assert_eq!(code, 1);
    assert_eq!(r["valid"], false);
    // The outcome is still counted: carried by consensus, but not validly.
    assert_eq!(r["outcome"], "carried");
    assert_eq!(r["method"], "consensus");
    let q = finding(&r, "quorum");
    assert_eq!(
        (q["status"].as_str(), q["clause"].as_str()),
        (Some("fail"), Some("Membership 5"))
    );
    let message = q["message"].as_str().expect("message");
    assert!(
        message.contains("not quorate") && message.contains("at least 3"),
        "{message}"
    );

    let (_, out) = human(
        SEFTON,
        &["--at", JAN_2013, "--for", "local-authority,police-force"],
    );
    assert!(
        out.starts_with("CARRIED by consensus (2 for, 0 against, 0 abstain): NOT VALID"),
        "{out}"
    );
}

#[test]
fn sefton_co_opted_members_vote_but_do_not_make_the_quorum() {
    let (code, r) = tally(
        SEFTON,
        &[
            "--at",
            JAN_2013,
            "--for",
            "cvs,rsls,courts,prisons",
            "--against",
            "local-authority",
            "--present",
            "police-force",
        ],
    );
    assert_eq!(code, 1);
    assert_eq!(counts(&r), (4, 1, 0));
    assert_eq!(r["outcome"], "carried");
    assert_eq!(finding(&r, "quorum")["status"], "fail");

    // A third responsible authority present, not voting, makes it quorate.
    let (code, r) = tally(
        SEFTON,
        &[
            "--at",
            JAN_2013,
            "--for",
            "cvs,rsls,courts,prisons",
            "--against",
            "local-authority",
            "--present",
            "police-force,public-health",
        ],
    );
    assert_eq!(code, 0);
    assert_eq!(finding(&r, "quorum")["status"], "pass");
}

#[test]
fn sefton_police_authority_after_abolition_is_left_out() {
    let args = [
        "--for",
        "local-authority,police-force,police-authority",
        "--against",
        "probation",
    ];
    let (code, r) = tally(SEFTON, &[&["--at", JAN_2013][..], &args[..]].concat());
    assert_eq!(code, 1);
    assert_eq!(counts(&r), (2, 1, 0));
    let left = excluded(&r);
    assert_eq!(left.len(), 1);
    assert_eq!(left[0].0, "police-authority");
    assert!(left[0].1.contains("2012-11-21"), "{left:?}");
    let e = finding(&r, "eligibility");
    assert_eq!(
        (e["status"].as_str(), e["clause"].as_str()),
        (Some("fail"), Some("Membership 2"))
    );
    assert_every_finding_is_well_formed(&r);
    let (_, out) = human(SEFTON, &[&["--at", JAN_2013][..], &args[..]].concat());
    assert!(out.contains("Left out: police-authority"), "{out}");

    // Its last day of membership, 21 November 2012, the vote counts (a date-time works too).
    let (code, r) = tally(
        SEFTON,
        &[&["--at", "2012-11-21T18:30"][..], &args[..]].concat(),
    );
    assert_eq!(code, 0);
    assert_eq!(counts(&r), (3, 1, 0));
    assert_eq!(r["at"], "2012-11-21");
}

#[test]
fn sefton_former_member_present_does_not_count_for_the_quorum() {
    let (code, r) = tally(
        SEFTON,
        &[
            "--at",
            JAN_2013,
            "--for",
            "local-authority,police-force",
            "--present",
            "police-authority",
        ],
    );
    assert_eq!(code, 1);
    assert_eq!(finding(&r, "quorum")["status"], "fail");
    assert_eq!(finding(&r, "eligibility")["status"], "warn");
    assert!(excluded(&r).is_empty());
}

#[test]
fn sefton_has_no_stand_ins_or_proxies() {
    let (code, r) = tally(
        SEFTON,
        &[
            "--at",
            JAN_2013,
            "--for",
            "local-authority,police-force,fire-rescue",
            "--against",
            "probation",
            "--substitute",
            "probation",
            "--proxy",
            "public-health=against",
        ],
    );
    assert_eq!(code, 1);
    assert_eq!(counts(&r), (3, 0, 0));
    let left: Vec<String> = excluded(&r).into_iter().map(|(org, _)| org).collect();
    assert_eq!(left, ["public-health", "probation"]);
    let e = finding(&r, "eligibility");
    assert_eq!(
        (e["status"].as_str(), e["clause"].as_str()),
        (Some("fail"), Some("Membership 4"))
    );
    let p = finding(&r, "proxy");
    assert_eq!(
        (p["status"].as_str(), p["clause"].as_str()),
        (Some("fail"), Some("Membership 4"))
    );
    // Neither the unrecognised substitute nor the proxy giver counts as present.
    let q = finding(&r, "quorum");
    assert_eq!(q["status"], "pass");
    assert!(
        q["message"].as_str().expect("message").contains(
            "3 responsible-authority members present (local-authority, police-force, fire-rescue)"
        ),
        "{q}"
    );
}

#[test]
fn sefton_one_vote_per_organisation() {
    let (code, r) = tally(
        SEFTON,
        &[
            "--at",
            JAN_2013,
            "--for",
            "local-authority,police-force,fire-rescue",
            "--for",
            "fire-rescue,local-authority",
        ],
    );
    assert_eq!(code, 0);
    assert_eq!(counts(&r), (3, 0, 0));
}

#[test]
fn sefton_nobody_for_is_lost() {
    let (code, r) = tally(
        SEFTON,
        &[
            "--at",
            JAN_2013,
            "--abstain",
            "local-authority,police-force,fire-rescue",
        ],
    );
    assert_eq!(code, 0);
    assert_eq!(r["outcome"], "lost");
    assert_eq!(finding(&r, "decision")["status"], "warn");
}

// --------------------------------------------------- richmond-strategy-group

const RICHMOND: &str = "richmond-strategy-group";
const JUNE_2009: &str = "2009-06-11";

#[test]
fn richmond_objection_means_no_consensus_and_a_referral() {
    let args = [
        "--at",
        JUNE_2009,
        "--for",
        "richmond-council,metropolitan-police,london-fire-brigade,primary-care-trust",
        "--against",
        "probation",
    ];
    let (code, r) = tally(RICHMOND, &args);
    assert_eq!(code, 0);
    assert_eq!(r["valid"], true);
    assert_eq!(r["outcome"], "no-consensus");
    assert_eq!(r["method"], "consensus");
    assert_eq!(counts(&r), (4, 1, 0));
    assert_eq!(
        r["referral"],
        serde_json::json!({"to": "Local Strategic Partnership", "clause": "14"})
    );
    let d = finding(&r, "decision");
    assert_eq!(d["status"], "warn");
    assert_eq!(d["clause"], "5 (Decision Making)");
    assert!(
        d["message"]
            .as_str()
            .expect("message")
            .contains("Local Strategic Partnership")
    );
    // Richmond states no quorum and no casting vote.
    assert_eq!(finding(&r, "quorum")["status"], "skip");
    assert_eq!(finding(&r, "casting-vote")["status"], "skip");
    assert_every_finding_is_well_formed(&r);

    let (code, out) = human(RICHMOND, &args);
    assert_eq!(code, 0);
    let mut lines = out.lines();
    assert_eq!(
        lines.next(),
        Some("NO CONSENSUS (4 for, 1 against, 0 abstain): valid")
    );
    assert_eq!(
        lines.next(),
        Some("Referred to the Local Strategic Partnership (14)")
    );
}

#[test]
fn richmond_consensus_with_abstentions_carries() {
    let (code, r) = tally(
        RICHMOND,
        &[
            "--at",
            JUNE_2009,
            "--for",
            "richmond-council,metropolitan-police",
            "--abstain",
            "probation,community-police-partnership",
        ],
    );
    assert_eq!(code, 0);
    assert_eq!(r["outcome"], "carried");
    assert_eq!(r["method"], "consensus");
    assert_eq!(counts(&r), (2, 0, 2));
    assert_eq!(r["referral"], Value::Null);
}

#[test]
fn richmond_conflicted_member_is_left_out_of_a_financial_decision() {
    let args = [
        "--at",
        JUNE_2009,
        "--kind",
        "financial",
        "--for",
        "richmond-council,metropolitan-police,london-fire-brigade",
        "--conflict",
        "richmond-council",
    ];
    let (code, r) = tally(RICHMOND, &args);
    assert_eq!(code, 1);
    assert_eq!(r["valid"], false);
    assert_eq!(counts(&r), (2, 0, 0));
    assert_eq!(excluded(&r)[0].0, "richmond-council");
    let c = finding(&r, "conflict-of-interest");
    assert_eq!(
        (c["status"].as_str(), c["clause"].as_str()),
        (Some("fail"), Some("12"))
    );
    assert!(
        r["votes"]
            .as_array()
            .expect("votes")
            .iter()
            .all(|v| v["org"] != "richmond-council")
    );
    assert_every_finding_is_well_formed(&r);
    let (_, out) = human(RICHMOND, &args);
    assert!(out.contains("Left out: richmond-council"), "{out}");
}

#[test]
fn richmond_conflict_rule_covers_financial_decisions_only() {
    let (code, r) = tally(
        RICHMOND,
        &[
            "--at",
            JUNE_2009,
            "--for",
            "richmond-council,metropolitan-police",
            "--conflict",
            "richmond-council",
        ],
    );
    assert_eq!(code, 0);
    assert_eq!(counts(&r), (2, 0, 0));
    let c = finding(&r, "conflict-of-interest");
    assert_eq!(
        (c["status"].as_str(), c["clause"].as_str()),
        (Some("skip"), Some("12"))
    );

    // Declared and did not vote: the rule is kept.
    let (code, r) = tally(
        RICHMOND,
        &[
            "--at",
            JUNE_2009,
            "--kind",
            "financial",
            "--for",
            "metropolitan-police",
            "--present",
            "richmond-council",
            "--conflict",
            "richmond-council",
        ],
    );
    assert_eq!(code, 0);
    assert_eq!(finding(&r, "conflict-of-interest")["status"], "pass");
}

#[test]
fn richmond_substitutes_hold_the_vote() {
    let base = [
        "--at",
        JUNE_2009,
        "--for",
        "richmond-council,primary-care-trust",
        "--substitute",
        "primary-care-trust",
    ];
    let (code, r) = tally(RICHMOND, &base);
    assert_eq!(code, 0, "a missing notice is a warning, not a failure");
    assert_eq!(counts(&r), (2, 0, 0));
    let e = finding(&r, "eligibility");
    assert_eq!(
        (e["status"].as_str(), e["clause"].as_str()),
        (Some("warn"), Some("3.3"))
    );
    assert!(
        e["message"]
            .as_str()
            .expect("message")
            .contains("secretariat")
    );
    assert_eq!(r["votes"][1]["by"], "substitute");

    let (code, r) = tally(
        RICHMOND,
        &[&base[..], &["--notified", "primary-care-trust"][..]].concat(),
    );
    assert_eq!(code, 0);
    assert_eq!(finding(&r, "eligibility")["status"], "pass");

    // Richmond has substitutes, not deputies.
    let (code, r) = tally(
        RICHMOND,
        &[
            "--at",
            JUNE_2009,
            "--for",
            "richmond-council,primary-care-trust",
            "--deputy",
            "primary-care-trust",
        ],
    );
    assert_eq!(code, 1);
    assert_eq!(excluded(&r)[0].0, "primary-care-trust");
}

#[test]
fn richmond_has_no_casting_vote_or_proxies() {
    let (code, r) = tally(
        RICHMOND,
        &[
            "--at",
            JUNE_2009,
            "--for",
            "richmond-council",
            "--against",
            "probation",
            "--casting",
            "for",
        ],
    );
    assert_eq!(code, 1);
    assert_eq!(r["outcome"], "no-consensus");
    assert_eq!(r["casting_vote"], Value::Null);
    assert_eq!(finding(&r, "casting-vote")["status"], "fail");

    let (code, r) = tally(
        RICHMOND,
        &[
            "--at",
            JUNE_2009,
            "--kind",
            "major",
            "--for",
            "richmond-council",
            "--proxy",
            "probation=for",
        ],
    );
    assert_eq!(code, 1);
    assert_eq!(counts(&r), (1, 0, 0));
    let p = finding(&r, "proxy");
    assert_eq!(
        (p["status"].as_str(), p["clause"].as_str()),
        (Some("fail"), Some("5 (Decision Making)"))
    );
}

// ------------------------------------------------ oxfordshire-business-group

const OXON: &str = "oxfordshire-business-group";
const FEB_2012: &str = "2012-02-14";

#[test]
fn oxfordshire_proxy_on_an_ordinary_decision_is_left_out() {
    let args = [
        "--at",
        FEB_2012,
        "--for",
        "cherwell,oxford-city",
        "--against",
        "daat,voluntary-sector",
        "--proxy",
        "probation=for",
    ];
    let (code, r) = tally(OXON, &args);
    assert_eq!(code, 1);
    assert_eq!(counts(&r), (2, 2, 0));
    let left = excluded(&r);
    assert_eq!(left.len(), 1);
    assert_eq!(left[0].0, "probation");
    assert!(left[0].1.contains("major"), "{left:?}");
    let p = finding(&r, "proxy");
    assert_eq!(
        (p["status"].as_str(), p["clause"].as_str()),
        (Some("fail"), Some("3.6"))
    );
    // Equal votes after the exclusion, and 3.5 gives the chair a casting vote.
    assert_eq!(r["outcome"], "tied");
    assert_every_finding_is_well_formed(&r);
}

#[test]
fn oxfordshire_proxy_on_a_major_decision_counts() {
    let (code, r) = tally(
        OXON,
        &[
            "--at",
            FEB_2012,
            "--kind",
            "major",
            "--for",
            "cherwell,oxford-city",
            "--against",
            "daat,voluntary-sector",
            "--proxy",
            "probation=for",
        ],
    );
    assert_eq!(code, 0);
    assert_eq!(r["outcome"], "carried");
    assert_eq!(r["method"], "majority");
    assert_eq!(counts(&r), (3, 2, 0));
    assert_eq!(r["kinds"], serde_json::json!(["major"]));
    assert!(excluded(&r).is_empty());
    let p = finding(&r, "proxy");
    assert_eq!(
        (p["status"].as_str(), p["clause"].as_str()),
        (Some("pass"), Some("3.6"))
    );
    let by_proxy: Vec<&Value> = r["votes"]
        .as_array()
        .expect("votes")
        .iter()
        .filter(|v| v["by"] == "proxy")
        .collect();
    assert_eq!(by_proxy.len(), 1);
    assert_eq!(by_proxy[0]["org"], "probation");
}

#[test]
fn oxfordshire_proxy_from_a_member_at_the_meeting_is_left_out() {
    let (code, r) = tally(
        OXON,
        &[
            "--at",
            FEB_2012,
            "--kind",
            "major",
            "--for",
            "cherwell",
            "--present",
            "probation",
            "--proxy",
            "probation=against",
        ],
    );
    assert_eq!(code, 1);
    assert_eq!(counts(&r), (1, 0, 0));
    assert_eq!(finding(&r, "proxy")["status"], "fail");
}

#[test]
fn oxfordshire_opt_out_from_a_funding_commitment() {
    let args = [
        "--at",
        FEB_2012,
        "--kind",
        "funding",
        "--for",
        "cherwell,oxford-city,oxfordshire-county-council",
        "--against",
        "daat",
        "--opt-out",
        "daat",
    ];
    let (code, r) = tally(OXON, &args);
    assert_eq!(code, 0);
    assert_eq!(r["not_bound"], serde_json::json!(["daat"]));
    // Opting out does not take the vote away.
    assert_eq!(counts(&r), (3, 1, 0));
    let o = finding(&r, "opt-out");
    assert_eq!(
        (o["status"].as_str(), o["clause"].as_str()),
        (Some("pass"), Some("3.5"))
    );
    let (_, out) = human(OXON, &args);
    assert!(
        out.starts_with("CARRIED by majority (3 for, 1 against, 0 abstain): valid"),
        "{out}"
    );
    assert!(out.contains("Not bound: daat"), "{out}");
}

#[test]
fn oxfordshire_opt_out_from_an_ordinary_decision_is_refused() {
    let (code, r) = tally(
        OXON,
        &[
            "--at",
            FEB_2012,
            "--for",
            "cherwell,oxford-city",
            "--against",
            "daat",
            "--opt-out",
            "daat",
        ],
    );
    assert_eq!(code, 1);
    assert_eq!(r["not_bound"], serde_json::json!([]));
    let o = finding(&r, "opt-out");
    assert_eq!(
        (o["status"].as_str(), o["clause"].as_str()),
        (Some("fail"), Some("3.5"))
    );
}

#[test]
fn oxfordshire_secretariat_has_no_vote() {
    let (code, r) = tally(
        OXON,
        &[
            "--at",
            FEB_2012,
            "--for",
            "cherwell,safer-communities-unit",
            "--against",
            "daat",
        ],
    );
    assert_eq!(code, 1);
    assert_eq!(counts(&r), (1, 1, 0));
    let left = excluded(&r);
    assert_eq!(left[0].0, "safer-communities-unit");
    assert!(left[0].1.contains("no vote"), "{left:?}");
    let e = finding(&r, "eligibility");
    assert_eq!(
        (e["status"].as_str(), e["clause"].as_str()),
        (Some("fail"), Some("3.3"))
    );
    // 1-1 after the exclusion: tied without the chair's casting vote.
    assert_eq!(r["outcome"], "tied");

    // Present without voting is fine.
    let (code, _) = tally(
        OXON,
        &[
            "--at",
            FEB_2012,
            "--for",
            "cherwell",
            "--present",
            "safer-communities-unit",
        ],
    );
    assert_eq!(code, 0);
}

#[test]
fn oxfordshire_deputies_keep_the_vote_with_notice() {
    let base = [
        "--at",
        FEB_2012,
        "--for",
        "cherwell,probation",
        "--against",
        "daat",
        "--deputy",
        "probation",
    ];
    let (code, r) = tally(OXON, &base);
    assert_eq!(code, 0);
    assert_eq!(counts(&r), (2, 1, 0));
    let e = finding(&r, "eligibility");
    assert_eq!(
        (e["status"].as_str(), e["clause"].as_str()),
        (Some("warn"), Some("3.5"))
    );

    let (code, r) = tally(
        OXON,
        &[&base[..], &["--notified", "probation"][..]].concat(),
    );
    assert_eq!(code, 0);
    assert_eq!(finding(&r, "eligibility")["status"], "pass");

    // Oxfordshire has deputies, not substitutes.
    let (code, r) = tally(
        OXON,
        &[
            "--at",
            FEB_2012,
            "--for",
            "cherwell,probation",
            "--substitute",
            "probation",
        ],
    );
    assert_eq!(code, 1);
    assert_eq!(counts(&r), (1, 0, 0));
}

#[test]
fn oxfordshire_equal_votes_go_to_the_chair() {
    let base = [
        "--at",
        FEB_2012,
        "--for",
        "cherwell,oxford-city",
        "--against",
        "daat,probation",
    ];
    let (code, r) = tally(OXON, &base);
    assert_eq!(code, 1);
    assert_eq!(r["outcome"], "tied");
    let c = finding(&r, "casting-vote");
    assert_eq!(
        (c["status"].as_str(), c["clause"].as_str()),
        (Some("fail"), Some("3.5"))
    );
    let (code, r) = tally(OXON, &[&base[..], &["--casting", "against"][..]].concat());
    assert_eq!(code, 0);
    assert_eq!(r["outcome"], "lost");
    assert_eq!(r["casting_vote"], "against");
}

// -------------------------------------------------------- oxfordshire-board

#[test]
fn oxfordshire_board_states_no_decision_rule() {
    // The Board's source states no decision rule: `decision` is a skip and the
    // outcome shown assumes a simple majority of votes cast; the vote is valid.
    let (code, r) = tally(
        "oxfordshire-board",
        &[
            "--at",
            "2014-01-10",
            "--for",
            "cherwell,oxford-city,oxfordshire-county-council",
            "--against",
            "west-oxfordshire",
        ],
    );
    assert_eq!(code, 0);
    assert_eq!(r["outcome"], "carried");
    let d = finding(&r, "decision");
    assert_eq!(
        (d["status"].as_str(), d["clause"].as_str()),
        (Some("skip"), None)
    );
    assert!(
        d["message"]
            .as_str()
            .expect("message")
            .contains("no decision rule")
    );
    assert_every_finding_is_well_formed(&r);

    // Equal votes with no casting vote stated are not a majority.
    let (code, r) = tally(
        "oxfordshire-board",
        &[
            "--at",
            "2014-01-10",
            "--for",
            "cherwell",
            "--against",
            "oxford-city",
        ],
    );
    assert_eq!(code, 0);
    assert_eq!(r["outcome"], "lost");
    assert_eq!(finding(&r, "casting-vote")["status"], "skip");
}

// ---------------------------------------------------------------- bad input

#[test]
fn unknown_member_suggests_the_nearest_id() {
    let stderr = refused(SEFTON, &["--for", "polce-force"]);
    assert!(stderr.contains("`polce-force`"), "{stderr}");
    assert!(stderr.contains("did you mean `police-force`?"), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "one clear line: {stderr}");
}

#[test]
fn contradictions_are_refused() {
    let stderr = refused(SEFTON, &["--for", "probation", "--against", "probation"]);
    assert!(
        stderr.contains("`probation` is named twice in contradiction"),
        "{stderr}"
    );
    refused(
        SEFTON,
        &["--abstain", "probation", "--present", "probation"],
    );
    refused(
        OXON,
        &[
            "--kind",
            "major",
            "--for",
            "probation",
            "--proxy",
            "probation=for",
        ],
    );
    refused(
        OXON,
        &["--proxy", "probation=for", "--proxy", "probation=against"],
    );
    refused(
        OXON,
        &[
            "--for",
            "probation",
            "--deputy",
            "probation",
            "--substitute",
            "probation",
        ],
    );
}

#[test]
fn other_bad_input_is_refused() {
    // A stand-in must vote or be present.
    let stderr = refused(OXON, &["--for", "cherwell", "--deputy", "probation"]);
    assert!(stderr.contains("deputy"), "{stderr}");
    refused(SEFTON, &["--proxy", "probation"]);
    refused(SEFTON, &["--proxy", "probation=maybe"]);
    refused(SEFTON, &["--casting", "abstain"]);
    refused(SEFTON, &["--kind", "urgent"]);
    refused(SEFTON, &["--at", "01/13/2013"]);
    refused(SEFTON, &["--at", "2026-03-29T01:30", "--for", "probation"]);
    let stderr = refused("sefton", &["--for", "probation"]);
    assert!(stderr.contains("did you mean `sefton-scp`"), "{stderr}");
    refused(SEFTON, &["--votes", "votes.toml", "--for", "probation"]);
    refused(SEFTON, &["--votes", "/no/such/votes.toml"]);
}

// --------------------------------------------------------------- votes files

#[test]
fn votes_file_gives_the_same_result_as_the_flags() {
    let dir = dir_with(&[(
        "votes.toml",
        b"# a vote\nat = 2013-01-10\nfor = [\"local-authority\", \"police-force\"]\nagainst = [\"fire-rescue\", \"probation\"]\ncasting = \"for\"\n",
    )]);
    let path = dir.path().join("votes.toml");
    let path = path.to_str().expect("utf-8 path");
    let (code, from_file) = tally(SEFTON, &["--votes", path]);
    let (_, from_flags) = tally(
        SEFTON,
        &[
            "--at",
            JAN_2013,
            "--for",
            "local-authority,police-force",
            "--against",
            "fire-rescue,probation",
            "--casting",
            "for",
        ],
    );
    assert_eq!(code, 0);
    assert_eq!(from_file, from_flags);
}

#[test]
fn votes_file_every_key() {
    let dir = dir_with(&[(
        "votes.toml",
        br#"at = 2012-02-14T14:00
kinds = ["major", "funding"]
for = ["cherwell", "probation"]
against = ["daat"]
abstain = ["voluntary-sector"]
present = ["safer-communities-unit", "oxford-city"]
proxies = { thames-valley-police = "against" }
conflicts = ["oxford-city"]
opt_out = ["daat"]
substitutes = []
deputies = ["probation"]
notified = ["probation"]
casting = "for"
"#,
    )]);
    let path = dir.path().join("votes.toml");
    let (code, r) = tally(OXON, &["--votes", path.to_str().expect("utf-8 path")]);
    assert_eq!(code, 0);
    assert_eq!(counts(&r), (2, 2, 1));
    assert_eq!(r["outcome"], "carried");
    assert_eq!(r["casting_vote"], "for");
    assert_eq!(r["not_bound"], serde_json::json!(["daat"]));
    assert_eq!(r["at"], FEB_2012);
}

#[test]
fn votes_file_unknown_key_has_its_position() {
    let dir = dir_with(&[(
        "votes.toml",
        b"at = 2013-01-10\nfor = [\"probation\"]\ncolour = \"red\"\n",
    )]);
    let path = dir.path().join("votes.toml");
    let stderr = refused(SEFTON, &["--votes", path.to_str().expect("utf-8 path")]);
    assert!(stderr.contains("votes.toml:3:1"), "{stderr}");
    assert!(stderr.contains("unknown key `colour`"), "{stderr}");
}

#[test]
fn votes_file_bad_ids_and_contradictions_have_their_positions() {
    let dir = dir_with(&[(
        "votes.toml",
        b"for = [\"probation\"]\nagainst = [\"polce-force\", \"probation\"]\n",
    )]);
    let path = dir.path().join("votes.toml");
    let stderr = refused(SEFTON, &["--votes", path.to_str().expect("utf-8 path")]);
    assert!(stderr.contains("votes.toml:2:12"), "{stderr}");
    assert!(stderr.contains("did you mean `police-force`"), "{stderr}");
    assert!(stderr.contains("votes.toml:2:27"), "{stderr}");
    assert!(stderr.contains("contradiction"), "{stderr}");
}

#[test]
fn votes_file_bad_values_are_refused() {
    for body in [
        "for = \"probation\"\n",
        "proxies = { probation = \"maybe\" }\n",
        "casting = \"abstain\"\n",
        "kinds = [\"urgent\"]\n",
        "at = 2013-01-10T10:00:00.5\n",
        "for = [\"probation\"\n",
        "",
        "\u{0}",
    ] {
        let dir = dir_with(&[("votes.toml", body.as_bytes())]);
        let path = dir.path().join("votes.toml");
        let stderr = refused(SEFTON, &["--votes", path.to_str().expect("utf-8 path")]);
        assert!(stderr.contains("votes.toml"), "{body:?}: {stderr}");
    }
}

#[test]
fn votes_from_stdin() {
    let out = tor()
        .args(["tally", SEFTON, "--format", "json", "--votes", "-"])
        .write_stdin(
            "at = 2013-01-10\nfor = [\"local-authority\", \"police-force\", \"fire-rescue\"]\n",
        )
        .output()
        .expect("tor runs");
    assert_eq!(out.status.code(), Some(0));
    let r = json(&out.stdout);
    assert_eq!(r["outcome"], "carried");
    assert_eq!(counts(&r), (3, 0, 0));

    let out = tor()
        .args(["tally", SEFTON, "--votes", "-"])
        .write_stdin("for = [\"probaton\"]\n")
        .output()
        .expect("tor runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("<stdin>:1:8"));
}

#[test]
fn example_vote_files_run() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/votes");
    let expected = [
        ("oxfordshire-funding.toml", OXON, 0, "carried"),
        ("richmond-financial-conflict.toml", RICHMOND, 1, "carried"),
        ("richmond-no-consensus.toml", RICHMOND, 0, "no-consensus"),
        ("sefton-tied.toml", SEFTON, 1, "tied"),
    ];
    let mut found: Vec<String> = std::fs::read_dir(&dir)
        .expect("examples/votes")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    found.sort();
    let names: Vec<&str> = expected.iter().map(|e| e.0).collect();
    assert_eq!(found, names, "every example is tested");
    for (name, id, code, outcome) in expected {
        let path = dir.join(name);
        let text = std::fs::read_to_string(&path).expect("example");
        assert!(
            text.contains(&format!("tor tally {id} --votes examples/votes/{name}")),
            "{name}"
        );
        let (got, r) = tally(id, &["--votes", path.to_str().expect("utf-8 path")]);
        assert_eq!(
            (got, r["outcome"].as_str()),
            (code, Some(outcome)),
            "{name}"
        );
        assert_every_finding_is_well_formed(&r);
    }
}

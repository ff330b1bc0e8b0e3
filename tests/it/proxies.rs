//! Proxies per holder, directed or open, counting for the quorum or not, or
//! none at all (issue 15).

use crate::common::{self, MINIMAL, dir_with, finding, run_json, tor};

const FORUM: &str = include_str!("../../examples/partnerships/proxy-forum.toml");

/// `validate` of MINIMAL with `proxies = {proxies}`: exit 1, a message naming
/// the line of `needle` and saying `says`.
fn refused(proxies: &str, needle: &str, says: &str) {
    let body = format!(
        "{MINIMAL}\n[decisions]\nclause = \"4\"\nmethod = \"majority\"\nproxies = {{ {proxies} }}\n"
    );
    let line = body
        .lines()
        .position(|l| l.contains(needle))
        .expect("needle")
        + 1;
    let dir = dir_with(&[("test-group.toml", body.as_bytes())]);
    let out = tor()
        .arg("validate")
        .arg(dir.path().join("test-group.toml"))
        .assert()
        .code(1)
        .get_output()
        .clone();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        text.contains(&format!("test-group.toml:{line}:")),
        "{proxies}: {text}"
    );
    assert!(text.contains(says), "{proxies}: {text}");
}

#[test]
fn bad_proxy_rules_are_positioned_errors() {
    refused(
        r#"clause = "5", allowed = false, per_holder = 1"#,
        "proxies",
        "`per_holder` is set but `allowed = false` says there are no proxies",
    );
    refused(
        r#"clause = "5", kinds = ["ordinary"], form = "directd""#,
        "proxies",
        "did you mean `directed`?",
    );
    refused(
        r#"clause = "5", kinds = ["ordinary"], per_holdr = 1"#,
        "proxies",
        "per_holder",
    );
    refused(
        r#"clause = "5", kinds = ["ordinary"], per_holder = 0"#,
        "proxies",
        "per_holder",
    );
    refused(r#"clause = "5""#, "proxies", "`proxies` names no `kinds`");
}

#[test]
fn a_votes_file_takes_proxies_in_its_own_order_against_the_limit() {
    // elm is given first, so it is the one carrow's single proxy counts for,
    // although dene sorts before it.
    let votes = "at = 2025-06-12\nfor = [\"ashby\", \"brook\"]\nagainst = [\"carrow\"]\nproxies = { elm = \"for@carrow\", dene = \"against@carrow\" }\n";
    let dir = dir_with(&[
        ("proxy-forum.toml", FORUM.as_bytes()),
        ("v.toml", votes.as_bytes()),
    ]);
    let path = dir.path().join("v.toml");
    let report = run_json(
        Some(dir.path()),
        "tally",
        &["proxy-forum", "--votes", path.to_str().unwrap()],
        1,
    );
    assert_eq!(report["counts"]["for"], 3, "{report:#}");
    assert_eq!(report["counts"]["against"], 1, "{report:#}");
    let excluded = report["excluded"].as_array().expect("excluded");
    assert_eq!(excluded.len(), 1, "{report:#}");
    assert_eq!(excluded[0]["org"], "dene", "{report:#}");
}

#[test]
fn a_proxy_without_its_holder_is_refused_where_the_tor_limits_holders() {
    let dir = dir_with(&[("proxy-forum.toml", FORUM.as_bytes())]);
    let report = run_json(
        Some(dir.path()),
        "tally",
        &[
            "proxy-forum",
            "--at",
            "2025-06-12",
            "--for",
            "ashby,brook,carrow",
            "--proxy",
            "dene=for",
        ],
        1,
    );
    let proxy = finding(&report, "proxy");
    assert_eq!(proxy["status"], "fail");
    assert_eq!(proxy["clause"], "6");
    assert!(
        proxy["message"]
            .as_str()
            .unwrap()
            .contains("must name its holder"),
        "{proxy}"
    );
}

#[test]
fn tally_explain_names_each_proxys_holder_one_line_each() {
    let dir = dir_with(&[("proxy-forum.toml", FORUM.as_bytes())]);
    let args = [
        "tally",
        "proxy-forum",
        "--at",
        "2025-06-12",
        "--for",
        "ashby,brook",
        "--against",
        "carrow",
        "--proxy",
        "elm=for@carrow",
        "--proxy",
        "dene=against@carrow",
        "--explain",
    ];
    let out = tor()
        .arg("--dir")
        .arg(dir.path())
        .args(args)
        .assert()
        .code(1)
        .get_output()
        .clone();
    let text = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = text.lines().filter(|l| l.contains(". proxy (")).collect();
    assert_eq!(lines.len(), 2, "{text}");
    assert!(
        lines[0].ends_with("`elm` voted for by proxy (directed), held by `carrow`: counted"),
        "{text}"
    );
    assert!(
        lines[1].ends_with("`dene` voted against by proxy (directed), held by `carrow`: left out"),
        "{text}"
    );

    let report = run_json(Some(dir.path()), "tally", &args[1..], 1);
    let steps: Vec<&serde_json::Value> = report["explanation"]
        .as_array()
        .expect("explanation")
        .iter()
        .filter(|s| s["rule"] == "proxy")
        .collect();
    assert_eq!(steps.len(), 2, "{report:#}");
    assert_eq!(steps[0]["clause"], "6", "{report:#}");
}

#[test]
fn proxies_count_for_the_quorum_only_where_the_tor_says_so() {
    let args = [
        "proxy-forum",
        "--at",
        "2025-06-12",
        "--for",
        "ashby",
        "--against",
        "brook",
        "--proxy",
        "carrow=for@ashby",
        "--proxy",
        "dene=for@brook",
    ];
    let not_counting = dir_with(&[("proxy-forum.toml", FORUM.as_bytes())]);
    let report = run_json(Some(not_counting.path()), "tally", &args, 1);
    assert_eq!(finding(&report, "quorum")["status"], "fail", "{report:#}");

    let counting = FORUM.replace("counts_for_quorum = false", "counts_for_quorum = true");
    assert_ne!(counting, FORUM);
    let dir = dir_with(&[("proxy-forum.toml", counting.as_bytes())]);
    let report = run_json(Some(dir.path()), "tally", &args, 0);
    assert_eq!(finding(&report, "quorum")["status"], "pass", "{report:#}");
    assert_eq!(report["outcome"], "carried", "{report:#}");
}

#[test]
fn a_tor_with_no_proxies_shows_so_and_refuses_one_citing_its_clause() {
    let examples = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/partnerships");
    let report = run_json(
        Some(&examples),
        "tally",
        &[
            "town-board",
            "--at",
            "2025-06-12",
            "--for",
            "chair,council-leader,mp,lep,college",
            "--proxy",
            "police=against",
        ],
        1,
    );
    let proxy = finding(&report, "proxy");
    assert_eq!(proxy["status"], "fail");
    assert_eq!(proxy["clause"], "5");
    assert!(
        proxy["message"]
            .as_str()
            .unwrap()
            .contains("the ToR allows no proxy votes"),
        "{proxy}"
    );
    let shown = common::json(
        &tor()
            .arg("--dir")
            .arg(&examples)
            .args(["show", "town-board", "--format", "json"])
            .assert()
            .success()
            .get_output()
            .stdout,
    );
    let text = shown.to_string();
    assert!(text.contains("no proxy votes"), "{text}");
}

#[test]
fn a_malformed_proxy_flag_is_exit_2() {
    for bad in ["dene=for@", "dene=for@carrow:shut", "dene=maybe@carrow"] {
        tor()
            .args(["tally", "oxfordshire-business-group", "--proxy", bad])
            .assert()
            .code(2);
    }
}

mod props {
    use std::sync::LazyLock;

    use chrono::NaiveDate;
    use proptest::prelude::*;
    use tor::catalog::Catalog;
    use tor::engine::tally::{Choice, ProxyVote, VoteArgs, VoteInput, tally};
    use tor::model::Tor;

    static FORUM: LazyLock<Tor> = LazyLock::new(|| {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/partnerships");
        Catalog::Dir(dir)
            .load("proxy-forum")
            .expect("example proxy-forum")
    });

    fn choice() -> impl Strategy<Value = Choice> {
        prop_oneof![
            Just(Choice::For),
            Just(Choice::Against),
            Just(Choice::Abstain)
        ]
    }

    fn proxy(vote: Choice, holder: &str) -> ProxyVote {
        ProxyVote {
            vote,
            holder: Some(holder.to_owned()),
            open: false,
        }
    }

    proptest! {
        /// dene's proxy takes its holder's one place, so elm's, given after it
        /// to the same holder, is over the limit: it never changes the result.
        #[test]
        fn a_proxy_over_the_holders_limit_never_changes_the_outcome(
            votes in proptest::collection::vec(proptest::option::of(choice()), 3),
            first in choice(),
            extra in choice(),
            holder in "[a-z]{1,8}",
        ) {
            let mut args = VoteArgs::default();
            for (id, vote) in ["ashby", "brook", "carrow"].iter().zip(&votes) {
                let list = match vote {
                    Some(Choice::For) => &mut args.votes_for,
                    Some(Choice::Against) => &mut args.against,
                    Some(Choice::Abstain) => &mut args.abstain,
                    None => continue,
                };
                list.push((*id).to_owned());
            }
            args.proxies.push(("dene".to_owned(), proxy(first, &holder)));
            let date = NaiveDate::from_ymd_opt(2025, 6, 12).expect("date");
            let before = tally(&FORUM, &VoteInput::new(&FORUM, date, &args).expect("input"));
            args.proxies.push(("elm".to_owned(), proxy(extra, &holder)));
            let after = tally(&FORUM, &VoteInput::new(&FORUM, date, &args).expect("input"));
            prop_assert_eq!(before.outcome, after.outcome);
            prop_assert_eq!(&before.counts, &after.counts);
            prop_assert_eq!(after.excluded.len(), before.excluded.len() + 1);
        }
    }
}

//! `tor init` writes the general shapes (seats, a compound quorum, the chair's
//! fallbacks, remote attendance, thresholds, escalation, the casting vote,
//! written procedure): each SPEC §7 body written from flags decides its quorum
//! and votes exactly as the shipped example does.

use std::path::{Path, PathBuf};

use crate::common::{json, tor};

fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/partnerships")
}

/// `tor init ID ARGS` into `dir`, which must succeed.
fn init(dir: &Path, id: &str, args: &[&str]) {
    tor()
        .arg("--dir")
        .arg(dir)
        .args(["init", id])
        .args(args)
        .assert()
        .code(0);
    tor()
        .args(["validate", "--as-of", "2026-01-01"])
        .arg(dir.join(format!("{id}.toml")))
        .assert()
        .code(0);
}

/// The JSON report of `tor --dir DIR COMMAND ID ARGS`, whatever its exit code.
fn report(dir: &Path, command: &str, id: &str, args: &[&str]) -> serde_json::Value {
    let out = tor()
        .arg("--dir")
        .arg(dir)
        .args([command, id])
        .args(args)
        .args(["--format", "json"])
        .output()
        .expect("tor runs");
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "{command} {id} {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    json(&out.stdout)
}

/// The `rule` findings of a report, as (status, message) pairs.
fn findings(report: &serde_json::Value, rule: &str) -> Vec<(String, String)> {
    report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["rule"] == rule)
        .map(|f| {
            (
                f["status"].as_str().unwrap_or_default().to_owned(),
                f["message"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect()
}

/// The generated ToR and the shipped one give the same `rule` findings for
/// each set of `runs`, and `expected` statuses in order.
fn same_as_shipped(dir: &Path, command: &str, id: &str, rule: &str, runs: &[(&[&str], &str)]) {
    for (args, expected) in runs {
        let ours = findings(&report(dir, command, id, args), rule);
        let shipped = findings(&report(&examples(), command, id, args), rule);
        assert_eq!(ours, shipped, "{command} {args:?}");
        assert!(
            ours.iter().all(|(status, _)| status == expected),
            "{command} {args:?}: {ours:?}, expected {expected}"
        );
    }
}

#[test]
fn joint_scrutiny_seats_and_each_council_minimum() {
    let dir = tempfile::tempdir().unwrap();
    init(
        dir.path(),
        "northvale-southmere-joint-scrutiny",
        &[
            "--name",
            "Northvale and Southmere Joint Community Safety Scrutiny Committee",
            "--member",
            "northvale:council:Northvale Borough Council",
            "--member",
            "southmere:council:Southmere District Council",
            "--seats",
            "northvale:10",
            "--seats",
            "southmere:6",
            "--quorum",
            "6",
            "--quorum-also",
            "each:2:northvale,southmere",
            "--quorum-clause",
            "4",
            "--remote",
            "speak-only",
            "--remote-clause",
            "7",
            "--substitutes",
            "all",
            "--substitutes-one-per-absent",
            "--substitutes-notice-hours",
            "24",
            "--substitutes-clause",
            "6",
            "--decision",
            "majority",
            "--majority-of",
            "present-and-voting",
            "--decision-clause",
            "8",
        ],
    );
    let text = std::fs::read_to_string(dir.path().join("northvale-southmere-joint-scrutiny.toml"))
        .unwrap();
    assert!(text.contains("counts = \"people\""), "{text}");
    assert!(text.contains("seats = 10"), "{text}");
    let at = ["--at", "2025-11-11T18:00"];
    same_as_shipped(
        dir.path(),
        "check-meeting",
        "northvale-southmere-joint-scrutiny",
        "quorum",
        &[
            (
                &[at[0], at[1], "--attendees", "northvale:4,southmere:2"],
                "pass",
            ),
            (
                &[at[0], at[1], "--attendees", "northvale:5,southmere:1"],
                "fail",
            ),
            (&[at[0], at[1], "--attendees", "northvale:10"], "fail"),
            (
                &[
                    at[0],
                    at[1],
                    "--attendees",
                    "northvale:3,southmere:1",
                    "--remote",
                    "northvale:1,southmere:1",
                ],
                "fail",
            ),
        ],
    );
    // Clause 6: a substitute per absent seat, notified 24 hours before.
    let subs = |notified: &'static str| -> [&'static str; 8] {
        [
            "--at",
            "2025-11-11T18:00",
            "--attendees",
            "northvale:3,southmere:2",
            "--substitute",
            "northvale:1",
            "--notified",
            notified,
        ]
    };
    same_as_shipped(
        dir.path(),
        "check-meeting",
        "northvale-southmere-joint-scrutiny",
        "quorum",
        &[
            (&subs("northvale@2025-11-10T18:00"), "pass"),
            (&subs("northvale@2025-11-11T12:00"), "fail"),
        ],
    );
}

const TOWN_BOARD: &[&str] = &[
    "--name",
    "Easthaven Town Board",
    "--member",
    "chair:board-member",
    "--member",
    "council-leader:board-member",
    "--member",
    "council-deputy-leader:board-member",
    "--member",
    "mp:board-member",
    "--member",
    "lep:board-member",
    "--member",
    "college:board-member",
    "--member",
    "police:board-member",
    "--member",
    "business-1:board-member",
    "--member",
    "business-2:board-member",
    "--quorum",
    "5",
    "--quorum-also",
    "presiding",
    "--quorum-also",
    "any-of:council-leader,council-deputy-leader",
    "--quorum-clause",
    "3",
    "--chair",
    "named:chair",
    "--vice-chair",
    "council-leader",
    "--chair-fallbacks",
    "vice-chair,chosen",
    "--chair-clause",
    "2",
    "--decision",
    "majority",
    "--casting-vote",
    "none",
    "--decision-clause",
    "7",
    "--written",
    "5:1/2:more-than",
    "--written-clause",
    "8",
    "--substitutes",
    "council-leader,lep",
    "--substitutes-clause",
    "4",
];

#[test]
fn town_board_named_members_presiding_and_no_casting_vote() {
    let dir = tempfile::tempdir().unwrap();
    init(dir.path(), "town-board", TOWN_BOARD);
    let at = "2025-06-12T10:00";
    same_as_shipped(
        dir.path(),
        "check-meeting",
        "town-board",
        "quorum",
        &[
            (
                &[
                    "--at",
                    at,
                    "--attendees",
                    "chair,council-leader,mp,lep,college",
                ],
                "pass",
            ),
            (
                &["--at", at, "--attendees", "chair,mp,lep,college,police"],
                "fail",
            ),
            (
                &[
                    "--at",
                    at,
                    "--attendees",
                    "chair,council-deputy-leader,mp,lep,college",
                ],
                "pass",
            ),
        ],
    );
    // Clause 4: only the council leader and the LEP may send a substitute.
    for (sent, attendees, expected) in [
        ("council-leader", "chair,mp,college,police", "pass"),
        ("business-1", "chair,council-leader,mp,college", "fail"),
    ] {
        same_as_shipped(
            dir.path(),
            "check-meeting",
            "town-board",
            "membership",
            &[(
                &["--at", at, "--attendees", attendees, "--substitute", sent],
                expected,
            )],
        );
    }
    // 3–3: the ToR says there is no casting vote, so equal votes lose.
    let tie = [
        "--at",
        "2025-06-12",
        "--for",
        "chair,council-leader,mp",
        "--against",
        "lep,college,police",
    ];
    let ours = report(dir.path(), "tally", "town-board", &tie);
    let shipped = report(&examples(), "tally", "town-board", &tie);
    assert_eq!(ours["outcome"], shipped["outcome"], "{ours:#}");
    assert_eq!(ours["outcome"], "lost", "{ours:#}");
    let shown = report(dir.path(), "show", "town-board", &["--as-of", "2025-06-12"]);
    assert!(
        shown.to_string().contains("in writing") || shown.to_string().contains("written"),
        "{shown:#}"
    );
}

#[test]
fn executive_named_partners_alternative_and_escalation() {
    let dir = tempfile::tempdir().unwrap();
    init(
        dir.path(),
        "safeguarding-executive",
        &[
            "--name",
            "Eastshire Safeguarding Children Partnership Executive",
            "--member",
            "council:statutory-partner",
            "--member",
            "police:statutory-partner",
            "--member",
            "icb:statutory-partner",
            "--member",
            "health-trust:relevant-agency",
            "--member",
            "schools:relevant-agency",
            "--member",
            "probation:relevant-agency",
            "--quorum-also",
            "all:council,police",
            "--quorum-also",
            "any-of:icb,health-trust",
            "--quorum-clause",
            "3.1",
            "--decision",
            "consensus",
            "--escalate",
            "unanimity:statutory-partner",
            "--decision-clause",
            "4.1",
        ],
    );
    let at = "2025-09-16T10:00";
    same_as_shipped(
        dir.path(),
        "check-meeting",
        "safeguarding-executive",
        "quorum",
        &[
            (&["--at", at, "--attendees", "council,police,icb"], "pass"),
            (
                &["--at", at, "--attendees", "council,police,health-trust"],
                "pass",
            ),
            (&["--at", at, "--attendees", "council,icb,schools"], "fail"),
        ],
    );
    // Consensus fails; the statutory partners decide unanimously, and one
    // abstention among them blocks.
    let votes = [
        "--at",
        "2025-09-16",
        "--for",
        "council,police,schools",
        "--against",
        "probation",
        "--abstain",
        "icb",
    ];
    let ours = report(dir.path(), "tally", "safeguarding-executive", &votes);
    let shipped = report(&examples(), "tally", "safeguarding-executive", &votes);
    assert_eq!(ours["outcome"], shipped["outcome"], "{ours:#}");
    assert_eq!(ours["outcome"], "lost", "{ours:#}");
}

#[test]
fn chair_term_class_and_alternation_are_written_as_asked() {
    let dir = tempfile::tempdir().unwrap();
    init(
        dir.path(),
        "alternating",
        &[
            "--name",
            "Alternating Committee",
            "--member",
            "north:council",
            "--member",
            "south:council",
            "--chair",
            "elected-annually",
            "--chair-class",
            "council",
            "--chair-term",
            "1:1",
            "--chair-fallbacks",
            "vice-chair,chosen",
            "--chair-alternation",
            "north,south",
            "--chair-alternation-starts",
            "1 June 2025",
            "--chair-clause",
            "5",
        ],
    );
    let text = std::fs::read_to_string(dir.path().join("alternating.toml")).unwrap();
    for expected in [
        "fallbacks = [\"vice-chair\", \"chosen\"]",
        "class = \"council\"",
        "alternation = { clause = \"5\", members = [\"north\", \"south\"], starts = 2025-06-01 }",
        "term = { clause = \"5\", years = 1, max_consecutive = 1 }",
    ] {
        assert!(text.contains(expected), "no {expected} in\n{text}");
    }
}

#[test]
fn answers_the_loader_would_refuse_exit_2_and_write_nothing() {
    for (args, says) in [
        (
            &["--quorum-also", "each:3:north"][..],
            "can bring at most 1 organisation, never 3",
        ),
        (
            &["--quorum-also", "all:nobody"][..],
            "`nobody`, which is not one of the members",
        ),
        (
            &["--quorum-also", "any-of:north"][..],
            "at least two members",
        ),
        (
            &["--seats", "nobody:2"][..],
            "`nobody`, which is not one of the members",
        ),
        (
            &["--substitutes", "north,nobody"][..],
            "--substitutes names `nobody`, which is not one of the members",
        ),
        (&["--seats", "north:0"][..], "not a number from 1 to 10000"),
        (
            &["--chair", "elected-annually", "--chair-class", "nope"][..],
            "class `nope`, which is not the class of any member",
        ),
        (
            &["--decision", "consensus", "--majority-of", "present"][..],
            "needs --decision majority",
        ),
        (
            &["--chair", "named:north", "--vice-chair", "north"][..],
            "the member that provides the chair",
        ),
        (
            &[
                "--chair",
                "named:north",
                "--chair-alternation",
                "north,south",
                "--chair-alternation-starts",
                "2025-06-01",
            ][..],
            "not named:MEMBER",
        ),
        (&["--written", "5:3/2:more-than"][..], "at most 1"),
        (&["--quorum-clause", "4"][..], "--quorum-also"),
        (&["--vice-chair", "north"][..], "--chair"),
    ] {
        let dir = tempfile::tempdir().unwrap();
        tor()
            .arg("--dir")
            .arg(dir.path())
            .args(["init", "x", "--name", "X", "--member", "north:council"])
            .args(["--member", "south:council"])
            .args(args)
            .assert()
            .code(2)
            .stderr(predicates::str::contains(says));
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            0,
            "{args:?} wrote a file"
        );
    }
}

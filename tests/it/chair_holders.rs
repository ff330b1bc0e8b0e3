//! Who held the chair (issue 13 item 5): `[[chair.holders]]` in a ToR, named
//! by `show --as-of`, checked by `validate` against the rotation, and audited
//! for a chair held beyond its term.

use crate::common::{dir_with, json, run_json, tor};

/// A body of three councils and a co-opted member whose chair rotates among
/// the councils every two years, with `holders` as its record.
fn rotating(holders: &str) -> String {
    let mut s = String::from(
        "id = \"rota\"\nname = \"Rota Board\"\n\
         [[classes]]\nid = \"council\"\nname = \"Council\"\nclause = \"1\"\n\
         [[classes]]\nid = \"co-opted\"\nname = \"Co-opted\"\nclause = \"1\"\n",
    );
    for (m, class) in [
        ("a", "council"),
        ("b", "council"),
        ("c", "council"),
        ("x", "co-opted"),
    ] {
        s += &format!(
            "[[members]]\nid = \"{m}\"\nname = \"{m}\"\nclass = \"{class}\"\nclause = \"1\"\n"
        );
    }
    s += "[chair]\nclause = \"3\"\nappointment = \"rotating\"\nrotation_class = \"council\"\nrotation_years = 2\n";
    s + holders
}

fn holder(member: &str, from: &str, until: Option<&str>) -> String {
    let until = until.map(|u| format!("until = {u}\n")).unwrap_or_default();
    format!("[[chair.holders]]\nmember = \"{member}\"\nfrom = {from}\n{until}clause = \"3\"\n")
}

/// `tor validate` on the body; the exit code and its JSON diagnostics as
/// (code, message) pairs.
fn validate(holders: &str) -> (i32, Vec<(String, String)>) {
    let dir = dir_with(&[("rota.toml", rotating(holders).as_bytes())]);
    let out = tor()
        .args(["validate", "--as-of", "2020-01-01", "--format", "json"])
        .arg(dir.path().join("rota.toml"))
        .output()
        .expect("tor runs");
    let report = json(&out.stdout);
    let diags = report["files"][0]["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter(|d| !d["code"].as_str().unwrap_or("").starts_with("no-"))
        .map(|d| {
            (
                d["code"].as_str().expect("a code").to_owned(),
                d["message"].as_str().expect("a message").to_owned(),
            )
        })
        .collect();
    (out.status.code().expect("an exit code"), diags)
}

#[test]
fn a_rotation_kept_draws_no_warning() {
    let holders = [
        holder("a", "2011-05-01", None),
        holder("b", "2013-05-01", None),
        holder("c", "2015-05-01", Some("2017-04-30")),
    ]
    .concat();
    assert_eq!(validate(&holders), (0, vec![]));
}

#[test]
fn validate_warns_of_a_repeat_an_outsider_and_a_long_turn_citing_the_clause() {
    let holders = [
        holder("a", "2011-05-01", None),
        holder("a", "2013-05-01", None),
        holder("x", "2015-05-01", Some("2016-04-30")),
        holder("b", "2016-05-01", Some("2018-05-01")),
    ]
    .concat();
    let (code, diags) = validate(&holders);
    assert_eq!(code, 0, "warnings only: {diags:?}");
    let messages: Vec<&str> = diags
        .iter()
        .inspect(|(c, _)| assert_eq!(c, "chair-rotation"))
        .map(|(_, m)| m.as_str())
        .collect();
    assert_eq!(
        messages,
        [
            "`a` holds the chair twice in a row, but it rotates (clause 3)",
            "`x` holds the chair, but it rotates among class `council` (clause 3)",
            "`b` holds the chair from 2016-05-01 to 2018-05-01, beyond 2 year(s) (to 2018-04-30) (clause 3)",
        ]
    );
}

#[test]
fn holders_out_of_order_overlapping_or_inverted_are_errors() {
    let cases = [
        (
            [
                holder("a", "2013-05-01", None),
                holder("b", "2011-05-01", None),
            ]
            .concat(),
            "chair-holder-order",
            "`b` takes the chair on 2011-05-01, not after `a` did on 2013-05-01",
        ),
        (
            [
                holder("a", "2011-05-01", Some("2013-05-01")),
                holder("b", "2013-05-01", None),
            ]
            .concat(),
            "chair-holder-order",
            "`b` takes the chair on 2013-05-01, but `a` held it until 2013-05-01",
        ),
        (
            holder("a", "2013-05-01", Some("2013-04-30")),
            "inverted-dates",
            "`until` 2013-04-30 is before `from` 2013-05-01",
        ),
        (
            holder("d", "2013-05-01", None),
            "unknown-member",
            "no member `d` is defined",
        ),
    ];
    for (holders, want_code, want_message) in cases {
        let (code, diags) = validate(&holders);
        assert_eq!(code, 1, "{holders}");
        assert!(
            diags
                .iter()
                .any(|(c, m)| c == want_code && m == want_message),
            "{holders}: {diags:?}"
        );
    }
}

#[test]
fn show_names_the_board_chair_on_the_day_the_report_attests() {
    let report = run_json(
        None,
        "show",
        &["oxfordshire-board", "--as-of", "2013-02-18"],
        0,
    );
    let h = &report["chair_holder"];
    assert_eq!(h["member"], "south-oxfordshire");
    assert_eq!(h["from"], "2013-02-18");
    assert_eq!(h["until"], "2013-02-18");
    assert_eq!(h["clause"], "4");

    let other = run_json(
        None,
        "show",
        &["oxfordshire-board", "--as-of", "2013-03-01"],
        0,
    );
    assert!(other.get("chair_holder").is_none(), "{other}");

    let out = tor()
        .args(["show", "oxfordshire-board", "--as-of", "2013-02-18"])
        .output()
        .expect("tor runs");
    let text = String::from_utf8(out.stdout).expect("utf-8");
    assert!(
        text.contains(
            "Chair held by south-oxfordshire (South Oxfordshire District Council) from Mon 18 Feb 2013 to Mon 18 Feb 2013 (clause 4; seed 004"
        ),
        "{text}"
    );
}

/// `tor audit rota --year YEAR --format json` with an empty record; the `chair-term` finding.
fn chair_term(holders: &str, year: &str) -> serde_json::Value {
    let dir = dir_with(&[
        ("rota.toml", rotating(holders).as_bytes()),
        ("rota.meetings.toml", b"" as &[u8]),
    ]);
    let out = tor()
        .args(["--dir"])
        .arg(dir.path())
        .args([
            "audit",
            "rota",
            "--year",
            year,
            "--as-of",
            "2030-01-01",
            "--format",
            "json",
        ])
        .output()
        .expect("tor runs");
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report = json(&out.stdout);
    report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .find(|f| f["rule"] == "chair-term")
        .cloned()
        .unwrap_or(serde_json::Value::Null)
}

#[test]
fn the_audit_reports_a_chair_held_beyond_its_term_with_the_clause() {
    let holders = [
        holder("a", "2011-05-01", None),
        holder("b", "2014-01-01", None),
    ]
    .concat();
    let f = chair_term(&holders, "2013");
    assert_eq!(f["status"], "fail", "{f}");
    assert_eq!(f["clause"], "3");
    assert_eq!(
        f["message"],
        "the chair is held beyond its 2-year term: a has held it since 2011-05-01, beyond its term, which ended on 2013-04-30"
    );
    assert_eq!(chair_term(&holders, "2012")["status"], "pass");
    // b's turn runs on unended: by 2016 it is past two years.
    assert_eq!(chair_term(&holders, "2015")["status"], "pass");
    assert_eq!(chair_term(&holders, "2016")["status"], "fail");
    assert_eq!(chair_term(&holders, "2010")["status"], "skip");
    assert!(chair_term("", "2013").is_null(), "no holders, no finding");
}

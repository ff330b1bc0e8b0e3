//! Large, repetitive files (issue 17, item 2): each once took seconds to minutes
//! and printed megabytes. Through the binary: repeated diagnostics are capped per
//! code with one "and N more" line, the totals stay true, and errors come in line
//! order. (No timing assertions: a quadratic path shows as a slow test.)

use crate::common::{dir_with, json, tor};

const N: usize = 3000;

fn members(n: usize) -> String {
    (0..n)
        .map(|i| {
            format!(
                "\n[[members]]\nid = \"member-{i:06}\"\nname = \"M\"\nclass = \"responsible-authority\"\n"
            )
        })
        .collect()
}

fn big_tor(n: usize, tail: &str) -> String {
    format!(
        "id = \"big\"\nname = \"Big\"\n\n[[classes]]\nid = \"responsible-authority\"\nname = \"RA\"\n{}\n[quorum]\nclause = \"5\"\nat_least = 2\nclass = \"responsible-authority\"\n{tail}",
        members(n)
    )
}

fn lines_of(file: &serde_json::Value) -> Vec<u64> {
    file["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| d["line"].as_u64().expect("line"))
        .collect()
}

#[test]
fn duplicate_meetings_are_counted_not_all_shown() {
    let record = "[[meeting]]\ndate = 2012-03-01\npresent = [\"member-000000\"]\n\n".repeat(N);
    let dir = dir_with(&[
        ("big.toml", big_tor(2, "").as_bytes()),
        ("big.meetings.toml", record.as_bytes()),
    ]);
    let out = tor()
        .args(["validate", "--as-of", "2020-01-01", "--format", "json"])
        .arg(dir.path())
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let report = json(&out);
    // The true totals: every duplicate after the first, plus the ToR's warnings.
    let warnings = report["warnings"].as_u64().expect("warnings");
    assert_eq!(report["errors"], N as u64 - 1, "{report}");
    let file = &report["files"][1];
    assert_eq!(file["diagnostics"].as_array().expect("list").len(), 10);
    assert_eq!(
        file["suppressed"],
        serde_json::json!([{"code": "duplicate-meeting", "severity": "error", "count": N - 11}])
    );
    let lines = lines_of(file);
    assert!(lines.windows(2).all(|w| w[0] <= w[1]), "{lines:?}");

    let human = tor()
        .args(["validate", "--as-of", "2020-01-01"])
        .arg(dir.path())
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let human = String::from_utf8(human).expect("utf-8");
    assert_eq!(human.matches("error[duplicate-meeting]").count(), 10);
    assert!(
        human.contains(&format!(
            "… and {} more error(s) [duplicate-meeting]",
            N - 11
        )),
        "{human}"
    );
    assert!(
        human.contains(&format!("{} error(s), {warnings} warning(s)", N - 1)),
        "{human}"
    );
}

#[test]
fn duplicate_standing_items_print_a_short_report_in_line_order() {
    let items = "  \"Prevent\",\n".repeat(N);
    let body = big_tor(
        2,
        &format!("\n[standing_items]\nclause = \"9\"\nitems = [\n{items}]\n"),
    );
    let dir = dir_with(&[("big.toml", body.as_bytes())]);
    let out = tor()
        .args(["validate", "--as-of", "2020-01-01"])
        .arg(dir.path().join("big.toml"))
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let human = String::from_utf8(out).expect("utf-8");
    assert!(human.len() < 10_000, "{} bytes", human.len());
    let places: Vec<usize> = human
        .lines()
        .filter_map(|l| l.trim().strip_prefix("--> "))
        .map(|p| p.rsplit(':').nth(1).expect("line").parse().expect("number"))
        .collect();
    assert_eq!(places.len(), 10, "{human}");
    assert!(places.windows(2).all(|w| w[0] < w[1]), "{places:?}");
    assert!(human.contains(&format!("… and {} more error(s) [duplicate-id]", N - 11)));
}

#[test]
fn cases_naming_unknown_members_are_capped_and_suggest_for_the_first() {
    let case = |i: usize| {
        format!(
            "[[case]]\nname = \"c{i}\"\n[case.meeting]\nat = 2012-12-06T14:00:00\nattendees = [\"member-00000{}\", \"membr-{i:06}\"]\n[case.expect]\nvalid = true\n\n",
            i % 2
        )
    };
    let cases: String = (0..N).map(case).collect();
    let dir = dir_with(&[
        ("big.toml", big_tor(N, "").as_bytes()),
        ("big.cases.toml", cases.as_bytes()),
    ]);
    let out = tor()
        .arg("--dir")
        .arg(dir.path())
        .arg("test")
        .assert()
        .code(2)
        .get_output()
        .stderr
        .clone();
    let err = String::from_utf8(out).expect("utf-8");
    assert_eq!(err.matches("error[unknown-member]").count(), 10, "{err}");
    assert!(err.contains("did you mean `member-000000`?"), "{err}");
    assert!(err.contains(&format!("… and {} more error(s) [unknown-member]", N - 10)));
    assert!(err.contains("big.cases.toml:5:31"), "{err}");
}

#[test]
fn thousands_of_failing_cases_end_in_a_readable_summary() {
    let case = |i: usize| {
        format!(
            "[[case]]\nname = \"wrong {i}\"\n[case.meeting]\nat = 2012-12-06T14:00:00\nattendees = [\"member-000000\", \"member-000001\"]\n[case.expect]\nvalid = false\nfindings = {{ quorum = \"fail\" }}\n\n"
        )
    };
    let cases: String = (0..N).map(case).collect();
    let dir = dir_with(&[
        ("big.toml", big_tor(2, "").as_bytes()),
        ("big.cases.toml", cases.as_bytes()),
    ]);
    let out = tor()
        .arg("--dir")
        .arg(dir.path())
        .arg("test")
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).expect("utf-8");
    assert_eq!(out.matches("quorum: expected fail, got pass").count(), 50);
    assert!(
        out.contains(&format!("… and {} more failing case(s)", N - 50)),
        "{out}"
    );
    assert!(out.ends_with(&format!("0 passed, {N} failed\n")), "{out}");
}

#[test]
fn schedule_and_check_meeting_with_thousands_of_members() {
    let freq = "\n[frequency]\nclause = \"7\"\nat_least = 4\nper = \"year\"\n";
    let dir = dir_with(&[("big.toml", big_tor(N, freq).as_bytes())]);
    let out = tor()
        .arg("--dir")
        .arg(dir.path())
        .args(["schedule", "big", "--year", "2027", "--format", "json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert!(json(&out).to_string().contains("2027-"), "no meetings");
    let everyone: Vec<String> = (0..N).map(|i| format!("member-{i:06}")).collect();
    tor()
        .arg("--dir")
        .arg(dir.path())
        .args(["check-meeting", "big", "--at", "2027-01-07T14:00"])
        .arg("--attendees")
        .arg(everyone.join(","))
        .assert()
        .success();
}

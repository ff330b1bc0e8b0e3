//! `tor validate` on member dates: a member that `succeeds` another must take
//! the seat over without overlapping (an error) or leaving days empty (a
//! warning, since a seat can really stand empty); every amendment's version
//! names only members in post on its date.

use crate::common::{dir_with, json, tor};

/// A ToR whose `police-authority` (with `until`) is succeeded by `commissioner`
/// (with `from`).
fn tor_with(until: &str, from: &str) -> String {
    format!(
        r#"id = "test-group"
name = "Test Group"

[[classes]]
id = "responsible-authority"
name = "Responsible authority"

[[members]]
id = "council"
name = "The Council"
class = "responsible-authority"

[[members]]
id = "police-authority"
name = "The Police Authority"
class = "responsible-authority"
{until}

[[members]]
id = "commissioner"
name = "The Police and Crime Commissioner"
class = "responsible-authority"
succeeds = "police-authority"
{from}

[quorum]
clause = "5"
at_least = 2
class = "responsible-authority"
"#
    )
}

/// One diagnostic as (code, severity, line, column, message).
type Diag = (String, String, u64, u64, String);

/// The file's diagnostics and the exit code.
fn diagnostics(body: &str) -> (Vec<Diag>, i32) {
    let dir = dir_with(&[("test-group.toml", body.as_bytes())]);
    let out = tor()
        .args(["validate", "--as-of", "2012-06-01", "--format", "json"])
        .arg(dir.path().join("test-group.toml"))
        .output()
        .expect("runs");
    let report = json(&out.stdout);
    let list = report["files"][0]["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap_or_default().to_owned(),
                d["severity"].as_str().unwrap_or_default().to_owned(),
                d["line"].as_u64().unwrap_or_default(),
                d["column"].as_u64().unwrap_or_default(),
                d["message"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect();
    (list, out.status.code().expect("exit code"))
}

#[test]
fn a_clean_handover_is_valid() {
    let (list, code) = diagnostics(&tor_with("until = 2012-11-21", "from = 2012-11-22"));
    assert_eq!(code, 0, "{list:?}");
    assert!(!list.iter().any(|d| d.0.starts_with("member-")), "{list:?}");
}

#[test]
fn an_overlap_is_an_error_at_the_successors_from() {
    let (list, code) = diagnostics(&tor_with("until = 2012-11-30", "from = 2012-11-22"));
    assert_eq!(code, 1, "{list:?}");
    let d = list
        .iter()
        .find(|d| d.0 == "member-overlap")
        .expect("member-overlap");
    assert_eq!(d.1, "error");
    assert_eq!((d.2, d.3), (24, 8), "{d:?}");
    assert!(
        d.4.contains("both hold the seat from 2012-11-22 to 2012-11-30"),
        "{d:?}"
    );
}

#[test]
fn a_predecessor_without_until_overlaps_for_good() {
    let (list, code) = diagnostics(&tor_with("", "from = 2012-11-22"));
    assert_eq!(code, 1, "{list:?}");
    let d = list
        .iter()
        .find(|d| d.0 == "member-overlap")
        .expect("member-overlap");
    assert_eq!((d.2, d.3), (23, 12), "{d:?}");
    assert!(d.4.contains("`police-authority` has no `until`"), "{d:?}");
}

#[test]
fn a_gap_is_a_warning_naming_the_empty_days() {
    let (list, code) = diagnostics(&tor_with("until = 2012-11-21", "from = 2012-11-25"));
    assert_eq!(code, 0, "a gap alone is only a warning: {list:?}");
    let d = list
        .iter()
        .find(|d| d.0 == "member-gap")
        .expect("member-gap");
    assert_eq!(d.1, "warning");
    assert_eq!((d.2, d.3), (24, 8), "{d:?}");
    assert!(
        d.4.contains("3 days after") && d.4.contains("from 2012-11-22 to 2012-11-24"),
        "{d:?}"
    );
}

#[test]
fn one_missing_day_is_named() {
    let (list, _) = diagnostics(&tor_with("until = 2012-11-21", "from = 2012-11-23"));
    let d = list
        .iter()
        .find(|d| d.0 == "member-gap")
        .expect("member-gap");
    assert!(
        d.4.contains("1 day after") && d.4.contains("on 2012-11-22"),
        "{d:?}"
    );
}

#[test]
fn succeeding_an_unknown_or_itself_is_refused() {
    let unknown = tor_with("until = 2012-11-21", "from = 2012-11-22").replace(
        r#"succeeds = "police-authority""#,
        r#"succeeds = "police-authorty""#,
    );
    let (list, code) = diagnostics(&unknown);
    assert_eq!(code, 1);
    let d = list
        .iter()
        .find(|d| d.0 == "unknown-member")
        .expect("unknown-member");
    assert_eq!((d.2, d.3), (23, 12), "{d:?}");

    let itself = tor_with("until = 2012-11-21", "from = 2012-11-22").replace(
        r#"succeeds = "police-authority""#,
        r#"succeeds = "commissioner""#,
    );
    let (list, code) = diagnostics(&itself);
    assert_eq!(code, 1);
    assert!(
        list.iter()
            .any(|d| d.0 == "invalid-value" && d.4.contains("cannot succeed itself")),
        "{list:?}"
    );
}

#[test]
fn inverted_member_dates_are_still_refused() {
    let (list, code) = diagnostics(&tor_with(
        "from = 2012-11-21\nuntil = 2012-01-01",
        "from = 2012-11-22",
    ));
    assert_eq!(code, 1);
    assert!(list.iter().any(|d| d.0 == "inverted-dates"), "{list:?}");
}

#[test]
fn a_version_naming_a_member_that_has_left_is_an_error_naming_its_date() {
    // As adopted the quorum may require the police authority (it is a member
    // then); the version from 2013 may not, because it left in 2012.
    let body = tor_with("until = 2012-11-21", "from = 2012-11-22")
        + "\n[[amendments]]\nfrom = 2013-01-01\nclause = \"5\"\n\
           [amendments.quorum]\nclause = \"5\"\nat_least = 2\n\
           [[amendments.quorum.all]]\nmembers = [\"police-authority\"]\n";
    let (list, code) = diagnostics(&body);
    assert_eq!(code, 1, "{list:?}");
    let d = list
        .iter()
        .find(|d| d.0 == "not-in-force")
        .expect("not-in-force");
    assert!(
        d.4.contains("from 2013-01-01 the quorum names `police-authority`")
            && d.4.contains("2012-11-21"),
        "{d:?}"
    );
    assert_eq!(d.2, 32, "at the amendment's `from`: {d:?}");

    let fixed = body.replace(
        r#"members = ["police-authority"]"#,
        r#"members = ["commissioner"]"#,
    );
    let (list, code) = diagnostics(&fixed);
    assert_eq!(code, 0, "{list:?}");
}

#[test]
fn a_vice_chair_who_has_left_breaks_a_later_version() {
    let body = tor_with("until = 2012-11-21", "from = 2012-11-22")
        + "\n[[amendments]]\nfrom = 2013-01-01\nclause = \"5\"\n\
           [amendments.chair]\nclause = \"5\"\nappointment = \"named\"\n\
           member = \"council\"\nvice_chair = \"police-authority\"\n";
    let (list, code) = diagnostics(&body);
    assert_eq!(code, 1, "{list:?}");
    assert!(
        list.iter().any(|d| d.0 == "not-in-force"
            && d.4
                .contains("from 2013-01-01 the vice-chair is provided by `police-authority`")),
        "{list:?}"
    );
}

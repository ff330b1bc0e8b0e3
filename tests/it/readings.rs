//! The bundled partnerships' readings that time exposes (issue 13 item 6):
//! memberships the law ended, the yearly public meeting, the review, and the
//! standing items in the seeds' own wording.

use crate::common::{dir_with, finding, run_json};

#[test]
fn a_police_authority_named_after_its_abolition_is_explained_by_the_statute() {
    let r = run_json(
        None,
        "check-meeting",
        &[
            "richmond-strategy-group",
            "--at",
            "2012-02-09T18:00",
            "--attendees",
            "community-police-partnership,metropolitan-police-authority",
        ],
        1,
    );
    let f = finding(&r, "membership");
    assert_eq!(f["status"], "fail");
    let message = f["message"].as_str().expect("a message");
    assert!(
        message.starts_with("Metropolitan Police Authority (metropolitan-police-authority")
            && message.contains("ceased to be a member on 2012-01-15")
            && message.contains("abolished on 2012-01-16"),
        "{message}"
    );
}

#[test]
fn the_day_before_the_abolition_the_authority_is_still_a_member() {
    let r = run_json(
        None,
        "check-meeting",
        &[
            "richmond-strategy-group",
            "--at",
            "2012-01-12T18:00",
            "--attendees",
            "community-police-partnership,metropolitan-police-authority",
        ],
        0,
    );
    assert_eq!(finding(&r, "membership")["status"], "pass");
}

#[test]
fn a_police_authority_vote_after_its_abolition_names_the_act_in_tally() {
    let r = run_json(
        None,
        "tally",
        &[
            "sefton-scp",
            "--at",
            "2013-01-10",
            "--for",
            "local-authority,police-force,fire-rescue,police-authority",
        ],
        1,
    );
    let f = finding(&r, "eligibility");
    assert_eq!(f["status"], "fail");
    let message = f["message"].as_str().expect("a message");
    assert!(
        message.starts_with(
            "Merseyside Police Authority (police-authority, a police authority) ceased to be a \
             member on 2012-11-21: police authorities were abolished on 2012-11-22 (Police Reform \
             and Social Responsibility Act 2011"
        ),
        "{message}"
    );
    assert!(message.ends_with("; its vote is left out"), "{message}");
}

#[test]
fn a_membership_ended_on_another_day_keeps_its_plain_dates() {
    // The Business Group's Safer Communities Unit ended for its own reasons:
    // no statute explains it.
    let r = run_json(
        None,
        "check-meeting",
        &[
            "oxfordshire-business-group",
            "--at",
            "2016-05-12T14:00",
            "--attendees",
            "oxfordshire-county-council,safer-communities-unit",
        ],
        1,
    );
    assert_eq!(
        finding(&r, "membership")["message"],
        "safer-communities-unit was not a member on 2016-05-12: its membership ended on 2016-05-11"
    );
}

/// `tor audit ID --year YEAR --record <file>` with `record` as the file.
fn audit(id: &str, year: &str, record: &str, code: i32) -> serde_json::Value {
    let dir = dir_with(&[("record.toml", record.as_bytes())]);
    let path = dir.path().join("record.toml");
    let path = path.to_str().expect("a UTF-8 path");
    run_json(None, "audit", &[id, "--year", year, "--record", path], code)
}

const RICHMOND_2009: &str = r#"
[[meeting]]
date = 2009-05-14
present = ["community-police-partnership", "richmond-council"]
items = ["Election of chair"]

[[meeting]]
date = 2009-07-09
public = true
present = ["community-police-partnership", "richmond-council"]
"#;

#[test]
fn audit_counts_richmond_public_meeting_only_when_joint_with_the_cpp() {
    let r = audit("richmond-strategy-group", "2009", RICHMOND_2009, 1);
    let f = finding(&r, "public-meeting");
    assert_eq!(f["status"], "fail");
    let m = f["message"].as_str().expect("a message");
    assert!(
        m.contains(
            "not counted: 2009-07-09 (not held jointly with the Community Police Partnership)"
        ),
        "{m}"
    );
    let joint = RICHMOND_2009.replace(
        "public = true",
        "public = true\njoint_with = [\"community-police-partnership\"]",
    );
    let r = audit("richmond-strategy-group", "2009", &joint, 1);
    let f = finding(&r, "public-meeting");
    assert_eq!(f["status"], "pass", "{f}");
    assert!(
        f["message"]
            .as_str()
            .expect("a message")
            .contains("held jointly with the Community Police Partnership"),
        "{f}"
    );
}

#[test]
fn check_meeting_history_and_audit_agree_on_sefton_public_meeting() {
    let record = r#"
[[meeting]]
at = 2012-06-07T18:30:00
public = true
present = ["local-authority", "police-force", "probation"]
"#;
    let a = audit("sefton-scp", "2012", record, 1);
    let f = finding(&a, "public-meeting");
    assert_eq!(f["status"], "fail");
    assert!(
        f["message"]
            .as_str()
            .expect("a message")
            .contains("2012-06-07 (police-authority, public-health and fire-rescue absent)"),
        "{f}"
    );
    let dir = dir_with(&[("record.toml", record.as_bytes())]);
    let path = dir.path().join("record.toml");
    let c = run_json(
        None,
        "check-meeting",
        &[
            "sefton-scp",
            "--at",
            "2012-09-13T14:00",
            "--attendees",
            "local-authority,police-force,probation",
            "--record",
            path.to_str().expect("a UTF-8 path"),
        ],
        0,
    );
    let f = finding(&c, "public-meeting");
    assert_eq!(f["status"], "warn");
    assert!(
        f["message"].as_str().expect("a message").ends_with(
            "; not counted: 2012-06-07 (police-authority, public-health and fire-rescue absent)"
        ),
        "{f}"
    );
}

#[test]
fn check_meeting_names_the_joint_body_a_public_meeting_lacks() {
    let args = [
        "richmond-strategy-group",
        "--at",
        "2009-07-09T18:30",
        "--public",
        "--attendees",
        "community-police-partnership,richmond-council",
    ];
    let r = run_json(None, "check-meeting", &args, 1);
    let f = finding(&r, "public-meeting");
    assert_eq!(f["status"], "fail");
    assert!(
        f["message"]
            .as_str()
            .expect("a message")
            .starts_with("a public meeting not held jointly with the Community Police Partnership"),
        "{f}"
    );
    for body in [
        "Community  police partnership",
        "community-police-partnership",
    ] {
        let joint = [&args[..], &["--joint-with", body]].concat();
        let r = run_json(None, "check-meeting", &joint, 0);
        assert_eq!(finding(&r, "public-meeting")["status"], "pass", "{body}");
    }
}

const SEFTON_REVIEW: &str = r#"
[[meeting]]
date = 2013-03-14
present = ["local-authority", "police-force", "probation"]
items = ["Review of the terms of reference"]
"#;

#[test]
fn a_review_before_the_review_date_meets_it_and_the_next_falls_a_year_on() {
    let r = audit("sefton-scp", "2013", SEFTON_REVIEW, 1);
    let f = finding(&r, "review");
    assert_eq!(f["status"], "pass", "{f}");
    assert_eq!(
        f["message"],
        "reviewed on 2013-03-14 (due by 2013-04-30); the next review is due by 2014-03-14, \
         after 2013 ends"
    );
    // The next year has no review recorded by 2014-03-14.
    let r = audit("sefton-scp", "2014", SEFTON_REVIEW, 1);
    let f = finding(&r, "review");
    assert_eq!(f["status"], "fail", "{f}");
    assert!(
        f["message"].as_str().expect("a message").starts_with(
            "the review was due by 2014-03-14, a year after the last review, on 2013-03-14"
        ),
        "{f}"
    );
}

#[test]
fn without_a_review_by_the_date_the_review_is_overdue() {
    let late = SEFTON_REVIEW.replace("2013-03-14", "2013-05-02");
    let r = audit("sefton-scp", "2013", &late, 1);
    let f = finding(&r, "review");
    assert_eq!(f["status"], "fail", "{f}");
    assert!(
        f["message"]
            .as_str()
            .expect("a message")
            .starts_with("the review was due by 2013-04-30"),
        "{f}"
    );
}

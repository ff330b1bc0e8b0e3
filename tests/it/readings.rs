//! The bundled partnerships' readings that time exposes (issue 13 item 6):
//! memberships the law ended, the yearly public meeting, the review, and the
//! standing items in the seeds' own wording.

use crate::common::{finding, run_json};

#[test]
fn a_primary_care_trust_named_after_the_abolition_is_explained_by_the_statute() {
    let r = run_json(
        None,
        "check-meeting",
        &[
            "richmond-strategy-group",
            "--at",
            "2013-06-13T18:00",
            "--attendees",
            "community-police-partnership,primary-care-trust",
        ],
        1,
    );
    let f = finding(&r, "membership");
    assert_eq!(f["status"], "fail");
    assert_eq!(
        f["message"],
        "Richmond and Twickenham Primary Care Trust (primary-care-trust, a primary care \
         trust) ceased to be a member on 2013-03-31: primary care trusts were abolished on 2013-04-01 (Health and \
         Social Care Act 2012, s. 34, in force 1 April 2013)"
    );
}

#[test]
fn the_day_before_the_abolition_the_trust_is_still_a_member() {
    let r = run_json(
        None,
        "check-meeting",
        &[
            "richmond-strategy-group",
            "--at",
            "2013-03-28T18:00",
            "--attendees",
            "community-police-partnership,primary-care-trust",
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

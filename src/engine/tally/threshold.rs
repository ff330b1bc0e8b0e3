//! Thresholds in words. The three majorities a ToR could state before thresholds
//! were general keep their old wording, so the bundled ToRs read as before.

use chrono::NaiveDate;

use crate::model::{Base, Comparison, Fraction, Threshold};

fn is(t: &Threshold, base: &Base, fraction: Fraction, comparison: Comparison) -> bool {
    &t.base == base && t.fraction == fraction && t.comparison == comparison
}

fn two_thirds_of_votes(t: &Threshold) -> bool {
    is(
        t,
        &Base::VotesCast,
        Fraction::TWO_THIRDS,
        Comparison::AtLeast,
    )
}

fn half_of_present(t: &Threshold) -> bool {
    is(t, &Base::Present, Fraction::HALF, Comparison::MoreThan)
}

fn half_of_present_and_voting(t: &Threshold) -> bool {
    is(
        t,
        &Base::PresentAndVoting,
        Fraction::HALF,
        Comparison::MoreThan,
    )
}

/// The method's name in the report: "majority", "two-thirds majority", or the
/// threshold spelled out.
pub(super) fn threshold_name(t: &Threshold) -> String {
    if *t == Threshold::SIMPLE {
        "majority".to_owned()
    } else if two_thirds_of_votes(t) {
        "two-thirds majority".to_owned()
    } else if half_of_present(t) {
        "majority of members present".to_owned()
    } else if half_of_present_and_voting(t) {
        "majority of members present and voting".to_owned()
    } else {
        format!(
            "majority of {} {} of the {}",
            comparison_words(t.comparison),
            t.fraction.words(),
            base_name(&t.base)
        )
    }
}

fn comparison_words(c: Comparison) -> &'static str {
    match c {
        Comparison::MoreThan => "more than",
        Comparison::AtLeast => "at least",
    }
}

fn base_name(base: &Base) -> String {
    match base {
        Base::VotesCast => "votes cast".to_owned(),
        Base::Present => "members present".to_owned(),
        Base::PresentAndVoting => "members present and voting".to_owned(),
        Base::Membership => "membership".to_owned(),
        Base::Class(c) => format!("class `{c}`"),
    }
}

/// What the base counted, for the working.
pub(super) fn base_words(base: &Base, date: NaiveDate) -> String {
    match base {
        Base::VotesCast => {
            "the votes cast (for and against; abstentions are not counted)".to_owned()
        }
        Base::Present => "the voting members present".to_owned(),
        Base::PresentAndVoting => {
            "the members present and voting (for or against; abstentions are not counted)"
                .to_owned()
        }
        Base::Membership => format!("the voting members in post on {date}, present or not"),
        Base::Class(c) => format!("the voting members of class `{c}` in post on {date}"),
    }
}

/// What carrying needs, for the decision finding.
pub(super) fn threshold_needs(
    t: &Threshold,
    total: u64,
    need: Option<u64>,
    date: NaiveDate,
) -> String {
    if *t == Threshold::SIMPLE {
        return "a simple majority of votes cast needs more for than against".to_owned();
    }
    if two_thirds_of_votes(t) {
        return "a two-thirds majority needs at least two thirds of the votes cast for".to_owned();
    }
    if half_of_present(t) {
        return format!(
            "a majority of members present needs more than half of the {total} voting members present for"
        );
    }
    if half_of_present_and_voting(t) {
        return "a majority of members present and voting needs more for than against".to_owned();
    }
    let of = match &t.base {
        Base::VotesCast => format!("the {total} votes cast"),
        Base::Present => format!("the {total} voting members present"),
        Base::PresentAndVoting => format!("the {total} members present and voting"),
        Base::Membership => format!("the {total} voting members in post on {date}"),
        Base::Class(c) => format!("the {total} voting members of class `{c}` in post"),
    };
    match need {
        Some(need) => format!(
            "{} {} of {of} = {need} for needed",
            comparison_words(t.comparison),
            t.fraction.words()
        ),
        None => format!(
            "{} {} of {of} can never be reached",
            comparison_words(t.comparison),
            t.fraction.words()
        ),
    }
}

//! Agenda items: the one way tor tells whether two items (or two body names)
//! are the same, and which items record the chair's election or a ToR review.
//! `check-meeting`, `audit`, `schedule` and `tor test` all match through it.
//! Also a meeting's timed agenda as checked ([`AgendaItem`], [`Movement`]),
//! shared by proposed and held meetings.

use chrono::DateTime;
use chrono_tz::Tz;

use crate::model::MemberId;

/// The item `schedule` puts on the agenda where the chair is to be elected.
pub const ELECTION_ITEM: &str = "Election of chair";
/// The item `schedule` puts on the agenda where the ToR is to be reviewed.
pub const REVIEW_ITEM: &str = "Review of the terms of reference";

/// An item's key: items match ignoring case and runs of spaces.
pub fn item_key(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The two items (or names) are the same, ignoring case and runs of spaces.
pub fn same_item(a: &str, b: &str) -> bool {
    item_key(a) == item_key(b)
}

/// The keys an agenda item answers to as a standing item: its own, and its
/// heading's where a qualifying tail follows a comma, colon, semicolon,
/// bracket or spaced dash. Minutes give Sefton's fifth standing item both as
/// "Opportunities and Challenges facing each Responsible Authority" and in the
/// seed's full wording, "…, to include resource scanning": both are that item.
pub fn standing_keys(s: &str) -> Vec<String> {
    let key = item_key(s);
    let cut = [",", ":", ";", "(", " - ", " \u{2013} ", " \u{2014} "]
        .iter()
        .filter_map(|sep| key.find(sep))
        .min();
    let heading = cut
        .map(|at| key[..at].trim().to_owned())
        .filter(|h| !h.is_empty());
    let mut keys = vec![key];
    keys.extend(heading);
    keys
}

/// Whether an agenda item takes a standing item: they share a key of
/// [`standing_keys`] (the whole item or its heading).
pub fn takes_standing_item(agenda: &str, standing: &str) -> bool {
    let agenda = standing_keys(agenda);
    standing_keys(standing).iter().any(|k| agenda.contains(k))
}

/// An agenda item recording the chair's election: it mentions both "elect"
/// and "chair", as "Election of chair" and "Elect the Chair" do.
pub fn is_election(item: &str) -> bool {
    let s = item_key(item);
    s.contains("elect") && s.contains("chair")
}

/// An agenda item recording a review of the terms of reference: it mentions
/// "review" and "terms of reference" (or the word "ToR").
pub fn is_review(item: &str) -> bool {
    let s = item_key(item);
    s.contains("review") && (s.contains("terms of reference") || s.split(' ').any(|w| w == "tor"))
}

/// An agenda item with the time it is taken and who has a conflict on it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgendaItem {
    pub title: String,
    /// When the item is taken: as given, else the previous item's time (the
    /// first item's: the meeting's start).
    pub at: DateTime<Tz>,
    /// Members with a conflict on this item: they leave for it and count for
    /// none of its rules.
    pub conflicts: Vec<MemberId>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MovementKind {
    Arrives,
    Leaves,
}

/// A member arriving after the start or leaving before the end.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Movement {
    pub member: MemberId,
    pub at: DateTime<Tz>,
    pub kind: MovementKind,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_match_ignoring_case_and_runs_of_spaces() {
        assert!(same_item("Hate  crime", " hate CRIME"));
        assert!(!same_item("Hate crime", "Hate crimes"));
    }

    #[test]
    fn a_standing_item_is_taken_under_its_heading_with_a_qualifying_tail() {
        let short = "Opportunities and Challenges facing each Responsible Authority";
        let full = "Opportunities and Challenges facing each Responsible Authority, to include resource scanning";
        assert!(takes_standing_item(full, short));
        assert!(takes_standing_item(short, full));
        assert!(takes_standing_item("Prevent: quarterly update", "Prevent"));
        assert!(takes_standing_item(
            "Hate Crime \u{2013} annual report",
            "hate crime"
        ));
        assert!(!takes_standing_item("Hate Crimes", "Hate Crime"));
        assert!(!takes_standing_item("Preventing harm", "Prevent"));
        assert!(!takes_standing_item(", tail only", "tail only"));
    }

    #[test]
    fn election_and_review_items() {
        assert!(is_election(ELECTION_ITEM));
        assert!(is_election("Elect the Chair and Vice-Chair"));
        assert!(!is_election("Chair's report"));
        assert!(is_review(REVIEW_ITEM));
        assert!(is_review("ToR review"));
        assert!(!is_review("Performance review"));
    }
}

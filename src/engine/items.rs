//! Agenda items: the one way tor tells whether two items (or two body names)
//! are the same, and which items record the chair's election or a ToR review.
//! `check-meeting`, `audit`, `schedule` and `tor test` all match through it.

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_match_ignoring_case_and_runs_of_spaces() {
        assert!(same_item("Hate  crime", " hate CRIME"));
        assert!(!same_item("Hate crime", "Hate crimes"));
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

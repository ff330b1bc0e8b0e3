//! When the ToR's review falls due, given the reviews the record shows: a
//! review recorded by the review date meets it, and where the ToR is reviewed
//! annually the next review falls a year after the one recorded (Sefton:
//! "reviewed annually with the next review date being April 2013").

use chrono::{Months, NaiveDate};

/// The review dates the record meets, and the one it has not met yet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ReviewChain {
    /// Each due date met, with the review that met it, oldest first.
    pub met: Vec<(NaiveDate, NaiveDate)>,
    /// The first due date no review meets; `None` when the ToR is not
    /// reviewed annually and its one date was met.
    pub due: Option<NaiveDate>,
}

/// Follows the due dates from `first`: a review on or before a due date (and,
/// for an annual review, after the year before it) meets it; the next falls
/// twelve months after the latest review that did. `reviews` need not be
/// sorted. n log n: each step moves past at least one review, by a binary search.
pub(crate) fn review_chain(first: NaiveDate, annually: bool, reviews: &[NaiveDate]) -> ReviewChain {
    let mut reviews = reviews.to_vec();
    reviews.sort_unstable();
    reviews.dedup();
    let year = Months::new(12);
    let mut met = Vec::new();
    let mut due = first;
    let mut from = 0;
    loop {
        let opens = if annually {
            due.checked_sub_months(year)
        } else {
            None
        };
        // The latest review not after the due date: the reviews are sorted.
        let end = from + reviews[from..].partition_point(|r| *r <= due);
        let latest = end
            .checked_sub(1)
            .filter(|&i| i >= from)
            .and_then(|i| reviews.get(i))
            .filter(|r| opens.is_none_or(|o| **r > o));
        let Some(&review) = latest else {
            return ReviewChain {
                met,
                due: Some(due),
            };
        };
        met.push((due, review));
        from = end;
        match review.checked_add_months(year).filter(|_| annually) {
            Some(next) => due = next,
            None => return ReviewChain { met, due: None },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("a real date")
    }

    #[test]
    fn a_review_before_the_date_meets_it_and_the_next_falls_a_year_on() {
        let chain = review_chain(d(2013, 4, 30), true, &[d(2013, 3, 14)]);
        assert_eq!(chain.met, vec![(d(2013, 4, 30), d(2013, 3, 14))]);
        assert_eq!(chain.due, Some(d(2014, 3, 14)));
    }

    #[test]
    fn without_a_review_the_first_date_stays_due() {
        let chain = review_chain(d(2013, 4, 30), true, &[d(2013, 5, 2)]);
        assert!(chain.met.is_empty());
        assert_eq!(chain.due, Some(d(2013, 4, 30)));
    }

    #[test]
    fn an_annual_review_more_than_a_year_early_does_not_meet_the_date() {
        let chain = review_chain(d(2013, 4, 30), true, &[d(2012, 3, 1)]);
        assert!(chain.met.is_empty());
    }

    #[test]
    fn yearly_reviews_follow_each_other() {
        let reviews = [d(2014, 2, 1), d(2013, 3, 14), d(2013, 4, 1)];
        let chain = review_chain(d(2013, 4, 30), true, &reviews);
        assert_eq!(
            chain.met,
            vec![
                (d(2013, 4, 30), d(2013, 4, 1)),
                (d(2014, 4, 1), d(2014, 2, 1))
            ]
        );
        assert_eq!(chain.due, Some(d(2015, 2, 1)));
    }

    #[test]
    fn a_single_review_date_met_leaves_nothing_due() {
        let chain = review_chain(d(2013, 4, 30), false, &[d(2010, 1, 1)]);
        assert_eq!(chain.met, vec![(d(2013, 4, 30), d(2010, 1, 1))]);
        assert_eq!(chain.due, None);
    }
}

//! The one cancellation kernel: whether the ToR accepts a cancelled meeting in
//! place of a held one, and the "every N months" chain a cancellation restarts.
//! `check-meeting`'s history rules and `audit` both judge through it.

use chrono::NaiveDate;

use super::Message;
use super::period::add_months;
use super::record::CancelledMeeting;
use crate::model::Frequency;
use crate::msg;

/// A cancellation the ToR's cancellation rule accepts in place of a meeting:
/// the ToR provides for cancelling, and members were consulted where it says so.
pub(crate) fn excused(f: &Frequency, c: &CancelledMeeting) -> bool {
    f.cancellation
        .as_ref()
        .is_some_and(|rule| c.consulted || !rule.consult_members)
}

/// Where an "every N months" clock stands after the cancellations it went through.
#[derive(Debug)]
pub(crate) struct Chain<'a> {
    /// The day the next meeting was due by.
    pub due: NaiveDate,
    /// The cancellations that restarted the clock, in the order they did.
    pub used: Vec<&'a CancelledMeeting>,
}

/// The "every `months` months" clock from the meeting of `prev` up to `until`:
/// while `until` is after the day a meeting is due, a cancellation that `counts`
/// and falls after the clock's last restart, on or before that day, restarts it
/// from its own day. Each restart moves to a later cancellation, so the walk
/// takes at most one step per cancellation.
pub(crate) fn chain(
    prev: NaiveDate,
    months: u32,
    until: NaiveDate,
    cancelled: &[CancelledMeeting],
    counts: impl Fn(&CancelledMeeting) -> bool,
) -> Chain<'_> {
    let (mut anchor, mut due) = (prev, add_months(prev, months));
    let mut used = Vec::new();
    while until > due {
        let next = cancelled
            .iter()
            .find(|c| anchor < c.date && c.date <= due && counts(c));
        let Some(c) = next else { break };
        used.push(c);
        anchor = c.date;
        due = add_months(c.date, months);
    }
    Chain { due, used }
}

/// Why the cancelled meetings `days` do not count, for messages:
/// "; the meeting(s) of … were cancelled, but the ToR provides no cancellation",
/// or "… without consulting members first", naming the cancellation clause where
/// `with_clause`. Empty when `days` is.
pub(crate) fn unexcused_note(f: &Frequency, days: Vec<Message>, with_clause: bool) -> Message {
    if days.is_empty() {
        return Message::default();
    }
    match &f.cancellation {
        None => msg![
            "; the meeting(s) of ",
            Message::and_list(days),
            " were cancelled, but the ToR provides no cancellation"
        ],
        Some(rule) if with_clause => msg![
            "; the meeting(s) of ",
            Message::and_list(days),
            format!(
                " were cancelled without consulting members first ({})",
                rule.clause
            )
        ],
        Some(_) => msg![
            "; the meeting(s) of ",
            Message::and_list(days),
            " were cancelled without consulting members first"
        ],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("real date")
    }

    fn cancelled(date: NaiveDate) -> CancelledMeeting {
        CancelledMeeting {
            date,
            consulted: true,
            note: None,
        }
    }

    #[test]
    fn a_cancellation_restarts_the_clock_from_its_day() {
        let c = [cancelled(ymd(2025, 3, 20))];
        let ch = chain(ymd(2025, 1, 10), 3, ymd(2025, 6, 1), &c, |_| true);
        assert_eq!(ch.due, ymd(2025, 6, 20));
        assert_eq!(ch.used.len(), 1);
    }

    #[test]
    fn a_cancellation_after_the_due_day_does_not_help() {
        let c = [cancelled(ymd(2025, 4, 20))];
        let ch = chain(ymd(2025, 1, 10), 3, ymd(2025, 6, 1), &c, |_| true);
        assert_eq!(ch.due, ymd(2025, 4, 10));
        assert!(ch.used.is_empty());
    }

    #[test]
    fn a_cancellation_that_does_not_count_is_passed_over() {
        let c = [cancelled(ymd(2025, 3, 20))];
        let ch = chain(ymd(2025, 1, 10), 3, ymd(2025, 6, 1), &c, |_| false);
        assert_eq!(ch.due, ymd(2025, 4, 10));
        assert!(ch.used.is_empty());
    }
}

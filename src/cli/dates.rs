//! Dates as people read them in human output: "Thu 6 Dec 2012", "Thu 6 Dec 2012
//! 14:00". JSON, iCalendar fields and messages from the library stay ISO 8601.

use chrono::offset::LocalResult;
use chrono::{DateTime, NaiveDate, TimeZone, Timelike};
use chrono_tz::Tz;
use tor::calendar::DateOrTime;
use tor::engine::Message;
use tor::engine::deadlines::When;

/// "Thu 6 Dec 2012".
pub(super) fn day(d: NaiveDate) -> String {
    d.format("%a %-d %b %Y").to_string()
}

/// "Thu 6 Dec 2012 14:00" in the time's own zone (the partnership's); seconds
/// only when not zero. A time the autumn change repeats carries its zone
/// abbreviation ("01:30 BST"), since the clock time alone names two moments.
pub(super) fn instant(t: DateTime<Tz>) -> String {
    let clock = if t.second() == 0 { "%H:%M" } else { "%H:%M:%S" };
    let mut out = t.format(&format!("%a %-d %b %Y {clock}")).to_string();
    if let LocalResult::Ambiguous(..) = t.timezone().from_local_datetime(&t.naive_local()) {
        out.push_str(&t.format(" %Z").to_string());
    }
    out
}

/// A deadline: a day, or a moment.
pub(super) fn when(w: When) -> String {
    match w.0 {
        DateOrTime::Date(d) => day(d),
        DateOrTime::Instant(t) => instant(t),
    }
}

/// A finding's message with its days and moments written as above.
pub(super) fn message(m: &Message) -> String {
    m.render(day, instant)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono_tz::Europe::London;

    #[test]
    fn readable_forms() {
        let d = NaiveDate::from_ymd_opt(2012, 12, 6).expect("real date");
        assert_eq!(day(d), "Thu 6 Dec 2012");
        let t = London
            .with_ymd_and_hms(2012, 12, 6, 14, 0, 0)
            .single()
            .expect("one moment");
        assert_eq!(instant(t), "Thu 6 Dec 2012 14:00");
        let t = London
            .with_ymd_and_hms(2026, 10, 25, 1, 30, 0)
            .earliest()
            .expect("a moment");
        assert_eq!(instant(t), "Sun 25 Oct 2026 01:30 BST");
        let t = London
            .with_ymd_and_hms(2012, 12, 6, 14, 0, 5)
            .single()
            .expect("one moment");
        assert_eq!(instant(t), "Thu 6 Dec 2012 14:00:05");
    }
}

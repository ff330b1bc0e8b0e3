//! A message for people, with its dates kept as dates: JSON and `Display` give
//! them in ISO 8601 (as SPEC §6 fixes the `message` text), and a human renderer
//! may write each date its own way without ever reading the text.

use std::fmt;

use chrono::{DateTime, NaiveDate};
use chrono_tz::Tz;
use serde::{Serialize, Serializer};

use super::deadlines::{When, format_instant};
use crate::calendar::DateOrTime;

/// One piece of a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Part {
    Text(String),
    Date(NaiveDate),
    Instant(DateTime<Tz>),
}

impl From<&str> for Part {
    fn from(s: &str) -> Self {
        Self::Text(s.to_owned())
    }
}

impl From<String> for Part {
    fn from(s: String) -> Self {
        Self::Text(s)
    }
}

impl From<NaiveDate> for Part {
    fn from(d: NaiveDate) -> Self {
        Self::Date(d)
    }
}

impl From<DateTime<Tz>> for Part {
    fn from(t: DateTime<Tz>) -> Self {
        Self::Instant(t)
    }
}

impl From<DateOrTime> for Part {
    fn from(d: DateOrTime) -> Self {
        match d {
            DateOrTime::Date(d) => Self::Date(d),
            DateOrTime::Instant(t) => Self::Instant(t),
        }
    }
}

impl From<When> for Part {
    fn from(w: When) -> Self {
        w.0.into()
    }
}

/// A finding's message: text with dates in it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Message(Vec<Part>);

/// A message of text and dates: `msg!["due by ", date, " (5 working days before)"]`.
/// Each piece is anything a [`Part`] is made from.
#[macro_export]
macro_rules! msg {
    ($($part:expr),* $(,)?) => {
        $crate::engine::Message::default()$(.then($part))*
    };
}

impl Message {
    /// This message followed by `part` (text, a date, a moment, a deadline or
    /// another message).
    #[must_use]
    pub fn then(mut self, part: impl Into<Message>) -> Self {
        for p in part.into().0 {
            match (self.0.last_mut(), p) {
                (Some(Part::Text(a)), Part::Text(b)) => a.push_str(&b),
                (_, p) => self.0.push(p),
            }
        }
        self
    }

    /// The messages with `sep` between them.
    pub fn join(items: impl IntoIterator<Item = Message>, sep: &str) -> Self {
        let mut out = Self::default();
        for (i, m) in items.into_iter().enumerate() {
            if i > 0 {
                out = out.then(sep);
            }
            out = out.then(m);
        }
        out
    }

    /// "a", "a and b", "a, b and c", as `words::and_list` says it.
    pub fn and_list(items: Vec<Message>) -> Self {
        match items.len() {
            0 => "none".into(),
            n => {
                let mut items = items.into_iter();
                let init = Self::join(items.by_ref().take(n - 1), ", ");
                match items.next() {
                    Some(last) if n > 1 => init.then(" and ").then(last),
                    Some(last) => last,
                    None => init,
                }
            }
        }
    }

    pub fn parts(&self) -> &[Part] {
        &self.0
    }

    /// The text with each day written by `date` and each moment by `instant`.
    pub fn render(
        &self,
        date: impl Fn(NaiveDate) -> String,
        instant: impl Fn(DateTime<Tz>) -> String,
    ) -> String {
        let mut out = String::new();
        for p in &self.0 {
            match p {
                Part::Text(s) => out.push_str(s),
                Part::Date(d) => out.push_str(&date(*d)),
                Part::Instant(t) => out.push_str(&instant(*t)),
            }
        }
        out
    }

    /// The ISO 8601 text, as in JSON.
    pub fn iso(&self) -> String {
        self.render(|d| d.to_string(), format_instant)
    }

    pub fn is_empty(&self) -> bool {
        self.0
            .iter()
            .all(|p| matches!(p, Part::Text(s) if s.is_empty()))
    }
}

impl<T: Into<Part>> From<T> for Message {
    fn from(part: T) -> Self {
        Self(vec![part.into()])
    }
}

impl fmt::Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.iso())
    }
}

impl Serialize for Message {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl PartialEq<str> for Message {
    fn eq(&self, other: &str) -> bool {
        self.iso() == other
    }
}

impl PartialEq<&str> for Message {
    fn eq(&self, other: &&str) -> bool {
        self.iso() == *other
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use chrono_tz::Europe::London;

    #[test]
    fn iso_in_json_and_display_readable_when_rendered() {
        let d = NaiveDate::from_ymd_opt(2012, 11, 29).expect("real date");
        let t = London
            .with_ymd_and_hms(2026, 10, 23, 15, 0, 0)
            .single()
            .expect("one moment");
        let m = crate::msg!["due by ", d, " (", format!("{} days", 5), "), at ", t];
        assert_eq!(
            m.to_string(),
            "due by 2012-11-29 (5 days), at 2026-10-23T15:00+01:00"
        );
        assert_eq!(
            serde_json::to_string(&m).expect("serialises"),
            r#""due by 2012-11-29 (5 days), at 2026-10-23T15:00+01:00""#
        );
        assert_eq!(
            m.render(|d| d.format("%-d %b").to_string(), |_| "then".into()),
            "due by 29 Nov (5 days), at then"
        );
        assert_eq!(m.parts().len(), 4, "adjacent text is joined");
        assert_eq!(Message::from("plain"), "plain");
    }
}

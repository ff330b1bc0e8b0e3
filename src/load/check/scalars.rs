//! Scalar fields: ids, locations, bounded numbers, dates, regions, time zones, keywords.

use super::*;

impl Checker<'_> {
    pub(super) fn partnership_id(&mut self, raw: &S<String>) -> Option<PartnershipId> {
        let id = match PartnershipId::parse(raw.get_ref()) {
            Ok(id) => id,
            Err(e) => {
                self.error(Code::InvalidId, e.to_string(), raw.span());
                return None;
            }
        };
        if let Some(expected) = self.expected_id
            && expected != id.as_str()
        {
            self.error(
                Code::IdMismatch,
                format!("`id` is `{id}` but the file is named `{expected}.toml`"),
                raw.span(),
            )
            .help = Some(format!(
                "set `id = \"{expected}\"` or rename the file to `{id}.toml`"
            ));
        }
        Some(id)
    }

    /// The meeting place, trimmed: not empty, and at most
    /// [`bounds::LOCATION_CHARS`] characters.
    pub(super) fn location(&mut self, raw: &S<String>) -> Option<String> {
        let text = raw.get_ref().trim();
        let n = text.chars().count();
        if text.is_empty() {
            self.error(Code::EmptyValue, "`location` is empty", raw.span());
            return None;
        }
        if n > bounds::LOCATION_CHARS {
            self.error(
                Code::OutOfRange,
                format!(
                    "`location` is {n} characters long: at most {}",
                    bounds::LOCATION_CHARS
                ),
                raw.span(),
            );
            return None;
        }
        Some(text.to_owned())
    }

    /// `n` where it lies in `range`; otherwise an `out-of-range` error at it.
    pub(super) fn bounded(
        &mut self,
        key: &str,
        n: &S<u32>,
        range: &std::ops::RangeInclusive<u32>,
        unit: &str,
    ) -> Option<u32> {
        match bounds::outside(key, *n.get_ref(), range, unit) {
            None => Some(*n.get_ref()),
            Some(message) => {
                self.error(Code::OutOfRange, message, n.span());
                None
            }
        }
    }

    /// A TOML date with no time and no offset.
    pub(super) fn date(&mut self, raw: &S<TomlDate>) -> Option<NaiveDate> {
        let value = raw.get_ref();
        let (Some(d), None, None) = (value.date, value.time, value.offset) else {
            self.error(
                Code::InvalidDate,
                format!("`{value}` is not a plain date: write YYYY-MM-DD"),
                raw.span(),
            );
            return None;
        };
        let date = NaiveDate::from_ymd_opt(d.year.into(), d.month.into(), d.day.into());
        match date {
            None => {
                self.error(
                    Code::InvalidDate,
                    format!("{value} is not a date in the calendar"),
                    raw.span(),
                );
            }
            Some(day) if !bounds::YEARS.contains(&chrono::Datelike::year(&day)) => {
                self.error(
                    Code::OutOfRange,
                    format!(
                        "{value} is out of range: dates run from {} to {}",
                        bounds::YEARS.start(),
                        bounds::YEARS.end()
                    ),
                    raw.span(),
                );
                return None;
            }
            Some(_) => {}
        }
        date
    }

    pub(super) fn region(&mut self, raw: &S<String>) -> Option<Region> {
        let found = Region::from_str(raw.get_ref()).ok();
        if found.is_none() {
            let names: Vec<String> = Region::ALL.iter().map(ToString::to_string).collect();
            let d = Diagnostic::error(
                Code::UnknownRegion,
                format!("unknown region `{}`", raw.get_ref()),
            )
            .at(raw.span())
            .suggest(raw.get_ref(), names.iter().map(String::as_str));
            let d = if d.help.is_none() {
                d.help(format!("expected one of: {}", names.join(", ")))
            } else {
                d
            };
            self.diagnostics.push(d);
        }
        found
    }

    pub(super) fn timezone(&mut self, raw: &S<String>) -> Option<Tz> {
        // Only UK zones (and UTC) are built in: see .cargo/config.toml.
        let found = Tz::from_str(raw.get_ref()).ok();
        if found.is_none() {
            let d = Diagnostic::error(
                Code::UnknownTimezone,
                format!(
                    "unknown time zone `{}`: tor keeps UK time (Europe/London, or UTC)",
                    crate::text::excerpt(raw.get_ref()),
                ),
            )
            .at(raw.span())
            .suggest(
                raw.get_ref(),
                chrono_tz::TZ_VARIANTS.iter().map(|t| t.name()),
            );
            self.diagnostics.push(d);
        }
        found
    }

    /// Parses a keyword into one of `names`, reporting the nearest on failure.
    /// Parses a keyword enum, reporting the nearest keyword on failure.
    pub(super) fn keyword_of<T: Keyword>(&mut self, what: &str, raw: &S<String>) -> Option<T> {
        self.keyword(what, raw, T::NAMES).and_then(T::from_keyword)
    }

    pub(super) fn keyword<'n>(
        &mut self,
        what: &str,
        raw: &S<String>,
        names: &[&'n str],
    ) -> Option<&'n str> {
        let got = raw.get_ref().as_str();
        if let Some(found) = names.iter().find(|n| **n == got) {
            return Some(found);
        }
        let d = Diagnostic::error(Code::UnknownKeyword, format!("unknown {what} `{got}`"))
            .at(raw.span())
            .suggest(got, names.iter().copied());
        let d = if d.help.is_none() {
            d.help(format!("expected one of: {}", names.join(", ")))
        } else {
            d
        };
        self.diagnostics.push(d);
        None
    }
}

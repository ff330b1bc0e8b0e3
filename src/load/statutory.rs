//! The table of statutory body types: the bundled one (built into the binary and
//! parsed once) and a ToR's own `[[statutory_bodies]]`, which add types or give
//! a bundled type a local date.

use std::collections::HashMap;
use std::sync::OnceLock;

use chrono::NaiveDate;

use super::raw::{RawStatutoryBody, RawStatutoryTable};
use super::spanned::{S, TomlDate, plain_date};
use crate::diag::{Code, Diagnostic, nearest};
use crate::model::{BodyTypeId, StatutoryBody};

const BUNDLED: &str = include_str!("../../data/statutory-bodies.toml");

/// The bundled types, in the data file's order.
pub fn bundled() -> &'static [StatutoryBody] {
    static TABLE: OnceLock<Vec<StatutoryBody>> = OnceLock::new();
    TABLE.get_or_init(|| {
        // The data ships with the binary and a unit test checks every entry, so
        // a type that failed here would be a build defect; it is left out
        // rather than stopping the user's command.
        let Ok(raw) = super::structure::parse::<RawStatutoryTable>(BUNDLED) else {
            return Vec::new();
        };
        raw.statutory_bodies
            .iter()
            .filter_map(|r| check(r, &mut plain_date, &mut |_| {}))
            .collect()
    })
}

/// Checks one raw type; `date` reads (and reports) a date, `report` takes the
/// other problems.
pub fn check(
    raw: &RawStatutoryBody,
    date: &mut dyn FnMut(&S<TomlDate>) -> Option<NaiveDate>,
    report: &mut dyn FnMut(Diagnostic),
) -> Option<StatutoryBody> {
    let id = match BodyTypeId::parse(raw.id.get_ref()) {
        Ok(id) => id,
        Err(e) => {
            report(Diagnostic::error(Code::InvalidId, e.to_string()).at(raw.id.span()));
            return None;
        }
    };
    let abolished = match &raw.abolished {
        Some(d) => Some(date(d)?),
        None => None,
    };
    Some(StatutoryBody {
        id,
        name: raw.name.clone(),
        abolished,
        replaced_by: raw.replaced_by.clone(),
        source: raw.source.clone(),
    })
}

/// The types a ToR can name: the bundled ones, overridden or extended by its own.
#[derive(Debug)]
pub struct Table<'a> {
    by_id: HashMap<&'a str, &'a StatutoryBody>,
}

impl<'a> Table<'a> {
    pub fn new(own: &'a [StatutoryBody]) -> Self {
        let by_id = bundled()
            .iter()
            .chain(own)
            .map(|b| (b.id.as_str(), b))
            .collect();
        Self { by_id }
    }

    pub fn get(&self, id: &str) -> Option<&'a StatutoryBody> {
        self.by_id.get(id).copied()
    }

    /// The known id nearest to a mistyped `id`.
    pub fn nearest(&self, id: &str) -> Option<&'a str> {
        nearest(id, self.by_id.keys().copied())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_bundled_type_loads() {
        let raw = super::super::structure::parse::<RawStatutoryTable>(BUNDLED)
            .expect("the bundled table parses");
        let mut problems = Vec::new();
        let loaded = raw
            .statutory_bodies
            .iter()
            .filter_map(|r| check(r, &mut plain_date, &mut |d| problems.push(d)))
            .count();
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(loaded, raw.statutory_bodies.len());
        assert_eq!(bundled().len(), loaded);
        let mut ids: Vec<_> = bundled().iter().map(|b| b.id.as_str()).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), loaded, "a bundled type is listed twice");
    }

    #[test]
    fn bundled_dates_are_the_statutes() {
        let table = Table::new(&[]);
        let day = |id: &str| {
            table
                .get(id)
                .and_then(|b| b.abolished)
                .map(|d| d.to_string())
        };
        assert_eq!(day("police-authority").as_deref(), Some("2012-11-22"));
        assert_eq!(
            day("metropolitan-police-authority").as_deref(),
            Some("2012-01-16")
        );
        assert_eq!(day("primary-care-trust").as_deref(), Some("2013-04-01"));
        assert_eq!(
            day("clinical-commissioning-group").as_deref(),
            Some("2022-07-01")
        );
        assert_eq!(day("probation-trust").as_deref(), Some("2014-06-01"));
        assert_eq!(
            day("community-rehabilitation-company").as_deref(),
            Some("2021-06-26")
        );
        assert_eq!(
            day("local-safeguarding-children-board").as_deref(),
            Some("2019-09-29")
        );
        assert_eq!(day("integrated-care-board"), None);
    }

    #[test]
    fn a_tor_may_give_a_bundled_type_a_local_date() {
        let own = [StatutoryBody {
            id: BodyTypeId::parse("local-safeguarding-children-board").unwrap(),
            name: "local safeguarding children board".into(),
            abolished: NaiveDate::from_ymd_opt(2019, 6, 29),
            replaced_by: None,
            source: None,
        }];
        let table = Table::new(&own);
        assert_eq!(
            table
                .get("local-safeguarding-children-board")
                .and_then(|b| b.abolished),
            NaiveDate::from_ymd_opt(2019, 6, 29)
        );
        assert_eq!(
            table.nearest("primary-care-trsut"),
            Some("primary-care-trust")
        );
    }
}

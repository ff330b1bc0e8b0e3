//! Statutory body types: what kind of public body a member is, and whether (and
//! when) the law abolished that kind of body and what replaced it.

use chrono::NaiveDate;
use serde::Serialize;

use super::BodyTypeId;

/// One type of statutory body, e.g. a police authority.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StatutoryBody {
    pub id: BodyTypeId,
    /// The type's name in a sentence, e.g. "primary care trust".
    pub name: String,
    /// The first day the type no longer existed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub abolished: Option<NaiveDate>,
    /// What took over its role, e.g. "the integrated care board".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub replaced_by: Option<String>,
    /// The statute or order the date comes from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

impl StatutoryBody {
    /// Whether bodies of this type no longer existed on `date`.
    pub fn abolished_by(&self, date: NaiveDate) -> bool {
        self.abolished.is_some_and(|a| a <= date)
    }

    /// "abolished on 2013-04-01 and replaced by the clinical commissioning group",
    /// or `None` for a type still in existence.
    pub fn abolition(&self) -> Option<String> {
        let day = self.abolished?;
        let mut text = format!("abolished on {day}");
        if let Some(next) = &self.replaced_by {
            text.push_str(" and replaced by ");
            text.push_str(next);
        }
        Some(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pct() -> StatutoryBody {
        StatutoryBody {
            id: BodyTypeId::parse("primary-care-trust").unwrap(),
            name: "primary care trust".into(),
            abolished: NaiveDate::from_ymd_opt(2013, 4, 1),
            replaced_by: Some("the clinical commissioning group".into()),
            source: None,
        }
    }

    #[test]
    fn abolished_from_its_day_not_before() {
        let d = |m, day| NaiveDate::from_ymd_opt(2013, m, day).unwrap();
        assert!(!pct().abolished_by(d(3, 31)));
        assert!(pct().abolished_by(d(4, 1)));
    }

    #[test]
    fn abolition_names_the_day_and_the_successor() {
        assert_eq!(
            pct().abolition().as_deref(),
            Some("abolished on 2013-04-01 and replaced by the clinical commissioning group")
        );
        let live = StatutoryBody {
            abolished: None,
            ..pct()
        };
        assert_eq!(live.abolition(), None);
    }
}

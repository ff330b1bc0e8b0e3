//! The chair and review answers of `tor init`: how the chair is appointed, and
//! when the ToR is next reviewed.

use std::str::FromStr;

use toml_edit::{Table, value};

use super::InitError;
use crate::model::{ClassId, MemberId};

/// How the chair is appointed, as typed: `elected-annually`,
/// `elected-at-may-meeting`, `named[:MEMBER]` or `rotating:CLASS:YEARS`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChairAnswer {
    ElectedAnnually,
    ElectedAtMayMeeting,
    /// An office holds the chair, provided by `member` where the ToR names one.
    Named(Option<MemberId>),
    Rotating {
        class: ClassId,
        years: u32,
    },
}

impl FromStr for ChairAnswer {
    type Err = InitError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let fail = |reason: String| InitError::Chair {
            input: s.to_owned(),
            reason,
        };
        let mut parts = s.trim().splitn(3, ':').map(str::trim);
        let kind = parts.next().unwrap_or_default();
        let first = parts.next();
        let second = parts.next();
        match (kind, first, second) {
            ("elected-annually", None, None) => Ok(Self::ElectedAnnually),
            ("elected-at-may-meeting", None, None) => Ok(Self::ElectedAtMayMeeting),
            ("named", None, None) => Ok(Self::Named(None)),
            ("named", Some(member), None) => MemberId::parse(member)
                .map(|m| Self::Named(Some(m)))
                .map_err(|e| fail(format!("member {e}"))),
            ("rotating", Some(class), Some(years)) => {
                let class = ClassId::parse(class).map_err(|e| fail(format!("class {e}")))?;
                match years.parse::<u32>() {
                    Ok(years) if years > 0 => Ok(Self::Rotating { class, years }),
                    _ => Err(fail(format!("`{years}` is not a number of years above 0"))),
                }
            }
            ("rotating", ..) => Err(fail("rotating needs CLASS:YEARS".to_owned())),
            _ => Err(fail("unknown appointment".to_owned())),
        }
    }
}

/// As typed, so a default can be shown in a question.
impl std::fmt::Display for ChairAnswer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::ElectedAnnually => f.write_str("elected-annually"),
            Self::ElectedAtMayMeeting => f.write_str("elected-at-may-meeting"),
            Self::Named(None) => f.write_str("named"),
            Self::Named(Some(m)) => write!(f, "named:{m}"),
            Self::Rotating { class, years } => write!(f, "rotating:{class}:{years}"),
        }
    }
}

impl ChairAnswer {
    /// The keys after `clause` in `[chair]`.
    pub(super) fn fill(&self, t: &mut Table) {
        let appointment = match self {
            Self::ElectedAnnually => "elected-annually",
            Self::ElectedAtMayMeeting => "elected-at-may-meeting",
            Self::Named(_) => "named",
            Self::Rotating { .. } => "rotating",
        };
        t.insert("appointment", value(appointment));
        match self {
            Self::Named(Some(member)) => {
                t.insert("member", value(member.as_str()));
            }
            Self::Rotating { class, years } => {
                t.insert("rotation_class", value(class.as_str()));
                t.insert("rotation_years", value(i64::from(*years)));
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_what_it_prints() {
        for text in [
            "elected-annually",
            "elected-at-may-meeting",
            "named",
            "named:fire",
            "rotating:responsible-authority:2",
        ] {
            assert_eq!(text.parse::<ChairAnswer>().unwrap().to_string(), text);
        }
        for bad in [
            "",
            "elected",
            "rotating",
            "rotating:x:0",
            "named:Bad Id",
            "named:a:b",
        ] {
            assert!(bad.parse::<ChairAnswer>().is_err(), "{bad:?} accepted");
        }
    }
}

//! Newtypes for the ids a ToR file defines and refers to.

use std::fmt;

use serde::Serialize;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            /// Ids are lower-case words joined by hyphens, so they are safe in file
            /// names, flags and URLs alike.
            pub fn parse(s: &str) -> Result<Self, InvalidId> {
                if is_kebab(s) {
                    Ok(Self(s.to_owned()))
                } else {
                    Err(InvalidId(s.to_owned()))
                }
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.pad(&self.0)
            }
        }

        impl std::borrow::Borrow<str> for $name {
            fn borrow(&self) -> &str {
                &self.0
            }
        }
    };
}

id_type!(
    /// A partnership id: the ToR file's stem.
    PartnershipId
);
id_type!(
    /// A member organisation's id, unique within one ToR.
    MemberId
);
id_type!(
    /// A statutory body type (e.g. `primary-care-trust`), from the bundled
    /// table or a ToR's own `[[statutory_bodies]]`.
    BodyTypeId
);
id_type!(
    /// A membership class (e.g. `responsible-authority`).
    ClassId
);
id_type!(
    /// A mark a meeting carries in a record or a meeting file (e.g.
    /// `annual-meeting`, `planning-meeting`), which event deadlines name.
    MarkId
);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "`{0}` is not a valid id: use lower-case letters, digits and single hyphens (e.g. `police-force`)"
)]
pub struct InvalidId(pub String);

fn is_kebab(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with('-')
        && !s.ends_with('-')
        && !s.contains("--")
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_kebab_case_ids() {
        assert_eq!(
            MemberId::parse("police-force").unwrap().as_str(),
            "police-force"
        );
        assert!(MemberId::parse("lscb").is_ok());
    }

    #[test]
    fn rejects_other_ids() {
        for bad in ["", "Police", "a--b", "-a", "a-", "a b", "a_b"] {
            assert!(MemberId::parse(bad).is_err(), "{bad:?} accepted");
        }
    }
}

//! Enums written in files and on the command line as kebab-case keywords.

/// A closed set of keywords, each naming one variant.
pub trait Keyword: Sized + Copy + 'static {
    /// Every keyword, in declaration order.
    const NAMES: &'static [&'static str];
    fn as_str(self) -> &'static str;
    fn from_keyword(s: &str) -> Option<Self>;
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{got}` is not one of: {}", expected.join(", "))]
pub struct UnknownKeyword {
    pub got: String,
    pub expected: &'static [&'static str],
}

/// Implements [`Keyword`], `FromStr` and `Display` from one list of pairs, so the
/// spelling of each variant is written once.
///
/// `keywords!(serialize Name { .. })` also serialises each variant as its keyword,
/// for enums whose JSON spelling is the keyword.
macro_rules! keywords {
    (serialize $name:ident { $($variant:ident = $text:literal),+ $(,)? }) => {
        $crate::model::keywords!($name { $($variant = $text),+ });

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str($crate::model::Keyword::as_str(*self))
            }
        }
    };
    ($name:ident { $($variant:ident = $text:literal),+ $(,)? }) => {
        impl $crate::model::Keyword for $name {
            const NAMES: &'static [&'static str] = &[$($text),+];

            fn as_str(self) -> &'static str {
                match self {
                    $(Self::$variant => $text),+
                }
            }

            fn from_keyword(s: &str) -> Option<Self> {
                match s {
                    $($text => Some(Self::$variant),)+
                    _ => None,
                }
            }
        }

        impl std::str::FromStr for $name {
            type Err = $crate::model::UnknownKeyword;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                <Self as $crate::model::Keyword>::from_keyword(s).ok_or_else(|| $crate::model::UnknownKeyword {
                    got: s.to_owned(),
                    expected: <Self as $crate::model::Keyword>::NAMES,
                })
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str($crate::model::Keyword::as_str(*self))
            }
        }
    };
}

pub(crate) use keywords;

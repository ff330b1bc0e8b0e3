//! One proxy vote as given: the vote, who holds it, and whether it is open.

use std::fmt;
use std::str::FromStr;

use super::Choice;
use crate::engine::InputError;

/// Longest holder name accepted: a name, not a document.
const HOLDER_MAX: usize = 100;

/// A proxy vote: `VOTE[@HOLDER][:open]`, e.g. `for@alice` or `against@bob:open`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProxyVote {
    pub vote: Choice,
    /// Who holds the proxy, where given (required where the ToR limits
    /// proxies per holder).
    pub holder: Option<String>,
    /// The holder decides the vote (open) rather than the absent member
    /// (directed).
    pub open: bool,
}

impl ProxyVote {
    /// A directed proxy with no holder named: what `ORG=VOTE` always meant.
    pub fn directed(vote: Choice) -> Self {
        Self {
            vote,
            holder: None,
            open: false,
        }
    }
}

impl FromStr for ProxyVote {
    type Err = InputError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let (rest, open) = match s.trim().rsplit_once(':') {
            Some((rest, "open")) => (rest, true),
            Some((_, other)) => {
                return Err(InputError::Invalid(format!(
                    "`{other}` after `:` in a proxy: only `:open` (the holder decides) is allowed"
                )));
            }
            None => (s.trim(), false),
        };
        let (vote, holder) = match rest.split_once('@') {
            Some((vote, holder)) => (vote, Some(holder.trim())),
            None => (rest, None),
        };
        let holder = match holder {
            None => None,
            Some("") => {
                return Err(InputError::Invalid(
                    "a proxy's holder after `@` is empty".to_owned(),
                ));
            }
            Some(h) if h.chars().count() > HOLDER_MAX || h.chars().any(char::is_control) => {
                return Err(InputError::Invalid(format!(
                    "a proxy's holder must be a name of at most {HOLDER_MAX} characters without control characters"
                )));
            }
            Some(h) => Some(h.to_owned()),
        };
        Ok(Self {
            vote: vote.parse()?,
            holder,
            open,
        })
    }
}

impl fmt::Display for ProxyVote {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.vote.as_str())?;
        if let Some(h) = &self.holder {
            write!(f, " held by `{h}`")?;
        }
        if self.open {
            f.write_str(" (open)")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bare_vote_is_a_directed_proxy_without_holder() {
        assert_eq!(
            "for".parse::<ProxyVote>().unwrap(),
            ProxyVote::directed(Choice::For)
        );
    }

    #[test]
    fn holder_and_openness_are_read() {
        let p: ProxyVote = "against@Jo Bloggs:open".parse().unwrap();
        assert_eq!(p.vote, Choice::Against);
        assert_eq!(p.holder.as_deref(), Some("Jo Bloggs"));
        assert!(p.open);
    }

    #[test]
    fn bad_proxies_are_refused() {
        for bad in [
            "for@",
            "maybe@x",
            "for@x:shut",
            "for:closed",
            &format!("for@{}", "x".repeat(101)),
        ] {
            assert!(bad.parse::<ProxyVote>().is_err(), "{bad}");
        }
    }
}

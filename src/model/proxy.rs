//! Proxy votes: whether the ToR allows them, for which kinds of decision, how
//! many one holder may carry, whether they must be directed, and whether they
//! count towards the quorum.

use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

use super::keyword::keywords;
use super::{Clause, DecisionKind, KindRule};

/// What the ToR says about proxy votes.
#[derive(Debug, Clone)]
pub enum Proxies {
    /// Absent members may vote by proxy, on the terms of the rule.
    Allowed(ProxyRule),
    /// The ToR says there are none: a proxy vote is refused citing it.
    Refused(Clause),
}

impl Proxies {
    pub fn clause(&self) -> &Clause {
        match self {
            Self::Allowed(r) => &r.kinds.clause,
            Self::Refused(c) => c,
        }
    }

    /// The rule where proxies are allowed.
    pub fn allowed(&self) -> Option<&ProxyRule> {
        match self {
            Self::Allowed(r) => Some(r),
            Self::Refused(_) => None,
        }
    }
}

// By hand so that a ToR allowing proxies without the newer keys shows exactly
// as before (`{clause, kinds}`), and one refusing them says `allowed: false`.
impl Serialize for Proxies {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Allowed(r) => r.serialize(s),
            Self::Refused(clause) => {
                let mut map = s.serialize_map(Some(2))?;
                map.serialize_entry("clause", clause)?;
                map.serialize_entry("allowed", &false)?;
                map.end()
            }
        }
    }
}

/// Proxies allowed: the kinds of decision, and the limits on them.
#[derive(Debug, Clone, Serialize)]
pub struct ProxyRule {
    #[serde(flatten)]
    pub kinds: KindRule,
    /// At most this many proxies held by one holder; `None`: no limit.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub per_holder: Option<u32>,
    #[serde(skip_serializing_if = "ProxyForm::is_either")]
    pub form: ProxyForm,
    /// A member voting by proxy counts as present for the quorum.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub counts_for_quorum: bool,
}

impl ProxyRule {
    pub fn applies_to(&self, kinds: &[DecisionKind]) -> bool {
        self.kinds.applies_to(kinds)
    }
}

/// Whether a proxy must be directed (the absent member states its vote and the
/// holder only casts it) or may be open (the holder decides).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProxyForm {
    Directed,
    Open,
    Either,
}

keywords!(serialize ProxyForm {
    Directed = "directed",
    Open = "open",
    Either = "either",
});

impl ProxyForm {
    // serde's `skip_serializing_if` hands the field by reference.
    #[allow(clippy::trivially_copy_pass_by_ref)]
    fn is_either(&self) -> bool {
        *self == Self::Either
    }

    /// Whether a proxy of this openness may count.
    pub fn allows(self, open: bool) -> bool {
        match self {
            Self::Directed => !open,
            Self::Open => open,
            Self::Either => true,
        }
    }
}

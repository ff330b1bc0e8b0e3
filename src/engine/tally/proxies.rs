//! Whether a proxy vote may count.

use super::{Tally, a_kinds, kinds_text};
use crate::model::Clause;

impl<'a> Tally<'a> {
    /// Whether a proxy vote may count: the ToR allows proxies for this kind of
    /// decision and the member was absent.
    pub(super) fn proxy_allowed(&self, attends: bool) -> Result<(), (Option<&'a Clause>, String)> {
        let kinds = &self.input.kinds;
        let Some(rule) = self.decisions.and_then(|d| d.proxies.as_ref()) else {
            return Err((
                self.decisions_clause(),
                "the ToR makes no provision for proxy votes".to_owned(),
            ));
        };
        if !rule.applies_to(kinds) {
            return Err((
                Some(&rule.clause),
                format!(
                    "proxies are allowed only on {} decisions and this is {} decision",
                    kinds_text(&rule.kinds),
                    a_kinds(kinds)
                ),
            ));
        }
        if attends {
            return Err((
                Some(&rule.clause),
                "proxies are for absent members and it was at the meeting".to_owned(),
            ));
        }
        Ok(())
    }
}

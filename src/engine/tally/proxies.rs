//! Whether a proxy vote may count: the ToR allows proxies, for this kind of
//! decision, in this form, within the holder's limit.

use std::collections::{HashMap, HashSet};

use super::{ProxyVote, Tally, a_kinds, kinds_text};
use crate::model::{Clause, MemberId, Proxies, ProxyForm, ProxyRule};

type Refusal<'a> = (Option<&'a Clause>, String);

impl<'a> Tally<'a> {
    /// The rule a proxy counts under, or why it may not: `limit` also applies
    /// the holder's limit (left out while working that limit out).
    pub(super) fn proxy_allowed(
        &self,
        id: &MemberId,
        proxy: &ProxyVote,
        attends: bool,
        limit: bool,
    ) -> Result<&'a ProxyRule, Refusal<'a>> {
        let kinds = &self.input.kinds;
        let rule = match self.decisions.and_then(|d| d.proxies.as_ref()) {
            None => {
                return Err((
                    self.decisions_clause(),
                    "the ToR makes no provision for proxy votes".to_owned(),
                ));
            }
            Some(Proxies::Refused(clause)) => {
                return Err((Some(clause), "the ToR allows no proxy votes".to_owned()));
            }
            Some(Proxies::Allowed(rule)) => rule,
        };
        let clause = Some(&rule.kinds.clause);
        if !rule.applies_to(kinds) {
            return Err((
                clause,
                format!(
                    "proxies are allowed only on {} decisions and this is {} decision",
                    kinds_text(&rule.kinds.kinds),
                    a_kinds(kinds)
                ),
            ));
        }
        if attends {
            return Err((
                clause,
                "proxies are for absent members and it was at the meeting".to_owned(),
            ));
        }
        if !rule.form.allows(proxy.open) {
            let why = match rule.form {
                ProxyForm::Directed => {
                    "the ToR allows only directed proxies (the member states its vote) and this one is open"
                }
                _ => {
                    "the ToR allows only open proxies (the holder decides) and this one is directed"
                }
            };
            return Err((clause, why.to_owned()));
        }
        if let Some(n) = rule.per_holder {
            if proxy.holder.is_none() {
                return Err((
                    clause,
                    format!(
                        "the ToR allows at most {n} per holder, so a proxy must name its holder (ORG=VOTE@HOLDER)"
                    ),
                ));
            }
            if limit && self.over_limit.contains(id) {
                let holder = proxy.holder.as_deref().unwrap_or_default();
                return Err((
                    clause,
                    format!(
                        "`{holder}` already holds {n} {}, the most the ToR allows one holder",
                        if n == 1 { "proxy" } else { "proxies" }
                    ),
                ));
            }
        }
        Ok(rule)
    }

    /// The proxies beyond their holder's limit: each holder's first proxies,
    /// in the order given, count up to the limit; a proxy the rule refuses
    /// on other grounds takes no place.
    pub(super) fn proxies_over_limit(&self) -> HashSet<&'a MemberId> {
        let input = self.input;
        let Some(n) = self
            .decisions
            .and_then(|d| d.proxies.as_ref())
            .and_then(Proxies::allowed)
            .and_then(|r| r.per_holder)
        else {
            return HashSet::new();
        };
        let mut held: HashMap<&str, u32> = HashMap::new();
        let mut over = HashSet::new();
        for id in &input.proxy_order {
            let Some(proxy) = input.proxies.get(id) else {
                continue;
            };
            let Some(holder) = proxy.holder.as_deref() else {
                continue;
            };
            if self
                .proxy_allowed(id, proxy, input.attends(id), false)
                .is_err()
            {
                continue;
            }
            let count = held.entry(holder).or_default();
            *count += 1;
            if *count > n {
                over.insert(id);
            }
        }
        over
    }
}

//! `[decisions] proxies`: allowed on some kinds (with a limit per holder, a
//! form, and whether they count for the quorum), or none at all.

use super::super::bounds;
use super::super::raw::RawProxies;
use super::{Checker, clause};
use crate::diag::Code;
use crate::model::{DecisionKind, KindRule, Proxies, ProxyForm, ProxyRule};

impl Checker<'_> {
    pub(super) fn proxies(
        &mut self,
        raw: &RawProxies,
        declared: &[DecisionKind],
    ) -> Option<Proxies> {
        if raw.allowed.as_ref().is_some_and(|a| !*a.get_ref()) {
            // Limits on proxies the ToR does not allow would never be read.
            let terms = [
                raw.kinds
                    .as_ref()
                    .map(|k| ("kinds", k.first().map(|k| k.span()))),
                raw.per_holder
                    .as_ref()
                    .map(|p| ("per_holder", Some(p.span()))),
                raw.form.as_ref().map(|f| ("form", Some(f.span()))),
                raw.counts_for_quorum
                    .as_ref()
                    .map(|c| ("counts_for_quorum", Some(c.span()))),
            ];
            for (key, span) in terms.into_iter().flatten() {
                self.error_help(
                    Code::ConflictingKeys,
                    format!("`{key}` is set but `allowed = false` says there are no proxies"),
                    span.unwrap_or_else(|| raw.clause.span()),
                    &format!("remove `{key}`, or `allowed = false`"),
                );
            }
            return Some(Proxies::Refused(clause(&raw.clause)));
        }
        let Some(raw_kinds) = &raw.kinds else {
            self.error_help(
                Code::MissingKey,
                "`proxies` names no `kinds`",
                raw.clause.span(),
                "add `kinds = [\"ordinary\"]` (the kinds proxies may vote on), or `allowed = false`",
            );
            return None;
        };
        let kinds = self.kind_list(raw_kinds, &raw.clause, declared)?;
        let per_holder = match &raw.per_holder {
            Some(p) => Some(self.bounded("per_holder", p, &bounds::PER_MEMBER, "proxies")?),
            None => None,
        };
        let form = match &raw.form {
            Some(f) => self.keyword_of::<ProxyForm>("form", f)?,
            None => ProxyForm::Either,
        };
        Some(Proxies::Allowed(ProxyRule {
            kinds: KindRule {
                clause: clause(&raw.clause),
                kinds,
            },
            per_holder,
            form,
            counts_for_quorum: raw.counts_for_quorum.as_ref().is_some_and(|c| *c.get_ref()),
        }))
    }
}

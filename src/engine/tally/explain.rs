//! The steps of the working that are not a count: who was eligible and why,
//! and which rule decides a vote of these kinds.

use super::{Tally, kinds_text};
use crate::model::{Capacity, CastingVote, Counting, Keyword, Proxies};

impl Tally<'_> {
    /// Who was counted and in what capacity, and who was left out and why.
    pub(super) fn explain_eligibility(&mut self) {
        let counting = self.tor.counts;
        let counted: Vec<String> = self
            .votes
            .iter()
            .map(|v| {
                let who = match (counting, v.people) {
                    (Counting::People, n) if n != 1 => format!("{} ×{n}", v.org),
                    _ => v.org.to_string(),
                };
                match v.by {
                    Capacity::Member => format!("{who} ({})", v.vote),
                    Capacity::Substitute => format!("{who} ({}, by its substitute)", v.vote),
                    Capacity::Deputy => format!("{who} ({}, by its deputy)", v.vote),
                    Capacity::Proxy => format!("{who} ({}, by proxy)", v.vote),
                }
            })
            .collect();
        let units: u32 = self.votes.iter().map(|v| v.units(counting)).sum();
        let left: Vec<String> = self
            .excluded
            .iter()
            .map(|e| format!("{} ({})", e.org, e.reason))
            .collect();
        let mut detail = format!(
            "{} vote(s) counted{}: {}",
            units,
            match counting {
                Counting::Organisations => "",
                Counting::People => " (people)",
            },
            if counted.is_empty() {
                "none".to_owned()
            } else {
                counted.join(", ")
            }
        );
        if !left.is_empty() {
            detail.push_str(&format!("; left out: {}", left.join("; ")));
        }
        let clause = self
            .decisions
            .and_then(|d| d.one_vote_per_organisation.as_ref().or(Some(&d.clause)))
            .cloned();
        self.explain("eligibility", clause.as_ref(), detail);
    }

    /// Each proxy given, in the order given, with who held it: the proxy
    /// finding says whether it counted, this says whose hands it was in.
    pub(super) fn explain_proxies(&mut self) {
        let clause = self
            .decisions
            .and_then(|d| d.proxies.as_ref())
            .map(|p| match p {
                Proxies::Refused(clause) => clause,
                Proxies::Allowed(rule) => &rule.kinds.clause,
            })
            .cloned();
        let input = self.input;
        for id in &input.proxy_order {
            let Some(proxy) = input.proxies.get(id) else {
                continue;
            };
            let holder = proxy.holder.as_ref().map_or_else(
                || "no holder named".to_owned(),
                |h| format!("held by `{h}`"),
            );
            let form = if proxy.open {
                "open: the holder decided"
            } else {
                "directed"
            };
            let counted = self
                .votes
                .iter()
                .any(|v| v.org == *id && v.by == Capacity::Proxy);
            let outcome = if counted { "counted" } else { "left out" };
            let detail = format!(
                "`{id}` voted {} by proxy ({form}), {holder}: {outcome}",
                proxy.vote
            );
            self.explain("proxy", clause.as_ref(), detail);
        }
    }

    /// Which rule decides a vote of these kinds, and its casting vote.
    pub(super) fn explain_rule(&mut self) {
        let kinds = kinds_text(&self.input.kinds);
        let own = self.decisions.and_then(|d| {
            d.kinds
                .iter()
                .find(|k| self.input.kinds.contains(&k.kind) && k.rule.is_some())
        });
        let (clause, detail) = match (own, self.rule) {
            (Some(k), Some(r)) => (
                Some(r.clause.clone()),
                format!(
                    "a {kinds} decision: the ToR's rule for `{}` decides it ({} step(s): {})",
                    k.kind,
                    r.steps.len(),
                    steps(r)
                ),
            ),
            (None, Some(r)) => (
                Some(r.clause.clone()),
                format!(
                    "a {kinds} decision: the ToR's general decision rule decides it ({})",
                    steps(r)
                ),
            ),
            _ => (
                None,
                format!(
                    "a {kinds} decision: the ToR states no decision rule, so a simple majority of votes cast is assumed"
                ),
            ),
        };
        self.explain("decision", clause.as_ref(), detail);
        let casting = match &self.casting {
            CastingVote::Given(c) => (
                Some(c.clone()),
                "on equal votes, whoever presides has a casting vote".to_owned(),
            ),
            CastingVote::None(c) => (
                Some(c.clone()),
                "the ToR gives no casting vote: equal votes are lost".to_owned(),
            ),
            CastingVote::Silent => (
                None,
                "the ToR does not mention a casting vote: equal votes are lost".to_owned(),
            ),
        };
        self.explain("casting-vote", casting.0.as_ref(), casting.1);
    }
}

fn steps(r: &crate::model::DecisionRule) -> String {
    let names: Vec<String> = r
        .steps
        .iter()
        .map(|s| {
            let mut name = s.method.as_str().to_owned();
            if let Some(t) = &s.threshold {
                name.push_str(&format!(
                    " ({} {} of {})",
                    t.comparison.as_str().replace('-', " "),
                    t.fraction,
                    t.base
                ));
            }
            if let Some(c) = &s.among {
                name.push_str(&format!(" among {c}"));
            }
            name
        })
        .collect();
    names.join(", then ")
}

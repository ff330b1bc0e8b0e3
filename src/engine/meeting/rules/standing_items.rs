//! Standing agenda items, staggered across meetings.

use chrono::{Months, NaiveDate};
use std::collections::HashSet;

use super::Ctx;
use crate::engine::Rule;
use crate::engine::{Fact, Finding, standing_keys};

impl Ctx<'_> {
    pub(super) fn standing_items(&self) -> Finding {
        const R: Rule = Rule::StandingItems;
        let Some(si) = &self.tor.standing_items else {
            return Finding::not_stated(R, "standing agenda items");
        };
        let clause = Some(&si.clause);
        let record = self.record();
        let items = &self.m.items;
        let agenda: HashSet<String> = items.iter().flat_map(|i| standing_keys(i)).collect();
        let among =
            |set: &HashSet<String>, item: &str| standing_keys(item).iter().any(|k| set.contains(k));
        let on = |item: &str| among(&agenda, item);
        if !si.staggered {
            if items.is_empty() {
                return Finding::unjudged(
                    R,
                    clause,
                    Fact::Items,
                    "the agenda items were not given",
                );
            }
            let missing: Vec<&str> = si
                .items
                .iter()
                .filter(|i| !on(i))
                .map(String::as_str)
                .collect();
            return if missing.is_empty() {
                Finding::pass(R, &si.clause, "every standing item is on the agenda")
            } else {
                Finding::fail(
                    R,
                    &si.clause,
                    format!(
                        "standing items missing from the agenda: {}",
                        item_list(&missing)
                    ),
                )
            };
        }
        if items.is_empty() && record.is_none() {
            return Finding::unjudged(R, clause, Fact::Items, "the agenda items were not given");
        }
        let since = self
            .date
            .checked_sub_months(Months::new(12))
            .unwrap_or(NaiveDate::MIN);
        let earlier: HashSet<String> = record
            .map(|r| {
                r.before(self.date)
                    .filter(|m| m.date > since)
                    .flat_map(|m| &m.items)
                    .flat_map(|i| standing_keys(i))
                    .collect()
            })
            .unwrap_or_default();
        let uncovered: Vec<&str> = si
            .items
            .iter()
            .filter(|i| !on(i) && !among(&earlier, i))
            .map(String::as_str)
            .collect();
        match (uncovered.is_empty(), record) {
            (true, Some(_)) => Finding::pass(
                R,
                &si.clause,
                "every standing item was taken in the 12 months to this meeting",
            ),
            (true, None) => Finding::pass(R, &si.clause, "every standing item is on this agenda"),
            (false, Some(_)) => Finding::warn(
                R,
                clause,
                format!(
                    "standing items not taken in the 12 months to this meeting: {} (staggered: plan them for coming agendas)",
                    item_list(&uncovered)
                ),
            ),
            (false, None) => Finding::unjudged(
                R,
                clause,
                Fact::History,
                format!(
                    "staggered items not on this agenda: {}; judging them needs the record of earlier agendas",
                    item_list(&uncovered)
                ),
            ),
        }
    }
}

/// Agenda items quoted, as they may themselves contain commas or "and".
fn item_list(items: &[&str]) -> String {
    let quoted: Vec<String> = items.iter().map(|i| format!("\"{i}\"")).collect();
    quoted.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::words::and_list;

    #[test]
    fn lists_and_items() {
        assert_eq!(and_list::<&str>(&[]), "none");
        assert_eq!(and_list(&["a"]), "a");
        assert_eq!(and_list(&["a", "b", "c"]), "a, b and c");
        assert_eq!(item_list(&["A, B", "C"]), "\"A, B\", \"C\"");
    }
}

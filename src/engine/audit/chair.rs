//! Whether anyone recorded as holding the chair during the year held it
//! beyond the chair's term: a rotating chair's N years, or a term times the
//! terms allowed in a row. A turn still running is measured to the year's end,
//! or to the day of the audit where that comes first.

use super::Auditor;
use crate::engine::{Finding, Message, Rule};
use crate::msg;

impl Auditor<'_> {
    /// The `chair-term` finding; `None` where the ToR records no holders.
    pub(super) fn chair_term(&self) -> Option<Finding> {
        const R: Rule = Rule::ChairTerm;
        let chair = self.tor.chair.as_ref().filter(|c| !c.holders.is_empty())?;
        let Some(limit) = chair.held_limit() else {
            return Some(Finding::skip(
                R,
                Some(&chair.clause),
                "the ToR sets no limit on how long one holder keeps the chair",
            ));
        };
        let end = self.span.last().min(self.as_of);
        let (mut over, mut within) = (Vec::new(), Vec::new());
        for (i, h) in chair.holders.iter().enumerate() {
            if h.from > end {
                break;
            }
            let last = chair.holder_last_day(i).map_or(end, |l| l.min(end));
            if last < self.span.start {
                continue;
            }
            match limit.ends(h.from) {
                Some(ends) if last >= ends => over.push(msg![
                    format!("{} has held it since ", h.member),
                    h.from,
                    ", beyond its term, which ended on ",
                    ends.pred_opt().unwrap_or(ends)
                ]),
                _ => within.push(msg![format!("{} since ", h.member), h.from]),
            }
        }
        let years = limit.years;
        Some(if !over.is_empty() {
            Finding::fail(
                R,
                limit.clause,
                msg![
                    format!("the chair is held beyond its {years}-year term: "),
                    Message::join(over, "; ")
                ],
            )
        } else if within.is_empty() {
            Finding::skip(
                R,
                Some(limit.clause),
                "the ToR records no holder of the chair in the year",
            )
        } else {
            Finding::pass(
                R,
                limit.clause,
                msg![
                    format!("the chair is held within its {years}-year term ("),
                    Message::join(within, "; "),
                    ")"
                ],
            )
        })
    }
}

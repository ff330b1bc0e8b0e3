//! Ratification: a meeting let continue though inquorate (the ToR's
//! `[quorum.fallback.continue]`) leaves decisions that the next quorate
//! meeting must ratify, so that meeting's quorum finding says so.

use chrono::NaiveDate;

use super::MeetingAudit;
use crate::engine::record::HeldMeeting;
use crate::engine::{FindingStatus, Message, Rule};
use crate::model::Clause;
use crate::msg;

/// Marks the first quorate meeting after each continued inquorate one with a
/// `warn` naming the decisions it must ratify. `held` and `meetings` are the
/// same meetings in the same (date) order.
pub(super) fn mark(held: &[&HeldMeeting], meetings: &mut [MeetingAudit]) {
    let mut pending: Vec<(NaiveDate, Option<Clause>)> = Vec::new();
    for (h, m) in held.iter().zip(meetings.iter_mut()) {
        // The whole meeting's quorum and, where the record times its items,
        // each item's: a meeting quorate at the start may lose it by item 6.
        let quorum = |f: &&crate::engine::Finding| f.rule == Rule::Quorum;
        let continued_inquorate = m
            .findings
            .iter()
            .filter(quorum)
            .find(|f| f.status == FindingStatus::Warn);
        if h.held.continued
            && let Some(w) = continued_inquorate
        {
            // The fallback's warning: this meeting's decisions await ratifying.
            pending.push((h.date, w.clause.clone()));
            continue;
        }
        let quorate_throughout = m
            .findings
            .iter()
            .filter(quorum)
            .all(|f| f.status == FindingStatus::Pass);
        let Some(q) = m.findings.iter_mut().find(|f| f.rule == Rule::Quorum) else {
            continue;
        };
        match q.status {
            FindingStatus::Pass if quorate_throughout && !pending.is_empty() => {
                let days =
                    Message::and_list(pending.iter().map(|(d, _)| Message::from(*d)).collect());
                let clause = pending
                    .iter()
                    .find_map(|(_, c)| c.as_ref())
                    .map(|c| format!(" ({c})"))
                    .unwrap_or_default();
                q.message = std::mem::take(&mut q.message).then(msg![
                    "; the first quorate meeting since the inquorate meeting continued on ",
                    days,
                    format!(": it must ratify the decisions taken there{clause}")
                ]);
                q.status = FindingStatus::Warn;
                pending.clear();
            }
            _ => {}
        }
    }
}

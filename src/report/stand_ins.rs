//! `[attendance.substitutes]` and `[attendance.deputies]` in `tor show`: who may
//! send one and on what terms, in one line each.

use super::{RuleSummary, stated};
use crate::model::{StandInNotice, StandIns, Tor};

/// The attendance table's stand-in rules (the older `[decisions]` ones are
/// summarised with the decisions).
pub(super) fn summaries(tor: &Tor) -> Vec<RuleSummary> {
    let a = &tor.attendance;
    [("substitutes", &a.substitutes), ("deputies", &a.deputies)]
        .into_iter()
        .filter_map(|(rule, s)| s.as_ref().map(|s| stated(rule, &s.clause, words(rule, s))))
        .collect()
}

fn words(rule: &str, s: &StandIns) -> String {
    let mut text = match &s.who {
        None => format!("{rule} may attend for any member"),
        Some(w) => {
            let mut names: Vec<String> = w.members.iter().map(ToString::to_string).collect();
            names.extend(w.classes.iter().map(|c| format!("members of class `{c}`")));
            format!(
                "{rule} may attend only for {}",
                crate::engine::words::and_list(&names)
            )
        }
    };
    text.push_str(match (s.counts_for_quorum, s.holds_vote) {
        (true, true) => "; they count for the quorum and vote",
        (true, false) => "; they count for the quorum but do not vote",
        (false, true) => "; they vote but do not count for the quorum",
        (false, false) => "; they neither count for the quorum nor vote",
    });
    if s.one_per_absent {
        text.push_str("; one per absent member");
    }
    if let Some(n) = s.per_member {
        text.push_str(&format!("; {n} per member"));
    }
    match &s.notice {
        None => {}
        Some(StandInNotice::Beforehand) => {
            text.push_str("; the secretariat must be told beforehand");
        }
        Some(StandInNotice::Hours(h)) => {
            text.push_str(&format!(
                "; notified at least {h} hours before the meeting starts"
            ));
        }
        Some(StandInNotice::RegisteredBefore(by)) => {
            text.push_str(&format!("; registered before {by}"));
        }
    }
    match (s.from, s.until) {
        (Some(f), Some(u)) => text.push_str(&format!("; from {f} to {u}")),
        (Some(f), None) => text.push_str(&format!("; from {f}")),
        (None, Some(u)) => text.push_str(&format!("; until {u}")),
        (None, None) => {}
    }
    text
}

//! A member that `succeeds` another takes over its seat: member ids are unique,
//! so a seat held by two bodies over time is two members, and the only dates
//! that can overlap or leave a gap are a member's and its successor's.

use std::collections::HashMap;

use super::*;

impl Checker<'_> {
    pub(super) fn succession(&mut self, raw: &[RawMember], members: &[Member]) {
        let by_id: HashMap<&str, &Member> = members.iter().map(|m| (m.id.as_str(), m)).collect();
        for m in raw {
            let Some(succeeds) = &m.succeeds else {
                continue;
            };
            // A member the checker refused has already been reported.
            let Some(next) = by_id.get(m.id.get_ref().as_str()).copied() else {
                continue;
            };
            if succeeds.get_ref() == m.id.get_ref() {
                self.error(
                    Code::InvalidValue,
                    format!("member `{}` cannot succeed itself", next.id),
                    succeeds.span(),
                );
                continue;
            }
            let Some(prev_id) = self.member_ref(succeeds, members) else {
                continue;
            };
            let prev = by_id[prev_id.as_str()];
            let at_from = m.from.as_ref().map_or(succeeds.span(), |f| f.span());
            self.seat_handover(prev, next, succeeds.span(), at_from);
        }
    }

    /// Reports the days both hold the seat, or the days neither does.
    fn seat_handover(
        &mut self,
        prev: &Member,
        next: &Member,
        at_succeeds: Range<usize>,
        at_from: Range<usize>,
    ) {
        let (p, n) = (&prev.id, &next.id);
        let Some(end) = prev.until else {
            self.error(
                Code::MemberOverlap,
                format!(
                    "member `{n}` succeeds `{p}`, but `{p}` has no `until`, so both hold the seat"
                ),
                at_succeeds,
            )
            .help = Some(format!("give `{p}` the last day it was a member"));
            return;
        };
        let Some(start) = next.from else {
            self.error(
                Code::MemberOverlap,
                format!("member `{n}` succeeds `{p}` (a member until {end}), but has no `from`, so both hold the seat"),
                at_succeeds,
            )
            .help = Some(format!("give `{n}` its first day as a member"));
            return;
        };
        if start <= end {
            self.error(
                Code::MemberOverlap,
                format!(
                    "member `{n}` starts on {start}, but `{p}`, which it succeeds, is a member until {end}: both hold the seat from {start} to {end}"
                ),
                at_from,
            );
        } else if let Some(first_missing) = end.succ_opt().filter(|d| *d < start) {
            let last_missing = start.pred_opt().unwrap_or(start);
            let days = (start - end).num_days() - 1;
            let (noun, when) = if days == 1 {
                ("day", format!("on {first_missing}"))
            } else {
                ("days", format!("from {first_missing} to {last_missing}"))
            };
            self.diagnostics.push(
                Diagnostic::warning(
                    Code::MemberGap,
                    format!(
                        "member `{n}` starts on {start}, {days} {noun} after `{p}`, which it succeeds, ended on {end}: no member holds the seat {when}"
                    ),
                )
                .at(at_from)
                .help("if the seat really was empty, say so in a `note`; otherwise correct the dates"),
            );
        }
    }
}

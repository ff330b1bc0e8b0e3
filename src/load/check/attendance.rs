//! `[attendance]`: remote attendance, with its dated period; substitutes and
//! deputies (who may send one, how many, the notice they need).

use chrono::NaiveDate;

use super::{Checker, clause};
use crate::diag::Code;
use crate::load::bounds;
use crate::load::raw::{RawAttendance, RawAttendanceStandIns, RawDecisions, RawRemote};
use toml::Spanned;

use crate::load::spanned::{DateOrWord, S, TomlDate};
use crate::model::{Attendance, Class, Member, RegisteredBy, Remote, StandInNotice, StandIns, Who};

impl Checker<'_> {
    pub(super) fn attendance(
        &mut self,
        raw: &RawAttendance,
        decisions: Option<&RawDecisions>,
        classes: &[Class],
        members: &[Member],
    ) -> Attendance {
        let mut stand_ins = |key: &str, own: Option<&RawAttendanceStandIns>, old| {
            let own = own?;
            if let Some(old) = old {
                self.twice(key, own, old);
            }
            self.stand_ins(key, own, classes, members)
        };
        let substitutes = stand_ins(
            "substitutes",
            raw.substitutes.as_ref(),
            decisions.and_then(|d| d.substitutes.as_ref().map(|s| &s.clause)),
        );
        let deputies = stand_ins(
            "deputies",
            raw.deputies.as_ref(),
            decisions.and_then(|d| d.deputies.as_ref().map(|s| &s.clause)),
        );
        Attendance {
            remote: raw.remote.as_ref().and_then(|r| self.remote(r)),
            substitutes,
            deputies,
        }
    }

    /// One rule in two places: the older `[decisions.KEY]` and `[attendance.KEY]`.
    fn twice(&mut self, key: &str, own: &RawAttendanceStandIns, old: &S<String>) {
        self.error(
            Code::ConflictingKeys,
            format!(
                "`[attendance.{key}]` and `[decisions.{key}]` (clause {}) both state {key}",
                old.get_ref()
            ),
            own.clause.span(),
        )
        .help = Some(format!(
            "keep one: move `[decisions.{key}]` into `[attendance.{key}]`"
        ));
    }

    fn stand_ins(
        &mut self,
        key: &str,
        raw: &RawAttendanceStandIns,
        classes: &[Class],
        members: &[Member],
    ) -> Option<StandIns> {
        let table = format!("attendance.{key}");
        let per_member = match &raw.per_member {
            Some(p) => Some(self.bounded("per_member", p, &bounds::PER_MEMBER, "stand-ins")?),
            None => None,
        };
        let hours = match &raw.notice_hours {
            Some(h) => Some(self.bounded("notice_hours", h, &bounds::HOURS, "hours")?),
            None => None,
        };
        let registered = raw
            .registered_before
            .as_ref()
            .and_then(|r| self.registered_by(r));
        let notice = match (hours, registered, &raw.registered_before) {
            (Some(_), _, Some(r)) => {
                self.error(
                    Code::ConflictingKeys,
                    format!("`{table}`: give `notice_hours` or `registered_before`, not both"),
                    r.span(),
                );
                return None;
            }
            (Some(h), _, _) => Some(StandInNotice::Hours(h)),
            (None, Some(by), _) => Some(StandInNotice::RegisteredBefore(by)),
            (None, None, Some(_)) => return None,
            (None, None, None) => raw.advance_notice.then_some(StandInNotice::Beforehand),
        };
        let who = match (&raw.members, &raw.classes) {
            (None, None) => None,
            (m, c) => {
                let named = m.as_deref().unwrap_or_default();
                let of = c.as_deref().unwrap_or_default();
                if named.is_empty() && of.is_empty() {
                    self.error(
                        Code::EmptyValue,
                        format!("`{table}`: no member or class may send one"),
                        raw.clause.span(),
                    )
                    .help = Some(
                        "name who may, or leave out `members` and `classes` for everyone".into(),
                    );
                    return None;
                }
                let members: Vec<_> = named
                    .iter()
                    .filter_map(|m| self.member_ref(m, members))
                    .collect();
                let classes: Vec<_> = of
                    .iter()
                    .filter_map(|c| self.class_ref(c, classes))
                    .collect();
                if members.len() + classes.len() < named.len() + of.len() {
                    return None;
                }
                Some(Who { members, classes })
            }
        };
        let (from, until) = self.period(&table, raw.from.as_ref(), raw.until.as_ref())?;
        Some(StandIns {
            clause: clause(&raw.clause),
            holds_vote: raw.votes,
            counts_for_quorum: raw.counts_for_quorum,
            notice,
            per_member,
            one_per_absent: raw.one_per_absent_member,
            who,
            from,
            until,
        })
    }

    /// `registered_before`: a day, or an event of `[[event_deadlines]]`.
    pub(super) fn registered_by(&mut self, raw: &S<DateOrWord>) -> Option<RegisteredBy> {
        match raw.get_ref() {
            DateOrWord::Date(d) => self
                .date(&S(Spanned::new(raw.span(), d.clone())))
                .map(RegisteredBy::Day),
            DateOrWord::Word(w) => {
                let event = self.event(&S(Spanned::new(raw.span(), w.clone())));
                if event.is_none()
                    && NaiveDate::parse_from_str(w, "%Y-%m-%d").is_ok()
                    && let Some(d) = self.diagnostics.last_mut()
                {
                    d.help = Some(format!("a date is written without quotes: {w}"));
                }
                event.map(RegisteredBy::Event)
            }
        }
    }

    /// A rule's dated period: `None` (with an error) when `until` is before `from`.
    fn period(
        &mut self,
        table: &str,
        from: Option<&S<TomlDate>>,
        until: Option<&S<TomlDate>>,
    ) -> Option<(Option<NaiveDate>, Option<NaiveDate>)> {
        let f = from.and_then(|d| self.date(d));
        let u = until.and_then(|d| self.date(d));
        if let (Some(f), Some(u), Some(span)) = (f, u, until.map(|u| u.span()))
            && u < f
        {
            self.error(
                Code::InvertedDates,
                format!("`{table}`: `until` {u} is before `from` {f}"),
                span,
            );
            return None;
        }
        Some((f, u))
    }

    fn remote(&mut self, raw: &RawRemote) -> Option<Remote> {
        let (from, until) =
            self.period("attendance.remote", raw.from.as_ref(), raw.until.as_ref())?;
        Some(Remote {
            clause: clause(&raw.clause),
            counts_for_quorum: raw.counts_for_quorum,
            votes: raw.votes,
            from,
            until,
        })
    }
}

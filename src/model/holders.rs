//! Who held the chair from when, and what those holders show against the
//! chair's rules: a rotating chair passes among its class every N years, so the
//! same member twice in a row, a holder from outside the class, or one turn
//! longer than N years breaks it; a chair with a term limit is held too long
//! once the limit has run.

use chrono::{Months, NaiveDate};
use serde::Serialize;

use super::{Chair, ChairAppointment, ClassId, Clause, Member, MemberId};

/// A member whose representative held the chair from `from` to `until`
/// (inclusive). Without `until` the turn lasts to the day before the next
/// holder's `from`, or is still running.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ChairHolder {
    pub member: MemberId,
    pub from: NaiveDate,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub until: Option<NaiveDate>,
    pub clause: Clause,
    /// Where the record of this holder comes from (a minute, a report).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// How long one holder may keep the chair, and the clause that says so.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HeldLimit<'a> {
    pub years: u32,
    pub clause: &'a Clause,
}

impl HeldLimit<'_> {
    /// The first day beyond the limit for a turn that began on `from`.
    pub fn ends(&self, from: NaiveDate) -> Option<NaiveDate> {
        from.checked_add_months(Months::new(self.years.checked_mul(12)?))
    }
}

/// A recorded holder that breaks the chair's rotation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RotationBreak {
    /// The holder at `index` follows itself.
    Repeated { index: usize },
    /// The holder at `index` is not of the class the chair rotates among.
    OutsideClass { index: usize, class: ClassId },
    /// The holder at `index` kept the chair to `last_day`, on or after `ends`.
    TooLong {
        index: usize,
        ends: NaiveDate,
        last_day: NaiveDate,
    },
}

impl Chair {
    /// The holder recorded on `date`, if any.
    pub fn holder_on(&self, date: NaiveDate) -> Option<&ChairHolder> {
        let i = self
            .holders
            .partition_point(|h| h.from <= date)
            .checked_sub(1)?;
        let h = &self.holders[i];
        h.until.is_none_or(|u| date <= u).then_some(h)
    }

    /// The last day of holder `index`'s turn as recorded: its `until`, else
    /// the day before the next holder's `from`; `None` while it runs on.
    pub fn holder_last_day(&self, index: usize) -> Option<NaiveDate> {
        let h = self.holders.get(index)?;
        h.until.or_else(|| {
            self.holders
                .get(index + 1)
                .and_then(|next| next.from.pred_opt())
        })
    }

    /// How long one holder may keep the chair: a rotating chair's `years`, or
    /// a term times the terms allowed in a row. `None` where the ToR sets no
    /// limit.
    pub fn held_limit(&self) -> Option<HeldLimit<'_>> {
        if let ChairAppointment::Rotating { years, .. } = &self.appointment {
            return Some(HeldLimit {
                years: *years,
                clause: &self.clause,
            });
        }
        let term = self.term.as_ref()?;
        Some(HeldLimit {
            years: term.years.checked_mul(term.max_consecutive?)?,
            clause: &term.clause,
        })
    }

    /// The recorded holders that break the rotation, in the order recorded.
    /// Only turns with a known end are measured: a turn still running is the
    /// audit's to judge, by the year it audits.
    pub fn rotation_breaks(&self, members: &[Member]) -> Vec<RotationBreak> {
        let mut out = Vec::new();
        let class = match &self.appointment {
            ChairAppointment::Rotating { class, .. } => Some(class),
            _ => None,
        };
        for (index, h) in self.holders.iter().enumerate() {
            if class.is_some() && index > 0 && self.holders[index - 1].member == h.member {
                out.push(RotationBreak::Repeated { index });
            }
            if let Some(class) = class
                && members
                    .iter()
                    .any(|m| m.id == h.member && &m.class != class)
            {
                out.push(RotationBreak::OutsideClass {
                    index,
                    class: class.clone(),
                });
            }
            let limit = self.held_limit().and_then(|l| l.ends(h.from));
            if let (Some(ends), Some(last_day)) = (limit, self.holder_last_day(index))
                && last_day >= ends
            {
                out.push(RotationBreak::TooLong {
                    index,
                    ends,
                    last_day,
                });
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().expect("a date")
    }

    fn id(s: &str) -> MemberId {
        MemberId::parse(s).expect("an id")
    }

    fn holder(member: &str, from: &str, until: Option<&str>) -> ChairHolder {
        ChairHolder {
            member: id(member),
            from: d(from),
            until: until.map(d),
            clause: Clause("4".into()),
            source: None,
        }
    }

    fn member(m: &str, class: &str) -> Member {
        Member {
            id: id(m),
            name: m.to_owned(),
            class: ClassId::parse(class).expect("a class"),
            voting: true,
            seats: None,
            from: None,
            until: None,
            body: None,
            clause: None,
            note: None,
        }
    }

    fn rotating(holders: Vec<ChairHolder>) -> Chair {
        Chair {
            clause: Clause("4".into()),
            appointment: ChairAppointment::Rotating {
                class: ClassId::parse("council").expect("a class"),
                years: 2,
            },
            member: None,
            deputy: None,
            casting_vote: None,
            vice_chair: None,
            fallbacks: vec![],
            class: None,
            alternation: None,
            term: None,
            holders,
        }
    }

    #[test]
    fn the_holder_on_a_day_is_the_last_to_start_by_then_within_its_until() {
        let c = rotating(vec![
            holder("a", "2011-05-01", None),
            holder("b", "2013-05-01", Some("2015-04-30")),
        ]);
        let on = |s| c.holder_on(d(s)).map(|h| h.member.as_str());
        assert_eq!(on("2011-04-30"), None);
        assert_eq!(on("2011-05-01"), Some("a"));
        assert_eq!(on("2013-04-30"), Some("a"));
        assert_eq!(on("2013-05-01"), Some("b"));
        assert_eq!(on("2015-05-01"), None);
        assert_eq!(c.holder_last_day(0), Some(d("2013-04-30")));
        assert_eq!(c.holder_last_day(1), Some(d("2015-04-30")));
    }

    #[test]
    fn a_rotation_breaks_on_a_repeat_an_outsider_and_a_long_turn() {
        let members = [
            member("a", "council"),
            member("b", "council"),
            member("x", "co-opted"),
        ];
        let c = rotating(vec![
            holder("a", "2011-05-01", None),
            holder("a", "2013-05-01", None),
            holder("x", "2015-05-01", Some("2016-01-01")),
            holder("b", "2016-01-02", Some("2018-01-02")),
            holder("a", "2018-01-03", None),
        ]);
        assert_eq!(
            c.rotation_breaks(&members),
            [
                RotationBreak::Repeated { index: 1 },
                RotationBreak::OutsideClass {
                    index: 2,
                    class: ClassId::parse("council").expect("a class")
                },
                RotationBreak::TooLong {
                    index: 3,
                    ends: d("2018-01-02"),
                    last_day: d("2018-01-02")
                },
            ]
        );
    }

    #[test]
    fn a_term_limit_is_the_terms_in_a_row_times_their_length() {
        let mut c = rotating(vec![]);
        assert_eq!(c.held_limit().map(|l| l.years), Some(2));
        c.appointment = ChairAppointment::ElectedAnnually;
        assert_eq!(c.held_limit(), None);
        c.term = Some(super::super::Term {
            clause: Clause("5".into()),
            years: 1,
            max_consecutive: Some(3),
        });
        let limit = c.held_limit().expect("a limit");
        assert_eq!((limit.years, limit.clause.0.as_str()), (3, "5"));
        assert_eq!(limit.ends(d("2024-02-29")), Some(d("2027-02-28")));
    }
}

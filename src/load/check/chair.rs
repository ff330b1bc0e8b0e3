//! The chair's fallbacks, vice-chair, class, alternation and term: checked
//! after the appointment, so every reference is to a defined member or class.

use std::collections::HashSet;
use std::ops::Range;

use super::{Checker, clause};
use crate::diag::{Code, Diagnostic};
use crate::load::bounds;
use crate::load::raw::{RawAlternation, RawChair, RawChairHolder, RawTerm};
use crate::model::{
    Alternation, Chair, ChairFallback, ChairHolder, Class, Member, RotationBreak, Term,
};

impl Checker<'_> {
    /// `chair` with the keys beyond its appointment read from `raw`; `None`
    /// when one of them is in error.
    pub(super) fn chair_rules(
        &mut self,
        raw: &RawChair,
        classes: &[Class],
        members: &[Member],
        mut chair: Chair,
    ) -> Option<Chair> {
        let errors_before = self.error_count();
        if let Some(v) = &raw.vice_chair {
            chair.vice_chair = self.member_ref(v, members);
            if chair.vice_chair.is_some() && chair.vice_chair == chair.member {
                self.error(
                    Code::ConflictingKeys,
                    "the vice-chair is the member that provides the chair",
                    v.span(),
                );
            }
        }
        if let Some(list) = &raw.fallbacks {
            chair.fallbacks = self.fallbacks(list, raw.deputy.is_some());
        }
        if let Some(c) = &raw.class {
            chair.class = self.class_ref(c, classes);
            if let (Some(class), Some(m), Some(span)) = (
                &chair.class,
                &chair.member,
                raw.member.as_ref().map(|m| m.span()),
            ) && members.iter().any(|x| &x.id == m && &x.class != class)
            {
                self.error(
                    Code::ConflictingKeys,
                    format!("the chair comes from class `{class}`, but `{m}` is not of it"),
                    span,
                );
            }
        }
        if let Some(a) = &raw.alternation {
            if let Some(m) = &raw.member {
                self.error(
                    Code::ConflictingKeys,
                    "a chair that alternates among members names no one `member`",
                    m.span(),
                )
                .help =
                    Some("remove `member`: `alternation.members` says who chairs each year".into());
            }
            chair.alternation = self.alternation(a, members);
        }
        if let Some(t) = &raw.term {
            chair.term = self.term(t);
        }
        let spans = self.holders(&raw.holders, members, &mut chair);
        if self.error_count() == errors_before {
            self.rotation(&chair, members, &spans);
        }
        (self.error_count() == errors_before).then_some(chair)
    }

    fn error_count(&self) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == crate::diag::Severity::Error)
            .count()
    }

    fn fallbacks(
        &mut self,
        list: &crate::load::raw::S<Vec<crate::load::raw::S<String>>>,
        deputy: bool,
    ) -> Vec<ChairFallback> {
        let mut out = Vec::new();
        for raw in list.get_ref() {
            let Some(f) = self.keyword_of::<ChairFallback>("chair fallback", raw) else {
                continue;
            };
            if out.contains(&f) {
                self.error(
                    Code::DuplicateValue,
                    format!("`{f}` is listed twice among the fallbacks"),
                    raw.span(),
                );
            }
            out.push(f);
        }
        if deputy && !out.is_empty() && !out.contains(&ChairFallback::ViceChair) {
            self.error(
                Code::ConflictingKeys,
                "`deputy` lets a deputy chair, but `fallbacks` leaves out `vice-chair`",
                list.span(),
            )
            .help = Some("add \"vice-chair\" to `fallbacks`, or remove `deputy`".into());
        }
        out
    }

    fn alternation(&mut self, raw: &RawAlternation, members: &[Member]) -> Option<Alternation> {
        let mut ids = Vec::new();
        let mut seen = HashSet::new();
        for m in raw.members.get_ref() {
            let Some(id) = self.member_ref(m, members) else {
                continue;
            };
            if !seen.insert(id.clone()) {
                self.error(
                    Code::DuplicateValue,
                    format!("`{id}` takes its turn twice in the alternation"),
                    m.span(),
                );
            }
            ids.push(id);
        }
        if raw.members.get_ref().len() < 2 {
            self.error(
                Code::OutOfRange,
                "an alternation needs at least two members to take turns",
                raw.members.span(),
            );
        }
        let starts = self.date(&raw.starts)?;
        Some(Alternation {
            clause: clause(&raw.clause),
            members: ids,
            starts,
        })
    }

    /// The recorded holders into `chair`, each a member, in date order and
    /// none starting before the one above it ended. Returns each holder's
    /// `member` span, for the rotation's warnings.
    fn holders(
        &mut self,
        raw: &[RawChairHolder],
        members: &[Member],
        chair: &mut Chair,
    ) -> Vec<Range<usize>> {
        let mut spans = Vec::new();
        for h in raw {
            let member = self.member_ref(&h.member, members);
            let from = self.date(&h.from);
            let until = h.until.as_ref().map(|u| (self.date(u), u.span()));
            let (Some(member), Some(from)) = (member, from) else {
                continue;
            };
            let until = match until {
                Some((None, _)) => continue,
                Some((Some(u), span)) if u < from => {
                    self.error(
                        Code::InvertedDates,
                        format!("`until` {u} is before `from` {from}"),
                        span,
                    );
                    continue;
                }
                Some((Some(u), _)) => Some(u),
                None => None,
            };
            if let Some(prev) = chair.holders.last() {
                let overlap = prev.until.is_some_and(|u| from <= u);
                if from <= prev.from || overlap {
                    let why = if overlap {
                        format!(
                            "`{member}` takes the chair on {from}, but `{}` held it until {}",
                            prev.member,
                            prev.until.unwrap_or(from)
                        )
                    } else {
                        format!(
                            "`{member}` takes the chair on {from}, not after `{}` did on {}",
                            prev.member, prev.from
                        )
                    };
                    self.error(Code::ChairHolderOrder, why, h.from.span()).help = Some(
                        "list the holders in date order, each from after the one above it ended"
                            .into(),
                    );
                    continue;
                }
            }
            chair.holders.push(ChairHolder {
                member,
                from,
                until,
                clause: clause(&h.clause),
                source: h.source.clone(),
            });
            spans.push(h.member.span());
        }
        spans
    }

    /// Warnings for the recorded holders that break the chair's rotation or
    /// term: facts about the past, so the ToR still loads.
    fn rotation(&mut self, chair: &Chair, members: &[Member], spans: &[Range<usize>]) {
        for b in chair.rotation_breaks(members) {
            let (index, message) = match &b {
                RotationBreak::Repeated { index } => (
                    *index,
                    format!(
                        "`{}` holds the chair twice in a row, but it rotates",
                        chair.holders[*index].member
                    ),
                ),
                RotationBreak::OutsideClass { index, class } => (
                    *index,
                    format!(
                        "`{}` holds the chair, but it rotates among class `{class}`",
                        chair.holders[*index].member
                    ),
                ),
                RotationBreak::TooLong {
                    index,
                    ends,
                    last_day,
                } => {
                    let h = &chair.holders[*index];
                    let years = chair.held_limit().map_or(0, |l| l.years);
                    (
                        *index,
                        format!(
                            "`{}` holds the chair from {} to {last_day}, beyond {years} year(s) (to {})",
                            h.member,
                            h.from,
                            ends.pred_opt().unwrap_or(*ends)
                        ),
                    )
                }
            };
            let clause = chair.held_limit().map_or(&chair.clause, |l| l.clause);
            self.diagnostics.push(
                Diagnostic::warning(Code::ChairRotation, format!("{message} (clause {clause})"))
                    .at(spans[index].clone()),
            );
        }
    }

    fn term(&mut self, raw: &RawTerm) -> Option<Term> {
        let years = self.bounded("years", &raw.years, &bounds::ROTATION_YEARS, "years");
        let max_consecutive = match &raw.max_consecutive {
            Some(n) => {
                Some(self.bounded("max_consecutive", n, &bounds::ROTATION_YEARS, "terms")?)
            }
            None => None,
        };
        Some(Term {
            clause: clause(&raw.clause),
            years: years?,
            max_consecutive,
        })
    }
}

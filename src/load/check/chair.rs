//! The chair's fallbacks, vice-chair, class, alternation and term: checked
//! after the appointment, so every reference is to a defined member or class.

use std::collections::HashSet;

use super::{Checker, clause};
use crate::diag::Code;
use crate::load::bounds;
use crate::load::raw::{RawAlternation, RawChair, RawTerm};
use crate::model::{Alternation, Chair, ChairFallback, Class, Member, Term};

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

//! Chair: who presides and whether the ToR allows it.

use super::Ctx;
use crate::engine::Rule;
use crate::engine::meeting::ChairPresence;
use crate::engine::{Fact, Finding};

impl Ctx<'_> {
    pub(super) fn chair(&self) -> Finding {
        const R: Rule = Rule::Chair;
        let Some(chair) = &self.tor.chair else {
            return Finding::not_stated(R, "rule on the chair");
        };
        match self.m.chair {
            None => Finding::unjudged(
                R,
                Some(&chair.clause),
                Fact::Chair,
                "who chaired was not given",
            ),
            Some(ChairPresence::Present) => Finding::pass(R, &chair.clause, "the chair presided"),
            Some(ChairPresence::Deputy) => match &chair.deputy {
                Some(clause) => Finding::pass(R, clause, "a deputy chaired, as the ToR allows"),
                None => Finding::fail(
                    R,
                    &chair.clause,
                    "a deputy chaired, but the ToR provides no deputy or vice-chair",
                ),
            },
            Some(ChairPresence::Absent) => Finding::fail(
                R,
                &chair.clause,
                if chair.deputy.is_some() {
                    "neither the chair nor a deputy presided"
                } else {
                    "the chair was absent and the ToR provides no deputy"
                },
            ),
        }
    }
}

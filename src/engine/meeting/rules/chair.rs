//! Chair: who presides and whether the ToR allows it (the judgement lives with
//! who presides, in `meeting::chair`, so items and the tally share it).

use super::Ctx;
use crate::engine::Finding;

impl Ctx<'_> {
    pub(super) fn chair(&self) -> Finding {
        crate::engine::meeting::chair::judge(self.tor, self.date, self.m)
    }
}

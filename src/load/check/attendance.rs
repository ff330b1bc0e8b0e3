//! `[attendance]`: remote attendance, with its dated period.

use super::{Checker, clause};
use crate::diag::Code;
use crate::load::raw::{RawAttendance, RawRemote};
use crate::model::{Attendance, Remote};

impl Checker<'_> {
    pub(super) fn attendance(&mut self, raw: &RawAttendance) -> Attendance {
        Attendance {
            remote: raw.remote.as_ref().and_then(|r| self.remote(r)),
        }
    }

    fn remote(&mut self, raw: &RawRemote) -> Option<Remote> {
        let from = raw.from.as_ref().and_then(|d| self.date(d));
        let until = raw.until.as_ref().and_then(|d| self.date(d));
        if let (Some(f), Some(u), Some(span)) = (from, until, raw.until.as_ref().map(|u| u.span()))
            && u < f
        {
            self.error(
                Code::InvertedDates,
                format!("`attendance.remote`: `until` {u} is before `from` {f}"),
                span,
            );
            return None;
        }
        Some(Remote {
            clause: clause(&raw.clause),
            counts_for_quorum: raw.counts_for_quorum,
            votes: raw.votes,
            from,
            until,
        })
    }
}

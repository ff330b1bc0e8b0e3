//! Statutory body types: a ToR's own `[[statutory_bodies]]` and the `body` of
//! each member, resolved against them and the bundled table.

use super::super::statutory::{Table, check};
use super::*;

impl Checker<'_> {
    pub(super) fn statutory_bodies(&mut self, raw: &[RawStatutoryBody]) -> Vec<StatutoryBody> {
        let mut seen = HashSet::new();
        let mut out = Vec::new();
        for r in raw {
            let mut problems = Vec::new();
            let checked = check(r, &mut |d| self.date(d), &mut |d| problems.push(d));
            self.diagnostics.extend(problems);
            let Some(body) = checked else { continue };
            if !seen.insert(body.id.clone()) {
                self.error(
                    Code::DuplicateId,
                    format!("statutory body type `{}` is defined twice", body.id),
                    r.id.span(),
                );
                continue;
            }
            out.push(body);
        }
        out
    }

    pub(super) fn body_ref(&mut self, raw: &S<String>, table: &Table<'_>) -> Option<BodyTypeId> {
        let got = raw.get_ref().as_str();
        if let Some(b) = table.get(got) {
            return Some(b.id.clone());
        }
        let mut d = Diagnostic::error(
            Code::UnknownBodyType,
            format!("no statutory body type `{got}` is known"),
        )
        .at(raw.span())
        .label("not in the bundled table or [[statutory_bodies]]");
        d = match table.nearest(got) {
            Some(near) => d.help(format!("did you mean `{near}`?")),
            None => d.help("add it with [[statutory_bodies]] (see the README)"),
        };
        self.diagnostics.push(d);
        None
    }
}

/// The types `members` name, each once, in member order.
pub(super) fn named(members: &[Member], table: &Table<'_>) -> Vec<StatutoryBody> {
    let mut out: Vec<StatutoryBody> = Vec::new();
    for id in members.iter().filter_map(|m| m.body.as_ref()) {
        if out.iter().all(|b| &b.id != id)
            && let Some(b) = table.get(id.as_str())
        {
            out.push(b.clone());
        }
    }
    out
}

//! Classes, members and the rules that name them: the chair and the quorum.

use super::*;

impl Checker<'_> {
    pub(super) fn classes(&mut self, raw: &[RawClass]) -> Vec<Class> {
        let mut seen = HashSet::new();
        let mut classes = Vec::new();
        for c in raw {
            let Ok(id) = ClassId::parse(c.id.get_ref()) else {
                self.error(
                    Code::InvalidId,
                    format!("class id `{}` is not kebab-case", c.id.get_ref()),
                    c.id.span(),
                );
                continue;
            };
            if !seen.insert(id.clone()) {
                self.error(
                    Code::DuplicateId,
                    format!("class `{id}` is defined twice"),
                    c.id.span(),
                );
                continue;
            }
            classes.push(Class {
                id,
                name: c.name.clone(),
                voting: c.voting,
                clause: c.clause.as_ref().map(clause),
            });
        }
        classes
    }

    pub(super) fn class_ref(&mut self, raw: &S<String>, classes: &[Class]) -> Option<ClassId> {
        let got = raw.get_ref().as_str();
        if let Some(c) = classes.iter().find(|c| c.id.as_str() == got) {
            return Some(c.id.clone());
        }
        let d = Diagnostic::error(Code::UnknownClass, format!("no class `{got}` is defined"))
            .at(raw.span())
            .label("not in [[classes]]")
            .suggest(got, classes.iter().map(|c| c.id.as_str()));
        let d = or_list(d, "defined classes", classes.iter().map(|c| c.id.as_str()));
        self.diagnostics.push(d);
        None
    }

    pub(super) fn member_ref(&mut self, raw: &S<String>, members: &[Member]) -> Option<MemberId> {
        let got = raw.get_ref().as_str();
        if let Some(m) = members.iter().find(|m| m.id.as_str() == got) {
            return Some(m.id.clone());
        }
        let d = Diagnostic::error(Code::UnknownMember, format!("no member `{got}` is defined"))
            .at(raw.span())
            .label("not in [[members]]")
            .suggest(got, members.iter().map(|m| m.id.as_str()));
        let d = or_list(d, "defined members", members.iter().map(|m| m.id.as_str()));
        self.diagnostics.push(d);
        None
    }

    pub(super) fn members(
        &mut self,
        raw: &[RawMember],
        classes: &[Class],
        bodies: &super::super::statutory::Table<'_>,
    ) -> Vec<Member> {
        let mut seen = HashSet::new();
        let mut members = Vec::new();
        for m in raw {
            let id = match MemberId::parse(m.id.get_ref()) {
                Ok(id) => id,
                Err(e) => {
                    self.error(Code::InvalidId, e.to_string(), m.id.span());
                    continue;
                }
            };
            if !seen.insert(id.clone()) {
                self.error(
                    Code::DuplicateId,
                    format!("member `{id}` is defined twice"),
                    m.id.span(),
                )
                .label = Some("already defined above".into());
                continue;
            }
            let class = self.class_ref(&m.class, classes);
            let from = m.from.as_ref().and_then(|d| self.date(d));
            let until = m.until.as_ref().and_then(|d| self.date(d));
            if let (Some(f), Some(u), Some(span)) =
                (from, until, m.until.as_ref().map(|u| u.span()))
                && u < f
            {
                self.error(
                    Code::InvertedDates,
                    format!("member `{id}`: `until` {u} is before `from` {f}"),
                    span,
                );
            }
            let body = m.body.as_ref().and_then(|b| self.body_ref(b, bodies));
            let Some(class) = class else { continue };
            let class_votes = classes
                .iter()
                .find(|c| c.id == class)
                .is_some_and(|c| c.voting);
            members.push(Member {
                id,
                name: m.name.clone(),
                voting: m.voting.unwrap_or(class_votes),
                seats: m
                    .seats
                    .as_ref()
                    .and_then(|s| self.bounded("seats", s, &bounds::SEATS, "seats")),
                class,
                from,
                until,
                body,
                clause: m.clause.as_ref().map(clause),
                note: m.note.clone(),
            });
        }
        members
    }

    pub(super) fn chair(
        &mut self,
        raw: &RawChair,
        classes: &[Class],
        members: &[Member],
    ) -> Option<Chair> {
        let kind = self.keyword(
            "chair appointment",
            &raw.appointment,
            &ChairAppointment::NAMES,
        )?;
        let appointment = match kind {
            "elected-annually" => ChairAppointment::ElectedAnnually,
            "elected-at-may-meeting" => ChairAppointment::ElectedAtMayMeeting,
            "named" => ChairAppointment::Named,
            _ => {
                let (Some(class), Some(years)) = (&raw.rotation_class, &raw.rotation_years) else {
                    self.error(
                        Code::MissingKey,
                        "a rotating chair needs `rotation_class` and `rotation_years`",
                        raw.appointment.span(),
                    );
                    return None;
                };
                ChairAppointment::Rotating {
                    class: self.class_ref(class, classes)?,
                    years: self.bounded(
                        "rotation_years",
                        years,
                        &bounds::ROTATION_YEARS,
                        "years",
                    )?,
                }
            }
        };
        let member = match &raw.member {
            Some(m) => Some(self.member_ref(m, members)?),
            None => None,
        };
        let chair = Chair {
            clause: clause(&raw.clause),
            appointment,
            member,
            deputy: raw.deputy.as_ref().map(|d| clause(&d.clause)),
            casting_vote: raw.casting_vote.as_ref().map(|c| clause(&c.clause)),
            vice_chair: None,
            fallbacks: Vec::new(),
            class: None,
            alternation: None,
            term: None,
            holders: Vec::new(),
        };
        self.chair_rules(raw, classes, members, chair)
    }
}

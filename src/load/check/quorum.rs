//! The quorum: its simple form, its combined conditions, and whether the
//! membership could ever meet it.

use super::*;

impl Checker<'_> {
    pub(super) fn quorum(
        &mut self,
        raw: &RawQuorum,
        classes: &[Class],
        members: &[Member],
        counting: Counting,
    ) -> Option<Quorum> {
        let rule = match (&raw.at_least, &raw.fraction) {
            (None, None) if !raw.all.is_empty() => None,
            _ => Some(self.count(
                raw.at_least.as_ref(),
                raw.class.as_ref(),
                raw.fraction.as_ref(),
                raw.rounding.as_ref(),
                classes,
                raw.clause.span(),
                "`[quorum]` needs exactly one of `at_least` or `fraction`",
            )?),
        };
        if let (Some(rule @ QuorumRule::AtLeast { n, class }), Some(at)) = (&rule, &raw.at_least)
            && let Some(u) = rule.unreachable(members.iter(), counting)
        {
            let of = class.as_ref().map_or("voting members".to_owned(), |c| {
                format!("members of class `{c}`")
            });
            let eligible = u.available;
            self.error(
                Code::ImpossibleRule,
                format!("quorum of {n} is more than the {eligible} {of} defined"),
                at.span(),
            )
            .label = Some(format!("at most {eligible}"));
        }
        let mut all = Vec::new();
        for c in &raw.all {
            let Some(cond) = self.condition(c, classes, members) else {
                continue;
            };
            if let Some(u) = cond.unreachable(members.iter(), counting) {
                let of = match &u.of {
                    Counted::Voting => "voting members".to_owned(),
                    Counted::Class(c) => format!("members of class `{c}`"),
                    Counted::From(g) => format!("seats of {g}"),
                };
                self.error(
                    Code::ImpossibleRule,
                    format!(
                        "quorum condition needs {} but there are only {} {of}",
                        u.needed, u.available
                    ),
                    c.span(),
                )
                .label = Some(format!("at most {}", u.available));
            }
            all.push(cond);
        }
        Some(Quorum {
            clause: clause(&raw.clause),
            rule,
            all,
            fallback: raw
                .fallback
                .as_ref()
                .map(|f| self.fallback(f))
                .unwrap_or_default(),
        })
    }

    /// `[quorum.fallback]`: each fallback with its clause; a bad keyword drops
    /// that fallback (with its error), not the quorum.
    fn fallback(&mut self, spanned: &S<RawQuorumFallback>) -> QuorumFallback {
        let raw = spanned.get_ref();
        if raw.continued.is_none() && raw.adjourned.is_none() {
            self.error(
                Code::MissingKey,
                "`[quorum.fallback]` states no fallback: give `[quorum.fallback.continue]` or \
                 `[quorum.fallback.adjourned]`, or leave it out",
                spanned.span(),
            );
        }
        let continued = raw.continued.as_ref().and_then(|c| {
            let by = self.keyword_of("discretion", &c.by);
            let ratify = self.keyword_of("ratification", &c.ratify);
            Some(Continuation {
                clause: clause(&c.clause),
                by: by?,
                ratify: ratify?,
            })
        });
        let adjourned = raw.adjourned.as_ref().and_then(|a| {
            Some(Adjourned {
                clause: clause(&a.clause),
                quorum: self.keyword_of("adjourned quorum", &a.quorum)?,
            })
        });
        QuorumFallback {
            continued,
            adjourned,
        }
    }

    /// A count (`at_least`, optionally of `class`) or a `fraction`.
    #[allow(clippy::too_many_arguments)] // the same keys in `[quorum]` and in a condition
    fn count(
        &mut self,
        at_least: Option<&S<u32>>,
        class: Option<&S<String>>,
        fraction: Option<&S<String>>,
        rounding: Option<&S<String>>,
        classes: &[Class],
        span: Range<usize>,
        neither: &str,
    ) -> Option<QuorumRule> {
        match (at_least, fraction) {
            (Some(n), None) => {
                let class = match class {
                    Some(c) => Some(self.class_ref(c, classes)?),
                    None => None,
                };
                let n_value = *n.get_ref();
                if n_value > *bounds::QUORUM.end() {
                    self.bounded("at_least", n, &bounds::QUORUM, "members");
                } else if n_value == 0 {
                    self.error(
                        Code::ImpossibleRule,
                        "a quorum of 0 is no quorum: leave `[quorum]` out instead",
                        n.span(),
                    );
                }
                Some(QuorumRule::AtLeast { n: n_value, class })
            }
            (None, Some(f)) => {
                let rounding = match rounding {
                    Some(r) => self.keyword_of("rounding", r)?,
                    None => Rounding::default(),
                };
                let (numerator, denominator) = self.quorum_fraction(f)?;
                Some(QuorumRule::Fraction {
                    numerator,
                    denominator,
                    rounding,
                })
            }
            _ => {
                self.error(Code::ConflictingKeys, neither, span);
                None
            }
        }
    }

    fn quorum_fraction(&mut self, f: &S<String>) -> Option<(u32, u32)> {
        let parsed = f.get_ref().split_once('/').and_then(|(a, b)| {
            Some((a.trim().parse::<u32>().ok()?, b.trim().parse::<u32>().ok()?))
        });
        match parsed {
            Some((_, den)) if den > *bounds::FRACTION_TERM.end() => {
                self.error(
                    Code::OutOfRange,
                    format!(
                        "`fraction` = \"{}\" is out of range: the denominator is at most {}",
                        f.get_ref(),
                        bounds::FRACTION_TERM.end()
                    ),
                    f.span(),
                );
                None
            }
            Some((num, den)) if num > 0 && den > 0 && num <= den => Some((num, den)),
            _ => {
                self.error(
                    Code::InvalidValue,
                    "`fraction` must be like \"1/3\": a proper fraction above 0",
                    f.span(),
                );
                None
            }
        }
    }

    /// One `[[quorum.all]]` entry: exactly one of its shapes.
    fn condition(
        &mut self,
        raw: &S<RawCondition>,
        classes: &[Class],
        members: &[Member],
    ) -> Option<Condition> {
        let c = raw.get_ref();
        let shapes = [
            c.at_least.is_some() || c.fraction.is_some(),
            c.at_least_each.is_some(),
            c.members.is_some(),
            c.any_of.is_some(),
            c.presiding.is_some(),
        ];
        let stray = (!shapes[0] && (c.class.is_some() || c.rounding.is_some()))
            || (!shapes[1] && !c.from.is_empty());
        if shapes.iter().filter(|s| **s).count() != 1 || stray {
            self.error(
                Code::ConflictingKeys,
                "a quorum condition needs exactly one of: `at_least` (with `class`) or \
                 `fraction` (with `rounding`), `at_least_each` (with `from`), `members`, \
                 `any_of`, `presiding`",
                raw.span(),
            );
            return None;
        }
        let ids = |this: &mut Self, list: &[S<String>]| -> Option<Vec<MemberId>> {
            let ids: Vec<_> = list.iter().map(|m| this.member_ref(m, members)).collect();
            ids.into_iter().collect()
        };
        if shapes[0] {
            let rule = self.count(
                c.at_least.as_ref(),
                c.class.as_ref(),
                c.fraction.as_ref(),
                c.rounding.as_ref(),
                classes,
                raw.span(),
                "a quorum condition needs one of `at_least` or `fraction`, not both",
            )?;
            return Some(Condition::Count(rule));
        }
        if let Some(n) = &c.at_least_each {
            let n = self.bounded("at_least_each", n, &bounds::QUORUM, "members")?;
            if c.from.is_empty() {
                self.error(
                    Code::MissingKey,
                    "`at_least_each` needs `from`: the members or classes each counted",
                    raw.span(),
                );
                return None;
            }
            let from: Vec<Option<Group>> = c
                .from
                .iter()
                .map(|g| self.group(g, classes, members))
                .collect();
            return Some(Condition::EachOf {
                n,
                from: from.into_iter().collect::<Option<_>>()?,
            });
        }
        if let Some(list) = &c.members {
            return Some(Condition::Members {
                members: ids(self, list)?,
            });
        }
        if let Some(list) = &c.any_of {
            if list.len() < 2 {
                self.error(
                    Code::InvalidValue,
                    "`any_of` names two or more alternatives (one member is `members`)",
                    raw.span(),
                );
                return None;
            }
            return Some(Condition::AnyOf {
                members: ids(self, list)?,
            });
        }
        match &c.presiding {
            Some(p) if *p.get_ref() => Some(Condition::Presiding),
            Some(p) => {
                self.error(
                    Code::InvalidValue,
                    "`presiding = false` states nothing: leave the condition out",
                    p.span(),
                );
                None
            }
            None => None,
        }
    }

    /// A member id or, failing that, a class id.
    fn group(&mut self, raw: &S<String>, classes: &[Class], members: &[Member]) -> Option<Group> {
        let got = raw.get_ref().as_str();
        if let Some(m) = members.iter().find(|m| m.id.as_str() == got) {
            return Some(Group::Member(m.id.clone()));
        }
        if let Some(c) = classes.iter().find(|c| c.id.as_str() == got) {
            return Some(Group::Class(c.id.clone()));
        }
        let d = Diagnostic::error(
            Code::UnknownMember,
            format!("no member or class `{got}` is defined"),
        )
        .at(raw.span())
        .label("not in [[members]] or [[classes]]")
        .suggest(
            got,
            members
                .iter()
                .map(|m| m.id.as_str())
                .chain(classes.iter().map(|c| c.id.as_str())),
        );
        self.diagnostics.push(d);
        None
    }
}

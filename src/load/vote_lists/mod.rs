//! A vote's lists as typed (flags or a votes file), resolved against the ToR
//! into a [`VoteInput`]: every id known, no organisation named in
//! contradiction, people in seats within the seats. The engine takes the
//! resolved input only.

mod build;
mod people;

use std::ops::Range;

use chrono::NaiveDate;

use crate::engine::InputError;
use crate::engine::tally::{Choice, ProxyVote, VoteArgs, VoteInput};
use crate::model::{DecisionKind, Tor};
pub(crate) use build::build;

impl VoteInput {
    /// Resolves every id (suggesting the nearest on a typo) and refuses
    /// contradictions; the first problem found is returned.
    pub fn new(tor: &Tor, date: NaiveDate, args: &VoteArgs) -> Result<Self, InputError> {
        let items = typed;
        let lists = Lists {
            kinds: args
                .kinds
                .iter()
                .map(|k| resolve_kind(tor, k))
                .collect::<Result<_, _>>()?,
            votes_for: items(&args.votes_for),
            against: items(&args.against),
            abstain: items(&args.abstain),
            present: items(&args.present),
            proxies: args
                .proxies
                .iter()
                .map(|(org, proxy)| {
                    (
                        Item {
                            text: org.as_str(),
                            span: None,
                        },
                        proxy.clone(),
                    )
                })
                .collect(),
            conflicts: items(&args.conflicts),
            opt_out: items(&args.opt_out),
            substitutes: items(&args.substitutes),
            deputies: items(&args.deputies),
            notified: notified(items(&args.notified)),
            casting: args.casting,
            written: args.written,
            late: items(&args.late),
            remote: items(&args.remote),
        };
        let input = build(tor, date, lists).map_err(|mut problems| problems.swap_remove(0).0)?;
        Ok(Self {
            chair: args.chair,
            held: args.held,
            ..input
        })
    }
}

/// A kind as typed: one of the ToR's kinds, or exit 2 naming the nearest.
fn resolve_kind(tor: &Tor, typed: &str) -> Result<DecisionKind, InputError> {
    let known = tor.decision_kinds();
    let typed = typed.trim();
    if let Some(k) = known.iter().find(|k| k.as_str() == typed) {
        return Ok(k.clone());
    }
    let names: Vec<&str> = known.iter().map(DecisionKind::as_str).collect();
    let hint = match crate::diag::nearest(typed, names.iter().copied()) {
        Some(best) => format!("did you mean `{best}`?"),
        None => format!("its kinds are {}", names.join(", ")),
    };
    Err(InputError::Invalid(format!(
        "`{typed}` is not a kind of decision of {}: {hint}",
        tor.id
    )))
}

fn typed(list: &[String]) -> Vec<Item<'_>> {
    list.iter()
        .map(|s| Item {
            text: s.as_str(),
            span: None,
        })
        .collect()
}

/// The ids of `ORG@DATETIME`: a vote is judged by its day, so when notice was
/// given is not used here (a stand-in's hours of notice are left unchecked).
pub(crate) fn notified(list: Vec<Item<'_>>) -> Vec<Item<'_>> {
    list.into_iter()
        .map(|i| Item {
            text: crate::load::notified::split(i.text).0,
            ..i
        })
        .collect()
}

/// A member id as typed, with its place in a votes file where there is one.
#[derive(Debug, Clone)]
pub(crate) struct Item<'a> {
    pub text: &'a str,
    pub span: Option<Range<usize>>,
}

#[derive(Debug, Default)]
pub(crate) struct Lists<'a> {
    pub kinds: Vec<DecisionKind>,
    pub votes_for: Vec<Item<'a>>,
    pub against: Vec<Item<'a>>,
    pub abstain: Vec<Item<'a>>,
    pub present: Vec<Item<'a>>,
    pub proxies: Vec<(Item<'a>, ProxyVote)>,
    pub conflicts: Vec<Item<'a>>,
    pub opt_out: Vec<Item<'a>>,
    pub substitutes: Vec<Item<'a>>,
    pub deputies: Vec<Item<'a>>,
    pub notified: Vec<Item<'a>>,
    pub casting: Option<Choice>,
    pub written: bool,
    pub late: Vec<Item<'a>>,
    pub remote: Vec<Item<'a>>,
}

/// Problems with the place they were found at, where known.
pub(crate) type Problems = Vec<(InputError, Option<Range<usize>>)>;

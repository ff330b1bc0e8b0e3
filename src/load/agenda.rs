//! A meeting's agenda as a file writes it, item by item: `items` (titles, or
//! tables with the time each is taken and who has a conflict on it),
//! `arrivals` and `departures`. Meeting files, votes files and the record of
//! held meetings take these keys alike: [`with_agenda!`] declares them once
//! and [`resolve`] checks them once.

use std::borrow::Cow;
use std::collections::HashSet;
use std::fmt;

use chrono::DateTime;
use chrono_tz::Tz;
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer};
use toml::Spanned;

use super::values::{self, DateTimeSchema, Value};
use crate::diag::{Code, Diagnostic};
use crate::engine::meeting::{AgendaItem, Movement, MovementKind};
use crate::model::{MemberId, Tor};

/// Declares a raw file struct with, after its own fields, the keys of a
/// meeting taken item by item (`items`, `arrivals`, `departures`) and an
/// `agenda()` lending them to [`resolve`]. A macro, not `#[serde(flatten)]`:
/// flattening loses `deny_unknown_fields` and the values' spans.
macro_rules! with_agenda {
    (
        $(#[$attr:meta])*
        $vis:vis struct $name:ident {
            $($(#[$fattr:meta])* $field:ident : $ty:ty),* $(,)?
        }
    ) => {
        $(#[$attr])*
        $vis struct $name {
            $($(#[$fattr])* $field: $ty,)*
            /// The agenda items: titles, or `[[items]]` tables with the time
            /// each is taken and who has a conflict on it, for a quorum judged
            /// item by item.
            #[serde(default)]
            items: Vec<$crate::load::agenda::RawItem>,
            /// Members arriving after the start: `{ member, at }`.
            #[serde(default)]
            arrivals: Vec<$crate::load::agenda::RawMovement>,
            /// Members leaving before the end: `{ member, at }`.
            #[serde(default)]
            departures: Vec<$crate::load::agenda::RawMovement>,
        }

        impl $name {
            /// The agenda keys as written.
            fn agenda(&self) -> $crate::load::agenda::RawAgenda<'_> {
                $crate::load::agenda::RawAgenda {
                    items: &self.items,
                    arrivals: &self.arrivals,
                    departures: &self.departures,
                }
            }
        }
    };
}
pub(crate) use with_agenda;

/// A file's agenda keys as written, lent by the struct [`with_agenda!`]
/// declared.
#[derive(Debug, Clone, Copy)]
pub(crate) struct RawAgenda<'a> {
    pub items: &'a [RawItem],
    pub arrivals: &'a [RawMovement],
    pub departures: &'a [RawMovement],
}

impl RawAgenda<'_> {
    /// Whether any item is given as a table.
    pub(crate) fn has_tables(&self) -> bool {
        self.items.iter().any(|i| matches!(i, RawItem::Item(_)))
    }

    /// Where the first time of day is written (an item's or a member's
    /// arrival or departure), if any is.
    pub(crate) fn first_time(&self) -> Option<std::ops::Range<usize>> {
        self.items
            .iter()
            .find_map(|i| match i {
                RawItem::Item(item) => item.at.as_ref().map(Value::span),
                RawItem::Title(_) => None,
            })
            .or_else(|| {
                self.arrivals
                    .iter()
                    .chain(self.departures)
                    .map(|m| m.at.span())
                    .min_by_key(|s| s.start)
            })
    }
}

/// An item as a meeting file writes it: its title alone, or a table.
#[derive(Debug)]
pub(crate) enum RawItem {
    Title(String),
    Item(RawAgendaItem),
}

/// An agenda item with its time and conflicts.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawAgendaItem {
    /// The item's title, as on the agenda.
    #[schemars(with = "String")]
    title: Spanned<String>,
    /// When the item is taken; without it, the previous item's time (the first
    /// item's: the meeting's start).
    #[schemars(with = "Option<DateTimeSchema>")]
    at: Option<Value>,
    /// Members with a conflict of interest on this item: they leave for it,
    /// neither voting nor counting for its quorum.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    conflicts: Vec<Spanned<String>>,
}

impl<'de> Deserialize<'de> for RawItem {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RawItem;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an item's title, or a table with `title`, `at` and `conflicts`")
            }

            fn visit_str<E: de::Error>(self, s: &str) -> Result<RawItem, E> {
                Ok(RawItem::Title(s.to_owned()))
            }

            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<RawItem, A::Error> {
                RawAgendaItem::deserialize(de::value::MapAccessDeserializer::new(map))
                    .map(RawItem::Item)
            }
        }
        d.deserialize_any(V)
    }
}

impl JsonSchema for RawItem {
    fn schema_name() -> Cow<'static, str> {
        "AgendaItem".into()
    }

    fn json_schema(g: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "An agenda item: its title, or a table with `title`, `at` and `conflicts`",
            "anyOf": [{"type": "string"}, (g.subschema_for::<RawAgendaItem>())]
        })
    }
}

/// A member arriving late or leaving early, as written.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawMovement {
    /// The member.
    #[schemars(with = "String")]
    member: Spanned<String>,
    /// When they arrived or left: a date-time on the meeting's day.
    #[schemars(with = "DateTimeSchema")]
    at: Value,
}

impl RawMovement {
    /// The member as written.
    pub(crate) fn member(&self) -> &str {
        self.member.get_ref()
    }
}

/// Titles for the standing-items rule, and the timed agenda where any item is
/// a table.
#[derive(Debug, Default)]
pub(crate) struct Agenda {
    pub titles: Vec<String>,
    pub items: Vec<AgendaItem>,
    pub movements: Vec<Movement>,
}

/// Reads the items, arrivals and departures of a meeting starting at `start`
/// with `present` there at the start; problems are diagnostics at their place.
pub(crate) fn resolve(
    tor: &Tor,
    start: DateTime<Tz>,
    present: &HashSet<MemberId>,
    raw: RawAgenda<'_>,
    problems: &mut Vec<Diagnostic>,
) -> Agenda {
    let tz = tor.timezone;
    let timed = raw.has_tables();
    let mut titles = Vec::new();
    let mut items = Vec::new();
    let mut last = start;
    for written in raw.items {
        match written {
            RawItem::Title(t) => {
                titles.push(t.trim().to_owned());
                if timed {
                    items.push(AgendaItem {
                        title: t.trim().to_owned(),
                        at: last,
                        conflicts: Vec::new(),
                    });
                }
            }
            RawItem::Item(i) => {
                let title = i.title.get_ref().trim().to_owned();
                if title.is_empty() {
                    problems.push(
                        Diagnostic::error(Code::EmptyValue, "an item needs a title")
                            .at(i.title.span()),
                    );
                }
                let at = match &i.at {
                    None => last,
                    Some(v) => match values::datetime(v, tz) {
                        Err(d) => {
                            problems.push(d);
                            last
                        }
                        Ok(t) if t < last => {
                            problems.push(
                                Diagnostic::error(
                                    Code::OutOfOrder,
                                    if t < start {
                                        "the item is taken before the meeting starts".to_owned()
                                    } else {
                                        "the item is taken before the item above it".to_owned()
                                    },
                                )
                                .at(v.span())
                                .help("list the items in the order they are taken, each at or after the one before"),
                            );
                            last
                        }
                        Ok(t) => t,
                    },
                };
                last = at;
                let conflicts = unique(values::members(tor, &i.conflicts, problems));
                titles.push(title.clone());
                items.push(AgendaItem {
                    title,
                    at,
                    conflicts,
                });
            }
        }
    }
    let movements = movements(tor, start, present, raw.arrivals, raw.departures, problems);
    Agenda {
        titles: titles.into_iter().filter(|t| !t.is_empty()).collect(),
        items,
        movements,
    }
}

fn unique(list: Vec<(MemberId, std::ops::Range<usize>)>) -> Vec<MemberId> {
    let mut seen = HashSet::new();
    list.into_iter()
        .filter(|(id, _)| seen.insert(id.clone()))
        .map(|(id, _)| id)
        .collect()
}

/// Arrivals and departures in time order; one that contradicts who is there
/// (a member leaving who is not there, arriving who is) is an error.
fn movements(
    tor: &Tor,
    start: DateTime<Tz>,
    present: &HashSet<MemberId>,
    arrivals: &[RawMovement],
    departures: &[RawMovement],
    problems: &mut Vec<Diagnostic>,
) -> Vec<Movement> {
    let mut all = Vec::new();
    for (list, kind) in [
        (arrivals, MovementKind::Arrives),
        (departures, MovementKind::Leaves),
    ] {
        for raw in list {
            let member = values::members(tor, std::slice::from_ref(&raw.member), problems);
            let at = values::datetime(&raw.at, tor.timezone)
                .map_err(|d| problems.push(d))
                .ok();
            if let Some(t) = at
                && t < start
            {
                problems.push(
                    Diagnostic::error(
                        Code::OutOfOrder,
                        "this is before the meeting starts: list the member among those at the start instead",
                    )
                    .at(raw.at.span()),
                );
                continue;
            }
            if let (Some((member, span)), Some(at)) = (member.into_iter().next(), at) {
                all.push((Movement { member, at, kind }, span));
            }
        }
    }
    // Stable: at one time, arrivals are taken before departures, as written.
    all.sort_by_key(|(m, _)| m.at);
    let mut here: HashSet<MemberId> = present.clone();
    for (m, span) in &all {
        let ok = match m.kind {
            MovementKind::Arrives => here.insert(m.member.clone()),
            MovementKind::Leaves => here.remove(&m.member),
        };
        if !ok {
            let why = match m.kind {
                MovementKind::Arrives => "arrives, but is already there",
                MovementKind::Leaves => "leaves, but is not there",
            };
            problems.push(
                Diagnostic::error(Code::Contradiction, format!("`{}` {why}", m.member))
                    .at(span.clone()),
            );
        }
    }
    all.into_iter().map(|(m, _)| m).collect()
}

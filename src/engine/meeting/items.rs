//! A meeting item by item: the agenda with the time each item is taken, the
//! members who arrive late or leave early, and those with a conflict on an
//! item, who leave for it. [`at_item`] gives the meeting as it stood for one
//! item, so every rule judges it as it judges a whole meeting.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::fmt;

use chrono::DateTime;
use chrono_tz::Tz;
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer};
use toml::Spanned;

use super::MeetingInput;
use crate::diag::{Code, Diagnostic};
use crate::engine::attendance::Attendance;
use crate::load::values::{self, DateTimeSchema, Value};
use crate::model::{Capacity, MemberId, Tor};

/// An agenda item with the time it is taken and who has a conflict on it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgendaItem {
    pub title: String,
    /// When the item is taken: as given, else the previous item's time (the
    /// first item's: the meeting's start).
    pub at: DateTime<Tz>,
    /// Members with a conflict on this item: they leave for it and count for
    /// none of its rules.
    pub conflicts: Vec<MemberId>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MovementKind {
    Arrives,
    Leaves,
}

/// A member arriving after the start or leaving before the end.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Movement {
    pub member: MemberId,
    pub at: DateTime<Tz>,
    pub kind: MovementKind,
}

/// The meeting as it stood when `item` was taken: who had left is gone, who
/// had arrived is there (in person, unless they were at the start by a
/// stand-in), and members with a conflict on the item are out for it. Also
/// gives those present who left for their conflict, in the item's order.
pub fn at_item(m: &MeetingInput, item: &AgendaItem) -> (MeetingInput, Vec<MemberId>) {
    // The list each member attends in at the start: 0 attendees, 1
    // substitutes, 2 deputies.
    let mut start: HashMap<&MemberId, usize> = HashMap::new();
    for (i, list) in m.attendance.lists().into_iter().enumerate() {
        for id in list {
            start.entry(id).or_insert(i);
        }
    }
    let mut here: HashMap<&MemberId, usize> = start.clone();
    let mut order: Vec<&MemberId> = m.attendance.lists().into_iter().flatten().collect();
    for mv in m.movements.iter().filter(|mv| mv.at <= item.at) {
        match mv.kind {
            MovementKind::Leaves => {
                here.remove(&mv.member);
            }
            MovementKind::Arrives => {
                let list = start.get(&mv.member).copied().unwrap_or(0);
                if here.insert(&mv.member, list).is_none() && !start.contains_key(&mv.member) {
                    order.push(&mv.member);
                    start.insert(&mv.member, list);
                }
            }
        }
    }
    let conflicted: HashSet<&MemberId> = item.conflicts.iter().collect();
    let left: Vec<MemberId> = item
        .conflicts
        .iter()
        .filter(|c| here.contains_key(c))
        .cloned()
        .collect();
    let mut lists: [Vec<MemberId>; 3] = Default::default();
    let mut seen = HashSet::new();
    for id in order {
        if let Some(&list) = here.get(id)
            && !conflicted.contains(id)
            && seen.insert(id)
        {
            lists[list].push(id.clone());
        }
    }
    // A member there in person and by stand-ins for its absent seats keeps
    // both while it is there.
    for (id, how, _) in m.attendance.shared() {
        if here.get(id) == Some(&0) && !conflicted.contains(id) {
            let list = if how == Capacity::Deputy { 2 } else { 1 };
            lists[list].push(id.clone());
        }
    }
    let [in_person, substitutes, deputies] = lists;
    let at = MeetingInput {
        attendance: Attendance {
            in_person,
            substitutes,
            deputies,
            ..m.attendance.clone()
        },
        agenda: Vec::new(),
        movements: Vec::new(),
        ..m.clone()
    };
    (at, left)
}

// ---- as written ------------------------------------------------------------

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
    raw_items: &[RawItem],
    arrivals: &[RawMovement],
    departures: &[RawMovement],
    problems: &mut Vec<Diagnostic>,
) -> Agenda {
    let tz = tor.timezone;
    let timed = raw_items.iter().any(|i| matches!(i, RawItem::Item(_)));
    let mut titles = Vec::new();
    let mut items = Vec::new();
    let mut last = start;
    for raw in raw_items {
        match raw {
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
    let movements = movements(tor, start, present, arrivals, departures, problems);
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

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn id(s: &str) -> MemberId {
        MemberId::parse(s).expect("an id")
    }

    fn t(h: u32, min: u32) -> DateTime<Tz> {
        chrono_tz::Europe::London
            .with_ymd_and_hms(2026, 3, 5, h, min, 0)
            .single()
            .expect("a time")
    }

    #[test]
    fn an_item_sees_who_came_and_went_and_who_left_for_a_conflict() {
        let mut m = MeetingInput::new(t(18, 0));
        m.attendance.in_person = vec![id("a"), id("b"), id("c")];
        m.attendance.substitutes = vec![id("d")];
        m.movements = vec![
            Movement {
                member: id("e"),
                at: t(18, 20),
                kind: MovementKind::Arrives,
            },
            Movement {
                member: id("d"),
                at: t(18, 30),
                kind: MovementKind::Leaves,
            },
        ];
        let item = |at, conflicts: &[&str]| AgendaItem {
            title: "x".into(),
            at,
            conflicts: conflicts.iter().map(|s| id(s)).collect(),
        };
        let (first, left) = at_item(&m, &item(t(18, 0), &[]));
        assert_eq!(first.attendance.in_person, [id("a"), id("b"), id("c")]);
        assert_eq!(first.attendance.substitutes, [id("d")]);
        assert!(left.is_empty());
        let (later, left) = at_item(&m, &item(t(18, 30), &["b", "z"]));
        assert_eq!(later.attendance.in_person, [id("a"), id("c"), id("e")]);
        assert!(later.attendance.substitutes.is_empty());
        assert_eq!(left, [id("b")]);
    }
}

//! Wrappers that let the raw structs keep positions and still describe themselves
//! as a JSON Schema (`tor schema`).

use std::borrow::Cow;
use std::ops::Deref;

use chrono::NaiveDate;
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::Deserialize;
use toml::Spanned;
use toml::value::Datetime;

/// A value with its byte range in the file.
#[derive(Debug, Clone, Deserialize)]
#[serde(transparent)]
pub struct S<T>(pub Spanned<T>);

impl<T> S<T> {
    pub fn into_inner(self) -> T {
        self.0.into_inner()
    }
}

impl<T> Deref for S<T> {
    type Target = Spanned<T>;

    fn deref(&self) -> &Spanned<T> {
        &self.0
    }
}

impl<T: JsonSchema> JsonSchema for S<T> {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> Cow<'static, str> {
        T::schema_name()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        T::json_schema(generator)
    }
}

/// A TOML date (`2013-04-30`, no quotes). Checked for a real calendar day later.
#[derive(Debug, Clone, Deserialize)]
#[serde(transparent)]
pub struct TomlDate(pub Datetime);

impl Deref for TomlDate {
    type Target = Datetime;

    fn deref(&self) -> &Datetime {
        &self.0
    }
}

impl std::fmt::Display for TomlDate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

impl JsonSchema for TomlDate {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> Cow<'static, str> {
        "TomlDate".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        // Editors see TOML dates as strings in RFC 3339 full-date form.
        json_schema!({
            "type": "string",
            "format": "date",
            "description": "A TOML date, written without quotes: 2013-04-30"
        })
    }
}

/// A TOML date that is a plain calendar date, or `None`.
pub(super) fn plain_date(raw: &S<TomlDate>) -> Option<NaiveDate> {
    let value = raw.get_ref();
    match (value.date, value.time, value.offset) {
        (Some(d), None, None) => {
            NaiveDate::from_ymd_opt(d.year.into(), d.month.into(), d.day.into())
        }
        _ => None,
    }
}

/// A TOML date or a word, in one key (`registered_before = 2025-05-01` or
/// `registered_before = "may-meeting"`): which one is told by the TOML type,
/// so a quoted date is a word and fails as one, with its position.
#[derive(Debug, Clone)]
pub enum DateOrWord {
    Date(TomlDate),
    Word(String),
}

impl<'de> Deserialize<'de> for DateOrWord {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visit;
        impl<'de> serde::de::Visitor<'de> for Visit {
            type Value = DateOrWord;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a date (2025-05-01, no quotes) or an event such as \"may-meeting\"")
            }

            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<DateOrWord, E> {
                Ok(DateOrWord::Word(v.to_owned()))
            }

            // toml hands a datetime over as a one-entry map.
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                map: A,
            ) -> Result<DateOrWord, A::Error> {
                Datetime::deserialize(serde::de::value::MapAccessDeserializer::new(map))
                    .map(|d| DateOrWord::Date(TomlDate(d)))
            }
        }
        d.deserialize_any(Visit)
    }
}

impl JsonSchema for DateOrWord {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> Cow<'static, str> {
        "DateOrWord".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "description": "A TOML date written without quotes (2025-05-01), or an event in quotes: \"may-meeting\", \"annual-meeting\", \"ordinary-elections\" or \"meeting:<mark>\""
        })
    }
}

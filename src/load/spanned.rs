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

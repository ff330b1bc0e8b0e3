//! JSON Schemas (draft-07, which taplo and Even Better TOML understand) of the files
//! tor reads, generated from the same raw structs the loader uses, so they cannot
//! drift apart.

use schemars::generate::SchemaSettings;
use schemars::transform::RecursiveTransform;
use schemars::{JsonSchema, Schema};
use serde_json::Value;

use crate::load::cases::RawCases;
use crate::load::raw::RawTor;
use crate::load::record::RawRecord;

/// The files tor has a schema for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SchemaKind {
    /// A partnership's terms of reference: `<id>.toml`.
    Tor,
    /// The record of held meetings: `<id>.meetings.toml`.
    Meetings,
    /// Worked cases: `<id>.cases.toml`.
    Cases,
}

pub fn schema(kind: SchemaKind) -> Value {
    match kind {
        SchemaKind::Tor => generate::<RawTor>("tor terms of reference"),
        SchemaKind::Meetings => generate::<RawRecord>("tor record of meetings"),
        SchemaKind::Cases => generate::<RawCases>("tor worked cases"),
    }
}

fn generate<T: JsonSchema>(title: &str) -> Value {
    let mut settings = SchemaSettings::draft07();
    settings
        .transforms
        .push(Box::new(RecursiveTransform(drop_null)));
    let generator = settings.into_generator();
    let mut root = generator.into_root_schema_for::<T>().to_value();
    root["title"] = Value::from(title);
    root
}

/// TOML has no null: an optional key is simply left out, so `Option<T>` is `T`.
fn drop_null(schema: &mut Schema) {
    let Some(object) = schema.as_object_mut() else {
        return;
    };
    if let Some(Value::Array(types)) = object.get_mut("type") {
        types.retain(|t| t != "null");
        if let [only] = types.as_slice() {
            let only = only.clone();
            object.insert("type".into(), only);
        }
    }
    let Some(Value::Array(any_of)) = object.get("anyOf") else {
        return;
    };
    let rest: Vec<Value> = any_of
        .iter()
        .filter(|s| s.get("type").is_none_or(|t| t != "null"))
        .cloned()
        .collect();
    if let [only] = rest.as_slice() {
        let only = only.clone();
        object.remove("anyOf");
        if let Value::Object(fields) = only {
            object.extend(fields);
        }
    }
}

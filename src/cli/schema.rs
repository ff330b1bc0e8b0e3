//! `tor schema`: JSON Schemas of tor's files, for editors (taplo, Even Better TOML).

use anyhow::Result;
use tor::schema::{SchemaKind, schema};

use super::Global;
use super::output::{Status, print_json};

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Which file: a ToR, a record of meetings, or worked cases
    #[arg(value_enum, default_value_t = Kind::Tor)]
    pub kind: Kind,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub(crate) enum Kind {
    /// A ToR file, <id>.toml
    Tor,
    /// The record of held meetings, <id>.meetings.toml
    Meetings,
    /// Worked cases for `tor test`, <id>.cases.toml
    Cases,
}

pub(super) fn run(_g: &Global, args: &Args) -> Result<Status> {
    let kind = match args.kind {
        Kind::Tor => SchemaKind::Tor,
        Kind::Meetings => SchemaKind::Meetings,
        Kind::Cases => SchemaKind::Cases,
    };
    print_json(&schema(kind))?;
    Ok(Status::Valid)
}

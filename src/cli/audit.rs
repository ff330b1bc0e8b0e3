//! Placeholder: being written.

use anyhow::Result;

use super::Global;
use super::output::Status;

#[derive(Debug, clap::Args)]
pub struct Args {}

pub fn run(_g: &Global, _args: &Args) -> Result<Status> {
    anyhow::bail!("not implemented yet")
}

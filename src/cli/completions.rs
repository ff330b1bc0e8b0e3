//! `tor completions SHELL`: the shell's completion script, from the clap definition.

use anyhow::Result;
use clap_complete::Shell;

use super::Global;
use super::output::{Status, print_document};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The shell to complete for
    #[arg(value_enum)]
    pub shell: Shell,
}

pub fn run(_g: &Global, args: &Args) -> Result<Status> {
    let mut cmd = super::command();
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut cmd, "tor", &mut script);
    print_document(&String::from_utf8(script)?)?;
    Ok(Status::Valid)
}

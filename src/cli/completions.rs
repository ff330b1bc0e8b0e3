//! `tor completions SHELL`: the shell's completion script, from the clap definition.

use anyhow::{Result, bail};
use clap::CommandFactory;
use clap_complete::Shell;

use super::output::{Format, Status, print};
use super::{Cli, Global};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The shell to complete for
    #[arg(value_enum)]
    pub shell: Shell,
}

pub fn run(g: &Global, args: &Args) -> Result<Status> {
    if g.format == Format::Json {
        bail!("`tor completions` prints a shell script: --format json does not apply");
    }
    let mut cmd = Cli::command();
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut cmd, "tor", &mut script);
    print(&String::from_utf8(script)?)?;
    Ok(Status::Valid)
}

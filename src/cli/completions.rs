//! `tor completions SHELL`: the script that registers tor's completion with the
//! shell. The script asks tor itself at each <Tab> (`COMPLETE=SHELL tor -- ...`),
//! so partnership and member ids are completed from the catalog in use.

use anyhow::Result;
use clap_complete::Shell;
use clap_complete::env::{Bash, Elvish, EnvCompleter, Fish, Powershell, Zsh};

use super::Global;
use super::output::{Status, print_document};

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The shell to complete for
    #[arg(value_enum)]
    pub shell: Shell,
}

pub(super) fn run(_g: &Global, args: &Args) -> Result<Status> {
    let shell: &dyn EnvCompleter = match args.shell {
        Shell::Bash => &Bash,
        Shell::Zsh => &Zsh,
        Shell::Fish => &Fish,
        Shell::Elvish => &Elvish,
        Shell::PowerShell => &Powershell,
        other => anyhow::bail!("no completion for {other}"),
    };
    let mut script = Vec::new();
    // `tor` as found on PATH when the shell completes, wherever it is installed.
    shell.write_registration(super::complete::VAR, "tor", "tor", "tor", &mut script)?;
    print_document(&String::from_utf8(script)?)?;
    Ok(Status::Valid)
}

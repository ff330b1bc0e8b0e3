//! `tor man [COMMAND]`: the roff man page of tor, or of one of its commands.

use anyhow::{Result, bail};
use clap_mangen::Man;
use clap_mangen::roff::{Roff, bold, roman};

use super::Global;
use super::examples::{self, Example};
use super::output::{Status, print_document};

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// A command whose page to print instead, e.g. `validate` (the page tor-validate(1))
    pub command: Option<String>,
}

pub(super) fn run(_g: &Global, args: &Args) -> Result<Status> {
    // Built, so each command knows its full name (tor-validate) and the global
    // options; without the help command, which has no page of its own.
    let mut cmd = super::command()
        .disable_help_subcommand(true)
        .long_about(DESCRIPTION);
    cmd.build();
    // Every page names the release, as the top-level one does by default.
    let source = format!("tor {}", env!("CARGO_PKG_VERSION"));
    let mut page = Vec::new();
    match &args.command {
        None => {
            // One example of each command here; each command's page has them all.
            let examples: Vec<Example> = cmd
                .get_subcommands()
                .filter_map(|sub| examples::of(sub.get_name()).first().copied())
                .collect();
            Man::new(cmd).source(source).render(&mut page)?;
            page.extend(extra_sections(&examples).render().into_bytes());
        }
        Some(name) => {
            let Some(sub) = cmd.find_subcommand(name) else {
                let names: Vec<&str> = cmd.get_subcommands().map(clap::Command::get_name).collect();
                bail!("no command `{name}`: one of {}", names.join(", "));
            };
            // The examples that end its --help become the page's EXAMPLES.
            let plain = sub.clone().after_help(None::<&str>);
            Man::new(plain).source(source).render(&mut page)?;
            let mut roff = Roff::new();
            examples_section(&mut roff, examples::of(name));
            page.extend(roff.render().into_bytes());
        }
    }
    print_document(&String::from_utf8(page)?)?;
    Ok(Status::Valid)
}

/// The page's DESCRIPTION: longer than `--help`, which keeps to one line.
const DESCRIPTION: &str = "\
tor turns a partnership's written terms of reference (ToR) into rules a machine \
checks: whether a meeting is quorate, whether the papers went out in time, whether \
a vote was carried. Every answer cites the clause of the ToR that decides it.

Each partnership's ToR is a TOML file, ID.toml, in the folder given by --dir (or \
TOR_DIR), else ./partnerships if it exists, else the partnerships built into tor. \
tor init writes a new one; tor validate checks them.";

/// EXAMPLES: what each shows, then the command line, set apart.
fn examples_section(roff: &mut Roff, examples: &[Example]) {
    if examples.is_empty() {
        return;
    }
    roff.control("SH", ["EXAMPLES"]);
    for e in examples {
        roff.control("PP", []).text([roman(e.what)]);
        roff.control("RS", ["4"]).control("nf", []);
        roff.text([bold(e.line)]);
        roff.control("fi", []).control("RE", []);
    }
}

/// What the generated page cannot know: exit codes, environment, files, examples.
fn extra_sections(examples: &[Example]) -> Roff {
    let mut roff = Roff::new();
    roff.control("SH", ["EXIT STATUS"]);
    for (code, meaning) in [
        ("0", "Checked and valid."),
        (
            "1",
            "Checked and not valid: an error, a failing rule, an invalid vote.",
        ),
        (
            "2",
            "Could not check: usage error, unreadable or malformed input, unknown partnership or member id.",
        ),
    ] {
        roff.control("TP", [])
            .text([bold(code)])
            .text([roman(meaning)]);
    }
    roff.control("SH", ["ENVIRONMENT"]);
    roff.control("TP", [])
        .text([bold("TOR_DIR")])
        .text([roman("The folder of ToR files, as --dir.")]);
    roff.control("TP", [])
        .text([bold("NO_COLOR")])
        .text([roman("When set and not empty, output is never coloured.")]);
    roff.control("SH", ["FILES"]);
    roff.control("TP", [])
        .text([bold("partnerships/ID.toml")])
        .text([roman(
            "A partnership's terms of reference, read when --dir is not given and the folder exists; \
             otherwise the built-in partnerships are used. tor init writes a new one.",
        )]);
    examples_section(&mut roff, examples);
    roff.control("SH", ["SEE ALSO"]);
    roff.text([roman(
        "Each command has its own page: tor man COMMAND, e.g. tor man validate.",
    )]);
    roff
}

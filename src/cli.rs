//! Command-line arguments (clap derive: the doc comments are the help text) and
//! the dispatch to one module per subcommand.

mod attendance;
mod audit;
mod check_meeting;
mod complete;
mod completions;
mod dates;
mod deadlines;
mod error;
mod examples;
mod explain;
mod files;
mod held;
mod holidays;
mod init;
mod list;
mod man;
mod output;
mod schedule;
mod schema;
mod show;
mod style;
mod tally;
mod test;
mod unchecked;
mod validate;

use std::path::PathBuf;

use anyhow::Result;
use clap::{Parser, Subcommand};

pub(crate) use error::message as error_message;
pub(crate) use output::{Format, OutputFormat, Status, guard_stderr};

/// Check meetings and votes against a partnership's terms of reference.
///
/// Exit codes: 0 checked and valid, 1 checked and not valid, 2 could not check.
#[derive(Debug, Parser)]
#[command(name = "tor", version, about, long_about = None)]
pub(crate) struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, clap::Args)]
pub(crate) struct GlobalArgs {
    /// Folder of ToR files [default: ./partnerships if it exists, else the built-in set]
    // Empty values get through clap so that `run` can say which of the two was
    // empty: clap's own message would blame `--dir` for an empty TOR_DIR.
    #[arg(
        long,
        global = true,
        env = "TOR_DIR",
        value_name = "DIR",
        value_parser = clap::builder::TypedValueParser::map(
            clap::builder::OsStringValueParser::new(),
            PathBuf::from
        )
    )]
    pub dir: Option<PathBuf>,
    /// Output format [default: human]; each command's --help lists those it takes
    #[arg(long, value_name = "FORMAT", value_parser = output::format_parser(output::COMMON_FORMATS))]
    pub format: Option<OutputFormat>,
    /// When to colour the output
    #[arg(long, global = true, value_enum, value_name = "WHEN", default_value_t = style::ColorChoice::Auto)]
    pub color: style::ColorChoice,
}

/// The options every command sees, once checked.
#[derive(Debug)]
pub(crate) struct Global {
    pub dir: Option<PathBuf>,
    pub format: Format,
}

#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// List the partnerships: id, name, members, review due
    List,
    /// Show the terms of reference in force on a date, every rule with its clause
    Show(show::Args),
    /// Check ToR files are well formed and coherent
    Validate(validate::Args),
    /// List the bank holidays of a region
    Holidays(holidays::Args),
    /// Deadlines for a meeting: papers out, extraordinary notice, minutes due
    Deadlines(deadlines::Args),
    /// Check a proposed meeting against every rule of the ToR in force on its date
    CheckMeeting(check_meeting::Args),
    /// Count a vote and say whether it is valid under the ToR
    Tally(tally::Args),
    /// Print the JSON Schema (draft-07) of a file kind, for editors and taplo
    Schema(schema::Args),
    /// Run the worked cases kept beside each ToR (<id>.cases.toml)
    Test(test::Args),
    /// Plan a year of meetings that meets the ToR, optionally as an iCalendar file
    Schedule(schedule::Args),
    /// Report whether a year's meetings kept the ToR, clause by clause
    Audit(audit::Args),
    /// Write a new ToR file, valid by construction
    Init(init::Args),
    /// Print shell completions
    Completions(completions::Args),
    /// Print the man page
    Man(man::Args),
}

/// The command line, with each command's own `--format` and examples.
pub(crate) fn command() -> clap::Command {
    use clap::CommandFactory;
    let mut cmd = Cli::command();
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_owned())
        .collect();
    for name in names {
        let formats = output::formats_of(&name);
        let examples = examples::after_help(examples::of(&name));
        cmd = cmd.mut_subcommand(name, |sub| {
            let sub = sub.after_help(examples);
            if formats.is_empty() {
                sub
            } else {
                sub.arg(output::format_arg(formats))
            }
        });
    }
    cmd
}

/// Parses the command line (exiting with clap's message on a usage error). A
/// `--format` after the command is that command's; one before it is checked
/// against the command in [`run`].
pub(crate) fn parse() -> Cli {
    use clap::FromArgMatches;
    complete::answer_if_asked();
    let matches = command()
        .try_get_matches()
        .unwrap_or_else(|e| usage_error(e));
    let mut cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| usage_error(e));
    if let Some(format) = matches.subcommand().and_then(|(_, sub)| {
        sub.try_get_one::<OutputFormat>(output::FORMAT)
            .ok()
            .flatten()
    }) {
        cli.global.format = Some(*format);
    }
    cli
}

/// Ends tor with clap's message for a usage error (or its help and version
/// text), made safe like every other line tor writes: a flag's value is user
/// input, and may hold a newline and a workflow command.
fn usage_error(e: clap::Error) -> ! {
    let e = excerpt_values(e);
    let text = output::guard_stderr(&e.render().to_string());
    // Help and version go to stdout and exit 0, as clap's own `exit` does.
    let written = if e.use_stderr() {
        std::io::Write::write_all(&mut std::io::stderr(), text.as_bytes())
    } else {
        std::io::Write::write_all(&mut std::io::stdout(), text.as_bytes())
    };
    drop(written);
    std::process::exit(e.exit_code())
}

/// clap quotes the offending argument whole; a hostile one may be megabytes
/// long, so the quote is cut to an excerpt before the message is printed.
fn excerpt_values(mut e: clap::Error) -> clap::Error {
    use clap::error::{ContextKind, ContextValue};
    for kind in [ContextKind::InvalidValue, ContextKind::InvalidArg] {
        if let Some(ContextValue::String(value)) = e.get(kind) {
            let short = tor::text::excerpt(value);
            if short.len() < value.len() {
                e.insert(kind, ContextValue::String(short));
            }
        }
    }
    e
}

pub(crate) fn run(cli: Cli) -> Result<Status> {
    style::init(cli.global.color);
    let name = command_name(&cli.command);
    let output = cli.global.format.unwrap_or(OutputFormat::Human);
    // Before the command clap offers only the formats every reporting command
    // takes; a command that takes none still has to refuse one.
    if output != OutputFormat::Human && output::formats_of(name).is_empty() {
        anyhow::bail!("`tor {name}` takes no --format");
    }
    let format = match output {
        OutputFormat::Json => Format::Json,
        _ => Format::Human,
    };
    let g = &Global {
        dir: non_empty_dir(cli.global.dir)?,
        format,
    };
    match &cli.command {
        Command::List => list::run(g),
        Command::Show(args) => show::run(g, args),
        Command::Validate(args) => validate::run(g, args, output),
        Command::Holidays(args) => holidays::run(g, args),
        Command::Deadlines(args) => deadlines::run(g, args),
        Command::CheckMeeting(args) => check_meeting::run(g, args),
        Command::Tally(args) => tally::run(g, args),
        Command::Schema(args) => schema::run(g, args),
        Command::Test(args) => test::run(g, args),
        Command::Schedule(args) => schedule::run(g, args),
        Command::Audit(args) => audit::run(g, args),
        Command::Init(args) => init::run(g, args),
        Command::Completions(args) => completions::run(g, args),
        Command::Man(args) => man::run(g, args),
    }
}

/// An empty folder name names no folder; refuse it, naming where it came from.
fn non_empty_dir(dir: Option<PathBuf>) -> Result<Option<PathBuf>> {
    match dir {
        Some(d) if d.as_os_str().is_empty() => {
            if std::env::var_os("TOR_DIR").is_some_and(|v| v.is_empty()) {
                anyhow::bail!(
                    "TOR_DIR is set but empty: unset it, or set it to a folder of ToR files"
                )
            }
            anyhow::bail!("--dir is empty: give a folder of ToR files")
        }
        other => Ok(other),
    }
}

/// The name a command is typed as.
fn command_name(command: &Command) -> &'static str {
    match command {
        Command::List => "list",
        Command::Show(_) => "show",
        Command::Validate(_) => "validate",
        Command::Holidays(_) => "holidays",
        Command::Deadlines(_) => "deadlines",
        Command::CheckMeeting(_) => "check-meeting",
        Command::Tally(_) => "tally",
        Command::Schema(_) => "schema",
        Command::Test(_) => "test",
        Command::Schedule(_) => "schedule",
        Command::Audit(_) => "audit",
        Command::Init(_) => "init",
        Command::Completions(_) => "completions",
        Command::Man(_) => "man",
    }
}

/// The catalog the global options select.
fn catalog(g: &Global) -> Result<tor::catalog::Catalog> {
    Ok(tor::catalog::Catalog::discover(g.dir.as_deref())?)
}

fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

/// One member id of a comma-separated list. An empty one (`--for ""`, `a,,b`)
/// is a slip, not an id to look up.
fn org_id(s: &str) -> Result<String, String> {
    match s.trim() {
        "" => Err("an empty member id: give member ids, e.g. local-authority".to_owned()),
        id => Ok(id.to_owned()),
    }
}

/// A date flag: ISO or UK day-first, read by the one date parser.
fn parse_date_arg(s: &str) -> Result<chrono::NaiveDate, String> {
    tor::calendar::parse_date_any_year(s).map_err(|e| e.to_string())
}

/// A clap parser for a keyword enum: its keywords are the possible values.
fn keyword_parser<T>() -> impl clap::builder::TypedValueParser<Value = T>
where
    T: tor::model::Keyword
        + std::str::FromStr<Err = tor::model::UnknownKeyword>
        + Clone
        + Send
        + Sync,
{
    use clap::builder::TypedValueParser;
    clap::builder::PossibleValuesParser::new(T::NAMES).try_map(|s| s.parse::<T>())
}

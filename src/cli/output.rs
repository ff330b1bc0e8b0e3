//! What every command shares: the output format, colour, tables, the exit status.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;
use serde::Serialize;

pub(super) use super::style::{Grid, Tone, cell, paint, stdout_color, table};

/// `--format` as typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum OutputFormat {
    /// Tables for people
    Human,
    /// JSON for scripts (fields stable between releases)
    Json,
    /// GitHub Actions workflow commands (::error file=…)
    Github,
    /// SARIF 2.1.0, for code-scanning upload
    Sarif,
    /// JUnit XML, for other CI servers
    Junit,
}

impl std::fmt::Display for OutputFormat {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use clap::ValueEnum;
        let name = self.to_possible_value().map(|v| v.get_name().to_owned());
        f.write_str(name.as_deref().unwrap_or("?"))
    }
}

/// The argument id of `--format`.
pub(super) const FORMAT: &str = "format";

/// The formats a command takes, by the name it is typed as; none for the
/// commands whose output has one form (a schema, a script, a page).
pub(super) fn formats_of(command: &str) -> &'static [OutputFormat] {
    use OutputFormat::{Github, Human, Json, Junit, Sarif};
    match command {
        "validate" => &[Human, Json, Github, Sarif, Junit],
        // A schema is JSON whatever is asked; `--format json` says so.
        "schema" => &[Json],
        "completions" | "man" => &[],
        _ => &[Human, Json],
    }
}

/// The formats every command that reports takes: all `--format` offers before
/// the command is known. The CI formats follow `validate`, whose own `--format`
/// offers them.
pub(super) const COMMON_FORMATS: &[OutputFormat] = &[OutputFormat::Human, OutputFormat::Json];

/// A parser of `--format` that offers `formats` alone: clap refuses, and help
/// does not list, any other.
pub(super) fn format_parser(
    formats: &'static [OutputFormat],
) -> impl clap::builder::TypedValueParser<Value = OutputFormat> {
    use clap::ValueEnum;
    use clap::builder::TypedValueParser;
    let values: Vec<clap::builder::PossibleValue> = formats
        .iter()
        .filter_map(ValueEnum::to_possible_value)
        .collect();
    // Only the names offered reach the map, and each is a format's name.
    clap::builder::PossibleValuesParser::new(values)
        .map(|s| OutputFormat::from_str(&s, false).unwrap_or(OutputFormat::Human))
}

/// A command's own `--format`, offering only the formats it takes.
pub(super) fn format_arg(formats: &'static [OutputFormat]) -> clap::Arg {
    clap::Arg::new(FORMAT)
        .long(FORMAT)
        .value_name("FORMAT")
        .help("Output format [default: human]")
        .value_parser(format_parser(formats))
}

/// The format of a command that reports to people or scripts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Format {
    Human,
    Json,
}

/// How a command ended: checked and valid (0) or checked and not valid (1).
/// "Could not check" (2) is an `Err`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Valid,
    Invalid,
}

impl Status {
    pub fn from_valid(valid: bool) -> Self {
        if valid { Self::Valid } else { Self::Invalid }
    }
}

impl From<Status> for ExitCode {
    fn from(status: Status) -> Self {
        match status {
            Status::Valid => ExitCode::SUCCESS,
            Status::Invalid => ExitCode::from(1),
        }
    }
}

/// What a reporting command has to say: one value, written as JSON for scripts
/// or as text for people, and the exit status it ends with. Commands build it,
/// [`emit`] writes it: no command chooses between the formats itself.
pub(super) trait Report: Serialize {
    /// The text people read; [`emit`] makes it safe for the terminal.
    fn human(&self) -> String;
    /// How the command ends once the report is written.
    fn status(&self) -> Status;
}

/// Writes `report` in `format` and returns its exit status: the one output path
/// of every command that reports (`validate` streams its files through its own sink).
pub(super) fn emit(format: Format, report: &impl Report) -> Result<Status> {
    match format {
        Format::Json => print_json(report)?,
        Format::Human => print(&report.human())?,
    }
    Ok(report.status())
}

pub(super) use tor::report::safe::escape as esc;

/// Writes human output to stdout, made safe as a whole (see [`tor::report::safe`]).
pub(super) fn print(text: &str) -> Result<()> {
    write_stdout(&tor::report::safe::guard(text, stdout_color()))
}

/// An error message for stderr, made safe like stdout (errors are never coloured).
pub(crate) fn guard_stderr(text: &str) -> String {
    tor::report::safe::guard(text, false).into_owned()
}

/// Writes a document (a ToR file, a shell script, a man page) to stdout as it
/// is: it is data for a program, and escaping would change its meaning.
pub(super) fn print_document(text: &str) -> Result<()> {
    write_stdout(text)
}

/// Writes to stdout, treating a closed pipe (`tor list | head`) as success.
fn write_stdout(text: &str) -> Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => Ok(other?),
    }
}

pub(super) fn print_json<T: Serialize>(value: &T) -> Result<()> {
    let mut text = serde_json::to_string_pretty(value)?;
    text.push('\n');
    write_stdout(&tor::report::safe::guard_json(&text))
}

/// A finding's status as shown to people: failures stand out.
pub(super) fn status_label(status: tor::engine::FindingStatus) -> &'static str {
    use tor::engine::FindingStatus;
    match status {
        FindingStatus::Pass => "pass",
        FindingStatus::Fail => "FAIL",
        FindingStatus::Warn => "warn",
        FindingStatus::Skip => "skip",
    }
}

pub(super) fn status_tone(status: tor::engine::FindingStatus) -> Tone {
    use tor::engine::FindingStatus;
    match status {
        FindingStatus::Pass => Tone::Good,
        FindingStatus::Fail => Tone::Bad,
        FindingStatus::Warn => Tone::Warn,
        FindingStatus::Skip => Tone::Quiet,
    }
}

/// A finding's status as a table cell, in its colour.
pub(super) fn status_cell(status: tor::engine::FindingStatus) -> comfy_table::Cell {
    cell(status_label(status), status_tone(status))
}

/// A clause as shown to people; `—` where the ToR states no such rule.
pub(super) fn clause_label(clause: Option<&tor::model::Clause>) -> String {
    clause.map_or_else(|| "—".to_owned(), |c| esc(c).to_string())
}

/// The table of findings every checking command prints.
pub(super) fn findings_table(findings: &[tor::engine::Finding]) -> Grid {
    let mut t = table(["rule", "clause", "status", "message"]);
    for f in findings {
        let rule = match &f.item {
            Some(item) => format!("{} (item {})", f.rule, item.number),
            None => f.rule.to_string(),
        };
        t.add_row([
            comfy_table::Cell::new(rule),
            comfy_table::Cell::new(clause_label(f.clause.as_ref())),
            status_cell(f.status),
            comfy_table::Cell::new(esc(&super::dates::message(&f.message))),
        ]);
    }
    t
}

/// The deadlines a meeting sets, each with the rule and clause behind it.
pub(super) fn deadlines_table(
    tor: &tor::model::Tor,
    due: &tor::engine::deadlines::Deadlines,
) -> Grid {
    deadlines_table_needing(tor, due, &[])
}

/// [`deadlines_table`] for a meeting known by its day: the deadlines in
/// `needs_time` say so instead of "not stated".
pub(super) fn deadlines_table_needing(
    tor: &tor::model::Tor,
    due: &tor::engine::deadlines::Deadlines,
    needs_time: &[tor::engine::deadlines::DeadlineKind],
) -> Grid {
    use tor::engine::deadlines::DeadlineKind;
    let mut t = table(["deadline", "by", "rule", "clause"]);
    let rows = [
        (
            "agenda and papers out",
            due.circulate_by.map(super::dates::when),
            &tor.notice.agenda,
            DeadlineKind::CirculateBy,
        ),
        (
            "extraordinary meeting notice",
            due.extraordinary_notice_by.map(super::dates::when),
            &tor.notice.extraordinary,
            DeadlineKind::ExtraordinaryNoticeBy,
        ),
        (
            "minutes out",
            due.minutes_by.map(super::dates::day),
            &tor.notice.minutes,
            DeadlineKind::MinutesBy,
        ),
    ];
    for (what, by, rule, kind) in rows {
        let by = by.or_else(|| {
            needs_time
                .contains(&kind)
                .then(|| "needs a time".to_owned())
        });
        match (by, rule) {
            (Some(by), Some(rule)) => t.add_row([
                what.to_owned(),
                by,
                rule.describe(),
                esc(&rule.clause).to_string(),
            ]),
            _ => t.add_row([
                what.to_owned(),
                "—".to_owned(),
                "not stated".to_owned(),
                "—".to_owned(),
            ]),
        };
    }
    t
}

//! Where validate's results go, file by file, in each output format. All formats
//! but JUnit stream, so memory does not grow with the number of files.

use std::io::Write;

use anyhow::Result;
use serde::Serialize;
use tor::diag::{Code, Diagnostic, Severity, Suppressed};
use tor::validate::{FileReport, Skipped};

use crate::cli::output::{OutputFormat, Tone, paint, stdout_color};
use tor::report::ci;

#[derive(Debug, Default, Clone, Copy)]
pub(super) struct Totals {
    pub files: usize,
    pub errors: usize,
    pub warnings: usize,
    pub skipped: usize,
}

pub(super) struct Sink {
    format: OutputFormat,
    deny_warnings: bool,
    totals: Totals,
    out: std::io::BufWriter<std::io::Stdout>,
    /// JUnit needs the counts in its opening tag, so it keeps the files.
    junit: Vec<FileReport>,
    /// SARIF rules reported so far; non-empty once a result is written.
    rule_ids: std::collections::BTreeSet<Code>,
    styled: bool,
    /// `*.toml` files not checked, for the JSON summary.
    skipped: Vec<JsonSkipped>,
}

/// A file not checked, as `validate --format json` lists it.
#[derive(Serialize)]
struct JsonSkipped {
    path: String,
    code: &'static str,
    reason: String,
}

/// A diagnostic as `validate --format json` prints it.
#[derive(Serialize)]
pub(super) struct JsonDiagnostic<'a> {
    severity: Severity,
    code: Code,
    message: &'a str,
    line: usize,
    column: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    help: Option<&'a str>,
}

pub(super) fn json_diagnostics(file: &FileReport) -> Vec<JsonDiagnostic<'_>> {
    file.diagnostics
        .iter()
        .map(|d: &Diagnostic| {
            let (line, column) = d
                .span
                .as_ref()
                .map_or((1, 1), |s| file.line_column(s.start));
            JsonDiagnostic {
                severity: d.severity,
                code: d.code,
                message: &d.message,
                line,
                column,
                help: d.help.as_deref(),
            }
        })
        .collect()
}

impl Sink {
    pub(super) fn new(format: OutputFormat, deny_warnings: bool) -> Self {
        Self {
            format,
            deny_warnings,
            totals: Totals::default(),
            out: std::io::BufWriter::new(std::io::stdout()),
            junit: Vec::new(),
            rule_ids: std::collections::BTreeSet::new(),
            styled: stdout_color(),
            skipped: Vec::new(),
        }
    }

    /// A `*.toml` file not checked: a line for people, an entry in JSON.
    pub(super) fn skipped(&mut self, file: &Skipped) -> Result<()> {
        use tor::report::safe;
        self.totals.skipped += 1;
        let path = file.path.display().to_string();
        match self.format {
            OutputFormat::Human => {
                let line = format!("skipped `{}`: {}\n", safe::escape(&path), file.reason);
                self.write(&safe::guard(&line, self.styled))
            }
            OutputFormat::Json => {
                self.skipped.push(JsonSkipped {
                    path,
                    code: file.reason.code(),
                    reason: file.reason.to_string(),
                });
                Ok(())
            }
            OutputFormat::Github => self.write(&format!(
                "::notice file={},title=skipped::{}\n",
                safe::github_property(&path),
                safe::github_data(&file.reason.to_string())
            )),
            OutputFormat::Sarif | OutputFormat::Junit => Ok(()),
        }
    }

    pub(super) fn file(&mut self, file: &FileReport) -> Result<()> {
        let first = self.totals.files == 0;
        self.totals.files += 1;
        self.totals.errors += file.errors();
        self.totals.warnings += file.warnings();
        let text = match self.format {
            OutputFormat::Human => {
                let mut text = String::new();
                for d in &file.diagnostics {
                    text.push_str(&file.render(d, self.styled));
                    text.push_str("\n\n");
                }
                for s in &file.suppressed {
                    text.push_str(&format!(
                        "{}: {}\n\n",
                        tor::report::safe::escaped(&file.path),
                        s.line()
                    ));
                }
                tor::report::safe::guard(&text, self.styled).into_owned()
            }
            OutputFormat::Json => {
                #[derive(Serialize)]
                struct JsonFile<'a> {
                    path: &'a str,
                    diagnostics: Vec<JsonDiagnostic<'a>>,
                    /// Diagnostics beyond the first few of each code: counted in
                    /// `errors` and `warnings`, not listed.
                    #[serde(skip_serializing_if = "<[_]>::is_empty")]
                    suppressed: &'a [Suppressed],
                }
                let entry = serde_json::to_string(&JsonFile {
                    path: &file.path,
                    diagnostics: json_diagnostics(file),
                    suppressed: &file.suppressed,
                })?;
                format!(
                    "{}\n    {entry}",
                    if first { "{\n  \"files\": [" } else { "," }
                )
            }
            OutputFormat::Github => ci::github(file),
            OutputFormat::Sarif => {
                let mut text = if first {
                    ci::sarif_head()
                } else {
                    String::new()
                };
                for result in ci::sarif_results(file) {
                    if !self.rule_ids.is_empty() {
                        text.push(',');
                    }
                    text.push_str("\n        ");
                    text.push_str(&serde_json::to_string(&result)?);
                    self.rule_ids
                        .extend(file.diagnostics.iter().map(|d| d.code));
                }
                text
            }
            OutputFormat::Junit => {
                self.junit.push(file.clone());
                String::new()
            }
        };
        let text = match self.format {
            OutputFormat::Json | OutputFormat::Sarif => {
                tor::report::safe::guard_json(&text).into_owned()
            }
            _ => text,
        };
        self.write(&text)
    }

    pub(super) fn finish(mut self) -> Result<Totals> {
        let t = self.totals;
        let text = match self.format {
            OutputFormat::Human => {
                let count = |n: usize, what: &str, tone: Tone| {
                    let text = format!("{n} {what}(s)");
                    if n == 0 { text } else { paint(&text, tone) }
                };
                format!(
                    "checked {} file(s): {}, {}{}
",
                    t.files,
                    count(t.errors, "error", Tone::Bad),
                    count(t.warnings, "warning", Tone::Warn),
                    match t.skipped {
                        0 => String::new(),
                        n => format!("; skipped {n} file(s)"),
                    }
                )
            }
            OutputFormat::Json => format!(
                "\n  ],\n  \"skipped\": {},\n  \"errors\": {},\n  \"warnings\": {}\n}}\n",
                serde_json::to_string(&self.skipped)?,
                t.errors,
                t.warnings
            ),
            OutputFormat::Github => String::new(),
            OutputFormat::Sarif => ci::sarif_tail(&self.rule_ids),
            OutputFormat::Junit => ci::junit(&self.junit, self.deny_warnings),
        };
        self.write(&text)?;
        match self.out.flush() {
            Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => return Err(e.into()),
            _ => {}
        }
        Ok(t)
    }

    fn write(&mut self, text: &str) -> Result<()> {
        match self.out.write_all(text.as_bytes()) {
            // `tor validate | head` is not an error.
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
            other => Ok(other?),
        }
    }
}

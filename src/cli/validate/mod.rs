//! `tor validate`: are the ToR files well formed and coherent?

use std::path::PathBuf;

use anyhow::Result;
use chrono::NaiveDate;
use serde::Serialize;
use tor::catalog::{load_path, tor_files};
use tor::diag::{Severity, line_column, render};
use tor::load::LoadedTor;

use super::output::{Format, Status, print, print_json, stdout_color};
use super::{Global, catalog, parse_date_arg, today};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Files or folders to check [default: the --dir folder]
    pub paths: Vec<PathBuf>,
    /// Judge date-dependent warnings (review overdue) as of this date [default: today]
    #[arg(long, value_parser = parse_date_arg)]
    pub as_of: Option<NaiveDate>,
    /// Treat warnings as errors (exit 1)
    #[arg(long)]
    pub deny_warnings: bool,
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    severity: Severity,
    code: &'a str,
    message: &'a str,
    line: usize,
    column: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    help: Option<&'a str>,
}

#[derive(Serialize)]
struct JsonFile<'a> {
    path: &'a str,
    diagnostics: Vec<JsonDiagnostic<'a>>,
}

#[derive(Serialize)]
struct JsonReport<'a> {
    files: Vec<JsonFile<'a>>,
    errors: usize,
    warnings: usize,
}

pub fn run(g: &Global, args: &Args) -> Result<Status> {
    let as_of = Some(args.as_of.unwrap_or_else(today));
    let loaded = if args.paths.is_empty() {
        catalog(g)?.load_all(as_of)?
    } else {
        let mut loaded = Vec::new();
        for path in &args.paths {
            if path.is_dir() {
                for file in tor_files(path)? {
                    loaded.push(load_path(&file, as_of)?);
                }
            } else {
                loaded.push(load_path(path, as_of)?);
            }
        }
        loaded
    };
    if loaded.is_empty() {
        let origin = match args.paths.as_slice() {
            [] => catalog(g).map(|c| c.origin()).unwrap_or_default(),
            paths => paths
                .iter()
                .map(|p| format!("`{}`", p.display()))
                .collect::<Vec<_>>()
                .join(", "),
        };
        anyhow::bail!("no ToR files (*.toml) in {origin}");
    }
    let errors: usize = loaded.iter().map(LoadedTor::errors).sum();
    let warnings: usize = loaded.iter().map(LoadedTor::warnings).sum();
    match g.format {
        Format::Json => print_json(&JsonReport {
            files: loaded.iter().map(json_file).collect(),
            errors,
            warnings,
        })?,
        Format::Human => {
            let styled = stdout_color();
            let mut out = String::new();
            for file in &loaded {
                for d in &file.diagnostics {
                    out.push_str(&render(&file.path, &file.text, d, styled));
                    out.push_str("\n\n");
                }
            }
            out.push_str(&format!(
                "checked {} file(s): {errors} error(s), {warnings} warning(s)\n",
                loaded.len()
            ));
            print(&out)?;
        }
    }
    Ok(Status::from_valid(
        errors == 0 && !(args.deny_warnings && warnings > 0),
    ))
}

fn json_file(file: &LoadedTor) -> JsonFile<'_> {
    JsonFile {
        path: &file.path,
        diagnostics: file
            .diagnostics
            .iter()
            .map(|d| {
                let (line, column) = d
                    .span
                    .as_ref()
                    .map_or((1, 1), |s| line_column(&file.text, s.start));
                JsonDiagnostic {
                    severity: d.severity,
                    code: d.code,
                    message: &d.message,
                    line,
                    column,
                    help: d.help.as_deref(),
                }
            })
            .collect(),
    }
}

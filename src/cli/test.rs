//! `tor test [PATH...]`: runs the worked cases kept beside each ToR
//! (`<id>.cases.toml`) and reports every case whose verdict differs.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use serde::Serialize;
use tor::bundled;
use tor::catalog::{Catalog, inside};
use tor::engine::cases::{self, CaseResult, Difference};

use super::output::{Report, Status, Tone, emit, esc, paint};
use super::{Global, catalog};

/// The suffix that makes a file a cases file.
const SUFFIX: &str = ".cases.toml";

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Cases files (<id>.cases.toml) or folders of them [default: every cases
    /// file of the ToR folder, or the built-in cases]. A file is run against the
    /// ToR beside it, else the ToR of that id in the --dir folder.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
}

/// One cases file to run, and where its ToR comes from.
struct Job {
    path: String,
    id: String,
    bytes: Vec<u8>,
    catalog: Catalog,
}

#[derive(Serialize)]
struct FileJson<'a> {
    path: &'a str,
    partnership: &'a str,
    cases: Vec<CaseResult>,
}

/// What `tor test` reports: every case of every file, and the counts.
#[derive(Serialize)]
struct Out<'a> {
    files: Vec<FileJson<'a>>,
    passed: usize,
    failed: usize,
}

pub(super) fn run(g: &Global, args: &Args) -> Result<Status> {
    let jobs = jobs(g, &args.paths)?;
    // Every file is read before any is run, so bad input (exit 2) is reported
    // for all files at once and never mixed with results.
    let mut ready = Vec::new();
    let mut bad = Vec::new();
    for job in &jobs {
        let tor = job.catalog.load(&job.id)?;
        let calendar = job.catalog.calendar(&tor)?;
        match tor::load::read::<cases::Cases>(&job.path, &job.bytes, &tor) {
            Ok(parsed) => ready.push((job, tor, calendar, parsed)),
            Err(e) => bad.push(e.to_string()),
        }
    }
    if !bad.is_empty() {
        anyhow::bail!("{}", bad.join("\n\n"));
    }
    let files: Vec<FileJson> = ready
        .iter()
        .map(|(job, tor, calendar, parsed)| FileJson {
            path: &job.path,
            partnership: &job.id,
            cases: cases::run_cases(tor, calendar, parsed),
        })
        .collect();
    let all = files.iter().flat_map(|f| &f.cases);
    let failed = all.clone().filter(|c| !c.passed).count();
    let passed = all.count() - failed;
    emit(
        g.format,
        &Out {
            files,
            passed,
            failed,
        },
    )
}

impl Report for Out<'_> {
    fn human(&self) -> String {
        human(&self.files, self.passed, self.failed)
    }

    fn status(&self) -> Status {
        Status::from_valid(self.failed == 0)
    }
}

/// The files named, or every cases file of the catalog.
fn jobs(g: &Global, paths: &[PathBuf]) -> Result<Vec<Job>> {
    if paths.is_empty() {
        return match catalog(g)? {
            Catalog::Bundled => Ok(bundled::CASES
                .iter()
                .map(|(id, text)| Job {
                    path: format!("<built-in>/{id}{SUFFIX}"),
                    id: (*id).to_owned(),
                    bytes: text.as_bytes().to_vec(),
                    catalog: Catalog::Bundled,
                })
                .collect()),
            Catalog::Dir(dir) => {
                let files = cases_files(&dir)?;
                if files.is_empty() {
                    anyhow::bail!(
                        "no cases files (<id>{SUFFIX}) in `{}`; write one beside a ToR file",
                        dir.display()
                    );
                }
                files.iter().map(|f| job(g, f)).collect()
            }
        };
    }
    let mut jobs = Vec::new();
    for path in paths {
        if path.is_dir() {
            let files = cases_files(path)?;
            if files.is_empty() {
                anyhow::bail!("no cases files (<id>{SUFFIX}) in `{}`", path.display());
            }
            for file in &files {
                jobs.push(job(g, file)?);
            }
        } else {
            jobs.push(job(g, path)?);
        }
    }
    Ok(jobs)
}

/// A cases file's partnership id: `sefton-scp.cases.toml` → `sefton-scp`.
fn cases_id(path: &Path) -> Option<&str> {
    let id = path.file_name()?.to_str()?.strip_suffix(SUFFIX)?;
    (!id.is_empty() && !id.contains('.')).then_some(id)
}

fn cases_files(dir: &Path) -> Result<Vec<PathBuf>> {
    let read = || format!("cannot read `{}`", dir.display());
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).with_context(read)? {
        let path = entry.with_context(read)?.path();
        if path.is_file() && cases_id(&path).is_some() {
            // As everywhere in a folder: no symbolic link out of it is followed.
            inside(dir, &path)?;
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

/// A cases file is run against the ToR beside it; where there is none, against
/// the partnership of that id in the catalog the global options select.
fn job(g: &Global, path: &Path) -> Result<Job> {
    let Some(id) = cases_id(path) else {
        anyhow::bail!(
            "`{}` is not a cases file: name it <id>{SUFFIX}, after the partnership it tests",
            path.display()
        );
    };
    let parent = match path.parent() {
        Some(p) if p.as_os_str().is_empty() => Path::new("."),
        Some(p) => p,
        None => Path::new("."),
    };
    inside(parent, path)?;
    let bytes = tor::fileio::read_file(path)?;
    let catalog = if parent.join(format!("{id}.toml")).is_file() {
        Catalog::Dir(parent.to_owned())
    } else {
        catalog(g)?
    };
    Ok(Job {
        path: path.display().to_string(),
        id: id.to_owned(),
        bytes,
        catalog,
    })
}

/// Failing cases whose differences are spelled out; the rest are counted, so
/// thousands of failures still end in a summary a person reads.
const DETAILED_FAILURES: usize = 50;

fn human(files: &[FileJson], passed: usize, failed: usize) -> String {
    let mut out = String::new();
    let mut failures = String::new();
    let mut failing = 0;
    for file in files {
        out.push_str(&format!(
            "{} ({}, {} cases)\n",
            esc(file.path),
            file.partnership,
            file.cases.len()
        ));
        for case in &file.cases {
            let mark = if case.passed {
                paint("ok    ", Tone::Good)
            } else {
                paint("FAILED", Tone::Bad)
            };
            out.push_str(&format!("  {mark}  {}\n", esc(&case.name)));
            if case.passed {
                continue;
            }
            failing += 1;
            if failing > DETAILED_FAILURES {
                continue;
            }
            failures.push_str(&format!("\n{}: {}\n", esc(file.path), esc(&case.name)));
            for d in &case.differences {
                failures.push_str(&format!("    {}\n", esc(difference(d))));
            }
        }
    }
    if failing > DETAILED_FAILURES {
        failures.push_str(&format!(
            "\n… and {} more failing case(s) like these (--format json lists every difference)\n",
            failing - DETAILED_FAILURES
        ));
    }
    if !failures.is_empty() {
        out.push_str("\nfailures:\n");
        out.push_str(&failures);
    }
    let failed = if failed == 0 {
        format!("{failed} failed")
    } else {
        paint(&format!("{failed} failed"), Tone::Bad)
    };
    out.push_str(&format!("\n{passed} passed, {failed}\n"));
    out
}

/// `quorum: expected pass, got fail (Membership 5: not quorate: ...)`.
fn difference(d: &Difference) -> String {
    let mut line = format!(
        "{}: expected {}, got {}",
        d.field,
        value(&d.expected),
        value(&d.actual)
    );
    if let Some(detail) = &d.detail {
        line.push_str(&format!(" ({detail})"));
    }
    line
}

fn value(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Array(items) if items.is_empty() => "none".to_owned(),
        serde_json::Value::Array(items) => items.iter().map(value).collect::<Vec<_>>().join(", "),
        other => other.to_string(),
    }
}

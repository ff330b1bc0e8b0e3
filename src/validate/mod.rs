//! `tor validate` as a library: plan the files to check, then check them one at a
//! time so a caller can stream results and memory stays flat however many files.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::bundled;
use crate::catalog::CatalogError;
use crate::diag::{Code, Diagnostic, LineIndex, Reported, Suppressed, render_in};
use crate::engine::cases::Cases;
use crate::engine::record::Record;
use crate::fileio::read_file;
use crate::load::proclaimed::ProclaimedDays;
use crate::load::{self, control_characters, load_tor};
use crate::model::Tor;

mod walk;

use walk::Entry;
pub use walk::{FileKind, Named, SkipReason, Skipped, classify_name};

/// One file to check.
#[derive(Debug, Clone)]
pub enum Job {
    File {
        path: PathBuf,
        kind: FileKind,
        id: String,
    },
    Bundled {
        id: &'static str,
        text: &'static str,
    },
    /// A file named so that tor cannot tell what it is: one error, unread.
    BadName { path: PathBuf, message: String },
}

/// The files to check, and the `*.toml` files of a folder left unchecked.
#[derive(Debug, Clone, Default)]
pub struct Plan {
    pub jobs: Vec<Job>,
    pub skipped: Vec<Skipped>,
}

impl Plan {
    pub fn extend(&mut self, other: Plan) {
        self.jobs.extend(other.jobs);
        self.skipped.extend(other.skipped);
    }
}

/// The diagnostics of one file, with the text they point into.
#[derive(Debug, Clone)]
pub struct FileReport {
    pub path: String,
    pub text: String,
    /// In line order, at most [`crate::diag::SHOWN_PER_CODE`] of each code.
    pub diagnostics: Vec<Diagnostic>,
    /// How many more of each code the file had.
    pub suppressed: Vec<Suppressed>,
    errors: usize,
    warnings: usize,
    lines: LineIndex,
}

impl FileReport {
    pub fn new(path: String, text: String, diagnostics: Vec<Diagnostic>) -> Self {
        let reported = Reported::new(diagnostics);
        let lines = LineIndex::new(&text);
        Self {
            path,
            text,
            diagnostics: reported.shown,
            suppressed: reported.suppressed,
            errors: reported.errors,
            warnings: reported.warnings,
            lines,
        }
    }

    /// Every error the file has, shown or not.
    pub fn errors(&self) -> usize {
        self.errors
    }

    /// Every warning the file has, shown or not.
    pub fn warnings(&self) -> usize {
        self.warnings
    }

    /// 1-based line and column of a byte offset into the text.
    pub fn line_column(&self, offset: usize) -> (usize, usize) {
        self.lines.line_column(&self.text, offset)
    }

    /// One diagnostic, rustc-style.
    pub fn render(&self, diagnostic: &Diagnostic, styled: bool) -> String {
        render_in(&self.path, &self.text, &self.lines, diagnostic, styled)
    }
}

/// The jobs for a folder: its ToR files first, then the other files tor reads;
/// every other `*.toml` is skipped with its reason. Symbolic links leading out
/// of the folder are followed only with `follow`.
pub fn plan_dir(dir: &Path, follow: bool) -> Result<Plan, CatalogError> {
    let mut plan = Plan::default();
    for entry in walk::walk(dir, follow)? {
        match entry {
            Entry::Check { path, named } => plan.jobs.push(job(path, named)),
            Entry::Skip(skipped) => plan.skipped.push(skipped),
        }
    }
    plan.jobs.sort_by_key(sort_key);
    Ok(plan)
}

/// The job for one file named by the user (`-`: a ToR on stdin). A name that is
/// not one tor reads is an error here, not skipped: the user asked for it.
pub fn plan_file(path: &Path) -> Job {
    if crate::fileio::is_std_stream(path) {
        return Job::File {
            path: path.to_owned(),
            kind: FileKind::Tor,
            id: String::new(),
        };
    }
    let name = path.file_name().unwrap_or_default();
    let named = classify_name(name).unwrap_or_else(|| {
        // Not `*.toml`: read as a ToR named by its stem.
        let mut as_toml = path.file_stem().unwrap_or_default().to_owned();
        as_toml.push(".toml");
        classify_name(&as_toml).unwrap_or(Named::Other)
    });
    job(path.to_owned(), named)
}

fn job(path: PathBuf, named: Named) -> Job {
    match named {
        Named::Known { kind, id } => Job::File { path, kind, id },
        Named::BadId(message) => Job::BadName { path, message },
        Named::Other => Job::BadName {
            path,
            message: format!("{}", SkipReason::OtherName),
        },
    }
}

pub fn plan_bundled() -> Plan {
    Plan {
        jobs: bundled::PARTNERSHIPS
            .iter()
            .map(|(id, text)| Job::Bundled { id, text })
            .collect(),
        skipped: Vec::new(),
    }
}

fn sort_key(job: &Job) -> (bool, String) {
    match job {
        Job::File { path, kind, .. } => (*kind != FileKind::Tor, path.display().to_string()),
        Job::Bundled { id, .. } => (false, (*id).to_owned()),
        Job::BadName { path, .. } => (false, path.display().to_string()),
    }
}

/// Checks jobs one by one, keeping only the ToR models that a companion file
/// later needs.
#[derive(Debug)]
pub struct Validator {
    as_of: NaiveDate,
    needed: HashSet<PathBuf>,
    tors: HashMap<PathBuf, Option<Tor>>,
}

/// The ToR file a companion belongs to.
fn tor_path_for(path: &Path, id: &str) -> PathBuf {
    path.with_file_name(format!("{id}.toml"))
}

impl Validator {
    pub fn new(as_of: NaiveDate, jobs: &[Job]) -> Self {
        let needed = jobs
            .iter()
            .filter_map(|job| match job {
                Job::File {
                    path,
                    kind: FileKind::Meetings,
                    id,
                } => Some(tor_path_for(path, id)),
                _ => None,
            })
            .collect();
        Self {
            as_of,
            needed,
            tors: HashMap::new(),
        }
    }

    pub fn check(&mut self, job: &Job) -> Result<FileReport, CatalogError> {
        match job {
            Job::Bundled { id, text } => {
                let loaded = load_tor(
                    &crate::catalog::bundled_path(id),
                    Some(id),
                    text.as_bytes(),
                    Some(self.as_of),
                );
                let mut diagnostics = loaded.diagnostics;
                diagnostics.extend(control_characters(&loaded.text));
                Ok(FileReport::new(loaded.path, loaded.text, diagnostics))
            }
            Job::BadName { path, message } => Ok(FileReport::new(
                path.display().to_string(),
                String::new(),
                vec![
                    Diagnostic::error(Code::FileName, message.clone())
                        .help("rename the file: a ToR is `<id>.toml`, with the id it declares"),
                ],
            )),
            Job::File { path, kind, id } => {
                let bytes = read_file(path)?;
                let shown = crate::fileio::shown_name(path);
                let expected = (!id.is_empty()).then_some(id.as_str());
                let (mut diagnostics, text) = match kind {
                    FileKind::Tor => {
                        let loaded = load_tor(&shown, expected, &bytes, Some(self.as_of));
                        if self.needed.contains(path) {
                            self.tors.insert(path.clone(), loaded.tor);
                        }
                        // The loader's copy of the text serves the report: a
                        // large file is held once, not twice.
                        (loaded.diagnostics, loaded.text)
                    }
                    FileKind::BankHolidays => {
                        let (_, diagnostics) = load::analyse::<ProclaimedDays>(&bytes, ());
                        (diagnostics, lossy(&bytes))
                    }
                    FileKind::Meetings | FileKind::Cases => {
                        let diagnostics = match self.tor_for(path, id) {
                            Some(tor) if *kind == FileKind::Meetings => {
                                load::analyse::<Record>(&bytes, tor).1
                            }
                            Some(tor) => load::analyse::<Cases>(&bytes, tor).1,
                            None => vec![Diagnostic::error(
                                Code::NoTor,
                                format!(
                                    "cannot check this file: `{id}.toml` beside it is missing or not valid"
                                ),
                            )],
                        };
                        (diagnostics, lossy(&bytes))
                    }
                };
                drop(bytes);
                diagnostics.extend(control_characters(&text));
                Ok(FileReport::new(shown, text, diagnostics))
            }
        }
    }

    /// The ToR beside a companion file, loading it if the plan did not include it.
    fn tor_for(&mut self, companion: &Path, id: &str) -> Option<&Tor> {
        let path = tor_path_for(companion, id);
        if !self.tors.contains_key(&path) {
            let loaded = read_file(&path).ok().and_then(|bytes| {
                load_tor(&path.display().to_string(), Some(id), &bytes, None).tor
            });
            self.tors.insert(path.clone(), loaded);
        }
        self.tors.get(&path).and_then(Option::as_ref)
    }
}

fn lossy(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

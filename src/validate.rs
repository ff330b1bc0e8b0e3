//! `tor validate` as a library: plan the files to check, then check them one at a
//! time so a caller can stream results and memory stays flat however many files.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::bundled;
use crate::catalog::{CatalogError, tor_stem};
use crate::diag::{Diagnostic, LineIndex, Reported, Suppressed, render_in};
use crate::engine::{cases, record};
use crate::fileio::{ReadError, read_file};
use crate::load::{control_characters, load_tor};
use crate::model::Tor;

/// What a file is, by its name: `<id>.toml`, `<id>.meetings.toml`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Tor,
    /// The record of held meetings beside a ToR.
    Meetings,
    /// Worked cases beside a ToR (`tor test` runs them; validate checks their form).
    Cases,
}

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

/// The kind and id of a file from its name; `None` for files tor does not read.
pub fn classify(path: &Path) -> Option<(FileKind, String)> {
    if let Some(id) = tor_stem(path) {
        return Some((FileKind::Tor, id.to_owned()));
    }
    let name = path.file_name()?.to_str()?;
    [
        (FileKind::Meetings, record::COMPANION),
        (FileKind::Cases, cases::COMPANION),
    ]
    .into_iter()
    .find_map(|(kind, suffix)| {
        let id = name.strip_suffix(&format!(".{suffix}.toml"))?;
        (!id.contains('.')).then(|| (kind, id.to_owned()))
    })
}

/// The jobs for a folder: its ToR files first, then their companions.
pub fn plan_dir(dir: &Path) -> Result<Vec<Job>, CatalogError> {
    let read_err = |e| ReadError::io(&dir.display().to_string(), &e);
    let mut jobs = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(read_err)? {
        let path = entry.map_err(read_err)?.path();
        if let (true, Some((kind, id))) = (path.is_file(), classify(&path)) {
            jobs.push(Job::File { path, kind, id });
        }
    }
    jobs.sort_by_key(sort_key);
    Ok(jobs)
}

/// The job for one file named by the user; any name is checked as a ToR unless it
/// is a companion file.
pub fn plan_file(path: &Path) -> Job {
    let (kind, id) = classify(path).unwrap_or_else(|| {
        let stem = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default();
        (FileKind::Tor, stem.to_owned())
    });
    Job::File {
        path: path.to_owned(),
        kind,
        id,
    }
}

pub fn plan_bundled() -> Vec<Job> {
    bundled::PARTNERSHIPS
        .iter()
        .map(|(id, text)| Job::Bundled { id, text })
        .collect()
}

fn sort_key(job: &Job) -> (bool, String) {
    match job {
        Job::File { path, kind, .. } => (*kind != FileKind::Tor, path.display().to_string()),
        Job::Bundled { id, .. } => (false, (*id).to_owned()),
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
            Job::File { path, kind, id } => {
                let bytes = read_file(path)?;
                let shown = crate::fileio::shown_name(path);
                let expected = tor_stem(path);
                let mut diagnostics = match kind {
                    FileKind::Tor => {
                        let loaded = load_tor(&shown, expected, &bytes, Some(self.as_of));
                        if self.needed.contains(path) {
                            self.tors.insert(path.clone(), loaded.tor);
                        }
                        loaded.diagnostics
                    }
                    FileKind::Meetings | FileKind::Cases => match self.tor_for(path, id) {
                        Some(tor) if *kind == FileKind::Meetings => {
                            record::check_record(tor, &shown, &bytes)
                        }
                        Some(tor) => cases::check_cases(tor, &shown, &bytes),
                        None => vec![Diagnostic::error(
                            "no-tor",
                            format!(
                                "cannot check this file: `{id}.toml` beside it is missing or not valid"
                            ),
                        )],
                    },
                };
                let text = String::from_utf8_lossy(&bytes).into_owned();
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

//! Where ToR files come from: a folder on disk, or the ones built into the binary.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::bundled;
use crate::calendar::Calendar;
use crate::diag::nearest;
use crate::fileio::{ReadError, read_file};
use crate::load::proclaimed::ProclaimedDays;
use crate::load::{LoadedTor, load_tor};
use crate::model::Tor;
use crate::proclaimed::ProclaimedDay;

/// The folder tor looks in when `--dir` is not given.
pub const DEFAULT_DIR: &str = "partnerships";

/// Why a built-in partnership is not found, e.g. after `tor init` made
/// `./partnerships` in a folder that had none.
const BUILT_IN_ELSEWHERE: &str = "; it is built into tor, but the built-in partnerships are read only \
where there is no ./partnerships folder and neither --dir nor TOR_DIR is given: run tor from \
another folder to reach them";

#[derive(Debug, thiserror::Error)]
pub enum CatalogError {
    #[error(transparent)]
    Read(#[from] ReadError),
    #[error("`{path}` is not a folder")]
    NotADir { path: String },
    #[error(
        "no partnership `{id}` in {origin}{}{}",
        suggestion.as_ref().map(|s| format!(": did you mean `{s}`?")).unwrap_or_default(),
        if *built_in { BUILT_IN_ELSEWHERE } else { "" }
    )]
    Unknown {
        id: String,
        origin: String,
        suggestion: Option<String>,
        /// The id is one of the built-in partnerships, which a folder hides.
        built_in: bool,
    },
    #[error(transparent)]
    Proclaimed(#[from] crate::load::FileError),
    #[error("`{path}` has {errors} error(s); run `tor validate {path}` to see them")]
    Invalid { path: String, errors: usize },
    #[error(
        "`{path}` is a symbolic link to a file outside `{dir}`, and tor follows no link out of \
         its folder (`tor validate --follow` checks such a file on purpose)"
    )]
    LinkOutside { path: String, dir: String },
}

/// A set of ToR files, each known by its id (the file stem).
#[derive(Debug, Clone)]
pub enum Catalog {
    Dir(PathBuf),
    Bundled,
}

impl Catalog {
    /// `dir` if given; else `./partnerships` if it exists; else the built-in set.
    pub fn discover(dir: Option<&Path>) -> Result<Self, CatalogError> {
        match dir {
            Some(dir) if dir.is_dir() => Ok(Self::Dir(dir.to_owned())),
            Some(dir) if dir.exists() => Err(CatalogError::NotADir {
                path: dir.display().to_string(),
            }),
            Some(dir) => Err(ReadError::io(
                &dir.display().to_string(),
                &std::io::Error::from(std::io::ErrorKind::NotFound),
            )
            .into()),
            None if Path::new(DEFAULT_DIR).is_dir() => Ok(Self::Dir(PathBuf::from(DEFAULT_DIR))),
            None => Ok(Self::Bundled),
        }
    }

    pub fn origin(&self) -> String {
        match self {
            Self::Dir(dir) => format!("`{}`", dir.display()),
            Self::Bundled => "the built-in partnerships".to_owned(),
        }
    }

    /// The ids available, sorted.
    pub fn ids(&self) -> Result<Vec<String>, CatalogError> {
        match self {
            Self::Bundled => Ok(bundled::PARTNERSHIPS
                .iter()
                .map(|(id, _)| (*id).to_owned())
                .collect()),
            Self::Dir(dir) => {
                let mut ids: Vec<String> = tor_files(dir)?
                    .iter()
                    .filter_map(|p| tor_stem(p).map(str::to_owned))
                    .collect();
                ids.sort();
                Ok(ids)
            }
        }
    }

    /// Loads every ToR in the catalog.
    pub fn load_all(&self, as_of: Option<NaiveDate>) -> Result<Vec<LoadedTor>, CatalogError> {
        match self {
            Self::Bundled => Ok(bundled::PARTNERSHIPS
                .iter()
                .map(|(id, text)| load_tor(&bundled_path(id), Some(id), text.as_bytes(), as_of))
                .collect()),
            Self::Dir(dir) => tor_files(dir)?
                .iter()
                .map(|p| load_path(p, as_of))
                .collect(),
        }
    }

    /// Loads one partnership's ToR, which must be free of errors.
    pub fn load(&self, id: &str) -> Result<Tor, CatalogError> {
        let loaded = match self {
            Self::Bundled => {
                let found = bundled::PARTNERSHIPS.iter().find(|(known, _)| *known == id);
                let Some((id, text)) = found else {
                    return Err(self.unknown(id));
                };
                load_tor(&bundled_path(id), Some(id), text.as_bytes(), None)
            }
            Self::Dir(dir) => {
                let path = dir.join(format!("{id}.toml"));
                if id.contains(['/', '\\', '.']) || !path.is_file() {
                    return Err(self.unknown(id));
                }
                inside(dir, &path)?;
                load_path(&path, None)?
            }
        };
        let errors = loaded.errors();
        loaded.tor.ok_or(CatalogError::Invalid {
            path: loaded.path,
            errors,
        })
    }

    fn unknown(&self, id: &str) -> CatalogError {
        let ids = self.ids().unwrap_or_default();
        CatalogError::Unknown {
            id: crate::text::excerpt(id),
            origin: self.origin(),
            suggestion: nearest(id, ids.iter().map(String::as_str)).map(str::to_owned),
            built_in: matches!(self, Self::Dir(_))
                && bundled::PARTNERSHIPS.iter().any(|(known, _)| *known == id),
        }
    }

    /// Days proclaimed for every partnership (`bank-holidays.toml` in the folder).
    pub fn proclaimed(&self) -> Result<Vec<ProclaimedDay>, CatalogError> {
        let Self::Dir(dir) = self else {
            return Ok(Vec::new());
        };
        let path = dir.join(crate::proclaimed::FILE);
        if !path.exists() {
            return Ok(Vec::new());
        }
        inside(dir, &path)?;
        let bytes = read_file(&path)?;
        let days = crate::load::read::<ProclaimedDays>(&path.display().to_string(), &bytes, ())?;
        Ok(days.0)
    }

    /// The working-day calendar of `tor`: its region's bank holidays, the days
    /// proclaimed for everyone and for it alone, and its closure dates.
    pub fn calendar(&self, tor: &Tor) -> Result<Calendar, CatalogError> {
        Ok(crate::proclaimed::add_to(
            tor.calendar(),
            &self.proclaimed()?,
        ))
    }

    /// The file beside a ToR holding another kind of record, e.g. `meetings`;
    /// a link out of the folder is refused, as for the ToR itself.
    pub fn companion(&self, id: &str, kind: &str) -> Result<Option<PathBuf>, CatalogError> {
        match self {
            Self::Dir(dir) => {
                let path = dir.join(format!("{id}.{kind}.toml"));
                inside(dir, &path)?;
                Ok(Some(path))
            }
            Self::Bundled => Ok(None),
        }
    }
}

/// How a built-in file is named in diagnostics.
pub fn bundled_path(id: &str) -> String {
    format!("<built-in>/{id}.toml")
}

/// Reads and loads one file; its stem is the id it must declare.
pub fn load_path(path: &Path, as_of: Option<NaiveDate>) -> Result<LoadedTor, CatalogError> {
    let bytes = read_file(path)?;
    Ok(load_tor(
        &path.display().to_string(),
        tor_stem(path),
        &bytes,
        as_of,
    ))
}

/// A ToR file's stem: `sefton-scp.toml` → `sefton-scp`; companion files
/// (`sefton-scp.meetings.toml`) are not ToR files.
pub fn tor_stem(path: &Path) -> Option<&str> {
    let name = path.file_name()?.to_str()?;
    let stem = name.strip_suffix(".toml")?;
    (!stem.contains('.') && name != crate::proclaimed::FILE).then_some(stem)
}

/// The ToR files directly in `dir`, sorted by name.
pub fn tor_files(dir: &Path) -> Result<Vec<PathBuf>, CatalogError> {
    let read_err = |e| ReadError::io(&dir.display().to_string(), &e);
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(read_err)? {
        let path = entry.map_err(read_err)?.path();
        // `tor validate DIR` lists what is left out here, with the reason.
        if path.is_file() && tor_stem(&path).is_some() && inside(dir, &path).is_ok() {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

/// Refuses `path` when it is a symbolic link resolving outside `dir`: a link
/// planted in a pull request must not put a secret file's lines in CI logs.
/// What is not a link, or cannot be resolved, is left to the reader to judge.
pub fn inside(dir: &Path, path: &Path) -> Result<(), CatalogError> {
    let is_link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    if !is_link {
        return Ok(());
    }
    match (std::fs::canonicalize(dir), std::fs::canonicalize(path)) {
        (Ok(root), Ok(target)) if !target.starts_with(&root) => Err(CatalogError::LinkOutside {
            path: path.display().to_string(),
            dir: dir.display().to_string(),
        }),
        _ => Ok(()),
    }
}

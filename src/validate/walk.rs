//! Which files `tor validate` checks: names read as ToR or companion files, a
//! folder walked without following symbolic links out of it, and every other
//! `*.toml` reported as skipped with its reason.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};

use crate::engine::{cases, record};
use crate::fileio::ReadError;
use crate::model::PartnershipId;

/// What a file is, by its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum FileKind {
    /// `<id>.toml`
    Tor,
    /// `bank-holidays.toml`: days proclaimed for every partnership.
    BankHolidays,
    /// `<id>.meetings.toml`: the record of held meetings beside a ToR.
    Meetings,
    /// `<id>.cases.toml`: worked cases (`tor test` runs them; validate checks their form).
    Cases,
}

/// What a `*.toml` name says about the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Named {
    /// A file tor reads, for the partnership `id` (empty for bank holidays).
    Known { kind: FileKind, id: String },
    /// A name of the form tor reads whose id part is not an id: an error.
    BadId(String),
    /// Another name with dots (`notes.old.toml`): not a file tor reads.
    Other,
}

/// Why a `*.toml` file in a folder was not checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SkipReason {
    /// A symbolic link to a file outside the walked folder (`--follow` checks it).
    LinkOutside,
    /// A symbolic link to nothing.
    BrokenLink,
    /// A folder, FIFO, device or socket.
    NotRegular(&'static str),
    /// A name tor does not read.
    OtherName,
}

impl SkipReason {
    /// A stable code for scripts.
    pub fn code(&self) -> &'static str {
        match self {
            Self::LinkOutside => "link-outside",
            Self::BrokenLink => "broken-link",
            Self::NotRegular(_) => "not-regular",
            Self::OtherName => "other-name",
        }
    }
}

impl std::fmt::Display for SkipReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::LinkOutside => f.write_str(
                "a symbolic link to a file outside the folder (give --follow to check it)",
            ),
            Self::BrokenLink => f.write_str("a symbolic link to nothing"),
            Self::NotRegular(what) => write!(f, "it is {what}, not a regular file"),
            Self::OtherName => f.write_str(
                "not a name tor reads (<id>.toml, <id>.meetings.toml, <id>.cases.toml, bank-holidays.toml)",
            ),
        }
    }
}

/// A `*.toml` file not checked, and why.
#[derive(Debug, Clone)]
pub struct Skipped {
    pub path: PathBuf,
    pub reason: SkipReason,
}

/// What the name `name` says, or `None` when it does not end in `.toml`.
pub fn classify_name(name: &OsStr) -> Option<Named> {
    if !name.as_encoded_bytes().ends_with(b".toml") {
        return None;
    }
    let Some(name) = name.to_str() else {
        return Some(Named::BadId(
            "the file name is not UTF-8 text, so it names no partnership id".to_owned(),
        ));
    };
    if name == crate::proclaimed::FILE {
        return Some(Named::Known {
            kind: FileKind::BankHolidays,
            id: String::new(),
        });
    }
    let (kind, stem) = [
        (FileKind::Meetings, record::COMPANION),
        (FileKind::Cases, cases::COMPANION),
    ]
    .into_iter()
    .find_map(|(kind, suffix)| Some((kind, name.strip_suffix(&format!(".{suffix}.toml"))?)))
    .unwrap_or((FileKind::Tor, name.strip_suffix(".toml").unwrap_or(name)));
    if stem.contains('.') {
        return Some(Named::Other);
    }
    Some(match PartnershipId::parse(stem) {
        Ok(id) => Named::Known {
            kind,
            id: id.as_str().to_owned(),
        },
        Err(_) => Named::BadId(format!(
            "the file name `{name}` does not start with a partnership id: lower-case letters, digits and single hyphens, e.g. `sefton-scp.toml`"
        )),
    })
}

/// One `*.toml` entry of a folder, as found by [`walk`].
#[derive(Debug, Clone)]
pub(super) enum Entry {
    Check { path: PathBuf, named: Named },
    Skip(Skipped),
}

/// The `*.toml` entries directly in `dir`, sorted by name. Symbolic links are
/// followed only to files inside `dir`, or anywhere with `follow`.
pub(super) fn walk(dir: &Path, follow: bool) -> Result<Vec<Entry>, ReadError> {
    let shown = dir.display().to_string();
    let read_err = |e: std::io::Error| ReadError::io(&shown, &e);
    let root = std::fs::canonicalize(dir).map_err(read_err)?;
    let mut entries = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(read_err)? {
        let entry = entry.map_err(read_err)?;
        let name = entry.file_name();
        let Some(named) = classify_name(&name) else {
            continue;
        };
        let path = entry.path();
        let skip = |reason| {
            Entry::Skip(Skipped {
                path: path.clone(),
                reason,
            })
        };
        // The entry's own type: a symbolic link is not followed here.
        let kind = entry.file_type().map_err(read_err)?;
        let target = if kind.is_symlink() {
            match std::fs::canonicalize(&path) {
                Err(_) => {
                    entries.push(skip(SkipReason::BrokenLink));
                    continue;
                }
                Ok(target) if !follow && !target.starts_with(&root) => {
                    entries.push(skip(SkipReason::LinkOutside));
                    continue;
                }
                Ok(target) => std::fs::metadata(target).map_err(read_err)?,
            }
        } else {
            entry.metadata().map_err(read_err)?
        };
        if let Some(what) = crate::fileio::not_regular(&target) {
            entries.push(skip(SkipReason::NotRegular(what)));
        } else if named == Named::Other {
            entries.push(skip(SkipReason::OtherName));
        } else {
            entries.push(Entry::Check { path, named });
        }
    }
    entries.sort_by(|a, b| entry_path(a).cmp(entry_path(b)));
    Ok(entries)
}

fn entry_path(entry: &Entry) -> &Path {
    match entry {
        Entry::Check { path, .. } | Entry::Skip(Skipped { path, .. }) => path,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(name: &str) -> Option<Named> {
        classify_name(OsStr::new(name))
    }

    fn known(kind: FileKind, id: &str) -> Named {
        let id = id.to_owned();
        Named::Known { kind, id }
    }

    #[test]
    fn names_say_what_a_file_is() {
        assert_eq!(
            named("sefton-scp.toml"),
            Some(known(FileKind::Tor, "sefton-scp"))
        );
        assert_eq!(
            named("a.meetings.toml"),
            Some(known(FileKind::Meetings, "a"))
        );
        assert_eq!(named("a.cases.toml"), Some(known(FileKind::Cases, "a")));
        assert_eq!(
            named("bank-holidays.toml"),
            Some(known(FileKind::BankHolidays, ""))
        );
        assert_eq!(named("notes.old.toml"), Some(Named::Other));
        assert_eq!(named("README.md"), None);
        for bad in [
            "Sefton.toml",
            "a b.toml",
            "new\nline.toml",
            ".toml",
            "x_y.meetings.toml",
        ] {
            assert!(matches!(named(bad), Some(Named::BadId(_))), "{bad:?}");
        }
    }

    #[cfg(unix)]
    #[test]
    fn walks_without_leaving_the_folder() {
        let outside = tempfile::tempdir().unwrap();
        let secret = outside.path().join("secret.toml");
        std::fs::write(&secret, "password = 1").unwrap();
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.toml"), "").unwrap();
        std::os::unix::fs::symlink(&secret, dir.path().join("b.toml")).unwrap();
        std::os::unix::fs::symlink(dir.path().join("a.toml"), dir.path().join("c.toml")).unwrap();
        std::os::unix::fs::symlink(dir.path().join("none"), dir.path().join("d.toml")).unwrap();
        std::fs::create_dir(dir.path().join("e.toml")).unwrap();
        let reasons: Vec<Option<SkipReason>> = walk(dir.path(), false)
            .unwrap()
            .into_iter()
            .map(|e| match e {
                Entry::Check { .. } => None,
                Entry::Skip(s) => Some(s.reason),
            })
            .collect();
        assert_eq!(
            reasons,
            [
                None,
                Some(SkipReason::LinkOutside),
                None,
                Some(SkipReason::BrokenLink),
                Some(SkipReason::NotRegular("a folder")),
            ]
        );
        let followed = walk(dir.path(), true).unwrap();
        assert!(matches!(followed[1], Entry::Check { .. }));
    }
}

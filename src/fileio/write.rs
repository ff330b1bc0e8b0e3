//! The one writer: a temporary file beside the target, written, synced and
//! renamed into place, so a reader never sees half a file.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use super::plain;
use super::read::not_regular;

#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error("`{path}` already exists: nothing written (give --force to replace it)")]
    Exists { path: String },
    #[error("cannot replace `{path}`: it is {what}, and only a regular file is replaced")]
    NotRegular { path: String, what: &'static str },
    #[error("cannot write `{path}`: {reason}")]
    Io { path: String, reason: String },
}

/// Temporary files being written now, removed by [`remove_pending_temp_files`]
/// when the process is interrupted.
static PENDING: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// Removes the temporary files of writes still under way. For a signal
/// handler: after it, the process must exit without finishing those writes.
pub fn remove_pending_temp_files() {
    let pending = PENDING
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    for path in pending.iter() {
        let _ = std::fs::remove_file(path);
    }
}

/// Keeps a temporary file's path in [`PENDING`] while it lives.
struct Registered(PathBuf);

impl Registered {
    fn new(path: &Path) -> Self {
        lock().push(path.to_owned());
        Self(path.to_owned())
    }
}

impl Drop for Registered {
    fn drop(&mut self) {
        lock().retain(|p| *p != self.0);
    }
}

fn lock() -> std::sync::MutexGuard<'static, Vec<PathBuf>> {
    PENDING
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Whether `path` may be written: absent, or (with `replace`) a regular file.
/// Returns the permission bits of the file it would replace. Call it before
/// long work, so nothing is done for a file that cannot be written.
pub fn check_target(path: &Path, replace: bool) -> Result<Option<u32>, WriteError> {
    let shown = path.display().to_string();
    // lstat: a symbolic link is refused, not followed.
    let meta = match std::fs::symlink_metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => {
            return Err(WriteError::Io {
                path: shown,
                reason: plain(&e),
            });
        }
    };
    if let Some(what) = not_regular(&meta) {
        return Err(WriteError::NotRegular { path: shown, what });
    }
    if !replace {
        return Err(WriteError::Exists { path: shown });
    }
    Ok(Some(mode(&meta)))
}

#[cfg(unix)]
fn mode(meta: &std::fs::Metadata) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    meta.permissions().mode() & 0o7777
}

#[cfg(not(unix))]
fn mode(_: &std::fs::Metadata) -> u32 {
    0o666
}

/// Writes `bytes` to `path` atomically. Without `replace` an existing file is
/// never replaced, even one created meanwhile; with it only a regular file is,
/// and it keeps its permissions. A new file gets 0666 less the umask.
pub fn write_atomic(path: &Path, bytes: &[u8], replace: bool) -> Result<(), WriteError> {
    let shown = path.display().to_string();
    let io = |e: std::io::Error| WriteError::Io {
        path: shown.clone(),
        reason: plain(&e),
    };
    let kept = check_target(path, replace)?;
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    // A dot and no `.toml`: a folder scan never takes a leftover for a ToR file.
    builder.prefix(".tor-").suffix(".tmp");
    #[cfg(unix)]
    {
        // tempfile's default 0600 suits secrets; 0666 lets the umask decide, as
        // for any new file.
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut tmp = builder.tempfile_in(dir).map_err(|e| WriteError::Io {
        path: shown.clone(),
        reason: format!("cannot create a file in `{}`: {}", dir.display(), plain(&e)),
    })?;
    let _registered = Registered::new(tmp.path());
    tmp.write_all(bytes).map_err(io)?;
    #[cfg(unix)]
    if let Some(mode) = kept {
        use std::os::unix::fs::PermissionsExt;
        tmp.as_file()
            .set_permissions(std::fs::Permissions::from_mode(mode))
            .map_err(io)?;
    }
    #[cfg(not(unix))]
    let _ = kept;
    tmp.as_file().sync_all().map_err(io)?;
    let persisted = if replace {
        tmp.persist(path)
    } else {
        tmp.persist_noclobber(path)
    };
    persisted.map_err(|e| {
        if e.error.kind() == std::io::ErrorKind::AlreadyExists {
            WriteError::Exists {
                path: shown.clone(),
            }
        } else {
            io(e.error)
        }
    })?;
    // The rename is durable only once the folder is synced; a failure here
    // leaves a complete file, so it is not an error.
    if let Ok(folder) = std::fs::File::open(dir) {
        let _ = folder.sync_all();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_replaces_only_with_leave_and_leaves_no_temp_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.ics");
        write_atomic(&path, b"one", false).unwrap();
        let err = write_atomic(&path, b"two", false).unwrap_err();
        assert!(matches!(err, WriteError::Exists { .. }), "{err}");
        write_atomic(&path, b"three", true).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"three");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
        assert!(lock().is_empty());
    }

    #[cfg(unix)]
    #[test]
    fn keeps_permissions_and_refuses_links() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.toml");
        std::fs::write(&path, "x").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
        write_atomic(&path, b"y", true).unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
        let link = dir.path().join("link.toml");
        std::os::unix::fs::symlink(&path, &link).unwrap();
        let err = write_atomic(&link, b"z", true).unwrap_err();
        assert!(matches!(err, WriteError::NotRegular { .. }), "{err}");
        assert_eq!(std::fs::read(&path).unwrap(), b"y");
    }

    #[test]
    fn interrupted_writes_leave_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let tmp = dir.path().join(".tor-x.tmp");
        std::fs::write(&tmp, "half").unwrap();
        let registered = Registered::new(&tmp);
        remove_pending_temp_files();
        assert!(!tmp.exists());
        drop(registered);
    }
}

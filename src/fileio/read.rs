//! The one reader: a regular file or stdin, never more than [`MAX_FILE_BYTES`].

use std::fs::File;
use std::io::Read;
use std::path::Path;

use super::plain;

/// The largest file tor reads (16 MiB): a hundred times the largest real ToR,
/// small enough that a hostile or endless input cannot exhaust memory.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("cannot read `{path}`: {reason}")]
    Io { path: String, reason: String },
    #[error("cannot read `{path}`: it is {what}, not a regular file")]
    NotRegular { path: String, what: &'static str },
    #[error("cannot read `{path}`: it is larger than the limit of {} MiB", MAX_FILE_BYTES / 1024 / 1024)]
    TooLarge { path: String },
}

impl ReadError {
    pub(crate) fn io(path: &str, err: &std::io::Error) -> Self {
        Self::Io {
            path: path.to_owned(),
            reason: plain(err),
        }
    }
}

/// How a path is named in messages: `<stdin>` for `-`.
pub fn shown_name(path: &Path) -> String {
    if super::is_std_stream(path) {
        "<stdin>".to_owned()
    } else {
        path.display().to_string()
    }
}

/// Reads `path` (`-`: stdin). Only a regular file is read; the type is taken
/// from the opened handle, so the file cannot be swapped after the check.
pub fn read_file(path: &Path) -> Result<Vec<u8>, ReadError> {
    if super::is_std_stream(path) {
        return read_stdin();
    }
    let shown = path.display().to_string();
    let file = open(path).map_err(|e| ReadError::io(&shown, &e))?;
    let meta = file.metadata().map_err(|e| ReadError::io(&shown, &e))?;
    if let Some(what) = not_regular(&meta) {
        return Err(ReadError::NotRegular { path: shown, what });
    }
    // The size is a hint only: the file may grow while it is read.
    let hint = meta.len().min(MAX_FILE_BYTES);
    read_limited(file, &shown, usize::try_from(hint).unwrap_or(0))
}

/// Reads stdin, with the same limit as a file.
pub fn read_stdin() -> Result<Vec<u8>, ReadError> {
    read_limited(std::io::stdin().lock(), "<stdin>", 0)
}

fn read_limited(input: impl Read, shown: &str, hint: usize) -> Result<Vec<u8>, ReadError> {
    let mut bytes = Vec::with_capacity(hint);
    input
        .take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| ReadError::io(shown, &e))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(ReadError::TooLarge {
            path: shown.to_owned(),
        });
    }
    Ok(bytes)
}

/// Opens without blocking: opening a FIFO for reading otherwise waits for a
/// writer, before the handle could be checked.
fn open(path: &Path) -> std::io::Result<File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    options.open(path)
}

/// What a non-regular file is, in words; `None` for a regular file.
pub(crate) fn not_regular(meta: &std::fs::Metadata) -> Option<&'static str> {
    let kind = meta.file_type();
    if kind.is_file() {
        return None;
    }
    if kind.is_dir() {
        return Some("a folder");
    }
    if kind.is_symlink() {
        return Some("a symbolic link");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return Some("a FIFO (named pipe)");
        }
        if kind.is_char_device() || kind.is_block_device() {
            return Some("a device");
        }
        if kind.is_socket() {
            return Some("a socket");
        }
    }
    Some("a special file")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_regular_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.toml");
        std::fs::write(&path, "x = 1\n").unwrap();
        assert_eq!(read_file(&path).unwrap(), b"x = 1\n");
    }

    #[test]
    fn refuses_a_folder_and_a_missing_file() {
        let dir = tempfile::tempdir().unwrap();
        let err = read_file(dir.path()).unwrap_err().to_string();
        assert!(err.ends_with("it is a folder, not a regular file"), "{err}");
        let err = read_file(&dir.path().join("none")).unwrap_err().to_string();
        assert!(err.ends_with(": no such file or folder"), "{err}");
    }

    #[test]
    fn stops_past_the_limit() {
        let endless = std::io::repeat(b'a');
        let err = read_limited(endless, "x", 0).unwrap_err();
        assert!(matches!(err, ReadError::TooLarge { .. }));
        let exact = std::io::repeat(b'a').take(MAX_FILE_BYTES);
        assert_eq!(
            read_limited(exact, "x", 0).unwrap().len() as u64,
            MAX_FILE_BYTES
        );
    }
}

//! Every file tor reads or writes goes through here: reads take only regular
//! files (or stdin for `-`) up to a size limit, writes are atomic and replace
//! only regular files. The library never prints; `-` for stdout is the CLI's.

mod line;
mod read;
mod write;

pub use line::{MAX_LINE_BYTES, read_bounded_line};
pub(crate) use read::not_regular;
pub use read::{MAX_FILE_BYTES, ReadError, read_file, read_stdin, shown_name};
pub use write::{WriteError, check_target, remove_pending_temp_files, write_atomic};

/// `-` names stdin (for a file read) or stdout (for a file written).
pub fn is_std_stream(path: &std::path::Path) -> bool {
    path.as_os_str() == "-"
}

/// An I/O error as a plain phrase: Rust's own text for common kinds repeats
/// itself ("entity not found") or reads as jargon.
pub fn plain(err: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    if let Some(inner) = err.get_ref() {
        // An error tor made itself says what it means.
        return inner.to_string();
    }
    match err.kind() {
        K::NotFound => "no such file or folder".to_owned(),
        K::PermissionDenied => "permission denied".to_owned(),
        K::AlreadyExists => "it already exists".to_owned(),
        K::IsADirectory => "it is a folder".to_owned(),
        K::NotADirectory => "a part of the path is not a folder".to_owned(),
        K::StorageFull => "no space left on the device".to_owned(),
        K::ReadOnlyFilesystem => "the file system is read-only".to_owned(),
        K::InvalidData => "it is not UTF-8 text".to_owned(),
        _ => {
            // The OS text without Rust's " (os error N)" suffix.
            let text = err.to_string();
            match text.find(" (os error") {
                Some(at) => text[..at].to_owned(),
                None => text,
            }
        }
    }
}

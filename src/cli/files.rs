//! Files the commands write: `-` for stdout, else the library's atomic writer,
//! with a temporary file removed if tor is interrupted mid-write.

use std::path::Path;

use anyhow::Result;
use tor::fileio::{check_target, is_std_stream, write_atomic};

/// Refuses before any work is done when `path` may not be written: it exists
/// without `force`, or is not a regular file.
pub(super) fn check_output(path: &Path, force: bool) -> Result<()> {
    if !is_std_stream(path) {
        check_target(path, force)?;
    }
    Ok(())
}

/// Writes `text` to `path`, or to stdout for `-`.
pub(super) fn write_output(path: &Path, text: &str, force: bool) -> Result<()> {
    if is_std_stream(path) {
        // A document (iCalendar, HTML): its bytes are its meaning.
        return super::output::print_document(text);
    }
    on_signal_remove_temp_files();
    Ok(write_atomic(path, text.as_bytes(), force)?)
}

/// [`write_output`] to a file whose folders are made first, as `tor init`
/// makes `./partnerships`.
pub(super) fn write_new_file(path: &Path, text: &str, force: bool) -> Result<()> {
    if let Some(dir) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| tor::fileio::WriteError::Io {
            path: path.display().to_string(),
            reason: tor::fileio::plain(&e),
        })?;
    }
    write_output(path, text, force)
}

/// From the first write on, SIGINT, SIGTERM and SIGHUP remove the temporary
/// file of a write under way, then end tor as the signal would have. Until
/// then the default handling stands: there is nothing to clean up.
pub(super) fn on_signal_remove_temp_files() {
    #[cfg(unix)]
    {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
        static INSTALLED: std::sync::Once = std::sync::Once::new();
        INSTALLED.call_once(|| {
            let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP])
            else {
                return;
            };
            std::thread::spawn(move || {
                if let Some(signal) = signals.forever().next() {
                    tor::fileio::remove_pending_temp_files();
                    let _ = signal_hook::low_level::emulate_default_handler(signal);
                    std::process::exit(128 + signal);
                }
            });
        });
    }
}

//! The one message printed for an error that stops a command (exit 2).

use std::error::Error;

use tor::catalog::CatalogError;
use tor::load::FileError;

/// `error: ` and the error's causes joined by `: `, with two exceptions. A file
/// error is already rendered rustc-style, each diagnostic with its own
/// `error[code]` heading, so it gets no second prefix. And a cause whose text
/// the message so far already ends with (an error that prints its source and
/// also returns it as its source) is said once, not twice.
pub(crate) fn message(err: &anyhow::Error) -> String {
    if let Some(file) = err.chain().find_map(file_error) {
        return file.to_string();
    }
    let mut text = String::from("error: ");
    let mut first = true;
    for cause in err.chain() {
        let part = cause.to_string();
        if first {
            text.push_str(&part);
            first = false;
        } else if !text.ends_with(&part) {
            text.push_str(": ");
            text.push_str(&part);
        }
    }
    text
}

/// The file error in `e`, also where a transparent wrapper hides it from the chain.
fn file_error<'a>(e: &'a (dyn Error + 'static)) -> Option<&'a FileError> {
    match e.downcast_ref::<CatalogError>() {
        Some(CatalogError::Proclaimed(file)) => Some(file),
        _ => e.downcast_ref::<FileError>(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, thiserror::Error)]
    #[error("cannot read `x`: {source}")]
    struct Repeats {
        #[source]
        source: std::io::Error,
    }

    #[test]
    fn a_cause_already_in_the_message_is_said_once() {
        let io = std::io::Error::from(std::io::ErrorKind::PermissionDenied);
        let said = io.to_string();
        let err = anyhow::Error::new(Repeats { source: io });
        let text = message(&err);
        assert_eq!(text, format!("error: cannot read `x`: {said}"));
    }

    #[test]
    fn context_and_a_new_cause_are_both_kept() {
        let err = anyhow::anyhow!("disk on fire").context("cannot write `y`");
        assert_eq!(message(&err), "error: cannot write `y`: disk on fire");
    }
}

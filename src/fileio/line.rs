//! Bounded line reads, for answers typed (or piped) at a prompt.

use std::io::{BufRead, Read};

/// The longest answer read at a prompt: far more than any name or list, far
/// less than an endless stream such as `/dev/zero` would fill memory with.
pub const MAX_LINE_BYTES: usize = 4096;

/// One line without its line ending; `None` at the end of input. A line longer
/// than [`MAX_LINE_BYTES`] or not UTF-8 is an error (`InvalidData`), never an
/// unbounded allocation.
pub fn read_bounded_line(input: &mut impl BufRead) -> std::io::Result<Option<String>> {
    let mut bytes = Vec::new();
    input
        .take(MAX_LINE_BYTES as u64 + 1)
        .read_until(b'\n', &mut bytes)?;
    if bytes.is_empty() {
        return Ok(None);
    }
    if bytes.last() == Some(&b'\n') {
        bytes.pop();
        if bytes.last() == Some(&b'\r') {
            bytes.pop();
        }
    } else if bytes.len() > MAX_LINE_BYTES {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            format!("a line is longer than {MAX_LINE_BYTES} bytes"),
        ));
    }
    String::from_utf8(bytes).map(Some).map_err(|_| {
        std::io::Error::new(std::io::ErrorKind::InvalidData, "a line is not UTF-8 text")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_lines_then_none() {
        let mut input: &[u8] = b"one\r\ntwo\nthree";
        assert_eq!(
            read_bounded_line(&mut input).unwrap().as_deref(),
            Some("one")
        );
        assert_eq!(
            read_bounded_line(&mut input).unwrap().as_deref(),
            Some("two")
        );
        assert_eq!(
            read_bounded_line(&mut input).unwrap().as_deref(),
            Some("three")
        );
        assert_eq!(read_bounded_line(&mut input).unwrap(), None);
    }

    #[test]
    fn refuses_an_endless_line_and_bad_bytes() {
        let mut zeros = std::io::BufReader::new(std::io::repeat(0));
        let err = read_bounded_line(&mut zeros).unwrap_err();
        assert!(err.to_string().contains("longer than"), "{err}");
        let mut bad: &[u8] = b"\xff\n";
        assert!(read_bounded_line(&mut bad).is_err());
        let exact = vec![b'a'; MAX_LINE_BYTES];
        let mut input: &[u8] = &exact;
        assert_eq!(
            read_bounded_line(&mut input).unwrap().unwrap().len(),
            MAX_LINE_BYTES
        );
    }
}

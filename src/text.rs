//! Quoting what a user typed back to them. Input may be hostile or huge: an
//! error that echoed a 100 KB argument whole would bury its own message, so
//! echoes are cut to a readable excerpt that still says how much was given.

/// The longest echo, in characters; longer input is cut there.
const MAX_CHARS: usize = 64;

/// `s` whole when short, else its first [`MAX_CHARS`] characters, an ellipsis
/// and the input's full length in bytes.
pub fn excerpt(s: &str) -> String {
    match s.char_indices().nth(MAX_CHARS) {
        None => s.to_owned(),
        Some((cut, _)) => format!("{}… ({} bytes in all)", &s[..cut], s.len()),
    }
}

#[cfg(test)]
mod tests {
    use super::excerpt;

    #[test]
    fn short_text_is_echoed_whole() {
        assert_eq!(excerpt("6/12/2012"), "6/12/2012");
        assert_eq!(excerpt(&"x".repeat(64)), "x".repeat(64));
    }

    #[test]
    fn long_text_is_cut_on_a_character_boundary() {
        let long = "é".repeat(100);
        let shown = excerpt(&long);
        assert!(shown.starts_with(&"é".repeat(64)));
        assert!(shown.ends_with("… (200 bytes in all)"), "{shown}");
    }
}

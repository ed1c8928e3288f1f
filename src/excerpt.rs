//! A short, printable quote of text read from a file, for error messages:
//! a message must not grow with its input, nor carry control characters to
//! the terminal or the window.

/// How many characters of the input an error message quotes.
pub const QUOTE_CHARS: usize = 80;

/// At most `max` characters of `text`, with `…` when cut, and every control
/// character (and line separator or bidirectional control, which reorder
/// or break what follows) written as a `\u{..}` escape.
pub fn excerpt(text: &str, max: usize) -> String {
    let kept: String = text.chars().take(max).collect();
    let mut out = crate::safe_text::visible(&kept).into_owned();
    if text.chars().nth(max).is_some() {
        out.push('…');
    }
    out
}

/// [`excerpt`] with the usual length.
pub fn quote(text: &str) -> String {
    excerpt(text, QUOTE_CHARS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_are_short_and_printable() {
        assert_eq!(quote("85.31.212.0/33"), "85.31.212.0/33");
        assert_eq!(quote("a\u{1b}[2Jb\u{202e}c"), "a\\u{1b}[2Jb\\u{202e}c");
        let long = "x".repeat(10_000);
        let q = quote(&long);
        assert_eq!(q.chars().count(), QUOTE_CHARS + 1);
        assert!(q.ends_with('…'));
        assert_eq!(excerpt("é\u{7}", 5), "é\\u{7}");
    }
}

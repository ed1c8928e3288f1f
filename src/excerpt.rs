//! A short, printable quote of text read from a file, for error messages:
//! a message must not grow with its input, nor carry control characters to
//! the terminal or the window.

/// How many characters of the input an error message quotes.
pub const QUOTE_CHARS: usize = 80;

/// At most `max` characters of `text`, with `…` when cut, and every control
/// character (and line separator or bidirectional control, which reorder
/// or break what follows) written as a `\u{..}` escape.
pub fn excerpt(text: &str, max: usize) -> String {
    let mut out = String::new();
    for (i, c) in text.chars().enumerate() {
        if i == max {
            out.push('…');
            break;
        }
        if is_invisible(c) {
            out.push_str(&c.escape_unicode().to_string());
        } else {
            out.push(c);
        }
    }
    out
}

/// [`excerpt`] with the usual length.
pub fn quote(text: &str) -> String {
    excerpt(text, QUOTE_CHARS)
}

fn is_invisible(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{2028}' | '\u{2029}' | '\u{200e}' | '\u{200f}' | '\u{feff}'
        )
        || ('\u{202a}'..='\u{202e}').contains(&c)
        || ('\u{2066}'..='\u{2069}').contains(&c)
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

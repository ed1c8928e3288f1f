//! Text from outside (DNS, a provider profile, a file the admin gives) shown
//! so that it can only be read: the characters that act instead of showing
//! (terminal controls, line breaks, bidirectional overrides) become visible
//! escapes.
//!
//! The escape is Rust's `\u{…}` with the code point in hexadecimal:
//! - it names the exact character (ESC, BEL and a right-to-left override do
//!   not all become one `?`), so an admin or support can tell what is there;
//! - it is plain ASCII, so it survives any terminal, font, PDF text layer and
//!   clipboard unchanged, and copying it copies no control character;
//! - it holds no hidden character itself, so showing a text twice changes
//!   nothing: messages nest (an error rendered into another message) and
//!   every layer may make its text visible without doubling escapes.
//!
//! A text that already holds the six characters `\u{1b}` reads the same as
//! one holding ESC. That is the price of the last point; neither can act.

use std::borrow::Cow;

/// Does `c` act rather than show: C0 and C1 controls and DEL, the line and
/// paragraph separators, and the bidirectional formatting characters (which
/// reorder the text around them, RTL override among them), and the
/// zero-width characters that hide inside a name.
pub fn is_hidden(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{2028}'
                | '\u{2029}'
                | '\u{202a}'..='\u{202e}'
                | '\u{2066}'..='\u{2069}'
                | '\u{200b}'..='\u{200f}'
                | '\u{061c}'
                | '\u{feff}'
        )
}

/// Does `text` hold a character that acts rather than shows?
pub fn has_hidden(text: &str) -> bool {
    text.chars().any(is_hidden)
}

/// `text` with every hidden character written as `\u{…}`; borrowed when
/// there is none.
pub fn visible(text: &str) -> Cow<'_, str> {
    visible_except(text, &[])
}

/// Like [`visible`], keeping line breaks (`\n`) as line breaks: for text
/// made of lines, such as a whole command-line output.
pub fn visible_lines(text: &str) -> Cow<'_, str> {
    visible_except(text, &['\n'])
}

/// Like [`visible`], keeping the characters of `keep` as they are: for
/// text pasted in a field of several lines.
pub fn visible_except<'a>(text: &'a str, keep: &[char]) -> Cow<'a, str> {
    let shown = |c: char| !is_hidden(c) || keep.contains(&c);
    if text.chars().all(shown) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if shown(c) {
            out.push(c);
        } else {
            out.extend(c.escape_unicode());
        }
    }
    Cow::Owned(out)
}

/// Is `text` made only of printable ASCII (space to `~`)? The records the
/// assistant proposes (SPF, DKIM, DMARC, MX) are ASCII by their standards,
/// and a zone editor, a terminal or a PDF shows such text as it is.
pub fn is_record_text(text: &str) -> bool {
    text.bytes().all(|b| (0x20..=0x7e).contains(&b))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn makes_terminal_controls_visible() {
        assert_eq!(visible("\u{1b}[2J"), "\\u{1b}[2J");
        assert_eq!(visible("\u{1b}]0;title\u{7}"), "\\u{1b}]0;title\\u{7}");
        assert_eq!(visible("a\nb\r\tc\0"), "a\\u{a}b\\u{d}\\u{9}c\\u{0}");
        assert_eq!(visible("\u{7f}\u{9b}\u{85}"), "\\u{7f}\\u{9b}\\u{85}");
    }

    #[test]
    fn makes_bidi_and_separators_visible() {
        assert_eq!(visible("abc\u{202e}fed"), "abc\\u{202e}fed");
        for c in [
            '\u{2028}', '\u{2029}', '\u{202a}', '\u{202b}', '\u{202c}', '\u{202d}', '\u{2066}',
            '\u{2067}', '\u{2068}', '\u{2069}', '\u{200e}', '\u{200f}', '\u{061c}',
        ] {
            assert!(is_hidden(c), "{:?}", c);
            assert!(!has_hidden(&visible(&c.to_string())));
        }
    }

    #[test]
    fn leaves_ordinary_text_alone_and_borrowed() {
        for s in [
            "v=spf1 include:_spf.example.com -all",
            "L’enregistrement « DMARC » : é à ç",
            "back\\slash and \"quotes\"",
            "",
        ] {
            assert!(matches!(visible(s), Cow::Borrowed(_)), "{s}");
            assert_eq!(visible(s), s);
        }
    }

    #[test]
    fn lines_keep_their_breaks() {
        assert_eq!(visible_lines("one\ntwo\u{7}\n"), "one\ntwo\\u{7}\n");
        assert!(matches!(visible_lines("one\ntwo\n"), Cow::Borrowed(_)));
        assert_eq!(visible_lines("a\r\nb"), "a\\u{d}\nb");
    }

    #[test]
    fn record_text_is_printable_ascii() {
        assert!(is_record_text("v=DMARC1; p=none; rua=mailto:a@b.example"));
        assert!(!is_record_text("p=none\u{1b}"));
        assert!(!is_record_text("café"));
        assert!(!is_record_text("a\tb"));
    }

    /// Reads an escape back, to show that each one names one character.
    fn unescape_one(escape: &str) -> Option<char> {
        let hex = escape.strip_prefix("\\u{")?.strip_suffix('}')?;
        char::from_u32(u32::from_str_radix(hex, 16).ok()?)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn nothing_hidden_survives_and_twice_is_once(s in any::<String>()) {
            let shown = visible(&s);
            prop_assert!(!has_hidden(&shown), "{:?}", shown);
            prop_assert_eq!(visible(&shown), shown.clone());
            let lines = visible_lines(&s);
            prop_assert!(lines.split('\n').all(|l| !has_hidden(l)));
        }

        #[test]
        fn every_hidden_character_is_named_exactly(c in any::<char>()) {
            let shown = visible(&c.to_string()).into_owned();
            if is_hidden(c) {
                prop_assert_eq!(unescape_one(&shown), Some(c));
                prop_assert!(shown.is_ascii());
            } else {
                prop_assert_eq!(shown, c.to_string());
            }
        }
    }
}

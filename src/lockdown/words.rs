//! The words of generated scripts and rules, in the admin's language: the
//! comments that explain each part, and the plain rule for a firewall
//! appliance. The code itself (cmdlets, rules) is the same in every
//! language.

use crate::localize::{FluentValue, Lang, text};

/// The message `id` with `args`, as plain text.
pub fn say(lang: Lang, id: &str, args: &[(&str, String)]) -> String {
    let args: Vec<(String, FluentValue<'static>)> = args
        .iter()
        .map(|(k, v)| (k.to_string(), FluentValue::from(v.clone())))
        .collect();
    // Every id used here is in both languages (tested); an id missing from
    // a damaged build shows as itself rather than as nothing.
    text(lang, id, &args).unwrap_or_else(|| id.to_string())
}

/// Longest line of a comment, prefix included, unless one word is longer.
pub const WIDTH: usize = 76;

/// The message as comment lines, wrapped at [`WIDTH`]: each line starts
/// with `prefix` and a space, and ends with a new line.
pub fn comment(lang: Lang, id: &str, args: &[(&str, String)], prefix: &str) -> String {
    let room = WIDTH.saturating_sub(prefix.chars().count() + 1);
    lines(&wrap(&say(lang, id, args), room), prefix)
}

/// `text` in lines of at most `width` characters, broken at spaces (a
/// no-break space holds its words together). The lines after the first of
/// a numbered item (`2. …`) are indented under its words.
pub fn wrap(text: &str, width: usize) -> String {
    let indent = text
        .split_once(". ")
        .filter(|(n, _)| !n.is_empty() && n.len() <= 2 && n.chars().all(|c| c.is_ascii_digit()))
        .map_or(0, |(n, _)| n.len() + 2);
    let mut out = String::new();
    let mut line = String::new();
    let mut len = 0;
    // No word on the line yet.
    let mut fresh = true;
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let word_len = word.chars().count();
        if !fresh && len + 1 + word_len > width {
            out.push_str(&line);
            out.push('\n');
            line = " ".repeat(indent);
            len = indent;
            fresh = true;
        }
        if !fresh {
            line.push(' ');
            len += 1;
        }
        line.push_str(word);
        len += word_len;
        fresh = false;
    }
    out.push_str(&line);
    out
}

/// `text` with each line starting with `prefix`.
pub fn lines(text: &str, prefix: &str) -> String {
    let mut out = String::new();
    for line in text.lines() {
        match (prefix.is_empty(), line.is_empty()) {
            (true, _) => out.push_str(line),
            (false, true) => out.push_str(prefix),
            (false, false) => {
                out.push_str(prefix);
                out.push(' ');
                out.push_str(line);
            }
        }
        out.push('\n');
    }
    out
}

/// The bytes of a saved script: PowerShell files start with a UTF-8 byte
/// order mark, without which Windows PowerShell 5.1 reads them as ANSI and
/// garbles every accented letter of the comments and messages.
pub fn file_bytes(extension: &str, text: String) -> Vec<u8> {
    if extension.eq_ignore_ascii_case("ps1") {
        let mut bytes = "\u{feff}".as_bytes().to_vec();
        bytes.extend_from_slice(text.as_bytes());
        bytes
    } else {
        text.into_bytes()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_prefix_each_line_and_powershell_files_carry_a_bom() {
        assert_eq!(lines("a\n\n  b", "#"), "# a\n#\n#   b\n");
        assert_eq!(lines("a\nb", ""), "a\nb\n");
        assert_eq!(
            wrap("1. one two three four", 12),
            "1. one two\n   three\n   four"
        );
        assert_eq!(wrap("plain words here", 11), "plain words\nhere");
        assert_eq!(
            wrap("nobreak\u{a0}kept together", 9),
            "nobreak\u{a0}kept\ntogether"
        );
        assert_eq!(&file_bytes("ps1", "é".into())[..3], b"\xef\xbb\xbf");
        assert_eq!(file_bytes("nft", "é".into()), "é".as_bytes());
    }
}

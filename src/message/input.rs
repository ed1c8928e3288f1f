//! A test message as given: a whole `.eml` or headers pasted from a mail
//! client. Refuses, with a reason, what cannot be one before any parser
//! sees it, so that no input can make the analysis slow or panic.

use serde::Serialize;

/// The most a `.eml` may weigh: the attachment limit of the common mail
/// services, so that any real test message fits.
pub const MAX_MESSAGE_BYTES: usize = 25 * 1024 * 1024;
/// The most its header block may weigh: real ones are a few kilobytes, long
/// chains with ARC seals some tens.
pub const MAX_HEADER_BYTES: usize = 1024 * 1024;
/// The most `Received` hops read: mail servers give up on a message long
/// before this (loop detection), so more is not a real message.
pub const MAX_HOPS: usize = 100;

/// Why the input cannot be read as a message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, thiserror::Error)]
#[serde(tag = "code", rename_all = "kebab-case")]
pub enum InputError {
    #[error("empty")]
    Empty,
    #[error("message over {limit} bytes")]
    TooLarge { size: usize, limit: usize },
    #[error("headers over {limit} bytes")]
    HeadersTooLarge { limit: usize },
    /// A NUL or another control character no header holds.
    #[error("binary data at line {line}")]
    Binary { line: usize },
    /// Bytes that are neither ASCII nor UTF-8 in the headers.
    #[error("not UTF-8 at line {line}")]
    NotText { line: usize },
    /// A line that is neither a header nor the continuation of one;
    /// `text` is its start, made visible.
    #[error("line {line} is not a header: {text}")]
    BrokenHeader { line: usize, text: String },
    /// Headers, but none that a message has (`From`, `Received`).
    #[error("not a message")]
    NotAMessage,
    #[error("{count} Received headers, over {limit}")]
    TooManyHops { count: usize, limit: usize },
    /// The domain could be told neither from the setup nor the message.
    #[error("no domain")]
    NoDomain,
}

impl InputError {
    /// The code its words are found by: `message-error-<code>`.
    pub fn code(&self) -> &'static str {
        match self {
            InputError::Empty => "empty",
            InputError::TooLarge { .. } => "too-large",
            InputError::HeadersTooLarge { .. } => "headers-too-large",
            InputError::Binary { .. } => "binary",
            InputError::NotText { .. } => "not-text",
            InputError::BrokenHeader { .. } => "broken-header",
            InputError::NotAMessage => "not-a-message",
            InputError::TooManyHops { .. } => "too-many-hops",
            InputError::NoDomain => "no-domain",
        }
    }

    /// The arguments of its words.
    pub fn args(&self) -> Vec<(&'static str, String)> {
        match self {
            InputError::Empty | InputError::NotAMessage | InputError::NoDomain => Vec::new(),
            InputError::TooLarge { size, limit } => vec![
                ("size_mb", (size / (1024 * 1024)).to_string()),
                ("limit_mb", (limit / (1024 * 1024)).to_string()),
            ],
            InputError::HeadersTooLarge { limit } => {
                vec![("limit_kb", (limit / 1024).to_string())]
            }
            InputError::Binary { line } | InputError::NotText { line } => {
                vec![("line", line.to_string())]
            }
            InputError::BrokenHeader { line, text } => {
                vec![("line", line.to_string()), ("text", text.clone())]
            }
            InputError::TooManyHops { count, limit } => {
                vec![("count", count.to_string()), ("limit", limit.to_string())]
            }
        }
    }
}

/// A message that passed the bounds: its bytes from the first header on,
/// and where its body starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawMessage {
    pub bytes: Vec<u8>,
    /// Length of the header block, its final blank line included.
    pub header_len: usize,
    /// Whether a body follows the headers (a `.eml`), not headers alone.
    pub has_body: bool,
    pub hops: usize,
}

/// The longest part of a refused line quoted back.
const QUOTED_CHARS: usize = 40;

/// Checks the bounds and the shape of `input`: a size limit first, then
/// the header block line by line (one pass, no parser).
pub fn accept(input: &[u8]) -> Result<RawMessage, InputError> {
    if input.len() > MAX_MESSAGE_BYTES {
        return Err(InputError::TooLarge {
            size: input.len(),
            limit: MAX_MESSAGE_BYTES,
        });
    }
    // Pasted text often starts with a byte-order mark or blank lines.
    let input = input.strip_prefix(b"\xef\xbb\xbf").unwrap_or(input);
    let start = input
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .ok_or(InputError::Empty)?;
    // Keep the line the first header is on whole.
    let start = input[..start]
        .iter()
        .rposition(|b| *b == b'\n')
        .map_or(0, |i| i + 1);
    let input = &input[start..];
    let (header_len, body_start) = header_end(input);
    if header_len > MAX_HEADER_BYTES {
        return Err(InputError::HeadersTooLarge {
            limit: MAX_HEADER_BYTES,
        });
    }
    let headers = &input[..header_len];
    let mut hops = 0;
    let mut seen_message_header = false;
    for (i, line) in headers.split(|b| *b == b'\n').enumerate() {
        let line_no = i + 1;
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if line
            .iter()
            .any(|b| *b == 0 || (*b < 0x20 && *b != b'\t') || *b == 0x7f)
        {
            return Err(InputError::Binary { line: line_no });
        }
        let Ok(text) = std::str::from_utf8(line) else {
            return Err(InputError::NotText { line: line_no });
        };
        if text.is_empty() {
            continue;
        }
        if text.starts_with([' ', '\t']) {
            if i == 0 {
                return Err(broken(line_no, text));
            }
            continue;
        }
        let Some((name, _)) = text.split_once(':') else {
            return Err(broken(line_no, text));
        };
        if name.is_empty() || !name.bytes().all(|b| b.is_ascii_graphic()) {
            return Err(broken(line_no, text));
        }
        if name.eq_ignore_ascii_case("received") {
            hops += 1;
        }
        seen_message_header |= ["received", "from", "return-path", "dkim-signature"]
            .iter()
            .any(|h| name.eq_ignore_ascii_case(h));
    }
    if !seen_message_header {
        return Err(InputError::NotAMessage);
    }
    if hops > MAX_HOPS {
        return Err(InputError::TooManyHops {
            count: hops,
            limit: MAX_HOPS,
        });
    }
    let has_body = input[body_start..].iter().any(|b| !b.is_ascii_whitespace());
    Ok(RawMessage {
        bytes: input.to_vec(),
        header_len,
        has_body,
        hops,
    })
}

fn broken(line: usize, text: &str) -> InputError {
    let mut shown: String = text.chars().take(QUOTED_CHARS).collect();
    if text.chars().count() > QUOTED_CHARS {
        shown.push('…');
    }
    InputError::BrokenHeader {
        line,
        text: crate::safe_text::visible(&shown).into_owned(),
    }
}

/// Where the header block ends (its blank line included) and the body
/// starts; the whole input when there is no blank line (pasted headers).
fn header_end(input: &[u8]) -> (usize, usize) {
    let mut at = 0;
    while let Some(nl) = input[at..].iter().position(|b| *b == b'\n') {
        let next = at + nl + 1;
        let rest = &input[next..];
        if rest.starts_with(b"\r\n") {
            return (next + 2, next + 2);
        }
        if rest.starts_with(b"\n") {
            return (next + 1, next + 1);
        }
        at = next;
        // A header block over the limit is refused without reading on.
        if at > MAX_HEADER_BYTES {
            return (at, at);
        }
    }
    (input.len(), input.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_alone_and_whole_messages_are_told_apart() {
        let pasted = accept(b"\n  \nReceived: from a by b\nFrom: x@y.test\n").unwrap();
        assert!(!pasted.has_body);
        assert_eq!(pasted.hops, 1);
        assert!(pasted.bytes.starts_with(b"Received"));
        let eml = accept(b"From: x@y.test\r\nSubject: t\r\n\r\nHello\r\n").unwrap();
        assert!(eml.has_body);
        assert_eq!(eml.header_len, "From: x@y.test\r\nSubject: t\r\n\r\n".len());
    }

    #[test]
    fn refuses_what_is_not_a_message_with_the_line_at_fault() {
        assert_eq!(accept(b"  \n\n"), Err(InputError::Empty));
        assert_eq!(
            accept(b"From: a@b.test\nSub\x00ject: x\n"),
            Err(InputError::Binary { line: 2 })
        );
        assert_eq!(
            accept(b"From: a@b.test\nSubject: caf\xe9\n"),
            Err(InputError::NotText { line: 2 })
        );
        assert_eq!(accept(b"Subject: hello\n"), Err(InputError::NotAMessage));
        let Err(InputError::BrokenHeader { line, text }) =
            accept("From: a@b.test\nthis is not a header \u{202e}evil\n".as_bytes())
        else {
            panic!("broken header expected");
        };
        assert_eq!(line, 2);
        assert!(
            text.contains("\\u{202e}") && !text.contains('\u{202e}'),
            "{text}"
        );
        // A terminal control is binary data, whatever line it is on.
        assert_eq!(
            accept(b"From: a@b.test\nX: \x1b[2J\n"),
            Err(InputError::Binary { line: 2 })
        );
    }

    #[test]
    fn refuses_oversized_input_before_reading_it() {
        let big = vec![b'a'; MAX_MESSAGE_BYTES + 1];
        assert!(matches!(accept(&big), Err(InputError::TooLarge { .. })));
        let mut headers = b"From: a@b.test\n".to_vec();
        while headers.len() <= MAX_HEADER_BYTES {
            headers.extend_from_slice(b"X-Filler: 0123456789012345678901234567890123456789\n");
        }
        assert_eq!(
            accept(&headers),
            Err(InputError::HeadersTooLarge {
                limit: MAX_HEADER_BYTES
            })
        );
    }
}

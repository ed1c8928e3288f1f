//! `Authentication-Results` headers (RFC 8601) as receivers write them,
//! Microsoft's without a server name among them, read well enough to know
//! each method's result and which address the receiver judged.

use std::net::IpAddr;

/// One method's result: `spf=pass (comment) smtp.mailfrom=…`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MethodResult {
    pub method: String,
    pub result: String,
    /// The whole entry, comments included, for what they say.
    pub text: String,
}

/// One `Authentication-Results` header.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct AuthResults {
    /// The server that wrote it, when it says (Microsoft's do not).
    pub server: Option<String>,
    pub results: Vec<MethodResult>,
}

/// The most entries read from one header: real ones have a handful.
const MAX_ENTRIES: usize = 32;

impl AuthResults {
    pub fn parse(value: &str) -> AuthResults {
        let mut out = AuthResults::default();
        for (i, piece) in split_top_level(value).into_iter().enumerate() {
            if i > MAX_ENTRIES {
                break;
            }
            let piece = piece.trim();
            let Some((method, rest)) = piece.split_once('=') else {
                if i == 0 && !piece.is_empty() {
                    out.server = piece.split_whitespace().next().map(str::to_ascii_lowercase);
                }
                continue;
            };
            // `mx.google.com; spf=…`: the server name has no `=`; a first
            // piece with one before any space is already a result.
            let method = method.trim();
            if method.is_empty() || method.contains(char::is_whitespace) {
                if i == 0 {
                    out.server = piece.split_whitespace().next().map(str::to_ascii_lowercase);
                }
                continue;
            }
            let result: String = rest
                .trim_start()
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
                .collect();
            out.results.push(MethodResult {
                method: method.to_ascii_lowercase(),
                result: result.to_ascii_lowercase(),
                text: piece.to_string(),
            });
        }
        out
    }

    /// The first result of `method` (`spf`, `dkim`, `dmarc`).
    pub fn get(&self, method: &str) -> Option<&MethodResult> {
        self.results.iter().find(|r| r.method == method)
    }
}

/// Splits on `;` outside parentheses (comments may hold any text).
fn split_top_level(value: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut start = 0;
    for (i, c) in value.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            ';' if depth == 0 => {
                out.push(&value[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    out.push(&value[start..]);
    out
}

/// The address a receiver says it judged: Microsoft's `(sender IP is X)`,
/// Google's `designates X as permitted sender` or `does not designate X`.
pub fn judged_ip(text: &str) -> Option<IpAddr> {
    let lower = text.to_ascii_lowercase();
    for marker in [
        "sender ip is ",
        "does not designate ",
        "designates ",
        "client-ip=",
    ] {
        if let Some(at) = lower.find(marker) {
            let rest = &text[at + marker.len()..];
            let word: String = rest
                .chars()
                .take_while(|c| c.is_ascii_hexdigit() || *c == '.' || *c == ':')
                .collect();
            if let Ok(ip) = word.trim_end_matches([':', '.']).parse() {
                return Some(ip);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_microsofts_results_without_a_server_name() {
        let r = AuthResults::parse(
            "spf=pass (sender IP is 209.85.128.52)\r\n smtp.mailfrom=gmail.com; dkim=pass (signature was verified)\r\n header.d=gmail.com;dmarc=pass action=none\r\n header.from=gmail.com;compauth=pass reason=100",
        );
        assert_eq!(r.server, None);
        assert_eq!(r.get("spf").unwrap().result, "pass");
        assert_eq!(r.get("dmarc").unwrap().result, "pass");
        assert_eq!(r.get("compauth").unwrap().result, "pass");
        assert_eq!(
            judged_ip(&r.get("spf").unwrap().text),
            Some("209.85.128.52".parse().unwrap())
        );
    }

    #[test]
    fn reads_googles_results_and_the_address_they_judged() {
        let r = AuthResults::parse(
            "mx.google.com;\r\n dkim=pass header.i=@example.com header.s=s1 header.b=abc;\r\n spf=softfail (google.com: domain of transitioning a@example.com does not designate 198.51.100.7 as permitted sender) smtp.mailfrom=a@example.com",
        );
        assert_eq!(r.server.as_deref(), Some("mx.google.com"));
        assert_eq!(r.get("spf").unwrap().result, "softfail");
        assert_eq!(
            judged_ip(&r.get("spf").unwrap().text),
            Some("198.51.100.7".parse().unwrap())
        );
        assert_eq!(
            judged_ip(
                "spf=pass (google.com: domain of a@b.c designates 2001:db8::1 as permitted sender)"
            ),
            Some("2001:db8::1".parse().unwrap())
        );
        assert_eq!(judged_ip("spf=none"), None);
    }
}

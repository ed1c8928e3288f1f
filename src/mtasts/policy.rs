//! MTA-STS (RFC 8461): the `_mta-sts` TXT record, the policy file, and
//! whether a policy's `mx:` patterns let senders deliver to a host.

/// Longest policy file read (RFC 8461 §3.3 lets senders limit it; 64 KiB
/// is far above any real policy).
pub const MAX_POLICY_BYTES: usize = 64 * 1024;
/// Longest `max_age` a policy may give (RFC 8461 §3.2: about a year).
pub const MAX_AGE_LIMIT: u64 = 31_557_600;

/// The `_mta-sts` TXT record (RFC 8461 §3.1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StsRecord {
    pub id: String,
}

/// Why a TXT record is not a usable `_mta-sts` record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecordError {
    /// No TXT record starts with `v=STSv1`.
    Absent,
    /// Several do: senders then take the domain as having no policy.
    Multiple,
    /// The `id` field is missing or not 1 to 32 letters and digits.
    BadId,
}

/// Reads the `_mta-sts` TXT answers (their texts, strings joined).
pub fn parse_record(texts: &[String]) -> Result<StsRecord, RecordError> {
    let candidates: Vec<&String> = texts
        .iter()
        .filter(|t| {
            let t = t.trim_start();
            t.get(..7)
                .is_some_and(|v| v.eq_ignore_ascii_case("v=STSv1"))
                && t[7..].trim_start().starts_with(';')
                || t.trim() == "v=STSv1"
        })
        .collect();
    let text = match candidates.as_slice() {
        [] => return Err(RecordError::Absent),
        [one] => one.as_str(),
        _ => return Err(RecordError::Multiple),
    };
    let id = text
        .split(';')
        .skip(1)
        .filter_map(|field| field.trim().split_once('='))
        .find(|(k, _)| k.trim() == "id")
        .map(|(_, v)| v.trim().to_string())
        .ok_or(RecordError::BadId)?;
    let valid = !id.is_empty() && id.len() <= 32 && id.bytes().all(|b| b.is_ascii_alphanumeric());
    if valid {
        Ok(StsRecord { id })
    } else {
        Err(RecordError::BadId)
    }
}

/// A policy's mode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Enforce,
    Testing,
    None,
}

impl Mode {
    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Enforce => "enforce",
            Mode::Testing => "testing",
            Mode::None => "none",
        }
    }
}

/// A policy file (RFC 8461 §3.2).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StsPolicy {
    pub mode: Mode,
    /// The `mx:` patterns, as written (lower case, no trailing dot).
    pub mx: Vec<String>,
    /// Seconds senders may keep the policy.
    pub max_age: u64,
}

/// What is wrong with a policy file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PolicyError {
    /// `version: STSv1` is missing.
    Version,
    /// `mode` is missing or not enforce, testing or none.
    Mode,
    /// `max_age` is missing, not a number, or over a year.
    MaxAge,
    /// `enforce` or `testing` with no `mx:` line.
    NoMx,
    /// Not text (NUL or other control bytes, invalid UTF-8).
    NotText,
}

impl PolicyError {
    pub fn code(self) -> &'static str {
        match self {
            PolicyError::Version => "version",
            PolicyError::Mode => "mode",
            PolicyError::MaxAge => "max-age",
            PolicyError::NoMx => "no-mx",
            PolicyError::NotText => "not-text",
        }
    }
}

/// Parses a policy file: `key: value` lines ending in CRLF (a bare LF is
/// accepted, as senders do); unknown keys are ignored.
pub fn parse_policy(text: &str) -> Result<StsPolicy, PolicyError> {
    // Controls and the characters that reorder or hide text have no place
    // in a policy the assistant proposes to publish again.
    if text
        .chars()
        .any(|c| crate::safe_text::is_hidden(c) && !matches!(c, '\r' | '\n' | '\t'))
    {
        return Err(PolicyError::NotText);
    }
    let mut version = None;
    let mut mode = None;
    let mut max_age = None;
    let mut mx = Vec::new();
    for line in text.split('\n') {
        let line = line.strip_suffix('\r').unwrap_or(line);
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        let value = value.trim();
        match key.trim() {
            "version" if version.is_none() => version = Some(value == "STSv1"),
            "mode" if mode.is_none() => {
                mode = Some(match value {
                    "enforce" => Some(Mode::Enforce),
                    "testing" => Some(Mode::Testing),
                    "none" => Some(Mode::None),
                    _ => None,
                })
            }
            "max_age" if max_age.is_none() => {
                max_age = Some(
                    value
                        .parse::<u64>()
                        .ok()
                        .filter(|n| *n <= MAX_AGE_LIMIT && value.len() <= 10),
                )
            }
            "mx" => mx.push(value.trim_end_matches('.').to_ascii_lowercase()),
            _ => {}
        }
    }
    if version != Some(true) {
        return Err(PolicyError::Version);
    }
    let mode = mode.flatten().ok_or(PolicyError::Mode)?;
    let max_age = max_age.flatten().ok_or(PolicyError::MaxAge)?;
    if mode != Mode::None && mx.is_empty() {
        return Err(PolicyError::NoMx);
    }
    Ok(StsPolicy { mode, mx, max_age })
}

/// Does `pattern` (an `mx:` value) match `host` (RFC 8461 §4.1)? A
/// wildcard matches exactly one left-most label.
pub fn mx_matches(pattern: &str, host: &str) -> bool {
    let pattern = pattern.trim_end_matches('.').to_ascii_lowercase();
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    match pattern.strip_prefix("*.") {
        Some(parent) => host
            .split_once('.')
            .is_some_and(|(label, rest)| !label.is_empty() && rest == parent),
        None => pattern == host,
    }
}

impl StsPolicy {
    /// The hosts of `hosts` that no `mx:` pattern matches.
    pub fn unmatched<'a>(&self, hosts: &'a [String]) -> Vec<&'a String> {
        hosts
            .iter()
            .filter(|h| !self.mx.iter().any(|p| mx_matches(p, h)))
            .collect()
    }

    /// The policy file with `hosts` added to its `mx:` lines, the current
    /// ones kept.
    pub fn with_hosts(&self, hosts: &[String]) -> String {
        let mut mx = self.mx.clone();
        for host in self.unmatched(hosts) {
            mx.push(host.clone());
        }
        let mut out = format!("version: STSv1\r\nmode: {}\r\n", self.mode.as_str());
        for pattern in mx {
            out.push_str(&format!("mx: {pattern}\r\n"));
        }
        out.push_str(&format!("max_age: {}\r\n", self.max_age));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn record_needs_one_v_stsv1_and_an_id() {
        let rec = |t: &[&str]| parse_record(&t.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert_eq!(
            rec(&["v=STSv1; id=20240101T000000;"]).unwrap().id,
            "20240101T000000"
        );
        assert_eq!(rec(&["v=STSv1;id=abc"]).unwrap().id, "abc");
        assert_eq!(rec(&["other", "v=spf1 -all"]), Err(RecordError::Absent));
        assert_eq!(
            rec(&["v=STSv1; id=a;", "v=STSv1; id=b;"]),
            Err(RecordError::Multiple)
        );
        assert_eq!(rec(&["v=STSv1; id=a-b;"]), Err(RecordError::BadId));
        assert_eq!(rec(&["v=STSv1;"]), Err(RecordError::BadId));
        assert_eq!(
            rec(&[&format!("v=STSv1; id={};", "a".repeat(33))]),
            Err(RecordError::BadId)
        );
    }

    #[test]
    fn policy_fields_and_errors() {
        let p = parse_policy(
            "version: STSv1\r\nmode: enforce\r\nmx: mail.example.com\r\nmx: *.example.net\r\nmax_age: 604800\r\n",
        )
        .unwrap();
        assert_eq!(p.mode, Mode::Enforce);
        assert_eq!(p.mx, ["mail.example.com", "*.example.net"]);
        assert_eq!(p.max_age, 604_800);
        // A bare LF is accepted; unknown keys are ignored.
        let p = parse_policy("version: STSv1\nmode: none\nmax_age: 86400\nextra: 1\n").unwrap();
        assert_eq!(p.mode, Mode::None);
        assert_eq!(
            parse_policy("mode: enforce\nmx: a\nmax_age: 1\n"),
            Err(PolicyError::Version)
        );
        assert_eq!(
            parse_policy("version: STSv1\nmode: strict\nmx: a\nmax_age: 1\n"),
            Err(PolicyError::Mode)
        );
        assert_eq!(
            parse_policy("version: STSv1\nmode: enforce\nmx: a\nmax_age: 99999999999\n"),
            Err(PolicyError::MaxAge)
        );
        assert_eq!(
            parse_policy("version: STSv1\nmode: testing\nmax_age: 1\n"),
            Err(PolicyError::NoMx)
        );
        assert_eq!(
            parse_policy("version: STSv1\nmode: none\nmax_age: 1\n\u{1b}[2J"),
            Err(PolicyError::NotText)
        );
        assert_eq!(
            parse_policy("version: STSv1\nmode: enforce\nmx: a\u{202e}b.example\nmax_age: 1\n"),
            Err(PolicyError::NotText)
        );
    }

    #[test]
    fn wildcards_match_one_left_most_label() {
        assert!(mx_matches(
            "*.security-mail.net",
            "france.security-mail.net"
        ));
        assert!(mx_matches(
            "*.security-mail.net.",
            "FRANCE.security-mail.net."
        ));
        assert!(!mx_matches(
            "*.security-mail.net",
            "a.france.security-mail.net"
        ));
        assert!(!mx_matches("*.security-mail.net", "security-mail.net"));
        assert!(mx_matches(
            "france.security-mail.net",
            "france.security-mail.net"
        ));
        assert!(!mx_matches(
            "france.security-mail.net",
            "europe.security-mail.net"
        ));
    }

    #[test]
    fn the_new_policy_keeps_current_lines_and_adds_the_gateway() {
        let p =
            parse_policy("version: STSv1\nmode: enforce\nmx: old.example.com\nmax_age: 86400\n")
                .unwrap();
        let hosts = vec![
            "france.security-mail.net".to_string(),
            "europe.security-mail.net".to_string(),
        ];
        assert_eq!(p.unmatched(&hosts).len(), 2);
        let text = p.with_hosts(&hosts);
        assert_eq!(
            text,
            "version: STSv1\r\nmode: enforce\r\nmx: old.example.com\r\nmx: france.security-mail.net\r\nmx: europe.security-mail.net\r\nmax_age: 86400\r\n"
        );
        assert!(parse_policy(&text).unwrap().unmatched(&hosts).is_empty());
    }
}

//! DMARC policy records (RFC 7489 §6.3, §6.4): tags, values, report addresses.

use crate::safe_text::is_record_text;

/// A parsed record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DmarcRecord {
    /// Tags in order: name lower-cased, value trimmed.
    pub tags: Vec<(String, String)>,
    /// Tags this version of the standard does not define (a warning).
    pub unknown_tags: Vec<String>,
}

/// What is wrong with a record.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("tag `{tag}`: {reason}")]
pub struct DmarcSyntaxError {
    pub tag: String,
    /// `version-not-first`, `bad-version`, `malformed-tag`, `duplicate-tag`,
    /// `missing-policy`, `bad-value`.
    pub reason: &'static str,
}

fn error(tag: &str, reason: &'static str) -> DmarcSyntaxError {
    DmarcSyntaxError {
        tag: tag.to_string(),
        reason,
    }
}

/// Tags of RFC 7489, and those of its revision in use today (np, psd, t).
const KNOWN_TAGS: &[&str] = &[
    "v", "p", "sp", "rua", "ruf", "adkim", "aspf", "ri", "fo", "rf", "pct", "np", "psd", "t",
];

/// Does a TXT text declare itself a DMARC record?
pub fn is_dmarc(text: &str) -> bool {
    let t = text.trim_start();
    let Some((name, value)) = t.split_once('=') else {
        return false;
    };
    name.trim().eq_ignore_ascii_case("v")
        && value
            .trim_start()
            .get(..6)
            .is_some_and(|v| v.eq_ignore_ascii_case("dmarc1"))
}

/// Does a TXT text carry `v=DMARC1` after another tag? Receivers ignore
/// it (the version must come first, RFC 7489 §6.3), but an admin looking at
/// the zone sees a DMARC record there: it is to be named and replaced.
pub fn has_late_version(text: &str) -> bool {
    !is_dmarc(text)
        && text.split(';').skip(1).any(|part| {
            part.split_once('=').is_some_and(|(name, value)| {
                name.trim().eq_ignore_ascii_case("v") && value.trim().eq_ignore_ascii_case("dmarc1")
            })
        })
}

pub fn parse_record(text: &str) -> Result<DmarcRecord, DmarcSyntaxError> {
    let mut tags: Vec<(String, String)> = Vec::new();
    let mut unknown_tags = Vec::new();
    for part in text.split(';') {
        let part = part.trim();
        if part.is_empty() {
            continue;
        }
        let Some((name, value)) = part.split_once('=') else {
            return Err(error(part, "malformed-tag"));
        };
        let name = name.trim().to_ascii_lowercase();
        let value = value.trim().to_string();
        if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
            return Err(error(part, "malformed-tag"));
        }
        if tags.is_empty() {
            if name != "v" {
                return Err(error(&name, "version-not-first"));
            }
            if value != "DMARC1" {
                return Err(error("v", "bad-version"));
            }
        } else if name == "v" {
            return Err(error("v", "version-not-first"));
        }
        if tags.iter().any(|(n, _)| *n == name) {
            return Err(error(&name, "duplicate-tag"));
        }
        if KNOWN_TAGS.contains(&name.as_str()) {
            if !valid_value(&name, &value) {
                return Err(error(&name, "bad-value"));
            }
        } else {
            unknown_tags.push(name.clone());
        }
        tags.push((name, value));
    }
    if tags.is_empty() {
        return Err(error("v", "bad-version"));
    }
    let record = DmarcRecord { tags, unknown_tags };
    if record.tag("p").is_none() {
        return Err(error("p", "missing-policy"));
    }
    Ok(record)
}

/// Reads a record that [`parse_record`] refuses, keeping its valid tags
/// (receivers discard invalid ones, RFC 7489 §6.3) and listing the others.
/// `None` when nothing usable is left: no valid policy.
pub fn parse_lenient(text: &str) -> Option<(DmarcRecord, Vec<String>)> {
    let mut tags: Vec<(String, String)> = vec![("v".into(), "DMARC1".into())];
    let mut dropped = Vec::new();
    let mut unknown_tags = Vec::new();
    for part in text.split(';').map(str::trim).filter(|p| !p.is_empty()) {
        let Some((name, value)) = part.split_once('=') else {
            dropped.push(part.to_string());
            continue;
        };
        let name = name.trim().to_ascii_lowercase();
        let value = value.trim().to_string();
        if name == "v" {
            continue;
        }
        let known = KNOWN_TAGS.contains(&name.as_str());
        let well_named =
            !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
        if !well_named
            || tags.iter().any(|(n, _)| *n == name)
            || (known && !valid_value(&name, &value))
        {
            dropped.push(part.to_string());
            continue;
        }
        if !known {
            unknown_tags.push(name.clone());
        }
        tags.push((name, value));
    }
    let record = DmarcRecord { tags, unknown_tags };
    record.tag("p").is_some().then_some((record, dropped))
}

fn valid_value(name: &str, value: &str) -> bool {
    let is_policy = |v: &str| {
        ["none", "quarantine", "reject"]
            .iter()
            .any(|p| v.eq_ignore_ascii_case(p))
    };
    match name {
        "v" => value == "DMARC1",
        "p" | "sp" | "np" => is_policy(value),
        "adkim" | "aspf" => value.eq_ignore_ascii_case("r") || value.eq_ignore_ascii_case("s"),
        "pct" => value.parse::<u8>().is_ok_and(|n| n <= 100),
        "ri" => value.parse::<u32>().is_ok(),
        "fo" => value.split(':').all(|o| {
            matches!(
                o.trim().to_ascii_lowercase().as_str(),
                "0" | "1" | "d" | "s"
            )
        }),
        "rf" => value.split(':').all(|f| {
            let f = f.trim();
            !f.is_empty() && f.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        }),
        "rua" | "ruf" => value.split(',').all(|u| valid_uri(u.trim())),
        "psd" => matches!(value.to_ascii_lowercase().as_str(), "y" | "n" | "u"),
        "t" => matches!(value.to_ascii_lowercase().as_str(), "y" | "n"),
        _ => true,
    }
}

/// Tags whose value is a comma-separated list of report URIs.
fn is_uri_list(name: &str) -> bool {
    name == "rua" || name == "ruf"
}

/// A report URI: `mailto:` (or another scheme) and an optional `!size[kmgt]`.
fn valid_uri(uri: &str) -> bool {
    let (address, size) = match uri.rsplit_once('!') {
        Some((a, s)) => (a, Some(s)),
        None => (uri, None),
    };
    if let Some(size) = size {
        let digits = size.trim_end_matches(['k', 'm', 'g', 't', 'K', 'M', 'G', 'T']);
        if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
            return false;
        }
    }
    match address.split_once(':') {
        Some((scheme, rest)) if scheme.eq_ignore_ascii_case("mailto") => {
            rest.split_once('@')
                .is_some_and(|(local, domain)| !local.is_empty() && domain.contains('.'))
                && !rest.contains(char::is_whitespace)
        }
        Some((scheme, rest)) => {
            !rest.is_empty()
                && scheme
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_ascii_alphabetic())
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
        }
        None => false,
    }
}

impl DmarcRecord {
    pub fn tag(&self, name: &str) -> Option<&str> {
        self.tags
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// The `mailto:` addresses in `rua`, without size limits.
    pub fn report_addresses(&self) -> Vec<String> {
        self.tag("rua")
            .map(|rua| {
                rua.split(',')
                    .filter_map(|u| {
                        let u = u.trim();
                        let u = u.rsplit_once('!').map_or(u, |(a, _)| a);
                        let (scheme, addr) = u.split_once(':')?;
                        scheme
                            .eq_ignore_ascii_case("mailto")
                            .then(|| addr.to_string())
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Does `rua` send aggregate reports to `address` (case-insensitive)?
    pub fn has_report_address(&self, address: &str) -> bool {
        self.report_addresses()
            .iter()
            .any(|a| a.eq_ignore_ascii_case(address))
    }

    /// This record with `address` added to `rua`, every other tag kept.
    pub fn with_report_address(&self, address: &str) -> String {
        if self.has_report_address(address) {
            return self.to_text();
        }
        let uri = format!("mailto:{address}");
        let mut tags = self.tags.clone();
        match tags.iter_mut().find(|(n, _)| n == "rua") {
            Some((_, value)) => {
                if value.trim().is_empty() {
                    *value = uri;
                } else {
                    value.push(',');
                    value.push_str(&uri);
                }
            }
            None => {
                let after_p = tags
                    .iter()
                    .position(|(n, _)| n == "p")
                    .map_or(tags.len(), |i| i + 1);
                tags.insert(after_p, ("rua".into(), uri));
            }
        }
        DmarcRecord {
            tags,
            unknown_tags: self.unknown_tags.clone(),
        }
        .to_text()
    }

    /// The tags, and the report URIs of `rua` and `ruf`, whose value holds
    /// a character a DMARC record cannot carry (a control, invisible or
    /// non-ASCII one): as (tag name, value or URI).
    pub fn unsafe_parts(&self) -> Vec<(String, String)> {
        let mut parts = Vec::new();
        for (name, value) in &self.tags {
            if is_record_text(value) {
                continue;
            }
            if is_uri_list(name) {
                // Only ASCII blanks are trimmed: a Unicode separator next
                // to a URI is part of what must be left out.
                for uri in value.split(',').filter(|u| !is_record_text(u.trim_ascii())) {
                    parts.push((name.clone(), uri.trim_ascii().to_string()));
                }
            } else {
                parts.push((name.clone(), value.clone()));
            }
        }
        parts
    }

    /// This record without its [`unsafe_parts`](Self::unsafe_parts): what
    /// the assistant may propose to publish, and what it left out. A report
    /// list loses only its unsafe URIs; emptied, the tag goes.
    pub fn without_unsafe(&self) -> (DmarcRecord, Vec<(String, String)>) {
        let removed = self.unsafe_parts();
        // A blank such as a line break beside a report URI is trimmed, not
        // reported: the tags are rebuilt whenever any value is not record
        // text, not only when something was left out.
        if self.tags.iter().all(|(_, value)| is_record_text(value)) {
            return (self.clone(), removed);
        }
        let tags = self
            .tags
            .iter()
            .filter_map(|(name, value)| {
                if is_record_text(value) {
                    return Some((name.clone(), value.clone()));
                }
                if !is_uri_list(name) {
                    return None;
                }
                let kept: Vec<&str> = value
                    .split(',')
                    .map(str::trim_ascii)
                    .filter(|u| is_record_text(u))
                    .collect();
                (!kept.is_empty()).then(|| (name.clone(), kept.join(",")))
            })
            .collect::<Vec<_>>();
        let unknown_tags = self
            .unknown_tags
            .iter()
            .filter(|t| tags.iter().any(|(n, _)| n == *t))
            .cloned()
            .collect();
        (DmarcRecord { tags, unknown_tags }, removed)
    }

    pub fn to_text(&self) -> String {
        self.tags
            .iter()
            .map(|(n, v)| format!("{n}={v}"))
            .collect::<Vec<_>>()
            .join("; ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_gateway_records() {
        let r = parse_record("v=DMARC1; p=none; rua=mailto:dmarc@secuserve.com").unwrap();
        assert_eq!(r.tag("p"), Some("none"));
        assert!(r.has_report_address("DMARC@SecuServe.com"));
        let r =
            parse_record("v=DMARC1; p=reject; pct=100; rua=mailto:dmarc@secuserve.com").unwrap();
        assert_eq!(r.tag("pct"), Some("100"));
    }

    #[test]
    fn finds_the_report_address_among_several() {
        let r = parse_record(
            "v=DMARC1; p=quarantine; rua=mailto:a@example.com!10m, mailto:Dmarc@secuserve.com; fo=1:d",
        )
        .unwrap();
        assert!(r.has_report_address("dmarc@secuserve.com"));
        assert_eq!(r.report_addresses().len(), 2);
    }

    #[test]
    fn syntax_errors_name_the_tag() {
        let tag = |t: &str| {
            let e = parse_record(t).unwrap_err();
            (e.tag, e.reason)
        };
        assert_eq!(tag("p=none; v=DMARC1"), ("p".into(), "version-not-first"));
        assert_eq!(tag("v=DMARC2; p=none"), ("v".into(), "bad-version"));
        assert_eq!(
            tag("v=DMARC1; rua=mailto:a@b.com"),
            ("p".into(), "missing-policy")
        );
        assert_eq!(tag("v=DMARC1; p=block"), ("p".into(), "bad-value"));
        assert_eq!(
            tag("v=DMARC1; p=none; pct=150"),
            ("pct".into(), "bad-value")
        );
        assert_eq!(
            tag("v=DMARC1; p=none; rua=dmarc@secuserve.com"),
            ("rua".into(), "bad-value")
        );
        assert_eq!(
            tag("v=DMARC1; p=none; p=reject"),
            ("p".into(), "duplicate-tag")
        );
        assert_eq!(
            tag("v=DMARC1; p=none; adkim=x"),
            ("adkim".into(), "bad-value")
        );
        assert_eq!(
            tag("v=DMARC1; p=none; nonsense"),
            ("nonsense".into(), "malformed-tag")
        );
    }

    #[test]
    fn unknown_tags_are_kept_and_listed() {
        let r = parse_record("v=DMARC1; p=none; foo=bar").unwrap();
        assert_eq!(r.unknown_tags, vec!["foo".to_string()]);
    }

    #[test]
    fn adds_the_report_address_keeping_the_policy() {
        let r = parse_record("v=DMARC1; p=quarantine; rua=mailto:a@example.com; adkim=s").unwrap();
        assert_eq!(
            r.with_report_address("dmarc@secuserve.com"),
            "v=DMARC1; p=quarantine; rua=mailto:a@example.com,mailto:dmarc@secuserve.com; adkim=s"
        );
        let r = parse_record("v=DMARC1; p=reject; sp=none").unwrap();
        assert_eq!(
            r.with_report_address("dmarc@secuserve.com"),
            "v=DMARC1; p=reject; rua=mailto:dmarc@secuserve.com; sp=none"
        );
        let r = parse_record("v=DMARC1; p=none; rua=mailto:dmarc@secuserve.com").unwrap();
        assert_eq!(
            r.with_report_address("dmarc@secuserve.com"),
            "v=DMARC1; p=none; rua=mailto:dmarc@secuserve.com"
        );
    }

    #[test]
    fn a_damaged_record_keeps_its_policy_when_merged() {
        let (r, dropped) =
            parse_lenient("v=DMARC1; p=reject; rua=dmarc@example.com; pct=150; adkim=s").unwrap();
        assert_eq!(
            r.with_report_address("dmarc@secuserve.com"),
            "v=DMARC1; p=reject; rua=mailto:dmarc@secuserve.com; adkim=s"
        );
        assert_eq!(
            dropped,
            vec!["rua=dmarc@example.com".to_string(), "pct=150".to_string()]
        );
        assert!(parse_lenient("v=DMARC1; p=block").is_none());
    }

    #[test]
    fn tags_and_uris_with_control_characters_are_left_out() {
        let r = parse_record(
            "v=DMARC1; p=reject; rua=mailto:a@example.com,https://x.example/\u{1b}[2J; \
             foo=x\nevil.example. 60 IN A 6.6.6.6; ruf=mailto:f\u{7}@example.com; adkim=s",
        )
        .unwrap();
        assert_eq!(
            r.unsafe_parts(),
            vec![
                ("rua".to_string(), "https://x.example/\u{1b}[2J".to_string()),
                (
                    "foo".to_string(),
                    "x\nevil.example. 60 IN A 6.6.6.6".to_string()
                ),
                ("ruf".to_string(), "mailto:f\u{7}@example.com".to_string()),
            ]
        );
        let (clean, removed) = r.without_unsafe();
        assert_eq!(removed, r.unsafe_parts());
        assert!(clean.unsafe_parts().is_empty());
        assert!(clean.unknown_tags.is_empty());
        assert_eq!(
            clean.with_report_address("dmarc@secuserve.com"),
            "v=DMARC1; p=reject; rua=mailto:a@example.com,mailto:dmarc@secuserve.com; adkim=s"
        );
        // Non-ASCII text has no place in a DMARC record either.
        let r = parse_record("v=DMARC1; p=none; note=café").unwrap();
        assert_eq!(r.without_unsafe().0.to_text(), "v=DMARC1; p=none");
        // A clean record is left as it is.
        let r = parse_record("v=DMARC1; p=none; foo=bar").unwrap();
        assert_eq!(r.without_unsafe(), (r.clone(), Vec::new()));
    }

    #[test]
    fn a_version_after_other_tags_is_seen() {
        assert!(has_late_version(
            "p=none; v=DMARC1; rua=mailto:a@example.com"
        ));
        assert!(has_late_version("p=reject;v = dmarc1"));
        assert!(!has_late_version("v=DMARC1; p=none"));
        assert!(!has_late_version("p=none; v=spf1"));
        assert!(!has_late_version("google-site-verification=v=DMARC1"));
    }

    #[test]
    fn recognises_dmarc_text() {
        assert!(is_dmarc("v=DMARC1; p=none"));
        assert!(is_dmarc("v = dmarc1; p=none"));
        assert!(!is_dmarc("v=spf1 -all"));
        assert!(!is_dmarc("\"v=DMARC1; p=none\""));
    }

    #[test]
    fn a_line_break_beside_a_report_uri_never_reaches_the_record() {
        let (r, _) =
            parse_lenient("v=DMARC1; p=none; rua=mailto:a@example.com\n,mailto:b@example.com")
                .unwrap();
        let (clean, removed) = r.without_unsafe();
        assert!(removed.is_empty());
        let text = clean.with_report_address("dmarc@secuserve.com");
        assert!(is_record_text(&text), "{text:?}");
        assert_eq!(
            text,
            "v=DMARC1; p=none; rua=mailto:a@example.com,mailto:b@example.com,mailto:dmarc@secuserve.com"
        );
    }
}

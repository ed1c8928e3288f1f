//! Domain names typed or pasted by an admin: normalised, checked, converted to
//! the ASCII form DNS needs (IDNA) while the Unicode form is kept for display.

use std::fmt;

use serde::Serialize;

/// Longest name DNS carries, in bytes of its ASCII text form (RFC 1035 §2.3.4).
const MAX_NAME_BYTES: usize = 253;
/// Longest label, in bytes (RFC 1035 §2.3.4).
const MAX_LABEL_BYTES: usize = 63;

/// A checked domain name.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct DomainName {
    /// Lower-case ASCII (Punycode) form, without the trailing dot.
    ascii: String,
    /// The form to show people, Unicode where the name has non-ASCII labels.
    unicode: String,
}

/// Why a text is not a domain name. Rendered by the caller (Fluent key
/// `domain-error-<code>`), so each variant carries only its arguments.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DomainError {
    #[error("empty")]
    Empty,
    #[error("space inside the name")]
    Space,
    #[error("empty label")]
    EmptyLabel,
    #[error("label {label} is longer than 63 bytes")]
    LabelTooLong { label: String, bytes: usize },
    #[error("name is {bytes} bytes long, more than 253")]
    NameTooLong { bytes: usize },
    #[error("label {label} starts or ends with a hyphen")]
    Hyphen { label: String },
    #[error("character {character:?} is not allowed")]
    InvalidCharacter { character: char },
    #[error("only one label")]
    SingleLabel,
    #[error("not a valid internationalised name")]
    Idna,
    #[error("an IP address, not a domain name")]
    IpAddress,
    #[error("the last label is a number")]
    NumericTld,
}

impl DomainError {
    /// Stable code, used for the Fluent key and in JSON.
    pub fn code(&self) -> &'static str {
        match self {
            DomainError::Empty => "empty",
            DomainError::Space => "space",
            DomainError::EmptyLabel => "empty-label",
            DomainError::LabelTooLong { .. } => "label-too-long",
            DomainError::NameTooLong { .. } => "name-too-long",
            DomainError::Hyphen { .. } => "hyphen",
            DomainError::InvalidCharacter { .. } => "invalid-character",
            DomainError::SingleLabel => "single-label",
            DomainError::Idna => "idna",
            DomainError::IpAddress => "ip-address",
            DomainError::NumericTld => "numeric-tld",
        }
    }

    /// Arguments for the message, as (name, value) pairs.
    pub fn args(&self) -> Vec<(&'static str, String)> {
        match self {
            DomainError::LabelTooLong { label, bytes } => {
                vec![("label", label.clone()), ("bytes", bytes.to_string())]
            }
            DomainError::NameTooLong { bytes } => vec![("bytes", bytes.to_string())],
            DomainError::Hyphen { label } => vec![("label", label.clone())],
            DomainError::InvalidCharacter { character } => {
                vec![("character", shown_char(*character))]
            }
            _ => Vec::new(),
        }
    }
}

impl DomainName {
    /// Accepts what admins paste: surrounding spaces, upper case, a trailing
    /// dot, a web address (`https://www.host/path`, whose `www.` is
    /// dropped: the mail domain is the site's), an e-mail address
    /// (`user@domain`), Unicode.
    pub fn parse(input: &str) -> Result<Self, DomainError> {
        let (host, web) = strip_decorations(input);
        let host = if web { strip_www(host) } else { host };
        Self::parse_host(host)
    }

    /// Like [`DomainName::parse`] but for a host name given as such: no URL
    /// or address is stripped, only spaces and a trailing dot.
    pub fn parse_host(host: &str) -> Result<Self, DomainError> {
        let host = host.trim();
        if host.len() > MAX_INPUT_BYTES {
            return Err(DomainError::NameTooLong { bytes: host.len() });
        }
        let host = host.strip_suffix('.').unwrap_or(host);
        if host.is_empty() {
            return Err(DomainError::Empty);
        }
        if host.chars().any(char::is_whitespace) {
            return Err(DomainError::Space);
        }
        if host
            .strip_prefix('[')
            .and_then(|h| h.strip_suffix(']'))
            .unwrap_or(host)
            .parse::<std::net::IpAddr>()
            .is_ok()
        {
            return Err(DomainError::IpAddress);
        }
        // Invisible characters come with pasted text; a name that holds
        // one is not the name the admin sees.
        if let Some(character) = host.chars().find(|c| is_invisible(*c)) {
            return Err(DomainError::InvalidCharacter { character });
        }
        if let Some(character) = host
            .chars()
            .find(|c| c.is_ascii() && !(c.is_ascii_alphanumeric() || *c == '-' || *c == '.'))
        {
            return Err(DomainError::InvalidCharacter { character });
        }
        if host.split('.').any(str::is_empty) {
            return Err(DomainError::EmptyLabel);
        }
        let ascii = if host.is_ascii() {
            host.to_ascii_lowercase()
        } else {
            idna::domain_to_ascii_cow(host.as_bytes(), idna::AsciiDenyList::STD3)
                .map_err(|_| DomainError::Idna)?
                .into_owned()
        };
        check_ascii_structure(&ascii)?;
        let (unicode, result) = idna::domain_to_unicode(&ascii);
        let unicode = if result.is_ok() {
            unicode
        } else {
            ascii.clone()
        };
        Ok(DomainName { ascii, unicode })
    }

    /// The lower-case ASCII form, without trailing dot.
    pub fn ascii(&self) -> &str {
        &self.ascii
    }

    /// The form to show people.
    pub fn unicode(&self) -> &str {
        &self.unicode
    }

    /// The absolute form with its trailing dot, for zone files and queries.
    pub fn fqdn(&self) -> String {
        format!("{}.", self.ascii)
    }

    /// `label.` prepended to this name (for `_dmarc`, DKIM selectors).
    pub fn child(&self, label: &str) -> String {
        format!("{label}.{}", self.ascii)
    }
}

impl fmt::Display for DomainName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.unicode)
    }
}

/// Longest text looked at as a name: more than any name with its URL
/// decorations, far less than what would make the checks slow.
const MAX_INPUT_BYTES: usize = 1024;

/// Removes what surrounds a domain in what admins paste: a URL's scheme, path,
/// port and credentials, or the local part of an address. Says whether the
/// text was a web address (a scheme, or a path after the name).
fn strip_decorations(input: &str) -> (&str, bool) {
    let mut s = input.trim();
    let scheme = s.find("://");
    let web = scheme.is_some() || (!s.contains('@') && s.contains('/'));
    if web {
        if let Some(pos) = scheme {
            s = &s[pos + 3..];
        }
        if let Some(end) = s.find(['/', '?', '#']) {
            s = &s[..end];
        }
        if let Some(at) = s.rfind('@') {
            s = &s[at + 1..];
        }
        if let Some(colon) = s.rfind(':')
            && s[colon + 1..].chars().all(|c| c.is_ascii_digit())
            && (s.starts_with('[') == s[..colon].ends_with(']'))
        {
            s = &s[..colon];
        }
    } else if let Some(at) = s.rfind('@') {
        s = &s[at + 1..];
    }
    let s = s.strip_prefix("mailto:").unwrap_or(s);
    (s.trim(), web)
}

/// `www.example.com` of a web address to `example.com`, unless nothing
/// but a single label would be left.
fn strip_www(host: &str) -> &str {
    match host.get(..4) {
        Some(prefix) if prefix.eq_ignore_ascii_case("www.") && host[4..].contains('.') => {
            &host[4..]
        }
        _ => host,
    }
}

/// Control characters, and format characters that show nothing (bidi
/// controls, zero-width spaces, soft hyphen, tags). The zero-width joiners
/// some scripts need are left to IDNA's rules.
fn is_invisible(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{ad}'
                | '\u{61c}'
                | '\u{180e}'
                | '\u{200b}'
                | '\u{200e}'..='\u{200f}'
                | '\u{202a}'..='\u{202e}'
                | '\u{2060}'..='\u{206f}'
                | '\u{feff}'
                | '\u{fff9}'..='\u{fffb}'
                | '\u{e0000}'..='\u{e007f}'
        )
}

/// A character as it may be shown in a message: invisible ones as `U+XXXX`.
pub(crate) fn shown_char(c: char) -> String {
    if is_invisible(c) {
        format!("U+{:04X}", u32::from(c))
    } else {
        c.to_string()
    }
}

fn check_ascii_structure(ascii: &str) -> Result<(), DomainError> {
    let mut labels = 0;
    for label in ascii.split('.') {
        labels += 1;
        if label.is_empty() {
            return Err(DomainError::EmptyLabel);
        }
        if label.len() > MAX_LABEL_BYTES {
            return Err(DomainError::LabelTooLong {
                label: label.to_string(),
                bytes: label.len(),
            });
        }
        if label.starts_with('-') || label.ends_with('-') {
            return Err(DomainError::Hyphen {
                label: label.to_string(),
            });
        }
        if let Some(character) = label
            .chars()
            .find(|c| !(c.is_ascii_alphanumeric() || *c == '-'))
        {
            return Err(DomainError::InvalidCharacter { character });
        }
    }
    if ascii.len() > MAX_NAME_BYTES {
        return Err(DomainError::NameTooLong { bytes: ascii.len() });
    }
    if labels < 2 {
        return Err(DomainError::SingleLabel);
    }
    // A top-level domain is never all digits (RFC 3696 §2): `10.0.0` is
    // an address with a part missing, not a name.
    if ascii
        .rsplit('.')
        .next()
        .is_some_and(|tld| tld.chars().all(|c| c.is_ascii_digit()))
    {
        return Err(DomainError::NumericTld);
    }
    Ok(())
}

/// Lower-cases a DNS name and removes its trailing dot, for comparisons.
pub fn normalise_name(name: &str) -> String {
    let name = name.trim();
    name.strip_suffix('.').unwrap_or(name).to_ascii_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ascii(input: &str) -> String {
        DomainName::parse(input).unwrap().ascii().to_string()
    }

    #[test]
    fn accepts_what_admins_paste() {
        assert_eq!(ascii("  Example.COM.  "), "example.com");
        assert_eq!(ascii("https://www.example.com/path?q=1"), "example.com");
        assert_eq!(ascii("http://user:pw@example.fr:8080/"), "example.fr");
        assert_eq!(ascii("jean.dupont@Exemple.fr"), "exemple.fr");
        assert_eq!(ascii("mailto:contact@exemple.fr"), "exemple.fr");
    }

    #[test]
    fn a_web_address_loses_its_www_a_typed_name_keeps_it() {
        assert_eq!(ascii("https://www.example.com/contact"), "example.com");
        assert_eq!(ascii("http://WWW.Example.fr"), "example.fr");
        assert_eq!(ascii("www.example.com/contact"), "example.com");
        assert_eq!(ascii("https://www.example.com:8443/"), "example.com");
        assert_eq!(ascii("www.example.com"), "www.example.com");
        assert_eq!(ascii("contact@www.example.com"), "www.example.com");
        // Nothing but a top-level domain would be left.
        assert_eq!(ascii("https://www.com/"), "www.com");
        assert_eq!(ascii("https://www2.example.com/"), "www2.example.com");
    }

    #[test]
    fn refuses_addresses_and_invisible_characters() {
        let err = |s: &str| DomainName::parse(s).unwrap_err();
        assert_eq!(err("1.2.3.4"), DomainError::IpAddress);
        assert_eq!(err("[2001:db8::1]"), DomainError::IpAddress);
        assert_eq!(err("2001:db8::1"), DomainError::IpAddress);
        assert_eq!(err("http://192.0.2.1:8080/admin"), DomainError::IpAddress);
        assert_eq!(err("https://[2001:db8::1]:8443/"), DomainError::IpAddress);
        assert_eq!(err("10.0.0"), DomainError::NumericTld);
        for (input, c) in [
            ("exa\u{7}mple.com", '\u{7}'),
            ("example.com\u{200b}", '\u{200b}'),
            ("exa\u{ad}mple.com", '\u{ad}'),
            ("\u{202e}moc.example", '\u{202e}'),
            ("exa\u{85}mple.com", '\u{85}'),
        ] {
            let e = DomainName::parse(input);
            assert!(
                matches!(e, Err(DomainError::InvalidCharacter { character }) if character == c)
                    || matches!(e, Err(DomainError::Space)),
                "{input:?}: {e:?}"
            );
        }
        let e = err("exa\u{7}mple.com");
        assert_eq!(e.args(), [("character", "U+0007".to_string())]);
        assert!(matches!(
            err(&"a".repeat(5000)),
            DomainError::NameTooLong { bytes: 5000 }
        ));
    }

    #[test]
    fn converts_unicode_and_keeps_it_for_display() {
        let name = DomainName::parse("Café-Crème.FR").unwrap();
        assert_eq!(name.ascii(), "xn--caf-crme-60ag.fr");
        assert_eq!(name.unicode(), "café-crème.fr");
        assert_eq!(name.to_string(), "café-crème.fr");
        assert_eq!(ascii("bücher.de"), "xn--bcher-kva.de");
    }

    #[test]
    fn refuses_what_is_not_a_domain() {
        let err = |s: &str| DomainName::parse(s).unwrap_err();
        assert_eq!(err(""), DomainError::Empty);
        assert_eq!(err("   "), DomainError::Empty);
        assert_eq!(err("exa mple.com"), DomainError::Space);
        assert_eq!(err("example..com"), DomainError::EmptyLabel);
        assert_eq!(err(".example.com"), DomainError::EmptyLabel);
        assert_eq!(
            err("-example.com"),
            DomainError::Hyphen {
                label: "-example".into()
            }
        );
        assert_eq!(
            err("example-.com"),
            DomainError::Hyphen {
                label: "example-".into()
            }
        );
        assert_eq!(
            err("exa_mple.com"),
            DomainError::InvalidCharacter { character: '_' }
        );
        assert_eq!(
            err("example.com;rm"),
            DomainError::InvalidCharacter { character: ';' }
        );
        assert_eq!(err("localhost"), DomainError::SingleLabel);
        let long_label = "a".repeat(64);
        assert!(matches!(
            err(&format!("{long_label}.com")),
            DomainError::LabelTooLong { bytes: 64, .. }
        ));
        let long_name = vec!["a".repeat(63); 4].join(".");
        assert!(matches!(
            err(&long_name),
            DomainError::NameTooLong { bytes: 255 }
        ));
        // 63 bytes is still a valid label; 253 bytes still a valid name.
        assert!(DomainName::parse(&format!("{}.com", "a".repeat(63))).is_ok());
        let name_253 = format!("{}.{}", vec!["a".repeat(63); 3].join("."), "a".repeat(61));
        assert_eq!(name_253.len(), 253);
        assert!(DomainName::parse(&name_253).is_ok());
    }
}

//! SPF macros (RFC 7208 §7): the sender, the client's address and names,
//! put into the names a record asks about and into explanation text.

use std::net::IpAddr;

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};

/// What is left as it is when an upper-case macro is URL-escaped: RFC 3986
/// "unreserved" characters (RFC 7208 §7.3).
const UNRESERVED: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// Where a macro-string stands, which decides the letters it may use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// A domain-spec: `c`, `r` and `t` are not allowed, nor spaces.
    Name,
    /// Explanation text fetched by `exp=`: every letter, and spaces.
    Explanation,
}

/// The values the macro letters stand for, in one evaluation.
#[derive(Debug, Clone)]
pub struct MacroValues<'a> {
    /// `s`: the sender, `local@domain`.
    pub sender: &'a str,
    /// `l`: the sender's local part (`postmaster` when it has none).
    pub local: &'a str,
    /// `o`: the sender's domain.
    pub sender_domain: &'a str,
    /// `d`: the domain whose record is being evaluated.
    pub domain: &'a str,
    /// `i`, `c`, `v`: the client's address (IPv4-mapped already unwrapped).
    pub ip: IpAddr,
    /// `h`: the HELO/EHLO name.
    pub helo: &'a str,
    /// `p`: the client's validated name, when the caller has looked it up.
    pub validated_name: Option<&'a str>,
    /// `r`: the receiving host's name.
    pub receiver: &'a str,
    /// `t`: seconds since 1970.
    pub now: u64,
}

/// A macro-string that does not follow RFC 7208 §7.1.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MacroError;

/// Does this macro-string use `%{p}` (which needs DNS lookups first)?
pub fn uses_validated_name(spec: &str) -> bool {
    let lower = spec.to_ascii_lowercase();
    lower.contains("%{p")
}

/// Expands a macro-string. A name is returned as expanded; the caller
/// shortens it to what DNS can carry.
pub fn expand(spec: &str, values: &MacroValues<'_>, place: Place) -> Result<String, MacroError> {
    let letters = match place {
        Place::Name => "slodiphv",
        Place::Explanation => "slodiphcrtv",
    };
    let mut out = String::new();
    let mut chars = spec.char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '%' => match chars.next().map(|(_, c)| c) {
                Some('%') => out.push('%'),
                Some('_') => out.push(' '),
                Some('-') => out.push_str("%20"),
                Some('{') => {
                    let body_start = i + 2;
                    let close = spec[body_start..].find('}').ok_or(MacroError)? + body_start;
                    out.push_str(&expand_one(&spec[body_start..close], values, letters)?);
                    // Skip past the closing brace.
                    for (j, _) in chars.by_ref() {
                        if j == close {
                            break;
                        }
                    }
                }
                _ => return Err(MacroError),
            },
            ' ' if place == Place::Explanation => out.push(' '),
            c if ('\x21'..='\x7e').contains(&c) => out.push(c),
            _ => return Err(MacroError),
        }
    }
    Ok(out)
}

/// One `%{...}`: letter, part count, reversal, delimiters.
fn expand_one(body: &str, values: &MacroValues<'_>, letters: &str) -> Result<String, MacroError> {
    let mut chars = body.chars();
    let letter = chars.next().ok_or(MacroError)?;
    let lower = letter.to_ascii_lowercase();
    if !letter.is_ascii_alphabetic() || !letters.contains(lower) {
        return Err(MacroError);
    }
    let rest = chars.as_str();
    let digits_end = rest
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(rest.len());
    let digits = &rest[..digits_end];
    // More parts than any name has means all of them; the count is never 0.
    let keep = if digits.is_empty() {
        None
    } else {
        let n = digits.parse::<usize>().unwrap_or(usize::MAX);
        if n == 0 {
            return Err(MacroError);
        }
        Some(n)
    };
    let mut rest = &rest[digits_end..];
    let reverse = match rest.strip_prefix(['r', 'R']) {
        Some(r) => {
            rest = r;
            true
        }
        None => false,
    };
    if !rest.chars().all(|c| ".-+,/_=".contains(c)) {
        return Err(MacroError);
    }
    let delimiters = if rest.is_empty() { "." } else { rest };
    let value = letter_value(lower, values);
    let mut parts: Vec<&str> = value.split(|c| delimiters.contains(c)).collect();
    if reverse {
        parts.reverse();
    }
    if let Some(n) = keep {
        let skip = parts.len().saturating_sub(n);
        parts.drain(..skip);
    }
    let joined = parts.join(".");
    Ok(if letter.is_ascii_uppercase() {
        utf8_percent_encode(&joined, UNRESERVED).to_string()
    } else {
        joined
    })
}

fn letter_value(letter: char, v: &MacroValues<'_>) -> String {
    match letter {
        's' => v.sender.to_string(),
        'l' => v.local.to_string(),
        'o' => v.sender_domain.to_string(),
        'd' => v.domain.to_string(),
        'i' => dotted(v.ip),
        'p' => v.validated_name.unwrap_or("unknown").to_string(),
        'v' => match v.ip {
            IpAddr::V4(_) => "in-addr".to_string(),
            IpAddr::V6(_) => "ip6".to_string(),
        },
        'h' => v.helo.to_string(),
        'c' => v.ip.to_string(),
        'r' => v.receiver.to_string(),
        't' => v.now.to_string(),
        _ => String::new(),
    }
}

/// The address as `%{i}` gives it: dotted quad, or 32 dotted nibbles.
pub fn dotted(ip: IpAddr) -> String {
    match ip {
        IpAddr::V4(v4) => v4.to_string(),
        IpAddr::V6(v6) => v6
            .octets()
            .iter()
            .flat_map(|b| [b >> 4, b & 0xf])
            .map(|n| format!("{n:x}"))
            .collect::<Vec<_>>()
            .join("."),
    }
}

/// The name a reverse (PTR) lookup of `ip` asks for.
pub fn reverse_name(ip: IpAddr) -> String {
    let mut parts: Vec<String> = dotted(ip).split('.').map(str::to_string).collect();
    parts.reverse();
    let suffix = match ip {
        IpAddr::V4(_) => "in-addr.arpa",
        IpAddr::V6(_) => "ip6.arpa",
    };
    format!("{}.{suffix}", parts.join("."))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(ip: &str) -> MacroValues<'static> {
        MacroValues {
            sender: "jean-luc.martin@courrier.exemple.fr",
            local: "jean-luc.martin",
            sender_domain: "courrier.exemple.fr",
            domain: "courrier.exemple.fr",
            ip: ip.parse().unwrap(),
            helo: "mx1.exemple.fr",
            validated_name: None,
            receiver: "unknown",
            now: 1_700_000_000,
        }
    }

    fn name(spec: &str, ip: &str) -> String {
        expand(spec, &values(ip), Place::Name).unwrap()
    }

    #[test]
    fn letters_and_transformers() {
        let ip = "198.51.100.7";
        assert_eq!(name("%{s}", ip), "jean-luc.martin@courrier.exemple.fr");
        assert_eq!(name("%{o}", ip), "courrier.exemple.fr");
        assert_eq!(name("%{d}", ip), "courrier.exemple.fr");
        // A part count at least the number of parts keeps them all.
        assert_eq!(name("%{d3}", ip), "courrier.exemple.fr");
        assert_eq!(name("%{d9}", ip), "courrier.exemple.fr");
        assert_eq!(name("%{d2}", ip), "exemple.fr");
        assert_eq!(name("%{d1}", ip), "fr");
        assert_eq!(name("%{dr}", ip), "fr.exemple.courrier");
        // Reversal comes before keeping the right-hand parts.
        assert_eq!(name("%{d2r}", ip), "exemple.courrier");
        assert_eq!(name("%{l}", ip), "jean-luc.martin");
        assert_eq!(name("%{l-}", ip), "jean.luc.martin");
        assert_eq!(name("%{lr}", ip), "martin.jean-luc");
        // Split on '-' only: "luc.martin" stays one part.
        assert_eq!(name("%{lr-}", ip), "luc.martin.jean");
        assert_eq!(name("%{l1r-}", ip), "jean");
        // Several delimiters at once.
        assert_eq!(name("%{lr-.}", ip), "martin.luc.jean");
        assert_eq!(name("%{h}", ip), "mx1.exemple.fr");
        assert_eq!(
            name("%{ir}.%{v}._spf.%{d2}", ip),
            "7.100.51.198.in-addr._spf.exemple.fr"
        );
        assert_eq!(
            name("%{lr-}.lp._spf.%{d2}", ip),
            "luc.martin.jean.lp._spf.exemple.fr"
        );
    }

    #[test]
    fn ipv6_addresses_are_dotted_nibbles() {
        let ip = "2001:db8::5:a1";
        assert_eq!(
            name("%{ir}.%{v}._spf.%{d2}", ip),
            "1.a.0.0.5.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6._spf.exemple.fr"
        );
        assert_eq!(
            reverse_name(ip.parse().unwrap()),
            "1.a.0.0.5.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa"
        );
        assert_eq!(
            reverse_name("192.0.2.33".parse().unwrap()),
            "33.2.0.192.in-addr.arpa"
        );
    }

    #[test]
    fn escapes_and_url_encoding() {
        let ip = "198.51.100.7";
        assert_eq!(name("a%%b%_c%-d.exemple.fr", ip), "a%b c%20d.exemple.fr");
        let mut v = values(ip);
        v.local = "~anne&paul=chez-nous_1.x";
        // Upper-case letters are URL-escaped, in upper-case hexadecimal.
        assert_eq!(
            expand("l=%{L}", &v, Place::Explanation).unwrap(),
            "l=~anne%26paul%3Dchez-nous_1.x"
        );
    }

    #[test]
    fn explanation_letters_and_errors() {
        let v = values("2001:db8::5:a1");
        assert_eq!(
            expand("%{c} refused at %{r} (%{t})", &v, Place::Explanation).unwrap(),
            "2001:db8::5:a1 refused at unknown (1700000000)"
        );
        assert_eq!(expand("%{c}.x", &v, Place::Name), Err(MacroError));
        assert_eq!(
            expand("The %{x}-files", &v, Place::Explanation),
            Err(MacroError)
        );
        assert_eq!(expand("50%", &v, Place::Explanation), Err(MacroError));
        assert_eq!(expand("%{d0}", &v, Place::Name), Err(MacroError));
        assert_eq!(expand("%{d", &v, Place::Name), Err(MacroError));
        assert_eq!(expand("a b", &v, Place::Name), Err(MacroError));
        assert_eq!(expand("caf\u{e9}", &v, Place::Explanation), Err(MacroError));
        assert_eq!(
            expand("from %{p}", &v, Place::Explanation).unwrap(),
            "from unknown"
        );
        assert!(uses_validated_name("x.%{P}.y") && !uses_validated_name("%{d}"));
    }
}

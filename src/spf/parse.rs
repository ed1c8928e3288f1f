//! SPF record syntax (RFC 7208 §4.6, §5, §6, §7), parsed term by term so that
//! an error names the term at fault.

use std::fmt;
use std::net::{Ipv4Addr, Ipv6Addr};

/// A mechanism's qualifier.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Qualifier {
    Pass,
    Fail,
    SoftFail,
    Neutral,
}

impl Qualifier {
    pub fn prefix(self) -> &'static str {
        match self {
            Qualifier::Pass => "+",
            Qualifier::Fail => "-",
            Qualifier::SoftFail => "~",
            Qualifier::Neutral => "?",
        }
    }
}

/// A mechanism without its qualifier.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mechanism {
    All,
    Include(String),
    A(Option<String>),
    Mx(Option<String>),
    Ptr(Option<String>),
    Ip4(Ipv4Addr, u8),
    Ip6(Ipv6Addr, u8),
    Exists(String),
}

impl Mechanism {
    /// Does evaluating this mechanism query DNS (RFC 7208 §4.6.4)?
    pub fn queries_dns(&self) -> bool {
        matches!(
            self,
            Mechanism::Include(_)
                | Mechanism::A(_)
                | Mechanism::Mx(_)
                | Mechanism::Ptr(_)
                | Mechanism::Exists(_)
        )
    }
}

/// One term of a record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Term {
    Mechanism {
        qualifier: Qualifier,
        mechanism: Mechanism,
        /// The term as written.
        text: String,
    },
    Redirect(String),
    Explanation(String),
    Unknown {
        name: String,
        text: String,
    },
}

impl Term {
    pub fn text(&self) -> String {
        match self {
            Term::Mechanism { text, .. } | Term::Unknown { text, .. } => text.clone(),
            Term::Redirect(d) => format!("redirect={d}"),
            Term::Explanation(d) => format!("exp={d}"),
        }
    }
}

/// A parsed SPF record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpfRecord {
    pub terms: Vec<Term>,
}

/// What is wrong with an SPF record's syntax.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SpfSyntaxError {
    #[error("the record does not start with v=spf1")]
    NotSpf,
    #[error("term `{term}`: {reason}")]
    Term { term: String, reason: SyntaxReason },
}

impl SpfSyntaxError {
    /// The term at fault (the whole version tag for `NotSpf`).
    pub fn term(&self) -> &str {
        match self {
            SpfSyntaxError::NotSpf => "v=spf1",
            SpfSyntaxError::Term { term, .. } => term,
        }
    }

    /// Stable code of the reason.
    pub fn reason(&self) -> &'static str {
        match self {
            SpfSyntaxError::NotSpf => "not-spf",
            SpfSyntaxError::Term { reason, .. } => reason.code(),
        }
    }
}

/// Why a term is not valid.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SyntaxReason {
    UnknownMechanism,
    MissingDomain,
    InvalidDomain,
    InvalidAddress,
    InvalidPrefix,
    DuplicateModifier,
    /// `include=example.com`: a mechanism's name written as a modifier,
    /// which receivers silently ignore.
    MechanismAsModifier,
    UnexpectedArgument,
    InvalidMacro,
    /// A second `v=spf1` inside the record.
    RepeatedVersion,
    /// A control, invisible or non-ASCII character: SPF terms are visible
    /// ASCII (RFC 7208 §12), and such a term cannot be carried over.
    InvalidCharacter,
}

impl SyntaxReason {
    pub fn code(self) -> &'static str {
        match self {
            SyntaxReason::UnknownMechanism => "unknown-mechanism",
            SyntaxReason::MissingDomain => "missing-domain",
            SyntaxReason::InvalidDomain => "invalid-domain",
            SyntaxReason::InvalidAddress => "invalid-address",
            SyntaxReason::InvalidPrefix => "invalid-prefix",
            SyntaxReason::DuplicateModifier => "duplicate-modifier",
            SyntaxReason::MechanismAsModifier => "mechanism-as-modifier",
            SyntaxReason::UnexpectedArgument => "unexpected-argument",
            SyntaxReason::InvalidMacro => "invalid-macro",
            SyntaxReason::RepeatedVersion => "repeated-version",
            SyntaxReason::InvalidCharacter => "invalid-character",
        }
    }
}

impl fmt::Display for SyntaxReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// Does this TXT text declare itself an SPF record (`v=spf1` then a space or end)?
pub fn is_spf(text: &str) -> bool {
    let t = text.as_bytes();
    t.len() >= 6 && t[..6].eq_ignore_ascii_case(b"v=spf1") && (t.len() == 6 || t[6] == b' ')
}

/// Parses a record that [`is_spf`].
pub fn parse_record(text: &str) -> Result<SpfRecord, SpfSyntaxError> {
    if !is_spf(text) {
        return Err(SpfSyntaxError::NotSpf);
    }
    let mut terms = Vec::new();
    let mut seen_redirect = false;
    let mut seen_exp = false;
    for word in text[6..].split(' ').filter(|w| !w.is_empty()) {
        let err = |reason| SpfSyntaxError::Term {
            term: word.to_string(),
            reason,
        };
        // Said before anything else: "unknown mechanism" would hide why.
        if !word.bytes().all(|b| b.is_ascii_graphic()) {
            return Err(err(SyntaxReason::InvalidCharacter));
        }
        let term = parse_term(word).map_err(err)?;
        match &term {
            Term::Redirect(_) if seen_redirect => return Err(err(SyntaxReason::DuplicateModifier)),
            Term::Explanation(_) if seen_exp => return Err(err(SyntaxReason::DuplicateModifier)),
            Term::Redirect(_) => seen_redirect = true,
            Term::Explanation(_) => seen_exp = true,
            _ => {}
        }
        terms.push(term);
    }
    Ok(SpfRecord { terms })
}

fn parse_term(word: &str) -> Result<Term, SyntaxReason> {
    // A modifier is `name=value` where name starts with a letter and holds no
    // ':' or '/' (those would make it a mechanism with an argument).
    if let Some((name, value)) = word.split_once('=') {
        let is_name = name.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
            && name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
        if is_name {
            return parse_modifier(name, value, word);
        }
    }
    let (qualifier, rest) = match word.as_bytes()[0] {
        b'+' => (Qualifier::Pass, &word[1..]),
        b'-' => (Qualifier::Fail, &word[1..]),
        b'~' => (Qualifier::SoftFail, &word[1..]),
        b'?' => (Qualifier::Neutral, &word[1..]),
        _ => (Qualifier::Pass, word),
    };
    let name_end = rest.find([':', '/']).unwrap_or(rest.len());
    let name = rest[..name_end].to_ascii_lowercase();
    let arg = &rest[name_end..];
    let mechanism = match name.as_str() {
        "all" => {
            if !arg.is_empty() {
                return Err(SyntaxReason::UnexpectedArgument);
            }
            Mechanism::All
        }
        "include" => Mechanism::Include(required_domain(arg)?),
        "exists" => Mechanism::Exists(required_domain(arg)?),
        "ptr" => Mechanism::Ptr(optional_domain(arg, false)?),
        "a" => Mechanism::A(optional_domain(arg, true)?),
        "mx" => Mechanism::Mx(optional_domain(arg, true)?),
        "ip4" => {
            let value = arg.strip_prefix(':').ok_or(SyntaxReason::InvalidAddress)?;
            let (addr, prefix) = split_prefix(value, 32)?;
            let addr: Ipv4Addr = addr.parse().map_err(|_| SyntaxReason::InvalidAddress)?;
            Mechanism::Ip4(addr, prefix)
        }
        "ip6" => {
            let value = arg.strip_prefix(':').ok_or(SyntaxReason::InvalidAddress)?;
            let (addr, prefix) = split_prefix(value, 128)?;
            let addr: Ipv6Addr = addr.parse().map_err(|_| SyntaxReason::InvalidAddress)?;
            Mechanism::Ip6(addr, prefix)
        }
        "v" if rest.eq_ignore_ascii_case("v=spf1") => return Err(SyntaxReason::RepeatedVersion),
        _ => return Err(SyntaxReason::UnknownMechanism),
    };
    Ok(Term::Mechanism {
        qualifier,
        mechanism,
        text: word.to_string(),
    })
}

fn parse_modifier(name: &str, value: &str, word: &str) -> Result<Term, SyntaxReason> {
    let lower = name.to_ascii_lowercase();
    match lower.as_str() {
        "redirect" => Ok(Term::Redirect(domain_spec(value)?)),
        "exp" => Ok(Term::Explanation(domain_spec(value)?)),
        "v" if value.eq_ignore_ascii_case("spf1") => Err(SyntaxReason::RepeatedVersion),
        "include" | "a" | "mx" | "ptr" | "ip4" | "ip6" | "exists" | "all" => {
            Err(SyntaxReason::MechanismAsModifier)
        }
        _ => {
            check_macro_string(value, ALL_MACROS)?;
            Ok(Term::Unknown {
                name: lower,
                text: word.to_string(),
            })
        }
    }
}

/// Splits a trailing dual-cidr-length (`/n`, `//n` or `/n//m`) off a
/// term's argument: `(domain part, cidr part)`. A domain-spec may itself
/// hold `/` (RFC 7208 §7.1 allows any visible character, and `/` is a macro
/// delimiter), so only a suffix of exactly this form is a CIDR length.
fn split_cidr(arg: &str) -> (&str, &str) {
    let b = arg.as_bytes();
    // Where the digits that end at `end` start.
    let digits_from = |end: usize| {
        let mut i = end;
        while i > 0 && b[i - 1].is_ascii_digit() {
            i -= 1;
        }
        i
    };
    let d = digits_from(b.len());
    if d == b.len() || d == 0 || b[d - 1] != b'/' {
        return (arg, "");
    }
    let mut start = d - 1;
    if start > 0 && b[start - 1] == b'/' {
        // `//n` is the IPv6 length; a `/m` may stand before it.
        start -= 1;
        let d4 = digits_from(start);
        if d4 < start && d4 > 0 && b[d4 - 1] == b'/' {
            start = d4 - 1;
        }
    }
    (&arg[..start], &arg[start..])
}

/// The IPv4 and IPv6 prefix lengths of an `a` or `mx` term as written
/// (`a:example.com/24//64`), 32 and 128 where none is given. The term must
/// have been accepted by [`parse_record`].
pub fn dual_cidr(term: &str) -> (u8, u8) {
    let (_, cidr) = split_cidr(term);
    let (v4, v6) = match cidr.find("//") {
        Some(i) => (&cidr[..i], Some(&cidr[i + 2..])),
        None => (cidr, None),
    };
    let v4 = v4
        .strip_prefix('/')
        .and_then(|n| parse_prefix(n, 32).ok())
        .unwrap_or(32);
    let v6 = v6.and_then(|n| parse_prefix(n, 128).ok()).unwrap_or(128);
    (v4, v6)
}

fn required_domain(arg: &str) -> Result<String, SyntaxReason> {
    let value = arg.strip_prefix(':').ok_or(SyntaxReason::MissingDomain)?;
    if value.is_empty() {
        return Err(SyntaxReason::MissingDomain);
    }
    if !split_cidr(value).1.is_empty() {
        return Err(SyntaxReason::InvalidPrefix);
    }
    domain_spec(value)
}

/// `[":" domain-spec] [dual-cidr-length]` for a and mx, `[":" domain-spec]` for ptr.
fn optional_domain(arg: &str, cidr_allowed: bool) -> Result<Option<String>, SyntaxReason> {
    let (domain_part, cidr_part) = split_cidr(arg);
    if !cidr_part.is_empty() {
        if !cidr_allowed {
            return Err(SyntaxReason::InvalidPrefix);
        }
        check_dual_cidr(cidr_part)?;
    }
    if domain_part.is_empty() {
        return Ok(None);
    }
    let value = domain_part
        .strip_prefix(':')
        .ok_or(if domain_part.starts_with('/') {
            SyntaxReason::InvalidPrefix
        } else {
            SyntaxReason::UnknownMechanism
        })?;
    if value.is_empty() {
        return Err(SyntaxReason::MissingDomain);
    }
    domain_spec(value).map(Some)
}

/// `/n`, `//n` or `/n//m`.
fn check_dual_cidr(cidr: &str) -> Result<(), SyntaxReason> {
    let (v4, v6) = match cidr.find("//") {
        Some(i) => (&cidr[..i], Some(&cidr[i + 2..])),
        None => (cidr, None),
    };
    if !v4.is_empty() {
        let n = v4.strip_prefix('/').ok_or(SyntaxReason::InvalidPrefix)?;
        parse_prefix(n, 32)?;
    }
    if let Some(n) = v6 {
        parse_prefix(n, 128)?;
    }
    Ok(())
}

fn split_prefix(value: &str, max: u8) -> Result<(&str, u8), SyntaxReason> {
    match value.split_once('/') {
        Some((addr, n)) => Ok((addr, parse_prefix(n, max)?)),
        None => Ok((value, max)),
    }
}

fn parse_prefix(n: &str, max: u8) -> Result<u8, SyntaxReason> {
    // RFC 7208 §5.6: no leading zeros, at most the address size.
    if n.is_empty() || !n.chars().all(|c| c.is_ascii_digit()) || (n.len() > 1 && n.starts_with('0'))
    {
        return Err(SyntaxReason::InvalidPrefix);
    }
    match n.parse::<u8>() {
        Ok(v) if v <= max => Ok(v),
        _ => Err(SyntaxReason::InvalidPrefix),
    }
}

/// Macro letters allowed in a domain-spec; `c`, `r` and `t` are for
/// explanation text only (RFC 7208 §7.1).
const DOMAIN_MACROS: &str = "slodiphvSLODIPHV";
/// Macro letters allowed in other macro-strings.
const ALL_MACROS: &str = "slodiphcrtvSLODIPHCRTV";

/// A domain-spec (RFC 7208 §7.1): a macro-string ending in a domain name.
/// Returns it lower-cased, without a trailing dot.
fn domain_spec(value: &str) -> Result<String, SyntaxReason> {
    if value.is_empty() {
        return Err(SyntaxReason::MissingDomain);
    }
    check_macro_string(value, DOMAIN_MACROS)?;
    if value.contains('%') {
        // With macros the final name is known only at evaluation time; it
        // must still end in a macro or in a valid top label (domain-end).
        let body = value.strip_suffix('.').unwrap_or(value);
        let ends_in_macro =
            body.ends_with('}') || ["%%", "%_", "%-"].iter().any(|m| body.ends_with(m));
        if !ends_in_macro {
            match body.rsplit_once('.') {
                Some((_, top)) if is_top_label(top) => {}
                _ => return Err(SyntaxReason::InvalidDomain),
            }
        }
        return Ok(value.to_string());
    }
    let name = value.strip_suffix('.').unwrap_or(value);
    let labels: Vec<&str> = name.split('.').collect();
    if labels.len() < 2 || labels.iter().any(|l| l.is_empty() || l.len() > 63) {
        return Err(SyntaxReason::InvalidDomain);
    }
    if !is_top_label(labels[labels.len() - 1]) {
        return Err(SyntaxReason::InvalidDomain);
    }
    Ok(name.to_ascii_lowercase())
}

/// toplabel: letters, digits and inner hyphens, not all digits.
fn is_top_label(top: &str) -> bool {
    !top.is_empty()
        && top.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        && top.chars().any(|c| c.is_ascii_alphabetic())
        && !top.starts_with('-')
        && !top.ends_with('-')
}

/// macro-string: visible characters, `%%`, `%_`, `%-` and `%{...}` macros
/// whose letter is one of `letters`.
fn check_macro_string(value: &str, letters: &str) -> Result<(), SyntaxReason> {
    let bytes = value.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if !(0x21..=0x7e).contains(&b) {
            return Err(SyntaxReason::InvalidDomain);
        }
        if b == b'%' {
            match bytes.get(i + 1) {
                Some(b'%' | b'_' | b'-') => i += 2,
                Some(b'{') => {
                    let close = value[i..].find('}').ok_or(SyntaxReason::InvalidMacro)? + i;
                    check_macro_body(&value[i + 2..close], letters)?;
                    i = close + 1;
                }
                _ => return Err(SyntaxReason::InvalidMacro),
            }
        } else {
            i += 1;
        }
    }
    Ok(())
}

/// `macro-letter transformers *delimiter`; the number of parts, when
/// given, is not zero (RFC 7208 §7.3).
fn check_macro_body(body: &str, letters: &str) -> Result<(), SyntaxReason> {
    let mut chars = body.chars();
    let letter = chars.next().ok_or(SyntaxReason::InvalidMacro)?;
    if !letters.contains(letter) {
        return Err(SyntaxReason::InvalidMacro);
    }
    let rest: String = chars.collect();
    let digits_end = rest
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(rest.len());
    let digits = &rest[..digits_end];
    if !digits.is_empty() && digits.chars().all(|c| c == '0') {
        return Err(SyntaxReason::InvalidMacro);
    }
    let mut rest = &rest[digits_end..];
    if let Some(r) = rest.strip_prefix(['r', 'R']) {
        rest = r;
    }
    if rest.chars().all(|c| ".-+,/_=".contains(c)) {
        Ok(())
    } else {
        Err(SyntaxReason::InvalidMacro)
    }
}

impl SpfRecord {
    /// The mechanisms in order, with their qualifiers.
    pub fn mechanisms(&self) -> impl Iterator<Item = (Qualifier, &Mechanism)> {
        self.terms.iter().filter_map(|t| match t {
            Term::Mechanism {
                qualifier,
                mechanism,
                ..
            } => Some((*qualifier, mechanism)),
            _ => None,
        })
    }

    /// The `all` mechanism's qualifier, if the record has one.
    pub fn all(&self) -> Option<Qualifier> {
        self.mechanisms()
            .find(|(_, m)| matches!(m, Mechanism::All))
            .map(|(q, _)| q)
    }

    /// The `redirect=` target, which applies only when there is no `all`.
    pub fn redirect(&self) -> Option<&str> {
        self.terms.iter().find_map(|t| match t {
            Term::Redirect(d) => Some(d.as_str()),
            _ => None,
        })
    }

    /// Does the record name `domain` in an `include:` anywhere (not evaluated)?
    pub fn includes(&self, domain: &str) -> bool {
        let domain = crate::domain::normalise_name(domain);
        self.mechanisms()
            .any(|(_, m)| matches!(m, Mechanism::Include(d) if *d == domain))
    }

    /// The record as text, terms separated by single spaces.
    pub fn to_text(&self) -> String {
        let mut out = String::from("v=spf1");
        for term in &self.terms {
            out.push(' ');
            out.push_str(&term.text());
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn syntax_error(text: &str) -> (String, &'static str) {
        let e = parse_record(text).unwrap_err();
        (e.term().to_string(), e.reason())
    }

    #[test]
    fn parses_common_records() {
        let r = parse_record(
            "v=spf1 ip4:192.0.2.0/24 ip6:2001:db8::/32 a mx:mail.example.com/24 \
             include:_spf.google.com ~include:spf.protection.outlook.com exists:%{i}._spf.%{d} -all",
        )
        .unwrap();
        assert_eq!(r.terms.len(), 8);
        assert_eq!(r.all(), Some(Qualifier::Fail));
        assert!(r.includes("_spf.google.com."));
        assert_eq!(
            r.mechanisms().next().unwrap().1,
            &Mechanism::Ip4("192.0.2.0".parse().unwrap(), 24)
        );
        let r = parse_record("V=SPF1 REDIRECT=_spf.Example.com").unwrap();
        assert_eq!(r.redirect(), Some("_spf.example.com"));
        assert_eq!(r.all(), None);
        assert!(parse_record("v=spf1").unwrap().terms.is_empty());
        assert!(parse_record("v=spf1  a  -all").is_ok());
        assert!(parse_record("v=spf1 a//64 a/24//64 mx/24 -all").is_ok());
        assert!(parse_record("v=spf1 foo=bar -all").is_ok());
        // `/` is a macro delimiter inside %{...}, not a CIDR length.
        assert!(
            parse_record("v=spf1 exists:%{l/}.x.example.com a:%{d/}.x.example.com/24 -all").is_ok()
        );
    }

    #[test]
    fn names_the_term_at_fault() {
        assert_eq!(
            syntax_error("v=spf1 ip4:192.0.2.300 -all"),
            ("ip4:192.0.2.300".into(), "invalid-address")
        );
        assert_eq!(
            syntax_error("v=spf1 ip4:192.0.2.0/33 -all"),
            ("ip4:192.0.2.0/33".into(), "invalid-prefix")
        );
        assert_eq!(
            syntax_error("v=spf1 ip4:192.0.2.0/024"),
            ("ip4:192.0.2.0/024".into(), "invalid-prefix")
        );
        assert_eq!(
            syntax_error("v=spf1 inclde:example.com"),
            ("inclde:example.com".into(), "unknown-mechanism")
        );
        assert_eq!(
            syntax_error("v=spf1 include: -all"),
            ("include:".into(), "missing-domain")
        );
        assert_eq!(
            syntax_error("v=spf1 include -all"),
            ("include".into(), "missing-domain")
        );
        assert_eq!(
            syntax_error("v=spf1 include=example.com"),
            ("include=example.com".into(), "mechanism-as-modifier")
        );
        assert_eq!(
            syntax_error("v=spf1 include:example -all"),
            ("include:example".into(), "invalid-domain")
        );
        assert_eq!(
            syntax_error("v=spf1 -all/24"),
            ("-all/24".into(), "unexpected-argument")
        );
        assert_eq!(
            syntax_error("v=spf1 redirect=a.com redirect=b.com"),
            ("redirect=b.com".into(), "duplicate-modifier")
        );
        assert_eq!(
            syntax_error("v=spf1 exists:%{x}.example.com"),
            ("exists:%{x}.example.com".into(), "invalid-macro")
        );
        assert_eq!(
            syntax_error("v=spf1 a v=spf1 -all"),
            ("v=spf1".into(), "repeated-version")
        );
        assert_eq!(
            syntax_error("v=spf1 ptr/24"),
            ("ptr/24".into(), "invalid-prefix")
        );
        assert_eq!(
            syntax_error("v=spf1 mx\u{1b}[2J -all"),
            ("mx\u{1b}[2J".into(), "invalid-character")
        );
        assert_eq!(
            syntax_error("v=spf1 include:spf.example.com\n-all"),
            ("include:spf.example.com\n-all".into(), "invalid-character")
        );
        assert_eq!(
            syntax_error("v=spf1 a:\u{202e}moc.example"),
            ("a:\u{202e}moc.example".into(), "invalid-character")
        );
        assert_eq!(syntax_error("spf1 -all"), ("v=spf1".into(), "not-spf"));
        assert_eq!(syntax_error("v=spf10 -all"), ("v=spf1".into(), "not-spf"));
    }

    #[test]
    fn a_cidr_length_is_only_a_trailing_suffix() {
        // A domain-spec may hold ':' and '/': only `/n`, `//n`, `/n//m` at
        // the very end is a prefix length.
        let r =
            parse_record("v=spf1 a:foo:bar/baz.example.com mx:x.example.com/24//64 -all").unwrap();
        let mut m = r.mechanisms();
        assert_eq!(
            m.next().unwrap().1,
            &Mechanism::A(Some("foo:bar/baz.example.com".into()))
        );
        assert_eq!(
            m.next().unwrap().1,
            &Mechanism::Mx(Some("x.example.com".into()))
        );
        assert_eq!(dual_cidr("a:x.example.com/24//64"), (24, 64));
        assert_eq!(dual_cidr("-mx//48"), (32, 48));
        assert_eq!(dual_cidr("a/0"), (0, 128));
        assert_eq!(dual_cidr("a:foo:bar/baz.example.com"), (32, 128));
        assert_eq!(syntax_error("v=spf1 a/24/64").1, "invalid-prefix");
        assert_eq!(syntax_error("v=spf1 a//129").1, "invalid-prefix");
        assert_eq!(
            syntax_error("v=spf1 include:x.example.com/24").1,
            "invalid-prefix"
        );
        assert_eq!(
            syntax_error("v=spf1 exists:x.example.com//64").1,
            "invalid-prefix"
        );
    }

    #[test]
    fn domain_specs_follow_the_macro_rules() {
        // c, r and t belong to explanation text, not to names.
        assert_eq!(
            syntax_error("v=spf1 -all exp=%{r}.example.com").1,
            "invalid-macro"
        );
        assert_eq!(
            syntax_error("v=spf1 exists:%{c}.example.com").1,
            "invalid-macro"
        );
        // A part count of zero means nothing.
        assert_eq!(
            syntax_error("v=spf1 exists:%{d0}.example.com").1,
            "invalid-macro"
        );
        // The name must end in a macro or a real top label.
        assert_eq!(syntax_error("v=spf1 exists:%{i}.123").1, "invalid-domain");
        assert!(parse_record("v=spf1 exists:%{i}._x.%{d2} a:%{h}.bar -all").is_ok());
        assert!(parse_record("v=spf1 a:%{d}. -all").is_ok());
        // Unknown modifiers may use every macro letter.
        assert!(parse_record("v=spf1 note=%{t}.%{c} -all").is_ok());
    }

    #[test]
    fn round_trips_to_text() {
        let text = "v=spf1 mx include:_spf.google.com ~all";
        assert_eq!(parse_record(text).unwrap().to_text(), text);
    }
}

//! What `check_host()` tells: the result, the term that decided it, the
//! lookups used; and how text from DNS is made safe to show.

use std::net::IpAddr;

use serde::Serialize;

use super::parse::Qualifier;
use crate::check::Problem;

/// The results of RFC 7208 §2.6.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SpfResult {
    Pass,
    Fail,
    SoftFail,
    Neutral,
    None,
    PermError,
    TempError,
}

impl SpfResult {
    /// The word RFC 7208 uses.
    pub fn as_str(self) -> &'static str {
        match self {
            SpfResult::Pass => "pass",
            SpfResult::Fail => "fail",
            SpfResult::SoftFail => "softfail",
            SpfResult::Neutral => "neutral",
            SpfResult::None => "none",
            SpfResult::PermError => "permerror",
            SpfResult::TempError => "temperror",
        }
    }
}

impl From<Qualifier> for SpfResult {
    fn from(qualifier: Qualifier) -> SpfResult {
        match qualifier {
            Qualifier::Pass => SpfResult::Pass,
            Qualifier::Fail => SpfResult::Fail,
            Qualifier::SoftFail => SpfResult::SoftFail,
            Qualifier::Neutral => SpfResult::Neutral,
        }
    }
}

/// The mail to judge: who connects, and who it claims to be.
#[derive(Debug, Clone, Copy)]
pub struct SpfQuery<'a> {
    /// The connecting client's address.
    pub ip: IpAddr,
    /// The domain whose policy applies (MAIL FROM's domain, or HELO's).
    pub domain: &'a str,
    /// MAIL FROM; empty for `postmaster@<domain>`.
    pub sender: &'a str,
    /// The name the client gave in HELO/EHLO.
    pub helo: &'a str,
}

/// A term as written, and the domain whose record holds it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TermAt {
    pub term: String,
    pub domain: String,
}

/// What `check_host()` found. Every text from DNS or from the query has
/// its control and direction characters made visible.
#[derive(Debug, Clone, Serialize)]
pub struct SpfOutcome {
    pub domain: String,
    pub ip: IpAddr,
    pub sender: String,
    pub helo: String,
    pub result: SpfResult,
    /// The term whose qualifier gave the result, or, for an error, the term
    /// being evaluated when it happened.
    pub decided_by: Option<TermAt>,
    /// The terms from the domain's record down to the one that decided,
    /// through includes and redirects.
    pub path: Vec<TermAt>,
    /// Why the result is `none`, `permerror` or `temperror`.
    pub problem: Option<Problem>,
    /// Terms that queried DNS, of the 10 allowed.
    pub lookups: usize,
    /// Lookups that found nothing, of the 2 allowed.
    pub void_lookups: usize,
    /// The domain's explanation (`exp=`), for `fail` only.
    pub explanation: Option<String>,
}

/// Text with every control, line-separator and direction character shown
/// as its `\u{...}` escape, so that what DNS holds cannot rewrite a line.
pub(crate) fn visible(text: &str) -> String {
    crate::safe_text::visible(text).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_and_direction_characters_are_made_visible() {
        assert_eq!(
            visible("a\rb\u{202e}c\u{2028}"),
            "a\\u{d}b\\u{202e}c\\u{2028}"
        );
        assert_eq!(visible("rien à signaler"), "rien à signaler");
    }
}

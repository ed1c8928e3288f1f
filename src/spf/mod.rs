//! SPF (RFC 7208): syntax, the resolved policy graph, merging the
//! gateway's include into an existing record, and the live `check_host()`
//! a receiver runs.

pub mod addrset;
pub mod check_host;
pub mod macros;
pub mod merge;
pub mod outcome;
pub mod parse;
pub mod tree;

pub use addrset::AddrSet;
pub use parse::{Mechanism, Qualifier, SpfRecord, SpfSyntaxError, Term, is_spf, parse_record};
pub use tree::{
    Evaluation, GatewayVerdict, LimitHit, LookupCount, MAX_QUERIES, Policy, SetEvaluation, SpfTree,
};

/// RFC 7208 §4.6.4: most DNS-querying terms in one evaluation.
pub const MAX_LOOKUPS: usize = 10;
/// RFC 7208 §4.6.4: most void lookups in one evaluation.
pub const MAX_VOID_LOOKUPS: usize = 2;
/// RFC 7208 §4.6.4: most names one `mx` term may bring.
pub const MAX_MX_NAMES: usize = 10;
/// RFC 7208 §4.6.4: most names of a reverse lookup that are looked at.
pub const MAX_PTR_NAMES: usize = 10;

/// A TXT value saved with literal quote marks around an SPF record:
/// `"v=spf1 ..."` as the record's content, which receivers do not recognise.
pub fn unquote_spf(text: &str) -> Option<String> {
    let t = text.trim();
    let inner = t
        .strip_prefix(['"', '\'', '\u{201c}', '\u{ab}'])?
        .trim_end()
        .trim_end_matches(['"', '\'', '\u{201d}', '\u{bb}'])
        .trim();
    let inner = inner.replace("\" \"", "").replace('"', "");
    is_spf(&inner).then_some(inner)
}

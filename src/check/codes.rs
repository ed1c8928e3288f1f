//! Every problem code the checks can give, with the arguments it carries:
//! what a check can say, in one place, so that tests can render each code
//! in every language and compare the list with the codes the source emits.
//!
//! A new code is one more line here, with its check and arguments; the tests
//! in this module and in `render` then require its words in both languages.

use super::model::CheckId;

/// What an argument holds, for making sample values of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ArgKind {
    /// A name or a text (from DNS or from the admin).
    Text,
    Int,
    Bool,
    List,
    /// One of these codes; each may have a word of its own, `arg-<name>-<code>`,
    /// given to messages as `<name>_text`.
    OneOf(&'static [&'static str]),
}

/// One argument of a problem.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ArgSpec {
    pub name: &'static str,
    pub kind: ArgKind,
    /// Given with every problem of the code (else only with some).
    pub always: bool,
}

impl ArgSpec {
    const fn new(name: &'static str, kind: ArgKind) -> ArgSpec {
        ArgSpec {
            name,
            kind,
            always: true,
        }
    }

    /// An argument given with some problems of the code only.
    const fn sometimes(self) -> ArgSpec {
        ArgSpec {
            always: false,
            ..self
        }
    }
}

const fn text(name: &'static str) -> ArgSpec {
    ArgSpec::new(name, ArgKind::Text)
}

const fn int(name: &'static str) -> ArgSpec {
    ArgSpec::new(name, ArgKind::Int)
}

const fn flag(name: &'static str) -> ArgSpec {
    ArgSpec::new(name, ArgKind::Bool)
}

const fn list(name: &'static str) -> ArgSpec {
    ArgSpec::new(name, ArgKind::List)
}

const fn one_of(name: &'static str, codes: &'static [&'static str]) -> ArgSpec {
    ArgSpec::new(name, ArgKind::OneOf(codes))
}

/// Why a lookup failed (`dns::Failure::reason`).
pub const LOOKUP_REASONS: &[&str] = &["timeout", "servfail", "refused", "error", "not-resolved"];
/// Why an SPF term is not valid (`spf::SpfSyntaxError::reason`).
pub const SPF_SYNTAX_REASONS: &[&str] = &[
    "not-spf",
    "unknown-mechanism",
    "missing-domain",
    "invalid-domain",
    "invalid-address",
    "invalid-prefix",
    "duplicate-modifier",
    "mechanism-as-modifier",
    "unexpected-argument",
    "invalid-macro",
    "repeated-version",
    "invalid-character",
];
/// Why the SPF policy does not authorise the gateway.
pub const GATEWAY_REASONS: &[&str] = &[
    "after-all",
    "qualifier",
    "overridden",
    "no-record",
    "multiple-records",
    "invalid-record",
    "absent",
    "partial",
    "lookup-limit",
    "void-limit",
    "permerror",
];
/// Why an MTA-STS policy could not be fetched (`mtasts::FetchError::code`).
pub const MTA_STS_FETCH_REASONS: &[&str] = &[
    "no-address",
    "connect",
    "certificate",
    "status",
    "too-large",
    "not-text",
    "timeout",
    "other",
];
/// Why an MTA-STS policy file is not valid (`mtasts::PolicyError::code`).
pub const MTA_STS_POLICY_REASONS: &[&str] = &["version", "mode", "max-age", "no-mx", "not-text"];
/// Why a DKIM record's tags are not valid (`dkim::DkimSyntaxError::reason`).
pub const DKIM_SYNTAX_REASONS: &[&str] = &[
    "malformed-tag",
    "duplicate-tag",
    "version-not-first",
    "bad-version",
    "missing-key",
    "unknown-key-type",
];
/// Why a DKIM key is not usable (`dkim::InvalidKey::reason`).
pub const DKIM_KEY_REASONS: &[&str] = &[
    "base64",
    "not-rsa",
    "malformed",
    "too-short",
    "too-long",
    "ed25519-length",
    "ed25519-point",
];
/// Why a DMARC record is not valid (`dmarc::DmarcSyntaxError::reason`).
pub const DMARC_SYNTAX_REASONS: &[&str] = &[
    "version-not-first",
    "bad-version",
    "malformed-tag",
    "duplicate-tag",
    "missing-policy",
    "bad-value",
];

const LOOKUP_FAILED: &[ArgSpec] = &[
    text("name"),
    one_of("type", &["A", "AAAA", "MX", "TXT", "NS"]),
    one_of("reason", LOOKUP_REASONS),
];
const NO_RECORD: &[ArgSpec] = &[text("check")];

/// Every (check, code) the checks give, with its arguments.
pub const ALL_PROBLEMS: &[(CheckId, &str, &[ArgSpec])] = &[
    (CheckId::DomainDns, "nxdomain", &[text("domain")]),
    (CheckId::DomainDns, "lookup-failed", LOOKUP_FAILED),
    (CheckId::DestinationHost, "loop", &[text("host")]),
    (CheckId::DestinationHost, "no-address", &[text("host")]),
    (CheckId::DestinationHost, "lookup-failed", LOOKUP_FAILED),
    (CheckId::MxGateway, "lookup-failed", LOOKUP_FAILED),
    (CheckId::MxGateway, "no-mx", &[text("domain")]),
    (
        CheckId::MxGateway,
        "wrong-preference",
        &[text("host"), int("preference"), int("expected")],
    ),
    (
        CheckId::MxGateway,
        "mx-cname",
        &[text("host"), text("target"), flag("gateway")],
    ),
    (
        CheckId::MxGateway,
        "domain-appended",
        &[text("host"), text("expected")],
    ),
    (
        CheckId::MxGateway,
        "leftover-mx",
        &[text("host"), int("preference"), flag("bypass")],
    ),
    (
        CheckId::MxGateway,
        "mx-reset-to-microsoft",
        &[text("host"), int("preference")],
    ),
    (
        CheckId::MxGateway,
        "missing-gateway",
        &[text("host"), int("preference")],
    ),
    (
        CheckId::MxGateway,
        "missing-backup",
        &[text("host"), int("preference")],
    ),
    (CheckId::SpfRecord, "lookup-failed", LOOKUP_FAILED),
    (CheckId::SpfRecord, "quoted-value", &[text("value")]),
    (CheckId::SpfRecord, "missing", &[text("name")]),
    (
        CheckId::SpfRecord,
        "syntax",
        &[text("term"), one_of("reason", SPF_SYNTAX_REASONS)],
    ),
    (
        CheckId::SpfRecord,
        "multiple-records",
        &[int("count"), list("records")],
    ),
    (CheckId::SpfRecord, "include-no-record", &[text("domain")]),
    (
        CheckId::SpfRecord,
        "include-multiple-records",
        &[text("domain"), int("count")],
    ),
    (
        CheckId::SpfRecord,
        "include-syntax",
        &[
            text("domain"),
            text("term"),
            one_of("reason", SPF_SYNTAX_REASONS),
        ],
    ),
    (CheckId::SpfRecord, "include-loop", &[text("domain")]),
    (CheckId::SpfGateway, "lookup-failed", LOOKUP_FAILED),
    (CheckId::SpfGateway, "no-record", NO_RECORD),
    (
        CheckId::SpfGateway,
        "not-evaluable",
        &[text("include"), text("term")],
    ),
    (
        CheckId::SpfGateway,
        "gateway-not-authorised",
        &[
            text("include"),
            one_of("reason", GATEWAY_REASONS),
            text("term"),
            int("limit"),
            int("ranges_count"),
            list("ranges"),
        ],
    ),
    (
        CheckId::SpfGateway,
        "could-block",
        &[text("term"), text("domain"), text("include")],
    ),
    (CheckId::SpfLookups, "lookup-failed", LOOKUP_FAILED),
    (CheckId::SpfLookups, "no-record", NO_RECORD),
    (
        CheckId::SpfLookups,
        "too-many-lookups",
        &[
            int("limit"),
            text("term"),
            text("domain"),
            int("beyond_count"),
            list("beyond"),
        ],
    ),
    (
        CheckId::SpfLookups,
        "too-many-void-lookups",
        &[int("count"), int("limit"), text("term"), text("domain")],
    ),
    (
        CheckId::SpfLookups,
        "too-many-mx-names",
        &[text("name"), int("count"), int("limit")],
    ),
    (CheckId::SpfAll, "lookup-failed", LOOKUP_FAILED),
    (CheckId::SpfAll, "no-record", NO_RECORD),
    (CheckId::SpfAll, "soft-all", &[]),
    (CheckId::SpfAll, "neutral-all", &[]),
    (CheckId::SpfAll, "no-all", &[]),
    (CheckId::SpfAll, "plus-all", &[]),
    (CheckId::SpfAll, "lookup-limit", &[int("limit")]),
    (CheckId::SpfAll, "everyone-authorised", &[list("terms")]),
    (CheckId::DkimRecord, "lookup-failed", LOOKUP_FAILED),
    (CheckId::DkimRecord, "missing", &[text("name")]),
    (
        CheckId::DkimRecord,
        "domain-appended",
        &[text("name"), text("expected")],
    ),
    (CheckId::DkimRecord, "quoted-value", &[text("value")]),
    (
        CheckId::DkimRecord,
        "syntax",
        &[text("tag"), one_of("reason", DKIM_SYNTAX_REASONS)],
    ),
    (CheckId::DkimRecord, "revoked-key", &[]),
    (
        CheckId::DkimRecord,
        "invalid-key",
        &[one_of("reason", DKIM_KEY_REASONS), int("bits").sometimes()],
    ),
    (CheckId::DkimRecord, "large-key", &[int("bits")]),
    (CheckId::DkimRecord, "not-for-email", &[text("services")]),
    (CheckId::DkimRecord, "no-sha256", &[text("hashes")]),
    (CheckId::DkimRecord, "testing-mode", &[]),
    (
        CheckId::DkimRecord,
        "invalid-character",
        &[text("tag"), text("value")],
    ),
    (CheckId::DkimRecord, "multiple-records", &[int("count")]),
    (CheckId::DkimMatch, "lookup-failed", LOOKUP_FAILED),
    (CheckId::DkimMatch, "no-record", NO_RECORD),
    (CheckId::DkimMatch, "key-mismatch", &[]),
    (CheckId::DkimMatch, "waiting-console-key", &[]),
    (CheckId::DmarcRecord, "lookup-failed", LOOKUP_FAILED),
    (CheckId::DmarcRecord, "quoted-value", &[text("value")]),
    (
        CheckId::DmarcRecord,
        "domain-appended",
        &[text("name"), text("expected")],
    ),
    (CheckId::DmarcRecord, "missing", &[text("name")]),
    (
        CheckId::DmarcRecord,
        "syntax",
        &[text("tag"), one_of("reason", DMARC_SYNTAX_REASONS)],
    ),
    (CheckId::DmarcRecord, "unknown-tag", &[text("tag")]),
    (
        CheckId::DmarcRecord,
        "invalid-character",
        &[text("tag"), text("value")],
    ),
    (CheckId::DmarcRecord, "multiple-records", &[int("count")]),
    (CheckId::DmarcReports, "lookup-failed", LOOKUP_FAILED),
    (CheckId::DmarcReports, "no-record", NO_RECORD),
    (
        CheckId::DmarcReports,
        "missing-report-address",
        &[text("address")],
    ),
    (CheckId::MtaStsPolicy, "lookup-failed", LOOKUP_FAILED),
    (
        CheckId::MtaStsPolicy,
        "record-invalid",
        &[text("name"), one_of("reason", &["multiple", "bad-id"])],
    ),
    (
        CheckId::MtaStsPolicy,
        "policy-unreachable",
        &[
            text("url"),
            one_of("reason", MTA_STS_FETCH_REASONS),
            int("status").sometimes(),
        ],
    ),
    (
        CheckId::MtaStsPolicy,
        "policy-invalid",
        &[text("url"), one_of("reason", MTA_STS_POLICY_REASONS)],
    ),
    (
        CheckId::MtaStsPolicy,
        "gateway-not-listed",
        &[
            one_of("mode", &["enforce", "testing"]),
            list("hosts"),
            text("url"),
            text("name"),
            text("id"),
            text("until"),
            int("max_age_days"),
        ],
    ),
];

/// The problems of the `spf` command (`spf::check_host`), rendered as
/// `spf-problem-<code>`: not checks of the setup, but listed here so that
/// every code given in the source is known.
pub const SPF_COMMAND_PROBLEMS: &[&str] = &[
    "invalid-domain",
    "no-record",
    "multiple-records",
    "syntax",
    "include-no-record",
    "redirect-no-record",
    "invalid-target",
    "too-many-lookups",
    "too-many-void-lookups",
    "too-many-mx-names",
    "lookup-failed",
];

/// The warnings attached to records to publish (`records::plan`), rendered
/// as `record-note-<code>`.
pub const RECORD_NOTES: &[(&str, &[ArgSpec])] = &[
    ("merge-too-many-lookups", &[int("count")]),
    ("dropped-terms", &[list("terms")]),
    ("dropped-characters", &[list("terms")]),
    ("mta-sts-policy-first", &[text("url"), list("policy")]),
];

/// The arguments of `code` for `check`, if the check gives that code.
pub fn problem_spec(check: CheckId, code: &str) -> Option<&'static [ArgSpec]> {
    ALL_PROBLEMS
        .iter()
        .find(|(c, k, _)| *c == check && *k == code)
        .map(|(_, _, args)| *args)
}

/// The arguments of a record note's `code`, if it is one.
pub fn note_spec(code: &str) -> Option<&'static [ArgSpec]> {
    RECORD_NOTES
        .iter()
        .find(|(k, _)| *k == code)
        .map(|(_, args)| *args)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;
    use std::path::{Path, PathBuf};

    /// Most source files the crate could hold; a walk past it is a loop.
    const MAX_FILES: usize = 1000;

    fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        entries.sort();
        for path in entries {
            assert!(out.len() < MAX_FILES, "too many files under src/");
            if path.is_dir() {
                rust_files(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }

    /// The codes given to `Problem::fail`, `warn`, `unknown` and `new` in the
    /// source, as string literals; any other first argument is an error
    /// (outside the constructors themselves), since a code hidden in a
    /// variable would escape the list.
    fn emitted_codes() -> (BTreeSet<String>, Vec<String>) {
        let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut files = Vec::new();
        rust_files(&src, &mut files);
        let mut codes = BTreeSet::new();
        let mut errors = Vec::new();
        for path in files {
            let source = std::fs::read_to_string(&path).unwrap();
            // The constructors take the code as a parameter; this file
            // names the calls it looks for.
            let constructors = path.ends_with("check/model.rs");
            if path.ends_with("check/codes.rs") {
                continue;
            }
            for call in [
                "Problem::fail(",
                "Problem::warn(",
                "Problem::unknown(",
                "Problem::new(",
            ] {
                for (at, _) in source.match_indices(call) {
                    let rest = source[at + call.len()..].trim_start();
                    let literal = rest
                        .strip_prefix('"')
                        .and_then(|r| r.split_once('"'))
                        .map(|(code, _)| code.to_string());
                    match literal {
                        Some(code) => {
                            codes.insert(code);
                        }
                        None if constructors => {}
                        None => {
                            let line = source[..at].lines().count();
                            errors.push(format!("{}:{line}: {call}…", path.display()));
                        }
                    }
                }
            }
        }
        (codes, errors)
    }

    #[test]
    fn every_code_the_source_gives_is_listed_and_every_listed_code_is_given() {
        let (emitted, not_literal) = emitted_codes();
        assert!(
            not_literal.is_empty(),
            "codes that are not string literals: {not_literal:?}"
        );
        assert!(emitted.len() > 30, "the scan found only {emitted:?}");
        let listed: BTreeSet<String> = ALL_PROBLEMS
            .iter()
            .map(|(_, code, _)| code.to_string())
            .chain(RECORD_NOTES.iter().map(|(code, _)| code.to_string()))
            .chain(SPF_COMMAND_PROBLEMS.iter().map(|code| code.to_string()))
            .collect();
        let unlisted: Vec<_> = emitted.difference(&listed).collect();
        let stale: Vec<_> = listed.difference(&emitted).collect();
        assert!(unlisted.is_empty(), "add to ALL_PROBLEMS: {unlisted:?}");
        assert!(stale.is_empty(), "listed but given nowhere: {stale:?}");
    }

    #[test]
    fn each_check_gives_each_code_once_in_the_list() {
        let mut seen = BTreeSet::new();
        for (check, code, args) in ALL_PROBLEMS {
            assert!(
                seen.insert((*check, *code)),
                "{} {code} twice",
                check.as_str()
            );
            let names: BTreeSet<_> = args.iter().map(|a| a.name).collect();
            assert_eq!(names.len(), args.len(), "{code}: an argument twice");
        }
        // Every check can be made unknown by a failed lookup.
        for check in CheckId::ALL {
            assert!(
                problem_spec(check, "lookup-failed").is_some(),
                "{}",
                check.as_str()
            );
        }
    }
}

//! Every problem code the checks can give, with the arguments it carries:
//! what a check can say, in one place, so that tests can render each code
//! in every language and compare the list with the codes the source emits.
//!
//! A new code is one more line here, with its check and arguments; the tests
//! in this module and in `render` then require its words in both languages.

use super::code::Code;
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
pub const ALL_PROBLEMS: &[(CheckId, Code, &[ArgSpec])] = &[
    (CheckId::DomainDns, Code::Nxdomain, &[text("domain")]),
    (CheckId::DomainDns, Code::LookupFailed, LOOKUP_FAILED),
    (CheckId::DestinationHost, Code::Loop, &[text("host")]),
    (CheckId::DestinationHost, Code::NoAddress, &[text("host")]),
    (CheckId::DestinationHost, Code::LookupFailed, LOOKUP_FAILED),
    (CheckId::MxGateway, Code::LookupFailed, LOOKUP_FAILED),
    (CheckId::MxGateway, Code::NoMx, &[text("domain")]),
    (
        CheckId::MxGateway,
        Code::WrongPreference,
        &[text("host"), int("preference"), int("expected")],
    ),
    (
        CheckId::MxGateway,
        Code::MxCname,
        &[text("host"), text("target"), flag("gateway")],
    ),
    (
        CheckId::MxGateway,
        Code::DomainAppended,
        &[text("host"), text("expected")],
    ),
    (
        CheckId::MxGateway,
        Code::LeftoverMx,
        &[text("host"), int("preference"), flag("bypass")],
    ),
    (
        CheckId::MxGateway,
        Code::MxResetToMicrosoft,
        &[text("host"), int("preference")],
    ),
    (
        CheckId::MxGateway,
        Code::MissingGateway,
        &[text("host"), int("preference")],
    ),
    (
        CheckId::MxGateway,
        Code::MissingBackup,
        &[text("host"), int("preference")],
    ),
    (CheckId::SpfRecord, Code::LookupFailed, LOOKUP_FAILED),
    (CheckId::SpfRecord, Code::QuotedValue, &[text("value")]),
    (CheckId::SpfRecord, Code::Missing, &[text("name")]),
    (
        CheckId::SpfRecord,
        Code::Syntax,
        &[text("term"), one_of("reason", SPF_SYNTAX_REASONS)],
    ),
    (
        CheckId::SpfRecord,
        Code::MultipleRecords,
        &[int("count"), list("records")],
    ),
    (CheckId::SpfRecord, Code::IncludeNoRecord, &[text("domain")]),
    (
        CheckId::SpfRecord,
        Code::IncludeMultipleRecords,
        &[text("domain"), int("count")],
    ),
    (
        CheckId::SpfRecord,
        Code::IncludeSyntax,
        &[
            text("domain"),
            text("term"),
            one_of("reason", SPF_SYNTAX_REASONS),
        ],
    ),
    (CheckId::SpfRecord, Code::IncludeLoop, &[text("domain")]),
    (CheckId::SpfGateway, Code::LookupFailed, LOOKUP_FAILED),
    (CheckId::SpfGateway, Code::NoRecord, NO_RECORD),
    (
        CheckId::SpfGateway,
        Code::NotEvaluable,
        &[text("include"), text("term")],
    ),
    (
        CheckId::SpfGateway,
        Code::GatewayNotAuthorised,
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
        Code::CouldBlock,
        &[text("term"), text("domain"), text("include")],
    ),
    (CheckId::SpfLookups, Code::LookupFailed, LOOKUP_FAILED),
    (CheckId::SpfLookups, Code::NoRecord, NO_RECORD),
    (
        CheckId::SpfLookups,
        Code::TooManyLookups,
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
        Code::TooManyVoidLookups,
        &[int("count"), int("limit"), text("term"), text("domain")],
    ),
    (
        CheckId::SpfLookups,
        Code::TooManyMxNames,
        &[text("name"), int("count"), int("limit")],
    ),
    (CheckId::SpfAll, Code::LookupFailed, LOOKUP_FAILED),
    (CheckId::SpfAll, Code::NoRecord, NO_RECORD),
    (CheckId::SpfAll, Code::SoftAll, &[]),
    (CheckId::SpfAll, Code::NeutralAll, &[]),
    (CheckId::SpfAll, Code::NoAll, &[]),
    (CheckId::SpfAll, Code::PlusAll, &[]),
    (CheckId::SpfAll, Code::LookupLimit, &[int("limit")]),
    (CheckId::SpfAll, Code::EveryoneAuthorised, &[list("terms")]),
    (CheckId::DkimRecord, Code::LookupFailed, LOOKUP_FAILED),
    (CheckId::DkimRecord, Code::Missing, &[text("name")]),
    (
        CheckId::DkimRecord,
        Code::DomainAppended,
        &[text("name"), text("expected")],
    ),
    (CheckId::DkimRecord, Code::QuotedValue, &[text("value")]),
    (
        CheckId::DkimRecord,
        Code::Syntax,
        &[text("tag"), one_of("reason", DKIM_SYNTAX_REASONS)],
    ),
    (CheckId::DkimRecord, Code::RevokedKey, &[]),
    (
        CheckId::DkimRecord,
        Code::InvalidKey,
        &[one_of("reason", DKIM_KEY_REASONS), int("bits").sometimes()],
    ),
    (CheckId::DkimRecord, Code::LargeKey, &[int("bits")]),
    (CheckId::DkimRecord, Code::NotForEmail, &[text("services")]),
    (CheckId::DkimRecord, Code::NoSha256, &[text("hashes")]),
    (CheckId::DkimRecord, Code::TestingMode, &[]),
    (
        CheckId::DkimRecord,
        Code::InvalidCharacter,
        &[text("tag"), text("value")],
    ),
    (CheckId::DkimRecord, Code::MultipleRecords, &[int("count")]),
    (CheckId::DkimMatch, Code::LookupFailed, LOOKUP_FAILED),
    (CheckId::DkimMatch, Code::NoRecord, NO_RECORD),
    (CheckId::DkimMatch, Code::KeyMismatch, &[]),
    (CheckId::DkimMatch, Code::WaitingConsoleKey, &[]),
    (CheckId::DmarcRecord, Code::LookupFailed, LOOKUP_FAILED),
    (CheckId::DmarcRecord, Code::QuotedValue, &[text("value")]),
    (
        CheckId::DmarcRecord,
        Code::DomainAppended,
        &[text("name"), text("expected")],
    ),
    (CheckId::DmarcRecord, Code::Missing, &[text("name")]),
    (
        CheckId::DmarcRecord,
        Code::Syntax,
        &[text("tag"), one_of("reason", DMARC_SYNTAX_REASONS)],
    ),
    (CheckId::DmarcRecord, Code::UnknownTag, &[text("tag")]),
    (
        CheckId::DmarcRecord,
        Code::InvalidCharacter,
        &[text("tag"), text("value")],
    ),
    (CheckId::DmarcRecord, Code::MultipleRecords, &[int("count")]),
    (CheckId::DmarcReports, Code::LookupFailed, LOOKUP_FAILED),
    (CheckId::DmarcReports, Code::NoRecord, NO_RECORD),
    (
        CheckId::DmarcReports,
        Code::MissingReportAddress,
        &[text("address")],
    ),
    (CheckId::MtaStsPolicy, Code::LookupFailed, LOOKUP_FAILED),
    (
        CheckId::MtaStsPolicy,
        Code::RecordInvalid,
        &[text("name"), one_of("reason", &["multiple", "bad-id"])],
    ),
    (
        CheckId::MtaStsPolicy,
        Code::PolicyUnreachable,
        &[
            text("url"),
            one_of("reason", MTA_STS_FETCH_REASONS),
            int("status").sometimes(),
        ],
    ),
    (
        CheckId::MtaStsPolicy,
        Code::PolicyInvalid,
        &[text("url"), one_of("reason", MTA_STS_POLICY_REASONS)],
    ),
    (
        CheckId::MtaStsPolicy,
        Code::GatewayNotListed,
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
    // A test message (`crate::message`).
    (
        CheckId::MessageInboundGateway,
        Code::NoGatewayHop,
        &[int("hops")],
    ),
    (
        CheckId::MessageInboundBypass,
        Code::BypassedGateway,
        &[text("host"), text("ip"), text("by")],
    ),
    (CheckId::MessageInboundBypass, Code::NoReceivingHop, &[]),
    (
        CheckId::MessageInboundDestination,
        Code::DestinationMismatch,
        &[text("host"), text("expected")],
    ),
    (
        CheckId::MessageInboundDestination,
        Code::DestinationNotSeen,
        &[text("expected")],
    ),
    (
        CheckId::MessageEnhancedFiltering,
        Code::EnhancedFilteringOff,
        &[text("ip")],
    ),
    (
        CheckId::MessageEnhancedFiltering,
        Code::NoPlatformResults,
        &[],
    ),
    (
        CheckId::MessageGoogleGateway,
        Code::InboundGatewayNotRecognised,
        &[text("ip")],
    ),
    (CheckId::MessageGoogleGateway, Code::NoPlatformResults, &[]),
    (
        CheckId::MessageEnhancedFiltering,
        Code::NotThroughGateway,
        &[],
    ),
    (CheckId::MessageGoogleGateway, Code::NotThroughGateway, &[]),
    (
        CheckId::MessageOutboundGateway,
        Code::NotThroughGateway,
        &[one_of("missing", MESSAGE_GATEWAY_LEGS)],
    ),
    (
        CheckId::MessageOutboundGateway,
        Code::OutsideGatewayRanges,
        &[text("host"), text("ip")],
    ),
    (
        CheckId::MessageDkim,
        Code::DkimNotSigned,
        &[
            text("domain"),
            text("selector"),
            int("found_count"),
            list("found"),
        ],
    ),
    (
        CheckId::MessageDkim,
        Code::DkimInvalid,
        &[text("name"), one_of("reason", MESSAGE_DKIM_REASONS)],
    ),
    (CheckId::MessageDkim, Code::DkimHeadersOnly, &[text("name")]),
    (CheckId::MessageDkim, Code::LookupFailed, LOOKUP_FAILED),
    (
        CheckId::MessageSpf,
        Code::SpfNotPassing,
        &[
            text("ip"),
            text("domain"),
            one_of("result", MESSAGE_SPF_RESULTS),
        ],
    ),
    (CheckId::MessageSpf, Code::NoReceivingHop, &[]),
    (CheckId::MessageSpf, Code::LookupFailed, LOOKUP_FAILED),
    (
        CheckId::MessageDmarc,
        Code::DmarcNotPassing,
        &[
            text("domain"),
            one_of("reason", &["no-record", "not-aligned"]),
        ],
    ),
    (CheckId::MessageDmarc, Code::LookupFailed, LOOKUP_FAILED),
    (CheckId::MessageDmarc, Code::NoReceivingHop, &[]),
    (
        CheckId::MessageReceiver,
        Code::ReceiverDisagrees,
        &[
            one_of("method", &["spf", "dkim", "dmarc"]),
            text("receiver"),
            one_of("ours", &["pass", "fail"]),
        ],
    ),
    (CheckId::MessageReceiver, Code::NoReceiverResults, &[]),
    // A Microsoft 365 tenant's read-back (`crate::tenant`).
    (
        CheckId::TenantInboundConnector,
        Code::NoConnector,
        NO_CONNECTOR,
    ),
    (
        CheckId::TenantInboundConnector,
        Code::ConnectorDisabled,
        CONNECTOR_NAMED,
    ),
    (
        CheckId::TenantInboundConnector,
        Code::ConnectorNotPartner,
        CONNECTOR_TYPE,
    ),
    (
        CheckId::TenantInboundRestricted,
        Code::NoConnector,
        NO_CONNECTOR,
    ),
    (
        CheckId::TenantInboundRestricted,
        Code::NotRestricted,
        &[text("name"), text("identity")],
    ),
    (
        CheckId::TenantInboundRestricted,
        Code::AddressesOutsideGateway,
        &[
            text("name"),
            text("identity"),
            int("count"),
            list("addresses"),
        ],
    ),
    (
        CheckId::TenantInboundRestricted,
        Code::GatewayRangesMissing,
        &[text("name"), text("identity"), int("count"), list("ranges")],
    ),
    (
        CheckId::TenantInboundRestricted,
        Code::SenderDomainsPartial,
        &[text("name"), text("identity"), list("domains")],
    ),
    (CheckId::TenantInboundRestricted, Code::RangesUnknown, &[]),
    (CheckId::TenantInboundTls, Code::NoConnector, NO_CONNECTOR),
    (
        CheckId::TenantInboundTls,
        Code::TlsNotRequired,
        &[text("name"), text("identity")],
    ),
    (
        CheckId::TenantEnhancedFiltering,
        Code::NoConnector,
        NO_CONNECTOR,
    ),
    (
        CheckId::TenantEnhancedFiltering,
        Code::EnhancedFilteringOff,
        &[text("name"), text("identity")],
    ),
    (
        CheckId::TenantEnhancedFiltering,
        Code::EfSkipIpsPartial,
        &[text("name"), text("identity"), int("count"), list("ranges")],
    ),
    (
        CheckId::TenantEnhancedFiltering,
        Code::EfSomeUsers,
        &[text("name"), text("identity"), int("count")],
    ),
    (CheckId::TenantEnhancedFiltering, Code::RangesUnknown, &[]),
    (
        CheckId::TenantOutboundConnector,
        Code::NoConnector,
        NO_CONNECTOR,
    ),
    (
        CheckId::TenantOutboundConnector,
        Code::ConnectorDisabled,
        CONNECTOR_NAMED,
    ),
    (
        CheckId::TenantOutboundConnector,
        Code::ConnectorNotPartner,
        CONNECTOR_TYPE,
    ),
    (
        CheckId::TenantOutboundSmartHost,
        Code::NoConnector,
        NO_CONNECTOR,
    ),
    (
        CheckId::TenantOutboundSmartHost,
        Code::UsesMxRecord,
        &[text("name"), text("identity")],
    ),
    (
        CheckId::TenantOutboundSmartHost,
        Code::SmartHostMismatch,
        &[
            text("name"),
            text("identity"),
            int("found_count"),
            list("found"),
            text("expected"),
        ],
    ),
    (
        CheckId::TenantOutboundSmartHost,
        Code::SmartHostUnknown,
        &[int("found_count"), list("found")],
    ),
    (CheckId::TenantOutboundTls, Code::NoConnector, NO_CONNECTOR),
    (
        CheckId::TenantOutboundTls,
        Code::OutboundTlsOff,
        &[text("name"), text("identity")],
    ),
    (
        CheckId::TenantOutboundTls,
        Code::TlsNotValidated,
        &[text("name"), text("identity"), text("setting")],
    ),
    (
        CheckId::TenantOutboundTls,
        Code::TlsDomainMismatch,
        &[
            text("name"),
            text("identity"),
            text("found"),
            text("expected"),
        ],
    ),
    (
        CheckId::TenantOutboundScope,
        Code::NoConnector,
        NO_CONNECTOR,
    ),
    (
        CheckId::TenantOutboundScope,
        Code::ScopeNotAll,
        &[
            text("name"),
            text("identity"),
            int("count"),
            list("domains"),
        ],
    ),
    (
        CheckId::TenantOutboundScope,
        Code::TransportRuleScoped,
        &[text("name"), text("identity")],
    ),
    (
        CheckId::TenantOutboundScope,
        Code::AllAcceptedDomains,
        &[text("name"), text("identity")],
    ),
];

/// Which way a tenant's connector carries mail.
pub const CONNECTOR_DIRECTIONS: &[&str] = &["inbound", "outbound"];
const NO_CONNECTOR: &[ArgSpec] = &[one_of("direction", CONNECTOR_DIRECTIONS), int("count")];
const CONNECTOR_NAMED: &[ArgSpec] = &[
    one_of("direction", CONNECTOR_DIRECTIONS),
    text("name"),
    text("identity"),
];
const CONNECTOR_TYPE: &[ArgSpec] = &[
    one_of("direction", CONNECTOR_DIRECTIONS),
    text("name"),
    text("identity"),
    text("type"),
];

/// The leg of the way out a message did not take through the gateway.
pub const MESSAGE_GATEWAY_LEGS: &[&str] = &["into", "out", "both"];
/// Why a test message's DKIM signature does not verify.
pub const MESSAGE_DKIM_REASONS: &[&str] = &[
    "body-hash",
    "signature",
    "no-key",
    "revoked",
    "expired",
    "other",
];
/// The SPF results that are not a pass.
pub const MESSAGE_SPF_RESULTS: &[&str] = &["fail", "softfail", "neutral", "none", "permerror"];

/// The problems of the `spf` command (`spf::check_host`), rendered as
/// `spf-problem-<code>`: not checks of the setup, but listed here so that
/// every code given in the source is known.
pub const SPF_COMMAND_PROBLEMS: &[Code] = &[
    Code::InvalidDomain,
    Code::NoRecord,
    Code::MultipleRecords,
    Code::Syntax,
    Code::IncludeNoRecord,
    Code::RedirectNoRecord,
    Code::InvalidTarget,
    Code::TooManyLookups,
    Code::TooManyVoidLookups,
    Code::TooManyMxNames,
    Code::LookupFailed,
];

/// The warnings attached to records to publish (`records::plan`), rendered
/// as `record-note-<code>`.
pub const RECORD_NOTES: &[(Code, &[ArgSpec])] = &[
    (Code::MergeTooManyLookups, &[int("count")]),
    (Code::DroppedTerms, &[list("terms")]),
    (Code::DroppedCharacters, &[list("terms")]),
    (Code::MtaStsPolicyFirst, &[text("url"), list("policy")]),
];

/// The arguments of `code` for `check`, if the check gives that code.
pub fn problem_spec(check: CheckId, code: Code) -> Option<&'static [ArgSpec]> {
    ALL_PROBLEMS
        .iter()
        .find(|(c, k, _)| *c == check && *k == code)
        .map(|(_, _, args)| *args)
}

/// The arguments of a record note's `code`, if it is one.
pub fn note_spec(code: Code) -> Option<&'static [ArgSpec]> {
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

    /// The codes the source names (`Code::Name`), outside this list and the
    /// type itself: what the checks, notes and the `spf` command can give.
    fn named_codes() -> BTreeSet<Code> {
        let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut files = Vec::new();
        rust_files(&src, &mut files);
        let mut named = BTreeSet::new();
        for path in files {
            if path.ends_with("check/codes.rs") || path.ends_with("check/code.rs") {
                continue;
            }
            let source = std::fs::read_to_string(&path).unwrap();
            for (at, _) in source.match_indices("Code::") {
                let rest = &source[at + "Code::".len()..];
                let end = rest
                    .find(|c: char| !c.is_ascii_alphanumeric())
                    .unwrap_or(rest.len());
                if let Some(code) = Code::ALL.iter().find(|c| format!("{c:?}") == rest[..end]) {
                    named.insert(*code);
                }
            }
        }
        named
    }

    #[test]
    fn every_code_is_listed_and_given_somewhere() {
        let listed: BTreeSet<Code> = ALL_PROBLEMS
            .iter()
            .map(|(_, code, _)| *code)
            .chain(RECORD_NOTES.iter().map(|(code, _)| *code))
            .chain(SPF_COMMAND_PROBLEMS.iter().copied())
            .collect();
        let all: BTreeSet<Code> = Code::ALL.iter().copied().collect();
        let unlisted: Vec<_> = all.difference(&listed).collect();
        assert!(unlisted.is_empty(), "add to ALL_PROBLEMS: {unlisted:?}");
        let named = named_codes();
        assert!(named.len() > 30, "the scan found only {named:?}");
        let unused: Vec<_> = all.difference(&named).collect();
        assert!(unused.is_empty(), "codes given nowhere: {unused:?}");
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
                problem_spec(check, Code::LookupFailed).is_some(),
                "{}",
                check.as_str()
            );
        }
    }
}

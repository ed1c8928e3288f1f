//! The problem codes: one type, so that a code the checks give is always
//! one of the listed ones and a misspelt code does not compile.

use serde::{Serialize, Serializer};

macro_rules! codes {
    ($($variant:ident = $text:literal,)*) => {
        /// What is wrong, as a code; its words are the Fluent messages named
        /// after [`Code::as_str`].
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code {
            $($variant,)*
        }

        impl Code {
            /// Every code, in the order written.
            pub const ALL: &'static [Code] = &[$(Code::$variant,)*];

            /// The code as written in messages and JSON (`lookup-failed`).
            pub const fn as_str(self) -> &'static str {
                match self {
                    $(Code::$variant => $text,)*
                }
            }
        }
    };
}

codes! {
    CouldBlock = "could-block",
    DomainAppended = "domain-appended",
    DroppedCharacters = "dropped-characters",
    DroppedTerms = "dropped-terms",
    EveryoneAuthorised = "everyone-authorised",
    GatewayNotAuthorised = "gateway-not-authorised",
    GatewayNotListed = "gateway-not-listed",
    IncludeLoop = "include-loop",
    IncludeMultipleRecords = "include-multiple-records",
    IncludeNoRecord = "include-no-record",
    IncludeSyntax = "include-syntax",
    InvalidCharacter = "invalid-character",
    InvalidDomain = "invalid-domain",
    InvalidKey = "invalid-key",
    InvalidTarget = "invalid-target",
    KeyMismatch = "key-mismatch",
    LargeKey = "large-key",
    LeftoverMx = "leftover-mx",
    LookupFailed = "lookup-failed",
    LookupLimit = "lookup-limit",
    Loop = "loop",
    MergeTooManyLookups = "merge-too-many-lookups",
    Missing = "missing",
    MissingBackup = "missing-backup",
    MissingGateway = "missing-gateway",
    MissingReportAddress = "missing-report-address",
    MtaStsPolicyFirst = "mta-sts-policy-first",
    MultipleRecords = "multiple-records",
    MxCname = "mx-cname",
    MxResetToMicrosoft = "mx-reset-to-microsoft",
    NeutralAll = "neutral-all",
    NoAddress = "no-address",
    NoAll = "no-all",
    NoMx = "no-mx",
    NoRecord = "no-record",
    NoSha256 = "no-sha256",
    NotEvaluable = "not-evaluable",
    NotForEmail = "not-for-email",
    Nxdomain = "nxdomain",
    PlusAll = "plus-all",
    PolicyInvalid = "policy-invalid",
    PolicyUnreachable = "policy-unreachable",
    QuotedValue = "quoted-value",
    RecordInvalid = "record-invalid",
    RedirectNoRecord = "redirect-no-record",
    RevokedKey = "revoked-key",
    SoftAll = "soft-all",
    Syntax = "syntax",
    TestingMode = "testing-mode",
    TooManyLookups = "too-many-lookups",
    TooManyMxNames = "too-many-mx-names",
    TooManyVoidLookups = "too-many-void-lookups",
    UnknownTag = "unknown-tag",
    WaitingConsoleKey = "waiting-console-key",
    WrongPreference = "wrong-preference",
    // What a test message shows (`crate::message`).
    BypassedGateway = "bypassed-gateway",
    DestinationMismatch = "destination-mismatch",
    DestinationNotSeen = "destination-not-seen",
    DkimHeadersOnly = "dkim-headers-only",
    DkimInvalid = "dkim-invalid",
    DkimNotSigned = "dkim-not-signed",
    DmarcNotPassing = "dmarc-not-passing",
    EnhancedFilteringOff = "enhanced-filtering-off",
    InboundGatewayNotRecognised = "inbound-gateway-not-recognised",
    NoGatewayHop = "no-gateway-hop",
    NoPlatformResults = "no-platform-results",
    NoReceiverResults = "no-receiver-results",
    NoReceivingHop = "no-receiving-hop",
    NotThroughGateway = "not-through-gateway",
    OutsideGatewayRanges = "outside-gateway-ranges",
    ReceiverDisagrees = "receiver-disagrees",
    SpfNotPassing = "spf-not-passing",
    // What a Microsoft 365 tenant reports (`crate::tenant`).
    AddressesOutsideGateway = "addresses-outside-gateway",
    AllAcceptedDomains = "all-accepted-domains",
    ConnectorDisabled = "connector-disabled",
    ConnectorNotPartner = "connector-not-partner",
    EfSkipIpsPartial = "ef-skip-ips-partial",
    EfSomeUsers = "ef-some-users",
    GatewayRangesMissing = "gateway-ranges-missing",
    NoConnector = "no-connector",
    NotRestricted = "not-restricted",
    OutboundTlsOff = "outbound-tls-off",
    RangesUnknown = "ranges-unknown",
    ScopeNotAll = "scope-not-all",
    SenderDomainsPartial = "sender-domains-partial",
    SmartHostMismatch = "smart-host-mismatch",
    SmartHostUnknown = "smart-host-unknown",
    TlsDomainMismatch = "tls-domain-mismatch",
    TlsNotRequired = "tls-not-required",
    TlsNotValidated = "tls-not-validated",
    TransportRuleScoped = "transport-rule-scoped",
    UsesMxRecord = "uses-mx-record",
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Code {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl PartialEq<&str> for Code {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<str> for Code {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_distinct_kebab_case_words() {
        let mut seen = std::collections::BTreeSet::new();
        for code in Code::ALL {
            let s = code.as_str();
            assert!(seen.insert(s), "{s} twice");
            assert!(
                !s.is_empty()
                    && s.chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
                "{s}"
            );
        }
    }
}

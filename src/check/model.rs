//! What a check says: a status, what was found and expected, and problems
//! as stable codes with arguments. No sentences: callers render them.

use super::code::Code;
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// Stable check identifiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum CheckId {
    #[serde(rename = "domain.dns")]
    DomainDns,
    #[serde(rename = "destination.host")]
    DestinationHost,
    #[serde(rename = "mx.gateway")]
    MxGateway,
    #[serde(rename = "spf.record")]
    SpfRecord,
    #[serde(rename = "spf.gateway")]
    SpfGateway,
    #[serde(rename = "spf.lookups")]
    SpfLookups,
    #[serde(rename = "spf.all")]
    SpfAll,
    #[serde(rename = "dkim.record")]
    DkimRecord,
    #[serde(rename = "dkim.match")]
    DkimMatch,
    #[serde(rename = "dmarc.record")]
    DmarcRecord,
    #[serde(rename = "dmarc.reports")]
    DmarcReports,
    #[serde(rename = "mtasts.policy")]
    MtaStsPolicy,
    // What a test message shows (`message`), not DNS: outside `ALL`.
    #[serde(rename = "message.inbound.gateway")]
    MessageInboundGateway,
    #[serde(rename = "message.inbound.bypass")]
    MessageInboundBypass,
    #[serde(rename = "message.inbound.destination")]
    MessageInboundDestination,
    #[serde(rename = "message.inbound.enhanced-filtering")]
    MessageEnhancedFiltering,
    #[serde(rename = "message.inbound.google-gateway")]
    MessageGoogleGateway,
    #[serde(rename = "message.outbound.gateway")]
    MessageOutboundGateway,
    #[serde(rename = "message.outbound.dkim")]
    MessageDkim,
    #[serde(rename = "message.outbound.spf")]
    MessageSpf,
    #[serde(rename = "message.outbound.dmarc")]
    MessageDmarc,
    #[serde(rename = "message.outbound.receiver")]
    MessageReceiver,
    // What the Microsoft 365 tenant reports (`tenant`), not DNS: outside `ALL`.
    #[serde(rename = "tenant.inbound.connector")]
    TenantInboundConnector,
    #[serde(rename = "tenant.inbound.restricted")]
    TenantInboundRestricted,
    #[serde(rename = "tenant.inbound.tls")]
    TenantInboundTls,
    #[serde(rename = "tenant.inbound.enhanced-filtering")]
    TenantEnhancedFiltering,
    #[serde(rename = "tenant.outbound.connector")]
    TenantOutboundConnector,
    #[serde(rename = "tenant.outbound.smart-host")]
    TenantOutboundSmartHost,
    #[serde(rename = "tenant.outbound.tls")]
    TenantOutboundTls,
    #[serde(rename = "tenant.outbound.scope")]
    TenantOutboundScope,
}

impl CheckId {
    pub const ALL: [CheckId; 12] = [
        CheckId::DomainDns,
        CheckId::DestinationHost,
        CheckId::MxGateway,
        CheckId::SpfRecord,
        CheckId::SpfGateway,
        CheckId::SpfLookups,
        CheckId::SpfAll,
        CheckId::DkimRecord,
        CheckId::DkimMatch,
        CheckId::DmarcRecord,
        CheckId::DmarcReports,
        CheckId::MtaStsPolicy,
    ];

    /// The checks of a test message (`crate::message`), in the order shown.
    pub const MESSAGE: [CheckId; 10] = [
        CheckId::MessageInboundGateway,
        CheckId::MessageInboundBypass,
        CheckId::MessageInboundDestination,
        CheckId::MessageEnhancedFiltering,
        CheckId::MessageGoogleGateway,
        CheckId::MessageOutboundGateway,
        CheckId::MessageDkim,
        CheckId::MessageSpf,
        CheckId::MessageDmarc,
        CheckId::MessageReceiver,
    ];

    /// The checks of a Microsoft 365 tenant's read-back (`crate::tenant`),
    /// in the order shown.
    pub const TENANT: [CheckId; 8] = [
        CheckId::TenantInboundConnector,
        CheckId::TenantInboundRestricted,
        CheckId::TenantInboundTls,
        CheckId::TenantEnhancedFiltering,
        CheckId::TenantOutboundConnector,
        CheckId::TenantOutboundSmartHost,
        CheckId::TenantOutboundTls,
        CheckId::TenantOutboundScope,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            CheckId::DomainDns => "domain.dns",
            CheckId::DestinationHost => "destination.host",
            CheckId::MxGateway => "mx.gateway",
            CheckId::SpfRecord => "spf.record",
            CheckId::SpfGateway => "spf.gateway",
            CheckId::SpfLookups => "spf.lookups",
            CheckId::SpfAll => "spf.all",
            CheckId::DkimRecord => "dkim.record",
            CheckId::DkimMatch => "dkim.match",
            CheckId::DmarcRecord => "dmarc.record",
            CheckId::DmarcReports => "dmarc.reports",
            CheckId::MtaStsPolicy => "mtasts.policy",
            CheckId::MessageInboundGateway => "message.inbound.gateway",
            CheckId::MessageInboundBypass => "message.inbound.bypass",
            CheckId::MessageInboundDestination => "message.inbound.destination",
            CheckId::MessageEnhancedFiltering => "message.inbound.enhanced-filtering",
            CheckId::MessageGoogleGateway => "message.inbound.google-gateway",
            CheckId::MessageOutboundGateway => "message.outbound.gateway",
            CheckId::MessageDkim => "message.outbound.dkim",
            CheckId::MessageSpf => "message.outbound.spf",
            CheckId::MessageDmarc => "message.outbound.dmarc",
            CheckId::MessageReceiver => "message.outbound.receiver",
            CheckId::TenantInboundConnector => "tenant.inbound.connector",
            CheckId::TenantInboundRestricted => "tenant.inbound.restricted",
            CheckId::TenantInboundTls => "tenant.inbound.tls",
            CheckId::TenantEnhancedFiltering => "tenant.inbound.enhanced-filtering",
            CheckId::TenantOutboundConnector => "tenant.outbound.connector",
            CheckId::TenantOutboundSmartHost => "tenant.outbound.smart-host",
            CheckId::TenantOutboundTls => "tenant.outbound.tls",
            CheckId::TenantOutboundScope => "tenant.outbound.scope",
        }
    }

    /// The id with dots as dashes, as used in Fluent message ids.
    pub fn key(self) -> String {
        self.as_str().replace('.', "-")
    }
}

/// A check's verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Pass,
    /// Waiting for the admin or for another step (the console's DKIM key,
    /// a confirmation): not a DNS problem, and not checked yet.
    Waiting,
    Warn,
    Fail,
    /// Could not be checked (a lookup failed, or what it depends on is absent).
    Unknown,
}

impl Status {
    /// The status a group of checks shows: a failure over a check that
    /// could not be made over a warning; `None` for no check at all.
    pub fn worst(statuses: impl IntoIterator<Item = Status>) -> Option<Status> {
        let all: Vec<Status> = statuses.into_iter().collect();
        if all.is_empty() {
            return None;
        }
        [Status::Fail, Status::Unknown, Status::Warn, Status::Waiting]
            .into_iter()
            .find(|s| all.contains(s))
            .or(Some(Status::Pass))
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Pass => "pass",
            Status::Waiting => "waiting",
            Status::Warn => "warn",
            Status::Fail => "fail",
            Status::Unknown => "unknown",
        }
    }
}

/// An argument of a problem.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Arg {
    Text(String),
    Int(i64),
    Bool(bool),
    List(Vec<String>),
}

/// Longest text from DNS shown in a problem, in characters.
const SHOWN_MAX_CHARS: usize = 80;

impl Arg {
    /// A text read from DNS, as it may be shown: control and format
    /// characters written as `U+XXXX`, cut after 80 characters.
    pub fn shown(text: &str) -> Arg {
        let mut out = String::new();
        for (i, c) in text.chars().enumerate() {
            if i == SHOWN_MAX_CHARS {
                out.push('…');
                break;
            }
            out.push_str(&crate::domain::shown_char(c));
        }
        Arg::Text(out)
    }
}

impl From<&str> for Arg {
    fn from(s: &str) -> Arg {
        Arg::Text(s.to_string())
    }
}
impl From<String> for Arg {
    fn from(s: String) -> Arg {
        Arg::Text(s)
    }
}
impl From<&String> for Arg {
    fn from(s: &String) -> Arg {
        Arg::Text(s.clone())
    }
}
impl From<usize> for Arg {
    fn from(n: usize) -> Arg {
        Arg::Int(i64::try_from(n).unwrap_or(i64::MAX))
    }
}
impl From<u16> for Arg {
    fn from(n: u16) -> Arg {
        Arg::Int(i64::from(n))
    }
}
impl From<bool> for Arg {
    fn from(b: bool) -> Arg {
        Arg::Bool(b)
    }
}
impl From<Vec<String>> for Arg {
    fn from(v: Vec<String>) -> Arg {
        Arg::List(v)
    }
}

/// One thing wrong, with what is needed to explain it and its fix.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    pub code: Code,
    /// The status this problem gives its check on its own.
    pub severity: Status,
    #[serde(flatten)]
    pub args: BTreeMap<&'static str, Arg>,
}

impl Problem {
    pub fn new(code: Code, severity: Status) -> Problem {
        Problem {
            code,
            severity,
            args: BTreeMap::new(),
        }
    }

    pub fn fail(code: Code) -> Problem {
        Problem::new(code, Status::Fail)
    }

    pub fn warn(code: Code) -> Problem {
        Problem::new(code, Status::Warn)
    }

    pub fn unknown(code: Code) -> Problem {
        Problem::new(code, Status::Unknown)
    }

    pub fn arg(mut self, name: &'static str, value: impl Into<Arg>) -> Problem {
        self.args.insert(name, value.into());
        self
    }

    pub fn text_arg(&self, name: &str) -> Option<&str> {
        match self.args.get(name) {
            Some(Arg::Text(s)) => Some(s),
            _ => None,
        }
    }
}

/// The result of one check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CheckResult {
    pub id: CheckId,
    pub status: Status,
    /// The records found, as published.
    pub found: Vec<String>,
    /// The records expected.
    pub expected: Vec<String>,
    pub problems: Vec<Problem>,
    /// Figures worth showing even when all is well (lookup count, key size).
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub details: BTreeMap<&'static str, Arg>,
}

impl CheckResult {
    /// A result whose status follows from its problems: any `unknown`
    /// problem makes it unknown (a failed lookup is never a failure), else
    /// the worst of fail and warn, else pass.
    pub fn new(
        id: CheckId,
        found: Vec<String>,
        expected: Vec<String>,
        problems: Vec<Problem>,
    ) -> Self {
        let status = if problems.iter().any(|p| p.severity == Status::Unknown) {
            Status::Unknown
        } else {
            problems
                .iter()
                .map(|p| p.severity)
                .max()
                .unwrap_or(Status::Pass)
        };
        CheckResult {
            id,
            status,
            found,
            expected,
            problems,
            details: BTreeMap::new(),
        }
    }

    pub fn detail(mut self, name: &'static str, value: impl Into<Arg>) -> Self {
        self.details.insert(name, value.into());
        self
    }

    pub fn has_problem(&self, code: Code) -> bool {
        self.problems.iter().any(|p| p.code == code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_from_dns_is_shown_without_control_characters_and_cut() {
        assert_eq!(Arg::shown("s=tlsrpt"), Arg::from("s=tlsrpt"));
        assert_eq!(
            Arg::shown("a\u{1b}[2Jb\u{202e}c"),
            Arg::from("aU+001B[2JbU+202Ec")
        );
        let Arg::Text(long) = Arg::shown(&"é".repeat(500)) else {
            panic!("text expected");
        };
        assert_eq!(long.chars().count(), 81);
        assert!(long.ends_with('…'));
    }
}

/// Everything checked for one domain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Report {
    /// ASCII form of the domain.
    pub domain: String,
    pub checks: Vec<CheckResult>,
}

impl Report {
    pub fn get(&self, id: CheckId) -> Option<&CheckResult> {
        self.checks.iter().find(|c| c.id == id)
    }

    /// Does any check fail?
    pub fn has_failure(&self) -> bool {
        self.checks.iter().any(|c| c.status == Status::Fail)
    }

    /// Could any check not be made?
    pub fn has_unknown(&self) -> bool {
        self.checks.iter().any(|c| c.status == Status::Unknown)
    }
}

//! Proof from a real message: the headers of a test message show what DNS
//! cannot, whether mail really flows through the gateway. Inbound (from an
//! outside mailbox to the domain): it came through the gateway, nothing
//! bypassed it, it reached the destination set up, and the platform judged
//! the original sender. Outbound (from the domain to an outside mailbox):
//! it left through the gateway, carries the gateway's DKIM signature that
//! verifies now, passes SPF and DMARC, and the receiver agrees.
//!
//! Each finding is a check with problem codes, like the DNS checks. The
//! message is read with `mail-parser`; DKIM, SPF and DMARC are verified by
//! `mail-auth` on the assistant's own resolver. Which hop is the gateway's
//! and what is missing is this module's own work.

pub mod chain;
mod inbound;
pub mod input;
mod outbound;
pub mod proof;
pub mod results;
mod verify;

use std::time::Duration;

use mail_parser::{Message, MessageParser};
use serde::{Deserialize, Serialize};

use crate::check::{Arg, CheckId, CheckResult, Status};
use crate::dns::Dns;
use crate::domain::DomainName;
use crate::lockdown::ranges::{self, GatewayRanges};
use crate::platform::Platform;
use crate::provider::Provider;
use crate::safe_text::visible;

pub use input::{InputError, MAX_HEADER_BYTES, MAX_HOPS, MAX_MESSAGE_BYTES, RawMessage};

use chain::{Gateway, Hop};

/// Which way the test message went.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    /// From an outside mailbox to an address of the domain.
    Inbound,
    /// From the domain to an outside mailbox.
    Outbound,
}

/// What the message is compared with: the setup as the assistant knows it.
#[derive(Debug, Clone)]
pub struct Setup {
    /// The domain set up; when `None`, taken from the message.
    pub domain: Option<DomainName>,
    /// When `None`, told from the message (see [`direction_of`]).
    pub direction: Option<Direction>,
    pub platform: Platform,
    pub provider: Provider,
    /// The destination server saved in the console, if known.
    pub destination: Option<String>,
    /// The gateway's address ranges; when `None`, derived from its SPF
    /// include at the same time as the message's other lookups.
    pub ranges: Option<GatewayRanges>,
}

impl Setup {
    pub fn new(platform: Platform, provider: Provider) -> Setup {
        Setup {
            domain: None,
            direction: None,
            platform,
            provider,
            destination: None,
            ranges: None,
        }
    }
}

/// What a test message proves: its checks, and what it was.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MessageReport {
    /// The domain judged (ASCII).
    pub domain: String,
    pub direction: Direction,
    /// The message's `Date`, as RFC 3339, if it has one.
    pub date: Option<String>,
    /// `Received` hops read.
    pub hops: usize,
    /// Headers only (pasted): the body, and so a DKIM body hash, is absent.
    pub headers_only: bool,
    pub checks: Vec<CheckResult>,
}

/// One check's verdict, for saving with the progress: no header, no time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Verdict {
    pub id: CheckId,
    pub status: Status,
}

impl MessageReport {
    pub fn get(&self, id: CheckId) -> Option<&CheckResult> {
        self.checks.iter().find(|c| c.id == id)
    }

    pub fn has_failure(&self) -> bool {
        self.checks.iter().any(|c| c.status == Status::Fail)
    }

    pub fn has_unknown(&self) -> bool {
        self.checks.iter().any(|c| c.status == Status::Unknown)
    }

    /// The verdicts, in the order of the checks.
    pub fn verdicts(&self) -> Vec<Verdict> {
        self.checks
            .iter()
            .map(|c| Verdict {
                id: c.id,
                status: c.status,
            })
            .collect()
    }
}

/// Longest text from a message shown in a problem, in characters.
const SHOWN_MAX_CHARS: usize = 80;

/// Text from the message as it may be shown: hidden characters made
/// visible, cut after 80 characters.
pub(crate) fn shown(text: &str) -> Arg {
    let mut cut: String = text.chars().take(SHOWN_MAX_CHARS).collect();
    if text.chars().count() > SHOWN_MAX_CHARS {
        cut.push('…');
    }
    Arg::Text(visible(&cut).into_owned())
}

/// The longest wait for all the lookups of one message.
const DEADLINE: Duration = Duration::from_secs(10);

/// A message read and bounded, with what its checks need.
pub(crate) struct Read<'a> {
    pub raw: &'a RawMessage,
    pub message: Message<'a>,
    pub hops: Vec<Hop>,
    pub domain: String,
    pub direction: Direction,
}

/// The domain part of the first address of a header, lower case.
fn address_domain(address: Option<&mail_parser::Address<'_>>) -> Option<String> {
    let addr = address?.first()?.address.as_deref()?;
    let (_, domain) = addr.rsplit_once('@')?;
    Some(crate::domain::normalise_name(domain))
}

/// Which way a message went, when the setup does not say: outbound when
/// its `From` is in the domain, else inbound.
pub fn direction_of(from_domain: Option<&str>, domain: &str) -> Direction {
    match from_domain {
        Some(from) if from == domain || from.ends_with(&format!(".{domain}")) => {
            Direction::Outbound
        }
        _ => Direction::Inbound,
    }
}

fn read<'a>(raw: &'a RawMessage, setup: &Setup) -> Result<Read<'a>, InputError> {
    let message = MessageParser::default()
        .parse_headers(&raw.bytes[..raw.header_len])
        .ok_or(InputError::NotAMessage)?;
    let hops = chain::hops(&message, MAX_HOPS);
    let from = address_domain(message.from());
    let to = address_domain(message.to());
    let (domain, direction) = match (&setup.domain, setup.direction) {
        (Some(d), Some(dir)) => (d.ascii().to_string(), dir),
        (Some(d), None) => {
            let domain = d.ascii().to_string();
            let dir = direction_of(from.as_deref(), &domain);
            (domain, dir)
        }
        // Without the domain: the sender's for a message going out, the
        // recipient's for one coming in.
        (None, Some(Direction::Outbound)) => {
            (from.ok_or(InputError::NoDomain)?, Direction::Outbound)
        }
        (None, Some(Direction::Inbound)) => (to.ok_or(InputError::NoDomain)?, Direction::Inbound),
        (None, None) => return Err(InputError::NoDomain),
    };
    Ok(Read {
        raw,
        message,
        hops,
        domain,
        direction,
    })
}

fn gateway(setup: &Setup, ranges: Option<&GatewayRanges>) -> Gateway {
    let hosts: Vec<String> = setup
        .provider
        .mx
        .hosts
        .iter()
        .map(|h| h.host.clone())
        .collect();
    let networks = ranges.map(|r| r.networks().to_vec()).unwrap_or_default();
    Gateway::new(&hosts, &networks)
}

fn report(read: &Read<'_>, checks: Vec<CheckResult>) -> MessageReport {
    MessageReport {
        domain: read.domain.clone(),
        direction: read.direction,
        date: read.message.date().map(|d| d.to_rfc3339()),
        hops: read.hops.len(),
        headers_only: !read.raw.has_body,
        checks,
    }
}

/// What the headers alone show, without DNS: every inbound check, and the
/// way an outbound message took. For the window's first look and for
/// measuring the analysis itself.
pub fn analyse_offline(input: &[u8], setup: &Setup) -> Result<MessageReport, InputError> {
    let raw = input::accept(input)?;
    let read = read(&raw, setup)?;
    let gateway = gateway(setup, setup.ranges.as_ref());
    let checks = match read.direction {
        Direction::Inbound => inbound::checks(&read, setup, &gateway),
        Direction::Outbound => vec![outbound::gateway_check(&read, &gateway)],
    };
    Ok(report(&read, checks))
}

/// Everything a test message proves. The lookups (the gateway's ranges
/// when not given, the DKIM key, SPF, DMARC) are asked together, through
/// `dns`'s resolver, within a deadline.
pub async fn analyse(input: &[u8], setup: &Setup, dns: &Dns) -> Result<MessageReport, InputError> {
    let raw = input::accept(input)?;
    let read = read(&raw, setup)?;
    let derive = async {
        match &setup.ranges {
            Some(r) => Some(r.clone()),
            // Without ranges the gateway is still known by its names.
            None => {
                tokio::time::timeout(DEADLINE, ranges::derive(dns, &setup.provider.spf.include))
                    .await
                    .ok()
                    .and_then(Result::ok)
            }
        }
    };
    let checks = match read.direction {
        Direction::Inbound => {
            let ranges = derive.await;
            inbound::checks(&read, setup, &gateway(setup, ranges.as_ref()))
        }
        Direction::Outbound => {
            let verify = verify::outbound(&read, setup, dns.general_resolver().clone());
            let (ranges, verified) = tokio::join!(derive, async {
                tokio::time::timeout(DEADLINE, verify).await.ok()
            });
            let gateway = gateway(setup, ranges.as_ref());
            outbound::checks(&read, setup, &gateway, verified)
        }
    };
    Ok(report(&read, checks))
}

/// A check whose status follows from its problems, with what was found.
pub(crate) fn check(
    id: CheckId,
    found: Vec<String>,
    problems: Vec<crate::check::Problem>,
) -> CheckResult {
    let found = found
        .iter()
        .filter_map(|f| match shown(f) {
            Arg::Text(t) => Some(t),
            _ => None,
        })
        .collect();
    CheckResult::new(id, found, Vec::new(), problems)
}

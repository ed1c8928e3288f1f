//! DNS lookups for the checks, on hickory-resolver and tokio.
//!
//! Every question is asked with a bounded time; a batch of questions is asked
//! concurrently. Names inside the checked domain can be asked of the domain's
//! own name servers ("authoritative" mode) so that a record saved a few
//! seconds ago is seen at once, whatever the caches hold.

mod answer;
mod authoritative;
mod owner;
mod propagation;

use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};
use std::time::Duration;

use futures::future::join_all;
use hickory_resolver::TokioResolver;
use hickory_resolver::config::{
    ConnectionConfig, NameServerConfig, ResolveHosts, ResolverConfig, ResolverOpts,
};
use hickory_resolver::net::runtime::TokioRuntimeProvider;
use hickory_resolver::net::{DnsError, NetError};
use hickory_resolver::proto::ProtoError;
use hickory_resolver::proto::op::ResponseCode;
use hickory_resolver::proto::rr::{Name, RData, RecordType};
use tokio::time::Instant;

pub use answer::{Answer, Failure, QType, Rec};
pub use propagation::{Asked, Seen};

use crate::domain::normalise_name;

/// Which servers to ask.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum ResolverChoice {
    /// The system's configured resolver (`/etc/resolv.conf`, Windows registry).
    #[default]
    System,
    /// Only these servers.
    Servers(Vec<SocketAddr>),
}

/// How to look things up.
#[derive(Debug, Clone)]
pub struct DnsOptions {
    pub resolver: ResolverChoice,
    /// Ask the domain's own name servers for names inside the domain.
    pub authoritative: bool,
    /// Port on which the domain's name servers are asked (53; tests change it).
    pub authoritative_port: u16,
    /// Port on which HTTPS policies (MTA-STS) are fetched (443; tests
    /// change it).
    pub https_port: u16,
    /// Longest wait for one question.
    pub query_timeout: Duration,
    /// Longest wait for a whole check, after which every question still
    /// unanswered is a timeout.
    pub deadline: Duration,
    /// The domain's name servers found by an earlier check, so that a
    /// re-check in authoritative mode does not look for them again.
    pub known_servers: Option<ZoneServers>,
}

/// The addresses of a domain's own name servers, as found for one domain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ZoneServers {
    /// The domain they were found for (ASCII, lower case, no trailing dot).
    pub domain: String,
    pub servers: Vec<SocketAddr>,
}

impl Default for DnsOptions {
    fn default() -> Self {
        DnsOptions {
            resolver: ResolverChoice::System,
            authoritative: false,
            // Development and tests serve zones on another port.
            authoritative_port: std::env::var("ESM_ASSISTANT_AUTHORITATIVE_PORT")
                .ok()
                .and_then(|p| p.parse().ok())
                .unwrap_or(53),
            // Development and tests serve policies on another port.
            https_port: std::env::var("ESM_ASSISTANT_HTTPS_PORT")
                .ok()
                .and_then(|p| p.parse().ok())
                .unwrap_or(443),
            query_timeout: Duration::from_secs(3),
            deadline: Duration::from_secs(8),
            known_servers: None,
        }
    }
}

/// Parses `IP` or `IP:PORT` (`[IPv6]:PORT` for IPv6 with a port).
pub fn parse_nameserver(text: &str) -> Result<SocketAddr, String> {
    let text = text.trim();
    if let Ok(addr) = text.parse::<SocketAddr>() {
        return Ok(addr);
    }
    if let Ok(ip) = text.parse::<IpAddr>() {
        return Ok(SocketAddr::new(ip, 53));
    }
    Err(text.to_string())
}

/// Why no resolver could be built.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct ResolverSetupError(String);

/// The resolvers for one check run.
#[derive(Clone)]
pub struct Dns {
    /// For everything outside the checked domain, and inside it unless
    /// authoritative mode found the domain's servers.
    general: TokioResolver,
    /// For names inside `zone`, when authoritative mode is on.
    zone: Option<(String, TokioResolver)>,
    /// The addresses behind `zone`, to be kept for the next check.
    zone_servers: Vec<SocketAddr>,
    query_timeout: Duration,
    deadline: Instant,
    https_port: u16,
}

fn resolver_opts(query_timeout: Duration) -> ResolverOpts {
    let mut opts = ResolverOpts::default();
    opts.timeout = query_timeout;
    opts.attempts = 1;
    opts.ndots = 0;
    opts.use_hosts_file = ResolveHosts::Never;
    opts.cache_size = 256;
    opts.preserve_intermediates = true;
    opts.try_tcp_on_error = true;
    opts
}

fn build_resolver(
    servers: &[SocketAddr],
    query_timeout: Duration,
    recursion: bool,
) -> TokioResolver {
    let name_servers = servers
        .iter()
        .map(|addr| {
            let mut udp = ConnectionConfig::udp();
            udp.port = addr.port();
            let mut tcp = ConnectionConfig::tcp();
            tcp.port = addr.port();
            NameServerConfig::new(addr.ip(), true, vec![udp, tcp])
        })
        .collect();
    let mut opts = resolver_opts(query_timeout);
    opts.recursion_desired = recursion;
    let config = ResolverConfig::from_parts(None, Vec::new(), name_servers);
    let mut builder = TokioResolver::builder_with_config(config, TokioRuntimeProvider::default());
    *builder.options_mut() = opts;
    // Building fails only for TLS/DNSSEC settings, which are not used here.
    builder
        .build()
        .unwrap_or_else(|e| panic!("resolver without TLS cannot fail to build: {e}"))
}

impl Dns {
    /// Resolvers for a check of `domain` (ASCII, no trailing dot).
    ///
    /// In authoritative mode the domain's name servers are found first;
    /// when they cannot be, names inside the domain are asked of the general
    /// resolver like the others.
    pub async fn new(domain: &str, options: &DnsOptions) -> Result<Dns, ResolverSetupError> {
        let general = match &options.resolver {
            ResolverChoice::Servers(servers) => {
                build_resolver(servers, options.query_timeout, true)
            }
            ResolverChoice::System => {
                let mut builder = TokioResolver::builder_tokio()
                    .map_err(|e| ResolverSetupError(e.to_string()))?;
                let system_opts = builder.options_mut();
                let mut opts = resolver_opts(options.query_timeout);
                opts.num_concurrent_reqs = system_opts.num_concurrent_reqs;
                *system_opts = opts;
                builder
                    .build()
                    .map_err(|e| ResolverSetupError(e.to_string()))?
            }
        };
        let mut dns = Dns {
            general,
            zone: None,
            zone_servers: Vec::new(),
            query_timeout: options.query_timeout,
            deadline: Instant::now() + options.deadline,
            https_port: options.https_port,
        };
        if options.authoritative {
            let zone = normalise_name(domain);
            // Servers kept from an earlier check of the same domain save the
            // round trips of finding them; should they have changed, a
            // question they fail is asked of the general resolver anyway.
            let servers = match &options.known_servers {
                Some(known) if known.domain == zone && !known.servers.is_empty() => {
                    known.servers.clone()
                }
                _ => authoritative::find_servers(&dns, domain, options.authoritative_port).await,
            };
            if !servers.is_empty() {
                let resolver = build_resolver(&servers, options.query_timeout, false);
                dns.zone = Some((zone, resolver));
                dns.zone_servers = servers;
            }
        }
        Ok(dns)
    }

    /// The domain's own name servers in use, to pass to the next check as
    /// [`DnsOptions::known_servers`]; `None` outside authoritative mode.
    pub fn zone_servers(&self) -> Option<ZoneServers> {
        let (zone, _) = self.zone.as_ref()?;
        Some(ZoneServers {
            domain: zone.clone(),
            servers: self.zone_servers.clone(),
        })
    }

    /// The port on which HTTPS policies are fetched.
    pub fn https_port(&self) -> u16 {
        self.https_port
    }

    /// Whether names inside the domain are asked of its own servers.
    pub fn is_authoritative(&self) -> bool {
        self.zone.is_some()
    }

    /// The resolver asked for names outside the checked domain: handed to
    /// libraries that resolve on their own (DKIM, SPF and DMARC of a test
    /// message), so that `--nameserver` applies to them too.
    pub fn general_resolver(&self) -> &TokioResolver {
        &self.general
    }

    fn resolver_for(&self, name: &str) -> &TokioResolver {
        match &self.zone {
            Some((zone, resolver)) if name == zone || name.ends_with(&format!(".{zone}")) => {
                resolver
            }
            _ => &self.general,
        }
    }

    /// Asks one question.
    pub async fn query(&self, name: &str, qtype: QType) -> Answer {
        let name = normalise_name(name);
        let resolver = self.resolver_for(&name);
        let (answer, elsewhere) = self.ask(resolver, &name, qtype).await;
        // The domain's own servers answer for their zone only: for a name
        // that is an alias out of it, or in a sub-zone delegated elsewhere,
        // they point elsewhere or refuse; the general resolver then answers.
        let in_zone = !std::ptr::eq(resolver, &self.general);
        if in_zone && (elsewhere || answer.failure().is_some()) {
            return self.ask(&self.general, &name, qtype).await.0;
        }
        answer
    }

    /// One question to one resolver: the answer, and whether the server
    /// pointed elsewhere (an alias with nothing behind it, or a referral).
    async fn ask(&self, resolver: &TokioResolver, name: &str, qtype: QType) -> (Answer, bool) {
        let (answer, elsewhere, _) = self.ask_ttl(resolver, name, qtype).await;
        (answer, elsewhere)
    }

    /// [`Dns::ask`], with the lowest TTL among the records of the answer
    /// (what remains of it, from a resolver's cache).
    async fn ask_ttl(
        &self,
        resolver: &TokioResolver,
        name: &str,
        qtype: QType,
    ) -> (Answer, bool, Option<u32>) {
        let fqdn = format!("{name}.");
        let rtype = match qtype {
            QType::A => RecordType::A,
            QType::Aaaa => RecordType::AAAA,
            QType::Mx => RecordType::MX,
            QType::Txt => RecordType::TXT,
            QType::Ns => RecordType::NS,
            QType::Ptr => RecordType::PTR,
        };
        let until = self.deadline.min(Instant::now() + self.query_timeout);
        let qname = match query_name(&fqdn) {
            Ok(n) => n,
            Err(e) => {
                let failure = Failure {
                    reason: "error",
                    detail: e.to_string(),
                };
                return (Answer::Failed(failure), false, None);
            }
        };
        let lookup = resolver.lookup(qname, rtype);
        match tokio::time::timeout_at(until, lookup).await {
            Err(_) => (Answer::Failed(Failure::timeout()), false, None),
            Ok(Err(e)) => {
                let referral = matches!(&e, NetError::Dns(DnsError::NoRecordsFound(no)) if no.soa.is_none() && no.ns.is_some());
                (answer_from_error(&e), referral, None)
            }
            Ok(Ok(lookup)) => {
                // From its cache, the resolver may answer for the end of an
                // alias chain without the aliases: the name it answered for
                // then differs from the one asked, and stands for the chain.
                let answered = normalise_name(&lookup.query().name().to_ascii());
                let mut recs: Vec<Rec> = Vec::new();
                let owned = owner::owned_by(name, &answered, lookup.answers());
                let ttl = owned.iter().map(|r| r.ttl).min();
                let aliased = owned.iter().any(|r| {
                    matches!(r.data, RData::CNAME(_)) && normalise_name(&r.name.to_ascii()) == name
                });
                if answered != name && !aliased {
                    recs.push(Rec::Cname(name.to_string(), answered));
                }
                recs.extend(
                    owned
                        .into_iter()
                        .filter_map(|r| rec_from_rdata(&r.name.to_ascii(), &r.data)),
                );
                if recs.is_empty() {
                    (Answer::NoData, false, None)
                } else {
                    let answer = Answer::Records(recs);
                    let alias_only = answer.is_void();
                    (answer, alias_only, ttl)
                }
            }
        }
    }

    /// Asks many questions at once; each distinct question is asked once.
    pub async fn query_all(
        &self,
        questions: &[(String, QType)],
    ) -> HashMap<(String, QType), Answer> {
        let mut distinct: Vec<(String, QType)> = questions
            .iter()
            .map(|(n, t)| (normalise_name(n), *t))
            .collect();
        distinct.sort();
        distinct.dedup();
        let answers = join_all(distinct.iter().map(|(n, t)| self.query(n, *t))).await;
        distinct.into_iter().zip(answers).collect()
    }
}

/// The name to ask for. Names people type go through IDNA; a name it
/// refuses is asked with its labels' bytes as they are, since SPF macros put
/// a sender's `+`, `=` or `%` into labels (RFC 7208 §7.3).
fn query_name(fqdn: &str) -> Result<Name, ProtoError> {
    Name::from_utf8(fqdn).or_else(|_| {
        let name = fqdn.strip_suffix('.').unwrap_or(fqdn);
        Name::from_labels(name.split('.').map(str::as_bytes))
    })
}

/// A name held in a record, in a form [`query_name`] asks again as the same
/// bytes: labels of visible characters as they are (an SPF `mx` may lead to
/// `foo:bar.example.com`), anything else in the resolver's escaped form.
fn target_name(name: &Name) -> String {
    let plain = name.iter().all(|label| {
        label
            .iter()
            .all(|b| (0x21..=0x7e).contains(b) && *b != b'.')
    });
    if plain {
        let labels: Vec<String> = name
            .iter()
            .map(|l| String::from_utf8_lossy(l).into_owned())
            .collect();
        normalise_name(&labels.join("."))
    } else {
        normalise_name(&name.to_ascii())
    }
}

fn rec_from_rdata(owner: &str, data: &RData) -> Option<Rec> {
    Some(match data {
        RData::TXT(txt) => Rec::Txt(txt.txt_data.iter().map(|s| s.to_vec()).collect()),
        RData::MX(mx) => Rec::Mx(mx.preference, target_name(&mx.exchange)),
        RData::A(a) => Rec::Ip(IpAddr::V4(a.0)),
        RData::AAAA(a) => Rec::Ip(IpAddr::V6(a.0)),
        RData::NS(ns) => Rec::Ns(normalise_name(&ns.0.to_ascii())),
        RData::PTR(ptr) => Rec::Ptr(target_name(&ptr.0)),
        RData::CNAME(c) => Rec::Cname(normalise_name(owner), normalise_name(&c.0.to_ascii())),
        _ => return None,
    })
}

fn answer_from_error(e: &NetError) -> Answer {
    match e {
        NetError::Dns(DnsError::NoRecordsFound(no)) => {
            if no.response_code == ResponseCode::NXDomain {
                Answer::NxDomain
            } else {
                Answer::NoData
            }
        }
        NetError::Dns(DnsError::ResponseCode(code)) => Answer::Failed(Failure {
            reason: match code {
                ResponseCode::ServFail => "servfail",
                ResponseCode::Refused => "refused",
                _ => "error",
            },
            detail: code.to_string(),
        }),
        NetError::Timeout => Answer::Failed(Failure::timeout()),
        other => Answer::Failed(Failure {
            reason: "error",
            detail: other.to_string(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_idna_refuses_are_asked_byte_for_byte() {
        let name = query_name("bücher.example.").unwrap();
        assert_eq!(name.to_ascii(), "xn--bcher-kva.example.");
        let name = query_name("anne+liste=x.exemple.fr.").unwrap();
        let labels: Vec<&[u8]> = name.iter().collect();
        assert_eq!(labels[0], b"anne+liste=x");
        assert!(name.is_fqdn());
        assert!(query_name("a..exemple.fr.").is_err());
    }

    #[test]
    fn record_targets_round_trip_to_the_same_bytes() {
        let odd = Name::from_labels([&b"foo:bar"[..], b"exemple", b"fr"]).unwrap();
        let text = target_name(&odd);
        assert_eq!(text, "foo:bar.exemple.fr");
        assert_eq!(query_name(&format!("{text}.")).unwrap(), odd);
        // A control byte is never handed on raw.
        let hidden = Name::from_labels([&b"a\rb"[..], b"fr"]).unwrap();
        assert!(!target_name(&hidden).contains('\r'));
    }
}

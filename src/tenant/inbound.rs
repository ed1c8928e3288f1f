//! The inbound connector: it exists, is on and typed Partner, accepts mail
//! only from the gateway's addresses, over TLS, with Enhanced Filtering.

use super::span::{self, Span};
use super::{
    InboundConnector, Readback, TenantSetup, connector_check, identity, same_host, shown,
    shown_list,
};
use crate::check::{CheckId, CheckResult, Code, Problem};
use crate::lockdown::microsoft::INBOUND;
use crate::message::check;

/// The gateway's IPv4 ranges as intervals, with their names (connectors
/// take IPv4 only).
fn gateway_spans(setup: &TenantSetup) -> Option<Vec<(Span, String)>> {
    let ranges = setup.ranges.as_ref()?;
    let spans: Vec<(Span, String)> = ranges
        .ipv4()
        .iter()
        .map(|n| (Span::of(&ipnet::IpNet::V4(*n)), n.to_string()))
        .collect();
    (!spans.is_empty()).then_some(spans)
}

/// The gateway's ranges merged, to tell whether an entry is inside.
fn merged(gateway: &[(Span, String)]) -> Vec<Span> {
    span::union(gateway.iter().map(|(s, _)| *s))
}

/// The connector the lock-down script made: by its name, else the one that
/// admits the gateway's addresses; when the ranges are not known, the only
/// one there is.
fn ours<'a>(
    readback: &'a Readback,
    gateway: Option<&[(Span, String)]>,
) -> Option<&'a InboundConnector> {
    if let Some(c) = readback
        .inbound
        .iter()
        .find(|c| same_host(&c.name, INBOUND))
    {
        return Some(c);
    }
    match gateway {
        Some(gateway) => {
            let union = merged(gateway);
            readback
                .inbound
                .iter()
                .map(|c| {
                    let inside = c
                        .sender_ip_addresses
                        .iter()
                        .filter_map(|a| Span::parse(a))
                        .filter(|s| span::covered(&union, *s))
                        .count();
                    (inside, c)
                })
                .filter(|(inside, _)| *inside > 0)
                .max_by_key(|(inside, _)| *inside)
                .map(|(_, c)| c)
        }
        None if readback.inbound.len() == 1 => readback.inbound.first(),
        None => None,
    }
}

fn no_connector(id: CheckId, readback: &Readback) -> CheckResult {
    check(
        id,
        Vec::new(),
        vec![
            Problem::fail(Code::NoConnector)
                .arg("direction", "inbound")
                .arg("count", readback.inbound.len()),
        ],
    )
}

pub(super) fn checks(readback: &Readback, setup: &TenantSetup) -> Vec<CheckResult> {
    let gateway = gateway_spans(setup);
    let Some(c) = ours(readback, gateway.as_deref()) else {
        return [
            CheckId::TenantInboundConnector,
            CheckId::TenantInboundRestricted,
            CheckId::TenantInboundTls,
            CheckId::TenantEnhancedFiltering,
        ]
        .into_iter()
        .map(|id| no_connector(id, readback))
        .collect();
    };
    vec![
        connector_check(
            CheckId::TenantInboundConnector,
            "inbound",
            &c.name,
            c.enabled,
            &c.connector_type,
        ),
        restricted(c, gateway.as_deref()),
        tls(c),
        enhanced_filtering(c, gateway.as_deref()),
    ]
}

/// The gateway's ranges that the entries do not cover.
fn uncovered(gateway: &[(Span, String)], entries: &[String]) -> Vec<String> {
    let union = span::union(entries.iter().filter_map(|e| Span::parse(e)));
    gateway
        .iter()
        .filter(|(g, _)| !span::covered(&union, *g))
        .map(|(_, n)| n.clone())
        .collect()
}

fn restricted(c: &InboundConnector, gateway: Option<&[(Span, String)]>) -> CheckResult {
    let name = shown(&c.name);
    let identity = identity(&c.name);
    let mut problems = Vec::new();
    if !c.restrict_domains_to_ip_addresses {
        problems.push(
            Problem::fail(Code::NotRestricted)
                .arg("name", name.clone())
                .arg("identity", identity.clone()),
        );
    }
    if !c.sender_domains.iter().any(|d| super::is_every_domain(d)) {
        problems.push(
            Problem::warn(Code::SenderDomainsPartial)
                .arg("name", name.clone())
                .arg("identity", identity.clone())
                .arg("domains", shown_list(&c.sender_domains)),
        );
    }
    match gateway {
        Some(gateway) => {
            let union = merged(gateway);
            let outside: Vec<&String> = c
                .sender_ip_addresses
                .iter()
                .filter(|a| Span::parse(a).is_none_or(|s| !span::covered(&union, s)))
                .collect();
            if !outside.is_empty() {
                problems.push(
                    Problem::fail(Code::AddressesOutsideGateway)
                        .arg("name", name.clone())
                        .arg("identity", identity.clone())
                        .arg("count", outside.len())
                        .arg("addresses", shown_list(outside)),
                );
            }
            let missing = uncovered(gateway, &c.sender_ip_addresses);
            if !missing.is_empty() {
                problems.push(
                    Problem::fail(Code::GatewayRangesMissing)
                        .arg("name", name)
                        .arg("identity", identity.clone())
                        .arg("count", missing.len())
                        .arg(
                            "ranges",
                            missing.into_iter().take(super::LISTED).collect::<Vec<_>>(),
                        ),
                );
            }
        }
        None => problems.push(Problem::unknown(Code::RangesUnknown)),
    }
    check(
        CheckId::TenantInboundRestricted,
        vec![
            c.name.clone(),
            format!(
                "RestrictDomainsToIPAddresses={}",
                c.restrict_domains_to_ip_addresses
            ),
            format!("SenderIPAddresses={}", c.sender_ip_addresses.join(" ")),
            format!("SenderDomains={}", c.sender_domains.join(" ")),
        ],
        problems,
    )
}

fn tls(c: &InboundConnector) -> CheckResult {
    let mut problems = Vec::new();
    if !c.require_tls {
        problems.push(
            Problem::fail(Code::TlsNotRequired)
                .arg("name", shown(&c.name))
                .arg("identity", identity(&c.name)),
        );
    }
    check(
        CheckId::TenantInboundTls,
        vec![
            c.name.clone(),
            format!("RequireTls={}", c.require_tls),
            format!("TlsSenderCertificateName={}", c.tls_sender_certificate_name),
        ],
        problems,
    )
}

fn enhanced_filtering(c: &InboundConnector, gateway: Option<&[(Span, String)]>) -> CheckResult {
    let name = shown(&c.name);
    let identity = identity(&c.name);
    let mut problems = Vec::new();
    if !c.ef_skip_last_ip {
        if c.ef_skip_ips.is_empty() {
            problems.push(
                Problem::fail(Code::EnhancedFilteringOff)
                    .arg("name", name.clone())
                    .arg("identity", identity.clone()),
            );
        } else {
            match gateway {
                Some(gateway) => {
                    let missing = uncovered(gateway, &c.ef_skip_ips);
                    if !missing.is_empty() {
                        problems.push(
                            Problem::fail(Code::EfSkipIpsPartial)
                                .arg("name", name.clone())
                                .arg("identity", identity.clone())
                                .arg("count", missing.len())
                                .arg(
                                    "ranges",
                                    missing.into_iter().take(super::LISTED).collect::<Vec<_>>(),
                                ),
                        );
                    }
                }
                None => problems.push(Problem::unknown(Code::RangesUnknown)),
            }
        }
    }
    if !c.ef_users.is_empty() {
        problems.push(
            Problem::warn(Code::EfSomeUsers)
                .arg("name", name)
                .arg("identity", identity.clone())
                .arg("count", c.ef_users.len()),
        );
    }
    check(
        CheckId::TenantEnhancedFiltering,
        vec![
            c.name.clone(),
            format!("EFSkipLastIP={}", c.ef_skip_last_ip),
            format!("EFSkipIPs={}", c.ef_skip_ips.join(" ")),
            format!("EFUsers={}", c.ef_users.len()),
        ],
        problems,
    )
}

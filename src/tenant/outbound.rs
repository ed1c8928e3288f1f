//! The outbound connector: it exists, is on and typed Partner, sends all
//! mail to the gateway's smart host rather than by MX, over TLS with the
//! smart host's certificate checked, for every recipient domain.

use super::{
    OutboundConnector, Readback, TenantSetup, connector_check, identity, is_every_domain,
    same_host, shown, shown_list,
};
use crate::check::{CheckId, CheckResult, Code, Problem};
use crate::lockdown::microsoft::OUTBOUND;
use crate::message::check;

/// The connector the lock-down script made: by its name, else the one
/// that sends to the gateway's smart host, else the only one there is.
fn ours<'a>(readback: &'a Readback, setup: &TenantSetup) -> Option<&'a OutboundConnector> {
    let by_name = readback
        .outbound
        .iter()
        .find(|c| same_host(&c.name, OUTBOUND));
    let by_host = || {
        let host = setup.smart_host.as_ref()?;
        readback
            .outbound
            .iter()
            .find(|c| c.smart_hosts.iter().any(|h| same_host(h, host.ascii())))
    };
    let only = match readback.outbound.as_slice() {
        [only] => Some(only),
        _ => None,
    };
    by_name.or_else(by_host).or(only)
}

pub(super) fn checks(readback: &Readback, setup: &TenantSetup) -> Vec<CheckResult> {
    let Some(c) = ours(readback, setup) else {
        return [
            CheckId::TenantOutboundConnector,
            CheckId::TenantOutboundSmartHost,
            CheckId::TenantOutboundTls,
            CheckId::TenantOutboundScope,
        ]
        .into_iter()
        .map(|id| {
            check(
                id,
                Vec::new(),
                vec![
                    Problem::fail(Code::NoConnector)
                        .arg("direction", "outbound")
                        .arg("count", readback.outbound.len()),
                ],
            )
        })
        .collect();
    };
    vec![
        connector_check(
            CheckId::TenantOutboundConnector,
            "outbound",
            &c.name,
            c.enabled,
            &c.connector_type,
        ),
        smart_host(c, setup),
        tls(c, setup),
        scope(c),
    ]
}

fn smart_host(c: &OutboundConnector, setup: &TenantSetup) -> CheckResult {
    let name = shown(&c.name);
    let identity = identity(&c.name);
    let mut problems = Vec::new();
    if c.use_mx_record {
        problems.push(
            Problem::fail(Code::UsesMxRecord)
                .arg("name", name.clone())
                .arg("identity", identity.clone()),
        );
    }
    match &setup.smart_host {
        Some(expected) => {
            let only_gateway = !c.smart_hosts.is_empty()
                && c.smart_hosts.iter().all(|h| same_host(h, expected.ascii()));
            if !only_gateway && !c.use_mx_record {
                problems.push(
                    Problem::fail(Code::SmartHostMismatch)
                        .arg("name", name)
                        .arg("identity", identity.clone())
                        .arg("found_count", c.smart_hosts.len())
                        .arg("found", shown_list(&c.smart_hosts))
                        .arg("expected", expected.ascii()),
                );
            }
        }
        None if !c.use_mx_record => problems.push(
            Problem::unknown(Code::SmartHostUnknown)
                .arg("found_count", c.smart_hosts.len())
                .arg("found", shown_list(&c.smart_hosts)),
        ),
        None => {}
    }
    check(
        CheckId::TenantOutboundSmartHost,
        vec![
            c.name.clone(),
            format!("UseMXRecord={}", c.use_mx_record),
            format!("SmartHosts={}", c.smart_hosts.join(" ")),
        ],
        problems,
    )
}

/// Does the certificate name Exchange checks (`TlsDomain`, perhaps
/// `*.example.net`) match the smart host?
fn tls_domain_matches(tls_domain: &str, host: &str) -> bool {
    match tls_domain.trim().strip_prefix("*.") {
        Some(parent) => host
            .split_once('.')
            .is_some_and(|(_, rest)| same_host(rest, parent)),
        None => same_host(tls_domain, host),
    }
}

fn tls(c: &OutboundConnector, setup: &TenantSetup) -> CheckResult {
    let name = shown(&c.name);
    let identity = identity(&c.name);
    let mut problems = Vec::new();
    if c.tls_settings.trim().is_empty() {
        problems.push(
            Problem::fail(Code::OutboundTlsOff)
                .arg("name", name)
                .arg("identity", identity.clone()),
        );
    } else if !c.tls_settings.eq_ignore_ascii_case("DomainValidation") {
        problems.push(
            Problem::warn(Code::TlsNotValidated)
                .arg("name", name)
                .arg("identity", identity.clone())
                .arg("setting", shown(&c.tls_settings)),
        );
    } else if let Some(host) = &setup.smart_host
        && !tls_domain_matches(&c.tls_domain, host.ascii())
    {
        problems.push(
            Problem::warn(Code::TlsDomainMismatch)
                .arg("name", name)
                .arg("identity", identity.clone())
                .arg("found", shown(&c.tls_domain))
                .arg("expected", host.ascii()),
        );
    }
    check(
        CheckId::TenantOutboundTls,
        vec![
            c.name.clone(),
            format!("TlsSettings={}", c.tls_settings),
            format!("TlsDomain={}", c.tls_domain),
        ],
        problems,
    )
}

fn scope(c: &OutboundConnector) -> CheckResult {
    let name = shown(&c.name);
    let identity = identity(&c.name);
    let mut problems = Vec::new();
    if !c.recipient_domains.iter().any(|d| is_every_domain(d)) {
        problems.push(
            Problem::fail(Code::ScopeNotAll)
                .arg("name", name.clone())
                .arg("identity", identity.clone())
                .arg("count", c.recipient_domains.len())
                .arg("domains", shown_list(&c.recipient_domains)),
        );
    }
    if c.is_transport_rule_scoped {
        problems.push(
            Problem::warn(Code::TransportRuleScoped)
                .arg("name", name.clone())
                .arg("identity", identity.clone()),
        );
    }
    if c.all_accepted_domains {
        problems.push(
            Problem::warn(Code::AllAcceptedDomains)
                .arg("name", name)
                .arg("identity", identity.clone()),
        );
    }
    check(
        CheckId::TenantOutboundScope,
        vec![
            c.name.clone(),
            format!("RecipientDomains={}", c.recipient_domains.join(" ")),
            format!("IsTransportRuleScoped={}", c.is_transport_rule_scoped),
            format!("AllAcceptedDomains={}", c.all_accepted_domains),
        ],
        problems,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wildcard_certificate_name_covers_the_smart_host() {
        assert!(tls_domain_matches(
            "*.security-mail.net",
            "relay.security-mail.net"
        ));
        assert!(tls_domain_matches(
            "relay.security-mail.net.",
            "Relay.security-mail.net"
        ));
        assert!(!tls_domain_matches(
            "*.security-mail.net",
            "security-mail.net"
        ));
        assert!(!tls_domain_matches(
            "other.example",
            "relay.security-mail.net"
        ));
    }
}

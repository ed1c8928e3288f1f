//! `domain.dns`, `destination.host` and `mx.gateway`.

use crate::check::Code;
use std::net::IpAddr;

use super::gather::{CheckInput, Destination, Snapshot};
use super::model::{CheckId, CheckResult, Problem};
use crate::dns::{Answer, QType};
use crate::domain::normalise_name;

/// A failed lookup, as a problem that makes its check `unknown`.
pub fn lookup_failed(name: &str, qtype: QType, answer: &Answer) -> Option<Problem> {
    answer.failure().map(|f| {
        Problem::unknown(Code::LookupFailed)
            .arg("name", name)
            .arg("type", qtype.as_str())
            .arg("reason", f.reason)
    })
}

/// `domain.dns`: the domain exists.
pub fn domain_dns(input: &CheckInput, snap: &Snapshot) -> CheckResult {
    let domain = input.domain.ascii();
    let answers = [QType::Ns, QType::Mx, QType::Txt].map(|t| (t, snap.get(domain, t)));
    let ns = answers[0].1.ns();
    let found: Vec<String> = ns.iter().map(|n| format!("{domain}. NS {n}.")).collect();
    let problems = if answers.iter().any(|(_, a)| *a == Answer::NxDomain) {
        vec![Problem::fail(Code::Nxdomain).arg("domain", domain)]
    } else if answers.iter().all(|(_, a)| a.failure().is_some()) {
        lookup_failed(domain, QType::Ns, &answers[0].1)
            .into_iter()
            .collect()
    } else {
        Vec::new()
    };
    CheckResult::new(CheckId::DomainDns, found, Vec::new(), problems)
}

fn addresses(snap: &Snapshot, host: &str) -> (Vec<IpAddr>, Vec<Problem>) {
    let mut ips = Vec::new();
    let mut failures = Vec::new();
    for t in [QType::A, QType::Aaaa] {
        let a = snap.get(host, t);
        ips.extend(a.ips());
        failures.extend(lookup_failed(host, t, &a));
    }
    (ips, failures)
}

fn gateway_addresses(input: &CheckInput, snap: &Snapshot) -> Vec<IpAddr> {
    input
        .provider
        .mx
        .hosts
        .iter()
        .flat_map(|mx| addresses(snap, &mx.host).0)
        .collect()
}

/// `destination.host`: where the gateway delivers is reachable by name and
/// is not the gateway itself.
pub fn destination_host(input: &CheckInput, snap: &Snapshot) -> Option<CheckResult> {
    let destination = input.destination.as_ref()?;
    let shown = destination.display();
    let gateway_ips = gateway_addresses(input, snap);
    let loop_problem = || Problem::fail(Code::Loop).arg("host", shown.as_str());
    let (found, problems) = match destination {
        Destination::Ip(ip) => {
            let problems = if gateway_ips.contains(ip) {
                vec![loop_problem()]
            } else {
                Vec::new()
            };
            (vec![ip.to_string()], problems)
        }
        Destination::Host(host) => {
            let name = host.ascii();
            let (ips, failures) = addresses(snap, name);
            let found = ips.iter().map(|ip| format!("{name}. {ip}")).collect();
            let problems = if input.provider.is_gateway_host(name)
                || ips.iter().any(|ip| gateway_ips.contains(ip))
            {
                vec![loop_problem()]
            } else if !ips.is_empty() {
                Vec::new()
            } else if !failures.is_empty() {
                failures
            } else {
                vec![Problem::fail(Code::NoAddress).arg("host", name)]
            };
            (found, problems)
        }
    };
    Some(CheckResult::new(
        CheckId::DestinationHost,
        found,
        vec![shown.clone()],
        problems,
    ))
}

/// An MX target that is an alias (RFC 2181 §10.3 forbids it).
fn alias_problem(snap: &Snapshot, host: &str) -> Option<Problem> {
    snap.get(host, QType::A).cname_target().map(|alias| {
        Problem::warn(Code::MxCname)
            .arg("host", host)
            .arg("target", alias)
            .arg("gateway", false)
    })
}

/// The gateway host an MX target is an alias of, if it is one: mail does
/// reach the gateway (senders follow the alias), but the MX must name the
/// gateway's host itself.
fn gateway_behind_alias<'a>(
    input: &'a CheckInput,
    snap: &Snapshot,
    host: &str,
) -> Option<&'a crate::provider::MxHost> {
    let chain = snap.get(host, QType::A).alias_chain(host);
    input
        .provider
        .mx
        .hosts
        .iter()
        .find(|mx| chain.contains(&normalise_name(&mx.host)))
}

/// Microsoft 365's own MX hosts: `<tenant>.mail.protection.outlook.com`.
/// The admin centre's automatic DNS setup puts one back after the switch.
const MICROSOFT_MX_SUFFIX: &str = ".mail.protection.outlook.com";

/// `mx.gateway`: every MX is a gateway host, with the profile's preferences.
pub fn mx_gateway(input: &CheckInput, snap: &Snapshot) -> CheckResult {
    let domain = input.domain.ascii();
    let profile = &input.provider.mx.hosts;
    let expected: Vec<String> = profile
        .iter()
        .map(|mx| format!("{} {}.", mx.preference, normalise_name(&mx.host)))
        .collect();
    let answer = snap.get(domain, QType::Mx);
    if let Some(p) = lookup_failed(domain, QType::Mx, &answer) {
        return CheckResult::new(CheckId::MxGateway, Vec::new(), expected, vec![p]);
    }
    let mut records = answer.mx();
    records.sort();
    let found: Vec<String> = records
        .iter()
        .map(|(pref, host)| format!("{pref} {host}."))
        .collect();
    if records.is_empty() {
        return CheckResult::new(
            CheckId::MxGateway,
            found,
            expected,
            vec![Problem::fail(Code::NoMx).arg("domain", domain)],
        );
    }

    let best_gateway = input.provider.best_preference();
    // The best preference among the gateway's hosts actually published:
    // a Microsoft 365 MX at or above it takes the mail.
    let gateway_published = records
        .iter()
        .filter(|(_, host)| profile.iter().any(|mx| normalise_name(&mx.host) == *host))
        .map(|(pref, _)| *pref)
        .min();
    let suffix = format!(".{domain}");
    let mut problems = Vec::new();
    let mut present = Vec::new();
    for (pref, host) in &records {
        if let Some(mx) = profile.iter().find(|mx| normalise_name(&mx.host) == *host) {
            present.push(host.clone());
            if mx.preference != *pref {
                problems.push(
                    Problem::warn(Code::WrongPreference)
                        .arg("host", host)
                        .arg("preference", *pref)
                        .arg("expected", mx.preference),
                );
            }
            problems.extend(alias_problem(snap, host));
            continue;
        }
        if let Some(stripped) = host.strip_suffix(&suffix)
            && input.provider.is_gateway_host(stripped)
        {
            present.push(stripped.to_string());
            problems.push(
                Problem::fail(Code::DomainAppended)
                    .arg("host", host)
                    .arg("expected", format!("{stripped}.")),
            );
            continue;
        }
        if let Some(mx) = gateway_behind_alias(input, snap, host) {
            let target = normalise_name(&mx.host);
            if mx.preference != *pref {
                problems.push(
                    Problem::warn(Code::WrongPreference)
                        .arg("host", host)
                        .arg("preference", *pref)
                        .arg("expected", mx.preference),
                );
            }
            problems.push(
                Problem::warn(Code::MxCname)
                    .arg("host", host)
                    .arg("target", target.as_str())
                    .arg("gateway", true),
            );
            present.push(target);
            continue;
        }
        if host.ends_with(MICROSOFT_MX_SUFFIX) && gateway_published.is_none_or(|best| *pref <= best)
        {
            problems.push(
                Problem::fail(Code::MxResetToMicrosoft)
                    .arg("host", host)
                    .arg("preference", *pref),
            );
            continue;
        }
        let shown = if host.is_empty() {
            ".".to_string()
        } else {
            host.clone()
        };
        problems.push(
            Problem::fail(Code::LeftoverMx)
                .arg("host", shown)
                .arg("preference", *pref)
                .arg("bypass", *pref <= best_gateway),
        );
        problems.extend(alias_problem(snap, host));
    }
    for mx in profile {
        let host = normalise_name(&mx.host);
        if present.contains(&host) {
            continue;
        }
        if mx.preference == best_gateway {
            problems.push(
                Problem::fail(Code::MissingGateway)
                    .arg("host", host.as_str())
                    .arg("preference", mx.preference),
            );
        } else {
            problems.push(
                Problem::warn(Code::MissingBackup)
                    .arg("host", host.as_str())
                    .arg("preference", mx.preference),
            );
        }
    }
    CheckResult::new(CheckId::MxGateway, found, expected, problems)
}

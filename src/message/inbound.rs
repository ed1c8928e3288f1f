//! A message from an outside mailbox to the domain: did it come through the
//! gateway, did nothing reach the destination around it, was it handed to
//! the destination set up, and did the platform judge the original sender?

use std::net::IpAddr;

use super::chain::{self, Gateway, Hop};
use super::results::{AuthResults, judged_ip};
use super::{Read, Setup, check, shown};
use crate::check::{CheckId, CheckResult, Code, Problem};
use crate::platform::Platform;

/// A hop in a line: `sender [address] → receiver`.
pub(super) fn describe(hop: &Hop) -> String {
    let ip = hop.from_ip.map(|ip| format!(" [{ip}]")).unwrap_or_default();
    format!(
        "{}{ip} → {}",
        hop.from_names.first().map_or("?", String::as_str),
        hop.by.as_deref().unwrap_or("?")
    )
}

/// The `Authentication-Results` headers, newest first, read.
pub(super) fn auth_results(read: &Read<'_>) -> Vec<AuthResults> {
    read.message
        .headers_raw()
        .filter(|(name, _)| name.eq_ignore_ascii_case("authentication-results"))
        .map(|(_, value)| AuthResults::parse(value))
        .collect()
}

pub(super) fn checks(read: &Read<'_>, setup: &Setup, gateway: &Gateway) -> Vec<CheckResult> {
    let hops = &read.hops;
    let found: Vec<String> = hops.iter().map(describe).collect();
    let mut out = Vec::new();

    let through = hops.iter().any(|h| gateway.involved(h));
    let problems = if through {
        Vec::new()
    } else {
        vec![Problem::fail(Code::NoGatewayHop).arg("hops", hops.len())]
    };
    out.push(check(
        CheckId::MessageInboundGateway,
        found.clone(),
        problems,
    ));

    let entry = chain::entry_hop(hops, gateway);
    let problems = match entry {
        None => vec![Problem::unknown(Code::NoReceivingHop)],
        Some((_, hop)) if gateway.sent(hop) || gateway.received(hop) => Vec::new(),
        Some((_, hop)) => vec![
            Problem::fail(Code::BypassedGateway)
                .arg("host", shown(&hop.from_shown()))
                // "none" when the hop names no address: the words leave it out.
                .arg(
                    "ip",
                    hop.from_ip.map_or("none".to_string(), |ip| ip.to_string()),
                )
                .arg("by", shown(hop.by.as_deref().unwrap_or_default())),
        ],
    };
    let entry_found = entry.map(|(_, h)| vec![describe(h)]).unwrap_or_default();
    out.push(check(CheckId::MessageInboundBypass, entry_found, problems));

    if let Some(expected) = &setup.destination {
        out.push(destination(hops, gateway, expected));
    }

    // The addresses the gateway sent from, as the message shows them:
    // with its ranges, what tells that the platform judged the gateway.
    let gateway_ips: Vec<IpAddr> = hops
        .iter()
        .filter(|h| gateway.sent(h))
        .filter_map(|h| h.from_ip)
        .collect();
    let is_gateway = |ip: IpAddr| gateway.is_gateway_ip(ip) || gateway_ips.contains(&ip);
    let results = auth_results(read);
    match setup.platform {
        Platform::Microsoft365 => {
            // Microsoft's own results name no server and say "sender IP is".
            let judged = results
                .iter()
                .filter(|r| r.server.is_none())
                .find_map(|r| r.get("spf").and_then(|spf| judged_ip(&spf.text)));
            out.push(platform_check(
                CheckId::MessageEnhancedFiltering,
                Code::EnhancedFilteringOff,
                through.then_some(judged),
                &is_gateway,
            ));
        }
        Platform::GoogleWorkspace => {
            let judged = results
                .iter()
                .filter(|r| {
                    r.server
                        .as_deref()
                        .is_some_and(|s| chain::organisation(s) == "google.com")
                })
                .find_map(|r| r.get("spf").and_then(|spf| judged_ip(&spf.text)));
            out.push(platform_check(
                CheckId::MessageGoogleGateway,
                Code::InboundGatewayNotRecognised,
                through.then_some(judged),
                &is_gateway,
            ));
        }
        Platform::OwnServer | Platform::Other => {}
    }
    out
}

/// The destination named in the hop from the gateway into the platform.
fn destination(hops: &[Hop], gateway: &Gateway, expected: &str) -> CheckResult {
    let handoff = hops
        .iter()
        .rev()
        .find(|h| gateway.sent(h) && !gateway.received(h));
    let expected_name = crate::domain::normalise_name(expected);
    let problems = match handoff.and_then(|h| h.by.as_deref()) {
        None => vec![Problem::unknown(Code::DestinationNotSeen).arg("expected", shown(expected))],
        // The platform's receiving hosts have names of their own, in the
        // destination's organisation (outlook.com, google.com, the domain).
        Some(by)
            if by == expected_name
                || chain::organisation(by) == chain::organisation(&expected_name) =>
        {
            Vec::new()
        }
        Some(by) => vec![
            Problem::fail(Code::DestinationMismatch)
                .arg("host", shown(by))
                .arg("expected", shown(expected)),
        ],
    };
    let found = handoff.map(|h| vec![describe(h)]).unwrap_or_default();
    let mut result = check(CheckId::MessageInboundDestination, found, problems);
    result.expected = vec![super::visible(expected).into_owned()];
    result
}

/// The platform judged the original sender, not the gateway. `judged` is
/// `None` when the message did not come through the gateway: a message
/// sent straight to the platform is judged on its sender whatever the
/// connector, so it proves nothing either way.
fn platform_check(
    id: CheckId,
    judged_gateway: Code,
    judged: Option<Option<IpAddr>>,
    is_gateway: &dyn Fn(IpAddr) -> bool,
) -> CheckResult {
    let Some(judged) = judged else {
        return check(
            id,
            Vec::new(),
            vec![Problem::unknown(Code::NotThroughGateway)],
        );
    };
    let problems = match judged {
        None => vec![Problem::unknown(Code::NoPlatformResults)],
        Some(ip) if is_gateway(ip) => {
            vec![Problem::fail(judged_gateway).arg("ip", ip.to_string())]
        }
        Some(_) => Vec::new(),
    };
    let found = judged.map(|ip| vec![ip.to_string()]).unwrap_or_default();
    check(id, found, problems)
}

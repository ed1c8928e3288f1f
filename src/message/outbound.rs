//! A message from the domain to an outside mailbox: did it leave through
//! the gateway, and do its DKIM signature, SPF and DMARC pass as the
//! receiver saw them?

use super::chain::Gateway;
use super::inbound::{auth_results, describe};
use super::verify::{Outcome, Verified};
use super::{Read, Setup, check, shown};
use crate::check::{CheckId, CheckResult, Code, Problem};

/// A hop from the platform into a gateway host, then one out of the
/// gateway, from its ranges.
pub(super) fn gateway_check(read: &Read<'_>, gateway: &Gateway) -> CheckResult {
    let hops = &read.hops;
    let into = hops
        .iter()
        .position(|h| gateway.received(h) && !gateway.sent(h));
    let out = hops
        .iter()
        .enumerate()
        .skip(into.unwrap_or(0))
        .find(|(_, h)| gateway.sent(h) && !gateway.received(h))
        .map(|(_, h)| h);
    let mut problems = Vec::new();
    let missing = match (into, out) {
        (None, None) => Some("both"),
        (None, Some(_)) => Some("into"),
        (Some(_), None) => Some("out"),
        (Some(_), Some(_)) => None,
    };
    if let Some(missing) = missing {
        problems.push(Problem::fail(Code::NotThroughGateway).arg("missing", missing));
    }
    if let Some(hop) = out
        && let Some(ip) = hop.from_ip
        && !gateway.networks.is_empty()
        && !gateway.is_gateway_ip(ip)
    {
        problems.push(
            Problem::warn(Code::OutsideGatewayRanges)
                .arg("host", shown(&hop.from_shown()))
                .arg("ip", ip.to_string()),
        );
    }
    let found = hops
        .iter()
        .filter(|h| gateway.involved(h))
        .map(describe)
        .collect();
    check(CheckId::MessageOutboundGateway, found, problems)
}

fn from_outcome(id: CheckId, outcome: &Outcome) -> CheckResult {
    check(id, outcome.found.clone(), outcome.problems.clone())
}

pub(super) fn checks(
    read: &Read<'_>,
    _setup: &Setup,
    gateway: &Gateway,
    verified: Option<Verified>,
) -> Vec<CheckResult> {
    let mut out = vec![gateway_check(read, gateway)];
    let verified = verified.unwrap_or_else(|| {
        // The deadline passed: nothing could be verified.
        let timeout = Outcome {
            problems: vec![
                Problem::unknown(Code::LookupFailed)
                    .arg("name", shown(&read.domain))
                    .arg("type", "TXT")
                    .arg("reason", "timeout"),
            ],
            found: Vec::new(),
            pass: None,
        };
        Verified {
            dkim: timeout.clone(),
            spf: timeout.clone(),
            dmarc: timeout,
        }
    });
    out.push(from_outcome(CheckId::MessageDkim, &verified.dkim));
    out.push(from_outcome(CheckId::MessageSpf, &verified.spf));
    out.push(from_outcome(CheckId::MessageDmarc, &verified.dmarc));
    out.push(receiver(read, &verified));
    out
}

/// The receiver's own `Authentication-Results` (the newest) agree with
/// what was verified here.
fn receiver(read: &Read<'_>, verified: &Verified) -> CheckResult {
    let results = auth_results(read);
    let Some(theirs) = results.first() else {
        return check(
            CheckId::MessageReceiver,
            Vec::new(),
            vec![Problem::warn(Code::NoReceiverResults)],
        );
    };
    let domain = read.domain.as_str();
    let mut problems = Vec::new();
    let mut found = Vec::new();
    for (method, ours) in [
        ("spf", verified.spf.pass),
        ("dkim", verified.dkim.pass),
        ("dmarc", verified.dmarc.pass),
    ] {
        // DKIM: the result for the domain's own signature, when the
        // receiver names it; another signature's result says nothing.
        let entry = theirs.results.iter().find(|r| {
            r.method == method
                && (method != "dkim" || {
                    let text = r.text.to_ascii_lowercase();
                    text.contains(&format!("header.d={domain}"))
                        || text.contains(&format!("header.i=@{domain}"))
                })
        });
        let Some(entry) = entry else { continue };
        found.push(format!("{method}={}", entry.result));
        if let Some(ours) = ours
            && (entry.result == "pass") != ours
        {
            problems.push(
                Problem::warn(Code::ReceiverDisagrees)
                    .arg("method", method)
                    .arg("receiver", shown(&entry.result))
                    .arg("ours", if ours { "pass" } else { "fail" }),
            );
        }
    }
    check(CheckId::MessageReceiver, found, problems)
}

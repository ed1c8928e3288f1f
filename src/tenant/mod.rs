//! Microsoft 365: what the tenant says. The lock-down script
//! (`lockdown::microsoft`) creates an inbound connector that accepts mail
//! only from the gateway, with Enhanced Filtering, and an outbound one that
//! sends everything through the gateway's smart host; DNS cannot show
//! either. This module writes a read-only PowerShell script that prints the
//! tenant's connectors in a stable text form, reads that output back when
//! the admin pastes it, and judges each item as a check with its fix.
//!
//! For the window and the command line, three calls:
//! - [`readback_script`] the script to copy or save;
//! - [`parse`] the pasted output, or a [`ReadbackError`] that says why it
//!   is not the script's (words: `tenant-error-<code>`, see
//!   [`ReadbackError::code`] and [`ReadbackError::args`]);
//! - [`checks`] one [`CheckResult`] per item of [`CheckId::TENANT`],
//!   rendered like the DNS checks (`render::problem_message`, `problem_fix`).

mod inbound;
mod outbound;
pub mod parse;
pub mod script;
mod span;

use crate::check::{Arg, CheckResult};
use crate::domain::DomainName;
use crate::lockdown::ranges::GatewayRanges;

pub use parse::{
    InboundConnector, MAX_CONNECTORS, MAX_READBACK_BYTES, OutboundConnector, Readback,
    ReadbackError, VERSION_LINE, parse, text_of,
};
pub use script::{ReadbackInput, readback_script};

#[cfg(doc)]
use crate::check::CheckId;

/// What the tenant is compared with.
#[derive(Debug, Clone, Default)]
pub struct TenantSetup {
    /// The gateway's outgoing relay, from its console; when `None`, the
    /// outbound connector's smart host cannot be confirmed.
    pub smart_host: Option<DomainName>,
    /// The gateway's address ranges; when `None`, the inbound connector's
    /// addresses cannot be compared with them.
    pub ranges: Option<GatewayRanges>,
}

/// Every item of the tenant's setup, in the order of [`CheckId::TENANT`].
pub fn checks(readback: &Readback, setup: &TenantSetup) -> Vec<CheckResult> {
    let mut out = inbound::checks(readback, setup);
    out.extend(outbound::checks(readback, setup));
    out
}

/// Ours is on, and typed Partner: the same for both directions.
fn connector_check(
    id: crate::check::CheckId,
    direction: &'static str,
    name: &str,
    enabled: bool,
    connector_type: &str,
) -> CheckResult {
    use crate::check::{Code, Problem};
    let shown_name = shown(name);
    let identity = identity(name);
    let mut problems = Vec::new();
    if !enabled {
        problems.push(
            Problem::fail(Code::ConnectorDisabled)
                .arg("direction", direction)
                .arg("name", shown_name.clone())
                .arg("identity", identity.clone()),
        );
    }
    if !connector_type.eq_ignore_ascii_case("Partner") {
        problems.push(
            Problem::fail(Code::ConnectorNotPartner)
                .arg("direction", direction)
                .arg("name", shown_name)
                .arg("identity", identity)
                .arg("type", shown(connector_type)),
        );
    }
    crate::message::check(
        id,
        vec![
            name.to_string(),
            format!("Enabled={enabled}"),
            format!("ConnectorType={connector_type}"),
        ],
        problems,
    )
}

/// The most items of a list named in a problem; the count says the rest.
const LISTED: usize = 8;

/// Text from the paste as it may be shown.
fn shown(text: &str) -> String {
    match crate::message::shown(text) {
        Arg::Text(t) => t,
        _ => String::new(),
    }
}

/// The first items of a list from the paste, as they may be shown.
fn shown_list<'a>(items: impl IntoIterator<Item = &'a String>) -> Vec<String> {
    items.into_iter().take(LISTED).map(|s| shown(s)).collect()
}

/// The longest connector name Exchange Online takes is 64 characters; a
/// longer one from a paste is cut, never left to run on.
const IDENTITY_MAX_CHARS: usize = 128;

/// A connector's name as a PowerShell argument in a fix: single-quoted,
/// every quote doubled, so that a name such as `x'; Remove-…` stays a name
/// when the admin copies the line.
fn identity(name: &str) -> String {
    let cut: String = name.chars().take(IDENTITY_MAX_CHARS).collect();
    crate::lockdown::quote::ps(&cut)
}

/// A name or host as Exchange may write it: any case, a final dot.
fn same_host(a: &str, b: &str) -> bool {
    a.trim()
        .trim_end_matches('.')
        .eq_ignore_ascii_case(b.trim().trim_end_matches('.'))
}

/// `*` as Exchange writes "every domain": `*` or `smtp:*;1`.
fn is_every_domain(item: &str) -> bool {
    let item = item.trim();
    let item = item
        .get(..5)
        .filter(|p| p.eq_ignore_ascii_case("smtp:"))
        .map_or(item, |_| &item[5..]);
    item.split(';').next().is_some_and(|d| d.trim() == "*")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_domain_is_read_in_both_of_exchanges_forms() {
        assert!(is_every_domain("*"));
        assert!(is_every_domain("smtp:*;1"));
        assert!(is_every_domain("SMTP:*;1"));
        assert!(!is_every_domain("smtp:contoso.com;1"));
        assert!(!is_every_domain("*.contoso.com"));
        assert!(same_host("Relay.Example.NET.", "relay.example.net"));
    }
}

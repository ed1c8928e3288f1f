//! Letting only the gateway reach the mail server: the gateway's address
//! ranges, and what to configure on each platform.

pub mod firewall;
pub mod google;
pub mod guard;
pub mod microsoft;
pub mod probe;
pub mod quote;
pub mod ranges;
pub mod rollback;
pub mod vet;
pub mod words;

pub use ranges::{GatewayRanges, Source};

use crate::domain::DomainName;
use crate::provider::Provider;

/// The domain whose ARC seals the gateway's messages carry: that of its
/// MX hosts (e.g. `security-mail.net`), to be confirmed with support.
pub fn arc_sealer(provider: &Provider) -> Option<DomainName> {
    let host = provider.mx.hosts.first()?.host.as_str();
    let parent = host.split_once('.')?.1;
    DomainName::parse_host(parent).ok()
}

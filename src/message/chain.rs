//! The `Received` chain of a test message, oldest hop first, and which of
//! its hops are the gateway's: by the gateway's MX host names (and names
//! under their parent domain) and by its address ranges.

use std::net::IpAddr;

use ipnet::IpNet;
use mail_parser::{Host, Message};

use crate::domain::normalise_name;

/// One `Received` header: who handed the message to whom.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hop {
    /// The sending host's name: as it announced itself, or its reverse name.
    pub from_names: Vec<String>,
    pub from_ip: Option<IpAddr>,
    /// The receiving host's name.
    pub by: Option<String>,
}

impl Hop {
    fn from_received(r: &mail_parser::Received<'_>) -> Hop {
        let mut from_names = Vec::new();
        let mut from_ip = r.from_ip;
        match &r.from {
            Some(Host::Name(name)) => from_names.push(normalise_name(name)),
            Some(Host::IpAddr(ip)) => from_ip = from_ip.or(Some(*ip)),
            None => {}
        }
        if let Some(name) = &r.from_iprev {
            from_names.push(normalise_name(name));
        }
        let by = match &r.by {
            Some(Host::Name(name)) => Some(normalise_name(name)),
            Some(Host::IpAddr(ip)) => Some(ip.to_string()),
            None => None,
        };
        Hop {
            from_names,
            from_ip,
            by,
        }
    }

    /// The sending host as shown: its first name, else its address.
    pub fn from_shown(&self) -> String {
        self.from_names
            .first()
            .cloned()
            .or_else(|| self.from_ip.map(|ip| ip.to_string()))
            .unwrap_or_default()
    }
}

/// The hops of `message`, oldest first (headers are added on top).
pub fn hops(message: &Message<'_>, limit: usize) -> Vec<Hop> {
    let mut hops: Vec<Hop> = message
        .received_all()
        .take(limit)
        .map(Hop::from_received)
        .collect();
    hops.reverse();
    hops
}

/// What tells the gateway's hosts from others.
#[derive(Debug, Clone, Default)]
pub struct Gateway {
    /// Its MX hosts and the parent domains they sit in.
    names: Vec<String>,
    zones: Vec<String>,
    pub networks: Vec<IpNet>,
}

impl Gateway {
    pub fn new(mx_hosts: &[String], networks: &[IpNet]) -> Gateway {
        let names: Vec<String> = mx_hosts.iter().map(|h| normalise_name(h)).collect();
        // france.security-mail.net → security-mail.net: the gateway's other
        // relays are named in its own zone. A parent of one label (a TLD)
        // would take in everyone, and is not kept.
        let mut zones: Vec<String> = names
            .iter()
            .filter_map(|n| n.split_once('.').map(|(_, parent)| parent.to_string()))
            .filter(|p| p.contains('.'))
            .collect();
        zones.sort();
        zones.dedup();
        Gateway {
            names,
            zones,
            networks: networks.to_vec(),
        }
    }

    pub fn is_gateway_name(&self, name: &str) -> bool {
        let name = normalise_name(name);
        self.names.contains(&name)
            || self
                .zones
                .iter()
                .any(|z| name == *z || name.ends_with(&format!(".{z}")))
    }

    pub fn is_gateway_ip(&self, ip: IpAddr) -> bool {
        self.networks.iter().any(|n| n.contains(&ip))
    }

    /// Did the gateway send this hop, by its name or its address?
    pub fn sent(&self, hop: &Hop) -> bool {
        hop.from_ip.is_some_and(|ip| self.is_gateway_ip(ip))
            || hop.from_names.iter().any(|n| self.is_gateway_name(n))
    }

    /// Did the gateway receive this hop?
    pub fn received(&self, hop: &Hop) -> bool {
        hop.by.as_deref().is_some_and(|b| self.is_gateway_name(b))
    }

    /// Is this hop inside the gateway, or does it involve it at all?
    pub fn involved(&self, hop: &Hop) -> bool {
        self.sent(hop) || self.received(hop)
    }
}

/// An address no outside server sends from: a hop from it is internal to
/// the server that wrote it.
pub fn is_internal_ip(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => v4.is_private() || v4.is_loopback() || v4.is_link_local(),
        IpAddr::V6(v6) => v6.is_loopback() || v6.is_unique_local() || v6.is_unicast_link_local(),
    }
}

/// The last two labels of a name, to compare hosts of one organisation
/// (`db5pepf.mail.protection.outlook.com` and
/// `contoso.mail.protection.outlook.com` are both `outlook.com`).
pub fn organisation(name: &str) -> String {
    let name = normalise_name(name);
    let labels: Vec<&str> = name.rsplit('.').take(2).collect();
    labels.into_iter().rev().collect::<Vec<_>>().join(".")
}

/// The hop through which the message entered the final destination's
/// servers: going back from the newest hop, the first whose sender is
/// neither internal (a private address, a name of the same organisation as
/// its receiver) nor unnamed.
pub fn entry_hop<'a>(hops: &'a [Hop], gateway: &Gateway) -> Option<(usize, &'a Hop)> {
    let newest_by = hops.iter().rev().find_map(|h| h.by.clone())?;
    let home = organisation(&newest_by);
    hops.iter().enumerate().rev().find(|(_, hop)| {
        if hop
            .by
            .as_deref()
            .is_some_and(|b| gateway.is_gateway_name(b))
        {
            // Still inside the gateway: the destination is after it.
            return true;
        }
        let internal_ip = hop.from_ip.is_some_and(is_internal_ip);
        let same_home = hop.from_names.iter().any(|n| organisation(n) == home);
        let unnamed = hop.from_names.is_empty() && hop.from_ip.is_none();
        gateway.sent(hop) || !(internal_ip || same_home || unnamed)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hop(from: &str, ip: &str, by: &str) -> Hop {
        Hop {
            from_names: vec![from.to_string()],
            from_ip: ip.parse().ok(),
            by: Some(by.to_string()),
        }
    }

    #[test]
    fn gateway_hosts_are_known_by_name_and_by_range() {
        let g = Gateway::new(
            &["france.security-mail.net".into()],
            &["198.51.100.0/24".parse().unwrap()],
        );
        assert!(g.is_gateway_name("France.Security-Mail.net."));
        assert!(g.is_gateway_name("relay3.security-mail.net"));
        assert!(!g.is_gateway_name("security-mail.net.evil.test"));
        assert!(g.sent(&hop("unknown", "198.51.100.9", "x.test")));
        assert!(!g.sent(&hop("mail.other.test", "203.0.113.9", "x.test")));
        // A one-label parent is not the gateway's zone.
        let tld = Gateway::new(&["localhost.test".into()], &[]);
        assert!(!tld.is_gateway_name("anything.test"));
    }

    #[test]
    fn the_entry_hop_skips_the_destinations_own_relays() {
        let g = Gateway::new(&["france.security-mail.net".into()], &[]);
        let hops = vec![
            hop(
                "mail-sor.google.com",
                "209.85.220.41",
                "france.security-mail.net",
            ),
            hop(
                "france.security-mail.net",
                "198.51.100.5",
                "am4.mail.protection.outlook.com",
            ),
            hop(
                "am4.mail.protection.outlook.com",
                "10.1.2.3",
                "db5.prod.outlook.com",
            ),
        ];
        let (i, entry) = entry_hop(&hops, &g).unwrap();
        assert_eq!(i, 1);
        assert_eq!(entry.from_names[0], "france.security-mail.net");
        assert_eq!(organisation("DB5.prod.outlook.com."), "outlook.com");
    }
}

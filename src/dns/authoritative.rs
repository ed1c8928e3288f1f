//! Finding the name servers that hold a domain's zone, to ask them directly.

use std::net::{IpAddr, SocketAddr};

use super::{Dns, QType};

/// The addresses of the name servers of `domain`'s zone, or of its closest
/// enclosing zone (a sub-domain without its own NS records lives in its
/// parent's zone). Empty when they cannot be found.
pub(super) async fn find_servers(dns: &Dns, domain: &str, port: u16) -> Vec<SocketAddr> {
    let mut name = domain.to_string();
    let hosts = loop {
        let answer = dns.query(&name, QType::Ns).await;
        let hosts = answer.ns();
        if !hosts.is_empty() {
            break hosts;
        }
        if answer.failure().is_some() {
            return Vec::new();
        }
        match name.split_once('.') {
            // Stop before the top-level domain: its servers do not hold the zone.
            Some((_, parent)) if parent.contains('.') => name = parent.to_string(),
            _ => return Vec::new(),
        }
    };
    let questions: Vec<(String, QType)> = hosts
        .iter()
        .flat_map(|h| [(h.clone(), QType::A), (h.clone(), QType::Aaaa)])
        .collect();
    let answers = dns.query_all(&questions).await;
    let mut ips: Vec<IpAddr> = answers.values().flat_map(|a| a.ips()).collect();
    ips.sort();
    ips.dedup();
    ips.into_iter()
        .map(|ip| SocketAddr::new(ip, port))
        .collect()
}

//! The gateway's address ranges: derived from its published SPF record, or
//! the official list pasted from support.

use std::collections::HashMap;

use ipnet::{IpNet, Ipv4Net};

use crate::dns::{Dns, DnsOptions, Failure};
use crate::spf::{Policy, SpfTree};

/// Where the ranges come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// Resolved from the gateway's SPF include: to be confirmed with support.
    Spf { include: String },
    /// The list given by support.
    Support,
}

/// The ranges to allow, and where they come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GatewayRanges {
    pub networks: Vec<IpNet>,
    pub source: Source,
}

impl GatewayRanges {
    pub fn ipv4(&self) -> Vec<Ipv4Net> {
        self.networks
            .iter()
            .filter_map(|n| match n {
                IpNet::V4(v4) => Some(*v4),
                IpNet::V6(_) => None,
            })
            .collect()
    }

    pub fn has_ipv6(&self) -> bool {
        self.networks.iter().any(|n| matches!(n, IpNet::V6(_)))
    }
}

/// Sorts, removes duplicates and ranges inside others, and merges neighbours.
pub fn normalise(networks: &[IpNet]) -> Vec<IpNet> {
    let truncated: Vec<IpNet> = networks.iter().map(IpNet::trunc).collect();
    IpNet::aggregate(&truncated)
}

/// Why ranges could not be derived.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DeriveError {
    /// No resolver could be set up.
    #[error("{0}")]
    Resolver(String),
    /// A lookup got no answer.
    #[error("{name}: {}", failure.reason)]
    Lookup { name: String, failure: Failure },
    /// The include has no usable SPF policy, or lists no address.
    #[error("{include}: no address")]
    NoRanges { include: String },
}

/// [`derive`] with resolvers of its own, made from `options`.
pub async fn derive_with(
    options: &DnsOptions,
    include: &str,
) -> Result<GatewayRanges, DeriveError> {
    let dns = Dns::new(include, options)
        .await
        .map_err(|e| DeriveError::Resolver(e.to_string()))?;
    derive(&dns, include).await
}

/// Resolves the gateway's SPF include, through its own includes and
/// redirects, to the address ranges it authorises.
pub async fn derive(dns: &Dns, include: &str) -> Result<GatewayRanges, DeriveError> {
    let tree = SpfTree::resolve(dns, &[include.to_string()], &HashMap::new()).await;
    let count = tree.count_lookups(include);
    if let Some((name, _, failure)) = count.failures.first() {
        return Err(DeriveError::Lookup {
            name: name.clone(),
            failure: failure.clone(),
        });
    }
    if let Policy::Failed(failure) = tree.policy(include) {
        return Err(DeriveError::Lookup {
            name: include.to_string(),
            failure,
        });
    }
    let networks = normalise(&tree.authorised_networks(include));
    if networks.is_empty() {
        return Err(DeriveError::NoRanges {
            include: include.to_string(),
        });
    }
    Ok(GatewayRanges {
        networks,
        source: Source::Spf {
            include: include.to_string(),
        },
    })
}

/// A line of the pasted list that is not an address or a range.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {text}")]
pub struct ParseError {
    pub line: usize,
    pub text: String,
}

/// Reads a list as support sends it: addresses or CIDR ranges separated by
/// spaces, commas, semicolons or lines; `#` starts a comment.
pub fn parse_list(text: &str) -> Result<GatewayRanges, ParseError> {
    let mut networks = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.split('#').next().unwrap_or("");
        for item in line.split([' ', '\t', ',', ';']).filter(|s| !s.is_empty()) {
            let net = item
                .parse::<IpNet>()
                .or_else(|_| item.parse::<std::net::IpAddr>().map(IpNet::from))
                .map_err(|_| ParseError {
                    line: i + 1,
                    text: item.to_string(),
                })?;
            networks.push(net);
        }
    }
    Ok(GatewayRanges {
        networks: normalise(&networks),
        source: Source::Support,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_pasted_list() {
        let r = parse_list(
            "# e-securemail\n85.31.212.0/24, 85.31.213.0/24\n2001:db8:100::/48 ; 198.51.100.7\n85.31.212.0/25\n",
        )
        .unwrap();
        let shown: Vec<String> = r.networks.iter().map(|n| n.to_string()).collect();
        assert_eq!(
            shown,
            ["85.31.212.0/23", "198.51.100.7/32", "2001:db8:100::/48"]
        );
        assert_eq!(r.source, Source::Support);
    }

    #[test]
    fn refuses_what_is_not_a_range() {
        let e = parse_list("85.31.212.0/24\n85.31.212.0/33\n").unwrap_err();
        assert_eq!((e.line, e.text.as_str()), (2, "85.31.212.0/33"));
        assert!(parse_list("10.0.0.1; rm -rf /").is_err());
        assert!(parse_list("$(whoami)").is_err());
    }
}

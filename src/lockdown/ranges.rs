//! The gateway's address ranges: derived from its published SPF record, or
//! the official list pasted from support.

use std::collections::HashMap;

use ipnet::{IpNet, Ipv4Net};

use super::vet::{Refusal, vet};
use crate::dns::{Dns, DnsOptions, Failure};
use crate::excerpt;
use crate::spf::{Policy, SpfTree};

/// Where the ranges come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// Resolved from the gateway's SPF include: to be confirmed with support.
    Spf { include: String },
    /// The list given by support.
    Support,
}

/// The ranges to allow, and where they come from. Only made through
/// [`GatewayRanges::new`]: never empty, and every range can be a gateway's
/// (see [`super::vet`]), so no artefact made from it opens or closes
/// everything.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GatewayRanges {
    networks: Vec<IpNet>,
    source: Source,
}

impl GatewayRanges {
    /// The ranges normalised (see [`normalise`]), or why they cannot be used.
    pub fn new(networks: &[IpNet], source: Source) -> Result<GatewayRanges, Refusal> {
        let networks = normalise(networks);
        vet(&networks)?;
        Ok(GatewayRanges { networks, source })
    }

    /// The ranges, sorted, without overlaps.
    pub fn networks(&self) -> &[IpNet] {
        &self.networks
    }

    pub fn source(&self) -> &Source {
        &self.source
    }

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
    /// The include lists ranges that cannot be the gateway's.
    #[error("{include}: {refusal}")]
    Refused { include: String, refusal: Refusal },
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
    let networks = tree.authorised_networks(include);
    if networks.is_empty() {
        return Err(DeriveError::NoRanges {
            include: include.to_string(),
        });
    }
    let source = Source::Spf {
        include: include.to_string(),
    };
    GatewayRanges::new(&networks, source).map_err(|refusal| DeriveError::Refused {
        include: include.to_string(),
        refusal,
    })
}

/// The most a list of ranges (a `--ranges` file, or the window's field) may
/// hold: some 4,000 ranges, where a gateway has a handful.
pub const MAX_LIST_BYTES: u64 = 64 * 1024;

/// Why a pasted list cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ListError {
    /// A word of the list is not an address or a range; `text` is a short
    /// printable excerpt of it (see [`excerpt::quote`]).
    #[error("line {line}: {text}")]
    NotARange { line: usize, text: String },
    /// The list is empty, or holds ranges that cannot be the gateway's.
    #[error("{0}")]
    Refused(Refusal),
}

/// Reads a list as support sends it: addresses or CIDR ranges separated by
/// spaces, commas, semicolons or lines; `#` starts a comment. An empty list
/// and ranges no gateway can have are refused.
pub fn parse_list(text: &str) -> Result<GatewayRanges, ListError> {
    let mut networks = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.split('#').next().unwrap_or("");
        for item in line.split([' ', '\t', ',', ';']).filter(|s| !s.is_empty()) {
            let net = item
                .parse::<IpNet>()
                .or_else(|_| item.parse::<std::net::IpAddr>().map(IpNet::from))
                .map_err(|_| ListError::NotARange {
                    line: i + 1,
                    text: excerpt::quote(item),
                })?;
            networks.push(net);
        }
    }
    GatewayRanges::new(&networks, Source::Support).map_err(ListError::Refused)
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
        let shown: Vec<String> = r.networks().iter().map(|n| n.to_string()).collect();
        assert_eq!(
            shown,
            ["85.31.212.0/23", "198.51.100.7/32", "2001:db8:100::/48"]
        );
        assert_eq!(r.source(), &Source::Support);
    }

    #[test]
    fn empty_lists_and_unfit_ranges_are_refused() {
        for empty in ["", "# from support\n\n  # nothing yet\n", " , ; "] {
            assert_eq!(
                parse_list(empty),
                Err(ListError::Refused(Refusal::Empty)),
                "{empty:?}"
            );
        }
        assert!(matches!(
            parse_list("85.31.212.0/24\n0.0.0.0/0"),
            Err(ListError::Refused(Refusal::Unfit(_)))
        ));
    }

    #[test]
    fn refuses_what_is_not_a_range() {
        let e = parse_list("85.31.212.0/24\n85.31.212.0/33\n").unwrap_err();
        assert_eq!(
            e,
            ListError::NotARange {
                line: 2,
                text: "85.31.212.0/33".into()
            }
        );
        // What is quoted back is short and printable, whatever was pasted.
        let e = parse_list(&format!("\u{1b}[2J{}", "9".repeat(100_000))).unwrap_err();
        let ListError::NotARange { text, .. } = e else {
            panic!("{e:?}")
        };
        assert!(
            text.starts_with("\\u{1b}[2J") && text.len() < 100 && !text.contains('\u{1b}'),
            "{text}"
        );
        assert!(parse_list("10.0.0.1; rm -rf /").is_err());
        assert!(parse_list("$(whoami)").is_err());
    }
}

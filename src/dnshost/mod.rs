//! Which company hosts a domain's DNS, read from its NS records, so the
//! admin knows where to log in to edit the zone; and, for the hosts with a
//! guide, how their zone editor wants each record typed.

pub mod guide;
pub mod present;

pub use guide::{Guide, GuideError};
pub use present::{Presented, PresentedField, Shown, present};

/// A DNS host: its id, its name, and the suffixes of its name servers.
struct Host {
    /// The id of its guide, when it has one, and of `--dns-host`.
    id: &'static str,
    name: &'static str,
    suffixes: &'static [&'static str],
}

const HOSTS: &[Host] = &[
    Host {
        id: "ovh",
        name: "OVHcloud",
        suffixes: &["ovh.net", "ovh.ca", "ovhcloud.com", "anycast.me"],
    },
    Host {
        id: "gandi",
        name: "Gandi",
        suffixes: &["gandi.net"],
    },
    Host {
        id: "ionos",
        name: "IONOS",
        suffixes: &["ui-dns.com", "ui-dns.de", "ui-dns.org", "ui-dns.biz"],
    },
    Host {
        id: "cloudflare",
        name: "Cloudflare",
        suffixes: &["ns.cloudflare.com"],
    },
    Host {
        id: "godaddy",
        name: "GoDaddy",
        suffixes: &["domaincontrol.com"],
    },
    Host {
        id: "route53",
        name: "Amazon Route 53",
        suffixes: &[".awsdns-"],
    },
    Host {
        id: "azure",
        name: "Azure DNS",
        suffixes: &[
            "azure-dns.com",
            "azure-dns.net",
            "azure-dns.org",
            "azure-dns.info",
        ],
    },
    Host {
        id: "google-cloud",
        name: "Google Cloud DNS",
        suffixes: &["googledomains.com"],
    },
    Host {
        id: "infomaniak",
        name: "Infomaniak",
        suffixes: &["infomaniak.ch", "infomaniak.com"],
    },
    Host {
        id: "o2switch",
        name: "o2switch",
        suffixes: &["o2switch.net"],
    },
    Host {
        id: "lws",
        name: "LWS",
        suffixes: &["lwsdns.com"],
    },
    Host {
        id: "hostinger",
        name: "Hostinger",
        suffixes: &["dns-parking.com", "hostinger.com"],
    },
    Host {
        id: "namecheap",
        name: "Namecheap",
        suffixes: &["registrar-servers.com"],
    },
    Host {
        id: "hetzner",
        name: "Hetzner",
        suffixes: &["hetzner.com", "hetzner.de", "your-server.de"],
    },
    Host {
        id: "scaleway",
        name: "Scaleway",
        suffixes: &["scaleway.com", "online.net"],
    },
    Host {
        id: "wix",
        name: "Wix",
        suffixes: &["wixdns.net"],
    },
    Host {
        id: "squarespace",
        name: "Squarespace",
        suffixes: &["squarespacedns.com"],
    },
    Host {
        id: "digitalocean",
        name: "DigitalOcean",
        suffixes: &["digitalocean.com"],
    },
];

/// A known DNS host.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Identified {
    pub id: &'static str,
    pub name: &'static str,
}

impl Identified {
    /// Its guide, when there is one.
    pub fn guide(&self) -> Option<&'static Guide> {
        guide::find(self.id)
    }
}

/// The known host with this id (`ovh`, `gandi`…), as `--dns-host` names it.
pub fn by_id(id: &str) -> Option<Identified> {
    HOSTS.iter().find(|h| h.id == id).map(|h| Identified {
        id: h.id,
        name: h.name,
    })
}

/// The ids of every known host.
pub fn ids() -> impl Iterator<Item = &'static str> {
    HOSTS.iter().map(|h| h.id)
}

/// The name servers a check report found for the domain (its `domain.dns`
/// check lists them as `domain. NS server.`).
pub fn name_servers_in(report: &crate::check::Report) -> Vec<String> {
    report
        .get(crate::check::CheckId::DomainDns)
        .map(|c| {
            c.found
                .iter()
                .filter_map(|f| f.rsplit(' ').next())
                .map(|s| s.trim_end_matches('.').to_string())
                .collect()
        })
        .unwrap_or_default()
}

/// The DNS host of a domain with these name servers, if it is a known one.
pub fn identify(name_servers: &[String]) -> Option<Identified> {
    name_servers.iter().find_map(|ns| {
        let ns = ns.trim_end_matches('.').to_ascii_lowercase();
        HOSTS.iter().find_map(|h| {
            h.suffixes
                .iter()
                .any(|s| {
                    if s.starts_with('.') {
                        ns.contains(s)
                    } else {
                        ns == *s || ns.ends_with(&format!(".{s}"))
                    }
                })
                .then_some(Identified {
                    id: h.id,
                    name: h.name,
                })
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn host(ns: &[&str]) -> Option<&'static str> {
        identify(&ns.iter().map(|s| s.to_string()).collect::<Vec<_>>()).map(|h| h.name)
    }

    #[test]
    fn recognises_the_usual_hosts() {
        assert_eq!(host(&["dns110.ovh.net", "ns110.ovh.net"]), Some("OVHcloud"));
        assert_eq!(host(&["ns-123.awsdns-15.com."]), Some("Amazon Route 53"));
        assert_eq!(host(&["ns1-01.azure-dns.com"]), Some("Azure DNS"));
        assert_eq!(host(&["ns1045.ui-dns.de"]), Some("IONOS"));
        assert_eq!(
            host(&["ns-cloud-a1.googledomains.com"]),
            Some("Google Cloud DNS")
        );
        assert_eq!(host(&["ns-159-a.gandi.net"]), Some("Gandi"));
        assert_eq!(host(&["kate.ns.cloudflare.com"]), Some("Cloudflare"));
        assert_eq!(host(&["ns27.domaincontrol.com"]), Some("GoDaddy"));
        assert_eq!(host(&["ns1.example.test"]), None);
        // A suffix must match whole labels.
        assert_eq!(host(&["ns1.notovh.net"]), None);
    }

    #[test]
    fn a_host_comes_with_its_guide_id() {
        let ovh = identify(&["dns110.ovh.net.".to_string()]).unwrap();
        assert_eq!((ovh.id, ovh.name), ("ovh", "OVHcloud"));
        assert_eq!(ovh.guide().map(|g| g.name.as_str()), Some("OVHcloud"));
        // A known host without a guide keeps the generic text.
        let r53 = identify(&["ns-1.awsdns-01.org".to_string()]).unwrap();
        assert_eq!(r53.id, "route53");
        assert!(r53.guide().is_none());
        assert_eq!(by_id("gandi").map(|h| h.name), Some("Gandi"));
        assert_eq!(by_id("nobody"), None);
        // Ids are unique: `--dns-host` names one host.
        let mut all: Vec<_> = ids().collect();
        let count = all.len();
        all.sort();
        all.dedup();
        assert_eq!(all.len(), count);
    }
}

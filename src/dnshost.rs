//! Which company hosts a domain's DNS, read from its NS records, so the
//! admin knows where to log in to edit the zone.

/// A DNS host: its name, and the suffixes of its name servers.
struct Host {
    name: &'static str,
    suffixes: &'static [&'static str],
}

const HOSTS: &[Host] = &[
    Host {
        name: "OVHcloud",
        suffixes: &["ovh.net", "ovh.ca", "ovhcloud.com", "anycast.me"],
    },
    Host {
        name: "Gandi",
        suffixes: &["gandi.net"],
    },
    Host {
        name: "IONOS",
        suffixes: &["ui-dns.com", "ui-dns.de", "ui-dns.org", "ui-dns.biz"],
    },
    Host {
        name: "Cloudflare",
        suffixes: &["ns.cloudflare.com"],
    },
    Host {
        name: "GoDaddy",
        suffixes: &["domaincontrol.com"],
    },
    Host {
        name: "Amazon Route 53",
        suffixes: &[".awsdns-"],
    },
    Host {
        name: "Azure DNS",
        suffixes: &[
            "azure-dns.com",
            "azure-dns.net",
            "azure-dns.org",
            "azure-dns.info",
        ],
    },
    Host {
        name: "Google Cloud DNS",
        suffixes: &["googledomains.com"],
    },
    Host {
        name: "Infomaniak",
        suffixes: &["infomaniak.ch", "infomaniak.com"],
    },
    Host {
        name: "o2switch",
        suffixes: &["o2switch.net"],
    },
    Host {
        name: "LWS",
        suffixes: &["lwsdns.com"],
    },
    Host {
        name: "Hostinger",
        suffixes: &["dns-parking.com", "hostinger.com"],
    },
    Host {
        name: "Namecheap",
        suffixes: &["registrar-servers.com"],
    },
    Host {
        name: "Hetzner",
        suffixes: &["hetzner.com", "hetzner.de", "your-server.de"],
    },
    Host {
        name: "Scaleway",
        suffixes: &["scaleway.com", "online.net"],
    },
    Host {
        name: "Wix",
        suffixes: &["wixdns.net"],
    },
    Host {
        name: "Squarespace",
        suffixes: &["squarespacedns.com"],
    },
    Host {
        name: "DigitalOcean",
        suffixes: &["digitalocean.com"],
    },
];

/// The DNS host of a domain with these name servers, if it is a known one.
pub fn identify(name_servers: &[String]) -> Option<&'static str> {
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
                .then_some(h.name)
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn host(ns: &[&str]) -> Option<&'static str> {
        identify(&ns.iter().map(|s| s.to_string()).collect::<Vec<_>>())
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
}

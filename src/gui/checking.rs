//! One check run of everything a step verifies, off the window's thread.

use crate::check::propagation::{self, PropagationView};
use crate::check::{self, CheckInput, Report};
use crate::dkim;
use crate::dns::{Dns, DnsOptions, QType, ResolverChoice, ZoneServers};
use crate::provider::PublicResolver;
use crate::records::{self, Publication};

/// What one check run found.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// The domain (ASCII) this is about.
    pub domain: String,
    pub report: Report,
    pub publication: Publication,
    pub name_servers: Vec<String>,
    pub dns_host: Option<&'static str>,
    /// The platform's own DKIM selectors found published.
    pub existing_dkim: Vec<String>,
    /// The domain's own name servers, kept for the next check.
    pub zone_servers: Option<ZoneServers>,
    /// The MX records as the domain's servers and resolvers see them; `None`
    /// outside authoritative mode.
    pub propagation: Option<PropagationView>,
}

/// What the propagation view of a check run needs.
#[derive(Debug, Clone, Default)]
pub struct Propagation {
    pub resolvers: Vec<PublicResolver>,
    /// The old MX records seen before the switch (see [`propagation::compare`]).
    pub old: Option<propagation::OldRecords>,
}

/// Runs every check and prepares the records to publish; in authoritative
/// mode, the propagation view is asked at the same time.
pub async fn run_checks(input: CheckInput, options: DnsOptions, request: Propagation) -> Outcome {
    let domain = input.domain.ascii().to_string();
    let dns = match Dns::new(&domain, &options).await {
        Ok(dns) => dns,
        Err(_) => {
            // Without a resolver nothing can be looked up: every check says so.
            let failing = DnsOptions {
                resolver: ResolverChoice::Servers(Vec::new()),
                ..options
            };
            match Dns::new(&domain, &failing).await {
                Ok(dns) => dns,
                Err(e) => panic!("a resolver without servers cannot fail: {e}"),
            }
        }
    };
    let view = async {
        if !dns.is_authoritative() {
            return None;
        }
        let mut resolvers = request.resolvers;
        resolvers.truncate(crate::provider::MAX_PUBLIC_RESOLVERS);
        Some(propagation::observe(&input, &dns, &resolvers, request.old).await)
    };
    let ((report, snap), propagation) = futures::join!(check::run(&input, &dns), view);
    let publication = records::plan(&input, &snap);
    let name_servers = snap.get(&domain, QType::Ns).ns();
    let existing_dkim = input
        .extra_selectors
        .iter()
        .filter(|s| {
            snap.get(&input.selector_name(s), QType::Txt)
                .txt_joined()
                .iter()
                .any(|t| dkim::looks_like_dkim(t))
        })
        .cloned()
        .collect();
    Outcome {
        domain,
        report,
        publication,
        dns_host: crate::dnshost::identify(&name_servers),
        name_servers,
        existing_dkim,
        zone_servers: dns.zone_servers(),
        propagation,
    }
}

//! Asking DNS everything the checks need, in as few round trips as the
//! questions allow: everything known in advance at once, then MX targets
//! and the SPF graph level by level, concurrently.

use std::net::IpAddr;

use futures::join;

use crate::dkim::ConsoleKey;
use crate::dns::{Answer, Dns, QType};
use crate::domain::DomainName;
use crate::provider::Provider;
use crate::spf::SpfTree;

/// The destination server as given: an address or a host name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Destination {
    Ip(IpAddr),
    Host(DomainName),
}

impl Destination {
    /// Parses what the admin typed.
    pub fn parse(text: &str) -> Result<Destination, crate::domain::DomainError> {
        let t = text.trim();
        let bare = t.trim_start_matches('[').trim_end_matches(']');
        if let Ok(ip) = bare.parse::<IpAddr>() {
            return Ok(Destination::Ip(ip));
        }
        DomainName::parse(t).map(Destination::Host)
    }

    pub fn display(&self) -> String {
        match self {
            Destination::Ip(ip) => ip.to_string(),
            Destination::Host(h) => h.ascii().to_string(),
        }
    }
}

/// What to check.
#[derive(Debug, Clone)]
pub struct CheckInput {
    pub domain: DomainName,
    pub provider: Provider,
    pub destination: Option<Destination>,
    pub dkim_key: Option<ConsoleKey>,
    /// Further DKIM selectors to look for (the usual ones of the mail platform).
    pub extra_selectors: Vec<String>,
}

impl CheckInput {
    pub fn new(domain: DomainName, provider: Provider) -> CheckInput {
        CheckInput {
            domain,
            provider,
            destination: None,
            dkim_key: None,
            extra_selectors: Vec::new(),
        }
    }

    pub fn dkim_name(&self) -> String {
        self.domain.child(&self.provider.dkim_relative_name())
    }

    /// Where a registrar that appends the zone's name to what it is given
    /// puts a record typed with its full name.
    pub fn appended(&self, name: &str) -> String {
        format!("{name}.{}", self.domain.ascii())
    }

    pub fn dmarc_name(&self) -> String {
        self.domain.child("_dmarc")
    }

    /// Where the domain's MTA-STS record is published.
    pub fn mta_sts_name(&self) -> String {
        self.domain.child("_mta-sts")
    }

    /// Where the domain's TLS reporting record is published.
    pub fn tls_rpt_name(&self) -> String {
        self.domain.child("_smtp._tls")
    }

    pub fn selector_name(&self, selector: &str) -> String {
        self.domain.child(&format!("{selector}._domainkey"))
    }
}

/// The domain's MTA-STS policy file, as fetched.
#[derive(Debug, Clone)]
pub struct MtaStsFetch {
    pub result: Result<String, crate::mtasts::FetchError>,
    /// When it was fetched (seconds since 1970, UTC).
    pub fetched_at: i64,
}

/// Every answer gathered for one check run.
#[derive(Debug, Clone)]
pub struct Snapshot {
    pub answers: SpfTree,
    /// Whether names inside the domain were asked of its own servers.
    pub authoritative: bool,
    /// The MTA-STS policy, when the domain publishes an `_mta-sts` record.
    pub mta_sts: Option<MtaStsFetch>,
}

impl Snapshot {
    pub fn get(&self, name: &str, qtype: QType) -> Answer {
        self.answers
            .answer(name, qtype)
            .cloned()
            .unwrap_or(Answer::Failed(crate::dns::Failure {
                reason: "not-resolved",
                detail: String::new(),
            }))
    }
}

/// Most MX targets whose addresses are asked in one check.
const MAX_MX_HOSTS_RESOLVED: usize = 16;

/// Asks everything.
pub async fn gather(input: &CheckInput, dns: &Dns) -> Snapshot {
    let domain = input.domain.ascii().to_string();
    let provider = &input.provider;
    let mut first: Vec<(String, QType)> = vec![
        (domain.clone(), QType::Mx),
        (domain.clone(), QType::Txt),
        (domain.clone(), QType::Ns),
        (input.dkim_name(), QType::Txt),
        (input.appended(&input.dkim_name()), QType::Txt),
        (input.dmarc_name(), QType::Txt),
        (input.appended(&input.dmarc_name()), QType::Txt),
        (provider.spf.include.clone(), QType::Txt),
        (input.mta_sts_name(), QType::Txt),
        (input.tls_rpt_name(), QType::Txt),
    ];
    for mx in &provider.mx.hosts {
        first.push((mx.host.clone(), QType::A));
        first.push((mx.host.clone(), QType::Aaaa));
    }
    if let Some(Destination::Host(host)) = &input.destination {
        first.push((host.ascii().to_string(), QType::A));
        first.push((host.ascii().to_string(), QType::Aaaa));
    }
    for selector in &input.extra_selectors {
        first.push((input.selector_name(selector), QType::Txt));
    }
    let known = dns.query_all(&first).await;

    // The targets of the most preferred MX records: a zone with hundreds
    // of them must not cost hundreds of questions.
    let mut mx_records = known
        .get(&(domain.clone(), QType::Mx))
        .map(Answer::mx)
        .unwrap_or_default();
    mx_records.sort();
    mx_records.dedup_by(|a, b| a.1 == b.1);
    let mx_questions: Vec<(String, QType)> = mx_records
        .into_iter()
        .filter(|(_, host)| !host.is_empty())
        .take(MAX_MX_HOSTS_RESOLVED)
        .flat_map(|(_, host)| [(host.clone(), QType::A), (host, QType::Aaaa)])
        .filter(|q| !known.contains_key(q))
        .collect();
    let roots = [domain.clone(), provider.spf.include.clone()];
    let wants_policy = known
        .get(&(input.mta_sts_name(), QType::Txt))
        .is_some_and(|a| crate::mtasts::parse_record(&a.txt_joined()).is_ok());
    let policy = async {
        if !wants_policy {
            return None;
        }
        let fetched_at = chrono::Utc::now().timestamp();
        let result = crate::mtasts::fetch_policy(dns, &domain, dns.https_port()).await;
        Some(MtaStsFetch { result, fetched_at })
    };
    let (mut tree, mx_answers, mta_sts) = join!(
        SpfTree::resolve(dns, &roots, &known),
        dns.query_all(&mx_questions),
        policy
    );
    tree.extend(mx_answers);
    Snapshot {
        answers: tree,
        authoritative: dns.is_authoritative(),
        mta_sts,
    }
}

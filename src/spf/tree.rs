//! An SPF policy and everything it refers to, resolved level by level with
//! every question of a level asked at once; then counted and evaluated
//! without further DNS traffic.

use std::collections::{HashMap, HashSet};
use std::net::IpAddr;

use ipnet::IpNet;

use super::parse::{Mechanism, Qualifier, SpfRecord, SpfSyntaxError, Term, is_spf, parse_record};
use crate::dns::{Answer, Dns, Failure, QType};
use crate::domain::normalise_name;

/// Most include/redirect levels followed; beyond the lookup limit anyway.
const MAX_DEPTH: usize = 12;

/// The SPF policy found at one name.
#[derive(Debug, Clone, PartialEq)]
pub enum Policy {
    Record {
        record: SpfRecord,
        text: String,
    },
    Invalid {
        error: SpfSyntaxError,
        text: String,
    },
    /// No TXT record starting with `v=spf1`; `void` when the name has no TXT
    /// at all or does not exist.
    None {
        void: bool,
    },
    Multiple(Vec<String>),
    Failed(Failure),
}

impl Policy {
    /// The policy published in a TXT answer.
    pub fn from_answer(answer: &Answer) -> Policy {
        if let Some(f) = answer.failure() {
            return Policy::Failed(f.clone());
        }
        let texts: Vec<String> = answer
            .txt_joined()
            .into_iter()
            .filter(|t| is_spf(t))
            .collect();
        match texts.len() {
            0 => Policy::None {
                void: answer.is_void(),
            },
            1 => {
                let text = texts.into_iter().next().unwrap_or_default();
                match parse_record(&text) {
                    Ok(record) => Policy::Record { record, text },
                    Err(error) => Policy::Invalid { error, text },
                }
            }
            _ => Policy::Multiple(texts),
        }
    }

    pub fn record(&self) -> Option<&SpfRecord> {
        match self {
            Policy::Record { record, .. } => Some(record),
            _ => None,
        }
    }
}

/// The terms evaluation can reach: up to and including the first `all`;
/// `redirect=` only when there is no `all` (RFC 7208 §6.1).
fn evaluated_terms(record: &SpfRecord) -> impl Iterator<Item = &Term> {
    let has_all = record.all().is_some();
    let mut done = false;
    record.terms.iter().filter(move |t| {
        if done {
            return false;
        }
        match t {
            Term::Mechanism {
                mechanism: Mechanism::All,
                ..
            } => {
                done = true;
                true
            }
            Term::Redirect(_) => !has_all,
            Term::Explanation(_) | Term::Unknown { .. } => false,
            Term::Mechanism { .. } => true,
        }
    })
}

/// The questions a term's evaluation asks, when its target has no macro.
fn questions(term: &Term, current: &str) -> Vec<(String, QType)> {
    let target = |d: &Option<String>| d.clone().unwrap_or_else(|| current.to_string());
    let plain = |d: &str| !d.contains('%');
    match term {
        Term::Redirect(d) if plain(d) => vec![(d.clone(), QType::Txt)],
        Term::Mechanism { mechanism, .. } => match mechanism {
            Mechanism::Include(d) if plain(d) => vec![(d.clone(), QType::Txt)],
            Mechanism::A(d) if plain(&target(d)) => {
                vec![(target(d), QType::A), (target(d), QType::Aaaa)]
            }
            Mechanism::Mx(d) if plain(&target(d)) => vec![(target(d), QType::Mx)],
            Mechanism::Exists(d) if plain(d) => vec![(d.clone(), QType::A)],
            _ => Vec::new(),
        },
        _ => Vec::new(),
    }
}

/// A resolved SPF graph.
#[derive(Debug, Clone, Default)]
pub struct SpfTree {
    answers: HashMap<(String, QType), Answer>,
}

impl SpfTree {
    /// Resolves the policies of `roots`, whose TXT answers are already in
    /// `known` (with anything else already asked), following includes and
    /// redirects one level per round trip.
    pub async fn resolve(
        dns: &Dns,
        roots: &[String],
        known: &HashMap<(String, QType), Answer>,
    ) -> SpfTree {
        let mut tree = SpfTree {
            answers: known.clone(),
        };
        let mut frontier: Vec<String> = roots.iter().map(|r| normalise_name(r)).collect();
        let missing: Vec<(String, QType)> = frontier
            .iter()
            .map(|d| (d.clone(), QType::Txt))
            .filter(|q| !tree.answers.contains_key(q))
            .collect();
        if !missing.is_empty() {
            tree.answers.extend(dns.query_all(&missing).await);
        }
        let mut visited = HashSet::new();
        for _ in 0..MAX_DEPTH {
            frontier.retain(|d| visited.insert(d.clone()));
            if frontier.is_empty() {
                break;
            }
            let mut wanted = Vec::new();
            let mut next = Vec::new();
            for domain in &frontier {
                let Some(record) = tree.policy(domain).record().cloned() else {
                    continue;
                };
                for term in evaluated_terms(&record) {
                    for q in questions(term, domain) {
                        if q.1 == QType::Txt {
                            next.push(q.0.clone());
                        }
                        if !tree.answers.contains_key(&q) {
                            wanted.push(q);
                        }
                    }
                }
            }
            if !wanted.is_empty() {
                tree.answers.extend(dns.query_all(&wanted).await);
            }
            frontier = next;
        }
        tree
    }

    /// Builds a tree from answers already at hand (for tests and offline use).
    pub fn from_answers(answers: HashMap<(String, QType), Answer>) -> SpfTree {
        SpfTree { answers }
    }

    /// Adds answers to questions asked beside the SPF graph.
    pub fn extend(&mut self, answers: HashMap<(String, QType), Answer>) {
        self.answers.extend(answers);
    }

    pub fn answer(&self, name: &str, qtype: QType) -> Option<&Answer> {
        self.answers.get(&(normalise_name(name), qtype))
    }

    /// The policy at `domain`, as far as it was resolved.
    pub fn policy(&self, domain: &str) -> Policy {
        match self.answer(domain, QType::Txt) {
            Some(answer) => Policy::from_answer(answer),
            None => Policy::Failed(Failure {
                reason: "not-resolved",
                detail: String::new(),
            }),
        }
    }

    /// Counts the DNS-querying terms, void lookups and MX names of the policy
    /// at `root`, recursively, along the paths evaluation can take.
    pub fn count_lookups(&self, root: &str) -> LookupCount {
        let mut count = LookupCount::default();
        let mut stack = Vec::new();
        self.count_in(&normalise_name(root), &mut stack, &mut count);
        count
    }

    fn count_in(&self, domain: &str, stack: &mut Vec<String>, count: &mut LookupCount) {
        if stack.iter().any(|d| d == domain) {
            count.loops.push(domain.to_string());
            return;
        }
        if stack.len() >= MAX_DEPTH {
            return;
        }
        let policy = self.policy(domain);
        let Some(record) = policy.record() else {
            if !stack.is_empty() {
                count.nested.push((domain.to_string(), policy.clone()));
            }
            if let Policy::Failed(f) = policy {
                count.failures.push((domain.to_string(), QType::Txt, f));
            }
            return;
        };
        stack.push(domain.to_string());
        for term in evaluated_terms(record) {
            let (queries_dns, follow) = match term {
                Term::Redirect(d) => (true, Some(d)),
                Term::Mechanism { mechanism, .. } => match mechanism {
                    Mechanism::Include(d) => (true, Some(d)),
                    m => (m.queries_dns(), None),
                },
                _ => (false, None),
            };
            if !queries_dns {
                continue;
            }
            count.terms += 1;
            let qs = questions(term, domain);
            let answers: Vec<(&(String, QType), Option<&Answer>)> =
                qs.iter().map(|q| (q, self.answers.get(q))).collect();
            for (q, answer) in &answers {
                if let Some(Answer::Failed(f)) = answer {
                    count.failures.push((q.0.clone(), q.1, f.clone()));
                }
            }
            let known: Vec<&Answer> = answers.iter().filter_map(|(_, a)| *a).collect();
            if !known.is_empty()
                && known.len() == answers.len()
                && known.iter().all(|a| a.is_void())
            {
                count.voids += 1;
            }
            if let Term::Mechanism {
                mechanism: Mechanism::Mx(_),
                ..
            } = term
                && let Some(Some(answer)) = answers.first().map(|(_, a)| a)
            {
                let names = answer.mx().len();
                if names > 10 {
                    count.mx_over_limit.push((qs[0].0.clone(), names));
                }
            }
            if let Some(target) = follow
                && !target.contains('%')
            {
                self.count_in(target, stack, count);
            }
        }
        stack.pop();
    }

    /// The policy's result for mail from `ip` (RFC 7208 §4.6), as far as it
    /// can be known without the sender's name: `a`, `mx`, `ptr` and `exists`
    /// terms are taken as not matching.
    pub fn evaluate(&self, root: &str, ip: IpAddr) -> Evaluation {
        self.evaluate_in(&normalise_name(root), &Probe::Ip(ip), 0)
    }

    /// The policy's result for mail from a sender known only as "a server
    /// that `include`'s policy authorises": `include:<include>` matches,
    /// address terms do not.
    pub fn evaluate_for_include(&self, root: &str, include: &str) -> Evaluation {
        self.evaluate_in(
            &normalise_name(root),
            &Probe::Include(normalise_name(include)),
            0,
        )
    }

    fn evaluate_in(&self, domain: &str, probe: &Probe, depth: usize) -> Evaluation {
        if depth > MAX_DEPTH {
            return Evaluation::PermError;
        }
        let record = match self.policy(domain) {
            Policy::Record { record, .. } => record,
            Policy::Failed(_) => return Evaluation::TempError,
            Policy::None { .. } => return Evaluation::None,
            Policy::Invalid { .. } | Policy::Multiple(_) => return Evaluation::PermError,
        };
        for term in evaluated_terms(&record) {
            let (qualifier, matched) = match term {
                Term::Mechanism {
                    qualifier,
                    mechanism,
                    ..
                } => {
                    let matched = match mechanism {
                        Mechanism::All => true,
                        Mechanism::Ip4(addr, prefix) => probe.within(IpAddr::V4(*addr), *prefix),
                        Mechanism::Ip6(addr, prefix) => probe.within(IpAddr::V6(*addr), *prefix),
                        Mechanism::Include(target) if probe.is_include(target) => true,
                        Mechanism::Include(target) => {
                            match self.evaluate_in(target, probe, depth + 1) {
                                Evaluation::Pass => true,
                                Evaluation::Fail | Evaluation::SoftFail | Evaluation::Neutral => {
                                    false
                                }
                                // RFC 7208 §5.2: a missing include target is a permerror.
                                Evaluation::None | Evaluation::PermError => {
                                    return Evaluation::PermError;
                                }
                                Evaluation::TempError => return Evaluation::TempError,
                            }
                        }
                        Mechanism::A(_)
                        | Mechanism::Mx(_)
                        | Mechanism::Ptr(_)
                        | Mechanism::Exists(_) => false,
                    };
                    (*qualifier, matched)
                }
                // Applies only once no mechanism matched (RFC 7208 §6.1),
                // wherever it is written.
                Term::Redirect(_) => continue,
                _ => continue,
            };
            if matched {
                return match qualifier {
                    Qualifier::Pass => Evaluation::Pass,
                    Qualifier::Fail => Evaluation::Fail,
                    Qualifier::SoftFail => Evaluation::SoftFail,
                    Qualifier::Neutral => Evaluation::Neutral,
                };
            }
        }
        // `evaluated_terms` keeps the redirect only when there is no `all`.
        let redirect = evaluated_terms(&record).find_map(|t| match t {
            Term::Redirect(target) => Some(target.clone()),
            _ => None,
        });
        match redirect {
            Some(target) => match self.evaluate_in(&target, probe, depth + 1) {
                Evaluation::None => Evaluation::PermError,
                other => other,
            },
            None => Evaluation::Neutral,
        }
    }

    /// The results of `root`'s policy for the servers that `include`'s
    /// policy authorises: one per address range it lists, or, when it lists
    /// none, one for "a server of `include`".
    pub fn evaluate_sender(&self, root: &str, include: &str) -> Vec<Evaluation> {
        let networks = self.authorised_networks(include);
        if networks.is_empty() {
            vec![self.evaluate_for_include(root, include)]
        } else {
            networks
                .iter()
                .map(|n| self.evaluate(root, n.network()))
                .collect()
        }
    }

    /// The address ranges the policy at `root` authorises with `+`, through
    /// includes and redirects: the networks a sender of that policy uses.
    pub fn authorised_networks(&self, root: &str) -> Vec<IpNet> {
        let mut nets = Vec::new();
        self.collect_networks(&normalise_name(root), 0, &mut nets);
        nets.sort();
        nets.dedup();
        nets
    }

    fn collect_networks(&self, domain: &str, depth: usize, nets: &mut Vec<IpNet>) {
        if depth > MAX_DEPTH {
            return;
        }
        let Some(record) = self.policy(domain).record().cloned() else {
            return;
        };
        for term in evaluated_terms(&record) {
            match term {
                Term::Mechanism {
                    qualifier: Qualifier::Pass,
                    mechanism,
                    ..
                } => match mechanism {
                    Mechanism::Ip4(addr, prefix) => {
                        if let Ok(n) = IpNet::new(IpAddr::V4(*addr), *prefix) {
                            nets.push(n.trunc());
                        }
                    }
                    Mechanism::Ip6(addr, prefix) => {
                        if let Ok(n) = IpNet::new(IpAddr::V6(*addr), *prefix) {
                            nets.push(n.trunc());
                        }
                    }
                    Mechanism::Include(target) => self.collect_networks(target, depth + 1, nets),
                    _ => {}
                },
                Term::Redirect(target) => self.collect_networks(target, depth + 1, nets),
                _ => {}
            }
        }
    }
}

/// Who is sending, for an evaluation.
enum Probe {
    Ip(IpAddr),
    /// Any server the named include authorises.
    Include(String),
}

impl Probe {
    fn within(&self, addr: IpAddr, prefix: u8) -> bool {
        match self {
            Probe::Ip(ip) => IpNet::new(addr, prefix).is_ok_and(|n| n.contains(ip)),
            Probe::Include(_) => false,
        }
    }

    fn is_include(&self, target: &str) -> bool {
        matches!(self, Probe::Include(i) if i == target)
    }
}

/// The result of evaluating a policy for one address.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Evaluation {
    Pass,
    Fail,
    SoftFail,
    Neutral,
    None,
    PermError,
    TempError,
}

/// What [`SpfTree::count_lookups`] found.
#[derive(Debug, Clone, Default)]
pub struct LookupCount {
    /// DNS-querying terms (include, a, mx, ptr, exists, redirect).
    pub terms: usize,
    /// Queries that returned no record or NXDOMAIN.
    pub voids: usize,
    /// `mx` terms whose MX set has more than 10 names: (name, count).
    pub mx_over_limit: Vec<(String, usize)>,
    /// Include or redirect targets without a usable policy.
    pub nested: Vec<(String, Policy)>,
    /// Domains met twice on one path.
    pub loops: Vec<String>,
    /// Questions that got no answer.
    pub failures: Vec<(String, QType, Failure)>,
}

//! `check_host()` (RFC 7208 §4): the result a receiver reaches for mail
//! from one address, asking DNS live as a receiver does.
//!
//! The work is bounded three ways: the limits of §4.6.4 (10 terms that
//! query DNS, 2 void lookups, 10 MX names per `mx`, 10 PTR names), a depth
//! bound on includes and redirects, and the deadline of [`Dns`], after
//! which every lookup fails at once and the result is `temperror`.

use crate::check::Code;
use std::net::IpAddr;
use std::time::{SystemTime, UNIX_EPOCH};

use futures::future::{BoxFuture, FutureExt};
use ipnet::IpNet;

use super::macros::{self, MacroValues, Place};
use super::outcome::visible;
pub use super::outcome::{SpfOutcome, SpfQuery, SpfResult, TermAt};
use super::parse::{self, Mechanism, SpfRecord, Term, is_spf, parse_record};
use super::{MAX_LOOKUPS, MAX_MX_NAMES, MAX_PTR_NAMES, MAX_VOID_LOOKUPS};
use crate::check::Problem;
use crate::dns::{Answer, Dns, QType};
use crate::domain::normalise_name;

/// Longest name DNS carries, in bytes (RFC 7208 §7.3 shortens to it).
const MAX_NAME_BYTES: usize = 253;
/// Longest label, in bytes.
const MAX_LABEL_BYTES: usize = 63;
/// Longest explanation kept, in characters: it is shown, not parsed.
const MAX_EXPLANATION_CHARS: usize = 512;
/// Deepest chain of includes and redirects. Each link spends one of the
/// 10 lookups, so the limit stops a chain first; this bounds the recursion
/// on its own all the same.
const MAX_DEPTH: usize = MAX_LOOKUPS + 1;

/// Evaluates the policy of `query.domain` for mail from `query.ip`.
pub async fn check_host(dns: &Dns, query: &SpfQuery<'_>) -> SpfOutcome {
    let ip = unmapped(query.ip);
    let domain = normalise_name(query.domain);
    let (local, sender_domain) = split_sender(query.sender, &domain);
    let mut ev = Evaluator {
        dns,
        ip,
        sender: format!("{local}@{sender_domain}"),
        local,
        sender_domain,
        helo: query.helo.to_string(),
        now: SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or(0),
        lookups: 0,
        voids: 0,
        validated: None,
    };
    let verdict = ev.evaluate(domain.clone(), 0).await;
    let (result, decided_by, path, problem, exp) = match verdict {
        Ok(v) => (v.result, v.decided_by, v.path, v.problem, v.exp),
        Err(a) => (
            a.result,
            a.path.last().cloned(),
            a.path,
            Some(a.problem),
            None,
        ),
    };
    let explanation = match (result, exp) {
        (SpfResult::Fail, Some((at, spec))) => ev.explanation(&at, &spec).await,
        _ => None,
    };
    SpfOutcome {
        domain: visible(&domain),
        ip,
        sender: visible(&ev.sender),
        helo: visible(&ev.helo),
        result,
        decided_by,
        path,
        problem,
        lookups: ev.lookups,
        void_lookups: ev.voids,
        explanation,
    }
}

/// An IPv4-mapped IPv6 address is the IPv4 client it stands for (RFC 7208 §5).
fn unmapped(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(ip, IpAddr::V4),
        v4 => v4,
    }
}

/// The sender's local part and domain; `postmaster` stands for a missing
/// local part, and the checked domain for a missing sender (RFC 7208 §4.3).
fn split_sender(sender: &str, domain: &str) -> (String, String) {
    match sender.rsplit_once('@') {
        Some((local, d)) => {
            let local = if local.is_empty() {
                "postmaster"
            } else {
                local
            };
            (local.to_string(), d.to_string())
        }
        None if sender.is_empty() => ("postmaster".to_string(), domain.to_string()),
        None => ("postmaster".to_string(), sender.to_string()),
    }
}

/// Shortens an expanded name to what DNS carries by dropping labels on the
/// left (RFC 7208 §7.3); `None` when no name can be made of it.
fn fit_name(name: &str) -> Option<String> {
    let mut name = name.strip_suffix('.').unwrap_or(name);
    while name.len() > MAX_NAME_BYTES {
        name = name.split_once('.')?.1;
    }
    let fits = !name.is_empty()
        && name
            .split('.')
            .all(|l| !l.is_empty() && l.len() <= MAX_LABEL_BYTES);
    fits.then(|| name.to_string())
}

/// A domain `check_host()` can evaluate (RFC 7208 §4.3): a name of at least
/// two labels, not an address literal.
fn is_checkable(domain: &str) -> bool {
    fit_name(domain).is_some_and(|d| d.len() == domain.len())
        && domain.contains('.')
        && !domain.contains(['[', ']'])
        && domain.bytes().all(|b| (0x21..=0x7e).contains(&b))
}

/// Stops the evaluation with `permerror` or `temperror`.
struct Abort {
    result: SpfResult,
    problem: Problem,
    /// From the domain's record down to the term at fault.
    path: Vec<TermAt>,
}

impl Abort {
    fn perm(problem: Problem) -> Abort {
        Abort {
            result: SpfResult::PermError,
            problem,
            path: Vec::new(),
        }
    }

    fn temp(problem: Problem) -> Abort {
        Abort {
            result: SpfResult::TempError,
            problem,
            path: Vec::new(),
        }
    }

    /// The same stop, reached through `term`.
    fn at(mut self, term: &TermAt) -> Abort {
        self.path.insert(0, term.clone());
        self
    }
}

/// What one record's evaluation gives, short of an error.
struct Verdict {
    result: SpfResult,
    decided_by: Option<TermAt>,
    path: Vec<TermAt>,
    problem: Option<Problem>,
    /// The `exp=` that explains a `fail`: the domain whose record holds it,
    /// and its domain-spec.
    exp: Option<(String, String)>,
}

impl Verdict {
    fn none(problem: Problem) -> Verdict {
        Verdict {
            result: SpfResult::None,
            decided_by: None,
            path: Vec::new(),
            problem: Some(problem),
            exp: None,
        }
    }
}

struct Evaluator<'a> {
    dns: &'a Dns,
    ip: IpAddr,
    sender: String,
    local: String,
    sender_domain: String,
    helo: String,
    now: u64,
    lookups: usize,
    voids: usize,
    /// The client's validated names (RFC 7208 §5.5), once looked up.
    validated: Option<Vec<String>>,
}

impl Evaluator<'_> {
    /// One record: its mechanisms in order, then its redirect.
    fn evaluate(&mut self, domain: String, depth: usize) -> BoxFuture<'_, Result<Verdict, Abort>> {
        async move {
            if depth > MAX_DEPTH {
                return Err(too_many_lookups());
            }
            if !is_checkable(&domain) {
                let problem = Problem::warn(Code::InvalidDomain).arg("domain", visible(&domain));
                return Ok(Verdict::none(problem));
            }
            let Some(record) = self.record(&domain).await? else {
                let problem = Problem::warn(Code::NoRecord).arg("domain", visible(&domain));
                return Ok(Verdict::none(problem));
            };
            for term in &record.terms {
                let Term::Mechanism {
                    qualifier,
                    mechanism,
                    text,
                } = term
                else {
                    continue;
                };
                let at = TermAt {
                    term: visible(text),
                    domain: visible(&domain),
                };
                let Some(inner) = self
                    .matches(mechanism, text, &domain, depth)
                    .await
                    .map_err(|a| a.at(&at))?
                else {
                    continue;
                };
                let result = SpfResult::from(*qualifier);
                let exp = explanation_spec(&record)
                    .filter(|_| result == SpfResult::Fail)
                    .map(|spec| (domain.clone(), spec));
                let mut path = vec![at.clone()];
                path.extend(inner);
                return Ok(Verdict {
                    result,
                    decided_by: Some(at),
                    path,
                    problem: None,
                    exp,
                });
            }
            match record.redirect() {
                Some(spec) => self.redirect(spec.to_string(), &domain, depth).await,
                None => Ok(Verdict {
                    result: SpfResult::Neutral,
                    decided_by: None,
                    path: Vec::new(),
                    problem: None,
                    exp: None,
                }),
            }
        }
        .boxed()
    }

    /// `redirect=`: the target's result replaces this record's (RFC 7208 §6.1).
    async fn redirect(
        &mut self,
        spec: String,
        domain: &str,
        depth: usize,
    ) -> Result<Verdict, Abort> {
        let at = TermAt {
            term: visible(&format!("redirect={spec}")),
            domain: visible(domain),
        };
        self.count_lookup().map_err(|a| a.at(&at))?;
        let Some(target) = self.target(Some(&spec), domain).await else {
            let problem = Problem::fail(Code::InvalidTarget).arg("term", at.term.clone());
            return Err(Abort::perm(problem).at(&at));
        };
        let mut inner = self
            .evaluate(target.clone(), depth + 1)
            .await
            .map_err(|a| a.at(&at))?;
        if inner.result == SpfResult::None {
            let problem = no_policy(&inner, "redirect-no-record", &target, &at.term);
            return Err(Abort::perm(problem).at(&at));
        }
        inner.path.insert(0, at);
        Ok(inner)
    }

    /// Whether a mechanism matches; when it does, the terms inside an
    /// include that made it match.
    async fn matches(
        &mut self,
        mechanism: &Mechanism,
        text: &str,
        domain: &str,
        depth: usize,
    ) -> Result<Option<Vec<TermAt>>, Abort> {
        let matched = |m: bool| m.then(Vec::new);
        match mechanism {
            Mechanism::All => Ok(Some(Vec::new())),
            Mechanism::Ip4(net, len) => Ok(matched(within(self.ip, IpAddr::V4(*net), *len))),
            Mechanism::Ip6(net, len) => Ok(matched(within(self.ip, IpAddr::V6(*net), *len))),
            Mechanism::Include(spec) => {
                self.count_lookup()?;
                let Some(target) = self.target(Some(spec), domain).await else {
                    let problem = Problem::fail(Code::InvalidTarget).arg("term", visible(text));
                    return Err(Abort::perm(problem));
                };
                let inner = self.evaluate(target.clone(), depth + 1).await?;
                match inner.result {
                    SpfResult::Pass => Ok(Some(inner.path)),
                    SpfResult::None => Err(Abort::perm(no_policy(
                        &inner,
                        "include-no-record",
                        &target,
                        &visible(text),
                    ))),
                    _ => Ok(None),
                }
            }
            Mechanism::A(spec) => {
                self.count_lookup()?;
                let Some(target) = self.target(spec.as_deref(), domain).await else {
                    return Ok(None);
                };
                let ips = self.addresses(&target, true).await?;
                Ok(matched(self.any_within(&ips, text)))
            }
            Mechanism::Mx(spec) => {
                self.count_lookup()?;
                let Some(target) = self.target(spec.as_deref(), domain).await else {
                    return Ok(None);
                };
                let answer = self.ask(&target, QType::Mx).await?;
                self.note_void(&answer)?;
                let hosts = answer.mx();
                if hosts.len() > MAX_MX_NAMES {
                    let problem = Problem::fail(Code::TooManyMxNames)
                        .arg("name", visible(&target))
                        .arg("count", hosts.len())
                        .arg("limit", MAX_MX_NAMES);
                    return Err(Abort::perm(problem));
                }
                for (_, host) in hosts {
                    // A null MX (`.`) names no host.
                    let Some(host) = fit_name(&host) else {
                        continue;
                    };
                    let ips = self.addresses(&host, false).await?;
                    if self.any_within(&ips, text) {
                        return Ok(Some(Vec::new()));
                    }
                }
                Ok(None)
            }
            Mechanism::Ptr(spec) => {
                self.count_lookup()?;
                let Some(target) = self.target(spec.as_deref(), domain).await else {
                    return Ok(None);
                };
                let names = self.validated_names().await;
                let suffix = format!(".{target}");
                Ok(matched(
                    names.iter().any(|n| *n == target || n.ends_with(&suffix)),
                ))
            }
            Mechanism::Exists(spec) => {
                self.count_lookup()?;
                let Some(target) = self.target(Some(spec), domain).await else {
                    return Ok(None);
                };
                // Always an A lookup, whatever the client's address family.
                let answer = self.ask(&target, QType::A).await?;
                self.note_void(&answer)?;
                Ok(matched(!answer.ips().is_empty()))
            }
        }
    }

    /// The one SPF record of `domain`, `None` when it has none.
    async fn record(&self, domain: &str) -> Result<Option<SpfRecord>, Abort> {
        let answer = self.ask(domain, QType::Txt).await?;
        let records: Vec<String> = answer
            .txt_joined()
            .into_iter()
            .filter(|t| is_spf(t))
            .collect();
        match records.as_slice() {
            [] => Ok(None),
            [one] => parse_record(one).map(Some).map_err(|e| {
                Abort::perm(
                    Problem::fail(Code::Syntax)
                        .arg("domain", visible(domain))
                        .arg("term", visible(e.term()))
                        .arg("reason", e.reason()),
                )
            }),
            many => Err(Abort::perm(
                Problem::fail(Code::MultipleRecords)
                    .arg("domain", visible(domain))
                    .arg("count", many.len()),
            )),
        }
    }

    /// One question; a lookup that gets no answer stops with `temperror`
    /// (RFC 7208 §5).
    async fn ask(&self, name: &str, qtype: QType) -> Result<Answer, Abort> {
        let answer = self.dns.query(name, qtype).await;
        match answer.failure() {
            Some(f) => Err(Abort::temp(
                Problem::unknown(Code::LookupFailed)
                    .arg("name", visible(name))
                    .arg("type", qtype.as_str())
                    .arg("reason", f.reason),
            )),
            None => Ok(answer),
        }
    }

    /// The addresses of `name` in the client's family.
    async fn addresses(&mut self, name: &str, count_void: bool) -> Result<Vec<IpAddr>, Abort> {
        let answer = self.ask(name, self.address_type()).await?;
        if count_void {
            self.note_void(&answer)?;
        }
        Ok(answer.ips())
    }

    fn address_type(&self) -> QType {
        match self.ip {
            IpAddr::V4(_) => QType::A,
            IpAddr::V6(_) => QType::Aaaa,
        }
    }

    /// Whether the client is within the term's prefix of any of `ips`.
    fn any_within(&self, ips: &[IpAddr], term: &str) -> bool {
        let (v4, v6) = parse::dual_cidr(term);
        ips.iter().any(|ip| {
            let len = if ip.is_ipv4() { v4 } else { v6 };
            within(self.ip, *ip, len)
        })
    }

    /// Counts one term that queries DNS; the eleventh is a `permerror`.
    fn count_lookup(&mut self) -> Result<(), Abort> {
        self.lookups += 1;
        if self.lookups > MAX_LOOKUPS {
            return Err(too_many_lookups());
        }
        Ok(())
    }

    /// Counts a lookup that found nothing; the third is a `permerror`.
    fn note_void(&mut self, answer: &Answer) -> Result<(), Abort> {
        if answer.is_void() {
            self.voids += 1;
            if self.voids > MAX_VOID_LOOKUPS {
                return Err(Abort::perm(
                    Problem::fail(Code::TooManyVoidLookups).arg("limit", MAX_VOID_LOOKUPS),
                ));
            }
        }
        Ok(())
    }

    /// The name a term asks about: its domain-spec expanded, or the current
    /// domain. `None` when the expansion makes no usable name.
    async fn target(&mut self, spec: Option<&str>, domain: &str) -> Option<String> {
        let Some(spec) = spec else {
            return Some(domain.to_string());
        };
        let p = if macros::uses_validated_name(spec) {
            self.validated_name(domain).await
        } else {
            None
        };
        let expanded =
            macros::expand(spec, &self.values(domain, p.as_deref()), Place::Name).ok()?;
        fit_name(&expanded.to_ascii_lowercase())
    }

    fn values<'s>(&'s self, domain: &'s str, p: Option<&'s str>) -> MacroValues<'s> {
        MacroValues {
            sender: &self.sender,
            local: &self.local,
            sender_domain: &self.sender_domain,
            domain,
            ip: self.ip,
            helo: &self.helo,
            validated_name: p,
            receiver: "unknown",
            now: self.now,
        }
    }

    /// The client's names whose addresses include it (RFC 7208 §5.5): at
    /// most 10 names of the reverse lookup are tried, and a lookup that
    /// fails only drops its name.
    async fn validated_names(&mut self) -> Vec<String> {
        if let Some(names) = &self.validated {
            return names.clone();
        }
        let reverse = macros::reverse_name(self.ip);
        let mut names = self.dns.query(&reverse, QType::Ptr).await.ptr();
        names.truncate(MAX_PTR_NAMES);
        let mut validated = Vec::new();
        for name in names {
            let Some(name) = fit_name(&name) else {
                continue;
            };
            let answer = self.dns.query(&name, self.address_type()).await;
            if answer.ips().contains(&self.ip) {
                validated.push(name);
            }
        }
        self.validated = Some(validated.clone());
        validated
    }

    /// `%{p}`: the validated name that is `domain`, else one inside it, else
    /// any (RFC 7208 §7.3); `None` stands for "unknown".
    async fn validated_name(&mut self, domain: &str) -> Option<String> {
        let names = self.validated_names().await;
        let inside = format!(".{domain}");
        names
            .iter()
            .find(|n| *n == domain)
            .or_else(|| names.iter().find(|n| n.ends_with(&inside)))
            .or_else(|| names.first())
            .cloned()
    }

    /// The explanation of a `fail` (RFC 7208 §6.2). Whatever goes wrong
    /// fetching or expanding it means no explanation, never another result;
    /// its lookup is not counted.
    async fn explanation(&mut self, domain: &str, spec: &str) -> Option<String> {
        let target = self.target(Some(spec), domain).await?;
        let texts = self.dns.query(&target, QType::Txt).await.txt_joined();
        let [text] = texts.as_slice() else {
            return None;
        };
        let p = if macros::uses_validated_name(text) {
            self.validated_name(domain).await
        } else {
            None
        };
        let expanded =
            macros::expand(text, &self.values(domain, p.as_deref()), Place::Explanation).ok()?;
        let shown: String = expanded.chars().take(MAX_EXPLANATION_CHARS).collect();
        Some(visible(&shown))
    }
}

/// Why an include or redirect that leads to no policy is a `permerror`:
/// its target is not a domain, or has no record (`code`).
fn no_policy(inner: &Verdict, code: &'static str, target: &str, term: &str) -> Problem {
    match &inner.problem {
        Some(p) if p.code == "invalid-domain" => {
            Problem::fail(Code::InvalidTarget).arg("term", term.to_string())
        }
        _ if code == "redirect-no-record" => {
            Problem::fail(Code::RedirectNoRecord).arg("domain", visible(target))
        }
        _ => Problem::fail(Code::IncludeNoRecord).arg("domain", visible(target)),
    }
}

fn too_many_lookups() -> Abort {
    Abort::perm(Problem::fail(Code::TooManyLookups).arg("limit", MAX_LOOKUPS))
}

/// The `exp=` domain-spec of a record.
fn explanation_spec(record: &SpfRecord) -> Option<String> {
    record.terms.iter().find_map(|t| match t {
        Term::Explanation(spec) => Some(spec.clone()),
        _ => None,
    })
}

/// Is `ip` within `net/len`? Addresses of different families never are.
fn within(ip: IpAddr, net: IpAddr, len: u8) -> bool {
    if ip.is_ipv4() != net.is_ipv4() {
        return false;
    }
    IpNet::new(net, len).is_ok_and(|n| n.contains(&ip))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_shortened_from_the_left() {
        let long = format!("{}.{}", vec!["abcdefghi"; 30].join("."), "exemple.fr");
        assert!(long.len() > 253);
        let fitted = fit_name(&long).unwrap();
        assert!(fitted.len() <= 253 && fitted.ends_with(".exemple.fr"));
        assert!(long.ends_with(&fitted));
        assert_eq!(fit_name("mail.exemple.fr."), Some("mail.exemple.fr".into()));
        assert_eq!(fit_name("a..exemple.fr"), None);
        assert_eq!(fit_name(&format!("{}.fr", "x".repeat(64))), None);
        assert_eq!(fit_name(""), None);
    }

    #[test]
    fn checkable_domains() {
        assert!(is_checkable("exemple.fr"));
        assert!(!is_checkable("localhost"));
        assert!(!is_checkable("[192.0.2.1]"));
        assert!(!is_checkable("a..exemple.fr"));
        assert!(!is_checkable(&format!("{}.fr", "x".repeat(64))));
    }

    #[test]
    fn senders_without_local_part_are_postmaster() {
        let split = |s: &str| split_sender(s, "exemple.fr");
        assert_eq!(
            split("anne@exemple.fr"),
            ("anne".into(), "exemple.fr".into())
        );
        assert_eq!(
            split("@exemple.fr"),
            ("postmaster".into(), "exemple.fr".into())
        );
        assert_eq!(split(""), ("postmaster".into(), "exemple.fr".into()));
        assert_eq!(
            split("exemple.org"),
            ("postmaster".into(), "exemple.org".into())
        );
        assert_eq!(
            split("a b@c@exemple.fr"),
            ("a b@c".into(), "exemple.fr".into())
        );
    }

    #[test]
    fn ipv4_mapped_addresses_are_ipv4() {
        let mapped: IpAddr = "::ffff:192.0.2.1".parse().unwrap();
        assert_eq!(unmapped(mapped), "192.0.2.1".parse::<IpAddr>().unwrap());
        assert!(within(unmapped(mapped), "192.0.2.0".parse().unwrap(), 24));
        assert!(!within(
            "2001:db8::1".parse().unwrap(),
            "192.0.2.0".parse().unwrap(),
            0
        ));
    }
}

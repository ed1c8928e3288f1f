//! An SPF policy and everything it refers to, resolved with every question
//! of a round asked at once; then counted and evaluated without further DNS
//! traffic.
//!
//! Work is bounded whatever the zone: names are resolved in the order a
//! receiver evaluates them and only as far as a receiver would go (RFC 7208
//! §4.6.4: ten DNS-querying terms, two void lookups), every name's answer is
//! kept once, and a check asks at most [`MAX_QUERIES`] questions for SPF.

use std::collections::{BTreeSet, HashMap};
use std::net::IpAddr;

use ipnet::IpNet;

use super::addrset::AddrSet;
use super::parse::{Mechanism, Qualifier, SpfRecord, SpfSyntaxError, Term, is_spf, parse_record};
use super::{MAX_LOOKUPS, MAX_MX_NAMES, MAX_VOID_LOOKUPS};
use crate::dns::{Answer, Dns, Failure, QType};
use crate::domain::normalise_name;

/// Most questions one resolution asks. A receiver's evaluation asks at most
/// ten terms' worth per root (a term's `a` asks two); two roots are
/// resolved per check, and a round may ask a little ahead of the limit.
pub const MAX_QUERIES: usize = 160;
/// Most rounds of questions: each include or redirect level costs one, and
/// the lookup limit ends every path after ten.
const MAX_ROUNDS: usize = MAX_LOOKUPS + 2;
/// Most "not evaluated" terms listed when the lookup limit is passed.
const MAX_LISTED_BEYOND: usize = 8;

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

/// The mechanisms evaluation can reach, in order: up to and including the
/// first `all` (RFC 7208 §4.6.2).
fn evaluated_mechanisms(
    record: &SpfRecord,
) -> impl Iterator<Item = (&Term, Qualifier, &Mechanism)> {
    let mut done = false;
    record.terms.iter().filter_map(move |t| {
        if done {
            return None;
        }
        match t {
            Term::Mechanism {
                qualifier,
                mechanism,
                ..
            } => {
                done = matches!(mechanism, Mechanism::All);
                Some((t, *qualifier, mechanism))
            }
            _ => None,
        }
    })
}

/// The `redirect=` target, which applies once no mechanism matched and only
/// when the record has no `all` (RFC 7208 §6.1), wherever it is written.
fn effective_redirect(record: &SpfRecord) -> Option<&str> {
    if record.all().is_some() {
        None
    } else {
        record.redirect()
    }
}

fn has_macro(target: &str) -> bool {
    target.contains('%')
}

/// The questions a mechanism's evaluation asks, when its target has no macro.
fn questions(mechanism: &Mechanism, current: &str) -> Vec<(String, QType)> {
    let target = |d: &Option<String>| d.clone().unwrap_or_else(|| current.to_string());
    match mechanism {
        Mechanism::Include(d) if !has_macro(d) => vec![(d.clone(), QType::Txt)],
        Mechanism::A(d) if !has_macro(&target(d)) => {
            vec![(target(d), QType::A), (target(d), QType::Aaaa)]
        }
        Mechanism::Mx(d) if !has_macro(&target(d)) => vec![(target(d), QType::Mx)],
        Mechanism::Exists(d) if !has_macro(d) => vec![(d.clone(), QType::A)],
        _ => Vec::new(),
    }
}

/// A resolved SPF graph.
#[derive(Debug, Clone, Default)]
pub struct SpfTree {
    answers: HashMap<(String, QType), Answer>,
}

impl SpfTree {
    /// Resolves the policies of `roots`, with anything already asked in
    /// `known`, in rounds: each round asks at once every question that the
    /// evaluations met and could not answer, as far as a receiver would go.
    pub async fn resolve(
        dns: &Dns,
        roots: &[String],
        known: &HashMap<(String, QType), Answer>,
    ) -> SpfTree {
        let mut tree = SpfTree {
            answers: known.clone(),
        };
        let mut asked = 0;
        for _ in 0..MAX_ROUNDS {
            let mut wanted = BTreeSet::new();
            for root in roots {
                wanted.extend(tree.count_lookups(root).missing);
            }
            if wanted.is_empty() || asked >= MAX_QUERIES {
                break;
            }
            let round: Vec<(String, QType)> =
                wanted.into_iter().take(MAX_QUERIES - asked).collect();
            asked += round.len();
            tree.answers.extend(dns.query_all(&round).await);
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
            None => Policy::Failed(not_resolved()),
        }
    }

    /// Counts the DNS-querying terms, void lookups and MX names of the policy
    /// at `root` the way a receiver does for a server that no term matches
    /// (the longest evaluation): in evaluation order, stopping at the limits.
    pub fn count_lookups(&self, root: &str) -> LookupCount {
        let mut count = LookupCount::default();
        let mut stack = Vec::new();
        self.count_in(&normalise_name(root), &mut stack, &mut count);
        count
    }

    fn count_in(&self, domain: &str, stack: &mut Vec<String>, count: &mut LookupCount) {
        let Some(answer) = self.answer(domain, QType::Txt) else {
            count.missing.push((domain.to_string(), QType::Txt));
            return;
        };
        let policy = Policy::from_answer(answer);
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
        let redirect = effective_redirect(record).map(|target| {
            (
                Term::Redirect(target.to_string()),
                Mechanism::Include(target.to_string()),
            )
        });
        let terms = evaluated_mechanisms(record)
            .map(|(term, _, mechanism)| (term, mechanism))
            .chain(redirect.iter().map(|(t, m)| (t, m)));
        for (term, mechanism) in terms {
            if !mechanism.queries_dns() {
                continue;
            }
            if count.stopped() {
                if count.beyond.len() < MAX_LISTED_BEYOND {
                    count.beyond.push(term.text());
                } else {
                    count.beyond_more += 1;
                }
                continue;
            }
            count.terms += 1;
            if count.terms > MAX_LOOKUPS {
                count.over_limit_at = Some((domain.to_string(), term.text()));
                continue;
            }
            let qs = questions(mechanism, domain);
            let mut known = Vec::new();
            for q in &qs {
                match self.answers.get(q) {
                    None => count.missing.push(q.clone()),
                    Some(Answer::Failed(f)) => {
                        count.failures.push((q.0.clone(), q.1, f.clone()));
                        known.push(false);
                    }
                    Some(a) => known.push(a.is_void()),
                }
            }
            if !known.is_empty() && known.len() == qs.len() && known.iter().all(|v| *v) {
                count.voids += 1;
                if count.voids > MAX_VOID_LOOKUPS && count.void_limit_at.is_none() {
                    count.void_limit_at = Some((domain.to_string(), term.text()));
                }
            }
            if let Mechanism::Mx(_) = mechanism
                && let Some(answer) = qs.first().and_then(|q| self.answers.get(q))
            {
                let names = answer.mx().len();
                if names > MAX_MX_NAMES {
                    count.mx_over_limit.push((qs[0].0.clone(), names));
                }
            }
            if let Mechanism::Include(target) = mechanism
                && !has_macro(target)
            {
                let target = normalise_name(target);
                if stack.contains(&target) {
                    if !count.loops.contains(&target) {
                        count.loops.push(target);
                    }
                } else {
                    self.count_in(&target, stack, count);
                }
            }
        }
        stack.pop();
    }

    /// What the policy at `root` gives each address of `senders`.
    pub fn evaluate_set(&self, root: &str, senders: &AddrSet) -> SetEvaluation {
        let mut ctx = Ctx::default();
        let parts = self.eval_in(&normalise_name(root), senders.clone(), true, &mut ctx);
        ctx.finish(parts)
    }

    /// The policy's result for mail from `ip`, as far as it can be known
    /// without the sender's name: `a`, `mx`, `ptr` and `exists` terms are
    /// taken as not matching.
    pub fn evaluate(&self, root: &str, ip: IpAddr) -> Evaluation {
        let single = AddrSet::from_net(IpNet::from(ip));
        self.evaluate_set(root, &single).single_result()
    }

    /// The addresses the policy at `root` authorises (`pass`), through its
    /// includes and redirects, as a receiver evaluates it.
    pub fn authorised_set(&self, root: &str) -> AddrSet {
        self.evaluate_set(root, &AddrSet::everything()).pass
    }

    /// The address ranges the policy at `root` authorises: the networks a
    /// sender of that policy uses, as CIDR blocks (at most 4096 listed).
    pub fn authorised_networks(&self, root: &str) -> Vec<IpNet> {
        self.authorised_set(root).to_nets(4096).0
    }

    /// The verdict of `root`'s policy on the servers that `include`'s policy
    /// authorises: every address of every range, or, when `include` lists no
    /// range, a server known only as "authorised by `include`".
    pub fn evaluate_gateway(&self, root: &str, include: &str) -> GatewayVerdict {
        let ranges = self.authorised_set(include);
        let root = normalise_name(root);
        if ranges.is_empty() {
            // A stand-in sender that only `include:<include>` matches.
            let stand_in = AddrSet::from_net(IpNet::from(IpAddr::from([0u16; 8])));
            let mut ctx = Ctx {
                stand_in_include: Some(normalise_name(include)),
                ..Ctx::default()
            };
            let parts = self.eval_in(&root, stand_in.clone(), true, &mut ctx);
            let evaluation = ctx.finish(parts);
            GatewayVerdict {
                ranges: None,
                not_passing: stand_in.subtract(&evaluation.pass),
                evaluation,
            }
        } else {
            let evaluation = self.evaluate_set(&root, &ranges);
            GatewayVerdict {
                not_passing: ranges.subtract(&evaluation.pass),
                ranges: Some(ranges),
                evaluation,
            }
        }
    }

    fn eval_in(&self, domain: &str, senders: AddrSet, top: bool, ctx: &mut Ctx) -> Parts {
        let mut parts = Parts::default();
        let record = match self.policy(domain) {
            Policy::Record { record, .. } => record,
            Policy::Failed(f) => {
                ctx.failure(domain, QType::Txt, f);
                parts.temperror = senders;
                return parts;
            }
            Policy::None { .. } => {
                parts.none = senders;
                return parts;
            }
            Policy::Invalid { .. } | Policy::Multiple(_) => {
                parts.permerror = senders;
                return parts;
            }
        };
        let mut undecided = senders;
        for (term, qualifier, mechanism) in evaluated_mechanisms(&record) {
            if undecided.is_empty() {
                return parts;
            }
            if mechanism.queries_dns() && !ctx.count_lookup(domain, term) {
                parts.permerror.union(&undecided);
                return parts;
            }
            let matched = match mechanism {
                Mechanism::All => std::mem::take(&mut undecided),
                Mechanism::Ip4(addr, prefix) => {
                    self.take_net(&mut undecided, IpAddr::V4(*addr), *prefix)
                }
                Mechanism::Ip6(addr, prefix) => {
                    self.take_net(&mut undecided, IpAddr::V6(*addr), *prefix)
                }
                Mechanism::Include(target) if has_macro(target) => {
                    ctx.depends_on_sender(domain, term);
                    parts.uncertain.union(&undecided);
                    return parts;
                }
                Mechanism::Include(target)
                    if ctx.stand_in_include.as_deref() == Some(normalise_name(target).as_str()) =>
                {
                    std::mem::take(&mut undecided)
                }
                Mechanism::Include(target) => {
                    let target = normalise_name(target);
                    if self
                        .answer(&target, QType::Txt)
                        .is_some_and(Answer::is_void)
                        && !ctx.count_void(domain, term)
                    {
                        parts.permerror.union(&undecided);
                        return parts;
                    }
                    let sub = self.eval_in(&target, std::mem::take(&mut undecided), false, ctx);
                    // RFC 7208 §5.2: an include without a policy is a permerror.
                    parts.permerror.union(&sub.permerror);
                    parts.permerror.union(&sub.none);
                    parts.temperror.union(&sub.temperror);
                    parts.uncertain.union(&sub.uncertain);
                    undecided = sub.fail;
                    undecided.union(&sub.softfail);
                    undecided.union(&sub.neutral);
                    if ctx.halted {
                        parts.permerror.union(&undecided);
                        return parts;
                    }
                    sub.pass
                }
                Mechanism::A(_) | Mechanism::Mx(_) | Mechanism::Ptr(_) | Mechanism::Exists(_) => {
                    match self.lookup_outcome(mechanism, domain) {
                        LookupOutcome::Failed(name, qtype, f) => {
                            ctx.failure(&name, qtype, f);
                            parts.temperror.union(&undecided);
                            return parts;
                        }
                        LookupOutcome::Void if !ctx.count_void(domain, term) => {
                            parts.permerror.union(&undecided);
                            return parts;
                        }
                        _ => {}
                    }
                    // Whether it matches depends on the sender or on further
                    // DNS data: taken as not matching, and named when a match
                    // would not authorise.
                    if qualifier != Qualifier::Pass {
                        ctx.could_block(domain, term);
                    }
                    AddrSet::empty()
                }
            };
            if !matched.is_empty() {
                if top {
                    ctx.decided
                        .push((term.text(), result_of(qualifier), matched.clone()));
                }
                parts.slot(result_of(qualifier)).union(&matched);
            }
        }
        if undecided.is_empty() {
            return parts;
        }
        let Some(target) = effective_redirect(&record).map(str::to_string) else {
            parts.neutral.union(&undecided);
            return parts;
        };
        let redirect = Term::Redirect(target.clone());
        if !ctx.count_lookup(domain, &redirect) {
            parts.permerror.union(&undecided);
            return parts;
        }
        if has_macro(&target) {
            ctx.depends_on_sender(domain, &redirect);
            parts.uncertain.union(&undecided);
            return parts;
        }
        let sub = self.eval_in(&normalise_name(&target), undecided, false, ctx);
        // RFC 7208 §6.1: a redirect to a name without a policy is a permerror.
        let mut sub = sub;
        let none = std::mem::take(&mut sub.none);
        sub.permerror.union(&none);
        parts.merge(sub);
        parts
    }

    fn take_net(&self, undecided: &mut AddrSet, addr: IpAddr, prefix: u8) -> AddrSet {
        match IpNet::new(addr, prefix) {
            Ok(net) => {
                let net = net.trunc();
                let matched = undecided.within_net(net);
                *undecided = undecided.without_net(net);
                matched
            }
            Err(_) => AddrSet::empty(),
        }
    }

    fn lookup_outcome(&self, mechanism: &Mechanism, domain: &str) -> LookupOutcome {
        let qs = questions(mechanism, domain);
        if qs.is_empty() {
            return LookupOutcome::Unknown;
        }
        let mut voids = 0;
        for q in &qs {
            match self.answers.get(q) {
                None => return LookupOutcome::Failed(q.0.clone(), q.1, not_resolved()),
                Some(Answer::Failed(f)) => {
                    return LookupOutcome::Failed(q.0.clone(), q.1, f.clone());
                }
                Some(a) if a.is_void() => voids += 1,
                Some(_) => {}
            }
        }
        if voids == qs.len() {
            LookupOutcome::Void
        } else {
            LookupOutcome::Found
        }
    }
}

fn not_resolved() -> Failure {
    Failure {
        reason: "not-resolved",
        detail: String::new(),
    }
}

enum LookupOutcome {
    Found,
    Void,
    /// Not known without the sender (macros, `ptr`).
    Unknown,
    Failed(String, QType, Failure),
}

fn result_of(qualifier: Qualifier) -> Evaluation {
    match qualifier {
        Qualifier::Pass => Evaluation::Pass,
        Qualifier::Fail => Evaluation::Fail,
        Qualifier::SoftFail => Evaluation::SoftFail,
        Qualifier::Neutral => Evaluation::Neutral,
    }
}

/// The addresses given each result, during an evaluation.
#[derive(Debug, Default)]
struct Parts {
    pass: AddrSet,
    fail: AddrSet,
    softfail: AddrSet,
    neutral: AddrSet,
    none: AddrSet,
    permerror: AddrSet,
    temperror: AddrSet,
    uncertain: AddrSet,
}

impl Parts {
    fn slot(&mut self, result: Evaluation) -> &mut AddrSet {
        match result {
            Evaluation::Pass => &mut self.pass,
            Evaluation::Fail => &mut self.fail,
            Evaluation::SoftFail => &mut self.softfail,
            Evaluation::Neutral => &mut self.neutral,
            Evaluation::None => &mut self.none,
            Evaluation::PermError => &mut self.permerror,
            Evaluation::TempError => &mut self.temperror,
        }
    }

    fn merge(&mut self, other: Parts) {
        self.pass.union(&other.pass);
        self.fail.union(&other.fail);
        self.softfail.union(&other.softfail);
        self.neutral.union(&other.neutral);
        self.none.union(&other.none);
        self.permerror.union(&other.permerror);
        self.temperror.union(&other.temperror);
        self.uncertain.union(&other.uncertain);
    }
}

/// What one evaluation counts and remembers across its includes.
#[derive(Debug, Default)]
struct Ctx {
    lookups: usize,
    voids: usize,
    halted: bool,
    limit: Option<LimitHit>,
    stand_in_include: Option<String>,
    decided: Vec<(String, Evaluation, AddrSet)>,
    could_block: Vec<(String, String)>,
    depends_on_sender: Option<(String, String)>,
    failures: Vec<(String, QType, Failure)>,
}

impl Ctx {
    /// Counts a DNS-querying term; false once past the limit, which ends
    /// the evaluation with a permerror.
    fn count_lookup(&mut self, domain: &str, term: &Term) -> bool {
        self.lookups += 1;
        if self.lookups > MAX_LOOKUPS {
            self.halt(LimitHit::Lookups {
                domain: domain.to_string(),
                term: term.text(),
            });
            return false;
        }
        true
    }

    fn count_void(&mut self, domain: &str, term: &Term) -> bool {
        self.voids += 1;
        if self.voids > MAX_VOID_LOOKUPS {
            self.halt(LimitHit::VoidLookups {
                domain: domain.to_string(),
                term: term.text(),
            });
            return false;
        }
        true
    }

    fn halt(&mut self, hit: LimitHit) {
        self.halted = true;
        self.limit.get_or_insert(hit);
    }

    fn could_block(&mut self, domain: &str, term: &Term) {
        let entry = (domain.to_string(), term.text());
        if !self.could_block.contains(&entry) && self.could_block.len() < MAX_LISTED_BEYOND {
            self.could_block.push(entry);
        }
    }

    fn depends_on_sender(&mut self, domain: &str, term: &Term) {
        self.depends_on_sender
            .get_or_insert((domain.to_string(), term.text()));
    }

    fn failure(&mut self, name: &str, qtype: QType, failure: Failure) {
        if self.failures.len() < MAX_LISTED_BEYOND {
            self.failures.push((name.to_string(), qtype, failure));
        }
    }

    fn finish(self, parts: Parts) -> SetEvaluation {
        SetEvaluation {
            pass: parts.pass,
            fail: parts.fail,
            softfail: parts.softfail,
            neutral: parts.neutral,
            none: parts.none,
            permerror: parts.permerror,
            temperror: parts.temperror,
            uncertain: parts.uncertain,
            lookups: self.lookups.min(MAX_LOOKUPS + 1),
            limit: self.limit,
            decided: self.decided,
            could_block: self.could_block,
            depends_on_sender: self.depends_on_sender,
            failures: self.failures,
        }
    }
}

/// A limit of RFC 7208 §4.6.4 that ended an evaluation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LimitHit {
    /// The eleventh DNS-querying term: `term`, in the record of `domain`.
    Lookups { domain: String, term: String },
    /// The third lookup that found nothing.
    VoidLookups { domain: String, term: String },
}

/// What a policy gives each address of a set.
#[derive(Debug, Clone, Default)]
pub struct SetEvaluation {
    pub pass: AddrSet,
    pub fail: AddrSet,
    pub softfail: AddrSet,
    pub neutral: AddrSet,
    pub none: AddrSet,
    pub permerror: AddrSet,
    pub temperror: AddrSet,
    /// Addresses whose result depends on the sender's name or on macros.
    pub uncertain: AddrSet,
    /// DNS-querying terms evaluated (at most one past the limit).
    pub lookups: usize,
    /// The limit that ended the evaluation, if one did.
    pub limit: Option<LimitHit>,
    /// The terms of the root record that decided, with what and for whom.
    pub decided: Vec<(String, Evaluation, AddrSet)>,
    /// Terms evaluated before a decision whose match depends on the sender
    /// or on other DNS data, and that would not authorise it: (domain, term).
    pub could_block: Vec<(String, String)>,
    /// The first term whose target is a macro: (domain, term).
    pub depends_on_sender: Option<(String, String)>,
    /// Questions that got no answer and decided a temperror.
    pub failures: Vec<(String, QType, Failure)>,
}

impl SetEvaluation {
    /// The result of an evaluation of one address.
    fn single_result(&self) -> Evaluation {
        [
            (&self.pass, Evaluation::Pass),
            (&self.fail, Evaluation::Fail),
            (&self.softfail, Evaluation::SoftFail),
            (&self.neutral, Evaluation::Neutral),
            (&self.none, Evaluation::None),
            (&self.permerror, Evaluation::PermError),
            (&self.temperror, Evaluation::TempError),
        ]
        .into_iter()
        .find(|(set, _)| !set.is_empty())
        .map(|(_, e)| e)
        .unwrap_or(Evaluation::TempError)
    }
}

/// The verdict on the gateway's servers.
#[derive(Debug, Clone)]
pub struct GatewayVerdict {
    /// The gateway's sending addresses; `None` when its policy lists none
    /// and a stand-in server authorised by its include was evaluated.
    pub ranges: Option<AddrSet>,
    /// The part of them that does not get `pass`.
    pub not_passing: AddrSet,
    pub evaluation: SetEvaluation,
}

impl GatewayVerdict {
    pub fn authorised(&self) -> bool {
        self.not_passing.is_empty()
    }
}

/// The result of evaluating a policy for one address (RFC 7208 §2.6).
pub use super::outcome::SpfResult as Evaluation;

/// What [`SpfTree::count_lookups`] found.
#[derive(Debug, Clone, Default)]
pub struct LookupCount {
    /// DNS-querying terms (include, a, mx, ptr, exists, redirect), counted
    /// up to one past the limit.
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
    /// The term past the lookup limit, and the domain whose record holds it.
    pub over_limit_at: Option<(String, String)>,
    /// The term past the void-lookup limit, and the domain whose record holds it.
    pub void_limit_at: Option<(String, String)>,
    /// DNS-querying terms a receiver never reaches because of the limit,
    /// as written (the first few), and how many more.
    pub beyond: Vec<String>,
    pub beyond_more: usize,
    /// Questions not asked yet (the graph is not fully resolved).
    pub missing: Vec<(String, QType)>,
}

impl LookupCount {
    fn stopped(&self) -> bool {
        self.over_limit_at.is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dns::Rec;

    fn txt(name: &str, text: &str) -> ((String, QType), Answer) {
        (
            (name.to_string(), QType::Txt),
            Answer::Records(vec![Rec::Txt(vec![text.as_bytes().to_vec()])]),
        )
    }

    fn tree(records: &[(&str, &str)]) -> SpfTree {
        SpfTree::from_answers(records.iter().map(|(n, t)| txt(n, t)).collect())
    }

    const GW: &str = "gw.test";
    const GW_POLICY: &str = "v=spf1 ip4:198.51.100.0/24 ip6:2001:db8:100::/48 -all";

    fn verdict(policy: &str) -> GatewayVerdict {
        tree(&[("d.test", policy), (GW, GW_POLICY)]).evaluate_gateway("d.test", GW)
    }

    fn listed(set: &AddrSet) -> Vec<String> {
        set.to_nets(20).0.iter().map(|n| n.to_string()).collect()
    }

    #[test]
    fn the_first_address_of_a_range_is_not_the_range() {
        let v = verdict("v=spf1 ip4:198.51.100.0 -all");
        assert!(!v.authorised());
        assert!(!v.not_passing.contains("198.51.100.0".parse().unwrap()));
        assert!(v.not_passing.contains("198.51.100.1".parse().unwrap()));
        let v = verdict("v=spf1 ip4:198.51.100.0/30 -all");
        assert_eq!(listed(&v.not_passing)[0], "198.51.100.4/30");
    }

    #[test]
    fn a_negative_term_before_the_include_takes_its_address() {
        let v = verdict("v=spf1 -ip4:198.51.100.7 include:gw.test -all");
        assert!(!v.authorised());
        assert_eq!(listed(&v.not_passing), ["198.51.100.7/32"]);
        assert!(v.evaluation.fail.contains("198.51.100.7".parse().unwrap()));
        assert_eq!(v.evaluation.decided[0].0, "-ip4:198.51.100.7");
    }

    #[test]
    fn sender_dependent_terms_before_the_include_are_named() {
        let v = verdict("v=spf1 -exists:%{i}.bl.test include:gw.test -all");
        assert!(
            v.authorised(),
            "taken as not matching, as the sender is unknown"
        );
        assert_eq!(v.evaluation.could_block.len(), 1);
        let mut t = tree(&[
            ("d.test", "v=spf1 ~a:other.test include:gw.test -all"),
            (GW, GW_POLICY),
        ]);
        t.extend(
            [
                (
                    ("other.test".to_string(), QType::A),
                    Answer::Records(vec![Rec::Ip("192.0.2.99".parse().unwrap())]),
                ),
                (("other.test".to_string(), QType::Aaaa), Answer::NoData),
            ]
            .into_iter()
            .collect(),
        );
        let v = t.evaluate_gateway("d.test", GW);
        assert_eq!(
            v.evaluation.could_block,
            [("d.test".to_string(), "~a:other.test".to_string())]
        );
        assert!(v.authorised(), "a warning, not a failure");
        // After the decision, nothing is named.
        let v = verdict("v=spf1 include:gw.test -a:other.test -all");
        assert!(v.authorised());
        assert!(v.evaluation.could_block.is_empty());
    }

    #[test]
    fn plus_all_in_an_include_authorises_everyone() {
        let t = tree(&[
            ("d.test", "v=spf1 include:open.test -all"),
            ("open.test", "v=spf1 +all"),
        ]);
        assert!(t.authorised_set("d.test").covers_a_whole_family());
        let t = tree(&[
            ("d.test", "v=spf1 redirect=open.test"),
            ("open.test", "v=spf1 ip4:0.0.0.0/1 ip4:128.0.0.0/1 -all"),
        ]);
        assert!(t.authorised_set("d.test").covers_a_whole_family());
    }

    #[test]
    fn lookups_stop_at_the_limit_and_name_what_is_beyond() {
        let mut records = vec![(
            "d.test".to_string(),
            format!(
                "v=spf1 {} -all",
                (0..14)
                    .map(|i| format!("include:i{i}.test"))
                    .collect::<Vec<_>>()
                    .join(" ")
            ),
        )];
        for i in 0..14 {
            records.push((
                format!("i{i}.test"),
                "v=spf1 ip4:192.0.2.1 -all".to_string(),
            ));
        }
        let refs: Vec<(&str, &str)> = records
            .iter()
            .map(|(a, b)| (a.as_str(), b.as_str()))
            .collect();
        let count = tree(&refs).count_lookups("d.test");
        assert_eq!(count.terms, MAX_LOOKUPS + 1);
        assert_eq!(
            count.over_limit_at,
            Some(("d.test".to_string(), "include:i10.test".to_string()))
        );
        assert_eq!(
            count.beyond,
            ["include:i11.test", "include:i12.test", "include:i13.test"]
        );
        assert!(count.missing.is_empty());
    }

    #[test]
    fn a_wide_deep_graph_is_bounded() {
        // Ten includes per name, twelve levels: each name once, and the
        // evaluation stops after ten lookups.
        let mut records = Vec::new();
        for level in 0..12 {
            for i in 0..10 {
                let name = format!("n{level}-{i}.test");
                let text = if level == 11 {
                    "v=spf1 -all".to_string()
                } else {
                    format!(
                        "v=spf1 {} -all",
                        (0..10)
                            .map(|j| format!("include:n{}-{j}.test", level + 1))
                            .collect::<Vec<_>>()
                            .join(" ")
                    )
                };
                records.push((name, text));
            }
        }
        records.push(("d.test".into(), "v=spf1 include:n0-0.test -all".into()));
        let refs: Vec<(&str, &str)> = records
            .iter()
            .map(|(a, b)| (a.as_str(), b.as_str()))
            .collect();
        let t = tree(&refs);
        let count = t.count_lookups("d.test");
        assert_eq!(count.terms, MAX_LOOKUPS + 1);
        let eval = t.evaluate_set("d.test", &AddrSet::everything());
        assert!(matches!(eval.limit, Some(LimitHit::Lookups { .. })));
        assert_eq!(eval.permerror, AddrSet::everything());
    }

    #[test]
    fn a_redirect_chain_is_too_many_lookups() {
        let mut records: Vec<(String, String)> = (0..15)
            .map(|i| {
                (
                    format!("r{i}.test"),
                    format!("v=spf1 redirect=r{}.test", i + 1),
                )
            })
            .collect();
        records.push(("r15.test".into(), "v=spf1 include:gw.test -all".into()));
        records.push((GW.into(), GW_POLICY.into()));
        let refs: Vec<(&str, &str)> = records
            .iter()
            .map(|(a, b)| (a.as_str(), b.as_str()))
            .collect();
        let v = tree(&refs).evaluate_gateway("r0.test", GW);
        assert!(!v.authorised());
        assert!(matches!(v.evaluation.limit, Some(LimitHit::Lookups { .. })));
    }

    #[test]
    fn void_lookups_past_two_end_in_permerror() {
        let t = SpfTree::from_answers(
            [
                txt(
                    "d.test",
                    "v=spf1 a:x1.test a:x2.test a:x3.test include:gw.test -all",
                ),
                txt(GW, GW_POLICY),
                (("x1.test".into(), QType::A), Answer::NxDomain),
                (("x1.test".into(), QType::Aaaa), Answer::NxDomain),
                (("x2.test".into(), QType::A), Answer::NoData),
                (("x2.test".into(), QType::Aaaa), Answer::NoData),
                (("x3.test".into(), QType::A), Answer::NxDomain),
                (("x3.test".into(), QType::Aaaa), Answer::NxDomain),
            ]
            .into_iter()
            .collect(),
        );
        let v = t.evaluate_gateway("d.test", GW);
        assert!(!v.authorised());
        assert!(matches!(
            v.evaluation.limit,
            Some(LimitHit::VoidLookups { .. })
        ));
        assert!(t.count_lookups("d.test").void_limit_at.is_some());
    }
}

//! `spf.record`, `spf.gateway`, `spf.lookups`, `spf.all`.

use super::gather::{CheckInput, Snapshot};
use super::model::{CheckId, CheckResult, Problem, Status};
use super::mx::lookup_failed;
use crate::check::Code;
use crate::dns::QType;
use crate::spf::{
    AddrSet, Evaluation, GatewayVerdict, LimitHit, MAX_LOOKUPS, MAX_VOID_LOOKUPS, Policy,
    Qualifier, SpfRecord, Term, is_spf, parse_record, unquote_spf,
};

/// The SPF texts published at the domain.
#[derive(Debug, Clone)]
pub struct SpfTexts {
    /// TXT values that start with `v=spf1`.
    pub records: Vec<String>,
    /// TXT values that would be SPF records but for literal quote marks.
    pub quoted: Vec<String>,
    /// The lookup failed.
    pub failure: Option<Problem>,
}

impl SpfTexts {
    pub fn of(input: &CheckInput, snap: &Snapshot) -> SpfTexts {
        let domain = input.domain.ascii();
        let answer = snap.get(domain, QType::Txt);
        let texts = answer.txt_joined();
        SpfTexts {
            records: texts.iter().filter(|t| is_spf(t)).cloned().collect(),
            quoted: texts
                .iter()
                .filter(|t| !is_spf(t) && unquote_spf(t).is_some())
                .cloned()
                .collect(),
            failure: lookup_failed(domain, QType::Txt, &answer),
        }
    }

    /// The one valid record, if there is exactly one.
    pub fn single(&self) -> Option<SpfRecord> {
        match self.records.as_slice() {
            [one] => parse_record(one).ok(),
            _ => None,
        }
    }

    /// Every text, the quoted ones included, as published.
    pub fn all_texts(&self) -> Vec<String> {
        self.records.iter().chain(&self.quoted).cloned().collect()
    }
}

fn no_record_problem(texts: &SpfTexts) -> Problem {
    texts
        .failure
        .clone()
        .unwrap_or_else(|| Problem::unknown(Code::NoRecord).arg("check", "spf.record"))
}

/// `spf.record`: exactly one valid SPF record.
pub fn spf_record(input: &CheckInput, snap: &Snapshot) -> CheckResult {
    let texts = SpfTexts::of(input, snap);
    let expected = vec![input.provider.spf.default_record.clone()];
    let found = texts.all_texts();
    if let Some(p) = &texts.failure {
        return CheckResult::new(CheckId::SpfRecord, found, expected, vec![p.clone()]);
    }
    let mut problems = Vec::new();
    for quoted in &texts.quoted {
        let severity = if texts.records.is_empty() {
            Status::Fail
        } else {
            Status::Warn
        };
        problems.push(Problem::new(Code::QuotedValue, severity).arg("value", quoted));
    }
    match texts.records.as_slice() {
        [] if texts.quoted.is_empty() => {
            problems.push(Problem::fail(Code::Missing).arg("name", input.domain.ascii()));
        }
        [] => {}
        [one] => match parse_record(one) {
            Err(e) => problems.push(
                Problem::fail(Code::Syntax)
                    .arg("term", e.term())
                    .arg("reason", e.reason()),
            ),
            Ok(_) => problems.extend(nested_problems(input, snap)),
        },
        several => problems.push(
            Problem::fail(Code::MultipleRecords)
                .arg("count", several.len())
                .arg("records", several.to_vec()),
        ),
    }
    CheckResult::new(CheckId::SpfRecord, found, expected, problems)
}

/// Includes and redirects that lead nowhere valid: permanent errors for
/// every receiver.
fn nested_problems(input: &CheckInput, snap: &Snapshot) -> Vec<Problem> {
    let count = snap.answers.count_lookups(input.domain.ascii());
    let mut problems = Vec::new();
    for (domain, policy) in &count.nested {
        let problem = match policy {
            Policy::None { .. } => Problem::fail(Code::IncludeNoRecord).arg("domain", domain),
            Policy::Multiple(records) => Problem::fail(Code::IncludeMultipleRecords)
                .arg("domain", domain)
                .arg("count", records.len()),
            Policy::Invalid { error, .. } => Problem::fail(Code::IncludeSyntax)
                .arg("domain", domain)
                .arg("term", error.term())
                .arg("reason", error.reason()),
            Policy::Record { .. } | Policy::Failed(_) => continue,
        };
        if !problems.contains(&problem) {
            problems.push(problem);
        }
    }
    for domain in &count.loops {
        problems.push(Problem::fail(Code::IncludeLoop).arg("domain", domain));
    }
    problems
}

/// Why the gateway is not authorised, for the explanation.
fn not_authorised_reason(record: Option<&SpfRecord>, include: &str) -> &'static str {
    let Some(record) = record else {
        return "no-record";
    };
    let mut past_all = false;
    for term in &record.terms {
        if let Term::Mechanism {
            qualifier,
            mechanism,
            ..
        } = term
        {
            match mechanism {
                crate::spf::Mechanism::All => past_all = true,
                crate::spf::Mechanism::Include(d) if d == include => {
                    return if past_all {
                        "after-all"
                    } else if *qualifier != Qualifier::Pass {
                        "qualifier"
                    } else {
                        "overridden"
                    };
                }
                _ => {}
            }
        }
    }
    "absent"
}

/// Most address ranges named in one problem.
const MAX_LISTED_RANGES: usize = 6;

/// The ranges of `set` as text, the first few, with a count of the rest.
fn ranges_arg(set: &AddrSet) -> Vec<String> {
    let (mut out, more) = set.describe(MAX_LISTED_RANGES);
    if more > 0 {
        out.push(format!("… (+{more})"));
    }
    out
}

fn lookup_failed_problem(name: &str, qtype: QType, reason: &'static str) -> Problem {
    Problem::unknown(Code::LookupFailed)
        .arg("name", name)
        .arg("type", qtype.as_str())
        .arg("reason", reason)
}

/// Why the gateway is not authorised, from the evaluation of its ranges.
fn gateway_problem(
    texts: &SpfTexts,
    include: &str,
    verdict: &GatewayVerdict,
    failures: &[(String, QType, crate::dns::Failure)],
) -> Problem {
    let eval = &verdict.evaluation;
    let missing = &verdict.not_passing;
    if !eval.temperror.intersect(missing).is_empty() {
        return match eval.failures.first().or(failures.first()) {
            Some((name, qtype, f)) => lookup_failed_problem(name, *qtype, f.reason),
            None => lookup_failed_problem(include, QType::Txt, "not-resolved"),
        };
    }
    if !eval.uncertain.intersect(missing).is_empty() {
        let term = eval
            .depends_on_sender
            .as_ref()
            .map(|(_, t)| t.clone())
            .unwrap_or_default();
        return Problem::unknown(Code::NotEvaluable)
            .arg("include", include)
            .arg("term", term);
    }
    let ranges = match &verdict.ranges {
        Some(_) => ranges_arg(missing),
        None => Vec::new(),
    };
    let limit_term = match &eval.limit {
        Some(LimitHit::Lookups { term, .. }) => Some(("lookup-limit", term.clone())),
        Some(LimitHit::VoidLookups { term, .. }) => Some(("void-limit", term.clone())),
        None => None,
    };
    let (reason, term) = match limit_term {
        Some((reason, term)) if !eval.permerror.intersect(missing).is_empty() => (reason, term),
        _ if !eval.permerror.intersect(missing).is_empty() => ("permerror", String::new()),
        _ => {
            let record = texts.single();
            let reason = match not_authorised_reason(record.as_ref(), include) {
                "no-record" if texts.records.len() > 1 => "multiple-records",
                "no-record" if !texts.records.is_empty() => "invalid-record",
                "absent" if !eval.pass.is_empty() && verdict.ranges.is_some() => "partial",
                other => other,
            };
            // The root record's term that decided against the gateway.
            let term = eval
                .decided
                .iter()
                .find(|(_, result, set)| {
                    *result != Evaluation::Pass && !set.intersect(missing).is_empty()
                })
                .map(|(t, _, _)| t.clone())
                .unwrap_or_default();
            (reason, term)
        }
    };
    Problem::fail(Code::GatewayNotAuthorised)
        .arg("include", include)
        .arg("reason", reason)
        .arg("term", term)
        .arg("limit", MAX_LOOKUPS)
        .arg("ranges_count", ranges.len())
        .arg("ranges", ranges)
}

/// `spf.gateway`: evaluating the domain's policy for every address of the
/// gateway's sending ranges gives `pass`.
pub fn spf_gateway(input: &CheckInput, snap: &Snapshot) -> CheckResult {
    let domain = input.domain.ascii();
    let include = input.provider.spf.include.as_str();
    let texts = SpfTexts::of(input, snap);
    let expected = vec![format!("include:{include}")];
    let found = texts.records.clone();
    if let Some(p) = &texts.failure {
        return CheckResult::new(CheckId::SpfGateway, found, expected, vec![p.clone()]);
    }
    if texts.records.is_empty() && !texts.quoted.is_empty() {
        // The record is there, saved with quote marks: `spf.record` says so,
        // and nothing here can be judged until it is corrected.
        return CheckResult::new(
            CheckId::SpfGateway,
            found,
            expected,
            vec![no_record_problem(&texts)],
        );
    }
    let tree = &snap.answers;
    let verdict = tree.evaluate_gateway(domain, include);
    if verdict.ranges.is_none()
        && let Policy::Failed(_) = tree.policy(include)
    {
        let p = lookup_failed(include, QType::Txt, &snap.get(include, QType::Txt));
        return CheckResult::new(
            CheckId::SpfGateway,
            found,
            expected,
            p.into_iter().collect(),
        );
    }
    let problems = if verdict.authorised() {
        verdict
            .evaluation
            .could_block
            .iter()
            .map(|(in_domain, term)| {
                Problem::warn(Code::CouldBlock)
                    .arg("term", term)
                    .arg("domain", in_domain)
                    .arg("include", include)
            })
            .collect()
    } else {
        let failures = tree.count_lookups(domain).failures;
        vec![gateway_problem(&texts, include, &verdict, &failures)]
    };
    let mut result = CheckResult::new(CheckId::SpfGateway, found, expected, problems);
    if let Some(ranges) = &verdict.ranges {
        result = result.detail("gateway_ranges", ranges.to_nets(usize::MAX).0.len());
    }
    result
}

/// `spf.lookups`: RFC 7208 §4.6.4 limits, counted recursively.
pub fn spf_lookups(input: &CheckInput, snap: &Snapshot) -> CheckResult {
    let domain = input.domain.ascii();
    let texts = SpfTexts::of(input, snap);
    let expected = vec![format!("≤ {MAX_LOOKUPS}")];
    if texts.single().is_none() {
        return CheckResult::new(
            CheckId::SpfLookups,
            Vec::new(),
            expected,
            vec![no_record_problem(&texts)],
        );
    }
    let count = snap.answers.count_lookups(domain);
    let mut problems: Vec<Problem> = Vec::new();
    for (name, qtype, f) in &count.failures {
        let p = Problem::unknown(Code::LookupFailed)
            .arg("name", name)
            .arg("type", qtype.as_str())
            .arg("reason", f.reason);
        if !problems.contains(&p) {
            problems.push(p);
        }
    }
    if let Some((in_domain, term)) = &count.over_limit_at {
        let mut beyond = count.beyond.clone();
        if count.beyond_more > 0 {
            beyond.push(format!("… (+{})", count.beyond_more));
        }
        problems.push(
            Problem::fail(Code::TooManyLookups)
                .arg("limit", MAX_LOOKUPS)
                .arg("term", term)
                .arg("domain", in_domain)
                .arg("beyond_count", beyond.len())
                .arg("beyond", beyond),
        );
    }
    if let Some((in_domain, term)) = &count.void_limit_at {
        problems.push(
            Problem::fail(Code::TooManyVoidLookups)
                .arg("count", count.voids)
                .arg("limit", MAX_VOID_LOOKUPS)
                .arg("term", term)
                .arg("domain", in_domain),
        );
    }
    for (name, names) in &count.mx_over_limit {
        problems.push(
            Problem::fail(Code::TooManyMxNames)
                .arg("name", name)
                .arg("count", *names)
                .arg("limit", crate::spf::MAX_MX_NAMES),
        );
    }
    CheckResult::new(
        CheckId::SpfLookups,
        vec![format!("{}", count.terms)],
        expected,
        problems,
    )
    .detail("lookups", count.terms)
    .detail("void_lookups", count.voids)
}

/// The `all` that ends evaluation: the record's, or that of the record a
/// `redirect=` leads to. `Err` names a redirect target that got no answer.
fn effective_all(snap: &Snapshot, record: &SpfRecord) -> Result<Option<Qualifier>, Problem> {
    let mut record = record.clone();
    for _ in 0..MAX_LOOKUPS {
        if let Some(q) = record.all() {
            return Ok(Some(q));
        }
        let Some(target) = record.redirect().map(str::to_string) else {
            return Ok(None);
        };
        record = match snap.answers.policy(&target) {
            Policy::Record { record, .. } => record,
            Policy::Failed(_) => {
                let answer = snap.get(&target, QType::Txt);
                return Err(
                    lookup_failed(&target, QType::Txt, &answer).unwrap_or_else(|| {
                        Problem::unknown(Code::LookupFailed)
                            .arg("name", target.as_str())
                            .arg("type", "TXT")
                            .arg("reason", "not-resolved")
                    }),
                );
            }
            _ => return Ok(None),
        };
    }
    // Still redirecting after as many redirects as lookups are allowed:
    // receivers stop with a permanent error before any `all`.
    Err(Problem::fail(Code::LookupLimit).arg("limit", MAX_LOOKUPS))
}

/// `spf.all`: `-all` passes; `~all`, `?all` or none warn; `+all` fails.
pub fn spf_all(input: &CheckInput, snap: &Snapshot) -> CheckResult {
    let texts = SpfTexts::of(input, snap);
    let expected = vec!["-all".to_string()];
    let Some(record) = texts.single() else {
        return CheckResult::new(
            CheckId::SpfAll,
            Vec::new(),
            expected,
            vec![no_record_problem(&texts)],
        );
    };
    let all = match effective_all(snap, &record) {
        Ok(all) => all,
        Err(p) => return CheckResult::new(CheckId::SpfAll, Vec::new(), expected, vec![p]),
    };
    let found = match all {
        Some(q) => vec![format!("{}all", q.prefix())],
        None => Vec::new(),
    };
    let everyone = snap
        .answers
        .evaluate_set(input.domain.ascii(), &AddrSet::everything());
    if all != Some(Qualifier::Pass) && everyone.pass.covers_a_whole_family() {
        let mut terms: Vec<String> = everyone
            .decided
            .iter()
            .filter(|(_, result, _)| *result == Evaluation::Pass)
            .map(|(t, _, _)| t.clone())
            .take(3)
            .collect();
        if terms.is_empty()
            && let Some(target) = record.redirect()
        {
            terms.push(format!("redirect={target}"));
        }
        return CheckResult::new(
            CheckId::SpfAll,
            found,
            expected,
            vec![Problem::fail(Code::EveryoneAuthorised).arg("terms", terms)],
        );
    }
    let problem = match all {
        Some(Qualifier::Fail) => None,
        Some(Qualifier::SoftFail) => Some(Problem::warn(Code::SoftAll)),
        Some(Qualifier::Neutral) => Some(Problem::warn(Code::NeutralAll)),
        Some(Qualifier::Pass) => Some(Problem::fail(Code::PlusAll)),
        None => Some(Problem::warn(Code::NoAll)),
    };
    CheckResult::new(
        CheckId::SpfAll,
        found,
        expected,
        problem.into_iter().collect(),
    )
}

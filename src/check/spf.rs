//! `spf.record`, `spf.gateway`, `spf.lookups`, `spf.all`.

use super::gather::{CheckInput, Snapshot};
use super::model::{CheckId, CheckResult, Problem, Status};
use super::mx::lookup_failed;
use crate::dns::QType;
use crate::spf::{
    Evaluation, MAX_LOOKUPS, MAX_VOID_LOOKUPS, Policy, Qualifier, SpfRecord, Term, is_spf,
    parse_record, unquote_spf,
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
        .unwrap_or_else(|| Problem::unknown("no-record").arg("check", "spf.record"))
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
        problems.push(Problem::new("quoted-value", severity).arg("value", quoted));
    }
    match texts.records.as_slice() {
        [] if texts.quoted.is_empty() => {
            problems.push(Problem::fail("missing").arg("name", input.domain.ascii()));
        }
        [] => {}
        [one] => match parse_record(one) {
            Err(e) => problems.push(
                Problem::fail("syntax")
                    .arg("term", e.term())
                    .arg("reason", e.reason()),
            ),
            Ok(_) => problems.extend(nested_problems(input, snap)),
        },
        several => problems.push(
            Problem::fail("multiple-records")
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
            Policy::None { .. } => Problem::fail("include-no-record").arg("domain", domain),
            Policy::Multiple(records) => Problem::fail("include-multiple-records")
                .arg("domain", domain)
                .arg("count", records.len()),
            Policy::Invalid { error, .. } => Problem::fail("include-syntax")
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
        problems.push(Problem::fail("include-loop").arg("domain", domain));
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

/// `spf.gateway`: evaluating the domain's policy for the gateway's servers
/// gives `pass`.
pub fn spf_gateway(input: &CheckInput, snap: &Snapshot) -> CheckResult {
    let domain = input.domain.ascii();
    let include = input.provider.spf.include.as_str();
    let texts = SpfTexts::of(input, snap);
    let expected = vec![format!("include:{include}")];
    let found = texts.records.clone();
    if let Some(p) = &texts.failure {
        return CheckResult::new(CheckId::SpfGateway, found, expected, vec![p.clone()]);
    }
    let tree = &snap.answers;
    let networks = tree.authorised_networks(include);
    if networks.is_empty()
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
    let results = tree.evaluate_sender(domain, include);
    let problems = if results.iter().all(|r| *r == Evaluation::Pass) {
        Vec::new()
    } else if results.contains(&Evaluation::TempError) {
        let failures = tree.count_lookups(domain).failures;
        let problem = match failures.first() {
            Some((name, qtype, f)) => Problem::unknown("lookup-failed")
                .arg("name", name)
                .arg("type", qtype.as_str())
                .arg("reason", f.reason),
            // No lookup failed: the policy depends on the sender (macros).
            None => Problem::unknown("not-evaluable").arg("include", include),
        };
        vec![problem]
    } else {
        let record = texts.single();
        let reason = not_authorised_reason(record.as_ref(), include);
        let reason = if reason == "no-record" && texts.records.len() > 1 {
            "multiple-records"
        } else if reason == "no-record" && !texts.records.is_empty() {
            "invalid-record"
        } else {
            reason
        };
        vec![
            Problem::fail("gateway-not-authorised")
                .arg("include", include)
                .arg("reason", reason),
        ]
    };
    let mut result = CheckResult::new(CheckId::SpfGateway, found, expected, problems);
    if !networks.is_empty() {
        result = result.detail("gateway_ranges", networks.len());
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
        let p = Problem::unknown("lookup-failed")
            .arg("name", name)
            .arg("type", qtype.as_str())
            .arg("reason", f.reason);
        if !problems.contains(&p) {
            problems.push(p);
        }
    }
    if count.terms > MAX_LOOKUPS {
        problems.push(
            Problem::fail("too-many-lookups")
                .arg("count", count.terms)
                .arg("limit", MAX_LOOKUPS),
        );
    }
    if count.voids > MAX_VOID_LOOKUPS {
        problems.push(
            Problem::fail("too-many-void-lookups")
                .arg("count", count.voids)
                .arg("limit", MAX_VOID_LOOKUPS),
        );
    }
    for (name, names) in &count.mx_over_limit {
        problems.push(
            Problem::fail("too-many-mx-names")
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
                        Problem::unknown("lookup-failed")
                            .arg("name", target.as_str())
                            .arg("type", "TXT")
                            .arg("reason", "not-resolved")
                    }),
                );
            }
            _ => return Ok(None),
        };
    }
    Ok(None)
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
    let problem = match all {
        Some(Qualifier::Fail) => None,
        Some(Qualifier::SoftFail) => Some(Problem::warn("soft-all")),
        Some(Qualifier::Neutral) => Some(Problem::warn("neutral-all")),
        Some(Qualifier::Pass) => Some(Problem::fail("plus-all")),
        None => Some(Problem::warn("no-all")),
    };
    CheckResult::new(
        CheckId::SpfAll,
        found,
        expected,
        problem.into_iter().collect(),
    )
}

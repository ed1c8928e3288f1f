//! `spf`: would mail from this server pass? The result a receiver reaches
//! (RFC 7208 `check_host()`), the term that decided it and the lookups used.

use std::fmt::Write;
use std::net::IpAddr;
use std::process::ExitCode;
use std::time::Duration;

use clap::Args;

use super::{CommonArgs, UsageError, parse_domain, print, runtime};
use crate::check::Arg;
use crate::dns::{Dns, DnsOptions};
use crate::fl;
use crate::localize::{Lang, text};
use crate::render;
use crate::spf::check_host::{SpfOutcome, SpfQuery, SpfResult, TermAt, check_host};
use crate::spf::outcome::visible;

/// Longest MAIL FROM accepted, in bytes (RFC 5321 allows 256 for the path).
const MAX_SENDER_BYTES: usize = 512;
/// Longest HELO name accepted, in bytes.
const MAX_HELO_BYTES: usize = 255;
/// How long the whole evaluation may take: RFC 7208 §4.6.4 asks receivers
/// to allow at least 20 seconds.
const DEADLINE: Duration = Duration::from_secs(20);

#[derive(Debug, Args)]
pub struct SpfArgs {
    /// The domain whose SPF policy applies: the sender's domain.
    #[arg(allow_hyphen_values = true)]
    pub domain: String,
    /// The sending server's IP address.
    #[arg(long, value_name = "ADDR")]
    pub ip: String,
    /// The sender (MAIL FROM) address; default postmaster@DOMAIN.
    #[arg(long, value_name = "ADDRESS")]
    pub sender: Option<String>,
    /// The name the server gives in HELO/EHLO; default "unknown".
    #[arg(long, value_name = "NAME")]
    pub helo: Option<String>,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

/// The exit code of a result: 0 pass, 1 any other verdict, 3 when DNS did
/// not answer (2 is for input that cannot be used).
pub fn exit_code(result: SpfResult) -> u8 {
    match result {
        SpfResult::Pass => 0,
        SpfResult::TempError => 3,
        _ => 1,
    }
}

fn bounded<'a>(
    value: Option<&'a str>,
    option: &str,
    max: usize,
    lang: Lang,
) -> Result<Option<&'a str>, UsageError> {
    match value {
        Some(v) if v.len() > max => Err(UsageError(fl!(
            lang,
            "cli-error-too-long",
            option = option,
            max = max
        ))),
        other => Ok(other),
    }
}

pub(super) fn run(args: &SpfArgs, common: &CommonArgs) -> Result<ExitCode, UsageError> {
    let lang = common.language();
    let domain = parse_domain(&args.domain, lang)?;
    let ip: IpAddr = args.ip.trim().parse().map_err(|_| {
        UsageError(fl!(
            lang,
            "cli-error-ip",
            input = visible(&args.ip.chars().take(64).collect::<String>())
        ))
    })?;
    let sender = bounded(args.sender.as_deref(), "--sender", MAX_SENDER_BYTES, lang)?;
    let helo = bounded(args.helo.as_deref(), "--helo", MAX_HELO_BYTES, lang)?;
    let options = DnsOptions {
        resolver: common.resolver(),
        deadline: DEADLINE,
        ..DnsOptions::default()
    };
    let query = SpfQuery {
        ip,
        domain: domain.ascii(),
        sender: sender.unwrap_or(""),
        helo: helo.unwrap_or("unknown"),
    };
    let outcome = runtime().block_on(async {
        let dns = Dns::new(domain.ascii(), &options)
            .await
            .map_err(|e| UsageError(fl!(lang, "cli-error-resolver", error = e.to_string())))?;
        Ok::<_, UsageError>(check_host(&dns, &query).await)
    })?;
    let out = if args.json {
        serde_json::to_string_pretty(&outcome).unwrap_or_default() + "\n"
    } else {
        report(lang, &outcome)
    };
    print(&out);
    Ok(ExitCode::from(exit_code(outcome.result)))
}

fn term_at(t: &TermAt) -> String {
    format!("{} ({})", t.term, t.domain)
}

/// The outcome in words.
pub fn report(lang: Lang, o: &SpfOutcome) -> String {
    let mut out = String::new();
    let ip = o.ip.to_string();
    let result = o.result.as_str();
    let domain = o.domain.as_str();
    let _ = writeln!(out, "{}", fl!(lang, "spf-title", domain = domain, ip = ip));
    let _ = writeln!(
        out,
        "{}\n",
        fl!(
            lang,
            "spf-inputs",
            sender = o.sender.as_str(),
            helo = o.helo.as_str()
        )
    );
    let _ = writeln!(out, "{}", fl!(lang, "spf-result", result = result));
    let _ = writeln!(
        out,
        "  {}",
        fl!(lang, "spf-meaning", result = result, domain = domain)
    );
    match &o.decided_by {
        Some(t) if o.problem.is_some() => {
            let _ = writeln!(
                out,
                "{}",
                fl!(
                    lang,
                    "spf-stopped-at",
                    term = t.term.as_str(),
                    domain = t.domain.as_str()
                )
            );
        }
        Some(t) => {
            let _ = writeln!(
                out,
                "{}",
                fl!(
                    lang,
                    "spf-decided-by",
                    term = t.term.as_str(),
                    domain = t.domain.as_str()
                )
            );
        }
        None if o.result == SpfResult::Neutral => {
            let _ = writeln!(out, "{}", fl!(lang, "spf-no-term"));
        }
        None => {}
    }
    if o.path.len() > 1 {
        let path: Vec<String> = o.path.iter().map(term_at).collect();
        let _ = writeln!(out, "{}", fl!(lang, "spf-path", path = path.join(" → ")));
    }
    if let Some(problem) = &o.problem {
        let args: Vec<(&str, &Arg)> = problem.args.iter().map(|(k, v)| (*k, v)).collect();
        let reason = text(
            lang,
            &format!("spf-why-{}", problem.code),
            &render::fluent_args(lang, &args),
        )
        .unwrap_or_else(|| problem.code.to_string());
        let _ = writeln!(out, "{}", fl!(lang, "spf-why", reason = reason));
    }
    if let Some(text) = &o.explanation {
        let _ = writeln!(
            out,
            "{}",
            fl!(lang, "spf-explanation", text = text.as_str())
        );
    }
    let _ = writeln!(
        out,
        "{}",
        fl!(
            lang,
            "spf-lookups",
            lookups = o.lookups,
            void = o.void_lookups
        )
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::{Code, Problem};

    fn outcome(result: SpfResult, problem: Option<Problem>) -> SpfOutcome {
        let at = TermAt {
            term: "a:mail.exemple.fr".into(),
            domain: "exemple.fr".into(),
        };
        SpfOutcome {
            domain: "exemple.fr".into(),
            ip: "192.0.2.1".parse().unwrap(),
            sender: "jo@exemple.fr".into(),
            helo: "mail.exemple.fr".into(),
            result,
            decided_by: Some(at.clone()),
            path: vec![at],
            problem,
            lookups: 1,
            void_lookups: 0,
            explanation: None,
        }
    }

    #[test]
    fn every_result_and_problem_has_words_in_both_languages() {
        let problems = [
            Problem::warn(Code::InvalidDomain).arg("domain", "exemple"),
            Problem::warn(Code::NoRecord).arg("domain", "exemple.fr"),
            Problem::fail(Code::MultipleRecords)
                .arg("domain", "exemple.fr")
                .arg("count", 2usize),
            Problem::fail(Code::Syntax)
                .arg("domain", "exemple.fr")
                .arg("term", "ip4:192.0.2.300")
                .arg("reason", "invalid-address"),
            Problem::fail(Code::IncludeNoRecord).arg("domain", "spf.exemple.fr"),
            Problem::fail(Code::RedirectNoRecord).arg("domain", "spf.exemple.fr"),
            Problem::fail(Code::InvalidTarget).arg("term", "include:%{h}"),
            Problem::fail(Code::TooManyLookups).arg("limit", 10usize),
            Problem::fail(Code::TooManyVoidLookups).arg("limit", 2usize),
            Problem::fail(Code::TooManyMxNames)
                .arg("name", "exemple.fr")
                .arg("count", 11usize)
                .arg("limit", 10usize),
            Problem::unknown(Code::LookupFailed)
                .arg("name", "exemple.fr")
                .arg("type", "TXT")
                .arg("reason", "servfail"),
        ];
        for lang in Lang::ALL {
            for problem in &problems {
                let text = report(lang, &outcome(SpfResult::PermError, Some(problem.clone())));
                let why = text.lines().find(|l| l.contains(problem.code.as_str()));
                assert!(why.is_none(), "{lang:?} {}: {text}", problem.code);
                assert!(!text.contains('{') || text.contains("%{h}"), "{text}");
            }
            let mut meanings = Vec::new();
            for result in [
                SpfResult::Pass,
                SpfResult::Fail,
                SpfResult::SoftFail,
                SpfResult::Neutral,
                SpfResult::None,
                SpfResult::PermError,
                SpfResult::TempError,
            ] {
                let text = report(lang, &outcome(result, None));
                let meaning = text.lines().nth(4).unwrap_or_default().to_string();
                assert!(meaning.starts_with("  ") && meaning.len() > 20, "{text}");
                meanings.push(meaning);
            }
            meanings.sort();
            meanings.dedup();
            assert_eq!(meanings.len(), 7, "{lang:?}: each result has its own words");
        }
        let fr = report(
            Lang::Fr,
            &outcome(SpfResult::TempError, Some(problems[10].clone())),
        );
        assert!(
            fr.contains("Cause\u{a0}: La requête DNS TXT pour exemple.fr a échoué\u{a0}: le serveur a renvoyé une erreur (SERVFAIL)."),
            "{fr}"
        );
        assert!(
            fr.contains("Évaluation arrêtée sur\u{a0}: a:mail.exemple.fr"),
            "{fr}"
        );
    }

    #[test]
    fn exit_codes_follow_check() {
        assert_eq!(exit_code(SpfResult::Pass), 0);
        for r in [
            SpfResult::Fail,
            SpfResult::SoftFail,
            SpfResult::Neutral,
            SpfResult::None,
            SpfResult::PermError,
        ] {
            assert_eq!(exit_code(r), 1, "{r:?}");
        }
        assert_eq!(exit_code(SpfResult::TempError), 3);
    }
}

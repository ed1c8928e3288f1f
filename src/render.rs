//! Engine results in words: check titles, statuses, problems and their fixes,
//! in the chosen language. Shared by the command line and the window.

use crate::check::{Arg, CheckId, CheckResult, Problem, Status};
use crate::localize::{FluentValue, Lang, text};

fn fluent_args(lang: Lang, args: &[(&str, &Arg)]) -> Vec<(String, FluentValue<'static>)> {
    let mut out = Vec::new();
    for (name, value) in args {
        let v = match value {
            Arg::Text(s) => {
                // A code with a word of its own gets `<name>_text` beside it.
                if let Some(word) = text(lang, &format!("arg-{name}-{s}"), &[]) {
                    out.push((format!("{name}_text"), FluentValue::from(word)));
                }
                FluentValue::from(s.clone())
            }
            Arg::Int(n) => FluentValue::from(*n),
            Arg::Bool(b) => FluentValue::from(if *b { "true" } else { "false" }),
            Arg::List(items) => FluentValue::from(items.join(", ")),
        };
        out.push((name.to_string(), v));
    }
    out
}

/// The message with id `<prefix>-<check>-<code>`, or `<prefix>-<code>` for
/// codes shared by every check.
fn problem_text(lang: Lang, prefix: &str, check: CheckId, problem: &Problem) -> String {
    let args: Vec<(&str, &Arg)> = problem.args.iter().map(|(k, v)| (*k, v)).collect();
    let args = fluent_args(lang, &args);
    text(
        lang,
        &format!("{prefix}-{}-{}", check.key(), problem.code),
        &args,
    )
    .or_else(|| text(lang, &format!("{prefix}-{}", problem.code), &args))
    .unwrap_or_else(|| format!("{} ({})", problem.code, check.as_str()))
}

/// What is wrong.
pub fn problem_message(lang: Lang, check: CheckId, problem: &Problem) -> String {
    problem_text(lang, "problem", check, problem)
}

/// What to do about it.
pub fn problem_fix(lang: Lang, check: CheckId, problem: &Problem) -> String {
    problem_text(lang, "fix", check, problem)
}

/// A warning attached to a record to publish.
pub fn record_note(lang: Lang, note: &Problem) -> String {
    let args: Vec<(&str, &Arg)> = note.args.iter().map(|(k, v)| (*k, v)).collect();
    text(
        lang,
        &format!("record-note-{}", note.code),
        &fluent_args(lang, &args),
    )
    .unwrap_or_else(|| note.code.to_string())
}

pub fn check_title(lang: Lang, check: CheckId) -> String {
    text(lang, &format!("check-{}", check.key()), &[]).unwrap_or_else(|| check.as_str().to_string())
}

pub fn status_word(lang: Lang, status: Status) -> String {
    text(lang, &format!("status-{}", status.as_str()), &[]).unwrap_or_default()
}

/// A mark that says the status without colour.
pub fn status_mark(status: Status) -> &'static str {
    match status {
        Status::Pass => "✓",
        Status::Warn => "!",
        Status::Fail => "✗",
        Status::Unknown => "?",
    }
}

/// The figures worth showing beside a check (lookup count, key size), if any.
pub fn details(lang: Lang, result: &CheckResult) -> Option<String> {
    if result.details.is_empty() {
        return None;
    }
    let args: Vec<(&str, &Arg)> = result.details.iter().map(|(k, v)| (*k, v)).collect();
    text(
        lang,
        &format!("detail-{}", result.id.key()),
        &fluent_args(lang, &args),
    )
}

/// A domain-name error in words.
pub fn domain_error(lang: Lang, error: &crate::domain::DomainError) -> String {
    let args: Vec<(String, FluentValue<'static>)> = error
        .args()
        .into_iter()
        .map(|(k, v)| (k.to_string(), FluentValue::from(v)))
        .collect();
    text(lang, &format!("domain-error-{}", error.code()), &args)
        .unwrap_or_else(|| error.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_problem_code_has_words_in_both_languages() {
        // Every (check, code) the engine can give, with the arguments it gives.
        let cases: &[(CheckId, Problem)] = &[
            (
                CheckId::MxGateway,
                Problem::fail("leftover-mx")
                    .arg("host", "mx.ovh.net")
                    .arg("preference", 1u16)
                    .arg("bypass", true),
            ),
            (
                CheckId::SpfRecord,
                Problem::fail("syntax")
                    .arg("term", "ip4:1.2.3.400")
                    .arg("reason", "invalid-address"),
            ),
            (
                CheckId::SpfGateway,
                Problem::fail("gateway-not-authorised")
                    .arg("include", "includespf.security-mail.net")
                    .arg("reason", "after-all"),
            ),
            (
                CheckId::DkimRecord,
                Problem::fail("invalid-key")
                    .arg("reason", "too-short")
                    .arg("bits", 512usize),
            ),
            (
                CheckId::SpfLookups,
                Problem::unknown("lookup-failed")
                    .arg("name", "example.com")
                    .arg("type", "TXT")
                    .arg("reason", "timeout"),
            ),
        ];
        for lang in Lang::ALL {
            for (check, problem) in cases {
                let m = problem_message(lang, *check, problem);
                let f = problem_fix(lang, *check, problem);
                assert!(!m.contains("No localization") && !m.contains('{'), "{m}");
                assert!(!f.contains("No localization"), "{f}");
            }
        }
        let m = problem_message(Lang::Fr, cases[0].0, &cases[0].1);
        assert!(m.contains("contournera le filtrage"), "{m}");
        let m = problem_message(Lang::En, cases[1].0, &cases[1].1);
        assert!(m.contains("invalid IP address"), "{m}");
        let m = problem_message(Lang::En, cases[3].0, &cases[3].1);
        assert!(m.contains("512 bits"), "{m}");
        let m = problem_message(Lang::Fr, cases[4].0, &cases[4].1);
        assert!(m.contains("pas de réponse à temps"), "{m}");
    }
}

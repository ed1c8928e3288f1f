//! Engine results in words: check titles, statuses, problems and their fixes,
//! in the chosen language. Shared by the command line and the window.

use crate::check::{Arg, CheckId, CheckResult, Problem, Status};
use std::fmt::Write;

use crate::fl;
use crate::localize::{FluentValue, Lang, text};
use crate::provider::Provider;
use crate::records::{Action, Publication};
use crate::safe_text::visible;

pub(crate) fn fluent_args(
    lang: Lang,
    args: &[(&str, &Arg)],
) -> Vec<(String, FluentValue<'static>)> {
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

/// What to do with a record to publish, in words.
pub fn action_word(lang: Lang, action: Action) -> String {
    match action {
        Action::Create => fl!(lang, "record-action-create"),
        Action::Replace => fl!(lang, "record-action-replace"),
        Action::Keep => fl!(lang, "record-action-keep"),
        Action::Unknown => fl!(lang, "record-action-unknown"),
    }
}

fn pad(s: &str, width: usize) -> String {
    let len = s.chars().count();
    format!("{s}{}", " ".repeat(width.saturating_sub(len)))
}

/// The records to publish, one block each, then the records to delete.
pub fn records_text(lang: Lang, publication: &Publication, provider: &Provider) -> String {
    let mut out = String::new();
    let domain = crate::domain::DomainName::parse(&publication.domain)
        .map(|d| d.unicode().to_string())
        .unwrap_or_else(|_| publication.domain.clone());
    let _ = writeln!(out, "{}\n", fl!(lang, "records-title", domain = domain));
    let labels = [
        fl!(lang, "record-name"),
        fl!(lang, "record-full-name"),
        fl!(lang, "record-type"),
        fl!(lang, "record-ttl"),
        fl!(lang, "record-priority"),
        fl!(lang, "record-value"),
    ];
    let labels = labels.map(|l| fl!(lang, "cli-label", label = l));
    let width = labels.iter().map(|l| l.chars().count()).max().unwrap_or(0) + 1;
    let line = |out: &mut String, label: &str, value: &str| {
        let _ = writeln!(out, "  {}{value}", pad(label, width));
    };
    for r in &publication.records {
        let purpose =
            text(lang, &format!("record-purpose-{}", r.purpose.as_str()), &[]).unwrap_or_default();
        let action = action_word(lang, r.action);
        let _ = writeln!(out, "{purpose}\n  → {action}");
        line(&mut out, &labels[0], &visible(&r.name));
        line(&mut out, &labels[1], &visible(&r.fqdn));
        line(&mut out, &labels[2], r.rtype);
        line(&mut out, &labels[3], &r.ttl.to_string());
        if let Some(p) = r.priority {
            line(&mut out, &labels[4], &p.to_string());
        }
        match &r.value {
            Some(v) => line(&mut out, &labels[5], &visible(v)),
            None if r.action == Action::Unknown => {}
            None => {
                let path = provider.menu_paths.dkim.get(lang.code());
                let _ = writeln!(out, "  {}", fl!(lang, "record-dkim-needs-key", path = path));
            }
        }
        if r.strings.len() > 1 {
            let _ = writeln!(out, "  {}", fl!(lang, "record-strings"));
            for s in &r.strings {
                let _ = writeln!(out, "    {}", visible(s));
            }
        }
        for note in &r.notes {
            let _ = writeln!(out, "  ! {}", record_note(lang, note));
        }
        out.push('\n');
    }
    if !publication.delete.is_empty() {
        let _ = writeln!(out, "{}", fl!(lang, "record-delete-title"));
        for d in &publication.delete {
            let priority = d.priority.map(|p| format!("{p} ")).unwrap_or_default();
            let _ = writeln!(
                out,
                "  ✗ {} {} {priority}{}",
                visible(&d.name),
                d.rtype,
                visible(&d.value)
            );
        }
    }
    out
}

/// The Google Workspace inbound gateway settings, one per line.
pub fn google_settings(lang: Lang, ranges: &crate::lockdown::GatewayRanges) -> String {
    let mut out = format!("{}\n\n", fl!(lang, "lockdown-google-where"));
    for setting in crate::lockdown::google::settings(ranges) {
        let label = text(lang, setting.label, &[]).unwrap_or_default();
        let value = if setting.value == "on" {
            fl!(lang, "lockdown-google-on")
        } else {
            setting.value.clone()
        };
        let label = fl!(lang, "cli-label", label = label);
        if value.contains('\n') {
            let _ = writeln!(out, "{label}\n{value}");
        } else {
            let _ = writeln!(out, "{label} {value}");
        }
    }
    out
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

    #[test]
    fn text_from_dns_is_shown_with_its_controls_visible() {
        let cases: &[(CheckId, Problem)] = &[
            (
                CheckId::DmarcRecord,
                Problem::warn("invalid-character")
                    .arg("tag", "foo")
                    .arg("value", "x\nevil.example. 60 IN A 6.6.6.6\u{1b}[2J"),
            ),
            (
                CheckId::SpfRecord,
                Problem::fail("syntax")
                    .arg("term", "mx\u{1b}]0;title\u{7}")
                    .arg("reason", "invalid-character"),
            ),
            (
                CheckId::DkimRecord,
                Problem::warn("invalid-character")
                    .arg("tag", "n")
                    .arg("value", "\u{1b}[2J\u{202e}"),
            ),
            (
                CheckId::SpfRecord,
                Problem::fail("multiple-records")
                    .arg("name", "example.com")
                    .arg("count", 2usize)
                    .arg("records", vec!["v=spf1 \u{202e}".to_string()]),
            ),
        ];
        for lang in Lang::ALL {
            for (check, problem) in cases {
                for text in [
                    problem_message(lang, *check, problem),
                    problem_fix(lang, *check, problem),
                ] {
                    assert!(!crate::safe_text::has_hidden(&text), "{text:?}");
                    assert!(!text.contains("No localization"), "{text}");
                }
            }
            let m = problem_message(lang, cases[0].0, &cases[0].1);
            assert!(
                m.contains("x\\u{a}evil.example. 60 IN A 6.6.6.6\\u{1b}[2J"),
                "{m}"
            );
            let m = problem_message(lang, cases[1].0, &cases[1].1);
            assert!(m.contains("mx\\u{1b}]0;title\\u{7}"), "{m}");
            assert!(m.contains("ASCII"), "{m}");
            let note = record_note(
                lang,
                &Problem::warn("dropped-characters").arg("terms", vec!["foo=a\u{7}".to_string()]),
            );
            assert!(note.contains("foo=a\\u{7}"), "{note}");
        }
    }
}

//! Engine results in words: check titles, statuses, problems and their fixes,
//! in the chosen language. Shared by the command line and the window.

use crate::check::{Arg, CheckId, CheckResult, Problem, Status};
use std::fmt::Write;

use crate::fl;
use crate::localize::{FluentValue, Lang, text};
use crate::provider::Provider;
use crate::records::{Action, Publication};

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
        line(&mut out, &labels[0], &r.name);
        line(&mut out, &labels[1], &r.fqdn);
        line(&mut out, &labels[2], r.rtype);
        line(&mut out, &labels[3], &r.ttl.to_string());
        if let Some(p) = r.priority {
            line(&mut out, &labels[4], &p.to_string());
        }
        match &r.value {
            Some(v) => line(&mut out, &labels[5], v),
            None if r.action == Action::Unknown => {}
            None => {
                let path = provider.menu_paths.dkim.get(lang.code());
                let _ = writeln!(out, "  {}", fl!(lang, "record-dkim-needs-key", path = path));
            }
        }
        if r.strings.len() > 1 {
            let _ = writeln!(out, "  {}", fl!(lang, "record-strings"));
            for s in &r.strings {
                let _ = writeln!(out, "    {s}");
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
            let _ = writeln!(out, "  ✗ {} {} {priority}{}", d.name, d.rtype, d.value);
        }
    }
    out
}

/// A size limit in words: `64 KiB`, `1 MiB`.
pub fn size(lang: Lang, bytes: u64) -> String {
    const MIB: u64 = 1024 * 1024;
    if bytes >= MIB && bytes.is_multiple_of(MIB) {
        let count: u64 = bytes / MIB;
        fl!(lang, "file-size-mib", count = count)
    } else {
        let count: u64 = bytes.div_ceil(1024);
        fl!(lang, "file-size-kib", count = count)
    }
}

/// Why a file could not be read, in words.
pub fn read_error(lang: Lang, error: &crate::files::ReadError) -> String {
    use crate::files::ReadError;
    match error {
        ReadError::NotFound => fl!(lang, "file-error-not-found"),
        ReadError::NotAFile => fl!(lang, "file-error-not-a-file"),
        ReadError::TooLarge { limit } => {
            fl!(lang, "file-error-too-large", size = size(lang, *limit))
        }
        ReadError::PermissionDenied => fl!(lang, "file-error-permission"),
        ReadError::NotText => fl!(lang, "file-error-not-text"),
        // The system's own words.
        ReadError::Io(e) => e.to_string(),
    }
}

/// Why the saved progress was not restored, in words.
pub fn progress_problem(lang: Lang, problem: &crate::progress::LoadProblem) -> String {
    use crate::progress::{LoadProblem, MAX_FILE_BYTES};
    match problem {
        LoadProblem::Damaged => fl!(lang, "progress-problem-damaged"),
        LoadProblem::TooLarge => {
            fl!(
                lang,
                "progress-problem-too-large",
                size = size(lang, MAX_FILE_BYTES)
            )
        }
        LoadProblem::FieldTooLarge { field, limit } => {
            let field: &str = field;
            let limit = size(lang, u64::try_from(*limit).unwrap_or(u64::MAX));
            fl!(
                lang,
                "progress-problem-field-too-large",
                field = field,
                size = limit
            )
        }
        LoadProblem::PermissionDenied => fl!(lang, "file-error-permission"),
        LoadProblem::NotAFile => fl!(lang, "file-error-not-a-file"),
        // The system's own words.
        LoadProblem::Unreadable(error) => error.clone(),
    }
}

/// Why a file could not be written, in words.
pub fn write_error(lang: Lang, error: &crate::files::WriteError) -> String {
    match error {
        crate::files::WriteError::NotAFile => fl!(lang, "file-error-not-regular"),
        // The system's own words.
        crate::files::WriteError::Io(e) => e.to_string(),
    }
}

/// How many refused ranges a message names; the rest are counted.
const UNFIT_SHOWN: usize = 10;

/// Why ranges cannot be used for a lock-down, in words: each refused range
/// with its reason.
pub fn range_refusal(lang: Lang, refusal: &crate::lockdown::vet::Refusal) -> String {
    use crate::lockdown::vet::{Refusal, WIDEST_IPV4, WIDEST_IPV6};
    let list = match refusal {
        Refusal::Empty => return fl!(lang, "ranges-refused-empty"),
        Refusal::Unfit(list) => list,
    };
    let mut items: Vec<String> = list
        .iter()
        .take(UNFIT_SHOWN)
        .map(|u| {
            let widest = match u.network {
                ipnet::IpNet::V4(_) => WIDEST_IPV4,
                ipnet::IpNet::V6(_) => WIDEST_IPV6,
            };
            let args = [("widest".to_string(), FluentValue::from(widest))];
            let code = u.reason.code();
            let reason = text(lang, &format!("ranges-unfit-{code}"), &args)
                .unwrap_or_else(|| code.to_string());
            fl!(
                lang,
                "ranges-unfit-item",
                range = u.network.to_string(),
                reason = reason
            )
        })
        .collect();
    if list.len() > UNFIT_SHOWN {
        let more: usize = list.len() - UNFIT_SHOWN;
        items.push(fl!(lang, "ranges-unfit-more", count = more));
    }
    fl!(
        lang,
        "ranges-refused-unfit",
        count = list.len(),
        ranges = items.join(", ")
    )
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
    fn every_refused_range_has_words_in_both_languages() {
        use crate::lockdown::vet::{Refusal, Unfit, UnfitRange};
        let unfit: Vec<UnfitRange> = Unfit::ALL
            .iter()
            .map(|&reason| UnfitRange {
                network: "192.0.2.0/24".parse().unwrap(),
                reason,
            })
            .collect();
        for lang in Lang::ALL {
            assert!(!range_refusal(lang, &Refusal::Empty).is_empty());
            for u in &unfit {
                let code = u.reason.code();
                let id = format!("ranges-unfit-{code}");
                let args = [("widest".to_string(), FluentValue::from(16))];
                let words = text(lang, &id, &args).unwrap_or_else(|| panic!("{id}"));
                assert!(!words.contains('{') && !words.is_empty(), "{words}");
            }
            // Eleven ranges: ten named, one counted.
            let m = range_refusal(lang, &Refusal::Unfit(unfit.clone()));
            assert_eq!(m.matches("192.0.2.0/24").count(), 10, "{m}");
            assert!(!m.contains('{'), "{m}");
        }
        let m = range_refusal(
            Lang::En,
            &Refusal::Unfit(vec![UnfitRange {
                network: "1.0.0.0/8".parse().unwrap(),
                reason: Unfit::TooWide,
            }]),
        );
        assert_eq!(
            m,
            "This range cannot be the gateway's: 1.0.0.0/8 (wider than /16)."
        );
        let m = range_refusal(
            Lang::Fr,
            &Refusal::Unfit(vec![UnfitRange {
                network: "0.0.0.0/0".parse().unwrap(),
                reason: Unfit::DefaultRoute,
            }]),
        );
        assert_eq!(
            m,
            "Cette plage ne peut pas être celle de la passerelle\u{a0}: 0.0.0.0/0 (toutes les adresses)."
        );
    }

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

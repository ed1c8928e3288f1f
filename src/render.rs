//! Engine results in words: check titles, statuses, problems and their fixes,
//! in the chosen language. Shared by the command line and the window.

use crate::check::{Arg, CheckId, CheckResult, Problem, Status};
use std::fmt::Write;

use crate::fl;
use crate::localize::{FluentValue, Lang, StrictBundle, text};
use crate::provider::Provider;
use crate::records::{Action, Publication};
use crate::safe_text::visible;

pub(crate) fn fluent_args(
    lang: Lang,
    args: &[(&str, &Arg)],
) -> Vec<(String, FluentValue<'static>)> {
    fluent_args_with(|id| text(lang, id, &[]), args)
}

/// The arguments of a message, with `word` giving the word of a code.
fn fluent_args_with(
    word: impl Fn(&str) -> Option<String>,
    args: &[(&str, &Arg)],
) -> Vec<(String, FluentValue<'static>)> {
    let mut out = Vec::new();
    for (name, value) in args {
        let v = match value {
            // A check named in a message is named by its title, never by
            // its internal id.
            Arg::Text(s)
                if *name == "check"
                    && let Some(title) = word(&format!("check-{}", s.replace('.', "-"))) =>
            {
                FluentValue::from(title)
            }
            Arg::Text(s) => {
                // A code with a word of its own gets `<name>_text` beside it.
                if let Some(word) = word(&format!("arg-{name}-{s}")) {
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

/// The message and the fix of a problem (of a check, or a record's note
/// when `check` is `None`), formatted from one language's file alone: `Err`
/// says what is missing or left unfilled. For tests that go through every
/// code and every argument value.
pub fn problem_words_strict(
    bundle: &StrictBundle,
    check: Option<CheckId>,
    problem: &Problem,
) -> Result<Vec<String>, String> {
    let args: Vec<(&str, &Arg)> = problem.args.iter().map(|(k, v)| (*k, v)).collect();
    let args = fluent_args_with(
        |id| {
            bundle
                .has(id)
                .then(|| bundle.format(id, &[]).ok())
                .flatten()
        },
        &args,
    );
    let ids: Vec<String> = match check {
        None => vec![format!("record-note-{}", problem.code)],
        Some(check) => ["problem", "fix"]
            .iter()
            .map(|prefix| {
                let specific = format!("{prefix}-{}-{}", check.key(), problem.code);
                if bundle.has(&specific) {
                    specific
                } else {
                    format!("{prefix}-{}", problem.code)
                }
            })
            .collect(),
    };
    ids.iter().map(|id| bundle.format(id, &args)).collect()
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
        Status::Waiting => "…",
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
    // A message whose every part was left out says nothing: no blank line.
    .filter(|t| !t.trim().is_empty())
}

/// "Waiting: finish step N first", for a step that waits for `other`;
/// the window and the checklist say it alike.
pub fn wait_for_step(lang: Lang, other: crate::step::Step) -> String {
    fl!(
        lang,
        "gui-wait-step",
        number = other.number(),
        step = text(lang, &format!("step-{}", other.id()), &[]).unwrap_or_default()
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

/// The domain as shown: its Unicode form, with beside it the ASCII form
/// DNS knows it by when the two differ.
pub fn domain_shown(lang: Lang, domain: &crate::domain::DomainName) -> String {
    if domain.unicode() == domain.ascii() {
        domain.ascii().to_string()
    } else {
        fl!(
            lang,
            "domain-shown",
            unicode = domain.unicode(),
            ascii = domain.ascii()
        )
    }
}

/// A warning for a name that may imitate another one, if it may.
pub fn lookalike_warning(lang: Lang, domain: &crate::domain::DomainName) -> Option<String> {
    crate::lookalike::check(domain).map(|kind| {
        fl!(
            lang,
            "domain-lookalike",
            kind = kind.code(),
            unicode = domain.unicode(),
            ascii = domain.ascii()
        )
    })
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
    records_text_for(lang, publication, provider, None)
}

/// Like [`records_text`], each record typed as `guide`'s DNS host wants
/// it, and where to type it, when there is a guide.
pub fn records_text_for(
    lang: Lang,
    publication: &Publication,
    provider: &Provider,
    guide: Option<&crate::dnshost::Guide>,
) -> String {
    use crate::dnshost::{Shown, present};
    let mut out = String::new();
    let parsed = crate::domain::DomainName::parse_host(&publication.domain);
    let domain = parsed
        .as_ref()
        .map(|d| domain_shown(lang, d))
        .unwrap_or_else(|_| publication.domain.clone());
    let _ = writeln!(out, "{}", fl!(lang, "records-title", domain = domain));
    if let Some(warning) = parsed.ok().and_then(|d| lookalike_warning(lang, &d)) {
        let _ = writeln!(out, "! {warning}");
    }
    if let Some(g) = guide {
        let _ = writeln!(
            out,
            "{}",
            fl!(lang, "records-dns-host", host = g.name.as_str())
        );
        if let Some(path) = &g.where_to_go {
            let _ = writeln!(out, "  → {}", visible(path.get(lang)));
        }
        if let Some(link) = &g.deep_link {
            let _ = writeln!(out, "  → {}", visible(&link.url));
        }
    }
    out.push('\n');
    let presented: Vec<_> = publication
        .records
        .iter()
        .map(|r| present(r, guide, lang))
        .collect();
    let label = |l: &str| fl!(lang, "cli-label", label = l);
    let width = presented
        .iter()
        .flat_map(|p| p.fields.iter().map(|f| label(&f.label).chars().count()))
        .chain([label(&fl!(lang, "record-value")).chars().count()])
        .max()
        .unwrap_or(0)
        + 1;
    let line = |out: &mut String, label: &str, value: &str| {
        let _ = writeln!(out, "  {}{value}", pad(label, width));
    };
    for (r, p) in publication.records.iter().zip(&presented) {
        let purpose =
            text(lang, &format!("record-purpose-{}", r.purpose.as_str()), &[]).unwrap_or_default();
        let action = action_word(lang, r.action);
        let _ = writeln!(out, "{purpose}\n  → {action}");
        for f in &p.fields {
            let value = match &f.value {
                Shown::Typed(v) => visible(v).into_owned(),
                Shown::Blank => fl!(lang, "guide-leave-blank"),
            };
            line(&mut out, &label(&f.label), &value);
        }
        if r.value.is_none() && r.action != Action::Unknown {
            let path = provider.menu_paths.dkim.get(lang.code());
            let _ = writeln!(out, "  {}", fl!(lang, "record-dkim-needs-key", path = path));
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
        for note in &p.notes {
            let _ = writeln!(out, "  ! {}", visible(note));
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

/// Why the input is not a message, in words.
pub fn message_input_error(lang: Lang, error: &crate::message::InputError) -> String {
    let args: Vec<(String, crate::localize::FluentValue<'static>)> = error
        .args()
        .into_iter()
        .map(|(k, v)| (k.to_string(), crate::localize::FluentValue::from(v)))
        .collect();
    crate::localize::text(lang, &format!("message-error-{}", error.code()), &args)
        .unwrap_or_else(|| error.to_string())
}

/// Why a pasted read-back is not the tenant script's output, in words.
pub fn tenant_error(lang: Lang, error: &crate::tenant::ReadbackError) -> String {
    let args: Vec<(String, crate::localize::FluentValue<'static>)> = error
        .args()
        .into_iter()
        .map(|(k, v)| (k.to_string(), crate::localize::FluentValue::from(v)))
        .collect();
    crate::localize::text(lang, &format!("tenant-error-{}", error.code()), &args)
        .unwrap_or_else(|| error.to_string())
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
        LoadProblem::Unreadable(error) => system_error(lang, *error),
    }
}

/// Why a file could not be written, in words.
pub fn write_error(lang: Lang, error: &crate::files::WriteError) -> String {
    match error {
        crate::files::WriteError::NotAFile => fl!(lang, "file-error-not-regular"),
        crate::files::WriteError::Io(e) => io_error(lang, e),
    }
}

/// A refusal of the system, in words: the common ones named, the others
/// by their number (the system's own words are in its language, not the
/// window's).
pub fn io_error(lang: Lang, error: &std::io::Error) -> String {
    system_error(lang, crate::files::SystemError::from(error))
}

/// A refusal of the system kept as a code, in words (see [`io_error`]).
pub fn system_error(lang: Lang, error: crate::files::SystemError) -> String {
    use std::io::ErrorKind;
    match error.kind {
        ErrorKind::PermissionDenied => fl!(lang, "file-error-denied"),
        ErrorKind::NotFound => fl!(lang, "file-error-missing-folder"),
        ErrorKind::StorageFull | ErrorKind::QuotaExceeded => fl!(lang, "file-error-full"),
        ErrorKind::ReadOnlyFilesystem => fl!(lang, "file-error-read-only"),
        _ => fl!(lang, "file-error-system", code = error.code.unwrap_or(0)),
    }
}

/// Why the Microsoft 365 script cannot be made, in words.
pub fn script_error(lang: Lang, error: &crate::lockdown::microsoft::ScriptError) -> String {
    use crate::lockdown::microsoft::ScriptError;
    match error {
        ScriptError::NoIpv4 => fl!(lang, "lockdown-script-no-ipv4"),
        ScriptError::TooWide(range) => fl!(
            lang,
            "lockdown-script-too-wide",
            range = crate::safe_text::visible(range).into_owned()
        ),
    }
}

/// Why the gateway's ranges could not be read from DNS, as a whole
/// sentence. A lookup that got no answer at all points at this computer's
/// network first: the gateway's DNS is rarely the one down.
pub fn derive_error(lang: Lang, error: &crate::lockdown::ranges::DeriveError) -> String {
    use crate::lockdown::ranges::DeriveError;
    match error {
        DeriveError::Resolver(_) => fl!(lang, "lockdown-ranges-no-resolver"),
        DeriveError::Lookup { name, failure } if matches!(failure.reason, "timeout" | "error") => {
            fl!(
                lang,
                "lockdown-ranges-no-answer",
                name = crate::safe_text::visible(name).into_owned()
            )
        }
        DeriveError::Lookup { name, failure } => fl!(
            lang,
            "lockdown-ranges-lookup-failed",
            name = crate::safe_text::visible(name).into_owned(),
            reason = text(lang, &format!("arg-reason-{}", failure.reason), &[])
                .unwrap_or_else(|| failure.reason.to_string())
        ),
        DeriveError::NoRanges { .. } => fl!(lang, "lockdown-ranges-none"),
        DeriveError::Refused { include, refusal } => fl!(
            lang,
            "lockdown-ranges-refused",
            include = crate::safe_text::visible(include).into_owned(),
            reason = range_refusal(lang, refusal)
        ),
    }
}

/// Why the port 25 test could not run, in words.
pub fn probe_failure(lang: Lang, failure: crate::lockdown::probe::Failure) -> String {
    use crate::lockdown::probe::Failure;
    match failure {
        Failure::NotResolved => fl!(lang, "probe-failure-not-resolved"),
        Failure::NoAddress => fl!(lang, "probe-failure-no-address"),
        Failure::Unreachable => fl!(lang, "probe-failure-unreachable"),
        Failure::Other(code) => fl!(lang, "probe-failure-other", code = code),
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

/// The rollback plan for `platform`: numbered steps in order, then why the
/// order matters. The same words on the command line, in the window and in
/// the PDF.
pub fn rollback_steps(lang: Lang, platform: crate::platform::Platform, ttl: u32) -> Vec<String> {
    let (steps, why) = crate::lockdown::rollback::steps(platform, ttl);
    let words = |step: &crate::lockdown::rollback::Step| {
        let args: Vec<(String, FluentValue<'static>)> = step
            .args
            .iter()
            .map(|(name, value)| (name.to_string(), FluentValue::from(value.clone())))
            .collect();
        text(lang, step.id, &args).unwrap_or_default()
    };
    let mut out: Vec<String> = steps
        .iter()
        .enumerate()
        .map(|(i, step)| format!("{}. {}", i + 1, words(step)))
        .collect();
    out.push(words(&why));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::Code;

    use crate::check::codes::{ALL_PROBLEMS, ArgKind, ArgSpec, RECORD_NOTES};

    /// The engine's errors the window shows are whole words in both
    /// languages, different in each, with nothing left unfilled; a lookup
    /// with no answer points at this computer's network.
    #[test]
    fn engine_errors_read_in_both_languages() {
        use crate::dns::Failure;
        use crate::lockdown::microsoft::ScriptError;
        use crate::lockdown::probe;
        use crate::lockdown::ranges::DeriveError;
        let lookup = |reason: &'static str| DeriveError::Lookup {
            name: "includespf.example".into(),
            failure: Failure {
                reason,
                detail: "the resolver's own words".into(),
            },
        };
        let said = |lang: Lang| -> Vec<String> {
            let mut all = vec![
                derive_error(lang, &DeriveError::Resolver("no servers".into())),
                derive_error(lang, &lookup("timeout")),
                derive_error(lang, &lookup("error")),
                derive_error(lang, &lookup("servfail")),
                derive_error(
                    lang,
                    &DeriveError::NoRanges {
                        include: "includespf.example".into(),
                    },
                ),
                script_error(lang, &ScriptError::NoIpv4),
                script_error(lang, &ScriptError::TooWide("10.0.0.0/8".into())),
            ];
            for failure in [
                probe::Failure::NotResolved,
                probe::Failure::NoAddress,
                probe::Failure::Unreachable,
                probe::Failure::Other(111),
                probe::Failure::Other(0),
            ] {
                all.push(probe_failure(lang, failure));
            }
            for kind in [
                std::io::ErrorKind::PermissionDenied,
                std::io::ErrorKind::NotFound,
                std::io::ErrorKind::StorageFull,
                std::io::ErrorKind::ReadOnlyFilesystem,
                std::io::ErrorKind::Other,
            ] {
                all.push(io_error(lang, &std::io::Error::from(kind)));
            }
            all
        };
        let (fr, en) = (said(Lang::Fr), said(Lang::En));
        for (f, e) in fr.iter().zip(&en) {
            for words in [f, e] {
                assert!(!words.trim().is_empty() && !words.contains('{'), "{words}");
                assert!(!words.contains("the resolver's own words"), "{words}");
            }
            assert_ne!(f, e, "the same words in both languages");
        }
        // No answer at all: this computer's network first.
        for i in [1, 2] {
            assert!(
                fr[i].contains("réseau") && en[i].contains("network"),
                "{}",
                en[i]
            );
        }
    }

    /// Every rollback step has complete words in both languages, with
    /// nothing left unfilled.
    #[test]
    fn every_rollback_step_reads_in_both_languages() {
        for lang in [Lang::Fr, Lang::En] {
            let bundle = StrictBundle::new(lang).unwrap();
            for platform in crate::platform::Platform::ALL {
                let (steps, why) = crate::lockdown::rollback::steps(platform, 3600);
                for step in steps.iter().chain([&why]) {
                    let args: Vec<(String, FluentValue<'static>)> = step
                        .args
                        .iter()
                        .map(|(n, v)| (n.to_string(), FluentValue::from(v.clone())))
                        .collect();
                    let words = bundle.format(step.id, &args).unwrap();
                    assert!(
                        step.args.iter().all(|(_, v)| words.contains(v.as_str())),
                        "{}: {words}",
                        step.id
                    );
                }
                assert_eq!(rollback_steps(lang, platform, 3600).len(), steps.len() + 1);
            }
        }
    }

    /// The problems to render for one code: every value of each argument
    /// that has a choice of values, the others at a sample value.
    fn samples(code: Code, severity: Status, specs: &[ArgSpec]) -> Vec<Problem> {
        let sample = |kind: ArgKind| match kind {
            ArgKind::Text => vec![Arg::from("sample.example")],
            ArgKind::Int => vec![Arg::Int(2)],
            ArgKind::Bool => vec![Arg::Bool(true), Arg::Bool(false)],
            ArgKind::List => vec![Arg::List(vec!["a=1".into(), "b=2".into()])],
            ArgKind::OneOf(codes) => codes.iter().map(|c| Arg::from(*c)).collect(),
        };
        let base = Problem {
            code,
            severity,
            args: specs
                .iter()
                .map(|s| (s.name, sample(s.kind).remove(0)))
                .collect(),
        };
        let mut out = vec![base.clone()];
        for spec in specs {
            for value in sample(spec.kind).into_iter().skip(1) {
                let mut p = base.clone();
                p.args.insert(spec.name, value);
                out.push(p);
            }
        }
        out
    }

    #[test]
    fn every_problem_code_renders_with_its_arguments_in_both_languages() {
        let mut rendered = 0;
        let mut errors = Vec::new();
        for lang in Lang::ALL {
            let bundle = StrictBundle::new(lang).unwrap();
            for (check, code, specs) in ALL_PROBLEMS {
                for problem in samples(*code, Status::Fail, specs) {
                    match problem_words_strict(&bundle, Some(*check), &problem) {
                        Ok(words) => {
                            assert_eq!(words.len(), 2);
                            rendered += 1;
                        }
                        Err(e) => {
                            errors.push(format!("{} {} {code}: {e}", lang.code(), check.as_str()))
                        }
                    }
                }
            }
            for (code, specs) in RECORD_NOTES {
                for note in samples(*code, Status::Warn, specs) {
                    if let Err(e) = problem_words_strict(&bundle, None, &note) {
                        errors.push(format!("{} note {code}: {e}", lang.code()));
                    }
                }
            }
        }
        assert!(errors.is_empty(), "{}", errors.join("\n"));
        assert!(rendered > 2 * ALL_PROBLEMS.len(), "{rendered}");
    }

    #[test]
    fn problems_read_as_the_admin_needs_them() {
        let leftover = Problem::fail(Code::LeftoverMx)
            .arg("host", "mx.ovh.net")
            .arg("preference", 1u16)
            .arg("bypass", true);
        let m = problem_message(Lang::Fr, CheckId::MxGateway, &leftover);
        assert!(m.contains("contournera le filtrage"), "{m}");
        let syntax = Problem::fail(Code::Syntax)
            .arg("term", "ip4:1.2.3.400")
            .arg("reason", "invalid-address");
        let m = problem_message(Lang::En, CheckId::SpfRecord, &syntax);
        assert!(m.contains("invalid IP address"), "{m}");
        let short = Problem::fail(Code::InvalidKey)
            .arg("reason", "too-short")
            .arg("bits", 512usize);
        let m = problem_message(Lang::En, CheckId::DkimRecord, &short);
        assert!(m.contains("512 bits"), "{m}");
        let timeout = Problem::unknown(Code::LookupFailed)
            .arg("name", "example.com")
            .arg("type", "TXT")
            .arg("reason", "timeout");
        let m = problem_message(Lang::Fr, CheckId::SpfLookups, &timeout);
        assert!(m.contains("pas de réponse à temps"), "{m}");
        // Two SPF records: the message is complete in both languages.
        let two = Problem::fail(Code::MultipleRecords)
            .arg("count", 2usize)
            .arg(
                "records",
                vec!["v=spf1 -all".to_string(), "v=spf1 mx -all".to_string()],
            );
        for lang in Lang::ALL {
            let m = problem_message(lang, CheckId::SpfRecord, &two);
            assert!(!m.contains('{') && m.contains('2'), "{m}");
        }
    }

    #[test]
    fn checks_are_named_by_their_titles_not_their_ids() {
        let p = Problem::unknown(Code::NoRecord).arg("check", "spf.record");
        let en = problem_message(Lang::En, CheckId::SpfLookups, &p);
        assert!(
            en.contains("“SPF record”") && !en.contains("spf.record"),
            "{en}"
        );
        let fr = problem_fix(Lang::Fr, CheckId::SpfLookups, &p);
        assert!(
            fr.contains("Enregistrement SPF") && !fr.contains("spf.record"),
            "{fr}"
        );
    }

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
    fn text_from_dns_is_shown_with_its_controls_visible() {
        let cases: &[(CheckId, Problem)] = &[
            (
                CheckId::DmarcRecord,
                Problem::warn(Code::InvalidCharacter)
                    .arg("tag", "foo")
                    .arg("value", "x\nevil.example. 60 IN A 6.6.6.6\u{1b}[2J"),
            ),
            (
                CheckId::SpfRecord,
                Problem::fail(Code::Syntax)
                    .arg("term", "mx\u{1b}]0;title\u{7}")
                    .arg("reason", "invalid-character"),
            ),
            (
                CheckId::DkimRecord,
                Problem::warn(Code::InvalidCharacter)
                    .arg("tag", "n")
                    .arg("value", "\u{1b}[2J\u{202e}"),
            ),
            (
                CheckId::SpfRecord,
                Problem::fail(Code::MultipleRecords)
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
                &Problem::warn(Code::DroppedCharacters)
                    .arg("terms", vec!["foo=a\u{7}".to_string()]),
            );
            assert!(note.contains("foo=a\\u{7}"), "{note}");
        }
    }
}

//! Plain-text output of the command line, in the chosen language.

use std::fmt::Write;

use super::CommonArgs;
use crate::check::{CheckResult, Report, Status};
use crate::fl;
use crate::localize::Lang;
use crate::render;
use crate::safe_text::visible;

fn pad(s: &str, width: usize) -> String {
    let len = s.chars().count();
    format!("{s}{}", " ".repeat(width.saturating_sub(len)))
}

/// The check report: one line per check, then each problem with its fix.
pub fn report(lang: Lang, report: &Report, common: &CommonArgs, authoritative: bool) -> String {
    let mut out = String::new();
    let parsed = crate::domain::DomainName::parse_host(&report.domain);
    let domain = parsed
        .as_ref()
        .map(|d| render::domain_shown(lang, d))
        .unwrap_or_else(|_| report.domain.clone());
    let _ = writeln!(out, "{}", fl!(lang, "cli-report-title", domain = domain));
    if let Some(warning) = parsed
        .ok()
        .and_then(|d| render::lookalike_warning(lang, &d))
    {
        let _ = writeln!(out, "! {warning}");
    }
    let resolver = if authoritative {
        fl!(lang, "cli-resolver-authoritative")
    } else if common.nameservers.is_empty() {
        fl!(lang, "cli-resolver-system")
    } else {
        common
            .nameservers
            .iter()
            .map(|s| s.to_string())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let _ = writeln!(
        out,
        "{}\n",
        fl!(lang, "cli-report-resolver", resolver = resolver)
    );
    let mut counts = [0usize; 5];
    let status_text = |status: Status| {
        format!(
            "{} {}",
            render::status_mark(status),
            render::status_word(lang, status)
        )
    };
    let status_width = report
        .checks
        .iter()
        .map(|c| status_text(c.status).chars().count())
        .max()
        .unwrap_or(0)
        + 2;
    for check in &report.checks {
        counts[check.status as usize] += 1;
        let _ = writeln!(
            out,
            "{}{}",
            pad(&status_text(check.status), status_width),
            render::check_title(lang, check.id)
        );
        if let Some(details) = render::details(lang, check) {
            let _ = writeln!(out, "    {details}");
        }
        if check.status == Status::Pass {
            continue;
        }
        problems_text(&mut out, lang, check);
    }
    if report.checks.iter().any(|c| c.status != Status::Pass) {
        let _ = writeln!(
            out,
            "\n{}",
            fl!(lang, "cli-records-hint", domain = report.domain.as_str())
        );
    }
    let _ = writeln!(
        out,
        "\n{}",
        fl!(
            lang,
            "cli-summary",
            pass = counts[Status::Pass as usize],
            warn = counts[Status::Warn as usize],
            fail = counts[Status::Fail as usize],
            unknown = counts[Status::Unknown as usize],
            waiting = counts[Status::Waiting as usize]
        )
    );
    out
}

/// Findings that are not DNS checks (a test message, a tenant's
/// read-back): one line per check, each problem with its fix, then the
/// counts.
pub fn findings(lang: Lang, checks: &[CheckResult]) -> String {
    let mut out = String::new();
    let mut counts = [0usize; 5];
    let status_text = |status: Status| {
        format!(
            "{} {}",
            render::status_mark(status),
            render::status_word(lang, status)
        )
    };
    let width = checks
        .iter()
        .map(|c| status_text(c.status).chars().count())
        .max()
        .unwrap_or(0)
        + 2;
    for check in checks {
        counts[check.status as usize] += 1;
        let status = status_text(check.status);
        let pad = " ".repeat(width.saturating_sub(status.chars().count()));
        let _ = writeln!(out, "{status}{pad}{}", render::check_title(lang, check.id));
        if check.status == Status::Pass {
            continue;
        }
        problems_text(&mut out, lang, check);
    }
    let _ = writeln!(
        out,
        "\n{}",
        fl!(
            lang,
            "cli-summary",
            pass = counts[Status::Pass as usize],
            warn = counts[Status::Warn as usize],
            fail = counts[Status::Fail as usize],
            unknown = counts[Status::Unknown as usize],
            waiting = counts[Status::Waiting as usize]
        )
    );
    out
}

/// What a check that is not OK found and expected, then each problem with
/// its fix.
fn problems_text(out: &mut String, lang: Lang, check: &crate::check::CheckResult) {
    if !check.found.is_empty() {
        let _ = writeln!(
            out,
            "    {} {}",
            fl!(lang, "cli-found"),
            visible(&check.found.join(" | "))
        );
    }
    if !check.expected.is_empty() {
        let _ = writeln!(
            out,
            "    {} {}",
            fl!(lang, "cli-expected"),
            visible(&check.expected.join(" | "))
        );
    }
    for problem in &check.problems {
        let _ = writeln!(
            out,
            "    {} {}",
            render::status_mark(problem.severity),
            render::problem_message(lang, check.id, problem)
        );
        let _ = writeln!(
            out,
            "      {} {}",
            fl!(lang, "cli-fix"),
            render::problem_fix(lang, check.id, problem)
        );
    }
}

//! `publish`: the records written at the domain's DNS host through its
//! API, with the admin's own credentials, after a before and after; and
//! `--undo`, which puts back what the last change replaced.

use std::fmt::Write as _;
use std::io::{BufRead, Read};
use std::process::ExitCode;

use clap::{Args, ValueEnum};

use super::{
    CommonArgs, DomainArgs, EXIT_FAILED, UsageError, check_input, parse_domain, print, runtime,
};
use crate::check::{self, CheckInput};
use crate::dns::{Dns, DnsOptions};
use crate::fl;
use crate::localize::{self, Lang};
use crate::publish::credentials::{self, Keychain, KeychainError};
use crate::publish::http::Base;
use crate::publish::journal::{Journal, JournalError, SetEntry};
use crate::publish::run::{self, Outcome, StopReason};
use crate::publish::{
    Change, ChangeKind, Client, Host, HostError, PlanRefusal, PublishStep, plan_step,
};
use crate::render;
use crate::safe_text::{visible, visible_lines};

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum HostArg {
    Gandi,
    Cloudflare,
    Ovh,
    Ionos,
}

impl HostArg {
    fn host(self) -> Host {
        match self {
            HostArg::Gandi => Host::Gandi,
            HostArg::Cloudflare => Host::Cloudflare,
            HostArg::Ovh => Host::Ovh,
            HostArg::Ionos => Host::Ionos,
        }
    }
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum StepArg {
    Spf,
    Dkim,
    Dmarc,
    Mx,
}

impl StepArg {
    fn step(self) -> PublishStep {
        match self {
            StepArg::Spf => PublishStep::Spf,
            StepArg::Dkim => PublishStep::Dkim,
            StepArg::Dmarc => PublishStep::Dmarc,
            StepArg::Mx => PublishStep::Mx,
        }
    }
}

#[derive(Debug, Args)]
pub struct PublishArgs {
    /// The domain: example.com, an address, a URL or an international name.
    #[arg(allow_hyphen_values = true, required_unless_present = "forget")]
    pub domain: Option<String>,
    /// The DKIM public key from the console, or @FILE to read it from a file.
    #[arg(long, value_name = "KEY|@FILE")]
    pub dkim_key: Option<String>,
    /// The company that hosts the domain's DNS. Credentials come from the
    /// environment (Gandi: ESM_GANDI_TOKEN, a personal access token;
    /// Cloudflare: ESM_CLOUDFLARE_TOKEN, an API token with DNS edit rights;
    /// OVHcloud: ESM_OVH_APPLICATION_KEY, ESM_OVH_APPLICATION_SECRET and
    /// ESM_OVH_CONSUMER_KEY; IONOS: ESM_IONOS_API_KEY, as prefix.secret),
    /// else from this computer's keychain.
    #[arg(long, value_enum, required_unless_present = "undo")]
    pub host: Option<HostArg>,
    /// Only this step's records; without it SPF, DKIM (with --dkim-key)
    /// and DMARC. The MX records only with --step mx, once the other steps
    /// and the destination server are green.
    #[arg(long, value_enum)]
    pub step: Option<StepArg>,
    /// The server the gateway delivers filtered mail to (needed by --step mx).
    #[arg(long, value_name = "HOST")]
    pub destination: Option<String>,
    /// Show the change and stop: nothing is written.
    #[arg(long)]
    pub dry_run: bool,
    /// Apply without asking (for scripts).
    #[arg(long)]
    pub yes: bool,
    /// Put back what the last change for the domain replaced.
    #[arg(long, conflicts_with_all = ["step", "dry_run", "dkim_key", "destination", "remember"])]
    pub undo: bool,
    /// Keep the credentials given in the environment in this computer's
    /// keychain, for the next times.
    #[arg(long)]
    pub remember: bool,
    /// OVHcloud: ask for a consumer key limited to this domain's records,
    /// kept in the keychain with the application key and secret; the page
    /// to validate it is shown.
    #[arg(long, conflicts_with_all = ["undo", "step", "dry_run", "forget"])]
    pub request_consumer_key: bool,
    /// Remove the credentials kept for --host from this computer's keychain.
    #[arg(long, requires = "host", conflicts_with_all = ["domain", "undo", "step", "dry_run", "remember"])]
    pub forget: bool,
    /// Another address for the host's API (development and tests).
    #[arg(long, hide = true, value_name = "URL")]
    pub api_base: Option<String>,
}

/// The longest answer read at the confirmation question.
const ANSWER_MAX: u64 = 64;

/// Why the journal cannot be used, in words.
pub fn journal_error(lang: Lang, error: &JournalError) -> String {
    let reason = match error {
        JournalError::Read(e) => render::read_error(lang, e),
        JournalError::Write(e) => render::write_error(lang, e),
        JournalError::NoFolder => fl!(lang, "publish-journal-no-folder"),
    };
    fl!(lang, "publish-journal-error", error = reason)
}

/// An error from the host, in words.
pub fn host_error(lang: Lang, error: &HostError) -> String {
    let id = format!("publish-error-{}", error.code());
    let args: Vec<(String, fluent::FluentValue<'static>)> = error
        .args()
        .into_iter()
        .map(|(k, v)| (k.to_string(), fluent::FluentValue::from(v)))
        .collect();
    localize::text(lang, &id, &args).unwrap_or(id)
}

fn stop_reason(lang: Lang, reason: &StopReason, undo: bool) -> String {
    match reason {
        StopReason::Host(e) => host_error(lang, e),
        StopReason::Changed { name } if undo => {
            fl!(
                lang,
                "publish-error-changed-since-written",
                name = visible(name)
            )
        }
        StopReason::Changed { name } => fl!(lang, "publish-error-changed", name = visible(name)),
    }
}

fn refusal(lang: Lang, refusal: &PlanRefusal) -> String {
    match refusal {
        PlanRefusal::Unreadable { name } => {
            fl!(lang, "publish-refused-unreadable", name = visible(name))
        }
        PlanRefusal::NoDkimKey => fl!(lang, "publish-refused-no-dkim-key"),
        PlanRefusal::Alias { name } => fl!(lang, "publish-refused-alias", name = visible(name)),
        PlanRefusal::MxNotReady { steps } => {
            let names: Vec<String> = steps
                .iter()
                .map(|s| localize::text(lang, &format!("step-{}", s.id()), &[]).unwrap_or_default())
                .collect();
            fl!(
                lang,
                "publish-refused-mx-not-ready",
                steps = names.join(", ")
            )
        }
    }
}

/// The change as a before and after, values made visible.
pub fn change_text(lang: Lang, changes: &[Change]) -> String {
    let mut out = String::new();
    for change in changes {
        let kind = match change.kind() {
            ChangeKind::Add => fl!(lang, "publish-kind-add"),
            ChangeKind::Replace => fl!(lang, "publish-kind-replace"),
            ChangeKind::Delete => fl!(lang, "publish-kind-delete"),
        };
        let _ = writeln!(
            out,
            "{}",
            fl!(
                lang,
                "publish-change",
                kind = kind,
                name = visible(&change.fqdn),
                rtype = change.rtype.as_str()
            )
        );
        let _ = writeln!(out, "  {}", fl!(lang, "publish-before"));
        if change.before.is_empty() {
            let _ = writeln!(out, "    {}", fl!(lang, "publish-none"));
        }
        for v in &change.before {
            let mark = if change.after.contains(v) { "=" } else { "-" };
            let _ = writeln!(out, "    {mark} {}", visible(v));
        }
        let _ = writeln!(out, "  {}", fl!(lang, "publish-after"));
        if change.after.is_empty() {
            let _ = writeln!(out, "    {}", fl!(lang, "publish-none"));
        }
        for v in &change.after {
            let mark = if change.before.contains(v) { "=" } else { "+" };
            let _ = writeln!(out, "    {mark} {}", visible(v));
        }
    }
    out
}

/// Asks on stdin; yes only when the admin says so.
fn confirmed(lang: Lang) -> bool {
    print(&format!("{} ", fl!(lang, "publish-confirm")));
    let mut line = String::new();
    let stdin = std::io::stdin();
    let mut limited = stdin.lock().take(ANSWER_MAX);
    if limited.read_line(&mut line).is_err() {
        return false;
    }
    matches!(
        line.trim().to_lowercase().as_str(),
        "y" | "yes" | "o" | "oui"
    )
}

fn keychain_error(lang: Lang, error: KeychainError) -> String {
    localize::text(lang, &format!("publish-keychain-{}", error.code()), &[]).unwrap_or_default()
}

/// The credentials for `host`: the environment's, else the keychain's.
fn secrets(host: Host, lang: Lang) -> Result<credentials::Secrets, UsageError> {
    let mut secrets = credentials::from_env(host);
    let mut problem = None;
    if !secrets.complete(host)
        && let Some(keychain) = Keychain::native()
        && let Err(e) = keychain.fill(host, &mut secrets)
    {
        problem = Some(e);
    }
    if secrets.complete(host) {
        return Ok(secrets);
    }
    let names: Vec<&str> = credentials::fields(host).iter().map(|f| f.env).collect();
    let mut message = fl!(
        lang,
        "publish-error-no-credentials",
        host = host.display_name(),
        variables = names.join(", ")
    );
    if let Some(e) = problem {
        message.push(' ');
        message.push_str(&keychain_error(lang, e));
    }
    Err(UsageError(message))
}

/// `--remember`: the credentials that worked, kept in the keychain.
fn remember(host: Host, secrets: &credentials::Secrets, lang: Lang) -> String {
    let result = match Keychain::native() {
        Some(keychain) => keychain.save(host, secrets),
        None => Err(KeychainError::Unavailable),
    };
    match result {
        Ok(()) => fl!(lang, "publish-remembered", host = host.display_name()),
        Err(e) => keychain_error(lang, e),
    }
}

fn run_forget(host: Host, lang: Lang) -> Result<ExitCode, UsageError> {
    let Some(keychain) = Keychain::native() else {
        return Err(UsageError(keychain_error(lang, KeychainError::Unavailable)));
    };
    let removed = keychain
        .forget(host)
        .map_err(|e| UsageError(keychain_error(lang, e)))?;
    let id = if removed > 0 {
        "publish-forgotten"
    } else {
        "publish-forgotten-none"
    };
    let text = localize::text(lang, id, &[("host".into(), host.display_name().into())])
        .unwrap_or_default();
    let variables: Vec<&str> = credentials::fields(host).iter().map(|f| f.env).collect();
    print(&format!(
        "{text}\n{}\n",
        fl!(lang, "publish-forget-env", variables = variables.join(", "))
    ));
    Ok(ExitCode::SUCCESS)
}

fn base(args: &PublishArgs, lang: Lang) -> Result<Option<Base>, UsageError> {
    match &args.api_base {
        None => Ok(None),
        Some(text) => Base::parse(text)
            .map(Some)
            .ok_or_else(|| UsageError(fl!(lang, "publish-error-api-base", input = visible(text)))),
    }
}

async fn authoritative_dns(
    input: &CheckInput,
    common: &CommonArgs,
    lang: Lang,
) -> Result<Dns, UsageError> {
    let options = DnsOptions {
        resolver: common.resolver(),
        authoritative: true,
        ..DnsOptions::default()
    };
    Dns::new(input.domain.ascii(), &options)
        .await
        .map_err(|e| UsageError(fl!(lang, "cli-error-resolver", error = e.to_string())))
}

/// What was written, set by set, and how to put it back.
fn outcome_text(lang: Lang, outcome: &Outcome, domain: &str, undo: bool) -> String {
    let mut out = String::new();
    for set in &outcome.entry.sets {
        let id = match (set.written, set.failed) {
            (true, _) => "publish-set-written",
            (false, true) => "publish-set-failed",
            _ => continue,
        };
        let _ = writeln!(
            out,
            "  {}",
            localize::text(
                lang,
                id,
                &[
                    ("name".into(), set_name(set, domain).into()),
                    ("rtype".into(), set.rtype.as_str().into()),
                ]
            )
            .unwrap_or_default()
        );
    }
    if let Some((_, reason)) = &outcome.stopped {
        let _ = writeln!(out, "{}", stop_reason(lang, reason, undo));
        if outcome.part_way() && !undo {
            let _ = writeln!(
                out,
                "{}",
                fl!(lang, "publish-part-way", domain = visible(domain))
            );
        } else if outcome.part_way() {
            let _ = writeln!(out, "{}", fl!(lang, "publish-undo-part-way"));
        } else {
            let _ = writeln!(out, "{}", fl!(lang, "publish-nothing-written"));
        }
    }
    if let Some(e) = &outcome.journal_error {
        let _ = writeln!(out, "{}", journal_error(lang, e));
    }
    out
}

fn set_name(set: &SetEntry, domain: &str) -> String {
    let name = if set.name == "@" {
        domain.to_string()
    } else {
        format!("{}.{domain}", set.name)
    };
    visible(&name).into_owned()
}

/// The step's checks after the change, read back from the domain's own
/// name servers.
fn read_back(lang: Lang, report: &check::Report, steps: &[PublishStep]) -> String {
    let mut out = format!("{}\n", fl!(lang, "publish-read-back"));
    for step in steps {
        for id in step.step().checks() {
            if let Some(result) = report.get(*id) {
                let _ = writeln!(
                    out,
                    "  {} {}: {}",
                    render::status_mark(result.status),
                    render::check_title(lang, *id),
                    render::status_word(lang, result.status)
                );
            }
        }
    }
    out
}

pub(super) fn run(args: &PublishArgs, common: &CommonArgs) -> Result<ExitCode, UsageError> {
    let lang = common.language();
    if let (true, Some(host)) = (args.forget, args.host) {
        return run_forget(host.host(), lang);
    }
    if args.undo {
        return run_undo(args, lang);
    }
    if args.request_consumer_key {
        return run_consumer_key(args, lang);
    }
    let Some(host) = args.host.map(HostArg::host) else {
        return Err(UsageError(fl!(lang, "publish-error-no-host")));
    };
    let base = base(args, lang)?;
    let target = DomainArgs {
        domain: args.domain.clone().unwrap_or_default(),
        dkim_key: args.dkim_key.clone(),
        authoritative: true,
    };
    let mut input = check_input(common, &target, args.destination.as_deref())?;
    if args.step.is_none() {
        input.destination = None;
    }
    let domain = input.domain.ascii().to_string();
    let steps: Vec<PublishStep> = match args.step {
        Some(s) => vec![s.step()],
        None => vec![PublishStep::Spf, PublishStep::Dkim, PublishStep::Dmarc],
    };
    let rt = runtime();
    let (report, snap) = rt.block_on(async {
        let dns = authoritative_dns(&input, common, lang).await?;
        Ok::<_, UsageError>(check::run(&input, &dns).await)
    })?;
    let mut changes = Vec::new();
    let mut out = String::new();
    for step in &steps {
        match plan_step(&input, &snap, &report, *step) {
            Ok(c) => changes.extend(c),
            // Asked for by name: the admin must know why it is not done.
            Err(r) if args.step.is_some() => {
                return Err(UsageError(refusal(lang, &r)));
            }
            // DKIM without the console's key is simply not part of it.
            Err(PlanRefusal::NoDkimKey) => {
                let _ = writeln!(out, "{}", fl!(lang, "publish-skipped-dkim"));
            }
            Err(r) => return Err(UsageError(refusal(lang, &r))),
        }
    }
    let _ = writeln!(
        out,
        "{}\n",
        fl!(
            lang,
            "publish-title",
            host = host.display_name(),
            domain = render::domain_shown(lang, &input.domain)
        )
    );
    // Records are about to be written for this name: a lookalike is said first.
    if let Some(warning) = render::lookalike_warning(lang, &input.domain) {
        let _ = writeln!(out, "! {warning}\n");
    }
    if changes.is_empty() {
        let _ = writeln!(out, "{}", fl!(lang, "publish-nothing-to-do"));
        print(&visible_lines(&out));
        return Ok(ExitCode::SUCCESS);
    }
    out.push_str(&change_text(lang, &changes));
    print(&visible_lines(&out));
    if args.dry_run {
        print(&format!("\n{}\n", fl!(lang, "publish-dry-run")));
        return Ok(ExitCode::SUCCESS);
    }
    let secrets = secrets(host, lang)?;
    if !args.yes && !confirmed(lang) {
        print(&format!("{}\n", fl!(lang, "publish-cancelled")));
        return Ok(ExitCode::from(EXIT_FAILED));
    }
    let journal = Journal::open_default()
        .and_then(|j| j.check_writable().map(|()| j))
        .map_err(|e| UsageError(journal_error(lang, &e)))?;
    let client = Client::new(host, base, &secrets).map_err(|e| UsageError(host_error(lang, &e)))?;
    let outcome = rt.block_on(run::apply(&client, &domain, &changes, &journal));
    let mut out = String::new();
    if outcome.stopped.is_none() {
        let _ = writeln!(
            out,
            "\n{}",
            fl!(lang, "publish-done", host = host.display_name())
        );
    } else {
        let _ = writeln!(
            out,
            "\n{}",
            fl!(lang, "publish-stopped", host = host.display_name())
        );
    }
    out.push_str(&outcome_text(lang, &outcome, &domain, false));
    if outcome.stopped.is_none() {
        let report = rt.block_on(async {
            let dns = authoritative_dns(&input, common, lang).await?;
            Ok::<_, UsageError>(check::run(&input, &dns).await.0)
        })?;
        out.push_str(&read_back(lang, &report, &steps));
        if args.remember {
            let _ = writeln!(out, "{}", remember(host, &secrets, lang));
        }
        let _ = writeln!(
            out,
            "{}",
            fl!(lang, "publish-undo-hint", domain = visible(&domain))
        );
    }
    print(&visible_lines(&out));
    Ok(if outcome.stopped.is_none() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(EXIT_FAILED)
    })
}

/// `--request-consumer-key`: OVHcloud's consumer key, asked for, kept in
/// the keychain, and the page to validate it shown. The key itself is
/// never printed: without a keychain, the admin creates it on OVHcloud's
/// own page instead.
fn run_consumer_key(args: &PublishArgs, lang: Lang) -> Result<ExitCode, UsageError> {
    if args.host.map(HostArg::host) != Some(Host::Ovh) {
        return Err(UsageError(fl!(lang, "publish-consumer-key-ovh-only")));
    }
    let domain = parse_domain(args.domain.as_deref().unwrap_or_default(), lang)?;
    let Some(keychain) = Keychain::native() else {
        return Err(UsageError(fl!(lang, "publish-consumer-key-no-keychain")));
    };
    let mut secrets = credentials::from_env(Host::Ovh);
    keychain
        .fill(Host::Ovh, &mut secrets)
        .map_err(|e| UsageError(keychain_error(lang, e)))?;
    if secrets.get("application-key").is_none() || secrets.get("application-secret").is_none() {
        return Err(UsageError(fl!(
            lang,
            "publish-consumer-key-needs-application"
        )));
    }
    let base = base(args, lang)?;
    let base = match base {
        Some(b) => b,
        None => Base::parse(Host::Ovh.default_base())
            .ok_or_else(|| UsageError(host_error(lang, &HostError::BadResponse)))?,
    };
    let client = crate::publish::ovh::Ovh::new(base, &secrets)
        .map_err(|e| UsageError(host_error(lang, &e)))?;
    let pending = runtime()
        .block_on(client.request_consumer_key(domain.ascii()))
        .map_err(|e| UsageError(host_error(lang, &e)))?;
    secrets.set("consumer-key", pending.consumer_key);
    keychain
        .save(Host::Ovh, &secrets)
        .map_err(|e| UsageError(keychain_error(lang, e)))?;
    print(&format!(
        "{}\n  {}\n",
        fl!(
            lang,
            "publish-consumer-key-validate",
            domain = visible(domain.ascii())
        ),
        visible(&pending.validation_url)
    ));
    Ok(ExitCode::SUCCESS)
}

fn run_undo(args: &PublishArgs, lang: Lang) -> Result<ExitCode, UsageError> {
    let domain = parse_domain(args.domain.as_deref().unwrap_or_default(), lang)?;
    let domain = domain.ascii().to_string();
    let journal = Journal::open_default().map_err(|e| UsageError(journal_error(lang, &e)))?;
    let last = journal
        .last_change(&domain)
        .map_err(|e| UsageError(journal_error(lang, &e)))?;
    let Some((entry, sets)) = last else {
        print(&format!(
            "{}\n",
            fl!(lang, "publish-undo-nothing", domain = visible(&domain))
        ));
        return Ok(ExitCode::SUCCESS);
    };
    let Some(host) = Host::from_id(&entry.host) else {
        return Err(UsageError(fl!(
            lang,
            "publish-journal-host",
            host = visible(&entry.host)
        )));
    };
    if let Some(asked) = args.host.map(HostArg::host)
        && asked != host
    {
        return Err(UsageError(fl!(
            lang,
            "publish-undo-other-host",
            host = host.display_name()
        )));
    }
    let base = base(args, lang)?;
    let mut out = format!(
        "{}\n",
        fl!(
            lang,
            "publish-undo-title",
            host = host.display_name(),
            domain = visible(&domain),
            at = visible(&entry.at)
        )
    );
    for set in &sets {
        let _ = writeln!(
            out,
            "  {} {}: {}",
            set_name(set, &domain),
            set.rtype.as_str(),
            set.before
                .iter()
                .map(|v| visible(v).into_owned())
                .collect::<Vec<_>>()
                .join(" | ")
        );
    }
    print(&visible_lines(&out));
    let secrets = secrets(host, lang)?;
    if !args.yes && !confirmed(lang) {
        print(&format!("{}\n", fl!(lang, "publish-cancelled")));
        return Ok(ExitCode::from(EXIT_FAILED));
    }
    let client = Client::new(host, base, &secrets).map_err(|e| UsageError(host_error(lang, &e)))?;
    let outcome = runtime().block_on(run::undo(&client, &domain, &entry, &sets, &journal));
    let mut out = String::new();
    if outcome.stopped.is_none() {
        let _ = writeln!(out, "{}", fl!(lang, "publish-undo-done"));
    }
    out.push_str(&outcome_text(lang, &outcome, &domain, true));
    print(&visible_lines(&out));
    Ok(if outcome.stopped.is_none() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(EXIT_FAILED)
    })
}

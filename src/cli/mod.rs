//! The command line: `check` and `records`, for admins, resellers who
//! onboard many domains, and scripts.

pub mod message;
pub mod publish;
pub mod spf;
pub mod text;

use std::io::{IsTerminal, Write};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::check::{self, CheckInput, Destination};
use crate::dkim::{self, ConsoleKey};
use crate::dns::{Dns, DnsOptions, ResolverChoice, parse_nameserver};
use crate::domain::DomainName;
use crate::files::{self, Accept};
use crate::fl;
use crate::localize::Lang;
use crate::provider::{Provider, ProviderError, PublicResolver};
use crate::records;
use crate::render;
use crate::safe_text::{visible, visible_lines};

/// Exit codes, for scripts: what `--help` says, and what the commands return.
const EXIT_FAILED: u8 = 1;
const EXIT_USAGE: u8 = 2;
const EXIT_UNCHECKED: u8 = 3;

const EXIT_CODES_HELP: &str = "\
Exit codes:
  0  nothing failed and everything could be checked
  1  a check failed (check)
  2  bad input: a domain, option or file that cannot be used
  3  nothing failed, but something could not be checked or read: a DNS
     lookup got no answer (check, records)";

#[derive(Debug, Parser)]
#[command(
    name = "esm-assistant",
    version,
    about = "Set up a domain for the e-securemail filtering gateway: the records to publish, checked live against DNS.",
    long_about = None,
    after_help = EXIT_CODES_HELP
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// The window asks the domain's own name servers, and shows how the MX
    /// records propagate (always so with the system's resolver; with
    /// --nameserver, for trials against local servers).
    #[arg(long)]
    pub authoritative: bool,
    #[command(flatten)]
    pub common: CommonArgs,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check what DNS publishes for a domain against what the gateway needs.
    #[command(after_help = EXIT_CODES_HELP)]
    Check(CheckArgs),
    /// Print the records to publish, merged with what the domain already has.
    #[command(after_help = EXIT_CODES_HELP)]
    Records(RecordsArgs),
    /// Write the printable checklist (PDF) of the domain's setup.
    Checklist(ChecklistArgs),
    /// Print what lets only the gateway reach the mail server: Exchange
    /// Online connectors, Google Workspace settings, or firewall rules.
    Lockdown(LockdownArgs),
    /// Would mail from this server pass SPF? The result a receiver reaches,
    /// the term that decided it, and the DNS lookups used.
    Spf(spf::SpfArgs),
    /// What a real test message proves: it passed through the gateway, its
    /// DKIM signature, SPF and DMARC pass (a .eml file or pasted headers).
    #[command(after_help = message::EXIT_CODES_HELP)]
    Message(message::MessageArgs),
    /// Publish the records at the domain's DNS host through its API, with
    /// your own credentials: the change is shown first, applied once
    /// confirmed, and kept in a journal for --undo.
    Publish(publish::PublishArgs),
}

#[derive(Debug, Clone, Args)]
pub struct CommonArgs {
    /// Ask only this DNS server (IP or IP:PORT); repeat for several.
    #[arg(long = "nameserver", value_name = "IP[:PORT]", global = true, value_parser = parse_nameserver)]
    pub nameservers: Vec<SocketAddr>,
    /// Language of the text: fr or en (default: the system's).
    #[arg(long, value_enum, global = true)]
    pub lang: Option<LangArg>,
    /// Another gateway profile, in the same TOML schema as the built-in one.
    #[arg(long, value_name = "FILE", global = true)]
    pub provider: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum LangArg {
    Fr,
    En,
}

/// The domain and what the DNS questions about it need.
#[derive(Debug, Args)]
pub struct DomainArgs {
    /// The domain: example.com, an address, a URL or an international name.
    #[arg(allow_hyphen_values = true)]
    pub domain: String,
    /// The DKIM public key from the console, or @FILE to read it from a file.
    #[arg(long, value_name = "KEY|@FILE")]
    pub dkim_key: Option<String>,
    /// Ask the domain's own name servers for its records, bypassing caches.
    #[arg(long)]
    pub authoritative: bool,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub target: DomainArgs,
    /// The server the gateway delivers filtered mail to (host name or IP).
    #[arg(long, value_name = "HOST")]
    pub destination: Option<String>,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
    /// Compare the MX records on the domain's own name servers with what
    /// public resolvers hold in their caches (asks the domain's servers,
    /// as --authoritative does).
    #[arg(long)]
    pub propagation: bool,
    /// A resolver to compare with, instead of the profile's public ones
    /// (IP or IP:PORT); repeat for several.
    #[arg(long = "propagation-resolver", value_name = "IP[:PORT]", value_parser = parse_nameserver, requires = "propagation")]
    pub propagation_resolvers: Vec<SocketAddr>,
}

#[derive(Debug, Args)]
pub struct RecordsArgs {
    #[command(flatten)]
    pub target: DomainArgs,
    /// Print JSON.
    #[arg(long, conflicts_with = "zone")]
    pub json: bool,
    /// Print a BIND zone-file snippet.
    #[arg(long)]
    pub zone: bool,
    /// Type the records as this DNS host's zone editor wants them (ovh,
    /// gandi, cloudflare…); by default, the host the NS records name.
    #[arg(long, value_name = "HOST")]
    pub dns_host: Option<String>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum PaperArg {
    A4,
    Letter,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum PlatformArg {
    M365,
    Google,
    Server,
    Other,
}

impl PlatformArg {
    pub fn platform(self) -> crate::platform::Platform {
        use crate::platform::Platform;
        match self {
            PlatformArg::M365 => Platform::Microsoft365,
            PlatformArg::Google => Platform::GoogleWorkspace,
            PlatformArg::Server => Platform::OwnServer,
            PlatformArg::Other => Platform::Other,
        }
    }
}

#[derive(Debug, Args)]
pub struct ChecklistArgs {
    #[command(flatten)]
    pub target: DomainArgs,
    /// Where to write the PDF: a new file or a file to replace; - for
    /// standard output.
    #[arg(long, value_name = "FILE.pdf")]
    pub out: PathBuf,
    /// Paper size.
    #[arg(long, value_enum, default_value = "a4")]
    pub paper: PaperArg,
    /// The mail platform (its notes appear in the checklist).
    #[arg(long, value_enum, default_value = "m365")]
    pub platform: PlatformArg,
    /// The server the gateway delivers filtered mail to (host name or IP).
    #[arg(long, value_name = "HOST")]
    pub destination: Option<String>,
    /// The gateway's outgoing relay, from the console (Microsoft 365).
    #[arg(long, value_name = "HOST")]
    pub smart_host: Option<String>,
    /// The gateway's address ranges as given by support; without it they are
    /// read from the gateway's SPF record.
    #[arg(long, value_name = "FILE")]
    pub ranges: Option<PathBuf>,
    /// The rules printed for a server: nftables, iptables, windows,
    /// exchange, postfix or appliance.
    #[arg(long, value_enum)]
    pub format: Option<LockdownFormat>,
    /// Add the gateway as a trusted ARC sealer (Microsoft 365).
    #[arg(long)]
    pub arc: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LockdownPlatform {
    M365,
    Google,
    Server,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LockdownFormat {
    Powershell,
    Nftables,
    Iptables,
    Windows,
    Exchange,
    Postfix,
    /// A plain rule in words, for a firewall appliance.
    Appliance,
}

#[derive(Debug, Args)]
pub struct LockdownArgs {
    /// The domain: example.com, an address, a URL or an international name.
    #[arg(allow_hyphen_values = true)]
    pub domain: String,
    /// The mail platform.
    #[arg(long, value_enum)]
    pub platform: LockdownPlatform,
    /// The gateway's outgoing relay, from the console (Microsoft 365).
    #[arg(long, value_name = "HOST")]
    pub smart_host: Option<String>,
    /// The gateway's address ranges as given by support; without it they are
    /// read from the gateway's SPF record.
    #[arg(long, value_name = "FILE")]
    pub ranges: Option<PathBuf>,
    /// What to print: powershell (Microsoft 365), or for a server nftables,
    /// iptables, windows, exchange, postfix, or appliance (a plain rule in
    /// words for a firewall appliance).
    #[arg(long, value_enum)]
    pub format: Option<LockdownFormat>,
    /// Add the gateway as a trusted ARC sealer (Microsoft 365).
    #[arg(long)]
    pub arc: bool,
    /// Print how to go back instead: the steps in order, or with --format
    /// the commands that lift the restriction.
    #[arg(long)]
    pub rollback: bool,
}

/// A usage error: message on stderr, exit code 2.
struct UsageError(String);

impl CommonArgs {
    /// The language asked for on the command line, if any.
    pub fn lang_choice(&self) -> Option<Lang> {
        self.lang.map(|l| match l {
            LangArg::Fr => Lang::Fr,
            LangArg::En => Lang::En,
        })
    }

    /// The language asked for, else the system's.
    pub fn language(&self) -> Lang {
        self.lang_choice().unwrap_or_else(Lang::from_system)
    }

    fn provider(&self, lang: Lang) -> Result<Provider, UsageError> {
        self.load_provider(lang).map_err(UsageError)
    }

    /// The profile asked for (the built-in one if none), or why it cannot
    /// be used, in words of `lang`.
    pub fn load_provider(&self, lang: Lang) -> Result<Provider, String> {
        let Some(path) = &self.provider else {
            return Ok(Provider::esm());
        };
        Provider::load(path).map_err(|e| match e {
            ProviderError::Read(e) => fl!(
                lang,
                "cli-error-provider-file",
                path = path.display().to_string(),
                error = render::read_error(lang, &e)
            ),
            other => {
                // A parse error quotes the line at fault on lines of its
                // own: each is kept a line, made visible.
                let detail = other.to_string();
                let mut lines = detail.lines();
                let first = lines.next().unwrap_or_default();
                let mut message = fl!(lang, "cli-error-provider", error = first);
                for line in lines {
                    message.push('\n');
                    message.push_str(&visible(line));
                }
                message
            }
        })
    }

    pub fn resolver(&self) -> ResolverChoice {
        if self.nameservers.is_empty() {
            ResolverChoice::System
        } else {
            ResolverChoice::Servers(self.nameservers.clone())
        }
    }
}

fn parse_domain(input: &str, lang: Lang) -> Result<DomainName, UsageError> {
    DomainName::parse(input).map_err(|e| {
        UsageError(fl!(
            lang,
            "cli-error-domain",
            input = input,
            reason = render::domain_error(lang, &e)
        ))
    })
}

fn parse_dkim_key(arg: Option<&str>, lang: Lang) -> Result<Option<ConsoleKey>, UsageError> {
    let Some(arg) = arg else {
        return Ok(None);
    };
    let text = match arg.strip_prefix('@') {
        Some(path) => {
            files::read_text_limited(Path::new(path), dkim::MAX_KEY_BYTES, Accept::Streams)
                .map_err(|e| {
                    UsageError(fl!(
                        lang,
                        "cli-error-dkim-file",
                        path = path,
                        error = render::read_error(lang, &e)
                    ))
                })?
        }
        None => arg.to_string(),
    };
    dkim::normalise_console_key(&text)
        .map(Some)
        .map_err(|e| UsageError(fl!(lang, "cli-error-dkim-key", reason = e.reason)))
}

fn runtime() -> tokio::runtime::Runtime {
    match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => panic!("cannot start the async runtime: {e}"),
    }
}

async fn gather(
    input: &CheckInput,
    common: &CommonArgs,
    authoritative: bool,
    lang: Lang,
) -> Result<check::Snapshot, UsageError> {
    let dns = dns(input, common, authoritative, lang).await?;
    Ok(check::gather(input, &dns).await)
}

async fn dns(
    input: &CheckInput,
    common: &CommonArgs,
    authoritative: bool,
    lang: Lang,
) -> Result<Dns, UsageError> {
    let options = DnsOptions {
        resolver: common.resolver(),
        authoritative,
        ..DnsOptions::default()
    };
    Dns::new(input.domain.ascii(), &options)
        .await
        .map_err(|e| UsageError(fl!(lang, "cli-error-resolver", error = e.to_string())))
}

/// The resolvers `check --propagation` compares with: those given, else
/// the profile's public ones. With `--nameserver` (tests, development)
/// only those given: the public ones are outside the machine.
fn propagation_resolvers(
    args: &CheckArgs,
    common: &CommonArgs,
    provider: &Provider,
) -> Vec<PublicResolver> {
    if !args.propagation_resolvers.is_empty() {
        // Each is asked on every check: the list is bounded like a profile's.
        return args
            .propagation_resolvers
            .iter()
            .take(crate::provider::MAX_PUBLIC_RESOLVERS)
            .map(|addr| PublicResolver {
                name: addr.ip().to_string(),
                address: *addr,
            })
            .collect();
    }
    if !common.nameservers.is_empty() {
        return Vec::new();
    }
    let mut listed = provider.propagation.resolvers.clone();
    listed.truncate(crate::provider::MAX_PUBLIC_RESOLVERS);
    listed
}

/// A check and the propagation view, asked at the same time.
async fn gather_with_propagation(
    input: &CheckInput,
    common: &CommonArgs,
    resolvers: &[PublicResolver],
    lang: Lang,
) -> Result<(check::Snapshot, check::propagation::PropagationView), UsageError> {
    let dns = dns(input, common, true, lang).await?;
    Ok(futures::join!(
        check::gather(input, &dns),
        check::propagation::observe(input, &dns, resolvers, None)
    ))
}

/// The check report with the propagation view beside its checks.
#[derive(serde::Serialize)]
struct ReportWithPropagation<'a> {
    #[serde(flatten)]
    report: &'a check::Report,
    propagation: &'a check::propagation::PropagationView,
}

/// The input of a check from the command line's words.
fn check_input(
    common: &CommonArgs,
    target: &DomainArgs,
    destination: Option<&str>,
) -> Result<CheckInput, UsageError> {
    let lang = common.language();
    let provider = common.provider(lang)?;
    let domain = parse_domain(&target.domain, lang)?;
    let mut input = CheckInput::new(domain, provider);
    if let Some(dest) = destination {
        input.destination = Some(Destination::parse(dest).map_err(|e| {
            UsageError(fl!(
                lang,
                "cli-error-destination",
                input = dest,
                reason = render::domain_error(lang, &e)
            ))
        })?);
    }
    input.dkim_key = parse_dkim_key(target.dkim_key.as_deref(), lang)?;
    Ok(input)
}

fn run_check(args: &CheckArgs, common: &CommonArgs) -> Result<ExitCode, UsageError> {
    let lang = common.language();
    let input = check_input(common, &args.target, args.destination.as_deref())?;
    let (snap, view) = if args.propagation {
        let resolvers = propagation_resolvers(args, common, &input.provider);
        let (snap, view) =
            runtime().block_on(gather_with_propagation(&input, common, &resolvers, lang))?;
        (snap, Some(view))
    } else {
        let snap = runtime().block_on(gather(&input, common, args.target.authoritative, lang))?;
        (snap, None)
    };
    let report = check::evaluate(&input, &snap);
    if args.json {
        warn_lookalike(lang, &input.domain);
    }
    let out = match (&view, args.json) {
        (Some(view), true) => json(&ReportWithPropagation {
            report: &report,
            propagation: view,
        }),
        (None, true) => json(&report),
        (view, false) => {
            let mut text = text::report(lang, &report, common, snap.authoritative);
            if let Some(view) = view {
                text.push_str(&crate::propagation_text::view(lang, view));
            }
            visible_lines(&text).into_owned()
        }
    };
    print(&out);
    // A check that could not be made is not a success: a script must not
    // read "nothing checked" as "all good".
    Ok(if report.has_failure() {
        ExitCode::from(EXIT_FAILED)
    } else if report.has_unknown() {
        ExitCode::from(EXIT_UNCHECKED)
    } else {
        ExitCode::SUCCESS
    })
}

/// Longest `--dns-host` value looked up: ids are short words.
const DNS_HOST_MAX: usize = 32;

/// The DNS host named with `--dns-host`: a known host's id, or an error
/// listing them.
fn named_dns_host(name: &str, lang: Lang) -> Result<crate::dnshost::Identified, UsageError> {
    let id = name.trim().to_ascii_lowercase();
    (id.len() <= DNS_HOST_MAX)
        .then(|| crate::dnshost::by_id(&id))
        .flatten()
        .ok_or_else(|| {
            let shown: String = name.chars().take(DNS_HOST_MAX).collect();
            UsageError(fl!(
                lang,
                "cli-error-dns-host",
                input = visible(&shown).into_owned(),
                hosts = crate::dnshost::ids().collect::<Vec<_>>().join(", ")
            ))
        })
}

fn run_records(args: &RecordsArgs, common: &CommonArgs) -> Result<ExitCode, UsageError> {
    let lang = common.language();
    let input = check_input(common, &args.target, None)?;
    // A host the assistant does not know is refused before any lookup.
    let named = args
        .dns_host
        .as_deref()
        .map(|n| named_dns_host(n, lang))
        .transpose()?;
    let snap = runtime().block_on(gather(&input, common, args.target.authoritative, lang))?;
    let publication = records::plan(&input, &snap);
    if args.json || args.zone {
        warn_lookalike(lang, &input.domain);
    }
    // The host named, else the one the domain's NS records name.
    let host = named.or_else(|| {
        crate::dnshost::identify(&snap.get(input.domain.ascii(), crate::dns::QType::Ns).ns())
    });
    let guide = host.and_then(|h| h.guide());
    let out = if args.json {
        json(&publication)
    } else if args.zone {
        visible_lines(&publication.to_zone(lang)).into_owned()
    } else {
        visible_lines(&render::records_text_for(
            lang,
            &publication,
            &input.provider,
            guide,
        ))
        .into_owned()
    };
    print(&out);
    // Records to change are the plan, not a failure; records that could not
    // be read leave it incomplete.
    Ok(if publication.is_complete() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(EXIT_UNCHECKED)
    })
}

fn run_checklist(args: &ChecklistArgs, common: &CommonArgs) -> Result<ExitCode, UsageError> {
    let lang = common.language();
    let to_stdout = args.out.as_os_str() == "-";
    if to_stdout && std::io::stdout().is_terminal() {
        return Err(UsageError(fl!(lang, "cli-error-out-terminal")));
    }
    let mut input = check_input(common, &args.target, args.destination.as_deref())?;
    let platform = args.platform.platform();
    input.extra_selectors = platform
        .dkim_selectors()
        .iter()
        .map(|s| s.to_string())
        .collect();
    let snap = runtime().block_on(gather(&input, common, args.target.authoritative, lang))?;
    let report = check::evaluate(&input, &snap);
    let publication = records::plan(&input, &snap);
    let done = std::collections::BTreeSet::new();
    let ticked = std::collections::BTreeSet::new();
    let existing_dkim = crate::content::existing_dkim(&input, &snap);
    let smart_host = match &args.smart_host {
        Some(h) => Some(DomainName::parse_host(h).map_err(|e| {
            UsageError(fl!(
                lang,
                "cli-error-smart-host-invalid",
                input = h.as_str(),
                reason = render::domain_error(lang, &e)
            ))
        })?),
        None => None,
    };
    // Support's list when given (a bad file is an error); else the ranges
    // read from DNS, and when they cannot be, the checklist says to ask.
    let ranges = match &args.ranges {
        Some(path) => Some(load_ranges(Some(path), common, &input.provider, lang)?),
        None => load_ranges(None, common, &input.provider, lang).ok(),
    };
    let format = match args.format {
        Some(LockdownFormat::Iptables) => crate::lockdown::firewall::Format::Iptables,
        Some(LockdownFormat::Windows) => crate::lockdown::firewall::Format::Windows,
        Some(LockdownFormat::Exchange) => crate::lockdown::firewall::Format::Exchange,
        Some(LockdownFormat::Postfix) => crate::lockdown::firewall::Format::Postfix,
        Some(LockdownFormat::Appliance) => crate::lockdown::firewall::Format::Appliance,
        _ => crate::lockdown::firewall::Format::Nftables,
    };
    let now = chrono::Local::now();
    let pdf = crate::checklist::export(&crate::checklist::ChecklistInput {
        domain: &input.domain,
        report: &report,
        content: crate::content::Input {
            domain: Some(&input.domain),
            platform,
            lang,
            provider: &input.provider,
            report: Some(&report),
            publication: Some(&publication),
            destination: input.destination.as_ref().map(|d| d.display()),
            done: &done,
            ticked: &ticked,
            existing_dkim: Some(&existing_dkim),
            checked_at: Some(now),
            lockdown: crate::content::LockdownInput {
                ranges: ranges.as_ref(),
                smart_host: smart_host.as_ref(),
                arc: args.arc,
                format,
            },
            tests: crate::content::TestInput::none(),
            today: now.date_naive(),
        },
        generated_at: now,
        paper: match args.paper {
            PaperArg::A4 => crate::checklist::Paper::A4,
            PaperArg::Letter => crate::checklist::Paper::Letter,
        },
    })
    .map_err(|e| UsageError(fl!(lang, "cli-error-pdf", error = e)))?;
    if to_stdout {
        let mut out = std::io::stdout().lock();
        out.write_all(&pdf)
            .and_then(|()| out.flush())
            .map_err(|e| {
                UsageError(fl!(
                    lang,
                    "cli-error-write",
                    path = "-",
                    error = e.to_string()
                ))
            })?;
        return Ok(ExitCode::SUCCESS);
    }
    crate::files::write_atomic(&args.out, &pdf).map_err(|e| {
        UsageError(fl!(
            lang,
            "cli-error-write",
            path = args.out.display().to_string(),
            error = render::write_error(lang, &e)
        ))
    })?;
    print(&format!(
        "{}\n",
        fl!(
            lang,
            "cli-checklist-written",
            path = args.out.display().to_string()
        )
    ));
    Ok(ExitCode::SUCCESS)
}

/// The rollback plan: the steps in words; with `--format`, the commands
/// that lift the restriction instead (PowerShell for Microsoft 365, the
/// rules' format for a server), to be saved and run.
fn rollback(
    args: &LockdownArgs,
    lang: Lang,
    provider: &crate::provider::Provider,
    domain: &DomainName,
    format: Option<crate::lockdown::firewall::Format>,
) -> String {
    // `format` is the server default when none was asked for: only an
    // explicit `--format` gives commands.
    use crate::lockdown::rollback;
    use crate::platform::Platform;
    let ttl = provider.mx.ttl;
    let platform = match args.platform {
        LockdownPlatform::M365 => {
            if args.format == Some(LockdownFormat::Powershell) {
                return rollback::exchange_online(
                    lang,
                    domain,
                    ttl,
                    chrono::Local::now().date_naive(),
                );
            }
            Platform::Microsoft365
        }
        LockdownPlatform::Google => Platform::GoogleWorkspace,
        LockdownPlatform::Server => match (args.format, format) {
            (Some(_), Some(format)) => return rollback::server(lang, format),
            _ => Platform::OwnServer,
        },
    };
    let mut out = format!("{}\n\n", fl!(lang, "rollback-title"));
    for line in render::rollback_steps(lang, platform, ttl) {
        out.push_str(&line);
        out.push('\n');
    }
    out
}

/// The gateway's ranges: the file given (support's list), else read from
/// the gateway's SPF record.
fn load_ranges(
    path: Option<&std::path::Path>,
    common: &CommonArgs,
    provider: &crate::provider::Provider,
    lang: Lang,
) -> Result<crate::lockdown::GatewayRanges, UsageError> {
    use crate::lockdown::ranges;
    Ok(match path {
        Some(path) => {
            let text = files::read_text_limited(path, ranges::MAX_LIST_BYTES, Accept::Streams)
                .map_err(|e| {
                    UsageError(fl!(
                        lang,
                        "cli-error-ranges-file",
                        path = path.display().to_string(),
                        error = render::read_error(lang, &e)
                    ))
                })?;
            ranges::parse_list(&text).map_err(|e| {
                let path = path.display().to_string();
                UsageError(match e {
                    ranges::ListError::NotARange { line, text } => {
                        fl!(
                            lang,
                            "cli-error-ranges",
                            path = path,
                            line = line,
                            text = text
                        )
                    }
                    ranges::ListError::Refused(refusal) => fl!(
                        lang,
                        "cli-error-ranges-refused",
                        path = path,
                        reason = render::range_refusal(lang, &refusal)
                    ),
                })
            })?
        }
        None => {
            let options = DnsOptions {
                resolver: common.resolver(),
                ..DnsOptions::default()
            };
            let include = provider.spf.include.clone();
            runtime()
                .block_on(ranges::derive_with(&options, &include))
                .map_err(|e| {
                    UsageError(match e {
                        ranges::DeriveError::Refused { include, refusal } => fl!(
                            lang,
                            "cli-error-derive-refused",
                            include = include,
                            reason = render::range_refusal(lang, &refusal)
                        ),
                        other => fl!(lang, "cli-error-derive", reason = other.to_string()),
                    })
                })?
        }
    })
}

fn run_lockdown(args: &LockdownArgs, common: &CommonArgs) -> Result<ExitCode, UsageError> {
    use crate::lockdown::{self, firewall::Format, microsoft};
    let lang = common.language();
    let provider = common.provider(lang)?;
    let domain = parse_domain(&args.domain, lang)?;
    let format = match (args.platform, args.format) {
        (LockdownPlatform::M365, None | Some(LockdownFormat::Powershell)) => None,
        (LockdownPlatform::Google, None) => None,
        (LockdownPlatform::Server, None) => Some(Format::Nftables),
        (LockdownPlatform::Server, Some(f)) if f != LockdownFormat::Powershell => Some(match f {
            LockdownFormat::Nftables => Format::Nftables,
            LockdownFormat::Iptables => Format::Iptables,
            LockdownFormat::Windows => Format::Windows,
            LockdownFormat::Exchange => Format::Exchange,
            LockdownFormat::Appliance => Format::Appliance,
            _ => Format::Postfix,
        }),
        (_, Some(f)) => {
            let name = format!("{f:?}").to_ascii_lowercase();
            return Err(UsageError(fl!(lang, "cli-error-format", format = name)));
        }
    };
    if args.rollback {
        print(&rollback(args, lang, &provider, &domain, format));
        return Ok(ExitCode::SUCCESS);
    }
    let smart_host = match (&args.smart_host, args.platform) {
        (Some(h), _) => Some(DomainName::parse_host(h).map_err(|e| {
            UsageError(fl!(
                lang,
                "cli-error-smart-host-invalid",
                input = h.as_str(),
                reason = render::domain_error(lang, &e)
            ))
        })?),
        (None, LockdownPlatform::M365) => {
            return Err(UsageError(fl!(lang, "cli-error-smart-host")));
        }
        (None, _) => None,
    };
    let gateway = load_ranges(args.ranges.as_deref(), common, &provider, lang)?;
    let gateway_mx = lockdown::guard::gateway_hosts(&provider);
    let guard = lockdown::guard::MxGuard {
        domain: &domain,
        gateway_mx: &gateway_mx,
    };
    let out = match args.platform {
        LockdownPlatform::M365 => {
            let Some(smart_host) = smart_host else {
                return Err(UsageError(fl!(lang, "cli-error-smart-host")));
            };
            let arc = if args.arc {
                lockdown::arc_sealer(&provider)
            } else {
                None
            };
            microsoft::script(&microsoft::ScriptInput {
                domain: &domain,
                smart_host: &smart_host,
                gateway_mx: &gateway_mx,
                ranges: &gateway,
                arc_sealer: arc.as_ref(),
                support_email: &provider.support_email,
                date: chrono::Local::now().date_naive(),
                lang,
            })
            .map_err(|e| UsageError(fl!(lang, "cli-error-script", error = e.to_string())))?
        }
        LockdownPlatform::Google => render::google_settings(lang, &gateway),
        LockdownPlatform::Server => lockdown::firewall::rules(
            lang,
            format.unwrap_or(Format::Nftables),
            &guard,
            &gateway,
            &provider.support_email,
        ),
    };
    print(&out);
    Ok(ExitCode::SUCCESS)
}

/// `value` as pretty JSON, with every hidden character inside its strings
/// written as a `\uXXXX` escape. serde_json escapes C0 controls, `"` and
/// `\` itself, but writes DEL, C1 controls and bidirectional marks raw.
/// Outside strings JSON has only spaces and line breaks, so every other
/// hidden character met is inside a string, where the escape is valid.
fn json(value: &impl serde::Serialize) -> String {
    let text = serde_json::to_string_pretty(value).unwrap_or_default();
    let mut out = String::with_capacity(text.len() + 1);
    for c in text.chars() {
        if c != '\n' && crate::safe_text::is_hidden(c) {
            // Hidden characters are all in the Basic Multilingual Plane.
            out.push_str(&format!("\\u{:04x}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out.push('\n');
    out
}

/// Where the output is for programs, a lookalike name is still said, on
/// stderr.
fn warn_lookalike(lang: Lang, domain: &DomainName) {
    if let Some(warning) = render::lookalike_warning(lang, domain) {
        eprintln!("esm-assistant: {warning}");
    }
}

/// Writes to stdout; a closed pipe (`| head`) is not an error.
fn print(text: &str) {
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(text.as_bytes());
    let _ = out.flush();
}

/// Runs a command; `None` when no command was given (the window's job).
pub fn run(cli: &Cli) -> Option<ExitCode> {
    let result = match cli.command.as_ref()? {
        Command::Check(args) => run_check(args, &cli.common),
        Command::Records(args) => run_records(args, &cli.common),
        Command::Checklist(args) => run_checklist(args, &cli.common),
        Command::Lockdown(args) => run_lockdown(args, &cli.common),
        Command::Spf(args) => spf::run(args, &cli.common),
        Command::Message(args) => message::run(args, &cli.common),
        Command::Publish(args) => publish::run(args, &cli.common),
    };
    Some(match result {
        Ok(code) => code,
        Err(UsageError(message)) => {
            // Messages quote what was given: a file's line, a path, a name.
            eprintln!("esm-assistant: {}", visible_lines(&message));
            ExitCode::from(EXIT_USAGE)
        }
    })
}

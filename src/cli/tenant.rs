//! `tenant`: what a Microsoft 365 tenant says of its connectors. `tenant
//! script` prints the read-only PowerShell script; `tenant check` reads
//! what it printed and judges each item. The output is read on this
//! computer; only the gateway's ranges may be asked of DNS, when not given.

use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Subcommand};

use super::{
    CommonArgs, EXIT_FAILED, EXIT_UNCHECKED, EXIT_USAGE, UsageError, json, load_ranges, print,
};
use crate::domain::DomainName;
use crate::files::{self, Accept};
use crate::fl;
use crate::localize::Lang;
use crate::lockdown::words;
use crate::render;
use crate::safe_text::{visible, visible_lines};
use crate::tenant::{self, MAX_READBACK_BYTES, ReadbackError, ReadbackInput, TenantSetup};

pub const EXIT_CODES_HELP: &str = "\
Exit codes:
  0  every item passed and everything could be checked
  1  an item failed
  2  the input is not the read-back script's output, or an option cannot
     be used
  3  nothing failed, but something could not be checked (the gateway's
     ranges or smart host are not known)";

#[derive(Debug, Args)]
pub struct TenantArgs {
    #[command(subcommand)]
    pub command: TenantCommand,
}

#[derive(Debug, Subcommand)]
pub enum TenantCommand {
    /// Print the read-only Exchange Online PowerShell script that reads
    /// the tenant's connectors back.
    Script(ScriptArgs),
    /// Check what the read-back script printed: the inbound connector,
    /// Enhanced Filtering, the outbound connector.
    #[command(after_help = EXIT_CODES_HELP)]
    Check(CheckArgs),
}

#[derive(Debug, Args)]
pub struct ScriptArgs {
    /// The domain set up, named in the script's first comment.
    #[arg(long, value_name = "DOMAIN")]
    pub domain: Option<String>,
    /// Save the script to this file (.ps1) instead of printing it.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// What the read-back script printed, or the file it saved; - reads
    /// standard input.
    #[arg(allow_hyphen_values = true, value_name = "FILE|-")]
    pub file: String,
    /// The gateway's outgoing relay, from its console.
    #[arg(long, value_name = "HOST")]
    pub smart_host: Option<String>,
    /// The gateway's address ranges as given by support; without it they
    /// are read from the gateway's SPF record.
    #[arg(long, value_name = "FILE")]
    pub ranges: Option<PathBuf>,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

pub(super) fn run(args: &TenantArgs, common: &CommonArgs) -> Result<ExitCode, UsageError> {
    match &args.command {
        TenantCommand::Script(a) => script(a, common),
        TenantCommand::Check(a) => check(a, common),
    }
}

fn script(args: &ScriptArgs, common: &CommonArgs) -> Result<ExitCode, UsageError> {
    let lang = common.language();
    let domain = args
        .domain
        .as_deref()
        .map(|d| super::parse_domain(d, lang))
        .transpose()?;
    let script = tenant::readback_script(&ReadbackInput {
        domain: domain.as_ref(),
        lang,
    });
    let Some(path) = &args.out else {
        print(&script);
        return Ok(ExitCode::SUCCESS);
    };
    files::write_atomic(path, &words::file_bytes("ps1", script)).map_err(|e| {
        UsageError(fl!(
            lang,
            "cli-error-write",
            path = path.display().to_string(),
            error = render::write_error(lang, &e)
        ))
    })?;
    print(&format!(
        "{}\n",
        visible_lines(&fl!(
            lang,
            "cli-tenant-script-written",
            path = path.display().to_string(),
            file = tenant::script::READBACK_FILE
        ))
    ));
    Ok(ExitCode::SUCCESS)
}

/// The bytes given, read up to one byte more than a read-back may weigh,
/// so that a larger one is refused unread.
fn read_input(file: &str, lang: Lang) -> Result<Vec<u8>, UsageError> {
    let limit = MAX_READBACK_BYTES as u64 + 1;
    let error = |path: &str, error: String| {
        UsageError(fl!(
            lang,
            "cli-error-tenant-file",
            path = path,
            error = error
        ))
    };
    if file == "-" {
        let mut bytes = Vec::new();
        std::io::stdin()
            .lock()
            .take(limit)
            .read_to_end(&mut bytes)
            .map_err(|e| error("-", e.to_string()))?;
        return Ok(bytes);
    }
    let path = Path::new(file);
    files::read_limited(path, limit, Accept::Streams)
        .map_err(|e| error(&path.display().to_string(), render::read_error(lang, &e)))
}

/// Why the paste is not the read-back script's output, in words.
pub fn readback_error(lang: Lang, error: &ReadbackError) -> String {
    render::tenant_error(lang, error)
}

/// What `--json` prints.
#[derive(serde::Serialize)]
struct TenantReport<'a> {
    inbound_connectors: usize,
    outbound_connectors: usize,
    checks: &'a [crate::check::CheckResult],
}

fn check(args: &CheckArgs, common: &CommonArgs) -> Result<ExitCode, UsageError> {
    let lang = common.language();
    let smart_host = args
        .smart_host
        .as_deref()
        .map(|h| {
            DomainName::parse_host(h).map_err(|e| {
                UsageError(fl!(
                    lang,
                    "cli-error-smart-host-invalid",
                    input = h,
                    reason = render::domain_error(lang, &e)
                ))
            })
        })
        .transpose()?;
    let bytes = read_input(&args.file, lang)?;
    let readback = match tenant::text_of(&bytes).and_then(tenant::parse) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("esm-assistant: {}", visible(&readback_error(lang, &e)));
            return Ok(ExitCode::from(EXIT_USAGE));
        }
    };
    let provider = common.provider(lang)?;
    // Support's list when given (a bad file is an error); else the ranges
    // read from DNS, and when they cannot be, the checks say so.
    let ranges = match &args.ranges {
        Some(path) => Some(load_ranges(Some(path), common, &provider, lang)?),
        None => load_ranges(None, common, &provider, lang).ok(),
    };
    let checks = tenant::checks(&readback, &TenantSetup { smart_host, ranges });
    if args.json {
        print(&json(&TenantReport {
            inbound_connectors: readback.inbound.len(),
            outbound_connectors: readback.outbound.len(),
            checks: &checks,
        }));
    } else {
        let mut out = fl!(
            lang,
            "cli-tenant-title",
            inbound = readback.inbound.len(),
            outbound = readback.outbound.len()
        );
        out.push_str("\n\n");
        out.push_str(&super::text::findings(lang, &checks));
        print(&visible_lines(&out));
    }
    Ok(
        if checks
            .iter()
            .any(|c| c.status == crate::check::Status::Fail)
        {
            ExitCode::from(EXIT_FAILED)
        } else if checks
            .iter()
            .any(|c| c.status == crate::check::Status::Unknown)
        {
            ExitCode::from(EXIT_UNCHECKED)
        } else {
            ExitCode::SUCCESS
        },
    )
}

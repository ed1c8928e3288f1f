//! `message`: what a real test message proves, from its `.eml` or its
//! pasted headers. Everything is read on this computer; only the DNS
//! questions (the DKIM key, SPF, DMARC, the gateway's ranges) leave it,
//! to the resolver chosen with `--nameserver` or the system's.

use std::fmt::Write as _;
use std::io::Read as _;
use std::path::Path;
use std::process::ExitCode;

use clap::{Args, ValueEnum};

use super::{
    CommonArgs, EXIT_FAILED, EXIT_UNCHECKED, EXIT_USAGE, PlatformArg, UsageError, json,
    parse_domain, print, runtime,
};
use crate::dns::{Dns, DnsOptions};
use crate::files::{self, Accept};
use crate::fl;
use crate::localize::Lang;
use crate::message::{self, Direction, InputError, MAX_MESSAGE_BYTES, MessageReport, Setup};
use crate::render;
use crate::safe_text::{visible, visible_lines};

pub const EXIT_CODES_HELP: &str = "\
Exit codes:
  0  every finding passed and everything could be checked
  1  a finding failed
  2  the input cannot be read as a message, or an option cannot be used
  3  nothing failed, but something could not be checked (a DNS lookup got
     no answer, or the headers do not show it)";

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum DirectionArg {
    /// From an outside mailbox to the domain.
    Inbound,
    /// From the domain to an outside mailbox.
    Outbound,
}

#[derive(Debug, Args)]
pub struct MessageArgs {
    /// The message: a .eml file, or a text file of its headers; - reads
    /// standard input (headers pasted into a terminal end with Ctrl-D).
    #[arg(allow_hyphen_values = true, value_name = "FILE|-")]
    pub file: String,
    /// The domain set up; default: the sender's domain for an outbound
    /// message, the recipient's for an inbound one.
    #[arg(long, value_name = "DOMAIN")]
    pub domain: Option<String>,
    /// Which way the message went; default: outbound when it is from the
    /// domain, else inbound (needs --domain).
    #[arg(long, value_enum)]
    pub direction: Option<DirectionArg>,
    /// The mail platform behind the gateway.
    #[arg(long, value_enum, default_value = "m365")]
    pub platform: PlatformArg,
    /// The destination server saved in the gateway's console.
    #[arg(long, value_name = "HOST")]
    pub destination: Option<String>,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

/// The bytes given: the file, or standard input, read up to one byte more
/// than a message may weigh, so that a larger one is refused unread.
fn read_input(args: &MessageArgs, lang: Lang) -> Result<Vec<u8>, UsageError> {
    let limit = MAX_MESSAGE_BYTES as u64 + 1;
    if args.file == "-" {
        let mut bytes = Vec::new();
        std::io::stdin()
            .lock()
            .take(limit)
            .read_to_end(&mut bytes)
            .map_err(|e| {
                UsageError(fl!(
                    lang,
                    "cli-error-message-file",
                    path = "-",
                    error = e.to_string()
                ))
            })?;
        return Ok(bytes);
    }
    let path = Path::new(&args.file);
    match files::read_limited(path, limit, Accept::Streams) {
        Ok(bytes) => Ok(bytes),
        Err(e) => Err(UsageError(fl!(
            lang,
            "cli-error-message-file",
            path = path.display().to_string(),
            error = render::read_error(lang, &e)
        ))),
    }
}

/// Why the input is not a message, in words.
pub fn input_error(lang: Lang, error: &InputError) -> String {
    render::message_input_error(lang, error)
}

pub(super) fn run(args: &MessageArgs, common: &CommonArgs) -> Result<ExitCode, UsageError> {
    let lang = common.language();
    let provider = common.provider(lang)?;
    let domain = args
        .domain
        .as_deref()
        .map(|d| parse_domain(d, lang))
        .transpose()?;
    let mut setup = Setup::new(args.platform.platform(), provider);
    setup.domain = domain;
    setup.direction = args.direction.map(|d| match d {
        DirectionArg::Inbound => Direction::Inbound,
        DirectionArg::Outbound => Direction::Outbound,
    });
    setup.destination = args.destination.clone();
    let input = read_input(args, lang)?;
    let options = DnsOptions {
        resolver: common.resolver(),
        ..DnsOptions::default()
    };
    let resolver_domain = setup
        .domain
        .as_ref()
        .map_or(String::new(), |d| d.ascii().to_string());
    let result = runtime().block_on(async {
        let dns = Dns::new(&resolver_domain, &options)
            .await
            .map_err(|e| UsageError(fl!(lang, "cli-error-resolver", error = e.to_string())))?;
        Ok::<_, UsageError>(message::analyse(&input, &setup, &dns).await)
    })?;
    let report = match result {
        Ok(report) => report,
        Err(e) => {
            eprintln!("esm-assistant: {}", visible(&input_error(lang, &e)));
            return Ok(ExitCode::from(EXIT_USAGE));
        }
    };
    if args.json {
        print(&json(&report));
    } else {
        print(&visible_lines(&report_text(lang, &report)));
    }
    Ok(if report.has_failure() {
        ExitCode::from(EXIT_FAILED)
    } else if report.has_unknown() {
        ExitCode::from(EXIT_UNCHECKED)
    } else {
        ExitCode::SUCCESS
    })
}

/// The findings: one line per check, then each problem with its fix.
pub fn report_text(lang: Lang, report: &MessageReport) -> String {
    let mut out = String::new();
    let direction = match report.direction {
        Direction::Inbound => "inbound",
        Direction::Outbound => "outbound",
    };
    let _ = writeln!(
        out,
        "{}",
        fl!(
            lang,
            "cli-message-title",
            direction = direction,
            domain = report.domain.as_str(),
            hops = report.hops,
            date = report.date.as_deref().unwrap_or("none")
        )
    );
    // Only an outgoing message's DKIM signature is verified: the note is
    // for it alone.
    if report.headers_only && report.direction == Direction::Outbound {
        let _ = writeln!(out, "{}", fl!(lang, "cli-message-headers-only"));
    }
    out.push('\n');
    out.push_str(&super::text::findings(lang, &report.checks));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::localize::{FluentValue, StrictBundle};

    /// Every reason a message is refused reads in both languages, with its
    /// figures and nothing left unfilled.
    #[test]
    fn every_refusal_reads_in_both_languages() {
        let errors = [
            InputError::Empty,
            InputError::TooLarge {
                size: 30 * 1024 * 1024,
                limit: MAX_MESSAGE_BYTES,
            },
            InputError::HeadersTooLarge { limit: 1024 * 1024 },
            InputError::Binary { line: 7 },
            InputError::NotText { line: 7 },
            InputError::BrokenHeader {
                line: 7,
                text: "Dear admin".into(),
            },
            InputError::NotAMessage,
            InputError::TooManyHops {
                count: 10_000,
                limit: 100,
            },
            InputError::NoDomain,
        ];
        for lang in Lang::ALL {
            let bundle = StrictBundle::new(lang).unwrap();
            for error in &errors {
                let args: Vec<(String, FluentValue<'static>)> = error
                    .args()
                    .into_iter()
                    .map(|(k, v)| (k.to_string(), FluentValue::from(v)))
                    .collect();
                let id = format!("message-error-{}", error.code());
                let words = bundle.format(&id, &args).unwrap();
                for (_, value) in error.args() {
                    assert!(words.contains(&value), "{id}: {words}");
                }
                assert_eq!(input_error(lang, error), words);
            }
        }
    }
}

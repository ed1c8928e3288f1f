//! DKIM, SPF and DMARC of an outgoing test message, verified now by
//! `mail-auth` on the assistant's own resolver (so that `--nameserver`
//! applies), its lookups asked together: the DKIM key, the SPF policy and
//! the DMARC record at once, the DMARC verdict then read from what was
//! fetched.

use std::borrow::Borrow;
use std::collections::HashMap;
use std::hash::Hash;
use std::net::IpAddr;
use std::sync::Mutex;

use hickory_resolver::TokioResolver;
use mail_auth::common::verify::DomainKey;
use mail_auth::dkim::DkimError;
use mail_auth::dmarc::Dmarc;
use mail_auth::spf::verify::SpfParameters;
use mail_auth::{
    AuthenticatedMessage, DkimResult, DmarcResult, DnsError, Error, MessageAuthenticator,
    Parameters, ResolverCache, SpfResult, Txt, dmarc::verify::DmarcParameters,
};

use super::chain::{self, Gateway};
use super::{Read, Setup, shown};
use crate::check::{Code, Problem};

/// What one verification found: its problems, what it saw, and whether it
/// passed (`None` when it could not tell).
#[derive(Debug, Clone, Default)]
pub(super) struct Outcome {
    pub problems: Vec<Problem>,
    pub found: Vec<String>,
    pub pass: Option<bool>,
}

impl Outcome {
    fn pass(found: Vec<String>) -> Outcome {
        Outcome {
            problems: Vec::new(),
            found,
            pass: Some(true),
        }
    }

    fn fail(problem: Problem, found: Vec<String>) -> Outcome {
        Outcome {
            problems: vec![problem],
            found,
            pass: Some(false),
        }
    }

    fn unknown(problem: Problem) -> Outcome {
        Outcome {
            problems: vec![problem],
            found: Vec::new(),
            pass: None,
        }
    }
}

#[derive(Debug, Clone, Default)]
pub(super) struct Verified {
    pub dkim: Outcome,
    pub spf: Outcome,
    pub dmarc: Outcome,
}

/// The TXT answers fetched for one message, shared by the verifications.
struct TxtCache(Mutex<HashMap<Box<str>, Txt>>);

impl ResolverCache<Box<str>, Txt> for TxtCache {
    fn get<Q>(&self, name: &Q) -> Option<Txt>
    where
        Box<str>: Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        self.0.lock().ok()?.get(name).cloned()
    }

    fn remove<Q>(&self, name: &Q) -> Option<Txt>
    where
        Box<str>: Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        self.0.lock().ok()?.remove(name)
    }

    fn insert(&self, key: Box<str>, value: Txt, _valid_until: std::time::Instant) {
        if let Ok(mut map) = self.0.lock() {
            map.insert(key, value);
        }
    }
}

fn lookup_failed(name: &str) -> Problem {
    Problem::unknown(Code::LookupFailed)
        .arg("name", shown(name))
        .arg("type", "TXT")
        .arg("reason", "error")
}

fn is_temporary(e: &Error) -> bool {
    matches!(e, Error::Dns(DnsError::Resolver(_)))
}

pub(super) async fn outbound(read: &Read<'_>, setup: &Setup, resolver: TokioResolver) -> Verified {
    let auth = MessageAuthenticator(resolver);
    let cache = TxtCache(Mutex::new(HashMap::new()));
    let domain = read.domain.as_str();
    let selector = setup.provider.dkim.selector.to_ascii_lowercase();
    let Some(message) = AuthenticatedMessage::parse(&read.raw.bytes) else {
        let none = Outcome::unknown(lookup_failed(domain));
        return Verified {
            dkim: none.clone(),
            spf: none.clone(),
            dmarc: none,
        };
    };
    // The hop that reached the receiver: what SPF is judged on. Found by
    // the gateway's names alone; its ranges are being looked up meanwhile.
    let hosts: Vec<String> = setup
        .provider
        .mx
        .hosts
        .iter()
        .map(|h| h.host.clone())
        .collect();
    let names_only = Gateway::new(&hosts, &[]);
    let receiving = chain::entry_hop(&read.hops, &names_only)
        .map(|(_, hop)| hop)
        .and_then(|hop| hop.from_ip.map(|ip| (ip, hop.from_names.first().cloned())));
    let mail_from = read
        .message
        .return_address()
        .map(|a| a.trim_matches(['<', '>', ' ']).to_ascii_lowercase())
        .unwrap_or_default();
    let mail_from_domain = mail_from
        .rsplit_once('@')
        .map(|(_, d)| d.to_string())
        .unwrap_or_else(|| domain.to_string());

    let dmarc_name = format!(
        "_dmarc.{}.",
        message.from().rsplit_once('@').map_or(domain, |(_, d)| d)
    );
    let dkim_fut = dkim(
        &auth,
        &cache,
        &message,
        domain,
        &selector,
        read.raw.has_body,
    );
    let spf_fut = spf(&auth, &cache, receiving, &mail_from, domain);
    let prefetch = async {
        // Fetched now, read by the DMARC verification below from the cache.
        let _ = auth
            .txt_lookup::<Dmarc>(dmarc_name.as_str(), Some(&cache))
            .await;
    };
    let ((dkim_outcome, dkim_outputs), (spf_outcome, spf_output), ()) =
        tokio::join!(dkim_fut, spf_fut, prefetch);

    let dmarc_outcome = match &spf_output {
        Some(spf_output) => {
            let params =
                DmarcParameters::new(&message, &dkim_outputs, &mail_from_domain, spf_output);
            let out = auth
                .verify_dmarc(Parameters::new(params).with_txt_cache(&cache))
                .await;
            let temporary = |r: &DmarcResult| matches!(r, DmarcResult::TempError(_));
            let found = vec![format!(
                "dkim={} spf={}",
                dmarc_word(out.dkim_result()),
                dmarc_word(out.spf_result())
            )];
            if temporary(out.dkim_result()) || temporary(out.spf_result()) {
                Outcome::unknown(lookup_failed(dmarc_name.trim_end_matches('.')))
            } else if matches!(out.dkim_result(), DmarcResult::Pass)
                || matches!(out.spf_result(), DmarcResult::Pass)
            {
                Outcome::pass(found)
            } else {
                let reason = if out.dmarc_record().is_none() {
                    "no-record"
                } else {
                    "not-aligned"
                };
                Outcome::fail(
                    Problem::fail(Code::DmarcNotPassing)
                        .arg("domain", shown(out.domain()))
                        .arg("reason", reason),
                    found,
                )
            }
        }
        None => Outcome::unknown(Problem::unknown(Code::NoReceivingHop)),
    };
    Verified {
        dkim: dkim_outcome,
        spf: spf_outcome,
        dmarc: dmarc_outcome,
    }
}

fn dmarc_word(r: &DmarcResult) -> &'static str {
    match r {
        DmarcResult::Pass => "pass",
        DmarcResult::Fail(_) => "fail",
        DmarcResult::TempError(_) => "temperror",
        DmarcResult::PermError(_) => "permerror",
        DmarcResult::None => "none",
    }
}

async fn dkim<'x>(
    auth: &MessageAuthenticator,
    cache: &'x TxtCache,
    message: &'x AuthenticatedMessage<'x>,
    domain: &str,
    selector: &str,
    has_body: bool,
) -> (Outcome, Vec<mail_auth::DkimOutput<'x>>) {
    let name = format!("{selector}._domainkey.{domain}");
    let signatures: Vec<(String, String)> = message
        .dkim_headers
        .iter()
        .map(|h| {
            (
                h.header.d.to_ascii_lowercase(),
                h.header.s.to_ascii_lowercase(),
            )
        })
        .collect();
    let found: Vec<String> = signatures
        .iter()
        .map(|(d, s)| format!("d={d} s={s}"))
        .collect();
    let ours = signatures.iter().any(|(d, s)| d == domain && s == selector);
    if !ours {
        let outputs = if has_body {
            auth.verify_dkim(Parameters::new(message).with_txt_cache(cache))
                .await
        } else {
            Vec::new()
        };
        let listed: Vec<String> = found
            .iter()
            .filter_map(|f| match shown(f) {
                crate::check::Arg::Text(t) => Some(t),
                _ => None,
            })
            .collect();
        return (
            Outcome::fail(
                Problem::fail(Code::DkimNotSigned)
                    .arg("domain", shown(domain))
                    .arg("selector", shown(selector))
                    .arg("found_count", listed.len())
                    .arg("found", listed),
                found,
            ),
            outputs,
        );
    }
    if !has_body {
        // Headers alone: the body hash cannot be checked; the key can.
        let key = auth
            .txt_lookup::<DomainKey>(format!("{name}."), Some(cache))
            .await;
        let outcome = match key {
            Ok(_) => Outcome {
                problems: vec![Problem::warn(Code::DkimHeadersOnly).arg("name", shown(&name))],
                found,
                pass: None,
            },
            Err(e) if is_temporary(&e) => Outcome::unknown(lookup_failed(&name)),
            Err(_) => Outcome::fail(
                Problem::fail(Code::DkimInvalid)
                    .arg("name", shown(&name))
                    .arg("reason", "no-key"),
                found,
            ),
        };
        return (outcome, Vec::new());
    }
    let outputs = auth
        .verify_dkim(Parameters::new(message).with_txt_cache(cache))
        .await;
    let result = outputs
        .iter()
        .find(|o| {
            o.signature().is_some_and(|s| {
                s.d.eq_ignore_ascii_case(domain) && s.s.eq_ignore_ascii_case(selector)
            })
        })
        .map(|o| o.result().clone());
    let outcome = match result {
        Some(DkimResult::Pass) => Outcome::pass(found),
        Some(DkimResult::TempError(_)) => Outcome::unknown(lookup_failed(&name)),
        Some(DkimResult::Fail(e) | DkimResult::PermError(e) | DkimResult::Neutral(e)) => {
            let reason = match e {
                Error::Dkim(DkimError::FailedBodyHashMatch) => "body-hash",
                Error::Dkim(DkimError::RevokedPublicKey) => "revoked",
                Error::Dkim(DkimError::SignatureExpired) => "expired",
                Error::Dns(_) => "no-key",
                Error::Crypto(_) | Error::Base64 => "signature",
                _ => "other",
            };
            Outcome::fail(
                Problem::fail(Code::DkimInvalid)
                    .arg("name", shown(&name))
                    .arg("reason", reason),
                found,
            )
        }
        Some(DkimResult::None) | None => Outcome::fail(
            Problem::fail(Code::DkimInvalid)
                .arg("name", shown(&name))
                .arg("reason", "other"),
            found,
        ),
    };
    (outcome, outputs)
}

async fn spf(
    auth: &MessageAuthenticator,
    cache: &TxtCache,
    receiving: Option<(IpAddr, Option<String>)>,
    mail_from: &str,
    domain: &str,
) -> (Outcome, Option<mail_auth::SpfOutput>) {
    let Some((ip, helo)) = receiving else {
        return (
            Outcome::unknown(Problem::unknown(Code::NoReceivingHop)),
            None,
        );
    };
    let sender = if mail_from.contains('@') {
        mail_from.to_string()
    } else {
        format!("postmaster@{domain}")
    };
    let helo = helo.unwrap_or_else(|| domain.to_string());
    let params = SpfParameters::verify_mail_from(ip, &helo, "receiver.invalid", &sender);
    let output = auth
        .verify_spf(Parameters::new(params).with_txt_cache(cache))
        .await;
    let spf_domain = output.domain().to_string();
    let found = vec![format!("{ip} {spf_domain}")];
    let word = match output.result() {
        SpfResult::Pass => return (Outcome::pass(found), Some(output)),
        SpfResult::TempError => {
            return (Outcome::unknown(lookup_failed(&spf_domain)), Some(output));
        }
        SpfResult::Fail => "fail",
        SpfResult::SoftFail => "softfail",
        SpfResult::Neutral => "neutral",
        SpfResult::None => "none",
        SpfResult::PermError => "permerror",
    };
    (
        Outcome::fail(
            Problem::fail(Code::SpfNotPassing)
                .arg("ip", ip.to_string())
                .arg("domain", shown(&spf_domain))
                .arg("result", word),
            found,
        ),
        Some(output),
    )
}

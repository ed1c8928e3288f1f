//! Fetching a domain's MTA-STS policy file as a sender would (RFC 8461
//! §3.3): HTTPS to `mta-sts.<domain>`, a certificate valid for that name
//! from the system's roots (`SSL_CERT_FILE` and `SSL_CERT_DIR` are
//! honoured), no redirect, status 200, a bounded size and time. The name
//! is resolved with the assistant's own resolver, so that `--nameserver`
//! applies.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use super::policy::MAX_POLICY_BYTES;
use crate::dns::{Dns, QType};

/// Longest wait for the whole fetch.
pub const FETCH_TIMEOUT: Duration = Duration::from_secs(6);

/// Why the policy could not be fetched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FetchError {
    /// `mta-sts.<domain>` has no address (or the lookup failed).
    NoAddress,
    /// No TCP connection could be made.
    Connect,
    /// The certificate is not valid for the name, or not trusted.
    Certificate,
    /// The server answered with another status than 200 (redirects
    /// included, which senders do not follow).
    Status(u16),
    /// The file is larger than [`MAX_POLICY_BYTES`].
    TooLarge,
    /// The file is not UTF-8 text.
    NotText,
    /// No answer in time.
    Timeout,
    /// Any other failure (TLS protocol, HTTP framing).
    Other,
}

impl FetchError {
    pub fn code(&self) -> &'static str {
        match self {
            FetchError::NoAddress => "no-address",
            FetchError::Connect => "connect",
            FetchError::Certificate => "certificate",
            FetchError::Status(_) => "status",
            FetchError::TooLarge => "too-large",
            FetchError::NotText => "not-text",
            FetchError::Timeout => "timeout",
            FetchError::Other => "other",
        }
    }
}

/// The policy host of `domain`.
pub fn policy_host(domain: &str) -> String {
    format!("mta-sts.{domain}")
}

/// The policy file's address.
pub fn policy_url(domain: &str) -> String {
    format!("https://{}/.well-known/mta-sts.txt", policy_host(domain))
}

fn tls_config() -> Result<rustls::ClientConfig, FetchError> {
    let mut roots = rustls::RootCertStore::empty();
    // Unreadable or malformed system certificates are skipped: the fetch
    // then fails on an untrusted certificate, which is reported.
    let loaded = rustls_native_certs::load_native_certs();
    for cert in loaded.certs {
        let _ = roots.add(cert);
    }
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    Ok(rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|_| FetchError::Other)?
        .with_root_certificates(roots)
        .with_no_client_auth())
}

/// Fetches the policy text of `domain`, connecting to `port` (443 but in
/// tests).
pub async fn fetch_policy(dns: &Dns, domain: &str, port: u16) -> Result<String, FetchError> {
    let host = policy_host(domain);
    let (a, aaaa) = futures::join!(dns.query(&host, QType::A), dns.query(&host, QType::Aaaa));
    let Some(ip) = a.ips().into_iter().chain(aaaa.ips()).next() else {
        return Err(FetchError::NoAddress);
    };
    let client = reqwest::Client::builder()
        .tls_backend_preconfigured(tls_config()?)
        .redirect(reqwest::redirect::Policy::none())
        .no_proxy()
        .timeout(FETCH_TIMEOUT)
        .connect_timeout(FETCH_TIMEOUT)
        .resolve(&host, SocketAddr::new(ip, port))
        .build()
        .map_err(|_| FetchError::Other)?;
    let url = if port == 443 {
        policy_url(domain)
    } else {
        format!("https://{host}:{port}/.well-known/mta-sts.txt")
    };
    let work = async {
        let mut response = client.get(&url).send().await.map_err(classify)?;
        let status = response.status().as_u16();
        if status != 200 {
            return Err(FetchError::Status(status));
        }
        if response
            .content_length()
            .is_some_and(|n| n > MAX_POLICY_BYTES as u64)
        {
            return Err(FetchError::TooLarge);
        }
        let mut body = Vec::new();
        while let Some(chunk) = response.chunk().await.map_err(classify)? {
            if body.len() + chunk.len() > MAX_POLICY_BYTES {
                return Err(FetchError::TooLarge);
            }
            body.extend_from_slice(&chunk);
        }
        String::from_utf8(body).map_err(|_| FetchError::NotText)
    };
    match tokio::time::timeout(FETCH_TIMEOUT + Duration::from_secs(1), work).await {
        Ok(result) => result,
        Err(_) => Err(FetchError::Timeout),
    }
}

fn classify(error: reqwest::Error) -> FetchError {
    if error.is_timeout() {
        return FetchError::Timeout;
    }
    if let Some(tls) = find_tls_error(&error) {
        return match tls {
            rustls::Error::InvalidCertificate(_) | rustls::Error::NoCertificatesPresented => {
                FetchError::Certificate
            }
            _ => FetchError::Other,
        };
    }
    if error.is_connect() {
        FetchError::Connect
    } else {
        FetchError::Other
    }
}

/// The TLS error behind a failed request: reqwest and hyper keep it in
/// their source chain, wrapped in I/O errors (whose own `source` skips
/// what they wrap, hence `get_ref`).
fn find_tls_error<'a>(error: &'a (dyn std::error::Error + 'static)) -> Option<&'a rustls::Error> {
    let mut current: Option<&(dyn std::error::Error + 'static)> = Some(error);
    for _ in 0..16 {
        let e = current?;
        if let Some(tls) = e.downcast_ref::<rustls::Error>() {
            return Some(tls);
        }
        current = match e.downcast_ref::<std::io::Error>() {
            Some(io) => match io.get_ref() {
                Some(inner) => Some(inner as &(dyn std::error::Error + 'static)),
                None => std::error::Error::source(io),
            },
            None => e.source(),
        };
    }
    None
}

//! HTTPS requests to a DNS host's API: bounded in time and in size, with
//! statuses turned into [`HostError`]s.

use std::sync::Arc;
use std::time::Duration;

use reqwest::Method;
use reqwest::header::{HeaderMap, HeaderValue};

use super::error::HostError;

/// The largest response any of the hosts' documented answers comes near
/// (a zone's record list): more is refused.
pub const MAX_BODY: usize = 1024 * 1024;

/// Longest wait for one request.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(20);

/// An API's base address. Credentials go to it, so it must be HTTPS;
/// plain HTTP is accepted only to this machine (tests, development).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Base(String);

impl Base {
    pub fn parse(text: &str) -> Option<Base> {
        let url = reqwest::Url::parse(text.trim()).ok()?;
        let loopback = url
            .host_str()?
            .trim_matches(['[', ']'])
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback());
        let allowed = url.scheme() == "https" || (url.scheme() == "http" && loopback);
        if !allowed || !url.username().is_empty() || url.password().is_some() {
            return None;
        }
        if url.query().is_some() || url.fragment().is_some() {
            return None;
        }
        Some(Base(url.as_str().trim_end_matches('/').to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A response: its status and its body, whole.
pub struct Response {
    pub status: u16,
    pub body: Vec<u8>,
}

/// A response whatever its status, with the wait a 429 asked for.
pub struct RawResponse {
    pub status: u16,
    pub retry_after: Option<u64>,
    pub body: Vec<u8>,
}

/// A client for one API.
#[derive(Clone)]
pub struct Api {
    client: reqwest::Client,
    base: Base,
}

fn tls_config() -> Result<rustls::ClientConfig, HostError> {
    let mut roots = rustls::RootCertStore::empty();
    for cert in rustls_native_certs::load_native_certs().certs {
        let _ = roots.add(cert);
    }
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    Ok(rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|_| HostError::Network)?
        .with_root_certificates(roots)
        .with_no_client_auth())
}

impl Api {
    /// `headers` go with every request: the credentials, for most hosts.
    /// They are marked sensitive, so that no debug output shows them.
    pub fn new(base: Base, mut headers: HeaderMap) -> Result<Api, HostError> {
        for value in headers.values_mut() {
            value.set_sensitive(true);
        }
        headers.insert(
            reqwest::header::ACCEPT,
            HeaderValue::from_static("application/json"),
        );
        let client = reqwest::Client::builder()
            .tls_backend_preconfigured(tls_config()?)
            // A redirection would carry the credentials elsewhere.
            .redirect(reqwest::redirect::Policy::none())
            .no_proxy()
            .timeout(REQUEST_TIMEOUT)
            .connect_timeout(REQUEST_TIMEOUT)
            .user_agent(concat!("esm-assistant/", env!("CARGO_PKG_VERSION")))
            .default_headers(headers)
            .build()
            .map_err(|_| HostError::Network)?;
        Ok(Api { client, base })
    }

    pub fn base(&self) -> &Base {
        &self.base
    }

    /// Sends a request; success and 404 (which hosts answer for "no such
    /// record set": the caller decides) are returned, other statuses are
    /// errors.
    pub async fn send(
        &self,
        method: Method,
        path: &str,
        body: Option<Vec<u8>>,
        headers: HeaderMap,
    ) -> Result<Response, HostError> {
        let r = self.send_raw(method, path, body, headers).await?;
        if (200..300).contains(&r.status) || r.status == 404 {
            Ok(Response {
                status: r.status,
                body: r.body,
            })
        } else {
            Err(HostError::from_status(r.status, r.retry_after, &r.body))
        }
    }

    /// Sends a request to `path` (below the base) with `body` as JSON and
    /// `headers` besides the client's own; any status is returned.
    pub async fn send_raw(
        &self,
        method: Method,
        path: &str,
        body: Option<Vec<u8>>,
        headers: HeaderMap,
    ) -> Result<RawResponse, HostError> {
        let url = format!("{}{path}", self.base.as_str());
        let mut request = self.client.request(method, &url).headers(headers);
        if let Some(body) = body {
            request = request
                .header(
                    reqwest::header::CONTENT_TYPE,
                    HeaderValue::from_static("application/json"),
                )
                .body(body);
        }
        let work = async {
            let mut response = request.send().await.map_err(classify)?;
            let status = response.status().as_u16();
            let retry_after = response
                .headers()
                .get(reqwest::header::RETRY_AFTER)
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.trim().parse::<u64>().ok());
            if response
                .content_length()
                .is_some_and(|n| n > MAX_BODY as u64)
            {
                return Err(HostError::TooLarge);
            }
            let mut body = Vec::new();
            while let Some(chunk) = response.chunk().await.map_err(classify)? {
                if body.len() + chunk.len() > MAX_BODY {
                    return Err(HostError::TooLarge);
                }
                body.extend_from_slice(&chunk);
            }
            Ok((status, retry_after, body))
        };
        let (status, retry_after, body) =
            match tokio::time::timeout(REQUEST_TIMEOUT + Duration::from_secs(1), work).await {
                Ok(result) => result?,
                Err(_) => return Err(HostError::Timeout),
            };
        Ok(RawResponse {
            status,
            retry_after,
            body,
        })
    }
}

/// A failed request, without the library's words (they quote the address).
fn classify(error: reqwest::Error) -> HostError {
    if error.is_timeout() {
        HostError::Timeout
    } else if error.is_decode() || error.is_body() {
        HostError::BadResponse
    } else {
        HostError::Network
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credentials_go_only_over_https_or_to_this_machine() {
        assert_eq!(
            Base::parse("https://api.gandi.net/v5/livedns/").map(|b| b.0),
            Some("https://api.gandi.net/v5/livedns".into())
        );
        assert!(Base::parse("http://127.0.0.1:8080").is_some());
        assert!(Base::parse("http://[::1]:8080/v4").is_some());
        assert!(Base::parse("http://api.gandi.net").is_none());
        assert!(Base::parse("http://192.0.2.1").is_none());
        assert!(Base::parse("https://user:pw@api.example").is_none());
        assert!(Base::parse("https://api.example/?x=1").is_none());
        assert!(Base::parse("ftp://127.0.0.1").is_none());
        assert!(Base::parse("not a url").is_none());
    }
}

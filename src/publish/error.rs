//! What can go wrong talking to a DNS host, as codes with arguments that
//! callers render in the admin's language. No credential is ever part of
//! one: only statuses, waits and the host's own words, cut and made
//! visible.

use crate::safe_text::visible;

/// At most this many characters of a host's own words are kept.
pub const DETAIL_MAX: usize = 200;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HostError {
    /// 401: the credentials were refused.
    Refused,
    /// 403: accepted, but without the rights to change this zone.
    Forbidden,
    /// 429: too many requests; the wait the host asked for, in seconds.
    RateLimited { retry_after: Option<u64> },
    /// 5xx: the host's own failure.
    Server { status: u16 },
    /// Another refusal, with the host's words (cut, visible).
    Rejected { status: u16, detail: String },
    /// The host does not manage this domain for these credentials.
    ZoneNotFound { zone: String },
    /// The host could not be reached.
    Network,
    /// The host did not answer in time.
    Timeout,
    /// The host answered something that is not what its API documents.
    BadResponse,
    /// The answer was larger than any the API documents.
    TooLarge,
    /// No credentials were given for this host.
    NoCredentials,
    /// 404 where the API documents an answer.
    NotFound,
}

impl HostError {
    /// Stable code, for message ids (`publish-error-<code>`).
    pub fn code(&self) -> &'static str {
        match self {
            HostError::Refused => "refused",
            HostError::Forbidden => "forbidden",
            HostError::RateLimited {
                retry_after: Some(_),
            } => "rate-limited-wait",
            HostError::RateLimited { retry_after: None } => "rate-limited",
            HostError::Server { .. } => "server",
            HostError::Rejected { .. } => "rejected",
            HostError::ZoneNotFound { .. } => "zone-not-found",
            HostError::Network => "network",
            HostError::Timeout => "timeout",
            HostError::BadResponse => "bad-response",
            HostError::TooLarge => "too-large",
            HostError::NoCredentials => "no-credentials",
            HostError::NotFound => "not-found",
        }
    }

    /// The message's arguments.
    pub fn args(&self) -> Vec<(&'static str, String)> {
        match self {
            HostError::RateLimited {
                retry_after: Some(s),
            } => vec![("seconds", s.to_string())],
            HostError::Server { status } => vec![("status", status.to_string())],
            HostError::Rejected { status, detail } => {
                vec![("status", status.to_string()), ("detail", detail.clone())]
            }
            HostError::ZoneNotFound { zone } => vec![("zone", zone.clone())],
            _ => Vec::new(),
        }
    }

    /// The error for a response with a status other than success.
    pub fn from_status(status: u16, retry_after: Option<u64>, body: &[u8]) -> HostError {
        match status {
            401 => HostError::Refused,
            403 => HostError::Forbidden,
            429 => HostError::RateLimited { retry_after },
            500..=599 => HostError::Server { status },
            _ => HostError::Rejected {
                status,
                detail: detail(body),
            },
        }
    }
}

/// A host's words for the admin: at most [`DETAIL_MAX`] characters, every
/// hidden character made visible.
pub fn detail(body: &[u8]) -> String {
    let text = String::from_utf8_lossy(body);
    let text = text.trim();
    let cut: String = text.chars().take(DETAIL_MAX).collect();
    let mut out = visible(&cut).into_owned();
    if text.chars().count() > DETAIL_MAX {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_become_the_errors_an_admin_can_act_on() {
        assert_eq!(HostError::from_status(401, None, b""), HostError::Refused);
        assert_eq!(HostError::from_status(403, None, b""), HostError::Forbidden);
        assert_eq!(
            HostError::from_status(429, Some(30), b""),
            HostError::RateLimited {
                retry_after: Some(30)
            }
        );
        assert_eq!(
            HostError::from_status(503, None, b"down"),
            HostError::Server { status: 503 }
        );
        let long = format!("bad\u{1b}[2J{}", "x".repeat(500));
        let HostError::Rejected { status, detail } =
            HostError::from_status(400, None, long.as_bytes())
        else {
            panic!("not a rejection");
        };
        assert_eq!(status, 400);
        assert!(detail.starts_with("bad\\u{1b}[2J"), "{detail}");
        assert!(detail.ends_with('…'));
        assert!(detail.chars().count() <= DETAIL_MAX + 10);
    }
}

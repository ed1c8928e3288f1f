//! OVHcloud, from its public API documentation
//! (<https://help.ovhcloud.com/csm/en-gb-api-getting-started-ovhcloud-api>,
//! <https://eu.api.ovh.com/console/?section=%2Fdomain>): an application key
//! and secret plus a consumer key, every request signed; records read and
//! written one by one under `/domain/zone/{zone}/record`, and the zone
//! refreshed (`POST /domain/zone/{zone}/refresh`) for the name servers to
//! serve the change.

use std::sync::Mutex;

use reqwest::Method;
use reqwest::header::{HeaderMap, HeaderName, HeaderValue};
use serde::{Deserialize, Serialize};
use sha1::{Digest, Sha1};

use super::credentials::Secrets;
use super::error::HostError;
use super::host::{RawSet, segment};
use super::http::{Api, Base};
use super::plan::RType;

/// OVHcloud Europe; Canada and the United States have their own.
pub const DEFAULT_BASE: &str = "https://eu.api.ovh.com/1.0";

/// OVHcloud refuses a TTL below this.
pub const MIN_TTL: u32 = 60;

/// At most this many records at one name and type.
const MAX_RECORDS: usize = 100;

pub struct Ovh {
    api: Api,
    application_key: String,
    application_secret: String,
    consumer_key: Option<String>,
    /// The API's clock minus ours, in seconds, once asked.
    delta: Mutex<Option<i64>>,
}

#[derive(Deserialize)]
struct Record {
    #[serde(default)]
    target: String,
}

#[derive(Serialize)]
struct NewRecord<'a> {
    #[serde(rename = "fieldType")]
    field_type: &'static str,
    #[serde(rename = "subDomain")]
    sub_domain: &'a str,
    target: &'a str,
    ttl: u32,
}

#[derive(Deserialize)]
struct ErrorBody {
    #[serde(rename = "errorCode", default)]
    error_code: String,
}

#[derive(Serialize)]
struct Rule {
    method: &'static str,
    path: String,
}

#[derive(Serialize)]
struct CredentialRequest {
    #[serde(rename = "accessRules")]
    access_rules: Vec<Rule>,
    redirection: String,
}

/// A consumer key to validate: the admin opens the page and logs in.
#[derive(Deserialize)]
pub struct PendingKey {
    #[serde(rename = "validationUrl")]
    pub validation_url: String,
    #[serde(rename = "consumerKey")]
    pub consumer_key: String,
}

/// Where OVHcloud sends the browser once the key is validated.
pub const REDIRECTION: &str = "https://github.com/e-securemail/esm-assistant";

fn header(name: &'static str, value: &str) -> Result<(HeaderName, HeaderValue), HostError> {
    let mut value = HeaderValue::from_str(value).map_err(|_| HostError::NoCredentials)?;
    value.set_sensitive(true);
    Ok((HeaderName::from_static(name), value))
}

/// The record name OVHcloud uses: empty for the zone itself.
fn sub_domain(name: &str) -> &str {
    if name == "@" { "" } else { name }
}

impl Ovh {
    pub fn new(base: Base, secrets: &Secrets) -> Result<Ovh, HostError> {
        let application_key = secrets
            .get("application-key")
            .ok_or(HostError::NoCredentials)?
            .to_string();
        let application_secret = secrets
            .get("application-secret")
            .ok_or(HostError::NoCredentials)?
            .to_string();
        let mut headers = HeaderMap::new();
        let (name, value) = header("x-ovh-application", &application_key)?;
        headers.insert(name, value);
        Ok(Ovh {
            api: Api::new(base, headers)?,
            application_key,
            application_secret,
            consumer_key: secrets.get("consumer-key").map(str::to_string),
            delta: Mutex::new(None),
        })
    }

    /// The API's time, so that signatures hold on a computer whose clock
    /// is off.
    async fn now(&self) -> Result<i64, HostError> {
        let local = chrono::Utc::now().timestamp();
        if let Ok(d) = self.delta.lock()
            && let Some(delta) = *d
        {
            return Ok(local + delta);
        }
        let response = self
            .api
            .send(Method::GET, "/auth/time", None, HeaderMap::new())
            .await?;
        let server: i64 = std::str::from_utf8(&response.body)
            .ok()
            .and_then(|t| t.trim().parse().ok())
            .ok_or(HostError::BadResponse)?;
        if let Ok(mut d) = self.delta.lock() {
            *d = Some(server - local);
        }
        Ok(server)
    }

    /// `$1$` and the SHA-1 of the secret, the consumer key, the method,
    /// the full address, the body and the time, joined by `+`.
    fn signature(
        &self,
        consumer_key: &str,
        method: &Method,
        url: &str,
        body: &str,
        time: i64,
    ) -> String {
        let text = format!(
            "{}+{consumer_key}+{method}+{url}+{body}+{time}",
            self.application_secret
        );
        let digest = Sha1::digest(text.as_bytes());
        let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
        format!("$1${hex}")
    }

    async fn signed(
        &self,
        method: Method,
        path: &str,
        body: Option<Vec<u8>>,
    ) -> Result<Vec<u8>, HostError> {
        let consumer_key = self
            .consumer_key
            .as_deref()
            .ok_or(HostError::NoCredentials)?;
        let time = self.now().await?;
        let url = format!("{}{path}", self.api.base().as_str());
        let body_text = body
            .as_deref()
            .map(|b| String::from_utf8_lossy(b).into_owned())
            .unwrap_or_default();
        let mut headers = HeaderMap::new();
        for (name, value) in [
            ("x-ovh-consumer", consumer_key.to_string()),
            ("x-ovh-timestamp", time.to_string()),
            (
                "x-ovh-signature",
                self.signature(consumer_key, &method, &url, &body_text, time),
            ),
        ] {
            let (name, value) = header(name, &value)?;
            headers.insert(name, value);
        }
        let response = self.api.send_raw(method, path, body, headers).await?;
        match response.status {
            200..=299 => Ok(response.body),
            404 => Err(HostError::NotFound),
            // OVHcloud answers 403 (or 400 for a bad signature) both for
            // credentials it does not accept and for a call the consumer
            // key was not granted: its error code tells them apart.
            400 | 403 => {
                let code = serde_json::from_slice::<ErrorBody>(&response.body)
                    .map(|b| b.error_code)
                    .unwrap_or_default();
                Err(match code.as_str() {
                    "NOT_GRANTED_CALL" => HostError::Forbidden,
                    "INVALID_CREDENTIAL" | "INVALID_KEY" | "INVALID_SIGNATURE"
                    | "NOT_CREDENTIAL" => HostError::Refused,
                    _ => HostError::from_status(response.status, None, &response.body),
                })
            }
            status => Err(HostError::from_status(
                status,
                response.retry_after,
                &response.body,
            )),
        }
    }

    pub async fn check_zone(&self, zone: &str) -> Result<(), HostError> {
        match self
            .signed(
                Method::GET,
                &format!("/domain/zone/{}", segment(zone)),
                None,
            )
            .await
        {
            Err(HostError::NotFound) => Err(HostError::ZoneNotFound {
                zone: zone.to_string(),
            }),
            other => other.map(|_| ()),
        }
    }

    async fn ids(&self, zone: &str, name: &str, rtype: RType) -> Result<Vec<u64>, HostError> {
        let path = format!(
            "/domain/zone/{}/record?fieldType={}&subDomain={}",
            segment(zone),
            rtype.as_str(),
            segment(sub_domain(name))
        );
        let ids: Vec<u64> = serde_json::from_slice(&self.signed(Method::GET, &path, None).await?)
            .map_err(|_| HostError::BadResponse)?;
        if ids.len() > MAX_RECORDS {
            return Err(HostError::TooLarge);
        }
        Ok(ids)
    }

    async fn records(
        &self,
        zone: &str,
        name: &str,
        rtype: RType,
    ) -> Result<Vec<(u64, String)>, HostError> {
        let mut out = Vec::new();
        for id in self.ids(zone, name, rtype).await? {
            let path = format!("/domain/zone/{}/record/{id}", segment(zone));
            let record: Record =
                serde_json::from_slice(&self.signed(Method::GET, &path, None).await?)
                    .map_err(|_| HostError::BadResponse)?;
            out.push((id, record.target));
        }
        Ok(out)
    }

    pub async fn read(&self, zone: &str, name: &str, rtype: RType) -> Result<RawSet, HostError> {
        Ok(RawSet {
            values: self
                .records(zone, name, rtype)
                .await?
                .into_iter()
                .map(|(_, target)| target)
                .collect(),
        })
    }

    /// Deletes the records not in `values`, then adds those missing. The
    /// API has no way to do both at once: a failure between two requests
    /// leaves part of the set written, which the caller journals.
    pub async fn write(
        &self,
        zone: &str,
        name: &str,
        rtype: RType,
        ttl: u32,
        values: &[String],
    ) -> Result<(), HostError> {
        let existing = self.records(zone, name, rtype).await?;
        let present: Vec<&String> = existing.iter().map(|(_, t)| t).collect();
        for (id, target) in &existing {
            if !values.contains(target) {
                let path = format!("/domain/zone/{}/record/{id}", segment(zone));
                self.signed(Method::DELETE, &path, None).await?;
            }
        }
        for value in values.iter().filter(|v| !present.contains(v)) {
            let body = serde_json::to_vec(&NewRecord {
                field_type: rtype.as_str(),
                sub_domain: sub_domain(name),
                target: value,
                ttl: ttl.max(MIN_TTL),
            })
            .map_err(|_| HostError::BadResponse)?;
            let path = format!("/domain/zone/{}/record", segment(zone));
            self.signed(Method::POST, &path, Some(body)).await?;
        }
        Ok(())
    }

    /// Without it, OVHcloud's name servers keep serving the old zone.
    pub async fn refresh(&self, zone: &str) -> Result<(), HostError> {
        let path = format!("/domain/zone/{}/refresh", segment(zone));
        self.signed(Method::POST, &path, None).await.map(|_| ())
    }

    /// Asks for a consumer key limited to `zone`'s records; the admin
    /// validates it on the page whose address comes back.
    pub async fn request_consumer_key(&self, zone: &str) -> Result<PendingKey, HostError> {
        let zone = segment(zone);
        let mut rules = Vec::new();
        for method in ["GET", "POST", "DELETE"] {
            rules.push(Rule {
                method,
                path: format!("/domain/zone/{zone}/*"),
            });
        }
        rules.push(Rule {
            method: "GET",
            path: format!("/domain/zone/{zone}"),
        });
        let body = serde_json::to_vec(&CredentialRequest {
            access_rules: rules,
            redirection: REDIRECTION.to_string(),
        })
        .map_err(|_| HostError::BadResponse)?;
        let response = self
            .api
            .send(
                Method::POST,
                "/auth/credential",
                Some(body),
                HeaderMap::new(),
            )
            .await?;
        let pending: PendingKey =
            serde_json::from_slice(&response.body).map_err(|_| HostError::BadResponse)?;
        // The page is the host's: only an HTTPS address is opened or shown.
        let valid = reqwest::Url::parse(&pending.validation_url)
            .is_ok_and(|u| u.scheme() == "https" || Base::parse(u.as_str()).is_some());
        if !valid || super::credentials::clean(&pending.consumer_key).is_none() {
            return Err(HostError::BadResponse);
        }
        Ok(pending)
    }

    pub fn application_key(&self) -> &str {
        &self.application_key
    }
}

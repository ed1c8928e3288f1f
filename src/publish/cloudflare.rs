//! Cloudflare, from its public API documentation
//! (<https://developers.cloudflare.com/api/resources/dns/subresources/records/>,
//! <https://developers.cloudflare.com/fundamentals/api/get-started/create-token/>):
//! an API token as `Authorization: Bearer`, the zone found by name, and a
//! record set replaced by one batch request (`POST .../dns_records/batch`),
//! which Cloudflare applies whole or not at all.

use std::sync::Mutex;

use reqwest::Method;
use reqwest::header::{AUTHORIZATION, HeaderMap, HeaderValue};
use serde::{Deserialize, Serialize};

use super::credentials::Secrets;
use super::error::HostError;
use super::host::RawSet;
use super::http::{Api, Base};
use super::plan::RType;
use super::values::mx_parts;

pub const DEFAULT_BASE: &str = "https://api.cloudflare.com/client/v4";

/// Cloudflare refuses a TTL below this (1 means "automatic").
pub const MIN_TTL: u32 = 60;

/// At most this many records at one name and type: more is not a record
/// set the assistant writes.
const PER_PAGE: usize = 100;

/// Cloudflare's code for a token it does not accept (sent with 403).
const AUTHENTICATION_ERROR: u64 = 10000;

pub struct Cloudflare {
    api: Api,
    /// The zone's name and id, once found.
    zone: Mutex<Option<(String, String)>>,
}

#[derive(Deserialize)]
struct Envelope<T> {
    success: bool,
    result: Option<T>,
}

#[derive(Deserialize)]
struct Zone {
    id: String,
    name: String,
}

#[derive(Deserialize)]
struct Record {
    id: String,
    content: String,
    #[serde(default)]
    priority: Option<u16>,
}

#[derive(Serialize)]
struct Post<'a> {
    name: &'a str,
    #[serde(rename = "type")]
    rtype: &'static str,
    content: String,
    ttl: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    priority: Option<u16>,
}

#[derive(Serialize)]
struct Delete {
    id: String,
}

#[derive(Serialize)]
struct Batch<'a> {
    deletes: Vec<Delete>,
    posts: Vec<Post<'a>>,
}

#[derive(Deserialize)]
struct ErrorBody {
    #[serde(default)]
    errors: Vec<ErrorItem>,
}

#[derive(Deserialize)]
struct ErrorItem {
    #[serde(default)]
    code: u64,
}

impl Cloudflare {
    pub fn new(base: Base, secrets: &Secrets) -> Result<Cloudflare, HostError> {
        let token = secrets.get("token").ok_or(HostError::NoCredentials)?;
        let mut headers = HeaderMap::new();
        let value = HeaderValue::from_str(&format!("Bearer {token}"))
            .map_err(|_| HostError::NoCredentials)?;
        headers.insert(AUTHORIZATION, value);
        Ok(Cloudflare {
            api: Api::new(base, headers)?,
            zone: Mutex::new(None),
        })
    }

    async fn send(
        &self,
        method: Method,
        path: &str,
        body: Option<Vec<u8>>,
    ) -> Result<Vec<u8>, HostError> {
        let response = self
            .api
            .send_raw(method, path, body, HeaderMap::new())
            .await?;
        if (200..300).contains(&response.status) {
            return Ok(response.body);
        }
        // Cloudflare answers 403 both for a token it does not know and for
        // one without the right: its error code tells them apart.
        if response.status == 403 {
            let body: Option<ErrorBody> = serde_json::from_slice(&response.body).ok();
            let unknown_token =
                body.is_some_and(|b| b.errors.iter().any(|e| e.code == AUTHENTICATION_ERROR));
            return Err(if unknown_token {
                HostError::Refused
            } else {
                HostError::Forbidden
            });
        }
        Err(HostError::from_status(
            response.status,
            response.retry_after,
            &response.body,
        ))
    }

    fn parse<T: for<'de> Deserialize<'de>>(body: &[u8]) -> Result<T, HostError> {
        let envelope: Envelope<T> =
            serde_json::from_slice(body).map_err(|_| HostError::BadResponse)?;
        if !envelope.success {
            return Err(HostError::Rejected {
                status: 200,
                detail: super::error::detail(body),
            });
        }
        envelope.result.ok_or(HostError::BadResponse)
    }

    async fn zone_id(&self, zone: &str) -> Result<String, HostError> {
        if let Ok(known) = self.zone.lock()
            && let Some((name, id)) = known.as_ref()
            && name == zone
        {
            return Ok(id.clone());
        }
        let path = format!("/zones?name={}", query(zone));
        let zones: Vec<Zone> = Self::parse(&self.send(Method::GET, &path, None).await?)?;
        // A token without the right to read the zone sees none.
        let found = zones
            .into_iter()
            .find(|z| z.name.eq_ignore_ascii_case(zone))
            .ok_or_else(|| HostError::ZoneNotFound {
                zone: zone.to_string(),
            })?;
        if let Ok(mut known) = self.zone.lock() {
            *known = Some((zone.to_string(), found.id.clone()));
        }
        Ok(found.id)
    }

    pub async fn check_zone(&self, zone: &str) -> Result<(), HostError> {
        self.zone_id(zone).await.map(|_| ())
    }

    fn fqdn(zone: &str, name: &str) -> String {
        if name == "@" {
            zone.to_string()
        } else {
            format!("{name}.{zone}")
        }
    }

    async fn records(
        &self,
        zone: &str,
        name: &str,
        rtype: RType,
    ) -> Result<Vec<Record>, HostError> {
        let id = self.zone_id(zone).await?;
        let path = format!(
            "/zones/{}/dns_records?type={}&name.exact={}&per_page={PER_PAGE}",
            super::host::segment(&id),
            rtype.as_str(),
            query(&Self::fqdn(zone, name))
        );
        let records: Vec<Record> = Self::parse(&self.send(Method::GET, &path, None).await?)?;
        if records.len() >= PER_PAGE {
            return Err(HostError::TooLarge);
        }
        Ok(records)
    }

    /// A record's value in the form the journal keeps: its content, and
    /// for an MX its priority first.
    fn raw(rtype: RType, record: &Record) -> String {
        match rtype {
            RType::Txt => record.content.clone(),
            RType::Mx => format!("{} {}", record.priority.unwrap_or(0), record.content),
        }
    }

    pub async fn read(&self, zone: &str, name: &str, rtype: RType) -> Result<RawSet, HostError> {
        let records = self.records(zone, name, rtype).await?;
        Ok(RawSet {
            values: records.iter().map(|r| Self::raw(rtype, r)).collect(),
        })
    }

    /// Deletes the records not in `values` and adds those missing, in one
    /// batch: records that stay keep their id, comment and tags.
    pub async fn write(
        &self,
        zone: &str,
        name: &str,
        rtype: RType,
        ttl: u32,
        values: &[String],
    ) -> Result<(), HostError> {
        let existing = self.records(zone, name, rtype).await?;
        let fqdn = Self::fqdn(zone, name);
        let deletes: Vec<Delete> = existing
            .iter()
            .filter(|r| !values.contains(&Self::raw(rtype, r)))
            .map(|r| Delete { id: r.id.clone() })
            .collect();
        let present: Vec<String> = existing.iter().map(|r| Self::raw(rtype, r)).collect();
        let mut posts = Vec::new();
        for value in values.iter().filter(|v| !present.contains(v)) {
            let (content, priority) = match rtype {
                RType::Txt => (value.clone(), None),
                RType::Mx => {
                    let (pref, host) = mx_parts(value).ok_or(HostError::BadResponse)?;
                    (host, Some(pref))
                }
            };
            posts.push(Post {
                name: &fqdn,
                rtype: rtype.as_str(),
                content,
                ttl: ttl.max(MIN_TTL),
                priority,
            });
        }
        if deletes.is_empty() && posts.is_empty() {
            return Ok(());
        }
        let id = self.zone_id(zone).await?;
        let body =
            serde_json::to_vec(&Batch { deletes, posts }).map_err(|_| HostError::BadResponse)?;
        let path = format!("/zones/{}/dns_records/batch", super::host::segment(&id));
        let _: serde_json::Value = Self::parse(&self.send(Method::POST, &path, Some(body)).await?)?;
        Ok(())
    }
}

/// `text` as a query value.
fn query(text: &str) -> String {
    percent_encoding::utf8_percent_encode(text, percent_encoding::NON_ALPHANUMERIC).to_string()
}

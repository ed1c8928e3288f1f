//! IONOS, from its public DNS API documentation
//! (<https://developer.hosting.ionos.com/docs/dns>,
//! <https://developer.hosting.ionos.com/docs/getstarted>): an API key
//! (`prefix.secret`) as `X-API-Key`, the zone found by name, records read
//! by name and type, added in one request and deleted one by one.

use std::sync::Mutex;

use reqwest::Method;
use reqwest::header::{HeaderMap, HeaderName, HeaderValue};
use serde::{Deserialize, Serialize};

use super::credentials::Secrets;
use super::error::HostError;
use super::host::{RawSet, segment};
use super::http::{Api, Base};
use super::plan::RType;
use super::values::mx_parts;

pub const DEFAULT_BASE: &str = "https://api.hosting.ionos.com/dns/v1";

/// IONOS refuses a TTL below this.
pub const MIN_TTL: u32 = 60;

/// At most this many zones in an account, or records at one name and type.
const MAX_ITEMS: usize = 1000;

pub struct Ionos {
    api: Api,
    /// The zone's name and id, once found.
    zone: Mutex<Option<(String, String)>>,
}

#[derive(Deserialize)]
struct Zone {
    id: String,
    name: String,
}

#[derive(Deserialize)]
struct ZoneRecords {
    #[serde(default)]
    records: Vec<Record>,
}

#[derive(Deserialize)]
struct Record {
    id: String,
    #[serde(default)]
    content: String,
    #[serde(default)]
    prio: Option<u16>,
}

#[derive(Serialize)]
struct NewRecord<'a> {
    name: &'a str,
    #[serde(rename = "type")]
    rtype: &'static str,
    content: String,
    ttl: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    prio: Option<u16>,
    disabled: bool,
}

impl Ionos {
    pub fn new(base: Base, secrets: &Secrets) -> Result<Ionos, HostError> {
        let key = secrets.get("api-key").ok_or(HostError::NoCredentials)?;
        let mut value = HeaderValue::from_str(key).map_err(|_| HostError::NoCredentials)?;
        value.set_sensitive(true);
        let mut headers = HeaderMap::new();
        headers.insert(HeaderName::from_static("x-api-key"), value);
        Ok(Ionos {
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
        let response = self.api.send(method, path, body, HeaderMap::new()).await?;
        if response.status == 404 {
            return Err(HostError::NotFound);
        }
        Ok(response.body)
    }

    async fn zone_id(&self, zone: &str) -> Result<String, HostError> {
        if let Ok(known) = self.zone.lock()
            && let Some((name, id)) = known.as_ref()
            && name == zone
        {
            return Ok(id.clone());
        }
        let zones: Vec<Zone> =
            serde_json::from_slice(&self.send(Method::GET, "/zones", None).await?)
                .map_err(|_| HostError::BadResponse)?;
        if zones.len() > MAX_ITEMS {
            return Err(HostError::TooLarge);
        }
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
            "/zones/{}?recordName={}&recordType={}",
            segment(&id),
            segment(&Self::fqdn(zone, name)),
            rtype.as_str()
        );
        let found: ZoneRecords =
            serde_json::from_slice(&self.send(Method::GET, &path, None).await?)
                .map_err(|_| HostError::BadResponse)?;
        if found.records.len() > MAX_ITEMS {
            return Err(HostError::TooLarge);
        }
        Ok(found.records)
    }

    /// A record's value in the form the journal keeps: its content, and
    /// for an MX its priority first.
    fn raw(rtype: RType, record: &Record) -> String {
        match rtype {
            RType::Txt => record.content.clone(),
            RType::Mx => format!("{} {}", record.prio.unwrap_or(0), record.content),
        }
    }

    pub async fn read(&self, zone: &str, name: &str, rtype: RType) -> Result<RawSet, HostError> {
        Ok(RawSet {
            values: self
                .records(zone, name, rtype)
                .await?
                .iter()
                .map(|r| Self::raw(rtype, r))
                .collect(),
        })
    }

    /// Adds the missing records in one request, then deletes those not in
    /// `values` one by one: a failure part-way leaves more records rather
    /// than fewer, and the caller journals it.
    pub async fn write(
        &self,
        zone: &str,
        name: &str,
        rtype: RType,
        ttl: u32,
        values: &[String],
    ) -> Result<(), HostError> {
        let existing = self.records(zone, name, rtype).await?;
        let present: Vec<String> = existing.iter().map(|r| Self::raw(rtype, r)).collect();
        let fqdn = Self::fqdn(zone, name);
        let mut new = Vec::new();
        for value in values.iter().filter(|v| !present.contains(v)) {
            let (content, prio) = match rtype {
                RType::Txt => (value.clone(), None),
                RType::Mx => {
                    let (pref, host) = mx_parts(value).ok_or(HostError::BadResponse)?;
                    (host, Some(pref))
                }
            };
            new.push(NewRecord {
                name: &fqdn,
                rtype: rtype.as_str(),
                content,
                ttl: ttl.max(MIN_TTL),
                prio,
                disabled: false,
            });
        }
        let id = self.zone_id(zone).await?;
        if !new.is_empty() {
            let body = serde_json::to_vec(&new).map_err(|_| HostError::BadResponse)?;
            let path = format!("/zones/{}/records", segment(&id));
            self.send(Method::POST, &path, Some(body)).await?;
        }
        for record in existing
            .iter()
            .filter(|r| !values.contains(&Self::raw(rtype, r)))
        {
            let path = format!("/zones/{}/records/{}", segment(&id), segment(&record.id));
            self.send(Method::DELETE, &path, None).await?;
        }
        Ok(())
    }
}

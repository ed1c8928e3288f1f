//! Gandi LiveDNS, from its public API documentation
//! (<https://api.gandi.net/docs/livedns/>, <https://api.gandi.net/docs/authentication/>):
//! a personal access token as `Authorization: Bearer`, and record sets
//! read, replaced and deleted whole at
//! `/domains/{fqdn}/records/{rrset_name}/{rrset_type}`.

use reqwest::Method;
use reqwest::header::{AUTHORIZATION, HeaderMap, HeaderValue};
use serde::{Deserialize, Serialize};

use super::credentials::Secrets;
use super::error::HostError;
use super::host::{RawSet, segment};
use super::http::{Api, Base};
use super::plan::RType;

pub const DEFAULT_BASE: &str = "https://api.gandi.net/v5/livedns";

/// LiveDNS refuses a TTL below this.
pub const MIN_TTL: u32 = 300;

/// At most this many values in a record set read back.
const MAX_VALUES: usize = 100;

pub struct Gandi {
    api: Api,
}

#[derive(Deserialize)]
struct RrSet {
    #[serde(default)]
    rrset_values: Vec<String>,
}

#[derive(Serialize)]
struct Put<'a> {
    rrset_values: &'a [String],
    rrset_ttl: u32,
}

impl Gandi {
    pub fn new(base: Base, secrets: &Secrets) -> Result<Gandi, HostError> {
        let token = secrets.get("token").ok_or(HostError::NoCredentials)?;
        let mut headers = HeaderMap::new();
        let value = HeaderValue::from_str(&format!("Bearer {token}"))
            .map_err(|_| HostError::NoCredentials)?;
        headers.insert(AUTHORIZATION, value);
        Ok(Gandi {
            api: Api::new(base, headers)?,
        })
    }

    fn path(zone: &str, name: &str, rtype: RType) -> String {
        format!(
            "/domains/{}/records/{}/{}",
            segment(zone),
            segment(name),
            rtype.as_str()
        )
    }

    pub async fn check_zone(&self, zone: &str) -> Result<(), HostError> {
        let path = format!("/domains/{}", segment(zone));
        let response = self
            .api
            .send(Method::GET, &path, None, HeaderMap::new())
            .await?;
        if response.status == 404 {
            return Err(HostError::ZoneNotFound {
                zone: zone.to_string(),
            });
        }
        Ok(())
    }

    pub async fn read(&self, zone: &str, name: &str, rtype: RType) -> Result<RawSet, HostError> {
        let response = self
            .api
            .send(
                Method::GET,
                &Self::path(zone, name, rtype),
                None,
                HeaderMap::new(),
            )
            .await?;
        if response.status == 404 {
            return Ok(RawSet::default());
        }
        let set: RrSet =
            serde_json::from_slice(&response.body).map_err(|_| HostError::BadResponse)?;
        if set.rrset_values.len() > MAX_VALUES {
            return Err(HostError::TooLarge);
        }
        Ok(RawSet {
            values: set.rrset_values,
        })
    }

    pub async fn write(
        &self,
        zone: &str,
        name: &str,
        rtype: RType,
        ttl: u32,
        values: &[String],
    ) -> Result<(), HostError> {
        let path = Self::path(zone, name, rtype);
        if values.is_empty() {
            // Deleting what is already gone is done.
            self.api
                .send(Method::DELETE, &path, None, HeaderMap::new())
                .await?;
            return Ok(());
        }
        let body = serde_json::to_vec(&Put {
            rrset_values: values,
            rrset_ttl: ttl.max(MIN_TTL),
        })
        .map_err(|_| HostError::BadResponse)?;
        let response = self
            .api
            .send(Method::PUT, &path, Some(body), HeaderMap::new())
            .await?;
        if response.status == 404 {
            return Err(HostError::ZoneNotFound {
                zone: zone.to_string(),
            });
        }
        Ok(())
    }
}

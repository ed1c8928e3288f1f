//! DNS hosts' APIs played on 127.0.0.1, from their public documentation:
//! the requests they take, what they answer, and their errors. Every write
//! is also served by the in-process DNS server, as the host's own name
//! servers would, so that a check after the write reads it back.

#![allow(dead_code)]

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use tokio::io::{AsyncReadExt, AsyncWriteExt};

use super::dns_server::{TestDns, zone};

/// A failure the host gives instead of its answer.
#[derive(Debug, Clone)]
pub struct Failure {
    pub status: u16,
    pub retry_after: Option<u64>,
    pub body: String,
}

impl Failure {
    pub fn status(status: u16) -> Failure {
        let body = match status {
            401 => {
                r#"{"code":401,"message":"The server could not verify that you are authorized to access the URL requested.","object":"HTTPUnauthorized","cause":"Unauthorized"}"#
            }
            403 => {
                r#"{"code":403,"message":"Access was denied to this resource.","object":"HTTPForbidden","cause":"Forbidden"}"#
            }
            429 => {
                r#"{"code":429,"message":"Too many requests","object":"HTTPTooManyRequests","cause":"Too Many Requests"}"#
            }
            _ => {
                r#"{"code":500,"message":"Internal server error","object":"HTTPInternalServerError","cause":"Internal Server Error"}"#
            }
        };
        Failure {
            status,
            retry_after: None,
            body: body.to_string(),
        }
    }
}

/// One request as received, for assertions (the credential header is
/// kept so that tests can check it was sent, and where it was not).
#[derive(Debug, Clone)]
pub struct Seen {
    pub method: String,
    pub path: String,
    pub authorization: Option<String>,
    pub body: String,
}

#[derive(Default)]
pub struct State {
    pub records: BTreeMap<(String, String), (u32, Vec<String>)>,
    /// Every request fails so.
    pub always: Option<Failure>,
    /// The write of this number (1 for the first) fails so.
    pub fail_write: Option<(usize, Failure)>,
    pub writes: usize,
    /// OVHcloud: zone refreshes asked for.
    pub refreshes: usize,
    pub seen: Vec<Seen>,
}

/// Which host's API is played.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Api {
    /// Gandi LiveDNS (<https://api.gandi.net/docs/livedns/>).
    Gandi,
    /// Cloudflare's DNS records API
    /// (<https://developers.cloudflare.com/api/resources/dns/subresources/records/>).
    Cloudflare,
    /// OVHcloud (<https://help.ovhcloud.com/csm/en-gb-api-getting-started-ovhcloud-api>):
    /// `token` is `APPLICATION_KEY|APPLICATION_SECRET|CONSUMER_KEY`; writes
    /// are served only once the zone is refreshed.
    Ovh,
    /// IONOS (<https://developer.hosting.ionos.com/docs/dns>).
    Ionos,
}

/// A host's API for one zone.
pub struct FakeHost {
    pub api: Api,
    pub addr: SocketAddr,
    pub state: Arc<Mutex<State>>,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

struct Shared {
    api: Api,
    token: String,
    zone: String,
    other_zones: Vec<String>,
    dns: Arc<TestDns>,
    state: Arc<Mutex<State>>,
}

impl Shared {
    /// The zone as the host's name servers would now serve it.
    fn publish(&self) {
        let state = self.state.lock().unwrap();
        let mut body = String::new();
        for ((name, rtype), (ttl, values)) in &state.records {
            for value in values {
                body.push_str(&format!("{name} {ttl} IN {rtype} {value}\n"));
            }
        }
        drop(state);
        let mut zones = self.other_zones.clone();
        zones.push(zone(&self.zone, &body));
        self.dns.set_zones(&zones);
    }
}

impl FakeHost {
    /// Serves `zone` with `records` ((name, type) → values in zone-file
    /// form) for `token`, and publishes it on `dns` beside `other_zones`.
    pub fn start(
        api: Api,
        token: &str,
        zone_name: &str,
        records: &[(&str, &str, &[&str])],
        dns: Arc<TestDns>,
        other_zones: Vec<String>,
    ) -> FakeHost {
        let state = Arc::new(Mutex::new(State::default()));
        {
            let mut s = state.lock().unwrap();
            for (name, rtype, values) in records {
                s.records.insert(
                    (name.to_string(), rtype.to_string()),
                    (300, values.iter().map(|v| v.to_string()).collect()),
                );
            }
        }
        let shared = Arc::new(Shared {
            api,
            token: token.to_string(),
            zone: zone_name.to_string(),
            other_zones,
            dns,
            state: Arc::clone(&state),
        });
        shared.publish();
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
        let addr = listener.local_addr().expect("address");
        listener.set_nonblocking(true).expect("non-blocking");
        let (stop, mut stopped) = tokio::sync::oneshot::channel::<()>();
        let thread = std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("runtime");
            rt.block_on(async move {
                let listener = tokio::net::TcpListener::from_std(listener).expect("listener");
                loop {
                    tokio::select! {
                        _ = &mut stopped => break,
                        accepted = listener.accept() => {
                            let Ok((stream, _)) = accepted else { continue };
                            let shared = Arc::clone(&shared);
                            tokio::spawn(async move { serve(stream, &shared).await });
                        }
                    }
                }
            });
        });
        FakeHost {
            api,
            addr,
            state,
            stop: Some(stop),
            thread: Some(thread),
        }
    }

    /// The API's base address, as `--api-base` takes it.
    pub fn base(&self) -> String {
        match self.api {
            Api::Gandi => format!("http://{}/v5/livedns", self.addr),
            Api::Cloudflare => format!("http://{}/client/v4", self.addr),
            Api::Ovh => format!("http://{}/1.0", self.addr),
            Api::Ionos => format!("http://{}/dns/v1", self.addr),
        }
    }

    /// The values at `name` `rtype`.
    pub fn values(&self, name: &str, rtype: &str) -> Vec<String> {
        self.state
            .lock()
            .unwrap()
            .records
            .get(&(name.to_string(), rtype.to_string()))
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    }

    pub fn writes(&self) -> usize {
        self.state.lock().unwrap().writes
    }

    pub fn seen(&self) -> Vec<Seen> {
        self.state.lock().unwrap().seen.clone()
    }
}

impl Drop for FakeHost {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

struct Request {
    method: String,
    path: String,
    authorization: Option<String>,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Request {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

/// Reads one HTTP/1.1 request (head of at most 64 KiB, body by its length).
async fn read_request(stream: &mut tokio::net::TcpStream) -> Option<Request> {
    let mut buf = Vec::new();
    let head_end = loop {
        let mut chunk = [0u8; 4096];
        let n = stream.read(&mut chunk).await.ok()?;
        if n == 0 {
            return None;
        }
        buf.extend_from_slice(&chunk[..n]);
        if let Some(i) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            break i;
        }
        if buf.len() > 65536 {
            return None;
        }
    };
    let head = String::from_utf8_lossy(&buf[..head_end]).into_owned();
    let mut lines = head.split("\r\n");
    let mut first = lines.next()?.split(' ');
    let method = first.next()?.to_string();
    let path = first.next()?.to_string();
    let mut length = 0usize;
    let mut authorization = None;
    let mut headers = Vec::new();
    for line in lines {
        let Some((k, v)) = line.split_once(':') else {
            continue;
        };
        headers.push((k.trim().to_ascii_lowercase(), v.trim().to_string()));
        match k.trim().to_ascii_lowercase().as_str() {
            "content-length" => length = v.trim().parse().ok()?,
            "authorization" => authorization = Some(v.trim().to_string()),
            _ => {}
        }
    }
    let mut body = buf[head_end + 4..].to_vec();
    while body.len() < length {
        let mut chunk = [0u8; 4096];
        let n = stream.read(&mut chunk).await.ok()?;
        if n == 0 {
            return None;
        }
        body.extend_from_slice(&chunk[..n]);
    }
    Some(Request {
        method,
        path,
        authorization,
        headers,
        body,
    })
}

async fn respond(stream: &mut tokio::net::TcpStream, status: u16, extra: &str, body: &str) {
    let reason = match status {
        200 => "OK",
        201 => "Created",
        204 => "No Content",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        429 => "Too Many Requests",
        _ => "Internal Server Error",
    };
    let text = format!(
        "HTTP/1.1 {status} {reason}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n{extra}\r\n{body}",
        body.len()
    );
    let _ = stream.write_all(text.as_bytes()).await;
    let _ = stream.shutdown().await;
}

fn fail_response(f: &Failure) -> (u16, String, String) {
    let extra = f
        .retry_after
        .map(|s| format!("Retry-After: {s}\r\n"))
        .unwrap_or_default();
    (f.status, extra, f.body.clone())
}

async fn serve(mut stream: tokio::net::TcpStream, shared: &Shared) {
    let Some(request) = read_request(&mut stream).await else {
        return;
    };
    let local = stream.local_addr().ok();
    let (status, extra, body) = answer(shared, &request, local);
    respond(&mut stream, status, &extra, &body).await;
}

fn answer(shared: &Shared, request: &Request, local: Option<SocketAddr>) -> (u16, String, String) {
    match shared.api {
        Api::Gandi => gandi(shared, request),
        Api::Cloudflare => cloudflare(shared, request),
        Api::Ovh => ovh(shared, request, local),
        Api::Ionos => ionos(shared, request),
    }
}

fn gandi(shared: &Shared, request: &Request) -> (u16, String, String) {
    let mut state = shared.state.lock().unwrap();
    state.seen.push(Seen {
        method: request.method.clone(),
        path: request.path.clone(),
        authorization: request.authorization.clone(),
        body: String::from_utf8_lossy(&request.body).into_owned(),
    });
    if let Some(f) = &state.always {
        return fail_response(f);
    }
    if request.authorization.as_deref() != Some(&format!("Bearer {}", shared.token)) {
        return fail_response(&Failure::status(401));
    }
    let Some(rest) = request.path.strip_prefix("/v5/livedns/domains/") else {
        return (
            404,
            String::new(),
            r#"{"code":404,"message":"Not Found","object":"HTTPNotFound","cause":"Not Found"}"#
                .into(),
        );
    };
    let parts: Vec<&str> = rest.split('/').collect();
    let not_found = || {
        (
            404,
            String::new(),
            r#"{"code":404,"message":"Can't find the DNS record","object":"dns-record","cause":"Not Found"}"#
                .to_string(),
        )
    };
    if parts[0] != shared.zone {
        return not_found();
    }
    match (request.method.as_str(), parts.as_slice()) {
        ("GET", [_]) => (
            200,
            String::new(),
            serde_json::json!({"fqdn": shared.zone, "automatic_snapshots": true}).to_string(),
        ),
        ("GET", [_, "records", name, rtype]) => {
            match state.records.get(&(name.to_string(), rtype.to_string())) {
                Some((ttl, values)) => (
                    200,
                    String::new(),
                    serde_json::json!({
                        "rrset_name": name, "rrset_type": rtype, "rrset_ttl": ttl,
                        "rrset_values": values,
                        "rrset_href": format!("https://api.gandi.net/v5/livedns/domains/{}/records/{name}/{rtype}", shared.zone),
                    })
                    .to_string(),
                ),
                None => not_found(),
            }
        }
        ("PUT" | "DELETE", [_, "records", name, rtype]) => {
            state.writes += 1;
            if let Some((n, f)) = &state.fail_write
                && *n == state.writes
            {
                return fail_response(f);
            }
            let key = (name.to_string(), rtype.to_string());
            let reply = if request.method == "DELETE" {
                if state.records.remove(&key).is_none() {
                    return not_found();
                }
                (204, String::new(), String::new())
            } else {
                let Ok(put) = serde_json::from_slice::<serde_json::Value>(&request.body) else {
                    return (400, String::new(), r#"{"code":400,"message":"Bad Request","object":"HTTPBadRequest","cause":"Bad Request"}"#.into());
                };
                let ttl = put["rrset_ttl"].as_u64().unwrap_or(10800) as u32;
                let values: Vec<String> = put["rrset_values"]
                    .as_array()
                    .map(|a| {
                        a.iter()
                            .filter_map(|v| v.as_str().map(str::to_string))
                            .collect()
                    })
                    .unwrap_or_default();
                if ttl < 300 || values.is_empty() {
                    return (400, String::new(), r#"{"code":400,"message":"Bad Request","object":"HTTPBadRequest","cause":"Bad Request","errors":[{"location":"body","name":"rrset_ttl","description":"must be >= 300"}]}"#.into());
                }
                state.records.insert(key, (ttl, values));
                (
                    201,
                    String::new(),
                    r#"{"message":"DNS Record Created"}"#.to_string(),
                )
            };
            drop(state);
            shared.publish();
            reply
        }
        _ => not_found(),
    }
}

/// A Cloudflare error body.
fn cf_error(status: u16, code: u32, message: &str) -> (u16, String, String) {
    (
        status,
        String::new(),
        serde_json::json!({"success": false, "errors": [{"code": code, "message": message}], "messages": [], "result": null})
            .to_string(),
    )
}

fn cf_ok(result: serde_json::Value) -> (u16, String, String) {
    (
        200,
        String::new(),
        serde_json::json!({"success": true, "errors": [], "messages": [], "result": result})
            .to_string(),
    )
}

const ZONE_ID: &str = "023e105f4ecef8ad9ca31a8372d0c353";

/// A record's id: stable for its name, type and value.
fn record_id(name: &str, rtype: &str, value: &str) -> String {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    (name, rtype, value).hash(&mut h);
    format!("{:016x}{:016x}", h.finish(), h.finish().rotate_left(7))
}

/// `query`'s value for `key`, percent-decoded.
fn query_value(query: &str, key: &str) -> Option<String> {
    query.split('&').find_map(|pair| {
        let (k, v) = pair.split_once('=')?;
        (k == key).then(|| {
            percent_encoding::percent_decode_str(v)
                .decode_utf8_lossy()
                .into_owned()
        })
    })
}

fn cloudflare(shared: &Shared, request: &Request) -> (u16, String, String) {
    let mut state = shared.state.lock().unwrap();
    state.seen.push(Seen {
        method: request.method.clone(),
        path: request.path.clone(),
        authorization: request.authorization.clone(),
        body: String::from_utf8_lossy(&request.body).into_owned(),
    });
    if let Some(f) = &state.always {
        return fail_response(f);
    }
    if request.authorization.as_deref() != Some(&format!("Bearer {}", shared.token)) {
        // What Cloudflare answers for a token it does not know.
        return cf_error(403, 10000, "Authentication error");
    }
    let (path, query) = request.path.split_once('?').unwrap_or((&request.path, ""));
    let Some(rest) = path.strip_prefix("/client/v4/zones") else {
        return cf_error(404, 7003, "Could not route to the requested path");
    };
    let fqdn_of = |name: &str| {
        if name == "@" {
            shared.zone.clone()
        } else {
            format!("{name}.{}", shared.zone)
        }
    };
    let relative_of = |fqdn: &str| {
        if fqdn == shared.zone {
            Some("@".to_string())
        } else {
            fqdn.strip_suffix(&format!(".{}", shared.zone))
                .map(str::to_string)
        }
    };
    let records_json = |state: &State, filter: &dyn Fn(&str, &str) -> bool| {
        let mut out = Vec::new();
        for ((name, rtype), (ttl, values)) in &state.records {
            if !filter(name, rtype) {
                continue;
            }
            for value in values {
                let id = record_id(name, rtype, value);
                let mut record = serde_json::json!({
                    "id": id, "zone_id": ZONE_ID, "zone_name": shared.zone,
                    "name": fqdn_of(name), "type": rtype, "ttl": ttl, "proxied": false,
                });
                if rtype == "MX" {
                    let (pref, host) = value.split_once(' ').unwrap();
                    record["priority"] = pref.parse::<u64>().unwrap().into();
                    record["content"] = host.trim_end_matches('.').into();
                } else {
                    record["content"] = value.clone().into();
                }
                out.push(record);
            }
        }
        out
    };
    match (request.method.as_str(), rest) {
        ("GET", "") => {
            let zones = if query_value(query, "name").as_deref() == Some(shared.zone.as_str()) {
                serde_json::json!([{"id": ZONE_ID, "name": shared.zone, "status": "active"}])
            } else {
                serde_json::json!([])
            };
            cf_ok(zones)
        }
        ("GET", p) if p == format!("/{ZONE_ID}/dns_records") => {
            let name = query_value(query, "name.exact");
            let rtype = query_value(query, "type");
            let list = records_json(&state, &|n, t| {
                name.as_deref().is_none_or(|want| fqdn_of(n) == want)
                    && rtype.as_deref().is_none_or(|want| t == want)
            });
            let count = list.len();
            let mut body: serde_json::Value = serde_json::json!({
                "success": true, "errors": [], "messages": [], "result": list,
                "result_info": {"page": 1, "per_page": 100, "count": count, "total_count": count, "total_pages": 1},
            });
            body["result_info"]["count"] = count.into();
            (200, String::new(), body.to_string())
        }
        ("POST", p) if p == format!("/{ZONE_ID}/dns_records/batch") => {
            state.writes += 1;
            if let Some((n, f)) = &state.fail_write
                && *n == state.writes
            {
                return fail_response(f);
            }
            let Ok(batch) = serde_json::from_slice::<serde_json::Value>(&request.body) else {
                return cf_error(400, 9207, "Request body is invalid.");
            };
            // Atomic, as documented: everything is checked before anything changes.
            let mut records = state.records.clone();
            for delete in batch["deletes"].as_array().cloned().unwrap_or_default() {
                let id = delete["id"].as_str().unwrap_or_default();
                let mut found = false;
                for ((name, rtype), (_, values)) in records.iter_mut() {
                    if let Some(i) = values.iter().position(|v| record_id(name, rtype, v) == id) {
                        values.remove(i);
                        found = true;
                        break;
                    }
                }
                if !found {
                    return cf_error(404, 81044, "Record does not exist.");
                }
            }
            records.retain(|_, (_, values)| !values.is_empty());
            for post in batch["posts"].as_array().cloned().unwrap_or_default() {
                let rtype = post["type"].as_str().unwrap_or_default().to_string();
                let Some(name) = relative_of(post["name"].as_str().unwrap_or_default()) else {
                    return cf_error(400, 9007, "Record name is outside the zone.");
                };
                let ttl = post["ttl"].as_u64().unwrap_or(1) as u32;
                if ttl != 1 && ttl < 60 {
                    return cf_error(
                        400,
                        9021,
                        "Invalid TTL. Must be between 60 and 86400 seconds, or 1 for Automatic.",
                    );
                }
                let content = post["content"].as_str().unwrap_or_default();
                let value = match rtype.as_str() {
                    "MX" => {
                        let Some(priority) = post["priority"].as_u64() else {
                            return cf_error(400, 9101, "priority is required for MX records");
                        };
                        format!("{priority} {}.", content.trim_end_matches('.'))
                    }
                    "TXT" if content.starts_with('"') => content.to_string(),
                    "TXT" => super::dns_server::txt(content),
                    _ => return cf_error(400, 9000, "DNS name is invalid."),
                };
                let entry = records.entry((name, rtype)).or_insert((ttl, Vec::new()));
                if entry.1.contains(&value) {
                    return cf_error(400, 81058, "An identical record already exists.");
                }
                entry.1.push(value);
            }
            state.records = records;
            drop(state);
            shared.publish();
            cf_ok(serde_json::json!({"deletes": [], "posts": []}))
        }
        _ => cf_error(404, 7003, "Could not route to the requested path"),
    }
}

fn ovh_error(status: u16, code: &str, message: &str) -> (u16, String, String) {
    let class = match status {
        404 => "Client::NotFound",
        400 => "Client::BadRequest",
        _ => "Client::Forbidden",
    };
    (
        status,
        String::new(),
        serde_json::json!({"class": class, "message": message, "httpCode": format!("{status}"), "errorCode": code})
            .to_string(),
    )
}

/// A record's id at OVHcloud: a number, stable for its name, type, value.
fn ovh_id(name: &str, rtype: &str, value: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    (name, rtype, value).hash(&mut h);
    h.finish() & ((1u64 << 52) - 1)
}

type Found = (String, String, u32, String);

fn ovh_find(state: &State, id: u64) -> Option<Found> {
    state
        .records
        .iter()
        .find_map(|((name, rtype), (ttl, values))| {
            values
                .iter()
                .find(|v| ovh_id(name, rtype, v) == id)
                .map(|v| (name.clone(), rtype.clone(), *ttl, v.clone()))
        })
}

fn ovh(shared: &Shared, request: &Request, local: Option<SocketAddr>) -> (u16, String, String) {
    let mut state = shared.state.lock().unwrap();
    state.seen.push(Seen {
        method: request.method.clone(),
        path: request.path.clone(),
        authorization: request.header("x-ovh-consumer").map(str::to_string),
        body: String::from_utf8_lossy(&request.body).into_owned(),
    });
    if let Some(f) = &state.always {
        return fail_response(f);
    }
    let mut keys = shared.token.split('|');
    let (ak, secret, ck) = (
        keys.next().unwrap_or_default(),
        keys.next().unwrap_or_default(),
        keys.next().unwrap_or_default(),
    );
    let Some(path) = request.path.strip_prefix("/1.0") else {
        return ovh_error(404, "", "Got an invalid (or empty) URL");
    };
    if request.method == "GET" && path == "/auth/time" {
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_secs();
        return (200, String::new(), now.to_string());
    }
    if request.header("x-ovh-application") != Some(ak) {
        return ovh_error(403, "INVALID_KEY", "This application key is invalid");
    }
    if request.method == "POST" && path == "/auth/credential" {
        let Ok(body) = serde_json::from_slice::<serde_json::Value>(&request.body) else {
            return ovh_error(400, "", "Invalid JSON received");
        };
        if body["accessRules"].as_array().is_none_or(|r| r.is_empty()) {
            return ovh_error(400, "", "[accessRules] Property is mandatory");
        }
        return (
            200,
            String::new(),
            serde_json::json!({
                "validationUrl": "https://eu.api.ovh.com/auth/?credentialToken=fIDK6KCVHfEMuSTP3LV84D3C",
                "consumerKey": "ck-FRESH-FAKE-KEY-0123456789",
                "state": "pendingValidation",
            })
            .to_string(),
        );
    }
    // Signed calls: the consumer key, and the signature of this very call.
    let Some(consumer) = request.header("x-ovh-consumer") else {
        return ovh_error(403, "NOT_CREDENTIAL", "You must login first");
    };
    if consumer != ck {
        return ovh_error(403, "INVALID_CREDENTIAL", "This credential does not exist");
    }
    let time = request.header("x-ovh-timestamp").unwrap_or_default();
    let url = format!(
        "http://{}{}",
        local.map(|a| a.to_string()).unwrap_or_default(),
        request.path
    );
    let text = format!(
        "{secret}+{ck}+{}+{url}+{}+{time}",
        request.method,
        String::from_utf8_lossy(&request.body)
    );
    use sha1::Digest;
    let digest = sha1::Sha1::digest(text.as_bytes());
    let expected = format!(
        "$1${}",
        digest
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect::<String>()
    );
    if request.header("x-ovh-signature") != Some(expected.as_str()) {
        return ovh_error(400, "INVALID_SIGNATURE", "Invalid signature");
    }
    let (path, query) = path.split_once('?').unwrap_or((path, ""));
    let Some(rest) = path.strip_prefix(&format!("/domain/zone/{}", shared.zone)) else {
        return ovh_error(404, "", "This service does not exist");
    };
    let relative = |sub: &str| {
        if sub.is_empty() {
            "@".to_string()
        } else {
            sub.to_string()
        }
    };
    let is_write = matches!(
        (request.method.as_str(), rest),
        ("POST", "/record") | ("DELETE", _)
    );
    if is_write {
        state.writes += 1;
        if let Some((n, f)) = &state.fail_write
            && *n == state.writes
        {
            return fail_response(f);
        }
    }
    match (request.method.as_str(), rest) {
        ("GET", "") => (
            200,
            String::new(),
            serde_json::json!({"name": shared.zone, "hasDnsAnycast": false, "dnssecSupported": true})
                .to_string(),
        ),
        ("GET", "/record") => {
            let field_type = query_value(query, "fieldType");
            let sub = query_value(query, "subDomain");
            let mut ids = Vec::new();
            for ((name, rtype), (_, values)) in &state.records {
                let sub_ok = sub.as_deref().is_none_or(|s| relative(s) == *name);
                let type_ok = field_type.as_deref().is_none_or(|t| t == rtype);
                if sub_ok && type_ok {
                    ids.extend(values.iter().map(|v| ovh_id(name, rtype, v)));
                }
            }
            (200, String::new(), serde_json::json!(ids).to_string())
        }
        ("GET", r) if r.starts_with("/record/") => {
            let id: u64 = r["/record/".len()..].parse().unwrap_or(0);
            match ovh_find(&state, id) {
                Some((name, rtype, ttl, value)) => (
                    200,
                    String::new(),
                    serde_json::json!({
                        "id": id, "zone": shared.zone,
                        "subDomain": if name == "@" { String::new() } else { name },
                        "fieldType": rtype, "target": value, "ttl": ttl,
                    })
                    .to_string(),
                ),
                None => ovh_error(404, "", "This service does not exist"),
            }
        }
        ("DELETE", r) if r.starts_with("/record/") => {
            let id: u64 = r["/record/".len()..].parse().unwrap_or(0);
            let Some((name, rtype, _, value)) = ovh_find(&state, id) else {
                return ovh_error(404, "", "This service does not exist");
            };
            let key = (name, rtype);
            if let Some((_, values)) = state.records.get_mut(&key) {
                values.retain(|v| *v != value);
                if values.is_empty() {
                    state.records.remove(&key);
                }
            }
            (200, String::new(), "null".into())
        }
        ("POST", "/record") => {
            let Ok(body) = serde_json::from_slice::<serde_json::Value>(&request.body) else {
                return ovh_error(400, "", "Invalid JSON received");
            };
            let rtype = body["fieldType"].as_str().unwrap_or_default().to_string();
            let name = relative(body["subDomain"].as_str().unwrap_or_default());
            let target = body["target"].as_str().unwrap_or_default();
            let ttl = body["ttl"].as_u64().unwrap_or(0) as u32;
            let value = match rtype.as_str() {
                // OVHcloud keeps TXT targets quoted.
                "TXT" if target.starts_with('"') => target.to_string(),
                "TXT" => super::dns_server::txt(target),
                "MX" if target.ends_with('.') => target.to_string(),
                // Without the final dot, the target is taken inside the zone.
                "MX" => format!("{target}.{}.", shared.zone),
                _ => return ovh_error(400, "", "Invalid field type"),
            };
            let id = ovh_id(&name, &rtype, &value);
            state
                .records
                .entry((name.clone(), rtype.clone()))
                .or_insert((ttl, Vec::new()))
                .1
                .push(value.clone());
            (
                200,
                String::new(),
                serde_json::json!({"id": id, "zone": shared.zone, "subDomain": name, "fieldType": rtype, "target": value, "ttl": ttl})
                    .to_string(),
            )
        }
        ("POST", "/refresh") => {
            state.refreshes += 1;
            drop(state);
            shared.publish();
            (200, String::new(), "null".into())
        }
        _ => ovh_error(404, "", "This service does not exist"),
    }
}

fn ionos_error(status: u16, code: &str, message: &str) -> (u16, String, String) {
    (
        status,
        String::new(),
        serde_json::json!([{"code": code, "message": message}]).to_string(),
    )
}

const IONOS_ZONE_ID: &str = "11af3414-ebba-11e9-8df5-66fbe8a334b4";

fn ionos(shared: &Shared, request: &Request) -> (u16, String, String) {
    let mut state = shared.state.lock().unwrap();
    state.seen.push(Seen {
        method: request.method.clone(),
        path: request.path.clone(),
        authorization: request.header("x-api-key").map(str::to_string),
        body: String::from_utf8_lossy(&request.body).into_owned(),
    });
    if let Some(f) = &state.always {
        return fail_response(f);
    }
    if request.header("x-api-key") != Some(shared.token.as_str()) {
        return ionos_error(
            401,
            "UNAUTHORIZED",
            "The customer is not authorized to do this operation.",
        );
    }
    let (path, query) = request.path.split_once('?').unwrap_or((&request.path, ""));
    let Some(rest) = path.strip_prefix("/dns/v1/zones") else {
        return ionos_error(404, "NOT_FOUND", "Not found");
    };
    let fqdn_of = |name: &str| {
        if name == "@" {
            shared.zone.clone()
        } else {
            format!("{name}.{}", shared.zone)
        }
    };
    let relative_of = |fqdn: &str| {
        if fqdn == shared.zone {
            Some("@".to_string())
        } else {
            fqdn.strip_suffix(&format!(".{}", shared.zone))
                .map(str::to_string)
        }
    };
    let is_write = matches!(request.method.as_str(), "POST" | "DELETE");
    if is_write {
        state.writes += 1;
        if let Some((n, f)) = &state.fail_write
            && *n == state.writes
        {
            return fail_response(f);
        }
    }
    let zone_path = format!("/{IONOS_ZONE_ID}");
    match (request.method.as_str(), rest) {
        ("GET", "") => (
            200,
            String::new(),
            serde_json::json!([{"name": shared.zone, "id": IONOS_ZONE_ID, "type": "NATIVE"}])
                .to_string(),
        ),
        ("GET", r) if r == zone_path => {
            let name = query_value(query, "recordName");
            let rtype = query_value(query, "recordType");
            let mut records = Vec::new();
            for ((n, t), (ttl, values)) in &state.records {
                if name.as_deref().is_some_and(|want| fqdn_of(n) != want)
                    || rtype.as_deref().is_some_and(|want| t != want)
                {
                    continue;
                }
                for value in values {
                    let (content, prio) = if t == "MX" {
                        let (p, h) = value.split_once(' ').unwrap();
                        (
                            h.trim_end_matches('.').to_string(),
                            p.parse::<u64>().unwrap(),
                        )
                    } else {
                        (value.clone(), 0)
                    };
                    records.push(serde_json::json!({
                        "name": fqdn_of(n), "rootName": shared.zone, "type": t,
                        "content": content, "changeDate": "2026-11-28T10:00:00.000Z",
                        "ttl": ttl, "prio": prio, "disabled": false,
                        "id": record_id(n, t, value),
                    }));
                }
            }
            (
                200,
                String::new(),
                serde_json::json!({"name": shared.zone, "id": IONOS_ZONE_ID, "type": "NATIVE", "records": records})
                    .to_string(),
            )
        }
        ("POST", r) if r == format!("{zone_path}/records") => {
            let Ok(list) = serde_json::from_slice::<Vec<serde_json::Value>>(&request.body) else {
                return ionos_error(400, "INVALID_RECORD", "Record is invalid.");
            };
            let mut created = Vec::new();
            for new in list {
                let rtype = new["type"].as_str().unwrap_or_default().to_string();
                let Some(name) = relative_of(new["name"].as_str().unwrap_or_default()) else {
                    return ionos_error(400, "INVALID_RECORD", "Record name is not in the zone.");
                };
                let ttl = new["ttl"].as_u64().unwrap_or(3600) as u32;
                let content = new["content"].as_str().unwrap_or_default();
                let value = match rtype.as_str() {
                    "MX" => format!(
                        "{} {}.",
                        new["prio"].as_u64().unwrap_or(0),
                        content.trim_end_matches('.')
                    ),
                    "TXT" if content.starts_with('"') => content.to_string(),
                    "TXT" => super::dns_server::txt(content),
                    _ => return ionos_error(400, "INVALID_RECORD", "Record type is invalid."),
                };
                created.push(serde_json::json!({"id": record_id(&name, &rtype, &value), "name": new["name"], "type": rtype}));
                state
                    .records
                    .entry((name, rtype))
                    .or_insert((ttl, Vec::new()))
                    .1
                    .push(value);
            }
            drop(state);
            shared.publish();
            (201, String::new(), serde_json::json!(created).to_string())
        }
        ("DELETE", r) if r.starts_with(&format!("{zone_path}/records/")) => {
            let id = &r[format!("{zone_path}/records/").len()..];
            let mut found = None;
            for ((name, rtype), (_, values)) in &state.records {
                if let Some(v) = values.iter().find(|v| record_id(name, rtype, v) == id) {
                    found = Some((name.clone(), rtype.clone(), v.clone()));
                }
            }
            let Some((name, rtype, value)) = found else {
                return ionos_error(404, "RECORD_NOT_FOUND", "Record not found.");
            };
            let key = (name, rtype);
            if let Some((_, values)) = state.records.get_mut(&key) {
                values.retain(|v| *v != value);
                if values.is_empty() {
                    state.records.remove(&key);
                }
            }
            drop(state);
            shared.publish();
            (200, String::new(), String::new())
        }
        _ => ionos_error(404, "NOT_FOUND", "Not found"),
    }
}

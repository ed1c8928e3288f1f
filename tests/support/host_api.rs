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
    body: Vec<u8>,
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
    for line in lines {
        let Some((k, v)) = line.split_once(':') else {
            continue;
        };
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
    let (status, extra, body) = answer(shared, &request);
    respond(&mut stream, status, &extra, &body).await;
}

fn answer(shared: &Shared, request: &Request) -> (u16, String, String) {
    match shared.api {
        Api::Gandi => gandi(shared, request),
        Api::Cloudflare => cloudflare(shared, request),
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

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

/// Gandi LiveDNS (<https://api.gandi.net/docs/livedns/>), for one zone.
pub struct FakeGandi {
    pub addr: SocketAddr,
    pub state: Arc<Mutex<State>>,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

struct Shared {
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

impl FakeGandi {
    /// Serves `zone` with `records` ((name, type) → values in Gandi's form)
    /// for `token`, and publishes it on `dns` beside `other_zones`.
    pub fn start(
        token: &str,
        zone_name: &str,
        records: &[(&str, &str, &[&str])],
        dns: Arc<TestDns>,
        other_zones: Vec<String>,
    ) -> FakeGandi {
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
        FakeGandi {
            addr,
            state,
            stop: Some(stop),
            thread: Some(thread),
        }
    }

    /// The API's base address, as `--api-base` takes it.
    pub fn base(&self) -> String {
        format!("http://{}/v5/livedns", self.addr)
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

impl Drop for FakeGandi {
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

//! A real DNS server for tests, examples and benchmarks: hickory-server on
//! 127.0.0.1 (random port), serving zones written as zone-file text, with an
//! optional fixed delay before every answer. Zones can be replaced while it
//! runs, as an admin would save records at a DNS host.

#![allow(dead_code)]

use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use std::time::Duration;

use hickory_server::Server;
use hickory_server::net::NetError;
use hickory_server::net::runtime::Time;
use hickory_server::proto::op::{Message, ResponseCode};
use hickory_server::proto::rr::{LowerName, Name, Record, RecordType};
use hickory_server::proto::serialize::binary::BinEncoder;
use hickory_server::proto::serialize::txt::Parser;
use hickory_server::server::{Request, RequestHandler, ResponseHandler, ResponseInfo};
use hickory_server::store::in_memory::InMemoryZoneHandler;
use hickory_server::zone_handler::{
    AxfrPolicy, Catalog, MessageResponse, MessageResponseBuilder, ZoneType,
};

/// Zone-file text for `origin` with its SOA and NS records prepended; `body`
/// uses names relative to the origin.
pub fn zone(origin: &str, body: &str) -> String {
    format!(
        "$ORIGIN {origin}.\n$TTL 300\n@ IN SOA ns1.{origin}. hostmaster.{origin}. 1 3600 600 86400 300\n@ IN NS ns1.{origin}.\nns1 IN A 127.0.0.1\n{body}\n"
    )
}

/// A TXT value in zone-file form: cut into quoted strings of 255 bytes.
pub fn txt(value: &str) -> String {
    value
        .as_bytes()
        .chunks(255)
        .map(|c| {
            format!(
                "\"{}\"",
                String::from_utf8_lossy(c)
                    .replace('\\', "\\\\")
                    .replace('"', "\\\"")
            )
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Builds a catalog from zone texts.
pub fn catalog(zones: &[String]) -> Result<Catalog, String> {
    let mut catalog = Catalog::new();
    for text in zones {
        let (origin, records) = Parser::new(text.as_str(), None, None)
            .parse()
            .map_err(|e| format!("zone parse error: {e}\n{text}"))?;
        let handler: InMemoryZoneHandler =
            InMemoryZoneHandler::new(origin.clone(), records, ZoneType::Primary, AxfrPolicy::Deny)?;
        catalog.upsert(LowerName::new(&origin), vec![Arc::new(handler)]);
    }
    Ok(catalog)
}

/// Records added to the answer of one question, after the zone's own.
#[derive(Clone)]
struct Extra {
    name: LowerName,
    rtype: RecordType,
    records: Vec<Record>,
}

/// Serves the current catalog after a fixed delay; names in `failing`
/// get SERVFAIL, as from a broken authoritative server.
struct Handler {
    catalog: Arc<RwLock<Arc<Catalog>>>,
    extras: Arc<RwLock<Vec<Extra>>>,
    delay: Duration,
    queries: Arc<AtomicUsize>,
    failing: Vec<String>,
}

/// A response handler that keeps the response's wire form instead of
/// sending it, so that records can be added to it before it is sent.
#[derive(Clone, Default)]
struct Capture {
    bytes: Arc<Mutex<Vec<u8>>>,
}

#[async_trait::async_trait]
impl ResponseHandler for Capture {
    async fn send_response<'a>(
        &mut self,
        response: MessageResponse<
            '_,
            'a,
            impl Iterator<Item = &'a Record> + Send + 'a,
            impl Iterator<Item = &'a Record> + Send + 'a,
            impl Iterator<Item = &'a Record> + Send + 'a,
            impl Iterator<Item = &'a Record> + Send + 'a,
        >,
    ) -> Result<ResponseInfo, NetError> {
        let mut bytes = Vec::new();
        let info = response.destructive_emit(&mut BinEncoder::new(&mut bytes))?;
        match self.bytes.lock() {
            Ok(mut b) => *b = bytes,
            Err(poisoned) => *poisoned.into_inner() = bytes,
        }
        Ok(info)
    }
}

impl Handler {
    fn extras_for(&self, request: &Request) -> Vec<Record> {
        let Ok(info) = request.request_info() else {
            return Vec::new();
        };
        let extras = match self.extras.read() {
            Ok(e) => e.clone(),
            Err(poisoned) => poisoned.into_inner().clone(),
        };
        extras
            .into_iter()
            .filter(|e| e.name == *info.query.name() && e.rtype == info.query.query_type())
            .flat_map(|e| e.records)
            .collect()
    }
}

#[async_trait::async_trait]
impl RequestHandler for Handler {
    async fn handle_request<R: ResponseHandler, T: Time>(
        &self,
        request: &Request,
        mut response_handle: R,
    ) -> ResponseInfo {
        self.queries.fetch_add(1, Ordering::Relaxed);
        if !self.delay.is_zero() {
            tokio::time::sleep(self.delay).await;
        }
        let asked = request
            .request_info()
            .map(|info| info.query.name().to_string().to_ascii_lowercase())
            .unwrap_or_default();
        if self
            .failing
            .iter()
            .any(|f| asked.trim_end_matches('.') == f)
        {
            let response = MessageResponseBuilder::new(&request.queries, None)
                .error_msg(&request.metadata, ResponseCode::ServFail);
            if let Ok(info) = response_handle.send_response(response).await {
                return info;
            }
        }
        let catalog = match self.catalog.read() {
            Ok(c) => Arc::clone(&c),
            Err(poisoned) => Arc::clone(&poisoned.into_inner()),
        };
        let extras = self.extras_for(request);
        if extras.is_empty() {
            return catalog
                .handle_request::<R, T>(request, response_handle)
                .await;
        }
        // The zone's answer, read back, with the extra records after it.
        let capture = Capture::default();
        let info = catalog
            .handle_request::<Capture, T>(request, capture.clone())
            .await;
        let bytes = capture.bytes.lock().map(|b| b.clone()).unwrap_or_default();

        let mut builder = MessageResponseBuilder::from_message_request(request);
        let Ok(mut message) = Message::from_vec(&bytes) else {
            let response = builder.error_msg(&request.metadata, ResponseCode::ServFail);
            return response_handle
                .send_response(response)
                .await
                .unwrap_or(info);
        };
        message.answers.extend(extras);
        if let Some(edns) = &message.edns {
            builder.edns(edns);
        }
        let response = builder.build(
            message.metadata,
            message.answers.iter(),
            message.authorities.iter(),
            std::iter::empty(),
            message.additionals.iter(),
        );
        response_handle
            .send_response(response)
            .await
            .unwrap_or(info)
    }
}

/// A running server. Stops when dropped.
pub struct TestDns {
    pub addr: SocketAddr,
    catalog: Arc<RwLock<Arc<Catalog>>>,
    queries: Arc<AtomicUsize>,
    extras: Arc<RwLock<Vec<Extra>>>,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl TestDns {
    /// Starts a server for `zones` on 127.0.0.1, random port.
    pub fn start(zones: &[String]) -> TestDns {
        TestDns::start_on("127.0.0.1:0", zones, Duration::ZERO)
    }

    /// Starts a server that waits `delay` before every answer.
    pub fn start_with_delay(zones: &[String], delay: Duration) -> TestDns {
        TestDns::start_on("127.0.0.1:0", zones, delay)
    }

    /// Starts a server that answers SERVFAIL for the names in `failing`
    /// (lower case, no trailing dot) and serves `zones` for the others.
    pub fn start_failing(zones: &[String], failing: &[&str]) -> TestDns {
        let failing = failing.iter().map(|n| n.to_string()).collect();
        TestDns::start_with("127.0.0.1:0", zones, Duration::ZERO, failing)
    }

    /// Starts a server on `bind` (for example `127.0.0.1:5353`).
    pub fn start_on(bind: &str, zones: &[String], delay: Duration) -> TestDns {
        TestDns::start_with(bind, zones, delay, Vec::new())
    }

    fn start_with(bind: &str, zones: &[String], delay: Duration, failing: Vec<String>) -> TestDns {
        let catalog = Arc::new(RwLock::new(Arc::new(
            catalog(zones).unwrap_or_else(|e| panic!("{e}")),
        )));
        // A random UDP port may already be taken for TCP by another test's
        // server or connection: another port is tried then.
        let (udp, addr, tcp) = (0..20)
            .find_map(|_| {
                let udp = std::net::UdpSocket::bind(bind).expect("bind UDP");
                let addr = udp.local_addr().expect("local address");
                match std::net::TcpListener::bind(addr) {
                    Ok(tcp) => Some((udp, addr, tcp)),
                    Err(e) if e.kind() == std::io::ErrorKind::AddrInUse && addr.port() != 0 => None,
                    Err(e) => panic!("bind TCP on the same port: {e}"),
                }
            })
            .expect("bind TCP on the same port");
        udp.set_nonblocking(true).expect("non-blocking UDP");
        tcp.set_nonblocking(true).expect("non-blocking TCP");
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let shared = Arc::clone(&catalog);
        let queries = Arc::new(AtomicUsize::new(0));
        let counter = Arc::clone(&queries);
        let extras: Arc<RwLock<Vec<Extra>>> = Arc::default();
        let shared_extras = Arc::clone(&extras);
        let thread = std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_multi_thread()
                .worker_threads(2)
                .enable_all()
                .build()
                .expect("test server runtime");
            rt.block_on(async move {
                let mut server = Server::new(Handler {
                    catalog: shared,
                    extras: shared_extras,
                    delay,
                    queries: counter,
                    failing,
                });
                server.register_socket(tokio::net::UdpSocket::from_std(udp).expect("tokio UDP"));
                server.register_listener(
                    tokio::net::TcpListener::from_std(tcp).expect("tokio TCP"),
                    Duration::from_secs(5),
                    64,
                );
                let _ = stopped.await;
                let _ = server.shutdown_gracefully().await;
            });
        });
        TestDns {
            addr,
            catalog,
            queries,
            extras,
            stop: Some(stop),
            thread: Some(thread),
        }
    }

    /// Questions received so far.
    pub fn queries(&self) -> usize {
        self.queries.load(Ordering::Relaxed)
    }

    /// Replaces every zone, as if records had just been saved.
    pub fn set_zones(&self, zones: &[String]) {
        let new = Arc::new(catalog(zones).unwrap_or_else(|e| panic!("{e}")));
        match self.catalog.write() {
            Ok(mut c) => *c = new,
            Err(poisoned) => *poisoned.into_inner() = new,
        }
    }
}

impl TestDns {
    /// Adds records to every answer to `name` `rtype`, after the zone's own,
    /// as some servers and middleboxes do: `records` is zone-file text with
    /// absolute names, whose owners need not be `name`.
    pub fn add_to_answer(&self, name: &str, rtype: RecordType, records: &str) {
        let (_, sets) = Parser::new(format!("$TTL 300\n{records}\n"), None, Some(Name::root()))
            .parse()
            .unwrap_or_else(|e| panic!("extra records: {e}\n{records}"));
        let extra = Extra {
            name: LowerName::new(&Name::from_ascii(name).expect("name")),
            rtype,
            records: sets
                .into_values()
                .flat_map(|set| set.records_without_rrsigs().cloned().collect::<Vec<_>>())
                .collect(),
        };
        match self.extras.write() {
            Ok(mut e) => e.push(extra),
            Err(poisoned) => poisoned.into_inner().push(extra),
        }
    }
}

impl Drop for TestDns {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// A "server" that reads queries and never answers, for timeout tests.
pub struct SilentDns {
    pub addr: SocketAddr,
    _udp: std::net::UdpSocket,
    _tcp: std::net::TcpListener,
}

impl SilentDns {
    pub fn start() -> SilentDns {
        let udp = std::net::UdpSocket::bind("127.0.0.1:0").expect("bind UDP");
        let addr = udp.local_addr().expect("local address");
        let tcp = std::net::TcpListener::bind(addr).expect("bind TCP");
        SilentDns {
            addr,
            _udp: udp,
            _tcp: tcp,
        }
    }
}

//! A real DNS server for tests, examples and benchmarks: hickory-server on
//! 127.0.0.1 (random port), serving zones written as zone-file text, with an
//! optional fixed delay before every answer. Zones can be replaced while it
//! runs, as an admin would save records at a DNS host.

#![allow(dead_code)]

use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, RwLock};
use std::time::Duration;

use hickory_server::Server;
use hickory_server::net::runtime::Time;
use hickory_server::proto::op::ResponseCode;
use hickory_server::proto::rr::LowerName;
use hickory_server::proto::serialize::txt::Parser;
use hickory_server::server::{Request, RequestHandler, ResponseHandler, ResponseInfo};
use hickory_server::store::in_memory::InMemoryZoneHandler;
use hickory_server::zone_handler::{AxfrPolicy, Catalog, MessageResponseBuilder, ZoneType};

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

/// Serves the current catalog after a fixed delay; names in `failing`
/// get SERVFAIL, as from a broken authoritative server.
struct Handler {
    catalog: Arc<RwLock<Arc<Catalog>>>,
    delay: Duration,
    queries: Arc<AtomicUsize>,
    failing: Vec<String>,
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
        catalog
            .handle_request::<R, T>(request, response_handle)
            .await
    }
}

/// A running server. Stops when dropped.
pub struct TestDns {
    pub addr: SocketAddr,
    catalog: Arc<RwLock<Arc<Catalog>>>,
    queries: Arc<AtomicUsize>,
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
        let udp = std::net::UdpSocket::bind(bind).expect("bind UDP");
        let addr = udp.local_addr().expect("local address");
        let tcp = std::net::TcpListener::bind(addr).expect("bind TCP on the same port");
        udp.set_nonblocking(true).expect("non-blocking UDP");
        tcp.set_nonblocking(true).expect("non-blocking TCP");
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let shared = Arc::clone(&catalog);
        let queries = Arc::new(AtomicUsize::new(0));
        let counter = Arc::clone(&queries);
        let thread = std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_multi_thread()
                .worker_threads(2)
                .enable_all()
                .build()
                .expect("test server runtime");
            rt.block_on(async move {
                let mut server = Server::new(Handler {
                    catalog: shared,
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

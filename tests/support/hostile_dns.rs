//! A DNS server built to make an SPF checker explode: every name under its
//! zone has an SPF policy that includes ten names never seen before, one
//! level deeper. It answers over UDP on 127.0.0.1 and counts the questions.

#![allow(dead_code)]

use std::net::{SocketAddr, UdpSocket};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Duration;

use hickory_server::proto::op::{Message, MessageType, OpCode, ResponseCode};
use hickory_server::proto::rr::rdata::TXT;
use hickory_server::proto::rr::{RData, Record, RecordType};

/// Includes in every policy.
pub const WIDTH: usize = 10;

/// A running hostile server. Stops when dropped.
pub struct EverNewDns {
    pub addr: SocketAddr,
    /// The zone whose every name answers.
    pub zone: &'static str,
    queries: Arc<AtomicUsize>,
    stop: Arc<AtomicBool>,
    thread: Option<std::thread::JoinHandle<()>>,
}

/// The policy at `name`: ten includes of new names below it.
pub fn policy(name: &str) -> String {
    let includes: Vec<String> = (0..WIDTH).map(|i| format!("include:{i}.{name}")).collect();
    format!("v=spf1 {} -all", includes.join(" "))
}

fn answer(request: &Message, zone: &str) -> Message {
    let mut response = Message::response(request.metadata.id, OpCode::Query);
    response.metadata.message_type = MessageType::Response;
    response.metadata.authoritative = true;
    response.metadata.recursion_desired = request.metadata.recursion_desired;
    response.metadata.recursion_available = true;
    let Some(query) = request.queries.first() else {
        response.metadata.response_code = ResponseCode::FormErr;
        return response;
    };
    response.add_query(query.clone());
    let name = query
        .name()
        .to_ascii()
        .trim_end_matches('.')
        .to_ascii_lowercase();
    let inside = name == zone || name.ends_with(&format!(".{zone}"));
    if !inside {
        response.metadata.response_code = ResponseCode::Refused;
        return response;
    }
    if query.query_type() == RecordType::TXT {
        let text = policy(&name);
        let strings: Vec<String> = text
            .as_bytes()
            .chunks(255)
            .map(|c| String::from_utf8_lossy(c).into_owned())
            .collect();
        response.add_answer(Record::from_rdata(
            query.name().clone(),
            60,
            RData::TXT(TXT::new(strings)),
        ));
    }
    response
}

impl EverNewDns {
    pub fn start() -> EverNewDns {
        let zone = "evil.test";
        let socket = UdpSocket::bind("127.0.0.1:0").expect("bind UDP");
        socket
            .set_read_timeout(Some(Duration::from_millis(50)))
            .expect("read timeout");
        let addr = socket.local_addr().expect("local address");
        let queries = Arc::new(AtomicUsize::new(0));
        let stop = Arc::new(AtomicBool::new(false));
        let (count, stopping) = (Arc::clone(&queries), Arc::clone(&stop));
        let thread = std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while !stopping.load(Ordering::Relaxed) {
                let Ok((len, peer)) = socket.recv_from(&mut buf) else {
                    continue;
                };
                let Ok(request) = Message::from_vec(&buf[..len]) else {
                    continue;
                };
                count.fetch_add(1, Ordering::Relaxed);
                if let Ok(bytes) = answer(&request, zone).to_vec() {
                    let _ = socket.send_to(&bytes, peer);
                }
            }
        });
        EverNewDns {
            addr,
            zone,
            queries,
            stop,
            thread: Some(thread),
        }
    }

    /// Questions received so far.
    pub fn queries(&self) -> usize {
        self.queries.load(Ordering::Relaxed)
    }

    /// A name of the zone to check.
    pub fn domain(&self) -> String {
        format!("d.{}", self.zone)
    }
}

impl Drop for EverNewDns {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// Zone-file text of the static shape: `d.<origin>` includes ten names of
/// the first level, each name includes the ten of the next level, twelve
/// levels, the last ones `v=spf1 -all`.
pub fn wide_deep_zone(origin: &str) -> String {
    let mut body = String::new();
    let level_names = |level: usize| -> Vec<String> {
        (0..WIDTH)
            .map(|i| format!("n{level}-{i}.{origin}"))
            .collect()
    };
    body.push_str(&format!(
        "d IN TXT \"v=spf1 {} -all\"\n",
        level_names(0)
            .iter()
            .map(|n| format!("include:{n}"))
            .collect::<Vec<_>>()
            .join(" ")
    ));
    for level in 0..12 {
        for i in 0..WIDTH {
            let text = if level == 11 {
                "v=spf1 -all".to_string()
            } else {
                format!(
                    "v=spf1 {} -all",
                    level_names(level + 1)
                        .iter()
                        .map(|n| format!("include:{n}"))
                        .collect::<Vec<_>>()
                        .join(" ")
                )
            };
            body.push_str(&format!(
                "n{level}-{i} IN TXT {}\n",
                super::dns_server::txt(&text)
            ));
        }
    }
    super::dns_server::zone(origin, &body)
}

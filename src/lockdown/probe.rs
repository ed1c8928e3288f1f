//! Whether a mail server still accepts SMTP connections from anywhere: this
//! computer is not the gateway, so a server locked down refuses it.

use std::net::SocketAddr;
use std::time::Duration;

/// What trying to open the port found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Probe {
    /// The port answered: the server accepts SMTP from this computer.
    Open(SocketAddr),
    /// The connection was refused.
    Refused,
    /// Nothing answered in time (a firewall drops the connection).
    Silent,
    /// The name has no address, or the network is unreachable.
    Failed(String),
}

/// Tries to connect to `host:port` (every address of `host`) within `timeout`.
pub async fn probe(host: &str, port: u16, timeout: Duration) -> Probe {
    let addrs: Vec<SocketAddr> =
        match tokio::time::timeout(timeout, tokio::net::lookup_host((host, port))).await {
            Ok(Ok(a)) => a.collect(),
            Ok(Err(e)) => return Probe::Failed(e.to_string()),
            Err(_) => return Probe::Silent,
        };
    if addrs.is_empty() {
        return Probe::Failed(format!("{host}: no address"));
    }
    let mut result = Probe::Refused;
    for addr in addrs {
        match tokio::time::timeout(timeout, tokio::net::TcpStream::connect(addr)).await {
            Ok(Ok(_)) => return Probe::Open(addr),
            Ok(Err(e)) if e.kind() == std::io::ErrorKind::ConnectionRefused => {}
            Ok(Err(e)) => result = Probe::Failed(e.to_string()),
            Err(_) => result = Probe::Silent,
        }
    }
    result
}

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
    Failed(Failure),
}

/// Why the test could not run, as a code the window puts in words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Failure {
    /// The name could not be looked up from this computer.
    NotResolved,
    /// The name has no address.
    NoAddress,
    /// This computer's network cannot reach the server.
    Unreachable,
    /// Another refusal of the system, with its error number (0: none).
    Other(i32),
}

impl Failure {
    fn of(error: &std::io::Error) -> Failure {
        use std::io::ErrorKind;
        match error.kind() {
            ErrorKind::NetworkUnreachable | ErrorKind::HostUnreachable | ErrorKind::NetworkDown => {
                Failure::Unreachable
            }
            _ => Failure::Other(error.raw_os_error().unwrap_or(0)),
        }
    }
}

/// Tries to connect to `host:port` (every address of `host`) within `timeout`.
pub async fn probe(host: &str, port: u16, timeout: Duration) -> Probe {
    let addrs: Vec<SocketAddr> =
        match tokio::time::timeout(timeout, tokio::net::lookup_host((host, port))).await {
            Ok(Ok(a)) => a.collect(),
            Ok(Err(_)) => return Probe::Failed(Failure::NotResolved),
            Err(_) => return Probe::Silent,
        };
    if addrs.is_empty() {
        return Probe::Failed(Failure::NoAddress);
    }
    let mut result = Probe::Refused;
    for addr in addrs {
        match tokio::time::timeout(timeout, tokio::net::TcpStream::connect(addr)).await {
            Ok(Ok(_)) => return Probe::Open(addr),
            Ok(Err(e)) if e.kind() == std::io::ErrorKind::ConnectionRefused => {}
            Ok(Err(e)) => result = Probe::Failed(Failure::of(&e)),
            Err(_) => result = Probe::Silent,
        }
    }
    result
}

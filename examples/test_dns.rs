//! A local DNS server holding the test world (the gateway's zone and one
//! domain per situation), for trying the assistant without touching real
//! DNS:
//!
//! ```text
//! cargo run --example test_dns -- --port 5353 [--zones DIR] [--delay-ms N]
//! esm-assistant check broken.test --nameserver 127.0.0.1:5353
//! ```
//!
//! With `--zones DIR`, every `*.zone` file in DIR is served too and read
//! again when it changes: edit a file and the assistant sees the change.

#[path = "../tests/support/dns_server.rs"]
mod dns_server;
#[path = "../tests/support/world.rs"]
mod world;

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

fn zone_files(dir: &Path) -> Vec<(PathBuf, SystemTime)> {
    let mut files: Vec<(PathBuf, SystemTime)> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "zone"))
                .filter_map(|p| {
                    let modified = p.metadata().and_then(|m| m.modified()).ok()?;
                    Some((p, modified))
                })
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

fn all_zones(dir: Option<&Path>) -> Vec<String> {
    let mut zones = world::zones();
    if let Some(dir) = dir {
        for (path, _) in zone_files(dir) {
            match std::fs::read_to_string(&path) {
                Ok(text) => {
                    // A file replaces the built-in zone of the same origin.
                    if let Some(origin) = text.lines().find_map(|l| l.strip_prefix("$ORIGIN ")) {
                        let marker = format!("$ORIGIN {}", origin.trim());
                        zones.retain(|z| !z.contains(&marker));
                    }
                    zones.push(text);
                }
                Err(e) => eprintln!("{}: {e}", path.display()),
            }
        }
    }
    zones
}

fn main() {
    let mut port = 5353u16;
    let mut delay = Duration::ZERO;
    let mut dir: Option<PathBuf> = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--port" => port = args.next().and_then(|p| p.parse().ok()).unwrap_or(port),
            "--delay-ms" => {
                delay = Duration::from_millis(args.next().and_then(|d| d.parse().ok()).unwrap_or(0))
            }
            "--zones" => dir = args.next().map(PathBuf::from),
            other => {
                eprintln!(
                    "unknown argument {other}; usage: test_dns [--port N] [--zones DIR] [--delay-ms N]"
                );
                std::process::exit(2);
            }
        }
    }
    let server = dns_server::TestDns::start_on(
        &format!("127.0.0.1:{port}"),
        &all_zones(dir.as_deref()),
        delay,
    );
    println!("test DNS server on {}", server.addr);
    let mut seen = dir.as_deref().map(zone_files).unwrap_or_default();
    loop {
        std::thread::sleep(Duration::from_millis(300));
        let Some(d) = dir.as_deref() else { continue };
        let now = zone_files(d);
        if now != seen {
            seen = now;
            let zones = all_zones(Some(d));
            match dns_server::catalog(&zones) {
                Ok(_) => {
                    server.set_zones(&zones);
                    println!("zones reloaded");
                }
                Err(e) => eprintln!("not reloaded: {e}"),
            }
        }
    }
}

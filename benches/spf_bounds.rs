//! Time and peak memory of a full check on zones built to make an SPF
//! evaluation explode:
//! - "static 10 × 12": every name includes ten names of the next level,
//!   twelve levels deep (120 names, served by hickory-server);
//! - "ever-new": every name includes ten names never seen before (a server
//!   that makes them up as it is asked).
//!
//! Each shape runs in a process of its own, so that its peak resident
//! memory (VmHWM) is its own. Run with `cargo bench --bench spf_bounds`.

#[path = "../tests/support/dns_server.rs"]
mod dns_server;
#[path = "../tests/support/hostile_dns.rs"]
mod hostile_dns;
#[path = "../tests/support/world.rs"]
mod world;

use std::net::SocketAddr;
use std::process::Command;
use std::time::{Duration, Instant};

use esm_assistant::check::{self, CheckId, CheckInput};
use esm_assistant::dns::{Dns, DnsOptions, ResolverChoice};
use esm_assistant::domain::DomainName;
use esm_assistant::provider::Provider;

const RUNS: usize = 5;
const SHAPE_VAR: &str = "ESM_BENCH_SPF_SHAPE";

fn main() {
    match std::env::var(SHAPE_VAR).as_deref() {
        Ok("static") => {
            let server = dns_server::TestDns::start(&[
                world::tld_zone(),
                world::gateway_zone(),
                hostile_dns::wide_deep_zone("wide.test"),
            ]);
            measure("static 10 × 12", server.addr, "d.wide.test", || {
                server.queries()
            });
        }
        Ok("ever-new") => {
            let server = hostile_dns::EverNewDns::start();
            let domain = server.domain();
            measure("ever-new", server.addr, &domain, || server.queries());
        }
        _ => {
            let exe = std::env::current_exe().expect("this benchmark's path");
            for shape in ["static", "ever-new"] {
                let status = Command::new(&exe)
                    .env(SHAPE_VAR, shape)
                    .status()
                    .expect("run one shape");
                assert!(status.success(), "{shape}: {status}");
            }
        }
    }
}

fn measure(label: &str, server: SocketAddr, domain: &str, queries: impl Fn() -> usize) {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let input = CheckInput::new(DomainName::parse(domain).expect("domain"), Provider::esm());
    let options = DnsOptions {
        resolver: ResolverChoice::Servers(vec![server]),
        query_timeout: Duration::from_secs(3),
        deadline: Duration::from_secs(8),
        ..DnsOptions::default()
    };
    let mut times = Vec::new();
    let mut asked = Vec::new();
    for _ in 0..RUNS {
        let before = queries();
        let started = Instant::now();
        let report = runtime.block_on(async {
            let dns = Dns::new(input.domain.ascii(), &options)
                .await
                .expect("resolver");
            check::run(&input, &dns).await.0
        });
        times.push(started.elapsed());
        asked.push(queries() - before);
        let lookups = report.get(CheckId::SpfLookups).expect("spf.lookups");
        assert!(
            lookups.has_problem(esm_assistant::check::Code::TooManyLookups),
            "{label}: {lookups:#?}"
        );
    }
    times.sort();
    asked.sort();
    println!(
        "{label}: full check {:.1} ms (median of {RUNS}; max {:.1} ms), {} DNS questions, peak RSS {:.1} MB",
        times[RUNS / 2].as_secs_f64() * 1000.0,
        times[RUNS - 1].as_secs_f64() * 1000.0,
        asked[RUNS / 2],
        peak_rss_mb().unwrap_or(f64::NAN),
    );
}

/// The process's peak resident memory, from /proc (Linux).
fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

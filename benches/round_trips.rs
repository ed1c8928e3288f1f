//! How many DNS round trips a full check costs.
//!
//! A local DNS server adds a fixed delay to every answer; the wall time of a
//! full check of a configured domain (whose SPF also includes another
//! provider) divided by that delay is the number of round trips that the
//! user waits for. Run with `cargo bench --bench round_trips`.

#[path = "../tests/support/dns_server.rs"]
mod dns_server;
#[path = "../tests/support/world.rs"]
mod world;

use std::time::{Duration, Instant};

use esm_assistant::check::{self, CheckInput, Destination, Status};
use esm_assistant::dkim::normalise_console_key;
use esm_assistant::dns::{Dns, DnsOptions, ResolverChoice};
use esm_assistant::domain::DomainName;
use esm_assistant::provider::Provider;

const DELAY: Duration = Duration::from_millis(100);
const RUNS: usize = 5;

fn main() {
    let server = dns_server::TestDns::start_with_delay(&world::zones(), DELAY);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let mut input = CheckInput::new(
        DomainName::parse("good.test").expect("domain"),
        Provider::esm(),
    );
    input.destination = Some(Destination::parse("mail.good.test").expect("destination"));
    input.dkim_key = Some(normalise_console_key(world::RSA_2048).expect("key"));

    for (label, authoritative) in [("recursive resolver", false), ("authoritative mode", true)] {
        let options = DnsOptions {
            resolver: ResolverChoice::Servers(vec![server.addr]),
            authoritative,
            authoritative_port: server.addr.port(),
            query_timeout: Duration::from_secs(5),
            deadline: Duration::from_secs(30),
            ..DnsOptions::default()
        };
        let mut ratios = Vec::new();
        for _ in 0..RUNS {
            let started = Instant::now();
            let report = runtime.block_on(async {
                let dns = Dns::new(input.domain.ascii(), &options)
                    .await
                    .expect("resolver");
                check::run(&input, &dns).await.0
            });
            let elapsed = started.elapsed();
            assert!(
                report.checks.iter().all(|c| c.status == Status::Pass),
                "the benchmark domain must pass every check: {report:#?}"
            );
            ratios.push(elapsed.as_secs_f64() / DELAY.as_secs_f64());
        }
        ratios.sort_by(f64::total_cmp);
        let median = ratios[RUNS / 2];
        println!(
            "full check of good.test, {label}: {median:.2} round trips (median of {RUNS}; min {:.2}, max {:.2}; {} ms per answer)",
            ratios[0],
            ratios[RUNS - 1],
            DELAY.as_millis()
        );
    }
}

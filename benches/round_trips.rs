//! How many DNS round trips a full check costs.
//!
//! A local DNS server adds a fixed delay to every answer; the wall time of a
//! full check of a configured domain (whose SPF also includes another
//! provider) divided by that delay is the number of round trips that the
//! user waits for. Run with `cargo bench --bench round_trips`.
//!
//! Cases: the general resolver; authoritative mode, finding the domain's
//! name servers, then re-checking with the servers kept (as the window
//! does every 20 s); and the propagation view asked beside the check, with
//! two other local servers standing for public resolvers. A last case
//! checks a domain that publishes an MTA-STS policy, fetched over HTTPS from
//! a local server (in a process of its own, since the policy's certificate
//! authority is given through `SSL_CERT_FILE`).

#[path = "../tests/support/dns_server.rs"]
mod dns_server;
#[path = "../tests/support/https_server.rs"]
mod https_server;
#[path = "../tests/support/world.rs"]
mod world;

use std::time::{Duration, Instant};

use esm_assistant::check::{self, CheckInput, Destination, Status};
use esm_assistant::dkim::normalise_console_key;
use esm_assistant::dns::{Dns, DnsOptions, ResolverChoice};
use esm_assistant::domain::DomainName;
use esm_assistant::provider::{Provider, PublicResolver};

const DELAY: Duration = Duration::from_millis(100);
const RUNS: usize = 5;

const STS_CHILD: &str = "ESM_BENCH_MTA_STS_CHILD";
const STS_DOMAIN: &str = "stsgood.test";

fn main() {
    if std::env::var_os(STS_CHILD).is_some() {
        mta_sts_case();
        return;
    }
    general_cases();
    // The policy served over HTTPS, the check in a child process that trusts
    // the test authority.
    let mut pages = std::collections::HashMap::new();
    pages.insert(
        format!("mta-sts.{STS_DOMAIN}"),
        https_server::Page::policy(
            "version: STSv1\r\nmode: enforce\r\nmx: *.security-mail.net\r\nmax_age: 604800\r\n",
        ),
    );
    let https = https_server::TestHttps::start(pages, &[]);
    let exe = std::env::current_exe().expect("this benchmark's path");
    let status = std::process::Command::new(exe)
        .env(STS_CHILD, "1")
        .env("SSL_CERT_FILE", &https.ca_file)
        .env_remove("SSL_CERT_DIR")
        .env("ESM_ASSISTANT_HTTPS_PORT", https.addr.port().to_string())
        .status()
        .expect("run the MTA-STS case");
    assert!(status.success(), "MTA-STS case: {status}");
}

/// A full check of a domain whose MTA-STS policy lists the gateway.
fn mta_sts_case() {
    let mut zones = world::zones();
    zones.push(format!(
        "{}_mta-sts IN TXT \"v=STSv1; id=20240101;\"\nmta-sts IN A 127.0.0.1\n",
        world::good_zone().replace("good.test", STS_DOMAIN)
    ));
    let server = dns_server::TestDns::start_with_delay(&zones, DELAY);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let mut input = CheckInput::new(
        DomainName::parse(STS_DOMAIN).expect("domain"),
        Provider::esm(),
    );
    input.destination =
        Some(Destination::parse(&format!("mail.{STS_DOMAIN}")).expect("destination"));
    input.dkim_key = Some(normalise_console_key(world::RSA_2048).expect("key"));
    let options = DnsOptions {
        resolver: ResolverChoice::Servers(vec![server.addr]),
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
            "the MTA-STS domain must pass every check: {report:#?}"
        );
        ratios.push(elapsed.as_secs_f64() / DELAY.as_secs_f64());
    }
    ratios.sort_by(f64::total_cmp);
    println!(
        "full check of {STS_DOMAIN} with an MTA-STS policy fetched over HTTPS, recursive resolver: {:.2} round trips (median of {RUNS}; min {:.2}, max {:.2}; {} ms per answer)",
        ratios[RUNS / 2],
        ratios[0],
        ratios[RUNS - 1],
        DELAY.as_millis()
    );
}

fn general_cases() {
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

    // Two more servers stand for public resolvers in the propagation case:
    // they answer after the same delay, on 127.0.0.1 like the rest.
    let public: Vec<dns_server::TestDns> = (0..2)
        .map(|_| dns_server::TestDns::start_with_delay(&world::zones(), DELAY))
        .collect();
    let resolvers: Vec<PublicResolver> = public
        .iter()
        .enumerate()
        .map(|(i, s)| PublicResolver {
            name: format!("local {i}"),
            address: s.addr,
        })
        .collect();
    let base = DnsOptions {
        resolver: ResolverChoice::Servers(vec![server.addr]),
        authoritative_port: server.addr.port(),
        query_timeout: Duration::from_secs(5),
        deadline: Duration::from_secs(30),
        ..DnsOptions::default()
    };
    // The servers a first authoritative check finds, as the window keeps them.
    let known = runtime.block_on(async {
        let options = DnsOptions {
            authoritative: true,
            ..base.clone()
        };
        let dns = Dns::new(input.domain.ascii(), &options)
            .await
            .expect("resolver");
        dns.zone_servers().expect("the domain's servers are found")
    });

    let cases = [
        ("recursive resolver", false, None, false),
        ("authoritative mode", true, None, false),
        (
            "authoritative re-check, name servers kept",
            true,
            Some(known.clone()),
            false,
        ),
        ("--propagation (2 resolvers)", true, None, true),
        (
            "--propagation re-check, name servers kept",
            true,
            Some(known),
            true,
        ),
    ];
    for (label, authoritative, known_servers, propagation) in cases {
        let options = DnsOptions {
            authoritative,
            known_servers,
            ..base.clone()
        };
        let mut ratios = Vec::new();
        for _ in 0..RUNS {
            let started = Instant::now();
            let report = runtime.block_on(async {
                let dns = Dns::new(input.domain.ascii(), &options)
                    .await
                    .expect("resolver");
                if propagation {
                    let (report, view) = futures::join!(
                        check::run(&input, &dns),
                        check::propagation::observe(&input, &dns, &resolvers, None)
                    );
                    assert_eq!(view.resolvers.len(), 3, "every resolver answered");
                    assert!(view.resolvers.iter().all(|r| r.agrees == Some(true)));
                    report.0
                } else {
                    check::run(&input, &dns).await.0
                }
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

//! How long a test message takes to analyse, and how many DNS round trips
//! it costs.
//!
//! First, a 100 KB header block (60 hops and long trace headers, far more
//! than a real message) analysed without DNS: the time the admin waits for
//! the headers alone. Then a signed outgoing message and an incoming one
//! analysed against a local DNS server that delays every answer: the wall
//! time divided by the delay is the number of round trips waited for
//! (the DKIM key, SPF, DMARC and the gateway's ranges asked together).
//! Run with `cargo bench --bench message`.

#[path = "../tests/support/dns_server.rs"]
mod dns_server;
#[path = "../tests/support/world.rs"]
mod world;

use std::time::{Duration, Instant};

use base64::Engine as _;
use esm_assistant::dns::{Dns, DnsOptions, ResolverChoice};
use esm_assistant::domain::DomainName;
use esm_assistant::message::{self, Direction, Setup};
use esm_assistant::platform::Platform;
use esm_assistant::provider::Provider;
use mail_auth::common::crypto::Ed25519Key;
use mail_auth::common::headers::HeaderWriter;
use mail_auth::dkim::DkimSigner;

const DELAY: Duration = Duration::from_millis(100);
const RUNS: usize = 200;
const DATE: &str = "Mon, 2 Nov 2026 10:00:00 +0000";

fn received(from: &str, ip: &str, by: &str) -> String {
    format!("Received: from {from} ({from} [{ip}]) by {by} with ESMTPS id 4AbC; {DATE}\r\n")
}

fn body(from: &str, to: &str) -> String {
    format!(
        "From: <{from}>\r\nTo: <{to}>\r\nSubject: Test\r\nDate: {DATE}\r\nMessage-ID: <b1@bench.test>\r\n\r\nHello.\r\n"
    )
}

/// About 100 KB of headers: a long chain through the gateway, and trace
/// headers of the kind large providers add.
fn big_headers() -> String {
    let mut m = String::new();
    m.push_str("Authentication-Results: mx.receiver.example; spf=pass smtp.mailfrom=proof.test; dkim=pass header.d=proof.test; dmarc=pass header.from=proof.test\r\n");
    m.push_str(&received(
        "france.security-mail.net",
        "198.51.100.5",
        "mx.receiver.example",
    ));
    for i in 0..58 {
        m.push_str(&received(
            &format!("relay{i}.internal.proof.test"),
            &format!("10.0.{}.{}", i / 200, i % 200 + 1),
            "france.security-mail.net",
        ));
    }
    let mut i = 0;
    while m.len() < 100 * 1024 {
        m.push_str(&format!(
            "X-Trace-{i}: {}\r\n\t{}\r\n",
            "a1b2c3d4e5".repeat(6),
            "f6g7h8i9j0".repeat(6)
        ));
        i += 1;
    }
    m.push_str(&body("bob@proof.test", "alice@receiver.example"));
    m
}

fn setup(direction: Direction) -> Setup {
    // An own server: no platform results to look for in these headers.
    let mut s = Setup::new(Platform::OwnServer, Provider::esm());
    s.domain = Some(DomainName::parse("proof.test").expect("domain"));
    s.direction = Some(direction);
    s
}

fn offline() {
    let headers = big_headers();
    for direction in [Direction::Inbound, Direction::Outbound] {
        let s = setup(direction);
        let mut times = Vec::with_capacity(RUNS);
        for _ in 0..RUNS {
            let t = Instant::now();
            let report = message::analyse_offline(headers.as_bytes(), &s).expect("a message");
            times.push(t.elapsed());
            assert_eq!(report.hops, 59);
        }
        times.sort();
        println!(
            "{:?}, {} KB of headers, no DNS: median {:.2} ms, slowest {:.2} ms over {RUNS} runs",
            direction,
            headers.len() / 1024,
            times[RUNS / 2].as_secs_f64() * 1000.0,
            times[RUNS - 1].as_secs_f64() * 1000.0
        );
    }
}

fn with_dns() {
    let pkcs8 = Ed25519Key::generate_pkcs8().expect("key");
    let key = Ed25519Key::from_pkcs8_der(&pkcs8).expect("key");
    let public = base64::engine::general_purpose::STANDARD.encode(key.public_key());
    let zones = vec![
        world::tld_zone(),
        world::gateway_zone(),
        dns_server::zone(
            "proof.test",
            &format!(
                "@ IN MX 10 france.security-mail.net.\n\
                 @ IN TXT \"v=spf1 include:includespf.security-mail.net -all\"\n\
                 sec-sig-email._domainkey IN TXT {}\n\
                 _dmarc IN TXT \"v=DMARC1; p=reject\"\n",
                dns_server::txt(&format!("v=DKIM1; k=ed25519; p={public}"))
            ),
        ),
    ];
    let server = dns_server::TestDns::start_with_delay(&zones, DELAY);
    let inner = format!(
        "{}{}",
        received("mail.proof.test", "192.0.2.25", "france.security-mail.net"),
        body("bob@proof.test", "alice@receiver.example")
    );
    let signature = DkimSigner::from_key(key)
        .domain("proof.test")
        .selector("sec-sig-email")
        .headers(["From", "To", "Subject", "Date", "Message-ID"])
        .sign(inner.as_bytes())
        .expect("signed")
        .to_header();
    let outbound = format!(
        "{}{signature}{inner}",
        received(
            "france.security-mail.net",
            "198.51.100.5",
            "mx.receiver.example"
        )
    );
    let inbound = format!(
        "{}{}{}",
        received(
            "france.security-mail.net",
            "198.51.100.5",
            "mail.proof.test"
        ),
        received(
            "mail.sender.example",
            "203.0.113.50",
            "france.security-mail.net"
        ),
        body("alice@sender.example", "bob@proof.test")
    );
    let rt = tokio::runtime::Runtime::new().expect("runtime");
    let options = DnsOptions {
        resolver: ResolverChoice::Servers(vec![server.addr]),
        ..DnsOptions::default()
    };
    for (what, direction, text) in [
        ("Outbound, signed", Direction::Outbound, &outbound),
        ("Inbound", Direction::Inbound, &inbound),
    ] {
        let s = setup(direction);
        let before = server.queries();
        let t = Instant::now();
        let report = rt.block_on(async {
            let dns = Dns::new("proof.test", &options).await.expect("resolver");
            message::analyse(text.as_bytes(), &s, &dns)
                .await
                .expect("a message")
        });
        let took = t.elapsed();
        assert!(
            !report.has_failure() && !report.has_unknown(),
            "{report:#?}"
        );
        println!(
            "{what}, with DNS ({} ms per answer): {:.0} ms, {:.1} round trips, {} queries",
            DELAY.as_millis(),
            took.as_secs_f64() * 1000.0,
            took.as_secs_f64() / DELAY.as_secs_f64(),
            server.queries() - before
        );
    }
}

fn main() {
    offline();
    with_dns();
}

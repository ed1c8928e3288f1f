//! The MX propagation view against several real DNS servers on 127.0.0.1
//! that disagree: the domain's own server and "public" resolvers, one of
//! which still holds the old MX records. No other address is ever asked.

mod support;

use std::net::SocketAddr;
use std::process::Command;

use esm_assistant::check::propagation::{self, TtlAdvice};
use esm_assistant::dns::{Dns, DnsOptions, ZoneServers};
use esm_assistant::provider::PublicResolver;
use support::dns_server::{TestDns, zone};
use support::world;

/// The domain after the switch: its own servers give the gateway.
fn switched_zone() -> String {
    zone(
        "switch.test",
        "@ 3600 IN MX 10 france.security-mail.net.\n\
         @ 3600 IN MX 20 europe.security-mail.net.\n",
    )
}

/// What a resolver that fetched the records before the switch still holds.
fn old_zone(ttl: u32) -> String {
    zone(
        "switch.test",
        &format!("@ {ttl} IN MX 10 mail.switch.test.\nmail IN A 192.0.2.25\n"),
    )
}

/// A domain not yet switched, whose MX TTL is a day.
fn slow_zone() -> String {
    zone(
        "slow.test",
        "@ 86400 IN MX 10 mail.slow.test.\nmail IN A 192.0.2.25\n",
    )
}

fn own_server() -> TestDns {
    let mut zones = world::zones();
    zones.push(switched_zone());
    zones.push(slow_zone());
    TestDns::start(&zones)
}

fn authoritative(own: &TestDns) -> DnsOptions {
    DnsOptions {
        authoritative: true,
        authoritative_port: own.addr.port(),
        ..support::options(own.addr)
    }
}

fn public(name: &str, addr: SocketAddr) -> PublicResolver {
    PublicResolver {
        name: name.into(),
        address: addr,
    }
}

#[tokio::test]
async fn a_resolver_still_holding_the_old_records_sets_the_keep_until_time() {
    let own = own_server();
    let stale = TestDns::start(&[old_zone(2400)]);
    let fresh = TestDns::start(&[switched_zone()]);
    let dns = Dns::new("switch.test", &authoritative(&own)).await.unwrap();
    assert!(dns.is_authoritative());
    let input = support::input("switch.test");
    let before = chrono::Utc::now().timestamp();
    let view = propagation::observe(
        &input,
        &dns,
        &[public("stale", stale.addr), public("fresh", fresh.addr)],
        None,
    )
    .await;
    let after = chrono::Utc::now().timestamp();

    let own_side = view.authoritative.as_ref().unwrap();
    assert_eq!(own_side.ttl, Some(3600));
    assert_eq!(own_side.mx.len(), 2);
    assert!(view.at_gateway);
    // This computer's resolver (here the own server), then the list in order.
    assert_eq!(view.resolvers.len(), 3);
    assert_eq!(view.resolvers[0].name, None);
    assert_eq!(view.resolvers[0].agrees, Some(true));
    let stale_view = &view.resolvers[1];
    assert_eq!(stale_view.name.as_deref(), Some("stale"));
    assert_eq!(stale_view.address, Some(stale.addr));
    assert_eq!(stale_view.agrees, Some(false));
    assert_eq!(stale_view.side.mx, [(10, "mail.switch.test".to_string())]);
    assert_eq!(stale_view.side.ttl, Some(2400));
    assert_eq!(view.resolvers[2].agrees, Some(true));
    assert_eq!(view.differing(), 1);
    // Until the stale cache lets the old records go.
    let until = view.keep_old_until.unwrap();
    assert!((before + 2400..=after + 2400).contains(&until), "{until}");
    assert_eq!(view.lower_ttl, None);
}

#[tokio::test]
async fn the_latest_of_several_stale_caches_counts() {
    let own = own_server();
    let short = TestDns::start(&[old_zone(600)]);
    let long = TestDns::start(&[old_zone(5000)]);
    let dns = Dns::new("switch.test", &authoritative(&own)).await.unwrap();
    let view = propagation::observe(
        &support::input("switch.test"),
        &dns,
        &[public("short", short.addr), public("long", long.addr)],
        None,
    )
    .await;
    assert_eq!(view.differing(), 2);
    let left = view.keep_old_until.unwrap() - view.checked_at;
    assert_eq!(left, 5000);
}

#[tokio::test]
async fn before_the_switch_a_day_long_ttl_is_to_be_lowered() {
    let own = own_server();
    let dns = Dns::new("slow.test", &authoritative(&own)).await.unwrap();
    let view = propagation::observe(&support::input("slow.test"), &dns, &[], None).await;
    assert!(!view.at_gateway);
    assert_eq!(view.keep_old_until, None);
    assert_eq!(
        view.lower_ttl,
        Some(TtlAdvice {
            current: 86400,
            set: 300,
            hours_ahead: 24
        })
    );
}

#[tokio::test]
async fn known_name_servers_are_not_looked_for_again() {
    let own = own_server();
    let first = Dns::new("switch.test", &authoritative(&own)).await.unwrap();
    let known = first.zone_servers().unwrap();
    assert_eq!(known.domain, "switch.test");
    assert_eq!(known.servers, [own.addr]);

    let asked_before = own.queries();
    let options = DnsOptions {
        known_servers: Some(known.clone()),
        ..authoritative(&own)
    };
    let again = Dns::new("switch.test", &options).await.unwrap();
    assert!(again.is_authoritative());
    assert_eq!(own.queries(), asked_before, "no question to set up");
    assert_eq!(again.zone_servers(), Some(known));
    let mx = again
        .query("switch.test", esm_assistant::dns::QType::Mx)
        .await;
    assert_eq!(mx.mx().len(), 2);

    // Servers kept for another domain are not used for this one.
    let other = DnsOptions {
        known_servers: Some(ZoneServers {
            domain: "other.test".into(),
            servers: vec![own.addr],
        }),
        ..authoritative(&own)
    };
    let asked_before = own.queries();
    Dns::new("switch.test", &other).await.unwrap();
    assert!(own.queries() > asked_before);
}

#[test]
fn check_propagation_prints_each_resolver_and_the_keep_until_time() {
    let own = own_server();
    let stale = TestDns::start(&[old_zone(2400)]);
    let fresh = TestDns::start(&[switched_zone()]);
    let ns = own.addr.to_string();
    // The domain's servers are asked on the port of the test server.
    let stale_addr = stale.addr.to_string();
    let fresh_addr = fresh.addr.to_string();
    let base = [
        "check",
        "switch.test",
        "--nameserver",
        &ns,
        "--propagation",
        "--propagation-resolver",
        &stale_addr,
        "--propagation-resolver",
        &fresh_addr,
    ];
    let run = |extra: &[&str]| {
        let mut args = base.to_vec();
        args.extend_from_slice(extra);
        Command::new(env!("CARGO_BIN_EXE_esm-assistant"))
            .args(&args)
            .env("LANG", "en_GB.UTF-8")
            .env(
                "ESM_ASSISTANT_AUTHORITATIVE_PORT",
                own.addr.port().to_string(),
            )
            .output()
            .expect("run esm-assistant")
    };

    let out = run(&["--json"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let view = &json["propagation"];
    assert!(json["checks"].is_array(), "the report is still there");
    assert_eq!(view["at_gateway"], true, "{view}");
    assert_eq!(view["authoritative"]["ttl"], 3600);
    let resolvers = view["resolvers"].as_array().unwrap();
    assert_eq!(resolvers.len(), 3);
    assert_eq!(resolvers[1]["address"], stale_addr.as_str());
    assert_eq!(resolvers[1]["agrees"], false);
    assert_eq!(resolvers[1]["ttl"], 2400);
    assert_eq!(resolvers[2]["agrees"], true);
    let left = view["keep_old_until"].as_i64().unwrap() - view["checked_at"].as_i64().unwrap();
    assert_eq!(left, 2400);

    let text = String::from_utf8_lossy(&run(&[]).stdout).into_owned();
    assert!(text.contains("MX records as resolvers see them"), "{text}");
    assert!(
        text.contains("Domain's own name servers: 10 france.security-mail.net, 20 europe.security-mail.net (TTL 3600 s)"),
        "{text}"
    );
    let stale_line = text
        .lines()
        .find(|l| l.contains(&stale_addr))
        .unwrap_or_else(|| panic!("{text}"));
    assert!(stale_line.contains("✗"), "{stale_line}");
    assert!(stale_line.contains("10 mail.switch.test"), "{stale_line}");
    assert!(
        stale_line.contains("2400 s left in its cache"),
        "{stale_line}"
    );
    assert!(
        text.contains("Keep the old server accepting mail until "),
        "{text}"
    );

    let french = String::from_utf8_lossy(&run(&["--lang", "fr"]).stdout).into_owned();
    assert!(
        french.contains("Laissez l’ancien serveur accepter le courrier jusqu’à "),
        "{french}"
    );
    assert!(
        french.contains("encore d’autres enregistrements"),
        "{french}"
    );
}

#[test]
fn check_propagation_advises_lowering_a_long_ttl_before_the_switch() {
    let own = own_server();
    let ns = own.addr.to_string();
    let out = Command::new(env!("CARGO_BIN_EXE_esm-assistant"))
        .args([
            "check",
            "slow.test",
            "--nameserver",
            &ns,
            "--propagation",
            "--lang",
            "fr",
        ])
        .env(
            "ESM_ASSISTANT_AUTHORITATIVE_PORT",
            own.addr.port().to_string(),
        )
        .output()
        .expect("run esm-assistant");
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        text.contains("Le TTL des enregistrements MX est de 86400\u{a0}s\u{a0}: abaissez-le à 300\u{a0}s au moins 24\u{a0}heures avant la bascule"),
        "{text}"
    );
    // With --nameserver and no list, only the check's own resolver is asked:
    // none of the profile's public ones.
    assert_eq!(
        text.matches("le résolveur de cet ordinateur").count(),
        1,
        "{text}"
    );
    for public in [
        "Cloudflare",
        "Google",
        "Quad9",
        "OpenDNS",
        "1.1.1.1",
        "8.8.8.8",
    ] {
        assert!(!text.contains(public), "{text}");
    }
}

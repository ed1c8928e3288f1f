//! MTA-STS before the MX switch: policies served over HTTPS on 127.0.0.1
//! with a certificate authority made in the test (given to the assistant
//! through `SSL_CERT_FILE`), their names in a real DNS server, and the
//! assistant run as an admin would run it.

mod support;

use std::collections::HashMap;
use std::process::{Command, Output};

use support::dns_server::{TestDns, zone};
use support::https_server::{Page, TestHttps};
use support::world;

const GOOD_MX: &str =
    "@ IN MX 10 france.security-mail.net.\n@ IN MX 20 europe.security-mail.net.\n";

/// A domain whose MTA-STS record and policy host are published.
fn sts_zone(origin: &str) -> String {
    zone(
        origin,
        &format!(
            "{GOOD_MX}_mta-sts IN TXT \"v=STSv1; id=20240101;\"\nmta-sts IN A 127.0.0.1\n_smtp._tls IN TXT \"v=TLSRPTv1; rua=mailto:tls@{origin}\"\n"
        ),
    )
}

fn policy(mode: &str, mx: &[&str]) -> Page {
    let mut text = format!("version: STSv1\r\nmode: {mode}\r\n");
    for m in mx {
        text.push_str(&format!("mx: {m}\r\n"));
    }
    text.push_str("max_age: 604800\r\n");
    Page::policy(&text)
}

struct World {
    dns: TestDns,
    https: TestHttps,
}

fn world() -> World {
    let mut pages = HashMap::new();
    pages.insert(
        "mta-sts.enforce.test".to_string(),
        policy("enforce", &["mx.oldhost.test"]),
    );
    pages.insert(
        "mta-sts.testing.test".to_string(),
        policy("testing", &["mx.oldhost.test"]),
    );
    pages.insert("mta-sts.none.test".to_string(), policy("none", &[]));
    pages.insert(
        "mta-sts.wildcard.test".to_string(),
        policy("enforce", &["mx.oldhost.test", "*.security-mail.net"]),
    );
    pages.insert(
        "mta-sts.deepwild.test".to_string(),
        policy("enforce", &["*.net"]),
    );
    pages.insert(
        "mta-sts.badcert.test".to_string(),
        policy("enforce", &["*.security-mail.net"]),
    );
    pages.insert(
        "mta-sts.huge.test".to_string(),
        Page::policy(&format!(
            "version: STSv1\r\nmode: enforce\r\nmax_age: 1\r\n{}",
            "mx: filler.example\r\n".repeat(5000)
        )),
    );
    pages.insert(
        "mta-sts.moved.test".to_string(),
        Page {
            status: 301,
            headers: vec![("Location".into(), "https://elsewhere.test/".into())],
            body: Vec::new(),
        },
    );
    let https = TestHttps::start(pages, &["mta-sts.badcert.test"]);
    let mut zones = vec![world::tld_zone(), world::gateway_zone()];
    for d in [
        "enforce.test",
        "testing.test",
        "none.test",
        "wildcard.test",
        "deepwild.test",
        "badcert.test",
        "huge.test",
        "moved.test",
    ] {
        zones.push(sts_zone(d));
    }
    // The record is there, but the policy host does not exist.
    zones.push(zone(
        "nohost.test",
        &format!("{GOOD_MX}_mta-sts IN TXT \"v=STSv1; id=1;\"\n"),
    ));
    zones.push(zone("nosts.test", GOOD_MX));
    World {
        dns: TestDns::start(&zones),
        https,
    }
}

fn check(w: &World, domain: &str, lang: &str, json: bool) -> Output {
    let ns = w.dns.addr.to_string();
    let mut args = vec!["check", domain, "--nameserver", &ns, "--lang", lang];
    if json {
        args.push("--json");
    }
    Command::new(env!("CARGO_BIN_EXE_esm-assistant"))
        .args(&args)
        .env("SSL_CERT_FILE", &w.https.ca_file)
        .env_remove("SSL_CERT_DIR")
        .env("ESM_ASSISTANT_HTTPS_PORT", w.https.addr.port().to_string())
        .output()
        .expect("run esm-assistant")
}

/// The `mtasts.policy` check of a JSON report.
fn sts(w: &World, domain: &str) -> serde_json::Value {
    let out = check(w, domain, "en", true);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)));
    json["checks"]
        .as_array()
        .and_then(|c| c.iter().find(|c| c["id"] == "mtasts.policy").cloned())
        .unwrap_or_else(|| panic!("no mtasts.policy in {json:#}"))
}

fn code(check: &serde_json::Value) -> Option<&str> {
    check["problems"].as_array()?.first()?["code"].as_str()
}

#[test]
fn enforce_without_the_gateway_fails_with_the_new_policy() {
    let w = world();
    let c = sts(&w, "enforce.test");
    assert_eq!(c["status"], "fail", "{c:#}");
    assert_eq!(code(&c), Some("gateway-not-listed"));
    let p = &c["problems"][0];
    assert_eq!(
        p["hosts"],
        serde_json::json!(["france.security-mail.net", "europe.security-mail.net"])
    );
    assert_eq!(
        p["url"],
        "https://mta-sts.enforce.test/.well-known/mta-sts.txt"
    );
    assert_eq!(p["max_age_days"], 7);
    let expected: Vec<&str> = c["expected"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|v| v.as_str())
        .collect();
    assert_eq!(
        expected,
        [
            "version: STSv1",
            "mode: enforce",
            "mx: mx.oldhost.test",
            "mx: france.security-mail.net",
            "mx: europe.security-mail.net",
            "max_age: 604800"
        ]
    );
    // TLS reporting is shown as information.
    assert_eq!(
        c["details"]["tls_rpt"],
        serde_json::json!(["mailto:tls@enforce.test"])
    );
}

#[test]
fn testing_without_the_gateway_warns_and_none_or_matching_passes() {
    let w = world();
    let c = sts(&w, "testing.test");
    assert_eq!(c["status"], "warn", "{c:#}");
    assert_eq!(code(&c), Some("gateway-not-listed"));
    for domain in ["none.test", "wildcard.test", "nosts.test"] {
        let c = sts(&w, domain);
        assert_eq!(c["status"], "pass", "{domain}: {c:#}");
    }
    // A wildcard matches one left-most label only.
    let c = sts(&w, "deepwild.test");
    assert_eq!(c["status"], "fail", "{c:#}");
}

#[test]
fn a_policy_that_cannot_be_fetched_is_its_own_problem() {
    let w = world();
    for (domain, reason) in [
        ("badcert.test", "certificate"),
        ("huge.test", "too-large"),
        ("moved.test", "status"),
        ("nohost.test", "no-address"),
    ] {
        let c = sts(&w, domain);
        assert_eq!(c["status"], "warn", "{domain}: {c:#}");
        assert_eq!(code(&c), Some("policy-unreachable"), "{domain}");
        assert_eq!(c["problems"][0]["reason"], reason, "{domain}: {c:#}");
    }
}

#[test]
fn the_fix_reads_well_in_both_languages() {
    let w = world();
    let en = String::from_utf8_lossy(&check(&w, "enforce.test", "en", false).stdout).into_owned();
    assert!(en.contains("MTA-STS policy lists the gateway"), "{en}");
    assert!(en.contains("first publish the new policy file"), "{en}");
    assert!(en.contains("v=STSv1; id="), "{en}");
    let fr = String::from_utf8_lossy(&check(&w, "enforce.test", "fr", false).stdout).into_owned();
    assert!(
        fr.contains("La politique MTA-STS inclut la passerelle"),
        "{fr}"
    );
    assert!(
        fr.contains("publiez d’abord le nouveau fichier de politique"),
        "{fr}"
    );
    for text in [&en, &fr] {
        assert!(!text.contains("{$") && !text.contains("{ $"), "{text}");
    }
}

#[test]
fn records_give_the_new_id_after_the_policy_file() {
    let w = world();
    let ns = w.dns.addr.to_string();
    let out = Command::new(env!("CARGO_BIN_EXE_esm-assistant"))
        .args(["records", "enforce.test", "--nameserver", &ns, "--json"])
        .env("SSL_CERT_FILE", &w.https.ca_file)
        .env_remove("SSL_CERT_DIR")
        .env("ESM_ASSISTANT_HTTPS_PORT", w.https.addr.port().to_string())
        .output()
        .expect("run esm-assistant");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let sts = json["records"]
        .as_array()
        .and_then(|r| r.iter().find(|r| r["purpose"] == "mta-sts").cloned())
        .unwrap_or_else(|| panic!("no MTA-STS record in {json:#}"));
    assert_eq!(sts["name"], "_mta-sts");
    assert_eq!(sts["action"], "replace");
    let value = sts["value"].as_str().unwrap();
    assert!(
        value.starts_with("v=STSv1; id=") && value != "v=STSv1; id=20240101;",
        "{value}"
    );
    assert_eq!(sts["notes"][0]["code"], "mta-sts-policy-first");
    assert!(
        sts["notes"][0]["policy"]
            .as_array()
            .unwrap()
            .iter()
            .any(|l| l == "mx: france.security-mail.net"),
        "{sts:#}"
    );
    // A domain whose policy already lists the gateway gets no such record.
    let out = Command::new(env!("CARGO_BIN_EXE_esm-assistant"))
        .args(["records", "wildcard.test", "--nameserver", &ns, "--json"])
        .env("SSL_CERT_FILE", &w.https.ca_file)
        .env("ESM_ASSISTANT_HTTPS_PORT", w.https.addr.port().to_string())
        .output()
        .expect("run esm-assistant");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert!(
        !json["records"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["purpose"] == "mta-sts")
    );
}

#[test]
fn the_checklist_gives_the_policy_file_beside_the_new_record() {
    let w = world();
    let ns = w.dns.addr.to_string();
    let out = Command::new(env!("CARGO_BIN_EXE_esm-assistant"))
        .args([
            "checklist",
            "enforce.test",
            "--nameserver",
            &ns,
            "--lang",
            "fr",
            "--out",
            "-",
        ])
        .env("SSL_CERT_FILE", &w.https.ca_file)
        .env_remove("SSL_CERT_DIR")
        .env("ESM_ASSISTANT_HTTPS_PORT", w.https.addr.port().to_string())
        .output()
        .expect("run esm-assistant");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let pdf = lopdf::Document::load_mem(&out.stdout).expect("a PDF");
    let pages: Vec<u32> = pdf.get_pages().keys().copied().collect();
    let text = pdf
        .extract_text(&pages)
        .expect("text")
        .replace(['\n', '\r'], "");
    assert!(text.contains("_mta-sts"), "{text}");
    assert!(
        text.contains("Ne publiez cet enregistrement qu’après le nouveau fichier"),
        "{text}"
    );
    assert!(text.contains("mx: france.security-mail.net"), "{text}");
}

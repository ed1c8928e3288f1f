//! Guides per DNS host, end to end: a domain whose NS records name a host
//! gets record cards (window and PDF) and `records` output the way that
//! host's zone editor wants them; a domain at an unknown host keeps the
//! generic text. Against a real DNS server on 127.0.0.1.

mod support;

use std::collections::BTreeSet;

use esm_assistant::check::{self, Report};
use esm_assistant::checklist::{self, ChecklistInput, Paper};
use esm_assistant::content::{self, Content, Field, RecordCard};
use esm_assistant::dkim::normalise_console_key;
use esm_assistant::dns::Dns;
use esm_assistant::dnshost::{self, Guide};
use esm_assistant::localize::Lang;
use esm_assistant::lockdown::firewall::Format;
use esm_assistant::platform::Platform;
use esm_assistant::records::{self, Publication};
use esm_assistant::step::Step;
use support::dns_server::TestDns;
use support::{esm, input, stderr, stdout, world};

/// Each host with a guide, and a name server of its that `identify` knows.
const HOSTED: &[(&str, &str)] = &[
    ("ovh", "dns110.ovh.net"),
    ("gandi", "ns-159-a.gandi.net"),
    ("ionos", "ns1045.ui-dns.de"),
    ("cloudflare", "kate.ns.cloudflare.com"),
    ("godaddy", "ns27.domaincontrol.com"),
    ("infomaniak", "ns11.infomaniak.ch"),
    ("o2switch", "ns1.o2switch.net"),
    ("lws", "ns21.lwsdns.com"),
    ("hostinger", "ns1.dns-parking.com"),
    ("namecheap", "dns1.registrar-servers.com"),
];

/// A domain where nothing is done yet, its DNS at `ns`: an old MX, an SPF
/// record without the gateway, no DMARC.
fn hosted_zone(origin: &str, ns: &str) -> String {
    format!(
        "$ORIGIN {origin}.\n$TTL 300\n\
         @ IN SOA {ns}. hostmaster.{origin}. 1 3600 600 86400 300\n\
         @ IN NS {ns}.\n\
         @ IN MX 5 mx1.oldhost.test.\n\
         @ IN TXT \"v=spf1 mx -all\"\n"
    )
}

fn zones() -> Vec<String> {
    let mut zones = world::zones();
    for (id, ns) in HOSTED {
        zones.push(hosted_zone(&format!("{id}.test"), ns));
    }
    // A host the assistant knows, without a guide.
    zones.push(hosted_zone("route53.test", "ns-1.awsdns-01.org"));
    zones
}

struct Checked {
    report: Report,
    publication: Publication,
    input: check::CheckInput,
}

async fn check_domain(dns: &TestDns, domain: &str) -> Checked {
    let mut i = input(domain);
    i.dkim_key = Some(normalise_console_key(world::RSA_2048).unwrap());
    let resolver = Dns::new(i.domain.ascii(), &support::options(dns.addr))
        .await
        .unwrap();
    let (report, snap) = check::run(&i, &resolver).await;
    let publication = records::plan(&i, &snap);
    Checked {
        report,
        publication,
        input: i,
    }
}

fn content_input<'a>(
    c: &'a Checked,
    lang: Lang,
    done: &'a BTreeSet<Step>,
    ticked: &'a BTreeSet<String>,
) -> content::Input<'a> {
    content::Input {
        domain: Some(&c.input.domain),
        platform: Platform::Microsoft365,
        lang,
        provider: &c.input.provider,
        report: Some(&c.report),
        publication: Some(&c.publication),
        destination: None,
        done,
        ticked,
        existing_dkim: Some(&[]),
        checked_at: None,
        lockdown: content::LockdownInput {
            ranges: None,
            smart_host: None,
            arc: false,
            format: Format::Nftables,
        },
        tests: content::TestInput::none(),
        today: chrono::Local::now().date_naive(),
    }
}

fn build(c: &Checked, lang: Lang) -> Content {
    let (done, ticked) = (BTreeSet::new(), BTreeSet::new());
    content::build(&content_input(c, lang, &done, &ticked))
}

fn card(content: &Content, step: Step, rtype: &str) -> RecordCard {
    content
        .step(step)
        .and_then(|s| s.records.iter().find(|r| r.record.rtype == rtype))
        .unwrap_or_else(|| panic!("no {rtype} card on {step:?}"))
        .clone()
}

fn field<'a>(card: &'a RecordCard, key: &str) -> &'a Field {
    card.fields
        .iter()
        .find(|f| f.key == key)
        .unwrap_or_else(|| panic!("no {key} in {card:#?}"))
}

/// What the guide says a field is called, else the generic label.
fn label(guide: &Guide, lang: Lang, key: &str, rtype: &str, generic: &str) -> String {
    let l = &guide.labels;
    let host = match (key, rtype) {
        ("name", _) => l.name.as_ref(),
        ("ttl", _) => l.ttl.as_ref(),
        ("value", "TXT") => l.value_txt.as_ref(),
        ("value", "MX") => l.value_mx.as_ref(),
        _ => None,
    };
    host.map_or(generic.to_string(), |s| s.get(lang).to_string())
}

#[tokio::test(flavor = "multi_thread")]
async fn every_hosts_cards_follow_its_guide() {
    let dns = TestDns::start(&zones());
    for (id, _) in HOSTED {
        let guide = dnshost::guide::find(id).unwrap_or_else(|| panic!("no guide {id}"));
        let c = check_domain(&dns, &format!("{id}.test")).await;
        for lang in Lang::ALL {
            let content = build(&c, lang);
            let (generic_name, generic_value, blank) = match lang {
                Lang::Fr => ("Nom", "Valeur", "(laissez ce champ vide)"),
                Lang::En => ("Name", "Value", "(leave this field empty)"),
            };
            // The apex: blank, @ or the generic @, as the guide says.
            let spf = card(&content, Step::Spf, "TXT");
            let name = field(&spf, "name");
            assert_eq!(name.label, label(guide, lang, "name", "TXT", generic_name));
            match guide.apex.as_ref().map(|a| a.form) {
                Some(dnshost::guide::ApexForm::Blank) => {
                    assert_eq!((name.value.as_str(), name.literal), (blank, false));
                }
                _ => assert_eq!((name.value.as_str(), name.literal), ("@", true)),
            }
            // A relative name for the hosts that add the domain (all of
            // those with a guide saying so), and by default.
            let dmarc = card(&content, Step::Dmarc, "TXT");
            assert_eq!(field(&dmarc, "name").value, "_dmarc", "{id}");
            assert_eq!(
                field(&dmarc, "value").label,
                label(guide, lang, "value", "TXT", generic_value)
            );
            // The Copy keys stay the same whatever the host.
            let keys: Vec<_> = dmarc.fields.iter().map(|f| f.key).collect();
            assert_eq!(keys, ["name", "fqdn", "type", "ttl", "value"], "{id}");
            // The MX target keeps its final dot (no shipped guide drops it).
            let mx = card(&content, Step::Mx, "MX");
            assert!(field(&mx, "value").value.ends_with('.'), "{id}: {mx:#?}");
            assert_eq!(
                field(&mx, "value").label,
                label(guide, lang, "value", "MX", generic_value)
            );
            let ttl: u32 = field(&mx, "ttl").value.parse().unwrap();
            assert!(ttl >= guide.min_ttl.as_ref().map_or(0, |m| m.seconds));
            // Where to go: the panel's own path when the guide gives it.
            let wheres = &content.step(Step::Mx).unwrap().where_to_go;
            assert!(wheres[0].contains(&guide.name), "{id}: {wheres:?}");
            match &guide.where_to_go {
                Some(path) => assert!(wheres[0].contains(path.get(lang)), "{id}: {wheres:?}"),
                None => assert!(!wheres[0].contains(" > "), "{id}: {wheres:?}"),
            }
            assert_eq!(
                wheres.iter().any(|w| w.contains("https://")),
                guide.deep_link.is_some(),
                "{id}: {wheres:?}"
            );
            // Every trap for TXT records is on the DKIM card.
            let dkim = card(&content, Step::Dkim, "TXT");
            for trap in guide.traps.iter().filter(|t| t.applies_to("TXT")) {
                assert!(
                    dkim.notes.contains(&trap.text.get(lang).to_string()),
                    "{id}"
                );
            }
        }
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn ovhcloud_cards_read_as_its_panel_in_the_window_and_the_pdf() {
    let dns = TestDns::start(&zones());
    let c = check_domain(&dns, "ovh.test").await;
    let content = build(&c, Lang::Fr);
    let dmarc = card(&content, Step::Dmarc, "TXT");
    let name = field(&dmarc, "name");
    assert_eq!(
        (name.label.as_str(), name.value.as_str()),
        ("Sous-domaine", "_dmarc")
    );
    let mx = card(&content, Step::Mx, "MX");
    let target = field(&mx, "value");
    assert_eq!(target.label, "Cible");
    assert_eq!(target.value, "france.security-mail.net.");
    assert!(target.literal);
    let wheres = &content.step(Step::Dmarc).unwrap().where_to_go;
    assert!(
        wheres
            .iter()
            .any(|w| w.contains("onglet «\u{a0}Zone DNS\u{a0}»")
                && w.contains("«\u{a0}Ajouter une entrée\u{a0}»")),
        "{wheres:?}"
    );
    assert!(
        !wheres
            .iter()
            .any(|w| w.contains("espace client et ajoutez"))
    );
    // The DKIM key is longer than the form's 255 characters: said.
    let dkim = card(&content, Step::Dkim, "TXT");
    assert!(
        dkim.notes
            .iter()
            .any(|n| n.contains("Modifier en mode textuel")),
        "{dkim:#?}"
    );

    // The PDF draws the same cards.
    let (done, ticked) = (BTreeSet::new(), BTreeSet::new());
    let pdf = checklist::export(&ChecklistInput {
        domain: &c.input.domain,
        report: &c.report,
        content: content_input(&c, Lang::Fr, &done, &ticked),
        generated_at: chrono::Local::now(),
        paper: Paper::A4,
    })
    .expect("PDF");
    let doc = lopdf::Document::load_mem(&pdf).expect("a PDF lopdf can read");
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    let text = doc.extract_text(&pages).expect("text");
    for wanted in ["Sous-domaine", "_dmarc", "Cible", "Ajouter une entrée"] {
        assert!(text.contains(wanted), "{wanted} not in the PDF");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_host_without_a_guide_keeps_the_generic_text() {
    let dns = TestDns::start(&zones());
    for (domain, host) in [
        ("route53.test", Some("Amazon Route 53")),
        ("good.test", None),
    ] {
        let c = check_domain(&dns, domain).await;
        let content = build(&c, Lang::En);
        let wheres = &content.step(Step::Spf).unwrap().where_to_go;
        match host {
            Some(h) => assert_eq!(
                wheres,
                &[format!(
                    "Where: your domain's DNS is hosted by {h}. Log in there and add a TXT record in the zone editor."
                )]
            ),
            None => assert!(wheres[0].starts_with("Where: your domain's name servers are")),
        }
        let spf = card(&content, Step::Spf, "TXT");
        let labels: Vec<_> = spf.fields.iter().map(|f| f.label.as_str()).collect();
        assert_eq!(labels, ["Name", "Full name", "Type", "TTL", "Value"]);
        assert_eq!(field(&spf, "name").value, "@");
        assert!(spf.fields.iter().all(|f| f.literal));
    }
}

#[test]
fn records_with_dns_host_ovh_types_the_records_as_ovhcloud_wants() {
    let dns = TestDns::start(&zones());
    let ns = dns.addr.to_string();
    let key = world::RSA_2048.trim();
    let base = [
        "records",
        "broken.test",
        "--nameserver",
        &ns,
        "--dkim-key",
        key,
    ];
    let generic = esm(&[&base[..], &["--lang", "fr"]].concat());
    assert_eq!(generic.status.code(), Some(0), "{}", stderr(&generic));
    let generic = stdout(&generic);
    assert!(!generic.contains("Sous-domaine"), "{generic}");
    assert!(generic.contains("Nom\u{a0}:"), "{generic}");

    let out = esm(&[&base[..], &["--lang", "fr", "--dns-host", "ovh"]].concat());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.contains("Sous la forme qu’attend l’éditeur de zone chez OVHcloud."),
        "{text}"
    );
    assert!(text.contains("onglet «\u{a0}Zone DNS\u{a0}»"), "{text}");
    let line = |label: &str, value: &str| {
        text.lines().any(|l| {
            l.trim_start().starts_with(&format!("{label}\u{a0}:")) && l.trim_end().ends_with(value)
        })
    };
    assert!(line("Sous-domaine", "_dmarc"), "{text}");
    assert!(line("Sous-domaine", "(laissez ce champ vide)"), "{text}");
    assert!(line("Cible", "france.security-mail.net."), "{text}");
    assert!(text.contains("Modifier en mode textuel"), "{text}");

    // The host is found from the NS records without --dns-host too.
    let found = esm(&["records", "ovh.test", "--nameserver", &ns, "--lang", "en"]);
    assert_eq!(found.status.code(), Some(0), "{}", stderr(&found));
    let found = stdout(&found);
    assert!(
        found.contains("As OVHcloud's zone editor wants them typed."),
        "{found}"
    );
    assert!(found.contains("Sub-domain:"), "{found}");
}

#[test]
fn an_unknown_dns_host_is_refused_before_any_lookup() {
    let dns = TestDns::start(&zones());
    let ns = dns.addr.to_string();
    let out = esm(&[
        "records",
        "broken.test",
        "--nameserver",
        &ns,
        "--dns-host",
        "ovh\u{1b}[2J-and-much-more-than-thirty-two-characters",
    ]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("is not a DNS host the assistant knows"),
        "{err}"
    );
    assert!(err.contains("ovh, gandi, ionos, cloudflare"), "{err}");
    // The escape is shown, never sent to the terminal.
    assert!(!err.contains('\u{1b}') && err.contains("\\u{1b}"), "{err}");
    assert_eq!(dns.queries(), 0);
}

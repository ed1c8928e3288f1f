//! The printed checklist: made in memory from real checks against a DNS
//! server on 127.0.0.1, then read back as a PDF reader would.

mod support;

use std::collections::BTreeSet;

use esm_assistant::check::{self, Destination};
use esm_assistant::checklist::{self, ChecklistInput, Paper};
use esm_assistant::dkim::normalise_console_key;
use esm_assistant::dns::Dns;
use esm_assistant::localize::Lang;
use esm_assistant::platform::Platform;
use esm_assistant::records::{self, Publication};
use esm_assistant::step::Step;
use support::dns_server::TestDns;
use support::{input, world};

struct Made {
    pdf: Vec<u8>,
    publication: Publication,
}

async fn make(domain: &str, lang: Lang, paper: Paper, key: bool) -> Made {
    let dns = TestDns::start(&world::zones());
    let mut i = input(domain);
    i.destination = Some(Destination::parse(&format!("mail.{domain}")).unwrap());
    if key {
        i.dkim_key = Some(normalise_console_key(world::RSA_2048).unwrap());
    }
    let resolver = Dns::new(i.domain.ascii(), &support::options(dns.addr))
        .await
        .unwrap();
    let (report, snap) = check::run(&i, &resolver).await;
    let publication = records::plan(&i, &snap);
    let done: BTreeSet<Step> = [Step::Lockdown].into();
    let pdf = checklist::export(&ChecklistInput {
        domain: &i.domain,
        platform: Platform::Microsoft365,
        lang,
        provider: &i.provider,
        report: &report,
        publication: &publication,
        destination: i.destination.as_ref().map(|d| d.display()),
        done: &done,
        generated_at: chrono::Local::now(),
        paper,
    })
    .expect("PDF");
    Made { pdf, publication }
}

/// The text of every page, as a reader extracts it.
fn extract(pdf: &[u8]) -> (usize, String) {
    let doc = lopdf::Document::load_mem(pdf).expect("a PDF lopdf can read");
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    let text = doc.extract_text(&pages).expect("text");
    (pages.len(), text)
}

/// The text with its line breaks removed (the extractor ends each line with
/// " \n"; values never break next to a space, so no space of theirs is lost).
fn squash(s: &str) -> String {
    s.replace(" \n", "").replace(['\n', '\r'], "")
}

#[tokio::test]
async fn every_record_value_can_be_copied_out_exactly_in_both_languages() {
    for lang in [Lang::Fr, Lang::En] {
        let made = make("broken.test", lang, Paper::A4, true).await;
        assert!(made.pdf.starts_with(b"%PDF-"));
        let (pages, text) = extract(&made.pdf);
        assert!(pages >= 2, "{pages} pages");
        let flat = squash(&text);
        for r in &made.publication.records {
            let value = r.value.as_ref().expect("every value is known here");
            assert!(
                flat.contains(value.as_str()),
                "{lang:?}: value not found: {value}\n{text}"
            );
            assert!(flat.contains(&r.fqdn), "{lang:?}: {}", r.fqdn);
        }
        for d in &made.publication.delete {
            assert!(flat.contains(&d.value), "{}", d.value);
        }
        let (title, page, fix) = match lang {
            Lang::Fr => (
                "Liste de contrôle de mise en service",
                format!("Page 1 sur {pages}"),
                "Correction",
            ),
            Lang::En => ("Setup checklist", format!("Page 1 of {pages}"), "Fix:"),
        };
        assert!(text.contains(title), "{text}");
        assert!(flat.contains(&page), "{text}");
        assert!(text.contains(fix), "{text}");
        assert!(text.contains("support@secuserve.com"));
        assert!(text.contains("broken.test"));
    }
}

/// The checklist says how to go back, in the same words and order as
/// `lockdown --rollback`, and warns of the admin centre's DNS setup.
#[tokio::test]
async fn the_checklist_gives_the_rollback_plan() {
    for lang in [Lang::Fr, Lang::En] {
        let made = make("good.test", lang, Paper::A4, true).await;
        let (_, text) = extract(&made.pdf);
        let flat = squash(&text).replace([' ', '\u{a0}', '\u{202f}'], "");
        let steps = esm_assistant::render::rollback_steps(
            lang,
            Platform::Microsoft365,
            esm_assistant::provider::Provider::esm().mx.ttl,
        );
        let mut at = 0;
        for step in &steps {
            // Compared without spaces: the text layer breaks lines at them.
            let words = step.replace([' ', '\u{a0}', '\u{202f}'], "");
            let found = flat[at..]
                .find(&words)
                .unwrap_or_else(|| panic!("{step:?} missing or out of order in:\n{text}"));
            at += found + words.len();
        }
        assert!(flat.contains("5505.7.51"), "{text}");
    }
}

#[tokio::test]
async fn accents_survive_in_the_text_layer() {
    let made = make("broken.test", Lang::Fr, Paper::A4, false).await;
    let (_, text) = extract(&made.pdf);
    for words in [
        "État général",
        "Serveur de destination",
        "Enregistrements MX",
        "éditeur de zone",
    ] {
        assert!(squash(&text).contains(words), "{words} missing in:\n{text}");
    }
    // Lock-down was ticked by hand, but the MX records of broken.test do
    // not point to the gateway: it is not ticked in the checklist, which
    // says what it waits for.
    assert!(!squash(&text).contains("Étape cochée à la main"), "{text}");
    assert!(
        squash(&text).contains("terminez d’abord l’étape 6"),
        "{text}"
    );
    // Without the key, the DKIM record says where to get it.
    assert!(squash(&text).contains("pas encore connue"), "{text}");
}

#[tokio::test]
async fn letter_paper_has_letter_pages() {
    let made = make("good.test", Lang::En, Paper::Letter, true).await;
    let doc = lopdf::Document::load_mem(&made.pdf).unwrap();
    let (_, page_id) = doc.get_pages().into_iter().next().unwrap();
    let page = doc.get_dictionary(page_id).unwrap();
    let media_box = page.get(b"MediaBox").unwrap().as_array().unwrap();
    let size: Vec<f32> = media_box.iter().map(|v| v.as_float().unwrap()).collect();
    assert_eq!(size, vec![0.0, 0.0, 612.0, 792.0]);
    let a4 = make("good.test", Lang::En, Paper::A4, true).await;
    let doc = lopdf::Document::load_mem(&a4.pdf).unwrap();
    let (_, page_id) = doc.get_pages().into_iter().next().unwrap();
    let page = doc.get_dictionary(page_id).unwrap();
    let media_box = page.get(b"MediaBox").unwrap().as_array().unwrap();
    let width = media_box[2].as_float().unwrap();
    assert!((width - 595.28).abs() < 0.01, "{width}");
}

#[test]
fn the_cli_writes_the_checklist_and_reports_errors_plainly() {
    let dns = TestDns::start(&world::zones());
    let dir = std::env::temp_dir().join(format!("esm-checklist-cli-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let out = dir.join("list.pdf");
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_esm-assistant"))
            .args(args)
            .env("LANG", "en_GB.UTF-8")
            .output()
            .unwrap()
    };
    let ns = dns.addr.to_string();
    let o = run(&[
        "checklist",
        "good.test",
        "--out",
        out.to_str().unwrap(),
        "--nameserver",
        &ns,
        "--lang",
        "fr",
        "--paper",
        "letter",
    ]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(std::fs::read(&out).unwrap().starts_with(b"%PDF-"));
    // A folder that does not exist: a plain error, and no file left behind.
    let bad = dir.join("missing/list.pdf");
    let o = run(&[
        "checklist",
        "good.test",
        "--out",
        bad.to_str().unwrap(),
        "--nameserver",
        &ns,
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("Cannot write"),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 1);
    std::fs::remove_dir_all(&dir).ok();
}

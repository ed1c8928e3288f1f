//! The printed checklist: made in memory from real checks against a DNS
//! server on 127.0.0.1, then read back as a PDF reader would.

mod support;

use std::collections::BTreeSet;

use chrono::Timelike;

use esm_assistant::check::{self, Destination};
use esm_assistant::checklist::layout::{Item, Page};
use esm_assistant::checklist::{self, ChecklistInput, Paper};
use esm_assistant::content::{self, Content};
use esm_assistant::dkim::normalise_console_key;
use esm_assistant::dns::Dns;
use esm_assistant::domain::DomainName;
use esm_assistant::localize::Lang;
use esm_assistant::lockdown::firewall::Format;
use esm_assistant::lockdown::{GatewayRanges, Source};
use esm_assistant::platform::Platform;
use esm_assistant::records::{self, Publication};
use esm_assistant::step::Step;
use support::dns_server::TestDns;
use support::{input, world};

struct Made {
    pdf: Vec<u8>,
    publication: Publication,
    content: Content,
    pages: Vec<Page>,
}

/// What the window would give the checklist beyond the checks.
struct Given {
    platform: Platform,
    ranges: Option<GatewayRanges>,
    smart_host: Option<DomainName>,
    arc: bool,
    format: Format,
    done: BTreeSet<Step>,
    ticked: BTreeSet<String>,
    checked_at: Option<chrono::DateTime<chrono::Local>>,
}

impl Given {
    fn m365() -> Given {
        Given {
            platform: Platform::Microsoft365,
            ranges: None,
            smart_host: None,
            arc: false,
            format: Format::Nftables,
            done: [Step::Lockdown].into(),
            ticked: BTreeSet::new(),
            checked_at: Some(chrono::Local::now()),
        }
    }
}

fn gateway_ranges() -> GatewayRanges {
    GatewayRanges::new(
        &[
            "198.51.100.0/24".parse().unwrap(),
            "2001:db8:100::/48".parse().unwrap(),
        ],
        Source::Spf {
            include: "includespf.security-mail.net".into(),
        },
    )
    .unwrap()
}

async fn make(domain: &str, lang: Lang, paper: Paper, key: bool) -> Made {
    make_with(domain, lang, paper, key, &Given::m365()).await
}

async fn make_with(domain: &str, lang: Lang, paper: Paper, key: bool, given: &Given) -> Made {
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
    let checklist_input = ChecklistInput {
        domain: &i.domain,
        report: &report,
        content: content::Input {
            domain: Some(&i.domain),
            platform: given.platform,
            lang,
            provider: &i.provider,
            report: Some(&report),
            publication: Some(&publication),
            destination: i.destination.as_ref().map(|d| d.display()),
            done: &given.done,
            ticked: &given.ticked,
            existing_dkim: Some(&[]),
            checked_at: given.checked_at,
            lockdown: content::LockdownInput {
                ranges: given.ranges.as_ref(),
                smart_host: given.smart_host.as_ref(),
                arc: given.arc,
                format: given.format,
            },
            tests: esm_assistant::content::TestInput::none(),
            today: chrono::Local::now().date_naive(),
        },
        generated_at: chrono::Local::now(),
        paper,
    };
    let pdf = checklist::export(&checklist_input).expect("PDF");
    let (content, pages) = checklist::layout(&checklist_input);
    Made {
        pdf,
        publication,
        content,
        pages,
    }
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
    assert!(!squash(&text).contains("coché à la main"), "{text}");
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
    // The lock-down data given on the command line, and the ranges read
    // from the gateway's SPF record, reach the PDF.
    let o = run(&[
        "checklist",
        "good.test",
        "--out",
        out.to_str().unwrap(),
        "--nameserver",
        &ns,
        "--smart-host",
        "relay.example.net",
        "--arc",
    ]);
    assert_eq!(o.status.code(), Some(0));
    let (_, text) = extract(&std::fs::read(&out).unwrap());
    for wanted in ["relay.example.net", "198.51.100.0/24"] {
        assert!(flat_has(&text, wanted), "{wanted}\n{text}");
    }
    // A smart host that is not a host name is refused plainly.
    let o = run(&[
        "checklist",
        "good.test",
        "--out",
        out.to_str().unwrap(),
        "--nameserver",
        &ns,
        "--smart-host",
        "relay.example.net'; Stop-Computer",
    ]);
    assert_eq!(o.status.code(), Some(2));
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

/// The actions of the printed steps, in order.
fn printed_actions(content: &Content) -> Vec<&content::ActionItem> {
    checklist::printed_steps(content)
        .flat_map(|s| s.actions.iter())
        .collect()
}

/// The tick boxes drawn, and how many of them are ticked.
fn boxes(pages: &[Page]) -> (usize, usize) {
    let mut all = 0;
    let mut ticked = 0;
    for item in pages.iter().flat_map(|p| p.items.iter()) {
        if let Item::CheckBox { ticked: t, .. } = item {
            all += 1;
            ticked += usize::from(*t);
        }
    }
    (all, ticked)
}

fn flat_has(text: &str, words: &str) -> bool {
    bare(text).contains(&bare(words))
}

/// Text compared without spaces or line breaks: the text layer breaks
/// lines at spaces.
fn bare(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{a0}' && *c != '\u{202f}')
        .collect()
}

/// One box per action the model has, ticked exactly when the model says,
/// each beside the action's words; no other box.
#[tokio::test]
async fn the_checklist_has_one_box_per_action_of_the_model() {
    for (domain, platform) in [
        ("broken.test", Platform::Microsoft365),
        ("good.test", Platform::GoogleWorkspace),
        ("good.test", Platform::OwnServer),
    ] {
        for lang in [Lang::Fr, Lang::En] {
            let mut given = Given::m365();
            given.platform = platform;
            given.ranges = Some(gateway_ranges());
            given.ticked = ["dkim-enable".to_string()].into();
            let made = make_with(domain, lang, Paper::A4, true, &given).await;
            let actions = printed_actions(&made.content);
            assert!(
                actions.len() >= 8,
                "{domain} {platform:?}: {}",
                actions.len()
            );
            let (all, ticked) = boxes(&made.pages);
            assert_eq!(all, actions.len(), "{domain} {platform:?} {lang:?}");
            assert_eq!(
                ticked,
                actions.iter().filter(|a| a.is_ticked()).count(),
                "{domain} {platform:?} {lang:?}"
            );
            let (_, text) = extract(&made.pdf);
            let flat = bare(&text);
            for a in &actions {
                assert!(
                    flat.contains(&bare(&a.text)),
                    "{lang:?}: {}\n{text}",
                    a.text
                );
            }
        }
    }
}

/// A verified action says when it was verified; one ticked by hand says so;
/// an action not done has an empty box and says nothing.
#[tokio::test]
async fn verified_and_hand_ticked_actions_say_so() {
    let at = chrono::Local::now()
        .with_hour(14)
        .and_then(|t| t.with_minute(2))
        .unwrap();
    for (lang, verified, by_hand) in [
        (Lang::Fr, "vérifié à 14:02", "coché à la main"),
        (Lang::En, "verified at 14:02", "ticked by hand"),
    ] {
        let mut given = Given::m365();
        given.checked_at = Some(at);
        given.ticked = ["dkim-enable".to_string()].into();
        let made = make_with("good.test", lang, Paper::A4, true, &given).await;
        let (_, text) = extract(&made.pdf);
        let flat = squash(&text);
        let actions = printed_actions(&made.content);
        let verified_count = actions
            .iter()
            .filter(|a| a.is_verified() && a.is_ticked())
            .count();
        assert!(verified_count >= 4, "{verified_count}");
        assert_eq!(flat.matches(verified).count(), verified_count, "{text}");
        // Only the one ticked by hand: lock-down was marked done, but the
        // checklist ticks it only as the window does (MX green).
        let hand: Vec<_> = actions
            .iter()
            .filter(|a| !a.is_verified() && a.is_ticked())
            .collect();
        assert_eq!(flat.matches(by_hand).count(), hand.len(), "{text}");
        assert!(hand.iter().any(|a| a.id == "dkim-enable"));
        // The destination's box was not confirmed: empty, not "OK".
        let destination = made
            .content
            .step(Step::Destination)
            .and_then(|s| s.actions.first())
            .unwrap();
        assert!(!destination.is_ticked());
    }
}

/// The lock-down section says what the window says: the ranges read, where
/// they come from, the smart host, the connector steps, and no "ask
/// support" while ranges are known.
#[tokio::test]
async fn the_lockdown_section_holds_the_ranges_the_smart_host_and_the_connectors() {
    for lang in [Lang::Fr, Lang::En] {
        let mut given = Given::m365();
        given.ranges = Some(gateway_ranges());
        given.smart_host = Some(DomainName::parse_host("relay.example.net").unwrap());
        let made = make_with("good.test", lang, Paper::A4, true, &given).await;
        let (_, text) = extract(&made.pdf);
        let flat = bare(&text);
        for wanted in [
            "198.51.100.0/24",
            "2001:db8:100::/48",
            "includespf.security-mail.net",
            "relay.example.net",
            "e-securemailinbound",
            "e-securemailoutbound",
        ] {
            assert!(flat.contains(&bare(wanted)), "{lang:?}: {wanted}\n{text}");
        }
        let lockdown = made.content.step(Step::Lockdown).unwrap();
        for a in &lockdown.actions {
            assert!(flat.contains(&bare(&a.text)), "{lang:?}: {}", a.text);
        }
        // ARC was not chosen: no ARC step.
        assert!(!lockdown.actions.iter().any(|a| a.id == "m365-arc"));
        let ask = esm_assistant::localize::text(
            lang,
            "gui-lockdown-ask",
            &[(
                "email".into(),
                esm_assistant::provider::Provider::esm()
                    .support_email
                    .into(),
            )],
        )
        .unwrap();
        assert!(!flat.contains(&bare(&ask)), "{lang:?}\n{text}");
        let not_published = match lang {
            Lang::Fr => "ne sont pas publiées",
            Lang::En => "are not published",
        };
        assert!(!squash(&text).contains(not_published), "{text}");

        // Without ranges, it says to ask support, and the connector step
        // says where the addresses come from instead of a blank.
        let made = make_with("good.test", lang, Paper::A4, true, &Given::m365()).await;
        let (_, text) = extract(&made.pdf);
        assert!(bare(&text).contains(&bare(&ask)), "{lang:?}\n{text}");
        let lockdown = made.content.step(Step::Lockdown).unwrap();
        for a in &lockdown.actions {
            assert!(!a.text.contains('…'), "{}", a.text);
            assert!(flat_has(&text, &a.text), "{lang:?}: {}", a.text);
        }
    }
}

/// For a server, the rules of the chosen format are printed, as in the
/// window.
#[tokio::test]
async fn the_lockdown_section_holds_the_firewall_rules_of_the_format_chosen() {
    let mut given = Given::m365();
    given.platform = Platform::OwnServer;
    given.ranges = Some(gateway_ranges());
    given.format = Format::Postfix;
    let made = make_with("good.test", Lang::En, Paper::A4, true, &given).await;
    let (_, text) = extract(&made.pdf);
    let rules = match &made.content.step(Step::Lockdown).unwrap().lockdown {
        Some(l) => match &l.artefact {
            Some(Ok(a)) => a.text.clone(),
            other => panic!("no rules: {other:?}"),
        },
        None => panic!("no lock-down content"),
    };
    assert!(rules.contains("198.51.100.0/24\tOK"), "{rules}");
    let flat = bare(&text);
    for line in rules.lines().filter(|l| !l.trim().is_empty()) {
        assert!(flat.contains(&bare(line)), "{line}\n{text}");
    }
    assert!(squash(&text).contains("Postfix"), "{text}");
}

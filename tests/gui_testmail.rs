//! "Test with a real message" in the window, headless: real messages built
//! in the test (signed with a key published in the test DNS server on
//! 127.0.0.1) pasted or opened, their verdicts turning the steps' items
//! green or red, kept with the progress and printed in the checklist.

#[path = "gui_support/mod.rs"]
mod gui_support;
mod support;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use esm_assistant::check::{CheckId, Status};
use esm_assistant::content::ActionItem;
use esm_assistant::dns::ResolverChoice;
use esm_assistant::gui::testmail_page::{MAX_PASTE_BYTES, Message as Page};
use esm_assistant::gui::{self, App, Message, Options, Step};
use esm_assistant::localize::Lang;
use esm_assistant::message::Direction;
use esm_assistant::platform::Platform;
use esm_assistant::progress;
use esm_assistant::provider::Provider;
use gui_support::{send, settle, simulator, texts};
use iced::widget::text_editor::{Action, Edit};
use support::dns_server::TestDns;
use support::mail::{Key, Outbound, m365_inbound, zones};

const DESTINATION: &str = "proof-test.mail.protection.outlook.com";

fn config_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("esm-testmail-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn options(dns: std::net::SocketAddr, lang: Lang, dir: &Path) -> Options {
    let mut options = Options::new(ResolverChoice::Servers(vec![dns]), Provider::esm());
    options.lang = Some(lang);
    options.config_dir = Some(dir.to_path_buf());
    options.memory_clipboard = true;
    options.export_dir = Some(dir.join("exports"));
    options
}

fn page(message: Page) -> Message {
    Message::TestMail(message)
}

fn paste(direction: Direction, text: &str) -> Message {
    page(Page::Edited(
        direction,
        Action::Edit(Edit::Paste(Arc::new(text.to_string()))),
    ))
}

fn action<'a>(app: &'a App, step: Step, id: &str) -> &'a ActionItem {
    app.content()
        .step(step)
        .unwrap()
        .actions
        .iter()
        .find(|a| a.id == id)
        .unwrap_or_else(|| panic!("no action {id}"))
}

/// The app for `proof.test` on Microsoft 365, its destination typed.
async fn app_for(dns: &TestDns, lang: Lang, dir: &Path) -> App {
    let (mut app, task) = App::new(options(dns.addr, lang, dir));
    settle(&mut app, task).await;
    send(&mut app, Message::DomainChanged("proof.test".into())).await;
    send(&mut app, Message::DestinationChanged(DESTINATION.into())).await;
    app
}

/// How the window writes the time of a message sent at `rfc3339`.
fn shown_time(rfc3339: &str) -> String {
    let at = chrono::DateTime::parse_from_rfc3339(rfc3339)
        .unwrap()
        .with_timezone(&chrono::Local);
    if at.date_naive() == chrono::Local::now().date_naive() {
        at.format("at %H:%M").to_string()
    } else {
        at.format("on %Y-%m-%d at %H:%M").to_string()
    }
}

#[tokio::test]
async fn messages_turn_the_hidden_steps_green_or_red_and_are_kept() {
    let key = Key::new();
    let dns = TestDns::start(&zones(&key));
    let dir = config_dir("flow");
    let mut app = app_for(&dns, Lang::En, &dir).await;

    // Reached from the lock-down step, by its button.
    send(&mut app, Message::GoTo(Step::Lockdown)).await;
    let opened: Vec<Message> = {
        let mut sim = simulator(&app, (1280.0, 5000.0));
        sim.click("Test with a real message")
            .expect("the lock-down step offers the test");
        sim.into_messages().collect()
    };
    for m in opened {
        send(&mut app, m).await;
    }
    assert!(app.testmail.open);
    let shown = texts(&app);
    for words in [
        "Message received (inbound)",
        "Message sent (outbound)",
        "Where to find the headers",
        "Copy the headers:",
    ] {
        assert!(shown.iter().any(|t| t == words), "{words}: {shown:?}");
    }
    // Before any message: no verdict, and the lock-down items by hand.
    assert!(app.testmail.proofs.is_empty());
    assert_eq!(
        action(&app, Step::Lockdown, "m365-inbound-reject").proof,
        None
    );

    // An inbound message that went around the gateway: the lock-down is
    // not in place, whatever was ticked.
    send(&mut app, Message::ActionTicked("m365-inbound-reject", true)).await;
    send(
        &mut app,
        paste(Direction::Inbound, &m365_inbound("203.0.113.50", false)),
    )
    .await;
    send(&mut app, page(Page::Analyse(Direction::Inbound))).await;
    let report = app.testmail.inbound.report.as_ref().expect("analysed");
    assert_eq!(
        report.get(CheckId::MessageInboundBypass).unwrap().status,
        Status::Fail
    );
    let reject = action(&app, Step::Lockdown, "m365-inbound-reject");
    assert_eq!(reject.proof.map(|p| p.status), Some(Status::Fail));
    assert!(
        !reject.is_ticked(),
        "a message around the gateway unticks it"
    );
    let time = shown_time("2026-11-02T10:00:00+00:00");
    assert_eq!(
        reject.proof_note.as_deref(),
        Some(
            format!(
                "A test message sent {time} shows this is not done: see “Test with a real message”."
            )
            .as_str()
        )
    );
    let shown = texts(&app);
    assert!(
        shown.iter().any(
            |t| t == "Nothing reached the destination around the gateway"
                || t.contains("around the gateway")
        ),
        "{shown:?}"
    );

    // The same, through the gateway and judged on its original sender.
    send(&mut app, page(Page::Clear(Direction::Inbound))).await;
    send(
        &mut app,
        paste(Direction::Inbound, &m365_inbound("203.0.113.50", true)),
    )
    .await;
    send(&mut app, page(Page::Analyse(Direction::Inbound))).await;
    let inbound = action(&app, Step::Lockdown, "m365-enhanced-filtering");
    assert_eq!(inbound.proof.map(|p| p.status), Some(Status::Pass));
    assert_eq!(
        inbound.ticked_note.as_deref(),
        Some(format!("verified by a test message sent {time}").as_str())
    );
    // The destination it reached is the one set up: the step is confirmed.
    assert!(app.done.contains(&Step::Destination));
    assert!(action(&app, Step::Destination, "destination-save").is_ticked());
    // Set up another destination: the same message shows the gateway
    // delivers elsewhere, and the step is no longer confirmed.
    send(
        &mut app,
        Message::DestinationChanged("mail.other.example".into()),
    )
    .await;
    send(&mut app, page(Page::Analyse(Direction::Inbound))).await;
    assert!(!app.done.contains(&Step::Destination));
    let save = action(&app, Step::Destination, "destination-save");
    assert_eq!(save.proof.map(|p| p.status), Some(Status::Fail));
    assert!(!save.is_ticked());
    send(&mut app, Message::DestinationChanged(DESTINATION.into())).await;
    send(&mut app, page(Page::Analyse(Direction::Inbound))).await;
    assert!(app.done.contains(&Step::Destination));

    // An outbound message the gateway signed: DKIM signing is on.
    let outbound = Outbound::new("proof.test", Platform::Microsoft365).build(&key);
    send(&mut app, paste(Direction::Outbound, &outbound)).await;
    send(&mut app, page(Page::Analyse(Direction::Outbound))).await;
    let dkim = action(&app, Step::Dkim, "dkim-enable");
    assert_eq!(dkim.proof.map(|p| p.status), Some(Status::Pass), "{dkim:?}");
    assert!(dkim.is_ticked());
    assert_eq!(
        action(&app, Step::Lockdown, "m365-outbound")
            .proof
            .map(|p| p.status),
        Some(Status::Pass)
    );

    // Kept with the progress: verdicts and dates, never the headers.
    settle(&mut app, iced::Task::none()).await;
    let saved = std::fs::read_to_string(progress::file_in(&dir)).unwrap();
    assert!(saved.contains("message.outbound.dkim"), "{saved}");
    assert!(
        !saved.contains("sender.example") && !saved.contains("Received"),
        "{saved}"
    );

    // A new session: the verdicts come back, and so do the green items.
    drop(app);
    let (mut again, task) = App::new(options(dns.addr, Lang::En, &dir));
    settle(&mut again, task).await;
    assert!(again.testmail.inbound.report.is_none());
    assert_eq!(
        action(&again, Step::Dkim, "dkim-enable")
            .proof
            .map(|p| p.status),
        Some(Status::Pass)
    );
    send(&mut again, page(Page::Open)).await;
    let shown = texts(&again);
    assert!(
        shown
            .iter()
            .any(|t| t.starts_with("Message sent on ") && t.contains(", analysed ")),
        "{shown:?}"
    );
    // Another domain: the proofs do not count for it.
    send(&mut again, Message::DomainChanged("other.test".into())).await;
    assert_eq!(action(&again, Step::Dkim, "dkim-enable").proof, None);
    std::fs::remove_dir_all(&dir).ok();
}

#[tokio::test]
async fn the_checklist_prints_what_the_test_messages_proved() {
    let key = Key::new();
    let dns = TestDns::start(&zones(&key));
    let dir = config_dir("pdf");
    let mut app = app_for(&dns, Lang::Fr, &dir).await;
    let outbound = Outbound::new("proof.test", Platform::Microsoft365).build(&key);
    send(&mut app, paste(Direction::Outbound, &outbound)).await;
    send(&mut app, page(Page::Analyse(Direction::Outbound))).await;
    std::fs::create_dir_all(dir.join("exports")).unwrap();
    send(&mut app, Message::Export(gui::export::Kind::Checklist)).await;
    let Some(gui::ExportStatus::Saved(saved)) = &app.export else {
        panic!("not saved: {:?}", app.export)
    };
    let pdf = lopdf::Document::load(&saved.path).unwrap();
    let pages: Vec<u32> = pdf.get_pages().keys().copied().collect();
    let text = pdf.extract_text(&pages).unwrap_or_default();
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("Messages de test"), "{flat}");
    assert!(flat.contains("vérifié par un message de test"), "{flat}");
    std::fs::remove_dir_all(&dir).ok();
}

#[tokio::test]
async fn hostile_pastes_and_files_are_refused_in_words() {
    let key = Key::new();
    let dns = TestDns::start(&zones(&key));
    let dir = config_dir("hostile");
    let big = dir.join("big.eml");
    let mut opts = options(dns.addr, Lang::Fr, &dir);
    opts.message_file = Some(big.clone());
    let (mut app, task) = App::new(opts);
    settle(&mut app, task).await;
    send(&mut app, Message::DomainChanged("proof.test".into())).await;
    send(&mut app, page(Page::Open)).await;

    // A paste over the box's limit is not laid out, and is said.
    let huge = "X-Filler: a\r\n".repeat(MAX_PASTE_BYTES / 10);
    send(&mut app, paste(Direction::Inbound, &huge)).await;
    assert!(app.testmail.inbound.given.editor.text().trim().is_empty());
    let shown = texts(&app);
    assert!(
        shown
            .iter()
            .any(|t| t.starts_with("Les en-têtes dépassent")),
        "{shown:?}"
    );

    // Binary data: refused, and nothing is proven.
    send(
        &mut app,
        paste(
            Direction::Inbound,
            "From: a@b.example\r\n\u{1b}[31mX: y\r\n",
        ),
    )
    .await;
    send(&mut app, page(Page::Analyse(Direction::Inbound))).await;
    assert!(app.testmail.inbound.refused.is_some());
    assert!(app.testmail.proofs.is_empty());

    // A file over 25 MB is refused before it is read.
    let file = std::fs::File::create(&big).unwrap();
    file.set_len(30 * 1024 * 1024).unwrap();
    send(&mut app, page(Page::OpenFile(Direction::Outbound))).await;
    assert!(app.testmail.outbound.given.file_error.is_some());
    let shown = texts(&app);
    assert!(
        shown
            .iter()
            .any(|t| t.starts_with("Le fichier ne peut pas être lu")),
        "{shown:?}"
    );

    // A real .eml file is read and checked at once.
    let outbound = Outbound::new("proof.test", Platform::Microsoft365).build(&key);
    std::fs::write(&big, outbound.as_bytes()).unwrap();
    send(&mut app, page(Page::OpenFile(Direction::Outbound))).await;
    assert!(app.testmail.outbound.given.file_error.is_none());
    let report = app.testmail.outbound.report.as_ref().expect("analysed");
    assert_eq!(
        report.get(CheckId::MessageDkim).unwrap().status,
        Status::Pass
    );
    let shown = texts(&app);
    assert!(
        shown.iter().any(|t| t.starts_with("Fichier big.eml")),
        "{shown:?}"
    );
    std::fs::remove_dir_all(&dir).ok();
}

/// The read-back script's output for a tenant set up as the lock-down
/// step says, the inbound connector admitting `addresses` (encoded).
fn readback(addresses: &str) -> String {
    [
        "esm-assistant tenant read-back v1",
        "[inbound]",
        "name: e-securemail%20inbound",
        "enabled: true",
        "connector-type: Partner",
        "sender-domains: smtp%3A%2A%3B1",
        "restrict-domains-to-ip-addresses: true",
        &format!("sender-ip-addresses: {addresses}"),
        "require-tls: true",
        "tls-sender-certificate-name:",
        "ef-skip-last-ip: true",
        "ef-skip-ips:",
        "ef-users:",
        "[outbound]",
        "name: e-securemail%20outbound",
        "enabled: true",
        "connector-type: Partner",
        "smart-hosts: relay.security-mail.net",
        "use-mx-record: false",
        "tls-settings: DomainValidation",
        "tls-domain: relay.security-mail.net",
        "recipient-domains: %2A",
        "is-transport-rule-scoped: false",
        "all-accepted-domains: false",
        "end: 23",
        "",
    ]
    .join("\n")
}

fn paste_readback(text: &str) -> Message {
    page(Page::TenantEdited(Action::Edit(Edit::Paste(Arc::new(
        text.to_string(),
    )))))
}

#[tokio::test]
async fn the_tenants_read_back_proves_what_a_message_cannot() {
    let key = Key::new();
    let dns = TestDns::start(&zones(&key));
    let dir = config_dir("tenant");
    let mut app = app_for(&dns, Lang::En, &dir).await;
    send(&mut app, Message::GoTo(Step::Lockdown)).await;
    send(
        &mut app,
        Message::Lockdown(gui::lockdown_step::Message::SmartHostChanged(
            "relay.security-mail.net".into(),
        )),
    )
    .await;
    send(&mut app, page(Page::Open)).await;
    let (name, script) = app.testmail.tenant.script_file.clone().expect("script");
    assert_eq!(name, "esm-tenant-readback-proof.test.ps1");
    assert!(script.contains("Get-InboundConnector") && !script.contains("Set-"));

    // Another command's output is refused in words, and proves nothing.
    send(
        &mut app,
        paste_readback("Name : e-securemail inbound\nEnabled : True\nConnectorType : Partner\n"),
    )
    .await;
    send(&mut app, page(Page::TenantCheck)).await;
    assert!(app.testmail.tenant.refused.is_some());
    assert!(app.testmail.proofs.tenant.is_none());
    let shown = texts(&app);
    assert!(shown.iter().any(|t| t.starts_with("This is")), "{shown:?}");

    // The read-back of a tenant set up as the step says.
    send(&mut app, page(Page::TenantClear)).await;
    send(&mut app, paste_readback(&readback("198.51.100.0%2F24"))).await;
    send(&mut app, page(Page::TenantCheck)).await;
    let checks = app.testmail.tenant.checks.clone().expect("checked");
    for c in &checks {
        assert_eq!(c.status, Status::Pass, "{c:?}");
    }
    for id in [
        "m365-inbound",
        "m365-inbound-ranges",
        "m365-inbound-reject",
        "m365-outbound",
    ] {
        let a = action(&app, Step::Lockdown, id);
        assert_eq!(a.proof.map(|p| p.status), Some(Status::Pass), "{id}");
        assert!(
            a.ticked_note
                .as_deref()
                .is_some_and(|n| n.starts_with("verified from the tenant's settings read at ")),
            "{id}: {a:?}"
        );
    }

    // A connector open to other addresses: the restriction is not done.
    send(&mut app, page(Page::TenantClear)).await;
    send(
        &mut app,
        paste_readback(&readback("198.51.100.0%2F24 203.0.113.0%2F24")),
    )
    .await;
    send(&mut app, page(Page::TenantCheck)).await;
    let ranges = action(&app, Step::Lockdown, "m365-inbound-ranges");
    assert_eq!(ranges.proof.map(|p| p.status), Some(Status::Fail));
    assert!(!ranges.is_ticked());
    std::fs::remove_dir_all(&dir).ok();
}

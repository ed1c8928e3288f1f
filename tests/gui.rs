//! The window, headless: `update` driven with messages, and the view driven
//! with iced_test's simulator, against a real DNS server on 127.0.0.1.

#[path = "gui_support/mod.rs"]
mod gui_support;
mod support;

use std::path::{Path, PathBuf};
use std::time::Duration;

use esm_assistant::check::{CheckId, Status};
use esm_assistant::dns::ResolverChoice;
use esm_assistant::gui::{self, App, Message, Notice, Options, Step, copy_id};
use esm_assistant::localize::Lang;
use esm_assistant::platform::Platform;
use esm_assistant::progress;
use esm_assistant::provider::Provider;
use esm_assistant::step::Wait;
use futures::StreamExt;
use gui_support::{settle, simulator};
use iced::Task;
use iced_test::runtime::Action;
use iced_test::selector::id;
use iced_test::{Simulator, runtime::task::into_stream};
use support::dns_server::TestDns;
use support::world;

fn config_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("esm-gui-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn options(resolver: ResolverChoice, dir: &Path) -> Options {
    Options {
        resolver,
        provider: Provider::esm(),
        lang: Some(Lang::En),
        config_dir: Some(dir.to_path_buf()),
        memory_clipboard: true,
        theme: None,
        export_dir: Some(dir.join("exports")),
        message_file: None,
        smtp_port: 25,
        propagation_resolvers: None,
        authoritative: false,
        api_base: None,
        memory_keychain: true,
        data_dir: Some(dir.join("data")),
    }
}

/// An app that can reach no DNS server: for tests of `update` alone.
fn offline_app(name: &str) -> (App, PathBuf) {
    let dir = config_dir(name);
    let (app, _) = App::new(options(ResolverChoice::Servers(Vec::new()), &dir));
    (app, dir)
}

fn ui(app: &App) -> Simulator<'_, Message> {
    // Tall enough that every part of a step is on screen without scrolling.
    simulator(app, (1280.0, 3000.0))
}

/// Feeds the simulator's messages to `update`, then settles what follows,
/// all the resulting tasks running at once as they would in the window.
async fn apply(app: &mut App, messages: Vec<Message>) {
    let tasks: Vec<Task<Message>> = messages.into_iter().map(|m| app.update(m)).collect();
    settle(app, Task::batch(tasks)).await;
}

#[tokio::test]
async fn main_path_domain_spf_copy_and_french() {
    let dns = TestDns::start(&world::zones());
    let dir = config_dir("main-path");
    let (mut app, task) = App::new(options(ResolverChoice::Servers(vec![dns.addr]), &dir));
    settle(&mut app, task).await;
    assert_eq!(app.step, Step::Start);

    // Enter the domain as an admin pastes it.
    let mut sim = ui(&app);
    sim.click(id("domain")).expect("domain field");
    let _ = sim.typewrite("Jean@Broken.TEST");
    let messages: Vec<Message> = sim.into_messages().collect();
    apply(&mut app, messages).await;
    assert_eq!(app.domain.as_ref().unwrap().ascii(), "broken.test");
    assert_eq!(
        app.report()
            .unwrap()
            .get(CheckId::DomainDns)
            .unwrap()
            .status,
        Status::Pass
    );

    // Open the SPF step from the step list: its checks run.
    let mut sim = ui(&app);
    sim.click("3. SPF").expect("SPF in the step list");
    let messages: Vec<Message> = sim.into_messages().collect();
    apply(&mut app, messages).await;
    assert_eq!(app.step, Step::Spf);
    let mut sim = ui(&app);
    sim.find("Record to publish").expect("SPF record heading");
    sim.find("v=spf1 mx include:_spf.mailhost.test ~all include:includespf.security-mail.net")
        .expect("the current record is shown");
    let gateway = app.report().unwrap().get(CheckId::SpfGateway).unwrap();
    assert_eq!(gateway.status, Status::Fail);

    // Copy the value: exactly the merged record lands on the clipboard.
    let spf = app
        .current_outcome()
        .unwrap()
        .publication
        .records
        .iter()
        .find(|r| r.purpose == esm_assistant::records::Purpose::Spf)
        .unwrap()
        .clone();
    let key = format!("{}/value", gui::value_key(&spf));
    sim.click(id(copy_id(&key)))
        .expect("Copy button of the value");
    let messages: Vec<Message> = sim.into_messages().collect();
    for m in messages {
        let _ = app.update(m);
    }
    assert_eq!(
        app.clipboard.get().as_deref(),
        Some("v=spf1 mx include:_spf.mailhost.test include:includespf.security-mail.net ~all")
    );
    let mut sim = ui(&app);
    sim.find("Copied ✓").expect("the Copied confirmation");

    // Switch to French: the labels follow.
    sim.click("Français").expect("language button");
    let messages: Vec<Message> = sim.into_messages().collect();
    apply(&mut app, messages).await;
    assert_eq!(app.lang, Lang::Fr);
    let mut sim = ui(&app);
    sim.find("Enregistrement à publier")
        .expect("French heading");
    sim.find("Suivant").expect("French Next");
    sim.find("3. SPF").expect("step list");
    std::fs::remove_dir_all(&dir).ok();
}

#[tokio::test]
async fn badges_turn_green_when_the_record_is_published() {
    let dns = TestDns::start(&world::zones());
    let dir = config_dir("green");
    let (mut app, task) = App::new(options(ResolverChoice::Servers(vec![dns.addr]), &dir));
    settle(&mut app, task).await;
    let t = app.update(Message::DomainChanged("nodmarc.test".into()));
    settle(&mut app, t).await;
    let t = app.update(Message::GoTo(Step::Dmarc));
    settle(&mut app, t).await;
    assert_eq!(Step::Dmarc.status(app.report()), Some(Status::Fail));
    assert!(app.watching(), "a red step checks again by itself");

    // The admin publishes the record; the next re-check sees it.
    let mut zones = world::zones();
    zones.retain(|z| !z.contains("$ORIGIN nodmarc.test."));
    let body = world::situations()
        .into_iter()
        .find(|(n, _)| *n == "nodmarc.test")
        .unwrap()
        .1;
    zones.push(support::dns_server::zone(
        "nodmarc.test",
        &format!("{body}_dmarc IN TXT \"v=DMARC1; p=none; rua=mailto:dmarc@secuserve.com\"\n"),
    ));
    dns.set_zones(&zones);
    let t = app.update(Message::Recheck);
    settle(&mut app, t).await;
    assert_eq!(Step::Dmarc.status(app.report()), Some(Status::Pass));
    assert!(!app.watching(), "a green step stops re-checking");
    let sim_app = &app;
    let mut sim = ui(sim_app);
    sim.find("✓ OK").expect("green badge");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn an_invalid_domain_stops_the_assistant_with_a_message() {
    let (mut app, dir) = offline_app("invalid");
    let _ = app.update(Message::DomainChanged("exa mple.com".into()));
    assert!(app.domain.is_err());
    let _ = app.update(Message::Next);
    assert_eq!(app.step, Step::Start);
    let _ = app.update(Message::GoTo(Step::Mx));
    assert_eq!(app.step, Step::Start);
    let mut sim = ui(&app);
    sim.find("A domain name cannot contain spaces.")
        .expect("inline message");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_lookalike_name_is_shown_with_its_ascii_form_and_a_warning() {
    let (mut app, dir) = offline_app("lookalike");
    let _ = app.update(Message::DomainChanged("xn--80ak6aa92e.com".into()));
    let domain = app.domain.clone().expect("a valid name");
    assert_eq!(domain.unicode(), "аррӏе.com");
    let warning = esm_assistant::render::lookalike_warning(Lang::En, &domain).expect("warning");
    assert!(warning.contains("xn--80ak6aa92e.com"), "{warning}");
    {
        let mut sim = ui(&app);
        sim.find("Written in DNS as xn--80ak6aa92e.com.")
            .expect("ASCII form");
        sim.find(warning.as_str()).expect("lookalike warning");
    }

    // An ordinary international name gets no warning.
    let _ = app.update(Message::DomainChanged("café-crème.fr".into()));
    let domain = app.domain.clone().expect("a valid name");
    assert!(esm_assistant::render::lookalike_warning(Lang::En, &domain).is_none());

    // A pasted web address gives the site's domain.
    let _ = app.update(Message::DomainChanged(
        "https://www.exemple.fr/contact".into(),
    ));
    assert_eq!(app.domain.as_ref().map(|d| d.ascii()), Ok("exemple.fr"));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn back_and_next_move_in_order() {
    let (mut app, dir) = offline_app("order");
    let _ = app.update(Message::DomainChanged("exemple.fr".into()));
    for expected in [
        Step::Destination,
        Step::Spf,
        Step::Dkim,
        Step::Dmarc,
        Step::Mx,
        Step::Lockdown,
        Step::Summary,
    ] {
        let _ = app.update(Message::Next);
        assert_eq!(app.step, expected);
    }
    let _ = app.update(Message::Next);
    assert_eq!(app.step, Step::Summary);
    let _ = app.update(Message::Back);
    assert_eq!(app.step, Step::Lockdown);
    let _ = app.update(Message::GoTo(Step::Dkim));
    assert_eq!(app.step, Step::Dkim);
    std::fs::remove_dir_all(&dir).ok();
}

#[tokio::test]
async fn progress_is_saved_and_restored_and_start_over_clears_it() {
    let dir = config_dir("persist");
    let opts = options(ResolverChoice::Servers(Vec::new()), &dir);
    let (mut app, _) = App::new(opts.clone());
    for m in [
        Message::DomainChanged("exemple.fr".into()),
        Message::PlatformSelected(Platform::GoogleWorkspace),
        Message::DestinationChanged("mail.exemple.fr".into()),
        Message::MarkDone(Step::Destination, true),
        Message::GoTo(Step::Dmarc),
        Message::LangSelected(Lang::Fr),
    ] {
        let t = app.update(m);
        // Saving is a task; run it, leaving the DNS checks (no server) aside.
        settle_saves(&mut app, t).await;
    }
    let path = progress::file_in(&dir);
    let progress::Loaded::Restored(saved) = progress::load(&path) else {
        panic!("nothing saved")
    };
    assert_eq!(saved.domain, "exemple.fr");
    assert_eq!(saved.step, "dmarc");

    let mut opts_no_lang = opts.clone();
    opts_no_lang.lang = None;
    let (mut restored, _) = App::new(opts_no_lang.clone());
    assert_eq!(restored.domain_input, "exemple.fr");
    assert_eq!(restored.platform, Platform::GoogleWorkspace);
    assert_eq!(restored.destination_input, "mail.exemple.fr");
    assert!(restored.done.contains(&Step::Destination));
    assert_eq!(restored.step, Step::Dmarc);
    assert_eq!(restored.lang, Lang::Fr);

    let _ = restored.update(Message::StartOver);
    assert!(restored.confirm_start_over);
    let _ = restored.update(Message::ConfirmStartOver(true));
    assert_eq!(restored.step, Step::Start);
    assert!(restored.domain_input.is_empty());
    assert_eq!(progress::load(&path), progress::Loaded::Fresh);
    std::fs::remove_dir_all(&dir).ok();
}

/// Runs only the saving part of a task batch: everything but DNS, which
/// has no server here and would only time out.
async fn settle_saves(app: &mut App, task: Task<Message>) {
    let Some(mut stream) = into_stream(task) else {
        return;
    };
    while let Ok(Some(action)) =
        tokio::time::timeout(Duration::from_millis(300), stream.next()).await
    {
        if let Action::Output(m @ Message::Saved(_)) = action {
            let _ = app.update(m);
        }
    }
}

#[test]
fn an_unreadable_saved_file_is_moved_aside_with_a_notice() {
    let dir = config_dir("unreadable");
    std::fs::write(progress::file_in(&dir), "{ not json").unwrap();
    let (app, _) = App::new(options(ResolverChoice::Servers(Vec::new()), &dir));
    let Some(Notice::ProgressMovedAside { moved_to, .. }) = &app.notice else {
        panic!("no notice: {:?}", app.notice)
    };
    assert_eq!(std::fs::read_to_string(moved_to).unwrap(), "{ not json");
    assert!(shows(
        &app,
        &format!(
            "Your saved progress could not be used: it is damaged. It was moved aside to {}",
            moved_to.display()
        )
    ));
    let mut sim = ui(&app);
    sim.find("Close").expect("the notice can be closed");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn an_oversized_saved_file_is_moved_aside_like_a_damaged_one() {
    let dir = config_dir("oversized");
    let path = progress::file_in(&dir);
    // A 2 MiB file, and a small file holding a 100 KB key.
    let huge = format!(
        r#"{{"domain": "exemple.fr", "ranges": "{}"}}"#,
        "1".repeat(2 << 20)
    );
    let long_key = format!(
        r#"{{"domain": "exemple.fr", "dkim_key": "{}"}}"#,
        "A".repeat(100_000)
    );
    for (content, said) in [
        (&huge, "it is larger than 1 MiB"),
        (&long_key, "the DKIM key in it is longer than 64 KiB"),
    ] {
        std::fs::write(&path, content).unwrap();
        let (app, _) = App::new(options(ResolverChoice::Servers(Vec::new()), &dir));
        let Some(Notice::ProgressMovedAside { moved_to, .. }) = &app.notice else {
            panic!("no notice: {:?}", app.notice)
        };
        // Nothing of it is in the window; all of it is kept aside.
        assert!(app.domain_input.is_empty() && app.dkim.editor.text().trim().is_empty());
        assert_eq!(&std::fs::read_to_string(moved_to).unwrap(), content);
        assert!(!path.exists());
        assert!(
            shows(
                &app,
                &format!("Your saved progress could not be used: {said}")
            ),
            "{said}"
        );
        std::fs::remove_file(moved_to).unwrap();
    }
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_saved_file_with_a_byte_order_mark_is_restored() {
    let dir = config_dir("bom");
    std::fs::write(
        progress::file_in(&dir),
        "\u{feff}{\"domain\": \"exemple.fr\", \"step\": \"dmarc\"}",
    )
    .unwrap();
    let (app, _) = App::new(options(ResolverChoice::Servers(Vec::new()), &dir));
    assert_eq!(app.notice, None);
    assert_eq!(app.domain_input, "exemple.fr");
    assert_eq!(app.step, Step::Dmarc);
    std::fs::remove_dir_all(&dir).ok();
}

/// Root reads any file whatever its permissions, and these tests run as
/// root: a folder in the file's place stands for a file that cannot be
/// read. Both take the same way (left in place, saving off); the words for
/// a permission refused are checked in `progress_problems_have_words`.
#[tokio::test]
async fn a_saved_file_that_cannot_be_read_is_left_in_place_and_never_overwritten() {
    let dir = config_dir("left");
    let path = progress::file_in(&dir);
    std::fs::create_dir(&path).unwrap();
    std::fs::write(path.join("inside"), "kept").unwrap();
    let (mut app, _) = App::new(options(ResolverChoice::Servers(Vec::new()), &dir));
    let Some(Notice::ProgressLeftInPlace {
        path: left,
        move_error: None,
        ..
    }) = &app.notice
    else {
        panic!("no notice: {:?}", app.notice)
    };
    assert_eq!(left, &path);
    assert!(shows(
        &app,
        &format!(
            "Your saved progress in {} could not be read: it is a folder, a device or a pipe, not a file. It was left where it is, and nothing you enter will be saved",
            path.display()
        )
    ));
    assert!(!shows(&app, "Your saved progress could not be used"));
    // What is typed now is not saved over it.
    for m in [
        Message::DomainChanged("exemple.fr".into()),
        Message::GoTo(Step::Dmarc),
    ] {
        let t = app.update(m);
        settle_saves(&mut app, t).await;
    }
    assert!(path.is_dir());
    assert_eq!(
        std::fs::read_to_string(path.join("inside")).unwrap(),
        "kept"
    );
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 1);
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn progress_problems_have_words_in_both_languages() {
    use esm_assistant::progress::LoadProblem;
    for lang in Lang::ALL {
        for problem in [
            LoadProblem::Damaged,
            LoadProblem::TooLarge,
            LoadProblem::FieldTooLarge {
                field: "ranges",
                limit: 64 * 1024,
            },
            LoadProblem::PermissionDenied,
            LoadProblem::NotAFile,
        ] {
            let words = esm_assistant::render::progress_problem(lang, &problem);
            assert!(!words.is_empty() && !words.contains('{'), "{words}");
        }
    }
    assert_eq!(
        esm_assistant::render::progress_problem(Lang::Fr, &LoadProblem::PermissionDenied),
        "vous n’avez pas le droit de le lire"
    );
}

#[test]
fn pasting_more_than_a_key_or_a_list_can_hold_is_refused_and_said() {
    let (mut app, dir) = offline_app("too-long");
    let _ = app.update(Message::DomainChanged("exemple.fr".into()));
    let key = world::RSA_2048.trim().to_string();
    let paste = |text: String| {
        iced::widget::text_editor::Action::Edit(iced::widget::text_editor::Edit::Paste(
            std::sync::Arc::new(text),
        ))
    };
    let _ = app.update(Message::Dkim(gui::dkim_step::Message::KeyEdited(paste(
        key.clone(),
    ))));
    assert!(!app.dkim.too_long);
    let _ = app.update(Message::Dkim(gui::dkim_step::Message::KeyEdited(paste(
        "A".repeat(100_000),
    ))));
    assert!(app.dkim.too_long);
    assert_eq!(app.dkim.editor.text().trim(), key);
    let _ = app.update(Message::GoTo(Step::Dkim));
    assert!(shows(
        &app,
        "This is longer than a key can be (64 KiB): it was not added."
    ));

    let _ = app.update(Message::Lockdown(
        gui::lockdown_step::Message::RangesEdited(paste("85.31.212.0/24\n".repeat(10_000))),
    ));
    assert!(app.lockdown.ranges_too_long);
    assert!(app.lockdown.ranges_editor.text().trim().is_empty());
    // A one-line field ignores a paste of megabytes.
    let _ = app.update(Message::DomainChanged("a".repeat(3_000_000)));
    assert_eq!(app.domain_input, "exemple.fr");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn microsoft_365_destination_is_proposed() {
    let (mut app, dir) = offline_app("m365");
    let _ = app.update(Message::DomainChanged("Mon-Cabinet.fr".into()));
    let _ = app.update(Message::GoTo(Step::Destination));
    assert_eq!(
        app.suggested_destination().as_deref(),
        Some("mon-cabinet-fr.mail.protection.outlook.com")
    );
    let _ = app.update(Message::UseSuggestedDestination);
    assert_eq!(
        app.destination_input,
        "mon-cabinet-fr.mail.protection.outlook.com"
    );
    let _ = app.update(Message::PlatformSelected(Platform::OwnServer));
    assert_eq!(app.suggested_destination(), None);
    std::fs::remove_dir_all(&dir).ok();
}

/// The summary says how to go back, for the platform chosen; the
/// Microsoft 365 lock-down step warns of the admin centre's DNS setup.
#[test]
fn the_summary_gives_the_rollback_plan_for_the_platform() {
    let (mut app, dir) = offline_app("rollback");
    let _ = app.update(Message::DomainChanged("exemple.fr".into()));
    let _ = app.update(Message::PlatformSelected(Platform::Microsoft365));
    let _ = app.update(Message::GoTo(Step::Lockdown));
    let trap = esm_assistant::fl!(app.lang, "gui-m365-dns-trap");
    assert!(shows(&app, &trap));
    let ttl = Provider::esm().mx.ttl;
    let _ = app.update(Message::GoTo(Step::Summary));
    for platform in [Platform::Microsoft365, Platform::GoogleWorkspace] {
        let _ = app.update(Message::PlatformSelected(platform));
        for line in esm_assistant::render::rollback_steps(app.lang, platform, ttl) {
            assert!(shows(&app, &line), "{platform:?}: {line}");
        }
    }
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn the_dkim_key_is_accepted_as_pasted_and_refused_when_damaged() {
    let (mut app, dir) = offline_app("dkim");
    let pasted = format!("\"p={}\"\n", world::RSA_2048.trim());
    let _ = app.update(Message::Dkim(gui::dkim_step::Message::KeyEdited(
        iced::widget::text_editor::Action::Edit(iced::widget::text_editor::Edit::Paste(
            std::sync::Arc::new(pasted),
        )),
    )));
    assert!(matches!(app.dkim.key, Some(Ok(_))), "{:?}", app.dkim.key);
    let _ = app.update(Message::Dkim(gui::dkim_step::Message::KeyEdited(
        iced::widget::text_editor::Action::Edit(iced::widget::text_editor::Edit::Paste(
            std::sync::Arc::new("garbage".into()),
        )),
    )));
    assert!(matches!(app.dkim.key, Some(Err(_))));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn results_of_an_older_check_are_ignored() {
    let (mut app, dir) = offline_app("stale");
    let _ = app.update(Message::DomainChanged("exemple.fr".into()));
    let _ = app.update(Message::CheckNow);
    let _ = app.update(Message::CheckNow);
    // A run started before the last one finishes late: it is dropped.
    let outcome = gui::Outcome {
        domain: "exemple.fr".into(),
        report: esm_assistant::check::Report {
            domain: "exemple.fr".into(),
            checks: Vec::new(),
        },
        publication: esm_assistant::records::Publication {
            domain: "exemple.fr".into(),
            records: Vec::new(),
            delete: Vec::new(),
        },
        name_servers: Vec::new(),
        dns_host: None,
        existing_dkim: Vec::new(),
        zone_servers: None,
        propagation: None,
    };
    let _ = app.update(Message::Checked(0, Box::new(outcome)));
    assert!(app.outcome.is_none());
    assert!(app.checking);
    std::fs::remove_dir_all(&dir).ok();
}

#[tokio::test]
async fn the_checklist_is_exported_from_any_step_and_the_window_says_where() {
    let dns = TestDns::start(&world::zones());
    let dir = config_dir("export");
    std::fs::create_dir_all(dir.join("exports")).unwrap();
    let (mut app, task) = App::new(options(ResolverChoice::Servers(vec![dns.addr]), &dir));
    settle(&mut app, task).await;
    let t = app.update(Message::DomainChanged("good.test".into()));
    settle(&mut app, t).await;
    let t = app.update(Message::GoTo(Step::Dkim));
    settle(&mut app, t).await;

    let mut sim = ui(&app);
    sim.click("Export (PDF)")
        .expect("export button in the header");
    let messages: Vec<Message> = sim.into_messages().collect();
    apply(&mut app, messages).await;
    let Some(gui::ExportStatus::Saved(saved)) = &app.export else {
        panic!("not saved: {:?}", app.export)
    };
    let name = saved
        .path
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    assert!(
        name.starts_with("esm-checklist-good.test-") && name.ends_with(".pdf"),
        "{name}"
    );
    assert!(std::fs::read(&saved.path).unwrap().starts_with(b"%PDF-"));
    let shown = format!("The checklist was saved: {}", saved.path.display());
    {
        let mut sim = ui(&app);
        sim.find(shown.as_str()).expect("the window says where");
    }

    // The records as a zone file, from the summary.
    let t = app.update(Message::GoTo(Step::Summary));
    settle(&mut app, t).await;
    let t = app.update(Message::Export(gui::export::Kind::Zone));
    settle(&mut app, t).await;
    let Some(gui::ExportStatus::Saved(saved)) = &app.export else {
        panic!("not saved: {:?}", app.export)
    };
    let zone = std::fs::read_to_string(&saved.path).unwrap();
    assert!(
        zone.contains("good.test. 3600 IN MX 10 france.security-mail.net."),
        "{zone}"
    );

    // Copy all records: the zone lines, exactly.
    let _ = app.update(Message::CopyAllRecords);
    assert_eq!(app.clipboard.get().as_deref(), Some(zone.as_str()));
    std::fs::remove_dir_all(&dir).ok();
}

#[tokio::test]
async fn a_failed_export_is_said_plainly_and_leaves_no_file() {
    let dns = TestDns::start(&world::zones());
    let dir = config_dir("export-fail");
    // The export folder does not exist: writing fails.
    let (mut app, task) = App::new(options(ResolverChoice::Servers(vec![dns.addr]), &dir));
    settle(&mut app, task).await;
    let t = app.update(Message::DomainChanged("good.test".into()));
    settle(&mut app, t).await;
    let t = app.update(Message::Export(gui::export::Kind::Checklist));
    settle(&mut app, t).await;
    assert!(
        matches!(app.export, Some(gui::ExportStatus::Failed(_))),
        "{:?}",
        app.export
    );
    assert!(!dir.join("exports").exists());
    let mut sim = ui(&app);
    sim.find(|c: iced_test::selector::Candidate<'_>| match c {
        iced_test::selector::Candidate::Text { content, .. }
            if content.starts_with("The file could not be saved:") =>
        {
            Some(())
        }
        _ => None,
    })
    .expect("the error is shown");
    std::fs::remove_dir_all(&dir).ok();
}

#[tokio::test]
async fn lockdown_for_microsoft_365_reads_the_ranges_and_makes_the_script() {
    let dns = TestDns::start(&world::zones());
    let dir = config_dir("lockdown-m365");
    let (mut app, task) = App::new(options(ResolverChoice::Servers(vec![dns.addr]), &dir));
    settle(&mut app, task).await;
    let t = app.update(Message::DomainChanged("good.test".into()));
    settle(&mut app, t).await;
    let t = app.update(Message::GoTo(Step::Lockdown));
    settle(&mut app, t).await;
    let ranges = app
        .lockdown
        .gateway_ranges()
        .expect("ranges read from the gateway's SPF record");
    let shown: Vec<String> = ranges.networks().iter().map(|n| n.to_string()).collect();
    assert_eq!(shown, ["198.51.100.0/24", "2001:db8:100::/48"]);
    // No script without the smart host.
    assert!(app.lockdown.artefact_text().is_none());
    {
        let mut sim = ui(&app);
        sim.find("Enter the smart host: the script appears once it is known.")
            .expect("asks for it");
    }
    let _ = app.update(Message::Lockdown(
        gui::lockdown_step::Message::SmartHostChanged("relay.example.net".into()),
    ));
    let Some(Ok((name, script))) = app.lockdown.artefact_text().map(|r| r.cloned()) else {
        panic!("no script")
    };
    assert_eq!(name, "esm-exchange-online-good.test.ps1");
    assert!(
        script.contains("'198.51.100.0/24'") && !script.contains("2001:db8"),
        "{script}"
    );
    assert!(script.contains("$SmartHost = 'relay.example.net'"));

    // Copy puts exactly the script on the clipboard.
    let mut sim = ui(&app);
    sim.click(id(copy_id("lockdown-artefact")))
        .expect("Copy of the script");
    let messages: Vec<Message> = sim.into_messages().collect();
    for m in messages {
        let _ = app.update(m);
    }
    assert_eq!(app.clipboard.get().as_deref(), Some(script.as_str()));

    // A hostile smart host makes no script.
    let _ = app.update(Message::Lockdown(
        gui::lockdown_step::Message::SmartHostChanged("relay.example.net'; Stop-Computer".into()),
    ));
    assert!(app.lockdown.artefact_text().is_none());

    // Support's list replaces the derived ranges.
    let _ = app.update(Message::Lockdown(
        gui::lockdown_step::Message::SmartHostChanged("relay.example.net".into()),
    ));
    let _ = app.update(Message::Lockdown(
        gui::lockdown_step::Message::RangesEdited(iced::widget::text_editor::Action::Edit(
            iced::widget::text_editor::Edit::Paste(std::sync::Arc::new("85.31.212.0/24".into())),
        )),
    ));
    let Some(Ok((_, script))) = app.lockdown.artefact_text() else {
        panic!("no script")
    };
    assert!(
        script.contains("'85.31.212.0/24'") && !script.contains("198.51.100.0"),
        "{script}"
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[tokio::test]
async fn lockdown_for_an_own_server_tests_port_25_on_request() {
    let dns = TestDns::start(&world::zones());
    let dir = config_dir("lockdown-server");
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let mut opts = options(ResolverChoice::Servers(vec![dns.addr]), &dir);
    opts.smtp_port = listener.local_addr().unwrap().port();
    let (mut app, task) = App::new(opts);
    settle(&mut app, task).await;
    for m in [
        Message::DomainChanged("good.test".into()),
        Message::PlatformSelected(Platform::OwnServer),
        Message::DestinationChanged("127.0.0.1".into()),
        Message::GoTo(Step::Lockdown),
    ] {
        let t = app.update(m);
        settle(&mut app, t).await;
    }
    assert!(app.lockdown.probe.is_none(), "nothing is tried until asked");
    let _ = app.update(Message::Lockdown(
        gui::lockdown_step::Message::FormatSelected(
            esm_assistant::lockdown::firewall::Format::Postfix,
        ),
    ));
    let Some(Ok((name, rules))) = app.lockdown.artefact_text() else {
        panic!("no rules")
    };
    assert_eq!(name, "esm-postfix-good.test.txt");
    assert!(rules.contains("198.51.100.0/24\tOK"), "{rules}");

    let t = app.update(Message::Lockdown(gui::lockdown_step::Message::ProbePort25));
    settle(&mut app, t).await;
    assert!(
        matches!(
            app.lockdown.probe,
            Some(gui::ProbeState::Done(
                esm_assistant::lockdown::probe::Probe::Open(_)
            ))
        ),
        "{:?}",
        app.lockdown.probe
    );
    {
        let mut sim = ui(&app);
        sim.find("! Warning").expect("an open port warns");
    }
    drop(listener);
    let t = app.update(Message::Lockdown(gui::lockdown_step::Message::ProbePort25));
    settle(&mut app, t).await;
    assert_eq!(
        app.lockdown.probe,
        Some(gui::ProbeState::Done(
            esm_assistant::lockdown::probe::Probe::Refused
        ))
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[tokio::test]
async fn text_from_dns_is_shown_with_its_controls_visible() {
    use esm_assistant::safe_text::{has_hidden, is_record_text};
    use iced_test::selector::Candidate;
    let mut zones = world::zones();
    zones.push(world::hostile_zone());
    let dns = TestDns::start(&zones);
    let dir = config_dir("hostile");
    let (mut app, task) = App::new(options(ResolverChoice::Servers(vec![dns.addr]), &dir));
    settle(&mut app, task).await;
    let t = app.update(Message::DomainChanged("hostile.test".into()));
    settle(&mut app, t).await;
    for step in [Step::Spf, Step::Dkim, Step::Dmarc, Step::Mx, Step::Summary] {
        let t = app.update(Message::GoTo(step));
        settle(&mut app, t).await;
        let mut sim = ui(&app);
        let mut texts: Vec<String> = Vec::new();
        // Visits every text on screen; finds nothing on purpose.
        let _ = sim.find(|c: Candidate<'_>| {
            if let Candidate::Text { content, .. } = c {
                texts.push(content.to_string());
            }
            None::<()>
        });
        assert!(texts.len() > 10, "{step:?}: {texts:?}");
        for t in &texts {
            assert!(!has_hidden(t), "{step:?}: {t:?}");
        }
        let expected = match step {
            // The current record, as found, escapes visible.
            Step::Spf => "v=spf1 mx\\u{1b}[2J ip4:192.0.2.1 a:x\\u{1b}]0;title\\u{7}.hostile.test",
            Step::Dmarc => "x\\u{a}evil.hostile.test. 60 IN A 6.6.6.6",
            _ => continue,
        };
        assert!(
            texts.iter().any(|t| t.contains(expected)),
            "{step:?}: {expected} not in {texts:?}"
        );
    }
    // The selectable values, and so what Copy takes, are printable ASCII.
    assert!(!app.values.is_empty());
    for (key, content) in &app.values {
        assert!(is_record_text(content.text().trim_end()), "{key}");
    }
    std::fs::remove_dir_all(&dir).ok();
}

/// Whether the view shows a text starting with `start`.
fn shows(app: &App, start: &str) -> bool {
    let mut sim = ui(app);
    sim.find(|c: iced_test::selector::Candidate<'_>| match c {
        // The window keeps "e-securemail" whole with a word joiner.
        iced_test::selector::Candidate::Text { content, .. }
            if content.replace('\u{2060}', "").starts_with(start) =>
        {
            Some(())
        }
        _ => None,
    })
    .is_ok()
}

fn paste(text: &str) -> Message {
    Message::Lockdown(gui::lockdown_step::Message::RangesEdited(
        iced::widget::text_editor::Action::Edit(iced::widget::text_editor::Edit::Paste(
            std::sync::Arc::new(text.into()),
        )),
    ))
}

#[tokio::test]
async fn ranges_that_open_everything_make_no_rules_and_the_step_says_why() {
    // The gateway's SPF record, as a test stands in for it, allows everyone.
    let mut zones: Vec<String> = world::zones()
        .into_iter()
        .filter(|z| !z.starts_with("$ORIGIN security-mail.net."))
        .collect();
    zones.push(support::dns_server::zone(
        "security-mail.net",
        "includespf IN TXT \"v=spf1 ip4:0.0.0.0/0 -all\"\n",
    ));
    let dns = TestDns::start(&zones);
    let dir = config_dir("lockdown-unfit");
    let (mut app, task) = App::new(options(ResolverChoice::Servers(vec![dns.addr]), &dir));
    settle(&mut app, task).await;
    for m in [
        Message::DomainChanged("good.test".into()),
        Message::PlatformSelected(Platform::OwnServer),
        Message::GoTo(Step::Lockdown),
    ] {
        let t = app.update(m);
        settle(&mut app, t).await;
    }
    assert!(app.lockdown.ranges_refused());
    assert!(app.lockdown.gateway_ranges().is_none());
    assert!(app.lockdown.artefact_text().is_none());
    assert!(app.lockdown.artefact.text().trim().is_empty());
    assert!(shows(
        &app,
        "Nothing is generated from the gateway's SPF record (includespf.security-mail.net). \
         This range cannot be the gateway's: 0.0.0.0/0 (every address)."
    ));
    assert!(shows(
        &app,
        "Nothing is generated until the gateway's addresses"
    ));

    // Support's list replaces it: rules appear.
    let _ = app.update(paste("85.31.212.0/24"));
    let Some(Ok((_, rules))) = app.lockdown.artefact_text() else {
        panic!("no rules from a good list")
    };
    assert!(rules.contains("85.31.212.0/24") && !rules.contains("0.0.0.0/0"));

    // A list that is only comments, or holds a private range: no rules,
    // whatever was read from DNS.
    for (list, said) in [
        (
            "# to be confirmed",
            "This list cannot be used. The list holds no address",
        ),
        (
            "10.0.0.0/8",
            "This list cannot be used. This range cannot be the gateway's: 10.0.0.0/8 (a private network).",
        ),
    ] {
        let _ = app.update(Message::Lockdown(
            gui::lockdown_step::Message::RangesEdited(iced::widget::text_editor::Action::SelectAll),
        ));
        let _ = app.update(paste(list));
        assert_eq!(app.lockdown.ranges_editor.text().trim(), list);
        assert!(app.lockdown.ranges_refused(), "{list:?}");
        assert!(app.lockdown.artefact_text().is_none(), "{list:?}");
        assert!(shows(&app, said), "{list:?}");
        assert!(shows(&app, "Nothing is generated until"), "{list:?}");
        // Google Workspace gets no settings either.
        let _ = app.update(Message::PlatformSelected(Platform::GoogleWorkspace));
        assert!(shows(&app, "Nothing is generated until"), "{list:?}");
        assert!(!shows(&app, "Gateway IPs"), "{list:?}");
        let _ = app.update(Message::PlatformSelected(Platform::OwnServer));
    }
    std::fs::remove_dir_all(&dir).ok();
}

/// Runs `task` and every save that follows from it, all at once as the
/// window would, feeding `Saved` back to `update`; other messages (typing
/// timers, checks with no server) are left aside. Returns how many saves
/// ended.
async fn run_saves(app: &mut App, task: Task<Message>) -> usize {
    let mut saves = 0;
    let mut pending = vec![task];
    while let Some(task) = pending.pop() {
        let Some(mut stream) = into_stream(task) else {
            continue;
        };
        while let Ok(Some(action)) =
            tokio::time::timeout(Duration::from_millis(500), stream.next()).await
        {
            if let Action::Output(m @ Message::Saved(_)) = action {
                saves += 1;
                pending.push(app.update(m));
            }
        }
    }
    saves
}

fn saved_domain(dir: &Path) -> String {
    match progress::load(&progress::file_in(dir)) {
        progress::Loaded::Restored(p) => p.domain,
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn typing_fast_keeps_one_save_under_way_and_the_newest_state_ends_on_disk() {
    let (mut app, dir) = offline_app("fast-typing");
    // 200 keystrokes, quicker than any save ends.
    let tasks: Vec<Task<Message>> = (1..=200)
        .map(|n| app.update(Message::DomainChanged(format!("exemple-{n}.fr"))))
        .collect();
    assert!(app.unsaved());
    let saves = run_saves(&mut app, Task::batch(tasks)).await;
    // The first keystroke's save, then one more with what was typed since.
    assert_eq!(saves, 2);
    assert!(!app.unsaved());
    assert_eq!(saved_domain(&dir), "exemple-200.fr");
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 1, "a stray file");

    // Again, with every save under way at once, as the window runs them.
    for round in 0..5 {
        let mut tasks = Vec::new();
        for n in 1..=50 {
            tasks.push(app.update(Message::DomainChanged(format!("r{round}-{n}.fr"))));
            tasks.push(app.update(Message::MarkDone(Step::Spf, n % 2 == 0)));
        }
        run_saves(&mut app, Task::batch(tasks)).await;
        assert_eq!(saved_domain(&dir), format!("r{round}-50.fr"));
        assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 1);
    }
    std::fs::remove_dir_all(&dir).ok();
}

#[tokio::test]
async fn closing_the_window_saves_what_was_typed_before_it_exits() {
    let (mut app, dir) = offline_app("close");
    // A save starts, not yet run; more is typed meanwhile.
    let first = app.update(Message::DomainChanged("avant.fr".into()));
    let _ = app.update(Message::DomainChanged("apres.fr".into()));
    assert!(app.unsaved());
    let close = app.update(Message::CloseRequested);
    // Saved at once, before the window goes.
    assert_eq!(saved_domain(&dir), "apres.fr");
    assert!(!app.unsaved());
    let mut stream = into_stream(close).expect("the close asks the runtime to exit");
    assert!(matches!(stream.next().await, Some(Action::Exit)));
    // The save that started earlier ends last: it does not bring the older
    // state back.
    run_saves(&mut app, first).await;
    assert_eq!(saved_domain(&dir), "apres.fr");

    // Nothing to save: the window just closes.
    let close = app.update(Message::CloseRequested);
    let mut stream = into_stream(close).unwrap();
    assert!(matches!(stream.next().await, Some(Action::Exit)));
    std::fs::remove_dir_all(&dir).ok();
}

#[tokio::test]
async fn a_failed_save_on_closing_is_said_and_closing_again_closes() {
    let dir = config_dir("close-fails");
    let (mut app, _) = App::new(options(ResolverChoice::Servers(Vec::new()), &dir));
    let _first = app.update(Message::DomainChanged("exemple.fr".into()));
    // The configuration folder is gone and a file stands in its place.
    std::fs::remove_dir_all(&dir).unwrap();
    std::fs::write(&dir, "not a folder").unwrap();
    let close = app.update(Message::CloseRequested);
    assert!(
        matches!(app.notice, Some(Notice::SaveFailed(_))),
        "{:?}",
        app.notice
    );
    assert!(into_stream(close).is_none(), "the window stays open");
    let close = app.update(Message::CloseRequested);
    let mut stream = into_stream(close).unwrap();
    assert!(matches!(stream.next().await, Some(Action::Exit)));
    std::fs::remove_file(&dir).ok();
}

/// Whether some text on screen contains `part`.
fn shows_part(app: &App, part: &str) -> bool {
    let mut sim = ui(app);
    sim.find(|c: iced_test::selector::Candidate<'_>| match c {
        iced_test::selector::Candidate::Text { content, .. }
            if content.replace('\u{2060}', "").contains(part) =>
        {
            Some(())
        }
        _ => None,
    })
    .is_ok()
}

#[tokio::test]
async fn steps_wait_for_what_they_need_first() {
    let dns = TestDns::start(&world::zones());
    let dir = config_dir("prerequisites");
    let (mut app, task) = App::new(options(ResolverChoice::Servers(vec![dns.addr]), &dir));
    settle(&mut app, task).await;
    // leftover.test: the destination resolves, the MX still points elsewhere.
    for m in [
        Message::DomainChanged("leftover.test".into()),
        Message::PlatformSelected(Platform::Microsoft365),
        Message::DestinationChanged("mail.good.test".into()),
    ] {
        let t = app.update(m);
        settle(&mut app, t).await;
    }
    // The destination resolves, but waits for the admin's confirmation.
    assert_eq!(
        Step::Destination.state(app.report(), &app.done).waiting,
        Some(Wait::Confirmation)
    );
    // The step list says what each waiting step waits for.
    assert!(
        shows_part(&app, "waiting for step 2"),
        "MX waits for the destination"
    );
    assert!(shows_part(&app, "waiting for you"));
    // Lock-down cannot be ticked while the MX is not at the gateway.
    let t = app.update(Message::MarkDone(Step::Destination, true));
    settle(&mut app, t).await;
    let t = app.update(Message::MarkDone(Step::Lockdown, true));
    settle(&mut app, t).await;
    assert!(!app.done.contains(&Step::Lockdown));
    assert!(shows_part(&app, "waiting for step 6"));
    let t = app.update(Message::GoTo(Step::Lockdown));
    settle(&mut app, t).await;
    assert!(shows_part(
        &app,
        "Not yet: the MX records do not point only to the gateway"
    ));
    assert!(shows_part(&app, "You can tick this once"));
    // The same in French.
    let t = app.update(Message::LangSelected(Lang::Fr));
    settle(&mut app, t).await;
    assert!(shows_part(&app, "attend l’étape 6"));
    assert!(shows_part(&app, "Pas encore"));
    std::fs::remove_dir_all(&dir).ok();
}

#[tokio::test]
async fn dkim_waits_for_the_console_key() {
    let dns = TestDns::start(&world::zones());
    let dir = config_dir("dkim-waiting");
    let (mut app, task) = App::new(options(ResolverChoice::Servers(vec![dns.addr]), &dir));
    settle(&mut app, task).await;
    let t = app.update(Message::DomainChanged("good.test".into()));
    settle(&mut app, t).await;
    // A valid key is published, but without the console's key the step is
    // not green.
    let state = Step::Dkim.state(app.report(), &app.done);
    assert_eq!(state.status, Some(Status::Waiting), "{state:?}");
    let t = app.update(Message::GoTo(Step::Dkim));
    settle(&mut app, t).await;
    assert!(shows_part(&app, "Waiting for the console's key"));
    std::fs::remove_dir_all(&dir).ok();
}

/// An outcome of a check of exemple.fr in authoritative mode, with the
/// domain's MX records `mx` (TTL `ttl`) and one resolver holding `cached`.
fn propagation_outcome(mx: &str, ttl: u32, cached: &str) -> gui::Outcome {
    use esm_assistant::check::propagation;
    use esm_assistant::dns::{Answer, Rec, Seen, ZoneServers};
    use esm_assistant::provider::PublicResolver;
    let seen = |host: &str, ttl: u32| Seen {
        answer: Answer::Records(vec![Rec::Mx(10, host.into())]),
        ttl: Some(ttl),
    };
    let input = esm_assistant::check::CheckInput::new(
        esm_assistant::domain::DomainName::parse("exemple.fr").unwrap(),
        Provider::esm(),
    );
    let resolver = PublicResolver {
        name: "Local".into(),
        address: "127.0.0.1:5300".parse().unwrap(),
    };
    let view = propagation::compare(
        &input,
        chrono::Utc::now().timestamp(),
        Some(&seen(mx, ttl)),
        &[(Some(resolver), seen(cached, 1800))],
        None,
    );
    gui::Outcome {
        domain: "exemple.fr".into(),
        report: esm_assistant::check::Report {
            domain: "exemple.fr".into(),
            checks: Vec::new(),
        },
        publication: esm_assistant::records::Publication {
            domain: "exemple.fr".into(),
            records: Vec::new(),
            delete: Vec::new(),
        },
        name_servers: Vec::new(),
        dns_host: None,
        existing_dkim: Vec::new(),
        zone_servers: Some(ZoneServers {
            domain: "exemple.fr".into(),
            servers: vec!["127.0.0.1:5301".parse().unwrap()],
        }),
        propagation: Some(view),
    }
}

#[test]
fn the_mx_step_shows_propagation_and_keeps_the_name_servers() {
    let (mut app, dir) = offline_app("propagation");
    let _ = app.update(Message::DomainChanged("exemple.fr".into()));
    app.step = Step::Mx;

    // Before the switch: a day-long TTL is to be lowered; it is kept.
    let _ = app.update(Message::CheckNow);
    let before = propagation_outcome("mail.exemple.fr", 86400, "mail.exemple.fr");
    let _ = app.update(Message::Checked(1, Box::new(before)));
    assert!(app.outcome.is_some());
    assert_eq!(
        app.known_servers.as_ref().map(|k| k.servers.clone()),
        Some(vec!["127.0.0.1:5301".parse().unwrap()])
    );
    let (domain, old) = app.old_mx.clone().unwrap();
    assert_eq!((domain.as_str(), old.ttl), ("exemple.fr", 86400));
    assert!(shows(&app, "MX records as resolvers see them"));
    assert!(shows(
        &app,
        "The MX records' TTL is 86400 s: lower it to 300 s"
    ));

    // After it: the resolver still holding the old records is marked, and
    // the old server must keep accepting mail.
    let _ = app.update(Message::CheckNow);
    let after = propagation_outcome("france.security-mail.net", 300, "mail.exemple.fr");
    let _ = app.update(Message::Checked(2, Box::new(after)));
    assert!(shows(&app, "✗ Local (127.0.0.1:5300): 10 mail.exemple.fr"));
    assert!(shows(&app, "Keep the old server accepting mail until "));
    // The old records seen before the switch stay for the next runs,
    // with the moment they were last seen.
    assert_eq!(app.old_mx, Some(("exemple.fr".to_string(), old)));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn lock_down_waits_until_every_resolver_sees_the_new_mx() {
    let (mut app, dir) = offline_app("propagation-lockdown");
    let _ = app.update(Message::DomainChanged("exemple.fr".into()));
    let _ = app.update(Message::MarkDone(Step::Destination, true));
    let green = |mut o: gui::Outcome| {
        use esm_assistant::check::{CheckResult, Report};
        o.report = Report {
            domain: "exemple.fr".into(),
            checks: [CheckId::DestinationHost, CheckId::MxGateway]
                .into_iter()
                .map(|id| CheckResult::new(id, Vec::new(), Vec::new(), Vec::new()))
                .collect(),
        };
        o
    };
    // The domain's servers give the gateway; one resolver still the old MX.
    let _ = app.update(Message::CheckNow);
    let stale = green(propagation_outcome(
        "france.security-mail.net",
        300,
        "mail.exemple.fr",
    ));
    let _ = app.update(Message::Checked(1, Box::new(stale)));
    assert!(app.mx_still_propagating());
    let _ = app.update(Message::MarkDone(Step::Lockdown, true));
    assert!(
        !app.done.contains(&Step::Lockdown),
        "not while resolvers differ"
    );
    app.step = Step::Lockdown;
    assert!(shows_part(
        &app,
        "some resolvers still give the old MX records"
    ));
    // Once it sees the gateway too, lock-down can be marked done.
    let _ = app.update(Message::CheckNow);
    let reached = green(propagation_outcome(
        "france.security-mail.net",
        300,
        "france.security-mail.net",
    ));
    let _ = app.update(Message::Checked(2, Box::new(reached)));
    assert!(!app.mx_still_propagating());
    let _ = app.update(Message::MarkDone(Step::Lockdown, true));
    assert!(app.done.contains(&Step::Lockdown));
    std::fs::remove_dir_all(&dir).ok();
}

/// The bounds of the widget that has the keyboard focus, if one has it.
fn focused(sim: &mut Simulator<'_, Message>) -> Option<iced::Rectangle> {
    sim.find(|c: iced_test::selector::Candidate<'_>| match c {
        iced_test::selector::Candidate::Focusable { bounds, state, .. } if state.is_focused() => {
            Some(bounds)
        }
        _ => None,
    })
    .ok()
}

/// Presses Tab until the focused widget holds the text `label`; how many
/// presses it took, or `None` if the whole Tab order went by without it.
fn tab_to(sim: &mut Simulator<'_, Message>, label: &str) -> Option<usize> {
    let target = sim.find(label).ok()?;
    let center = iced_test::selector::Bounded::bounds(&target).center();
    tab_to_point(sim, center)
}

/// Presses Tab until the focused widget covers `center`.
fn tab_to_point(sim: &mut Simulator<'_, Message>, center: iced::Point) -> Option<usize> {
    for presses in 1..=200 {
        let _ = sim.tap_key(iced::keyboard::key::Named::Tab);
        if focused(sim).is_some_and(|b| b.contains(center)) {
            return Some(presses);
        }
    }
    None
}

#[test]
fn tab_reaches_the_buttons_and_enter_or_space_presses_them() {
    let (mut app, dir) = offline_app("keyboard");
    let _ = app.update(Message::DomainChanged("exemple.fr".into()));

    // Tab goes past the text field to the buttons; Enter on "Next" goes on.
    let mut sim = ui(&app);
    assert!(
        focused(&mut sim).is_none(),
        "nothing has the focus at first"
    );
    let presses = tab_to(&mut sim, "Next").expect("Tab reaches Next");
    assert!(presses > 1, "Next is not the only stop of the Tab order");
    let _ = sim.tap_key(iced::keyboard::key::Named::Enter);
    let messages: Vec<Message> = sim.into_messages().collect();
    assert!(
        matches!(messages.as_slice(), [Message::Next]),
        "{messages:?}"
    );
    for m in messages {
        let _ = app.update(m);
    }
    assert_eq!(app.step, Step::Destination);

    // Shift+Tab goes back the same way, and Space presses too.
    let mut sim = ui(&app);
    tab_to(&mut sim, "Next").expect("Tab reaches Next");
    let back = sim.find("Back").unwrap();
    let back = iced_test::selector::Bounded::bounds(&back).center();
    let _ = sim.simulate(iced_test::simulator::tap_key(
        iced::keyboard::key::Named::Tab,
        None,
    ));
    let mut shifted = false;
    for _ in 0..10 {
        let _ = sim.simulate([
            iced::Event::Keyboard(iced::keyboard::Event::ModifiersChanged(
                iced::keyboard::Modifiers::SHIFT,
            )),
            iced::Event::Keyboard(iced::keyboard::Event::KeyPressed {
                key: iced::keyboard::Key::Named(iced::keyboard::key::Named::Tab),
                modified_key: iced::keyboard::Key::Named(iced::keyboard::key::Named::Tab),
                physical_key: iced::keyboard::key::Physical::Unidentified(
                    iced::keyboard::key::NativeCode::Unidentified,
                ),
                location: iced::keyboard::Location::Standard,
                modifiers: iced::keyboard::Modifiers::SHIFT,
                text: None,
                repeat: false,
            }),
        ]);
        if focused(&mut sim).is_some_and(|b| b.contains(back)) {
            shifted = true;
            break;
        }
    }
    assert!(shifted, "Shift+Tab goes back to Back");
    let _ = sim.tap_key(iced::keyboard::key::Named::Space);
    let messages: Vec<Message> = sim.into_messages().collect();
    assert!(
        matches!(messages.as_slice(), [Message::Back]),
        "{messages:?}"
    );

    // A radio button of the first step is reached and chosen with Space.
    let _ = app.update(Message::Back);
    let mut sim = ui(&app);
    // Radios draw their label themselves: they are found after the domain
    // field, in the order they are drawn.
    let field = sim.find(id("domain")).expect("domain field");
    let field = iced_test::selector::Bounded::bounds(&field).center();
    tab_to_point(&mut sim, field).expect("Tab reaches the domain field");
    let _ = sim.tap_key(iced::keyboard::key::Named::Tab);
    let _ = sim.tap_key(iced::keyboard::key::Named::Tab);
    let _ = sim.tap_key(iced::keyboard::key::Named::Space);
    let messages: Vec<Message> = sim.into_messages().collect();
    assert!(
        matches!(
            messages.as_slice(),
            [Message::PlatformSelected(Platform::GoogleWorkspace)]
        ),
        "{messages:?}"
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn enter_on_the_first_step_with_an_invalid_domain_stays_there() {
    let (mut app, dir) = offline_app("enter-invalid");
    let mut sim = ui(&app);
    sim.click(id("domain")).expect("domain field");
    let _ = sim.typewrite("not a domain");
    let _ = sim.tap_key(iced::keyboard::key::Named::Enter);
    let messages: Vec<Message> = sim.into_messages().collect();
    assert!(messages.iter().any(|m| matches!(m, Message::Next)));
    for m in messages {
        let _ = app.update(m);
    }
    assert!(app.domain.is_err());
    assert_eq!(app.step, Step::Start, "Enter does not go on");
    // The Next button is disabled, so it is not in the Tab order either.
    let mut sim = ui(&app);
    assert_eq!(tab_to(&mut sim, "Next"), None);
    std::fs::remove_dir_all(&dir).ok();
}

/// A scrollable that records where it was asked to go.
#[derive(Default)]
struct ScrollProbe {
    snapped: Vec<iced::widget::scrollable::RelativeOffset<Option<f32>>>,
}

impl iced::advanced::widget::operation::Scrollable for ScrollProbe {
    fn snap_to(&mut self, offset: iced::widget::scrollable::RelativeOffset<Option<f32>>) {
        self.snapped.push(offset);
    }
    fn scroll_to(&mut self, _: iced::widget::scrollable::AbsoluteOffset<Option<f32>>) {}
    fn scroll_by(
        &mut self,
        _: iced::widget::scrollable::AbsoluteOffset,
        _: iced::Rectangle,
        _: iced::Rectangle,
    ) {
    }
}

/// Runs the widget operations `task` asks for on a scrollable with the id
/// of the step's content, scrolled to the middle; where they put it.
async fn scroll_asked(
    task: Task<Message>,
) -> Vec<iced::widget::scrollable::RelativeOffset<Option<f32>>> {
    let mut probe = ScrollProbe::default();
    let Some(mut stream) = into_stream(task) else {
        return probe.snapped;
    };
    let id = iced::widget::Id::new(gui::CONTENT_SCROLL);
    let bounds = iced::Rectangle::new(iced::Point::ORIGIN, iced::Size::new(800.0, 500.0));
    let content = iced::Rectangle::new(iced::Point::ORIGIN, iced::Size::new(800.0, 3000.0));
    while let Ok(Some(action)) = tokio::time::timeout(Duration::from_secs(15), stream.next()).await
    {
        if let Action::Widget(mut op) = action {
            // The operation walks the tree from the root down to the step.
            let mut visit = |op: &mut dyn iced::advanced::widget::Operation| {
                op.scrollable(
                    Some(&id),
                    bounds,
                    content,
                    iced::Vector::new(0.0, 1200.0),
                    &mut probe,
                );
            };
            op.container(None, bounds);
            op.traverse(&mut visit);
            visit(op.as_mut());
        }
    }
    probe.snapped
}

#[tokio::test]
async fn a_step_opens_at_its_top() {
    let (mut app, dir) = offline_app("scroll-top");
    let _ = app.update(Message::DomainChanged("exemple.fr".into()));
    let top = iced::widget::scrollable::RelativeOffset::START;
    for message in [
        Message::Next,
        Message::GoTo(Step::Dkim),
        Message::Back,
        Message::GoTo(Step::Lockdown),
    ] {
        let before = app.step;
        let task = app.update(message.clone());
        assert_ne!(app.step, before, "{message:?} changes step");
        let snapped = scroll_asked(task).await;
        assert!(
            snapped.contains(&top.into()),
            "{message:?}: the content is put back at its top, {snapped:?}"
        );
    }
    // Staying on the step (a check, a typed key) leaves the scroll alone.
    let task = app.update(Message::CheckNow);
    assert!(scroll_asked(task).await.is_empty());
    std::fs::remove_dir_all(&dir).ok();
}

#[tokio::test]
async fn engine_errors_are_shown_in_french_in_a_french_window() {
    let dir = config_dir("french-errors");
    let mut opts = options(ResolverChoice::Servers(Vec::new()), &dir);
    opts.lang = Some(Lang::Fr);
    let (mut app, task) = App::new(opts);
    settle(&mut app, task).await;
    let t = app.update(Message::DomainChanged("exemple.fr".into()));
    settle(&mut app, t).await;
    let t = app.update(Message::GoTo(Step::Lockdown));
    settle(&mut app, t).await;
    // No resolver answers: the ranges cannot be read, and the window says
    // so in French, pointing at this computer's network first.
    assert!(
        matches!(app.lockdown.ranges_derived, Some(Err(_))),
        "{:?}",
        app.lockdown.ranges_derived
    );
    let mut sim = ui(&app);
    let said = sim
        .find(|c: iced_test::selector::Candidate<'_>| match c {
            iced_test::selector::Candidate::Text { content, .. }
                if content.contains("réglages DNS de cet ordinateur") =>
            {
                Some(content.to_string())
            }
            _ => None,
        })
        .expect("the ranges error, in French");
    assert!(said.contains("connexion réseau"), "{said}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn at_the_smallest_size_the_domain_stays_clear_of_the_header_buttons() {
    let (mut app, dir) = offline_app("header-900");
    let domain = "un-nom-de-domaine-vraiment-tres-long-pour-une-petite-fenetre.exemple.fr";
    let _ = app.update(Message::DomainChanged(domain.into()));
    for lang in [Lang::Fr, Lang::En] {
        let _ = app.update(Message::LangSelected(lang));
        // The window's minimum size.
        let mut sim = Simulator::with_size(
            iced::Settings {
                fonts: gui::fonts(),
                default_font: gui::DEFAULT_FONT,
                ..iced::Settings::default()
            },
            (900.0, 650.0),
            app.view(),
        );
        let shown = sim.find(domain).expect("the domain in the header");
        let shown = iced_test::selector::Bounded::visible_bounds(&shown).expect("visible");
        let french = sim.find("Français").expect("the language button");
        let french = iced_test::selector::Bounded::bounds(&french);
        assert!(
            shown.x + shown.width <= french.x,
            "{lang:?}: the domain {shown:?} runs under the buttons {french:?}"
        );
        // A name too long for the space left breaks onto more lines rather
        // than running on, out of its box, under the buttons.
        assert!(
            shown.height > 30.0,
            "{lang:?}: the domain is drawn on one line, {shown:?}"
        );
        // The legend of the step list's marks is on screen.
        sim.find(|c: iced_test::selector::Candidate<'_>| match c {
            iced_test::selector::Candidate::Text {
                content,
                visible_bounds: Some(_),
                ..
            } if content.starts_with("✓ ") => Some(()),
            _ => None,
        })
        .expect("the legend of the marks");
    }
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn tab_brings_the_focused_widget_into_view() {
    let (mut app, dir) = offline_app("tab-reveal");
    for m in [
        Message::DomainChanged("exemple.fr".into()),
        Message::PlatformSelected(Platform::OwnServer),
        Message::DestinationChanged("127.0.0.1".into()),
        Message::GoTo(Step::Lockdown),
    ] {
        let _ = app.update(m);
    }
    let mut sim = Simulator::with_size(
        iced::Settings {
            fonts: gui::fonts(),
            default_font: gui::DEFAULT_FONT,
            ..iced::Settings::default()
        },
        (900.0, 650.0),
        app.view(),
    );
    let screen = iced::Rectangle::new(iced::Point::ORIGIN, iced::Size::new(900.0, 650.0));
    let mut below_the_fold = 0;
    for _ in 0..40 {
        let _ = sim.tap_key(iced::keyboard::key::Named::Tab);
        // Past the last widget, iced's Tab order leaves the focus nowhere
        // for one press.
        let Ok((bounds, seen)) = sim.find(|c: iced_test::selector::Candidate<'_>| match c {
            iced_test::selector::Candidate::Focusable {
                bounds,
                visible_bounds,
                state,
                ..
            } if state.is_focused() => Some((bounds, visible_bounds)),
            _ => None,
        }) else {
            continue;
        };
        if bounds.y > screen.height {
            below_the_fold += 1;
        }
        let seen = seen.unwrap_or_else(|| panic!("the focus at {bounds:?} is out of sight"));
        assert!(
            seen.height >= bounds.height.min(600.0) - 1.0 && screen.contains(seen.center()),
            "the focus at {bounds:?} is only partly in sight: {seen:?}"
        );
    }
    assert!(
        below_the_fold > 0,
        "the step fits the window: nothing to bring into view was tried"
    );
    std::fs::remove_dir_all(&dir).ok();
}

/// The lock-down step draws the content model: its actions with boxes
/// bound to their ids, no "ask support" while the ranges are listed, no
/// Copy button for the settings to tick, and the ARC step only once ARC is
/// chosen.
#[tokio::test]
async fn the_lockdown_step_draws_its_actions_and_only_what_applies() {
    let dns = TestDns::start(&world::zones());
    let dir = config_dir("lockdown-content");
    let (mut app, task) = App::new(options(ResolverChoice::Servers(vec![dns.addr]), &dir));
    settle(&mut app, task).await;
    let t = app.update(Message::DomainChanged("good.test".into()));
    settle(&mut app, t).await;
    let t = app.update(Message::PlatformSelected(Platform::GoogleWorkspace));
    settle(&mut app, t).await;
    let t = app.update(Message::GoTo(Step::Lockdown));
    settle(&mut app, t).await;
    assert!(
        app.lockdown.gateway_ranges().is_some(),
        "ranges read from DNS"
    );
    let email = Provider::esm().support_email;
    let ask = esm_assistant::fl!(Lang::En, "gui-lockdown-ask", email = email.as_str());
    assert!(
        !shows(&app, &ask),
        "no 'ask support' while ranges are listed"
    );
    // The addresses can be copied; the boxes to tick cannot.
    {
        let mut sim = ui(&app);
        sim.find(id(copy_id("google:google-gateway-ips")))
            .expect("Copy of the addresses");
        assert!(shows(&app, "On (ticked)"));
        for setting in [
            "google-reject-others",
            "google-require-tls",
            "google-detect-external-ip",
        ] {
            let mut sim = ui(&app);
            assert!(
                sim.find(id(copy_id(&format!("google:{setting}")))).is_err(),
                "{setting}"
            );
        }
    }
    // The action's box is ticked by clicking its words, and says so.
    let action = esm_assistant::fl!(Lang::En, "action-google-gateway");
    let mut sim = ui(&app);
    sim.click(action.as_str()).expect("the action's tick box");
    let messages: Vec<Message> = sim.into_messages().collect();
    apply(&mut app, messages).await;
    assert!(app.ticked.contains("google-gateway"), "{:?}", app.ticked);
    assert!(shows(&app, "✓ ticked by hand"));
    // The tick is saved with the progress, and restored.
    let (restored, _) = App::new(options(ResolverChoice::Servers(Vec::new()), &dir));
    assert!(
        restored.ticked.contains("google-gateway"),
        "{:?}",
        restored.ticked
    );

    // Microsoft 365 without a smart host: no blank to fill, and no ARC
    // step until ARC is chosen.
    let t = app.update(Message::PlatformSelected(Platform::Microsoft365));
    settle(&mut app, t).await;
    let arc_step = esm_assistant::fl!(Lang::En, "lockdown-eac-6", domain = "security-mail.net");
    assert!(!shows(&app, &arc_step));
    let lockdown = app.content.step(Step::Lockdown).unwrap();
    for a in &lockdown.actions {
        assert!(!a.text.contains('…'), "{}", a.text);
        assert!(shows(&app, &a.text), "{}", a.text);
    }
    let _ = app.update(Message::Lockdown(gui::lockdown_step::Message::ArcToggled(
        true,
    )));
    assert!(shows(&app, &arc_step));
    std::fs::remove_dir_all(&dir).ok();
}

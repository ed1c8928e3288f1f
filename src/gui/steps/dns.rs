//! Steps 2 to 5: the SPF, DKIM and DMARC records, and the MX switch.

use iced::widget::{Column, container, row, text, text_editor};
use iced::{Alignment, Element, Fill};

use crate::check::{CheckId, Status};
use crate::fl;
use crate::gui::widgets::{
    check_block, copy_button, dns_where, heading, hint, note, para, record_card, title,
};
use crate::gui::{App, Message, style};
use crate::records::Purpose;
use crate::safe_text::visible;
use crate::step::Step;

/// Id of the DKIM key field.
pub const DKIM_INPUT: &str = "dkim-key";

fn records<'a>(app: &'a App, purpose: Purpose) -> Vec<Element<'a, Message>> {
    app.current_outcome()
        .map(|o| {
            o.publication
                .records
                .iter()
                .filter(|r| r.purpose == purpose)
                .map(|r| record_card(app, r))
                .collect()
        })
        .unwrap_or_default()
}

fn checks<'a>(app: &App, step: Step) -> Vec<Element<'a, Message>> {
    step.checks()
        .iter()
        .map(|id| check_block(app, *id))
        .collect()
}

/// Whether SPF, DKIM and DMARC may wait until after the MX switch: only when
/// the domain has no DKIM entry of its platform (the guide's condition).
fn can_wait_note<'a>(app: &App) -> Option<Element<'a, Message>> {
    let lang = app.lang;
    let outcome = app.current_outcome()?;
    let platform = crate::gui::steps::start::platform_name(lang, app.platform);
    let s = if app.platform.dkim_selectors().is_empty() {
        fl!(lang, "gui-can-wait-unknown")
    } else if outcome.existing_dkim.is_empty() {
        fl!(lang, "gui-can-wait", platform = platform)
    } else {
        fl!(
            lang,
            "gui-cannot-wait",
            platform = platform,
            selectors = outcome.existing_dkim.join(", ")
        )
    };
    Some(note(s))
}

fn common_top<'a>(app: &App, step: Step, why: String, rtype: &str) -> Column<'a, Message> {
    let lang = app.lang;
    let mut col = Column::new().spacing(14);
    col = col.push(title(
        crate::localize::text(lang, &format!("step-{}", step.id()), &[]).unwrap_or_default(),
    ));
    col = col.push(para(why));
    col = col.push(dns_where(app, rtype));
    col
}

pub fn spf(app: &App) -> Element<'_, Message> {
    let lang = app.lang;
    let mut col = common_top(app, Step::Spf, fl!(lang, "gui-spf-why"), "TXT");
    if let Some(n) = can_wait_note(app) {
        col = col.push(n);
    }
    for c in checks(app, Step::Spf) {
        col = col.push(c);
    }
    col = col.push(heading(fl!(lang, "gui-spf-current")));
    let current: Vec<String> = app
        .report()
        .and_then(|r| r.get(CheckId::SpfRecord))
        .map(|c| c.found.clone())
        .unwrap_or_default();
    if current.is_empty() {
        col = col.push(hint(fl!(lang, "gui-spf-none")));
    } else {
        for record in current {
            col = col.push(
                container(
                    text(visible(&record).into_owned())
                        .font(style::MONO)
                        .size(style::BODY_SIZE)
                        .width(Fill),
                )
                .padding(10)
                .width(Fill)
                .style(style::card),
            );
        }
    }
    col = col.push(heading(fl!(lang, "gui-spf-publish")));
    col = col.push(hint(fl!(lang, "gui-spf-one-record")));
    for card in records(app, Purpose::Spf) {
        col = col.push(card);
    }
    col.into()
}

pub fn dkim(app: &App) -> Element<'_, Message> {
    let lang = app.lang;
    let provider = app.provider();
    let mut col = common_top(app, Step::Dkim, fl!(lang, "gui-dkim-why"), "TXT");
    if let Some(n) = can_wait_note(app) {
        col = col.push(n);
    }
    col = col.push(heading(fl!(lang, "gui-dkim-key-label")));
    col = col.push(para(fl!(
        lang,
        "gui-dkim-where-console",
        url = provider.consoles.management.as_str(),
        path = provider.menu_paths.dkim.get(lang.code())
    )));
    col = col.push(
        text_editor(&app.dkim.editor)
            .id(DKIM_INPUT)
            .placeholder(fl!(lang, "gui-dkim-key-placeholder"))
            .on_action(|a| Message::Dkim(crate::gui::dkim_step::Message::KeyEdited(a)))
            .font(style::MONO)
            .size(style::SMALL_SIZE)
            .wrapping(text::Wrapping::WordOrGlyph)
            .height(110),
    );
    if app.dkim.too_long {
        let size = crate::render::size(lang, crate::dkim::MAX_KEY_BYTES);
        col = col.push(
            text(fl!(lang, "gui-dkim-key-too-long", size = size))
                .size(style::BODY_SIZE)
                .style(style::error_text),
        );
    }
    match &app.dkim.key {
        None => col = col.push(hint(fl!(lang, "gui-dkim-key-hint"))),
        Some(Err(e)) => {
            col = col.push(
                text(fl!(lang, "gui-dkim-key-invalid", reason = e.reason))
                    .size(style::BODY_SIZE)
                    .style(style::error_text),
            );
        }
        Some(Ok(key)) => {
            let size = match key.key {
                crate::dkim::DkimKey::Rsa { bits } => fl!(lang, "gui-dkim-key-rsa", bits = bits),
                _ => fl!(lang, "gui-dkim-key-ed25519"),
            };
            col = col.push(hint(size));
        }
    }
    let published = app
        .report()
        .and_then(|r| r.get(CheckId::DkimRecord))
        .is_some_and(|c| c.status == Status::Pass);
    let matches = app
        .report()
        .and_then(|r| r.get(CheckId::DkimMatch))
        .is_some_and(|c| c.status == Status::Pass);
    if matches!(app.dkim.key, Some(Ok(_))) {
        for card in records(app, Purpose::Dkim) {
            col = col.push(card);
        }
    } else {
        col = col.push(hint(fl!(lang, "gui-dkim-no-key")));
    }
    col = col.push(note(if published && matches {
        fl!(lang, "gui-dkim-ready")
    } else {
        fl!(lang, "gui-dkim-warning")
    }));
    for c in checks(app, Step::Dkim) {
        col = col.push(c);
    }
    col.into()
}

pub fn dmarc(app: &App) -> Element<'_, Message> {
    let lang = app.lang;
    let provider = app.provider();
    let mut col = common_top(
        app,
        Step::Dmarc,
        fl!(
            lang,
            "gui-dmarc-why",
            address = provider.dmarc.report_address.as_str()
        ),
        "TXT",
    );
    col = col.push(note(fl!(
        lang,
        "gui-dmarc-where-console",
        url = provider.consoles.support.as_str(),
        path = provider.menu_paths.dmarc.get(lang.code())
    )));
    if let Some(crate::check::Arg::Text(policy)) = app
        .report()
        .and_then(|r| r.get(CheckId::DmarcRecord))
        .and_then(|c| c.details.get("policy"))
    {
        col = col.push(hint(fl!(
            lang,
            "gui-dmarc-kept-policy",
            policy = policy.as_str()
        )));
    }
    for c in checks(app, Step::Dmarc) {
        col = col.push(c);
    }
    col = col.push(heading(fl!(lang, "gui-dmarc-publish")));
    for card in records(app, Purpose::Dmarc) {
        col = col.push(card);
    }
    col.into()
}

/// The MTA-STS policy file and record to publish before the MX switch,
/// each with its Copy button, when the policy does not list the gateway.
fn mta_sts_fix(app: &App) -> Option<Element<'_, Message>> {
    let lang = app.lang;
    let check = app.report()?.get(CheckId::MtaStsPolicy)?;
    let problem = check
        .problems
        .iter()
        .find(|p| p.code == "gateway-not-listed")?;
    let policy: String = check
        .expected
        .iter()
        .map(|line| format!("{}\r\n", visible(line)))
        .collect();
    let id = problem.text_arg("id").unwrap_or_default();
    let record = format!("v=STSv1; id={};", visible(id));
    let url = visible(problem.text_arg("url").unwrap_or_default()).into_owned();
    let name = visible(problem.text_arg("name").unwrap_or_default()).into_owned();
    let shown = policy.replace("\r\n", "\n");
    Some(
        container(
            Column::new()
                .spacing(8)
                .push(heading(fl!(
                    lang,
                    "gui-mtasts-policy-file",
                    url = url.as_str()
                )))
                .push(
                    row![
                        text(shown.trim_end().to_string())
                            .font(style::MONO)
                            .size(style::BODY_SIZE)
                            .width(Fill),
                        copy_button(app, "mta-sts-policy".into(), policy),
                    ]
                    .spacing(10),
                )
                .push(heading(fl!(
                    lang,
                    "gui-mtasts-record",
                    name = name.as_str()
                )))
                .push(
                    row![
                        text(record.clone())
                            .font(style::MONO)
                            .size(style::BODY_SIZE)
                            .width(Fill),
                        copy_button(app, "mta-sts-record".into(), record),
                    ]
                    .spacing(10)
                    .align_y(Alignment::Center),
                ),
        )
        .padding(14)
        .width(Fill)
        .style(style::card)
        .into(),
    )
}

pub fn mx(app: &App) -> Element<'_, Message> {
    let lang = app.lang;
    let mut col = common_top(app, Step::Mx, fl!(lang, "gui-mx-why"), "MX");
    col = col.push(note(fl!(lang, "gui-mx-order")));
    for c in checks(app, Step::Mx) {
        col = col.push(c);
    }
    if let Some(block) = mta_sts_fix(app) {
        col = col.push(block);
    }
    if let Some(view) = app.current_outcome().and_then(|o| o.propagation.as_ref()) {
        col = col.push(heading(fl!(lang, "propagation-title")));
        for line in crate::propagation_text::lines(lang, view) {
            col = col.push(text(line).size(style::BODY_SIZE));
        }
    }
    col = col.push(heading(fl!(lang, "gui-mx-publish")));
    col = col.push(hint(fl!(lang, "gui-mx-dot")));
    for card in records(app, Purpose::Mx) {
        col = col.push(card);
    }
    if let Some(outcome) = app.current_outcome()
        && !outcome.publication.delete.is_empty()
    {
        col = col.push(heading(fl!(lang, "gui-mx-delete")));
        for d in &outcome.publication.delete {
            let priority = d.priority.map(|p| p.to_string()).unwrap_or_default();
            col = col.push(
                container(
                    row![
                        text(
                            visible(&format!("{} {} {priority} {}", d.name, d.rtype, d.value))
                                .into_owned()
                        )
                        .font(style::MONO)
                        .size(style::BODY_SIZE)
                        .width(Fill),
                        container(
                            text(format!("✗ {}", fl!(lang, "gui-mx-to-delete")))
                                .size(style::SMALL_SIZE)
                        )
                        .padding([3, 10])
                        .style(style::badge(Some(Status::Fail))),
                    ]
                    .align_y(Alignment::Center),
                )
                .padding(10)
                .width(Fill)
                .style(style::card),
            );
        }
    }
    match app.platform {
        crate::platform::Platform::GoogleWorkspace => {
            col = col.push(note(fl!(lang, "gui-mx-google")))
        }
        crate::platform::Platform::Microsoft365 => {
            col = col
                .push(note(fl!(lang, "gui-mx-microsoft")))
                .push(note(fl!(lang, "gui-m365-dns-trap")))
        }
        _ => {}
    }
    col.into()
}

//! Steps 2 to 5: the SPF, DKIM and DMARC records, and the MX switch.

use iced::widget::{Column, container, row, text, text_editor};
use iced::{Alignment, Element, Fill};

use crate::check::CheckId;
use crate::fl;
use crate::gui::content_view;
use crate::gui::widgets::{copy_button, heading, hint};
use crate::gui::{App, Message, style};
use crate::safe_text::visible;
use crate::step::Step;

/// Id of the DKIM key field.
pub const DKIM_INPUT: &str = "dkim-key";

pub fn spf(app: &App) -> Element<'_, Message> {
    let lang = app.lang;
    let c = content_view::content(app, Step::Spf);
    let mut col = content_view::top(&c);
    col = col.push(content_view::actions(app, &c));
    if let Some(part) = super::publish::part(app) {
        col = col.push(part);
    }
    for check in content_view::checks(app, &c) {
        col = col.push(check);
    }
    col = col.push(heading(fl!(lang, "gui-spf-current")));
    if c.current.is_empty() {
        col = col.push(hint(fl!(lang, "gui-spf-none")));
    }
    for record in content_view::current(&c) {
        col = col.push(record);
    }
    col = col.push(heading(fl!(lang, "gui-spf-publish")));
    for card in content_view::records(app, &c) {
        col = col.push(card);
    }
    col.into()
}

pub fn dkim(app: &App) -> Element<'_, Message> {
    let lang = app.lang;
    let c = content_view::content(app, Step::Dkim);
    let mut col = content_view::top(&c);
    col = col.push(content_view::actions(app, &c));
    if let Some(part) = super::publish::part(app) {
        col = col.push(part);
    }
    col = col.push(heading(fl!(lang, "gui-dkim-key-label")));
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
    if matches!(app.dkim.key, Some(Ok(_))) {
        for card in content_view::records(app, &c) {
            col = col.push(card);
        }
    } else {
        col = col.push(hint(fl!(lang, "gui-dkim-no-key")));
    }
    for check in content_view::checks(app, &c) {
        col = col.push(check);
    }
    col.into()
}

pub fn dmarc(app: &App) -> Element<'_, Message> {
    let lang = app.lang;
    let c = content_view::content(app, Step::Dmarc);
    let mut col = content_view::top(&c);
    col = col.push(content_view::actions(app, &c));
    if let Some(part) = super::publish::part(app) {
        col = col.push(part);
    }
    for check in content_view::checks(app, &c) {
        col = col.push(check);
    }
    col = col.push(heading(fl!(lang, "gui-dmarc-publish")));
    for card in content_view::records(app, &c) {
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
    let c = content_view::content(app, Step::Mx);
    let mut col = content_view::top(&c);
    col = col.push(content_view::actions(app, &c));
    if let Some(part) = super::publish::part(app) {
        col = col.push(part);
    }
    for check in content_view::checks(app, &c) {
        col = col.push(check);
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
    for card in content_view::records(app, &c) {
        col = col.push(card);
    }
    if !c.deletes.is_empty() {
        col = col.push(heading(c.deletes_title.clone()));
        for line in content_view::deletes(app, &c) {
            col = col.push(line);
        }
    }
    col.into()
}

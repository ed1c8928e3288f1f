//! "Test with a real message": for each direction, what to send, a box for
//! its headers or its `.eml` file, and what it proved; then how to take
//! the headers in each mail client.

use iced::widget::{Column, button, column, container, row, text, text_editor};
use iced::{Alignment, Element, Fill};

use super::testmail_state::{Given, Message as PageMessage, Source};
use crate::content::testmail::Part;
use crate::content::{ClientHelp, SideContent};
use crate::fl;
use crate::gui::widgets::{self, check_block, copy_button, heading, hint, note, para, title};
use crate::gui::{App, Message, focus, style};
use crate::render;

fn send(message: PageMessage) -> Message {
    Message::TestMail(message)
}

pub fn view(app: &App) -> Element<'_, Message> {
    let lang = app.lang;
    let c = &app.content().testmail;
    let mut col = Column::new().spacing(14);
    col = col.push(title(c.title.clone()));
    for p in &c.explanation {
        col = col.push(para(p.clone()));
    }
    col = col.push(note(c.privacy.clone()));
    if app.domain.is_err() {
        col = col.push(
            text(fl!(lang, "gui-testmail-no-domain"))
                .size(style::BODY_SIZE)
                .style(style::error_text),
        );
    }
    // How to take the headers comes before the boxes they go in.
    col = col.push(heading(fl!(lang, "gui-testmail-how-title")));
    col = col.push(clients(app, &c.clients));
    for s in &c.sides {
        col = col.push(side(app, s));
    }
    if let Some(t) = &c.tenant {
        col = col.push(tenant(app, t));
    }
    col = col.push(back_button(app));
    col.into()
}

/// "Back to the steps".
fn back_button<'a>(app: &App) -> Element<'a, Message> {
    action_button(
        fl!(app.lang, "gui-testmail-back"),
        Some(PageMessage::Close),
        false,
    )
}

/// The button that opens the page, for the lock-down step and the summary.
pub fn open_button<'a>(app: &App) -> Element<'a, Message> {
    action_button(
        fl!(app.lang, "gui-testmail-open"),
        app.domain.is_ok().then_some(PageMessage::Open),
        true,
    )
}

fn side<'a>(app: &'a App, c: &SideContent) -> Element<'a, Message> {
    let lang = app.lang;
    let Part::Message(direction) = c.part else {
        return tenant(app, c);
    };
    let state = app.testmail.side(direction);
    let mut col = Column::new().spacing(10);
    col = col.push(heading(c.heading.clone()));
    for h in &c.how {
        col = col.push(para(h.clone()));
    }
    col = col.push(input(
        app,
        &state.given,
        fl!(lang, "gui-testmail-paste"),
        move |a| PageMessage::Edited(direction, a),
        150.0,
    ));
    let can_analyse = app.domain.is_ok() && state.given.has_input() && !state.analysing;
    col = col.push(
        row![
            action_button(
                fl!(lang, "gui-testmail-analyse"),
                can_analyse.then_some(PageMessage::Analyse(direction)),
                true,
            ),
            action_button(
                fl!(lang, "gui-testmail-open-file"),
                (!state.analysing).then_some(PageMessage::OpenFile(direction)),
                false,
            ),
            action_button(
                fl!(lang, "gui-testmail-clear"),
                Some(PageMessage::Clear(direction)),
                false,
            ),
        ]
        .spacing(10)
        .wrap(),
    );
    if state.analysing {
        col = col.push(hint(fl!(lang, "gui-testmail-analysing")));
    }
    let refused = state
        .refused
        .as_ref()
        .map(|e| render::message_input_error(lang, e));
    col = refusals(lang, col, refused, state.given.file_error.as_deref());
    results(app, c, col)
}

/// Why what was given cannot be read, and why the file could not be.
fn refusals<'a>(
    lang: crate::localize::Lang,
    mut col: Column<'a, Message>,
    refused: Option<String>,
    file_error: Option<&crate::files::ReadError>,
) -> Column<'a, Message> {
    if let Some(words) = refused {
        col = col.push(error(words));
    }
    if let Some(e) = file_error {
        col = col.push(error(fl!(
            lang,
            "gui-testmail-file-error",
            error = render::read_error(lang, e)
        )));
    }
    col
}

/// When it was judged, the checks, and the card around the part.
fn results<'a>(app: &App, c: &SideContent, mut col: Column<'a, Message>) -> Element<'a, Message> {
    if let Some(j) = &c.judged {
        col = col.push(text(j.clone()).size(style::SMALL_SIZE).style(style::muted));
    }
    for check in &c.checks {
        col = col.push(check_block(app, check));
    }
    if let Some(n) = &c.details_not_kept {
        col = col.push(hint(n.clone()));
    }
    container(col)
        .padding(14)
        .width(Fill)
        .style(style::card)
        .into()
}

/// Microsoft 365: the read-back script to run, and the box for what it
/// printed.
fn tenant<'a>(app: &'a App, c: &SideContent) -> Element<'a, Message> {
    let lang = app.lang;
    let state = &app.testmail.tenant;
    let mut col = Column::new().spacing(10);
    col = col.push(heading(c.heading.clone()));
    for h in &c.how {
        col = col.push(para(h.clone()));
    }
    if let Some((name, script)) = &state.script_file {
        col = col.push(
            row![
                text(fl!(lang, "gui-tenant-script"))
                    .size(style::BODY_SIZE)
                    .font(style::BOLD),
                text(name.clone())
                    .size(style::SMALL_SIZE)
                    .style(style::muted)
                    .width(Fill),
                copy_button(app, "tenant-script".to_string(), script.clone()),
                focus::press(
                    button(text(fl!(lang, "lockdown-save")).size(style::SMALL_SIZE))
                        .padding([4, 10])
                        .style(button::secondary),
                    Some(send(PageMessage::SaveTenantScript)),
                ),
            ]
            .spacing(10)
            .align_y(Alignment::Center),
        );
        col = col.push(
            text_editor(&state.script)
                .on_action(|a| send(PageMessage::TenantScriptAction(a)))
                .font(style::MONO)
                .size(style::SMALL_SIZE)
                .height(180),
        );
    }
    col = col.push(input(
        app,
        &state.given,
        fl!(lang, "gui-tenant-paste"),
        PageMessage::TenantEdited,
        120.0,
    ));
    let can_check = app.domain.is_ok() && state.given.has_input();
    col = col.push(
        row![
            action_button(
                fl!(lang, "gui-tenant-check"),
                can_check.then_some(PageMessage::TenantCheck),
                true
            ),
            action_button(
                fl!(lang, "gui-tenant-open-file"),
                Some(PageMessage::TenantOpenFile),
                false
            ),
            action_button(
                fl!(lang, "gui-testmail-clear"),
                Some(PageMessage::TenantClear),
                false
            ),
        ]
        .spacing(10)
        .wrap(),
    );
    let refused = state
        .refused
        .as_ref()
        .map(|e| render::tenant_error(lang, e));
    col = refusals(lang, col, refused, state.given.file_error.as_deref());
    results(app, c, col)
}

/// A button of the page; `None` disables it.
fn action_button<'a>(
    label: String,
    message: Option<PageMessage>,
    primary: bool,
) -> Element<'a, Message> {
    widgets::action_button(label, message.map(send), primary)
}

/// The headers box, or the file opened in its place.
/// The box for what was given, or the file opened in its place.
fn input<'a>(
    app: &App,
    given: &'a Given,
    placeholder: String,
    on_action: impl Fn(text_editor::Action) -> PageMessage + 'a,
    height: f32,
) -> Element<'a, Message> {
    match &given.source {
        Source::File { name, bytes } => {
            let size = render::size(app.lang, u64::try_from(bytes.len()).unwrap_or(u64::MAX));
            text(fl!(
                app.lang,
                "gui-testmail-file",
                name = name.as_str(),
                size = size
            ))
            .size(style::BODY_SIZE)
            .font(style::MONO)
            .into()
        }
        Source::Pasted => text_editor(&given.editor)
            .placeholder(placeholder)
            .on_action(move |a| send(on_action(a)))
            .font(style::MONO)
            .size(style::SMALL_SIZE)
            .height(height)
            .into(),
    }
}

fn error<'a>(words: String) -> Element<'a, Message> {
    text(words)
        .size(style::BODY_SIZE)
        .style(style::error_text)
        .into()
}

/// A button per mail client, and the chosen one's steps.
fn clients<'a>(app: &App, clients: &[ClientHelp]) -> Element<'a, Message> {
    let lang = app.lang;
    let chosen = app.testmail.client;
    let mut names = row![].spacing(8);
    for c in clients {
        let id = c.id;
        names = names.push(focus::press(
            button(text(c.name.clone()).size(style::BODY_SIZE))
                .padding([6, 12])
                .style(if id == chosen {
                    button::primary
                } else {
                    button::secondary
                }),
            Some(send(PageMessage::ClientSelected(id))),
        ));
    }
    let mut col = column![names.wrap()].spacing(10);
    if let Some(c) = clients.iter().find(|c| c.id == chosen) {
        for (label, words) in [
            (fl!(lang, "gui-testmail-copy-headers"), &c.headers),
            (fl!(lang, "gui-testmail-save-eml"), &c.save),
        ] {
            col = col.push(
                column![
                    text(label).size(style::BODY_SIZE).font(style::BOLD),
                    para(words.clone()),
                ]
                .spacing(2),
            );
        }
    }
    container(col.align_x(Alignment::Start))
        .padding(14)
        .width(Fill)
        .style(style::card)
        .into()
}

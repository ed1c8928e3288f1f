//! Step 0, the start (language, domain, platform), and step 1, the
//! destination server.

use iced::widget::{Column, button, column, container, radio, row, text, text_input};
use iced::{Alignment, Element, Fill};

use crate::check::Status;
use crate::fl;
use crate::gui::content_view;
use crate::gui::widgets::{heading, hint};
use crate::gui::{App, Message, focus, style};
use crate::localize::Lang;
use crate::platform::Platform;
use crate::render;
use crate::step::Step;

/// Id of the domain field.
pub const DOMAIN_INPUT: &str = "domain";
/// Id of the destination field.
pub const DESTINATION_INPUT: &str = "destination";

pub fn platform_name(lang: Lang, p: Platform) -> String {
    crate::localize::text(lang, &format!("platform-{}", p.id()), &[]).unwrap_or_default()
}

pub fn view(app: &App) -> Element<'_, Message> {
    let lang = app.lang;
    let c = content_view::content(app, Step::Start);
    let mut col = content_view::top(&c);

    col = col.push(heading(fl!(lang, "gui-language")));
    col = col.push(
        row![
            focus::focus(
                radio("Français", Lang::Fr, Some(lang), Message::LangSelected)
                    .text_size(style::BODY_SIZE),
                Some(Message::LangSelected(Lang::Fr))
            ),
            focus::focus(
                radio("English", Lang::En, Some(lang), Message::LangSelected)
                    .text_size(style::BODY_SIZE),
                Some(Message::LangSelected(Lang::En))
            ),
        ]
        .spacing(24),
    );

    col = col.push(heading(fl!(lang, "gui-domain-label")));
    col = col.push(
        text_input(&fl!(lang, "gui-domain-placeholder"), &app.domain_input)
            .id(DOMAIN_INPUT)
            .on_input(Message::DomainChanged)
            .on_submit(Message::Next)
            .padding(10)
            .size(style::BODY_SIZE + 2),
    );
    match &app.domain {
        Ok(d) if d.ascii() != d.unicode() => {
            col = col.push(hint(fl!(lang, "gui-domain-idn", ascii = d.ascii())));
            if let Some(warning) = render::lookalike_warning(lang, d) {
                col = col.push(
                    container(text(warning).size(style::BODY_SIZE).width(Fill))
                        .padding(12)
                        .width(Fill)
                        .style(style::problem(Status::Warn)),
                );
            }
        }
        Ok(_) => col = col.push(hint(fl!(lang, "gui-domain-hint"))),
        Err(e) if app.domain_input.trim().is_empty() => {
            col = col.push(hint(render::domain_error(lang, e)));
        }
        Err(e) => {
            col = col.push(
                text(render::domain_error(lang, e))
                    .size(style::BODY_SIZE)
                    .style(style::error_text),
            );
        }
    }

    col = col.push(heading(fl!(lang, "gui-platform-label")));
    let mut platforms = Column::new().spacing(8);
    for p in Platform::ALL {
        platforms = platforms.push(focus::focus(
            radio(
                platform_name(lang, p),
                p,
                Some(app.platform),
                Message::PlatformSelected,
            )
            .text_size(style::BODY_SIZE),
            Some(Message::PlatformSelected(p)),
        ));
    }
    col = col.push(platforms);
    if app.domain.is_ok() {
        for check in content_view::checks(app, &c) {
            col = col.push(check);
        }
    }
    col.into()
}

pub fn destination(app: &App) -> Element<'_, Message> {
    let lang = app.lang;
    let c = content_view::content(app, Step::Destination);
    let mut col = content_view::top(&c);
    col = col.push(heading(fl!(lang, "gui-destination-label")));
    col = col.push(
        text_input(
            &fl!(lang, "gui-destination-placeholder"),
            &app.destination_input,
        )
        .id(DESTINATION_INPUT)
        .on_input(Message::DestinationChanged)
        .on_submit(Message::Next)
        .padding(10)
        .size(style::BODY_SIZE + 2),
    );
    if let Some(Err(e)) = app.destination() {
        col = col.push(
            text(render::domain_error(lang, &e))
                .size(style::BODY_SIZE)
                .style(style::error_text),
        );
    }
    if let Some(suggested) = app.suggested_destination()
        && suggested != app.destination_input.trim()
    {
        col = col.push(
            row![
                column![
                    text(fl!(lang, "gui-destination-suggestion")).size(style::BODY_SIZE),
                    text(suggested.clone())
                        .font(style::MONO)
                        .size(style::BODY_SIZE),
                ]
                .spacing(4)
                .width(Fill),
                crate::gui::widgets::copy_button(app, "destination-suggested".into(), suggested),
                focus::press(
                    button(text(fl!(lang, "gui-use-suggestion")).size(style::SMALL_SIZE))
                        .style(button::secondary),
                    Some(Message::UseSuggestedDestination)
                ),
            ]
            .spacing(10)
            .align_y(Alignment::Center),
        );
    }
    if matches!(app.destination(), Some(Ok(_))) {
        for check in content_view::checks(app, &c) {
            col = col.push(check);
        }
    } else {
        col = col.push(hint(fl!(lang, "gui-destination-empty")));
    }
    // Saving the server in the console is the step's confirmation.
    col = col.push(content_view::actions(app, &c));
    column![col].into()
}

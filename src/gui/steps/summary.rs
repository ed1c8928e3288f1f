//! Step 7: where the domain stands, what is left, and the export.

use iced::widget::{Column, container, row, text};
use iced::{Alignment, Element, Fill};

use crate::fl;
use crate::gui::content_view;
use crate::gui::export::Kind;
use crate::gui::widgets::{action_button, badge, heading, hint, para, title};
use crate::gui::{App, Message, style};
use crate::step::Step;

pub fn view(app: &App) -> Element<'_, Message> {
    let lang = app.lang;
    let c = content_view::content(app, Step::Summary);
    let mut col = Column::new().spacing(14);
    col = col.push(title(c.title.clone()));
    let mut table = Column::new().spacing(6);
    for check in &c.checks {
        // The step's short name, as the step list shows it.
        let name = crate::content::step_name(lang, check.step);
        table = table.push(
            row![
                text(name)
                    .size(style::SMALL_SIZE)
                    .style(style::muted)
                    .width(160),
                text(check.title.clone()).size(style::BODY_SIZE).width(Fill),
                badge(app, check.status),
            ]
            .spacing(10)
            .align_y(Alignment::Center),
        );
    }
    col = col.push(container(table).padding(14).width(Fill).style(style::card));
    col = col.push(crate::gui::steps::testmail::open_button(app));
    col = col.push(heading(fl!(lang, "gui-summary-left")));
    for p in &c.explanation {
        col = col.push(para(p.clone()));
    }
    for item in &c.left {
        col = col.push(text(format!("• {item}")).size(style::BODY_SIZE));
    }
    // The way back, in the order that keeps mail flowing.
    col = col.push(heading(fl!(lang, "rollback-title")));
    for line in &c.rollback {
        col = col.push(para(line.clone()));
    }
    col = col.push(heading(fl!(lang, "gui-summary-export")));
    let ready = app.current_outcome().is_some();
    let action = |label: String, message: Message, primary: bool| {
        action_button(label, ready.then_some(message), primary)
    };
    col = col.push(
        row![
            action(
                fl!(lang, "gui-export"),
                Message::Export(Kind::Checklist),
                true
            ),
            action(
                fl!(lang, "gui-copy-all-records"),
                Message::CopyAllRecords,
                false
            ),
            action(
                fl!(lang, "gui-save-zone"),
                Message::Export(Kind::Zone),
                false
            ),
            action(
                fl!(lang, "gui-save-text"),
                Message::Export(Kind::Text),
                false
            ),
        ]
        .spacing(10)
        .wrap(),
    );
    if app.copied.as_ref().is_some_and(|(k, _)| k == "all-records") {
        col = col.push(hint(fl!(lang, "gui-copied")));
    }
    col.into()
}

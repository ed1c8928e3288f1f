//! Step 7: where the domain stands, what is left, and the export.

use iced::widget::{Column, button, container, row, text};
use iced::{Alignment, Element, Fill};

use crate::check::Status;
use crate::fl;
use crate::gui::export::Kind;
use crate::gui::widgets::{badge, heading, hint, para, title};
use crate::gui::{App, Message, focus, style};
use crate::render;
use crate::step::Step;

pub fn view(app: &App) -> Element<'_, Message> {
    let lang = app.lang;
    let mut col = Column::new().spacing(14);
    col = col.push(title(fl!(lang, "gui-summary-title")));
    let mut table = Column::new().spacing(6);
    let mut left: Vec<String> = Vec::new();
    for step in Step::ALL {
        let name =
            crate::localize::text(lang, &format!("step-{}", step.id()), &[]).unwrap_or_default();
        for id in step.checks() {
            let result = app.report().and_then(|r| r.get(*id));
            table = table.push(
                row![
                    text(name.clone())
                        .size(style::SMALL_SIZE)
                        .style(style::muted)
                        .width(160),
                    text(render::check_title(lang, *id))
                        .size(style::BODY_SIZE)
                        .width(Fill),
                    badge(app, result.map(|r| r.status)),
                ]
                .spacing(10)
                .align_y(Alignment::Center),
            );
            if let Some(r) = result
                && r.status != Status::Pass
                && let Some(p) = r.problems.first()
            {
                left.push(format!(
                    "{} — {}",
                    render::check_title(lang, *id),
                    render::problem_message(lang, *id, p)
                ));
            }
        }
        if step.is_manual() && step.state(app.report(), &app.done).status != Some(Status::Pass) {
            left.push(fl!(lang, "gui-summary-manual", step = name));
        }
    }
    col = col.push(container(table).padding(14).width(Fill).style(style::card));
    col = col.push(heading(fl!(lang, "gui-summary-left")));
    if left.is_empty() && app.report().is_some() {
        col = col.push(para(fl!(lang, "gui-summary-all-done")));
    } else {
        for item in left {
            col = col.push(text(format!("• {item}")).size(style::BODY_SIZE));
        }
    }
    // The way back, in the order that keeps mail flowing.
    col = col.push(heading(fl!(lang, "rollback-title")));
    for line in render::rollback_steps(lang, app.platform, app.provider().mx.ttl) {
        col = col.push(para(line));
    }
    col = col.push(heading(fl!(lang, "gui-summary-export")));
    let ready = app.current_outcome().is_some();
    let action = |label: String, message: Message, primary: bool| {
        focus::press(
            button(text(label).size(style::BODY_SIZE))
                .padding([8, 14])
                .style(if primary {
                    button::primary
                } else {
                    button::secondary
                }),
            ready.then_some(message),
        )
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

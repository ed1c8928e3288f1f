//! Step 6: only the gateway should reach the mail server.

use iced::widget::{Column, row, text};
use iced::{Alignment, Element, Fill};

use crate::fl;
use crate::gui::widgets::{copy_button, done_by_hand, note, para, title};
use crate::gui::{App, Message, style};
use crate::platform::Platform;
use crate::step::Step;

pub fn view(app: &App) -> Element<'_, Message> {
    let lang = app.lang;
    let provider = app.provider();
    let mut col = Column::new().spacing(14);
    col = col.push(title(fl!(lang, "step-lockdown")));
    col = col.push(para(fl!(lang, "gui-lockdown-why")));
    col = col.push(para(match app.platform {
        Platform::Microsoft365 => fl!(lang, "gui-lockdown-m365"),
        Platform::GoogleWorkspace => fl!(lang, "gui-lockdown-google"),
        Platform::OwnServer | Platform::Other => fl!(lang, "gui-lockdown-how"),
    }));
    col = col.push(note(fl!(lang, "gui-lockdown-ranges")));
    col = col.push(
        row![
            text(fl!(
                lang,
                "gui-lockdown-ask",
                email = provider.support_email.as_str()
            ))
            .size(style::BODY_SIZE)
            .width(Fill),
            copy_button(app, "support-email".into(), provider.support_email.clone()),
        ]
        .spacing(10)
        .align_y(Alignment::Center),
    );
    col = col.push(done_by_hand(app, Step::Lockdown));
    col.into()
}

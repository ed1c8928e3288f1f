//! One view per step of the onboarding guide.

pub mod dkim_state;
mod dns;
mod lockdown;
pub mod lockdown_state;
mod publish;
pub mod publish_state;
mod start;
mod summary;
pub mod testmail;
pub mod testmail_state;

use iced::Element;

pub use dns::DKIM_INPUT;
pub use lockdown::SMART_HOST_INPUT;
pub use publish::field_id as publish_field_id;
pub use start::{DESTINATION_INPUT, DOMAIN_INPUT};

use super::{App, Message};
use crate::step::Step;

pub fn view(app: &App) -> Element<'_, Message> {
    // "Test with a real message" shows over the step it was opened from.
    if app.testmail.open {
        return testmail::view(app);
    }
    let body = body(app);
    match crate::gui::widgets::waiting_banner(app, app.step) {
        Some(banner) => iced::widget::column![banner, body].spacing(14).into(),
        None => body,
    }
}

fn body(app: &App) -> Element<'_, Message> {
    match app.step {
        Step::Start => start::view(app),
        Step::Destination => start::destination(app),
        Step::Spf => dns::spf(app),
        Step::Dkim => dns::dkim(app),
        Step::Dmarc => dns::dmarc(app),
        Step::Mx => dns::mx(app),
        Step::Lockdown => lockdown::view(app),
        Step::Summary => summary::view(app),
    }
}

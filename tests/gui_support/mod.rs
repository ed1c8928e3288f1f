//! Shared by the window's tests: running what `update` returns until
//! nothing is left, and reading what the view draws.

#![allow(dead_code)]

use std::time::Duration;

use esm_assistant::gui::{self, App, Message};
use futures::StreamExt;
use iced::Task;
use iced_test::Simulator;
use iced_test::runtime::Action;
use iced_test::runtime::task::into_stream;
use iced_test::selector::Candidate;

/// Runs `task`, feeds what it produces to `update`, and runs what that
/// returns, until nothing is left.
pub async fn settle(app: &mut App, task: Task<Message>) {
    let mut pending = vec![task];
    while let Some(task) = pending.pop() {
        let Some(mut stream) = into_stream(task) else {
            continue;
        };
        while let Ok(Some(action)) =
            tokio::time::timeout(Duration::from_secs(15), stream.next()).await
        {
            if let Action::Output(message) = action {
                pending.push(app.update(message));
            }
        }
    }
}

/// Sends one message and settles what follows.
pub async fn send(app: &mut App, message: Message) {
    let task = app.update(message);
    settle(app, task).await;
}

/// The view in a simulator of `size`, with the window's fonts.
pub fn simulator(app: &App, size: (f32, f32)) -> Simulator<'_, Message> {
    Simulator::with_size(
        iced::Settings {
            fonts: gui::fonts(),
            default_font: gui::DEFAULT_FONT,
            ..iced::Settings::default()
        },
        size,
        app.view(),
    )
}

/// Every text the window draws now, in order, in a window tall enough
/// for the longest page; the word joiner that keeps "e-securemail" whole
/// is taken out.
pub fn texts(app: &App) -> Vec<String> {
    let mut sim = simulator(app, (1280.0, 5000.0));
    let mut all = Vec::new();
    // The selector never matches: it sees every text of the tree.
    let _ = sim.find(|c: Candidate<'_>| {
        if let Candidate::Text { content, .. } = c {
            all.push(content.replace('\u{2060}', ""));
        }
        None::<()>
    });
    all
}

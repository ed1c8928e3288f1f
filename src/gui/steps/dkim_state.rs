//! What the DKIM step holds: the public key pasted from the platform's
//! console, and what it was found to be.

use iced::widget::text_editor;

use crate::dkim::{self, ConsoleKey, InvalidKey};

#[derive(Debug, Clone)]
pub enum Message {
    /// The key field was edited.
    KeyEdited(text_editor::Action),
}

/// What the root does for the step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event {
    /// The key changed: save it, and check it once typing pauses.
    KeyChanged,
}

pub struct Dkim {
    pub editor: text_editor::Content,
    /// The key as read; `None` while the field is empty.
    pub key: Option<Result<ConsoleKey, InvalidKey>>,
    /// The last edit of the key was refused: the key would have been longer
    /// than [`dkim::MAX_KEY_BYTES`].
    pub too_long: bool,
}

impl Dkim {
    /// The step as saved.
    pub fn new(key: &str) -> Dkim {
        let mut step = Dkim {
            editor: text_editor::Content::with_text(key),
            key: None,
            too_long: false,
        };
        step.key = step.parse();
        step
    }

    pub fn update(&mut self, message: Message) -> Option<Event> {
        match message {
            Message::KeyEdited(action) => {
                if !action.is_edit() {
                    self.editor.perform(action);
                    return None;
                }
                let limit = usize::try_from(dkim::MAX_KEY_BYTES).unwrap_or(usize::MAX);
                self.too_long = !super::super::edit_within(&mut self.editor, action, limit);
                if self.too_long {
                    return None;
                }
                self.key = self.parse();
                Some(Event::KeyChanged)
            }
        }
    }

    fn parse(&self) -> Option<Result<ConsoleKey, InvalidKey>> {
        let text = self.editor.text();
        (!text.trim().is_empty()).then(|| dkim::normalise_console_key(&text))
    }
}

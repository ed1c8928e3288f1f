//! Where "Copy" puts text: the system clipboard (arboard), kept open for the
//! life of the window since on X11 the text lives only while its owner runs;
//! or, in tests, memory.

pub enum Clipboard {
    System(arboard::Clipboard),
    /// For tests: the last text copied.
    Memory(String),
    /// No clipboard could be opened; the reason is shown when copying.
    Unavailable(String),
}

impl std::fmt::Debug for Clipboard {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Clipboard::System(_) => f.write_str("Clipboard::System"),
            Clipboard::Memory(text) => write!(f, "Clipboard::Memory({text:?})"),
            Clipboard::Unavailable(why) => write!(f, "Clipboard::Unavailable({why:?})"),
        }
    }
}

impl Clipboard {
    /// The system clipboard, or the reason it cannot be used.
    pub fn system() -> Clipboard {
        match arboard::Clipboard::new() {
            Ok(c) => Clipboard::System(c),
            Err(e) => Clipboard::Unavailable(e.to_string()),
        }
    }

    /// Puts exactly `text` on the clipboard.
    pub fn set(&mut self, text: &str) -> Result<(), String> {
        match self {
            Clipboard::System(c) => c.set_text(text.to_string()).map_err(|e| e.to_string()),
            Clipboard::Memory(m) => {
                *m = text.to_string();
                Ok(())
            }
            Clipboard::Unavailable(why) => Err(why.clone()),
        }
    }

    /// What the clipboard holds now, as text.
    pub fn get(&mut self) -> Option<String> {
        match self {
            Clipboard::System(c) => c.get_text().ok(),
            Clipboard::Memory(m) => Some(m.clone()),
            Clipboard::Unavailable(_) => None,
        }
    }
}

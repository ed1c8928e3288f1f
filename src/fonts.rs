//! The embedded fonts (DejaVu, see `assets/fonts/LICENSE-DejaVu.txt`): the
//! same in the window and in the printed checklist, accents and symbols
//! included, whatever the system has installed.

pub const SANS: &[u8] = include_bytes!("../assets/fonts/DejaVuSans.ttf");
pub const SANS_BOLD: &[u8] = include_bytes!("../assets/fonts/DejaVuSans-Bold.ttf");
pub const MONO: &[u8] = include_bytes!("../assets/fonts/DejaVuSansMono.ttf");

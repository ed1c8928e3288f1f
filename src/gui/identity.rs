//! How the desktop recognises the window: its icon and its application id.

/// The application id: the Wayland app_id and the X11 WM_CLASS. The desktop
/// matches it with `packaging/linux/net.e_securemail.Assistant.desktop`
/// (its file name, and its StartupWMClass) to show the right icon and name
/// in the taskbar. Reverse DNS of e-securemail.net, whose hyphen is not
/// allowed in an id.
pub const APP_ID: &str = "net.e_securemail.Assistant";

/// The title bar's icon on X11 and Windows, drawn by `packaging/icons.sh`.
/// (macOS and Wayland take the icon from the bundle or the .desktop file.)
const ICON_RGBA: &[u8] = include_bytes!("../../assets/icon/esm-assistant-64.rgba");
const ICON_SIZE: u32 = 64;

/// The window's icon; `None` (the system's default) if the embedded pixels
/// were ever the wrong size, which the tests rule out.
pub fn icon() -> Option<iced::window::Icon> {
    iced::window::icon::from_rgba(ICON_RGBA.to_vec(), ICON_SIZE, ICON_SIZE).ok()
}

/// The settings the window system reads the application id from.
pub fn platform_specific() -> iced::window::settings::PlatformSpecific {
    #[cfg(target_os = "linux")]
    {
        iced::window::settings::PlatformSpecific {
            application_id: APP_ID.to_owned(),
            ..Default::default()
        }
    }
    #[cfg(not(target_os = "linux"))]
    {
        iced::window::settings::PlatformSpecific::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_window_icon_is_whole_and_not_blank() {
        assert_eq!(ICON_RGBA.len(), (ICON_SIZE * ICON_SIZE * 4) as usize);
        assert!(icon().is_some());
        // Transparent corners, an opaque middle: the shield is drawn.
        let alpha = |x: u32, y: u32| ICON_RGBA[((y * ICON_SIZE + x) * 4 + 3) as usize];
        assert_eq!(alpha(0, 0), 0);
        assert_eq!(alpha(32, 32), 255);
    }

    #[test]
    fn the_desktop_file_names_the_same_application_id() {
        let desktop = include_str!("../../packaging/linux/net.e_securemail.Assistant.desktop");
        assert!(desktop.contains(&format!("StartupWMClass={APP_ID}\n")));
        let metainfo =
            include_str!("../../packaging/linux/net.e_securemail.Assistant.metainfo.xml");
        assert!(metainfo.contains(&format!("<id>{APP_ID}</id>")));
        assert!(metainfo.contains(&format!("{APP_ID}.desktop")));
    }
}

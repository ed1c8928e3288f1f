//! Google Workspace: the inbound gateway settings that make Gmail accept
//! mail for the domain from the gateway only.

use super::ranges::GatewayRanges;

/// One setting to enter: its label (a message id), and its value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Setting {
    /// Message id of the setting's name as the Admin console shows it.
    pub label: &'static str,
    pub value: String,
}

/// The settings, in the order the Admin console shows them. The ranges
/// hold no private address, which Google would refuse: [`GatewayRanges`]
/// cannot.
pub fn settings(ranges: &GatewayRanges) -> Vec<Setting> {
    let public: Vec<String> = ranges.networks().iter().map(ToString::to_string).collect();
    vec![
        Setting {
            label: "google-gateway-ips",
            value: public.join("\n"),
        },
        Setting {
            label: "google-reject-others",
            value: "on".into(),
        },
        Setting {
            label: "google-require-tls",
            value: "on".into(),
        },
        Setting {
            label: "google-detect-external-ip",
            value: "on".into(),
        },
    ]
}

//! Google Workspace: the inbound gateway settings that make Gmail accept
//! mail for the domain from the gateway only.

use ipnet::IpNet;

use super::ranges::GatewayRanges;

/// One setting to enter: its label (a message id), and its value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Setting {
    /// Message id of the setting's name as the Admin console shows it.
    pub label: &'static str,
    pub value: String,
}

/// The settings, in the order the Admin console shows them. Private
/// addresses are refused by Google and left out.
pub fn settings(ranges: &GatewayRanges) -> Vec<Setting> {
    let public: Vec<String> = ranges
        .networks
        .iter()
        .filter(|n| !is_private(n))
        .map(ToString::to_string)
        .collect();
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

fn is_private(net: &IpNet) -> bool {
    match net {
        IpNet::V4(n) => {
            let a = n.network();
            a.is_private() || a.is_loopback() || a.is_link_local()
        }
        IpNet::V6(n) => {
            let a = n.network();
            a.is_loopback() || (a.segments()[0] & 0xfe00) == 0xfc00
        }
    }
}

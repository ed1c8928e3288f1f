//! Going back: the order in which to undo the lock-down and the MX switch,
//! per platform. The restriction is always lifted before the MX goes back,
//! or mail arriving directly at the old server is refused (550 5.7.51 at
//! Microsoft 365).
//!
//! Steps are message ids with arguments, so that the command line, the
//! window and the PDF say the same in either language.

use super::firewall::Format;
use super::microsoft::{INBOUND, OUTBOUND};
use super::quote::ps;
use super::words;
use crate::domain::DomainName;
use crate::localize::Lang;
use crate::platform::Platform;

/// One step: a message id and its arguments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    pub id: &'static str,
    pub args: Vec<(&'static str, String)>,
}

impl Step {
    fn new(id: &'static str) -> Step {
        Step {
            id,
            args: Vec::new(),
        }
    }

    fn arg(mut self, name: &'static str, value: impl ToString) -> Step {
        self.args.push((name, value.to_string()));
        self
    }
}

/// The steps to go back, in order, then a note on why the order matters.
/// `ttl` is the gateway's MX TTL in seconds: senders keep its records that
/// long after the MX is changed back.
pub fn steps(platform: Platform, ttl: u32) -> (Vec<Step>, Step) {
    match platform {
        Platform::Microsoft365 => (
            vec![
                Step::new("rollback-m365-connectors")
                    .arg("inbound", INBOUND)
                    .arg("outbound", OUTBOUND),
                Step::new("rollback-m365-mx"),
                Step::new("rollback-wait").arg("ttl", ttl),
            ],
            Step::new("rollback-m365-why"),
        ),
        Platform::GoogleWorkspace => (
            vec![
                Step::new("rollback-google-reject"),
                Step::new("rollback-google-mx"),
                Step::new("rollback-google-gateway").arg("ttl", ttl),
            ],
            Step::new("rollback-google-why"),
        ),
        Platform::OwnServer | Platform::Other => (
            vec![
                Step::new("rollback-server-rules"),
                Step::new("rollback-server-mx"),
                Step::new("rollback-wait").arg("ttl", ttl),
            ],
            Step::new("rollback-server-why"),
        ),
    }
}

/// The Exchange Online PowerShell that lifts the restriction: run before
/// the MX goes back. Comments in the admin's language.
pub fn exchange_online(
    lang: Lang,
    domain: &DomainName,
    ttl: u32,
    date: chrono::NaiveDate,
) -> String {
    let say = |id: &str, args: &[(&str, String)]| words::comment(lang, id, args, "#");
    let d = || ("domain", domain.ascii().to_string());
    let mut s = say("script-rollback-m365-title", &[d()]);
    s.push_str(&say(
        "script-made-on",
        &[("date", date.format("%Y-%m-%d").to_string())],
    ));
    s.push_str(&say("script-rollback-m365-before", &[]));
    s.push_str(&format!(
        "Connect-ExchangeOnline\n\n$Inbound = {inbound}\n$Outbound = {outbound}\n\n",
        inbound = ps(INBOUND),
        outbound = ps(OUTBOUND),
    ));
    s.push_str(&say("script-rollback-m365-inbound", &[]));
    s.push_str(
        "if (Get-InboundConnector -Identity $Inbound -ErrorAction SilentlyContinue) {\n    \
         Set-InboundConnector -Identity $Inbound -RestrictDomainsToIPAddresses $false\n\
         }\n\n",
    );
    s.push_str(&say("script-rollback-m365-outbound", &[]));
    s.push_str(
        "if (Get-OutboundConnector -Identity $Outbound -ErrorAction SilentlyContinue) {\n    \
         Set-OutboundConnector -Identity $Outbound -Enabled $false\n\
         }\n\n",
    );
    s.push_str(&say("script-rollback-m365-mx", &[d()]));
    s.push_str(&say(
        "script-rollback-m365-delete",
        &[("ttl", ttl.to_string())],
    ));
    s.push_str(
        "#    Remove-InboundConnector -Identity $Inbound -Confirm:$false\n\
         #    Remove-OutboundConnector -Identity $Outbound -Confirm:$false\n",
    );
    s
}

/// The commands that remove the rules [`super::firewall::rules`] gave,
/// in the same format.
pub fn server(lang: Lang, format: Format) -> String {
    let say = |id: &str, args: &[(&str, String)]| words::comment(lang, id, args, "#");
    let comment_char = if format == Format::Appliance { "" } else { "#" };
    let mut s = String::new();
    if format == Format::Iptables {
        s.push_str("#!/bin/sh\n");
    }
    s.push_str(&words::comment(
        lang,
        "script-rollback-server-title",
        &[],
        comment_char,
    ));
    match format {
        Format::Nftables => {
            s.push_str(&say("script-run-as-root", &[]));
            s.push_str("nft delete table inet esm_gateway\n");
        }
        Format::Iptables => {
            s.push_str(&say("script-rollback-iptables", &[]));
            s.push_str(
                "for tool in iptables ip6tables; do\n    \
                 if $tool -C INPUT -p tcp --dport 25 -j ESM_SMTP 2>/dev/null; then\n        \
                 $tool -D INPUT -p tcp --dport 25 -j ESM_SMTP\n        \
                 $tool -F ESM_SMTP\n        \
                 $tool -X ESM_SMTP\n    \
                 elif $tool -C INPUT -p tcp --dport 25 -j DROP 2>/dev/null; then\n        \
                 $tool -D INPUT -p tcp --dport 25 -j DROP\n    \
                 fi\n\
                 done\n",
            );
        }
        Format::Windows => {
            s.push_str(&say("script-rollback-windows", &[]));
            s.push_str("Set-NetFirewallRule -DisplayName 'SMTP from the e-securemail gateway' -RemoteAddress Any\n");
            s.push_str(&say("script-rollback-windows-others", &[]));
            s.push_str(
                "# Get-NetFirewallRule -DisplayName '<name>' | Enable-NetFirewallRule\n\
                 # Remove-NetFirewallRule -DisplayName 'SMTP from the e-securemail gateway'\n",
            );
        }
        Format::Exchange => {
            s.push_str(&say("script-rollback-exchange", &[]));
            s.push_str(
                "$Connector = \"$env:COMPUTERNAME\\Default Frontend $env:COMPUTERNAME\"\n\
                 Set-ReceiveConnector -Identity $Connector -RemoteIPRanges '0.0.0.0-255.255.255.255', '::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff'\n\
                 Get-ReceiveConnector -Identity $Connector | Format-List Identity, Bindings, RemoteIPRanges\n",
            );
        }
        Format::Postfix => {
            s.push_str("#\n");
            s.push_str(&say("script-rollback-postfix-remove", &[]));
            s.push_str("#    check_client_access cidr:/etc/postfix/esm_gateway.cidr, reject\n");
            s.push_str(&words::comment(
                lang,
                "script-rollback-postfix-from",
                &[],
                "#   ",
            ));
            s.push_str(
                &say("script-apply", &[("n", "2".into())]).replace('\n', " postfix reload\n"),
            );
            s.push_str(&say(
                "script-delete-file",
                &[
                    ("n", "3".into()),
                    ("file", "/etc/postfix/esm_gateway.cidr".into()),
                ],
            ));
        }
        Format::Appliance => {
            s.push('\n');
            s.push_str(&words::say(lang, "script-rollback-appliance", &[]));
            s.push('\n');
        }
    }
    s
}

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
use crate::domain::DomainName;
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
/// the MX goes back. Comments are in English, as the cmdlets are.
pub fn exchange_online(domain: &DomainName, ttl: u32, date: chrono::NaiveDate) -> String {
    format!(
        "# Going back from the e-securemail gateway for {domain} - Exchange Online.\n\
         # Made on {date} by the e-securemail setup assistant.\n\
         # Run it BEFORE the MX goes back to Microsoft 365: while the inbound\n\
         # connector accepts mail from the gateway only, Microsoft refuses mail\n\
         # arriving directly (550 5.7.51).\n\
         Connect-ExchangeOnline\n\n\
         $Inbound = {inbound}\n\
         $Outbound = {outbound}\n\n\
         # 1. Inbound: accept mail for the domain from any sender again.\n\
         if (Get-InboundConnector -Identity $Inbound -ErrorAction SilentlyContinue) {{\n    \
         Set-InboundConnector -Identity $Inbound -RestrictDomainsToIPAddresses $false\n\
         }}\n\n\
         # 2. Outbound: stop sending mail out through the gateway.\n\
         if (Get-OutboundConnector -Identity $Outbound -ErrorAction SilentlyContinue) {{\n    \
         Set-OutboundConnector -Identity $Outbound -Enabled $false\n\
         }}\n\n\
         # 3. Now put the domain's MX back to Microsoft 365 at your DNS host: the\n\
         #    value is shown in the Microsoft 365 admin centre, Settings > Domains >\n\
         #    {domain} > DNS records (<tenant>.mail.protection.outlook.com).\n\
         # 4. Once {ttl} seconds (the gateway MX records' TTL) have passed, delete\n\
         #    the connectors:\n\
         #    Remove-InboundConnector -Identity $Inbound -Confirm:$false\n\
         #    Remove-OutboundConnector -Identity $Outbound -Confirm:$false\n",
        domain = domain.ascii(),
        date = date.format("%Y-%m-%d"),
        inbound = ps(INBOUND),
        outbound = ps(OUTBOUND),
    )
}

/// The commands that remove the rules [`super::firewall::rules`] gave,
/// in the same format.
pub fn server(format: Format) -> String {
    let body = match format {
        Format::Nftables => "# Run as root:\nnft delete table inet esm_gateway\n",
        Format::Iptables => {
            "#!/bin/sh\n\
             # Removes the ESM_SMTP chain, or the DROP rule added for an address\n\
             # family the gateway has no address in.\n\
             for tool in iptables ip6tables; do\n    \
             if $tool -C INPUT -p tcp --dport 25 -j ESM_SMTP 2>/dev/null; then\n        \
             $tool -D INPUT -p tcp --dport 25 -j ESM_SMTP\n        \
             $tool -F ESM_SMTP\n        \
             $tool -X ESM_SMTP\n    \
             elif $tool -C INPUT -p tcp --dport 25 -j DROP 2>/dev/null; then\n        \
             $tool -D INPUT -p tcp --dport 25 -j DROP\n    \
             fi\n\
             done\n"
        }
        Format::Windows => {
            "# Run in an elevated PowerShell on the mail server. The gateway's rule\n\
             # allows port 25 from any address again: Windows Firewall blocks what no\n\
             # rule allows, so deleting it alone would close the port.\n\
             Set-NetFirewallRule -DisplayName 'SMTP from the e-securemail gateway' -RemoteAddress Any\n\
             # If you disabled other rules that allowed port 25, you may enable them\n\
             # again, then delete this one:\n\
             # Get-NetFirewallRule -DisplayName '<name>' | Enable-NetFirewallRule\n\
             # Remove-NetFirewallRule -DisplayName 'SMTP from the e-securemail gateway'\n"
        }
        Format::Exchange => {
            "# Run in the Exchange Management Shell on the mail server: the connector\n\
             # takes mail from any address again (its default ranges).\n\
             $Connector = \"$env:COMPUTERNAME\\Default Frontend $env:COMPUTERNAME\"\n\
             Set-ReceiveConnector -Identity $Connector -RemoteIPRanges '0.0.0.0-255.255.255.255', '::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff'\n\
             Get-ReceiveConnector -Identity $Connector | Format-List Identity, Bindings, RemoteIPRanges\n"
        }
        Format::Postfix => {
            "#\n# 1. In /etc/postfix/main.cf, remove\n\
             #    check_client_access cidr:/etc/postfix/esm_gateway.cidr, reject\n\
             #    from smtpd_client_restrictions (or put back the value you had).\n\
             # 2. Apply: postfix reload\n\
             # 3. Delete /etc/postfix/esm_gateway.cidr\n"
        }
    };
    let mut s = String::new();
    let (shebang, rest) = match body.strip_prefix("#!/bin/sh\n") {
        Some(rest) => ("#!/bin/sh\n", rest),
        None => ("", body),
    };
    s.push_str(shebang);
    s.push_str(
        "# Going back from the e-securemail gateway: remove this restriction on\n\
         # port 25 BEFORE the MX goes back to this server, or mail arriving\n\
         # directly is refused.\n",
    );
    s.push_str(rest);
    s
}

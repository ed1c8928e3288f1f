//! Rules that let only the gateway reach a mail server on port 25, for the
//! usual firewalls and mail servers.

use ipnet::IpNet;

use super::guard::{MxGuard, comment_block};
use super::quote::ps;
use super::ranges::{GatewayRanges, Source};

/// The formats rules can be written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    Nftables,
    Iptables,
    /// Windows Defender Firewall, in PowerShell.
    Windows,
    /// An Exchange Server receive connector, in the Exchange Management Shell.
    Exchange,
    Postfix,
}

impl Format {
    pub const ALL: [Format; 5] = [
        Format::Nftables,
        Format::Iptables,
        Format::Windows,
        Format::Exchange,
        Format::Postfix,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Format::Nftables => "nftables",
            Format::Iptables => "iptables",
            Format::Windows => "windows",
            Format::Exchange => "exchange",
            Format::Postfix => "postfix",
        }
    }

    /// Extension of a saved file.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Nftables => "nft",
            Format::Iptables => "sh",
            Format::Windows | Format::Exchange => "ps1",
            Format::Postfix => "txt",
        }
    }
}

fn header(guard: &MxGuard, ranges: &GatewayRanges, support_email: &str, comment: &str) -> String {
    let source = match ranges.source() {
        Source::Spf { include } => format!(
            "published in the gateway's SPF record ({include}): confirm them with {support_email}"
        ),
        Source::Support => format!("as given by {support_email}"),
    };
    format!(
        "{comment} SMTP (port 25) from the e-securemail gateway only.\n{comment} The gateway's addresses, {source}.\n{comment}\n{}",
        comment_block(guard, comment)
    )
}

fn split(ranges: &GatewayRanges) -> (Vec<IpNet>, Vec<IpNet>) {
    ranges
        .networks()
        .iter()
        .partition(|n| matches!(n, IpNet::V4(_)))
}

/// `$GatewayRanges = @('…', '…')` for the PowerShell formats.
fn ps_ranges(ranges: &GatewayRanges) -> String {
    let list: Vec<String> = ranges
        .networks()
        .iter()
        .map(|n| ps(&n.to_string()))
        .collect();
    format!("$GatewayRanges = @({})\n", list.join(", "))
}

/// The rules in `format`.
pub fn rules(
    format: Format,
    guard: &MxGuard,
    ranges: &GatewayRanges,
    support_email: &str,
) -> String {
    let (v4, v6) = split(ranges);
    let join = |nets: &[IpNet], sep: &str| {
        nets.iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(sep)
    };
    match format {
        Format::Nftables => {
            let mut s = header(guard, ranges, support_email, "#");
            s.push_str("# Load with: nft -f <this file>\n");
            s.push_str("table inet esm_gateway {\n");
            if !v4.is_empty() {
                s.push_str(&format!(
                    "    set gateway4 {{\n        type ipv4_addr\n        flags interval\n        elements = {{ {} }}\n    }}\n",
                    join(&v4, ", ")
                ));
            }
            if !v6.is_empty() {
                s.push_str(&format!(
                    "    set gateway6 {{\n        type ipv6_addr\n        flags interval\n        elements = {{ {} }}\n    }}\n",
                    join(&v6, ", ")
                ));
            }
            s.push_str("    chain input {\n        type filter hook input priority filter - 10; policy accept;\n");
            if !v4.is_empty() {
                s.push_str("        tcp dport 25 ip saddr @gateway4 accept\n");
            }
            if !v6.is_empty() {
                s.push_str("        tcp dport 25 ip6 saddr @gateway6 accept\n");
            }
            s.push_str("        tcp dport 25 drop\n    }\n}\n");
            s
        }
        Format::Iptables => {
            let mut s = String::from("#!/bin/sh\n");
            s.push_str(&header(guard, ranges, support_email, "#"));
            s.push_str("set -e\n");
            for (tool, nets) in [("iptables", &v4), ("ip6tables", &v6)] {
                if nets.is_empty() {
                    // No gateway address in this family: nobody may connect.
                    s.push_str(&format!("{tool} -I INPUT -p tcp --dport 25 -j DROP\n"));
                    continue;
                }
                s.push_str(&format!("{tool} -N ESM_SMTP\n"));
                for n in nets.iter() {
                    s.push_str(&format!("{tool} -A ESM_SMTP -s {n} -j ACCEPT\n"));
                }
                s.push_str(&format!("{tool} -A ESM_SMTP -j DROP\n"));
                s.push_str(&format!("{tool} -I INPUT -p tcp --dport 25 -j ESM_SMTP\n"));
            }
            s
        }
        Format::Windows => {
            let mut s = header(guard, ranges, support_email, "#");
            s.push_str("# Run in an elevated PowerShell on the mail server.\n");
            s.push_str(&ps_ranges(ranges));
            s.push_str(
                "New-NetFirewallRule -DisplayName 'SMTP from the e-securemail gateway' -Direction Inbound -Protocol TCP -LocalPort 25 -RemoteAddress $GatewayRanges -Action Allow\n\n\
                 # Windows Firewall blocks what no rule allows; other rules that allow\n\
                 # port 25 from anywhere must go. They are listed here; disable them\n\
                 # once checked by removing the '#' of the last line.\n\
                 $Others = Get-NetFirewallPortFilter -Protocol TCP | Where-Object LocalPort -eq 25 | Get-NetFirewallRule | Where-Object { $_.DisplayName -ne 'SMTP from the e-securemail gateway' -and $_.Action -eq 'Allow' -and $_.Direction -eq 'Inbound' }\n\
                 $Others | Format-Table DisplayName, Enabled, Profile\n\
                 # $Others | Disable-NetFirewallRule\n",
            );
            s
        }
        Format::Exchange => {
            let mut s = header(guard, ranges, support_email, "#");
            s.push_str("# Run in the Exchange Management Shell on the mail server. The connector\n# that receives mail from the Internet then takes it from the gateway only.\n");
            s.push_str(&ps_ranges(ranges));
            s.push_str("$Connector = \"$env:COMPUTERNAME\\Default Frontend $env:COMPUTERNAME\"\n");
            s.push_str(
                "Set-ReceiveConnector -Identity $Connector -RemoteIPRanges $GatewayRanges\n",
            );
            s.push_str("Get-ReceiveConnector -Identity $Connector | Format-List Identity, Bindings, RemoteIPRanges\n");
            s
        }
        Format::Postfix => {
            let mut s = header(guard, ranges, support_email, "#");
            s.push_str("#\n# 1. Create /etc/postfix/esm_gateway.cidr with these lines:\n");
            for n in ranges.networks() {
                s.push_str(&format!("{n}\tOK\n"));
            }
            s.push_str(
                "#\n# 2. In /etc/postfix/main.cf (the submission port, 587, keeps its own\n#    restrictions in master.cf):\n\
                 smtpd_client_restrictions = permit_mynetworks, check_client_access cidr:/etc/postfix/esm_gateway.cidr, reject\n\
                 #\n# 3. Apply: postfix reload\n",
            );
            s
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_format_closes_both_address_families() {
        let v4_only = crate::lockdown::ranges::parse_list("85.31.212.0/24").unwrap();
        let domain = crate::domain::DomainName::parse("exemple.fr").unwrap();
        let hosts = [crate::domain::DomainName::parse_host("mx1.example.net").unwrap()];
        let guard = MxGuard {
            domain: &domain,
            gateway_mx: &hosts,
        };
        let ipt = rules(Format::Iptables, &guard, &v4_only, "support@secuserve.com");
        assert!(
            ipt.contains("ip6tables -I INPUT -p tcp --dport 25 -j DROP"),
            "{ipt}"
        );
        let nft = rules(Format::Nftables, &guard, &v4_only, "support@secuserve.com");
        assert!(nft.contains("tcp dport 25 drop"), "{nft}");
    }
}

//! Rules that let only the gateway reach a mail server on port 25, for the
//! usual firewalls and mail servers.

use ipnet::IpNet;

use super::guard::{MxGuard, comment_block};
use super::quote::ps;
use super::ranges::{GatewayRanges, Source};
use super::words;
use crate::localize::Lang;

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
    /// A plain rule, in words, for a firewall appliance in front of the server.
    Appliance,
}

impl Format {
    pub const ALL: [Format; 6] = [
        Format::Nftables,
        Format::Iptables,
        Format::Windows,
        Format::Exchange,
        Format::Postfix,
        Format::Appliance,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Format::Nftables => "nftables",
            Format::Iptables => "iptables",
            Format::Windows => "windows",
            Format::Exchange => "exchange",
            Format::Postfix => "postfix",
            Format::Appliance => "appliance",
        }
    }

    /// Extension of a saved file.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Nftables => "nft",
            Format::Iptables => "sh",
            Format::Windows | Format::Exchange => "ps1",
            Format::Postfix | Format::Appliance => "txt",
        }
    }
}

fn header(
    lang: Lang,
    guard: &MxGuard,
    ranges: &GatewayRanges,
    support_email: &str,
    comment: &str,
) -> String {
    let mut s = words::comment(lang, "script-firewall-title", &[], comment);
    s.push_str(&source(lang, ranges, support_email, comment));
    s.push_str(comment);
    s.push('\n');
    s.push_str(&comment_block(lang, guard, comment));
    s
}

/// Where the ranges come from, as comment lines.
pub fn source(lang: Lang, ranges: &GatewayRanges, support_email: &str, comment: &str) -> String {
    match ranges.source() {
        Source::Spf { include } => words::comment(
            lang,
            "script-source-spf",
            &[
                ("include", include.to_string()),
                ("support", support_email.to_string()),
            ],
            comment,
        ),
        Source::Support => words::comment(
            lang,
            "script-source-support",
            &[("support", support_email.to_string())],
            comment,
        ),
    }
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
    lang: Lang,
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
            let mut s = header(lang, guard, ranges, support_email, "#");
            s.push_str(&words::comment(lang, "script-nft-load", &[], "#"));
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
            s.push_str(&header(lang, guard, ranges, support_email, "#"));
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
            let mut s = header(lang, guard, ranges, support_email, "#");
            s.push_str(&words::comment(lang, "script-windows-run", &[], "#"));
            s.push_str(&ps_ranges(ranges));
            s.push_str(
                "New-NetFirewallRule -DisplayName 'SMTP from the e-securemail gateway' -Direction Inbound -Protocol TCP -LocalPort 25 -RemoteAddress $GatewayRanges -Action Allow\n\n",
            );
            s.push_str(&words::comment(lang, "script-windows-others", &[], "#"));
            s.push_str(
                "$Others = Get-NetFirewallPortFilter -Protocol TCP | Where-Object LocalPort -eq 25 | Get-NetFirewallRule | Where-Object { $_.DisplayName -ne 'SMTP from the e-securemail gateway' -and $_.Action -eq 'Allow' -and $_.Direction -eq 'Inbound' }\n\
                 $Others | Format-Table DisplayName, Enabled, Profile\n\
                 # $Others | Disable-NetFirewallRule\n",
            );
            s
        }
        Format::Exchange => {
            let mut s = header(lang, guard, ranges, support_email, "#");
            s.push_str(&words::comment(lang, "script-exchange-run", &[], "#"));
            s.push_str(&ps_ranges(ranges));
            s.push_str("$Connector = \"$env:COMPUTERNAME\\Default Frontend $env:COMPUTERNAME\"\n");
            s.push_str(
                "Set-ReceiveConnector -Identity $Connector -RemoteIPRanges $GatewayRanges\n",
            );
            s.push_str("Get-ReceiveConnector -Identity $Connector | Format-List Identity, Bindings, RemoteIPRanges\n");
            s
        }
        Format::Postfix => {
            let mut s = header(lang, guard, ranges, support_email, "#");
            s.push_str("#\n");
            s.push_str(&words::comment(
                lang,
                "script-postfix-cidr",
                &[("file", "/etc/postfix/esm_gateway.cidr".into())],
                "#",
            ));
            for n in ranges.networks() {
                s.push_str(&format!("{n}\tOK\n"));
            }
            s.push_str("#\n");
            s.push_str(&words::comment(lang, "script-postfix-main", &[], "#"));
            s.push_str("smtpd_client_restrictions = permit_mynetworks, check_client_access cidr:/etc/postfix/esm_gateway.cidr, reject\n#\n");
            s.push_str(
                &words::comment(lang, "script-apply", &[("n", "3".into())], "#")
                    .replace('\n', " postfix reload\n"),
            );
            s
        }
        Format::Appliance => appliance(lang, guard, ranges, support_email),
    }
}

/// The rule in words, for a firewall appliance configured in its own
/// interface: what to allow, what to deny, and in which order.
fn appliance(lang: Lang, guard: &MxGuard, ranges: &GatewayRanges, support_email: &str) -> String {
    let domain = ("domain", guard.domain.ascii().to_string());
    let mut s = words::comment(lang, "script-appliance-title", &[domain], "");
    s.push_str(&source(lang, ranges, support_email, ""));
    s.push('\n');
    s.push_str(&comment_block(lang, guard, ""));
    s.push('\n');
    s.push_str(&words::comment(lang, "script-appliance-allow", &[], ""));
    for n in ranges.networks() {
        s.push_str(&format!("     {n}\n"));
    }
    s.push_str(&words::comment(lang, "script-appliance-deny", &[], ""));
    s.push_str(&words::comment(lang, "script-appliance-order", &[], ""));
    s.push('\n');
    s.push_str(&words::comment(lang, "script-appliance-nat", &[], ""));
    s
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
        let ipt = rules(
            Lang::En,
            Format::Iptables,
            &guard,
            &v4_only,
            "support@secuserve.com",
        );
        assert!(
            ipt.contains("ip6tables -I INPUT -p tcp --dport 25 -j DROP"),
            "{ipt}"
        );
        let nft = rules(
            Lang::En,
            Format::Nftables,
            &guard,
            &v4_only,
            "support@secuserve.com",
        );
        assert!(nft.contains("tcp dport 25 drop"), "{nft}");
    }
}

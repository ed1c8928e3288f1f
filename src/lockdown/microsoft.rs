//! Exchange Online: connectors that accept mail only from the gateway and
//! send mail out through it, as a PowerShell script.

use ipnet::Ipv4Net;

use super::quote::ps;
use super::ranges::GatewayRanges;
use super::words;
use crate::domain::DomainName;
use crate::localize::Lang;

/// Narrowest and widest masks Exchange Online accepts in `-SenderIPAddresses`.
const WIDEST: u8 = 24;
/// More entries than this means a range far wider than any gateway's.
const MAX_ENTRIES: usize = 1024;

/// Names of the connectors the script creates.
pub const INBOUND: &str = "e-securemail inbound";
pub const OUTBOUND: &str = "e-securemail outbound";

/// Why the script cannot be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ScriptError {
    #[error("no IPv4 range to allow")]
    NoIpv4,
    #[error("range {0} is too wide for a connector")]
    TooWide(String),
}

/// IPv4 ranges as Exchange Online takes them: masks /24 to /32, wider
/// ranges split into /24s. IPv6 ranges are left out (not accepted there).
pub fn exchange_ranges(ranges: &GatewayRanges) -> Result<Vec<Ipv4Net>, ScriptError> {
    let mut out = Vec::new();
    for net in ranges.ipv4() {
        if net.prefix_len() >= WIDEST {
            out.push(net);
            continue;
        }
        let subnets = net
            .subnets(WIDEST)
            .map_err(|_| ScriptError::TooWide(net.to_string()))?;
        for s in subnets {
            out.push(s);
            if out.len() > MAX_ENTRIES {
                return Err(ScriptError::TooWide(net.to_string()));
            }
        }
    }
    if out.is_empty() {
        return Err(ScriptError::NoIpv4);
    }
    Ok(out)
}

/// What the script is made from. Every value is already validated: the
/// domain and smart host are host names, the ranges are parsed networks.
pub struct ScriptInput<'a> {
    pub domain: &'a DomainName,
    pub smart_host: &'a DomainName,
    /// The gateway's MX hosts: the script checks the domain's MX against them.
    pub gateway_mx: &'a [DomainName],
    pub ranges: &'a GatewayRanges,
    /// Add the gateway's domain as a trusted ARC sealer.
    pub arc_sealer: Option<&'a DomainName>,
    pub support_email: &'a str,
    pub date: chrono::NaiveDate,
    /// The language of the comments.
    pub lang: Lang,
}

/// The Exchange Online PowerShell script, its comments in the admin's
/// language (the cmdlets are the same in every language).
pub fn script(input: &ScriptInput) -> Result<String, ScriptError> {
    let lang = input.lang;
    let ranges = exchange_ranges(input.ranges)?;
    let domain = ("domain", input.domain.ascii().to_string());
    let mut s = words::comment(lang, "script-m365-title", &[domain], "#");
    s.push_str(&words::comment(
        lang,
        "script-made-on",
        &[("date", input.date.format("%Y-%m-%d").to_string())],
        "#",
    ));
    s.push_str(&words::comment(lang, "script-m365-run", &[], "#"));
    s.push_str("#   Install-Module ExchangeOnlineManagement -Scope CurrentUser\n");
    s.push_str(&super::guard::powershell(
        lang,
        &super::guard::MxGuard {
            domain: input.domain,
            gateway_mx: input.gateway_mx,
        },
    ));
    s.push_str("Connect-ExchangeOnline\n\n");
    s.push_str(&super::firewall::source(
        lang,
        input.ranges,
        input.support_email,
        "#",
    ));
    if input.ranges.has_ipv6() {
        s.push_str(&words::comment(lang, "script-m365-ipv6-left-out", &[], "#"));
    }
    s.push_str("$GatewayRanges = @(\n");
    for r in &ranges {
        s.push_str(&format!("    {}\n", ps(&r.to_string())));
    }
    s.push_str(")\n");
    s.push_str(&format!("$Inbound = {}\n", ps(INBOUND)));
    s.push_str(&format!("$Outbound = {}\n", ps(OUTBOUND)));
    s.push_str(&format!(
        "$SmartHost = {}\n\n",
        ps(input.smart_host.ascii())
    ));
    s.push_str(&words::comment(lang, "script-m365-inbound", &[], "#"));
    s.push_str(
        "$InboundSettings = @{\n    ConnectorType = 'Partner'\n    SenderDomains = '*'\n    SenderIPAddresses = $GatewayRanges\n    RestrictDomainsToIPAddresses = $true\n    RequireTls = $true\n}\n\
         if (Get-InboundConnector -Identity $Inbound -ErrorAction SilentlyContinue) {\n    Set-InboundConnector -Identity $Inbound @InboundSettings\n} else {\n    New-InboundConnector -Name $Inbound @InboundSettings\n}\n\n",
    );
    s.push_str(&words::comment(lang, "script-m365-enhanced", &[], "#"));
    s.push_str("Set-InboundConnector -Identity $Inbound -EFSkipLastIP $true\n\n");
    s.push_str(&words::comment(lang, "script-m365-outbound", &[], "#"));
    s.push_str(
        "$OutboundSettings = @{\n    ConnectorType = 'Partner'\n    RecipientDomains = '*'\n    UseMXRecord = $false\n    SmartHosts = $SmartHost\n    TlsSettings = 'DomainValidation'\n    TlsDomain = $SmartHost\n}\n\
         if (Get-OutboundConnector -Identity $Outbound -ErrorAction SilentlyContinue) {\n    Set-OutboundConnector -Identity $Outbound @OutboundSettings\n} else {\n    New-OutboundConnector -Name $Outbound @OutboundSettings\n}\n",
    );
    if let Some(sealer) = input.arc_sealer {
        s.push('\n');
        s.push_str(&words::comment(lang, "script-m365-arc", &[], "#"));
        s.push_str(&format!(
            "Set-ArcConfig -Identity Default -ArcTrustedSealers {}\n",
            ps(sealer.ascii())
        ));
    }
    Ok(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ranges(list: &str) -> GatewayRanges {
        super::super::ranges::parse_list(list).unwrap()
    }

    #[test]
    fn exchange_takes_ipv4_from_24_to_32() {
        let r = exchange_ranges(&ranges("85.31.212.0/22 198.51.100.7 2001:db8::/32")).unwrap();
        let shown: Vec<String> = r.iter().map(|n| n.to_string()).collect();
        assert_eq!(
            shown,
            [
                "85.31.212.0/24",
                "85.31.213.0/24",
                "85.31.214.0/24",
                "85.31.215.0/24",
                "198.51.100.7/32"
            ]
        );
        assert_eq!(
            exchange_ranges(&ranges("2001:db8::/32")),
            Err(ScriptError::NoIpv4)
        );
        // Five /16s make more connector entries than any gateway needs.
        assert!(matches!(
            exchange_ranges(&ranges(
                "85.0.0.0/16 87.0.0.0/16 89.0.0.0/16 91.0.0.0/16 93.0.0.0/16"
            )),
            Err(ScriptError::TooWide(_))
        ));
    }
}

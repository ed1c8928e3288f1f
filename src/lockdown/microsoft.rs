//! Exchange Online: connectors that accept mail only from the gateway and
//! send mail out through it, as a PowerShell script.

use ipnet::Ipv4Net;

use super::quote::ps;
use super::ranges::{GatewayRanges, Source};
use crate::domain::DomainName;

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
}

/// The Exchange Online PowerShell script. Comments are in English, as the
/// cmdlets are: the window explains each step in the admin's language.
pub fn script(input: &ScriptInput) -> Result<String, ScriptError> {
    let ranges = exchange_ranges(input.ranges)?;
    let source = match input.ranges.source() {
        Source::Spf { include } => format!(
            "published in the gateway's SPF record ({include}): confirm them with {}",
            input.support_email
        ),
        Source::Support => format!("as given by {}", input.support_email),
    };
    let mut s = String::new();
    s.push_str(&format!(
        "# e-securemail filtering gateway for {} - Exchange Online connectors.\n",
        input.domain.ascii()
    ));
    s.push_str(&format!(
        "# Made on {} by the e-securemail setup assistant.\n",
        input.date.format("%Y-%m-%d")
    ));
    s.push_str("# Run it in PowerShell with the ExchangeOnlineManagement module:\n");
    s.push_str("#   Install-Module ExchangeOnlineManagement -Scope CurrentUser\n");
    s.push_str(&super::guard::powershell(&super::guard::MxGuard {
        domain: input.domain,
        gateway_mx: input.gateway_mx,
    }));
    s.push_str("Connect-ExchangeOnline\n\n");
    s.push_str(&format!("# The gateway's addresses, {source}.\n"));
    if input.ranges.has_ipv6() {
        s.push_str("# IPv6 ranges are left out: Exchange Online connectors take IPv4 only.\n");
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
    s.push_str(
        "# 1. Inbound: mail is accepted only from the gateway's addresses, over TLS.\n\
         $InboundSettings = @{\n    ConnectorType = 'Partner'\n    SenderDomains = '*'\n    SenderIPAddresses = $GatewayRanges\n    RestrictDomainsToIPAddresses = $true\n    RequireTls = $true\n}\n\
         if (Get-InboundConnector -Identity $Inbound -ErrorAction SilentlyContinue) {\n    Set-InboundConnector -Identity $Inbound @InboundSettings\n} else {\n    New-InboundConnector -Name $Inbound @InboundSettings\n}\n\n",
    );
    s.push_str(
        "# 2. Enhanced Filtering for Connectors: Microsoft looks past the gateway\n#    (the last hop) to the original sender.\n\
         Set-InboundConnector -Identity $Inbound -EFSkipLastIP $true\n\n",
    );
    s.push_str(
        "# 3. Outbound: all mail leaves through the gateway's smart host, over TLS\n#    with the smart host's certificate checked.\n\
         $OutboundSettings = @{\n    ConnectorType = 'Partner'\n    RecipientDomains = '*'\n    UseMXRecord = $false\n    SmartHosts = $SmartHost\n    TlsSettings = 'DomainValidation'\n    TlsDomain = $SmartHost\n}\n\
         if (Get-OutboundConnector -Identity $Outbound -ErrorAction SilentlyContinue) {\n    Set-OutboundConnector -Identity $Outbound @OutboundSettings\n} else {\n    New-OutboundConnector -Name $Outbound @OutboundSettings\n}\n",
    );
    if let Some(sealer) = input.arc_sealer {
        s.push_str(&format!(
            "\n# 4. The gateway changes messages it filters: trust its ARC seals.\n#    (Replaces the list of trusted sealers; add any others you trust.)\nSet-ArcConfig -Identity Default -ArcTrustedSealers {}\n",
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

//! The condition every lock-down depends on: the domain's MX points only to
//! the gateway. A restriction applied while mail still arrives directly
//! would reject it, so every artefact states the condition, and the
//! Exchange Online script checks it itself when run (a script saved today
//! may be run after the MX has changed).

use super::quote::ps;
use crate::domain::DomainName;
use crate::provider::Provider;

/// The domain and the gateway's MX hosts the artefacts are made for.
pub struct MxGuard<'a> {
    pub domain: &'a DomainName,
    pub gateway_mx: &'a [DomainName],
}

/// The gateway's MX hosts from the profile, as validated host names; a
/// host the profile spells wrongly is left out rather than written out.
pub fn gateway_hosts(provider: &Provider) -> Vec<DomainName> {
    provider
        .mx
        .hosts
        .iter()
        .filter_map(|h| DomainName::parse_host(&h.host).ok())
        .collect()
}

fn host_list(hosts: &[DomainName]) -> String {
    hosts
        .iter()
        .map(|h| h.ascii().to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The condition as a comment block, each line starting with `comment`.
/// Comments are in English, as the rules they introduce are.
pub fn comment_block(guard: &MxGuard, comment: &str) -> String {
    let domain = guard.domain.ascii();
    format!(
        "{comment} Apply only once the MX records of {domain} point only to\n\
         {comment} {hosts}\n\
         {comment} (mail still delivered directly would be refused). Check with:\n\
         {comment}   dig MX {domain}    or    nslookup -type=MX {domain}\n",
        hosts = host_list(guard.gateway_mx)
    )
}

/// PowerShell that stops the script unless every MX host of the domain is
/// one of the gateway's. `-DnsOnly` skips the hosts file and NetBIOS; only
/// MX answers are kept (the resolver may add the hosts' addresses).
pub fn powershell(guard: &MxGuard) -> String {
    let hosts: Vec<String> = guard.gateway_mx.iter().map(|h| ps(h.ascii())).collect();
    format!(
        "\n# 0. Safety check, before any connector is touched: the domain's MX must\n\
         #    point only to the gateway, or the inbound restriction would refuse\n\
         #    mail still delivered directly to Microsoft 365.\n\
         $Domain = {domain}\n\
         $GatewayMx = @({hosts})\n\
         $FoundMx = @(Resolve-DnsName -Name $Domain -Type MX -DnsOnly -ErrorAction Stop |\n    \
         Where-Object {{ $_.Type -eq 'MX' }} |\n    \
         ForEach-Object {{ $_.NameExchange.TrimEnd('.').ToLowerInvariant() }})\n\
         $Strays = @($FoundMx | Where-Object {{ $GatewayMx -notcontains $_ }})\n\
         if ($FoundMx.Count -eq 0 -or $Strays.Count -gt 0) {{\n    \
         throw (\"Stopped, nothing was changed: the MX records of $Domain must point only to \" +\n        \
         \"$($GatewayMx -join ', '). Found: $($FoundMx -join ', '). \" +\n        \
         \"Switch the MX to the gateway, wait for the old records' TTL, then run this script again.\")\n\
         }}\n\n",
        domain = ps(guard.domain.ascii()),
        hosts = hosts.join(", "),
    )
}

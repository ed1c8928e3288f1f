//! The condition every lock-down depends on: the domain's MX points only to
//! the gateway. A restriction applied while mail still arrives directly
//! would reject it, so every artefact states the condition, and the
//! Exchange Online script checks it itself when run (a script saved today
//! may be run after the MX has changed).

use super::quote::ps;
use super::words;
use crate::domain::DomainName;
use crate::localize::Lang;
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
pub fn comment_block(lang: Lang, guard: &MxGuard, comment: &str) -> String {
    let domain = guard.domain.ascii();
    let mut s = words::comment(
        lang,
        "script-guard",
        &[
            ("domain", domain.to_string()),
            ("hosts", host_list(guard.gateway_mx)),
        ],
        comment,
    );
    let or = words::say(lang, "script-or", &[]);
    s.push_str(&words::lines(
        &format!("  dig MX {domain}    {or}    nslookup -type=MX {domain}"),
        comment,
    ));
    s
}

/// `text` as a `-f` format string whose only placeholders are `{0}`,
/// `{1}` and `{2}`: every other brace is doubled.
fn format_string(text: &str) -> String {
    let mut out = text.replace('{', "{{").replace('}', "}}");
    for i in 0..3 {
        out = out.replace(&format!("{{{{{i}}}}}"), &format!("{{{i}}}"));
    }
    out
}

/// PowerShell that stops the script unless every MX host of the domain is
/// one of the gateway's. `-DnsOnly` skips the hosts file and NetBIOS; only
/// MX answers are kept (the resolver may add the hosts' addresses).
pub fn powershell(lang: Lang, guard: &MxGuard) -> String {
    let hosts: Vec<String> = guard.gateway_mx.iter().map(|h| ps(h.ascii())).collect();
    // The message goes through `-f`: its own braces would be placeholders.
    let stop = words::say(
        lang,
        "script-ps-stop",
        &[
            ("domain", "{0}".into()),
            ("hosts", "{1}".into()),
            ("found", "{2}".into()),
        ],
    );
    format!(
        "\n{comment}\
         $Domain = {domain}\n\
         $GatewayMx = @({hosts})\n\
         $FoundMx = @(Resolve-DnsName -Name $Domain -Type MX -DnsOnly -ErrorAction Stop |\n    \
         Where-Object {{ $_.Type -eq 'MX' }} |\n    \
         ForEach-Object {{ $_.NameExchange.TrimEnd('.').ToLowerInvariant() }})\n\
         $Strays = @($FoundMx | Where-Object {{ $GatewayMx -notcontains $_ }})\n\
         if ($FoundMx.Count -eq 0 -or $Strays.Count -gt 0) {{\n    \
         throw ({stop} -f $Domain, ($GatewayMx -join ', '), ($FoundMx -join ', '))\n\
         }}\n\n",
        comment = words::comment(lang, "script-ps-guard", &[], "#"),
        domain = ps(guard.domain.ascii()),
        hosts = hosts.join(", "),
        stop = ps(&format_string(&stop)),
    )
}

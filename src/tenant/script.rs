//! The read-back script: Exchange Online PowerShell that only reads the
//! tenant's connectors (`Get-InboundConnector`, `Get-OutboundConnector`)
//! and prints them in the form `parse` reads. The code is the same in every
//! language; only the comments are the admin's.

use super::parse::{INBOUND_KEYS, INBOUND_MARK, OUTBOUND_KEYS, OUTBOUND_MARK, VERSION_LINE};
use crate::domain::DomainName;
use crate::localize::Lang;
use crate::lockdown::quote::ps;
use crate::lockdown::words;

/// The file the script also writes its output to, in the current folder:
/// a console may break long lines when they are copied from it.
pub const READBACK_FILE: &str = "esm-tenant-readback.txt";

/// What the script is made from.
#[derive(Debug, Clone, Copy)]
pub struct ReadbackInput<'a> {
    /// The domain set up, named in the first comment; already validated.
    pub domain: Option<&'a DomainName>,
    /// The language of the comments.
    pub lang: Lang,
}

/// The property each key is read from, and whether it is a yes/no.
fn property(key: &str) -> (&'static str, bool) {
    match key {
        "name" => ("Name", false),
        "enabled" => ("Enabled", true),
        "connector-type" => ("ConnectorType", false),
        "sender-domains" => ("SenderDomains", false),
        "restrict-domains-to-ip-addresses" => ("RestrictDomainsToIPAddresses", true),
        "sender-ip-addresses" => ("SenderIPAddresses", false),
        "require-tls" => ("RequireTls", true),
        "tls-sender-certificate-name" => ("TlsSenderCertificateName", false),
        "ef-skip-last-ip" => ("EFSkipLastIP", true),
        "ef-skip-ips" => ("EFSkipIPs", false),
        "ef-users" => ("EFUsers", false),
        "smart-hosts" => ("SmartHosts", false),
        "use-mx-record" => ("UseMXRecord", true),
        "tls-settings" => ("TlsSettings", false),
        "tls-domain" => ("TlsDomain", false),
        "recipient-domains" => ("RecipientDomains", false),
        "is-transport-rule-scoped" => ("IsTransportRuleScoped", true),
        "all-accepted-domains" => ("AllAcceptedDomains", true),
        // Every key of the form is listed above (tested).
        _ => ("Name", false),
    }
}

/// The loop that prints every connector `cmdlet` lists.
fn connector_loop(cmdlet: &str, mark: &str, keys: &[&str]) -> String {
    let mut s = format!(
        "foreach ($c in @({cmdlet})) {{\n    $Lines.Add({})\n",
        ps(mark)
    );
    for key in keys {
        let (prop, flag) = property(key);
        let convert = if flag {
            "ConvertTo-EsmFlag"
        } else {
            "ConvertTo-EsmValue"
        };
        s.push_str(&format!(
            "    $Lines.Add({} + ({convert} $c.{prop}))\n",
            ps(&format!("{key}: "))
        ));
    }
    s.push_str("}\n\n");
    s
}

/// The read-back script, its comments in the admin's language.
pub fn readback_script(input: &ReadbackInput) -> String {
    let lang = input.lang;
    let mut s = words::comment(lang, "tenant-script-title", &[], "#");
    if let Some(domain) = input.domain {
        s.push_str(&words::comment(
            lang,
            "tenant-script-domain",
            &[("domain", domain.ascii().to_string())],
            "#",
        ));
    }
    s.push_str(&words::comment(lang, "tenant-script-read-only", &[], "#"));
    s.push_str(&words::comment(lang, "script-m365-run", &[], "#"));
    s.push_str("#   Install-Module ExchangeOnlineManagement -Scope CurrentUser\n");
    s.push_str(&words::comment(
        lang,
        "tenant-script-output",
        &[("file", READBACK_FILE.to_string())],
        "#",
    ));
    s.push_str("\n$ErrorActionPreference = 'Stop'\nConnect-ExchangeOnline\n\n");
    s.push_str(&words::comment(lang, "tenant-script-encode", &[], "#"));
    s.push_str(
        "function ConvertTo-EsmValue {\n    param($Value)\n    @($Value | Where-Object { $null -ne $_ } |\n        ForEach-Object { [Uri]::EscapeDataString([string]$_) }) -join ' '\n}\n\
         function ConvertTo-EsmFlag {\n    param($Value)\n    if ($Value -eq $true) { 'true' } else { 'false' }\n}\n\n",
    );
    s.push_str("$Lines = [System.Collections.Generic.List[string]]::new()\n\n");
    s.push_str(&words::comment(lang, "tenant-script-inbound", &[], "#"));
    s.push_str(&connector_loop(
        "Get-InboundConnector",
        INBOUND_MARK,
        &INBOUND_KEYS,
    ));
    s.push_str(&words::comment(lang, "tenant-script-outbound", &[], "#"));
    s.push_str(&connector_loop(
        "Get-OutboundConnector",
        OUTBOUND_MARK,
        &OUTBOUND_KEYS,
    ));
    s.push_str(&words::comment(lang, "tenant-script-end", &[], "#"));
    s.push_str(&format!(
        "$Text = @({}) + $Lines + @('end: ' + $Lines.Count)\n",
        ps(VERSION_LINE)
    ));
    s.push_str(&format!(
        "[System.IO.File]::WriteAllLines((Join-Path (Get-Location) {}), [string[]]$Text)\n$Text\n",
        ps(READBACK_FILE)
    ));
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_of_the_form_is_read_from_its_own_property() {
        for key in INBOUND_KEYS.iter().chain(OUTBOUND_KEYS.iter()) {
            let (prop, _) = property(key);
            assert_eq!(prop.to_ascii_lowercase(), key.replace('-', ""), "{key}");
        }
    }
}

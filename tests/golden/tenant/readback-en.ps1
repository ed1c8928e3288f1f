# Read-back of the Exchange Online connectors, for the e-securemail setup
# assistant.
# Domain set up: exemple.fr
# This script only reads the connectors (Get-InboundConnector,
# Get-OutboundConnector): it changes nothing in the tenant.
# Run it in PowerShell with the ExchangeOnlineManagement module:
#   Install-Module ExchangeOnlineManagement -Scope CurrentUser
# It prints the result and also saves it as esm-tenant-readback.txt in the
# current folder: paste the result into the assistant, or give it that file.

$ErrorActionPreference = 'Stop'
Connect-ExchangeOnline

# Each value is written percent-encoded, so that no name or list can break
# the lines the assistant reads.
function ConvertTo-EsmValue {
    param($Value)
    @($Value | Where-Object { $null -ne $_ } |
        ForEach-Object { [Uri]::EscapeDataString([string]$_) }) -join ' '
}
function ConvertTo-EsmFlag {
    param($Value)
    if ($Value -eq $true) { 'true' } else { 'false' }
}

$Lines = [System.Collections.Generic.List[string]]::new()

# Every inbound connector: its type, the senders and addresses it admits,
# TLS and Enhanced Filtering.
foreach ($c in @(Get-InboundConnector)) {
    $Lines.Add('[inbound]')
    $Lines.Add('name: ' + (ConvertTo-EsmValue $c.Name))
    $Lines.Add('enabled: ' + (ConvertTo-EsmFlag $c.Enabled))
    $Lines.Add('connector-type: ' + (ConvertTo-EsmValue $c.ConnectorType))
    $Lines.Add('sender-domains: ' + (ConvertTo-EsmValue $c.SenderDomains))
    $Lines.Add('restrict-domains-to-ip-addresses: ' + (ConvertTo-EsmFlag $c.RestrictDomainsToIPAddresses))
    $Lines.Add('sender-ip-addresses: ' + (ConvertTo-EsmValue $c.SenderIPAddresses))
    $Lines.Add('require-tls: ' + (ConvertTo-EsmFlag $c.RequireTls))
    $Lines.Add('tls-sender-certificate-name: ' + (ConvertTo-EsmValue $c.TlsSenderCertificateName))
    $Lines.Add('ef-skip-last-ip: ' + (ConvertTo-EsmFlag $c.EFSkipLastIP))
    $Lines.Add('ef-skip-ips: ' + (ConvertTo-EsmValue $c.EFSkipIPs))
    $Lines.Add('ef-users: ' + (ConvertTo-EsmValue $c.EFUsers))
}

# Every outbound connector: its type, smart hosts, TLS and the recipients it
# serves.
foreach ($c in @(Get-OutboundConnector)) {
    $Lines.Add('[outbound]')
    $Lines.Add('name: ' + (ConvertTo-EsmValue $c.Name))
    $Lines.Add('enabled: ' + (ConvertTo-EsmFlag $c.Enabled))
    $Lines.Add('connector-type: ' + (ConvertTo-EsmValue $c.ConnectorType))
    $Lines.Add('smart-hosts: ' + (ConvertTo-EsmValue $c.SmartHosts))
    $Lines.Add('use-mx-record: ' + (ConvertTo-EsmFlag $c.UseMXRecord))
    $Lines.Add('tls-settings: ' + (ConvertTo-EsmValue $c.TlsSettings))
    $Lines.Add('tls-domain: ' + (ConvertTo-EsmValue $c.TlsDomain))
    $Lines.Add('recipient-domains: ' + (ConvertTo-EsmValue $c.RecipientDomains))
    $Lines.Add('is-transport-rule-scoped: ' + (ConvertTo-EsmFlag $c.IsTransportRuleScoped))
    $Lines.Add('all-accepted-domains: ' + (ConvertTo-EsmFlag $c.AllAcceptedDomains))
}

# The result: a version line, the connectors, and the number of lines, so
# that a cut or changed copy is told.
$Text = @('esm-assistant tenant read-back v1') + $Lines + @('end: ' + $Lines.Count)
[System.IO.File]::WriteAllLines((Join-Path (Get-Location) 'esm-tenant-readback.txt'), [string[]]$Text)
$Text

# Relecture des connecteurs Exchange Online, pour l’assistant de
# configuration e-securemail.
# Domaine configuré : exemple.fr
# Ce script ne fait que lire les connecteurs (Get-InboundConnector,
# Get-OutboundConnector) : il ne modifie rien dans le tenant.
# À exécuter dans PowerShell avec le module ExchangeOnlineManagement :
#   Install-Module ExchangeOnlineManagement -Scope CurrentUser
# Il affiche le résultat et l’enregistre aussi sous esm-tenant-readback.txt
# dans le dossier courant : collez le résultat dans l’assistant, ou
# donnez-lui ce fichier.

$ErrorActionPreference = 'Stop'
Connect-ExchangeOnline

# Chaque valeur est écrite encodée en pourcentage, pour qu’aucun nom ni
# aucune liste ne puisse casser les lignes que lit l’assistant.
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

# Chaque connecteur entrant : son type, les expéditeurs et adresses qu’il
# admet, le TLS et le filtrage amélioré.
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

# Chaque connecteur sortant : son type, ses hôtes actifs, le TLS et les
# destinataires qu’il dessert.
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

# Le résultat : une ligne de version, les connecteurs, puis le nombre de
# lignes, pour repérer une copie coupée ou modifiée.
$Text = @('esm-assistant tenant read-back v1') + $Lines + @('end: ' + $Lines.Count)
[System.IO.File]::WriteAllLines((Join-Path (Get-Location) 'esm-tenant-readback.txt'), [string[]]$Text)
$Text

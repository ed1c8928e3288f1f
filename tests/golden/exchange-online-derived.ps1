# e-securemail filtering gateway for exemple.fr - Exchange Online
# connectors.
# Made on 2026-01-15 by the e-securemail setup assistant.
# Run it in PowerShell with the ExchangeOnlineManagement module:
#   Install-Module ExchangeOnlineManagement -Scope CurrentUser

# 0. Safety check, before any connector is touched: the domain's MX must
#    point only to the gateway, or the inbound restriction would refuse mail
#    still delivered directly to Microsoft 365.
$Domain = 'exemple.fr'
$GatewayMx = @('france.security-mail.net', 'europe.security-mail.net')
$FoundMx = @(Resolve-DnsName -Name $Domain -Type MX -DnsOnly -ErrorAction Stop |
    Where-Object { $_.Type -eq 'MX' } |
    ForEach-Object { $_.NameExchange.TrimEnd('.').ToLowerInvariant() })
$Strays = @($FoundMx | Where-Object { $GatewayMx -notcontains $_ })
if ($FoundMx.Count -eq 0 -or $Strays.Count -gt 0) {
    throw ('Stopped, nothing was changed: the MX records of {0} must point only to {1}. Found: {2}. Switch the MX to the gateway, wait for the old records'' TTL, then run this script again.' -f $Domain, ($GatewayMx -join ', '), ($FoundMx -join ', '))
}

Connect-ExchangeOnline

# The gateway's addresses, published in the gateway's SPF record
# (includespf.security-mail.net): confirm them with support@secuserve.com.
# IPv6 ranges are left out: Exchange Online connectors take IPv4 only.
$GatewayRanges = @(
    '85.31.212.0/24'
    '85.31.213.0/24'
)
$Inbound = 'e-securemail inbound'
$Outbound = 'e-securemail outbound'
$SmartHost = 'relay.example.net'

# 1. Inbound: mail is accepted only from the gateway's addresses, over TLS.
$InboundSettings = @{
    ConnectorType = 'Partner'
    SenderDomains = '*'
    SenderIPAddresses = $GatewayRanges
    RestrictDomainsToIPAddresses = $true
    RequireTls = $true
}
if (Get-InboundConnector -Identity $Inbound -ErrorAction SilentlyContinue) {
    Set-InboundConnector -Identity $Inbound @InboundSettings
} else {
    New-InboundConnector -Name $Inbound @InboundSettings
}

# 2. Enhanced Filtering for Connectors: Microsoft looks past the gateway
#    (the last hop) to the original sender.
Set-InboundConnector -Identity $Inbound -EFSkipLastIP $true

# 3. Outbound: all mail leaves through the gateway's smart host, over TLS
#    with the smart host's certificate checked.
$OutboundSettings = @{
    ConnectorType = 'Partner'
    RecipientDomains = '*'
    UseMXRecord = $false
    SmartHosts = $SmartHost
    TlsSettings = 'DomainValidation'
    TlsDomain = $SmartHost
}
if (Get-OutboundConnector -Identity $Outbound -ErrorAction SilentlyContinue) {
    Set-OutboundConnector -Identity $Outbound @OutboundSettings
} else {
    New-OutboundConnector -Name $Outbound @OutboundSettings
}

# Passerelle de filtrage e-securemail pour exemple.fr : connecteurs Exchange
# Online.
# Créé le 2026-01-15 par l’assistant de configuration e-securemail.
# À exécuter dans PowerShell avec le module ExchangeOnlineManagement :
#   Install-Module ExchangeOnlineManagement -Scope CurrentUser

# 0. Vérification de sécurité, avant de toucher aux connecteurs : les MX du
#    domaine doivent pointer uniquement vers la passerelle, sinon la
#    restriction entrante refuserait le courrier encore livré en direct à
#    Microsoft 365.
$Domain = 'exemple.fr'
$GatewayMx = @('france.security-mail.net', 'europe.security-mail.net')
$FoundMx = @(Resolve-DnsName -Name $Domain -Type MX -DnsOnly -ErrorAction Stop |
    Where-Object { $_.Type -eq 'MX' } |
    ForEach-Object { $_.NameExchange.TrimEnd('.').ToLowerInvariant() })
$Strays = @($FoundMx | Where-Object { $GatewayMx -notcontains $_ })
if ($FoundMx.Count -eq 0 -or $Strays.Count -gt 0) {
    throw ('Arrêt, rien n’’a été modifié : les MX du domaine {0} doivent pointer uniquement vers {1}. Trouvés : {2}. Faites pointer les MX vers la passerelle, attendez la fin du TTL des anciens enregistrements, puis relancez ce script.' -f $Domain, ($GatewayMx -join ', '), ($FoundMx -join ', '))
}

Connect-ExchangeOnline

# Adresses de la passerelle, telles que fournies par support@secuserve.com.
# Les plages IPv6 sont omises : les connecteurs Exchange Online n’acceptent
# que l’IPv4.
$GatewayRanges = @(
    '85.31.212.0/24'
    '85.31.213.0/24'
)
$Inbound = 'e-securemail inbound'
$Outbound = 'e-securemail outbound'
$SmartHost = 'relay.example.net'

# 1. Entrant : le courrier n’est accepté que depuis les adresses de la
#    passerelle, en TLS.
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

# 2. Filtrage amélioré des connecteurs (Enhanced Filtering) : Microsoft
#    regarde au-delà de la passerelle (le dernier relais) pour juger
#    l’expéditeur d’origine.
Set-InboundConnector -Identity $Inbound -EFSkipLastIP $true

# 3. Sortant : tout le courrier sort par l’hôte actif (smart host) de la
#    passerelle, en TLS, avec vérification de son certificat.
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

# 4. La passerelle modifie les messages qu’elle filtre : faites confiance à
#    sa signature ARC. (Remplace la liste des signataires ARC de confiance ;
#    ajoutez-y les autres auxquels vous faites confiance.)
Set-ArcConfig -Identity Default -ArcTrustedSealers 'security-mail.net'

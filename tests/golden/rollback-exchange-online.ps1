# Going back from the e-securemail gateway for exemple.fr - Exchange Online.
# Made on 2026-01-15 by the e-securemail setup assistant.
# Run it BEFORE the MX goes back to Microsoft 365: while the inbound
# connector accepts mail from the gateway only, Microsoft refuses mail
# arriving directly (550 5.7.51).
Connect-ExchangeOnline

$Inbound = 'e-securemail inbound'
$Outbound = 'e-securemail outbound'

# 1. Inbound: accept mail for the domain from any sender again.
if (Get-InboundConnector -Identity $Inbound -ErrorAction SilentlyContinue) {
    Set-InboundConnector -Identity $Inbound -RestrictDomainsToIPAddresses $false
}

# 2. Outbound: stop sending mail out through the gateway.
if (Get-OutboundConnector -Identity $Outbound -ErrorAction SilentlyContinue) {
    Set-OutboundConnector -Identity $Outbound -Enabled $false
}

# 3. Now put the domain's MX back to Microsoft 365 at your DNS host: the
#    value is shown in the Microsoft 365 admin centre, Settings > Domains >
#    exemple.fr > DNS records (<tenant>.mail.protection.outlook.com).
# 4. Once 3600 seconds (the gateway MX records' TTL) have passed, delete the
#    connectors:
#    Remove-InboundConnector -Identity $Inbound -Confirm:$false
#    Remove-OutboundConnector -Identity $Outbound -Confirm:$false

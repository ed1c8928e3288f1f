# Retour en arrière depuis la passerelle e-securemail pour exemple.fr :
# Exchange Online.
# Créé le 2026-01-15 par l’assistant de configuration e-securemail.
# À exécuter AVANT de remettre les MX vers Microsoft 365 : tant que le
# connecteur entrant n’accepte que le courrier de la passerelle, Microsoft
# refuse le courrier qui arrive en direct (550 5.7.51).
Connect-ExchangeOnline

$Inbound = 'e-securemail inbound'
$Outbound = 'e-securemail outbound'

# 1. Entrant : accepter de nouveau le courrier du domaine quel que soit
#    l’expéditeur.
if (Get-InboundConnector -Identity $Inbound -ErrorAction SilentlyContinue) {
    Set-InboundConnector -Identity $Inbound -RestrictDomainsToIPAddresses $false
}

# 2. Sortant : cesser d’envoyer le courrier par la passerelle.
if (Get-OutboundConnector -Identity $Outbound -ErrorAction SilentlyContinue) {
    Set-OutboundConnector -Identity $Outbound -Enabled $false
}

# 3. Remettez ensuite les MX du domaine vers Microsoft 365 chez votre
#    hébergeur DNS : la valeur figure dans le centre d’administration
#    Microsoft 365, Paramètres > Domaines > exemple.fr > Enregistrements DNS
#    (<tenant>.mail.protection.outlook.com).
# 4. Une fois 3600 secondes écoulées (le TTL des MX de la passerelle),
#    supprimez les connecteurs :
#    Remove-InboundConnector -Identity $Inbound -Confirm:$false
#    Remove-OutboundConnector -Identity $Outbound -Confirm:$false

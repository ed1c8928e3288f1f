## Les mots du moteur : vérifications, états, problèmes et corrections, enregistrements.

app-name = Assistant de mise en service e-securemail

## États

status-pass = OK
status-warn = À revoir
status-fail = Échec
status-unknown = Vérification impossible
status-waiting = En attente de vous

## Vérifications

check-domain-dns = Le domaine existe dans le DNS
check-destination-host = Serveur de destination
check-mx-gateway = Enregistrements MX vers la passerelle
check-spf-record = Enregistrement SPF
check-spf-gateway = Le SPF autorise la passerelle
check-spf-lookups = Limite de requêtes DNS du SPF
check-spf-all = Politique SPF pour les autres serveurs
check-dkim-record = Clé DKIM publiée
check-dkim-match = Clé DKIM identique à celle de la console
check-dmarc-record = Enregistrement DMARC
check-dmarc-reports = Rapports DMARC envoyés à la passerelle
check-mtasts-policy = La politique MTA-STS inclut la passerelle

## Chiffres affichés avec une vérification

detail-spf-lookups = Les serveurs destinataires font { $lookups ->
    [one] { $lookups } requête DNS
   *[other] { $lookups } requêtes DNS
} pour lire votre enregistrement SPF (10 au plus sont permises) ; { $void_lookups ->
    [0] aucune ne revient vide
    [one] { $void_lookups } revient vide
   *[other] { $void_lookups } reviennent vides
} (2 au plus sont permises).
detail-dkim-record = { $key_type ->
    [ed25519] Clé Ed25519.
   *[rsa] Clé RSA de { $key_bits } bits.
}
detail-dmarc-record = { $policy ->
    [none] Le courrier qui échoue aux contrôles est quand même distribué (p=none) : vous recevez seulement des rapports.
    [quarantine] Le courrier qui échoue aux contrôles est placé dans les indésirables (p=quarantine).
    [reject] Le courrier qui échoue aux contrôles est refusé (p=reject).
   *[other] Politique DMARC : { $policy }.
}
detail-mtasts-policy = { $mode ->
    [absent] Pas de politique MTA-STS : rien à changer avant la bascule des MX.
    [unknown] {""}
   *[other] Mode MTA-STS : { $mode }.
}{ $tls_rpt_count ->
    [0] {""}
   *[other] {" "}Les rapports TLS (TLS-RPT) partent vers : { $tls_rpt }.
}
detail-spf-gateway = Les serveurs d’envoi de la passerelle ont été testés avec votre enregistrement SPF ({ $gateway_ranges ->
    [one] { $gateway_ranges } plage d’adresses
   *[other] { $gateway_ranges } plages d’adresses
}).

## Problèmes : le message (ce qui ne va pas) et la correction (ce qu’il faut faire).

problem-lookup-failed = La requête DNS sur { $name } ({ $type }) a échoué : { $reason_text }.
fix-lookup-failed = Ce n’est pas une erreur dans vos enregistrements. Relancez la vérification dans quelques minutes ; si le problème persiste, vérifiez la connexion réseau et les réglages DNS de cet ordinateur (les sites web s’ouvrent-ils ?) ; s’ils sont bons, les serveurs de votre hébergeur DNS sont peut-être injoignables.
problem-no-record = Cette vérification attend que l’enregistrement dont elle dépend soit corrigé (« { $check } »).
fix-no-record = Corrigez d’abord les problèmes signalés pour « { $check } ».

problem-domain-dns-nxdomain = Le domaine { $domain } n’existe pas dans le DNS.
fix-domain-dns-nxdomain = Vérifiez l’orthographe du domaine. S’il est correct, le nom de domaine n’a peut-être pas été déposé, ou il a expiré : contactez votre registrar.

problem-destination-host-no-address = Le serveur { $host } n’a pas d’adresse IP dans le DNS (aucun enregistrement A ou AAAA).
fix-destination-host-no-address = Vérifiez l’orthographe du nom du serveur, ou saisissez plutôt son adresse IP.
problem-destination-host-loop = { $host } est la passerelle elle-même : le courrier filtré lui serait renvoyé en boucle.
fix-destination-host-loop = Indiquez le serveur qui héberge vos boîtes aux lettres (pour Microsoft 365 : votre-domaine.mail.protection.outlook.com), et non la passerelle.

problem-mx-gateway-no-mx = { $domain } n’a aucun enregistrement MX : personne ne peut écrire à ce domaine.
fix-mx-gateway-no-mx = Créez les deux enregistrements MX de la passerelle, tels que l’assistant les donne, dans l’éditeur de zone de votre hébergeur DNS.
problem-mx-gateway-leftover-mx = { $bypass ->
    [true] L’ancien enregistrement MX { $host } (priorité { $preference }) est toujours présent, avec une priorité égale ou supérieure à celle de la passerelle : les expéditeurs l’utiliseront et le courrier contournera le filtrage.
   *[false] L’ancien enregistrement MX { $host } (priorité { $preference }) est toujours présent : les spammeurs peuvent s’en servir pour contourner le filtrage.
}
fix-mx-gateway-leftover-mx = Supprimez l’enregistrement MX { $host } dans l’éditeur de zone de votre hébergeur DNS. Ne gardez que les MX de la passerelle.
problem-mx-gateway-mx-reset-to-microsoft = L’enregistrement MX pointe de nouveau vers Microsoft 365 ({ $host }, priorité { $preference }) : la configuration DNS automatique du centre d’administration Microsoft 365 (ou un bouton « Corriger ») l’a remis, et le courrier contourne désormais la passerelle.
fix-mx-gateway-mx-reset-to-microsoft = Faites de nouveau pointer le MX vers les hôtes de la passerelle et supprimez { $host }. Puis, dans le centre d’administration Microsoft 365 (Paramètres › Domaines), ne laissez pas Microsoft 365 gérer les enregistrements DNS du domaine : choisissez « Ajouter vos propres enregistrements DNS ».
problem-mx-gateway-domain-appended = L’enregistrement MX pointe vers { $host } : votre hébergeur DNS a ajouté votre domaine à la fin du nom de la passerelle.
fix-mx-gateway-domain-appended = Modifiez l’enregistrement et saisissez la cible avec un point final : { $expected }
problem-mx-gateway-mx-cname = { $gateway ->
    [true] L’enregistrement MX pointe vers { $host }, un alias (CNAME) de l’hôte de la passerelle { $target }. Le courrier arrive bien à la passerelle, mais un MX ne doit pas pointer vers un alias (RFC 2181) et certains expéditeurs ne le suivent pas.
   *[false] La cible MX { $host } est un alias (CNAME) de { $target }. Un MX doit pointer vers un nom qui a une adresse, pas vers un alias.
}
fix-mx-gateway-mx-cname = { $gateway ->
    [true] Faites pointer l’enregistrement MX directement vers le nom d’hôte de la passerelle : remplacez { $host } par { $target }
   *[false] Faites pointer l’enregistrement MX vers un nom d’hôte qui a des enregistrements A, comme les MX de la passerelle.
}
problem-mx-gateway-missing-gateway = L’enregistrement MX principal de la passerelle ({ $preference } { $host }) est absent.
fix-mx-gateway-missing-gateway = Créez un enregistrement MX de priorité { $preference } pointant vers { $host }.
problem-mx-gateway-missing-backup = L’enregistrement MX de secours de la passerelle ({ $preference } { $host }) est absent : si le MX principal est injoignable, le courrier restera en attente au lieu d’être reçu par le MX de secours.
fix-mx-gateway-missing-backup = Créez un enregistrement MX de priorité { $preference } pointant vers { $host }.
problem-mx-gateway-wrong-preference = L’enregistrement MX { $host } a la priorité { $preference } au lieu de { $expected }.
fix-mx-gateway-wrong-preference = Passez la priorité de { $host } à { $expected }.

problem-spf-record-missing = { $name } n’a pas d’enregistrement SPF.
fix-spf-record-missing = Créez l’enregistrement TXT proposé par l’assistant, à la racine de votre domaine.
problem-spf-record-multiple-records = Votre domaine a { $count } enregistrements SPF. Les serveurs destinataires considèrent alors le SPF comme en erreur permanente (permerror) et n’en tiennent aucun compte.
fix-spf-record-multiple-records = Supprimez tous les enregistrements SPF et créez uniquement l’enregistrement fusionné proposé par l’assistant.
problem-spf-record-syntax = L’enregistrement SPF n’est pas valide : le terme « { $term } » est incorrect ({ $reason_text }).
fix-spf-record-syntax = Remplacez l’enregistrement par celui que propose l’assistant, ou corrigez « { $term } ».
problem-spf-record-quoted-value = L’enregistrement SPF a été saisi avec des guillemets dans sa valeur : { $value }. Les serveurs destinataires ne le reconnaissent pas.
fix-spf-record-quoted-value = Modifiez l’enregistrement et retirez les guillemets : votre hébergeur DNS les ajoute lui-même.
problem-spf-record-include-no-record = L’enregistrement SPF inclut { $domain }, qui n’a pas d’enregistrement SPF. Les serveurs destinataires y voient une erreur permanente.
fix-spf-record-include-no-record = Vérifiez l’orthographe de { $domain } ou retirez cet include.
problem-spf-record-include-multiple-records = L’enregistrement SPF inclut { $domain }, qui a { $count } enregistrements SPF : une erreur permanente pour les serveurs destinataires.
fix-spf-record-include-multiple-records = Contactez le gestionnaire de { $domain }, ou retirez cet include.
problem-spf-record-include-syntax = L’enregistrement SPF inclut { $domain }, dont l’enregistrement n’est pas valide (« { $term } » : { $reason_text }).
fix-spf-record-include-syntax = Contactez le gestionnaire de { $domain }, ou retirez cet include.
problem-spf-record-include-loop = L’enregistrement SPF inclut { $domain } en boucle.
fix-spf-record-include-loop = Retirez l’include qui ramène à { $domain }.

problem-spf-gateway-gateway-not-authorised = { $reason ->
    [after-all] L’include:{ $include } de la passerelle est placé après « all » : les serveurs destinataires arrêtent leur lecture à « all », la passerelle n’est donc pas autorisée.
    [qualifier] L’include:{ $include } de la passerelle porte un qualificatif (-, ~ ou ?) qui ne l’autorise pas.
    [overridden] L’include:{ $include } de la passerelle est présent, mais le terme « { $term } », placé avant lui, en décide autrement pour une partie des serveurs de la passerelle.{ $ranges_count ->
        [0] {""}
       *[other] {" "}Adresses non autorisées : { $ranges }.
    }
    [partial] Une partie seulement des adresses d’envoi de la passerelle est autorisée ; adresses non autorisées : { $ranges }. Le courrier que la passerelle envoie depuis ces adresses échoue au contrôle SPF.
    [lookup-limit] Les serveurs destinataires arrêtent la lecture de l’enregistrement SPF à « { $term } », au-delà de la limite de { $limit } requêtes DNS, avant que la passerelle soit autorisée : le SPF échoue sur une erreur permanente.
    [void-limit] Les serveurs destinataires arrêtent la lecture de l’enregistrement SPF à « { $term } », troisième requête sans réponse (2 au plus sont tolérées), avant que la passerelle soit autorisée : le SPF échoue sur une erreur permanente.
    [permerror] Un include ou un redirect de l’enregistrement SPF mène à une erreur (voir « Enregistrement SPF ») : les serveurs destinataires rejettent le contrôle SPF, la passerelle n’est donc pas autorisée.
    [no-record] Il n’y a pas d’enregistrement SPF : la passerelle n’est pas autorisée à envoyer pour votre domaine.
    [multiple-records] Il y a plusieurs enregistrements SPF, les serveurs destinataires les ignorent tous : la passerelle n’est pas autorisée.
    [invalid-record] L’enregistrement SPF n’est pas valide, les serveurs destinataires l’ignorent : la passerelle n’est pas autorisée.
   *[absent] L’enregistrement SPF n’autorise pas la passerelle : il manque include:{ $include }.
}
problem-spf-gateway-not-evaluable = La politique SPF dépend du serveur d’envoi (elle utilise des macros %{"{"}…{"}"} avant d’atteindre la passerelle) : impossible d’évaluer d’ici si elle autorise la passerelle.
fix-spf-gateway-not-evaluable = Vérifiez auprès du gestionnaire de ces macros que la passerelle (include:{ $include }) est bien autorisée.
fix-spf-gateway-gateway-not-authorised = { $reason ->
    [lookup-limit] Réduisez le nombre de requêtes DNS de l’enregistrement SPF (voir « Limite de requêtes DNS du SPF ») pour que les serveurs destinataires atteignent include:{ $include }.
    [void-limit] Retirez les termes qui pointent vers des noms qui n’existent plus (voir « Limite de requêtes DNS du SPF »).
    [permerror] Corrigez ou retirez l’include ou le redirect signalé dans « Enregistrement SPF ».
   *[other] Publiez l’enregistrement SPF fusionné proposé par l’assistant : il garde vos serveurs actuels et ajoute include:{ $include } à une place où aucun terme ne peut en décider avant lui.
}
problem-spf-gateway-could-block = Le terme « { $term } » (dans l’enregistrement de { $domain }) est lu avant l’include de la passerelle : selon le serveur d’envoi ou d’autres enregistrements DNS, il peut décider contre les serveurs de la passerelle avant que include:{ $include } soit atteint.
fix-spf-gateway-could-block = Placez include:{ $include } avant « { $term } », comme dans l’enregistrement SPF fusionné proposé par l’assistant.

problem-spf-lookups-too-many-lookups = L’enregistrement SPF nécessite plus de { $limit } requêtes DNS : les serveurs destinataires s’arrêtent à « { $term } » (dans l’enregistrement de { $domain }) sur une erreur permanente, et le SPF échoue pour tout votre courrier.{ $beyond_count ->
    [0] {""}
   *[other] {" "}Jamais lus ensuite : { $beyond }.
}
fix-spf-lookups-too-many-lookups = Retirez les includes que vous n’utilisez plus, ou remplacez certains d’entre eux par les plages ip4:/ip6: qu’ils représentent.
problem-spf-lookups-too-many-void-lookups = { $count } requêtes DNS de l’enregistrement SPF obtiennent une réponse vide ; la limite est de { $limit }. Les serveurs destinataires s’arrêtent à « { $term } » (dans l’enregistrement de { $domain }) sur une erreur permanente.
fix-spf-lookups-too-many-void-lookups = Retirez les includes et les termes a: ou mx: qui pointent vers des noms qui n’existent plus.
problem-spf-lookups-too-many-mx-names = Le terme « mx » de { $name } renvoie { $count } serveurs de messagerie ; la limite est de { $limit }.
fix-spf-lookups-too-many-mx-names = Remplacez le terme « mx » par les plages ip4:/ip6: de vos serveurs d’envoi.

problem-spf-all-soft-all = L’enregistrement se termine par « ~all » : le courrier venant de serveurs non autorisés est seulement marqué comme suspect.
fix-spf-all-soft-all = Une fois tous vos serveurs d’envoi listés, remplacez « ~all » par « -all ».
problem-spf-all-neutral-all = L’enregistrement se termine par « ?all » : il ne dit rien des autres serveurs.
fix-spf-all-neutral-all = Une fois tous vos serveurs d’envoi listés, remplacez « ?all » par « -all ».
problem-spf-all-no-all = L’enregistrement n’a pas de terme « all » : il ne dit rien des autres serveurs.
fix-spf-all-no-all = Ajoutez « -all » à la fin de l’enregistrement une fois tous vos serveurs d’envoi listés.
problem-spf-all-plus-all = L’enregistrement se termine par « +all » : n’importe qui dans le monde est autorisé à envoyer du courrier au nom de votre domaine.
fix-spf-all-plus-all = Remplacez « +all » par « -all ».
problem-spf-all-lookup-limit = Les serveurs destinataires n’atteignent jamais la fin de la politique SPF : sa chaîne de redirect= dépasse la limite de { $limit } requêtes DNS, et le SPF échoue sur une erreur permanente.
fix-spf-all-lookup-limit = Raccourcissez la chaîne de redirect= pour que la politique se termine par « -all » en { $limit } requêtes au plus.
problem-spf-all-everyone-authorised = La politique SPF autorise tous les serveurs du monde, par { $terms } : n’importe qui peut envoyer du courrier au nom de votre domaine.
fix-spf-all-everyone-authorised = Retirez { $terms } de l’enregistrement, ou demandez à son gestionnaire de le terminer par « -all » au lieu de « +all ».

problem-dkim-record-missing = Aucune clé DKIM n’est publiée sous { $name }
fix-dkim-record-missing = Générez la clé dans la console, puis publiez-la dans un enregistrement TXT sous ce nom.
problem-dkim-record-domain-appended = La clé DKIM est publiée sous { $name } : votre hébergeur DNS a ajouté votre domaine à la fin du nom.
fix-dkim-record-domain-appended = Renommez l’enregistrement : saisissez uniquement { $expected }
problem-dkim-record-revoked-key = L’enregistrement DKIM a une clé vide (p=) : la clé est révoquée et aucune signature ne peut être vérifiée.
fix-dkim-record-revoked-key = Publiez la clé générée dans la console.
problem-dkim-record-invalid-key = { $reason ->
    [too-short] La clé DKIM ne fait que { $bits } bits : les serveurs destinataires refusent les clés de moins de 1024 bits.
    [too-long] La clé DKIM fait { $bits } bits, plus que ce que les serveurs destinataires acceptent.
    [base64] La clé DKIM (p=) n’est pas un texte base64 valide : une partie s’est peut-être perdue au copier-coller.
    [not-rsa] La clé DKIM n’est pas une clé RSA, alors que l’enregistrement l’annonce.
   *[other] La clé DKIM (p=) est corrompue : une partie s’est peut-être perdue au copier-coller.
}
fix-dkim-record-invalid-key = Copiez à nouveau la clé entière depuis la console et remplacez la valeur de l’enregistrement.
problem-dkim-record-syntax = L’enregistrement DKIM n’est pas valide : balise « { $tag } » ({ $reason_text }).
fix-dkim-record-syntax = Remplacez la valeur de l’enregistrement par celle que propose l’assistant.
problem-dkim-record-quoted-value = La valeur de l’enregistrement DKIM a été saisie avec des guillemets.
fix-dkim-record-quoted-value = Modifiez l’enregistrement et retirez les guillemets : votre hébergeur DNS les ajoute lui-même.
problem-dkim-record-multiple-records = { $count } enregistrements DKIM sont publiés sous le même nom : les serveurs destinataires ne savent pas lequel utiliser.
fix-dkim-record-multiple-records = Ne gardez qu’un seul enregistrement, avec la clé de la console.
problem-dkim-record-testing-mode = L’enregistrement DKIM est en mode test (t=y) : les serveurs destinataires peuvent ignorer les signatures en échec.
fix-dkim-record-testing-mode = Retirez « t=y » une fois la signature opérationnelle.
problem-dkim-record-invalid-character = La balise « { $tag } » de l’enregistrement DKIM contient un caractère de contrôle ou invisible : { $value }. Les vérificateurs risquent de ne pas lire l’enregistrement tel qu’il vous est affiché.
fix-dkim-record-invalid-character = Remplacez la valeur de l’enregistrement par celle que donne l’assistant. (Les caractères invisibles sont affichés ici sous la forme \u{"{"}…{"}"}.)

problem-dkim-record-not-for-email = L’enregistrement DKIM réserve sa clé à d’autres services (s={ $services }) : les serveurs destinataires l’ignorent pour le courrier, aucune signature ne peut donc être vérifiée.
fix-dkim-record-not-for-email = Remplacez la valeur de l’enregistrement par celle que propose l’assistant (elle n’a pas de balise s=).
problem-dkim-record-no-sha256 = L’enregistrement DKIM n’autorise que { $hashes } comme algorithme de hachage (h=) : les serveurs destinataires n’acceptent que les signatures sha256 (RFC 8301) et ignorent donc cette clé.
fix-dkim-record-no-sha256 = Remplacez la valeur de l’enregistrement par celle que propose l’assistant (elle n’a pas de balise h=).
problem-dkim-record-large-key = La clé DKIM fait { $bits } bits : les serveurs destinataires ne sont tenus d’accepter que les clés de 4096 bits au plus, et certains ne vérifieront pas vos signatures.
fix-dkim-record-large-key = Générez une clé de 2048 bits dans la console et publiez-la à la place.

problem-dkim-match-key-mismatch = La clé DKIM publiée n’est pas celle générée dans la console : le courrier signé échouera au contrôle DKIM.
fix-dkim-match-key-mismatch = Remplacez la valeur de l’enregistrement par celle que propose l’assistant. N’activez pas la signature dans la console avant que cette vérification soit au vert.
problem-dkim-match-waiting-console-key = En attente de la clé de la console : tant qu’elle n’est pas fournie, rien ne garantit que la clé publiée est celle avec laquelle la console signe.
fix-dkim-match-waiting-console-key = Générez la clé DKIM dans la console et collez ici sa clé publique. N’activez la signature dans la console qu’une fois cette vérification (« Clé DKIM identique à celle de la console ») au vert.

problem-dmarc-record-missing = Aucun enregistrement DMARC n’est publié sous { $name }
fix-dmarc-record-missing = Créez l’enregistrement TXT proposé par l’assistant.
problem-dmarc-record-multiple-records = { $count } enregistrements DMARC sont publiés : les serveurs destinataires ignorent alors entièrement DMARC.
fix-dmarc-record-multiple-records = Supprimez-les tous et ne gardez que l’enregistrement proposé par l’assistant.
problem-dmarc-record-syntax = L’enregistrement DMARC n’est pas valide : balise « { $tag } » ({ $reason_text }).
fix-dmarc-record-syntax = Remplacez la valeur de l’enregistrement par celle que propose l’assistant.
problem-dmarc-record-unknown-tag = L’enregistrement DMARC contient une balise que DMARC ne définit pas : « { $tag } ». Les serveurs destinataires l’ignorent.
fix-dmarc-record-unknown-tag = Vérifiez l’orthographe de « { $tag } », ou retirez-la.
problem-dmarc-record-quoted-value = L’enregistrement DMARC a été saisi avec des guillemets dans sa valeur : { $value }
fix-dmarc-record-quoted-value = Modifiez l’enregistrement et retirez les guillemets : votre hébergeur DNS les ajoute lui-même.
problem-dmarc-record-domain-appended = L’enregistrement DMARC est publié sous { $name } : votre hébergeur DNS a ajouté votre domaine à la fin du nom.
fix-dmarc-record-domain-appended = Renommez l’enregistrement : saisissez uniquement { $expected }
problem-dmarc-record-invalid-character = La balise « { $tag } » de l’enregistrement DMARC contient un caractère de contrôle, invisible ou non ASCII, qui n’a pas sa place dans un enregistrement DNS : { $value }
fix-dmarc-record-invalid-character = Remplacez la valeur de l’enregistrement par celle que donne l’assistant : elle conserve vos autres balises et retire celle-ci. (Les caractères invisibles sont affichés ici sous la forme \u{"{"}…{"}"}.)

problem-dmarc-reports-missing-report-address = Les rapports DMARC ne sont pas envoyés à la passerelle ({ $address }) : la console ne peut pas les afficher.
fix-dmarc-reports-missing-report-address = Ajoutez mailto:{ $address } à la balise rua de l’enregistrement, comme dans la valeur proposée par l’assistant.

problem-mtasts-policy-gateway-not-listed = { $mode ->
    [enforce] La politique MTA-STS est en mode « enforce » et ne mentionne pas { $hosts } : dès que les MX pointeront vers la passerelle, les expéditeurs qui appliquent MTA-STS garderont votre courrier en attente, puis le renverront à l’expéditeur.
   *[other] La politique MTA-STS (mode « { $mode } ») ne mentionne pas { $hosts } : après la bascule des MX, les expéditeurs signaleront des échecs de livraison vers la passerelle dans leurs rapports TLS.
}
fix-mtasts-policy-gateway-not-listed = Avant de basculer les MX : publiez d’abord le nouveau fichier de politique (vos lignes mx: actuelles conservées, celles de la passerelle ajoutées) à l’adresse { $url }, puis remplacez l’enregistrement TXT { $name } par « v=STSv1; id={ $id }; ». Les expéditeurs qui ont mis l’ancienne politique en cache récupèrent la nouvelle en voyant le nouvel id ; un expéditeur qui ne vérifie pas peut garder l’ancienne jusqu’à { $max_age_days } jours, soit jusqu’au { $until } : ne basculez les MX qu’une fois la nouvelle politique publiée depuis au moins un jour.
problem-mtasts-policy-policy-unreachable = Le domaine publie un enregistrement MTA-STS, mais sa politique n’a pas pu être récupérée à l’adresse { $url } ({ $reason ->
    [no-address] le nom n’a pas d’adresse
    [connect] connexion impossible
    [certificate] le certificat n’est pas valide pour ce nom
    [status] le serveur a répondu avec le code { $status }
    [too-large] le fichier est trop volumineux
    [not-text] le fichier n’est pas du texte
    [timeout] pas de réponse à temps
   *[other] l’échange a échoué
}). Les expéditeurs qui l’ont récupérée auparavant l’appliquent toujours, et elle peut ne pas mentionner la passerelle.
fix-mtasts-policy-policy-unreachable = Rendez le fichier de politique accessible à l’adresse { $url } avec un certificat valide, et vérifiez que ses lignes mx: mentionnent les serveurs de la passerelle avant de basculer les MX.
problem-mtasts-policy-policy-invalid = La politique MTA-STS publiée à l’adresse { $url } n’est pas valide ({ $reason ->
    [version] la ligne « version: STSv1 » manque
    [mode] son mode est absent ou inconnu
    [max-age] son max_age est absent ou trop long
    [no-mx] elle n’a aucune ligne mx:
   *[other] ce n’est pas du texte
}) : les expéditeurs l’ignorent.
fix-mtasts-policy-policy-invalid = Corrigez le fichier de politique, avec des lignes mx: pour les serveurs de la passerelle, puis changez l’id de l’enregistrement TXT MTA-STS.
problem-mtasts-policy-record-invalid = L’enregistrement MTA-STS { $name } n’est pas valide ({ $reason ->
    [multiple] il y en a plusieurs
   *[other] son id est absent ou ne contient pas que des lettres et des chiffres
}) : les expéditeurs considèrent que le domaine n’a pas de politique.
fix-mtasts-policy-record-invalid = Gardez un seul enregistrement « v=STSv1; id=…; » dont l’id ne contient que des lettres et des chiffres, ou supprimez-le si vous n’utilisez pas MTA-STS.

## Message de test (`message`) : vérifications que le DNS ne peut pas faire

check-message-inbound-gateway = Le courrier entrant passe par la passerelle
check-message-inbound-bypass = Rien n’atteint les boîtes aux lettres sans passer par la passerelle
check-message-inbound-destination = La passerelle livre au serveur de destination configuré
check-message-inbound-enhanced-filtering = Microsoft 365 évalue l’expéditeur d’origine (filtrage amélioré)
check-message-inbound-google-gateway = Google Workspace reconnaît la passerelle (passerelle entrante)
check-message-outbound-gateway = Le courrier sortant part par la passerelle
check-message-outbound-dkim = La signature DKIM de la passerelle est valide
check-message-outbound-spf = Le SPF est validé pour le serveur qui a remis le message
check-message-outbound-dmarc = Le DMARC est validé, aligné sur l’adresse d’expéditeur
check-message-outbound-receiver = Les résultats du destinataire concordent

problem-message-inbound-gateway-no-gateway-hop = { $hops ->
    [0] Le message n’a aucun en-tête Received : rien ne montre qu’il est passé par la passerelle.
    [1] L’unique en-tête Received du message ne mentionne aucun serveur ni aucune adresse de la passerelle : il n’est pas passé par la passerelle.
   *[other] Aucun des { $hops } en-têtes Received du message ne mentionne un serveur ou une adresse de la passerelle : il n’est pas passé par la passerelle.
}
fix-message-inbound-gateway-no-gateway-hop = Vérifiez que les enregistrements MX du domaine pointent vers la passerelle (vérification « Enregistrements MX vers la passerelle »), attendez que le changement se propage, puis envoyez un nouveau message de test.
problem-message-inbound-bypass-bypassed-gateway = Le message est arrivé sur { $by } directement depuis { $host }{ $ip ->
    [none] {""}
   *[other] {" "}({ $ip })
}, et non depuis la passerelle : le courrier peut encore contourner le filtrage.
fix-message-inbound-bypass-bypassed-gateway = Supprimez tout enregistrement MX qui ne pointe pas vers la passerelle, puis verrouillez le serveur de messagerie pour qu’il n’accepte le courrier que de la passerelle (étape de verrouillage). Envoyez ensuite un nouveau message de test.
problem-message-inbound-bypass-no-receiving-hop = Les en-têtes ne montrent pas quel serveur a remis le message à votre serveur de messagerie.
fix-message-inbound-bypass-no-receiving-hop = Copiez de nouveau les en-têtes complets du message, de la première ligne Received à la dernière, ou enregistrez le message au format .eml et fournissez ce fichier.
problem-message-inbound-destination-destination-mismatch = La passerelle a livré le message à { $host }, et non au serveur de destination configuré ({ $expected }).
fix-message-inbound-destination-destination-mismatch = Dans la console de la passerelle, indiquez { $expected } comme serveur de destination du domaine, puis envoyez un nouveau message de test.
problem-message-inbound-destination-destination-not-seen = Les en-têtes ne montrent aucun passage de la passerelle vers votre serveur de messagerie : la destination ({ $expected }) ne peut pas être confirmée.
fix-message-inbound-destination-destination-not-seen = Renvoyez le message de test une fois les enregistrements MX dirigés vers la passerelle, et copiez les en-têtes depuis la boîte aux lettres qui l’a reçu.
problem-message-inbound-enhanced-filtering-enhanced-filtering-off = Microsoft 365 a évalué l’adresse de la passerelle ({ $ip }) au lieu de celle de l’expéditeur d’origine : le SPF et l’anti-usurpation voient chaque message comme envoyé par la passerelle.
fix-message-inbound-enhanced-filtering-enhanced-filtering-off = Dans le portail Microsoft 365 Defender (Email et collaboration › Stratégies et règles › Stratégies de menace › Filtrage amélioré), activez le filtrage amélioré pour le connecteur entrant de la passerelle, pour tous les destinataires. Envoyez ensuite un nouveau message de test.
problem-message-inbound-enhanced-filtering-no-platform-results = Le message ne comporte aucun en-tête Authentication-Results écrit par Microsoft 365 indiquant l’adresse évaluée.
fix-message-inbound-enhanced-filtering-no-platform-results = Prenez les en-têtes du message tel qu’il est arrivé dans la boîte Microsoft 365 (dans Outlook sur le web : « Afficher › Afficher les détails du message »), et non d’une copie transférée.
problem-message-inbound-google-gateway-inbound-gateway-not-recognised = Google a évalué l’adresse de la passerelle ({ $ip }) au lieu de celle de l’expéditeur d’origine : la passerelle n’est pas déclarée comme passerelle entrante.
fix-message-inbound-google-gateway-inbound-gateway-not-recognised = Dans la console d’administration Google (Applications › Google Workspace › Gmail › Spam, hameçonnage et logiciels malveillants › Passerelle entrante), ajoutez les adresses de la passerelle et cochez « Détecter automatiquement l’adresse IP externe ». Envoyez ensuite un nouveau message de test.
problem-message-inbound-google-gateway-no-platform-results = Le message ne comporte aucun en-tête Authentication-Results écrit par Google indiquant l’adresse évaluée.
fix-message-inbound-google-gateway-no-platform-results = Prenez les en-têtes du message tel qu’il est arrivé dans Gmail (« Afficher l’original »), et non d’une copie transférée.
problem-message-inbound-enhanced-filtering-not-through-gateway = Le message n’est pas passé par la passerelle : il ne peut pas montrer si Microsoft 365 juge l’expéditeur d’origine du courrier que la passerelle lui remet.
fix-message-inbound-enhanced-filtering-not-through-gateway = Envoyez un nouveau message de test une fois qu’il passe par la passerelle (voir les vérifications ci-dessus).
problem-message-inbound-google-gateway-not-through-gateway = Le message n’est pas passé par la passerelle : il ne peut pas montrer si Google Workspace reconnaît la passerelle.
fix-message-inbound-google-gateway-not-through-gateway = Envoyez un nouveau message de test une fois qu’il passe par la passerelle (voir les vérifications ci-dessus).
problem-message-outbound-gateway-not-through-gateway = { $missing ->
    [into] Aucun en-tête ne montre votre plateforme de messagerie remettant le message à la passerelle.
    [out] La passerelle a reçu le message, mais aucun en-tête ne le montre repartant de la passerelle.
   *[both] Le message n’est pas passé par la passerelle à l’envoi.
}
fix-message-outbound-gateway-not-through-gateway = Faites passer le courrier sortant par la passerelle : connecteur sortant (Microsoft 365), passerelle sortante (Google Workspace) ou relais (smart host) de votre propre serveur, comme indiqué à l’étape de verrouillage. Envoyez ensuite un nouveau message de test.
problem-message-outbound-gateway-outside-gateway-ranges = Le message est parti de { $host } ({ $ip }), une adresse hors des plages de la passerelle.
fix-message-outbound-gateway-outside-gateway-ranges = Vérifiez auprès du support de la passerelle que { $ip } fait partie de ses adresses d’envoi ; sinon, faites passer le courrier sortant par la passerelle.
problem-message-outbound-dkim-dkim-not-signed = Le message ne porte aucune signature DKIM de la passerelle (d={ $domain }, s={ $selector }){ $found_count ->
    [0] {""}
   *[other] ; signatures trouvées : { $found }
}.
fix-message-outbound-dkim-dkim-not-signed = Activez la signature DKIM pour { $domain } dans la console de la passerelle, une fois la vérification « Clé DKIM identique à celle de la console » au vert. Envoyez ensuite un nouveau message de test.
problem-message-outbound-dkim-dkim-invalid = La signature DKIM de la passerelle ne correspond pas à la clé publiée sous { $name } : { $reason ->
    [body-hash] le corps du message a été modifié après la signature
    [signature] la signature ne correspond pas à la clé publiée
    [no-key] aucune clé valide n’y est publiée
    [revoked] la clé publiée est révoquée
    [expired] la signature a expiré
   *[other] la signature est illisible
}.
fix-message-outbound-dkim-dkim-invalid = { $reason ->
    [body-hash] Vérifiez que rien ne modifie le message après la passerelle (un transfert, une liste de diffusion, un filtre en chemin), puis envoyez un nouveau message de test directement à une boîte personnelle.
    [expired] Envoyez un nouveau message de test et vérifiez-le aussitôt.
   *[other] Publiez sous { $name } la clé générée dans la console (vérification « Clé DKIM identique à celle de la console »), puis envoyez un nouveau message de test.
}
problem-message-outbound-dkim-dkim-headers-only = La signature de la passerelle est présente et sa clé est publiée sous { $name }, mais sans le corps du message elle ne peut pas être vérifiée.
fix-message-outbound-dkim-dkim-headers-only = Enregistrez le message au format .eml (le message entier, pas seulement ses en-têtes) et fournissez ce fichier.
problem-message-outbound-spf-spf-not-passing = Le SPF donne « { $result } » pour { $ip }, le serveur qui a remis le message, pour { $domain }.
fix-message-outbound-spf-spf-not-passing = Publiez l’enregistrement SPF proposé par l’assistant, qui autorise la passerelle, et faites passer tout le courrier sortant par la passerelle.
problem-message-outbound-spf-no-receiving-hop = Les en-têtes ne montrent pas quel serveur a remis le message au destinataire.
fix-message-outbound-spf-no-receiving-hop = Copiez de nouveau les en-têtes complets depuis la boîte du destinataire, ou enregistrez le message au format .eml et fournissez ce fichier.
problem-message-outbound-dmarc-dmarc-not-passing = Le DMARC n’est pas validé pour { $domain } : { $reason ->
    [no-record] aucun enregistrement DMARC n’est publié
   *[other] ni le SPF ni le DKIM ne sont validés pour un domaine aligné sur l’adresse d’expéditeur
}.
fix-message-outbound-dmarc-dmarc-not-passing = { $reason ->
    [no-record] Publiez l’enregistrement DMARC proposé par l’assistant.
   *[other] Activez la signature DKIM dans la console de la passerelle et vérifiez l’enregistrement SPF : les problèmes ci-dessus indiquent lequel échoue.
}
problem-message-outbound-dmarc-no-receiving-hop = Les en-têtes ne montrent pas quel serveur a remis le message : le DMARC ne peut pas être évalué sans lui.
fix-message-outbound-dmarc-no-receiving-hop = Copiez de nouveau les en-têtes complets depuis la boîte du destinataire, ou enregistrez le message au format .eml et fournissez ce fichier.
problem-message-outbound-receiver-receiver-disagrees = Le destinataire a obtenu « { $receiver } » pour { $method }, alors que l’assistant le trouve { $ours ->
    [pass] validé
   *[other] en échec
} maintenant.
fix-message-outbound-receiver-receiver-disagrees = Un enregistrement a pu changer depuis l’envoi, ou un serveur entre la passerelle et le destinataire a modifié le message : envoyez un nouveau message de test et comparez.
problem-message-outbound-receiver-no-receiver-results = Le message ne comporte aucun en-tête Authentication-Results du destinataire.
fix-message-outbound-receiver-no-receiver-results = Prenez les en-têtes dans la boîte du destinataire (Gmail : « Afficher l’original » ; Outlook sur le web : « Afficher les détails du message »).

## Pourquoi un message de test ne peut pas être lu (`message`)

message-error-empty = Rien n’a été fourni : collez les en-têtes du message ou donnez son fichier .eml.
message-error-too-large = Le message pèse { $size_mb } Mo, plus que les { $limit_mb } Mo acceptés : envoyez un message de test sans pièce jointe.
message-error-headers-too-large = Les en-têtes dépassent { $limit_kb } Ko, bien plus que ceux d’un vrai message : ce ne sont pas les en-têtes d’un message de test.
message-error-binary = La ligne { $line } contient des données binaires : fournissez le fichier .eml du message ou ses en-têtes sous forme de texte.
message-error-not-text = La ligne { $line } n’est ni de l’ASCII ni du texte UTF-8 : enregistrez de nouveau le message au format .eml, ou copiez ses en-têtes depuis le logiciel de messagerie.
message-error-broken-header = La ligne { $line } n’est pas un en-tête (« { $text } ») : copiez les en-têtes en entier, de la première ligne à la dernière.
message-error-not-a-message = Ce n’est pas un message électronique : aucun en-tête From, Received ou DKIM-Signature n’a été trouvé.
message-error-too-many-hops = Le message a { $count } en-têtes Received, plus que les { $limit } qu’un vrai message peut avoir.
message-error-no-domain = Impossible de déduire le domaine du message : indiquez-le avec --domain.

cli-message-title = Message de test ({ $direction ->
    [inbound] entrant
   *[other] sortant
}) pour { $domain } : { $hops ->
    [1] 1 relais lu
   *[other] { $hops } relais lus
}{ $date ->
    [none] {""}
   *[other] , envoyé le { $date }
}
cli-message-headers-only = En-têtes seuls : l’empreinte DKIM du corps ne peut pas être vérifiée.
cli-error-message-file = Impossible de lire le message { $path } : { $error }

## Microsoft 365 : ce que dit le tenant (`tenant`), d’après la sortie du script de relecture

check-tenant-inbound-connector = Le connecteur entrant depuis la passerelle est actif, de type Partner
check-tenant-inbound-restricted = Le connecteur entrant n’accepte le courrier que des adresses de la passerelle
check-tenant-inbound-tls = Le connecteur entrant exige le TLS
check-tenant-inbound-enhanced-filtering = Le filtrage amélioré est activé sur le connecteur entrant
check-tenant-outbound-connector = Le connecteur sortant vers la passerelle est actif, de type Partner
check-tenant-outbound-smart-host = Le courrier sortant part vers l’hôte actif (smart host) de la passerelle
check-tenant-outbound-tls = Le connecteur sortant utilise le TLS et vérifie le certificat de l’hôte actif
check-tenant-outbound-scope = Le connecteur sortant s’applique à tous les domaines

problem-no-connector = { $direction ->
    [inbound] { $count ->
        [0] Le tenant n’a aucun connecteur entrant : rien ne limite qui peut lui remettre du courrier.
        [1] L’unique connecteur entrant du tenant n’est pas celui de la passerelle (il ne s’appelle pas « e-securemail inbound » et n’admet pas les adresses de la passerelle).
       *[other] Aucun des { $count } connecteurs entrants du tenant n’est celui de la passerelle (nommé « e-securemail inbound », ou admettant les adresses de la passerelle).
    }
   *[outbound] { $count ->
        [0] Le tenant n’a aucun connecteur sortant : le courrier part directement de Microsoft 365, sans passer par la passerelle.
        [1] L’unique connecteur sortant du tenant n’est pas celui de la passerelle (il ne s’appelle pas « e-securemail outbound » et n’envoie pas à l’hôte actif de la passerelle).
       *[other] Aucun des { $count } connecteurs sortants du tenant n’est celui de la passerelle (nommé « e-securemail outbound », ou envoyant à l’hôte actif de la passerelle).
    }
}
fix-no-connector = Exécutez le script de verrouillage (étape de verrouillage, Microsoft 365) : il crée le connecteur. Ou, dans le Centre d’administration Exchange (Flux de courrier › Connecteurs), ajoutez un connecteur { $direction ->
    [inbound] depuis une organisation partenaire, pour les adresses de la passerelle
   *[outbound] vers une organisation partenaire, par l’hôte actif de la passerelle
}. Relancez ensuite le script de relecture.
problem-connector-disabled = Le connecteur { $direction ->
    [inbound] entrant
   *[outbound] sortant
} « { $name } » est désactivé.
fix-connector-disabled = Dans le Centre d’administration Exchange (Flux de courrier › Connecteurs), activez « { $name } », ou exécutez : Set-{ $direction ->
    [inbound] Inbound
   *[outbound] Outbound
}Connector -Identity { $identity } -Enabled $true
problem-connector-not-partner = Le connecteur { $direction ->
    [inbound] entrant « { $name } » est de type { $type }, et non Partner : il sert au courrier venant de vos propres serveurs, pas de la passerelle.
   *[outbound] sortant « { $name } » est de type { $type }, et non Partner : il sert au courrier destiné à vos propres serveurs, pas à la passerelle.
}
fix-connector-not-partner = Relancez le script de verrouillage : il donne au connecteur le type Partner. Ou exécutez : Set-{ $direction ->
    [inbound] Inbound
   *[outbound] Outbound
}Connector -Identity { $identity } -ConnectorType Partner
problem-ranges-unknown = Les plages d’adresses de la passerelle ne sont pas connues : les adresses du connecteur ne peuvent pas leur être comparées.
fix-ranges-unknown = Indiquez les plages d’adresses de la passerelle (la liste fournie par le support, ou laissez l’assistant les lire dans l’enregistrement SPF de la passerelle une fois que le DNS répond), puis vérifiez de nouveau.
problem-tenant-inbound-restricted-not-restricted = Le connecteur entrant « { $name } » ne refuse pas le courrier venant d’autres adresses (RestrictDomainsToIPAddresses est désactivé) : les expéditeurs peuvent encore atteindre Microsoft 365 sans passer par la passerelle.
fix-tenant-inbound-restricted-not-restricted = Une fois que les MX pointent uniquement vers la passerelle, relancez le script de verrouillage, ou exécutez : Set-InboundConnector -Identity { $identity } -RestrictDomainsToIPAddresses $true
problem-tenant-inbound-restricted-addresses-outside-gateway = Le connecteur entrant « { $name } » admet { $count ->
    [1] une adresse
   *[other] { $count } adresses
} hors des plages de la passerelle : { $addresses }.
fix-tenant-inbound-restricted-addresses-outside-gateway = Ne gardez que les plages de la passerelle dans les adresses d’expéditeur du connecteur : relancez le script de verrouillage (il définit la liste), ou modifiez « { $name } » dans le Centre d’administration Exchange (Flux de courrier › Connecteurs).
problem-tenant-inbound-restricted-gateway-ranges-missing = Le connecteur entrant « { $name } » n’admet pas { $count ->
    [1] la plage { $ranges } de la passerelle : le courrier qui en vient serait refusé.
   *[other] { $count } des plages de la passerelle ({ $ranges }) : le courrier qui en vient serait refusé.
}
fix-tenant-inbound-restricted-gateway-ranges-missing = Relancez le script de verrouillage avec les plages actuelles de la passerelle : il définit les adresses d’expéditeur du connecteur.
problem-tenant-inbound-restricted-sender-domains-partial = Le connecteur entrant « { $name } » ne s’applique qu’au courrier de { $domains }, et non de tous les domaines (*) : le courrier des autres expéditeurs n’est pas limité à la passerelle.
fix-tenant-inbound-restricted-sender-domains-partial = Relancez le script de verrouillage, ou exécutez : Set-InboundConnector -Identity { $identity } -SenderDomains '*'
problem-tenant-inbound-tls-tls-not-required = Le connecteur entrant « { $name } » n’exige pas le TLS : le courrier de la passerelle peut arriver sans chiffrement.
fix-tenant-inbound-tls-tls-not-required = Relancez le script de verrouillage, ou exécutez : Set-InboundConnector -Identity { $identity } -RequireTls $true
problem-tenant-inbound-enhanced-filtering-enhanced-filtering-off = Le filtrage amélioré est désactivé sur le connecteur entrant « { $name } » : Microsoft 365 considère chaque message comme envoyé par la passerelle, si bien que le SPF et l’anti-usurpation évaluent la passerelle, et non l’expéditeur d’origine.
fix-tenant-inbound-enhanced-filtering-enhanced-filtering-off = Dans le portail Microsoft Defender (Email et collaboration › Stratégies et règles › Stratégies de menace › Filtrage amélioré), choisissez « { $name } », « Détecter et ignorer automatiquement la dernière adresse IP » et tous les destinataires. Ou exécutez : Set-InboundConnector -Identity { $identity } -EFSkipLastIP $true
problem-tenant-inbound-enhanced-filtering-ef-skip-ips-partial = Le filtrage amélioré de « { $name } » ignore une liste d’adresses qui omet { $count ->
    [1] la plage { $ranges } de la passerelle.
   *[other] { $count } des plages de la passerelle ({ $ranges }).
}
fix-tenant-inbound-enhanced-filtering-ef-skip-ips-partial = Faites-lui plutôt ignorer la dernière adresse, quelles que soient les plages de la passerelle : Set-InboundConnector -Identity { $identity } -EFSkipLastIP $true
problem-tenant-inbound-enhanced-filtering-ef-some-users = Le filtrage amélioré de « { $name } » ne s’applique qu’à { $count ->
    [1] un seul destinataire
   *[other] { $count } destinataires
}, et non à tous.
fix-tenant-inbound-enhanced-filtering-ef-some-users = Dans le portail Microsoft Defender (Filtrage amélioré), appliquez-le à tous les destinataires, ou exécutez : Set-InboundConnector -Identity { $identity } -EFUsers $null
problem-tenant-outbound-smart-host-uses-mx-record = Le connecteur sortant « { $name } » livre aux enregistrements MX des destinataires, et non à l’hôte actif de la passerelle : le courrier sortant n’est pas filtré.
fix-tenant-outbound-smart-host-uses-mx-record = Relancez le script de verrouillage avec l’hôte actif indiqué dans la console de la passerelle : il désactive UseMXRecord et définit l’hôte actif.
problem-tenant-outbound-smart-host-smart-host-mismatch = Le connecteur sortant « { $name } » envoie { $found_count ->
    [0] sans hôte actif
   *[other] à { $found }
} au lieu du seul hôte actif de la passerelle, { $expected }.
fix-tenant-outbound-smart-host-smart-host-mismatch = Relancez le script de verrouillage, ou exécutez : Set-OutboundConnector -Identity { $identity } -UseMXRecord $false -SmartHosts '{ $expected }'
problem-tenant-outbound-smart-host-smart-host-unknown = Le connecteur sortant envoie { $found_count ->
    [0] sans hôte actif
   *[other] à { $found }
}, mais l’hôte actif de la passerelle n’est pas connu ici : il ne peut pas être confirmé.
fix-tenant-outbound-smart-host-smart-host-unknown = Indiquez l’hôte actif de la passerelle, tel qu’il figure dans sa console, puis vérifiez de nouveau.
problem-tenant-outbound-tls-outbound-tls-off = Le connecteur sortant « { $name } » n’utilise pas le TLS : le courrier vers la passerelle peut circuler sans chiffrement.
fix-tenant-outbound-tls-outbound-tls-off = Relancez le script de verrouillage : il active le TLS et fait vérifier le certificat de l’hôte actif (TlsSettings DomainValidation).
problem-tenant-outbound-tls-tls-not-validated = Le connecteur sortant « { $name } » utilise le TLS ({ $setting }) sans vérifier que le certificat est bien celui de l’hôte actif.
fix-tenant-outbound-tls-tls-not-validated = Relancez le script de verrouillage : il règle TlsSettings sur DomainValidation, avec le nom de l’hôte actif comme TlsDomain.
problem-tenant-outbound-tls-tls-domain-mismatch = Le connecteur sortant « { $name } » vérifie le certificat pour « { $found } » au lieu de l’hôte actif { $expected }.
fix-tenant-outbound-tls-tls-domain-mismatch = Exécutez : Set-OutboundConnector -Identity { $identity } -TlsDomain '{ $expected }'
problem-tenant-outbound-scope-scope-not-all = Le connecteur sortant « { $name } » ne s’applique qu’au courrier destiné à { $count ->
    [0] aucun domaine
   *[other] { $domains }
}, et non à tous les domaines (*) : le reste du courrier sortant part sans passer par la passerelle.
fix-tenant-outbound-scope-scope-not-all = Relancez le script de verrouillage, ou exécutez : Set-OutboundConnector -Identity { $identity } -RecipientDomains '*'
problem-tenant-outbound-scope-transport-rule-scoped = Le connecteur sortant « { $name } » ne prend que le courrier qu’une règle de transport lui envoie : le reste du courrier sortant part sans passer par la passerelle.
fix-tenant-outbound-scope-transport-rule-scoped = Sauf si une règle de transport doit choisir le courrier qui passe par la passerelle, exécutez : Set-OutboundConnector -Identity { $identity } -IsTransportRuleScoped $false
problem-tenant-outbound-scope-all-accepted-domains = Le connecteur sortant « { $name } » est réglé pour le courrier destiné aux domaines acceptés de l’organisation (AllAcceptedDomains), un réglage pour les déploiements hybrides, et non pour le courrier vers Internet.
fix-tenant-outbound-scope-all-accepted-domains = Exécutez : Set-OutboundConnector -Identity { $identity } -AllAcceptedDomains $false

## Pourquoi un texte collé n’est pas la sortie du script de relecture (`tenant`)

tenant-error-empty = Rien n’a été fourni : exécutez le script de relecture et collez ce qu’il a affiché, ou donnez le fichier qu’il a enregistré.
tenant-error-too-large = Le texte pèse { $size_kb } Ko, plus que les { $limit_kb } Ko que peut peser une relecture : ce n’est pas la sortie du script de relecture.
tenant-error-binary = La ligne { $line } contient des données binaires : collez la sortie du script de relecture sous forme de texte.
tenant-error-not-text = La ligne { $line } n’est pas du texte UTF-8 : donnez tel quel le fichier enregistré par le script de relecture.
tenant-error-other-command = C’est la sortie d’une autre commande (une liste de connecteurs comme Get-InboundConnector | Format-List), et non celle du script de relecture : exécutez le script de relecture et collez ce qu’il affiche.
tenant-error-script = C’est un script, et non ce qu’il a affiché : exécutez le script de relecture dans PowerShell, puis collez sa sortie.
tenant-error-not-readback = Ce n’est pas la sortie du script de relecture : sa première ligne, « esm-assistant tenant read-back v1 », est absente.
tenant-error-unknown-version = Cette sortie vient d’une autre version du script de relecture ({ $version }) : reprenez le script dans cet assistant et exécutez-le.
tenant-error-repeated = La sortie a été collée plusieurs fois (de nouveau à la ligne { $line }) : collez-la une seule fois.
tenant-error-truncated = La sortie est coupée : sa dernière ligne, « end: … », est absente. Copiez-la en entier, ou donnez le fichier enregistré par le script.
tenant-error-altered = La sortie a { $found } lignes alors que le script en a compté { $expected } : des lignes ont été perdues ou modifiées. Donnez plutôt le fichier enregistré par le script.
tenant-error-broken-line = La ligne { $line } n’est pas de celles qu’écrit le script (« { $text } ») : copiez la sortie en entier, telle quelle.
tenant-error-unknown-key = La ligne { $line } porte une clé que le script n’écrit pas ({ $key }) : la sortie a été modifiée, ou vient d’une autre version.
tenant-error-repeated-key = La ligne { $line } donne { $key } une seconde fois pour le même connecteur : la sortie a été modifiée.
tenant-error-missing-key = La valeur { $key } d’un connecteur est absente (avant la ligne { $line }) : la sortie a été modifiée ou coupée.
tenant-error-bad-value = La valeur de { $key } à la ligne { $line } n’est pas écrite comme le fait le script : la sortie a été modifiée.
tenant-error-too-many-connectors = La sortie liste plus de { $limit } connecteurs, bien plus qu’un tenant n’en a.

tenant-script-title = Relecture des connecteurs Exchange Online, pour l’assistant de configuration e-securemail.
tenant-script-domain = Domaine configuré : { $domain }
tenant-script-read-only = Ce script ne fait que lire les connecteurs (Get-InboundConnector, Get-OutboundConnector) : il ne modifie rien dans le tenant.
tenant-script-output = Il affiche le résultat et l’enregistre aussi sous { $file } dans le dossier courant : collez le résultat dans l’assistant, ou donnez-lui ce fichier.
tenant-script-encode = Chaque valeur est écrite encodée en pourcentage, pour qu’aucun nom ni aucune liste ne puisse casser les lignes que lit l’assistant.
tenant-script-inbound = Chaque connecteur entrant : son type, les expéditeurs et adresses qu’il admet, le TLS et le filtrage amélioré.
tenant-script-outbound = Chaque connecteur sortant : son type, ses hôtes actifs, le TLS et les destinataires qu’il dessert.
tenant-script-end = Le résultat : une ligne de version, les connecteurs, puis le nombre de lignes, pour repérer une copie coupée ou modifiée.

cli-tenant-title = Tenant Microsoft 365 : { $inbound ->
    [1] 1 connecteur entrant
   *[other] { $inbound } connecteurs entrants
} et { $outbound ->
    [1] 1 connecteur sortant
   *[other] { $outbound } connecteurs sortants
} lus
cli-error-tenant-file = Impossible de lire la relecture { $path } : { $error }
cli-tenant-script-written = Script de relecture écrit dans { $path }. Exécutez-le dans PowerShell Exchange Online, puis vérifiez ce qu’il affiche avec : esm-assistant tenant check { $file }

## Mots qui remplacent des codes dans les messages ci-dessus : affichés par $reason_text

arg-reason-timeout = pas de réponse à temps
arg-reason-servfail = le serveur a renvoyé une erreur (SERVFAIL)
arg-reason-refused = le serveur a refusé de répondre (REFUSED)
arg-reason-error = erreur réseau
arg-reason-not-resolved = requête non effectuée
arg-reason-not-spf = il ne commence pas par v=spf1
arg-reason-unknown-mechanism = mécanisme inconnu
arg-reason-missing-domain = il manque un nom de domaine
arg-reason-invalid-domain = nom de domaine invalide
arg-reason-invalid-address = adresse IP invalide
arg-reason-invalid-prefix = préfixe réseau invalide
arg-reason-duplicate-modifier = le modificateur apparaît deux fois
arg-reason-mechanism-as-modifier = « = » au lieu de « : », les serveurs destinataires l’ignorent donc
arg-reason-unexpected-argument = ce terme ne prend pas de valeur
arg-reason-invalid-macro = macro invalide
arg-reason-repeated-version = v=spf1 apparaît deux fois
arg-reason-malformed-tag = ce n’est pas de la forme nom=valeur
arg-reason-duplicate-tag = la balise apparaît deux fois
arg-reason-version-not-first = la version doit venir en premier
arg-reason-bad-version = version incorrecte
arg-reason-missing-key = la clé (p=) est absente
arg-reason-unknown-key-type = type de clé inconnu
arg-reason-missing-policy = la politique (p=) est absente
arg-reason-bad-value = valeur invalide
arg-reason-invalid-character = il contient un caractère de contrôle, invisible ou non ASCII (les caractères invisibles sont affichés sous la forme \u{"{"}…{"}"})

## Noms de domaine saisis par l’utilisateur

domain-error-empty = Saisissez un nom de domaine, par exemple example.com.
domain-error-space = Un nom de domaine ne peut pas contenir d’espace.
domain-error-empty-label = Le nom contient deux points à la suite, ou commence par un point.
domain-error-label-too-long = La partie « { $label } » fait { $bytes } caractères ; 63 au maximum sont autorisés.
domain-error-name-too-long = Le nom fait { $bytes } caractères ; 253 au maximum sont autorisés.
domain-error-hyphen = La partie « { $label } » commence ou se termine par un tiret.
domain-error-invalid-character = Le caractère « { $character } » n’est pas autorisé dans un nom de domaine.
domain-error-single-label = Saisissez le nom de domaine complet, avec son extension (par exemple example.com).
domain-error-idna = Ce nom de domaine international n’est pas valide.
domain-error-ip-address = Ceci est une adresse IP : saisissez plutôt le nom de domaine (par exemple example.com).
domain-error-numeric-tld = Un nom de domaine ne peut pas se terminer par un nombre : saisissez le nom de domaine complet (par exemple example.com).

## Noms internationaux qui peuvent en imiter d’autres

domain-shown = { $unicode } ({ $ascii })
domain-lookalike = { $kind ->
    [mixed] « { $unicode } » mélange des lettres de plusieurs alphabets
   *[latin] « { $unicode } » est écrit avec des lettres d’un autre alphabet qui ressemblent à des lettres latines
} : dans le DNS, ce domaine s’écrit { $ascii }. Vérifiez qu’il s’agit bien de votre domaine avant de publier quoi que ce soit.

## Enregistrements à publier

records-title = Enregistrements à publier pour { $domain }
record-purpose-mx = MX : le courrier destiné à votre domaine arrive sur la passerelle
record-purpose-spf = SPF : les serveurs autorisés à envoyer au nom de votre domaine
record-purpose-dkim = DKIM : la clé qui signe votre courrier
record-purpose-dmarc = DMARC : ce que les serveurs destinataires font du courrier en échec, et à qui ils envoient leurs rapports
record-purpose-mta-sts = MTA-STS : le nouvel id qui indique aux expéditeurs de récupérer la nouvelle politique
record-note-mta-sts-policy-first = Ne publiez cet enregistrement qu’après le nouveau fichier de politique, à l’adresse { $url } : { $policy }
record-name = Nom
record-full-name = Nom complet
record-type = Type
record-ttl = TTL
record-priority = Priorité
record-value = Valeur
record-strings = Valeur découpée en chaînes de 255 caractères au plus :
record-action-create = À créer
record-action-replace = En remplacement de l’enregistrement existant
record-action-keep = Déjà publié : rien à faire
record-action-unknown = Ce qui est publié n’a pas pu être lu : vérifiez de nouveau avant de modifier quoi que ce soit
record-delete-title = Enregistrements à supprimer
record-dkim-needs-key = Générez la clé dans la console ({ $path }), puis indiquez-la avec --dkim-key.
record-note-merge-too-many-lookups = Avec la passerelle, l’enregistrement SPF nécessiterait { $count } requêtes DNS, plus de 10 : retirez d’abord les includes inutilisés.
record-note-dropped-terms = Ces termes n’étaient pas valides et ont été retirés : { $terms }
record-note-dropped-characters = Ces balises contenaient un caractère de contrôle, invisible ou non ASCII, et ont été retirées : { $terms }
record-zone-no-value = { $name } { $ttl } IN { $rtype } : { $reason ->
    [unknown] ce qui est publié n’a pas pu être lu ; vérifiez de nouveau avant de modifier quoi que ce soit
    [keep] déjà publié, rien à faire
   *[key] sa valeur est la clé générée dans la console, encore à fournir
}
record-zone-delete = à supprimer : { $name } IN { $rtype } { $value }

## Ligne de commande

cli-report-title = Vérifications pour { $domain }
cli-report-resolver = Résolveur : { $resolver }
cli-resolver-system = celui du système
cli-resolver-authoritative = les serveurs de noms du domaine
cli-found = Trouvé :
cli-expected = Attendu :
cli-fix = Correction :
cli-summary = { $fail } en échec, { $warn } à revoir, { $unknown ->
    [one] { $unknown } non vérifiée
   *[other] { $unknown } non vérifiées
}, { $waiting } en attente de vous, { $pass } OK.
cli-records-hint = Pour les valeurs exactes à publier : esm-assistant records { $domain }
cli-label = { $label } :
cli-error-domain = « { $input } » n’est pas un nom de domaine : { $reason }
cli-error-destination = Le serveur de destination « { $input } » n’est ni un nom d’hôte ni une adresse IP : { $reason }
cli-error-dkim-key = La clé DKIM indiquée n’est pas une clé publique utilisable ({ $reason }).
cli-error-dkim-file = Impossible de lire le fichier de clé DKIM { $path } : { $error }
cli-error-nameserver = « { $input } » n’est ni une adresse IP ni une adresse IP:PORT.
cli-error-provider = Le profil de fournisseur est inutilisable : { $error }
cli-error-pdf = La liste de contrôle n’a pas pu être générée : { $error }
cli-error-write = Impossible d’écrire { $path } : { $error }

# Fichiers qui ne peuvent pas être écrits
file-error-not-regular = autre chose qu’un fichier porte ce nom (un dossier, un périphérique ou un tube) : il a été laissé tel quel
cli-error-out-terminal = --out - écrit le PDF sur la sortie standard, qui est ici un terminal : redirigez-la vers un fichier (--out - > liste.pdf), ou indiquez un nom de fichier.

# Fichiers qui ne peuvent pas être lus
file-error-not-found = il n’existe pas
file-error-not-a-file = c’est un dossier, un périphérique ou un tube, pas un fichier
file-error-too-large = il dépasse { $size }, bien plus que n’en contient jamais un tel fichier
file-error-permission = vous n’avez pas le droit de le lire
file-error-not-text = ce n’est pas du texte UTF-8
file-size-kib = { $count } Kio
file-size-mib = { $count } Mio
cli-error-provider-file = Impossible de lire le profil de fournisseur { $path } : { $error }


cli-checklist-written = Liste de contrôle enregistrée dans { $path }
cli-error-resolver = Impossible de configurer le résolveur DNS : { $error }

## Explication SPF (esm-assistant spf) : le résultat qu’obtient un destinataire.
## $result est le mot de la RFC 7208 (pass, fail, softfail, neutral, none,
## permerror, temperror), affiché tel quel.

spf-title = SPF de { $domain }, courrier envoyé depuis { $ip }
spf-inputs = Expéditeur : { $sender } · HELO : { $helo }
spf-result = Résultat : { $result }
spf-meaning = { $result ->
    [pass] Ce serveur est autorisé à envoyer du courrier pour { $domain }.
    [fail] Ce serveur n’est pas autorisé à envoyer du courrier pour { $domain } : les destinataires peuvent rejeter ses messages.
    [softfail] Ce serveur n’est probablement pas autorisé à envoyer du courrier pour { $domain } : les destinataires acceptent en général ses messages, mais les marquent comme suspects.
    [neutral] La politique SPF de { $domain } ne dit rien de ce serveur : les destinataires traitent ses messages comme s’il n’y avait pas de politique.
    [none] Aucune politique SPF ne s’applique : les destinataires ne peuvent pas savoir si ce serveur peut envoyer du courrier pour { $domain }.
    [permerror] La politique SPF de { $domain } ne peut pas être évaluée : les destinataires y voient une erreur permanente, et beaucoup traitent alors le message comme non authentifié.
   *[temperror] Une requête DNS a échoué pendant l’évaluation : les destinataires diffèrent en général le message et réessaient plus tard.
}
spf-decided-by = Décidé par : { $term } (enregistrement de { $domain })
spf-no-term = Aucun terme ne correspond : le résultat par défaut est neutral.
spf-stopped-at = Évaluation arrêtée sur : { $term } (enregistrement de { $domain })
spf-path = Chemin : { $path }
spf-why = Cause : { $reason }
spf-explanation = Explication publiée par le domaine : { $text }
spf-lookups = Requêtes DNS : { $lookups } sur 10 · requêtes sans résultat : { $void } sur 2
spf-why-invalid-domain = { $domain } n’est pas un nom de domaine qu’un destinataire peut vérifier.
spf-why-no-record = { $domain } ne publie aucun enregistrement SPF.
spf-why-multiple-records = { $domain } publie { $count } enregistrements SPF ; il ne doit y en avoir qu’un.
spf-why-syntax = L’enregistrement SPF de { $domain } n’est pas valide : le terme « { $term } » est incorrect ({ $reason_text }).
spf-why-include-no-record = L’include mène à { $domain }, qui ne publie aucun enregistrement SPF.
spf-why-redirect-no-record = La redirection mène à { $domain }, qui ne publie aucun enregistrement SPF.
spf-why-invalid-target = « { $term } » ne mène pas à un nom de domaine valide.
spf-why-too-many-lookups = L’évaluation nécessite plus de { $limit } termes qui interrogent le DNS.
spf-why-too-many-void-lookups = Plus de { $limit } requêtes de l’évaluation ne trouvent rien.
spf-why-too-many-mx-names = { $name } a { $count } enregistrements MX ; un terme « mx » peut en apporter { $limit } au plus.
spf-why-lookup-failed = La requête DNS { $type } pour { $name } a échoué : { $reason_text }.
cli-error-ip = « { $input } » n’est pas une adresse IP.
cli-error-too-long = { $option } dépasse { $max } caractères.

# --dns-host
cli-error-dns-host = « { $input } » n’est pas un hébergeur DNS que l’assistant connaît. Hébergeurs connus : { $hosts }.

## Démarrage : quand la fenêtre ne peut pas s’ouvrir

launch-no-display = Aucun affichage n’a été trouvé (ni WAYLAND_DISPLAY ni DISPLAY n’est défini) : la fenêtre ne peut pas s’ouvrir ici.
launch-no-window-built = Cette version d’esm-assistant a été compilée sans la fenêtre, pour les serveurs.
launch-commands = Les commandes fonctionnent sans elle, par exemple : esm-assistant check exemple.fr — esm-assistant --help les présente toutes (check, records, checklist, lockdown, spf).

## La fenêtre

step-start = Démarrage
step-destination = Serveur de destination
step-spf = SPF
step-dkim = DKIM
step-dmarc = DMARC
step-mx = Enregistrements MX
step-lockdown = Verrouillage
step-summary = Récapitulatif

platform-microsoft-365 = Microsoft 365
platform-google-workspace = Google Workspace
platform-own-server = Mon propre serveur (Exchange ou autre)
platform-other = Autre

gui-back = Précédent
gui-next = Suivant
gui-check-now = Vérifier maintenant
gui-checking = Vérification…
gui-not-checked = Pas encore vérifié
gui-checked-ago = Vérifié il y a { $seconds } s · prochaine vérification dans { $next } s
gui-checked-recently = Vérifié à { $time }
gui-start-over = Tout recommencer
gui-start-over-question = Effacer tout ce qui a été saisi et recommencer ?
gui-start-over-yes = Effacer et recommencer
gui-cancel = Annuler
gui-dismiss = Fermer
gui-progress-moved = Votre progression enregistrée n’a pas pu être utilisée : { $reason }. Le fichier a été mis de côté sous le nom { $path }, et l’assistant repart de zéro.
gui-save-failed = Votre progression n’a pas pu être enregistrée : { $error }

# La progression enregistrée, quand elle ne peut pas être restaurée
gui-progress-left = Votre progression enregistrée dans { $path } n’a pas pu être lue : { $reason }. Le fichier a été laissé à sa place, et rien de ce que vous saisirez ne sera enregistré pendant cette session, pour ne pas l’écraser. Une fois le problème réglé, relancez l’assistant.
gui-progress-not-moved = Votre progression enregistrée dans { $path } n’a pas pu être utilisée : { $reason }. Le fichier n’a pas pu être mis de côté ({ $error }) : il a été laissé à sa place, et rien de ce que vous saisirez ne sera enregistré pendant cette session, pour ne pas l’écraser.
progress-problem-damaged = il est endommagé
progress-problem-too-large = il dépasse { $size }, bien plus qu’il ne peut jamais contenir
progress-problem-field-too-large = { $field ->
    [dkim_key] la clé DKIM qu’il contient
    [ranges] la liste de plages qu’il contient
   *[other] l’un de ses champs
} dépasse { $size }
gui-dkim-key-too-long = C’est plus long qu’une clé ne peut l’être ({ $size }) : rien n’a été ajouté. Copiez la clé seule depuis la console.
lockdown-ranges-too-long = C’est plus long qu’une liste de plages ne peut l’être ({ $size }) : rien n’a été ajouté.

gui-copy = Copier
gui-copied = Copié ✓
gui-copy-all = Tout copier (ligne de fichier de zone)
gui-copy-failed = Impossible de copier dans le presse-papiers : { $error }
gui-show-full-name = Afficher le nom complet
gui-hide-full-name = Masquer le nom complet
gui-value-strings = Valeur longue : le DNS la stocke en { $count } chaînes de 255 caractères au plus. Collez-la en entier ; la plupart des hébergeurs DNS la découpent eux-mêmes.
gui-done-by-hand = J’ai fait cette étape
gui-mtasts-policy-file = 1. Le nouveau fichier de politique MTA-STS, à publier d’abord à l’adresse { $url }
gui-mtasts-record = 2. Ensuite, la nouvelle valeur de l’enregistrement TXT { $name }
gui-confirm-destination = J’ai enregistré ce serveur dans la console
gui-done-after-mx = Vous pourrez cocher cette case une fois l’étape « Enregistrements MX » au vert.
gui-done-after-propagation = Vous pourrez cocher cette case une fois que tous les résolveurs verront les nouveaux MX (voir l’étape MX).
gui-wait-lockdown-propagation = Pas encore : certains résolveurs donnent encore les anciens MX, donc certains expéditeurs peuvent encore livrer directement à votre serveur (voir « Les enregistrements MX vus par les résolveurs » à l’étape MX). Appliquez ces réglages une fois que tous voient la passerelle.
gui-wait-short-step = attend l’étape { $number }
gui-wait-short-confirmation = attend votre confirmation
gui-wait-step = En attente : terminez d’abord l’étape { $number }, « { $step } ».
gui-wait-confirmation = En attente de vous : une fois ce serveur enregistré dans la console, cochez la case en bas de cette page.
gui-wait-mx = Pas encore sans risque : enregistrez le serveur de destination dans la console (étape 2) avant de basculer les MX, sinon la passerelle ne saura pas où livrer votre courrier.
gui-wait-lockdown = Pas encore : les MX ne pointent pas uniquement vers la passerelle. Vous pouvez lire ces réglages dès maintenant, mais ne les appliquez qu’une fois l’étape « Enregistrements MX » au vert : appliqués maintenant, ils feraient refuser par votre serveur le courrier qui y arrive encore directement.
gui-dns-where = Où : dans l’éditeur de zone de votre hébergeur DNS, sous forme d’enregistrement { $rtype }.
gui-dns-where-host = Où : le DNS de votre domaine est hébergé chez { $host }. Connectez-vous à votre espace client et ajoutez un enregistrement { $rtype } dans l’éditeur de zone.
gui-dns-where-servers = Où : les serveurs de noms de votre domaine sont { $servers }. Connectez-vous à l’espace client du prestataire qui les gère et ajoutez un enregistrement { $rtype } dans l’éditeur de zone.

# Le guide de l’hébergeur DNS (assets/dns-hosts/) : son menu, ses libellés.
gui-dns-where-guide = Où : le DNS de votre domaine est hébergé chez { $host }. Ajoutez-y un enregistrement { $rtype } : { $path }.
gui-dns-where-link = Lien direct vers vos enregistrements DNS chez { $host } : { $url }
guide-leave-blank = (laissez ce champ vide)
guide-txt-too-long = Chez { $host }, le formulaire accepte au plus { $max } caractères, et cette valeur en compte { $length }.
records-dns-host = Sous la forme qu’attend l’éditeur de zone chez { $host }.

gui-start-title = Mettez en place e-securemail pour votre domaine
gui-start-intro = Cet assistant suit pas à pas le guide de mise en service e-securemail. Chaque valeur est prête à être copiée chez votre hébergeur DNS ou dans la console, et chaque étape est vérifiée en direct dans le DNS.
gui-language = Langue
gui-domain-label = Votre domaine
gui-domain-placeholder = votre-domaine.fr
gui-domain-hint = Vous pouvez coller une adresse e-mail ou une adresse web : seul le domaine est conservé.
gui-domain-idn = Écrit dans le DNS sous la forme { $ascii }.
gui-platform-label = Où sont hébergées vos boîtes aux lettres ?

gui-destination-why = La passerelle reçoit votre courrier, le filtre, puis remet le courrier sain à votre serveur de messagerie : le serveur de destination. Renseignez-le dans la console avant de modifier vos enregistrements MX.
gui-destination-where = Dans la console e-securemail ({ $url }), allez dans { $path } et saisissez votre serveur de destination.
gui-destination-label = Serveur de destination (nom d’hôte ou adresse IP)
gui-destination-placeholder = mail.votre-domaine.fr ou 192.0.2.25
gui-destination-suggestion = Pour Microsoft 365, votre serveur de destination est normalement :
gui-use-suggestion = Utiliser ce serveur
gui-destination-empty = Saisissez le serveur de destination pour le vérifier.

gui-can-wait = Votre domaine n’utilise pas encore la signature DKIM propre à { $platform } : SPF, DKIM et DMARC peuvent aussi être mis en place après la bascule des MX.
gui-cannot-wait = Votre domaine a déjà une entrée DKIM { $platform } ({ $selectors }) : mettez en place SPF, DKIM et DMARC avant de basculer les enregistrements MX.
gui-can-wait-unknown = SPF, DKIM et DMARC peuvent être mis en place après la bascule des MX, sauf si votre domaine a déjà une entrée DKIM.

gui-spf-why = Le SPF liste les serveurs autorisés à envoyer du courrier pour votre domaine. Les serveurs destinataires rejettent ou signalent le courrier venant d’autres serveurs : la passerelle doit donc figurer dans la liste.
gui-spf-current = Enregistrement actuel
gui-spf-none = Pas encore d’enregistrement SPF.
gui-spf-publish = Enregistrement à publier
gui-spf-one-record = Un domaine ne doit avoir qu’un seul enregistrement SPF : remplacez l’enregistrement actuel, n’en ajoutez pas un second.

gui-dkim-why = DKIM signe chaque message : les destinataires peuvent ainsi vérifier qu’il vient bien de votre domaine et n’a pas été modifié en route. La clé se génère dans la console e-securemail.
gui-dkim-key-label = La clé de la console
gui-dkim-key-placeholder = Collez la clé publique ici
gui-dkim-key-hint = Collez-la telle quelle : les guillemets, le p= et les retours à la ligne sont retirés.
gui-dkim-key-invalid = Ce n’est pas une clé publique utilisable ({ $reason }) : copiez de nouveau la clé entière.
gui-dkim-key-rsa = Clé RSA de { $bits } bits.
gui-dkim-key-ed25519 = Clé Ed25519.
gui-dkim-no-key = L’enregistrement à publier apparaît une fois la clé collée.
gui-dkim-warning = N’activez la signature DKIM dans la console qu’une fois la vérification « Clé DKIM identique à celle de la console » au vert ci-dessous : la clé publiée est alors bien celle avec laquelle la console signe. Activée trop tôt, elle peut faire rejeter vos messages.
gui-dkim-ready = La clé est publiée : vous pouvez maintenant activer la signature DKIM dans la console.

gui-dmarc-why = DMARC indique aux serveurs destinataires que faire du courrier qui échoue aux contrôles SPF et DKIM, et où envoyer les rapports. La console de la passerelle lit les rapports envoyés à { $address }.
gui-dmarc-where-console = La console de support peut générer cet enregistrement : { $url }, { $path }.
gui-dmarc-publish = Enregistrement à publier
gui-dmarc-kept-policy = Votre politique actuelle (p={ $policy }) est conservée ; l’adresse de rapport de la passerelle est ajoutée.

gui-mx-why = Les enregistrements MX indiquent aux serveurs expéditeurs où livrer votre courrier. Une fois dirigés vers la passerelle, ils font passer tout le courrier entrant par le filtrage.
gui-mx-order = Renseignez d’abord le serveur de destination dans la console (étape 2) : dès que les MX changent, la passerelle y livre votre courrier.
gui-mx-dot = Certains hébergeurs DNS exigent un point après le nom du serveur (france.security-mail.net.) : si le vôtre ajoute votre domaine à la fin du nom, saisissez ce point.
gui-mx-publish = Enregistrements à créer
gui-mx-delete = Enregistrements à supprimer
gui-mx-to-delete = à supprimer
gui-mx-google = Google Workspace : après la modification, vérifiez dans la console d’administration Google que la mise à jour des MX a bien été répliquée.
gui-mx-microsoft = Microsoft 365 : une fois que le courrier arrive par la passerelle, configurez un connecteur pour qu’Exchange Online n’accepte plus le courrier que de la passerelle (étape suivante).
gui-m365-dns-trap = Ne laissez pas le centre d’administration Microsoft 365 configurer vos enregistrements DNS automatiquement (ni ses boutons « Corriger » pour ce domaine) : il remet le MX sur Microsoft et le courrier contourne alors la passerelle. Choisissez « Ajouter vos propres enregistrements DNS ».

gui-lockdown-why = Pour ne recevoir que du courrier filtré, votre serveur de messagerie ne doit accepter le courrier que des serveurs de la passerelle. Sinon, les spammeurs peuvent lui écrire directement et contourner le filtrage.
gui-lockdown-how = Sur votre pare-feu, n’autorisez le SMTP (port 25) vers votre serveur de messagerie que depuis les serveurs de la passerelle.
gui-lockdown-ask = Demandez à { $email } les plages IP à autoriser pour le courrier entrant.

gui-summary-title = Où en est votre domaine
gui-summary-left = Reste à faire
gui-export = Exporter la liste de contrôle (PDF)
gui-export-short = Exporter (PDF)
gui-summary-export = Garder une trace
gui-copy-all-records = Copier tous les enregistrements
gui-save-zone = Exporter les enregistrements (fichier de zone)
gui-save-text = Exporter les enregistrements (texte)
gui-saving = Sauvegarde en cours…
gui-saved = { $kind ->
    [checklist] La liste de contrôle a été enregistrée :
    [script] Le fichier a été enregistré :
   *[records] Les enregistrements DNS ont été exportés :
} { $path }
gui-saved-no-dialog = Aucune boîte de dialogue d’enregistrement ne peut s’ouvrir ici : { $kind ->
    [checklist] la liste de contrôle a donc été enregistrée sous
    [script] le fichier a donc été enregistré sous
   *[records] les enregistrements DNS ont donc été exportés sous
} { $path }
gui-save-file-failed = Le fichier n’a pas pu être enregistré : { $error }. Rien n’a été écrit.
gui-summary-all-done = Tout est en place.
gui-summary-manual = { $step } : à confirmer à la main
gui-summary-unchecked = { $check } : vérification pas encore faite (voir l’étape « { $step } »)

## La liste de contrôle imprimée

pdf-title = Liste de contrôle de mise en service
pdf-error = Le PDF n’a pas pu être produit (détail pour le support : { $detail }).
pdf-subtitle = Passerelle de filtrage e-securemail : ce qui est fait, et ce qui reste à faire
pdf-domain = Domaine
pdf-platform = Messagerie
pdf-date = Date
pdf-overall = État général
pdf-destination-value = Serveur de destination
pdf-not-given = pas encore indiqué
pdf-wait-confirmation = En attente de vous : confirmez que ce serveur est enregistré dans la console.
pdf-support = Support : { $email } · { $url }
pdf-page = Page { $page } sur { $count }
pdf-dkim-where = La clé se génère dans la console ({ $url }) : { $path }.
pdf-dkim-needs-key = La clé de la console ({ $path }) n’est pas encore connue : collez-la dans l’assistant pour obtenir la valeur de cet enregistrement.

## Contenu des étapes : les actions à faire, chacune avec sa case

content-verified-at = vérifié à { $time }
content-verified = vérifié
content-ticked-by-hand = coché à la main
content-proven-at = vérifié par un message de test envoyé { $time }
content-proof-failed = Un message de test envoyé { $time } montre que ce n’est pas fait : voir « Tester avec un vrai message ».
content-proof-unsure = Un message de test envoyé { $time } n’a pas pu le confirmer : voir « Tester avec un vrai message ».
content-proven-tenant = vérifié d’après les réglages du tenant lus { $time }
content-proof-failed-tenant = Les réglages du tenant lus { $time } montrent que ce n’est pas fait : voir « Tester avec un vrai message ».
content-proof-unsure-tenant = Les réglages du tenant lus { $time } n’ont pas pu le confirmer : voir « Tester avec un vrai message ».
tenant-title = Microsoft 365 : ce que dit le tenant
tenant-why = Un message ne peut pas tout montrer : le script de relecture liste les connecteurs du tenant tels qu’Exchange Online les garde, pour vérifier chaque réglage du verrouillage.
tenant-how-run = Dans PowerShell, connectez-vous à Exchange Online (Connect-ExchangeOnline), puis exécutez le script ci-dessous. Il ne fait que lire : il ne change rien dans le tenant.
tenant-how-paste = Collez ci-dessous tout ce qu’il a affiché, ou ouvrez le fichier qu’il a enregistré.
tenant-judged = Connecteurs lus { $analysed }.
gui-tenant-script = Script de relecture
gui-tenant-paste = Collez ici la sortie du script de relecture…
gui-tenant-check = Vérifier les connecteurs
gui-tenant-open-file = Ouvrir le fichier enregistré…
testmail-title = Tester avec un vrai message
testmail-why = Le DNS ne peut pas montrer si le courrier passe vraiment par la passerelle, si la signature DKIM est activée dans la console, ni si votre serveur refuse le courrier qui contourne la passerelle. Les en-têtes d’un vrai message de test, si.
testmail-when = Envoyez les messages de test une fois les MX pointés vers la passerelle et le verrouillage fait. Chaque résultat fait passer au vert les éléments correspondants des étapes, avec l’heure du message.
testmail-privacy = Le message est lu sur cet ordinateur et n’est envoyé nulle part : seules les questions DNS qui le concernent (la clé DKIM, SPF, DMARC) en sortent. Seuls les verdicts et la date du message sont conservés, jamais ses en-têtes.
testmail-your-domain = votre domaine
testmail-inbound-title = Message reçu (entrant)
testmail-inbound-send = Depuis une boîte personnelle extérieure à { $domain } (Gmail, Outlook.com, un téléphone…), envoyez un message à une adresse de { $domain }.
testmail-inbound-take = Ouvrez-le dans la boîte de cette adresse, puis collez ses en-têtes complets ci-dessous ou ouvrez son fichier .eml.
testmail-outbound-title = Message envoyé (sortant)
testmail-outbound-send = Depuis une adresse de { $domain }, envoyez un message à une boîte personnelle extérieure au domaine.
testmail-outbound-take = Ouvrez-le dans cette boîte personnelle, puis collez ses en-têtes complets ci-dessous ou ouvrez son fichier .eml.
testmail-judged = Message envoyé { $sent }, analysé { $analysed }.
testmail-time-today = à { $time }
testmail-time-day = le { $date } à { $time }
testmail-details-not-kept = Le détail de ce résultat n’est pas conservé d’une session à l’autre : ouvrez de nouveau le message pour voir ce qui ne va pas et comment le corriger.
testmail-client-outlook-web = Outlook sur le web
testmail-client-outlook-web-headers = Ouvrez le message, cliquez sur les trois points (Autres actions) en haut à droite, puis Afficher > Afficher les détails du message, et copiez tout le texte affiché.
testmail-client-outlook-web-save = Trois points > Enregistrer sous (ou Télécharger) enregistre le message en fichier .eml.
testmail-client-outlook = Outlook pour Windows
testmail-client-outlook-headers = Ouvrez le message dans sa propre fenêtre (double-clic), puis Fichier > Propriétés : les en-têtes complets sont dans la zone En-têtes Internet. Cliquez dedans, sélectionnez tout (Ctrl+A) et copiez (Ctrl+C).
testmail-client-outlook-save = Outlook classique enregistre les messages en .msg, format qui n’est pas lu ici : copiez plutôt les en-têtes. Dans le nouvel Outlook, trois points > Enregistrer sous donne un fichier .eml.
testmail-client-gmail = Gmail
testmail-client-gmail-headers = Ouvrez le message, cliquez sur les trois points verticaux (Plus) à côté de Répondre, puis Afficher l’original, et Copier dans le presse-papiers.
testmail-client-gmail-save = Sur la page Afficher l’original, Télécharger l’original enregistre le fichier .eml.
testmail-client-apple-mail = Apple Mail
testmail-client-apple-mail-headers = Sélectionnez le message, puis Présentation > Message > Tous les en-têtes (ou Source brute, ⌥⌘U), et copiez les en-têtes.
testmail-client-apple-mail-save = Fichier > Enregistrer sous, au format Source du message brut, enregistre le message (ou faites-le glisser sur le bureau : cela donne un fichier .eml).
testmail-client-thunderbird = Thunderbird
testmail-client-thunderbird-headers = Sélectionnez le message, puis Affichage > Source du message (Ctrl+U), et copiez tout jusqu’à la première ligne vide.
testmail-client-thunderbird-save = Fichier > Enregistrer sous > Fichier enregistre le message en fichier .eml.
gui-testmail-open = Tester avec un vrai message
gui-testmail-back = Retour aux étapes
gui-testmail-paste = Collez ici les en-têtes complets du message…
gui-testmail-open-file = Ouvrir un fichier .eml…
gui-testmail-analyse = Vérifier ce message
gui-testmail-clear = Effacer
gui-testmail-analysing = Vérification du message…
gui-testmail-file = Fichier { $name } ({ $size })
gui-testmail-file-error = Le fichier ne peut pas être lu : { $error }
gui-testmail-no-domain = Saisissez d’abord le domaine à la première étape : le message est jugé pour ce domaine.
gui-testmail-how-title = Où trouver les en-têtes
gui-testmail-copy-headers = Copier les en-têtes :
gui-testmail-save-eml = Enregistrer en .eml :
gui-testmail-lockdown-hint = Une fois cette étape faite, un vrai message de test le prouve : les connecteurs, la signature DKIM et le passage par la passerelle.
pdf-testmail-title = Messages de test
action-destination-save = Enregistrez le serveur de destination dans la console.
action-spf-publish = Chez votre hébergeur DNS, remplacez l’enregistrement SPF par celui ci-dessous.
action-dkim-generate = Générez la clé DKIM dans la console, puis collez sa clé publique dans l’assistant.
action-dkim-publish = Chez votre hébergeur DNS, publiez l’enregistrement DKIM ci-dessous.
action-dkim-enable = Une fois la clé publiée identique à celle de la console (vérification au vert), activez la signature DKIM dans la console.
action-dmarc-publish = Chez votre hébergeur DNS, publiez l’enregistrement DMARC ci-dessous.
action-mtasts-publish = Publiez le nouveau fichier de politique MTA-STS, puis le nouvel enregistrement MTA-STS, avant de basculer les enregistrements MX.
action-mx-create = Chez votre hébergeur DNS, créez les enregistrements MX de la passerelle ci-dessous.
action-mx-delete = { $count ->
    [one] Chez votre hébergeur DNS, supprimez l’ancien enregistrement MX indiqué ci-dessous.
   *[other] Chez votre hébergeur DNS, supprimez les { $count } anciens enregistrements MX indiqués ci-dessous.
}
action-google-gateway = Dans la console d’administration Google, saisissez les paramètres de passerelle entrante ci-dessus et enregistrez.
action-server-rules = Appliquez les règles ci-dessus ({ $format }) sur votre serveur ou votre pare-feu.
lockdown-eac-2-no-ranges = Identifiez le partenaire par l’adresse IP du serveur d’envoi, et saisissez les adresses de la passerelle : demandez-les à { $email }.
lockdown-eac-5-no-host = De retour dans Flux de courrier > Connecteurs, ajoutez un connecteur de « Office 365 » vers « Organisation partenaire », nommé { $outbound }, pour tous les domaines (*), acheminé via le relais sortant de la passerelle (smart host : copiez son nom depuis la console e-securemail, { $url }), toujours en TLS, avec un certificat émis pour ce même nom.
lockdown-smart-host-placeholder = Nom d’hôte indiqué dans la console
lockdown-ranges-placeholder = Une adresse ou une plage par ligne, telles que le support les a envoyées

## Verrouillage : seule la passerelle joint le serveur de messagerie

lockdown-ranges-title = Les adresses de la passerelle
lockdown-ranges-derived = Publiées dans l’enregistrement SPF de la passerelle ({ $include }) : à confirmer auprès du support.
lockdown-ranges-pasted = La liste du support est utilisée.
lockdown-ranges-paste-label = La liste officielle du support (facultatif)
lockdown-ranges-paste-hint = Collez les adresses ou plages que le support vous a envoyées : elles remplacent celles lues dans le DNS.
lockdown-ranges-invalid = Ligne { $line } : « { $text } » n’est ni une adresse IP ni une plage.
lockdown-ranges-failed = Les adresses n’ont pas pu être lues dans le DNS ({ $reason }) : collez la liste du support.
lockdown-ranges-none = L’enregistrement SPF de la passerelle ne liste aucune adresse : collez la liste du support.
lockdown-ranges-loading = Lecture de l’enregistrement SPF de la passerelle…

# Plages qui ne peuvent pas être celles de la passerelle : rien n’est généré à partir d’elles

ranges-refused-empty = La liste ne contient aucune adresse ni plage : des règles établies à partir de cette liste ne laisseraient passer aucun courrier.
ranges-refused-unfit = { $count ->
    [one] Cette plage ne peut pas être celle de la passerelle
   *[other] Ces plages ne peuvent pas être celles de la passerelle
} : { $ranges }.
ranges-unfit-item = { $range } ({ $reason })
ranges-unfit-more = { $count ->
    [one] et { $count } autre
   *[other] et { $count } autres
}
ranges-unfit-default-route = toutes les adresses
ranges-unfit-too-wide = plus large qu’un /{ $widest }
ranges-unfit-loopback = les adresses de cet ordinateur lui-même
ranges-unfit-private = un réseau privé
ranges-unfit-shared = l’espace d’adresses partagé des opérateurs
ranges-unfit-link-local = des adresses lien-local, valables sur un seul réseau
ranges-unfit-multicast = des adresses de multidiffusion
ranges-unfit-unspecified = l’adresse non spécifiée
ranges-unfit-broadcast = l’adresse de diffusion
ranges-unfit-reserved = des adresses réservées, inutilisées sur Internet
ranges-unfit-ipv4-mapped = une adresse IPv4 écrite en IPv6
lockdown-ranges-refused = Rien n’est généré à partir de l’enregistrement SPF de la passerelle ({ $include }). { $reason } Demandez la liste au support et collez-la ci-dessous.
lockdown-ranges-list-refused = Cette liste ne peut pas être utilisée. { $reason }
lockdown-nothing-made = Rien n’est généré tant que les adresses de la passerelle ne sont pas utilisables (voir plus haut).
cli-error-ranges-refused = Le fichier { $path } ne peut pas être utilisé. { $reason } Rien n’a été généré : indiquez la liste envoyée par le support.
cli-error-derive-refused = L’enregistrement SPF de la passerelle ({ $include }) est inutilisable. { $reason } Rien n’a été généré : indiquez la liste envoyée par le support avec --ranges FICHIER.

lockdown-save = Enregistrer
lockdown-m365-title = Connecteurs Microsoft 365
lockdown-m365-intro = Deux connecteurs dans Exchange Online : l’un n’accepte le courrier destiné à votre domaine que depuis la passerelle, l’autre fait passer votre courrier sortant par la passerelle pour qu’il soit filtré.
lockdown-smart-host-label = Le relais sortant (smart host) de la passerelle
lockdown-smart-host-hint = Il n’est pas publié : copiez-le depuis la console e-securemail ({ $url }), ou demandez-le au support.
lockdown-smart-host-needed = Saisissez le smart host : le script apparaît dès qu’il est connu.
lockdown-smart-host-invalid = Ce n’est pas un nom d’hôte : { $reason }
lockdown-arc = Faire aussi confiance à la marque que la passerelle ajoute aux messages filtrés (ARC, signée par { $domain }, le domaine de ses MX : à confirmer auprès du support)
lockdown-script-title = Script PowerShell Exchange Online
lockdown-script-error = Le script ne peut pas être généré : { $error }
lockdown-eac-title = Ou, pas à pas dans le Centre d’administration Exchange
lockdown-eac-1 = Dans le Centre d’administration Exchange, allez dans Flux de courrier > Connecteurs et ajoutez un connecteur de « Organisation partenaire » vers « Office 365 », nommé { $inbound }.
lockdown-eac-2 = Identifiez le partenaire par l’adresse IP du serveur d’envoi, et saisissez les adresses de la passerelle : { $ranges }
lockdown-eac-3 = Exigez TLS, et rejetez le courrier destiné à votre domaine qui ne provient pas de ces adresses.
lockdown-eac-4 = Dans Microsoft Defender, E-mail et collaboration > Stratégies et règles > Stratégies de menace > Filtrage amélioré : choisissez { $inbound }, « Détecter et ignorer automatiquement la dernière adresse IP », pour tous les utilisateurs.
lockdown-eac-5 = De retour dans Flux de courrier > Connecteurs, ajoutez un connecteur de « Office 365 » vers « Organisation partenaire », nommé { $outbound }, pour tous les domaines (*), acheminé via l’hôte actif (smart host) { $host }, toujours en TLS, avec un certificat émis pour { $host }.
lockdown-eac-6 = Pour faire confiance à la marque que la passerelle ajoute aux messages filtrés : dans Microsoft Defender, Paramètres d’authentification des e-mails > ARC, ajoutez { $domain } aux scelleurs ARC approuvés.
lockdown-google-title = Passerelle entrante Google Workspace
lockdown-google-where = Dans la console d’administration Google : Applications > Google Workspace > Gmail > Spam, hameçonnage et logiciels malveillants > Passerelle entrante.
lockdown-google-on = Activé (coché)
lockdown-google-note = Gmail ne vérifie ni SPF ni DMARC sur le courrier venant de ces adresses : la passerelle l’a déjà fait.
lockdown-google-mx = Après la bascule des MX, vérifiez dans la console d’administration Google que la modification est bien répliquée.
google-gateway-ips = Adresses IP de passerelle
google-reject-others = Refuser tous les e-mails ne provenant pas des adresses IP de la passerelle
google-require-tls = Exiger le protocole TLS pour les connexions des passerelles de messagerie indiquées ci-dessus
google-detect-external-ip = Détecter automatiquement l’adresse IP externe
lockdown-server-title = Règles pour votre serveur
lockdown-format-label = Pour
lockdown-format-nftables = nftables (Linux)
lockdown-format-iptables = iptables (Linux)
lockdown-format-windows = Pare-feu Windows
lockdown-format-exchange = Exchange Server (connecteur de réception)
lockdown-format-postfix = Postfix
lockdown-format-appliance = Pare-feu matériel (règle en clair)
# Commentaires des scripts et règles produits, et règle en clair pour un
# pare-feu matériel. Le code reste dans les scripts ; seuls les mots sont ici.
script-source-spf = Adresses de la passerelle, publiées dans son enregistrement SPF ({ $include }) : faites-les confirmer par { $support }.
script-source-support = Adresses de la passerelle, telles que fournies par { $support }.
script-firewall-title = SMTP (port 25) accepté depuis la passerelle e-securemail seulement.
script-guard = À appliquer seulement quand les MX du domaine { $domain } pointent uniquement vers { $hosts } (le courrier encore livré en direct serait refusé). Pour vérifier :
script-or = ou
script-ps-guard = 0. Vérification de sécurité, avant de toucher aux connecteurs : les MX du domaine doivent pointer uniquement vers la passerelle, sinon la restriction entrante refuserait le courrier encore livré en direct à Microsoft 365.
script-ps-stop = Arrêt, rien n’a été modifié : les MX du domaine { $domain } doivent pointer uniquement vers { $hosts }. Trouvés : { $found }. Faites pointer les MX vers la passerelle, attendez la fin du TTL des anciens enregistrements, puis relancez ce script.
script-made-on = Créé le { $date } par l’assistant de configuration e-securemail.
script-m365-title = Passerelle de filtrage e-securemail pour { $domain } : connecteurs Exchange Online.
script-m365-run = À exécuter dans PowerShell avec le module ExchangeOnlineManagement :
script-m365-ipv6-left-out = Les plages IPv6 sont omises : les connecteurs Exchange Online n’acceptent que l’IPv4.
script-m365-inbound = 1. Entrant : le courrier n’est accepté que depuis les adresses de la passerelle, en TLS.
script-m365-enhanced = 2. Filtrage amélioré des connecteurs (Enhanced Filtering) : Microsoft regarde au-delà de la passerelle (le dernier relais) pour juger l’expéditeur d’origine.
script-m365-outbound = 3. Sortant : tout le courrier sort par l’hôte actif (smart host) de la passerelle, en TLS, avec vérification de son certificat.
script-m365-arc = 4. La passerelle modifie les messages qu’elle filtre : faites confiance à sa signature ARC. (Remplace la liste des signataires ARC de confiance ; ajoutez-y les autres auxquels vous faites confiance.)
script-rollback-m365-title = Retour en arrière depuis la passerelle e-securemail pour { $domain } : Exchange Online.
script-rollback-m365-before = À exécuter AVANT de remettre les MX vers Microsoft 365 : tant que le connecteur entrant n’accepte que le courrier de la passerelle, Microsoft refuse le courrier qui arrive en direct (550 5.7.51).
script-rollback-m365-inbound = 1. Entrant : accepter de nouveau le courrier du domaine quel que soit l’expéditeur.
script-rollback-m365-outbound = 2. Sortant : cesser d’envoyer le courrier par la passerelle.
script-rollback-m365-mx = 3. Remettez ensuite les MX du domaine vers Microsoft 365 chez votre hébergeur DNS : la valeur figure dans le centre d’administration Microsoft 365, Paramètres > Domaines > { $domain } > Enregistrements DNS (<tenant>.mail.protection.outlook.com).
script-rollback-m365-delete = 4. Une fois { $ttl } secondes écoulées (le TTL des MX de la passerelle), supprimez les connecteurs :
script-rollback-server-title = Retour en arrière depuis la passerelle e-securemail : levez cette restriction du port 25 AVANT de remettre les MX vers ce serveur, sinon le courrier qui arrive en direct sera refusé.
script-run-as-root = À exécuter en tant que root :
script-rollback-iptables = Supprime la chaîne ESM_SMTP, ou la règle DROP ajoutée pour une famille d’adresses dans laquelle la passerelle n’a aucune adresse.
script-rollback-windows = À exécuter dans un PowerShell administrateur sur le serveur de messagerie. La règle de la passerelle autorise de nouveau le port 25 depuis toute adresse : le pare-feu Windows bloque ce qu’aucune règle n’autorise, la supprimer seule fermerait le port.
script-rollback-windows-others = Si vous aviez désactivé d’autres règles qui autorisaient le port 25, vous pouvez les réactiver, puis supprimer celle-ci :
script-rollback-exchange = À exécuter dans Exchange Management Shell sur le serveur de messagerie : le connecteur accepte de nouveau le courrier de toute adresse (ses plages par défaut).
script-rollback-postfix-remove = 1. Dans /etc/postfix/main.cf, retirez
script-rollback-postfix-from = de smtpd_client_restrictions (ou remettez la valeur d’avant).
script-delete-file = { $n }. Supprimez { $file }
script-apply = { $n }. Appliquez :
script-nft-load = À charger avec : nft -f <ce fichier>
script-windows-run = À exécuter dans un PowerShell administrateur sur le serveur de messagerie.
script-windows-others = Le pare-feu Windows bloque ce qu’aucune règle n’autorise ; les autres règles qui autorisent le port 25 depuis n’importe où doivent disparaître. Elles sont listées ici ; désactivez-les après vérification en retirant le « # » de la dernière ligne.
script-exchange-run = À exécuter dans Exchange Management Shell sur le serveur de messagerie. Le connecteur qui reçoit le courrier d’Internet ne l’acceptera plus que de la passerelle.
script-postfix-cidr = 1. Créez { $file } avec ces lignes :
script-postfix-main = 2. Dans /etc/postfix/main.cf (le port de soumission, 587, garde ses propres restrictions dans master.cf) :
script-appliance-title = Règle pour le pare-feu placé devant le serveur de messagerie du domaine { $domain } : SMTP (port 25) accepté depuis la passerelle e-securemail seulement.
script-appliance-allow = 1. Autoriser : protocole TCP, port de destination 25 (SMTP), vers le serveur de messagerie, depuis ces adresses sources seulement :
script-appliance-deny = 2. Refuser : protocole TCP, port de destination 25, depuis toute autre adresse source.
script-appliance-order = 3. Placez la règle 1 au-dessus de la règle 2 : un pare-feu applique la première règle qui correspond. Toute autre règle qui autorise le port 25 depuis n’importe où doit être supprimée ou placée sous la règle 2.
script-appliance-nat = Si le serveur de messagerie est joint par une traduction d’adresses (NAT, redirection de port), appliquez la règle à la redirection du port 25.
script-rollback-appliance = Supprimez la règle 2 (refus), puis la règle 1 (autorisation), ou autorisez de nouveau le port 25 depuis toute adresse.
# Revenir en arrière : l’ordre pour défaire la restriction et le changement de MX.
rollback-title = Si vous devez revenir en arrière
rollback-m365-connectors = Levez d’abord la restriction entrante : dans le centre d’administration Exchange, Flux de courrier > Connecteurs, ouvrez { $inbound } et cessez de rejeter le courrier qui ne vient pas de la passerelle (ou supprimez le connecteur). Désactivez ou supprimez aussi { $outbound }, pour que le courrier ne sorte plus par la passerelle. Le script PowerShell fait les deux.
rollback-m365-mx = Remettez ensuite l’ancien MX chez votre hébergeur DNS : le MX de votre domaine chez Microsoft, <tenant>.mail.protection.outlook.com. Si vous ne l’avez plus, le centre d’administration Microsoft 365 l’indique dans Paramètres > Domaines > votre domaine > Enregistrements DNS.
rollback-wait = Attendez que les enregistrements MX de la passerelle aient expiré ({ $ttl } secondes, leur TTL) avant de retirer quoi que ce soit d’autre à la passerelle : les expéditeurs les utilisent jusque-là.
rollback-m365-why = Cet ordre compte : si le MX revient chez Microsoft alors que le connecteur n’accepte encore que le courrier de la passerelle, Microsoft refuse le courrier qui arrive désormais directement (erreur 550 5.7.51).
rollback-google-reject = D’abord, dans la console d’administration Google (Applications > Google Workspace > Gmail > Spam, hameçonnage et logiciels malveillants > Passerelle entrante), décochez « Refuser tous les e-mails ne provenant pas des adresses IP de la passerelle » et enregistrez.
rollback-google-mx = Remettez ensuite les MX de Google chez votre hébergeur DNS, tels que la console d’administration Google les indique (Domaines > Gérer les domaines).
rollback-google-gateway = Une fois les enregistrements MX de la passerelle expirés ({ $ttl } secondes, leur TTL), supprimez le paramètre de passerelle entrante.
rollback-google-why = Cet ordre compte : tant que Gmail rejette le courrier qui ne vient pas de la passerelle, le courrier qui arrive directement une fois le MX remis serait refusé.
rollback-server-rules = Retirez d’abord la restriction sur le port 25 de votre pare-feu ou de votre serveur de messagerie : défaites les règles appliquées pour la passerelle.
rollback-server-mx = Remettez ensuite l’ancien MX chez votre hébergeur DNS, pointant vers votre serveur de messagerie.
rollback-server-why = Cet ordre compte : tant que votre serveur n’accepte que le courrier de la passerelle, le courrier qui arrive directement une fois le MX remis serait refusé.
lockdown-probe-title = Vérifier depuis cet ordinateur
lockdown-probe-intro = Cet ordinateur n’est pas la passerelle : une fois le verrouillage fait, votre serveur ne doit pas lui répondre sur le port 25.
lockdown-probe-button = Tester le port 25 de { $host }
lockdown-probe-running = Test du port 25…
lockdown-probe-open = { $host } a répondu sur le port 25 ({ $addr }) : il accepte encore le courrier de n’importe où.
lockdown-probe-refused = { $host } a refusé la connexion sur le port 25 : injoignable depuis ici.
lockdown-probe-silent = { $host } n’a pas répondu sur le port 25 en 3 secondes : injoignable depuis ici.
lockdown-probe-failed = Le test n’a pas pu être fait : { $reason }
lockdown-probe-needs-destination = Saisissez le serveur de destination (étape 2) pour le tester.

## Fenêtre : erreurs du moteur en mots, légende de la liste des étapes, textes d’exemple
gui-step-list-legend = ✓ fait, ! à revoir, ✗ à corriger, ? vérification impossible, « · » gris : rien à vérifier pour l’instant
gui-save-interrupted = l’enregistrement s’est arrêté avant la fin ; réessayez
lockdown-ranges-no-resolver = Aucun serveur DNS n’a pu être utilisé depuis cet ordinateur pour lire les adresses de la passerelle : vérifiez la connexion réseau et les réglages DNS de cet ordinateur, ou collez la liste du support.
lockdown-ranges-no-answer = Le DNS n’a rien répondu sur { $name } : vérifiez la connexion réseau et les réglages DNS de cet ordinateur, puis rouvrez cette étape, ou collez la liste du support.
lockdown-ranges-lookup-failed = Les adresses de la passerelle n’ont pas pu être lues dans le DNS ({ $name } : { $reason }) : collez la liste du support.
lockdown-script-no-ipv4 = la liste ne contient aucune plage IPv4, et les connecteurs de Microsoft 365 n’acceptent que l’IPv4
lockdown-script-too-wide = la plage { $range } est trop large pour un connecteur de Microsoft 365
probe-failure-not-resolved = le nom du serveur n’a pas pu être résolu depuis cet ordinateur ; vérifiez sa connexion réseau et ses réglages DNS
probe-failure-no-address = le nom du serveur n’a pas d’adresse
probe-failure-unreachable = le réseau de cet ordinateur ne peut pas joindre le serveur ; vérifiez sa connexion réseau
probe-failure-other = le système a refusé la connexion{ $code ->
    [0] {""}
   *[other] {" "}(erreur { $code })
  }
file-error-denied = vous n’avez pas le droit d’écrire à cet endroit
file-error-full = le disque est plein
file-error-read-only = le disque ou le dossier est en lecture seule
file-error-missing-folder = le dossier n’existe pas
file-error-system = le système l’a refusé{ $code ->
    [0] {""}
   *[other] {" "}(erreur { $code })
  }
cli-error-format = --format { $format } ne s’applique pas à cette messagerie. Formats possibles — Microsoft 365 : powershell ; Google Workspace : aucun ; votre serveur : nftables, iptables, windows, exchange, postfix ou appliance.
cli-error-smart-host = Microsoft 365 a besoin du relais sortant de la passerelle (--smart-host HÔTE) : il n’est pas publié ; copiez-le depuis la console e-securemail.
cli-error-smart-host-invalid = Le smart host « { $input } » n’est pas un nom d’hôte : { $reason }
cli-error-ranges-file = Impossible de lire { $path } : { $error }
cli-error-ranges = { $path }, ligne { $line } : « { $text } » n’est ni une adresse IP ni une plage.
cli-error-derive = Les adresses de la passerelle n’ont pas pu être lues dans le DNS ({ $reason }) : indiquez-les avec --ranges FICHIER.
cli-error-script = Le script ne peut pas être généré : { $error }

## Propagation des enregistrements MX : les serveurs du domaine face aux résolveurs publics.
propagation-title = Les enregistrements MX vus par les résolveurs
propagation-authoritative = Serveurs de noms du domaine : { $mx } (TTL { $ttl } s)
propagation-no-authoritative = Les serveurs de noms du domaine n’ont pas pu être interrogés : il n’y a rien à comparer.
propagation-resolver-own = le résolveur de cet ordinateur
propagation-line = { $resolver } : { $mx } — { $state }
propagation-ttl-left = encore { $ttl } s dans son cache
propagation-agrees = identique aux serveurs du domaine
propagation-differs = encore d’autres enregistrements
propagation-no-answer = pas de réponse ({ $reason })
propagation-no-mx = aucun enregistrement MX
propagation-keep-until = Laissez l’ancien serveur accepter le courrier jusqu’à { $time } : d’ici là, certains expéditeurs peuvent encore le lui remettre.
propagation-all-agree = Tous les résolveurs interrogés ont déjà les enregistrements MX actuels du domaine.
propagation-lower-ttl = Le TTL des enregistrements MX est de { $current } s : abaissez-le à { $set } s au moins { $hours } heures avant la bascule, pour que les caches la suivent en quelques minutes.

## Publication des enregistrements chez l’hébergeur DNS (esm-assistant publish)
publish-title = Modifications chez { $host } pour { $domain } :
publish-change = { $kind } { $name } { $rtype }
publish-kind-add = Ajout
publish-kind-replace = Remplacement
publish-kind-delete = Suppression
publish-before = Avant :
publish-after = Après :
publish-none = (aucun)
publish-nothing-to-do = Rien à modifier : ces enregistrements sont déjà publiés comme il faut.
publish-skipped-dkim = DKIM est laissé de côté : donnez la clé générée dans la console e-securemail avec --dkim-key.
publish-dry-run = Simulation : rien n’a été écrit.
publish-confirm = Écrire ces modifications chez votre hébergeur DNS maintenant ? [o/N]
publish-cancelled = Rien n’a été écrit.
publish-done = Écrit chez { $host } :
publish-stopped = La modification s’est arrêtée chez { $host } :
publish-set-written = écrit : { $name } { $rtype }
publish-set-failed = non confirmé : { $name } { $rtype } (l’hébergeur l’a peut-être gardé, peut-être pas)
publish-nothing-written = Rien n’a été écrit : vos enregistrements sont restés tels quels.
publish-part-way = Une partie de la modification a été écrite, comme indiqué ci-dessus. Pour remettre ces enregistrements comme avant : esm-assistant publish --undo { $domain }
publish-undo-part-way = Une partie des enregistrements a été remise comme avant, comme indiqué ci-dessus. Relancez la même commande pour terminer.
publish-read-back = Relu sur les serveurs de noms du domaine :
publish-undo-hint = Pour remettre ce que ces enregistrements ont remplacé : esm-assistant publish --undo { $domain }
publish-journal-error = Le journal des modifications est inutilisable : { $error }
publish-journal-no-folder = ce système ne fournit aucun dossier pour les données de l’assistant ; renseignez ESM_ASSISTANT_DATA_DIR
publish-journal-host = La dernière modification a été faite chez un hébergeur DNS que cette version ne connaît pas (« { $host } ») : annulez-la dans l’espace client de cet hébergeur.
publish-undo-title = Annulation de la dernière modification chez { $host } pour { $domain } (faite le { $at }) ; les enregistrements redeviennent :
publish-undo-nothing = Rien à annuler pour { $domain } : aucune modification n’a été publiée depuis cet ordinateur, ou la dernière est déjà annulée.
publish-undo-done = Remis comme avant :
publish-undo-other-host = La dernière modification de ce domaine a été faite chez { $host } : annulez-la là (--host { $host }, ou sans --host).
publish-refused-unreadable = Ce que publie { $name } n’a pas pu être lu sur les serveurs de noms du domaine : rien n’est modifié à l’aveugle. Réessayez dans un instant.
publish-refused-no-dkim-key = L’enregistrement DKIM a besoin de la clé générée dans la console e-securemail : donnez-la avec --dkim-key.
publish-refused-alias = { $name } est un alias (CNAME) : ses enregistrements se gèrent là où il pointe, pas ici.
publish-refused-mx-not-ready = Les enregistrements MX ne passent à la passerelle qu’une fois ces étapes au vert : { $steps }. Indiquez le serveur de destination avec --destination.
publish-error-no-host = Indiquez l’hébergeur DNS du domaine avec --host.
publish-error-api-base = « { $input } » ne peut pas servir d’adresse d’API : ce doit être une adresse https://.
publish-error-no-credentials = Aucun identifiant pour { $host } : renseignez { $variables }.
publish-error-refused = L’hébergeur DNS a refusé les identifiants : vérifiez qu’ils ont été copiés en entier et qu’ils n’ont pas expiré ni été révoqués.
publish-error-forbidden = Les identifiants ont été acceptés, mais n’ont pas le droit de modifier les enregistrements DNS de ce domaine : donnez-leur les droits d’édition DNS sur ce domaine.
publish-error-rate-limited = L’hébergeur DNS reçoit trop de demandes : attendez quelques minutes, puis réessayez.
publish-error-rate-limited-wait = L’hébergeur DNS reçoit trop de demandes : réessayez dans { $seconds } secondes.
publish-error-server = Le service de l’hébergeur DNS a échoué (erreur { $status }) : le problème est de son côté ; réessayez plus tard.
publish-error-rejected = L’hébergeur DNS a refusé la modification (erreur { $status }) : { $detail }
publish-error-zone-not-found = L’hébergeur DNS ne gère pas { $zone } pour ces identifiants : vérifiez le domaine et le compte.
publish-error-network = L’hébergeur DNS est injoignable : vérifiez la connexion à Internet, puis réessayez.
publish-error-timeout = L’hébergeur DNS n’a pas répondu à temps : réessayez dans un instant.
publish-error-bad-response = L’hébergeur DNS a répondu quelque chose d’inattendu : rien de plus n’a été écrit.
publish-error-too-large = La réponse de l’hébergeur DNS était bien plus longue que prévu : rien de plus n’a été écrit.
publish-error-changed = Les enregistrements de { $name } ont changé depuis leur affichage : rien n’y a été écrit. Relancez la commande pour voir la modification telle qu’elle se présente maintenant.
publish-keychain-unavailable = Le trousseau de cet ordinateur est inutilisable (il n’y en a pas, ou il est verrouillé ou a refusé l’accès).
publish-keychain-damaged = Le trousseau contient, au nom de l’assistant, quelque chose qui n’est pas un identifiant utilisable : supprimez-le avec --forget, puis redonnez les identifiants.
publish-remembered = Les identifiants pour { $host } sont gardés dans le trousseau de cet ordinateur.
publish-forgotten = Les identifiants pour { $host } ont été retirés du trousseau de cet ordinateur.
publish-forgotten-none = Aucun identifiant pour { $host } n’était gardé dans le trousseau de cet ordinateur.
publish-forget-env = Les variables d’environnement ({ $variables }) ne sont pas touchées : retirez-les vous-même si vous les avez définies.
publish-error-not-found = L’hébergeur DNS a répondu que l’élément demandé n’existe pas (erreur 404) : rien de plus n’a été écrit.
publish-consumer-key-ovh-only = --request-consumer-key concerne OVHcloud : ajoutez --host ovh.
publish-consumer-key-no-keychain = Cet ordinateur n’a pas de trousseau utilisable pour garder la clé consommateur : créez-en une sur la page de jetons d’OVHcloud (https://eu.api.ovh.com/createToken/) avec les droits GET, POST et DELETE sur /domain/zone/VOTRE-DOMAINE/*, puis renseignez ESM_OVH_CONSUMER_KEY.
publish-consumer-key-needs-application = Une clé consommateur se demande avec la clé et le secret de votre application : renseignez ESM_OVH_APPLICATION_KEY et ESM_OVH_APPLICATION_SECRET (créés sur https://eu.api.ovh.com/createApp/).
publish-consumer-key-validate = Ouvrez cette page d’OVHcloud, connectez-vous et validez l’accès aux enregistrements DNS de { $domain } ; la clé est gardée dans le trousseau de cet ordinateur :
publish-error-changed-since-written = Les enregistrements de { $name } ont été modifiés par quelqu’un d’autre depuis leur publication d’ici : ils restent tels quels. Comparez-les avec le journal avant de les modifier à la main.

## La partie « Publier pour moi » des étapes DNS, dans la fenêtre.
gui-publish-open = Laisser l’assistant publier cet enregistrement chez { $host }
gui-publish-close = Masquer la publication pour moi
gui-publish-title = Publier chez { $host } avec vos propres identifiants
gui-publish-intro = Les identifiants restent dans la mémoire de cette fenêtre : ils ne sont jamais écrits dans le fichier de progression, le PDF ou un journal. Rien n’est écrit chez votre hébergeur DNS avant que vous ayez vu la modification et l’ayez confirmée.
gui-publish-how-ovh = 1. Ouvrez https://eu.api.ovh.com/createApp/, connectez-vous avec votre compte OVHcloud et créez une application : copiez ci-dessous sa clé d’application et son secret d’application. | 2. Ouvrez https://eu.api.ovh.com/createToken/ et créez une clé consommateur avec les droits GET, POST et DELETE sur /domain/zone/VOTRE-DOMAINE/*, ou cliquez sur « Demander une clé consommateur à OVHcloud » et validez la page indiquée. | 3. Copiez la clé consommateur ci-dessous.
gui-publish-how-gandi = 1. Connectez-vous sur https://admin.gandi.net et ouvrez les paramètres de votre compte, puis « Options d’authentification ». | 2. Sous « Jeton d’accès personnel (PAT) », créez un jeton pour l’organisation propriétaire du domaine, limité à ce domaine, avec le droit « Gérer la configuration technique des noms de domaine ». | 3. Copiez le jeton ci-dessous : Gandi ne l’affiche qu’une fois.
gui-publish-how-cloudflare = 1. Connectez-vous sur https://dash.cloudflare.com et ouvrez « Mon profil », puis « Jetons API ». | 2. Cliquez sur « Créer un jeton » et prenez le modèle « Modifier le DNS de zone » ; sous « Ressources de zone », n’incluez que la zone de ce domaine. | 3. Copiez le jeton ci-dessous : Cloudflare ne l’affiche qu’une fois.
gui-publish-how-ionos = 1. Ouvrez https://developer.hosting.ionos.com, connectez-vous avec votre compte IONOS et ouvrez « Clés API ». | 2. Créez une clé : IONOS affiche un préfixe public et un secret. | 3. Saisissez-les ci-dessous en une seule valeur : le préfixe, un point, puis le secret (prefixe.secret).
gui-publish-field-token = Jeton
gui-publish-field-api-key = Clé API (prefixe.secret)
gui-publish-field-application-key = Clé d’application
gui-publish-field-application-secret = Secret d’application
gui-publish-field-consumer-key = Clé consommateur
gui-publish-remember = Mémoriser dans le trousseau du système
gui-publish-forget = Oublier mes identifiants
gui-publish-show = Voir la modification
gui-publish-undo = Annuler la dernière modification
gui-publish-busy = Échange en cours avec { $host }…
gui-publish-apply = Appliquer cette modification
gui-publish-confirm = Écrire exactement cette modification chez { $host } maintenant ?
gui-publish-confirm-yes = Oui, l’écrire
gui-publish-confirm-no = Non, laisser mes enregistrements tels quels
gui-publish-missing = Il manque des identifiants pour { $host } : remplissez tous les champs ci-dessus.
gui-publish-bad-base = L’adresse d’API donnée à l’assistant ne peut pas servir : ce doit être une adresse https://.
gui-publish-undo-nothing = Rien à annuler : aucune modification n’a été publiée pour ce domaine depuis cet ordinateur, ou la dernière est déjà annulée.
gui-publish-undo-other = La dernière modification de ce domaine a été faite chez { $host } : annulez-la depuis là-bas.
gui-publish-dns = Les serveurs de noms du domaine n’ont pas pu être interrogés : { $error }
gui-publish-no-dkim-key = L’enregistrement DKIM a besoin de la clé générée dans la console e-securemail : collez-la d’abord dans le champ ci-dessus.
gui-publish-mx-not-ready = Les enregistrements MX ne passent à la passerelle qu’une fois ces étapes au vert : { $steps }.
gui-publish-changed = Les enregistrements de { $name } ont changé depuis leur affichage : rien n’y a été écrit. Cliquez sur « Voir la modification » pour voir la modification telle qu’elle est maintenant.
gui-publish-part-way = Une partie de la modification a été écrite, comme indiqué ci-dessus. Cliquez sur « Annuler la dernière modification » pour remettre ces enregistrements comme avant.
gui-publish-undo-part-way = Une partie des enregistrements a été remise comme avant, comme indiqué ci-dessus. Cliquez de nouveau sur « Annuler la dernière modification » pour terminer.
gui-publish-read-back = Les enregistrements sont relus sur les serveurs de noms du domaine : les vérifications ci-dessous en donnent le résultat.
gui-publish-consumer-key = Demander une clé consommateur à OVHcloud
gui-publish-consumer-key-validate = Ouvrez cette page d’OVHcloud, connectez-vous et validez l’accès aux enregistrements DNS de ce domaine ; la clé consommateur est remplie ci-dessus :
gui-publish-open-page = Ouvrir dans le navigateur
gui-publish-open-failed = Le navigateur n’a pas pu être ouvert : copiez l’adresse et ouvrez-la vous-même.
gui-publish-consumer-key-needs-application = Remplissez d’abord la clé d’application et le secret d’application.

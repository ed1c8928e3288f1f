## The engine's words: checks, statuses, problems and their fixes, records.
## Arguments are plain values; `-> [true]` selects on yes/no arguments.

app-name = e-securemail setup assistant

## Statuses

status-pass = OK
status-warn = Warning
status-fail = Failed
status-unknown = Could not check
status-waiting = Waiting for you

## Checks

check-domain-dns = The domain exists in DNS
check-destination-host = Destination server
check-mx-gateway = MX records point to the gateway
check-spf-record = SPF record
check-spf-gateway = SPF authorises the gateway
check-spf-lookups = SPF lookup limit
check-spf-all = SPF policy for other servers
check-dkim-record = DKIM key published
check-dkim-match = DKIM key matches the console
check-dmarc-record = DMARC record
check-dmarc-reports = DMARC reports sent to the gateway
check-mtasts-policy = MTA-STS policy lists the gateway

## Figures shown beside a check

detail-spf-lookups = Receiving servers make { $lookups } DNS { $lookups ->
    [one] lookup
   *[other] lookups
} to read your SPF record (10 at most are allowed); { $void_lookups ->
    [0] none comes back empty
    [one] { $void_lookups } comes back empty
   *[other] { $void_lookups } come back empty
} (2 at most are allowed).
detail-dkim-record = { $key_type ->
    [ed25519] Ed25519 key.
   *[rsa] RSA key of { $key_bits } bits.
}
detail-dmarc-record = { $policy ->
    [none] Mail that fails the checks is still delivered as usual (p=none): you only receive reports.
    [quarantine] Mail that fails the checks is put in the spam folder (p=quarantine).
    [reject] Mail that fails the checks is refused (p=reject).
   *[other] DMARC policy: { $policy }.
}
detail-mtasts-policy = { $mode ->
    [absent] No MTA-STS policy: nothing to change before the MX switch.
    [unknown] {""}
   *[other] MTA-STS mode: { $mode }.
}{ $tls_rpt_count ->
    [0] {""}
   *[other] {" "}TLS reports (TLS-RPT) go to: { $tls_rpt }.
}
detail-spf-gateway = The gateway's sending servers were tested against your SPF record ({ $gateway_ranges ->
    [one] { $gateway_ranges } address range
   *[other] { $gateway_ranges } address ranges
}).

## Problems. Each has a message (what is wrong) and a fix (what to do).

problem-lookup-failed = The DNS lookup of { $name } ({ $type }) failed: { $reason_text }.
fix-lookup-failed = This is not an error in your records. Check again in a few minutes; if it persists, check this computer’s network connection and DNS settings (do websites open?); if they are fine, your DNS host’s servers may be unreachable.
problem-no-record = This cannot be checked until the record it depends on is fixed (“{ $check }”).
fix-no-record = Fix the problems shown for “{ $check }” first.

problem-domain-dns-nxdomain = The domain { $domain } does not exist in DNS.
fix-domain-dns-nxdomain = Check the spelling of the domain. If it is right, the domain may not be registered or its registration may have expired: contact your registrar.

problem-destination-host-no-address = The server { $host } has no IP address in DNS (no A or AAAA record).
fix-destination-host-no-address = Check the spelling of the server's name, or enter its IP address instead.
problem-destination-host-loop = { $host } is the gateway itself: filtered mail would be sent back to the gateway in a loop.
fix-destination-host-loop = Enter the server that hosts your mailboxes (for Microsoft 365, your-domain.mail.protection.outlook.com), not the gateway.

problem-mx-gateway-no-mx = { $domain } has no MX record: nobody can send mail to this domain.
fix-mx-gateway-no-mx = Create the gateway's two MX records, as the assistant gives them, in your DNS host's zone editor.
problem-mx-gateway-leftover-mx = { $bypass ->
    [true] The old MX record { $host } (priority { $preference }) is still there, with a priority equal to or better than the gateway's: senders will use it and mail will bypass the filter.
   *[false] The old MX record { $host } (priority { $preference }) is still there: spam can use it to bypass the filter.
}
fix-mx-gateway-leftover-mx = Delete the MX record { $host } in your DNS host's zone editor. Keep only the gateway's MX records.
problem-mx-gateway-mx-reset-to-microsoft = The MX record points to Microsoft 365 again ({ $host }, priority { $preference }): the Microsoft 365 admin centre's automatic DNS setup (or a “Fix it” button there) put it back, and mail now bypasses the gateway.
fix-mx-gateway-mx-reset-to-microsoft = Point the MX back to the gateway's hosts and delete { $host }. Then, in the Microsoft 365 admin centre (Settings › Domains), do not let Microsoft 365 manage the domain's DNS records: choose “I'll add the DNS records myself”.
problem-mx-gateway-domain-appended = The MX record points to { $host }: your DNS host added your domain to the end of the gateway's name.
fix-mx-gateway-domain-appended = Edit the record and type the target with a final dot: { $expected }
problem-mx-gateway-mx-cname = { $gateway ->
    [true] The MX record points to { $host }, an alias (CNAME) of the gateway's host { $target }. Mail does reach the gateway, but an MX record must not point to an alias (RFC 2181), and some senders do not follow it.
   *[false] The MX target { $host } is an alias (CNAME) of { $target }. MX records must point to a name with an address, not to an alias.
}
fix-mx-gateway-mx-cname = { $gateway ->
    [true] Point the MX record to the gateway's host name directly: replace { $host } with { $target }
   *[false] Make the MX record point to a host name that has A records, such as the gateway's MX hosts.
}
problem-mx-gateway-missing-gateway = The gateway's main MX record ({ $preference } { $host }) is missing.
fix-mx-gateway-missing-gateway = Create an MX record with priority { $preference } pointing to { $host }.
problem-mx-gateway-missing-backup = The gateway's backup MX record ({ $preference } { $host }) is missing: if the main one is unreachable, mail will wait instead of being received by the backup.
fix-mx-gateway-missing-backup = Create an MX record with priority { $preference } pointing to { $host }.
problem-mx-gateway-wrong-preference = The MX record { $host } has priority { $preference } instead of { $expected }.
fix-mx-gateway-wrong-preference = Change the priority of { $host } to { $expected }.

problem-spf-record-missing = { $name } has no SPF record.
fix-spf-record-missing = Create the TXT record the assistant gives, at the root of your domain.
problem-spf-record-multiple-records = Your domain has { $count } SPF records. Receivers then reject the SPF check entirely (permanent error).
fix-spf-record-multiple-records = Delete all the SPF records and create only the merged record the assistant gives.
problem-spf-record-syntax = The SPF record is not valid: the term “{ $term }” is wrong ({ $reason_text }).
fix-spf-record-syntax = Replace the record with the one the assistant gives, or correct “{ $term }”.
problem-spf-record-quoted-value = The SPF record was saved with quote marks as part of its value: { $value }. Receivers do not recognise it.
fix-spf-record-quoted-value = Edit the record and remove the quote marks: your DNS host adds them itself.
problem-spf-record-include-no-record = The SPF record includes { $domain }, which has no SPF record. Receivers treat this as a permanent error.
fix-spf-record-include-no-record = Check the spelling of { $domain } or remove this include.
problem-spf-record-include-multiple-records = The SPF record includes { $domain }, which has { $count } SPF records: a permanent error for receivers.
fix-spf-record-include-multiple-records = Contact whoever manages { $domain }, or remove this include.
problem-spf-record-include-syntax = The SPF record includes { $domain }, whose own record is not valid (“{ $term }”: { $reason_text }).
fix-spf-record-include-syntax = Contact whoever manages { $domain }, or remove this include.
problem-spf-record-include-loop = The SPF record includes { $domain } in a loop.
fix-spf-record-include-loop = Remove the include that leads back to { $domain }.

problem-spf-gateway-gateway-not-authorised = { $reason ->
    [after-all] The gateway's include:{ $include } is placed after “all”: receivers stop reading at “all”, so the gateway is not authorised.
    [qualifier] The gateway's include:{ $include } has a qualifier (-, ~ or ?) that does not authorise it.
    [overridden] The gateway's include:{ $include } is present, but the term “{ $term }”, placed before it, decides otherwise for some of the gateway's servers.{ $ranges_count ->
        [0] {""}
       *[other] {" "}Not authorised: { $ranges }.
    }
    [partial] Only part of the gateway's sending addresses is authorised; not authorised: { $ranges }. Mail the gateway sends from those addresses fails SPF.
    [lookup-limit] Receivers stop reading the SPF record at “{ $term }”, past the limit of { $limit } DNS lookups, before the gateway is authorised: SPF fails with a permanent error.
    [void-limit] Receivers stop reading the SPF record at “{ $term }”, the third lookup that finds nothing (at most 2 are allowed), before the gateway is authorised: SPF fails with a permanent error.
    [permerror] An include or a redirect of the SPF record leads to an error (see “SPF record”): receivers reject the SPF check, so the gateway is not authorised.
    [no-record] There is no SPF record, so the gateway is not authorised to send for your domain.
    [multiple-records] There are several SPF records, so receivers ignore them all: the gateway is not authorised.
    [invalid-record] The SPF record is not valid, so receivers ignore it: the gateway is not authorised.
   *[absent] The SPF record does not authorise the gateway: include:{ $include } is missing.
}
problem-spf-gateway-not-evaluable = The SPF policy depends on the sending server (it uses %{"{"}…{"}"} macros before reaching the gateway): whether it authorises the gateway cannot be evaluated from here.
fix-spf-gateway-not-evaluable = Check with whoever manages these macros that the gateway (include:{ $include }) is authorised.
fix-spf-gateway-gateway-not-authorised = { $reason ->
    [lookup-limit] Reduce the DNS lookups of the SPF record (see “SPF lookup limit”) so that receivers reach include:{ $include }.
    [void-limit] Remove the terms that point to names that no longer exist (see “SPF lookup limit”).
    [permerror] Correct or remove the include or redirect named in “SPF record”.
   *[other] Publish the merged SPF record the assistant gives: it keeps your current servers and adds include:{ $include } where nothing can decide before it.
}
problem-spf-gateway-could-block = The term “{ $term }” (in the record of { $domain }) is read before the gateway's include: depending on the sending server or on other DNS records, it can decide against the gateway's servers before include:{ $include } is reached.
fix-spf-gateway-could-block = Put include:{ $include } before “{ $term }”, as in the merged SPF record the assistant gives.

problem-spf-lookups-too-many-lookups = The SPF record needs more than { $limit } DNS lookups: receivers stop at “{ $term }” (in the record of { $domain }) with a permanent error, and SPF fails for all your mail.{ $beyond_count ->
    [0] {""}
   *[other] {" "}Never read after it: { $beyond }.
}
fix-spf-lookups-too-many-lookups = Remove includes you no longer use, or replace some of them with the ip4:/ip6: ranges they stand for.
problem-spf-lookups-too-many-void-lookups = { $count } lookups of the SPF record find nothing; the limit is { $limit }. Receivers stop at “{ $term }” (in the record of { $domain }) with a permanent error.
fix-spf-lookups-too-many-void-lookups = Remove the includes, a: or mx: terms that point to names that no longer exist.
problem-spf-lookups-too-many-mx-names = The “mx” term of { $name } brings { $count } mail servers; the limit is { $limit }.
fix-spf-lookups-too-many-mx-names = Replace the “mx” term with the ip4:/ip6: ranges of your outgoing servers.

problem-spf-all-soft-all = The record ends with “~all”: mail from unauthorised servers is only marked as suspicious.
fix-spf-all-soft-all = Once all your sending servers are listed, change “~all” to “-all”.
problem-spf-all-neutral-all = The record ends with “?all”: it says nothing about other servers.
fix-spf-all-neutral-all = Once all your sending servers are listed, change “?all” to “-all”.
problem-spf-all-no-all = The record has no “all” term: it says nothing about other servers.
fix-spf-all-no-all = Add “-all” at the end of the record once all your sending servers are listed.
problem-spf-all-plus-all = The record ends with “+all”: anyone in the world is authorised to send mail as your domain.
fix-spf-all-plus-all = Replace “+all” with “-all”.
problem-spf-all-lookup-limit = Receivers never reach the end of the SPF policy: its chain of redirect= passes the limit of { $limit } DNS lookups, so SPF fails with a permanent error.
fix-spf-all-lookup-limit = Shorten the chain of redirect= so that the policy ends, with “-all”, within { $limit } lookups.
problem-spf-all-everyone-authorised = The SPF policy authorises every server in the world, through { $terms }: anyone can send mail as your domain.
fix-spf-all-everyone-authorised = Remove { $terms } from the record, or ask whoever manages it to end it with “-all” instead of “+all”.

problem-dkim-record-missing = No DKIM key is published at { $name }
fix-dkim-record-missing = Generate the key in the console, then publish it in a TXT record under this name.
problem-dkim-record-domain-appended = The DKIM key is published at { $name }: your DNS host added your domain to the name.
fix-dkim-record-domain-appended = Rename the record: type only { $expected }
problem-dkim-record-revoked-key = The DKIM record has an empty key (p=): the key is revoked and no signature can be verified.
fix-dkim-record-revoked-key = Publish the key generated in the console.
problem-dkim-record-invalid-key = { $reason ->
    [too-short] The DKIM key is only { $bits } bits long: receivers reject keys under 1024 bits.
    [too-long] The DKIM key is { $bits } bits long, more than receivers accept.
    [base64] The DKIM key (p=) is not valid base64 text: part of it may have been lost when copying.
    [not-rsa] The DKIM key is not an RSA key although the record says so.
   *[other] The DKIM key (p=) is damaged: part of it may have been lost when copying.
}
fix-dkim-record-invalid-key = Copy the whole key again from the console and replace the record's value.
problem-dkim-record-syntax = The DKIM record is not valid: tag “{ $tag }” ({ $reason_text }).
fix-dkim-record-syntax = Replace the record's value with the one the assistant gives.
problem-dkim-record-quoted-value = The DKIM record was saved with quote marks as part of its value.
fix-dkim-record-quoted-value = Edit the record and remove the quote marks: your DNS host adds them itself.
problem-dkim-record-multiple-records = { $count } DKIM records are published under the same name: receivers cannot tell which to use.
fix-dkim-record-multiple-records = Keep only one record, with the key from the console.
problem-dkim-record-testing-mode = The DKIM record is in test mode (t=y): receivers may ignore failed signatures.
fix-dkim-record-testing-mode = Remove “t=y” once signing works.
problem-dkim-record-invalid-character = The DKIM record's tag “{ $tag }” holds a control or invisible character: { $value }. Verifiers may not read the record as it is shown to you.
fix-dkim-record-invalid-character = Replace the record's value with the one the assistant gives. (Invisible characters are shown here as \u{"{"}…{"}"}.)

problem-dkim-record-not-for-email = The DKIM record reserves its key for other services (s={ $services }): receivers skip it for mail, so no signature can be verified.
fix-dkim-record-not-for-email = Replace the record's value with the one the assistant gives (it has no s= tag).
problem-dkim-record-no-sha256 = The DKIM record allows only { $hashes } as hash algorithm (h=): receivers accept only sha256 signatures (RFC 8301), so they skip this key.
fix-dkim-record-no-sha256 = Replace the record's value with the one the assistant gives (it has no h= tag).
problem-dkim-record-large-key = The DKIM key is { $bits } bits long: receivers are only required to handle keys of up to 4096 bits, and some will not verify your signatures.
fix-dkim-record-large-key = Generate a 2048-bit key in the console and publish it instead.

problem-dkim-match-key-mismatch = The published DKIM key is not the one generated in the console: signed mail will fail DKIM.
fix-dkim-match-key-mismatch = Replace the record's value with the one the assistant gives. Do not enable signing in the console until this check is green.
problem-dkim-match-waiting-console-key = Waiting for the console's key: until it is given, nothing says that the published key is the one the console signs with.
fix-dkim-match-waiting-console-key = Generate the DKIM key in the console and paste its public key here. Enable signing in the console only once this check (“DKIM key matches the console”) is green.

problem-dmarc-record-missing = No DMARC record is published at { $name }
fix-dmarc-record-missing = Create the TXT record the assistant gives.
problem-dmarc-record-multiple-records = { $count } DMARC records are published: receivers then ignore DMARC entirely.
fix-dmarc-record-multiple-records = Delete them all and keep only the record the assistant gives.
problem-dmarc-record-syntax = The DMARC record is not valid: tag “{ $tag }” ({ $reason_text }).
fix-dmarc-record-syntax = Replace the record's value with the one the assistant gives.
problem-dmarc-record-unknown-tag = The DMARC record has a tag that DMARC does not define: “{ $tag }”. Receivers ignore it.
fix-dmarc-record-unknown-tag = Check the spelling of “{ $tag }”, or remove it.
problem-dmarc-record-quoted-value = The DMARC record was saved with quote marks as part of its value: { $value }
fix-dmarc-record-quoted-value = Edit the record and remove the quote marks: your DNS host adds them itself.
problem-dmarc-record-domain-appended = The DMARC record is published at { $name }: your DNS host added your domain to the name.
fix-dmarc-record-domain-appended = Rename the record: type only { $expected }
problem-dmarc-record-invalid-character = The DMARC record's tag “{ $tag }” holds a control, invisible or non-ASCII character, which has no place in a DNS record: { $value }
fix-dmarc-record-invalid-character = Replace the record's value with the one the assistant gives: it keeps your other tags and leaves this one out. (Invisible characters are shown here as \u{"{"}…{"}"}.)

problem-dmarc-reports-missing-report-address = DMARC reports are not sent to the gateway ({ $address }): the console cannot show them.
fix-dmarc-reports-missing-report-address = Add mailto:{ $address } to the record's rua tag, as in the value the assistant gives.

problem-mtasts-policy-gateway-not-listed = { $mode ->
    [enforce] The MTA-STS policy is in “enforce” mode and does not list { $hosts }: as soon as the MX records point to the gateway, senders that honour MTA-STS will hold, then return, your mail.
   *[other] The MTA-STS policy (mode “{ $mode }”) does not list { $hosts }: after the MX switch, senders will report failed deliveries to the gateway in their TLS reports.
}
fix-mtasts-policy-gateway-not-listed = Before switching the MX records: first publish the new policy file (your current mx: lines kept, the gateway's added) at { $url }, then change the TXT record { $name } to “v=STSv1; id={ $id };”. Senders that cached the old policy fetch the new one when they see the new id; a sender that does not look may keep the old one up to { $max_age_days } days, until { $until }: switch the MX records only once the new policy has been published for a day or more.
problem-mtasts-policy-policy-unreachable = The domain publishes an MTA-STS record, but its policy could not be fetched from { $url } ({ $reason ->
    [no-address] the name has no address
    [connect] no connection
    [certificate] the certificate is not valid for this name
    [status] the server answered with status { $status }
    [too-large] the file is too large
    [not-text] the file is not text
    [timeout] no answer in time
   *[other] the exchange failed
}). Senders that fetched it before still apply it, and it may not list the gateway.
fix-mtasts-policy-policy-unreachable = Make the policy file reachable at { $url } with a valid certificate, and check that its mx: lines list the gateway's hosts before switching the MX records.
problem-mtasts-policy-policy-invalid = The MTA-STS policy at { $url } is not valid ({ $reason ->
    [version] “version: STSv1” is missing
    [mode] its mode is missing or unknown
    [max-age] its max_age is missing or too long
    [no-mx] it has no mx: line
   *[other] it is not text
}): senders ignore it.
fix-mtasts-policy-policy-invalid = Correct the policy file, with mx: lines for the gateway's hosts, then change the id of the MTA-STS TXT record.
problem-mtasts-policy-record-invalid = The MTA-STS record { $name } is not valid ({ $reason ->
    [multiple] there are several
   *[other] its id is missing or not made of letters and digits
}): senders take the domain as having no policy.
fix-mtasts-policy-record-invalid = Keep a single record “v=STSv1; id=…;” whose id is made of letters and digits only, or delete it if you do not use MTA-STS.

## A test message (`message`): checks that DNS cannot make

check-message-inbound-gateway = Incoming mail passes through the gateway
check-message-inbound-bypass = Nothing reaches the mailboxes around the gateway
check-message-inbound-destination = The gateway delivers to the destination server set up
check-message-inbound-enhanced-filtering = Microsoft 365 judges the original sender (Enhanced Filtering)
check-message-inbound-google-gateway = Google Workspace recognises the gateway (inbound gateway)
check-message-outbound-gateway = Outgoing mail leaves through the gateway
check-message-outbound-dkim = The gateway's DKIM signature verifies
check-message-outbound-spf = SPF passes for the server that delivered the message
check-message-outbound-dmarc = DMARC passes, aligned with the From address
check-message-outbound-receiver = The receiver's own results agree

problem-message-inbound-gateway-no-gateway-hop = { $hops ->
    [0] The message has no Received header: nothing shows that it passed through the gateway.
    [1] The message's only Received header names no gateway server or address: it did not pass through the gateway.
   *[other] None of the message's { $hops } Received headers names a gateway server or address: it did not pass through the gateway.
}
fix-message-inbound-gateway-no-gateway-hop = Check that the domain's MX records point to the gateway (the “MX records point to the gateway” check), wait for the change to spread, then send a new test message.
problem-message-inbound-bypass-bypassed-gateway = The message reached { $by } straight from { $host }{ $ip ->
    [none] {""}
   *[other] {" "}({ $ip })
}, not from the gateway: mail can still bypass the filtering.
fix-message-inbound-bypass-bypassed-gateway = Delete any MX record that does not point to the gateway, then lock the mail server down so that it only accepts mail from the gateway (the lock-down step). Send a new test message once done.
problem-message-inbound-bypass-no-receiving-hop = The headers do not show which server handed the message to your mail server.
fix-message-inbound-bypass-no-receiving-hop = Copy the message's full headers again, from the first Received line to the last, or save the message as a .eml file and give that instead.
problem-message-inbound-destination-destination-mismatch = The gateway delivered the message to { $host }, not to the destination server set up ({ $expected }).
fix-message-inbound-destination-destination-mismatch = In the gateway's console, set the domain's destination server to { $expected }, then send a new test message.
problem-message-inbound-destination-destination-not-seen = The headers show no hop from the gateway to your mail server: the destination ({ $expected }) cannot be confirmed.
fix-message-inbound-destination-destination-not-seen = Send the test message again once the MX records point to the gateway, and copy the headers from the mailbox that received it.
problem-message-inbound-enhanced-filtering-enhanced-filtering-off = Microsoft 365 judged the gateway's address ({ $ip }) instead of the original sender's: SPF and anti-spoofing see every message as sent by the gateway.
fix-message-inbound-enhanced-filtering-enhanced-filtering-off = In the Microsoft 365 Defender portal (Email & collaboration › Policies & rules › Threat policies › Enhanced Filtering), turn on Enhanced Filtering for the gateway's inbound connector, for all recipients. Then send a new test message.
problem-message-inbound-enhanced-filtering-no-platform-results = The message has no Authentication-Results written by Microsoft 365 that says which address was judged.
fix-message-inbound-enhanced-filtering-no-platform-results = Take the headers from the message as it arrived in the Microsoft 365 mailbox (in Outlook on the web: “View › View message details”), not from a forwarded copy.
problem-message-inbound-google-gateway-inbound-gateway-not-recognised = Google judged the gateway's address ({ $ip }) instead of the original sender's: the gateway is not set up as an inbound gateway.
fix-message-inbound-google-gateway-inbound-gateway-not-recognised = In the Google Admin console (Apps › Google Workspace › Gmail › Spam, phishing and malware › Inbound gateway), add the gateway's addresses and tick “Automatically detect external IP”. Then send a new test message.
problem-message-inbound-google-gateway-no-platform-results = The message has no Authentication-Results written by Google that says which address was judged.
fix-message-inbound-google-gateway-no-platform-results = Take the headers from the message as it arrived in Gmail (“Show original”), not from a forwarded copy.
problem-message-inbound-enhanced-filtering-not-through-gateway = The message did not come through the gateway: it cannot show whether Microsoft 365 judges the original sender of the mail the gateway hands over.
fix-message-inbound-enhanced-filtering-not-through-gateway = Send a new test message once it comes through the gateway (the checks above).
problem-message-inbound-google-gateway-not-through-gateway = The message did not come through the gateway: it cannot show whether Google Workspace recognises the gateway.
fix-message-inbound-google-gateway-not-through-gateway = Send a new test message once it comes through the gateway (the checks above).
problem-message-outbound-gateway-not-through-gateway = { $missing ->
    [into] No hop shows your mail platform handing the message to the gateway.
    [out] The gateway received the message but no hop shows it leaving from the gateway.
   *[both] The message did not pass through the gateway on its way out.
}
fix-message-outbound-gateway-not-through-gateway = Route outgoing mail through the gateway: the outbound connector (Microsoft 365), the outbound gateway (Google Workspace) or the smart host (your own server) shown in the lock-down step. Then send a new test message.
problem-message-outbound-gateway-outside-gateway-ranges = The message left from { $host } ({ $ip }), an address outside the gateway's ranges.
fix-message-outbound-gateway-outside-gateway-ranges = Check with the gateway's support that { $ip } is one of its sending addresses; if it is not, route outgoing mail through the gateway.
problem-message-outbound-dkim-dkim-not-signed = The message carries no DKIM signature from the gateway (d={ $domain }, s={ $selector }){ $found_count ->
    [0] {""}
   *[other] ; signatures found: { $found }
}.
fix-message-outbound-dkim-dkim-not-signed = Turn DKIM signing on in the gateway's console for { $domain }, once the “DKIM key matches the console” check is green. Then send a new test message.
problem-message-outbound-dkim-dkim-invalid = The gateway's DKIM signature does not verify against the key published at { $name }: { $reason ->
    [body-hash] the message's body was changed after signing
    [signature] the signature does not match the published key
    [no-key] no valid key is published there
    [revoked] the published key is revoked
    [expired] the signature has expired
   *[other] the signature cannot be read
}.
fix-message-outbound-dkim-dkim-invalid = { $reason ->
    [body-hash] Check that nothing changes the message after the gateway (a forward, a mailing list, a filter on the way), then send a new test message straight to a personal mailbox.
    [expired] Send a new test message and check it at once.
   *[other] Publish the key generated in the console at { $name } (the “DKIM key matches the console” check), then send a new test message.
}
problem-message-outbound-dkim-dkim-headers-only = The gateway's signature is there and its key is published at { $name }, but without the message's body it cannot be verified.
fix-message-outbound-dkim-dkim-headers-only = Save the message as a .eml file (the whole message, not only its headers) and give that instead.
problem-message-outbound-spf-spf-not-passing = SPF gives “{ $result }” for { $ip }, the server that delivered the message, for { $domain }.
fix-message-outbound-spf-spf-not-passing = Publish the SPF record the assistant gives, which authorises the gateway, and send all outgoing mail through the gateway.
problem-message-outbound-spf-no-receiving-hop = The headers do not show which server delivered the message to the receiver.
fix-message-outbound-spf-no-receiving-hop = Copy the message's full headers again, from the receiving mailbox, or save the message as a .eml file and give that instead.
problem-message-outbound-dmarc-dmarc-not-passing = DMARC does not pass for { $domain }: { $reason ->
    [no-record] no DMARC record is published
   *[other] neither SPF nor DKIM passes for a domain aligned with the From address
}.
fix-message-outbound-dmarc-dmarc-not-passing = { $reason ->
    [no-record] Publish the DMARC record the assistant gives.
   *[other] Turn DKIM signing on in the gateway's console and check the SPF record: the problems above say which one fails.
}
problem-message-outbound-dmarc-no-receiving-hop = The headers do not show which server delivered the message: DMARC cannot be judged without it.
fix-message-outbound-dmarc-no-receiving-hop = Copy the message's full headers again, from the receiving mailbox, or save the message as a .eml file and give that instead.
problem-message-outbound-receiver-receiver-disagrees = The receiver found { $method } “{ $receiver }” when the assistant finds it { $ours ->
    [pass] passes
   *[other] fails
} now.
fix-message-outbound-receiver-receiver-disagrees = A record may have changed since the message was sent, or a server between the gateway and the receiver changed the message: send a new test message and compare.
problem-message-outbound-receiver-no-receiver-results = The message has no Authentication-Results header from the receiver.
fix-message-outbound-receiver-no-receiver-results = Take the headers from the receiving mailbox (Gmail: “Show original”; Outlook on the web: “View message details”).

## Why a test message cannot be read (`message`)

message-error-empty = Nothing was given: paste the message's headers or give its .eml file.
message-error-too-large = The message weighs { $size_mb } MB, more than the { $limit_mb } MB accepted: send a test message without attachments.
message-error-headers-too-large = The headers are over { $limit_kb } KB, far more than a real message's: this is not a test message's header block.
message-error-binary = Line { $line } holds binary data: give the message's .eml file or its headers as text.
message-error-not-text = Line { $line } is neither ASCII nor UTF-8 text: save the message again as .eml, or copy its headers from the mail client.
message-error-broken-header = Line { $line } is not a header (“{ $text }”): copy the headers whole, from the first line to the last.
message-error-not-a-message = This is not a mail message: no From, Received or DKIM-Signature header was found.
message-error-too-many-hops = The message has { $count } Received headers, more than the { $limit } a real message can have.
message-error-no-domain = The domain cannot be told from the message: give it with --domain.

cli-message-title = Test message ({ $direction ->
    [inbound] incoming
   *[other] outgoing
}) for { $domain }: { $hops ->
    [1] 1 hop read
   *[other] { $hops } hops read
}{ $date ->
    [none] {""}
   *[other] , sent { $date }
}
cli-message-headers-only = Headers only: the body's DKIM hash cannot be verified.
cli-error-message-file = Cannot read the message { $path }: { $error }

## Microsoft 365: what the tenant says (`tenant`), from the read-back script's output

check-tenant-inbound-connector = The inbound connector from the gateway is on, typed Partner
check-tenant-inbound-restricted = The inbound connector accepts mail only from the gateway's addresses
check-tenant-inbound-tls = The inbound connector requires TLS
check-tenant-inbound-enhanced-filtering = Enhanced Filtering is on for the inbound connector
check-tenant-outbound-connector = The outbound connector to the gateway is on, typed Partner
check-tenant-outbound-smart-host = Outgoing mail goes to the gateway's smart host
check-tenant-outbound-tls = The outbound connector uses TLS and checks the smart host's certificate
check-tenant-outbound-scope = The outbound connector carries mail to every domain

problem-no-connector = { $direction ->
    [inbound] { $count ->
        [0] The tenant has no inbound connector: nothing restricts who may deliver mail to it.
        [1] The tenant's only inbound connector is not the gateway's (it is neither named “e-securemail inbound” nor admits the gateway's addresses).
       *[other] None of the tenant's { $count } inbound connectors is the gateway's (named “e-securemail inbound”, or admitting the gateway's addresses).
    }
   *[outbound] { $count ->
        [0] The tenant has no outbound connector: mail leaves straight from Microsoft 365, not through the gateway.
        [1] The tenant's only outbound connector is not the gateway's (it is neither named “e-securemail outbound” nor sends to the gateway's smart host).
       *[other] None of the tenant's { $count } outbound connectors is the gateway's (named “e-securemail outbound”, or sending to the gateway's smart host).
    }
}
fix-no-connector = Run the lock-down script (lock-down step, Microsoft 365): it creates the connector. Or, in the Exchange admin centre (Mail flow › Connectors), add a connector { $direction ->
    [inbound] from a partner organisation, for the gateway's addresses
   *[outbound] to a partner organisation, through the gateway's smart host
}. Then run the read-back script again.
problem-connector-disabled = The { $direction ->
    [inbound] inbound
   *[outbound] outbound
} connector “{ $name }” is turned off.
fix-connector-disabled = In the Exchange admin centre (Mail flow › Connectors), turn “{ $name }” on, or run: Set-{ $direction ->
    [inbound] Inbound
   *[outbound] Outbound
}Connector -Identity { $identity } -Enabled $true
problem-connector-not-partner = The { $direction ->
    [inbound] inbound connector “{ $name }” is of type { $type }, not Partner: it is meant for mail from your own servers, not from the gateway.
   *[outbound] outbound connector “{ $name }” is of type { $type }, not Partner: it is meant for mail to your own servers, not to the gateway.
}
fix-connector-not-partner = Run the lock-down script again: it sets the connector's type to Partner. Or run: Set-{ $direction ->
    [inbound] Inbound
   *[outbound] Outbound
}Connector -Identity { $identity } -ConnectorType Partner
problem-ranges-unknown = The gateway's address ranges are not known: the connector's addresses cannot be compared with them.
fix-ranges-unknown = Give the gateway's address ranges (the list from support, or let the assistant read them from the gateway's SPF record once DNS answers), then check again.
problem-tenant-inbound-restricted-not-restricted = The inbound connector “{ $name }” does not refuse mail from other addresses (RestrictDomainsToIPAddresses is off): senders can still reach Microsoft 365 around the gateway.
fix-tenant-inbound-restricted-not-restricted = Once the MX records point only to the gateway, run the lock-down script again, or run: Set-InboundConnector -Identity { $identity } -RestrictDomainsToIPAddresses $true
problem-tenant-inbound-restricted-addresses-outside-gateway = The inbound connector “{ $name }” admits { $count ->
    [1] an address
   *[other] { $count } addresses
} outside the gateway's ranges: { $addresses }.
fix-tenant-inbound-restricted-addresses-outside-gateway = Keep only the gateway's ranges in the connector's sender addresses: run the lock-down script again (it sets the list), or edit “{ $name }” in the Exchange admin centre (Mail flow › Connectors).
problem-tenant-inbound-restricted-gateway-ranges-missing = The inbound connector “{ $name }” does not admit { $count ->
    [1] the gateway's range { $ranges }: mail from it would be refused.
   *[other] { $count } of the gateway's ranges ({ $ranges }): mail from them would be refused.
}
fix-tenant-inbound-restricted-gateway-ranges-missing = Run the lock-down script again with the gateway's current ranges: it sets the connector's sender addresses.
problem-tenant-inbound-restricted-sender-domains-partial = The inbound connector “{ $name }” applies only to mail from { $domains }, not from every domain (*): mail from other senders is not restricted to the gateway.
fix-tenant-inbound-restricted-sender-domains-partial = Run the lock-down script again, or run: Set-InboundConnector -Identity { $identity } -SenderDomains '*'
problem-tenant-inbound-tls-tls-not-required = The inbound connector “{ $name }” does not require TLS: mail from the gateway may arrive unencrypted.
fix-tenant-inbound-tls-tls-not-required = Run the lock-down script again, or run: Set-InboundConnector -Identity { $identity } -RequireTls $true
problem-tenant-inbound-enhanced-filtering-enhanced-filtering-off = Enhanced Filtering is off on the inbound connector “{ $name }”: Microsoft 365 judges every message as sent by the gateway, so SPF and anti-spoofing see the gateway, not the original sender.
fix-tenant-inbound-enhanced-filtering-enhanced-filtering-off = In the Microsoft Defender portal (Email & collaboration › Policies & rules › Threat policies › Enhanced Filtering), choose “{ $name }”, “Automatically detect and skip the last IP address” and all recipients. Or run: Set-InboundConnector -Identity { $identity } -EFSkipLastIP $true
problem-tenant-inbound-enhanced-filtering-ef-skip-ips-partial = Enhanced Filtering on “{ $name }” skips a list of addresses that leaves out { $count ->
    [1] the gateway's range { $ranges }.
   *[other] { $count } of the gateway's ranges ({ $ranges }).
}
fix-tenant-inbound-enhanced-filtering-ef-skip-ips-partial = Let it skip the last address instead, whatever the gateway's ranges: Set-InboundConnector -Identity { $identity } -EFSkipLastIP $true
problem-tenant-inbound-enhanced-filtering-ef-some-users = Enhanced Filtering on “{ $name }” applies to { $count ->
    [1] one recipient only
   *[other] { $count } recipients only
}, not to everyone.
fix-tenant-inbound-enhanced-filtering-ef-some-users = In the Microsoft Defender portal (Enhanced Filtering), apply it to all recipients, or run: Set-InboundConnector -Identity { $identity } -EFUsers $null
problem-tenant-outbound-smart-host-uses-mx-record = The outbound connector “{ $name }” delivers to the recipients' MX records, not to the gateway's smart host: outgoing mail is not filtered.
fix-tenant-outbound-smart-host-uses-mx-record = Run the lock-down script again with the gateway's smart host from its console: it sets UseMXRecord to false and the smart host.
problem-tenant-outbound-smart-host-smart-host-mismatch = The outbound connector “{ $name }” sends to { $found_count ->
    [0] no smart host
   *[other] { $found }
} instead of the gateway's smart host alone, { $expected }.
fix-tenant-outbound-smart-host-smart-host-mismatch = Run the lock-down script again, or run: Set-OutboundConnector -Identity { $identity } -UseMXRecord $false -SmartHosts '{ $expected }'
problem-tenant-outbound-smart-host-smart-host-unknown = The outbound connector sends to { $found_count ->
    [0] no smart host
   *[other] { $found }
}, but the gateway's smart host is not known here: it cannot be confirmed.
fix-tenant-outbound-smart-host-smart-host-unknown = Give the gateway's smart host, from its console, then check again.
problem-tenant-outbound-tls-outbound-tls-off = The outbound connector “{ $name }” does not use TLS: mail to the gateway may travel unencrypted.
fix-tenant-outbound-tls-outbound-tls-off = Run the lock-down script again: it turns TLS on and has the smart host's certificate checked (TlsSettings DomainValidation).
problem-tenant-outbound-tls-tls-not-validated = The outbound connector “{ $name }” uses TLS ({ $setting }) without checking that the certificate is the smart host's.
fix-tenant-outbound-tls-tls-not-validated = Run the lock-down script again: it sets TlsSettings to DomainValidation, with the smart host's name as TlsDomain.
problem-tenant-outbound-tls-tls-domain-mismatch = The outbound connector “{ $name }” checks the certificate for “{ $found }” rather than for the smart host { $expected }.
fix-tenant-outbound-tls-tls-domain-mismatch = Run: Set-OutboundConnector -Identity { $identity } -TlsDomain '{ $expected }'
problem-tenant-outbound-scope-scope-not-all = The outbound connector “{ $name }” carries mail only to { $count ->
    [0] no domain
   *[other] { $domains }
}, not to every domain (*): other outgoing mail leaves without the gateway.
fix-tenant-outbound-scope-scope-not-all = Run the lock-down script again, or run: Set-OutboundConnector -Identity { $identity } -RecipientDomains '*'
problem-tenant-outbound-scope-transport-rule-scoped = The outbound connector “{ $name }” carries only the mail a transport rule sends to it: other outgoing mail leaves without the gateway.
fix-tenant-outbound-scope-transport-rule-scoped = Unless a transport rule is meant to choose which mail goes through the gateway, run: Set-OutboundConnector -Identity { $identity } -IsTransportRuleScoped $false
problem-tenant-outbound-scope-all-accepted-domains = The outbound connector “{ $name }” is set for mail to the organisation's own accepted domains (AllAcceptedDomains), a setting for hybrid setups, not for mail to the Internet.
fix-tenant-outbound-scope-all-accepted-domains = Run: Set-OutboundConnector -Identity { $identity } -AllAcceptedDomains $false

## Why a paste is not the read-back script's output (`tenant`)

tenant-error-empty = Nothing was given: run the read-back script and paste what it printed, or give the file it saved.
tenant-error-too-large = The text weighs { $size_kb } KB, more than the { $limit_kb } KB a read-back can: this is not the read-back script's output.
tenant-error-binary = Line { $line } holds binary data: paste the read-back script's output as text.
tenant-error-not-text = Line { $line } is not UTF-8 text: give the file the read-back script saved, as it is.
tenant-error-other-command = This is another command's output (a connector listing such as Get-InboundConnector | Format-List), not the read-back script's: run the read-back script and paste what it prints.
tenant-error-script = This is a script, not what it printed: run the read-back script in PowerShell, then paste its output.
tenant-error-not-readback = This is not the read-back script's output: its first line, “esm-assistant tenant read-back v1”, is missing.
tenant-error-unknown-version = This output comes from another version of the read-back script ({ $version }): take the script from this assistant again and run it.
tenant-error-repeated = The output was pasted more than once (again at line { $line }): paste it once.
tenant-error-truncated = The output is cut: its last line, “end: …”, is missing. Copy it whole, or give the file the script saved.
tenant-error-altered = The output has { $found } lines where the script counted { $expected }: lines were lost or changed. Give the file the script saved instead.
tenant-error-broken-line = Line { $line } is not one the script writes (“{ $text }”): copy the output whole, as it is.
tenant-error-unknown-key = Line { $line } has a key the script does not write ({ $key }): the output was changed, or comes from another version.
tenant-error-repeated-key = Line { $line } gives { $key } a second time for the same connector: the output was changed.
tenant-error-missing-key = A connector's { $key } is missing (before line { $line }): the output was changed or cut.
tenant-error-bad-value = The value of { $key } at line { $line } is not as the script writes it: the output was changed.
tenant-error-too-many-connectors = The output lists more than { $limit } connectors, far more than a tenant has.

tenant-script-title = Read-back of the Exchange Online connectors, for the e-securemail setup assistant.
tenant-script-domain = Domain set up: { $domain }
tenant-script-read-only = This script only reads the connectors (Get-InboundConnector, Get-OutboundConnector): it changes nothing in the tenant.
tenant-script-output = It prints the result and also saves it as { $file } in the current folder: paste the result into the assistant, or give it that file.
tenant-script-encode = Each value is written percent-encoded, so that no name or list can break the lines the assistant reads.
tenant-script-inbound = Every inbound connector: its type, the senders and addresses it admits, TLS and Enhanced Filtering.
tenant-script-outbound = Every outbound connector: its type, smart hosts, TLS and the recipients it serves.
tenant-script-end = The result: a version line, the connectors, and the number of lines, so that a cut or changed copy is told.

cli-tenant-title = Microsoft 365 tenant: { $inbound ->
    [1] 1 inbound connector
   *[other] { $inbound } inbound connectors
} and { $outbound ->
    [1] 1 outbound connector
   *[other] { $outbound } outbound connectors
} read
cli-error-tenant-file = Cannot read the read-back { $path }: { $error }
cli-tenant-script-written = Read-back script written to { $path }. Run it in Exchange Online PowerShell, then check what it prints with: esm-assistant tenant check { $file }

## Words that stand for codes in the messages above: shown as $reason_text

arg-reason-timeout = no answer in time
arg-reason-servfail = the server reported a failure (SERVFAIL)
arg-reason-refused = the server refused to answer (REFUSED)
arg-reason-error = network error
arg-reason-not-resolved = not looked up
arg-reason-not-spf = it does not start with v=spf1
arg-reason-unknown-mechanism = unknown mechanism
arg-reason-missing-domain = a domain name is missing
arg-reason-invalid-domain = invalid domain name
arg-reason-invalid-address = invalid IP address
arg-reason-invalid-prefix = invalid network prefix
arg-reason-duplicate-modifier = the modifier appears twice
arg-reason-mechanism-as-modifier = “=” instead of “:”, so receivers ignore it
arg-reason-unexpected-argument = this term takes no value
arg-reason-invalid-macro = invalid macro
arg-reason-repeated-version = v=spf1 appears twice
arg-reason-malformed-tag = not of the form name=value
arg-reason-duplicate-tag = the tag appears twice
arg-reason-version-not-first = the version must come first
arg-reason-bad-version = wrong version
arg-reason-missing-key = the key (p=) is missing
arg-reason-unknown-key-type = unknown key type
arg-reason-missing-policy = the policy (p=) is missing
arg-reason-bad-value = invalid value
arg-reason-invalid-character = it holds a control, invisible or non-ASCII character (invisible ones are shown as \u{"{"}…{"}"})

## Domain names typed by the user

domain-error-empty = Enter a domain name, for example example.com.
domain-error-space = A domain name cannot contain spaces.
domain-error-empty-label = The name has two dots in a row, or starts with a dot.
domain-error-label-too-long = The part “{ $label }” is { $bytes } characters long; at most 63 are allowed.
domain-error-name-too-long = The name is { $bytes } characters long; at most 253 are allowed.
domain-error-hyphen = The part “{ $label }” starts or ends with a hyphen.
domain-error-invalid-character = The character “{ $character }” is not allowed in a domain name.
domain-error-single-label = Enter the full domain name, with its extension (for example example.com).
domain-error-idna = This international domain name is not valid.
domain-error-ip-address = This is an IP address: enter the domain name instead (for example example.com).
domain-error-numeric-tld = A domain name cannot end with a number: enter the full domain name (for example example.com).

## International names that may imitate others

domain-shown = { $unicode } ({ $ascii })
domain-lookalike = { $kind ->
    [mixed] “{ $unicode }” mixes letters from different alphabets
   *[latin] “{ $unicode }” is written in letters of another alphabet that look like Latin ones
}: in DNS, this domain is { $ascii }. Make sure it really is your domain before publishing anything.

## Records to publish

records-title = Records to publish for { $domain }
record-purpose-mx = MX: mail for your domain arrives at the gateway
record-purpose-spf = SPF: the servers allowed to send as your domain
record-purpose-dkim = DKIM: the key that signs your mail
record-purpose-dmarc = DMARC: what receiving servers do with failing mail, and where they send reports
record-purpose-mta-sts = MTA-STS: the new id that tells senders to fetch the new policy
record-note-mta-sts-policy-first = Publish this record only after the new policy file, at { $url }: { $policy }
record-name = Name
record-full-name = Full name
record-type = Type
record-ttl = TTL
record-priority = Priority
record-value = Value
record-strings = Value split into strings of 255 characters at most:
record-action-create = Create
record-action-replace = Replace the existing record
record-action-keep = Already published: nothing to do
record-action-unknown = What is published now could not be read: check again before changing anything
record-delete-title = Records to delete
record-dkim-needs-key = Generate the key in the console ({ $path }), then give it with --dkim-key.
record-note-merge-too-many-lookups = With the gateway added, the SPF record would need { $count } DNS lookups, more than 10: remove unused includes first.
record-note-dropped-terms = These terms were not valid and were left out: { $terms }
record-note-dropped-characters = These tags held a control, invisible or non-ASCII character and were left out: { $terms }
record-zone-no-value = { $name } { $ttl } IN { $rtype }: { $reason ->
    [unknown] what is published could not be read; check again before changing anything
    [keep] already published, nothing to do
   *[key] its value is the key generated in the console, still to be given
}
record-zone-delete = to delete: { $name } IN { $rtype } { $value }

## Command line

cli-report-title = Checks for { $domain }
cli-report-resolver = Resolver: { $resolver }
cli-resolver-system = the system's
cli-resolver-authoritative = the domain's own name servers
cli-found = Found:
cli-expected = Expected:
cli-fix = Fix:
cli-summary = { $fail } failed, { $warn ->
    [one] 1 warning
   *[other] { $warn } warnings
}, { $unknown } not checked, { $waiting } waiting for you, { $pass } OK.
cli-records-hint = For the exact values to publish: esm-assistant records { $domain }
cli-label = { $label }:
cli-error-domain = “{ $input }” is not a domain name: { $reason }
cli-error-destination = The destination server “{ $input }” is not a host name or an IP address: { $reason }
cli-error-dkim-key = The DKIM key given is not a usable public key ({ $reason }).
cli-error-dkim-file = Cannot read the DKIM key file { $path }: { $error }
cli-error-nameserver = “{ $input }” is not an IP address or IP:PORT.
cli-error-provider = The provider profile cannot be used: { $error }
cli-error-pdf = The checklist could not be made: { $error }
cli-error-write = Cannot write { $path }: { $error }

# Files that cannot be written
file-error-not-regular = something other than a file has this name (a folder, a device or a pipe): it was left as it is
cli-error-out-terminal = --out - writes the PDF to standard output, which is a terminal here: redirect it to a file (--out - > checklist.pdf), or give a file name.

# Files that cannot be read
file-error-not-found = it does not exist
file-error-not-a-file = it is a folder, a device or a pipe, not a file
file-error-too-large = it is larger than { $size }, more than such a file ever holds
file-error-permission = permission to read it is denied
file-error-not-text = it is not UTF-8 text
file-size-kib = { $count } KiB
file-size-mib = { $count } MiB
cli-error-provider-file = Cannot read the provider profile { $path }: { $error }


cli-checklist-written = Checklist written to { $path }
cli-error-resolver = The DNS resolver cannot be set up: { $error }

## SPF explainer (esm-assistant spf): the result a receiver reaches.
## $result is the RFC 7208 word (pass, fail, softfail, neutral, none,
## permerror, temperror), shown as is.

spf-title = SPF for { $domain }, mail sent from { $ip }
spf-inputs = Sender: { $sender } · HELO: { $helo }
spf-result = Result: { $result }
spf-meaning = { $result ->
    [pass] This server may send mail for { $domain }.
    [fail] This server may not send mail for { $domain }: receivers may reject its mail.
    [softfail] This server is probably not allowed to send mail for { $domain }: receivers usually accept its mail but mark it as suspicious.
    [neutral] The SPF policy of { $domain } says nothing about this server: receivers treat its mail as if there were no policy.
    [none] No SPF policy applies: receivers cannot tell whether this server may send mail for { $domain }.
    [permerror] The SPF policy of { $domain } cannot be evaluated: receivers treat this as a permanent error, and many then treat the mail as unauthenticated.
   *[temperror] A DNS lookup failed during the evaluation: receivers usually defer the mail and try again later.
}
spf-decided-by = Decided by: { $term } (record of { $domain })
spf-no-term = No term matched: the default result is neutral.
spf-stopped-at = Stopped at: { $term } (record of { $domain })
spf-path = Path: { $path }
spf-why = Why: { $reason }
spf-explanation = Explanation published by the domain: { $text }
spf-lookups = DNS lookups: { $lookups } of 10 · void lookups: { $void } of 2
spf-why-invalid-domain = { $domain } is not a domain name a receiver can check.
spf-why-no-record = { $domain } publishes no SPF record.
spf-why-multiple-records = { $domain } publishes { $count } SPF records; there must be only one.
spf-why-syntax = The SPF record of { $domain } is not valid: the term “{ $term }” is wrong ({ $reason_text }).
spf-why-include-no-record = The include leads to { $domain }, which publishes no SPF record.
spf-why-redirect-no-record = The redirect leads to { $domain }, which publishes no SPF record.
spf-why-invalid-target = “{ $term }” does not lead to a valid domain name.
spf-why-too-many-lookups = The evaluation needs more than { $limit } terms that query DNS.
spf-why-too-many-void-lookups = More than { $limit } lookups of the evaluation find nothing.
spf-why-too-many-mx-names = { $name } has { $count } MX records; an “mx” term may bring at most { $limit }.
spf-why-lookup-failed = The DNS lookup of { $name } ({ $type }) failed: { $reason_text }.
cli-error-ip = “{ $input }” is not an IP address.
cli-error-too-long = { $option } is longer than { $max } characters.

# --dns-host
cli-error-dns-host = “{ $input }” is not a DNS host the assistant knows. Known hosts: { $hosts }.

## Starting: when the window cannot open

launch-no-display = No display was found (neither WAYLAND_DISPLAY nor DISPLAY is set), so the window cannot open here.
launch-no-window-built = This copy of esm-assistant was built without the window, for servers.
launch-commands = The commands work without it, for example: esm-assistant check example.com — esm-assistant --help describes them all (check, records, checklist, lockdown, spf).

## The window

step-start = Start
step-destination = Destination server
step-spf = SPF
step-dkim = DKIM
step-dmarc = DMARC
step-mx = MX records
step-lockdown = Lock down
step-summary = Summary

platform-microsoft-365 = Microsoft 365
platform-google-workspace = Google Workspace
platform-own-server = My own server (Exchange or other)
platform-other = Other

gui-back = Back
gui-next = Next
gui-check-now = Check now
gui-checking = Checking…
gui-not-checked = Not checked yet
gui-checked-ago = Checked { $seconds } s ago · next check in { $next } s
gui-checked-recently = Checked at { $time }
gui-start-over = Start over
gui-start-over-question = Erase everything entered here and start over?
gui-start-over-yes = Erase and start over
gui-cancel = Cancel
gui-dismiss = Close
gui-progress-moved = Your saved progress could not be used: { $reason }. It was moved aside to { $path }, and the assistant starts afresh.
gui-save-failed = Your progress could not be saved: { $error }

# The saved progress, when it cannot be restored
gui-progress-left = Your saved progress in { $path } could not be read: { $reason }. It was left where it is, and nothing you enter will be saved during this session, so that it is not overwritten. Once this is fixed, restart the assistant.
gui-progress-not-moved = Your saved progress in { $path } could not be used: { $reason }. Moving it aside failed ({ $error }), so it was left where it is, and nothing you enter will be saved during this session, so that it is not overwritten.
progress-problem-damaged = it is damaged
progress-problem-too-large = it is larger than { $size }, more than it can ever hold
progress-problem-field-too-large = { $field ->
    [dkim_key] the DKIM key in it
    [ranges] the list of ranges in it
   *[other] one of its fields
} is longer than { $size }
gui-dkim-key-too-long = This is longer than a key can be ({ $size }): it was not added. Copy the key alone from the console.
lockdown-ranges-too-long = This is longer than a list of ranges can be ({ $size }): it was not added.

gui-copy = Copy
gui-copied = Copied ✓
gui-copy-all = Copy all (zone-file line)
gui-copy-failed = Could not copy to the clipboard: { $error }
gui-show-full-name = Show the full name
gui-hide-full-name = Hide the full name
gui-value-strings = Long value: DNS stores it as { $count } strings of 255 characters at most. Paste it whole; most DNS hosts split it themselves.
gui-done-by-hand = I have done this step
gui-mtasts-policy-file = 1. The new MTA-STS policy file, to publish first at { $url }
gui-mtasts-record = 2. Then, the new value of the TXT record { $name }
gui-confirm-destination = I have saved this server in the console
gui-done-after-mx = You can tick this once the “MX records” step is green.
gui-done-after-propagation = You can tick this once every resolver sees the new MX records (see the MX step).
gui-wait-lockdown-propagation = Not yet: some resolvers still give the old MX records, so some senders may still deliver straight to your server (see “MX records as resolvers see them” on the MX step). Apply these settings once they all see the gateway.
gui-wait-short-step = waiting for step { $number }
gui-wait-short-confirmation = waiting for you
gui-wait-step = Waiting: finish step { $number }, “{ $step }”, first.
gui-wait-confirmation = Waiting for you: once this server is saved in the console, tick the box at the bottom of this page.
gui-wait-mx = Not safe yet: save the destination server in the console (step 2) before switching the MX records, or the gateway will not know where to deliver your mail.
gui-wait-lockdown = Not yet: the MX records do not point only to the gateway. Read these settings now, but apply them only once the “MX records” step is green: applied now, they would make your server refuse the mail that still arrives directly.
gui-dns-where = Where: in your DNS host's zone editor, as a { $rtype } record.
gui-dns-where-host = Where: your domain's DNS is hosted by { $host }. Log in there and add a { $rtype } record in the zone editor.
gui-dns-where-servers = Where: your domain's name servers are { $servers }. Log in at the company that runs them and add a { $rtype } record in the zone editor.

# The DNS host's own guide (assets/dns-hosts/): its menu path, its labels.
gui-dns-where-guide = Where: your domain's DNS is hosted by { $host }. Add a { $rtype } record there: { $path }.
gui-dns-where-link = Direct link to your DNS records at { $host }: { $url }
guide-leave-blank = (leave this field empty)
guide-txt-too-long = { $host }'s form takes at most { $max } characters, and this value has { $length }.
records-dns-host = As { $host }'s zone editor wants them typed.

gui-start-title = Set up your domain for e-securemail
gui-start-intro = This assistant follows the e-securemail onboarding guide step by step. Each value is ready to copy into your DNS host or the console, and each step is checked live in DNS.
gui-language = Language
gui-domain-label = Your domain
gui-domain-placeholder = example.com
gui-domain-hint = You can paste an e-mail address or a web address: only the domain is kept.
gui-domain-idn = Written in DNS as { $ascii }.
gui-platform-label = Where are your mailboxes?

gui-destination-why = The gateway receives your mail, filters it, and delivers clean mail to your mail server: the destination server. Set it in the console before switching your MX records.
gui-destination-where = In the e-securemail console ({ $url }), go to { $path } and enter your destination server.
gui-destination-label = Destination server (host name or IP address)
gui-destination-placeholder = mail.example.com or 192.0.2.25
gui-destination-suggestion = For Microsoft 365, your destination server is normally:
gui-use-suggestion = Use this server
gui-destination-empty = Enter the destination server to check it.

gui-can-wait = Your domain does not use { $platform }'s own DKIM signing yet: SPF, DKIM and DMARC may also be set after the MX switch.
gui-cannot-wait = Your domain already has a { $platform } DKIM entry ({ $selectors }): set SPF, DKIM and DMARC before switching the MX records.
gui-can-wait-unknown = SPF, DKIM and DMARC may be set after the MX switch, unless your domain already has a DKIM entry.

gui-spf-why = SPF lists the servers allowed to send mail for your domain. Receivers reject or flag mail from other servers, so the gateway must be on the list.
gui-spf-current = Current record
gui-spf-none = No SPF record yet.
gui-spf-publish = Record to publish
gui-spf-one-record = A domain must have only one SPF record: replace the current one, do not add a second.

gui-dkim-why = DKIM signs each message so that receivers can check it comes from your domain and was not altered on the way. The key is generated in the e-securemail console.
gui-dkim-key-label = The key from the console
gui-dkim-key-placeholder = Paste the public key here
gui-dkim-key-hint = Paste it as it comes: quote marks, p= and line breaks are removed.
gui-dkim-key-invalid = This is not a usable public key ({ $reason }): copy the whole key again.
gui-dkim-key-rsa = RSA key of { $bits } bits.
gui-dkim-key-ed25519 = Ed25519 key.
gui-dkim-no-key = The record to publish appears once the key is pasted.
gui-dkim-warning = Enable DKIM signing in the console only once the check “DKIM key matches the console” below is green: the key published is then the one the console signs with. Enabled too early, it may get your mail rejected.
gui-dkim-ready = The key is published: you can now enable DKIM signing in the console.

gui-dmarc-why = DMARC tells receivers what to do with mail that fails SPF and DKIM, and where to send reports. The gateway's console reads the reports sent to { $address }.
gui-dmarc-where-console = The support console can generate this record: { $url }, { $path }.
gui-dmarc-publish = Record to publish
gui-dmarc-kept-policy = Your current policy (p={ $policy }) is kept; the gateway's report address is added.

gui-mx-why = MX records tell the world where to deliver your mail. Pointed to the gateway, they send all incoming mail through the filter.
gui-mx-order = Set the destination server in the console first (step 2): once the MX records change, the gateway delivers your mail there.
gui-mx-dot = Some DNS hosts need a final dot after the server's name (france.security-mail.net.): if yours adds your domain to the end of the name, type the dot.
gui-mx-publish = Records to create
gui-mx-delete = Records to delete
gui-mx-to-delete = to delete
gui-mx-google = Google Workspace: after the change, check in the Google Admin console that the MX update has been replicated.
gui-mx-microsoft = Microsoft 365: once mail arrives through the gateway, restrict Exchange Online to the gateway with a connector (next step).
gui-m365-dns-trap = Do not let the Microsoft 365 admin centre set up your DNS records automatically (and do not use its “Fix it” buttons for the domain): it puts the MX back to Microsoft and mail then bypasses the gateway. Choose “I'll add the DNS records myself”.

gui-lockdown-why = To receive only filtered mail, your mail server should accept mail from the gateway's servers only. Otherwise spammers can deliver to it directly and bypass the filter.
gui-lockdown-how = On your firewall, allow SMTP (port 25) to your mail server only from the gateway's servers.
gui-lockdown-ask = Ask { $email } for the IP ranges to allow for incoming mail.

gui-summary-title = Where your domain stands
gui-summary-left = Still to do
gui-export = Export checklist (PDF)
gui-export-short = Export (PDF)
gui-summary-export = Keep a record
gui-copy-all-records = Copy all records
gui-save-zone = Save records (zone file)
gui-save-text = Save records (text)
gui-saving = Saving…
gui-saved = { $kind ->
    [checklist] The checklist was saved:
    [script] The file was saved:
   *[records] The records were saved:
} { $path }
gui-saved-no-dialog = No save dialog can open here, so { $kind ->
    [checklist] the checklist was saved as
    [script] the file was saved as
   *[records] the records were saved as
} { $path }
gui-save-file-failed = The file could not be saved: { $error }. Nothing was written.
gui-summary-all-done = Everything is in place.
gui-summary-manual = { $step }: to confirm by hand
gui-summary-unchecked = { $check }: not checked yet (see the { $step } step)

## The printed checklist

pdf-title = Setup checklist
pdf-error = The PDF could not be made (detail for support: { $detail }).
pdf-subtitle = e-securemail filtering gateway: what was done, and what is left
pdf-domain = Domain
pdf-platform = Mail platform
pdf-date = Date
pdf-overall = Overall status
pdf-destination-value = Destination server
pdf-not-given = not given yet
pdf-wait-confirmation = Waiting for you: confirm that this server is saved in the console.
pdf-support = Support: { $email } · { $url }
pdf-page = Page { $page } of { $count }
pdf-dkim-where = The key is generated in the console ({ $url }): { $path }.
pdf-dkim-needs-key = The key from the console ({ $path }) is not known yet: paste it in the assistant to get this record's value.

## Step content: the actions a person does, each with its own tick

content-verified-at = verified at { $time }
content-verified = verified
content-ticked-by-hand = ticked by hand
content-proven-at = verified by a test message sent { $time }
content-proof-failed = A test message sent { $time } shows this is not done: see “Test with a real message”.
content-proof-unsure = A test message sent { $time } could not confirm it: see “Test with a real message”.
content-proven-tenant = verified from the tenant's settings read { $time }
content-proof-failed-tenant = The tenant's settings read { $time } show this is not done: see “Test with a real message”.
content-proof-unsure-tenant = The tenant's settings read { $time } could not confirm it: see “Test with a real message”.
tenant-title = Microsoft 365: what the tenant says
tenant-why = A message cannot show everything: the read-back script lists the tenant's connectors as Exchange Online holds them, so that each setting of the lock-down is checked.
tenant-how-run = In PowerShell, connect to Exchange Online (Connect-ExchangeOnline), then run the script below. It only reads: it changes nothing in the tenant.
tenant-how-paste = Paste everything it printed below, or open the file it saved.
tenant-judged = Connectors read { $analysed }.
gui-tenant-script = Read-back script
gui-tenant-paste = Paste the read-back script's output here…
gui-tenant-check = Check the connectors
gui-tenant-open-file = Open the saved file…
testmail-title = Test with a real message
testmail-why = DNS cannot show whether mail really goes through the gateway, whether DKIM signing is on in the console, or whether your server refuses mail that goes around the gateway. The headers of a real test message can.
testmail-when = Send the test messages once the MX records point to the gateway and the lock-down is done. Each result turns the matching items of the steps green, with the time of the message.
testmail-privacy = The message is read on this computer and sent nowhere: only the DNS questions about it (the DKIM key, SPF, DMARC) leave it. Only the verdicts and the message's date are kept, never its headers.
testmail-your-domain = your domain
testmail-inbound-title = Message received (inbound)
testmail-inbound-send = From a personal mailbox outside { $domain } (Gmail, Outlook.com, a phone…), send a message to an address of { $domain }.
testmail-inbound-take = Open it in that address's mailbox, then paste its full headers below or open its .eml file.
testmail-outbound-title = Message sent (outbound)
testmail-outbound-send = From an address of { $domain }, send a message to a personal mailbox outside the domain.
testmail-outbound-take = Open it in that personal mailbox, then paste its full headers below or open its .eml file.
testmail-judged = Message sent { $sent }, analysed { $analysed }.
testmail-time-today = at { $time }
testmail-time-day = on { $date } at { $time }
testmail-details-not-kept = The details of this result are not kept between sessions: open the message again to see what is wrong and how to fix it.
testmail-client-outlook-web = Outlook on the web
testmail-client-outlook-web-headers = Open the message, click the three dots (More actions) at its top right, then View > View message details, and copy all the text shown.
testmail-client-outlook-web-save = Three dots > Save as (or Download) saves the message as an .eml file.
testmail-client-outlook = Outlook for Windows
testmail-client-outlook-headers = Open the message in its own window (double-click), then File > Properties: the full headers are in the Internet headers box. Click in it, select all (Ctrl+A) and copy (Ctrl+C).
testmail-client-outlook-save = Classic Outlook saves messages as .msg, which is not read here: copy the headers instead. In the new Outlook, three dots > Save as gives an .eml file.
testmail-client-gmail = Gmail
testmail-client-gmail-headers = Open the message, click the three vertical dots (More) beside Reply, then Show original, and Copy to clipboard.
testmail-client-gmail-save = On the Show original page, Download original saves the .eml file.
testmail-client-apple-mail = Apple Mail
testmail-client-apple-mail-headers = Select the message, then View > Message > All Headers (or Raw Source, ⌥⌘U), and copy the headers.
testmail-client-apple-mail-save = File > Save As, with the format Raw Message Source, saves the message (or drag it to the desktop: that gives an .eml file).
testmail-client-thunderbird = Thunderbird
testmail-client-thunderbird-headers = Select the message, then View > Message Source (Ctrl+U), and copy everything down to the first blank line.
testmail-client-thunderbird-save = File > Save As > File saves the message as an .eml file.
gui-testmail-open = Test with a real message
gui-testmail-back = Back to the steps
gui-testmail-paste = Paste the message's full headers here…
gui-testmail-open-file = Open an .eml file…
gui-testmail-analyse = Check this message
gui-testmail-clear = Clear
gui-testmail-analysing = Checking the message…
gui-testmail-file = File { $name } ({ $size })
gui-testmail-file-error = The file cannot be read: { $error }
gui-testmail-no-domain = Enter the domain on the first step first: the message is judged for it.
gui-testmail-how-title = Where to find the headers
gui-testmail-copy-headers = Copy the headers:
gui-testmail-save-eml = Save as .eml:
gui-testmail-lockdown-hint = Once this step is done, a real test message proves it: the connectors, DKIM signing and the route through the gateway.
pdf-testmail-title = Test messages
action-destination-save = Save the destination server in the console.
action-spf-publish = At your DNS host, replace the SPF record with the one below.
action-dkim-generate = Generate the DKIM key in the console, and paste its public key into the assistant.
action-dkim-publish = At your DNS host, publish the DKIM record below.
action-dkim-enable = Once the key published matches the console's (check in green), enable DKIM signing in the console.
action-dmarc-publish = At your DNS host, publish the DMARC record below.
action-mtasts-publish = Publish the new MTA-STS policy file, then the new MTA-STS record, before switching the MX records.
action-mx-create = At your DNS host, create the gateway's MX records below.
action-mx-delete = { $count ->
    [one] At your DNS host, delete the old MX record listed below.
   *[other] At your DNS host, delete the { $count } old MX records listed below.
}
action-google-gateway = In the Google Admin console, enter the inbound gateway settings above and save.
action-server-rules = Apply the rules above ({ $format }) on your server or firewall.
lockdown-eac-2-no-ranges = Identify the partner by the sending server's IP address, and enter the gateway's addresses: ask { $email } for them.
lockdown-eac-5-no-host = Back in Mail flow > Connectors, add a connector from “Office 365” to “Partner organization”, named { $outbound }, for all domains (*), routed through the gateway's outgoing relay (smart host: copy its name from the e-securemail console, { $url }), always over TLS with a certificate issued to that same name.
lockdown-smart-host-placeholder = Host name given in the console
lockdown-ranges-placeholder = One address or range per line, as support sent them

## Lock down: only the gateway reaches the mail server

lockdown-ranges-title = The gateway's addresses
lockdown-ranges-derived = Published in the gateway's SPF record ({ $include }): confirm them with support.
lockdown-ranges-pasted = The list from support is used.
lockdown-ranges-paste-label = The official list from support (optional)
lockdown-ranges-paste-hint = Paste the addresses or ranges support sent you: they replace the ones read from DNS.
lockdown-ranges-invalid = Line { $line }: “{ $text }” is not an IP address or range.
lockdown-ranges-failed = The addresses could not be read from DNS ({ $reason }): paste the list from support.
lockdown-ranges-none = The gateway's SPF record lists no address: paste the list from support.
lockdown-ranges-loading = Reading the gateway's SPF record…

# Ranges that cannot be the gateway's: nothing is generated from them

ranges-refused-empty = The list holds no address or range: rules made from it would let no mail in.
ranges-refused-unfit = { $count ->
    [one] This range cannot be the gateway's
   *[other] These ranges cannot be the gateway's
}: { $ranges }.
ranges-unfit-item = { $range } ({ $reason })
ranges-unfit-more = and { $count } more
ranges-unfit-default-route = every address
ranges-unfit-too-wide = wider than /{ $widest }
ranges-unfit-loopback = this computer's own addresses
ranges-unfit-private = a private network
ranges-unfit-shared = the internet providers' shared address space
ranges-unfit-link-local = link-local addresses, valid on one network only
ranges-unfit-multicast = multicast addresses
ranges-unfit-unspecified = the unspecified address
ranges-unfit-broadcast = the broadcast address
ranges-unfit-reserved = reserved addresses, not used on the Internet
ranges-unfit-ipv4-mapped = an IPv4 address written as IPv6
lockdown-ranges-refused = Nothing is generated from the gateway's SPF record ({ $include }). { $reason } Ask support for the list and paste it below.
lockdown-ranges-list-refused = This list cannot be used. { $reason }
lockdown-nothing-made = Nothing is generated until the gateway's addresses can be used (see above).
cli-error-ranges-refused = The file { $path } cannot be used. { $reason } Nothing was generated: give the list support sent.
cli-error-derive-refused = The gateway's SPF record ({ $include }) cannot be used. { $reason } Nothing was generated: give the list support sent with --ranges FILE.

lockdown-save = Save
lockdown-m365-title = Microsoft 365 connectors
lockdown-m365-intro = Two connectors in Exchange Online: one accepts mail for your domain from the gateway only, the other sends your outgoing mail through the gateway to be filtered.
lockdown-smart-host-label = The gateway's outgoing relay (smart host)
lockdown-smart-host-hint = It is not published: copy it from the e-securemail console ({ $url }), or ask support.
lockdown-smart-host-needed = Enter the smart host: the script appears once it is known.
lockdown-smart-host-invalid = This is not a host name: { $reason }
lockdown-arc = Also trust the mark the gateway adds to the messages it filters (ARC, signed by { $domain }, the domain of its MX hosts: confirm with support)
lockdown-script-title = Exchange Online PowerShell script
lockdown-script-error = The script cannot be made: { $error }
lockdown-eac-title = Or, step by step in the Exchange admin centre
lockdown-eac-1 = In the Exchange admin centre, go to Mail flow > Connectors and add a connector from “Partner organization” to “Office 365”, named { $inbound }.
lockdown-eac-2 = Identify the partner by the sending server's IP address, and enter the gateway's addresses: { $ranges }
lockdown-eac-3 = Require TLS, and reject mail for your domain that does not come from these addresses.
lockdown-eac-4 = In Microsoft Defender, Email & collaboration > Policies & rules > Threat policies > Enhanced filtering: select { $inbound }, “Automatically detect and skip the last IP address”, for all users.
lockdown-eac-5 = Back in Mail flow > Connectors, add a connector from “Office 365” to “Partner organization”, named { $outbound }, for all domains (*), routed through the smart host { $host }, always over TLS with a certificate issued to { $host }.
lockdown-eac-6 = To trust the mark the gateway adds to filtered messages: in Microsoft Defender, Email authentication settings > ARC, add { $domain } to the trusted ARC sealers.
lockdown-google-title = Google Workspace inbound gateway
lockdown-google-where = In the Google Admin console: Apps > Google Workspace > Gmail > Spam, phishing and malware > Inbound gateway.
lockdown-google-on = On (ticked)
lockdown-google-note = Gmail does not check SPF and DMARC on mail from these addresses: the gateway has already done so.
lockdown-google-mx = After the MX switch, check in the Google Admin console that the change has been replicated.
google-gateway-ips = Gateway IPs
google-reject-others = Reject all mail not from gateway IPs
google-require-tls = Require TLS for connections from the email gateways listed above
google-detect-external-ip = Automatically detect external IP
lockdown-server-title = Rules for your server
lockdown-format-label = For
lockdown-format-nftables = nftables (Linux)
lockdown-format-iptables = iptables (Linux)
lockdown-format-windows = Windows Firewall
lockdown-format-exchange = Exchange Server (receive connector)
lockdown-format-postfix = Postfix
lockdown-format-appliance = Firewall appliance (plain rule)
# Comments of the generated scripts and rules, and the plain rule for a
# firewall appliance. Code stays in the scripts; only the words are here.
script-source-spf = The gateway's addresses, published in the gateway's SPF record ({ $include }): confirm them with { $support }.
script-source-support = The gateway's addresses, as given by { $support }.
script-firewall-title = SMTP (port 25) from the e-securemail gateway only.
script-guard = Apply only once the MX records of { $domain } point only to { $hosts } (mail still delivered directly would be refused). Check with:
script-or = or
script-ps-guard = 0. Safety check, before any connector is touched: the domain's MX must point only to the gateway, or the inbound restriction would refuse mail still delivered directly to Microsoft 365.
script-ps-stop = Stopped, nothing was changed: the MX records of { $domain } must point only to { $hosts }. Found: { $found }. Switch the MX to the gateway, wait for the old records' TTL, then run this script again.
script-made-on = Made on { $date } by the e-securemail setup assistant.
script-m365-title = e-securemail filtering gateway for { $domain } - Exchange Online connectors.
script-m365-run = Run it in PowerShell with the ExchangeOnlineManagement module:
script-m365-ipv6-left-out = IPv6 ranges are left out: Exchange Online connectors take IPv4 only.
script-m365-inbound = 1. Inbound: mail is accepted only from the gateway's addresses, over TLS.
script-m365-enhanced = 2. Enhanced Filtering for Connectors: Microsoft looks past the gateway (the last hop) to the original sender.
script-m365-outbound = 3. Outbound: all mail leaves through the gateway's smart host, over TLS with the smart host's certificate checked.
script-m365-arc = 4. The gateway changes messages it filters: trust its ARC seals. (Replaces the list of trusted sealers; add any others you trust.)
script-rollback-m365-title = Going back from the e-securemail gateway for { $domain } - Exchange Online.
script-rollback-m365-before = Run it BEFORE the MX goes back to Microsoft 365: while the inbound connector accepts mail from the gateway only, Microsoft refuses mail arriving directly (550 5.7.51).
script-rollback-m365-inbound = 1. Inbound: accept mail for the domain from any sender again.
script-rollback-m365-outbound = 2. Outbound: stop sending mail out through the gateway.
script-rollback-m365-mx = 3. Now put the domain's MX back to Microsoft 365 at your DNS host: the value is shown in the Microsoft 365 admin centre, Settings > Domains > { $domain } > DNS records (<tenant>.mail.protection.outlook.com).
script-rollback-m365-delete = 4. Once { $ttl } seconds (the gateway MX records' TTL) have passed, delete the connectors:
script-rollback-server-title = Going back from the e-securemail gateway: remove this restriction on port 25 BEFORE the MX goes back to this server, or mail arriving directly is refused.
script-run-as-root = Run as root:
script-rollback-iptables = Removes the ESM_SMTP chain, or the DROP rule added for an address family the gateway has no address in.
script-rollback-windows = Run in an elevated PowerShell on the mail server. The gateway's rule allows port 25 from any address again: Windows Firewall blocks what no rule allows, so deleting it alone would close the port.
script-rollback-windows-others = If you disabled other rules that allowed port 25, you may enable them again, then delete this one:
script-rollback-exchange = Run in the Exchange Management Shell on the mail server: the connector takes mail from any address again (its default ranges).
script-rollback-postfix-remove = 1. In /etc/postfix/main.cf, remove
script-rollback-postfix-from = from smtpd_client_restrictions (or put back the value you had).
script-delete-file = { $n }. Delete { $file }
script-apply = { $n }. Apply:
script-nft-load = Load with: nft -f <this file>
script-windows-run = Run in an elevated PowerShell on the mail server.
script-windows-others = Windows Firewall blocks what no rule allows; other rules that allow port 25 from anywhere must go. They are listed here; disable them once checked by removing the "#" of the last line.
script-exchange-run = Run in the Exchange Management Shell on the mail server. The connector that receives mail from the Internet then takes it from the gateway only.
script-postfix-cidr = 1. Create { $file } with these lines:
script-postfix-main = 2. In /etc/postfix/main.cf (the submission port, 587, keeps its own restrictions in master.cf):
script-appliance-title = Rule for the firewall in front of the mail server of { $domain }: SMTP (port 25) from the e-securemail gateway only.
script-appliance-allow = 1. Allow: protocol TCP, destination port 25 (SMTP), destination the mail server, from these source addresses only:
script-appliance-deny = 2. Deny: protocol TCP, destination port 25, from any other source address.
script-appliance-order = 3. Put rule 1 above rule 2: a firewall applies the first rule that matches. Any other rule that allows port 25 from anywhere must be removed or placed below rule 2.
script-appliance-nat = If the mail server is reached through address translation (NAT, port forwarding), apply the rule to the forwarding of port 25.
script-rollback-appliance = Delete rule 2 (deny), then rule 1 (allow), or allow port 25 from any address again.
# Going back: the order to undo the lock-down and the MX switch.
rollback-title = If you need to go back
rollback-m365-connectors = First lift the inbound restriction: in the Exchange admin centre, Mail flow > Connectors, open { $inbound } and stop rejecting mail that does not come from the gateway (or delete the connector). Turn off or delete { $outbound } too, so that mail no longer leaves through the gateway. The PowerShell script does both.
rollback-m365-mx = Then put the old MX back at your DNS host: your domain's MX at Microsoft, <tenant>.mail.protection.outlook.com. If you no longer have it, the Microsoft 365 admin centre shows it under Settings > Domains > your domain > DNS records.
rollback-wait = Wait until the gateway's MX records have expired ({ $ttl } seconds, their TTL) before removing anything else at the gateway: senders keep using them until then.
rollback-m365-why = This order matters: if the MX goes back to Microsoft while the connector still accepts mail from the gateway only, Microsoft refuses the mail that now arrives directly (error 550 5.7.51).
rollback-google-reject = First, in the Google Admin console (Apps > Google Workspace > Gmail > Spam, phishing and malware > Inbound gateway), untick “Reject all mail not from gateway IPs” and save.
rollback-google-mx = Then put Google's MX back at your DNS host, as the Google Admin console gives it (Domains > Manage domains).
rollback-google-gateway = Once the gateway's MX records have expired ({ $ttl } seconds, their TTL), remove the inbound gateway setting.
rollback-google-why = This order matters: while Gmail rejects mail that does not come from the gateway, the mail that arrives directly once the MX is back would be refused.
rollback-server-rules = First remove the restriction on port 25 from your firewall or mail server: undo the rules you applied for the gateway.
rollback-server-mx = Then put the old MX back at your DNS host, pointing to your mail server.
rollback-server-why = This order matters: while your server accepts mail from the gateway only, the mail that arrives directly once the MX is back would be refused.
lockdown-probe-title = Check from this computer
lockdown-probe-intro = This computer is not the gateway: once locked down, your server must not answer it on port 25.
lockdown-probe-button = Test port 25 of { $host }
lockdown-probe-running = Testing port 25…
lockdown-probe-open = { $host } answered on port 25 ({ $addr }): it still accepts mail from anywhere.
lockdown-probe-refused = { $host } refused the connection on port 25: not reachable from here.
lockdown-probe-silent = { $host } did not answer on port 25 within 3 seconds: not reachable from here.
lockdown-probe-failed = The test could not run: { $reason }
lockdown-probe-needs-destination = Enter the destination server (step 2) to test it.

## Window: engine errors in words, step list legend, placeholders
gui-step-list-legend = ✓ done, ! to review, ✗ to fix, ? could not be checked, grey “·”: nothing to check yet
gui-save-interrupted = the save stopped before it ended; try again
lockdown-ranges-no-resolver = No DNS server could be used from this computer to read the gateway’s addresses: check this computer’s network connection and DNS settings, or paste the list from support.
lockdown-ranges-no-answer = No answer came from DNS about { $name }: check this computer’s network connection and DNS settings, then open this step again, or paste the list from support.
lockdown-ranges-lookup-failed = The gateway’s addresses could not be read from DNS ({ $name }: { $reason }): paste the list from support.
lockdown-script-no-ipv4 = the list holds no IPv4 range, and Microsoft 365 connectors take only IPv4
lockdown-script-too-wide = the range { $range } is too wide for a Microsoft 365 connector
probe-failure-not-resolved = the name of the server could not be looked up from this computer; check its network connection and DNS settings
probe-failure-no-address = the name of the server has no address
probe-failure-unreachable = this computer’s network cannot reach the server; check its network connection
probe-failure-other = the system refused the connection{ $code ->
    [0] {""}
   *[other] {" "}(error { $code })
  }
file-error-denied = permission to write there is denied
file-error-full = the disk is full
file-error-read-only = the disk or folder is read-only
file-error-missing-folder = the folder does not exist
file-error-system = the system refused it{ $code ->
    [0] {""}
   *[other] {" "}(error { $code })
  }
cli-error-format = --format { $format } does not apply to this platform: Microsoft 365 takes powershell; Google Workspace none; a server nftables, iptables, windows, exchange, postfix or appliance.
cli-error-smart-host = Microsoft 365 needs the gateway's outgoing relay (--smart-host HOST): it is not published; copy it from the e-securemail console.
cli-error-smart-host-invalid = The smart host “{ $input }” is not a host name: { $reason }
cli-error-ranges-file = Cannot read { $path }: { $error }
cli-error-ranges = { $path }, line { $line }: “{ $text }” is not an IP address or range.
cli-error-derive = The gateway's addresses could not be read from DNS ({ $reason }): give them with --ranges FILE.
cli-error-script = The script cannot be made: { $error }

## Propagation of the MX records: the domain's own servers beside public resolvers.
propagation-title = MX records as resolvers see them
propagation-authoritative = Domain's own name servers: { $mx } (TTL { $ttl } s)
propagation-no-authoritative = The domain's own name servers could not be asked: there is nothing to compare with.
propagation-resolver-own = this computer's resolver
propagation-line = { $resolver }: { $mx } — { $state }
propagation-ttl-left = { $ttl } s left in its cache
propagation-agrees = same as the domain's servers
propagation-differs = still other records
propagation-no-answer = no answer ({ $reason })
propagation-no-mx = no MX record
propagation-keep-until = Keep the old server accepting mail until { $time }: until then some senders may still deliver to it.
propagation-all-agree = Every resolver asked already has the domain's current MX records.
propagation-lower-ttl = The MX records' TTL is { $current } s: lower it to { $set } s at least { $hours } hours before the switch, so that caches follow the switch within minutes.

## Publishing the records at the DNS host (esm-assistant publish)
publish-title = Changes at { $host } for { $domain }:
publish-change = { $kind } { $name } { $rtype }
publish-kind-add = Add
publish-kind-replace = Replace
publish-kind-delete = Delete
publish-before = Before:
publish-after = After:
publish-none = (none)
publish-nothing-to-do = Nothing to change: these records are already published as they should be.
publish-skipped-dkim = DKIM is left out: give the key generated in the e-securemail console with --dkim-key.
publish-dry-run = Dry run: nothing was written.
publish-confirm = Write these changes at your DNS host now? [y/N]
publish-cancelled = Nothing was written.
publish-done = Written at { $host }:
publish-stopped = The change stopped at { $host }:
publish-set-written = written: { $name } { $rtype }
publish-set-failed = not confirmed: { $name } { $rtype } (the host may or may not have kept it)
publish-nothing-written = Nothing was written: your records are as they were.
publish-part-way = Part of the change was written, as listed above. To put those records back as they were: esm-assistant publish --undo { $domain }
publish-undo-part-way = Part of the records were put back, as listed above. Run the same command again to finish.
publish-read-back = Read back from the domain's own name servers:
publish-undo-hint = To put back what these records replaced: esm-assistant publish --undo { $domain }
publish-journal-error = The change journal cannot be used: { $error }
publish-journal-no-folder = this system gives no folder for the assistant's data; set ESM_ASSISTANT_DATA_DIR
publish-journal-host = The last change was made at a DNS host this version does not know (“{ $host }”): undo it in that host's customer area.
publish-undo-title = Undo the last change at { $host } for { $domain } (made { $at }); the records go back to:
publish-undo-nothing = Nothing to undo for { $domain }: no change was published from this computer, or the last one is already undone.
publish-undo-done = Put back as they were:
publish-undo-other-host = The last change for this domain was made at { $host }: undo it there (--host { $host }, or no --host).
publish-refused-unreadable = What { $name } publishes could not be read from the domain's own name servers: nothing is changed blind. Try again in a moment.
publish-refused-no-dkim-key = The DKIM record needs the key generated in the e-securemail console: give it with --dkim-key.
publish-refused-alias = { $name } is an alias (CNAME): its records are managed where it points, not here.
publish-refused-mx-not-ready = The MX records move to the gateway only once these steps are green: { $steps }. Give the destination server with --destination.
publish-error-no-host = Name the company that hosts the domain's DNS with --host.
publish-error-api-base = “{ $input }” cannot be used as the API address: it must be an https:// address.
publish-error-no-credentials = No credentials for { $host }: set { $variables }.
publish-error-refused = The DNS host refused the credentials: check that they were copied whole and have not expired or been revoked.
publish-error-forbidden = The credentials were accepted, but do not have the right to change this domain's DNS records: give them DNS edit rights for this domain.
publish-error-rate-limited = The DNS host is receiving too many requests: wait a few minutes, then try again.
publish-error-rate-limited-wait = The DNS host is receiving too many requests: try again in { $seconds } seconds.
publish-error-server = The DNS host's service failed (error { $status }): this is on its side; try again later.
publish-error-rejected = The DNS host refused the change (error { $status }): { $detail }
publish-error-zone-not-found = The DNS host does not manage { $zone } for these credentials: check the domain and the account.
publish-error-network = The DNS host could not be reached: check the internet connection, then try again.
publish-error-timeout = The DNS host did not answer in time: try again in a moment.
publish-error-bad-response = The DNS host answered something unexpected: nothing more was written.
publish-error-too-large = The DNS host's answer was far larger than expected: nothing more was written.
publish-error-changed = The records at { $name } changed since they were shown: nothing was written there. Run the command again to see the change as it stands now.
publish-keychain-unavailable = This computer's keychain cannot be used (there is none, or it is locked or refused access).
publish-keychain-damaged = The keychain holds something under the assistant's name that is not a usable credential: remove it with --forget, then give the credentials again.
publish-remembered = The credentials for { $host } are kept in this computer's keychain.
publish-forgotten = The credentials for { $host } were removed from this computer's keychain.
publish-forgotten-none = No credentials for { $host } were kept in this computer's keychain.
publish-forget-env = Environment variables ({ $variables }) are not touched: unset them yourself if you set them.
publish-error-not-found = The DNS host answered that what was asked for does not exist (error 404): nothing more was written.
publish-consumer-key-ovh-only = --request-consumer-key is for OVHcloud: add --host ovh.
publish-consumer-key-no-keychain = This computer has no usable keychain to keep the consumer key in: create one on OVHcloud's token page (https://eu.api.ovh.com/createToken/) with GET, POST and DELETE rights on /domain/zone/YOUR-DOMAIN/*, then set ESM_OVH_CONSUMER_KEY.
publish-consumer-key-needs-application = A consumer key is asked for with your application's key and secret: set ESM_OVH_APPLICATION_KEY and ESM_OVH_APPLICATION_SECRET (created at https://eu.api.ovh.com/createApp/).
publish-consumer-key-validate = Open this OVHcloud page, log in and validate the access to { $domain }'s DNS records; the key is kept in this computer's keychain:
publish-error-changed-since-written = The records at { $name } were changed by someone else since they were published from here: they are left as they are. Compare them with the journal before changing them by hand.

## The window's "Publish for me" part on the DNS steps.
gui-publish-open = Let the assistant publish this record at { $host }
gui-publish-close = Hide publishing for me
gui-publish-title = Publish at { $host } with your own credentials
gui-publish-intro = The credentials stay in this window's memory only: they are never written to the progress file, the PDF or a log. Nothing is written at your DNS host before you have seen the change and confirmed it.
gui-publish-how-ovh = 1. Open https://eu.api.ovh.com/createApp/, log in with your OVHcloud account and create an application: copy its application key and application secret below. | 2. Open https://eu.api.ovh.com/createToken/ and create a consumer key with the rights GET, POST and DELETE on /domain/zone/YOUR-DOMAIN/*, or press “Ask OVHcloud for a consumer key” and validate the page it gives. | 3. Copy the consumer key below.
gui-publish-how-gandi = 1. Log in at https://admin.gandi.net and open your account settings, then “Authentication options”. | 2. Under “Personal Access Token (PAT)”, create a token for the organisation that owns the domain, limited to this domain, with the right “Manage domain name technical configurations”. | 3. Copy the token below: Gandi shows it only once.
gui-publish-how-cloudflare = 1. Log in at https://dash.cloudflare.com and open “My Profile”, then “API Tokens”. | 2. Press “Create Token” and use the “Edit zone DNS” template; under “Zone Resources”, include only this domain’s zone. | 3. Copy the token below: Cloudflare shows it only once.
gui-publish-how-ionos = 1. Open https://developer.hosting.ionos.com, log in with your IONOS account and open “API keys”. | 2. Create a key: IONOS shows a public prefix and a secret. | 3. Type them below as one value, the prefix, a dot, then the secret (prefix.secret).
gui-publish-field-token = Token
gui-publish-field-api-key = API key (prefix.secret)
gui-publish-field-application-key = Application key
gui-publish-field-application-secret = Application secret
gui-publish-field-consumer-key = Consumer key
gui-publish-remember = Remember in the system keychain
gui-publish-forget = Forget my credentials
gui-publish-show = Show the change
gui-publish-undo = Undo the last change
gui-publish-busy = Talking to { $host }…
gui-publish-apply = Apply this change
gui-publish-confirm = Write exactly this change at { $host } now?
gui-publish-confirm-yes = Yes, write it
gui-publish-confirm-no = No, leave my records as they are
gui-publish-missing = Some credentials for { $host } are missing: fill in every field above.
gui-publish-bad-base = The API address given to the assistant cannot be used: it must be an https:// address.
gui-publish-undo-nothing = Nothing to undo: no change was published for this domain from this computer, or the last one is already undone.
gui-publish-undo-other = The last change for this domain was made at { $host }: undo it from there.
gui-publish-dns = The domain’s own name servers could not be asked: { $error }
gui-publish-no-dkim-key = The DKIM record needs the key generated in the e-securemail console: paste it in the field above first.
gui-publish-mx-not-ready = The MX records move to the gateway only once these steps are green: { $steps }.
gui-publish-changed = The records at { $name } changed since they were shown: nothing was written there. Press “Show the change” to see the change as it stands now.
gui-publish-part-way = Part of the change was written, as listed above. Press “Undo the last change” to put those records back as they were.
gui-publish-undo-part-way = Part of the records were put back, as listed above. Press “Undo the last change” again to finish.
gui-publish-read-back = The records are now read back from the domain’s own name servers: the checks below show the result.
gui-publish-consumer-key = Ask OVHcloud for a consumer key
gui-publish-consumer-key-validate = Open this OVHcloud page, log in and validate the access to this domain’s DNS records; the consumer key is filled in above:
gui-publish-open-page = Open in the browser
gui-publish-open-failed = The browser could not be opened: copy the address and open it yourself.
gui-publish-consumer-key-needs-application = Fill in the application key and the application secret first.

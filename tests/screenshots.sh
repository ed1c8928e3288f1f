#!/usr/bin/env bash
# Screenshots of every step of the real window, in French and in English,
# against the local test DNS server, plus a badge turning from red to green
# when a record is published.
#
#   tests/screenshots.sh [OUT_DIR]        (default: target/screenshots)
#
# Needs Xvfb, xdotool and ImageMagick (Debian: xvfb xdotool imagemagick).
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-target/screenshots}
mkdir -p "$out"
out=$(cd "$out" && pwd)

profile=${PROFILE:-release}
flag=$([ "$profile" = release ] && echo --release || true)
cargo build $flag --bin esm-assistant --example test_dns
bin=target/$profile/esm-assistant
dns_bin=target/$profile/examples/test_dns

work=$(mktemp -d)
export XDG_RUNTIME_DIR=$work/xdg
mkdir -m 700 "$XDG_RUNTIME_DIR"
display=:${DISPLAY_NUMBER:-97}
port=${DNS_PORT:-5399}

Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
xvfb=$!
mkdir "$work/zones"
"$dns_bin" --port "$port" --zones "$work/zones" >"$work/dns.log" 2>&1 &
dns=$!
trap 'kill $xvfb $dns 2>/dev/null || true; rm -rf "$work"' EXIT
sleep 1

dkim_key=$(tr -d '\n' < tests/data/dkim-rsa-2048.b64)

# shot NAME LANG STEP DOMAIN [DESTINATION] [DKIM_KEY]
shot() {
    local name=$1 lang=$2 step=$3 domain=$4 destination=${5:-} key=${6:-}
    local cfg="$work/cfg-$name"
    mkdir -p "$cfg"
    printf '{"domain":"%s","platform":"%s","lang":"%s","step":"%s","destination":"%s","dkim_key":"%s","smart_host":"%s","done":["lockdown"]}' \
        "$domain" "${PLATFORM:-microsoft-365}" "$lang" "$step" "$destination" "$key" "${SMART_HOST:-}" > "$cfg/progress.json"
    DISPLAY=$display ESM_ASSISTANT_CONFIG_DIR=$cfg "$bin" --nameserver "127.0.0.1:$port" >"$work/app-$name.log" 2>&1 &
    local app=$!
    sleep "${WAIT:-4}"
    if [ -n "${SIZE:-}" ]; then
        # No window manager: resize the window ourselves, then let it redraw.
        local w=${SIZE%x*} h=${SIZE#*x} win
        win=$(DISPLAY=$display xdotool search --pid $app | tail -1)
        DISPLAY=$display xdotool windowsize "$win" "$w" "$h"
        sleep 1
        DISPLAY=$display import -window root -crop "${SIZE}+0+0" +repage "$out/$name.png"
    else
        DISPLAY=$display import -window root "$out/$name.png"
    fi
    kill $app
    wait $app 2>/dev/null || true
    echo "$out/$name.png"
}

for lang in fr en; do
    shot "$lang-1-start" "$lang" start broken.test
    shot "$lang-2-destination" "$lang" destination broken.test mail.broken.test
    shot "$lang-3-spf" "$lang" spf broken.test
    shot "$lang-4-dkim" "$lang" dkim broken.test "" "$dkim_key"
    shot "$lang-5-dmarc" "$lang" dmarc broken.test
    shot "$lang-6-mx" "$lang" mx leftover.test
    SMART_HOST=relay.example.net shot "$lang-7-lockdown-m365" "$lang" lockdown broken.test
    PLATFORM=google-workspace shot "$lang-7-lockdown-google" "$lang" lockdown broken.test
    PLATFORM=own-server shot "$lang-7-lockdown-server" "$lang" lockdown broken.test 127.0.0.1
    shot "$lang-8-summary" "$lang" summary broken.test
    shot "$lang-8-summary-good" "$lang" summary good.test mail.good.test "$dkim_key"
done
# The dark theme and the smallest window size.
ESM_ASSISTANT_THEME=dark shot "dark-3-spf" fr spf broken.test
SIZE=900x650 shot "small-4-dkim" fr dkim broken.test "" "$dkim_key"

# A record saved at the DNS host turns its badge green at the next re-check.
cfg="$work/cfg-live"
mkdir -p "$cfg"
printf '{"domain":"nodmarc.test","platform":"microsoft-365","lang":"fr","step":"dmarc"}' > "$cfg/progress.json"
DISPLAY=$display ESM_ASSISTANT_CONFIG_DIR=$cfg "$bin" --nameserver "127.0.0.1:$port" >"$work/app-live.log" 2>&1 &
app=$!
sleep 4
DISPLAY=$display import -window root "$out/live-1-red.png"
cat > "$work/zones/nodmarc.zone" <<ZONE
\$ORIGIN nodmarc.test.
\$TTL 300
@ IN SOA ns1.nodmarc.test. hostmaster.nodmarc.test. 2 3600 600 86400 300
@ IN NS ns1.nodmarc.test.
ns1 IN A 127.0.0.1
@ IN MX 10 france.security-mail.net.
@ IN MX 20 europe.security-mail.net.
@ IN TXT "v=spf1 include:includespf.security-mail.net -all"
sec-sig-email._domainkey IN TXT $(printf 'v=DKIM1; k=rsa; p=%s' "$dkim_key" | fold -w 255 | awk '{ printf "\"%s\" ", $0 }')
_dmarc IN TXT "v=DMARC1; p=none; rua=mailto:dmarc@secuserve.com"
ZONE
sleep 22
DISPLAY=$display import -window root "$out/live-2-green.png"
kill $app
echo "$out/live-1-red.png"
echo "$out/live-2-green.png"

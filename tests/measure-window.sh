#!/usr/bin/env bash
# Measures the real window under Xvfb: time from launch to the first frame
# drawn, memory (RSS) once the first checks are done, and CPU used while
# idle. Runs the given binary (default: the release build) RUNS times.
#
#   tests/measure-window.sh [BINARY]
#
# Needs Xvfb and ImageMagick (Debian: xvfb imagemagick), and the test DNS
# server example built in release (cargo build --release --example test_dns).
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-target/release/esm-assistant}
runs=${RUNS:-5}
work=$(mktemp -d)
export XDG_RUNTIME_DIR=$work/xdg
mkdir -m 700 "$XDG_RUNTIME_DIR"
display=:${DISPLAY_NUMBER:-96}
port=${DNS_PORT:-5398}
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
xvfb=$!
target/release/examples/test_dns --port "$port" >"$work/dns.log" 2>&1 &
dns=$!
trap 'kill $xvfb $dns 2>/dev/null || true; rm -rf "$work"' EXIT
sleep 1

ms() { date +%s%3N; }
# The header's title is dark text on a light background at the top left
# (the bare X root is black): the frame is drawn once both are there.
drawn() {
    DISPLAY=$display import -window root -crop 300x30+10+8 +repage -colorspace Gray -format '%[fx:minima] %[fx:maxima]' info: 2>/dev/null \
        | awk '{ exit !($1 < 0.3 && $2 > 0.9) }'
}
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }

echo "binary: $bin ($(du -h "$bin" | cut -f1))"
for i in $(seq "$runs"); do
    cfg="$work/cfg-$i"
    mkdir -p "$cfg"
    printf '{"domain":"%s","platform":"microsoft-365","lang":"fr","step":"%s"}' "${DOMAIN:-good.test}" "${STEP:-summary}" > "$cfg/progress.json"
    start=$(ms)
    DISPLAY=$display ESM_ASSISTANT_CONFIG_DIR=$cfg "$bin" --nameserver "127.0.0.1:$port" >"$work/app.log" 2>&1 &
    app=$!
    until drawn; do
        if [ $(( $(ms) - start )) -gt 20000 ]; then echo "no frame after 20 s"; break; fi
        sleep 0.01
    done
    first=$(( $(ms) - start ))
    sleep 5
    rss=$(awk '/VmRSS/ { print $2 }' "/proc/$app/status")
    before=$(cpu_ticks $app)
    sleep "${IDLE:-20}"
    after=$(cpu_ticks $app)
    echo "run $i: first frame ${first} ms, RSS $(( rss / 1024 )) MB, CPU while idle $(( (after - before) * 10 )) ms over ${IDLE:-20} s"
    kill $app
    wait $app 2>/dev/null || true
    # The next run must start from a blank screen.
    sleep 1
done

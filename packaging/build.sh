#!/usr/bin/env bash
# Builds the Linux package and the Windows programs on this machine, then
# tries each as a user would, with nothing leaving 127.0.0.1.
#
#   packaging/build.sh [--skip-build] [--no-windows] [--cli]
#
#   .deb       target/packages/esm-assistant_<version>_amd64.deb: its
#              contents are listed and checked, it is extracted, `check`
#              runs from it against a DNS server on 127.0.0.1, and its window
#              opens under Xvfb (screenshot, WM_CLASS).
#   Windows    target/x86_64-pc-windows-gnu/release/esm-assistant{,-window}.exe,
#              cross-built with mingw-w64: subsystem, icon and version
#              resources checked; run under wine when wine is installed.
#   --cli      also the commands-only build (no window), its size and crates.
#
# The AppImage, the NSIS installer and the macOS .app/.dmg need helper files
# from the internet or a Mac: they are built by .github/workflows/release.yml.
# Too slow for .ci/run (two release builds with fat LTO): run it by hand
# before a release.
#
# Needs (Debian): cargo install cargo-packager --locked; rustup target add
# x86_64-pc-windows-gnu; apt-get install gcc-mingw-w64-x86-64 dpkg xvfb
# x11-utils imagemagick icewm (a window manager, so that the title bar and
# its icon are drawn); optionally wine.
set -euo pipefail
cd "$(dirname "$0")/.."

skip_build=false windows=true cli=false
for arg in "$@"; do
    case $arg in
        --skip-build) skip_build=true ;;
        --no-windows) windows=false ;;
        --cli) cli=true ;;
        *) echo "unknown option: $arg" >&2; exit 2 ;;
    esac
done

shots=${SHOTS:-/work/shots/ship}
mkdir -p "$shots"
shots=$(cd "$shots" && pwd)
work=$(mktemp -d)
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    rm -rf "$work"
}
trap cleanup EXIT

say() { printf '\n== %s\n' "$*"; }
fail() { echo "FAILED: $*" >&2; exit 1; }
size() { stat -c %s "$1" | awk '{ printf "%.1f MB (%d bytes)", $1 / 1e6, $1 }'; }
version=$(cargo metadata --format-version 1 --no-deps |
    python3 -c 'import json, sys; print(next(p["version"] for p in json.load(sys.stdin)["packages"] if p["name"] == "esm-assistant"))')

# A DNS server on 127.0.0.1 holding the test world (examples/test_dns.rs).
say "local DNS server"
cargo build --quiet --example test_dns
port=${DNS_PORT:-5398}
target/debug/examples/test_dns --port "$port" >"$work/dns.log" 2>&1 &
pids+=($!)
sleep 1
ns="127.0.0.1:$port"

# ---------------------------------------------------------------- Linux
if ! $skip_build; then
    say "release build (Linux)"
    start=$(date +%s)
    # esm-assistant-window is for Windows only: not linked here.
    nice -n 10 cargo build --release --locked --bin esm-assistant
    echo "built in $(($(date +%s) - start)) s"
fi
echo "target/release/esm-assistant: $(size target/release/esm-assistant)"

say ".deb"
rm -f target/packages/*.deb
cargo packager --release --formats deb --config "$(python3 packaging/packager-config.py)"
deb=target/packages/esm-assistant_${version}_amd64.deb
test -f "$deb" || fail "no $deb"
echo "$deb: $(size "$deb")"
dpkg-deb --info "$deb" | sed -n '/Package:/,$p'
dpkg-deb --contents "$deb" | awk '{ sub(/^\.\//, "", $6); print $6 }' | tee "$work/deb-contents"
for path in usr/bin/esm-assistant \
    usr/share/applications/net.e_securemail.Assistant.desktop \
    usr/share/metainfo/net.e_securemail.Assistant.metainfo.xml \
    usr/share/icons/hicolor/scalable/apps/net.e_securemail.Assistant.svg \
    usr/share/icons/hicolor/256x256/apps/net.e_securemail.Assistant.png; do
    grep -qx "$path" "$work/deb-contents" || fail "$path missing from the .deb"
done
# The window program is for Windows' Start menu: not shipped here.
! grep -q "esm-assistant-window" "$work/deb-contents" || fail "the .deb carries esm-assistant-window"

root=$work/deb-root
dpkg-deb --extract "$deb" "$root"
if command -v desktop-file-validate >/dev/null; then
    desktop-file-validate "$root/usr/share/applications/net.e_securemail.Assistant.desktop"
fi
if command -v appstreamcli >/dev/null; then
    appstreamcli validate --no-net "$root/usr/share/metainfo/net.e_securemail.Assistant.metainfo.xml"
fi
exe=$root/usr/bin/esm-assistant
"$exe" --version
set +e
"$exe" check good.test --nameserver "$ns" --lang en >"$work/check-good.txt" 2>&1
good=$?
"$exe" check broken.test --nameserver "$ns" --lang fr >"$work/check-broken.txt" 2>&1
broken=$?
set -e
head -5 "$work/check-good.txt"
echo "check good.test exit code: $good"
head -5 "$work/check-broken.txt"
echo "check broken.test exit code: $broken"
[ "$good" -eq 0 ] || fail "check good.test from the .deb: exit $good"
[ "$broken" -eq 1 ] || fail "check broken.test from the .deb: exit $broken"
set +e
env -u DISPLAY -u WAYLAND_DISPLAY "$exe" --lang en 2>"$work/nodisplay.txt"
nodisplay=$?
set -e
cat "$work/nodisplay.txt"
[ "$nodisplay" -eq 2 ] || fail "without a display: exit $nodisplay"

say "the window from the .deb, under Xvfb"
# Xvfb picks a free display number itself and writes it to fd 3: other
# people's displays on this machine are left alone.
Xvfb -displayfd 3 -screen 0 1280x860x24 -nolisten tcp 3>"$work/display" >"$work/xvfb.log" 2>&1 &
pids+=($!)
for _ in $(seq 50); do [ -s "$work/display" ] && break; sleep 0.1; done
[ -s "$work/display" ] || fail "Xvfb did not start"
display=:$(head -n1 "$work/display")
echo "Xvfb on $display"
export XDG_RUNTIME_DIR=$work/xdg
mkdir -m 700 "$XDG_RUNTIME_DIR"
if command -v icewm >/dev/null; then
    # Draws title bars (with the window's icon) and a taskbar.
    DISPLAY=$display icewm >"$work/icewm.log" 2>&1 &
    pids+=($!)
    sleep 1
fi
window_shot() { # NAME LANG [EXE]
    local name=$1 lang=$2 program=${3:-$exe} cfg=$work/cfg-$1
    mkdir -p "$cfg"
    printf '{"domain":"broken.test","platform":"microsoft-365","lang":"%s","step":"spf"}' "$lang" >"$cfg/progress.json"
    DISPLAY=$display ESM_ASSISTANT_CONFIG_DIR=$cfg "$program" --nameserver "$ns" >"$work/app-$name.log" 2>&1 &
    local app=$!
    sleep "${WAIT:-5}"
    kill -0 $app 2>/dev/null || { cat "$work/app-$name.log"; fail "the window closed"; }
    DISPLAY=$display import -window root "$shots/$name.png"
    echo "$shots/$name.png"
    local win
    win=$(DISPLAY=$display xdotool search --pid $app 2>/dev/null | tail -1 || true)
    if [ -z "$win" ]; then
        win=$(DISPLAY=$display xprop -root _NET_ACTIVE_WINDOW | awk '{ print $NF }')
    fi
    DISPLAY=$display xprop -id "$win" WM_CLASS _NET_WM_ICON 2>/dev/null | grep -E "WM_CLASS|_NET_WM_ICON\(" | cut -c1-80 || true
    kill $app
    wait $app 2>/dev/null || true
}
window_shot deb-window-fr fr | tee "$work/deb-window.txt"
window_shot deb-window-en en
grep -q 'WM_CLASS(STRING) = "net.e_securemail.Assistant", "net.e_securemail.Assistant"' "$work/deb-window.txt" ||
    fail "WM_CLASS does not match the .desktop file's StartupWMClass"

# ---------------------------------------------------------------- Windows
if $windows; then
    win_target=x86_64-pc-windows-gnu
    win_dir=target/$win_target/release
    if ! $skip_build; then
        say "release build (Windows, cross)"
        start=$(date +%s)
        nice -n 10 cargo build --release --locked --target "$win_target"
        echo "built in $(($(date +%s) - start)) s"
    fi
    for exe_name in esm-assistant esm-assistant-window; do
        file=$win_dir/$exe_name.exe
        echo "$file: $(size "$file")"
        subsystem=$(x86_64-w64-mingw32-objdump -p "$file" | awk '/^Subsystem/ { print $2 }')
        echo "  subsystem: $subsystem"
        x86_64-w64-mingw32-objdump -h "$file" | grep -q '\.rsrc' || fail "$file has no resources"
        case $exe_name in
            esm-assistant) [ "$subsystem" = 00000003 ] || fail "$file is not a console program" ;;
            esm-assistant-window) [ "$subsystem" = 00000002 ] || fail "$file is not a windowed program" ;;
        esac
    done
    # The version information, as Explorer's Properties show it.
    strings -el "$win_dir/esm-assistant-window.exe" | grep -A1 -E '^(ProductName|FileVersion|ProductVersion)$' || true

    if command -v wine >/dev/null; then
        say "Windows programs under wine"
        export WINEDEBUG=-all WINEPREFIX=$work/wine
        # A scratch copy, with a stand-in for what wine 8 lacks (see
        # packaging/wine/processprng.c); never part of what ships.
        win_try=$work/win
        mkdir -p "$win_try"
        cp "$win_dir"/esm-assistant.exe "$win_dir"/esm-assistant-window.exe "$win_try/"
        x86_64-w64-mingw32-gcc -shared -O2 -o "$win_try/bcryptprimitives.dll" \
            packaging/wine/processprng.c -ladvapi32
        export WINEDLLOVERRIDES="bcryptprimitives=n,b"
        set +e
        DISPLAY=$display wine "$win_try/esm-assistant.exe" --version
        DISPLAY=$display wine "$win_try/esm-assistant.exe" check good.test --nameserver "$ns" --lang en >"$work/wine-good.txt" 2>&1
        wine_good=$?
        DISPLAY=$display wine "$win_try/esm-assistant.exe" check broken.test --nameserver "$ns" --lang fr >"$work/wine-broken.txt" 2>&1
        wine_broken=$?
        set -e
        head -3 "$work/wine-good.txt"
        echo "check good.test under wine: exit $wine_good"
        head -3 "$work/wine-broken.txt"
        echo "check broken.test under wine: exit $wine_broken"
        if [ "$wine_good" -ne 0 ] || [ "$wine_broken" -ne 1 ]; then fail "check under wine"; fi
        cfg=$work/cfg-wine
        mkdir -p "$cfg"
        printf '{"domain":"broken.test","platform":"microsoft-365","lang":"fr","step":"spf"}' >"$cfg/progress.json"
        DISPLAY=$display ESM_ASSISTANT_CONFIG_DIR=$(winepath -w "$cfg" 2>/dev/null) \
            wine "$win_try/esm-assistant-window.exe" --nameserver "$ns" >"$work/wine-window.log" 2>&1 &
        app=$!
        sleep 8
        DISPLAY=$display import -window root "$shots/wine-window.png"
        echo "$shots/wine-window.png"
        kill $app 2>/dev/null || true
    else
        echo "wine is not installed: the .exe files were checked, not run"
    fi
fi

# ---------------------------------------------------------------- commands only
if $cli; then
    say "commands only (--no-default-features)"
    nice -n 10 cargo build --release --locked --no-default-features --target-dir target/cli
    echo "target/cli/release/esm-assistant: $(size target/cli/release/esm-assistant)"
    target/cli/release/esm-assistant check good.test --nameserver "$ns" --lang en | head -3
fi

say "done"
ls -l target/packages

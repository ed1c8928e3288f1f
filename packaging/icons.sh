#!/usr/bin/env bash
# Makes every icon file from assets/icon/esm-assistant.svg. Run it after
# changing the SVG, and commit what it writes.
#
# Needs (Debian/Ubuntu): apt-get install librsvg2-bin imagemagick icnsutils
#   rsvg-convert  draws the SVG at each size (so small sizes are drawn, not
#                 shrunk from a large picture);
#   convert       packs the Windows .ico and writes the window's raw pixels;
#   png2icns      packs the macOS .icns.
set -euo pipefail
cd "$(dirname "$0")/.."

src=assets/icon/esm-assistant.svg
out=assets/icon
mkdir -p "$out/png"

for size in 16 24 32 48 64 128 256 512 1024; do
    rsvg-convert --width "$size" --height "$size" "$src" \
        --output "$out/png/esm-assistant-$size.png"
done

# Windows: the sizes Explorer and the taskbar ask for.
convert "$out"/png/esm-assistant-{16,24,32,48,64,256}.png "$out/esm-assistant.ico"

# macOS: the sizes icns has slots for.
png2icns "$out/esm-assistant.icns" "$out"/png/esm-assistant-{16,32,48,128,256,512,1024}.png >/dev/null

# The window's own icon (X11 and Windows title bars), as raw RGBA so that
# the program needs no image decoder: 64 x 64 pixels, 4 bytes each.
convert "$out/png/esm-assistant-64.png" -depth 8 "rgba:$out/esm-assistant-64.rgba"
test "$(stat -c %s "$out/esm-assistant-64.rgba")" -eq $((64 * 64 * 4))

echo "icons written to $out"

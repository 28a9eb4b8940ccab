#!/bin/sh
# Regenerates the portal's icons in public/ from their hand-written SVG sources:
#   public/icons/icon.svg      the mark (also served as the SVG favicon)
#   scripts/icons/small.svg    the mark on a pixel grid, heavier strokes: favicon.ico (16 + 32 px)
#   scripts/icons/maskable.svg full-bleed, mark inside the 80 % safe zone: the maskable manifest icon
#                              and the apple-touch-icon
# Needs Debian's librsvg2-bin and imagemagick (apt-get install -y librsvg2-bin imagemagick); offline.
# Run from the repository root: sh scripts/icons.sh
set -eu
CONVERT=${CONVERT:-/usr/bin/convert}  # ImageMagick's, not another `convert` earlier on PATH
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
png() { rsvg-convert --width "$2" --height "$2" "$1" --output "$3"; }

# iOS rounds the corners itself and paints transparency black: the full-bleed square.
png scripts/icons/maskable.svg 180 public/icons/apple-touch-icon.png
png public/icons/icon.svg 192 public/icons/icon-192.png
png public/icons/icon.svg 512 public/icons/icon-512.png
png scripts/icons/maskable.svg 512 public/icons/icon-maskable-512.png
png scripts/icons/small.svg 16 "$tmp/16.png"
png scripts/icons/small.svg 32 "$tmp/32.png"
"$CONVERT" "$tmp/16.png" "$tmp/32.png" public/favicon.ico

#!/usr/bin/env bash
# Renders wpuscope.svg, the source of the icon, into the files the app and the packages use:
#   wpuscope-<size>.png   window icons (the app jar carries them; the Linux packages use the 256 one)
#   wpuscope.ico          the Windows launcher and installer icon (every size in one file)
# Needs ImageMagick with its SVG renderer (Debian: imagemagick). Run it after editing the SVG.
set -euo pipefail
cd "$(dirname "$0")"
sizes=(16 24 32 48 64 128 256)
pngs=()
for size in "${sizes[@]}"; do
  convert -background none -density 384 wpuscope.svg -resize "${size}x${size}" -depth 8 -strip \
    "PNG32:wpuscope-$size.png"
  pngs+=("wpuscope-$size.png")
done
convert "${pngs[@]}" wpuscope.ico

#!/usr/bin/env bash
# Writes the HTML report of real samples and screenshots them in headless Chromium (setup.sh installs it):
#   docs/screenshots/report-screenshots.sh [samples folder, default ../shared/samples]
# Build first (mvn -B -DskipTests package) so that ./wpuscope runs the current code.
# Output: docs/screenshots/report-<sample>.png (1280 px wide, the whole page) and the .html next to it in
# app/target/report-screenshots.
set -euo pipefail
cd "$(dirname "$0")/../.."
samples="${1:-../shared/samples}"
out=app/target/report-screenshots
mkdir -p "$out"
for sample in netsh/moby-27423_lavasoft_part1.txt reg/cingchun_bccc_winsock2.reg; do
  name="$(basename "${sample%.*}")"
  ./wpuscope report "$samples/$sample" -o "$out/$name.html"
  chromium --headless=new --no-sandbox --disable-gpu --hide-scrollbars --window-size=1280,2200 \
    --screenshot="$PWD/docs/screenshots/report-$name.png" "file://$PWD/$out/$name.html" </dev/null >/dev/null 2>&1
  echo "docs/screenshots/report-$name.png"
done

#!/usr/bin/env bash
# Opens the demo workbook in LibreOffice (headless) the way a team without Google would, and checks what
# issue 13 §5 asked: the Dashboard's charts are there, columns left at Sheets' default are 100 px wide (not
# ~64 px), and with the live tier formulas installed the Customers sheet shows the same numbers as Refresh tiers.
# It also renders the Dashboard to out/libreoffice-check/dashboard.png for a human look.
# Not part of `npm test` (LibreOffice is a ~300 MB install and each conversion takes ~10 s): run it by hand or
# in a nightly job with `npm run check:libreoffice`. Installs Debian's LibreOffice when run as root.
set -euo pipefail
cd "$(dirname "$0")/.."
NOW=2026-11-23T09:30:00+08:00
OUT=out/libreoffice-check
CSV='csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1'

need=()
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-calc-nogui)
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
# Carlito has Calibri's metrics: without it LibreOffice measures column widths with a wider fallback font.
fc-list 2>/dev/null | grep -qi carlito || need+=(fonts-crosextra-carlito)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
  else
    echo "needs: sudo apt-get install -y ${need[*]}" >&2
    exit 1
  fi
fi

rm -rf "$OUT" && mkdir -p "$OUT"
[ -f dist/Code.js ] || npm run build >/dev/null
npx tsx cli/salesdesk.ts demo --now "$NOW" --out "$OUT/demo.xlsx" >/dev/null
npx tsx cli/salesdesk.ts tiers --formulas --now "$NOW" --in "$OUT/demo.xlsx" --out "$OUT/live.xlsx" >/dev/null
# A private profile, so a desktop LibreOffice the user has open is neither used nor disturbed.
LO=(soffice -env:UserInstallation=file://$PWD/$OUT/profile --headless)
"${LO[@]}" --convert-to ods --outdir "$OUT" "$OUT/demo.xlsx" >/dev/null 2>&1
"${LO[@]}" --convert-to "$CSV" --outdir "$OUT/values" "$OUT/demo.xlsx" >/dev/null 2>&1
"${LO[@]}" --convert-to "$CSV" --outdir "$OUT/live" "$OUT/live.xlsx" >/dev/null 2>&1
"${LO[@]}" --convert-to 'pdf:calc_pdf_Export:{"SinglePageSheets":{"type":"boolean","value":"true"}}' \
  --outdir "$OUT" "$OUT/demo.xlsx" >/dev/null 2>&1

# The PDF has one page per sheet; the Dashboard's page is the one with its title.
pages=$(pdfinfo "$OUT/demo.pdf" | awk '/^Pages:/ {print $2}')
for p in $(seq 1 "$pages"); do
  if pdftotext -f "$p" -l "$p" "$OUT/demo.pdf" - | grep -q 'Performance by rep'; then
    pdftoppm -f "$p" -l "$p" -r 60 -png -singlefile "$OUT/demo.pdf" "$OUT/dashboard"
  fi
done

node scripts/check-xlsx-libreoffice.js "$OUT"

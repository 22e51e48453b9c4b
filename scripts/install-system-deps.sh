#!/usr/bin/env bash
# System packages the analyst-facing tests need, from Debian:
#   - the notebook test (test/notebook.test.ts) executes examples/*.ipynb with Debian's Jupyter and
#     Python (pandas, matplotlib, requests) and draws Chinese labels with Noto Sans CJK;
#   - the explorer test (test/explorer.test.ts) drives Debian's headless Chromium;
#   - the input-forms test (test/ingest/forms.test.ts) makes traditional-character fixtures with
#     Debian's OpenCC CLI (opencc), apart from the opencc-js library that converts them back.
#   - the format tests (test/ingest/formats.test.ts) turn the seeds into PDF, DOCX and DOC with
#     LibreOffice Writer (`soffice --headless --convert-to`, no GUI) and need a CJK font for the PDF's
#     text layer (WenQuanYi Micro Hei).
# Idempotent: installs only what is missing, and runs `apt-get update` only then, so a machine that
# already has everything pays nothing. Needs root (CI and the dev machines run as root).
set -euo pipefail

PACKAGES=(
  jupyter-nbconvert
  python3-ipykernel
  python3-pandas
  python3-matplotlib
  python3-requests
  fonts-noto-cjk
  chromium
  opencc
  libreoffice-writer-nogui
  fonts-wqy-microhei
)

missing=()
for p in "${PACKAGES[@]}"; do
  # `dpkg-query` says "install ok installed" only for a fully installed package.
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "system deps: all present (${PACKAGES[*]})"
  exit 0
fi

echo "system deps: installing ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"

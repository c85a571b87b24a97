#!/usr/bin/env bash
# Installs every Debian package that building, testing and running dxmon needs, and any packages
# named as arguments. Idempotent: packages already present are skipped, so it is safe to re-run.
set -euo pipefail

packages=(
  cmake g++ make pkg-config
  libsqlite3-dev sqlite3          # embedded default store
  libpq-dev postgresql            # production store; server for the conformance tests
  nlohmann-json3-dev              # JSON import/export
  libfmt-dev                      # formatting
  libcli11-dev                    # the dxmon command line
  libzip-dev libpugixml-dev       # XLSX/DOCX: zipped XML, read and write
  libicu-dev                      # NFC, diacritic folding, Vietnamese collation
  zlib1g-dev                      # gzip
  libsimdjson-dev                 # NDJSON dossier records: the measurement hot path
  libxxhash-dev                   # xxHash: dossier keys, checksums and content hashes of records
  libgtest-dev                    # tests
  libreoffice-writer fonts-liberation2 poppler-utils  # tests open the DOCX reports in LibreOffice (Times New Roman metrics)
)

# Extra packages a caller needs beyond these (the benchmark: GNU time, bc, …) come as arguments.
packages+=("$@")

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

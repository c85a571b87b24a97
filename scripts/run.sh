#!/usr/bin/env bash
# dxmon's main job on the embedded default: install what is needed, build, create a SQLite store
# with the built-in data, ingest a generated year of dossier records for every agency, print the
# state of every programme's targets, the measured service indicators and a ranking, and write the official
# reports (DOCX, HTML, Markdown) into reports/ beside the store.
# Re-running is safe: the built-in data and the same records change nothing the second time.
#   scripts/run.sh [DB_PATH]   (default: dxmon.db in the current folder)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
db=${1:-dxmon.db}
bash "$root/scripts/setup.sh"
bash "$root/scripts/build.sh" "$root/build"
dxmon() { "$root/build/dxmon" --db "sqlite:$db" "$@"; }

dxmon init --builtin
records="${db%.db}-dossiers-2024.csv.gz"
[ -f "$records" ] || dxmon generate --year 2024 -n 500000 --seed 1 -o "$records"
dxmon ingest "$records"
dxmon show programmes
dxmon show targets
dxmon show observations --unit "Cả nước" --indicator dvc.ho_so_truc_tuyen
# The provinces ranked by a composite of the measured service indicators (points ÷ maximum, with
# the weights of the matching components of Quyết định 766/QĐ-TTg's service index).
dxmon rank --period 2024 --group dia_phuong --component dvc.giai_quyet_dung_han=20 --component dvc.so_hoa_ho_so=22 \
  --component dvc.ho_so_truc_tuyen=22 --component dvc.hai_long_ty_le=18 | sed -n 1,14p

# The reports: seed 000 §I with its printed grouping and as computed, seed 004 §I–II, the
# quarterly report with the measured indicators, the data-quality report and the reporting rates
# (no unit's report is recorded in the built-in data, so every unit is listed to be reminded).
reports="$(dirname "$db")/reports"
mkdir -p "$reports"
formats=docx,html,md
dxmon report annual --programme qd942 --period 2023 --date 16/02/2024 --number 14/BC-BTTTT --signer "Nguyễn Huy Dũng" \
  --format $formats --out "$reports/annual-qd942-2023"
dxmon report annual --programme qd942 --period 2023 --date 16/02/2024 --no-overrides --format $formats \
  --out "$reports/annual-qd942-2023-computed"
dxmon report plan --programme khhd2022 --period 2022 --format $formats --out "$reports/plan-khhd2022-2022"
dxmon report periodic --period 2024-Q1 --format $formats --out "$reports/periodic-2024-Q1"
dxmon report quality --period 2024 --format $formats --out "$reports/quality-2024"
dxmon report rates --regime tt02-2023.quy --period 2024-Q4 --format $formats --out "$reports/rates-tt02-2023.quy-2024-Q4"
echo
echo "Tóm tắt báo cáo năm 2023 (QĐ 942), theo phân nhóm đã công bố và theo số liệu:"
grep -h "^- \*\*[0-9]*/35\*\*" "$reports/annual-qd942-2023.md" "$reports/annual-qd942-2023-computed.md" | head -7

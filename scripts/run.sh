#!/usr/bin/env bash
# dxmon's main job on the embedded default: install what is needed, build, create a SQLite store
# with the built-in data (idempotent: re-running changes nothing) and print the state of every
# programme's targets.
#   scripts/run.sh [DB_PATH]   (default: dxmon.db in the current folder)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
db=${1:-dxmon.db}
bash "$root/scripts/setup.sh"
bash "$root/scripts/build.sh" "$root/build"
dxmon="$root/build/dxmon"
"$dxmon" --db "sqlite:$db" init --builtin
"$dxmon" --db "sqlite:$db" show programmes
"$dxmon" --db "sqlite:$db" show targets

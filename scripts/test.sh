#!/usr/bin/env bash
# Everything CI checks: install what is needed, build, run the whole suite against real SQLite and
# a throwaway PostgreSQL cluster on 127.0.0.1, then again built with AddressSanitizer + UBSan.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bash "$root/scripts/setup.sh"

run_suite() {  # BUILD_DIR [cmake args…]
  local build=$1
  shift
  bash "$root/scripts/build.sh" "$build" "$@"
  bash "$root/scripts/with-postgres.sh" ctest --test-dir "$build" --output-on-failure -j2 --timeout 600
}

echo "== tests (RelWithDebInfo) =="
run_suite "$root/build"
echo "== tests (AddressSanitizer + UBSan) =="
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  run_suite "$root/build-asan" -DDXMON_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug

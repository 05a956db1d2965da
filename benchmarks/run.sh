#!/usr/bin/env bash
# Runs every benchmark in one go and writes benchmarks/results/RESULTS.md (about 10 minutes on 2 cores).
# Not part of the default build or CI. Usage: benchmarks/run.sh [--quick]   (--quick: a short trial run)
#   benchmarks/run.sh --slow-clients [--quick]: only the slow-clients benchmark (results/SLOW_CLIENTS.md, ~3 min)
# Every server listens on 127.0.0.1 only; every load loop is bounded in count and time.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
REPO="$(dirname "$HERE")"

if ! command -v wrk >/dev/null; then
  echo "installing wrk (Debian package)" >&2
  SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO="sudo"
  $SUDO apt-get update -qq && $SUDO apt-get install -y -qq wrk >/dev/null
fi

echo "building the emulator and the benchmarks" >&2
(cd "$REPO" && { mvn -q -B -o package -DskipTests -pl emulator 2>/dev/null \
  || mvn -q -B package -DskipTests -pl emulator; })
(cd "$HERE" && { mvn -q -B -o package 2>/dev/null || mvn -q -B package; })

if [[ "${1:-}" == "--slow-clients" ]]; then
  shift
  exec java -cp "$HERE/target/classes" io.jobemu.bench.SlowClientsBench "$REPO" "$@"
fi
exec java -cp "$HERE/target/classes" io.jobemu.bench.Bench "$REPO" "$@"

#!/usr/bin/env bash
# Benchmark (not a test): the reference's moons training (2-8-8-1, 2000 epochs) against the notebook's numpy code,
# on this machine, in one run. Prints both results, the median times and their ratio.
#
# Usage, from anywhere:  solutions/src/bench/run-benchmark.sh [bench dir] [runs]
#   bench dir  directory holding notebook_numpy.py (default: $BACKPROPLAB_BENCH_DIR, else <repo>/../shared/bench)
#   runs       timed runs of each side (default 5)
# ND4J runs single-threaded unless OMP_NUM_THREADS is set: the arrays are tiny, so threads only add overhead.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
BENCH_DIR="$(cd "${1:-${BACKPROPLAB_BENCH_DIR:-$ROOT/../shared/bench}}" && pwd)"
RUNS="${2:-5}"
export OMP_NUM_THREADS="${OMP_NUM_THREADS:-1}"
cd "$ROOT"
./mvnw -B -q -pl solutions -am install -DskipTests
./mvnw -B -q -pl solutions exec:exec@benchmark -Dbench.dir="$BENCH_DIR" -Dbench.runs="$RUNS"

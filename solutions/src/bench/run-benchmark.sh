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
# Builds in the reactor and installs nothing: the class path names the modules' target/classes folders, so the run
# measures the code of this working tree, never an older jar in ~/.m2. MAVEN_ARGS may add -o (offline).
CLASSPATH_FILE=target/bench-classpath.txt
./mvnw -B -q ${MAVEN_ARGS:-} -pl solutions -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$CLASSPATH_FILE" -Dmdep.includeScope=test >/dev/null
# The JVM of the demos and of the grader's test JVM: the serial collector, whose young collections suit a run that
# allocates many tiny arrays and keeps few of them, with survivor spaces as large as eden, where the JavaCPP
# deallocator objects that every ND4J op leaves die instead of filling the old generation.
exec "${JAVA:-java}" -Xmx1g -XX:+UseSerialGC -XX:SurvivorRatio=1 \
  -cp "solutions/target/test-classes:solutions/target/classes:$(cat "solutions/$CLASSPATH_FILE")" \
  backproplab.bench.MoonsBenchmark "$BENCH_DIR" "$RUNS"

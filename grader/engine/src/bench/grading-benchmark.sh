#!/usr/bin/env bash
# Benchmark (not a test): what grading one submission costs on this machine, in CPU seconds and wall seconds, per
# phase and per process, with the floor measured in the same run.
#
# Usage, from anywhere:  grader/engine/src/bench/grading-benchmark.sh [N] [-- extra grade options]
#   N                    timed runs of each kind (default 5)
#   extra grade options  passed to every grade command, to compare settings (for example -- --no-fork-compiler)
# Environment: JAVA (default: java on the PATH), BENCH_OUT (default: grader/target/bench/<date-time>), BASELINE (another
#   build to compare with in the same run, interleaved: a folder laid out like this repository with its grader/target,
#   solutions/src/main/java and exercises/src/main/java, for example a worktree of an older commit).
#
# It builds nothing: build the grader first (./mvnw -o -B -q package -DskipTests). Then it grades the reference
# (solutions/src/main/java) and the skeleton (exercises/src/main/java) N times each with the contract command
#   java -jar grader/target/grader.jar grade <submission> --out <dir>
# after one warm-up grade that is not counted, and runs the floor N times: a JVM with the test JVM's class path that
# starts ND4J and runs one op (backproplab.bench.GradingFloor, compiled into BENCH_OUT, not timed), once with the
# test JVM's own flags (read from the warm-up's test JVM) and once with plain java. Runs are interleaved, so the
# load of a shared machine falls on all kinds alike. Figures come from the OS: the whole process tree's CPU (user +
# system) and peak RSS from wait4, each process's CPU, lifetime and peak RSS (VmHWM) from /proc (proctree.py), and
# the per-phase wall and grader CPU times the grader writes to timings.json. It prints the medians and the ratio of
# each kind to the plain floor, checks that every run of a kind gave the same results.json (times removed), and
# shows whether the class-data archives of the test JVM, the javac JVM and the grader JVM are in use (ClassDataSharing
# --check). With the grader JVM's archive, the contract command starts the grader again with it (TunedGraderStart):
# the table then shows "grader JVM (x2)", the waiting JVM and the grading one.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../../.." && pwd)"
JAR="$ROOT/grader/target/grader.jar"
if [ ! -f "$JAR" ] || [ ! -d "$ROOT/grader/target/lib" ]; then
  echo "No $JAR: build the grader first (./mvnw -o -B -q package -DskipTests); this benchmark builds nothing." >&2
  exit 2
fi
exec python3 "$ROOT/grader/engine/src/bench/grading_benchmark.py" "$ROOT" "$@"

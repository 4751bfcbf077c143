#!/usr/bin/env bash
# Class benchmark (not a test): what grading a whole class with `grader batch` costs on this machine.
#
# Usage, from anywhere:  grader/engine/src/bench/class-benchmark.sh [--size N] [--jobs J] [--compare K] [--interrupt]
#   --size N      submissions in the class (default 30): the reference (folder and zip), the skeleton, four broken
#                 ones (does not compile, hangs, throws, runs out of memory) and mutants of the reference
#   --jobs J      batch --jobs (default: the cores)
#   --compare K   also grade K of them with the single-submission command and check the scores are the batch's
#   --interrupt   also stop a batch with SIGINT after 3 submissions and check the rerun grades only the rest
# Environment: JAVA (default: java on the PATH), BENCH_OUT (default: grader/target/bench/class-<date-time>).
#
# It builds nothing: build the grader first (./mvnw -o -B -q package -DskipTests). It prints submissions per
# minute and CPU-seconds per submission from the OS's accounting (/proc, every process of the tree) and exits
# non-zero if a submission folder or class file is missing or a check fails.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../../.." && pwd)"
if [ ! -f "$ROOT/grader/target/grader.jar" ] || [ ! -d "$ROOT/grader/target/lib" ]; then
  echo "No $ROOT/grader/target/grader.jar: build the grader first (./mvnw -o -B -q package -DskipTests)." >&2
  exit 2
fi
exec python3 "$ROOT/grader/engine/src/bench/class_benchmark.py" "$ROOT" "$@"

#!/usr/bin/env bash
# Grades every submission in a folder with the grade CLI: one report folder per submission
# (<reports>/<name>/results.json, report.html, ...) and its console output (<reports>/<name>.txt).
# A submission is a sub-folder (a student repository, an exercises module or a source folder) or a .zip.
# With <shard> <shards>, only every <shards>-th submission starting at <shard> is graded (for parallel jobs).
#
# Usage: .github/scripts/grade-all.sh <submissions> <reports> [<shard> <shards>]
# Run from the course repository's root after ./mvnw -B -q package -DskipTests (or set GRADER_JAR).
set -euo pipefail

submissions="${1:?usage: grade-all.sh <submissions> <reports> [<shard> <shards>]}"
reports="${2:?reports folder missing}"
shard="${3:-0}"
shards="${4:-1}"
jar="${GRADER_JAR:-grader/target/grader.jar}"

[ -f "$jar" ] || { echo "No grader at $jar: run ./mvnw -B -q package -DskipTests first" >&2; exit 2; }
[ -d "$submissions" ] || { echo "No folder $submissions" >&2; exit 2; }
mkdir -p "$reports"

index=0
graded=0
for submission in "$submissions"/*; do
  name="$(basename "$submission")"
  case "$submission" in
    *.zip) name="${name%.zip}" ;;
    *) [ -d "$submission" ] || continue ;;
  esac
  if [ $((index % shards)) -eq "$shard" ]; then
    target="$submission"
    [ -d "$submission/exercises/src/main/java" ] && target="$submission/exercises"
    # The grade CLI always writes its reports (exit 0), whatever the submission does; exit 1 means the
    # grader itself failed, which is reported and does not stop the other submissions.
    if java -jar "$jar" grade "$target" --out "$reports/$name" >"$reports/$name.txt" 2>&1; then
      echo "graded $name: $(grep -m 1 '^Score:' "$reports/$name.txt" || echo 'no score line')"
    else
      echo "grader failed on $name (see $reports/$name.txt)" >&2
    fi
    graded=$((graded + 1))
  fi
  index=$((index + 1))
done
echo "graded $graded of $index submissions (shard $shard of $shards) into $reports"

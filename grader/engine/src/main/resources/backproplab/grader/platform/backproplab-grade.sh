#!/usr/bin/env bash
# Grades one submission inside a course platform's container and ALWAYS leaves a valid results file:
# if the grader cannot start, crashes, runs out of time or writes nothing, a results file with score 0
# and the reason is written instead.
#
# Usage: backproplab-grade.sh <gradescope|prairielearn> <submission> <results-file> <grader-dir> [<id-file>]
#   <submission>    the folder the platform put the student's files in
#   <results-file>  where the platform reads the result (Gradescope's or PrairieLearn's format)
#   <grader-dir>    the folder holding grader.jar and lib/
#
# Limits are sized for Gradescope's default container (768 MB of memory, 0.5 vCPU); every one can be
# overridden with the environment variable beside it.
set -uo pipefail

flavour="${1:?usage: backproplab-grade.sh <gradescope|prairielearn> <submission> <results-file> <grader-dir>}"
submission="${2:?submission folder missing}"
results="${3:?results file missing}"
grader_dir="${4:?grader folder missing}"
# The platform's file naming the student (Gradescope's submission_metadata.json, PrairieLearn's data.json): the hidden
# inputs are drawn from that student's seed. Without it every submission gets the course's fixed inputs (the report
# says which seed ran and where it came from).
id_file="${5:-}"
id_option=()
[ -n "$id_file" ] && [ -f "$id_file" ] && id_option=(--student-id-from "$id_file")

case "$flavour" in
  gradescope)   report_file="results.json";      default_total=540 ;;  # Gradescope's default limit is 600 s
  prairielearn) report_file="prairielearn.json"; default_total=260 ;;  # "timeout": 300 in info.json, less run.sh's install
  *) echo "unknown platform '$flavour' (gradescope or prairielearn)" >&2; exit 2 ;;
esac

parent_heap="${BACKPROPLAB_PARENT_HEAP:-160m}"       # the grader: compiles the submission, scores, writes reports
child_heap="${BACKPROPLAB_CHILD_HEAP:-256m}"         # the test JVM that runs the student's code
off_heap="${BACKPROPLAB_OFF_HEAP:-160m}"             # ND4J's off-heap arrays (org.bytedeco.javacpp.maxbytes)
max_physical="${BACKPROPLAB_MAX_PHYSICAL:-448m}"     # the test JVM's whole resident memory (javacpp.maxphysicalbytes)
test_timeout="${BACKPROPLAB_TEST_TIMEOUT:-90s}"      # per test; 0.5 vCPU is about 4x slower than a laptop core
run_timeout="${BACKPROPLAB_RUN_TIMEOUT:-400s}"       # all tests of one test JVM
total_timeout="${BACKPROPLAB_TOTAL_TIMEOUT:-$default_total}"  # seconds; the whole grader, then the fallback runs
# auto: the test JVM runs in a bubblewrap sandbox where bubblewrap works, else with its JDK modules limited;
# full makes a machine without a working sandbox fail every grade loudly. Each report names the level.
isolation="${BACKPROPLAB_ISOLATION:-auto}"
# One thread each: more than one on half a CPU only adds switching and per-thread buffers.
export OMP_NUM_THREADS="${OMP_NUM_THREADS:-1}" OPENBLAS_NUM_THREADS="${OPENBLAS_NUM_THREADS:-1}" MKL_NUM_THREADS="${MKL_NUM_THREADS:-1}"

work="$(mktemp -d "${TMPDIR:-/tmp}/backproplab.XXXXXX")"
out="$work/out"
log="$work/grader.log"
written=no
mkdir -p "$(dirname "$results")" "$out"

# Text as the inside of a JSON string: ASCII only, quotes and backslashes escaped, lines joined with \n.
json_text() {
  LC_ALL=C tr -cd '\11\12\15\40-\176' | sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/\t/\\t/g' -e 's/\r//g' \
    | awk 'NR > 1 { printf "%s", "\\n" } { printf "%s", $0 }'
}

fallback() { # reason
  local message
  message="$(printf '%s\n' "The autograder could not grade this submission: $1. This is not a problem with your code's score; please tell your instructor." | json_text)"
  local details=""
  [ -s "$log" ] && details="$(tail -n 40 "$log" | json_text)"
  if [ "$flavour" = gradescope ]; then
    printf '{"score": 0.0, "execution_time": %d, "output": "%s\\n\\n%s", "tests": []}\n' "$SECONDS" "$message" "$details" >"$results"
  else
    printf '{"succeeded": false, "gradable": false, "score": 0.0, "message": "%s", "output": "%s", "tests": []}\n' "$message" "$details" >"$results"
  fi
  written=yes
}

finish() {
  [ "$written" = yes ] || fallback "the grading script stopped early"
  [ -s "$log" ] && cat "$log"   # the platform keeps this for the instructor (Gradescope: results/stdout)
  rm -rf "$work"
}
trap finish EXIT
trap 'fallback "the platform stopped the grader (signal)"; exit 143' TERM INT

# The student's files: the whole student repository, its exercises module, a zip, a source folder, or
# loose .java files (which are put into their package folders).
locate_submission() {
  local dir="$1"
  if [ -d "$dir/exercises/src/main/java" ]; then echo "$dir/exercises"; return; fi
  if [ -d "$dir/src/main/java" ]; then echo "$dir"; return; fi
  local zips=() loose=() file
  for file in "$dir"/*; do
    case "$file" in *.zip) zips+=("$file") ;; *.java) loose+=("$file") ;; esac
  done
  if [ "${#zips[@]}" -eq 1 ] && [ "${#loose[@]}" -eq 0 ]; then echo "${zips[0]}"; return; fi
  if [ "${#loose[@]}" -gt 0 ]; then
    local sources="$work/sources" package
    for file in "${loose[@]}"; do
      package="$(sed -n 's/^[[:space:]]*package[[:space:]]\{1,\}\([A-Za-z0-9_.]*\)[[:space:]]*;.*/\1/p' "$file" | head -n 1)"
      mkdir -p "$sources/${package//.//}"
      cp "$file" "$sources/${package//.//}/"
    done
    for file in "$dir"/*/; do [ -d "$file" ] && cp -R "$file" "$sources/"; done
    echo "$sources"; return
  fi
  echo "$dir"
}

java_bin="java"
[ -n "${JAVA_HOME:-}" ] && java_bin="$JAVA_HOME/bin/java"
target="$(locate_submission "$submission")"
echo "Backprop Lab autograder ($flavour): grading $target" >"$log"

# --cds use: the class-data archives of the test JVM and the javac JVM are used if the image has them (Gradescope's
# setup.sh builds them) and never built here, since every grading run starts from a fresh container.
# The grader JVM's own class-data archive, when the image has one (Gradescope's setup.sh builds it; GraderJvmArchive):
# -Xshare:auto ignores an archive that does not fit this JDK and grader.jar. (A plain java -jar grader.jar, with no
# JVM options, starts the grader again with it, TunedGraderStart; started with options as here, it grades in place.)
grader_archive=()
for file in "$grader_dir"/cds/grader-jvm-*.jsa; do
  if [ -f "$file" ]; then grader_archive=(-XX:SharedArchiveFile="$file" -Xshare:auto); fi
done
timeout --kill-after=10 "$total_timeout" "$java_bin" \
  -Xmx"$parent_heap" -Xss1m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 "${grader_archive[@]}" \
  -XX:MaxMetaspaceSize=128m -XX:ReservedCodeCacheSize=48m -Djava.awt.headless=true \
  -jar "$grader_dir/grader.jar" grade "$target" --out "$out" \
  --heap "$child_heap" --off-heap "$off_heap" --max-physical "$max_physical" \
  --test-timeout "$test_timeout" --run-timeout "$run_timeout" --max-restarts 1 --isolation "$isolation" \
  --cds use "${id_option[@]}" >>"$log" 2>&1
status=$?

report="$out/$report_file"
if [ "$status" -eq 124 ] || [ "$status" -eq 137 ]; then
  fallback "grading took longer than ${total_timeout} s"
elif [ -s "$report" ] && [ "$(tr -d '[:space:]' <"$report" | tail -c 1)" = "}" ]; then
  cp "$report" "$results" && written=yes
else
  fallback "the grader stopped with exit code $status before writing its report"
fi

#!/usr/bin/env bash
# Benchmark (not a test): grading the reference in Gradescope's default container size, emulated with a cgroup:
# 0.5 CPU (CFS quota 50 ms per 100 ms) and 768 MB of memory. It builds Gradescope's autograder.zip with the built
# grader, lays it out as /autograder in a scratch folder (AUTOGRADER_ROOT), runs the image-build steps of setup.sh
# that need no package manager (ND4J's warm-up, the class-data archives), then runs run_autograder on the reference
# N times inside the cgroup and prints, per run and as medians: wall seconds, the cgroup's CPU seconds (cpuacct, or
# cpu.stat on cgroup v2), its peak memory, and the score Gradescope would read from results/results.json.
#
# Usage: grader/engine/src/bench/gradescope-benchmark.sh [N]     (default N = 3)
# Needs root (it creates cgroups) and a built grader (./mvnw -o -B -q package -DskipTests); bubblewrap installed
# for full isolation (setup.sh installs it on Gradescope). Environment: CPU_QUOTA_US (default 50000),
# MEMORY_MB (default 768), KEEP=1 keeps the scratch folder.
set -euo pipefail
N="${1:-3}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../../.." && pwd)"
JAR="$ROOT/grader/target/grader.jar"
QUOTA="${CPU_QUOTA_US:-50000}"
MEMORY_MB="${MEMORY_MB:-768}"
[ -f "$JAR" ] || { echo "No $JAR: build the grader first (./mvnw -o -B -q package -DskipTests)." >&2; exit 2; }
[ "$(id -u)" = 0 ] || { echo "This benchmark creates cgroups: run it as root." >&2; exit 2; }

scratch="$(mktemp -d "${TMPDIR:-/tmp}/gradescope-bench.XXXXXX")"
group="backproplab-gradescope-$$"
cleanup() {
  if [ -f /sys/fs/cgroup/cgroup.controllers ]; then
    rmdir "/sys/fs/cgroup/$group" 2>/dev/null || true
  else
    for c in cpu cpuacct memory; do rmdir "/sys/fs/cgroup/$c/$group" 2>/dev/null || true; done
  fi
  [ "${KEEP:-0}" = 1 ] || rm -rf "$scratch"
}
trap cleanup EXIT

java -jar "$JAR" gradescope-zip "$scratch/autograder.zip" >/dev/null
mkdir -p "$scratch/root/source" "$scratch/root/results" "$scratch/root/submission/src"
(cd "$scratch/root/source" && unzip -q ../../autograder.zip)
cp -r "$ROOT/solutions/src/main" "$scratch/root/submission/src/"
echo "Image build (not timed): ND4J warm-up and the class-data archives, as setup.sh does"
java -cp "$scratch/root/source/grader.jar:$scratch/root/source/lib/*" backproplab.runtime.Backend >"$scratch/setup.log" 2>&1
java -cp "$scratch/root/source/grader.jar" backproplab.grader.engine.ClassDataSharing >>"$scratch/setup.log" 2>&1 \
  || echo "  class-data archives not built (see $scratch/setup.log); grading runs without them"

# One cgroup for the whole run_autograder process tree: cgroup v2 (cpu.max, memory.max) or v1 (cpu, cpuacct, memory).
if [ -f /sys/fs/cgroup/cgroup.controllers ]; then
  v2=1
  echo "+cpu +memory" >/sys/fs/cgroup/cgroup.subtree_control 2>/dev/null || true
  mkdir "/sys/fs/cgroup/$group"
  echo "$QUOTA 100000" >"/sys/fs/cgroup/$group/cpu.max"
  echo $((MEMORY_MB * 1048576)) >"/sys/fs/cgroup/$group/memory.max"
  echo 0 >"/sys/fs/cgroup/$group/memory.swap.max" 2>/dev/null || true
else
  v2=0
  for c in cpu cpuacct memory; do mkdir "/sys/fs/cgroup/$c/$group"; done
  echo 100000 >"/sys/fs/cgroup/cpu/$group/cpu.cfs_period_us"
  echo "$QUOTA" >"/sys/fs/cgroup/cpu/$group/cpu.cfs_quota_us"
  echo $((MEMORY_MB * 1048576)) >"/sys/fs/cgroup/memory/$group/memory.limit_in_bytes"
  echo $((MEMORY_MB * 1048576)) >"/sys/fs/cgroup/memory/$group/memory.memsw.limit_in_bytes" 2>/dev/null || true
fi

cpu_ns() {
  if [ "$v2" = 1 ]; then
    awk '/^usage_usec/ { print $2 * 1000 }' "/sys/fs/cgroup/$group/cpu.stat"
  else
    cat "/sys/fs/cgroup/cpuacct/$group/cpuacct.usage"
  fi
}
peak_bytes() {
  if [ "$v2" = 1 ]; then
    cat "/sys/fs/cgroup/$group/memory.peak" 2>/dev/null || echo 0
  else
    cat "/sys/fs/cgroup/memory/$group/memory.max_usage_in_bytes"
  fi
}
# The cgroup.procs files the graded process tree enters (the child writes its own pid before it starts anything).
if [ "$v2" = 1 ]; then
  procs=("/sys/fs/cgroup/$group/cgroup.procs")
else
  procs=("/sys/fs/cgroup/cpu/$group/cgroup.procs" "/sys/fs/cgroup/cpuacct/$group/cgroup.procs" "/sys/fs/cgroup/memory/$group/cgroup.procs")
fi

echo "Gradescope's default container, emulated: $(awk "BEGIN { print $QUOTA / 100000 }") CPU, $MEMORY_MB MB; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-6s %8s %8s %10s %8s %s\n' run "wall s" "CPU s" "peak MB" score isolation
walls=(); cpus=(); peaks=()
for i in $(seq 1 "$N"); do
  rm -f "$scratch/root/results/results.json"
  [ "$v2" = 1 ] || echo 0 >"/sys/fs/cgroup/memory/$group/memory.max_usage_in_bytes"
  before_cpu="$(cpu_ns)"
  start="$(date +%s%N)"
  bash -c 'root="$1"; shift; for f in "$@"; do echo $$ >"$f"; done; exec env AUTOGRADER_ROOT="$root" bash "$root/source/run_autograder"' \
    _ "$scratch/root" "${procs[@]}" >"$scratch/run-$i.log" 2>&1 || true
  end="$(date +%s%N)"
  wall=$(awk "BEGIN { printf \"%.2f\", ($end - $start) / 1e9 }")
  cpu=$(awk "BEGIN { printf \"%.2f\", ($(cpu_ns) - $before_cpu) / 1e9 }")
  peak=$(( $(peak_bytes) / 1048576 ))
  read -r score isolation < <(python3 - "$scratch/root/results/results.json" <<'PY'
import json, re, sys
try:
    d = json.load(open(sys.argv[1]))
    m = re.search(r"Isolation: ([a-z ]+?)(?: \(| —|$)", d.get("output", ""), re.M)
    print(d.get("score"), (m.group(1) if m else "?").replace(" ", "-"))
except Exception as e:
    print("no-results", "?")
PY
)
  printf '%-6s %8s %8s %10s %8s %s\n' "$i" "$wall" "$cpu" "$peak" "$score" "$isolation"
  walls+=("$wall"); cpus+=("$cpu"); peaks+=("$peak")
done
median() { printf '%s\n' "$@" | sort -g | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
printf '%-6s %8s %8s %10s\n' median "$(median "${walls[@]}")" "$(median "${cpus[@]}")" "$(median "${peaks[@]}")"

#!/usr/bin/env bash
# Proves that the ND4J CPU backend resolves for every supported platform (one native jar each, never the
# all-platform bundle) and that the gpu profile resolves, and prints the download size per platform.
# Usage: .ci/resolve-platforms.sh [--gpu-redist]   (--gpu-redist also resolves the ~1.8 GB bundled CUDA)
set -euo pipefail
cd "$(dirname "$0")/.."
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

resolve() { # name, extra maven args...
  local name="$1"; shift
  ./mvnw -B -q -pl datasets dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile="$out/$name.cp" "$@" >"$out/$name.log" 2>&1 \
    || { echo "FAILED to resolve $name:"; tail -20 "$out/$name.log"; exit 1; }
  local total=0 native=0 f size
  for f in $(tr ':' '\n' <"$out/$name.cp"); do
    size=$(stat -c %s "$f")
    total=$((total + size))
    case "$(basename "$f")" in
      *-linux-*|*-macosx-*|*-windows-*) native=$((native + size)) ;;
    esac
  done
  printf '%-16s resolved  %4d jars  %7.1f MB total, %7.1f MB platform-specific\n' \
    "$name" "$(tr ':' '\n' <"$out/$name.cp" | wc -l)" "$(awk "BEGIN{print $total/1048576}")" "$(awk "BEGIN{print $native/1048576}")"
  if grep -qE -- '(nd4j-native|nd4j-cuda-11.6|openblas|javacpp|cuda)-platform' "$out/$name.cp"; then echo "  ERROR: an all-platform bundle slipped in"; exit 1; fi
  for other in linux-x86_64 linux-arm64 macosx-x86_64 macosx-arm64 windows-x86_64; do
    if [ "$name" != "$other" ] && [ "${name#gpu}" = "$name" ] && grep -q -- "-$other.jar" "$out/$name.cp"; then
      echo "  ERROR: $name pulled the native jar of $other"; exit 1
    fi
  done
}

for platform in linux-x86_64 linux-arm64 macosx-x86_64 macosx-arm64 windows-x86_64; do
  resolve "$platform" -Djavacpp.platform="$platform" -P "os-$platform"
done
resolve gpu-linux -Pgpu -Djavacpp.platform=linux-x86_64
resolve gpu-windows -Pgpu -Djavacpp.platform=windows-x86_64 -P os-windows-x86_64
# With the gpu profile on a machine without a usable GPU, the run must fall back to the CPU and say so in one line.
if [ -d datasets/target/classes/backproplab/runtime ] && ! command -v nvidia-smi >/dev/null 2>&1; then
  java -cp "datasets/target/classes:$(cat "$out/gpu-linux.cp")" backproplab.runtime.Backend >"$out/fallback.out" 2>&1
  cat "$out/fallback.out"
  if [ "$(wc -l <"$out/fallback.out")" -ne 2 ] || ! grep -q "running on the CPU instead" "$out/fallback.out" \
      || ! grep -q "^ND4J backend CPU" "$out/fallback.out"; then
    echo "ERROR: the GPU fallback did not say so in exactly one line"; exit 1
  fi
  echo "gpu fallback: one line, then the CPU backend"
fi
if [ "${1:-}" = "--gpu-redist" ]; then
  resolve gpu-redist -Pgpu,gpu-redist -Djavacpp.platform=linux-x86_64
fi
echo "all platforms resolved"

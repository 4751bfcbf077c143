#!/usr/bin/env bash
# Prints a CSV gradebook (submission,score,max_score,percent) from the reports that grade-all.sh wrote:
# one line per <reports>/<name>/results.json, sorted by name. Needs jq (preinstalled on GitHub's runners).
#
# Usage: .github/scripts/gradebook.sh <reports>
set -euo pipefail
reports="${1:?usage: gradebook.sh <reports>}"

echo "submission,score,max_score,percent"
find "$reports" -mindepth 2 -maxdepth 2 -name results.json | sort | while read -r results; do
  name="$(basename "$(dirname "$results")")"
  jq -r --arg name "$name" \
    '([.tests[]?.max_score] | add // 0) as $max
     | [$name, .score, $max, (if $max > 0 then (.score * 10000 / $max | round) / 100 else 0 end)]
     | @csv' "$results"
done

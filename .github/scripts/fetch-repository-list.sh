#!/usr/bin/env bash
# Fetches the list of student repositories for `grader batch --repos`: an https URL is downloaded (with GH_TOKEN,
# when set, for a private file on GitHub), a file of the course repository is used as it is. The list has one
# "id url" per line; "#" starts a comment. Checks that every line has that form and prints the file to pass.
#
# Usage: .github/scripts/fetch-repository-list.sh <url-or-file> <dest>
set -euo pipefail

source="${1:?usage: fetch-repository-list.sh <url-or-file> <dest>}"
dest="${2:?dest file missing}"

case "$source" in
  https://*|http://*)
    headers=(-H "Accept: application/octet-stream")
    if [ -n "${GH_TOKEN:-}" ]; then
      headers+=(-H "Authorization: Bearer $GH_TOKEN")
    fi
    curl -fsSL --retry 3 "${headers[@]}" -o "$dest" "$source"
    ;;
  *)
    [ -f "$source" ] || { echo "No file $source and not an http(s) URL" >&2; exit 2; }
    cp "$source" "$dest"
    ;;
esac

# A bad line is reported here, with its number, before any shard starts cloning.
bad=$(awk '{ sub(/#.*/, "") } NF == 0 { next } NF != 2 || $1 !~ /^[A-Za-z0-9._-]+$/ { print NR ": " $0 }' "$dest")
if [ -n "$bad" ]; then
  echo "Lines of $source that are not 'id url' (the id a plain folder name):" >&2
  echo "$bad" >&2
  exit 2
fi
echo "$dest"

#!/usr/bin/env bash
# Fetches a class's submissions for grader batch: an https URL of a .zip or .tar.gz (a release asset, an artifact's
# download URL, any file server) is downloaded and unpacked into <dest>; a folder is used as it is. The archive holds
# one entry (folder or zip) per student, at its top level or inside one wrapping folder. Prints the folder to grade.
# With GH_TOKEN set, the download sends it (for private release assets and artifacts on GitHub).
#
# Usage: .github/scripts/fetch-submissions.sh <url-or-folder> <dest>
set -euo pipefail

source="${1:?usage: fetch-submissions.sh <url-or-folder> <dest>}"
dest="${2:?dest folder missing}"

case "$source" in
  https://*|http://*)
    mkdir -p "$dest"
    archive="$(mktemp)"
    headers=(-H "Accept: application/octet-stream")
    if [ -n "${GH_TOKEN:-}" ]; then
      headers+=(-H "Authorization: Bearer $GH_TOKEN")
    fi
    curl -fsSL --retry 3 "${headers[@]}" -o "$archive" "$source"
    if unzip -tq "$archive" >/dev/null 2>&1; then
      unzip -q "$archive" -d "$dest"
    else
      tar -xzf "$archive" -C "$dest"
    fi
    rm -f "$archive"
    folder="$dest"
    # One wrapping folder (submissions/ with the students inside, not a student's own module) is looked through.
    entries=("$folder"/*)
    if [ "${#entries[@]}" -eq 1 ] && [ -d "${entries[0]}" ] && [ ! -e "${entries[0]}/src" ] && [ ! -e "${entries[0]}/exercises" ]; then
      folder="${entries[0]}"
    fi
    echo "$folder"
    ;;
  *)
    [ -d "$source" ] || { echo "No folder $source and not an http(s) URL" >&2; exit 2; }
    echo "$source"
    ;;
esac

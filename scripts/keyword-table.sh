#!/usr/bin/env bash
# The keyword table docs/SEGMENTATION.md quotes: the top 20 keywords of each sample report
# and, for each TERM given, its rank among the sample's candidates ("-" when it is none).
# Run after `swift build`; BIN overrides the binaries' directory (default .build/debug) and
# REPORTD_CONFIG_DIR the dictionaries' (default the repository's Config).
#   scripts/keyword-table.sh 长城 生态涵养
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
bin="${BIN:-$root/.build/debug}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

for sample in "$root"/Tests/Fixtures/corpus/[0-9]*.txt; do
    number="$(basename "$sample" | cut -d_ -f1)"
    "$bin/report-parser" parse "$sample" > "$work/$number.json"
    "$bin/report-summarizer" keyword-ranks "$work/$number.json" > "$work/$number.ranks"
    echo "$number: $(head -20 "$work/$number.ranks" | cut -d' ' -f2 | paste -sd' ')"
    if (($#)); then
        ranks=()
        for term in "$@"; do
            ranks+=("$term $(awk -v term="$term" '$2 == term { print $1; found = 1; exit } END { if (!found) print "-" }' "$work/$number.ranks")")
        done
        echo "$number ranks: $(IFS=,; echo "${ranks[*]}" | sed 's/,/, /g')"
    fi
done

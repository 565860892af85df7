#!/usr/bin/env bash
# Builds the libFuzzer harnesses in Fuzz/ (ASan + libFuzzer, release) and runs each for
# FUZZ_SECONDS (default 60). Seeds come from Fuzz/corpus, and Fuzz/corpus-wire for fuzz-wire (read only); inputs libFuzzer finds
# interesting go to .build/fuzz-corpus/<harness>, crashes and hangs to Fuzz/artifacts/.
# FUZZ_TARGETS="fuzz-text" runs only the named harnesses.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${FUZZ_SECONDS:-60}"
targets="${FUZZ_TARGETS:-fuzz-text fuzz-parser fuzz-wire}"
swift="${SWIFT:-swift}"

# lld: gold fails on the sanitized objects ("internal error in format_file_lineno").
flags=(--package-path Fuzz -c release -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld)
"$swift" build "${flags[@]}"
bin="$("$swift" build "${flags[@]}" --show-bin-path)"

mkdir -p Fuzz/artifacts
status=0
for target in $targets; do
    work=".build/fuzz-corpus/$target"
    mkdir -p "$work"
    echo "== $target for ${seconds} s"
    # -timeout: one input taking over 10 s is a finding (a hang), like a crash.
    seeds=Fuzz/corpus
    # The wire readers start from JSON documents, the others from report text.
    [ "$target" = fuzz-wire ] && seeds=Fuzz/corpus-wire
    "$bin/$target" "$work" "$seeds" -max_total_time="$seconds" -max_len=16384 -timeout=10 \
        -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="Fuzz/artifacts/$target-" || status=$?
done
exit "$status"

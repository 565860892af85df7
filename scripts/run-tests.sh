#!/usr/bin/env bash
# Runs `swift test` and ends with one plain line that counts XCTest and Swift Testing
# results together: swift test prints a summary per library, and the last one only
# covers Swift Testing, which reads "0 tests" when every test is an XCTestCase.
set -uo pipefail

log="$(mktemp)"
trap 'rm -f "$log"' EXIT

"${SWIFT:-swift}" test "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

count() { grep -cE "$1" "$log" || true; }
xctest_passed=$(count "^Test Case '.*' passed \(")
xctest_failed=$(count "^Test Case '.*' failed \(")
xctest_skipped=$(count "^Test Case '.*' skipped \(")
# Swift Testing: one line per test function; the "Test run with" line is the total, not a test.
testing_passed=$(( $(count '^✔ Test .* passed after') - $(count '^✔ Test run with') ))
testing_failed=$(( $(count '^✘ Test .* failed after') - $(count '^✘ Test run with') ))
testing_skipped=$(count '^➜ Test .* skipped')

echo "tests: $((xctest_passed + testing_passed)) passed, $((xctest_failed + testing_failed)) failed, $((xctest_skipped + testing_skipped)) skipped"
exit "$status"

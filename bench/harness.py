"""Runs one of the ordo-one/benchmark executables of Benchmarks/ and collects its figures.

Started directly (not through `swift package benchmark`), an executable runs every benchmark it
holds, in order, in the harness's "debug" mode: the harness's histograms go to stdout, kept in a
log file here; the benchmarks' own lines go to stderr, where `bench-figure<TAB>key<TAB>value`
lines carry the figures (BenchmarkSupport/BenchmarkFigures.swift) and the rest are shown as
progress. In that mode a failing benchmark ends the executable quietly, so a figure that is
missing is what tells a failure here.
"""
import os
import subprocess

from progress import log

FIGURE_PREFIX = "bench-figure\t"


class HarnessFailure(Exception):
    pass


def run(executable, log_path, expected, environment=None):
    """Runs `executable`, returns {key: value}; fails when it exits non-zero or a key of
    `expected` is missing. stdout goes to `log_path`, which the failure names."""
    figures = {}
    with open(log_path, "w") as log_file:
        process = subprocess.Popen([executable], stdout=log_file, stderr=subprocess.PIPE, text=True,
                                   env={**os.environ, **(environment or {})})
        for line in process.stderr:
            line = line.rstrip("\n")
            if line.startswith(FIGURE_PREFIX):
                key, value = line[len(FIGURE_PREFIX):].split("\t")
                figures[key] = float(value)
            elif line:
                log(f"  {line}")
                log_file.write(line + "\n")
        status = process.wait()
    name = os.path.basename(executable)
    if status != 0:
        raise HarnessFailure(f"{name} exited with status {status} (its output: {log_path})")
    missing = [key for key in expected if key not in figures]
    if missing:
        raise HarnessFailure(f"{name} did not report {', '.join(missing)}: a benchmark failed "
                             f"(its output: {log_path})")
    return figures

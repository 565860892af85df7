#!/usr/bin/env python3
"""Issue 5's figures in one table: segmenter MB/s beside Python jieba's, index build rate and size, query latency, summarizer CPU per report.

Each run starts the release micro-benchmark executables of Benchmarks/ (ordo-one/benchmark) in
turn: the segmenter on the five samples, then Python jieba on the same samples in this process,
then the search benchmarks (a fresh index of 10,000 report variants, then queries on it, quiet
and while another thread indexes), then the summarizer. `make bench-text` builds them and runs
this; `make bench` runs it after issue 7's table. bench/README.md says what each figure means.
"""
import sys
sys.dont_write_bytecode = True  # keep the repository free of __pycache__ folders

import argparse
import json
import os
import shutil
import tempfile
import textwrap
import time

import harness
from jieba_reference import JiebaReference
from progress import log
from reports import load_corpus
from stats import Target, table

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# Each executable, and the figures it must report for a run to count.
EXPECTED = {
    "SegmentationBenchmarks": ["segmenter.bytes", "segmenter.mb_per_s.median", "segmenter.mb_per_cpu_s.median"],
    "SearchBenchmarks": ["index.reports", "index.text_mb", "index.mb_per_s", "index.size_ratio", "index.size_mb",
                         "index.cpu_ms_per_report"]
                        + [f"query.{case}.{clock}.{rank}" for case in ("quiet", "loaded")
                           for clock in ("wall_ms", "cpu_ms") for rank in ("p50", "p99")]
                        + ["query.quiet.queries", "query.loaded.queries", "query.loaded.ingest_reports_per_s"],
    "SummarizingBenchmarks": ["summarizer.summarize.cpu_ms.mean", "summarizer.job.cpu_ms.mean"],
}
TEXTRANK4ZH_MS = 2000  # issue 5: "Python's textrank4zh needs about 2 s a report here"


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build-dir", default=os.path.join(REPO_ROOT, "Benchmarks/.build/release"),
                        help="folder holding the benchmark executables (make bench-text builds them)")
    parser.add_argument("--corpus", default=os.path.join(REPO_ROOT, "Tests/Fixtures/corpus"))
    parser.add_argument("--runs", type=int, default=3, help="repeat everything this many times (default 3)")
    parser.add_argument("--reports", type=int, default=10_000,
                        help="report variants in the index the search figures are measured on (default 10000)")
    parser.add_argument("--jieba-seconds", type=float, default=5,
                        help="seconds of jieba passes a run, as long as the segmenter benchmark (default 5)")
    parser.add_argument("--json", metavar="FILE", help="also write the figures of every run to FILE")
    parser.add_argument("--keep", action="store_true", help="keep the benchmarks' output logs")
    arguments = parser.parse_args()
    if min(arguments.runs, arguments.reports) < 1 or arguments.jieba_seconds <= 0:
        parser.error("--runs and --reports must be at least 1, --jieba-seconds above 0")
    arguments.build_dir = os.path.abspath(arguments.build_dir)
    for executable in EXPECTED:
        if not os.access(os.path.join(arguments.build_dir, executable), os.X_OK):
            parser.error(f"{executable} is not built in {arguments.build_dir}: run `make bench-text`")
    return arguments


def one_run(arguments, run_index, texts, jieba, log_directory):
    figures = {"load average": os.getloadavg()[0]}
    for executable in EXPECTED:
        log(f"run {run_index + 1}: {executable}")
        figures.update(harness.run(os.path.join(arguments.build_dir, executable),
                                   os.path.join(log_directory, f"{executable}-{run_index + 1}.log"),
                                   EXPECTED[executable], {"REPORTD_BENCH_REPORTS": str(arguments.reports)}))
        if executable == "SegmentationBenchmarks":
            # Right after the segmenter, so both see the same machine.
            log(f"run {run_index + 1}: Python jieba on the same samples")
            figures["jieba.mb_per_s"], figures["jieba.mb_per_cpu_s"], passes = \
                jieba.megabytes_per_second(texts, arguments.jieba_seconds)
            log(f"  jieba: {figures['jieba.mb_per_s']:.2f} MB/s, {figures['jieba.mb_per_cpu_s']:.2f} MB per CPU second "
                f"(medians of {passes} passes)")
    figures["segmenter.jieba_ratio"] = figures["segmenter.mb_per_cpu_s.median"] / figures["jieba.mb_per_cpu_s"]
    figures["summarizer.reports_per_s"] = 1000 / figures["summarizer.summarize.cpu_ms.mean"]
    return figures


def rows(arguments, runs):
    """The table: each figure of issue 5 with its aim, and beside them the figures that explain them."""
    def values(key):
        return [figures[key] for figures in runs if key in figures]
    first = runs[0]
    reports = f"{arguments.reports:,}"
    return [
        (f"segmenter, five samples, {first['segmenter.bytes'] / 1000:.0f} KB (MB/s)",
         values("segmenter.mb_per_s.median"), Target("≥", 10)),
        ("segmenter, per second of thread CPU (MB/s)", values("segmenter.mb_per_cpu_s.median"), None),
        ("Python jieba.cut, same samples, same run (MB/s)", values("jieba.mb_per_s"), None,
         "reference (issue 5: about 0.7)"),
        ("Python jieba.cut, per second of thread CPU (MB/s)", values("jieba.mb_per_cpu_s"), None),
        ("segmenter ÷ jieba, by CPU time (×)", values("segmenter.jieba_ratio"), None),
        (f"index build, {reports} variants, {first['index.text_mb']:.0f} MB of text (MB/s)",
         values("index.mb_per_s"), None),
        ("index size ÷ text (×)", values("index.size_ratio"), Target("≤", 2)),
        ("index size (MB)", values("index.size_mb"), None),
        ("index call CPU per report (ms)", values("index.cpu_ms_per_report"), None),
        (f"query p50, {reports} reports, quiet, wall (ms)", values("query.quiet.wall_ms.p50"), None),
        (f"query p99, {reports} reports, quiet, wall (ms)", values("query.quiet.wall_ms.p99"), Target("<", 10)),
        ("query p50, quiet, thread CPU (ms)", values("query.quiet.cpu_ms.p50"), None),
        ("query p99, quiet, thread CPU (ms)", values("query.quiet.cpu_ms.p99"), Target("<", 10)),
        ("query p50 while another thread indexes, wall (ms)", values("query.loaded.wall_ms.p50"), None),
        ("query p99 while another thread indexes, wall (ms)", values("query.loaded.wall_ms.p99"), None,
         "information (issue 7: < 10)"),
        ("query p50 while indexing, thread CPU (ms)", values("query.loaded.cpu_ms.p50"), None),
        ("query p99 while indexing, thread CPU (ms)", values("query.loaded.cpu_ms.p99"), None),
        ("reports indexed meanwhile (reports/s)", values("query.loaded.ingest_reports_per_s"), None),
        ("summarize one report, thread CPU (ms, mean)", values("summarizer.summarize.cpu_ms.mean"), Target("<", 20),
         f"textrank4zh: about {TEXTRANK4ZH_MS} (issue 5, not measured)"),
        ("summarizer reports/s per core", values("summarizer.reports_per_s"), Target("≥", 1000 / 20)),
        ("summarizer job: decode + summarize + encode, CPU (ms)", values("summarizer.job.cpu_ms.mean"), None),
        ("load average (1 min) at the start of the run", values("load average"), None),
    ]


def method(arguments, runs):
    """How each figure was measured, printed under the table."""
    first = runs[0]

    def counts(key):
        low, high = min(figures[key] for figures in runs), max(figures[key] for figures in runs)
        return f"{low:,.0f}" if low == high else f"{low:,.0f}–{high:,.0f}"
    paragraphs = [
        "How these were measured (release builds, min / median / max over the runs; MB = 10⁶ bytes):",
        f"- segmenter: Segmenter.tokens over the five samples ({first['segmenter.bytes']:,.0f} bytes of UTF-8) with jieba's "
        "dictionary, Config/dict/domain.txt and the HMM, one thread, passes repeated for 5 s; the run's figure is the "
        f"median pass. jieba: jieba.cut (default dictionary, HMM) over the same texts in Python, {arguments.jieba_seconds:g} s "
        "of passes right after, median pass. Loading the dictionaries is timed in neither. Each by the wall clock "
        "and per second of the thread's CPU time; the ratio is by CPU time, which the machine's load moves least.",
        f"- index: a fresh index of {arguments.reports:,} distinct report variants (Benchmarks/BenchmarkSupport/"
        "ReportVariants) in every run; only the SearchIndex.index calls are timed (one transaction each, WAL). "
        "Build rate = paragraph text ÷ those seconds; size = the file once the last connection closed ÷ the same text.",
        f"- query: 18 fixed terms of 2, 3 and 4+ characters in turn, top 10 with snippets, one thread, on that run's "
        f"index ({counts('query.quiet.queries')} queries a run); nearest-rank p50 / p99 of each query's wall-clock and "
        "thread CPU time (CPU leaves out waiting for a core). While indexing: the same, while another thread "
        f"re-indexes 200 variants in turn into the same file through its own connections ({counts('query.loaded.queries')} queries).",
        "- summarizer: Summarizer.summarize on the five samples in turn for 10 s; thread CPU time "
        "(CLOCK_THREAD_CPUTIME_ID) per report, mean; reports/s per core = 1000 ÷ that. The job row adds the "
        "worker's JSON decode of the DocumentInput and encode of the SummaryResult. textrank4zh is not installed: "
        "its 2 s a report is the issue's figure.",
    ]
    return "\n".join(textwrap.fill(paragraph, width=110, subsequent_indent="  ") for paragraph in paragraphs)


def main():
    arguments = parse_arguments()
    texts = load_corpus(arguments.corpus)
    jieba = JiebaReference()
    log(f"issue 5 text benchmark, {arguments.runs} run(s), search on {arguments.reports} report variants")
    log_directory = tempfile.mkdtemp(prefix="reportd-bench-text-")
    started = time.monotonic()
    runs = []
    try:
        for run_index in range(arguments.runs):
            run_started = time.monotonic()
            runs.append(one_run(arguments, run_index, texts, jieba, log_directory))
            log(f"run {run_index + 1}/{arguments.runs} finished in {time.monotonic() - run_started:.0f} s")
    except harness.HarnessFailure as failure:
        raise SystemExit(f"run {len(runs) + 1}: {failure}")
    if arguments.keep:
        log(f"the benchmarks' output is in {log_directory}")
    else:
        shutil.rmtree(log_directory, ignore_errors=True)
    log(f"{arguments.runs} run(s) in {time.monotonic() - started:.0f} s")

    print()
    print("Issue 5: the segmenter, the search index and the summarizer (micro-benchmarks, release)")
    print(table(rows(arguments, runs)))
    print()
    print(method(arguments, runs))
    if arguments.json:
        with open(arguments.json, "w") as output:
            json.dump({"arguments": vars(arguments), "runs": runs}, output, indent=2)


if __name__ == "__main__":
    main()

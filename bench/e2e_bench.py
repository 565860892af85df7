#!/usr/bin/env python3
"""End-to-end benchmark of reportd against issue 7's targets: throughput, latency, memory, start-up, search.

Each run starts the release reportd with the repository's Config (so the default plugin
instances) on fresh temporary directories and, in order: drops a backlog of distinct reports at
once and lets it drain (the daemon's peak RSS), drops a burst while searches go through the
control socket (throughput, search times), drops single reports into the idle daemon (latency),
stops it, and times a start on a store of many finished reports (exec → READY=1). `make bench`
runs it; bench/README.md says what each figure means.
"""
import sys
sys.dont_write_bytecode = True  # keep the repository free of __pycache__ folders

import argparse
import json
import os
import shutil
import tempfile
import time

try:
    import zmq
except ImportError:
    sys.exit("python3-zmq is missing: run scripts/install-deps.sh, and use Debian's /usr/bin/python3")

import large_store
from daemon import Daemon, DaemonError
from feed import FeedRecorder
from memory import MemorySampler
from phases import BenchFailure, await_final, backlog_phase, burst_phase, idle_phase
from progress import log
from reports import drop, load_corpus, make_reports
from startup import time_start_up
from stats import Target, percentile, table

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BYTES_PER_MB = 1_000_000
WORKERS = ("report-parser", "report-indexer", "report-summarizer")


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build-dir", default=os.path.join(REPO_ROOT, ".build/release"),
                        help="folder holding reportd and the plugin executables")
    parser.add_argument("--config", default=os.path.join(REPO_ROOT, "Config/reportd.toml"))
    parser.add_argument("--corpus", default=os.path.join(REPO_ROOT, "Tests/Fixtures/corpus"))
    parser.add_argument("--runs", type=int, default=3, help="repeat everything this many times (default 3)")
    parser.add_argument("--backlog", type=int, default=10_000,
                        help="reports dropped at once and drained first: memory figure, and the index searched (default 10000)")
    parser.add_argument("--burst", type=int, default=2_000, help="reports in the throughput burst (default 2000)")
    parser.add_argument("--idle", type=int, default=200, help="single drops into the idle daemon (default 200)")
    parser.add_argument("--startup-reports", type=int, default=100_000,
                        help="finished reports in the store the start-up is timed on (default 100000)")
    parser.add_argument("--search-interval", type=float, default=0.05,
                        help="seconds between searches sent during the burst (default 0.05)")
    parser.add_argument("--ready-timeout", type=float, default=60, help="seconds for reportd to start")
    parser.add_argument("--timeout", type=float, default=1800, help="seconds for a phase to finish")
    parser.add_argument("--json", metavar="FILE", help="also write the figures of every run to FILE")
    parser.add_argument("--keep", action="store_true", help="keep the temporary directories for inspection")
    arguments = parser.parse_args()
    if min(arguments.runs, arguments.backlog, arguments.burst, arguments.idle, arguments.startup_reports) < 1:
        parser.error("--runs, --backlog, --burst, --idle and --startup-reports must be at least 1")
    # The daemon runs from the repository root; paths given relative to here must still hold.
    arguments.build_dir = os.path.abspath(arguments.build_dir)
    arguments.config = os.path.abspath(arguments.config)
    if not os.access(executable(arguments), os.X_OK):
        parser.error(f"{executable(arguments)} is not built: run `make release` (or `swift build -c release`)")
    if not os.path.isfile(arguments.config):
        parser.error(f"{arguments.config} does not exist")
    return arguments


def executable(arguments):
    return os.path.join(arguments.build_dir, "reportd")


def pipeline_run(arguments, corpus, run_index, workdir):
    """Backlog, burst with searches, idle drops on one daemon; returns its figures and its data dir."""
    daemon = Daemon(executable(arguments), arguments.config, workdir, REPO_ROOT)
    context = zmq.Context()
    feed = sampler = None
    seed = f"{int(time.time())}-{run_index}"
    try:
        daemon.start()
        daemon.wait_ready(context, arguments.ready_timeout)
        feed = FeedRecorder(context, daemon.feed)
        feed.start()
        sampler = MemorySampler(daemon.pid)
        sampler.start()

        # The first report also waits for the subscription and the workers to come up.
        warmup = make_reports(corpus, 1, "warmup", seed)
        drop(warmup[0], daemon.staging, daemon.inbox)
        await_final(feed, warmup, arguments.ready_timeout + arguments.timeout, "warm-up")

        log(f"run {run_index + 1}: backlog of {arguments.backlog}")
        backlog_rate, daemon_peak = backlog_phase(daemon, feed, make_reports(corpus, arguments.backlog, "backlog", seed),
                                                  arguments.timeout)
        log(f"run {run_index + 1}: burst of {arguments.burst} with searches")
        burst_rate, burst, searches = burst_phase(daemon, context, feed, make_reports(corpus, arguments.burst, "burst", seed),
                                                  arguments.timeout, arguments.search_interval)
        log(f"run {run_index + 1}: {arguments.idle} idle drops")
        idle = idle_phase(daemon, feed, make_reports(corpus, arguments.idle, "idle", seed), arguments.timeout)

        sampler.stop()
        feed.stop()
        if feed.problems:
            raise BenchFailure("malformed feed messages: " + "; ".join(feed.problems[:3]))
        daemon.stop(timeout=60)
    except (DaemonError, BenchFailure) as error:
        daemon.kill()
        raise SystemExit(f"run {run_index + 1}: {error}\n(files kept in {workdir})")
    finally:
        if sampler:
            sampler.stop()
        if feed:
            feed.stop()
        daemon.kill()
        context.term()

    figures = {
        "throughput": burst_rate,
        "idle p50": percentile(idle, 0.50) * 1000,
        "idle p99": percentile(idle, 0.99) * 1000,
        "reportd backlog RSS": daemon_peak * 1024 / BYTES_PER_MB,
        "search p50": percentile(searches, 0.50) * 1000,
        "search p99": percentile(searches, 0.99) * 1000,
        "searches": len(searches),
        "backlog throughput": backlog_rate,
        "burst p50": percentile(burst, 0.50) * 1000,
        "burst p99": percentile(burst, 0.99) * 1000,
        "all processes RSS": sampler.peak_total_rss * 1024 / BYTES_PER_MB,
    }
    for name, peak in sampler.peak_by_name.items():
        figures[f"{name} RSS"] = peak * 1024 / BYTES_PER_MB
    # Where the time goes: CPU seconds per process over the whole run, per report processed.
    processed = 1 + arguments.backlog + arguments.burst + arguments.idle
    for name, seconds in sampler.cpu_by_name().items():
        figures[f"{name} CPU"] = seconds * 1000 / processed
    return figures, daemon.data_dir


def start_up_store(arguments, seed_data_dir, directory):
    """The large store is made once, from the first run's store, and shared by every run."""
    data_dir = os.path.join(directory, "data")
    os.makedirs(data_dir, exist_ok=True)
    started = time.monotonic()
    reports, events = large_store.build(os.path.join(seed_data_dir, "state.sqlite"),
                                        os.path.join(data_dir, "state.sqlite"), arguments.startup_reports)
    size = os.path.getsize(os.path.join(data_dir, "state.sqlite"))
    log(f"start-up store: {reports} reports, {events} events, {size / 1e9:.1f} GB, made in {time.monotonic() - started:.0f} s")
    return data_dir


def rows(arguments, runs):
    """The table: issue 7's targets first, then the figures that say where the time goes."""
    def values(key):
        return [figures[key] for figures in runs if key in figures]
    backlog = f"{arguments.backlog:,}"
    listed = [
        (f"throughput, {arguments.burst:,}-report burst (reports/s)", values("throughput"), Target("≥", 100)),
        (f"latency idle, rename → report.done p50 (ms, {arguments.idle} drops)", values("idle p50"), Target("<", 20)),
        (f"latency idle, rename → report.done p99 (ms, {arguments.idle} drops)", values("idle p99"), Target("<", 100)),
        (f"reportd peak RSS, {backlog}-report backlog (MB)", values("reportd backlog RSS"), Target("<", 150)),
    ]
    listed += [(f"{worker} peak RSS, per process (MB)", values(f"{worker} RSS"), Target("<", 300)) for worker in WORKERS]
    listed += [
        (f"start-up exec → READY=1, {arguments.startup_reports:,} reports (ms)", values("start-up"), Target("<", 1000)),
        (f"search p99 on {backlog}+ reports while ingesting (ms)", values("search p99"), Target("<", 10)),
        (f"first report after start-up, {arguments.startup_reports:,} reports: rename → done (ms)",
         values("first after start-up"), None),
        (f"reportd peak RSS after that report, {arguments.startup_reports:,} reports (MB)",
         values("reportd RSS after start-up"), None),
        ("search p50 while ingesting (ms)", values("search p50"), None),
        ("searches answered during the burst", values("searches"), None),
        (f"throughput, {backlog}-report backlog drained (reports/s)", values("backlog throughput"), None),
        ("burst rename → report.done p50 (ms)", values("burst p50"), None),
        ("burst rename → report.done p99 (ms)", values("burst p99"), None),
        ("all processes together, peak RSS (MB)", values("all processes RSS"), None),
    ]
    for name in ("reportd",) + WORKERS:
        listed.append((f"{name} CPU per report (ms)", values(f"{name} CPU"), None))
    return listed


def main():
    arguments = parse_arguments()
    corpus = load_corpus(arguments.corpus)
    log(f"reportd benchmark, {arguments.runs} run(s): backlog {arguments.backlog}, burst {arguments.burst} with a search "
        f"every {arguments.search_interval * 1000:.0f} ms, {arguments.idle} idle drops, start-up on "
        f"{arguments.startup_reports} reports")
    runs = []
    startup_directory = tempfile.mkdtemp(prefix="reportd-bench-startup-")
    startup_data = None
    try:
        for run_index in range(arguments.runs):
            started = time.monotonic()
            workdir = tempfile.mkdtemp(prefix="reportd-bench-")
            figures, data_dir = pipeline_run(arguments, corpus, run_index, workdir)
            if startup_data is None:
                startup_data = start_up_store(arguments, data_dir, startup_directory)
            if not arguments.keep:
                shutil.rmtree(workdir, ignore_errors=True)
            context = zmq.Context()
            try:
                first = make_reports(corpus, 1, "after-start", f"{int(time.time())}-{run_index}")[0]
                ready, first_done, peak = time_start_up(executable(arguments), arguments.config, startup_directory, REPO_ROOT,
                                                  startup_data, context, first, arguments.ready_timeout)
                figures["start-up"] = ready * 1000
                figures["first after start-up"] = first_done * 1000
                if peak:
                    figures["reportd RSS after start-up"] = peak * 1024 / BYTES_PER_MB
            except DaemonError as error:
                raise SystemExit(f"run {run_index + 1}, start-up: {error}\n(files kept in {startup_directory})")
            finally:
                context.term()
            runs.append(figures)
            log(f"run {run_index + 1}/{arguments.runs} finished in {time.monotonic() - started:.0f} s")
    finally:
        if not arguments.keep:
            shutil.rmtree(startup_directory, ignore_errors=True)

    print()
    print("Issue 7: reportd end to end (the daemon and its default plugins, release)")
    print(table(rows(arguments, runs)))
    if arguments.json:
        with open(arguments.json, "w") as output:
            json.dump({"arguments": {key: value for key, value in vars(arguments).items()}, "runs": runs},
                      output, indent=2)


if __name__ == "__main__":
    main()

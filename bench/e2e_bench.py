#!/usr/bin/env python3
"""End-to-end benchmark of reportd: burst throughput, drop-to-done latency, idle latency, memory.

Starts the release reportd on a temporary inbox and data directory with the repository's
Config, subscribes to its feed, drops a burst of distinct reports at once, then single
reports into the idle daemon, and stops it with SIGTERM. `make bench` runs it;
`make bench BENCH_FLAGS="--runs 3"` repeats it and prints min/median/max per figure.
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

from daemon import Daemon, DaemonError
from feed import FeedRecorder
from memory import MemorySampler
from reports import drop, load_corpus, make_reports, publish, stage
from stats import percentile, table

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
KIB_PER_MIB = 1024


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build-dir", default=os.path.join(REPO_ROOT, ".build/release"),
                        help="folder holding reportd and the plugin executables")
    parser.add_argument("--config", default=os.path.join(REPO_ROOT, "Config/reportd.toml"))
    parser.add_argument("--corpus", default=os.path.join(REPO_ROOT, "Tests/Fixtures/corpus"))
    parser.add_argument("--reports", type=int, default=300, help="reports in the burst (default 300)")
    parser.add_argument("--idle", type=int, default=50, help="single drops into the idle daemon (default 50)")
    parser.add_argument("--runs", type=int, default=1, help="repeat everything this many times")
    parser.add_argument("--ready-timeout", type=float, default=60, help="seconds for reportd to answer status")
    parser.add_argument("--timeout", type=float, default=900, help="seconds for a phase to finish")
    parser.add_argument("--json", metavar="FILE", help="also write the figures of every run to FILE")
    parser.add_argument("--keep", action="store_true", help="keep the temporary directories for inspection")
    arguments = parser.parse_args()
    if arguments.reports < 1 or arguments.idle < 1 or arguments.runs < 1:
        parser.error("--reports, --idle and --runs must be at least 1")
    # The daemon runs from the repository root; paths given relative to here must still hold.
    arguments.build_dir = os.path.abspath(arguments.build_dir)
    arguments.config = os.path.abspath(arguments.config)
    executable = os.path.join(arguments.build_dir, "reportd")
    if not os.access(executable, os.X_OK):
        parser.error(f"{executable} is not built: run `make release` (or `swift build -c release`)")
    if not os.path.isfile(arguments.config):
        parser.error(f"{arguments.config} does not exist")
    return arguments


class BenchFailure(Exception):
    pass


def await_final(feed, reports, timeout, phase):
    missing = feed.wait_for([report.report_id for report in reports], timeout)
    if missing:
        raise BenchFailure(f"{phase}: {len(missing)} of {len(reports)} reports had no report.done or "
                           f"report.failed after {timeout:.0f} s (first: {missing[0]})")
    failed = [(report, feed.outcome(report.report_id)[2]) for report in reports
              if feed.outcome(report.report_id)[0] != "report.done"]
    if failed:
        report, envelope = failed[0]
        raise BenchFailure(f"{phase}: {len(failed)} reports failed; {report.name}: {json.dumps(envelope['data'], ensure_ascii=False)}")
    return [feed.outcome(report.report_id)[1] - report.dropped_at for report in reports]


def burst_phase(feed, reports, inbox, timeout):
    # Everything is written first, so the renames land in one burst like a batch copy would.
    hidden = [stage(report, inbox) for report in reports]
    for report, path in zip(reports, hidden):
        publish(report, path, inbox)
    latencies = await_final(feed, reports, timeout, "burst")
    first_drop = min(report.dropped_at for report in reports)
    last_done = max(feed.outcome(report.report_id)[1] for report in reports)
    return len(reports) / (last_done - first_drop), latencies


def idle_phase(feed, reports, inbox, timeout):
    latencies = []
    for report in reports:
        drop(report, inbox)
        latencies += await_final(feed, [report], timeout, "idle")
        time.sleep(0.05)  # let the daemon and workers go back to waiting
    return latencies


def run_once(arguments, corpus, run_index):
    workdir = tempfile.mkdtemp(prefix="reportd-bench-")
    daemon = Daemon(os.path.join(arguments.build_dir, "reportd"), arguments.config, workdir, REPO_ROOT)
    context = zmq.Context()
    feed = sampler = None
    seed = int(time.time_ns() % 1_000_000_007) + run_index
    try:
        daemon.start()
        daemon.wait_ready(context, arguments.ready_timeout)
        feed = FeedRecorder(context, daemon.feed)
        feed.start()
        sampler = MemorySampler(daemon.pid)
        sampler.start()

        # The first report also waits for the subscription and the workers to come up.
        warmup = make_reports(corpus, 1, "warmup", seed)
        drop(warmup[0], daemon.inbox)
        await_final(feed, warmup, arguments.ready_timeout + arguments.timeout, "warm-up")

        throughput, burst = burst_phase(feed, make_reports(corpus, arguments.reports, "burst", seed),
                                        daemon.inbox, arguments.timeout)
        idle = idle_phase(feed, make_reports(corpus, arguments.idle, "idle", seed), daemon.inbox, arguments.timeout)

        sampler.stop()
        memory = dict(sampler.peak_by_name)
        total_rss = sampler.peak_total_rss
        cpu = sampler.cpu_by_name()
        sampler = None
        feed.stop()
        if feed.problems:
            raise BenchFailure("malformed feed messages: " + "; ".join(feed.problems[:3]))
        feed = None
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

    if not arguments.keep:
        shutil.rmtree(workdir, ignore_errors=True)
    figures = {
        "burst throughput (reports/s)": throughput,
        "burst drop-to-done p50 (ms)": percentile(burst, 0.50) * 1000,
        "burst drop-to-done p99 (ms)": percentile(burst, 0.99) * 1000,
        "idle drop-to-done p50 (ms)": percentile(idle, 0.50) * 1000,
        "idle drop-to-done p99 (ms)": percentile(idle, 0.99) * 1000,
        "all processes peak RSS (MiB)": total_rss / KIB_PER_MIB,
    }
    for name in sorted(memory, key=lambda name: (name != "reportd", name)):
        figures[f"{name} peak RSS, VmHWM (MiB)"] = memory[name] / KIB_PER_MIB
    # Where the time goes: CPU seconds per process over the whole run, per report processed.
    processed = 1 + arguments.reports + arguments.idle
    for name in sorted(cpu, key=lambda name: (name != "reportd", name)):
        figures[f"{name} CPU per report (ms)"] = cpu[name] * 1000 / processed
    return figures


def main():
    arguments = parse_arguments()
    corpus = load_corpus(arguments.corpus)
    print(f"reportd benchmark: {arguments.reports} reports in a burst, {arguments.idle} single drops, "
          f"{arguments.runs} run(s), corpus of {len(corpus)} samples", flush=True)
    runs = []
    for run_index in range(arguments.runs):
        started = time.monotonic()
        runs.append(run_once(arguments, corpus, run_index))
        print(f"run {run_index + 1}/{arguments.runs} finished in {time.monotonic() - started:.1f} s", flush=True)

    # A worker that was not sampled in every run still gets its row, from the runs that saw it.
    names = list(dict.fromkeys(name for figures in runs for name in figures))
    collected = {name: [figures[name] for figures in runs if name in figures] for name in names}
    print()
    print(table(collected, arguments.runs))
    if arguments.json:
        with open(arguments.json, "w") as output:
            json.dump({"reports": arguments.reports, "idle": arguments.idle, "runs": runs}, output, indent=2)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Issue 15's targets: `track`, `series`, `compare` and `trend` p99 on a store of 100,000 reports, and
ingestion throughput with a query every 50 ms against ingestion alone.

A run has two parts.

1. Queries on a large store. A real reportd takes the State Council's four reports
   (Tests/Fixtures/real) and the five samples (Tests/Fixtures/corpus) to done: the seed, whose
   `report_facts` and `indicator_facts` rows the daemon wrote itself. `synthesize` copies the
   seed's store and adds --reports finished reports made from those rows: --reports / 12
   made-up districts (code 9xxxxx, 基准N区) with one report a year from 2014 to 2025, each
   report the facts of one seed report (in turn) moved to its year, its actual growth rates
   moved by up to ±1 point (SQLite's random()) so verdicts differ. Only the facts rows
   and the `reports` rows are made: the synthesized reports have no parsed document. `trend`,
   which counts in the search index, counts in an index of --reports report variants instead
   (Benchmarks/VariantIndex: the five samples under 16 districts and six years, their figures
   changed, as bench-text's search figures use), linked in as the daemon's index: built once,
   25–60 minutes for 100,000, and kept in Benchmarks/.build. `compare` reads the facts, and
   gives its first 1,000 regions and plan years (about a row each) of the --reports that state
   GDP. reportd restarts on that store and each query is sent --queries
   times, one at a time, on a DEALER socket as reportctl sends it, and timed from send to
   reply: `track 地区生产总值 --region R` and `series R` for a random district R,
   `track 地区生产总值 --level national`, `compare 地区生产总值`, and `trend`: five phrases asked
   again and again (the searcher keeps a phrase's counts and counts it again only in reports
   indexed since), and --queries phrases never asked before (runs of 2 to 5 ideographs taken
   through the samples), so both the kept and the first count are timed.
2. Ingestion with and without queries. Two fresh daemons with the default plugins each take
   --burst distinct reports dropped at once (made from the samples as bench/e2e_bench.py makes
   them); throughput is reports ÷ (last report.done − first rename). On the second, a thread
   sends `track` and `series` (alternately) every 50 ms while the reports are ingested.

Prints min / median / max over --runs. Standard library and pyzmq only.
"""
import argparse
import os
import random
import re
import socket
import sqlite3
import sys
import tempfile
import threading
import time
import shutil
import subprocess

import zmq

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from daemon import Daemon, DaemonError, ask  # noqa: E402
from feed import FeedRecorder  # noqa: E402
from phases import BenchFailure, await_final, throughput  # noqa: E402
from reports import Report, drop, drop_all, load_corpus, make_reports  # noqa: E402
from stats import Target, percentile, table  # noqa: E402

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NATIONAL = ["cn_national_2014.gbk.txt", "cn_national_2015.gbk.txt", "cn_national_2016.gbk.txt", "cn_national_2018.gbk.txt"]
YEARS = list(range(2014, 2026))
TREND_PHRASES = ["高质量发展", "就业", "冬奥", "新质生产力", "生态文明"]


def new_phrases(corpus, count):
    """`count` distinct runs of 2 to 5 ideographs taken at regular steps through the samples: phrases
    no `trend` has asked for yet, so none is counted from the searcher's kept counts."""
    text = "".join(corpus)
    phrases, seen, length, position = [], set(), 2, 0
    step = max(1, len(text) // (count * 2))
    while len(phrases) < count and position + length <= len(text):
        run = text[position:position + length]
        if all("\u4e00" <= character <= "\u9fff" for character in run) and run not in seen:
            seen.add(run)
            phrases.append(run)
            length = 2 if length == 5 else length + 1
        position += step
    return phrases


def log(text):
    print(f"analysis_bench: {text}", file=sys.stderr, flush=True)


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--build-dir", default=os.path.join(REPO_ROOT, ".build/release"))
    parser.add_argument("--config", default=os.path.join(REPO_ROOT, "Config/reportd.toml"))
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--reports", type=int, default=100_000, help="reports in the large store (default 100,000)")
    parser.add_argument("--queries", type=int, default=200, help="times each query is sent (default 200)")
    parser.add_argument("--burst", type=int, default=300, help="reports ingested with and without queries (default 300)")
    parser.add_argument("--query-interval", type=float, default=0.05, help="seconds between queries during ingestion")
    parser.add_argument("--timeout", type=float, default=1800)
    parser.add_argument("--cold-index", action="store_true",
                        help="do not read the index into the page cache before the queries")
    parser.add_argument("--variant-index", default=os.path.join(REPO_ROOT, "Benchmarks/.build/release/VariantIndex"),
                        help="the executable that builds the index `trend` counts over (`make bench-text-build`)")
    arguments = parser.parse_args()
    arguments.build_dir = os.path.abspath(arguments.build_dir)
    arguments.config = os.path.abspath(arguments.config)
    if not os.access(os.path.join(arguments.build_dir, "reportd"), os.X_OK):
        parser.error(f"{arguments.build_dir}/reportd is not built: `swift build -c release --product reportd` (and the plugins)")
    if not os.access(arguments.variant_index, os.X_OK):
        parser.error(f"{arguments.variant_index} is not built: `make bench-text-build`")
    return arguments


def variant_index(arguments):
    """The search index of --reports report variants, built when missing (its progress shown)."""
    log(f"the search index of {arguments.reports:,} report variants (built once, then kept)")
    result = subprocess.run([arguments.variant_index, str(arguments.reports)], stdout=subprocess.PIPE, text=True, check=True)
    return result.stdout.strip()


def read_through(path):
    """Reads a file once, so its pages are in the page cache, as a server's are for the index it
    answers from. Without it, `trend`'s first counts timed whatever part of the 8.4 GB index the
    kernel had kept since it was last read: 176 ms at p99 in one run, 896 in the next."""
    started = time.monotonic()
    with open(path, "rb") as file:
        while file.read(16 << 20):
            pass
    log(f"read {os.path.getsize(path) / 1e9:.1f} GB of index in {time.monotonic() - started:.0f} s")


def bench_config(shipped, directory):
    """The shipped configuration with its plugins, on a free metrics port: the machine's other
    daemons (and other benchmarks) may hold 9464."""
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    plugins = os.path.join(os.path.dirname(shipped), "plugins")
    text = open(shipped, encoding="utf-8").read()
    text = re.sub(r'^plugins_dir = .*$', f'plugins_dir = "{plugins}"', text, flags=re.M)
    text = re.sub(r'^address = "127\.0\.0\.1:9464"$', f'address = "127.0.0.1:{port}"', text, flags=re.M)
    path = os.path.join(directory, "reportd.toml")
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)
    return path


def seed_store(arguments, context, workdir):
    """The real reports through the real pipeline: the facts rows `synthesize` copies."""
    daemon = Daemon(os.path.join(arguments.build_dir, "reportd"), arguments.config, os.path.join(workdir, "seed"), REPO_ROOT)
    daemon.start()
    try:
        daemon.wait_ready(context, 120)
        files = [os.path.join(REPO_ROOT, "Tests/Fixtures/real", name) for name in NATIONAL]
        files += sorted(os.path.join(REPO_ROOT, "Tests/Fixtures/corpus", name)
                        for name in os.listdir(os.path.join(REPO_ROOT, "Tests/Fixtures/corpus")) if name.endswith(".txt"))
        daemon.take(context, [Report(os.path.basename(path), open(path, "rb").read()) for path in files], arguments.timeout)
    finally:
        daemon.stop(60)
    return os.path.join(daemon.data_dir, "state.sqlite")


def synthesize(seed_path, target_path, reports):
    """The seed's store plus `reports` made-up finished reports: facts rows moved to other districts
    and years. Made by SQL inside SQLite (INSERT … SELECT over a generated series), so 100,000
    reports take seconds rather than the minutes row-by-row inserts from Python took."""
    source = sqlite3.connect(seed_path)
    target = sqlite3.connect(target_path)
    source.backup(target)
    source.close()
    years = len(YEARS)
    target.executescript(f"""
        CREATE TEMP TABLE templates AS
            SELECT row_number() OVER (ORDER BY received_at, report_id) - 1 AS t, report_id, plan_year, metadata_fields,
                   figures, headline_figures
            FROM report_facts WHERE plan_year IS NOT NULL;
        CREATE TEMP TABLE synth AS
            WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < {reports})
            SELECT i, i / {years} AS district, {YEARS[0]} + i % {years} AS year,
                   (i / {years} + i % {years}) % (SELECT COUNT(*) FROM templates) AS t,
                   lower(hex(randomblob(32))) AS report_id,
                   strftime('%Y-%m-%dT%H:%M:%S', '2026-01-01', '+' || i || ' seconds') || '.000Z' AS received_at
            FROM n;
        BEGIN;
        INSERT INTO reports(id, file, size, state, received_at, finished_at)
            SELECT report_id, '基准' || district || '区' || year || '.txt', 1, 'done', received_at, received_at FROM synth;
        INSERT INTO report_facts(report_id, received_at, region_code, region_name, region_full, region_level,
                                 review_year, plan_year, near_duplicate_of, metadata_fields, figures, headline_figures, file)
            SELECT s.report_id, s.received_at, printf('9%05d', s.district), '基准' || s.district || '区',
                   '基准市基准' || s.district || '区', 'district', s.year - 1, s.year, NULL, tp.metadata_fields,
                   tp.figures, tp.headline_figures, '基准' || s.district || '区' || s.year || '.txt'
            FROM synth s JOIN templates tp ON tp.t = s.t;
        INSERT INTO indicator_facts(report_id, ordinal, name, key, kind, year, value, value_high, value_qualifier, unit,
                                    growth_pct, growth_pct_high, qualifier, direction, estimated, not_stated, source, headline,
                                    paragraph, char_start, char_end, evidence)
            SELECT s.report_id, f.ordinal, f.name, f.key, f.kind, f.year - tp.plan_year + s.year, f.value, f.value_high,
                   f.value_qualifier, f.unit,
                   CASE WHEN f.kind = 'actual' AND f.growth_pct IS NOT NULL
                        THEN round(f.growth_pct + (abs(random()) % 201 - 100) / 100.0, 1) ELSE f.growth_pct END,
                   f.growth_pct_high, f.qualifier, f.direction, f.estimated, f.not_stated, f.source, f.headline,
                   f.paragraph, f.char_start, f.char_end, f.evidence
            FROM synth s JOIN templates tp ON tp.t = s.t JOIN indicator_facts f ON f.report_id = tp.report_id;
        COMMIT;
        """)
    target.close()
    return (reports + years - 1) // years


def query_run(arguments, context, store, seed_dir, index, districts, workdir, rng, corpus):
    data_dir = os.path.join(workdir, "data")
    os.makedirs(os.path.join(data_dir, "index"))
    shutil.copy(store, os.path.join(data_dir, "state.sqlite"))
    # The keys come along from the seed; the search index is the variants' (SQLite follows the
    # link: its journal files go beside the index itself).
    for name in os.listdir(seed_dir):
        path = os.path.join(seed_dir, name)
        if os.path.isfile(path) and not name.startswith("state.sqlite") and not name.endswith(".sock"):
            shutil.copy(path, data_dir)
    os.symlink(index, os.path.join(data_dir, "index", "search.sqlite"))
    if not arguments.cold_index:
        read_through(index)
    daemon = Daemon(os.path.join(arguments.build_dir, "reportd"), arguments.config, workdir, REPO_ROOT, data_dir=data_dir)
    daemon.start()
    try:
        daemon.wait_ready(context, 300)
        daemon.wait_workers(context, 120)
        unasked = iter(new_phrases(corpus, arguments.queries))
        queries = {
            "track --region": lambda: {"command": "track", "indicator": "地区生产总值", "region": f"基准{rng.randrange(districts)}区"},
            "series": lambda: {"command": "series", "region": f"基准{rng.randrange(districts)}区"},
            "track --level national": lambda: {"command": "track", "indicator": "国内生产总值", "level": "national"},
            "compare (first 1,000 regions and years)": lambda: {"command": "compare", "indicator": "地区生产总值"},
            f"trend, 5 phrases asked again and again, {arguments.reports:,} indexed": lambda: {
                "command": "trend", "query": rng.choice(TREND_PHRASES), "by": rng.choice(["year", "region", "level"])},
            f"trend, a phrase never asked before, {arguments.reports:,} indexed": lambda: {
                "command": "trend", "query": next(unasked), "by": rng.choice(["year", "region", "level"])},
        }
        figures = {}
        for name, make in queries.items():
            times = []
            for _ in range(arguments.queries):
                elapsed, data = ask(context, daemon.control, make())
                if name.startswith("track --region") and len(data["rows"]) != len(YEARS):
                    raise BenchFailure(f"{name}: {len(data['rows'])} rows, expected one per year ({len(YEARS)})")
                if name.startswith("trend") and data["total"]["reports"] != arguments.reports:
                    raise BenchFailure(f"{name}: counted over {data['total']['reports']} reports, expected {arguments.reports}")
                times.append(elapsed)
            figures[f"{name} p50 (ms)"] = percentile(times, 0.50) * 1000
            figures[f"{name} p99 (ms)"] = percentile(times, 0.99) * 1000
        daemon.stop(60)
        return figures
    finally:
        daemon.kill()


class QueryLoad:
    """`track` and `series`, alternately, one at a time, a new one every `interval` seconds."""

    def __init__(self, context, endpoint, interval):
        self.context, self.endpoint, self.interval = context, endpoint, interval
        self.latencies, self.problems = [], []
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)

    def start(self):
        self.thread.start()

    def stop(self):
        self.stopping.set()
        self.thread.join()

    def _run(self):
        requests = [{"command": "track", "indicator": "地区生产总值"}, {"command": "series", "region": "门头沟区"}]
        sent = 0
        while not self.stopping.is_set():
            started = time.monotonic()
            try:
                elapsed, _ = ask(self.context, self.endpoint, requests[sent % 2], timeout=30)
                self.latencies.append(elapsed)
            except DaemonError as error:
                if "no done report" not in str(error):  # series before the first sample is done
                    self.problems.append(str(error))
            sent += 1
            self.stopping.wait(max(0, started + self.interval - time.monotonic()))


def ingestion_run(arguments, context, corpus, workdir, with_queries, seed):
    daemon = Daemon(os.path.join(arguments.build_dir, "reportd"), arguments.config, workdir, REPO_ROOT)
    feed = load = None
    daemon.start()
    try:
        daemon.wait_ready(context, 120)
        feed = FeedRecorder(context, daemon.feed)
        feed.start()
        warmup = make_reports(corpus, 1, "warmup", seed)
        drop(warmup[0], daemon.staging, daemon.inbox)
        await_final(feed, warmup, arguments.timeout, "warm-up")
        reports = make_reports(corpus, arguments.burst, "burst", seed)
        if with_queries:
            load = QueryLoad(context, daemon.control, arguments.query_interval)
            load.start()
        drop_all(reports, daemon.staging, daemon.inbox)
        await_final(feed, reports, arguments.timeout, "burst")
        if load:
            load.stop()
            if load.problems:
                raise BenchFailure(f"{len(load.problems)} queries failed; first: {load.problems[0]}")
        daemon.stop(60)
        return throughput(feed, reports), (load.latencies if load else [])
    finally:
        if load:
            load.stop()
        if feed:
            feed.stop()
        daemon.kill()


def main():
    arguments = parse_arguments()
    context = zmq.Context()
    corpus = load_corpus(os.path.join(REPO_ROOT, "Tests/Fixtures/corpus"))
    runs = []
    with tempfile.TemporaryDirectory(prefix="analysis-bench-") as workdir:
        arguments.config = bench_config(arguments.config, workdir)
        log("seed: the real reports through the pipeline")
        seed_path = seed_store(arguments, context, workdir)
        store = os.path.join(workdir, "large.sqlite")
        started = time.monotonic()
        districts = synthesize(seed_path, store, arguments.reports)
        log(f"{arguments.reports} reports synthesized in {time.monotonic() - started:.0f} s ({districts} districts)")
        index = variant_index(arguments)
        rng = random.Random(15)
        for run in range(arguments.runs):
            log(f"run {run + 1}: queries on {arguments.reports} reports")
            figures = query_run(arguments, context, store, os.path.dirname(seed_path), index, districts,
                                os.path.join(workdir, f"query-{run}"), rng, corpus)
            log(f"run {run + 1}: ingestion of {arguments.burst} alone")
            alone, _ = ingestion_run(arguments, context, corpus, os.path.join(workdir, f"alone-{run}"), False, f"{run}-a")
            log(f"run {run + 1}: ingestion of {arguments.burst} with a query every {arguments.query_interval * 1000:.0f} ms")
            loaded, latencies = ingestion_run(arguments, context, corpus, os.path.join(workdir, f"loaded-{run}"), True, f"{run}-q")
            figures["ingestion alone (reports/s)"] = alone
            figures["ingestion with queries (reports/s)"] = loaded
            figures["with queries ÷ alone (%)"] = loaded / alone * 100
            figures["queries during ingestion"] = len(latencies)
            figures["query p99 during ingestion (ms)"] = percentile(latencies, 0.99) * 1000 if latencies else 0
            runs.append(figures)
    targets = {name: Target("<", 50) for name in runs[0] if name.endswith("p99 (ms)") and "during" not in name}
    targets["with queries ÷ alone (%)"] = Target("≥", 90)
    print(f"issue 15: queries on {arguments.reports} stored reports, ingestion of {arguments.burst} with and without queries "
          f"({os.path.basename(arguments.build_dir)} build)")
    print(table([(name, [run[name] for run in runs], targets.get(name)) for name in runs[0]]))


if __name__ == "__main__":
    try:
        main()
    except (DaemonError, BenchFailure) as error:
        raise SystemExit(f"analysis_bench: {error}")

#!/usr/bin/env python3
"""Page render p99 of reportd-web with a large store (issue 16's target: under 100 ms at 10,000 reports).

A run: a real reportd takes the five samples to done (the seed); large_store copies them into a
store of --reports finished reports (with the newest 100,000 feed events, as a daemon keeps);
reportd restarts on that store with its plugins, `reindex` makes the indexer index every copy
(so searches run over all of them), and reportd-web starts against it. Then each page is fetched
--requests times, one request at a time, and timed from sending the request to the last byte of
the answer: the inbox, a report page (a different report each time), a search (a mix of terms),
and track (targets against outcomes: the chart and table from the daemon's `track`, which
replaced the compare page). Prints p50 and p99 per page and overall, and of two requests to
the daemon alone: `get` (the report page's share) and `trend` (issue 15's phrase counts, over
every indexed report: the largest index a bench builds here).
Standard library and pyzmq only, like the other benchmarks.
"""
import argparse
import glob
import http.client
import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.parse

import zmq

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import large_store  # noqa: E402
from daemon import CONTROL_HEADER, Daemon, ask  # noqa: E402
from reports import Report  # noqa: E402
from stats import Target, percentile, table  # noqa: E402

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TERMS = ["冬奥", "生态", "地区生产总值", "乡村振兴", "营商环境", "科技创新", "教育", "医疗卫生"]
INDICATORS = ["地区生产总值", "一般公共预算收入", "居民人均可支配收入"]


def log(text):
    print(f"web_bench: {text}", file=sys.stderr, flush=True)


def seed_store(arguments, context, directory):
    """The five samples through the real pipeline: the rows large_store copies."""
    daemon = Daemon(os.path.join(arguments.build_dir, "reportd"), arguments.config, os.path.join(directory, "seed"), REPO_ROOT)
    daemon.start()
    try:
        daemon.wait_ready(context, 60)
        paths = sorted(glob.glob(os.path.join(arguments.corpus, "*.txt")))
        daemon.take(context, [Report(os.path.basename(path), open(path, "rb").read()) for path in paths], 600)
    finally:
        daemon.stop(60)
    return daemon.data_dir


def copy_facts(path):
    """large_store copies the reports, not their facts rows (issue 15's report_facts and indicator_facts,
    which `track` reads): each copy gets its seed's, so track selects among every stored report, as
    it would in a store of that size. Copies of one seed are one report to `track` (same region and
    plan year): they count once, as duplicates do. Returns the number of reports given facts."""
    database = sqlite3.connect(path, isolation_level=None)
    try:
        if not database.execute("SELECT 1 FROM sqlite_master WHERE name = 'report_facts'").fetchone():
            return 0
        database.execute("BEGIN")
        database.execute("""
            CREATE TEMP TABLE copies AS SELECT r.id AS copy_id, f.report_id AS seed_id
            FROM reports AS r JOIN report_facts AS f ON substr(r.id, 1, 56) = substr(f.report_id, 1, 56)
            WHERE r.id != f.report_id AND r.id NOT IN (SELECT report_id FROM report_facts)""")
        for table in ("report_facts", "indicator_facts"):
            columns = [row[1] for row in database.execute(f"PRAGMA table_info({table})") if row[1] != "report_id"]
            names = ", ".join(columns)
            database.execute(f"""INSERT INTO {table}(report_id, {names})
                SELECT copies.copy_id, {", ".join("f." + column for column in columns)}
                FROM copies JOIN {table} AS f ON f.report_id = copies.seed_id""")
        # Each copy's own file name, not its seed's.
        database.execute("""UPDATE report_facts SET file = (SELECT file FROM reports WHERE reports.id = report_facts.report_id)
            WHERE report_id IN (SELECT copy_id FROM copies)""")
        count = database.execute("SELECT COUNT(*) FROM copies").fetchone()[0]
        database.execute("COMMIT")
        return count
    finally:
        database.close()


def index_everything(context, daemon, reports, timeout):
    """reindex queues an indexer job per finished report; waits until the queues are empty."""
    _, queued = ask(context, daemon.control, {"command": "reindex"}, timeout=600)
    log(f"reindex: {len(queued.get('queued', []))} reports queued")
    daemon.wait_until(context, "reindexing", lambda s: sum(s["queues"].values()) == 0
                      and all(w["state"] != "busy" for w in s["workers"]), timeout)


def start_web(arguments, daemon, directory):
    log_path = os.path.join(directory, "reportd-web.log")
    log_file = open(log_path, "wb")
    process = subprocess.Popen([os.path.join(arguments.build_dir, "reportd-web"), "--listen", "127.0.0.1:0",
                                "--data-dir", daemon.data_dir, "--control", daemon.control, "--feed", daemon.feed,
                                # A slow answer is timed, not turned into a 503 page.
                                "--timeout", "300"],
                               stdin=subprocess.DEVNULL, stdout=log_file, stderr=log_file)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        with open(log_path, encoding="utf-8", errors="replace") as text:
            for line in text:
                if "listening on http://" in line:
                    address = line.split("listening on http://", 1)[1].split("/", 1)[0]
                    host, port = address.rsplit(":", 1)
                    return process, host, int(port)
        if process.poll() is not None:
            break
        time.sleep(0.05)
    raise SystemExit(f"reportd-web did not start; see {log_path}")


def timed_get(connection, path):
    started = time.perf_counter()
    connection.request("GET", path)
    response = connection.getresponse()
    body = response.read()
    elapsed = time.perf_counter() - started
    if response.status != 200:
        notice = body.decode("utf-8", "replace").partition('class="notice">')[2].partition("</p>")[0]
        raise SystemExit(f"GET {path} answered {response.status}: {notice or body[:300]!r}")
    return elapsed


def time_control(context, endpoint, make_request, requests):
    """The daemon alone: a control request (`get` for the report page, `trend` over the indexed
    reports) timed to the last byte of the reply (not parsed), with the reply's size."""
    dealer = context.socket(zmq.DEALER)
    dealer.linger = 0
    dealer.connect(endpoint)
    timings, sizes = [], []
    try:
        for _ in range(requests + 1):
            request = json.dumps(make_request()).encode()
            started = time.perf_counter()
            dealer.send_multipart([b"", CONTROL_HEADER, request, b""])
            reply = dealer.recv_multipart()
            timings.append((time.perf_counter() - started) * 1000)
            sizes.append(sum(len(frame) for frame in reply))
            if not json.loads(reply[-1]).get("ok"):
                raise SystemExit(f"{request} refused: {reply[-1][:300]!r}")
    finally:
        dealer.close()
    return timings[1:], sizes[1:]


PAGES = ["inbox", "report", "search", "track"]


def measure(host, port, report_ids, requests, rng, names):
    quote = urllib.parse.quote
    pages = {
        "inbox": lambda: "/",
        "report": lambda: "/reports/" + rng.choice(report_ids),
        "search": lambda: "/search?q=" + quote(rng.choice(TERMS)),
        "track": lambda: "/track?indicator=" + quote(rng.choice(INDICATORS)),
    }
    pages = {name: make for name, make in pages.items() if name in names}
    connection = http.client.HTTPConnection(host, port, timeout=60)
    for path in (make() for make in pages.values()):
        timed_get(connection, path)  # warm-up: first connections to the daemon, first allocations
    figures = {}
    for name, make in pages.items():
        figures[name] = [timed_get(connection, make()) * 1000 for _ in range(requests)]
    connection.close()
    return figures


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build-dir", default=os.path.join(REPO_ROOT, ".build/release"))
    parser.add_argument("--config", default=os.path.join(REPO_ROOT, "Config/reportd.toml"))
    parser.add_argument("--corpus", default=os.path.join(REPO_ROOT, "Tests/Fixtures/corpus"))
    parser.add_argument("--reports", type=int, default=10_000, help="finished reports in the store (default 10000)")
    parser.add_argument("--requests", type=int, default=200, help="requests per page (default 200)")
    parser.add_argument("--no-reindex", action="store_true", help="search only the five indexed seeds (faster)")
    parser.add_argument("--timeout", type=float, default=3600, help="seconds for reindexing to finish")
    parser.add_argument("--pages", default=",".join(PAGES),
                        help="the pages to time, comma-separated (default all: %(default)s; a build before the track page: leave track out)")
    parser.add_argument("--json", metavar="FILE", help="also write every timing to FILE")
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory")
    arguments = parser.parse_args()

    directory = tempfile.mkdtemp(prefix="rwb-", dir="/tmp")
    context = zmq.Context()
    web = None
    daemon = None
    try:
        seed = seed_store(arguments, context, directory)
        data_dir = os.path.join(directory, "data")
        os.makedirs(data_dir)
        # The indexer's database and the keys come along; the store is made large.
        for name in os.listdir(seed):
            path = os.path.join(seed, name)
            if os.path.isfile(path) and not name.startswith("state.sqlite") and not name.endswith(".sock"):
                shutil.copy(path, data_dir)
        reports, events = large_store.build(os.path.join(seed, "state.sqlite"), os.path.join(data_dir, "state.sqlite"),
                                            arguments.reports)
        log(f"store: {reports} reports, {events} events, facts copied for {copy_facts(os.path.join(data_dir, 'state.sqlite'))}")
        daemon = Daemon(os.path.join(arguments.build_dir, "reportd"), arguments.config, directory, REPO_ROOT, data_dir=data_dir)
        daemon.start()
        daemon.wait_ready(context, 120)
        if not arguments.no_reindex:
            started = time.monotonic()
            index_everything(context, daemon, reports, arguments.timeout)
            log(f"indexed in {time.monotonic() - started:.0f} s")
        _, listed = ask(context, daemon.control, {"command": "list", "state": "done", "limit": arguments.reports}, timeout=600)
        report_ids = [row["report_id"] for row in listed["reports"]] or ["00000000"]
        web, host, port = start_web(arguments, daemon, directory)
        figures = measure(host, port, report_ids, arguments.requests, random.Random(16), arguments.pages.split(","))
        rng = random.Random(16)
        get_timings, get_sizes = time_control(context, daemon.control,
                                              lambda: {"command": "get", "report_id": rng.choice(report_ids)}, arguments.requests)
        trend_timings, _ = time_control(context, daemon.control,
                                        lambda: {"command": "trend", "query": rng.choice(TERMS), "by": rng.choice(["year", "region", "level"])},
                                        arguments.requests)
        indexed = "the five seeds" if arguments.no_reindex else f"{reports:,} reports"
        everything = [value for values in figures.values() for value in values]
        rows = [(f"page render p99, all pages, {reports:,} reports (ms)", [percentile(everything, 0.99)], Target("<", 100))]
        for name, values in figures.items():
            rows.append((f"{name} p50 (ms)", [percentile(values, 0.50)], None))
            rows.append((f"{name} p99 (ms)", [percentile(values, 0.99)], None))
        rows.append(("daemon `get` alone p50 (ms)", [percentile(get_timings, 0.50)], None))
        rows.append(("daemon `get` alone p99 (ms)", [percentile(get_timings, 0.99)], None))
        rows.append(("`get` reply size p50 (KB)", [percentile(get_sizes, 0.50) / 1024], None))
        rows.append((f"daemon `trend` over {indexed} p50 (ms)", [percentile(trend_timings, 0.50)], None))
        rows.append((f"daemon `trend` over {indexed} p99 (ms)", [percentile(trend_timings, 0.99)], None))
        print(table(rows))
        if arguments.json:
            with open(arguments.json, "w") as file:
                json.dump({"reports": reports, "milliseconds": figures, "get_milliseconds": get_timings,
                           "trend_milliseconds": trend_timings}, file)
    finally:
        if web is not None:
            web.terminate()
            web.wait()
        if daemon is not None and daemon.process is not None:
            daemon.stop(60)
        context.term()
        if arguments.keep:
            log(f"kept {directory}")
        else:
            shutil.rmtree(directory, ignore_errors=True)


if __name__ == "__main__":
    main()

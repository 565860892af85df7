#!/usr/bin/env python3
"""Page render p99 of reportd-web with a large store (issue 16's target: under 100 ms at 10,000 reports).

A run: a real reportd takes the five samples to done (the seed); large_store copies them into a
store of --reports finished reports (with the newest 100,000 feed events, as a daemon keeps);
reportd restarts on that store with its plugins, `reindex` makes the indexer index every copy
(so searches run over all of them), and reportd-web starts against it. Then each page is fetched
--requests times, one request at a time, and timed from sending the request to the last byte of
the answer: the inbox, a report page (a different report each time), a search (a mix of terms),
and compare (the chart and table over every report). Prints p50 and p99 per page and overall.
Standard library and pyzmq only, like the other benchmarks.
"""
import argparse
import glob
import http.client
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse

import zmq

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import large_store  # noqa: E402
from daemon import CONTROL_HEADER, Daemon  # noqa: E402
from reports import Report, drop_all  # noqa: E402
from stats import Target, percentile, table  # noqa: E402

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TERMS = ["冬奥", "生态", "地区生产总值", "乡村振兴", "营商环境", "科技创新", "教育", "医疗卫生"]
INDICATORS = ["地区生产总值", "一般公共预算收入", "居民人均可支配收入"]


def log(text):
    print(f"web_bench: {text}", file=sys.stderr, flush=True)


def control(context, endpoint, request, timeout=600):
    dealer = context.socket(zmq.DEALER)
    dealer.linger = 0
    dealer.connect(endpoint)
    try:
        dealer.send_multipart([b"", CONTROL_HEADER, json.dumps(request).encode(), b""])
        if not dealer.poll(timeout * 1000, zmq.POLLIN):
            raise SystemExit(f"no reply to {request['command']} within {timeout} s")
        reply = json.loads(dealer.recv_multipart()[-1])
        if not reply.get("ok"):
            raise SystemExit(f"{request['command']} refused: {reply.get('error')}")
        return reply.get("data")
    finally:
        dealer.close()


def wait_for(context, daemon, what, condition, timeout):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        status = control(context, daemon.control, {"command": "status"})
        if condition(status):
            return status
        time.sleep(1)
    raise SystemExit(f"{what} did not happen within {timeout:.0f} s\n" + daemon.log_tail())


def seed_store(arguments, context, directory):
    """The five samples through the real pipeline: the rows large_store copies."""
    daemon = Daemon(os.path.join(arguments.build_dir, "reportd"), arguments.config, os.path.join(directory, "seed"), REPO_ROOT)
    daemon.start()
    try:
        daemon.wait_ready(context, 60)
        paths = sorted(glob.glob(os.path.join(arguments.corpus, "*.txt")))
        samples = [Report(os.path.basename(path), open(path, "rb").read()) for path in paths]
        drop_all(samples, daemon.staging, daemon.inbox)
        wait_for(context, daemon, "the seed reports", lambda s: s["counts"]["done"] + s["counts"]["failed"] >= 5, 600)
    finally:
        daemon.stop(60)
    return daemon.data_dir


def index_everything(context, daemon, reports, timeout):
    """reindex queues an indexer job per finished report; waits until the queues are empty."""
    queued = control(context, daemon.control, {"command": "reindex"})
    log(f"reindex: {len(queued.get('queued', []))} reports queued")
    wait_for(context, daemon, "reindexing", lambda s: sum(s["queues"].values()) == 0
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


def measure(host, port, report_ids, requests, rng):
    quote = urllib.parse.quote
    pages = {
        "inbox": lambda: "/",
        "report": lambda: "/reports/" + rng.choice(report_ids),
        "search": lambda: "/search?q=" + quote(rng.choice(TERMS)),
        "compare": lambda: "/compare?indicator=" + quote(rng.choice(INDICATORS)),
    }
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
        log(f"store: {reports} reports, {events} events")
        daemon = Daemon(os.path.join(arguments.build_dir, "reportd"), arguments.config, directory, REPO_ROOT, data_dir=data_dir)
        daemon.start()
        daemon.wait_ready(context, 120)
        if not arguments.no_reindex:
            started = time.monotonic()
            index_everything(context, daemon, reports, arguments.timeout)
            log(f"indexed in {time.monotonic() - started:.0f} s")
        ids = [row for row in control(context, daemon.control, {"command": "compare", "indicator": "地区生产总值"})["rows"]]
        report_ids = [row["report_id"] for row in ids] or ["00000000"]
        web, host, port = start_web(arguments, daemon, directory)
        figures = measure(host, port, report_ids, arguments.requests, random.Random(16))
        everything = [value for values in figures.values() for value in values]
        rows = [(f"page render p99, all pages, {reports:,} reports (ms)", [percentile(everything, 0.99)], Target("<", 100))]
        # compare's time is mostly the daemon's `compare` over every stored document; the rest is the web view's.
        others = [value for name, values in figures.items() if name != "compare" for value in values]
        rows.append(("page render p99, inbox, report and search (ms)", [percentile(others, 0.99)], None))
        for name, values in figures.items():
            rows.append((f"{name} p50 (ms)", [percentile(values, 0.50)], None))
            rows.append((f"{name} p99 (ms)", [percentile(values, 0.99)], None))
        print(table(rows))
        if arguments.json:
            with open(arguments.json, "w") as file:
                json.dump({"reports": reports, "milliseconds": figures}, file)
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

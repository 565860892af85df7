#!/usr/bin/env python3
"""CPU per report of each batch plugin (parser, summarizer, indexer), as the daemon's jobs cost it.

Plays the broker (a ROUTER socket, docs/PROTOCOL.md) to one real `serve` process per plugin,
on the burst's kind of report (`bench/reports.py`: sample variants of 40–50 KB with a line of
their own): each report is parsed by the parser worker, and its document sent, as a
`DocumentInput`, to the summarizer and to the indexer (a fresh index in a temporary directory).
Jobs go one at a time. Prints, per plugin and per run, the worker's CPU per job (utime + stime
from /proc/PID/stat over the run ÷ jobs: everything the process pays, not only `handle`), and
min / median / max over the runs. `--pause-before-run` prints each worker's pid and waits a
few seconds before the timed runs, so `perf record -p PID` can attach.

    python3 bench/plugin_jobs.py --bin .build/release --reports 200 --runs 3
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

import zmq

import reports

HEADER = b"reportd.worker/1"
ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")


def cpu_ms(pid):
    fields = open("/proc/%d/stat" % pid).read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1000.0 / os.sysconf("SC_CLK_TCK")


class Worker:
    """One plugin process connected to a ROUTER socket of our own, WELCOMEd as the broker would."""

    def __init__(self, context, binary, directory, name, environment):
        self.router = context.socket(zmq.ROUTER)
        endpoint = "ipc://%s/%s.ipc" % (directory, name)
        self.router.bind(endpoint)
        self.process = subprocess.Popen([binary, "serve", "--broker", endpoint], env=environment,
                                        stderr=subprocess.DEVNULL, cwd=ROOT)
        if not self.router.poll(60_000):
            sys.exit("%s did not say READY within 60 s" % binary)
        self.identity, _, command, _ = self.router.recv_multipart()
        assert command == b"READY", command
        # A long heartbeat: this broker sends none, and a worker left idle while the others start must not give up on it.
        self.router.send_multipart([self.identity, HEADER, b"WELCOME",
                                    json.dumps({"heartbeat_ms": 60_000, "liveness": 5}).encode()])
        self.jobs = 0

    def run(self, service, job_input, payload=b""):
        self.jobs += 1
        job_id = b"j%d" % self.jobs
        self.router.send_multipart([self.identity, HEADER, b"JOB", job_id, service, job_input, payload])
        while True:
            frames = self.router.recv_multipart()
            if frames[2] == b"RESULT":
                return frames[4]
            if frames[2] == b"ERROR":
                sys.exit("%s job failed: %s" % (service.decode(), frames[4].decode()))
            if frames[2] != b"HEARTBEAT":
                sys.exit("unexpected %r from the %s worker" % (frames[2:4], service.decode()))

    def stop(self):
        self.router.send_multipart([self.identity, HEADER, b"BYE"])
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bin", default=os.path.join(ROOT, ".build", "release"), help="folder of the plugin executables")
    parser.add_argument("--reports", type=int, default=200, help="reports per run (default 200)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--only", choices=["parser", "summarizer", "indexer"], action="append",
                        help="time only these plugins (the parser always runs, to make the documents)")
    parser.add_argument("--pause-before-run", action="store_true", help="print the pids and wait 3 s before timing")
    options = parser.parse_args()
    wanted = options.only or ["parser", "summarizer", "indexer"]

    corpus = reports.load_corpus(os.path.join(ROOT, "Tests", "Fixtures", "corpus"))
    directory = tempfile.mkdtemp(prefix="plugin-jobs-")
    environment = dict(os.environ, REPORTD_DATA_DIR=os.path.join(directory, "data"))
    context = zmq.Context()
    workers = {}
    try:
        workers["parser"] = Worker(context, os.path.join(options.bin, "report-parser"), directory, "parser", environment)
        if "summarizer" in wanted:
            workers["summarizer"] = Worker(context, os.path.join(options.bin, "report-summarizer"), directory,
                                           "summarizer", environment)
        if "indexer" in wanted:
            workers["indexer"] = Worker(context, os.path.join(options.bin, "report-indexer"), directory,
                                        "indexer", environment)

        def one(report):
            file_input = json.dumps({"report_id": report.report_id, "file": report.name}).encode()
            document = workers["parser"].run(b"parser", file_input, report.content)
            document_input = b'{"document":%s,"file":%s,"report_id":%s}' % (
                document, json.dumps(report.name).encode(), json.dumps(report.report_id).encode())
            for name in ("summarizer", "indexer"):
                if name in workers:
                    workers[name].run(name.encode(), document_input)
            return document

        for report in reports.make_reports(corpus, 10, "warm", 0):
            one(report)
        if options.pause_before_run:
            print(" ".join("%s=%d" % (name, worker.process.pid) for name, worker in workers.items()), flush=True)
            time.sleep(3)
        figures = {name: [] for name in workers}
        for run in range(options.runs):
            batch = reports.make_reports(corpus, options.reports, "run%d" % run, run)
            before = {name: cpu_ms(worker.process.pid) for name, worker in workers.items()}
            wall = time.perf_counter()
            for report in batch:
                one(report)
            wall = time.perf_counter() - wall
            line = []
            for name, worker in workers.items():
                figure = (cpu_ms(worker.process.pid) - before[name]) / len(batch)
                figures[name].append(figure)
                line.append("%s %.2f" % (name, figure))
            print("run %d: %d reports in %.1f s, CPU ms per report: %s (load %.1f)"
                  % (run + 1, len(batch), wall, ", ".join(line), os.getloadavg()[0]), flush=True)
        for name, values in figures.items():
            print("%-10s CPU ms/report min %.2f median %.2f max %.2f"
                  % (name, min(values), statistics.median(values), max(values)))
        for worker in workers.values():
            worker.stop()
    finally:
        for worker in workers.values():
            if worker.process.poll() is None:
                worker.process.kill()
        shutil.rmtree(directory, ignore_errors=True)


if __name__ == "__main__":
    main()

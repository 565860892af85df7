#!/usr/bin/env python3
"""The parser worker's whole per-job cost, as the daemon sees it.

Plays the broker (a ROUTER socket, docs/PROTOCOL.md): starts a real `report-parser serve`,
answers READY with WELCOME, then sends the sample reports as JOBs one at a time and waits for
each RESULT. Prints the wall time per job and the worker's CPU time per job (utime + stime
from /proc/PID/stat), which includes everything outside `handle`: frame copies, the poll loop,
heartbeats, the job thread, libzmq's I/O thread.

    python3 Benchmarks/ParsingBenchmarks/worker_jobs.py .build/release/report-parser [JOBS]
"""
import json
import os
import subprocess
import sys
import tempfile
import time

import zmq

HEADER = b"reportd.worker/1"
CORPUS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "Tests", "Fixtures", "corpus")


def worker_cpu_ms(pid):
    fields = open("/proc/%d/stat" % pid).read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1000.0 / os.sysconf("SC_CLK_TCK")


def main():
    binary, jobs = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 500
    names = sorted(f for f in os.listdir(CORPUS) if f.endswith(".txt") and f[0].isdigit())
    samples = [(name, open(os.path.join(CORPUS, name), "rb").read()) for name in names]
    context = zmq.Context()
    router = context.socket(zmq.ROUTER)
    endpoint = "ipc://%s/broker.ipc" % tempfile.mkdtemp(prefix="worker-jobs-")
    router.bind(endpoint)
    worker = subprocess.Popen([binary, "serve", "--broker", endpoint], stderr=subprocess.DEVNULL)
    try:
        if not router.poll(10_000):
            sys.exit("the worker did not say READY within 10 s")
        identity, _, command, _ = router.recv_multipart()
        assert command == b"READY", command
        router.send_multipart([identity, HEADER, b"WELCOME", json.dumps({"heartbeat_ms": 1000, "liveness": 5}).encode()])

        def run(count):
            walls = []
            for i in range(count):
                name, payload = samples[i % len(samples)]
                job_input = json.dumps({"report_id": "r%d" % i, "file": name}).encode()
                start = time.perf_counter()
                router.send_multipart([identity, HEADER, b"JOB", b"j%d" % i, b"parser", job_input, payload])
                while True:
                    frames = router.recv_multipart()
                    if frames[2] == b"RESULT":
                        break
                    if frames[2] != b"HEARTBEAT":
                        sys.exit("unexpected %r from the worker" % frames[2:4])
                walls.append((time.perf_counter() - start) * 1000)
            return sorted(walls)

        run(2 * len(samples))  # warm-up
        cpu_before = worker_cpu_ms(worker.pid)
        walls = run(jobs)
        cpu = (worker_cpu_ms(worker.pid) - cpu_before) / jobs
        print("%d jobs: wall ms/job median %.2f (p10 %.2f, p90 %.2f); worker CPU ms/job %.2f"
              % (jobs, walls[len(walls) // 2], walls[len(walls) // 10], walls[len(walls) * 9 // 10], cpu))
        router.send_multipart([identity, HEADER, b"BYE"])
        worker.wait(timeout=10)
    finally:
        if worker.poll() is None:
            worker.kill()


if __name__ == "__main__":
    main()

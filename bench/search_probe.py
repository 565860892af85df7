"""Where a search's time goes under ingestion: a backlog, then a burst with the bench's search load
(bench/search.py), then searches on the idle daemon. Prints latencies per term, the daemon's
search job time (send to the searcher -> answer, from its metrics) and the searcher's CPU per
search, so the daemon's path and the searcher can be told apart (docs/PERFORMANCE.md).

    /usr/bin/python3 bench/search_probe.py --bin .build/release --backlog 2000 --burst 1000
"""
import argparse, json, os, subprocess, sys, tempfile, time, shutil, threading
import zmq
from daemon import Daemon, CONTROL_HEADER
from feed import FeedRecorder
from reports import make_reports, load_corpus, drop, drop_all
from phases import await_final, backlog_phase
from search import SearchLoad, QUERIES
from stats import percentile

p = argparse.ArgumentParser()
REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
p.add_argument("--bin", default=os.path.join(REPO_ROOT, ".build/release"), help="folder holding reportd and the plugins")
p.add_argument("--config", default=os.path.join(REPO_ROOT, "Config/reportd.toml"))
p.add_argument("--backlog", type=int, default=2000); p.add_argument("--burst", type=int, default=1000)
p.add_argument("--perf", default="", help="perf.data file: profile the searcher during the burst")
p.add_argument("--quiet", type=int, default=180, help="searches on the idle daemon")
p.add_argument("--keep", action="store_true")
a = p.parse_args()

def control(ctx, endpoint, body):
    d = ctx.socket(zmq.DEALER); d.linger = 0; d.connect(endpoint)
    d.send_multipart([b"", CONTROL_HEADER, json.dumps(body, ensure_ascii=False).encode(), b""])
    assert d.poll(20000)
    r = json.loads(d.recv_multipart()[-1]); d.close(); return r

def job_metric(ctx, endpoint):
    text = control(ctx, endpoint, {"command": "metrics"})["data"]
    s = c = 0.0
    for line in text.splitlines():
        if 'service="search"' in line and line.startswith("reportd_job_duration_seconds_sum"): s = float(line.split()[-1])
        if 'service="search"' in line and line.startswith("reportd_job_duration_seconds_count"): c = float(line.split()[-1])
    return s, c

def summary(name, values):
    values = sorted(values)
    return f"{name}: n={len(values)} p50={percentile(values,0.5)*1000:.2f} p90={percentile(values,0.9)*1000:.2f} p99={percentile(values,0.99)*1000:.2f} max={values[-1]*1000:.2f} ms"

work = tempfile.mkdtemp(prefix="reportd-search-probe-")
corpus = load_corpus(os.path.join(REPO_ROOT, "Tests/Fixtures/corpus"))
daemon = Daemon(os.path.join(a.bin, "reportd"), a.config, work, REPO_ROOT)
ctx = zmq.Context()
seed = str(int(time.time()))
import atexit; atexit.register(daemon.kill)
daemon.start(); daemon.wait_ready(ctx, 60)
feed = FeedRecorder(ctx, daemon.feed); feed.start()
w = make_reports(corpus, 1, "warmup", seed); drop(w[0], daemon.staging, daemon.inbox); await_final(feed, w, 120, "warm")
t0 = time.monotonic()
rate, _ = backlog_phase(daemon, feed, make_reports(corpus, a.backlog, "backlog", seed), 3600)
print(f"backlog {a.backlog}: {rate:.1f} reports/s ({time.monotonic()-t0:.0f} s)", flush=True)
status = control(ctx, daemon.control, {"command": "status"})["data"]
pids = {f'{pl["name"]}{pl["instance"]}': pl["pid"] for pl in status["plugins"]}
print("plugins", pids, flush=True)
def cpu(pid):
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
searcher = [v for k, v in pids.items() if k.startswith("searcher")][0]
daemon_cpu0, searcher_cpu0 = cpu(daemon.pid), cpu(searcher)
s0, c0 = job_metric(ctx, daemon.control)
burst = make_reports(corpus, a.burst, "burst", seed)
perf = None
drop_all(burst, daemon.staging, daemon.inbox)
if a.perf:
    target = pids.get("searcher0") or [v for k, v in pids.items() if k.startswith("searcher")][0]
    perf = subprocess.Popen(["perf", "record", "-e", "cpu-clock", "-F", "999", "-o", a.perf, "-p", str(target)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
load = SearchLoad(ctx, daemon.control, interval=0.05); load.start()
tb = time.monotonic()
await_final(feed, burst, 3600, "burst")
load.stop()
if perf: perf.send_signal(2); perf.wait()
s1, c1 = job_metric(ctx, daemon.control)
searcher_cpu1 = cpu(searcher)
print(f"searcher CPU per search during the burst: {(searcher_cpu1-searcher_cpu0)/max(1,c1-c0)*1000:.2f} ms ({c1-c0:.0f} searches); load {open('/proc/loadavg').read().split()[:3]}")
print(f"burst {a.burst}: {a.burst/(time.monotonic()-tb):.1f} reports/s", flush=True)
print(summary("search during burst", load.latencies))
print(f"daemon's search job time (send to worker → answer) mean {(s1-s0)/max(1,c1-c0)*1000:.2f} ms over {c1-c0:.0f} jobs")
per = {}
for q, l in zip([QUERIES[i % len(QUERIES)] for i in range(len(load.latencies))], load.latencies): per.setdefault(q, []).append(l)
for q in QUERIES:
    if q in per: print("   ", summary(q, per[q]))
quiet = SearchLoad(ctx, daemon.control, interval=0.05); quiet.start(); time.sleep(a.quiet * 0.05); quiet.stop()
s2, c2 = job_metric(ctx, daemon.control)
print(f"searcher CPU per search quiet: {(cpu(searcher)-searcher_cpu1)/max(1,c2-c1)*1000:.2f} ms ({c2-c1:.0f} searches)")
print(summary("search quiet", quiet.latencies))
print(f"daemon's search job time quiet mean {(s2-s1)/max(1,c2-c1)*1000:.2f} ms")
feed.stop(); daemon.stop(timeout=60); ctx.term()
if not a.keep: shutil.rmtree(work, ignore_errors=True)
else: print("kept", work)

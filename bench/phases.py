"""The measured phases of one run, each on a daemon that is already up and subscribed to."""
import json
import time

from memory import read_status
from reports import drop, drop_all
from search import SearchLoad


class BenchFailure(Exception):
    pass


def await_final(feed, reports, timeout, phase):
    """Waits for every report's report.done; returns each one's drop-to-done time in seconds."""
    missing = feed.wait_for([report.report_id for report in reports], timeout)
    if missing:
        raise BenchFailure(f"{phase}: {len(missing)} of {len(reports)} reports had no report.done or "
                           f"report.failed after {timeout:.0f} s (first: {missing[0]})")
    failed = [(report, feed.outcome(report.report_id)[2]) for report in reports
              if feed.outcome(report.report_id)[0] != "report.done"]
    if failed:
        report, envelope = failed[0]
        raise BenchFailure(f"{phase}: {len(failed)} reports failed; {report.name}: "
                           f"{json.dumps(envelope['data'], ensure_ascii=False)}")
    return [feed.outcome(report.report_id)[1] - report.dropped_at for report in reports]


def throughput(feed, reports):
    """Reports ÷ (last report.done received − first rename)."""
    first_drop = min(report.dropped_at for report in reports)
    last_done = max(feed.outcome(report.report_id)[1] for report in reports)
    return len(reports) / (last_done - first_drop)


def backlog_phase(daemon, feed, reports, timeout):
    """All reports dropped at once and drained by the default workers. Returns the throughput
    and the daemon's peak RSS (VmHWM, KiB) at the end: the backlog is largest just after the
    drop, and the high-water mark keeps the peak whenever it happened."""
    drop_all(reports, daemon.staging, daemon.inbox)
    await_final(feed, reports, timeout, "backlog")
    status = read_status(daemon.pid)
    if status is None:
        raise BenchFailure("backlog: reportd is gone")
    return throughput(feed, reports), status[2]


def burst_phase(daemon, context, feed, reports, timeout, search_interval):
    """All reports dropped at once while searches go to the control socket until the last is done.
    Returns the throughput, each report's drop-to-done time, and each search's time."""
    drop_all(reports, daemon.staging, daemon.inbox)
    searches = SearchLoad(context, daemon.control, interval=search_interval)
    searches.start()
    try:
        latencies = await_final(feed, reports, timeout, "burst")
    finally:
        searches.stop()
    if searches.problems:
        raise BenchFailure(f"burst: {len(searches.problems)} searches failed; first: {searches.problems[0]}")
    if not searches.latencies:
        raise BenchFailure("burst: the burst ended before any search was answered")
    return throughput(feed, reports), latencies, searches.latencies


def idle_phase(daemon, feed, reports, timeout):
    """One report at a time, each dropped only once the previous one is done and a pause has passed."""
    latencies = []
    for report in reports:
        drop(report, daemon.staging, daemon.inbox)
        latencies += await_final(feed, [report], timeout, "idle")
        time.sleep(0.05)  # let the daemon and workers go back to waiting
    return latencies

"""Times a reportd start: exec → READY=1 on a NOTIFY_SOCKET the bench provides, as systemd would."""
import os
import socket
import time

from daemon import Daemon, DaemonError
from feed import FeedRecorder
from memory import read_status
from reports import drop


class NotifyListener:
    """The AF_UNIX datagram socket systemd would pass in $NOTIFY_SOCKET."""

    def __init__(self, path):
        self.path = path
        if os.path.exists(path):
            os.unlink(path)
        self.socket = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self.socket.bind(path)

    def wait_ready(self, daemon, timeout):
        """The monotonic time the READY=1 datagram arrived."""
        deadline = time.monotonic() + timeout
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise DaemonError(f"no READY=1 on {self.path} within {timeout:.0f} s\n" + daemon.log_tail())
            if daemon.process.poll() is not None:
                raise DaemonError(f"reportd exited with status {daemon.process.returncode} before READY=1\n"
                                  + daemon.log_tail())
            self.socket.settimeout(min(remaining, 0.2))
            try:
                message = self.socket.recv(4096)
            except socket.timeout:
                continue
            received = time.monotonic()
            if b"READY=1" in message.split(b"\n"):
                return received

    def close(self):
        self.socket.close()
        os.unlink(self.path)


def time_start_up(executable, config, workdir, repo_root, data_dir, context, report, timeout):
    """For a daemon on `data_dir`: seconds from exec to READY=1, then from dropping `report` to its
    report.done (the first report after a start pays for whatever the daemon loads lazily), and
    the daemon's peak RSS (VmHWM, KiB) after that report. The daemon is stopped with SIGTERM."""
    listener = NotifyListener(os.path.join(workdir, "notify.sock"))
    daemon = Daemon(executable, config, workdir, repo_root, data_dir=data_dir,
                    environment={"NOTIFY_SOCKET": listener.path})
    feed = None
    try:
        started = daemon.start()
        ready = listener.wait_ready(daemon, timeout)
        feed = FeedRecorder(context, daemon.feed)
        feed.start()
        daemon.wait_workers(context, timeout)
        time.sleep(0.2)  # for the subscription to reach the daemon
        drop(report, daemon.staging, daemon.inbox)
        missing = feed.wait_for([report.report_id], timeout)
        outcome = feed.outcome(report.report_id)
        if missing or outcome[0] != "report.done":
            raise DaemonError(f"the first report after start-up did not reach report.done within {timeout:.0f} s\n"
                              + daemon.log_tail())
        status = read_status(daemon.pid)
        daemon.stop(timeout=60)
        return ready - started, outcome[1] - report.dropped_at, status[2] if status else None
    finally:
        if feed:
            feed.stop()
        daemon.kill()
        listener.close()

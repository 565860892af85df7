"""Starts a reportd on private directories, waits until it answers, and stops it."""
import json
import os
import signal
import subprocess
import time

import zmq

from reports import drop_all

CONTROL_HEADER = b"reportd.control/1"


class DaemonError(Exception):
    """The daemon did not start, answer or stop as the contract says."""


def ask(context, endpoint, request, timeout=120):
    """Sends one control request as reportctl does; returns (seconds from send to reply, data).
    A refusal or no reply within `timeout` seconds raises DaemonError."""
    dealer = context.socket(zmq.DEALER)
    dealer.linger = 0
    dealer.connect(endpoint)
    try:
        sent = time.monotonic()
        dealer.send_multipart([b"", CONTROL_HEADER, json.dumps(request, ensure_ascii=False).encode(), b""])
        if not dealer.poll(timeout * 1000, zmq.POLLIN):
            raise DaemonError(f"no reply to {request} within {timeout} s")
        frames = dealer.recv_multipart()
        elapsed = time.monotonic() - sent
        reply = json.loads(frames[-1])
        if not reply.get("ok"):
            raise DaemonError(f"{request} refused: {reply.get('error')}")
        return elapsed, reply.get("data")
    finally:
        dealer.close()


class Daemon:
    def __init__(self, executable, config, workdir, repo_root, data_dir=None, environment=None):
        self.executable = executable
        self.config = config
        self.inbox = os.path.join(workdir, "inbox")
        self.staging = os.path.join(workdir, "staging")
        self.data_dir = data_dir or os.path.join(workdir, "data")
        self.environment = environment
        self.feed = "ipc://" + os.path.join(self.data_dir, "feed.sock")
        self.control = "ipc://" + os.path.join(self.data_dir, "control.sock")
        self.log_path = os.path.join(workdir, "reportd.log")
        self.repo_root = repo_root
        self.process = None

    def start(self):
        """Returns the monotonic time just before the fork and exec."""
        os.makedirs(self.inbox, exist_ok=True)
        os.makedirs(self.staging, exist_ok=True)
        os.makedirs(self.data_dir, exist_ok=True)
        command = [self.executable, "--config", self.config, "--inbox", self.inbox,
                   "--data-dir", self.data_dir, "--feed", self.feed, "--control", self.control]
        self.log = open(self.log_path, "wb")
        # The repository root is the working directory so the config's relative paths resolve as in `make run`.
        environment = dict(os.environ, **(self.environment or {}))
        started = time.monotonic()
        try:
            self.process = subprocess.Popen(command, cwd=self.repo_root, stdin=subprocess.DEVNULL,
                                            stdout=self.log, stderr=subprocess.STDOUT, env=environment)
        except OSError as error:
            raise DaemonError(f"cannot start {self.executable}: {error}")
        return started

    @property
    def pid(self):
        return self.process.pid

    def wait_ready(self, context, timeout):
        """Ready means the control socket answers a status request with ok: true."""
        dealer = context.socket(zmq.DEALER)
        dealer.linger = 0
        dealer.connect(self.control)
        try:
            request = json.dumps({"command": "status"}).encode()
            dealer.send_multipart([b"", CONTROL_HEADER, request, b""])
            deadline = time.monotonic() + timeout
            while time.monotonic() < deadline:
                if self.process.poll() is not None:
                    raise DaemonError(f"reportd exited with status {self.process.returncode} before it was ready\n"
                                      + self.log_tail())
                if dealer.poll(200, zmq.POLLIN):
                    return self._parse_status(dealer.recv_multipart())
            raise DaemonError(f"reportd did not answer a status request on {self.control} within {timeout:.0f} s\n"
                              + self.log_tail())
        finally:
            dealer.close()

    def wait_workers(self, context, timeout):
        """Waits until every plugin instance has connected, so a first report does not time a worker's start."""
        deadline = time.monotonic() + timeout
        while True:
            status = self.wait_ready(context, max(1, deadline - time.monotonic()))
            if len(status.get("workers", [])) >= len(status.get("plugins", [])):
                return
            if time.monotonic() > deadline:
                raise DaemonError(f"only {len(status.get('workers', []))} of {len(status.get('plugins', []))} plugin "
                                  f"instances connected within {timeout:.0f} s\n" + self.log_tail())
            time.sleep(0.1)

    def wait_until(self, context, what, condition, timeout):
        """Asks for the status each half second until `condition(status)` holds; returns that status."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            _, status = ask(context, self.control, {"command": "status"})
            if condition(status):
                return status
            time.sleep(0.5)
        raise DaemonError(f"{what} did not happen within {timeout:.0f} s\n" + self.log_tail())

    def take(self, context, reports, timeout):
        """Drops `reports` (reports.Report) into the inbox and waits until each is done or failed:
        the seed a benchmark's large store is made from."""
        drop_all(reports, self.staging, self.inbox)
        self.wait_until(context, "the seed reports", lambda s: s["counts"]["done"] + s["counts"]["failed"] >= len(reports),
                        timeout)

    def _parse_status(self, frames):
        body = frames[1:] if frames and frames[0] == b"" else frames
        if len(body) != 2 or body[0] != CONTROL_HEADER:
            raise DaemonError(f"control reply is not [\"\", reportd.control/1, JSON]: {frames!r}")
        reply = json.loads(body[1])
        if not reply.get("ok"):
            raise DaemonError(f"status request failed: {reply.get('error')}")
        return reply.get("data")

    def stop(self, timeout):
        """SIGTERM must end the daemon cleanly: exit status 0 within the timeout."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
                raise DaemonError(f"reportd was still running {timeout:.0f} s after SIGTERM\n" + self.log_tail())
        self.log.close()
        if self.process.returncode != 0:
            raise DaemonError(f"reportd exited with status {self.process.returncode} after SIGTERM\n" + self.log_tail())

    def kill(self):
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait()

    def log_tail(self, lines=30):
        try:
            with open(self.log_path, "rb") as log:
                text = log.read().decode("utf-8", "replace").splitlines()
        except OSError:
            return "(no log)"
        return f"--- last {lines} lines of {self.log_path} ---\n" + "\n".join(text[-lines:])

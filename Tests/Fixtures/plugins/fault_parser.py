#!/usr/bin/python3
"""A `parser` worker that misbehaves on demand, for the daemon's fault tests.

It speaks the protocol through Plugins/examples/python/summarizer_worker.py (so the fault
tests exercise a real, documented worker loop) and parses with the real report-parser
(`$REPORT_PARSER parse FILE`), but first looks for a marker in the dropped file:

  FAULT:CRASH-ALWAYS   os._exit(70) on every try: a poison report
  FAULT:CRASH-ONCE     os._exit(70) the first time this report is seen, then parse
  FAULT:HANG-ONCE      keep heartbeating but never answer, the first time (a stuck job)
  FAULT:FREEZE-ONCE    stop everything, heartbeats included, the first time (a frozen process)
  FAULT:KILLME-ONCE    keep heartbeating, never answer, the first time: the test SIGKILLs it

Before hanging, freezing or waiting to be killed it writes its pid to
$FAULT_STATE_DIR/<report id>.pid, so the test can tell which process that was.

"Once" is remembered in $FAULT_STATE_DIR across processes. FAULT_AT_START=exit makes the
process die at start, before it connects: a plugin that cannot come up.
"""

import json
import os
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "../../../Plugins/examples/python"))
import summarizer_worker as base  # noqa: E402

base.NAME = "fault-parser"
base.SERVICE = "parser"
MARKERS = [b"FAULT:CRASH-ALWAYS", b"FAULT:CRASH-ONCE", b"FAULT:HANG-ONCE", b"FAULT:FREEZE-ONCE",
           b"FAULT:KILLME-ONCE"]


def first_time(report_id, fault):
    """True once per report and fault, across restarts of this worker."""
    mark = os.path.join(os.environ["FAULT_STATE_DIR"], "%s.%s" % (report_id, fault))
    try:
        os.close(os.open(mark, os.O_CREAT | os.O_EXCL | os.O_WRONLY))
        return True
    except FileExistsError:
        return False


class FaultyParser(base.Worker):
    def job(self, job_id, service, input_bytes, payload=b""):
        request = json.loads(input_bytes)
        marker = next((m for m in MARKERS if m in payload), None)
        fault = marker.decode().split(":")[1] if marker else None
        if fault == "CRASH-ALWAYS" or (fault == "CRASH-ONCE" and first_time(request["report_id"], fault)):
            os._exit(70)
        stuck = fault in ("FREEZE-ONCE", "HANG-ONCE", "KILLME-ONCE") and first_time(request["report_id"], fault)
        if stuck:
            with open(os.path.join(os.environ["FAULT_STATE_DIR"], request["report_id"] + ".pid"), "w") as f:
                f.write(str(os.getpid()))
        if stuck and fault == "FREEZE-ONCE":
            time.sleep(3600)
        if stuck:
            while True:
                self.send(b"HEARTBEAT")
                time.sleep(self.heartbeat_s)
        self.parse(job_id, request["file"], payload)

    def parse(self, job_id, name, payload):
        with tempfile.TemporaryDirectory() as folder:
            path = os.path.join(folder, os.path.basename(name) or "report")
            with open(path, "wb") as f:
                f.write(payload)
            run = subprocess.run([os.environ["REPORT_PARSER"], "parse", path], capture_output=True)
        if run.returncode == 0:
            self.send(b"RESULT", job_id, run.stdout.strip())
        else:
            reason = run.stderr.decode(errors="replace").strip().split(": ", 1)[-1]
            self.fail(job_id, reason or "report-parser exited %d" % run.returncode, retryable=False)

    def handle(self, frames):
        # The base class passes no payload (its service has none): take it from frame 6 here.
        if len(frames) == 6 and frames[0] == base.PROTOCOL and frames[1] == b"JOB":
            self.job(frames[2], frames[3].decode(errors="replace"), frames[4], frames[5])
            return False
        return super().handle(frames)


def main():
    if os.environ.get("FAULT_AT_START") == "exit":
        sys.stderr.write("fault-parser: told to die at start\n")
        os._exit(3)
    base.Worker = FaultyParser
    return base.main()


if __name__ == "__main__":
    sys.exit(main())

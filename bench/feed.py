"""Collects feed events on a thread of its own, so receive times are taken as they arrive."""
import json
import threading
import time

import zmq

FINAL_TOPICS = {"report.done", "report.failed"}


class FeedRecorder:
    def __init__(self, context, endpoint):
        self.context = context
        self.endpoint = endpoint
        self.finished = {}          # report_id -> (topic, monotonic receive time, envelope)
        self.arrivals = []          # report ids in the order their final event came
        self.events = 0
        self.problems = []
        self.condition = threading.Condition()
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=self._run, name="feed", daemon=True)

    def start(self):
        self.thread.start()

    def stop(self):
        self.stopping.set()
        self.thread.join()

    def _run(self):
        # The socket lives and dies on this thread: libzmq sockets are not thread-safe.
        subscriber = self.context.socket(zmq.SUB)
        subscriber.linger = 0
        subscriber.rcvhwm = 0  # a burst of reports is thousands of events; none may be dropped here
        subscriber.setsockopt(zmq.SUBSCRIBE, b"report.")
        subscriber.connect(self.endpoint)
        try:
            while not self.stopping.is_set():
                if not subscriber.poll(100, zmq.POLLIN):
                    continue
                frames = subscriber.recv_multipart()
                received = time.monotonic()
                self._record(frames, received)
        finally:
            subscriber.close()

    def _record(self, frames, received):
        if len(frames) != 2:
            with self.condition:
                self.events += 1
                self.problems.append(f"feed message with {len(frames)} frames")
            return
        topic = frames[0].decode()
        # Only the final events are decoded: a parsed document is tens of KB of JSON, and decoding
        # thousands of them would take CPU from the daemon being measured.
        envelope = json.loads(frames[1]) if topic in FINAL_TOPICS else None
        with self.condition:
            self.events += 1
            if envelope is None:
                return
            if envelope.get("topic") != topic:
                self.problems.append(f"topic frame {topic} but envelope says {envelope.get('topic')}")
            if envelope["report_id"] not in self.finished:
                self.finished[envelope["report_id"]] = (topic, received, envelope)
                self.arrivals.append(envelope["report_id"])
                self.condition.notify_all()

    def wait_for(self, report_ids, timeout):
        """Blocks until every id has a done or failed event; returns the ids still missing."""
        deadline = time.monotonic() + timeout
        with self.condition:
            # Only the arrivals since the last look are checked: a scan of thousands of ids
            # at every event would take CPU from the daemon being measured.
            pending = {report_id for report_id in report_ids if report_id not in self.finished}
            seen = len(self.arrivals)
            while pending:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    break
                self.condition.wait(min(remaining, 0.5))
                pending.difference_update(self.arrivals[seen:])
                seen = len(self.arrivals)
            return [report_id for report_id in report_ids if report_id in pending]

    def outcome(self, report_id):
        with self.condition:
            return self.finished.get(report_id)

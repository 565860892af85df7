"""Sends `search` requests through the daemon's control socket, as `reportctl search` does, and times them."""
import json
import threading
import time

import zmq

from daemon import CONTROL_HEADER

# Common and rare terms of two, three and four or more characters (the query mix of
# Benchmarks/SearchBenchmarks), one across a word boundary (量发) and one found nowhere.
QUERIES = [
    "冬奥", "生态", "发展", "量发", "水库", "海淀",
    "门头沟", "永定河", "金海湖", "新能源", "冬奥会", "农业园",
    "密云水库", "高质量发展", "农业中关村", "生态涵养区", "一般公共预算收入", "鲸鱼潜艇",
]


class SearchLoad:
    """One request at a time, a new one `interval` seconds after the previous one was sent
    (or at once, if its answer took longer): a person or a web page querying while reports pour in."""

    def __init__(self, context, endpoint, interval=0.05, limit=10, timeout=10):
        self.context = context
        self.endpoint = endpoint
        self.interval = interval
        self.limit = limit
        self.timeout = timeout
        self.latencies = []   # seconds, request sent → reply received
        self.problems = []
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=self._run, name="search", daemon=True)

    def start(self):
        self.thread.start()

    def stop(self):
        self.stopping.set()
        self.thread.join()

    def _connect(self):
        dealer = self.context.socket(zmq.DEALER)
        dealer.linger = 0
        dealer.connect(self.endpoint)
        return dealer

    def _run(self):
        dealer = self._connect()
        try:
            sent = 0
            while not self.stopping.is_set():
                query = QUERIES[sent % len(QUERIES)]
                started = time.monotonic()
                if not self._ask(dealer, query):
                    # A late answer would be taken for the next request's: start afresh, as reportctl does.
                    dealer.close()
                    dealer = self._connect()
                sent += 1
                self.stopping.wait(max(0, started + self.interval - time.monotonic()))
        finally:
            dealer.close()

    def _ask(self, dealer, query):
        request = json.dumps({"command": "search", "query": query, "limit": self.limit}, ensure_ascii=False)
        sent = time.monotonic()
        dealer.send_multipart([b"", CONTROL_HEADER, request.encode(), b""])
        if not dealer.poll(self.timeout * 1000, zmq.POLLIN):
            self.problems.append(f"no answer to a search for {query} within {self.timeout} s")
            return False
        frames = dealer.recv_multipart()
        received = time.monotonic()
        reply = json.loads(frames[-1])
        if not reply.get("ok"):
            self.problems.append(f"search for {query} failed: {reply.get('error')}")
            return True
        self.latencies.append(received - sent)
        return True

#!/usr/bin/python3
"""A complete reportd worker in Python: serves the `summarizer` service.

Written from docs/PROTOCOL.md alone, with nothing but pyzmq (Debian's python3-zmq) and the
standard library, to show what any plugin has to do: connect a DEALER to $REPORTD_BROKER,
announce itself with READY, keep the heartbeat going both ways, answer each JOB with exactly
one RESULT or ERROR, reconnect when the broker goes silent, and leave on BYE or SIGTERM.
When $REPORTD_CURVE_SERVER_KEY and $REPORTD_CURVE_KEY_FILE are set (the daemon sets them for
the plugins it starts on a CURVE worker endpoint; an operator sets them on a worker machine),
it connects as a CURVE client.

The summary itself is deliberately simple but real: keywords are the most frequent CJK
character bigrams outside a small stop list, and the summary is the first sentence of the
first paragraphs whose first sentence ends with 。.
"""

import json
import logging
import os
import re
import signal
import sys
import time
from collections import Counter

import zmq

PROTOCOL = b"reportd.worker/1"
PROTOCOL_PREFIX = b"reportd.worker/"
NAME = "example-python-summarizer"
VERSION = "1.0.0"
SERVICE = "summarizer"

# What to assume until the broker's WELCOME says otherwise (docs/PROTOCOL.md, rule 6).
DEFAULT_HEARTBEAT_MS = 1000
DEFAULT_LIVENESS = 3
MAX_RECONNECT_DELAY_S = 30.0
# The longest a poll may last, so a SIGTERM is acted on promptly.
SIGNAL_CHECK_MS = 250

KEYWORD_COUNT = 20
SUMMARY_SENTENCES = 5

CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")
SENTENCE_END = re.compile(r"[。！？!?；;]")
# Function characters: a bigram containing one is almost never a term.
STOP_CHARACTERS = set("的了和是在与及等为对把将以中也并其之而或从被这那各个")
# Frequent bigrams of the genre that say nothing about one report in particular.
STOP_BIGRAMS = {
    "我们", "一个", "进一", "一步", "工作", "全面", "推进", "加强", "持续", "不断", "积极",
    "深入", "坚持", "开展", "实施", "推动", "提升", "完成", "实现", "有效", "扎实", "切实",
    "大力", "重点", "继续", "今年", "去年", "全年", "全区", "我区", "各项", "同比", "以上",
    "政府", "报告", "代表", "年度", "相关", "提高", "建设", "完善", "进行",
}

log = logging.getLogger(NAME)


class BadInput(Exception):
    """The job's input cannot be summarized; trying again cannot help."""


# --- the service ---------------------------------------------------------------------------


def summarize(input_bytes):
    """DocumentInput JSON → SummaryResult dict, or BadInput naming what is wrong."""
    paragraphs, headings = read_document_input(input_bytes)
    return {
        "keywords": keywords(paragraphs),
        "summary": summary(paragraphs, headings),
        "dictionary": "none: CJK character bigrams, %d stop bigrams, %d stop characters"
        % (len(STOP_BIGRAMS), len(STOP_CHARACTERS)),
    }


def read_document_input(input_bytes):
    try:
        message = json.loads(input_bytes.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise BadInput("input is not UTF-8 JSON: %s" % error) from None
    if not isinstance(message, dict):
        raise BadInput("input is not a JSON object")
    for key in ("report_id", "file"):
        if not isinstance(message.get(key), str):
            raise BadInput("input.%s is missing or not a string" % key)
    document = message.get("document")
    if not isinstance(document, dict):
        raise BadInput("input.document is missing or not an object")
    paragraphs = document.get("paragraphs")
    if not isinstance(paragraphs, list) or not all(isinstance(p, str) for p in paragraphs):
        raise BadInput("input.document.paragraphs is missing or not a list of strings")
    sections = document.get("sections") or []
    if not isinstance(sections, list):
        raise BadInput("input.document.sections is not a list")
    return paragraphs, heading_indexes(sections)


def heading_indexes(sections):
    """The paragraph indexes of every heading in the section tree."""
    indexes = set()
    stack = list(sections)
    while stack:
        section = stack.pop()
        if isinstance(section, dict):
            if isinstance(section.get("paragraph_index"), int):
                indexes.add(section["paragraph_index"])
            stack.extend(section.get("children") or [])
    return indexes


def keywords(paragraphs):
    counts = Counter()
    for paragraph in paragraphs:
        for run in CJK_RUN.findall(paragraph):
            for start in range(len(run) - 1):
                bigram = run[start:start + 2]
                if bigram in STOP_BIGRAMS or STOP_CHARACTERS.intersection(bigram):
                    continue
                counts[bigram] += 1
    best = counts.most_common(KEYWORD_COUNT)
    if not best:
        return []
    top = best[0][1]
    return [{"term": term, "weight": round(count / top, 4)} for term, count in best]


def summary(paragraphs, headings):
    sentences = []
    for index, paragraph in enumerate(paragraphs):
        if index in headings:
            continue
        text = paragraph.strip()
        end = SENTENCE_END.search(text)
        if end is None or end.group() != "。" or end.start() == 0:
            continue
        sentences.append(text[:end.end()])
        if len(sentences) == SUMMARY_SENTENCES:
            break
    return sentences


# --- the protocol --------------------------------------------------------------------------


class Stop(Exception):
    """The worker must exit with `code`."""

    def __init__(self, code):
        super().__init__(code)
        self.code = code


def read_key(path):
    """The one Z85 key in a reportd key file (lines starting with # are comments)."""
    with open(path, encoding="utf-8") as handle:
        lines = [line.strip() for line in handle if line.strip() and not line.lstrip().startswith("#")]
    if len(lines) != 1 or len(lines[0]) != 40:
        raise ValueError(f"{path} must hold exactly one 40-character Z85 key")
    return lines[0].encode()


def curve_settings():
    """(server public key, own public key, own secret key) from the environment, or None for plain."""
    server = os.environ.get("REPORTD_CURVE_SERVER_KEY", "").strip()
    key_file = os.environ.get("REPORTD_CURVE_KEY_FILE", "")
    if not server and not key_file:
        return None
    if not server or not key_file:
        raise ValueError("set both REPORTD_CURVE_SERVER_KEY and REPORTD_CURVE_KEY_FILE, or neither")
    # The daemon's public key itself, or the path of its server.key file.
    server_key = server.encode() if len(server) == 40 and not os.path.exists(server) else read_key(server)
    secret = read_key(key_file)
    return server_key, zmq.curve_public(secret), secret


class Worker:
    def __init__(self, context, endpoint, curve=None):
        self.context = context
        self.endpoint = endpoint
        self.curve = curve
        self.terminating = False
        self.socket = None
        self.heartbeat_s = DEFAULT_HEARTBEAT_MS / 1000
        self.liveness = DEFAULT_LIVENESS

    def run(self):
        """Sessions with the broker until told to stop; returns the exit status."""
        delay = 1.0
        try:
            while True:
                try:
                    welcomed = self.session()
                finally:
                    self.close()
                # A session that got as far as WELCOME was healthy: start the back-off afresh.
                delay = 1.0 if welcomed else min(delay * 2, MAX_RECONNECT_DELAY_S)
                log.warning("broker at %s silent for %.1f s, reconnecting in %.0f s",
                            self.endpoint, self.heartbeat_s * self.liveness, delay)
                self.sleep(delay)
        except Stop as stop:
            return stop.code

    def session(self):
        """One connection: READY, then serve until the broker goes silent (returns) or we must stop (raises)."""
        self.heartbeat_s = DEFAULT_HEARTBEAT_MS / 1000
        self.liveness = DEFAULT_LIVENESS
        self.socket = self.context.socket(zmq.DEALER)
        self.socket.setsockopt(zmq.LINGER, 0)
        # The daemon serves CURVE only on tcp:// endpoints; ipc ones are always plain.
        if self.curve and self.endpoint.startswith("tcp://"):
            server_key, public_key, secret_key = self.curve
            self.socket.setsockopt(zmq.CURVE_SERVERKEY, server_key)
            self.socket.setsockopt(zmq.CURVE_PUBLICKEY, public_key)
            self.socket.setsockopt(zmq.CURVE_SECRETKEY, secret_key)
        self.socket.connect(self.endpoint)
        hello = {"name": NAME, "version": VERSION, "protocol_version": 1,
                 "services": [SERVICE], "pid": os.getpid()}
        # Started by reportd: the token proves which of its processes this is.
        if os.environ.get("REPORTD_WORKER_TOKEN"):
            hello["token"] = os.environ["REPORTD_WORKER_TOKEN"]
        self.send(b"READY", json.dumps(hello).encode())
        welcomed = False
        last_heard = time.monotonic()
        next_beat = last_heard + self.heartbeat_s
        while True:
            if self.terminating:
                self.send(b"BYE")
                # Give the BYE time to leave: closing with linger 0 would drop it.
                self.socket.setsockopt(zmq.LINGER, 1000)
                raise Stop(0)
            now = time.monotonic()
            wait_ms = max(0, min(next_beat - now, SIGNAL_CHECK_MS / 1000) * 1000)
            if self.socket.poll(wait_ms, zmq.POLLIN):
                while self.socket.poll(0, zmq.POLLIN):
                    frames = self.socket.recv_multipart()
                    last_heard = time.monotonic()
                    welcomed = self.handle(frames) or welcomed
            now = time.monotonic()
            if now - last_heard > self.heartbeat_s * self.liveness:
                return welcomed
            if now >= next_beat:
                self.send(b"HEARTBEAT")
                next_beat = now + self.heartbeat_s

    def handle(self, frames):
        """Acts on one broker message; returns True for WELCOME."""
        if len(frames) < 2 or frames[0] != PROTOCOL:
            if frames and frames[0].startswith(PROTOCOL_PREFIX):
                log.error("broker speaks %s, this worker %s: dropped", frames[0].decode(errors="replace"),
                          PROTOCOL.decode())
            else:
                log.error("dropped a message that is not %s", PROTOCOL.decode())
            return False
        command = frames[1]
        if command == b"WELCOME" and len(frames) == 3:
            self.welcome(frames[2])
            return True
        if command == b"JOB" and len(frames) == 6:
            self.job(frames[2], frames[3].decode(errors="replace"), frames[4])
        elif command == b"HEARTBEAT" and len(frames) == 2:
            pass
        elif command == b"REFUSED" and len(frames) == 3:
            log.error("the broker refused this worker: %s", frames[2].decode(errors="replace"))
            raise Stop(2)
        elif command == b"BYE" and len(frames) == 2:
            log.info("the broker said BYE")
            raise Stop(0)
        else:
            log.error("ignored %s with %d frames", command.decode(errors="replace"), len(frames))
        return False

    def welcome(self, body):
        try:
            welcome = json.loads(body)
            self.heartbeat_s = int(welcome["heartbeat_ms"]) / 1000
            self.liveness = int(welcome["liveness"])
        except (ValueError, KeyError, TypeError) as error:
            log.error("WELCOME does not decode (%s); keeping heartbeat %.0f ms, liveness %d",
                      error, self.heartbeat_s * 1000, self.liveness)
            return
        log.info("welcomed: heartbeat %d ms, liveness %d", self.heartbeat_s * 1000, self.liveness)

    def job(self, job_id, service, input_bytes):
        if service != SERVICE:
            self.fail(job_id, "this worker serves %s, not %s" % (SERVICE, service), retryable=False)
            return
        try:
            result = summarize(input_bytes)
        except BadInput as error:
            self.fail(job_id, str(error), retryable=False)
            return
        except MemoryError:
            self.fail(job_id, "out of memory", retryable=True)
            return
        self.send(b"RESULT", job_id, json.dumps(result, ensure_ascii=False).encode())

    def fail(self, job_id, reason, retryable):
        log.warning("job %s failed: %s", job_id.decode(errors="replace"), reason)
        self.send(b"ERROR", job_id, json.dumps({"reason": reason, "retryable": retryable},
                                               ensure_ascii=False).encode())

    def send(self, command, *frames):
        """Never waits: a DEALER with no broker connected (one that refused our CURVE key, or is
        gone) blocks a send until one connects, and the SIGTERM flag would never be looked at.
        What cannot leave is dropped: a heartbeat or BYE matters only to a broker that is there,
        and one that never gets a RESULT times the job out and retries it."""
        try:
            self.socket.send_multipart([PROTOCOL, command, *frames], flags=zmq.NOBLOCK)
        except zmq.Again:
            log.warning("no broker connected at %s: %s not sent", self.endpoint, command.decode())

    def close(self):
        if self.socket is not None:
            self.socket.close(linger=0)
            self.socket = None

    def sleep(self, seconds):
        """Sleeps, waking early for SIGTERM."""
        deadline = time.monotonic() + seconds
        while not self.terminating and time.monotonic() < deadline:
            time.sleep(min(SIGNAL_CHECK_MS / 1000, deadline - time.monotonic()))
        if self.terminating:
            raise Stop(0)


def main():
    logging.basicConfig(stream=sys.stderr, level=logging.INFO, format=NAME + ": %(message)s")
    endpoint = os.environ.get("REPORTD_BROKER")
    if not endpoint:
        log.error("REPORTD_BROKER is not set: it must name the daemon's worker endpoint, e.g. ipc://var/data/workers.sock")
        return 2
    try:
        curve = curve_settings()
    except (OSError, ValueError) as error:
        log.error("CURVE settings: %s", error)
        return 2
    context = zmq.Context()
    worker = Worker(context, endpoint, curve)

    def terminate(signum, _frame):
        worker.terminating = True

    signal.signal(signal.SIGTERM, terminate)
    signal.signal(signal.SIGINT, terminate)
    try:
        return worker.run()
    finally:
        context.term()


if __name__ == "__main__":
    sys.exit(main())

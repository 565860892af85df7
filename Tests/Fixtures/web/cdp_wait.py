#!/usr/bin/env python3
"""Opens a page in headless Chromium and waits, without reloading it, until a condition holds.

Usage: cdp_wait.py CHROMIUM URL READY_JS DONE_JS TIMEOUT_SECONDS [SCREENSHOT.png]

Speaks the DevTools protocol over --remote-debugging-pipe (fds 3 and 4, NUL-separated JSON), so
it needs nothing beyond the standard library. Prints READY once READY_JS is true, after marking
the window; the caller then changes the world (drops a report). Exits 0 once DONE_JS is true and
the mark is still there (the page was never reloaded), printing DOM and the page's HTML; exits 1
with the last HTML if TIMEOUT_SECONDS pass first.
"""
import base64
import fcntl
import json
import os
import subprocess
import sys
import time

chromium, url, ready_js, done_js, timeout = sys.argv[1:6]
screenshot = sys.argv[6] if len(sys.argv) > 6 else None
deadline = time.monotonic() + float(timeout)

to_browser_read, to_browser_write = os.pipe()
from_browser_read, from_browser_write = os.pipe()


def wire_fds():
    # Chromium reads commands on fd 3 and writes replies on fd 4.
    read_end = fcntl.fcntl(to_browser_read, fcntl.F_DUPFD, 10)
    write_end = fcntl.fcntl(from_browser_write, fcntl.F_DUPFD, 10)
    os.dup2(read_end, 3)
    os.dup2(write_end, 4)


browser = subprocess.Popen(
    [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--remote-debugging-pipe",
     "--window-size=1280,900", "about:blank"],
    preexec_fn=wire_fds, pass_fds=(3, 4), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
    stderr=subprocess.DEVNULL)
os.close(to_browser_read)
os.close(from_browser_write)
pending = b""
next_id = 0


def send(method, params=None, session=None):
    global next_id, pending
    next_id += 1
    message = {"id": next_id, "method": method, "params": params or {}}
    if session:
        message["sessionId"] = session
    os.write(to_browser_write, json.dumps(message).encode() + b"\0")
    while True:
        while b"\0" not in pending:
            chunk = os.read(from_browser_read, 65536)
            if not chunk:
                sys.exit("chromium closed the DevTools pipe")
            pending += chunk
        raw, pending = pending.split(b"\0", 1)
        reply = json.loads(raw)
        if reply.get("id") == next_id:
            if "error" in reply:
                sys.exit(f"{method} failed: {reply['error']}")
            return reply["result"]


def evaluate(session, expression):
    result = send("Runtime.evaluate", {"expression": expression, "returnByValue": True}, session)
    return result.get("result", {}).get("value")


def wait_for(session, expression):
    while time.monotonic() < deadline:
        if evaluate(session, expression) is True:
            return True
        time.sleep(0.25)
    return False


try:
    target = send("Target.createTarget", {"url": url})["targetId"]
    session = send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
    if not wait_for(session, f"document.readyState === 'complete' && ({ready_js})"):
        print(evaluate(session, "document.documentElement.outerHTML"))
        sys.exit(1)
    evaluate(session, "window.__notReloaded = true")
    print("READY", flush=True)
    met = wait_for(session, f"window.__notReloaded === true && ({done_js})")
    if screenshot:
        data = send("Page.captureScreenshot", {"format": "png"}, session)["data"]
        with open(screenshot, "wb") as file:
            file.write(base64.b64decode(data))
    print("DOM", flush=True)
    print(evaluate(session, "document.documentElement.outerHTML"), flush=True)
    sys.exit(0 if met else 1)
finally:
    browser.kill()
    browser.wait()

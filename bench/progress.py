"""Timestamped progress lines, so a long benchmark shows where it is and how long each step took."""
import time


def log(message):
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)

"""Python jieba on the same samples as our segmenter, measured in the same run: issue 5's reference
("about 0.7 MB/s here") moves with the machine and its load, so it is measured, not quoted."""
import logging
import statistics
import time


class JiebaReference:
    """jieba.cut with its default dictionary and HMM (as our segmenter runs with its HMM)."""

    def __init__(self):
        try:
            import jieba
        except ImportError:
            raise SystemExit("python3-jieba is missing (the reference segmenter): run scripts/install-deps.sh, "
                             "and use Debian's /usr/bin/python3")
        jieba.setLogLevel(logging.WARNING)
        # Loading the dictionary is not timed below, as the segmenter benchmark's setup is not.
        jieba.initialize()
        self.jieba = jieba

    def megabytes_per_second(self, texts, seconds):
        """Median MB/s (10⁶ bytes of UTF-8) of passes over all `texts`, passes repeated for about
        `seconds`, as the Swift harness repeats its iterations for a fixed time: by the wall clock
        and per second of this thread's CPU time, and the number of passes."""
        size = sum(len(text.encode("utf-8")) for text in texts)
        wall, cpu = [], []
        deadline = time.monotonic() + seconds
        while not wall or time.monotonic() < deadline:
            started, started_cpu = time.perf_counter(), time.thread_time()
            for text in texts:
                for _ in self.jieba.cut(text):
                    pass
            wall.append(size / 1e6 / (time.perf_counter() - started))
            cpu.append(size / 1e6 / max(time.thread_time() - started_cpu, 1e-6))
        return statistics.median(wall), statistics.median(cpu), len(wall)

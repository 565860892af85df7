"""Makes distinct reports from the sample corpus and drops them into the inbox the safe way."""
import glob
import hashlib
import os
import random
import time


class Report:
    def __init__(self, name, content):
        self.name = name
        self.content = content
        self.report_id = hashlib.sha256(content).hexdigest()
        self.dropped_at = None


def load_corpus(directory):
    paths = sorted(glob.glob(os.path.join(directory, "*.txt")))
    if not paths:
        raise SystemExit(f"no sample reports (*.txt) in {directory}")
    return [open(path, encoding="utf-8").read() for path in paths]


def make_reports(corpus, count, label, seed):
    """Each variant is a sample report, a little shorter or longer, with a line no other variant has."""
    rng = random.Random(seed)
    reports = []
    for index in range(count):
        text = corpus[index % len(corpus)]
        paragraphs = text.split("\n")
        # Drop up to 2% of the paragraphs from the end, or repeat a few from the middle: sizes differ by a few KB.
        if rng.random() < 0.5:
            cut = rng.randint(0, max(1, len(paragraphs) // 50))
            paragraphs = paragraphs[:len(paragraphs) - cut]
        else:
            start = rng.randrange(len(paragraphs))
            paragraphs = paragraphs + paragraphs[start:start + rng.randint(1, 8)]
        paragraphs.append(f"（基准样本 {label}-{index}-{seed}）")
        name = f"bench-{label}-{index:04d}.txt"
        reports.append(Report(name, "\n".join(paragraphs).encode("utf-8")))
    return reports


def stage(report, inbox):
    """Writes the bytes under a dotfile name, which the daemon ignores until the rename."""
    hidden = os.path.join(inbox, "." + report.name + ".part")
    with open(hidden, "wb") as handle:
        handle.write(report.content)
        handle.flush()
        os.fsync(handle.fileno())
    return hidden


def publish(report, hidden, inbox):
    os.rename(hidden, os.path.join(inbox, report.name))
    report.dropped_at = time.monotonic()


def drop(report, inbox):
    publish(report, stage(report, inbox), inbox)

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


# Issue 7 measures reports of 40–50 KB; the samples are 39–51 KB.
SMALLEST, LARGEST = 40_000, 50_000


def make_reports(corpus, count, label, seed):
    """Each variant is a sample report, a little shorter or longer, with a line no other variant has."""
    rng = random.Random(f"{label}-{seed}")
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
        paragraphs = within_size(paragraphs, rng)
        paragraphs.append(f"（基准样本 {label}-{index}-{seed}）")
        name = f"bench-{label}-{index:05d}.txt"
        reports.append(Report(name, "\n".join(paragraphs).encode("utf-8")))
    return reports


def within_size(paragraphs, rng):
    """Cuts paragraphs from the end, or repeats some from the middle, until the text is 40–50 KB."""
    size = sum(len(paragraph.encode("utf-8")) + 1 for paragraph in paragraphs)
    while size > LARGEST - 200 and len(paragraphs) > 1:
        size -= len(paragraphs.pop().encode("utf-8")) + 1
    while size < SMALLEST:
        extra = paragraphs[rng.randrange(len(paragraphs) // 4, len(paragraphs))]
        paragraphs.append(extra)
        size += len(extra.encode("utf-8")) + 1
    return paragraphs


def stage(report, staging):
    """Writes the bytes in a folder beside the inbox (same file system), so only the rename is seen there.

    Staging thousands of files in the inbox itself would flood its inotify queue with their
    create and write events before the renames that matter.
    """
    path = os.path.join(staging, report.name)
    with open(path, "wb") as handle:
        handle.write(report.content)
    return path


def publish(report, staged, inbox):
    os.rename(staged, os.path.join(inbox, report.name))
    report.dropped_at = time.monotonic()


def drop(report, staging, inbox):
    publish(report, stage(report, staging), inbox)


def drop_all(reports, staging, inbox):
    """Everything is written first, so the renames land in one burst as a batch copy's would."""
    staged = [stage(report, staging) for report in reports]
    for report, path in zip(reports, staged):
        publish(report, path, inbox)

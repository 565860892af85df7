"""Samples the resident memory and CPU time of the daemon and its worker processes from /proc."""
import os
import threading


def read_status(pid):
    """VmRSS and VmHWM in KiB, or None once the process is gone."""
    fields = {}
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                key, _, value = line.partition(":")
                if key in ("Name", "VmRSS", "VmHWM"):
                    fields[key] = value.strip()
    except (FileNotFoundError, ProcessLookupError):
        return None
    if "VmHWM" not in fields:
        return None  # a zombie has no memory lines
    return program_name(pid) or fields["Name"], int(fields["VmRSS"].split()[0]), int(fields["VmHWM"].split()[0])


def program_name(pid):
    """The executable's name from argv[0]: the status Name is cut at 15 characters (report-summariz)."""
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as cmdline:
            first = cmdline.read().split(b"\0", 1)[0]
    except (FileNotFoundError, ProcessLookupError):
        return None
    return os.path.basename(first.decode(errors="replace")) or None


CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid):
    """User plus system CPU time so far, or None once the process is gone."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            after_name = stat.read().rsplit(")", 1)[1].split()
    except (FileNotFoundError, ProcessLookupError, IndexError):
        return None
    # Fields 14 and 15 of stat(5); after_name starts at field 3.
    return (int(after_name[11]) + int(after_name[12])) / CLOCK_TICKS


def children_of(pid):
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as stat:
                # The name is in parentheses and may hold spaces; fields after it are fixed.
                after_name = stat.read().rsplit(")", 1)[1].split()
        except (FileNotFoundError, ProcessLookupError, IndexError):
            continue
        if int(after_name[1]) == pid:
            found.append(int(entry))
    return found


class MemorySampler:
    def __init__(self, daemon_pid, interval=0.1):
        self.daemon_pid = daemon_pid
        self.interval = interval
        self.peak_by_name = {}   # process name -> highest VmHWM seen, KiB
        self.peak_total_rss = 0  # highest sum of VmRSS over the daemon and its workers at one instant, KiB
        self.cpu_by_pid = {}     # pid -> (process name, CPU seconds at the last sample)
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=self._run, name="memory", daemon=True)

    def start(self):
        self.thread.start()

    def stop(self):
        self.stopping.set()
        self.thread.join()
        self.sample()  # the high-water marks as they stand at the end

    def _run(self):
        while not self.stopping.wait(self.interval):
            self.sample()

    def sample(self):
        total = 0
        for pid in [self.daemon_pid] + children_of(self.daemon_pid):
            status = read_status(pid)
            if status is None:
                continue
            name, rss, hwm = status
            name = "reportd" if pid == self.daemon_pid else name
            self.peak_by_name[name] = max(self.peak_by_name.get(name, 0), hwm)
            total += rss
            seconds = cpu_seconds(pid)
            if seconds is not None:
                self.cpu_by_pid[pid] = (name, seconds)
        self.peak_total_rss = max(self.peak_total_rss, total)

    def cpu_by_name(self):
        """CPU seconds per process name, summed over its instances (restarted ones included)."""
        totals = {}
        for name, seconds in self.cpu_by_pid.values():
            totals[name] = totals.get(name, 0) + seconds
        return totals

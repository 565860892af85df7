"""Percentiles, the issues' targets, and the result table both benchmarks print."""
import math
import operator
import statistics


def percentile(values, fraction):
    """Nearest-rank percentile: a value that was actually measured."""
    ordered = sorted(values)
    rank = math.ceil(round(fraction * len(ordered), 9))
    return ordered[min(max(rank, 1), len(ordered)) - 1]


class Target:
    """An issue's bound, e.g. Target("<", 20): a figure meets it when `figure < 20`."""
    COMPARISONS = {"<": operator.lt, "≤": operator.le, "≥": operator.ge, ">": operator.gt}

    def __init__(self, comparison, bound):
        self.comparison = comparison
        self.bound = bound

    def met_by(self, value):
        return self.COMPARISONS[self.comparison](value, self.bound)

    def __str__(self):
        return f"{self.comparison} {self.bound:g}"


def table(rows):
    """rows: (figure name, values one per run, Target or None[, note]). A target is passed when
    the median of the runs meets it; the result also says in how many runs it was met. A note
    (a reference figure, say) follows the result."""
    width = max(len(row[0]) for row in rows) + 2
    header = f"{'figure':<{width}}{'runs':>5}{'min':>10}{'median':>10}{'max':>10}  {'target':<9}result"
    lines = [header, "-" * (len(header) + 10)]
    for name, values, target, *note in rows:
        if not values:
            lines.append(f"{name:<{width}}{0:>5}{'—':>10}{'—':>10}{'—':>10}  {str(target or '—'):<9}not measured")
            continue
        median = statistics.median(values)
        result = ""
        if target:
            met = sum(target.met_by(value) for value in values)
            result = f"{'pass' if target.met_by(median) else 'MISS'} ({met}/{len(values)} runs)"
        result = "; ".join(part for part in [result, *note] if part)
        lines.append(f"{name:<{width}}{len(values):>5}{number(min(values)):>10}{number(median):>10}"
                     f"{number(max(values)):>10}  {str(target or '—'):<9}{result}".rstrip())
    return "\n".join(lines)


def number(value):
    return f"{value:.0f}" if abs(value) >= 100 else f"{value:.1f}" if abs(value) >= 10 else f"{value:.2f}"

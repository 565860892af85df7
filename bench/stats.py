"""Percentiles and the result table."""
import math
import statistics


def percentile(values, fraction):
    """Nearest-rank percentile: a value that was actually measured."""
    ordered = sorted(values)
    rank = math.ceil(round(fraction * len(ordered), 9))
    return ordered[min(max(rank, 1), len(ordered)) - 1]


def table(figures, runs):
    """figures: name -> list of values, one per run."""
    width = max(len(name) for name in figures) + 2
    if runs == 1:
        lines = [f"{'figure':<{width}}{'value':>12}"]
        lines += [f"{name:<{width}}{values[0]:>12.1f}" for name, values in figures.items()]
    else:
        lines = [f"{'figure':<{width}}{'min':>12}{'median':>12}{'max':>12}"]
        for name, values in figures.items():
            lines.append(f"{name:<{width}}{min(values):>12.1f}{statistics.median(values):>12.1f}{max(values):>12.1f}")
    return "\n".join(lines)

#!/usr/bin/env python3
"""Scores the parser on the held-out reports (Tests/Fixtures/heldout): every metadata field and
headline figure the text states, against the values written down with the texts in
expected.json, as right, null (not found) or wrong. Usage: heldout-score.py [report-parser]."""
import json
import subprocess
import sys
from pathlib import Path

METADATA = ["region", "region_full", "region_code", "region_level", "review_year", "plan_year",
            "review_first_year", "speaker", "speaker_office", "meeting_date"]


def parse(parser, path):
    run = subprocess.run([parser, "parse", str(path)], capture_output=True, timeout=120)
    if run.returncode != 0:
        sys.exit(f"{path.name}: report-parser failed: {run.stderr.decode('utf-8', 'replace')}")
    return json.loads(run.stdout)


def figure(doc, name, kind):
    """The figure a consumer sees for a headline indicator: the main target list's item for a
    target, else the first one of that kind (what `reportctl compare` shows)."""
    found = [i for i in doc.get("indicators", []) if i["name"] == name and i["kind"] == kind]
    listed = [i for i in found if i.get("source") == "target_list"]
    return (listed or found or [None])[0]


def judge(expected, actual):
    if actual is None:
        return "null"
    if isinstance(expected, float) or isinstance(expected, int) and not isinstance(expected, bool):
        return "right" if isinstance(actual, (int, float)) and abs(actual - expected) < 1e-9 else "wrong"
    return "right" if actual == expected else "wrong"


def main():
    root = Path(__file__).resolve().parent.parent
    parser = sys.argv[1] if len(sys.argv) > 1 else str(root / ".build/debug/report-parser")
    folder = root / "Tests/Fixtures/heldout"
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    tally = {}
    misses = []

    def count(group, fixture, field, want, got):
        verdict = "right" if want is None and got is None else judge(want, got) if want is not None else "wrong"
        tally.setdefault(group, {"right": 0, "null": 0, "wrong": 0})[verdict] += 1
        if verdict != "right":
            misses.append((fixture, field, want, got, verdict))

    for fixture, want in expected.items():
        doc = parse(parser, folder / fixture)
        for field in METADATA:
            if field in want["metadata"]:
                count("metadata", fixture, field, want["metadata"][field], doc.get(field))
            elif doc.get(field) is not None:
                # A field the text does not state is invented.
                count("metadata", fixture, field, None, doc.get(field))
        for kind in ("actual", "target"):
            # Every other figure of an expected indicator and kind is a second answer; one that
            # differs from the text's (another city's 经济总量, a five-year goal) is wrong too.
            for name, fields in want[kind].items():
                chosen = figure(doc, name, kind)
                group = f"GDP {kind}" if name == "地区生产总值" else f"other {kind}s"
                for other in doc.get("indicators", []):
                    if other["name"] == name and other["kind"] == kind and other is not chosen and not all(
                            judge(v, other.get(k)) == "right" for k, v in fields.items()):
                        count(group, fixture, f"{kind} {name} (another figure)", None,
                              f"{other.get('value')}{other.get('unit') or ''} {other.get('growth_pct')}%: {other['evidence'][:30]}")
            for name, fields in want[kind].items():
                got = figure(doc, name, kind) or {}
                group = f"GDP {kind}" if name == "地区生产总值" else f"other {kind}s"
                for key, value in fields.items():
                    count(group, fixture, f"{kind} {name}.{key}", value, got.get(key))
                # A bound or range the text does not state must not be there either. Without a
                # growth rate, `qualifier` repeats the value's bound (docs/PARSING.md), so an
                # expected `qualifier` of a bare value is also its `value_qualifier`, and back.
                bare = "growth_pct" not in fields
                for key in ("qualifier", "value_qualifier", "growth_pct_high", "value_high", "not_stated", "estimated"):
                    twin = {"qualifier": "value_qualifier", "value_qualifier": "qualifier"}.get(key)
                    stated = fields.get(key, fields.get(twin) if bare and twin else None)
                    if key not in fields and got.get(key) not in (None, False) and got.get(key) != stated:
                        count(group, fixture, f"{kind} {name}.{key}", None, got.get(key))

    print("| group | fields | right | null | wrong |")
    print("|---|---|---|---|---|")
    for group, t in tally.items():
        n = sum(t.values())
        print(f"| {group} | {n} | {t['right']} ({100 * t['right'] / n:.0f}%) | {t['null']} ({100 * t['null'] / n:.0f}%) "
              f"| {t['wrong']} ({100 * t['wrong'] / n:.0f}%) |")
    print("\n| fixture | field | expected | found | verdict |")
    print("|---|---|---|---|---|")
    for fixture, field, want, got, verdict in misses:
        print(f"| {fixture} | {field} | {want} | {got} | {verdict} |")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Prints, for every fixture, what the parser found, as Markdown tables, so a regression
shows at a glance: `make eval`. Runs the real report-parser's one-shot `parse` command."""
import json
import subprocess
import sys
from pathlib import Path

HEADLINE = ["地区生产总值", "一般公共预算收入", "固定资产投资", "社会消费品零售额",
            "居民人均可支配收入", "失业率", "居民消费价格涨幅"]


def fixtures(root):
    corpus = sorted((root / "Tests/Fixtures/corpus").glob("*.txt"))
    real = sorted(p for p in (root / "Tests/Fixtures/real").iterdir() if p.suffix != ".md")
    variants = sorted(p for p in (root / "Tests/Fixtures/variants").iterdir() if p.suffix != ".md")
    return corpus + variants + real


def parse(parser, path):
    run = subprocess.run([parser, "parse", str(path)], capture_output=True, timeout=120)
    if run.returncode != 0:
        return None, run.stderr.decode("utf-8", "replace").strip().splitlines()[-1]
    return json.loads(run.stdout), None


def count_sections(sections):
    return sum(1 + count_sections(s["children"]) for s in sections)


def depth(sections):
    return max((1 + depth(s["children"]) for s in sections), default=0)


def cell(value):
    return "—" if value in (None, "") else str(value).replace("|", "/")


def main():
    root = Path(__file__).resolve().parent.parent
    parser = sys.argv[1] if len(sys.argv) > 1 else str(root / ".build/debug/report-parser")
    results = [(path, *parse(parser, path)) for path in fixtures(root)]

    print("## Metadata\n")
    print("| fixture | format | title | region | full form | code | level | years | speaker | session | date | report? |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for path, d, error in results:
        if d is None:
            print(f"| {path.name} | failed: {cell(error)} ||||||||||")
            continue
        t = d.get("document_type") or {}
        speaker = f"{d['speaker']} ({d.get('speaker_office')})" if d.get("speaker") else None
        years = f"{d.get('review_year')}→{d.get('plan_year')}"
        if d.get("review_first_year"):
            years = f"{d['review_first_year']}–{years}"
        print(f"| {path.name} | {d.get('source_format')}/{d['encoding']} | {cell(d.get('title'))} | {cell(d.get('region'))} "
              f"| {cell(d.get('region_full'))} | {cell(d.get('region_code'))} | {cell(d.get('region_level'))} | {years} "
              f"| {cell(speaker)} | {cell(d.get('session'))} | {cell(d.get('meeting_date'))} "
              f"| {'yes' if t.get('is_report') else 'no'} {t.get('confidence')} |")

    # Where each field came from (title, speaker_line, date_line, opening, heading, body, derived),
    # and where the cues disagreed.
    print("\n## Metadata sources\n")
    print("| fixture | region | speaker | date | session | review year | plan year | notes |")
    print("|---|---|---|---|---|---|---|---|")
    for path, d, error in results:
        if d is None:
            continue
        m = d.get("metadata_sources") or {}
        print(f"| {path.name} | {cell(m.get('region'))} | {cell(m.get('speaker'))} | {cell(m.get('meeting_date'))} "
              f"| {cell(m.get('session'))} | {cell(m.get('review_year'))} | {cell(m.get('plan_year'))} "
              f"| {cell('; '.join(d.get('metadata_notes') or []))} |")

    print("\n## Structure and indicators\n")
    print("| fixture | paragraphs | sentences | top-level sections | all sections | depth | actual | target | other statements | headline indicators found |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for path, d, error in results:
        if d is None:
            continue
        indicators = [i for i in d["indicators"] if is_headline(i)]
        others = len(d["indicators"]) - len(indicators)
        actual = sum(1 for i in indicators if i["kind"] == "actual")
        target = len(indicators) - actual
        found = [h for h in HEADLINE if any(h in i["name"] for i in indicators)]
        tops = " / ".join(f"{s.get('number') or ''}{s['title']} ({len(s['children'])})" for s in d["sections"])
        print(f"| {path.name} | {len(d['paragraphs'])} | {len(d.get('sentences') or [])} | {cell(tops)} "
              f"| {count_sections(d['sections'])} | {depth(d['sections'])} "
              f"| {actual} | {target} | {others} | {len(found)}/{len(HEADLINE)}: {'、'.join(found)} |")

    print("\n## Headline indicators\n")
    print("value and growth show a range as low–high; bound is value_qualifier; est. is estimated (预计); "
          "the main target list's other items are listed too (source target_list).\n")
    print("| fixture | kind | name | value | unit | bound | growth % | qualifier | est. | not stated | direction | source | year |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for path, d, error in results:
        if d is None:
            continue
        for i in d["indicators"]:
            if not (is_headline(i) or i.get("source") == "target_list"):
                continue
            print(f"| {short(path)} | {i['kind']} | {i['name']} | {cell(span(i.get('value'), i.get('value_high')))} | {cell(i.get('unit'))} "
                  f"| {cell(i.get('value_qualifier'))} | {cell(span(i.get('growth_pct'), i.get('growth_pct_high')))} "
                  f"| {cell(i.get('qualifier'))} | {'yes' if i.get('estimated') else '—'} | {'yes' if i.get('not_stated') else '—'} "
                  f"| {cell(i.get('direction'))} | {cell(i.get('source'))} | {cell(i.get('year'))} |")


    print("\n## Other quantitative statements (the first ten of each fixture)\n")
    print("| fixture | count | first ten: name value unit (growth %) |")
    print("|---|---|---|")
    for path, d, error in results:
        if d is None:
            continue
        others = [i for i in d["indicators"] if not is_headline(i)]
        shown = "; ".join(describe(i) for i in others[:10])
        print(f"| {short(path)} | {len(others)} | {cell(shown)} |")


def short(path):
    # The samples by number (000.txt); the real reports by their whole name.
    return f"{path.name[:3]}{path.suffix}" if path.name[:3].isdigit() else path.name


def span(low, high):
    return None if low is None else (f"{low:g}–{high:g}" if high is not None else f"{low:g}")


def is_headline(indicator):
    # The parser's own flag; the name check covers output from before it had one.
    if indicator.get("headline") is not None:
        return indicator["headline"]
    return any(h in indicator["name"] for h in HEADLINE)


def describe(i):
    figure = f"{i['value']:g}{i.get('unit') or ''}" if i.get("value") is not None else ""
    growth = f" ({i['growth_pct']:+g}%)" if i.get("growth_pct") is not None else ""
    return f"{i['name']} {figure}{growth}".strip()


if __name__ == "__main__":
    main()

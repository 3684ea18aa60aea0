#!/usr/bin/env python3
"""docs/seeds.md stays true to itself and to the examples.

Checks that the summary table counts exactly the status of the rows above it,
per document and in total, that every status is one of the five the page
defines, and that every `examples/<file>.topo:N` it cites (and `:N` or `N`-`M`
continuations) names an existing example and a non-blank line of it.

Usage: seeds_doc_test.py [SEEDS_MD]
"""
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent.parent
STATUSES = ["expressed", "substituted", "not yet", "refused", "out of scope"]


def cells(line):
    return [c.strip() for c in line.strip().strip("|").split("|")]


def main():
    path = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "seeds.md"
    text = path.read_text(encoding="utf-8")
    errors = []
    counts = {}  # example file -> status -> rows
    example = None
    in_summary = False
    summary = {}
    for number, line in enumerate(text.splitlines(), 1):
        if line.startswith("## "):
            in_summary = line.strip() == "## Summary"
            example = None
            continue
        m = re.match(r"Example: `examples/([^`]+)`", line)
        if m:
            example = m.group(1)
            counts.setdefault(example, {s: 0 for s in STATUSES})
            continue
        if not line.startswith("| ") or line.startswith("| ---") or line.startswith("| Item"):
            continue
        row = cells(line)
        if in_summary:
            if row[0] == "Document":
                continue
            m = re.search(r"\(`([^`]+)`\)", row[0])
            key = m.group(1) if m else row[0]
            summary[key] = [int(c) for c in row[1:6]]
            continue
        if example is None:
            continue
        status = row[1]
        if status not in STATUSES:
            errors.append(f"{path}:{number}: status `{status}` is not one of {STATUSES}")
            continue
        counts[example][status] += 1
        # Every citation: `examples/f.topo:N`, then `:M` or `N`-`M` forms that follow it.
        current = None
        for token in re.findall(r"`([^`]+)`", row[2] if len(row) > 2 else ""):
            m = re.fullmatch(r"examples/([\w.-]+\.topo)(?::(\d+))?", token)
            if m:
                current = ROOT / "examples" / m.group(1)
                if not current.exists():
                    errors.append(f"{path}:{number}: cites {token}, which does not exist")
                    current = None
                    continue
                lines_ = [m.group(2)] if m.group(2) else []
            else:
                m2 = re.fullmatch(r":?(\d+)", token)
                if not m2 or current is None:
                    continue
                lines_ = [m2.group(1)]
            if current is None:
                continue
            source = current.read_text(encoding="utf-8").splitlines()
            for n in lines_:
                n = int(n)
                if n < 1 or n > len(source) or not source[n - 1].strip():
                    errors.append(f"{path}:{number}: cites {current.name}:{n}, which is "
                                  f"{'past the end' if n > len(source) else 'blank'}")
    totals = [0] * 5
    for key, per in counts.items():
        actual = [per[s] for s in STATUSES]
        totals = [a + b for a, b in zip(totals, actual)]
        if summary.get(key) != actual:
            errors.append(f"{path}: the summary gives {summary.get(key)} for {key}, "
                          f"the tables count {actual} ({', '.join(STATUSES)})")
    if summary.get("All five") != totals:
        errors.append(f"{path}: the summary's total is {summary.get('All five')}, the tables "
                      f"count {totals}")
    if not counts:
        errors.append(f"{path}: no `Example: ` sections found")
    for e in errors:
        print(e)
    print(f"{len(errors)} problem(s) in {sum(sum(c.values()) for c in counts.values())} rows "
          f"of {len(counts)} documents")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())

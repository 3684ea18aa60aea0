#!/usr/bin/env python3
"""No example comment promises what the generated tree lacks.

tests/examples/claims.tsv pairs each factual claim a comment in examples/*.topo
makes about the output (numbers, tiers, replication, locations, failover,
retention) with text that must appear in what `topoc build --target all`
writes for that example. A row has four tab-separated fields:

  example   the file under examples/, e.g. eu-enterprise.topo
  quote     a piece of the comment line the row backs; it must occur on
            exactly one line of the example, and that line must be a comment,
            so a row follows its comment when lines move and fails when the
            comment is reworded or removed
  path      a file of the built tree relative to the output directory (glob
            patterns allowed, every match searched), or `@diagnostics` for
            what the build reported on stderr
  pattern   a Python regular expression (multiline) that must match; with a
            leading `!`, one that must not match in any of the files

Lines starting with `#` and blank lines are ignored. On a failure the test
prints the example line, the comment, the pattern and the files searched.

Usage: claims_test.py TOPOC_BINARY [CLAIMS_TSV]
"""
import pathlib
import re
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent.parent
EXAMPLES = ROOT / "examples"


def read_rows(tsv):
    rows = []
    for number, line in enumerate(tsv.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 4 or not all(field.strip() for field in fields):
            sys.exit(f"{tsv}:{number}: expected 4 non-empty tab-separated fields, got {len(fields)}")
        rows.append((number, *fields))
    return rows


def build(topoc, example, out):
    try:
        result = subprocess.run([topoc, "build", str(EXAMPLES / example), "-o", str(out), "--target", "all"],
                                capture_output=True, text=True)
    except OSError as error:
        sys.exit(f"cannot run {topoc}: {error.strerror}")
    if result.returncode != 0:
        sys.exit(f"topoc build {example} failed (exit {result.returncode}):\n{result.stderr}")
    return result.stderr


def comment_line(example, lines, quote):
    """The 1-based number of the one comment line holding `quote`, or an error."""
    hits = [i for i, text in enumerate(lines, 1) if quote in text]
    if not hits:
        return None, f"no line of examples/{example} contains the quote"
    if len(hits) > 1:
        return None, f"the quote is on lines {', '.join(map(str, hits))} of examples/{example}; make it unique"
    number = hits[0]
    if not lines[number - 1].lstrip().startswith("#"):
        return None, f"examples/{example}:{number} holds the quote but is no longer a comment"
    return number, None


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    topoc = sys.argv[1]
    tsv = pathlib.Path(sys.argv[2]) if len(sys.argv) == 3 else pathlib.Path(__file__).with_name("claims.tsv")
    rows = read_rows(tsv)
    failures = []
    with tempfile.TemporaryDirectory(prefix="topoc-claims-") as tmp:
        outputs = {}
        for example in sorted({row[1] for row in rows}):
            out = pathlib.Path(tmp) / example
            outputs[example] = (out, build(topoc, example, out),
                                (EXAMPLES / example).read_text(encoding="utf-8").splitlines())
        for tsv_line, example, quote, path, pattern in rows:
            out, diagnostics, lines = outputs[example]
            where = f"{tsv.name}:{tsv_line}"
            number, error = comment_line(example, lines, quote)
            if error:
                failures.append(f"{where}: {error}\n  quote: {quote}")
                continue
            if path == "@diagnostics":
                texts = {"(build diagnostics)": diagnostics}
            else:
                files = sorted(p for p in out.glob(path) if p.is_file())
                if not files:
                    failures.append(f"{where}: examples/{example}:{number}: no file `{path}` in the built tree")
                    continue
                texts = {str(p.relative_to(out)): p.read_text(encoding="utf-8") for p in files}
            negated = pattern.startswith("!")
            regex = re.compile(pattern[1:] if negated else pattern, re.MULTILINE)
            matched = [name for name, text in texts.items() if regex.search(text)]
            if matched if negated else not matched:
                failures.append(
                    f"{where}: examples/{example}:{number}: the comment's claim is not in the output\n"
                    f"  line:     {lines[number - 1].strip()}\n"
                    f"  expected: {'no match of ' if negated else ''}/{regex.pattern}/\n"
                    f"  in:       {', '.join(matched if negated else texts)}")
    for failure in failures:
        print(failure)
    print(f"{len(rows) - len(failures)} of {len(rows)} claims hold")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

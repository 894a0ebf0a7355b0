"""Benchmark: how often transliterate() lists the renderings that outlets really print.

Reads ``bench/data/translit_renderings.csv`` (name, kind, lang, rendering, source_url:
renderings of Vietnamese names collected from real pages) and, for each row, asks
:func:`multipub.translit.transliterate` for the expected forms of the name. Prints per
language, per language and kind, and overall:

* ``rows``: collected rows; ``excl``: rows left out, each with its reason in
  ``bench/data/translit_exclusions.csv`` (name, lang, rendering, reason);
* ``coverage``: the share of the remaining rows whose rendering is among the forms;
* ``top-1``: the share whose rendering is the preferred (first) form;
* ``forms``: the mean number of forms returned.

A rendering and a form are compared after NFC, case folding, Arabic vowel signs
(harakat, which no form carries) and typographic apostrophes (’ as '); nothing else.
The targets of issue 13 are marked met or not. It prints numbers and never fails;
``--misses`` also lists the rows that are not covered.

Usage: python bench/bench_translit.py [--misses] [--data CSV] [--exclusions CSV]
"""

from __future__ import annotations

import argparse
import csv
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from multipub.translit import matches_chinese, transliterate

DATA = Path(__file__).resolve().parent / "data"
RENDERINGS = DATA / "translit_renderings.csv"
EXCLUSIONS = DATA / "translit_exclusions.csv"
# (language, coverage at least, top-1 at least or None)
TARGETS: dict[str, tuple[float, float | None]] = {
    "ru": (0.95, 0.80),
    "zh": (0.85, None),
    "fr": (0.95, None),
    "ar": (0.95, None),
}
_HARAKAT = re.compile("[\u064b-\u0652\u0670]")


def fold(text: str) -> str:
    """Return ``text`` as compared: NFC, case-folded, no harakat, plain apostrophes."""
    text = unicodedata.normalize("NFC", text).casefold()
    return _HARAKAT.sub("", text).replace("\u2019", "'").strip()


@dataclass
class Tally:
    """Counts for one group of rows."""

    rows: int = 0
    excluded: int = 0
    covered: int = 0
    top1: int = 0
    forms: int = 0
    read_back: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def measured(self) -> int:
        return self.rows - self.excluded

    def share(self, count: int) -> float:
        return count / self.measured if self.measured else 0.0


def load_exclusions(path: Path) -> dict[tuple[str, str, str], str]:
    """Return (name, lang, rendering) -> reason."""
    if not path.is_file():
        return {}
    with path.open(encoding="utf-8", newline="") as handle:
        return {
            (row["name"], row["lang"], fold(row["rendering"])): row["reason"]
            for row in csv.DictReader(handle)
        }


def run(data: Path, exclusions: Path) -> dict[tuple[str, str], Tally]:
    """Return the tallies per (lang, kind)."""
    excluded = load_exclusions(exclusions)
    tallies: dict[tuple[str, str], Tally] = defaultdict(Tally)
    with data.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            tally = tallies[(row["lang"], row["kind"])]
            tally.rows += 1
            rendering = fold(row["rendering"])
            if (row["name"], row["lang"], rendering) in excluded:
                tally.excluded += 1
                continue
            forms = transliterate(row["name"], row["lang"], kind=row["kind"])
            folded = [fold(f) for f in forms]
            tally.forms += len(forms)
            if rendering in folded:
                tally.covered += 1
            else:
                tally.misses.append(f"{row['name']} -> {row['rendering']}  not in {forms}")
            if folded[:1] == [rendering]:
                tally.top1 += 1
            if row["lang"] == "zh" and matches_chinese(row["name"], row["rendering"]):
                tally.read_back += 1
    return tallies


def merge(tallies: list[Tally]) -> Tally:
    total = Tally()
    for t in tallies:
        total.rows += t.rows
        total.excluded += t.excluded
        total.covered += t.covered
        total.top1 += t.top1
        total.forms += t.forms
        total.read_back += t.read_back
        total.misses += t.misses
    return total


def line(label: str, t: Tally, target: str = "") -> str:
    mean = t.forms / t.measured if t.measured else 0.0
    return (
        f"{label:<14}{t.rows:>6}{t.excluded:>6}{t.share(t.covered):>10.3f}"
        f"{t.share(t.top1):>8.3f}{mean:>8.2f}  {target}"
    ).rstrip()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--data", type=Path, default=RENDERINGS)
    parser.add_argument("--exclusions", type=Path, default=EXCLUSIONS)
    parser.add_argument("--misses", action="store_true", help="list the rows not covered")
    args = parser.parse_args(argv)
    tallies = run(args.data, args.exclusions)
    langs = sorted({lang for lang, _kind in tallies})
    print(f"{'lang':<14}{'rows':>6}{'excl':>6}{'coverage':>10}{'top-1':>8}{'forms':>8}")
    for lang in langs:
        t = merge([v for (lg, _k), v in tallies.items() if lg == lang])
        target = ""
        if lang in TARGETS:
            cov, top = TARGETS[lang]
            met = t.share(t.covered) >= cov and (top is None or t.share(t.top1) >= top)
            wanted = f"coverage >= {cov}" + (f", top-1 >= {top}" if top is not None else "")
            target = f"target {wanted}: {'met' if met else 'NOT met'}"
        print(line(lang, t, target))
    print(line("overall", merge(list(tallies.values()))))
    print()
    print("per kind")
    for lang, kind in sorted(tallies):
        print(line(f"{lang} {kind}", tallies[(lang, kind)]))
    zh = merge([v for (lg, _k), v in tallies.items() if lg == "zh"])
    if zh.measured:
        print()
        print(
            f"zh read back (matches_chinese: the rendering's characters read as the name's "
            f"syllables): {zh.read_back}/{zh.measured} = {zh.share(zh.read_back):.3f}"
        )
    if args.misses:
        for (lang, kind), t in sorted(tallies.items()):
            for miss in t.misses:
                print(f"MISS {lang} {kind}: {miss}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Benchmark: time and memory of checking articles near the limits a desk can set.

Checks, each case in a process of its own (so that its memory is its own), through
``multipub.check_paths`` on an article file built in a temporary folder:

* ``blocks N``: one article whose vi source and ar translation have N blocks each (1,000,
  10,000 and 20,000 by default; ``Config(max_blocks=50_000)`` so that no limit refuses
  them), blocks of about 20 generated words with one or two numbers, the same numbers on
  both sides but for one block in 50, and one block in 100 repeated verbatim;
* ``1 MB block``: one article whose vi source and ar translation are each a single block
  of 1,000,000 characters holding glossary forms (about 1.5 mentions per 150 characters),
  checked with a synthetic glossary of 10,000 entries (``bench_glossary.build_glossary``;
  the matchers are built inside the run, as ``multipub check -g`` does).

For each case it prints the seconds of the check (after a warm-up check of a small article
of the same text, which loads the language models), the growth of the process's peak
resident memory during it (``resource.getrusage`` maxrss, after the file and glossary were
built), and, from a second cold run under ``tracemalloc``, the peak of Python allocations.
For the block cases it then prints the seconds per 1,000 blocks at each size and their
ratio to the smallest size: near 1.0 is linear growth. It prints numbers and asserts
nothing.

Usage: python bench/bench_limits.py [--sizes 1000,10000,20000] [--glossary-entries N]
                                    [--block-chars N] [--no-tracemalloc]
Takes about 3 minutes on two cores with --no-tracemalloc; the traced runs add about 15
(tracemalloc slows the checks 2 to 8 times, the 1 MB block's the most).
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path
from typing import Any

from multipub import Config, check_paths
from multipub.glossary import Glossary

sys.path.insert(0, str(Path(__file__).resolve().parent))  # for bench_glossary

TARGET = "ar"
WORDS_PER_BLOCK = 20


def _maxrss_mb() -> float:
    """Return the peak resident memory of this process so far, in MB (Linux: KB units)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _number(rng: random.Random) -> str:
    """Return a number as news writes it: a count, a year, a decimal or a percentage."""
    kind = rng.random()
    if kind < 0.4:
        return str(rng.randint(2, 999))
    if kind < 0.6:
        return str(rng.randint(1990, 2030))
    if kind < 0.8:
        return f"{rng.randint(1, 99)}.{rng.randint(1, 9)}"
    return f"{rng.randint(1, 99)}%"


def _sentence(rng: random.Random, words: list[str], numbers: list[str]) -> str:
    picked = [rng.choice(words) for _ in range(WORDS_PER_BLOCK)]
    for number in numbers:
        picked.insert(rng.randrange(len(picked) + 1), number)
    return " ".join(picked)


def build_blocks(count: int, seed: int = 5) -> dict[str, list[str]]:
    """Return ``count`` vi blocks and as many ar blocks that carry the same numbers (but
    for one block in 50), with one block in 100 a verbatim repeat of an earlier one."""
    from bench_glossary import FILLER

    rng = random.Random(seed)
    source: list[str] = []
    target: list[str] = []
    for index in range(count):
        if index and index % 100 == 0:
            earlier = rng.randrange(index)
            source.append(source[earlier])
            target.append(target[earlier])
            continue
        numbers = [_number(rng) for _ in range(rng.randint(1, 2))]
        source.append(_sentence(rng, FILLER["vi"], numbers))
        if index % 50 == 25:
            numbers = [str(rng.randint(1000, 9999)) for _ in numbers]  # a changed number
        target.append(_sentence(rng, FILLER[TARGET], numbers))
    return {"vi": source, TARGET: target}


def build_big_block(glossary: Glossary, lang: str, chars: int) -> str:
    """Return one block of ``chars`` characters: paragraphs holding glossary forms."""
    from bench_glossary import build_paragraphs

    paragraphs = build_paragraphs(glossary, lang, chars // 140 + 1, seed=13)
    return " ".join(paragraphs)[:chars]


def _write_article(folder: Path, blocks: dict[str, list[str]]) -> Path:
    folder.mkdir(exist_ok=True)
    path = folder / "article.json"
    article = {
        "id": "bench-limits",
        "source_lang": "vi",
        "published_at": "2024-05-20T08:00:00+07:00",
        "variants": {lang: {"blocks": texts} for lang, texts in blocks.items()},
    }
    path.write_text(json.dumps(article, ensure_ascii=False), encoding="utf-8")
    return path


def run_case(case: str, trace: bool, glossary_entries: int, block_chars: int) -> dict[str, Any]:
    """Build one case's article (and glossary), check it once, and return the numbers."""
    glossary: Glossary | None = None
    built = time.perf_counter()
    if case == "big":
        from bench_glossary import build_glossary

        glossary = build_glossary(glossary_entries)
        blocks = {lang: [build_big_block(glossary, lang, block_chars)] for lang in ("vi", TARGET)}
        config = Config(max_block_chars=max(block_chars, Config().max_block_chars))
    else:
        blocks = build_blocks(int(case))
        config = Config(max_blocks=50_000)
    with tempfile.TemporaryDirectory() as folder:
        path = _write_article(Path(folder), blocks)
        file_mb = path.stat().st_size / 1e6
        built = time.perf_counter() - built
        # Warm up on a small article of the same text (language models are loaded on
        # first use), so that the case's seconds are the work that grows with it.
        warm_up = time.perf_counter()
        small = {
            lang: texts[:50] if case != "big" else [texts[0][:5000]]
            for lang, texts in blocks.items()
        }
        check_paths([_write_article(Path(folder) / "warm", small)], config=config)
        warm_up = time.perf_counter() - warm_up
        rss_before = _maxrss_mb()
        if trace:
            tracemalloc.start()
        started = time.perf_counter()
        report = check_paths([path], config=config, glossary=glossary)
        seconds = time.perf_counter() - started
        traced_peak = tracemalloc.get_traced_memory()[1] / 1e6 if trace else None
        if trace:
            tracemalloc.stop()
        rss_after = _maxrss_mb()
    codes: dict[str, int] = {}
    for finding in report.findings:
        codes[finding.code] = codes.get(finding.code, 0) + 1
    return {
        "case": case,
        "seconds": seconds,
        "build_seconds": built,
        "warm_up_seconds": warm_up,
        "file_mb": file_mb,
        "rss_mb": rss_after,
        "rss_delta_mb": rss_after - rss_before,
        "traced_peak_mb": traced_peak,
        "findings": dict(sorted(codes.items())),
    }


def _in_own_process(case: str, args: argparse.Namespace, trace: bool) -> dict[str, Any]:
    """Run one case in a fresh interpreter and return what it printed (one JSON line)."""
    command = [
        sys.executable,
        __file__,
        "--case",
        case,
        "--glossary-entries",
        str(args.glossary_entries),
        "--block-chars",
        str(args.block_chars),
    ]
    if trace:
        command.append("--trace")
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _findings(codes: dict[str, int]) -> str:
    return ", ".join(f"{code} {count}" for code, count in codes.items()) or "none"


def main() -> int:
    """Run every case in its own process (twice with tracemalloc), print a table and the
    per-1,000-block ratios; return 0. With ``--case``, run that one case and print JSON."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000,20000", help="block counts, comma-separated")
    parser.add_argument("--glossary-entries", type=int, default=10_000)
    parser.add_argument("--block-chars", type=int, default=1_000_000)
    parser.add_argument(
        "--no-tracemalloc", action="store_true", help="skip the second, traced run of each case"
    )
    parser.add_argument("--case", help=argparse.SUPPRESS)  # internal: one case, JSON out
    parser.add_argument("--trace", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.case:
        print(json.dumps(run_case(args.case, args.trace, args.glossary_entries, args.block_chars)))
        return 0

    sizes = [int(size) for size in args.sizes.split(",") if size]
    cases = [str(size) for size in sizes] + ["big"]
    print(f"python {sys.version.split()[0]}; vi source, {TARGET} translation; each case cold")
    print(
        f"{'case':>24}  {'warm-up s':>9}  {'check s':>8}  {'file MB':>7}  {'maxrss MB':>9}  {'+rss MB':>7}  "
        f"{'traced peak MB':>14}  findings"
    )
    timings: dict[int, float] = {}
    for case in cases:
        result = _in_own_process(case, args, trace=False)
        traced = None if args.no_tracemalloc else _in_own_process(case, args, trace=True)
        if case == "big":
            label = f"1 block of {args.block_chars:,} ch"
        else:
            label = f"{int(case):,} blocks"
            timings[int(case)] = result["seconds"]
        peak = f"{traced['traced_peak_mb']:14.1f}" if traced else f"{'-':>14}"
        print(
            f"{label:>24}  {result['warm_up_seconds']:9.2f}  {result['seconds']:8.2f}  {result['file_mb']:7.1f}  "
            f"{result['rss_mb']:9.1f}  {result['rss_delta_mb']:7.1f}  {peak}  "
            f"{_findings(result['findings'])}"
        )
        if case == "big":
            print(
                f"{'':>24}  (glossary of {args.glossary_entries:,} synthetic entries, "
                f"built in {result['build_seconds']:.1f} s before the check; the check "
                "builds its matchers)"
            )
        if traced:
            print(f"{'':>24}  (traced run: {traced['seconds']:.2f} s under tracemalloc)")
    if timings:
        smallest = min(timings)
        base = timings[smallest] / (smallest / 1000)
        print("\nseconds per 1,000 blocks (ratio to the smallest size; 1.0 is linear):")
        for size, seconds in sorted(timings.items()):
            per_thousand = seconds / (size / 1000)
            print(f"{size:>10,} blocks  {per_thousand:6.2f} s  x{per_thousand / base:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

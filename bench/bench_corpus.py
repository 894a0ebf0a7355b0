"""Benchmark: whole archives. Variants per second with --jobs 1 and --jobs 2 (and against
pofilter when it is installed), identical output whatever --jobs, and peak memory of a
streamed run at 1,000, 10,000 (and with --large 100,000) generated articles.

The cross-article index (MP304) has its own bench: bench/bench_index.py.

Each run is a separate ``multipub check`` process, as a desk runs it; peak memory is that
process tree's maximum resident set (ru_maxrss of the children). Prints numbers; asserts
nothing.

Usage: python bench/bench_corpus.py [--large] [--articles N]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))  # for bench_check's corpus
MULTIPUB = [sys.executable, "-m", "multipub"]


# A wrapper process per run, so that each run's peak is its own (ru_maxrss of children
# only ever grows within one process); it counts the run's worker processes too.
_WRAPPER = """
import resource, subprocess, sys
done = subprocess.run(sys.argv[1:], stdout=open(sys.argv[0] + '.out', 'wb'))
sys.stderr.write(str(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss))
"""


def _run(args: list[str]) -> tuple[float, int, bytes]:
    """Return (seconds, peak resident memory in MB, stdout) of ``multipub args``."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "run"
        started = time.perf_counter()
        done = subprocess.run(
            [
                sys.executable,
                "-c",
                _WRAPPER.replace("sys.argv[0]", repr(str(out))),
                *MULTIPUB,
                *args,
            ],
            capture_output=True,
            check=False,
            env=_env(),
        )
        seconds = time.perf_counter() - started
        peak_kb = int(done.stderr.decode().strip().splitlines()[-1])
        return seconds, peak_kb // 1024, (Path(str(out) + ".out")).read_bytes()


def _env() -> dict[str, str]:
    import os

    env = dict(os.environ)
    env["CI"] = "1"  # no progress bar
    return env


_VI = "Tỉnh {n} khánh thành cây cầu bắc qua sông sau {k} năm thi công, người dân vui mừng."
_RU = "В провинции {n} открыли мост через реку после {k} лет строительства, жители рады."
_AR = "افتتحت المقاطعة {n} جسرا فوق النهر بعد {k} سنوات من البناء وفرح السكان."


def write_generated(path: Path, articles: int, seed: int = 5) -> None:
    """Write ``articles`` small generated articles (vi, ru, ar; 4 blocks) as JSONL, one
    in 20 with a repeated block, streaming (the file never sits in memory)."""
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as out:
        for n in range(articles):
            k = rng.randint(2, 9)
            variants = {}
            for lang, pattern in (("vi", _VI), ("ru", _RU), ("ar", _AR)):
                blocks = [pattern.format(n=n + b, k=k) for b in range(4)]
                if lang != "vi" and n % 20 == 0:
                    blocks.append(blocks[1])
                variants[lang] = {"blocks": blocks}
            article = {"id": f"gen-{n:06d}", "source_lang": "vi", "variants": variants}
            out.write(json.dumps(article, ensure_ascii=False) + "\n")


def _pofilter_ratio(corpus: Path, multipub_seconds: float) -> str:
    """Return pofilter's time on the same translations against multipub's, or why not."""
    # Installed beside this Python (a venv), or on PATH.
    beside = Path(sys.executable).parent / "pofilter"
    pofilter = str(beside) if beside.exists() else shutil.which("pofilter")
    if pofilter is None:
        return "pofilter not installed (pip install translate-toolkit)"
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for line in corpus.read_text("utf-8").splitlines():
            article = json.loads(line)
            source = article["variants"]["vi"]["blocks"]
            for lang, variant in article["variants"].items():
                if lang == "vi":
                    continue
                entries = [
                    f'msgid "{s}"\nmsgstr "{t}"\n'.replace("\\", "")
                    for s, t in zip(source, variant["blocks"], strict=False)
                ]
                po = folder / lang / f"{article['id']}.po"
                po.parent.mkdir(exist_ok=True)
                po.write_text("\n".join(entries), "utf-8")
        started = time.perf_counter()
        subprocess.run(
            [pofilter, str(folder), str(folder / "out")], capture_output=True, check=False
        )
        seconds = time.perf_counter() - started
    return f"pofilter {seconds:.1f} s; multipub/pofilter = {multipub_seconds / seconds:.2f}"


def main() -> int:
    """Run the measurements and print them; return 0."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000, help="bench_check corpus size")
    parser.add_argument("--large", action="store_true", help="also 100,000 generated articles")
    args = parser.parse_args()
    from bench_check import LANGS, build_corpus

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        corpus = folder / "corpus.jsonl"
        variants = build_corpus(corpus, args.articles)
        print(f"corpus: {args.articles} articles, {variants} variants ({', '.join(LANGS)})")
        outputs = {}
        for jobs in (1, 2):
            seconds, peak, out = _run(
                ["check", str(corpus), "--isolated", "--format", "json", "-j", str(jobs)]
            )
            outputs[jobs] = hashlib.sha256(out).hexdigest()[:16]
            print(
                f"  --jobs {jobs}: {seconds:6.1f} s  {variants / seconds:7.0f} variants/s  "
                f"peak {peak} MB  output {outputs[jobs]}"
            )
            if jobs == 1:
                single = seconds
        print(f"  identical output: {'yes' if outputs[1] == outputs[2] else 'NO'}")
        print(f"  speed-up with 2 jobs: {single / seconds:.2f}x")
        print(f"  {_pofilter_ratio(corpus, single)}")

        sizes = [1_000, 10_000] + ([100_000] if args.large else [])
        print("streamed run (--format jsonl, all checks, --jobs 2), generated articles:")
        hashes = {}
        for size in sizes:
            feed = folder / f"gen-{size}.jsonl"
            write_generated(feed, size)
            seconds, peak, out = _run(
                ["check", str(feed), "--isolated", "--format", "jsonl", "-j", "2"]
            )
            last = json.loads(out.decode("utf-8").splitlines()[-1])
            print(
                f"  {size:>7,} articles: {seconds:7.1f} s  {size / seconds:6.0f} articles/s  "
                f"peak {peak} MB  findings {last['summary']['warnings'] + last['summary']['errors']}"
            )
            if size == 10_000:
                _, _, one = _run(["check", str(feed), "--isolated", "--format", "jsonl", "-j", "1"])
                hashes = {
                    "1": hashlib.sha256(one).hexdigest(),
                    "2": hashlib.sha256(out).hexdigest(),
                }
            feed.unlink()
        if hashes:
            same = hashes["1"] == hashes["2"]
            print(f"  10,000 articles --jobs 1 vs --jobs 2: {'identical' if same else 'DIFFERENT'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

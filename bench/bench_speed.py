"""Benchmark: ``multipub check`` per core, against a bare parse of the same files, and pofilter.

Builds bench_check.py's corpus (FLORES-200 sentences, or generated text without them; its
builder is imported, not copied), by default with the site's seven languages: bench_check's
five (vi source; ar, ru, zh-Hans, en) and French and Spanish, whose Latin-script blocks
are the ones language identification has to think about. Then prints:

* bare: seconds to read the JSONL, ``json.loads`` each line and NFC-normalize every string
  (the least any checker of these files has to do);
* full: CPU and wall seconds of one process checking everything, every check on, with the
  shipped glossary (``glossaries/``), as ``multipub check`` does (language models and
  glossary matchers loaded inside the run); milliseconds per article; the ratio full/bare;
  then both as processes of their own (wall seconds, interpreter start-up included, the
  check writing JSON lines to a file) and their ratio;
* start-up: wall seconds of ``multipub --version`` and of ``multipub check`` on one tiny
  article (median of five runs each, as subprocesses), as the environment runs Python
  and with bytecode cached;
* pofilter (translate-toolkit), when it is installed: the same target blocks as PO files,
  one per target language (msgid the Vietnamese block, msgstr the translation), checked
  with its default tests, one process per language; its CPU seconds (start-ups included)
  and the ratio of multipub's CPU seconds to them;
* with ``--matcher-cache``: building a glossary matcher against loading it from the cache
  of built matchers (``Matcher.cached``, in a temporary cache directory), for synthetic
  glossaries (bench_glossary.py's) of 10,000 and 100,000 entries in vi, ar and ru, the
  fastest of three each, and whether the loaded matcher finds what the built one does.

Prints numbers; asserts nothing.

Usage: python bench/bench_speed.py [--articles N] [--languages vi,ar,...] [--no-pofilter]
                                   [--matcher-cache]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))  # for bench_check, bench_glossary

import bench_check
from multipub import check_paths
from multipub.glossary import load_glossary

ROOT = Path(__file__).resolve().parent.parent
# bench_check's languages plus the site's other two (FLORES-200 file stems).
EXTRA = {"fr": "fra_Latn", "es": "spa_Latn"}
BIN = Path(sys.executable).parent


def _nfc(value: Any) -> int:
    """NFC-normalize every string inside ``value``; return how many there were."""
    if isinstance(value, str):
        unicodedata.normalize("NFC", value)
        return 1
    if isinstance(value, dict):
        return sum(_nfc(v) for v in value.values())
    if isinstance(value, list):
        return sum(_nfc(v) for v in value)
    return 0


def bare_pass(path: Path) -> float:
    """Return seconds to parse every line of ``path`` as JSON and normalize its strings."""
    started = time.perf_counter()
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            _nfc(json.loads(line))
    return time.perf_counter() - started


# The bare pass as a process of its own: the "as a process" ratio counts each
# side's interpreter start-up too.
BARE_SCRIPT = """
import json, sys, unicodedata
def nfc(value):
    if isinstance(value, str):
        unicodedata.normalize("NFC", value)
    elif isinstance(value, dict):
        for v in value.values():
            nfc(v)
    elif isinstance(value, list):
        for v in value:
            nfc(v)
with open(sys.argv[1], encoding="utf-8") as lines:
    for line in lines:
        nfc(json.loads(line))
"""


def as_processes(corpus: Path, directory: Path) -> tuple[float, float]:
    """Return the wall seconds of the bare pass as a process (median of three) and of
    ``multipub check`` on ``corpus`` as a process, one job, the shipped glossary, JSON
    lines written to a file."""
    bare = _wall([sys.executable, "-c", BARE_SCRIPT, str(corpus)], runs=3)
    findings = directory / "findings.jsonl"
    command = [
        str(BIN / "multipub"),
        "check",
        str(corpus),
        "--isolated",  # as check_paths runs: no configuration file found above the cwd
        "--glossary",
        str(ROOT / "glossaries"),
        "--jobs",
        "1",
        "--format",
        "jsonl",
        "-o",
        str(findings),
    ]
    started = time.perf_counter()
    run = subprocess.run(command, capture_output=True, check=False)
    seconds = time.perf_counter() - started
    # 0: no findings, 1: findings; anything else timed a failure, not a check.
    if run.returncode not in (0, 1) or not findings.exists():
        raise SystemExit(f"multipub check failed ({run.returncode}): {run.stderr.decode()[-500:]}")
    return bare, seconds


def full_check(path: Path) -> tuple[float, float, int]:
    """Return CPU seconds, wall seconds and findings of checking ``path`` in this process,
    every check on, with the shipped glossary (loaded inside the timing)."""
    cpu, wall = time.process_time(), time.perf_counter()
    report = check_paths([path], glossary=load_glossary(ROOT / "glossaries"))
    return time.process_time() - cpu, time.perf_counter() - wall, len(report.findings)


TINY = {
    "id": "tiny",
    "source_lang": "vi",
    "variants": {
        "vi": {"origin": "original", "title": "Hội chợ", "blocks": ["Tỉnh khai mạc hội chợ."]},
        "en": {
            "origin": "machine",
            "title": "Trade fair",
            "blocks": ["The province opened a fair."],
        },
    },
}


def _wall(command: list[str], runs: int = 5, env: dict[str, str] | None = None) -> float:
    """Return the median wall seconds of running ``command`` (its output discarded)."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, capture_output=True, check=False, env=env)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def start_up(directory: Path) -> None:
    """Print the wall seconds of ``multipub --version`` and of ``multipub check`` on one
    tiny article, as this environment runs Python, and with bytecode cached (a prefix
    of its own, warmed by a first run: where PYTHONDONTWRITEBYTECODE is set, as here,
    every process compiles every module it imports again)."""
    multipub = str(BIN / "multipub")
    tiny = directory / "tiny.json"
    tiny.write_text(json.dumps(TINY, ensure_ascii=False), encoding="utf-8")
    commands = {
        "multipub --version": [multipub, "--version"],
        "multipub check tiny.json": [
            multipub,
            "check",
            str(tiny),
            "--glossary",
            str(ROOT / "glossaries"),
            "--jobs",
            "1",
        ],
    }
    cached = dict(os.environ)
    cached.pop("PYTHONDONTWRITEBYTECODE", None)
    cached["PYTHONPYCACHEPREFIX"] = str(directory / "pycache")
    for name, command in commands.items():
        subprocess.run(command, capture_output=True, check=False, env=cached)  # warm
        as_is = _wall(command)
        warm = _wall(command, env=cached)
        dont_write = os.environ.get("PYTHONDONTWRITEBYTECODE", "unset")
        print(
            f"start-up: {name}: {as_is:.3f} s wall (PYTHONDONTWRITEBYTECODE={dont_write}), "
            f"{warm:.3f} s with bytecode cached"
        )


def _po_string(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return '"' + escaped.replace("\t", "\\t") + '"'


def write_po(corpus: Path, directory: Path, source: str = "vi") -> list[tuple[str, Path]]:
    """Write the corpus's blocks as one PO file per target language (title and blocks
    paired with the source's by position); return (language, file) pairs."""
    files: dict[str, list[str]] = {}
    with corpus.open(encoding="utf-8") as lines:
        for line in lines:
            article = json.loads(line)
            original = article["variants"][source]
            for lang, variant in article["variants"].items():
                if lang == source:
                    continue
                units = files.setdefault(lang, [])
                pairs = [("title", original.get("title", ""), variant.get("title", ""))]
                pairs += [
                    (f"block {n}", a, b)
                    for n, (a, b) in enumerate(
                        zip(original["blocks"], variant["blocks"], strict=False)
                    )
                ]
                for where, msgid, msgstr in pairs:
                    if msgid and msgstr:
                        units.append(
                            f"msgctxt {_po_string(article['id'] + ' ' + where)}\n"
                            f"msgid {_po_string(msgid)}\nmsgstr {_po_string(msgstr)}\n"
                        )
    out = []
    header = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
    for lang, units in files.items():
        path = directory / f"{lang}.po"
        path.write_text("\n".join([header, *units]), encoding="utf-8")
        out.append((lang, path))
    return out


def pofilter_cpu(files: list[tuple[str, Path]], pofilter: str, directory: Path) -> float:
    """Return the CPU seconds (children's user + system) of pofilter over ``files``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    for lang, path in files:
        subprocess.run(
            [
                pofilter,
                f"--language={lang.split('-')[0]}",
                "-i",
                str(path),
                "-o",
                str(directory / f"{lang}.out.po"),
            ],
            capture_output=True,
            check=False,
        )
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def matcher_cache(sizes: tuple[int, ...] = (10_000, 100_000)) -> None:
    """Print build and load seconds of matchers for synthetic glossaries of ``sizes``."""
    from bench_glossary import build_glossary, build_paragraphs
    from multipub import matcher

    with tempfile.TemporaryDirectory() as cache:
        os.environ["MULTIPUB_CACHE_DIR"] = cache
        os.environ.pop("MULTIPUB_NO_CACHE", None)
        threshold = matcher.CACHE_MIN_FORMS
        matcher.CACHE_MIN_FORMS = 0  # every size cached here, to compare
        for size in sizes:
            glossary = build_glossary(size)
            for lang in ("vi", "ar", "ru"):
                builds, loads = [], []
                for _ in range(3):
                    started = time.perf_counter()
                    built = matcher.Matcher(glossary, lang)
                    builds.append(time.perf_counter() - started)
                started = time.perf_counter()
                matcher.Matcher.cached(glossary, lang)
                store = time.perf_counter() - started
                for _ in range(3):
                    started = time.perf_counter()
                    loaded = matcher.Matcher.cached(glossary, lang)
                    loads.append(time.perf_counter() - started)
                texts = build_paragraphs(glossary, lang, 200, mentions=3.5)
                same = built.find_many(texts) == loaded.find_many(texts)
                stored = sum(p.stat().st_size for p in Path(cache).rglob("*.pickle"))
                print(
                    f"matcher {lang} {size:>7,} entries ({len(built):,} keys): build "
                    f"{min(builds):.3f} s, load {min(loads):.3f} s (key included), first "
                    f"run {store:.3f} s (build and store); same mentions: {same}; cache "
                    f"{stored / 1e6:.0f} MB so far"
                )
        matcher.CACHE_MIN_FORMS = threshold
        print(f"(multipub caches matchers of {threshold:,} forms or more)")


def main() -> int:
    """Build the corpus, time everything, print the numbers; return 0."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument(
        "--languages",
        default=",".join([*bench_check.LANGS, *EXTRA]),
        help="variants of each article, among vi,ar,ru,zh-Hans,en,fr,es",
    )
    parser.add_argument("--repeat", type=int, default=1, help="full checks (median)")
    parser.add_argument("--no-pofilter", action="store_true")
    parser.add_argument(
        "--matcher-cache", action="store_true", help="also time building vs loading matchers"
    )
    args = parser.parse_args()
    known = {**bench_check.LANGS, **EXTRA}
    chosen = [lang for lang in args.languages.split(",") if lang]
    bench_check.LANGS.clear()
    bench_check.LANGS.update({lang: known[lang] for lang in chosen})
    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp)
        corpus = directory / "corpus.jsonl"
        variants = bench_check.build_corpus(corpus, args.articles)
        source = "FLORES-200" if bench_check._has_flores() else "generated text"
        print(
            f"corpus: {args.articles} articles, {variants} variants ({','.join(chosen)}) x "
            f"{bench_check.BLOCKS} blocks, {corpus.stat().st_size / 1e6:.1f} MB ({source})"
        )
        bare = min(bare_pass(corpus) for _ in range(3))
        runs = [full_check(corpus) for _ in range(args.repeat)]
        cpu = statistics.median(r[0] for r in runs)
        wall = statistics.median(r[1] for r in runs)
        print(f"bare JSON parse + NFC: {bare:7.3f} s")
        print(
            f"full check:            {cpu:7.3f} s CPU, {wall:.3f} s wall ({runs[0][2]} findings, "
            "all checks, glossaries/, one process)"
        )
        print(f"ratio full/bare:       {cpu / bare:7.1f}")
        print(f"per article:           {1000 * cpu / args.articles:7.2f} ms CPU")
        bare_process, check_process = as_processes(corpus, directory)
        print(
            f"as processes (wall, start-up included): bare {bare_process:.3f} s, multipub "
            f"check {check_process:.3f} s, ratio {check_process / bare_process:.1f}"
        )

        start_up(directory)

        pofilter = shutil.which("pofilter", path=str(BIN)) or shutil.which("pofilter")
        if args.no_pofilter:
            pass
        elif pofilter is None:
            print("pofilter: not installed (pip install translate-toolkit)")
        else:
            files = write_po(corpus, directory)
            seconds = pofilter_cpu(files, pofilter, directory)
            units = sum(path.read_text("utf-8").count("\nmsgstr ") for _, path in files)
            print(
                f"pofilter: {seconds:7.3f} s CPU for {units} units in {len(files)} PO files "
                "(default tests, one process per language); "
                f"multipub/pofilter {cpu / seconds:.2f}"
            )
    if args.matcher_cache:
        matcher_cache()
    return 0


if __name__ == "__main__":
    sys.exit(main())

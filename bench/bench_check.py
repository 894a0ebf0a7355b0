"""Benchmark: variants checked per second, against loading and normalizing alone.

Builds a corpus of 1,000 articles x 5 variants (vi source; ar, ru, zh-Hans, en) of 20
blocks of two sentences (about 280 characters; no two blocks of the corpus alike, as in an
archive), as one JSONL file, then times:

* load: reading and validating every article and normalizing every text (dedup keys);
* full: the same plus every check (``multipub.check_paths``), as ``multipub check`` runs.

Text comes from FLORES-200 devtest sentences when ../shared/data is present (real
Vietnamese, Arabic, Russian, Chinese and English), otherwise from a seeded generator.
One block in 40 is a verbatim repeat inside its article, so the duplicate checks do real work.

Usage: python bench/bench_check.py [--articles N] [--repeat R]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from multipub import Config, check_paths
from multipub.checks import ArticleContext
from multipub.glossary import Glossary, load_glossary
from multipub.io import LoadedArticle, iter_articles

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))  # for bench_glossary
# The one setting for the FLORES-200 data, as the tests read it (README).
FLORES = (
    Path(os.environ.get("MULTIPUB_FLORES200") or ROOT.parent / "shared" / "data" / "flores200")
    / "devtest"
)
LANGS = {
    "vi": "vie_Latn",
    "ar": "arb_Arab",
    "ru": "rus_Cyrl",
    "zh-Hans": "zho_Hans",
    "en": "eng_Latn",
}
BLOCKS = 20
# Each block is two sentences, an ordered pair of distinct ones that no other block of the
# corpus has (up to 1012 x 1011 blocks, 51,000 articles): an archive's paragraphs are
# unique, and a corpus whose blocks recur lets every cache keyed by a text answer for the
# checks. Measured before this: 1,000 articles in seven languages took 18.5 s of CPU with
# 1,012 distinct two-sentence blocks per language, 31.6 s with unique ones.
# The pairs are walked with a stride that shares no factor with their number (1012 x 1011),
# so consecutive blocks pair unrelated sentences.
_PAIR_STRIDE = 1_000_003


def _has_flores() -> bool:
    return all((FLORES / f"{code}.devtest").exists() for code in LANGS.values())


def _sentences(synthetic: bool) -> dict[str, list[str]]:
    """Return aligned sentences per language: FLORES when present, else generated text."""
    if _has_flores() and not synthetic:
        return {
            lang: (FLORES / f"{code}.devtest").read_text("utf-8").splitlines()
            for lang, code in LANGS.items()
        }
    rng = random.Random(3)
    alphabets = {
        "vi": "a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y "
        "à ả ã á ạ ằ ẳ ẵ ắ ặ ề ể ễ ế ệ",
        "ar": "ا ب ت ث ج ح خ د ذ ر ز س ش ص ض ط ظ ع غ ف ق ك ل م ن ه و ي ة ى أ إ",
        "ru": "а б в г д е ж з и й к л м н о п р с т у ф х ц ч ш щ ы ь э ю я",
        "zh-Hans": "的 一 是 在 不 了 有 和 人 这 中 大 为 上 个 国 我 以 要 他 时 来 用 们 "
        "生 到 作 地 于 出",
        "en": "a b c d e f g h i j k l m n o p q r s t u v w x y z",
    }
    out: dict[str, list[str]] = {}
    for lang, letters in alphabets.items():
        chars = letters.split()
        sep = "" if lang == "zh-Hans" else " "
        out[lang] = [
            sep.join(
                "".join(
                    rng.choice(chars)
                    for _ in range(rng.randint(1, 3) if not sep else rng.randint(2, 8))
                )
                for _ in range(rng.randint(15, 25))
            )
            for _ in range(1012)
        ]
    return out


def _pair(number: int, count: int) -> tuple[int, int]:
    """Return the two sentences (indices, distinct) of the corpus's block ``number``."""
    pairs = count * (count - 1)
    index = number * _PAIR_STRIDE % pairs
    first, second = divmod(index, count - 1)
    return first, second + (second >= first)


def build_corpus(path: Path, articles: int, synthetic: bool = False) -> int:
    """Write ``articles`` articles as JSONL to ``path``; return the number of variants."""
    sentences = _sentences(synthetic)
    count = min(len(lines) for lines in sentences.values())
    rng = random.Random(1)
    with path.open("w", encoding="utf-8") as out:
        for number in range(articles):
            pairs = [_pair(number * BLOCKS + k, count) for k in range(BLOCKS)]
            variants = {}
            for lang in LANGS:
                sep = "" if lang.startswith(("zh", "ja")) else " "
                blocks = [sentences[lang][a] + sep + sentences[lang][b] for a, b in pairs]
                if rng.random() < 0.5:
                    blocks[-1] = blocks[rng.randrange(BLOCKS - 1)]  # a verbatim repeat
                variants[lang] = {
                    "title": sentences[lang][pairs[0][0]][:90],
                    "origin": "original" if lang == "vi" else "machine",
                    "blocks": blocks,
                }
            article = {"id": f"bench-{number}", "source_lang": "vi", "variants": variants}
            out.write(json.dumps(article, ensure_ascii=False) + "\n")
    return articles * len(LANGS)


def time_load(path: Path) -> float:
    """Return seconds to load every article and normalize every text of every variant."""
    started = time.perf_counter()
    for item in iter_articles([path]):
        assert isinstance(item, LoadedArticle)
        shared = ArticleContext(item.article, Config())
        for lang in item.article.variants:
            shared.keys(lang)
    return time.perf_counter() - started


def time_full(path: Path, glossary: Glossary | None = None) -> tuple[float, int]:
    """Return seconds to load and check everything, and the number of findings."""
    started = time.perf_counter()
    report = check_paths([path], glossary=glossary)
    return time.perf_counter() - started, len(report.findings)


def bench_glossary(entries: int) -> Glossary:
    """Return the shipped glossary plus ``entries`` synthetic entries (vi, ar, ru)."""
    from bench_glossary import build_glossary

    shipped = load_glossary(ROOT / "glossaries")
    synthetic = build_glossary(entries)
    return Glossary(name="bench", source_lang="vi", entries=shipped.entries + synthetic.entries)


def main() -> int:
    """Build the corpus, time both runs, print numbers and the ratio; return 0."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--synthetic", action="store_true", help="generated text, not FLORES")
    parser.add_argument(
        "--glossary-entries",
        type=int,
        default=10_000,
        help="also time a run with the shipped glossary plus this many synthetic entries",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        variants = build_corpus(corpus, args.articles, args.synthetic)
        size_mb = corpus.stat().st_size / 1e6
        real = _has_flores() and not args.synthetic
        source = "FLORES-200 sentences" if real else "generated text"
        print(
            f"corpus: {variants} variants x {BLOCKS} blocks, {size_mb:.1f} MB of JSONL ({source})"
        )
        load = statistics.median(time_load(corpus) for _ in range(args.repeat))
        runs = [time_full(corpus) for _ in range(args.repeat)]
        full = statistics.median(seconds for seconds, _ in runs)
        findings = runs[0][1]
        print(f"load+normalize: {load:7.2f} s  {variants / load:8.0f} variants/s")
        print(
            f"full check:     {full:7.2f} s  {variants / full:8.0f} variants/s  "
            f"({findings} findings, no glossary)"
        )
        print(f"ratio full/load: {full / load:.2f}")
        if args.glossary_entries:
            glossary = bench_glossary(args.glossary_entries)
            with_glossary = [time_full(corpus, glossary) for _ in range(args.repeat)]
            seconds = statistics.median(s for s, _ in with_glossary)
            print(
                f"with glossary:  {seconds:7.2f} s  {variants / seconds:8.0f} variants/s  "
                f"({with_glossary[0][1]} findings, {len(glossary.entries)} entries; "
                "matchers built inside each run)"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Benchmark: MP304's cross-article near-duplicate index (``multipub.corpus_index``).

Prints, and asserts nothing:

* signing: seconds to MinHash-sign 100,000 paragraphs (20,000 in each of vi, en, ru, ar,
  zh), paragraphs and shingles per second;
* index build, each size in a process of its own (10,000 and 100,000 paragraphs; with
  ``--million`` also 1,000,000): seconds of ``CorpusIndex.add_articles`` (articles of 20
  paragraphs of one language; wall and CPU seconds: the machine may be shared), growth
  of the peak resident memory during it (VmHWM reset before the build; ru_maxrss where it
  cannot be), size on disk (database and WAL), and ratios against the smallest size;
* query: milliseconds of ``CorpusIndex.query`` for one 20-block article against the index
  (median and maximum of 25 articles), and recall of the planted copies in 200 articles
  through queries;
* quality, on all the paragraphs of the size at once (``find_corpus_duplicates``, the
  same banding and threshold): recall of planted near-duplicates (a copy in another
  article with 10-15% of its words, or Chinese characters, replaced by others of the
  language and a clause moved; plus verbatim copies), the exact Jaccard of the planted
  pairs, and the pairs reported that were not planted, per 10,000 paragraphs: "false" when
  their exact shingle Jaccard is below the threshold (errors of the MinHash estimate),
  "real overlaps" when it is not (the data's own repeats).

Text: FLORES-200 devtest (and dev when present) sentences, from ``MULTIPUB_FLORES200``
(default ``../shared/data/flores200`` beside the repository), 3-5 sentences a paragraph:
first runs of consecutive sentences, then sentences spliced from thirds of sentences of
different documents (see :func:`paragraphs`). Without FLORES, generated words.

Usage: python bench/bench_index.py [--sizes 10000,100000] [--million] [--queries 25]
Runs in about a minute with the defaults; --million adds some 10-25 minutes (most of it
the all-pairs quality pass over a million paragraphs) on a two-CPU machine.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from multipub.corpus_index import (
    THRESHOLD,
    CorpusIndex,
    find_corpus_duplicates,
    shingles,
    signatures,
)
from multipub.models import Article

REPO = Path(__file__).resolve().parents[1]
FLORES_CODES = {
    "vi": "vie_Latn",
    "en": "eng_Latn",
    "ru": "rus_Cyrl",
    "ar": "arb_Arab",
    "zh": "zho_Hans",
}
BLOCKS_PER_ARTICLE = 20
REWORDED_SHARE = 0.01  # one paragraph in 100 is a reworded copy of another article's
VERBATIM_SHARE = 0.002  # one in 500 a verbatim copy


def _maxrss_mb() -> float:
    """Return the peak resident memory of this process so far, in MB: VmHWM (which
    :func:`_reset_peak` can reset) on Linux, else ru_maxrss."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _rss_mb() -> float:
    """Return the resident memory of this process now, in MB (0 where /proc is missing)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _reset_peak() -> bool:
    """Reset the peak resident memory to the current one (Linux 4.0+); return whether it
    could be, so that the build's peak is its own, not the corpus generation's."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        return False
    return True


# --------------------------------------------------------------------------------------
# Text


def flores_dir() -> Path:
    """Return the FLORES-200 directory this benchmark reads."""
    return Path(os.environ.get("MULTIPUB_FLORES200") or REPO.parent / "shared/data/flores200")


def load_sentences() -> dict[str, list[str]] | None:
    """Return the FLORES-200 sentences of each language (devtest then dev), or None."""
    root = flores_dir()
    found: dict[str, list[str]] = {}
    for lang, code in FLORES_CODES.items():
        lines: list[str] = []
        for split in ("devtest", "dev"):
            path = root / split / f"{code}.{split}"
            if path.exists():
                lines += [s for s in path.read_text(encoding="utf-8").splitlines() if s.strip()]
        if not lines:
            return None
        found[lang] = lines
    return found


# Letters of each language for generated words when FLORES-200 is absent.
_ALPHABETS = {
    "vi": "aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ",
    "en": "abcdefghijklmnopqrstuvwxyz",
    "ru": "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
    "ar": "ابتثجحخدذرزسشصضطظعغفقكلمنهوي",
    "zh": "的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年得就那要下以生会自着去之过家学对可里后小么心多天而能好都然没日于起还发成事只作当想看文无开手十用主行方又如前所本见经头面公同三已老从动两长知民样现分将外但身些与高意进把法此实回二理美点月明其种声全工己话儿者向情部正名定女问力机给等几很业最间新什打便位因重被走电四第门相次东政海口使教西再平真听世气信北少关并内加化由却代军产入先山五太水万市眼体别处总才场师书比住员九笑性通目华报立马命张活难神数件安表原车白应路期叫死常提感金何更反合放做系计",
}


def generated_sentences(seed: int = 7) -> dict[str, list[str]]:
    """Return 1,000 generated sentences per language: Zipf-distributed pseudo-words (or
    characters, for Chinese), 15 to 30 a sentence."""
    rng = random.Random(seed)
    found: dict[str, list[str]] = {}
    for lang, letters in _ALPHABETS.items():
        if lang == "zh":
            vocabulary = list(letters)
        else:
            vocabulary = [
                "".join(rng.choice(letters) for _ in range(rng.randint(1, 8))) for _ in range(5000)
            ]
        weights = [1 / (rank + 1) for rank in range(len(vocabulary))]
        joiner, stop = ("", "。") if lang == "zh" else (" ", ".")
        found[lang] = [
            joiner.join(rng.choices(vocabulary, weights, k=rng.randint(15, 30))) + stop
            for _ in range(1000)
        ]
    return found


def thirds(sentence: str, lang: str) -> tuple[str, str, str]:
    """Return a sentence cut in three at the spaces nearest its thirds (Chinese: at the
    characters)."""
    if lang == "zh":
        cuts = [len(sentence) // 3, 2 * len(sentence) // 3]
        return sentence[: cuts[0]], sentence[cuts[0] : cuts[1]], sentence[cuts[1] :]
    words = sentence.split()
    a, b = round(len(words) / 3), round(2 * len(words) / 3)
    return " ".join(words[:a]), " ".join(words[a:b]), " ".join(words[b:])


def paragraphs(sentences: list[str], count: int, rng: random.Random, lang: str) -> list[str]:
    """Return ``count`` paragraphs of 3-5 sentences: runs of consecutive sentences first,
    then sentences spliced from thirds of three random sentences (the first third of one,
    the middle of another, the end of a third).

    Whole sentences would not do: 20,000 paragraphs of a language from its 1,012 FLORES
    sentences use each sentence some 80 times, and a paragraph sharing one sentence of
    three with another is a partial repeat (Jaccard 0.2-0.3), not an unrelated paragraph.
    Two spliced paragraphs share a third of a sentence now and then, rarely four (a
    Jaccard of ~0.2).
    """
    joiner = "" if lang == "zh" else " "
    cut = [thirds(s, lang) for s in sentences]
    found: list[str] = []
    start = 0
    while start + 3 <= len(sentences) and len(found) < count:
        size = min(rng.randint(3, 5), len(sentences) - start)
        found.append(joiner.join(sentences[start : start + size]))
        start += size
    n = len(sentences)
    while len(found) < count:
        spliced = []
        for _ in range(rng.randint(3, 5)):
            parts = (cut[rng.randrange(n)][0], cut[rng.randrange(n)][1], cut[rng.randrange(n)][2])
            spliced.append(joiner.join(p for p in parts if p))
        found.append(joiner.join(spliced))
    return found


def reword(text: str, lang: str, pool: list[str], rng: random.Random) -> str:
    """Return ``text`` with 10-15% of its words (Chinese: characters) replaced by words of
    ``pool`` and one clause moved: the halves of a sentence around its first comma
    swapped, or the first sentence moved to the end."""
    share = rng.uniform(0.10, 0.15)
    if lang == "zh":
        # A Chinese word is ~1.7 characters: words replaced are runs of two characters,
        # covering the same share of the text.
        chars = list(text)
        for _ in range(max(1, round(share * len(chars) / 2))):
            at = rng.randrange(len(chars) - 1)
            source = rng.choice(pool)
            start = rng.randrange(max(1, len(source) - 2))
            chars[at : at + 2] = list(source[start : start + 2])
        text = "".join(chars)
        comma, stop = "，", "。"
    else:
        words = text.split()
        for i in rng.sample(range(len(words)), max(1, round(share * len(words)))):
            words[i] = rng.choice(rng.choice(pool).split())
        text = " ".join(words)
        comma, stop = ("،" if lang == "ar" else ","), "."
    parts = [p for p in text.split(stop) if p.strip()]
    with_comma = [i for i, p in enumerate(parts) if comma in p]
    if with_comma:
        i = rng.choice(with_comma)
        before, after = parts[i].split(comma, 1)
        parts[i] = f"{after.strip()}{comma} {before.strip()}"
    elif len(parts) > 1:
        parts.append(parts.pop(0))
    joiner = stop if lang == "zh" else stop + " "
    return joiner.join(p.strip() for p in parts) + stop


@dataclass
class Corpus:
    """Paragraphs in articles of 20 blocks (one language each), with planted copies."""

    articles: list[Article]
    # (copy article, copy block) -> (original article, original block), for each plant
    planted: dict[tuple[str, int], tuple[str, int]]
    verbatim: set[tuple[str, int]]
    texts: dict[tuple[str, int], tuple[str, str]]  # (article, block) -> (lang, text)
    source: str


def build_corpus(size: int, seed: int = 11) -> Corpus:
    """Return ``size`` paragraphs in articles of 20 blocks, languages in turn, where 1%
    are reworded copies and 0.2% verbatim copies of a paragraph of another article."""
    loaded = load_sentences()
    source = "FLORES-200" if loaded is not None else "generated"
    sentences = loaded if loaded is not None else generated_sentences()
    rng = random.Random(seed)
    langs = list(FLORES_CODES)
    articles_per_lang = -(-size // BLOCKS_PER_ARTICLE // len(langs))
    base = {
        lang: paragraphs(sentences[lang], articles_per_lang * BLOCKS_PER_ARTICLE, rng, lang)
        for lang in langs
    }
    # Article k has language langs[k % 5] and the next 20 paragraphs of that language.
    layout: list[tuple[str, list[str]]] = []
    taken = dict.fromkeys(langs, 0)
    while sum(len(blocks) for _, blocks in layout) < size:
        lang = langs[len(layout) % len(langs)]
        want = min(BLOCKS_PER_ARTICLE, size - sum(len(b) for _, b in layout))
        layout.append((lang, base[lang][taken[lang] : taken[lang] + want]))
        taken[lang] += want
    # Plants overwrite blocks: a copy replaces a block of another article of its language.
    planted: dict[tuple[str, int], tuple[str, int]] = {}
    verbatim: set[tuple[str, int]] = set()
    touched: set[tuple[int, int]] = set()
    by_lang: dict[str, list[int]] = {lang: [] for lang in langs}
    for k, (lang, _) in enumerate(layout):
        by_lang[lang].append(k)
    plants = round(size * REWORDED_SHARE), round(size * VERBATIM_SHARE)
    for how, count in zip(("reworded", "verbatim"), plants, strict=True):
        done = 0
        while done < count:
            lang = rng.choice(langs)
            if len(by_lang[lang]) < 2:
                continue
            a, b = rng.sample(by_lang[lang], 2)
            i, j = rng.randrange(len(layout[a][1])), rng.randrange(len(layout[b][1]))
            if (a, i) in touched or (b, j) in touched:
                continue
            touched.update({(a, i), (b, j)})
            original = layout[a][1][i]
            pool = base[lang]
            copy = original if how == "verbatim" else reword(original, lang, pool, rng)
            layout[b][1][j] = copy
            planted[(f"a{b}", j)] = (f"a{a}", i)
            if how == "verbatim":
                verbatim.add((f"a{b}", j))
            done += 1
    articles = [
        Article.model_validate(
            {"id": f"a{k}", "source_lang": lang, "variants": {lang: {"blocks": blocks}}}
        )
        for k, (lang, blocks) in enumerate(layout)
    ]
    texts = {
        (f"a{k}", i): (lang, text)
        for k, (lang, blocks) in enumerate(layout)
        for i, text in enumerate(blocks)
    }
    return Corpus(articles, planted, verbatim, texts, source)


# --------------------------------------------------------------------------------------
# Measures


def jaccard(a: str, b: str, lang: str) -> float:
    """Return the exact Jaccard similarity of two texts' shingle sets."""
    sa, sb = shingles(a, lang), shingles(b, lang)
    return len(sa & sb) / len(sa | sb) if sa and sb else 0.0


def bench_signing(count: int) -> dict[str, Any]:
    """Return the seconds to sign ``count`` paragraphs (a fifth in each language)."""
    corpus = build_corpus(count, seed=3)
    by_lang: dict[str, list[str]] = {}
    for lang, text in corpus.texts.values():
        by_lang.setdefault(lang, []).append(text)
    signatures(["warm up the regexes and powers " * 3], "en")
    signatures(["热身" * 20], "zh")
    per_lang: dict[str, float] = {}
    shingle_count = 0
    started = time.perf_counter()
    cpu = time.process_time()
    for lang, texts in by_lang.items():
        t = time.perf_counter()
        signatures(texts, lang)
        per_lang[lang] = time.perf_counter() - t
    seconds = time.perf_counter() - started
    cpu = time.process_time() - cpu
    for lang, texts in by_lang.items():
        shingle_count += sum(len(shingles(t, lang)) for t in texts[:2000]) * len(texts) // 2000
    return {
        "paragraphs": count,
        "seconds": seconds,
        "cpu": cpu,
        "per_lang": per_lang,
        "shingles_estimate": shingle_count,
        "source": corpus.source,
    }


def _pairs(found: dict[Any, list[Any]]) -> Iterator[tuple[tuple[str, int], tuple[str, int], float]]:
    """Yield each reported pair of blocks once: (block, other block, similarity)."""
    for ref, matches in found.items():
        for m in matches:
            one, other = (ref.article_id, ref.block), (m.other_article, m.other_block)
            if one < other:
                yield one, other, m.similarity


def quality(corpus: Corpus) -> dict[str, Any]:
    """Return recall of the planted copies and the pairs reported that were not planted,
    over all the corpus at once (find_corpus_duplicates)."""
    started = time.perf_counter()
    found = find_corpus_duplicates(corpus.articles)
    seconds = time.perf_counter() - started
    reported = {(a, b): s for a, b, s in _pairs(found)}
    planted_pairs = {tuple(sorted((c, o))) for c, o in corpus.planted.items()}
    hit = {p for p in planted_pairs if p in reported}
    reworded = {p for p in planted_pairs if not (set(p) & corpus.verbatim)}

    def exact(pair: tuple[tuple[str, int], ...]) -> float:
        (a, b) = pair
        return jaccard(corpus.texts[a][1], corpus.texts[b][1], corpus.texts[a][0])

    exact_planted = sorted(exact(p) for p in reworded)
    per_lang: dict[str, list[int]] = {}
    for pair in reworded:
        counts = per_lang.setdefault(corpus.texts[pair[0]][0], [0, 0])
        counts[0] += pair in hit
        counts[1] += 1
    false_pairs = 0
    real = 0
    false_examples: list[tuple[float, float]] = []
    for pair, similarity in reported.items():
        if pair in planted_pairs:
            continue
        truth = exact(pair)
        if truth < THRESHOLD:
            false_pairs += 1
            false_examples.append((round(truth, 2), similarity))
        else:
            real += 1
    n = len(corpus.texts)
    missed = sorted(round(exact(p), 2) for p in reworded - hit)
    return {
        "seconds": seconds,
        "planted": len(planted_pairs),
        "reworded": len(reworded),
        "recall": len(hit) / len(planted_pairs) if planted_pairs else 1.0,
        "recall_reworded": len(hit & reworded) / len(reworded) if reworded else 1.0,
        "recall_by_lang": {lang: c[0] / c[1] for lang, c in sorted(per_lang.items())},
        "missed_exact_jaccard": missed[:12],
        "planted_jaccard": {
            "min": exact_planted[0] if exact_planted else None,
            "p05": exact_planted[len(exact_planted) // 20] if exact_planted else None,
            "median": statistics.median(exact_planted) if exact_planted else None,
        },
        "false_pairs": false_pairs,
        "false_per_10k": false_pairs / n * 10_000,
        "false_examples": false_examples[:8],
        "real_overlaps": real,
        "real_per_10k": real / n * 10_000,
    }


def partial_repeats(pairs_per_lang: int = 100, seed: int = 17) -> dict[str, Any]:
    """Return how often two paragraphs that share one whole sentence (of 3-5 each, the
    others distinct) are reported, and their exact Jaccard: what MP304 makes of a quoted
    or re-used sentence."""
    loaded = load_sentences() or generated_sentences()
    rng = random.Random(seed)
    articles: list[Article] = []
    designed: list[tuple[str, str, str, list[str]]] = []
    for lang, sentences in loaded.items():
        joiner = "" if lang == "zh" else " "
        pool = rng.sample(range(len(sentences)), len(sentences))
        for k in range(pairs_per_lang):
            shared = pool.pop()
            one = [pool.pop() for _ in range(rng.randint(2, 4))] + [shared]
            two = [shared] + [pool.pop() for _ in range(rng.randint(2, 4))]
            texts = [joiner.join(sentences[i] for i in side) for side in (one, two)]
            names = [f"{lang}-{k}-a", f"{lang}-{k}-b"]
            for name, text in zip(names, texts, strict=True):
                articles.append(
                    Article.model_validate(
                        {"id": name, "source_lang": lang, "variants": {lang: {"blocks": [text]}}}
                    )
                )
            designed.append((names[0], names[1], lang, texts))
    found = find_corpus_duplicates(articles)
    reported = {(ref.article_id, m.other_article) for ref, ms in found.items() for m in ms}
    exact = sorted(jaccard(texts[0], texts[1], lang) for _, _, lang, texts in designed)
    hits = sum((a, b) in reported for a, b, _, _ in designed)
    return {
        "pairs": len(designed),
        "reported": hits / len(designed),
        "median": statistics.median(exact),
        "p95": exact[len(exact) * 19 // 20],
    }


def _disk_mb(path: Path) -> float:
    return (
        sum(
            p.stat().st_size for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm")) if p.exists()
        )
        / 1e6
    )


def run_size(size: int, queries: int) -> dict[str, Any]:
    """Build an index of ``size`` paragraphs in a temporary folder, query it, measure the
    quality on the same corpus; return the numbers."""
    corpus = build_corpus(size)
    signatures(["warm up the regexes and powers " * 3], "en")
    result: dict[str, Any] = {"size": size, "articles": len(corpus.articles)}
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "index.sqlite"
        reset = _reset_peak()
        rss_before = _rss_mb() if reset else _maxrss_mb()
        started = time.perf_counter()
        cpu = time.process_time()
        with CorpusIndex(path) as index:
            index.add_articles(corpus.articles)
            result["build_seconds"] = time.perf_counter() - started
            result["build_cpu"] = time.process_time() - cpu
            result["rss_delta_mb"] = _maxrss_mb() - rss_before
            result["rss_mb"] = _maxrss_mb()
            result["blocks"] = index.block_count()
        result["disk_mb"] = _disk_mb(path)  # closed: the WAL is checkpointed into the file
        with CorpusIndex(path) as index:
            rng = random.Random(5)
            # Articles that hold a planted copy: the first ``queries`` timed, 200 for recall.
            with_plants = sorted({a for a, _ in corpus.planted})
            chosen = rng.sample(with_plants, min(max(queries, 200), len(with_plants)))
            by_id = {a.id: a for a in corpus.articles}
            times: list[float] = []
            found_pairs = 0
            asked = 0
            for name in chosen:
                article = by_id[name]
                t = time.perf_counter()
                matches = index.query(article)
                times.append((time.perf_counter() - t) * 1000)
                got = {(m.block, m.other_article, m.other_block) for m in matches}
                for (copy, block), (orig, orig_block) in corpus.planted.items():
                    if copy == name:
                        asked += 1
                        found_pairs += (block, orig, orig_block) in got
            result["query_ms_median"] = statistics.median(times[:queries])
            result["query_ms_max"] = max(times[:queries])
            result["query_pairs"] = asked
            result["query_recall"] = found_pairs / asked if asked else None
            result["integrity"] = index.integrity()
    result["quality"] = quality(corpus)
    result["source"] = corpus.source
    return result


def _in_own_process(size: int, queries: int) -> dict[str, Any]:
    """Run one size in a fresh interpreter and return what it printed (one JSON line)."""
    command = [sys.executable, __file__, "--one", str(size), "--queries", str(queries)]
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> int:
    """Print the signing speed, then build, query and quality numbers per size."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--million", action="store_true", help="also 1,000,000 paragraphs")
    parser.add_argument("--queries", type=int, default=25)
    parser.add_argument("--sign", type=int, default=100_000, help="paragraphs signed")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_size(args.one, args.queries)))
        return 0

    signing = bench_signing(args.sign)
    print(f"text: {signing['source']} ({flores_dir()})")
    per = ", ".join(f"{lang} {s:.2f}" for lang, s in signing["per_lang"].items())
    print(
        f"signing {signing['paragraphs']:,} paragraphs: {signing['seconds']:.2f} s "
        f"(CPU {signing['cpu']:.2f} s) "
        f"({signing['paragraphs'] / signing['seconds']:,.0f}/s, "
        f"~{signing['shingles_estimate'] / signing['seconds'] / 1e6:.1f} M shingles/s; {per})"
    )
    sizes = [int(s) for s in args.sizes.split(",")]
    if args.million:
        sizes.append(1_000_000)
    results = []
    print(
        f"\n{'paragraphs':>10} {'articles':>8} {'build s':>8} {'cpu s':>7} {'s/10k':>6} "
        f"{'peak+MB':>8} "
        f"{'disk MB':>8} {'B/block':>7} {'query ms':>9} {'max ms':>7} {'q.recall':>8}"
    )
    for size in sizes:
        r = _in_own_process(size, args.queries)
        results.append(r)
        print(
            f"{r['size']:>10,} {r['articles']:>8,} {r['build_seconds']:>8.1f} "
            f"{r['build_cpu']:>7.1f} "
            f"{r['build_seconds'] / r['size'] * 10_000:>6.2f} {r['rss_delta_mb']:>8.0f} "
            f"{r['disk_mb']:>8.1f} {r['disk_mb'] * 1e6 / r['blocks']:>7.0f} "
            f"{r['query_ms_median']:>9.1f} {r['query_ms_max']:>7.1f} "
            f"{r['query_recall'] if r['query_recall'] is not None else float('nan'):>8.3f}"
            f"  integrity {r['integrity']}"
        )
    smallest = results[0]
    print("\nratios to the smallest size (per paragraph; 1.0 = linear):")
    for r in results[1:]:
        ratio = (r["build_seconds"] / r["size"]) / (smallest["build_seconds"] / smallest["size"])
        disk = (r["disk_mb"] / r["size"]) / (smallest["disk_mb"] / smallest["size"])
        query = r["query_ms_median"] / smallest["query_ms_median"]
        print(
            f"  {r['size']:>10,}: build {ratio:.2f}, disk {disk:.2f}, "
            f"query time x{query:.2f} for x{r['size'] / smallest['size']:.0f} paragraphs"
        )
    partial = partial_repeats()
    print(
        f"\npartial repeats ({partial['pairs']} pairs of paragraphs sharing one whole sentence "
        f"of 3-5): exact Jaccard median {partial['median']:.2f}, p95 {partial['p95']:.2f}; "
        f"reported {partial['reported']:.1%}"
    )
    print(f"\nquality (all pairs of each corpus, threshold {THRESHOLD}):")
    for r in results:
        q = r["quality"]
        pj = q["planted_jaccard"]
        print(
            f"  {r['size']:>10,}: recall {q['recall']:.3f} of {q['planted']} planted "
            f"(reworded {q['recall_reworded']:.3f} of {q['reworded']}; their exact Jaccard "
            f"min {pj['min']:.2f}, p5 {pj['p05']:.2f}, median {pj['median']:.2f}); "
            f"false pairs {q['false_pairs']} ({q['false_per_10k']:.2f} per 10k paragraphs); "
            f"real overlaps {q['real_overlaps']} ({q['real_per_10k']:.2f} per 10k); "
            f"all-pairs search {q['seconds']:.1f} s"
        )
        by_lang = ", ".join(f"{lang} {r:.3f}" for lang, r in q["recall_by_lang"].items())
        print(f"{'':14}reworded recall by language: {by_lang}")
        if q["missed_exact_jaccard"]:
            print(f"{'':14}missed, exact Jaccard: {q['missed_exact_jaccard']}")
        if q["false_examples"]:
            print(f"{'':14}false pairs, (exact, estimated) Jaccard: {q['false_examples']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

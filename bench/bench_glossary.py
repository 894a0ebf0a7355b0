"""Benchmark: building the glossary matcher and matching text, for both automaton backends.

Builds a synthetic glossary of 100,000 entries (Vietnamese-looking names, titles and
organizations of 2 to 6 syllables, with forms in vi, ar and ru) and 1,000 paragraphs per
language of about 150 characters that mention some of them, at two densities ("news":
1.7 mentions a paragraph on average, as many as the seed article holds; "dense": 3.5, a
stress case), then prints for each backend (pyahocorasick, ahocorasick-rs) and
language, each in a process of its own:

* build: seconds to build the matcher (folding and coding every form, the automaton),
  fastest and slowest of three builds;
* matching: MB of UTF-8 text per second, spans and all, through ``Matcher.find`` one
  paragraph at a time and through ``Matcher.find_many`` over all 1,000 at once (the
  fastest of nine runs, taken in rounds, with fold's cache emptied before each);
* peak: the largest resident memory of the process, in MB;
* whether the line meets issue 3's targets: the fastest build under 1 s, at least 10 MB/s
  at news density (all at once, as the checks match a variant's blocks), peak under
  300 MB.

The seed article (../shared/seeds), matched in Arabic against the shipped glossary,
holds 1.3 mentions per 150 characters; with its four people added, 1.7.

Usage: python bench/bench_glossary.py [--entries N] [--paragraphs N] [--backend B] [--lang L]
"""

from __future__ import annotations

import argparse
import random
import resource
import subprocess
import sys
import time
import unicodedata
from collections.abc import Callable
from functools import partial

from multipub.glossary import Entry, EntryKind, Glossary, TermForms
from multipub.matcher import BACKENDS, Matcher
from multipub.text import clear_fold_cache

ONSETS = [
    "",
    "b",
    "c",
    "ch",
    "d",
    "đ",
    "g",
    "h",
    "kh",
    "l",
    "m",
    "n",
    "ng",
    "nh",
    "ph",
    "qu",
    "s",
    "t",
    "th",
    "tr",
    "v",
    "x",
]
RHYMES = [
    "a",
    "ai",
    "an",
    "ang",
    "anh",
    "ao",
    "ăn",
    "âm",
    "ân",
    "e",
    "em",
    "ên",
    "i",
    "inh",
    "o",
    "oa",
    "oan",
    "ông",
    "ơn",
    "u",
    "uân",
    "ương",
    "ưng",
    "y",
]
TONES = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"]
AR_SYLLABLES = [
    "نغ",
    "وين",
    "تران",
    "فام",
    "مينه",
    "تشينه",
    "هوا",
    "بينه",
    "لام",
    "دوك",
    "ثانه",
    "كوك",
    "هونغ",
    "فان",
    "لي",
    "تو",
]
RU_SYLLABLES = [
    "Нгуен",
    "Чан",
    "Фам",
    "Минь",
    "Тьинь",
    "Хоа",
    "Бинь",
    "Лам",
    "Дык",
    "Тхань",
    "Куок",
    "Хынг",
    "Ван",
    "Ле",
    "То",
]
FILLER = {
    "vi": [
        "hội",
        "nghị",
        "tổng",
        "kết",
        "công",
        "tác",
        "năm",
        "và",
        "triển",
        "khai",
        "nhiệm",
        "vụ",
        "trọng",
        "tâm",
        "của",
        "tỉnh",
        "trong",
        "thời",
        "gian",
        "tới",
    ],
    "ar": [
        "عقد",
        "المؤتمر",
        "لمراجعة",
        "عمل",
        "العام",
        "ونشر",
        "المهام",
        "الرئيسية",
        "للمقاطعة",
        "في",
        "الفترة",
        "المقبلة",
    ],
    "ru": [
        "конференция",
        "подвела",
        "итоги",
        "года",
        "и",
        "наметила",
        "основные",
        "задачи",
        "провинции",
        "на",
        "ближайший",
        "период",
    ],
}


def _syllable(rng: random.Random) -> str:
    onset, rhyme = rng.choice(ONSETS), rng.choice(RHYMES)
    # The tone mark goes on the rhyme's first vowel.
    syllable = onset + rhyme[0] + rng.choice(TONES) + rhyme[1:]
    return unicodedata.normalize("NFC", syllable).capitalize()


def build_glossary(entries: int, seed: int = 7) -> Glossary:
    """Return a glossary of ``entries`` synthetic entries with vi, ar and ru forms."""
    rng = random.Random(seed)
    seen: set[str] = set()
    out: list[Entry] = []
    kinds = [EntryKind.PERSON, EntryKind.TITLE, EntryKind.ORGANIZATION, EntryKind.PLACE]
    while len(out) < entries:
        size = rng.randint(2, 6)
        vi = " ".join(_syllable(rng) for _ in range(size))
        if vi in seen:
            continue
        seen.add(vi)
        n = len(out)
        ar = " ".join(rng.choice(AR_SYLLABLES) for _ in range(size)) + f" {n}"
        ru = " ".join(rng.choice(RU_SYLLABLES) for _ in range(size)) + f" {n}"
        out.append(
            Entry(
                id=f"{kinds[n % 4].value}/e{n}",
                kind=kinds[n % 4],
                terms={
                    "vi": TermForms(preferred=vi),
                    "ar": TermForms(
                        preferred=ar, accepted=(ar.replace("نغ", "نج"),) if "نغ" in ar else ()
                    ),
                    "ru": TermForms(preferred=ru),
                },
            )
        )
    return Glossary(name="bench", entries=tuple(out))


def build_paragraphs(
    glossary: Glossary, lang: str, count: int, seed: int = 11, mentions: float = 1.5
) -> list[str]:
    """Return ``count`` paragraphs of about 150 characters of filler words, each holding
    glossary forms: ``mentions`` of them on average, at random places."""
    rng = random.Random(seed)
    whole, share = divmod(mentions, 1)
    paragraphs = []
    for _ in range(count):
        forms = [
            rng.choice(glossary.entries).terms[lang].preferred
            for _ in range(int(whole) + (rng.random() < share))
        ]
        words: list[str] = []
        size = sum(len(form) + 1 for form in forms)
        while size < 150:
            words.append(rng.choice(FILLER[lang]))
            size += len(words[-1]) + 1
        for form in forms:
            words.insert(rng.randrange(len(words) + 1), form)
        paragraphs.append(" ".join(words))
    return paragraphs


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _timed(work: Callable[[], int]) -> tuple[float, int]:
    """Return the seconds one run of ``work`` took (fold's cache emptied first, so that
    every text is folded as if for the first time) and what it returned."""
    clear_fold_cache()
    started = time.perf_counter()
    result = work()
    return time.perf_counter() - started, result


# Each timing is the fastest of this many runs, taken in rounds over every density and
# way of matching: this machine kind slows down by up to a half for seconds at a time,
# and rounds spread each timing's runs over the whole process.
ROUNDS = 9


def run_one(backend: str, lang: str, entries: int, paragraphs: int) -> None:
    """Build one matcher, match, print one line. The peak memory is read after the first
    build and the matching (later builds only time the build: a process's high-water
    mark never goes down, and rebuilding leaves the allocator's arenas fragmented)."""
    glossary = build_glossary(entries)
    texts = {
        density: build_paragraphs(glossary, lang, paragraphs, mentions=mean)
        for density, mean in DENSITIES.items()
    }
    started = time.perf_counter()
    matcher: Matcher | None = Matcher(glossary, lang, backend=backend)
    builds = [time.perf_counter() - started]
    assert matcher is not None
    patterns = len(matcher)
    best: dict[tuple[str, str], float] = {}
    found: dict[tuple[str, str], int] = {}
    for _ in range(ROUNDS):
        for density, batch in texts.items():
            runs: dict[str, Callable[[], int]] = {
                "one by one": partial(_one_by_one, matcher, batch),
                "batch": partial(_all_at_once, matcher, batch),
            }
            for way, work in runs.items():
                seconds, count = _timed(work)
                best[density, way] = min(best.get((density, way), seconds), seconds)
                found[density, way] = count
    parts = []
    for density, batch in texts.items():
        assert found[density, "one by one"] == found[density, "batch"], found
        size_mb = sum(len(p.encode("utf-8")) for p in batch) / 1e6
        parts.append(
            f"{density} ({found[density, 'batch'] / len(batch):.1f} mentions/paragraph): "
            + ", ".join(f"{size_mb / best[density, way]:5.1f} MB/s {way}" for way in WAYS)
        )
    news_mb = sum(len(p.encode("utf-8")) for p in texts["news"]) / 1e6
    peak = _peak_mb()
    for _ in range(2):
        matcher = None  # the last one is freed before the next is built
        started = time.perf_counter()
        matcher = Matcher(glossary, lang, backend=backend)
        builds.append(time.perf_counter() - started)
    meets = min(builds) < 1 and news_mb / best["news", "batch"] >= 10 and peak < 300
    print(
        f"{backend:<15} {lang}: build {min(builds):.2f}-{max(builds):.2f} s "
        f"({patterns} patterns); " + "; ".join(parts) + f"; peak {peak:.0f} MB; "
        f"targets {'met' if meets else 'NOT met'}",
        flush=True,
    )


WAYS = ("one by one", "batch")


def _one_by_one(matcher: Matcher, batch: list[str]) -> int:
    return sum(len(matcher.find(p)) for p in batch)


def _all_at_once(matcher: Matcher, batch: list[str]) -> int:
    return sum(map(len, matcher.find_many(batch)))


# Mentions per paragraph of about 150 characters: "news" is what the seed article holds
# once its four people are glossary entries (27 mentions in 2,414 characters: 1.7 per
# 150; the shipped glossary alone finds 21, 1.3 per 150); "dense", a stress case, twice
# that.
DENSITIES = {"news": 1.7, "dense": 3.5}


def main() -> int:
    """Build, match, print one line per backend and language; return 0.

    Each backend and language runs in a process of its own, so that the peak memory
    printed is its own (a process's high-water mark never goes down).
    """
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--paragraphs", type=int, default=1_000)
    parser.add_argument("--backend", choices=sorted(BACKENDS), help="run this backend only")
    parser.add_argument("--lang", choices=("vi", "ar", "ru"), help="run this language only")
    args = parser.parse_args()
    if args.backend and args.lang:
        run_one(args.backend, args.lang, args.entries, args.paragraphs)
        return 0
    started = time.perf_counter()
    build_glossary(args.entries)
    print(
        f"glossary: {args.entries} entries made in {time.perf_counter() - started:.1f} s; "
        f"peak {_peak_mb():.0f} MB (each line below runs in a fresh process)",
        flush=True,
    )
    for backend in [args.backend] if args.backend else list(BACKENDS):
        for lang in [args.lang] if args.lang else ["vi", "ar", "ru"]:
            subprocess.run(
                [sys.executable, __file__, "--backend", backend, "--lang", lang,
                 "--entries", str(args.entries), "--paragraphs", str(args.paragraphs)],
                check=True,
            )  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Benchmark: building the glossary matcher and matching text, for both automaton backends.

Builds a synthetic glossary of 100,000 entries (Vietnamese-looking names, titles and
organizations of 2 to 6 syllables, with forms in vi, ar and ru) and 1,000 paragraphs per
language of about 150 characters that mention some of them, then prints for each backend
(pyahocorasick, ahocorasick-rs) and language:

* build: seconds to build the matcher (normalizing every form and the automaton);
* match: MB of UTF-8 text per second through ``Matcher.find`` (spans and all), one
  paragraph per call, and mentions found; "sparse": the same on paragraphs with a fifth
  of the mentions; "batch": ``Matcher.find_many`` over all 1,000 paragraphs at once;
* peak: the largest resident memory of the process so far, in MB.

Usage: python bench/bench_glossary.py [--entries N] [--paragraphs N]
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import time
import unicodedata

from multipub.glossary import Entry, EntryKind, Glossary, TermForms
from multipub.matcher import BACKENDS, Matcher
from multipub.text import fold

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
    glossary: Glossary, lang: str, count: int, seed: int = 11, density: float = 0.15
) -> list[str]:
    """Return ``count`` paragraphs of about 150 characters in which a share ``density``
    of the words are glossary forms (0.15: about three mentions a paragraph)."""
    rng = random.Random(seed)
    paragraphs = []
    for _ in range(count):
        words: list[str] = []
        while sum(len(w) + 1 for w in words) < 150:
            if rng.random() < density:
                forms = rng.choice(glossary.entries).terms[lang]
                words.append(forms.preferred)
            else:
                words.append(rng.choice(FILLER[lang]))
        paragraphs.append(" ".join(words))
    return paragraphs


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    """Build, match, print one line per backend and language; return 0."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--paragraphs", type=int, default=1_000)
    args = parser.parse_args()
    started = time.perf_counter()
    glossary = build_glossary(args.entries)
    print(
        f"glossary: {args.entries} entries made in {time.perf_counter() - started:.1f} s; peak {_peak_mb():.0f} MB"
    )
    texts = {lang: build_paragraphs(glossary, lang, args.paragraphs) for lang in ("vi", "ar", "ru")}
    sparse = {
        lang: build_paragraphs(glossary, lang, args.paragraphs, density=0.03)
        for lang in ("vi", "ar", "ru")
    }
    for backend in BACKENDS:
        for lang, paragraphs in texts.items():
            started = time.perf_counter()
            matcher = Matcher(glossary, lang, backend=backend)
            build = time.perf_counter() - started
            size_mb = sum(len(p.encode("utf-8")) for p in paragraphs) / 1e6
            best = float("inf")
            for _ in range(3):
                fold.cache_clear()  # each text is folded as if for the first time
                started = time.perf_counter()
                found = sum(len(matcher.find(p)) for p in paragraphs)
                best = min(best, time.perf_counter() - started)
            sparse_mb = sum(len(p.encode("utf-8")) for p in sparse[lang]) / 1e6
            sparse_best = float("inf")
            for _ in range(3):
                fold.cache_clear()
                started = time.perf_counter()
                sparse_found = sum(len(matcher.find(p)) for p in sparse[lang])
                sparse_best = min(sparse_best, time.perf_counter() - started)
            batch_best = float("inf")
            for _ in range(3):
                fold.cache_clear()
                started = time.perf_counter()
                batch_found = sum(len(m) for m in matcher.find_many(paragraphs))
                batch_best = min(batch_best, time.perf_counter() - started)
            assert batch_found == found, (batch_found, found)
            print(
                f"{backend:<15} {lang}: build {build:5.2f} s ({len(matcher)} patterns), "
                f"match {size_mb / best:6.1f} MB/s ({found} mentions in {size_mb:.2f} MB), "
                f"sparse {sparse_mb / sparse_best:6.1f} MB/s ({sparse_found} mentions), "
                f"batch {size_mb / batch_best:6.1f} MB/s, peak {_peak_mb():.0f} MB"
            )
            del matcher
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Benchmark: language identification per block, lingua against langdetect, on FLORES-200.

Every FLORES-200 devtest file present under ../shared/data/flores200/devtest is read in
place (each line a block), sampled to ``--lines`` lines per language. Short blocks are cut
from the same lines (the first 1, 2, 3, 5 or 8 words; the first 10, 20, 30, 45 or 80
characters) to fill four length buckets: <20, 20-50, 50-150 and >150 characters.

Each backend runs in its own process, one after the other, so that its peak memory
(``resource.getrusage``) is its own and its timing has the machine to itself. For each it
prints, per bucket:

* ``all``: candidates are the site's languages and their look-alikes (``ALL_LANGUAGES``),
  over every language present: the share of blocks answered (undetermined is "no answer"),
  the accuracy of the answers, and wrong answers as a share of all blocks (what a check
  would report as a false wrong-language finding);
* ``site``: candidates are the site's languages (the default), over the site's languages;
* ``raw``: the backend alone, without the script stage or the short-block rule, over all
  candidates: what trusting a detector on every block gives;

then the mean µs per block through :func:`multipub.langid.identify` (uncached), the mean
over the blocks a model decided, and peak memory after import, after loading every model
the run uses, and at the end. A last line names the better backend and why.

Languages no backend knows (Galician) or that only the script names (Lao, Khmer) are
measured like the others. Cantonese (yue_Hant) counts as right when answered "zh", its
macrolanguage: the script stage does not tell Chinese languages apart.

``lingua-low`` (lingua in low accuracy mode) runs too, to show what that mode trades.

``--function-words`` measures the function-word shortcut instead (``langid.plainly_in``,
the profiles' ``function_words``) on every line of one half of each devtest file and the
blocks cut from them, Vietnamese typed without diacritics added: per language it may
name, the blocks it names, the share of them in that language, the share on which lingua
(among the candidates a check asks about in that language's variant, on blocks of 30
letters or more) names the same, the share on which a check's outcome is the same (lingua
does not name another language with 0.9), and the share of the language's own blocks of
30 letters or more it settles (under and over 120 characters). The lists were written
looking at the even lines (``--half even``); the odd ones (the default) are held out.
``--low-long`` compares lingua's low accuracy mode with its default on blocks of 120
characters or more, where lingua reads trigrams only in either mode.

Usage: python bench/bench_langid.py [--lines N] [--seed S]
                                    [--backends lingua,langdetect,lingua-low]
       python bench/bench_langid.py --function-words [--half odd|even]
       python bench/bench_langid.py --low-long
Runs in about 40 seconds on two cores with the defaults (40 lines per language).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
# The one setting for the FLORES-200 data, as the tests read it (README).
FLORES = (
    Path(os.environ.get("MULTIPUB_FLORES200") or ROOT.parent / "shared" / "data" / "flores200")
    / "devtest"
)

# FLORES file stem -> the BCP 47 primary subtag a right answer names.
EXPECTED = {
    "vie_Latn": "vi",
    "arb_Arab": "ar",
    "rus_Cyrl": "ru",
    "zho_Hans": "zh",
    "eng_Latn": "en",
    "fra_Latn": "fr",
    "spa_Latn": "es",
    "pes_Arab": "fa",
    "urd_Arab": "ur",
    "bel_Cyrl": "be",
    "bul_Cyrl": "bg",
    "mkd_Cyrl": "mk",
    "srp_Cyrl": "sr",
    "ukr_Cyrl": "uk",
    "zho_Hant": "zh",
    "yue_Hant": "zh",
    "jpn_Jpan": "ja",
    "kor_Hang": "ko",
    "cat_Latn": "ca",
    "glg_Latn": "gl",
    "ita_Latn": "it",
    "por_Latn": "pt",
    "ron_Latn": "ro",
    "deu_Latn": "de",
    "nld_Latn": "nl",
    "ind_Latn": "id",
    "zsm_Latn": "ms",
    "tgl_Latn": "tl",
    "tha_Thai": "th",
    "lao_Laoo": "lo",
    "khm_Khmr": "km",
}
BUCKETS = ("<20", "20-50", "50-150", ">150")
WORD_CUTS = (1, 2, 3, 5, 8)
CHAR_CUTS = (10, 20, 30, 45, 80)


def bucket(block: str) -> str:
    """Return the length bucket of ``block`` (in characters)."""
    n = len(block)
    if n < 20:
        return "<20"
    if n < 50:
        return "20-50"
    if n <= 150:
        return "50-150"
    return ">150"


def blocks_of(line: str) -> list[str]:
    """Return the line itself and the short blocks cut from it, without repeats."""
    words = line.split()
    cuts = [line]
    cuts += [" ".join(words[:n]) for n in WORD_CUTS if n < len(words)]
    cuts += [line[:n].strip() for n in CHAR_CUTS if n < len(line)]
    return list(dict.fromkeys(c for c in cuts if c))


def sample(lines_per_lang: int, seed: int) -> list[tuple[str, str, str]]:
    """Return ``(file stem, expected tag, block)`` for the sampled lines of each file."""
    rng = random.Random(seed)
    out: list[tuple[str, str, str]] = []
    for stem, tag in EXPECTED.items():
        path = FLORES / f"{stem}.devtest"
        if not path.exists():
            continue
        lines = [line for line in path.read_text("utf-8").splitlines() if line.strip()]
        for line in rng.sample(lines, min(lines_per_lang, len(lines))):
            out.extend((stem, tag, block) for block in blocks_of(line))
    return out


def peak_mib() -> float:
    """Return this process's peak resident memory in MiB (ru_maxrss is KiB on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def worker(backend_name: str, lines_per_lang: int, seed: int) -> dict[str, Any]:
    """Run one backend over the sample; return its counts, timings and memory."""
    from multipub import langid

    memory = {"import": peak_mib()}
    blocks = sample(lines_per_lang, seed)
    backend: langid.LanguageIdentifier
    if backend_name == "lingua-low":
        backend = langid.LinguaIdentifier(langid.ALL_LANGUAGES, low_accuracy=True)
    else:
        backend = langid.get_identifier(backend_name)
    site = set(langid.SITE_LANGUAGES)
    firsts = list({stem: (expected, block) for stem, expected, block in reversed(blocks)}.values())
    # Load the models a check with the default candidates uses (the site's Latin-script
    # languages: the others are settled by script), then every model the run uses.
    load_s: dict[str, float] = {}
    started = time.perf_counter()
    for expected, block in firsts:
        if expected in site:
            langid.identify(block, candidates=langid.SITE_LANGUAGES, backend=backend, cache=False)
    load_s["site"] = time.perf_counter() - started
    memory["site"] = peak_mib()
    started = time.perf_counter()
    for _, block in firsts:
        langid.identify(block, candidates=langid.ALL_LANGUAGES, backend=backend, cache=False)
        backend.identify(block, langid.ALL_LANGUAGES)
    load_s["all"] = time.perf_counter() - started
    memory["loaded"] = peak_mib()
    supported: tuple[str, ...] = getattr(backend, "supported_languages", tuple)()

    site_ns = 0
    site_blocks = 0
    # counts[setting][bucket] = [blocks, answered, correct]
    counts: dict[str, dict[str, list[int]]] = {
        s: {b: [0, 0, 0] for b in BUCKETS} for s in ("all", "site", "raw")
    }
    per_lang: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    total_ns = 0
    model_ns = 0
    model_blocks = 0
    for stem, expected, block in blocks:
        b = bucket(block)
        start = time.perf_counter_ns()
        guess = langid.identify(
            block, candidates=langid.ALL_LANGUAGES, backend=backend, cache=False
        )
        elapsed = time.perf_counter_ns() - start
        total_ns += elapsed
        if guess.method == backend.name:
            model_ns += elapsed
            model_blocks += 1
        row = counts["all"][b]
        row[0] += 1
        row[1] += guess.lang is not None
        row[2] += guess.lang == expected
        lang_row = per_lang[stem]
        lang_row[0] += 1
        lang_row[1] += guess.lang is not None
        lang_row[2] += guess.lang == expected

        if expected in site:
            start = time.perf_counter_ns()
            guess = langid.identify(
                block, candidates=langid.SITE_LANGUAGES, backend=backend, cache=False
            )
            site_ns += time.perf_counter_ns() - start
            site_blocks += 1
            row = counts["site"][b]
            row[0] += 1
            row[1] += guess.lang is not None
            row[2] += guess.lang == expected

        raw = backend.identify(block, langid.ALL_LANGUAGES)
        row = counts["raw"][b]
        row[0] += 1
        row[1] += raw.lang is not None
        row[2] += raw.lang == expected
    memory["end"] = peak_mib()
    return {
        "backend": backend_name,
        "signature": langid.backend_signature(backend),
        "blocks": len(blocks),
        "counts": counts,
        "per_lang": dict(per_lang),
        "us_per_block": total_ns / len(blocks) / 1000,
        "us_per_model_block": model_ns / max(1, model_blocks) / 1000,
        "us_per_site_block": site_ns / max(1, site_blocks) / 1000,
        "model_blocks": model_blocks,
        "memory_mib": memory,
        "load_s": load_s,
        "supported": list(supported),
    }


def pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:5.1f}%" if whole else "    -"


def summary(result: dict[str, Any], setting: str, buckets: tuple[str, ...]) -> tuple[int, int, int]:
    """Return (blocks, answered, correct) of ``setting`` pooled over ``buckets``."""
    rows = [result["counts"][setting][b] for b in buckets]
    return (sum(r[0] for r in rows), sum(r[1] for r in rows), sum(r[2] for r in rows))


def report(result: dict[str, Any]) -> None:
    print(f"\n== {result['signature']}: {result['blocks']} blocks")
    print(f"{'setting':8} {'bucket':7} {'blocks':>6} {'answered':>8} {'accuracy':>8} {'wrong':>6}")
    for setting in ("all", "site", "raw"):
        for b in (*BUCKETS, "total"):
            n, answered, correct = summary(result, setting, BUCKETS if b == "total" else (b,))
            print(
                f"{setting:8} {b:7} {n:6d} {pct(answered, n):>8} "
                f"{pct(correct, answered):>8} {pct(answered - correct, n):>6}"
            )
    weak = sorted(
        (100 * row[2] / max(1, row[1]), stem, row) for stem, row in result["per_lang"].items()
    )[:6]
    print(
        "weakest languages (all buckets, accuracy of answers): "
        + ", ".join(f"{stem} {acc:.1f}%" for acc, stem, _ in weak)
    )
    m = result["memory_mib"]
    print(
        f"speed: {result['us_per_block']:.1f} µs/block mean (all candidates), "
        f"{result['us_per_model_block']:.1f} µs/block over the {result['model_blocks']} "
        f"blocks a model decided, {result['us_per_site_block']:.1f} µs/block (site candidates)"
    )
    print(
        f"peak memory: {m['import']:.0f} MiB after import, {m['site']:.0f} MiB after loading "
        f"the site's models, {m['loaded']:.0f} MiB after loading all, {m['end']:.0f} MiB at end"
    )
    print(
        f"first use (model loading): {result['load_s']['site']:.2f} s for the site's "
        f"languages, {result['load_s']['all']:.2f} s more for all"
    )


def accuracy(result: dict[str, Any], setting: str, buckets: tuple[str, ...] = BUCKETS) -> float:
    """Return the accuracy of the answers, in percent, of ``setting`` over ``buckets``."""
    _, answered, correct = summary(result, setting, buckets)
    return 100 * correct / max(1, answered)


def low_accuracy_note(results: list[dict[str, Any]]) -> str | None:
    """Return a line comparing lingua's low accuracy mode with its default, if both ran."""
    by_name = {r["backend"]: r for r in results}
    if "lingua" not in by_name or "lingua-low" not in by_name:
        return None
    high, low = by_name["lingua"], by_name["lingua-low"]
    parts = []
    for b in BUCKETS[1:]:
        parts.append(
            f"{b}: {accuracy(low, 'all', (b,)):.1f}% vs {accuracy(high, 'all', (b,)):.1f}%"
        )
    return (
        "lingua low accuracy mode vs default (all candidates, accuracy of answers): "
        + ", ".join(parts)
        + f"; {low['us_per_model_block']:.0f} vs {high['us_per_model_block']:.0f} µs per "
        f"model-decided block; {low['memory_mib']['loaded']:.0f} vs "
        f"{high['memory_mib']['loaded']:.0f} MiB peak"
    )


# Languages the script stage names without a model: every backend can answer them.
BY_SCRIPT = {"vi", "zh", "ja", "ko", "th", "lo", "km"}


def shared_accuracy(a: dict[str, Any], b: dict[str, Any]) -> tuple[float, float]:
    """Return the accuracy of answers (all candidates) of ``a`` and ``b`` over the FLORES
    languages both can name: a backend is not blamed for a language it has no model for.
    """
    both = BY_SCRIPT | (set(a["supported"]) & set(b["supported"]))
    out = []
    for r in (a, b):
        rows = [row for stem, row in r["per_lang"].items() if EXPECTED[stem] in both]
        out.append(100 * sum(x[2] for x in rows) / max(1, sum(x[1] for x in rows)))
    return out[0], out[1]


def verdict(results: list[dict[str, Any]]) -> str:
    """Return the closing line: the better of the two backends and why."""
    contenders = [r for r in results if r["backend"] in ("lingua", "langdetect")]
    if len(contenders) < 2:
        return "better backend: not decided (run both lingua and langdetect)"
    ranked = sorted(
        contenders, key=lambda r: (-round(accuracy(r, "all"), 1), r["us_per_model_block"])
    )
    best, other = ranked[0], ranked[1]
    gap = accuracy(best, "all") - accuracy(other, "all")
    common = shared_accuracy(best, other)
    why = (
        f"accuracy of answers {accuracy(best, 'all'):.1f}% vs {accuracy(other, 'all'):.1f}% "
        f"(all candidates; {common[0]:.1f}% vs {common[1]:.1f}% on the languages both can "
        f"name), {accuracy(best, 'site'):.1f}% vs {accuracy(other, 'site'):.1f}% "
        f"(site languages), {best['us_per_model_block']:.0f} vs "
        f"{other['us_per_model_block']:.0f} µs per model-decided block, "
        f"{best['memory_mib']['loaded']:.0f} vs {other['memory_mib']['loaded']:.0f} MiB peak"
    )
    if abs(gap) < 0.5:
        why += " (accuracy within 0.5 point: speed decides)"
    return f"better backend: {best['backend']}: {why}"


def _letters(text: str) -> int:
    return sum(1 for c in text if c.isalpha())


def _half(stem: str, half: str) -> list[str]:
    lines = (FLORES / f"{stem}.devtest").read_text("utf-8").splitlines()
    return lines[0::2] if half == "even" else lines[1::2]


def _without_diacritics(line: str) -> str:
    import unicodedata

    decomposed = unicodedata.normalize("NFD", line.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def function_words(half: str) -> None:
    """Print the function-word shortcut's agreement and coverage (see the docstring)."""
    from multipub import langid

    blocks: list[tuple[str, str]] = []  # (expected tag, block)
    for stem, tag in EXPECTED.items():
        if not (FLORES / f"{stem}.devtest").exists():
            continue
        for line in _half(stem, half):
            blocks.extend((tag, block) for block in blocks_of(line))
            if stem == "vie_Latn":
                blocks.extend(("vi", block) for block in blocks_of(_without_diacritics(line)))
    lingua = langid.get_identifier("lingua")
    # named[lang] = [named, right, model asked, model agrees, outcome the same]
    named: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0])
    # own[(lang, long)] = [blocks of 30 letters or more, settled]
    own: dict[tuple[str, bool], list[int]] = defaultdict(lambda: [0, 0])
    wrong: list[str] = []
    shortcut_ns = 0
    for expected, block in blocks:
        started = time.perf_counter_ns()
        found = langid.function_words_language(block)
        shortcut_ns += time.perf_counter_ns() - started
        enough = _letters(block) >= 30
        if enough:
            own[(expected, len(block) >= 120)][0] += 1
            own[(expected, len(block) >= 120)][1] += found == expected
        if found is None:
            continue
        row = named[found]
        row[0] += 1
        row[1] += found == expected
        if not enough:
            continue
        pool = tuple(dict.fromkeys((*langid.SITE_LANGUAGES, found, "vi")))
        guess = langid.identify(block, candidates=pool, backend=lingua, min_letters=30)
        row[2] += 1
        row[3] += guess.lang == found
        same = guess.lang in (None, found) or guess.confidence < 0.9
        row[4] += same
        if not same or found != expected:
            wrong.append(
                f"  {found} (is {expected}; lingua {guess.lang} {guess.confidence:.2f}): "
                f"{block[:90]}"
            )
    print(
        f"function words, {half} lines of FLORES-200 devtest and blocks cut from them "
        f"({len(blocks)} blocks, {shortcut_ns / len(blocks) / 1000:.1f} µs a block):"
    )
    print(
        f"{'lang':4} {'named':>6} {'right':>7} {'lingua':>7} {'outcome':>8} "
        f"{'settles':>8} {'<120':>6} {'>=120':>6}"
    )
    for lang in sorted(set(named) | {t for t, _ in own if t in langid.ALL_LANGUAGES}):
        row = named[lang]
        short, long_ = own[(lang, False)], own[(lang, True)]
        total = [short[0] + long_[0], short[1] + long_[1]]
        print(
            f"{lang:4} {row[0]:6d} {pct(row[1], row[0]):>7} {pct(row[3], row[2]):>7} "
            f"{pct(row[4], row[2]):>8} {pct(total[1], total[0]):>8} "
            f"{pct(short[1], short[0]):>6} {pct(long_[1], long_[0]):>6}"
        )
    print("named wrongly, or lingua would report another language:")
    print("\n".join(wrong[:40]) or "  none")


def low_accuracy_on_long_blocks() -> None:
    """Print how often lingua's low accuracy mode answers as its default on FLORES lines
    (odd ones) of 120 characters or more, and their times once their models are loaded."""
    from multipub import langid

    high = langid.LinguaIdentifier(langid.ALL_LANGUAGES)
    low = langid.LinguaIdentifier(langid.ALL_LANGUAGES, low_accuracy=True)
    rows = [
        (tag, line)
        for stem, tag in EXPECTED.items()
        if (FLORES / f"{stem}.devtest").exists()
        for line in _half(stem, "odd")
        if len(line) >= 120
    ]
    for _, line in rows[:: max(1, len(rows) // 200)]:  # load the models both use
        high.identify(line, langid.ALL_LANGUAGES)
        low.identify(line, langid.ALL_LANGUAGES)
    same_lang = same_guess = right_high = right_low = 0
    times = [0, 0]
    for tag, line in rows:
        guesses = []
        for n, backend in enumerate((high, low)):
            started = time.perf_counter_ns()
            guesses.append(backend.identify(line, langid.ALL_LANGUAGES))
            times[n] += time.perf_counter_ns() - started
        same_lang += guesses[0].lang == guesses[1].lang
        same_guess += guesses[0] == guesses[1]
        right_high += guesses[0].lang == tag
        right_low += guesses[1].lang == tag
    n = len(rows)
    print(
        f"lingua low accuracy vs default, {n} lines of 120 characters or more, all "
        f"candidates: the same language on {pct(same_lang, n)} (and confidence on "
        f"{pct(same_guess, n)}); right on {pct(right_low, n)} vs {pct(right_high, n)}; "
        f"{times[1] / n / 1000:.0f} vs {times[0] / n / 1000:.0f} µs a line"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=40, help="lines sampled per language")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--backends", default="lingua,langdetect,lingua-low")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--function-words", action="store_true")
    parser.add_argument("--half", choices=("odd", "even"), default="odd")
    parser.add_argument("--low-long", action="store_true")
    args = parser.parse_args()
    if args.worker:
        json.dump(worker(args.worker, args.lines, args.seed), sys.stdout)
        return 0
    if not FLORES.is_dir():
        print(f"no FLORES-200 data at {FLORES}: nothing to measure", file=sys.stderr)
        return 1
    if args.function_words or args.low_long:
        if args.function_words:
            function_words(args.half)
        if args.low_long:
            low_accuracy_on_long_blocks()
        return 0
    results = []
    for name in args.backends.split(","):
        started = time.perf_counter()
        proc = subprocess.run(
            [
                sys.executable,
                __file__,
                "--worker",
                name,
                "--lines",
                str(args.lines),
                "--seed",
                str(args.seed),
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        if proc.returncode != 0:
            print(f"{name}: failed\n{proc.stderr}", file=sys.stderr)
            continue
        result = json.loads(proc.stdout)
        report(result)
        print(f"({time.perf_counter() - started:.0f} s)")
        results.append(result)
    print()
    note = low_accuracy_note(results)
    if note:
        print(note)
    print(verdict(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Aligning the blocks of a translation with the blocks of its source.

Real translations insert, drop, merge and split blocks, so blocks are never paired by
index. A dynamic program in the manner of Gale-Church scores 1-1, 1-2, 2-1, 1-0 and 0-1
links by the agreement of their lengths (against the article's own length ratio) and of
their anchors (numbers and document codes that survive translation), and keeps the
cheapest monotone path.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import pairwise

from unidecode import unidecode

from multipub.lang import LetterScan, letter_class, letter_scan, profile, scripts
from multipub.models import Article, Translation
from multipub.numbers import may_be_converted, number_tokens
from multipub.translit import foreign_name_key, hanviet_pairs, parse_syllable

__all__ = ["BlockPair", "align", "align_blocks", "anchors", "cheapest_alignment", "gap_costs"]

# Costs: a 1-1 link costs twice |log length ratio| (lengths off by a factor 2: 1.39);
# leaving a block unlinked costs 1.2, a merge 2.3 on top of its length cost (a merged
# pair of news paragraphs is rarer than a dropped one). Tuned on FLORES-200 devtest, vi
# against ru/ar/en/zh/fr in groups of 10 sentences, one sentence dropped at random (150
# trials): the drop is found at its place 59% of the time and one block off 25% more;
# intact groups give an unlinked block in 2 of 500. A merge at 2.5 read 85% of two
# sentences merged into one as one dropped (an MP502 false alarm); at 2.3, 69% (1,200
# trials in six languages: 367 merges found against 176, splits 310 against 131; drops
# found 1,200 of 1,200 either way, at their place 1,020 against 1,021; intact groups
# stay one to one). Lower, bench_precision.py's dropped blocks start to read as merges
# (229 of 231 at 2.2, 223 at 2.0).
_LENGTH_WEIGHT = 2.0
_SKIP = 1.2
_MERGE = 2.3
# A merge is for a block split in two; a short stray block (a counter, a credit) beside
# a paragraph is not half of it, and stays unlinked.
_LOPSIDED = 0.25
_LOPSIDED_COST = 1.5
_ANCHOR_BONUS = 1.2
_ANCHOR_CLASH = 0.8
# A merge whose two blocks each bring numbers of their own that the other side's one
# block writes (2030 of the first, 2024 and 5.7 billion of the second) is a merge, not a
# block linked and its neighbour dropped: the numbers of both are there.
_MERGE_EVIDENCE = 1.0

_NO_ANCHORS: frozenset[str] = frozenset()


# Foreign names and acronyms written in Latin letters in any language ("Harper", "FBI",
# "NASA"): Vietnamese text keeps them as they are, and so do Latin-script translations.
# (What may not come before the capital is tested after it: re then skips to a capital.)
_LATIN_NAME = re.compile(r"[A-Z](?<![\w'’/-].)[A-Za-z]+(?![\w'’/-])")


@lru_cache(maxsize=8192)
def anchors(text: str, lang: str | None = None) -> frozenset[str]:
    """Return the numbers, dates and codes of ``text`` (in ``lang``, when known) as MP501
    reads them (values, with scale words: "45 tỷ" and "45.000 millones" are one anchor),
    and its foreign names in Latin letters ("name:harper"; not Vietnamese syllables,
    which every text has)."""
    # Read in the text's language, as MP501 reads it: one reading of each text, not two.
    keys = [token.key for token in number_tokens(text, lang)]
    keys += ["name:" + w.lower() for w in _LATIN_NAME.findall(text) if parse_syllable(w) is None]
    return frozenset(keys) if keys else _NO_ANCHORS


# Cues that survive translation besides anchors, for blocks that have none (most news
# sentences): punctuation marks counted by kind, runs of capitalised words in cased
# scripts, foreign names read across scripts, and Hán-Việt syllable pairs against
# Chinese. Each is weak; together, on FLORES-200 devtest articles with one block dropped
# at every place in turn (5,478 trials, vi against six languages), the gap is found at
# its place 72% of the time against 55% on lengths and anchors alone (Chinese 43% to
# 72%, Russian and Arabic 53% to 69%); the diagonal of intact articles is kept as often.
_MARK_KINDS = tuple(
    re.compile(kind)
    for kind in (r"[,،，、]", r"[“”\"«»「」『』„]", r"[()（）]", r"[:;：；]", r"[0-9٠-٩]")
)
_CAPITALISED_RUN = re.compile(r"(?<!\w)[^\W\d_](?:\w|[-'’])*(?:\s+[^\W\d_](?:\w|[-'’])*)*")
_WORD = re.compile(r"\w+")
_LETTER = re.compile(r"[^\W\d_]")
_MARK_WEIGHT = 0.8
_CAPITALS_WEIGHT = 0.8
_NAME_BONUS = 1.5
_HANVIET_BONUS = 3.0
# A tenth of a Vietnamese sentence's syllable pairs read in the Chinese one is as much
# as they share: the rest are native words or characters read otherwise.
_HANVIET_SHARE = 0.1
# Letter trigrams of the longer words, read without diacritics, that two blocks in Latin
# letters share (names, numbers written out, acronyms, loanwords: "Rossby", "plasma"),
# as a share of the smaller block's: a full share is worth this much.
_TRIGRAM_BONUS = 2.0
_CYRILLIC_LETTER = re.compile(r"[\u0400-\u04ff]")
_FOLD_WORD = re.compile(r"[a-z0-9]{4,}")


@dataclass(frozen=True, slots=True)
class _Cues:
    """A block's cues for alignment besides lengths and anchors."""

    marks: tuple[int, ...]
    capitalised: int  # runs of capitalised words; 0 in scripts without case
    # Consonant keys of foreign names in Latin letters, and of words that may be names in
    # Cyrillic or Arabic letters, each with its one-letter deletions: two keys one letter
    # apart share one of them (the symmetric-deletion test).
    names: tuple[frozenset[str], ...]
    names_read: frozenset[str]
    hanviet: frozenset[str]
    han: bool  # the pairs are read from Chinese characters
    trigrams: frozenset[str]  # of a text mostly in Latin letters; empty otherwise


@cache
def _script_letters() -> tuple[re.Pattern[str], ...]:
    """Return patterns of a Han character, a Cyrillic or Arabic letter, a Latin letter,
    and a letter of a script with case."""
    cased = "|".join(letter_class(name) for name in ("latin", "cyrillic", "greek", "armenian"))
    return (
        re.compile(letter_class("han")),
        re.compile(r"^(?:" + letter_class("cyrillic") + "|" + letter_class("arabic") + ")"),
        re.compile(letter_class("latin")),
        re.compile(cased),
    )


def _near_keys(key: str) -> frozenset[str]:
    """Return ``key`` and, for keys of four letters or more, its one-letter deletions."""
    if len(key) < 4:
        return frozenset((key,))
    return frozenset((key, *(key[:i] + key[i + 1 :] for i in range(len(key)))))


@lru_cache(maxsize=8192)
def _cues(text: str) -> _Cues:
    han_char, read_letter, latin_letter, cased_letter = _script_letters()
    marks = tuple(len(kind.findall(text)) for kind in _MARK_KINDS)
    letters = len(_LETTER.findall(text))
    cased = len(cased_letter.findall(text))
    capitalised = 0
    if letters and 2 * cased >= letters:
        capitalised = sum(1 for m in _CAPITALISED_RUN.finditer(text) if m.group()[0].isupper())
    names: set[str] = set()
    names_read: set[str] = set()
    for word in _WORD.findall(text):
        first = word[0]
        if first.isascii():
            if first.isupper() and parse_syllable(word) is None:
                names.add(foreign_name_key(word))
        elif (first.isupper() or not first.islower()) and read_letter.match(first):
            names_read.add(foreign_name_key(word))
    han = han_char.search(text) is not None
    # Pairs are read from Chinese characters, or from text in Latin letters (Vietnamese
    # among them); other scripts have none to share.
    latin = len(latin_letter.findall(text))
    hanviet = hanviet_pairs(text) if han or 2 * latin > letters else frozenset()
    trigrams: frozenset[str] = frozenset()
    cyrillic = 2 * len(_CYRILLIC_LETTER.findall(text)) > letters
    if 2 * latin > letters or cyrillic:
        folded = unicodedata.normalize("NFKD", text.replace("đ", "d").replace("Đ", "D"))
        folded = "".join(c for c in folded if not unicodedata.combining(c)).lower()
        if cyrillic:
            # Read in Latin letters, a Russian block shares its names and loanwords
            # ("плазма", "plasma") with the blocks of Latin-script translations.
            folded = unidecode(folded).lower()
        trigrams = frozenset(
            word[k : k + 3] for word in _FOLD_WORD.findall(folded) for k in range(len(word) - 2)
        )
    return _Cues(
        marks,
        capitalised,
        tuple(_near_keys(key) for key in sorted(names) if len(key) >= 3),
        frozenset(near for key in names_read if len(key) >= 3 for near in _near_keys(key)),
        hanviet,
        han,
        trigrams,
    )


def _cue_cost(source: _Cues, target: _Cues) -> float:
    """Return what the cues of two blocks add to the cost of linking them: more for
    punctuation and capitalised runs that disagree, less for shared names and Hán-Việt
    words."""
    cost = 0.0
    for a, b in zip(source.marks, target.marks, strict=True):
        if a != b:
            cost += abs(a - b) / (a + b + 1)
    cost *= _MARK_WEIGHT
    a, b = source.capitalised, target.capitalised
    if a and b and a != b:
        cost += _CAPITALS_WEIGHT * abs(a - b) / (a + b + 1)
    if source.names and target.names_read:
        read = target.names_read
        shared = sum(1 for near in source.names if not near.isdisjoint(read))
        if shared:
            cost -= _NAME_BONUS * min(1.0, shared / 2)
    if target.han and not source.han and source.hanviet and target.hanviet:
        shared = len(source.hanviet & target.hanviet)
        cost -= _HANVIET_BONUS * min(1.0, shared / (_HANVIET_SHARE * len(source.hanviet) + 1))
    if source.trigrams and target.trigrams:
        shared = len(source.trigrams & target.trigrams)
        cost -= _TRIGRAM_BONUS * shared / min(len(source.trigrams), len(target.trigrams))
    return cost


@dataclass(frozen=True, slots=True)
class BlockPair:
    """Source blocks linked with target blocks; one side is empty for an unlinked block."""

    source: tuple[int, ...]
    target: tuple[int, ...]
    cost: float


def _anchor_cost(source: frozenset[str], target: frozenset[str]) -> float:
    if not source or not target:
        return 0.0
    return _anchor_cost_of_parts(source, target)


# Bounded small: the pairs of one article's passes repeat, another article's rarely do,
# and a large cache is memory that only grows over an archive.
@lru_cache(maxsize=4096)
def _names_apart(keys: frozenset[str]) -> tuple[frozenset[str], frozenset[str]]:
    """Return a block's anchors as (numbers, dates and codes; names)."""
    names = frozenset(k for k in keys if k.startswith("name:"))
    return keys - names, names


@lru_cache(maxsize=4096)
def _anchor_cost_of_parts(source: frozenset[str], target: frozenset[str]) -> float:
    s_values, s_names = _names_apart(source)
    t_values, t_names = _names_apart(target)
    if not s_names or not t_names:
        # A translation that writes names in its own script shares none: compare the
        # numbers alone.
        source, target = s_values, t_values
        if not source or not target:
            return 0.0
    elif not s_values or not t_values:
        # Names and no numbers on one side: names may agree, they never clash (a
        # translation may drop a name or write it otherwise).
        shared_names = len(s_names & t_names)
        return -_ANCHOR_BONUS * shared_names / len(s_names | t_names) if shared_names else 0.0
    shared = len(source & target)
    if shared:
        return -_ANCHOR_BONUS * shared / len(source | target)
    if _converted_values(source, target):
        return 0.0  # "250 miles" and "402 km": one quantity, no clash
    return _ANCHOR_CLASH


def _converted_values(source: frozenset[str], target: frozenset[str]) -> bool:
    """Return True when every plain value of the smaller side may be a unit conversion
    of one of the other side's."""

    def values(keys: frozenset[str]) -> list[float]:
        return [float(k) for k in keys if ":" not in k]

    mine, theirs = sorted((values(source), values(target)), key=len)
    # A converted quantity comes alone or in twos (a length and a speed); a block of many
    # numbers that share none is no conversion, and comparing all pairs would cost more
    # than the alignment itself.
    if not mine or len(mine) > 2 or len(theirs) > 4:
        return False
    return all(any(may_be_converted(a, b) for b in theirs) for a in mine)


def _merge_cost(first: int, second: int) -> float:
    small, large = (first, second) if first < second else (second, first)
    return _MERGE + (_LOPSIDED_COST if small < _LOPSIDED * large else 0.0)


# Only links within this many blocks of the diagonal are scored: translations drop or add
# a few blocks, not dozens, and the band keeps a 200-block live blog fast. The first pass
# uses the narrow band; only when its path touches the band's edge does a second pass use
# the wide one. Most translations follow the diagonal, so a 20-block article costs about
# half as much; on 3,000 random FLORES-200 trials with dropped, inserted and merged
# blocks the result was the wide band's every time.
_NARROW_BAND = 2
_BAND = 8


@cache
def _weighted_letters() -> tuple[LetterScan, tuple[tuple[LetterScan, int], ...]]:
    """Return the scan of the letters of every script whose letter stands for more than
    one (a Han character for a syllable), and each such script's scan with its weight."""
    weighted = [(name, entry.weight) for name, entry in scripts().items() if entry.weight > 1]
    return letter_scan(*(name for name, _ in weighted)), tuple(
        (letter_scan(name), weight) for name, weight in weighted
    )


@lru_cache(maxsize=8192)
def _length(text: str) -> int:
    """Return the length of ``text`` as alignment counts it: characters, a letter of a
    weighted script as its weight (Chinese against Vietnamese: a character is a syllable,
    and a block's length in characters varies twice as much)."""
    any_weighted, each = _weighted_letters()
    if not any_weighted.search(text):
        return len(text)  # one scan, not two a script: most texts hold no such letter
    return len(text) + sum((weight - 1) * letters.count(text) for letters, weight in each)


@dataclass(frozen=True, slots=True)
class _Side:
    """What the alignment needs of one list of blocks: lengths, their logs, anchors, and
    what merging block k with block k + 1 gives (log length, penalty, anchors)."""

    lengths: tuple[int, ...]
    logs: tuple[float, ...]
    anchors: tuple[frozenset[str], ...]
    merged: tuple[tuple[float, float, frozenset[str]], ...]
    # For each merge, the numbers, dates and codes of each of the two blocks that the
    # other lacks (names left out: a currency, a country recur).
    own_parts: tuple[tuple[frozenset[str], frozenset[str]], ...] = ()


@lru_cache(maxsize=64)
def _side(texts: tuple[str, ...], lang: str | None = None) -> _Side:
    """Return the features of ``texts`` (in ``lang``, when known), remembered: a source is
    aligned with each of its translations in turn."""
    lengths = tuple(_length(t) for t in texts)
    found = tuple(anchors(t, lang) for t in texts)
    # A name in most blocks (the article's subject) says nothing about which is which.
    names = Counter(key for keys in found for key in keys if key.startswith("name:"))
    common = {key for key, count in names.items() if count >= 2 and 2 * count > len(texts)}
    if common:
        found = tuple(keys - common for keys in found)
    merged = tuple(
        (math.log(first + second + 10), _merge_cost(first, second), found[k] | found[k + 1])
        for k, (first, second) in enumerate(pairwise(lengths))
    )
    values = [frozenset(k for k in keys if not k.startswith("name:")) for keys in found]
    own_parts = tuple((first - second, second - first) for first, second in pairwise(values))
    return _Side(lengths, tuple(math.log(n + 10) for n in lengths), found, merged, own_parts)


# With as many blocks on both sides, the diagonal stands unless one of its links costs
# more than this (lengths off by a factor of about 4, or numbers that clash), or the
# cheapest path is cheaper by more than its unlinked blocks cost: a drop and an insertion
# are no better explained than a short translation of a long block.
_PLAUSIBLE_LINK = 2.8


# The languages' expected length ratio (their profiles' ``length``) weighs as much as
# this many blocks of the article's own: a short article's ratio is mostly noise, and a
# dropped block skews it. On FLORES-200 devtest articles with block 1 dropped (six target
# languages), the gap is found at its place 0.80 of the time against 0.68 without, on
# the odd documents (the ratios were measured on the even ones).
_PRIOR_BLOCKS = 20


def _expected_ratio(source_lang: str | None, target_lang: str | None) -> float | None:
    """Return the log length ratio of a translation from ``source_lang`` into
    ``target_lang`` that their profiles expect, None when one has none."""
    if source_lang is None or target_lang is None:
        return None
    source, target = profile(source_lang), profile(target_lang)
    if source is None or target is None or source.length is None or target.length is None:
        return None
    return math.log(target.length / source.length)


def align_blocks(
    source: list[str],
    target: list[str],
    source_lang: str | None = None,
    target_lang: str | None = None,
    pivots: Sequence[Sequence[str]] = (),
) -> list[BlockPair]:
    """Return the alignment of two lists of block texts, in order: the one-to-one diagonal
    when both have as many blocks and it is plausible, else the cheapest monotone path.
    With both languages, the length ratio their profiles expect weighs in.
    ``pivots`` are the article's other translations: where one block of the source went
    missing, those of them that keep the source's blocks one to one help place the gap
    (see :func:`_place_one_gap`)."""
    langs = (source_lang, target_lang)
    pairs = cheapest_alignment(source, target, langs=langs)
    unlinked = _unlinked(pairs)
    if not unlinked:
        return pairs
    if len(source) == len(target):
        diagonal = _diagonal(_side(tuple(source), source_lang), _side(tuple(target), target_lang))
        # The cheapest path's unlinked blocks are what it claims was dropped and added;
        # the diagonal wins unless it costs more than those claims are worth.
        best = sum(p.cost for p in pairs) + unlinked * _SKIP
        if diagonal is not None and sum(p.cost for p in diagonal) <= best:
            return diagonal
    if len(source) != len(target):
        # A dropped block made the translation look shorter than it is: once more, with
        # the ratio of the blocks that are linked.
        ratio = _linked_ratio(source, target, pairs)
        expected = _expected_ratio(source_lang, target_lang)
        if ratio is not None and expected is not None:
            share = _PRIOR_BLOCKS / (_PRIOR_BLOCKS + min(len(source), len(target)))
            ratio = share * expected + (1 - share) * ratio
        if ratio is not None:
            pairs = cheapest_alignment(source, target, ratio, langs=langs)
            unlinked = _unlinked(pairs)
    else:
        ratio = None
    # There is a gap: the cues place it (they cost more than lengths and anchors, and
    # only the place of a gap needs them). They move gaps, never add or remove one: the
    # words two Latin-script blocks share would link blocks that lengths and numbers
    # leave apart.
    placed = cheapest_alignment(source, target, ratio, cues=True, langs=langs)
    found = placed if _unlinked(placed) == unlinked else pairs
    return _place_one_gap(found, source, target, pivots, langs) if pivots else found


def _one_gap(pairs: list[BlockPair]) -> int | None:
    """Return the source block left unlinked when ``pairs`` are one-to-one links but
    for that one block, None for any other shape."""
    gaps = [p.source[0] for p in pairs if len(p.source) == 1 and not p.target]
    if len(gaps) != 1 or any(len(p.source) != 1 or len(p.target) != 1 for p in pairs if p.target):
        return None
    return gaps[0]


def _gap_costs(
    source: Sequence[str],
    target: Sequence[str],
    candidates: Sequence[int],
    *,
    cues: bool = True,
    langs: tuple[str | None, str | None] = (None, None),
) -> list[float]:
    """Return, for each block g of ``candidates``, the cost of the alignment that links
    the other blocks of ``source`` one to one with ``target`` (one block shorter) and
    leaves g unlinked (the unlinked block's own cost, the same for every g, left out)."""
    return [
        sum(
            (
                pair.cost
                for pair in _with_gap(source, target, gap, cues=cues, langs=langs)
                if pair.target
            ),
            0.0,
        )
        for gap in candidates
    ]


# A gap is moved by at most this many blocks: lengths and anchors put it near its place
# (the misses on FLORES-200 were one block off), and each candidate costs a pass over
# the article, which a live blog of thousands of blocks must not pay thousands of times.
_GAP_WINDOW = 3


def _place_one_gap(
    pairs: list[BlockPair],
    source: list[str],
    target: list[str],
    pivots: Sequence[Sequence[str]],
    langs: tuple[str | None, str | None] = (None, None),
) -> list[BlockPair]:
    """Return ``pairs`` with their one gap (a source block the translation dropped) where
    the source and the article's other translations say together it is.

    A translation that keeps the source's blocks one to one (as many blocks, a plausible
    diagonal) holds the dropped block's translation at the same place: the block that
    went missing is the one whose absence fits both the source and those translations
    best (the sum of the costs of each way). Translations share far more with each other
    than with Vietnamese: names and loanwords spelled alike, cognates ("temperature",
    "température", "temperatura"). Other shapes of alignment are returned as they are.
    """
    gap = _one_gap(pairs)
    # Witnesses speak through what translations share: names, loanwords, cognates. A
    # Chinese text shares none of them with alphabetic ones; its Hán-Việt readings of the
    # source say more, and five witnesses would outvote them (on FLORES-200 articles with
    # each block dropped in turn, leaving Chinese out on both sides places 39 more gaps).
    if gap is None or len(target) != len(source) - 1 or _mostly_han(target):
        return pairs
    # (The other translations' languages are not known here: their numbers are read
    # without one.)
    source_side = _side(tuple(source), langs[0])
    usable = [
        list(pivot)
        for pivot in pivots
        if len(pivot) == len(source)
        and not _mostly_han(pivot)
        and _diagonal(source_side, _side(tuple(pivot))) is not None
    ]
    if not usable:
        return pairs
    candidates = range(max(0, gap - _GAP_WINDOW), min(len(source), gap + _GAP_WINDOW + 1))
    total = _gap_costs(source, target, candidates, langs=langs)
    for pivot in usable:
        for k, cost in enumerate(_gap_costs(pivot, target, candidates, langs=(None, langs[1]))):
            total[k] += cost
    best = min(zip(candidates, total, strict=True), key=lambda c: (c[1], c[0] != gap, c[0]))[0]
    if best == gap:
        return pairs
    return _with_gap(source, target, best, langs=langs)


def _mostly_han(texts: Sequence[str]) -> bool:
    """Return whether most of ``texts`` are written in Chinese characters."""
    cues = _side_cues(tuple(texts))
    return 2 * sum(cue.han for cue in cues) > len(cues)


def gap_costs(source: Sequence[str], target: Sequence[str]) -> list[float]:
    """Return, for each block of ``source``, what lengths and anchors alone say against
    its being the one block that ``target`` (one block shorter) dropped: the cost of
    linking the other blocks one to one, lengths at the ratio of the linked blocks,
    numbers and Latin-letter names compared (a shared one lowers the cost, so a cost may
    be negative); no cues, no other translations, and the dropped block's own cost (the
    same for every block) left out. The lowest is where lengths and anchors put the gap:
    ``bench/bench_precision.py`` uses it to tell a gap those arguments place from one
    that only the weaker cues can. Every block is tried, a pass over the article each:
    quadratic in the number of blocks (a 1,000-block article takes about a second).

    Raises ValueError unless ``target`` is exactly one block shorter than ``source``.
    """
    if len(target) != len(source) - 1:
        raise ValueError(
            f"gap_costs needs a target one block shorter than its source "
            f"({len(source)} and {len(target)} blocks)"
        )
    return _gap_costs(source, target, range(len(source)), cues=False)


def _with_gap(
    source: Sequence[str],
    target: Sequence[str],
    gap: int,
    *,
    cues: bool = True,
    langs: tuple[str | None, str | None] = (None, None),
) -> list[BlockPair]:
    """Return the one-to-one links of ``source`` and ``target`` (one block shorter) with
    source block ``gap`` unlinked, each link with its cost: lengths (at the ratio of the
    links' own blocks), anchors and (with ``cues``) cues."""
    s_side, t_side = _side(tuple(source), langs[0]), _side(tuple(target), langs[1])
    s_cues = _side_cues(tuple(source)) if cues else ()
    t_cues = _side_cues(tuple(target)) if cues else ()
    ratio = math.log(
        (sum(t_side.lengths) or 1) / ((sum(s_side.lengths) - s_side.lengths[gap]) or 1)
    )
    pairs = []
    for k in range(len(source)):
        if k == gap:
            pairs.append(BlockPair((k,), (), _SKIP))
            continue
        j = k if k < gap else k - 1
        cost = _LENGTH_WEIGHT * abs(t_side.logs[j] - s_side.logs[k] - ratio)
        if cues:
            cost += _cue_cost(s_cues[k], t_cues[j])
        if s_side.anchors[k] and t_side.anchors[j]:
            cost += _anchor_cost(s_side.anchors[k], t_side.anchors[j])
        pairs.append(BlockPair((k,), (j,), cost))
    return pairs


def _unlinked(pairs: list[BlockPair]) -> int:
    return sum(1 for p in pairs if not p.source or not p.target)


def cheapest_alignment(
    source: list[str],
    target: list[str],
    log_ratio: float | None = None,
    *,
    cues: bool = False,
    langs: tuple[str | None, str | None] = (None, None),
) -> list[BlockPair]:
    """Return the cheapest monotone alignment of two lists of block texts, in order; the
    translation's length against the source's is ``log_ratio`` (default: the whole
    article's). With ``cues``, punctuation, capitalised runs, names across scripts and
    Hán-Việt words weigh in too. ``langs`` are the two texts' languages, when known: each
    side's numbers are read in its own."""
    n, m = len(source), len(target)
    slope = m / n if n else 0.0
    narrow = _NARROW_BAND + abs(n - m)
    sides = _side(tuple(source), langs[0]), _side(tuple(target), langs[1])
    both_cues = (_side_cues(tuple(source)), _side_cues(tuple(target))) if cues else None
    pairs = _align_in_band(*sides, narrow, log_ratio, both_cues)
    i = j = 0
    for pair in pairs:
        i += len(pair.source)
        j += len(pair.target)
        if abs(j - int(i * slope)) >= narrow:
            return _align_in_band(*sides, _BAND + abs(n - m), log_ratio, both_cues)
    return pairs


@lru_cache(maxsize=64)
def _side_cues(texts: tuple[str, ...]) -> tuple[_Cues, ...]:
    return tuple(_cues(text) for text in texts)


def _linked_ratio(source: list[str], target: list[str], pairs: list[BlockPair]) -> float | None:
    """Return the log length ratio to align with once more, from the blocks ``pairs``
    links one to one (None without any): the whole article's counts a dropped or added
    block's length too."""
    linked = [(p.source[0], p.target[0]) for p in pairs if len(p.source) == len(p.target) == 1]
    if not linked:
        return None
    s_total = sum(_length(source[i]) for i, _ in linked) or 1
    t_total = sum(_length(target[j]) for _, j in linked) or 1
    whole = math.log((sum(map(_length, target)) or 1) / (sum(map(_length, source)) or 1))
    # Halfway between the linked blocks' ratio and the whole article's: on the FLORES
    # articles of bench_precision.py with one block dropped, the gap is found at its place
    # in 117 of 231 against 106 with the whole article's ratio alone (the linked ratio
    # alone finds 127, but moves a gap that lengths leave open to the article's end).
    return (math.log(t_total / s_total) + whole) / 2


def _diagonal(source: _Side, target: _Side) -> list[BlockPair] | None:
    """Return the one-to-one pairs of two sides of equal length, or None when a link of
    them is not plausible (:data:`_PLAUSIBLE_LINK`)."""
    log_ratio = math.log((sum(target.lengths) or 1) / (sum(source.lengths) or 1))
    pairs = []
    for k, (s_log, t_log) in enumerate(zip(source.logs, target.logs, strict=True)):
        cost = _LENGTH_WEIGHT * abs(t_log - s_log - log_ratio)
        if source.anchors[k] and target.anchors[k]:
            cost += _anchor_cost(source.anchors[k], target.anchors[k])
        if cost > _PLAUSIBLE_LINK:
            return None
        pairs.append(BlockPair((k,), (k,), cost))
    return pairs


def _align_in_band(
    source: _Side,
    target: _Side,
    band: int,
    log_ratio: float | None = None,
    cues: tuple[tuple[_Cues, ...], tuple[_Cues, ...]] | None = None,
) -> list[BlockPair]:
    """Return the cheapest monotone alignment whose cells lie within ``band`` blocks of
    the diagonal. Only the band is stored (memory linear in the number of blocks: a
    20,000-block live blog no longer takes a 400-million-cell table)."""
    n, m = len(source.lengths), len(target.lengths)
    if log_ratio is None:
        log_ratio = math.log((sum(target.lengths) or 1) / (sum(source.lengths) or 1))
    # Lengths as logs once: the link cost is a difference of logs.
    s_log, t_log = source.logs, target.logs
    s_anchors, t_anchors = source.anchors, target.anchors
    s_cues, t_cues = cues if cues is not None else ((), ())
    s_cues_i: _Cues | None = None
    s_merged, t_merged = source.merged, target.merged
    s_parts, t_parts = source.own_parts, target.own_parts
    inf = math.inf
    slope = m / n if n else 0.0
    # Row i holds columns lo[i]..hi[i]; cell (i, j) is at start[i] + j in one flat list per
    # table (a list of lists costs twice to index). A cell outside its row's band is never
    # expanded, so a move that lands there is dropped. Two rows more than the last, empty,
    # keep the moves of the last rows free of tests.
    lo = [max(0, int(i * slope) - band) for i in range(n + 1)] + [m + 1, m + 1]
    hi = [min(m, int(i * slope) + band) for i in range(n + 1)] + [m, m]
    start: list[int] = []
    size = 0
    for i in range(n + 3):
        start.append(size - lo[i])
        size += max(0, hi[i] - lo[i] + 1)
    best = [inf] * size
    back = [0] * size  # a move: the source and target blocks it takes, 2 bits each
    best[start[0]] = 0.0
    weight, skip = _LENGTH_WEIGHT, _SKIP
    for i in range(n + 1):
        row, below, below2 = start[i], start[i + 1], start[i + 2]
        lo1, hi1, lo2, hi2 = lo[i + 1], hi[i + 1], lo[i + 2], hi[i + 2]
        hi0 = hi[i]
        has_next = i < n
        if has_next:
            s_log_i, s_anchors_i = s_log[i], s_anchors[i]
            s_cues_i = s_cues[i] if cues is not None else None
            s_merge = s_merged[i] if i + 1 < n else None
        for j in range(lo[i], hi0 + 1):
            here = best[row + j]
            if here == inf:
                continue
            # The three common moves inline (a call per cell and move was half the time).
            cost = here + skip
            if has_next and lo1 <= j <= hi1 and cost < best[below + j]:
                best[below + j] = cost
                back[below + j] = 4  # (1, 0)
            if j < hi0 and cost < best[row + j + 1]:
                best[row + j + 1] = cost
                back[row + j + 1] = 1  # (0, 1)
            if not has_next or j >= m:
                continue
            t_anchors_j = t_anchors[j]
            link = here + weight * abs(t_log[j] - s_log_i - log_ratio)
            if s_cues_i is not None:
                link += _cue_cost(s_cues_i, t_cues[j])
            if s_anchors_i and t_anchors_j:
                link += _anchor_cost(s_anchors_i, t_anchors_j)
            if lo1 <= j + 1 <= hi1 and link < best[below + j + 1]:
                best[below + j + 1] = link
                back[below + j + 1] = 5  # (1, 1)
            if s_merge is not None and lo2 <= j + 1 <= hi2:
                merged_log, penalty, merged_anchors = s_merge
                cost = here + penalty + weight * abs(t_log[j] - merged_log - log_ratio)
                if merged_anchors and t_anchors_j:
                    cost += _anchor_cost(merged_anchors, t_anchors_j)
                    first, second = s_parts[i]
                    if not (first.isdisjoint(t_anchors_j) or second.isdisjoint(t_anchors_j)):
                        cost -= _MERGE_EVIDENCE
                cell = below2 + j + 1
                if cost < best[cell]:
                    best[cell] = cost
                    back[cell] = 9  # (2, 1)
            if j + 1 < m and lo1 <= j + 2 <= hi1:
                merged_log, penalty, merged_anchors = t_merged[j]
                cost = here + penalty + weight * abs(merged_log - s_log_i - log_ratio)
                if s_anchors_i and merged_anchors:
                    cost += _anchor_cost(s_anchors_i, merged_anchors)
                    first, second = t_parts[j]
                    if not (first.isdisjoint(s_anchors_i) or second.isdisjoint(s_anchors_i)):
                        cost -= _MERGE_EVIDENCE
                cell = below + j + 2
                if cost < best[cell]:
                    best[cell] = cost
                    back[cell] = 6  # (1, 2)
    pairs: list[BlockPair] = []
    i, j = n, m
    while i or j:
        move = back[start[i] + j]
        di, dj = move >> 2, move & 3
        cost = best[start[i] + j] - best[start[i - di] + j - dj]
        pairs.append(BlockPair(tuple(range(i - di, i)), tuple(range(j - dj, j)), cost))
        i, j = i - di, j - dj
    pairs.reverse()
    return pairs


def _texts(variant: Translation) -> list[str]:
    return [block.text for block in variant.blocks]


def align(article: Article, lang: str) -> list[BlockPair]:
    """Return the alignment of variant ``lang``'s blocks with the source's blocks.

    Raises KeyError when the article has no source variant or no variant ``lang``.
    """
    source = article.source
    if source is None:
        raise KeyError(f"article {article.id!r} has no source variant")
    pivots = [
        _texts(variant)
        for other, variant in sorted(article.variants.items())
        if other not in (lang, article.source_lang)
    ]
    return align_blocks(
        _texts(source), _texts(article.variants[lang]), article.source_lang, lang, pivots
    )

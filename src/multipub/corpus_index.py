"""MP304's index: blocks of one article that repeat a block of another article, found among
an archive of articles (an SQLite file, :class:`CorpusIndex`) or among the articles of one
run (:func:`find_corpus_duplicates`).

How two blocks are compared
---------------------------
Each block is cut into shingles, the way its language is written (the profile says how,
no language tag is named here):

* a language that separates words (Vietnamese, English, Russian, Arabic...): 3-grams of
  its words after :func:`multipub.text.fold` (NFC, case folding, Arabic letter
  folding: teh marbuta, alef maqsura and hamza forms, tatweel and harakat removed) with
  every character that is no letter, mark or digit made a space. A Vietnamese "word"
  between spaces is a syllable, so Vietnamese gets syllable 3-grams from the same rule;
* a language that does not (Chinese, Japanese, Thai): 4-grams of its letters (and marks:
  Thai vowel signs), everything else dropped.

A block of fewer than 8 words (20 letters without spaces) is not indexed: too short to
say it was copied. Two blocks are alike by the Jaccard similarity of their shingle sets,
estimated by MinHash: 128 hash functions ``(a * x + b) mod 2**32`` (``a`` odd, ``a`` and
``b`` derived from blake2b) over 32-bit shingle hashes, the minimum of each is the
signature (128 uint32), and the share of equal minima estimates the Jaccard (its error
measured as the binomial one, sqrt(J(1 - J)/128), 0.04 at J = 0.3). The shingle hashes
come from a polynomial hash of the characters of each word and a mix of each n-gram's
words, computed with numpy over a whole batch of texts at once: the same in every process
whatever ``PYTHONHASHSEED`` (Python's ``hash()`` is not used) and on any byte order.

Candidates come from LSH banding of the signatures (:data:`BANDS` bands of :data:`ROWS`
rows; the language is part of each band's key, so two languages never meet) and a pair
is reported when the estimated Jaccard, from the full signatures, reaches
:data:`THRESHOLD`. The numbers were tuned with ``bench/bench_index.py`` on FLORES-200
paragraphs (see there and the constants' comments).

What is not reported
--------------------
* a block's own article (the same ``Article.id``), in any of its variants;
* another language (a language is its primary subtag and its script: "zh-Hans" and
  "zh-Hant" are one, "sr" and "sr-Latn" two);
* boilerplate, two ways: texts allow-listed per language (sign-offs, standard captions:
  :meth:`CorpusIndex.allow`, ``allowed=`` of :func:`find_corpus_duplicates`), which a
  block matches by the same threshold; and a block whose near-duplicates are in more than
  ``boilerplate_articles`` other articles (default 10): a template, not a paste.

Only the lead and the body blocks are compared (titles are short and bylines recur).
"""

from __future__ import annotations

import hashlib
import itertools
import sqlite3
import sys
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import TracebackType
from typing import Final, NamedTuple

import numpy as np
import numpy.typing as npt

from multipub.lang import primary_subtag, profile, script, scripts_of
from multipub.models import Article, TextField
from multipub.text import fold

__all__ = [
    "BANDS",
    "BOILERPLATE_ARTICLES",
    "NUM_PERM",
    "ROWS",
    "THRESHOLD",
    "BlockRef",
    "CorpusIndex",
    "IndexMismatch",
    "Match",
    "Signatures",
    "estimated_jaccard",
    "find_corpus_duplicates",
    "shingles",
    "signatures",
]

U64 = npt.NDArray[np.uint64]
U32 = npt.NDArray[np.uint32]
I64 = npt.NDArray[np.int64]

# --------------------------------------------------------------------------------------
# Parameters (bench/bench_index.py measured them; changing one invalidates an index file)

NUM_PERM: Final = 128
# 32 bands of 2 rows (64 of the 128 minima; all 128 count in the estimate). Word 3-grams
# are strict: a copy with 10-15% of its words replaced and a clause moved keeps a Jaccard
# of only 0.3-0.6 (median 0.47 on FLORES paragraphs), so candidates must be found down to
# 0.3: P(candidate) = 1 - (1 - J**2)**32 is 0.95 at 0.3, 0.985 at 0.35, 0.9999 at 0.5.
# Measured on 100,000 FLORES paragraphs with 1,000 planted rewordings (bench_index.py), at
# a threshold of 0.30: 42 x 3 found 95.0% of them (P(candidate) 0.80 at J = 0.33), 32 x 4
# 72%, 32 x 2 97.6%, 40 x 2 and 48 x 2 97.9% for 25-50% more candidates and band rows.
BANDS: Final = 32
ROWS: Final = 2
# Estimated Jaccard at which two blocks are reported (43 of 128 minima equal). Measured on
# 100,000 FLORES paragraphs (1,000 planted rewordings, exact Jaccard p5 0.39, median 0.47):
#   threshold        0.28   0.30   0.32   0.33   0.35
#   reworded found  0.997  0.991  0.989  0.979  0.960
#   unplanted pairs    14      4      1      0      0   (exact Jaccard 0.19-0.27)
# On 1,000,000 paragraphs, 0.30 reported 3 unplanted pairs per 10,000 paragraphs, nearly
# all estimated at 0.30-0.33: pairs sharing a quarter of their text (four sentence thirds,
# the benchmark's text being recombined), which 0.33 leaves out.
THRESHOLD: Final = 0.33
# A block whose near-duplicates are in more than this many other articles is boilerplate.
BOILERPLATE_ARTICLES: Final = 10

WORD_SHINGLE: Final = 3
CHAR_SHINGLE: Final = 4
MIN_WORDS: Final = 8
MIN_CHARS: Final = 20
# Indexed fields: the lead and the body (a title is short, a byline recurs by design).
_FIELDS: Final = ("lead", "blocks")
# Bumped whenever shingles, hashes or band keys change: an index of another version is
# refused, not silently mixed.
_SCHEME: Final = (
    f"mp304-v2 perm={NUM_PERM} bands={BANDS}x{ROWS} shingles=w{WORD_SHINGLE}c{CHAR_SHINGLE}"
)

# --------------------------------------------------------------------------------------
# Stable 64-bit hashing with numpy


def _seed(label: str) -> int:
    """Return a stable 64-bit integer derived from ``label`` (blake2b, not ``hash()``)."""
    return int.from_bytes(hashlib.blake2b(label.encode(), digest_size=8).digest(), "little")


_C1 = np.uint64(0xBF58476D1CE4E5B9)
_C2 = np.uint64(0x94D049BB133111EB)
_GOLDEN = np.uint64(0x9E3779B97F4A7C15)
_S30, _S27, _S31 = np.uint64(30), np.uint64(27), np.uint64(31)


def _mix(z: U64) -> U64:
    """Return splitmix64's finalizer of each value: a bijection of uint64 whose output
    bits each depend on all input bits (numpy wraps uint64 products modulo 2**64)."""
    z = z ^ (z >> _S30)  # a new array: the caller's is left alone, the rest is in place
    z *= _C1
    z ^= z >> _S27
    z *= _C2
    z ^= z >> _S31
    return z


# The polynomial hash of a word: the sum of (code point + 1) * M**i over its characters,
# i counted from the word's first character.
_POLY = np.uint64(_seed("multipub.corpus_index/poly") | 1)


class _Powers:
    """M**i modulo 2**64 for i below the longest word seen, grown on demand and kept."""

    up: U64 = np.ones(1, dtype=np.uint64)

    @classmethod
    def upto(cls, n: int) -> U64:
        """Return the powers, at least ``n`` of them."""
        if len(cls.up) < n:
            powers = np.full(max(n, 2 * len(cls.up)), _POLY, dtype=np.uint64)
            powers[0] = 1
            cls.up = np.cumprod(powers, dtype=np.uint64)  # wraps modulo 2**64
        return cls.up


def _permutations() -> tuple[U32, U32]:
    """Return the (a, b) of the NUM_PERM hash functions, a odd: derived from blake2b of a
    label, so that no numpy random stream (which may change between versions) decides
    them."""
    a = [_seed(f"multipub.corpus_index/perm/{i}/a") & 0xFFFFFFFF | 1 for i in range(NUM_PERM)]
    b = [_seed(f"multipub.corpus_index/perm/{i}/b") & 0xFFFFFFFF for i in range(NUM_PERM)]
    return np.array(a, np.uint32), np.array(b, np.uint32)


_PERM_A, _PERM_B = _permutations()

# --------------------------------------------------------------------------------------
# Shingles


@dataclass(frozen=True, slots=True)
class _Shingling:
    """How a language's text is cut: words or letters, n-gram size, least tokens."""

    words: bool
    size: int
    min_tokens: int


@cache
def _shingling(lang: str) -> _Shingling:
    """Return how text tagged ``lang`` is shingled: word 3-grams when its language
    separates words (the profile's ``spaces``, else its script's), letter 4-grams when not.
    An unknown language is taken as separating words."""
    found = profile(lang)
    written = scripts_of(lang)
    if found is not None and found.spaces is not None:
        spaced = found.spaces
    elif written:
        spaced = script(written[0]).spaces
    else:
        spaced = True
    if spaced:
        return _Shingling(words=True, size=WORD_SHINGLE, min_tokens=MIN_WORDS)
    return _Shingling(words=False, size=CHAR_SHINGLE, min_tokens=MIN_CHARS)


@cache
def _lang_key(lang: str) -> str:
    """Return what two tags share when they are one language: the primary subtag and the
    script ("zh-Hans" and "zh-Hant" -> "zh-han"; "sr-Latn" -> "sr-latin")."""
    written = scripts_of(lang)
    return f"{primary_subtag(lang)}-{written[0] if written else ''}"


# Characters classified by a table indexed by code point: planes 0-3 hold every script;
# anything above (private use, tags) is no letter.
_TABLE_SIZE: Final = min(sys.maxunicode, 0x3FFFF) + 1
_OTHER, _LETTER, _NUMBER = 0, 1, 2


@cache
def _classes() -> npt.NDArray[np.uint8]:
    """Return each code point's class: letter or mark (Hebrew points, Thai and Devanagari
    vowel signs belong to their word), number, or other; one extra entry (other) for the
    code points past the table. Built once, lazily (~0.1 s): a regex class of all
    punctuation and symbols scans 15 times slower than this table."""
    category = unicodedata.category
    table = np.zeros(_TABLE_SIZE + 1, dtype=np.uint8)
    for code in range(_TABLE_SIZE):
        kind = category(chr(code))[0]
        if kind in "LM":
            table[code] = _LETTER
        elif kind == "N":
            table[code] = _NUMBER
    return table


class _Tokens(NamedTuple):
    """Token hashes of a batch of texts, in order, and the text each token belongs to."""

    hashes: U64
    text: npt.NDArray[np.intp]


def _tokens(texts: Sequence[str], words: bool) -> _Tokens:
    """Return the token hashes of ``texts``: words (folded, split at every character that
    is no letter, mark or number) or letters and marks (everything else dropped)."""
    # NUL separates the texts below: a NUL of their own becomes a space. Folded one by
    # one: NFC is checked per text then (fold_many's one check of the joined string
    # takes the slow path for all of it when one text holds a combining mark).
    joined = "\x00".join(fold(t.replace("\x00", " ") if "\x00" in t else t) for t in texts)
    codes = np.frombuffer(joined.encode("utf-32-le"), dtype="<u4").astype(np.uint64)
    if len(codes) == 0:
        return _Tokens(np.zeros(0, np.uint64), np.zeros(0, np.intp))
    # Text k runs from the k-th NUL (exclusive): a token's text is how many NULs precede it.
    separators = np.flatnonzero(codes == 0)
    kind = _classes()[np.minimum(codes, _TABLE_SIZE)]  # NUL is of kind other
    if not words:
        letters = np.flatnonzero(kind == _LETTER)
        text_of = np.searchsorted(separators, letters)
        return _Tokens(_mix(codes[letters] + _GOLDEN), text_of)
    inside = kind != _OTHER
    edge = np.diff(inside.view(np.int8), prepend=np.int8(0))
    starts = np.flatnonzero(edge == 1)
    if len(starts) == 0:
        return _Tokens(np.zeros(0, np.uint64), np.zeros(0, np.intp))
    # Each character weighs (code + 1) * M**(its place in its word), nothing outside
    # words; the sum from one word's start to the next one's is the word's hash.
    # A character's place: its position less its word's start (from one start to the
    # next, separators included; their weight is zero).
    places = np.arange(len(codes))
    places[starts[0] :] -= np.repeat(starts, np.diff(starts, append=len(codes)))
    weights = (codes + np.uint64(1)) * _Powers.upto(int(places.max()) + 1)[places]
    weights *= inside
    return _Tokens(_mix(np.add.reduceat(weights, starts)), np.searchsorted(separators, starts))


# Odd multipliers of the tokens of an n-gram, one per place: the n-gram's hash is the
# mix of their weighted sum (tokens are already mixed, so a sum cannot cancel out).
_PLACES = np.array(
    [_seed(f"multipub.corpus_index/place/{k}") | 1 for k in range(max(WORD_SHINGLE, CHAR_SHINGLE))],
    dtype=np.uint64,
)


def _ngrams(tokens: _Tokens, size: int) -> _Tokens:
    """Return the hashes of every ``size`` consecutive tokens of one text."""
    count = len(tokens.hashes) - size + 1
    if count <= 0:
        return _Tokens(np.zeros(0, np.uint64), np.zeros(0, np.intp))
    total = tokens.hashes[:count] * _PLACES[0]
    for k in range(1, size):
        total += tokens.hashes[k : k + count] * _PLACES[k]
    same_text = tokens.text[:count] == tokens.text[size - 1 :]
    return _Tokens(_mix(total[same_text]), tokens.text[:count][same_text])


def shingles(text: str, lang: str) -> frozenset[int]:
    """Return the hashed shingles of ``text`` as written in language ``lang`` (empty when it
    is too short to index): for exact Jaccard similarities in tests and benchmarks."""
    how = _shingling(lang)
    tokens = _tokens([text], how.words)
    if len(tokens.hashes) < how.min_tokens:
        return frozenset()
    return frozenset(_ngrams(tokens, how.size).hashes.tolist())


# --------------------------------------------------------------------------------------
# Signatures


@dataclass(frozen=True, slots=True)
class Signatures:
    """MinHash signatures of a batch of texts of one language.

    ``values[i]`` is text i's signature (NUM_PERM uint32), all zeros when ``signed[i]``
    is False (the text is too short); ``text_hashes[i]`` a 63-bit hash of its normalized
    words (letters), equal for texts that differ only by case, punctuation or Unicode form.
    """

    values: U32
    signed: npt.NDArray[np.bool_]
    text_hashes: I64


# Shingles hashed per numpy pass: 4,096 x 128 uint32 (2 MB) stays in cache; larger chunks
# measured slower, smaller ones pay numpy's per-call overhead.
_CHUNK = 4096
# Texts folded and tokenized per pass: bounds the joined string and its arrays.
_TEXTS_PER_PASS = 4096


def signatures(texts: Sequence[str], lang: str) -> Signatures:
    """Return the MinHash signatures of ``texts``, all in language ``lang``."""
    values = np.zeros((len(texts), NUM_PERM), dtype=np.uint32)
    signed = np.zeros(len(texts), dtype=np.bool_)
    text_hashes = np.zeros(len(texts), dtype=np.int64)
    for first in range(0, len(texts), _TEXTS_PER_PASS):
        part = texts[first : first + _TEXTS_PER_PASS]
        end = first + len(part)
        _sign_part(part, lang, values[first:end], signed[first:end], text_hashes[first:end])
    return Signatures(values, signed, text_hashes)


def _sign_part(
    texts: Sequence[str], lang: str, values: U32, signed: npt.NDArray[np.bool_], hashes: I64
) -> None:
    """Fill ``values``, ``signed`` and ``hashes`` (views of the caller's arrays) for
    ``texts``."""
    how = _shingling(lang)
    tokens = _tokens(texts, how.words)
    n = len(texts)
    counts = np.bincount(tokens.text, minlength=n)
    has_tokens = np.flatnonzero(counts)
    if len(has_tokens):
        # Text hash: each token mixed with its position in its text, summed per text.
        firsts = np.concatenate(([0], np.cumsum(counts)[:-1]))
        position = np.arange(len(tokens.hashes)) - firsts[tokens.text]
        mixed = _mix(tokens.hashes ^ (position.astype(np.uint64) * _GOLDEN))
        per_text = np.add.reduceat(mixed, firsts[has_tokens])
        hashes[has_tokens] = (per_text >> np.uint64(1)).astype(np.int64)

    grams = _ngrams(tokens, how.size)
    eligible = counts >= how.min_tokens
    keep = eligible[grams.text]
    # 32-bit shingle hashes (the high half): 32-bit products halve the memory traffic of
    # the NUM_PERM x shingles pass, and two paragraphs' ~100 shingles meet by chance with
    # a probability of 1e-6.
    x = (grams.hashes[keep] >> np.uint64(32)).astype(np.uint32)
    owner = grams.text[keep]
    if len(x) == 0:
        return
    texts_signed = np.flatnonzero(eligible)
    per = np.bincount(owner, minlength=n)[texts_signed]
    offsets = np.concatenate(([0], np.cumsum(per)[:-1]))
    minima = np.empty((NUM_PERM, len(texts_signed)), dtype=np.uint32)
    buffer = np.empty((NUM_PERM, _CHUNK), dtype=np.uint32)
    a, b = _PERM_A[:, None], _PERM_B[:, None]
    # Whole texts per chunk, so that each text's minimum is one reduceat.
    cuts = np.searchsorted(offsets, np.arange(0, len(x), _CHUNK), side="right") - 1
    bounds = [*np.unique(cuts).tolist(), len(texts_signed)]
    for lo, hi in itertools.pairwise(bounds):
        s0 = int(offsets[lo])
        s1 = int(offsets[hi]) if hi < len(offsets) else len(x)
        width = s1 - s0
        block = buffer[:, :width] if width <= _CHUNK else np.empty((NUM_PERM, width), np.uint32)
        np.multiply(a, x[None, s0:s1], out=block)
        block += b
        minima[:, lo:hi] = np.minimum.reduceat(block, offsets[lo:hi] - s0, axis=1)
    values[texts_signed] = minima.T
    signed[texts_signed] = True


def estimated_jaccard(a: U32, b: U32) -> float:
    """Return the estimated Jaccard similarity of two signatures: the share of equal
    minima, a multiple of 1/NUM_PERM."""
    return float(np.count_nonzero(a == b)) / NUM_PERM


def _band_keys(values: U32, lang: str) -> I64:
    """Return the (n, BANDS) band keys of signatures of language ``lang``: 48-bit integers
    (stored in 6 bytes by SQLite) hashing the language, the band number and its rows."""
    n = len(values)
    rows = values[:, : BANDS * ROWS].astype(np.uint64).reshape(n, BANDS, ROWS)
    seed = np.uint64(_seed("multipub.corpus_index/lang/" + _lang_key(lang)))
    keys = np.broadcast_to(seed ^ (np.arange(BANDS, dtype=np.uint64) * _GOLDEN), (n, BANDS))
    for r in range(ROWS):
        keys = _mix(keys * _GOLDEN + rows[:, :, r])
    return (keys >> np.uint64(16)).astype(np.int64)


# --------------------------------------------------------------------------------------
# Results


class BlockRef(NamedTuple):
    """A block of an article: its language variant, ``field`` ("lead" or "blocks") and
    0-based ``block`` index (None for the lead)."""

    article_id: str
    lang: str
    field: TextField
    block: int | None


@dataclass(frozen=True, slots=True)
class Match:
    """A block (``lang``, ``field``, ``block``) of the article asked about that repeats a
    block of another article, with their estimated Jaccard similarity (a multiple of
    1/128) and whether the two are the same text after normalization."""

    lang: str
    field: TextField
    block: int | None
    other_article: str
    other_lang: str
    other_field: TextField
    other_block: int | None
    similarity: float
    verbatim: bool


def _field_order(field: str) -> int:
    return _FIELDS.index(field) if field in _FIELDS else len(_FIELDS)


def _match_order(match: Match) -> tuple[object, ...]:
    """Return the sort key of matches: the block asked about in reading order, then the
    most similar first, then the other block's place."""
    return (
        match.lang,
        _field_order(match.field),
        -1 if match.block is None else match.block,
        -match.similarity,
        match.other_article,
        match.other_lang,
        _field_order(match.other_field),
        -1 if match.other_block is None else match.other_block,
    )


# --------------------------------------------------------------------------------------
# Units of articles, signed


class _Unit(NamedTuple):
    article_id: str
    lang: str
    field: TextField
    block: int | None
    text: str


def _units(article: Article) -> list[_Unit]:
    """Return the lead and body blocks of every variant of ``article``, variants sorted by
    tag."""
    found: list[_Unit] = []
    for lang in sorted(article.variants):
        for unit in article.variants[lang].units(include_byline=False):
            if unit.field in _FIELDS:
                found.append(_Unit(article.id, lang, unit.field, unit.block, unit.text))
    return found


@dataclass(frozen=True, slots=True)
class _Signed:
    """The units of one language that were long enough to sign."""

    lang_key: str
    units: list[_Unit]
    values: U32
    text_hashes: I64
    bands: I64


def _sign_units(units: Sequence[_Unit]) -> list[_Signed]:
    """Return ``units`` signed, grouped by language (sorted), the too-short ones left out."""
    by_lang: dict[str, list[_Unit]] = defaultdict(list)
    for unit in units:
        by_lang[_lang_key(unit.lang)].append(unit)
    signed: list[_Signed] = []
    for key in sorted(by_lang):
        group = by_lang[key]
        # One language key may gather several tags ("zh-Hans", "zh-Hant"): shingled alike.
        found = signatures([u.text for u in group], group[0].lang)
        kept = np.flatnonzero(found.signed)
        values = found.values[kept]
        signed.append(
            _Signed(
                key,
                [group[i] for i in kept.tolist()],
                values,
                found.text_hashes[kept],
                _band_keys(values, group[0].lang),
            )
        )
    return signed


class _Allowed:
    """Allow-listed boilerplate signatures by language key."""

    def __init__(self) -> None:
        self.by_lang: dict[str, U32] = {}

    def add(self, lang: str, texts: Sequence[str]) -> None:
        """Add ``texts`` of language ``lang`` (those too short to index are let be: a block
        that short is never compared)."""
        found = signatures(texts, lang)
        values = found.values[found.signed]
        key = _lang_key(lang)
        if key in self.by_lang:
            values = np.concatenate([self.by_lang[key], values])
        self.by_lang[key] = values

    def covers(self, lang_key: str, values: U32, threshold: float) -> npt.NDArray[np.bool_]:
        """Return, for each signature of ``values``, whether it matches an allowed text."""
        allowed = self.by_lang.get(lang_key)
        covered = np.zeros(len(values), dtype=np.bool_)
        if allowed is None or len(allowed) == 0:
            return covered
        least = _least_equal(threshold)
        # (rows, allowed, NUM_PERM) booleans per pass: at most ~16 MB.
        step = max(1, 2**17 // len(allowed))
        for start in range(0, len(values), step):
            part = values[start : start + step]
            equal = np.count_nonzero(part[:, None, :] == allowed[None, :, :], axis=2)
            covered[start : start + step] = (equal >= least).any(axis=1)
        return covered


def _least_equal(threshold: float) -> int:
    """Return how many of the NUM_PERM minima must agree for ``threshold``."""
    # Counting equal minima avoids float rounding at the threshold (0.33 * 128 = 42.24).
    return int(np.ceil(threshold * NUM_PERM - 1e-9))


def _thin_boilerplate(
    found: dict[BlockRef, list[Match]], boilerplate_articles: int | None
) -> dict[BlockRef, list[Match]]:
    """Return ``found`` without the blocks whose matches are in more than
    ``boilerplate_articles`` other articles, each list sorted."""
    kept: dict[BlockRef, list[Match]] = {}
    for ref, matches in found.items():
        if (
            boilerplate_articles is not None
            and len({m.other_article for m in matches}) > boilerplate_articles
        ):
            continue
        kept[ref] = sorted(matches, key=_match_order)
    return kept


# --------------------------------------------------------------------------------------
# One run, in memory

# A band value shared by more blocks than this in one run is a template's: its pairs are
# not enumerated (they would be quadratic in number).
_BUCKET_CAP: Final = 2000


def find_corpus_duplicates(
    articles: Iterable[Article],
    *,
    threshold: float = THRESHOLD,
    allowed: Mapping[str, Iterable[str]] | None = None,
    boilerplate_articles: int | None = BOILERPLATE_ARTICLES,
) -> dict[BlockRef, list[Match]]:
    """Return, for each lead or body block of ``articles`` that repeats a block of another
    of them (same language, estimated Jaccard >= ``threshold``), its matches: keys in the
    articles' order and each variant's reading order, matches most similar first.

    ``allowed`` maps a language tag to boilerplate texts that never count; a block with
    matches in more than ``boilerplate_articles`` other articles is left out (None: never).
    Articles with the same id are one article.
    """
    every: list[_Unit] = []
    order: dict[str, int] = {}
    for article in articles:
        order.setdefault(article.id, len(order))
        every.extend(_units(article))
    allow = _Allowed()
    for lang, texts in (allowed or {}).items():
        allow.add(lang, list(texts))
    least = _least_equal(threshold)
    found: dict[BlockRef, list[Match]] = defaultdict(list)
    for group in _sign_units(every):
        barred = allow.covers(group.lang_key, group.values, threshold)
        owner = np.array([order[u.article_id] for u in group.units], dtype=np.int64)
        first, second = _candidate_pairs(group.bands)
        kept = (owner[first] != owner[second]) & ~barred[first] & ~barred[second]
        first, second = first[kept], second[kept]
        equal = _equal_minima(group.values, first, second)
        kept = equal >= least
        for i, j, count in zip(
            first[kept].tolist(), second[kept].tolist(), equal[kept].tolist(), strict=True
        ):
            unit_i, unit_j = group.units[i], group.units[j]
            verbatim = bool(group.text_hashes[i] == group.text_hashes[j])
            for one, other in ((unit_i, unit_j), (unit_j, unit_i)):
                ref = BlockRef(one.article_id, one.lang, one.field, one.block)
                found[ref].append(
                    Match(
                        one.lang,
                        one.field,
                        one.block,
                        other.article_id,
                        other.lang,
                        other.field,
                        other.block,
                        count / NUM_PERM,
                        verbatim,
                    )
                )
    unit_order = {(u.article_id, u.lang, u.field, u.block): k for k, u in enumerate(every)}
    ordered = sorted(
        found.items(), key=lambda item: (order[item[0].article_id], unit_order[item[0]])
    )
    return _thin_boilerplate(dict(ordered), boilerplate_articles)


def _equal_minima(values: U32, first: I64, second: I64) -> I64:
    """Return, for each pair (first[k], second[k]) of rows, how many minima they share."""
    equal = np.zeros(len(first), dtype=np.int64)
    step = 65536  # pairs compared per pass: two (step, 128) uint32 gathers, 64 MB
    for start in range(0, len(first), step):
        a = values[first[start : start + step]]
        b = values[second[start : start + step]]
        equal[start : start + step] = np.count_nonzero(a == b, axis=1)
    return equal


def _candidate_pairs(bands: I64) -> tuple[I64, I64]:
    """Return the pairs (i < j, sorted) of rows sharing a key in some band, as two arrays."""
    n = len(bands)
    codes: list[npt.NDArray[np.int64]] = []
    for band in range(bands.shape[1]):
        order = np.argsort(bands[:, band], kind="stable")
        ranked = bands[order, band]
        cuts = np.flatnonzero(ranked[1:] != ranked[:-1]) + 1
        starts = np.concatenate(([0], cuts))
        lengths = np.diff(np.concatenate((starts, [n])))
        # Runs of two, nearly all of them, vectorized; longer runs one by one.
        two = starts[lengths == 2]
        low = np.minimum(order[two], order[two + 1]).astype(np.int64)
        high = np.maximum(order[two], order[two + 1]).astype(np.int64)
        codes.append(low * n + high)
        for start, length in zip(
            starts[(lengths > 2) & (lengths <= _BUCKET_CAP)].tolist(),
            lengths[(lengths > 2) & (lengths <= _BUCKET_CAP)].tolist(),
            strict=True,
        ):
            members = np.sort(order[start : start + length]).astype(np.int64)
            first, second = np.triu_indices(length, k=1)
            codes.append(members[first] * n + members[second])
    unique = np.unique(np.concatenate(codes)) if codes else np.zeros(0, np.int64)
    return unique // n, unique % n


# --------------------------------------------------------------------------------------
# The archive: SQLite


class IndexMismatch(ValueError):
    """An index file built by another version of the shingling or hashing: rebuild it."""


def index_problem(path: str | Path) -> str | None:
    """Return why ``path`` cannot serve as an index (not an SQLite file, a folder that
    does not exist, an index of another scheme), None when it can. A missing file in an
    existing folder can: it is created, as a run would."""
    try:
        with CorpusIndex(path, cache_mb=1):
            return None
    except IndexMismatch as err:
        return str(err)
    except (sqlite3.Error, OSError) as err:
        return f"{path}: {err}"


_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles(
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    digest BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS blocks(
    id INTEGER PRIMARY KEY,
    article INTEGER NOT NULL,
    lang TEXT NOT NULL,
    field TEXT NOT NULL,
    block INTEGER,
    text_hash INTEGER NOT NULL,
    signature BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS blocks_by_article ON blocks(article);
CREATE TABLE IF NOT EXISTS runs(id INTEGER PRIMARY KEY, rows INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS allowed(
    id INTEGER PRIMARY KEY,
    lang TEXT NOT NULL,
    text TEXT NOT NULL,
    UNIQUE(lang, text)
);
"""

_SIGNATURE_DTYPE: Final = np.dtype("<u4")  # stored little-endian whatever the machine
# A stored block: id, article row id, lang, field, block, text hash, signature.
_BlockRow = tuple[int, int, str, TextField, int | None, int, bytes]
_MMAP_BYTES: Final = 1 << 34  # 16 GiB of address space: SQLite maps what the file holds


# The band rows (key, block) are kept in sorted runs, each a table of its own
# (``run_<id>``, listed in ``runs``), not in one table: band keys are random, so a batch
# inserted into one large B-tree touches pages all over it, and once the table outgrows
# SQLite's page cache every batch rewrites most of it (building 1,000,000 paragraphs took
# 8 s a batch of 40,000 at the end against 3.7 s at the start). A batch's rows go into the
# newest run while it is small (its pages stay cached), else into a new run; when the
# newest _RUN_FANOUT runs are of one size class (rows / _SMALL_RUN, in powers of
# _RUN_FANOUT), they are merged into one: SQLite reads them in key order and appends to a
# new table (a merge, no sort). Each row is so written about log4(rows / _SMALL_RUN) times,
# in order, and a query probes a few runs (at most _RUN_FANOUT - 1 a size class: the
# logarithmic method of Bentley and Saxe, as LSM trees do). A band key hashes its band's
# number (see _band_keys), so the band is no column of its own.
_RUN_TABLE = (
    "CREATE TABLE run_{}(key INTEGER NOT NULL, block INTEGER NOT NULL,"
    " PRIMARY KEY(key, block)) WITHOUT ROWID"
)
_SMALL_RUN: Final = 1 << 20  # band rows: 32,768 paragraphs, some 20 MB of pages
_RUN_FANOUT: Final = 4


def _size_class(rows: int) -> int:
    """Return the size class of a run of ``rows`` band rows: 0 below _RUN_FANOUT times
    _SMALL_RUN, then one more for each further factor of _RUN_FANOUT."""
    size, cls = _SMALL_RUN * _RUN_FANOUT, 0
    while rows >= size:
        size, cls = size * _RUN_FANOUT, cls + 1
    return cls


def _digest(units: Sequence[_Unit]) -> bytes:
    """Return a digest of the indexed texts of an article: unchanged, not rewritten."""
    digest = hashlib.blake2b(_SCHEME.encode(), digest_size=16)
    for unit in units:
        digest.update(f"\x00{unit.lang}\x00{unit.field}\x00{unit.block}\x00".encode())
        digest.update(unit.text.encode("utf-8", "surrogatepass"))
    return digest.digest()


def _band_rows(block_ids: Sequence[int], bands: I64) -> list[tuple[int, int]]:
    """Return (key, block) rows for the band keys ``bands`` of blocks ``block_ids``,
    sorted: B-tree inserts in key order touch each page once."""
    key = bands.reshape(-1)
    block = np.repeat(np.asarray(block_ids, dtype=np.int64), BANDS)
    order = np.lexsort((block, key))
    return list(zip(key[order].tolist(), block[order].tolist(), strict=True))


class CorpusIndex:
    """An archive of articles' block signatures in an SQLite file, for MP304.

    Writes are one transaction per batch of :meth:`add_articles` (WAL journal): a process
    killed mid-batch leaves the batches before it, and the file opens and answers; adding
    the same articles again completes it (an article whose text has not changed is
    skipped). Readers do not wait for a writer. Use as a context manager or call
    :meth:`close`.

    ``threshold``: the estimated Jaccard from which two blocks match; ``boilerplate_articles``:
    a block matching blocks of more other articles than this is boilerplate (None: no
    limit); ``timeout``: seconds a writer waits for another writer's batch; ``cache_mb``:
    SQLite's page cache, which bulk indexing wants large.
    """

    def __init__(
        self,
        path: str | Path,
        *,
        threshold: float = THRESHOLD,
        boilerplate_articles: int | None = BOILERPLATE_ARTICLES,
        timeout: float = 30.0,
        cache_mb: int = 256,
    ) -> None:
        self.path = Path(path)
        self.threshold = threshold
        self.boilerplate_articles = boilerplate_articles
        # Autocommit mode: transactions are begun and ended here, explicitly.
        self._db = sqlite3.connect(self.path, timeout=timeout, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        # NORMAL in WAL mode: a killed process loses nothing committed (a power cut may
        # lose the last transactions, never consistency).
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute("PRAGMA temp_store=MEMORY")
        # Band keys are random: a batch of inserts touches pages all over the bands table,
        # and a page cache that holds it writes each once per batch. SQLite takes the
        # memory as pages are read: a query touches few. Building 300,000 paragraphs took
        # half the time with 512 MB as with 64 MB.
        self._db.execute(f"PRAGMA cache_size={-1024 * cache_mb}")
        # Queries read candidate blocks all over the file: mapped, a page read is a memory
        # access, not a read() into SQLite's cache (a quarter of a query's time at 100,000
        # paragraphs). Address space only: the OS pages it in and out.
        self._db.execute(f"PRAGMA mmap_size={_MMAP_BYTES}")
        self._open()
        self._allowed = _Allowed()
        self._load_allowed()

    # -- life cycle ----------------------------------------------------------------

    def _open(self) -> None:
        """Create the tables of a new file; refuse a file of another scheme."""
        if self._scheme() is None:
            # Only a new file takes the write lock here: opening an index to query it
            # does not wait for another process's batch.
            self._transaction(self._create)
        found = self._scheme()
        if found != _SCHEME:
            raise IndexMismatch(
                f"{self.path}: built as {found!r}, this multipub reads {_SCHEME!r}: "
                "delete the file and index again"
            )

    def _scheme(self) -> str | None:
        """Return the scheme the file was built with, None for a file without tables."""
        if self._db.execute("SELECT 1 FROM sqlite_master WHERE name = 'meta'").fetchone():
            row = self._db.execute("SELECT value FROM meta WHERE key = 'scheme'").fetchone()
            return str(row[0]) if row else None
        return None

    def _create(self) -> None:
        # One statement at a time: executescript() would COMMIT the transaction first.
        for statement in _SCHEMA.split(";"):
            if statement.strip():
                self._db.execute(statement)
        self._db.execute("INSERT OR IGNORE INTO meta(key, value) VALUES ('scheme', ?)", (_SCHEME,))

    def _transaction(self, work: Callable[[], None]) -> None:
        """Run ``work`` in one IMMEDIATE transaction: all of it is committed or none."""
        self._db.execute("BEGIN IMMEDIATE")
        try:
            work()
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    def close(self) -> None:
        """Close the file."""
        self._db.close()

    def __enter__(self) -> CorpusIndex:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    # -- writing -------------------------------------------------------------------

    def add_articles(self, articles: Iterable[Article], *, batch_size: int = 2000) -> int:
        """Index ``articles``, ``batch_size`` per transaction; an article already indexed
        under its id is replaced (or skipped when its texts are unchanged). Return how many
        articles were written."""
        written = 0
        batch: dict[str, Article] = {}
        for article in articles:
            batch[article.id] = article  # the last of one id in a batch wins
            if len(batch) >= batch_size:
                written += self._add_batch(list(batch.values()))
                batch = {}
        if batch:
            written += self._add_batch(list(batch.values()))
        return written

    def _add_batch(self, articles: Sequence[Article]) -> int:
        """Write one batch in one transaction; return how many articles changed."""
        units_of = {a.id: _units(a) for a in articles}
        digests = {name: _digest(units) for name, units in units_of.items()}
        known = self._digests(list(digests))
        changed = [name for name in digests if known.get(name) != digests[name]]
        if not changed:
            return 0
        # Signing is outside the transaction: the write lock is held only for writing.
        signed = _sign_units([u for name in changed for u in units_of[name]])

        def work() -> None:
            # Every changed article, not only those known above: another process may
            # have indexed one since (the lock is taken now).
            self._remove(changed)
            article_rows: dict[str, int] = {}
            for name in changed:
                cursor = self._db.execute(
                    "INSERT INTO articles(name, digest) VALUES (?, ?)", (name, digests[name])
                )
                assert cursor.lastrowid is not None
                article_rows[name] = cursor.lastrowid
            first = self._next_block_id()
            band_ids: list[list[int]] = []
            for group in signed:
                ids = list(range(first, first + len(group.units)))
                band_ids.append(ids)
                first += len(group.units)
                self._db.executemany(
                    "INSERT INTO blocks(id, article, lang, field, block, text_hash, signature)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?)",
                    zip(
                        ids,
                        [article_rows[u.article_id] for u in group.units],
                        [u.lang for u in group.units],
                        [u.field for u in group.units],
                        [u.block for u in group.units],
                        group.text_hashes.tolist(),
                        [row.astype(_SIGNATURE_DTYPE).tobytes() for row in group.values],
                        strict=True,
                    ),
                )
            self._add_band_rows(
                _band_rows(
                    [i for ids in band_ids for i in ids],
                    np.concatenate([group.bands for group in signed]),
                )
            )

        self._transaction(work)
        return len(changed)

    def _runs(self) -> list[tuple[int, int]]:
        """Return the runs of band rows, oldest first: (id, rows)."""
        return [
            (int(i), int(n)) for i, n in self._db.execute("SELECT id, rows FROM runs ORDER BY id")
        ]

    def _add_band_rows(self, rows: list[tuple[int, int]]) -> None:
        """Add sorted band rows to the newest run while it is small, else to a new one,
        then merge the newest runs (inside the caller's transaction; see _SMALL_RUN)."""
        if not rows:
            return
        runs = self._runs()
        if runs and runs[-1][1] < _SMALL_RUN:
            run_id = runs[-1][0]
            self._db.execute("UPDATE runs SET rows = rows + ? WHERE id = ?", (len(rows), run_id))
        else:
            cursor = self._db.execute("INSERT INTO runs(rows) VALUES (?)", (len(rows),))
            assert cursor.lastrowid is not None
            run_id = cursor.lastrowid
            self._db.execute(_RUN_TABLE.format(run_id))
        self._db.executemany(f"INSERT INTO run_{run_id}(key, block) VALUES (?, ?)", rows)
        runs = self._runs()
        while len(runs) >= _RUN_FANOUT and (
            len({_size_class(n) for _, n in runs[-_RUN_FANOUT:]}) == 1
        ):
            merging = runs[-_RUN_FANOUT:]
            cursor = self._db.execute(
                "INSERT INTO runs(rows) VALUES (?)", (sum(n for _, n in merging),)
            )
            assert cursor.lastrowid is not None
            merged = cursor.lastrowid
            self._db.execute(_RUN_TABLE.format(merged))
            # The runs are read in key order and merged, not sorted (MERGE (UNION ALL)).
            self._db.execute(
                f"INSERT INTO run_{merged}(key, block) "
                + " UNION ALL ".join(f"SELECT key, block FROM run_{i}" for i, _ in merging)
                + " ORDER BY key, block"
            )
            for gone, _ in merging:
                self._db.execute(f"DROP TABLE run_{gone}")
                self._db.execute("DELETE FROM runs WHERE id = ?", (gone,))
            runs = self._runs()

    def _next_block_id(self) -> int:
        row = self._db.execute("SELECT COALESCE(MAX(id), 0) + 1 FROM blocks").fetchone()
        return int(row[0])

    def _digests(self, names: Sequence[str]) -> dict[str, bytes]:
        """Return the stored digest of each of ``names`` that is indexed."""
        found: dict[str, bytes] = {}
        for start in range(0, len(names), 500):
            part = names[start : start + 500]
            marks = ",".join("?" * len(part))
            for name, digest in self._db.execute(
                f"SELECT name, digest FROM articles WHERE name IN ({marks})", part
            ):
                found[name] = bytes(digest)
        return found

    def _remove(self, names: Sequence[str]) -> None:
        """Delete the rows of articles ``names`` (inside the caller's transaction)."""
        for name in names:
            row = self._db.execute("SELECT id FROM articles WHERE name = ?", (name,)).fetchone()
            if row is None:
                continue
            blocks = self._db.execute(
                "SELECT id, lang, signature FROM blocks WHERE article = ?", (row[0],)
            ).fetchall()
            # Band rows are found again from the stored signatures: no second index on
            # bands(block) is needed (it would double the table's size).
            by_lang: dict[str, list[tuple[int, bytes]]] = defaultdict(list)
            for block_id, lang, signature in blocks:
                by_lang[lang].append((block_id, signature))
            runs = self._runs()
            for lang, rows in by_lang.items():
                values = np.stack([_signature(s) for _, s in rows])
                band_rows = _band_rows([i for i, _ in rows], _band_keys(values, lang))
                for run_id, _ in runs:
                    cursor = self._db.executemany(
                        f"DELETE FROM run_{run_id} WHERE key = ? AND block = ?",
                        band_rows,
                    )
                    self._db.execute(
                        "UPDATE runs SET rows = rows - ? WHERE id = ?", (cursor.rowcount, run_id)
                    )
            self._db.execute("DELETE FROM blocks WHERE article = ?", (row[0],))
            self._db.execute("DELETE FROM articles WHERE id = ?", (row[0],))

    def remove(self, article_id: str) -> bool:
        """Delete article ``article_id`` from the index; return whether it was there."""
        present = bool(self._digests([article_id]))
        if present:
            self._transaction(lambda: self._remove([article_id]))
        return present

    def allow(self, lang: str, texts: Iterable[str]) -> int:
        """Allow-list boilerplate ``texts`` of language ``lang``: a block matching one of
        them (same threshold) is never reported. Return how many were new."""
        new = 0

        def work() -> None:
            nonlocal new
            for text in texts:
                cursor = self._db.execute(
                    "INSERT OR IGNORE INTO allowed(lang, text) VALUES (?, ?)", (lang, text)
                )
                new += cursor.rowcount
            self._load_allowed()

        self._transaction(work)
        return new

    def _load_allowed(self) -> None:
        by_lang: dict[str, list[str]] = defaultdict(list)
        for lang, text in self._db.execute("SELECT lang, text FROM allowed ORDER BY id"):
            by_lang[lang].append(text)
        self._allowed = _Allowed()
        for lang, texts in by_lang.items():
            self._allowed.add(lang, texts)

    # -- reading -------------------------------------------------------------------

    def __len__(self) -> int:
        """Return how many articles are indexed."""
        return int(self._db.execute("SELECT COUNT(*) FROM articles").fetchone()[0])

    def __contains__(self, article_id: object) -> bool:
        """Return whether an article of this id is indexed."""
        return isinstance(article_id, str) and bool(self._digests([article_id]))

    def block_count(self) -> int:
        """Return how many blocks are indexed."""
        return int(self._db.execute("SELECT COUNT(*) FROM blocks").fetchone()[0])

    def query(self, article: Article) -> list[Match]:
        """Return the blocks of OTHER indexed articles that each lead or body block of
        ``article`` repeats (same language, estimated Jaccard >= the threshold), in the
        article's reading order (variants by tag), most similar first. ``article`` itself
        need not be indexed; its indexed copy is never a match."""
        signed = _sign_units(_units(article))
        probes: list[tuple[int, int]] = []
        queries: list[tuple[_Signed, int]] = []
        for group in signed:
            barred = self._allowed.covers(group.lang_key, group.values, self.threshold)
            for i in range(len(group.units)):
                if barred[i]:
                    continue
                q = len(queries)
                queries.append((group, i))
                probes.extend((key, q) for key in group.bands[i].tolist())
        if not probes:
            return []
        candidates: dict[int, set[int]] = defaultdict(set)
        # One read transaction: the bands and the blocks are read from one snapshot while
        # another process writes, and the probe rows (a temporary table: no write lock on
        # the index) are inserted at once.
        self._db.execute("BEGIN")
        try:
            self._db.execute("CREATE TEMP TABLE IF NOT EXISTS probe(key INTEGER, q INTEGER)")
            self._db.execute("DELETE FROM probe")
            self._db.executemany("INSERT INTO probe(key, q) VALUES (?, ?)", probes)
            # Every run is probed; the candidates' sets take the repeats away.
            runs = [run_id for run_id, _ in self._runs()]
            for q, block_id in (
                self._db.execute(
                    " UNION ALL ".join(
                        f"SELECT p.q, b.block FROM probe p JOIN run_{run_id} b ON b.key = p.key"
                        for run_id in runs
                    )
                )
                if runs
                else ()
            ):
                candidates[block_id].add(q)
            own = self._db.execute(
                "SELECT id FROM articles WHERE name = ?", (article.id,)
            ).fetchone()
            rows = [
                row for row in self._blocks(sorted(candidates)) if own is None or row[1] != own[0]
            ]
            matched, names = self._verified(rows, candidates, queries)
        finally:
            self._db.execute("COMMIT")
        if not matched:
            return []
        found: dict[BlockRef, list[Match]] = defaultdict(list)
        for (r, q, equal), name in zip(matched, names, strict=True):
            _, _, lang, field, block, text_hash, _ = rows[r]
            group, i = queries[q]
            unit = group.units[i]
            found[BlockRef(unit.article_id, unit.lang, unit.field, unit.block)].append(
                Match(
                    unit.lang,
                    unit.field,
                    unit.block,
                    name,
                    lang,
                    field,
                    block,
                    equal / NUM_PERM,
                    bool(group.text_hashes[i] == text_hash),
                )
            )
        kept = _thin_boilerplate(found, self.boilerplate_articles)
        return sorted((m for matches in kept.values() for m in matches), key=_match_order)

    def _verified(
        self,
        rows: list[_BlockRow],
        candidates: dict[int, set[int]],
        queries: list[tuple[_Signed, int]],
    ) -> tuple[list[tuple[int, int, int]], list[str]]:
        """Return the (row, query, equal minima) of candidate pairs at or over the
        threshold, and the name of each one's article.

        All pairs are verified at once: one (candidate, query block) pair per row of two
        arrays, their equal minima counted in one numpy pass (per pair in Python, this
        was most of a query's time on a large index). Names are read for the few that
        match, not for every candidate.
        """
        if not rows:
            return [], []
        stored = np.frombuffer(b"".join(row[6] for row in rows), dtype=_SIGNATURE_DTYPE)
        values = stored.reshape(len(rows), NUM_PERM).astype(np.uint32)
        other_keys = np.array([_lang_key(row[2]) for row in rows])
        barred = np.zeros(len(rows), dtype=np.bool_)
        for key in sorted(set(other_keys.tolist())):
            where = np.flatnonzero(other_keys == key)
            barred[where] = self._allowed.covers(key, values[where], self.threshold)
        pair_rows: list[int] = []
        pair_queries: list[int] = []
        for r, row in enumerate(rows):
            if barred[r]:
                continue
            for q in sorted(candidates[row[0]]):
                if queries[q][0].lang_key == other_keys[r]:
                    pair_rows.append(r)
                    pair_queries.append(q)
        if not pair_rows:
            return [], []
        asked = np.stack([group.values[i] for group, i in queries])
        equal = np.count_nonzero(values[pair_rows] == asked[pair_queries], axis=1)
        least = _least_equal(self.threshold)
        matched = [
            (pair_rows[k], pair_queries[k], int(equal[k]))
            for k in np.flatnonzero(equal >= least).tolist()
        ]
        owners = sorted({rows[r][1] for r, _, _ in matched})
        name_of: dict[int, str] = {}
        for start in range(0, len(owners), 500):
            part = owners[start : start + 500]
            marks = ",".join("?" * len(part))
            name_of.update(
                self._db.execute(f"SELECT id, name FROM articles WHERE id IN ({marks})", part)
            )
        return matched, [name_of[rows[r][1]] for r, _, _ in matched]

    def _blocks(self, block_ids: Sequence[int]) -> list[_BlockRow]:
        """Return the rows of blocks ``block_ids``: id, article row, lang, field, block,
        text hash, signature."""
        rows: list[_BlockRow] = []
        for start in range(0, len(block_ids), 500):
            part = block_ids[start : start + 500]
            marks = ",".join("?" * len(part))
            rows.extend(
                self._db.execute(
                    "SELECT id, article, lang, field, block, text_hash, signature"
                    f" FROM blocks WHERE id IN ({marks})",
                    part,
                ).fetchall()
            )
        return rows

    def integrity(self) -> str:
        """Return SQLite's ``PRAGMA integrity_check`` answer: "ok" for a sound file."""
        return str(self._db.execute("PRAGMA integrity_check").fetchone()[0])


def _signature(raw: bytes) -> U32:
    """Return a stored signature as an array."""
    return np.frombuffer(raw, dtype=_SIGNATURE_DTYPE).astype(np.uint32)

"""How alike two texts of one language are: word overlap and sacrebleu's chrF, and the
pairs of a variant's blocks that repeat each other, verbatim or in other words.

Used by the duplicate checks (MP301, MP302) and by the alignment, which leaves a block that
repeats another of its variant out of the source-translation pairing.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from multipub.lang import LetterScan, letter_scan, scripts

if TYPE_CHECKING:
    from sacrebleu.metrics.chrf import CHRF

__all__ = ["NearDuplicate", "chrf_both_ways", "near_duplicate_pairs", "shared_word_share"]

# Above this many blocks, pairs come from an inverted index instead of all pairs.
_PAIRWISE_LIMIT = 64
# Bounds of the index path (see _pairs_indexed): blocks kept per word (a word in more
# blocks is a stop-word), candidates verified per block.
_POSTING_CAP = 16
_INDEX_CANDIDATES = 4


@lru_cache(maxsize=1)
def _chrf() -> CHRF:
    # sacrebleu pulls in numpy and friends: import it only when a candidate pair needs it.
    from sacrebleu.metrics.chrf import CHRF

    return CHRF()


def chrf_both_ways(a: str, b: str) -> float:
    """Return sacrebleu's sentence chrF of ``a`` against ``b`` or of ``b`` against ``a``,
    whichever is higher.

    Both directions share their n-gram counts (the matches are the same, hypothesis and
    reference totals swap), so the n-grams are extracted once: half the cost of two
    ``sentence_score`` calls, with the same numbers (tested against them).
    """
    chrf = _chrf()
    try:
        from sacrebleu.metrics.helpers import extract_all_char_ngrams

        a_ngrams = extract_all_char_ngrams(a, chrf.char_order, chrf.whitespace)
        b_ngrams = extract_all_char_ngrams(b, chrf.char_order, chrf.whitespace)
        forward: list[int] = []
        backward: list[int] = []
        for a_counts, b_counts in zip(a_ngrams, b_ngrams, strict=True):
            a_total, b_total, matches = chrf._get_match_statistics(a_counts, b_counts)
            forward += (a_total, b_total, matches)
            backward += (b_total if a_counts else 0, sum(a_counts.values()), matches)
        return max(chrf._compute_f_score(forward), chrf._compute_f_score(backward))
    except (ImportError, AttributeError, TypeError, ValueError):  # pragma: no cover
        # A sacrebleu whose internals moved: the public API gives the same numbers.
        forward_score: float = chrf.sentence_score(a, [b]).score
        backward_score: float = chrf.sentence_score(b, [a]).score
        return max(forward_score, backward_score)


@cache
def _unspaced_letter() -> LetterScan:
    """Return the scan of a letter of a script written without spaces between words
    (the script table's ``spaces: false``): such "words" are character bigrams."""
    return letter_scan(*(name for name, found in scripts().items() if not found.spaces))


# Two blocks that share a long name-and-title phrase but say different things reach chrF
# 65-76, so chrF alone over-reports. What tells them apart is the share of each block's
# words missing from the other: at most 0.23 for reworded repeats written for the tests
# (vi, ar, ru, zh, en) and for the seed's pair, at least 0.38 for distinct sentences that
# share an official's title.
_REWORDED_MAX_NOVELTY = 0.3
# A block whose words are (almost) all inside a longer block is a repeat too: FLORES-200
# devtest itself has two such sentences merged into their neighbours.
_CONTAINED_MAX_NOVELTY = 0.05
_CONTAINED_MIN_WORDS = 8


def _words(key: str) -> frozenset[str]:
    """Return the words of a dedup key; a word in a script without spaces between words
    (Chinese, Japanese, Thai) counts as its character bigrams."""
    unspaced = _unspaced_letter()
    if not unspaced.search(key):  # one scan instead of one per word
        return frozenset(key.split())
    words: set[str] = set()
    for word in key.split():
        if unspaced.search(word):
            # Adjacent characters paired in C ("会议讨论" -> 会议, 议讨, 讨论).
            words.update(map(str.__add__, word[:-1], word[1:]) if len(word) > 1 else (word,))
        else:
            words.add(word)
    return frozenset(words)


def _pairs_all(words: Sequence[frozenset[str]]) -> Iterator[tuple[int, int]]:
    """Yield every pair of texts that share at least 70% of the smaller one's words: the
    least any reworded or contained repeat shares (see :func:`near_duplicate_pairs`)."""
    # Words found in one text only can never be shared: a text whose other words are too
    # few for a repeat takes no part, and most texts (function words apart) are like
    # that. A few C-level set operations replace most of the pairwise intersections.
    seen: set[str] = set()
    repeated: set[str] = set()
    for word_set in words:
        repeated |= seen & word_set
        seen |= word_set
    shareable = [len(w & repeated) if w else 0 for w in words]
    sizes = [len(w) for w in words]
    # The smaller text of a pair must have 70% of its words shareable: only such texts
    # start a comparison, with the texts at least as large as them.
    pairs: set[tuple[int, int]] = set()
    for k, size in enumerate(sizes):
        if not size or shareable[k] < _MIN_SHARED * size:
            continue
        least = _MIN_SHARED * size
        for m, other in enumerate(sizes):
            if m == k or other < size or shareable[m] < least:
                continue
            if len(words[k] & words[m]) >= least:
                pairs.add((min(k, m), max(k, m)))
    yield from sorted(pairs, key=lambda pair: (pair[1], pair[0]))


# Reworded repeats share at least 1 - _REWORDED_MAX_NOVELTY of the larger block's words,
# contained ones 1 - _CONTAINED_MAX_NOVELTY of the smaller's: either way at least this
# share of the smaller block's words.
_MIN_SHARED = 1 - max(_REWORDED_MAX_NOVELTY, _CONTAINED_MAX_NOVELTY)


def _pairs_indexed(words: Sequence[frozenset[str]]) -> Iterator[tuple[int, int]]:
    """Yield, for each text, the earlier texts sharing the most words with it.

    An inverted index from word to the first ``_POSTING_CAP`` texts holding it; each text
    is paired with its ``_INDEX_CANDIDATES`` best-overlapping earlier texts. A repeat
    shares at least 70% of its words, so it is among them unless its words are all
    stop-words; in exchange, thousands of look-alike blocks cost linear time.
    """
    index: dict[str, list[int]] = {}
    for j, s in enumerate(words):
        shared: Counter[int] = Counter()
        for word in sorted(s):
            postings = index.setdefault(word, [])
            shared.update(postings)
            if len(postings) < _POSTING_CAP:
                postings.append(j)
        best = sorted(shared.items(), key=lambda item: (-item[1], item[0]))
        for i in sorted(i for i, _ in best[:_INDEX_CANDIDATES]):
            yield i, j


@dataclass(frozen=True, slots=True)
class NearDuplicate:
    """A later text that repeats an earlier one: reworded, or one holding the other."""

    earlier: int
    later: int
    chrf: float
    contained: bool  # one text stands (almost) whole inside the other, which says more
    later_is_longer: bool


def near_duplicate_pairs(
    texts: Sequence[str], keys: Sequence[str], threshold: float
) -> list[NearDuplicate]:
    """Return the texts that repeat an earlier text in other words, in order of ``later``.

    ``keys`` are the texts' dedup keys; a text with an empty key takes no part. A pair
    counts when its chrF (0-100, the higher of both directions) reaches ``threshold`` and
    neither text has more than 30% words of its own, or when all but 5% of the words of
    the shorter (at least 8 words) are in the longer. Each later text is paired with its
    best-scoring earlier text.
    """
    words = [_words(k) if k else frozenset() for k in keys]
    pairs = _pairs_all(words) if len(words) <= _PAIRWISE_LIMIT else _pairs_indexed(words)
    best: dict[int, NearDuplicate] = {}
    for i, j in pairs:
        words_i, words_j = words[i], words[j]
        if not words_i or not words_j or keys[i] == keys[j]:
            continue
        shared = len(words_i & words_j)
        novelty_i = 1 - shared / len(words_i)
        novelty_j = 1 - shared / len(words_j)
        reworded = max(novelty_i, novelty_j) <= _REWORDED_MAX_NOVELTY
        contained = (
            not reworded
            and min(len(words_i), len(words_j)) >= _CONTAINED_MIN_WORDS
            and min(novelty_i, novelty_j) <= _CONTAINED_MAX_NOVELTY
        )
        if not reworded and not contained:
            continue
        score = chrf_both_ways(texts[i], texts[j])
        if not contained and score < threshold:
            continue
        if j not in best or score > best[j].chrf:
            best[j] = NearDuplicate(i, j, score, contained, len(words_j) > len(words_i))
    return [best[j] for j in sorted(best)]


def shared_word_share(a: str, b: str) -> float:
    """Return the share of the smaller of two dedup keys' words that the other has too
    (Chinese, Japanese and Thai by character pairs), 0 for an empty key."""
    words_a, words_b = _words(a), _words(b)
    if not words_a or not words_b:
        return 0.0
    return len(words_a & words_b) / min(len(words_a), len(words_b))

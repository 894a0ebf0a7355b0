"""Text normalization: the one place where multipub decides when two texts "say the same".

Two entry points share one definition of folding:

* :func:`fold` is the fast path used on every block (C-level ``str`` methods only);
* :func:`fold_with_offsets` gives the same folded string plus an :class:`OffsetMap`, so that a
  match found in folded text is reported as a span of the original text.

Folding applies, in order: Unicode NFC, full case folding, removal of invisible format
characters (zero-width and bidi controls), Arabic folding (tashkeel, tatweel, alef/hamza
variants, alef maqsura, teh marbuta, Persian yeh/kaf), digit folding (Arabic-Indic, Eastern
Arabic-Indic and full-width digits to ASCII), space folding (every Unicode space to U+0020,
and a run of them to one), removal of stress marks on Cyrillic vowels ("Ха́ной"), and
Vietnamese tone-mark placement (the new style "hoà", "thuý", "khoẻ" to the old style "hòa",
"thúy", "khỏe"). Every step but NFC, space runs and stress marks maps one character to a
fixed string; the offset map follows those three too, so it is exact.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

__all__ = [
    "OffsetMap",
    "clear_fold_cache",
    "dedup_key",
    "fold",
    "fold_digits",
    "fold_many",
    "fold_with_offsets",
    "folds_in_place",
    "is_acronym",
    "is_short_name",
    "letter_count",
    "text_span",
    "whole_characters",
]

# Invisible characters that change nothing a reader sees: zero-width space/joiners, word
# joiner, BOM, soft hyphen, and the bidi controls (LRM, RLM, ALM, embeddings, isolates).
_INVISIBLE = (
    "\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f\u061c"
    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
# Arabic marks that MT output uses inconsistently: harakat, Quranic annotation signs,
# superscript alef, and tatweel (kashida, a pure justification stretch).
_ARABIC_MARKS = (
    "".join(chr(c) for c in range(0x0610, 0x061B))
    + "".join(chr(c) for c in range(0x064B, 0x0660))
    + "\u0670\u0640"
    + "".join(chr(c) for c in range(0x06D6, 0x06EE) if c not in (0x06E5, 0x06E6))
)
_ARABIC_LETTERS = {
    "\u0623": "\u0627",  # alef with hamza above -> alef
    "\u0625": "\u0627",  # alef with hamza below -> alef
    "\u0622": "\u0627",  # alef with madda -> alef
    "\u0671": "\u0627",  # alef wasla -> alef
    "\u0649": "\u064a",  # alef maqsura -> yeh
    "\u0629": "\u0647",  # teh marbuta -> heh
    "\u0624": "\u0648",  # waw with hamza -> waw
    "\u0626": "\u064a",  # yeh with hamza -> yeh
    "\u06cc": "\u064a",  # Persian yeh -> Arabic yeh
    "\u06a9": "\u0643",  # Persian keheh -> Arabic kaf
}
_DIGITS = {
    **{chr(0x0660 + d): str(d) for d in range(10)},  # Arabic-Indic
    **{chr(0x06F0 + d): str(d) for d in range(10)},  # Eastern Arabic-Indic (Persian, Urdu)
    **{chr(0xFF10 + d): str(d) for d in range(10)},  # full-width (CJK typesetting)
}
# Apostrophes: French and English typesetting writes "l’Éducation" and "People’s" where
# a glossary (or another edition) writes the typewriter "'"; one mark to compare.
_APOSTROPHES = {
    "\u2019": "'",  # right single quotation mark, the typographic apostrophe
    "\u02bc": "'",  # modifier letter apostrophe
    "\uff07": "'",  # full-width apostrophe
}
_SPACES = (
    "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u202f\u205f\u3000\t\n\r\v\f\x85\u2028\u2029"
)

_FOLD_TABLE: dict[int, str] = {
    **{ord(c): "" for c in _INVISIBLE},
    **{ord(c): "" for c in _ARABIC_MARKS},
    **{ord(k): v for k, v in _ARABIC_LETTERS.items()},
    **{ord(k): v for k, v in _DIGITS.items()},
    **{ord(k): v for k, v in _APOSTROPHES.items()},
    **{ord(c): " " for c in _SPACES},
}
_DIGIT_TABLE: dict[int, str] = {ord(k): v for k, v in _DIGITS.items()}
# What folding removes, and the spaces other than U+0020 (one of them beside another
# space folds with it to one space; one class to scan is three times as fast as
# looking for runs, and a text with such a space then takes the offset map, which is
# always right).
_NOT_IN_PLACE = re.compile(
    "["
    + re.escape(_INVISIBLE + _ARABIC_MARKS + _SPACES.replace(" ", ""))
    # Combining marks: in NFC text they follow a letter they could not compose with,
    # and may compose with what case folding makes of it ("ß" + ◌̣ is "sṣ").
    + "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]"
)
# str.translate walks a dict per character on non-ASCII text (~60 ns each); a regex scan
# for the few characters that change is ~10x cheaper, and most blocks contain none.
_FOLD_CHARS = re.compile("[" + re.escape("".join(chr(c) for c in _FOLD_TABLE)) + "]")


def _build_tone_placement() -> tuple[re.Pattern[str], dict[str, str]]:
    """Return the regex and replacements that move a new-style tone mark to the old place.

    New style puts the tone on the second vowel of the open rhymes oa, oe, uy ("hoà");
    old style on the first ("hòa"). With a final consonant ("hoàng", "thuyết") both
    styles agree, so only rhymes at the end of a word are touched. "qu" is an onset, so
    "quý" is left alone.
    """
    tones = ["\u0300", "\u0301", "\u0309", "\u0303", "\u0323"]
    replacements: dict[str, str] = {}
    seconds: list[str] = []
    for first, second in (("o", "a"), ("o", "e"), ("u", "y")):
        for tone in tones:
            toned_second = unicodedata.normalize("NFC", second + tone)
            toned_first = unicodedata.normalize("NFC", first + tone)
            replacements[first + toned_second] = toned_first + second
            seconds.append(toned_second)
    pair = "|".join(sorted(replacements, key=len, reverse=True))
    # Onsets: any Vietnamese consonant cluster, but not "q" (qu- is onset + glide).
    pattern = re.compile(
        rf"(?<![\w])((?:ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|[bcdđghklmnprstvx])?)({pair})(?![\w])"
    )
    return pattern, replacements


_TONE_PATTERN, _TONE_REPLACEMENTS = _build_tone_placement()
# Cheap pre-test: old-style text (most of the press) and other scripts never contain
# these two-letter sequences, so the context-sensitive pattern rarely runs. Written as
# "o[...]|u[...]" (what the alternation of all the pairs means): twice as fast a scan.
_TONE_PAIRS = re.compile(
    "|".join(
        first + "[" + "".join(sorted(p[1] for p in _TONE_REPLACEMENTS if p[0] == first)) + "]"
        for first in sorted({p[0] for p in _TONE_REPLACEMENTS})
    )
)


_ONSETS = frozenset(
    ("", "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "th", "tr", *"bcdđghklmnprstvx")
)
_WORD_CHARACTER = re.compile(r"\w")


def _place_tones(folded: str) -> str:
    """Return ``folded`` with new-style tone marks moved to the old place (same length).

    Does what ``_TONE_PATTERN.sub`` does (tested against it), but looks only at the
    places where a pair occurs: the pattern's lookbehind made the regex walk every
    position of a glossary's megabytes of forms.
    """
    found = _TONE_PAIRS.search(folded)
    if found is None:
        return folded
    pieces: list[str] = []
    done = 0
    word_character = _WORD_CHARACTER.match
    for match in _TONE_PAIRS.finditer(folded, found.start()):
        pair_start, pair_end = match.span()
        if word_character(folded, pair_end):
            continue  # the pair must end its word
        start = pair_start
        while start > 0 and pair_start - start < 3 and word_character(folded, start - 1):
            start -= 1
        if start > 0 and word_character(folded, start - 1):
            continue  # more before the pair than an onset
        if folded[start:pair_start] not in _ONSETS:
            continue
        pieces.append(folded[done:pair_start])
        pieces.append(_TONE_REPLACEMENTS[match.group()])
        done = pair_end
    if not pieces:
        return folded
    pieces.append(folded[done:])
    return "".join(pieces)


def _nfc(text: str) -> str:
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


_FOLD_REPLACEMENTS: dict[str, str] = {chr(code): out for code, out in _FOLD_TABLE.items()}


def fold(text: str) -> str:
    """Return the folded form of ``text`` used for every comparison and match.

    Remembered for texts of up to 1,024 characters (a paragraph, a title): the checks of
    one article fold each of its blocks several times (dedup keys, glossary matching,
    language tests). At most 4,096 texts are kept (some 30 MB in the worst case,
    whatever the archive); longer texts are folded each time.
    """
    found = _FOLDED.get(text)
    if found is None:
        found = _fold(text)
        if len(text) <= 1024:
            if len(_FOLDED) >= 4096:
                _FOLDED.clear()  # the article being checked folds its texts again, once
            _FOLDED[text] = found
    return found


_FOLDED: dict[str, str] = {}


def clear_fold_cache() -> None:
    """Forget the folded texts :func:`fold` remembers (benchmarks time cold folding)."""
    _FOLDED.clear()


_SEPARATOR = "\x00"


def folds_in_place(text: str, folded: str) -> bool:
    """Return True when ``folded`` (``fold(text)``) has every character of ``text`` at
    its own position, so that spans carry over unchanged.

    The same length is not enough: "ß" folds to two letters and a zero-width space to
    none, and the two cancel out. Without NFC changes and removed characters, each
    character folds to one or more, so the same length means one each.
    """
    return (
        len(folded) == len(text)
        and "  " not in text
        and unicodedata.is_normalized("NFC", text)
        and _NOT_IN_PLACE.search(text) is None
    )


def fold_many(texts: Sequence[str]) -> list[str]:
    """Return ``[fold(t) for t in texts]``, computed in one pass over all of them.

    For the forms of a large glossary: one call on their concatenation does in C what
    100,000 calls would do in Python. NUL separates them (every folding step treats it as
    the edge of a text: it is no letter, no mark and no space); texts that contain NUL
    themselves are folded one by one.
    """
    joined = _SEPARATOR.join(texts)
    if joined.count(_SEPARATOR) != max(len(texts) - 1, 0):
        return [_fold(t) for t in texts]
    return _fold(joined).split(_SEPARATOR) if texts else []


def _fold(text: str) -> str:
    folded = _nfc(text).casefold()
    if _FOLD_CHARS.search(folded) is not None:
        # A few distinct characters change (teh marbuta, hamza forms): replacing each of
        # them is C-speed, where translate() looks up every character of the block in a
        # dict (12 µs for an Arabic paragraph, against 5). No replacement is itself
        # replaced, so the order does not matter.
        for char in set(_FOLD_CHARS.findall(folded)):
            folded = folded.replace(char, _FOLD_REPLACEMENTS[char])
    if "  " in folded:
        folded = _SPACE_RUN.sub(" ", folded)
    if "\u0301" in folded or "\u0300" in folded:
        folded = _CYRILLIC_STRESS.sub("", folded)
    if not unicodedata.is_normalized("NFC", folded):
        # Case folding ("ß" + ◌́ is "ss" + ◌́) or a removed character between a letter and
        # its mark can leave a sequence that composes: folding twice must not change it.
        folded = unicodedata.normalize("NFC", folded)
    toned = _place_tones(folded)
    if toned is not folded and not unicodedata.is_normalized("NFC", toned):
        toned = unicodedata.normalize("NFC", toned)  # a tone moved onto a marked vowel
    return toned


# Runs of white space are one space: a double space (or a no-break space beside a space)
# must not hide a name or a term.
_SPACE_RUN = re.compile("  +")


# A stress mark on a Cyrillic vowel ("Ха́ной", dictionaries and some names): no
# precomposed letter absorbs it, and it would cut the word in two.
_STRESS_MARKS = "\u0300\u0301"
_CYRILLIC_STRESS = re.compile(f"(?<=[\u0400-\u04ff])[{_STRESS_MARKS}]+")


_FOREIGN_DIGIT = re.compile("[\u0660-\u0669\u06f0-\u06f9\uff10-\uff19]")


def fold_digits(text: str) -> str:
    """Return ``text`` with Arabic-Indic, Eastern Arabic-Indic and full-width digits as ASCII."""
    # translate() walks every character; most texts have no such digit at all.
    return text.translate(_DIGIT_TABLE) if _FOREIGN_DIGIT.search(text) else text


# Punctuation that dedup_key ignores: ASCII, typographic quotes and dashes, Arabic comma,
# semicolon and question mark, CJK and full-width marks. A literal set: a regex class of
# Unicode categories (\W) costs three times as much on non-ASCII text.
_PUNCTUATION = (
    "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~“”‘’«»„‹›–—…·•¡¿،؛؟٪。，、；：！？「」『』（）《》【】・"
)


_PUNCTUATION_RUN = re.compile("[" + re.escape(_PUNCTUATION) + "]+")


def dedup_key(text: str) -> str:
    """Return the key under which two blocks count as verbatim repeats.

    It is :func:`fold` with punctuation turned into spaces and white space collapsed, so
    "Hà Nội, ngày 28/9." and "hà nội ngày 28 9" share a key, and so do "会议，讨论" and
    "会议, 讨论".
    """
    return " ".join(_PUNCTUATION_RUN.sub(" ", fold(text)).split())


def text_span(text: str) -> tuple[int, int]:
    """Return the span of ``text`` without its leading and trailing white space (the whole
    text when it is all white space)."""
    start = len(text) - len(text.lstrip())
    end = len(text.rstrip())
    return (start, end) if end > start else (0, len(text))


def whole_characters(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """Return ``span`` widened to whole characters as a reader sees them: a span never
    starts on a combining mark nor ends before one ("điểm" written decomposed, e + ◌̂ + ◌̉,
    is one letter, not three)."""
    start, end = span
    while 0 < start < len(text) and _is_mark(text[start]):
        start -= 1
    while end < len(text) and _is_mark(text[end]):
        end += 1
    return start, end


def _is_mark(char: str) -> bool:
    # Any combining mark: Vietnamese tones, Arabic tashkeel, Thai vowel signs.
    return unicodedata.category(char)[0] == "M"


def letter_count(text: str) -> int:
    """Return how many letters (Unicode category L*) ``text`` holds."""
    return sum(map(str.isalpha, text))


@dataclass(frozen=True, slots=True)
class OffsetMap:
    """Maps positions in a folded string back to the original string.

    ``starts[i]`` and ``ends[i]`` are the original ``[start, end)`` of folded character ``i``.
    """

    starts: tuple[int, ...]
    ends: tuple[int, ...]
    original_length: int

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Return the original ``[start, end)`` span covering folded ``[start, end)``."""
        if not self.starts:
            return (0, 0)
        if end <= start:
            pos = self.starts[start] if start < len(self.starts) else self.original_length
            return (pos, pos)
        return (self.starts[start], self.ends[end - 1])


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    return char.casefold().translate(_FOLD_TABLE)


_WORD_OR_SPACE = re.compile(r"\s+|\S+")


def _nfc_segments(word: str) -> list[tuple[int, str, str]]:
    """Return ``(offset, piece, nfc(piece))`` for runs of a starter and its marks, or one
    run for the whole word when NFC composes across runs (Hangul jamo, a few Indic vowels).
    """
    cuts = [i for i, c in enumerate(word) if i == 0 or unicodedata.combining(c) == 0]
    pieces = [word[a:b] for a, b in zip(cuts, [*cuts[1:], len(word)], strict=True)]
    normalized = [unicodedata.normalize("NFC", piece) for piece in pieces]
    if "".join(normalized) != unicodedata.normalize("NFC", word):
        return [(0, word, unicodedata.normalize("NFC", word))]
    return list(zip(cuts, pieces, normalized, strict=True))


def fold_with_offsets(text: str) -> tuple[str, OffsetMap]:
    """Return ``(fold(text), map)``: the folded text and its map back into ``text``.

    Every character maps exactly, except where NFC merges or reorders characters: then
    each folded character of a base letter and its combining marks spans the letter and
    all its marks. White space is never touched by NFC, which is why words are processed
    one at a time.
    """
    pieces: list[str] = []
    starts: list[int] = []
    ends: list[int] = []

    def emit(out: str, start: int, end: int) -> None:
        if out:
            pieces.append(out)
            starts.extend([start] * len(out))
            ends.extend([end] * len(out))

    for match in _WORD_OR_SPACE.finditer(text):
        word = match.group()
        base = match.start()
        if _nfc(word) == word:
            for offset, char in enumerate(word):
                emit(_fold_char(char), base + offset, base + offset + 1)
            continue
        for offset, piece, normalized in _nfc_segments(word):
            if normalized == piece:
                for inner, char in enumerate(piece):
                    at = base + offset + inner
                    emit(_fold_char(char), at, at + 1)
            else:
                emit(
                    normalized.casefold().translate(_FOLD_TABLE),
                    base + offset,
                    base + offset + len(piece),
                )
    folded = "".join(pieces)
    if "  " in folded:
        # A run of spaces is its first, spanning the whole run.
        folded = _drop(folded, _SPACE_RUN, 1, starts, ends)
    if "\u0301" in folded or "\u0300" in folded:
        # The vowel's span takes in its stress marks.
        folded = _drop(folded, _CYRILLIC_STRESS, 0, starts, ends)
    if not unicodedata.is_normalized("NFC", folded):
        folded = _recompose(folded, starts, ends)
    toned = _place_tones(folded)
    if toned is not folded and not unicodedata.is_normalized("NFC", toned):
        toned = _recompose(toned, starts, ends)
    return toned, OffsetMap(tuple(starts), tuple(ends), len(text))


def _recompose(folded: str, starts: list[int], ends: list[int]) -> str:
    """Return ``folded`` in NFC, as :func:`fold` makes it; ``starts`` and ``ends`` follow,
    each composed character spanning what it was made of."""
    cuts = [i for i, c in enumerate(folded) if i == 0 or unicodedata.combining(c) == 0]
    bounds = list(zip(cuts, [*cuts[1:], len(folded)], strict=True))
    normalized = [unicodedata.normalize("NFC", folded[a:b]) for a, b in bounds]
    whole = unicodedata.normalize("NFC", folded)
    if "".join(normalized) != whole:  # composition across starters (Hangul jamo)
        bounds, normalized = [(0, len(folded))], [whole]
    new_starts: list[int] = []
    new_ends: list[int] = []
    for (a, b), piece in zip(bounds, normalized, strict=True):
        if piece == folded[a:b]:
            new_starts.extend(starts[a:b])
            new_ends.extend(ends[a:b])
        else:
            new_starts.extend([min(starts[a:b])] * len(piece))
            new_ends.extend([max(ends[a:b])] * len(piece))
    starts[:] = new_starts
    ends[:] = new_ends
    return "".join(normalized)


def _drop(
    folded: str, pattern: re.Pattern[str], keep: int, starts: list[int], ends: list[int]
) -> str:
    """Return ``folded`` with what ``pattern`` matches dropped but its first ``keep``
    characters, as :func:`fold` drops it; ``starts`` and ``ends`` lose the same places,
    and the character before what is dropped spans it."""
    matches = list(pattern.finditer(folded))
    kept: list[str] = []
    done = 0
    for match in matches:
        kept.append(folded[done : match.start() + keep])
        done = match.end()
    kept.append(folded[done:])
    for match in reversed(matches):
        first = match.start() + keep
        ends[first - 1] = ends[match.end() - 1]
        del starts[first : match.end()]
        del ends[first : match.end()]
    return "".join(kept)


def is_acronym(form: str) -> bool:
    """Return True for a form written as capital letters alone ("PM", "SBV", "МОБ")."""
    return len(form) >= 2 and form.isalpha() and form.isupper()


def is_short_name(form: str) -> bool:
    """Return True for an acronym, or a one-word name with capitals inside it, as bodies
    shorten their names ("VNPower", "PetroVietnam", "EVNNPT"): written after the full name
    in brackets or on its own, no other rendering of it."""
    if is_acronym(form):
        return True
    return (
        " " not in form
        and form[:1].isupper()
        and sum(1 for char in form[1:] if char.isupper()) >= 1
        and form.replace("-", "").isalnum()
    )

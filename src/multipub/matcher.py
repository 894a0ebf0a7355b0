"""Finding every glossary form in a text at once: one Aho-Corasick automaton per language.

The automaton scans the :func:`~multipub.text.fold`-ed text (NFC, case, Arabic letter
variants, digits, tone placement) without Latin diacritics. The language rules are
applied to each match:

* word boundaries: the characters around a match must not be letters or digits, except
  for Chinese, Japanese and Thai forms (no spaces between words). In a language written
  with diacritics (Vietnamese), whose texts are rewritten word by word anyway, the
  automaton itself checks them: punctuation becomes a space in the text and the keys are
  padded with spaces, which spares the matches of a name inside a longer one;
* Arabic: the attached clitics و ف ب ل ك and the article ال may stand before a form in
  the same word ("وبحضور", and "للجنة" for ل + اللجنة);
* Latin script: each form is also looked for without its diacritics ("Nguyen" finds
  "Nguyễn"), and in Latin-script languages a person's or place's Vietnamese spelling is
  looked for too; such mentions say that the diacritics do not agree;
* Russian-like languages: words are cut to a stem first, so "Нгуен Фу Чонга" and
  "премьер-министра" match their nominative forms.

Overlapping matches are all collected, filtered by those rules, and then the
leftmost-longest win: "Phó Bí thư Thường trực Tỉnh ủy" hides the "Tỉnh ủy" inside it.
Every match is reported as a span of the original text. :meth:`Matcher.find_many` runs
the automaton once over many texts (a variant's blocks, a batch of articles).

Building a matcher for 100,000 entries takes well under a second: the forms are folded
in one pass over all of them, the automaton stores integers, and the details a match
needs about its form are made the first time the form is found.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from array import array
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache, partial
from itertools import accumulate
from operator import itemgetter
from typing import Any, NamedTuple, Protocol

from multipub.config import primary_subtag
from multipub.glossary import Glossary
from multipub.text import OffsetMap, fold, fold_many, fold_with_offsets

__all__ = [
    "FormStatus",
    "GlossaryIndex",
    "Matcher",
    "Mention",
    "strip_marks",
]


class FormStatus(StrEnum):
    """Which of an entry's forms a mention used."""

    PREFERRED = "preferred"
    FEMININE = "feminine"
    ACCEPTED = "accepted"
    FORBIDDEN = "forbidden"


class Mention(NamedTuple):
    """One occurrence of a glossary form in a text. (A named tuple: a glossary run makes
    one per mention, and a tuple is made three times faster than a frozen dataclass.)"""

    entry: str
    form: str
    status: FormStatus
    start: int
    end: int
    text: str
    exact: bool  # False when only the letters agree, not the diacritics ("Nguyen"/"Nguyễn")


# --- match text ---------------------------------------------------------------------------

_WORD = re.compile(r"\w+")
_CONTINUOUS = re.compile(
    "[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
    "\uac00-\ud7af]"
)
_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f]")
_CYRILLIC = re.compile("[\u0400-\u04ff]")


def _build_strip_table() -> dict[int, str]:
    """Return a table mapping every precomposed Latin letter to its base letter."""
    table: dict[int, str] = {ord("đ"): "d", ord("Đ"): "D"}
    for code in list(range(0x00C0, 0x0250)) + list(range(0x1E00, 0x1F00)):
        char = chr(code)
        base = unicodedata.normalize("NFD", char)[0]
        if base != char and base.isascii() and base.isalpha():
            table[code] = base
    return table


_STRIP_TABLE = _build_strip_table()
_STRIPPABLE = re.compile("[" + "".join(chr(c) for c in _STRIP_TABLE) + "]")


def strip_marks(folded: str) -> str:
    """Return ``folded`` with Latin diacritics removed, one character for one (đ -> d)."""
    return folded.translate(_STRIP_TABLE) if _STRIPPABLE.search(folded) else folded


class _WordMemo(dict[str, str]):
    """A function of one word, remembered: looking a word up is a plain dict lookup (a
    third of what an ``lru_cache`` call costs, which matters at a few hundred words per
    block). Cleared whole when it grows past ``limit``: a vocabulary is not kept for ever."""

    def __init__(self, function: Callable[[str], str], limit: int = 100_000) -> None:
        super().__init__()
        self._function = function
        self._limit = limit

    def __missing__(self, word: str) -> str:
        if len(word) > _LONGEST_REMEMBERED:
            return self._function(word)  # a clause of Chinese, a URL: rarely seen twice
        if len(self) >= self._limit:
            self.clear()
        value = self[word] = self._function(word)
        return value


# Longer tokens are not kept, so that a memo's size stays bounded in characters too.
_LONGEST_REMEMBERED = 64


# Russian inflectional endings, longest first; a stem keeps at least two letters so that
# short Vietnamese syllables ("То", "Ле", "Ву") are never cut.
_RU_ENDINGS = sorted(
    (
        *("ами", "ями", "ого", "его", "ому", "ему", "ыми", "ими", "ых", "их", "ой", "ей", "ий"),
        *("ый", "ая", "яя", "ое", "ее", "ую", "юю", "ом", "ем", "ам", "ям", "ах", "ях", "ов"),
        *("ев", "ью", "а", "я", "о", "е", "ы", "и", "у", "ю", "ь", "й"),
    ),
    key=len,
    reverse=True,
)


def _ru_stem(word: str) -> str:
    if not _CYRILLIC.search(word):
        return word
    for ending in _RU_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 2:
            return word[: -len(ending)]
    return word


class MatchText(Protocol):
    """A text as the automaton sees it (``text``), with the way back to the original."""

    @property
    def text(self) -> str:
        """Return the text the automaton scans."""
        ...

    @property
    def original(self) -> str:
        """Return the text as written."""
        ...

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Return the original span of match-text ``[start, end)``."""
        ...

    def seen(self, start: int, end: int) -> str:
        """Return the folded words of match-text ``[start, end)`` with their diacritics."""
        ...

    def word_start(self, pos: int) -> int:
        """Return where the word holding match-text position ``pos`` starts."""
        ...


@dataclass(slots=True)
class _PlainText:
    """Match text for most languages: " T ", where T is the folded text without Latin
    diacritics, one character for one (position k is the folded text's k - 1); in the
    EDGES layout (see :class:`_Mode`) every character that is not a letter or digit is a
    space too. The map back to the original text is computed on the first match only."""

    text: str
    folded: str
    original: str
    _identity: bool | None = None
    _fold_map: OffsetMap | None = None

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        start, end = start - 1, end - 1
        if self._identity is None:
            text = self.original
            # Same length and no NFC change: every folding step was one character for one.
            self._identity = len(self.folded) == len(text) and unicodedata.is_normalized(
                "NFC", text
            )
        if self._identity:
            return start, end
        if self._fold_map is None:
            self._fold_map = fold_with_offsets(self.original)[1]
        return self._fold_map.to_original(start, end)

    def seen(self, start: int, end: int) -> str:
        return self.folded[start - 1 : end - 1]

    def word_start(self, pos: int) -> int:
        text = self.text
        while pos > 0 and text[pos - 1].isalnum():
            pos -= 1
        return pos


@dataclass(slots=True)
class _StemmedText:
    """Match text for Russian-like languages: " stem stem ... ", one per word of the
    folded text. Where each word starts, in both texts, is worked out on the first match
    only: most blocks have none, and the stems alone are a third of the cost."""

    text: str
    folded: str
    original: str
    _folded_spans: list[tuple[int, int]] | None = None
    _fold_map: OffsetMap | None = None
    _identity: bool | None = None

    def _spans(self) -> list[tuple[int, int]]:
        """Return each word's span in the folded text (word k is stem k)."""
        if self._folded_spans is None:
            self._folded_spans = [m.span() for m in _WORD.finditer(self.folded)]
        return self._folded_spans

    def _word_at(self, pos: int) -> int:
        # " s0 s1 s2 ": a position in stem k has k + 1 spaces at or before it.
        return self.text.count(" ", 0, pos + 1) - 1

    def _span(self, start: int, end: int) -> tuple[int, int, int, int]:
        """Return the first and last word of match-text ``[start, end)``, and the folded
        span from the match's start to the end of its last word (the ending included)."""
        spans = self._spans()
        first, last = self._word_at(start), self._word_at(end - 1)
        stem_start = self.text.rfind(" ", 0, start + 1) + 1
        return first, last, spans[first][0] + (start - stem_start), spans[last][1]

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        # A match ends at the end of a stem; the span takes the whole word, ending included.
        _, _, folded_start, folded_end = self._span(start, end)
        if self._identity is None:
            text = self.original
            self._identity = len(self.folded) == len(text) and unicodedata.is_normalized(
                "NFC", text
            )
        if self._identity:
            return folded_start, folded_end
        if self._fold_map is None:
            self._fold_map = fold_with_offsets(self.original)[1]
        return self._fold_map.to_original(folded_start, folded_end)

    def seen(self, start: int, end: int) -> str:
        first, last, _, _ = self._span(start, end)
        spans, folded = self._spans(), self.folded
        if first == last:
            return folded[spans[first][0] : spans[first][1]]
        return " ".join([folded[a:b] for a, b in spans[first : last + 1]])

    def word_start(self, pos: int) -> int:
        return self.text.rfind(" ", 0, pos + 1) + 1


def _ru_word_key(word: str) -> str:
    return _ru_stem(strip_marks(word))


_ru_key = _WordMemo(_ru_word_key).__getitem__


# Texts matched together are joined with NUL: no key holds it, and it is no letter or
# digit, so it bounds words like the edge of a text.
_TEXT_SEPARATOR = "\x00"
_STEM_TOKEN = re.compile(r"[\w\x00]+")  # NUL stands between spaces: a token of its own


# Not a letter or digit (the complement of str.isalnum), except the NUL between texts.
_NOT_LETTER_OR_DIGIT = re.compile(r"[^\w\x00]|_")


class _Mode(StrEnum):
    """How a language's texts and keys are laid out for the automaton."""

    # Word edges in the automaton: punctuation is a space in the match text and keys of
    # forms bounded by word edges are padded with spaces. For languages written with
    # diacritics (Vietnamese), whose texts go through the word memo anyway: that costs
    # nothing there and spares a third of the matches (a name inside a longer one).
    EDGES = "edges"
    # Word edges tested per match: texts without diacritics are not rewritten at all.
    PLAIN = "plain"
    STEM = "stem"  # Russian-like languages: word stems, padded


def _scan_word(token: str) -> str:
    """Return a space-free token of folded text as EDGES match text has it: without
    Latin diacritics, what is not a letter or digit as a space (one character for one)."""
    return _NOT_LETTER_OR_DIGIT.sub(" ", strip_marks(token))


_SCAN_WORD = _WordMemo(_scan_word)
_STRIPPED_WORD = _WordMemo(strip_marks)


def _words_through(memo: _WordMemo, text: str) -> str:
    # Token by token through a memo: a vocabulary is small, while a regex or translate()
    # over every character of every block is not cheap.
    return " ".join(map(memo.__getitem__, text.split(" ")))


def _match_texts(folded: Sequence[str], mode: _Mode) -> list[str]:
    """Return the match text of each folded text (see :class:`_PlainText` and
    :class:`_StemmedText`), made in one pass over all of them: NUL tokens between them
    keep a key from running across two texts."""
    if mode is _Mode.PLAIN:
        # Only the texts with diacritics are rewritten (stripped word by word).
        return [
            f" {_words_through(_STRIPPED_WORD, f) if _STRIPPABLE.search(f) else f} " for f in folded
        ]
    if not folded:
        return []
    # NUL separates the texts: one inside a text is a word edge like any other.
    joined = (
        folded[0]
        if len(folded) == 1 and _TEXT_SEPARATOR not in folded[0]
        else f" {_TEXT_SEPARATOR} ".join(
            [f.replace(_TEXT_SEPARATOR, " ") if _TEXT_SEPARATOR in f else f for f in folded]
        )
    )
    if mode is _Mode.STEM:
        scanned = " ".join(map(_ru_key, _STEM_TOKEN.findall(joined)))
    else:
        # Texts of a language written with diacritics: through the memo, which strips
        # them and turns punctuation into spaces in one lookup per word.
        scanned = _words_through(_SCAN_WORD, joined)
    return [f" {scanned} "] if len(folded) == 1 else f" {scanned} ".split(_TEXT_SEPARATOR)


def _prepared(text: str, folded: str, scan: str, mode: _Mode) -> MatchText:
    if mode is _Mode.STEM:
        return _StemmedText(scan, folded, text)
    return _PlainText(scan, folded, text)


def _mode_of(lang: str, exacts: Sequence[str] = ()) -> _Mode:
    """Return the layout for ``lang``: stems for Russian-like languages, word edges in
    the automaton where most forms carry Latin diacritics."""
    if primary_subtag(lang) in _STEMMED:
        return _Mode.STEM
    # The first forms tell: a language's forms are written alike.
    sample = exacts[:_MODE_SAMPLE]
    marked = sum(1 for exact in sample if _STRIPPABLE.search(exact) is not None)
    return _Mode.EDGES if sample and 2 * marked >= len(sample) else _Mode.PLAIN


_MODE_SAMPLE = 2000


_STEMMED = frozenset({"ru", "uk", "be", "bg"})


# --- automaton backends -------------------------------------------------------------------


class _Automaton(Protocol):
    def find(self, haystack: str) -> Iterable[tuple[int, int, int]]:
        """Yield (pattern index, start, end) for every match, overlapping ones included."""
        ...


class _PyAhoCorasick:
    def __init__(self, patterns: Sequence[str]) -> None:
        import ahocorasick

        # Integer values (the pattern's index): a tuple per pattern made adding 100,000
        # patterns four times slower. Lengths are kept beside the automaton.
        self._automaton: Any = ahocorasick.Automaton(ahocorasick.STORE_INTS)
        for index, pattern in enumerate(patterns):
            self._automaton.add_word(pattern, index)
        self._lengths = array("I", map(len, patterns))
        if patterns:
            self._automaton.make_automaton()
        self._empty = not patterns

    def find(self, haystack: str) -> Iterable[tuple[int, int, int]]:
        if self._empty:
            return []
        lengths = self._lengths
        # One comprehension over the C iterator: a generator here cost a third of the time.
        return [(i, end + 1 - lengths[i], end + 1) for end, i in self._automaton.iter(haystack)]


class _AhoCorasickRs:
    def __init__(self, patterns: Sequence[str]) -> None:
        import ahocorasick_rs

        self._empty = not patterns
        if patterns:
            self._automaton: Any = ahocorasick_rs.AhoCorasick(
                list(patterns), matchkind=ahocorasick_rs.MatchKind.Standard
            )

    def find(self, haystack: str) -> Iterable[tuple[int, int, int]]:
        if self._empty:
            return []
        result: Iterable[tuple[int, int, int]] = self._automaton.find_matches_as_indexes(
            haystack, overlapping=True
        )
        return result


BACKENDS: dict[str, Callable[[Sequence[str]], _Automaton]] = {
    "pyahocorasick": _PyAhoCorasick,
    "ahocorasick-rs": _AhoCorasickRs,
}
DEFAULT_BACKEND = "pyahocorasick"


# --- the matcher --------------------------------------------------------------------------

_ARABIC_PREFIXES = frozenset(
    (c1 + ("لل" if c2 == "ل" and c3 else c2 + c3))
    for c1 in ("", "و", "ف")
    for c2 in ("", "ب", "ل", "ك")
    for c3 in ("", "ال")
)


class _Boundary(StrEnum):
    WORD = "word"  # not inside a word on either side
    ARABIC = "arabic"  # clitics may stand before it inside the word
    NONE = "none"  # scripts without spaces between words
    STEM = "stem"  # padded stems (Russian): the padding is the boundary


class _Pattern(NamedTuple):
    # A named tuple: a large glossary makes one per form and spelling.
    entry: str
    form: str
    status: FormStatus
    exact_key: str  # the folded form as the glossary writes it, to compare diacritics
    boundary: _Boundary
    needs_lam: bool  # Arabic form whose article was dropped after "ل" ("للجنة")
    agrees: bool | None  # False: a spelling whose diacritics differ from the form's
    rank: int = 0  # order among forms found at one span: preferred first
    # How a match of the key becomes a mention: padding characters to drop at each end,
    # and which word edges are still to be tested (0 none, 1 both, 2 the end only).
    lead: int = 0
    trail: int = 0
    edge_test: int = 0
    marked: bool = False  # the form has Latin diacritics


_SCRIPT_OF_FORM = re.compile(f"({_CONTINUOUS.pattern})|({_ARABIC.pattern})")


@lru_cache(maxsize=4096)
def _boundary_of_letter(letter: str) -> _Boundary | None:
    if not letter.isalpha():
        return None
    found = _SCRIPT_OF_FORM.match(letter)
    if found is None:
        return _Boundary.WORD
    return _Boundary.NONE if found.group(1) else _Boundary.ARABIC


def _boundary_of(form: str) -> _Boundary:
    """Return how a form's edges are checked, from the script of its first letter."""
    # The first letter decides (a cached lookup): scanning every form of a 100,000-entry
    # glossary with the script regex was a quarter of the build time.
    boundary = _boundary_of_letter(form[0])
    if boundary is not None:
        return boundary
    found = _SCRIPT_OF_FORM.search(form)
    if found is None:
        return _Boundary.WORD
    return _Boundary.NONE if found.group(1) else _Boundary.ARABIC


_STATUS_RANK = {
    FormStatus.PREFERRED: 0,
    FormStatus.FEMININE: 1,
    FormStatus.ACCEPTED: 2,
    FormStatus.FORBIDDEN: 3,
}
# Latin-script languages in which a Vietnamese name may turn up with its diacritics.
_LATIN_LANGS = frozenset({"en", "fr", "es", "de", "it", "pt", "nl", "id", "ms", "pl", "cs"})
_NAME_KINDS = frozenset({"person", "place"})


_FORM_SEPARATOR = "\x00"
_SPACES_AT_SEPARATOR = re.compile(" *\x00 *")
_SPACE_RUN = re.compile(" {2,}")


def _exact_keys(forms: list[str]) -> list[str]:
    """Return each form folded, white space collapsed: ``" ".join(fold(form).split())``,
    computed over all the forms at once."""
    folded = fold_many(forms)
    joined = _FORM_SEPARATOR.join(folded)
    if joined.count(_FORM_SEPARATOR) != max(len(forms) - 1, 0):
        return [" ".join(f.split()) for f in folded]
    # Substring tests first: a regex walk over megabytes of forms is only for the rare
    # glossary whose forms have doubled or edge spaces.
    if "  " in joined:
        joined = _SPACE_RUN.sub(" ", joined)
    if f" {_FORM_SEPARATOR}" in joined or f"{_FORM_SEPARATOR} " in joined:
        joined = _SPACES_AT_SEPARATOR.sub(_FORM_SEPARATOR, joined)
    joined = joined.strip(" ")
    return joined.split(_FORM_SEPARATOR) if forms else []


def _keys_of(exacts: list[str], mode: _Mode) -> tuple[list[str], list[str]]:
    """Return the automaton key of each exact form, and for each Arabic form with the
    article its key without it (else ""), computed over all the forms joined."""
    if mode is _Mode.STEM:
        # Word stems, padded: the match text is " stem stem ... ". One pass over all the
        # forms, as for texts (a NUL token between two forms).
        pieces = _match_texts(exacts, _Mode.STEM)
        stems = [piece.strip(" ") for piece in pieces]
        return [f" {stem} " if stem else "" for stem in stems], [""] * len(exacts)
    # As the match text has them (see _Mode): without Latin diacritics ("Nguyen" finds
    # "Nguyễn"; whether the diacritics agree is decided per match, so "ban" never
    # stands for "bán"). The separator stands alone between spaces so that words stay
    # whole for the memo.
    memo = _SCAN_WORD if mode is _Mode.EDGES else _STRIPPED_WORD
    spaced = f" {_FORM_SEPARATOR} "
    joined = spaced.join(exacts)
    if mode is _Mode.PLAIN and _STRIPPABLE.search(joined) is None:
        cores = list(exacts)  # nothing to strip (Arabic, Chinese, English...)
    else:
        cores = _words_through(memo, joined).split(spaced) if exacts else []
    if len(cores) != len(exacts):  # a form holding the separator itself
        cores = [_words_through(memo, exact) for exact in exacts]
    if mode is _Mode.EDGES:
        keys = [_padded(core, exact) for core, exact in zip(cores, exacts, strict=True)]
    else:
        keys = cores
    lam = [""] * len(exacts)
    for index, exact in enumerate(exacts):
        if exact.startswith("ال") and len(exact) > 3:
            lam[index] = cores[index][2:] + (" " if mode is _Mode.EDGES else "")
    return keys, lam


def _padded(core: str, exact: str) -> str:
    """Return a key with the spaces its boundaries need: on both sides where the form is
    bounded by word edges, after it only in Arabic (clitics may stand before it, checked
    per match), none in scripts without spaces between words."""
    if not core.strip(" "):
        return ""
    boundary = _boundary_of(exact)
    if boundary is _Boundary.WORD:
        return f" {core} "
    if boundary is _Boundary.ARABIC:
        return f"{core} "
    return core


class Matcher:
    """All forms of one language of a glossary, ready to be found in texts of that language.

    Building one for a glossary of 100,000 entries is the cost that matters: the forms are
    folded in one pass over all of them, each key is stored as a few integers, and the
    per-form details a match needs (:class:`_Pattern`) are made for matched keys only.
    """

    def __init__(self, glossary: Glossary, lang: str, *, backend: str = DEFAULT_BACKEND) -> None:
        self.lang = lang
        primary = primary_subtag(lang)
        self.backend = backend
        # Every form, with its entry and status, in glossary order; a Latin-script
        # language also looks for a name's Vietnamese spelling (its diacritics disagree).
        forms: list[str] = []
        statuses: list[FormStatus] = []
        # Entry k's forms start at forms[entry_starts[k]]: one number per entry rather
        # than the entry's id repeated per form.
        entry_starts: list[int] = []
        entry_ids: list[str] = []
        disagreeing: set[int] = set()
        latin_target = primary in _LATIN_LANGS
        source_lang = glossary.source_lang
        preferred, feminine = FormStatus.PREFERRED, FormStatus.FEMININE
        accepted, forbidden = FormStatus.ACCEPTED, FormStatus.FORBIDDEN
        for entry in glossary.entries:
            terms = entry.terms.get(lang) or entry.terms.get(primary)
            if terms is None:
                continue
            entry_starts.append(len(forms))
            entry_ids.append(entry.id)
            forms.append(terms.preferred)
            statuses.append(preferred)
            if terms.feminine:
                forms.append(terms.feminine)
                statuses.append(feminine)
            if terms.accepted:
                forms.extend(terms.accepted)
                statuses.extend([accepted] * len(terms.accepted))
            if terms.forbidden:
                forms.extend(terms.forbidden)
                statuses.extend([forbidden] * len(terms.forbidden))
            if latin_target and entry.kind.value in _NAME_KINDS:
                source = entry.forms(source_lang)
                if source is not None and source.preferred != terms.preferred:
                    disagreeing.add(len(forms))
                    forms.append(source.preferred)
                    statuses.append(preferred)
        self._forms, self._statuses = forms, statuses
        self._entry_starts, self._entry_ids = entry_starts, entry_ids
        self._disagreeing = disagreeing
        self._exacts = _exact_keys(forms)
        # Decided by the language's own forms, not the Vietnamese spellings added above.
        own = [e for i, e in enumerate(self._exacts[:_MODE_SAMPLE]) if i not in disagreeing]
        self._mode = _mode_of(lang, own)
        keys = self._match_keys(self._exacts)
        # Key -> index; per key its first form (index * 2, + 1 when the Arabic article
        # was dropped after "ل"), further forms of the same key in ``_more``.
        key_ids: dict[str, int] = {}
        first: list[int] = []
        more: dict[int, list[int]] = {}
        for code, key in enumerate(keys):
            if not key:
                continue
            key_id = key_ids.setdefault(key, len(first))
            if key_id == len(first):
                first.append(code)
            else:
                more.setdefault(key_id, []).append(code)
        self._first, self._more = first, more
        self._size = len(key_ids)
        self._pattern_cache: dict[int, list[_Pattern]] = {}
        self._automaton: _Automaton = BACKENDS[backend](list(key_ids))

    def _match_keys(self, exacts: list[str]) -> list[str]:
        """Return the automaton key of each form, then of each Arabic form whose article
        may be dropped after "ل" ("للجنة"): index ``2k`` is form k's key, ``2k + 1`` its
        article-less key or "" (so a key's code says which form and how)."""
        plain, lam = _keys_of(exacts, self._mode)
        keys: list[str] = [""] * (2 * len(plain))
        keys[0::2] = plain
        keys[1::2] = lam
        return keys

    def _patterns(self, key_id: int) -> list[_Pattern]:
        """Return the forms found under automaton key ``key_id``, made on first use."""
        found = self._pattern_cache.get(key_id)
        if found is None:
            codes = [self._first[key_id], *self._more.get(key_id, ())]
            found = self._pattern_cache[key_id] = [self._pattern(code) for code in codes]
        return found

    def _pattern(self, code: int) -> _Pattern:
        index, needs_lam = divmod(code, 2)
        exact = self._exacts[index]
        status = self._statuses[index]
        boundary = _Boundary.STEM if self._mode is _Mode.STEM else _boundary_of(exact)
        agrees = False if index in self._disagreeing else None
        entry_id = self._entry_ids[bisect.bisect_right(self._entry_starts, index) - 1]
        lead = trail = edge_test = 0
        if boundary is _Boundary.STEM or (self._mode is _Mode.EDGES and boundary is _Boundary.WORD):
            lead = trail = 1  # the key's padding spaces
        elif self._mode is _Mode.EDGES and boundary is _Boundary.ARABIC:
            trail = 1
        elif boundary is _Boundary.WORD:
            edge_test = 1
        elif boundary is _Boundary.ARABIC:
            edge_test = 2
        return _Pattern(
            entry_id,
            self._forms[index],
            status,
            exact,
            boundary,
            bool(needs_lam),
            agrees,
            _STATUS_RANK[status],
            lead,
            trail,
            edge_test,
            _STRIPPABLE.search(exact) is not None,
        )

    def __len__(self) -> int:
        return self._size

    def find(self, text: str) -> list[Mention]:
        """Return the mentions in ``text``, leftmost-longest, in text order."""
        folded = fold(text)
        scan = _match_texts([folded], self._mode)[0]
        matches = self._automaton.find(scan)
        if not matches:
            return []
        return self._mentions(_prepared(text, folded, scan, self._mode), matches, 0)

    def find_many(self, texts: Sequence[str]) -> list[list[Mention]]:
        """Return the mentions in each of ``texts`` (as :meth:`find` would), with one pass
        of the automaton over all of them: the blocks of a variant, a batch of articles.
        Large batches are folded in one pass too (:func:`~multipub.text.fold_many`)."""
        folded = fold_many(texts) if len(texts) > _FOLD_ONE_BY_ONE else [fold(t) for t in texts]
        scans = _match_texts(folded, self._mode)
        found: list[list[Mention]] = [[] for _ in texts]
        if not scans:
            return found
        matches = list(self._automaton.find(_TEXT_SEPARATOR.join(scans)))
        if not matches:
            return found
        if len(texts) == 1:
            prepared = _prepared(texts[0], folded[0], scans[0], self._mode)
            return [self._mentions(prepared, matches, 0)]
        # The automaton reports matches in the order they end, so those of one text come
        # together: each text gets its run of them (no key holds the separator).
        matches.sort(key=_END)  # already sorted: a linear check
        # Text k's match text starts at bases[k] in the joined text (+1: the separator).
        bases = [0, *accumulate(len(scan) + 1 for scan in scans)]
        first = 0
        while first < len(matches):
            k = bisect.bisect_right(bases, matches[first][1]) - 1
            last = bisect.bisect_left(matches, bases[k + 1], first, key=_END)
            prepared = _prepared(texts[k], folded[k], scans[k], self._mode)
            found[k] = self._mentions(prepared, matches[first:last], bases[k])
            first = last
        return found

    def _mentions(
        self, prepared: MatchText, matches: Iterable[tuple[int, int, int]], base: int
    ) -> list[Mention]:
        """Return the mentions that the automaton's ``matches`` make in ``prepared``,
        whose match text starts at ``base`` in the text the automaton scanned."""
        # (start, -end, rank, entry, diacritics, count, pattern), sorted as they are: leftmost,
        # then longest, then the form written (stems and stripped diacritics let
        # заведующий/заведующая share a span), then by status. diacritics: True agree,
        # False one side has none.
        candidates = self._candidates(prepared, matches, base)
        if not candidates:
            return []
        if len(candidates) > 1:
            candidates.sort()
        mentions: list[Mention] = []
        taken_start = taken_end = -1
        entries_at_taken: list[str] = []
        original = prepared.original
        for start, negative_end, _, _, agreement, _, pattern in candidates:
            end = -negative_end
            same_span = start == taken_start and end == taken_end
            # A later candidate with the very span of the winner is the same form listed by
            # another entry: keep it too, the text is ambiguous between them.
            if start < taken_end and (not same_span or pattern.entry in entries_at_taken):
                continue
            if not same_span:
                entries_at_taken = []
            a, b = prepared.to_original(start, end)
            mentions.append(
                _new_mention(
                    (pattern.entry, pattern.form, pattern.status, a, b, original[a:b], agreement)
                )
            )
            taken_start, taken_end = start, end
            entries_at_taken.append(pattern.entry)
        return mentions

    def _candidates(
        self, prepared: MatchText, matches: Iterable[tuple[int, int, int]], base: int
    ) -> list[tuple[int, int, int, str, bool, int, _Pattern]]:
        """Return the acceptable matches, with the spans of the forms themselves."""
        candidates: list[tuple[int, int, int, str, bool, int, _Pattern]] = []
        text = prepared.text
        size = len(text)
        cache = self._pattern_cache
        # Plain texts: what the text has at a span is a slice of the folded text (position
        # k of the match text is k - 1 there), without a method call per match.
        folded = prepared.folded if isinstance(prepared, _PlainText) else None
        for index, match_start, match_end in matches:
            for pattern in cache.get(index) or self._patterns(index):
                start = match_start - base + pattern.lead
                end = match_end - base - pattern.trail
                edge_test = pattern.edge_test
                if edge_test and (
                    (end < size and text[end].isalnum())
                    or (edge_test == 1 and text[start - 1].isalnum())
                ):
                    continue
                if pattern.boundary is _Boundary.ARABIC and not _clitics_allow(
                    text[prepared.word_start(start) : start], pattern
                ):
                    continue
                seen = (
                    folded[start - 1 : end - 1] if folded is not None else prepared.seen(start, end)
                )
                agreement = pattern.agrees
                if agreement is None:
                    if seen == pattern.exact_key:
                        agreement = True
                    else:
                        agreement = _diacritics(seen, pattern.marked)
                        if agreement is None:
                            continue
                rank = pattern.rank if agreement else pattern.rank + 10
                if seen != pattern.exact_key:
                    # Stems let заведующий and заведующая share a span: the form written
                    # as the text has it wins.
                    rank += 5
                # The running count keeps the sort from ever comparing two patterns.
                candidates.append(
                    (start, -end, rank, pattern.entry, agreement, len(candidates), pattern)
                )
        return candidates


_END = itemgetter(2)
# A Mention made straight from a tuple (the named tuple's own constructor is Python code).
_new_mention = partial(tuple.__new__, Mention)

# Below this many texts, find_many folds them one by one through fold()'s cache (the
# checks have folded an article's blocks already); above, in one pass.
_FOLD_ONE_BY_ONE = 64


def _clitics_allow(prefix: str, pattern: _Pattern) -> bool:
    """Return True when the letters before an Arabic match in its word are clitics."""
    if prefix not in _ARABIC_PREFIXES:
        return False
    if pattern.needs_lam:
        return prefix.endswith("ل")
    # "الجسر" is the article and "جسر"; a form with its own article takes no second one.
    return not (prefix.endswith("ال") and pattern.exact_key.startswith("ال"))


def _diacritics(seen: str, form_marked: bool) -> bool | None:
    """Return, for a text that differs from the form it matched without diacritics, True
    when neither has diacritics (they agree), False when one of them has none (an ASCII
    rendering of the other), None when both do: different words ("bán" is not "bạn")."""
    seen_marked = _STRIPPABLE.search(seen) is not None
    if not seen_marked and not form_marked:
        # Nothing to disagree on: a Russian ending, an Arabic clitic, Chinese.
        return True
    if not seen_marked or not form_marked:
        return False
    return None


class GlossaryIndex:
    """A glossary with its matchers, built once per language on first use and shared by
    every article of a run."""

    def __init__(self, glossary: Glossary, *, backend: str = DEFAULT_BACKEND) -> None:
        self.glossary = glossary
        self.backend = backend
        self.entries = glossary.by_id()
        self.kinds = {entry_id: entry.kind for entry_id, entry in self.entries.items()}
        # Indexes that checks derive from the glossary (names by skeleton...), built once
        # per run and language: checks store them here under a key of their own.
        self.derived: dict[tuple[str, str], Any] = {}
        self._matchers: dict[str, Matcher] = {}

    def matcher(self, lang: str) -> Matcher:
        """Return the matcher for variant language ``lang``."""
        found = self._matchers.get(lang)
        if found is None:
            found = self._matchers[lang] = Matcher(self.glossary, lang, backend=self.backend)
        return found

"""Finding every glossary form in a text at once: one Aho-Corasick automaton per language.

Texts and forms are brought to one *match text* before matching:

* :func:`~multipub.text.fold` (NFC, case, Arabic letter variants, digits, tone placement);
* words only, one space between them and around them, so a form padded with spaces can
  only match whole words (no boundary check after the automaton for most scripts);
* Latin-script letters without diacritics ("Nguyen" finds "Nguyễn"); whether the
  diacritics agree is decided afterwards, per match, so "ban" never matches "bán";
* Russian words cut to a stem, so "Нгуен Фу Чонга" and "премьер-министра" match their
  nominative forms;
* Arabic forms are not padded on the left: the attached clitics و ف ب ل ك and the article
  ال may stand before them in the same word ("وبحضور", "للجنة");
* Chinese, Japanese and Thai forms are not padded at all (no spaces between words).

Overlapping matches are all collected, filtered by those rules, and then the
leftmost-longest win: "Phó Bí thư Thường trực Tỉnh ủy" hides the "Tỉnh ủy" inside it.
Every match is reported as a span of the original text.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from typing import Any, Protocol

from multipub.config import primary_subtag
from multipub.glossary import Entry, Glossary
from multipub.text import OffsetMap, fold, fold_with_offsets

__all__ = [
    "FormStatus",
    "GlossaryIndex",
    "MatchText",
    "Matcher",
    "Mention",
    "build_matcher",
    "match_key",
    "match_text",
    "strip_marks",
]


class FormStatus(StrEnum):
    """Which of an entry's forms a mention used."""

    PREFERRED = "preferred"
    FEMININE = "feminine"
    ACCEPTED = "accepted"
    FORBIDDEN = "forbidden"


@dataclass(frozen=True, slots=True)
class Mention:
    """One occurrence of a glossary form in a text."""

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


@lru_cache(maxsize=65536)
def _ru_stem(word: str) -> str:
    if not _CYRILLIC.search(word):
        return word
    for ending in _RU_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 2:
            return word[: -len(ending)]
    return word


@dataclass(frozen=True, slots=True)
class MatchText:
    """A text as the automaton sees it, with the way back to the original.

    ``text`` is " word word ... "; ``word_starts[k]`` is where word k starts in ``text``,
    ``folded_spans[k]`` its ``[start, end)`` in the folded text, ``exact_words[k]`` its
    folded form with diacritics (for the diacritics check).
    """

    text: str
    word_starts: tuple[int, ...]
    folded_spans: tuple[tuple[int, int], ...]
    exact_words: tuple[str, ...]
    fold_map: OffsetMap | None  # None: folding kept every position (the usual case)
    original: str

    def word_at(self, pos: int) -> int:
        """Return the index of the word holding match-text position ``pos``."""
        return bisect.bisect_right(self.word_starts, pos) - 1

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Return the original span of match-text ``[start, end)`` (whole words at the end)."""
        first, last = self.word_at(start), self.word_at(end - 1)
        folded_start = self.folded_spans[first][0] + (start - self.word_starts[first])
        stem_end = self.word_starts[last] + self._stem_length(last)
        folded_end = (
            self.folded_spans[last][1]
            if end >= stem_end
            else self.folded_spans[last][0] + (end - self.word_starts[last])
        )
        if self.fold_map is None:
            return folded_start, folded_end
        return self.fold_map.to_original(folded_start, folded_end)

    def _stem_length(self, word: int) -> int:
        following = (
            self.word_starts[word + 1] - 1
            if word + 1 < len(self.word_starts)
            else len(self.text) - 1
        )
        return following - self.word_starts[word]


def _fold_fast_or_mapped(text: str) -> tuple[str, OffsetMap | None]:
    folded = fold(text)
    if len(folded) == len(text) and unicodedata.is_normalized("NFC", text):
        # Same length and no NFC change: every folding step was one character for one.
        return folded, None
    return fold_with_offsets(text)


def match_text(text: str, *, stem_russian: bool = False) -> MatchText:
    """Return ``text`` prepared for matching (see the module docstring)."""
    folded, fold_map = _fold_fast_or_mapped(text)
    pieces: list[str] = []
    starts: list[int] = []
    spans: list[tuple[int, int]] = []
    exact: list[str] = []
    position = 1
    for match in _WORD.finditer(folded):
        word = match.group()
        exact.append(word)
        key = strip_marks(word)
        if stem_russian:
            key = _ru_stem(key)
        pieces.append(key)
        starts.append(position)
        spans.append(match.span())
        position += len(key) + 1
    return MatchText(
        " " + " ".join(pieces) + " ",
        tuple(starts),
        tuple(spans),
        tuple(exact),
        fold_map,
        text,
    )


def match_key(form: str, *, stem_russian: bool = False) -> str:
    """Return the match-text form of a glossary form, without the padding."""
    words = [strip_marks(w) for w in _WORD.findall(fold(form))]
    if stem_russian:
        words = [_ru_stem(w) for w in words]
    return " ".join(words)


# --- automaton backends -------------------------------------------------------------------


class _Automaton(Protocol):
    def find(self, haystack: str) -> Iterable[tuple[int, int, int]]:
        """Yield (pattern index, start, end) for every match, overlapping ones included."""
        ...


class _PyAhoCorasick:
    def __init__(self, patterns: Sequence[str]) -> None:
        import ahocorasick

        self._lengths = [len(p) for p in patterns]
        self._automaton: Any = ahocorasick.Automaton()
        for index, pattern in enumerate(patterns):
            self._automaton.add_word(pattern, index)
        if patterns:
            self._automaton.make_automaton()
        self._empty = not patterns

    def find(self, haystack: str) -> Iterable[tuple[int, int, int]]:
        if self._empty:
            return
        lengths = self._lengths
        for end, index in self._automaton.iter(haystack):
            yield index, end + 1 - lengths[index], end + 1


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


@dataclass(frozen=True, slots=True)
class _Pattern:
    entry: str
    form: str
    status: FormStatus
    exact_key: str  # the folded form with diacritics, words joined by one space
    left_open: bool  # Arabic: clitics may stand before it inside the word
    needs_lam: bool  # Arabic form whose article was dropped after "ل" ("للجنة")
    padded: bool


def _script_policy(form: str) -> tuple[bool, bool]:
    """Return (padded, arabic) for a form."""
    if _CONTINUOUS.search(form):
        return False, False
    return True, bool(_ARABIC.search(form))


_STATUS_RANK = {
    FormStatus.PREFERRED: 0,
    FormStatus.FEMININE: 1,
    FormStatus.ACCEPTED: 2,
    FormStatus.FORBIDDEN: 3,
}


class Matcher:
    """All forms of one language of a glossary, ready to be found in texts of that language."""

    def __init__(self, glossary: Glossary, lang: str, *, backend: str = DEFAULT_BACKEND) -> None:
        self.lang = lang
        self.stem_russian = primary_subtag(lang) in {"ru", "uk", "be", "bg"}
        keys: dict[str, list[_Pattern]] = {}
        for entry in glossary.entries:
            forms = entry.forms(lang)
            if forms is None:
                continue
            for form, status in _forms_with_status(forms):
                self._add(keys, entry, form, status)
        self._keys = list(keys)
        self._patterns = [keys[k] for k in self._keys]
        self._automaton: _Automaton = BACKENDS[backend](self._keys)

    def _add(
        self, keys: dict[str, list[_Pattern]], entry: Entry, form: str, status: FormStatus
    ) -> None:
        key = match_key(form, stem_russian=self.stem_russian)
        if not key:
            return
        padded, arabic = _script_policy(form)
        exact_key = " ".join(_WORD.findall(fold(form)))
        variants = [(key, False)]
        if arabic and key.startswith("ال") and len(key) > 3:
            variants.append((key[2:], True))
        for variant, needs_lam in variants:
            if padded:
                variant = (variant + " ") if arabic else f" {variant} "
            pattern = _Pattern(entry.id, form, status, exact_key, arabic, needs_lam, padded)
            keys.setdefault(variant, []).append(pattern)

    def __len__(self) -> int:
        return len(self._keys)

    def find(self, text: str) -> list[Mention]:
        """Return the mentions in ``text``, leftmost-longest, in text order."""
        prepared = match_text(text, stem_russian=self.stem_russian)
        return self.find_in(prepared)

    def find_in(self, prepared: MatchText) -> list[Mention]:
        """Return the mentions in an already prepared text (see :func:`match_text`)."""
        candidates: list[tuple[int, int, bool, int, _Pattern]] = []
        haystack = prepared.text
        for index, start, end in self._automaton.find(haystack):
            for pattern in self._patterns[index]:
                span = self._accept(prepared, pattern, start, end)
                if span is not None:
                    # Stems and stripped diacritics can make several forms of one entry
                    # match one span (заведующий/заведующая): the form written wins.
                    identical = self._seen(prepared, *span) == pattern.exact_key
                    rank = _STATUS_RANK[pattern.status]
                    candidates.append((span[0], span[1], not identical, rank, pattern))
        if not candidates:
            return []
        candidates.sort(key=lambda c: (c[0], c[0] - c[1], c[2], c[3], c[4].entry))
        mentions: list[Mention] = []
        taken: tuple[int, int] = (-1, -1)
        entries_at_taken: set[str] = set()
        for start, end, _, _, pattern in candidates:
            # A later candidate with the very span of the winner is the same form listed by
            # another entry: keep it too, the text is ambiguous between them.
            if start < taken[1] and ((start, end) != taken or pattern.entry in entries_at_taken):
                continue
            if (start, end) != taken:
                entries_at_taken = set()
            exact = self._diacritics(prepared, pattern, start, end)
            if exact is None:
                continue
            a, b = prepared.to_original(start, end)
            mentions.append(
                Mention(
                    pattern.entry, pattern.form, pattern.status, a, b, prepared.original[a:b], exact
                )
            )
            taken = (start, end)
            entries_at_taken.add(pattern.entry)
        return mentions

    @staticmethod
    def _seen(prepared: MatchText, start: int, end: int) -> str:
        first, last = prepared.word_at(start), prepared.word_at(end - 1)
        return " ".join(prepared.exact_words[first : last + 1])

    def _accept(
        self, prepared: MatchText, pattern: _Pattern, start: int, end: int
    ) -> tuple[int, int] | None:
        """Return the match-text span of an acceptable match (padding excluded), or None."""
        if pattern.padded and not pattern.left_open:
            return start + 1, end - 1
        if pattern.left_open:
            end -= 1  # trailing space
            word = prepared.word_at(start)
            prefix = prepared.text[prepared.word_starts[word] : start]
            if prefix not in _ARABIC_PREFIXES:
                return None
            if pattern.needs_lam and not prefix.endswith("ل"):
                return None
            if not pattern.needs_lam and prefix.endswith("ال"):
                return None
            return start, end
        return start, end

    def _diacritics(
        self, prepared: MatchText, pattern: _Pattern, start: int, end: int
    ) -> bool | None:
        """Return True when text and form agree in diacritics, False when one of them has
        none (an ASCII rendering of the other), None when they are different words."""
        seen = self._seen(prepared, start, end)
        if seen == pattern.exact_key:
            return True
        seen_marked = strip_marks(seen) != seen
        form_marked = strip_marks(pattern.exact_key) != pattern.exact_key
        if not seen_marked and not form_marked:
            # Nothing to disagree on: a Russian ending, an Arabic clitic, Chinese.
            return True
        if not seen_marked or not form_marked:
            return False
        return None


def _forms_with_status(forms: Any) -> list[tuple[str, FormStatus]]:
    out = [(forms.preferred, FormStatus.PREFERRED)]
    if forms.feminine:
        out.append((forms.feminine, FormStatus.FEMININE))
    out.extend((f, FormStatus.ACCEPTED) for f in forms.accepted)
    out.extend((f, FormStatus.FORBIDDEN) for f in forms.forbidden)
    return out


def build_matcher(glossary: Glossary, lang: str, *, backend: str = DEFAULT_BACKEND) -> Matcher:
    """Return the matcher of ``glossary`` for language ``lang``."""
    return Matcher(glossary, lang, backend=backend)


class GlossaryIndex:
    """A glossary with its matchers, built once per language on first use and shared by
    every article of a run."""

    def __init__(self, glossary: Glossary, *, backend: str = DEFAULT_BACKEND) -> None:
        self.glossary = glossary
        self.backend = backend
        self.entries = glossary.by_id()
        self._matchers: dict[str, Matcher] = {}

    def matcher(self, lang: str) -> Matcher:
        """Return the matcher for variant language ``lang``."""
        found = self._matchers.get(lang)
        if found is None:
            found = self._matchers[lang] = Matcher(self.glossary, lang, backend=self.backend)
        return found

"""Finding every glossary form in a text at once: one Aho-Corasick automaton per language.

Texts and forms are compared :func:`~multipub.text.fold`-ed (NFC, case, Arabic letter
variants, digits, tone placement). Each language is scanned in one of three layouts
(:class:`_Mode`):

* plain (Arabic, Chinese, English and most languages): the automaton scans the folded
  text without Latin diacritics, and the language rules are applied to each match: word
  boundaries (the characters around a match must not be letters or digits), except for
  Chinese, Japanese and Thai forms (no spaces between words); Arabic attached clitics
  (و ف ب ل ك and the article ال may stand before a form in the same word: "وبحضور",
  and "للجنة" for ل + اللجنة); and diacritics, which decide after matching: "Nguyen"
  finds "Nguyễn" in an English text, flagged as not exact. In Latin-script languages a
  person's or place's Vietnamese spelling is looked for too;
* words (Vietnamese): the automaton scans the text coded character for character, each
  word as a code of its own length (see :class:`_AlignedCoder`), so a match is whole
  words by construction; diacritics decide after matching, as in the plain layout:
  "Tinh uy" finds "Tỉnh ủy" as not exact, "tình ủy" (another word) not at all;
* stems (Russian-like languages): one code per word stem (see :class:`_StemCoder`), so
  "Нгуен Фу Чонга" and "премьер-министра" match their nominative forms.

Among overlapping matches the leftmost-longest win: "Phó Bí thư Thường trực Tỉnh ủy"
hides the "Tỉnh ủy" inside it. In the word layouts the matches are sorted and taken
before any per-match work, which a match inside one already taken is spared. Every
match is reported as a span of the original text.
:meth:`Matcher.find_many` runs the automaton once over many texts (a variant's blocks, a
batch of articles).

Building a matcher for 100,000 entries takes well under a second: the forms are folded
and coded in one pass over all of them, the automaton stores integers, and the details a
match needs about its form are made the first time the form is found.
"""

from __future__ import annotations

import bisect
import contextlib
import hashlib
import os
import re
import sys
import unicodedata
from array import array
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache, partial
from importlib import metadata
from itertools import accumulate, islice, product
from operator import itemgetter
from pathlib import Path
from typing import Any, NamedTuple, Protocol

from multipub._version import __version__
from multipub.glossary import NAME_SLOT, EntryKind, Glossary
from multipub.lang import (
    Clitics,
    Profile,
    letter_class,
    primary_subtag,
    profile,
    profiles,
    script_of,
    writes,
)
from multipub.lang import scripts as lang_scripts
from multipub.text import OffsetMap, fold, fold_many, fold_with_offsets, folds_in_place

__all__ = [
    "CACHE_MIN_FORMS",
    "HOUSE_FORMS",
    "FormStatus",
    "GlossaryIndex",
    "Matcher",
    "Mention",
    "cache_dir",
    "plural_words",
    "strip_marks",
]


class FormStatus(StrEnum):
    """Which of an entry's forms a mention used."""

    PREFERRED = "preferred"
    FEMININE = "feminine"
    PLURAL = "plural"  # a plural or dual the glossary lists (Arabic broken plurals)
    ACCEPTED = "accepted"
    FORBIDDEN = "forbidden"


# The statuses of the house rendering itself, in whichever gender or number: one
# rendering when consistency is judged (MP104, the names score).
HOUSE_FORMS = frozenset({FormStatus.PREFERRED, FormStatus.FEMININE, FormStatus.PLURAL})


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


# --- folded text ----------------------------------------------------------------------------


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


class _Stemmer:
    """Cuts the case ending off a word of a language with ``matching.endings`` (Russian):
    the longest ending that leaves ``min_stem`` letters and one more, else the longest that
    leaves ``min_stem``, so that short Vietnamese syllables ("То", "Ле", "Ву") are never
    cut. Words of another script are left whole."""

    def __init__(
        self,
        endings: Sequence[str],
        min_stem: int,
        script_letter: str,
        same_letters: dict[str, str] | None = None,
    ) -> None:
        self._endings = sorted(endings, key=len, reverse=True)
        self._min_stem = min_stem
        self._same = str.maketrans(same_letters or {})
        self._own_script = re.compile(script_letter)
        self.key = _WordMemo(self._word_key).__getitem__

    def _stem(self, word: str) -> str:
        if not self._own_script.search(word):
            return word
        # First the longest ending that leaves a letter more than the shortest stem, then
        # any: "Тхая" (of "Тхай") is "Тха" + "я", not "Тх" + "ая", while "Аном" (of "Ан")
        # is still "Ан" + "ом".
        for shortest in (self._min_stem + 1, self._min_stem):
            for ending in self._endings:
                if word.endswith(ending) and len(word) - len(ending) >= shortest:
                    return word[: -len(ending)]
        return word

    def _word_key(self, word: str) -> str:
        if word.isascii():
            return word  # a number, a Latin word: nothing to strip or stem
        return self._stem(strip_marks(word).translate(self._same))


def plural_words(word: str, language: Profile | None) -> list[str]:
    """Return the plurals the profile's plural endings and word changes make of ``word``
    ("device": "devices", "devicees"; "deputy": "deputys", "deputies"), some of them no
    words at all, which no text holds; none for a language without plural endings."""
    if language is None or not language.matching.plural_endings:
        return []
    rules = language.matching
    made = [word + ending for ending in rules.plural_endings]
    made += [
        word[: -len(end)] + new
        for end, news in rules.word_changes.items()
        if word.lower().endswith(end) and len(word) > len(end)
        for new in news
    ]
    return made


def _plurals(form: str, language: Profile | None) -> list[str]:
    """Return ``form`` with one of its words made plural (:func:`plural_words`), one word
    at a time; none for a word of no letters."""
    words = form.split()
    return [
        " ".join([*words[:index], plural, *words[index + 1 :]])
        for index, word in enumerate(words)
        if word.isalpha()
        for plural in plural_words(word, language)
    ]


# Ends whose vowel drops out as the word declines ("слиток": "слитка", "рынок": "рынка").
_FLEETING = frozenset({"ок", "ек", "ец"})
# Nouns whose genitive ends in -ая, -ея ("урожай", "музей"; not adjectives in -ой, -ий,
# whose genitive is -ого, -его).
_GENITIVE_IN_YA = frozenset({"ай", "ей"})
# Cyrillic vowels, й and the signs: a word ending in one has a case ending of its own.
_VOWELS_AND_SIGNS = frozenset("аеёиоуыэюяйьъ")


def _cut_shorter(word: str, stemmer: _Stemmer) -> str:
    """Return ``word`` (a noun in -а) in the accusative where the stemmer reads the last
    letters of its stem as part of that case's ending ("система": "систем" + "а";
    "систему": "сист" + "ему", as the genitive plural "систем" is), so that a form made of
    it finds those cases; else ``word``. (Only a stem cut short: "судья" and "судью" are
    not "суд", the court.)"""
    if len(word) < 5 or word[-1] != "а":
        return word
    accusative = word[:-1] + "у"
    whole, cut = stemmer.key(word.lower()), stemmer.key(accusative.lower())
    # (Only the stem's "ем", read as the ending "ему": "горкому" is no "горк" + "ому",
    # whose stem is a hill's, "горка".)
    if whole.endswith("ем") and cut == whole[:-2] and len(cut) >= 4:
        return accusative
    return word


def _declined(word: str, stemmer: _Stemmer) -> str:
    """Return ``word`` in a case the stemmer keeps whole: with the ending "а" when it ends
    in a consonant and the stemmer cuts the word itself ("режим" -> "режима", whose stem
    is "режим"), or with the vowel of a last "ок", "ек", "ец" dropped ("слиток" ->
    "слитка"; where it does not drop, "человек", the form made matches no text), or a
    noun in -ай, -ей in the genitive ("урожай" -> "урожая", which the stemmer cuts at
    -ая, where it cuts "урожай" at -й: two stems); else ``word``."""
    if len(word) >= 4 and word[-2:].lower() in _GENITIVE_IN_YA:
        genitive = word[:-1] + "я"
        if stemmer.key(genitive) != stemmer.key(word):
            return genitive
    if not word or word[-1].lower() in _VOWELS_AND_SIGNS:
        return word  # "безвизовый", "провинции": their own ending goes
    whole = stemmer.key(word + "а")
    if whole != stemmer.key(word) and whole == stemmer.key(word + "ом"):
        return word + "а"
    if (
        len(word) >= 5
        and word[-2:].lower() in _FLEETING
        and word[-3].lower() not in _VOWELS_AND_SIGNS
    ):
        # A vowel that drops out in the other cases: "слиток", "слитка", "слитков".
        return word[:-2] + word[-1] + "а"
    return word


# The consonants after which a feminine or neuter noun's genitive plural takes a vowel
# between the last two consonants of its stem ("кукла", "куклы": "кукол"; "девушка":
# "девушек"; "окно": "окон"; "сестра": "сестёр"), and those after which it does not
# ("министерства": "министерств").
_VOWEL_BEFORE = frozenset("клнр")


def _genitive_plurals(word: str) -> list[str]:
    """Return the genitive plurals with a fleeting vowel ("о" and "е": a text never holds
    the wrong one) of ``word``, a feminine or neuter noun in -а, -о, -ы, -и whose stem
    ends in two consonants, the last of :data:`_VOWEL_BEFORE` ("куклы": "кукол", "кукел";
    the stemmer cuts neither); else none."""
    stem = word[:-1]
    if (
        len(word) < 5
        or word[-1].lower() not in "аоыи"
        or stem[-1].lower() not in _VOWEL_BEFORE
        or stem[-2].lower() in _VOWELS_AND_SIGNS
        or stem[-2].lower() == stem[-1].lower()
        or not stem[-2].isalpha()
    ):
        return []
    return [stem[:-1] + vowel + stem[-1] for vowel in "ое"]


def case_free_words(form: str, lang: str) -> list[str]:
    """Return the words of ``form`` as they are compared whatever their case: lower-cased,
    cut to their stems in a language whose matcher stems words ("алкоголя": "алкогол"),
    and without the article written onto them in a language with clitics ("الحافلة":
    "حافلة", where two letters or more are left)."""
    found = profile(lang)
    stemmer = _stemmer(lang)
    clitics = found.matching.clitics if found is not None else None
    article = clitics.article if clitics is not None else ""
    words = []
    for word in form.lower().split():
        if article and word.startswith(article) and len(word) - len(article) >= 2:
            word = word[len(article) :]
        words.append(stemmer.key(word) if stemmer is not None else word)
    return words


def same_but_case(first: str, second: str, lang: str) -> bool:
    """Return True when two glossary forms differ only by their words' case endings, in a
    language whose matcher stems words ("сессия запросов", "сессии запросов"): the matcher
    reads them as one form, and a text writing both writes one rendering, declined."""
    stemmer = _stemmer(lang)
    if stemmer is None or first == second:
        return False
    a, b = first.lower().split(), second.lower().split()
    return len(a) == len(b) and all(
        stemmer.key(x) == stemmer.key(y) for x, y in zip(a, b, strict=True)
    )


_WORD_RUN = re.compile(r"\w+")


def holds_form(text: str, form: str, lang: str) -> bool:
    """Return True when ``text`` holds ``form`` word for word, folded, each word in any
    case where the language's matcher stems words ("Председатель Государственной комиссии
    по ценным бумагам" holds "Государственная комиссия по ценным бумагам")."""
    found = profile(lang)
    if found is not None and not found.separates_words:
        return fold(form) in fold(text)
    stemmer = _stemmer(lang)

    def key(word: str) -> str:
        return stemmer.key(word) if stemmer is not None else word

    # Word by word: "MIC" is no word of "Central Economic Commission"; the first with the
    # clitics the language writes onto it ("لجمعية" holds "جمعية", "للجمعية" "الجمعية").
    words = [key(w) for w in _WORD_RUN.findall(fold(text))]
    wanted = [key(w) for w in _WORD_RUN.findall(fold(form))]
    size = len(wanted)
    if not size:
        return False
    clitics = found.matching.clitics if found is not None else None
    if clitics is None:
        return any(words[k : k + size] == wanted for k in range(len(words) - size + 1))
    first = clitics.bases(wanted[0])
    return any(
        words[k + 1 : k + size] == wanted[1:] and not first.isdisjoint(clitics.bases(words[k]))
        for k in range(len(words) - size + 1)
    )


@lru_cache(maxsize=16)
def _stemmer(tag: str) -> _Stemmer | None:
    """Return the stemmer of a language whose profile gives case endings, else None."""
    found = profile(tag)
    if found is None:
        return None
    rules = found.matching
    source = profile(rules.endings_from) if rules.endings_from else found
    endings = source.matching.endings if source is not None else ()
    if not endings:
        return None
    return _Stemmer(endings, rules.min_stem, letter_class(found.scripts[0]), rules.same_letters)


@dataclass(slots=True)
class _Origin:
    """The way back from a span of a text's folded form to the text as written. Whether
    folding kept every character in place is found out on the first match; the full map
    is made only where it did not."""

    original: str
    folded: str
    _identity: bool | None = None
    _map: OffsetMap | None = None

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Return the original span of folded ``[start, end)``."""
        if self._identity is None:
            self._identity = folds_in_place(self.original, self.folded)
        if self._identity:
            return start, end
        if self._map is None:
            self._map = fold_with_offsets(self.original)[1]
        return self._map.to_original(start, end)


@dataclass(slots=True)
class _PlainText:
    """A text as the plain layout scans it: ``text`` is " T ", where T is the folded text
    without Latin diacritics, one character for one (position k is the folded text's
    k - 1)."""

    text: str
    folded: str
    origin: _Origin

    def word_start(self, pos: int) -> int:
        """Return where the word holding match-text position ``pos`` starts."""
        text = self.text
        while pos > 0 and text[pos - 1].isalnum():
            pos -= 1
        return pos


_STRIPPED_WORD = _WordMemo(strip_marks)


def _words_through(memo: _WordMemo, text: str) -> str:
    # Token by token through a memo: a vocabulary is small, while translate() over every
    # character of every block is not cheap.
    return " ".join(map(memo.__getitem__, text.split(" ")))


def _plain_texts(folded: Sequence[str]) -> list[str]:
    """Return the plain match text of each folded text: only texts with diacritics are
    rewritten. Where they are few (French, Spanish: a letter in thirty), only those are
    replaced, 2-5 times faster than word by word; Vietnamese, with a mark on most words,
    goes word by word (2 times faster than letter by letter)."""
    out = []
    for f in folded:
        if _STRIPPABLE.search(f) is None:
            out.append(f" {f} ")
        elif _VIETNAMESE_ONLY.search(f) is None:
            out.append(f" {_STRIPPABLE.sub(_stripped_letter, f)} ")
        else:
            out.append(f" {_words_through(_STRIPPED_WORD, f)} ")
    return out


# A letter with a diacritic no language but Vietnamese writes (ơ, ư, tone letters).
_VIETNAMESE_ONLY = re.compile("[\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]")
_STRIPPED_LETTERS = {chr(code): base for code, base in _STRIP_TABLE.items()}


def _stripped_letter(match: re.Match[str]) -> str:
    return _STRIPPED_LETTERS[match.group()]


# Texts matched together are joined with NUL: no key holds it, and it is no letter or
# digit, so it bounds words like the edge of a text.
_TEXT_SEPARATOR = "\x00"
# In the word layouts the NUL stands between spaces, a word of its own.
_TEXT_JOINER = f" {_TEXT_SEPARATOR} "


class _Mode(StrEnum):
    """How a language's texts and keys are laid out for the automaton."""

    PLAIN = "plain"  # folded text without diacritics, rules tested per match
    WORDS = "words"  # word codes, each form keyed as written and without diacritics
    STEM = "stem"  # word codes of stems (Russian-like languages)


@lru_cache(maxsize=1)
def _unspaced_or_clitic_letter() -> re.Pattern[str]:
    """Return the pattern of a letter whose forms need the plain layout's per-match rules:
    of a script without spaces, or of a script some profile attaches clitics in."""
    names = [name for name, found in lang_scripts().items() if not found.spaces]
    names += [p.scripts[0] for p in profiles().values() if p.matching.clitics is not None]
    return re.compile("|".join(letter_class(name) for name in dict.fromkeys(names)))


def _mode_of(lang: str, exacts: Sequence[str]) -> _Mode:
    """Return the layout for ``lang``, as its profile's ``matching.layout`` says: stems for
    languages with case endings (Russian); word codes for a language whose words nearly all
    carry diacritics (Vietnamese: a form written without them is another word, "Long An"
    is not "Long Án"), unless some form is written in a script without spaces or with
    clitics (those need the per-match rules of the plain layout)."""
    found = profile(lang)
    layout = found.matching.layout if found is not None and exacts else "plain"
    if layout == "stems" and _stemmer(primary_subtag(lang)) is not None:
        return _Mode.STEM
    if layout == "words" and _unspaced_or_clitic_letter().search("".join(exacts)) is None:
        return _Mode.WORDS
    return _Mode.PLAIN


# --- word codes -------------------------------------------------------------------------------

# pyahocorasick looks a letter up among a node's children one by one, and at every letter
# of the text it walks the chain of shorter matches: text that is mostly glossary
# syllables (Vietnamese, where a large glossary knows nearly every syllable) keeps it
# deep in the trie. So the word layouts scan codes, not letters: each word of the forms
# gets a code of a few characters from small alphabets, a word no form has is one
# character that the automaton looks up first and leaves at once (``common``), and a
# match can only start where a word does (codes start with a lead character, used
# nowhere else), so it is whole words by construction. Matching 1,000 Vietnamese
# paragraphs against 100,000 entries, all told, took a quarter less time than with the
# letters scanned.
_LEADS = [chr(0xE000 + n) for n in range(64)]
_TAILS = [chr(0xE040 + n) for n in range(64)]
# The rest of a word longer than its code: a tab, which pyahocorasick can skip as white
# space (so it sees two or three characters a word, where the code keeps the length).
_FILLER = "\t"
# A space or punctuation character between words: white space too, so the automaton
# sees one word after another (a match's gaps are checked against its form's after).
_GAP = "\x0b"
# In the words layout a word shorter than the code width gets a code as long as itself,
# whose lead says that length (so no code is ever found inside another): one character
# from 1,024 for a word of one letter, leads of their own for two letters and more.
_SHORT_LEADS = {
    1: [chr(0xE400 + n) for n in range(1024)],
    **{n: [chr(0xE100 + 64 * (n - 2) + k) for k in range(64)] for n in range(2, 8)},
}
_UNKNOWN = "\x01"  # a word no form has
_BETWEEN_TEXTS = "\x02"  # the NUL between two texts


def _codes_of_width(width: int) -> int:
    return int(len(_LEADS) * len(_TAILS) ** (width - 1))


def _code_width(lengths: Iterable[int]) -> int:
    """Return the fewest characters that give each word of these lengths a code of its
    own (words shorter than that get codes of their own length, see ``_SHORT_LEADS``)."""
    lengths = sorted(lengths)
    width = 1
    while _codes_of_width(width) < len(lengths) - bisect.bisect_left(lengths, width):
        width += 1
    return width


def _word_codes(count: int, width: int, leads: Sequence[str] = _LEADS) -> list[str]:
    """Return ``count`` different codes of ``width`` characters, the first from ``leads``."""
    return list(islice(map("".join, product(leads, *[_TAILS] * (width - 1))), count))


class _CannotAlign(Exception):
    """The forms' words are too many for the words layout's short codes."""


def _scan_word(token: str) -> str:
    """Return a space-free token of folded text without Latin diacritics, what is not a
    letter or digit as a space (one character for one)."""
    return _NOT_LETTER_OR_DIGIT.sub(" ", strip_marks(token))


# Not a letter or digit (the complement of str.isalnum), except the NUL between texts.
_NOT_LETTER_OR_DIGIT = re.compile(r"[^\w\x00]|_")
_SCAN_WORD = _WordMemo(_scan_word)


class _AlignedCoder:
    """Texts and forms of the words layout (Vietnamese) coded character for character.

    A text is folded, stripped of Latin diacritics (as its forms are: whether the
    diacritics agree is decided per match), and each word replaced by a code exactly as
    long as the word: a lead character, tail characters, then fillers (a word shorter
    than a code has a code of its own length, see ``_SHORT_LEADS``; unknown words are
    ``_UNKNOWN`` then fillers). What is not a letter or digit is a ``_GAP``, so "TP.HCM"
    matches "TP HCM" but "Hà Nội, Huế" holds no "Nội Huế". Positions in the code are
    positions in the folded text.
    """

    def __init__(self, exacts: Sequence[str]) -> None:
        joined = _TEXT_JOINER.join(
            [e.replace(_TEXT_SEPARATOR, " ") if _TEXT_SEPARATOR in e else e for e in exacts]
        )
        words = dict.fromkeys(_words_through(_SCAN_WORD, joined).split())
        words.pop(_TEXT_SEPARATOR, None)
        self.width = width = _code_width(map(len, words))
        by_length: dict[int, list[str]] = {}
        for word in words:
            by_length.setdefault(min(len(word), width), []).append(word)
        self._codes: dict[str, str] = {}
        for length, group in sorted(by_length.items()):
            if length == width:
                codes = _word_codes(len(group), width)
                self._codes.update(
                    (word, code + _FILLER * (len(word) - width))
                    for word, code in zip(group, codes, strict=True)
                )
                continue
            leads = _SHORT_LEADS.get(length, [])
            if len(group) > len(leads) * len(_TAILS) ** (length - 1):
                raise _CannotAlign(f"{len(group)} words of {length} letters")
            self._codes.update(zip(group, _word_codes(len(group), length, leads), strict=True))
        self._codes[_TEXT_SEPARATOR] = _BETWEEN_TEXTS
        self._codes[""] = ""
        # The forms' tokens through a memo of their own (never cleared: there are fewer
        # tokens than characters); the texts' are remembered afresh as they come.
        forms = _WordMemo(self._code_token, limit=len(joined) + 1)
        coded = _GAP.join(map(forms.__getitem__, joined.split(" ")))
        pieces = coded.split(f"{_GAP}{_BETWEEN_TEXTS}{_GAP}")
        self._tokens = _WordMemo(self._code_token)
        if len(pieces) != len(exacts):
            raise AssertionError("a form's code holds the separator")  # cannot happen
        self.keys = [piece.strip(_GAP) for piece in pieces]
        self.common = _UNKNOWN + _BETWEEN_TEXTS
        self.skip = _FILLER + _GAP

    def _code_token(self, token: str) -> str:
        scanned = _SCAN_WORD[token]
        codes = self._codes
        if " " not in scanned:
            found = codes.get(scanned)
            return _unknown_word(scanned) if found is None else found
        return _GAP.join(
            [
                _unknown_word(word) if (found := codes.get(word)) is None else found
                for word in scanned.split(" ")
            ]
        )

    def code(self, text: str) -> str:
        """Return the code of a folded text (or of texts joined by ``_TEXT_JOINER``)."""
        return _GAP.join(map(self._tokens.__getitem__, text.split(" ")))


def _unknown_word(word: str) -> str:
    return _UNKNOWN + _FILLER * (len(word) - 1) if word else ""


# The stem layout: a text cut into gaps and words, [gap, word, gap, word, ..., gap]. A
# word is a run of \w (letters, digits, "_"), or the NUL between texts.
_STEMS_SPLIT = re.compile(r"([\w\x00]+)").split
_STEM_TOKENS = re.compile(r"[\w\x00]+").findall
_FORMS_AT_ONCE = 10_000
_ANY_GAP = " "


class _StemCoder:
    """Texts and forms of the stem layout (Russian) as strings of word codes.

    Each stem of the forms' words gets a code of ``width`` characters; a word whose stem
    no form has is ``_UNKNOWN`` repeated. A text is coded gap, word, gap, word, ..., gap,
    each gap one space whatever it holds (a stemmer ignores punctuation), so word ``i``
    starts at code position ``i * period + 1``: a word's code cannot be as long as the
    word, whose ending the stem leaves out.
    """

    def __init__(self, exacts: Sequence[str], stemmer: _Stemmer) -> None:
        self._stem_key = stemmer.key
        exacts = [e.replace(_TEXT_SEPARATOR, " ") if _TEXT_SEPARATOR in e else e for e in exacts]
        tokens = dict.fromkeys(_STEM_TOKENS(_TEXT_JOINER.join(exacts)))
        tokens.pop(_TEXT_SEPARATOR, None)
        stems = dict(zip(tokens, map(self._stem_key, tokens), strict=True))
        vocabulary = dict.fromkeys(stems.values())
        # Every stem gets a code of the same width (the alignment of words needs it).
        self.width = 1
        while _codes_of_width(self.width) < len(vocabulary):
            self.width += 1
        self.period = self.width + 1
        self._between = _BETWEEN_TEXTS * self.width
        self._unknown = _UNKNOWN * self.width
        codes = dict(zip(vocabulary, _word_codes(len(vocabulary), self.width), strict=True))
        self._codes = codes
        table = {token: codes[stem] for token, stem in stems.items()}
        table[_TEXT_SEPARATOR] = self._between
        del tokens, stems, vocabulary
        # The forms a slice at a time: the pieces of 100,000 forms at once would take
        # a million strings.
        self.keys = []
        for first in range(0, len(exacts), _FORMS_AT_ONCE):
            parts = _STEMS_SPLIT(_TEXT_JOINER.join(exacts[first : first + _FORMS_AT_ONCE]))
            table.update((gap, _ANY_GAP) for gap in dict.fromkeys(parts[0::2]))
            pieces = "".join(map(table.__getitem__, parts)).split(self._between)
            self.keys.extend([piece[1:-1] for piece in pieces])
        if len(self.keys) != len(exacts):
            raise AssertionError("a form's code holds the separator")  # cannot happen
        # The texts' tokens are remembered as they come.
        self._pieces = _WordMemo(self._code_of)
        self.common = _UNKNOWN + _ANY_GAP + _BETWEEN_TEXTS

    def _code_of(self, piece: str) -> str:
        """Return the code of one piece of a text: a gap, a word or the NUL."""
        if not piece or not (piece[0].isalnum() or piece[0] == "_"):
            return _ANY_GAP if piece != _TEXT_SEPARATOR else self._between
        found = self._codes.get(self._stem_key(piece))
        return self._unknown if found is None else found

    def code(self, text: str) -> tuple[list[str], str]:
        """Return a folded text (or texts joined by ``_TEXT_JOINER``) cut into gaps and
        words, and its code."""
        parts = _STEMS_SPLIT(text)
        return parts, "".join(map(self._pieces.__getitem__, parts))


# --- automaton backends -------------------------------------------------------------------


class _Automaton(Protocol):
    def find(self, haystack: str) -> list[tuple[int, int, int]]:
        """Return (pattern index, start, end) for every match, overlapping ones included,
        in the order they end."""
        ...

    def spans(self, haystack: str) -> list[tuple[int, int, int]]:
        """Return (start, -end, pattern index) for every match, overlapping ones
        included, sorted: leftmost first, then longest."""
        ...


class _PyAhoCorasick:
    def __init__(self, patterns: Sequence[str], common: str = "", skip: str = "") -> None:
        import ahocorasick

        # Integer values (the pattern's index): a tuple per pattern made adding 100,000
        # patterns four times slower. Lengths are kept beside the automaton.
        self._automaton: Any = ahocorasick.Automaton(ahocorasick.STORE_INTS)
        # A node looks a letter up among its children one by one, in the order they were
        # added: the letters the haystacks hold most are added first, as keys that end in
        # a letter no haystack holds (so they are never found).
        for number, letter in enumerate(common, start=len(patterns)):
            self._automaton.add_word(letter + _NEVER_SCANNED, number)
        self._skip = bool(skip)
        self._siblings: dict[int, list[int]] = {}
        if skip:
            # The automaton skips the white space ``skip`` in haystacks: keys leave it
            # out, and a match's span is worked out from what its key left out at the
            # end (the last word's fillers) and in all, as if the haystack had it where
            # the key does (the caller checks that).
            self._tails = array("I", [len(p) - len(p.rstrip(skip)) for p in patterns])
            self._lengths = array(
                "I", [len(p) - tail for p, tail in zip(patterns, self._tails, strict=True)]
            )
            table = dict.fromkeys(map(ord, skip))
            scanned = [p.translate(table) for p in patterns]
            # Keys that differ only in what is skipped (the same words, other gaps) are
            # one key to the automaton: it holds the first, the others are reported
            # with it.
            first = dict(zip(reversed(scanned), range(len(scanned) - 1, -1, -1), strict=True))
            if len(first) < len(scanned):
                for index, key in enumerate(scanned):
                    if first[key] != index:
                        self._siblings.setdefault(first[key], []).append(index)
            for key, index in first.items():
                self._automaton.add_word(key, index)
        else:
            self._lengths = array("I", map(len, patterns))
            for index, pattern in enumerate(patterns):
                self._automaton.add_word(pattern, index)
        if patterns:
            self._automaton.make_automaton()
        self._empty = not patterns

    def find(self, haystack: str) -> list[tuple[int, int, int]]:
        if self._empty:
            return []
        lengths = self._lengths
        # One comprehension over the C iterator: a generator here cost a third of the time.
        return [(i, end + 1 - lengths[i], end + 1) for end, i in self._automaton.iter(haystack)]

    def spans(self, haystack: str) -> list[tuple[int, int, int]]:
        if self._empty:
            return []
        lengths = self._lengths
        if self._skip:
            tails = self._tails
            found = [
                (end + 1 - lengths[i], -1 - end - tails[i], i)
                for end, i in self._automaton.iter(haystack, 0, len(haystack), True)
            ]
            if self._siblings:
                siblings = self._siblings
                found += [
                    (-negative_end - tails[j] - lengths[j], negative_end, j)
                    for _, negative_end, i in found
                    if i in siblings
                    for j in siblings[i]
                ]
        else:
            found = [
                (end + 1 - lengths[i], -1 - end, i) for end, i in self._automaton.iter(haystack)
            ]
        found.sort()
        return found


class _AhoCorasickRs:
    def __init__(self, patterns: Sequence[str], common: str = "", skip: str = "") -> None:
        # Neither matters here: the automaton's nodes look letters up in tables, and it
        # scans every character.
        import ahocorasick_rs

        self._empty = not patterns
        if patterns:
            self._automaton: Any = ahocorasick_rs.AhoCorasick(
                list(patterns), matchkind=ahocorasick_rs.MatchKind.Standard
            )

    def find(self, haystack: str) -> list[tuple[int, int, int]]:
        if self._empty:
            return []
        result: list[tuple[int, int, int]] = self._automaton.find_matches_as_indexes(
            haystack, overlapping=True
        )
        return result

    def spans(self, haystack: str) -> list[tuple[int, int, int]]:
        found = [(start, -end, i) for i, start, end in self.find(haystack)]
        found.sort()
        return found


# ``common``: the letters that the haystacks hold most; only coded haystacks (which never
# hold this one) name any. ``skip``: white space in coded haystacks that the automaton
# may skip (never in a key but as a word's fillers).
_NEVER_SCANNED = "\x03"

BACKENDS: dict[str, Callable[[Sequence[str], str, str], _Automaton]] = {
    "pyahocorasick": _PyAhoCorasick,
    "ahocorasick-rs": _AhoCorasickRs,
}
DEFAULT_BACKEND = "pyahocorasick"


# --- the matcher --------------------------------------------------------------------------


class _Boundary(StrEnum):
    WORD = "word"  # not inside a word on either side
    ARABIC = "arabic"  # clitics may stand before it inside the word
    LEFT = "left"  # a word edge on the left only: particles attach (Korean "서울에서")
    NONE = "none"  # scripts without spaces between words
    CODED = "coded"  # word codes (words and stem layouts): whole words by construction


class _Pattern(NamedTuple):
    # A named tuple: a large glossary makes one per form and spelling.
    entry: str
    form: str
    status: FormStatus
    exact_key: str  # the folded form as the glossary writes it, to compare diacritics
    boundary: _Boundary
    needs_lam: bool  # Arabic form whose article was dropped after "ل" ("للجنة")
    # False: a Vietnamese spelling looked for in a Latin-script language, whose
    # diacritics never agree with the house form; None: decided per match.
    agrees: bool | None
    rank: int = 0  # order among forms found at one span: preferred first
    marked: bool = False  # the form has Latin diacritics
    scan_key: str = ""  # words layout: the form as scanned (no diacritics, gaps as spaces)


class _Edges:
    """How the edges of a language's forms are checked, from the script of a form's first
    letter and the language's profile: no word edge in a script without spaces; clitics
    before an Arabic form in a language that attaches them; a left edge only where
    particles attach (Korean); whole words otherwise."""

    def __init__(self, lang: str) -> None:
        found = profile(lang)
        self.main_script = found.scripts[0] if found is not None else None
        rules = found.matching if found is not None else None
        clitics = rules.clitics if rules is not None else None
        self.prefixes = clitics.prefixes() if clitics is not None else frozenset()
        self.article = clitics.article if clitics is not None else ""
        self.contracts_after = clitics.article_contracts_after if clitics is not None else ""
        self.attached = (
            _Boundary.ARABIC
            if clitics is not None
            else _Boundary.LEFT
            if rules is not None and rules.suffixes_attach
            else _Boundary.WORD
        )
        self._by_letter: dict[str, _Boundary | None] = {}

    def _of_letter(self, letter: str) -> _Boundary | None:
        found = self._by_letter.get(letter)
        if found is None and letter not in self._by_letter:
            found = None
            if letter.isalpha():
                name = script_of(letter)
                if name is not None and not lang_scripts()[name].spaces:
                    found = _Boundary.NONE
                elif name is not None and name == self.main_script:
                    found = self.attached
                else:
                    found = _Boundary.WORD
            self._by_letter[letter] = found
        return found

    def of(self, form: str) -> _Boundary:
        """Return how ``form``'s edges are checked."""
        # The first letter decides (a remembered lookup): scanning every form of a
        # 100,000-entry glossary with a script regex was a quarter of the build time.
        for letter in form:
            boundary = self._of_letter(letter)
            if boundary is not None:
                return boundary
        return _Boundary.WORD


_STATUS_RANK = {
    FormStatus.PREFERRED: 0,
    FormStatus.FEMININE: 1,
    FormStatus.PLURAL: 2,
    FormStatus.ACCEPTED: 3,
    FormStatus.FORBIDDEN: 4,
}
_NAME_KINDS = frozenset({"person", "place"})


_FORM_SEPARATOR = "\x00"
_SPACES_AT_SEPARATOR = re.compile(" *\x00 *")
_SPACE_RUN = re.compile(" {2,}")


def _drops_a_kept_ending(
    words: Sequence[str], patterns: Sequence[_Pattern], kept: Sequence[str]
) -> bool:
    """Return True when ``words`` (a stem match, folded) write a word of each of the forms
    of ``patterns`` without an ending the language never drops ("мин" for "минь"): a
    misspelling, not a case form."""
    for pattern in patterns:
        form_words = pattern.exact_key.split()
        if len(form_words) != len(words) or not any(
            form.endswith(ending) and word == form[: -len(ending)]
            for form, word in zip(form_words, words, strict=True)
            for ending in kept
        ):
            return False
    return True


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


def _plain_keys(exacts: list[str], article: str) -> tuple[list[str], list[str]]:
    """Return the plain layout's key of each exact form, and for each Arabic form with
    the article its key without it (else ""), computed over all the forms joined."""
    # As the match text has them: without Latin diacritics ("Nguyen" finds "Nguyễn";
    # whether the diacritics agree is decided per match, so "ban" never stands for
    # "bán"). The separator stands alone between spaces so that words stay whole.
    spaced = f" {_FORM_SEPARATOR} "
    joined = spaced.join(exacts)
    if _STRIPPABLE.search(joined) is None:
        keys = list(exacts)  # nothing to strip (Arabic, Chinese, English...)
    else:
        keys = _words_through(_STRIPPED_WORD, joined).split(spaced) if exacts else []
    if len(keys) != len(exacts):  # a form holding the separator itself
        keys = [_words_through(_STRIPPED_WORD, exact) for exact in exacts]
    # A form with the article, without it: after "ل" the article loses its alef ("للجنة").
    lam = [""] * len(exacts)
    if article:
        for index, exact in enumerate(exacts):
            if exact.startswith(article) and len(exact) > len(article) + 1:
                lam[index] = keys[index][len(article) :]
    return keys, lam


# A glossary's forms for one language, as a matcher is built from them: every form, its
# status, where each entry's forms start, the entries' ids, and which forms are a name's
# Vietnamese spelling (whose diacritics never agree with the house form's).
# Forms, their statuses, where each entry's forms start, the entries' ids, the forms that
# disagree with the language's own (a Vietnamese spelling), and the glossary form a made
# form stands for (Arabic definite forms), by index.
_Forms = tuple[list[str], list[FormStatus], list[int], list[str], set[int], dict[int, str]]


def _with_pronoun_suffixes(forms: Sequence[str], clitics: Clitics) -> list[str]:
    """Return ``forms`` with each of the clitics' possessive pronouns written onto their
    last noun, where it has no article (not after "ل" either: "للحزب"): "أوراق اعتماده"
    (his credentials) renders "أوراق اعتماد", "نقاط اتصالها" (its connection points)
    "نقاط اتصال"."""
    if not clitics.pronoun_suffixes:
        return []
    article = clitics.article
    definite = (article, clitics.article_contracts_after + article[1:]) if article else ()
    changes = dict(clitics.before_pronoun_suffix)
    # A suffixed form that folds as one of the forms is no new form: it would read them.
    own = {fold(form) for form in forms}
    found = []
    for form in forms:
        *head, last = form.split()
        if definite and last.startswith(definite):
            continue
        changed = changes.get(last[-1])
        stem = last[:-1] + changed if changed is not None else last
        suffixed = (" ".join([*head, stem + suffix]) for suffix in clitics.pronoun_suffixes)
        found += [written for written in suffixed if fold(written) not in own]
    return found


def _forms_of(glossary: Glossary, lang: str) -> _Forms:
    """Return the forms of ``glossary`` that a matcher for ``lang`` looks for."""
    primary = primary_subtag(lang)
    # Every form, with its entry and status, in glossary order; a Latin-script
    # language also looks for a name's Vietnamese spelling (its diacritics disagree).
    forms: list[str] = []
    statuses: list[FormStatus] = []
    # Entry k's forms start at forms[entry_starts[k]]: one number per entry rather
    # than the entry's id repeated per form.
    entry_starts: list[int] = []
    entry_ids: list[str] = []
    disagreeing: set[int] = set()
    shown: dict[int, str] = {}
    source_lang = glossary.source_lang
    # A Latin-script language also looks for a name's Vietnamese spelling.
    language = profile(lang)
    latin_target = (
        writes(lang, "latin")
        and primary != primary_subtag(source_lang)
        and (language is None or language.matching.source_names)
    )
    preferred, feminine = FormStatus.PREFERRED, FormStatus.FEMININE
    accepted, forbidden = FormStatus.ACCEPTED, FormStatus.FORBIDDEN
    clitics = language.matching.clitics if language is not None else None
    definite = clitics.article if clitics is not None and clitics.article_on_every_word else ""
    stemmer = _stemmer(primary)
    for entry in glossary.entries:
        terms = entry.terms.get(lang) or entry.terms.get(primary)
        if terms is None:
            continue
        entry_starts.append(len(forms))
        entry_ids.append(entry.id)
        first = len(forms)
        forms.append(terms.preferred)
        statuses.append(preferred)
        if terms.feminine:
            forms.append(terms.feminine)
            statuses.append(feminine)
        if terms.plural:
            forms.extend(terms.plural)
            statuses.extend([FormStatus.PLURAL] * len(terms.plural))
        if terms.accepted:
            # A form with a name slot is MP101's second look's, never matched as written.
            written = [f for f in terms.accepted if NAME_SLOT not in f]
            forms.extend(written)
            statuses.extend([accepted] * len(written))
        if terms.forbidden:
            forms.extend(terms.forbidden)
            statuses.extend([forbidden] * len(terms.forbidden))
            # ... in the plural too, each word in turn ("journey monitoring devices",
            # "dispositifs de surveillance"): a mistranslation stays one in any number.
            for form in terms.forbidden:
                for plural in _plurals(form, language):
                    shown[len(forms)] = form
                    forms.append(plural)
                    statuses.append(forbidden)
        if definite and entry.kind.value not in _NAME_KINDS:
            # A noun and its adjectives without the article, made definite: the article
            # on every word (the matcher already reads one before the first word). Not
            # names ("فام مينه تشينه"), and words of letters only.
            assert clitics is not None  # (the article is theirs)
            own = set(forms[first:])
            for form, status in list(zip(forms[first:], statuses[first:], strict=True)):
                words = form.split()
                if not all(w.isalpha() for w in words):
                    continue
                # Indefinite, without the article on any word ("توقيع رقمي" for
                # "التوقيع الرقمي"), and so in the accusative ("توقيعا رقميا", "مدرجا").
                # (A single word without its article the matcher reads already; a
                # construct, "نائب الوزير", is made indefinite below.)
                # (Not a body's: "جمعية وطنية", a national association, is no National
                # Assembly; an indefinite phrase names no one body.)
                definite_noun = all(w.startswith(definite) for w in words)
                bare = [w[len(definite) :] if w.startswith(definite) else w for w in words]
                indefinite = [" ".join(bare)] if definite_noun and len(words) > 1 else []
                if entry.kind not in (EntryKind.TERM, EntryKind.TITLE):
                    indefinite = []
                elif (
                    definite_noun
                    or len(words) == 1
                    # a noun and its adjectives, which the entry also writes definite:
                    # "فائض تجاري" beside "الفائض التجاري" (not a construct, "نائب وزير")
                    or " ".join(definite + w for w in words) in own
                ) and clitics.accusative_ending:
                    ending, after = clitics.accusative_ending, clitics.no_accusative_ending_after
                    accusative = [w if w.endswith((ending, *after)) else w + ending for w in bare]
                    if accusative != bare:
                        indefinite.append(" ".join(accusative))
                for indefinite_form in indefinite:
                    shown[len(forms)] = form
                    forms.append(indefinite_form)
                    statuses.append(status)
                # A term's (not a title's: "وزيره", his minister, folds as "وزيرة", a
                # woman minister, does)
                possessed = status is not forbidden and entry.kind is EntryKind.TERM
                if possessed:
                    for suffixed in _with_pronoun_suffixes([form, *indefinite[:1]], clitics):
                        shown[len(forms)] = form
                        forms.append(suffixed)
                        statuses.append(status)
                if len(words) < 2:
                    continue
                if definite_noun:
                    continue  # made indefinite above
                if not any(w.startswith(definite) for w in words):
                    # ... and a construct made definite, the article on every word but
                    # the first: "نائب المدير" (deputy director) for "نائب مدير".
                    made = [
                        " ".join(definite + w for w in words),
                        " ".join([words[0], *(definite + w for w in words[1:])]),
                    ]
                elif len(words) == 2 and words[1].startswith(definite) and len(words[1]) > 3:
                    # ... and a construct made indefinite where a name follows: "نائب
                    # الوزير" before the ministry's is "نائب وزير الصناعة".
                    made = [f"{words[0]} {words[1][len(definite) :]}"]
                else:
                    continue
                for definite_form in made:
                    shown[len(forms)] = form
                    forms.append(definite_form)
                    statuses.append(status)
                for suffixed in _with_pronoun_suffixes(made, clitics) if possessed else ():
                    shown[len(forms)] = form
                    forms.append(suffixed)
                    statuses.append(status)
        if stemmer is not None:
            # A word the stemmer cuts in the nominative ("режим": "реж" + "им"; a man's
            # name, "Кхьем": "Кхь" + "ем") keeps its whole self in the other cases
            # ("режима", "режимом", "Кхьема": "режим", "Кхьем"): its declined form is
            # looked for too, as a form of its own.
            person = entry.kind is EntryKind.PERSON
            for form, status in list(zip(forms[first:], statuses[first:], strict=True)):
                declined = [_declined(word, stemmer) for word in form.split()]
                # ... and one whose other cases the stemmer cuts shorter: "систему" and
                # "систем" are "сист" + "ему", "ем", where "система" is "систем" + "а".
                shortened = [_cut_shorter(word, stemmer) for word in form.split()]
                variants = [declined] if person else [declined, shortened]
                # ... and a noun's genitive plural with a vowel the other cases lack
                # ("водяные куклы": "водяных кукол"), for the noun ending the form.
                words = form.split()
                for plural in _genitive_plurals(words[-1]) if not person else ():
                    variants.append([*words[:-1], plural])
                for variant in variants:
                    if variant != form.split() and " ".join(variant) not in forms[first:]:
                        shown[len(forms)] = form
                        forms.append(" ".join(variant))
                        statuses.append(status)
        if latin_target and entry.kind.value in _NAME_KINDS:
            source = entry.forms(source_lang)
            if source is not None and source.preferred != terms.preferred:
                disagreeing.add(len(forms))
                forms.append(source.preferred)
                statuses.append(preferred)
    return forms, statuses, entry_starts, entry_ids, disagreeing, shown


class Matcher:
    """All forms of one language of a glossary, ready to be found in texts of that language.

    Building one for a glossary of 100,000 entries is the cost that matters: the forms are
    folded in one pass over all of them, each key is stored as a few integers, and the
    per-form details a match needs (:class:`_Pattern`) are made for matched keys only.
    """

    def __init__(self, glossary: Glossary, lang: str, *, backend: str = DEFAULT_BACKEND) -> None:
        self._build(_forms_of(glossary, lang), lang, backend)

    @classmethod
    def cached(cls, glossary: Glossary, lang: str, *, backend: str = DEFAULT_BACKEND) -> Matcher:
        """Return the matcher of ``glossary`` for ``lang`` as ``Matcher(...)`` builds it,
        loaded from the cache of built matchers when it is there (see :func:`cache_dir`):
        a glossary with :data:`CACHE_MIN_FORMS` forms or more in ``lang`` is built once
        and stored, later runs load it."""
        forms = _forms_of(glossary, lang)
        directory = cache_dir() if len(forms[0]) >= CACHE_MIN_FORMS else None
        key = ""
        if directory is not None:
            try:
                key = _cache_key(forms, lang, backend)
            except OSError:  # the package's files unreadable: no cache, then
                directory = None
        if directory is not None:
            found = _load_cached(directory / f"{key}.pickle", key)
            if isinstance(found, cls):
                return found
        matcher = cls.__new__(cls)
        matcher._build(forms, lang, backend)
        if directory is not None:
            matcher._cache_key = key
            _store_cached(directory, key, matcher)
        return matcher

    def _build(self, collected: _Forms, lang: str, backend: str) -> None:
        self.lang = lang
        primary = primary_subtag(lang)
        self.backend = backend
        self._cache_key = ""
        forms, statuses, entry_starts, entry_ids, disagreeing, shown = collected
        self._shown = shown
        self._forms, self._statuses = forms, statuses
        self._entry_starts, self._entry_ids = entry_starts, entry_ids
        self._disagreeing = disagreeing
        self._exacts = _exact_keys(forms)
        self._mode = _mode_of(lang, self._exacts)
        self._edges = _Edges(lang)
        found = profile(lang)
        self._kept = found.matching.kept_endings if found is not None else ()
        self._shared = frozenset(found.matching.shared_characters if found is not None else ())
        self._coder: _AlignedCoder | _StemCoder | None = None
        # Index 2k is form k's key; 2k + 1 its key without the Arabic article or "" (so
        # a key's code says which form and how: "للجنة").
        if self._mode is _Mode.WORDS:
            try:
                self._coder = _AlignedCoder(self._exacts)
            except _CannotAlign:
                self._mode = _Mode.PLAIN
        elif self._mode is _Mode.STEM:
            stemmer = _stemmer(primary)
            assert stemmer is not None  # the mode says so
            self._coder = _StemCoder(self._exacts, stemmer)
        if self._coder is None:
            first_keys, second_keys = _plain_keys(self._exacts, self._edges.article)
        else:
            # Taken from the coder, which needs them no more.
            first_keys, self._coder.keys = self._coder.keys, []
            second_keys = [""] * len(self._exacts)
        keys: list[str] = [""] * (2 * len(first_keys))
        keys[0::2] = first_keys
        keys[1::2] = second_keys
        # Key -> index; per key its first form code, further codes of the same key in
        # ``_more``.
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
        common = self._coder.common if self._coder is not None else ""
        skip = self._coder.skip if isinstance(self._coder, _AlignedCoder) else ""
        self._automaton: _Automaton = BACKENDS[backend](list(key_ids), common, skip)

    def _clitics_allow(self, prefix: str, pattern: _Pattern) -> bool:
        """Return True when the letters before a match in its word are clitics."""
        edges = self._edges
        if prefix not in edges.prefixes:
            return False
        if pattern.needs_lam:
            return prefix.endswith(edges.contracts_after)
        # "الجسر" is the article and "جسر"; a form with its own article takes no second.
        article = edges.article
        return not (prefix.endswith(article) and pattern.exact_key.startswith(article))

    def _patterns(self, key_id: int) -> list[_Pattern]:
        """Return the forms found under automaton key ``key_id``, made on first use."""
        found = self._pattern_cache.get(key_id)
        if found is None:
            codes = [self._first[key_id], *self._more.get(key_id, ())]
            found = self._pattern_cache[key_id] = [self._pattern(code) for code in codes]
        return found

    def _pattern(self, code: int) -> _Pattern:
        index, second = divmod(code, 2)
        exact = self._exacts[index]
        status = self._statuses[index]
        boundary = self._edges.of(exact) if self._mode is _Mode.PLAIN else _Boundary.CODED
        return _Pattern(
            self._entry_ids[bisect.bisect_right(self._entry_starts, index) - 1],
            self._shown.get(index, self._forms[index]),
            status,
            exact,
            boundary,
            bool(second),
            False if index in self._disagreeing else None,
            _STATUS_RANK[status],
            _STRIPPABLE.search(exact) is not None,
            _words_through(_SCAN_WORD, exact) if self._mode is _Mode.WORDS else "",
        )

    def __len__(self) -> int:
        return self._size

    def find(self, text: str) -> list[Mention]:
        """Return the mentions in ``text``, leftmost-longest, in text order."""
        folded = fold(text)
        if self._coder is not None:
            if _TEXT_SEPARATOR in folded:
                return self._find_coded([text], [folded])[0]
            # Most texts hold no mention: they cost the scan alone.
            spans, parts = self._scan_coded(folded)
            if not spans:
                return []
            return self._select_coded([text], [folded], folded, spans, parts)[0]
        scan = _plain_texts([folded])[0]
        matches = self._automaton.find(scan)
        if not matches:
            return []
        return self._mentions(_PlainText(scan, folded, _Origin(text, folded)), matches, 0)

    def find_many(self, texts: Sequence[str]) -> list[list[Mention]]:
        """Return the mentions in each of ``texts`` (as :meth:`find` would), with one pass
        of the automaton over all of them: the blocks of a variant, a batch of articles.
        Large batches are folded in one pass too (:func:`~multipub.text.fold_many`)."""
        folded = fold_many(texts) if len(texts) > _FOLD_ONE_BY_ONE else [fold(t) for t in texts]
        if self._coder is not None:
            return self._find_coded(texts, folded)
        found: list[list[Mention]] = [[] for _ in texts]
        if not texts:
            return found
        scans = _plain_texts(folded)
        matches = self._automaton.find(_TEXT_SEPARATOR.join(scans))
        if not matches:
            return found
        # The automaton reports matches in the order they end, so those of one text come
        # together: each text gets its run of them (no key holds the separator).
        matches.sort(key=_END)  # already sorted: a linear check
        # Text k's match text starts at bases[k] in the joined text (+1: the separator).
        bases = [0, *accumulate(len(scan) + 1 for scan in scans)]
        first = 0
        while first < len(matches):
            k = bisect.bisect_right(bases, matches[first][1]) - 1
            last = bisect.bisect_left(matches, bases[k + 1], first, key=_END)
            prepared = _PlainText(scans[k], folded[k], _Origin(texts[k], folded[k]))
            found[k] = self._mentions(prepared, matches[first:last], bases[k])
            first = last
        return found

    # --- word codes: the words and stem layouts ---

    def _find_coded(self, texts: Sequence[str], folded: Sequence[str]) -> list[list[Mention]]:
        """Return the mentions in each of ``texts`` (folded: ``folded``), found in one
        pass over the code of all of them, leftmost-longest."""
        if not texts:
            return []
        if len(folded) == 1 and _TEXT_SEPARATOR not in folded[0]:
            joined = folded[0]
        else:
            joined = _TEXT_JOINER.join(
                [f.replace(_TEXT_SEPARATOR, " ") if _TEXT_SEPARATOR in f else f for f in folded]
            )
        spans, parts = self._scan_coded(joined)
        if not spans:
            return [[] for _ in texts]
        return self._select_coded(texts, folded, joined, spans, parts)

    def _scan_coded(self, joined: str) -> tuple[list[tuple[int, int, int]], list[str]]:
        """Return the matches in the code of ``joined`` as (start, -end, key), sorted,
        and (stem layout) its pieces: gap, word, gap, word... (else [])."""
        coder = self._coder
        if isinstance(coder, _AlignedCoder):
            return self._automaton.spans(coder.code(joined)), []
        assert coder is not None
        parts, code = coder.code(joined)
        return self._automaton.spans(code), parts

    def _select_coded(
        self,
        texts: Sequence[str],
        folded: Sequence[str],
        joined: str,
        spans: list[tuple[int, int, int]],
        parts: list[str],
    ) -> list[list[Mention]]:
        """Return the mentions of each text that the matches ``spans`` in the code of
        ``joined`` (the folded texts joined) make, leftmost-longest."""
        found: list[list[Mention]] = [[] for _ in texts]
        if isinstance(self._coder, _StemCoder):
            # Piece p of the joined text is [at[p], at[p + 1]); word i is piece 2i + 1
            # and starts at code position i * period + 1.
            at = [0, *accumulate(map(len, parts))]
            period = self._coder.period
        else:
            at, period = [], 0  # positions in the code are positions in the joined text
        # Text k starts at bases[k] in the joined text.
        if len(folded) == 1:
            bases = [0, len(joined) + len(_TEXT_JOINER)]
        else:
            bases = [*accumulate((len(f) + len(_TEXT_JOINER) for f in folded), initial=0)]
        cache = self._pattern_cache
        k, next_base, base = -1, 0, 0
        origin = _Origin("", "")
        original = ""
        identity = True
        mentions: list[Mention] = []
        taken_end = -1
        # Leftmost first, then longest: each match that starts after the last one taken
        # is taken, unless the diacritics disagree with all its forms.
        for start, negative_end, key in spans:
            if start < taken_end:
                continue
            end = -negative_end
            if period:
                first_word, last_word = start // period, end // period - 1
                folded_start, folded_end = at[2 * first_word + 1], at[2 * last_word + 2]
            else:
                folded_start, folded_end = start, end
            patterns = cache.get(key) or self._patterns(key)
            pattern = patterns[0]
            chosen: list[tuple[_Pattern, bool]] | None = None
            if period:
                if self._kept and _drops_a_kept_ending(
                    parts[2 * first_word + 1 : 2 * last_word + 2 : 2], patterns, self._kept
                ):
                    continue
                if len(patterns) > 1 or pattern.marked:
                    # The words as written, with single spaces, endings and all (the
                    # stems matched).
                    seen = (
                        parts[2 * first_word + 1]
                        if first_word == last_word
                        else " ".join(parts[2 * first_word + 1 : 2 * last_word + 2 : 2])
                    )
                    chosen = _ranked(patterns, seen)
                    if not chosen:
                        continue
                else:
                    # A form without diacritics agrees with words that have none.
                    agreement = _STRIPPABLE.search(joined, folded_start, folded_end) is None
            else:
                seen = joined[start:end]
                if len(patterns) == 1 and seen == pattern.exact_key:
                    agreement = True  # most matches: not worth a call
                else:
                    if len(patterns) > 1:
                        chosen = _ranked(patterns, seen)
                        accepted = bool(chosen)
                    else:
                        found_agreement = _agreement(seen, pattern)
                        accepted = found_agreement is not None
                        agreement = bool(found_agreement)
                    # The automaton saw the words alone, and the span assumed the gaps of
                    # the form: where the text does not write the form as it is, its gaps
                    # must be as many.
                    if not accepted or (
                        seen != pattern.exact_key
                        and _words_through(_SCAN_WORD, seen) != pattern.scan_key
                    ):
                        continue
            taken_end = end
            if folded_start >= next_base:
                while folded_start >= next_base:
                    k += 1
                    next_base = bases[k + 1]
                base = bases[k]
                original = texts[k]
                # Spans carry over as they are where every folding step was one character
                # for one.
                identity = folds_in_place(original, folded[k])
                if not identity:
                    origin = _Origin(original, folded[k])
                mentions = found[k]
            if identity:
                a, b = folded_start - base, folded_end - base
            else:
                a, b = origin.span(folded_start - base, folded_end - base)
            if chosen is None:
                mentions.append(
                    _new_mention(
                        (
                            pattern.entry,
                            pattern.form,
                            pattern.status,
                            a,
                            b,
                            original[a:b],
                            agreement,
                        )
                    )
                )
                continue
            written = original[a:b]
            for pattern, agreement in chosen:
                mentions.append(
                    _new_mention(
                        (pattern.entry, pattern.form, pattern.status, a, b, written, agreement)
                    )
                )
        return found

    # --- the plain layout ---

    def _mentions(
        self, prepared: _PlainText, matches: Iterable[tuple[int, int, int]], base: int
    ) -> list[Mention]:
        """Return the mentions that the automaton's ``matches`` make in ``prepared``,
        whose match text starts at ``base`` in the text the automaton scanned."""
        # (start, -end, rank, entry, diacritics, count, pattern), sorted as they are:
        # leftmost, then longest, then by rank (the form written, then by status), then by
        # entry. diacritics: True agree, False one side has none.
        candidates = self._candidates(prepared, matches, base)
        if not candidates:
            return []
        if len(candidates) > 1:
            candidates.sort()
        mentions: list[Mention] = []
        taken_start = taken_end = -1
        entries_at_taken: list[str] = []
        origin = prepared.origin
        original = origin.original
        for start, negative_end, _, _, agreement, _, pattern in candidates:
            end = -negative_end
            same_span = start == taken_start and end == taken_end
            if (
                start == taken_end - 1
                and end - taken_end >= 2
                and prepared.folded[start - 1] in self._shared
            ):
                # One character written once for two forms: "安沛省人民委员会主席" is
                # 安沛省 and 省人民委员会主席; the second is read from after it.
                start = taken_end
            # A later candidate with the very span of the winner is the same form listed by
            # another entry: keep it too, the text is ambiguous between them.
            if start < taken_end and (not same_span or pattern.entry in entries_at_taken):
                continue
            if not same_span:
                entries_at_taken = []
            a, b = origin.span(start - 1, end - 1)
            mentions.append(
                _new_mention(
                    (pattern.entry, pattern.form, pattern.status, a, b, original[a:b], agreement)
                )
            )
            taken_start, taken_end = start, end
            entries_at_taken.append(pattern.entry)
        return mentions

    def _candidates(
        self, prepared: _PlainText, matches: Iterable[tuple[int, int, int]], base: int
    ) -> list[tuple[int, int, int, str, bool, int, _Pattern]]:
        """Return the acceptable matches, with the spans of the forms themselves."""
        candidates: list[tuple[int, int, int, str, bool, int, _Pattern]] = []
        text = prepared.text
        size = len(text)
        cache = self._pattern_cache
        # What the text has at a span is a slice of the folded text (position k of the
        # match text is k - 1 there), without a method call per match.
        folded = prepared.folded
        for index, match_start, match_end in matches:
            for pattern in cache.get(index) or self._patterns(index):
                start = match_start - base
                end = match_end - base
                boundary = pattern.boundary
                if boundary is _Boundary.WORD:
                    if text[start - 1].isalnum() or (end < size and text[end].isalnum()):
                        continue
                elif (
                    boundary is _Boundary.ARABIC
                    and (
                        (end < size and text[end].isalnum())
                        or not self._clitics_allow(
                            text[prepared.word_start(start) : start], pattern
                        )
                    )
                ) or (boundary is _Boundary.LEFT and text[start - 1].isalnum()):
                    continue
                seen = folded[start - 1 : end - 1]
                if seen == pattern.exact_key and pattern.agrees is None:
                    rank, agreement = pattern.rank, True  # most matches: not worth a call
                else:
                    judged = _judged(seen, pattern)
                    if judged is None:
                        continue
                    rank, agreement = judged
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


def _ranked(patterns: Sequence[_Pattern], seen: str) -> list[tuple[_Pattern, bool]]:
    """Return the forms that the words ``seen`` (as folded) stand for, with whether their
    diacritics agree: best first (the form as written, agreeing, by status, by entry),
    one per entry; none when the diacritics disagree with every form."""
    ranked: list[tuple[int, str, bool, int, _Pattern]] = []
    for count, pattern in enumerate(patterns):
        judged = _judged(seen, pattern)
        if judged is not None:
            ranked.append((judged[0], pattern.entry, judged[1], count, pattern))
    ranked.sort()
    chosen: list[tuple[_Pattern, bool]] = []
    entries: set[str] = set()
    for _, entry, agreement, _, pattern in ranked:
        if entry not in entries:
            entries.add(entry)
            chosen.append((pattern, agreement))
    return chosen


def _judged(seen: str, pattern: _Pattern) -> tuple[int, bool] | None:
    """Return the rank of ``pattern``'s form among those found at one span (lower first:
    by status, diacritics agreeing, the form as the text writes it) and whether its
    diacritics agree with ``seen``; None when they are different words."""
    agreement = _agreement(seen, pattern)
    if agreement is None:
        return None
    rank = pattern.rank if agreement else pattern.rank + 10
    if seen != pattern.exact_key:
        # Stems let заведующий and заведующая share a span: the form written as the text
        # has it wins.
        rank += 5
    return rank, agreement


def _agreement(seen: str, pattern: _Pattern) -> bool | None:
    """Return whether the diacritics of ``seen`` (the folded text a key matched) agree
    with ``pattern``'s form: True, False (one side has none), or None when they are
    different words."""
    if pattern.agrees is not None:
        return pattern.agrees
    if seen == pattern.exact_key:
        return True
    agreement = _diacritics(seen, pattern.marked)
    if (
        agreement is None
        and (_HAS_PUNCTUATION(seen) or _HAS_PUNCTUATION(pattern.exact_key))
        and _words(seen) == _words(pattern.exact_key)
    ):
        return True  # the same words, other punctuation between them ("Hà-Nội")
    return agreement


def _words(folded: str) -> str:
    return _NOT_A_WORD.sub(" ", folded)


_NOT_A_WORD = re.compile(r"[\W_]+")
# Anything but letters, digits and spaces (most mismatches, other tones, have none).
_HAS_PUNCTUATION = re.compile(r"[^\w ]|_").search


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


# --- the cache of built matchers ------------------------------------------------------------

# Glossaries with fewer forms in a language are built every run. bench/bench_speed.py
# --matcher-cache (synthetic vi, ar and ru glossaries, fastest of three) measured building
# against loading, key included: at 10,000 entries 0.04-0.05 s against 0.01-0.02 s a
# language, at 20,000 0.09-0.13 s against 0.04-0.07 s, at 100,000 0.8-0.9 s against
# 0.2-0.3 s (plus 0.3-0.7 s to store it the first time). Below 20,000 forms what a load
# saves is a few hundredths of a second, not worth a file of several megabytes.
CACHE_MIN_FORMS = 20_000
# Files kept in the cache directory: the oldest go past this many (a glossary edited
# daily leaves one file per language and version).
CACHE_MAX_FILES = 32
# 2: FormStatus.PLURAL; 3: same_letters; 4: name slots; 5: genitive plurals;
# 6: shared characters
_CACHE_FORMAT = "multipub-matcher-6"


def cache_dir() -> Path | None:
    """Return the directory of built matchers: ``$MULTIPUB_CACHE_DIR/matchers``, else
    ``$XDG_CACHE_HOME/multipub/matchers``, else ``~/.cache/multipub/matchers``; None when
    ``MULTIPUB_NO_CACHE`` is set (to anything but "" or "0").

    Files there are pickles, loaded as trusted: the directory is the user's own (made
    readable by its owner only). A file that does not load is ignored and rebuilt."""
    if os.environ.get("MULTIPUB_NO_CACHE", "") not in ("", "0"):
        return None
    root = os.environ.get("MULTIPUB_CACHE_DIR")
    if not root:
        base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
        root = str(Path(base) / "multipub")
    return Path(root) / "matchers"


@lru_cache(maxsize=1)
def _code_fingerprint() -> str:
    """Return a hash of what a built matcher depends on besides its glossary: this
    package's version, Python's and the automaton packages', and the source of the
    modules and language data that build it (so that an edited checkout never loads a
    matcher built by other code)."""
    import platform

    digest = hashlib.sha256(_CACHE_FORMAT.encode())
    parts = [__version__, sys.version, platform.machine()]
    for package in ("pyahocorasick", "ahocorasick-rs"):
        try:
            parts.append(f"{package}={metadata.version(package)}")
        except metadata.PackageNotFoundError:
            parts.append(f"{package}=missing")
    digest.update("\0".join(parts).encode())
    here = Path(__file__).resolve().parent
    sources = [here / "matcher.py", here / "text.py", here / "glossary.py"]
    sources += [here / "lang" / "__init__.py", *sorted((here / "lang" / "data").iterdir())]
    for source in sources:
        digest.update(source.name.encode() + b"\0" + source.read_bytes() + b"\0")
    return digest.hexdigest()


def _cache_key(forms: _Forms, lang: str, backend: str) -> str:
    """Return the cache key of a matcher built from ``forms`` for ``lang``."""
    texts, statuses, entry_starts, entry_ids, disagreeing, _ = forms  # made forms: of code
    digest = hashlib.sha256(f"{_code_fingerprint()}\0{lang}\0{backend}\0".encode())
    # The separators are characters no form or id holds (forms are one line of text).
    digest.update("\x1f".join(texts).encode("utf-8", "surrogatepass"))
    digest.update(b"\x1e" + bytes(_STATUS_RANK[status] for status in statuses))
    digest.update(b"\x1e" + array("q", entry_starts).tobytes())
    digest.update(b"\x1e" + "\x1f".join(entry_ids).encode("utf-8", "surrogatepass"))
    digest.update(b"\x1e" + array("q", sorted(disagreeing)).tobytes())
    return digest.hexdigest()


def _load_cached(path: Path, key: str) -> object:
    """Return the matcher stored at ``path`` under ``key``, None when there is none or it
    does not load (a corrupt or truncated file, another version's)."""
    import pickle

    try:
        with path.open("rb") as stored:
            found = pickle.load(stored)
    except FileNotFoundError:
        return None
    except Exception:  # a corrupt file is rebuilt, whatever unpickling raised
        return None
    if (
        isinstance(found, tuple)
        and len(found) == 3
        and found[0] == _CACHE_FORMAT
        and found[1] == key
        and isinstance(found[2], Matcher)
        and found[2]._cache_key == key
    ):
        return found[2]
    return None


def _store_cached(directory: Path, key: str, matcher: Matcher) -> None:
    """Write ``matcher`` to the cache atomically (a temporary file renamed into place, so
    that a concurrent run reads the whole file or none); failures are ignored."""
    import pickle
    import tempfile

    try:
        directory.mkdir(parents=True, exist_ok=True, mode=0o700)
        handle, name = tempfile.mkstemp(prefix=".tmp-", suffix=".pickle", dir=directory)
        temporary = Path(name)
        try:
            with os.fdopen(handle, "wb") as out:
                pickle.dump((_CACHE_FORMAT, key, matcher), out, protocol=pickle.HIGHEST_PROTOCOL)
            temporary.replace(directory / f"{key}.pickle")
        except BaseException:
            with contextlib.suppress(OSError):
                temporary.unlink()
            raise
        stored = sorted(
            (p for p in directory.glob("*.pickle") if not p.name.startswith(".")),
            key=lambda p: p.stat().st_mtime,
        )
        for old in stored[:-CACHE_MAX_FILES]:
            old.unlink(missing_ok=True)
    except Exception:  # a read-only or full disk, an automaton that does not pickle
        return  # the next run builds again


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
            found = Matcher.cached(self.glossary, lang, backend=self.backend)
            self._matchers[lang] = found
        return found

"""Vietnamese names in other scripts: syllable parsing, expected renderings, name skeletons.

Three entry points:

* :func:`parse_syllable` / :func:`parse_name` split Vietnamese into :class:`Syllable` values
  (onset, glide, nucleus, coda, tone), whatever the case, normalization form (NFC or NFD)
  or tone placement style ("hoà" or "hòa");
* :func:`transliterate` gives the renderings of a Vietnamese name that a translation into a
  given language is expected to use, preferred first: Latin forms with and without
  diacritics (and the French outlets' accents), the Soviet practical transcription into
  Russian (ЦНИИГАиК, 1973) with the press's variants, the Arabic spellings seen in
  outlets, Sino-Vietnamese characters for Chinese (simplified and traditional, from a
  house table and Unihan's readings, package data), katakana and hangul;
* :func:`read_hanviet` / :func:`matches_chinese` read Chinese characters back to
  Sino-Vietnamese syllables, so that a text settles which characters it used;
* :func:`name_skeleton` folds the spellings of one name in one language to a coarse key,
  so that a misspelled or variant name can be recognised.

The renderings are a checker's expectations, not an authority: they cover the regular
cases, plus a short table of traditional forms (Хошимин, Hanoï) that no rule produces.
"""

from __future__ import annotations

import itertools
import math
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Literal

from unidecode import unidecode

from multipub.lang import ProfileError, writes
from multipub.lang import profiles as lang_profiles

__all__ = [
    "MAX_FORMS",
    "Syllable",
    "Tone",
    "foreign_name_key",
    "hanviet_pairs",
    "matches_chinese",
    "name_skeleton",
    "parse_name",
    "parse_syllable",
    "read_hanviet",
    "transliterate",
]

Tone = Literal["level", "grave", "acute", "hook", "tilde", "dot"]
Kind = Literal["person", "place"]

# At most this many renderings per name: variant choices multiply per syllable, and a
# checker gains nothing from the 30th spelling of a three-syllable name.
MAX_FORMS = 8
# Above this many combinations the variants are taken in plain product order, unsorted.
_MAX_SORTED = 4096

# ---------------------------------------------------------------------------------------
# Syllables
# ---------------------------------------------------------------------------------------

_TONE_MARKS: dict[str, Tone] = {
    "\u0300": "grave",  # huyền
    "\u0301": "acute",  # sắc
    "\u0309": "hook",  # hỏi
    "\u0303": "tilde",  # ngã
    "\u0323": "dot",  # nặng
}
_MARK_OF_TONE: dict[Tone, str] = {tone: mark for mark, tone in _TONE_MARKS.items()}
_VOWELS = frozenset("aăâeêioôơuưy")
_PLAIN_VOWELS = frozenset("aeiouy")
_LETTERS = frozenset("abcdđeghiklmnopqrstuvxyăâêôơư")
# Longest first, so that "ngh" is tried before "ng" and "n".
_ONSETS = (
    "ngh",
    "ng",
    "nh",
    "ch",
    "gh",
    "gi",
    "kh",
    "ph",
    "th",
    "tr",
    "qu",
    "b",
    "c",
    "d",
    "đ",
    "g",
    "h",
    "k",
    "l",
    "m",
    "n",
    "p",
    "r",
    "s",
    "t",
    "v",
    "x",
    "",
)
_STOPS = frozenset({"c", "ch", "p", "t"})

# Which codas each nucleus takes ("" = open syllable). Semivowel codas are spelled i/y and
# o/u. The tables follow the orthography, not only phonology: "ây" and "ay" exist, "ăy" not.
_A = ("", "c", "ch", "m", "n", "ng", "nh", "p", "t", "i", "o", "u", "y")
_NUCLEUS_CODAS: dict[str, tuple[str, ...]] = {
    "a": _A,
    "ă": ("c", "m", "n", "ng", "p", "t"),
    "â": ("c", "m", "n", "ng", "p", "t", "u", "y"),
    "e": ("", "c", "m", "n", "ng", "p", "t", "o"),
    "ê": ("", "ch", "m", "n", "nh", "p", "t", "u"),
    "i": ("", "ch", "m", "n", "nh", "p", "t", "u"),
    "y": ("",),
    "o": ("", "c", "m", "n", "ng", "p", "t", "i"),
    "ô": ("", "c", "m", "n", "ng", "p", "t", "i"),
    "ơ": ("", "m", "n", "p", "t", "i"),
    "u": ("", "c", "m", "n", "ng", "p", "t", "i"),
    "ư": ("", "c", "ng", "t", "i", "u"),
    "iê": ("c", "m", "n", "ng", "p", "t", "u"),
    "yê": ("c", "m", "n", "ng", "p", "t", "u"),
    "ia": ("",),
    "uô": ("c", "m", "n", "ng", "t", "i"),
    "ua": ("",),
    "ươ": ("c", "m", "n", "ng", "p", "t", "i", "u"),
    "ưa": ("",),
    "oo": ("c", "ng"),
}
# Rhymes with a labial glide: "o" before a, ă, e (hoa, hoặc, khoe), "u" before the rest
# (xuân, huế, thuý, nguyễn, khuya, thuở).
_GLIDE_CODAS: dict[tuple[str, str], tuple[str, ...]] = {
    ("o", "a"): ("", "c", "ch", "m", "n", "ng", "nh", "p", "t", "i", "y"),
    ("o", "ă"): ("c", "m", "n", "ng", "t"),
    ("o", "e"): ("", "n", "t", "o"),
    ("u", "â"): ("n", "ng", "t", "y"),
    ("u", "ê"): ("", "ch", "nh", "n"),
    ("u", "y"): ("", "ch", "nh", "n", "t", "u"),
    ("u", "yê"): ("n", "t"),
    ("u", "ya"): ("",),
    ("u", "ơ"): ("",),
}
# After "qu" the u is already the glide, so the rhyme is read without one (quốc, quý, quyết).
_QU_CODAS: dict[str, tuple[str, ...]] = {
    "a": _A,
    "ă": _NUCLEUS_CODAS["ă"],
    "â": _NUCLEUS_CODAS["â"],
    "e": _NUCLEUS_CODAS["e"],
    "ê": ("", "ch", "nh", "n", "t"),
    "y": ("", "ch", "nh", "n", "t"),
    "i": ("",),
    "yê": ("n", "t"),
    "ơ": ("",),
    "ô": ("c",),
}


def _rhyme_table(
    entries: Iterable[tuple[str, str, Sequence[str]]],
) -> dict[str, tuple[str, str, str]]:
    table: dict[str, tuple[str, str, str]] = {}
    for glide, nucleus, codas in entries:
        for coda in codas:
            spelled = glide + nucleus + coda
            if spelled in table:  # the tables above must never make a spelling ambiguous
                raise RuntimeError(f"ambiguous rhyme {spelled!r}")
            table[spelled] = (glide, nucleus, coda)
    return table


_RHYMES = _rhyme_table(
    [("", n, c) for n, c in _NUCLEUS_CODAS.items()]
    + [(g, n, c) for (g, n), c in _GLIDE_CODAS.items()]
)
_QU_RHYMES = _rhyme_table(("", n, c) for n, c in _QU_CODAS.items())


@dataclass(frozen=True, slots=True)
class Syllable:
    """One Vietnamese syllable, in lowercase and without its tone mark.

    ``onset`` is the spelled initial consonant ("ngh", "gi", "qu", "" for none); ``glide``
    is "o" or "u" in rhymes such as "oa" and "uy" ("" otherwise); ``nucleus`` is the vowel
    ("a", "iê", "ươ"...); ``coda`` is the final ("nh", "ng", "ch", "c", "t", "p", "m",
    "n", or a semivowel "i", "y", "o", "u"; "" for none). In "gì" and "giếng" the i is
    written once but belongs to the nucleus: onset "gi", nucleus "i" / "iê".
    """

    onset: str
    glide: str
    nucleus: str
    coda: str
    tone: Tone

    @property
    def rhyme(self) -> str:
        """Return the spelled rhyme: glide, nucleus and coda ("oang" in "hoàng")."""
        return self.glide + self.nucleus + self.coda

    @property
    def base(self) -> str:
        """Return the syllable spelled without its tone mark ("nguyên" for "Nguyễn")."""
        onset = "g" if self.onset == "gi" and self.nucleus.startswith("i") else self.onset
        return onset + self.rhyme

    def spell(self, *, new_style: bool = False) -> str:
        """Return the syllable in lowercase NFC with its tone mark, old ("hòa") or new style.

        Old style puts the tone of an open "oa", "oe", "uy" on the glide, new style on the
        vowel after it; both agree everywhere else.
        """
        base = self.base
        if self.tone == "level":
            return base
        start = len(base) - len(self.rhyme)
        nucleus_at = start + len(self.glide)
        marked = [i for i, ch in enumerate(self.nucleus) if ch in "ăâêôơư"]
        if marked:
            # The letter that already carries a vowel diacritic takes the tone (ươ -> ơ).
            index = nucleus_at + marked[-1]
        elif self.nucleus == "oo":
            index = nucleus_at + 1
        elif self.glide and not self.coda and not new_style:
            # Old style writes "hòa", "khỏe", "thúy"; new style "hoà", "khoẻ", "thuý".
            index = start
        else:
            index = nucleus_at
        toned = base[: index + 1] + _MARK_OF_TONE[self.tone] + base[index + 1 :]
        return unicodedata.normalize("NFC", toned)


def _split_tone(text: str) -> tuple[str, Tone] | None:
    """Return the lowercase NFC text without its tone mark, and the tone; None if malformed."""
    kept: list[str] = []
    tone: Tone = "level"
    last_base = ""
    for ch in unicodedata.normalize("NFD", text):
        if ch in _TONE_MARKS:
            # One tone per syllable, and only on a vowel letter (NFD puts it after the
            # letter and its circumflex, breve or horn).
            if tone != "level" or last_base.lower() not in _PLAIN_VOWELS:
                return None
            tone = _TONE_MARKS[ch]
            continue
        if not unicodedata.combining(ch):
            last_base = ch
        kept.append(ch)
    return unicodedata.normalize("NFC", "".join(kept)).lower(), tone


def _onset_fits(onset: str, rhyme: str) -> bool:
    """Return whether the orthography allows ``onset`` before ``rhyme`` (k/c, gh/g...)."""
    first = rhyme[:1]
    if onset == "k":
        return first in ("i", "y", "e", "ê")
    if onset == "c":
        return first not in ("i", "y", "e", "ê")
    if onset in ("gh", "ngh"):
        return first in ("i", "e", "ê")
    if onset in ("g", "ng"):
        return first not in ("i", "y", "e", "ê")
    return True


def _read_rhyme(onset: str, rest: str) -> tuple[str, str, str] | None:
    """Return (glide, nucleus, coda) of ``rest`` after ``onset``, or None if not a rhyme."""
    if onset == "qu":
        return _QU_RHYMES.get(rest)
    if onset == "gi":
        # The i of "gi" doubles as the vowel when no vowel follows (gì, gìn) and in "giê"
        # (giếng = gi + iêng); before any other vowel it is only the onset (gia, giữa).
        if not rest or rest[0] not in _VOWELS:
            candidates = ["i" + rest]
        elif rest[0] == "ê":
            candidates = ["i" + rest, rest]
        else:
            candidates = [rest]
        found = next((r for c in candidates if (r := _RHYMES.get(c)) is not None), None)
    else:
        found = _RHYMES.get(rest)
        if found is not None and not _onset_fits(onset, rest):
            return None
    if found is None:
        return None
    glide, nucleus, _coda = found
    # Spelling of /iə/: "iê"/"ia" after a consonant, "yê" with no onset or after the glide.
    if nucleus in ("iê", "ia") and (not onset or glide):
        return None
    if nucleus == "yê" and onset and not glide:
        return None
    if nucleus == "ya" and glide != "u":
        return None
    return found


def parse_syllable(text: str) -> Syllable | None:
    """Return the :class:`Syllable` spelled by ``text``, or None if it is not one.

    Accepts NFC or NFD, any case, and the tone mark on either vowel of "oa", "oe", "uy"
    ("hoà" and "hòa" give the same value). Enforces the orthography (c/k, g/gh, ng/ngh,
    iê/yê) and that a syllable ending in c, ch, p or t carries the acute or dot tone, so
    English words such as "Smith" or "bat" are rejected. Remembered per word (the checks
    ask about the same few thousand words over and over).
    """
    return _parse_syllable(text)


@lru_cache(maxsize=65536)
def _parse_syllable(text: str) -> Syllable | None:
    split = _split_tone(text.strip())
    if split is None:
        return None
    base, tone = split
    if not base or any(ch not in _LETTERS for ch in base):
        return None
    for onset in _ONSETS:
        if not base.startswith(onset) or (onset == "" and base[0] not in _VOWELS):
            continue
        parts = _read_rhyme(onset, base[len(onset) :])
        if parts is None:
            continue
        glide, nucleus, coda = parts
        if coda in _STOPS and tone not in ("acute", "dot"):
            return None
        return Syllable(onset, glide, nucleus, coda, tone)
    return None


_NAME_SEPARATORS = re.compile(r"[\s\-\u2010\u2011\u2012\u2013]+")


def parse_name(text: str) -> list[Syllable] | None:
    """Return the syllables of a name split on spaces and hyphens; None if any part is not one."""
    parts = [p for p in _NAME_SEPARATORS.split(text) if p]
    if not parts:
        return None
    syllables: list[Syllable] = []
    for part in parts:
        syllable = parse_syllable(part)
        if syllable is None:
            return None
        syllables.append(syllable)
    return syllables


_HYPHEN = re.compile(r"\s*[\-\u2010\u2011\u2012\u2013]\s*")

# Names of the Central Highlands (Ede, Jarai, Bahnar, Mnong...) are written with letters
# and clusters that Vietnamese words never have: a final k or l (Đắk Lắk, Pắc, Đắk Mil),
# k before a, o, u (Kon Tum, Bắc Kạn), a consonant and l or r (Kon Plông, Krông Pắc), j
# (Cư Jút). They are read as syllables only where a name is expected (transliterate), never
# by parse_syllable, which must keep rejecting words such as "Smith".
_LOOSE_ONSETS = ("bl", "br", "dr", "gl", "gr", "kl", "kr", "pl", "pr", "tl", "tr", "j", "k")
# Rhymes the orthography does not have but names do: "ơc" (Hồ Đức Phớc).
_LOOSE_RHYMES = {"ơc": ("", "ơ", "c")}


def _parse_loose(text: str) -> Syllable | None:
    """Return the syllable of a name word, accepting the Highland spellings above."""
    strict = parse_syllable(text)
    if strict is not None:
        return strict
    split = _split_tone(text.strip())
    if split is None:
        return None
    base, tone = split
    if not base or any(ch not in _LETTERS and ch != "j" for ch in base):
        return None
    for onset in _LOOSE_ONSETS + _ONSETS:
        if onset in ("qu", "gi") or not base.startswith(onset):
            continue
        rest = base[len(onset) :]
        if not rest or (onset == "" and rest[0] not in _VOWELS):
            continue
        final = rest[-1]
        probe = rest[:-1] + {"k": "c", "l": "n"}.get(final, final)
        found = _RHYMES.get(probe) or _LOOSE_RHYMES.get(probe)
        if found is None:
            continue
        glide, nucleus, coda = found
        if final in ("k", "l"):
            coda = final  # any tone: "Đăk" is written with and without the acute
        elif coda in _STOPS and tone not in ("acute", "dot"):
            continue
        return Syllable(onset, glide, nucleus, coda, tone)
    return None


def _groups(text: str) -> list[list[Syllable]] | None:
    """Return the name as hyphen-separated groups of space-separated syllables."""
    groups: list[list[Syllable]] = []
    for part in _HYPHEN.split(text):
        words = [p for p in _NAME_SEPARATORS.split(part) if p]
        syllables = [_parse_loose(w) for w in words]
        if not syllables or any(s is None for s in syllables):
            return None
        groups.append([s for s in syllables if s is not None])
    return groups


def _name_key(text: str) -> str | None:
    """Return a tone-style-independent key of a Vietnamese name, for the tables below
    (Highland names such as "Đắk Lắk" included, see _parse_loose)."""
    words = [p for p in _NAME_SEPARATORS.split(text) if p]
    syllables = [_parse_loose(w) for w in words]
    if not syllables or any(s is None for s in syllables):
        return None
    return " ".join(s.spell() for s in syllables if s is not None)


# ---------------------------------------------------------------------------------------
# Forms and variants
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Forms:
    """The renderings of a syllable or a name: preferred first, and the regional spelling."""

    all: tuple[str, ...]
    regional: str


def _dedup(forms: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(f for f in forms if f))


def _ordered_product(*choices: Sequence[str]) -> list[tuple[str, ...]]:
    """Return one choice from each list in every way, fewest departures from the first."""
    combos = itertools.product(*(range(len(c)) for c in choices))
    ordered = sorted(combos, key=lambda c: (sum(c), c))
    return [tuple(c[i] for c, i in zip(choices, combo, strict=True)) for combo in ordered]


def _combine(parts: Sequence[_Forms], join: str) -> _Forms:
    """Return the forms of a sequence of parts: their cross product, preferred first, capped."""
    first = join.join(p.all[0] for p in parts)
    # One writer keeps one convention (Egyptian نج and ى together), so that coherent
    # spelling comes right after the preferred one, before the mixed ones.
    regional = join.join(p.regional for p in parts)
    sizes = [len(p.all) for p in parts]
    combos: Iterable[tuple[int, ...]] = itertools.product(*(range(n) for n in sizes))
    if math.prod(sizes) <= _MAX_SORTED:
        # Fewest departures from the preferred spelling first, so that the cap keeps one
        # variant of every syllable rather than all variants of the last one.
        combos = sorted(combos, key=lambda c: (sum(c), c))
    product = (join.join(p.all[i] for p, i in zip(parts, c, strict=True)) for c in combos)
    forms = _dedup(itertools.chain((first, regional), itertools.islice(product, 4 * MAX_FORMS)))
    return _Forms(tuple(forms[:MAX_FORMS]), regional)


def _render(groups: Sequence[Sequence[_Forms]], syllable_join: str, group_join: str) -> list[str]:
    """Return the whole-name forms: syllables joined inside groups, groups joined after."""
    return list(_combine([_combine(g, syllable_join) for g in groups], group_join).all)


# ---------------------------------------------------------------------------------------
# Latin script
# ---------------------------------------------------------------------------------------

_TONE_AND_VOWEL_MARKS = re.compile("[\u0300\u0301\u0303\u0309\u0323\u0306\u031b\u0302]")
_NON_CIRCUMFLEX_MARKS = re.compile("[\u0300\u0301\u0303\u0309\u0323\u0306\u031b]")


def _strip(text: str, marks: re.Pattern[str]) -> str:
    decomposed = marks.sub("", unicodedata.normalize("NFD", text))
    return unicodedata.normalize("NFC", decomposed).replace("đ", "d").replace("Đ", "D")


def _keep_grave_a(text: str, marks: re.Pattern[str]) -> str:
    """Return ``text`` without ``marks``, except the grave accent of a plain a (Hà, Đoàn)."""
    decomposed = unicodedata.normalize("NFD", _new_style(text))
    kept = re.sub("(?<=[aA])\u0300", "\ue000", decomposed)  # shield à from the stripping
    return unicodedata.normalize("NFC", _strip(kept, marks).replace("\ue000", "\u0300"))


def _new_style(text: str) -> str:
    """Return ``text`` with "oà", "uỳ"-style tone placement (Hòa -> Hoà), case kept."""

    def respell(match: re.Match[str]) -> str:
        word = match.group()
        syllable = parse_syllable(word)
        if syllable is None or not syllable.glide or syllable.coda:
            return word
        spelled = syllable.spell(new_style=True)
        if word[:1].isupper():
            spelled = spelled[:1].upper() + spelled[1:]
        return unicodedata.normalize("NFC", spelled)

    return re.sub(r"\w+", respell, unicodedata.normalize("NFC", text))


def _latin(name: str, primary: str) -> list[str]:
    forms = [_strip(name, _TONE_AND_VOWEL_MARKS), name]
    if primary == "fr":
        # French outlets often keep the circumflexes, which French has, and drop the rest:
        # "Nguyên Phu Trong", "Tô Lâm"; many also keep the grave accent of a, which French
        # has too ("Hà Giang", "Bui Bang Doàn", "Khanh Hoà"), with or without circumflexes.
        forms.append(_strip(name, _NON_CIRCUMFLEX_MARKS))
        forms.append(_keep_grave_a(name, _NON_CIRCUMFLEX_MARKS))
        forms.append(_keep_grave_a(name, _TONE_AND_VOWEL_MARKS))
    if _HYPHEN.search(name):
        # Two provinces named together: also with a spaced dash ("Ba Ria - Vung Tau").
        forms.append(_HYPHEN.sub(" - ", forms[0]))
    return forms


# ---------------------------------------------------------------------------------------
# Russian: practical transcription (ЦНИИГАиК 1973)
# ---------------------------------------------------------------------------------------

# Hard onsets. ch, nh and gi are soft (see _soften); r and ch have observed variants.
_RU_ONSET: dict[str, tuple[str, ...]] = {
    "": ("",),
    "b": ("б",),
    "c": ("к",),
    "k": ("к",),
    "qu": ("ку",),
    "d": ("з",),  # Hải Dương -> Хайзыонг
    "đ": ("д",),
    "g": ("г",),
    "gh": ("г",),
    "h": ("х",),
    "kh": ("кх",),  # Khánh Hòa -> Кханьхоа
    "l": ("л",),
    "m": ("м",),
    "n": ("н",),
    "ng": ("нг",),
    "ngh": ("нг",),  # Nghệ An -> Нгеан
    "p": ("п",),
    "ph": ("ф",),
    # The rules give ж or з; the press prints р (Камрань, Ратьзя, Бариа-Вунгтау).
    "r": ("р", "ж", "з"),
    "s": ("ш", "с"),  # Sơn La -> Шонла; outlets also print с (Trần Sỹ Thanh -> Чан Си Тхань)
    "t": ("т",),
    "th": ("тх",),  # Cần Thơ -> Кантхо
    "tr": ("ч", "тр"),  # Trọng -> Чонг; the press also prints Тран for Trần
    "v": ("в",),
    "x": ("с",),
    # Highland clusters and j (see _parse_loose): letter by letter.
    "bl": ("бл",),
    "br": ("бр",),
    "dr": ("др",),
    "gl": ("гл",),
    "gr": ("гр",),
    "kl": ("кл",),
    "kr": ("кр",),
    "pl": ("пл",),
    "pr": ("пр",),
    "tl": ("тл",),
    "j": ("дж",),
}
# Vowels as written after a hard consonant. e/ê become э after a vowel or at the start.
_RU_NUCLEUS: dict[str, str] = {
    "a": "а",
    "ă": "а",
    "â": "а",
    "e": "е",
    "ê": "е",
    "i": "и",
    "y": "и",
    "o": "о",
    "ô": "о",
    "ơ": "о",  # Cần Thơ -> Кантхо
    "oo": "о",
    "u": "у",
    "ư": "ы",
    "iê": "ье",  # Điện Biên -> Дьенбьен
    "ia": "ье",  # also written иа (Bà Rịa -> Бариа), see _ru_rhymes
    "yê": "ье",  # initial йе: Phú Yên -> Фуйен (see _ru_syllable)
    "ya": "я",
    "uô": "уо",  # Buôn -> Буон
    "ua": "уа",
    "ươ": "ыо",  # Dương -> Зыонг
    "ưa": "ыа",
}
_RU_CODA: dict[str, str] = {
    "": "",
    "c": "к",
    "ch": "ть",  # Rạch Giá -> Ратьзя
    "m": "м",
    "n": "н",
    "ng": "нг",
    "nh": "нь",  # Vinh -> Винь
    "k": "к",  # Đắk Lắk -> Даклак
    "l": "л",  # Đắk Mil -> Дакмил
    "p": "п",
    "t": "т",
    "i": "й",
    "y": "й",
    "o": "о",
    "u": "у",
}
_RU_IOTATED = {"а": "я", "у": "ю", "о": "ё", "э": "е", "е": "е"}


def _ru_rhymes(s: Syllable) -> tuple[str, ...]:
    """Return the Russian rhyme as written after a hard consonant, preferred first."""
    after_u = s.glide == "u" or s.onset == "qu"
    after_vowel = bool(s.glide) or s.onset == "qu"
    if s.nucleus in ("e", "ê"):
        vowel = "э" if after_vowel else "е"
    elif s.nucleus in ("yê", "ya") and after_u:
        vowel = "е" if s.nucleus == "yê" else "я"  # Nguyễn -> Нгуен, Quyết -> Кует
    else:
        vowel = _RU_NUCLEUS[s.nucleus]
    vowels: tuple[str, ...] = (vowel,)
    if s.nucleus == "ia":
        vowels = ("иа", vowel)  # the press writes Бариа, the rules Барье
    elif s.nucleus in ("iê", "yê") and s.onset and not after_u:
        vowels = (vowel, "ие")  # the press also writes Тиен, Лиен, Хиен for Тьен, Льен
    glides: tuple[str, ...]
    if s.glide == "o":
        glides = ("о",)  # Hòa -> Хоа, khoẻ -> кхоэ
    elif s.glide == "u" and s.onset and s.nucleus in ("ê", "y"):
        glides = ("ю", "у")  # Huế -> Хюэ, uy -> юи (Huy -> Хюи), also written уи
    elif s.glide == "u":
        glides = ("у",)  # Xuân -> Суан, Nguyễn -> Нгуен
    else:
        glides = ("",)
    codas: tuple[str, ...] = (_RU_CODA[s.coda],)
    if s.nucleus == "â" and s.coda == "y":
        vowels, codas = ("",), ("эй", "ай")  # ây -> эй (Tây Ninh -> Тэйнинь); ай elsewhere
    rhymes = tuple(g + v + c for g in glides for v in vowels for c in codas)
    if s.glide == "u" and s.nucleus == "y" and not s.coda and s.onset not in ("", "h"):
        # The press writes -uy as -уй (Зуй, Дуй); never after х, where it makes a swear word.
        rhymes += ("уй",)
    return rhymes


def _soften(consonant: str, rhyme: str, *, sign_before_i: bool, sign_before_y: bool) -> str:
    """Return a soft consonant (ть, нь, зь) joined to a rhyme: т + а = тя, т + у = тю."""
    if not rhyme:
        return consonant + "ь"
    first, rest = rhyme[0], rhyme[1:]
    if first in _RU_IOTATED:
        return consonant + _RU_IOTATED[first] + rest
    if first == "и":
        return consonant + ("ьи" if sign_before_i else "и") + rest
    if first == "ы":
        return consonant + ("ьы" if sign_before_y else "ы") + rest
    if first in "ьяёю":
        return consonant + rhyme
    return consonant + "ь" + rhyme


def _ru_syllable(s: Syllable) -> _Forms:
    rhymes = _ru_rhymes(s)
    forms: list[str] = []
    if s.onset == "ch":
        # ть is the rule (Châu -> Тяу), but the press mostly prints ч (Фам Минь Чинь),
        # then Тьинь and Тинь.
        forms += ["ч" + ("и" + r[1:] if r.startswith("ь") else r) for r in rhymes]
        forms += [_soften("т", r, sign_before_i=True, sign_before_y=True) for r in rhymes]
        forms += [_soften("т", r, sign_before_i=False, sign_before_y=True) for r in rhymes]
    elif s.onset == "nh":
        forms += [_soften("н", r, sign_before_i=True, sign_before_y=True) for r in rhymes]
        forms += [_soften("н", r, sign_before_i=False, sign_before_y=True) for r in rhymes]
    elif s.onset == "gi":
        # gi -> зь/з: Gia Lai -> Зялай, gì -> зи, giữa -> зыа.
        forms += [_soften("з", r, sign_before_i=False, sign_before_y=False) for r in rhymes]
    elif s.onset == "":
        for r in rhymes:
            if r.startswith("ье"):
                forms.append("й" + r[1:])  # Yên -> Йен
            elif r.startswith("е"):
                forms.append("э" + r[1:])  # Em -> Эм
            else:
                forms.append(r)
    else:
        forms += ["".join(p) for p in _ordered_product(_RU_ONSET[s.onset], rhymes)]
    unique = tuple(_dedup(forms))
    return _Forms(unique, unique[0])


def _russian(groups: list[list[Syllable]], kind: Kind) -> list[str]:
    forms = [[_ru_syllable(s) for s in group] for group in groups]
    # Geographic names are written as one word (Điện Biên Phủ -> Дьенбьенфу); personal
    # names keep one word per syllable (Нгуен Фу Чонг).
    rendered = _render(forms, "" if kind == "place" else " ", "-")
    if kind == "place" and any(len(g) > 1 for g in groups):
        # Machine-translated and agency texts also space them (Лам Донг): the spaced
        # form of the two preferred spellings, after the joined preferred one.
        spaced = _render(forms, " ", "-")[:2]
        rendered = _dedup([rendered[0], *spaced, *rendered[1:]])
    if len(groups) > 1:
        # Two provinces named together: also with a spaced dash (Бариа - Вунгтау).
        rendered.append(rendered[0].replace("-", " - "))
    return [_capitalize_words(f) for f in rendered]


def _capitalize_words(text: str) -> str:
    return re.sub(r"(^|[\s-])(\w)", lambda m: m.group(1) + m.group(2).upper(), text)


# ---------------------------------------------------------------------------------------
# Arabic: conventions seen in outlets (VNA/vietnam.vn Arabic, Egyptian and Gulf press)
# ---------------------------------------------------------------------------------------

# Onsets. The second choice of g/ng (ج) is the Egyptian reading of the Latin "g"; it is
# "regional": a writer who uses it uses it throughout (نجوين ... ترونج).
#   b ب   c/k ك   qu كو   ch تش (تشينه)   d د (or ز, closer to the sound)   đ د
#   g/gh غ|ج   gi جي (جيانغ)   h ه   kh خ   l ل   m م   n ن   ng/ngh نغ|نج   nh نه
#   p ب   ph ف (فام)   r ر   s س   t ت   th ث (ثانه; or ت)   tr تر (تران)   v ف (فان)
#   x س (or ش)
_AR_ONSET: dict[str, tuple[tuple[str, ...], bool]] = {
    "": (("",), False),
    "b": (("ب",), False),
    "c": (("ك",), False),
    "k": (("ك",), False),
    "qu": (("كو",), False),
    "ch": (("تش",), False),
    "d": (("د", "ز"), False),
    "đ": (("د",), False),
    "g": (("غ", "ج"), True),
    "gh": (("غ", "ج"), True),
    "gi": (("جي",), False),
    "h": (("ه",), False),
    "kh": (("خ",), False),
    "l": (("ل",), False),
    "m": (("م",), False),
    "n": (("ن",), False),
    "ng": (("نغ", "نج"), True),
    "ngh": (("نغ", "نج"), True),
    "nh": (("نه",), False),
    "p": (("ب",), False),
    "ph": (("ف",), False),
    "r": (("ر",), False),
    "s": (("س",), False),
    "t": (("ت",), False),
    "th": (("ث", "ت"), False),
    "tr": (("تر", "تش"), False),  # تشونغ for Trọng, as for ch
    "v": (("ف",), False),
    "x": (("س", "ش"), False),
    # Highland clusters and j (see _parse_loose): letter by letter.
    "bl": (("بل",), False),
    "br": (("بر",), False),
    "dr": (("در",), False),
    "gl": (("غل",), False),
    "gr": (("غر",), False),
    "kl": (("كل",), False),
    "kr": (("كر",), False),
    "pl": (("بل",), False),
    "pr": (("بر",), False),
    "tl": (("تل",), False),
    "j": (("ج",), False),
}
# Vowels: Arabic writes long vowels only, so the eleven Vietnamese vowels fall on three
# letters: a ă â -> ا; e ê i y -> ي; o ô ơ u ư -> و. Diphthongs: iê/yê -> ي (or يا, the
# French-derived ديان بيان فو), ia/ya -> يا, uô/ươ -> و, ua/ưa -> وا; the glides o, u -> و.
_AR_NUCLEUS: dict[str, tuple[str, ...]] = {
    "a": ("ا",),
    "ă": ("ا",),
    "â": ("ا",),
    "e": ("ي",),
    "ê": ("ي",),
    "i": ("ي",),
    "y": ("ي",),
    "o": ("و",),
    "ô": ("و",),
    "ơ": ("و",),
    "oo": ("و",),
    "u": ("و",),
    "ư": ("و",),
    "iê": ("ي", "يا"),
    "yê": ("ي", "يا"),
    "ia": ("يا",),
    "ya": ("يا",),
    "uô": ("و",),
    "ua": ("وا",),
    "ươ": ("و", "يو"),  # Vương -> فونغ, Trương -> ترونغ; also ثيونغ for Thưởng
    "ưa": ("وا",),
}
# Codas: c ك, ch ك (a final ch sounds close to k), m م, n ن, ng نغ|نج, nh نه (مينه),
# p ب, t ت, i/y ي, o/u و.
_AR_CODA: dict[str, tuple[tuple[str, ...], bool]] = {
    "": (("",), False),
    "c": (("ك",), False),
    "ch": (("ك",), False),
    "m": (("م",), False),
    "n": (("ن",), False),
    "ng": (("نغ", "نج"), True),
    "nh": (("نه", "ن"), False),  # also خان for Khánh, بين for Bình
    "k": (("ك",), False),
    "l": (("ل",), False),
    "p": (("ب",), False),
    "t": (("ت",), False),
    "i": (("ي",), False),
    "y": (("ي",), False),
    "o": (("و",), False),
    "u": (("و",), False),
}
# Whole syllables whose observed spellings no letter rule gives.
_AR_SYLLABLE: dict[str, tuple[str, ...]] = {
    "tô": ("تو", "تاو"),  # تاو is the Egyptian press's reading of "o"
    "xuân": ("سوان", "شوان", "شيوان"),  # شيوان follows the pinyin-like reading of "xu"
}
_AR_DOUBLED = re.compile(r"(و)و+|(ي)ي+")
_AR_INITIAL = {"ا": ("آ", "ا"), "ي": ("إي",), "و": ("أو",)}


def _ar_syllable(s: Syllable) -> _Forms:
    if s.base in _AR_SYLLABLE:
        observed = _AR_SYLLABLE[s.base]
        return _Forms(observed, observed[0])
    onsets, onset_regional = _AR_ONSET[s.onset]
    # After a glide only the plain vowel: Nguyễn is نغوين, never نغويان.
    nuclei = _AR_NUCLEUS[s.nucleus][:1] if s.glide else _AR_NUCLEUS[s.nucleus]
    if s.nucleus in ("i", "e", "ê") and s.onset and s.coda and s.coda not in "iyou":
        # A short i or e before a final consonant is often left unwritten, as Arabic
        # leaves its own short vowels: منه (Minh), دنه (Đình), بن (Bến).
        nuclei = (*nuclei, "")
    codas, coda_regional = _AR_CODA[s.coda]
    glide = "و" if s.glide else ""

    def build(onset: str, nucleus: str, coda: str) -> list[str]:
        rhyme = glide + nucleus + coda
        if onset or s.base.startswith("y"):  # in Yên the y is already the consonant ي
            return [_ar_tidy(onset + rhyme)]
        # A word cannot start with a vowel letter alone: آنه (Anh), إيم, أونغ.
        return [_ar_tidy(i + rhyme[1:]) for i in _AR_INITIAL.get(rhyme[0], (rhyme[0],))]

    built = [f for o, n, c in _ordered_product(onsets, nuclei, codas) for f in build(o, n, c)]
    regional = build(
        onsets[-1] if onset_regional else onsets[0],
        nuclei[0],
        codas[-1] if coda_regional else codas[0],
    )[0]
    # Egyptian usage writes a final ي as ى (داى for Đại): part of the regional spelling.
    with_maqsura = [_ar_maqsura(f) for f in built]
    return _Forms(tuple(_dedup(built + with_maqsura)), _ar_maqsura(regional))


def _ar_maqsura(text: str) -> str:
    return text[:-1] + "ى" if len(text) > 1 and text.endswith("ي") else text


def _ar_tidy(text: str) -> str:
    """Return ``text`` with doubled و/ي merged (كو + وك -> كوك for Quốc, جي + ي -> جي)."""
    return _AR_DOUBLED.sub(lambda m: m.group(1) or m.group(2), text)


def _arabic(groups: list[list[Syllable]], kind: Kind) -> list[str]:
    forms = [[_ar_syllable(s) for s in group] for group in groups]
    rendered = _render(forms, " ", " ")
    extra: list[str] = []
    if kind == "place" and any(len(g) > 1 for g in groups):
        # Place names are also written as one word (هانوي, فوكوك, دالات): the joined
        # forms of the preferred spellings.
        extra += [_ar_join(f) for f in _render(forms, "", " ")[:3]]
    if len(groups) > 1:
        # Two provinces named together: also with a dash (با ريا - فونج تاو).
        extra += _render(forms, " ", " - ")[:2]
    return _dedup([*(rendered[: MAX_FORMS - 2] if extra else rendered), *extra[:4]])


def _ar_join(text: str) -> str:
    """Return syllables joined into one word: a vowel inside a word needs no hamza seat."""
    return re.sub(r"(?<=\S)[آأإ]", "ا", text).replace("ىا", "يا")


# ---------------------------------------------------------------------------------------
# Chinese: Sino-Vietnamese (Hán-Việt) characters, simplified
# ---------------------------------------------------------------------------------------

# Common surnames, then common middle and given names and place-name syllables. Several
# characters: the first is the most common in names, the rest are variants. A syllable
# with no entry makes the whole name unrenderable: a wrong character is worse than none.
_ZH_TABLE = """
nguyễn 阮; trần 陈; lê 黎; phạm 范; hoàng 黄; huỳnh 黄; phan 潘; vũ 武; võ 武; đặng 邓
bùi 裴; đỗ 杜; hồ 胡; ngô 吴; dương 杨阳; lý 李; lí 李; vương 王; trương 张; lương 梁良
đinh 丁; mai 梅; tô 苏; lâm 林; đào 陶桃; cao 高; hà 何河; trịnh 郑; đoàn 段; lưu 刘
kiều 乔; thái 泰太蔡; tạ 谢; phùng 冯; hứa 许; từ 徐; triệu 赵; châu 周珠州; chu 朱周
tăng 曾; lục 陆; nghiêm 严; mạc 莫; khổng 孔; thân 申; đàm 谭; tôn 孙; quách 郭; diệp 叶
bạch 白; giang 江; hàn 韩; la 罗; lã 吕; lữ 吕; tống 宋; âu 欧; hầu 侯; doãn 尹; ông 翁
khúc 曲; nông 农; thạch 石; kim 金; lại 赖; ninh 宁; quan 关; phó 傅; viên 袁; vi 韦
văn 文; thị 氏; minh 明; thanh 清青; thành 成城; quốc 国; đức 德; hùng 雄; xuân 春
phú 富; trọng 仲重; quang 光; chính 政正; hòa 和; hóa 化; bình 平; hải 海; nam 南
sơn 山; nội 内; an 安; yên 安; anh 英; dũng 勇; tuấn 俊; long 龙隆; hưng 兴; thắng 胜
phúc 福; phước 福; lộc 禄; thọ 寿; tài 才; trung 忠中; hoa 花华; hồng 红鸿; lan 兰
hương 香; cúc 菊; hiếu 孝; nghĩa 义; trí 智; tín 信; nhân 仁人; nghệ 义艺乂; đại 大; cẩm 锦
tú 秀绣; cường 强; mẫn 敏; đình 廷庭; huệ 惠; sinh 生; triết 哲; mạnh 孟; khải 凯启
kiệt 杰; tấn 晋; dung 蓉容; phương 芳方; ngọc 玉; bảo 宝保; thu 秋; đông 东; tây 西
bắc 北; việt 越; tiến 进; thiện 善; vinh 荣; vĩnh 永; khánh 庆; tâm 心; thiên 天
thủy 水; huy 辉; tường 祥; toàn 全; hiền 贤; khoa 科; học 学; tuệ 慧; quý 贵; công 公功
lực 力; kiên 坚; định 定; nguyên 元原; giáp 甲; chí 志; ngãi 义; trị 治; tĩnh 静; khê 溪
phòng 防; quảng 广; điện 奠; biên 边; phủ 府; lai 莱; gia 嘉家; tuyên 宣; nguyệt 月
hạnh 幸; thảo 草; hoài 怀; nhật 日; liên 莲; quyết 决; thuận 顺; lợi 利; vân 云; tùng 松
bách 柏; khang 康; kiến 建; tân 新; chiến 战; thế 世; lệ 丽; thúy 翠; hằng 恒; mỹ 美
ngân 银; đồng 同; nai 奈; lạng 谅; tuyết 雪; đạt 达; hiệp 协; phong 丰峰; tiên 仙
bằng 平朋; cát 吉; đảo 岛; phả 普; dĩ 以; đàn 坛; trì 池; đồn 屯; bái 沛拜; tử 子; hạ 下
xá 社; côn 昆; nha 芽牙; trang 庄; khắc 克; cảnh 景; duy 维; nga 娥; thánh 圣; duẩn 笋
"""
# In place names some syllables take another character than in family names.
_ZH_PLACE_FIRST = {"hà": "河", "dương": "阳", "châu": "州", "thái": "太", "nguyên": "原"}


def _zh_table() -> dict[str, tuple[str, ...]]:
    table: dict[str, tuple[str, ...]] = {}
    for entry in _ZH_TABLE.replace("\n", ";").split(";"):
        if not entry.strip():
            continue
        word, chars = entry.split()
        key = _name_key(word)
        if key is None or key in table:  # a typo in the table must fail loudly
            raise RuntimeError(f"bad Hán-Việt table entry {word!r}")
        table[key] = tuple(chars)
    return table


_ZH = _zh_table()
_ZH_PLACE = {_name_key(k) or k: v for k, v in _ZH_PLACE_FIRST.items()}


# Above the house table, every Hán-Việt reading in Unihan (kVietnamese), ranked by how
# common the character is in modern Chinese: package data built at development time by
# tools/build_hanviet.py, read on first use. kVietnamese lacks many name characters (范,
# 潘, 胡...) and mixes in Nôm readings, so the house table above stays first.
_HANVIET_FILE = "data/hanviet.tsv"
# Characters tried per syllable outside the house table, from the Unihan list.
_ZH_PER_SYLLABLE = 3
# Surname characters that traditional-character text keeps, though Unihan's more frequent
# traditional form differs (範 is "model"; the surname is 范 in Taiwan and Hong Kong too).
_ZH_KEEP_TRADITIONAL = frozenset("范")
# Generic words written after a Chinese place name (河内市, 广宁省, 南坛县), in simplified
# and traditional characters.
_ZH_SUFFIXES = (("省", "省"), ("市", "市"), ("县", "縣"))
_ZH_ALL_SUFFIXES = frozenset("省市县縣区區岛島湾灣")


@dataclass(frozen=True, slots=True)
class _HanViet:
    """The Unihan Hán-Việt table: syllable -> characters, and back."""

    simplified: dict[str, tuple[str, ...]]
    traditional: dict[str, tuple[str, ...]]
    to_traditional: dict[str, tuple[str, ...]]
    readings: dict[str, frozenset[str]]
    traditional_only: frozenset[str]


@lru_cache(maxsize=1)
def _hanviet() -> _HanViet:
    """Return the Hán-Việt table from the package data, with the house table merged in."""
    text = resources.files("multipub.lang").joinpath(_HANVIET_FILE).read_text(encoding="utf-8")
    simplified: dict[str, tuple[str, ...]] = {}
    traditional: dict[str, tuple[str, ...]] = {}
    to_traditional: dict[str, tuple[str, ...]] = {}
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        key, simp, trad = line.split("\t")
        if key == "=":
            to_traditional[simp] = tuple(trad.split(","))
        else:
            simplified[key] = tuple(c for c in simp.split(",") if c)
            traditional[key] = tuple(c for c in trad.split(",") if c)
    readings: dict[str, set[str]] = {}
    for table in (simplified, traditional):
        for key, chars in table.items():
            for char in chars:
                readings.setdefault(char, set()).add(key)
    for spelled, chars in _ZH.items():
        key = _zh_key_of(spelled)
        for char in chars:
            for form in (char, *to_traditional.get(char, ())):
                readings.setdefault(form, set()).add(key)
    simple_chars = {c for chars in simplified.values() for c in chars} | set(to_traditional)
    traditional_only = {c for forms in to_traditional.values() for c in forms} - simple_chars
    return _HanViet(
        simplified,
        traditional,
        to_traditional,
        {char: frozenset(keys) for char, keys in readings.items()},
        frozenset(traditional_only),
    )


def _zh_key_of(spelled: str) -> str:
    """Return the Unihan table's key of a syllable spelled by Syllable.spell ("lý" -> "lí")."""
    syllable = parse_syllable(spelled)
    if syllable is None:
        return spelled
    return _zh_key(syllable)


def _zh_key(s: Syllable) -> str:
    if s.nucleus == "y" and not s.glide and s.onset not in ("", "qu"):
        s = Syllable(s.onset, "", "i", s.coda, s.tone)  # the lone y after a consonant is i
    return s.spell()


def _zh_chars(s: Syllable, kind: Kind) -> tuple[str, ...]:
    """Return the simplified characters of a syllable: the house table's if it has the
    syllable (it is the authority on names), else Unihan's most common few."""
    spelled = s.spell()
    house = _ZH.get(spelled, ())
    preferred = _ZH_PLACE.get(spelled) if kind == "place" else None
    if preferred is not None:
        house = (preferred, *(c for c in house if c != preferred))
    if house:
        return house
    return _hanviet().simplified.get(_zh_key(s), ())[:_ZH_PER_SYLLABLE]


def _zh_traditional(chars: Sequence[str]) -> tuple[str, ...]:
    """Return the traditional forms of simplified characters, the most frequent first.

    广 -> 廣, 后 -> 後, 后; the surname 范 stays 范 (範 second).
    """
    table = _hanviet().to_traditional
    forms: list[str] = []
    for char in chars:
        found = table.get(char, (char,))
        if char in _ZH_KEEP_TRADITIONAL:
            found = (char, *found)
        forms += found
    return tuple(_dedup(forms))


def _zh_to_traditional(text: str) -> str:
    """Return ``text`` with each simplified character in its preferred traditional form."""
    return "".join(_zh_traditional(ch)[0] if _is_han(ch) else ch for ch in text)


def _zh_scripts(tags: Sequence[str]) -> tuple[bool, bool]:
    """Return (simplified, traditional) for a Chinese tag: both unless the tag says one."""
    rest = set(tags[1:])
    if rest & {"hant", "tw", "hk", "mo"}:
        return False, True
    if rest & {"hans", "cn", "sg", "my"}:
        return True, False
    return True, True


def _chinese(
    groups: list[list[Syllable]], kind: Kind, *, simplified: bool, traditional: bool
) -> list[str]:
    syllables = [s for group in groups for s in group]
    chars = [_zh_chars(s, kind) for s in syllables]
    if not all(chars):
        return []  # a syllable with no character at all: a wrong guess is worse than none
    simp = _render([[_Forms(c, c[0]) for c in chars]], "", "") if simplified else []
    trad_chars = [_zh_traditional(c) for c in chars]
    trad = _render([[_Forms(c, c[0]) for c in trad_chars]], "", "") if traditional else []
    # The preferred spelling in each script first, then the variants, alternating.
    merged = _dedup(f for pair in itertools.zip_longest(simp, trad) for f in pair if f)
    return merged[:MAX_FORMS]


def _zh_forms(
    fixed: Sequence[str], generated: Sequence[str], kind: Kind, tags: Sequence[str]
) -> list[str]:
    """Return the Chinese forms: fixed ones (exonyms) in both scripts, then the generated;
    for a place, the preferred spelling in each script also with each generic suffix."""
    simplified, traditional = _zh_scripts(tags)
    fixed_forms: list[str] = []
    for form in fixed:
        converted = _zh_to_traditional(form)
        if simplified:
            fixed_forms.append(form)
        if traditional:
            fixed_forms.append(converted)
    forms = _dedup([*fixed_forms, *generated])
    if kind != "place" or not forms:
        return forms
    # Place names in running text carry their generic word (河内市, 广宁省, 南坛县) and
    # drop it in lists: the preferred spelling in each script with each suffix.
    first = forms[0]
    simp = [first] if simplified else []
    trad = [_zh_to_traditional(first)] if traditional else []
    suffixed = [base + s_ for base in simp for s_, _t in _ZH_SUFFIXES]
    suffixed += [base + t for base in trad for _s, t in _ZH_SUFFIXES]
    return _dedup([*forms[:1], *suffixed, *forms[1:]])


def read_hanviet(text: str) -> list[frozenset[str]]:
    """Return the Hán-Việt readings of each Han character of ``text``, in order.

    A character's readings are the syllables (lowercase, NFC, tone marks in the old
    style, lone y after a consonant spelled i: "lí", "hòa") that the house table or
    Unihan's kVietnamese give it, in simplified or traditional form: 阮 -> {"nguyễn"},
    陳 -> {"trần"}. Characters that are not Han are skipped; a Han character with no
    known reading gives an empty set.
    """
    readings = _hanviet().readings
    none: frozenset[str] = frozenset()
    return [readings.get(ch, none) for ch in _HAN.findall(text)]


# Bigrams are bounded: a character with many readings (行: hành, hàng, hạnh) multiplies
# the pairs, and four readings a side already cover the common ones.
_READINGS_PER_CHAR = 4


def hanviet_pairs(text: str) -> frozenset[str]:
    """Return the Hán-Việt syllable pairs ``text`` may read as ("chính phủ").

    Chinese text gives every pair of readings of two consecutive Han characters (政府 ->
    "chính phủ" among others); Vietnamese text gives its consecutive syllables, lowercase,
    spelled as the reading table spells them. A Chinese sentence and its Vietnamese
    translation share the pairs of their Sino-Vietnamese words, which unrelated sentences
    rarely do: block alignment uses the share as evidence. Text with neither gives an
    empty set.
    """
    read = read_hanviet(text)
    if read:
        return frozenset(
            f"{first} {second}"
            for before, after in itertools.pairwise(read)
            for first in sorted(before)[:_READINGS_PER_CHAR]
            for second in sorted(after)[:_READINGS_PER_CHAR]
        )
    keys = [_zh_key_of(w) for w in _WORDS.findall(unicodedata.normalize("NFC", text.lower()))]
    return frozenset(f"{first} {second}" for first, second in itertools.pairwise(keys))


_WORDS = re.compile(r"\w+")

# What a foreign name keeps through Latin, Cyrillic and Arabic letters: its consonants,
# folded to the classes the three alphabets can all write ("Harper", "Харпер", "هاربر" ->
# "hrbr"; "George", "Джордж", "جورج" -> "jrj"). Digraphs of the romanizations first.
_DIGRAPHS = (
    ("dzh", "j"),
    ("tch", "s"),
    ("dj", "j"),
    ("zh", "j"),
    ("kh", "h"),
    ("sh", "s"),
    ("ch", "s"),
    ("ph", "f"),
    ("th", "t"),
)
_CONSONANT_CLASSES = str.maketrans("pvgcqzx", "bfjkksk")
# Vowels and the letters Arabic uses for long vowels (و, ي) or leaves out (h, ʿ).
_SILENT = re.compile(r"[aeiouyhw'`]")
_DOUBLED = re.compile(r"(.)\1+")


@lru_cache(maxsize=65536)
def foreign_name_key(word: str) -> str:
    """Return the consonant key of a foreign name in Latin, Cyrillic or Arabic letters.

    The word is romanized (unidecode), its digraphs and consonants folded to classes that
    the three scripts share, its vowels and doubled letters dropped: "Washington",
    "Вашингтон" and "واشنطن" give "snjtn", "fsnjtn" and "sntn" (each one consonant from
    the first, which callers allow). Used as weak evidence that two blocks name the same person or
    place, never to match glossary names.
    """
    key = unidecode(word).lower()
    for digraph, folded in _DIGRAPHS:
        key = key.replace(digraph, folded)
    key = _SILENT.sub("", key.translate(_CONSONANT_CLASSES))
    return _DOUBLED.sub(r"\1", key)


# The blocks of CJK Unified Ideographs (the main block and extensions A to G) and 〇: a
# pattern, not unicodedata.name per character, which cost a tenth of alignment's time.
_HAN = re.compile(
    "[\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0002a6df\U0002a700-\U0002ebef"
    "\U00030000-\U0003134f\u3007]"
)


def _is_han(char: str) -> bool:
    return _HAN.match(char) is not None


def matches_chinese(name: str, text: str) -> bool:
    """Return whether ``text`` writes the Vietnamese ``name`` in Chinese characters.

    The characters are read back to Hán-Việt syllables (:func:`read_hanviet`): ``text``
    matches when some run of consecutive Han characters reads as the name's syllables in
    order, whichever characters, simplified or traditional, the writer chose (陈文雄 and
    陳文雄 both match Trần Văn Hùng; 陈文熊 matches too, 陈文英 does not). A generic word
    before the name ("Tỉnh", "Thành phố") may be written after it (省, 市) or left out.
    """
    groups = _groups(" ".join(unicodedata.normalize("NFC", name).split()))
    if not groups:
        return False
    wanted = [_zh_key(s) for group in groups for s in group]
    _generic, rest = _split_generic(wanted)
    candidates = [wanted] if rest is None else [wanted, rest]
    read = read_hanviet(text)
    return any(
        any(
            all(syllable in r for syllable, r in zip(want, read[i : i + len(want)], strict=True))
            for i in range(len(read) - len(want) + 1)
        )
        for want in candidates
    )


# ---------------------------------------------------------------------------------------
# Japanese (katakana) and Korean (hangul)
# ---------------------------------------------------------------------------------------

# Japanese: the katakana of the Japanese press and the Ministry of Foreign Affairs, name
# parts separated by a nakaguro (グエン・フー・チョン, ファム・ミン・チン), place names in
# one word (ハイフォン). Each syllable is onset + vowels + final: the first vowel is written
# with the onset (チョ), the others alone (グ + エ), an open syllable on one long vowel takes
# the long mark (フー, トー, レー), a final n, ng, nh is ン, m ム, a stop ッ + its kana.
_JA_ONSET: dict[str, str] = {
    "": "", "b": "b", "c": "k", "k": "k", "qu": "k", "ch": "ch", "tr": "ch", "d": "z",
    "gi": "z", "đ": "d", "g": "g", "gh": "g", "h": "h", "kh": "k", "l": "r", "r": "r",
    "m": "m", "n": "n", "ng": "g", "ngh": "g", "nh": "ny", "p": "p", "ph": "f", "s": "s",
    "x": "s", "t": "t", "th": "t", "v": "v", "j": "j",
}  # fmt: skip
_JA_VOWEL = {
    "a": "a", "ă": "a", "â": "a", "e": "e", "ê": "e", "i": "i", "y": "i", "o": "o",
    "ô": "o", "ơ": "o", "oo": "o", "u": "u", "ư": "u",
}  # fmt: skip
_JA_KANA = """
 a ア i イ u ウ e エ o オ ka カ ki キ ku ク ke ケ ko コ ga ガ gi ギ gu グ ge ゲ go ゴ
 sa サ si シ su ス se セ so ソ za ザ zi ジ zu ズ ze ゼ zo ゾ ta タ ti ティ tu トゥ te テ
 to ト da ダ di ディ du ドゥ de デ do ド na ナ ni ニ nu ヌ ne ネ no ノ ha ハ hi ヒ hu フ
 he ヘ ho ホ ba バ bi ビ bu ブ be ベ bo ボ pa パ pi ピ pu プ pe ペ po ポ ma マ mi ミ mu ム
 me メ mo モ ra ラ ri リ ru ル re レ ro ロ fa ファ fi フィ fu フ fe フェ fo フォ va ヴァ
 vi ヴィ vu ヴ ve ヴェ vo ヴォ cha チャ chi チ chu チュ che チェ cho チョ nya ニャ nyi ニ
 nyu ニュ nye ニェ nyo ニョ ja ジャ ji ジ ju ジュ je ジェ jo ジョ
"""
_JA = dict(zip(_JA_KANA.split()[::2], _JA_KANA.split()[1::2], strict=True))
_JA_CODA = {
    "": "", "n": "ン", "ng": "ン", "nh": "ン", "m": "ム", "c": "ック", "ch": "ック",
    "k": "ック", "t": "ット", "p": "ップ", "i": "イ", "y": "イ", "o": "オ", "u": "ウ",
    "l": "ル",
}  # fmt: skip


def _vowels(s: Syllable) -> list[str]:
    """Return the vowels of a syllable's rhyme as a, e, i, o, u (glide first)."""
    glide = ["u"] if s.glide or s.onset == "qu" else []
    if s.nucleus in ("iê", "yê", "ia", "ya"):
        second = "e" if s.nucleus in ("iê", "yê") else "a"
        return [*glide, second] if glide else ["i", second]
    if s.nucleus in ("uô", "ua", "ươ", "ưa"):
        return [*glide, "u", "o" if s.nucleus in ("uô", "ươ") else "a"]
    vowel = _JA_VOWEL[s.nucleus]
    if s.glide == "o":
        return ["o", vowel]
    return [*glide, vowel]


def _ja_syllable(s: Syllable) -> str:
    onset = _JA_ONSET.get(s.onset)
    if onset is None:
        return ""
    vowels = _vowels(s)
    first = _JA.get(onset + vowels[0], "")
    text = first + "".join(_JA[v] for v in vowels[1:])
    if not s.coda and len(vowels) == 1 and s.nucleus not in ("a", "ă", "â", "i", "y"):
        return text + "ー"  # Phú -> フー, Tô -> トー, Lê -> レー
    return text + _JA_CODA[s.coda]


def _spelled(
    groups: list[list[Syllable]],
    spell: Callable[[Syllable], str],
    *,
    between_groups: str,
    between_syllables: str | None,
) -> list[str]:
    """Return the one form of a name whose syllables ``spell`` writes (none when it cannot
    write one): a place's syllables joined inside each group (``between_syllables`` None),
    a person's each apart."""
    parts = [[spell(s) for s in group] for group in groups]
    if any(not p for group in parts for p in group):
        return []
    if between_syllables is None:
        return [between_groups.join("".join(group) for group in parts)]
    return [between_syllables.join(p for group in parts for p in group)]


def _japanese(groups: list[list[Syllable]], kind: Kind) -> list[str]:
    # Katakana with the nakaguro between names: a place's syllables run together.
    joined = None if kind == "place" else "・"
    return _spelled(groups, _ja_syllable, between_groups="・", between_syllables=joined)


# Korean: the National Institute of Korean Language's rules for Vietnamese (외래어 표기법,
# 베트남어): b ㅂ, c k q ㄲ, ch tr ㅉ, d gi ㅈ, đ ㄷ, g ㄱ, h ㅎ, kh ㅋ, l r ㄹ, m ㅁ, n ㄴ,
# ng 응 before the vowel (응우옌), nh ㄴ + y-vowel, p ㅃ, ph ㅍ, s ㅅ, t ㄸ, th ㅌ, v ㅂ,
# x ㅆ; finals c ch ㄱ, m ㅁ, n ㄴ, ng ㅇ, nh ㄴ (anh 아인, ach 아익), p ㅂ, t ㅅ. Name parts
# are spaced (응우옌 푸 쫑), place names written in one word (하노이).
_KO_INITIAL = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
_KO_MEDIAL = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ"
_KO_FINAL = {"": 0, "ㄱ": 1, "ㄴ": 4, "ㄹ": 8, "ㅁ": 16, "ㅂ": 17, "ㅅ": 19, "ㅇ": 21}
_KO_ONSET: dict[str, str] = {
    "": "ㅇ", "b": "ㅂ", "c": "ㄲ", "k": "ㄲ", "qu": "ㄲ", "ch": "ㅉ", "tr": "ㅉ",
    "d": "ㅈ", "gi": "ㅈ", "đ": "ㄷ", "g": "ㄱ", "gh": "ㄱ", "h": "ㅎ", "kh": "ㅋ",
    "l": "ㄹ", "r": "ㄹ", "m": "ㅁ", "n": "ㄴ", "ng": "ㅇ", "ngh": "ㅇ", "nh": "ㄴ",
    "p": "ㅃ", "ph": "ㅍ", "s": "ㅅ", "x": "ㅆ", "t": "ㄸ", "th": "ㅌ", "v": "ㅂ",
    "j": "ㅈ", "kr": "ㄲ", "pl": "ㅃ",
}  # fmt: skip
_KO_VOWEL = {
    "a": "ㅏ", "ă": "ㅏ", "â": "ㅓ", "e": "ㅐ", "ê": "ㅔ", "i": "ㅣ", "y": "ㅣ", "o": "ㅗ",
    "ô": "ㅗ", "ơ": "ㅓ", "oo": "ㅗ", "u": "ㅜ", "ư": "ㅡ",
}  # fmt: skip
_KO_Y = {"ㅏ": "ㅑ", "ㅓ": "ㅕ", "ㅗ": "ㅛ", "ㅜ": "ㅠ", "ㅔ": "ㅖ", "ㅐ": "ㅒ"}
_KO_WITH_W = {"ㅏ": "ㅘ", "ㅐ": "ㅙ", "ㅓ": "ㅝ", "ㅔ": "ㅞ", "ㅣ": "ㅟ"}
_KO_CODA = {
    "": "", "c": "ㄱ", "ch": "ㄱ", "k": "ㄱ", "m": "ㅁ", "n": "ㄴ", "ng": "ㅇ", "nh": "ㄴ",
    "p": "ㅂ", "t": "ㅅ", "l": "ㄹ",
}  # fmt: skip


def _ko_block(initial: str, medial: str, final: str = "") -> str:
    code = (_KO_INITIAL.index(initial) * 21 + _KO_MEDIAL.index(medial)) * 28
    return chr(0xAC00 + code + _KO_FINAL[final])


def _ko_syllable(s: Syllable) -> str:
    initial = _KO_ONSET.get(s.onset)
    if initial is None:
        return ""
    prefix = _ko_block("ㅇ", "ㅡ", "ㅇ") if s.onset in ("ng", "ngh") else ""  # 응우옌
    if s.nucleus in ("iê", "yê", "ia", "ya"):
        tail = "ㅔ" if s.nucleus in ("iê", "yê") else "ㅓ"
        medials = ["ㅜ", _KO_Y[tail]] if s.glide else ["ㅣ", tail]  # 우옌, 디엔
    elif s.nucleus in ("uô", "ua"):
        medials = ["ㅜ", "ㅗ" if s.nucleus == "uô" else "ㅏ"]
    elif s.nucleus in ("ươ", "ưa"):
        medials = ["ㅡ", "ㅓ" if s.nucleus == "ươ" else "ㅏ"]
    else:
        vowel = _KO_VOWEL[s.nucleus]
        if s.onset == "qu" and vowel in _KO_WITH_W:
            medials = [_KO_WITH_W[vowel]]  # Quảng -> 꽝
        elif s.glide:
            medials = ["ㅗ" if s.glide == "o" else "ㅜ", vowel]  # Hòa -> 호아
        else:
            medials = [vowel]
    if s.onset == "nh" and medials[0] in _KO_Y:
        medials[0] = _KO_Y[medials[0]]  # Nha Trang -> 냐짱
    blocks = [[initial, medials[0], ""]] + [["ㅇ", m, ""] for m in medials[1:]]
    extra = ""
    if s.coda in ("i", "y"):
        extra = _ko_block("ㅇ", "ㅣ")  # Hải -> 하이
    elif s.coda in ("o", "u"):
        extra = _ko_block("ㅇ", "ㅗ" if s.coda == "o" else "ㅜ")
    elif s.coda in ("nh", "ch") and blocks[-1][1] == "ㅏ":
        extra = _ko_block("ㅇ", "ㅣ", _KO_CODA[s.coda])  # Thanh -> 타인, Bạch -> 바익
    else:
        blocks[-1][2] = _KO_CODA[s.coda]
    return prefix + "".join(_ko_block(*b) for b in blocks) + extra


def _korean(groups: list[list[Syllable]], kind: Kind) -> list[str]:
    # Hangul with a space between a person's syllables; a place's run together.
    joined = None if kind == "place" else " "
    return _spelled(groups, _ko_syllable, between_groups="-", between_syllables=joined)


# ---------------------------------------------------------------------------------------
# Traditional forms no rule gives
# ---------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _traditional_table() -> dict[tuple[str, str, str], tuple[str, ...]]:
    """Return (name key, kind, language) -> forms, from the profiles' exonyms."""
    table: dict[tuple[str, str, str], tuple[str, ...]] = {}
    for tag, found in lang_profiles().items():
        for exonym in found.exonyms:
            key = _name_key(exonym.name)
            if key is None:
                raise ProfileError(
                    f"multipub/lang/data/{tag}.yaml: exonym {exonym.name!r} "
                    "is not a Vietnamese name"
                )
            for kind in (exonym.kind,) if exonym.kind else ("person", "place"):
                table[(key, kind, tag)] = exonym.forms
    return table


def _traditional(name: str, lang: str, kind: Kind, *, latin: bool) -> tuple[str, ...]:
    key = _name_key(name)
    if key is None:
        return ()
    found = _traditional_table().get((key, kind, lang))
    if found is None and latin:
        # Latin-script languages without an entry of their own use the English exonym.
        found = _traditional_table().get((key, kind, "en"))
    return found or ()


# ---------------------------------------------------------------------------------------
# Generic words of place names
# ---------------------------------------------------------------------------------------

# A generic word opening a Vietnamese place name ("Thành phố Hồ Chí Minh", "Vịnh Hạ Long")
# is translated, not transliterated: Chinese puts it after the name (胡志明市, 下龙湾),
# Russian and Arabic put it before (город Хошимин, مدينة هو تشي منه) or leave it out.
# Per language: the word, and for Chinese the simplified and traditional characters.
_GENERIC_PLACE: dict[str, dict[str, tuple[str, ...]]] = {
    "thành phố": {"zh": ("市", "市"), "ru": ("город",), "ar": ("مدينة",)},
    "thị xã": {"zh": ("市", "市"), "ru": ("город",)},
    "tỉnh": {"zh": ("省", "省"), "ru": ("провинция",), "ar": ("مقاطعة",)},
    "huyện": {"zh": ("县", "縣"), "ru": ("уезд",)},
    "quận": {"zh": ("郡", "郡"), "ru": ("район",)},
    "vịnh": {"zh": ("湾", "灣"), "ru": ("залив",), "ar": ("خليج",)},
    "đảo": {"zh": ("岛", "島"), "ru": ("остров",), "ar": ("جزيرة",)},
}


def _split_generic(keys: Sequence[str]) -> tuple[str, list[str] | None]:
    """Return the generic word opening a place name and the syllables after it."""
    for size in (2, 1):
        word = " ".join(keys[:size])
        if len(keys) > size and word in _GENERIC_PLACE:
            return word, list(keys[size:])
    return "", None


def _with_generic(word: str, primary: str, rest: list[str], tags: Sequence[str]) -> list[str]:
    """Return the forms of a place name whose generic ``word`` opens it, from ``rest``'s."""
    translated = _GENERIC_PLACE[word].get(primary)
    if not rest or translated is None:
        return rest
    if primary == "zh":
        simp_suffix, trad_suffix = translated
        tables = _hanviet()
        bare = [f for f in rest if f[-1] not in _ZH_ALL_SUFFIXES]
        hant = _zh_scripts(tags) == (False, True)
        suffixed = [
            f + (trad_suffix if hant or set(f) & tables.traditional_only else simp_suffix)
            for f in bare[:2]
        ]
        return _dedup([*suffixed, *bare])
    if primary == "ar":
        return _dedup([*(f"{translated[0]} {f}" for f in rest[:3]), *rest])
    return _dedup([*rest, f"{translated[0]} {rest[0]}"])  # ru: Хошимин, город Хошимин


# ---------------------------------------------------------------------------------------
# Public API
# ---------------------------------------------------------------------------------------


def _subtags(lang: str) -> list[str]:
    return [t for t in lang.strip().replace("_", "-").lower().split("-") if t]


def transliterate(name: str, lang: str, *, kind: str = "person") -> list[str]:
    """Return the expected renderings of a Vietnamese name in ``lang``, preferred first.

    ``lang`` is a BCP 47 tag (its primary subtag matters, and for Chinese the script or
    region: Hans/CN/SG simplified only, Hant/TW/HK/MO traditional only, plain "zh" both);
    ``kind`` is "person" or "place". The list has no duplicates and is the same on every
    call: "vi" gives the NFC name; Latin-script languages the name without, then with
    diacritics ("fr" also the circumflexes only and the grave of a, as French outlets
    print them); "ru" the practical transcription and the press's variants (places joined,
    then spaced); "ar" the spellings seen in outlets; "zh" Hán-Việt characters, places also
    with 省/市/县; "ja" katakana; "ko" hangul. Profile exonyms come first. A place name
    opening with a generic word ("Thành phố", "Tỉnh", "Vịnh"...) has it translated. Other
    languages, and names that are not Vietnamese where a rule is needed, give [].
    """
    if kind not in ("person", "place"):
        raise ValueError(f"kind must be 'person' or 'place', not {kind!r}")
    checked_kind: Kind = "person" if kind == "person" else "place"
    tags = _subtags(lang)
    if not tags:
        return []
    primary = tags[0]
    name = " ".join(unicodedata.normalize("NFC", name).split())
    if not name:
        return []
    if primary == "vi":
        return [name]
    latin = writes(lang, "latin")
    forms = list(_traditional(name, primary, checked_kind, latin=latin))
    if latin:
        forms += _latin(name, primary)
        return _dedup(forms)
    groups = _groups(name)
    if groups is None:
        return _dedup(forms)
    if checked_kind == "place" and not forms:
        word, rest = _split_generic([s.spell() for group in groups for s in group])
        if rest is not None:
            words = name.split()
            size = len(word.split())
            rest_forms = transliterate(" ".join(words[size:]), lang, kind="place")
            return _with_generic(word, primary, rest_forms, tags)
    if primary == "ru":
        forms += _russian(groups, checked_kind)
    elif primary == "ar":
        forms += _arabic(groups, checked_kind)
    elif primary == "ja":
        forms += _japanese(groups, checked_kind)
    elif primary == "ko":
        forms += _korean(groups, checked_kind)
    elif primary == "zh":
        simplified, traditional = _zh_scripts(tags)
        generated = _chinese(groups, checked_kind, simplified=simplified, traditional=traditional)
        return _zh_forms(forms, generated, checked_kind, tags)
    return _dedup(forms)


# Russian: spellings that the variants and common slips of one name alternate between.
_RU_SKELETON = str.maketrans(
    {
        "ё": "е",
        "э": "е",
        "я": "а",  # Тяу / Чау (after т-folding below)
        "ю": "у",  # Хюи / Хуи
        "й": "и",
        "ч": "т",  # Тьинь / Чинь / Тинь
        "ж": "з",  # r: ж / з / р
        "р": "з",
        "ш": "с",  # s: ш / с
        "ь": None,
        "ъ": None,
    }
)
# Arabic: letter forms and the Vietnamese-specific alternations (نغ / نج, ث / ت, س / ش).
_AR_SKELETON = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ى": "ي",
        "ة": "ه",
        "ؤ": "و",
        "ئ": "ي",
        "ج": "غ",
        "ث": "ت",
        "ش": "س",
        "ز": "د",
        "ـ": None,
        **{chr(c): None for c in range(0x064B, 0x0660)},
        "\u0670": None,
    }
)
# tr is also written تش, as ch is (تشونغ for Trọng): both fold to تر.
_AR_TSH = re.compile("تش")
# A short i or e may be left unwritten and a final nh written ن (مينه, منه, من): both fold.
_AR_SHORT_I = re.compile(r"(?<=\S)ي(?=[^\sاويى])")
_AR_FINAL_NH = re.compile(r"نه(?!\S)")
_RU_TR = re.compile("тр")  # Тран for Trần next to Чан (ч folds to т)
_AR_ARTICLE = re.compile(r"(?<!\S)ال(?=\S{2,})")
_ZH_SUFFIX = re.compile(r"[省市县縣]$")


def name_skeleton(text: str, lang: str) -> str:
    """Return a coarse key shared by the spellings of one name in ``lang``.

    Arabic folds letter forms (ة/ه, ى/ي, hamza), the article ال, and the alternations
    نغ/نج, ث/ت, س/ش, ز/د; Russian folds ть/ч/т, ж/з/р, ш/с, iotated vowels, soft signs;
    Chinese drops spaces and an administrative suffix (省, 市, 县); other languages fold
    case and diacritics. Spaces and punctuation are dropped everywhere, so "Ha Noi" and
    "Hanoi" share a key. Different names usually keep different keys.
    """
    tags = _subtags(lang)
    primary = tags[0] if tags else ""
    text = unicodedata.normalize("NFC", text)
    if primary == "ar":
        text = _AR_ARTICLE.sub("", _AR_TSH.sub("تر", text).translate(_AR_SKELETON))
        text = _AR_SHORT_I.sub("", _AR_FINAL_NH.sub("ن", text))
        return "".join(ch for ch in text if ch.isalnum())
    if primary == "ru":
        text = _RU_TR.sub("т", text.casefold()).translate(_RU_SKELETON)
        return "".join(ch for ch in text if ch.isalnum())
    if primary == "zh":
        text = "".join(ch for ch in text if ch.isalnum())
        return _ZH_SUFFIX.sub("", text) if len(text) > 2 else text
    return "".join(ch for ch in unidecode(text).casefold() if ch.isalnum())

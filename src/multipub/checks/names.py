"""MP2xx: how Vietnamese names are spelled (MP201, MP202, MP205)."""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache, lru_cache

from multipub.checks.context import Problem, VariantContext
from multipub.checks.registry import register
from multipub.findings import Severity
from multipub.glossary import EntryKind
from multipub.lang import letter_class, primary_subtag, profile, script, scripts_of, writes
from multipub.matcher import GlossaryIndex, strip_marks
from multipub.models import TextUnit
from multipub.names import capitals, vietnamese_names
from multipub.text import fold
from multipub.translit import matches_chinese, name_skeleton, parse_syllable, transliterate

__all__: list[str] = []

_NAME_KINDS = (EntryKind.PERSON, EntryKind.PLACE)
_WORD = re.compile(r"\w+")


@cache
def _capitalized_run() -> re.Pattern[str]:
    """Return the pattern of two or more capitalized words in a row (in any script with
    case), hyphens inside words allowed."""
    upper = capitals()
    # The first word outside the repeat: a pattern that opens with a character class
    # lets re skip ahead to the next capital in C (three times as fast).
    return re.compile(
        rf"[{upper}][\w'’-]*[ \u00a0]+(?:[{upper}][\w'’-]*[ \u00a0]+)*[{upper}][\w'’-]*"
    )


@dataclass(frozen=True, slots=True)
class _NameIndex:
    """Person and place forms of one language, keyed for spelling comparisons, and what
    the run has learnt about the words of its texts."""

    by_skeleton: dict[str, str]  # name skeleton -> entry id
    first_words: dict[str, set[int]]  # skeleton of a form's first word -> word counts
    preferred: dict[str, str]  # entry id -> preferred form
    # Every skeleton with one letter deleted -> skeletons (SymSpell): finds the names one
    # edit away from a text without comparing it with every name of the glossary. Built
    # for Latin-script languages only, the ones that look for names one edit away.
    deletions: dict[str, set[str]]
    # The good forms as written, folded and without diacritics: a name written so is no
    # misspelling (the matcher does not look for a name in a language the glossary gives
    # it no form in).
    written: frozenset[str] = frozenset()
    # Places: a name one edit away from a place's is as often another place ("Gia Lâm"
    # beside "Gia Lai"), so only two neighbouring consonants swapped count for them.
    places: frozenset[str] = frozenset()
    # Caches for the run: each word's skeleton; the words (as written) whose skeleton
    # starts a glossary name; and the answer of the one-edit search per skeleton (news
    # repeats the same capitalized names and phrases from article to article).
    word_skeletons: dict[str, str] = field(default_factory=dict)
    first_words_seen: set[str] = field(default_factory=set)
    near: dict[str, str | None] = field(default_factory=dict)

    def skeleton_of(self, word: str, lang: str) -> str:
        """Return the skeleton of one word (see :func:`name_skeleton`), cached."""
        skeleton = self.word_skeletons.get(word)
        if skeleton is None:
            if len(self.word_skeletons) > _KEPT:
                self.word_skeletons.clear()  # a whole archive's vocabulary is not kept
            skeleton = self.word_skeletons[word] = name_skeleton(word, lang)
            if skeleton in self.first_words:
                self.first_words_seen.add(word)
        return skeleton

    def may_start_a_name(self, words: set[str], lang: str) -> bool:
        """Return True when one of ``words`` begins a glossary name (by skeleton)."""
        for word in words.difference(self.word_skeletons):
            self.skeleton_of(word, lang)
        return not self.first_words_seen.isdisjoint(words)


# Cache bounds: the vocabulary of an archive grows without end, these caches do not.
_KEPT = 200_000


def _name_index(glossary: GlossaryIndex, lang: str) -> _NameIndex:
    key = ("names", lang)
    found: _NameIndex | None = glossary.derived.get(key)
    if found is None:
        by_skeleton: dict[str, str] = {}
        first_words: dict[str, set[int]] = {}
        preferred: dict[str, str] = {}
        written: set[str] = set()
        source_lang = glossary.glossary.source_lang
        latin = writes(lang, "latin") and primary_subtag(lang) != primary_subtag(source_lang)
        places: set[str] = set()
        for entry in glossary.glossary.entries:
            if entry.kind not in _NAME_KINDS:
                continue
            if entry.kind is EntryKind.PLACE:
                places.add(entry.id)
            forms = entry.forms(lang)
            if forms is not None:
                good = forms.good_forms()
                preferred[entry.id] = forms.preferred
            elif latin and (source := entry.forms(source_lang)) is not None:
                # No form in this Latin-script language: the Vietnamese spelling, which
                # the language writes with or without its diacritics, is the name.
                good = (source.preferred, strip_marks(source.preferred))
                preferred[entry.id] = source.preferred
            else:
                continue
            written.update(_as_written(form) for form in good)
            for form in good:
                words = _WORD.findall(form)
                if len(words) < 2:
                    continue
                by_skeleton.setdefault(name_skeleton(form, lang), entry.id)
                first_words.setdefault(_word_skeleton(words[0], lang), set()).add(len(words))
        deletions: dict[str, set[str]] = {}
        if _one_edit_allowed(lang):
            for skeleton in by_skeleton:
                for variant in _deletions(skeleton):
                    deletions.setdefault(variant, set()).add(skeleton)
        found = glossary.derived[key] = _NameIndex(
            by_skeleton, first_words, preferred, deletions, frozenset(written), frozenset(places)
        )
    return found


def _as_written(name: str) -> str:
    """Return a name folded, without diacritics, its words one space apart."""
    return " ".join(strip_marks(fold(name)).split())


def _deletions(text: str) -> set[str]:
    """Return ``text`` and every string made by deleting one of its characters."""
    return {text, *(text[:i] + text[i + 1 :] for i in range(len(text)))}


@lru_cache(maxsize=65536)
def _word_skeleton(word: str, lang: str) -> str:
    return name_skeleton(word, lang)


# Vowel letters of the skeletons (Latin, Cyrillic, Arabic): two of them swapped spell
# another syllable ("Hòa" and "Hậu" are هوا and هاو), not a typing slip.
_VOWELS = frozenset("aeiouyаеёиоуыэюяاويىآأإ")


def _swapped(a: str, b: str) -> bool:
    """Return True when ``a`` is ``b`` with two neighbouring consonants swapped ("Nihn")."""
    if len(a) != len(b):
        return False
    differ = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
    if len(differ) != 2 or differ[1] != differ[0] + 1:
        return False
    if a[differ[0]] != b[differ[1]] or a[differ[1]] != b[differ[0]]:
        return False
    return a[differ[0]] not in _VOWELS and a[differ[1]] not in _VOWELS


def _another_place(glossary: GlossaryIndex, entry_id: str, written: str, lang: str) -> bool:
    """Return True when ``written``, whose skeleton is place ``entry_id``'s, is more than
    one letter from each of the place's forms as written: another place that the
    skeleton's foldings make look alike (Arabic "تان هوا", Tân Hóa, and "ثانه هوا", Thanh
    Hóa), not a slip of its name."""
    forms = glossary.entries[entry_id].forms(lang)
    if forms is None:
        return False
    mine = _as_written(written)
    return not any(_distance_at_most_one(mine, _as_written(f)) for f in forms.good_forms())


def _distance_at_most_one(a: str, b: str) -> bool:
    """Return True when ``a`` and ``b`` differ by at most one edit: an insertion, a
    deletion, a substitution or two neighbouring letters swapped ("Hnug" for "Hung")."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) < len(b):
        return a[i:] == b[i + 1 :]
    swapped = i + 1 < len(a) and a[i] == b[i + 1] and a[i + 1] == b[i]
    return a[i + 1 :] == b[i + 1 :] or (swapped and a[i + 2 :] == b[i + 2 :])


@register(
    code="MP201",
    name="misspelled-name",
    severity=Severity.WARNING,
    summary="A person's or place's name spelled close to a glossary rendering but not as "
    "any accepted form: the same transliteration skeleton (Arabic نغ/نج, ث/ت, Russian "
    "ть/ч/т...) or, for a person, one letter away (for a place, two neighbouring "
    "consonants swapped: another place is often one letter away, and two vowels swapped "
    "spell another syllable; and a place's skeleton met by a spelling more than one letter "
    "from its forms is another place: Arabic 'تان هوا', Tân Hóa, is no 'ثانه هوا'). "
    "In a translation, only people and places its source names are looked for (a street "
    "named after someone else is not a misspelled minister); in Chinese, a person's name "
    "of three or four characters with one changed, not the first ('邓文历' for '邓文力'), "
    "unless it reads (Hán-Việt) as another name of the source. A Vietnamese name of real "
    "syllables one letter from the glossary's ('Đoàn Thanh Lâm' beside 'Đoàn Thanh Tâm') "
    "is a namesake: not reported on the source, nor in a translation's block whose source "
    "block names it. Reported with the preferred spelling.",
    why="Transliteration is ad hoc: one minister turns up as 'Нгуен Тиен Тхань' in one "
    "paragraph and 'Нгуен Тьен Тхань' in the next, and readers cannot tell it is one man.",
    bad="ru, with 'Чан Куок Хынг' in the glossary:\n\n> Заседание провёл Чан Куок Хунг.",
    good="ru:\n\n> Заседание провёл Чан Куок Хынг.",
)
def misspelled_name(ctx: VariantContext) -> Iterator[Problem]:
    """Yield one problem per near-spelling of a glossary person's or place's name."""
    glossary = ctx.glossary
    if glossary is None:
        return
    index = _name_index(glossary, ctx.lang)
    primary = primary_subtag(ctx.lang)
    if primary == "zh" and not ctx.is_source and ctx.source_lang is not None:
        yield from _chinese_near_misses(ctx)
    if not index.by_skeleton:
        return
    # A namesake is no misspelling: in Vietnamese, a name of real syllables one letter
    # from the glossary's ("Đoàn Thanh Lâm" beside "Đoàn Thanh Tâm") is another person's,
    # and a translation's name where its source block names such a namesake is theirs.
    namesakes = _source_namesakes(ctx) if not ctx.is_source else set()
    pairs = ctx.unit_pairs() if namesakes else []
    for unit_index, unit, (start, end), entry_id in _near_misses(ctx):
        if ctx.is_source and _real_syllables(unit.text[start:end], ctx.lang):
            continue
        if any(
            unit_index in t_idx and any((i, entry_id) in namesakes for i in s_idx)
            for s_idx, t_idx in pairs
        ):
            continue
        yield _misspelled(unit, (start, end), entry_id, index.preferred[entry_id])


def _real_syllables(written: str, lang: str) -> bool:
    """Return True when ``written``, in Vietnamese, is made of real syllables only (a
    name, not a slip of one: "Lâm", not "Lmâ")."""
    if primary_subtag(lang) != "vi":
        return False
    words = written.split()
    return bool(words) and all(parse_syllable(word) is not None for word in words)


def _source_namesakes(ctx: VariantContext) -> set[tuple[int, str]]:
    """Return (source unit index, entry) for each name of the source close to an entry's
    and made of real syllables: a namesake the translations name too. Found once per
    article."""
    source_lang = ctx.source_lang
    if source_lang is None:
        return set()
    key = ("names-namesakes", "", "", None)
    remembered = ctx.shared.memo.get(key)
    if isinstance(remembered, set):
        return remembered
    source = VariantContext(ctx.shared, source_lang)
    found = {
        (unit_index, entry_id)
        for unit_index, unit, (start, end), entry_id in _near_misses(source)
        if _real_syllables(unit.text[start:end], source_lang)
    }
    ctx.shared.memo[key] = found
    return found


def _near_misses(ctx: VariantContext) -> Iterator[tuple[int, TextUnit, tuple[int, int], str]]:
    """Yield (unit index, unit, span, entry) for each name of the variant spelled close to
    a glossary person's or place's but not as any of its forms (see MP201)."""
    glossary = ctx.glossary
    if glossary is None:
        return
    index = _name_index(glossary, ctx.lang)
    if not index.by_skeleton:
        return
    primary = primary_subtag(ctx.lang)
    near = _one_edit_allowed(ctx.lang)
    cased = any(script(name).cased for name in scripts_of(ctx.lang))
    # Outside Chinese (whose skeleton drops a final 省/市), a span's skeleton is its
    # words' skeletons joined: each word's is computed once per run and language.
    joinable = primary != "zh"
    # In a translation, a name close to one the source does not name is another name (a
    # street named after someone else: "شارع فام فان دونغ" is no Phạm Văn Cường).
    named_in_source: set[str] | None = None
    if not ctx.is_source and ctx.source_lang is not None:
        named_in_source = {m.entry for found in ctx.shared.mentions(ctx.source_lang) for m in found}
        if named_in_source.isdisjoint(index.preferred):
            return  # the source names no person nor place: nothing to look for
    for unit_index, (unit, mentions) in enumerate(zip(ctx.units(), ctx.mentions(), strict=True)):
        text = unit.text
        if not cased and not index.may_start_a_name(set(_WORD.findall(text)), ctx.lang):
            continue  # set operations settle most blocks of Arabic and Chinese
        covered = _Spans((m.start, m.end) for m in mentions)
        # Scripts with capitals: names are runs of capitalized words, found by one regex
        # (a loop over every word of every block was this check's whole cost).
        runs = (
            [
                [m.span() for m in _WORD.finditer(text, r.start(), r.end())]
                for r in _capitalized_run().finditer(text)
            ]
            if cased
            else [[m.span() for m in _WORD.finditer(text)]]
        )
        for spans in runs:
            skeletons = [index.skeleton_of(text[start:end], ctx.lang) for start, end in spans]
            for i, (first_start, _) in enumerate(spans):
                # A name whose first word the glossary does not know ("Вуонг" for
                # "Выонг") is tried at every size in scripts with capitals (they settle
                # where names stand); in Arabic and Chinese the first word must be the
                # glossary's.
                sizes = index.first_words.get(skeletons[i]) or (_NAME_SIZES if cased else None)
                if not sizes:
                    continue
                for size in sorted(sizes, reverse=True):
                    if i + size > len(spans):
                        continue
                    start, end = first_start, spans[i + size - 1][1]
                    if covered.overlaps(start, end):
                        continue
                    skeleton = (
                        "".join(skeletons[i : i + size])
                        if joinable
                        else name_skeleton(text[start:end], ctx.lang)
                    )
                    entry_id = _near_name(index, skeleton, near)
                    if named_in_source is not None and entry_id not in named_in_source:
                        continue
                    if entry_id in index.places and _another_place(
                        glossary, entry_id, text[start:end], ctx.lang
                    ):
                        continue
                    if entry_id is not None and _as_written(text[start:end]) not in index.written:
                        yield unit_index, unit, (start, end), entry_id
                        covered.add(start, end)
                        break


def _misspelled(unit: TextUnit, span: tuple[int, int], entry_id: str, preferred: str) -> Problem:
    """Return the problem of ``span`` of ``unit`` written for the entry ``entry_id``, whose
    glossary spelling is ``preferred``."""
    written = unit.text[span[0] : span[1]]
    return Problem(
        field=unit.field,
        block=unit.block,
        span=span,
        message=f"'{written}' looks like {entry_id} misspelled; the glossary spells it "
        f"'{preferred}'",
        entry=entry_id,
    )


# A person's name in Chinese characters: three or four of them (a family name, a middle
# name such as 文 or 氏, a given name), one of which, not the first, a misspelling changes.
_HAN_NAME_SIZES = (3, 4)


def _chinese_near_misses(ctx: VariantContext) -> Iterator[Problem]:
    """Yield a problem per run of Han characters in a Chinese translation that writes a
    person the source names with one character changed, not the first ("邓文历" for
    "邓文力", Đặng Văn Lực; "潘氏妙玲" for "潘氏妙灵"), unless the run is a glossary form or
    inside a mention, or reads (Hán-Việt) as another Vietnamese name of the source: any
    name is one character from many others, and only the source tells them apart."""
    glossary = ctx.glossary
    assert glossary is not None and ctx.source_lang is not None
    source_units = ctx.shared.units(ctx.source_lang)
    source_mentions = ctx.shared.mentions(ctx.source_lang)
    named = {m.entry for found in source_mentions for m in found}
    people: dict[str, str] = {}  # a form in Chinese -> the person
    for entry_id in sorted(named):
        entry = glossary.entries[entry_id]
        forms = entry.forms(ctx.lang)
        if entry.kind is not EntryKind.PERSON or forms is None:
            continue
        for form in forms.good_forms():
            if len(form) in _HAN_NAME_SIZES and _han().fullmatch(form):
                people.setdefault(form, entry_id)
    if not people:
        return
    written = _name_index(glossary, ctx.lang).written
    # The source's other people, as it names them: "Nguyễn Văn Bình" is 阮文平, no slip.
    others = [
        unit.text[start:end]
        for unit, found in zip(source_units, source_mentions, strict=True)
        for start, end in vietnamese_names(unit.text)
        if not any(m.start < end and start < m.end for m in found)
    ]
    by_first: dict[str, list[str]] = {}
    for form in people:
        by_first.setdefault(form[0], []).append(form)
    ordinary = _ordinary_words(ctx.lang)
    for unit, mentions in zip(ctx.units(), ctx.mentions(), strict=True):
        text = unit.text
        covered = _Spans((m.start, m.end) for m in mentions)
        # Words that hold a family name's character and name no one ("提高文化": 高文化 is
        # no 高文和).
        for word in ordinary.finditer(text) if ordinary is not None else ():
            covered.add(*word.span())
        for at, char in enumerate(text):
            for form in by_first.get(char, ()):
                run = text[at : at + len(form)]
                if (
                    len(run) != len(form)
                    or sum(a != b for a, b in zip(run, form, strict=True)) != 1
                    or not _han().fullmatch(run)
                    or covered.overlaps(at, at + len(form))
                    or _as_written(run) in written
                    or any(matches_chinese(name, run) for name in others)
                ):
                    continue
                yield _misspelled(unit, (at, at + len(form)), people[form], form)
                covered.add(at, at + len(form))
                break


@lru_cache(maxsize=8)
def _ordinary_words(lang: str) -> re.Pattern[str] | None:
    """Return the pattern of the words of ``lang``'s profile that hold a family name's
    character and name no one (``gender.not_someone``: 提高, 泰国), None without any."""
    found = profile(lang)
    words = found.gender.not_someone if found is not None else ()
    return (
        re.compile("|".join(map(re.escape, sorted(words, key=len, reverse=True))))
        if words
        else None
    )


@cache
def _han() -> re.Pattern[str]:
    """Return the pattern of a run of Han characters."""
    return re.compile(letter_class("han") + "+")


class _Spans:
    """Disjoint spans of a text, sorted, asked whether a span overlaps one of them: a
    bisection, not a walk over every mention of a long block."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        self._spans = sorted(spans)
        self._starts = [a for a, _ in self._spans]

    def overlaps(self, start: int, end: int) -> bool:
        """Return True when ``[start, end)`` overlaps a span already held."""
        at = bisect.bisect_left(self._starts, end)
        # Spans are disjoint: only the last one starting before ``end`` can reach it.
        return at > 0 and self._spans[at - 1][1] > start

    def add(self, start: int, end: int) -> None:
        """Hold ``[start, end)`` too."""
        at = bisect.bisect_left(self._starts, start)
        self._starts.insert(at, start)
        self._spans.insert(at, (start, end))


# Names (in scripts with capitals) whose first word the glossary does not know are tried
# at these sizes.
_NAME_SIZES = frozenset((2, 3, 4))


def _one_edit_allowed(lang: str) -> bool:
    """Return whether a name one letter off the glossary's is looked for in ``lang``: in
    every language written with spaces between words (Latin, Cyrillic, Arabic...), where a
    letter is a sound; not in Chinese or Japanese, where one character is a syllable."""
    found = profile(lang)
    return found is not None and found.separates_words


def _near_name(index: _NameIndex, skeleton: str, near: bool) -> str | None:
    """Return the entry whose name has this skeleton, or (where ``near``, skeletons of six
    letters or more) one edit away from it; None when there is none."""
    entry_id = index.by_skeleton.get(skeleton)
    if entry_id is not None or not near or len(skeleton) <= 5:
        return entry_id
    if skeleton in index.near:
        return index.near[skeleton]
    for candidate in sorted(
        set().union(*(index.deletions.get(d, ()) for d in _deletions(skeleton)))
    ):
        if not _distance_at_most_one(skeleton, candidate):
            continue
        if index.by_skeleton[candidate] in index.places and not _swapped(skeleton, candidate):
            continue
        entry_id = index.by_skeleton[candidate]
        break
    if len(index.near) > _KEPT:
        index.near.clear()
    index.near[skeleton] = entry_id
    return entry_id


@lru_cache(maxsize=4096)
def _suggested(name: str, lang: str) -> tuple[str, ...]:
    # The same unknown people turn up article after article: their spellings are kept.
    return tuple(transliterate(name, lang))


@register(
    code="MP202",
    name="unknown-name",
    severity=Severity.INFO,
    summary="A Vietnamese personal name in the source variant (two to four capitalized "
    "syllables starting with a family name) that no glossary entry knows, reported once "
    "per variant with suggested renderings in the article's other languages, ready to add "
    "to the glossary. The last syllables of a glossary person the variant names ('bà Mai "
    "Anh' for Vũ Thị Mai Anh) are that person. Runs only with a glossary.",
    why="Names the glossary does not know are spelled however each translation guesses; "
    "adding them once fixes every later article.",
    bad="vi, with no entry for the name:\n\n> Ông Đinh Công Sáu, Bí thư Huyện ủy, phát biểu.",
    good="Add person/dinh-cong-sau to the glossary with its forms: en 'Dinh Cong Sau', "
    "ru 'Динь Конг Шау', ar 'دينه كونغ ساو'.",
)
def unknown_name(ctx: VariantContext) -> Iterator[Problem]:
    """Yield one problem per distinct Vietnamese name that no glossary entry knows."""
    if ctx.glossary is None or not ctx.is_source or primary_subtag(ctx.lang) != "vi":
        return
    targets = ctx.article.targets()
    kinds = ctx.glossary.kinds
    # A person of the glossary named again by the last syllables of the name ("bà Mai Anh"
    # for Vũ Thị Mai Anh) is no one new: "Mai" is a family name too.
    seen = {
        fold(" ".join(words[first:]))
        for found in ctx.mentions()
        for m in found
        if kinds.get(m.entry) is EntryKind.PERSON
        for words in [m.text.split()]
        for first in range(1, len(words) - 1)
    }
    for unit, mentions in zip(ctx.units(), ctx.mentions(), strict=True):
        if unit.field == "byline":
            continue  # journalists sign in their own spelling in every language
        covered = _Spans((m.start, m.end) for m in mentions)
        for start, end in vietnamese_names(unit.text):
            if covered.overlaps(start, end):
                continue
            name = unicodedata.normalize("NFC", unit.text[start:end])
            if fold(name) in seen:
                continue
            seen.add(fold(name))
            suggestions = []
            for lang in targets:
                forms = _suggested(name, lang)
                if forms:
                    suggestions.append(f"{lang} '{forms[0]}'")
            hint = f"; suggested: {', '.join(suggestions)}" if suggestions else ""
            yield Problem(
                field=unit.field,
                block=unit.block,
                span=(start, end),
                message=f"'{name}' is not in the glossary{hint}",
            )


@register(
    code="MP205",
    name="latin-name-form",
    severity=Severity.WARNING,
    summary="A Vietnamese name (a person or place of the glossary) written in a "
    "Latin-script variant with diacritics where the glossary's form has none, or without "
    "them where it has them: the glossary form of each language is the house form.",
    why="One outlet writing 'Nguyễn Phú Trọng' in one paragraph and 'Nguyen Phu Trong' in "
    "the next, or 'Hanoï' and 'Hanoi', looks careless and breaks search.",
    bad="en, with 'Tran Quoc Hung' in the glossary:\n\n> Trần Quốc Hưng chaired the meeting.",
    good="en:\n\n> Tran Quoc Hung chaired the meeting.",
)
def latin_name_form(ctx: VariantContext) -> Iterator[Problem]:
    """Yield one problem per name whose diacritics differ from the glossary form."""
    glossary = ctx.glossary
    if glossary is None or not writes(ctx.lang, "latin"):
        return
    for unit, mentions in zip(ctx.units(), ctx.mentions(), strict=True):
        for m in mentions:
            if m.exact or glossary.entries[m.entry].kind not in _NAME_KINDS:
                continue
            forms = glossary.entries[m.entry].forms(ctx.lang)
            expected = forms.preferred if forms else m.form
            marked = "with" if strip_marks(fold(m.text)) != fold(m.text) else "without"
            yield Problem(
                field=unit.field,
                block=unit.block,
                span=(m.start, m.end),
                message=f"'{m.text}' is written {marked} diacritics; the house form in "
                f"{ctx.lang} is '{expected}'",
                entry=m.entry,
            )

"""MP2xx: people in the glossary: their titles (MP203) and their gender (MP204)."""

from __future__ import annotations

import bisect
import itertools
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from multipub.checks.context import Problem, VariantContext
from multipub.checks.registry import register
from multipub.findings import Severity
from multipub.glossary import NAME_SLOT, EntryKind, Gender, TermForms
from multipub.lang import (
    Clitics,
    Profile,
    letter_class,
    primary_subtag,
    profile,
    profiles,
    script,
    sentence_end,
    words_pattern,
)
from multipub.matcher import FormStatus, GlossaryIndex, Mention, plural_words, same_but_case
from multipub.models import TextUnit
from multipub.names import capitals
from multipub.text import fold

__all__ = ["attached_titles", "former_word_after", "name_signals", "title_heads"]


@cache
def _gap() -> re.Pattern[str]:
    """Return what may stand between a name and its titles: commas, colons, dashes, white
    space, and a profile's "and" (written attached in Arabic: "و"). Not a former-word:
    in "Tô Lâm, nguyên Thủ tướng Nguyễn Tấn Dũng" the title is the next man's."""
    words = [w for p in profiles().values() for w in p.conjunctions if len(w) > 1]
    attached = [w for p in profiles().values() for w in p.conjunctions if len(w) == 1]
    alternatives = [rf"{words_pattern(words, bounded=False)}\s+"] if words else []
    alternatives += [re.escape(w) for w in attached]
    return re.compile(rf"^[\s,،;:\-–—()]*(?:{'|'.join(alternatives)})?$", re.IGNORECASE)


# What sets a title in apposition off from the name before it: "A, Deputy Secretary".
_APPOSITION_MARKS = frozenset(",،;:-–—()")


@dataclass(frozen=True, slots=True)
class _Person:
    unit: TextUnit
    mention: Mention
    titles: tuple[Mention, ...]


def attached_titles(
    text: str,
    mentions: list[Mention],
    index: int,
    kinds: dict[str, EntryKind],
    lang: str | None = None,
) -> list[Mention]:
    """Return the title mentions attached to the person mention ``mentions[index]``:
    those right before the name, and the chain of titles (and their organizations) right
    after it, separated only by commas, dashes or "and". With ``lang``, a title before the
    name may also be followed by its complement in capitalized words ("Minister of Health
    Cao Van Luc", "le ministre de la Santé ...")."""
    person = mentions[index]
    attached: list[Mention] = []
    # Before: "Chủ tịch UBND tỉnh Nguyễn Văn An", "Premier Pham Minh Chinh", and past the
    # bodies and places of the title ("Bộ trưởng Bộ Công Thương Nguyễn Văn An").
    start = person.start
    for position in range(index - 1, -1, -1):
        before = mentions[position]
        # Only white space between: in "A, title of A, B" the title is A's, not B's.
        if text[before.end : start].strip():
            if (
                lang is not None
                and kinds.get(before.entry) is EntryKind.TITLE
                and (
                    _complement_between(text[before.end : start], lang)
                    or (start != person.start and _only_linking(text[before.end : start]))
                    or _apposed_to(text, mentions, position, index, start, lang, kinds)
                )
            ):
                attached.append(before)
            break
        kind = kinds.get(before.entry)
        if kind is EntryKind.TITLE:
            previous = mentions[position - 1] if position else None
            if not _heads_an_unknown_unit(text, before, previous):
                attached.append(before)
            break
        if kind not in (EntryKind.ORGANIZATION, EntryKind.PLACE):
            break
        start = before.start
    # After: "Trần Quốc Hưng, Phó Bí thư Thường trực Tỉnh ủy, Chủ tịch HĐND tỉnh".
    end = person.end
    for position in range(index + 1, len(mentions)):
        following = mentions[position]
        kind = kinds.get(following.entry)
        gap = text[end : following.start]
        if kind is EntryKind.PERSON or not _gap().match(gap):
            break
        if end == person.end and gap.strip() and not _APPOSITION_MARKS.intersection(gap):
            break  # "A và Đại sứ ... B", "A وسفيرة ... B": "and" opens the next person
        if kind is EntryKind.TITLE:
            if _before_another_name(text, mentions, position, kinds, lang):
                break  # "A, Thủ tướng Nhật Bản Ishikawa Tadao": the next man's title
            if _of_something_unknown(text, mentions, position, lang):
                break  # "A, présidente du jury": a presidency the glossary does not know
            attached.append(following)
        end = following.end
    return attached


# A title's complement before the name, in capitalized words after a linking word ("of
# Health", "de la Santé", "del Comité Popular de Hanoi"): at most this many words.
_COMPLEMENT_WORDS = 8
_COMPLEMENT_GLUE = frozenset({"and", "the", "of", "et", "de", "du", "des", "la", "le", "les"})
_COMPLEMENT_GLUE |= {"l", "d", "y", "e", "del", "el", "los", "las", "da", "do"}


@cache
def _name_before_apposition() -> re.Pattern[str]:
    """Return the pattern of two capitalized words and a comma (and "the") ending the text
    searched, right before a title: a name the title is in apposition after."""
    return re.compile(rf"[{capitals()}][\w'’-]*\s+[{capitals()}][\w'’-]*\s*,\s*(?:the\s+)?$")


def _apposed_to(
    text: str,
    mentions: list[Mention],
    title_at: int,
    person_at: int,
    start: int,
    lang: str,
    kinds: dict[str, EntryKind],
) -> bool:
    """Return True when the title ``mentions[title_at]`` stands before the name of
    ``mentions[person_at]`` (from ``start``: its bodies and places before it aside) as a
    noun the name is in apposition to, set off by commas: "la ministra de Ciencia y
    Tecnología, Tran Thi Lan, dijo", "the Deputy Minister of Transport, Mr Le Van An,
    said". Not when the title is itself in apposition after another person ("A, Minister
    of Health, B, ...": A's), when no comma closes the name ("the minister, A and B"), when
    the title is a bare head with no complement ("Reporting to the minister, A, ...": an
    opening phrase), or when a title of the name's own follows it ("..., A, Director of
    the Department of Transport, said")."""
    title, person = mentions[title_at], mentions[person_at]
    gap = text[title.end : start].replace("،", ",")  # the Arabic comma is one too
    head, comma, rest = gap.rpartition(",")
    if not comma or (head.strip() and not _complement_between(head, lang)):
        return False
    if not head.strip() and len(title.text.split()) < 2:
        return False
    following = mentions[person_at + 1] if person_at + 1 < len(mentions) else None
    if (
        following is not None
        and kinds.get(following.entry) is EntryKind.TITLE
        and not text[person.end : following.start].strip(" ,")
    ):
        return False
    found = profile(lang)
    honorifics = {w.lower() for pair in found.gender.honorifics for w in pair} if found else set()
    words = _PART_WORD.findall(rest)
    if any(mark in rest for mark in ',;:()"“”«»؛') or len(words) > 2:
        return False
    if (
        words
        and " ".join(rest.split()).lower() not in honorifics
        and not all(w.lower() in honorifics for w in rest.split())
    ):
        return False
    if not re.match(r"\s*[,،]", text[person.end :]):
        return False
    previous = mentions[title_at - 1] if title_at else None
    if (
        previous is not None
        and kinds.get(previous.entry) is EntryKind.PERSON
        and _gap().match(text[previous.end : title.start])
    ):
        return False
    # ... nor after a name the glossary does not know ("Nguyen Van Binh, Chairman of ...,
    # Hoang Minh Duc, ...": Binh's title).
    before = _name_before_apposition().search(text, max(0, title.start - 60), title.start)
    return before is None


def _only_linking(gap: str) -> bool:
    """Return True when ``gap`` holds linking words only ("de", "of the", "del"): between
    a title and the body or place it is of ("la subdirectora de [Ciudad Ho Chi Minh] X")."""
    words = _PART_WORD.findall(gap)
    return (
        bool(words)
        and len(words) <= 3
        and not any(mark in gap for mark in ',;:()"“”«»')
        and all(w.lower() in _LINKING_WORDS or w.lower() in _COMPLEMENT_GLUE for w in words)
    )


@lru_cache(maxsize=64)
def _former_word_last(lang: str) -> re.Pattern[str] | None:
    """Return the pattern of a former-word written after a title (``former_words_after``)
    ending the text searched, None for a language without any."""
    found = profile(lang)
    if found is None or not found.former_words_after:
        return None
    spaced = found.separates_words
    words = words_pattern(found.former_words_after, bounded=spaced)
    edge = r"(?<!\w)" if spaced else ""
    return re.compile(rf"{edge}{words}\s*$", re.IGNORECASE)


def _complement_or_former(gap: str, lang: str) -> bool:
    """Return True when ``gap``, between a title and a name, is the title's complement, a
    former-word written after it, or both ("العمل السابقة", "of Labour"). In a language
    that writes its article onto words, a complement the glossary does not know may hold
    words without it ("العمل ومعاقي الحرب والشؤون الاجتماعية السابقة"): a former-word
    after it, and no mark or "and" before the name, make it one."""
    found = _former_word_last(lang)
    last = found.search(gap) if found is not None else None
    former = last is not None
    if last is not None:
        gap = gap[: last.start()]
    if not gap.strip() or _complement_between(gap, lang):
        return True
    language = profile(lang)
    clitics = language.matching.clitics if language is not None else None
    return (
        former
        and clitics is not None
        and not any(mark in gap for mark in ',،;؛:()"“”«»')
        and len(_PART_WORD.findall(gap)) <= _COMPLEMENT_WORDS
    )


def _complement_between(gap: str, lang: str) -> bool:
    """Return True when ``gap``, between a title and a name, is the title's complement: in
    a language with capitals and spaces, a linking word ("of", "de", "del") and then only
    capitalized words and glue ("of Industry and Trade", "de la Santé"), none of them a
    Vietnamese surname (which would open another name: "of Health Nguyen Thanh Long and");
    in a language that writes its article onto words, one to four words that carry it, the
    title in construct state ("وزيرة النقل", "وزير الصناعة والتجارة")."""
    found = profile(lang)
    if found is None or not found.separates_words:
        return False
    clitics = found.matching.clitics
    if clitics is not None and clitics.article:
        return _construct_complement(gap, clitics, lang)
    if not script(found.scripts[0]).cased:
        return False
    words = _PART_WORD.findall(gap)
    if not words or len(words) > _COMPLEMENT_WORDS or words[0].lower() not in _LINKING_WORDS:
        return False
    if any(mark in gap for mark in ';:()"“”«»') or not _commas_in_a_name(gap):
        return False
    if words[-1].lower() in _COMPLEMENT_GLUE:
        return False  # "of Hanoi and Le Thi Hong Van": "and" opens the next person
    surnames = name_signals(lang)[0]
    content = [w for w in words[1:] if w.lower() not in _COMPLEMENT_GLUE]
    return bool(content) and all(w[:1].isupper() and _plain(w) not in surnames for w in content)


def _commas_in_a_name(gap: str) -> bool:
    """Return True when each comma of ``gap`` stands inside a capitalized name, a word
    with a capital right after it ("of Labour, War Invalids and Social Affairs"), and
    none ends it (a comma before the name sets it off)."""
    return not gap.rstrip().endswith(",") and all(
        re.match(r"\s*[^\W\d_]", gap[comma + 1 :]) and gap[comma + 1 :].lstrip()[:1].isupper()
        for comma in (i for i, c in enumerate(gap) if c == ",")
    )


def _construct_complement(gap: str, clitics: Clitics, lang: str) -> bool:
    """Return True when ``gap`` is one to four words, each with the article (after "و"
    or a contracted "لل": "والتجارة", "للتخطيط"), none a Vietnamese surname: a title's
    complement in construct state."""
    words = gap.split()
    if not 0 < len(words) <= 4 or any(mark in gap for mark in ',;:()"“”«»،؛'):
        return False
    surnames, _, honorifics = name_signals(lang)
    conjunctions = tuple(clitics.conjunctions)

    def someone(word: str) -> bool:
        # "التقى وزير الصحة والرفيق X": an honorific brings in the next person
        plain = _plain(word)
        bare = plain[1:] if plain.startswith(conjunctions) else plain
        return fold(word) in surnames or plain in honorifics or bare in honorifics

    return all(_carries_the_article(w, clitics) and not someone(w) for w in words)


@cache
def _han() -> re.Pattern[str]:
    """Return the pattern of a Chinese character (the script table's Han letters)."""
    return re.compile(letter_class("han"))


def _heads_an_unknown_unit(text: str, title: Mention, previous: Mention | None) -> bool:
    """Return True when ``title`` is the head of a unit the glossary does not know, written
    in Chinese characters: the unit's last character opens the title ("导演部部长", head of
    the exercise's directing department, is no minister; "外交部部长" is, its ministry
    known). ``previous`` is the mention before the title. (In Arabic "ووزيرة" the first
    "و" is "and".)"""
    start = title.start
    if start == 0 or not title.text or text[start - 1] != title.text[0]:
        return False
    if not _han().match(title.text):
        return False
    return previous is None or previous.end != start


_CLAUSE_PUNCTUATION = re.compile(r"[,.;:!?()،؛。，]")


# A linking word and an article after a title: what the title is of follows.
# (Each linking word whole: "del" is no "de" before "l", which would read "director del
# Departamento" as a title of something in small letters.)
_OF_WHAT = re.compile(
    r"\s+(?:(?:of|de|du|des|del|della|di)(?!\w)\s*|d['’])"
    r"(?:(?:the|la|le|les|el|los|las)(?!\w)\s*|l['’])?(?=\w)",
    re.IGNORECASE,
)


def _of_something_unknown(
    text: str, mentions: list[Mention], position: int, lang: str | None = None
) -> bool:
    """Return True when the title ``mentions[position]``, one word ("présidente",
    "President"), is followed by a linking word and a word in small letters that no
    glossary mention starts ("présidente du jury", "President of the jury"): the head of
    another title, of a body the glossary does not know, not the title of that one word.
    (A capital may be the country's: "President of Vietnam"; so may a word of ``lang``'s
    ``state_words``: "President of the country".)"""
    title = mentions[position]
    if len(title.text.split()) != 1:
        return False
    linked = _OF_WHAT.match(text, title.end)
    if linked is None or not text[linked.end()].islower():
        return False
    found = profile(lang) if lang is not None else None
    word = _PART_WORD.match(text, linked.end())
    if (
        found is not None
        and word is not None
        and word.group().lower() in found.state_words
        and not re.match(r"[-‐]|\s+[a-zà-ÿ]", text[word.end() : word.end() + 30])
    ):
        return False  # "of the country" ends the phrase ("of the state-owned group" not)
    following = mentions[position + 1] if position + 1 < len(mentions) else None
    return following is None or following.start != linked.end()


def _before_another_name(
    text: str,
    mentions: list[Mention],
    position: int,
    kinds: dict[str, EntryKind],
    lang: str | None = None,
) -> bool:
    """Return True when the title ``mentions[position]`` opens another name: past the
    places and bodies right after it ("Chủ tịch UBND tỉnh Quảng Ninh"), a person the
    glossary knows, right after or past the title's complement or a former-word of
    ``lang`` ("ووزيرة العمل السابقة Y", "and Minister of Labour Y"), or three capitalized
    words or more before the clause ends ("Thủ tướng Nhật Bản Ishikawa Tadao", "Chủ tịch
    UBND tỉnh Vũ Văn Tâm"); two are more often a place the glossary does not know ("Chủ
    tịch UBND huyện Gia Lâm")."""
    end = mentions[position].end
    following_at = position + 1
    for following in mentions[position + 1 :]:
        if text[end : following.start].strip() or kinds.get(following.entry) not in (
            EntryKind.PLACE,
            EntryKind.ORGANIZATION,
        ):
            break
        end = following.end
        following_at += 1
    if following_at < len(mentions) and kinds.get(mentions[following_at].entry) is (
        EntryKind.PERSON
    ):
        gap = text[end : mentions[following_at].start]
        if not gap.strip() or (lang is not None and _complement_or_former(gap, lang)):
            return True
    clause = _CLAUSE_PUNCTUATION.split(text[end : end + 80], maxsplit=1)[0]
    words = clause.split()
    capitalized = 0
    for word in words:
        if not word[:1].isupper():
            break
        capitalized += 1
    return capitalized >= 3


@lru_cache(maxsize=16)
def _slot_titles(
    glossary: GlossaryIndex, lang: str
) -> tuple[tuple[str, str, FormStatus, re.Pattern[str]], ...]:
    """Return (entry, form, status, pattern) for each good form of a title in ``lang``
    with a name slot ("Director of the … Provincial Police", "directora de la Policía
    provincial de …"): the matcher reads such forms only for MP101's second look; here
    they give a title whose place is named inside it. The slot reads one to six
    capitalized words (one to four words in a script without case, one to six
    characters without spaces), as few as will do."""
    readings: list[tuple[str, str, FormStatus, re.Pattern[str]]] = []
    for entry_id, kind in sorted(glossary.kinds.items()):
        forms = glossary.entries[entry_id].forms(lang) if kind is EntryKind.TITLE else None
        if forms is not None:
            readings += [(entry_id, *reading) for reading in _slot_titles_of(forms, lang)]
    return tuple(readings)


@lru_cache(maxsize=4096)
def _slot_titles_of(
    forms: TermForms, lang: str
) -> tuple[tuple[str, FormStatus, re.Pattern[str]], ...]:
    """Return (form, status, pattern) for each good form with a name slot of ``forms``
    in ``lang`` (see :func:`_slot_titles`); the slot is the pattern's group 1."""
    found = profile(lang)
    if found is None:
        return ()
    spaced = found.separates_words
    upper = capitals()
    if not spaced:
        slot = r"([^\s，。、；：（）]{1,6}?)"
    elif script(found.scripts[0]).cased:
        word = rf"(?-i:[{upper}])[\w'’.-]*"
        slot = rf"({word}(?:\s+(?:{word}|[-–]))" + "{0,5})"
    else:
        slot = r"(\S+(?:\s+\S+){0,3}?)"
    statuses = [(forms.preferred, FormStatus.PREFERRED)]
    if forms.feminine:
        statuses.append((forms.feminine, FormStatus.FEMININE))
    statuses += [(form, FormStatus.PLURAL) for form in forms.plural]
    statuses += [(form, FormStatus.ACCEPTED) for form in forms.accepted]
    readings = []
    for form, status in statuses:
        if NAME_SLOT not in form:
            continue
        if spaced:
            parts = [slot if w == NAME_SLOT else re.escape(w) for w in form.split()]
            body = r"(?<!\w)" + r"\s+".join(parts) + r"(?!\w)"
        else:
            body = "".join(slot if c == NAME_SLOT else re.escape(c) for c in form if c != " ")
        readings.append((form, status, re.compile(body, re.IGNORECASE)))
    return tuple(readings)


def _slot_counterpart(forms: TermForms, title: Mention, gender: Gender, lang: str) -> str | None:
    """Return the form of ``gender`` with a name slot that shares most words with the
    slot form ``title`` was read by, its slot filled with what fills it in the text
    ("مديرة مستشفى مقاطعة ها جيانغ العام" for "مدير مستشفى مقاطعة ها جيانغ العام"), None
    when the glossary lists none."""
    written = set(title.form.split())
    candidates = [
        form
        for form in forms.good_forms()
        if NAME_SLOT in form and form != title.form and forms.gender_of(form) is gender
    ]
    if not candidates:
        return None
    best = max(candidates, key=lambda form: (len(written & set(form.split())), form))
    pattern = next((p for f, _, p in _slot_titles_of(forms, lang) if f == title.form), None)
    found = pattern.fullmatch(title.text) if pattern is not None else None
    if found is None or found.lastindex is None:
        return None
    return best.replace(NAME_SLOT, found.group(1))


def _people_mentions(ctx: VariantContext) -> list[list[Mention]]:
    """Return the variant's mentions, aligned with its units, with the titles whose place
    is named inside them read in the units that name a person ("Deputy Director of the Ha
    Giang Provincial Police X": :func:`_slot_titles`); the places and bodies inside such a
    title are its words, no mentions of their own. (Made once per variant.)"""
    key = ("people-mentions", ctx.lang, "", None)
    memo = ctx.shared.memo
    remembered = memo.get(key)
    if isinstance(remembered, list):
        return remembered
    glossary = ctx.glossary
    found = ctx.mentions()
    readings = _slot_titles(glossary, ctx.lang) if glossary is not None else ()
    if readings and glossary is not None:
        kinds = glossary.kinds
        found = [
            _with_slot_titles(unit.text, mentions, readings, kinds, ctx.lang)
            if any(kinds.get(m.entry) is EntryKind.PERSON for m in mentions)
            else mentions
            for unit, mentions in zip(ctx.units(), found, strict=True)
        ]
    memo[key] = found
    return found


# What may stand between a place's first word and the name after it: its other words.
_SHORT_GAP = re.compile(r"(?:\s+[^\s,،;:.()]+){0,3}\s+$")


def _with_slot_titles(
    text: str,
    mentions: list[Mention],
    readings: tuple[tuple[str, str, FormStatus, re.Pattern[str]], ...],
    kinds: dict[str, EntryKind],
    lang: str,
) -> list[Mention]:
    """Return ``mentions`` with each reading of a slot title in ``text`` that no mention
    crosses (the longest first, one per place), the mentions inside it left out. A slot
    that ends the form ends before a person's name ("... провинции Тэйнинь Нгуен Тхи Лан
    Ань": the name is no part of the place). Without spaces, a slot that opens the form
    opens at a place or body the matcher found ("河江省公安厅副厅长": not "昨天会见了河江...")."""
    persons = [m.start for m in mentions if kinds.get(m.entry) is EntryKind.PERSON]
    found = profile(lang)
    unspaced = found is not None and not found.separates_words
    bodies = sorted(
        {
            m.start
            for m in mentions
            if kinds.get(m.entry) in (EntryKind.PLACE, EntryKind.ORGANIZATION)
        }
    )
    spans = []
    for entry_id, form, status, pattern in readings:
        if unspaced and form.startswith(NAME_SLOT):
            anchored = (pattern.match(text, start) for start in bodies)
            matches: Iterable[re.Match[str]] = [m for m in anchored if m is not None]
        else:
            matches = pattern.finditer(text)
        for match in matches:
            start, end = match.start(), match.end()
            inside = [p for p in persons if start < p < end]
            if inside:
                cut = len(text[: min(inside)].rstrip())
                if pattern.fullmatch(text, start, cut) is None:
                    continue
                end = cut
            elif form.endswith(NAME_SLOT):
                # A slot read as few words as will do, where a name follows: up to it
                # ("مدير شرطة مقاطعة ها جيانغ X": the place is two words).
                after = [p for p in persons if p >= end and _SHORT_GAP.match(text, end, p)]
                cut = len(text[: min(after)].rstrip()) if after else end
                if cut > end and pattern.fullmatch(text, start, cut) is not None:
                    end = cut
            spans.append((start, -end, entry_id, form, status))
    spans.sort()
    result = list(mentions)
    taken_end = -1
    for start, negative_end, entry_id, form, status in spans:
        end = -negative_end
        if start < taken_end or any(
            m.start < end and start < m.end and not (start <= m.start and m.end <= end)
            for m in result
        ):
            continue  # a mention crosses its edge: another reading of the words
        if any(
            m.start <= start and end <= m.end and (m.start, m.end) != (start, end) for m in result
        ):
            continue  # inside a longer mention
        taken_end = end
        result = [m for m in result if not (start <= m.start and m.end <= end)]
        result.append(Mention(entry_id, form, status, start, end, text[start:end], True))
    return sorted(result, key=lambda m: (m.start, m.end)) if taken_end >= 0 else mentions


def _source_says_otherwise(ctx: VariantContext, person: _Person, title: Mention) -> bool:
    """Return True when the title stands right before ``person``'s name in a translation
    into a language that puts its verb first (Arabic), and the source block it translates
    names the same person after the same
    title, a clause apart (three words or more between), the title given to no one there
    ("Chủ tịch nước phong tặng ... cho công nhân X", rendered verb first: "منح رئيس
    الدولة X لقب", the President awarded X): the translation's word order set the title
    before the name. (A title the source gives someone else is a swap: reported.)

    So too a title right after the name, no comma between, that the source gives no one
    after the person's name ("Lâm Văn Tiến hội kiến Thủ tướng Ai Cập", "التقى ... لام فان
    تين رئيس الوزراء المصري": the verb's subject, then its object, the Egyptian prime
    minister)."""
    source_lang = ctx.source_lang
    glossary = ctx.glossary
    language = profile(ctx.lang)
    after = title.start >= person.mention.end
    if (
        source_lang is None
        or glossary is None
        or (title.end > person.mention.start and not after)
        or (after and person.unit.text[person.mention.end : title.start].strip())
        or language is None
        or language.gender.verb_position != "before"
    ):
        return False  # (in a language whose verb follows its subject, a title is the name's)
    index = next((k for k, unit in enumerate(ctx.units()) if unit is person.unit), None)
    if index is None:
        return False
    sources = [i for s_idx, t_idx in ctx.unit_pairs() if index in t_idx for i in s_idx]
    units, mentions = ctx.shared.units(source_lang), ctx.shared.mentions(source_lang)
    kinds = glossary.kinds
    apart = titled = False
    for i in sources:
        found, text = mentions[i], units[i].text
        titles = [m for m in found if m.entry == title.entry]
        if not titles:
            continue
        given = {
            (t.start, t.end)
            for k, mention in enumerate(found)
            if kinds.get(mention.entry) is EntryKind.PERSON
            for t in attached_titles(text, found, k, kinds, source_lang)
            if t.entry == title.entry
        }
        for mention in found:
            if mention.entry != person.mention.entry:
                continue
            titled = titled or bool(given)
            apart = apart or any(
                (t.start, t.end) not in given
                and (
                    t.start >= mention.end and bool(text[mention.end : t.start].split())
                    if after
                    else t.end <= mention.start and len(text[t.end : mention.start].split()) >= 3
                )
                for t in titles
            )
    return apart and not titled


def _people(ctx: VariantContext) -> Iterator[_Person]:
    glossary = ctx.glossary
    if glossary is None:
        return
    kinds = glossary.kinds
    for unit, mentions in zip(ctx.units(), _people_mentions(ctx), strict=True):
        for i, m in enumerate(mentions):
            if kinds.get(m.entry) is EntryKind.PERSON:
                titles = tuple(attached_titles(unit.text, mentions, i, kinds, ctx.lang))
                yield _Person(unit, m, titles)


@register(
    code="MP203",
    name="wrong-role",
    severity=Severity.WARNING,
    summary="A person given a title (right before or after the name; before it, past the "
    "title's body, 'Bộ trưởng Bộ Y tế X', or its complement in capitalized words, 'Minister "
    "of Health X', 'le ministre de la Santé X', or in Arabic construct state, one to four "
    "words with the article, 'وزيرة النقل X', or the name set off by commas after a "
    "title with its complement, 'the Minister of Health, X, said', 'la ministra de Salud, "
    "X, dijo', unless a title of the name's own follows it; a title with its place named "
    "inside it as the glossary's name-slot forms write it, 'Deputy Director of the Ha "
    "Giang Provincial Police X') that none of their "
    "roles in the glossary gives them on the article's `published_at` date (any date when "
    "the article has none). A title said to be held before, or by one who died, by a word "
    "right before it ('former', 'ex', 'nguyên', 'бывший', '原', 'late', 'cố', '已故': the "
    "profile's `former_words`) or right after it ('السابق', 'الراحل': "
    "`former_words_after`), its body or complement between them or not "
    "('原卫生部部长', 'وزير الصحة والسكان السابق'), counts any role the person held; a "
    "title after a word that "
    "makes it another one ('Assoc.', 'Acting', 'Quyền', '代': the profile's "
    "`other_title_words`) is not read, nor one inside a title the person holds as MP101's "
    "second look reads it ('Procurator' in 'Chief Procurator of the Long An Provincial "
    "People's Procuracy'); a title "
    "that a role's title narrows by a qualifier word of the source language's profile "
    "(`title_qualifiers`: 'Deputy Secretary' for a 'Permanent Deputy Secretary') counts "
    "as held. People without roles in the glossary are not checked.",
    why="Officials change posts; a translation memory or a machine translation trained "
    "on older news keeps the old title, and a wrong title is a correction the next day.",
    bad="en, published 2025-03-01, with Tran Quoc Hung Permanent Deputy Secretary since "
    "2024-06-01:\n\n> Tran Quoc Hung, Chairman of the Provincial People's Committee, said...",
    good="en:\n\n> Tran Quoc Hung, Permanent Deputy Secretary of the Provincial Party "
    "Committee, said...",
)
def wrong_role(ctx: VariantContext) -> Iterator[Problem]:
    """Yield one problem per title attached to a person who did not hold it that day."""
    glossary = ctx.glossary
    if glossary is None:
        return
    published = ctx.article.published_at
    day = published.date() if published else None
    kinds = glossary.kinds
    mentions_of = {
        id(unit): found for unit, found in zip(ctx.units(), _people_mentions(ctx), strict=True)
    }
    for person in _people(ctx):
        entry = glossary.entries[person.mention.entry]
        if not entry.roles:
            continue
        broader = _broader_titles(glossary)
        for title in person.titles:
            roles = [r for r in entry.roles if title.entry in (r.title, broader.get(r.title))]
            if any(day is None or r.held_on(day) for r in roles):
                continue
            if _source_says_otherwise(ctx, person, title):
                continue  # the title is another's in the source: word order set it here
            held_now = [r.title for r in entry.roles if day is None or r.held_on(day)]
            if _head_of_a_title(glossary, title, held_now, ctx.lang):
                continue  # "la vicepresidenta X": the head of her provincial title
            text = person.unit.text
            # (Right before the name, nothing but her own body between: "Генеральный
            # секретарь VASEP X"; not "... ЦК КПВ X", "الأمينة العامة للحزب X".)
            own_bodies = {r.org for r in entry.roles if day is None or r.held_on(day)}
            own_spans = [
                (m.start, m.end)
                for m in mentions_of.get(id(person.unit), ())
                if m.entry in own_bodies
            ]
            # (... or words of her own title: "الأمينة العامة للرابطة X", of the association.)
            own_words = {
                base
                for t in held_now
                if (f := glossary.entries[t].forms(ctx.lang)) is not None
                for form in f.good_forms()
                for w in _WORDS_OF.findall(fold(form))
                for base in _bases(w, ctx.lang)
            }
            between = [
                w
                for w in _WORDS_OF.finditer(text, title.end, person.mention.start)
                if not any(s <= w.start() and w.end() <= e for s, e in own_spans)
                and own_words.isdisjoint(_bases(fold(w.group()), ctx.lang))
            ]
            completed = title.end > person.mention.start or bool(between)
            if not completed and _opening_words_of_a_held_title(
                glossary, title, held_now, ctx.lang
            ):
                continue  # "Генеральный секретарь X" of her association (not "... ЦК КПВ")
            if _inside_a_held_title(glossary, person.unit.text, title, held_now, ctx.lang):
                continue  # "Chief Procurator of the Long An ... Procuracy" holds "Procurator"
            other = _other_title_before(ctx.lang)
            if other is not None and other.search(text, max(0, title.start - 30), title.start):
                continue  # "Assoc. Prof. Dr.": another title than "Prof. Dr."
            bodies = [
                m
                for m in mentions_of.get(id(person.unit), ())
                if kinds.get(m.entry) in (EntryKind.ORGANIZATION, EntryKind.PLACE)
            ]
            if roles and _said_to_be_former(person.unit.text, title, ctx.lang, bodies):
                continue  # "the former Deputy Secretary": a role held before counts
            held = [r.title for r in entry.roles if day is None or r.held_on(day)]
            when = f" on {day.isoformat()}" if day else ""
            yield Problem(
                field=person.unit.field,
                block=person.unit.block,
                span=(title.start, title.end),
                message=f"'{person.mention.text}' ({entry.id}) is called '{title.text}' "
                f"({title.entry}), a title the glossary does not give them{when}"
                + (f"; they held: {', '.join(held)}" if held else ""),
                entry=entry.id,
            )


# Words that link a title's head to its complement ("Chairman of the ...", "président du
# ...", "vicepresidenta del Comité ..."): the head is what stands before the first of them.
_LINKING_WORDS = frozenset({"of", "de", "du", "des", "del", "d", "della", "di"})


@lru_cache(maxsize=4096)
def title_heads(forms: TermForms, lang: str) -> frozenset[tuple[tuple[str, ...], bool]]:
    """Return the heads of a title's good forms in ``lang``, as folded words, each with
    whether it was cut before a linking word: the words before the first one ("Chairman"
    of "Chairman of the Provincial People's Committee", "Deputy Minister" of "Deputy
    Minister of ..."), else the first word ("رئيس" of "رئيس اللجنة الشعبية الإقليمية",
    which heads many titles); none in a language without spaces."""
    found = profile(lang)
    if found is None or not found.separates_words:
        return frozenset()
    heads = set()
    for form in forms.good_forms():
        words = _PART_WORD.findall(fold(form))
        if not words or NAME_SLOT in form:
            continue
        cut = next((k for k, w in enumerate(words) if w in _LINKING_WORDS), None)
        heads.add((tuple(words[:cut]), True) if cut else ((words[0],), False))
    return frozenset(heads)


def _head_of_a_title(glossary: GlossaryIndex, title: Mention, held: list[str], lang: str) -> bool:
    """Return True when ``title`` is written as the head of a title in ``held`` (cut before
    a linking word): "vicepresidenta" is the State's Vice President in the glossary, and
    the head of "vicepresidenta del Comité Popular provincial" too."""
    written = tuple(_PART_WORD.findall(fold(title.text)))
    for title_id in held:
        forms = glossary.entries[title_id].forms(lang)
        if forms is None:
            continue
        if (written, True) in title_heads(forms, lang):
            return True
    return False


def _bases(word: str, lang: str) -> frozenset[str]:
    """Return ``word`` and what it may be without the clitics the language writes onto
    it (:meth:`Clitics.bases`: "للرابطة", "لرابطة": "رابطة")."""
    found = profile(lang)
    clitics = found.matching.clitics if found is not None else None
    return clitics.bases(word) if clitics is not None else frozenset((word,))


def _opening_words_of_a_held_title(
    glossary: GlossaryIndex, title: Mention, held: list[str], lang: str
) -> bool:
    """Return True when ``title`` is written as the first words, in any case, of a good
    form of a title in ``held`` that no linking word cuts: "Генеральный секретарь" of
    "Генеральный секретарь Ассоциации ...", "الأمينة العامة" of "الأمينة العامة لجمعية"."""
    written = tuple(_PART_WORD.findall(fold(title.text)))
    if len(written) < 2:
        return False  # one word is no title's opening: "procureur" of "procureur en chef"
    for title_id in held:
        forms = glossary.entries[title_id].forms(lang)
        if forms is None:
            continue
        for form in forms.good_forms():
            words = _PART_WORD.findall(fold(form))
            if _LINKING_WORDS.intersection(words):
                continue  # its head is cut before the linking word: _head_of_a_title's
            opening = words[: len(written)]
            if len(written) < len(words) and (
                tuple(opening) == written
                or same_but_case(" ".join(opening), " ".join(written), lang)
            ):
                return True
    return False


def _inside_a_held_title(
    glossary: GlossaryIndex, text: str, title: Mention, held: list[str], lang: str
) -> bool:
    """Return True when a title in ``held``, as MP101's second look reads it (a place's
    name inside it, a name slot filled: "Chief Procurator of the Long An Provincial
    People's Procuracy"), stands over ``title`` in ``text`` ("Procurator" is inside it)."""
    # (Imported here: the terms module imports this one.)
    from multipub.checks.terms import _second_look_patterns

    for title_id in held:
        forms = glossary.entries[title_id].forms(lang)
        if forms is None:
            continue
        for pattern in _second_look_patterns(forms, primary_subtag(lang)):
            for found in pattern.finditer(text, max(0, title.start - 120), title.end + 120):
                if found.start() <= title.start and title.end <= found.end():
                    return True
    return False


def _broader_titles(glossary: GlossaryIndex) -> dict[str, str]:
    """Return, for each title the glossary also has without a qualifier word of its source
    language's profile (``title_qualifiers``: "Phó Bí thư Thường trực Tỉnh ủy" and "Phó Bí
    thư Tỉnh ủy"), that broader title: its holder holds the broader one too. Built once
    per glossary."""
    key = ("broader-titles", "")
    found: dict[str, str] | None = glossary.derived.get(key)
    if found is None:
        found = {}
        source_lang = glossary.glossary.source_lang
        language = profile(source_lang)
        qualifiers = [fold(q) for q in (language.title_qualifiers if language else ())]
        titles = [e for e in glossary.glossary.entries if e.kind is EntryKind.TITLE]
        by_form: dict[str, str] = {}
        for entry in titles:
            forms = entry.forms(source_lang)
            for form in forms.good_forms() if forms is not None else ():
                by_form.setdefault(" ".join(fold(form).split()), entry.id)
        for entry in titles:
            forms = entry.forms(source_lang)
            for form in forms.good_forms() if forms is not None else ():
                folded = f" {' '.join(fold(form).split())} "
                for qualifier in qualifiers:
                    if f" {qualifier} " in folded:
                        without = " ".join(folded.replace(f" {qualifier} ", " ").split())
                        if without in by_form and by_form[without] != entry.id:
                            found.setdefault(entry.id, by_form[without])
        glossary.derived[key] = found
    return found


@lru_cache(maxsize=64)
def _former_words(lang: str) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    """Return the patterns of a former-word right before a title and right after it (the
    profile's ``former_words`` and ``former_words_after``), None for a side without any."""
    found = profile(lang)
    if found is None:
        return None, None
    spaced = found.separates_words
    # Without spaces there is no word edge to test: the profile lists the words that end
    # in a former-word and are other words ("目前", now), and a former-word is read only
    # where none of them ends the text before the title.
    if spaced:
        words = r"(?<!\w)" + words_pattern(found.former_words, bounded=True)
    else:
        words = (
            "(?:"
            + "|".join(
                "".join(
                    f"(?<!{re.escape(other[: -len(word)])})"
                    for other in found.not_former_words
                    if other.endswith(word) and len(other) > len(word)
                )
                + re.escape(word)
                for word in sorted(found.former_words, key=lambda w: (-len(w), w))
            )
            + ")"
        )
    before = re.compile(rf"{words}[\s\u00a0-]*$", re.IGNORECASE) if found.former_words else None
    after = (
        re.compile(
            rf"^[\s\u00a0,،]*{words_pattern(found.former_words_after, bounded=spaced)}",
            re.IGNORECASE,
        )
        if found.former_words_after
        else None
    )
    return before, after


def former_word_after(lang: str) -> re.Pattern[str] | None:
    """Return the pattern of one of ``lang``'s former-words written after a title
    ("السابق", "الراحل": the profile's ``former_words_after``) at the start of the text
    matched, a comma or spaces before it; None without any."""
    return _former_words(lang)[1]


@lru_cache(maxsize=64)
def _other_title_before(lang: str) -> re.Pattern[str] | None:
    """Return the pattern of one of ``lang``'s ``other_title_words`` right before a title
    (at the end of the text before it), None without any."""
    found = profile(lang)
    if found is None or not found.other_title_words:
        return None
    spaced = found.separates_words
    edge = r"(?<!\w)" if spaced else ""
    words = words_pattern(found.other_title_words, bounded=spaced)
    return re.compile(rf"{edge}{words}[\s\u00a0-]*$", re.IGNORECASE)


def _said_to_be_former(
    text: str, title: Mention, lang: str, bodies: Sequence[Mention] = ()
) -> bool:
    """Return True when a former-word of ``lang`` stands right before ``title`` ("former
    Minister", "ex ministro", "бывший министр", "原部长") or one written after a title
    stands right after it ("وزير سابق"); with the body or place of the title between
    them too (``bodies``, the unit's mentions of them: "原卫生部部长", "وزير الصحة السابق")."""
    before, after = _former_words(lang)
    start, end = title.start, title.end
    for mention in sorted(bodies, key=lambda m: -m.start):
        if mention.end <= start and not text[mention.end : start].strip():
            start = mention.start  # the body written before its title: "卫生部部长"
    for mention in sorted(bodies, key=lambda m: m.start):
        if mention.start >= end and not text[end : mention.start].strip():
            end = mention.end  # ... or after it: "وزير الصحة"
    if before is not None and before.search(text, max(0, start - 40), start):
        return True
    if after is None:
        return False
    # ... or its complement in construct state the glossary does not know: "وزير الصناعة
    # والتجارة السابق".
    return any(after.match(text[at : at + 20]) for at in _construct_word_ends(text, end, lang))


_NEXT_WORD = re.compile(r"\s+(\S+)")


def _construct_word_ends(text: str, end: int, lang: str) -> list[int]:
    """Return ``end`` and the ends of the up to four words after it that carry the
    language's article (a title's complement in construct state), in text order."""
    ends = [end]
    found = profile(lang)
    clitics = found.matching.clitics if found is not None else None
    if clitics is None or not clitics.article:
        return ends
    for _ in range(4):
        word = _NEXT_WORD.match(text, ends[-1])
        if word is None or not _carries_the_article(word.group(1), clitics):
            break
        ends.append(word.end())
    return ends


def _carries_the_article(word: str, clitics: Clitics) -> bool:
    """Return whether ``word`` carries the article (after "و" too, or contracted after
    "ل": "الصحة", "والتجارة", "للتخطيط") and some letters after it."""
    article = clitics.article
    starts = [article, *(c + article for c in clitics.conjunctions)]
    if clitics.article_contracts_after:
        starts.append(clitics.article_contracts_after + article[1:])
    return any(word.startswith(s) and len(word) > len(s) + 1 for s in starts)


def _word_pattern(word: str, lang: str) -> re.Pattern[str]:
    """Return the pattern of a gendered word, with the clitics the language attaches before
    it (Arabic: "وقالت", "للرفيقة", where ل + ال loses the article's alef)."""
    found = profile(lang)
    clitics = found.matching.clitics if found is not None else None
    if clitics is None:
        return re.compile(rf"(?<!\w)({re.escape(word)})(?!\w)", re.IGNORECASE)
    conjunction = f"[{''.join(clitics.conjunctions)}]?" if clitics.conjunctions else ""
    others = "".join(p for p in clitics.prepositions if p != clitics.article_contracts_after)
    preposition = f"[{''.join(clitics.prepositions)}]?" if clitics.prepositions else ""
    article, contracted = clitics.article, clitics.article_contracts_after
    if article and contracted and word.startswith(article):
        before = f"[{others}]?" if others else ""
        return re.compile(
            rf"(?<!\w)(?:{conjunction}{before}({_marked(word)})"
            rf"|{conjunction}{re.escape(contracted)}({_marked(word[1:])}))(?!\w)"
        )
    return re.compile(rf"(?<!\w)(?:{conjunction}{preposition})({_marked(word)})(?!\w)")


# Arabic short vowels and other marks news text may write on a word ("وُلدت", was born).
_VOWEL_MARKS = "[\u064b-\u065f\u0670]*"


def _marked(word: str) -> str:
    """Return the pattern of ``word`` (of a language with clitics: Arabic) with any of its
    vowel marks written after each letter."""
    return "".join(re.escape(char) + _VOWEL_MARKS for char in word)


_COMPILED: dict[tuple[str, str], re.Pattern[str]] = {}


@lru_cache(maxsize=64)
def _no_subject_before(lang: str) -> re.Pattern[str] | None:
    """Return the pattern of what, right before a name, makes it no subject of the verbs
    after it: the profile's ``not_subject_after`` words, or one of its gendered verbs."""
    found = profile(lang)
    if found is None or found.gender.verb_position != "after":
        return None
    agreement = found.gender
    words = [*agreement.not_subject_after, *(w for pair in agreement.verb_pairs() for w in pair)]
    if not words:
        return None
    # Titles in an oblique case may stand between them and the name ("во главе с
    # министром, председателем комитета X": X is no subject either; "С утра министр X"
    # is one, "министр" is in the nominative).
    titles = ""
    if agreement.oblique_endings:
        endings = sorted(agreement.oblique_endings, key=len, reverse=True)
        ending = "|".join(map(re.escape, endings))
        # Between the first and the last, its complement in the genitive, adjectives too
        # ("с председателем народного комитета X"; the last is a noun: "С учётом этого
        # X" leaves X the subject).
        inner = sorted(
            {*agreement.oblique_endings, *agreement.complement_endings}, key=len, reverse=True
        )
        # The first title word has a case ending of two letters or more ("министром"):
        # "С утра X" opens with a noun of one ("утра"), and X is the subject.
        long = "|".join(re.escape(e) for e in endings if len(e) > 1)
        short = "|".join(re.escape(e) for e in endings if len(e) == 1)
        lower = r"(?-i:[^\W\d_A-ZА-ЯЁ])[^\W\d_]*"
        # ... or one of a long word ("полковника", "заместителя": not "утра").
        first = rf"(?:{lower}(?:{long})|(?-i:[^\W\d_A-ZА-ЯЁ])[^\W\d_]{{5,}}(?:{short}))"
        word = rf"{lower}(?:{ending})"
        # (A place's name may stand inside the chain: "начальника полиции провинции
        # Лангшон полковника X".)
        middle = (
            rf"(?:{lower}(?:{'|'.join(map(re.escape, inner))})"
            r"|(?-i:[A-ZА-ЯЁ])[^\W\d_]*)"
        )
        gap = r"[\s\u00a0]+"
        titles = (
            rf"(?:{gap}{first}(?!\w),?"
            rf"(?:(?:{gap}{middle}(?!\w),?){{0,4}}{gap}{word}(?!\w),?)?)?"
        )
    # (A possessive before a relative makes the relative the name: "её муж X".)
    possessive = "".join(
        rf"(?<!(?<!\w){re.escape(word)}\s)" for word in agreement.possessive_pronouns
    )
    return re.compile(
        rf"(?<!\w){possessive}{words_pattern(words)}{titles}[\s\u00a0]*$", re.IGNORECASE
    )


def _not_the_subject(text: str, start: int, lang: str, sentence_start: int) -> bool:
    """Return True when what stands right before a name (from ``start``, in its sentence)
    makes it no subject: "По словам Чан Тхи Ким Оань, ... Хюэ принял", "поздравил Данг
    Тхи Нгок Ван и выразил" (the verbs are the city's, the president's)."""
    pattern = _no_subject_before(lang)
    return pattern is not None and pattern.search(text, sentence_start, start) is not None


def _in_a_clause(text: str, start: int, end: int, clause_words: frozenset[str]) -> bool:
    """Return True when a clause word stands between the last comma before ``end`` (or
    ``start``) and ``end``: what stands at ``end`` is in a clause of its own."""
    comma = text.rfind(",", start, end)
    opening = comma + 1 if comma >= 0 else start
    return not clause_words.isdisjoint(w.lower() for w in _WORDS_OF.findall(text, opening, end))


def _find_word(text: str, word: str, lang: str, start: int, end: int) -> list[tuple[int, int]]:
    key = (word, lang)
    pattern = _COMPILED.get(key)
    if pattern is None:
        pattern = _COMPILED[key] = _word_pattern(word, lang)
    spans = []
    for m in pattern.finditer(text, start, end):
        group = next(g for g in range(1, (pattern.groups or 1) + 1) if m.group(g) is not None)
        spans.append(m.span(group))
    return spans


# A quotation's closing mark and the dash of direct speech, right before a verb of saying.
_QUOTATION_AND_DASH = re.compile(r"[»”\"]\s*,?\s*[—–-]\s*$")

# An Arabic verb agrees with the subject right after it: at most two words (its object,
# "ترأست أعمال المؤتمر الرفيقة ...") may stand between the verb and the name or its
# honorific, with no punctuation and no word that opens a new clause ("قالت اللجنة إن
# الرفيق ...": the committee said).
_VERB_REACH = re.compile(r"^\s*(?:\w+\s+){0,2}$")
# A comma in any script: a title set off from the name by one is in apposition.
_COMMAS = re.compile(r"[,،，、]")


def _a_prepositional_phrase(between: str, prepositions: tuple[str, ...]) -> bool:
    """Return True when the word right before a name (after its verb) opens with a
    preposition written onto it ("بحضور", in the presence of; "بنجاح", the success of):
    the name is that phrase's, not the verb's subject ("وقال بحضور السيدة فان": he said,
    in her presence). (Only the word right before: "ألقت كلمة الافتتاح الرفيقة X" has
    its object first, and "كلمة" opens with its own letter.)"""
    words = between.split()
    if not words or len(words[-1]) < 4:
        return False
    last = words[-1]
    # ("وبحضور": "and" written onto it first)
    return last.startswith(prepositions) or (last[0] in "وف" and last[1:].startswith(prepositions))


_WORDS_OF = re.compile(r"\w+")


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Return the bounds of the sentence holding ``[start, end)`` (a bisection in the
    text's sentence ends, found once per text: a long block has thousands of people)."""
    starts, ends = _sentence_ends(text)
    before = bisect.bisect_right(ends, start)
    left = ends[before - 1] if before else 0
    after = bisect.bisect_left(starts, end)
    return left, starts[after] + 1 if after < len(starts) else len(text)


@lru_cache(maxsize=64)
def _sentence_ends(text: str) -> tuple[list[int], list[int]]:
    """Return where each sentence end of ``text`` starts and ends (its mark and space); an
    honorific's or a title's abbreviation before a name ("M.", "Dr.") ends none, nor one
    of "number" or "article" before a figure ("Storm No. 3"), nor a full stop inside a
    quotation (what it says is one part of the sentence that quotes it): see
    :func:`_sentences_of`."""
    abbreviated = _abbreviated_before_names()
    blanked = _sentences_of(text)
    found = [
        m.span()
        for m in sentence_end().finditer(blanked)
        # The few characters before the mark only: a scan from the text's start at every
        # full stop would make a long block quadratic.
        if text[m.start()] != "."
        or abbreviated.search(text, max(0, m.start() - _LONGEST_ABBREVIATION), m.start()) is None
    ]
    return [a for a, _ in found], [b for _, b in found]


# "No. 3", "Art. 12", "núm. 5": a full stop that ends an abbreviation of a number word.
_NUMBER_ABBREVIATION_DOT = re.compile(r"(?<![\w.])(No|Nos|Nr|Art|art|núm|Núm)\.(?=\s\d)")


# Cached: each person of a block asks it of the block's text, in three places.
@lru_cache(maxsize=64)
def _sentences_of(text: str) -> str:
    """Return ``text`` as its sentence ends are read, places kept: what each quotation
    says blanked (:func:`_quotes_blanked`), and the full stop of an abbreviation of a
    number word before a figure too ("Storm No. 3" ends no sentence)."""
    blanked = _quotes_blanked(text)
    if "." not in blanked:
        return blanked
    return _NUMBER_ABBREVIATION_DOT.sub(r"\1 ", blanked)


_LONGEST_ABBREVIATION = 12


@cache
def _abbreviated_before_names() -> re.Pattern[str]:
    """Return the pattern of an abbreviation written before a name (every profile's
    honorifics with a full stop, and its ``name_abbreviations``), at the end of a text
    that its full stop would follow."""
    words = {
        word[:-1]
        for found in profiles().values()
        for word in (
            *(w for pair in found.gender.honorifics for w in pair),
            *found.name_abbreviations,
        )
        if word.endswith(".") and len(word) > 1
    }
    pattern = "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))
    return re.compile(rf"(?<![\w.])(?:{pattern})$" if words else "(?!)")


def _markers(
    text: str,
    lang: str,
    person: Mention,
    window: tuple[int, int],
    previous_end: int,
    titled_from: int | None = None,
) -> Iterator[tuple[int, int, Gender, str]]:
    """Yield (start, end, gender, counterpart) for gendered words about ``person``, each
    place once. Honorifics stand right before the name (their own full stop, "M.", does
    not end the sentence for them); verbs stand in the same sentence. ``titled_from``:
    where the titles attached before the name start, if any (a verb that comes before
    its subject may stand right before them: "وطلبت نائبة رئيس اللجنة ... X")."""
    seen: set[tuple[int, int]] = set()
    subject_start = person.start
    found = profile(lang)
    if found is None:
        return
    agreement = found.gender
    for masculine, feminine in agreement.honorifics:
        for word, gender, other in (
            (masculine, Gender.MALE, feminine),
            (feminine, Gender.FEMALE, masculine),
        ):
            for a, b in _find_word(text, word, lang, previous_end, person.start):
                if not text[b : person.start].strip() and (a, b) not in seen:
                    seen.add((a, b))
                    subject_start = min(subject_start, a)
                    yield a, b, gender, other
    verb_first = agreement.verb_position == "before"
    clitics = found.matching.clitics if found is not None else None
    prepositions = tuple(clitics.prepositions) if clitics is not None else ()
    clause_words = frozenset(agreement.clause_words)
    # Arabic puts the verb before its subject; Russian after it, and only when the name is
    # the subject: nominative, as the glossary writes it ("с До Ван Кхаем" is not the one
    # who "посетила"), and not after "по словам", a preposition or a verb of the list.
    is_subject = verb_first or (
        " ".join(fold(person.text).split()) == fold(person.form)
        and not _not_the_subject(text, person.start, lang, window[0])
    )
    for masculine, feminine in agreement.verb_pairs() if is_subject else ():
        for word, gender, other in (
            (masculine, Gender.MALE, feminine),
            (feminine, Gender.FEMALE, masculine),
        ):
            region = (window[0], subject_start) if verb_first else (person.end, window[1])
            for a, b in _find_word(text, word, lang, *region):
                between = text[b:subject_start]
                if (
                    verb_first
                    and (
                        not _VERB_REACH.match(between)
                        or clause_words.intersection(between.split())
                        or _a_prepositional_phrase(between, prepositions)
                    )
                    and (titled_from is None or b > titled_from or text[b:titled_from].strip())
                ):
                    continue
                # After the name, a verb in a clause of its own has its own subject
                # ("..., где её приветствовал губернатор"); past the comma that closes the
                # name's own clause, the sentence's subject ("Делегация, которую
                # возглавлял X, провела").
                if not verb_first and (
                    clause_words.intersection(
                        w.lower() for w in _WORDS_OF.findall(text[person.end : a])
                    )
                    or (
                        "," in text[person.end : a]
                        and _in_a_clause(text, window[0], person.start, clause_words)
                    )
                ):
                    continue
                if (a, b) not in seen:
                    seen.add((a, b))
                    yield a, b, gender, other
    # Right after a quotation and its dash, the verb of saying comes before its speaker
    # even where verbs follow their subject ("«...», — подчеркнул X").
    for masculine, feminine in agreement.verb_pairs() if not verb_first else ():
        for word, gender, other in (
            (masculine, Gender.MALE, feminine),
            (feminine, Gender.FEMALE, masculine),
        ):
            for a, b in _find_word(text, word, lang, window[0], subject_start):
                # (Right before the name, or before the titles right before it: "», —
                # сказала подполковник X".)
                if (
                    (
                        not text[b:subject_start].strip()
                        or (titled_from is not None and not text[b:titled_from].strip())
                    )
                    and _QUOTATION_AND_DASH.search(text, window[0], a)
                    and (a, b) not in seen
                ):
                    seen.add((a, b))
                    yield a, b, gender, other
    # After the name, in its sentence: a noun whose pronoun suffix is the person's
    # ("وأكد ... في كلمته": in his speech).
    for masculine, feminine in agreement.possessives:
        for word, gender, other in (
            (masculine, Gender.MALE, feminine),
            (feminine, Gender.FEMALE, masculine),
        ):
            for a, b in _find_word(text, word, lang, person.end, window[1]):
                if (a, b) not in seen:
                    seen.add((a, b))
                    yield a, b, gender, other
    # Reported speech right after the subject and its apposition ("Minh, the coach, said
    # she"), not in a clause of its own ("..., who said she": another speaker).
    for masculine, feminine in agreement.reported_speech:
        for word, gender, other in (
            (masculine, Gender.MALE, feminine),
            (feminine, Gender.FEMALE, masculine),
        ):
            for a, b in _find_word(text, word, lang, person.end, window[1]):
                between = text[person.end : a]
                if ";" in between or ":" in between:
                    continue
                if clause_words.intersection(w.lower() for w in _WORDS_OF.findall(between)):
                    continue
                if (a, b) not in seen:
                    seen.add((a, b))
                    yield a, b, gender, other


@dataclass(frozen=True, slots=True)
class _Pronouns:
    """A language's pronouns for people, compiled: each with its gender and counterpart,
    where one may open a sentence or clause, and what brings in someone else."""

    of_word: dict[str, tuple[Gender, str]]
    opening: re.Pattern[str]  # a pronoun where a sentence (or, unspaced, a clause) opens
    sentence_end: re.Pattern[str]
    someone_else: re.Pattern[str] | None  # an honorific or a pronoun_not_after word
    cased: bool
    not_someone: frozenset[str]  # capitalized words that name no one: months, weekdays
    surnames: frozenset[str]  # without spaces: Vietnamese surnames as the language writes
    ordinary_words: re.Pattern[str] | None  # without spaces: words holding a surname's
    # character that name no one (高温, 泰国)
    attribution: re.Pattern[str] | None  # after a quotation's closing mark: '," she said'
    inverted_speaker: re.Pattern[str] | None  # before a name: '"...," said', '», — сказал'
    role_nouns: frozenset[str]  # lower case: role_nouns and title_heads ("lawyer")
    complement_endings: tuple[str, ...]  # a role noun's complement: "министр финансов"
    past_tense_endings: tuple[str, ...]  # ... which no verb is: "Врач осмотрела"
    not_subject: re.Pattern[str] | None  # opening the phrase before a name: "Selon", "Жена"
    place_before: re.Pattern[str] | None  # a place noun ending the text: "station ", "rue de "
    place_after: re.Pattern[str] | None  # ... or opening it: " station" ("Thu Thiem station")
    name_surnames: frozenset[str]  # Vietnamese surnames as the language writes them
    # ending the text before a pronoun_not_after word: it is said of the subject ("X is a
    # teacher", "X es maestra")
    predicate: re.Pattern[str] | None = None
    # object_verbs (lower case), and what after one of them is a person: "asked the staff"
    # brings in no one ("asked Minister X", "told her" do)
    object_verbs: frozenset[str] = frozenset()
    person_after: re.Pattern[str] | None = None

    def gender_of(self, word: str) -> tuple[Gender, str]:
        """Return the gender of the pronoun ``word`` and its counterpart, written in the
        case of ``word`` ("she" -> "he", "She" -> "He")."""
        found = self.of_word.get(word)
        if found is not None:
            return found
        for pronoun, (gender, other) in self.of_word.items():
            if pronoun.casefold() == word.casefold():
                return gender, (other.lower() if word.islower() else other)
        raise KeyError(word)


# Where a sentence or clause opens in a language written without spaces (Chinese): after
# its full stops, commas and colons; with spaces, after a sentence's end and white space.
_UNSPACED_OPENING = r"(?:^|(?<=[。！？；，：!?;,:]))\s*"
_UNSPACED_SENTENCE_END = re.compile(r"[。！？!?]")


@lru_cache(maxsize=32)
def _pronouns(lang: str) -> _Pronouns | None:
    """Return ``lang``'s pronouns for people (the profile's ``gender.pronouns``), None for
    a language without any."""
    found = profile(lang)
    if found is None or not found.gender.pronouns:
        return None
    agreement = found.gender
    of_word: dict[str, tuple[Gender, str]] = {}
    for masculine, feminine in agreement.pronouns:
        of_word[masculine] = (Gender.MALE, feminine)
        of_word[feminine] = (Gender.FEMALE, masculine)
    words = "|".join(re.escape(w) for w in sorted(of_word, key=lambda w: (-len(w), w)))
    others = [*agreement.pronoun_not_after, *(w for pair in agreement.honorifics for w in pair)]
    spaced = found.separates_words
    if spaced:
        # A pronoun opens the sentence right after the person's ("He Lifeng" is a name);
        # where it also stands for things, a verb only people do follows it.
        verb = ""
        if agreement.pronouns_need_a_verb:
            gendered = [form for pair in agreement.verb_pairs() for form in pair]
            verbs = list(agreement.pronoun_verbs) or gendered
            verb = rf"(?=(?:\s+[^\W\d_]+)?\s+{words_pattern(verbs)})"
        # ... after an opening word or two and a comma too ("Currently, he", "Actualmente,
        # ella"): the words between are looked at as any others, a name among them someone.
        # (After such words the pronoun is written in lower case.)
        lead = r"[^\W\d_][\w'’-]*(?:\s+[^\W\d_][\w'’-]*){0,2}\s*,\s*"
        lowered = "|".join(
            re.escape(w.lower()) for w in sorted(of_word, key=lambda w: (-len(w), w))
        )
        opening = re.compile(
            rf"(?:^|(?<=\s))\s*(?:{lead}(?=(?:{lowered})(?!\w))|(?=(?:{words})(?!\w)))"
            rf"({words}|{lowered})(?!\w)(?!\s+[{capitals()}]){verb}"
        )
        ends = sentence_end()
    else:
        # ... or a clause of it: "阮文安表示，他..." (not "他们", they; "他人", others; "他国",
        # other countries).
        opening = re.compile(rf"{_UNSPACED_OPENING}({words})(?![们們人国國乡鄉方])")
        ends = _UNSPACED_SENTENCE_END
    someone_else = (
        re.compile(
            (r"(?<!\w)" if spaced else "") + words_pattern(others, bounded=spaced),
            re.IGNORECASE,
        )
        if others
        else None
    )
    cased = script(found.scripts[0]).cased if spaced else False
    calendar = (word for month in found.numbers.months for word in month)
    not_someone = frozenset(w.lower() for w in (*calendar, *agreement.not_someone))
    surnames = frozenset() if spaced else frozenset(name_signals(lang)[0])
    ordinary = None
    if not spaced and agreement.not_someone:
        ordinary = re.compile(words_pattern(agreement.not_someone, bounded=False))
    attribution = _attribution_pattern(found, tuple(of_word), spaced)
    return _Pronouns(
        of_word,
        opening,
        ends,
        someone_else,
        cased,
        not_someone,
        surnames,
        ordinary,
        attribution,
        _inverted_speaker(found),
        frozenset(
            word.lower() for word in itertools.chain(agreement.role_nouns, *agreement.title_heads)
        ),
        tuple(agreement.complement_endings),
        tuple(agreement.past_tense_endings),
        re.compile(rf"\s*{words_pattern(agreement.not_subject_after)}", re.IGNORECASE)
        if agreement.not_subject_after
        else None,
        # (In small letters: "Station" opening a name, "Ben Thanh Station", is no noun.)
        re.compile(
            rf"(?<!\w){words_pattern(agreement.place_nouns)}"
            r"(?:\s+(?:of|de|du|des|del|de\s+la|d['’]))?\s*$"
        )
        if agreement.place_nouns
        else None,
        re.compile(rf"\s+{words_pattern(agreement.place_nouns)}")
        if agreement.place_nouns
        else None,
        frozenset(name_signals(lang)[0]),
        re.compile(rf"(?<!\w){words_pattern(agreement.predicates)}\s+$", re.IGNORECASE)
        if agreement.predicates
        else None,
        frozenset(word.lower() for word in agreement.object_verbs),
        _person_after(found) if agreement.object_verbs else None,
    )


# How many words after an object verb its person may stand ("asked the two deputy
# ministers"; "thanked all the nurses").
_OBJECT_REACH = 4


def _person_after(found: Profile) -> re.Pattern[str]:
    """Return the pattern of a person among the first words after an object verb (at the
    start of the text it is matched at): a capitalized word, an honorific, a person noun
    of ``pronoun_not_after`` or an object pronoun, before any punctuation."""
    agreement = found.gender
    verbs = {word.lower() for word in agreement.object_verbs}
    nouns = [w for w in agreement.pronoun_not_after if w.lower() not in verbs]
    people = [
        *nouns,
        # ... in the plural too: "thanked the nurses", "met the women"
        *(plural for w in nouns for plural in plural_words(w, found)),
        *(w for pair in agreement.honorifics for w in pair),
        *agreement.object_pronouns,
    ]
    word = r"[^\W\d_][\w'’-]*"
    person = rf"(?:(?-i:[{capitals()}])[\w'’-]*|{words_pattern(people)})"
    return re.compile(
        rf"(?:\s+{word}){{0,{_OBJECT_REACH - 1}}}?\s+{person}(?![\w'’-])", re.IGNORECASE
    )


def _inverted_speaker(found: Profile) -> re.Pattern[str] | None:
    """Return the pattern of what stands before a name that speaks a quotation just
    closed, its verb first ('"...," said', '», a déclaré le ministre', '», — подчеркнул'):
    the profile's speech verbs and the verbs only people do, then at most a few words of
    a title (group ``tail``; the glossary's mentions are not in the text searched), at the
    end of the text searched. None for a language without any."""
    verbs = [*found.gender.speech_verbs, *found.gender.pronoun_verbs]
    if not verbs or not found.separates_words:
        return None
    return re.compile(
        rf"[»”\"]\s*[,،]?\s*(?:[—–-]\s*)?{words_pattern(verbs)}(?P<tail>[^.!?;:\"«»“”]{{0,80}})$",
        re.IGNORECASE,
    )


def _attribution_pattern(
    found: Profile, pronouns: tuple[str, ...], spaced: bool
) -> re.Pattern[str] | None:
    """Return the pattern of a pronoun attributing a quotation to its speaker, matched
    right after the quotation's closing mark (the profile's ``gender.quote_attribution``;
    the pronoun is the one group of each alternative), None for a language without any."""
    agreement = found.gender
    if not agreement.quote_attribution:
        return None
    placeholders = {
        # (not "He Lifeng": a capitalized word after it makes it a name)
        "{pronoun}": "("
        + words_pattern(pronouns, bounded=spaced)
        + ")"
        + (rf"(?!\s+(?-i:[{capitals()}]))" if spaced else ""),
        "{verb}": words_pattern(agreement.speech_verbs, bounded=spaced),
        "{word}": r"[^\W\d_]+",
    }
    forms = []
    for template in agreement.quote_attribution:
        parts = re.split(r"(\{pronoun\}|\{verb\}|\{word\})", template)
        forms.append(
            "".join(
                placeholders.get(part) or r"\s+".join(map(re.escape, part.split(" ")))
                for part in parts
            )
        )
    # The comma (inside the quotation in English, after it in French) and the dash of
    # Russian direct speech stand between the mark and the pronoun.
    return re.compile(r"\s*[,，]?\s*(?:[—–-]\s*)?(?:" + "|".join(forms) + ")", re.IGNORECASE)


# A quotation's opening mark and its closing one.
_QUOTE_PAIRS = {"“": "”", "«": "»", "「": "」", "『": "』", '"': '"', "„": "“"}
_SPACE = re.compile(r"\s*")


_QUOTATION = re.compile(r"“[^”]*”|«[^»]*»|「[^」]*」|『[^』]*』|\"[^\"]*\"")
_FINAL_MARK = re.compile(r"[.!?。！？]")


@lru_cache(maxsize=64)
def _quotes_blanked(text: str) -> str:
    """Return ``text`` with what each quotation says blanked by as many spaces, its marks
    and a final full stop kept (places stay those of ``text``): what a quotation says
    ends no sentence and names no one of the text around it."""

    def blank(found: re.Match[str]) -> str:
        quoted = found.group()
        inner = quoted[1:-1]
        kept = inner[-1] if inner and _FINAL_MARK.fullmatch(inner[-1]) else ""
        return quoted[0] + " " * (len(inner) - len(kept)) + kept + quoted[-1]

    return _QUOTATION.sub(blank, text)


def _attribution(text: str, at: int, table: _Pronouns) -> tuple[int, int, int, int] | None:
    """Return (start, end) of a quotation opening at ``at`` (white space aside) and
    (start, end) of the pronoun right after it that attributes it ("\"...,\" she said",
    "», a-t-elle déclaré", "», — сказала она", "”她说"), None when there is none."""
    if table.attribution is None:
        return None
    opening = _SPACE.match(text, at).end()  # type: ignore[union-attr]
    if opening >= len(text) or text[opening] not in _QUOTE_PAIRS:
        return None
    closing = text.find(_QUOTE_PAIRS[text[opening]], opening + 1)
    if closing < 0:
        return None
    found = table.attribution.match(text, closing + 1)
    if found is None:
        return None
    group = next(i for i, word in enumerate(found.groups(), 1) if word is not None)
    return opening, closing + 1, *found.span(group)


@cache
def _capitalized_word() -> re.Pattern[str]:
    """Return the pattern of a capitalized word (any script with case: "Lan", "Ángela",
    "Лан"): a name the glossary may not know, whom a pronoun after it may be about."""
    return re.compile(rf"(?<!\w)[{capitals()}][\w'’-]*")


def _quotation_around(text: str, mention: Mention) -> int | None:
    """Return where the quotation that holds ``mention`` closes (its closing mark), None
    when no quotation holds it."""
    for quotation in _QUOTATION.finditer(text):
        if quotation.start() >= mention.end:
            break
        if quotation.start() < mention.start and mention.end < quotation.end():
            return quotation.end() - 1
    return None


def _inside_a_quote(text: str) -> bool:
    """Return whether ``text`` opens a quotation it does not close."""
    return (
        text.count("“") > text.count("”")
        or text.count("«") > text.count("»")
        or text.count("「") > text.count("」")
        or text.count('"') % 2 == 1
    )


# Lower-case words that may stand in a title or a body's name before a subject ("Minister
# of Finance Le Van An", "El ministro de Salud ..."): anything else in lower case before
# a name makes it something other than the sentence's subject ("sentenced Chau Van Luc"),
# but a role noun right before it ("l'avocat X").
_TITLE_GLUE = frozenset(
    {"of", "the", "and", "for", "de", "del", "la", "el", "y", "los", "las", "l", "le", "les"}
    | {"du", "des", "d", "al"}  # "vice-ministre des Transports", "del" and "al" alike
)
# Without spaces and case, a subject opens its sentence: at most this many characters of
# no glossary entry before it ("会上" is not enough to be a verb and its subject), or an
# opening phrase set off by a comma ("10月5日，").
_UNSPACED_BEFORE_SUBJECT = 3


def _opens_its_sentence(
    text: str,
    table: _Pronouns,
    person: Mention,
    mentions: list[Mention],
    starts: list[int],
    kinds: dict[str, EntryKind],
) -> bool:
    """Return whether ``person`` is the subject its sentence opens with: the sentence's
    first person, with nothing before the name but titles, bodies and places of the
    glossary, capitalized words (an opening "On Monday," too) and the words of titles;
    without spaces, a few characters or a phrase set off by a comma. ``starts`` are the
    mentions' starts, for a bisection (a long block names thousands of people)."""
    if table.cased:
        start, sentence_end = _sentence_bounds(text, person.start, person.end)
    else:
        ends = _unspaced_sentence_ends(text)
        at = bisect.bisect_right(ends, person.start)
        start = ends[at - 1] if at else 0
    before: list[str] = []
    at = start
    for position in range(bisect.bisect_left(starts, start), len(mentions)):
        mention = mentions[position]
        if mention.end > person.start:
            break
        if kinds.get(mention.entry) is EntryKind.PERSON:
            return False  # someone else opens it: "Judge X ... sentenced Y"
        before.append(text[at : mention.start])
        at = mention.end
    before.append(text[at : person.start])
    rest = " ".join(before)
    speaker = table.inverted_speaker.search(rest) if table.inverted_speaker else None
    if speaker is not None and all(
        word[:1].isupper() or word.lower() in _TITLE_GLUE
        for word in _WORDS_OF.findall(speaker.group("tail"))
    ):
        return True  # a quotation's speaker after it: '"...," said X', '», — подчеркнул X'
    if table.cased:
        # An opening phrase set off by a comma may come first ("Speaking at the ceremony,
        # Minister X said", "On Monday, X said", a quotation and its comma). What a
        # quotation says is blanked: its commas and capitals are the speaker's words.
        rest = _quotes_blanked(rest)
        head, _, tail = rest.rpartition(",")
        if any(
            word[:1].isupper() and word.lower() not in table.not_someone
            for word in _WORDS_OF.findall(head)[1:]
        ):
            tail = rest  # the phrase names someone ("The award went to Nguyen Thi Mai,")
        # (The phrase right before the name: "À Paris, X" opens with no "à" of X's.)
        phrase = tail.rpartition(",")[2]
        opening = table.not_subject.match(phrase) if table.not_subject is not None else None
        if opening is not None:
            if table.someone_else is not None and table.someone_else.fullmatch(
                opening.group().strip()
            ):
                return False  # a relative: "Жена X открыла" is the wife's sentence
            # "Selon Mme Hang, 1 900 clients ...": her words still, and "Elle" after them
            # hers; not where someone else does what the sentence says ("According to X,
            # the mayor lied. She ...").
            after = [
                w.lower()
                for w in _WORDS_OF.findall(
                    text, _after_apposition(text, person.end, sentence_end, table), sentence_end
                )
            ]
            # (A noun, after an article or opening the clause: "taux directeur" is a rate.)
            if any(
                word in table.role_nouns and (k == 0 or after[k - 1] in _ARTICLES)
                for k, word in enumerate(after)
            ):
                return False
        return _a_subject_phrase(_WORDS_OF.findall(tail), table)
    rest = "".join(rest.split())
    return len(rest) <= _UNSPACED_BEFORE_SUBJECT or rest.endswith(("，", ","))


# Articles before a noun (the role noun of someone else doing what a sentence says).
_ARTICLES = frozenset(
    {"the", "a", "an", "la", "le", "l", "les", "el", "los", "las", "un", "une", "una"}
)


def _after_apposition(text: str, start: int, end: int, table: _Pronouns) -> int:
    """Return where the text after a name at ``start`` goes on past the name's own role in
    apposition, set off by commas and opening with a role noun ("Selon X, directrice de
    la recherche, les capitaux ..."): its end; else ``start`` ("According to X, the mayor
    lied": the mayor is someone else)."""
    opened = _APPOSITION_OPENS.match(text, start, end)
    if opened is None:
        return start
    comma = _NEXT_COMMA.search(text, opened.end(), end)
    if comma is None:
        return start
    words = [w.lower() for w in _WORDS_OF.findall(text, opened.end(), comma.start())]
    while words and words[0] in _TITLE_GLUE:
        words.pop(0)
    return comma.end() if words and words[0] in table.role_nouns else start


def _a_subject_phrase(words: list[str], table: _Pronouns) -> bool:
    """Return whether ``words``, before a name, may open a sentence the name is the
    subject of: capitalized words (titles, bodies, places) and the glue of titles
    ("Minister of Finance"), the last of them maybe a role noun with only capitalized
    words after it ("The lawyer", "La diputada", "Адвокат"; not "the lawyer for") or,
    where the profile has complement endings, its complement in the genitive ("министр
    финансов", "заместитель председателя суда"; not a verb: "Врач осмотрела")."""
    last = len(words)
    while last and words[last - 1][:1].isupper():
        last -= 1
    role = last
    if table.complement_endings:
        while role:
            word = words[role - 1].lower()
            if not word.endswith(table.complement_endings) or (
                table.past_tense_endings and word.endswith(table.past_tense_endings)
            ):
                break
            role -= 1
    if role and words[role - 1].lower() in table.role_nouns:
        last = role - 1
    return all(word[:1].isupper() or word.lower() in _TITLE_GLUE for word in words[:last])


@lru_cache(maxsize=64)
def _unspaced_sentence_ends(text: str) -> list[int]:
    """Return where each sentence of ``text`` (written without spaces) ends: after its
    mark (。！？!?)."""
    return [m.end() for m in _UNSPACED_SENTENCE_END.finditer(text)]


def _pronoun_after(
    text: str,
    lang: str,
    person: Mention,
    limit: int,
    mentions: list[Mention],
    starts: list[int],
    kinds: dict[str, EntryKind],
    title_words: frozenset[str] = frozenset(),
    body_words: frozenset[str] = frozenset(),
) -> Iterator[tuple[int, int, Gender, str]]:
    """Yield (start, end, gender, counterpart) for the first pronoun for a person (He,
    She; 他, 她) that opens the sentence after ``person``'s (or, without spaces, a clause
    of its own sentence or of the next), before ``limit`` (the next person named), when
    the person is the subject their sentence opens with, unless someone else may come in
    between: an honorific, a word of ``pronoun_not_after`` ("received", "nurse", "会见",
    "护士"), a capitalized word no glossary entry covers (a name: "Lan", "Ángela"; not an
    acronym, a month or a word of ``not_someone``), or, in Chinese, a Vietnamese surname
    outside the glossary's mentions ("陈氏兰").

    The sentence after may also open with a quotation that a pronoun right after it
    attributes ("\"...,\" she said"): what the quotation says is not looked at, and
    whoever it names, it is the person's (unless someone else is named before it). A
    title in apposition right after the name, made of the words of the glossary's titles
    (``title_words``), is the person's own, whoever its words are about."""
    table = _pronouns(lang)
    if table is None or not _opens_its_sentence(text, table, person, mentions, starts, kinds):
        return
    # A quotation's own full stops end no sentence of the text around it.
    blanked = _sentences_of(text)
    ends = list(itertools.islice(table.sentence_end.finditer(blanked, person.end, limit), 2))
    stop = ends[1].end() if len(ends) > 1 else limit
    quoted = _attribution(text, ends[0].end(), table) if ends else None
    if table.cased:
        if not ends:
            return  # no sentence after the person's before the limit
        found = table.opening.match(text, ends[0].end(), stop)
    else:
        found = table.opening.search(text, person.end, quoted[0] if quoted else stop)
    if found is not None:
        a, b = found.span(1)
        gaps = [(person.end, a)]
        opener = _OPENING_WORD.match(text, found.start(), a) if table.cased else None
        if opener is not None and opener.end(1) < a:
            # "Currently, he": the sentence's first word is capitalized as any first word.
            gaps = [(person.end, opener.start(1)), (opener.end(1), a)]
    elif quoted is not None:
        opening, closing, a, b = quoted
        gaps = [(person.end, opening), (closing, a)]
    else:
        return
    if _inside_a_quote(text[person.end : gaps[0][1]]):
        return  # a speaker's "she" is whoever they speak of
    covered = _Covered(mentions, starts, person.end, a, title_words, body_words)
    if _someone_between(blanked, gaps, table, covered):
        return  # (whoever a quotation names, it is the speaker's)
    if _another_title_between(blanked, gaps, person, mentions, kinds, lang):
        return
    gender, other = table.gender_of(text[a:b])
    yield a, b, gender, other


def _another_title_between(
    text: str,
    gaps: list[tuple[int, int]],
    person: Mention,
    mentions: list[Mention],
    kinds: dict[str, EntryKind],
    lang: str,
) -> bool:
    """Return True when a glossary title that is not ``person``'s own (not attached to
    the name) stands in the spans ``gaps`` of ``text``, outside what a quotation says
    (blanked in ``text``): "X visited the hospital; the director thanked her" brings in
    the director."""
    index = next((k for k, m in enumerate(mentions) if m is person), None)
    own = (
        {id(t) for t in attached_titles(text, mentions, index, kinds, lang)}
        if index is not None
        else set()
    )
    return any(
        kinds.get(m.entry) is EntryKind.TITLE
        and id(m) not in own
        # A title in apposition right after the name describes the person, whatever it
        # is of ("X, subdirectora del centro, indicó"): the person's own here too.
        and _APPOSITION_OPENS.fullmatch(text, person.end, m.start) is None
        and any(start <= m.start and m.end <= end for start, end in gaps)
        and text[m.start : m.end].strip()
        for m in mentions
    )


def _someone_between(
    text: str, gaps: list[tuple[int, int]], table: _Pronouns, covered: _Covered
) -> bool:
    """Return True when someone else a pronoun may be about comes in the spans ``gaps``
    of ``text``: an honorific or a word of ``pronoun_not_after``, a capitalized word no
    glossary mention covers (not an acronym, a month, a word of ``not_someone``) or,
    without spaces, a Vietnamese surname outside them."""
    for k, (start, end) in enumerate(gaps):
        if k == 0 and table.cased:
            start = _apposition_end(text, start, end, covered)
        for other in table.someone_else.finditer(text, start, end) if table.someone_else else ():
            if k == 0 and not table.cased and other.start() == start:
                continue  # right against the name, its own: "郭氏贤老师" (teacher Hien)
            if (
                other.group().lower() in table.object_verbs
                and table.person_after is not None
                and table.person_after.match(text, other.end(), end) is None
            ):
                continue  # "asked the staff", "welcomed visitors": no one else
            if table.predicate is not None and table.predicate.search(
                text, max(start, other.start() - _PREDICATE_REACH), other.start()
            ):
                continue  # said of the subject: "X is a teacher", "X es maestra"
            return True
        if not table.cased:
            if _a_surname_between(text, start, end, table, covered):
                return True
            continue
        place_end = -1
        for word in _capitalized_word().finditer(text, start, end):
            written = word.group()
            if written.isupper() or written.lower() in table.not_someone:
                continue  # an acronym ("GDP"), a month, a weekday
            if written[1:2].isupper() or any(c.isdigit() for c in written):
                continue  # a code or a brand: "QD-TTg", "VNeID", "VN-Index" (not "McCain")
            run = _capitalized_run().match(text, word.start())
            # (A Vietnamese surname opens a person's name, not a place's: "глава района Ле
            # Тхи Май", "district Chairwoman Le Thi Mai", "Tran Thi Mai's village".)
            person_like = _plain(written) in table.name_surnames or (
                run is not None
                and (
                    run.group().endswith(("'s", "’s"))
                    or any(_plain(w) in table.name_surnames for w in run.group().split())
                )
            )
            if not person_like and (
                (place_end >= 0 and _NAME_JOIN.fullmatch(text, place_end, word.start()))
                or (
                    table.place_before is not None
                    and table.place_before.search(text, max(0, word.start() - 30), word.start())
                )
                or (
                    table.place_after is not None
                    and run is not None
                    and table.place_after.match(text, run.end())
                )
            ):
                place_end = word.end()  # a place's name: "station Thu Thiem", "Тхутхием"
                continue
            if not covered.holds(word.start(), word.end()):
                return True
    return False


# How far before a person noun the words that say it of the subject may stand ("has
# been a ").
_PREDICATE_REACH = 20


# A sentence's first word, white space before it.
_OPENING_WORD = re.compile(r"\s*([^\W\d_][\w'’-]*)")


# Between two words of one name: a space or a hyphen.
_NAME_JOIN = re.compile(r"[ \u00a0-]")


@cache
def _capitalized_run() -> re.Pattern[str]:
    """Return the pattern of a run of capitalized words joined by spaces or hyphens ("Thu
    Thiem", "Ba Ria-Vung Tau"), matched at its first."""
    upper = capitals()
    return re.compile(rf"[{upper}][\w'’]*(?:[ \u00a0-][{upper}][\w'’]*)*")


# A title in apposition opens with a comma right after the name and ends at the next.
_APPOSITION_OPENS = re.compile(r"\s*[,،]\s*")


def _apposition_end(text: str, start: int, end: int, covered: _Covered) -> int:
    """Return where a title in apposition right after a name at ``start`` ends (",
    Deputy Director of the Dong Vinh Provincial Police Department,"): the name's own, not
    someone else, when every word of it up to the next comma (before ``end``) is a word
    of a glossary title, a glossary mention's, or the glue of titles; else ``start``."""
    opened = _APPOSITION_OPENS.match(text, start, end)
    if opened is None or not covered.title_words:
        return start
    comma = _NEXT_COMMA.search(text, opened.end(), end)
    stop = comma.start() if comma is not None else end
    words = list(_WORDS_OF.finditer(text, opened.end(), stop))
    if not words or fold(words[0].group()) not in covered.title_words:
        return start  # it opens with a title's word ("X, the nurse's mother," does not)
    for word in words:
        written = word.group()
        if not (
            fold(written) in covered.title_words
            or fold(written) in covered.body_words  # "directrice adjointe du Centre"
            or written.lower() in _TITLE_GLUE
            or covered.holds(word.start(), word.end())
        ):
            return start
    return stop


def _pronoun_opening_next(
    text: str,
    following: str,
    lang: str,
    person: Mention,
    mentions: list[Mention],
    starts: list[int],
    kinds: dict[str, EntryKind],
    *,
    opened: bool = False,
    title_words: frozenset[str] = frozenset(),
    body_words: frozenset[str] = frozenset(),
) -> Iterator[tuple[int, int, Gender, str]]:
    """Yield (start, end, gender, counterpart) for a pronoun for people opening the block
    ``following`` when ``person``, the last person named in the block ``text``, is the
    subject its last sentence opens with, and nothing after them brings in someone else
    (as :func:`_pronoun_after` rules within a block): a paragraph that opens with "She
    said" goes on about the last one's speaker. With ``opened``, ``person`` is a pronoun
    known to open its sentence (or to attribute a quotation)."""
    table = _pronouns(lang)
    if table is None or not (
        opened or _opens_its_sentence(text, table, person, mentions, starts, kinds)
    ):
        return
    rest = text[person.end :]
    # The block's own last mark ends the person's sentence, no other one after it (in
    # Chinese a mark ends a sentence with no space after it: "...。"), a quotation's own
    # aside ("X说：“……。……。”": what X said is X's sentence).
    blanked = _sentences_of(text)
    last = blanked[person.end :].rstrip().rstrip(_CLOSING_QUOTES)
    if table.sentence_end.search(last[:-1] if last.endswith(_FINAL_MARKS) else last):
        return  # the person's sentence is not the block's last
    if table.cased:
        found = table.opening.match(following)
    else:
        found = table.opening.match(following) if _UNSPACED_START.match(following) else None
    if found is not None:
        a, b = found.span(1)
        opener = _OPENING_WORD.match(following, found.start(), a) if table.cased else None
        if opener is not None and (
            any(w[:1].isupper() for w in _WORDS_OF.findall(following, opener.end(1), a))
            or (table.someone_else is not None and table.someone_else.search(following, 0, a))
        ):
            return  # "After Minh spoke, he": the words before the pronoun bring in someone
    else:
        # ... or a quotation that a pronoun after it attributes ("\"...,\" she said").
        quoted = _attribution(following, 0, table)
        if quoted is None:
            return
        a, b = quoted[2:]
    if _inside_a_quote(rest):
        return
    covered = _Covered(mentions, starts, person.end, len(text), title_words, body_words)
    if _someone_between(blanked, [(person.end, len(text))], table, covered):
        return  # (whoever the person's quotation names, it is theirs)
    if _another_title_between(blanked, [(person.end, len(text))], person, mentions, kinds, lang):
        return
    gender, other = table.gender_of(following[a:b])
    yield a, b, gender, other


def _carried_within(
    text: str,
    lang: str,
    person: Mention,
    gender: Gender,
    mentions: list[Mention],
    starts: list[int],
    kinds: dict[str, EntryKind],
    title_words: frozenset[str] = frozenset(),
    body_words: frozenset[str] = frozenset(),
) -> Mention | None:
    """Return the pronoun of ``gender`` that opens the last sentence of the block ``text``
    when ``person`` (the last person it names) is the subject its sentence opens with and
    every sentence after it opens with such a pronoun, no one else coming in between
    ('X said rain would fall. She warned of floods.': "She"); None otherwise (and in a
    script without capitals, whose clauses :func:`_pronoun_after` reads)."""
    table = _pronouns(lang)
    if table is None or not table.cased:
        return None
    if not _opens_its_sentence(text, table, person, mentions, starts, kinds):
        return None
    blanked = _sentences_of(text)
    carrier = person
    while True:
        end = table.sentence_end.search(blanked, carrier.end)
        if end is None or not text[end.end() :].strip():
            break
        found = table.opening.match(text, end.end())
        if found is None:
            return None  # a sentence that does not open with their pronoun
        a, b = found.span(1)
        if table.gender_of(text[a:b])[0] is not gender:
            return None  # (:func:`_pronoun_after` reports the first one)
        covered = _Covered(mentions, starts, carrier.end, a, title_words, body_words)
        gaps = [(carrier.end, a)]
        if _someone_between(blanked, gaps, table, covered) or _another_title_between(
            blanked, gaps, person, mentions, kinds, lang
        ):
            return None
        word = text[a:b]
        carrier = Mention(person.entry, word, FormStatus.PREFERRED, a, b, word, True)
    return carrier if carrier is not person else None


def _a_surname_between(
    text: str, start: int, end: int, table: _Pronouns, covered: _Covered
) -> bool:
    """Return True when, in a language without spaces, a Vietnamese surname stands between
    ``start`` and ``end`` outside the glossary's mentions and outside the profile's common
    words that hold one (``not_someone``: 高温, 泰国, 河内, 感谢): a name the pronoun may
    be about."""
    if not table.surnames:
        return False
    ordinary = (
        [m.span() for m in table.ordinary_words.finditer(text, start, end)]
        if table.ordinary_words is not None
        else []
    )
    return any(
        text[at] in table.surnames
        and not covered.holds(at, at + 1)
        and not any(a <= at < b for a, b in ordinary)
        and not (at and text[at - 1].isdigit())  # a measure word: "120张床位", 120 beds
        for at in range(start, end)
    )


_FINAL_MARKS = (".", "!", "?", "。", "！", "？")
# How many paragraphs a person's pronoun may carry them over (each opening with it).
_PARAGRAPHS_CARRIED = 3
_CLOSING_QUOTES = "”’»」』\"')）"
# Where a block written without spaces opens: a pronoun there starts its first sentence.
_UNSPACED_START = re.compile(r"\s*\S")


class _Covered:
    """The glossary mentions of a text between two places, asked whether one covers a
    span (found by bisection: a long block has thousands); with the folded words of the
    glossary's titles (``title_words``), which a title in apposition is made of, and of
    its bodies (``body_words``), which the title may name after its own words."""

    def __init__(
        self,
        mentions: list[Mention],
        starts: list[int],
        start: int,
        end: int,
        title_words: frozenset[str] = frozenset(),
        body_words: frozenset[str] = frozenset(),
    ) -> None:
        first, last = bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)
        self._spans = [(m.start, m.end) for m in mentions[first:last]]
        self.title_words = title_words
        self.body_words = body_words

    def holds(self, start: int, end: int) -> bool:
        """Return True when one mention covers ``[start, end)``."""
        return any(s <= start and end <= e for s, e in self._spans)


# A title in apposition: a comma, then the title's first word (Arabic vowel marks and
# the tatweel within it: "نَائِبَة", "نائـبة").
_APPOSITION = re.compile(r"\s*[,،]\s*((?:[\w-]|[\u0610-\u061a\u064b-\u065f\u0670])+)")
_NEXT_COMMA = re.compile(r"[,،]")
_PART_WORD = re.compile(r"\w+")


# Arabic vowel marks and the tatweel: written or not, the word is the same. (Not fold():
# it also makes ة ه, and نائبه, "his deputy", is not نائبة, "deputy (f.)".)
_MARKS_AND_TATWEEL = re.compile(r"[\u0610-\u061a\u064b-\u065f\u0670\u0640]")


def _plain(word: str) -> str:
    """Return ``word`` without vowel marks or tatweel, case-folded."""
    return _MARKS_AND_TATWEEL.sub("", unicodedata.normalize("NFC", word)).casefold()


@lru_cache(maxsize=32)
def _title_heads(lang: str) -> dict[str, tuple[Gender, str]]:
    """Return a language's title heads, plain: word -> (its gender, the other form)."""
    found = profile(lang)
    heads: dict[str, tuple[Gender, str]] = {}
    for masculine, feminine in found.gender.title_heads if found is not None else ():
        heads[_plain(masculine)] = (Gender.MALE, feminine)
        heads[_plain(feminine)] = (Gender.FEMALE, masculine)
    return heads


@lru_cache(maxsize=32)
def name_signals(lang: str) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Return, as ``lang`` writes them (plain words): Vietnamese surnames, the middle
    names that show a gender (Thị, Văn), and the language's honorifics of three letters
    or more. A surname followed by such a middle name, or an honorific, names a person."""
    from multipub.translit import transliterate

    vietnamese = profile("vi")
    surnames: set[str] = set()
    middles: set[str] = set()
    if vietnamese is not None:
        for surname in vietnamese.names.surnames:
            for form in transliterate(surname.title(), lang):
                surnames.update(_plain(word) for word in form.split())
        for middle in vietnamese.names.gendered_middle_names:
            for form in transliterate(middle, lang):
                middles.update(_plain(word) for word in form.split())
    found = profile(lang)
    honorifics = {
        _plain(word)
        for pair in (found.gender.honorifics if found is not None else ())
        for form in pair
        for word in _PART_WORD.findall(form)
        if len(word) >= 3
    }
    return frozenset(surnames), frozenset(middles), frozenset(honorifics)


def _names_someone(text: str, lang: str, attached: tuple[str, ...]) -> bool:
    """Return whether ``text`` (a part of a chain of titles) names a person: an honorific
    ("السيدة"), or a Vietnamese surname followed by Thị or Văn ("تران ثي ماي")."""
    surnames, middles, honorifics = name_signals(lang)
    words = []
    for word in _PART_WORD.findall(text):
        plain = _plain(word)
        if plain[:1] in attached and plain[1:] in honorifics:
            plain = plain[1:]  # "والسيدة"
        words.append(plain)
    if any(word in honorifics for word in words):
        return True
    return any(a in surnames and b in middles for a, b in itertools.pairwise(words))


def _feminine_title_heads(
    text: str, lang: str, person: Mention, window_end: int, next_person: bool = False
) -> Iterator[tuple[int, int, str]]:
    """Yield (start, end, masculine form) for each feminine title head opening a title of
    the chain after ``person`` ("X، عضو ...، نائبة ..."), up to ``window_end`` (where,
    with ``next_person``, a person the glossary knows is named).

    The chain ends at the first comma-separated part that does not open with a title
    head (an attached "and", "ونائبة", is read through), and before a part that names
    another person: that title is hers ("...، نائبة الرئيس تران ثي ماي", or the next
    person's at ``window_end``: "...، ووزيرة العمل السابقة Y"); after "and", the next
    part's person counts too ("...، ونائبة الرئيس، السيدة تران ثي ماي").
    """
    heads = _title_heads(lang)
    if not heads:
        return
    language = profile(lang)
    conjunctions = language.conjunctions if language is not None else ()
    attached = tuple(_plain(c) for c in conjunctions if len(c) == 1)
    pos = person.end
    while True:
        part = _APPOSITION.match(text, pos, window_end)
        if part is None:
            return
        word = _plain(part.group(1))
        head = heads.get(word)
        joined = head is None and word[:1] in attached
        if joined:
            head = heads.get(word[1:])
        if head is None:
            return
        comma = _NEXT_COMMA.search(text, part.end(), window_end)
        end = comma.start() if comma is not None else window_end
        if _names_someone(text[part.end() : end], lang, attached) or (
            comma is None and next_person
        ):
            return
        if joined and comma is not None:
            after = _NEXT_COMMA.search(text, comma.end(), window_end)
            following = text[comma.end() : after.start() if after is not None else window_end]
            if _names_someone(following, lang, attached):
                return
        if head[0] is Gender.FEMALE:
            yield part.start(1), part.end(1), head[1]
        if comma is None:
            return
        pos = comma.start()


@lru_cache(maxsize=16)
def _after_an_honorific(lang: str) -> str:
    """Return the pattern of one of ``lang``'s honorifics as a word of its own, the
    clitics written onto it ("للسيدة": ل and السيدة, whose article contracts), then white
    space: what a given name stands right after in a script without capitals."""
    language = profile(lang)
    if language is None:
        return "(?!)"
    clitics = language.matching.clitics
    words = {word for pair in language.gender.honorifics for word in pair}
    if clitics is not None and clitics.article and clitics.article_contracts_after:
        article, after = clitics.article, clitics.article_contracts_after
        words |= {after + after + w[len(article) :] for w in words if w.startswith(article)}
    prefixes = [*clitics.conjunctions, *clitics.prepositions] if clitics is not None else []
    opening = f"(?:{'|'.join(map(re.escape, prefixes))})*" if prefixes else ""
    return rf"(?<!\w){opening}{words_pattern(words)}\s+"


@cache
def _name_neighbours() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Return the patterns of a capitalized word right before and right after a name,
    joined by a space or a hyphen: the name is part of a longer one. (An honorific's full
    stop, "M. Van", or a sentence's end, "... said. Van added", is no such join.)"""
    upper = capitals()
    return (
        re.compile(rf"(?<!\w)[{upper}][\w'’]*[ \u00a0-]$"),
        re.compile(rf"[ \u00a0-][{upper}]"),
    )


@lru_cache(maxsize=16)
def _title_words(
    glossary: GlossaryIndex, lang: str, of: EntryKind = EntryKind.TITLE
) -> frozenset[str]:
    """Return the folded words of the good forms of the glossary's titles (or entries of
    another kind ``of``: its bodies') in ``lang``: a capitalized one right before a given
    name is its title ("Deputy Minister Diep"), not a word of a longer name."""
    words: set[str] = set()
    for entry_id, kind in glossary.kinds.items():
        forms = glossary.entries[entry_id].forms(lang) if kind is of else None
        if forms is not None:
            words.update(_PART_WORD.findall(fold(" ".join(forms.good_forms()))))
    return frozenset(words)


def _named_again(ctx: VariantContext) -> Iterator[_Person]:
    """Yield the people of the glossary named again by their given name alone ("Mme Thu",
    "Хыонг сообщил", "قالت هونغ", "Ngoc Anh said"), after the variant has named them in
    full: the last word of the form it wrote (or, of four words or more, the last two),
    where no other person's form holds that word. Not in a language
    without spaces, where a name's last character is any character."""
    glossary = ctx.glossary
    language = profile(ctx.lang)
    if glossary is None or language is None or not language.separates_words:
        return
    # Without capitals, "فان" (Văn) is half the men's middle names: a given name is only
    # read right after an honorific ("للسيدة فينه"), clitics before it.
    cased = script(language.scripts[0]).cased
    clitics = language.matching.clitics
    if not cased and (clitics is None or not language.gender.honorifics):
        return
    kinds = glossary.kinds
    function_words = frozenset(language.function_words)
    # An honorific written without a full stop ("Mr Van", "Mme Thu") is no word of a name.
    honorifics = {word for pair in language.gender.honorifics for word in pair}
    honorifics |= {word[:1].upper() + word[1:] for word in honorifics}
    units, mentions = ctx.units(), _people_mentions(ctx)
    first: dict[str, tuple[int, int]] = {}  # person -> (unit, end) of the first full name
    given: dict[str, str | None] = {}  # given name as written -> person, None if shared
    other_words: set[str] = set()
    for index, found in enumerate(mentions):
        for m in found:
            if kinds.get(m.entry) is not EntryKind.PERSON:
                continue
            words = m.form.split()
            if len(words) < 2:
                continue
            first.setdefault(m.entry, (index, m.end))
            # The given name, and with four words or more its last two too: "Vu Thi Ngoc
            # Anh" is "Ngoc Anh" in news style, as she is "Anh".
            names = [words[-1], " ".join(words[-2:])] if len(words) >= 4 else [words[-1]]
            for name in names:
                given[name] = m.entry if given.get(name, m.entry) == m.entry else None
            other_words.update(words[:-1])
    usable = {name: entry for name, entry in given.items() if entry and name not in other_words}
    if not usable:
        return
    pattern = re.compile(
        (r"(?<!\w)(" if cased else _after_an_honorific(ctx.lang) + "(")
        + "|".join(re.escape(n) for n in sorted(usable, key=lambda n: (-len(n), n)))
        + r")(?!\w)"
    )
    for index, (unit, found) in enumerate(zip(units, mentions, strict=True)):
        for match in pattern.finditer(unit.text):
            entry = usable[match.group(1)]
            at_unit, after = first[entry]
            if index < at_unit or (index == at_unit and match.start(1) < after):
                continue  # before the full name: someone else, or not a name
            if any(m.start <= match.start(1) < m.end for m in found):
                continue
            if match.group(1).lower() in function_words:
                continue  # "An official said", not Nguyen Van An
            joined_before, joined_after = _name_neighbours()
            before = joined_before.search(unit.text, max(0, match.start(1) - 40), match.start(1))
            if (
                before is not None
                and before.group().rstrip(" \u00a0-") not in honorifics
                and fold(before.group().rstrip(" \u00a0-")) not in _title_words(glossary, ctx.lang)
            ) or joined_after.match(unit.text, match.end(1)):
                continue  # a word of a longer name: "Nguyen Van An" holds no "Van"
            yield _Person(
                unit,
                Mention(
                    entry,
                    match.group(1),
                    FormStatus.PREFERRED,
                    match.start(1),
                    match.end(1),
                    match.group(1),
                    True,
                ),
                (),
            )


@register(
    code="MP204",
    name="gender-agreement",
    severity=Severity.ERROR,
    summary="A gendered honorific, title or verb that disagrees with the gender the "
    "glossary gives a person: Arabic الرفيق/الرفيقة, السيد/السيدة and past-tense verbs "
    "(ترأس/ترأست, قال/قالت...) before the name; French M./Mme; Spanish señor/señora; "
    "Russian past-tense verbs "
    "after the name (заявил/заявила), and before it right after a quotation and its dash "
    "('«...», — подчеркнул X'); English reported speech after the name ('said she' "
    "of a man, not in a clause of its own: '..., who said she'); English, Spanish and "
    "Chinese pronouns for people (He/She, Él/Ella, 他/她), and French and Russian ones "
    "before a verb only people do (Il/Elle a souligné, Он/Она подчеркнул(а): they also "
    "stand for things), opening the sentence (or the next paragraph, and the ones after "
    "it while each opens with the person's pronoun) after one "
    "that the person opens as its subject, or right after a quotation opening that "
    "sentence ('\"...,\" she said', '», a-t-elle déclaré', '», — сказала она', '”她说') "
    "(an opening phrase and its comma aside: 'Speaking "
    "at the ceremony, X said'; in Chinese, a clause of it too; the speaker named after a "
    "quotation, the verb first, opens it too: '\"...,\" said X', '», — подчеркнул X'; what "
    "a quotation says ends no sentence of it and names no one), unless someone "
    "else comes in between (an honorific, a name the glossary does not know, not a code "
    "or brand of two capitals or a digit: 'QD-TTg', 'VNeID'; 'met', "
    "'会见'); a feminine title head "
    "(نائبة, présidente, ministra) opening a title in the chain after a man's name; and, in any "
    "language, a title form attached to the name when the glossary gives the title a "
    "feminine form. In scripts with capitals, a person named again by the given name "
    "alone after the full name ('M. Van', 'Mme Duc', 'Mr Van', 'по словам господина Ван', "
    "'Deputy Minister Van said he') is checked too, and in Arabic one right after an "
    "honorific ('للسيدة فينه'), where no other person's name holds "
    "that word (an honorific or a glossary title right before it is no part of a name). "
    "Pronouns aside, only words in the same "
    "sentence as the name and not nearer to another person are considered.",
    why="Arabic, French and Russian agree honorifics, titles and verbs with the person; "
    "machine translation guesses the gender from nothing, and calls a minister 'she'.",
    bad="ar, for a man:\n\n> ترأست الاجتماع الرفيقة هوانغ مينه دوك، نائبة رئيس اللجنة "
    "الشعبية الإقليمية.",
    good="ar:\n\n> ترأس الاجتماع الرفيق هوانغ مينه دوك، نائب رئيس اللجنة الشعبية الإقليمية.",
)
def gender_agreement(ctx: VariantContext) -> Iterator[Problem]:
    """Yield one problem per gendered word or title form that disagrees with a person."""
    glossary = ctx.glossary
    if glossary is None:
        return
    lang = primary_subtag(ctx.lang)
    people_by_unit: dict[int, list[_Person]] = {}
    for person in itertools.chain(_people(ctx), _named_again(ctx)):
        people_by_unit.setdefault(id(person.unit), []).append(person)
    for people in people_by_unit.values():
        people.sort(key=lambda p: p.mention.start)
    mentions_of = {
        id(unit): found for unit, found in zip(ctx.units(), _people_mentions(ctx), strict=True)
    }
    starts_of = {key: [m.start for m in found] for key, found in mentions_of.items()}
    title_words = _title_words(glossary, ctx.lang)
    body_words = _title_words(glossary, ctx.lang, EntryKind.ORGANIZATION)
    units = ctx.units()
    next_block = {
        id(unit): following
        for unit, following in itertools.pairwise(units)
        if unit.field == following.field == "blocks"
    }
    for people in people_by_unit.values():
        last = people[-1]
        entry = glossary.entries[last.mention.entry]
        carrier_unit, carrier, opened = last.unit, last.mention, False
        # ... and over the sentences of their own paragraph that do ('X said ... She
        # warned ...' / 'He also said ...'): the last of those pronouns carries them on.
        within = (
            _carried_within(
                carrier_unit.text,
                lang,
                carrier,
                entry.gender,
                mentions_of[id(carrier_unit)],
                starts_of[id(carrier_unit)],
                glossary.kinds,
                title_words,
                body_words,
            )
            if entry.gender is not None
            else None
        )
        if within is not None:
            carrier, opened = within, True
        # The person stays the subject over paragraphs that open with their pronoun and
        # bring in no one else ('X said ...' / 'She added ...' / '"...," she said').
        for _ in range(_PARAGRAPHS_CARRIED if entry.gender is not None else 0):
            following = next_block.get(id(carrier_unit))
            if following is None:
                break
            found = next(
                _pronoun_opening_next(
                    carrier_unit.text,
                    following.text,
                    lang,
                    carrier,
                    mentions_of[id(carrier_unit)],
                    starts_of[id(carrier_unit)],
                    glossary.kinds,
                    opened=opened,
                    title_words=title_words,
                    body_words=body_words,
                ),
                None,
            )
            if found is None:
                break
            a, b, gender, other = found
            if gender is not entry.gender:
                assert entry.gender is not None  # (no paragraph is carried without one)
                yield _gender_problem(
                    _Person(following, last.mention, ()),
                    entry.id,
                    entry.gender,
                    following.text[a:b],
                    (a, b),
                    other,
                )
                break
            if id(following) in people_by_unit:
                break  # someone named there: their own sentences say whom it is about
            word = following.text[a:b]
            carrier_unit, opened = following, True
            carrier = Mention(entry.id, word, FormStatus.PREFERRED, a, b, word, True)
        for k, person in enumerate(people):
            entry = glossary.entries[person.mention.entry]
            if entry.gender is None:
                continue
            text = person.unit.text
            left, right = _sentence_bounds(text, person.mention.start, person.mention.end)
            # Words nearer to a neighbouring person belong to that person.
            previous_end = people[k - 1].mention.end if k > 0 else 0
            left = max(left, previous_end)
            if k + 1 < len(people):
                right = min(right, people[k + 1].mention.start)
            after_limit = people[k + 1].mention.start if k + 1 < len(people) else len(text)
            # A name inside a quotation is of what it says: the words after it closes
            # ("», — сказала она") are its speaker's.
            quoted = _quotation_around(text, person.mention)
            if quoted is not None:
                right, after_limit = min(right, quoted), min(after_limit, quoted)
            # (Titles right before the name: not one set off by commas, "نائبة ...، X،".)
            titled_from = min(
                (
                    t.start
                    for t in person.titles
                    if t.end <= person.mention.start
                    and not _COMMAS.search(text, t.end, person.mention.start)
                ),
                default=None,
            )
            markers = _markers(text, lang, person.mention, (left, right), previous_end, titled_from)
            pronouns = _pronoun_after(
                text,
                lang,
                person.mention,
                after_limit,
                mentions_of[id(person.unit)],
                starts_of[id(person.unit)],
                glossary.kinds,
                title_words,
                body_words,
            )
            for a, b, gender, other in itertools.chain(markers, pronouns):
                if gender is not entry.gender:
                    yield _gender_problem(person, entry.id, entry.gender, text[a:b], (a, b), other)
            if entry.gender is Gender.MALE:
                # A title the glossary knows is judged below, with its own feminine form.
                known = [(t.start, t.end) for t in person.titles]
                next_named = k + 1 < len(people) and right == people[k + 1].mention.start
                heads = _feminine_title_heads(text, lang, person.mention, right, next_named)
                for a, b, fix in heads:
                    if not any(s <= a < e for s, e in known):
                        span = (a, b)
                        yield _gender_problem(person, entry.id, entry.gender, text[a:b], span, fix)
            for title in person.titles:
                forms = glossary.entries[title.entry].forms(ctx.lang)
                if forms is None or forms.feminine is None:
                    continue
                # The form written must be the one of the person's gender (an accepted one
                # too, where its words tell: "نائب ..." for a woman, "directrice" for a man).
                wrong, fix = (
                    (FormStatus.FEMININE, forms.preferred)
                    if entry.gender is Gender.MALE
                    else (FormStatus.PREFERRED, forms.feminine)
                )
                other_gender = title.status is FormStatus.ACCEPTED and forms.gender_of(
                    title.form
                ) not in (None, entry.gender)
                if (title.status is wrong or other_gender) and not _source_says_otherwise(
                    ctx, person, title
                ):
                    span = (title.start, title.end)
                    if NAME_SLOT in title.form:
                        # A title read with its place: the place goes in the fix too.
                        fix = _slot_counterpart(forms, title, entry.gender, ctx.lang) or fix
                    yield _gender_problem(person, entry.id, entry.gender, title.text, span, fix)


def _gender_problem(
    person: _Person, entry_id: str, gender: Gender, word: str, span: tuple[int, int], fix: str
) -> Problem:
    """Return the problem of ``word`` (at ``span`` of the person's unit, which may be a
    paragraph after their name) disagreeing with the person's ``gender``; ``fix`` is the
    word of that gender."""
    return Problem(
        field=person.unit.field,
        block=person.unit.block,
        span=span,
        message=f"'{word}' does not agree with '{person.mention.text}' ({entry_id}), who is "
        f"{gender.value}; use '{fix}'",
        entry=entry_id,
    )

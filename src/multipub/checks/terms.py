"""MP1xx: glossary terms in every variant (MP101, MP102, MP103, MP104)."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from functools import cache, lru_cache

from multipub.checks.context import Problem, VariantContext
from multipub.checks.people import attached_titles, former_word_after, name_signals, title_heads
from multipub.checks.registry import register
from multipub.findings import Related, Severity
from multipub.glossary import NAME_SLOT, EntryKind, Gender, TermForms
from multipub.lang import (
    Clitics,
    letter_class,
    primary_subtag,
    profile,
    sentence_end,
    words_pattern,
)
from multipub.langid import url_spans
from multipub.matcher import (
    HOUSE_FORMS,
    FormStatus,
    Mention,
    case_free_words,
    holds_form,
    plural_words,
    same_but_case,
)
from multipub.models import TextUnit
from multipub.names import capitals
from multipub.text import fold, is_short_name, text_span
from multipub.translit import parse_syllable

__all__: list[str] = []


def _renderings_otherwise(
    ctx: VariantContext, entry_id: str, texts: list[tuple[str, list[Mention]]]
) -> int:
    """Return how many more times than the matcher found a good form of an entry (house,
    feminine, plural or accepted) stands in ``texts`` (each with the matcher's mentions)
    by a looser reading (see :func:`_second_look_patterns`). A reading inside another
    mention ("Minister" in "Prime Minister") or over one of the entry's own is none."""
    assert ctx.glossary is not None
    forms = ctx.glossary.entries[entry_id].forms(ctx.lang)
    if forms is None:
        return 0
    kind = ctx.glossary.kinds.get(entry_id)
    patterns = _second_look_patterns(
        forms,
        primary_subtag(ctx.lang),
        place=kind is EntryKind.PLACE,
        body=kind in (EntryKind.ORGANIZATION, EntryKind.PLACE),
    )
    if not patterns:
        return 0
    count = 0
    for text, mentions in texts:
        addresses = url_spans(text)  # "dichvucong.hanoi.gov.vn" names no place
        spans = sorted(
            (m.start(), -m.end())
            for pattern in patterns
            for m in pattern.finditer(text)
            if not any(a <= m.start() and m.end() <= b for a, b in addresses)
        )
        taken_end = -1
        for start, negative_end in spans:  # leftmost-longest, one reading per place
            end = -negative_end
            if start < taken_end:
                continue
            if any(
                (m.start <= start and end <= m.end)
                or (m.entry == entry_id and m.start < end and start < m.end)
                for m in mentions
            ):
                continue
            taken_end = end
            count += 1
    return count


# Built once per form set and language: MP101 asks for an entry's again in every
# article where it goes missing.
@lru_cache(maxsize=4096)
def _second_look_patterns(
    forms: TermForms, lang: str, *, place: bool = False, body: bool = False
) -> tuple[re.Pattern[str], ...]:
    """Return the patterns of :func:`_renderings_otherwise` for ``forms`` in ``lang``.

    In a language without spaces, each form as written (it may share a character with a
    neighbouring mention: 广宁省人民委员会 holds the place 广宁省 and the committee
    省人民委员会), a word inside it and a suffix gone where a cue follows (the profile's
    ``inserted_words``, ``optional_suffixes``: "省人民委员会原副主席", "南定和嘉莱两省").
    In a language with spaces, each word with its plural endings and changes ("Deputy
    Prime Ministers", "Deputy Secretaries", "Ханоя"), an attached prefix
    ("exvicepresidente"), a name between two words ("the Long An Provincial People's
    Committee") or in a form's name slot, and in Arabic the construct state before a
    place's name. A ``place`` of one word is read in the adjective the profile makes of
    it too ("ханойской" of "Ханой": ``place_adjective_endings``), and a ``body`` (an
    organization or a place) of one word in the adjective its ``adjective_changes`` make
    ("الحكومي" of "الحكومة"; not a term's: "الدولي", international, is no "الدولة")."""
    found = profile(lang)
    if found is None:
        return ()
    written = (
        forms.preferred,
        *((forms.feminine,) if forms.feminine else ()),
        *forms.plural,
        *forms.accepted,
    )
    rules = found.matching
    if not found.separates_words:
        return tuple(
            _unspaced_pattern(
                form, rules.inserted_words, rules.optional_suffixes, rules.optional_suffix_cues
            )
            for form in written
        )
    endings = rules.plural_endings
    plural = "(?:" + "|".join(re.escape(e) for e in endings) + ")?" if endings else ""
    changes = rules.word_changes

    def plural_word(word: str) -> str:
        if word == NAME_SLOT:
            return _SLOT  # "People's Committee of … Province": a name stands there
        alternatives = [re.escape(word) + plural]
        alternatives += [
            re.escape(word[: -len(end)]) + re.escape(new)
            for end, news in changes.items()
            if word.lower().endswith(end) and len(word) > len(end)
            for new in news
        ]
        if len(alternatives) == 1:
            return alternatives[0]
        return "(?:" + "|".join(alternatives) + ")"

    prefix = "|".join(map(re.escape, rules.attached_prefixes))
    patterns = [
        re.compile(
            r"(?<!\w)"
            + (f"(?:{prefix})?" if prefix else "")
            + _NAME_INSIDE.join(map(plural_word, form.split()))
            + r"(?!\w)",
            re.IGNORECASE,
        )
        for form in written
    ]
    clitics = rules.clitics
    if clitics is not None and clitics.article:
        patterns += _construct_patterns(written, clitics)
        # ... and with the clitics before its first word, as the matcher reads them
        # ("لإدارة جمارك مقاطعة لانغ سون", "للجنة الشعبية لمقاطعة ..."): a form with a
        # name between its words or in its slot is read here only.
        bare, definite = _clitic_openings(clitics)
        for form in written:
            first, *rest = form.split()
            if first == NAME_SLOT:
                continue
            if first.startswith(clitics.article) and len(first) > len(clitics.article):
                opening, first = definite, first[len(clitics.article) :]
                contracts = clitics.article_contracts_after
                if contracts and first.startswith(contracts):
                    # ل + اللجنة is "للجنة": the article's ل goes with its alef
                    joined = "|".join(re.escape(c + contracts) for c in ("", *clitics.conjunctions))
                    opening = f"{opening}|{joined}"
            else:
                opening = bare
            reading = _NAME_INSIDE.join(map(plural_word, [first, *rest]))
            patterns.append(re.compile(rf"(?<!\w)(?:{opening}){reading}(?!\w)"))
        patterns += _linked_by_preposition(written, clitics)
    one_word = [form for form in written if len(form.split()) == 1 and NAME_SLOT not in form]
    adjectives = [
        re.escape(form[: -len(end)]) + "(?:" + "|".join(map(re.escape, news)) + ")"
        for form in (one_word if body else ())
        for end, news in rules.adjective_changes.items()
        if form.endswith(end) and len(form) > len(end) + 2
    ]
    if adjectives:
        # "القرار الحكومي" (the government's resolution) names "الحكومة"
        patterns.append(re.compile(rf"(?<!\w)(?:{'|'.join(adjectives)})(?!\w)"))
    if place and rules.place_adjective_endings and one_word:
        adjective = "|".join(map(re.escape, rules.place_adjective_endings))
        patterns += [
            re.compile(rf"(?<!\w){re.escape(form)}(?:{adjective})(?!\w)", re.IGNORECASE)
            for form in one_word
        ]
    return tuple(patterns)


# What a glossary form's name slot reads: one to four words, as few as will do.
_SLOT = r"\S+(?:\s+\S+){0,3}?"

# Between two words of a form, a name may stand ("Vice Chairman of the Long An Provincial
# People's Committee", "... of the Ba Ria - Vung Tau Provincial ..."): capitalized words,
# whatever the pattern's case rule, and dashes.
_NAME_INSIDE = r"\s+(?:(?-i:[A-Z])[\w'’-]*\s+|[-–]\s+){0,6}"


# "{n}" in an inserted word: a number in digits or Chinese numerals ("第十一届", "第11届").
_NUMERAL = "[0-9０-９〇零一二三四五六七八九十百千两]+"


def _unspaced_pattern(
    form: str, inserted: Sequence[str], optional_suffixes: Sequence[str], cues: Sequence[str]
) -> re.Pattern[str]:
    """Return the pattern of a form of a language without spaces that may hold one of the
    words ``inserted`` between two of its characters and go without one of its
    ``optional_suffixes`` where one of ``cues`` follows in the sentence
    ("省人民委员会原副主席", "南定和嘉莱两省"); "{n}" in an inserted word is a number
    ("第{n}届": "省第十一届人民议会", the eleventh term's council)."""
    stem = form
    suffix = next((end for end in optional_suffixes if form.endswith(end) and form != end), "")
    if suffix:
        stem = form[: -len(suffix)]
    words = [re.escape(word).replace(r"\{n\}", _NUMERAL) for word in inserted]
    between = "(?:" + "|".join(words) + ")?" if inserted else ""
    body = between.join(map(re.escape, stem))
    if not suffix:
        return re.compile(body)
    # Without its suffix only where a cue follows in the sentence ("南定和嘉莱两省", "南定
    # 钢青队"): a bare "和平" is peace, not the province of Hòa Bình.
    end = re.escape(suffix)
    if not cues:
        return re.compile(rf"{body}{end}")
    cue = "|".join(map(re.escape, cues))
    return re.compile(rf"{body}(?:{end}|(?=[^。！？；]*(?:{cue})))")


@lru_cache(maxsize=8)
def _clitic_openings(clitics: Clitics) -> tuple[str, str]:
    """Return the alternations of the clitics that may open a word (a conjunction, then a
    preposition), without and with the article ("لل" for ل + ال), each with at least one
    clitic: the form as written is read already."""
    conjunctions, prepositions = ("", *clitics.conjunctions), ("", *clitics.prepositions)
    article, contracts = clitics.article, clitics.article_contracts_after
    bare = {c + p for c in conjunctions for p in prepositions} - {""}
    definite = {
        c + (p + article[1:] if p and p == contracts else p + article)
        for c in conjunctions
        for p in prepositions
    } - {article}

    def alternation(words: set[str]) -> str:
        return "|".join(map(re.escape, sorted(words, key=lambda w: (-len(w), w))))

    return alternation(bare), alternation(definite)


def _linked_by_preposition(written: Sequence[str], clitics: Clitics) -> list[re.Pattern[str]]:
    """Return the patterns of two-word forms and longer (a construct: "مدير إدارة ...")
    with their second word after the preposition that contracts the article ("مديرة
    لإدارة التعليم", "رئيسا للوزراء": the title in the accusative, "as director of"), the
    first word perhaps with the accusative ending."""
    contracts, article = clitics.article_contracts_after, clitics.article
    if not contracts or not article:
        return []
    ending = re.escape(clitics.accusative_ending) + "?" if clitics.accusative_ending else ""
    patterns = []
    for form in written:
        first, *rest = form.split()
        if not rest or NAME_SLOT in (first, rest[0]) or first.startswith(article):
            continue
        second = rest[0]
        if second.startswith(article):
            linked = re.escape(contracts + article[1:] + second[len(article) :])
        else:
            linked = re.escape(contracts + second)
        tail = "".join(r"\s+" + re.escape(word) for word in rest[1:] if word != NAME_SLOT)
        if NAME_SLOT in rest[1:]:
            continue  # a slot after the link: the second look's other patterns read it
        patterns.append(re.compile(rf"(?<!\w){re.escape(first)}{ending}\s+{linked}{tail}(?!\w)"))
    return patterns


def _construct_patterns(written: Sequence[str], clitics: Clitics) -> list[re.Pattern[str]]:
    """Return the patterns of the forms ``written`` with their last word's article gone
    before a name, as Arabic writes a body of a named place (construct state): "اللجنة
    الشعبية للمقاطعة" is "اللجنة الشعبية لمقاطعة كوانغ نينه"."""
    article, after = clitics.article, clitics.article_contracts_after
    contracted = after + article[1:]  # ل + ال -> لل
    conjunction = "|".join(re.escape(c) for c in clitics.conjunctions)
    found = []
    for form in written:
        *first, last = form.split()
        if after and last.startswith(contracted):
            last = after + last[len(contracted) :]
        elif last.startswith(article):
            last = last[len(article) :]
        else:
            continue
        words = r"\s+".join(map(re.escape, [*first, last]))
        found.append(re.compile(rf"(?<!\w)(?:{conjunction})?{words}(?=\s+\w)"))
    return found


def _fused_with_their_titles(
    ctx: VariantContext,
    entry_id: str,
    source: list[tuple[str, list[Mention]]],
    found: Counter[str],
    target: list[tuple[str, list[Mention]]],
) -> int:
    """Return how many mentions of an organization stand right after a title in the
    source, the title being rendered here (as many times): translations fuse the two
    ("Bộ trưởng Bộ Tài chính" is "Minister of Finance", "министр финансов", "وزير
    المالية"), and the organization's own name ("Ministry of Finance") rightly goes; so
    after another organization whose name here holds this one's ("Ban Bí thư Trung ương
    Đảng": "Secretariat of the Party Central Committee"). A
    title counts as rendered in ``target`` when the matcher found it (``found``) or the
    second look reads it ("نائب وزير النقل": the title in construct state)."""
    assert ctx.glossary is not None
    entries = ctx.glossary.entries
    if entries[entry_id].kind is not EntryKind.ORGANIZATION:
        return 0
    fused: Counter[str] = Counter()
    for text, mentions in source:
        titles = [
            m
            for m in mentions
            if entries[m.entry].kind is EntryKind.TITLE
            or (m.entry != entry_id and _holds_in(ctx, m.entry, entry_id))
        ]
        for org in (m for m in mentions if m.entry == entry_id):
            before = [
                t for t in titles if t.end <= org.start and not text[t.end : org.start].strip()
            ]
            if before:
                fused[before[-1].entry] += 1
    return sum(
        min(count, found[title] or _renderings_otherwise(ctx, title, target))
        for title, count in fused.items()
    )


def _inside_a_fused_mention(
    ctx: VariantContext,
    entry_id: str,
    source: list[tuple[str, list[Mention]]],
    target: list[tuple[str, list[Mention]]],
) -> int:
    """Return how many mentions in ``target`` of entries the ``source`` blocks do not name
    hold a good form of ``entry_id`` (an organization or a title) in the variant's
    language, their entry's source-language form holding its own too (an organization
    anywhere, a title at the start): a translation that writes the glossary's fused title
    for the source's separate words names them in it ("Ủy ban Dân tộc do Bộ trưởng, Chủ
    nhiệm X" as "Minister-Chairman of the Committee for Ethnic Minority Affairs X",
    "民族委员会部长、主任X"). ("Phó Chủ nhiệm ..." does not start with "Chủ nhiệm ...": a
    vice chairman is no chairman.)"""
    assert ctx.glossary is not None
    entries = ctx.glossary.entries
    kind = entries[entry_id].kind
    source_lang = ctx.article.source_lang
    inner, inner_source = entries[entry_id].forms(ctx.lang), entries[entry_id].forms(source_lang)
    if kind not in (EntryKind.ORGANIZATION, EntryKind.TITLE) or None in (inner, inner_source):
        return 0
    assert inner is not None and inner_source is not None
    named = {m.entry for _, mentions in source for m in mentions}
    small = [fold(form) for form in inner.good_forms()]
    small_source = [fold(form) for form in inner_source.good_forms()]
    count = 0
    for _, mentions in target:
        for m in mentions:
            if m.entry == entry_id or m.entry in named:
                continue
            outer_source = entries[m.entry].forms(source_lang)
            if outer_source is None or not any(form in fold(m.text) for form in small):
                continue
            large = [fold(form) for form in outer_source.good_forms()]
            if any(
                (kind is EntryKind.ORGANIZATION and form in whole) or whole.startswith(form)
                for form in small_source
                for whole in large
                if whole != form
            ):
                count += 1
    return count


def _holds_in(ctx: VariantContext, outer: str, inner: str, lang: str | None = None) -> bool:
    """Return whether a good form of organization ``outer`` in the variant's language (or
    ``lang``) holds one of organization ``inner``'s ("Secretariat of the Party Central
    Committee" holds "Party Central Committee")."""
    assert ctx.glossary is not None
    entries = ctx.glossary.entries
    if entries[outer].kind is not EntryKind.ORGANIZATION:
        return False
    lang = lang or ctx.lang
    outer_forms, inner_forms = entries[outer].forms(lang), entries[inner].forms(lang)
    if outer_forms is None or inner_forms is None:
        return False
    return any(
        fold(small) in fold(large)
        for large in outer_forms.good_forms()
        for small in inner_forms.good_forms()
    )


def _written_inside(ctx: VariantContext, entry_id: str, text: str, lang: str | None = None) -> bool:
    """Return whether ``text`` (a title's mention) holds a good form of organization
    ``entry_id`` in ``lang`` (default: the variant's language), in any case."""
    assert ctx.glossary is not None
    if ctx.glossary.kinds.get(entry_id) is not EntryKind.ORGANIZATION:
        return False
    lang = lang or ctx.lang
    forms = ctx.glossary.entries[entry_id].forms(lang)
    return forms is not None and any(
        holds_form(text, form, lang) for form in forms.good_forms() if NAME_SLOT not in form
    )


def _named_inside_a_title_before(
    ctx: VariantContext, entry_id: str, source_texts: Sequence[tuple[str, Sequence[Mention]]]
) -> bool:
    """Return whether the source names organization ``entry_id`` inside a title's mention
    before one of its own mentions in these texts of a block ("Tổng Giám đốc Tổng công ty
    X ... cho biết X sẽ"): the second is a second reference within the block."""
    assert ctx.glossary is not None and ctx.source_lang is not None
    kinds = ctx.glossary.kinds
    for _, mentions in source_texts:
        holding = [
            m.end
            for m in mentions
            if kinds.get(m.entry) is EntryKind.TITLE
            and _written_inside(ctx, entry_id, m.text, ctx.source_lang)
        ]
        if holding and any(m.entry == entry_id and m.start >= min(holding) for m in mentions):
            return True
    return False


def _preferred(ctx: VariantContext, entry_id: str) -> str | None:
    assert ctx.glossary is not None
    forms = ctx.glossary.entries[entry_id].forms(ctx.lang)
    return forms.preferred if forms else None


def _house_form_for(ctx: VariantContext, entry_id: str, written: str) -> str | None:
    """Return the house form to write for the accepted form ``written``: the entry's
    feminine form when ``written`` is a feminine one (:meth:`TermForms.gender_of`: an
    accepted "نائبة ..." is a woman's title: her house form is "نائبة ...", not the
    preferred "نائب ..."), else the preferred form."""
    assert ctx.glossary is not None
    forms = ctx.glossary.entries[entry_id].forms(ctx.lang)
    if forms is None:
        return None
    if forms.feminine and forms.gender_of(written) is Gender.FEMALE:
        return forms.feminine
    return forms.preferred


def _is_translated_source(ctx: VariantContext) -> bool:
    """Return True for the source variant of an article that has translations (a file
    holding one language alone is checked as a whole)."""
    return ctx.is_source and len(ctx.article.variants) > 1


def _source_entries(ctx: VariantContext) -> set[str] | None:
    """Return the entries mentioned in the source, or None when there is no source to ask."""
    if ctx.source_lang is None:
        return None
    return {m.entry for mentions in ctx.shared.mentions(ctx.source_lang) for m in mentions}


def _one_word(form: str) -> bool:
    """Return True for a form of one word (in Chinese characters, of two at most)."""
    return " " not in form.strip() and (len(form) <= 2 or _han_letter().search(form) is None)


@cache
def _han_letter() -> re.Pattern[str]:
    """Return the pattern of a Chinese character (the script table's Han letters)."""
    return re.compile(letter_class("han"))


def _a_plural_of(text: str, form: str, lang: str) -> bool:
    """Return whether ``text`` writes ``form`` with one word in the plural by the
    profile's plural endings or word changes ("bridges" of "bridge")."""
    found = profile(lang)
    if found is None or not found.matching.plural_endings:
        return False
    written, wanted = fold(text).split(), fold(form).split()
    if len(written) != len(wanted):
        return False
    differing = [(w, f) for w, f in zip(written, wanted, strict=True) if w != f]
    if len(differing) != 1:
        return False
    word, single = differing[0]
    return word in plural_words(single, found)


def _other_senses(ctx: VariantContext) -> frozenset[tuple[int, int]]:
    """Return the forbidden-form mentions of a translation that are the word's other sense,
    as (unit index, start): "bridge" for a real bridge where the source's "điểm cầu" is
    elsewhere; forbidden forms of one word only. A forbidden form counts as the entry's
    rendering where the aligned source text mentions the entry more often than the unit
    renders it with a good form (in the plural, only where the forms in the singular are
    fewer than that); a unit aligned with no source text is measured against the whole
    source."""
    if ctx.source_lang is None or ctx.is_source:
        return frozenset()
    key = ("mp103-other-senses", ctx.lang, "", None)
    remembered = ctx.shared.memo.get(key)
    if isinstance(remembered, frozenset):
        return remembered
    mentions = ctx.mentions()
    if not any(m.status is FormStatus.FORBIDDEN for found in mentions for m in found):
        ctx.shared.memo[key] = frozenset()
        return frozenset()  # most variants: no alignment asked for
    source_mentions = ctx.shared.mentions(ctx.source_lang)
    aligned: dict[int, list[int]] = {}
    for s_idx, t_idx in ctx.shared.unit_pairs(ctx.lang):
        for j in t_idx:
            aligned.setdefault(j, []).extend(s_idx)
    found: set[tuple[int, int]] = set()
    for j, found_here in enumerate(mentions):
        # A word with another sense is one word ("bridge", "мост", "桥"); a forbidden
        # phrase ("Central Organizing Committee") has no other sense.
        forbidden = [
            m for m in found_here if m.status is FormStatus.FORBIDDEN and _one_word(m.form)
        ]
        if not forbidden or not aligned.get(j):
            continue
        for entry in {m.entry for m in forbidden}:
            in_source = sum(1 for i in aligned[j] for m in source_mentions[i] if m.entry == entry)
            good = sum(
                1 for m in found_here if m.entry == entry and m.status is not FormStatus.FORBIDDEN
            )
            if good >= in_source:
                found.update((j, m.start) for m in forbidden if m.entry == entry)
                continue
            # Short of good renderings, the forbidden form is the entry's; in the plural,
            # only where the singular ones do not make up for the shortfall ("At the Hoa
            # Giang bridge, ... 12 weak bridges had been closed": real bridges).
            mine = [m for m in forbidden if m.entry == entry]
            plurals = [m for m in mine if _a_plural_of(m.text, m.form, ctx.lang)]
            if len(mine) - len(plurals) >= in_source - good:
                found.update((j, m.start) for m in plurals)
    result = frozenset(found)
    ctx.shared.memo[key] = result
    return result


_OPENING_BRACKET = re.compile(r"\s*[(（]\s*$")


def _glossed(text: str, mention: Mention, mentions: Sequence[Mention]) -> bool:
    """Return True when ``mention`` is an acronym in brackets right after a good form of
    its entry ("World Health Organization (WHO)"): it glosses that form, not replaces it."""
    if not is_short_name(mention.form):
        return False
    return any(
        other.entry == mention.entry
        and other.end <= mention.start
        and other.status is not FormStatus.FORBIDDEN
        and _OPENING_BRACKET.match(text, other.end, mention.start) is not None
        for other in mentions
    )


@register(
    code="MP102",
    name="non-preferred-term",
    severity=Severity.INFO,
    summary="A glossary entry rendered in a translation with one of its accepted forms "
    "instead of the preferred one. Accepted forms are tolerated, so this is information "
    "for editors who want one house style. An acronym in brackets right after a good "
    "form of its entry glosses it ('World Health Organization (WHO)') and is not reported. "
    "The source variant is not checked.",
    why="Readers meet one organization or title under one name; a desk that accepts a "
    "variant still wants to see where it is used.",
    bad="en:\n\n> Delegates of the CPV Central Committee attended.\n\n"
    "('CPV Central Committee' is accepted for org/central-committee)",
    good="en:\n\n> Delegates of the Party Central Committee attended.",
)
def non_preferred_term(ctx: VariantContext) -> Iterator[Problem]:
    """Yield one problem per mention written in an accepted, not preferred, form."""
    # The source is the newsroom's own writing, where abbreviations ("UBND tỉnh") are
    # house style; the glossary's preferences are about translations.
    if ctx.glossary is None or ctx.is_source:
        return
    for unit, mentions in zip(ctx.units(), ctx.mentions(), strict=True):
        for m in mentions:
            if m.status is FormStatus.ACCEPTED and not _glossed(unit.text, m, mentions):
                yield Problem(
                    field=unit.field,
                    block=unit.block,
                    span=(m.start, m.end),
                    message=f"'{m.text}' is an accepted form of {m.entry}; the house form is "
                    f"'{_house_form_for(ctx, m.entry, m.form)}'",
                    entry=m.entry,
                )


@register(
    code="MP103",
    name="forbidden-term",
    severity=Severity.ERROR,
    summary="A rendering the glossary forbids for an entry (a known mistranslation), "
    "as written or with a word in the plural by the profile's plural endings ('journey "
    "monitoring devices'), reported with the preferred form. In a translation it is "
    "reported only where the "
    "aligned source text mentions the entry more often than the translation renders it "
    "with a good form (a block with no source counterpart: where the source mentions it "
    "at all), so that a real bridge can stay a bridge, even beside a video-conference "
    "connection point; a file without a source variant is checked as it is.",
    why="Machine translation repeats the same mistakes: 'bridge' for the connection point "
    "of a video conference, 'organizing committee' for the Central Organization "
    "Commission. The desk records each once and never publishes it again.",
    bad="ar:\n\n> وحضر الاجتماع من جسر مقاطعة هوا جيانغ رئيس اللجنة الشعبية.\n\n"
    "('جسر' is forbidden for term/video-conference-point)",
    good="ar:\n\n> وحضر الاجتماع من نقطة الاتصال في مقاطعة هوا جيانغ رئيس اللجنة الشعبية.",
)
def forbidden_term(ctx: VariantContext) -> Iterator[Problem]:
    """Yield one problem per forbidden rendering whose entry the source mentions."""
    if ctx.glossary is None:
        return
    in_source = _source_entries(ctx)
    other_senses = _other_senses(ctx)
    for index, (unit, mentions) in enumerate(zip(ctx.units(), ctx.mentions(), strict=True)):
        for m in mentions:
            if m.status is not FormStatus.FORBIDDEN:
                continue
            if in_source is not None and m.entry not in in_source:
                continue
            if (index, m.start) in other_senses:
                continue
            yield Problem(
                field=unit.field,
                block=unit.block,
                span=(m.start, m.end),
                message=f"found '{m.text}' (forbidden for {m.entry}), use "
                f"'{_preferred(ctx, m.entry)}'",
                entry=m.entry,
            )


@register(
    code="MP104",
    name="inconsistent-term",
    severity=Severity.WARNING,
    summary="One glossary entry rendered in two or more different forms in one "
    "translation (a name inside a web address, 'dichvucong.hanoi.gov.vn', or in a brand "
    "written with a capital inside a word, 'DaNang Bus', is none; preferred, accepted or "
    "forbidden forms alike; the feminine form of a "
    "title counts as its preferred form; a title is measured per holder: two people's posts "
    "under one generic entry may read otherwise). Reported on each mention that differs from the "
    "first one, with the first as related. The source variant of a translated article is "
    "not checked (it may spell a body in full, then abbreviate it). A shorter form is no "
    "other rendering where the longer one holds it in a row, before or after it ('总理' "
    "after '政府总理', 'gold medal' after 'gold'), nor a headline's shorter form above the "
    "body's ('Provincial "
    "Party Secretary' above 'Secretary of the Provincial Party Committee'), nor a body's "
    "acronym or one-word short name after its full name ('SBV', 'VNPower'), nor a good form "
    "that clips the first one, each of its words made of the starts of the first one's "
    "words ('замминистра' after 'заместитель министра', '疾控中心' after '疾病控制中心'), "
    "nor a form that differs only by the article the language writes onto its words "
    "(Arabic 'سبائك ذهب' and 'سبائك الذهب') or by case endings where the glossary lists "
    "a declined form ('сессия запросов', 'сессии запросов'), "
    "nor a body's good form that leaves out words between the first and the last of its "
    "first one ('Noi Bai airport' after 'Noi Bai International Airport').",
    why="A reader who meets one official under two titles, or one body under two names, "
    "takes them for two; it is the defect machine translation makes when it translates "
    "each sentence on its own.",
    bad="ar, blocks 1 and 3:\n\n> ... نائب الأمين الدائم للجنة الحزب ...\n"
    "> ... نائب الأمين العام الدائم للجنة الحزب ...",
    good="ar, the same title both times:\n\n> ... نائب الأمين الدائم للجنة الحزب ...",
)
def inconsistent_term(ctx: VariantContext) -> Iterator[Problem]:
    """Yield one problem per mention rendering an entry otherwise than its first mention."""
    # The source may spell a body in full and then abbreviate it ("Ban Tổ chức Trung
    # ương", then "Ban Tổ chức TƯ"): newsroom style, not a translation defect.
    if ctx.glossary is None or _is_translated_source(ctx):
        return
    first: dict[tuple[str, str | None], tuple[TextUnit, Mention]] = {}
    other_senses = _other_senses(ctx)
    holders = _holders_of_titles(ctx)
    for index, (unit, mentions) in enumerate(zip(ctx.units(), ctx.mentions(), strict=True)):
        for m in mentions:
            if (index, m.start) in other_senses:
                continue  # a real bridge, not the connection point: MP103 says why
            # A title is measured per holder: two people's posts under one generic entry
            # ("director" of a department and of a hospital) may rightly read otherwise.
            key = (m.entry, holders.get((index, m.start)))
            seen = first.setdefault(key, (unit, m))
            if (
                _rendering(seen[1]) == _rendering(m)
                or _same_but_articles(seen[1].form, m.form, ctx.lang)
                or same_but_case(seen[1].form, m.form, ctx.lang)
                or _shortened(m, seen[1], ctx.lang)
                or _shortened(seen[1], m, ctx.lang)
            ):
                continue  # "gold medal" after "gold", "总理" after "政府总理"
            if _abbreviates(m, seen[1], ctx.lang):
                continue  # "замминистра" after "заместитель министра", "疾控中心" after the full
            if ctx.glossary.kinds.get(m.entry) is EntryKind.ORGANIZATION and _words_left_out(
                m, seen[1], ctx.lang
            ):
                continue  # "Noi Bai airport" after "Noi Bai International Airport"
            if (
                m.status is not FormStatus.FORBIDDEN
                and is_short_name(m.form)
                and not is_short_name(seen[1].form)
            ):
                continue  # "the State Bank of Viet Nam (SBV)", then "SBV": style
            if (
                seen[0].field == "title"
                and unit.field != "title"
                and _headline_form(seen[1], m, ctx.lang)
            ):
                first[key] = (unit, m)  # the body measures itself by its own first form
                continue
            earlier_unit, earlier = seen
            yield Problem(
                field=unit.field,
                block=unit.block,
                span=(m.start, m.end),
                message=f"{m.entry} is rendered '{m.text}' here but '{earlier.text}' in "
                f"{earlier_unit.describe()}",
                related=(Related(field=earlier_unit.field, block=earlier_unit.block),),
                entry=m.entry,
            )


def _holders_of_titles(ctx: VariantContext) -> dict[tuple[int, int], str]:
    """Return the person each title mention of the variant is attached to, by (unit index,
    start): "Colonel Do Xuan Truong, commander of ..."."""
    assert ctx.glossary is not None
    kinds = ctx.glossary.kinds
    holders: dict[tuple[int, int], str] = {}
    for index, (unit, mentions) in enumerate(zip(ctx.units(), ctx.mentions(), strict=True)):
        for k, m in enumerate(mentions):
            if kinds.get(m.entry) is EntryKind.PERSON:
                for title in attached_titles(unit.text, mentions, k, kinds, ctx.lang):
                    holders.setdefault((index, title.start), m.entry)
    return holders


def _units_of(form: str, lang: str) -> list[str]:
    """Return a form's words, or its characters in a language without spaces, folded."""
    found = profile(lang)
    folded = fold(form)
    return folded.split() if found is None or found.separates_words else list(folded.strip())


def _shortened(short: Mention, full: Mention, lang: str) -> bool:
    """Return True when ``short`` writes a form whose words (characters, without spaces)
    stand in ``full``'s form in a row ("总理" in "政府总理"), in any case and with or
    without the article written onto them ("алкоголь" in "концентрация алкоголя",
    "الحافلة" in "حافلة الركاب"): the short title after the full one, no other rendering
    ("Хайфон" is not in "Хайфонг": one word, another)."""
    if short.status is FormStatus.FORBIDDEN:
        return False
    part, whole = _units_of(short.form, lang), _units_of(full.form, lang)
    if len(part) >= len(whole):
        return False
    if any(whole[i : i + len(part)] == part for i in range(len(whole) - len(part) + 1)):
        return True
    found = profile(lang)
    if found is None or not found.separates_words:
        return False
    part = case_free_words(" ".join(part), lang)
    whole = case_free_words(" ".join(whole), lang)
    return any(whole[i : i + len(part)] == part for i in range(len(whole) - len(part) + 1))


def _words_left_out(short: Mention, full: Mention, lang: str) -> bool:
    """Return True when ``short`` writes a good form made of ``full``'s words in order,
    its first and last kept and some between left out ("Noi Bai airport" of "Noi Bai
    International Airport"), in a language with spaces: a body's short name after its
    full one. (Not for titles: "Deputy Minister" of "Deputy Prime Minister" is another.)"""
    found = profile(lang)
    if FormStatus.FORBIDDEN in (short.status, full.status) or (
        found is not None and not found.separates_words
    ):
        return False
    part, whole = _units_of(short.form, lang), _units_of(full.form, lang)
    if len(part) < 2 or len(part) >= len(whole):
        return False
    numbers = [word for word in part if word.isdigit()]
    if numbers and set(numbers) == {w for w in whole if w.isdigit()} and set(part) <= set(whole):
        return True  # "Hospital 108" of "108 Military Central Hospital": its number kept
    if (part[0], part[-1]) != (whole[0], whole[-1]):
        return False
    rest = iter(whole)
    return all(word in rest for word in part)  # a subsequence: the iterator moves on


def _abbreviates(short: Mention, full: Mention, lang: str) -> bool:
    """Return True when ``short`` writes a good form that clips ``full``'s: in a language
    without spaces, some of its characters in order, the first kept ("疾控中心" of
    "疾病控制中心"); else each word made of the starts, two letters or more, of the full
    form's words in order ("замминистра" of "заместитель министра", "Минздрав" of
    "Министерство здравоохранения"). A clipped form after the full one is news style, no
    other rendering; a word of other letters ("Vice" for "Deputy") is one."""
    if FormStatus.FORBIDDEN in (short.status, full.status):
        return False
    part, whole = _units_of(short.form, lang), _units_of(full.form, lang)
    if not part or len(part) > len(whole):
        return False
    found = profile(lang)
    if found is not None and not found.separates_words:
        if len(part) == len(whole) or part[0] != whole[0]:
            return False
        rest = iter(whole)
        return all(char in rest for char in part)  # a subsequence: the iterator moves on
    pieces: list[tuple[int, int]] = []
    for word in part:
        found_pieces = _clips(word, whole, pieces[-1][0] + 1 if pieces else 0)
        if found_pieces is None:
            return False
        pieces += found_pieces
    # One word cut short at least ("Haiphong" is "Hai Phong" run together, not clipped),
    # and by three letters or more: "Хайфон" for "Хайфонг" is another spelling.
    cuts = [len(whole[k]) - size for k, size in pieces if size < len(whole[k])]
    return bool(cuts) and min(cuts) >= _CLIPPED_AT_LEAST


_CLIPPED_AT_LEAST = 3


def _clips(word: str, whole: Sequence[str], start: int) -> list[tuple[int, int]] | None:
    """Return how ``word`` is made of the starts of ``whole``'s words from ``start`` on,
    in order, two letters or more each: (word index, letters taken) per piece; None when
    it is not."""
    if not word:
        return []
    for k in range(start, len(whole)):
        full = whole[k]
        for size in range(min(len(full), len(word)), 1, -1):
            if word.startswith(full[:size]):
                rest = _clips(word[size:], whole, k + 1)
                if rest is not None:
                    return [(k, size), *rest]
    return None


# A headline's form at most this share of the body form's length is its short form: the
# glossary's short forms of titles are half as long or less ("Deputy PM" 0.43 of "Deputy
# Prime Minister"), where another word for one word of the title is about as long
# ("Vice Minister" 0.87 of "Deputy Minister").
_HEADLINE_SHORTER = 0.6


def _headline_form(headline: Mention, body: Mention, lang: str) -> bool:
    """Return True when a headline's mention writes a good form made of fewer of the body
    form's own words, or an acronym of it: headlines shorten ("Provincial Party Secretary"
    above "Secretary of the Provincial Party Committee", "CPV" above "Communist Party of
    Viet Nam"), or to a glossary form far shorter than the body's ("Вице-премьер" above
    "заместитель премьер-министра", "Deputy PM" above "Deputy Prime Minister"). Other
    words of about the body's length ("Vice Minister" above "Deputy Minister", "Haiphong"
    above "Hai Phong") are another rendering."""
    if FormStatus.FORBIDDEN in (headline.status, body.status):
        return False
    if is_short_name(headline.form) and not is_short_name(body.form):
        return True  # "МОБ", "CPV" above the body's full name: headlines abbreviate
    if len(headline.form) <= _HEADLINE_SHORTER * len(body.form):
        return True
    if _abbreviates(headline, body, lang):
        return True  # "Минздрав" above "Министерство здравоохранения"
    part, whole = _units_of(headline.form, lang), _units_of(body.form, lang)
    if len(part) >= len(whole):
        return False
    if set(part) <= set(whole):
        return True
    # ... in any case, with or without the article written on ("مستشفى 108" above
    # "المستشفى العسكري المركزي 108")
    found = profile(lang)
    if found is None or not found.separates_words:
        return False
    return set(case_free_words(" ".join(part), lang)) <= set(case_free_words(" ".join(whole), lang))


def _rendered_otherwise_before(ctx: VariantContext, entry_id: str, index: int) -> bool:
    """Return whether a text of the variant before unit ``index`` (not its headline)
    renders ``entry_id`` as MP101's second look reads it ("Chairman of the Quang Ninh
    Provincial People's Committee", a name inside the form)."""
    # The first such text, found once per entry and variant (a live blog's every block
    # asks about its earlier ones).
    key = ("mp101-otherwise-first", f"{entry_id} {ctx.lang}", "", None)
    memo = ctx.shared.memo
    first = memo.get(key)
    if not isinstance(first, int):
        units, mentions = ctx.units(), ctx.mentions()
        first = next(
            (
                j
                for j, (unit, found) in enumerate(zip(units, mentions, strict=True))
                if unit.field != "title"
                and _renderings_otherwise(ctx, entry_id, [(unit.text, found)]) > 0
            ),
            len(units),
        )
        memo[key] = first
    return first < index


_WORD_SPAN = re.compile(r"\w+")
# Between a title and the name it belongs to: white space and a comma ("Ho Duc Thinh,
# the chairman" also has "the").
_APPOSITION_GAP = re.compile(r"^[\s,،]*(?:the\s+)?$", re.IGNORECASE)


def _gap_to_the_name(gap: str, lang: str) -> bool:
    """Return True when ``gap`` (between a title's head and a name) sets the name beside
    the title: nothing but spaces, a comma, "the", or a former-word written after the
    title ("الرئيس السابق X", the former president X)."""
    if _APPOSITION_GAP.match(gap):
        return True
    former = former_word_after(lang)
    found = former.match(gap) if former is not None else None
    return found is not None and _APPOSITION_GAP.match(gap[found.end() :]) is not None


# How far before a title's head its predicate word may end ("elected its", "élu").
_PREDICATE_REACH = 40


@lru_cache(maxsize=64)
def _predicate_before(lang: str) -> re.Pattern[str] | None:
    """Return the pattern of one of ``lang``'s predicate words right before a title's
    head, ending where the search does ("was elected its Secretary"), or None."""
    found = profile(lang)
    words = found.matching.predicate_words if found is not None else ()
    if not words:
        return None
    assert found is not None
    connectors = found.matching.predicate_connectors
    connector = rf"(?:\s+{words_pattern(connectors)})?" if connectors else ""
    return re.compile(rf"(?<!\w){words_pattern(words)}{connector}\s+$", re.IGNORECASE)


@cache
def _name_after() -> re.Pattern[str]:
    """Return the pattern of a name right after a title: two capitalized words."""
    upper = capitals()
    return re.compile(rf"[ \u00a0]+[{upper}]\w*[ \u00a0]+[{upper}]\w*")


_NEXT_WORD_AFTER = re.compile(r"[ \u00a0]+(\w+)")


def _surname_after(text: str, end: int, lang: str) -> bool:
    """Return whether the word after ``end`` is a Vietnamese surname as ``lang`` writes it
    ("كاو" for Cao): a name in a script without capitals."""
    following = _NEXT_WORD_AFTER.match(text, end)
    return following is not None and fold(following.group(1)) in name_signals(lang)[0]


def _title_holders(ctx: VariantContext, entry_id: str, source_units: Sequence[int]) -> set[str]:
    """Return the glossary people the source gives title ``entry_id`` in ``source_units``
    (the title right before or after the name)."""
    assert ctx.glossary is not None and ctx.source_lang is not None
    kinds = ctx.glossary.kinds
    units = ctx.shared.units(ctx.source_lang)
    mentions = ctx.shared.mentions(ctx.source_lang)
    return {
        m.entry
        for i in source_units
        for k, m in enumerate(mentions[i])
        if kinds.get(m.entry) is EntryKind.PERSON
        and any(t.entry == entry_id for t in attached_titles(units[i].text, mentions[i], k, kinds))
    }


def _title_replaced(
    ctx: VariantContext, entry_id: str, source_units: Sequence[int], target_units: Sequence[int]
) -> bool:
    """Return True when a person the source gives title ``entry_id`` in ``source_units``
    (any person of them, when the source writes the title apart from the name) is given
    another title in ``target_units``: another glossary title attached to the
    name ("Deputy Minister Nguyen Minh Khang" for the minister), or, in a script with
    capitals, a capitalized word right before the name that no glossary entry covers and
    no honorific is ("Speaker Tran Thanh Man")."""
    assert ctx.glossary is not None and ctx.source_lang is not None
    kinds = ctx.glossary.kinds
    mentions = ctx.shared.mentions(ctx.source_lang)
    holders = _title_holders(ctx, entry_id, source_units)
    if not holders:
        # A title the source writes apart from the name ("Bộ trưởng Ngoại giao Nguyễn
        # Minh Khang"): it may be any person of those blocks'.
        holders = {
            m.entry
            for i in source_units
            for m in mentions[i]
            if kinds.get(m.entry) is EntryKind.PERSON
        }
    found = profile(ctx.lang)
    honorifics = {
        fold(word)
        for pair in (found.gender.honorifics if found is not None else ())
        for form in pair
        for word in form.split()
    }
    # "Then Khai said": a capitalized word of the language's own is no title.
    function_words = frozenset(found.function_words) if found is not None else frozenset()
    target, target_mentions = ctx.units(), ctx.mentions()
    if not holders:
        # No glossary person: a capitalized word right before a Vietnamese name in a
        # script with capitals ("Governor Cao Tuong Huy").
        return any(
            _unknown_title_before_a_name(target[j].text, target_mentions[j], honorifics)
            for j in target_units
        )
    for j in target_units:
        text = target[j].text
        for k, m in enumerate(target_mentions[j]):
            if m.entry not in holders:
                continue
            titles = attached_titles(text, target_mentions[j], k, kinds)
            if any(t.entry != entry_id for t in titles):
                return True
            # (A bounded look back: a long block names thousands of people.)
            word = _WORD_BEFORE.search(text, max(0, m.start - 60), m.start)
            if (
                word is not None
                and word.group(1)[:1].isupper()
                and fold(word.group(1)) not in honorifics
                and fold(word.group(1)) not in function_words
                and not any(o.start <= word.start(1) < o.end for o in target_mentions[j])
            ):
                return True
    return False


# A capitalized word, then two to four more: a title (perhaps) before a name.
_TITLE_AND_NAME = re.compile(r"(?<!\w)([A-Z][\w'’-]*)((?:[ \u00a0]+[A-Z][\w'’-]*){2,4})")


def _unknown_title_before_a_name(text: str, mentions: list[Mention], honorifics: set[str]) -> bool:
    """Return True when a capitalized word no glossary entry covers, no honorific and no
    Vietnamese syllable, stands right before a Vietnamese name in capitals ("Governor Cao
    Tuong Huy"); "Quang Ninh" alone or "Mr Cao Tuong Huy" are not."""
    for found in _TITLE_AND_NAME.finditer(text):
        word = found.group(1)
        if fold(word) in honorifics or parse_syllable(word) is not None:
            continue
        if any(m.start <= found.start(1) < m.end for m in mentions):
            continue
        # A name written without its marks ("Tuong") need not spell a syllable: short
        # words, two of them at least Vietnamese syllables.
        words = found.group(2).split()
        if all(w.isalpha() and len(w) <= 6 for w in words) and (
            sum(parse_syllable(w) is not None for w in words) >= 2
        ):
            return True
    return False


# The word right before a name, white space between ("Speaker Tran Thanh Man").
_WORD_BEFORE = re.compile(r"([^\W\d_][\w.'’-]*)[ \u00a0]+$")


def _title_head_in(
    ctx: VariantContext, entry_id: str, text: str, mentions: list[Mention], *, anywhere: bool
) -> bool:
    """Return True when ``text`` holds the head of title ``entry_id`` outside every
    glossary mention, right before or after a person's name ("Chairman Ho Duc Thinh",
    "الرئيس فام مينه تشينه"), or, with ``anywhere`` (a headline, or after the title in
    full), a head cut before a linking word anywhere ("the new chairwoman", "former
    Quang Nam provincial vice chairman"); in Arabic with the clitics before it and the
    accusative alef after it ("الرئيس", "رئيسا")."""
    assert ctx.glossary is not None
    forms = ctx.glossary.entries[entry_id].forms(ctx.lang)
    heads = title_heads(forms, ctx.lang) if forms is not None else frozenset()
    if not heads:
        return False
    found = profile(ctx.lang)
    clitics = found.matching.clitics if found is not None else None
    prefixes = sorted(clitics.prefixes(), key=len, reverse=True) if clitics else [""]
    # ... and "former" written against it: "exvicepresidente" (the RAE's one word)
    attached = [fold(p) for p in found.matching.attached_prefixes] if found is not None else []

    def as_head(word: str) -> set[str]:
        # What the word may be as a head: without a clitic before it, an alef after it,
        # without an attached prefix.
        found_forms = set()
        for prefix in prefixes:
            if word.startswith(prefix):
                rest = word[len(prefix) :]
                found_forms.add(rest)
                if clitics is not None and rest.endswith("ا"):
                    found_forms.add(rest[:-1])
        found_forms.update(word[len(p) :] for p in attached if word.startswith(p))
        return found_forms

    words = [(m.start(), m.end(), fold(m.group())) for m in _WORD_SPAN.finditer(text)]
    starts = [m.start for m in mentions]
    kinds = ctx.glossary.kinds
    predicate = _predicate_before(ctx.lang)
    for head, cut in sorted(heads):
        size = len(head)
        for k in range(len(words) - size + 1):
            if head[0] not in as_head(words[k][2]) or any(
                words[k + n][2] != head[n] for n in range(1, size)
            ):
                continue
            start, end = words[k][0], words[k + size - 1][1]
            before = bisect.bisect_right(starts, start) - 1
            if (
                before >= 0
                and mentions[before].end > start
                and (mentions[before].start, mentions[before].end) != (start, end)
            ):
                # Inside a mention: "Deputy Minister" holds no "Minister". (A mention of
                # another title that is the head and nothing more is the head all the
                # same: Spanish "vicepresidente" is the State's and a committee's.)
                continue
            if anywhere and cut:
                return True
            after = bisect.bisect_left(starts, end)
            if (
                after < len(mentions)
                and kinds.get(mentions[after].entry) is EntryKind.PERSON
                and _gap_to_the_name(text[end : mentions[after].start], ctx.lang)
            ):
                return True  # "Chairman Ho Duc Thinh", "الرئيس السابق X"
            if _name_after().match(text, end) or _surname_after(text, end, ctx.lang):
                return True  # a name the glossary does not know: "Chairman Cao Tuong Huy"
            if (
                before >= 0
                and kinds.get(mentions[before].entry) is EntryKind.PERSON
                and _APPOSITION_GAP.match(text[mentions[before].end : start])
            ):
                return True  # "Ho Duc Thinh, the chairman"
            if (
                predicate is not None
                and predicate.search(text, max(0, start - _PREDICATE_REACH), start)
                and any(kinds.get(m.entry) is EntryKind.PERSON for m in mentions[: before + 1])
            ):
                return True  # "X ... was elected its Secretary", "X ... fue elegido secretario"
    return False


def _same_but_articles(a: str, b: str, lang: str) -> bool:
    """Return whether two forms differ only by the article the language writes onto its
    words (Arabic "سبائك ذهب" and "سبائك الذهب": the grammar of the sentence, not another
    rendering)."""
    found = profile(lang)
    clitics = found.matching.clitics if found is not None else None
    if clitics is None or not clitics.article or a == b:
        return False
    article = clitics.article

    def bare(form: str) -> list[str]:
        return [w[len(article) :] if w.startswith(article) else w for w in fold(form).split()]

    return bare(a) == bare(b)


def _rendering(m: Mention) -> str:
    # A title's feminine form is the same rendering for another person.
    return "\0preferred" if m.status in HOUSE_FORMS else m.form


_NEXT_WORD = re.compile(r"[ \u00a0]+(\w+(?:[ \u00a0]+\w+){0,4})")


def _names_a_foreign_one(text: str, mention: Mention, lang: str) -> bool:
    """Return True when a source mention of an institution or a title is another country's:
    the words right after it name a country of the source profile's list ("Quốc hội Mỹ",
    "Chính phủ Pháp"), maybe after a department ("Bộ trưởng Thương mại Mỹ"), or, in
    Vietnamese, a person or place no Vietnamese syllables spell
    ("Thủ tướng Stephen Harper", "Thủ tướng Singapore"). The glossary's rendering is the
    house's own institution's: another country's is translated as that country says."""
    following = _NEXT_WORD.match(text, mention.end)
    if following is None:
        return False
    words = following.group(1).split()
    language = profile(lang)
    countries = language.names.countries if language is not None else ()
    if any(" ".join(words[:size]) in countries for size in (1, 2, 3)):
        return True
    # A department between the title and the country ("Bộ trưởng Thương mại Mỹ", "Bộ
    # trưởng Ngoại giao Nhật Bản"): its first word capitalized, the next ones not (a
    # person's name capitalizes every syllable: "Thủ tướng Lê Anh" is no British one).
    for start in (2, 3):
        if (
            len(words) > start
            and words[0][:1].isupper()
            and all(w[:1].islower() for w in words[1:start])
            and any(" ".join(words[start : start + size]) in countries for size in (1, 2, 3))
        ):
            return True
    first = words[0]
    return (
        primary_subtag(lang) == "vi"
        and first[:1].isupper()
        and not first.isupper()  # an acronym ("UBND") is no name
        and parse_syllable(first) is None
    )


# A capitalized word no Vietnamese syllable spells: part of a foreign person's or place's
# name ("Tasmania", "Hancock"). Acronyms are left out: home news writes "COVID", "WTO".
_FOREIGN_NAME = re.compile(r"(?<![\w-])[A-Z][a-z]+(?![\w-])")


def _rendered_beside(
    ctx: VariantContext, entry_id: str, source_blocks: Sequence[int], lang: str
) -> bool | None:
    """Return whether translation ``lang`` renders ``entry_id`` in the blocks linked with
    ``source_blocks``, None when none is linked. Remembered per article: each of the
    article's translations asks about the others."""
    key = ("mp101-rendered", f"{entry_id} {lang}", ",".join(map(str, source_blocks)), None)
    memo = ctx.shared.memo
    if key in memo:
        return memo[key]  # type: ignore[return-value]
    wanted = set(source_blocks)
    linked = [j for s, t in ctx.shared.unit_pairs(lang) if wanted.intersection(s) for j in t]
    found: bool | None = None
    if linked:
        mentions = ctx.shared.mentions(lang)
        other = VariantContext(ctx.shared, lang)
        units = other.units()
        found = any(m.entry == entry_id for j in linked for m in mentions[j]) or bool(
            _renderings_otherwise(other, entry_id, [(units[j].text, mentions[j]) for j in linked])
        )
    memo[key] = found
    return found


def _another_countrys_by_consensus(
    ctx: VariantContext, entry_id: str, source_blocks: Sequence[int], named_abroad: bool
) -> bool:
    """Return True when the source says ``entry_id`` may be another country's here and
    the other translations (two or more, with forms for it in the glossary) agree, not
    rendering it in the blocks linked with ``source_blocks``: a story abroad names "Quốc
    hội Mỹ" once, then "Quốc hội", and the translations say "the Congress".

    The source says so when the article names the entry as another country's elsewhere
    (``named_abroad``: "Quốc hội Mỹ", "Bộ trưởng Thương mại Mỹ"), then most of the other
    translations must agree; or, for an organization, when its Vietnamese blocks hold two
    or more foreign words (a person's or place's name), then all of them must.
    """
    assert ctx.glossary is not None
    source_lang = ctx.source_lang
    entry = ctx.glossary.entries[entry_id]
    if source_lang is None or primary_subtag(source_lang) != "vi":
        return False  # foreign words and countries are told by the Vietnamese profile
    if not named_abroad:
        if entry.kind is not EntryKind.ORGANIZATION:
            return False
        source_units = ctx.shared.units(source_lang)
        foreign = {
            word
            for i in source_blocks
            for word in _FOREIGN_NAME.findall(source_units[i].text)
            if parse_syllable(word) is None
        }
        if len(foreign) < 2:
            return False
    others = [
        lang
        for lang in ctx.article.variants
        if lang not in (ctx.lang, source_lang) and entry.forms(lang) is not None
    ]
    if len(others) < 2:
        return False
    lacking = 0
    for lang in others:
        rendered = _rendered_beside(ctx, entry_id, source_blocks, lang)
        if rendered is None:
            return False  # dropped there: no evidence either way
        lacking += not rendered
    # Every other translation, on foreign words alone; most of them where the article
    # names the entry abroad (Chinese writes 国会 for the Congress and the Assembly alike).
    if named_abroad:
        return lacking >= 2 and 2 * lacking > len(others)
    return lacking == len(others)


def _source_side(
    ctx: VariantContext, source_lang: str
) -> tuple[list[list[Mention]], frozenset[str]]:
    """Return the source's mentions that translations must render, per unit (not another
    country's, counted as :func:`_counted` says), and the entries the source names as
    another country's somewhere ("Quốc hội Mỹ": its bare "Quốc hội" may be that country's
    too). Remembered per article: every translation asks."""
    key = ("mp101-source", source_lang, "", None)
    found = ctx.shared.memo.get(key)
    if found is None:
        assert ctx.glossary is not None
        units, mentions = ctx.shared.units(source_lang), ctx.shared.mentions(source_lang)
        abroad = [
            [_names_a_foreign_one(u.text, m, source_lang) for m in ms]
            for u, ms in zip(units, mentions, strict=True)
        ]
        kinds = ctx.glossary.kinds
        counted = [
            _counted(u.text, [m for m, far in zip(ms, fars, strict=True) if not far], kinds)
            for u, ms, fars in zip(units, mentions, abroad, strict=True)
        ]
        named = frozenset(
            m.entry
            for ms, fars in zip(mentions, abroad, strict=True)
            for m, far in zip(ms, fars, strict=True)
            if far
        )
        found = ctx.shared.memo[key] = (counted, named)
    return found  # type: ignore[return-value]


def _counted(text: str, mentions: list[Mention], kinds: dict[str, EntryKind]) -> list[Mention]:
    """Return the mentions of a source text that a translation must render as many times:
    every person and title (two deputy prime ministers are two titles), and a body, a
    place or a term once per sentence (a sentence that names the National Assembly twice,
    "trước khi Quốc hội biểu quyết, ... của Quốc hội", is rendered naming it once). Of a
    sentence's mentions of one body, the one right after a title is kept, which a
    translation may fuse with it ("tại họp báo của Bộ Tài chính, Thứ trưởng Bộ Tài chính":
    "Deputy Minister of Finance ... told a press conference")."""
    if len(mentions) < 2:
        return mentions
    ends = [m.start() for m in sentence_end().finditer(text)]
    kept: list[Mention | None] = []
    where: dict[tuple[str, int], int] = {}
    for k, m in enumerate(mentions):
        if kinds.get(m.entry) in (EntryKind.PERSON, EntryKind.TITLE):
            kept.append(m)
            continue
        key = (m.entry, bisect.bisect(ends, m.start))
        if key not in where:
            where[key] = len(kept)
            kept.append(m)
        elif (
            k > 0
            and kinds.get(mentions[k - 1].entry) is EntryKind.TITLE
            and not text[mentions[k - 1].end : m.start].strip()
        ):
            kept[where[key]] = None
            where[key] = len(kept)
            kept.append(m)
    return [m for m in kept if m is not None]


@register(
    code="MP101",
    name="missing-term",
    severity=Severity.WARNING,
    summary="A glossary entry that occurs in the source but not in the translation. "
    "A person, body, place or term is missing from a block that names it in the source "
    "only until the translation's text (not its headline) has named it (in any form of the "
    "glossary): after that, a block may refer to it in short ('Lan', 'she', 'the "
    "commission', 'the bay'), a body fused with a title counting as named ('Deputy "
    "Minister of Finance', then 'the ministry'), unless the block names another body or "
    "place that the source article never names ('the Ministry of Planning' for the finance "
    "ministry). A headline may leave out what the text names (it is short: 'Q3 GDP up "
    "7.4%, planning minister says'), unless it names another such body, place or title. "
    "A title likewise, once written in full before the block: the "
    "name alone ('Khai said') or the title's head ('Chairman Ho Duc Thinh', 'the new "
    "chairwoman') will do, unless its holder is given another title there (another "
    "glossary title, or a capitalized word right before the name: 'Speaker Tran Thanh "
    "Man'); a head at the name will do on a first mention too, and in a headline. Two "
    "people with one title in a source block and one title in the translation are one "
    "missing. This is news style, where Vietnamese repeats the full name and title. Any "
    "form counts as present (a forbidden one is MP103's business). Blocks are aligned "
    "first, and the finding is placed on the target block that should hold the mention. "
    "Entries with no form in the target language are not checked. Not missing: a form in "
    "the plural by the profile's plural endings and changes ('the Deputy Prime Ministers', "
    "'Deputy Secretaries') or in a plural or dual the glossary lists (Arabic 'الوزراء' for "
    "'وزير'), with 'former' against or inside it ('exvicepresidente', '省人民委员会原副主席'), "
    "a Chinese province without 省 where a cue follows ('南定和嘉莱两省') or in a headline "
    "whose body names it in full, a body named in a headline by a word of its name ('la "
    "police de Nghê An') where the body names it in full, a body or title inside the "
    "glossary's fused title that "
    "the translation writes for them ('Minister-Chairman of the Committee for Ethnic "
    "Minority Affairs' for 'Ủy ban Dân tộc do Bộ trưởng, Chủ nhiệm'), an accepted form "
    "with a name slot "
    "('People's Committee of … Province'), one that "
    "shares a character with a neighbouring mention in a language without spaces "
    "(广宁省人民委员会), one whose last word's article Arabic drops before a place's name "
    "('اللجنة الشعبية لمقاطعة ...'), a body named by its adjective ('القرار الحكومي', 'le "
    "décret gouvernemental'), "
    "an organization named right after a title that is "
    "rendered, which "
    "translations fuse with it ('Bộ trưởng Bộ Tài chính': 'Minister of Finance'), and "
    "another country's institution or title (a story abroad: 'Quốc hội' is the Congress), "
    "where the article names it as another country's elsewhere ('Quốc hội Mỹ') and most "
    "other translations render it otherwise here, or where an organization's Vietnamese "
    "block holds two or more foreign words and all two or more other translations render "
    "it otherwise; and a "
    "name MP201 finds misspelled on the block is MP201's finding alone, and a title on a "
    "block where MP203 finds a person called by a title they do not hold is MP203's, and a "
    "term inside source-language text MP402 or MP303 finds left untranslated is theirs.",
    why="A title or organization that disappears in translation changes who did what: "
    "'Permanent Deputy Secretary' shortened to 'deputy', a ministry dropped from a list.",
    bad="vi block 2: '... Phó Bí thư Thường trực Tỉnh ủy ...'; en block 2:\n\n"
    "> Tran Quoc Hung, deputy secretary, chaired the meeting.",
    good="en block 2:\n\n> Tran Quoc Hung, Permanent Deputy Secretary of the Provincial "
    "Party Committee, chaired the meeting.",
    needs_source=True,
)
def missing_term(ctx: VariantContext) -> Iterator[Problem]:
    """Yield one problem per source mention that has no rendering in the target."""
    glossary, source_lang = ctx.glossary, ctx.source_lang
    if glossary is None or source_lang is None:
        return
    source_units = ctx.shared.units(source_lang)
    target_units, target_mentions = ctx.units(), ctx.mentions()
    source_mentions, named_abroad = _source_side(ctx, source_lang)
    all_source_mentions = ctx.shared.mentions(source_lang)
    named_in_source = {m.entry for mentions in all_source_mentions for m in mentions}
    wanted: Counter[str] = Counter(
        m.entry
        for unit, mentions in zip(source_units, source_mentions, strict=True)
        if unit.field != "byline"
        for m in mentions
        if glossary.entries[m.entry].forms(ctx.lang) is not None
    )
    found: Counter[str] = Counter(m.entry for mentions in target_mentions for m in mentions)
    missing = wanted - found
    if not missing:
        return
    # Where the translation's text first renders each person, body, place or term: after
    # it, a text may refer to it in short ("Lan", "she", "the commission", "the bay"), as
    # news style does where Vietnamese repeats the full name. Not after the headline: the
    # text's first reference is in full. Titles are counted each time: a later one turned
    # into another title ("Speaker of the House") changes who did what.
    # A title may be shortened to its head word after it has been written in full, and in
    # a headline: "Chairman Ho Duc Thinh" after "Chairman of the Provincial People's
    # Committee"; not turned into another title ("Deputy Minister" is no "Minister").
    first_rendered: dict[str, int] = {}
    # ... and where it first renders one otherwise: fused with a title ("Deputy Minister
    # of Finance" for "Thứ trưởng Bộ Tài chính"), by a looser reading; after that, "the
    # ministry" is a second reference too.
    first_otherwise: dict[str, int] = {}
    kinds = glossary.kinds
    for index, (unit, mentions) in enumerate(zip(target_units, target_mentions, strict=True)):
        if unit.field == "title":
            continue
        for m in mentions:
            first_rendered.setdefault(m.entry, index)
            if kinds.get(m.entry) is EntryKind.TITLE:
                # A body named inside a title the glossary writes with it ("Chairwoman of
                # the State Securities Commission") is named: "the commission" after it
                # is a second reference.
                for entry in missing:
                    if entry not in first_otherwise and _written_inside(ctx, entry, m.text):
                        first_otherwise[entry] = index

    def in_the_headline(target: Sequence[int]) -> bool:
        return bool(target) and all(target_units[j].field == "title" for j in target)

    # The headline last: it may leave out what the text names (in any way: fused with a
    # title too), and what the text names is known once the text has been read.
    for s_idx, t_idx in sorted(ctx.unit_pairs(), key=lambda pair: in_the_headline(pair[1])):
        if not t_idx:
            continue  # an unaligned source block is MP502's finding, not a missing term
        headline = in_the_headline(t_idx)
        # Only entries still missing can be reported: most pairs have none of them.
        still_missing = [m.entry for i in s_idx for m in source_mentions[i] if missing[m.entry] > 0]
        if not still_missing:
            continue
        here_wanted = Counter(still_missing)
        here_found = Counter(m.entry for j in t_idx for m in target_mentions[j])
        # Entries the translation names here that the source article never does: one of
        # them may stand where the missing one should ("the Ministry of Finance" for the
        # planning ministry), and then no mention before makes this one a second
        # reference. (Not people, nor terms: a translation names whom the source calls
        # "ông", and words it has no term for; nor a body inside one the source names:
        # "Provincial Party Committee" of "Standing Board of the Binh Dinh Provincial Party
        # Committee".)
        named_here = {m.entry for i in s_idx for m in all_source_mentions[i]}
        others_here = {
            kinds.get(e)
            for e in here_found
            if e not in named_in_source
            and kinds.get(e) in (EntryKind.ORGANIZATION, EntryKind.PLACE, EntryKind.TITLE)
            and not any(
                _holds_in(ctx, n, e) or _holds_in(ctx, n, e, source_lang) for n in named_here
            )
        }
        for entry, count in sorted((here_wanted - here_found).items()):
            if kinds.get(entry) in others_here:
                before = False
            else:
                before = here_found[entry] > 0 or (
                    first_rendered.get(entry, len(target_units)) < min(t_idx)
                    or first_otherwise.get(entry, len(target_units)) < min(t_idx)
                    # ... or inside a title in this block, as the source names it
                    # before ("Tổng Giám đốc Tổng công ty X ... cho biết X sẽ": "General
                    # Director of X ... said the corporation will").
                    or (
                        first_otherwise.get(entry) in t_idx
                        and _named_inside_a_title_before(
                            ctx, entry, [(source_units[i].text, source_mentions[i]) for i in s_idx]
                        )
                    )
                )
            if (
                headline
                and kinds.get(entry) not in others_here
                and (entry in first_rendered or entry in first_otherwise)
            ):
                # A headline is short: "Q3 GDP up 7.4%, planning minister says" for one
                # that names the minister, whom the text names in full.
                continue
            if kinds.get(entry) is not EntryKind.TITLE:
                if before:
                    continue  # a second reference, rendered in full before it
            else:
                # (Written before this block: two deputy prime ministers in one block
                # with one title are one title missing.)
                earlier = first_rendered.get(entry, len(target_units)) < min(
                    t_idx
                ) or _rendered_otherwise_before(ctx, entry, min(t_idx))
                if any(
                    _title_head_in(
                        ctx,
                        entry,
                        target_units[j].text,
                        target_mentions[j],
                        anywhere=earlier or headline,
                    )
                    for j in t_idx
                ):
                    continue  # the title shortened to its head word
                if earlier and not _title_replaced(ctx, entry, s_idx, t_idx):
                    continue  # a second reference: the name alone ("Khai said"), "she"
                holders = len(_title_holders(ctx, entry, s_idx))
                if holders and here_found[entry] >= holders:
                    continue  # one holder, named twice in the source block, titled once
            short = min(count, missing[entry])
            if short <= 0:
                continue
            # Mentions read otherwise stand for as many of the missing ones.
            texts = [(target_units[j].text, target_mentions[j]) for j in t_idx]
            source_texts = [(source_units[i].text, source_mentions[i]) for i in s_idx]
            rendered_otherwise = (
                _renderings_otherwise(ctx, entry, texts)
                + _fused_with_their_titles(ctx, entry, source_texts, here_found, texts)
                + _inside_a_fused_mention(ctx, entry, source_texts, texts)
            )
            if (
                rendered_otherwise
                and kinds.get(entry) is not EntryKind.TITLE
                and kinds.get(entry) not in others_here
            ):
                # Rendered here: the source's other mentions in the block are second
                # references ("tại họp báo của Bộ X, Bộ trưởng Bộ X ..." is "Minister of
                # X ... told a press conference").
                first_otherwise.setdefault(entry, min(t_idx))
                continue
            short -= rendered_otherwise
            if short <= 0:
                continue
            if _another_countrys_by_consensus(ctx, entry, s_idx, entry in named_abroad):
                continue
            missing[entry] -= short
            # Of the target blocks linked to this source block, the longest holds the text.
            unit = max((target_units[j] for j in t_idx), key=lambda u: len(u.text))
            source_unit = source_units[s_idx[0]]
            source_text = next(
                m.text for i in s_idx for m in source_mentions[i] if m.entry == entry
            )
            yield Problem(
                field=unit.field,
                block=unit.block,
                span=text_span(unit.text),
                message=f"'{source_text}' ({entry}) in {source_unit.describe()} of the "
                f"source has no rendering here; expected '{_preferred(ctx, entry)}'"
                + (f" ({short} missing)" if short > 1 else ""),
                related=(
                    Related(field=source_unit.field, block=source_unit.block, lang=source_lang),
                ),
                entry=entry,
            )

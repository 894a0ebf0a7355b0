"""MP3xx: repeated and untranslated blocks (MP301, MP302, MP303)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from multipub.checks.context import Problem, VariantContext
from multipub.checks.language import block_language
from multipub.checks.registry import register
from multipub.context import ArticleContext
from multipub.findings import Related, Severity
from multipub.lang import letter_pattern, primary_subtag, profile
from multipub.models import BlockKind, TextUnit
from multipub.numbers import figures_of
from multipub.similarity import chrf_both_ways, near_duplicate_pairs, shared_word_share
from multipub.text import letter_count, text_span

__all__ = ["variant_repeats"]

# Verbatim and reworded repeats are looked for in the lead and the body; a title or
# byline that recurs in the body is a different matter (and usually legitimate).
_REPEATABLE_FIELDS = frozenset({"lead", "blocks"})


def _related(unit: TextUnit, lang: str | None = None) -> Related:
    return Related(field=unit.field, block=unit.block, lang=lang)


@register(
    code="MP301",
    name="duplicate-block",
    severity=Severity.WARNING,
    summary="A block (or the lead) repeated verbatim in one variant, after normalization: "
    "case, white space, punctuation at word edges, Unicode forms, Arabic letter variants and "
    "digits are folded. Reported on the later copy, with the first as related. Repeats "
    "shorter than `duplicate_min_chars` (photo credits, 'Video') are let through.",
    why="A paragraph printed twice is the most visible defect a CMS import or a careless "
    "paste produces, and nobody on the desk reads every language to spot it.",
    bad="ar, blocks 2 and 3:\n\n"
    "> وصل الوفد إلى مقاطعة نغي آن صباح الاثنين لتفقد المدارس المتضررة.\n"
    "> وصل الوفد إلى مقاطعة نغي آن صباح الاثنين لتفقد المدارس المتضررة.",
    good="Keep one copy:\n\n> وصل الوفد إلى مقاطعة نغي آن صباح الاثنين لتفقد المدارس المتضررة.",
)
def duplicate_block(ctx: VariantContext) -> Iterator[Problem]:
    """Yield one problem per later copy of a verbatim repeated block (a repeat that the
    source has too is reported once, on the source)."""
    yield from _reported(ctx, "MP301")


def _verbatim_pairs(shared: ArticleContext, lang: str) -> list[_Repeat]:
    """Return the verbatim repeats of variant ``lang``: (earlier, later) unit indices."""
    first_by_key: dict[str, int] = {}
    minimum = shared.config.duplicate_min_chars
    found = []
    for index, (unit, key) in enumerate(zip(shared.units(lang), shared.keys(lang), strict=True)):
        if unit.field not in _REPEATABLE_FIELDS or len(key) < minimum:
            continue
        first = first_by_key.setdefault(key, index)
        if first != index:
            found.append(_Repeat("MP301", first, index, "verbatim", 100.0))
    return found


@register(
    code="MP302",
    name="near-duplicate-block",
    severity=Severity.WARNING,
    summary="A block (or the lead) that repeats an earlier one in other words: a photo "
    "caption re-used as body text, a paragraph translated twice from two source wordings, "
    "a sentence merged into its neighbour and printed again (words are compared after "
    "normalization; Chinese and Japanese by character pairs). A pair is reported when "
    "sacrebleu's sentence chrF (the "
    "higher of both directions) reaches `near_duplicate_chrf` (default 70) and neither "
    "block has more than 30% words of its own (two sentences that share an official's "
    "long title but say different things are not repeats), or when all but 5% of the words "
    "of one block (8 words or more) stand in the other, unless that block is a caption, "
    "a media block or a list item (they say in brief what a paragraph says: a timetable's "
    "row). Reported on the later block with "
    "the score and the earlier block as related.",
    why="Exact-hash deduplication misses a repeat that a machine translated twice from two "
    "slightly different source sentences, yet readers see the same sentence twice.",
    bad="ru, a caption and then a paragraph:\n\n"
    "> На пункте подключения Тхайбинь присутствовали товарищ Чан Ван Лонг и руководители "
    "провинции.\n"
    "> На пункте подключения Тхайбинь на конференции присутствовали товарищ Чан Ван Лонг и "
    "другие руководители провинции.",
    good="Keep the caption as a caption and let the paragraph say something else, or drop "
    "one of the two.",
)
def near_duplicate_block(ctx: VariantContext) -> Iterator[Problem]:
    """Yield one problem per block that rewords an earlier block of the same variant (a
    repeat that the source has too is reported once, on the source)."""
    yield from _reported(ctx, "MP302")


def _near_pairs(shared: ArticleContext, lang: str) -> list[_Repeat]:
    """Return the reworded repeats of variant ``lang``: (earlier, later) unit indices."""
    config = shared.config
    indices: list[int] = []
    keys: list[str] = []
    all_units = shared.units(lang)
    for index, (unit, key) in enumerate(zip(all_units, shared.keys(lang), strict=True)):
        if unit.field not in _REPEATABLE_FIELDS:
            continue
        too_short = len(key) < config.near_duplicate_min_chars
        too_long = len(unit.text) > config.near_duplicate_max_chars
        indices.append(index)
        keys.append("" if too_short or too_long else key)
    texts = [all_units[i].text for i in indices]
    found = []
    for pair in near_duplicate_pairs(texts, keys, config.near_duplicate_chrf):
        earlier = all_units[indices[pair.earlier]]
        later = all_units[indices[pair.later]]
        smaller = earlier if pair.later_is_longer else later
        if pair.contained and smaller.kind in _CAPTION_KINDS:
            continue  # a caption or a list's row that says in brief what a paragraph says
        larger = later if smaller is earlier else earlier
        if not figures_of(smaller.text, lang) <= figures_of(larger.text, lang) or (
            not pair.contained and figures_of(larger.text, lang) != figures_of(smaller.text, lang)
        ):
            # Other figures, other facts in the same words: "6 năm tù về tội ..." and "5
            # năm tù về tội ..." of two defendants, the sentence asked and the sentence
            # given. A paragraph printed again keeps its figures.
            continue
        if not pair.contained:
            how = f"repeats {earlier.describe()} in other words"
        elif pair.later_is_longer:
            how = f"repeats {earlier.describe()} and adds to it"
        else:
            how = f"repeats part of {earlier.describe()}"
        found.append(_Repeat("MP302", indices[pair.earlier], indices[pair.later], how, pair.chrf))
    return found


# Blocks whose job is to say in brief what a paragraph says: a caption, a media block,
# a list item (a timetable or fact box's row: "SM8802: Sydney 13:15 - Da Nang 20:05").
_CAPTION_KINDS = frozenset({BlockKind.CAPTION, BlockKind.MEDIA, BlockKind.LIST_ITEM})


@dataclass(frozen=True, slots=True)
class _Repeat:
    """A repeat inside one variant: its code, the units (indices into the variant's
    units), how the later one repeats the earlier, and their chrF."""

    code: str
    earlier: int
    later: int
    how: str
    chrf: float


# A source whose two blocks say this much the same (chrF) repeated itself: its
# translations' repeat of the pair is the source's defect, reported once, on the source.
_SOURCE_REPEAT_CHRF = 50.0
# Blocks that share fewer of their words than this are not compared by chrF: the source
# pairs of the FLORES articles of bench_precision.py that reach chrF 50 share 59% and 83%
# of their words, the loose repeat of the tests (chrF 64.9) 86%.
_SOURCE_REPEAT_WORDS = 0.3


def variant_repeats(shared: ArticleContext, lang: str) -> list[_Repeat]:
    """Return variant ``lang``'s repeats, verbatim and reworded, found once per article."""
    key = ("repeats", lang, "", None)
    found = shared.memo.get(key)
    if not isinstance(found, list):
        found = shared.memo[key] = _verbatim_pairs(shared, lang) + _near_pairs(shared, lang)
    return found


def _source_pair(shared: ArticleContext, lang: str, repeat: _Repeat) -> tuple[int, int] | None:
    """Return the source units a translation's repeat translates, (earlier, later): one
    block each, and two different ones; None otherwise (an extra block, a split block)."""
    of_target: dict[int, list[int]] = {}
    for sources, targets in shared.unit_pairs(lang):
        for index in targets:
            of_target[index] = sources
    earlier, later = of_target.get(repeat.earlier, []), of_target.get(repeat.later, [])
    if len(earlier) != 1 or len(later) != 1 or earlier == later:
        return None
    return earlier[0], later[0]


def _source_repeats(shared: ArticleContext) -> dict[tuple[int, int], list[tuple[str, int]]]:
    """Return the source's repeated pairs that translations repeat too: (earlier, later)
    source units -> the translations' (language, later unit). A pair counts when the
    source's two blocks reach chrF 50 (less than a reword of the translation needs: the
    translation of a loose repeat is a closer one) or when two translations or more repeat
    it."""
    key = ("source-repeats", "", "", None)
    remembered = shared.memo.get(key)
    if isinstance(remembered, dict):
        return remembered
    article = shared.article
    carried: dict[tuple[int, int], list[tuple[str, int]]] = {}
    if article.source is not None:
        for lang in article.targets():
            for repeat in variant_repeats(shared, lang):
                pair = _source_pair(shared, lang, repeat)
                if pair is not None:
                    carried.setdefault(pair, []).append((lang, repeat.later))
    source = shared.units(article.source_lang) if article.source is not None else []
    keys = shared.keys(article.source_lang) if article.source is not None else []
    found: dict[tuple[int, int], list[tuple[str, int]]] = {}
    for (earlier, later), langs in sorted(carried.items()):
        carried_by_two = len({lang for lang, _ in langs}) >= 2
        alike = carried_by_two or keys[earlier] == keys[later]
        if not alike and shared_word_share(keys[earlier], keys[later]) >= _SOURCE_REPEAT_WORDS:
            # chrF only where enough words are shared to reach it (a chrF is ~0.5 ms).
            chrf = chrf_both_ways(source[earlier].text, source[later].text)
            alike = chrf >= _SOURCE_REPEAT_CHRF
        if alike and figures_of(source[earlier].text, article.source_lang) != figures_of(
            source[later].text, article.source_lang
        ):
            alike = False  # other figures, other facts (see _near_pairs)
        if alike:
            found[(earlier, later)] = langs
    shared.memo[key] = found
    return found


def _reported(ctx: VariantContext, code: str) -> Iterator[Problem]:
    """Yield the ``code`` repeats of this variant: on a translation those the source does
    not share; on the source its own and those its translations carry, once each, with
    the translations in ``related``."""
    shared = ctx.shared
    units = ctx.units()
    from_source = _source_repeats(shared)
    if ctx.is_source:
        own = {(r.earlier, r.later): r for r in variant_repeats(shared, ctx.lang)}
        for earlier, later in from_source:
            if (earlier, later) in own:
                continue
            # The source's own blocks repeat each other less than a check of the source
            # alone reports: said here, as MP302, because its translations repeat them.
            verbatim = ctx.keys()[earlier] == ctx.keys()[later]
            own[(earlier, later)] = _Repeat(
                "MP301" if verbatim else "MP302",
                earlier,
                later,
                "verbatim" if verbatim else f"repeats {units[earlier].describe()} in other words",
                100.0 if verbatim else chrf_both_ways(units[earlier].text, units[later].text),
            )
        for (earlier, later), repeat in sorted(own.items(), key=lambda item: item[0][::-1]):
            if repeat.code != code:
                continue
            carriers = from_source.get((earlier, later), [])
            related = (
                _related(units[earlier]),
                *(_related(shared.units(lang)[index], lang) for lang, index in carriers),
            )
            langs = ", ".join(lang for lang, _ in carriers)
            also = f"; the translations repeat it too ({langs})" if carriers else ""
            yield _problem(units[later], units[earlier], repeat, related, also)
        return
    for repeat in variant_repeats(shared, ctx.lang):
        if repeat.code != code:
            continue
        pair = _source_pair(shared, ctx.lang, repeat)
        if pair is not None and pair in from_source:
            continue  # the source's defect: reported once, on the source
        first = units[repeat.earlier]
        yield _problem(units[repeat.later], first, repeat, (_related(first),), "")


def _problem(
    unit: TextUnit, earlier: TextUnit, repeat: _Repeat, related: tuple[Related, ...], also: str
) -> Problem:
    if repeat.code == "MP301":
        message = f"{unit.describe()} repeats {earlier.describe()} verbatim"
    else:
        message = f"{unit.describe()} {repeat.how} (chrF {repeat.chrf:.1f})"
    return Problem(
        field=unit.field,
        block=unit.block,
        span=text_span(unit.text),
        message=message + also,
        related=related,
    )


def _source_by_key(ctx: VariantContext, source_lang: str | None) -> dict[str, TextUnit]:
    """Return the source's units by dedup key (the first of each), made once per article."""
    memo_key = ("source-by-key", "", "", None)
    remembered = ctx.shared.memo.get(memo_key)
    if isinstance(remembered, dict):
        return remembered
    found: dict[str, TextUnit] = {}
    if source_lang is not None:
        for unit, key in zip(
            ctx.shared.units(source_lang), ctx.shared.keys(source_lang), strict=True
        ):
            if unit.field != "byline":
                found.setdefault(key, unit)
    ctx.shared.memo[memo_key] = found
    return found


def _is_substantial(key: str, min_words: int) -> bool:
    """Return True when ``key`` is prose, not a name, code or number that may stay as is."""
    if not key:
        return False
    # A key's words are separated by single spaces (see dedup_key): counted in C.
    words = key.count(" ") + 1
    if words == 1 and letter_count(key) >= 8 and not key.isascii():
        # No spaces and many letters: scriptio continua (Chinese, Japanese, Thai).
        return True
    # The first 40 characters of prose hold 15 letters: counting them settles most keys.
    return words >= min_words and (letter_count(key[:40]) >= 15 or letter_count(key) >= 15)


def _language_neutral(text: str, source: str) -> bool:
    """Return True when ``text`` holds no letter marked as the source language's letters
    are (its profile's ``letters.marked``), where it lists them: drug names, strengths and
    brands ("Atorvastatin 20 mg, rosuvastatin 10 mg"), which a translation keeps as they
    are; False for a source language whose profile lists none."""
    found = profile(source)
    if found is None or not found.letters.marked:
        return False
    return letter_pattern(source, "marked").search(text) is None


@register(
    code="MP303",
    name="untranslated-block",
    severity=Severity.ERROR,
    summary="A target block (or title or lead) identical, after normalization, to a block "
    "of the source variant, or written in the source's language (Vietnamese letters, or a "
    "language model's confident answer on a long enough block, as for MP401): it was "
    "published without translation. Names, codes and other short texts (fewer than "
    "`untranslated_min_words` words) may legitimately stay as they are and are let "
    "through, and so are texts without any letter marked as the source language marks "
    "its letters (drug names and strengths, brands: 'Atorvastatin 20 mg, rosuvastatin 10 "
    "mg'). Identity is checked in a file with no source variant only by language.",
    why="A Vietnamese paragraph in the Arabic or Russian edition tells the reader the page "
    "is broken, and the desk does not read those editions to notice.",
    bad="ru, block 4, equal to vi block 4:\n\n"
    "> Tỉnh đã hỗ trợ 1.250 hộ dân bị ảnh hưởng bởi lũ với tổng kinh phí 3,5 tỷ đồng.",
    good="ru, block 4:\n\n> Провинция оказала помощь 1250 семьям, пострадавшим от наводнения, "
    "на общую сумму 3,5 млрд донгов.",
)
def untranslated_block(ctx: VariantContext) -> Iterator[Problem]:
    """Yield one problem per target text that is a copy of a source text."""
    source_lang = ctx.source_lang
    source = primary_subtag(ctx.article.source_lang)
    if ctx.is_source or primary_subtag(ctx.lang) == source:
        return
    source_by_key = _source_by_key(ctx, source_lang)
    min_words = ctx.config.untranslated_min_words
    for unit, key in zip(ctx.units(), ctx.keys(), strict=True):
        if unit.field == "byline" or not _is_substantial(key, min_words):
            continue
        original = source_by_key.get(key)
        if original is not None and not _language_neutral(unit.text, source):
            yield Problem(
                field=unit.field,
                block=unit.block,
                span=text_span(unit.text),
                message=f"{unit.describe()} is {original.describe()} of the source "
                f"({source_lang}) left untranslated",
                related=(_related(original, source_lang),),
            )
            continue

        guess = block_language(ctx, unit)
        if guess is not None and guess.lang == source:
            yield Problem(
                field=unit.field,
                block=unit.block,
                span=text_span(unit.text),
                message=f"{unit.describe()} is in {source}, the source's language, not "
                f"{primary_subtag(ctx.lang)} ({guess.method}, {guess.confidence:.2f})",
            )

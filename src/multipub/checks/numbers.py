"""MP501 number-mismatch: numbers, dates and document codes that must survive translation.

Each aligned pair of source and target blocks is reduced to the tokens of
:func:`multipub.numbers.number_tokens` (codes as written, dates as day and month, numbers
as values with each language's scale words), and the source's tokens that the target lacks
are reported, each with the target token that looks like it changed.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from multipub.checks.context import Problem, VariantContext
from multipub.checks.language import block_language
from multipub.checks.registry import register
from multipub.context import ArticleContext
from multipub.findings import Related, Severity
from multipub.lang import primary_subtag, profile, words_pattern
from multipub.models import TextUnit
from multipub.numbers import (
    CONVERSIONS,
    CURRENCY_SIGNS,
    UNIT_KINDS,
    UNIT_SIZES,
    ClockTime,
    NumberToken,
    centuries,
    clock_times,
    close_to,
    has_digit,
    model_codes,
    number_tokens,
    small_wholes,
    spelled_numbers,
    whole_hours,
)
from multipub.text import text_span

__all__: list[str] = []


def _looks_changed(source: str, target: str) -> bool:
    """Return True when ``target`` looks like ``source`` altered rather than another
    number: same kind, and for numbers the same digits reordered or one digit off."""
    kind = source.split(":")[0] if ":" in source else "number"
    if kind != (target.split(":")[0] if ":" in target else "number"):
        return False
    if kind == "date":
        day, month = source[5:].split("-")
        other_day, other_month = target[5:].split("-")
        return day == other_day or month == other_month
    if kind in ("month", "quarter"):
        return True  # a month or a quarter for another: its year is compared on its own
    if kind == "code":
        return True
    if len(source) != len(target):
        return False
    return (
        sorted(source) == sorted(target)
        or sum(a != b for a, b in zip(source, target, strict=True)) == 1
    )


# Percentages a translation may say in words: "a tenth", "a quarter", "a third", "half",
# "two thirds", "all"...
_SAID_IN_WORDS = frozenset(
    {
        "10",
        "20",
        "25",
        "30",
        "33",
        "34",
        "40",
        "50",
        "60",
        "66",
        "67",
        "70",
        "75",
        "80",
        "90",
        "100",
    }
)
# A percent sign after a number ("12,5%", "12,5 %", "12,5％").
_PERCENT = re.compile(r"[ \u00a0\u202f]?[%％]")
# After a number, a group of fewer than three digits: a thousands group cut short.
_BROKEN_GROUP = re.compile(r"[ \u00a0\u202f\u2009.,]\d{1,2}(?!\d)")


def _digits(key: str) -> int:
    return sum(c.isdigit() for c in key)


def _days_sharing_a_month(
    missing: Counter[str],
    target_keys: Counter[str],
    source_keys: Counter[str],
    source_dates: list[tuple[str, NumberToken]],
    target_dates: list[tuple[str, NumberToken]],
) -> None:
    """Take out of ``missing`` (and of ``target_keys``) the dates that a list of days
    sharing one month reads otherwise: "ngày 7 và 8/9" is 8/9 with a 7 beside it,
    "September 7 and 8" is 7/9 with an 8 beside it; one list of days, no change. The
    dates come with the text they stand in. Returns nothing."""
    extra = [k for k in target_keys - source_keys if k.startswith("date:")]
    for key in [k for k in missing if k.startswith("date:")]:
        day, month = key[5:].split("-")
        for other in extra:
            other_day, other_month = other[5:].split("-")
            if (
                other_month == month
                and other_day != day
                and any(_day_beside(other_day, t, tok) for t, tok in source_dates if tok.key == key)
                and any(_day_beside(day, t, tok) for t, tok in target_dates if tok.key == other)
            ):
                del missing[key]
                target_keys[other] -= 1
                extra.remove(other)
                break


# A day of a list stands this close to the date that carries the month ("7 và 8/9",
# "September 7 and 8", "9月7日和8日").
_DAY_LIST_REACH = 12


def _day_beside(day: str, text: str, date: NumberToken) -> bool:
    """Return whether the number ``day`` stands alone (not inside a longer number, a date
    or a decimal) within a few characters of ``date`` in ``text``."""
    alone = re.compile(rf"(?<!\d)(?<!\d[.,/]){day}(?!\d|[.,/]\d)")
    return any(
        (date.start - _DAY_LIST_REACH <= found.start() and found.end() <= date.start)
        or (date.end <= found.start() and found.end() <= date.end + _DAY_LIST_REACH)
        for found in alone.finditer(text)
    )


@lru_cache(maxsize=64)
def _fraction_words(lang: str) -> re.Pattern[str]:
    """Return the pattern of ``lang``'s words for a share without a figure."""
    found = profile(lang)
    if found is None or not found.numbers.fraction_words:
        return re.compile("(?!)")
    bounded = found.separates_words
    words = words_pattern(found.numbers.fraction_words, bounded=bounded)
    return re.compile(rf"(?<!\w){words}" if bounded else words, re.IGNORECASE)


def _powers_of_ten_apart(a: str, b: str) -> bool:
    """Return whether two number keys differ by a factor of 10, 100 or 1,000 exactly (a
    decimal mark slipped: "0,5" written "5")."""
    x, y = Decimal(a), Decimal(b)
    if not x or not y:
        return False
    ratio = max(x, y) / min(x, y)
    return ratio in (Decimal(10), Decimal(100), Decimal(1000))


def _a_zero_apart(a: str, b: str) -> bool:
    """Return whether two number keys differ by a factor of ten exactly."""
    x, y = Decimal(a), Decimal(b)
    return x == 10 * y or y == 10 * x


def _has_scale_word(written: str) -> bool:
    """Return whether a number as written holds its scale word ("40,2 tỷ", "4020万")."""
    return any(char.isalpha() for char in written)


def _figure(key: str) -> str:
    """Return a number's significant digits, whatever its scale ("40200000000" and
    "40.2": "402")."""
    return key.replace(".", "").strip("0")


def _day(key: str) -> int:
    """Return the digits of a date's day ("date:21-1": 2), 0 for any other key."""
    return len(key[5:].split("-")[0]) if key.startswith("date:") else 0


def _kind(key: str) -> str:
    return key.split(":")[0] if ":" in key else "number"


@lru_cache(maxsize=64)
def _unit_pattern(lang: str) -> tuple[re.Pattern[str] | None, tuple[str, ...]]:
    """Return the pattern of the unit words of ``lang``'s profile right after a number,
    and the unit each of its groups names (group k + 1: the k-th unit), longest word first
    ("km/h" before "km"). Words with a capital are matched as written ("MW" is no "mW")."""
    found = profile(lang)
    if found is None or not found.numbers.units:
        return None, ()
    bounded = found.separates_words
    words = sorted(
        ((word, unit) for unit, names in found.numbers.units.items() for word in names),
        key=lambda item: (-len(item[0].rstrip("*")), item[0], item[1]),
    )
    alternatives = []
    for word, _ in words:
        pattern = words_pattern([word], bounded=bounded)
        alternatives.append(f"(?-i:{pattern})" if word != word.lower() else pattern)
    return (
        re.compile(r"\s*(?:" + "|".join(f"({a})" for a in alternatives) + ")", re.IGNORECASE),
        tuple(unit for _, unit in words),
    )


def _unit_after(text: str, end: int, lang: str) -> tuple[str, int] | None:
    """Return the unit named right after the number ending at ``end`` and where its name
    ends, or None."""
    pattern, units = _unit_pattern(primary_subtag(lang))
    found = pattern.match(text, end) if pattern is not None else None
    if found is None or not found.lastindex:
        return None
    return units[found.lastindex - 1], found.end()


_SIGN_BEFORE = re.compile(
    "(?:" + "|".join(re.escape(s) for s in sorted(CURRENCY_SIGNS, key=len, reverse=True)) + r")\s?$"
)


def _unit_of(text: str, token: NumberToken, lang: str) -> tuple[str | None, int, int]:
    """Return the unit of the number ``token`` of ``text`` (a word after it, or a currency
    sign before it: "$5 million"; None without either), with the span of the number and
    its unit."""
    after = _unit_after(text, token.end, lang)
    if after is not None:
        return after[0], token.start, after[1]
    before = _SIGN_BEFORE.search(text, max(0, token.start - 4), token.start)
    if before is not None and not (before.start() and text[before.start() - 1].isalpha()):
        return CURRENCY_SIGNS[before.group().strip()], before.start(), token.end
    return None, token.start, token.end


# A whole number below ten standing alone: number_tokens leaves it out (translations spell
# such numbers), but one with a unit is a measure, written in figures ("5 mg", "3 tấn").
_HAS_DIGIT = re.compile(r"\d")
_SMALL_WHOLE = re.compile(r"(?<![\d.,/:\-])\d(?!\d|[.,:/]\d)")


@dataclass(frozen=True, slots=True)
class _Measure:
    """A number of a text with the unit that it measures in, and where both are written."""

    token: NumberToken
    unit: str
    start: int
    end: int


@lru_cache(maxsize=8192)
def _measures(text: str, lang: str) -> tuple[_Measure, ...]:
    """Return the numbers of ``text`` (a ``lang`` text) that a unit of a known kind goes
    with, in text order: those of number_tokens, and whole numbers below ten, which it
    leaves out (translations spell them) but which with a unit are measures ("5 mg").
    Cached: a source block is compared with each translation."""
    tokens = [t for t in number_tokens(text, lang) if ":" not in t.key]
    for match in _SMALL_WHOLE.finditer(text) if _HAS_DIGIT.search(text) else ():
        value = unicodedata.digit(match.group(), 0)
        if value:
            tokens.append(NumberToken(match.start(), match.end(), str(value)))
    found = []
    for token in tokens:
        unit, start, end = _unit_of(text, token, lang)
        if unit is not None and unit in UNIT_KINDS:
            found.append(_Measure(token, unit, start, end))
    return tuple(sorted(found, key=lambda m: m.start))


def _unit_name(text: str, end: int, lang: str) -> str | None:
    """Return the unit named right after the number ending at ``end``, or None."""
    after = _unit_after(text, end, lang)
    return after[0] if after is not None else None


def _converted(a: float, unit_a: str | None, b: float, unit_b: str | None) -> bool:
    """Return True when ``a`` ``unit_a`` and ``b`` ``unit_b`` are one quantity in two units
    (a temperature or a difference of temperatures, in Fahrenheit and Celsius, too)."""
    if unit_a is None or unit_b is None or unit_a == unit_b:
        return False
    if {unit_a, unit_b} == {"F", "C"}:
        f, c = (a, b) if unit_a == "F" else (b, a)
        return close_to(c, (f - 32) * 5 / 9) or close_to(c, f * 5 / 9)
    if unit_a in UNIT_SIZES and unit_b in UNIT_SIZES and UNIT_KINDS[unit_a] == UNIT_KINDS[unit_b]:
        # One quantity under two metric prefixes: "1.500 MW" and "150万千瓦".
        return close_to(b, a * UNIT_SIZES[unit_a] / UNIT_SIZES[unit_b])
    # A speed's unit may be read as its length's ("17.500 dặm trên giờ" against "28 000
    # km/h"): the factor is the same.
    unit_a, unit_b = _LENGTH_OF.get(unit_a, unit_a), _LENGTH_OF.get(unit_b, unit_b)
    factor = CONVERSIONS.get((unit_a, unit_b))
    if factor is not None:
        return close_to(b, a * factor)
    factor = CONVERSIONS.get((unit_b, unit_a))
    return factor is not None and close_to(a, b * factor)


_LENGTH_OF = {"mph": "mi", "kmh": "km", "kn": "nmi"}


def _unlikeness(a: str, b: str) -> tuple[int, int]:
    """Return how unlike two keys look, to pair a changed number with its new value:
    the same digits in another order (1250 -> 1520) are likelier than another length."""
    return (abs(len(a) - len(b)), 0 if sorted(a) == sorted(b) else 1)


_AS_WRITTEN = frozenset({"code", "score", "clock", "month", "quarter"})
_KIND_NAMES = {"clock": "clock time"}


def _shown(key: str) -> str:
    if key.startswith("date:"):
        day, month = key[5:].split("-")
        return f"{day}/{month}"
    if key.startswith("score:"):
        return key[6:]
    if key.startswith("clock:"):
        return key[6:]
    if key.startswith(("month:", "quarter:")):
        return key.partition(":")[2]
    if key.startswith("time:"):
        whole, _, fraction = key[5:].partition(".")
        minutes, seconds = divmod(int(whole), 60)
        return f"{minutes}:{seconds:02d}" + (f".{fraction}" if fraction else "")
    return key.removeprefix("code:")


@register(
    code="MP501",
    name="number-mismatch",
    severity=Severity.ERROR,
    summary="A number, date or document code of a source block missing or changed in its "
    "aligned target block, after locale normalization (Vietnamese '1.250' and '86,6%', "
    "Arabic-Indic digits, '28/9' = '28 September' = '28 سبتمبر' = '28 сентября' = '9月28日', "
    "a month of a year: 'tháng 7/2025' = 'July 2025' = 'julio de 2025' = '2025年7月', "
    "a quarter: 'quý IV' = 'fourth quarter' = 'IV квартал' = '第四季度', "
    "a century, Roman or in figures: 'thế kỷ XV' = 'XVe siècle' = '15th century' = "
    "'15世纪' (one spelled is let through), "
    "scale words: '3,5 tỷ' = '3.5 billion' = '35亿', a range sharing one: '4,2-3,9 triệu', "
    "Buddhist-era years in Thai; race times: '2 phút 05,31 giây' = '2:05.31' = '2.05,31' = "
    "'2分05秒31'; a match's score beside a score word, in order: 'thắng 3-1' = '3-1 win' = "
    "'со счётом 3:1' = '3比1'; codes with Đ read as D: 'NĐ-CP' = 'ND-CP', and flight codes, "
    "two capitals and three or four digits: 'VN1547', '航班VN123'; days sharing "
    "a month: '7 và 8/9' = 'September 7 and 8'). A changed "
    "number is paired by place with the target's number of as many digits (1994 -> 2004), "
    "or with the same figure at another scale ('40,2 tỷ' -> '40.2 million'), and reported "
    "on it; a dropped code or percentage on the target block (not one a translation may "
    "say as a fraction: 50% 'half'; another dropped number may be rephrased: 'the "
    "sixties'). The same figure in another unit of the same kind is a change too ('5 mg' "
    "written '5 g', '3,5 tỷ đồng' written '3.5 billion dollars', '500 MW' written "
    "'500千瓦', '150 Mbps' written '150 Гбит/с'; units of length, mass, area, power, "
    "energy, speed, data, frequency and bit rate, and currencies, as the profiles name "
    "them, signs such as '$' before "
    "a figure). Units converted within 3% (miles/km, "
    "pounds/kg, inches/cm, feet/m, mph/km/h, Fahrenheit/Celsius, one unit under two "
    "metric prefixes: '1.500 MW' = '150万千瓦', as the profiles name them) and phone "
    "numbers are not compared. Clock times ('14:30', '6 giờ 30', 'lúc 9h', '5 p.m.', "
    "'6点30分', '至8时') are compared apart, on a 12-hour dial ('20:30' = '8:30 p.m.'), and so "
    "is a whole hour with an hour word at a range's end ('đến 22 giờ', which may be a "
    "duration) where the translation writes a clock time for it ('8 p.m.'): one written "
    "as another time "
    "is a change, one dropped is not ('in the morning'), nor one moved by whole hours "
    "where the translation names a time zone ('08:00 GMT'). Whole numbers below 10 are "
    "spelled in translations: they are compared with a unit ('0,5 ml' written '5 ml', a "
    "tenfold dose), in a score, and where both blocks write figures and each has one "
    "the other neither writes nor spells (the profiles' number words): '3 người' written "
    "'5 people', not 'three people', nor the day of a date ('7 và 8/5', 'May 7 and 8'), "
    "nor a month or weekday ('tháng 7', 'thứ 7': the profiles' order words); a date after "
    "the words for the night before it is the source's night before ('đêm 3/9' = 'в ночь "
    "на 4 сентября'); a score is compared "
    "as a pair (the winner's goals come first in some languages); a block left "
    "untranslated is MP303's.",
    why="A machine translation that turns 1,250 households into 1,520, or 50-KL/TW into "
    "50-KL/TƯ, publishes a wrong fact that no reader of the edition can check.",
    bad="vi: 'hỗ trợ 1.250 hộ dân'; zh-Hans:\n\n> 向1520户居民提供援助",
    good="zh-Hans:\n\n> 向1250户居民提供援助",
    needs_source=True,
)
def number_mismatch(ctx: VariantContext) -> Iterator[Problem]:
    """Yield one problem per source number, date or code the aligned target lacks; a
    number most translations agree on against the source, once, on the source."""
    shared = ctx.shared
    if ctx.is_source:
        yield from _source_numbers(ctx)
        return
    if ctx.source_lang is None:
        return
    against = _against_the_source(shared)
    units = {(unit.field, unit.block): unit for unit in ctx.units()}
    expected = {primary_subtag(ctx.lang), primary_subtag(ctx.source_lang)}
    for change in _changes(shared, ctx.lang):
        if (change.source_unit, change.source_token) in against:
            continue
        # A block in a third language is MP401's finding, and its numbers are read in
        # that language's way, not this variant's ("4,500" in English pasted into the
        # French edition is no 4.5): the defect is reported once.
        unit = units.get((change.problem.field, change.problem.block))
        guess = block_language(ctx, unit) if unit is not None else None
        if guess is None or guess.lang in expected:
            yield change.problem


@dataclass(frozen=True, slots=True)
class _Change:
    """A source number, date or code that one translation lacks or changed."""

    problem: Problem
    source_unit: int
    source_token: NumberToken
    written: str | None  # the translation's value, when it changed the number


def _changes(shared: ArticleContext, lang: str) -> list[_Change]:
    """Return what translation ``lang`` lacks or changed of its source's numbers (found
    once per article: the source check compares the translations too)."""
    memo_key = ("number-changes", lang, "", None)
    remembered = shared.memo.get(memo_key)
    if isinstance(remembered, list):
        return remembered
    found = list(_find_changes(shared, lang))
    shared.memo[memo_key] = found
    return found


def _rise_by_times(text: str, token: NumberToken, lang: str) -> bool:
    """Return True when the number ``token`` of ``text`` (in ``lang``) says by how many
    times a figure rose, in the profile's ``fold_increase`` words ("增长1.3倍")."""
    found = profile(lang)
    rises = found.numbers.fold_increase if found is not None else {}
    for times, words in rises.items():
        if text.startswith(times, token.end) and any(
            text.endswith(word, 0, token.start) for word in words
        ):
            return True
    return False


# Added time after a match's minute: "90+3", "45+2" (in any language).
_ADDED_TIME = re.compile(r"\s*\+\s*(\d{1,2})(?!\d)")


def _find_changes(shared: ArticleContext, lang: str) -> Iterator[_Change]:
    source_lang = shared.article.source_lang
    if shared.article.source is None or lang == source_lang:
        return
    source_units, target_units = shared.units(source_lang), shared.units(lang)
    # The source units with a number in a unit (most have none): only theirs may change unit.
    measured = {i for i, unit in enumerate(source_units) if _measures(unit.text, source_lang)}
    # Everything compared below is read from the source's figures: a source block without
    # a digit has nothing to lose (most blocks of most articles).
    with_digits = {i for i, unit in enumerate(source_units) if has_digit(unit.text)}
    for s_idx, t_idx in shared.unit_pairs(lang):
        if not s_idx or not t_idx:
            continue  # an unaligned block is MP502's finding
        # Centuries first: a Roman one ("thế kỷ XV") holds no digit.
        yield from _changed_centuries(shared, lang, s_idx, t_idx)
        if with_digits.isdisjoint(s_idx):
            continue
        if [source_units[i].text for i in s_idx] == [target_units[j].text for j in t_idx]:
            continue  # left untranslated (MP303's finding), not read in another language
        # Whole hours the clock times settle are no numbers of the source to find here.
        settled: set[tuple[int, int]] = set()
        yield from _changed_clocks(shared, lang, s_idx, t_idx, settled)
        yield from _changed_small_wholes(shared, lang, s_idx, t_idx, settled)
        yield from _changed_model_codes(shared, lang, s_idx, t_idx)
        # Each source token, and the index of the unit it stands in.
        # (A century in figures, "thế kỷ 15", "15th century", is compared as a century.)
        source_tokens_at = {
            tok: i
            for i in s_idx
            for tok in number_tokens(source_units[i].text, source_lang)
            if (i, tok.start) not in settled
            and not _in_a_century(tok, source_units[i].text, source_lang)
        }
        source_tokens = list(source_tokens_at)
        if not measured.isdisjoint(s_idx):
            yield from _changed_units(shared, lang, s_idx, t_idx)
        if not source_tokens:
            continue  # nothing of the source to lose
        target_tokens = [
            (j, tok)
            for j in t_idx
            for tok in number_tokens(target_units[j].text, lang)
            if not _in_a_century(tok, target_units[j].text, lang)
        ]
        if sorted(t.key for t in source_tokens) == sorted(t.key for _, t in target_tokens):
            continue  # the same numbers, dates and codes (most pairs): no counting
        target_keys = Counter(t.key for _, t in target_tokens)
        missing = Counter(t.key for t in source_tokens) - target_keys
        for key in [k for k in missing if k.startswith("date:")]:
            # "9 đến 12/10" is "October 9 to 12": a day of a range may stand alone
            # beside a date of the same month.
            day, month = key[5:].split("-")
            if target_keys[day] and any(k.endswith(f"-{month}") for k in target_keys):
                del missing[key]
                target_keys[day] -= 1
        _days_sharing_a_month(
            missing,
            target_keys,
            Counter(t.key for t in source_tokens),
            [(source_units[i].text, t) for t, i in source_tokens_at.items()],
            [(target_units[j].text, t) for j, t in target_tokens],
        )
        if not missing:
            continue
        extra = target_keys - Counter(t.key for t in source_tokens)
        spare = [(j, tok) for j, tok in target_tokens if extra[tok.key] > 0]
        # In text order, but a number whose altered form is plainly among the spare ones
        # (a date with its day or month, the same digits) first: "17 giờ ngày 19/8" with
        # 29/8 in the translation is 19/8 changed, not the hour 17.
        plain = {k for k in missing if any(_looks_changed(k, sp[1].key) for sp in spare)}
        for key in sorted(
            missing,
            key=lambda k: (k not in plain, next(t.start for t in source_tokens if t.key == k)),
        ):
            kind = key.split(":")[0] if ":" in key else "number"
            source_token = next(t for t in source_tokens_at if t.key == key)
            # The source block the number stands in (one of several a target block joins).
            own = source_units[source_tokens_at[source_token]]
            source_text = own.text
            related = (Related(field=own.field, block=own.block, lang=source_lang),)
            converted = [
                sp
                for sp in spare
                if _kind(key) == "number" == _kind(sp[1].key)
                and _converted(
                    float(key),
                    _unit_name(source_text, source_token.end, source_lang),
                    float(sp[1].key),
                    _unit_name(target_units[sp[0]].text, sp[1].end, lang),
                )
            ]
            if converted:
                spare.remove(converted[0])  # 250 miles -> 402 km: the same quantity
                continue
            added = _ADDED_TIME.match(source_text, source_token.end)
            if added is not None and key.isdigit():
                # "phút 90+3" is "the 93rd minute": the minute the added time counts to.
                total = str(int(key) + int(added.group(1)))
                reached = [sp for sp in spare if sp[1].key == total]
                if reached:
                    spare.remove(reached[0])
                    continue
            if _kind(key) == "number":
                # "tăng gấp 2,3 lần" is "增长1.3倍": rose by 1.3 times, to 2.3 times.
                by_times = [
                    sp
                    for sp in spare
                    if _kind(sp[1].key) == "number"
                    and Decimal(sp[1].key) + 1 == Decimal(key)
                    and _rise_by_times(target_units[sp[0]].text, sp[1], lang)
                ]
                if by_times:
                    spare.remove(by_times[0])
                    continue
            same_day = [sp for sp in spare if sp[1].key.startswith(f"date:{key}-")]
            if same_day:
                spare.remove(same_day[0])  # "ngày 21" is the day of "21 January"
                continue
            a_month = (
                kind == "number"
                and _month_word_before(source_lang).search(source_text, 0, source_token.start)
                is not None
            )
            if a_month:
                # "rằm tháng 10" (the full moon of the tenth month) is the month of
                # "农历10月15日": a month, not a day of it.
                same_month = [
                    sp
                    for sp in spare
                    if (sp[1].key.endswith(f"-{key}") and sp[1].key.startswith("date:"))
                    or sp[1].key == f"month:{key}"
                ]
                if same_month:
                    spare.remove(same_month[0])
                    continue
            # By place: a changed number takes the target's own number that stands where
            # it stood (the first spare one of its kind), the likeliest alteration first.
            # (of as many digits: "the 1960s" may be "los años 60", "1800" the 19th century)
            alike = [sp for sp in spare if _looks_changed(key, sp[1].key)]
            in_place = [sp for sp in spare if _kind(sp[1].key) == kind][:1]
            candidates = alike or [sp for sp in in_place if _digits(sp[1].key) == _digits(key)]
            if not candidates and kind == "number" and not a_month:
                # A day the source writes alone ("ngày 21") in a date of the target.
                candidates = [sp for sp in spare if _day(sp[1].key) == _digits(key)][:1]
            if not candidates and kind == "number":
                # A thousands group broken by a slip: "48 000" written "48 10".
                candidates = [
                    sp
                    for sp in spare
                    if _kind(sp[1].key) == "number"
                    and len(sp[1].key) >= 2
                    and key.startswith(sp[1].key)
                    and _BROKEN_GROUP.match(target_units[sp[0]].text, sp[1].end)
                ][:1]
            if not candidates and kind == "number":
                # The same figure at another scale, the costliest slip: "40,2 tỷ" (billion)
                # written "40.2 million", "48.000" written "480". A figure of one digit
                # only a zero away ("5.000" written "500") or with a scale word on either
                # side: "1.000 người" and "10 đại biểu" are two numbers.
                written = source_text[source_token.start : source_token.end]
                candidates = [
                    sp
                    for sp in spare
                    if _kind(sp[1].key) == "number"
                    and _figure(sp[1].key) == _figure(key)
                    and (
                        len(_figure(key)) >= 2
                        or _a_zero_apart(key, sp[1].key)
                        or _has_scale_word(written)
                        or _has_scale_word(target_units[sp[0]].text[sp[1].start : sp[1].end])
                    )
                ][:1]
            if not candidates and kind == "number":
                # A measure written as a figure below ten in the same unit, which the
                # source does not measure: "0,5 ml" written "5 ml", a tenfold dose.
                unit_name = _unit_name(source_text, source_token.end, source_lang)
                measured_here = {
                    m.token.key for i in s_idx for m in _measures(source_units[i].text, source_lang)
                }
                candidates = [
                    (j, measure.token)
                    for j in t_idx
                    for measure in _measures(target_units[j].text, lang)
                    if unit_name is not None
                    and measure.unit == unit_name
                    and len(measure.token.key) == 1
                    and measure.token.key not in measured_here
                    and _powers_of_ten_apart(key, measure.token.key)
                ][:1]
                spare.extend(candidates)  # taken from the spare ones below
            if candidates:
                j, tok = min(candidates, key=lambda sp: _unlikeness(key, sp[1].key))
                spare.remove((j, tok))
                unit = target_units[j]
                if _the_night_before(
                    (source_text, source_token, source_lang), (unit.text, tok, lang)
                ):
                    continue  # "đêm 3/9" is "в ночь на 4 сентября": one night
                # A code as written ("NĐ-CP"), not as compared ("ND-CP").
                was = source_text[source_token.start : source_token.end]
                now = unit.text[tok.start : tok.end]
                problem = Problem(
                    field=unit.field,
                    block=unit.block,
                    span=(tok.start, tok.end),
                    # Codes and scores as written ("NĐ-CP"; "3-1", compared as a pair).
                    message=f"{kind} {was if kind in _AS_WRITTEN else _shown(key)} of "
                    f"{own.describe()} of the source is "
                    f"{now if _kind(tok.key) in _AS_WRITTEN else _shown(tok.key)} here",
                    related=related,
                )
                yield _Change(problem, source_tokens_at[source_token], source_token, tok.key)
            elif kind == "code" or (
                _PERCENT.match(source_text, source_token.end)
                and not (
                    key in _SAID_IN_WORDS
                    and any(_fraction_words(lang).search(target_units[j].text) for j in t_idx)
                )
            ):
                # A number may be rephrased ("1960" -> "the sixties"); a document code may
                # not, nor a percentage (every language writes "12,5%" in figures) but for
                # a round one where the block says a share in words ("50%": "half").
                unit = max((target_units[j] for j in t_idx), key=lambda u: len(u.text))
                written = source_text[source_token.start : source_token.end]
                problem = Problem(
                    field=unit.field,
                    block=unit.block,
                    span=text_span(unit.text),
                    message=f"{kind} {written if kind == 'code' else written + '%'} of "
                    f"{own.describe()} of the source is missing here",
                    related=related,
                )
                yield _Change(problem, source_tokens_at[source_token], source_token, None)


def _changed_units(
    shared: ArticleContext, lang: str, s_idx: Sequence[int], t_idx: Sequence[int]
) -> Iterator[_Change]:
    """Yield the numbers of aligned source units ``s_idx`` that translation ``lang`` writes
    in its units ``t_idx`` with the same figure in another unit of the same kind ("5 mg"
    as "5 g", "3,5 tỷ đồng" as "3.5 billion dollars"): a conversion changes the figure, a
    slip keeps it. Numbers of one value and unit are paired first ("2 m" with "2 m",
    wherever they stand), then the rest of one value in text order; a number without a
    unit on either side is left."""
    source_lang = shared.article.source_lang
    source_units, target_units = shared.units(source_lang), shared.units(lang)
    mine = [(i, m) for i in s_idx for m in _measures(source_units[i].text, source_lang)]
    if not mine:
        return
    theirs: dict[str, list[tuple[int, _Measure]]] = {}
    for j in t_idx:
        for measure in _measures(target_units[j].text, lang):
            theirs.setdefault(measure.token.key, []).append((j, measure))
    left = []
    for i, source in mine:
        candidates = theirs.get(source.token.key, [])
        same = next((c for c in candidates if c[1].unit == source.unit), None)
        if same is not None:
            candidates.remove(same)  # one quantity in one unit: "2 km" in either order
        else:
            left.append((i, source))
    for i, source in left:
        key = source.token.key
        candidates = theirs.get(key, [])
        if not candidates:
            continue
        j, target = candidates.pop(0)
        if UNIT_KINDS[target.unit] != UNIT_KINDS[source.unit]:
            continue  # "120 km" and "120 km/h" may be a unit dropped, or two quantities
        problem = _written_otherwise(
            "number",
            (source_units[i], source.start, source.end),
            (target_units[j], target.start, target.end),
            source_lang,
            f", in another unit ({target.unit} for {source.unit})",
        )
        yield _Change(problem, i, source.token, f"{key} {target.unit}")


def _written_otherwise(
    kind: str,
    source: tuple[TextUnit, int, int],
    target: tuple[TextUnit, int, int],
    source_lang: str,
    why: str = "",
) -> Problem:
    """Return the problem of a ``kind`` of the source (its unit and span) written
    otherwise in the translation (its unit and span), reported on the translation with
    the source's block as related."""
    (source_unit, a, b), (target_unit, c, d) = source, target
    return Problem(
        field=target_unit.field,
        block=target_unit.block,
        span=(c, d),
        message=f"{kind} {source_unit.text[a:b]} of {source_unit.describe()} of the source "
        f"is {target_unit.text[c:d]} here{why}",
        related=(Related(field=source_unit.field, block=source_unit.block, lang=source_lang),),
    )


def _set_aside_equal(
    times: list[tuple[int, ClockTime]],
    pool: list[tuple[int, ClockTime]],
    *also: list[tuple[int, ClockTime]],
) -> list[tuple[int, ClockTime]]:
    """Remove from ``pool`` (and the lists ``also``, which hold its items too) one time
    equal to each of ``times``, and return those of ``times`` with none, in their order.
    Times written alike (hour and minutes) are set aside first, then those equal on the
    12-hour dial: in "4:30, 10:30, 16:30, 22:30" written "..., 16:30, 20:30", 22:30 is
    not the 10:30 of the list but the time changed."""
    left = list(times)
    for same_time in (
        lambda a, b: (a.hour, a.minute) == (b.hour, b.minute),
        lambda a, b: a.key == b.key,
    ):
        unmatched = []
        for i, time in left:
            same = next((found for found in pool if same_time(found[1], time)), None)
            if same is None:
                unmatched.append((i, time))
                continue
            for holder in (pool, *also):
                holder.remove(same)
        left = unmatched
    return left


def _changed_clocks(
    shared: ArticleContext,
    lang: str,
    s_idx: Sequence[int],
    t_idx: Sequence[int],
    settled: set[tuple[int, int]],
) -> Iterator[_Change]:
    """Yield the clock times of aligned source units ``s_idx`` that translation ``lang``
    writes as another time in its units ``t_idx``, and their whole hours at a range's end
    or beside a cue ("đến 22 giờ") it writes as another whole hour. Times are compared by
    the hour on a
    12-hour dial and the minutes ("20:30" is "8:30 p.m."); the equal ones set aside, the
    rest are paired in text order. A time the translation drops is let through (it may say
    "in the morning"), and so is one moved by whole hours where the translation names a
    time zone (a conversion to GMT; not "local time", the same clock).

    Adds to ``settled`` (source unit index, start) of each whole hour a translated clock
    time stands for, equal or compared: "22h ngày 3/3" is "10 p.m. on March 3", and its
    22 no number the translation dropped."""
    source_lang = shared.article.source_lang
    source_units, target_units = shared.units(source_lang), shared.units(lang)
    mine = [(i, clock) for i in s_idx for clock in clock_times(source_units[i].text)]
    # Whole hours with an hour word ("từ 10 giờ đến 22 giờ") are times where the
    # translation writes clock times for them ("de 10h à 22h"), after the clock times.
    hours = [(i, hour) for i in s_idx for hour in whole_hours(source_units[i].text, source_lang)]
    if not mine and not hours:
        return
    theirs = [(j, clock) for j in t_idx for clock in clock_times(target_units[j].text)]
    if not theirs:
        return
    left = _set_aside_equal(mine, theirs)
    # (A whole hour is paired with a whole hour only: "8h" is no "16h15".)
    whole = [found for found in theirs if found[1].minute == 0]
    from_hours: set[int] = set()
    if hours and whole:
        unmatched = _set_aside_equal(hours, whole, theirs)
        compared = unmatched[: max(0, len(whole) - len(left))]
        kept = {id(hour) for _, hour in unmatched[len(compared) :]}
        settled.update((i, hour.start) for i, hour in hours if id(hour) not in kept)
        # ... and compared where the translation writes more whole hours than the source's
        # clock times left over can stand for.
        for i, hour in compared:
            left.append((i, hour))
            from_hours.add(id(hour))
        left.sort(key=lambda found: (found[0], found[1].start))  # in text order
    if not left or not theirs:
        return
    # Converted where the translation names the zone it converts to.
    zone_named = any(_time_zones(lang).search(target_units[j].text) for j in t_idx)
    pairs = []
    for i, clock in left:
        partner = next((t for t in theirs if id(clock) not in from_hours or t[1].minute == 0), None)
        if partner is None:
            continue
        theirs.remove(partner)
        pairs.append(((i, clock), partner))
    for (i, clock), (j, written) in pairs:
        if zone_named and clock.minute == written.minute:
            continue  # "15:00 (giờ Hà Nội)" given as "08:00 GMT"
        problem = _written_otherwise(
            "clock time",
            (source_units[i], clock.start, clock.end),
            (target_units[j], written.start, written.end),
            source_lang,
        )
        yield _Change(problem, i, NumberToken(clock.start, clock.end, clock.key), written.key)


@lru_cache(maxsize=64)
def _night_words(lang: str) -> re.Pattern[str] | None:
    """Return the pattern of ``lang``'s words before a date that name the night before it
    (the profile's ``numbers.night_before_words``; "{d}" a day), ending the text searched;
    None without any."""
    found = profile(lang)
    if found is None or not found.numbers.night_before_words:
        return None
    words = [
        r"\s+".join(re.escape(part) for part in word.split()).replace(r"\{d\}", r"\d{1,2}")
        for word in found.numbers.night_before_words
    ]
    return re.compile(rf"(?<!\w)(?:{'|'.join(words)})\s*$", re.IGNORECASE)


def _the_night_before(
    source: tuple[str, NumberToken, str], target: tuple[str, NumberToken, str]
) -> bool:
    """Return True when the target's date (text, token, language), written after its
    language's words for the night before a date ("в ночь на 4 сентября"), is the day
    after the source's date of the same month, which the source's words for a night or
    an evening precede ("đêm 3/9": the profile's ``numbers.night_words``)."""
    (source_text, source_token, source_lang), (text, token, lang) = source, target
    if not (source_token.key.startswith("date:") and token.key.startswith("date:")):
        return False
    (day, month), (next_day, next_month) = (
        key[5:].split("-") for key in (source_token.key, token.key)
    )
    if month != next_month or int(next_day) != int(day) + 1:
        return False
    night = _night_words(lang)
    evening = _evening_before(source_lang)
    at, source_at = token.start, source_token.start
    return (
        night is not None
        and evening is not None
        and night.search(text, max(0, at - 30), at) is not None
        and evening.search(source_text, max(0, source_at - 20), source_at) is not None
    )


@lru_cache(maxsize=64)
def _evening_before(lang: str) -> re.Pattern[str] | None:
    """Return the pattern of ``lang``'s words for a night or an evening right before a
    date (the profile's ``numbers.night_words``: "đêm 3/9"), ending the text searched;
    None without any."""
    found = profile(lang)
    if found is None or not found.numbers.night_words:
        return None
    words = words_pattern(found.numbers.night_words)
    return re.compile(rf"(?<!\w){words}\s*$", re.IGNORECASE)


@lru_cache(maxsize=64)
def _order_word_before(lang: str) -> re.Pattern[str]:
    """Return the pattern of one of ``lang``'s ``order_words`` right before a figure, at
    the end of the text searched ("tháng 7", "第3"; matching nothing without any)."""
    found = profile(lang)
    words = found.numbers.order_words if found is not None else ()
    spaced = found is None or found.separates_words
    edge = r"(?<!\w)" if spaced else ""
    return re.compile(rf"{edge}{words_pattern(words, bounded=spaced)}\s*$", re.IGNORECASE)


def _changed_small_wholes(
    shared: ArticleContext,
    lang: str,
    s_idx: Sequence[int],
    t_idx: Sequence[int],
    settled: set[tuple[int, int]],
) -> Iterator[_Change]:
    """Yield the whole numbers from 2 to 9 of aligned source units ``s_idx`` that
    translation ``lang`` writes as another one in its units ``t_idx`` ("3 người thiệt
    mạng" as "5 people were killed"). Translations spell such numbers ("three people"),
    so only figures are compared, and only where each side writes one that the other
    lacks and does not spell in words ("ba người" is "3 people"); the rest are paired in
    text order. A figure dropped is let through, and whole hours the clock times settled
    are no numbers here. Both languages need ``numbers.number_words`` in their profiles."""
    source_lang = shared.article.source_lang
    source_words, target_words = spelled_numbers(source_lang), spelled_numbers(lang)
    if source_words is None or target_words is None:
        return
    source_units, target_units = shared.units(source_lang), shared.units(lang)
    mine = [
        (i, token)
        for i in s_idx
        for token in small_wholes(source_units[i].text, source_lang)
        if (i, token.start) not in settled
    ]
    theirs = [(j, token) for j in t_idx for token in small_wholes(target_units[j].text, lang)]
    if not mine or not theirs:
        return
    common = Counter(token.key for _, token in mine) & Counter(token.key for _, token in theirs)
    source_text = "\n".join(source_units[i].text for i in s_idx)
    target_text = "\n".join(target_units[j].text for j in t_idx)

    def days(texts: list[str], text_lang: str) -> set[str]:
        return {
            token.key[5:].partition("-")[0]
            for text in texts
            for token in number_tokens(text, text_lang)
            if token.key.startswith("date:")
        }

    def unmatched(
        found: list[tuple[int, NumberToken]],
        units: Sequence[TextUnit],
        text_lang: str,
        spelled: dict[str, re.Pattern[str]],
        text: str,
        dated: set[str],
    ) -> list[tuple[int, NumberToken]]:
        # A figure the other side writes too, as often, or spells, is no change; nor
        # the day of a date there: "7 và 8/5" is "May 7 and 8", a day alone beside a
        # date on either side; nor a month or a weekday ("tháng 7", "thứ 7": the
        # profile's order_words), which translations name (matched all the same, when
        # the other side writes the figure too: "tháng 9", "9月").
        order = _order_word_before(text_lang)
        equal = Counter(common)
        left = []
        for index, token in found:
            if equal[token.key] > 0:
                equal[token.key] -= 1
            elif (
                token.key not in dated
                and spelled[token.key].search(text) is None
                and order.search(units[index].text, max(0, token.start - 12), token.start) is None
            ):
                left.append((index, token))
        return left

    target_days = days([target_units[j].text for j in t_idx], lang)
    lacking = unmatched(mine, source_units, source_lang, target_words, target_text, target_days)
    if not lacking:
        return
    source_days = days([source_units[i].text for i in s_idx], source_lang)
    extra = unmatched(theirs, target_units, lang, source_words, source_text, source_days)
    yield from _paired_in_order("number", lacking, extra, source_units, target_units, source_lang)


def _changed_model_codes(
    shared: ArticleContext, lang: str, s_idx: Sequence[int], t_idx: Sequence[int]
) -> Iterator[_Change]:
    """Yield the model and type codes of aligned source units ``s_idx`` ("H100",
    "A321neo") that translation ``lang`` writes as another one in its units ``t_idx``
    ("H200"): where each side writes one the other lacks, with the same letters or the
    same digits, paired in text order. A code dropped is let through: a translation may
    name the thing otherwise, or write the code in its own letters ("Су30")."""
    source_units, target_units = shared.units(shared.article.source_lang), shared.units(lang)
    mine = [(i, token) for i in s_idx for token in model_codes(source_units[i].text)]
    if not mine:
        return
    theirs = [(j, token) for j in t_idx for token in model_codes(target_units[j].text)]
    if not theirs:
        return
    common = Counter(token.key for _, token in mine) & Counter(token.key for _, token in theirs)
    lacking, extra = _beyond(mine, common), _beyond(theirs, common)
    for i, written in lacking:
        letters, digits = _letters_and_digits(written.key)
        partner = next(
            (found for found in extra if letters == _letters_and_digits(found[1].key)[0]),
            None,
        ) or next(
            (found for found in extra if digits == _letters_and_digits(found[1].key)[1]), None
        )
        if partner is None:
            continue
        extra.remove(partner)
        j, now = partner
        problem = _written_otherwise(
            "code",
            (source_units[i], written.start, written.end),
            (target_units[j], now.start, now.end),
            shared.article.source_lang,
        )
        yield _Change(problem, i, written, now.key)


def _in_a_century(token: NumberToken, text: str, lang: str) -> bool:
    """Return True when ``token`` is the number of a century of ``text`` ("15" of "15th
    century")."""
    return any(c.start <= token.start < c.end for c in centuries(text, lang))


def _changed_centuries(
    shared: ArticleContext, lang: str, s_idx: Sequence[int], t_idx: Sequence[int]
) -> Iterator[_Change]:
    """Yield the centuries of aligned source units ``s_idx`` ("thế kỷ XV") that translation
    ``lang`` writes as another one in its units ``t_idx`` ("XVIe siècle", "16th century"):
    where each side names one the other lacks, paired in text order. A century dropped is
    let through (a translation may spell it: "the fifteenth century", "القرن الخامس
    عشر")."""
    source_lang = shared.article.source_lang
    source_units, target_units = shared.units(source_lang), shared.units(lang)
    mine = [(i, token) for i in s_idx for token in centuries(source_units[i].text, source_lang)]
    if not mine:
        return
    theirs = [(j, token) for j in t_idx for token in centuries(target_units[j].text, lang)]
    if not theirs:
        return
    common = Counter(token.key for _, token in mine) & Counter(token.key for _, token in theirs)
    lacking, extra = _beyond(mine, common), _beyond(theirs, common)
    yield from _paired_in_order("century", lacking, extra, source_units, target_units, source_lang)


def _paired_in_order(
    kind: str,
    lacking: list[tuple[int, NumberToken]],
    extra: list[tuple[int, NumberToken]],
    source_units: Sequence[TextUnit],
    target_units: Sequence[TextUnit],
    source_lang: str,
) -> Iterator[_Change]:
    """Yield a change for each token the translation lacks of ``lacking`` (source unit
    index, token), paired in text order with one it writes instead of ``extra`` (target
    unit index, token); the rest of the longer list is let through."""
    for (i, written), (j, now) in zip(lacking, extra, strict=False):
        problem = _written_otherwise(
            kind,
            (source_units[i], written.start, written.end),
            (target_units[j], now.start, now.end),
            source_lang,
        )
        yield _Change(problem, i, written, now.key)


def _letters_and_digits(key: str) -> tuple[str, str]:
    """Return the letters and the digits of a model code's key ("model:H100")."""
    code = key.removeprefix("model:")
    digits = code.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    return code[: len(code) - len(digits)], digits


def _beyond(
    found: list[tuple[int, NumberToken]], common: Counter[str]
) -> list[tuple[int, NumberToken]]:
    """Return the tokens of ``found`` (with their unit index) beyond those ``common`` (the
    keys both sides write, as often as both do) accounts for, in order."""
    equal = Counter(common)
    left = []
    for index, token in found:
        if equal[token.key] > 0:
            equal[token.key] -= 1
        else:
            left.append((index, token))
    return left


@lru_cache(maxsize=64)
def _month_word_before(lang: str) -> re.Pattern[str]:
    """Return the pattern of ``lang``'s word for a month right before a number, at the
    end of the text searched ("tháng 10": the profile's ``month_words``; matching nothing
    without any)."""
    found = profile(lang)
    words = found.numbers.month_words if found is not None else ()
    return re.compile(rf"(?<!\w){words_pattern(words)}\s*$", re.IGNORECASE)


@lru_cache(maxsize=64)
def _time_zones(lang: str) -> re.Pattern[str]:
    """Return the pattern of the time zone words of ``lang``'s profile ("GMT", "北京时间";
    matching nothing without any)."""
    found = profile(lang)
    words = found.numbers.time_zone_words if found is not None else ()
    return re.compile(words_pattern(words, bounded=found is None or found.separates_words))


def _against_the_source(
    shared: ArticleContext,
) -> dict[tuple[int, NumberToken], tuple[str, list[tuple[str, Problem]]]]:
    """Return the source numbers that most translations change to one same value: (source
    unit, token) -> (that value, the translations' problems). Two translations at least,
    and more than half of those that translate the block: "32" in Vietnamese where all
    six translations write "23" is the source's slip, reported once, on the source."""
    memo_key = ("numbers-against-source", "", "", None)
    remembered = shared.memo.get(memo_key)
    if isinstance(remembered, dict):
        return remembered
    article = shared.article
    targets = article.targets() if article.source is not None else []
    votes: dict[tuple[int, NumberToken], list[tuple[str, str, Problem]]] = {}
    translated: Counter[int] = Counter()
    for lang in targets:
        for sources, linked in shared.unit_pairs(lang):
            if linked:
                translated.update(sources)
        for change in _changes(shared, lang):
            if change.written is not None:
                votes.setdefault((change.source_unit, change.source_token), []).append(
                    (lang, change.written, change.problem)
                )
    found: dict[tuple[int, NumberToken], tuple[str, list[tuple[str, Problem]]]] = {}
    for place, written in votes.items():
        value, count = Counter(w for _, w, _ in written).most_common(1)[0]
        if count >= 2 and 2 * count > translated[place[0]]:
            agreeing = [(lang, problem) for lang, w, problem in written if w == value]
            found[place] = (value, agreeing)
    shared.memo[memo_key] = found
    return found


def _source_numbers(ctx: VariantContext) -> Iterator[Problem]:
    """Yield, on the source, each number that most translations write otherwise."""
    units = ctx.units()
    for (index, token), (value, agreeing) in sorted(
        _against_the_source(ctx.shared).items(), key=lambda item: (item[0][0], item[0][1].start)
    ):
        unit = units[index]
        langs = ", ".join(lang for lang, _ in agreeing)
        kind = _kind(token.key)
        start, end, written = token.start, token.end, _shown(token.key)
        if kind in _AS_WRITTEN:
            written = unit.text[start:end]
        if " " in value:  # the same figure in another unit ("5 g"): the source's with its own
            _, start, end = _unit_of(unit.text, token, ctx.lang)
            written = unit.text[start:end]
        yield Problem(
            field=unit.field,
            block=unit.block,
            span=(start, end),
            message=f"{_KIND_NAMES.get(kind, kind)} {written} of {unit.describe()} is "
            f"{_shown(value)} in "
            f"{len(agreeing)} translations ({langs}): the source may be wrong",
            related=tuple(Related(field=p.field, block=p.block, lang=lang) for lang, p in agreeing),
        )

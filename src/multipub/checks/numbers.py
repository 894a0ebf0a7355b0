"""MP501 number-mismatch: numbers, dates and document codes that must survive translation.

Each aligned pair of source and target blocks is reduced to comparable tokens:

* document codes as written, upper-cased: "50-KL/TW", "45/KH-UBND";
* dates as day and month: "28/9", "ngày 28 tháng 9", "28 September", "September 28",
  "28 سبتمبر", "28 сентября", "28 septembre", "9月28日" are all ``date:28-9``;
* numbers as values, with the scale words of each language: "1.250" = "1,250" = "1 250" =
  1250; "3,5 tỷ" = "3.5 billion" = "3,5 млрд" = "35亿" = 3,500,000,000; "86,6%" = 86.6.
  A separator followed by exactly three digits is a thousands separator in every
  language (news has no 1.126-kilometre roads), any other separator a decimal mark.

Single-digit numbers are left out: translations spell them ("three teams").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from multipub.checks.context import Problem, VariantContext
from multipub.checks.registry import register
from multipub.findings import Related, Severity
from multipub.text import fold_digits, text_span

__all__ = ["NumberToken", "number_tokens"]


@dataclass(frozen=True, slots=True)
class NumberToken:
    """A number, date or code of a text: where it is, and the value it is compared by."""

    start: int
    end: int
    key: str


# Month names (Levantine Arabic names are left out: "الأول", "الثاني" are also "first",
# "second", as in "الربع الأول 27": the first quarter, 27).
_MONTHS: dict[str, int] = {}
for _month, _names in enumerate(
    (
        "january jan janvier janv enero января январь يناير",
        "february feb février févr febrero февраля февраль فبراير",
        "march mar mars marzo марта март مارس",
        "april apr avril abril апреля апрель أبريل ابريل",
        "may mai mayo мая май مايو",
        "june jun juin junio июня июнь يونيو",
        "july jul juillet julio июля июль يوليو",
        "august aug août agosto августа август أغسطس اغسطس",
        "september sep sept septembre septiembre сентября сентябрь سبتمبر",
        "october oct octobre octubre октября октябрь أكتوبر اكتوبر",
        "november nov novembre noviembre ноября ноябрь نوفمبر",
        "december dec décembre déc diciembre декабря декабрь ديسمبر",
    ),
    start=1,
):
    for _name in _names.split():
        _MONTHS.setdefault(_name, _month)
_MONTH_WORD = "|".join(sorted((re.escape(m) for m in _MONTHS), key=len, reverse=True))

_CODE = re.compile(r"(?<![0-9A-Za-z/])\d+(?:[-/]\d+)*(?:[-/][A-ZĐ][A-ZĐ0-9]*)+(?![0-9A-Za-zĐđ])")
_DATES = [
    # 28/9, 28/9/2023, 28.9.2023 (day first, as Vietnamese and most of the site write it);
    # with dots only when the year follows, or "3.5 billion" would be the 3rd of May
    (re.compile(r"(?<![\d/.,])(\d{1,2})/(\d{1,2})(?:/(\d{4}))?(?![\d/]|[.,]\d)"), "dm"),
    (re.compile(r"(?<![\d/.,])(\d{1,2})\.(\d{1,2})\.(\d{4})(?![\d.,])"), "dm"),
    (re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})", re.IGNORECASE), "dm"),
    (
        re.compile(
            rf"(?<!\d)(\d{{1,2}})(?:er|st|nd|rd|th)?\s+(?:de\s+)?({_MONTH_WORD})\.?(?!\w)",
            re.IGNORECASE,
        ),
        "dM",
    ),
    (re.compile(r"(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]"), "md"),
]
# "September 28": what (?<!\w)(MONTH)\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?!\d) matches, found
# from the number back to the word before it. A case-insensitive alternation of a hundred
# month names tried at every position was a third of this check's time.
_DAY_AFTER_SPACE = re.compile(r"(?<=\s)(\d{1,2})(?:st|nd|rd|th)?(?!\d)")
_WORD_BEFORE = re.compile(r"(\w+)(\.?)(\s+)$")


def _month_day(text: str) -> Iterator[tuple[int, int, str, str]]:
    """Yield ``(start, end, month, day)`` for each month name followed by a day."""
    for day in _DAY_AFTER_SPACE.finditer(text):
        before = _WORD_BEFORE.search(text, max(0, day.start() - 40), day.start())
        if before is None:
            continue
        month = before.group(1)
        start = before.start(1)
        if start > 0 and _WORD_CHAR.match(text, start - 1):
            continue  # the window cut a longer word
        if month.lower() in _MONTHS:
            yield start, day.end(), month, day.group(1)


_WORD_CHAR = re.compile(r"\w")
# Not after Latin letters or digits ("COVID-19" is a name, "A320" a model); Chinese
# characters may touch a number ("向1250户").
_NUMBER = re.compile(
    r"(?<![0-9A-Za-z.,])\d{1,3}(?:(?:[.,]|[ \u00a0\u202f])\d{3})+(?!\d)"
    r"|(?<![0-9A-Za-z.,])\d+(?:[.,]\d+)?"
)
_SCALES: list[tuple[re.Pattern[str], int]] = [
    # Longest first: "nghìn tỷ" before "nghìn", "mil millones" before "mil".
    (re.compile(r"\s*(?:trillion|nghìn tỷ|billones|трлн\.?|триллион\w*|تريليون)", re.I), 12),
    (
        re.compile(
            r"\s*(?:tỷ|tỉ|billion|billions|milliards?|mil millones|млрд\.?|миллиард\w*"
            r"|مليار\w*|bn)(?!\w)",
            re.I,
        ),
        9,
    ),
    (
        re.compile(
            r"\s*(?:triệu|million|millions|millón|millones|млн\.?|миллион\w*|مليون"
            r"|ملايين|百万)",
            re.I,
        ),
        6,
    ),
    (
        re.compile(
            r"\s*(?:nghìn|ngàn|thousand|mille|mil|тыс\.?|тысяч[аи]?|ألف|آلاف|千)(?!\w)", re.I
        ),
        3,
    ),
    (re.compile(r"\s*亿"), 8),
    (re.compile(r"\s*万"), 4),
]
# Arabic decimal and thousands separators, as ASCII (one character for one).
_ARABIC_SEPARATORS = str.maketrans({"\u066b": ".", "\u066c": ","})


def _value(text: str) -> Decimal | None:
    digits = re.sub(r"[ \u00a0\u202f]", "", text)
    groups = re.split(r"[.,]", digits)
    if len(groups) == 1:
        number = digits
    elif all(len(g) == 3 for g in groups[1:]):
        number = "".join(groups)
    elif len(groups) == 2:
        number = f"{groups[0]}.{groups[1]}"
    else:
        return None
    try:
        return Decimal(number)
    except InvalidOperation:
        return None


def _canonical(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


_HAS_DIGIT = re.compile(r"\d")
_FOLDED_DIGITS = re.compile("[\u0660-\u0669\u06f0-\u06f9\uff10-\uff19\u066b\u066c]")


@lru_cache(maxsize=8192)
def number_tokens(text: str) -> tuple[NumberToken, ...]:
    """Return the codes, dates and numbers of ``text``, in text order (cached: a source
    block is compared with every translation of it)."""
    if _HAS_DIGIT.search(text) is None:
        return ()
    prepared = text
    if _FOLDED_DIGITS.search(text) is not None:
        prepared = fold_digits(text).translate(_ARABIC_SEPARATORS)
    spans: list[tuple[int, int]] = []
    tokens: list[NumberToken] = []

    def free(start: int, end: int) -> bool:
        return all(end <= a or b <= start for a, b in spans)

    def take(start: int, end: int, key: str) -> None:
        spans.append((start, end))
        tokens.append(NumberToken(start, end, key))

    for match in _CODE.finditer(prepared):
        take(match.start(), match.end(), "code:" + match.group().upper())

    def date(start: int, end: int, day: str, month: str, year: str | None) -> None:
        if not free(start, end):
            return
        month_number = int(month) if month.isdigit() else _MONTHS.get(month.lower(), 0)
        if not 1 <= int(day) <= 31 or not 1 <= month_number <= 12:
            return
        take(start, end, f"date:{int(day)}-{month_number}")
        if year:
            tokens.append(NumberToken(start, end, year))

    for pattern, order in _DATES:
        for match in pattern.finditer(prepared):
            first, second = match.group(1), match.group(2)
            day, month = (first, second) if order in ("dm", "dM") else (second, first)
            year = match.group(3) if order == "dm" and pattern.groups >= 3 else None
            date(match.start(), match.end(), day, month, year)
        if order == "dM":  # the month-day order comes right after, as the pattern did
            for start, end, month, day in _month_day(prepared):
                date(start, end, day, month, None)
    for match in _NUMBER.finditer(prepared):
        if not free(match.start(), match.end()):
            continue
        value = _value(match.group())
        if value is None:
            continue
        end = match.end()
        for scale, exponent in _SCALES:
            found = scale.match(prepared, end)
            if found:
                value *= Decimal(10) ** exponent
                end = found.end()
                break
        if value < 10 and value == value.to_integral_value():
            continue  # small whole numbers are spelled out in translations
        take(match.start(), end, _canonical(value))
    tokens.sort(key=lambda t: (t.start, t.end))
    return tuple(tokens)


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
    if kind == "code":
        return True
    if len(source) != len(target):
        return False
    return (
        sorted(source) == sorted(target)
        or sum(a != b for a, b in zip(source, target, strict=True)) == 1
    )


def _unlikeness(a: str, b: str) -> tuple[int, int]:
    """Return how unlike two keys look, to pair a changed number with its new value:
    the same digits in another order (1250 -> 1520) are likelier than another length."""
    return (abs(len(a) - len(b)), 0 if sorted(a) == sorted(b) else 1)


def _shown(key: str) -> str:
    if key.startswith("date:"):
        day, month = key[5:].split("-")
        return f"{day}/{month}"
    return key.removeprefix("code:")


@register(
    code="MP501",
    name="number-mismatch",
    severity=Severity.ERROR,
    summary="A number, date or document code of a source block missing or changed in its "
    "aligned target block, after locale normalization (Vietnamese '1.250' and '86,6%', "
    "Arabic-Indic digits, '28/9' = '28 September' = '28 سبتمبر' = '28 сентября' = '9月28日', "
    "scale words: '3,5 tỷ' = '3.5 billion' = '35亿'). A changed number is reported on the "
    "target's number with the source's in the message; a dropped one on the target block. "
    "Whole numbers below 10 are not compared (translations spell them out).",
    why="A machine translation that turns 1,250 households into 1,520, or 50-KL/TW into "
    "50-KL/TƯ, publishes a wrong fact that no reader of the edition can check.",
    bad="vi: 'hỗ trợ 1.250 hộ dân'; zh-Hans:\n\n> 向1520户居民提供援助",
    good="zh-Hans:\n\n> 向1250户居民提供援助",
)
def number_mismatch(ctx: VariantContext) -> Iterator[Problem]:
    """Yield one problem per source number, date or code the aligned target lacks."""
    source_lang = ctx.source_lang
    if source_lang is None:
        return
    source_units, target_units = ctx.shared.units(source_lang), ctx.units()
    for s_idx, t_idx in ctx.unit_pairs():
        if not s_idx or not t_idx:
            continue  # an unaligned block is MP502's finding
        source_tokens = [tok for i in s_idx for tok in number_tokens(source_units[i].text)]
        if not source_tokens:
            continue  # nothing of the source to lose
        target_tokens = [(j, tok) for j in t_idx for tok in number_tokens(target_units[j].text)]
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
        if not missing:
            continue
        extra = target_keys - Counter(t.key for t in source_tokens)
        spare = [(j, tok) for j, tok in target_tokens if extra[tok.key] > 0]
        first_source = source_units[s_idx[0]]
        related = (Related(field=first_source.field, block=first_source.block, lang=source_lang),)
        for key in sorted(
            missing, key=lambda k: next(t.start for t in source_tokens if t.key == k)
        ):
            kind = key.split(":")[0] if ":" in key else "number"
            candidates = [sp for sp in spare if _looks_changed(key, sp[1].key)]
            if candidates:
                j, tok = min(candidates, key=lambda sp: _unlikeness(key, sp[1].key))
                spare.remove((j, tok))
                unit = target_units[j]
                yield Problem(
                    field=unit.field,
                    block=unit.block,
                    span=(tok.start, tok.end),
                    message=f"{kind} {_shown(key)} of {first_source.describe()} of the "
                    f"source is {_shown(tok.key)} here",
                    related=related,
                )
            elif kind == "code":
                # A number may be rephrased ("1960" -> "the sixties"); a document code may not.
                unit = max((target_units[j] for j in t_idx), key=lambda u: len(u.text))
                yield Problem(
                    field=unit.field,
                    block=unit.block,
                    span=text_span(unit.text),
                    message=f"{kind} {_shown(key)} of {first_source.describe()} of the "
                    "source is missing here",
                    related=related,
                )

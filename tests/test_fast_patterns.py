"""Patterns rewritten for speed give the matches of their plain forms.

A pattern that opens with a lookbehind ("(?<!X)\\d") makes re try it at every position
of a text; tested after the first character instead ("\\d(?<!X.)"), re jumps from
candidate to candidate in C, two to four times as fast. The plain forms below are the
specification: every rewritten pattern must find the same spans and groups on any text.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from multipub import numbers
from multipub.align import _LATIN_NAME
from multipub.checks import language as language_check
from multipub.checks import names as names_check
from multipub.lang import profiles, words_pattern
from multipub.names import _vietnamese_names, capitals

_UPPER = capitals()
_SUFFIXES = {s for p in profiles().values() for s in p.numbers.ordinal_suffixes}
_PREPOSITIONS = {w for p in profiles().values() for w in p.numbers.month_prepositions}
_MONTH_WORD = "|".join(sorted((re.escape(m) for m in numbers._months()), key=len, reverse=True))

# (rewritten pattern, its plain form)
_CODES = "|".join(numbers.CURRENCY_CODES)
_PAIRS: dict[str, tuple[re.Pattern[str], str]] = {
    "code": (
        numbers._CODE,
        r"(?<![0-9A-Za-z/])\d+(?:[-/]\d+)*(?:[-/][A-ZĐ][A-ZĐ0-9]*)+(?![0-9A-Za-zĐđ])",
    ),
    "number": (
        numbers._NUMBER,
        rf"(?:(?<![0-9A-Za-z.,])|(?<=(?<![A-Za-z])(?:{_CODES})))"
        r"\d{1,3}(?:(?P<group>[.,]|[ \u00a0\u2009\u202f])\d{3})+(?:(?!(?P=group))[.,]\d+)?(?!\d)"
        rf"|(?:(?<![0-9A-Za-z.,])|(?<=(?<![A-Za-z])(?:{_CODES})))\d+(?:[.,]\d+)?",
    ),
    "time": (
        numbers._TIME,
        r"(?<![\d.,:])(?:[01]?\d|2[0-3])(?::[0-5]\d(?::[0-5]\d)?|\s?h\s?[0-5]\d)(?!\d|[.,]\d)",
    ),
    "slash date": (
        numbers._dates()[0][0],
        r"(?<![\d/.,])(\d{1,2})/(\d{1,2})(?:/(\d{4}))?(?![\d/]|[.,]\d)",
    ),
    "dotted date": (
        numbers._dates()[1][0],
        r"(?<![\d/.,])(\d{1,2})\.(\d{1,2})\.(\d{4})(?!\d|[.,]\d)",
    ),
    "month-name date": (
        numbers._dates()[-1][0],
        rf"(?<!\d)(\d{{1,2}})(?:{words_pattern(_SUFFIXES, bounded=False)})?\s+"
        rf"(?:{words_pattern(_PREPOSITIONS)}\s+)?({_MONTH_WORD})\.?(?!\w)",
    ),
    "day after a month": (
        numbers._day_after_space(),
        rf"(?<=\s)(\d{{1,2}})(?:{words_pattern(_SUFFIXES - {'.'}, bounded=False)})?(?!\d)",
    ),
    "year alone": (numbers._YEAR_ALONE, r"(?<![\d.,])(?:19|20)\d\d(?!\d|[.,]\d)"),
    "race time in words (fr)": (
        next(
            p
            for p, needle in numbers._durations()
            if p.pattern.startswith("(?P<m>") and "s\\s+(?P<f>" in p.pattern
        ),
        r"(?<![\d.,])(?P<m>\d{1,3})\s+min\s+(?P<s>\d{1,2})\s+s\s+(?P<f>\d{1,3})(?!\d)",
    ),
    "latin name": (_LATIN_NAME, r"(?<![\w'’/-])[A-Z][A-Za-z]+(?![\w'’/-])"),
    "capitalized run (MP201)": (
        names_check._capitalized_run(),
        rf"(?:[{_UPPER}][\w'’-]*[ \u00a0]+)+[{_UPPER}][\w'’-]*",
    ),
    "capitalized run (language)": (
        language_check._capitalized_run(),
        rf"(?<!\w)[{_UPPER}][\w'’-]*(?:[ \u00a0]+[{_UPPER}][\w'’-]*)+",
    ),
    "capitalized word": (_vietnamese_names()[0], rf"(?<!\w)[{_UPPER}]\w*"),
}

# Pieces that meet the patterns' edges: digits (ASCII and Arabic-Indic), separators,
# capitals, letters that may or may not come before, month names, ordinal suffixes.
_PIECES = [
    *"0123456789٣/.,:-h ",
    "\u00a0",
    "\u2009",
    "12",
    "23",
    "1999",
    " min ",
    " s ",
    "2024",
    "A",
    "Đ",
    "đ",
    "x",
    "_",
    "'",
    "’",
    "Hà",
    "Nội",
    "Москва",
    "Jean",
    "VND",
    "XVND",
    "tháng",
    "septiembre",
    "September",
    "mai",
    "de",
    "th",
    "er",
    "中",
]
_texts = st.lists(st.sampled_from(_PIECES), max_size=16).map("".join)


def _matches(
    pattern: re.Pattern[str], text: str
) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [(m.span(), m.groups()) for m in pattern.finditer(text)]


@pytest.mark.parametrize("name", sorted(_PAIRS))
@settings(max_examples=400, deadline=None, derandomize=True, database=None)
@given(text=_texts)
def test_a_rewritten_pattern_matches_as_its_plain_form(name: str, text: str) -> None:
    fast, plain = _PAIRS[name]
    assert _matches(fast, text) == _matches(re.compile(plain, fast.flags), text)


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("number", "Tỉnh hỗ trợ 1.250 hộ, tổng 3,5 tỷ đồng; mã A320 và COVID-19."),
        ("number", "Index 1,308.72 and 1.308,72; VND28.6 trillion; 1 424,8 and 1,2,3."),
        ("number", "قدمت 1250 أسرة و٣ ملايين"),
        ("time", "Khai mạc lúc 14:30, kết thúc 22 h 00; 1.14:30 không phải giờ."),
        ("slash date", "Ngày 28/9/2023 và 3/10; 1.5/6 không phải ngày."),
        ("dotted date", "Am 28.9.2023 und 3.5.2024, nicht 1.28.9.2023."),
        ("code", "Nghị định 15/2024/NĐ-CP và Quyết định 2345/QĐ-UBND."),
        ("month-name date", "Le 3 mai et le 21er septembre; el 12 de octubre."),
        ("day after a month", "Opened on September 28th and closed October 3."),
        ("capitalized run (MP201)", "Заседание провёл Чан Куок Хынг в Ханое."),
        ("capitalized word", "Ông Trần Quốc Hưng và bà Nguyễn Thị Lan."),
    ],
)
def test_a_rewritten_pattern_matches_as_its_plain_form_on_news_text(name: str, text: str) -> None:
    fast, plain = _PAIRS[name]
    assert _matches(fast, text)  # the example holds something to find
    assert _matches(fast, text) == _matches(re.compile(plain, fast.flags), text)


def _plain_clock() -> re.Pattern[str]:
    """The clock times' alternation as one plain pattern: the specification of
    ``numbers._clock_times_in`` (its two patterns read leftmost first)."""
    languages = list(profiles().values())
    words = {w for p in languages for w in p.numbers.clock_words}
    hour = r"(?<![\d.,:/])(?:[01]?\d|2[0-4])"
    patterns = []
    if words:
        word = words_pattern(words, bounded=False)
        patterns.append(rf"{hour}\.[0-5]\d\s*{word}(?!\w)")
        patterns.append(rf"{hour}\s*{word}(?!\w)")
    unspaced = {w for p in languages if not p.separates_words for w in p.numbers.clock_words}
    if unspaced:
        patterns.append(rf"{hour}{words_pattern(unspaced, bounded=False)}(?!\s*\d)")
    for spaced in (True, False):
        group = [p for p in languages if p.separates_words is spaced]
        hours = {w for p in group for w in p.numbers.hour_words}
        after = {w for p in group for w in p.numbers.minute_words}
        if not hours:
            continue
        minute_words = rf"(?:\s*{words_pattern(after, bounded=spaced)})" if after else ""
        if spaced:
            # ... or a range word after the minutes: "10 giờ 30 và 22 giờ 30"
            ranges = {w for p in group for w in p.numbers.range_words}
            joined = rf"|(?=\s+{words_pattern(ranges)}\s)" if ranges else ""
            minutes = rf"(?:{minute_words}{{1,3}}|(?!\s*[^\W\d_]){joined})" if after else ""
            minutes = minutes or rf"(?:(?!\s*[^\W\d_]){joined})"
        else:
            minutes = rf"{minute_words}{{0,3}}" if after else ""
        hour_word = words_pattern(hours, bounded=False) + (r"(?![^\W\d_])" if spaced else "")
        patterns.append(rf"{hour}\s*{hour_word}\s*[0-5]\d(?!\d|[.,]\d){minutes}")
        parts = {w for p in group for w in p.numbers.day_parts}
        at = {w for p in group for w in p.numbers.clock_prepositions}
        if parts:
            patterns.append(rf"{hour}\s*{hour_word}\s+{words_pattern(parts)}")
        if at:
            before, gap = ("(?<!\\w)", r"\s+") if spaced else ("", r"\s*")
            fractions = {w for p in group for w in p.numbers.hour_fractions}
            fraction = f"|{words_pattern(fractions, bounded=False)}" if fractions else ""
            # (with spaces, its minutes, whatever follows: "lúc 23 giờ 45 các ngày thứ Hai")
            minutes_after = r"|\s*[0-5]\d(?!\d|[.,]\d)" if spaced else ""
            patterns.append(
                rf"{before}{words_pattern(at, bounded=spaced)}{gap}(?:[01]?\d|2[0-4])\s*"
                rf"{hour_word}(?:(?!\s*(?:\d{fraction})){minutes_after})"
            )
    return re.compile("|".join(patterns), re.IGNORECASE)


_CLOCK_PIECES = [
    " ",
    "1",
    "2",
    "3",
    "9",
    "0",
    "24",
    "30",
    ".",
    ":",
    ",",
    "h",
    "giờ",
    "lúc",
    "Lúc",
    "sáng",
    "phút",
    "p.m.",
    "pm",
    "am",
    "时",
    "点",
    "分",
    "至",
    "người",
    "中",
    "晚上",
    "上午",
    "半",
    "/",
    "مساء",
]


@settings(max_examples=600, deadline=None, derandomize=True, database=None)
@given(text=st.lists(st.sampled_from(_CLOCK_PIECES), max_size=14).map("".join))
def test_clock_times_are_read_as_their_plain_alternation(text: str) -> None:
    plain = [(m.span(), m.group()) for m in _plain_clock().finditer(text)]
    assert [(m.span(), m.group()) for m in numbers._clock_times_in(text)] == plain


def test_clock_times_on_news_text_as_their_plain_alternation() -> None:
    text = (
        "Lúc 9h sáng, từ 5h30 đến 8 giờ 15 phút; at 3.30pm and 7 p.m.; 5时30分至8时开放；"
        "晚上10点，上午10点半；الساعة 10 مساء، 10/5 مساء"
    )
    plain = [(m.span(), m.group()) for m in _plain_clock().finditer(text)]
    assert len(plain) >= 4
    assert [(m.span(), m.group()) for m in numbers._clock_times_in(text)] == plain


@settings(max_examples=400, deadline=None, derandomize=True, database=None)
@given(text=_texts)
def test_the_word_before_a_day_is_read_back_as_its_plain_pattern(text: str) -> None:
    """``numbers._word_before`` reads back in Python what ``(\\w+)(\\.?)(\\s+)$`` finds in
    the text before a place."""
    plain = re.compile(r"(\w+)(\.?)(\s+)$")
    for end in range(len(text) + 1):
        found = plain.search(text, 0, end)
        expected = (found.start(1), found.group(1)) if found else None
        assert numbers._word_before(text, end) == expected

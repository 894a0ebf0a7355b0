"""Numbers, dates and document codes of a text, as values that survive translation.

Each aligned pair of source and target blocks is reduced to comparable tokens:

* document codes as written, upper-cased: "50-KL/TW", "45/KH-UBND";
* dates as day and month: "28/9", "ngày 28 tháng 9", "28 September", "September 28",
  "28 سبتمبر", "28 сентября", "28 septembre", "9月28日" are all ``date:28-9``;
* numbers as values, with the scale words of each language: "1.250" = "1,250" = "1 250" =
  1250; "3,5 tỷ" = "3.5 billion" = "3,5 млрд" = "35亿" = 3,500,000,000; "86,6%" = 86.6;
  "1.424,8" = "1,424.8" = "1 424,8" = 1424.8. A lone separator followed by exactly three
  digits is the language's decimal mark where its profile names one (``decimal_mark``:
  "1,125 трлн" is 1.125 trillion, "1.125 tỷ" 1,125 billion); otherwise, and wherever
  digits are grouped twice, a thousands separator; any other separator a decimal mark.

Single-digit numbers are left out: translations spell them ("three teams").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache, lru_cache

from multipub.lang import Profile, primary_subtag, profile, profiles, words_pattern
from multipub.text import fold_digits

__all__ = [
    "CONVERSIONS",
    "CURRENCY_CODES",
    "CURRENCY_SIGNS",
    "TOLERANCE",
    "UNIT_KINDS",
    "UNIT_SIZES",
    "ClockTime",
    "NumberToken",
    "centuries",
    "clock_times",
    "close_to",
    "figures_of",
    "has_digit",
    "may_be_converted",
    "number_marks",
    "number_tokens",
    "spelled_numbers",
    "whole_hours",
]


@dataclass(frozen=True, slots=True)
class NumberToken:
    """A number, date or code of a text: where it is, and the value it is compared by."""

    start: int
    end: int
    key: str


@dataclass(frozen=True, slots=True)
class ClockTime:
    """A clock time of a text ("14:30", "5 p.m.", "6 giờ 30"): where it is, and its hour
    and minutes as written."""

    start: int
    end: int
    hour: int
    minute: int

    @property
    def key(self) -> str:
        """Return what it is compared by: the hour on a 12-hour dial and the minutes
        ("clock:8:30" for 20:30 and 8:30 p.m. alike: a.m. and p.m. are not read)."""
        return f"clock:{self.hour % 12}:{self.minute:02d}"


# The patterns of this module test what may not come before a number after its first
# digit ("\d(?<!X.)", not "(?<!X)\d"): a pattern that opens with a character class lets
# re jump from digit to digit in C, two to four times as fast, with the same matches.
_CODE = re.compile(r"\d(?<![0-9A-Za-z/].)\d*(?:[-/]\d+)*(?:[-/][A-ZĐ][A-ZĐ0-9]*)+(?![0-9A-Za-zĐđ])")
# A flight's code: two capitals, then three or four digits ("VN123", "SV1547"; not "AD
# 1000", a year); the match starts at its first digit, the capitals before it (a Chinese
# character may stand right before them: "航班VN123").
_FLIGHT = re.compile(r"\d(?<=(?<![0-9A-Za-z_-])[A-ZĐ]{2}\d)\d{2,3}(?![0-9A-Za-z_-])")


@cache
def _road_prefixes() -> frozenset[str]:
    """Return every profile's road prefixes ("QL", "ĐT"): their numbers are no flights."""
    return frozenset(p for language in profiles().values() for p in language.numbers.road_prefixes)


@cache
def _months() -> dict[str, int]:
    """Return every profile's month names and abbreviations, lower-cased -> 1..12."""
    found: dict[str, int] = {}
    for language in profiles().values():
        for number, names in enumerate(language.numbers.months, start=1):
            for name in names:
                found.setdefault(name.lower(), number)
    return found


def _template(template: str, spaced: bool) -> tuple[re.Pattern[str], str, str]:
    """Return the pattern of a profile's date in words ("ngày {d} tháng {m}", "{m}月{d}日"),
    its order ("dm" or "md") and a word of it without case ("月"; "" when it has none),
    which a text must hold for the pattern to match. A space of the template is white
    space in the text (or none, in a language without spaces); where the template has
    none, the text may."""
    pattern = ""
    needle = ""
    previous_was_space = True
    for piece in re.findall(r"\{[dm]\}|\s+|[^\s{]+|\{", template):
        if not needle and piece not in ("{d}", "{m}") and piece.lower() == piece.upper():
            needle = piece.strip()
        if piece.isspace():
            pattern += r"\s+" if spaced else r"\s*"
            previous_was_space = True
            continue
        if not previous_was_space:
            pattern += r"\s*"
        # (\d\d?), not (\d{1,2}): the same matches, and a pattern that opens with it lets
        # re jump from digit to digit in C.
        pattern += r"(\d\d?)" if piece in ("{d}", "{m}") else re.escape(piece)
        previous_was_space = False
    order = "dm" if template.index("{d}") < template.index("{m}") else "md"
    return re.compile(pattern, re.IGNORECASE), order, needle


@cache
def _dates() -> list[tuple[re.Pattern[str], str, str]]:
    """Return the date patterns with their order of day and month ("dM": a month name),
    and a word a text must hold for the pattern to match ("" when there is none to test)."""
    languages = profiles().values()
    suffixes = {s for p in languages for s in p.numbers.ordinal_suffixes}
    prepositions = {w for p in languages for w in p.numbers.month_prepositions}
    month_word = "|".join(sorted((re.escape(m) for m in _months()), key=len, reverse=True))
    dates = [
        # 28/9, 28/9/2023, 28.9.2023 (day first, as Vietnamese and most of the site write
        # it); with dots only when the year follows, or "3.5 billion" would be May the 3rd
        (re.compile(r"(\d(?<![\d/.,].)\d?)/(\d{1,2})(?:/(\d{4}))?(?![\d/]|[.,]\d)"), "dm", "/"),
        (re.compile(r"(\d(?<![\d/.,].)\d?)\.(\d{1,2})\.(\d{4})(?!\d|[.,]\d)"), "dm", "."),
    ]
    # Once each: Chinese and Japanese write "{m}月{d}日" alike.
    dates += dict.fromkeys(
        _template(template, p.separates_words)
        for p in languages
        for template in p.numbers.date_patterns
        if "{d}" in template and "{m}" in template
    )
    dates.append(
        (
            re.compile(
                rf"(\d(?<!\d.)\d?)(?:{words_pattern(suffixes, bounded=False)})?\s+"
                rf"(?:{words_pattern(prepositions)}\s+)?({month_word})\.?(?!\w)",
                re.IGNORECASE,
            ),
            "dM",
            "",
        )
    )
    return dates


@cache
def _month_years() -> list[tuple[re.Pattern[str], str]]:
    """Return the patterns of the profiles' ``month_year_patterns`` (groups ``m``, the
    month's number, and ``y``, the year), each with a word a text must hold for it to
    match ("" when there is none to test)."""
    languages = profiles().values()
    found: list[tuple[re.Pattern[str], str]] = []
    year = r"(?P<y>(?:19|20)\d\d)(?!\d|[.,]\d)"
    templates = dict.fromkeys(
        (t, p.separates_words, tuple(p.numbers.range_words))
        for p in languages
        for t in p.numbers.month_year_patterns
    )
    for template, spaced, range_words in templates:
        pattern, needle = "", ""
        for piece in re.findall(r"\{[my]\}|\s+|[^\s{]+|\{", template):
            if not needle and piece not in ("{m}", "{y}") and piece.lower() == piece.upper():
                needle = piece.strip()
            if piece.isspace():
                pattern += r"\s+" if spaced else r"\s*"
            elif piece == "{m}":
                pattern += r"(?P<m>\d(?<![\d.,/].)\d?)"
            elif piece == "{y}":
                pattern += year
            else:
                pattern += re.escape(piece)
        # A year written once before a range of months ("2025年1月至9月"): the second
        # month (group ``m2``) is of that year too.
        ending = re.fullmatch(r".*\{y\}.*\{m\}([^\s{}]+)", template)
        if ending is not None and not spaced:
            between = words_pattern([*range_words, "-", "–", "~", "～"], bounded=False)
            pattern += rf"(?:\s*{between}\s*(?P<m2>\d(?<![\d.,/].)\d?){re.escape(ending[1])})?"
        found.append((re.compile(pattern, re.IGNORECASE), needle))
    return found


@cache
def _quarters() -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    """Return the pattern of a quarter of the year as any profile names it (group ``qN``
    for the N-th: "quý II", "second quarter", "втором квартале", "第二季度"), and that of
    words in lower case one of which every such name holds, for a test of the text in
    lower case first ("quarter", "季度": one scan of a few words, not an alternation of
    every name); None when no profile names them."""
    languages = [p for p in profiles().values() if p.numbers.quarters]
    if not languages:
        return None
    groups = []
    for number in range(4):
        spaced = {w for p in languages if p.separates_words for w in p.numbers.quarters[number]}
        unspaced = {
            w for p in languages if not p.separates_words for w in p.numbers.quarters[number]
        }
        alternatives = []
        if spaced:
            alternatives.append(rf"(?<!\w){words_pattern(spaced)}")
        if unspaced:
            alternatives.append(words_pattern(unspaced, bounded=False))
        groups.append(rf"(?P<q{number + 1}>{'|'.join(alternatives)})")
    # (The needles are searched in lower case, not with IGNORECASE: five times faster.)
    needles = "|".join(map(re.escape, _quarter_needles(languages)))
    return re.compile("|".join(groups), re.IGNORECASE), re.compile(needles)


def _quarter_needles(languages: Sequence[Profile]) -> tuple[str, ...]:
    """Return, in lower case, a word one of which every profile's name of a quarter
    holds: with spaces, of each name the word most names share ("quarter" of "second
    quarter"); without, what all the language's names end with ("季度")."""
    needles: set[str] = set()
    for language in languages:
        phrases = [w.rstrip("*").lower() for names in language.numbers.quarters for w in names]
        if not language.separates_words:
            ending = min(phrases, key=len)
            while ending and not all(phrase.endswith(ending) for phrase in phrases):
                ending = ending[1:]
            needles.update([ending] if ending else phrases)
            continue
        shared = Counter(word for phrase in phrases for word in set(phrase.split()))
        for phrase in phrases:
            needles.add(max(phrase.split(), key=lambda word: (shared[word], len(word), word)))
    # (One that holds another is tested by it: "квартала" by "квартал".)
    return tuple(sorted(n for n in needles if not any(o != n and o in n for o in needles)))


# A year alone, and how far before it a month's name may stand ("septiembre de ").
# (The test of what stands before the year comes after its first two digits: a pattern
# that opens with a lookbehind is tried at every place of the text, one that opens with
# digits only where they stand. Three times faster, the same matches.)
_YEAR_ALONE = re.compile(r"(?:19|20)(?<![\d.,]..)\d\d(?!\d|[.,]\d)")
_MONTH_REACH = 24


@cache
def _month_before_year() -> re.Pattern[str]:
    """Return the pattern of a month's name ending the text searched, before a year
    ("July ", "julio de ", "июля "; group ``m``): searched back from each year, not over
    the whole text (the names of every profile's months make a long alternation)."""
    prepositions = {w for p in profiles().values() for w in p.numbers.month_prepositions}
    month_word = "|".join(sorted((re.escape(m) for m in _months()), key=len, reverse=True))
    return re.compile(
        rf"(?<!\w)(?P<m>{month_word})\.?\s+(?:{words_pattern(prepositions)}\s+)?$",
        re.IGNORECASE,
    )


# A race time in figures, minutes and seconds and their hundredths, the two marks unlike
# ("2:05.31", "2:05,31"; Russian "2.05,31"): a date or a number never is.
_RACE_TIME = re.compile(
    r"(?P<m>\d(?<![\d.,:].)\d?)(?::|\.(?=\d\d,))(?P<s>\d\d)[.,](?P<f>\d{1,3})(?![\d.,:]\d|\d)"
)


@cache
def _durations() -> tuple[tuple[re.Pattern[str], str], ...]:
    """Return the patterns of a race time, each with a word a text must hold for it to
    match ("" for none): in figures (:data:`_RACE_TIME`), then every profile's
    ``duration_patterns`` (named groups m, s and f: minutes, seconds, hundredths)."""
    patterns = [(_RACE_TIME, "")]  # "" is in every text: its digits lead the scan
    templates = dict.fromkeys(
        (t, p.separates_words) for p in profiles().values() for t in p.numbers.duration_patterns
    )
    for template, spaced in templates:
        pattern = ""
        for piece in re.findall(r"\{[msf]\}|\s+|[^\s{]+|\{", template):
            if piece.isspace():
                pattern += r"\s*" if not spaced else r"\s+"
            elif piece in ("{m}", "{s}", "{f}"):
                pattern += {
                    "{m}": r"(?P<m>\d(?<![\d.,].)\d{0,2})",
                    # Seconds alone ("{s}秒{f}") open the time: not inside a number.
                    "{s}": r"(?P<s>\d(?<![\d.,].)\d?)"
                    if "{m}" not in template
                    else r"(?P<s>\d{1,2})",
                    "{f}": r"(?P<f>\d{1,3})",
                }[piece]
            else:
                pattern += r"\s*" + re.escape(piece) + r"\s*" if not spaced else re.escape(piece)
        needle = next(
            (p for p in re.findall(r"[^\s{}0-9,.]+", template) if p not in ("m", "s", "f")), ""
        )
        # (The test of what stands before the minutes is in their pattern, after their
        # first digit: a pattern that opens with a digit is tried only at digits.)
        patterns.append((re.compile(pattern + r"(?!\d)", re.IGNORECASE), needle.lower()))
    return tuple(patterns)


# How far from a score its word may stand: before it ("thắng Thái Lan 3-1") or after it
# ("a 3-1 win").
_SCORE_WORD_BEFORE = 60
_SCORE_WORD_AFTER = 15


@cache
def _score_patterns() -> tuple[
    re.Pattern[str] | None, re.Pattern[str] | None, re.Pattern[str], tuple[str, ...]
]:
    """Return the patterns of every profile's ``score_words``, of a score written with a
    mark of a language without spaces ("3比1": one by itself), and of two numbers joined
    by a dash, a colon or a spaced language's mark ("21 to 20", "21 à 20", "21 к 20"),
    which a score word must stand near; and the marks of the second (a text without any
    needs no scan for it)."""
    languages = profiles().values()
    words = {w for p in languages if p.separates_words for w in p.numbers.score_words}
    # In a language without spaces a word has no edge to test ("以1-3战胜").
    bare = {w for p in languages if not p.separates_words for w in p.numbers.score_words}
    unspaced = {m for p in languages if not p.separates_words for m in p.numbers.score_marks}
    spaced = {m for p in languages if p.separates_words for m in p.numbers.score_marks}
    joined = r"\s?[-–:]\s?"
    if spaced:
        joined = rf"(?:{joined}|\s+(?:{_alternatives(spaced)})\s+)"
    return (
        re.compile(
            "|".join(
                [rf"(?<!\w){words_pattern(words)}"] * bool(words)
                + [words_pattern(bare, bounded=False)] * bool(bare)
            ),
            re.IGNORECASE,
        )
        if words or bare
        else None,
        re.compile(rf"(\d(?<![\d.,].)\d?)\s?(?:{_alternatives(unspaced)})\s?(\d{{1,2}})(?!\d)")
        if unspaced
        else None,
        re.compile(rf"(\d(?<![\d.,/:\-–].)\d?){joined}(\d{{1,2}})(?![\d.,/:\-–]\d|\d|\s?%)"),
        tuple(sorted(unspaced)),
    )


def _alternatives(marks: set[str]) -> str:
    """Return a regex alternation of ``marks`` as written."""
    return "|".join(map(re.escape, sorted(marks)))


@cache
def _quantity_after() -> re.Pattern[str]:
    """Return the pattern of a scale or unit word of any profile right after two numbers
    joined by a dash: a range of quantities ("2-3 tỷ", "1-2 km"), never a score."""
    languages = profiles().values()
    words = {w for p in languages for w in p.numbers.scales}
    words |= {w for p in languages for names in p.numbers.units.values() for w in names}
    # Words with a capital as written ("W" is no "win"), each word whole.
    lower = words_pattern({w for w in words if w == w.lower()})
    written = words_pattern({w for w in words if w != w.lower()})
    return re.compile(rf"\s*(?:{lower}|(?-i:{written}))", re.IGNORECASE)


def _score_key(first: str, second: str) -> str:
    """Return the key of a score, its two numbers as a pair: languages order them
    otherwise ("thua 1-3" is "lost 3-1", the winner's first), so a score reversed reads
    as the same; a number changed does not ("2-0" and "2-1")."""
    low, high = sorted((int(first), int(second)))
    return f"score:{low}-{high}"


def _scores(text: str) -> Iterator[tuple[int, int, str]]:
    """Yield (start, end, key) for each match score of ``text`` ("score:1-3"): two numbers
    joined by a dash or a colon near a score word of any profile, not a range of
    quantities, or by a score mark."""
    words, marked, joined, marks = _score_patterns()
    if marked is not None and any(mark in text for mark in marks):
        for match in marked.finditer(text):
            yield match.start(), match.end(), _score_key(match[1], match[2])
    if words is None:
        return
    # Two joined numbers first (a scan in C that few texts pass), then a score word in a
    # window around them: a scan of every text for the words cost more than the rest.
    for match in joined.finditer(text):
        start, end = match.span()
        near = text[max(0, start - _SCORE_WORD_BEFORE) : end + _SCORE_WORD_AFTER]
        if not _quantity_after().match(text, end) and words.search(near):
            yield start, end, _score_key(match[1], match[2])


def _duration_key(minutes: str | None, seconds: str, fraction: str) -> str | None:
    """Return the key of a race time ("time:125.31"), None when its seconds are no
    seconds (60 or more). A time of seconds alone ("11秒38", "11 s 38") is the number of
    seconds ("11.38"): the source writes it as one ("11,38 giây")."""
    if minutes is None:
        return _canonical(Decimal(f"{int(seconds)}.{fraction or 0}"))
    if int(seconds) >= 60:
        return None
    total = Decimal(int(minutes) * 60 + int(seconds)) + Decimal(f"0.{fraction or 0}")
    return "time:" + _canonical(total)


@cache
def _day_after_space() -> re.Pattern[str]:
    """Return the pattern of a day after a month name ("September 28th")."""
    suffixes = {s for p in profiles().values() for s in p.numbers.ordinal_suffixes if s != "."}
    return re.compile(rf"(\d(?<=\s.)\d?)(?:{words_pattern(suffixes, bounded=False)})?(?!\d)")


def _word_before(text: str, end: int) -> tuple[int, str] | None:
    """Return the start and the word that ends, with perhaps a full stop and then white
    space, where ``text`` reaches ``end`` (as ``(\\w+)(\\.?)(\\s+)$`` would find it), None
    without one. (Read back from ``end`` in Python: a regex searched in the text before
    would be tried at every place of it, five times slower.)"""
    k = end
    while k > 0 and text[k - 1].isspace():
        k -= 1
    if k == end:
        return None
    if k > 0 and text[k - 1] == ".":
        k -= 1
    start = k
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] == "_"):
        start -= 1
    return (start, text[start:k]) if start < k else None


# The longest month name, and more: a word that long before a day is no month's name.
_MONTH_NAME_REACH = 40


def _month_day(text: str) -> Iterator[tuple[int, int, str, str]]:
    """Yield ``(start, end, month, day)`` for each month name followed by a day."""
    months = _months()
    for day in _day_after_space().finditer(text):
        before = _word_before(text, day.start())
        if before is None or day.start() - before[0] > _MONTH_NAME_REACH:
            continue
        start, month = before
        if month.lower() in months:
            yield start, day.end(), month, day.group(1)


# ISO 4217 codes of the currencies Vietnamese news quotes (three letters each: the
# lookbehind needs one width), as a word of their own ("ABCVND12" is no amount).
CURRENCY_CODES = (
    "VND USD EUR GBP JPY CNY RMB SGD AUD KRW HKD THB INR CAD CHF TWD MYR IDR PHP LAK KHR RUB"
).split()
# Not after Latin letters or digits ("COVID-19" is a name, "A320" a model), but for a
# currency code written against the figure ("VND28.6 trillion", the English style of
# Vietnamese outlets); Chinese characters may touch a number ("向1250户"). Grouped digits
# may end in decimals after the other mark ("1,424.8", "1.424,8", "1 424,8").
_NUMBER = re.compile(
    r"\d(?:(?<![0-9A-Za-z.,].)|(?<=(?<![A-Za-z])(?:" + "|".join(CURRENCY_CODES) + r")\d))"
    r"(?:\d{0,2}(?:(?P<group>[.,]|[ \u00a0\u2009\u202f])\d{3})+(?:(?!(?P=group))[.,]\d+)?(?!\d)"
    r"|\d*(?:[.,]\d+)?)"
)


@lru_cache(maxsize=64)
def _decimal_mark(lang: str) -> str | None:
    """Return the mark ``lang`` writes before decimals, "," or ".", None when unknown."""
    found = profile(lang) if lang else None
    return found.numbers.decimal_mark if found is not None else None


# Money right after a scale word: a currency's sign, or its code or word as the profiles'
# units give them (the units named by a three-letter code, ISO 4217: "USD", "dollars").
@cache
def _money_words() -> str:
    """Return the pattern of a currency's sign, code or word, after optional space."""
    words = {
        word
        for p in profiles().values()
        for unit, names in p.numbers.units.items()
        if re.fullmatch(r"[A-Z]{3}", unit)
        for word in (unit, *names)
    }
    return rf"\s*(?:[$€£¥₫]|{words_pattern(words)})"


@lru_cache(maxsize=64)
def _scales(lang: str) -> tuple[tuple[re.Pattern[str], int], ...]:
    """Return the scale words after a number ("3,5 tỷ", "45 millones"), one pattern per
    power of ten, largest first (so "nghìn tỷ" is tried before "nghìn").

    Every profile's words count, since a text quotes other languages; where two languages
    give one word different values (the English billion is 10^9, the German 10^12), the
    text's own language decides, then English (the billion of international news: the
    French and Spanish "billion" is 10^12), then the other site languages.
    """
    ordered = sorted(profiles().values(), key=lambda p: (p.tag == lang, p.site, p.tag == "en"))
    value: dict[str, tuple[int, Profile]] = {}
    for language in ordered:
        for word, exponent in language.numbers.scales.items():
            value[word.lower()] = (exponent, language)
    before_money: dict[int, set[str]] = {}
    for language in profiles().values():
        for word, exponent in language.numbers.money_scales.items():
            before_money.setdefault(exponent, set()).add(word.lower())
    approximators = {w for p in profiles().values() for w in p.numbers.approximators}
    approximate = f"(?:{words_pattern(approximators, bounded=False)})?" if approximators else ""
    by_exponent: dict[int, dict[bool, list[str]]] = {}
    for word, (exponent, language) in value.items():
        spaced = by_exponent.setdefault(exponent, {True: [], False: []})
        spaced[language.separates_words].append(word)
    for exponent in before_money:
        by_exponent.setdefault(exponent, {True: [], False: []})
    # A word that is a unit's prefix where the unit follows ("兆瓦": MW) is no scale there.
    prefixes: dict[str, set[str]] = {}
    for language in profiles().values():
        for word, units in language.numbers.unit_prefixes.items():
            prefixes.setdefault(word.lower(), set()).update(units)
    patterns = []
    for exponent in sorted(by_exponent, reverse=True):
        groups = by_exponent[exponent]
        alternatives = []
        for separated, words in sorted(groups.items(), reverse=True):
            plain = [w for w in words if w not in prefixes]
            if plain:
                # a word of a language without spaces may run on into the next ("35亿元")
                alternatives.append(words_pattern(plain, bounded=separated))
            for word in sorted(w for w in words if w in prefixes):
                after = words_pattern(sorted(prefixes[word]), bounded=False)
                alternatives.append(f"{words_pattern([word], bounded=separated)}(?!{after})")
        if exponent in before_money:
            money = _money_words()
            alternatives.append(f"{words_pattern(before_money[exponent])}(?={money})")
        alternation = "|".join(alternatives)
        patterns.append(
            (re.compile(rf"\s*{approximate}(?:{alternation})", re.IGNORECASE), exponent)
        )
    return tuple(patterns)


def _scale_after(
    text: str, end: int, scales: tuple[tuple[re.Pattern[str], int], ...]
) -> int | None:
    """Return the power of ten of the scale word right after ``end``, or None."""
    for scale, exponent in scales:
        if scale.match(text, end):
            return exponent
    return None


# Between the two numbers of a range: a dash or a tilde ("1894-1895", "390～420").
@cache
def _range() -> re.Pattern[str]:
    """Return the pattern of what stands between the two ends of a range: a dash or a
    tilde (group ``dash``), or a profile's range word ("4,2 a 3,9 millones", "4.2 إلى 3.9
    مليون")."""
    words = {w for p in profiles().values() for w in p.numbers.range_words}
    # Matched whole between two numbers, a word needs no bound: Arabic "و" (and) is
    # written onto the number after it ("بين 18 و20 مليون").
    return re.compile(rf"\s*(?:(?P<dash>[-–—~～])|{words_pattern(words, bounded=False)})\s*")


# A word also joins a number to another that is no end of a range ("from 900,000 to 1.2
# million", "in 2022 to 1.5 billion"): across a word, the scale is shared only between
# ends within this factor of each other ("4,2 a 3,9 millones", "1.200 đến 1.500 tỷ"), and
# never by a year.
_RANGE_WORD_FACTOR = 100
_YEAR = re.compile(r"(?:19|20)\d\d")


@cache
def _eras() -> tuple[re.Pattern[str], tuple[tuple[re.Pattern[str], int], ...]]:
    """Return the pattern of any era marker, and each profile's era markers before a
    year, with the years to subtract."""
    markers = [
        (marker, offset)
        for found in profiles().values()
        for marker, offset in sorted(found.numbers.eras.items())
    ]
    return re.compile(words_pattern([m for m, _ in markers], bounded=False)), tuple(
        (re.compile(rf"(?:{words_pattern([marker], bounded=False)})\s*$"), offset)
        for marker, offset in markers
    )


def _ends_of_one_range(first: re.Match[str], value: Decimal, following: re.Match[str]) -> bool:
    """Return whether the number ``first`` (of ``value``) and the number ``following``
    it, joined by a word, read as the two ends of one range (see
    :data:`_RANGE_WORD_FACTOR`)."""
    other = _value(following.group())
    if other is None or not value or not other or _YEAR.fullmatch(first.group()):
        return False
    return 1 / _RANGE_WORD_FACTOR <= value / other <= _RANGE_WORD_FACTOR


def _era_offset(
    text: str,
    start: int,
    previous: re.Match[str] | None,
    eras: tuple[tuple[re.Pattern[str], int], ...],
) -> int:
    """Return the years to subtract from the number at ``start``: an era marker stands
    before it, or before the first year of the range it ends ("พ.ศ. 2437-2438")."""
    if not eras:
        return 0
    before = text[max(0, start - 12) : start]
    for pattern, offset in eras:
        if pattern.search(before):
            return offset
    if previous is not None and _range().fullmatch(text, previous.end(), start):
        earlier = text[max(0, previous.start() - 12) : previous.start()]
        for pattern, offset in eras:
            if pattern.search(earlier):
                return offset
    return 0


@cache
def number_marks() -> tuple[str, str]:
    """Return the profiles' own decimal marks and thousands separators ("٫", "٬")."""
    languages = profiles().values()
    decimal = "".join(dict.fromkeys(m for p in languages for m in p.numbers.decimal_marks))
    group = "".join(dict.fromkeys(m for p in languages for m in p.numbers.group_marks))
    return decimal, group


@cache
def _separators() -> tuple[re.Pattern[str], dict[int, str]]:
    """Return the pattern of what folding changes (digits of other scripts, the profiles'
    own separators) and the table that turns the separators into ASCII, one for one."""
    decimal, group = number_marks()
    table = {ord(m): "." for m in decimal} | {ord(m): "," for m in group}
    marks = re.escape(decimal + group)
    return re.compile(f"[\u0660-\u0669\u06f0-\u06f9\uff10-\uff19{marks}]"), table


def _value(text: str, decimal_mark: str | None = None) -> Decimal | None:
    """Return the value of a number as written (see the module docstring), None when its
    separators make no number; ``decimal_mark`` is its language's (``,`` or ``.``)."""
    digits = re.sub(r"[ \u00a0\u2009\u202f]", "", text)
    if "." in digits and "," in digits:
        # Both marks: the last one is the decimal mark ("1.424,8", "1,424.8").
        mark = max(digits.rfind("."), digits.rfind(","))
        whole = digits[:mark].replace(".", "").replace(",", "")
        number = f"{whole}.{digits[mark + 1 :]}"
    elif decimal_mark and digits.count(",") + digits.count(".") == 1 and decimal_mark in digits:
        # One mark, the language's decimal one: "1,125 трлн", "2.125 million".
        number = digits.replace(decimal_mark, ".")
    elif len(groups := re.split(r"[.,]", digits)) == 1:
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
# Three or more groups of digits, nine digits or more in all: a phone number's shape
# ("0912 345 678", "+84 24 3825 3536", "024.3825.3536").
_PHONE = re.compile(r"(?<![\d.,])\+?\(?\d{2,4}\)?(?:[ .\-\u00a0]\(?\d{2,4}\)?){2,}(?![\d,])")
# A clock time: "14:30", "14:30:05", "22 h 00", "22h00"; a comma or a full stop may
# follow it ("Lúc 14:30, ..."), not a decimal ("14:30,5").
# (The hour: one digit, or two from 00 to 23, the second tested after the first.)
_TIME = re.compile(
    r"\d(?<![\d.,:].)(?:(?<=[01])\d|(?<=2)[0-3])?"
    r"(?::[0-5]\d(?::[0-5]\d)?|\s?h\s?[0-5]\d)(?!\d|[.,]\d)"
)


# An hour of the day, tested after its first digit (two to four times as fast as
# "(?<![\d.,:])(?:[01]?\d|2[0-4])", the same matches: re jumps from digit to digit).
_HOUR_OF_DAY = r"\d(?<![\d.,:/].)(?:(?<=[01])\d|(?<=2)[0-4])?"


@cache
def _clock() -> tuple[re.Pattern[str] | None, re.Pattern[str] | None, re.Pattern[str] | None]:
    """Return the pattern of a clock time written with an hour and a profile's clock
    word, hour word and minutes, or part of the day, opening with the hour's first
    digit; that of one after a word for "at" ("lúc 19 giờ"), which opens with the word
    (None for either without any). Read together, the leftmost first
    (:func:`_clock_times_in`), they are one alternation. Third, the pattern of those
    words in lower case, which a text in lower case must hold for the second to match
    (None when there is no second)."""
    words = {w for p in profiles().values() for w in p.numbers.clock_words}
    patterns = []
    after_a_word = []
    openers: set[str] = set()  # the words that open a clock time of after_a_word
    if words:
        word = words_pattern(words, bounded=False)
        # "3.30pm": the minutes after a full stop, the clock word after them
        patterns.append(rf"\.[0-5]\d\s*{word}(?!\w)")
        # (An hour of the day: "72h" is a duration.)
        patterns.append(rf"\s*{word}(?!\w)")
    # In a language without spaces, any letter may follow the clock word ("至8时开放"),
    # no minutes ("8时30分" is read below).
    unspaced = {
        w for p in profiles().values() if not p.separates_words for w in p.numbers.clock_words
    }
    if unspaced:
        word = words_pattern(unspaced, bounded=False)
        patterns.append(rf"{word}(?!\s*\d)")
    # "6 giờ 30", "6点30分": an hour of the day with an hour word and its minutes is a
    # clock time ("48 giờ" alone may be a duration); with spaces, unless a word other than
    # a minute word follows: "sau 12 giờ 35 người" is 12 hours and 35 people (after a
    # minute word, any: "8 giờ 30 sáng nay").
    for spaced in (True, False):
        languages = [p for p in profiles().values() if p.separates_words is spaced]
        hours = {w for p in languages for w in p.numbers.hour_words}
        after = {w for p in languages for w in p.numbers.minute_words}
        if not hours:
            continue
        minute_words = rf"(?:\s*{words_pattern(after, bounded=spaced)})" if after else ""
        if spaced:
            # ... or a range word: "10 giờ 30 và 22 giờ 30", "từ 8 giờ 30 đến 11 giờ".
            ranges = {w for p in languages for w in p.numbers.range_words}
            joined = rf"|(?=\s+{words_pattern(ranges)}\s)" if ranges else ""
            minutes = rf"(?:{minute_words}{{1,3}}|(?!\s*[^\W\d_]){joined})" if after else ""
            minutes = minutes or rf"(?:(?!\s*[^\W\d_]){joined})"
        else:
            minutes = rf"{minute_words}{{0,3}}" if after else ""
        # (With spaces, no letter after the hour word: "lúc 9 hôm qua" has no "9 h".)
        hour_word = words_pattern(hours, bounded=False)
        hour_word += r"(?![^\W\d_])" if spaced else ""
        patterns.append(rf"\s*{hour_word}\s*[0-5]\d(?!\d|[.,]\d){minutes}")
        # A whole hour is a clock time with a part of the day after it ("7 giờ sáng")
        # or a word for "at" before it ("lúc 19 giờ"); alone, it may be a duration.
        parts = {w for p in languages for w in p.numbers.day_parts}
        at = {w for p in languages for w in p.numbers.clock_prepositions}
        if parts:
            patterns.append(rf"\s*{hour_word}\s+{words_pattern(parts)}")
        if at:
            # (Without spaces, a part of the day may stand against the hour: "晚上10点";
            # not before a fraction of the hour, "上午10点半", which is no whole hour.)
            before, gap = (r"(?<!\w)", r"\s+") if spaced else ("", r"\s*")
            fractions = {w for p in languages for w in p.numbers.hour_fractions}
            fraction = f"|{words_pattern(fractions, bounded=False)}" if fractions else ""
            openers.update(word.lower() for word in at)
            # (With spaces, its minutes too, whatever follows: "lúc 23 giờ 45 các ngày
            # thứ Hai"; without, the minutes' own pattern reads them, "上午8时50分".)
            minutes_after = r"|\s*[0-5]\d(?!\d|[.,]\d)" if spaced else ""
            after_a_word.append(
                rf"{before}{words_pattern(at, bounded=spaced)}{gap}(?:[01]?\d|2[0-4])\s*"
                rf"{hour_word}(?:(?!\s*(?:\d{fraction})){minutes_after})"
            )
    # A pattern that opens with a word is tried at every place of a text: a scan of the
    # text in lower case for the words alone (no IGNORECASE) tells first whether it can
    # match at all, five times faster.
    return (
        # The hour opens every one, once: an alternation whose branches each open with
        # it is tried branch by branch at every digit, twice as slow. (No branch after
        # the hour opens with a digit, so the hour's backtracking finds nothing more.)
        re.compile(rf"{_HOUR_OF_DAY}(?:{'|'.join(patterns)})", re.IGNORECASE) if patterns else None,
        re.compile("|".join(after_a_word), re.IGNORECASE) if after_a_word else None,
        re.compile(words_pattern(openers, bounded=False)) if after_a_word else None,
    )


def _clock_times_in(text: str, lowered: str | None = None) -> Iterator[re.Match[str]]:
    """Yield the matches of :func:`_clock`'s patterns in ``text`` (``lowered``: the text in
    lower case, when the caller has it) as one alternation of them would: the leftmost,
    then the leftmost after it (the two never start at one place: one opens with a digit,
    the other with a word)."""
    by_digit, by_word, openers = _clock()
    if lowered is None:
        lowered = text.lower()
    patterns = [
        p
        for p in (by_digit, by_word)
        if p is not None and (p is by_digit or (openers and openers.search(lowered)))
    ]
    # Each pattern's next match from where the last one taken ended (searched again only
    # when the one found starts before that).
    upcoming = [p.search(text) for p in patterns]
    while True:
        matches = [m for m in upcoming if m is not None]
        if not matches:
            return
        first = min(matches, key=lambda m: m.start())
        yield first
        end = first.end()
        upcoming = [
            p.search(text, end) if m is not None and m.start() < end else m
            for p, m in zip(patterns, upcoming, strict=True)
        ]


def number_tokens(text: str, lang: str | None = None) -> tuple[NumberToken, ...]:
    """Return the codes, dates and numbers of ``text`` (of a ``lang`` variant, whose scale
    words decide where languages differ), in text order."""
    if _HAS_DIGIT.search(text) is None:
        return ()
    return _number_tokens(text, primary_subtag(lang) if lang else "")


@lru_cache(maxsize=8192)
def _read_numbers(
    text: str,
) -> tuple[str, tuple[NumberToken, ...], tuple[re.Match[str], ...], bool, tuple[ClockTime, ...]]:
    """Return what of ``text``'s numbers does not depend on its language: the text with
    digits and separators folded, its codes and dates, the matches of its other numbers
    (clock times and phone numbers left out), whether an era marker stands in it, and its
    clock times. Cached: the alignment reads a text's numbers without a language, MP501
    with one."""
    prepared = text
    folded_chars, separators = _separators()
    if folded_chars.search(text) is not None:
        prepared = fold_digits(text).translate(separators)
    spans: list[tuple[int, int]] = []
    tokens: list[NumberToken] = []
    clocks: list[ClockTime] = []

    def free(start: int, end: int) -> bool:
        return all(end <= a or b <= start for a, b in spans)

    def take(start: int, end: int, key: str) -> None:
        spans.append((start, end))
        tokens.append(NumberToken(start, end, key))

    # Race times first: "2:05.31" is no clock time followed by 31.
    for pattern, needle in _durations():
        # One C-level test instead of a scan: most texts hold no "phút", no "分".
        for match in pattern.finditer(prepared) if needle in prepared else ():
            found = match.groupdict()
            minutes = found.get("m") or ("0" if "m" in found else None)
            key = _duration_key(minutes, found["s"], found.get("f") or "")
            if key is not None and free(match.start(), match.end()):
                take(match.start(), match.end(), key)
    # Clock times are read and set aside: a translation may write "22 h 00" for "10:00
    # đêm", or "1200 GMT" for "12:00 GMT", and their digits are no quantities.
    # They are compared apart (MP501), as ClockTime.
    for match in _TIME.finditer(prepared) if ":" in prepared or "h" in prepared else ():
        _read_clock(match, free, clocks)
        spans.append((match.start(), match.end()))
    # ... and so are hours with a clock word ("5 p.m. to 11 p.m.").
    lowered = prepared.lower()
    for match in _clock_times_in(prepared, lowered):
        _read_clock(match, free, clocks)
        spans.append((match.start(), match.end()))
    # Phone numbers are no quantities either: a trunk "0" or a "+" country code, then
    # groups of digits (in any order: right-to-left text may show them reversed).
    # (A text of fewer than nine digits holds none: ten counts in C, not a scan.)
    digits = sum(map(prepared.count, "0123456789")) if len(prepared) > 8 else 0
    if len(prepared) > 8 and digits < 9 and not prepared.isascii():
        # Digits of other scripts that folding leaves (Thai, Devanagari) are digits to
        # the phone pattern too.
        # (re's \d is str.isdecimal, counted in C.)
        digits = len(_HAS_DIGIT.findall(prepared))
    for match in _PHONE.finditer(prepared) if digits >= 9 else ():
        written = match.group()
        trunk_or_country = "+" in written or re.search(r"(?<!\d)0\d", written)
        if trunk_or_country and sum(c.isdigit() for c in written) >= 9:
            spans.append((match.start(), match.end()))
    # (A code holds a "/" or a "-": a C-level test of the text instead of a scan.)
    for match in _CODE.finditer(prepared) if "/" in prepared or "-" in prepared else ():
        # Đ read as D: editions in other languages write "NĐ-CP" as "ND-CP", one code.
        take(match.start(), match.end(), "code:" + match.group().upper().replace("Đ", "D"))
    for match in _FLIGHT.finditer(prepared):
        start = match.start() - 2
        letters = prepared[start : start + 2]
        if letters not in _road_prefixes() and free(start, match.end()):
            code = letters + match.group()
            take(start, match.end(), "code:" + code.replace("Đ", "D"))

    def date(start: int, end: int, day: str, month: str, year: str | None) -> None:
        if not free(start, end):
            return
        month_number = int(month) if month.isdigit() else _months().get(month.lower(), 0)
        if not 1 <= int(day) <= 31 or not 1 <= month_number <= 12:
            return
        take(start, end, f"date:{int(day)}-{month_number}")
        if year:
            tokens.append(NumberToken(start, end, year))

    for pattern, order, needle in _dates():
        # One C-level test instead of a scan: most texts hold no "月", no "/".
        for match in pattern.finditer(prepared) if needle in prepared else ():
            first, second = match.group(1), match.group(2)
            day, month = (first, second) if order in ("dm", "dM") else (second, first)
            year = match.group(3) if order == "dm" and pattern.groups >= 3 else None
            # A month name's span ends with the name: an abbreviation's dot or the
            # sentence's full stop after it is not the date's.
            end = match.end(2) if order == "dM" else match.end()
            date(match.start(), end, day, month, year)
        if order == "dM":  # the month-day order comes right after, as the pattern did
            for start, end, month, day in _month_day(prepared):
                date(start, end, day, month, None)

    # A month of a year ("tháng 7/2025", "July 2025", "2025年7月"), once no date holds it
    # ("28 September 2025" is a date and its year): the month, and the year on its own.
    def month_of(start: int, end: int, month: str, year: str) -> None:
        number = int(month) if month.isdigit() else _months().get(month.lower(), 0)
        if 1 <= number <= 12 and free(start, end):
            take(start, end, f"month:{number}")
            tokens.append(NumberToken(start, end, year))

    for pattern, needle in _month_years():
        for match in pattern.finditer(prepared) if needle in prepared else ():
            before = len(tokens)
            month_of(match.start(), match.end(), match.group("m"), match.group("y"))
            second = match.groupdict().get("m2")
            if second and len(tokens) > before and 1 <= int(second) <= 12:
                tokens.append(NumberToken(match.start(), match.end(), f"month:{int(second)}"))
    # A quarter of the year ("quý II/2024", "the second quarter of 2024"), its year on its
    # own.
    quarters = _quarters()
    if quarters is not None and quarters[1].search(lowered) is not None:
        for match in quarters[0].finditer(prepared):
            group = match.lastgroup or ""  # "q2": the second
            if group and free(match.start(), match.end()):
                take(match.start(), match.end(), f"quarter:{group[1:]}")
    # ... and a month's name before a year, looked for back from each year.
    for year in _YEAR_ALONE.finditer(prepared):
        named = _month_before_year().search(
            prepared, max(0, year.start() - _MONTH_REACH), year.start()
        )
        if named is not None:
            month_of(named.start(), year.end(), named.group("m"), year.group())
    # A match's score ("3-1", "3:1", "3比1"), dates read first ("10-15/5"): its numbers,
    # small as they are, are the fact.
    for start, end, key in _scores(prepared):
        if free(start, end):
            take(start, end, key)
    numbers = [m for m in _NUMBER.finditer(prepared) if free(m.start(), m.end())]
    # Era markers before years are Thai: a text without any has no offset to look for.
    any_era = _eras()[0].search(prepared) is not None
    return prepared, tuple(tokens), tuple(numbers), any_era, tuple(clocks)


_DIGIT_RUN = re.compile(r"\d+")


def _read_clock(
    match: re.Match[str], free: Callable[[int, int], bool], clocks: list[ClockTime]
) -> None:
    """Add the clock time ``match`` reads to ``clocks`` (returns nothing): its first digits
    are the hour, its next ones the minutes (none: 0), unless a race time holds it."""
    if not free(match.start(), match.end()):
        return
    hour, *rest = _DIGIT_RUN.findall(match.group())
    clocks.append(ClockTime(match.start(), match.end(), int(hour), int(rest[0]) if rest else 0))


@lru_cache(maxsize=64)
def _whole_hour(
    lang: str,
) -> tuple[re.Pattern[str], re.Pattern[str] | None, re.Pattern[str] | None] | None:
    """Return the patterns of an hour of the day with one of ``lang``'s hour words and no
    minutes after it (group ``h`` the hour), of a cue right before it (a range word, a
    word for "at", the profile's ``hour_cues_before``: "từ 10 giờ", "đến 8h"; searched at
    the end of the text before it) and of one right after it (a range word and a number,
    ``hour_cues_after``: "10 giờ đến 22", "7 giờ ngày"), None for a language without hour
    words. (The hour's pattern opens with a digit: re skips from digit to digit.)"""
    found = profile(lang)
    if found is None or not found.numbers.hour_words:
        return None
    numbers, spaced = found.numbers, found.separates_words
    words = words_pattern(numbers.hour_words, bounded=False)
    words += r"(?![^\W\d_])" if spaced else ""
    hour = re.compile(
        rf"\d(?<![\d.,:].)(?:(?<=[01])\d|(?<=2)[0-4])?\s*{words}(?!\s*\d)", re.IGNORECASE
    )
    before = [*numbers.range_words, *numbers.clock_prepositions, *numbers.hour_cues_before]
    at = (
        re.compile(rf"{words_pattern(before, bounded=spaced)}\s*$", re.IGNORECASE)
        if before
        else None
    )
    after = []
    if numbers.range_words:
        after.append(rf"{words_pattern(numbers.range_words, bounded=spaced)}\s*\d")
    if numbers.hour_cues_after:
        after.append(words_pattern(numbers.hour_cues_after, bounded=spaced))
    to = re.compile(rf"\s*(?:{'|'.join(after)})", re.IGNORECASE) if after else None
    return hour, at, to


# A cue before an hour stands within this many characters of it ("trước ").
_CUE_REACH = 12


@lru_cache(maxsize=8192)
def whole_hours(text: str, lang: str) -> tuple[ClockTime, ...]:
    """Return the whole hours of ``text`` (in ``lang``) written with an hour word at an
    end of a range, after a word for "at" or beside another cue, and not read as clock
    times ("từ 10 giờ đến 22 giờ": durations, perhaps; not "kéo dài 8 giờ", "trong 24h
    qua"), in text order: MP501 compares them with the clock times a translation writes
    for them. (Cached: each translation asks of the source's.)"""
    patterns = _whole_hour(primary_subtag(lang))
    if patterns is None or _HAS_DIGIT.search(text) is None:
        return ()
    hour, at, to = patterns
    folded = fold_digits(text)
    clocks = clock_times(text)
    found = []
    for m in hour.finditer(folded):
        start, end, digits = m.start(), m.end(), _DIGIT_RUN.match(m.group())
        if any(c.start < end and start < c.end for c in clocks):
            continue
        cued = (at is not None and at.search(folded, max(0, start - _CUE_REACH), start)) or (
            to is not None and to.match(folded, end)
        )
        if cued and digits is not None:
            found.append(ClockTime(start, end, int(digits.group()), 0))
    return tuple(found)


@lru_cache(maxsize=64)
def spelled_numbers(lang: str) -> dict[str, re.Pattern[str]] | None:
    """Return, for each whole number from 2 to 9 ("3"), the pattern of ``lang``'s words
    for it (its profile's ``numbers.number_words``, after any clitics written onto them:
    "وثلاثة"), None for a language without them."""
    found = profile(lang)
    if found is None or not found.numbers.number_words:
        return None
    spaced = found.separates_words
    clitics = found.matching.clitics
    opening = r"(?<!\w)" if spaced else ""
    if spaced and clitics is not None:
        prefixes = sorted((p for p in clitics.prefixes() if p), key=lambda p: (-len(p), p))
        opening += "(?:" + "|".join(map(re.escape, prefixes)) + ")?"
    return {
        str(value): re.compile(opening + words_pattern(words, bounded=spaced), re.IGNORECASE)
        for value, words in found.numbers.number_words.items()
    }


def figures_of(text: str, lang: str) -> frozenset[str]:
    """Return the values of the numbers, dates and codes ``text`` (in ``lang``) writes,
    whole numbers from 2 to 9 included, in figures or in the language's words ("six
    years", "6 năm"): two blocks of one language that say other facts in the same words
    differ by them."""
    found = {token.key for token in (*number_tokens(text, lang), *small_wholes(text, lang))}
    words = spelled_numbers(lang)
    if words is not None:
        found.update(value for value, pattern in words.items() if pattern.search(text))
    return frozenset(found)


_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50}


def _roman_value(numeral: str) -> int | None:
    """Return the value of a Roman numeral of a century ("XIV": 14), None for letters
    that spell none ("VX", "IIII")."""
    total, previous = 0, 0
    for letter in reversed(numeral):
        value = _ROMAN[letter]
        total += -value if value < previous else value
        previous = max(previous, value)
    return total if 1 <= total <= 30 and _to_roman(total) == numeral else None


def _to_roman(value: int) -> str:
    """Return ``value`` (1 to 39) in Roman numerals."""
    tens, units = divmod(value, 10)
    ones = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"]
    return "X" * tens + ones[units]


# A century's number: Roman (its ordinal ending, French "e", "ème"; Russian none) or in
# figures (English "15th"), in a range perhaps ("XIV–XV", "14th-15th", "14至15").
_CENTURY_NUMBER = r"(?:[IVXL]{1,6}|\d{1,2})(?:st|nd|rd|th|e|ème|er)?"
# A number of a century's run, its ending left out ("XIII" of "XIIIe", "13" of "13th").
_CENTURY_ITEM = re.compile(
    r"(?<![0-9A-Za-z])([IVXL]{1,6}|\d{1,2})(?:st|nd|rd|th|e|ème|er)?(?![0-9A-Za-z])"
)
# Between two numbers of a range or a list ("XIV–XV", "11, 12 và 13", "XI, XII и XIII",
# "11、12 和 13", "du XIe au XIIIe").
_CENTURY_JOIN = (
    r"(?:\s*[-–—/、,]\s*(?:(?:and|et|y|и|và|và|和|及)\s*)?"
    r"|\s+(?:и|y|e|and|et|au|à|to|đến|và)\s+|\s*(?:至|到|和|及)\s*)"
)


@lru_cache(maxsize=64)
def _century_needles(lang: str) -> tuple[str, ...]:
    """Return, in lower case, the first word of each of ``lang``'s century words: a text
    naming a century holds one."""
    found = profile(lang)
    if found is None:
        return ()
    words = (*found.numbers.century_words_before, *found.numbers.century_words_after)
    return tuple(sorted({word.lower().split()[0] for word in words if word.split()}))


@lru_cache(maxsize=64)
def _century_patterns(lang: str) -> tuple[re.Pattern[str], ...]:
    """Return the patterns of a century in ``lang``: its word, then its number or a range
    of two; or the number or range, then its word."""
    found = profile(lang)
    if found is None:
        return ()
    numbers = found.numbers
    spaced = found.separates_words
    gap = r"\s+" if spaced else r"\s*"
    edge = r"(?<!\w)" if spaced else ""
    run = rf"(?P<run>{_CENTURY_NUMBER}(?:{_CENTURY_JOIN}{_CENTURY_NUMBER}){{0,5}})"
    patterns = []
    # (The word in any case, "16th Century" in a headline; a Roman numeral in capitals.)
    if numbers.century_words_before:
        words = words_pattern(numbers.century_words_before, bounded=spaced)
        patterns.append(re.compile(rf"{edge}(?i:{words}){gap}{run}(?![\w])"))
    if numbers.century_words_after:
        words = words_pattern(numbers.century_words_after, bounded=spaced)
        patterns.append(re.compile(rf"{edge}{run}{gap}(?i:{words})"))
    return tuple(patterns)


def centuries(text: str, lang: str) -> tuple[NumberToken, ...]:
    """Return the centuries ``text`` (in ``lang``) names with their word ("thế kỷ XV",
    "XIVe-XVe siècles", "15th century", "15世纪"), keyed "century:" and their number, in
    text order, each span the number's."""
    return _centuries(text, primary_subtag(lang))


# Cached: MP501 asks of each number of a text whether it is a century's.
@lru_cache(maxsize=8192)
def _centuries(text: str, lang: str) -> tuple[NumberToken, ...]:
    needles = _century_needles(lang)
    if not needles:
        return ()
    lowered = text.lower()
    if not any(needle in lowered for needle in needles):
        return ()  # (most texts name no century: a few substring tests, not the patterns)
    patterns = _century_patterns(lang)
    found = []
    for pattern in patterns:
        for match in pattern.finditer(text):
            start, end = match.span("run")
            for number in _CENTURY_ITEM.finditer(text, start, end):
                written = number.group(1)
                value = int(written) if written.isdigit() else _roman_value(written)
                if value is not None and 1 <= value <= 30:
                    key = f"century:{value}"
                    found.append(NumberToken(number.start(1), number.end(1), key))
    return tuple(sorted(found, key=lambda t: (t.start, t.end)))


def has_digit(text: str) -> bool:
    """Return whether ``text`` holds a digit of any script (no number can be read in a
    text without one)."""
    return _HAS_DIGIT.search(text) is not None


def clock_times(text: str) -> tuple[ClockTime, ...]:
    """Return the clock times of ``text`` in text order: "14:30", "14:30:05", "22 h 00",
    "5 p.m.", "6 giờ 30", "6点30分" (the times :func:`number_tokens` sets aside; an hour
    alone with an hour word, "20 giờ", may be a duration, and is a number there)."""
    if _HAS_DIGIT.search(text) is None:
        return ()
    return tuple(sorted(_read_numbers(text)[4], key=lambda c: c.start))


_DOTTED_CLOCK = re.compile(r"(?:[01]?\d|2[0-4])\.[0-5]\d")
_SHARE_AFTER = re.compile(r"\s*[%‰]")


@lru_cache(maxsize=8192)
def _number_tokens(text: str, lang: str) -> tuple[NumberToken, ...]:
    # Cached: a source block is compared with every translation of it.
    prepared, read, numbers, any_era, _ = _read_numbers(text)
    tokens = list(read)
    scales = _scales(lang)
    decimal_mark = _decimal_mark(lang)
    eras = _eras()[1] if any_era else ()
    for index, match in enumerate(numbers):
        if (
            decimal_mark == ","
            and _DOTTED_CLOCK.fullmatch(match.group())
            and not _SHARE_AFTER.match(prepared, match.end())
        ):
            # "de 7.30 a 11.30", "в 7.30": where decimals take a comma and groups three
            # digits, an hour, a dot and two digits is a clock time, not 7.3.
            continue
        value = _value(match.group(), decimal_mark)
        if value is None:
            continue
        end = match.end()
        exponent = _scale_after(prepared, end, scales)
        if exponent is None and index + 1 < len(numbers):
            # A range shares its scale word: "4,2-3,9 triệu", "390～420万".
            following = numbers[index + 1]
            joined = _range().fullmatch(prepared, end, following.start())
            if joined is not None and (
                joined.group("dash") is not None or _ends_of_one_range(match, value, following)
            ):
                exponent = _scale_after(prepared, following.end(), scales)
        if exponent is not None:
            found = next(s for s, e in scales if e == exponent).match(prepared, end)
            if found is not None:
                end = found.end()
            value *= Decimal(10) ** exponent
        offset = _era_offset(prepared, match.start(), numbers[index - 1] if index else None, eras)
        if offset:
            value -= offset  # a Buddhist-era year (พ.ศ. 2438) is the year 1895
        if value < 10 and value == value.to_integral_value():
            continue  # small whole numbers are spelled out in translations
        tokens.append(NumberToken(match.start(), end, _canonical(value)))
    tokens.sort(key=lambda t: (t.start, t.end))
    return tuple(tokens)


def small_wholes(text: str, lang: str | None = None) -> tuple[NumberToken, ...]:
    """Return the whole numbers from 2 to 9 that ``text`` (of a ``lang`` variant) writes in
    figures and :func:`number_tokens` leaves out (translations spell them), in text order,
    keyed by their value: not those of a code, date, clock time or phone number, nor one
    with a scale word ("3 triệu" is a number token)."""
    if _HAS_DIGIT.search(text) is None:
        return ()
    return _small_wholes(text, primary_subtag(lang) if lang else "")


# Cached: a source block is compared with each of its translations.
@lru_cache(maxsize=8192)
def _small_wholes(text: str, lang: str) -> tuple[NumberToken, ...]:
    numbers = _read_numbers(text)[2]
    read = {token.start for token in number_tokens(text, lang)}
    return tuple(
        NumberToken(match.start(), match.end(), match.group())
        for match in numbers
        if len(match.group()) == 1 and match.group() in "23456789" and match.start() not in read
    )


# A model or type code: one to four letters, the first a capital, then two to five digits
# and perhaps letters ("H100", "A321neo", "RTX4090"), in Latin letters in every language.
# Not a word's end ("COVID-19"), nor a road's number after a Vietnamese letter ("ĐT741");
# flight codes and road numbers are taken out by the caller. With a hyphen ("F-16") the
# digits are a number of number_tokens already.
_MODEL_CODE = re.compile(
    r"[A-Z](?<![0-9A-Za-zĐđ_-].)[A-Za-z]{0,3}(?P<digits>\d{2,5})[A-Za-z]{0,3}(?![0-9A-Za-z_-])"
)


# A digit right after a Latin letter, as every model code has (opening with the digit: re
# jumps from digit to digit, where the code's pattern is tried at every capital).
_DIGIT_AFTER_LETTER = re.compile(r"\d(?<=[A-Za-z]\d)")


# Cached: a source block is compared with each of its translations.
@lru_cache(maxsize=8192)
def model_codes(text: str) -> tuple[NumberToken, ...]:
    """Return the model and type codes of ``text`` ("H100", "A321neo"), in text order,
    keyed "model:" and their letters before the digits, in capitals, and digits
    ("model:A321": the letters after the digits are written either way); not flight
    codes, which :func:`number_tokens` reads, nor road numbers ("QL279")."""
    if _DIGIT_AFTER_LETTER.search(text) is None:
        return ()
    found = []
    for match in _MODEL_CODE.finditer(text):
        letters = text[match.start() : match.start("digits")]
        if letters.upper() in _road_prefixes() or _FLIGHT.fullmatch(
            text, match.start() + len(letters), match.end()
        ):
            continue
        key = f"model:{letters.upper()}{match.group('digits')}"
        found.append(NumberToken(match.start(), match.end(), key))
    return tuple(found)


# Units a translation converts, as (unit, unit, factor from the first to the second); the
# words that name them are each language profile's ``numbers.units``.
CONVERSIONS = {
    ("mi", "km"): 1.609344,
    ("mph", "kmh"): 1.609344,
    ("lb", "kg"): 0.45359237,
    ("in", "cm"): 2.54,
    ("ft", "m"): 0.3048,
    ("yd", "m"): 0.9144,
    ("nmi", "km"): 1.852,  # knots (nautical miles an hour) are read as their length
    ("nmi", "mi"): 1.150779,
}
# What each unit of the profiles' ``numbers.units`` measures: the same figure in two units
# of one kind ("5 mg" written "5 g", "3,5 tỷ đồng" written "3.5 billion dollars") is a
# changed quantity that no conversion explains (MP501). Currencies are a kind too.
UNIT_KINDS = {
    **dict.fromkeys(("nm", "um", "mm", "cm", "m", "km", "in", "ft", "yd", "mi", "nmi"), "length"),
    **dict.fromkeys(("ug", "mg", "g", "kg", "t", "lb"), "mass"),
    **dict.fromkeys(("ml", "l"), "volume"),
    **dict.fromkeys(("m2", "ha", "km2"), "area"),
    **dict.fromkeys(("W", "kW", "MW", "GW"), "power"),
    **dict.fromkeys(("kWh", "MWh", "GWh"), "energy"),
    **dict.fromkeys(("kmh", "mph", "ms", "kn"), "speed"),
    **dict.fromkeys(("F", "C"), "temperature"),
    **dict.fromkeys(("VND", "USD", "EUR", "CNY", "JPY"), "currency"),
    **dict.fromkeys(("KB", "MB", "GB", "TB", "PB"), "data"),
    **dict.fromkeys(("Hz", "kHz", "MHz", "GHz"), "frequency"),
    **dict.fromkeys(("kbps", "Mbps", "Gbps"), "bitrate"),
    "pct": "share",  # "15 percent": no other unit, but no range of it is a match's score
}
# Units of one kind that a metric prefix relates, with their size in the kind's base
# unit: "1.500 MW" is "150万千瓦" (1,500,000 kW), "2.000 ha" is "20 km²". A conversion
# between two of them changes the figure by the ratio of their sizes (MP501).
UNIT_SIZES = {
    "nm": 1e-9, "um": 1e-6, "mm": 1e-3, "cm": 1e-2, "m": 1.0, "km": 1e3,
    "ug": 1e-6, "mg": 1e-3, "g": 1.0, "kg": 1e3, "t": 1e6,
    "ml": 1e-3, "l": 1.0,
    "m2": 1.0, "ha": 1e4, "km2": 1e6,
    "W": 1.0, "kW": 1e3, "MW": 1e6, "GW": 1e9,
    "kWh": 1.0, "MWh": 1e3, "GWh": 1e6,
    "KB": 1e3, "MB": 1e6, "GB": 1e9, "TB": 1e12, "PB": 1e15,
    "Hz": 1.0, "kHz": 1e3, "MHz": 1e6, "GHz": 1e9,
    "kbps": 1e3, "Mbps": 1e6, "Gbps": 1e9,
}  # fmt: skip
# Signs written before an amount in any language ("$5 million", "VND120 billion"); a
# letter right before "$" makes it another dollar ("S$", "HK$"), which is left unread.
CURRENCY_SIGNS = {"US$": "USD", "USD": "USD", "$": "USD", "€": "EUR", "VND": "VND", "EUR": "EUR"}

# Converted values are rounded ("250 miles, about 400 km"): 3% either way, or half a unit.
TOLERANCE = 0.03


def close_to(value: float, expected: float) -> bool:
    """Return whether ``value`` is ``expected`` within :data:`TOLERANCE` or half a unit."""
    return abs(value - expected) <= TOLERANCE * abs(expected) + 0.5


def may_be_converted(a: float, b: float) -> bool:
    """Return whether two plain values could be one quantity in two units (a factor of
    :data:`CONVERSIONS` either way, or Fahrenheit and Celsius), whatever the units are."""
    if not a or not b:
        return False
    if close_to(b, (a - 32) * 5 / 9) or close_to(a, (b - 32) * 5 / 9):
        return True
    # close_to written out: the alignment asks this of every pair of numbers that clash.
    for factor in _FACTORS:
        expected = a * factor
        if abs(b - expected) <= TOLERANCE * abs(expected) + 0.5:
            return True
        expected = b * factor
        if abs(a - expected) <= TOLERANCE * abs(expected) + 0.5:
            return True
    return False


_FACTORS = tuple(CONVERSIONS.values())

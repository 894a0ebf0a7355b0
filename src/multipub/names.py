"""Vietnamese personal names in running Vietnamese text, for the checks and the reports."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from multipub.lang import profile, scripts, words_pattern
from multipub.text import fold
from multipub.translit import parse_syllable

__all__ = ["capitals", "vietnamese_names"]

_WORD = re.compile(r"\w+")


@cache
def capitals() -> str:
    """Return every capital letter of the scripts that have case (Latin, Cyrillic, Greek,
    Armenian), for a regex character class."""
    letters = {
        chr(code)
        for found in scripts().values()
        if found.cased
        for low, high in found.ranges
        for code in range(low, high + 1)
        if chr(code).isupper()
    }
    return "".join(re.escape(c) for c in sorted(letters))


@cache
def _vietnamese_names() -> tuple[
    re.Pattern[str], frozenset[str], frozenset[str], re.Pattern[str] | None, re.Pattern[str]
]:
    """Return the pattern of a capitalized word, the folded family names, the folded
    name-shaped phrases that are not names, the pattern of a place word ending the text
    before a name ("quận "), and that of a body's name ending the text before the place
    word ("UBND "), from the Vietnamese profile."""
    found = profile("vi")
    names = found.names if found is not None else None
    surnames = frozenset(fold(n) for n in names.surnames) if names else frozenset()
    not_names = frozenset(fold(n) for n in names.not_names) if names else frozenset()
    place = (
        re.compile(rf"(?<!\w){words_pattern(names.place_words)}\s+$", re.IGNORECASE)
        if names and names.place_words
        else None
    )
    body = re.compile(
        rf"(?<!\w){words_pattern(names.body_words if names else ())}\s+$", re.IGNORECASE
    )
    # "Not after a letter" tested after the capital, not before it: a pattern that opens
    # with a character class lets re skip ahead to the next capital in C.
    return re.compile(rf"[{capitals()}](?<!\w.)\w*"), surnames, not_names, place, body


@cache
def _list_patterns() -> tuple[re.Pattern[str], re.Pattern[str], tuple[str, ...]]:
    """Return the patterns of a list's capitalized item and separator right before a name
    ("Đống Đa, ", "Hà Nam và ": one to three capitalized words, the first captured), of a
    list going on after one (", ", " và "), and the Vietnamese profile's conjunctions."""
    found = profile("vi")
    conjunctions = found.conjunctions if found is not None else ()
    joined = words_pattern(conjunctions) if conjunctions else "(?!)"
    word = rf"[{capitals()}]\w*"
    return (
        re.compile(rf"(?<!\w)({word})(?:\s+{word}){{0,2}}(?:,\s*|\s+{joined}\s+)$"),
        re.compile(rf",\s*\S|\s+{joined}\s"),
        tuple(conjunctions),
    )


def _after_a_place_in_a_list(text: str, start: int, end: int, surnames: frozenset[str]) -> bool:
    """Return True when the two-syllable name at ``start`` (to ``end``) stands in a list
    after a capitalized item that opens with no family name: its last item, after "và",
    or an item a comma or "và" follows ("Đống Đa, Hoàng Mai và Thanh Xuân": districts;
    "Trần Văn An và Lê Thị Hoa" stay people; "Tại Đà Nẵng, Lê Hùng cho biết" is no list)."""
    item_before, goes_on, conjunctions = _list_patterns()
    found = item_before.search(text, max(0, start - 40), start)
    if found is None or fold(found.group(1)) in surnames:
        return False
    return found.group().rstrip().endswith(conjunctions) or bool(goes_on.match(text, end))


def vietnamese_names(text: str) -> Iterator[tuple[int, int]]:
    """Yield the spans of Vietnamese personal names in Vietnamese text: runs of two to four
    capitalized syllables whose first is a family name of the Vietnamese profile ("Trần
    Quốc Hưng"); the common family names only (about nine people in ten), since rare ones
    that are also ordinary words or place-name syllables (Văn, Giang, La, Y) would misfire.
    """
    capitalized, surnames, not_names, place, body = _vietnamese_names()
    # Only capitalized words can start a name: the regex skips the others in C.
    resume = 0
    for first in capitalized.finditer(text):
        start = first.start()
        if start < resume or fold(first.group()) not in surnames:
            continue
        end, syllables = first.end(), 1
        while syllables < 4 and text.startswith(" ", end):
            following = _WORD.match(text, end + 1)
            if following is None:
                break
            word = following.group()
            if not word[0].isupper() or parse_syllable(word) is None:
                break
            end, syllables = following.end(), syllables + 1
        if syllables >= 2 and fold(text[start:end]) not in not_names:
            # After a place word, a place ("quận Hà Đông"), unless the place word ends a
            # body's name that a title names its holder after ("Chủ tịch UBND tỉnh Nguyễn
            # Văn An", "Hội đồng nhân dân huyện Trần Văn Bình").
            before = place.search(text, max(0, start - 24), start) if place else None
            if before is not None and not body.search(
                text, max(0, before.start() - 24), before.start()
            ):
                resume = end
                continue
            if syllables == 2 and _after_a_place_in_a_list(text, start, end, surnames):
                resume = end  # "Đống Đa, Hoàng Mai và Thanh Xuân": districts
                continue
            yield start, end
            resume = end

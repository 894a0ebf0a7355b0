#!/usr/bin/env python3
"""Build ``src/multipub/lang/data/hanviet.tsv``, the Sino-Vietnamese (Hán-Việt) reading list.

A development-time tool: it reads the Unicode Han Database (Unihan) from disk and writes
package data; nothing is fetched, and the package never reads Unihan at run time.

Usage::

    python3 tools/build_hanviet.py [SOURCE] [-o OUTPUT] [--cap N]

SOURCE is a directory holding the ``Unihan_*.txt`` files, plain or bzip2-compressed, or
Unihan's own ``Unihan.zip``. Without it, Debian's ``unicode-data`` package is read from
``/usr/share/unicode`` (``apt-get install unicode-data``).

What goes in (UAX #38 field names):

* ``kVietnamese``: the readings. Every syllable is lowercased, put in NFC and given the
  old-style tone placement that :meth:`multipub.translit.Syllable.spell` uses ("hòa",
  "thủy"; Unihan mostly writes the new style, "hoà", "thuỷ").
* ``kSimplifiedVariant`` / ``kTraditionalVariant``: a reading is carried to the
  simplified and traditional forms of its character; a form with readings of its own
  takes only those, except the single simplified form of a traditional character (陳 ->
  陈), which stands for it in every sense.
* ``kMandarin``: only characters with a Mandarin reading are listed.
* The ranking fields, each taken at its best over a character and its simplified and
  traditional forms: ``kTGH`` (level of the Tongyong Guifan Hanzi Biao, 2013),
  ``kHanyuPinlu`` (frequency counts), ``kFrequency``, ``kGradeLevel``, ``kIICore``,
  ``kUnihanCore2020``. A field missing from the given Unihan version counts as absent.
"""

from __future__ import annotations

import argparse
import bz2
import re
import sys
import textwrap
import unicodedata
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_SOURCE = Path("/usr/share/unicode")
REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUTPUT = REPO_ROOT / "src" / "multipub" / "lang" / "data" / "hanviet.tsv"
DEFAULT_CAP = 12

# The Unihan fields read; every Unihan_*.txt file is scanned, whichever holds a field.
FIELDS = frozenset(
    {
        "kVietnamese",
        "kMandarin",
        "kSimplifiedVariant",
        "kTraditionalVariant",
        "kTGH",
        "kHanyuPinlu",
        "kFrequency",
        "kGradeLevel",
        "kIICore",
        "kUnihanCore2020",
        "kBigFive",
    }
)

# Tongyong Guifan Hanzi Biao (2013): serials 1-3500 are level 1, 3501-6500 level 2, the
# rest (to 8105) level 3.
TGH_LEVEL_ENDS = (3500, 6500)

LICENSE_TEXT = """\
UNICODE LICENSE V3

COPYRIGHT AND PERMISSION NOTICE

Copyright © 1991-2022 Unicode, Inc.

NOTICE TO USER: Carefully read the following legal agreement. BY
DOWNLOADING, INSTALLING, COPYING OR OTHERWISE USING DATA FILES, AND/OR
SOFTWARE, YOU UNEQUIVOCALLY ACCEPT, AND AGREE TO BE BOUND BY, ALL OF THE
TERMS AND CONDITIONS OF THIS AGREEMENT. IF YOU DO NOT AGREE, DO NOT
DOWNLOAD, INSTALL, COPY, DISTRIBUTE OR USE THE DATA FILES OR SOFTWARE.

Permission is hereby granted, free of charge, to any person obtaining a
copy of data files and any associated documentation (the "Data Files") or
software and any associated documentation (the "Software") to deal in the
Data Files or Software without restriction, including without limitation
the rights to use, copy, modify, merge, publish, distribute, and/or sell
copies of the Data Files or Software, and to permit persons to whom the
Data Files or Software are furnished to do so, provided that either (a)
this copyright and permission notice appear with all copies of the Data
Files or Software, or (b) this copyright and permission notice appear in
associated Documentation.

THE DATA FILES AND SOFTWARE ARE PROVIDED "AS IS", WITHOUT WARRANTY OF ANY
KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF
MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT OF
THIRD PARTY RIGHTS.

IN NO EVENT SHALL THE COPYRIGHT HOLDER OR HOLDERS INCLUDED IN THIS NOTICE
BE LIABLE FOR ANY CLAIM, OR ANY SPECIAL INDIRECT OR CONSEQUENTIAL DAMAGES,
OR ANY DAMAGES WHATSOEVER RESULTING FROM LOSS OF USE, DATA OR PROFITS,
WHETHER IN AN ACTION OF CONTRACT, NEGLIGENCE OR OTHER TORTIOUS ACTION,
ARISING OUT OF OR IN CONNECTION WITH THE USE OR PERFORMANCE OF THE DATA
FILES OR SOFTWARE.

Except as contained in this notice, the name of a copyright holder shall
not be used in advertising or otherwise to promote the sale, use or other
dealings in these Data Files or Software without prior written
authorization of the copyright holder.

SPDX-License-Identifier: Unicode-3.0
"""

# ---------------------------------------------------------------------------------------
# Reading Unihan
# ---------------------------------------------------------------------------------------


@dataclass
class Unihan:
    """The fields read from Unihan, per character, and what the files say about themselves."""

    fields: dict[str, dict[str, str]]
    version: str
    date: str
    files: list[str]  # the files that held any of the fields

    def get(self, char: str, field: str) -> str | None:
        """Return the raw value of ``field`` for ``char``, or None."""
        return self.fields.get(char, {}).get(field)


def _source_files(source: Path) -> Iterator[tuple[str, list[str]]]:
    """Yield (file name, lines) for every Unihan_*.txt file under ``source``."""
    if source.is_file() and source.suffix == ".zip":
        with zipfile.ZipFile(source) as archive:
            for name in sorted(archive.namelist()):
                if re.fullmatch(r"Unihan_\w+\.txt", Path(name).name):
                    text = archive.read(name).decode("utf-8")
                    yield Path(name).name, text.splitlines()
        return
    if not source.is_dir():
        raise SystemExit(f"build_hanviet: {source} is neither a directory nor a .zip file")
    for path in sorted(source.glob("Unihan_*.txt*")):
        if path.name.endswith(".txt"):
            yield path.name, path.read_text(encoding="utf-8").splitlines()
        elif path.name.endswith(".txt.bz2"):
            with bz2.open(path, "rt", encoding="utf-8") as handle:
                yield path.name, handle.read().splitlines()


def read_unihan(source: Path) -> Unihan:
    """Read the fields in :data:`FIELDS` from the Unihan files at ``source``."""
    fields: dict[str, dict[str, str]] = {}
    versions: set[str] = set()
    dates: set[str] = set()
    files: list[str] = []
    for name, lines in _source_files(source):
        used = False
        for line in lines:
            if line.startswith("#"):
                if match := re.match(r"#\s*Unicode [Vv]ersion:?\s*(\S+)", line):
                    versions.add(match.group(1))
                elif match := re.match(r"#\s*Date:\s*(\d{4}-\d\d-\d\d)", line):
                    dates.add(match.group(1))
                continue
            parts = line.split("\t")
            if len(parts) != 3 or parts[1] not in FIELDS:
                continue
            char = chr(int(parts[0].removeprefix("U+"), 16))
            fields.setdefault(char, {})[parts[1]] = parts[2]
            used = True
        if used:
            files.append(name)
    if not files:
        raise SystemExit(f"build_hanviet: no Unihan_*.txt files with the fields in {source}")
    if "kVietnamese" not in {field for values in fields.values() for field in values}:
        raise SystemExit(f"build_hanviet: no kVietnamese field in the files at {source}")
    version = ", ".join(sorted(versions)) or "unknown"
    date = max(dates) if dates else "unknown"
    return Unihan(fields, version, date, files)


def _code_points(value: str | None) -> list[str]:
    """Return the characters of a variant field ("U+9648 U+9673<kHKGlyph" -> 陈, 陳)."""
    if not value:
        return []
    return [chr(int(item.split("<")[0].removeprefix("U+"), 16)) for item in value.split()]


# ---------------------------------------------------------------------------------------
# Vietnamese syllables: one tone placement
# ---------------------------------------------------------------------------------------

_TONE_MARKS = "\u0300\u0309\u0303\u0301\u0323"  # huyền, hỏi, ngã, sắc, nặng (dictionary order)
_VOWELS = frozenset("aăâeêioôơuưy")
_MARKED_VOWELS = frozenset("ăâêôơư")
_ALPHABET = "aăâbcdđeêghiklmnoôơpqrstuưvxy"
# A lone y after a consonant other than "qu", which spelling lets alternate with i.
_LONE_Y = re.compile(r"(?:b|ch|d|đ|h|k|kh|l|m|n|ngh|nh|ph|r|s|t|th|tr|v|x)y")


def normalize_syllable(text: str) -> str | None:
    """Return ``text`` lowercased, in NFC, with its tone mark in the old-style place.

    A lone y after a consonant becomes i ("lý" -> "lí", "kỳ" -> "kì"; not "quý"). The
    tone goes where :meth:`multipub.translit.Syllable.spell` puts it: on a vowel with a
    circumflex, breve or horn (the last one in "ươ"); otherwise on the last vowel of a
    closed syllable and the last but one of an open one ("hòa", "thủy", "hoài", "hoàn").
    The u of "qu" and the i of "gi" before a vowel belong to the onset. None if ``text``
    has a letter outside Vietnamese, two tone marks or a tone mark off a vowel.
    """
    tone = ""
    letters: list[str] = []
    for ch in unicodedata.normalize("NFD", text.strip().lower()):
        if ch in _TONE_MARKS:
            if tone:
                return None
            tone = ch
        else:
            letters.append(ch)
    base = unicodedata.normalize("NFC", "".join(letters))
    if not base or any(ch not in _ALPHABET for ch in base):
        return None
    if _LONE_Y.fullmatch(base):
        base = base[:-1] + "i"  # "lý" -> "lí", as Unihan writes all but one
    if not tone:
        return base
    start = 0
    while start < len(base) and base[start] not in _VOWELS:
        start += 1
    if base[start : start + 1] == "u" and base[start - 1 : start] == "q":
        start += 1  # "qu": the u is part of the onset
    elif base.startswith("gi") and start == 1 and base[2:3] in _VOWELS:
        start += 1  # "gi" before a vowel ("già", "giữa"): the i is part of the onset
    end = start
    while end < len(base) and base[end] in _VOWELS:
        end += 1
    if end == start:
        return None
    cluster = base[start:end]
    marked = [i for i, ch in enumerate(cluster) if ch in _MARKED_VOWELS]
    if marked:
        index = start + marked[-1]
    elif cluster == "oo" or len(cluster) == 1 or end < len(base):
        index = end - 1  # one vowel, "oo", or a closed syllable: the last vowel
    else:
        index = end - 2  # an open syllable: the last but one vowel
    return unicodedata.normalize("NFC", base[: index + 1] + tone + base[index + 1 :])


def syllable_sort_key(syllable: str) -> tuple[list[int], int]:
    """Return a dictionary-order key: the letters of the toneless syllable, then the tone."""
    decomposed = unicodedata.normalize("NFD", syllable)
    tone = next((_TONE_MARKS.index(ch) + 1 for ch in decomposed if ch in _TONE_MARKS), 0)
    base = unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in _TONE_MARKS))
    return [_ALPHABET.find(ch) for ch in base], tone


# ---------------------------------------------------------------------------------------
# Building the table
# ---------------------------------------------------------------------------------------


def _readings(unihan: Unihan, char: str) -> list[str]:
    """Return the normalized kVietnamese syllables of ``char``, in Unihan's order."""
    found: list[str] = []
    for raw in (unihan.get(char, "kVietnamese") or "").split():
        syllable = normalize_syllable(raw)
        if syllable is None:
            print(f"build_hanviet: skipped reading {raw!r} of {char}", file=sys.stderr)
        elif syllable not in found:
            found.append(syllable)
    return found


def _is_simplified(unihan: Unihan, char: str) -> bool:
    """Return whether ``char`` is written in simplified Chinese (its own simplified form)."""
    forms = _code_points(unihan.get(char, "kSimplifiedVariant"))
    return not forms or char in forms


def _is_traditional(unihan: Unihan, char: str) -> bool:
    """Return whether ``char`` is written in traditional Chinese (its own traditional form)."""
    forms = _code_points(unihan.get(char, "kTraditionalVariant"))
    return not forms or char in forms


def _related(unihan: Unihan, chars: Iterable[str]) -> set[str]:
    """Return ``chars`` with their simplified and traditional forms (one step)."""
    group = set(chars)
    for char in list(group):
        group.update(_code_points(unihan.get(char, "kSimplifiedVariant")))
        group.update(_code_points(unihan.get(char, "kTraditionalVariant")))
    return group


def rank_key(unihan: Unihan, char: str) -> tuple[int, int, int, int, int, int, int]:
    """Return the sort key of ``char``: common in modern Chinese first.

    Each field is taken at its best over the character and its simplified and traditional
    forms, so that 陳 ranks with 陈: TGH level (1, 2, 3, then none), then the kHanyuPinlu
    count (higher first), kFrequency (1 first), kGradeLevel (1 first), whether in kIICore,
    whether in kUnihanCore2020, and the code point.
    """
    level, pinlu, frequency, grade, core, core2020 = 4, 0, 6, 7, 1, 1
    for form in _related(unihan, [char]):
        if (tgh := unihan.get(form, "kTGH")) and (serial := re.search(r":(\d+)", tgh)):
            number = int(serial.group(1))
            level = min(level, 1 + sum(number > end for end in TGH_LEVEL_ENDS))
        counts = re.findall(r"\((\d+)\)", unihan.get(form, "kHanyuPinlu") or "")
        pinlu = max(pinlu, sum(int(count) for count in counts))
        if (value := unihan.get(form, "kFrequency")) and value.isdigit():
            frequency = min(frequency, int(value))
        if (value := unihan.get(form, "kGradeLevel")) and value.isdigit():
            grade = min(grade, int(value))
        if unihan.get(form, "kIICore"):
            core = 0
        if unihan.get(form, "kUnihanCore2020"):
            core2020 = 0
    return level, -pinlu, frequency, grade, core, core2020, ord(char)


@dataclass
class Table:
    """Per syllable, the simplified and the traditional characters, best first.

    ``variants`` maps a simplified character to its traditional forms (kTraditionalVariant),
    for every simplified character with a Mandarin reading whose forms differ from it.
    """

    simplified: dict[str, list[str]]
    traditional: dict[str, list[str]]
    truncated: int
    variants: dict[str, list[str]] = field(default_factory=dict)


def traditional_variants(unihan: Unihan) -> dict[str, list[str]]:
    """Return simplified character -> its traditional forms, the most common first."""
    result: dict[str, list[str]] = {}
    for char, values in unihan.fields.items():
        if "kMandarin" not in values:
            continue
        forms = _code_points(values.get("kTraditionalVariant"))
        if not forms or forms == [char]:
            continue
        # 广 is listed as a traditional form of itself (a rare character of its own) next
        # to 廣: where some forms are in Big Five, the traditional-character encoding, the
        # others are dropped. 后 is its own traditional form in one sense (皇后) and 後 in
        # another: both are kept, the more frequent first (kFrequency of the form itself),
        # then the character itself, then the code point.
        in_big5 = [f for f in forms if unihan.get(f, "kBigFive")]
        forms = in_big5 or forms

        def own_rank(form: str, char: str = char) -> tuple[int, int, int]:
            value = unihan.get(form, "kFrequency")
            frequency = int(value) if value and value.isdigit() else 6
            return frequency, form != char, ord(form)

        result[char] = sorted(forms, key=own_rank)
    return result


def build_table(unihan: Unihan, cap: int) -> Table:
    """Return the ranked table of every kVietnamese syllable with a listed character."""
    own: dict[str, list[str]] = {}
    for char, values in unihan.fields.items():
        if "kVietnamese" in values and (readings := _readings(unihan, char)):
            own[char] = readings

    def takes(form: str, syllable: str, *, always: bool) -> bool:
        """Whether a variant form takes a reading of the character it is a form of."""
        return always or form not in own or syllable in own[form]

    simplified: dict[str, set[str]] = {}
    traditional: dict[str, set[str]] = {}
    for char, readings in own.items():
        simple_forms = _code_points(unihan.get(char, "kSimplifiedVariant"))
        traditional_forms = _code_points(unihan.get(char, "kTraditionalVariant"))
        for syllable in readings:
            simp = simplified.setdefault(syllable, set())
            trad = traditional.setdefault(syllable, set())
            if _is_simplified(unihan, char):
                simp.add(char)
            if _is_traditional(unihan, char):
                trad.add(char)
            # One simplified form stands for the character in all its senses (陳 -> 陈);
            # of several (乾 -> 乾, 干), one with readings of its own must have this one.
            single = len([f for f in simple_forms if f != char]) == 1 and char not in simple_forms
            simp.update(
                form
                for form in simple_forms
                if form != char
                and _is_simplified(unihan, form)
                and takes(form, syllable, always=single)
            )
            trad.update(
                form
                for form in traditional_forms
                if form != char
                and _is_traditional(unihan, form)
                and takes(form, syllable, always=False)
            )

    def ranked(table: dict[str, set[str]]) -> tuple[dict[str, list[str]], int]:
        result: dict[str, list[str]] = {}
        cut = 0
        for syllable, chars in table.items():
            listed = sorted(
                (c for c in chars if unihan.get(c, "kMandarin")),
                key=lambda c: rank_key(unihan, c),
            )
            cut += max(0, len(listed) - cap)
            result[syllable] = listed[:cap]
        return result, cut

    simp_ranked, simp_cut = ranked(simplified)
    trad_ranked, trad_cut = ranked(traditional)
    keep = {s for s in simp_ranked if simp_ranked[s] or trad_ranked.get(s)}
    return Table(
        {s: simp_ranked[s] for s in keep},
        {s: trad_ranked.get(s, []) for s in keep},
        simp_cut + trad_cut,
        traditional_variants(unihan),
    )


# ---------------------------------------------------------------------------------------
# Writing
# ---------------------------------------------------------------------------------------


def render(table: Table, unihan: Unihan, cap: int, command: str) -> str:
    """Return the TSV text: header comments, then one line per syllable."""
    header = f"""\
Sino-Vietnamese (Hán-Việt) readings: per Vietnamese syllable, the Chinese characters
that read so, simplified and traditional, the most common in modern Chinese first.

Source: Unicode Han Database (Unihan), Unicode {unihan.version} (files dated {unihan.date}):
  {textwrap.fill(", ".join(unihan.files), 86, subsequent_indent="  ")}
  fields kVietnamese, kMandarin, kSimplifiedVariant, kTraditionalVariant, kTGH,
  kHanyuPinlu, kFrequency, kGradeLevel, kIICore, kUnihanCore2020, kBigFive (UAX #38).
Modified: this is not a Unicode data file but a table derived from Unihan by
  tools/build_hanviet.py (selected, re-arranged, ranked, tone marks moved).
Generated by: {command}
  Do not edit by hand; run the command again.

Format: UTF-8, lines starting with '#' are comments; every other line is
  SYLLABLE <TAB> SIMPLIFIED <TAB> TRADITIONAL
  SYLLABLE: lowercase, NFC, old-style tone placement as Syllable.spell() in
    multipub.translit writes it ("hòa", "khỏe", "thủy"; not "hoà", "khoẻ", "thuỷ"),
    and i, never y, for the lone vowel after a consonant ("lí", "kì", "mĩ"; "quý"
    keeps its y): look "Lý" up as "lí".
  SIMPLIFIED, TRADITIONAL: characters separated by ',', best first; either may be empty.
    A character that is the same in both scripts is in both lists.
  Lines are in Vietnamese dictionary order (letters, then tone: none, huyền, hỏi,
    ngã, sắc, nặng).
  Reverse direction: a character's readings are the syllables whose lists hold it.
  Lines starting with '=' are the traditional forms of simplified characters, for
    characters outside kVietnamese too (the Hán-Việt table in multipub.translit):
    = <TAB> SIMPLIFIED <TAB> TRADITIONAL,... (forms in Big Five, kBigFive, only if
    any is; the most frequent first by kFrequency, then the character itself:
    广 -> 廣; 后 -> 後,后; 胡 -> 胡,鬍,衚), in code point order, after the syllables.
Content:
  Readings are Unihan's kVietnamese, which mixes Hán-Việt and Nôm readings and lacks
    many common characters; a reading is carried to a character's simplified and
    traditional forms (a form with readings of its own keeps only those, except the
    single simplified form of a traditional character, 陳 -> 陈).
  Only characters with a kMandarin reading are listed.
  Ranking, each field at its best over a character and its simplified/traditional
    forms: Tongyong Guifan Hanzi Biao level (kTGH: 1, 2, 3, none), then kHanyuPinlu
    count, kFrequency, kGradeLevel, kIICore, kUnihanCore2020, code point.
  At most {cap} characters per list ({table.truncated} less common ones cut in all).
  Deterministic: the same Unihan files give the same table.
  {len(table.simplified)} syllables.

Licence of the source data, which applies to this table:

"""
    lines = [f"# {line}".rstrip() for line in (header + LICENSE_TEXT).splitlines()]
    for syllable in sorted(table.simplified, key=syllable_sort_key):
        simp = ",".join(table.simplified[syllable])
        trad = ",".join(table.traditional[syllable])
        lines.append(f"{syllable}\t{simp}\t{trad}")
    for char in sorted(table.variants):
        lines.append(f"=\t{char}\t{','.join(table.variants[char])}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Parse the arguments, build the table and write it; return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "source",
        nargs="?",
        type=Path,
        default=DEFAULT_SOURCE,
        help=f"directory of Unihan_*.txt[.bz2] files or Unihan.zip (default {DEFAULT_SOURCE})",
    )
    parser.add_argument(
        "-o", "--output", type=Path, default=DEFAULT_OUTPUT, help="the TSV file to write"
    )
    parser.add_argument(
        "--cap", type=int, default=DEFAULT_CAP, help="characters kept per list (default 12)"
    )
    args = parser.parse_args(argv)
    unihan = read_unihan(args.source)
    table = build_table(unihan, args.cap)
    command = "python3 tools/build_hanviet.py" + (
        "" if args.source == DEFAULT_SOURCE else f" {args.source.name}"
    )
    if args.cap != DEFAULT_CAP:
        command += f" --cap {args.cap}"
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(render(table, unihan, args.cap, command), encoding="utf-8")
    print(f"build_hanviet: {len(table.simplified)} syllables -> {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

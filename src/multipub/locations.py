"""Where a finding's text sits in its file: exact line and column, for SARIF and editors.

A finding names a text by ``(lang, field, block, span)`` with ``span`` in decoded Python
string indices. :class:`SourceMap` turns that into a :class:`Place` in the raw file text
the loader already holds: line numbers count ``"\\n"`` (as io.py does), columns count Unicode
code points of the raw line (an escape such as ``\\u00e9`` is six columns), both 1-based.

Nothing is computed until the first :meth:`SourceMap.place`; then only the variant asked
for is indexed (JSON) or the node tree composed once (YAML). A decoded text is mapped to
raw positions by rebuilding it from the raw characters piece by piece; the mapping is
trusted only as far as the rebuilt text matches what the parser read, so an unusual
spelling (a YAML construct not modelled here) gives the text's whole region instead of
a wrong column.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import Any, Protocol

import yaml

from multipub.yaml_loader import StrictYamlLoader

__all__ = ["Place", "SourceMap"]


@dataclass(frozen=True, slots=True)
class Place:
    """Where a span sits in a file: 1-based lines and columns, columns in code points of
    the raw line; ``end_column`` is the column just after the span's last character (the
    SARIF ``endColumn`` convention)."""

    line: int
    column: int
    end_line: int
    end_column: int


# ---------------------------------------------------------------------------------------
# Decoded index -> raw offset


@dataclass(frozen=True, slots=True)
class _TextMap:
    """How one decoded text maps onto raw file offsets.

    The text is cut into pieces. A piece whose decoded length equals its raw length is
    read character for character (plain text, and a fold of one raw character); any other
    piece is one decoded character spelled by several raw ones (an escape, ``''``, a line
    fold) or by none (the final newline a YAML block adds at the end of the file).
    """

    dec_starts: list[int]  # decoded index of each piece, then the decoded length built
    raw_starts: list[int]
    raw_ends: list[int]
    length: int  # the text's length as the parser decoded it
    trusted: int  # how many leading decoded characters the pieces rebuild faithfully
    region: tuple[int, int]  # raw offsets of the whole text, for what is not trusted

    def raw_span(self, start: int, end: int) -> tuple[int, int] | None:
        """Return the raw offsets ``[first, after_last)`` of decoded ``[start, end)``, or
        None when the span is not inside the text. Beyond the trusted prefix the region of
        the whole text stands in (its start too, when the span starts beyond it)."""
        if not 0 <= start <= end <= self.length:
            return None
        if end <= self.trusted:
            if start == end:
                point = self._point(start)
                return point, point
            return self._start_of(start), self._end_of(end)
        first = self._start_of(start) if start < self.trusted else self.region[0]
        return first, max(first, self.region[1])

    def _piece(self, index: int) -> tuple[int, bool]:
        piece = bisect_right(self.dec_starts, index) - 1
        dec_len = self.dec_starts[piece + 1] - self.dec_starts[piece]
        return piece, dec_len == self.raw_ends[piece] - self.raw_starts[piece]

    def _start_of(self, index: int) -> int:
        """Return the raw offset where decoded character ``index`` begins."""
        piece, verbatim = self._piece(index)
        base = self.raw_starts[piece]
        return base + index - self.dec_starts[piece] if verbatim else base

    def _end_of(self, end: int) -> int:
        """Return the raw offset just after decoded character ``end - 1``."""
        piece, verbatim = self._piece(end - 1)
        if verbatim:
            return self.raw_starts[piece] + end - self.dec_starts[piece]
        return self.raw_ends[piece]

    def _point(self, index: int) -> int:
        """Return the raw offset of the empty span at ``index``."""
        if index < self.dec_starts[-1]:
            return self._start_of(index)
        return self._end_of(index) if index > 0 else self.region[0]


class _Pieces:
    """Builds a :class:`_TextMap` while rebuilding the decoded text from the raw one."""

    __slots__ = ("built", "dec_starts", "decoded", "raw_ends", "raw_starts")

    def __init__(self) -> None:
        self.dec_starts: list[int] = []
        self.raw_starts: list[int] = []
        self.raw_ends: list[int] = []
        self.decoded: list[str] = []
        self.built = 0

    def verbatim(self, text: str, first: int, after: int) -> None:
        """Add raw ``text[first:after]``, which decodes to itself."""
        if after > first:
            self.decoded.append(text[first:after])
            self._add(first, after, after - first)

    def unit(self, first: int, after: int, char: str) -> None:
        """Add one decoded character ``char`` spelled by raw ``[first, after)``."""
        self.decoded.append(char)
        self._add(first, after, 1)

    def _add(self, first: int, after: int, dec_len: int) -> None:
        # Runs read character for character merge, so a text without escapes is one piece
        # and a lookup is one bisect over few entries.
        if (
            self.raw_ends
            and self.raw_ends[-1] == first
            and after - first == dec_len
            and self.built - self.dec_starts[-1] == first - self.raw_starts[-1]
        ):
            self.raw_ends[-1] = after
        else:
            self.dec_starts.append(self.built)
            self.raw_starts.append(first)
            self.raw_ends.append(after)
        self.built += dec_len

    def rebuilt(self) -> str:
        """Return the decoded text the pieces spell."""
        return "".join(self.decoded)

    def finish(self, length: int, trusted: int, region: tuple[int, int]) -> _TextMap:
        """Return the map of a text the parser decoded to ``length`` characters, exact for
        its first ``trusted`` ones; ``region`` is the raw range of the whole text."""
        return _TextMap(
            [*self.dec_starts, self.built],
            self.raw_starts,
            self.raw_ends,
            length,
            max(0, min(trusted, self.built, length)),
            region,
        )

    def verified(self, value: str, region: tuple[int, int]) -> _TextMap:
        """Return the map of ``value``, trusted as far as the rebuilt text agrees with it."""
        return self.finish(len(value), _common_prefix(self.rebuilt(), value), region)


def _common_prefix(rebuilt: str, value: str) -> int:
    """Return the length of the longest common prefix of ``rebuilt`` and ``value``."""
    if rebuilt.startswith(value):  # equal, or a YAML block whose chomping dropped the tail
        return len(value)
    size = 0
    for mine, theirs in zip(rebuilt, value, strict=False):
        if mine != theirs:
            break
        size += 1
    return size


# ---------------------------------------------------------------------------------------
# Raw offset -> line and column


class _Lines:
    """Turns raw offsets into 1-based (line, column), counting ``"\\n"`` as io.py does."""

    __slots__ = ("_base", "_breaks", "_text")

    def __init__(self, text: str, base_line: int) -> None:
        self._text = text
        self._base = base_line
        self._breaks: list[int] | None = None

    def position(self, offset: int) -> tuple[int, int]:
        """Return the (line, column) of raw ``offset``."""
        if self._breaks is None:  # built once, on the first finding of this article
            self._breaks = [m.start() for m in re.finditer("\n", self._text)]
        before = bisect_left(self._breaks, offset)
        line_start = self._breaks[before - 1] + 1 if before else 0
        return self._base + before, offset - line_start + 1


# ---------------------------------------------------------------------------------------
# JSON

_JSON_WS = re.compile(r"[ \t\n\r]*")
# One decoded character each: a surrogate pair of escapes first (the decoder joins the two
# into one Python character), then any single escape.
_JSON_ESCAPE = re.compile(
    r"\\(?:u[dD][89abAB][0-9a-fA-F]{2}\\u[dD][c-fC-F][0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|.)",
    re.DOTALL,
)
# Skips a value the article's texts are not in, at the C decoder's speed; numbers are kept
# as text so a long one cannot stop the skip.
_SKIPPER = json.JSONDecoder(parse_int=str, parse_float=str, parse_constant=str)
_HEAD_FIELDS = ("title", "lead", "byline")

# Where a text's raw content lies: first and after-last offsets, and its decoded length.
_Slot = tuple[int, int, int]


def _scan_string(text: str, end: int) -> tuple[str, int]:
    """Return the JSON string starting after the quote at ``end - 1``, and where it ends."""
    scan: Any = json.decoder.scanstring  # type: ignore[attr-defined]  # not in typeshed
    result: tuple[str, int] = scan(text, end)
    return result


class _JsonFinder:
    """Finds the texts of one JSON article; each variant is indexed when first asked for."""

    __slots__ = ("_langs", "_slots", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        self._langs: dict[str, int] | None = None
        self._slots: dict[str, dict[tuple[str, int | None], _Slot]] = {}

    def text_map(self, lang: str, field: str, block: int | None) -> _TextMap | None:
        """Return the map of the text at (lang, field, block), or None when there is none."""
        if self._langs is None:
            self._langs = {}  # a document that cannot be walked stays without texts
            self._langs = self._index_langs()
        if lang not in self._langs:
            return None
        slots = self._slots.get(lang)
        if slots is None:
            self._slots[lang] = {}  # likewise for a variant that cannot be walked
            slots = self._slots[lang] = self._index_variant(self._langs[lang])
        slot = slots.get((field, block if field == "blocks" else None))
        return None if slot is None else self._map(*slot)

    def _map(self, first: int, after: int, length: int) -> _TextMap:
        """Return the map of the raw string content ``[first, after)``."""
        pieces = _Pieces()
        if self._text.find("\\", first, after) < 0:  # the common case: no escapes
            pieces.verbatim(self._text, first, after)
        else:
            at = first
            for escape in _JSON_ESCAPE.finditer(self._text, first, after):
                pieces.verbatim(self._text, at, escape.start())
                pieces.unit(escape.start(), escape.end(), "")
                at = escape.end()
            pieces.verbatim(self._text, at, after)
        # The escapes are a fixed grammar, so a length that agrees means every piece does.
        return pieces.finish(length, length if pieces.built == length else 0, (first, after))

    # The walk below follows the few fixed levels of an article (root, variants, variant,
    # blocks, block) in loops, so it cannot recurse; the values skipped may be deep, and
    # the C decoder then raises RecursionError, which SourceMap.place catches.

    def _index_langs(self) -> dict[str, int]:
        """Return where the value of each language under "variants" starts."""
        langs: dict[str, int] = {}
        pos, more = self._open(self._skip(0), "{")
        while more:
            key, value = self._key(pos)
            if key == "variants" and self._text.startswith("{", value):
                inner, inner_more = self._open(value, "{")
                while inner_more:
                    lang, lang_value = self._key(inner)
                    langs[lang] = lang_value
                    inner, inner_more = self._next(self._skip_value(lang_value), "}")
                end = inner
            else:
                end = self._skip_value(value)
            pos, more = self._next(end, "}")
        return langs

    def _index_variant(self, start: int) -> dict[tuple[str, int | None], _Slot]:
        """Return the slot of every text of the variant starting at ``start``."""
        slots: dict[tuple[str, int | None], _Slot] = {}
        if not self._text.startswith("{", start):
            return slots
        pos, more = self._open(start, "{")
        while more:
            key, value = self._key(pos)
            if key in _HEAD_FIELDS and self._text.startswith('"', value):
                end = self._string(value, slots, (key, None))
            elif key == "blocks" and self._text.startswith("[", value):
                end = self._index_blocks(value, slots)
            else:  # "reference", "origin", and whatever else: no finding points there
                end = self._skip_value(value)
            pos, more = self._next(end, "}")
        return slots

    def _index_blocks(self, start: int, slots: dict[tuple[str, int | None], _Slot]) -> int:
        """Add the slot of each block of the array at ``start``; return where it ends."""
        pos, more = self._open(start, "[")
        index = 0
        while more:
            if self._text.startswith('"', pos):
                end = self._string(pos, slots, ("blocks", index))
            elif self._text.startswith("{", pos):
                inner, inner_more = self._open(pos, "{")
                while inner_more:
                    key, value = self._key(inner)
                    if key == "text" and self._text.startswith('"', value):
                        inner_end = self._string(value, slots, ("blocks", index))
                    else:
                        inner_end = self._skip_value(value)
                    inner, inner_more = self._next(inner_end, "}")
                end = inner
            else:
                end = self._skip_value(pos)
            index += 1
            pos, more = self._next(end, "]")
        return pos

    def _string(
        self, quote: int, slots: dict[tuple[str, int | None], _Slot], where: tuple[str, int | None]
    ) -> int:
        """Record the string whose opening quote is at ``quote``; return where it ends."""
        value, end = _scan_string(self._text, quote + 1)
        slots[where] = (quote + 1, end - 1, len(value))
        return end

    def _skip(self, pos: int) -> int:
        match = _JSON_WS.match(self._text, pos)
        return match.end() if match else pos

    def _skip_value(self, pos: int) -> int:
        """Return where the value starting at ``pos`` ends."""
        end: int = _SKIPPER.raw_decode(self._text, pos)[1]
        return end

    def _open(self, pos: int, opener: str) -> tuple[int, bool]:
        """Step into the object or array at ``pos``; return the position of its first
        member and whether there is one (else: the position after the closer)."""
        if not self._text.startswith(opener, pos):
            raise ValueError(f"expected {opener!r} at {pos}")
        pos = self._skip(pos + 1)
        closer = "}" if opener == "{" else "]"
        if self._text.startswith(closer, pos):
            return pos + 1, False
        return pos, True

    def _key(self, pos: int) -> tuple[str, int]:
        """Return the key at ``pos`` and where its value starts."""
        if not self._text.startswith('"', pos):
            raise ValueError(f"expected a key at {pos}")
        key, pos = _scan_string(self._text, pos + 1)
        pos = self._skip(pos)
        if not self._text.startswith(":", pos):
            raise ValueError(f"expected ':' at {pos}")
        return key, self._skip(pos + 1)

    def _next(self, end: int, closer: str) -> tuple[int, bool]:
        """After a member ending at ``end``: return the next member's position and True,
        or the position after ``closer`` and False."""
        pos = self._skip(end)
        if self._text.startswith(closer, pos):
            return pos + 1, False
        if not self._text.startswith(",", pos):
            raise ValueError(f"expected ',' or {closer!r} at {pos}")
        return self._skip(pos + 1), True


# ---------------------------------------------------------------------------------------
# YAML

_STR_TAG = "tag:yaml.org,2002:str"
# The breaks YAML 1.1 (pyyaml, libyaml) reads; lines of the file still count "\n" only.
_YAML_BREAK = re.compile(r"\r\n|[\n\r\x85\u2028\u2029]")
_YAML_ESCAPE = re.compile(r"\\(?:x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)", re.DOTALL)
_YAML_QUOTE = re.compile("''")  # one quote inside single quotes
_YAML_SIMPLE_ESCAPES = {
    "0": "\0",
    "a": "\x07",
    "b": "\x08",
    "t": "\t",
    "\t": "\t",
    "n": "\n",
    "v": "\x0b",
    "f": "\x0c",
    "r": "\r",
    "e": "\x1b",
    " ": " ",
    '"': '"',
    "/": "/",
    "\\": "\\",
    "N": "\x85",
    "_": "\xa0",
    "L": "\u2028",
    "P": "\u2029",
}
_BLANKS = " \t"
# What separates the lines of a block scalar's value (the separators are kept as they are).
_VALUE_LINE = re.compile("[\n\u2028\u2029]")

# A raw line: where it starts, where its content ends, where its line break ends.
_Line = tuple[int, int, int]


class _YamlFinder:
    """Finds the texts of one YAML article in its node tree, composed when first asked."""

    __slots__ = ("_composed", "_root", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        self._root: yaml.Node | None = None
        self._composed = False

    def text_map(self, lang: str, field: str, block: int | None) -> _TextMap | None:
        """Return the map of the text at (lang, field, block), or None when there is none."""
        if not self._composed:
            self._composed = True
            self._root = self._compose()
        node = _child(_child(_child(self._root, "variants"), lang), field)
        if field == "blocks":
            if block is None or not isinstance(node, yaml.SequenceNode):
                return None
            items: list[yaml.Node] = node.value
            if not 0 <= block < len(items):
                return None
            node = items[block]
            if isinstance(node, yaml.MappingNode):
                node = _child(node, "text")
        if not isinstance(node, yaml.ScalarNode) or node.tag != _STR_TAG:
            return None
        return _scalar_map(self._text, node)

    def _compose(self) -> yaml.Node | None:
        """Return the document's root node, or None when the text is no YAML document."""
        loader = StrictYamlLoader(self._text)
        try:
            root: yaml.Node | None = loader.get_single_node()
        except (yaml.YAMLError, ValueError, RecursionError):
            root = None
        finally:
            loader.dispose()
        return root


def _child(node: yaml.Node | None, key: str) -> yaml.Node | None:
    """Return the value of ``key`` in mapping ``node``, or None."""
    if not isinstance(node, yaml.MappingNode):
        return None
    pairs: list[tuple[yaml.Node, yaml.Node]] = node.value
    return next((v for k, v in pairs if isinstance(k, yaml.ScalarNode) and k.value == key), None)


def _scalar_map(text: str, node: yaml.ScalarNode) -> _TextMap | None:
    """Return the map of a string scalar, or None when its marks make no sense."""
    first, after = node.start_mark.index, node.end_mark.index
    if not 0 <= first <= after <= len(text):
        return None
    first = _past_properties(text, first, after)
    value: str = node.value
    style = node.style or ""  # libyaml says "" for plain, pyyaml None
    if style in ("'", '"'):
        if after - first < 2 or text[first] != style or text[after - 1] != style:
            return None
        return _flow_map(text, first + 1, after - 1, style, value)
    if style == "":
        return _flow_map(text, first, after, style, value)
    if style in ("|", ">") and text.startswith(style, first):
        return _block_map(text, first, after, style, value)
    return None


def _past_properties(text: str, pos: int, end: int) -> int:
    """Return where the scalar at ``pos`` starts after its tag and anchor (``!!str``,
    ``&name``): the node's start mark is on them when there are any."""
    while pos < end and text[pos] in "!&":
        while pos < end and not text[pos].isspace():
            pos += 1
        while pos < end and text[pos].isspace():
            pos += 1
    return pos


def _raw_lines(text: str, first: int, after: int) -> list[_Line]:
    """Return the lines of ``text[first:after]``; the last has no break (and may be empty)."""
    lines: list[_Line] = []
    start = first
    for brk in _YAML_BREAK.finditer(text, first, after):
        lines.append((start, brk.start(), brk.end()))
        start = brk.end()
    lines.append((start, after, after))
    return lines


def _break_char(text: str, line: _Line) -> str:
    """Return what the break ending ``line`` reads as: a line or paragraph separator stays
    itself, every other break (CR LF, CR, NEL, and the end of the text) is a newline."""
    return text[line[1]] if text[line[1] : line[1] + 1] in ("\u2028", "\u2029") else "\n"


def _odd_backslashes(text: str, first: int, end: int) -> bool:
    """Return whether ``text[first:end]`` ends in an odd run of backslashes (the last one
    escapes what follows)."""
    count = 0
    while end - count > first and text[end - count - 1] == "\\":
        count += 1
    return count % 2 == 1


def _flow_map(text: str, first: int, after: int, style: str, value: str) -> _TextMap:
    """Return the map of a plain or quoted scalar whose content is ``[first, after)``.

    Each line break folds: the blanks around it go, one break alone becomes a space, and
    a break followed by empty lines becomes one newline per empty line; in double quotes
    a backslash before the break joins the lines with nothing.
    """
    lines = _raw_lines(text, first, after)
    last = len(lines) - 1
    contents: list[tuple[int, int, bool]] = []  # content start, end, ends in an escaped break
    for number, (start, end, _) in enumerate(lines):
        content_start = start
        if number > 0:
            while content_start < end and text[content_start] in _BLANKS:
                content_start += 1
        escaped = False
        content_end = end
        if number < last:
            if style == '"' and _odd_backslashes(text, content_start, end):
                escaped, content_end = True, end - 1
            else:
                while content_end > content_start and text[content_end - 1] in _BLANKS:
                    content_end -= 1
                # "\ " or "\t" at the end of the line is an escaped blank, not a trailing one.
                if (
                    style == '"'
                    and content_end < end
                    and _odd_backslashes(text, content_start, content_end)
                ):
                    content_end += 1
        contents.append((content_start, content_end, escaped))

    pieces = _Pieces()
    _add_flow_content(pieces, text, contents[0][0], contents[0][1], style)
    previous = 0
    for number in range(1, last + 1):
        start, end, _ = contents[number]
        if number < last and start == end:
            continue  # an empty line: counted when the next text line comes
        if not contents[previous][2]:  # an escaped break is dropped
            lead = _break_char(text, lines[previous])
            if lead != "\n":
                pieces.unit(lines[previous][1], lines[previous][2], lead)
            elif number == previous + 1:
                pieces.unit(contents[previous][1], start, " ")
        for between in range(previous + 1, number):
            pieces.unit(lines[between][1], lines[between][2], _break_char(text, lines[between]))
        _add_flow_content(pieces, text, start, end, style)
        previous = number
    return pieces.verified(value, (first, after))


def _add_flow_content(pieces: _Pieces, text: str, first: int, after: int, style: str) -> None:
    """Add one line's content of a flow scalar, decoding ``''`` or backslash escapes."""
    if style == "":
        pieces.verbatim(text, first, after)
        return
    pattern = _YAML_ESCAPE if style == '"' else _YAML_QUOTE
    at = first
    for match in pattern.finditer(text, first, after):
        pieces.verbatim(text, at, match.start())
        pieces.unit(match.start(), match.end(), _yaml_unescape(match.group()))
        at = match.end()
    pieces.verbatim(text, at, after)


def _yaml_unescape(escape: str) -> str:
    """Return the character a YAML double-quoted escape (or ``''``) stands for, or "" when
    unknown (the rebuilt text then differs from the parser's and is not trusted)."""
    if escape == "''":
        return "'"
    code = escape[1:]
    if code[:1] in ("x", "u", "U") and len(code) > 1:
        number = int(code[1:], 16)
        return chr(number) if number <= 0x10FFFF else ""
    return _YAML_SIMPLE_ESCAPES.get(code, "")


def _block_map(text: str, first: int, after: int, style: str, value: str) -> _TextMap:
    """Return the map of a literal (``|``) or folded (``>``) block scalar whose indicator
    is at ``first``; its content is on the lines after the indicator's."""
    header = _YAML_BREAK.search(text, first, after)
    start = header.end() if header else after
    lines = _raw_lines(text, start, after)
    if lines[-1][0] == after:  # the block ends at a line start: no partial last line
        lines.pop()
    texts = [line for line in lines if text[line[0] : line[1]].strip(_BLANKS)]
    if texts:
        # The indentation: what the first text line has in the file less what it keeps in
        # the value (only an indentation indicator, "|2", lets a value start with spaces).
        raw_line = text[texts[0][0] : texts[0][1]]
        kept = next((part for part in _VALUE_LINE.split(value) if part.strip(" ")), "")
        indent = len(raw_line) - len(raw_line.lstrip(" ")) - (len(kept) - len(kept.lstrip(" ")))
        indent = max(indent, 0)
    else:  # only empty lines: all their spaces are indentation
        indent = max((end - line_start for line_start, end, _ in lines), default=0)
    contents: list[_Line] = []  # content start (past the indentation), end, break end
    for line_start, end, brk in lines:
        skip = line_start
        while skip < end and skip - line_start < indent and text[skip] == " ":
            skip += 1
        contents.append((skip, end, brk))

    pieces = _Pieces()
    if style == "|":
        for content in contents:
            pieces.verbatim(text, content[0], content[1])
            # At the end of the file (no break) this is the newline clipping adds.
            pieces.unit(content[1], content[2], _break_char(text, content))
    else:
        _fold_block(pieces, text, contents)
    if not texts:
        return pieces.verified(value, (start, start))
    region_start = min(texts[0][0] + indent, texts[0][1])
    return pieces.verified(value, (region_start, texts[-1][1]))


def _fold_block(pieces: _Pieces, text: str, contents: list[_Line]) -> None:
    """Add the lines of a folded block: a newline between two text lines at the block's
    indentation becomes a space, or is dropped before empty lines (each empty line gives
    a newline); breaks next to more-indented lines, and separators, stay as they are."""
    previous: int | None = None
    for number, (content_start, end, _) in enumerate(contents):
        if content_start == end:
            continue
        if previous is None:
            between = range(number)  # empty lines before the first text line
        else:
            lead = _break_char(text, contents[previous])
            folds = lead == "\n" and text[contents[previous][0]] not in _BLANKS
            folds = folds and text[content_start] not in _BLANKS
            if not folds:
                pieces.unit(contents[previous][1], contents[previous][2], lead)
            elif number == previous + 1:
                pieces.unit(contents[previous][1], contents[previous][2], " ")
            between = range(previous + 1, number)
        for empty in between:
            pieces.unit(contents[empty][1], contents[empty][2], _break_char(text, contents[empty]))
        pieces.verbatim(text, content_start, end)
        previous = number
    # The last text line's break and the empty lines after it (all lines when all empty).
    for content in contents[previous or 0 :]:
        pieces.unit(content[1], content[2], _break_char(text, content))


# ---------------------------------------------------------------------------------------
# The public face


class _Finder(Protocol):
    def text_map(self, lang: str, field: str, block: int | None) -> _TextMap | None: ...


_FIELDS = frozenset({"title", "lead", "byline", "blocks"})


class _RegionFinder:
    """Finds texts written verbatim at raw ranges known when the file was read."""

    __slots__ = ("_regions", "_text")

    def __init__(self, text: str, regions: dict[tuple[str, str, int | None], tuple[int, int]]):
        self._text = text
        self._regions = regions

    def text_map(self, lang: str, field: str, block: int | None) -> _TextMap | None:
        """Return the map of the text at (lang, field, block), or None when there is none."""
        region = self._regions.get((lang, field, block))
        if region is None:
            return None
        pieces = _Pieces()
        pieces.verbatim(self._text, *region)
        return pieces.finish(region[1] - region[0], region[1] - region[0], region)


class SourceMap:
    """Where each text of one article sits in its file."""

    __slots__ = ("_finder", "_lines", "_maps")

    def __init__(self, text: str, base_line: int, finder: _Finder) -> None:
        self._finder = finder
        self._lines = _Lines(text, base_line)
        self._maps: dict[tuple[str, str, int | None], _TextMap | None] = {}

    @classmethod
    def from_json(cls, text: str, base_line: int = 1) -> SourceMap:
        """Return the map of one JSON document: a whole file's text (BOM removed), or one
        JSONL line's text with ``base_line`` its line number. Nothing is read yet."""
        return cls(text, base_line, _JsonFinder(text))

    @classmethod
    def from_regions(
        cls, text: str, regions: dict[tuple[str, str, int | None], tuple[int, int]]
    ) -> SourceMap:
        """Return the map of a file whose texts sit verbatim at known raw ranges (a text
        page: one line a text), ``regions`` keyed by (lang, field, block)."""
        return cls(text, 1, _RegionFinder(text, regions))

    @classmethod
    def from_yaml(cls, text: str) -> SourceMap:
        """Return the map of one YAML file's text (BOM removed). Nothing is parsed yet."""
        return cls(text, 1, _YamlFinder(text))

    def place(
        self, lang: str, field: str, block: int | None, span: tuple[int, int] | None
    ) -> Place | None:
        """Return the place of span in that text (the whole string when span is None), or
        None when the text cannot be found.

        ``block`` is read only when ``field`` is "blocks". None also when the span lies
        outside the text or the document cannot be read (broken, or nested deeper than
        Python recurses). Exact for JSON and for YAML plain, quoted and block scalars as
        spelled in the file; where the rebuilt text departs from the parser's, the place
        falls back to the whole text's region.
        """
        if field not in _FIELDS or (field == "blocks" and block is None):
            return None
        key = (lang, field, block if field == "blocks" else None)
        try:
            if key not in self._maps:
                self._maps[key] = self._finder.text_map(*key)
            text_map = self._maps[key]
            if text_map is None:
                return None
            raw = text_map.raw_span(*(span if span is not None else (0, text_map.length)))
        except (ValueError, IndexError, RecursionError, yaml.YAMLError):
            self._maps[key] = None
            return None
        if raw is None:
            return None
        line, column = self._lines.position(raw[0])
        end_line, end_column = self._lines.position(raw[1])
        return Place(line, column, end_line, end_column)

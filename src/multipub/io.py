"""Reading article files (JSON, YAML, JSONL, directories) strictly, and writing outputs whole.

Every way an input can be wrong ends as an :class:`InputProblem` naming the file, the line
(where the format tells it) and the JSON path, never as a traceback, and never stops the
other files of the run. Input files are only ever opened for reading.
"""

from __future__ import annotations

import codecs
import contextlib
import fnmatch
import json
import os
import re
import stat
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

import yaml
from pydantic import ValidationError

from multipub.locations import SourceMap
from multipub.models import Article
from multipub.pages import (
    DEFAULT_PAGE_OPTIONS,
    PAGE_SUFFIXES,
    PageError,
    PageOptions,
    article_of_page,
    read_page,
)
from multipub.yaml_loader import (
    DuplicateKeyError,
    StrictYamlLoader,
    check_expansion,
    yaml_line_of,
)

__all__ = [
    "ARTICLE_SUFFIXES",
    "DEFAULT_LIMITS",
    "InputError",
    "InputProblem",
    "Limits",
    "LoadedArticle",
    "Unit",
    "discover",
    "files_below",
    "iter_articles",
    "line_locator",
    "load_article",
    "open_output",
    "parse_article_text",
    "parse_unit",
    "read_units",
    "remove_pending_outputs",
    "units_of_file",
    "unreadable_because",
    "write_output",
]

ARTICLE_SUFFIXES = (".json", ".jsonl", ".yaml", ".yml")
_MAX_ERRORS_PER_FILE = 10


@dataclass(frozen=True, slots=True)
class InputProblem:
    """Why (part of) an input file could not be read: file, place and reason."""

    path: str
    message: str
    line: int | None = None
    json_path: str | None = None
    article: str | None = None

    def describe(self) -> str:
        """Return ``path:line: $.json.path: message`` with the parts that are known."""
        where = self.path + (f":{self.line}" if self.line else "")
        what = f"{self.json_path}: {self.message}" if self.json_path else self.message
        return f"{where}: {what}"


class InputError(Exception):
    """Raised by :func:`load_article` when a file cannot be read as articles."""

    def __init__(self, problems: list[InputProblem]) -> None:
        self.problems = problems
        super().__init__("; ".join(p.describe() for p in problems))


@dataclass(frozen=True, slots=True)
class LoadedArticle:
    """An article read from ``path`` (at ``line`` for JSONL files)."""

    path: str
    article: Article
    line: int | None = None
    # Where each text of the article sits in its file, from the text read (not re-read).
    places: SourceMap | None = None


@dataclass(frozen=True, slots=True)
class Limits:
    """What one file may hold before it is refused with an MP000 naming the limit, so that
    one hostile or broken file costs seconds, not hours. The defaults are far above real
    news (the largest FLORES-built article: 40 blocks of under 1,000 characters)."""

    max_file_bytes: int = 50_000_000
    max_blocks: int = 5_000
    max_block_chars: int = 200_000


DEFAULT_LIMITS = Limits()


def _over_the_limits(loaded: LoadedArticle, limits: Limits) -> InputProblem | None:
    """Return the MP000 of an article with too many or too long blocks, else None."""
    for lang, variant in sorted(loaded.article.variants.items()):
        if len(variant.blocks) > limits.max_blocks:
            return InputProblem(
                loaded.path,
                f"{len(variant.blocks):,} blocks, over the limit of {limits.max_blocks:,} "
                "(max_blocks)",
                loaded.line,
                f"$.variants.{lang}.blocks",
                loaded.article.id,
            )
        for index, block in enumerate(variant.blocks):
            if len(block.text) > limits.max_block_chars:
                return InputProblem(
                    loaded.path,
                    f"a block of {len(block.text):,} characters, over the limit of "
                    f"{limits.max_block_chars:,} (max_block_chars)",
                    loaded.line,
                    f"$.variants.{lang}.blocks[{index}]",
                    loaded.article.id,
                )
    return None


# ---------------------------------------------------------------------------------------
# Discovery


def files_below(
    directory: Path, suffixes: Iterable[str], unreadable: list[Path] | None = None
) -> list[Path]:
    """Return the entries below ``directory`` whose suffix is one of ``suffixes``, sorted by
    path, hidden files and folders (".git") left out. Entries that are no regular file (a
    FIFO, a dangling or looping link) are returned too, for the reader to report; folders
    that cannot be listed go to ``unreadable`` when it is given."""
    wanted = {s.lower() for s in suffixes}
    found: list[Path] = []

    def failed(error: OSError) -> None:
        if unreadable is not None and error.filename:
            unreadable.append(Path(error.filename))

    for root, folders, files in os.walk(directory, onerror=failed):
        folders[:] = sorted(f for f in folders if not f.startswith("."))
        base = Path(root)
        found.extend(
            base / name
            for name in files
            if not name.startswith(".") and Path(name).suffix.lower() in wanted
        )
    return sorted(found, key=lambda p: p.as_posix())


def discover(
    paths: Iterable[str | os.PathLike[str]],
    *,
    exclude: Iterable[str] = (),
    pages: bool = False,
) -> Iterator[tuple[str, Path | None]]:
    """Yield ``(display_path, file)`` for every article file named by ``paths``.

    A directory stands for every article file below it (hidden entries and those matching
    an ``exclude`` glob skipped), sorted by path, and with ``pages`` every published page
    (.html, .htm, .txt) too. ``file`` is None when the path does not exist, so the caller
    can report it; a folder below that cannot be listed is yielded too, for the reader to
    report.
    """
    patterns = tuple(exclude)
    suffixes = (*ARTICLE_SUFFIXES, *PAGE_SUFFIXES) if pages else ARTICLE_SUFFIXES
    for given in paths:
        path = Path(given)
        if path.is_dir():
            unreadable: list[Path] = []
            entries = files_below(path, suffixes, unreadable)
            for p in sorted([*entries, *unreadable], key=lambda p: p.as_posix()):
                if patterns and _excluded(p.relative_to(path).as_posix(), patterns):
                    continue
                yield p.as_posix(), p
        elif path.exists() or path.is_symlink():
            yield path.as_posix(), path
        else:
            yield path.as_posix(), None


def _excluded(relative: str, patterns: tuple[str, ...]) -> bool:
    """Return True when a path below a given folder, or one of its folders, matches an
    exclude glob ("drafts", "drafts/*", "*.tmp.json", "**/old/*")."""
    parts = relative.split("/")
    for pattern in patterns:
        bare = pattern.rstrip("/")
        if fnmatch.fnmatchcase(relative, bare) or fnmatch.fnmatchcase(relative, bare + "/*"):
            return True
        if any(fnmatch.fnmatchcase(part, bare) for part in parts):
            return True
        if bare.startswith("**/") and any(
            fnmatch.fnmatchcase("/".join(parts[k:]), bare[3:]) for k in range(len(parts))
        ):
            return True
    return False


# ---------------------------------------------------------------------------------------
# Parsing


def _pairs_without_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise DuplicateKeyError(key)
            seen.add(key)
    return result


class _NumberTooLong(ValueError):
    """An integer longer than Python converts (4,300 digits): no article holds one."""


def _bounded_int(digits: str) -> int:
    if len(digits.lstrip("-")) > 4000:
        raise _NumberTooLong(f"a number of {len(digits)} digits")
    return int(digits)


class _NotJson(ValueError):
    """NaN or Infinity: Python reads them, JSON has no such values."""


def _no_constants(name: str) -> Any:
    raise _NotJson(name)


_JSON_DECODER = json.JSONDecoder(
    object_pairs_hook=_pairs_without_duplicates,
    parse_int=_bounded_int,
    parse_constant=_no_constants,
)
# Where a NaN or Infinity stands as a value (not inside a string, most likely).
_JSON_CONSTANT = re.compile(r"(?<=[:\[,\s])-?(?:NaN|Infinity)(?=[\s,\]}])")
# An escaped lone surrogate ("\ud800") parses to a str that cannot be written as UTF-8.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")
_SURROGATE = re.compile("[\ud800-\udfff]")


def _json_path(loc: Iterable[int | str]) -> str:
    out = "$"
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif part.isidentifier():
            out += f".{part}"
        else:
            out += f"[{json.dumps(part, ensure_ascii=False)}]"
    return out


def _find_surrogate(data: Any, loc: tuple[int | str, ...] = ()) -> tuple[int | str, ...] | None:
    """Return the location of the first string holding a lone surrogate, or None."""
    stack: list[tuple[Any, tuple[int | str, ...]]] = [(data, loc)]
    while stack:
        value, where = stack.pop()
        if isinstance(value, str):
            if _SURROGATE.search(value):
                return where
        elif isinstance(value, dict):
            for key, item in reversed(list(value.items())):
                if isinstance(key, str) and _SURROGATE.search(key):
                    return where
                stack.append((item, (*where, str(key))))
        elif isinstance(value, list):
            stack.extend((item, (*where, i)) for i, item in reversed(list(enumerate(value))))
    return None


def _scan_string(text: str, end: int) -> tuple[str, int]:
    """Return the JSON string starting after the quote at ``end - 1``, and where it ends."""
    scan: Any = json.decoder.scanstring  # type: ignore[attr-defined]  # not in typeshed
    result: tuple[str, int] = scan(text, end)
    return result


class _JsonPositions:
    """Finds the line of a JSON path, and duplicate keys with their line, in valid JSON.

    Only used once a file has failed, so it favours clarity over speed.
    """

    _WS = re.compile(r"[ \t\n\r]*")
    _SCALAR = re.compile(r"-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?|true|false|null")

    def __init__(self, text: str) -> None:
        self.text = text
        self.positions: dict[tuple[int | str, ...], int] = {}
        self.duplicate: tuple[str, int] | None = None
        self._parse(self._skip(0), ())

    def line_of(self, loc: tuple[int | str, ...]) -> int | None:
        """Return the 1-based line of the deepest known value along ``loc``."""
        for cut in range(len(loc), -1, -1):
            pos = self.positions.get(tuple(loc[:cut]))
            if pos is not None:
                return self.text.count("\n", 0, pos) + 1
        return None

    def _skip(self, pos: int) -> int:
        match = self._WS.match(self.text, pos)
        return match.end() if match else pos

    def _parse(self, pos: int, loc: tuple[int | str, ...]) -> int:
        self.positions[loc] = pos
        char = self.text[pos : pos + 1]
        if char == "{":
            pos = self._skip(pos + 1)
            seen: set[str] = set()
            if self.text[pos : pos + 1] == "}":
                return pos + 1
            while True:
                key_start = pos
                key, pos = _scan_string(self.text, pos + 1)
                if key in seen and self.duplicate is None:
                    self.duplicate = (key, self.text.count("\n", 0, key_start) + 1)
                seen.add(key)
                pos = self._skip(self._skip(pos) + 1)  # past ':'
                pos = self._skip(self._parse(pos, (*loc, key)))
                if self.text[pos] == "}":
                    return pos + 1
                pos = self._skip(pos + 1)  # past ','
        if char == "[":
            pos = self._skip(pos + 1)
            if self.text[pos : pos + 1] == "]":
                return pos + 1
            index = 0
            while True:
                pos = self._skip(self._parse(pos, (*loc, index)))
                index += 1
                if self.text[pos] == "]":
                    return pos + 1
                pos = self._skip(pos + 1)
        if char == '"':
            return _scan_string(self.text, pos + 1)[1]
        match = self._SCALAR.match(self.text, pos)
        return match.end() if match else pos + 1


def _validation_problems(
    error: ValidationError,
    path: str,
    line_of: Any,
    base_line: int | None,
    article_id: str | None,
) -> list[InputProblem]:
    problems = []
    for err in error.errors(include_url=False)[:_MAX_ERRORS_PER_FILE]:
        loc = tuple(err["loc"])
        message = str(err["msg"]).removeprefix("Value error, ")
        if err["type"] == "extra_forbidden":
            message = f"unknown field {str(loc[-1])!r}"
        elif err["type"] == "missing":
            message = f"missing required field {str(loc[-1])!r}"
        # pydantic marks a bad dict key with a trailing "[key]" part.
        if loc and loc[-1] == "[key]":
            loc = loc[:-1]
            message = f"bad key: {message}"
        line = line_of(loc) if line_of else None
        if line is not None and base_line is not None:
            line += base_line - 1
        problems.append(InputProblem(path, message, line or base_line, _json_path(loc), article_id))
    extra = error.error_count() - _MAX_ERRORS_PER_FILE
    if extra > 0:
        problems.append(InputProblem(path, f"... and {extra} more schema errors", base_line))
    return problems


def _duplicate_line(text: str, base_line: int | None) -> int | None:
    """Return the file line of the first duplicate key of valid JSON ``text``."""
    try:
        positions = _JsonPositions(text)
    except (IndexError, ValueError, RecursionError):
        return base_line
    if positions.duplicate is None:
        return base_line
    return positions.duplicate[1] + (base_line - 1 if base_line is not None else 0)


def _article_from_json(text: str, path: str, base_line: int | None) -> Article | list[InputProblem]:
    """Parse one JSON document as an article; return it or its problems."""
    try:
        data = _JSON_DECODER.decode(text)
    except DuplicateKeyError as dup:
        # The duplicate is seen when its object closes, before a later syntax error: the
        # text may still be no JSON at all, and then that is the problem to report.
        try:
            json.loads(text, parse_constant=_no_constants)
        except (json.JSONDecodeError, _NotJson, _NumberTooLong, RecursionError) as err:
            if isinstance(err, json.JSONDecodeError):
                at = err.lineno + (base_line - 1 if base_line else 0)
                return [InputProblem(path, f"invalid JSON: {err.msg} (column {err.colno})", at)]
            return [InputProblem(path, f"invalid JSON: {err}", base_line)]
        return [InputProblem(path, f"duplicate key {dup.key!r}", _duplicate_line(text, base_line))]
    except json.JSONDecodeError as err:
        line = err.lineno + (base_line - 1 if base_line else 0)
        return [InputProblem(path, f"invalid JSON: {err.msg} (column {err.colno})", line)]
    except RecursionError:
        return [InputProblem(path, "invalid JSON: nested too deeply", base_line)]
    except _NumberTooLong as err:
        return [InputProblem(path, f"invalid JSON: {err}", base_line)]
    except _NotJson as err:
        found = _JSON_CONSTANT.search(text)
        at_line = text.count("\n", 0, found.start()) + 1 if found else None
        if at_line is not None and base_line is not None:
            at_line += base_line - 1
        return [InputProblem(path, f"invalid JSON: {err} is no JSON value", at_line or base_line)]
    return _validate(data, text, path, base_line, json_positions=True)


def _validate(
    data: Any, text: str, path: str, base_line: int | None, *, json_positions: bool
) -> Article | list[InputProblem]:
    if not isinstance(data, dict):
        kind = type(data).__name__ if data is not None else "nothing"
        return [InputProblem(path, f"expected an article object, found {kind}", base_line, "$")]
    article_id = data.get("id") if isinstance(data.get("id"), str) else None
    if _SURROGATE_ESCAPE.search(text):
        where = _find_surrogate(data)
        if where is not None:
            line = base_line
            if json_positions:
                try:
                    line = _JsonPositions(text).line_of(where) or base_line
                except (RecursionError, ValueError, IndexError):
                    line = base_line
            return [
                InputProblem(
                    path,
                    "text holds a lone surrogate escape (\\ud800-\\udfff): not a character",
                    line,
                    _json_path(where),
                    article_id,
                )
            ]
    try:
        return Article.model_validate(data)
    except ValidationError as err:
        line_of = None
        if json_positions:
            try:
                line_of = _JsonPositions(text).line_of
            except (RecursionError, ValueError, IndexError):
                line_of = None
        return _validation_problems(err, path, line_of, base_line, article_id)
    except RecursionError:
        return [InputProblem(path, "nested too deeply", base_line, None, article_id)]


def _article_from_yaml(text: str, path: str) -> Article | list[InputProblem]:
    loader = StrictYamlLoader(text)
    try:
        root = loader.get_single_node()
        check_expansion(root)
        data = loader.construct_document(root) if root is not None else None
    except DuplicateKeyError as dup:
        return [InputProblem(path, f"duplicate key {dup.key!r}", dup.line)]
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 if mark is not None else None
        what = err.problem or err.context or "syntax error"
        return [InputProblem(path, f"invalid YAML: {what}", line)]
    except (yaml.YAMLError, RecursionError) as err:
        return [InputProblem(path, f"invalid YAML: {err}")]
    finally:
        loader.dispose()
    result = _validate(data, text, path, None, json_positions=False)
    if isinstance(result, Article):
        return result
    line_of = yaml_line_of(root)
    return [_with_yaml_line(p, line_of) if p.json_path and p.line is None else p for p in result]


def _with_yaml_line(problem: InputProblem, line_of: Any) -> InputProblem:
    loc = _loc_from_json_path(problem.json_path or "$")
    return InputProblem(
        problem.path, problem.message, line_of(loc), problem.json_path, problem.article
    )


_PATH_PART = re.compile(r'\.([^.\[]+)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]')


def _loc_from_json_path(json_path: str) -> tuple[int | str, ...]:
    loc: list[int | str] = []
    for name, index, quoted in _PATH_PART.findall(json_path[1:]):
        loc.append(name or (int(index) if index else json.loads(quoted)))
    return tuple(loc)


def _decode(raw: bytes, path: str) -> str | InputProblem:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw.count(b"\n", 0, err.start) + 1
        return InputProblem(
            path, f"not valid UTF-8: byte 0x{raw[err.start]:02x} at offset {err.start}", line
        )
    return text.removeprefix("\ufeff")


def parse_article_text(
    text: str, path: str, fmt: str, first_line: int = 1, page: PageOptions | None = None
) -> Iterator[LoadedArticle | InputProblem]:
    """Yield the articles of ``text`` read as ``fmt`` (json, jsonl, yaml, or page: an HTML
    or text page read with ``page``'s options), or the problems; JSONL ``text`` may be a
    run of a file's lines starting at line ``first_line``."""
    if fmt == "page":
        yield _article_from_page(text, path, page or DEFAULT_PAGE_OPTIONS)
        return
    if fmt == "jsonl":
        for number, line_text in enumerate(text.split("\n"), start=first_line):
            if not line_text.strip():
                continue
            result = _article_from_json(line_text, path, number)
            if isinstance(result, Article):
                yield LoadedArticle(path, result, number, SourceMap.from_json(line_text, number))
            else:
                yield from result
        return
    if fmt == "yaml":
        result = _article_from_yaml(text, path)
        places = SourceMap.from_yaml(text)
    else:
        result = _article_from_json(text, path, None)
        places = SourceMap.from_json(text)
    if isinstance(result, Article):
        yield LoadedArticle(path, result, places=places)
    else:
        yield from result


def _article_from_page(text: str, path: str, options: PageOptions) -> LoadedArticle | InputProblem:
    """Return the article of one published page, or why it cannot be read."""
    try:
        page = read_page(text, path, options)
    except PageError as err:
        return InputProblem(path, err.message, err.line)
    places = SourceMap.from_regions(text, page.regions) if page.regions else None
    return LoadedArticle(path, article_of_page(page, options), places=places)


def _format_of(path: Path) -> str | None:
    suffix = path.suffix.lower()
    if suffix in PAGE_SUFFIXES:
        return "page"
    return {".json": "json", ".jsonl": "jsonl", ".yaml": "yaml", ".yml": "yaml"}.get(suffix)


_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


# What a browser reads a page's declared charset as (the WHATWG Encoding Standard):
# Latin-1 and ASCII labels mean windows-1252, and a UTF-16 label in a page that could be
# read far enough to find it means UTF-8.
_BROWSER_CODECS = {
    "iso8859-1": "cp1252",
    "ascii": "cp1252",
    "utf-16": "utf-8",
    "utf-16-le": "utf-8",
    "utf-16-be": "utf-8",
}


def _decode_page(raw: bytes, path: str) -> str | InputProblem:
    """Return an HTML page's text as a browser decodes it: by its byte order mark, else
    by the charset its ``<meta>`` declares (pages older than UTF-8 sites still exist),
    else as UTF-8; or the problem."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError as err:
            return InputProblem(path, f"not valid UTF-16: byte offset {err.start}")
    declared = None if raw.startswith(b"\xef\xbb\xbf") else _CHARSET.search(raw[:4096])
    if declared is not None:
        name = declared.group(1).decode("ascii", "replace")
        try:
            codec = codecs.lookup(name).name
        except LookupError:
            return InputProblem(path, f"the page declares an unknown charset '{name}'")
        codec = _BROWSER_CODECS.get(codec, codec)
        if codec != "utf-8":
            try:
                return raw.decode(codec)
            except UnicodeDecodeError as err:
                return InputProblem(
                    path, f"not valid {name}: byte 0x{raw[err.start]:02x} at offset {err.start}"
                )
            except (LookupError, UnicodeError):  # base64, rot13: codecs, not charsets
                return InputProblem(path, f"the page declares '{name}', not a text encoding")
    return _decode(raw, path)


def unreadable_because(path: Path) -> str | None:
    """Return why ``path`` cannot be read as a file without opening it (opening a FIFO
    waits for a writer forever), or None for a regular file."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return "a link to nothing" if path.is_symlink() else "no such file or directory"
    except OSError as err:
        return f"cannot read: {err.strerror or err}"
    if stat.S_ISDIR(mode):
        try:
            next(os.scandir(path), None)
        except OSError as err:
            return f"cannot list the folder: {err.strerror or err}"
        return "a folder, not a file"
    if not stat.S_ISREG(mode):
        kind = (
            "a FIFO"
            if stat.S_ISFIFO(mode)
            else "a device"
            if stat.S_ISCHR(mode) or stat.S_ISBLK(mode)
            else "a socket"
            if stat.S_ISSOCK(mode)
            else "no regular file"
        )
        return f"not read: {kind}, not a regular file"
    return None


def read_file(
    display: str, path: Path | None, page: PageOptions | None = None
) -> Iterator[LoadedArticle | InputProblem]:
    """Yield the articles of one file, or the problems that kept them from being read; a
    published page is read with ``page``'s options."""
    for unit in units_of_file(display, path, page=page):
        if isinstance(unit, InputProblem):
            yield unit
        else:
            yield from parse_article_text(
                unit.text, unit.path, unit.fmt, unit.first_line, unit.page
            )


@dataclass(frozen=True, slots=True)
class Unit:
    """Text to parse into articles: a whole JSON or YAML file, a run of a JSONL file's
    lines starting at ``first_line``, or a published page (``fmt`` "page", read with
    ``page``'s options). Units are what parallel runs hand to workers."""

    path: str
    fmt: str
    text: str
    first_line: int = 1
    page: PageOptions | None = None


# JSONL lines handed to a worker at once: enough to outweigh the cost of a hand-over,
# few enough to keep every core busy and memory flat on a file of any size.
_JSONL_LINES_PER_UNIT = 16


def read_units(
    paths: Iterable[str | os.PathLike[str]],
    limits: Limits = DEFAULT_LIMITS,
    *,
    exclude: Iterable[str] = (),
    stdin: tuple[str, str | bytes] | None = None,
    page: PageOptions | None = None,
) -> Iterator[Unit | InputProblem]:
    """Yield the text of every article file below ``paths`` in path order, as units to
    parse, with the problems of the files that cannot be read in their place.

    A published page (.html, .htm, .txt) named in ``paths`` is read with ``page``'s
    options; below a folder only article files are read (a folder's stray README.txt is
    not an article), and pages too when ``page.below_folders``.

    A JSONL file is read line by line, in runs of lines (constant memory whatever its
    size; ``max_file_bytes`` applies to each line, an article). A path ``-`` reads
    ``stdin``: (the name to show, the text or the bytes read), JSON unless the name ends
    in .jsonl or .yaml/.yml.
    """
    below = page is not None and page.below_folders
    for display, path in discover(paths, exclude=exclude, pages=below):
        if display == "-" and stdin is not None:
            name, content = stdin
            fmt = _format_of(Path(name)) or "json"
            # Bytes as read (the CLI's): decoded here as a file's are (a page by its BOM
            # or declared charset), so that bytes that are no UTF-8 are an MP000 naming
            # the place, whatever the locale.
            is_html = fmt == "page" and Path(name).suffix.lower() != ".txt"
            decode = _decode_page if is_html else _decode
            text = decode(content, name) if isinstance(content, bytes) else content
            if isinstance(text, InputProblem):
                yield text
                continue
            options = (page or DEFAULT_PAGE_OPTIONS) if fmt == "page" else None
            yield Unit(name, fmt, text.removeprefix("\ufeff"), page=options)
            continue
        yield from units_of_file(display, path, limits, page=page)


def units_of_file(
    display: str,
    path: Path | None,
    limits: Limits = DEFAULT_LIMITS,
    *,
    page: PageOptions | None = None,
) -> Iterator[Unit | InputProblem]:
    """Yield the units of one file (see :func:`read_units`), or why it cannot be read."""
    if path is None:
        yield InputProblem(display, "no such file or directory")
        return
    not_a_file = unreadable_because(path)
    if not_a_file is not None:
        yield InputProblem(display, not_a_file)
        return
    fmt = _format_of(path)
    if fmt is None:
        yield InputProblem(
            display,
            f"not an article file (expected {', '.join(ARTICLE_SUFFIXES)}, "
            f"or a page: {', '.join(PAGE_SUFFIXES)})",
        )
        return
    if fmt == "jsonl":
        yield from _jsonl_units(display, path, limits)
        return
    size = path.stat().st_size
    if size > limits.max_file_bytes:
        yield InputProblem(
            display,
            f"{size:,} bytes, over the limit of {limits.max_file_bytes:,} (max_file_bytes)",
        )
        return
    try:
        raw = path.read_bytes()
    except OSError as err:
        yield InputProblem(display, f"cannot read: {err.strerror or err}")
        return
    is_html = fmt == "page" and path.suffix.lower() != ".txt"
    decoded = _decode_page(raw, display) if is_html else _decode(raw, display)
    if isinstance(decoded, InputProblem):
        yield decoded
        return
    options = (page or DEFAULT_PAGE_OPTIONS) if fmt == "page" else None
    yield Unit(display, fmt, decoded, page=options)


def _jsonl_units(display: str, path: Path, limits: Limits) -> Iterator[Unit | InputProblem]:
    """Yield a JSONL file's lines in runs, each line decoded and held to the size limit."""
    try:
        handle = path.open("rb")
    except OSError as err:
        yield InputProblem(display, f"cannot read: {err.strerror or err}")
        return
    with handle:
        lines: list[str] = []
        first = 1
        try:
            for number, raw in enumerate(handle, start=1):
                if number == 1:
                    raw = raw.removeprefix(b"\xef\xbb\xbf")
                problem: InputProblem | None = None
                if len(raw) > limits.max_file_bytes:
                    problem = InputProblem(
                        display,
                        f"a line of {len(raw):,} bytes, over the limit of "
                        f"{limits.max_file_bytes:,} (max_file_bytes)",
                        number,
                    )
                else:
                    try:
                        text = raw.decode("utf-8").rstrip("\r\n")
                    except UnicodeDecodeError as err:
                        problem = InputProblem(
                            display,
                            f"not valid UTF-8: byte 0x{raw[err.start]:02x} at offset {err.start}",
                            number,
                        )
                if problem is not None:
                    # In line order: the lines before it first.
                    if lines:
                        yield Unit(display, "jsonl", "\n".join(lines), first)
                        lines = []
                    yield problem
                    continue
                if not lines:
                    first = number
                lines.append(text)
                if len(lines) >= _JSONL_LINES_PER_UNIT:
                    yield Unit(display, "jsonl", "\n".join(lines), first)
                    lines = []
        except OSError as err:
            yield InputProblem(display, f"cannot read: {err.strerror or err}")
            return
        if lines:
            yield Unit(display, "jsonl", "\n".join(lines), first)


def parse_unit(
    unit: Unit, limits: Limits = DEFAULT_LIMITS
) -> Iterator[LoadedArticle | InputProblem]:
    """Yield the articles of ``unit``, or their problems (an article over ``limits`` is a
    problem saying which limit)."""
    for item in parse_article_text(unit.text, unit.path, unit.fmt, unit.first_line, unit.page):
        over = _over_the_limits(item, limits) if isinstance(item, LoadedArticle) else None
        yield item if over is None else over


def iter_articles(
    paths: Iterable[str | os.PathLike[str]],
    limits: Limits = DEFAULT_LIMITS,
    *,
    exclude: Iterable[str] = (),
    stdin: tuple[str, str | bytes] | None = None,
    page: PageOptions | None = None,
) -> Iterator[LoadedArticle | InputProblem]:
    """Yield every article below ``paths`` in path order, with problems in their place (a
    file or an article over ``limits`` is a problem saying which limit). Below a folder,
    files and folders matching an ``exclude`` glob are not read; a file named on its own
    always is. A path ``-`` reads ``stdin`` (see :func:`read_units`); a published page
    named in ``paths`` is read with ``page``'s options."""
    for unit in read_units(paths, limits, exclude=exclude, stdin=stdin, page=page):
        if isinstance(unit, InputProblem):
            yield unit
        else:
            yield from parse_unit(unit, limits)


def load_article(path: str | os.PathLike[str]) -> Article:
    """Return the one article in ``path``; raise :class:`InputError` if it cannot be read."""
    results = list(read_file(Path(path).as_posix(), Path(path) if Path(path).exists() else None))
    problems = [r for r in results if isinstance(r, InputProblem)]
    if problems:
        raise InputError(problems)
    if len(results) != 1:
        raise InputError(
            [InputProblem(Path(path).as_posix(), f"expected one article, found {len(results)}")]
        )
    loaded = results[0]
    assert isinstance(loaded, LoadedArticle)  # problems were handled above
    return loaded.article


# ---------------------------------------------------------------------------------------
# Writing


def write_output(
    path: str | os.PathLike[str], content: str, *, inputs: Iterable[str | os.PathLike[str]] = ()
) -> None:
    """Write ``content`` to ``path`` whole or not at all (temporary file, then rename).

    Only a regular file is written or replaced: a device, a FIFO, a folder or a link is
    refused, and so is any of ``inputs`` (a run never overwrites what it reads); raise
    OSError saying why. The temporary file is removed when the write fails or a signal
    stops the run.
    """
    with open_output(path, inputs=inputs) as handle:
        handle.write(content)


@contextlib.contextmanager
def open_output(
    path: str | os.PathLike[str], *, inputs: Iterable[str | os.PathLike[str]] = ()
) -> Iterator[TextIO]:
    """Yield a text handle whose content replaces ``path`` when the block ends without an
    error, and is thrown away otherwise: a report streamed as it is made is still written
    whole or not at all. The same refusals as :func:`write_output`."""
    target = Path(path)
    _refuse_output(target, inputs)
    directory = target.parent
    fd, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    _PENDING.add(temp_name)
    # mkstemp creates the file readable by its owner only; a report is an ordinary file:
    # keep the mode of the file it replaces, or the one the umask gives a new file.
    try:
        mode = target.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    os.fchmod(fd, mode)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        Path(temp_name).replace(target)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    finally:
        _PENDING.discard(temp_name)


# Temporary output files being written: a SIGTERM handler (the CLI's) removes them.
_PENDING: set[str] = set()


def remove_pending_outputs() -> None:
    """Remove the temporary files of writes a signal interrupted."""
    for name in list(_PENDING):
        Path(name).unlink(missing_ok=True)
        _PENDING.discard(name)


def _refuse_output(target: Path, inputs: Iterable[str | os.PathLike[str]]) -> None:
    """Raise OSError when ``target`` is no place for a report."""
    if target.is_symlink():
        raise OSError(f"{target} is a link: not replaced")
    try:
        mode = target.stat().st_mode
    except FileNotFoundError:
        mode = None
    if mode is not None and not stat.S_ISREG(mode):
        kind = "a folder" if stat.S_ISDIR(mode) else "not a regular file"
        raise OSError(f"{target} is {kind}: not replaced")
    if mode is not None:
        resolved = target.resolve()
        for given in inputs:
            source = Path(given)
            if source.exists() and (
                source.resolve() == resolved
                or (source.is_dir() and resolved.is_relative_to(source.resolve()))
            ):
                raise OSError(f"{target} is an input of this run: not overwritten")


# ---------------------------------------------------------------------------------------
# Lines of a file's texts, for formats that show them (SARIF, GitHub, JUnit)


def line_locator(path: Path) -> Any:
    """Return a function from a JSON path (tuple) to a 1-based line of ``path``, or None."""
    try:
        text = path.read_bytes().decode("utf-8").removeprefix("\ufeff")
    except (OSError, UnicodeDecodeError):
        return None
    fmt = _format_of(path)
    try:
        if fmt == "json":
            return _JsonPositions(text).line_of
        if fmt == "yaml":
            loader = StrictYamlLoader(text)
            try:
                return yaml_line_of(loader.get_single_node())
            finally:
                loader.dispose()
    except (yaml.YAMLError, ValueError, IndexError, RecursionError):
        return None
    return None

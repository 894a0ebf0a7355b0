"""A desk's configuration file: ``[tool.multipub]`` in ``pyproject.toml``, or ``multipub.toml``.

The file is found by walking up from the working directory, as ruff and mypy find theirs:
the first folder holding a ``multipub.toml``, or a ``pyproject.toml`` with a
``[tool.multipub]`` table, wins (``multipub.toml`` first in one folder). Keys are the
fields of :class:`~multipub.config.Config` in kebab-case or snake_case, plus ``glossary``
and ``baseline`` (paths relative to the file), ``extend-exclude`` and per-language tables
(``[tool.multipub.lang.zh]``). Command-line flags win over the file; the file wins over
the defaults. An unknown key or a bad value is a :class:`ConfigFileError` naming the file,
the line and the key (exit status 2).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from multipub.checks import UnknownCodeError, select_rules
from multipub.config import Config

__all__ = ["ConfigFileError", "Settings", "find_config_file", "load_settings"]

# Keys of the file that are not Config fields.
_PATH_KEYS = ("glossary", "baseline")
_EXTRA_KEYS = frozenset({*_PATH_KEYS, "extend_exclude", "format"})
_FORMATS = ("text", "json", "jsonl", "sarif", "junit", "github", "html")


class ConfigFileError(Exception):
    """A configuration file that cannot be used: where and why, in one line."""

    def __init__(self, path: Path, message: str, line: int | None = None) -> None:
        self.path, self.line = path, line
        where = f"{path}:{line}" if line else str(path)
        super().__init__(f"{where}: {message}")


@dataclass(frozen=True)
class Settings:
    """The values a configuration file gives, and where each came from."""

    path: Path | None
    values: dict[str, Any] = field(default_factory=dict)  # Config fields, snake_case
    glossary: tuple[str, ...] = ()
    baseline: str | None = None
    format: str | None = None

    def origin(self) -> str:
        """Return how the file is named in ``multipub config``."""
        if self.path is None:
            return "default"
        return (
            f"{self.path.name} [tool.multipub]"
            if self.path.name == "pyproject.toml"
            else (self.path.name)
        )


def find_config_file(start: Path) -> Path | None:
    """Return the configuration file that applies in folder ``start``, or None."""
    folder = start.resolve()
    for candidate in (folder, *folder.parents):
        own = candidate / "multipub.toml"
        if own.is_file():
            return own
        pyproject = candidate / "pyproject.toml"
        if pyproject.is_file() and _has_tool_table(pyproject):
            return pyproject
    return None


def _has_tool_table(pyproject: Path) -> bool:
    try:
        data = tomllib.loads(pyproject.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        # A broken pyproject.toml of the desk's is theirs to report; it only counts here
        # when it may hold our table.
        return "[tool.multipub" in pyproject.read_text("utf-8", errors="replace")
    tool = data.get("tool")
    return isinstance(tool, dict) and "multipub" in tool


def load_settings(path: Path) -> Settings:
    """Return the settings of configuration file ``path``; raise ConfigFileError."""
    try:
        text = path.read_text("utf-8")
    except OSError as err:
        raise ConfigFileError(path, f"cannot read: {err.strerror or err}") from err
    except UnicodeDecodeError as err:
        raise ConfigFileError(path, "not valid UTF-8") from err
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        line = _decode_error_line(str(err))
        raise ConfigFileError(path, f"invalid TOML: {err}", line) from err
    table_name = "tool.multipub" if path.name == "pyproject.toml" else ""
    table: Any = data
    if table_name:
        table = data.get("tool", {}).get("multipub")
        if table is None:
            raise ConfigFileError(path, "no [tool.multipub] table")
    if not isinstance(table, dict):
        raise ConfigFileError(path, f"[{table_name}] must be a table")
    lines = _KeyLines(text, table_name)
    return _settings_from(path, table, lines)


def _decode_error_line(message: str) -> int | None:
    found = re.search(r"line (\d+)", message)
    return int(found.group(1)) if found else None


def _settings_from(path: Path, table: dict[str, Any], lines: _KeyLines) -> Settings:
    known = set(Config.model_fields) | _EXTRA_KEYS
    values: dict[str, Any] = {}
    extras: dict[str, Any] = {}
    written: dict[str, str] = {}
    for raw_key, value in table.items():
        key = raw_key.replace("-", "_")
        if key not in known:
            hint = _closest(key, known)
            raise ConfigFileError(
                path,
                f"unknown key {raw_key!r}{hint}",
                lines.line_of(raw_key),
            )
        written[key] = raw_key
        if key in _EXTRA_KEYS:
            extras[key] = value
        else:
            values[key] = _kebab_keys(value) if key == "lang" else value
    if "extend_exclude" in extras:
        values["exclude"] = [
            *_strings(values.get("exclude", [])),
            *_strings(extras["extend_exclude"]),
        ]
    try:
        config = Config.model_validate(values)
    except ValidationError as err:
        first = err.errors(include_url=False)[0]
        loc = [str(part) for part in first["loc"]]
        key = written.get(loc[0], loc[0]) if loc else "?"
        dotted = ".".join([key, *loc[1:]])
        message = str(first["msg"])
        if first["type"] == "extra_forbidden":
            message = "unknown key"
        raise ConfigFileError(path, f"{dotted}: {message}", lines.line_of(key, *loc[1:])) from err
    for key, codes in (("select", config.select), ("ignore", config.ignore)):
        _check_codes(path, lines, written.get(key, key), codes)
    _check_codes(path, lines, written.get("severity", "severity"), tuple(config.severity))
    for pattern, codes in config.per_path_ignores.items():
        _check_codes(path, lines, written.get("per_path_ignores", "per-path-ignores"), codes)
        del pattern
    for tag, options in config.lang.items():
        _check_codes(path, lines, f"lang.{tag}.ignore", options.ignore)
    base = path.parent
    glossary = tuple(
        (base / item).as_posix() for item in _path_list(path, lines, extras.get("glossary"))
    )
    baseline = extras.get("baseline")
    if baseline is not None and not isinstance(baseline, str):
        raise ConfigFileError(path, "baseline: expected a path", lines.line_of("baseline"))
    fmt = extras.get("format")
    if fmt is not None and fmt not in _FORMATS:
        raise ConfigFileError(
            path, f"format: {fmt!r} is not one of {', '.join(_FORMATS)}", lines.line_of("format")
        )
    return Settings(
        path=path,
        values=config.model_dump(include=set(values), mode="python"),
        glossary=glossary,
        baseline=(base / baseline).as_posix() if baseline else None,
        format=fmt,
    )


def _check_codes(path: Path, lines: _KeyLines, key: str, codes: tuple[str, ...]) -> None:
    try:
        select_rules(codes, ())
    except UnknownCodeError as err:
        first = key.split(".")[0]
        raise ConfigFileError(path, f"{key}: {err}", lines.line_of(first)) from err


def _path_list(path: Path, lines: _KeyLines, value: object) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return list(value)
    raise ConfigFileError(
        path, "glossary: expected a path or a list of paths", lines.line_of("glossary")
    )


def _strings(value: object) -> list[str]:
    return [str(v) for v in value] if isinstance(value, list) else [str(value)]


def _kebab_keys(value: object) -> object:
    """Return per-language tables with their keys in snake_case."""
    if not isinstance(value, Mapping):
        return value
    return {
        tag: {k.replace("-", "_"): v for k, v in options.items()}
        if isinstance(options, Mapping)
        else options
        for tag, options in value.items()
    }


def _closest(key: str, known: set[str]) -> str:
    import difflib

    found = difflib.get_close_matches(key, sorted(known), n=1)
    return f" (did you mean {found[0].replace('_', '-')!r}?)" if found else ""


class _KeyLines:
    """Finds the line of a key in a TOML file (tomllib keeps no positions): the key's
    assignment inside the table, or the header of the table named after it."""

    _HEADER = re.compile(r"^\s*\[+\s*([^\]]+?)\s*\]+")

    def __init__(self, text: str, table: str) -> None:
        self.lines = text.splitlines()
        self.table = table

    def line_of(self, key: str, *inner: str) -> int | None:
        """Return the 1-based line of ``key`` (then of ``inner`` keys below it): where
        the deepest of them is assigned or its table begins, else the first line that
        belongs to ``key``; None when the file does not name it."""
        top = _snake(".".join(p for p in (self.table, key) if p))
        target = _snake(".".join([top, *inner]))
        current = _snake(self.table)
        first: int | None = None
        for number, line in enumerate(self.lines, start=1):
            header = self._HEADER.match(line)
            if header:
                current = _snake(_unquote(header.group(1)))
                if current == target:
                    return number
                if first is None and (current == top or current.startswith(top + ".")):
                    first = number
                continue
            assignment = re.match(r"\s*(\"[^\"]*\"|'[^']*'|[A-Za-z0-9_.-]+)\s*=", line)
            if not assignment:
                continue
            full = _snake(".".join(p for p in (current, _unquote(assignment.group(1))) if p))
            if full == target or target.startswith(full + "."):
                # The key itself, or an inline table holding it.
                return number
            if first is None and (full == top or full.startswith(top + ".")):
                first = number
        return first


def _snake(dotted: str) -> str:
    return dotted.replace("-", "_")


def _unquote(dotted: str) -> str:
    return ".".join(part.strip().strip("\"'") for part in dotted.split("."))

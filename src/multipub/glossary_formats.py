"""Glossary files in YAML, CSV and TBX: reading, writing and converting them (CONTRACT §2).

YAML is the glossary's own format (:func:`multipub.glossary.load_glossary` reads it). CSV is
for spreadsheets and TBX for CAT tools and termbases. Each format holds everything a
:class:`~multipub.glossary.Glossary` holds, so YAML -> CSV -> YAML and YAML -> TBX -> YAML
give back the same glossary. Every reading error is a :class:`GlossaryError` naming the
file, the line, and where known the entry id and the field.

YAML
----
As in CONTRACT §2. :func:`to_yaml` writes block style, entries separated by a blank line,
keys in the order ``id, kind, gender, terms, roles, note``, a language whose only form is
the preferred one as a plain string, dates as ``YYYY-MM-DD``, and empty fields left out.

CSV
---
UTF-8 (a leading byte order mark is skipped), comma separated, fields quoted where needed
(the :mod:`csv` module's "excel" dialect), ``\\n`` line endings. One row per entry and
language::

    # name: vn-officials
    # source_lang: vi
    id,kind,gender,lang,preferred,accepted,forbidden,feminine,plural,roles,note
    person/mai-van-chinh,person,male,vi,Mai Văn Chính,,,,,title/deputy-head@org/coc:2021-02-01..,
    person/mai-van-chinh,person,male,ar,ماي فان تشينه,,,,,title/deputy-head@org/coc:2021-02-01..,

- Lines starting with ``#`` before the header row are comments. Two of them are read:
  ``# name: NAME`` (default: the file name without its suffix) and ``# source_lang: TAG``
  (default ``vi``). :func:`to_csv` always writes both, so the file carries the glossary
  whatever it is called. Blank lines and rows whose cells are all empty are skipped.
- The header row names the columns, in any order and case: ``id``, ``kind``, ``lang`` and
  ``preferred`` must be there; ``gender``, ``accepted``, ``forbidden``, ``feminine``,
  ``plural``, ``roles`` and ``note`` may be left out (then empty). Other columns are an error, but
  for columns without a name whose cells are all empty (trailing commas).
- ``id``, ``lang``, ``preferred``, ``feminine``: as in YAML. ``accepted``, ``forbidden``
  and ``plural`` hold the forms joined with ``" | "`` (space, bar, space), so a form may not contain
  ``" | "``; :func:`to_csv` refuses such a form rather than split it on reading.
- ``kind``, ``gender``, ``roles`` and ``note`` belong to the entry: they are repeated on
  every row of the entry and must be the same on each (else an error names the entry, the
  field and the line). An entry's rows need not be next to each other; entries come in
  the order of their first row, languages in the order of their rows.
- ``roles``: ``TITLE@ORG:FROM..TO`` per role, joined with ``"; "``. Every part but the
  title may be empty or left out: ``title/minister@org/ministry-of-finance:2021-04-08..``
  (still held), ``title/member``, ``title/minister:..2020-12-31``. Dates are YYYY-MM-DD.
- An empty cell is no value: an empty ``note`` reads as no note.

TBX
---
TBX-Basic (ISO 30042:2019, TBX v3 core structure, DCA style)::

    <?xml version="1.0" encoding="UTF-8"?>
    <tbx type="TBX-Basic" style="dca" xml:lang="vi" xmlns="urn:iso:std:iso:30042:ed-2">
      <tbxHeader><fileDesc><sourceDesc><p>vn-officials</p></sourceDesc></fileDesc></tbxHeader>
      <text>
        <body>
          <conceptEntry id="person.mai-van-chinh">
            <descrip type="subjectField">person</descrip>
            <note>multipub:gender=male</note>
            <note>multipub:role title=title/deputy-head org=org/coc from=2021-02-01</note>
            <note>any free note</note>
            <langSec xml:lang="ar">
              <termSec>
                <term>ماي فان تشينه</term>
                <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>
              </termSec>
            </langSec>
          </conceptEntry>
        </body>
      </text>
    </tbx>

- The root's ``xml:lang`` is the glossary's ``source_lang`` (``vi`` when absent), and
  ``sourceDesc/p`` its name (on reading, a ``titleStmt/title`` comes first; with neither,
  the file name without its suffix).
- ``conceptEntry/@id`` is the entry id with its ``/`` written as ``.``
  (``person/mai-van-chinh`` -> ``person.mai-van-chinh``): TBX ids are XML IDs, which
  cannot hold ``/``. The mapping is one to one, since a kind prefix holds no ``.``.
- ``descrip type="subjectField"`` holds the entry kind.
- Each language is a ``langSec``, each form a ``termSec`` with its ``term`` and a
  ``termNote type="administrativeStatus"``: the preferred form ``preferredTerm-admn-sts``,
  then the feminine form ``admittedTerm-admn-sts`` with ``termNote
  type="grammaticalGender"`` ``feminine``, then plural forms ``admittedTerm-admn-sts``
  with ``termNote type="grammaticalNumber"`` ``plural``, then accepted forms
  ``admittedTerm-admn-sts``, then forbidden forms ``deprecatedTerm-admn-sts``.
- What TBX-Basic has no data category for goes into ``note`` elements of the
  ``conceptEntry``, machine-readable after the prefix ``multipub:``:
  ``multipub:gender=male|female``; one ``multipub:role title=ID [org=ID] [from=DATE]
  [to=DATE]`` per role, in order; the entry's free note is a plain ``note`` (written
  ``multipub:note=TEXT`` if it itself starts with ``multipub:``).
- Text is written as it is (a carriage return as ``&#13;``); characters XML 1.0 cannot
  hold (most control characters) are refused.

Reading also takes TBX that other tools write (TBX v3 or the older v2 ``martif``
structure: ``termEntry``/``langSet``/``tig``/``ntig``); namespaces are not checked and
unknown elements are ignored:

- A ``conceptEntry`` without a subject field naming a multipub kind is a ``term``. Its id
  is kept when it is a multipub id (``kind.slug`` or ``kind/slug``); any other id becomes
  ``KIND/SLUG`` (the id lower-cased, other characters turned into ``-``; the entry's
  position when nothing is left; ``-2``, ``-3``... when taken).
- A ``termSec`` without an administrative status is preferred when it is the first of
  its ``langSec``, else accepted. The first preferred form of a ``langSec`` is the
  preferred one, further ones are accepted; with none, the first accepted form is
  promoted. ``supersededTerm-admn-sts`` counts as deprecated, hence forbidden; the first
  admitted form marked feminine is the feminine form; admitted forms whose
  ``grammaticalNumber`` is ``plural`` or ``dual`` are plural forms. A ``normativeAuthorization``
  (TBX v2) is read as an administrative status; another status value is an error.
- Free ``note`` elements of a ``conceptEntry`` are joined with line breaks into its note;
  notes of ``langSec`` and ``termSec`` are ignored. A ``langSec`` without terms is skipped.
- Entity declarations are refused (no entity expansion); external DTDs are never fetched.
"""

from __future__ import annotations

import csv
import io
import os
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path, PurePath
from typing import Any
from xml.parsers import expat

import yaml

from multipub.glossary import (
    Entry,
    EntryKind,
    Glossary,
    GlossaryError,
    GlossaryProblem,
    Role,
    TermForms,
    glossary_from_data,
    load_glossary,
    register_reader,
)
from multipub.io import write_output

__all__ = [
    "CSV_COLUMNS",
    "CSV_REQUIRED_COLUMNS",
    "FORM_SEPARATOR",
    "NOTE_PREFIX",
    "ROLE_SEPARATOR",
    "TBX_NAMESPACE",
    "convert",
    "from_csv",
    "from_tbx",
    "read",
    "to_csv",
    "to_data",
    "to_tbx",
    "to_yaml",
    "write",
]

CSV_COLUMNS = (
    "id",
    "kind",
    "gender",
    "lang",
    "preferred",
    "accepted",
    "forbidden",
    "feminine",
    "plural",
    "roles",
    "note",
)
CSV_REQUIRED_COLUMNS = ("id", "kind", "lang", "preferred")
FORM_SEPARATOR = " | "
ROLE_SEPARATOR = "; "
TBX_NAMESPACE = "urn:iso:std:iso:30042:ed-2"
NOTE_PREFIX = "multipub:"

_ENTRY_LEVEL = ("kind", "gender", "roles", "note")
_XML_NAMESPACE = "http://www.w3.org/XML/1998/namespace"
_XML_LANG = f"{{{_XML_NAMESPACE}}}lang"
_PREFERRED = "preferredTerm-admn-sts"
_ADMITTED = "admittedTerm-admn-sts"
_DEPRECATED = "deprecatedTerm-admn-sts"
_ENTRY_ID = re.compile(r"^[a-z]+/[a-z0-9][a-z0-9._-]*$")
_TBX_ENTRY_ID = re.compile(r"^([a-z]+)\.([a-z0-9][a-z0-9._-]*)$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_CSV_DIRECTIVE = re.compile(r"^#\s*(name|source_lang)\s*:(.*)$")
_CSV_ROLE = re.compile(
    r"^(?P<title>[^@:;\s]+)(?:@(?P<org>[^@:;\s]*))?(?::(?P<from>[^:;\s]*?)\.\.(?P<to>[^:;\s]*))?$"
)
_XML_ILLEGAL = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_FIELD_PART = re.compile(r"\[(\d+)\]|([^.\[\]]+)")

Loc = tuple[int | str, ...]


def _display(path: str | os.PathLike[str]) -> str:
    return path if isinstance(path, str) else Path(path).as_posix()


# ---------------------------------------------------------------------------------------
# Lines of the input, for error messages


@dataclass
class _Lines:
    """The input line of each data path (``("entries", 3, "terms", "ar")``) seen so far."""

    by_loc: dict[Loc, int] = field(default_factory=dict)
    index_of: dict[str, int] = field(default_factory=dict)

    def set(self, loc: Loc, line: int | None) -> None:
        if line is not None:
            self.by_loc.setdefault(loc, line)

    def line_of(self, loc: Iterable[int | str]) -> int | None:
        """Return the line of ``loc``, else of the nearest enclosing path that has one."""
        parts = tuple(loc)
        while parts:
            if parts in self.by_loc:
                return self.by_loc[parts]
            parts = parts[:-1]
        return None

    def fill(self, problem: GlossaryProblem) -> GlossaryProblem:
        """Return ``problem`` with its line, found from its entry id and field."""
        if problem.line is not None or problem.entry is None:
            return problem
        index = self.index_of.get(problem.entry)
        if index is None:
            return problem
        loc: list[int | str] = ["entries", index]
        for number, name in _FIELD_PART.findall(problem.field or ""):
            loc.append(int(number) if number else name)
        return replace(problem, line=self.line_of(loc))


def _validate(
    data: dict[str, Any], display: str, lines: _Lines, *, check_references: bool = True
) -> Glossary:
    try:
        return glossary_from_data(data, display, lines.line_of, check_references=check_references)
    except GlossaryError as err:
        raise GlossaryError([lines.fill(p) for p in err.problems]) from None


# ---------------------------------------------------------------------------------------
# Plain data and YAML


def _forms_data(forms: TermForms) -> str | dict[str, Any]:
    if not forms.accepted and not forms.forbidden and forms.feminine is None and not forms.plural:
        return forms.preferred
    out: dict[str, Any] = {"preferred": forms.preferred}
    if forms.feminine is not None:
        out["feminine"] = forms.feminine
    if forms.plural:
        out["plural"] = list(forms.plural)
    if forms.accepted:
        out["accepted"] = list(forms.accepted)
    if forms.forbidden:
        out["forbidden"] = list(forms.forbidden)
    return out


def _role_data(role: Role) -> dict[str, Any]:
    out: dict[str, Any] = {"title": role.title}
    if role.org is not None:
        out["org"] = role.org
    if role.from_ is not None:
        out["from"] = role.from_
    if role.to is not None:
        out["to"] = role.to
    return out


def _entry_data(entry: Entry) -> dict[str, Any]:
    out: dict[str, Any] = {"id": entry.id, "kind": entry.kind.value}
    if entry.gender is not None:
        out["gender"] = entry.gender.value
    out["terms"] = {lang: _forms_data(forms) for lang, forms in entry.terms.items()}
    if entry.roles:
        out["roles"] = [_role_data(role) for role in entry.roles]
    if entry.note is not None:
        out["note"] = entry.note
    return out


def to_data(glossary: Glossary) -> dict[str, Any]:
    """Return ``glossary`` as plain YAML-shaped data (``name``, ``source_lang``, ``entries``).

    A language whose only form is the preferred one is a plain string, roles use the key
    ``from``, dates are :class:`datetime.date`, and empty fields are left out, so that
    ``glossary_from_data(to_data(g), path) == g``.
    """
    return {
        "name": glossary.name,
        "source_lang": glossary.source_lang,
        "entries": [_entry_data(entry) for entry in glossary.entries],
    }


class _BlockDumper(yaml.SafeDumper):
    """Safe YAML dumper that indents a list under its key, as people write it."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def to_yaml(glossary: Glossary) -> str:
    """Return ``glossary`` as YAML text (CONTRACT §2): block style, UTF-8 characters as
    they are, keys in a fixed order, one blank line between entries; the same glossary
    always gives the same text."""
    text = yaml.dump(
        to_data(glossary),
        Dumper=_BlockDumper,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        width=1 << 16,
        indent=2,
    )
    # Entries start at two spaces; a continued scalar is indented deeper, so no text
    # line looks like this.
    lines = text.split("\n")
    for i in range(len(lines) - 1, 0, -1):
        if lines[i].startswith("  - id: ") and lines[i - 1] != "entries:":
            lines.insert(i, "")
    return "\n".join(lines)


# ---------------------------------------------------------------------------------------
# CSV


def _role_text(role: Role) -> str:
    text = role.title
    if role.org is not None:
        text += f"@{role.org}"
    if role.from_ is not None or role.to is not None:
        start = role.from_.isoformat() if role.from_ else ""
        end = role.to.isoformat() if role.to else ""
        text += f":{start}..{end}"
    return text


def _csv_date(text: str, role: str) -> date | None:
    if not text:
        return None
    if _ISO_DATE.match(text):
        try:
            return date.fromisoformat(text)
        except ValueError:
            pass
    raise ValueError(f"role {role!r}: {text!r} is not a date (YYYY-MM-DD)")


def _parse_roles(cell: str) -> list[dict[str, Any]]:
    """Return the roles of a ``roles`` cell as data; raise ValueError saying what is wrong."""
    roles = []
    for part in cell.split(";"):
        text = part.strip()
        if not text:
            continue
        match = _CSV_ROLE.match(text)
        if match is None:
            raise ValueError(f"role {text!r} is not TITLE@ORG:FROM..TO")
        role: dict[str, Any] = {"title": match["title"]}
        if match["org"]:
            role["org"] = match["org"]
        for key in ("from", "to"):
            day = _csv_date(match[key] or "", text)
            if day is not None:
                role[key] = day
        roles.append(role)
    return roles


def _split_forms(cell: str) -> list[str]:
    return cell.split(FORM_SEPARATOR) if cell else []


def _csv_row(writer: Any, quoted: Any, row: list[str]) -> None:
    # The csv module quotes a field holding "\n" but not one holding a lone "\r" when
    # the line ending is "\n"; such a row is quoted whole so that it reads back the same.
    (quoted if any("\r" in cell for cell in row) else writer).writerow(row)


def to_csv(glossary: Glossary, *, path: str | None = None) -> str:
    """Return ``glossary`` as CSV text (see the module docstring): two ``#`` comment lines
    with its name and source language, a header row, then one row per entry and language.

    Raise GlossaryError (naming ``path``, default the glossary's name) for what CSV cannot
    hold: a form containing ``" | "``, a name with a line break or surrounding spaces.
    """
    display = path or glossary.name
    problems: list[GlossaryProblem] = []
    if glossary.name != glossary.name.strip() or "\n" in glossary.name or "\r" in glossary.name:
        problems.append(
            GlossaryProblem(
                display,
                f"name {glossary.name!r} cannot be written to CSV "
                "(line break or surrounding spaces)",
                field="name",
            )
        )
    out = io.StringIO()
    out.write(f"# name: {glossary.name}\n# source_lang: {glossary.source_lang}\n")
    writer = csv.writer(out, lineterminator="\n")
    quoted = csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_ALL)
    writer.writerow(CSV_COLUMNS)
    for entry in glossary.entries:
        roles = ROLE_SEPARATOR.join(_role_text(role) for role in entry.roles)
        try:
            roles_ok = _parse_roles(roles) == [_role_data(role) for role in entry.roles]
        except ValueError:
            roles_ok = False
        if not roles_ok:
            problems.append(
                GlossaryProblem(
                    display, f"roles {roles!r} cannot be written to CSV", entry.id, "roles"
                )
            )
        for lang, forms in entry.terms.items():
            cells = {}
            for name in ("accepted", "forbidden", "plural"):
                values: tuple[str, ...] = getattr(forms, name)
                cells[name] = FORM_SEPARATOR.join(values)
                if tuple(_split_forms(cells[name])) != values:
                    problems.append(
                        GlossaryProblem(
                            display,
                            f"a form contains {FORM_SEPARATOR!r}, which CSV uses between forms",
                            entry.id,
                            f"terms.{lang}.{name}",
                        )
                    )
            row = [
                entry.id,
                entry.kind.value,
                entry.gender.value if entry.gender else "",
                lang,
                forms.preferred,
                cells["accepted"],
                cells["forbidden"],
                forms.feminine or "",
                cells["plural"],
                roles,
                entry.note or "",
            ]
            _csv_row(writer, quoted, row)
    if problems:
        raise GlossaryError(problems)
    return out.getvalue()


@dataclass
class _CsvEntry:
    index: int
    line: int
    data: dict[str, Any]
    cells: dict[str, str]
    lines_of_lang: dict[str, int] = field(default_factory=dict)


def _csv_preamble(
    text: str, display: str, lines: _Lines, problems: list[GlossaryProblem]
) -> tuple[dict[str, str], int, int]:
    """Return the ``#`` directives before the header, where the header starts (offset)
    and how many lines came before it."""
    directives: dict[str, str] = {}
    pos = line_no = 0
    while pos < len(text):
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end + 1
        stripped = text[pos:end].strip()
        if stripped and not stripped.startswith("#"):
            break
        line_no += 1
        match = _CSV_DIRECTIVE.match(stripped)
        if match:
            key, value = match[1], match[2].strip()
            if key in directives:
                problems.append(
                    GlossaryProblem(display, f"'# {key}:' given twice", field=key, line=line_no)
                )
            directives[key] = value
            lines.set((key,), line_no)
        pos = end
    return directives, pos, line_no


class _CsvSyntaxError(Exception):
    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        self.line = line


def _csv_records(body: str, offset: int) -> Iterator[tuple[int, list[str]]]:
    """Yield ``(first line, cells)`` for each CSV record; raise _CsvSyntaxError with the
    line of a record the csv module cannot read."""
    reader = csv.reader(io.StringIO(body, newline=""))
    while True:
        start = offset + reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as err:
            raise _CsvSyntaxError(str(err), start) from None
        yield start, row


def _csv_header(
    row: list[str], line: int, display: str, problems: list[GlossaryProblem]
) -> list[str]:
    header = [cell.strip().lower() for cell in row]
    seen: set[str] = set()
    for name in header:
        if not name:
            continue  # a column without a name (trailing commas): its cells must be empty
        if name not in CSV_COLUMNS:
            problems.append(
                GlossaryProblem(
                    display,
                    f"unknown column {name!r} (columns: {', '.join(CSV_COLUMNS)})",
                    field=name or None,
                    line=line,
                )
            )
        elif name in seen:
            problems.append(GlossaryProblem(display, "column given twice", field=name, line=line))
        seen.add(name)
    for name in CSV_REQUIRED_COLUMNS:
        if name not in seen:
            problems.append(
                GlossaryProblem(display, f"missing column {name!r}", field=name, line=line)
            )
    return header


def _csv_entry_data(
    entry_id: str, cells: dict[str, str], line: int, display: str
) -> tuple[dict[str, Any], list[GlossaryProblem]]:
    data: dict[str, Any] = {"id": entry_id, "kind": cells["kind"].strip()}
    problems = []
    if cells.get("gender", "").strip():
        data["gender"] = cells["gender"].strip()
    if cells.get("roles", "").strip():
        try:
            data["roles"] = _parse_roles(cells["roles"])
        except ValueError as err:
            problems.append(GlossaryProblem(display, str(err), entry_id, "roles", line))
    if cells.get("note"):
        data["note"] = cells["note"]
    return data, problems


def _csv_forms(cells: dict[str, str]) -> dict[str, Any]:
    forms: dict[str, Any] = {"preferred": cells["preferred"]}
    if cells.get("feminine"):
        forms["feminine"] = cells["feminine"]
    for name in ("accepted", "forbidden", "plural"):
        values = _split_forms(cells.get(name, ""))
        if values:
            forms[name] = values
    return forms


def _entry_level_value(name: str, cells: dict[str, str]) -> str:
    value = cells.get(name, "")
    return value.strip() if name in ("kind", "gender") else value


def from_csv(text: str, path: str | os.PathLike[str], *, check_references: bool = True) -> Glossary:
    """Return the glossary in CSV ``text`` (see the module docstring) read from ``path``.

    ``path`` names the file in errors and, without a ``# name:`` line, gives the glossary's
    name (its stem). Raise GlossaryError listing every problem with its CSV line.
    """
    display = _display(path)
    text = text.removeprefix("\ufeff")
    lines = _Lines()
    problems: list[GlossaryProblem] = []
    directives, start, offset = _csv_preamble(text, display, lines, problems)
    header: list[str] | None = None
    header_line = offset + 1
    entries: dict[str, _CsvEntry] = {}
    try:
        for line, row in _csv_records(text[start:], offset):
            if not any(cell.strip() for cell in row):
                continue
            if header is None:
                header, header_line = _csv_header(row, line, display, problems), line
                if problems:
                    raise GlossaryError(problems)
                continue
            if len(row) > len(header) and any(cell.strip() for cell in row[len(header) :]):
                problems.append(
                    GlossaryProblem(
                        display,
                        f"{len(row)} fields, but the header names {len(header)} columns",
                        line=line,
                    )
                )
                continue
            broken = next(
                (name for name, cell in zip(header, row, strict=False) if "\n" in cell), None
            )
            if broken is not None and broken != "note":
                # One unbalanced quote makes the rest of the file one field: said, not read.
                problems.append(
                    GlossaryProblem(
                        display,
                        f"the {broken!r} field runs over several lines: a quote is not closed",
                        line=line,
                    )
                )
                break
            if any(cell.strip() for name, cell in zip(header, row, strict=False) if not name):
                problems.append(
                    GlossaryProblem(display, "a value in a column without a name", line=line)
                )
                continue
            cells = dict(zip(header, row, strict=False))
            for name in header[len(row) :]:
                cells[name] = ""
            _csv_row_into(entries, cells, line, display, lines, problems)
    except _CsvSyntaxError as err:
        problems.append(GlossaryProblem(display, f"invalid CSV: {err}", line=err.line))
    if header is None and not problems:
        problems.append(GlossaryProblem(display, "no header row", line=header_line))
    if problems:
        raise GlossaryError(problems)
    data = {
        "name": directives.get("name", PurePath(display).stem),
        "source_lang": directives.get("source_lang", "vi"),
        "entries": [entry.data for entry in entries.values()],
    }
    return _validate(data, display, lines, check_references=check_references)


def _csv_row_into(
    entries: dict[str, _CsvEntry],
    cells: dict[str, str],
    line: int,
    display: str,
    lines: _Lines,
    problems: list[GlossaryProblem],
) -> None:
    entry_id = cells["id"].strip()
    if not entry_id:
        problems.append(GlossaryProblem(display, "missing id", field="id", line=line))
        return
    lang = cells["lang"].strip()
    if not lang:
        problems.append(GlossaryProblem(display, "missing language", entry_id, "lang", line))
        return
    entry = entries.get(entry_id)
    if entry is None:
        data, found = _csv_entry_data(entry_id, cells, line, display)
        problems.extend(found)
        data["terms"] = {}
        entry = _CsvEntry(len(entries), line, data, cells)
        entries[entry_id] = entry
        lines.index_of[entry_id] = entry.index
        lines.set(("entries", entry.index), line)
    else:
        for name in _ENTRY_LEVEL:
            value, first = _entry_level_value(name, cells), _entry_level_value(name, entry.cells)
            if value != first:
                problems.append(
                    GlossaryProblem(
                        display,
                        f"{value!r} differs from {first!r} on line {entry.line} "
                        "(an entry's kind, gender, roles and note are the same on all its rows)",
                        entry_id,
                        name,
                        line,
                    )
                )
    if lang in entry.lines_of_lang:
        problems.append(
            GlossaryProblem(
                display,
                f"language {lang!r} given twice (first on line {entry.lines_of_lang[lang]})",
                entry_id,
                "lang",
                line,
            )
        )
        return
    entry.lines_of_lang[lang] = line
    entry.data["terms"][lang] = _csv_forms(cells)
    lines.set(("entries", entry.index, "terms", lang), line)


# ---------------------------------------------------------------------------------------
# TBX: writing


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attrs)
    element.text = text
    return element


def _term_sec(
    lang_sec: ET.Element, form: str, status: str, *, feminine: bool = False, plural: bool = False
) -> None:
    term_sec = _sub(lang_sec, "termSec")
    _sub(term_sec, "term", form)
    _sub(term_sec, "termNote", status, type="administrativeStatus")
    if feminine:
        _sub(term_sec, "termNote", "feminine", type="grammaticalGender")
    if plural:
        _sub(term_sec, "termNote", "plural", type="grammaticalNumber")


def _tbx_problems(glossary: Glossary, display: str) -> list[GlossaryProblem]:
    """Return a problem for every text that XML 1.0 cannot hold, and every role id that a
    ``multipub:role`` note cannot hold (one with a space)."""
    problems = []
    texts: list[tuple[str | None, str, str]] = [(None, "name", glossary.name)]
    for entry in glossary.entries:
        for i, role in enumerate(entry.roles):
            for key, value in (("title", role.title), ("org", role.org or "")):
                if any(char.isspace() for char in value):
                    problems.append(
                        GlossaryProblem(
                            display,
                            f"{value!r} cannot be written to a TBX role note",
                            entry.id,
                            f"roles[{i}].{key}",
                        )
                    )
        if entry.note is not None:
            texts.append((entry.id, "note", entry.note))
        for lang, forms in entry.terms.items():
            texts.append((entry.id, f"terms.{lang}.preferred", forms.preferred))
            if forms.feminine is not None:
                texts.append((entry.id, f"terms.{lang}.feminine", forms.feminine))
            for name in ("plural", "accepted", "forbidden"):
                for i, form in enumerate(getattr(forms, name)):
                    texts.append((entry.id, f"terms.{lang}.{name}[{i}]", form))
    for entry_id, where, text in texts:
        bad = _XML_ILLEGAL.search(text)
        if bad:
            problems.append(
                GlossaryProblem(
                    display,
                    f"character U+{ord(bad.group()):04X} cannot be written to XML",
                    entry_id,
                    where,
                )
            )
    return problems


def _tbx_id(entry_id: str) -> str:
    return entry_id.replace("/", ".", 1)


def to_tbx(glossary: Glossary, *, path: str | None = None) -> str:
    """Return ``glossary`` as TBX-Basic XML text (see the module docstring): an XML
    declaration, then the document indented by two spaces; the same glossary always gives
    the same text.

    Raise GlossaryError (naming ``path``, default the glossary's name) for a text holding a
    character XML 1.0 cannot hold.
    """
    problems = _tbx_problems(glossary, path or glossary.name)
    if problems:
        raise GlossaryError(problems)
    root = ET.Element(
        "tbx",
        {"type": "TBX-Basic", "style": "dca", _XML_LANG: glossary.source_lang},
    )
    root.set("xmlns", TBX_NAMESPACE)
    source_desc = _sub(_sub(_sub(root, "tbxHeader"), "fileDesc"), "sourceDesc")
    _sub(source_desc, "p", glossary.name)
    body = _sub(_sub(root, "text"), "body")
    for entry in glossary.entries:
        concept = _sub(body, "conceptEntry", id=_tbx_id(entry.id))
        _sub(concept, "descrip", entry.kind.value, type="subjectField")
        if entry.gender is not None:
            _sub(concept, "note", f"{NOTE_PREFIX}gender={entry.gender.value}")
        for role in entry.roles:
            parts = [f"title={role.title}"]
            if role.org is not None:
                parts.append(f"org={role.org}")
            if role.from_ is not None:
                parts.append(f"from={role.from_.isoformat()}")
            if role.to is not None:
                parts.append(f"to={role.to.isoformat()}")
            _sub(concept, "note", f"{NOTE_PREFIX}role {' '.join(parts)}")
        if entry.note is not None:
            note = entry.note
            if note.startswith(NOTE_PREFIX):
                note = f"{NOTE_PREFIX}note={note}"
            _sub(concept, "note", note)
        for lang, forms in entry.terms.items():
            lang_sec = ET.SubElement(concept, "langSec", {_XML_LANG: lang})
            _term_sec(lang_sec, forms.preferred, _PREFERRED)
            if forms.feminine is not None:
                _term_sec(lang_sec, forms.feminine, _ADMITTED, feminine=True)
            for form in forms.plural:
                _term_sec(lang_sec, form, _ADMITTED, plural=True)
            for form in forms.accepted:
                _term_sec(lang_sec, form, _ADMITTED)
            for form in forms.forbidden:
                _term_sec(lang_sec, form, _DEPRECATED)
    ET.indent(root, space="  ")
    # ElementTree leaves "\r" in text as it is, which an XML parser reads as "\n".
    xml = ET.tostring(root, encoding="unicode").replace("\r", "&#13;")
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{xml}\n'


# ---------------------------------------------------------------------------------------
# TBX: reading


class _XmlRefused(Exception):
    pass


def _parse_xml(text: str | bytes, display: str) -> tuple[ET.Element, dict[int, int]]:
    """Return the root element and the line of each element (by ``id()``)."""
    builder = ET.TreeBuilder()
    parser = expat.ParserCreate(namespace_separator="}")
    parser.buffer_text = True
    line_of: dict[int, int] = {}

    def qualified(name: str) -> str:
        return "{" + name if "}" in name else name

    def start(name: str, attrs: dict[str, str]) -> None:
        element = builder.start(qualified(name), {qualified(k): v for k, v in attrs.items()})
        line_of[id(element)] = parser.CurrentLineNumber

    def end(name: str) -> None:
        builder.end(qualified(name))

    def refuse_entity(*args: Any) -> None:
        raise _XmlRefused("entity declarations are not allowed")

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = builder.data
    parser.EntityDeclHandler = refuse_entity
    try:
        parser.Parse(text, True)
        root = builder.close()
    except expat.ExpatError as err:
        raise GlossaryError(
            [
                GlossaryProblem(
                    display,
                    f"invalid XML: {expat.ErrorString(err.code)} (column {err.offset + 1})",
                    line=err.lineno,
                )
            ]
        ) from None
    except _XmlRefused as err:
        raise GlossaryError(
            [GlossaryProblem(display, str(err), line=parser.CurrentLineNumber)]
        ) from None
    except (LookupError, ValueError) as err:
        # The declaration names an encoding expat cannot use ("bogus", "UTF-32").
        raise GlossaryError([GlossaryProblem(display, f"invalid XML: {err}", line=1)]) from None
    return root, line_of


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _children(element: ET.Element, *names: str) -> list[ET.Element]:
    return [child for child in element if _local(child.tag) in names]


def _first(element: ET.Element | None, *path: tuple[str, ...]) -> ET.Element | None:
    for names in path:
        if element is None:
            return None
        found = _children(element, *names)
        element = found[0] if found else None
    return element


def _text(element: ET.Element) -> str:
    return "".join(element.itertext())


def _lang(element: ET.Element) -> str | None:
    return element.get(_XML_LANG) or element.get("lang")


_KINDS = {kind.value: kind.value for kind in EntryKind}
_STATUS = {
    "preferredterm": "preferred",
    "preferred": "preferred",
    "admittedterm": "admitted",
    "admitted": "admitted",
    "deprecatedterm": "forbidden",
    "deprecated": "forbidden",
    "supersededterm": "forbidden",
    "superseded": "forbidden",
}


@dataclass
class _TbxReader:
    display: str
    line_of_element: dict[int, int]
    lines: _Lines = field(default_factory=_Lines)
    problems: list[GlossaryProblem] = field(default_factory=list)
    first_line_of_id: dict[str, int] = field(default_factory=dict)

    def line(self, element: ET.Element) -> int | None:
        return self.line_of_element.get(id(element))

    def problem(
        self,
        message: str,
        element: ET.Element,
        entry: str | None = None,
        where: str | None = None,
    ) -> None:
        self.problems.append(
            GlossaryProblem(self.display, message, entry, where, self.line(element))
        )

    def glossary_data(self, root: ET.Element) -> dict[str, Any]:
        if _local(root.tag) not in ("tbx", "martif"):
            self.problem(f"not a TBX file: the root element is <{_local(root.tag)}>", root)
            raise GlossaryError(self.problems)
        body = _first(root, ("text",), ("body",))
        if body is None:
            self.problem("not a TBX file: no <text><body>", root)
            raise GlossaryError(self.problems)
        header = _first(root, ("tbxHeader", "martifHeader"), ("fileDesc",))
        name_element = _first(header, ("titleStmt",), ("title",))
        if name_element is None:
            name_element = _first(header, ("sourceDesc",), ("p",))
        name = PurePath(self.display).stem if name_element is None else _text(name_element)
        if name_element is not None:
            self.lines.set(("name",), self.line(name_element))
        self.lines.set(("source_lang",), self.line(root))
        concepts = _children(body, "conceptEntry", "termEntry")
        entries = [self.entry_data(i, concept) for i, concept in enumerate(concepts)]
        return {"name": name, "source_lang": _lang(root) or "vi", "entries": entries}

    def entry_id(self, index: int, concept: ET.Element, kind: str) -> str:
        given = concept.get("id") or ""
        if _ENTRY_ID.match(given):
            entry_id = given
        elif match := _TBX_ENTRY_ID.match(given):
            entry_id = f"{match[1]}/{match[2]}"
        else:
            slug = re.sub(r"[^a-z0-9._-]+", "-", given.lower()).lstrip("._-")
            base = f"{kind}/{slug or index + 1}"
            entry_id, n = base, 1
            while entry_id in self.first_line_of_id:
                n += 1
                entry_id = f"{base}-{n}"
        line = self.line(concept)
        if entry_id in self.first_line_of_id:
            first = self.first_line_of_id[entry_id]
            self.problem(f"id defined twice (first on line {first})", concept, entry_id, "id")
        else:
            self.first_line_of_id[entry_id] = line or 0
            self.lines.index_of[entry_id] = index
        return entry_id

    def entry_data(self, index: int, concept: ET.Element) -> dict[str, Any]:
        base: Loc = ("entries", index)
        self.lines.set(base, self.line(concept))
        kind, kind_element = "term", None
        for descrip in [
            *_children(concept, "descrip"),
            *(d for g in _children(concept, "descripGrp") for d in _children(g, "descrip")),
        ]:
            if descrip.get("type") == "subjectField":
                kind_element = descrip
                kind = _KINDS.get(_text(descrip).strip().casefold(), "term")
                break
        entry_id = self.entry_id(index, concept, kind)
        data: dict[str, Any] = {"id": entry_id, "kind": kind}
        if kind_element is not None:
            self.lines.set((*base, "kind"), self.line(kind_element))
        self.read_notes(concept, entry_id, base, data)
        terms: dict[str, Any] = {}
        for lang_sec in _children(concept, "langSec", "langSet"):
            lang = _lang(lang_sec)
            if not lang:
                self.problem("a language section without xml:lang", lang_sec, entry_id, "terms")
                continue
            if lang in terms:
                self.problem(f"language {lang!r} given twice", lang_sec, entry_id, "terms")
                continue
            forms = self.forms_data(lang_sec, entry_id, (*base, "terms", lang))
            if forms is not None:
                terms[lang] = forms
                self.lines.set((*base, "terms", lang), self.line(lang_sec))
        data["terms"] = terms
        return data

    def read_notes(
        self, concept: ET.Element, entry_id: str, base: Loc, data: dict[str, Any]
    ) -> None:
        notes: list[str] = []
        roles: list[dict[str, Any]] = []
        for note in _children(concept, "note"):
            text = _text(note)
            if not text.startswith(NOTE_PREFIX):
                self.lines.set((*base, "note"), self.line(note))
                notes.append(text)
                continue
            rest = text[len(NOTE_PREFIX) :]
            if rest.startswith("note="):
                self.lines.set((*base, "note"), self.line(note))
                notes.append(rest[len("note=") :])
            elif rest.startswith("gender="):
                if "gender" in data:
                    self.problem("gender given twice", note, entry_id, "gender")
                data["gender"] = rest[len("gender=") :].strip()
                self.lines.set((*base, "gender"), self.line(note))
            elif rest.split(maxsplit=1)[:1] == ["role"]:
                role = self.role_data(rest.split()[1:], note, entry_id, len(roles))
                if role is not None:
                    self.lines.set((*base, "roles", len(roles)), self.line(note))
                    roles.append(role)
            else:
                self.problem(f"unknown note {text!r}", note, entry_id, "note")
        if roles:
            data["roles"] = roles
        if notes:
            data["note"] = "\n".join(notes)

    def role_data(
        self, tokens: list[str], note: ET.Element, entry_id: str, index: int
    ) -> dict[str, Any] | None:
        where = f"roles[{index}]"
        role: dict[str, Any] = {}
        for token in tokens:
            key, sep, value = token.partition("=")
            if not sep or key not in ("title", "org", "from", "to") or key in role:
                self.problem(f"role: unexpected {token!r}", note, entry_id, where)
                return None
            if key in ("from", "to"):
                try:
                    if not _ISO_DATE.match(value):
                        raise ValueError
                    role[key] = date.fromisoformat(value)
                except ValueError:
                    self.problem(
                        f"role: {value!r} is not a date (YYYY-MM-DD)", note, entry_id, where
                    )
                    return None
            else:
                role[key] = value
        if "title" not in role:
            self.problem("role without title=", note, entry_id, where)
            return None
        return role

    def forms_data(self, lang_sec: ET.Element, entry_id: str, loc: Loc) -> dict[str, Any] | None:
        found: list[tuple[str, str, bool, bool, ET.Element]] = []
        for position, term_sec in enumerate(_children(lang_sec, "termSec", "tig", "ntig")):
            term = next((e for e in term_sec.iter() if _local(e.tag) == "term"), None)
            if term is None:
                self.problem("a term section without <term>", term_sec, entry_id, "terms")
                continue
            status = "preferred" if position == 0 else "admitted"
            feminine = plural = False
            for term_note in term_sec.iter():
                if _local(term_note.tag) != "termNote":
                    continue
                kind, value = term_note.get("type"), _text(term_note).strip()
                if kind in ("administrativeStatus", "normativeAuthorization"):
                    key = value.casefold().removesuffix("-admn-sts")
                    if key not in _STATUS:
                        self.problem(
                            f"unknown administrativeStatus {value!r}",
                            term_note,
                            entry_id,
                            "terms",
                        )
                    status = _STATUS.get(key, status)
                elif kind == "grammaticalGender":
                    feminine = value == "feminine"
                elif kind == "grammaticalNumber":
                    plural = value in ("plural", "dual")
            found.append((_text(term), status, feminine, plural, term_sec))
        if not found:
            return None
        preferred: str | None = None
        feminine_form: str | None = None
        accepted: list[str] = []
        forbidden: list[str] = []
        plurals: list[str] = []
        for text, status, feminine, plural, term_sec in found:
            if status == "preferred" and preferred is None:
                preferred = text
                self.lines.set((*loc, "preferred"), self.line(term_sec))
            elif status == "forbidden":
                self.lines.set((*loc, "forbidden", len(forbidden)), self.line(term_sec))
                forbidden.append(text)
            elif status == "admitted" and feminine and feminine_form is None:
                feminine_form = text
                self.lines.set((*loc, "feminine"), self.line(term_sec))
            elif status == "admitted" and plural:
                self.lines.set((*loc, "plural", len(plurals)), self.line(term_sec))
                plurals.append(text)
            else:
                self.lines.set((*loc, "accepted", len(accepted)), self.line(term_sec))
                accepted.append(text)
        forms: dict[str, Any] = {}
        if preferred is None and accepted:
            preferred = accepted.pop(0)
        if preferred is not None:
            forms["preferred"] = preferred
        if feminine_form is not None:
            forms["feminine"] = feminine_form
        if plurals:
            forms["plural"] = plurals
        if accepted:
            forms["accepted"] = accepted
        if forbidden:
            forms["forbidden"] = forbidden
        return forms


def from_tbx(
    text: str | bytes, path: str | os.PathLike[str], *, check_references: bool = True
) -> Glossary:
    """Return the glossary in TBX ``text`` (see the module docstring) read from ``path``.

    ``text`` may be bytes, whose XML declaration then says the encoding. ``path`` names
    the file in errors and, when the file names no glossary, gives its name (the stem).
    Raise GlossaryError listing the problems with their lines.
    """
    display = _display(path)
    root, line_of_element = _parse_xml(text, display)
    reader = _TbxReader(display, line_of_element)
    data = reader.glossary_data(root)
    if reader.problems:
        raise GlossaryError(reader.problems)
    return _validate(data, display, reader.lines, check_references=check_references)


# ---------------------------------------------------------------------------------------
# Files


_FORMATS = {".yaml": "yaml", ".yml": "yaml", ".csv": "csv", ".tbx": "tbx"}


def _format_of(path: Path) -> str:
    fmt = _FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise GlossaryError(
            [
                GlossaryProblem(
                    path.as_posix(), f"not a glossary file ({', '.join(sorted(_FORMATS))})"
                )
            ]
        )
    return fmt


def read(path: Path, *, check_references: bool = True) -> Glossary:
    """Return the glossary in the file ``path``, read by its suffix (.yaml/.yml, .csv, .tbx).

    Raise GlossaryError naming the file (and the line, entry id and field where known).
    With ``check_references=False`` roles may name entries of other files (the caller
    checks the combination, as :func:`multipub.glossary.load_glossary` does).
    """
    path = Path(path)
    display = path.as_posix()
    fmt = _format_of(path)
    if fmt == "yaml":
        return load_glossary(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise GlossaryError([GlossaryProblem(display, "no such file or directory")]) from None
    except OSError as err:
        raise GlossaryError(
            [GlossaryProblem(display, f"cannot read: {err.strerror or err}")]
        ) from None
    if fmt == "tbx":
        return from_tbx(raw, display, check_references=check_references)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        raise GlossaryError(
            [GlossaryProblem(display, f"not valid UTF-8 at byte {err.start}")]
        ) from None
    return from_csv(text, display, check_references=check_references)


def write(glossary: Glossary, path: Path) -> None:
    """Write ``glossary`` to ``path`` in the format its suffix names; return nothing.

    The file is written whole or not at all (a temporary file renamed into place). Raise
    GlossaryError naming the file for an unknown suffix, a glossary the format cannot
    hold, or a file that cannot be written.
    """
    path = Path(path)
    display = path.as_posix()
    fmt = _format_of(path)
    if fmt == "yaml":
        text = to_yaml(glossary)
    elif fmt == "csv":
        text = to_csv(glossary, path=display)
    else:
        text = to_tbx(glossary, path=display)
    try:
        write_output(path, text)
    except OSError as err:
        raise GlossaryError(
            [GlossaryProblem(display, f"cannot write: {err.strerror or err}")]
        ) from None


def convert(source: Path, target: Path, context: Sequence[Path] = ()) -> Glossary:
    """Read the glossary in ``source``, write it to ``target`` (formats by suffix), and
    return it. Raise GlossaryError, leaving ``target`` as it was, when either fails.

    ``context`` names the glossaries that ``source``'s roles point into (a desk's people
    file names the titles and organizations of the shipped glossary): the references are
    checked against them, and only ``source``'s entries are written.
    """
    _format_of(Path(target))
    if not context:
        glossary = read(Path(source))
    else:
        glossary = read(Path(source), check_references=False)
        # Every reference must resolve in the combination, as in a check run.
        load_glossary([Path(source), *context])
    write(glossary, Path(target))
    return glossary


def _read_without_references(path: Path) -> Glossary:
    return read(path, check_references=False)


for _suffix in (".csv", ".tbx"):
    register_reader(_suffix, _read_without_references)

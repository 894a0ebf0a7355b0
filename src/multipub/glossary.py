"""The desk's glossary: people, titles, organizations, places and terms (CONTRACT §2).

A glossary is data the desk maintains: YAML files (CSV and TBX through
:mod:`multipub.glossary_formats`), combined into one :class:`Glossary`. Loading validates
each entry (unknown kind, empty preferred form, a gender on a non-person...) and then the
whole (duplicate ids, roles naming entries that do not exist, one form preferred by two
entries for one language), and every problem names the file, the entry id and the field.
"""

from __future__ import annotations

import hashlib
import json
import os
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import yaml
from pydantic import (
    ConfigDict,
    Field,
    TypeAdapter,
    ValidationError,
    field_validator,
    model_validator,
)
from pydantic.dataclasses import dataclass as pydantic_dataclass

from multipub.io import files_below, unreadable_because
from multipub.lang import primary_subtag
from multipub.models import LangTag
from multipub.text import fold
from multipub.yaml_loader import (
    DuplicateKeyError,
    StrictYamlLoader,
    check_expansion,
    yaml_line_of,
)

__all__ = [
    "GLOSSARY_SUFFIXES",
    "NAME_SLOT",
    "Entry",
    "EntryKind",
    "Gender",
    "Glossary",
    "GlossaryError",
    "GlossaryProblem",
    "Role",
    "TermForms",
    "discover_glossaries",
    "glossary_from_data",
    "load_glossary",
]

GLOSSARY_SUFFIXES = (".yaml", ".yml", ".csv", ".tbx")
# In an accepted form, where a place's name stands ("People's Committee of … Province").
NAME_SLOT = "…"


class EntryKind(StrEnum):
    """What a glossary entry names."""

    PERSON = "person"
    TITLE = "title"
    ORGANIZATION = "organization"
    PLACE = "place"
    TERM = "term"


class Gender(StrEnum):
    """A person's gender, which titles and honorifics agree with in many languages."""

    MALE = "male"
    FEMALE = "female"


# Slotted dataclasses, not BaseModel: a desk glossary of 100,000 entries is 300k
# instances, and pydantic models carry a __dict__ and a fields-set per instance (about
# 2.5 KB an entry against 0.9 KB). Validation is the same.
_CONFIG = ConfigDict(extra="forbid", populate_by_name=True)


def _non_blank(value: str) -> str:
    """Return a form that the matcher can find; raise ValueError for one it never could:
    empty, holding a control character (a NUL is the matcher's own text separator), or
    without a letter or digit once folded (zero-width spaces, tatweel, a lone ".")."""
    if not value.strip():
        raise ValueError("must not be empty")
    control = next((c for c in value if unicodedata.category(c) == "Cc" and c not in "\t"), None)
    if control is not None:
        raise ValueError(f"holds the control character U+{ord(control):04X}")
    if not any(c.isalnum() for c in fold(value)):
        raise ValueError("has no letter or digit")
    return value


@pydantic_dataclass(frozen=True, slots=True, config=_CONFIG)
class TermForms:
    """The renderings of one entry in one language."""

    preferred: Annotated[str, Field(description="the house form")]
    accepted: tuple[str, ...] = Field(default=(), description="tolerated variants (MP102)")
    forbidden: tuple[str, ...] = Field(default=(), description="known-wrong renderings (MP103)")
    feminine: str | None = Field(
        default=None, description="titles: the form for a woman, where the language marks it"
    )
    # Arabic makes most plurals inside the word (وزير, وزراء: a broken plural), which no
    # ending rule reaches; regular endings ("ministres", "министры") need no entry here.
    plural: tuple[str, ...] = Field(
        default=(),
        description="forms for several (a plural or dual made otherwise than by an ending), "
        "as good as the preferred form",
    )

    @model_validator(mode="before")
    @classmethod
    def _string_is_preferred(cls, data: Any) -> Any:
        if isinstance(data, str):
            return {"preferred": data}
        if isinstance(data, dict) and isinstance(data.get("plural"), str):
            return {**data, "plural": (data["plural"],)}  # one plural form, written alone
        return data

    @field_validator("preferred")
    @classmethod
    def _preferred_not_blank(cls, value: str) -> str:
        return _non_blank(value)

    @field_validator("accepted", "forbidden", "plural")
    @classmethod
    def _forms_not_blank(cls, values: tuple[str, ...]) -> tuple[str, ...]:
        for value in values:
            _non_blank(value)
        return values

    @field_validator("feminine")
    @classmethod
    def _feminine_not_blank(cls, value: str | None) -> str | None:
        return None if value is None else _non_blank(value)

    @model_validator(mode="after")
    def _name_slot_in_accepted_forms_only(self) -> TermForms:
        # A form with a slot is never matched as written: it only lets MP101 read the
        # official long form with a place's name in it ("People's Committee of Nghe An
        # Province"), so it cannot be the house form, the feminine, a plural or forbidden.
        for form in (self.preferred, self.feminine or "", *self.plural, *self.forbidden):
            if NAME_SLOT in form:
                raise ValueError(f"{form!r}: a name slot {NAME_SLOT!r} is for accepted forms only")
        return self

    @model_validator(mode="after")
    def _good_is_not_forbidden(self) -> TermForms:
        # A form both good and forbidden would be reported as an error wherever it is
        # correctly used: the glossary contradicts itself.
        good = {fold(f) for f in self.good_forms()}
        both = [f for f in self.forbidden if fold(f) in good]
        if both:
            raise ValueError(f"{both[0]!r} is both a good form and forbidden")
        # A plural listed as accepted too would be matched as the plural (it ranks first)
        # and never reported as merely accepted (MP102).
        plural = {fold(f) for f in self.plural}
        twice = [f for f in self.accepted if fold(f) in plural]
        if twice:
            raise ValueError(f"{twice[0]!r} is both a plural form and accepted")
        return self

    def good_forms(self) -> tuple[str, ...]:
        """Return every form that counts as a correct rendering: preferred, feminine,
        plural, accepted."""
        forms = [self.preferred]
        if self.feminine:
            forms.append(self.feminine)
        forms.extend(self.plural)
        forms.extend(self.accepted)
        return tuple(forms)

    def gender_of(self, form: str) -> Gender | None:
        """Return the gender ``form`` (one of these forms, as written) is of, told by the
        words the preferred and the feminine forms do not share: an accepted "نائبة ..."
        holds the feminine's "نائبة", "directeur" the preferred's "directeur" (a word of
        three letters or more may have a prefix on it: "النائبة", "vicepresidenta"). None
        when there is no feminine form, or ``form`` holds words of both or of neither."""
        if not self.feminine:
            return None
        masculine, feminine = set(self.preferred.split()), set(self.feminine.split())
        words = form.split()

        def holds(own: set[str]) -> bool:
            return any(w == o or (len(o) >= 3 and w.endswith(o)) for w in words for o in own)

        his, hers = holds(masculine - feminine), holds(feminine - masculine)
        if his == hers:
            return None
        return Gender.FEMALE if hers else Gender.MALE


@pydantic_dataclass(frozen=True, slots=True, config=_CONFIG)
class Role:
    """A title a person held in an organization, and when (dates inclusive)."""

    title: str
    org: str | None = None
    from_: date | None = Field(default=None, alias="from")
    to: date | None = None

    @model_validator(mode="after")
    def _ends_after_it_starts(self) -> Role:
        if self.from_ is not None and self.to is not None and self.to < self.from_:
            raise ValueError(f"ends ({self.to}) before it starts ({self.from_})")
        return self

    def held_on(self, day: date) -> bool:
        """Return True when the role was held on ``day``."""
        return (self.from_ is None or self.from_ <= day) and (self.to is None or day <= self.to)


@pydantic_dataclass(frozen=True, slots=True, config=_CONFIG)
class Entry:
    """One person, title, organization, place or term, with its forms per language."""

    id: Annotated[str, Field(pattern=r"^[a-z]+/[a-z0-9][a-z0-9._-]*$")]
    kind: EntryKind
    terms: Annotated[dict[LangTag, TermForms], Field(min_length=1)]
    gender: Gender | None = None
    roles: tuple[Role, ...] = ()
    note: str | None = None

    @model_validator(mode="after")
    def _person_fields(self) -> Entry:
        if self.kind is not EntryKind.PERSON:
            if self.gender is not None:
                raise ValueError("'gender' is for persons only")
            if self.roles:
                raise ValueError("'roles' are for persons only")
        return self

    def forms(self, lang: str) -> TermForms | None:
        """Return the forms for variant ``lang`` (exact tag, else its primary subtag)."""
        found = self.terms.get(lang)
        if found is None:
            found = self.terms.get(primary_subtag(lang))
        return found


@pydantic_dataclass(frozen=True, slots=True, config=_CONFIG)
class Glossary:
    """Entries from one or more glossary files, validated as a whole."""

    name: str
    source_lang: LangTag = "vi"
    entries: tuple[Entry, ...] = ()

    def by_id(self) -> dict[str, Entry]:
        """Return the entries keyed by id."""
        return {e.id: e for e in self.entries}

    def languages(self) -> list[str]:
        """Return every language tag any entry has forms for, sorted."""
        return sorted({lang for e in self.entries for lang in e.terms})

    def fingerprint(self) -> str:
        """Return a short hash of the glossary's content (it goes into report signatures).

        Remembered for the last two glossaries (by identity; a glossary is immutable):
        hashing 10,000 entries takes 0.2 s, and every run over the same glossary asks.
        """
        remembered = _FINGERPRINTS.get(id(self))
        if remembered is not None and remembered[0] is self:
            return remembered[1]
        payload = json.dumps(
            _GLOSSARY.dump_python(self, mode="json", by_alias=True),
            ensure_ascii=False,
            sort_keys=True,
        )
        digest = hashlib.sha256(payload.encode("utf-8")).hexdigest()[:12]
        if len(_FINGERPRINTS) >= 2:
            _FINGERPRINTS.pop(next(iter(_FINGERPRINTS)))
        # The glossary is kept with its hash, so that its id cannot be reused meanwhile.
        _FINGERPRINTS[id(self)] = (self, digest)
        return digest


_GLOSSARY: TypeAdapter[Glossary] = TypeAdapter(Glossary)
_FINGERPRINTS: dict[int, tuple[Glossary, str]] = {}


@dataclass(frozen=True, slots=True)
class GlossaryProblem:
    """Why a glossary was rejected: file, entry id, field and reason."""

    path: str
    message: str
    entry: str | None = None
    field: str | None = None
    line: int | None = None

    def describe(self) -> str:
        """Return ``path:line: entry id: field: message`` with the parts that are known."""
        where = self.path + (f":{self.line}" if self.line else "")
        parts = [where, *(p for p in (self.entry, self.field) if p), self.message]
        return ": ".join(parts)


class GlossaryError(Exception):
    """Raised when a glossary cannot be loaded; ``problems`` says every reason found."""

    def __init__(self, problems: list[GlossaryProblem]) -> None:
        self.problems = problems
        super().__init__("\n".join(p.describe() for p in problems))


def _field_path(loc: Iterable[int | str]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _entry_problems(
    error: ValidationError, path: str, raw: dict[str, Any], line_of: Any
) -> list[GlossaryProblem]:
    problems = []
    for err in error.errors(include_url=False):
        loc = tuple(err["loc"])
        message = str(err["msg"]).removeprefix("Value error, ")
        if err["type"] in ("extra_forbidden", "unexpected_keyword_argument"):
            message = f"unknown field {str(loc[-1])!r}"
        elif err["type"] in ("missing", "missing_argument"):
            message = f"missing required field {str(loc[-1])!r}"
        elif err["type"] == "enum" and loc and loc[-1] == "kind":
            message = f"unknown kind {err.get('input')!r}; {message}"
        entry_id = None
        rest: tuple[int | str, ...] = loc
        if len(loc) >= 2 and loc[0] == "entries" and isinstance(loc[1], int):
            entries = raw.get("entries")
            if isinstance(entries, list) and 0 <= loc[1] < len(entries):
                item = entries[loc[1]]
                if isinstance(item, dict) and isinstance(item.get("id"), str):
                    entry_id = item["id"]
            rest = loc[2:] if entry_id else loc
        if rest and rest[-1] == "[key]":
            rest = rest[:-1]
        problems.append(
            GlossaryProblem(
                path,
                message,
                entry_id,
                _field_path(rest) or None,
                line_of(loc) if line_of else None,
            )
        )
    return problems


def glossary_from_data(
    data: Any, path: str, line_of: Any = None, *, check_references: bool = True
) -> Glossary:
    """Return the glossary in ``data`` (parsed YAML, CSV or TBX); raise GlossaryError.

    With ``check_references=False`` roles may name entries of other files (the caller
    checks the combination).
    """
    if not isinstance(data, dict):
        raise GlossaryError([GlossaryProblem(path, "expected a mapping with 'entries'")])
    try:
        glossary = _GLOSSARY.validate_python(data)
    except ValidationError as err:
        raise GlossaryError(_entry_problems(err, path, data, line_of)) from None
    problems = _whole_problems(glossary, path, references=check_references)
    if problems:
        raise GlossaryError(problems)
    return glossary


def _whole_problems(
    glossary: Glossary, path: str, *, references: bool = True
) -> list[GlossaryProblem]:
    """Return what is wrong with the entries taken together."""
    problems: list[GlossaryProblem] = []
    seen: set[str] = set()
    for entry in glossary.entries:
        if entry.id in seen:
            problems.append(GlossaryProblem(path, "id defined twice", entry.id, "id"))
        seen.add(entry.id)
    if references:
        problems.extend(_reference_problems(glossary, path))
    problems.extend(_preferred_problems(glossary, path))
    return problems


def _reference_problems(glossary: Glossary, path: str) -> list[GlossaryProblem]:
    """Return the roles that name no entry, or an entry of the wrong kind."""
    problems: list[GlossaryProblem] = []
    by_id = glossary.by_id()
    for entry in glossary.entries:
        for i, role in enumerate(entry.roles):
            for field, ref, kind in (
                ("title", role.title, EntryKind.TITLE),
                ("org", role.org, EntryKind.ORGANIZATION),
            ):
                if ref is None:
                    continue
                target = by_id.get(ref)
                if target is None:
                    message = f"no entry {ref!r}"
                elif target.kind is not kind:
                    message = f"{ref!r} is a {target.kind.value}, not a {kind.value}"
                else:
                    continue
                problems.append(GlossaryProblem(path, message, entry.id, f"roles[{i}].{field}"))
    return problems


def _preferred_problems(glossary: Glossary, path: str) -> list[GlossaryProblem]:
    """Return the forms preferred by two entries for one language."""
    problems: list[GlossaryProblem] = []
    preferred_by: dict[tuple[str, str], str] = {}
    for entry in glossary.entries:
        for lang, forms in sorted(entry.terms.items()):
            key = (lang, fold(forms.preferred).strip())
            other = preferred_by.setdefault(key, entry.id)
            if other != entry.id:
                problems.append(
                    GlossaryProblem(
                        path,
                        f"{forms.preferred!r} is also the preferred form of {other!r}",
                        entry.id,
                        f"terms.{lang}.preferred",
                    )
                )
    return problems


def _read_yaml(path: Path, display: str) -> tuple[Any, Any]:
    try:
        text = path.read_bytes().decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as err:
        raise GlossaryError(
            [GlossaryProblem(display, f"not valid UTF-8 at byte {err.start}")]
        ) from None
    except OSError as err:
        raise GlossaryError([GlossaryProblem(display, f"cannot read: {err.strerror}")]) from None
    loader = StrictYamlLoader(text)
    try:
        root = loader.get_single_node()
        check_expansion(root)
        data = loader.construct_document(root) if root is not None else None
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 if mark else None
        reason = err.problem or err.context or "syntax error"
        raise GlossaryError(
            [GlossaryProblem(display, f"invalid YAML: {reason}", line=line)]
        ) from None
    except DuplicateKeyError as err:
        raise GlossaryError(
            [GlossaryProblem(display, f"duplicate key {err.key!r}", line=err.line)]
        ) from None
    except yaml.reader.ReaderError as err:
        # A control character or a byte YAML does not read, at a character position.
        line = text.count("\n", 0, err.position) + 1
        raise GlossaryError(
            [GlossaryProblem(display, f"invalid YAML: {err.reason}", line=line)]
        ) from None
    except (yaml.YAMLError, RecursionError) as err:
        raise GlossaryError([GlossaryProblem(display, f"invalid YAML: {err}")]) from None
    finally:
        loader.dispose()
    return data, yaml_line_of(root)


def discover_glossaries(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Path]:
    """Yield the glossary files named by ``paths`` (directories: every .yaml/.yml/.csv/.tbx
    below them, sorted, hidden entries skipped)."""
    for given in paths:
        path = Path(given)
        if path.is_dir():
            yield from files_below(path, GLOSSARY_SUFFIXES)
        else:
            yield path


# Readers of the other glossary formats (CSV, TBX), by suffix. multipub.glossary_formats
# registers them when it is imported (multipub's package imports it), so that this module,
# which the formats build on, never imports them back.
_READERS: dict[str, Callable[[Path], Glossary]] = {}


def register_reader(suffix: str, reader: Callable[[Path], Glossary]) -> None:
    """Read glossary files ending with ``suffix`` (".csv") with ``reader``, which returns
    the file's glossary without checking references to other files, or raises
    GlossaryError."""
    _READERS[suffix.lower()] = reader


def _read_one(path: Path) -> Glossary:
    display = path.as_posix()
    why = unreadable_because(path)
    if why is not None:
        raise GlossaryError([GlossaryProblem(display, why)])
    suffix = path.suffix.lower()
    reader = _READERS.get(suffix)
    if reader is not None:
        return reader(path)
    if suffix not in (".yaml", ".yml"):
        raise GlossaryError(
            [GlossaryProblem(display, f"not a glossary file ({', '.join(GLOSSARY_SUFFIXES)})")]
        )
    data, line_of = _read_yaml(path, display)
    return glossary_from_data(data, display, line_of, check_references=False)


def load_glossary(paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]]) -> Glossary:
    """Return the glossary combining every file named by ``paths``; raise GlossaryError.

    Problems of every file are collected before raising, so a desk sees them all at once.
    An id defined in two files is an error, as within one file.
    """
    if isinstance(paths, str | os.PathLike):
        paths = [paths]
    # A file named twice (a folder and a file in it) is read once.
    files = list({path.resolve(): path for path in discover_glossaries(paths)}.values())
    if not files:
        raise GlossaryError([GlossaryProblem(", ".join(map(str, paths)), "no glossary files")])
    problems: list[GlossaryProblem] = []
    parts: list[Glossary] = []
    for path in files:
        try:
            parts.append(_read_one(path))
        except GlossaryError as err:
            problems.extend(err.problems)
    if problems:
        raise GlossaryError(problems)
    if len(parts) == 1:
        glossary = parts[0]
        whole = _reference_problems(glossary, files[0].as_posix())
    else:
        glossary = Glossary(
            name="+".join(p.name for p in parts),
            source_lang=parts[0].source_lang,
            entries=tuple(e for p in parts for e in p.entries),
        )
        # An id defined in two files is reported on the second, naming the first.
        first_file: dict[str, str] = {}
        for path, part in zip(files, parts, strict=True):
            for entry in part.entries:
                earlier = first_file.setdefault(entry.id, path.as_posix())
                if earlier != path.as_posix():
                    problems.append(
                        GlossaryProblem(
                            path.as_posix(), f"id defined in {earlier} too", entry.id, "id"
                        )
                    )
        if problems:
            raise GlossaryError(problems)
        whole = _whole_problems(glossary, "+".join(f.as_posix() for f in files))
    if whole:
        raise GlossaryError(whole)
    return glossary

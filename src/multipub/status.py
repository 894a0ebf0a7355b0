"""Translation status: which translations were made from the source as it is now.

A translation records the revision of the source it was made from in
``Variant.source_revision`` (``multipub stamp`` writes it). A revision is a hash of the
source variant's normalized text, and it describes itself: besides the hash of the
whole, it carries a short fingerprint of each part, so that when the source changes, the
status can say *what* changed (the title, the lead, which blocks were added, removed or
edited) without keeping the old text anywhere.

Format, version 1::

    r1:<whole>:<title>.<lead>:<block 0>.<block 1>. ... .<block n-1>

* ``whole``: the first 16 hex digits of the SHA-256 of every hashed part (below);
* ``title``, ``lead``: 8 hex digits of the SHA-256 of that text, or ``-`` when the
  source has none (absent or empty);
* one 8-hex-digit fingerprint per block, in order, joined by ``.`` (nothing after the
  last colon for an article without blocks).

A 30-block article's revision is some 300 characters. A revision reduced to its first
two fields (``r1:<whole>``) is accepted too: it tells *that* the source changed, not how.

What is hashed, after Unicode NFC and white space collapsed (every run of Unicode white
space to one space, none at either end):

* the title and the lead;
* each block's kind and text (a media block's text is its caption): a paragraph made a
  heading or a quote changes how every translation must show it;
* **not** the byline: crediting another author asks nothing of a translator;
* **not** a media block's ``src``: another photo with the same caption changes no text;
* **not** block ids, suppressions, ``published_at`` or ``url``: not text to translate.

Nothing else is normalized: case, punctuation and diacritics are text (a Vietnamese tone
mark changes a word), so changing any of them changes the revision.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any, Literal

import yaml

from multipub.io import InputProblem, LoadedArticle, discover, read_file, write_output
from multipub.lang import tag_matches
from multipub.models import Article, Block, Variant
from multipub.yaml_loader import StrictYamlLoader

__all__ = [
    "REVISION_VERSION",
    "NoSourceError",
    "Revision",
    "StampRun",
    "Stamped",
    "State",
    "Status",
    "parse_revision",
    "revision_of",
    "source_revision",
    "stamp",
    "stamp_document",
    "stamp_files",
    "stamp_text",
    "statuses",
    "translation_status",
]

REVISION_VERSION = "r1"
_WHOLE_HEX = 16
_PART_HEX = 8
_ABSENT = "-"
_REVISION = re.compile(
    r"^r1:(?P<whole>[0-9a-f]{16})"
    r"(?::(?P<title>[0-9a-f]{8}|-)\.(?P<lead>[0-9a-f]{8}|-)"
    r":(?P<blocks>(?:[0-9a-f]{8}(?:\.[0-9a-f]{8})*)?))?$"
)

State = Literal["current", "needs_update", "unknown", "source"]


def _normalized(text: str | None) -> str:
    """Return ``text`` in NFC with white space collapsed ("" for None)."""
    if not text:
        return ""
    return " ".join(unicodedata.normalize("NFC", text).split())


def _digest(text: str, digits: int) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:digits]


def _block_text(block: Block) -> str:
    """Return what a block's fingerprint covers: its kind and normalized text."""
    return f"{block.kind.value}\x1f{_normalized(block.text)}"


@dataclass(frozen=True, slots=True)
class Revision:
    """A parsed revision: the whole hash and, when recorded, the parts' fingerprints."""

    whole: str
    title: str | None = None  # None: not recorded; "-": the source had no title
    lead: str | None = None
    blocks: tuple[str, ...] | None = None  # None: not recorded

    @property
    def detailed(self) -> bool:
        """Return True when the parts' fingerprints were recorded (not only the whole)."""
        return self.blocks is not None

    def __str__(self) -> str:
        """Return the revision string (``r1:...``)."""
        if self.blocks is None:
            return f"{REVISION_VERSION}:{self.whole}"
        return (
            f"{REVISION_VERSION}:{self.whole}:{self.title or _ABSENT}.{self.lead or _ABSENT}:"
            + ".".join(self.blocks)
        )


def revision_of(variant: Variant) -> Revision:
    """Return the :class:`Revision` of ``variant``'s text (normally the source's)."""
    title = _normalized(variant.title)
    lead = _normalized(variant.lead)
    blocks = [_block_text(block) for block in variant.blocks]
    # Separators that normalized text cannot hold: \x1e between parts, \x1d before blocks.
    whole = "\x1e".join([REVISION_VERSION, title, lead, "\x1d", *blocks])
    return Revision(
        whole=_digest(whole, _WHOLE_HEX),
        title=_digest(title, _PART_HEX) if title else _ABSENT,
        lead=_digest(lead, _PART_HEX) if lead else _ABSENT,
        blocks=tuple(_digest(text, _PART_HEX) for text in blocks),
    )


def source_revision(variant: Variant) -> str:
    """Return the revision string of ``variant``'s text: ``r1:<whole>:<title>.<lead>:<blocks>``
    (see the module's documentation). Stable across runs, machines and Python versions."""
    return str(revision_of(variant))


def parse_revision(text: str) -> Revision | None:
    """Return the :class:`Revision` that ``text`` writes, or None when it is no version-1
    revision (another tool's hash, a typo)."""
    found = _REVISION.match(text.strip())
    if found is None:
        return None
    if found["title"] is None:
        return Revision(whole=found["whole"])
    blocks = found["blocks"]
    return Revision(
        whole=found["whole"],
        title=found["title"],
        lead=found["lead"],
        blocks=tuple(blocks.split(".")) if blocks else (),
    )


@dataclass(frozen=True, slots=True)
class Status:
    """Where one variant stands against the source.

    ``state`` is ``"source"`` for the source variant itself, ``"unknown"`` when the
    translation records no revision (or the article has no source variant to compare
    with), ``"current"`` when its revision is the source's, and ``"needs_update"`` when
    the source changed since. For ``"needs_update"`` with a detailed recorded revision,
    ``added`` and ``edited`` are 0-based indices of blocks of the *current* source,
    ``removed`` indices of blocks of the *old* source (the one translated), and
    ``title_changed``/``lead_changed`` say whether those changed; ``detailed`` is False
    when the recorded revision does not say what changed (only its whole hash, or not a
    revision multipub can read).
    """

    lang: str
    state: State
    recorded: str | None = None
    current: str | None = None
    title_changed: bool = False
    lead_changed: bool = False
    added: tuple[int, ...] = ()
    removed: tuple[int, ...] = ()
    edited: tuple[int, ...] = ()
    detailed: bool = True

    @property
    def needs_update(self) -> bool:
        """Return True when the source changed since this translation was made."""
        return self.state == "needs_update"

    def changes(self) -> str:
        """Return what changed in the source, in words ("the title edited; source blocks
        3, 4 edited; block 7 added; block 2 of the old source removed"), "" when nothing
        is known to have changed."""
        parts: list[str] = []
        if self.title_changed:
            parts.append("the title edited")
        if self.lead_changed:
            parts.append("the lead edited")
        if self.edited:
            parts.append(f"source {_blocks(self.edited)} edited")
        if self.added:
            parts.append(f"{_blocks(self.added)} added")
        if self.removed:
            parts.append(f"{_blocks(self.removed)} of the old source removed")
        return "; ".join(parts)

    def describe(self) -> str:
        """Return one sentence saying where the variant stands."""
        if self.state == "source":
            return "the source"
        if self.state == "unknown":
            return "no source revision recorded: its status is unknown"
        if self.state == "current":
            return "made from the current source"
        changes = self.changes()
        if not changes:
            return "the source changed since this translation was made"
        return f"{changes} since this translation was made"

    def as_dict(self) -> dict[str, Any]:
        """Return the status as JSON-ready data."""
        return {
            "lang": self.lang,
            "state": self.state,
            "recorded": self.recorded,
            "current": self.current,
            "title_changed": self.title_changed,
            "lead_changed": self.lead_changed,
            "added": list(self.added),
            "removed": list(self.removed),
            "edited": list(self.edited),
            "detailed": self.detailed,
            "message": self.describe(),
        }


def _blocks(indices: tuple[int, ...]) -> str:
    """Return "block 3" or "blocks 3, 4"."""
    if len(indices) == 1:
        return f"block {indices[0]}"
    return "blocks " + ", ".join(str(i) for i in indices)


def _diff_blocks(
    old: tuple[str, ...], new: tuple[str, ...]
) -> tuple[tuple[int, ...], tuple[int, ...], tuple[int, ...]]:
    """Return ``(added, removed, edited)``: indices into ``new``, into ``old`` and into
    ``new`` of the blocks whose fingerprints differ between the two lists. A replaced run
    pairs its blocks in order as edits; the surplus of either side is added or removed."""
    added: list[int] = []
    removed: list[int] = []
    edited: list[int] = []
    matcher = SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        paired = min(i2 - i1, j2 - j1) if tag == "replace" else 0
        edited.extend(range(j1, j1 + paired))
        removed.extend(range(i1 + paired, i2))
        added.extend(range(j1 + paired, j2))
    return tuple(added), tuple(removed), tuple(edited)


def translation_status(article: Article, lang: str) -> Status:
    """Return the :class:`Status` of variant ``lang`` of ``article`` (KeyError when the
    article has no such variant)."""
    variant = article.variants[lang]
    if lang == article.source_lang:
        return Status(lang=lang, state="source")
    recorded = variant.source_revision
    source = article.source
    if source is None:
        return Status(lang=lang, state="unknown", recorded=recorded, detailed=False)
    now = revision_of(source)
    current = str(now)
    if not recorded or not recorded.strip():
        return Status(lang=lang, state="unknown", current=current, detailed=False)
    old = parse_revision(recorded)
    if old is None:
        state: State = "current" if recorded.strip() == current else "needs_update"
        return Status(lang=lang, state=state, recorded=recorded, current=current, detailed=False)
    if old.whole == now.whole:
        return Status(lang=lang, state="current", recorded=recorded, current=current)
    if old.blocks is None or now.blocks is None:
        return Status(
            lang=lang, state="needs_update", recorded=recorded, current=current, detailed=False
        )
    added, removed, edited = _diff_blocks(old.blocks, now.blocks)
    return Status(
        lang=lang,
        state="needs_update",
        recorded=recorded,
        current=current,
        title_changed=old.title != now.title,
        lead_changed=old.lead != now.lead,
        added=added,
        removed=removed,
        edited=edited,
    )


def statuses(article: Article) -> list[Status]:
    """Return the status of every variant of ``article``: the source first, then the
    translations sorted by tag."""
    langs = sorted(article.variants, key=lambda tag: (tag != article.source_lang, tag))
    return [translation_status(article, lang) for lang in langs]


def _chosen(article: Article, langs: Iterable[str] | None) -> list[str]:
    """Return the translations of ``article`` that ``langs`` selects (BCP 47 basic
    filtering: "zh" selects "zh-Hans"; None selects every translation)."""
    wanted = None if langs is None else [lang for lang in langs if lang.strip()]
    return [
        lang
        for lang in article.targets()
        if wanted is None or any(tag_matches(w.strip(), lang) for w in wanted)
    ]


class NoSourceError(ValueError):
    """Raised when an article to stamp has no source variant to take the revision of."""


def stamp(article: Article, langs: Iterable[str] | None = None) -> Article:
    """Return a copy of ``article`` whose translations (those ``langs`` selects, "zh"
    selecting "zh-Hans"; all when None) record the current source revision. Stamping
    says "this translation is up to date with the source as it is now": do it when a
    translation is made or reviewed. Raise :class:`NoSourceError` (a ValueError) when
    the article has no source."""
    source = article.source
    if source is None:
        raise NoSourceError(
            f"article {article.id!r} has no {article.source_lang!r} variant (its source): "
            "nothing to stamp against"
        )
    revision = source_revision(source)
    variants = dict(article.variants)
    for lang in _chosen(article, langs):
        variants[lang] = variants[lang].model_copy(update={"source_revision": revision})
    return article.model_copy(update={"variants": variants})


def stamp_document(data: Mapping[str, Any], langs: Iterable[str] | None = None) -> dict[str, Any]:
    """Return a copy of ``data``, an article as read from its file (a JSON or YAML
    mapping), with ``source_revision`` set in the variants :func:`stamp` would stamp.
    Keys keep their order, and nothing else changes, so that a command can write the
    file back. Raise ValueError (pydantic's ValidationError is one) when ``data`` is not
    a valid article or has no source."""
    article = Article.model_validate(data)
    stamped = stamp(article, langs)
    result = dict(data)
    raw_variants = dict(result["variants"])
    for lang in _chosen(article, langs):
        raw = dict(raw_variants[lang])
        raw["source_revision"] = stamped.variants[lang].source_revision
        raw_variants[lang] = raw
    result["variants"] = raw_variants
    return result


def _json_indent(text: str) -> int | str | None:
    """Return the indentation of a JSON document's first nested line: a number of
    spaces, a tab, or None for a document on one line."""
    lines = text.strip().splitlines()
    if len(lines) < 2:
        return None
    second = lines[1]
    if second.startswith("\t"):
        return "\t"
    return max(len(second) - len(second.lstrip(" ")), 1)


def _yaml_variants(text: str) -> yaml.MappingNode:
    """Return the node of the ``variants`` mapping of a YAML article."""
    loader = StrictYamlLoader(text)
    try:
        root = loader.get_single_node()
    finally:
        loader.dispose()
    if isinstance(root, yaml.MappingNode):
        for key, value in root.value:
            if key.value == "variants" and isinstance(value, yaml.MappingNode):
                return value
    raise ValueError("no 'variants' mapping in this YAML article")


def _stamp_yaml(text: str, langs: Iterable[str] | None) -> str:
    """Return the YAML article ``text`` stamped by editing its text: each chosen variant's
    ``source_revision`` value replaced, or the key added as the variant's first, so
    that comments, quoting and order stay as written."""
    loader = StrictYamlLoader(text)
    try:
        data = loader.get_single_data()
    finally:
        loader.dispose()
    if not isinstance(data, Mapping):
        raise ValueError("a YAML article is a mapping")
    wanted = stamp_document(data, langs)["variants"]
    edits: list[tuple[int, int, str]] = []
    for key, node in _yaml_variants(text).value:
        revision = wanted.get(key.value, {}).get("source_revision")
        if revision is None or revision == data["variants"][key.value].get("source_revision"):
            continue
        if not isinstance(node, yaml.MappingNode):
            raise ValueError(f"variant {key.value!r} is not a mapping")
        quoted = json.dumps(revision)
        existing = [v for k, v in node.value if k.value == "source_revision"]
        if existing:
            edits.append((existing[0].start_mark.index, existing[0].end_mark.index, quoted))
        elif node.flow_style:
            at = node.start_mark.index + 1
            edits.append((at, at, f"source_revision: {quoted}" + (", " if node.value else "")))
        else:
            first = node.value[0][0].start_mark
            indent = " " * first.column
            edits.append((first.index, first.index, f"source_revision: {quoted}\n{indent}"))
    for start, end, new in sorted(edits, reverse=True):
        text = text[:start] + new + text[end:]
    loader = StrictYamlLoader(text)
    try:
        again = loader.get_single_data()
    finally:
        loader.dispose()
    if not isinstance(again, Mapping) or again.get("variants") != wanted:
        raise ValueError("this YAML article could not be stamped in place")
    return text


def stamp_text(text: str, fmt: str, langs: Iterable[str] | None = None) -> str:
    """Return the text of an article file (``fmt``: ``json``, ``jsonl`` or ``yaml``)
    with its translations stamped as :func:`stamp` does, for ``multipub stamp --write``.
    JSON is written back with the document's indentation (non-ASCII as is); JSONL one
    compact article per line, blank lines and the lines of articles without a source
    kept as they are; YAML is edited in place, comments and all. Raise ValueError when
    the text is no valid article (naming the JSONL line), :class:`NoSourceError` when a
    JSON or YAML article has no source."""
    if fmt == "json":
        stamped = stamp_document(json.loads(text), langs)
        return json.dumps(stamped, ensure_ascii=False, indent=_json_indent(text)) + "\n"
    if fmt == "jsonl":
        lines: list[str] = []
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                lines.append(line)
                continue
            try:
                stamped = stamp_document(json.loads(line), langs)
            except NoSourceError:
                lines.append(line)
                continue
            except ValueError as err:
                raise ValueError(f"line {number}: {err}") from err
            lines.append(json.dumps(stamped, ensure_ascii=False))
        return "\n".join(lines) + "\n"
    if fmt == "yaml":
        return _stamp_yaml(text, langs)
    raise ValueError(f"unknown article format {fmt!r}: json, jsonl or yaml")


@dataclass(frozen=True, slots=True)
class Stamped:
    """A translation whose recorded source revision changes (or would, in a dry run)."""

    path: str
    article: str
    lang: str
    before: str | None
    after: str

    def describe(self) -> str:
        """Return ``path: article lang: <what it was> -> <new revision>``."""
        was = "no revision" if self.before is None else self.before
        return f"{self.path}: {self.article} {self.lang}: {was} -> {self.after}"


@dataclass(frozen=True, slots=True)
class StampRun:
    """What :func:`stamp_files` did: the translations stamped (or to stamp), the files
    rewritten, and what could not be read or stamped (articles without a source too)."""

    stamped: list[Stamped] = field(default_factory=list)
    written: list[str] = field(default_factory=list)
    problems: list[InputProblem] = field(default_factory=list)


_FORMATS = {".json": "json", ".jsonl": "jsonl", ".yaml": "yaml", ".yml": "yaml"}


def stamp_files(
    paths: Iterable[str | os.PathLike[str]],
    langs: Iterable[str] | None = None,
    *,
    write: bool = False,
    exclude: Iterable[str] = (),
) -> StampRun:
    """Return the :class:`StampRun` of stamping every article file below ``paths`` (in
    path order, ``exclude`` globs skipped): the translations (those ``langs`` selects)
    whose recorded revision is not the current source's. Files are rewritten only with
    ``write`` (whole or not at all, see :func:`stamp_text` for how each format is
    written), and only when a revision changes; a file with an unreadable article is
    left alone."""
    chosen = None if langs is None else tuple(langs)
    run = StampRun()
    for display, path in discover(paths, exclude=exclude):
        items = list(read_file(display, path))
        broken = [item for item in items if isinstance(item, InputProblem)]
        if broken or path is None:
            run.problems.extend(broken)
            continue
        changes: list[Stamped] = []
        for item in items:
            assert isinstance(item, LoadedArticle)  # the problems were handled above
            article = item.article
            if article.source is None:
                run.problems.append(
                    InputProblem(
                        display,
                        f"no {article.source_lang!r} variant (its source): not stamped",
                        item.line,
                        article=article.id,
                    )
                )
                continue
            revision = source_revision(article.source)
            changes.extend(
                Stamped(display, article.id, lang, article.variants[lang].source_revision, revision)
                for lang in _chosen(article, chosen)
                if article.variants[lang].source_revision != revision
            )
        run.stamped.extend(changes)
        if not write or not changes:
            continue
        text = Path(path).read_text(encoding="utf-8").removeprefix("\ufeff")
        try:
            write_output(path, stamp_text(text, _FORMATS[Path(path).suffix.lower()], chosen))
        except NoSourceError:
            continue  # reported above
        except (ValueError, OSError) as err:
            run.problems.append(InputProblem(display, f"not stamped: {err}"))
            continue
        run.written.append(display)
    return run

"""Baselines: today's findings recorded, so that a run fails only on new ones.

A desk adopting multipub on an archive of thousands of findings writes a baseline once
(``--write-baseline FILE``) and runs with ``--baseline FILE`` from then on: a finding the
baseline knows is not counted (it is kept in the report's ``suppressed`` list); a new one
is. Findings are matched by fingerprint: the code, the article (the file when there is
none), the language and the offending text with white space collapsed and digits of the
message folded, never a line, a block number or a span, so that an edit above a finding
does not make it new. A fingerprint carries a count: three copies of one repeat, one
fixed, leave two known and none new; a fourth copy is new.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from multipub.findings import Finding, Suppressed

__all__ = [
    "Baseline",
    "BaselineEntry",
    "BaselineError",
    "BaselineMatcher",
    "apply_baseline",
    "baseline_of",
    "fingerprint",
    "read_baseline",
    "render_baseline",
]

_VERSION = 1
_DIGITS = re.compile(r"\d+")


class BaselineError(Exception):
    """A baseline file that cannot be used, with the file and the reason."""


@dataclass(frozen=True, slots=True)
class BaselineEntry:
    """Findings of one fingerprint, as many as ``count``."""

    fingerprint: str
    code: str
    article: str | None
    lang: str | None
    text: str
    count: int


@dataclass(frozen=True, slots=True)
class Baseline:
    """The entries of a baseline file, by fingerprint."""

    entries: dict[str, BaselineEntry]


def _normalized(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def _text_of(finding: Finding) -> str:
    """Return what a finding is about, as its fingerprint sees it: the offending text,
    else its message with numbers folded ("block 6 repeats block 4" moves with edits)."""
    if finding.excerpt:
        return _normalized(finding.excerpt)
    return _DIGITS.sub("#", _normalized(finding.message))


def fingerprint(finding: Finding) -> str:
    """Return the baseline fingerprint of ``finding`` (32 hex digits)."""
    owner = finding.article if finding.article is not None else f"file:{finding.path}"
    key = "\x1f".join([finding.code, owner, finding.lang or "", _text_of(finding)])
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def baseline_of(findings: Iterable[Finding]) -> Baseline:
    """Return the baseline that knows every finding of ``findings``."""
    counts: Counter[str] = Counter()
    first: dict[str, Finding] = {}
    for finding in findings:
        key = fingerprint(finding)
        counts[key] += 1
        first.setdefault(key, finding)
    return Baseline(
        {
            key: BaselineEntry(
                key,
                first[key].code,
                first[key].article,
                first[key].lang,
                _text_of(first[key]),
                count,
            )
            for key, count in counts.items()
        }
    )


def render_baseline(baseline: Baseline) -> str:
    """Return the baseline as JSON text, sorted, so the file diffs well in review."""
    entries = sorted(
        baseline.entries.values(),
        key=lambda e: (e.article or "", e.lang or "", e.code, e.text, e.fingerprint),
    )
    data = {
        "tool": "multipub",
        "version": _VERSION,
        "findings": [
            {
                "fingerprint": e.fingerprint,
                "code": e.code,
                "article": e.article,
                "lang": e.lang,
                "text": e.text,
                "count": e.count,
            }
            for e in entries
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def read_baseline(path: Path) -> Baseline:
    """Return the baseline in file ``path``; raise BaselineError saying what is wrong."""
    try:
        data = json.loads(path.read_text("utf-8"))
    except OSError as err:
        raise BaselineError(f"{path}: cannot read: {err.strerror or err}") from err
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise BaselineError(f"{path}: not a baseline (invalid JSON: {err})") from err
    if not isinstance(data, dict) or data.get("tool") != "multipub":
        raise BaselineError(f'{path}: not a multipub baseline (no "tool": "multipub")')
    if data.get("version") != _VERSION:
        raise BaselineError(f"{path}: baseline version {data.get('version')!r}, expected 1")
    entries: dict[str, BaselineEntry] = {}
    items = data.get("findings")
    if not isinstance(items, list):
        raise BaselineError(f'{path}: "findings" must be a list')
    for index, item in enumerate(items):
        try:
            entry = BaselineEntry(
                str(item["fingerprint"]),
                str(item["code"]),
                item.get("article"),
                item.get("lang"),
                str(item.get("text", "")),
                int(item.get("count", 1)),
            )
        except (KeyError, TypeError, ValueError, AttributeError) as err:
            raise BaselineError(f"{path}: findings[{index}]: bad entry ({err})") from err
        if entry.count < 1:
            raise BaselineError(f"{path}: findings[{index}]: count must be at least 1")
        entries[entry.fingerprint] = entry
    return Baseline(entries)


class BaselineMatcher:
    """Matches findings against a baseline as they come (a streamed run), keeping what
    each fingerprint has left."""

    def __init__(self, baseline: Baseline) -> None:
        self.baseline = baseline
        self.left = {key: entry.count for key, entry in baseline.entries.items()}

    def match(self, findings: Iterable[Finding]) -> tuple[list[Finding], list[Finding]]:
        """Return ``(new, known)``: the findings the baseline does not know (or knows
        fewer times than they occur), and those it does, marked as baselined."""
        new: list[Finding] = []
        known: list[Finding] = []
        for finding in findings:
            key = fingerprint(finding)
            if self.left.get(key, 0) > 0:
                self.left[key] -= 1
                known.append(
                    finding.model_copy(
                        update={"suppressed": Suppressed(kind="baseline", reason="in the baseline")}
                    )
                )
            else:
                new.append(finding)
        return new, known

    def stale(self) -> list[BaselineEntry]:
        """Return the entries matched fewer times than they count, with the count left."""
        return [
            BaselineEntry(e.fingerprint, e.code, e.article, e.lang, e.text, self.left[key])
            for key, e in sorted(self.baseline.entries.items())
            if self.left[key] > 0
        ]


def apply_baseline(
    findings: Iterable[Finding], baseline: Baseline
) -> tuple[list[Finding], list[Finding], list[BaselineEntry]]:
    """Return ``(new, known, stale)``: the findings the baseline does not know, those it
    does (marked as baselined), and its entries that match fewer findings than they
    count (what ``--prune-baseline`` removes), with the count left over."""
    matcher = BaselineMatcher(baseline)
    new, known = matcher.match(findings)
    return new, known, matcher.stale()

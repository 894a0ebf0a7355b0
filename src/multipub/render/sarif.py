"""SARIF 2.1.0 (OASIS): the format code-scanning services read."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import quote

from multipub.checks import all_rules
from multipub.findings import Finding, Report, Severity, finding_sort_key

__all__ = ["render_sarif"]

_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _logical_name(f: Finding) -> str:
    parts = [f.article or "", f.lang or "", f.field or ""]
    name = "/".join(p for p in parts if p)
    return f"{name}[{f.block}]" if f.block is not None else name


def _fingerprint_key(f: Finding) -> str:
    # Stable across runs and unrelated edits: what and where, not the message wording
    # (findings alike in all of it are told apart by their rank, see fingerprints()).
    return "|".join(
        [
            f.code,
            f.path,
            f.article or "",
            f.lang or "",
            f.field or "",
            str(f.block),
            f.entry or "",
            f.excerpt or "",
        ]
    )


def fingerprints(findings: Sequence[Finding]) -> list[str]:
    """Return the partial fingerprint of each of ``findings`` (in report order): equal
    findings get their rank among themselves added (the second, the third...), since a
    code-scanning service merges results of one fingerprint into one."""
    seen: Counter[str] = Counter()
    found = []
    for f in findings:
        key = _fingerprint_key(f)
        seen[key] += 1
        if seen[key] > 1:
            key += f"#{seen[key]}"
        found.append(hashlib.sha256(key.encode("utf-8")).hexdigest()[:32])
    return found


# Where the project and its rule pages live; a desk that hosts its own copy changes it
# here (it is the placeholder the CI examples in docs/ use too).
_INFORMATION_URI = "https://example.org/your-org/multipub"
_RULE_HELP = _INFORMATION_URI + "/blob/main/docs/rules/{code}.md"
_BASE_ID = "SRCROOT"


def _artifact(path: str, root: Path) -> dict[str, Any]:
    """Return the artifactLocation of ``path``: relative to ``root`` (the %SRCROOT% base)
    when it lies below it, else an absolute file URI; "<stdin>" stays a relative name."""
    candidate = Path(path)
    if candidate.is_absolute():
        try:
            relative = candidate.resolve().relative_to(root)
        except ValueError:
            return {"uri": candidate.resolve().as_uri()}
        return {"uri": quote(relative.as_posix()), "uriBaseId": _BASE_ID}
    return {"uri": quote(candidate.as_posix().removeprefix("./")), "uriBaseId": _BASE_ID}


def _region(f: Finding) -> dict[str, Any] | None:
    if not f.line:
        return None
    region: dict[str, Any] = {"startLine": f.line}
    if f.column:
        region["startColumn"] = f.column
        if f.end_line:
            region["endLine"] = f.end_line
        if f.end_column:
            region["endColumn"] = f.end_column
    return region


def _result(f: Finding, rule_index: dict[str, int], root: Path, fingerprint: str) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": _artifact(f.path, root)}
    region = _region(f)
    if region is not None:
        physical["region"] = region
    location: dict[str, Any] = {"physicalLocation": physical}
    if f.article:
        location["logicalLocations"] = [{"fullyQualifiedName": _logical_name(f), "kind": "element"}]
    properties: dict[str, Any] = {
        "article": f.article,
        "lang": f.lang,
        "field": f.field,
        "block": f.block,
        "span": list(f.span) if f.span else None,
        "related": [r.model_dump(mode="json") for r in f.related],
        "entry": f.entry,
    }
    result: dict[str, Any] = {
        "ruleId": f.code,
        "ruleIndex": rule_index[f.code],
        "level": _LEVEL[f.severity],
        "message": {"text": f.message},
        "locations": [location],
        "partialFingerprints": {"multipub/v1": fingerprint},
        "properties": properties,
    }
    if f.related:
        result["relatedLocations"] = [
            {
                "id": number,
                "physicalLocation": {"artifactLocation": _artifact(f.path, root)},
                "logicalLocations": [
                    {
                        "fullyQualifiedName": _related_name(f, r.lang or f.lang, r.field, r.block),
                        "kind": "element",
                    }
                ],
                "message": {"text": _related_text(r.lang or f.lang, r.field, r.block)},
            }
            for number, r in enumerate(f.related, start=1)
        ]
    if f.suppressed is not None:
        result["suppressions"] = [
            {
                "kind": "inSource" if f.suppressed.kind == "in-article" else "external",
                "status": "accepted",
                "justification": f.suppressed.reason,
            }
        ]
    return result


def _related_name(f: Finding, lang: str | None, field: str, block: int | None) -> str:
    parts = [p for p in (f.article or "", lang or "", field) if p]
    name = "/".join(parts)
    return f"{name}[{block}]" if block is not None else name


def _related_text(lang: str | None, field: str, block: int | None) -> str:
    what = f"block {block}" if field == "blocks" and block is not None else f"the {field}"
    return f"{what} of {lang}" if lang else what


def render_sarif(report: Report, *, root: Path | None = None) -> str:
    """Return the report as a SARIF 2.1.0 log with one run, every rule and every finding
    (suppressed and baselined ones with their ``suppressions``). File URIs are relative to
    ``root`` (default: the working directory), given as the run's %SRCROOT%."""
    base = (root or Path.cwd()).resolve()
    rules = all_rules()
    rule_index = {rule.code: i for i, rule in enumerate(rules)}
    driver = {
        "name": "multipub",
        "version": report.tool.version,
        "semanticVersion": report.tool.version,
        "informationUri": _INFORMATION_URI,
        "rules": [
            {
                "id": rule.code,
                "name": rule.name,
                "shortDescription": {"text": rule.first_sentence + "."},
                "fullDescription": {"text": rule.summary},
                "help": {"text": rule.summary, "markdown": rule.doc()},
                "defaultConfiguration": {"level": _LEVEL[rule.severity]},
                "helpUri": _RULE_HELP.format(code=rule.code),
            }
            for rule in rules
        ],
    }
    ordered = sorted((*report.findings, *report.suppressed), key=finding_sort_key)
    log = {
        "$schema": _SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": driver},
                "originalUriBaseIds": {_BASE_ID: {"uri": base.as_uri() + "/"}},
                "columnKind": "unicodeCodePoints",
                "results": [
                    _result(f, rule_index, base, fingerprint)
                    for f, fingerprint in zip(ordered, fingerprints(ordered), strict=True)
                ],
                "properties": {
                    "signature": report.signature,
                    "summary": report.summary.model_dump(mode="json"),
                },
            }
        ],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"

"""SARIF 2.1.0 (OASIS): the format code-scanning services read."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from multipub.checks import all_rules
from multipub.findings import Finding, Report, Severity

__all__ = ["render_sarif"]

_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _logical_name(f: Finding) -> str:
    parts = [f.article or "", f.lang or "", f.field or ""]
    name = "/".join(p for p in parts if p)
    return f"{name}[{f.block}]" if f.block is not None else name


def _fingerprint(f: Finding) -> str:
    # Stable across runs and unrelated edits: what and where, not the message wording.
    key = "|".join(
        [
            f.code,
            f.path,
            f.article or "",
            f.lang or "",
            f.field or "",
            str(f.block),
            f.excerpt or "",
        ]
    )
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def _result(f: Finding, rule_index: dict[str, int]) -> dict[str, Any]:
    location: dict[str, Any] = {"physicalLocation": {"artifactLocation": {"uri": f.path}}}
    if f.line:
        location["physicalLocation"]["region"] = {"startLine": f.line}
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
        "partialFingerprints": {"multipub/v1": _fingerprint(f)},
        "properties": properties,
    }
    return result


def render_sarif(report: Report) -> str:
    """Return the report as a SARIF 2.1.0 log with one run, every rule and every finding."""
    rules = all_rules()
    rule_index = {rule.code: i for i, rule in enumerate(rules)}
    driver = {
        "name": "multipub",
        "version": report.tool.version,
        "rules": [
            {
                "id": rule.code,
                "name": rule.name,
                "shortDescription": {"text": rule.summary.split(". ")[0].rstrip(".") + "."},
                "fullDescription": {"text": rule.summary},
                "help": {"text": rule.summary, "markdown": rule.doc()},
                "defaultConfiguration": {"level": _LEVEL[rule.severity]},
            }
            for rule in rules
        ],
    }
    log = {
        "$schema": _SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": driver},
                "results": [_result(f, rule_index) for f in report.findings],
                "properties": {
                    "signature": report.signature,
                    "summary": report.summary.model_dump(mode="json"),
                },
            }
        ],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"

"""The JSON report (CONTRACT §4)."""

from __future__ import annotations

import json

from multipub.findings import Report

__all__ = ["render_json"]


def render_json(report: Report) -> str:
    """Return the report as pretty-printed JSON (UTF-8 text, not ASCII-escaped), newline-ended."""
    return json.dumps(report.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"

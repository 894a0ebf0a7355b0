"""JSON Lines: one finding per line, then one line with the run's summary and signature.

The format a run of any size can stream: each line is written as its article is checked
(``multipub check --format jsonl``), so memory does not grow with the findings.
"""

from __future__ import annotations

import json

from multipub.findings import Finding, Report, Summary

__all__ = ["finding_line", "render_jsonl", "summary_line"]


def finding_line(finding: Finding) -> str:
    """Return one finding as a line of JSON (newline-ended)."""
    return json.dumps(finding.model_dump(mode="json"), ensure_ascii=False) + "\n"


def summary_line(summary: Summary, signature: str, files: int) -> str:
    """Return the last line of a JSON Lines report: counts, signature, files read."""
    data = {"summary": summary.model_dump(mode="json"), "signature": signature, "files": files}
    return json.dumps(data, ensure_ascii=False) + "\n"


def render_jsonl(report: Report) -> str:
    """Return the report as JSON Lines: its findings, then the summary line."""
    return "".join(finding_line(f) for f in report.findings) + summary_line(
        report.summary, report.signature, report.files
    )

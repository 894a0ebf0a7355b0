"""JUnit XML: one test suite per input file, one test case per finding."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import Counter
from itertools import groupby

from multipub.findings import FailOn, Finding, Report

__all__ = ["render_junit"]


# What XML 1.0 cannot hold (C0 controls but tab and line breaks, lone surrogates,
# U+FFFE/U+FFFF): article text may carry it, the report shows it escaped instead.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _xml_safe(text: str) -> str:
    """Return ``text`` with every character XML cannot hold written as ``\\uXXXX``."""
    return _NOT_XML.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _case_name(f: Finding) -> str:
    where = [p for p in (f.article, f.lang, f.field) if p]
    if f.block is not None:
        where.append(f"block {f.block}")
    return f"{f.code} {f.name}: {' '.join(where) or f.path}"


def _location(f: Finding) -> str:
    """Return ``path:line:column`` with the parts that are known."""
    where = f.path
    if f.line:
        where += f":{f.line}"
        if f.column:
            where += f":{f.column}"
    return where


def render_junit(report: Report, *, fail_on: FailOn = FailOn.ERROR) -> str:
    """Return the report as JUnit XML. Findings that reach ``fail_on`` are failures; the
    others are passing cases whose output carries the message. A clean run is one passing
    case, so CI dashboards show that the check ran."""
    root = ET.Element("testsuites", name="multipub")
    failures_total = 0
    for path, in_file in groupby(report.findings, key=lambda f: f.path):
        findings = list(in_file)
        failing = [f for f in findings if fail_on.is_reached_by(f.severity)]
        failures_total += len(failing)
        suite = ET.SubElement(
            root,
            "testsuite",
            name=_xml_safe(path),
            tests=str(len(findings)),
            failures=str(len(failing)),
        )
        # Two cases of one name are one case to GitLab: a repeated name gets its span.
        names = Counter(_case_name(f) for f in findings)
        taken: set[str] = set()
        for f in findings:
            name = _case_name(f)
            if names[name] > 1 and f.span is not None:
                name += f" [{f.span[0]}:{f.span[1]}]"
            # Still equal (one code, one place, two messages): number them.
            unique, number = name, 1
            while unique in taken:
                number += 1
                unique = f"{name} #{number}"
            taken.add(unique)
            case = ET.SubElement(
                suite, "testcase", name=_xml_safe(unique), classname=_xml_safe(path)
            )
            case.set("file", _xml_safe(path))
            if f.line:
                case.set("line", str(f.line))
            where = _xml_safe(_location(f))
            detail = _xml_safe(f.message + (f"\n{f.excerpt}" if f.excerpt else ""))
            detail = f"{where}: {detail}"
            if f in failing:
                failure = ET.SubElement(
                    case, "failure", message=_xml_safe(f.message), type=f.severity.value
                )
                failure.text = detail
            else:
                ET.SubElement(case, "system-out").text = f"{f.severity.value}: {detail}"
    if not report.findings:
        suite = ET.SubElement(root, "testsuite", name="multipub", tests="1", failures="0")
        ET.SubElement(suite, "testcase", name="no findings", classname="multipub")
    root.set("tests", str(max(1, len(report.findings))))
    root.set("failures", str(failures_total))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"

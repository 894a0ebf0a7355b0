"""The glossary report's data: coverage, renderings, unseen entries, unknown names."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from multipub.glossary import load_glossary
from multipub.glossary_report import build_report

ROOT = Path(__file__).resolve().parent.parent


def test_report_on_the_examples_with_the_desk_glossary() -> None:
    glossary = load_glossary([ROOT / "glossaries", ROOT / "examples" / "desk-people.csv"])
    data = build_report([ROOT / "examples"], glossary)
    assert data["articles"] == 5 and data["variants"] == 19
    ar = data["coverage"]["ar"]
    assert ar["mentions"] == ar["preferred"] + ar["accepted"] + ar["forbidden"] + ar["other"]
    assert ar["forbidden"] >= 4  # جسر three times, the forbidden title once
    point = next(e for e in data["entries"] if e["id"] == "term/video-conference-point")
    rows = {r["text"]: (r["kind"], r["count"]) for r in point["languages"]["ar"]["renderings"]}
    assert rows["جسر"] == ("forbidden", 3)
    assert point["languages"]["ar"]["articles_off_house_form"] == ["hoagiang-2024-03-14-conference"]
    assert "place/ha-noi" in data["unseen"] or len(data["unseen"]) > 50
    assert data["unknown_names"] == []  # the desk glossary knows every name
    json.dumps(data, ensure_ascii=False)  # JSON-ready


def test_unknown_names_ranked_with_suggestions_ready_to_paste() -> None:
    data = build_report([ROOT / "examples"], load_glossary(ROOT / "glossaries"))
    names = data["unknown_names"]
    assert names and names == sorted(names, key=lambda r: (-r["count"], r["name"]))
    first = names[0]
    assert first["suggestions"]["ru"] and first["suggestions"]["en"]
    [entry] = yaml.safe_load(first["yaml"])
    assert entry["kind"] == "person" and entry["terms"]["vi"] == first["name"]
    assert entry["id"].startswith("person/") and entry["id"].isascii()

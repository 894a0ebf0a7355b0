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


GLOSSARY_YAML = """
name: report-test
source_lang: vi
entries:
  - id: person/dao-minh-khoa
    kind: person
    gender: male
    terms:
      vi: Đào Minh Khoa
      ru: Дао Минь Кхоа
      ar: داو مينه خوا
  - id: org/provincial-peoples-committee
    kind: organization
    terms:
      vi: Ủy ban nhân dân tỉnh
      ru: Народный комитет провинции
"""


def _article(path: Path, article_id: str, variants: dict[str, list[str]]) -> None:
    data = {
        "id": article_id,
        "source_lang": "vi",
        "variants": {lang: {"title": "T", "blocks": blocks} for lang, blocks in variants.items()},
    }
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def _report(tmp_path: Path) -> dict[str, object]:
    (tmp_path / "g.yaml").write_text(GLOSSARY_YAML, encoding="utf-8")
    _article(
        tmp_path / "a.json",
        "a",
        {
            "vi": [
                "Ông Đào Minh Khoa gặp bà Lương Thị Hạnh và ông Tạ Văn Sơn tại Huế.",
                "Đào Minh Khoa phát biểu.",
            ],
            "ru": [
                "Дао Минь Кхоа встретился с делегацией.",
                "Делегацию принял Дао Минь Кхоа, затем с Дао Минь Кхоа беседовали.",
                "Народный комитет провинции и председатель Народного комитета провинции.",
                "Решение Народного комитета провинции опубликовано.",
            ],
            "ar": ["التقى داو مينه خوا بالوفد."],
        },
    )
    return build_report([tmp_path / "a.json"], load_glossary(tmp_path / "g.yaml"))


def test_entries_are_named_by_their_source_form(tmp_path: Path) -> None:
    data = _report(tmp_path)
    entry = next(e for e in data["entries"] if e["id"] == "person/dao-minh-khoa")  # type: ignore[union-attr]
    assert entry["name"] == "Đào Minh Khoa"


def test_the_source_language_is_not_rated_against_house_forms(tmp_path: Path) -> None:
    data = _report(tmp_path)
    coverage = data["coverage"]
    assert coverage["vi"]["source"] is True and coverage["vi"]["house_form_share"] is None  # type: ignore[index]
    assert coverage["ru"]["source"] is False and coverage["ru"]["house_form_share"] == 100.0  # type: ignore[index]
    entry = next(e for e in data["entries"] if e["id"] == "person/dao-minh-khoa")  # type: ignore[union-attr]
    vi = entry["languages"]["vi"]
    assert [r["kind"] for r in vi["renderings"]] == ["source"]
    assert vi["articles_off_house_form"] == []


def test_inflected_forms_are_grouped_under_the_form_they_inflect(tmp_path: Path) -> None:
    data = _report(tmp_path)
    entry = next(e for e in data["entries"] if e["id"] == "org/provincial-peoples-committee")  # type: ignore[union-attr]
    (row,) = entry["languages"]["ru"]["renderings"]
    assert row["text"] == "Народный комитет провинции" and row["kind"] == "preferred"
    assert row["count"] == 3
    assert row["inflections"] == [{"text": "Народного комитета провинции", "count": 2}]


def test_suggested_entries_carry_the_gender_their_middle_name_shows(tmp_path: Path) -> None:
    data = _report(tmp_path)
    names = {n["name"]: n for n in data["unknown_names"]}  # type: ignore[union-attr]
    assert names["Lương Thị Hạnh"]["gender"] == "female"
    assert yaml.safe_load(names["Lương Thị Hạnh"]["yaml"])[0]["gender"] == "female"
    assert names["Tạ Văn Sơn"]["gender"] == "male"


def test_the_markdown_report_ends_with_the_fingerprint(tmp_path: Path) -> None:
    from multipub.render.report import render_report_markdown

    data = _report(tmp_path)
    text = render_report_markdown(data)
    fingerprint = data["glossary"]["fingerprint"]  # type: ignore[index]
    assert text.rstrip().splitlines()[-1].endswith(f"fingerprint `{fingerprint}`.")
    assert "| Đào Minh Khoa (person/dao-minh-khoa) |" in text


def test_a_form_written_decomposed_is_not_an_inflection_of_itself(tmp_path: Path) -> None:
    import unicodedata

    decomposed = GLOSSARY_YAML.replace(
        "vi: Đào Minh Khoa", "vi: " + unicodedata.normalize("NFD", "Đào Minh Khoa")
    )
    (tmp_path / "g.yaml").write_text(decomposed, encoding="utf-8")
    _article(tmp_path / "a.json", "a", {"vi": ["Đào Minh Khoa phát biểu tại hội nghị."]})
    data = build_report([tmp_path / "a.json"], load_glossary(tmp_path / "g.yaml"))
    entry = next(e for e in data["entries"] if e["id"] == "person/dao-minh-khoa")
    (row,) = entry["languages"]["vi"]["renderings"]
    assert row["text"] == "Đào Minh Khoa" and row["inflections"] == []


def test_suggested_ids_never_collide(tmp_path: Path) -> None:
    (tmp_path / "g.yaml").write_text(GLOSSARY_YAML, encoding="utf-8")
    _article(
        tmp_path / "a.json",
        "a",
        {"vi": ["Ông Nguyễn Văn An gặp ông Nguyễn Văn Ân và ông Đào Minh Khôi tại Huế."]},
    )
    glossary = load_glossary(tmp_path / "g.yaml")
    data = build_report([tmp_path / "a.json"], glossary)
    ids = [yaml.safe_load(n["yaml"])[0]["id"] for n in data["unknown_names"]]
    assert ids == ["person/nguyen-van-an", "person/nguyen-van-an-2", "person/dao-minh-khoi"]
    assert not set(ids) & {e.id for e in glossary.entries}

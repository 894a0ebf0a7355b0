"""The publishing workflow end to end, through the command line, on a site of three
articles in five languages (test_publish.py's site, written to files): stamp the
translations, publish reciprocal alternates and a valid sitemap, then edit the
Vietnamese source of one article and see its translations marked needs_update (MP601),
held by the gate, left out of the sitemap, and explained on the review page."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from multipub.cli import main
from multipub.publish import SITEMAP_NS, XHTML_NS
from tests.test_publish import SITEMAP_XSD, XHTML_LINK_XSD, _site, _validate_structure

BASE = "https://news.example"
SM, XH = f"{{{SITEMAP_NS}}}", f"{{{XHTML_NS}}}"
EDITED = "da-nang-bridge"


def cli(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def _sitemap_entries(xml: str) -> dict[str, dict[str, str]]:
    root = _validate_structure(xml)
    return {
        url.findtext(f"{SM}loc") or "": {
            link.attrib["hreflang"]: link.attrib["href"] for link in url.findall(f"{XH}link")
        }
        for url in root
    }


def _assert_reciprocal(entries: dict[str, dict[str, str]]) -> None:
    for loc, links in entries.items():
        assert loc in links.values()
        for href in links.values():
            assert entries[href] == links


def _assert_valid(xml: str, tmp_path: Path) -> None:
    etree = pytest.importorskip("lxml.etree")
    (tmp_path / "sitemap.xsd").write_text(SITEMAP_XSD, encoding="utf-8")
    (tmp_path / "xhtml-link.xsd").write_text(XHTML_LINK_XSD, encoding="utf-8")
    schema = etree.XMLSchema(etree.parse(str(tmp_path / "sitemap.xsd")))
    document = etree.fromstring(xml.encode("utf-8"))
    assert schema.validate(document), schema.error_log


class _Marks(HTMLParser):
    """Collects the text the review page prints (markup left out)."""

    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_stamp_publish_edit_hold_and_review(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    for article in _site():
        data = article.model_dump(mode="json", exclude_none=True)
        (site / f"{article.id}.json").write_text(
            json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8"
        )

    # 1. The translations are stamped with the revision of their source.
    stamped = cli("stamp", str(site), "--write")
    assert stamped.exit_code == 0, stamped.output
    assert "12 translations stamped in 3 files" in stamped.output

    # 2. Everything passes the gate: reciprocal alternates, a valid sitemap of 15 pages.
    gate = cli("gate", str(site), "--format", "json")
    assert gate.exit_code == 0, gate.output
    sitemap_file = tmp_path / "sitemap.xml"
    published = cli(
        "publish", "alternates", str(site), "--base-url", BASE, "--sitemap", str(sitemap_file)
    )
    assert published.exit_code == 0, published.output
    xml = sitemap_file.read_text(encoding="utf-8")
    _assert_valid(xml, tmp_path)
    entries = _sitemap_entries(xml)
    assert len(entries) == 15
    _assert_reciprocal(entries)
    assert all(
        set(links) == {"vi", "en", "ar", "ru", "zh-Hans", "x-default"} for links in entries.values()
    )

    # 3. The Vietnamese source of one article is edited.
    path = site / f"{EDITED}.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["variants"]["vi"]["blocks"] = ["Cây cầu dài 650 mét, rộng 30 mét, có sáu làn xe."]
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")

    # Its four translations are now needs_update, and the gate holds them, saying why.
    gate = cli("gate", str(site), "--format", "json")
    assert gate.exit_code == 1
    decisions = json.loads(gate.stdout)
    held = sorted(
        (d["article"], d["lang"]) for d in decisions["decisions"] if d["action"] == "hold"
    )
    assert held == [(EDITED, lang) for lang in ("ar", "en", "ru", "zh-Hans")]
    reasons = [r for d in decisions["decisions"] if d["action"] == "hold" for r in d["reasons"]]
    assert reasons and all(r["kind"] == "needs_update" for r in reasons)
    assert all(
        r["message"] == "source block 0 edited since this translation was made" for r in reasons
    )

    # The sitemap keeps the source of the edited article alone, the others whole.
    published = cli(
        "publish", "alternates", str(site), "--base-url", BASE, "--sitemap", str(sitemap_file)
    )
    assert published.exit_code == 0
    xml = sitemap_file.read_text(encoding="utf-8")
    _assert_valid(xml, tmp_path)
    entries = _sitemap_entries(xml)
    assert len(entries) == 11
    _assert_reciprocal(entries)

    # The review page shows why: MP601 on each held translation.
    review = tmp_path / "review.html"
    checked = cli(
        "check", str(site), "--format", "html", "--output", str(review), "--fail-on", "warning"
    )
    assert checked.exit_code == 1
    page = review.read_text(encoding="utf-8")
    marks = _Marks()
    marks.feed(page)
    text = " ".join(marks.text)
    assert text.count("MP601") >= 4
    assert "needs-update" in text and "source block 0 edited" in text

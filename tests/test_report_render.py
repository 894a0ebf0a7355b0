"""The glossary report's renderers: JSON, GitHub Markdown and the self-contained HTML page.

Real data comes from the bundled examples; the escaping tests use small data written here,
whose texts try to break out of the page (scripts, quotes, pipes, links).
"""

from __future__ import annotations

import base64
import copy
import hashlib
import json
import re
import shutil
import subprocess
import unicodedata
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import yaml

from multipub.glossary import load_glossary
from multipub.glossary_report import build_report
from multipub.render.report import (
    render_report_html,
    render_report_json,
    render_report_markdown,
)

ROOT = Path(__file__).resolve().parent.parent
TABLE_IDS = ("coverage", "entries", "unknown-names")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}


# --- a small DOM, enough to ask where a text sits ---------------------------------------------


class Node:
    def __init__(self, tag: str, attrs: dict[str, str | None], parent: Node | None) -> None:
        self.tag = tag
        self.attrs = attrs
        self.parent = parent
        self.children: list[Node | str] = []

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def iter(self) -> list[Node]:
        out = [self]
        for c in self.children:
            if isinstance(c, Node):
                out.extend(c.iter())
        return out

    def isolated(self) -> bool:
        """True if this node or an ancestor isolates its direction (bdi, or a dir)."""
        node: Node | None = self
        while node is not None:
            if node.tag == "bdi" or node.attrs.get("dir") in ("auto", "ltr"):
                return True
            node = node.parent
        return False


class DomBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {}, None)
        self.current = self.root
        self.texts: list[tuple[str, Node]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, dict(attrs), self.current)
        self.current.children.append(node)
        if tag not in VOID:
            self.current = node

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.current.children.append(Node(tag, dict(attrs), self.current))

    def handle_endtag(self, tag: str) -> None:
        node: Node | None = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        assert node is not None and node.parent is not None, f"stray </{tag}>"
        self.current = node.parent

    def handle_data(self, data: str) -> None:
        self.current.children.append(data)
        self.texts.append((data, self.current))


def parse(html: str) -> DomBuilder:
    builder = DomBuilder()
    builder.feed(html)
    builder.close()
    assert builder.current is builder.root, f"unclosed <{builder.current.tag}>"
    return builder


def by_id(dom: DomBuilder, element_id: str) -> Node:
    found = [n for n in dom.root.iter() if n.attrs.get("id") == element_id]
    assert len(found) == 1, f"{len(found)} elements with id {element_id!r}"
    return found[0]


def cells(row: Node) -> list[Node]:
    return [c for c in row.children if isinstance(c, Node) and c.tag in ("td", "th")]


def has_rtl(text: str) -> bool:
    return any(unicodedata.bidirectional(c) in ("R", "AL") for c in text)


# --- data ---------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def full_data() -> dict[str, Any]:
    """The examples with the house glossary and the desk's people: every name is known."""
    glossary = load_glossary([ROOT / "glossaries", ROOT / "examples" / "desk-people.csv"])
    return build_report([ROOT / "examples"], glossary)


@pytest.fixture(scope="module")
def names_data() -> dict[str, Any]:
    """The examples with the house glossary only: the desk's people are unknown names."""
    return build_report([ROOT / "examples"], load_glossary([ROOT / "glossaries"]))


def hostile_data(script: str = "<script>alert(1)</script>") -> dict[str, Any]:
    """Small report data whose texts try to escape from HTML and Markdown."""
    yaml_text = '- id: person/b-x\n  kind: person\n  terms:\n    vi: "<b>&x"\n    ar: حسن | ``` x\n'
    return {
        "tool": {"name": "multipub", "version": "0.0.0-test"},
        "glossary": {"name": "desk <i>|glossary|</i>", "fingerprint": "0123456789ab", "entries": 2},
        "articles": 2,
        "variants": 4,
        "coverage": {
            "ar": {
                "mentions": 4, "preferred": 1, "accepted": 1, "forbidden": 1, "other": 1,
                "house_form_share": 25.0,
            },
            "en": {
                "mentions": 3, "preferred": 3, "accepted": 0, "forbidden": 0, "other": 0,
                "house_form_share": 100.0,
            },
        },
        "entries": [
            {
                "id": "org/<em>evil</em>",
                "kind": "organization",
                "preferred": {"ar": "الحزب الشيوعي", "en": "Party | Committee"},
                "languages": {
                    "ar": {
                        "mentions": 4,
                        "renderings": [
                            {"text": "الحزب الشيوعي", "kind": "preferred", "count": 1},
                            {"text": "حزب الشيوعي", "kind": "accepted", "count": 1},
                            {"text": "الحزب", "kind": "forbidden", "count": 1},
                            {"text": 'x" onmouseover="alert(2)', "kind": 'other" onclick="alert(3)', "count": 1},
                        ],
                        "articles_off_house_form": ["art-<1>", "art-2"],
                    },
                    "en": {
                        "mentions": 3,
                        "renderings": [
                            {"text": script, "kind": "preferred", "count": 2},
                            {"text": "see https://example.org/a|b", "kind": "preferred", "count": 1},
                        ],
                        "articles_off_house_form": [],
                    },
                },
            },
            {"id": "place/never", "kind": "place", "preferred": {"en": "Never"}, "languages": {}},
        ],
        "unseen": ["place/never"],
        "unknown_names": [
            {
                "name": '"<b>&x"',
                "count": 2,
                "articles": ["art-<1>"],
                "suggestions": {"en": ["B | X", "<b>"], "ar": ["حسن"], "zh": []},
                "yaml": yaml_text,
            }
        ],
    }  # fmt: skip


# --- HTML structure -----------------------------------------------------------------------------


def test_html_has_the_sections_as_tables_with_ids(full_data: dict[str, Any]) -> None:
    html = render_report_html(full_data)
    dom = parse(html)
    for table_id in TABLE_IDS:
        assert by_id(dom, table_id).tag == "table"
        assert 'class="sortable"' in html
    assert by_id(dom, "unseen").tag in ("ul", "ol", "table")
    assert html.startswith('<!DOCTYPE html>\n<html lang="en">')
    assert '<meta charset="utf-8">' in html
    header = next(n for n in dom.root.iter() if n.tag == "header").text()
    glossary = full_data["glossary"]
    for value in (glossary["name"], glossary["fingerprint"], full_data["tool"]["version"]):
        assert value in header
    assert f"Articles{full_data['articles']}" in header.replace("\n", "")
    assert f"Variants{full_data['variants']}" in header.replace("\n", "")
    # Readable without JS: the data is in the page; the filter boxes come only with the script.
    assert 'type="search"' not in html
    entries = by_id(dom, "entries").text()
    seen = [e for e in full_data["entries"] if e["languages"]]
    assert seen and all(e["id"] in entries for e in seen)
    unseen = by_id(dom, "unseen")
    assert [li.text() for li in unseen.iter() if li.tag == "li"] == full_data["unseen"]


def test_html_coverage_table_and_chart_show_every_language(full_data: dict[str, Any]) -> None:
    dom = parse(render_report_html(full_data))
    coverage = by_id(dom, "coverage")
    rows = [n for n in coverage.iter() if n.tag == "tr"][1:]
    assert [cells(r)[0].text() for r in rows] == list(full_data["coverage"])
    for row, counts in zip(rows, full_data["coverage"].values(), strict=True):
        if counts.get("source"):
            # The source language: mentions, and no rating against the house forms.
            assert cells(row)[1].text() == str(counts["mentions"])
            assert "not rated" in cells(row)[2].text()
            continue
        assert [c.text() for c in cells(row)[1:]] == [
            str(counts[k]) for k in ("mentions", "preferred", "accepted", "forbidden", "other")
        ] + [f"{counts['house_form_share']:.1f} %"]
    svgs = [n for n in dom.root.iter() if n.tag == "svg"]
    assert len(svgs) == 1
    svg = svgs[0]
    labels = [t.text() for t in svg.iter() if t.tag == "text"]
    bars = [r for r in svg.iter() if r.tag == "rect"]
    rated = {k: v for k, v in full_data["coverage"].items() if not v.get("source")}
    assert rated and len(rated) < len(full_data["coverage"])  # the source has no bar
    for lang, counts in rated.items():
        assert lang in labels
        assert f"{counts['house_form_share']:.1f} %" in labels
        # One segment per kind present; the house-form segment is as wide as its share.
        segments = [r for r in bars if r.text().startswith(f"{lang}:")]
        assert len(segments) == sum(
            1 for k in ("preferred", "accepted", "forbidden", "other") if counts[k]
        )
        house = next(r for r in segments if r.attrs["class"] == "seg-preferred")
        assert float(house.attrs["width"] or 0) == pytest.approx(
            520 * counts["house_form_share"] / 100, abs=0.5
        )


def test_html_unknown_names_with_suggestions_and_yaml(names_data: dict[str, Any]) -> None:
    assert names_data["unknown_names"], "the examples should have names the glossary lacks"
    dom = parse(render_report_html(names_data))
    table = by_id(dom, "unknown-names")
    rows = [n for n in table.iter() if n.tag == "tr"][1:]
    assert len(rows) == len(names_data["unknown_names"])
    for row, name in zip(rows, names_data["unknown_names"], strict=True):
        assert name["name"] in row.text()
        for forms in name["suggestions"].values():
            assert all(form in row.text() for form in forms)
        pre = next(n for n in row.iter() if n.tag == "pre")
        assert pre.text() == name["yaml"]
        # Paste-ready YAML reads left to right, Arabic values included.
        assert pre.attrs.get("dir") == "ltr"
        assert yaml.safe_load(pre.text())[0]["terms"]["vi"] == name["name"]
    # Ranked by frequency, as the data gives them.
    counts = [int(cells(r)[2].text()) for r in rows]
    assert counts == [name["count"] for name in names_data["unknown_names"]]
    assert counts == sorted(counts, reverse=True)


def test_html_right_to_left_text_is_isolated(full_data: dict[str, Any]) -> None:
    dom = parse(render_report_html(full_data))
    arabic = [(text, node) for text, node in dom.texts if has_rtl(text)]
    assert len(arabic) > 10
    for text, node in arabic:
        assert node.isolated(), f"{text!r} in <{node.tag}> is not in a bdi or dir=auto element"
    # Each rendering is its own isolate: Arabic never shares a bdi with its count or label.
    for text, node in arabic:
        if node.tag == "bdi":
            assert node.text() == text


def test_html_without_unknown_names_or_mentions_keeps_its_tables() -> None:
    data = hostile_data()
    data.update(coverage={}, unknown_names=[], unseen=[], articles=0, variants=0)
    for entry in data["entries"]:
        entry["languages"] = {}
    dom = parse(render_report_html(data))
    for table_id in (*TABLE_IDS, "unseen"):
        by_id(dom, table_id)
    assert "No unknown name." in by_id(dom, "unknown-names").text()


# --- escaping -----------------------------------------------------------------------------------


def test_html_escapes_every_text() -> None:
    html = render_report_html(hostile_data())
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>alert" not in html
    assert html.count("<script") == 1  # the page's own
    assert "&lt;b&gt;&amp;x" in html
    assert "<b>&x" not in html
    assert "<em>evil" not in html and "&lt;em&gt;evil&lt;/em&gt;" in html
    assert "<i>|glossary" not in html
    assert "art-<1>" not in html
    # Quotes cannot leave an attribute or start one.
    assert 'onmouseover="' not in html
    assert 'onclick="' not in html
    dom = parse(html)
    for node in dom.root.iter():
        assert not any(name.startswith("on") for name in node.attrs), node.attrs
    assert not any(n.tag in ("b", "i", "em") for n in dom.root.iter())
    # The parsed page gives the data back as it was.
    entries = by_id(dom, "entries").text()
    assert "<script>alert(1)</script>" in entries
    assert 'x" onmouseover="alert(2)' in entries
    assert '"<b>&x"' in by_id(dom, "unknown-names").text()


def test_html_allows_only_its_own_script() -> None:
    html = render_report_html(hostile_data())
    csp = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', html)
    assert csp is not None
    policy = csp.group(1)
    assert "default-src 'none'" in policy
    assert "unsafe-inline'" not in policy.split("script-src", 1)[1].split(";")[0]
    script = re.search(r"<script>(.*?)</script>", html, re.DOTALL)
    assert script is not None
    digest = base64.b64encode(hashlib.sha256(script.group(1).encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in policy


def test_markdown_escapes_pipes_and_markup() -> None:
    md = render_report_markdown(hostile_data())
    assert "example.org/a\\|b" in md
    assert "<script>" not in md and "\\<script\\>" in md
    outside_fences = md.split("\n### ")[0]
    assert "<b>" not in outside_fences and "<i>" not in outside_fences
    assert "\\<b\\>\\&x" in outside_fences
    tables = [b for b in md.split("\n\n") if b.startswith("|")]
    assert len(tables) == 4
    for table in tables:
        widths = {len(re.split(r"(?<!\\)\|", line)) for line in table.splitlines()}
        assert len(widths) == 1, table
    # Right-to-left text is isolated so it cannot reorder the cell around it.
    assert "\u2068الحزب الشيوعي\u2069" in md


def test_markdown_fences_hold_yaml_that_has_backticks() -> None:
    data = hostile_data()
    md = render_report_markdown(data)
    yaml_text = data["unknown_names"][0]["yaml"]
    assert f"````yaml\n{yaml_text}````\n" in md


# --- real data in Markdown and JSON -------------------------------------------------------------


def test_markdown_has_the_sections(full_data: dict[str, Any], names_data: dict[str, Any]) -> None:
    md = render_report_markdown(full_data)
    for heading in (
        "## Coverage by language",
        "## Entries",
        "## Unknown names",
        "## Entries never seen",
    ):
        assert f"\n{heading}\n" in md
    assert md.startswith(f"# Glossary report: {full_data['glossary']['name']}\n")
    assert full_data["glossary"]["fingerprint"] in md
    for lang, counts in full_data["coverage"].items():
        assert re.search(rf"^\| {re.escape(lang)} \| {counts['mentions']} \|", md, re.MULTILINE)
    for entry_id in full_data["unseen"]:
        assert f"\n- {entry_id}\n" in md
    md = render_report_markdown(names_data)
    for name in names_data["unknown_names"]:
        assert f"```yaml\n{name['yaml']}```\n" in md
        assert re.search(
            rf"^\| \d+ \| {re.escape(name['name'])} \| {name['count']} \|", md, re.MULTILINE
        )


def test_json_is_the_data(names_data: dict[str, Any]) -> None:
    text = render_report_json(names_data)
    assert text.endswith("}\n")
    assert json.loads(text) == names_data
    assert "دو فان" in text or any(has_rtl(c) for c in text)  # not ASCII-escaped
    assert list(json.loads(text)) == list(names_data)  # key order kept


# --- determinism and no network -----------------------------------------------------------------


@pytest.mark.parametrize("render", [render_report_html, render_report_markdown, render_report_json])
def test_rendering_is_deterministic(render: Any, names_data: dict[str, Any]) -> None:
    first = render(names_data)
    assert render(copy.deepcopy(names_data)) == first
    assert render(names_data) == first


@pytest.mark.parametrize("data_name", ["full", "names", "hostile"])
def test_html_needs_no_network(
    data_name: str, full_data: dict[str, Any], names_data: dict[str, Any]
) -> None:
    data = {"full": full_data, "names": names_data, "hostile": hostile_data()}[data_name]
    html = render_report_html(data)
    dom = parse(html)
    for node in dom.root.iter():
        for name, value in node.attrs.items():
            if name == "content" and node.attrs.get("http-equiv"):
                continue
            assert not re.search(r"(?i)^\s*(https?:|//|ftp:)", value or ""), (node.tag, name, value)
    assert not any(
        n.tag in ("link", "img", "iframe", "object", "embed", "base") for n in dom.root.iter()
    )
    assert "@import" not in html and "url(" not in html
    # The only addresses in the page are data, escaped, in text.
    in_text = sum(t.count("://") for t, _ in dom.texts)
    assert html.count("://") == in_text
    if data_name != "hostile":
        assert "http://" not in html and "https://" not in html


# --- in a real browser ----------------------------------------------------------------------------


def find_chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


def run_chromium(browser: str, profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            browser, "--headless", "--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--no-first-run", f"--user-data-dir={profile}", *args,
        ],
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip


def test_html_in_headless_chromium(tmp_path: Path, names_data: dict[str, Any]) -> None:
    browser = find_chromium()
    if browser is None:
        pytest.skip("Chromium not installed: apt-get install chromium")
    data = copy.deepcopy(names_data)
    hostile = hostile_data("<script>document.title='pwned'</script>")
    data["entries"].insert(0, hostile["entries"][0])
    data["unknown_names"].insert(0, hostile["unknown_names"][0])
    page = tmp_path / "report.html"
    page.write_text(render_report_html(data), encoding="utf-8")
    shot = tmp_path / "shot.png"

    result = run_chromium(
        browser, tmp_path / "profile-shot", f"--screenshot={shot}", "--window-size=1280,2000",
        page.as_uri(),
    )  # fmt: skip
    assert shot.exists(), result.stderr[-2000:]
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert shot.stat().st_size > 10_000

    result = run_chromium(browser, tmp_path / "profile-dom", "--dump-dom", page.as_uri())
    dom = result.stdout
    assert result.returncode == 0, result.stderr[-2000:]
    for element_id in (*TABLE_IDS, "unseen"):
        assert f'id="{element_id}"' in dom
    assert "&lt;script&gt;document.title='pwned'&lt;/script&gt;" in dom
    title = re.search(r"<title>(.*?)</title>", dom, re.DOTALL)
    assert title is not None
    assert title.group(1) != "pwned"
    assert title.group(1).startswith("Glossary report: ")
    # The page's own script ran (its hash is in the CSP): it added one filter box per table.
    assert dom.count('class="filter"') == 4
    assert 'aria-sort="none"' in dom

"""The editor's review page (``render(report, "html")``, :mod:`multipub.render.html`).

The page is parsed into a tree (a strict HTMLParser: every element must close where it
opened) and checked the way an editor reads it: each finding highlighted on exactly its
text, markup in articles shown as text, Arabic right to left, gaps and suppressed
findings visible, filters there, and the same bytes every time. A headless Chromium,
when there is one, shows that the page loads and that its script runs under its CSP.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import shutil
import subprocess
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest

import multipub
from multipub.findings import Finding, Related, Report, Severity, Summary, Suppressed, ToolInfo
from multipub.models import Article
from multipub.render import FORMATS, render
from multipub.render.html import COLLAPSE_OVER, load_articles, render_html
from multipub.render.sarif import _RULE_HELP

ROOT = Path(__file__).resolve().parents[1]
PATH = "desk/pomelo.json"
ARTICLE_ID = "hatinh-2024-pomelo"

# --------------------------------------------------------------------------------------
# A small DOM


_VOID = set("area base br col embed hr img input link meta source wbr".split())


@dataclass(eq=False)
class Node:
    """An element of the parsed page (compared and hashed by identity)."""

    tag: str
    attrs: dict[str, str | None]
    parent: Node | None = None
    children: list[Node | str] = field(default_factory=list)

    def iter(self, tag: str | None = None) -> Iterator[Node]:
        """Yield this element and every element below it (of ``tag`` if given)."""
        if tag is None or self.tag == tag:
            yield self
        for child in self.children:
            if isinstance(child, Node):
                yield from child.iter(tag)

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def classes(self) -> set[str]:
        return set((self.attrs.get("class") or "").split())

    def get(self, name: str) -> str:
        value = self.attrs.get(name)
        assert value is not None, f"<{self.tag}> has no {name}"
        return value

    def ancestors(self) -> Iterator[Node]:
        node = self.parent
        while node is not None:
            yield node
            node = node.parent


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {})
        self.current = self.root
        self.texts: list[tuple[str, Node]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, dict(attrs), self.current)
        self.current.children.append(node)
        if tag not in _VOID:
            self.current = node

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.current.children.append(Node(tag, dict(attrs), self.current))

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID:
            return
        # Strict: the page closes every element it opens, in order.
        assert self.current.tag == tag, f"</{tag}> closes <{self.current.tag}>"
        assert self.current.parent is not None
        self.current = self.current.parent

    def handle_data(self, data: str) -> None:
        self.current.children.append(data)
        self.texts.append((data, self.current))


def parse(page: str) -> tuple[Node, list[tuple[str, Node]]]:
    """Return the page's tree and its text nodes (each with its element)."""
    builder = _TreeBuilder()
    builder.feed(page)
    builder.close()
    assert builder.current is builder.root, "elements left open"
    return builder.root, builder.texts


# --------------------------------------------------------------------------------------
# An article in four languages, and findings made by hand on it

VI = {
    "title": "Hà Tĩnh mở rộng vùng trồng bưởi Phúc Trạch",
    "lead": "Năm nay tỉnh Hà Tĩnh trồng thêm 120 ha bưởi, nâng tổng diện tích lên 1.850 ha.",
    "blocks": [
        "Theo Sở Nông nghiệp, sản lượng bưởi năm 2024 ước đạt 21.000 tấn.",
        "Giá bán tại vườn dao động từ 35.000 đến 50.000 đồng mỗi quả.",
        "Hợp tác xã Phúc Trạch đã ký hợp đồng xuất khẩu 300 tấn sang Hà Lan.",
        "Tỉnh sẽ hỗ trợ nông dân 40% chi phí cấp chứng nhận VietGAP.",
    ],
}
# The Arabic leaves out the third block: its table has a gap there.
AR = {
    "title": "ها تينه توسع مناطق زراعة بوملي فوك تراتش",
    "lead": "زرعت مقاطعة ها تينه هذا العام 120 هكتارا إضافيا من البوملي، ليصل إجمالي المساحة إلى 1850 هكتارا.",
    "blocks": [
        "وفقا لإدارة الزراعة، يقدر إنتاج البوملي في عام 2024 بنحو 21000 طن.",
        "يتراوح سعر البيع في البساتين بين 35000 و50000 دونغ للثمرة.",
        "ستدعم المقاطعة المزارعين بنسبة 40% من تكلفة شهادة VietGAP.",
    ],
}
RU = {
    "title": "Хатинь расширяет посадки помело Фукчать",
    "lead": "В этом году провинция Хатинь высадила ещё 120 га помело, доведя общую площадь до 1850 га.",
    "blocks": [
        "По данным департамента сельского хозяйства, урожай помело в 2024 году составит около 21 000 тонн.",
        "Цена в садах колеблется от 35 000 до 50 000 донгов за плод.",
        "Кооператив Фукчать подписал контракт на экспорт 3000 тонн в Нидерланды.",
        "Провинция возьмёт на себя 40% расходов фермеров на сертификацию VietGAP.",
    ],
}
ZH = {
    "title": "河静省扩大福泽柚种植面积",
    "lead": "今年河静省新增柚子种植面积120公顷，总面积达到1850公顷。",
    "blocks": [
        "据农业厅介绍，2024年柚子产量预计达到21000吨。",
        "果园收购价格为每个35000至50000越南盾。",
        "福泽合作社已签订向荷兰出口300吨的合同。",
        "该省将为农民承担VietGAP认证费用的40%。",
    ],
}
TEXTS = {"vi": VI, "ar": AR, "ru": RU, "zh-Hans": ZH}


def make_article(
    texts: Mapping[str, Mapping[str, object]] = TEXTS, article_id: str = ARTICLE_ID
) -> Article:
    return Article.model_validate(
        {
            "id": article_id,
            "source_lang": "vi",
            "variants": {lang: dict(t) for lang, t in texts.items()},
        }
    )


def _text(article: Article, lang: str, fld: str, block: int | None) -> str:
    return article.variants[lang].text_of(fld, block)  # type: ignore[arg-type]


def at(
    article: Article,
    code: str,
    lang: str | None,
    fld: str | None,
    block: int | None,
    needle: str | None,
    message: str,
    *,
    severity: Severity = Severity.WARNING,
    name: str = "some-check",
    suppressed: Suppressed | None = None,
    path: str = PATH,
    occurrence: int = 0,
    related: tuple[Related, ...] = (),
) -> Finding:
    """Return a finding on ``needle`` (its ``occurrence``-th place) in a text of ``article``."""
    span = None
    if needle is not None:
        assert lang is not None and fld is not None
        text = _text(article, lang, fld, block)
        start = -1
        for _ in range(occurrence + 1):
            start = text.index(needle, start + 1)
        span = (start, start + len(needle))
    return Finding(
        code=code,
        name=name,
        severity=severity,
        path=path,
        article=article.id,
        lang=lang,
        field=fld,  # type: ignore[arg-type]
        block=block,
        span=span,
        message=message,
        suppressed=suppressed,
        related=related,
    )


def make_report(findings: list[Finding], suppressed: list[Finding] | None = None) -> Report:
    return Report(
        tool=ToolInfo(version="0+test"),
        summary=Summary(
            articles=1,
            variants=4,
            errors=sum(f.severity is Severity.ERROR for f in findings),
            warnings=sum(f.severity is Severity.WARNING for f in findings),
            infos=sum(f.severity is Severity.INFO for f in findings),
            suppressed=len(suppressed or ()),
        ),
        findings=tuple(findings),
        suppressed=tuple(suppressed or ()),
        signature="multipub:test",
        files=1,
    )


ARTICLE = make_article()
ERROR, INFO = Severity.ERROR, Severity.INFO
REASON = "VietGAP is the standard's own name, kept in every language"
FINDINGS = [
    at(ARTICLE, "MP503", "ar", "title", None, AR["title"], "the title is long"),
    at(
        ARTICLE,
        "MP501",
        "ru",
        "blocks",
        2,
        "3000",
        "number 300 is 3000 here",
        severity=ERROR,
        related=(Related(field="blocks", block=2, lang="vi"),),
    ),
    # Three overlapping spans: one inside another, a third across both ends.
    at(ARTICLE, "MP104", "ru", "blocks", 2, "Кооператив Фукчать", "two forms of the cooperative"),
    at(ARTICLE, "MP201", "ru", "blocks", 2, "Фукчать", "a name misspelt"),
    at(ARTICLE, "MP402", "ru", "blocks", 2, "Фукчать подписал", "a fragment", severity=INFO),
    at(ARTICLE, "MP402", "zh-Hans", "blocks", 3, "VietGAP", "Latin letters in zh", severity=INFO),
    at(ARTICLE, "MP202", "vi", "title", None, "Phúc Trạch", "an unknown name", severity=INFO),
    # No span: the whole block, a whole variant, the whole article.
    at(ARTICLE, "MP303", "ar", "blocks", 1, None, "block 1 left untranslated", severity=ERROR),
    at(ARTICLE, "MP101", "ar", None, None, None, "the entry 'pomelo' is missing"),
    at(ARTICLE, "MP002", None, None, None, None, "a suppression silenced nothing"),
]
SUPPRESSED = [
    at(
        ARTICLE,
        "MP403",
        "ru",
        "blocks",
        3,
        "VietGAP",
        "a page element in the text",
        suppressed=Suppressed(kind="in-article", reason=REASON),
    )
]
REPORT = make_report(FINDINGS, SUPPRESSED)
ARTICLES = {(PATH, ARTICLE_ID): ARTICLE}


@pytest.fixture(scope="module")
def page() -> str:
    return render_html(REPORT, ARTICLES)


def finding_ids(root: Node) -> dict[str, str]:
    """Return each listed finding's id on the page, keyed by its message."""
    ids = {}
    for li in root.iter("li"):
        if "data-finding" in li.attrs:
            (msg,) = [b for b in li.iter("bdi") if "msg" in b.classes()]
            ids[msg.text()] = li.get("data-finding")
    return ids


def marked_text(root: Node) -> dict[str, str]:
    """Return the text each finding's marks cover, in page order, keyed by finding id."""
    marked: dict[str, str] = {}
    for mark in root.iter("mark"):
        if "data-f" not in mark.attrs:
            continue  # the legend
        for fid in mark.get("data-f").split():
            marked[fid] = marked.get(fid, "") + mark.text()
    return marked


def assert_marks_match(
    page: str, findings: list[Finding], articles: Mapping[tuple[str, str], Article]
) -> int:
    """Assert that each finding with a span is marked on exactly its text; return how many."""
    root, _ = parse(page)
    ids = finding_ids(root)
    marked = marked_text(root)
    checked = 0
    for f in findings:
        if f.span is None:
            continue
        assert f.article is not None and f.lang is not None and f.field is not None
        text = articles[(f.path, f.article)].variants[f.lang].text_of(f.field, f.block)
        fid = ids[f.message]
        assert marked.get(fid) == text[f.span[0] : f.span[1]], (f.code, f.message)
        checked += 1
    return checked


# --------------------------------------------------------------------------------------
# Highlights


def test_every_span_is_highlighted_on_exactly_its_text(page: str) -> None:
    spans = [f for f in (*FINDINGS, *SUPPRESSED) if f.span is not None]
    assert assert_marks_match(page, spans, ARTICLES) == len(spans) == 8


def test_overlapping_spans_are_split_into_segments_carrying_every_code(page: str) -> None:
    root, _ = parse(page)
    ids = finding_ids(root)
    wanted = {ids["two forms of the cooperative"], ids["a name misspelt"], ids["a fragment"]}
    marks = [m for m in root.iter("mark") if set(m.attrs.get("data-f", "").split()) & wanted]
    assert [m.text() for m in marks] == ["Кооператив ", "Фукчать", " подписал"]
    assert [m.get("data-code") for m in marks] == ["MP104", "MP104 MP201 MP402", "MP402"]
    assert "multi" in marks[1].classes()
    # The worst severity colours the piece; the tooltip names every finding on it.
    assert "sev-warning" in marks[1].classes()
    title = marks[1].get("title")
    assert "MP104" in title and "MP201" in title and "MP402" in title and "a name misspelt" in title
    # The segments sit in the Russian block's text, in order, with the plain text between.
    (text_div,) = {m.parent for m in marks if m.parent is not None}
    assert text_div.text() == RU["blocks"][2]


def test_marks_carry_severity_classes_codes_and_tooltips(page: str) -> None:
    root, _ = parse(page)
    ids = finding_ids(root)
    (mark,) = [
        m for m in root.iter("mark") if m.attrs.get("data-f") == ids["number 300 is 3000 here"]
    ]
    assert mark.classes() >= {"m", "sev-error"}
    assert mark.get("data-code") == "MP501"
    assert mark.get("data-severity") == "error"
    assert mark.get("title") == "MP501 error: number 300 is 3000 here"


def test_each_finding_is_listed_under_its_block_with_a_link_to_its_rule(page: str) -> None:
    root, _ = parse(page)
    items = {li.get("data-finding"): li for li in root.iter("li") if "data-finding" in li.attrs}
    assert len(items) == len(FINDINGS) + len(SUPPRESSED)
    ids = finding_ids(root)
    li = items[ids["number 300 is 3000 here"]]
    (link,) = [a for a in li.iter("a") if "code" in a.classes()]
    assert link.get("href") == _RULE_HELP.format(code="MP501")
    assert link.text() == "MP501"
    assert "some-check" in li.text() and "error" in li.text()
    # Under the Russian block 2, inside the unit that holds its text.
    unit = next(a for a in li.ancestors() if "unit" in a.classes())
    (text_div,) = [d for d in unit.iter("div") if "text" in d.classes()]
    assert text_div.text() == RU["blocks"][2]
    assert li.get("data-lang") == "ru" and li.get("data-code") == "MP501"


def test_ids_are_unique_and_every_link_inside_the_page_lands(page: str) -> None:
    root, _ = parse(page)
    ids = [n.get("id") for n in root.iter() if "id" in n.attrs]
    assert len(ids) == len(set(ids))
    links = [a.get("href") for a in root.iter("a") if a.get("href").startswith("#")]
    assert links and {href[1:] for href in links} <= set(ids)
    # The related place of the Russian number: the source block beside it.
    (li,) = [li for li in root.iter("li") if "number 300 is 3000 here" in li.text()]
    (related,) = [a for a in li.iter("a") if a.get("href").startswith("#")]
    assert related.text() == "block 2 of vi"
    (target,) = [n for n in root.iter() if n.attrs.get("id") == related.get("href")[1:]]
    assert VI["blocks"][2] in target.text()
    table = next(a for a in target.ancestors() if a.tag == "table")
    assert table is _variant_table(root, "ru")


def test_findings_without_a_span_are_listed_above_and_outline_their_block(page: str) -> None:
    root, _ = parse(page)
    ids = finding_ids(root)
    items = {li.get("data-finding"): li for li in root.iter("li") if "data-finding" in li.attrs}
    # The article's own finding: in the article's list, before any variant.
    article_level = items[ids["a suppression silenced nothing"]]
    assert not any(
        a.tag == "details" and "variant" in a.classes() for a in article_level.ancestors()
    )
    # The variant's own finding: in the Arabic section, above its table.
    variant_level = items[ids["the entry 'pomelo' is missing"]]
    section = next(a for a in variant_level.ancestors() if a.tag == "details")
    assert section.get("data-variant-lang") == "ar"
    assert not any(a.tag == "table" for a in variant_level.ancestors())
    # A whole block: listed under it and the block outlined in the finding's colour.
    block_level = items[ids["block 1 left untranslated"]]
    unit = next(a for a in block_level.ancestors() if "unit" in a.classes())
    assert unit.classes() >= {"whole", "sev-error"}
    assert unit.get("data-f") == ids["block 1 left untranslated"]
    assert AR["blocks"][1] in unit.text()


# --------------------------------------------------------------------------------------
# Layout: aligned columns, gaps, directions


def _variant_table(root: Node, lang: str) -> Node:
    for details in root.iter("details"):
        if details.attrs.get("data-variant-lang") == lang:
            (table,) = details.iter("table")
            return table
    raise AssertionError(f"no section for {lang}")


def test_each_translation_is_beside_its_source_row_by_row(page: str) -> None:
    root, _ = parse(page)
    table = _variant_table(root, "ru")
    rows = [tr for tr in table.iter("tr") if "data-f" in tr.attrs]
    cells = [[td.text() for td in tr.iter("td")] for tr in rows]
    assert len(cells) == 2 + len(VI["blocks"])  # title, lead, blocks
    for (left, right), vi, ru in zip(
        cells,
        [VI["title"], VI["lead"], *VI["blocks"]],
        [RU["title"], RU["lead"], *RU["blocks"]],
        strict=True,
    ):
        assert vi in left and ru in right


def test_a_block_without_counterpart_is_a_marked_gap(page: str) -> None:
    root, _ = parse(page)
    table = _variant_table(root, "ar")
    rows = [[td for td in tr.iter("td")] for tr in table.iter("tr") if "data-f" in tr.attrs]
    gaps = [row for row in rows if any("gap" in td.classes() for td in row)]
    assert len(gaps) == 1
    (left, right) = gaps[0]
    assert VI["blocks"][2] in left.text()
    assert "gap" in right.classes() and right.text() == "no counterpart"


@pytest.mark.parametrize(
    ("lang", "direction"), [("ar", "rtl"), ("vi", "ltr"), ("ru", "ltr"), ("zh-Hans", "ltr")]
)
def test_cells_carry_their_language_and_direction(page: str, lang: str, direction: str) -> None:
    root, _ = parse(page)
    cells = [td for td in root.iter("td") if td.attrs.get("lang") == lang]
    assert cells
    assert {td.get("dir") for td in cells} == {direction}


@pytest.mark.parametrize("lang", ["fa", "ur", "he", "ar-EG"])
def test_other_right_to_left_languages_get_rtl_cells(lang: str) -> None:
    texts = {"vi": {"blocks": ["Một câu."]}, lang: {"blocks": ["ABC"]}}
    article = make_article(texts, "rtl-" + lang)
    report = make_report([at(article, "MP303", lang, "blocks", 0, "B", "middle letter")])
    root, _ = parse(render_html(report, {(PATH, article.id): article}))
    assert {td.get("dir") for td in root.iter("td") if td.attrs.get("lang") == lang} == {"rtl"}


def test_no_source_variant_shows_each_variant_alone() -> None:
    article = Article.model_validate(
        {"id": "only-ru", "source_lang": "vi", "variants": {"ru": {"blocks": RU["blocks"]}}}
    )
    report = make_report([at(article, "MP501", "ru", "blocks", 2, "3000", "number 3000")])
    page = render_html(report, {(PATH, "only-ru"): article})
    root, _ = parse(page)
    table = _variant_table(root, "ru")
    assert all(len(list(tr.iter("td"))) == 1 for tr in table.iter("tr") if "data-f" in tr.attrs)
    assert assert_marks_match(page, list(report.findings), {(PATH, "only-ru"): article}) == 1


# --------------------------------------------------------------------------------------
# Suppressed findings, filters, counts


def test_suppressed_findings_are_greyed_with_their_reason(page: str) -> None:
    root, _ = parse(page)
    ids = finding_ids(root)
    fid = ids["a page element in the text"]
    (li,) = [li for li in root.iter("li") if li.attrs.get("data-finding") == fid]
    assert "b-suppressed" in li.classes()
    assert li.get("data-suppressed") == "in-article"
    assert REASON in li.text() and "suppressed" in li.text()
    (mark,) = [m for m in root.iter("mark") if m.attrs.get("data-f") == fid]
    assert "sev-suppressed" in mark.classes()
    assert REASON in mark.get("title")


def test_filters_by_language_code_and_severity_are_on_the_page(page: str) -> None:
    root, _ = parse(page)
    boxes: dict[str, set[str]] = {}
    for box in root.iter("input"):
        assert box.get("type") == "checkbox"
        boxes.setdefault(box.get("data-filter"), set()).add(box.get("value"))
    assert boxes["lang"] == {"", "ar", "ru", "vi", "zh-Hans"}
    assert boxes["severity"] == {"error", "warning", "info"}
    assert boxes["code"] == {f.code for f in (*FINDINGS, *SUPPRESSED)}
    assert boxes["show"] == {"suppressed", "flagged"}
    # Hidden until the script runs: without it the boxes would do nothing.
    (panel,) = [s for s in root.iter("section") if s.attrs.get("id") == "filters"]
    assert "hidden" in panel.attrs


def test_the_one_script_is_inline_and_allowed_by_its_hash_only(page: str) -> None:
    root, _ = parse(page)
    scripts = list(root.iter("script"))
    assert len(scripts) == 1 and "src" not in scripts[0].attrs
    digest = hashlib.sha256(scripts[0].text().encode("utf-8")).digest()
    (csp,) = [
        m for m in root.iter("meta") if m.attrs.get("http-equiv") == "Content-Security-Policy"
    ]
    policy = csp.get("content")
    assert "default-src 'none'" in policy
    assert f"script-src 'sha256-{base64.b64encode(digest).decode()}'" in policy
    # Nothing is fetched: no external resource of any kind.
    assert not [n for n in root.iter() if n.tag in {"link", "img", "iframe", "object"}]
    assert not [n for n in root.iter() if "src" in n.attrs]


def test_counts_per_language_at_the_top(page: str) -> None:
    root, _ = parse(page)
    (counts,) = [s for s in root.iter("section") if s.attrs.get("id") == "counts"]
    rows = {}
    for tr in counts.iter("tr"):
        cells = [c.text() for c in tr.children if isinstance(c, Node)]
        rows[cells[0]] = cells[1:]
    assert rows["Language"] == ["error", "warning", "info", "suppressed"]
    assert rows["ar"] == ["1", "2", "0", "0"]
    assert rows["ru"] == ["1", "2", "1", "1"]
    assert rows["zh-Hans"] == ["0", "0", "1", "0"]
    assert rows["vi"] == ["0", "0", "1", "0"]
    assert rows["All"] == ["2", "5", "3", "1"]


def test_the_same_input_gives_the_same_bytes() -> None:
    first = render_html(REPORT, ARTICLES)
    other = make_article(article_id="another")
    more = {(PATH, ARTICLE_ID): make_article(), ("a/other.json", "another"): other}
    reordered = dict(reversed(list(more.items())))
    assert render_html(REPORT, ARTICLES) == first
    assert render_html(REPORT, more) == render_html(REPORT, reordered)
    shuffled = REPORT.model_copy(update={"findings": tuple(reversed(REPORT.findings))})
    assert render_html(shuffled, ARTICLES) == first


# --------------------------------------------------------------------------------------
# Untrusted text


HOSTILE = "<script>alert(1)</script>"
IMG = '<img src=x onerror="alert(2)">'
QUOTE = '" onmouseover="alert(3)'


def test_markup_in_articles_and_findings_shows_as_text() -> None:
    texts = {
        "vi": {"title": IMG, "blocks": [f"Mở đầu {HOSTILE} kết thúc.", "Câu thứ hai."]},
        "ar": {"title": "عنوان " + IMG, "blocks": [f"بداية {HOSTILE} نهاية.", "الجملة الثانية."]},
    }
    article = make_article(texts, article_id=f"id{HOSTILE}")
    findings = [
        at(
            article,
            "MP403",
            "ar",
            "blocks",
            0,
            HOSTILE,
            f"markup {IMG} {QUOTE}",
            path=f"x{IMG}.json",
        ),
        at(article, "MP503", "ar", "title", None, IMG, f"title {HOSTILE}", path=f"x{IMG}.json"),
    ]
    suppressed = [
        at(
            article,
            "MP402",
            "ar",
            "blocks",
            1,
            None,
            "reason test",
            path=f"x{IMG}.json",
            suppressed=Suppressed(kind="baseline", reason=f"known {HOSTILE}{QUOTE}"),
        )
    ]
    articles = {(f"x{IMG}.json", article.id): article}
    page = render_html(make_report(findings, suppressed), articles)
    root, texts_seen = parse(page)
    assert not list(root.iter("img"))
    assert len(list(root.iter("script"))) == 1
    assert not [n for n in root.iter() if any(a.startswith("on") for a in n.attrs)]
    # Shown as the text it is, in the block, the title, the message and the reason.
    data = "".join(t for t, _ in texts_seen)
    assert HOSTILE in data and IMG in data and f"known {HOSTILE}" in data
    assert assert_marks_match(page, findings, articles) == 2
    # And in the tooltip, as an attribute value.
    titles = [m.get("title") for m in root.iter("mark") if "data-f" in m.attrs]
    assert any(IMG in t and QUOTE in t for t in titles)


_REORDERING = {"R", "AL", "RLE", "LRE", "RLO", "LRO", "PDF", "RLI", "LRI", "FSI", "PDI"}


def test_right_to_left_text_and_bidi_controls_are_isolated() -> None:
    sneaky = "\u202eevil\u202c"
    texts = {
        "vi": {"title": "Tiêu đề " + sneaky, "blocks": ["Câu " + sneaky + " thứ nhất."]},
        "ar": {"title": "عنوان " + sneaky, "blocks": ["جملة " + sneaky + " أولى."]},
    }
    article = make_article(texts, article_id="art" + sneaky)
    findings = [
        at(article, "MP402", "ar", "blocks", 0, sneaky, f"fragment '{sneaky}' and 'جملة'"),
        at(article, "MP501", None, None, None, None, f"whole article {sneaky}"),
    ]
    page = render_html(make_report(findings), {(f"p{sneaky}.json", article.id): article})
    root, texts_seen = parse(page)
    # Every text that can reorder its neighbours sits in a <bdi> or an element with its own
    # direction (a cell, a list in English), never loose in the page's own text.
    for text, element in texts_seen:
        if any(unicodedata.bidirectional(c) in _REORDERING for c in text):
            chain = [element, *element.ancestors()]
            assert any(n.tag == "bdi" or ("dir" in n.attrs and n.tag != "html") for n in chain), (
                text
            )
    for mark in root.iter("mark"):
        for line in mark.attrs.get("title", "").split("\n") if "data-f" in mark.attrs else ():
            assert line.startswith("\u2068") and line.endswith("\u2069")


def test_an_arabic_quote_keeps_its_place_in_an_english_message() -> None:
    article = make_article({"ar": {"title": "عنوان", "blocks": ["ترأست الرفيقة الاجتماع."]}})
    message = "'ترأست' does not agree with 'الرفيق' (person/x-y), who is male; use 'ترأس'"
    finding = at(article, "MP204", "ar", "blocks", 0, "ترأست", message)
    root, _ = parse(render_html(make_report([finding]), {("p.json", article.id): article}))
    (shown,) = [b for b in root.iter("bdi") if "msg" in b.classes()]
    # The message is laid out left to right (in one isolate of direction "auto" it would
    # follow its first letter, the Arabic quote's) and each quote is isolated inside it.
    assert shown.get("dir") == "ltr"
    assert shown.text() == message
    assert [b.text() for b in shown.iter("bdi")][1:] == ["ترأست", "الرفيق", "ترأس"]


# --------------------------------------------------------------------------------------
# Reading the articles again: render(report, "html")


def test_html_is_a_format_that_reads_the_articles_again(tmp_path: Path) -> None:
    assert "html" in FORMATS
    file = tmp_path / "pomelo.json"
    data = {"id": ARTICLE_ID, "source_lang": "vi", "variants": TEXTS}
    file.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    path = file.as_posix()
    article = make_article()
    findings = [
        at(article, "MP501", "ru", "blocks", 2, "3000", "number 300 is 3000 here", path=path),
        at(article, "MP402", "zh-Hans", "blocks", 3, "VietGAP", "Latin letters", path=path),
    ]
    report = make_report(findings)
    assert load_articles(report) == {(path, ARTICLE_ID): article}
    page = render(report, "html")
    assert page == render_html(report, {(path, ARTICLE_ID): article})
    assert assert_marks_match(page, findings, {(path, ARTICLE_ID): article}) == 2


def test_an_article_that_cannot_be_read_again_still_has_its_findings_listed(
    tmp_path: Path,
) -> None:
    gone = (tmp_path / "gone.json").as_posix()
    findings = [
        at(ARTICLE, "MP501", "ru", "blocks", 2, "3000", "number 300 is 3000 here", path=gone),
        at(ARTICLE, "MP303", "ar", "blocks", 1, None, "left untranslated", path=gone),
        Finding(
            code="MP000",
            name="input-error",
            severity=Severity.ERROR,
            path="<stdin>",
            message="not JSON",
        ),
    ]
    page = render(make_report(findings), "html")
    root, _ = parse(page)
    listed = {li.get("data-code") for li in root.iter("li") if "data-finding" in li.attrs}
    assert listed == {"MP501", "MP303", "MP000"}
    assert "could not be read again" in page
    # Without the text, the excerpt stands in for the highlight.
    assert not [m for m in root.iter("mark") if "data-f" in m.attrs]


def test_spans_outside_the_text_are_listed_not_marked() -> None:
    stale = Finding(
        code="MP501",
        name="number-mismatch",
        severity=Severity.ERROR,
        path=PATH,
        article=ARTICLE_ID,
        lang="ru",
        field="blocks",
        block=2,
        span=(5, 5000),
        message="stale span",
    )
    lost = stale.model_copy(update={"block": 99, "message": "no such block"})
    nolang = stale.model_copy(update={"lang": "xx", "message": "no such variant"})
    page = render_html(make_report([stale, lost, nolang]), ARTICLES)
    root, _ = parse(page)
    assert not [m for m in root.iter("mark") if "data-f" in m.attrs]
    assert "its span is outside this text" in page
    assert "the variant has no block 99" in page
    assert "the article has no variant xx" in page


# --------------------------------------------------------------------------------------
# Large runs


def _generated(count: int) -> tuple[Report, dict[tuple[str, str], Article]]:
    """Return a report of two findings per translation over ``count`` generated articles."""
    articles = {}
    findings = []
    for n in range(count):
        texts = {
            "vi": {
                "title": f"Tin số {n}",
                "blocks": [f"Đoạn {i} của bài {n}: {i * 7} tấn." for i in range(6)],
            },
            "ar": {
                "title": f"الخبر رقم {n}",
                "blocks": [f"الفقرة {i} من المقال {n}: {i * 7} طن." for i in range(6)],
            },
            "ru": {
                "title": f"Новость {n}",
                "blocks": [f"Абзац {i} статьи {n}: {i * 7} тонн." for i in range(6)],
            },
        }
        article = make_article(texts, article_id=f"gen-{n:04d}")
        path = f"gen/{n // 100:02d}.jsonl"
        articles[(path, article.id)] = article
        findings.append(at(article, "MP501", "ar", "blocks", 3, "21", "number", path=path))
        findings.append(at(article, "MP402", "ru", "blocks", 5, "Абзац", "a word", path=path))
    return make_report(findings), articles


def test_a_large_run_gets_an_index_and_folded_articles() -> None:
    report, articles = _generated(1000)
    page = render_html(report, articles)
    root, _ = parse(page)
    folded = [d for d in root.iter("details") if "article" in d.classes()]
    assert len(folded) == 1000
    assert not any("open" in d.attrs for d in folded)
    (index,) = [n for n in root.iter("nav") if n.attrs.get("id") == "index"]
    targets = [a.get("href") for a in index.iter("a")]
    assert targets == ["#" + d.get("id") for d in folded]
    assert len(list(root.iter("mark"))) - 5 == 2000  # the legend has five


def test_a_small_run_is_not_folded() -> None:
    report, articles = _generated(COLLAPSE_OVER)
    root, _ = parse(render_html(report, articles))
    assert not [d for d in root.iter("details") if "article" in d.classes()]
    assert len([s for s in root.iter("section") if "article" in s.classes()]) == COLLAPSE_OVER
    root, _ = parse(render_html(report, articles, collapse_over=10))
    assert len([d for d in root.iter("details") if "article" in d.classes()]) == COLLAPSE_OVER


# --------------------------------------------------------------------------------------
# The bundled examples, and a real browser


def _browser() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def _screenshot(browser: str, page: Path, png: Path) -> None:
    """Have a headless browser draw ``page`` into ``png``."""
    subprocess.run(
        [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            f"--screenshot={png}",
            "--window-size=1400,2000",
            page.as_uri(),
        ],
        capture_output=True,
        timeout=180,
        check=True,
    )


def _assert_png(png: Path) -> None:
    assert png.exists()
    data = png.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    # A blank 1400x2000 page compresses to some 15 kB; a drawn one is far larger.
    assert len(data) > 60_000, len(data)


@pytest.fixture(scope="module")
def examples() -> tuple[Report, str]:
    report = multipub.check_paths([(ROOT / "examples").as_posix()])
    return report, render(report, "html")


def test_the_bundled_examples_render_with_every_finding_in_place(
    examples: tuple[Report, str],
) -> None:
    report, page = examples
    assert report.findings
    articles = load_articles(report)
    assert {(f.path, f.article) for f in report.findings} <= set(articles)
    spans = [f for f in report.findings if f.span is not None]
    # Messages repeat across articles; check them article by article.
    for key in {(f.path, f.article) for f in spans}:
        mine = [f for f in report.findings if (f.path, f.article) == key]
        sub = report.model_copy(update={"findings": tuple(mine), "suppressed": ()})
        assert key[1] is not None
        assert_marks_match(
            render_html(sub, {key: articles[key]}), [f for f in mine if f.span], articles
        )
    root, _ = parse(page)
    listed = [li for li in root.iter("li") if "data-finding" in li.attrs]
    assert len(listed) == len(report.findings) + len(report.suppressed)


def test_the_bundled_examples_in_a_headless_browser(
    examples: tuple[Report, str], tmp_path: Path
) -> None:
    browser = _browser()
    if browser is None:
        pytest.skip("no chromium, chromium-browser or google-chrome on PATH")
    _, page = examples
    html_file = tmp_path / "review.html"
    html_file.write_text(page, encoding="utf-8")
    png = tmp_path / "review.png"
    _screenshot(browser, html_file, png)
    _assert_png(png)
    # Kept for a person to look at.
    shutil.copyfile(png, "/tmp/review-examples.png")
    # The script ran under the page's CSP: it showed the filters it had hidden.
    dom = subprocess.run(
        [browser, "--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", html_file.as_uri()],
        capture_output=True,
        text=True,
        timeout=180,
        check=True,
    ).stdout
    (panel,) = re.findall(r'<section id="filters"[^>]*>', dom)
    assert "hidden" not in panel


def test_the_hand_made_page_in_a_headless_browser(page: str, tmp_path: Path) -> None:
    browser = _browser()
    if browser is None:
        pytest.skip("no chromium, chromium-browser or google-chrome on PATH")
    html_file = tmp_path / "pomelo.html"
    html_file.write_text(page, encoding="utf-8")
    png = tmp_path / "pomelo.png"
    _screenshot(browser, html_file, png)
    _assert_png(png)

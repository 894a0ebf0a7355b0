"""Published pages in: plain-text and HTML pages read into articles (multipub.pages),
``multipub import``, ``multipub check`` on pages, and the seed page itself.

The pages are written for these tests; the seed page is read in place where present.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from multipub.cli import main
from multipub.importer import import_pages
from multipub.io import InputProblem, LoadedArticle, iter_articles
from multipub.models import BlockKind
from multipub.pages import (
    PageError,
    PageOptions,
    combine_pages,
    read_html_page,
    read_text_page,
)
from tests.conftest import SEED_PAGE, needs_seed_page

REPO = Path(__file__).resolve().parents[1]
SEED_PEOPLE = REPO / "tests" / "fixtures" / "seed-officials.yaml"


def cli(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


# --- plain text ---------------------------------------------------------------------------

TEXT_PAGE = (
    "Khánh thành cầu mới tại Hà Tĩnh\r\n"
    "\r\n"
    "  Sáng 5/3, tỉnh Hà Tĩnh tổ chức lễ khánh thành cây cầu nối hai huyện.  \r\n"
    "Cây cầu dài 420 mét, vốn đầu tư 180 tỷ đồng.\r\n"
    "\r\n"
    "Bình luận (0)\r\n"
)


def test_a_text_page_is_a_title_and_one_block_a_line() -> None:
    page = read_text_page(TEXT_PAGE, "cau.txt", PageOptions(lang="vi"))
    assert page.lang == "vi"
    assert page.variant.title == "Khánh thành cầu mới tại Hà Tĩnh"
    texts = [b.text for b in page.variant.blocks]  # type: ignore[union-attr]
    assert texts == [
        "Sáng 5/3, tỉnh Hà Tĩnh tổ chức lễ khánh thành cây cầu nối hai huyện.",
        "Cây cầu dài 420 mét, vốn đầu tư 180 tỷ đồng.",
        "Bình luận (0)",
    ]
    # Each text is located on its line: line 3 starts after two spaces.
    first, after = page.regions[("vi", "blocks", 0)]
    assert TEXT_PAGE[first:after] == texts[0]


def test_the_language_of_a_text_page_from_its_name_or_its_text() -> None:
    assert read_text_page(TEXT_PAGE, "cau.vi.txt").lang == "vi"
    ru = "Открытие нового моста\nВ провинции Хатинь открыли новый мост длиной 420 метров.\n"
    assert read_text_page(ru, "most.txt").lang == "ru"


@pytest.mark.parametrize("text", ["", "\n \n\t\n"])
def test_an_empty_text_page_is_a_problem(text: str) -> None:
    with pytest.raises(PageError, match="empty"):
        read_text_page(text, "empty.txt", PageOptions(lang="vi"))


# --- HTML ---------------------------------------------------------------------------------

AR_PAGE = """<!doctype html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>افتتاح جسر | الموقع</title>
<link rel="canonical" href="https://news.example/ar/xa-hoi/khanh-thanh-cau-204518.html">
<link rel="alternate" hreflang="vi" href="https://news.example/vi/xa-hoi/khanh-thanh-cau-204518.html">
<meta property="article:published_time" content="2025-03-05T10:00:00+07:00">
<script>document.write("<p>ليس نصا</p>")</script><style>p { color: red }</style></head>
<body>
<nav><ul><li>الرئيسية</li><li>أخبار</li></ul></nav>
<header><p>الموقع الإخباري للمقاطعة</p></header>
<div class="layout">
<article>
  <h1>افتتاح جسر جديد في ها تينه.</h1>
  <p class="sapo">افتتحت المقاطعة صباح اليوم جسرا يربط بين منطقتين.</p>
  <span class="views">120 مشاهدة</span>
  <p>يبلغ طول <b>الجسر</b> 420 مترا،<br>وبلغت تكلفته 180 مليار دونغ.</p>
  <figure><img src="/img/cau.jpg" alt="الجسر الجديد"><figcaption>الجسر عند الافتتاح</figcaption></figure>
  <h2>آراء السكان</h2>
  <blockquote><p>الجسر يختصر الطريق إلى المدرسة.</p></blockquote>
  <ul><li>الطول: 420 مترا</li><li>العرض: 12 مترا</li></ul>
  <video controls><source src="khanh_thanh_cau.mp4" type="video/mp4"></video>
  <p class="author">هوانغ آن</p>
  <div>مصدر</div>
  <p>&lt;script&gt;alert(1)&lt;/script&gt; نص عادي</p>
</article>
<aside><p>أخبار ذات صلة كثيرة هنا لا تخص المقال نفسه بأي شكل من الأشكال.</p></aside>
</div>
<footer><p>جميع الحقوق محفوظة</p></footer>
</body></html>
"""


def test_an_html_page_keeps_what_readers_saw_of_the_article() -> None:
    page = read_html_page(AR_PAGE, "cau.html")
    assert page.lang == "ar"
    assert page.url == "https://news.example/ar/xa-hoi/khanh-thanh-cau-204518.html"
    assert page.published_at is not None and page.published_at.isoformat().startswith("2025-03-05")
    assert page.article_id == "204518"
    assert page.alternates == ("https://news.example/vi/xa-hoi/khanh-thanh-cau-204518.html",)
    variant = page.variant
    assert variant.title == "افتتاح جسر جديد في ها تينه."
    assert variant.lead == "افتتحت المقاطعة صباح اليوم جسرا يربط بين منطقتين."
    assert variant.byline == "هوانغ آن"
    blocks = [(b.kind, b.text, b.src) for b in variant.blocks]  # type: ignore[union-attr]
    assert blocks == [
        (BlockKind.PARAGRAPH, "120 مشاهدة", None),  # furniture in the article: kept
        (BlockKind.PARAGRAPH, "يبلغ طول الجسر 420 مترا، وبلغت تكلفته 180 مليار دونغ.", None),
        (BlockKind.MEDIA, "الجسر الجديد", "/img/cau.jpg"),
        (BlockKind.CAPTION, "الجسر عند الافتتاح", None),
        (BlockKind.HEADING, "آراء السكان", None),
        (BlockKind.QUOTE, "الجسر يختصر الطريق إلى المدرسة.", None),
        (BlockKind.LIST_ITEM, "الطول: 420 مترا", None),
        (BlockKind.LIST_ITEM, "العرض: 12 مترا", None),
        (BlockKind.MEDIA, "", "khanh_thanh_cau.mp4"),
        (BlockKind.PARAGRAPH, "مصدر", None),
        # escaped markup in the page is text, as readers saw it
        (BlockKind.PARAGRAPH, "<script>alert(1)</script> نص عادي", None),
    ]
    # Menus, the site header, sidebar, footer and scripts are not the article.
    everything = " ".join(b.text for b in variant.blocks)  # type: ignore[union-attr]
    for chrome in ("الرئيسية", "الموقع الإخباري", "أخبار ذات صلة", "الحقوق", "ليس نصا"):
        assert chrome not in everything


def test_without_article_markup_the_densest_paragraphs_are_the_article() -> None:
    html = (
        "<html lang='ru'><body><div class='menu'><p>Главная</p></div>"
        "<div class='content'><h1>Открыт новый мост</h1>"
        "<p>В провинции Хатинь открыли новый мост длиной 420 метров.</p>"
        "<p>Стоимость строительства составила 180 миллиардов донгов.</p></div>"
        "<div class='footer'><p>Все права защищены</p></div></body></html>"
    )
    page = read_html_page(html, "most.html")
    assert page.lang == "ru"
    assert page.variant.title == "Открыт новый мост"
    assert [b.text for b in page.variant.blocks] == [  # type: ignore[union-attr]
        "В провинции Хатинь открыли новый мост длиной 420 метров.",
        "Стоимость строительства составила 180 миллиардов донгов.",
    ]


def test_an_article_selector_picks_the_article_element() -> None:
    html = (
        "<html lang='zh-Hans'><body><div id='story'><h1>新桥建成通车</h1>"
        "<p>河静省新建大桥全长420米。</p></div>"
        "<div id='other'><p>其他新闻的长段落，比文章本身更长更长更长更长更长更长更长更长。</p></div>"
        "</body></html>"
    )
    page = read_html_page(html, "qiao.html", PageOptions(selector="#story"))
    assert page.lang == "zh-Hans"
    assert [b.text for b in page.variant.blocks] == ["河静省新建大桥全长420米。"]  # type: ignore[union-attr]
    with pytest.raises(PageError, match="no element matches"):
        read_html_page(html, "qiao.html", PageOptions(selector="#missing"))


def test_an_old_charset_page_is_decoded_by_its_meta(tmp_path: Path) -> None:
    html = (
        "<html lang='ar'><head><meta charset='windows-1256'></head><body><article>"
        "<h1>عنوان الخبر</h1><p>نص الخبر بترميز قديم.</p></article></body></html>"
    )
    path = tmp_path / "old.html"
    path.write_bytes(html.encode("cp1256"))
    (loaded,) = list(iter_articles([path]))
    assert isinstance(loaded, LoadedArticle)
    assert loaded.article.variants["ar"].title == "عنوان الخبر"


# --- pages into articles -----------------------------------------------------------------

VI_PAGE = AR_PAGE.replace('lang="ar"', 'lang="vi"').replace(
    "https://news.example/ar/", "https://news.example/vi/"
)


def test_pages_that_link_as_alternates_are_one_article() -> None:
    ar = read_html_page(AR_PAGE, "a.html")
    vi = read_html_page(VI_PAGE, "b.html")
    articles, problems = combine_pages([ar, vi])
    assert problems == []
    (article,) = articles
    assert article.id == "204518"
    assert sorted(article.variants) == ["ar", "vi"]
    assert article.source_lang == "vi"
    assert article.url == vi.url  # the source's page


def test_pages_of_a_shared_path_or_id_are_one_article_others_not() -> None:
    def page(lang: str, url: str) -> str:
        return f"<html lang='{lang}'><head><link rel='canonical' href='{url}'></head><body><article><h1>T {lang}</h1><p>x</p></article></body></html>"

    pages = [
        read_html_page(page("vi", "https://s.example/vi/2025/cau-moi"), "1.html"),
        read_html_page(page("ru", "https://s.example/ru/2025/cau-moi"), "2.html"),
        read_html_page(page("en", "https://s.example/en/other-story"), "3.html"),
    ]
    articles, problems = combine_pages(pages)
    assert problems == []
    assert [sorted(a.variants) for a in articles] == [["ru", "vi"], ["en"]]


def test_two_pages_in_one_language_of_one_article_is_a_problem() -> None:
    pages = [read_text_page(TEXT_PAGE, f"{n}.txt", PageOptions(lang="vi")) for n in "ab"]
    articles, problems = combine_pages(pages, PageOptions(article_id="cau-moi"))
    assert [a.id for a in articles] == ["cau-moi"]
    assert len(problems) == 1 and "a second 'vi' page" in str(problems[0])


# --- the command line ---------------------------------------------------------------------


def test_import_writes_articles_the_checks_read(tmp_path: Path) -> None:
    (tmp_path / "cau.ar.html").write_text(AR_PAGE, encoding="utf-8")
    (tmp_path / "cau.vi.html").write_text(VI_PAGE, encoding="utf-8")
    (tmp_path / "other.vi.txt").write_text(TEXT_PAGE, encoding="utf-8")
    (tmp_path / "broken.html").write_bytes(b"<html><p>\xff\x80</p>")
    out = tmp_path / "out"
    result = cli("import", str(tmp_path), "--output-dir", str(out))
    assert result.exit_code == 1  # one page could not be read
    assert "broken.html:1: MP000 input-error: not valid UTF-8" in result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["204518.json", "other.json"]
    data = json.loads((out / "204518.json").read_text(encoding="utf-8"))
    assert sorted(data["variants"]) == ["ar", "vi"]
    assert data["variants"]["ar"]["blocks"][0] == "120 مشاهدة"  # a paragraph: a bare string
    checked = cli("check", str(out), "--format", "json", "--select", "MP403")
    codes = {f["code"] for f in json.loads(checked.stdout)["findings"]}
    assert "MP403" in codes


def test_import_prints_json_for_one_article_and_lines_for_several(tmp_path: Path) -> None:
    one = tmp_path / "one.vi.txt"
    one.write_text(TEXT_PAGE, encoding="utf-8")
    two = tmp_path / "two.ru.txt"
    two.write_text("Мост\nОткрыт новый мост.\n", encoding="utf-8")
    single = cli("import", str(one))
    assert single.exit_code == 0
    assert json.loads(single.stdout)["variants"]["vi"]["title"].startswith("Khánh thành")
    several = cli("import", str(one), str(two))
    assert several.exit_code == 0
    assert [json.loads(line)["id"] for line in several.stdout.splitlines()] == ["one", "two"]
    refused = cli("import", str(one), str(two), "-o", str(tmp_path / "x.json"))
    assert refused.exit_code == 2 and not (tmp_path / "x.json").exists()
    nothing = cli("import", str(tmp_path / "missing.html"))
    assert nothing.exit_code == 2


def test_check_reads_a_named_page_but_not_pages_below_a_folder(tmp_path: Path) -> None:
    page = tmp_path / "README.txt"
    page.write_text(TEXT_PAGE, encoding="utf-8")
    named = cli("check", str(page), "--lang", "vi", "--format", "json")
    assert named.exit_code in (0, 1)
    assert json.loads(named.stdout)["summary"]["articles"] == 1
    folder = cli("check", str(tmp_path), "--format", "json")
    assert folder.exit_code == 2  # nothing to read below it: a README is not an article


def test_a_text_finding_points_at_its_line(tmp_path: Path) -> None:
    page = tmp_path / "cau.vi.txt"
    page.write_text(TEXT_PAGE, encoding="utf-8")
    result = cli("check", str(page), "--format", "json", "--select", "MP403")
    (finding,) = [f for f in json.loads(result.stdout)["findings"] if f["code"] != "MP001"]
    assert finding["code"] == "MP403"
    assert (finding["line"], finding["column"]) == (6, 1)


def test_unreadable_page_problem_is_reported_with_the_others_checked(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text("\n\n", encoding="utf-8")
    good = tmp_path / "good.vi.txt"
    good.write_text(TEXT_PAGE, encoding="utf-8")
    problems = [i for i in iter_articles([bad, good]) if isinstance(i, InputProblem)]
    assert [p.message for p in problems] == ["the page is empty: no line of text"]
    run = import_pages([bad, good])
    assert len(run.articles) == 1 and len(run.problems) == 1


# --- the seed page ------------------------------------------------------------------------


def _seed_findings(*args: str) -> list[tuple[str, str]]:
    result = cli("check", str(SEED_PAGE), "--lang", "ar", "--format", "json", *args)
    assert result.exit_code == 1, result.output
    findings = json.loads(result.stdout)["findings"]
    assert {f["article"] for f in findings} == {SEED_PAGE.stem}
    return [(f["code"], f["excerpt"] or "") for f in findings]


@needs_seed_page
def test_the_seed_page_alone_shows_its_defects() -> None:
    found = _seed_findings("--fail-on", "warning")
    codes = [code for code, _ in found]
    assert codes.count("MP302") == 1  # the reworded duplicate paragraph
    furniture = [text for code, text in found if code == "MP403"]
    assert any("مشاهدة" in t for t in furniture)  # the view counter
    assert any(".mp4" in t for t in furniture)  # the video file name
    assert "مصدر" in furniture and any("تعليق" in t for t in furniture)  # source, comments
    assert ("MP503", ".") in found  # the headline's full stop
    # No glossary: nothing about terms or people.
    assert not [c for c in codes if c.startswith(("MP1", "MP2"))]


@needs_seed_page
def test_the_seed_page_with_the_glossary_and_its_officials() -> None:
    found = _seed_findings("-g", str(REPO / "glossaries"), "-g", str(SEED_PEOPLE))
    gender = sorted(text for code, text in found if code == "MP204")
    assert gender == sorted(["ترأست", "الرفيقة", "نائبة"])  # feminine forms for a man
    assert [t for c, t in found if c == "MP103" and t == "جسر"]  # "bridge"
    inconsistent = [t for c, t in found if c == "MP104"]
    assert "نائب الأمين الدائم" in inconsistent  # one title, two renderings


def test_a_page_nested_deeper_than_python_recurses_is_read(tmp_path: Path) -> None:
    depth = 5000
    html = (
        "<html lang='vi'><body><article><h1>Tiêu đề</h1>"
        + "<div>" * depth
        + "<p>Đoạn văn nằm rất sâu.</p><b>" * 3
        + "</b>" * 3
        + "</div>" * depth
        + "</article></body></html>"
    )
    page = read_html_page(html, "deep.html")
    assert [b.text for b in page.variant.blocks][:1] == ["Đoạn văn nằm rất sâu."]  # type: ignore[union-attr]
    path = tmp_path / "deep.html"
    path.write_text(html, encoding="utf-8")
    result = cli("check", str(path), "--format", "json")
    assert result.exit_code in (0, 1)
    assert json.loads(result.stdout)["summary"]["articles"] == 1


def test_comments_footers_and_a_lead_above_the_article() -> None:
    long_comment = "Bình luận của bạn đọc rất dài về chuyện khác hẳn. " * 6
    html = (
        "<html lang='vi'><body>"
        "<div class='head'><h1>Cầu mới thông xe</h1>"
        "<p class='intro'>Cây cầu nối hai huyện đã thông xe sáng nay.</p></div>"
        "<article class='story'><p>Cây cầu dài 420 mét, rộng 12 mét.</p>"
        "<p>Vốn đầu tư là 180 tỷ đồng.</p></article>"
        f"<article class='comment'><p>{long_comment}</p><p>{long_comment}</p></article>"
        f"<div id='footer-left'><p>{long_comment}</p><p>{long_comment}</p></div>"
        "</body></html>"
    )
    page = read_html_page(html, "cau.html")
    assert page.variant.title == "Cầu mới thông xe"
    assert page.variant.lead == "Cây cầu nối hai huyện đã thông xe sáng nay."
    assert [b.text for b in page.variant.blocks] == [  # type: ignore[union-attr]
        "Cây cầu dài 420 mét, rộng 12 mét.",
        "Vốn đầu tư là 180 tỷ đồng.",
    ]


@pytest.mark.parametrize(
    ("charset", "expected"),
    [
        ("iso-8859-1", "“tin” € 10"),  # as browsers read it: windows-1252
        ("us-ascii", "“tin” € 10"),
        ("base64", None),  # a codec, not a charset
        ("undefined", None),
    ],
)
def test_a_declared_charset_is_read_as_a_browser_reads_it(
    tmp_path: Path, charset: str, expected: str | None
) -> None:
    raw = (
        f"<html lang='fr'><head><meta charset='{charset}'></head><body><article>"
        "<h1>Titre</h1><p>\x93tin\x94 \x80 10</p></article></body></html>"
    ).encode("latin-1")
    path = tmp_path / "page.html"
    path.write_bytes(raw)
    (item,) = list(iter_articles([path]))
    if expected is None:
        assert isinstance(item, InputProblem) and "not a text encoding" in item.message
    else:
        assert isinstance(item, LoadedArticle)
        assert item.article.variants["fr"].blocks[0].text == expected  # type: ignore[union-attr]


def test_quotes_nested_deeper_than_python_recurses_are_one_quote() -> None:
    html = "<html lang='vi'><body><h1>T</h1>" + "<blockquote>trích dẫn " * 3000
    page = read_html_page(html, "q.html")
    (block,) = page.variant.blocks
    assert block.kind is BlockKind.QUOTE  # type: ignore[union-attr]
    assert block.text.startswith("trích dẫn trích dẫn")  # type: ignore[union-attr]


def test_language_tags_are_normalized_and_a_regional_source_is_the_source() -> None:
    vi = read_html_page(VI_PAGE.replace('lang="vi"', 'lang="vi_VN"'), "a.html")
    assert vi.lang == "vi-VN"
    assert read_text_page(TEXT_PAGE, "cau.VI.txt").lang == "vi"
    ar = read_html_page(AR_PAGE, "b.html")
    (article,), _ = combine_pages([ar, vi])
    assert article.source_lang == "vi-VN" and article.source is not None
    with pytest.raises(ValueError, match="not a language tag"):
        PageOptions(source_lang="Vietnamese")
    result = cli("import", "--source-lang", "Vietnamese", "x.html")
    assert result.exit_code == 2 and "not a language tag" in result.output


def test_pages_of_different_articles_are_not_joined_by_a_home_page_or_query() -> None:
    def page(url: str, number: int) -> str:
        return (
            f"<html lang='vi'><head><link rel='canonical' href='{url}'>"
            "<link rel='alternate' hreflang='x-default' href='https://s.example/'>"
            f"<meta property='article:id' content='5555{number}'></head>"
            f"<body><article><h1>Tin {number}</h1><p>Nội dung {number}.</p></article></body></html>"
        )

    pages = [
        read_html_page(page("https://s.example/article.php?id=1", 1), "1.html"),
        read_html_page(page("https://s.example/article.php?id=2", 2), "2.html"),
    ]
    articles, problems = combine_pages(pages)
    assert problems == [] and len(articles) == 2
    # The same article number on two sites is two articles.
    same_number = [
        read_html_page(page("https://a.example/tin-1", 1), "a.html"),
        read_html_page(page("https://b.example/tin-1", 1), "b.html"),
    ]
    assert len(combine_pages(same_number)[0]) == 2


def test_a_page_on_standard_input_is_read_with_the_page_options(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main,
        ["check", "-", "--stdin-filename", "tin.txt", "--lang", "ar", "--format", "json"],
        input="عنوان الخبر\nنص الخبر الأول.\n",
    )
    assert result.exit_code in (0, 1), result.output
    assert json.loads(result.stdout)["summary"]["variants"] == 1


def test_a_pages_own_language_wins_over_the_one_language_checked(tmp_path: Path) -> None:
    (tmp_path / "s.vi.txt").write_text(TEXT_PAGE, encoding="utf-8")
    (tmp_path / "s.ar.txt").write_text("عنوان الخبر\nنص الخبر الأول.\n", encoding="utf-8")
    result = cli(
        "check",
        str(tmp_path / "s.vi.txt"),
        str(tmp_path / "s.ar.txt"),
        "--lang",
        "ar",
        "--format",
        "json",
    )
    report = json.loads(result.stdout)
    assert report["summary"]["variants"] == 1  # the Arabic page; the Vietnamese one is vi
    assert not [f for f in report["findings"] if f["code"] == "MP303"]


def test_long_and_case_only_different_ids_get_their_own_files(tmp_path: Path) -> None:
    for name, title in (("Story.vi.txt", "Một"), ("story.vi.txt", "Hai")):
        (tmp_path / name).write_text(f"{title}\nNội dung.\n", encoding="utf-8")
    long_id = "tin-" + "rất-dài-" * 40
    (tmp_path / "long.vi.txt").write_text("Ba\nNội dung.\n", encoding="utf-8")
    out = tmp_path / "out"
    result = cli(
        "import",
        str(tmp_path / "Story.vi.txt"),
        str(tmp_path / "story.vi.txt"),
        "--output-dir",
        str(out),
    )
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["Story.json", "story-2.json"]
    result = cli("import", str(tmp_path / "long.vi.txt"), "--article", long_id)
    assert result.exit_code == 0
    from multipub.cli import _file_name

    assert len(_file_name(long_id, set()).encode("utf-8")) <= 160


def test_pages_below_a_folder_are_read_with_pages(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "2025").mkdir(parents=True)
    (site / "2025" / "cau.ar.html").write_text(AR_PAGE, encoding="utf-8")
    (site / "2025" / "cau.vi.txt").write_text(TEXT_PAGE, encoding="utf-8")
    assert cli("check", str(site), "--format", "json").exit_code == 2  # no article files
    result = cli("check", str(site), "--pages", "--format", "json", "-o", "-")
    assert result.exit_code in (0, 1), result.output
    report = json.loads(result.stdout)  # "-o -" is standard output
    assert report["summary"]["articles"] == 2
    assert not (Path.cwd() / "-").exists()
    (tmp_path / "multipub.toml").write_text("pages = true\n", encoding="utf-8")
    configured = cli(
        "check", str(site), "--config", str(tmp_path / "multipub.toml"), "--format", "json"
    )
    assert json.loads(configured.stdout)["summary"]["articles"] == 2


def test_import_output_and_output_dir_exclude_each_other_even_as_stdout(tmp_path: Path) -> None:
    page = tmp_path / "a.vi.txt"
    page.write_text(TEXT_PAGE, encoding="utf-8")
    for output in ("-", str(tmp_path / "x.json")):
        result = cli("import", str(page), "-o", output, "--output-dir", str(tmp_path / "d"))
        assert result.exit_code == 2 and "exclude each other" in result.output
    assert json.loads(cli("import", str(page), "-o", "-").stdout)["id"] == "a"

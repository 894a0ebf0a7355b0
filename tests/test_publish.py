"""Publishing: slugs per script, reciprocal hreflang alternates and the XML sitemap."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any
from urllib.parse import unquote
from xml.etree import ElementTree

import pytest

from multipub import Article
from multipub.gate import GateDecision, gate
from multipub.publish import (
    MAX_SLUG_CHARS,
    SITEMAP_NS,
    SLUG_POLICY,
    XHTML_NS,
    alternates,
    hreflang_links,
    lastmod,
    sitemap,
    slug,
    slug_policy,
    slugs,
    to_uri,
)
from tests.conftest import make_article

BASE = "https://news.example"
LANGS = ["ar", "en", "ru", "vi", "zh-Hans"]  # sorted as alternates lists them
SM = f"{{{SITEMAP_NS}}}"
XH = f"{{{XHTML_NS}}}"
# W3C Datetime as <lastmod> takes it: a date, or a date and time with its offset.
W3C_DATETIME = re.compile(
    r"^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?)?)?$"
)


# ---------------------------------------------------------------------------------------
# Slugs


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Đà Nẵng", "vi", "da-nang"),
        ("Đường Đồng Khởi cấm xe", "vi", "duong-dong-khoi-cam-xe"),
        ("Hội sách Hòa Giang mở cửa đón độc giả", "vi", "hoi-sach-hoa-giang-mo-cua-don-doc-gia"),
        (
            "Giá xăng giảm 1.200 đồng/lít từ 15 giờ chiều nay",
            "vi",
            "gia-xang-giam-1-200-dong-lit-tu-15-gio-chieu-nay",
        ),
        ("  Thuý, Khoẻ & Hoà: ba “ngôi sao” trẻ!  ", "vi", "thuy-khoe-hoa-ba-ngoi-sao-tre"),
        ("Vietnam's coffee exports rise", "en", "vietnams-coffee-exports-rise"),
        (
            "Ёлка на площади: в Москве зажгли огни",
            "ru",
            "yolka-na-ploshchadi-v-moskve-zazhgli-ogni",
        ),
        (
            "В Дананге открыли новый мост через реку Хан",
            "ru",
            "v-danange-otkryli-novyy-most-cherez-reku-khan",
        ),
        ("Объявлен съезд ЦК в 2025 году", "ru", "obyavlen-sezd-tsk-v-2025-godu"),
        ("Київ і Харків", "uk", "kyiv-i-kharkiv"),
        ("Гончаренко из Киева", "ru", "goncharenko-iz-kieva"),
        ("Гончаренко з Києва", "uk", "honcharenko-z-kyieva"),
        ("مَعرضُ الكتابِ يفتح أبوابه", "ar", "معرض-الكتاب-يفتح-أبوابه"),
        ("معرض هوا جيانغ للكتاب ٢٠٢٥", "ar", "معرض-هوا-جيانغ-للكتاب-2025"),
        ("زيارة إلى Đà Nẵng", "ar", "زيارة-إلى-da-nang"),
        ("和江书展向读者开放", "zh-Hans", "和江书展向读者开放"),
        ("和江：书展开幕，读者踊跃", "zh-Hans", "和江-书展开幕-读者踊跃"),
        ("岘港发布 iPhone 应用", "zh-Hans", "岘港发布-iphone-应用"),
        ("２０２５年和江书展", "zh-Hans", "2025年和江书展"),
        ("Phở Hà Nội", "sr-Latn", "pho-ha-noi"),
    ],
)
def test_slug(text: str, lang: str, expected: str) -> None:
    assert slug(text, lang) == expected


def test_slug_policy_is_a_small_dict_by_script() -> None:
    assert SLUG_POLICY["latin"] == SLUG_POLICY["cyrillic"] == "ascii"
    assert SLUG_POLICY["arabic"] == SLUG_POLICY["han"] == "unicode"
    assert [slug_policy(t) for t in ("vi", "en", "ru", "ar", "zh-Hans", "ja")] == [
        "ascii",
        "ascii",
        "ascii",
        "unicode",
        "unicode",
        "unicode",
    ]
    assert slug_policy("sr-Latn") == "ascii"
    # A language with no profile: the text's script decides.
    assert slug_policy("xx", "مرحبا") == "unicode"
    assert slug_policy("xx", "Xin chào") == "ascii"


def test_slug_is_cut_at_a_word_boundary() -> None:
    title = (
        "Hội đồng nhân dân tỉnh Hòa Giang thông qua nghị quyết về phát triển hạ tầng "
        "giao thông và du lịch ven biển giai đoạn hai năm tới"
    )
    full = slug(title, "vi", max_length=1000)
    cut = slug(title, "vi")
    assert len(cut) <= MAX_SLUG_CHARS < len(full)
    assert full.startswith(cut + "-")
    assert len(cut) > MAX_SLUG_CHARS - 12  # not cut needlessly short
    assert slug(title, "vi", max_length=20) == "hoi-dong-nhan-dan"


def test_a_word_longer_than_the_limit_is_cut_inside() -> None:
    title = "和江省人民议会通过关于沿海交通和旅游基础设施发展的决议" * 4
    made = slug(title, "zh-Hans")
    assert len(made) == MAX_SLUG_CHARS and title.startswith(made)


@pytest.mark.parametrize(
    ("taken", "expected"),
    [
        (set(), "da-nang"),
        ({"da-nang"}, "da-nang-2"),
        ({"da-nang", "da-nang-2"}, "da-nang-3"),
        ({"da-nang-2"}, "da-nang"),
    ],
)
def test_slug_is_unique_within_taken(taken: set[str], expected: str) -> None:
    before = set(taken)
    assert slug("Đà Nẵng", "vi", taken=taken) == expected
    assert taken == before  # not changed


def test_suffixed_slug_keeps_the_length_limit() -> None:
    title = (
        "Mưa lớn kéo dài khiến nhiều tuyến đường ở trung tâm thành phố Đà Nẵng ngập sâu chiều nay"
    )
    first = slug(title, "vi")
    second = slug(title, "vi", taken={first})
    assert second.endswith("-2") and len(second) <= MAX_SLUG_CHARS
    assert second != first and not second.endswith("--2")


def test_slug_of_a_variant() -> None:
    article = make_article(
        {
            "vi": {"title": "Đà Nẵng đón khách", "blocks": ["Du khách đến Đà Nẵng."]},
            "ru": {"lead": "Дананг встречает туристов", "blocks": []},
            "ar": {"blocks": ["يصل السياح إلى دا نانغ."]},
        }
    )
    assert slug(article.variants["vi"], "vi") == "da-nang-don-khach"
    assert slug(article.variants["ru"], "ru") == "danang-vstrechaet-turistov"
    assert slug(article.variants["ar"], "ar") == "يصل-السياح-إلى-دا-نانغ"


@pytest.mark.parametrize("text", ["", "   ", "!!! — ???", "«»"])
def test_nothing_to_make_a_slug_of(text: str) -> None:
    with pytest.raises(ValueError, match="no slug"):
        slug(text, "vi")


# ---------------------------------------------------------------------------------------
# The site: three articles in five languages


def _site_data() -> list[dict[str, Any]]:
    return [
        {
            "id": "hoa-giang-book-fair",
            "published_at": "2025-03-04T07:30:00+07:00",
            "variants": {
                "vi": (
                    "Hội sách Hòa Giang mở cửa đón độc giả",
                    "Hội sách năm nay có 120 gian hàng.",
                ),
                "en": ("Hoa Giang book fair opens to readers", "This year's fair has 120 stalls."),
                "ar": ("معرض هوا جيانغ للكتاب يفتح أبوابه للقراء", "يضم معرض هذا العام 120 جناحا."),
                "ru": (
                    "Книжная ярмарка в Хоазянге открылась для читателей",
                    "В этом году на ярмарке 120 павильонов.",
                ),
                "zh-Hans": ("和江书展向读者开放", "今年书展共有120个展位。"),
            },
        },
        {
            "id": "da-nang-bridge",
            "published_at": "2025-03-05T10:00:00",
            "variants": {
                "vi": ("Đà Nẵng thông xe cầu mới qua sông Hàn", "Cây cầu dài 650 mét."),
                "en": (
                    "Da Nang opens new bridge over the Han River",
                    "The bridge is 650 metres long.",
                ),
                "ar": ("دا نانغ تفتتح جسرا جديدا فوق نهر هان", "يبلغ طول الجسر 650 مترا."),
                "ru": (
                    "В Дананге открыли новый мост через реку Хан",
                    "Длина моста составляет 650 метров.",
                ),
                "zh-Hans": ("岘港新桥通车", "新桥全长650米。"),
            },
        },
        {
            "id": "hoa-giang-book-fair-extended",
            "published_at": None,
            "variants": {
                "vi": (
                    "Hội sách Hòa Giang kéo dài thêm hai ngày",
                    "Ban tổ chức cho biết lượng khách tăng 30%.",
                ),
                # The English desk re-used the first story's headline: the URL must differ.
                "en": (
                    "Hoa Giang book fair opens to readers",
                    "The organisers said visitor numbers rose 30%.",
                ),
                "ar": (
                    "تمديد معرض هوا جيانغ للكتاب يومين",
                    "وقال المنظمون إن عدد الزوار ارتفع بنسبة 30%.",
                ),
                "ru": (
                    "Книжную ярмарку в Хоазянге продлили на два дня",
                    "Организаторы сообщили, что число посетителей выросло на 30%.",
                ),
                "zh-Hans": ("和江书展延长两天", "主办方表示，参观人数增长了30%。"),
            },
        },
    ]


def _site() -> list[Article]:
    articles = []
    for data in _site_data():
        article = make_article(
            {
                lang: {"title": title, "blocks": [block]}
                for lang, (title, block) in data["variants"].items()
            },
            article_id=data["id"],
        )
        published = data["published_at"]
        articles.append(
            article.model_copy(
                update={
                    "published_at": None if published is None else datetime.fromisoformat(published)
                }
            )
        )
    return articles


@pytest.fixture
def site() -> list[Article]:
    return _site()


def test_site_slugs_are_unique_per_language(site: list[Article]) -> None:
    made = slugs(site)
    assert made[("hoa-giang-book-fair", "en")] == "hoa-giang-book-fair-opens-to-readers"
    assert made[("hoa-giang-book-fair-extended", "en")] == "hoa-giang-book-fair-opens-to-readers-2"
    assert made[("da-nang-bridge", "vi")] == "da-nang-thong-xe-cau-moi-qua-song-han"
    assert made[("da-nang-bridge", "ru")] == "v-danange-otkryli-novyy-most-cherez-reku-khan"
    assert made[("da-nang-bridge", "ar")] == "دا-نانغ-تفتتح-جسرا-جديدا-فوق-نهر-هان"
    assert made[("da-nang-bridge", "zh-Hans")] == "岘港新桥通车"
    for lang in LANGS:
        of_lang = [s for (_, tag), s in made.items() if tag == lang]
        assert len(of_lang) == len(set(of_lang)) == 3
    assert slugs(reversed(site)) == made  # the input order does not matter


def test_alternates_are_reciprocal(site: list[Article]) -> None:
    found = alternates(site, BASE + "/")
    assert list(found) == sorted(a.id for a in site)
    for article in site:
        links = found[article.id]
        assert [lang for lang, _ in links] == [*LANGS, "x-default"]
        urls = dict(links)
        assert urls["x-default"] == urls["vi"]
        for lang in LANGS:
            assert re.fullmatch(rf"{BASE}/{lang}/[^/]+", urls[lang])
        assert all("_" not in lang for lang, _ in links)
    # Each page shows the same list, itself included: reciprocal by construction, and
    # checked here as a graph: every alternate of a page lists that page back.
    pages = {url: links for links in found.values() for lang, url in links if lang != "x-default"}
    assert len(pages) == 15
    for url, links in pages.items():
        assert url in dict(links).values()
        for lang, other in links:
            assert (lang, other) in pages[other] if lang != "x-default" else other in pages
            assert set(pages[other]) == set(links)


def test_alternates_keep_only_what_the_gate_lets_through(site: list[Article]) -> None:
    bridge = site[1]
    no_title = bridge.variants["ar"].model_copy(update={"title": None})
    site[1] = bridge.model_copy(update={"variants": {**bridge.variants, "ar": no_title}})
    decisions = [d for article in site for d in gate(article, findings=[])]
    assert [(d.article, d.lang) for d in decisions if not d.published] == [("da-nang-bridge", "ar")]
    found = alternates(site, BASE, decisions=decisions)
    assert [lang for lang, _ in found["da-nang-bridge"]] == [
        "en",
        "ru",
        "vi",
        "zh-Hans",
        "x-default",
    ]
    assert [lang for lang, _ in found["hoa-giang-book-fair"]] == [*LANGS, "x-default"]
    # Holding a variant renames no other page.
    assert dict(found["hoa-giang-book-fair-extended"]) == dict(
        alternates(site, BASE)["hoa-giang-book-fair-extended"]
    )


def test_no_x_default_without_a_published_source(site: list[Article]) -> None:
    decisions = [
        GateDecision(
            article=a.id,
            lang=lang,
            is_source=lang == "vi",
            action="publish" if lang != "vi" else "hold",
        )
        for a in site
        for lang in a.variants
    ]
    for links in alternates(site, BASE, decisions=decisions).values():
        assert [lang for lang, _ in links] == ["ar", "en", "ru", "zh-Hans"]
    # A variant no decision mentions is not published.
    assert alternates(site, BASE, decisions=[]) == {
        a.id: [] for a in sorted(site, key=lambda a: a.id)
    }


def test_duplicate_article_ids_are_refused(site: list[Article]) -> None:
    with pytest.raises(ValueError, match="two articles have the id"):
        alternates([*site, site[0]], BASE)


def test_hreflang_links(site: list[Article]) -> None:
    links = alternates(site, BASE)["da-nang-bridge"]
    html = hreflang_links(links)
    lines = html.splitlines()
    assert len(lines) == 6 and html.endswith("\n")
    assert lines[1] == (
        '<link rel="alternate" hreflang="en" '
        'href="https://news.example/en/da-nang-opens-new-bridge-over-the-han-river">'
    )
    assert lines[3] == (
        '<link rel="alternate" hreflang="vi" href="https://news.example/vi/da-nang-thong-xe-cau-moi-qua-song-han">'
    )
    assert lines[5] == lines[3].replace('hreflang="vi"', 'hreflang="x-default"')
    assert 'hreflang="zh-Hans" href="https://news.example/zh-Hans/%E5%B2%98%E6%B8%AF' in lines[4]
    arabic = re.search(r'href="([^"]+)"', lines[0])
    assert arabic is not None and arabic[1].isascii()
    assert unquote(arabic[1]) == dict(links)["ar"]
    assert hreflang_links([("en", 'https://news.example/en/a?x=1&y="2"')]) == (
        '<link rel="alternate" hreflang="en" href="https://news.example/en/a?x=1&amp;y=%222%22">\n'
    )


def test_to_uri() -> None:
    assert (
        to_uri("https://news.example/ar/معرض") == "https://news.example/ar/%D9%85%D8%B9%D8%B1%D8%B6"
    )
    assert to_uri("https://news.example/ar/%D9%85") == "https://news.example/ar/%D9%85"
    host = to_uri("https://tin.bài.example/vi/bài").split("/")[2]
    assert host.startswith("tin.xn--") and host.encode().decode("idna") == "tin.bài.example"


def test_lastmod_is_w3c_datetime() -> None:
    hanoi = timezone(timedelta(hours=7))
    assert (
        lastmod(datetime(2025, 3, 4, 7, 30, 15, 123456, tzinfo=hanoi))
        == "2025-03-04T07:30:15+07:00"
    )
    assert lastmod(datetime(2025, 3, 4, 0, 30, tzinfo=UTC)) == "2025-03-04T00:30:00+00:00"
    assert lastmod(datetime(2025, 3, 5, 10, 0)) == "2025-03-05"


# ---------------------------------------------------------------------------------------
# The sitemap


def _validate_structure(xml: str) -> ElementTree.Element:
    """Check what the sitemap protocol asks that XML parsing alone does not; return the root."""
    assert xml.startswith('<?xml version="1.0" encoding="UTF-8"?>\n')
    root = ElementTree.fromstring(xml.encode("utf-8"))  # well-formed, or ParseError
    assert root.tag == f"{SM}urlset"
    assert f'xmlns="{SITEMAP_NS}"' in xml and f'xmlns:xhtml="{XHTML_NS}"' in xml
    urls = list(root)
    assert 0 < len(urls) <= 50_000
    for url in urls:
        assert url.tag == f"{SM}url"
        children = [child.tag for child in url]
        assert children[0] == f"{SM}loc" and children.count(f"{SM}loc") == 1
        assert children.count(f"{SM}lastmod") <= 1
        assert all(tag.startswith(XH) for tag in children[1 + children.count(f"{SM}lastmod") :])
        loc = url.findtext(f"{SM}loc") or ""
        assert loc == loc.strip() and 12 <= len(loc) < 2048 and loc.isascii()
        assert loc.startswith("https://")
        modified = url.findtext(f"{SM}lastmod")
        if modified is not None:
            assert W3C_DATETIME.match(modified), modified
        for link in url.findall(f"{XH}link"):
            assert set(link.attrib) == {"rel", "hreflang", "href"}
            assert link.attrib["rel"] == "alternate"
            href = link.attrib["href"]
            assert 12 <= len(href) < 2048 and href.isascii()
    return root


def test_sitemap_is_valid_and_reciprocal(site: list[Article]) -> None:
    xml = sitemap(site, BASE)
    root = _validate_structure(xml)
    entries: dict[str, dict[str, str]] = {}
    lastmods: dict[str, str | None] = {}
    for url in root:
        loc = url.findtext(f"{SM}loc") or ""
        entries[loc] = {
            link.attrib["hreflang"]: link.attrib["href"] for link in url.findall(f"{XH}link")
        }
        lastmods[loc] = url.findtext(f"{SM}lastmod")
    assert len(entries) == 15
    for loc, links in entries.items():
        assert set(links) == {*LANGS, "x-default"}
        assert loc in links.values()  # itself
        assert links["x-default"] == links["vi"]
        for lang, href in links.items():
            assert entries[href] == links  # every alternate lists the same set back
            assert href.startswith(f"{BASE}/{'vi' if lang == 'x-default' else lang}/")
    by_article = alternates(site, BASE)
    fair_vi = to_uri(dict(by_article["hoa-giang-book-fair"])["vi"])
    bridge_ar = to_uri(dict(by_article["da-nang-bridge"])["ar"])
    extended_zh = to_uri(dict(by_article["hoa-giang-book-fair-extended"])["zh-Hans"])
    assert lastmods[fair_vi] == "2025-03-04T07:30:00+07:00"
    assert lastmods[bridge_ar] == "2025-03-05"
    assert lastmods[extended_zh] is None
    assert sitemap(list(reversed(site)), BASE + "/") == xml  # deterministic


def test_sitemap_leaves_out_held_variants(site: list[Article]) -> None:
    decisions = [
        GateDecision(
            article=a.id,
            lang=lang,
            is_source=lang == "vi",
            action="hold" if lang == "ru" else "publish",
        )
        for a in site
        for lang in a.variants
    ]
    root = _validate_structure(sitemap(site, BASE, decisions))
    assert len(root) == 12
    for url in root:
        assert {link.attrib["hreflang"] for link in url.findall(f"{XH}link")} == {
            "ar",
            "en",
            "vi",
            "zh-Hans",
            "x-default",
        }
    assert "/ru/" not in sitemap(site, BASE, decisions)


def test_sitemap_escapes_what_it_writes() -> None:
    article = make_article(
        {
            "vi": {"title": 'Giá <vàng> & "đô la" tăng', "blocks": []},
            "en": {"title": "Gold & dollar <up>", "blocks": []},
        },
        article_id="gold",
    )
    xml = sitemap([article], "https://news.example/?site=a&b")
    _validate_structure(xml)
    assert "&amp;" in xml and "<vàng>" not in xml and "<up>" not in xml
    root = ElementTree.fromstring(xml)
    assert root[0].findtext(f"{SM}loc") == "https://news.example/?site=a&b/en/gold-dollar-up"


def test_sitemap_refuses_urls_of_2048_characters(site: list[Article]) -> None:
    with pytest.raises(ValueError, match="too long"):
        sitemap(site, "https://news.example/" + "a" * 2040)


SITEMAP_XSD = """<?xml version="1.0" encoding="UTF-8"?>
<!-- The structure of the sitemaps.org 0.9 schema, written for this test: urlset of url,
     each a loc, optional lastmod, changefreq and priority, then elements of other
     namespaces (here xhtml:link, checked strictly against the schema below). -->
<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema"
            xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
            targetNamespace="http://www.sitemaps.org/schemas/sitemap/0.9"
            elementFormDefault="qualified">
  <xsd:import namespace="http://www.w3.org/1999/xhtml" schemaLocation="xhtml-link.xsd"/>
  <xsd:element name="urlset">
    <xsd:complexType>
      <xsd:sequence>
        <xsd:element name="url" type="tUrl" maxOccurs="unbounded"/>
      </xsd:sequence>
    </xsd:complexType>
  </xsd:element>
  <xsd:complexType name="tUrl">
    <xsd:sequence>
      <xsd:element name="loc" type="tLoc"/>
      <xsd:element name="lastmod" type="tLastmod" minOccurs="0"/>
      <xsd:element name="changefreq" type="tChangeFreq" minOccurs="0"/>
      <xsd:element name="priority" type="tPriority" minOccurs="0"/>
      <xsd:any namespace="##other" processContents="strict" minOccurs="0" maxOccurs="unbounded"/>
    </xsd:sequence>
  </xsd:complexType>
  <xsd:simpleType name="tLoc">
    <xsd:restriction base="xsd:anyURI">
      <xsd:minLength value="12"/>
      <xsd:maxLength value="2047"/>
    </xsd:restriction>
  </xsd:simpleType>
  <xsd:simpleType name="tLastmod">
    <xsd:union memberTypes="xsd:date xsd:dateTime"/>
  </xsd:simpleType>
  <xsd:simpleType name="tChangeFreq">
    <xsd:restriction base="xsd:string">
      <xsd:enumeration value="always"/>
      <xsd:enumeration value="hourly"/>
      <xsd:enumeration value="daily"/>
      <xsd:enumeration value="weekly"/>
      <xsd:enumeration value="monthly"/>
      <xsd:enumeration value="yearly"/>
      <xsd:enumeration value="never"/>
    </xsd:restriction>
  </xsd:simpleType>
  <xsd:simpleType name="tPriority">
    <xsd:restriction base="xsd:decimal">
      <xsd:minInclusive value="0.0"/>
      <xsd:maxInclusive value="1.0"/>
    </xsd:restriction>
  </xsd:simpleType>
</xsd:schema>
"""

XHTML_LINK_XSD = """<?xml version="1.0" encoding="UTF-8"?>
<!-- xhtml:link as sitemaps use it for alternates: rel="alternate", hreflang, href. -->
<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema"
            xmlns="http://www.w3.org/1999/xhtml"
            targetNamespace="http://www.w3.org/1999/xhtml"
            elementFormDefault="qualified">
  <xsd:element name="link">
    <xsd:complexType>
      <xsd:attribute name="rel" use="required">
        <xsd:simpleType>
          <xsd:restriction base="xsd:string">
            <xsd:enumeration value="alternate"/>
          </xsd:restriction>
        </xsd:simpleType>
      </xsd:attribute>
      <xsd:attribute name="hreflang" use="required">
        <xsd:simpleType>
          <xsd:restriction base="xsd:string">
            <xsd:pattern value="x-default|[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*"/>
          </xsd:restriction>
        </xsd:simpleType>
      </xsd:attribute>
      <xsd:attribute name="href" use="required">
        <xsd:simpleType>
          <xsd:restriction base="xsd:anyURI">
            <xsd:minLength value="12"/>
            <xsd:maxLength value="2047"/>
          </xsd:restriction>
        </xsd:simpleType>
      </xsd:attribute>
    </xsd:complexType>
  </xsd:element>
</xsd:schema>
"""


def test_sitemap_validates_against_the_schema(site: list[Article], tmp_path: Path) -> None:
    etree = pytest.importorskip("lxml.etree")
    (tmp_path / "sitemap.xsd").write_text(SITEMAP_XSD, encoding="utf-8")
    (tmp_path / "xhtml-link.xsd").write_text(XHTML_LINK_XSD, encoding="utf-8")
    schema = etree.XMLSchema(etree.parse(str(tmp_path / "sitemap.xsd")))
    xml = sitemap(site, BASE)
    document = etree.fromstring(xml.encode("utf-8"))
    assert schema.validate(document), schema.error_log
    # The schema has teeth: a url without loc, a bad lastmod, a link without hreflang fail.
    broken = [
        re.sub(r"<loc>[^<]*</loc>", "", xml, count=1),
        xml.replace("<lastmod>2025-03-05</lastmod>", "<lastmod>5 March 2025</lastmod>", 1),
        re.sub(r' hreflang="[^"]*"', "", xml, count=1),
        xml.replace('rel="alternate"', 'rel="canonical"', 1),
    ]
    for bad in broken:
        assert bad != xml
        assert not schema.validate(etree.fromstring(bad.encode("utf-8")))

"""MP101, MP102, MP103, MP104: tables of texts that must fail and texts that must pass.

Every person, province and sentence here is invented for these tests. The glossary
below (GLOSSARY) is shared with tests/checks/test_people.py.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from multipub import Config, check
from multipub.findings import Finding, Severity
from multipub.glossary import glossary_from_data, load_glossary
from multipub.matcher import GlossaryIndex
from multipub.models import Article
from tests.conftest import article_data, make_article

# --- the glossary -------------------------------------------------------------------------

GLOSSARY_DATA: dict[str, Any] = {
    "name": "test-desk",
    "source_lang": "vi",
    "entries": [
        {
            "id": "person/hoang-minh-duc",
            "kind": "person",
            "gender": "male",
            "terms": {
                "vi": "Hoàng Minh Đức",
                "ar": "هوانغ مينه دوك",
                "ru": "Хоанг Минь Дык",
                "zh": "黄明德",
                "en": "Hoang Minh Duc",
                "fr": "Hoang Minh Duc",
                "es": "Hoang Minh Duc",
            },
            "roles": [
                {"title": "title/provincial-chairman", "from": "2020-01-01", "to": "2023-12-31"},
                {
                    "title": "title/permanent-deputy-head",
                    "org": "org/central-organization-commission",
                    "from": "2024-01-01",
                },
            ],
        },
        {
            "id": "person/le-thi-hong-van",
            "kind": "person",
            "gender": "female",
            "terms": {
                "vi": "Lê Thị Hồng Vân",
                "ar": "لي ثي هونغ فان",
                "ru": "Ле Тхи Хонг Ван",
                "zh": "黎氏红云",
                "en": "Le Thi Hong Van",
                "fr": "Le Thi Hong Van",
                "es": "Le Thi Hong Van",
            },
            "roles": [{"title": "title/permanent-deputy-secretary", "from": "2022-03-01"}],
        },
        {
            "id": "person/phan-quoc-bao",
            "kind": "person",
            "gender": "male",
            "terms": {
                "vi": "Phan Quốc Bảo",
                "ar": "فان كوك باو",
                "ru": "Фан Куок Бао",
                "zh": "潘国宝",
                "en": "Phan Quoc Bao",
                "fr": "Phan Quoc Bao",
            },
            "roles": [{"title": "title/permanent-deputy-secretary", "from": "2021-06-01"}],
        },
        {
            # a person without roles: MP203 has nothing to compare with
            "id": "person/vu-van-tam",
            "kind": "person",
            "gender": "male",
            "terms": {
                "vi": "Vũ Văn Tâm",
                "ar": "فو فان تام",
                "ru": "Ву Ван Там",
                "zh": "武文心",
                "en": "Vu Van Tam",
                "fr": "Vu Van Tam",
            },
        },
        {
            "id": "title/permanent-deputy-head",
            "kind": "title",
            "terms": {
                "vi": "Phó Trưởng ban Thường trực",
                "ar": {"preferred": "نائب الرئيس الدائم", "feminine": "نائبة الرئيس الدائم"},
                "fr": {
                    "preferred": "chef adjoint permanent",
                    "feminine": "cheffe adjointe permanente",
                },
                "ru": "первый заместитель заведующего",
                "zh": "常务副部长",
                "en": "Permanent Deputy Head",
            },
        },
        {
            "id": "title/permanent-deputy-secretary",
            "kind": "title",
            "terms": {
                "vi": "Phó Bí thư Thường trực Tỉnh ủy",
                "ar": {
                    "preferred": "نائب الأمين الدائم للجنة الحزب الإقليمية",
                    "feminine": "نائبة الأمين الدائم للجنة الحزب الإقليمية",
                    "forbidden": ["نائب الأمين العام الدائم"],
                },
                "fr": {
                    "preferred": "secrétaire adjoint permanent du Comité provincial du Parti",
                    "feminine": "secrétaire adjointe permanente du Comité provincial du Parti",
                },
                "ru": "постоянный заместитель секретаря провинциального комитета партии",
                "zh": "省委常务副书记",
                "en": "Permanent Deputy Secretary of the Provincial Party Committee",
            },
        },
        {
            "id": "title/provincial-chairman",
            "kind": "title",
            "terms": {
                "vi": "Chủ tịch UBND tỉnh",
                "ar": {
                    "preferred": "رئيس اللجنة الشعبية الإقليمية",
                    "feminine": "رئيسة اللجنة الشعبية الإقليمية",
                },
                "fr": {
                    "preferred": "président du Comité populaire provincial",
                    "feminine": "présidente du Comité populaire provincial",
                },
                "ru": "председатель провинциального народного комитета",
                "zh": "省人民委员会主席",
                "en": "Chairman of the Provincial People's Committee",
            },
        },
        {
            "id": "org/central-organization-commission",
            "kind": "organization",
            "terms": {
                "vi": {"preferred": "Ban Tổ chức Trung ương", "accepted": ["Ban Tổ chức TƯ"]},
                "ar": {
                    "preferred": "لجنة التنظيم المركزية",
                    "accepted": ["هيئة التنظيم المركزية"],
                    "forbidden": ["اللجنة المنظمة المركزية"],
                },
                "ru": {"preferred": "Организационный отдел ЦК", "accepted": ["Орготдел ЦК"]},
                "zh": {"preferred": "中央组织部", "accepted": ["中组部"]},
                "en": {
                    "preferred": "Central Organization Commission",
                    "accepted": ["Party Organization Commission"],
                    "forbidden": ["Central Organizing Committee"],
                },
                "fr": {
                    "preferred": "Commission centrale d'organisation",
                    "accepted": ["Commission d'organisation du Parti"],
                },
            },
        },
        {
            # an invented province, with no English or French form
            "id": "place/hoa-giang",
            "kind": "place",
            "terms": {"vi": "Hòa Giang", "ar": "هوا جيانغ", "ru": "Хоазянг", "zh": "和江"},
        },
        {
            "id": "term/video-conference-point",
            "kind": "term",
            "terms": {
                "vi": "điểm cầu",
                "ar": {"preferred": "نقطة الاتصال", "forbidden": ["جسر"]},
                "ru": {"preferred": "пункт подключения", "forbidden": ["мост"]},
                "zh": {"preferred": "分会场", "forbidden": ["桥"]},
                "en": {"preferred": "connection point", "forbidden": ["bridge"]},
                "fr": {"preferred": "point de connexion", "forbidden": ["pont"]},
            },
        },
    ],
}
GLOSSARY = glossary_from_data(GLOSSARY_DATA, "tests/checks/test-desk.yaml")

POINT = "term/video-conference-point"
OCC = "org/central-organization-commission"
PDS = "title/permanent-deputy-secretary"


def run(article: Article, *codes: str) -> list[Finding]:
    """Return the findings of ``codes`` (codes or prefixes) on ``article`` with GLOSSARY."""
    return check(article, config=Config(select=codes), glossary=GLOSSARY)


def at(article: Article, finding: Finding) -> str:
    """Return the text a finding's span covers."""
    assert finding.span is not None
    text = article.variants[finding.lang or ""].text_of(finding.field, finding.block)
    return text[finding.span[0] : finding.span[1]]


def rows(
    article: Article, findings: list[Finding]
) -> list[tuple[str, str, str, int | None, str, str | None]]:
    """Return (code, lang, field, block, span text, entry) of each finding."""
    return [(f.code, f.lang or "", f.field, f.block, at(article, f), f.entry) for f in findings]


def pair(vi: str | None, lang: str, text: str) -> Article:
    """Return a one-block article: a vi source (when given) and its ``lang`` translation."""
    variants: dict[str, Any] = {lang: [text]}
    if vi is not None:
        variants["vi"] = [vi]
    return make_article(variants)


# --- MP103 --------------------------------------------------------------------------------

VI_POINT = "Dự hội nghị tại điểm cầu tỉnh Hòa Giang có đồng chí Vũ Văn Tâm."
VI_BRIDGE = "Tỉnh Hòa Giang khánh thành cầu Sông Lam dài 420 mét vào sáng 20/5."


@pytest.mark.parametrize(
    ("vi", "lang", "text", "expected", "preferred"),
    [
        # "bridge" for the connection point of a video conference, the source says "điểm cầu"
        (
            VI_POINT,
            "ar",
            "وحضر المؤتمر من جسر مقاطعة هوا جيانغ الرفيق فو فان تام.",
            [("جسر", POINT)],
            "نقطة الاتصال",
        ),
        # with attached clitics
        (
            VI_POINT,
            "ar",
            "وشارك في المؤتمر بجسر هوا جيانغ الرفيق فو فان تام.",
            [("جسر", POINT)],
            "نقطة الاتصال",
        ),
        (
            VI_POINT,
            "ar",
            "وانضم الرفيق فو فان تام إلى المؤتمر عبر جسر هوا جيانغ ولجسر العاصمة.",
            [("جسر", POINT), ("جسر", POINT)],
            "نقطة الاتصال",
        ),
        (
            VI_POINT,
            "ru",
            "На мосту провинции Хоазянг в конференции участвовал товарищ Ву Ван Там.",
            [("мосту", POINT)],
            "пункт подключения",
        ),
        (
            VI_POINT,
            "ru",
            "Мост Хоазянг подключился к конференции, на нём присутствовал Ву Ван Там.",
            [("Мост", POINT)],
            "пункт подключения",
        ),
        (VI_POINT, "zh", "和江省桥出席会议的有武文心同志。", [("桥", POINT)], "分会场"),
        (VI_POINT, "zh-Hans", "武文心同志在和江省桥出席会议。", [("桥", POINT)], "分会场"),
        (
            VI_POINT,
            "en",
            "Vu Van Tam attended the conference at the Hoa Giang bridge.",
            [("bridge", POINT)],
            "connection point",
        ),
        (
            VI_POINT,
            "fr",
            "Vu Van Tam a assisté à la conférence depuis le pont de Hoa Giang.",
            [("pont", POINT)],
            "point de connexion",
        ),
        # a forbidden title form
        (
            "Đồng chí Phan Quốc Bảo, Phó Bí thư Thường trực Tỉnh ủy, phát biểu tại hội nghị.",
            "ar",
            "وألقى الرفيق فان كوك باو، نائب الأمين العام الدائم للجنة الحزب الإقليمية، كلمة في المؤتمر.",
            [("نائب الأمين العام الدائم", PDS)],
            "نائب الأمين الدائم للجنة الحزب الإقليمية",
        ),
        # a forbidden organization name, also after the clitic "ل" that absorbs the article
        (
            "Ban Tổ chức Trung ương tổ chức hội nghị tập huấn cho cán bộ tỉnh Hòa Giang.",
            "ar",
            "عقدت اللجنة المنظمة المركزية دورة تدريبية لكوادر مقاطعة هوا جيانغ.",
            [("اللجنة المنظمة المركزية", OCC)],
            "لجنة التنظيم المركزية",
        ),
        (
            "Ban Tổ chức Trung ương tổ chức hội nghị tập huấn cho cán bộ tỉnh Hòa Giang.",
            "ar",
            "نظمت دورة تدريبية تابعة للجنة المنظمة المركزية لكوادر مقاطعة هوا جيانغ.",
            [("لجنة المنظمة المركزية", OCC)],
            "لجنة التنظيم المركزية",
        ),
        (
            "Ban Tổ chức Trung ương tổ chức hội nghị tập huấn cho cán bộ tỉnh Hòa Giang.",
            "en",
            "The Central Organizing Committee held a training course for Hoa Giang officials.",
            [("Central Organizing Committee", OCC)],
            "Central Organization Commission",
        ),
    ],
)
def test_mp103_forbidden_rendering_of_an_entry_in_the_source(
    vi: str, lang: str, text: str, expected: list[tuple[str, str]], preferred: str
) -> None:
    article = pair(vi, lang, text)
    findings = run(article, "MP103")
    assert rows(article, findings) == [("MP103", lang, "blocks", 0, t, e) for t, e in expected]
    for f in findings:
        assert f.severity is Severity.ERROR
        assert f.name == "forbidden-term"
        assert f"'{at(article, f)}'" in f.message
        assert f"forbidden for {f.entry}" in f.message
        assert f"use '{preferred}'" in f.message


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("ar", "وحضر المؤتمر من جسر مقاطعة هوا جيانغ الرفيق فو فان تام.", "جسر"),
        ("ru", "На мосту провинции Хоазянг присутствовал Ву Ван Там.", "мосту"),
        ("zh", "武文心同志在和江省桥出席会议。", "桥"),
        ("en", "Vu Van Tam joined from the Hoa Giang bridge.", "bridge"),
    ],
)
def test_mp103_lone_variant_is_checked_as_it_is(lang: str, text: str, expected: str) -> None:
    article = make_article({lang: [text]}, source_lang="vi")
    findings = run(article, "MP103")
    assert rows(article, findings) == [("MP103", lang, "blocks", 0, expected, POINT)]


@pytest.mark.parametrize(
    ("vi", "lang", "text"),
    [
        # a real bridge stays a bridge: the source has no "điểm cầu"
        (VI_BRIDGE, "ar", "افتتحت مقاطعة هوا جيانغ جسر نهر لام بطول 420 مترا صباح 20 مايو."),
        (VI_BRIDGE, "ar", "وقص المندوبون شريط افتتاح جسر نهر لام بجسر مؤقت بجانبه."),
        (
            VI_BRIDGE,
            "ru",
            "Утром 20 мая провинция Хоазянг открыла мост через реку Лам длиной 420 метров.",
        ),
        (VI_BRIDGE, "ru", "По мосту через реку Лам прошли первые автомобили."),
        (VI_BRIDGE, "zh", "5月20日上午，和江省蓝河大桥正式通车，全长420米。"),
        (VI_BRIDGE, "en", "On May 20, Hoa Giang opened the 420-metre Lam River bridge."),
        (
            VI_BRIDGE,
            "fr",
            "Le 20 mai, Hoa Giang a inauguré le pont de 420 mètres sur la rivière Lam.",
        ),
        # the connection point rendered as the glossary says
        (VI_POINT, "ar", "وحضر المؤتمر من نقطة الاتصال في مقاطعة هوا جيانغ الرفيق فو فان تام."),
        (VI_POINT, "ar", "وحضر الرفيق فو فان تام المؤتمر في نقطة الاتصال بمقاطعة هوا جيانغ."),
        (
            VI_POINT,
            "ru",
            "На пункте подключения провинции Хоазянг присутствовал товарищ Ву Ван Там.",
        ),
        (VI_POINT, "zh", "和江省分会场出席会议的有武文心同志。"),
        (VI_POINT, "en", "Vu Van Tam attended at the Hoa Giang connection point."),
        (VI_POINT, "fr", "Vu Van Tam a assisté depuis le point de connexion de Hoa Giang."),
        # a word that only contains the forbidden letters is not the word
        (
            VI_POINT,
            "ar",
            "وحضر المؤتمر من نقطة الاتصال في هوا جيانغ، وناقش المندوبون مشروع تجسير الفجوة.",
        ),
        (
            VI_POINT,
            "en",
            "Vu Van Tam attended at the Hoa Giang connection point, bridging two districts.",
        ),
        (
            VI_POINT,
            "ru",
            "Ву Ван Там присутствовал на пункте подключения; мостовой кран не работал.",
        ),
    ],
)
def test_mp103_clean(vi: str, lang: str, text: str) -> None:
    assert run(pair(vi, lang, text), "MP103") == []


def test_mp103_a_real_bridge_beside_a_connection_point_elsewhere_stays_a_bridge() -> None:
    # "điểm cầu" in the title of the source, a real bridge ("cầu Sông Lam") in its block:
    # "جسر" in the block translates the bridge
    article = make_article(
        {
            "vi": {"title": "Hội nghị trực tuyến với điểm cầu Hòa Giang", "blocks": [VI_BRIDGE]},
            "ar": {
                "title": "مؤتمر عبر الإنترنت مع نقطة الاتصال في هوا جيانغ",
                "blocks": ["افتتحت مقاطعة هوا جيانغ جسر نهر لام بطول 420 مترا صباح 20 مايو."],
            },
        }
    )
    assert run(article, "MP103") == run(article, "MP104") == []


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # one block: the connection point rendered as such, and twelve real bridges
        (
            "en",
            "At the Hoa Giang connection point, officials said 12 weak bridges had been closed.",
        ),
        ("ru", "В пункте подключения Хоазянг сообщили, что 12 аварийных мостов закрыты."),
        ("zh-Hans", "和江分会场报告说，12座危桥已经封闭。"),
        ("ar", "وأفادت نقطة الاتصال في هوا جيانغ بإغلاق 12 جسرا متهالكا."),
    ],
)
def test_mp103_real_bridges_in_the_block_of_a_connection_point(lang: str, text: str) -> None:
    vi = "Tại điểm cầu Hòa Giang, lãnh đạo tỉnh cho biết 12 cây cầu yếu đã được cấm lưu thông."
    article = pair(vi, lang, text)
    assert run(article, "MP103") == run(article, "MP104") == []


def test_mp103_a_vietnamese_compound_holds_no_form() -> None:
    # "thời điểm cầu được thông xe": the moment the bridge opened, no connection point
    article = pair(
        "Tại thời điểm cầu được thông xe, hàng nghìn người dân có mặt.",
        "en",
        "When the bridge opened to traffic, thousands of residents were there.",
    )
    assert run(article, "MP103") == run(article, "MP101") == []


def test_mp101_a_body_before_a_word_of_a_compound_is_still_there() -> None:
    # "điểm lại" (to review) after the ministry: "giao điểm" is a compound, but the
    # ministry's name does not end inside it
    shipped = load_glossary(Path(__file__).resolve().parents[2] / "glossaries")
    article = pair(
        "Bộ Ngoại giao điểm lại các hoạt động đối ngoại năm 2024.",
        "en",
        "The government reviewed its foreign activities in 2024.",
    )
    found = check(article, glossary=shipped, config=Config(select=("MP101",)))
    assert [f.entry for f in found] == ["org/ministry-of-foreign-affairs"]


@pytest.mark.parametrize(
    ("vi", "text", "missing"),
    [
        # "Đại sứ quán" is the embassy: no ambassador's title in it
        (
            "Đại sứ quán Việt Nam tại Riyadh bảo hộ 25 công dân.",
            "The Vietnamese Embassy in Riyadh assisted 25 citizens.",
            [],
        ),
        (
            "Tổng Lãnh sự quán tại Busan tổ chức gặp mặt.",
            "The Consulate General in Busan held a gathering.",
            [],
        ),
        # ... while the ambassador stays a title
        (
            "Đại sứ tại Riyadh tiếp 25 công dân.",
            "The embassy in Riyadh received 25 citizens.",
            ["title/ambassador"],
        ),
    ],
)
def test_mp101_a_title_that_opens_a_longer_vietnamese_word(
    tmp_path: Path, vi: str, text: str, missing: list[str]
) -> None:
    (tmp_path / "desk.yaml").write_text(
        "name: desk\nsource_lang: vi\nentries:\n"
        "  - id: title/ambassador\n    kind: title\n    terms: {vi: Đại sứ, en: Ambassador}\n"
        "  - id: title/consul-general\n    kind: title\n"
        "    terms: {vi: Tổng Lãnh sự, en: Consul General}\n",
        encoding="utf-8",
    )
    glossary = load_glossary(tmp_path / "desk.yaml")
    found = check(pair(vi, "en", text), glossary=glossary, config=Config(select=("MP101",)))
    assert [f.entry for f in found] == missing


_SSC_DESK = """name: desk
source_lang: vi
entries:
  - id: org/ssc
    kind: organization
    terms:
      vi: {preferred: Ủy ban Chứng khoán Nhà nước, accepted: [UBCKNN]}
      en: State Securities Commission
      ru: Государственная комиссия по ценным бумагам
  - id: title/ssc-chair
    kind: title
    terms:
      vi: Chủ tịch Ủy ban Chứng khoán Nhà nước
      en: Chair of the State Securities Commission
      ru: Председатель Государственной комиссии по ценным бумагам
"""


@pytest.mark.parametrize(
    ("lang", "first", "then", "missing"),
    [
        # the body named inside the title: "the commission" after it is a second reference
        (
            "en",
            "Chair of the State Securities Commission Tran Lan spoke on April 15.",
            "According to the commission, the market is calmer.",
            [],
        ),
        (
            "ru",
            "Председатель Государственной комиссии по ценным бумагам Чан Лан выступила 15 апреля.",
            "По данным комиссии, рынок стабилизировался.",
            [],
        ),
        # without it, the body is missing
        (
            "en",
            "Tran Lan spoke on April 15.",
            "According to the commission, the market is calmer.",
            ["org/ssc"],
        ),
    ],
)
def test_mp101_a_body_named_inside_a_title_then_in_short(
    tmp_path: Path, lang: str, first: str, then: str, missing: list[str]
) -> None:
    (tmp_path / "desk.yaml").write_text(_SSC_DESK, encoding="utf-8")
    glossary = load_glossary(tmp_path / "desk.yaml")
    vi = [
        "Chủ tịch Ủy ban Chứng khoán Nhà nước Trần Lan phát biểu ngày 15/4.",
        "Theo UBCKNN, thị trường đã ổn định hơn.",
    ]
    article = make_article({"vi": vi, lang: [first, then]})
    found = check(article, glossary=glossary, config=Config(select=("MP101",)))
    assert [f.entry for f in found if f.entry == "org/ssc"] == missing


@pytest.mark.parametrize(
    ("lang", "text", "missing"),
    [
        # in one block: the source names the body inside the title, then alone
        (
            "en",
            "Chair of the State Securities Commission Tran Lan said the commission will act.",
            [],
        ),
        (
            "ru",
            "Председатель Государственной комиссии по ценным бумагам Чан Лан заявила, что "
            "комиссия примет меры.",
            [],
        ),
        # the title without its body: the body is missing
        ("en", "Chair Tran Lan said the commission will act.", ["org/ssc"]),
    ],
)
def test_mp101_a_body_named_inside_a_title_then_in_short_in_one_block(
    tmp_path: Path, lang: str, text: str, missing: list[str]
) -> None:
    (tmp_path / "desk.yaml").write_text(_SSC_DESK, encoding="utf-8")
    glossary = load_glossary(tmp_path / "desk.yaml")
    vi = "Chủ tịch Ủy ban Chứng khoán Nhà nước Trần Lan cho biết UBCKNN sẽ hành động."
    article = make_article({"vi": [vi], lang: [text]})
    found = check(article, glossary=glossary, config=Config(select=("MP101",)))
    assert [f.entry for f in found if f.entry == "org/ssc"] == missing


def test_mp103_a_forbidden_phrase_has_no_other_sense() -> None:
    # the translation names the commission twice, once with a forbidden phrase: reported
    article = pair(
        "Ban Tổ chức Trung ương họp.",
        "ar",
        "اجتمعت لجنة التنظيم المركزية. وقدمت اللجنة المنظمة المركزية مقترحا.",
    )
    assert [row[4] for row in rows(article, run(article, "MP103"))] == ["اللجنة المنظمة المركزية"]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # the block's only rendering of the connection point is "bridge": reported, even
        # where the source names real bridges too
        (
            "en",
            "At the Hoa Giang bridge, officials said 12 weak bridges had been closed.",
            "bridge",
        ),
        ("zh-Hans", "和江桥报告说，12座危桥已经封闭。", "桥"),
    ],
)
def test_mp103_a_connection_point_called_a_bridge_beside_real_ones(
    lang: str, text: str, expected: str
) -> None:
    vi = "Tại điểm cầu Hòa Giang, lãnh đạo tỉnh cho biết 12 cây cầu yếu đã được cấm lưu thông."
    article = pair(vi, lang, text)
    found = rows(article, run(article, "MP103"))
    assert found and all(row[4] == expected for row in found)


@pytest.mark.parametrize(
    "text",
    [
        "وحضر الرفيق فو فان تام المؤتمر من الجسر في مقاطعة هوا جيانغ.",
        "وحضر الرفيق فو فان تام المؤتمر بالجسر في مقاطعة هوا جيانغ.",
    ],
)
def test_mp103_forbidden_form_after_the_arabic_article(text: str) -> None:
    article = pair(VI_POINT, "ar", text)
    assert rows(article, run(article, "MP103")) == [("MP103", "ar", "blocks", 0, "جسر", POINT)]


# --- MP102 --------------------------------------------------------------------------------

VI_OCC_ABBREVIATED = "Sáng 20/5, Ban Tổ chức TƯ họp bàn về công tác cán bộ của tỉnh Hòa Giang."


@pytest.mark.parametrize(
    ("lang", "text", "accepted", "preferred"),
    [
        (
            "ar",
            "صباح 20 مايو، اجتمعت هيئة التنظيم المركزية لبحث شؤون كوادر مقاطعة هوا جيانغ.",
            "هيئة التنظيم المركزية",
            "لجنة التنظيم المركزية",
        ),
        (
            "ar",
            "صباح 20 مايو، عُقد اجتماع لهيئة التنظيم المركزية حول كوادر مقاطعة هوا جيانغ.",
            "هيئة التنظيم المركزية",
            "لجنة التنظيم المركزية",
        ),
        (
            "ru",
            "Утром 20 мая Орготдел ЦК обсудил кадровые вопросы провинции Хоазянг.",
            "Орготдел ЦК",
            "Организационный отдел ЦК",
        ),
        (
            "ru",
            "Утром 20 мая на заседании Орготдела ЦК обсудили кадры провинции Хоазянг.",
            "Орготдела ЦК",
            "Организационный отдел ЦК",
        ),
        ("zh", "5月20日上午，中组部召开会议，讨论和江省干部工作。", "中组部", "中央组织部"),
        (
            "en",
            "On May 20, the Party Organization Commission discussed personnel matters of Hoa Giang.",
            "Party Organization Commission",
            "Central Organization Commission",
        ),
        (
            "fr",
            "Le 20 mai, la Commission d'organisation du Parti a examiné les cadres de Hoa Giang.",
            "Commission d'organisation du Parti",
            "Commission centrale d'organisation",
        ),
    ],
)
def test_mp102_accepted_form_in_a_translation(
    lang: str, text: str, accepted: str, preferred: str
) -> None:
    # the source uses an accepted form too ("Ban Tổ chức TƯ"): it is not reported there
    article = pair(VI_OCC_ABBREVIATED, lang, text)
    findings = run(article, "MP102")
    assert rows(article, findings) == [("MP102", lang, "blocks", 0, accepted, OCC)]
    [f] = findings
    assert f.severity is Severity.INFO
    assert (
        f.message == f"'{accepted}' is an accepted form of {OCC}; the house form is '{preferred}'"
    )


@pytest.mark.parametrize(
    ("text", "house_form"),
    [
        # a woman's title in an accepted form: her house form is the feminine one
        (
            "وطلبت نائبة رئيس اللجنة الشعبية للمقاطعة ها ثي ماي إنجاز العمل.",
            "نائبة رئيس اللجنة الشعبية الإقليمية",
        ),
        (
            "وطلب نائب رئيس اللجنة الشعبية للمقاطعة فام فان آن إنجاز العمل.",
            "نائب رئيس اللجنة الشعبية الإقليمية",
        ),
    ],
)
def test_mp102_names_the_feminine_house_form_for_a_feminine_accepted_one(
    text: str, house_form: str
) -> None:
    article = pair("Phó Chủ tịch UBND tỉnh yêu cầu hoàn thành công việc.", "ar", text)
    shipped = load_glossary(Path(__file__).resolve().parents[2] / "glossaries")
    [finding] = check(article, config=Config(select=("MP102",)), glossary=shipped)
    assert finding.message.endswith(f"the house form is '{house_form}'")


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("vi", VI_OCC_ABBREVIATED),  # the source alone: its abbreviations are house style
        ("ar", "صباح 20 مايو، اجتمعت لجنة التنظيم المركزية لبحث شؤون كوادر مقاطعة هوا جيانغ."),
        ("ru", "Утром 20 мая Организационный отдел ЦК обсудил кадровые вопросы провинции Хоазянг."),
        ("zh", "5月20日上午，中央组织部召开会议，讨论和江省干部工作。"),
        (
            "en",
            "On May 20, the Central Organization Commission discussed personnel matters of Hoa Giang.",
        ),
        (
            "fr",
            "Le 20 mai, la Commission centrale d'organisation a examiné les cadres de Hoa Giang.",
        ),
        # a forbidden form is MP103's business, not MP102's
        ("ar", "صباح 20 مايو، اجتمعت اللجنة المنظمة المركزية لبحث شؤون كوادر مقاطعة هوا جيانغ."),
    ],
)
def test_mp102_clean(lang: str, text: str) -> None:
    article = pair(VI_OCC_ABBREVIATED, lang, text) if lang != "vi" else make_article({"vi": [text]})
    assert run(article, "MP102") == []


@pytest.mark.parametrize(
    ("lang", "text", "reported"),
    [
        # an acronym in brackets right after the house form glosses it
        ("en", "The Communist Party of Viet Nam (CPV) was founded in 1930.", []),
        ("ru", "Коммунистическая партия Вьетнама (КПВ) основана в 1930 году.", []),
        ("fr", "Le Parti communiste du Vietnam (PCV) a été fondé en 1930.", []),
        # the acronym on its own is still an accepted form
        ("en", "The CPV was founded in 1930.", ["CPV"]),
        ("ru", "КПВ основана в 1930 году.", ["КПВ"]),
    ],
)
def test_mp102_an_acronym_in_brackets_after_the_house_form(
    lang: str, text: str, reported: list[str]
) -> None:
    glossary = load_glossary(Path(__file__).resolve().parents[2] / "glossaries")
    article = pair("Đảng Cộng sản Việt Nam được thành lập năm 1930.", lang, text)
    findings = check(article, glossary=glossary, config=Config(select=("MP102",)))
    assert [f.excerpt for f in findings] == reported


def test_mp102_mp104_a_body_s_one_word_short_name_after_its_full_name(tmp_path: Path) -> None:
    (tmp_path / "desk.yaml").write_text(
        "name: desk\nsource_lang: vi\nentries:\n"
        "  - id: org/national-power-group\n    kind: organization\n    terms:\n"
        "      vi: {preferred: Tập đoàn Điện lực Quốc gia, accepted: [VNPower]}\n"
        "      en: {preferred: National Power Group, accepted: [VNPower]}\n",
        encoding="utf-8",
    )
    glossary = load_glossary(tmp_path / "desk.yaml")
    article = make_article(
        {
            "vi": ["Tập đoàn Điện lực Quốc gia (VNPower) họp.", "VNPower cho biết."],
            "en": ["The National Power Group (VNPower) met.", "VNPower said so."],
        }
    )
    found = check(article, glossary=glossary, config=Config(select=("MP102", "MP104")))
    # only the later, lone short name is an accepted form; none is another rendering
    assert [(f.code, f.block, f.excerpt) for f in found] == [("MP102", 1, "VNPower")]


@pytest.mark.parametrize(
    ("lang", "full", "short", "reported"),
    [
        ("en", "Noi Bai International Airport", "Noi Bai airport", False),
        ("fr", "l'aéroport international de Noi Bai", "l'aéroport de Noi Bai", False),
        ("es", "el Aeropuerto Internacional de Noi Bai", "el aeropuerto de Noi Bai", False),
        # words of its own, or the short form first, are another rendering
        ("en", "Noi Bai International Airport", "Noi Bai Airfield", True),
        ("en", "Noi Bai airport", "Noi Bai International Airport", True),
    ],
)
def test_mp104_a_body_s_name_with_words_left_out(
    tmp_path: Path, lang: str, full: str, short: str, reported: bool
) -> None:
    (tmp_path / "desk.yaml").write_text(
        "name: desk\nsource_lang: vi\nentries:\n"
        "  - id: org/noi-bai-airport\n    kind: organization\n    terms:\n"
        "      vi: {preferred: Cảng hàng không quốc tế Nội Bài, accepted: [sân bay Nội Bài]}\n"
        "      en: {preferred: Noi Bai International Airport, accepted: [Noi Bai airport, Noi Bai Airfield]}\n"
        "      fr: {preferred: aéroport international de Noi Bai, accepted: [aéroport de Noi Bai]}\n"
        "      es: {preferred: Aeropuerto Internacional de Noi Bai, accepted: [aeropuerto de Noi Bai]}\n",
        encoding="utf-8",
    )
    glossary = load_glossary(tmp_path / "desk.yaml")
    article = make_article({lang: [f"{full}: 12.", f"{short}: 14."]}, source_lang=lang)
    found = check(article, glossary=glossary, config=Config(select=("MP104",)))
    assert [f.block for f in found] == ([1] if reported else [])


def test_mp104_a_longer_form_after_a_shorter_one_it_holds(tmp_path: Path) -> None:
    (tmp_path / "desk.yaml").write_text(
        "name: desk\nsource_lang: vi\nentries:\n"
        "  - id: term/gold-medal\n    kind: term\n    terms:\n"
        "      vi: huy chương vàng\n"
        "      en: {preferred: gold medal, accepted: [gold]}\n",
        encoding="utf-8",
    )
    glossary = load_glossary(tmp_path / "desk.yaml")
    article = make_article(
        {"en": ["She won gold.", "It was her third gold medal."]}, source_lang="en"
    )
    assert check(article, glossary=glossary, config=Config(select=("MP104",))) == []


@pytest.mark.parametrize(
    ("lang", "blocks", "reported"),
    [
        # the short form inside the full one, declined or with the article written on
        ("ru", ["Концентрация алкоголя проверена.", "Проверка на алкоголь прошла."], False),
        ("ar", ["انقلبت حافلة الركاب.", "وكانت الحافلة تعمل على خط هانوي."], False),
        # a word the full form does not hold is another rendering
        ("ru", ["Концентрация алкоголя проверена.", "Проверка на спирт прошла."], True),
    ],
)
def test_mp104_a_short_form_held_in_the_full_one_in_any_case(
    tmp_path: Path, lang: str, blocks: list[str], reported: bool
) -> None:
    (tmp_path / "desk.yaml").write_text(
        "name: desk\nsource_lang: vi\nentries:\n"
        "  - id: term/alcohol-level\n    kind: term\n    terms:\n"
        "      vi: nồng độ cồn\n"
        "      ru: {preferred: концентрация алкоголя, accepted: [алкоголь, спирт]}\n"
        "  - id: term/coach\n    kind: term\n    terms:\n"
        "      vi: xe khách\n"
        "      ar: {preferred: حافلة الركاب, accepted: [الحافلة, حافلة]}\n",
        encoding="utf-8",
    )
    glossary = load_glossary(tmp_path / "desk.yaml")
    article = make_article({lang: blocks}, source_lang=lang)
    found = check(article, glossary=glossary, config=Config(select=("MP104",)))
    assert bool(found) is reported


def test_mp104_a_declined_form_the_glossary_lists_is_the_same_rendering(tmp_path: Path) -> None:
    # The desk lists the genitive as accepted; the accusative reads as the house form.
    (tmp_path / "desk.yaml").write_text(
        "name: desk\nsource_lang: vi\nentries:\n"
        "  - id: term/question-session\n    kind: term\n    terms:\n"
        "      vi: phiên chất vấn\n"
        "      ru: {preferred: сессия запросов, accepted: [сессии запросов, час вопросов]}\n",
        encoding="utf-8",
    )
    glossary = load_glossary(tmp_path / "desk.yaml")
    blocks = ["Итоги сессии запросов подвели вечером.", "Депутаты продлили сессию запросов."]
    article = make_article({"ru": blocks}, source_lang="ru")
    assert check(article, glossary=glossary, config=Config(select=("MP104",))) == []
    # another accepted form is still another rendering
    blocks = ["Итоги сессии запросов подвели вечером.", "Депутаты продлили час вопросов."]
    article = make_article({"ru": blocks}, source_lang="ru")
    found = check(article, glossary=glossary, config=Config(select=("MP104",)))
    assert [f.excerpt for f in found] == ["час вопросов"]


def _one_term_desk(tmp_path: Path, vi: str, lang: str, form: str) -> GlossaryIndex:
    """Return a desk glossary of one term, ``vi`` rendered ``form`` in ``lang``."""
    (tmp_path / "desk.yaml").write_text(
        f"name: desk\nsource_lang: vi\nentries:\n  - id: term/one\n    kind: term\n"
        f"    terms:\n      vi: {vi}\n      {lang}: {form}\n",
        encoding="utf-8",
    )
    return GlossaryIndex(load_glossary(tmp_path / "desk.yaml"))


@pytest.mark.parametrize(
    ("vi", "lang", "form", "source", "text"),
    [
        # French -al makes -aux in the plural; Spanish drops an accent
        (
            "kỷ lục quốc gia",
            "fr",
            "record national",
            "Đoàn phá 31 kỷ lục quốc gia.",
            "L'équipe a battu 31 records nationaux.",
        ),
        ("lương hưu", "es", "pensión", "Lương hưu tăng 15%.", "Las pensiones suben un 15 %."),
    ],
)
def test_mp101_plurals_that_change_a_word(
    tmp_path: Path, vi: str, lang: str, form: str, source: str, text: str
) -> None:
    glossary = _one_term_desk(tmp_path, vi, lang, form)
    article = pair(source, lang, text)
    assert check(article, glossary=glossary, config=Config(select=("MP101",))) == []


_DESK_DIRECTORS = """
name: desk
source_lang: vi
entries:
  - id: title/director
    kind: title
    terms:
      vi: Giám đốc
      en: {preferred: Director, accepted: [Head]}
  - id: person/hoang-minh-duc
    kind: person
    gender: male
    terms: {vi: Hoàng Minh Đức, en: Hoang Minh Duc}
  - id: person/le-thi-hong-van
    kind: person
    gender: female
    terms: {vi: Lê Thị Hồng Vân, en: Le Thi Hong Van}
"""


@pytest.mark.parametrize(
    ("blocks", "reported"),
    [
        # two people's posts under one generic title may read otherwise
        (["Director Hoang Minh Duc opened the ward.", "Head Le Thi Hong Van thanked him."], []),
        # one person's, not
        (
            ["Director Hoang Minh Duc opened the ward.", "Head Hoang Minh Duc thanked them."],
            ["Head"],
        ),
    ],
)
def test_mp104_a_title_is_measured_per_holder(
    tmp_path: Path, blocks: list[str], reported: list[str]
) -> None:
    (tmp_path / "desk.yaml").write_text(_DESK_DIRECTORS, encoding="utf-8")
    glossary = load_glossary(tmp_path / "desk.yaml")
    article = make_article({"en": blocks}, source_lang="en")
    found = check(article, glossary=glossary, config=Config(select=("MP104",)))
    assert [f.excerpt for f in found] == reported


def test_mp104_a_clipped_name_in_the_headline_above_the_full_one() -> None:
    glossary = load_glossary(Path(__file__).resolve().parents[2] / "glossaries")
    article = make_article(
        {
            "vi": {"title": "Bộ Y tế ban hành quy định mới", "blocks": ["Bộ Y tế cho biết."]},
            "ru": {
                "title": "Минздрав Вьетнама ввёл новые правила",
                "blocks": ["Министерство здравоохранения сообщило об этом."],
            },
        }
    )
    assert check(article, glossary=glossary, config=Config(select=("MP104",))) == []


@pytest.mark.parametrize(
    ("lang", "title", "body", "reported"),
    [
        # the glossary's short form of a title in the headline, the full one below
        (
            "ru",
            "Вице-премьер Лам Ван Тьен посетил Египет",
            "Заместитель премьер-министра Лам Ван Тьен прибыл в Каир.",
            [],
        ),
        (
            "en",
            "Deputy PM Lam Van Tien visits Egypt",
            "Deputy Prime Minister Lam Van Tien arrived in Cairo.",
            [],
        ),
        (
            "es",
            "El vicepremier Lam Van Tien visita Egipto",
            "El viceprimer ministro Lam Van Tien llegó a El Cairo.",
            [],
        ),
        # another word as long as the body's is another rendering, headline or not
        (
            "en",
            "Vice Minister Lam Van Tien visits Egypt",
            "Deputy Minister Lam Van Tien arrived in Cairo.",
            ["Deputy Minister"],
        ),
    ],
)
def test_mp104_a_title_s_short_form_in_the_headline(
    lang: str, title: str, body: str, reported: list[str]
) -> None:
    glossary = load_glossary(Path(__file__).resolve().parents[2] / "glossaries")
    vi = (
        "Phó Thủ tướng"
        if "Prime" in body or "премьер" in body or "primer" in body
        else "Thứ trưởng"
    )
    article = make_article(
        {
            "vi": {
                "title": f"{vi} Lâm Văn Tiến thăm Ai Cập",
                "blocks": [f"{vi} Lâm Văn Tiến đến Cairo."],
            },
            lang: {"title": title, "blocks": [body]},
        }
    )
    found = check(article, glossary=glossary, config=Config(select=("MP104",)))
    assert [f.excerpt for f in found] == reported


def test_mp102_source_variant_is_not_checked_even_next_to_translations() -> None:
    article = make_article(
        {
            "vi": {
                "title": "Ban Tổ chức TƯ làm việc tại Hòa Giang",
                "blocks": [VI_OCC_ABBREVIATED],
            },
            "en": {
                "title": "Central Organization Commission works in Hoa Giang",
                "blocks": [
                    "On May 20, the Party Organization Commission discussed personnel matters."
                ],
            },
        }
    )
    findings = run(article, "MP102")
    assert rows(article, findings) == [
        ("MP102", "en", "blocks", 0, "Party Organization Commission", OCC)
    ]


# --- MP104 --------------------------------------------------------------------------------

AR_PDS = "وألقى الرفيق فان كوك باو، نائب الأمين الدائم للجنة الحزب الإقليمية، كلمة توجيهية."
AR_PDS_FORBIDDEN = (
    "وقدم الرفيق فان كوك باو، نائب الأمين العام الدائم للجنة الحزب الإقليمية، هدايا للأسر."
)
AR_OTHER = "واتفق المندوبون على إعطاء الأولوية لتمويل البنية التحتية في المقاطعة."


@pytest.mark.parametrize(
    ("lang", "blocks", "block", "later", "earlier", "entry"),
    [
        # one title in two renderings (the later one forbidden)
        (
            "ar",
            [AR_PDS, AR_OTHER, AR_PDS_FORBIDDEN],
            2,
            "نائب الأمين العام الدائم",
            "نائب الأمين الدائم للجنة الحزب الإقليمية",
            PDS,
        ),
        # the other way round: the mention that differs from the first is reported
        (
            "ar",
            [AR_PDS_FORBIDDEN, AR_OTHER, AR_PDS],
            2,
            "نائب الأمين الدائم للجنة الحزب الإقليمية",
            "نائب الأمين العام الدائم",
            PDS,
        ),
        # an organization: preferred, then accepted
        (
            "ar",
            [
                "عقدت لجنة التنظيم المركزية مؤتمرا وطنيا.",
                "وأكد ممثل هيئة التنظيم المركزية أهمية الخطة.",
            ],
            1,
            "هيئة التنظيم المركزية",
            "لجنة التنظيم المركزية",
            OCC,
        ),
        (
            "en",
            [
                "The Central Organization Commission held a national online conference.",
                "A Party Organization Commission official stressed the plan.",
            ],
            1,
            "Party Organization Commission",
            "Central Organization Commission",
            OCC,
        ),
        (
            "fr",
            [
                "La Commission centrale d'organisation a tenu une conférence en ligne.",
                "Un représentant de la Commission d'organisation du Parti a insisté sur le plan.",
            ],
            1,
            "Commission d'organisation du Parti",
            "Commission centrale d'organisation",
            OCC,
        ),
        # a term: the connection point, then "bridge"
        (
            "zh",
            ["和江省分会场出席会议的有武文心同志。", "桥上还有其他代表。"],
            1,
            "桥",
            "分会场",
            POINT,
        ),
    ],
)
def test_mp104_one_entry_two_renderings(
    lang: str, blocks: list[str], block: int, later: str, earlier: str, entry: str
) -> None:
    article = make_article({lang: blocks}, source_lang=lang)
    findings = run(article, "MP104")
    assert rows(article, findings) == [("MP104", lang, "blocks", block, later, entry)]
    [f] = findings
    assert f.severity is Severity.WARNING
    # in every case of the table the first rendering is in block 0
    assert [(r.field, r.block, r.lang) for r in f.related] == [("blocks", 0, None)]
    assert f.message == f"{entry} is rendered '{later}' here but '{earlier}' in block 0"


def test_mp104_related_to_the_title() -> None:
    article = make_article(
        {
            "ar": {
                "title": "لجنة التنظيم المركزية تعقد مؤتمرا وطنيا",
                "blocks": [AR_OTHER, "وأكد ممثل هيئة التنظيم المركزية أهمية الخطة."],
            }
        },
        source_lang="ar",
    )
    [f] = run(article, "MP104")
    assert (f.field, f.block, at(article, f)) == ("blocks", 1, "هيئة التنظيم المركزية")
    assert [(r.field, r.block) for r in f.related] == [("title", None)]
    assert f.message.endswith("but 'لجنة التنظيم المركزية' in the title")


def test_mp104_every_differing_mention_points_to_the_first() -> None:
    blocks = [AR_PDS, AR_PDS_FORBIDDEN, AR_PDS, AR_PDS_FORBIDDEN]
    article = make_article({"ar": blocks}, source_lang="ar")
    findings = run(article, "MP104")
    assert [(f.block, at(article, f), f.related[0].block) for f in findings] == [
        (1, "نائب الأمين العام الدائم", 0),
        (3, "نائب الأمين العام الدائم", 0),
    ]


@pytest.mark.parametrize(
    ("lang", "blocks"),
    [
        # masculine and feminine forms of one title for two people: one rendering
        (
            "ar",
            [
                AR_PDS,
                "وتحدثت الرفيقة لي ثي هونغ فان، نائبة الأمين الدائم للجنة الحزب الإقليمية، عن خطة العام.",
            ],
        ),
        (
            "fr",
            [
                "M. Phan Quoc Bao, secrétaire adjoint permanent du Comité provincial du Parti, a pris la parole.",
                "Mme Le Thi Hong Van, secrétaire adjointe permanente du Comité provincial du Parti, a présenté le plan.",
            ],
        ),
        # the same form twice
        ("ar", [AR_PDS, AR_OTHER, AR_PDS]),
        (
            "ar",
            [AR_PDS_FORBIDDEN, AR_PDS_FORBIDDEN],
        ),  # wrong, but consistently so (MP103's business)
        (
            "en",
            [
                "Vu Van Tam attended at the connection point.",
                "The connection point was in Hoa Giang.",
            ],
        ),
        # the same form with Arabic clitics, with and without the absorbed article
        (
            "ar",
            [
                "عقدت لجنة التنظيم المركزية مؤتمرا.",
                "وأكد ممثل للجنة التنظيم المركزية أهمية الخطة.",
                "وبلجنة التنظيم المركزية خبراء.",
            ],
        ),
        (
            "ar",
            [
                "عقدت اللجنة المنظمة المركزية مؤتمرا.",
                "وأكد ممثل للجنة المنظمة المركزية أهمية الخطة.",
            ],
        ),
        # the same form in Russian cases
        (
            "ru",
            [
                "Организационный отдел ЦК провёл совещание.",
                "Представитель Организационного отдела ЦК выступил.",
                "Организационному отделу ЦК поручено подготовить доклад.",
            ],
        ),
        # the same form with and without diacritics is one rendering (MP205's business)
        ("en", ["Hoàng Minh Đức opened the meeting.", "Hoang Minh Duc closed it."]),
        # two different entries
        ("zh", ["中央组织部召开会议。", "和江省分会场出席会议。"]),
        # the full name, then a clipped one: news style, one rendering
        ("zh", ["中央组织部召开全国视频会议。", "中组部代表强调了计划的重要性。"]),
        (
            "ru",
            [
                "Организационный отдел ЦК провёл совещание.",
                "Представитель Орготдела ЦК выступил.",
            ],
        ),
    ],
)
def test_mp104_clean(lang: str, blocks: list[str]) -> None:
    article = make_article({lang: blocks}, source_lang=lang)
    assert run(article, "MP104") == []


# --- MP101 --------------------------------------------------------------------------------

VI_MEETING = {
    "title": "Ban Tổ chức Trung ương làm việc với tỉnh Hòa Giang",
    "byline": "Vũ Văn Tâm",
    "blocks": [
        "Chiều 20/5, Ban Tổ chức Trung ương làm việc với Ban Thường vụ Tỉnh ủy Hòa Giang về công tác quy hoạch cán bộ nhiệm kỳ 2025-2030.",
        "Tại buổi làm việc, đại diện Ban Tổ chức Trung ương đề nghị tỉnh rà soát lại danh sách 45 cán bộ trong diện quy hoạch.",
        "Lãnh đạo tỉnh Hòa Giang cam kết hoàn thành việc rà soát trước ngày 15/7.",
    ],
}
# Each translation: a view counter inserted before the text, then the three blocks; the
# second text block (index 2) drops the organization's second mention. The byline is dropped.
MEETING: dict[str, dict[str, Any]] = {
    "ar": {
        "title": "لجنة التنظيم المركزية تعمل مع مقاطعة هوا جيانغ",
        "blocks": [
            "عدد المشاهدات: 1254",
            "بعد ظهر 20 مايو، عملت لجنة التنظيم المركزية مع اللجنة الدائمة للجنة الحزب في مقاطعة هوا جيانغ بشأن تخطيط الكوادر للفترة 2025-2030.",
            "وخلال الاجتماع، طلب ممثلوها من المقاطعة مراجعة قائمة 45 كادرا في خطة الكوادر.",
            "وتعهدت قيادة مقاطعة هوا جيانغ بإنجاز المراجعة قبل 15 يوليو.",
        ],
    },
    "ru": {
        "title": "Организационный отдел ЦК провёл встречу в провинции Хоазянг",
        "blocks": [
            "Просмотров: 1254",
            "Во второй половине дня 20 мая Организационный отдел ЦК провёл рабочую встречу с постоянным комитетом парткома провинции Хоазянг по кадровому резерву на 2025-2030 годы.",
            "На встрече его представители попросили провинцию пересмотреть список из 45 кадров резерва.",
            "Руководство провинции Хоазянг обязалось завершить проверку до 15 июля.",
        ],
    },
    "zh-Hans": {
        "title": "中央组织部与和江省举行工作会议",
        "blocks": [
            "浏览量：1254",
            "5月20日下午，中央组织部与和江省委常委会就2025-2030年任期干部规划举行工作会议。",
            "会上，其代表要求该省重新审查45名规划干部名单。",
            "和江省领导承诺在7月15日前完成审查。",
        ],
    },
    "en": {
        "title": "Central Organization Commission works with Hoa Giang",
        "blocks": [
            "Views: 1,254",
            "On the afternoon of May 20, the Central Organization Commission met the Standing Board of the Hoa Giang provincial Party Committee on cadre planning for the 2025-2030 term.",
            "At the meeting, its representatives asked the province to review the list of 45 cadres in the planning pool.",
            "Hoa Giang's leaders pledged to complete the review by July 15.",
        ],
    },
    "fr": {
        "title": "La Commission centrale d'organisation travaille avec Hoa Giang",
        "blocks": [
            "Vues : 1 254",
            "L'après-midi du 20 mai, la Commission centrale d'organisation a rencontré le comité permanent du Comité provincial du Parti de Hoa Giang au sujet de la planification des cadres pour le mandat 2025-2030.",
            "Lors de la réunion, ses représentants ont demandé à la province de réexaminer la liste des 45 cadres planifiés.",
            "Les dirigeants de Hoa Giang se sont engagés à achever l'examen avant le 15 juillet.",
        ],
    },
}
EXPECTED_OCC = {
    "ar": "لجنة التنظيم المركزية",
    "ru": "Организационный отдел ЦК",
    "zh-Hans": "中央组织部",
    "en": "Central Organization Commission",
    "fr": "Commission centrale d'organisation",
}


def _meeting(lang: str, block_2: str | None = None) -> Article:
    target = dict(MEETING[lang])
    if block_2 is not None:
        target["blocks"] = [*target["blocks"][:2], block_2, *target["blocks"][3:]]
    return make_article({"vi": VI_MEETING, lang: target})


@pytest.mark.parametrize("lang", sorted(MEETING))
def test_mp101_a_second_reference_after_the_full_name_is_not_missing(lang: str) -> None:
    # block 2 says "its representatives" where the source names the commission again:
    # news style refers in short to what the text has named in full before
    assert run(_meeting(lang), "MP101") == []


@pytest.mark.parametrize("lang", sorted(MEETING))
def test_mp101_the_first_reference_missing_on_the_aligned_block(lang: str) -> None:
    # the body's first mention in the text dropped (the headline's does not count)
    first, second = MEETING[lang]["blocks"][1], MEETING[lang]["blocks"][2]
    article = _meeting(lang)
    target = article.variants[lang]
    blocks = [b.text for b in target.blocks]
    blocks[1], blocks[2] = first.replace(EXPECTED_OCC[lang], "X"), second
    article = make_article({"vi": VI_MEETING, lang: {"title": target.title, "blocks": blocks}})
    findings = run(article, "MP101")
    assert [(f.block, f.entry) for f in findings] == [(1, OCC), (2, OCC)]
    assert findings[0].severity is Severity.WARNING
    assert [(r.field, r.block, r.lang) for r in findings[0].related] == [("blocks", 0, "vi")]
    assert findings[1].message == (
        f"'Ban Tổ chức Trung ương' ({OCC}) in block 1 of the source has no rendering here; "
        f"expected '{EXPECTED_OCC[lang]}'"
    )


@pytest.mark.parametrize(
    ("lang", "block_2"),
    [
        # rendered with an accepted form (MP102's business)
        (
            "ar",
            "وخلال الاجتماع، طلب ممثلو هيئة التنظيم المركزية من المقاطعة مراجعة قائمة 45 كادرا في خطة الكوادر.",
        ),
        (
            "ru",
            "На встрече представители Орготдела ЦК попросили провинцию пересмотреть список из 45 кадров резерва.",
        ),
        ("zh-Hans", "会上，中组部代表要求该省重新审查45名规划干部名单。"),
        (
            "en",
            "At the meeting, Party Organization Commission representatives asked the province to review the list of 45 cadres.",
        ),
        (
            "fr",
            "Lors de la réunion, les représentants de la Commission d'organisation du Parti ont demandé de réexaminer la liste des 45 cadres.",
        ),
        # rendered with a forbidden form (MP103's business)
        (
            "ar",
            "وخلال الاجتماع، طلب ممثلو اللجنة المنظمة المركزية من المقاطعة مراجعة قائمة 45 كادرا في خطة الكوادر.",
        ),
        # rendered with the preferred form
        (
            "en",
            "At the meeting, Central Organization Commission representatives asked the province to review the list of 45 cadres.",
        ),
    ],
)
def test_mp101_clean(lang: str, block_2: str) -> None:
    assert run(_meeting(lang, block_2), "MP101") == []


@pytest.mark.parametrize("lang", sorted(MEETING))
def test_mp101_clean_with_a_run_of_white_space_inside_the_term(lang: str) -> None:
    # A double space or a no-break space beside a space (pasted from a CMS) inside the
    # rendering: the term is there, nothing is missing.
    def spaced(text: str) -> str:
        form = EXPECTED_OCC[lang]
        wide = form.replace(" ", "  ", 1).replace(" ", "\u00a0 ", 1) if " " in form else form
        return text.replace(form, wide)

    target = dict(MEETING[lang])
    target["blocks"] = [spaced(block) for block in target["blocks"]]
    assert target["blocks"] != MEETING[lang]["blocks"] or " " not in EXPECTED_OCC[lang]
    assert run(make_article({"vi": VI_MEETING, lang: target}), "MP101") == run(
        _meeting(lang), "MP101"
    )


def test_mp101_counts_mentions() -> None:
    # both mentions of the organization dropped: two findings, each on its own block
    blocks = list(MEETING["en"]["blocks"])
    blocks[1] = (
        "On the afternoon of May 20, central officials met the Standing Board of the Hoa Giang provincial Party Committee on cadre planning for the 2025-2030 term."
    )
    article = make_article(
        {"vi": VI_MEETING, "en": {"title": MEETING["en"]["title"], "blocks": blocks}}
    )
    findings = run(article, "MP101")
    assert [(f.block, f.related[0].block, f.entry) for f in findings] == [(1, 0, OCC), (2, 1, OCC)]


def test_mp101_missing_in_the_title() -> None:
    # The body never names the commission either: the headline's is missing too.
    blocks = list(MEETING["en"]["blocks"])
    blocks[1] = (
        "On the afternoon of May 20, central officials met the Standing Board of the Hoa Giang provincial Party Committee on cadre planning for the 2025-2030 term."
    )
    article = make_article(
        {
            "vi": VI_MEETING,
            "en": {"title": "Central officials work with Hoa Giang", "blocks": blocks},
        }
    )
    findings = run(article, "MP101")
    assert sorted((f.field, f.block or 0, f.related[0].field) for f in findings) == [
        ("blocks", 1, "blocks"),
        ("blocks", 2, "blocks"),
        ("title", 0, "title"),
    ]
    assert any("in the title of the source" in f.message for f in findings)


@pytest.mark.parametrize(
    ("lang", "title"),
    [
        ("en", "Central officials work with Hoa Giang"),
        ("ru", "Центр провёл встречу с руководством провинции Хоазянг"),
        ("ar", "مسؤولون مركزيون يجتمعون مع قيادة مقاطعة هوا جيانغ"),
        ("zh-Hans", "中央官员与和江省领导举行工作会议"),
    ],
)
def test_mp101_a_headline_may_leave_out_what_the_text_names(lang: str, title: str) -> None:
    # The text names the commission in full: its headline may be shorter (and its
    # second mention is a second reference).
    article = make_article(
        {"vi": VI_MEETING, lang: {"title": title, "blocks": MEETING[lang]["blocks"]}}
    )
    assert run(article, "MP101") == []


@pytest.mark.parametrize(
    ("lang", "block_3", "expected"),
    [
        # no English or French form for the province: never required there
        ("en", "The province's leaders pledged to complete the review by July 15.", []),
        (
            "fr",
            "Les dirigeants de la province se sont engagés à achever l'examen avant le 15 juillet.",
            [],
        ),
        # an Arabic form exists, but block 1 named the province in full: "the province"
        # after it is a second reference
        ("ar", "وتعهدت قيادة المقاطعة بإنجاز المراجعة قبل 15 يوليو.", []),
    ],
)
def test_mp101_entry_without_a_form_in_the_target(
    lang: str, block_3: str, expected: list[tuple[int, str]]
) -> None:
    target = dict(MEETING[lang])
    target["blocks"] = [
        *target["blocks"][:2],
        EXPECTED_OCC[lang] + ": " + target["blocks"][2],
        block_3,
    ]
    article = make_article({"vi": VI_MEETING, lang: target})
    assert [(f.block, f.entry) for f in run(article, "MP101")] == expected


@pytest.mark.parametrize("target_byline", [None, "ف. ت.", "فو فان تام"])
def test_mp101_byline_names_are_not_required(target_byline: str | None) -> None:
    # the source byline names a glossary person; the translation drops or shortens it
    target = dict(MEETING["ar"])
    target["blocks"] = [
        *target["blocks"][:2],
        "وخلال الاجتماع، طلب ممثلو لجنة التنظيم المركزية مراجعة قائمة 45 كادرا.",
        target["blocks"][3],
    ]
    if target_byline is not None:
        target["byline"] = target_byline
    article = make_article({"vi": VI_MEETING, "ar": target})
    assert run(article, "MP101") == []


def test_mp101_needs_a_source() -> None:
    article = make_article({"en": MEETING["en"]}, source_lang="vi")
    assert run(article, "MP101") == []


# --- a seed-like article: the whole MP1xx/MP2xx family --------------------------------------

SEED_VI = {
    "title": "Ban Tổ chức Trung ương hội nghị trực tuyến toàn quốc về đánh giá cán bộ",
    "blocks": [
        "Sáng 14/5, Ban Tổ chức Trung ương tổ chức hội nghị trực tuyến toàn quốc sơ kết công tác đánh giá cán bộ năm 2023.",
        "Đồng chí Hoàng Minh Đức, Phó Trưởng ban Thường trực Ban Tổ chức Trung ương, chủ trì hội nghị.",
        "Dự hội nghị tại điểm cầu tỉnh Hòa Giang có đồng chí Phan Quốc Bảo, Phó Bí thư Thường trực Tỉnh ủy.",
        "Phát biểu tại điểm cầu Hòa Giang, đồng chí Phan Quốc Bảo, Phó Bí thư Thường trực Tỉnh ủy, cam kết hoàn thành kế hoạch trước ngày 30/6.",
    ],
}
SEED_AR_MACHINE = {
    "origin": "machine",
    "title": "اللجنة المنظمة المركزية تعقد مؤتمرا وطنيا عبر الإنترنت حول تقييم الكوادر",
    "blocks": [
        "صباح 14 مايو، عقدت اللجنة المنظمة المركزية مؤتمرا وطنيا عبر الإنترنت لمراجعة تقييم الكوادر لعام 2023.",
        "ترأست المؤتمر الرفيقة هوانغ مينه دوك، نائبة الرئيس الدائم للجنة المنظمة المركزية.",
        "وحضر المؤتمر من جسر مقاطعة هوا جيانغ الرفيق فان كوك باو، نائب الأمين الدائم للجنة الحزب الإقليمية.",
        "وفي كلمته من جسر هوا جيانغ، تعهد الرفيق فان كوك باو، نائب الأمين العام الدائم للجنة الحزب الإقليمية، بإنجاز الخطة قبل 30 يونيو.",
    ],
}
SEED_AR_FIXED = {
    "origin": "post-edited",
    "title": "لجنة التنظيم المركزية تعقد مؤتمرا وطنيا عبر الإنترنت حول تقييم الكوادر",
    "blocks": [
        "صباح 14 مايو، عقدت لجنة التنظيم المركزية مؤتمرا وطنيا عبر الإنترنت لمراجعة تقييم الكوادر لعام 2023.",
        "ترأس المؤتمر الرفيق هوانغ مينه دوك، نائب الرئيس الدائم للجنة التنظيم المركزية.",
        "وحضر المؤتمر من نقطة الاتصال في مقاطعة هوا جيانغ الرفيق فان كوك باو، نائب الأمين الدائم للجنة الحزب الإقليمية.",
        "وفي كلمته من نقطة الاتصال في هوا جيانغ، تعهد الرفيق فان كوك باو، نائب الأمين الدائم للجنة الحزب الإقليمية، بإنجاز الخطة قبل 30 يونيو.",
    ],
}
DUC = "person/hoang-minh-duc"


def test_seed_like_machine_translation() -> None:
    article = make_article({"vi": SEED_VI, "ar": SEED_AR_MACHINE})
    findings = run(article, "MP1", "MP2")
    assert rows(article, findings) == [
        ("MP103", "ar", "title", None, "اللجنة المنظمة المركزية", OCC),
        ("MP103", "ar", "blocks", 0, "اللجنة المنظمة المركزية", OCC),
        ("MP204", "ar", "blocks", 1, "ترأست", DUC),
        ("MP204", "ar", "blocks", 1, "الرفيقة", DUC),
        ("MP204", "ar", "blocks", 1, "نائبة الرئيس الدائم", DUC),
        ("MP103", "ar", "blocks", 1, "لجنة المنظمة المركزية", OCC),
        ("MP103", "ar", "blocks", 2, "جسر", POINT),
        ("MP103", "ar", "blocks", 3, "جسر", POINT),
        ("MP103", "ar", "blocks", 3, "نائب الأمين العام الدائم", PDS),
        ("MP104", "ar", "blocks", 3, "نائب الأمين العام الدائم", PDS),
    ]
    by_text = {(f.code, f.block, at(article, f)): f for f in findings}
    assert "use 'نقطة الاتصال'" in by_text["MP103", 2, "جسر"].message
    assert "use 'لجنة التنظيم المركزية'" in by_text["MP103", 0, "اللجنة المنظمة المركزية"].message
    assert "who is male; use 'ترأس'" in by_text["MP204", 1, "ترأست"].message
    assert "who is male; use 'الرفيق'" in by_text["MP204", 1, "الرفيقة"].message
    assert (
        "who is male; use 'نائب الرئيس الدائم'"
        in by_text["MP204", 1, "نائبة الرئيس الدائم"].message
    )
    mp104 = by_text["MP104", 3, "نائب الأمين العام الدائم"]
    assert [(r.field, r.block) for r in mp104.related] == [("blocks", 2)]
    assert "'نائب الأمين الدائم للجنة الحزب الإقليمية' in block 2" in mp104.message


def test_seed_like_correct_translation_is_clean() -> None:
    article = make_article({"vi": SEED_VI, "ar": SEED_AR_FIXED})
    assert run(article, "MP1", "MP2") == []


def test_seed_like_without_source_still_reports_the_arabic_defects() -> None:
    article = make_article({"ar": SEED_AR_MACHINE}, source_lang="vi")
    codes = sorted({f.code for f in run(article, "MP1", "MP2")})
    assert codes == ["MP103", "MP104", "MP204"]


def test_no_glossary_no_glossary_findings() -> None:
    article = make_article({"vi": SEED_VI, "ar": SEED_AR_MACHINE})
    assert check(article, config=Config(select=("MP1", "MP2"))) == []


@pytest.mark.parametrize(
    ("lang", "text", "seen"),
    [
        # a forbidden form is one in the plural too, whichever word takes it
        ("en", "All boats must carry journey monitoring devices.", ["journey monitoring devices"]),
        ("en", "All boats must carry a journey monitoring device.", ["journey monitoring device"]),
        (
            "fr",
            "Les bateaux doivent porter des dispositifs de surveillance de voyage.",
            ["dispositifs de surveillance de voyage"],
        ),
        ("en", "All boats must carry vessel monitoring devices.", []),
    ],
)
def test_mp103_a_forbidden_form_in_the_plural(lang: str, text: str, seen: list[str]) -> None:
    glossary = glossary_from_data(
        {
            "name": "desk",
            "source_lang": "vi",
            "entries": [
                {
                    "id": "term/vessel-monitoring-device",
                    "kind": "term",
                    "terms": {
                        "vi": "thiết bị giám sát hành trình",
                        "en": {
                            "preferred": "vessel monitoring device",
                            "forbidden": ["journey monitoring device"],
                        },
                        "fr": {
                            "preferred": "dispositif de surveillance des navires",
                            "forbidden": ["dispositif de surveillance de voyage"],
                        },
                    },
                }
            ],
        },
        "desk.yaml",
    )
    article = make_article({"vi": ["Tàu phải lắp thiết bị giám sát hành trình."], lang: [text]})
    found = check(article, config=Config(select=("MP103",)), glossary=glossary)
    assert [f.excerpt for f in found] == seen


@pytest.mark.parametrize(
    ("second", "reported"),
    [
        # the article on a word is the sentence's grammar, not another rendering
        ("انخفض سعر سبائك ذهب SJC.", False),
        ("انخفض سعر السبائك الذهبية.", True),
    ],
)
def test_mp104_arabic_forms_that_differ_by_an_article(second: str, reported: bool) -> None:
    glossary = glossary_from_data(
        {
            "name": "desk",
            "source_lang": "vi",
            "entries": [
                {
                    "id": "term/gold-bar",
                    "kind": "term",
                    "terms": {
                        "vi": "vàng miếng",
                        "ar": {
                            "preferred": "سبيكة ذهبية",
                            "accepted": ["سبائك الذهب", "سبائك ذهب", "السبائك الذهبية"],
                        },
                    },
                }
            ],
        },
        "desk.yaml",
    )
    article = make_article(
        {
            "vi": ["Giá vàng miếng giảm.", "Giá vàng miếng SJC giảm."],
            "ar": ["انخفض سعر سبائك الذهب.", second],
        }
    )
    found = check(article, config=Config(select=("MP104",)), glossary=glossary)
    assert len(found) == (1 if reported else 0)


_HOSPITAL_DESK = """name: desk
source_lang: vi
entries:
  - id: org/hospital-108
    kind: organization
    terms:
      vi: {preferred: Bệnh viện Trung ương Quân đội 108, accepted: [Bệnh viện 108]}
      en: {preferred: 108 Military Central Hospital, accepted: [Hospital 108]}
      ar: {preferred: المستشفى العسكري المركزي 108, accepted: [مستشفى 108]}
"""


@pytest.mark.parametrize(
    ("lang", "title", "blocks"),
    [
        # a short name keeping the full one's number, the words in another order
        (
            "en",
            "Transplant success",
            ["The 108 Military Central Hospital operated.", "Photo: Hospital 108"],
        ),
        # a headline's short name without the article the body's form writes on
        ("ar", "زرع في مستشفى 108", ["أجرى المستشفى العسكري المركزي 108 عملية الزرع."]),
    ],
)
def test_mp104_short_names_of_a_numbered_body(
    tmp_path: Path, lang: str, title: str, blocks: list[str]
) -> None:
    (tmp_path / "desk.yaml").write_text(_HOSPITAL_DESK, encoding="utf-8")
    glossary = load_glossary(tmp_path / "desk.yaml")
    data = article_data({lang: blocks}, source_lang=lang)
    data["variants"][lang]["title"] = title
    article = Article.model_validate(data)
    assert check(article, glossary=glossary, config=Config(select=("MP104",))) == []


def test_mp104_another_party_s_central_committee_in_chinese() -> None:
    """ "老挝人民革命党中央" is the Lao party's central committee: no "党中央" of Vietnam's
    party beside "越共中央"."""
    glossary = load_glossary(Path(__file__).resolve().parents[2] / "glossaries")
    article = make_article(
        {
            "vi": [
                "Ủy viên Trung ương Đảng Mạc Thị Phương tiếp đoàn Ban Đối ngoại Trung ương "
                "Đảng Nhân dân Cách mạng Lào."
            ],
            "zh-Hans": ["越共中央委员莫氏芳会见老挝人民革命党中央对外部代表团。"],
        }
    )
    found = check(article, glossary=glossary, config=Config(select=("MP102", "MP104")))
    assert [(f.code, f.excerpt) for f in found] == []
    # ... the party's own, alone, still is
    alone = make_article({"vi": ["Trung ương Đảng họp."], "zh-Hans": ["党中央开会。"]})
    found = check(alone, glossary=glossary, config=Config(select=("MP102",)))
    assert [f.excerpt for f in found] == ["党中央"]

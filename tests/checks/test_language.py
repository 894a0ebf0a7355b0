"""MP303 (language form), MP401 wrong-language, MP402 foreign-fragment."""

from __future__ import annotations

import pytest

from multipub import Config, check
from multipub.checks.language import foreign_fragments
from tests.conftest import make_article

VI = [
    "Sáng 20/5, Ban Thường vụ Tỉnh ủy Hòa Giang họp để cho ý kiến về kế hoạch phát triển kinh tế năm 2025.",
    "Các đại biểu thống nhất ưu tiên nguồn vốn cho hạ tầng giao thông và y tế cơ sở trong năm tới.",
]
TRANSLATED = {
    "ar": [
        "صباح 20 مايو، عقدت اللجنة الدائمة للجنة الحزب في مقاطعة هوا جيانغ اجتماعا لمناقشة خطة التنمية لعام 2025.",
        "واتفق المندوبون على إعطاء الأولوية في التمويل للبنية التحتية للنقل والرعاية الصحية في العام المقبل.",
    ],
    "ru": [
        "Утром 20 мая постоянный комитет парткома провинции Хоазянг обсудил план экономического развития на 2025 год.",
        "Участники договорились в следующем году направить средства в первую очередь на дороги и сельскую медицину.",
    ],
    "en": [
        "On the morning of May 20, the Standing Board of the Hoa Giang provincial Party Committee discussed the 2025 plan.",
        "Delegates agreed to give priority funding next year to transport infrastructure and local clinics.",
    ],
    "fr": [
        "Le 20 mai au matin, le comité permanent du Parti de la province de Hoa Giang a examiné le plan de 2025.",
        "Les délégués sont convenus de donner la priorité aux routes et aux dispensaires l'an prochain.",
    ],
    "zh-Hans": [
        "5月20日上午，和江省委常委会召开会议，讨论2025年经济发展计划。",
        "与会代表一致同意明年优先将资金用于交通基础设施和基层医疗。",
    ],
}
CONFIG = Config(select=("MP303", "MP401", "MP402"))


def _codes(article_variants: dict[str, list[str]]) -> list[tuple[str, str, int | None]]:
    article = make_article(article_variants)
    return [(f.code, f.lang or "", f.block) for f in check(article, config=CONFIG)]


@pytest.mark.parametrize("lang", sorted(TRANSLATED))
def test_clean_translations(lang: str) -> None:
    assert _codes({"vi": VI, lang: TRANSLATED[lang]}) == []


@pytest.mark.parametrize("lang", ["ar", "ru", "en", "zh-Hans"])
def test_a_reworded_vietnamese_block_is_untranslated(lang: str) -> None:
    reworded = (
        "Các đại biểu đều nhất trí dành nguồn vốn ưu tiên cho giao thông và y tế cơ sở năm tới."
    )
    assert _codes({"vi": VI, lang: [TRANSLATED[lang][0], reworded]}) == [("MP303", lang, 1)]


@pytest.mark.parametrize(
    ("lang", "intruder"),
    [("ar", "en"), ("fr", "en"), ("ru", "fr"), ("zh-Hans", "ru"), ("en", "ar")],
)
def test_a_block_in_a_third_language(lang: str, intruder: str) -> None:
    assert _codes({"vi": VI, lang: [TRANSLATED[lang][0], TRANSLATED[intruder][1]]}) == [
        ("MP401", lang, 1)
    ]


def test_short_blocks_and_bylines_are_never_judged() -> None:
    variants = {
        "vi": {"byline": "Xuân Mai", "blocks": [*VI, "Ảnh: Xuân Mai"]},
        "ar": {"byline": "شوان ماي", "blocks": [*TRANSLATED["ar"], "93 مشاهدة"]},
        "en": {"byline": "Xuan Mai", "blocks": [*TRANSLATED["en"], "Photo: VNA"]},
    }
    assert _codes(variants) == []  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("lang", "text", "fragment"),
    [
        (
            "en",
            "After the meeting, Phó Bí thư Thường trực Tỉnh ủy Tran Quoc Hung spoke.",
            "Phó Bí thư Thường trực Tỉnh ủy",
        ),
        (
            "ar",
            "وقال المسؤول إن ban tổ chức tỉnh ủy سيراجع القائمة.",
            "tổ chức tỉnh ủy",
        ),  # marked words only
        (
            "ru",
            "Он сказал, что the provincial committee will review the list до конца года.",
            "the provincial committee will review the list",
        ),
        (
            "zh-Hans",
            "他表示，the committee will decide soon，并将公布结果。",
            "the committee will decide soon",
        ),
        (  # a company's name and "&" do not cut a Vietnamese run in two
            "en",
            "The firm plans to hợp tác với Procter & Gamble và phát triển thị trường next year.",
            "hợp tác với Procter & Gamble và phát triển thị trường",
        ),
        (  # nor does a foreign place name
            "es",
            "El terremoto ocurrió ở phía bắc Sumatra, hòn đảo lớn nhất, según el informe.",
            "ở phía bắc Sumatra, hòn đảo lớn nhất",
        ),
        (  # Latin words are Latin with their accents too
            "ru",
            "Он процитировал: été très réussi pour la région, добавив цифры.",
            "été très réussi pour la région",
        ),
    ],
)
def test_fragments(lang: str, text: str, fragment: str) -> None:
    [(start, end, _)] = list(foreign_fragments(text, lang))
    assert text[start:end] == fragment


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Nguyễn Văn An met Trần Thị Mai in Hà Nội."),  # names: MP205's matter
        ("ru", "Делегация посетила завод Samsung Electronics и компанию Viettel."),  # names, brands
        ("ar", "وفقا لخطة 45/KH-UBND و COVID-19 وشبكة 5G."),  # codes, acronyms
        ("zh-Hans", "研究人员James et al.发表了论文。"),
        ("fr", "Le café phở est populaire à Hanoï."),  # one word
        # addresses: with a scheme or without, e-mail
        ("ru", "Предупреждения публикуются на сайте canhbao.ndc.gov.vn ежедневно."),
        ("ar", "تنشر التحذيرات على الموقع https://canhbao.ndc.gov.vn يوميا."),
        ("zh-Hans", "预警信息发布在https://canhbao.ndc.gov.vn网站上。"),
        ("ru", "Вопросы можно направлять на адрес hotro@ndc.gov.vn круглосуточно."),
    ],
)
def test_no_fragment(lang: str, text: str) -> None:
    assert list(foreign_fragments(text, lang)) == []


@pytest.mark.parametrize(
    "text",
    [
        # English in quotes, a Spanish sentence around it (the model alone says English
        # with confidence 0.91 and 0.92).
        'Presentó "How to Build Strong Teams in the Modern Workplace and Win the Future", '
        "su nuevo libro.",
        "Presentó «How to Build Strong Teams in the Modern Workplace and Win the Future», "
        "su nuevo libro.",
        'Dijo que "the provincial government will support every investor from the start" en '
        "la reunión.",
        # Team names are runs of capitalized words.
        "Los Golden State Warriors y Los Angeles Lakers jugaron en Manila.",
    ],
)
def test_quotes_and_names_do_not_make_a_block_english(text: str) -> None:
    assert _codes({"vi": VI[:1], "es": [text]}) == []


def test_a_block_in_english_with_a_quote_is_still_english() -> None:
    text = (
        'The delegation visited the provincial museum, which the guide called "a gem", and '
        "then met local business leaders to discuss investment in clean energy."
    )
    assert ("MP401", "es", 0) in _codes({"vi": VI[:1], "es": [text]})


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "The storm formed in the Atlantic Ocean today. (theo kế hoạch đã được phê duyệt)",
        ),
        (
            "fr",
            "Le rapport a été publié lundi, a déclaré M. Hu. (theo kế hoạch đã được phê duyệt)",
        ),
    ],
)
def test_a_vietnamese_phrase_does_not_make_a_short_block_vietnamese(lang: str, text: str) -> None:
    # The phrase is MP402's finding; the block is not in Vietnamese (MP303) nor French.
    assert _codes({"vi": VI[:1], lang: [text]}) == [("MP402", lang, 0)]


def test_an_untranslated_block_is_one_finding_however_long() -> None:
    # The place's name stands past where the finding's excerpt is cut: the block left in
    # Vietnamese is MP303's, and MP101 does not say it again for the name in it.
    from pathlib import Path

    from multipub.glossary import load_glossary

    glossary = load_glossary(Path(__file__).resolve().parents[2] / "glossaries")
    vietnamese = (
        "Trong buổi gặp mặt ấm cúng, bà con kiều bào chia sẻ nhiều câu chuyện về cuộc sống, "
        "công việc và mong muốn được đóng góp nhiều hơn cho quê hương, đặc biệt là cho "
        "các dự án giáo dục ở Hà Nội."
    )
    article = make_article(
        {
            "vi": ["Hội nghị khai mạc sáng nay.", vietnamese],
            "ru": ["Совещание открылось сегодня утром.", vietnamese],
        }
    )
    found = check(article, config=Config(select=("MP101", "MP303")), glossary=glossary)
    assert [(f.code, f.block) for f in found] == [("MP303", 1)]

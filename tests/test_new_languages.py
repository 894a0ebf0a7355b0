"""German, Japanese, Korean and Thai, each added as one profile file (multipub/lang/data):
clean text stays silent; furniture, a changed number, untranslated Vietnamese, a repeated
paragraph and a missing glossary term are found, in each language's own text."""

from __future__ import annotations

from typing import Any

import pytest

import multipub
from multipub.glossary import Glossary, glossary_from_data
from multipub.lang import profile
from multipub.matcher import Matcher

SOURCE = {
    "title": "Thái Bình thu hút 3,5 tỷ USD vốn đầu tư",
    "blocks": [
        "Ngày 12/3, Ủy ban nhân dân tỉnh Thái Bình tổ chức hội nghị xúc tiến đầu tư với "
        "1.250 doanh nghiệp tham dự.",
        "Tổng vốn đăng ký đạt 3,5 tỷ USD, tăng 12% so với năm trước.",
        "Lãnh đạo tỉnh cam kết hỗ trợ các nhà đầu tư trong suốt quá trình triển khai dự án.",
    ],
}

# Each translation: a title, the three blocks, the People's Committee as the glossary
# writes it, a view counter as the language's sites print it, and block 0 with 1,250
# changed to 1,520.
TRANSLATIONS: dict[str, dict[str, Any]] = {
    "de": {
        "title": "Thai Binh zieht 3,5 Milliarden US-Dollar an Investitionen an",
        "blocks": [
            "Am 12. März veranstaltete das Volkskomitee der Provinz Thai Binh eine "
            "Investitionskonferenz mit 1.250 teilnehmenden Unternehmen.",
            "Das registrierte Kapital erreichte 3,5 Milliarden US-Dollar, ein Plus von 12 % "
            "gegenüber dem Vorjahr.",
            "Die Provinzführung sicherte den Investoren während der gesamten Umsetzung der "
            "Projekte ihre Unterstützung zu.",
        ],
        "term": "Volkskomitee",
        "counter": "1.234 Aufrufe",
        "changed": "Am 12. März veranstaltete das Volkskomitee der Provinz Thai Binh eine "
        "Investitionskonferenz mit 1.520 teilnehmenden Unternehmen.",
    },
    "ja": {
        "title": "タイビン省、35億ドルの投資を誘致",
        "blocks": [
            "3月12日、タイビン省人民委員会は投資促進会議を開催し、1,250社が参加した。",
            "登録資本は35億ドルに達し、前年比12%増加した。",
            "省指導部は、プロジェクトの実施期間を通じて投資家を支援することを約束した。",
        ],
        "term": "人民委員会",
        "counter": "閲覧数 1,234",
        "changed": "3月12日、タイビン省人民委員会は投資促進会議を開催し、1,520社が参加した。",
    },
    "ko": {
        "title": "타이빈성, 35억 달러 투자 유치",
        "blocks": [
            "3월 12일 타이빈성 인민위원회는 투자 촉진 회의를 열었으며 1,250개 기업이 참가했다.",
            "등록 자본금은 35억 달러로 전년 대비 12% 증가했다.",
            "성 지도부는 사업 추진 기간 내내 투자자들을 지원하겠다고 약속했다.",
        ],
        "term": "인민위원회",
        "counter": "조회수 1,234",
        "changed": "3월 12일 타이빈성 인민위원회는 투자 촉진 회의를 열었으며 1,520개 기업이 "
        "참가했다.",
    },
    "th": {
        "title": "ไทบิ่ญดึงดูดเงินลงทุน 3,500 ล้านดอลลาร์สหรัฐ",
        "blocks": [
            "เมื่อวันที่ 12 มีนาคม คณะกรรมการประชาชนจังหวัดไทบิ่ญจัดการประชุมส่งเสริมการลงทุน "
            "โดยมีบริษัทเข้าร่วม 1,250 แห่ง",
            "ทุนจดทะเบียนรวม 3,500 ล้านดอลลาร์สหรัฐ เพิ่มขึ้นร้อยละ 12 จากปีก่อน",
            "ผู้นำจังหวัดให้คำมั่นว่าจะสนับสนุนนักลงทุนตลอดการดำเนินโครงการ",
        ],
        "term": "คณะกรรมการประชาชน",
        "counter": "ผู้เข้าชม 1,234",
        "changed": "เมื่อวันที่ 12 มีนาคม คณะกรรมการประชาชนจังหวัดไทบิ่ญจัดการประชุมส่งเสริมการลงทุน "
        "โดยมีบริษัทเข้าร่วม 1,520 แห่ง",
    },
}
LANGS = sorted(TRANSLATIONS)


@pytest.fixture(scope="module")
def glossary() -> Glossary:
    terms: dict[str, Any] = {"vi": "Ủy ban nhân dân"}
    terms.update({lang: t["term"] for lang, t in TRANSLATIONS.items()})
    place = {"vi": "Thái Bình", "de": "Thai Binh", "ja": "タイビン", "ko": "타이빈", "th": "ไทบิ่ญ"}
    data = {
        "name": "new-languages",
        "entries": [
            {"id": "org/peoples-committee", "kind": "organization", "terms": terms},
            {"id": "place/thai-binh", "kind": "place", "terms": place},
        ],
    }
    return glossary_from_data(data, "tests/new-languages.yaml")


def _article(lang: str, blocks: list[str] | None = None) -> multipub.Article:
    translation = TRANSLATIONS[lang]
    return multipub.Article.model_validate(
        {
            "id": f"thai-binh-investment-{lang}",
            "source_lang": "vi",
            "variants": {
                "vi": {"origin": "original", **SOURCE},
                lang: {
                    "origin": "machine",
                    "title": translation["title"],
                    "blocks": blocks if blocks is not None else translation["blocks"],
                },
            },
        }
    )


def _codes(article: multipub.Article, glossary: Glossary) -> list[tuple[str, str, int | None]]:
    return [(f.code, f.lang, f.block) for f in multipub.check(article, glossary=glossary)]


@pytest.mark.parametrize("lang", LANGS)
def test_each_language_is_one_profile(lang: str) -> None:
    found = profile(lang)
    assert found is not None and found.tag == lang
    assert found.furniture.views and found.numbers.scales


@pytest.mark.parametrize("lang", LANGS)
def test_clean_translation_is_silent(lang: str, glossary: Glossary) -> None:
    assert _codes(_article(lang), glossary) == []


@pytest.mark.parametrize("lang", LANGS)
def test_glossary_term_is_found(lang: str, glossary: Glossary) -> None:
    text = TRANSLATIONS[lang]["blocks"][0]
    mentions = Matcher(glossary, lang).find(text)
    found = {(m.entry, m.text) for m in mentions}
    assert ("org/peoples-committee", TRANSLATIONS[lang]["term"]) in found
    assert "place/thai-binh" in {entry for entry, _ in found}


@pytest.mark.parametrize("lang", LANGS)
def test_missing_term_is_reported(lang: str, glossary: Glossary) -> None:
    blocks = list(TRANSLATIONS[lang]["blocks"])
    blocks[0] = blocks[0].replace(TRANSLATIONS[lang]["term"], "X")
    assert ("MP101", lang, 0) in _codes(_article(lang, blocks), glossary)


@pytest.mark.parametrize("lang", LANGS)
def test_view_counter_is_furniture(lang: str, glossary: Glossary) -> None:
    blocks = [*TRANSLATIONS[lang]["blocks"], TRANSLATIONS[lang]["counter"]]
    assert ("MP403", lang, 3) in _codes(_article(lang, blocks), glossary)


@pytest.mark.parametrize("lang", LANGS)
def test_changed_number_is_reported(lang: str, glossary: Glossary) -> None:
    blocks = list(TRANSLATIONS[lang]["blocks"])
    blocks[0] = TRANSLATIONS[lang]["changed"]
    findings = multipub.check(_article(lang, blocks), glossary=glossary)
    assert [(f.code, f.block) for f in findings] == [("MP501", 0)]
    assert "1250" in findings[0].message or "1.250" in findings[0].message


@pytest.mark.parametrize("lang", LANGS)
def test_untranslated_vietnamese_is_reported(lang: str, glossary: Glossary) -> None:
    blocks = list(TRANSLATIONS[lang]["blocks"])
    blocks[2] = SOURCE["blocks"][2]
    assert ("MP303", lang, 2) in _codes(_article(lang, blocks), glossary)


@pytest.mark.parametrize("lang", LANGS)
def test_repeated_paragraph_is_reported(lang: str, glossary: Glossary) -> None:
    blocks = [*TRANSLATIONS[lang]["blocks"], TRANSLATIONS[lang]["blocks"][1]]
    assert ("MP301", lang, 3) in _codes(_article(lang, blocks), glossary)


@pytest.mark.parametrize(
    ("lang", "text", "value"),
    [
        ("de", "Die Bank meldet 2 Billionen Euro.", "2000000000000"),  # German: 10^12
        ("en", "The bank reports 2 billion euros.", "2000000000"),
        ("ja", "予算は3兆円。", "3000000000000"),
        ("ko", "예산은 2조 원이다.", "2000000000000"),
        ("th", "งบประมาณ 5 แสนบาท", "500000"),
    ],
)
def test_scale_words_read_in_the_text_language(lang: str, text: str, value: str) -> None:
    from multipub.numbers import number_tokens

    assert [t.key for t in number_tokens(text, lang)] == [value]

"""What four hunts in news genres (sports, health, transport, environment) found: false
alarms on faithful translations and defects missed. Each case here is a minimal text of
the kind the hunt met, written for the test; the faithful text must stay clean and the
defective one must be reported."""

from __future__ import annotations

from pathlib import Path

import pytest

from multipub import Config, check
from multipub.glossary import load_glossary
from multipub.numbers import number_tokens
from tests.checks.test_people import SHIPPED
from tests.checks.test_terms import pair, run
from tests.conftest import make_article


def codes(article_findings: list[object]) -> list[str]:
    """Return the codes of findings."""
    return [f.code for f in article_findings]  # type: ignore[attr-defined]


# --- MP501: sports ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # the added time's minute: "90+3" is the 93rd minute
        ("en", "In the 93rd minute, the visiting goalkeeper saved a penalty.", []),
        ("en", "In the 90+3rd minute, the visiting goalkeeper saved a penalty.", []),
        ("en", "In the 94th minute, the visiting goalkeeper saved a penalty.", ["MP501"]),
    ],
)
def test_added_time_minute(lang: str, text: str, expected: list[str]) -> None:
    article = pair("Ở phút 90+3, thủ môn đội khách cản phá quả phạt đền.", lang, text)
    assert codes(check(article, config=Config(select=["MP501"]))) == expected


@pytest.mark.parametrize(
    ("text", "keys"),
    [
        # seconds alone with their hundredths are the number of seconds
        ("她以11秒38的成绩夺冠。", ["11.38"]),
        ("Elle a couru en 11 s 38.", ["11.38"]),
        ("Cô về đích sau 11,38 giây.", ["11.38"]),
        # minutes, seconds and hundredths in Vietnamese words
        ("Kỷ lục mới là 15 phút 12 giây 37.", ["time:912.37"]),
        ("The new record is 15:12.37.", ["time:912.37"]),
        # a number before 秒 and after it, apart, is no race time
        ("等待了30秒。", ["30"]),
    ],
)
def test_race_times_of_seconds_and_words(text: str, keys: list[str]) -> None:
    assert [t.key for t in number_tokens(text)] == keys


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("zh-Hans", "她以11秒38的成绩打破纪录。", []),
        ("zh-Hans", "她以12秒38的成绩打破纪录。", ["MP501"]),
        ("fr", "Elle bat le record en 11 s 38.", []),
        ("fr", "Elle bat le record en 11 s 83.", ["MP501"]),
    ],
)
def test_sprint_time_changed(lang: str, text: str, expected: list[str]) -> None:
    article = pair("Cô phá kỷ lục với thành tích 11,38 giây.", lang, text)
    assert codes(check(article, config=Config(select=["MP501"]))) == expected


# --- MP501: health, environment, transport -----------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "The PM2.5 reading reached 98 µg/m³ at noon.", []),
        ("en", "The PM2.5 reading reached 98 mg/m³ at noon.", ["MP501"]),
        ("ru", "В полдень показатель PM2,5 достиг 98 мкг/м³.", []),
        ("ru", "В полдень показатель PM2,5 достиг 98 мг/м³.", ["MP501"]),
    ],
)
def test_micrograms_against_milligrams(lang: str, text: str, expected: list[str]) -> None:
    article = pair("Chỉ số PM2,5 lúc trưa lên tới 98 µg/m³.", lang, text)
    assert codes(check(article, config=Config(select=["MP501"]))) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an Arabic dual is two of what it names: "ساعتين", two hours
        ("تقلص زمن الرحلة إلى نحو ساعتين بدلا من 3 ساعات و30 دقيقة.", []),
        ("تقلص زمن الرحلة إلى نحو 4 ساعات بدلا من 3 ساعات و30 دقيقة.", ["MP501"]),
    ],
)
def test_arabic_dual_is_two(text: str, expected: list[str]) -> None:
    article = pair("Thời gian di chuyển giảm còn khoảng 2 giờ, thay vì 3 giờ 30 phút.", "ar", text)
    assert codes(check(article, config=Config(select=["MP501"]))) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Las fuerzas fueron movilizadas a las 16:30 y 22:30.", []),
        ("Las fuerzas fueron movilizadas a las 4:30 p. m. y 10:30 p. m.", []),
        # the time written alike is set aside first: 22:30 is the one changed, not 16:30
        ("Las fuerzas fueron movilizadas a las 16:30 y 20:30.", [("22 giờ 30", "20:30")]),
    ],
)
def test_clock_times_in_a_list(text: str, expected: list[tuple[str, str]]) -> None:
    article = pair("Lực lượng được huy động lúc 16 giờ 30 và 22 giờ 30.", "es", text)
    found = check(article, config=Config(select=["MP501"]))
    pairs = []
    for finding in found:
        assert finding.span is not None
        source = finding.message.removeprefix("clock time ").split(" of ")[0]
        pairs.append((source, text[finding.span[0] : finding.span[1]]))
    assert pairs == expected


# --- MP204 ---------------------------------------------------------------------------------

AR_PDS = "نائب الأمين الدائم للجنة الحزب الإقليمية"
AR_PDS_F = "نائبة الأمين الدائم للجنة الحزب الإقليمية"
VI_VAN = "Phó Bí thư Thường trực Tỉnh ủy Lê Thị Hồng Vân yêu cầu các huyện báo cáo trước tuần sau."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the verb right before her title: Arabic puts it before the whole subject
        (f"وطلبت {AR_PDS_F} لي ثي هونغ فان من المديريات تقديم تقاريرها.", []),
        (f"وطلب {AR_PDS_F} لي ثي هونغ فان من المديريات تقديم تقاريرها.", ["MP204"]),
        # a verb the list gained: "أعطى/أعطت"
        (f"وأعطت {AR_PDS_F} لي ثي هونغ فان إشارة البدء.", []),
        (f"وأعطى {AR_PDS_F} لي ثي هونغ فان إشارة البدء.", ["MP204"]),
    ],
)
def test_arabic_verb_before_a_title_and_the_name(text: str, expected: list[str]) -> None:
    assert codes(run(pair(VI_VAN, "ar", text), "MP204")) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ле Тхи Хонг Ван провела совещание. Она распорядилась усилить проверки.", []),
        ("Ле Тхи Хонг Ван провела совещание. Он распорядился усилить проверки.", ["MP204"]),
    ],
)
def test_russian_verb_of_ordering(text: str, expected: list[str]) -> None:
    vi = "Bà Lê Thị Hồng Vân chủ trì cuộc họp. Bà yêu cầu tăng cường kiểm tra."
    assert codes(run(pair(vi, "ru", text), "MP204")) == expected


def test_chinese_pronoun_after_a_child_is_the_childs() -> None:
    # 他 is the boy just named, not the woman who visited him
    vi = "Bà Lê Thị Hồng Vân đến thăm một bé trai 6 tuổi. Bé đã qua cơn nguy kịch."
    zh = "黎氏红云看望了一名6岁男童。他已脱离危险。"
    assert run(pair(vi, "zh-Hans", zh), "MP204") == []


# --- MP101: places -------------------------------------------------------------------------

VI_DISTRICTS = {
    "lead": "Tỉnh Quảng Bình sơ tán 1.200 hộ dân trước bão.",
    "blocks": [
        "Lực lượng cứu hộ tỉnh Quảng Bình đã đến các xã của huyện Quảng Ninh và huyện Lệ Thủy."
    ],
}


@pytest.mark.parametrize(
    ("lang", "lead", "block"),
    [
        # the lead names the province; the block, in short, its districts
        (
            "en",
            "Quang Binh province evacuated 1,200 households before the storm.",
            "The province's rescuers reached communes of Quang Ninh and Le Thuy districts.",
        ),
        (
            "fr",
            "La province de Quang Binh a évacué 1 200 foyers avant la tempête.",
            "Les secours de la province ont atteint des communes des districts de Quang Ninh "
            "et de Lê Thuy.",
        ),
        (
            "es",
            "La provincia de Quang Binh evacuó a 1.200 hogares antes de la tormenta.",
            "Los rescatistas de la provincia llegaron a comunas de los distritos de Quang "
            "Ninh y Le Thuy.",
        ),
        (
            "ru",
            "Провинция Куангбинь эвакуировала 1200 семей перед штормом.",
            "Спасатели провинции прибыли в общины уездов Куангнинь и Летхюи.",
        ),
    ],
)
def test_a_district_named_like_a_province_is_no_province(lang: str, lead: str, block: str) -> None:
    article = make_article({"vi": VI_DISTRICTS, lang: {"lead": lead, "blocks": [block]}})
    glossary = load_glossary(SHIPPED)
    assert check(article, config=Config(select=["MP101"]), glossary=glossary) == []


def test_a_province_before_district_words_in_a_sentence_of_its_own_is_still_read() -> None:
    # "Quang Ninh" the province, missing where the source names it: still reported
    article = make_article(
        {
            "vi": ["Đoàn công tác đã làm việc tại tỉnh Quảng Ninh."],
            "en": ["The delegation worked in the province."],
        }
    )
    glossary = load_glossary(SHIPPED)
    found = check(article, config=Config(select=["MP101"]), glossary=glossary)
    assert [(f.code, f.entry) for f in found] == [("MP101", "place/quang-ninh")]


@pytest.mark.parametrize(
    "zh",
    [
        "清化俱乐部主场看台将关闭两场比赛。",  # the club named after its province
        "清化市一所小学发生食物中毒事件。",  # the province's capital city
    ],
)
def test_chinese_province_name_before_a_club_or_city(zh: str) -> None:
    vi = "Tỉnh Thanh Hóa: sự việc xảy ra ở Thanh Hóa."
    article = make_article({"vi": [vi], "zh-Hans": [zh]})
    glossary = load_glossary(SHIPPED)
    assert check(article, config=Config(select=["MP101"]), glossary=glossary) == []


# --- MP303 ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # drug names and strengths are the same in both languages
        ("Atorvastatin 20 mg, rosuvastatin 10 mg, insulin glargine 100 IU/ml", []),
        # a Vietnamese list left as it is, still reported
        ("Thuốc hạ mỡ máu, thuốc hạ đường huyết và vắc xin cúm mùa cho người lớn", ["MP303"]),
    ],
)
def test_identical_text_without_vietnamese_letters(text: str, expected: list[str]) -> None:
    article = pair(text, "en", text)
    assert codes(check(article, config=Config(select=["MP303"]))) == expected


# --- Chinese: a province's 省 written once for it and the title after it -----------------

_DESK = """name: desk
source_lang: vi
entries:
  - id: person/luong-van-quy
    kind: person
    gender: male
    terms: {vi: Lương Văn Quý, zh: 梁文贵}
    roles:
      - {title: title/chairman-of-provincial-peoples-committee, from: 2021-01-01}
"""


@pytest.mark.parametrize(
    ("zh", "expected"),
    [
        ("安沛省人民委员会主席梁文贵赶赴现场。他要求全力搜救。", []),
        ("安沛省人民委员会主席梁文贵赶赴现场。她要求全力搜救。", ["MP204"]),
        # the title read after the province's 省 is compared with his roles too
        ("安沛省人民委员会副主席梁文贵赶赴现场。他要求全力搜救。", ["MP203"]),
    ],
)
def test_chinese_title_after_its_province(tmp_path: Path, zh: str, expected: list[str]) -> None:
    (tmp_path / "desk.yaml").write_text(_DESK, encoding="utf-8")
    glossary = load_glossary([SHIPPED, tmp_path / "desk.yaml"])
    vi = "Chủ tịch UBND tỉnh Yên Bái Lương Văn Quý có mặt tại hiện trường. Ông yêu cầu tìm kiếm."
    article = make_article({"vi": [vi], "zh-Hans": [zh]})
    found = check(article, config=Config(select=["MP203", "MP204"]), glossary=glossary)
    assert codes(found) == expected


# --- Russian: ranks between the verb and the name, and "По словам" before a rank ------------

_RANKS = """name: desk
source_lang: vi
entries:
  - id: title/lieutenant-colonel
    kind: title
    terms: {vi: Trung tá, ru: подполковник}
  - id: title/colonel
    kind: title
    terms: {vi: Đại tá, ru: полковник}
  - id: person/le-thi-thu-hang
    kind: person
    gender: female
    terms: {vi: Lê Thị Thu Hằng, ru: Ле Тхи Тху Ханг}
  - id: person/vo-minh-khoa
    kind: person
    gender: male
    terms: {vi: Võ Minh Khoa, ru: Во Минь Кхоа}
"""


@pytest.mark.parametrize(
    ("ru", "expected"),
    [
        ("«Сеть раскрыта», — сказала подполковник Ле Тхи Тху Ханг.", []),
        ("«Сеть раскрыта», — сказал подполковник Ле Тхи Тху Ханг.", ["MP204"]),
        # the verb after "По словам X" is its own subject's: the group's
        ("По словам полковника Во Минь Кхоа, ночью оперативная группа заметила грузовик.", []),
        (
            "По словам заместителя начальника полиции провинции Лангшон полковника Во Минь "
            "Кхоа, ночью оперативная группа заметила грузовик.",
            [],
        ),
        # ... and a long word in the genitive alone is no such title: X is the subject
        ("Полковник Во Минь Кхоа заметила грузовик.", ["MP204"]),
    ],
)
def test_russian_ranks_around_the_name(tmp_path: Path, ru: str, expected: list[str]) -> None:
    (tmp_path / "desk.yaml").write_text(_RANKS, encoding="utf-8")
    glossary = load_glossary(tmp_path / "desk.yaml")
    article = make_article({"ru": [ru]}, source_lang="ru")
    found = check(article, config=Config(select=["MP204"]), glossary=glossary)
    assert codes(found) == expected


@pytest.mark.parametrize(
    ("lang", "text", "keys"),
    [
        # where decimals take a comma, an hour, a dot and two digits is a clock time
        ("es", "Atenderá de 7.30 a 11.30 el 31 de enero.", ["date:31-1"]),
        ("ru", "Приём с 7.30 до 11.30.", []),
        # ... not a share, nor in a language whose decimals take the dot
        ("es", "La tasa fue del 7.30 %.", ["7.3"]),
        ("en", "The rate was 7.30 points.", ["7.3"]),
    ],
)
def test_dotted_clock_times(lang: str, text: str, keys: list[str]) -> None:
    assert [t.key for t in number_tokens(text, lang)] == keys


# --- tourism ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("zh", "expected"),
    [
        # "增长1.3倍" is rose by 130%: 2.3 times the earlier figure
        ("其中印度游客同比增长1.3倍。", []),
        ("其中印度游客同比增长1.5倍。", ["MP501"]),
        ("其中印度游客同比增至2.3倍。", []),
    ],
)
def test_chinese_rise_by_times(zh: str, expected: list[str]) -> None:
    article = pair("Riêng khách Ấn Độ tăng gấp 2,3 lần so với cùng kỳ.", "zh-Hans", zh)
    assert codes(check(article, config=Config(select=["MP501"]))) == expected


def test_a_timetable_row_is_no_repeat_of_its_paragraph() -> None:
    vi = [
        "Chuyến bay SM8802 khởi hành từ Sydney lúc 13:15 và hạ cánh tại Đà Nẵng lúc 20:05 "
        "vào các ngày thứ Hai, thứ Tư và thứ Sáu hằng tuần.",
        {
            "kind": "list_item",
            "text": "SM8802: Sydney 13:15 – Đà Nẵng 20:05, thứ Hai, thứ Tư, thứ Sáu",
        },
    ]
    article = make_article({"vi": vi}, source_lang="vi")
    assert check(article, config=Config(select=["MP302"])) == []


@pytest.mark.parametrize(
    ("en", "expected"),
    [
        ("The flight leaves at 11:45 p.m. on Mondays.", []),
        ("The flight leaves at 10:45 p.m. on Mondays.", ["MP501"]),
    ],
)
def test_a_clock_time_after_lúc_with_its_minutes(en: str, expected: list[str]) -> None:
    article = pair("Chuyến bay cất cánh lúc 23 giờ 45 các ngày thứ Hai.", "en", en)
    assert codes(check(article, config=Config(select=["MP501"]))) == expected


@pytest.mark.parametrize(
    ("en", "expected"),
    [
        # the verb's object is no person: the pronoun is still the subject's
        (
            "Le Thi Hong Van asked the staff to keep the trains on time. He also wanted more.",
            ["MP204"],
        ),
        (
            "Le Thi Hong Van welcomed 1.9 million visitors last year. He said more will come.",
            ["MP204"],
        ),
        ("Le Thi Hong Van asked the staff to keep the trains on time. She also wanted more.", []),
        # ... a person after the verb may be whom the pronoun is about
        ("Le Thi Hong Van thanked the nurses on duty. He was the first to arrive.", []),
        ("Le Thi Hong Van told him to wait. He left at noon.", []),
        ("Le Thi Hong Van met Minister Tran Van Binh. He praised the plan.", []),
    ],
)
def test_english_object_verbs(en: str, expected: list[str]) -> None:
    vi = "Bà Lê Thị Hồng Vân đề nghị nhân viên bảo đảm giờ tàu. Bà cũng muốn thêm người."
    assert codes(run(pair(vi, "en", en), "MP204")) == expected


@pytest.mark.parametrize(
    ("es", "expected"),
    [
        # "del" is one linking word: the title is hers, of a body the glossary knows
        ("Le Thi Hong Van, directora del Departamento de Turismo, informó del plan.", []),
        ("Le Thi Hong Van, director del Departamento de Turismo, informó del plan.", ["MP204"]),
    ],
)
def test_spanish_title_before_del(tmp_path: Path, es: str, expected: list[str]) -> None:
    (tmp_path / "desk.yaml").write_text(_DIRECTOR, encoding="utf-8")
    glossary = load_glossary(tmp_path / "desk.yaml")
    article = make_article({"es": [es]}, source_lang="es")
    found = check(article, config=Config(select=["MP204"]), glossary=glossary)
    assert codes(found) == expected


_DIRECTOR = """name: desk
source_lang: vi
entries:
  - id: title/director
    kind: title
    terms: {vi: Giám đốc, es: {preferred: director, feminine: directora}}
  - id: org/department-of-tourism
    kind: organization
    terms: {vi: Sở Du lịch, es: Departamento de Turismo}
  - id: person/le-thi-hong-van
    kind: person
    gender: female
    terms: {vi: Lê Thị Hồng Vân, es: Le Thi Hong Van}
"""

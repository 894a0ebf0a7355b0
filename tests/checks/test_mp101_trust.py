"""MP101 on real-world text: common words that share a glossary name's letters, longer
names that contain one, and other countries' institutions are not missing terms, while
the house's own institutions still are. Uses the shipped glossary."""

from __future__ import annotations

from pathlib import Path

import pytest

from multipub import Config, check
from multipub.glossary import glossary_from_data, load_glossary
from multipub.matcher import GlossaryIndex
from tests.conftest import make_article

GLOSSARY = GlossaryIndex(load_glossary(Path(__file__).resolve().parents[2] / "glossaries"))
ONLY = Config(select=("MP101",))


def _missing(vi: str, target_lang: str, target: str) -> list[str]:
    article = make_article({"vi": [vi], target_lang: [target]})
    return [f.entry or "" for f in check(article, config=ONLY, glossary=GLOSSARY)]


@pytest.mark.parametrize(
    ("vi", "lang", "target"),
    [
        # "hòa bình" is peace, "Hòa Bình" the province; "chính phủ" any government.
        (
            "Hai nước cam kết giữ gìn hòa bình và ổn định trong khu vực.",
            "en",
            "The two countries pledged to keep peace and stability in the region.",
        ),
        (
            "Hòa bình là mong muốn của nhân dân hai nước.",
            "ar",
            "السلام هو رغبة شعبي البلدين.",
        ),
        (
            "Nhiều chính phủ đã tăng ngân sách cho giáo dục.",
            "ru",
            "Многие правительства увеличили бюджет на образование.",
        ),
        # "Thái Bình Dương" (the Pacific) holds no "Thái Bình" (the province).
        (
            "Cơn bão hình thành trên Thái Bình Dương vào cuối tuần.",
            "zh-Hans",
            "台风于周末在太平洋上形成。",
        ),
        # Another country's parliament, government or prime minister.
        ("Quốc hội Mỹ đã thông qua dự luật.", "en", "The US Congress passed the bill."),
        (
            "Chính phủ Pháp công bố kế hoạch mới.",
            "fr",
            "Le gouvernement français a publié un plan.",
        ),
        (
            "Thủ tướng Stephen Harper phát biểu tại Ottawa.",
            "ru",
            "Премьер Стивен Харпер выступил в Оттаве.",
        ),
        (
            "Ông gặp Thủ tướng Singapore tại hội nghị.",
            "ar",
            "التقى برئيس وزراء سنغافورة في المؤتمر.",
        ),
        # the chairman "of the People's Committee of Quang Ninh province", in Arabic
        (
            "Chủ tịch UBND tỉnh Quảng Ninh phát biểu tại hội nghị.",
            "ar",
            "وتحدث رئيس اللجنة الشعبية لمقاطعة كوانغ نينه في المؤتمر.",
        ),
        # the typographic apostrophe of French and English typesetting
        (
            "Bộ Giáo dục và Đào tạo công bố kết quả thi.",
            "fr",
            "Le ministère de l’Éducation et de la Formation a publié les résultats.",
        ),
        # a Russian place's adjective, and a plural ending of an adjective
        (
            "Sáng 6/5, bệnh viện ở Hà Nội khai trương trung tâm đột quỵ.",
            "ru",
            "Утром 6 мая в ханойской больнице открылся инсультный центр.",
        ),
        (
            "Vệ tinh được phóng lúc 6 giờ sáng theo giờ Hà Nội.",
            "ru",
            "Спутник запущен в 6 часов утра по ханойскому времени.",
        ),
        # a Chinese province without 省 before an area word ("广平至广治一带")
        (
            "Bão dự kiến đổ bộ vào khu vực từ Quảng Bình đến Quảng Trị.",
            "zh-Hans",
            "台风预计在广平至广治一带登陆。",
        ),
        # a body whose name here holds another body's ("Ban Bí thư Trung ương Đảng")
        (
            "Ban Bí thư Trung ương Đảng ban hành Nghị quyết số 100-NQ/TW.",
            "en",
            "The Secretariat of the Party Central Committee issued Resolution No. 100-NQ/TW.",
        ),
        # a ministry's short name in Russian
        (
            "Bộ Y tế ban hành quy định mới về kháng sinh.",
            "ru",
            "Минздрав Вьетнама ввёл новые правила назначения антибиотиков.",
        ),
    ],
)
def test_no_missing_term(vi: str, lang: str, target: str) -> None:
    assert _missing(vi, lang, target) == []


@pytest.mark.parametrize(
    ("vi", "lang", "target", "entry"),
    [
        # The house's own institutions are still required.
        (
            "Quốc hội thông qua Luật Đất đai sửa đổi.",
            "en",
            "Congress passed the amended Land Law.",
            "org/national-assembly",
        ),
        (
            "Thủ tướng Phạm Minh Chính chủ trì cuộc họp.",
            "ru",
            "Глава Фам Минь Тинь провёл заседание.",
            "title/prime-minister",
        ),
        (
            "Đoàn công tác làm việc tại tỉnh Hòa Bình.",
            "ar",
            "عمل الوفد في المقاطعة.",
            "place/hoa-binh",
        ),
        # an adjective of another place is no rendering of this one
        (
            "Bệnh viện ở Hà Nội khai trương trung tâm đột quỵ.",
            "ru",
            "В хайфонской больнице открылся инсультный центр.",
            "place/ha-noi",
        ),
    ],
)
def test_missing_term_still_found(vi: str, lang: str, target: str, entry: str) -> None:
    assert entry in _missing(vi, lang, target)


def _missing_in(vi: dict[str, object], lang: str, target: dict[str, object]) -> list[str]:
    article = make_article({"vi": vi, lang: target})
    return [f.entry or "" for f in check(article, config=ONLY, glossary=GLOSSARY)]


@pytest.mark.parametrize(
    ("body", "missing"),
    [
        # a headline writes the province without 省 where the body has it in full
        ("北宁省将建设一座人工智能数据中心。", []),
        # ... but where the body never names it in full, the headline's is missing too
        (
            "该省将建设一座人工智能数据中心。",
            [("title", "place/bac-ninh"), ("blocks", "place/bac-ninh")],
        ),
    ],
)
def test_a_chinese_headline_without_the_province_suffix(
    body: str, missing: list[tuple[str, str]]
) -> None:
    article = make_article(
        {
            "vi": {
                "title": "Xây trung tâm dữ liệu AI tại Bắc Ninh",
                "blocks": ["Tỉnh Bắc Ninh sẽ xây một trung tâm dữ liệu AI."],
            },
            "zh-Hans": {"title": "北宁建设人工智能数据中心", "blocks": [body]},
        }
    )
    found = check(article, config=ONLY, glossary=GLOSSARY)
    assert [(f.field, f.entry) for f in found] == missing


VI_CHAIRMAN = {
    "title": "Chủ tịch UBND tỉnh Quảng Ninh kiểm tra công trình đê biển",
    "blocks": [
        "Sáng 5/10, Chủ tịch UBND tỉnh Quảng Ninh Cao Tường Huy kiểm tra công trình đê biển.",
        "Chủ tịch UBND tỉnh Cao Tường Huy yêu cầu hoàn thành công trình trước mùa mưa bão.",
    ],
}


@pytest.mark.parametrize(
    ("title", "block_1", "missing"),
    [
        # the title shortened to its head word after the full one, and in the headline
        (
            "Quang Ninh chairman inspects sea dyke",
            "Chairman Cao Tuong Huy asked for the work to be finished before the storm season.",
            [],
        ),
        # another title in its place is no shortening
        (
            "Quang Ninh chairman inspects sea dyke",
            "Governor Cao Tuong Huy asked for the work to be finished before the storm season.",
            ["title/chairman-of-provincial-peoples-committee"],
        ),
        # ... or as a common noun: "the new chairman"
        (
            "Quang Ninh chairman inspects sea dyke",
            "The new chairman asked for the work to be finished before the storm season.",
            [],
        ),
        # a headline without the head word
        (
            "Quang Ninh inspects sea dyke",
            "Chairman Cao Tuong Huy asked for the work to be finished before the storm season.",
            ["title/chairman-of-provincial-peoples-committee"],
        ),
    ],
)
def test_a_title_shortened_to_its_head_word(title: str, block_1: str, missing: list[str]) -> None:
    target = {
        "title": title,
        "blocks": [
            "On October 5, Chairman of the Quang Ninh Provincial People's Committee Cao Tuong "
            "Huy inspected the sea dyke.",
            block_1,
        ],
    }
    assert _missing_in(VI_CHAIRMAN, "en", target) == missing


@pytest.mark.parametrize(
    ("block_1", "missing"),
    [
        # a first word that heads many titles ("رئيس": chairman, president, head) counts
        # at a name; a second reference without the title is news style
        ("وطلب الرئيس كاو تونغ هوي إنجاز العمل قبل موسم العواصف.", []),
        ("وطلب كاو تونغ هوي إنجاز العمل قبل موسم العواصف.", []),
    ],
)
def test_an_arabic_title_shortened_at_a_name(block_1: str, missing: list[str]) -> None:
    target = {
        "title": "رئيس اللجنة الشعبية لمقاطعة كوانغ نينه يتفقد السد البحري",
        "blocks": [
            "تفقد رئيس اللجنة الشعبية لمقاطعة كوانغ نينه كاو تونغ هوي السد البحري في 5 أكتوبر.",
            block_1,
        ],
    }
    assert _missing_in(VI_CHAIRMAN, "ar", target) == missing


@pytest.mark.parametrize(
    ("block_1", "missing"),
    [
        # wire style: after the title in full, the name alone or a pronoun
        ("Huy asked for the work to be finished before the storm season.", []),
        ("He asked for the work to be finished before the storm season.", []),
        # another title given to the man in its place is reported
        (
            "Governor Cao Tuong Huy asked for the work to be finished before the storm season.",
            ["title/chairman-of-provincial-peoples-committee"],
        ),
    ],
)
def test_a_title_after_it_was_written_in_full(block_1: str, missing: list[str]) -> None:
    target = {
        "title": "Quang Ninh inspects sea dyke",
        "blocks": [
            "On October 5, Chairman of the Quang Ninh Provincial People's Committee Cao Tuong "
            "Huy inspected the sea dyke.",
            block_1,
        ],
    }
    found = _missing_in(VI_CHAIRMAN, "en", target)
    # (the headline's missing title is reported on its own)
    assert found[1:] == missing


def test_one_holder_titled_twice_in_a_source_block_is_titled_once() -> None:
    vi = (
        "Tổng Bí thư Tô Lâm làm việc với tỉnh Quảng Ninh. Tổng Bí thư Tô Lâm nhấn mạnh yêu "
        "cầu phát triển bền vững."
    )
    en = "General Secretary To Lam worked with Quang Ninh province. To Lam stressed growth."
    assert _missing(vi, "en", en) == []
    # two people with one title each, one title written: one missing
    vi = "Phó Thủ tướng Trần Hồng Hà và Phó Thủ tướng Lê Thành Long dự họp."
    en = "Deputy Prime Minister Tran Hong Ha and Le Thanh Long attended."
    assert _missing(vi, "en", en) == ["title/deputy-prime-minister"]


_FUSED_DESK = {
    "name": "desk",
    "source_lang": "vi",
    "entries": [
        {
            "id": "org/cema",
            "kind": "organization",
            "terms": {
                "vi": "Ủy ban Dân tộc",
                "en": "Committee for Ethnic Minority Affairs",
                "zh": "民族委员会",
            },
        },
        {
            "id": "title/minister",
            "kind": "title",
            "terms": {"vi": "Bộ trưởng", "en": "Minister", "zh": "部长"},
        },
        {
            "id": "title/cema-minister-chairman",
            "kind": "title",
            "terms": {
                "vi": "Bộ trưởng, Chủ nhiệm Ủy ban Dân tộc",
                "en": "Minister-Chairman of the Committee for Ethnic Minority Affairs",
                "zh": "民族委员会部长、主任",
            },
        },
        {
            "id": "title/cema-chairman",
            "kind": "title",
            "terms": {
                "vi": "Chủ nhiệm Ủy ban Dân tộc",
                "en": "Chairman of the Committee for Ethnic Minority Affairs",
            },
        },
        {
            "id": "title/cema-vice-chairman",
            "kind": "title",
            "terms": {
                "vi": "Phó Chủ nhiệm Ủy ban Dân tộc",
                "en": "Vice Chairman of the Committee for Ethnic Minority Affairs",
            },
        },
    ],
}


@pytest.mark.parametrize(
    ("vi", "lang", "target", "missing"),
    [
        # the glossary's fused title for the source's body and title, written apart
        (
            "Đoàn công tác của Ủy ban Dân tộc do Bộ trưởng, Chủ nhiệm Giàng A Chu dẫn đầu.",
            "en",
            "The delegation was led by Minister-Chairman of the Committee for Ethnic Minority "
            "Affairs Giang A Chu.",
            [],
        ),
        (
            "Đoàn công tác của Ủy ban Dân tộc do Bộ trưởng, Chủ nhiệm Giàng A Chu dẫn đầu.",
            "zh-Hans",
            "民族委员会部长、主任江阿朱率工作代表团。",
            [],
        ),
        # a vice chairman is no chairman, though the one's name holds the other's
        (
            "Chủ nhiệm Ủy ban Dân tộc Giàng A Chu phát biểu.",
            "en",
            "Vice Chairman of the Committee for Ethnic Minority Affairs Giang A Chu spoke.",
            ["title/cema-chairman"],
        ),
    ],
)
def test_terms_named_inside_a_fused_title(
    vi: str, lang: str, target: str, missing: list[str]
) -> None:
    glossary = GlossaryIndex(glossary_from_data(_FUSED_DESK, "desk.yaml"))
    article = make_article({"vi": [vi], lang: [target]})
    assert [f.entry for f in check(article, config=ONLY, glossary=glossary)] == missing


@pytest.mark.parametrize(
    ("target", "missing"),
    [
        # Chinese lists provinces without 省 before 等地 ("and other places")
        ("其余447艘停泊在平定、岘港和庆和等地港口。", []),
        ("其余447艘停泊在平定省、岘港市和庆和省的港口。", []),
        # ... but a bare name with no cue is no province
        ("其余447艘停泊在平定、岘港和庆和的港口。", ["place/binh-dinh", "place/khanh-hoa"]),
    ],
)
def test_chinese_provinces_listed_without_their_suffix(target: str, missing: list[str]) -> None:
    vi = "447 tàu còn lại neo đậu tại các cảng của Bình Định, Đà Nẵng và Khánh Hòa."
    assert _missing(vi, "zh-Hans", target) == missing


@pytest.mark.parametrize(
    ("vi", "target", "missing"),
    [
        # "tàu khách", "hành khách": passengers, whose "khách quốc tế" is no term
        (
            "Cảng tàu khách quốc tế Tuần Châu đón chuyến tàu đầu tiên.",
            "Tuan Chau International Passenger Port welcomed its first ship.",
            [],
        ),
        (
            "Sân bay phục vụ 2 triệu hành khách quốc tế.",
            "The airport served 2 million international passengers.",
            [],
        ),
        (
            "Tỉnh đón 2 triệu khách quốc tế.",
            "The province welcomed 2 million tourists.",
            ["term/international-visitors"],
        ),
    ],
)
def test_vietnamese_compounds_hold_no_term(vi: str, target: str, missing: list[str]) -> None:
    glossary = GlossaryIndex(
        glossary_from_data(
            {
                "name": "desk",
                "source_lang": "vi",
                "entries": [
                    {
                        "id": "term/international-visitors",
                        "kind": "term",
                        "terms": {"vi": "khách quốc tế", "en": "international visitors"},
                    }
                ],
            },
            "desk.yaml",
        )
    )
    article = make_article({"vi": [vi], "en": [target]})
    assert [f.entry for f in check(article, config=ONLY, glossary=glossary)] == missing


@pytest.mark.parametrize(
    ("target", "missing"),
    [
        # the body's adjective names it: the government's resolution
        ("يسمح القرار الحكومي رقم 11/NQ-CP للسياح بالإقامة 45 يوما.", []),
        ("يسمح قرار الحكومة رقم 11/NQ-CP للسياح بالإقامة 45 يوما.", []),
        ("يسمح القرار رقم 11/NQ-CP للسياح بالإقامة 45 يوما.", ["org/government"]),
    ],
)
def test_an_arabic_body_named_by_its_adjective(target: str, missing: list[str]) -> None:
    vi = "Nghị quyết 11/NQ-CP của Chính phủ cho phép khách du lịch lưu trú 45 ngày."
    assert _missing(vi, "ar", target) == missing


@pytest.mark.parametrize(
    ("target", "missing"),
    [
        ("La résolution gouvernementale 11/NQ-CP autorise un séjour de 45 jours.", []),
        ("Le décret gouvernemental 11/NQ-CP autorise un séjour de 45 jours.", []),
        ("La résolution 11/NQ-CP autorise un séjour de 45 jours.", ["org/government"]),
    ],
)
def test_a_french_body_named_by_its_adjective(target: str, missing: list[str]) -> None:
    vi = "Nghị quyết 11/NQ-CP của Chính phủ cho phép khách du lịch lưu trú 45 ngày."
    assert _missing(vi, "fr", target) == missing


_POLICE_DESK = {
    "name": "desk",
    "source_lang": "vi",
    "entries": [
        {
            "id": "org/provincial-police",
            "kind": "organization",
            "terms": {
                "vi": "Công an tỉnh",
                "fr": "police provinciale",
                "ru": "управление полиции провинции",
                "es": "Policía provincial",
            },
        },
        {
            "id": "place/nghe-an",
            "kind": "place",
            "terms": {"vi": "Nghệ An", "fr": "Nghê An", "ru": "Нгеан", "es": "Nghe An"},
        },
    ],
}


@pytest.mark.parametrize(
    ("lang", "title", "body", "missing"),
    [
        # a headline names a body by its head where the body names it in full
        (
            "fr",
            "La police de Nghê An saisit 20 kg de drogue",
            "La police provinciale a saisi 20 kg.",
            [],
        ),
        (
            "ru",
            "Полиция Нгеана изъяла 20 кг наркотиков",
            "Управление полиции провинции изъяло 20 кг.",
            [],
        ),
        (
            "es",
            "La Policía de Nghe An incauta 20 kg de droga",
            "La Policía provincial incautó 20 kg.",
            [],
        ),
        # ... not where the body never names it
        (
            "fr",
            "La police de Nghê An saisit 20 kg de drogue",
            "Les enquêteurs ont saisi 20 kg.",
            [("title", "org/provincial-police"), ("blocks", "org/provincial-police")],
        ),
    ],
)
def test_a_headline_names_a_body_by_its_head(
    lang: str, title: str, body: str, missing: list[tuple[str, str]]
) -> None:
    glossary = GlossaryIndex(glossary_from_data(_POLICE_DESK, "desk.yaml"))
    article = make_article(
        {
            "vi": {
                "title": "Công an tỉnh Nghệ An thu giữ 20 kg ma túy",
                "blocks": ["Công an tỉnh đã thu giữ 20 kg ma túy."],
            },
            lang: {"title": title, "blocks": [body]},
        }
    )
    found = check(article, config=ONLY, glossary=glossary)
    assert [(f.field, f.entry) for f in found] == missing


@pytest.mark.parametrize(
    ("vi", "target"),
    [
        # 乂安 is Nghệ An too (乂, ngệ, the older character)
        ("Nắng nóng gay gắt tại Nghệ An.", "乂安省出现严重高温天气。"),
        # the ministry's usual Chinese name
        ("Bộ Tài nguyên và Môi trường công bố báo cáo.", "越南资源与环境部发布报告。"),
    ],
)
def test_chinese_forms_the_shipped_glossary_accepts(vi: str, target: str) -> None:
    assert _missing(vi, "zh-Hans", target) == []


@pytest.mark.parametrize(
    ("lang", "blocks"),
    [
        # a place's name inside a web address copied from the source
        (
            "fr",
            [
                "Hanoï ouvre un nouveau portail de services publics.",
                "Le portail est accessible sur dichvucong.hanoi.gov.vn.",
            ],
        ),
        # ... and a brand written with a capital inside a word
        (
            "en",
            [
                "Da Nang launches a bus app.",
                "The DaNang Bus app shows where each bus is.",
            ],
        ),
    ],
)
def test_addresses_and_brands_are_no_renderings(lang: str, blocks: list[str]) -> None:
    vi = {
        "fr": [
            "Hà Nội mở cổng dịch vụ công mới.",
            "Cổng có địa chỉ dichvucong.hanoi.gov.vn.",
        ],
        "en": [
            "Đà Nẵng ra mắt ứng dụng xe buýt.",
            "Ứng dụng DaNang Bus cho biết vị trí từng xe.",
        ],
    }[lang]
    article = make_article({"vi": vi, lang: blocks})
    config = Config(select=("MP101", "MP102", "MP104"))
    assert check(article, config=config, glossary=GLOSSARY) == []


def test_a_place_in_plain_words_beside_an_address_is_still_read() -> None:
    article = make_article(
        {
            "vi": ["Hà Nội mở cổng dịch vụ công mới tại dichvucong.hanoi.gov.vn."],
            "fr": ["La ville ouvre un nouveau portail sur dichvucong.hanoi.gov.vn."],
        }
    )
    found = check(article, config=ONLY, glossary=GLOSSARY)
    assert [f.entry for f in found] == ["place/ha-noi"]


@pytest.mark.parametrize(
    ("vi", "lang", "target", "missing"),
    [
        # "liên Chính phủ" is intergovernmental: no Government of its own to render
        (
            "Kỳ họp thứ 9 Ủy ban liên Chính phủ Việt Nam - Hungary khai mạc.",
            "en",
            "The 9th session of the Vietnam-Hungary Intergovernmental Committee opened.",
            [],
        ),
        (
            "Kỳ họp thứ 9 Ủy ban liên Chính phủ Việt Nam - Hungary khai mạc.",
            "ru",
            "Открылась 9-я сессия Вьетнамо-венгерского межправительственного комитета.",
            [],
        ),
        # ... where the Government itself is named, it is
        (
            "Chính phủ đã phê duyệt kế hoạch.",
            "en",
            "The cabinet approved the plan.",
            ["org/government"],
        ),
    ],
)
def test_an_intergovernmental_body_names_no_government(
    vi: str, lang: str, target: str, missing: list[str]
) -> None:
    assert _missing(vi, lang, target) == missing


_THANG = """
name: desk
source_lang: vi
entries:
  - id: person/ngo-duc-thang
    kind: person
    gender: male
    roles:
      - {title: title/vice-chairman-of-provincial-peoples-committee, from: 2021-01-01}
    terms: {vi: Ngô Đức Thắng, en: Ngo Duc Thang, fr: Ngo Duc Thang, es: Ngo Duc Thang}
"""


@pytest.mark.parametrize(
    ("lang", "first", "second"),
    [
        # The title's head at the name after the title in full: Spanish and French write
        # the head as the State's vice-president is written, and it is the head all the same.
        (
            "es",
            "El señor Ngo Duc Thang, vicepresidente del Comité Popular provincial, habló.",
            "«Seguiremos», afirmó el vicepresidente Ngo Duc Thang.",
        ),
        (
            "fr",
            "M. Ngo Duc Thang, vice-président du Comité populaire provincial, a parlé.",
            "« Nous continuerons », a affirmé le vice-président Ngo Duc Thang.",
        ),
    ],
)
def test_a_title_s_head_that_is_another_title_s_form(
    tmp_path: Path, lang: str, first: str, second: str
) -> None:
    # The desk knows the man and his post.
    (tmp_path / "desk.yaml").write_text(_THANG, encoding="utf-8")
    glossary = load_glossary(
        [Path(__file__).resolve().parents[2] / "glossaries", tmp_path / "desk.yaml"]
    )
    article = make_article(
        {
            "vi": [
                "Ông Ngô Đức Thắng, Phó Chủ tịch UBND tỉnh, phát biểu.",
                "“Chúng tôi sẽ tiếp tục”, Phó Chủ tịch UBND tỉnh Ngô Đức Thắng khẳng định.",
            ],
            lang: [first, second],
        }
    )
    assert [f.entry for f in check(article, config=ONLY, glossary=glossary)] == []


@pytest.mark.parametrize(
    ("vi", "target", "missing"),
    [
        # A district, a town named as a province is: that unit, not the province
        ("Mưa lớn tại huyện Quảng Ninh.", "广宁县降大雨。", []),
        (
            "Mưa lớn tại các huyện Lệ Thủy, Quảng Ninh và Bố Trạch.",
            "丽水、广宁和布泽三县降大雨。",
            [],
        ),
        ("Lũ về thị xã Quảng Trị trong đêm.", "洪水夜间涌入广治市社。", []),
        ("Huyện Quảng Ninh sơ tán 500 hộ.", "广宁县疏散500户。", []),
        # ... not after "xã hội" (society), nor after the province's own word
        ("Kinh tế - xã hội Quảng Ninh phát triển.", "广宁经济社会发展。", ["place/quang-ninh"]),
        ("Mưa lớn tại tỉnh Quảng Ninh.", "广宁降大雨。", ["place/quang-ninh"]),
    ],
)
def test_a_district_named_as_a_province_is_not_the_province(
    vi: str, target: str, missing: list[str]
) -> None:
    assert _missing(vi, "zh-Hans", target) == missing


def test_a_headline_s_head_with_former_written_against_it() -> None:
    """Spanish writes "exvicepresidente" as one word (the RAE's rule): the head of the
    committee's vice-president in a headline all the same."""
    vi = {
        "title": "Nguyên Phó Chủ tịch UBND tỉnh Nam Định lĩnh 11 năm tù",
        "blocks": [
            "Bị cáo Nguyễn Văn Thắng, nguyên Phó Chủ tịch UBND tỉnh Nam Định, bị tuyên phạt "
            "11 năm tù."
        ],
    }
    es = {
        "title": "Condenan a 11 años de cárcel a un exvicepresidente de Nam Dinh",
        "blocks": [
            "Nguyen Van Thang, exvicepresidente del Comité Popular de la provincia de Nam "
            "Dinh, fue condenado a 11 años de prisión."
        ],
    }
    assert _missing_in(vi, "es", es) == []


_HARVEST = """
name: desk
source_lang: vi
entries:
  - id: term/winter-spring-crop
    kind: term
    terms: {vi: vụ Đông Xuân, ru: зимне-весенний урожай}
  - id: org/fine-arts-museum
    kind: organization
    terms: {vi: Bảo tàng Mỹ thuật, ru: Музей изобразительных искусств}
"""


@pytest.mark.parametrize(
    ("vi", "ru"),
    [
        # nouns in -ай, -ей in the genitive: -ая, -ея, which the stemmer cuts otherwise
        (
            "Còn 12.500 ha lúa vụ Đông Xuân chưa thu hoạch.",
            "Не убрано 12 500 га риса зимне-весеннего урожая.",
        ),
        (
            "Khách tham quan Bảo tàng Mỹ thuật tăng mạnh.",
            "Число посетителей Музея изобразительных искусств выросло.",
        ),
    ],
)
def test_russian_nouns_in_ai_ei_in_the_genitive(tmp_path: Path, vi: str, ru: str) -> None:
    (tmp_path / "desk.yaml").write_text(_HARVEST, encoding="utf-8")
    glossary = load_glossary(tmp_path / "desk.yaml")
    article = make_article({"vi": [vi], "ru": [ru]})
    assert [f.entry for f in check(article, config=ONLY, glossary=glossary)] == []

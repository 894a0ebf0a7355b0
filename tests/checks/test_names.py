"""MP201 misspelled-name, MP202 unknown-name, MP205 latin-name-form."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from multipub import Config, check
from multipub.glossary import Glossary, glossary_from_data, load_glossary
from multipub.names import vietnamese_names
from tests.conftest import make_article

GLOSSARY = glossary_from_data(
    {
        "name": "names",
        "entries": [
            {
                "id": "person/tran-quoc-hung",
                "kind": "person",
                "gender": "male",
                "terms": {
                    "vi": "Trần Quốc Hưng",
                    "en": "Tran Quoc Hung",
                    "fr": "Tran Quoc Hung",
                    "ru": "Чан Куок Хынг",
                    "ar": {"preferred": "تران كوك هونغ", "accepted": ["تران كووك هونغ"]},
                },
            },
            {
                "id": "person/nguyen-thi-thanh",
                "kind": "person",
                "gender": "female",
                "terms": {
                    "vi": "Nguyễn Thị Thanh",
                    "en": "Nguyen Thi Thanh",
                    "ru": "Нгуен Тхи Тхань",
                    "ar": "نغوين ثي ثانه",
                },
            },
            {
                "id": "place/hoa-binh",
                "kind": "place",
                "terms": {"vi": "Hòa Bình", "en": "Hoa Binh", "fr": "Hoa Binh", "ru": "Хоабинь"},
            },
        ],
    },
    "names.yaml",
)


def _run(code: str, variants: dict[str, list[str]]) -> list[tuple[str, str, str]]:
    article = make_article(variants)
    found = []
    for f in check(article, config=Config(select=(code,)), glossary=GLOSSARY):
        variant = article.variants[f.lang or ""]
        text = variant.text_of(f.field or "title", f.block)
        assert f.span is not None
        found.append((f.lang or "", text[f.span[0] : f.span[1]], f.message))
    return found


@pytest.mark.parametrize(
    ("lang", "text", "seen", "entry"),
    [
        # the same skeleton: Arabic ng written نج, Russian ть for т
        (
            "ar",
            "ترأس الاجتماع الرفيق نجوين ثي ثانه أمس.",
            "نجوين ثي ثانه",
            "person/nguyen-thi-thanh",
        ),
        (
            "ru",
            "Заседание провела Нгуен Тхи Тьхань.",
            "Нгуен Тхи Тьхань",
            "person/nguyen-thi-thanh",
        ),
        # one letter off in a Latin-script variant
        (
            "en",
            "The meeting was chaired by Tran Quoc Hnug.",
            "Tran Quoc Hnug",
            "person/tran-quoc-hung",
        ),
        (
            "fr",
            "La réunion était présidée par Tran Quok Hung.",
            "Tran Quok Hung",
            "person/tran-quoc-hung",
        ),
        # one letter off in Arabic: a look-alike (ع for غ) or a sound-alike (ق for ك)
        ("ar", "ترأس الاجتماع الرفيق تران كوك هونع أمس.", "تران كوك هونع", "person/tran-quoc-hung"),
        ("ar", "ترأس الاجتماع الرفيق تران قوك هونغ أمس.", "تران قوك هونغ", "person/tran-quoc-hung"),
        # and in Russian: a vowel added or dropped
        ("ru", "Заседание провёл Чан Куок Хыынг.", "Чан Куок Хыынг", "person/tran-quoc-hung"),
        ("ru", "Заседание провёл Чан Куок Хнг.", "Чан Куок Хнг", "person/tran-quoc-hung"),
        # a slip in the first word (the family name) of a Cyrillic name
        ("ru", "Заседание провёл Чаан Куок Хынг.", "Чаан Куок Хынг", "person/tran-quoc-hung"),
    ],
)
def test_mp201_misspelled_names(lang: str, text: str, seen: str, entry: str) -> None:
    source = {
        "person/tran-quoc-hung": "Trần Quốc Hưng.",
        "person/nguyen-thi-thanh": "Nguyễn Thị Thanh.",
    }
    [(found_lang, span_text, message)] = _run("MP201", {"vi": [source[entry]], lang: [text]})
    assert (found_lang, span_text) == (lang, seen)
    assert entry in message and "the glossary spells it" in message


@pytest.mark.parametrize(
    ("vi", "reported"),
    [
        ("Ông Trần Quốc Hưng khai trương cửa hàng trên phố Hàng Bạc.", True),
        # a street named after someone else, one letter from the glossary's person
        ("Một cửa hàng mới khai trương trên phố Trần Quốc Hùng.", False),
    ],
)
def test_mp201_only_names_the_source_names(vi: str, reported: bool) -> None:
    ru = "Новый магазин открылся на улице Чан Куок Хунг."
    found = _run("MP201", {"vi": [vi], "ru": [ru]})
    assert [text for _, text, _ in found] == (["Чан Куок Хунг"] if reported else [])


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "ar",
            "ترأس الاجتماع الرفيق تران كوك هونغ ثم الرفيق تران كووك هونغ.",
        ),  # preferred, accepted
        ("ru", "Заседание провёл Чан Куок Хынг, выступила Нгуен Тхи Тхань."),
        (
            "en",
            "Tran Quoc Hung met Tran Van Long and Nguyen Thi Thanh in Hoa Binh.",
        ),  # a different person
        ("zh-Hans", "陈国兴主持会议。"),  # no forms in the language
        ("ar", "ترأس الاجتماع الرفيق تران فان لونغ أمس."),  # another person
        ("ru", "Заседание провёл Чан Ван Лонг."),  # another person
    ],
)
def test_mp201_clean(lang: str, text: str) -> None:
    assert _run("MP201", {"vi": ["Trần Quốc Hưng."], lang: [text]}) == []


def test_mp202_unknown_vietnamese_names_with_suggestions() -> None:
    found = _run(
        "MP202",
        {
            "vi": [
                "Ông Đinh Công Sáu và bà Nguyễn Thị Thanh dự họp tại Hòa Bình.",
                "Ông Đinh Công Sáu phát biểu; đại diện Thái Lan cũng có mặt.",
            ],
            "en": ["x"],
            "ru": ["x"],
        },
    )
    assert [(lang, text) for lang, text, _ in found] == [("vi", "Đinh Công Sáu")]
    message = found[0][2]
    assert "'Đinh Công Sáu' is not in the glossary" in message
    assert "en 'Dinh Cong Sau'" in message and "ru 'Динь Конг Шау'" in message


def test_mp202_a_known_person_named_again_by_the_given_name() -> None:
    glossary = glossary_from_data(
        {
            "name": "desk",
            "entries": [
                {
                    "id": "person/vu-thi-mai-anh",
                    "kind": "person",
                    "gender": "female",
                    "terms": {"vi": "Vũ Thị Mai Anh", "en": "Vu Thi Mai Anh"},
                }
            ],
        },
        "desk.yaml",
    )
    article = make_article(
        {
            "vi": [
                "Bà Vũ Thị Mai Anh giới thiệu vệ tinh mới.",
                # "Mai" is a family name too: "Mai Anh" is her, "Mai Văn Tú" someone new
                "Theo bà Mai Anh, vệ tinh nặng 120 kg; kỹ sư Mai Văn Tú cho biết thêm.",
            ],
            "en": ["x", "y"],
        }
    )
    found = check(article, config=Config(select=("MP202",)), glossary=glossary)
    assert [f.message.split("'")[1] for f in found] == ["Mai Văn Tú"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "Phó Chủ tịch Lê Văn Hùng và bà Trần Thị Mỹ Linh đến Hà Nội.",
            ["Lê Văn Hùng", "Trần Thị Mỹ Linh"],
        ),
        ("Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 12.", []),
        ("Đoàn công tác của tỉnh đến Thái Lan và Hà Lan.", []),
        ("Nguyễn Văn An, Chủ tịch UBND tỉnh.", ["Nguyễn Văn An"]),
        ("Bà Lã Thị Hoa và ông Nịnh Văn Sáng bị bắt.", ["Lã Thị Hoa", "Nịnh Văn Sáng"]),
        ("Smith Johnson", []),
    ],
)
def test_vietnamese_name_detection(text: str, names: list[str]) -> None:
    assert [text[a:b] for a, b in vietnamese_names(text)] == names


@pytest.mark.parametrize(
    ("lang", "text", "seen", "expected"),
    [
        (
            "en",
            "Trần Quốc Hưng chaired the meeting.",
            "Trần Quốc Hưng",
            "written with diacritics; the house form in en is 'Tran Quoc Hung'",
        ),
        (
            "fr",
            "M. Trần Quốc Hưng a présidé la réunion à Hòa Bình.",
            "Trần Quốc Hưng",
            "house form in fr is 'Tran Quoc Hung'",
        ),
        (
            "vi",
            "Ông Tran Quoc Hung chủ trì hội nghị.",
            "Tran Quoc Hung",
            "written without diacritics; the house form in vi is 'Trần Quốc Hưng'",
        ),
    ],
)
def test_mp205_house_form(lang: str, text: str, seen: str, expected: str) -> None:
    variants = {"vi": ["Trần Quốc Hưng chủ trì hội nghị."], lang: [text]}
    found = [f for f in _run("MP205", variants) if f[0] == lang]
    assert found[0][1] == seen
    assert expected in found[0][2]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Tran Quoc Hung chaired the meeting in Hoa Binh."),
        ("vi", "Ông Trần Quốc Hưng chủ trì hội nghị tại Hòa Bình."),
        ("ru", "Чан Куок Хынг провёл заседание."),  # not a Latin-script variant
    ],
)
def test_mp205_clean(lang: str, text: str) -> None:
    assert _run("MP205", {"vi": ["Trần Quốc Hưng."], lang: [text]}) == []


def test_mp201_in_a_latin_language_the_glossary_has_no_form_for() -> None:
    from pathlib import Path

    from multipub.glossary import load_glossary

    glossary = load_glossary(Path(__file__).resolve().parents[2] / "glossaries")
    article = make_article(
        {
            "vi": ["Ông Phạm Minh Chính phát biểu tại buổi lễ."],
            "es": ["Pham Minh Chin habló en la ceremonia."],
            "it": ["Pham Minh Chinh ha parlato alla cerimonia."],
        }
    )
    found = [
        (f.lang, f.entry)
        for f in check(article, glossary=glossary, config=Config(select=("MP201",)))
    ]
    assert found == [("es", "person/pham-minh-chinh")]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # After a place word, a name-shaped run is a place.
        ("Quận Hà Đông và quận Hoàng Mai ngập sâu sau mưa lớn.", []),
        ("Nước sông Hà Thanh dâng cao, ông Trần Văn An cho biết.", ["Trần Văn An"]),
        ("Tàu cá bị xua đuổi gần quần đảo Hoàng Sa.", []),
        ("Cửa hàng ở đường Nguyễn Huệ mở cửa muộn.", []),
        ("Nước lên sát mặt đê Nguyễn Khoái từ chiều qua.", []),
        ("Du khách tắm biển ở bãi biển Trần Phú.", []),
        ("Nhiệt độ cao nhất đo được tại Hà Đông là 40,2 độ C.", []),
        # palaces, pagodas and temples
        ("Lễ khai mạc diễn ra tại điện Thái Hòa, Đại Nội Huế.", []),
        ("Du khách xếp hàng trước chùa Một Cột và lăng Khải Định.", []),
        # ... unless the place word ends a body's name before its holder.
        ("Phó Chủ tịch UBND tỉnh Nguyễn Văn An dự lễ.", ["Nguyễn Văn An"]),
        ("Chủ tịch Ủy ban nhân dân huyện Trần Văn Bình phát biểu.", ["Trần Văn Bình"]),
        # The same syllables as a person's name.
        ("Ông Hà Đông phát biểu tại hội nghị.", ["Hà Đông"]),
        ("Ông Thái Hòa phát biểu tại hội nghị.", ["Thái Hòa"]),
        # Titles name their holder after tỉnh, huyện, xã; cầu ends "yêu cầu".
        ("Chủ tịch xã Trần Văn Bình tiếp dân.", ["Trần Văn Bình"]),
        ("Bí thư huyện Lê Văn Cường chủ trì.", ["Lê Văn Cường"]),
        ("Tòa yêu cầu Nguyễn Văn An bồi thường.", ["Nguyễn Văn An"]),
        # Any word before the place word is no body's name.
        ("Trong quận Hoàng Mai, nhiều tuyến phố ngập.", []),
        # schools and hospitals named after someone
        ("Đội tuyển của Trường THPT chuyên Hoàng Giang giành huy chương vàng.", []),
        ("Học sinh trường THCS Phan Bội Châu dự lễ khai giảng.", []),
        # a list of districts after one that opens with no family name; people stay people
        ("Dịch tập trung ở Đống Đa, Hoàng Mai và Thanh Xuân.", []),
        ("Ông Trần Văn An và Lê Thị Hoa dự họp.", ["Trần Văn An", "Lê Thị Hoa"]),
        ("Ông Lê Minh và bà Trần Hoa dự họp.", ["Lê Minh", "Trần Hoa"]),
        # no list: an opening phrase, and a body's name that ends with "trường"
        ("Tại Đà Nẵng, Lê Hùng cho biết giá tăng.", ["Lê Hùng"]),
        ("Giám đốc Sở Tài nguyên và Môi trường Lê Văn Hùng cho biết.", ["Lê Văn Hùng"]),
    ],
)
def test_places_after_a_place_word_are_not_names(text: str, names: list[str]) -> None:
    assert [text[a:b] for a, b in vietnamese_names(text)] == names


# --- MP201 on places (the shipped glossary) ---------------------------------------------


@cache
def _shipped() -> Glossary:
    return load_glossary(Path(__file__).resolve().parents[2] / "glossaries")


def _shipped_mp201(lang: str, text: str) -> list[tuple[str, str | None]]:
    article = make_article({lang: [text]}, source_lang=lang)
    found = check(article, config=Config(select=("MP201",)), glossary=_shipped())
    return [(f.excerpt, f.entry) for f in found]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # two neighbouring consonants swapped in a place's name: a typing slip
        ("en", "Tourists flocked to Quang Nihn last summer.", [("Quang Nihn", "place/quang-ninh")]),
        ("fr", "Les touristes affluent à Quang Nihn en été.", [("Quang Nihn", "place/quang-ninh")]),
        # the place as the glossary writes it
        ("en", "Tourists flocked to Quang Ninh last summer.", []),
        # one letter off is another place as often as not (Gia Lâm beside Gia Lai), and two
        # vowels swapped spell another syllable (Hòa Giang beside Hậu Giang)
        ("en", "The Gia Lam district opened a market.", []),
        ("ar", "وافتتحت مقاطعة هوا جيانغ سوقا جديدة.", []),
        # Arabic: a slip of Thanh Hóa's name, and Tân Hóa, another place that the
        # skeleton's foldings (ت/ث, a final ه) make look like it
        ("ar", "وزار الوفد تانه هوا أمس.", [("تانه هوا", "place/thanh-hoa")]),
        ("ar", "وزار الوفد جسر تان هوا أمس.", []),
    ],
)
def test_mp201_places(lang: str, text: str, expected: list[tuple[str, str]]) -> None:
    assert _shipped_mp201(lang, text) == expected


_CHINESE_DESK = glossary_from_data(
    {
        "name": "desk",
        "source_lang": "vi",
        "entries": [
            {
                "id": "person/dang-van-luc",
                "kind": "person",
                "gender": "male",
                "terms": {"vi": "Đặng Văn Lực", "zh": "邓文力"},
            },
            {
                "id": "person/phan-thi-dieu-linh",
                "kind": "person",
                "gender": "female",
                "terms": {"vi": "Phan Thị Diệu Linh", "zh": "潘氏妙灵"},
            },
        ],
    },
    "desk.yaml",
)


@pytest.mark.parametrize(
    ("vi", "zh", "seen"),
    [
        # one character changed, not the first
        ("Ông Đặng Văn Lực phát biểu.", "邓文历发表讲话。", ["邓文历"]),
        ("Bà Phan Thị Diệu Linh phát biểu.", "潘氏妙玲发表讲话。", ["潘氏妙玲"]),
        # as the glossary writes it
        ("Ông Đặng Văn Lực phát biểu.", "邓文力发表讲话。", []),
        # another person of the source, whose name reads so (Đặng Văn Lịch: 邓文历)
        ("Ông Đặng Văn Lực và ông Đặng Văn Lịch phát biểu.", "邓文力和邓文历发表讲话。", []),
        # a person the source does not name
        ("Ông Đặng Văn Bình phát biểu.", "邓文历发表讲话。", []),
        # inside a word that holds the family name's character (提高: to raise)
        ("Ông Đặng Văn Lực nói sẽ nâng cao lịch sử.", "邓文力说，将提高历史。", []),
    ],
)
def test_mp201_chinese_names_one_character_off(vi: str, zh: str, seen: list[str]) -> None:
    article = make_article({"vi": [vi], "zh-Hans": [zh]})
    found = check(article, config=Config(select=("MP201",)), glossary=_CHINESE_DESK)
    assert [f.excerpt for f in found] == seen


@pytest.mark.parametrize(
    ("lang", "tam", "lam", "reported"),
    [
        # A namesake one letter from the glossary's man: another person, in the source and
        # in each translation of the block that names him
        ("en", "Tran Quoc Hung opened the fair.", "Among them is Dr Tran Quoc Hang.", []),
        ("ru", "Чан Куок Хынг открыл ярмарку.", "Среди них доктор Чан Куок Ханг.", []),
        # ... a slip in the block that names the glossary's man is still one
        (
            "en",
            "Tran Quoc Hunq opened the fair.",
            "Among them is Dr Tran Quoc Hang.",
            ["Tran Quoc Hunq"],
        ),
    ],
)
def test_mp201_a_namesake_is_no_misspelling(
    lang: str, tam: str, lam: str, reported: list[str]
) -> None:
    found = _run(
        "MP201",
        {
            "vi": ["Ông Trần Quốc Hưng khai mạc hội chợ.", "Trong số này có TS Trần Quốc Hằng."],
            lang: [tam, lam],
        },
    )
    assert [text for _, text, _ in found] == reported

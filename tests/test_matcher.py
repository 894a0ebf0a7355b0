"""The glossary matcher: every form at once, language-aware, spans in the original text."""

from __future__ import annotations

import unicodedata

import pytest

from multipub.glossary import glossary_from_data
from multipub.matcher import BACKENDS, FormStatus, Matcher

GLOSSARY = glossary_from_data(
    {
        "name": "test",
        "entries": [
            {
                "id": "person/nguyen-tien-dung",
                "kind": "person",
                "gender": "male",
                "terms": {
                    "vi": "Nguyễn Tiến Dũng",
                    "en": "Nguyen Tien Dung",
                    "ru": "Нгуен Тиен Зунг",
                    "ar": {"preferred": "نغوين تيان دونغ", "accepted": ["نجوين تيان دونغ"]},
                    "zh": "阮进勇",
                },
            },
            {
                "id": "org/provincial-party-committee",
                "kind": "organization",
                "terms": {
                    "vi": "Tỉnh ủy",
                    "en": "Provincial Party Committee",
                    "ru": "провинциальный комитет партии",
                    "ar": "اللجنة الحزبية الإقليمية",
                    "zh": "省委",
                },
            },
            {
                "id": "title/permanent-deputy-secretary",
                "kind": "title",
                "terms": {
                    "vi": "Phó Bí thư Thường trực Tỉnh ủy",
                    "en": "Permanent Deputy Secretary of the Provincial Party Committee",
                    "ru": "постоянный заместитель секретаря провинциального комитета партии",
                    "zh": "省委常务副书记",
                    "ar": {
                        "preferred": "نائب الأمين الدائم للجنة الحزبية الإقليمية",
                        "feminine": "نائبة الأمين الدائم للجنة الحزبية الإقليمية",
                        "forbidden": ["نائب الأمين العام الدائم"],
                    },
                },
            },
            {
                "id": "org/central-committee",
                "kind": "organization",
                "terms": {"vi": "Ban Chấp hành Trung ương", "ru": "ЦК", "ar": "اللجنة المركزية"},
            },
            {
                "id": "term/video-conference-point",
                "kind": "term",
                "terms": {
                    "vi": "điểm cầu",
                    "ar": {"preferred": "نقطة الاتصال", "forbidden": ["جسر"]},
                    "ru": {"preferred": "пункт подключения", "forbidden": ["мост"]},
                    "zh": {"preferred": "分会场", "forbidden": ["桥"]},
                },
            },
            {
                "id": "place/hoa-binh",
                "kind": "place",
                "terms": {"vi": "Hòa Bình", "ru": "Хоабинь", "en": "Hoa Binh"},
            },
        ],
    },
    "test.yaml",
)


def _found(lang: str, text: str, backend: str = "pyahocorasick") -> list[tuple[str, str, str]]:
    mentions = Matcher(GLOSSARY, lang, backend=backend).find(text)
    for m in mentions:
        assert text[m.start : m.end] == m.text
    return [(m.entry, m.status.value, m.text) for m in mentions]


@pytest.mark.parametrize("backend", sorted(BACKENDS))
@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # leftmost-longest: the title wins over the organization inside it
        (
            "vi",
            "Đồng chí Nguyễn Tiến Dũng, Phó Bí thư Thường trực Tỉnh ủy, phát biểu.",
            [
                ("person/nguyen-tien-dung", "preferred", "Nguyễn Tiến Dũng"),
                ("title/permanent-deputy-secretary", "preferred", "Phó Bí thư Thường trực Tỉnh ủy"),
            ],
        ),
        (
            "vi",
            "Hội nghị Tỉnh ủy tại điểm cầu Hòa Bình.",
            [
                ("org/provincial-party-committee", "preferred", "Tỉnh ủy"),
                ("term/video-conference-point", "preferred", "điểm cầu"),
                ("place/hoa-binh", "preferred", "Hòa Bình"),
            ],
        ),
        # new-style tone placement and upper case
        ("vi", "TỈNH HOÀ BÌNH", [("place/hoa-binh", "preferred", "HOÀ BÌNH")]),
        # whole words only: "Hòa Bình" is not inside "Hòa Bìnhh", "ЦК" not inside "ЦКБ"
        ("vi", "xã Hòa Bìnhh", []),
        ("ru", "сотрудники ЦКБ", []),
        # Russian case endings on names, titles and organizations
        (
            "ru",
            "Выступление Нгуена Тиена Зунга, постоянного заместителя секретаря провинциального комитета партии.",
            [
                ("person/nguyen-tien-dung", "preferred", "Нгуена Тиена Зунга"),
                (
                    "title/permanent-deputy-secretary",
                    "preferred",
                    "постоянного заместителя секретаря провинциального комитета партии",
                ),
            ],
        ),
        (
            "ru",
            "на пункте подключения, не на мосту",
            [
                ("term/video-conference-point", "preferred", "пункте подключения"),
                ("term/video-conference-point", "forbidden", "мосту"),
            ],
        ),
        # Arabic clitics: و, ب, ل + ال, and the article absorbed after ل ("للجنة")
        (
            "ar",
            "وبحضور الرفيق نغوين تيان دونغ عضو اللجنة المركزية",
            [
                ("person/nguyen-tien-dung", "preferred", "نغوين تيان دونغ"),
                ("org/central-committee", "preferred", "اللجنة المركزية"),
            ],
        ),
        (
            "ar",
            "رئيس مجلس تنظيم للجنة الحزبية الإقليمية",
            [("org/provincial-party-committee", "preferred", "لجنة الحزبية الإقليمية")],
        ),
        (
            "ar",
            "ولنقطة الاتصال في جسر هوا بينه",
            [
                ("term/video-conference-point", "preferred", "نقطة الاتصال"),
                ("term/video-conference-point", "forbidden", "جسر"),
            ],
        ),
        # Arabic letter variants and tashkeel; an accepted spelling
        (
            "ar",
            "نُقْطَة الإتصال و نجوين تيان دونغ",
            [
                ("term/video-conference-point", "preferred", "نُقْطَة الإتصال"),
                ("person/nguyen-tien-dung", "accepted", "نجوين تيان دونغ"),
            ],
        ),
        # not a clitic: "سجسر" is no word with "جسر" in it
        ("ar", "سجسر", []),
        (
            "ar",
            "نائبة الأمين الدائم للجنة الحزبية الإقليمية",
            [
                (
                    "title/permanent-deputy-secretary",
                    "feminine",
                    "نائبة الأمين الدائم للجنة الحزبية الإقليمية",
                )
            ],
        ),
        # Chinese: no word boundaries
        (
            "zh-Hans",
            "阮进勇同志在省委常务副书记会上讲话，分会场设在桥边。",
            [
                ("person/nguyen-tien-dung", "preferred", "阮进勇"),
                ("title/permanent-deputy-secretary", "preferred", "省委常务副书记"),
                ("term/video-conference-point", "preferred", "分会场"),
                ("term/video-conference-point", "forbidden", "桥"),
            ],
        ),
        # Latin: diacritics are not required to find a name
        (
            "en",
            "Nguyễn Tiến Dũng visited Hoa Binh.",
            [
                ("person/nguyen-tien-dung", "preferred", "Nguyễn Tiến Dũng"),
                ("place/hoa-binh", "preferred", "Hoa Binh"),
            ],
        ),
    ],
)
def test_matches(backend: str, lang: str, text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _found(lang, text, backend) == expected


def test_diacritics_decide_after_matching() -> None:
    matcher = Matcher(GLOSSARY, "vi")
    # an ASCII rendering of a Vietnamese form is found, and flagged as not exact
    [m] = matcher.find("Tinh uy hop")
    assert (m.entry, m.exact) == ("org/provincial-party-committee", False)
    # two different Vietnamese words that only share letters do not match
    assert matcher.find("tình ủy") == []
    [m] = Matcher(GLOSSARY, "en").find("Nguyễn Tiến Dũng")
    assert not m.exact


def test_spans_point_into_decomposed_and_invisible_text() -> None:
    text = "Ông " + unicodedata.normalize("NFD", "Nguyễn Tiến Dũng") + "\u200b, Tỉnh\u00a0ủy"
    mentions = Matcher(GLOSSARY, "vi").find(text)
    assert [m.entry for m in mentions] == [
        "person/nguyen-tien-dung",
        "org/provincial-party-committee",
    ]
    assert unicodedata.normalize("NFC", mentions[0].text) == "Nguyễn Tiến Dũng"
    assert mentions[1].text == "Tỉnh\u00a0ủy"


def test_backends_agree_on_a_long_text() -> None:
    text = " ".join(
        ["Nguyễn Tiến Dũng, Phó Bí thư Thường trực Tỉnh ủy, dự hội nghị tại điểm cầu Hòa Bình."]
        * 50
    )
    results = {b: _found("vi", text, b) for b in BACKENDS}
    assert len(results["pyahocorasick"]) == 200
    assert results["pyahocorasick"] == results["ahocorasick-rs"]


def test_status_of_forbidden_and_feminine() -> None:
    [m] = Matcher(GLOSSARY, "ar").find("نائب الأمين العام الدائم")
    assert m.status is FormStatus.FORBIDDEN


# Texts for find_many: punctuation around names, names inside longer words, NUL, empty.
MANY = {
    "vi": [
        "(Nguyễn Tiến Dũng), Phó Bí thư Thường trực Tỉnh ủy, phát biểu.",
        "“Tỉnh ủy” họp; ông NGUYEN TIEN DUNG dự.",
        "Tân Tỉnh ủyx không phải là tên.",
        "",
        "Tỉnh ủy\x00Tỉnh ủy",
    ],
    "en": ["Nguyen Tien Dung, of the Provincial Party Committee.", "xNguyen Tien Dung", ""],
    "ru": ["Нгуен Тиен Зунга (ЦК) поддержал.", "ЦК\x00ЦК", ""],
    "ar": ["وبحضور نغوين تيان دونغ، للجنة المركزية.", "نغوين تيان دونغي", ""],
    "zh": ["阮进勇出席省委会议。", "省委省委", ""],
}


@pytest.mark.parametrize("backend", sorted(BACKENDS))
@pytest.mark.parametrize("lang", sorted(MANY))
def test_find_many_equals_find_one_by_one(backend: str, lang: str) -> None:
    matcher = Matcher(GLOSSARY, lang, backend=backend)
    texts = MANY[lang]
    assert matcher.find_many(texts) == [matcher.find(text) for text in texts]
    assert matcher.find_many(texts * 40) == [matcher.find(text) for text in texts * 40]
    assert matcher.find_many([]) == []


def test_word_edges_in_vietnamese_text() -> None:
    # Vietnamese is matched with word edges in the automaton (punctuation is a space):
    # names next to brackets, quotes and commas are found, a name inside a word is not.
    matcher = Matcher(GLOSSARY, "vi")
    found = [(m.entry, m.text) for m in matcher.find("(Nguyễn Tiến Dũng), “Tỉnh ủy”.")]
    assert found == [
        ("person/nguyen-tien-dung", "Nguyễn Tiến Dũng"),
        ("org/provincial-party-committee", "Tỉnh ủy"),
    ]
    assert matcher.find("Tân Tỉnh ủyx; aNguyễn Tiến Dũng") == []
    unmarked = matcher.find("NGUYEN TIEN DUNG.")
    assert [(m.entry, m.exact) for m in unmarked] == [("person/nguyen-tien-dung", False)]

"""The glossary matcher: every form at once, language-aware, spans in the original text."""

from __future__ import annotations

import random
import re
import unicodedata
from collections.abc import Callable
from functools import partial

import pytest

from multipub.glossary import Entry, EntryKind, Glossary, TermForms, glossary_from_data
from multipub.matcher import BACKENDS, FormStatus, Matcher, _AlignedCoder, _stemmer, strip_marks
from multipub.text import fold

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
        # a soft sign declines ("Хоабине") but never goes ("Хоабин" is misspelled)
        (
            "ru",
            "в Хоабине и Хоабинь",
            [
                ("place/hoa-binh", "preferred", "Хоабине"),
                ("place/hoa-binh", "preferred", "Хоабинь"),
            ],
        ),
        ("ru", "в Хоабин", []),
        # the instrumental case: "с провинциальным комитетом партии"
        (
            "ru",
            "Встреча с провинциальным комитетом партии.",
            [("org/provincial-party-committee", "preferred", "провинциальным комитетом партии")],
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


def test_spans_when_folding_changes_cancel_out() -> None:
    # "ß" folds to two letters and a zero-width space to none: the folded text is as long
    # as the text, yet positions after "ß" are one further on.
    [m] = Matcher(GLOSSARY, "en").find("ß Hoa Binh\u200b")
    assert (m.start, m.end, m.text) == (2, 10, "Hoa Binh")
    [m] = Matcher(GLOSSARY, "vi").find("ß Hòa Bình\u200b")
    assert (m.start, m.end, m.text) == (2, 10, "Hòa Bình")


def test_russian_stress_marks() -> None:
    [m] = Matcher(GLOSSARY, "ru").find("в Хоаби\u0301не")
    assert (m.entry, m.text, m.exact) == ("place/hoa-binh", "Хоаби\u0301не", True)


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


def test_other_punctuation_between_the_words_of_a_vietnamese_form() -> None:
    glossary = glossary_from_data(
        {
            "name": "t",
            "entries": [
                {
                    "id": "place/ba-ria-vung-tau",
                    "kind": "place",
                    "terms": {"vi": "Bà Rịa-Vũng Tàu"},
                },
                {"id": "place/ha-noi", "kind": "place", "terms": {"vi": "Hà Nội"}},
            ],
        },
        "t.yaml",
    )
    matcher = Matcher(glossary, "vi")
    # One separator stands for another: the words and their diacritics agree.
    for text in ("Bà Rịa Vũng Tàu", "Bà Rịa–Vũng Tàu", "Hà-Nội", "Hà.Nội"):
        [m] = matcher.find(f"tỉnh {text} mới")
        assert (m.text, m.exact) == (text, True)
    [m] = matcher.find("Ha-Noi")
    assert not m.exact
    assert matcher.find("Hà-Nồi") == []  # another word


def test_an_arabic_noun_and_its_adjective_made_definite() -> None:
    glossary = glossary_from_data(
        {
            "name": "t",
            "entries": [
                {
                    "id": "title/rear-admiral",
                    "kind": "title",
                    "terms": {"vi": "Chuẩn Đô đốc", "ar": "لواء بحري"},
                },
                {
                    "id": "title/director-general",
                    "kind": "title",
                    "terms": {
                        "vi": "Tổng Giám đốc",
                        "ar": {"preferred": "مدير عام", "feminine": "مديرة عامة"},
                    },
                },
            ],
        },
        "t.yaml",
    )
    matcher = Matcher(glossary, "ar")
    # The adjective takes the article with its noun: one mention, of the form's status.
    found = [
        (m.entry, m.text, m.status)
        for m in matcher.find("وقال اللواء البحري إن المديرة العامة وصلت")
    ]
    assert found == [
        ("title/rear-admiral", "اللواء البحري", FormStatus.PREFERRED),
        ("title/director-general", "المديرة العامة", FormStatus.FEMININE),
    ]
    # ... and as written
    assert [m.text for m in matcher.find("عين لواء بحري جديد")] == ["لواء بحري"]
    # the mention names the glossary's form, one rendering with the indefinite one
    assert [m.form for m in matcher.find("وقال اللواء البحري")] == ["لواء بحري"]

    # a construct whose last word drops its article before the next noun
    construct = glossary_from_data(
        {
            "name": "t",
            "entries": [
                {
                    "id": "title/deputy-minister",
                    "kind": "title",
                    "terms": {
                        "vi": "Thứ trưởng",
                        "ar": {"preferred": "نائب الوزير", "feminine": "نائبة الوزير"},
                    },
                }
            ],
        },
        "t.yaml",
    )
    found = Matcher(construct, "ar").find("وقالت نائبة وزير الصناعة والتجارة إن")
    assert [(m.text, m.form, m.status) for m in found] == [
        ("نائبة وزير", "نائبة الوزير", FormStatus.FEMININE)
    ]

    # ... and one made definite by its last noun ("نائب المدير" for "نائب مدير"): the
    # deputy director, not a director
    deputy = glossary_from_data(
        {
            "name": "t",
            "entries": [
                {
                    "id": "title/deputy-director",
                    "kind": "title",
                    "terms": {"vi": "Phó Giám đốc", "ar": "نائب مدير"},
                },
                {
                    "id": "title/director",
                    "kind": "title",
                    "terms": {"vi": "Giám đốc", "ar": "مدير"},
                },
            ],
        },
        "t.yaml",
    )
    found = Matcher(deputy, "ar").find("وقال نائب المدير إن المدير غائب")
    assert [(m.entry, m.text) for m in found] == [
        ("title/deputy-director", "نائب المدير"),
        ("title/director", "مدير"),  # its article is a clitic the mention leaves out
    ]


@pytest.mark.parametrize("backend", sorted(BACKENDS))
def test_forms_that_differ_only_in_their_gaps(backend: str) -> None:
    # The automaton sees the words alone, so these two forms are one key to it; each
    # text still finds the form whose gaps it has, and a comma stops a name.
    glossary = glossary_from_data(
        {
            "name": "t",
            "entries": [
                {
                    "id": "place/ba-ria-vung-tau",
                    "kind": "place",
                    "terms": {
                        "vi": {"preferred": "Bà Rịa-Vũng Tàu", "accepted": ["Bà Rịa - Vũng Tàu"]}
                    },
                },
                {"id": "place/ha-noi", "kind": "place", "terms": {"vi": "Hà Nội"}},
                {"id": "place/noi-hue", "kind": "place", "terms": {"vi": "Nội Huế"}},
            ],
        },
        "t.yaml",
    )
    matcher = Matcher(glossary, "vi", backend=backend)
    texts = ["Bà Rịa - Vũng Tàu", "Bà Rịa–Vũng Tàu", "Bà Rịa, Vũng Tàu", "Hà Nội, Huế"]
    found = [[(m.status.value, m.text) for m in ms] for ms in matcher.find_many(texts)]
    assert found == [
        [("accepted", "Bà Rịa - Vũng Tàu")],
        [("preferred", "Bà Rịa–Vũng Tàu")],
        [],  # two separators: neither form has them
        [("preferred", "Hà Nội")],
    ]


@pytest.mark.parametrize("lang", ["vi", "en", "ar", "ru", "zh"])
def test_a_run_of_white_space_is_one_space(lang: str) -> None:
    # A double space, a no-break space beside a space, a line break: the term is there.
    glossary_forms = {
        "vi": "Phó Bí thư Thường trực Tỉnh ủy",
        "en": "Permanent Deputy Secretary of the Provincial Party Committee",
        "ar": "نائب الأمين الدائم للجنة الحزبية الإقليمية",
        "ru": "постоянный заместитель секретаря провинциального комитета партии",
        "zh": "省委常务副书记",
    }
    form = glossary_forms[lang]
    spaced = form.replace(" ", "  ", 1).replace(" ", "\u00a0 ", 1) if " " in form else form
    text = f"— {spaced}\n\n"
    [m] = Matcher(GLOSSARY, lang).find(text)
    assert (m.entry, m.text, m.exact) == ("title/permanent-deputy-secretary", spaced, True)


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


# --- large glossaries, against a brute-force reference ----------------------------------
#
# A glossary of thousands of entries gives the word layouts codes of two and three
# characters (and shorter words codes of their own length), and many forms share words:
# the matcher must find exactly what a plain search of every form finds.

_ONSETS = ["", "b", "ch", "đ", "h", "kh", "l", "m", "ng", "nh", "ph", "t", "th", "tr", "v", "x"]
_RHYMES = ["a", "ai", "an", "anh", "ăn", "âm", "ê", "inh", "o", "ông", "ơn", "u", "ương", "y"]
_TONES = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"]
_RU_WORDS = ["Нгуен", "Чан", "Фам", "Минь", "Тхань", "Хоа", "Бинь", "комитет", "партии", "То"]
_RU_ENDINGS = ["", "а", "у", "ом", "ы", "е"]


def _syllable(rng: random.Random) -> str:
    onset, rhyme = rng.choice(_ONSETS), rng.choice(_RHYMES)
    syllable = onset + rhyme[0] + rng.choice(_TONES) + rhyme[1:]
    return unicodedata.normalize("NFC", syllable).capitalize()


def _large_glossary(entries: int, numbered: float, seed: int = 5) -> Glossary:
    """Return a glossary of Vietnamese-like names (some with a number, so that the
    vocabulary grows past one code character) and Russian forms of a few stems."""
    rng = random.Random(seed)
    out = []
    for n in range(entries):
        words = [_syllable(rng) for _ in range(rng.randint(1, 4))]
        if rng.random() < numbered:
            words.append(str(rng.randint(10, 99_999)))
        vi = " ".join(words)
        accepted = (vi.replace(" ", "-", 1),) if rng.random() < 0.1 else ()
        ru = " ".join(rng.choice(_RU_WORDS) for _ in range(rng.randint(1, 3)))
        # Built as models, not validated as a file: entries may share a form here (the
        # matcher reports both), which a glossary file may not.
        out.append(
            Entry(
                id=f"org/e{n}",
                kind=EntryKind.ORGANIZATION,
                terms={
                    "vi": TermForms(preferred=vi, accepted=accepted),
                    "ru": TermForms(preferred=ru),
                },
            )
        )
    return Glossary(name="large", entries=tuple(out))


def _vi_texts(glossary: Glossary, count: int, seed: int = 9) -> list[str]:
    """Return texts of filler syllables and glossary forms: some written without their
    diacritics, some with other tones, next to punctuation, or run into other words."""
    rng = random.Random(seed)
    texts = []
    for _ in range(count):
        words: list[str] = []
        for _ in range(rng.randint(0, 14)):
            roll = rng.random()
            if roll < 0.3:
                form = rng.choice(glossary.entries).terms["vi"].preferred
                if rng.random() < 0.2:
                    form = strip_marks(form)
                words.append(form)
            elif roll < 0.4:
                words.append(rng.choice([",", ".", "(", "-", "TP.HCM", "Tinh-uy"]))
            else:
                words.append(_syllable(rng) if rng.random() < 0.8 else str(rng.randint(0, 999)))
        sep = rng.choice([" ", " ", ", "])
        texts.append(sep.join(words).replace(" ,", ","))
    return texts


def _forms(glossary: Glossary, lang: str) -> list[tuple[str, str, FormStatus]]:
    out = []
    for entry in glossary.entries:
        terms = entry.terms[lang]
        out.append((entry.id, terms.preferred, FormStatus.PREFERRED))
        out.extend((entry.id, form, FormStatus.ACCEPTED) for form in terms.accepted)
    return out


def _agreement(seen: str, exact: str) -> bool | None:
    words = re.compile(r"[\W_]+")
    if words.sub(" ", seen) == words.sub(" ", exact):
        return True  # the same words, perhaps with other punctuation between them
    seen_marked, form_marked = strip_marks(seen) != seen, strip_marks(exact) != exact
    return None if seen_marked and form_marked else not (seen_marked or form_marked)


_RANK = {FormStatus.PREFERRED: 0, FormStatus.ACCEPTED: 2}


def _leftmost_longest(
    candidates: list[tuple[int, int, int, str, bool, int, str, FormStatus]],
) -> list[tuple[str, str, FormStatus, int, int, bool]]:
    candidates.sort()
    out: list[tuple[str, str, FormStatus, int, int, bool]] = []
    taken: tuple[int, int] = (-1, -1)
    entries: list[str] = []
    for start, negative_end, _, entry, agreement, _, form, status in candidates:
        end = -negative_end
        same = (start, end) == taken
        if start < taken[1] and (not same or entry in entries):
            continue
        if not same:
            entries = []
        out.append((entry, form, status, start, end, agreement))
        taken = (start, end)
        entries.append(entry)
    return out


def _prepared_forms(
    forms: list[tuple[str, str, FormStatus]], key_of: Callable[[str], str]
) -> dict[str, list[tuple[str, str, FormStatus, str, str]]]:
    """Return (entry, form, status, exact, key) per form, under the key's first word."""
    by_first: dict[str, list[tuple[str, str, FormStatus, str, str]]] = {}
    for entry, form, status in forms:
        exact = " ".join(fold(form).split())
        key = key_of(exact)
        if key:
            by_first.setdefault(key.split(" ")[0], []).append((entry, form, status, exact, key))
    return by_first


def _vi_key(folded: str) -> str:
    return re.sub(r"\W|_", " ", strip_marks(folded)).strip(" ")


def _reference_vi(
    forms: dict[str, list[tuple[str, str, FormStatus, str, str]]], text: str
) -> list[tuple[str, str, FormStatus, int, int, bool]]:
    """Every form searched for on its own: stripped of diacritics, punctuation as
    spaces, whole words; then the diacritics rule and leftmost-longest."""
    folded = fold(text)
    assert len(folded) == len(text)  # the test's texts fold in place
    scan = re.sub(r"\W|_", " ", strip_marks(folded))
    candidates: list[tuple[int, int, int, str, bool, int, str, FormStatus]] = []
    for word in set(scan.split()):
        for entry, form, status, exact, key in forms.get(word, []):
            start = scan.find(key)
            while start >= 0:
                end = start + len(key)
                whole = (start == 0 or scan[start - 1] == " ") and (
                    end == len(scan) or scan[end] == " "
                )
                seen = folded[start:end]
                agreement = _agreement(seen, exact)
                if whole and agreement is not None:
                    rank = _RANK[status] + (0 if agreement else 10) + (0 if seen == exact else 5)
                    candidates.append(
                        (start, -end, rank, entry, agreement, len(candidates), form, status)
                    )
                start = scan.find(key, start + 1)
    return _leftmost_longest(candidates)


def _ru_key(word: str) -> str:
    stemmer = _stemmer("ru")
    assert stemmer is not None
    return stemmer.key(word)


def _ru_key_of(folded: str) -> str:
    return " ".join(_ru_key(word) for word in re.findall(r"\w+", folded))


def _reference_ru(
    forms: dict[str, list[tuple[str, str, FormStatus, str, str]]], text: str
) -> list[tuple[str, str, FormStatus, int, int, bool]]:
    """Every form searched for on its own, word stem by word stem."""
    folded = fold(text)
    words = list(re.finditer(r"\w+", folded))
    stems = [_ru_key(w.group()) for w in words]
    candidates: list[tuple[int, int, int, str, bool, int, str, FormStatus]] = []
    for first, stem in enumerate(stems):
        for entry, form, status, exact, key in forms.get(stem, []):
            size = key.count(" ") + 1
            if " ".join(stems[first : first + size]) != key:
                continue
            matched = words[first : first + size]
            seen = " ".join(w.group() for w in matched)
            agreement = _agreement(seen, exact)
            if agreement is None:
                continue
            rank = _RANK[status] + (0 if agreement else 10) + (0 if seen == exact else 5)
            start, end = matched[0].start(), matched[-1].end()
            candidates.append((start, -end, rank, entry, agreement, len(candidates), form, status))
    return _leftmost_longest(candidates)


def _ru_texts(glossary: Glossary, count: int, seed: int = 13) -> list[str]:
    rng = random.Random(seed)
    texts = []
    for _ in range(count):
        words: list[str] = []
        for _ in range(rng.randint(0, 12)):
            if rng.random() < 0.4:
                form = rng.choice(glossary.entries).terms["ru"].preferred
                words.extend(word + rng.choice(_RU_ENDINGS) for word in form.split())
            else:
                words.append(rng.choice(["и", "на", "заседание", "—", "(ЦК)", "Нгуенам,"]))
        texts.append(" ".join(words))
    return texts


@pytest.mark.parametrize(
    ("entries", "numbered", "width"),
    [(15, 0.0, 1), (3_000, 0.3, 2), (6_000, 0.9, 3)],
)
def test_vietnamese_matches_equal_a_plain_search(entries: int, numbered: float, width: int) -> None:
    glossary = _large_glossary(entries, numbered)
    matcher = Matcher(glossary, "vi")
    # The glossary is large enough for codes of this many characters.
    assert isinstance(matcher._coder, _AlignedCoder)
    assert matcher._coder.width == width
    forms = _prepared_forms(_forms(glossary, "vi"), _vi_key)
    _assert_as_reference(matcher, _vi_texts(glossary, 150), partial(_reference_vi, forms))


def test_russian_matches_equal_a_plain_search() -> None:
    glossary = _large_glossary(2_000, 0.0)
    matcher = Matcher(glossary, "ru")
    forms = _prepared_forms(_forms(glossary, "ru"), _ru_key_of)
    _assert_as_reference(matcher, _ru_texts(glossary, 150), partial(_reference_ru, forms))


def _assert_as_reference(
    matcher: Matcher,
    texts: list[str],
    reference: Callable[[str], list[tuple[str, str, FormStatus, int, int, bool]]],
) -> None:
    found = matcher.find_many(texts)
    expected = [reference(text) for text in texts]
    assert [[(m.entry, m.form, m.status, m.start, m.end, m.exact) for m in ms] for ms in found] == (
        expected
    )
    assert [matcher.find(text) for text in texts] == found
    assert sum(map(len, expected)) > 100  # the texts do hold mentions


def test_too_many_short_words_fall_back_to_the_plain_layout() -> None:
    # 5,000 words of two letters and as many longer ones: codes of three characters,
    # and more two-letter words than their codes can tell apart.
    letters = [chr(c) for c in [*range(0x61, 0x7B), *range(0x3B1, 0x3CA), *range(0x430, 0x450)]]
    pairs = [a + b for a in letters for b in letters][:5_000]
    entries = tuple(
        Entry(
            id=f"org/e{n}",
            kind=EntryKind.ORGANIZATION,
            terms={"vi": TermForms(preferred=f"{pair} Tỉnh {10_000 + n}")},
        )
        for n, pair in enumerate(pairs)
    )
    matcher = Matcher(Glossary(name="short", entries=entries), "vi")
    assert matcher._coder is None
    [mention] = matcher.find(f"Hội nghị {pairs[7]} Tỉnh 10007, hôm nay")
    assert (mention.entry, mention.exact) == ("org/e7", True)


@pytest.mark.parametrize(
    ("declined", "name"),
    [
        # a Vietnamese syllable in -ай declines as a noun: Тхая, Тхаю, Тхаем, Тхае
        ("тхая", "тхай"),
        ("тхаю", "тхай"),
        ("тхаем", "тхай"),
        ("тхае", "тхай"),
        # ... and a two-letter syllable keeps its two letters: Аном, Ану (of Ан)
        ("аном", "ан"),
        ("ану", "ан"),
        # adjectives still lose their ending: провинциальная, провинциальный
        ("провинциальная", "провинциальный"),
        ("народная", "народный"),
    ],
)
def test_russian_case_endings_meet_one_stem(declined: str, name: str) -> None:
    assert _ru_key(declined) == _ru_key(name)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # a word the stemmer would cut in the nominative ("режим": "реж" + "им") is found
        # in every case
        ("Туристы пользуются безвизовым режимом.", ["безвизовым режимом"]),
        ("Две недели безвизового режима.", ["безвизового режима"]),
        ("Безвизовый режим продлён.", ["Безвизовый режим"]),
        ("Лодки подошли к острову.", ["острову"]),
        # ... a place too, and a vowel that drops out ("слиток": "слитков")
        ("В Куангнаме эвакуированы 3200 семей.", ["Куангнаме"]),
        ("Очереди за золотыми слитками.", ["золотыми слитками"]),
        ("Цена золотого слитка выросла.", ["золотого слитка"]),
        # ... a man's name too ("Кхьем": "Кхь" + "ем"), in every case
        ("Похороны Чан Ван Кхьема прошли.", ["Чан Ван Кхьема"]),
        ("Прощание с Чан Ван Кхьемом.", ["Чан Ван Кхьемом"]),
        ("Чан Ван Кхьем умер.", ["Чан Ван Кхьем"]),
        # ... and not another word
        ("Туристы пользуются визовым режимом.", []),
        # a feminine noun's genitive plural with a vowel its other cases lack ("куклы":
        # "кукол"; "рыбачки": "рыбачек")
        ("Вечером прошло представление водяных кукол.", ["водяных кукол"]),
        ("Водяные куклы выступили на пруду.", ["Водяные куклы"]),
        ("В деревне много опытных рыбачек.", ["опытных рыбачек"]),
        # ... not a word with another stem, nor a noun whose genitive plural has no vowel
        ("Водяных колонок в деревне две.", []),
        ("Пять отраслевых министерств.", ["отраслевых министерств"]),
    ],
)
def test_russian_words_cut_in_the_nominative(text: str, found: list[str]) -> None:
    glossary = glossary_from_data(
        {
            "name": "t",
            "entries": [
                {
                    "id": "term/visa-exemption",
                    "kind": "term",
                    "terms": {"vi": "miễn thị thực", "ru": "безвизовый режим"},
                },
                {"id": "term/island", "kind": "term", "terms": {"vi": "đảo", "ru": "остров"}},
                {
                    "id": "term/gold-bar",
                    "kind": "term",
                    "terms": {"vi": "vàng miếng", "ru": "золотой слиток"},
                },
                {
                    "id": "place/quang-nam",
                    "kind": "place",
                    "terms": {"vi": "Quảng Nam", "ru": "Куангнам"},
                },
                {
                    "id": "term/water-puppets",
                    "kind": "term",
                    "terms": {"vi": "con rối nước", "ru": "водяные куклы"},
                },
                {
                    "id": "term/fisherwomen",
                    "kind": "term",
                    "terms": {"vi": "nữ ngư dân", "ru": "опытные рыбачки"},
                },
                {
                    "id": "term/line-ministries",
                    "kind": "term",
                    "terms": {"vi": "bộ ngành", "ru": "отраслевые министерства"},
                },
                {
                    "id": "person/tran-van-khiem",
                    "kind": "person",
                    "gender": "male",
                    "terms": {"vi": "Trần Văn Khiêm", "ru": "Чан Ван Кхьем"},
                },
            ],
        },
        "t.yaml",
    )
    assert [m.text for m in Matcher(glossary, "ru").find(text)] == found


_DECLINED = glossary_from_data(
    {
        "name": "declined",
        "entries": [
            {
                "id": "term/rolling-power-cuts",
                "kind": "term",
                "terms": {
                    "vi": "cắt điện luân phiên",
                    "ru": "веерные отключения электроэнергии",
                    "ar": "الانقطاع الدوري للكهرباء",
                },
            },
            {
                "id": "org/state-commission",
                "kind": "organization",
                "terms": {"vi": "Ủy ban Nhà nước", "ru": "Государственная комиссия"},
            },
            {
                "id": "term/digital-signature",
                "kind": "term",
                "terms": {"vi": "chữ ký số", "ar": "التوقيع الرقمي"},
            },
            {"id": "term/runway", "kind": "term", "terms": {"vi": "đường băng", "ar": "مدرج"}},
            {
                "id": "org/national-assembly",
                "kind": "organization",
                "terms": {"vi": "Quốc hội", "ar": "الجمعية الوطنية"},
            },
            {
                "id": "term/gold-medal",
                "kind": "term",
                "terms": {"vi": "huy chương vàng", "ar": "الميدالية الذهبية"},
            },
        ],
    },
    "declined.yaml",
)


@pytest.mark.parametrize(
    ("lang", "text", "found"),
    [
        # Russian nouns in -ие and -ия in every case, the genitive plural too
        ("ru", "без веерных отключений электроэнергии", "веерных отключений электроэнергии"),
        ("ru", "о веерных отключениях электроэнергии", "веерных отключениях электроэнергии"),
        ("ru", "Государственной комиссией", "Государственной комиссией"),
        ("ru", "в Государственную комиссию", "Государственную комиссию"),
        ("ru", "двух государственных комиссий", "государственных комиссий"),
        # Arabic: a definite noun and adjective made indefinite, and in the accusative
        ("ar", "ستصدر 500 ألف توقيع رقمي مجانا", "توقيع رقمي"),
        ("ar", "أصدرت المدينة توقيعا رقميا لكل مواطن", "توقيعا رقميا"),
        ("ar", "ويضم مدرجا بطول 3050 مترا", "مدرجا"),
        # ... not after "ة": "ميدالية ذهبية" takes no alef
        ("ar", "أحرزت ميدالية ذهبية", "ميدالية ذهبية"),
    ],
)
def test_declined_and_indefinite_forms(lang: str, text: str, found: str) -> None:
    mentions = Matcher(_DECLINED, lang).find(text)
    assert [m.text for m in mentions] == [found]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # an alef that is the word's own, or a word that merely starts the same
        ("ar", "مدرجات الملعب"),
        ("ar", "التوقيعات الرقمية"),
        # a body's name made indefinite names no one body: "a national association"
        ("ar", "أنشأت جمعية وطنية للمزارعين"),
    ],
)
def test_no_indefinite_reading_beyond_the_form(lang: str, text: str) -> None:
    assert Matcher(_DECLINED, lang).find(text) == []


def test_an_indefinite_house_form_keeps_its_status_in_the_accusative() -> None:
    # The house form is indefinite, the definite one accepted: "فائضا تجاريا" is the
    # house form in the accusative, not the accepted one's.
    glossary = glossary_from_data(
        {
            "name": "surplus",
            "entries": [
                {
                    "id": "term/trade-surplus",
                    "kind": "term",
                    "terms": {
                        "vi": "xuất siêu",
                        "ar": {"preferred": "فائض تجاري", "accepted": ["الفائض التجاري"]},
                    },
                },
                # a construct takes no alef on its first word: "نائب وزير" stays as it is
                {
                    "id": "title/deputy-minister",
                    "kind": "title",
                    "terms": {"vi": "Thứ trưởng", "ar": "نائب وزير"},
                },
            ],
        },
        "surplus.yaml",
    )
    matcher = Matcher(glossary, "ar")
    [mention] = matcher.find("سجلت البلاد فائضا تجاريا كبيرا")
    assert (mention.text, mention.status) == ("فائضا تجاريا", FormStatus.PREFERRED)
    assert matcher.find("التقى نائبا وزيرا") == []


def test_a_form_held_in_a_text_word_for_word() -> None:
    from multipub.matcher import holds_form

    assert holds_form(
        "Председатель Государственной комиссии по ценным бумагам",
        "Государственная комиссия по ценным бумагам",
        "ru",
    )
    assert holds_form(
        "Chair of the State Securities Commission", "State Securities Commission", "en"
    )
    # a short form inside a word is no word of the text
    assert not holds_form("Head of the Central Economic Commission", "MIC", "en")
    assert holds_form("国家证券委员会主席", "国家证券委员会", "zh")
    # the clitics written onto the first word: "لجمعية", "for the association"
    assert holds_form("الأمينة العامة لجمعية صناعة الأسماك", "جمعية صناعة الأسماك", "ar")


@pytest.mark.parametrize(
    "text",
    [
        "установить систему мониторинга судов",
        "нет систем мониторинга судов",
        "системой мониторинга судов",
    ],
)
def test_a_noun_the_stemmer_cuts_shorter_in_other_cases(text: str) -> None:
    # "система" is "систем" + "а", "систему" "сист" + "ему": every case is found still.
    glossary = glossary_from_data(
        {
            "name": "vms",
            "entries": [
                {
                    "id": "term/vms",
                    "kind": "term",
                    "terms": {
                        "vi": "thiết bị giám sát hành trình",
                        "ru": "система мониторинга судов",
                    },
                }
            ],
        },
        "vms.yaml",
    )
    [mention] = Matcher(glossary, "ru").find(text)
    assert mention.status is FormStatus.PREFERRED

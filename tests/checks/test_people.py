"""MP203 and MP204: tables of texts that must fail and texts that must pass.

The people, titles and sentences are invented; the glossary is the one of test_terms.py:
Hoàng Minh Đức (male; Chairman of the Provincial People's Committee 2020-01-01..2023-12-31,
Permanent Deputy Head of the Central Organization Commission from 2024-01-01), Lê Thị Hồng
Vân (female; Permanent Deputy Secretary from 2022-03-01), Phan Quốc Bảo (male; Permanent
Deputy Secretary from 2021-06-01) and Vũ Văn Tâm (male, no roles).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from multipub import Config, check
from multipub.findings import Severity
from multipub.glossary import load_glossary
from multipub.models import Article
from tests.checks.test_terms import at, rows, run
from tests.conftest import article_data, make_article

SHIPPED = Path(__file__).resolve().parents[2] / "glossaries"
DUC = "person/hoang-minh-duc"
VAN = "person/le-thi-hong-van"
TAM = "person/vu-van-tam"


def lone(lang: str, text: str) -> Article:
    """Return an article of one variant with one block (published 2024-05-20)."""
    return make_article({lang: [text]}, source_lang=lang)


def published(lang: str, text: str, when: str | None) -> Article:
    """Return a one-block article published at ``when`` (None: no date at all)."""
    data: dict[str, Any] = article_data({lang: [text]}, source_lang=lang)
    if when is None:
        del data["published_at"]
    else:
        data["published_at"] = when
    return Article.model_validate(data)


# --- MP204 --------------------------------------------------------------------------------

AR_DUC_FEMININE = (
    "ترأست الاجتماع الرفيقة هوانغ مينه دوك، نائبة الرئيس الدائم للجنة التنظيم المركزية."
)
AR_DUC = "ترأس الاجتماع الرفيق هوانغ مينه دوك، نائب الرئيس الدائم للجنة التنظيم المركزية."
AR_VAN = "ترأست الاجتماع الرفيقة لي ثي هونغ فان، نائبة الأمين الدائم للجنة الحزب الإقليمية."
AR_PDS = "نائب الأمين الدائم للجنة الحزب الإقليمية"
AR_PDS_F = "نائبة الأمين الدائم للجنة الحزب الإقليمية"
FR_PDS = "secrétaire adjoint permanent du Comité provincial du Parti"
FR_PDS_F = "secrétaire adjointe permanente du Comité provincial du Parti"


@pytest.mark.parametrize(
    ("lang", "text", "entry", "expected"),
    [
        # a man with a feminine verb, honorific and title form: three findings
        (
            "ar",
            AR_DUC_FEMININE,
            DUC,
            [
                ("ترأست", "ترأس"),
                ("الرفيقة", "الرفيق"),
                ("نائبة الرئيس الدائم", "نائب الرئيس الدائم"),
            ],
        ),
        (
            "ar",
            "وقالت السيدة هوانغ مينه دوك إن الخطة ستنفذ في موعدها.",
            DUC,
            [("قالت", "قال"), ("السيدة", "السيد")],
        ),
        ("ar", "ورحب الحضور بالدكتورة هوانغ مينه دوك في المقاطعة.", DUC, [("الدكتورة", "الدكتور")]),
        ("ar", "وألقت الرفيق هوانغ مينه دوك كلمة في المؤتمر.", DUC, [("ألقت", "ألقى")]),
        # the title before the name
        (
            "ar",
            "وزار نائبة الرئيس الدائم هوانغ مينه دوك المقاطعة.",
            DUC,
            [("نائبة الرئيس الدائم", "نائب الرئيس الدائم")],
        ),
        # a woman with masculine forms
        (
            "ar",
            f"وأكد الرفيق لي ثي هونغ فان، {AR_PDS}، أهمية الخطة.",
            VAN,
            [("أكد", "أكدت"), ("الرفيق", "الرفيقة"), (AR_PDS, AR_PDS_F)],
        ),
        (
            "ar",
            f"وتحدثت الرفيقة لي ثي هونغ فان، {AR_PDS}، عن خطة العام.",
            VAN,
            [(AR_PDS, AR_PDS_F)],
        ),
        # Russian: past-tense verbs after the name, honorifics before it
        (
            "ru",
            "Хоанг Минь Дык заявила, что план будет выполнен в срок.",
            DUC,
            [("заявила", "заявил")],
        ),
        (
            "ru",
            "Ле Тхи Хонг Ван подчеркнул важность кадровой работы.",
            VAN,
            [("подчеркнул", "подчеркнула")],
        ),
        (
            "ru",
            "Хоанг Минь Дык высоко оценила поддержку провинции.",
            DUC,
            [("оценила", "оценил")],
        ),
        (
            "ru",
            "Ле Тхи Хонг Ван навестил семьи пострадавших от наводнения.",
            VAN,
            [("навестил", "навестила")],
        ),
        (
            "ru",
            "Ле Тхи Хонг Ван провёл совещание с руководителями уездов.",
            VAN,
            [("провёл", "провела")],
        ),
        (
            "ru",
            "Госпожа Хоанг Минь Дык открыла совещание.",
            DUC,
            [("Госпожа", "господин"), ("открыла", "открыл")],
        ),
        # Arabic pronoun suffixes after the name: "in his speech" for a woman, and back
        (
            "ar",
            "وأكدت الرفيقة لي ثي هونغ فان في كلمته أهمية الخطة.",
            VAN,
            [("كلمته", "كلمتها")],
        ),
        (
            "ar",
            "وأكد الرفيق هوانغ مينه دوك خلال زيارتها أهمية الخطة.",
            DUC,
            [("زيارتها", "زيارته")],
        ),
        # French: honorifics and title forms
        ("fr", "Mme Hoang Minh Duc a ouvert la séance.", DUC, [("Mme", "M.")]),
        ("fr", "Madame Hoang Minh Duc a ouvert la séance.", DUC, [("Madame", "monsieur")]),
        ("fr", f"Mme Le Thi Hong Van, {FR_PDS}, a présenté le plan.", VAN, [(FR_PDS, FR_PDS_F)]),
        (
            "fr",
            "M. Hoang Minh Duc, cheffe adjointe permanente de la Commission centrale d'organisation, a ouvert la séance.",
            DUC,
            [("cheffe adjointe permanente", "chef adjoint permanent")],
        ),
        # a feminine title head in the chain of titles after a man's name, the title
        # itself unknown to the glossary (the seed page's defect)
        (
            "ar",
            "ترأس الرفيق هوانغ مينه دوك، عضو اللجنة المركزية، نائبة رئيس لجنة التخطيط الجديدة، الاجتماع.",
            DUC,
            [("نائبة", "نائب")],
        ),
        ("ar", "وزار هوانغ مينه دوك، وزيرة الصناعة، المصنع.", DUC, [("وزيرة", "وزير")]),
        (
            "fr",
            "M. Hoang Minh Duc, présidente du comité de jumelage, a ouvert la séance.",
            DUC,
            [("présidente", "président")],
        ),
        # English honorifics
        ("en", "Ms Hoang Minh Duc opened the meeting.", DUC, [("Ms", "Mr")]),
        ("en", "Mrs Hoang Minh Duc opened the meeting.", DUC, [("Mrs", "Mr")]),
        # English reported speech: the pronoun is the speaker's
        ("en", "Hoang Minh Duc said she was proud of the team.", DUC, [("said she", "said he")]),
        (
            "en",
            "Hoang Minh Duc, the chairman of the committee, said that she would visit.",
            DUC,
            [("said that she", "said that he")],
        ),
        ("en", "Le Thi Hong Van said he expects more exports.", VAN, [("said he", "said she")]),
        # Russian reflexive verbs: the feminine puts -а before -ся
        (
            "ru",
            "Хоанг Минь Дык встретилась с избирателями района.",
            DUC,
            [("встретилась", "встретился")],
        ),
        ("ru", "Ле Тхи Хонг Ван поделился планами на год.", VAN, [("поделился", "поделилась")]),
        ("ru", "Ле Тхи Хонг Ван побеседовал с пациентами.", VAN, [("побеседовал", "побеседовала")]),
        ("ru", "Хоанг Минь Дык подвела итоги года.", DUC, [("подвела", "подвёл")]),
    ],
)
def test_mp204_gender_disagreement(
    lang: str, text: str, entry: str, expected: list[tuple[str, str]]
) -> None:
    article = lone(lang, text)
    findings = run(article, "MP204")
    assert rows(article, findings) == [
        ("MP204", lang, "blocks", 0, word, entry) for word, _ in expected
    ]
    gender = "male" if entry == DUC else "female"
    for f, (word, fix) in zip(findings, expected, strict=True):
        assert f.severity is Severity.ERROR
        assert f.name == "gender-agreement"
        assert f.message.startswith(f"'{word}' does not agree with '")
        assert f"({entry}), who is {gender}; use '{fix}'" in f.message


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # correctly gendered
        ("ar", AR_DUC),
        ("ar", AR_VAN),
        ("ar", "وقال السيد هوانغ مينه دوك إن الخطة ستنفذ في موعدها."),
        ("ar", "وقالت الدكتورة لي ثي هونغ فان إن الخطة ستنفذ في موعدها."),
        ("ar", "وأكدت الرفيقة لي ثي هونغ فان في كلمتها أهمية الخطة."),
        ("ar", "وأكد الرفيق هوانغ مينه دوك خلال زيارته أهمية الخطة."),
        ("ar", f"وزارت {AR_PDS_F} لي ثي هونغ فان المقاطعة."),
        # two people in one sentence, a man then a woman, each with their own honorific
        ("ar", f"ترأس الاجتماع الرفيق هوانغ مينه دوك والرفيقة لي ثي هونغ فان، {AR_PDS_F}."),
        ("ar", "وقال السيد هوانغ مينه دوك إن السيدة لي ثي هونغ فان أكدت أهمية الخطة."),
        # a woman then a man
        (
            "ar",
            "استقبلت الرفيقة لي ثي هونغ فان الرفيق هوانغ مينه دوك، نائب الرئيس الدائم للجنة التنظيم المركزية.",
        ),
        # two men with the same title
        ("ar", f"وحضر الاجتماع الرفيق فان كوك باو، {AR_PDS}، والرفيق هوانغ مينه دوك."),
        # title heads: a woman's feminine ones, a man's masculine ones, and a feminine one
        # after the chain has moved on to someone else
        ("ar", "وزارت لي ثي هونغ فان، عضوة اللجنة، نائبة رئيس لجنة التخطيط، المصنع."),
        ("ar", "وزار هوانغ مينه دوك، عضو اللجنة، نائب رئيس لجنة التخطيط، المصنع."),
        ("ar", "وزار هوانغ مينه دوك، والسيدة تران ثي ماي، نائبة رئيس لجنة التخطيط، المصنع."),
        ("ar", "وزار هوانغ مينه دوك المصنع. وقالت المديرة، نائبة المدير العام، إن العمل مستمر."),
        ("fr", "Mme Le Thi Hong Van, présidente du comité de jumelage, a ouvert la séance."),
        (
            "fr",
            "M. Hoang Minh Duc, président du comité, et Mme Tran Thi Mai, directrice, ont parlé.",
        ),
        # a feminine verb in the sentence before is about someone else
        ("ar", "وأكدت المندوبة أهمية الخطة. وقال الرفيق هوانغ مينه دوك إن المقاطعة مستعدة."),
        ("ru", "Хоанг Минь Дык заявил, а Ле Тхи Хонг Ван подчеркнула, что план будет выполнен."),
        ("ru", "Ле Тхи Хонг Ван провела совещание. Хоанг Минь Дык провёл другое."),
        # a verb in a relative clause is about the one named after it
        (
            "ru",
            "Ле Тхи Хонг Ван выступила на встрече, которую провёл Хоанг Минь Дык.",
        ),
        ("ru", "Ле Тхи Хонг Ван отметила проект, в котором участвовал Хоанг Минь Дык."),
        ("ru", "Делегация, которую возглавлял Хоанг Минь Дык, провела встречу."),
        # titles in an oblique case between "с" and the name: the delegation's verb
        (
            "ru",
            "Делегация во главе с министром, председателем комитета Хоанг Минь Дык "
            "провела встречу.",
        ),
        ("ru", "Ле Тхи Хонг Ван встретилась с избирателями, Хоанг Минь Дык вернулся в Ханой."),
        ("ru", "Хоанг Минь Дык провел совещание, госпожа Ле Тхи Хонг Ван выступила на нём."),
        ("ru", "Совещание открыла делегат из Ханоя. Хоанг Минь Дык заявил, что план выполнен."),
        ("fr", "M. Hoang Minh Duc et Mme Le Thi Hong Van ont ouvert la séance."),
        ("fr", f"Mme Le Thi Hong Van, {FR_PDS_F}, a présenté le plan."),
        (
            "fr",
            "M. Hoang Minh Duc, chef adjoint permanent de la Commission centrale d'organisation, a ouvert la séance.",
        ),
        ("fr", f"La {FR_PDS_F}, Le Thi Hong Van, a présenté le plan."),
        # English has no feminine title forms in the glossary
        (
            "en",
            "Le Thi Hong Van, Permanent Deputy Secretary of the Provincial Party Committee, spoke.",
        ),
        ("en", "Mr. Hoang Minh Duc and Ms Le Thi Hong Van opened the meeting."),
        ("en", "Mr Hoang Minh Duc opened the meeting."),
        ("en", "Hoang Minh Duc said he was proud of the team."),
        # reported speech in a clause of its own is someone else's
        ("en", "Hoang Minh Duc met the head teacher, who said she was proud of the school."),
        ("en", "Hoang Minh Duc visited the school and its head said she was proud."),
        ("en", "Hoang Minh Duc opened the fair; the organizer said she expected more visitors."),
        # languages without gendered words in the check
        ("vi", "Đồng chí Lê Thị Hồng Vân, Phó Bí thư Thường trực Tỉnh ủy, phát biểu tại hội nghị."),
        ("zh", "省委常务副书记黎氏红云同志在会上讲话。"),
        # a person the glossary gives no gender is never checked: none here, but an unknown name
        ("ar", "ترأست الاجتماع الرفيقة تران ثي ماي."),
    ],
)
def test_mp204_clean(lang: str, text: str) -> None:
    assert run(lone(lang, text), "MP204") == []


def test_mp204_in_a_translation_next_to_its_source() -> None:
    article = make_article(
        {
            "vi": [
                "Đồng chí Hoàng Minh Đức, Phó Trưởng ban Thường trực Ban Tổ chức Trung ương, chủ trì hội nghị."
            ],
            "ar": [AR_DUC_FEMININE],
            "fr": [
                "Mme Hoang Minh Duc, cheffe adjointe permanente de la Commission centrale d'organisation, a présidé la conférence."
            ],
            "ru": [
                "Хоанг Минь Дык, первый заместитель заведующего Организационным отделом ЦК, председательствовала на конференции."
            ],
        }
    )
    findings = run(article, "MP204")
    assert [(f.lang, at(article, f)) for f in findings] == [
        ("ar", "ترأست"),
        ("ar", "الرفيقة"),
        ("ar", "نائبة الرئيس الدائم"),
        ("fr", "Mme"),
        ("fr", "cheffe adjointe permanente"),
        ("ru", "председательствовала"),
    ]
    assert {f.entry for f in findings} == {DUC}


@pytest.mark.parametrize(
    ("lang", "text", "word"),
    [
        ("ru", "Хоанг Минь Дык провела совещание с руководителями уездов.", "провела"),
        # a title in the nominative before the name: the name is the subject
        ("ru", "С утра министр Хоанг Минь Дык провела совещание.", "провела"),
        ("en", "Mr Le Thi Hong Van opened the meeting.", "Mr"),
    ],
)
def test_mp204_one_finding_per_word(lang: str, text: str, word: str) -> None:
    article = lone(lang, text)
    findings = run(article, "MP204")
    assert [at(article, f) for f in findings] == [word]


@pytest.mark.parametrize(
    ("lang", "text", "word", "entry"),
    [
        ("fr", "M. Le Thi Hong Van a présenté le plan.", "M.", VAN),
        ("fr", "Selon le compte rendu, M. Le Thi Hong Van a présenté le plan.", "M.", VAN),
        ("en", "Mrs. Hoang Minh Duc opened the meeting.", "Mrs.", DUC),
        ("en", "Mr. Le Thi Hong Van opened the meeting.", "Mr.", VAN),
    ],
)
def test_mp204_honorific_with_a_full_stop(lang: str, text: str, word: str, entry: str) -> None:
    article = lone(lang, text)
    assert rows(article, run(article, "MP204")) == [("MP204", lang, "blocks", 0, word, entry)]


@pytest.mark.parametrize(
    ("text", "entry"),
    [
        ("ونقل الوفد التحية للرفيقة هوانغ مينه دوك.", DUC),
        ("ونقل الوفد التحية للسيد لي ثي هونغ فان.", VAN),
    ],
)
def test_mp204_honorific_after_lam(text: str, entry: str) -> None:
    article = lone("ar", text)
    findings = run(article, "MP204")
    assert [(f.code, f.entry) for f in findings] == [("MP204", entry)]


# --- a title between two people (a list of attendees) ---------------------------------------

LIST_OF_ATTENDEES = [
    (
        "vi",
        "Dự hội nghị có Lê Thị Hồng Vân, Phó Bí thư Thường trực Tỉnh ủy, Hoàng Minh Đức, Phó Trưởng ban Thường trực Ban Tổ chức Trung ương.",
    ),
    (
        "en",
        "The meeting was attended by Le Thi Hong Van, Permanent Deputy Secretary of the Provincial Party Committee, Hoang Minh Duc, Permanent Deputy Head, and Vu Van Tam.",
    ),
    (
        "ar",
        f"وكان من بين الحضور لي ثي هونغ فان، {AR_PDS_F}، هوانغ مينه دوك، نائب الرئيس الدائم للجنة التنظيم المركزية.",
    ),
    (
        "fr",
        f"Mme Le Thi Hong Van, {FR_PDS_F}, Hoang Minh Duc, chef adjoint permanent de la Commission centrale d'organisation, ont ouvert la séance.",
    ),
]


@pytest.mark.parametrize(("lang", "text"), LIST_OF_ATTENDEES)
def test_a_title_belongs_to_the_person_before_it(lang: str, text: str) -> None:
    assert run(lone(lang, text), "MP203", "MP204") == []


@pytest.mark.parametrize(("lang", "text"), LIST_OF_ATTENDEES)
def test_list_of_attendees_with_semicolons_or_honorifics(lang: str, text: str) -> None:
    # the same lists, where the second person is introduced by more than a comma
    second = {
        "vi": ("Tỉnh ủy, Hoàng", "Tỉnh ủy; Hoàng"),
        "en": ("Committee, Hoang", "Committee; Hoang"),
        "ar": ("، هوانغ", "، والسيد هوانغ"),
        "fr": ("Parti, Hoang", "Parti, et M. Hoang"),
    }[lang]
    assert second[0] in text
    assert run(lone(lang, text.replace(*second)), "MP203", "MP204") == []


# --- MP203 --------------------------------------------------------------------------------

# Title A (held 2020-01-01..2023-12-31) in each language
CHAIRMAN = {
    "vi": "Chủ tịch UBND tỉnh",
    "ar": "رئيس اللجنة الشعبية الإقليمية",
    "ru": "председатель провинциального народного комитета",
    "zh": "省人民委员会主席",
    "en": "Chairman of the Provincial People's Committee",
    "fr": "président du Comité populaire provincial",
}
# Title B (held from 2024-01-01)
DEPUTY_HEAD = {
    "vi": "Phó Trưởng ban Thường trực",
    "ar": "نائب الرئيس الدائم",
    "ru": "первый заместитель заведующего",
    "zh": "常务副部长",
    "en": "Permanent Deputy Head",
    "fr": "chef adjoint permanent",
}
# One sentence per language calling a person by a title; {name} and {title} are filled in.
SAYS = {
    "vi": "Đồng chí {name}, {title}, phát biểu tại hội nghị.",
    "ar": "وقال الرفيق {name}، {title}، إن الخطة ستنفذ في موعدها.",
    "ru": "{name}, {title}, заявил, что план будет выполнен.",
    "zh": "{title}{name}在会上讲话。",
    "en": "{name}, {title}, said the plan would be carried out on time.",
    "fr": "M. {name}, {title}, a déclaré que le plan serait exécuté à temps.",
}
NAMES = {
    DUC: {
        "vi": "Hoàng Minh Đức",
        "ar": "هوانغ مينه دوك",
        "ru": "Хоанг Минь Дык",
        "zh": "黄明德",
        "en": "Hoang Minh Duc",
        "fr": "Hoang Minh Duc",
    },
    TAM: {
        "vi": "Vũ Văn Tâm",
        "ar": "فو فان تام",
        "ru": "Ву Ван Там",
        "zh": "武文心",
        "en": "Vu Van Tam",
        "fr": "Vu Van Tam",
    },
}
LANGS = sorted(SAYS)


def says(lang: str, person: str, title: str) -> str:
    return SAYS[lang].format(name=NAMES[person][lang], title=title)


@pytest.mark.parametrize("lang", LANGS)
def test_mp203_old_title(lang: str) -> None:
    article = lone(lang, says(lang, DUC, CHAIRMAN[lang]))
    findings = run(article, "MP203")
    assert rows(article, findings) == [("MP203", lang, "blocks", 0, CHAIRMAN[lang], DUC)]
    [f] = findings
    assert f.severity is Severity.WARNING
    assert f.message == (
        f"'{NAMES[DUC][lang]}' ({DUC}) is called '{CHAIRMAN[lang]}' (title/provincial-chairman), "
        "a title the glossary does not give them on 2024-05-20; they held: title/permanent-deputy-head"
    )


@pytest.mark.parametrize(
    ("lang", "text", "title"),
    [
        # the title before the name
        ("vi", "Chủ tịch UBND tỉnh Hoàng Minh Đức phát biểu tại hội nghị.", "Chủ tịch UBND tỉnh"),
        (
            "ar",
            "وزار رئيس اللجنة الشعبية الإقليمية هوانغ مينه دوك المدرسة.",
            "رئيس اللجنة الشعبية الإقليمية",
        ),
        (
            "en",
            "Chairman of the Provincial People's Committee Hoang Minh Duc spoke.",
            "Chairman of the Provincial People's Committee",
        ),
        # Russian cases
        (
            "ru",
            "Выступление Хоанг Минь Дыка, председателя провинциального народного комитета, было коротким.",
            "председателя провинциального народного комитета",
        ),
        # a chain of titles: the right one, then the old one
        (
            "vi",
            "Đồng chí Hoàng Minh Đức, Phó Trưởng ban Thường trực Ban Tổ chức Trung ương, Chủ tịch UBND tỉnh, phát biểu.",
            "Chủ tịch UBND tỉnh",
        ),
        (
            "en",
            "Hoang Minh Duc, Permanent Deputy Head and Chairman of the Provincial People's Committee, spoke.",
            "Chairman of the Provincial People's Committee",
        ),
        # a title never held by this person
        ("ar", f"وقال الرفيق هوانغ مينه دوك، {AR_PDS}، إن الخطة ستنفذ.", AR_PDS),
        # the name in apposition to the title, set off by commas (an honorific may open it)
        (
            "en",
            "The Chairman of the Provincial People's Committee, Hoang Minh Duc, spoke.",
            "Chairman of the Provincial People's Committee",
        ),
        (
            "fr",
            "Le président du Comité populaire provincial, M. Hoang Minh Duc, a pris la parole.",
            "président du Comité populaire provincial",
        ),
        # the title's place between it and the name
        (
            "en",
            "Chairman of the Provincial People's Committee of Hoa Binh Hoang Minh Duc spoke.",
            "Chairman of the Provincial People's Committee",
        ),
    ],
)
def test_mp203_wrong_title_variants(lang: str, text: str, title: str) -> None:
    article = lone(lang, text)
    findings = run(article, "MP203")
    assert [(f.code, at(article, f), f.entry) for f in findings] == [("MP203", title, DUC)]


@pytest.mark.parametrize("lang", LANGS)
def test_mp203_current_title(lang: str) -> None:
    assert run(lone(lang, says(lang, DUC, DEPUTY_HEAD[lang])), "MP203") == []


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("titles", [CHAIRMAN, DEPUTY_HEAD])
def test_mp203_person_without_roles(lang: str, titles: dict[str, str]) -> None:
    assert run(lone(lang, says(lang, TAM, titles[lang])), "MP203") == []


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("titles", [CHAIRMAN, DEPUTY_HEAD])
def test_mp203_without_published_at_any_role_counts(lang: str, titles: dict[str, str]) -> None:
    assert run(published(lang, says(lang, DUC, titles[lang]), None), "MP203") == []


def test_mp203_without_published_at_a_title_never_held() -> None:
    article = published("en", "Le Thi Hong Van, Permanent Deputy Head, spoke.", None)
    [f] = run(article, "MP203")
    assert (at(article, f), f.entry) == ("Permanent Deputy Head", VAN)
    assert f.message == (
        f"'Le Thi Hong Van' ({VAN}) is called 'Permanent Deputy Head' (title/permanent-deputy-head), "
        "a title the glossary does not give them; they held: title/permanent-deputy-secretary"
    )


@pytest.mark.parametrize(
    ("when", "titles", "reported"),
    [
        # role dates are inclusive, and the day is the article's own (local) date
        ("2023-12-31T23:30:00+07:00", CHAIRMAN, False),
        ("2023-12-31T23:30:00+07:00", DEPUTY_HEAD, True),
        ("2024-01-01T00:30:00+07:00", CHAIRMAN, True),
        ("2024-01-01T00:30:00+07:00", DEPUTY_HEAD, False),
        ("2020-01-01T08:00:00+07:00", CHAIRMAN, False),
        ("2019-12-31T08:00:00+07:00", CHAIRMAN, True),
    ],
)
def test_mp203_role_dates(when: str, titles: dict[str, str], reported: bool) -> None:
    article = published("en", says("en", DUC, titles["en"]), when)
    findings = run(article, "MP203")
    assert [at(article, f) for f in findings] == ([titles["en"]] if reported else [])


def test_mp203_message_without_any_role_that_day() -> None:
    article = published("en", says("en", DUC, CHAIRMAN["en"]), "2019-06-01T08:00:00+07:00")
    [f] = run(article, "MP203")
    assert f.message.endswith("a title the glossary does not give them on 2019-06-01")


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # a title that is not attached to the person
        ("vi", "Đồng chí Hoàng Minh Đức gặp Chủ tịch UBND tỉnh tại hội nghị."),
        ("en", "Hoang Minh Duc met the Chairman of the Provincial People's Committee."),
        (
            "en",
            "Hoang Minh Duc spoke. Chairman of the Provincial People's Committee visits follow.",
        ),
        # a person with a current title and a woman with hers in one sentence
        (
            "ar",
            f"ترأس الرفيق هوانغ مينه دوك، نائب الرئيس الدائم، والرفيقة لي ثي هونغ فان، {AR_PDS_F}، الاجتماع.",
        ),
        ("zh", "常务副部长黄明德和省委常务副书记黎氏红云出席会议。"),
        (
            "ru",
            "Фан Куок Бао, постоянный заместитель секретаря провинциального комитета партии, выступил.",
        ),
        # a title in apposition after a name the glossary does not know
        (
            "en",
            "Attending were Nguyen Van Binh, Chairman of the Provincial People's Committee, "
            "Hoang Minh Duc, and others.",
        ),
        # a title before a comma: the name has its own after it, or a list follows
        (
            "en",
            "Reporting to the Chairman of the Provincial People's Committee, Hoang Minh Duc, "
            "Permanent Deputy Head, said the work was on schedule.",
        ),
        (
            "en",
            "They met the Chairman of the Provincial People's Committee, Hoang Minh Duc and "
            "Le Thi Hong Van.",
        ),
    ],
)
def test_mp203_clean(lang: str, text: str) -> None:
    assert run(lone(lang, text), "MP203") == []


def test_mp203_a_title_in_apposition_after_a_name_is_that_name_s() -> None:
    text = (
        "Le Thi Hong Van, Chairman of the Provincial People's Committee, Hoang Minh Duc, "
        "and others came."
    )
    article = lone("en", text)
    assert [f.entry for f in run(article, "MP203")] == [VAN]


def test_mp203_checks_the_source_and_every_translation() -> None:
    article = make_article(
        {
            "vi": [says("vi", DUC, CHAIRMAN["vi"])],
            "en": [says("en", DUC, CHAIRMAN["en"])],
            "zh-Hans": [says("zh", DUC, CHAIRMAN["zh"])],
            "ar": [says("ar", DUC, DEPUTY_HEAD["ar"])],
        }
    )
    assert [(f.lang, at(article, f)) for f in run(article, "MP203")] == [
        ("en", CHAIRMAN["en"]),
        ("vi", CHAIRMAN["vi"]),
        ("zh-Hans", CHAIRMAN["zh"]),
    ]


def test_the_holder_of_a_title_is_clean_where_another_man_is_not() -> None:
    # Bảo holds the Permanent Deputy Secretary title; Đức never did
    text = f"وقال الرفيق فان كوك باو، {AR_PDS}، إن الخطة ستنفذ."
    assert run(lone("ar", text), "MP203", "MP204") == []
    article = lone("ar", text.replace("فان كوك باو", "هوانغ مينه دوك"))
    assert [(f.code, f.entry) for f in run(article, "MP203", "MP204")] == [("MP203", DUC)]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # the verb's subject is the committee, not the man named after "إن"
        ("ar", "وقالت اللجنة إن الرفيق هوانغ مينه دوك سيزور المقاطعة."),
        # the man is not the subject: "the delegation led by him visited"
        ("ru", "Делегация во главе с Хоанг Минь Дыком посетила школу."),
    ],
)
def test_mp204_verbs_of_another_subject(lang: str, text: str) -> None:
    assert run(lone(lang, text), "MP204") == []


def test_mp204_verb_two_words_before_the_subject() -> None:
    findings = run(lone("ar", "وترأست أعمال المؤتمر الرفيقة هوانغ مينه دوك."), "MP204")
    assert sorted(f.excerpt for f in findings) == ["الرفيقة", "ترأست"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # vowel marks, the tatweel and an attached "and" do not hide a feminine title head
        ("وزار هوانغ مينه دوك، عضو اللجنة، نَائِبَة رئيس لجنة التخطيط، المصنع.", ["نَائِبَة"]),
        ("وزار هوانغ مينه دوك، عضو اللجنة، نائـبة رئيس لجنة التخطيط، المصنع.", ["نائـبة"]),
        ("وزار هوانغ مينه دوك، عضو اللجنة، ونائبة رئيس لجنة التخطيط، المصنع.", ["ونائبة"]),
        # the title before another person's name is hers, not his
        ("حضر الاجتماع هوانغ مينه دوك، رئيس اللجنة، نائبة رئيس الجمعية تران ثي ماي، والوفد.", []),
        ("التقى هوانغ مينه دوك، رئيس اللجنة، ونائبة رئيس الجمعية، السيدة تران ثي ماي.", []),
        # a place name with a surname's sound does not end the chain: Thái Bình, Hồ Chí Minh
        (
            "وزار هوانغ مينه دوك، عضو اللجنة، نائبة رئيس اللجنة الشعبية لمقاطعة تاي بينه، المصنع.",
            ["نائبة"],
        ),
        ("وزار هوانغ مينه دوك، عضو اللجنة، نائبة رئيس لجنة مدينة هو تشي منه، المصنع.", ["نائبة"]),
        # his deputy (نائبه) is not a feminine title (نائبة)
        ("التقى هوانغ مينه دوك، رئيس اللجنة، ونائبه، بالوفد الزائر.", []),
        ("التقى هوانغ مينه دوك، نائبه في اللجنة، بالوفد الزائر.", []),
    ],
)
def test_mp204_title_heads_read_through_marks_and_stop_at_another_name(
    text: str, expected: list[str]
) -> None:
    findings = run(lone("ar", text), "MP204")
    assert [f.excerpt for f in findings] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("M. Hoang Minh Duc, présidente du comité pour le développement, a parlé.", ["présidente"]),
        ("M. Hoang Minh Duc, présidente du comité de Ha Tinh, a ouvert la séance.", ["présidente"]),
        ("M. Hoang Minh Duc, président du comité, et Mme Tran Thi Mai, présidente, ont parlé.", []),
    ],
)
def test_mp204_french_title_heads(text: str, expected: list[str]) -> None:
    assert [f.excerpt for f in run(lone("fr", text), "MP204")] == expected


# The old title said to be held before: a role the person did hold.
FORMER = {
    "vi": "Nguyên Chủ tịch UBND tỉnh {name} phát biểu tại hội nghị.",
    "ar": "وقال الرفيق {name}، رئيس اللجنة الشعبية الإقليمية السابق، إن الخطة ستنفذ.",
    "ru": "Бывший председатель провинциального народного комитета {name} заявил об этом.",
    "zh": "原省人民委员会主席{name}在会上讲话。",
    "en": "Former Chairman of the Provincial People's Committee {name} said so.",
    "fr": "L'ancien président du Comité populaire provincial {name} l'a déclaré.",
}


@pytest.mark.parametrize("lang", LANGS)
def test_mp203_a_title_said_to_be_former_is_a_role_held_before(lang: str) -> None:
    text = FORMER[lang].format(name=NAMES[DUC][lang])
    assert run(lone(lang, text), "MP203") == []


@pytest.mark.parametrize("lang", ["en", "ru", "zh", "ar"])
def test_mp203_former_does_not_excuse_a_title_never_held(lang: str) -> None:
    # Đức never was Permanent Deputy Secretary: "former" does not make the title his.
    never = {
        "en": "Former Permanent Deputy Secretary of the Provincial Party Committee {name} said so.",
        "ru": "Бывший постоянный заместитель секретаря провинциального комитета партии "
        "{name} заявил об этом.",
        "zh": "原省委常务副书记{name}在会上讲话。",
        "ar": "وقال {name}، نائب الأمين الدائم للجنة الحزب الإقليمية السابق، إن الخطة ستنفذ.",
    }
    article = lone(lang, never[lang].format(name=NAMES[DUC][lang]))
    assert [f.entry for f in run(article, "MP203")] == [DUC]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # "nguyên" before the next man's title: it is not Đức's.
        ("vi", "Đồng chí {name}, nguyên Chủ tịch UBND tỉnh Vũ Văn Tâm dự lễ."),
        # 目前 ("now") ends in 前, which is no former-word here.
        ("zh", "目前省人民委员会主席{name}在会上讲话。"),
    ],
)
def test_mp203_what_former_words_are_not(lang: str, text: str) -> None:
    article = lone(lang, text.format(name=NAMES[DUC][lang]))
    found = [f.entry for f in run(article, "MP203")]
    assert found == ([] if lang == "vi" else [DUC])


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # The title after Đức opens the next man's name: it is not Đức's.
        ("vi", "Đồng chí {name} tiếp Chủ tịch UBND tỉnh Vũ Văn Tâm và đoàn công tác."),
        ("vi", "Dự có đồng chí {name}, Chủ tịch UBND tỉnh Vũ Văn Tâm và nhiều đại biểu."),
        (
            "ru",
            "Присутствовали {name}, председатель провинциального народного комитета Ву Ван "
            "Там и другие гости.",
        ),
    ],
)
def test_mp203_a_title_that_opens_another_name(lang: str, text: str) -> None:
    assert run(lone(lang, text.format(name=NAMES[DUC][lang])), "MP203") == []


def test_mp203_a_title_before_a_place_is_still_the_names() -> None:
    text = f"Đồng chí {NAMES[DUC]['vi']}, Chủ tịch UBND tỉnh Hòa Giang, phát biểu."
    assert [f.entry for f in run(lone("vi", text), "MP203")] == [DUC]


_DESK_MINISTER = """
name: desk
source_lang: vi
entries:
  - id: person/nguyen-minh-khang
    kind: person
    gender: male
    terms: {vi: Nguyễn Minh Khang, zh: 阮明康}
    roles:
      - {title: title/deputy-minister, from: 2021-04-10}
"""


@pytest.mark.parametrize(
    ("text", "reported"),
    [
        # the head of a department the glossary does not know ("导演部部长": of an
        # exercise's directing department) holds no glossary title; a minister does
        ("演习导演部部长阮明康少将介绍了情况。", False),
        ("外交部部长阮明康会见大使。", True),
        ("部长阮明康会见大使。", True),
    ],
)
def test_mp203_head_of_an_unknown_unit_in_chinese(
    tmp_path: Path, text: str, reported: bool
) -> None:
    (tmp_path / "desk.yaml").write_text(_DESK_MINISTER, encoding="utf-8")
    glossary = load_glossary([SHIPPED, tmp_path / "desk.yaml"])
    article = published("zh-Hans", text, "2023-05-01T00:00:00Z")
    found = check(article, config=Config(select=("MP203",)), glossary=glossary)
    assert [f.excerpt for f in found] == (["部长"] if reported else [])


@pytest.mark.parametrize(
    ("text", "entries"),
    [
        # the title stands before its body and place, then the name
        (f"Chủ tịch UBND tỉnh Hòa Giang {NAMES[DUC]['vi']} phát biểu.", [DUC]),
        (f"Phó Trưởng ban Thường trực Ban Tổ chức Trung ương {NAMES[DUC]['vi']} phát biểu.", []),
        # a title two words before the name, with a word of no entry between, is not its
        (f"Chủ tịch UBND tỉnh gặp {NAMES[DUC]['vi']} hôm qua.", []),
    ],
)
def test_mp203_a_title_before_its_body_and_place_then_the_name(
    text: str, entries: list[str]
) -> None:
    assert [f.entry for f in run(lone("vi", text), "MP203")] == entries


@pytest.mark.parametrize(
    "text",
    [
        # The name is no subject: after "по словам", or the object of a verb before it.
        "По словам {name}, в этом году город принял два миллиона туристов.",
        "Президент поздравил {name} с назначением и выразил надежду на сотрудничество.",
    ],
)
def test_mp204_russian_verbs_of_another_subject(text: str) -> None:
    assert run(lone("ru", text.format(name="Ле Тхи Хонг Ван")), "MP204") == []


# --- MP204: pronouns for people after a name; Spanish words --------------------------------


@pytest.mark.parametrize(
    ("lang", "text", "entry", "word", "fix"),
    [
        # the sentence after one about a person opens with the other gender's pronoun
        (
            "en",
            "Hoang Minh Duc inspected the dyke on Tuesday. She asked for 300 more workers.",
            DUC,
            "She",
            "He",
        ),
        (
            "en",
            "Le Thi Hong Van opened the new hospital wing. He said it has 120 beds.",
            VAN,
            "He",
            "She",
        ),
        (
            "en",
            "Le Thi Hong Van chaired the morning session. He then visited two farms.",
            VAN,
            "He",
            "She",
        ),
        # Chinese: a clause of the person's sentence, or the next sentence
        ("zh", "黄明德在会上表示，她将推动改革。", DUC, "她", "他"),
        ("zh", "黎氏红云视察了医院。他要求增加床位。", VAN, "他", "她"),
        ("zh", "黄明德同志强调，她希望各方合作。", DUC, "她", "他"),
        # an opening phrase before the subject
        (
            "en",
            "On Monday, Hoang Minh Duc inspected the dyke. She asked for workers.",
            DUC,
            "She",
            "He",
        ),
        ("zh", "10月5日，黄明德视察了堤坝。她要求增派工人。", DUC, "她", "他"),
        # a weekday, an acronym and two spaces bring in no one
        (
            "en",
            "Hoang Minh Duc inspected the dyke on Tuesday. She asked for workers.",
            DUC,
            "She",
            "He",
        ),
        (
            "en",
            "Hoang Minh Duc said GDP grew 7 percent.  She added that exports rose.",
            DUC,
            "She",
            "He",
        ),
        (
            "es",
            "Le Thi Hong Van inauguró el hospital. Él dijo que tiene 120 camas.",
            VAN,
            "Él",
            "Ella",
        ),
        # an opening phrase set off by a comma before the subject
        (
            "en",
            "Speaking at the ceremony, Hoang Minh Duc praised the teachers. She said the "
            "school needs 20 more rooms.",
            DUC,
            "She",
            "He",
        ),
        (
            "es",
            "En declaraciones a la prensa, Le Thi Hong Van anunció el plan. Él pidió calma.",
            VAN,
            "Él",
            "Ella",
        ),
        # French and Russian pronouns, before a verb only people do
        (
            "fr",
            "Mme Le Thi Hong Van a inauguré l'hôpital. Il a précisé qu'il compte 120 lits.",
            VAN,
            "Il",
            "Elle",
        ),
        (
            "ru",
            "Хоанг Минь Дык открыл больницу. Она также подчеркнула, что в ней 120 коек.",
            DUC,
            "Она",
            "Он",
        ),
        # Spanish honorifics and title heads
        ("es", "La señora Hoang Minh Duc visitó la fábrica.", DUC, "señora", "señor"),
        ("es", "El Sr. Le Thi Hong Van inauguró el hospital.", VAN, "Sr.", "Sra."),
        (
            "es",
            "Hoang Minh Duc, presidenta del comité de hermanamiento, abrió la sesión.",
            DUC,
            "presidenta",
            "presidente",
        ),
    ],
)
def test_mp204_one_word_disagrees(lang: str, text: str, entry: str, word: str, fix: str) -> None:
    article = lone(lang, text)
    findings = run(article, "MP204")
    assert rows(article, findings) == [("MP204", lang, "blocks", 0, word, entry)]
    assert f"; use '{fix}'" in findings[0].message


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Hoang Minh Duc inspected the dyke on Tuesday. He asked for 300 more workers."),
        ("zh", "黄明德在会上表示，他将推动改革。"),
        ("zh", "黎氏红云视察了医院。她要求增加床位。"),
        # someone else comes in between: an honorific, a name the glossary does not know,
        # a meeting, a gendered noun
        ("en", "Hoang Minh Duc met Ms Tran Thi Mai, the principal. She said classes resume."),
        ("en", "Hoang Minh Duc visited Dong Hoa Primary School. She is its oldest teacher."),
        ("en", "Hoang Minh Duc received the ambassador of Chile. She praised the plan."),
        ("en", "Hoang Minh Duc thanked the nurses, most of them women. She was the first."),
        ("zh", "黄明德会见了智利大使。她表示愿加强合作。"),
        ("zh", "黄明德看望了王女士。她感谢政府的帮助。"),
        # a pronoun two sentences on, or inside a quotation, or the plural
        ("en", "Hoang Minh Duc spoke. The crowd cheered. She left at noon."),
        ("en", 'Hoang Minh Duc said: "The nurse came at dawn. She stayed all day."'),
        ("zh", "黄明德说：“护士一早就来了，她整天都在。”"),
        ("zh", "黄明德表示，他们将推动改革。"),
        # the person named last is not the sentence's subject: the pronoun is not theirs
        (
            "en",
            "Le Thi Hong Van said the court sentenced Hoang Minh Duc to six years. She also upheld the fine.",
        ),
        ("en", "The court sentenced Hoang Minh Duc to six years. She also upheld the fine."),
        ("zh", "黎氏红云宣布判处黄明德有期徒刑六年。她还维持了罚款。"),
        ("zh", "法院判处黄明德有期徒刑六年。她还维持了罚款。"),
        ("es", "Le Thi Hong Van inauguró el hospital. Ella dijo que tiene 120 camas."),
        ("es", "Hoang Minh Duc se reunió con la embajadora de Chile. Ella elogió el plan."),
        ("es", "Hoang Minh Duc visitó la provincia. El plan prevé 120 camas."),
        # French "il", "elle" and Russian "он", "она" stand for things too: only a verb
        # only people do makes them a person
        ("fr", "Mme Le Thi Hong Van a présenté le plan. Il a été adopté en mars."),
        ("fr", "Hoang Minh Duc a inauguré la route. Elle mesure 12 km."),
        ("ru", "Ле Тхи Хонг Ван представила план. Он был принят в марте."),
        ("ru", "Хоанг Минь Дык открыл дорогу. Она протянулась на 12 км."),
        # the person's pronoun, and someone else brought in before it
        ("fr", "Mme Le Thi Hong Van a présenté le plan. Elle a souligné son importance."),
        # a thing's pronoun before a verb things do too (the plan, the delegation)
        ("fr", "Mme Le Thi Hong Van a présenté le projet. Il a également reçu un soutien."),
        ("ru", "Хоанг Минь Дык возглавил делегацию. Она посетила текстильную фабрику."),
        # the opening phrase before the comma names someone else
        (
            "en",
            "The award went to teacher Nguyen Thi Mai, Hoang Minh Duc said. She has taught "
            "for 30 years.",
        ),
        ("ru", "Хоанг Минь Дык встретился с послом. Она подчеркнула важность визита."),
        # a one-word or accented name the glossary does not know, a person's noun, a
        # Vietnamese surname in Chinese; "他人" (others) and "他国" (other countries)
        ("en", "Hoang Minh Duc praised Lan, a nurse at the clinic. She said the work was hard."),
        # names with a capital inside them are names still (codes have two capitals first)
        ("en", "Hoang Minh Duc praised DeSantis at the clinic. She said the work was hard."),
        ("en", "Hoang Minh Duc met Jean-Marie at the clinic. She said the work was hard."),
        ("es", "Hoang Minh Duc visitó la escuela de Ángela Úbeda. Ella dijo que faltan maestros."),
        ("zh", "黄明德表扬了护士陈氏兰，她说工作很辛苦。"),
        ("zh", "黄明德看望了陈氏兰。她感谢政府。"),
        ("zh", "黎氏红云指出，他人的经验值得借鉴。"),
        ("zh", "黎氏红云指出，他国的经验值得借鉴。"),
        # a name that opens with "He"
        ("en", "Hoang Minh Duc met the Chinese delegation. He Lifeng spoke next."),
        # an opening phrase before the pronoun that names someone or somewhere
        ("en", "Hoang Minh Duc opened the school. In Da Nang, she said it was needed."),
        ("en", "Hoang Minh Duc opened the school. After Mai spoke, she thanked the teachers."),
        # French and Russian pronouns also stand for things: not read
        ("fr", "M. Hoang Minh Duc a visité la province. Elle compte un million d'habitants."),
        ("ru", "Хоанг Минь Дык посетил провинцию. Она насчитывает миллион жителей."),
    ],
)
def test_mp204_pronoun_clean(lang: str, text: str) -> None:
    assert run(lone(lang, text), "MP204") == []


@pytest.mark.parametrize(
    ("text", "reported"),
    [
        # words that hold a surname's character but name no one (高温 heat, 泰国 Thailand)
        ("黎氏红云表示，天气高温导致限电。他表示要加强管理。", True),
        ("黎氏红云表示，感谢泰国的支持。他表示要加强管理。", True),
        # a Vietnamese name the glossary does not know may be whom the pronoun is about,
        # and a common word may open one (黎明 is "dawn", and Lê Minh)
        ("黎氏红云会见了陈文安。他表示要加强管理。", False),
        ("黎氏红云表示，黎明凯的贡献很大。他表示要加强管理。", False),
    ],
)
def test_mp204_chinese_words_that_hold_a_surname(text: str, reported: bool) -> None:
    article = lone("zh-Hans", text)
    found = rows(article, run(article, "MP204"))
    assert found == ([("MP204", "zh-Hans", "blocks", 0, "他", VAN)] if reported else [])


@pytest.mark.parametrize(
    ("lang", "blocks", "word", "entry"),
    [
        # a paragraph opening with a pronoun goes on about the last one's subject
        (
            "en",
            ["Le Thi Hong Van opened the new ward.", "He said it has 120 beds."],
            "He",
            VAN,
        ),
        ("zh-Hans", ["黄明德视察了医院。", "她要求增加床位。"], "她", DUC),
        (
            "fr",
            ["Mme Le Thi Hong Van a inauguré le service.", "Il a précisé qu'il compte 120 lits."],
            "Il",
            VAN,
        ),
        (
            "ru",
            ["Хоанг Минь Дык открыл больницу.", "Она подчеркнула, что в ней 120 коек."],
            "Она",
            DUC,
        ),
    ],
)
def test_mp204_a_pronoun_opening_the_next_paragraph(
    lang: str, blocks: list[str], word: str, entry: str
) -> None:
    article = make_article({lang: blocks}, source_lang=lang)
    assert rows(article, run(article, "MP204")) == [("MP204", lang, "blocks", 1, word, entry)]


@pytest.mark.parametrize(
    ("lang", "blocks"),
    [
        # the person's own pronoun
        ("en", ["Le Thi Hong Van opened the new ward.", "She said it has 120 beds."]),
        # the last sentence is not the person's, or someone else comes after them
        ("en", ["Le Thi Hong Van opened the ward. The nurses cheered.", "He said so."]),
        ("en", ["Le Thi Hong Van met Ambassador Tanaka.", "He praised the ward."]),
        # a quotation's "she" is whoever the speaker speaks of
        ("en", ['Le Thi Hong Van said: "The nurse came at dawn.', 'He stayed all day."']),
        # his own pronoun in Chinese
        ("zh-Hans", ["黄明德视察了医院。", "他要求增加床位。"]),
    ],
)
def test_mp204_a_pronoun_opening_the_next_paragraph_clean(lang: str, blocks: list[str]) -> None:
    article = make_article({lang: blocks}, source_lang=lang)
    assert run(article, "MP204") == []


@pytest.mark.parametrize(
    ("lang", "blocks", "word", "entry"),
    [
        # a pronoun right after a quotation attributes it to the subject before it
        (
            "en",
            ['Hoang Minh Duc inspected the dyke. "We need 300 more workers," she said.'],
            "she",
            DUC,
        ),
        (
            "en",
            ["Le Thi Hong Van opened the ward.", '"It has 120 beds and two lifts," he added.'],
            "he",
            VAN,
        ),
        (
            "fr",
            ["Hoang Minh Duc a inspecté la digue. « Il faut 300 ouvriers », a-t-elle déclaré."],
            "elle",
            DUC,
        ),
        (
            "fr",
            ["Mme Le Thi Hong Van a inauguré le service. « Il compte 120 lits », précise-t-il."],
            "il",
            VAN,
        ),
        ("ru", ["Хоанг Минь Дык осмотрел дамбу. «Нужно 300 рабочих», — сказала она."], "она", DUC),
        ("zh-Hans", ["黄明德视察了堤坝。“还需要300名工人，”她说。"], "她", DUC),
        ("zh-Hans", ["黄明德视察了堤坝。", "“还需要300名工人。”她强调。"], "她", DUC),
        (
            "es",
            ["Hoang Minh Duc inspeccionó el dique. «Faltan 300 obreros», dijo ella."],
            "ella",
            DUC,
        ),
    ],
)
def test_mp204_a_pronoun_attributing_a_quotation(
    lang: str, blocks: list[str], word: str, entry: str
) -> None:
    article = make_article({lang: blocks}, source_lang=lang)
    block = len(blocks) - 1
    assert rows(article, run(article, "MP204")) == [("MP204", lang, "blocks", block, word, entry)]


@pytest.mark.parametrize(
    ("lang", "blocks"),
    [
        # the person's own pronoun, whoever the quotation names
        ("en", ['Hoang Minh Duc inspected the dyke. "We need 300 more workers," he said.']),
        ("en", ['Hoang Minh Duc spoke. "Ms Lan and the nurses worked hard," he added.']),
        ("fr", ["Mme Le Thi Hong Van a visité l'usine. « Elle tourne bien », a-t-elle dit."]),
        ("ru", ["Ле Тхи Хонг Ван осмотрела дамбу. «Он выдержит», — сказала она."]),
        ("zh-Hans", ["黄明德视察了堤坝。“她们干得很好，”他说。"]),
        # someone else comes in before the quotation
        ("en", ['Hoang Minh Duc met Ms Tran Thi Mai. "We need workers," she said.']),
        ("en", ['Hoang Minh Duc visited Lan, a nurse. "We need beds," she said.']),
        ("zh-Hans", ["黄明德会见了智利大使。“我们愿加强合作，”她说。"]),
        ("es", ["Hoang Minh Duc recibió a la embajadora. «Gracias», dijo ella."]),
        # the quotation is inside the person's own sentence, or no pronoun attributes it
        ("en", ['Hoang Minh Duc said: "The nurse came at dawn," she recalled.']),
        ("en", ['Hoang Minh Duc inspected the dyke. "She is strong," the engineer said.']),
        ("fr", ["Hoang Minh Duc a inspecté la digue. « Elle tiendra », selon l'ingénieur."]),
    ],
)
def test_mp204_a_pronoun_attributing_a_quotation_clean(lang: str, blocks: list[str]) -> None:
    article = make_article({lang: blocks}, source_lang=lang)
    assert run(article, "MP204") == []


@pytest.mark.parametrize(
    ("lang", "blocks", "word", "entry"),
    [
        # the speaker named after the quotation, the verb first, is the subject
        (
            "ru",
            ["«Мы выполним план», — подчеркнул Хоанг Минь Дык.", "Она поручила ускорить работу."],
            "Она",
            DUC,
        ),
        (
            "en",
            ['"We will meet the plan," said Hoang Minh Duc.', "She asked for more."],
            "She",
            DUC,
        ),
        # any verb of saying ("advised")
        (
            "en",
            ["Le Thi Hong Van inspected the dyke.", '"Stay indoors tonight," he advised.'],
            "he",
            VAN,
        ),
        (
            "es",
            ["«Cumpliremos el plan», dijo Hoang Minh Duc.", "Ella pidió acelerar las obras."],
            "Ella",
            DUC,
        ),
        # a quotation's own full stops end none of the speaker's sentence
        (
            "zh-Hans",
            ["黎氏红云说：“附件要小心。人仍然是最薄弱的环节。”", "他建议加强培训。"],
            "他",
            VAN,
        ),
        (
            "en",
            [
                'Le Thi Hong Van said: "Attachments are risky. People are the weak link."',
                "He urged more.",
            ],
            "He",
            VAN,
        ),
        # 高棉 (Khmer) holds the surname 高 and names no one
        ("zh-Hans", ["黎氏红云走访了高棉族同胞。", "他建议加强培训。"], "他", VAN),
        # a Russian verb of saying before its speaker, after a quotation and its dash
        ("ru", ["«Мы выполним план», — подчеркнула Хоанг Минь Дык."], "подчеркнула", DUC),
        # a decree's code or a brand names no one in between
        (
            "fr",
            [
                "Le Thi Hong Van a indiqué que le projet figure dans la décision 768/QD-TTg.",
                "« Nous tiendrons les délais », a-t-il déclaré.",
            ],
            "il",
            VAN,
        ),
        (
            "en",
            [
                "Le Thi Hong Van said the VNeID app had 20,000 new users.",
                "He added that more routes would follow.",
            ],
            "He",
            VAN,
        ),
    ],
)
def test_mp204_speakers_of_quotations(lang: str, blocks: list[str], word: str, entry: str) -> None:
    article = make_article({lang: blocks}, source_lang=lang)
    block = len(blocks) - 1
    assert rows(article, run(article, "MP204")) == [("MP204", lang, "blocks", block, word, entry)]


@pytest.mark.parametrize(
    ("lang", "text", "word"),
    [
        # "and" between things brings in no one
        (
            "fr",
            "Mme Le Thi Hong Van a inspecté les bateaux et les navires. Il a demandé des contrôles.",
            "Il",
        ),
        ("en", "Le Thi Hong Van inspected the boats and ships. He asked for checks.", "He"),
        # an adjective of a people, capitalized in English, names no one
        ("en", "Le Thi Hong Van said the port serves European markets. He added more.", "He"),
        # nor does a quotation's first word
        ("en", 'Le Thi Hong Van said the road was "Almost done". He added more.', "He"),
        # a preposition and a noun of its own before the name: the name is the subject
        ("ru", "С утра Ле Тхи Хонг Ван посетил завод.", "посетил"),
        ("ru", "Ле Тхи Хонг Ван осмотрела лодки и суда. Он поручил усилить проверки.", "Он"),
        ("ru", "Ле Тхи Хонг Ван осмотрела лодки и суда. Он потребовал усилить проверки.", "Он"),
        # an honorific abbreviated
        ("ru", "«Мы выполним план», — подчеркнул г-жа Ле Тхи Хонг Ван.", "подчеркнул"),
        # an opening word or two and a comma before the pronoun
        ("en", "Le Thi Hong Van opened the school. Currently, he teaches there.", "he"),
        ("es", "Le Thi Hong Van abrió la escuela. Actualmente, él enseña allí.", "él"),
        # a commune, a cooperative named by its place is no one
        ("ru", "Ле Тхи Хонг Ван из общины Эакень выращивает кофе. Он рассказал о планах.", "Он"),
        (
            "en",
            "Le Thi Hong Van, of the Tan Thanh cooperative, grows coffee. He said prices rose.",
            "He",
        ),
        # "No." before a figure ends no sentence: the pronoun opens the next one
        ("en", "Le Thi Hong Van said road No. 5 would open soon. He asked for checks.", "He"),
        ("es", "Le Thi Hong Van inspeccionó los barcos y buques. Él pidió controles.", "Él"),
    ],
)
def test_mp204_a_conjunction_between_things(lang: str, text: str, word: str) -> None:
    article = lone(lang, text)
    assert rows(article, run(article, "MP204")) == [("MP204", lang, "blocks", 0, word, VAN)]


@pytest.mark.parametrize(
    ("lang", "text", "word"),
    [
        # a title in apposition names its body in capitals: no one else
        (
            "fr",
            "Mme Le Thi Hong Van, cheffe adjointe permanente de la Commission, a indiqué que "
            "la pluie venait. Il a souligné le risque d'inondation.",
            "Il",
        ),
        (
            "en",
            "Le Thi Hong Van, Permanent Deputy Head of the Commission, said rain was coming. "
            "He stressed the risk of floods.",
            "He",
        ),
        # ... or a body the glossary does not know: still her own title
        (
            "fr",
            "Mme Le Thi Hong Van, cheffe adjointe permanente du service, a indiqué que la "
            "pluie venait. Il a souligné le risque d'inondation.",
            "Il",
        ),
    ],
)
def test_mp204_a_title_in_apposition_brings_in_no_one(lang: str, text: str, word: str) -> None:
    article = lone(lang, text)
    assert rows(article, run(article, "MP204")) == [("MP204", lang, "blocks", 0, word, VAN)]


@pytest.mark.parametrize(
    "text",
    [
        # someone else comes in with "and" or "with": an honorific, a title of theirs
        "Le Thi Hong Van and Ms Tran Thi Mai inspected the port. She asked for checks.",
        "Le Thi Hong Van toured the port with the Chairman of the Provincial People's "
        "Committee. He asked for checks.",
    ],
)
def test_mp204_a_conjunction_before_someone_else(text: str) -> None:
    assert run(lone("en", text), "MP204") == []


@pytest.mark.parametrize(
    ("lang", "blocks"),
    [
        # "He Lifeng" is a name, not "he"
        (
            "en",
            ['Le Thi Hong Van opened the talks. "We welcome the investment," said He Lifeng.'],
        ),
        ("ru", ["«Мы выполним план», — подчеркнул Хоанг Минь Дык.", "Он поручил ускорить работу."]),
        ("ru", ["«Мы выполним план», — подчеркнул Хоанг Минь Дык."]),
        # the name is not the speaker: someone else said it to them
        ("en", ['"We will meet the plan," said the engineer to Hoang Minh Duc.', "She left."]),
        ("zh-Hans", ["黎氏红云说：“附件要小心。人仍然是最薄弱的环节。”", "她建议加强培训。"]),
    ],
)
def test_mp204_speakers_of_quotations_clean(lang: str, blocks: list[str]) -> None:
    article = make_article({lang: blocks}, source_lang=lang)
    assert run(article, "MP204") == []


@pytest.mark.parametrize(
    ("lang", "blocks", "word"),
    [
        # the person stays the subject over a paragraph that opens with their pronoun
        (
            "en",
            [
                "Le Thi Hong Van opened the new ward.",
                "She said it has 120 beds.",
                '"We will add 40 more next year," he added.',
            ],
            "he",
        ),
        (
            "zh-Hans",
            ["黎氏红云视察了医院。", "她表示，医院有120张床位。", "“明年还将增加40张，”他强调。"],
            "他",
        ),
        # a feast's name brings in no one
        (
            "en",
            [
                "Le Thi Hong Van spoke at the pagoda during this year's Vesak season.",
                "She said it served 5,000 meals.",
                "He added that 300 volunteers helped.",
            ],
            "He",
        ),
        (
            "fr",
            [
                "Mme Le Thi Hong Van a pris la parole pendant la saison du Vesak.",
                "Elle a précisé que la pagode a servi 5 000 repas.",
                "Il a ajouté que 300 bénévoles ont aidé.",
            ],
            "Il",
        ),
        # "多张" counts sheets: no surname Zhang comes in
        (
            "zh-Hans",
            ["黎氏红云介绍了案情。", "她说，该团伙使用了300多张手机卡。", "“他们分工明确，”他说。"],
            "他",
        ),
        (
            "fr",
            [
                "Mme Le Thi Hong Van a inauguré le service.",
                "Elle a précisé qu'il compte 120 lits.",
                "« Nous en ajouterons 40 », a-t-il ajouté.",
            ],
            "il",
        ),
    ],
)
def test_mp204_a_pronoun_two_paragraphs_on(lang: str, blocks: list[str], word: str) -> None:
    article = make_article({lang: blocks}, source_lang=lang)
    assert rows(article, run(article, "MP204")) == [("MP204", lang, "blocks", 2, word, VAN)]


@pytest.mark.parametrize(
    "blocks",
    [
        # her pronoun all along
        [
            "Le Thi Hong Van opened the new ward.",
            "She said it has 120 beds.",
            '"We will add 40 more next year," she added.',
        ],
        # someone else comes in, or a paragraph that is not about her
        [
            "Le Thi Hong Van opened the new ward.",
            "She said Dr. Tran Van Binh would lead it.",
            '"We will add 40 more," he added.',
        ],
        ["Le Thi Hong Van opened the new ward.", "The hospital has 120 beds.", "He added more."],
    ],
)
def test_mp204_a_pronoun_two_paragraphs_on_clean(blocks: list[str]) -> None:
    article = make_article({"en": blocks}, source_lang="en")
    assert run(article, "MP204") == []


def test_mp204_a_headline_is_no_paragraph_before_the_first_block() -> None:
    article = make_article(
        {"en": {"title": "Le Thi Hong Van opens a ward", "blocks": ["He said it has 120 beds."]}},
        source_lang="en",
    )
    assert run(article, "MP204") == []


@pytest.mark.parametrize(
    "text",
    [
        "El señor Hoang Minh Duc visitó la fábrica.",
        "La Sra. Le Thi Hong Van, directora del hospital, inauguró la nueva sala.",
        "Hoang Minh Duc, presidente del comité, recibió a la señora Le Thi Hong Van.",
        # a masculine title for a woman is a house style, not reported
        "Le Thi Hong Van, ministro de Salud, inauguró el hospital.",
    ],
)
def test_mp204_spanish_clean(text: str) -> None:
    assert run(lone("es", text), "MP204") == []


_DESK_SECRETARIES = """
name: desk
source_lang: vi
entries:
  - id: person/tran-van-khoa
    kind: person
    gender: male
    terms: {vi: Trần Văn Khoa, en: Tran Van Khoa}
    roles:
      - {title: title/provincial-party-permanent-deputy-secretary, from: 2021-01-01}
  - id: person/le-van-hai
    kind: person
    gender: male
    terms: {vi: Lê Văn Hải, en: Le Van Hai}
    roles:
      - {title: title/provincial-party-deputy-secretary, from: 2021-01-01}
"""


@pytest.mark.parametrize(
    ("text", "reported"),
    [
        # a Permanent Deputy Secretary is a Deputy Secretary too ("Thường trực" qualifies)
        ("Tran Van Khoa, Deputy Secretary of the Provincial Party Committee, spoke.", []),
        (
            "Tran Van Khoa, Permanent Deputy Secretary of the Provincial Party Committee, spoke.",
            [],
        ),
        # ... not the other way round
        (
            "Le Van Hai, Permanent Deputy Secretary of the Provincial Party Committee, spoke.",
            ["person/le-van-hai"],
        ),
    ],
)
def test_mp203_a_broader_title_of_a_role_held(
    tmp_path: Path, text: str, reported: list[str]
) -> None:
    (tmp_path / "desk.yaml").write_text(_DESK_SECRETARIES, encoding="utf-8")
    glossary = load_glossary([SHIPPED, tmp_path / "desk.yaml"])
    article = published("en", text, "2024-05-01T00:00:00Z")
    found = check(article, config=Config(select=("MP203",)), glossary=glossary)
    assert [f.entry for f in found] == reported


_DESK_SON = """
name: desk
source_lang: vi
entries:
  - id: person/bui-thanh-son
    kind: person
    gender: male
    terms: {vi: Bùi Thanh Sơn, ar: بوي ثانه سون}
    roles:
      - {title: title/minister, from: 2021-04-08}
"""


def test_mp204_a_title_after_the_arabic_and(tmp_path: Path) -> None:
    # "ووزيرة": "and" written against a title that opens with the same letter
    (tmp_path / "desk.yaml").write_text(_DESK_SON, encoding="utf-8")
    glossary = load_glossary([SHIPPED, tmp_path / "desk.yaml"])
    article = published("ar", "حضر الرئيس ووزيرة بوي ثانه سون الاجتماع.", "2024-05-01T00:00:00Z")
    found = check(article, config=Config(select=("MP204",)), glossary=glossary)
    assert [f.excerpt for f in found] == ["وزيرة"]


_DESK_GIANG = """
name: desk
source_lang: vi
entries:
  - id: person/mai-thi-huong-giang
    kind: person
    gender: female
    terms:
      vi: Mai Thị Hương Giang
      es: Mai Thi Huong Giang
      fr: Mai Thi Huong Giang
      ar: ماي ثي هونغ جيانغ
    roles:
      - {title: title/vice-chairman-of-provincial-peoples-committee, from: 2021-07-01}
  - id: title/ambassador
    kind: title
    terms:
      vi: Đại sứ
      es: {preferred: embajador, feminine: embajadora}
      fr: {preferred: ambassadeur, feminine: ambassadrice}
      ar: {preferred: سفير, feminine: سفيرة}
"""


_DESK_FORMER_MINISTER = """
name: desk
source_lang: vi
entries:
  - id: person/cao-van-luc
    kind: person
    gender: male
    terms:
      vi: Cao Văn Lực
      en: Cao Van Luc
      fr: Cao Van Luc
      es: Cao Van Luc
      ru: Као Ван Лык
      ar: كاو فان لوك
      zh: 高文力
    roles:
      - {title: title/minister, org: org/ministry-of-health, from: 2019-07-01, to: 2024-06-09}
"""


@pytest.mark.parametrize(
    ("lang", "text", "reported"),
    [
        # a former minister called minister, the title's complement between it and the name
        ("en", "Minister of Health Cao Van Luc attended the review.", "Minister"),
        ("fr", "Le ministre de la Santé Cao Van Luc a assisté à la réunion.", "ministre"),
        ("es", "El ministro de Salud Cao Van Luc asistió a la reunión.", "ministro"),
        ("zh-Hans", "卫生部部长高文力出席了会议。", "部长"),
        # said to be former, before the title and its body, or after both
        ("en", "Former Minister of Health Cao Van Luc attended the review.", None),
        ("fr", "L'ancien ministre de la Santé Cao Van Luc a assisté à la réunion.", None),
        ("zh-Hans", "原卫生部部长高文力出席了会议。", None),
        ("ar", "وحضر وزير الصحة السابق كاو فان لوك الاجتماع.", None),
        # Arabic: the title in construct state with a complement the glossary does not
        # know, then the name; said to be former after the complement
        ("ar", "وحضر وزير الصحة والسكان كاو فان لوك الاجتماع.", "وزير"),
        ("ar", "وحضر وزير الصحة والسكان السابق كاو فان لوك الاجتماع.", None),
        # ... not past an honorific, which brings in the next person
        ("ar", "والتقى وزير الصحة والرفيق كاو فان لوك بالأطباء.", None),
        # the complement holds another name: the title is that man's; or ends with "and"
        ("en", "Minister of Health Nguyen Thanh Long and Cao Van Luc attended.", None),
        ("en", "Talks were held between the Minister of Health and Cao Van Luc.", None),
        # a word before the title makes it another title, which the glossary may not list
        ("en", "Acting Minister of Health Cao Van Luc attended the review.", None),
        ("zh-Hans", "代部长高文力出席了会议。", None),
    ],
)
def test_mp203_a_former_minister(
    tmp_path: Path, lang: str, text: str, reported: str | None
) -> None:
    found = _mp203_with_a_desk(tmp_path, _DESK_FORMER_MINISTER, lang, text, "2025-07-10")
    assert found == ([reported] if reported else [])


def _mp203_with_a_desk(tmp_path: Path, desk: str, lang: str, text: str, day: str) -> list[str]:
    """Return the excerpts of MP203's findings on a one-block article in ``lang``
    published on ``day``, with the shipped glossary and the ``desk`` one (YAML text)."""
    (tmp_path / "desk.yaml").write_text(desk, encoding="utf-8")
    glossary = load_glossary([SHIPPED, tmp_path / "desk.yaml"])
    article = published(lang, text, f"{day}T00:00:00Z")
    return [
        f.excerpt or "" for f in check(article, config=Config(select=("MP203",)), glossary=glossary)
    ]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # "and" right after the name opens the next person, with the title
        (
            "vi",
            "Phó Chủ tịch UBND tỉnh Mai Thị Hương Giang và Đại sứ Thụy Điển Helena Lindqvist trao giải.",
        ),
        ("ar", "وسلمت ماي ثي هونغ جيانغ وسفيرة السويد هيلينا ليندكفيست الجوائز."),
        # the head of her own title, written alone after it was given in full
        ("es", "En la ceremonia, la vicepresidenta Mai Thi Huong Giang entregó los premios."),
        ("fr", "Lors de la cérémonie, la vice-présidente Mai Thi Huong Giang a remis les prix."),
    ],
)
def test_mp203_titles_that_are_not_another_role(tmp_path: Path, lang: str, text: str) -> None:
    (tmp_path / "desk.yaml").write_text(_DESK_GIANG, encoding="utf-8")
    glossary = load_glossary([SHIPPED, tmp_path / "desk.yaml"])
    article = published(lang, text, "2024-05-01T00:00:00Z")
    assert check(article, config=Config(select=("MP203",)), glossary=glossary) == []


@pytest.mark.parametrize(
    ("lang", "text", "word"),
    [
        # the given name alone, after the full name
        ("fr", "Mme Le Thi Hong Van a ouvert la séance. M. Van a remercié les délégués.", "M."),
        ("ru", "Ле Тхи Хонг Ван открыла заседание. Ван сообщил, что план выполнен.", "сообщил"),
        ("en", "Le Thi Hong Van opened the session. Van said he was proud.", "said he"),
        # honorifics written without a full stop, and declined
        ("en", "Le Thi Hong Van opened the session. Mr Van thanked the delegates.", "Mr"),
        (
            "ru",
            "Ле Тхи Хонг Ван открыла заседание. По словам господина Ван, план выполнен.",
            "господина",
        ),
    ],
)
def test_mp204_a_person_named_again_by_the_given_name(lang: str, text: str, word: str) -> None:
    article = lone(lang, text)
    assert rows(article, run(article, "MP204")) == [("MP204", lang, "blocks", 0, word, VAN)]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # a title of the glossary before the given name is no word of a longer name
        (
            "Le Thi Hong Van opened the session. Deputy Head Van said he was proud.",
            "said he",
        ),
        (
            "Le Thi Hong Van opened the session. Deputy Head Van said the plan was on track. "
            "He thanked the delegates.",
            "He",
        ),
    ],
)
def test_mp204_a_person_named_again_by_title_and_given_name(text: str, word: str) -> None:
    article = lone("en", text)
    assert rows(article, run(article, "MP204")) == [("MP204", "en", "blocks", 0, word, VAN)]


def test_mp204_a_man_called_mme_by_the_given_name() -> None:
    # "Mme", the French honorific, has no full stop: no word of a longer name
    article = lone("fr", "M. Hoang Minh Duc a ouvert la séance. Selon Mme Duc, le plan avance.")
    assert rows(article, run(article, "MP204")) == [("MP204", "fr", "blocks", 0, "Mme", DUC)]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "Mme Le Thi Hong Van a ouvert la séance. Mme Van a remercié les délégués."),
        ("en", "Le Thi Hong Van opened the session. Ms Van thanked the delegates."),
        ("ru", "Ле Тхи Хонг Ван открыла заседание. По словам госпожи Ван, план выполнен."),
        ("ru", "Ле Тхи Хонг Ван открыла заседание. Ван сообщила, что план выполнен."),
        # the word inside another, longer name; before the full name; or in Arabic, where
        # "فان" (Văn) is half the men's middle names
        ("ru", "Ле Тхи Хонг Ван открыла заседание. Нгуен Ван Ан сообщил, что план выполнен."),
        ("fr", "Mme Le Thi Hong Van a ouvert la séance. M. Nguyen Van An a remercié les délégués."),
        ("en", "Van said he was proud. Le Thi Hong Van opened the session."),
        ("ar", "افتتحت لي ثي هونغ فان الجلسة. وقال فان إن الخطة نفذت."),
    ],
)
def test_mp204_a_given_name_that_is_someone_else(lang: str, text: str) -> None:
    assert run(lone(lang, text), "MP204") == []


_DESK_PROCURATOR = """
name: desk
source_lang: vi
entries:
  - id: title/chief-procurator-x
    kind: title
    terms:
      vi: Viện trưởng Viện Kiểm sát nhân dân tỉnh
      en: Chief Procurator of the Provincial People's Procuracy
      fr: procureur en chef du Parquet populaire provincial
  - id: title/procurator-x
    kind: title
    terms: {vi: Kiểm sát viên, en: Procurator, fr: procureur}
  - id: person/do-van-hau-x
    kind: person
    gender: male
    terms: {vi: Đỗ Văn Hậu, en: Do Van Hau, fr: Do Van Hau}
    roles:
      - {title: title/chief-procurator-x, from: 2020-01-01}
"""


@pytest.mark.parametrize(
    ("lang", "text", "reported"),
    [
        # the title he holds, the province's name inside it: "Procurator" is part of it
        (
            "en",
            "Chief Procurator of the Long An Provincial People's Procuracy Do Van Hau "
            "presented the charges.",
            None,
        ),
        # a title he does not hold, alone before his name
        ("en", "Procurator Do Van Hau presented the charges.", "Procurator"),
        ("fr", "Le procureur Do Van Hau a présenté l'acte d'accusation.", "procureur"),
    ],
)
def test_mp203_a_held_title_with_a_place_inside_it(
    tmp_path: Path, lang: str, text: str, reported: str | None
) -> None:
    found = _mp203_with_a_desk(tmp_path, _DESK_PROCURATOR, lang, text, "2026-05-20")
    assert found == ([reported] if reported else [])


@pytest.mark.parametrize(
    ("lang", "text", "word", "entry"),
    [
        # a role noun right before the name is that person's: the name opens the sentence
        ("en", "The lawyer Hoang Minh Duc filed the appeal. She asked for a retrial.", "She", DUC),
        (
            "fr",
            "L'avocat Hoang Minh Duc a déposé un recours. Elle a demandé un nouveau procès.",
            "Elle",
            DUC,
        ),
        (
            "es",
            "La diputada Hoang Minh Duc presentó el proyecto. Ella pidió más fondos.",
            "Ella",
            DUC,
        ),
        (
            "es",
            "El abogado Le Thi Hong Van recurrió la sentencia. Él pidió un nuevo juicio.",
            "Él",
            VAN,
        ),
        # after "according to X", what X says is still X's, "il" after it too (unless
        # someone else does what the sentence says: see the clean cases)
        (
            "fr",
            "Selon Mme Le Thi Hong Van, 1 900 clients remplissent ce critère. Il a indiqué "
            "que la liste sera publiée.",
            "Il",
            VAN,
        ),
        # ... her own role in apposition is no one else
        (
            "fr",
            "Selon Mme Le Thi Hong Van, directrice de la recherche, les capitaux affluent "
            "depuis que la banque a maintenu son taux directeur. Il a ajouté que la liste sera "
            "publiée.",
            "Il",
            VAN,
        ),
        # ... and, in Russian, with its complement in an oblique case
        (
            "ru",
            "Министр финансов Хоанг Минь Дык представил бюджет. Она подчеркнула, что он сбалансирован.",
            "Она",
            DUC,
        ),
        (
            "ru",
            "Вчера заместитель председателя народного суда Хоанг Минь Дык открыл заседание. "
            "Она подчеркнула его значение.",
            "Она",
            DUC,
        ),
    ],
)
def test_mp204_a_role_noun_before_the_name(lang: str, text: str, word: str, entry: str) -> None:
    article = lone(lang, text)
    assert rows(article, run(article, "MP204")) == [("MP204", lang, "blocks", 0, word, entry)]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # a relative or a role "of" someone is someone else: the pronoun is theirs
        ("en", "The wife of Hoang Minh Duc filed the appeal. She asked for a retrial."),
        ("en", "The lawyer for Hoang Minh Duc filed the appeal. She asked for a retrial."),
        ("fr", "L'avocate de Hoang Minh Duc a déposé un recours. Elle a demandé un report."),
        ("es", "La esposa de Hoang Minh Duc presentó el recurso. Ella pidió un nuevo juicio."),
        # a Russian relative's name, undeclined, is not the subject of the verb after it
        ("ru", "Вчера жена Хоанг Минь Дык открыла больницу. Она подчеркнула её значение."),
        # a word that is no role noun before the name
        ("en", "The court sentenced Hoang Minh Duc to six years. She also upheld the fine."),
        ("ru", "Суд приговорил Хоанг Минь Дык к шести годам. Она также подчеркнула это."),
        # a role noun and its verb: the name is the object ("the doctor examined X")
        ("ru", "Врач осмотрела Хоанг Минь Дык в больнице. Она подчеркнула, что состояние тяжёлое."),
        ("ru", "Адвокат защищала Хоанг Минь Дык в суде. Она подчеркнула, что он невиновен."),
        ("ru", "Врач помогла Хоанг Минь Дык. Она сказала, что всё хорошо."),
        # a preposition opens the phrase: the name is no subject ("according to X")
        (
            "fr",
            "Selon l'avocat Hoang Minh Duc, la directrice a menti. Elle a souligné que tout "
            "était faux.",
        ),
        ("es", "Según el abogado Hoang Minh Duc, la alcaldesa mintió. Ella dijo que era falso."),
        (
            "en",
            "For the farmer Hoang Minh Duc, the mayor's decision was a blow. She had promised help.",
        ),
        ("en", "According to Hoang Minh Duc, the mayor lied. She said the case was closed."),
        # a relative opening the sentence: the pronoun is the relative's
        ("ru", "Жена Хоанг Минь Дык открыла больницу. Она подчеркнула её значение."),
    ],
)
def test_mp204_a_role_noun_before_the_name_clean(lang: str, text: str) -> None:
    assert run(lone(lang, text), "MP204") == []


@pytest.mark.parametrize(
    ("lang", "text", "word", "entry"),
    [
        # a preposition of an earlier phrase is not the name's
        (
            "fr",
            "À Paris, Mme Le Thi Hong Van a déclaré que le ministre viendra. Il a ajouté que "
            "tout va bien.",
            "Il",
            VAN,
        ),
        (
            "en",
            "From Paris, Le Thi Hong Van said the minister would come. He added that all was well.",
            "He",
            VAN,
        ),
        # genitives ending like a past tense are a role noun's complement still
        (
            "ru",
            "Министр промышленности и торговли Хоанг Минь Дык открыл выставку. Она "
            "подчеркнула её значение.",
            "Она",
            DUC,
        ),
        (
            "ru",
            "Заместитель посла Хоанг Минь Дык открыл выставку. Она подчеркнула её значение.",
            "Она",
            DUC,
        ),
    ],
)
def test_mp204_the_phrase_right_before_the_name(
    lang: str, text: str, word: str, entry: str
) -> None:
    article = lone(lang, text)
    assert rows(article, run(article, "MP204")) == [("MP204", lang, "blocks", 0, word, entry)]


def test_mp204_an_oblique_title_with_adjectives_after_s() -> None:
    # "с председателем народного комитета провинции X": X is no subject of "провела"
    text = (
        "Губернатор Нгуен встретилась с председателем народного комитета провинции Хоанг Минь "
        "Дык и провела переговоры."
    )
    assert run(lone("ru", text), "MP204") == []


@pytest.mark.parametrize(
    ("text", "word", "entry"),
    [
        # a time phrase with an adjective before the name leaves it the verb's subject
        ("С нового года Хоанг Минь Дык открыла новую больницу.", "открыла", DUC),
        ("С учётом этого Хоанг Минь Дык предложила новый план.", "предложила", DUC),
        # a relative after a possessive is the name: "her husband X"
        ("Её муж Хоанг Минь Дык рассказала журналистам о случившемся.", "рассказала", DUC),
        ("Его жена Ле Тхи Хонг Ван открыл больницу.", "открыл", VAN),
    ],
)
def test_mp204_russian_subjects_after_a_phrase(text: str, word: str, entry: str) -> None:
    article = lone("ru", text)
    assert rows(article, run(article, "MP204")) == [("MP204", "ru", "blocks", 0, word, entry)]


_DESK_LAN = """
name: desk
source_lang: vi
entries:
  - id: person/tran-thi-lan
    kind: person
    gender: female
    terms: {vi: Trần Thị Lan, en: Tran Thi Lan, ar: تران ثي لان}
  - id: person/pham-van-an
    kind: person
    gender: male
    terms: {vi: Phạm Văn An, en: Pham Van An, ar: فام فان آن}
"""


@pytest.mark.parametrize(
    ("first", "reported"),
    [
        # The title's words, with a place inside them the glossary's form has no slot
        # for as written, bring in no one: the next paragraph's "He" is about her.
        (
            "Tran Thi Lan, Vice Chairwoman of the Quang Ninh Provincial People's Committee, "
            "opened the session.",
            True,
        ),
        # a name in the apposition, or words of no title: someone else may be "he"
        ("Tran Thi Lan, Vice Chairwoman Pham Van An and the staff opened the session.", False),
        (
            "Tran Thi Lan, whose deputy Minh chairs the People's Committee, opened the session.",
            False,
        ),
    ],
)
def test_mp204_a_title_in_apposition_is_the_person_s_own(
    tmp_path: Path, first: str, reported: bool
) -> None:
    (tmp_path / "desk.yaml").write_text(_DESK_LAN, encoding="utf-8")
    glossary = load_glossary([SHIPPED, tmp_path / "desk.yaml"])
    blocks = [first, "He said the province would build 40 schools."]
    article = make_article({"en": blocks}, source_lang="en")
    found = check(article, config=Config(select=("MP204",)), glossary=glossary)
    assert [f.excerpt for f in found] == (["He"] if reported else [])


@pytest.mark.parametrize(
    ("text", "reported"),
    [
        # an accepted form whose words are the other gender's is judged as the house
        # forms are: "نائب" (m.) for a woman, "نائبة" (f.) for a man
        ("وتحدثت نائب رئيس اللجنة الشعبية للمقاطعة تران ثي لان في الاجتماع.", True),
        ("وتحدثت نائبة رئيس اللجنة الشعبية للمقاطعة تران ثي لان في الاجتماع.", False),
        ("وتحدث نائبة رئيس اللجنة الشعبية للمقاطعة فام فان آن في الاجتماع.", True),
        ("وتحدث نائب رئيس اللجنة الشعبية للمقاطعة فام فان آن في الاجتماع.", False),
    ],
)
def test_mp204_an_accepted_title_form_of_the_other_gender(
    tmp_path: Path, text: str, reported: bool
) -> None:
    (tmp_path / "desk.yaml").write_text(_DESK_LAN, encoding="utf-8")
    glossary = load_glossary([SHIPPED, tmp_path / "desk.yaml"])
    found = check(lone("ar", text), config=Config(select=("MP204",)), glossary=glossary)
    assert len(found) == (1 if reported else 0)
    if reported:
        assert found[0].excerpt.startswith(("نائب ", "نائبة "))


_DESK_ASSOCIATION = """
name: desk
source_lang: vi
entries:
  - id: title/association-secretary-general
    kind: title
    terms:
      vi: Tổng Thư ký Hiệp hội Thủy sản
      ru: Генеральный секретарь Ассоциации рыбной отрасли
      ar: {preferred: الأمين العام لجمعية صناعة الأسماك, feminine: الأمينة العامة لجمعية صناعة الأسماك}
  - id: person/dang-thi-hong-van
    kind: person
    gender: female
    terms: {vi: Đặng Thị Hồng Vân, ru: Данг Тхи Хонг Ван, ar: دانغ ثي هونغ فان}
    roles:
      - {title: title/association-secretary-general, org: org/fishery-association, from: 2020-01-01}
  - id: org/fishery-association
    kind: organization
    terms: {vi: Hiệp hội Thủy sản, ru: {preferred: Ассоциация рыбной отрасли, accepted: [АРО]}}
"""


@pytest.mark.parametrize(
    ("lang", "text", "reported"),
    [
        # the first words of a title she holds are hers, whichever title they also are
        ("ru", "Генеральный секретарь Данг Тхи Хонг Ван рассказала об экспорте.", False),
        ("ar", "وقالت الأمينة العامة دانغ ثي هونغ فان إن الصادرات ارتفعت.", False),
        ("ar", "وقالت الأمينة العامة للجمعية دانغ ثي هونغ فان إن الصادرات ارتفعت.", False),
        ("ru", "Генеральный секретарь АРО Данг Тхи Хонг Ван рассказала об экспорте.", False),
        # the Party's title in full is another one, whatever completes it
        ("ru", "Генеральный секретарь ЦК КПВ Данг Тхи Хонг Ван рассказала об экспорте.", True),
        ("ar", "وقالت الأمينة العامة للحزب دانغ ثي هونغ فان إن الصادرات ارتفعت.", True),
    ],
)
def test_mp203_the_first_words_of_a_held_title(
    tmp_path: Path, lang: str, text: str, reported: bool
) -> None:
    (tmp_path / "desk.yaml").write_text(_DESK_ASSOCIATION, encoding="utf-8")
    glossary = load_glossary([SHIPPED, tmp_path / "desk.yaml"])
    article = published(lang, text, "2025-05-01T00:00:00Z")
    found = check(article, config=Config(select=("MP203",)), glossary=glossary)
    assert bool(found) is reported


# A title of one who died: "the late President" held it before, as a former one did.
LATE = {
    "vi": "Cố Chủ tịch UBND tỉnh {name} được truy tặng huân chương.",
    "ar": "ومنح رئيس اللجنة الشعبية الإقليمية الراحل {name} وساما.",
    "ru": "Покойный председатель провинциального народного комитета {name} награждён посмертно.",
    "zh": "已故省人民委员会主席{name}被追授勋章。",
    "en": "The late Chairman of the Provincial People's Committee {name} was honoured.",
    "fr": "Le défunt président du Comité populaire provincial {name} a été décoré.",
}


@pytest.mark.parametrize("lang", LANGS)
def test_mp203_a_late_holders_title_is_a_role_held_before(lang: str) -> None:
    text = LATE[lang].format(name=NAMES[DUC][lang])
    assert run(lone(lang, text), "MP203") == []


def test_mp203_chinese_former_words_and_the_words_they_end() -> None:
    name = NAMES[DUC]["zh"]
    assert run(lone("zh", f"前省人民委员会主席{name}在会上讲话。"), "MP203") == []
    # 向 ("towards") before 已故 is no word of it: "向已故..." is towards the late one
    assert run(lone("zh", f"代表团向已故省人民委员会主席{name}献花。"), "MP203") == []
    for other in ("此前", "会前"):
        found = run(lone("zh", f"{other}省人民委员会主席{name}在会上讲话。"), "MP203")
        assert [f.entry for f in found] == [DUC]


@pytest.mark.parametrize(
    ("lang", "blocks", "expected"),
    [
        # the name set off by Arabic commas after its title
        (
            "ar",
            ["وأوضحت نائبة الأمين الدائم للجنة الحزب الإقليمية، هوانغ مينه دوك، أن العمل مستمر."],
            "نائبة الأمين الدائم للجنة الحزب الإقليمية",
        ),
        # a French title's complement opened by "des" or "du" before the name
        (
            "fr",
            [
                "La cheffe adjointe permanente des Affaires Intérieures Le Thi Hong Van a parlé.",
                "« Le chantier avance », a-t-il déclaré.",
            ],
            "il",
        ),
        (
            "fr",
            [
                "La cheffe adjointe permanente du Commerce Le Thi Hong Van a parlé.",
                "« Le chantier avance », a-t-il déclaré.",
            ],
            "il",
        ),
    ],
)
def test_mp204_titles_before_a_name_in_more_of_their_shapes(
    lang: str, blocks: list[str], expected: str
) -> None:
    article = make_article({lang: blocks}, source_lang=lang)
    assert [f.excerpt for f in run(article, "MP204")] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        # the title after "and" opens the next person's name: it is hers, not his
        "التقى {duc}، رئيس اللجنة، ونائبة الأمين الدائم للجنة الحزب الإقليمية {van} بالوفد.",
        "التقى {duc}، رئيس اللجنة، ونائبة الأمين الدائم للجنة الحزب الإقليمية السابقة {van} بالوفد.",
        # ... past a complement the glossary does not know, and a former-word
        "التقى {duc}، رئيس اللجنة، ونائبة الأمين الدائم لشؤون الحرب ومعاقي العمل السابقة {van} بالوفد.",
    ],
)
def test_mp203_mp204_a_title_in_a_chain_that_opens_the_next_name(text: str) -> None:
    article = lone("ar", text.format(duc=NAMES[DUC]["ar"], van="لي ثي هونغ فان"))
    assert [f.entry for f in run(article, "MP204")] == []
    assert DUC not in [f.entry for f in run(article, "MP203")]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "ru",
            "Ле Тхи Хонг Ван сказала, что Хоанг Минь Дык был примером. «Товарищ Хоанг Минь Дык "
            "оставил нам урок», — сказала она.",
        ),
        (
            "en",
            'Le Thi Hong Van said Hoang Minh Duc was a model. "Comrade Hoang Minh Duc left us a '
            'lesson," she said.',
        ),
    ],
)
def test_mp204_a_name_inside_a_quotation_is_not_its_speaker(lang: str, text: str) -> None:
    assert run(lone(lang, text), "MP204") == []


_JURY_DESK = """name: desk
source_lang: vi
entries:
  - id: title/president
    kind: title
    terms:
      vi: Chủ tịch nước
      en: President
      fr: {preferred: président, feminine: présidente}
      es: {preferred: presidente, feminine: presidenta}
  - id: title/writers-vice-chair
    kind: title
    terms: {vi: Phó Chủ tịch Hội Nhà văn, en: Vice Chair of the Writers' Association}
  - id: person/ngo-thi-thuy
    kind: person
    gender: female
    terms: {vi: Ngô Thị Thủy, en: Ngo Thi Thuy, fr: Ngo Thi Thuy, es: Ngo Thi Thuy}
    roles:
      - {title: title/writers-vice-chair, from: 2020-01-01}
"""


@pytest.mark.parametrize(
    ("lang", "text", "reported"),
    [
        # the head of a title of something the glossary does not know: another title
        ("fr", "Ngo Thi Thuy, présidente du jury, a parlé.", False),
        ("es", "Ngo Thi Thuy, presidenta del jurado, habló.", False),
        ("en", "Ngo Thi Thuy, President of the jury, spoke.", False),
        # the title itself, or of a country, is the glossary's
        ("fr", "Ngo Thi Thuy, présidente, a parlé.", True),
        ("en", "Ngo Thi Thuy, President of Vietnam, spoke.", True),
        ("en", "Ngo Thi Thuy, President of the country, spoke.", True),
        ("en", "Ngo Thi Thuy, President of the state-owned group, spoke.", False),
        ("fr", "Ngo Thi Thuy, présidente du pays, a parlé.", True),
    ],
)
def test_mp203_a_one_word_title_of_something_unknown(
    tmp_path: Path, lang: str, text: str, reported: bool
) -> None:
    (tmp_path / "desk.yaml").write_text(_JURY_DESK, encoding="utf-8")
    glossary = load_glossary(tmp_path / "desk.yaml")
    found = check(lone(lang, text), glossary=glossary, config=Config(select=("MP203",)))
    assert bool(found) is reported


def test_mp203_a_complement_with_commas_inside_its_name() -> None:
    # "of Labour, War Invalids and Social Affairs": the commas are the body's name's
    text = (
        "Attending were Hoang Minh Duc and Permanent Deputy Head of Labour, War Invalids "
        "and Social Affairs Le Thi Hong Van."
    )
    assert [f.entry for f in run(lone("en", text), "MP203")] == [VAN]
    # a comma that sets the name off is no part of a name
    text = "Hoang Minh Duc met the Permanent Deputy Head of Labour, Le Thi Hong Van."
    assert VAN not in [f.entry for f in run(lone("en", text), "MP203")]


_POLICE_DESK = """name: desk
source_lang: vi
entries:
  - id: title/police-director
    kind: title
    terms:
      vi: {preferred: Giám đốc Công an tỉnh, accepted: [Giám đốc Công an tỉnh …]}
      en: {preferred: Director of the Provincial Police, accepted: ["Director of the … Provincial Police"]}
      ar: {preferred: مدير شرطة المقاطعة, feminine: مديرة شرطة المقاطعة, accepted: [مدير شرطة مقاطعة …, مديرة شرطة مقاطعة …]}
      ru: {preferred: начальник полиции провинции, accepted: [начальник полиции провинции …]}
  - id: title/police-deputy-director
    kind: title
    terms:
      vi: {preferred: Phó Giám đốc Công an tỉnh, accepted: [Phó Giám đốc Công an tỉnh …]}
      en: {preferred: Deputy Director of the Provincial Police, accepted: ["Deputy Director of the … Provincial Police"]}
      zh: {preferred: 省公安厅副厅长, accepted: [… 省公安厅副厅长]}
  - id: place/ha-giang
    kind: place
    terms: {vi: Hà Giang, zh: 河江省}
  - id: person/lo-van-sang
    kind: person
    gender: male
    terms: {vi: Lò Văn Sáng, en: Lo Van Sang, ar: لو فان سانغ, ru: Ло Ван Санг, zh: 罗文创}
    roles:
      - {title: title/police-director, from: 2022-01-01}
  - id: person/bui-thi-lan
    kind: person
    gender: female
    terms: {vi: Bùi Thị Lan, en: Bui Thi Lan, ar: بوي ثي لان, ru: Буй Тхи Лан}
    roles:
      - {title: title/police-director, from: 2022-01-01}
"""


@pytest.mark.parametrize(
    ("lang", "text", "code", "expected"),
    [
        # a title with its place inside, right before the name: a former one
        (
            "en",
            "Deputy Director of the Ha Giang Provincial Police Lo Van Sang spoke.",
            "MP203",
            ["person/lo-van-sang"],
        ),
        ("en", "Director of the Ha Giang Provincial Police Lo Van Sang spoke.", "MP203", []),
        # without spaces, the slot opens at the place: not at the sentence's start
        ("zh-Hans", "昨天会见了河江省公安厅副厅长罗文创。", "MP203", ["person/lo-van-sang"]),
        # ... and the title of the other gender, the fix with the place in it
        (
            "ar",
            "وقال مدير شرطة مقاطعة ها جيانغ بوي ثي لان إن التحقيق مستمر.",
            "MP204",
            # ... and the verb before the title, which is hers too
            ["use 'قالت'", "use 'مديرة شرطة مقاطعة ها جيانغ'"],
        ),
        # the place's slot ends before the name: the verb is still hers
        (
            "ru",
            "Начальник полиции провинции Хазянг Буй Тхи Лан сообщил об этом.",
            "MP204",
            ["use 'сообщила'"],
        ),
    ],
)
def test_titles_with_their_place_inside_before_a_name(
    tmp_path: Path, lang: str, text: str, code: str, expected: list[str]
) -> None:
    (tmp_path / "desk.yaml").write_text(_POLICE_DESK, encoding="utf-8")
    glossary = load_glossary(tmp_path / "desk.yaml")
    article = published(lang, text, "2025-03-16T08:00:00+07:00")
    found = check(article, glossary=glossary, config=Config(select=(code,)))
    if code == "MP203":
        assert [f.entry for f in found] == expected
    else:
        assert [f.message.rpartition("; ")[2] for f in found] == expected


@pytest.mark.parametrize(
    ("vi", "ar", "reported"),
    [
        # verb first: the President awarded her; the source gives her no title
        (
            "Chủ tịch UBND tỉnh trao bằng khen cho bà Lê Thị Hồng Vân.",
            "منح رئيس اللجنة الشعبية الإقليمية لي ثي هونغ فان شهادة تقدير.",
            False,
        ),
        # the source gives her the title: its masculine form is hers, and wrong
        (
            "Chủ tịch UBND tỉnh Lê Thị Hồng Vân trao bằng khen.",
            "منح رئيس اللجنة الشعبية الإقليمية لي ثي هونغ فان شهادات تقدير.",
            True,
        ),
    ],
)
def test_mp204_a_title_the_source_gives_someone_else(vi: str, ar: str, reported: bool) -> None:
    article = make_article({"vi": [vi], "ar": [ar]})
    found = [f for f in run(article, "MP204") if f.lang == "ar"]
    assert bool(found) is reported


def test_mp203_a_title_the_source_gives_another_person_is_a_swap() -> None:
    # the source's chairwoman is Van; the translation gives Duc her title: reported
    article = make_article(
        {
            "vi": ["Chủ tịch UBND tỉnh Lê Thị Hồng Vân và ông Hoàng Minh Đức dự họp."],
            "en": [
                "Chairman of the Provincial People's Committee Hoang Minh Duc and Le Thi Hong "
                "Van attended."
            ],
        }
    )
    assert DUC in [f.entry for f in run(article, "MP203") if f.lang == "en"]


@pytest.mark.parametrize(
    ("lang", "blocks", "expected"),
    [
        # a place's name between the person and the pronoun is no one it may be about
        (
            "en",
            ["Le Thi Hong Van said the line will reach Thu Thiem station.", "He added more."],
            ["He"],
        ),
        (
            "ru",
            [
                "Хоанг Минь Дык сообщил, что поездка от станции Тхутхием займёт час.",
                "«Стройка начнётся в 2028 году», — сказала она.",
            ],
            ["она"],
        ),
        # ... a person's name is
        (
            "en",
            ["Le Thi Hong Van said the line will reach Tran Van Nam's house.", "He added more."],
            [],
        ),
    ],
)
def test_mp204_a_place_between_the_name_and_the_pronoun(
    lang: str, blocks: list[str], expected: list[str]
) -> None:
    article = make_article({lang: blocks}, source_lang=lang)
    assert [f.excerpt for f in run(article, "MP204")] == expected


@pytest.mark.parametrize(
    ("lang", "text", "code"),
    [
        # a Vietnamese surname opens a person's name, not a place's
        (
            "ru",
            "Хоанг Минь Дык и глава района Ле Тхи Хонг Ван осмотрели стройку. Она "
            "подчеркнула значение плана.",
            "MP204",
        ),
        (
            "en",
            "Hoang Minh Duc visited Le Thi Hong Van's village. She said the harvest was poor.",
            "MP204",
        ),
    ],
)
def test_people_from_review(lang: str, text: str, code: str) -> None:
    assert run(lone(lang, text), code) == []


@pytest.mark.parametrize(
    ("lang", "text", "word"),
    [
        # a woman of four names is named again by her last two ("Hong Van"), in news style
        (
            "en",
            "Le Thi Hong Van opened the school on Monday. Hong Van said he was proud of it.",
            "said he",
        ),
        ("ru", "Ле Тхи Хонг Ван открыла школу. Хонг Ван рассказал о планах.", "рассказал"),
    ],
)
def test_mp204_a_woman_named_again_by_her_last_two_names(lang: str, text: str, word: str) -> None:
    article = lone(lang, text)
    assert rows(article, run(article, "MP204")) == [("MP204", lang, "blocks", 0, word, VAN)]


@pytest.mark.parametrize(
    ("lang", "text", "word"),
    [
        # a person noun said of the subject is the subject, no one else
        ("en", "Le Thi Hong Van is a teacher. He has taught for 27 years.", "He"),
        ("es", "Le Thi Hong Van es maestra. Él lleva 27 años enseñando.", "Él"),
        ("fr", "Mme Le Thi Hong Van est enseignante. Il a souligné ses 27 années.", "Il"),
        # ... and so is one against the name, in Chinese: teacher Van
        ("zh-Hans", "黎氏红云老师教孩子读书。他已执教27年。", "他"),
    ],
)
def test_mp204_a_person_noun_said_of_the_subject(lang: str, text: str, word: str) -> None:
    article = lone(lang, text)
    assert rows(article, run(article, "MP204")) == [("MP204", lang, "blocks", 0, word, VAN)]


@pytest.mark.parametrize(
    "text",
    [
        # the teacher is someone else where nothing says it of her
        "Le Thi Hong Van thanked a teacher. He has taught for 27 years.",
        "Le Thi Hong Van visited the school where the teacher works. He has taught for years.",
    ],
)
def test_mp204_a_person_noun_not_said_of_the_subject(text: str) -> None:
    article = lone("en", text)
    assert run(article, "MP204") == []


@pytest.mark.parametrize(
    ("blocks", "reported"),
    [
        # her pronoun opens the sentences after her name: the next paragraph's is hers too
        (
            [
                "Le Thi Hong Van said heavy rain would fall. She warned that floods could follow.",
                "He also said this was the fourth storm this year.",
            ],
            [("MP204", "en", "blocks", 1, "He", VAN)],
        ),
        # ... not where a sentence in between opens otherwise
        (
            [
                "Le Thi Hong Van said heavy rain would fall. The chairman warned of floods.",
                "He also said this was the fourth storm this year.",
            ],
            [],
        ),
        # the next paragraph's opening words before its pronoun: a name brings in someone
        (
            ["Le Thi Hong Van opened the school.", "Later, he thanked the teachers."],
            [("MP204", "en", "blocks", 1, "he", VAN)],
        ),
        (["Le Thi Hong Van opened the school.", "After Minh spoke, he thanked them."], []),
        # a quotation's speaker after it, its commas and capitals hers ("GDP", "Storm")
        (
            [
                "“Storm No. 3 caused losses of 81 trillion dong, cutting GDP growth by a "
                "sixth of a point,” Le Thi Hong Van said.",
                "He said growth could still reach 7 percent.",
            ],
            [("MP204", "en", "blocks", 1, "He", VAN)],
        ),
    ],
)
def test_mp204_her_pronoun_carried_over_her_own_sentences(
    blocks: list[str], reported: list[tuple[str, str, str, int, str, str]]
) -> None:
    article = make_article({"en": blocks}, source_lang="en")
    assert rows(article, run(article, "MP204")) == reported


@pytest.mark.parametrize(
    ("vi", "ar", "reported"),
    [
        # verb, subject, object: the Egyptian prime minister after the minister's name is
        # the object, as the source says ("hội kiến Thủ tướng Ai Cập")
        (
            "Bộ trưởng Bùi Thanh Sơn đã hội kiến Thủ tướng Ai Cập.",
            "والتقى الوزير بوي ثانه سون رئيس الوزراء المصري.",
            [],
        ),
        # ... in apposition, the title is his, and not one he holds
        (
            "Bộ trưởng Bùi Thanh Sơn đã gặp đoàn đại biểu.",
            "والتقى بوي ثانه سون، رئيس الوزراء، الوفد.",
            ["title/prime-minister"],
        ),
    ],
)
def test_mp203_arabic_object_after_the_subject(
    tmp_path: Path, vi: str, ar: str, reported: list[str]
) -> None:
    (tmp_path / "desk.yaml").write_text(_DESK_SON, encoding="utf-8")
    glossary = load_glossary([SHIPPED, tmp_path / "desk.yaml"])
    article = make_article({"vi": [vi], "ar": [ar]})
    found = check(article, config=Config(select=("MP203",)), glossary=glossary)
    assert [title for f in found for title in reported if f"({title})" in f.message] == reported
    assert len(found) == len(reported)


@pytest.mark.parametrize(
    ("blocks", "reported"),
    [
        # in Arabic, a given name alone right after an honorific, clitics before it
        (
            ["ترأس السيد هوانغ مينه دوك الاجتماع.", "ووفقا للسيدة دوك، ستبدأ الأعمال قريبا."],
            [("MP204", "ar", "blocks", 1, "لسيدة", DUC)],
        ),
        (["ترأس السيد هوانغ مينه دوك الاجتماع.", "ووفقا للسيد دوك، ستبدأ الأعمال قريبا."], []),
        # ... not without one: a word of the script without capitals may be anything
        (["ترأس السيد هوانغ مينه دوك الاجتماع.", "وقالت دوك إن الأعمال ستبدأ قريبا."], []),
    ],
)
def test_mp204_arabic_given_name_after_an_honorific(
    blocks: list[str], reported: list[tuple[str, str, str, int, str, str]]
) -> None:
    article = make_article({"ar": blocks}, source_lang="ar")
    assert rows(article, run(article, "MP204")) == reported


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # biography and report verbs, vowel marks written or not
        ("وُلدت هوانغ مينه دوك عام 1962 في هانوي.", "وُلدت"),
        ("ووصفت هوانغ مينه دوك المشروع بأنه خطوة مهمة.", "وصفت"),
        ("وُلد هوانغ مينه دوك عام 1962 في هانوي.", None),
        ("ووصف هوانغ مينه دوك المشروع بأنه خطوة مهمة.", None),
        # the name in a phrase the preposition opens is not the verb's subject: he said,
        # in her presence; she praised his success
        ("ترأس السيد هوانغ مينه دوك الاجتماع. وقالت بحضور السيد دوك إن المشروع مهم.", None),
        ("وأشادت بنجاح السيد هوانغ مينه دوك في إحياء الحرفة.", None),
        # ... but an object before the subject is no such phrase: "كلمة" opens with its
        # own letter
        ("ألقت كلمة الافتتاح الرفيق هوانغ مينه دوك.", "ألقت"),
    ],
)
def test_mp204_arabic_verbs_of_a_biography(text: str, word: str | None) -> None:
    article = lone("ar", text)
    expected = [("MP204", "ar", "blocks", 0, word, DUC)] if word else []
    assert rows(article, run(article, "MP204")) == expected

"""MP301, MP302, MP303: tables of texts that must fail and texts that must pass."""

from __future__ import annotations

import random

import pytest

from multipub import Config, check
from multipub.models import Article
from tests.conftest import make_article

ONLY = {
    "MP301": Config(select=("MP301",)),
    "MP302": Config(select=("MP302",)),
    "MP303": Config(select=("MP303",)),
}

# Paragraphs written for these tests: one per language, about a provincial meeting.
PARAGRAPH = {
    "vi": "Sáng 20/5, Ban Thường vụ Tỉnh ủy Hòa Giang họp để cho ý kiến về kế hoạch phát triển "
    "kinh tế - xã hội năm 2025.",
    "ar": "صباح 20 مايو، عقدت اللجنة الدائمة للجنة الحزب في مقاطعة هوا جيانغ اجتماعا لمناقشة "
    "خطة التنمية الاجتماعية والاقتصادية لعام 2025.",
    "ru": "Утром 20 мая постоянный комитет парткома провинции Хоазянг провёл заседание по плану "
    "социально-экономического развития на 2025 год.",
    "zh": "5月20日上午，和江省委常委会召开会议，讨论2025年经济社会发展计划。",
    "en": "On the morning of May 20, the Standing Board of the Hoa Giang provincial Party "
    "Committee met to discuss the 2025 socio-economic development plan.",
}
OTHER = {
    "vi": "Các đại biểu thống nhất ưu tiên nguồn vốn cho hạ tầng giao thông và y tế cơ sở.",
    "ar": "واتفق المندوبون على إعطاء الأولوية في التمويل للبنية التحتية للنقل والرعاية الصحية.",
    "ru": "Участники договорились направить средства в первую очередь на дороги и сельскую медицину.",
    "zh": "与会代表一致同意优先将资金用于交通基础设施和基层医疗。",
    "en": "Delegates agreed to give priority funding to transport infrastructure and local clinics.",
}
# Reworded repeats: the same content, other words (a caption re-used as body text).
REWORDED = {
    "vi": (
        "Dự hội nghị tại điểm cầu tỉnh Hòa Giang có đồng chí Trần Quốc Hưng, Phó Bí thư "
        "Thường trực Tỉnh ủy, Chủ tịch HĐND tỉnh.",
        "Tham dự hội nghị tại điểm cầu Hòa Giang có đồng chí Trần Quốc Hưng, Phó Bí thư "
        "Thường trực Tỉnh ủy, Chủ tịch HĐND tỉnh và các đại biểu.",
    ),
    "ar": (
        "وحضر المؤتمر عند نقطة الاتصال في مقاطعة هوا جيانغ الرفيق تران كوك هونغ، نائب الأمين "
        "الدائم للجنة الحزب الإقليمية.",
        "حضر المؤتمر في نقطة الاتصال بمقاطعة هوا جيانغ الرفيق تران كوك هونغ، نائب الأمين "
        "الدائم للجنة الحزب في المقاطعة.",
    ),
    "ru": (
        "На пункте подключения провинции Хоазянг в конференции участвовал товарищ Чан Куок "
        "Хынг, постоянный заместитель секретаря парткома.",
        "В конференции на пункте подключения Хоазянг участвовал товарищ Чан Куок Хынг, "
        "постоянный заместитель секретаря провинциального парткома.",
    ),
    "zh": (
        "和江省分会场出席会议的有省委常务副书记、省人民议会主席陈国兴同志。",
        "出席和江省分会场会议的有省委常务副书记、省人民议会主席陈国兴同志等领导。",
    ),
    "en": (
        "Attending the conference at the Hoa Giang connection point was Tran Quoc Hung, "
        "Permanent Deputy Secretary of the provincial Party Committee.",
        "At the Hoa Giang connection point, the conference was attended by Tran Quoc Hung, "
        "Permanent Deputy Secretary of the provincial Party Committee.",
    ),
}
# Two sentences that share an official's long title but report different things: chrF
# between them reaches 65-76, yet they are not repeats.
SHARED_TITLE = {
    "vi": (
        "Đồng chí Trần Quốc Hưng, Phó Bí thư Thường trực Tỉnh ủy, phát biểu chỉ đạo tại hội nghị.",
        "Đồng chí Trần Quốc Hưng, Phó Bí thư Thường trực Tỉnh ủy, trao quà cho các hộ dân bị "
        "ảnh hưởng bởi lũ.",
    ),
    "ar": (
        "ألقى الرفيق تران كوك هونغ، نائب الأمين الدائم للجنة الحزب الإقليمية، كلمة توجيهية في "
        "المؤتمر.",
        "قدم الرفيق تران كوك هونغ، نائب الأمين الدائم للجنة الحزب الإقليمية، هدايا للأسر "
        "المتضررة من الفيضانات.",
    ),
    "ru": (
        "Товарищ Чан Куок Хынг, постоянный заместитель секретаря парткома провинции, выступил "
        "на конференции.",
        "Товарищ Чан Куок Хынг, постоянный заместитель секретаря парткома провинции, вручил "
        "подарки пострадавшим от наводнения семьям.",
    ),
    "zh": (
        "省委常务副书记陈国兴同志在会上作指导讲话。",
        "省委常务副书记陈国兴同志向受洪灾影响的家庭赠送了礼物。",
    ),
    "en": (
        "Tran Quoc Hung, Permanent Deputy Secretary of the provincial Party Committee, "
        "addressed the conference.",
        "Tran Quoc Hung, Permanent Deputy Secretary of the provincial Party Committee, handed "
        "gifts to families hit by the floods.",
    ),
}
LANGS = sorted(PARAGRAPH)


def _variant(lang: str, blocks: list[object]) -> Article:
    return make_article({lang: {"title": "x", "blocks": blocks}}, source_lang=lang)


def _codes_at(findings: list, code: str) -> list[tuple[str, int | None, tuple[int, int] | None]]:
    return [(f.field, f.block, f.span) for f in findings if f.code == code]


# --- MP301 ----------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_mp301_verbatim_repeat_is_reported_on_the_later_copy(lang: str) -> None:
    text = PARAGRAPH[lang]
    findings = check(_variant(lang, [text, OTHER[lang], text]), config=ONLY["MP301"])
    assert _codes_at(findings, "MP301") == [("blocks", 2, (0, len(text)))]
    assert findings[0].related[0].block == 0
    assert findings[0].message == "block 2 repeats block 0 verbatim"


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # case, spacing, edge punctuation, NBSP, zero-width, digits, tone placement
        (PARAGRAPH["vi"], "  " + PARAGRAPH["vi"].upper().replace(" ", "\u00a0", 3) + " "),
        (PARAGRAPH["ar"], PARAGRAPH["ar"].replace("2025", "٢٠٢٥").replace("،", "\u200c،")),
        (PARAGRAPH["ru"], PARAGRAPH["ru"].rstrip(".") + " ."),
        (PARAGRAPH["zh"], PARAGRAPH["zh"].replace("2025", "２０２５").replace("，", ", ")),
        (
            "Người dân xã Hoà Bình nhận hỗ trợ khắc phục hậu quả bão.",
            "Người dân xã Hòa Bình nhận hỗ trợ khắc phục hậu quả bão",
        ),
    ],
)
def test_mp301_normalization(first: str, second: str) -> None:
    lang = "vi"
    findings = check(_variant(lang, [first, second]), config=ONLY["MP301"])
    assert [f.block for f in findings] == [1]
    start, end = findings[0].span or (0, 0)
    assert second[start:end] == second.strip()


def test_mp301_lead_repeated_as_first_block() -> None:
    article = make_article(
        {"ru": {"title": "x", "lead": PARAGRAPH["ru"], "blocks": [PARAGRAPH["ru"], OTHER["ru"]]}},
        source_lang="ru",
    )
    findings = check(article, config=ONLY["MP301"])
    assert [(f.field, f.block, f.related[0].field) for f in findings] == [("blocks", 0, "lead")]
    assert findings[0].message == "block 0 repeats the lead verbatim"


@pytest.mark.parametrize(
    "blocks",
    [
        # short repeats are legitimate: photo credits, media labels
        ["Ảnh: Minh Châu", PARAGRAPH["vi"], "Ảnh: Minh Châu"],
        ["تصوير: مينه تشاو", PARAGRAPH["ar"], "تصوير: مينه تشاو"],
        ["Фото: ВИА", PARAGRAPH["ru"], "Фото: ВИА"],
        # same words, different numbers: not verbatim
        [
            "Tỉnh hỗ trợ 1.250 hộ dân bị ảnh hưởng bởi lũ.",
            "Tỉnh hỗ trợ 1.520 hộ dân bị ảnh hưởng bởi lũ.",
        ],
        # a byline equal to a caption is not a block repeat
        [PARAGRAPH["zh"], OTHER["zh"]],
    ],
)
def test_mp301_clean(blocks: list[str]) -> None:
    assert check(_variant("vi", blocks), config=ONLY["MP301"]) == []


# --- MP302 ----------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_mp302_reworded_repeat(lang: str) -> None:
    caption, paragraph = REWORDED[lang]
    blocks = [PARAGRAPH[lang], {"kind": "caption", "text": caption}, OTHER[lang], paragraph]
    findings = check(_variant(lang, blocks), config=ONLY["MP302"])
    assert _codes_at(findings, "MP302") == [("blocks", 3, (0, len(paragraph)))]
    assert findings[0].related[0].block == 1
    assert "repeats block 1 in other words (chrF" in findings[0].message


@pytest.mark.parametrize("lang", LANGS)
def test_mp302_shared_title_is_not_a_repeat(lang: str) -> None:
    first, second = SHARED_TITLE[lang]
    blocks = [first, PARAGRAPH[lang], second, OTHER[lang]]
    assert check(_variant(lang, blocks), config=ONLY["MP302"]) == []


@pytest.mark.parametrize("lang", LANGS)
def test_mp302_clean_article_paragraphs(lang: str) -> None:
    blocks = [PARAGRAPH[lang], OTHER[lang], REWORDED[lang][0], SHARED_TITLE[lang][1]]
    assert check(_variant(lang, blocks), config=ONLY["MP302"]) == []


def test_mp302_sentence_contained_in_a_longer_block() -> None:
    sentence = (
        "The new clinic will serve about 12,000 residents of the three mountain communes "
        "from next month."
    )
    merged = PARAGRAPH["en"] + " " + sentence
    findings = check(_variant("en", [merged, OTHER["en"], sentence]), config=ONLY["MP302"])
    assert [(f.block, f.related[0].block) for f in findings] == [(2, 0)]
    assert "block 2 repeats part of block 0 (chrF" in findings[0].message


@pytest.mark.parametrize("lang", ["vi", "en", "ru"])
def test_mp302_a_caption_that_sums_up_its_paragraph(lang: str) -> None:
    # the caption's words all stand in the paragraph: its job, no repeat
    paragraphs = {
        "vi": "Tại Bệnh viện Bạch Liên, Bộ trưởng Trương Thị Minh Hạnh đã thăm hỏi các bệnh "
        "nhân sốt xuất huyết đang điều trị và tặng quà cho các y bác sĩ của khoa truyền nhiễm.",
        "en": "At Bach Lien Hospital, Minister Truong Thi Minh Hanh visited dengue patients under "
        "treatment and handed gifts to the doctors and nurses of the infectious diseases ward.",
        "ru": "В больнице Бать Лиен министр Чыонг Тхи Минь Хань навестила пациентов с лихорадкой "
        "денге и вручила подарки врачам и медсёстрам инфекционного отделения больницы.",
    }
    captions = {
        "vi": "Bộ trưởng Trương Thị Minh Hạnh thăm bệnh nhân sốt xuất huyết tại Bệnh viện Bạch Liên.",
        "en": "Minister Truong Thi Minh Hanh visited dengue patients at Bach Lien Hospital.",
        "ru": "Министр Чыонг Тхи Минь Хань навестила пациентов с лихорадкой денге в больнице Бать Лиен.",
    }
    blocks = [paragraphs[lang], OTHER["en"], {"kind": "caption", "text": captions[lang]}]
    assert check(_variant(lang, blocks), config=ONLY["MP302"]) == []


def test_mp302_does_not_repeat_mp301() -> None:
    blocks = [PARAGRAPH["ar"], PARAGRAPH["ar"]]
    assert check(_variant("ar", blocks), config=ONLY["MP302"]) == []


def test_mp302_threshold_is_configurable() -> None:
    caption, paragraph = REWORDED["ru"]
    article = _variant("ru", [caption, paragraph])
    assert len(check(article, config=ONLY["MP302"])) == 1
    strict = Config(select=("MP302",), near_duplicate_chrf=99.0)
    assert check(article, config=strict) == []


def test_mp302_many_blocks_use_the_index_and_still_find_the_pair() -> None:
    caption, paragraph = REWORDED["vi"]
    syllables = (
        "an bình cao dân đất giang hòa khánh lâm minh nam phú quang sơn tân thanh "
        "trung văn xuân yên bắc cầu đồng hải kiên long ninh phước thạch vĩnh"
    ).split()
    rng = random.Random(7)
    filler = [" ".join(rng.choice(syllables) for _ in range(16)) for _ in range(150)]
    blocks = [*filler[:70], caption, *filler[70:], paragraph]
    findings = check(_variant("vi", blocks), config=ONLY["MP302"])
    assert [(f.block, f.related[0].block) for f in findings] == [(len(blocks) - 1, 70)]


def test_chrf_both_ways_equals_two_sacrebleu_sentence_scores() -> None:
    from sacrebleu.metrics.chrf import CHRF

    from multipub.similarity import chrf_both_ways

    chrf = CHRF()
    texts = [*PARAGRAPH.values(), *OTHER.values(), *(pair[1] for pair in REWORDED.values())]
    texts += ["a", "Hà", "会", "10%", " "]
    for a in texts:
        for b in texts:
            expected = max(chrf.sentence_score(a, [b]).score, chrf.sentence_score(b, [a]).score)
            assert chrf_both_ways(a, b) == pytest.approx(expected, abs=1e-9), (a, b)


def test_mp302_pair_search_finds_what_all_pairs_find() -> None:
    # The pruned pair search must pair every two texts that share 70% of the smaller's
    # words, exactly like comparing all pairs.
    from multipub.similarity import _MIN_SHARED, _pairs_all

    rng = random.Random(3)
    vocabulary = [f"w{n}" for n in range(40)]
    for _ in range(300):
        words = [
            frozenset(rng.sample(vocabulary, rng.randint(0, 12))) for _ in range(rng.randint(0, 9))
        ]
        expected = [
            (i, j)
            for j in range(len(words))
            for i in range(j)
            if words[i]
            and words[j]
            and len(words[i] & words[j]) >= _MIN_SHARED * min(len(words[i]), len(words[j]))
        ]
        assert list(_pairs_all(words)) == expected


# --- MP303 ----------------------------------------------------------------------------


def test_mp303_target_block_left_in_the_source_language() -> None:
    article = make_article(
        {
            "vi": [PARAGRAPH["vi"], OTHER["vi"]],
            "ru": [PARAGRAPH["ru"], OTHER["vi"]],
            "ar": [PARAGRAPH["vi"], OTHER["ar"]],
            "zh-Hans": [PARAGRAPH["zh"], OTHER["zh"]],
        }
    )
    findings = check(article, config=ONLY["MP303"])
    assert [(f.lang, f.block, f.related[0].lang, f.related[0].block) for f in findings] == [
        ("ar", 0, "vi", 0),
        ("ru", 1, "vi", 1),
    ]
    assert findings[0].severity.value == "error"
    assert "left untranslated" in findings[0].message


def test_mp303_untranslated_title() -> None:
    title = "Hòa Giang đẩy mạnh chuyển đổi số trong cải cách hành chính"
    article = make_article(
        {"vi": {"title": title, "blocks": []}, "en": {"title": title, "blocks": []}}
    )
    assert [(f.lang, f.field) for f in check(article, config=ONLY["MP303"])] == [("en", "title")]


@pytest.mark.parametrize(
    "text",
    [
        "Trần Quốc Hưng",  # a name stays a name
        "Kết luận 50-KL/TW",  # a code, short
        "Hòa Giang",
        "COVID-19",
    ],
)
def test_mp303_short_identical_texts_are_allowed(text: str) -> None:
    article = make_article({"vi": [text, PARAGRAPH["vi"]], "en": [text, PARAGRAPH["en"]]})
    assert check(article, config=ONLY["MP303"]) == []


def test_mp303_byline_is_never_untranslated() -> None:
    article = make_article(
        {
            "vi": {"byline": "Nhóm phóng viên thời sự Hòa Giang", "blocks": []},
            "en": {"byline": "Nhóm phóng viên thời sự Hòa Giang", "blocks": []},
        }
    )
    assert check(article, config=ONLY["MP303"]) == []


def test_mp303_without_source_only_by_language() -> None:
    lone = make_article({"en": [PARAGRAPH["vi"], PARAGRAPH["en"]]}, source_lang="vi")
    [finding] = check(lone, config=ONLY["MP303"])
    assert (finding.block, finding.related) == (0, ())
    assert "is in vi, the source's language" in finding.message


def test_clean_article_has_no_findings(clean_article: Article) -> None:
    assert check(clean_article) == []


# --- a repeat of the source is reported once, on the source ------------------------------

SOURCE_REPEAT = {
    "vi": [
        "Dự hội nghị tại điểm cầu tỉnh có đồng chí Trần Văn Long, Bí thư Tỉnh ủy, cùng lãnh "
        "đạo các sở, ngành.",
        "Hội nghị được tổ chức theo hình thức trực tuyến, kết nối tới 63 tỉnh, thành phố.",
        # chrF 64.9 with block 0: the source repeats itself, loosely
        "Tại điểm cầu của tỉnh, đồng chí Trần Văn Long, Bí thư Tỉnh ủy, chủ trì, cùng dự có "
        "lãnh đạo nhiều sở, ngành liên quan.",
    ],
    "en": [
        "Attending at the provincial connection point were comrade Tran Van Long, Secretary of "
        "the Provincial Party Committee, and leaders of departments.",
        "The conference was held online, connecting 63 provinces and cities.",
        "Attending at the provincial connection point were comrade Tran Van Long, Secretary of "
        "the Provincial Party Committee, and leaders of relevant departments.",
    ],
    "ru": [
        "На провинциальном пункте подключения присутствовали товарищ Чан Ван Лонг, секретарь "
        "парткома провинции, и руководители департаментов.",
        "Конференция прошла в режиме онлайн и объединила 63 провинции и города.",
        "На провинциальном пункте подключения присутствовали товарищ Чан Ван Лонг, секретарь "
        "парткома провинции, и руководители профильных департаментов.",
    ],
    "ar": [
        "حضر في نقطة الاتصال الإقليمية الرفيق تران فان لونغ، سكرتير لجنة الحزب الإقليمية، "
        "وقادة الإدارات.",
        "عقد المؤتمر عبر الإنترنت وربط 63 مقاطعة ومدينة.",
        "حضر في نقطة الاتصال الإقليمية الرفيق تران فان لونغ، سكرتير لجنة الحزب الإقليمية، "
        "وقادة الإدارات المعنية.",
    ],
}


def test_a_repeat_of_the_source_is_reported_once_on_the_source() -> None:
    findings = [f for f in check(make_article(SOURCE_REPEAT)) if f.code in ("MP301", "MP302")]
    assert [(f.code, f.lang, f.block) for f in findings] == [("MP302", "vi", 2)]
    [finding] = findings
    assert {(r.lang, r.block) for r in finding.related} == {
        (None, 0),
        ("ar", 2),
        ("en", 2),
        ("ru", 2),
    }
    assert "the translations repeat it too (ar, en, ru)" in finding.message


def test_a_repeat_of_one_translation_is_still_its_own() -> None:
    variants = {lang: list(blocks) for lang, blocks in SOURCE_REPEAT.items()}
    # The source's block 2 says something else now: only the Arabic repeats block 0.
    variants["vi"][2] = "Các đại biểu đã thảo luận kế hoạch phát triển hạ tầng giao thông năm tới."
    variants["en"][2] = "Delegates discussed next year's plan for transport infrastructure."
    variants["ru"][2] = (
        "Делегаты обсудили план развития транспортной инфраструктуры на следующий год."
    )
    findings = [f for f in check(make_article(variants)) if f.code in ("MP301", "MP302")]
    assert [(f.code, f.lang, f.block) for f in findings] == [("MP302", "ar", 2)]


# --- a translation's own extra block that rewords another: one MP302, no MP502 -------------

EXTRA_VI = [
    "Sáng 28/9, Ban Tổ chức Trung ương tổ chức hội nghị trực tuyến toàn quốc về công tác cán bộ.",
    "Dự tại điểm cầu tỉnh Hòa Giang có đồng chí Trần Văn Long, Phó Bí thư Thường trực Tỉnh ủy, "
    "cùng lãnh đạo các sở, ngành.",
    "Hội nghị đã thảo luận các giải pháp nâng cao chất lượng đội ngũ cán bộ trong thời gian tới.",
]
EXTRA_TARGETS = {
    "ar": [
        "صباح 28 سبتمبر، عقدت لجنة التنظيم المركزية مؤتمرا عبر الإنترنت على مستوى البلاد بشأن "
        "شؤون الكوادر.",
        "حضر في نقطة الاتصال بمقاطعة هوا جيانغ الرفيق تران فان لونغ، نائب الأمين الدائم للجنة "
        "الحزب الإقليمية، وقادة الإدارات.",
        "وحضر الرفيق تران فان لونغ، نائب الأمين الدائم للجنة الحزب الإقليمية، وقادة الإدارات "
        "في نقطة الاتصال بمقاطعة هوا جيانغ.",
        "ناقش المؤتمر حلول تحسين جودة الكوادر في الفترة المقبلة.",
    ],
    "ru": [
        "Утром 28 сентября Центральная организационная комиссия провела общенациональную "
        "онлайн-конференцию по кадровой работе.",
        "На пункте подключения провинции Хоазянг присутствовали товарищ Чан Ван Лонг, постоянный "
        "заместитель секретаря парткома провинции, и руководители департаментов.",
        "Товарищ Чан Ван Лонг, постоянный заместитель секретаря парткома провинции, и "
        "руководители департаментов присутствовали на пункте подключения провинции Хоазянг.",
        "Участники обсудили меры по повышению качества кадров в ближайшее время.",
    ],
}


@pytest.mark.parametrize("lang", sorted(EXTRA_TARGETS))
def test_an_extra_block_that_rewords_another_is_one_mp302(lang: str) -> None:
    article = make_article({"vi": EXTRA_VI, lang: EXTRA_TARGETS[lang]})
    findings = check(article, config=Config(select=("MP3", "MP5")))
    assert [(f.code, f.lang, f.block) for f in findings] == [("MP302", lang, 2)]
    assert [(r.block, r.lang) for r in findings[0].related] == [(1, None)]


def test_an_extra_furniture_block_gets_no_second_finding() -> None:
    blocks = [*EXTRA_TARGETS["ar"][:2], "120 مشاهدة", EXTRA_TARGETS["ar"][3]]
    article = make_article({"vi": EXTRA_VI, "ar": blocks})
    findings = check(article, config=Config(select=("MP4", "MP5")))
    assert [(f.code, f.block) for f in findings] == [("MP403", 2)]


def test_words_of_a_key_pair_the_characters_of_unspaced_scripts() -> None:
    from multipub.similarity import _words

    # Chinese and Japanese words are their character pairs; a one-character word is
    # itself; words of other scripts stay whole, in a key of either kind.
    assert _words("中 会议 abc 东京x") == {"中", "会议", "abc", "东京", "京x"}
    assert _words("hội nghị 2024") == {"hội", "nghị", "2024"}
    assert _words("совещание в ханое") == {"совещание", "в", "ханое"}
    assert _words("") == frozenset()


@pytest.mark.parametrize(
    ("lang", "blocks"),
    [
        # two defendants, two sentences, one charge in the same words: other facts
        (
            "vi",
            [
                "Bị cáo Trần Văn Dũng, nguyên Giám đốc Quỹ: 6 năm tù về tội vi phạm quy định "
                "về quản lý, sử dụng tài sản nhà nước gây thất thoát, lãng phí.",
                "Bị cáo Lê Minh Tâm, nguyên Phó Giám đốc Quỹ: 5 năm tù về tội vi phạm quy định "
                "về quản lý, sử dụng tài sản nhà nước gây thất thoát, lãng phí.",
            ],
        ),
        (
            "en",
            [
                "Tran Van Dung, former Director of the fund: six years in prison for violating "
                "regulations on the management and use of State assets, causing losses.",
                "Le Minh Tam, former Deputy Director of the fund: five years in prison for "
                "violating regulations on the management and use of State assets, causing losses.",
            ],
        ),
        # the sentence asked for and the sentence given
        (
            "ru",
            [
                "Суд приговорил Тханга к 11 годам лишения свободы по части 3 статьи 219 "
                "Уголовного кодекса.",
                "Прокуратура просила приговорить Тханга к 11-12 годам лишения свободы по части 3 "
                "статьи 219 Уголовного кодекса.",
            ],
        ),
    ],
)
def test_mp302_other_figures_are_other_facts(lang: str, blocks: list[str]) -> None:
    assert check(_variant(lang, blocks), config=ONLY["MP302"]) == []


def test_mp302_a_reworded_repeat_keeps_its_figures() -> None:
    blocks = [
        "Tran Van Dung was sentenced to six years in prison for violating regulations on "
        "the management of State assets.",
        "For violating regulations on the management of State assets, Tran Van Dung was "
        "sentenced to six years in prison.",
    ]
    findings = check(_variant("en", blocks), config=ONLY["MP302"])
    assert [f.block for f in findings] == [1]


def test_a_repeat_before_a_list_leaves_the_list_paired() -> None:
    """The translation prints its first paragraph twice, then a list of two items in the
    same words and other figures: the verbatim repeat is the extra block, not the second
    item (which would pair each item with the other's source and report their numbers)."""
    intro = {
        "vi": "Ở nông thôn, các doanh nghiệp sẽ dùng chung 1.500 trạm phát sóng để giảm 25% "
        "chi phí đầu tư.",
        "fr": "Dans les zones rurales, les opérateurs partageront 1 500 stations de base afin "
        "de réduire de 25 % les coûts d'investissement.",
    }
    article = make_article(
        {
            "vi": [
                intro["vi"],
                "Gói 5G150: giá 150.000 đồng/tháng, 4 GB dữ liệu tốc độ cao mỗi ngày.",
                "Gói 5G300: giá 300.000 đồng/tháng, 8 GB dữ liệu tốc độ cao mỗi ngày.",
            ],
            "fr": [
                intro["fr"],
                intro["fr"],
                "Forfait 5G150 : 150 000 dongs par mois, 4 Go de données par jour.",
                "Forfait 5G300 : 300 000 dongs par mois, 8 Go de données par jour.",
            ],
        }
    )
    found = check(article, config=Config(select=("MP301", "MP501", "MP502")))
    assert [(f.code, f.lang, f.block) for f in found] == [("MP301", "fr", 1)]

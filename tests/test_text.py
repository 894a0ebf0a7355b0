import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from multipub.text import (
    dedup_key,
    fold,
    fold_digits,
    fold_with_offsets,
    folds_in_place,
    is_short_name,
    letter_count,
)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # Vietnamese: new-style and old-style tone placement, upper and lower case.
        ("Hoà Bình", "Hòa Bình"),
        ("chị Thuý", "chị Thúy"),
        ("sức khoẻ", "sức khỏe"),
        ("HOÀ BÌNH", "hòa bình"),
        # Decomposed (NFD) input, as some editors save it.
        (unicodedata.normalize("NFD", "Nguyễn Tiến Dũng"), "Nguyễn Tiến Dũng"),
        # Arabic: tashkeel, tatweel, hamza and alef variants, teh marbuta, alef maqsura.
        ("مُؤْتَمَرٌ", "موتمر"),
        ("اللجنـــة", "اللجنه"),
        ("إقليمية", "اقليميه"),
        ("مستشفى", "مستشفي"),
        # Persian letter forms that MT sometimes emits inside Arabic.
        ("کی", "كي"),
        # Digits: Arabic-Indic, Eastern Arabic-Indic, full-width.
        ("٢٠٢٤", "2024"),
        ("۲۰۲۴", "2024"),
        ("２０２４年", "2024年"),
        # Invisible characters and exotic spaces.
        ("Hà\u200bNội", "HàNội"),
        ("Хо\u00a0Ши\u202fМин", "хо ши мин"),
        ("\u202bمؤتمر\u202c", "موتمر"),
        # Typographic apostrophes.
        ("l’Éducation", "l'Éducation"),
        ("People\u02bcs Committee", "People's Committee"),
    ],
)
def test_fold_makes_equivalent_texts_equal(a: str, b: str) -> None:
    assert fold(a) == fold(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("hoàng", "hòang"),  # with a final consonant the tone stays on the second vowel
        ("quý", "qúy"),  # "qu" is an onset: the tone never moves to u
        ("Hà Nội", "Ha Noi"),  # tone marks are meaningful: fold keeps them
        ("Чинь", "Тинь"),  # two spellings of one name are not folded together
        ("رئيس", "رئيسة"),  # gender is kept apart... by the letters, not by teh marbuta:
    ],
)
def test_fold_keeps_distinct_texts_apart(a: str, b: str) -> None:
    assert fold(a) != fold(b)


def test_fold_tone_placement_is_per_syllable() -> None:
    assert fold("Thuỷ Hoà toạ đàm") == fold("Thủy Hòa tọa đàm")
    assert fold("Thuỷ Hoà toạ đàm") == "thủy hòa tọa đàm"


def test_fold_digits_only_touches_digits() -> None:
    assert fold_digits("عام ٢٠٢٣ رقم ۵") == "عام 2023 رقم 5"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Hà Nội, ngày 28/9.", "hà nội ngày 28/9"),
        ("«Конференция»  прошла", "конференция прошла"),
        ("会议在河内举行。", "会议在河内举行"),
        ("وقال: «نحن مستعدون»،", "وقال نحن مستعدون"),
    ],
)
def test_dedup_key_ignores_edge_punctuation_and_spacing(a: str, b: str) -> None:
    assert dedup_key(a) == dedup_key(b)


def test_letter_count() -> None:
    assert letter_count("50-KL/TW ngày 28") == 8
    assert letter_count("河内2024") == 2


def test_offsets_point_back_into_the_original() -> None:
    text = "Ông\u200b NGUYỄN  Hoà — مُؤتمر ٢٠٢٤"
    folded, offsets = fold_with_offsets(text)
    assert folded == fold(text)
    start = folded.index("nguyễn")
    assert offsets.to_original(start, start + 6) == (5, 11)
    assert text[5:11] == "NGUYỄN"
    start = folded.index("hòa")
    a, b = offsets.to_original(start, start + 3)
    assert text[a:b] == "Hoà"
    start = folded.index("موتمر")
    a, b = offsets.to_original(start, start + 5)
    assert text[a:b] == "مُؤتمر"
    start = folded.index("2024")
    a, b = offsets.to_original(start, start + 4)
    assert text[a:b] == "٢٠٢٤"


def test_offsets_of_a_decomposed_word_cover_the_whole_word() -> None:
    text = "ông " + unicodedata.normalize("NFD", "Nguyễn") + " đến"
    folded, offsets = fold_with_offsets(text)
    start = folded.index("nguyễn")
    a, b = offsets.to_original(start, start + 6)
    assert unicodedata.normalize("NFC", text[a:b]) == "Nguyễn"


_any_text = st.text(
    alphabet=st.one_of(
        st.characters(codec="utf-8"),
        st.sampled_from(
            list("\u200b\u200c\u200d\u202b\u202c\u2066\u2069\u0301\u0300\u0323\u064e\u0640")
            + list("ạảãàáâấầẫậăắằẳặđơớờởợưứừửữựoauyOAUY ")
        ),
    ),
    max_size=200,
)


@given(_any_text)
def test_fold_with_offsets_agrees_with_fold(text: str) -> None:
    folded, offsets = fold_with_offsets(text)
    assert folded == fold(text)
    assert len(offsets.starts) == len(folded) == len(offsets.ends)
    for start, end in zip(offsets.starts, offsets.ends, strict=True):
        assert 0 <= start < end <= len(text)


@given(_any_text, st.integers(0, 200), st.integers(0, 200))
def test_any_folded_span_maps_inside_the_text(text: str, a: int, b: int) -> None:
    folded, offsets = fold_with_offsets(text)
    a, b = sorted((min(a, len(folded)), min(b, len(folded))))
    start, end = offsets.to_original(a, b)
    assert 0 <= start <= end <= len(text)


@given(_any_text)
def test_fold_is_idempotent(text: str) -> None:
    assert fold(fold(text)) == fold(text)


def test_place_tones_agrees_with_the_tone_pattern() -> None:
    # _place_tones looks only where a pair occurs; _TONE_PATTERN says what it must do.
    import random

    from multipub import text

    rng = random.Random(1)
    alphabet = [*"oauy qngh.đxtr_", *"àáảãạèéẻẽẹỳýỷỹỵ", "\u0301", "1"]
    for _ in range(20_000):
        sample = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        expected = text._TONE_PATTERN.sub(
            lambda m: m.group(1) + text._TONE_REPLACEMENTS[m.group(2)], sample
        )
        assert text._place_tones(sample) == expected, sample


def test_fold_many_equals_fold_of_each() -> None:
    from multipub.text import fold_many

    texts = ["Hoà Bình", "", "  A  b ", "Straße", "الأمين", "x\u0301", "\u0301y", "thuý", "a\x00b"]
    assert fold_many(texts) == [fold(t) for t in texts]
    assert fold_many(texts[:-1]) == [fold(t) for t in texts[:-1]]
    assert fold_many([]) == []


@pytest.mark.parametrize(
    ("text", "in_place"),
    [
        ("Hà Nội, ngày 28/9", True),
        ("Москва и 北京", True),
        # Other spaces fold one for one, but beside another space two fold to one: the
        # offset map takes over (always right).
        ("Москва\u00a0и\u3000北京", False),
        ("Москва  и", False),
        ("مؤتمر ٢٠٢٣", True),  # letter variants and digits, one for one
        ("ß Hà Nội​", False),  # "ss" and a removed character: the same length
        ("ﬁ Hà Nội­", False),
        ("Hà Nội", False),  # decomposed
        ("نُقطة", False),  # a removed haraka
    ],
)
def test_folds_in_place(text: str, in_place: bool) -> None:
    folded, offsets = fold_with_offsets(text)
    assert folds_in_place(text, folded) is in_place
    if in_place:
        assert offsets.starts == tuple(range(len(text)))


@given(st.text(alphabet=st.sampled_from("aßﬁİ\u200b\u00adHànộiنُ \u00a0١")))
def test_folds_in_place_only_where_every_character_stays(text: str) -> None:
    folded, offsets = fold_with_offsets(text)
    if folds_in_place(text, folded):
        assert offsets.starts == tuple(range(len(text)))


def test_stress_marks_on_cyrillic_vowels_are_dropped() -> None:
    # No precomposed letter absorbs them, and they would cut the word in two.
    assert fold("Ха\u0301ной, Москва\u0300") == "ханой, москва"
    assert fold("cafe\u0301") == "café"  # a Latin letter composes as before
    folded, offsets = fold_with_offsets("в Хано\u0301й")
    assert folded == "в ханой"
    assert offsets.to_original(2, 7) == (2, 8)  # the vowel's span takes in its mark
    assert not folds_in_place("Хано\u0301й", fold("Хано\u0301й"))


@pytest.mark.parametrize(
    "text",
    [
        "ß\u0301",  # case folding writes "ss": the mark now composes with the second s
        "ß\u0323 Nội",
        "e\u200b\u0301",  # the removed character stood between the letter and its mark
        "o\u00e1\u0301",  # the tone moves onto a vowel that bears another mark
    ],
)
def test_fold_is_idempotent_where_folding_makes_a_sequence_compose(text: str) -> None:
    folded, offsets = fold_with_offsets(text)
    assert folded == fold(text)
    assert unicodedata.is_normalized("NFC", folded)
    assert fold(folded) == folded
    assert not folds_in_place(text, folded)
    assert offsets.to_original(0, len(folded)) == (0, len(text))


@pytest.mark.parametrize(
    ("form", "short"),
    [
        ("SBV", True),
        ("МОБ", True),
        ("VNPower", True),
        ("PetroVietnam", True),
        ("Vinacomin", False),
        ("State Bank", False),
        ("Hanoi", False),
    ],
)
def test_short_names_of_bodies(form: str, short: bool) -> None:
    assert is_short_name(form) is short

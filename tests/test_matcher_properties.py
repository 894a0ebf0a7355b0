"""Property tests of the glossary matcher against the brute-force references of
``test_matcher``: texts built by hypothesis from glossary forms (as written, without
diacritics, in other cases, with other gaps between their words), filler words that
share letters with them, punctuation, odd white space, NUL, and (where folding changes
the text's length) decomposed forms and invisible characters.

``find`` and ``find_many`` must agree with each other and with the reference, for the
words layout (Vietnamese) with codes of one, two and three characters, and for the stem
layout (Russian), with both automaton backends.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from functools import cache

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from multipub.glossary import Entry, EntryKind, Glossary, TermForms
from multipub.matcher import BACKENDS, FormStatus, Matcher, Mention, _AlignedCoder, strip_marks
from multipub.text import fold, fold_with_offsets
from tests.test_matcher import (
    _forms,
    _prepared_forms,
    _reference_ru,
    _reference_vi,
    _ru_key_of,
    _vi_key,
)

Expected = list[tuple[str, str, FormStatus, int, int, bool]]
Reference = Callable[[str], Expected]

_SETTINGS = settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)

# --- glossaries ---------------------------------------------------------------------------

# (id, preferred, accepted): forms that share their letters without diacritics ("Ban",
# "Bán", "Bạn"; "Long An", "Long Án"; "Huế", "Hue"; "Y", "Ý"), one form inside another
# ("Hồ Chí Minh" in "Thành phố Hồ Chí Minh"; "Hà Nội" and "Nội Bài" overlapping in
# "Hà Nội Bài"), inner punctuation ("TP.HCM", "Bà Rịa-Vũng Tàu", "COVID-19"), words of
# one letter, numbers, a new-style tone mark ("Thanh Hoá"), odd white space in a form,
# and one form listed by two entries ("Hòa Bình").
_VI_ENTRIES: list[tuple[str, str, tuple[str, ...]]] = [
    ("org/ban", "Ban", ()),
    ("term/ban-sell", "Bán", ()),
    ("term/ban-friend", "Bạn", ()),
    ("org/central-committee", "Ban Chấp hành Trung ương", ("BCH Trung ương",)),
    ("place/peninsula", "Bán đảo", ()),
    ("place/ha-noi", "Hà Nội", ("Ha Noi",)),
    ("place/noi-bai", "Nội Bài", ()),
    ("place/hcmc", "TP.HCM", ("Thành phố Hồ Chí Minh", "TP. Hồ Chí Minh")),
    ("person/ho-chi-minh", "Hồ Chí Minh", ()),
    ("place/italy", "Ý", ()),
    ("term/medicine", "Y", ()),
    ("place/zone-a", "Khu A", ()),
    ("term/vitamin-a", "Vitamin A", ()),
    ("person/nguyen-van-a", "Nguyễn Văn A", ()),
    ("place/district-1", "Quận 1", ()),
    ("org/division-304", "Sư đoàn 304", ()),
    ("term/year", "2024", ()),
    ("place/thanh-hoa", "Thanh Hoá", ()),
    ("place/hoa-binh", "Hòa Bình", ()),
    ("person/hoa-binh", "Hòa Bình", ()),
    ("place/long-an", "Long An", ("  Long  An ",)),
    ("term/long-an", "Long Án", ()),
    ("place/da-nang", "Đà Nẵng", ()),
    ("place/ba-ria-vung-tau", "Bà Rịa-Vũng Tàu", ("Bà Rịa – Vũng Tàu",)),
    ("org/people-committee", "UBND", ()),
    ("place/hue", "Huế", ()),
    ("term/hue", "Hue", ()),
    ("place/ha-tinh", "Hà\u00a0Tĩnh", ()),
    ("org/provincial-committee", "Tỉnh ủy", ("Tỉnh uỷ",)),
    ("org/g7", "G7", ()),
    ("term/covid-19", "COVID-19", ()),
    ("place/o-mon", "Ô Môn", ()),
    ("person/to-lam", "Tô Lâm", ()),
]

# Padding entries whose words are many enough for codes of two characters (more than 64
# words) or three (more than 64 * 64); their first words are all different, so that
# the reference stays fast.
_PADDING = {1: 0, 2: 100, 3: 4_200}

_RU_ENTRIES: list[tuple[str, str, tuple[str, ...]]] = [
    ("person/nguyen-tien-dung", "Нгуен Тиен Зунг", ()),
    ("person/nguyen", "Нгуен", ()),
    ("person/nguyen-genitive", "Нгуена", ()),  # the same stem as "Нгуен", another entry
    ("place/hoa-binh", "Хоа Бинь", ("Хоабинь",)),
    ("person/to-lam", "То Лам", ()),
    ("org/central-committee", "ЦК", ("ЦК КПВ",)),
    ("org/provincial-committee", "провинциальный комитет партии", ("комитет партии",)),
    ("place/ha-noi", "Ханой", ()),
    ("term/video-point", "пункт подключения", ("мост",)),
    ("term/covid-19", "COVID-19", ()),
    ("org/g7", "G7", ()),
    ("term/year", "2024", ()),
    ("person/nguyen-tan-dung", "Nguyễn Tấn Dũng", ()),
    ("person/nguyen-latin", "Nguyen", ()),
    ("place/da-nang", "Дананг", ()),
    ("place/da-nang-2", "Дананг", ()),
    ("place/shchekino", "Щёкино", ()),
    ("place/ho-chi-minh", "Хошимин", ("город Хошимин",)),
]


def _glossary(lang: str, rows: list[tuple[str, str, tuple[str, ...]]]) -> Glossary:
    # Built as models, not validated as a file: two entries may share a form here.
    return Glossary(
        name=f"properties-{lang}",
        entries=tuple(
            Entry(
                id=entry_id,
                kind=EntryKind.ORGANIZATION,
                terms={lang: TermForms(preferred=preferred, accepted=accepted)},
            )
            for entry_id, preferred, accepted in rows
        ),
    )


@cache
def _vi_glossary(width: int) -> Glossary:
    padding: list[tuple[str, str, tuple[str, ...]]] = [
        (f"org/pad-{n}", f"Tân{n} Phú", ()) for n in range(_PADDING[width])
    ]
    return _glossary("vi", _VI_ENTRIES + padding)


@cache
def _vi_matcher(width: int, backend: str) -> Matcher:
    matcher = Matcher(_vi_glossary(width), "vi", backend=backend)
    assert isinstance(matcher._coder, _AlignedCoder)
    assert matcher._coder.width == width
    return matcher


@cache
def _vi_reference(width: int) -> Reference:
    forms = _prepared_forms(_forms(_vi_glossary(width), "vi"), _vi_key)
    return lambda text: _reference_vi(forms, text)


@cache
def _ru_matcher(backend: str) -> Matcher:
    return Matcher(_glossary("ru", _RU_ENTRIES), "ru", backend=backend)


@cache
def _ru_reference() -> Reference:
    forms = _prepared_forms(_forms(_glossary("ru", _RU_ENTRIES), "ru"), _ru_key_of)
    return lambda text: _reference_ru(forms, text)


# --- texts --------------------------------------------------------------------------------


def _nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


# Between a form's words: mostly a space, else another single separator (a match: "TP
# HCM", "Hà-Nội"; only a form without diacritics agrees then, see _reference_vi) or two
# (no match).
_WORD_GAPS = [" ", " ", " ", "-", ".", "\u00a0", "\t", "\n", "_", "  ", " - ", ", "]
_CASES: list[Callable[[str], str]] = [
    str,
    str,
    strip_marks,
    str.upper,
    str.lower,
    lambda s: strip_marks(s).upper(),
    str.title,
]


_TONES = "\u0300\u0301\u0309\u0303\u0323"
_OTHER_TONE = str.maketrans(_TONES, _TONES[1:] + _TONES[0])


def _retoned(word: str) -> str:
    """Return ``word`` with each tone mark changed for the next ("Bán" -> "Bản")."""
    return unicodedata.normalize("NFC", _nfd(word).translate(_OTHER_TONE))


_WORD_CHANGES: list[Callable[[str], str]] = [str, strip_marks, _retoned]


@st.composite
def _vi_form(draw: st.DrawFn, forms: Sequence[str]) -> str:
    """Return a form in another case, or with its words written as they are, without
    diacritics or with other tones, one by one, and other gaps between them."""
    form = draw(st.sampled_from(_CASES))(draw(st.sampled_from(forms)))
    words = form.split(" ")
    if draw(st.integers(0, 3)) == 0:
        words = [draw(st.sampled_from(_WORD_CHANGES))(word) for word in words]
    return draw(st.sampled_from(_WORD_GAPS)).join(words)


_VI_FORMS = [form for _, preferred, accepted in _VI_ENTRIES for form in (preferred, *accepted)]
_VI_FORMS += ["Tân7 Phú", "Tân4100 Phú", "Tân7", "Hà Nội Bài", "Thành phố Hồ Chí Minh TP.HCM"]
_VI_WORDS = [
    *(
        "và ông bà Bàn Bản bán ban BẠN bạn hà HÀ Nội nội Bài a A y ý Ỳ Hoà hòa hoa Bình Binh "
        "1 01 304 2024 20 Khu Quận Thanh Hóa Hoa Long Án An Đà Nẵng Hồ Chí Minh TP HCM Tỉnh "
        "uỷ ủy uy COVID 19 G 7 Ô Môn Mon Tô Lâm Vitamin Tân7 Phú x đ d Bìnhh aHà Nộii BCH Trung "
        "ương Văn Nguyễn Sư đoàn Rịa Vũng Tàu UBND Huế Hue hué Tĩnh Ý Y ３０４ ２０２４ Ｈà Ａ ² ª "
        "hoà Hoá HOÀ thanh_hoá"
    ).split(),
    *("x" * 70, "Hà" * 40),  # longer than the words the matcher remembers
]
# Every one folds to as many characters as it has (NBSP, tabs, CR and the ideographic
# space to a space, full-width digits to ASCII).
_SEPARATORS = [
    *(" ", " ", "  ", ", ", ",", ".", ". ", "(", ")", "-", " - ", "–", "—", "“", "”", "…"),
    *("\t", "\n", "\r\n", "\u00a0", "\u3000", "\x00", " \x00 ", "/", ":", "'", "_", ""),
    # What the matcher's codes are made of: control characters and private use letters.
    *("\x01", "\x02", "\x03", "\x05", "\ue000", "\ue040", "\ue100", "\ue401"),
]
# Characters that folding removes, expands or composes: invisible characters, a soft
# hyphen, ß and a ligature (one letter, two folded), İ (a letter and a combining mark),
# lone combining marks, Arabic tashkeel and Russian stress marks (and any character at
# all, beside them).
_LENGTH_CHANGING = [
    *("\u200b", "\u00ad", "\ufeff", "\u200e", "\u2060", "ß", "ẞ", "ﬁ", "İ"),
    *("\u0301", "\u0323", "\u0309", "e\u0301", "Ha\u0300 No\u0302\u0323i", "\u064e"),
    *("Хано\u0301й", "Ха\u0301\u0300ной", "е\u0301"),
]


def _text_of(piece: st.SearchStrategy[str], size: int = 14) -> st.SearchStrategy[str]:
    return st.lists(piece, max_size=size).map("".join)


def _single_spaced(text: str) -> str:
    """Return ``text`` with each run of white space cut to its first character (folding
    makes a run one space: the texts that fold in place have none)."""
    return _WHITE_SPACE_RUN.sub(lambda run: run.group()[0], text)


_WHITE_SPACE_RUN = re.compile(r"\s{2,}")


_vi_piece = st.one_of(
    _vi_form(_VI_FORMS),
    st.sampled_from(_VI_WORDS),
    st.sampled_from(_SEPARATORS),
    st.sampled_from(_SEPARATORS),
)
_vi_texts_in_place = st.lists(_text_of(_vi_piece).map(_single_spaced), min_size=1, max_size=5)
_vi_piece_changing = st.one_of(
    _vi_piece,
    _vi_form(_VI_FORMS).map(_nfd),
    st.sampled_from(_LENGTH_CHANGING),
    st.characters(),
)
_vi_texts_changing = st.lists(_text_of(_vi_piece_changing), min_size=1, max_size=5)

_RU_FORMS = [form for _, preferred, accepted in _RU_ENTRIES for form in (preferred, *accepted)]
_RU_ENDINGS = ["", "", "а", "у", "ом", "ы", "е", "ой", "ами", "ь", "ого", "ах"]
_RU_WORDS = (
    "и на заседание — (ЦК) Нгуенам, То Ле Ву ЦКБ Тиен Зунга Тиен-Зунг мосту партии комитета "
    "Nguyên Nguyễn nguyen NGUYỄN Tấn Dũng Dung 19 G 7 ё й Щекино Хоа Бинь Хоабиня Ханое "
    "пунктов подключений провинциального город Хошимине Дананге КПВ "
    "under_score ＣＫ ２０２４"
).split()


@st.composite
def _ru_form(draw: st.DrawFn) -> str:
    form = draw(st.sampled_from(_CASES[:6]))(draw(st.sampled_from(_RU_FORMS)))
    words = [word + draw(st.sampled_from(_RU_ENDINGS)) for word in form.split()]
    return draw(st.sampled_from(_WORD_GAPS)).join(words)


_ru_piece = st.one_of(
    _ru_form(),
    st.sampled_from(_RU_WORDS),
    st.sampled_from(_SEPARATORS),
    st.sampled_from(_SEPARATORS),
)
_ru_texts_in_place = st.lists(_text_of(_ru_piece).map(_single_spaced), min_size=1, max_size=5)
_ru_texts_changing = st.lists(
    _text_of(
        st.one_of(
            _ru_piece, _ru_form().map(_nfd), st.sampled_from(_LENGTH_CHANGING), st.characters()
        )
    ),
    min_size=1,
    max_size=5,
)


# --- assertions ---------------------------------------------------------------------------


def _tuples(mentions: Sequence[Mention]) -> Expected:
    return [(m.entry, m.form, m.status, m.start, m.end, m.exact) for m in mentions]


def _assert_find_many_agrees(matcher: Matcher, texts: list[str]) -> list[list[Mention]]:
    """Return the mentions of each text, found one by one; check that ``find_many`` finds
    the same, in a small batch and in one of more than 64 texts (folded in one pass)."""
    one_by_one = [matcher.find(text) for text in texts]
    for text, mentions in zip(texts, one_by_one, strict=True):
        for m in mentions:
            assert text[m.start : m.end] == m.text, m
            assert 0 <= m.start < m.end <= len(text), m
    assert matcher.find_many(texts) == one_by_one
    repeats = 1 + 64 // len(texts)
    assert matcher.find_many(texts * repeats) == one_by_one * repeats
    return one_by_one


def _expected_through_offsets(reference: Reference, text: str) -> Expected:
    """Return the reference's mentions in ``text`` however folding changed it: found in
    the folded text (which folds in place), their spans mapped back to ``text``."""
    folded, offsets = fold_with_offsets(text)
    assert folded == fold(text)
    assume(fold(folded) == folded)
    out: Expected = []
    for entry, form, status, start, end, exact in reference(folded):
        a, b = offsets.to_original(start, end)
        out.append((entry, form, status, a, b, exact))
    return out


def _letters(text: str) -> str:
    return re.sub(r"\W|_", "", strip_marks(fold(text)))


# --- the words layout (Vietnamese) ----------------------------------------------------------


@pytest.mark.parametrize("backend", sorted(BACKENDS))
@pytest.mark.parametrize("width", [1, 2, 3])
@_SETTINGS
@given(texts=_vi_texts_in_place)
def test_vietnamese_texts_that_fold_in_place(width: int, backend: str, texts: list[str]) -> None:
    """Texts that fold one character for one: every mention as the reference finds it."""
    for text in texts:
        assert len(fold(text)) == len(text)  # what the reference needs (not the matcher)
    found = _assert_find_many_agrees(_vi_matcher(width, backend), texts)
    reference = _vi_reference(width)
    assert [_tuples(mentions) for mentions in found] == [reference(text) for text in texts]


@pytest.mark.parametrize("backend", sorted(BACKENDS))
@pytest.mark.parametrize("width", [1, 3])
@_SETTINGS
@given(texts=_vi_texts_changing)
def test_vietnamese_texts_that_folding_changes(width: int, backend: str, texts: list[str]) -> None:
    """Decomposed forms, invisible characters, letters that fold to two: the reference's
    mentions in the folded text, mapped back; each mention's text has the form's letters."""
    found = _assert_find_many_agrees(_vi_matcher(width, backend), texts)
    reference = _vi_reference(width)
    expected = [_expected_through_offsets(reference, text) for text in texts]
    assert [_tuples(mentions) for mentions in found] == expected
    for mentions in found:
        for m in mentions:
            assert _letters(m.text) == _letters(m.form), m


# --- the stem layout (Russian) ------------------------------------------------------------


@pytest.mark.parametrize("backend", sorted(BACKENDS))
@_SETTINGS
@given(texts=_ru_texts_in_place)
def test_russian_texts_that_fold_in_place(backend: str, texts: list[str]) -> None:
    for text in texts:
        assert len(fold(text)) == len(text)
    found = _assert_find_many_agrees(_ru_matcher(backend), texts)
    reference = _ru_reference()
    assert [_tuples(mentions) for mentions in found] == [reference(text) for text in texts]


@pytest.mark.parametrize("backend", sorted(BACKENDS))
@_SETTINGS
@given(texts=_ru_texts_changing)
def test_russian_texts_that_folding_changes(backend: str, texts: list[str]) -> None:
    found = _assert_find_many_agrees(_ru_matcher(backend), texts)
    reference = _ru_reference()
    expected = [_expected_through_offsets(reference, text) for text in texts]
    assert [_tuples(mentions) for mentions in found] == expected
    for mentions in found:
        for m in mentions:
            assert _ru_key_of(fold(m.text)) == _ru_key_of(fold(m.form)), m


# --- folding changes that cancel out ---------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text", "span"),
    [
        ("vi", "ß Hà Nội\u200b", (2, 8)),
        ("vi", "\u200bHà Nội ß", (1, 7)),
        ("vi", "ﬁ Hà Nội\u00ad", (2, 8)),
        ("ru", "ß Ханой\u200b", (2, 7)),
    ],
)
def test_spans_when_two_folding_changes_cancel_out(
    lang: str, text: str, span: tuple[int, int]
) -> None:
    matcher = _vi_matcher(1, "pyahocorasick") if lang == "vi" else _ru_matcher("pyahocorasick")
    [mention] = matcher.find(text)
    assert (mention.start, mention.end) == span
    assert matcher.find_many([text, text]) == [[mention], [mention]]

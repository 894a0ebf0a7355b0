"""Property tests: arbitrary Unicode into the loaders and every check; no crash, no hang,
spans always inside the text they point into."""

from __future__ import annotations

import json
import random
import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from multipub import Config, check
from multipub.io import InputProblem, LoadedArticle, parse_article_text
from multipub.models import Article
from tests.conftest import make_article

# Characters that break naive text code: bidi controls, zero-width, combining marks,
# Arabic tashkeel and tatweel, Vietnamese vowels, CJK, surrogate-range code points (only
# reachable through JSON escapes), NUL and line separators.
_TRICKY = list(
    "\u200b\u200c\u200d\u2060\ufeff\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
    "\u0300\u0301\u0303\u0309\u0323\u064b\u064e\u0650\u0640\u0670"
    "ạảãàáâấầẫậăắằẳặđơớờởợưứừửữựoauy"
    "漢字。，\u3000\x00\u2028\u2029\n\t .,;:!?«»“”"
    "\ud800\udbff\udc00\udfff"  # lone surrogates: JSON escapes them, YAML cannot hold them
)
_text = st.text(
    alphabet=st.one_of(st.characters(), st.sampled_from(_TRICKY)),
    max_size=300,
)
_block = st.one_of(
    _text,
    st.builds(
        lambda k, t: {"kind": k, "text": t}, st.sampled_from(["caption", "quote", "heading"]), _text
    ),
    st.builds(lambda t: {"kind": "media", "src": "clip.mp4", "text": t}, _text),
)
_variant = st.fixed_dictionaries(
    {"blocks": st.lists(_block, max_size=12)},
    optional={"title": _text, "lead": _text, "byline": _text},
)
_langs = st.sampled_from(["vi", "ar", "ru", "zh-Hans", "en", "fr"])
_article = st.builds(
    lambda variants, source: {
        "id": "prop",
        "source_lang": source,
        "variants": variants,
    },
    st.dictionaries(_langs, _variant, min_size=1, max_size=4),
    _langs,
)


def _assert_spans_inside(article: Article, config: Config | None = None) -> None:
    for finding in check(article, config=config):
        if finding.code == "MP001":  # about the article, not a place in its text
            continue
        variant = article.variants[finding.lang or ""]
        text = variant.text_of(finding.field or "title", finding.block)
        assert finding.span is not None
        start, end = finding.span
        assert 0 <= start <= end <= len(text), (finding, len(text))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_article, st.sampled_from(["json", "jsonl", "yaml"]))
def test_loaders_never_crash(data: dict, fmt: str) -> None:
    # ensure_ascii escapes every surrogate-range code point as \udXXX, as CMS exports do.
    text = json.dumps(data, ensure_ascii=fmt != "yaml")
    if fmt == "yaml":
        # A YAML file cannot hold NUL or a surrogate at all (they are not characters).
        text = "".join(c for c in text if c != "\x00" and not "\ud800" <= c <= "\udfff")
    results = list(parse_article_text(text, "prop." + fmt, fmt))
    assert results
    for result in results:
        assert isinstance(result, LoadedArticle | InputProblem)
        if isinstance(result, LoadedArticle):
            _assert_spans_inside(result.article)


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=400), st.sampled_from(["json", "jsonl", "yaml"]))
def test_garbage_bytes_are_input_problems(raw: bytes, fmt: str) -> None:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return  # decoding errors are covered in test_io
    for result in parse_article_text(text, "garbage", fmt):
        assert isinstance(result, LoadedArticle | InputProblem)


def _has_no_surrogates(data: object) -> bool:
    return "\\ud" not in json.dumps(data).lower()


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_article.filter(_has_no_surrogates))
def test_every_check_keeps_spans_inside_the_text(data: dict) -> None:
    if data["source_lang"] not in data["variants"] and len(data["variants"]) > 1:
        data["source_lang"] = sorted(data["variants"])[0]
    article = Article.model_validate(data)
    # Low thresholds so that more code paths run on random text.
    _assert_spans_inside(article)
    _assert_spans_inside(
        article,
        Config(
            duplicate_min_chars=1,
            near_duplicate_min_chars=1,
            near_duplicate_chrf=0.0,
            untranslated_min_words=1,
            title_max_chars={"*": 3},
        ),
    )


@settings(max_examples=100, deadline=None)
@given(_text.filter(_has_no_surrogates))
def test_repeats_of_random_text_are_found_after_normalization(tail: str) -> None:
    text = "Một đoạn văn đủ dài để được so sánh " + tail
    # The same block wrapped in invisible characters is still a verbatim repeat.
    noisy = "\u200b\u2067" + text + "\u2069\u00ad"
    article = make_article({"vi": [text, "Đoạn khác hoàn toàn, viết về chuyện khác.", noisy]})
    findings = check(article, config=Config(select=("MP301", "MP302")))
    assert [(f.code, f.block) for f in findings] == [("MP301", 2)]
    _assert_spans_inside(article)


def test_one_megabyte_block_and_empty_blocks() -> None:
    big = ("Tỉnh Hòa Giang họp bàn kế hoạch. " * 32_000)[:1_000_000]
    article = make_article({"vi": ["", big, "", big], "ar": ["", big[:500_000]]})
    started = time.perf_counter()
    findings = check(article)
    assert time.perf_counter() - started < 30
    # the Arabic variant holds Vietnamese text: untranslated
    assert [(f.code, f.lang, f.block) for f in findings] == [
        ("MP303", "ar", 1),
        ("MP301", "vi", 3),
    ]
    _assert_spans_inside(article)


def _random_blocks(count: int, vocabulary: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    syllables = "an bình cao dân đất giang hòa khánh lâm minh nam phú quang sơn tân thanh".split()
    words = sorted({rng.choice(syllables) + rng.choice(syllables) for _ in range(vocabulary)})
    return [" ".join(rng.choice(words) for _ in range(20)) for _ in range(count)]


def test_ten_thousand_blocks() -> None:
    blocks = _random_blocks(10_000, vocabulary=3_000, seed=11)
    blocks[9_999] = blocks[17]
    article = make_article({"vi": blocks}, source_lang="vi")
    started = time.perf_counter()
    findings = check(article)
    assert time.perf_counter() - started < 60
    assert ("MP301", 9_999) in [(f.code, f.block) for f in findings]
    _assert_spans_inside(article)


def test_thousands_of_look_alike_blocks_stay_linear() -> None:
    # 2,000 blocks drawn from 40 words: every block resembles every other, the worst case
    # for the candidate index; its bounds keep this to seconds.
    blocks = _random_blocks(2_000, vocabulary=40, seed=5)
    article = make_article({"vi": blocks}, source_lang="vi")
    started = time.perf_counter()
    check(article, config=Config(select=("MP302",)))
    assert time.perf_counter() - started < 60

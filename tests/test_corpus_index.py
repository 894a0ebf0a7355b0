"""MP304's cross-article index (multipub.corpus_index): copies and rewordings found across
articles in vi, ar, ru, zh and en, unrelated paragraphs and other languages left alone,
boilerplate, re-indexing an edited article, determinism across processes, and an index
that survives a writer killed with SIGKILL.

Every text here was written for these tests.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from multipub import corpus_index
from multipub.corpus_index import (
    BANDS,
    NUM_PERM,
    THRESHOLD,
    BlockRef,
    CorpusIndex,
    IndexMismatch,
    Match,
    estimated_jaccard,
    find_corpus_duplicates,
    shingles,
    signatures,
)
from multipub.models import Article

REPO = Path(__file__).resolve().parents[1]
LANGS = ("vi", "ar", "ru", "zh", "en")

# One news paragraph per language (a new water plant), a reworded copy of it (a few words
# changed, added or moved), and an unrelated paragraph of the same language.
PARAGRAPH = {
    "vi": "Sáng thứ Ba, Công ty cấp nước tỉnh Lâm Hà đưa vào vận hành một nhà máy xử lý nước "
    "mới, cung cấp nước sạch cho khoảng bốn nghìn hộ dân ở các huyện miền núi trong suốt "
    "mùa khô năm nay.",
    "ar": "افتتحت هيئة المياه في المقاطعة صباح الثلاثاء محطة معالجة جديدة ستزود نحو أربعة آلاف "
    "أسرة في المناطق الجبلية بمياه الشرب النظيفة طوال موسم الجفاف هذا العام.",
    "ru": "Во вторник утром областная водоканальная компания открыла новую очистную станцию, "
    "которая весь засушливый сезон будет снабжать чистой питьевой водой около четырёх тысяч "
    "семей в горных районах области.",
    "zh": "周二上午，省供水公司在山区启用了一座新的净水厂，今年整个旱季将为大约四千户家庭"
    "提供干净的饮用水，缓解当地长期缺水的问题。",
    "en": "On Tuesday morning the provincial water company opened a new treatment plant that "
    "will supply clean drinking water to about four thousand households in the mountain "
    "districts throughout this year's dry season.",
}
REWORDED = {
    "vi": "Sáng thứ Ba, Công ty cấp nước tỉnh Lâm Hà đã đưa vào vận hành một nhà máy xử lý "
    "nước mới, cung cấp nước sạch cho khoảng bốn nghìn hộ dân ở các huyện vùng cao trong "
    "suốt mùa khô năm nay.",
    "ar": "افتتحت هيئة المياه في المقاطعة يوم الثلاثاء محطة معالجة جديدة ستزود نحو أربعة آلاف "
    "أسرة في المناطق الجبلية بمياه الشرب النظيفة طوال موسم الجفاف الحالي.",
    "ru": "Во вторник областная водоканальная компания открыла новую очистную станцию, "
    "которая весь засушливый сезон будет снабжать чистой питьевой водой около четырёх тысяч "
    "семей в горных районах.",
    "zh": "周二，省供水公司在山区启用了一座新的净水厂，今年整个旱季将为大约四千户居民提供"
    "干净的饮用水，缓解当地长期缺水的问题。",
    "en": "On Tuesday the provincial water company opened a new treatment plant that will "
    "supply clean drinking water to about four thousand households in the upland districts "
    "throughout this year's dry season.",
}
# The same paragraph with the time of day moved to another place of the sentence.
MOVED = {
    "vi": "Công ty cấp nước tỉnh Lâm Hà đưa vào vận hành một nhà máy xử lý nước mới vào sáng "
    "thứ Ba, cung cấp nước sạch cho khoảng bốn nghìn hộ dân ở các huyện miền núi trong suốt "
    "mùa khô năm nay.",
    "ar": "افتتحت هيئة المياه في المقاطعة محطة معالجة جديدة صباح الثلاثاء ستزود نحو أربعة آلاف "
    "أسرة في المناطق الجبلية بمياه الشرب النظيفة طوال موسم الجفاف هذا العام.",
    "ru": "Областная водоканальная компания во вторник утром открыла новую очистную станцию, "
    "которая весь засушливый сезон будет снабжать чистой питьевой водой около четырёх тысяч "
    "семей в горных районах области.",
    "zh": "省供水公司周二上午在山区启用了一座新的净水厂，今年整个旱季将为大约四千户家庭提供"
    "干净的饮用水，缓解当地长期缺水的问题。",
    "en": "The provincial water company opened a new treatment plant on Tuesday morning that "
    "will supply clean drinking water to about four thousand households in the mountain "
    "districts throughout this year's dry season.",
}
UNRELATED = {
    "vi": "Đội bóng chuyền nữ của trường đại học thành phố đã giành huy chương bạc tại giải vô "
    "địch sinh viên toàn quốc được tổ chức ở một thị trấn ven biển vào cuối tuần trước.",
    "ar": "فاز فريق الكرة الطائرة للسيدات في جامعة المدينة بالميدالية الفضية في البطولة "
    "الوطنية للطلاب التي أقيمت في بلدة ساحلية صغيرة في نهاية الأسبوع الماضي.",
    "ru": "Женская волейбольная команда городского университета завоевала серебряную медаль "
    "на национальном студенческом чемпионате, который прошёл в небольшом приморском городке "
    "в минувшие выходные.",
    "zh": "上周末在一座海滨小城举行的全国大学生锦标赛上，市立大学女子排球队顽强拼搏，最终"
    "获得了银牌。",
    "en": "The women's volleyball team of the city university won a silver medal at the "
    "national student championship held in a small coastal town last weekend.",
}
# Filler blocks for the articles (other topics), so that a match is one block among others.
FILLER = {
    "vi": "Theo kế hoạch, tuyến đường nối hai xã sẽ được trải nhựa xong trước mùa mưa để học "
    "sinh đi lại an toàn hơn.",
    "ar": "وبحسب الخطة، سيتم تعبيد الطريق الذي يربط بين القريتين قبل موسم الأمطار ليتنقل "
    "التلاميذ بأمان أكبر.",
    "ru": "По плану дорогу между двумя сёлами заасфальтируют до сезона дождей, чтобы школьники "
    "могли добираться до занятий безопаснее.",
    "zh": "按照计划，连接两个乡的公路将在雨季到来之前铺好沥青，让学生上下学更加安全。",
    "en": "Under the plan, the road linking the two villages will be paved before the rainy "
    "season so that pupils can travel to school more safely.",
}
SIGN_OFF = (
    "Readers who have information about this story can contact the newsroom hotline at any "
    "time of the day or night."
)


def article(article_id: str, variants: dict[str, list[str]], lead: str | None = None) -> Article:
    """Return an article whose variants hold ``variants``' blocks (and ``lead`` in each)."""
    return Article.model_validate(
        {
            "id": article_id,
            "source_lang": next(iter(variants)),
            "variants": {
                lang: {"blocks": blocks, **({"lead": lead} if lead else {})}
                for lang, blocks in variants.items()
            },
        }
    )


def in_memory(articles: list[Article], target: str, **kwargs: Any) -> list[Match]:
    """Return the matches of article ``target`` by find_corpus_duplicates."""
    found = find_corpus_duplicates(articles, **kwargs)
    return [m for ref, matches in found.items() if ref.article_id == target for m in matches]


def by_index(
    articles: list[Article], target: str, path: Path, allowed: dict[str, list[str]] | None = None
) -> list[Match]:
    """Return the matches of article ``target`` by a CorpusIndex holding ``articles``."""
    with CorpusIndex(path / "index.sqlite") as index:
        for lang, texts in (allowed or {}).items():
            index.allow(lang, texts)
        index.add_articles(articles)
        return index.query(next(a for a in articles if a.id == target))


def jaccard(a: str, b: str, lang: str) -> float:
    """Return the exact Jaccard similarity of two texts' shingles."""
    sa, sb = shingles(a, lang), shingles(b, lang)
    return len(sa & sb) / len(sa | sb)


ENGINES = ("memory", "index")


def matches_of(engine: str, articles: list[Article], target: str, tmp_path: Path) -> list[Match]:
    """Return the matches of ``target`` by either engine."""
    if engine == "memory":
        return in_memory(articles, target)
    return by_index(articles, target, tmp_path)


# --------------------------------------------------------------------------------------
# Found


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("lang", LANGS)
def test_copied_paragraph_is_found(lang: str, engine: str, tmp_path: Path) -> None:
    articles = [
        article("first", {lang: [FILLER[lang], PARAGRAPH[lang]]}),
        article("second", {lang: [UNRELATED[lang], PARAGRAPH[lang]]}),
    ]
    found = matches_of(engine, articles, "second", tmp_path)
    assert found == [Match(lang, "blocks", 1, "first", lang, "blocks", 1, 1.0, True)]


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("how", ["words changed", "clause moved"])
@pytest.mark.parametrize("lang", LANGS)
def test_reworded_copy_is_found(lang: str, how: str, engine: str, tmp_path: Path) -> None:
    copy = (REWORDED if how == "words changed" else MOVED)[lang]
    articles = [
        article("first", {lang: [PARAGRAPH[lang], FILLER[lang]]}),
        article("second", {lang: [UNRELATED[lang], copy]}),
    ]
    found = matches_of(engine, articles, "second", tmp_path)
    exact = jaccard(PARAGRAPH[lang], copy, lang)
    assert [(m.block, m.other_article, m.other_block, m.verbatim) for m in found] == [
        (1, "first", 0, False)
    ], f"exact Jaccard {exact:.2f}"
    assert THRESHOLD <= found[0].similarity < 1.0
    assert abs(found[0].similarity - exact) < 0.15  # the estimate is near the truth


@pytest.mark.parametrize("lang", LANGS)
def test_unrelated_paragraphs_are_not_matched(lang: str, tmp_path: Path) -> None:
    articles = [
        article("first", {lang: [PARAGRAPH[lang], FILLER[lang]]}),
        article("second", {lang: [UNRELATED[lang]]}),
    ]
    assert jaccard(PARAGRAPH[lang], UNRELATED[lang], lang) < 0.05
    assert in_memory(articles, "second") == []
    assert by_index(articles, "second", tmp_path) == []


def test_a_lead_copied_into_another_article_is_found() -> None:
    articles = [
        article("first", {"en": [FILLER["en"]]}, lead=PARAGRAPH["en"]),
        article("second", {"en": [UNRELATED["en"], PARAGRAPH["en"]]}),
    ]
    assert in_memory(articles, "second") == [
        Match("en", "blocks", 1, "first", "en", "lead", None, 1.0, True)
    ]
    assert in_memory(articles, "first") == [
        Match("en", "lead", None, "second", "en", "blocks", 1, 1.0, True)
    ]
    assert list(find_corpus_duplicates(articles)) == [
        BlockRef("first", "en", "lead", None),
        BlockRef("second", "en", "blocks", 1),
    ]


# --------------------------------------------------------------------------------------
# Not matched


@pytest.mark.parametrize("engine", ENGINES)
def test_same_paragraph_in_another_language_variant_is_not_matched(
    engine: str, tmp_path: Path
) -> None:
    # The same Vietnamese text left untranslated in an English variant is MP303's matter;
    # across articles, a vi block never matches an en block, and translations never do.
    articles = [
        article("first", {"vi": [PARAGRAPH["vi"]], "en": [PARAGRAPH["en"]]}),
        article("second", {"en": [PARAGRAPH["vi"], PARAGRAPH["ru"]], "ar": [PARAGRAPH["ar"]]}),
    ]
    found = matches_of(engine, articles, "second", tmp_path)
    assert [(m.lang, m.block, m.other_lang, m.other_block) for m in found] == []


def test_regional_tags_of_one_language_are_matched() -> None:
    articles = [
        article("first", {"vi": [PARAGRAPH["vi"]]}),
        article("second", {"vi-VN": [PARAGRAPH["vi"]]}),
    ]
    assert in_memory(articles, "second") == [
        Match("vi-VN", "blocks", 0, "first", "vi", "blocks", 0, 1.0, True)
    ]


def test_blocks_of_one_article_do_not_match_each_other(tmp_path: Path) -> None:
    # Repeats inside one article are MP301/MP302's; the article's own indexed copy is no
    # match either.
    one = article("only", {"en": [PARAGRAPH["en"], PARAGRAPH["en"]], "vi": [PARAGRAPH["vi"]]})
    assert find_corpus_duplicates([one, one]) == {}
    assert by_index([one], "only", tmp_path) == []


def test_short_blocks_are_not_indexed() -> None:
    short = {
        "en": "Photo by the provincial water company.",  # 6 words
        "vi": "Ảnh: Công ty cấp nước tỉnh.",  # 6 syllables
        "zh": "图为省供水公司新建的净水厂。",  # 13 characters
    }
    for lang, text in short.items():
        assert not signatures([text], lang).signed[0]
        articles = [article("a", {lang: [text]}), article("b", {lang: [text]})]
        assert find_corpus_duplicates(articles) == {}


@pytest.mark.parametrize("engine", ENGINES)
def test_allow_listed_boilerplate_is_not_matched(engine: str, tmp_path: Path) -> None:
    articles = [
        article("first", {"en": [PARAGRAPH["en"], SIGN_OFF]}),
        article("second", {"en": [UNRELATED["en"], SIGN_OFF]}),
    ]
    assert matches_of(engine, articles, "second", tmp_path) != []  # without the list
    # Listed in a slightly other wording: the blocks match the listed text, not only equal it.
    listed = {"en": [SIGN_OFF.replace("any time", "any hour")]}
    if engine == "memory":
        assert in_memory(articles, "second", allowed=listed) == []
    else:
        (tmp_path / "listed").mkdir()
        assert by_index(articles, "second", tmp_path / "listed", allowed=listed) == []


def test_allow_list_is_kept_in_the_index_file(tmp_path: Path) -> None:
    path = tmp_path / "index.sqlite"
    with CorpusIndex(path) as index:
        assert index.allow("en", [SIGN_OFF, SIGN_OFF]) == 1
        index.add_articles([article("first", {"en": [SIGN_OFF]})])
    with CorpusIndex(path) as index:
        assert index.query(article("second", {"en": [SIGN_OFF]})) == []


def test_a_block_in_many_articles_is_boilerplate() -> None:
    articles = [
        article(f"a{k:02}", {"en": [FILLER["en"] + f" Item {k}.", SIGN_OFF]}) for k in range(12)
    ]
    # In 11 other articles: more than the default 10.
    assert in_memory(articles, "a00") == []
    found = in_memory(articles, "a00", boilerplate_articles=None)
    assert [m.other_article for m in found if m.block == 1] == [f"a{k:02}" for k in range(1, 12)]


# --------------------------------------------------------------------------------------
# Normalization


def test_arabic_letter_forms_and_marks_are_folded() -> None:
    plain = PARAGRAPH["ar"].replace("أ", "ا").replace("آ", "ا").replace("ة", "ه")
    marked = PARAGRAPH["ar"].replace("افتتحت", "اِفْتَتَحَـــتْ").replace("الجبلية", "الجَبَلِيَّة")
    signed = signatures([PARAGRAPH["ar"], plain, marked], "ar")
    assert signed.text_hashes[0] == signed.text_hashes[1] == signed.text_hashes[2]
    assert (signed.values[0] == signed.values[1]).all()
    assert (signed.values[0] == signed.values[2]).all()


def test_vietnamese_decomposed_and_new_style_tones_are_one_text() -> None:
    old_style = PARAGRAPH["vi"].replace("Lâm Hà", "Hòa Bình")
    new_style = unicodedata.normalize("NFD", old_style.replace("Hòa", "Hoà")).upper()
    signed = signatures([old_style, new_style], "vi")
    assert signed.text_hashes[0] == signed.text_hashes[1]
    assert (signed.values[0] == signed.values[1]).all()


def test_odd_texts_are_signed_or_left_out_without_error() -> None:
    odd = [
        "",
        "\x00\x00",
        "!!! ??? ... —",
        "x" * 20_000,  # one long word: too short
        PARAGRAPH["en"].replace(" ", "\x00"),  # NUL is a separator like any other
        "\U0001f600 " * 50,  # emoji only: no words
        PARAGRAPH["en"],
    ]
    signed = signatures(odd, "en")
    assert signed.signed.tolist() == [False, False, False, False, True, False, True]
    assert (signed.values[4] == signed.values[6]).all()
    assert not signed.values[0].any()
    assert signatures([], "en").values.shape == (0, NUM_PERM)


def test_estimate_is_near_the_exact_jaccard() -> None:
    for lang in LANGS:
        signed = signatures([PARAGRAPH[lang], REWORDED[lang], UNRELATED[lang]], lang)
        exact = jaccard(PARAGRAPH[lang], REWORDED[lang], lang)
        estimate = estimated_jaccard(signed.values[0], signed.values[1])
        assert abs(estimate - exact) < 0.15, lang
        assert estimated_jaccard(signed.values[0], signed.values[2]) < 0.1, lang


# --------------------------------------------------------------------------------------
# The index file


def test_readding_an_edited_article_replaces_its_rows(tmp_path: Path) -> None:
    path = tmp_path / "index.sqlite"
    original = article("first", {"en": [PARAGRAPH["en"], FILLER["en"]], "vi": [PARAGRAPH["vi"]]})
    other = article("second", {"en": [UNRELATED["en"], PARAGRAPH["en"]]})
    with CorpusIndex(path) as index:
        assert index.add_articles([original, other]) == 2
        assert [m.other_article for m in index.query(other)] == ["first"]
        assert index.block_count() == 5
        # Unchanged: skipped. Edited: its blocks and band rows replaced.
        assert index.add_articles([original]) == 0
        edited = article("first", {"en": [UNRELATED["ru"], FILLER["en"], SIGN_OFF]})
        assert index.add_articles([edited]) == 1
        assert index.query(other) == []
        assert len(index) == 2
        assert index.block_count() == 5  # 3 + 2
    with sqlite3.connect(path) as db:
        bands = _band_rows_in(db)
        langs = db.execute(
            "SELECT lang, COUNT(*) FROM blocks b JOIN articles a ON a.id = b.article"
            " WHERE a.name = 'first' GROUP BY lang"
        ).fetchall()
    assert bands == 5 * BANDS
    assert langs == [("en", 3)]


def _band_rows_in(db: sqlite3.Connection) -> int:
    """Return how many band rows the index file holds, over all its runs (checking that
    the list of runs counts them right and names every run table there is)."""
    runs = db.execute("SELECT id, rows FROM runs ORDER BY id").fetchall()
    tables = sorted(
        row[0]
        for row in db.execute("SELECT name FROM sqlite_master WHERE name LIKE 'run^_%' ESCAPE '^'")
    )
    assert tables == sorted(f"run_{run_id}" for run_id, _ in runs)
    counted = [db.execute(f"SELECT COUNT(*) FROM run_{run_id}").fetchone()[0] for run_id, _ in runs]
    assert counted == [rows for _, rows in runs]
    return sum(counted)


def test_band_rows_are_kept_in_few_runs_merged_as_they_grow(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Runs of at most 64 rows before a new one: each article's 4 blocks (128 rows) start
    # one, and the runs merge four of a size class at a time.
    monkeypatch.setattr(corpus_index, "_SMALL_RUN", 64)
    path = tmp_path / "index.sqlite"
    articles = corpus(40)
    seen_classes = set()
    with CorpusIndex(path) as index:
        for count, one in enumerate(articles, start=1):
            index.add_articles([one])
            with sqlite3.connect(path) as db:
                assert _band_rows_in(db) == count * 4 * BANDS
                sizes = [rows for (rows,) in db.execute("SELECT rows FROM runs ORDER BY id")]
            db.close()
            # Older runs are of a larger size class, and no class has four runs: few runs.
            classes = [corpus_index._size_class(rows) for rows in sizes]
            assert classes == sorted(classes, reverse=True), sizes
            assert all(classes.count(c) < 4 for c in classes), sizes
            seen_classes.update(classes)
        assert seen_classes == {0, 1, 2}  # 40 articles: merged twice over
        # Every run is probed: the copies are found whichever runs their rows ended in.
        assert [m.other_article for m in index.query(articles[1])] == ["a0000", "a0002"]
        assert [m.other_article for m in index.query(articles[-1])] == ["a0038"]
        # An edited article's band rows go from every run they are in.
        assert index.remove("a0000")
        assert [m.other_article for m in index.query(articles[1])] == ["a0002"]
        with sqlite3.connect(path) as db:
            assert _band_rows_in(db) == 39 * 4 * BANDS
        db.close()
        assert index.integrity() == "ok"


def test_remove_deletes_an_article(tmp_path: Path) -> None:
    with CorpusIndex(tmp_path / "index.sqlite") as index:
        index.add_articles([article("first", {"en": [PARAGRAPH["en"]]})])
        assert "first" in index
        assert index.remove("first")
        assert not index.remove("first")
        assert "first" not in index
        assert index.query(article("second", {"en": [PARAGRAPH["en"]]})) == []
        assert index.block_count() == 0


def test_an_index_of_another_scheme_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "index.sqlite"
    CorpusIndex(path).close()
    with sqlite3.connect(path) as db:
        db.execute("UPDATE meta SET value = 'mp304-v0' WHERE key = 'scheme'")
    db.close()
    with pytest.raises(IndexMismatch, match="index again"):
        CorpusIndex(path)


def corpus(count: int, blocks: int = 4) -> list[Article]:
    """Return ``count`` articles of ``blocks`` blocks; article k's first block copies a
    block of article k - 1 (so each has a match), the others are distinct sentences made
    of the test paragraphs' words."""
    words = sorted(set(" ".join(PARAGRAPH[lang] for lang in ("en", "vi", "ru")).split()))
    made: list[Article] = []
    for k in range(count):
        texts = [
            " ".join(random.Random(k * blocks + b).choices(words, k=20)) for b in range(blocks)
        ]
        if k:
            texts[0] = made[-1].variants["en"].blocks[1].text
        made.append(article(f"a{k:04}", {"en": texts}))
    return made


def test_results_are_deterministic(tmp_path: Path) -> None:
    articles = corpus(60)
    first = find_corpus_duplicates(articles)
    assert first == find_corpus_duplicates(articles)
    assert list(first) == sorted(first, key=lambda ref: (ref.article_id, ref.block or 0))
    # The index answers what the in-memory search does, in the same order.
    with CorpusIndex(tmp_path / "index.sqlite") as index:
        index.add_articles(reversed(articles), batch_size=7)
        for one in articles[:10]:
            expected = [m for ref, ms in first.items() if ref.article_id == one.id for m in ms]
            assert index.query(one) == expected
            assert index.query(one) == expected


# --------------------------------------------------------------------------------------
# Across processes


_SIGN = """
import json, sys
from multipub.corpus_index import signatures
texts = json.loads(sys.stdin.read())
print(json.dumps({lang: signatures([t], lang).values[0].tolist() for lang, t in texts.items()}))
"""


def _child_env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO / "src"), str(REPO)]))
    env.update(extra)
    return env


def test_signatures_are_the_same_in_any_process() -> None:
    here = {lang: signatures([PARAGRAPH[lang]], lang).values[0].tolist() for lang in LANGS}
    for seed in ("0", "4242"):
        done = subprocess.run(
            [sys.executable, "-c", _SIGN],
            input=json.dumps(PARAGRAPH),
            capture_output=True,
            text=True,
            check=True,
            env=_child_env(PYTHONHASHSEED=seed),
        )
        assert json.loads(done.stdout) == here
    assert all(len(values) == NUM_PERM for values in here.values())


# The writer: indexes the corpus a batch at a time, saying after each commit how many
# articles are in. With a batch to stop in, it writes that batch's rows with a tiny page
# cache (so that uncommitted pages spill into the WAL file), says "inside", and waits to
# be killed before its COMMIT.
_WRITER = """
import sys, time
import multipub.corpus_index
from multipub.corpus_index import CorpusIndex
# Runs of a few rows: every batch starts one and merges run inside the killed batches too.
multipub.corpus_index._SMALL_RUN = 64
from tests.test_corpus_index import corpus
path, batch, stop = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
articles = corpus(int(sys.argv[4]))

class Stalling(CorpusIndex):
    stall = False

    def _transaction(self, work):
        def stalled():
            self._db.execute("PRAGMA cache_size=2")
            work()
            print("inside", flush=True)
            time.sleep(60)
        super()._transaction(stalled if self.stall else work)

with Stalling(path) as index:
    for start in range(0, len(articles), batch):
        index.stall = start // batch == stop
        index.add_articles(articles[start : start + batch], batch_size=batch)
        print(start + batch, flush=True)
"""


def _kill_writer(
    path: Path,
    batch: int,
    stop: int,
    total: int,
    after: int | None,
    while_inside: Callable[[], None] = lambda: None,
) -> int:
    """Start the writer, kill it with SIGKILL (when it says "inside", after calling
    ``while_inside``, or once ``after`` articles are reported committed), and return how
    many articles it had reported committed."""
    writer = subprocess.Popen(
        [sys.executable, "-c", _WRITER, str(path), str(batch), str(stop), str(total)],
        stdout=subprocess.PIPE,
        text=True,
        env=_child_env(),
        cwd=REPO,
    )
    assert writer.stdout is not None
    reported = 0
    try:
        for line in writer.stdout:
            if line.strip() == "inside":
                while_inside()
                break
            reported = int(line)
            if after is not None and reported >= after:
                break  # killed wherever it is in the next batch
    finally:
        os.kill(writer.pid, signal.SIGKILL)
        writer.wait(timeout=60)
    assert writer.returncode == -signal.SIGKILL
    return reported


@pytest.mark.parametrize("when", ["inside a transaction", "wherever it is"])
def test_an_index_killed_mid_write_opens_answers_and_completes(when: str, tmp_path: Path) -> None:
    path = tmp_path / "index.sqlite"
    total, batch = 400, 40
    articles = corpus(total)
    if when == "inside a transaction":

        def read_meanwhile() -> None:
            # Readers neither wait for the writer's lock nor see its batch.
            with CorpusIndex(path, timeout=1) as reader:
                assert len(reader) == 4 * batch
                assert [m.other_article for m in reader.query(articles[1])] == ["a0000", "a0002"]

        reported = _kill_writer(path, batch, 4, total, None, read_meanwhile)
        assert reported == 4 * batch
    else:
        reported = _kill_writer(path, batch, -1, total, 3 * batch)
    with CorpusIndex(path) as index:
        assert index.integrity() == "ok"
        committed = len(index)
        assert reported <= committed < total
        assert committed % batch == 0  # whole batches, never part of one
        if when == "inside a transaction":
            # The fifth batch's rows, spilled into the WAL uncommitted, are not there.
            assert committed == reported
        assert index.block_count() == committed * 4
        # It answers with what was committed: article 1 copies a block of article 0.
        assert [m.other_article for m in index.query(articles[1])] == ["a0000", "a0002"]
        assert index.query(articles[-1]) == []  # its neighbours were never written
        # The next add completes it; what was committed is skipped.
        assert index.add_articles(articles) == total - committed
        assert len(index) == total
        assert index.block_count() == total * 4
        assert [m.other_article for m in index.query(articles[-1])] == ["a0398"]
        assert index.integrity() == "ok"
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert _band_rows_in(db) == total * 4 * BANDS
    db.close()

"""Shared helpers: articles built from short texts written for these tests, and where the
public FLORES-200 data that some tests read is."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from multipub.models import Article

# FLORES-200 devtest (CC-BY-SA 4.0), read in place and never copied into the project: the
# one setting is MULTIPUB_FLORES200 (a directory holding devtest/ and
# metadata_devtest.tsv), by default ../shared/data/flores200 beside the repository.
FLORES200 = Path(
    os.environ.get("MULTIPUB_FLORES200")
    or Path(__file__).resolve().parents[2] / "shared" / "data" / "flores200"
)
FLORES = FLORES200 / "devtest"
needs_flores = pytest.mark.skipif(
    not (FLORES / "vie_Latn.devtest").exists(),
    reason=f"FLORES-200 devtest not found at {FLORES200}: set MULTIPUB_FLORES200 (README)",
)


def article_data(
    variants: dict[str, dict[str, Any] | list[Any]],
    *,
    article_id: str = "test-article",
    source_lang: str = "vi",
) -> dict[str, Any]:
    """Return an article as plain data; a list stands for a variant with only blocks."""
    return {
        "id": article_id,
        "source_lang": source_lang,
        "published_at": "2024-05-20T08:00:00+07:00",
        "variants": {
            lang: ({"blocks": value} if isinstance(value, list) else value)
            for lang, value in variants.items()
        },
    }


def make_article(variants: dict[str, dict[str, Any] | list[Any]], **kwargs: Any) -> Article:
    """Return a validated :class:`Article` (see :func:`article_data`)."""
    return Article.model_validate(article_data(variants, **kwargs))


@pytest.fixture
def clean_article() -> Article:
    """A faithful vi/ar/ru/zh-Hans/en article with nothing to report."""
    return make_article(
        {
            "vi": {
                "title": "Tỉnh Hòa Giang khánh thành cầu Sông Lam mới",
                "lead": "Sáng 20/5, tỉnh Hòa Giang khánh thành cây cầu dài 420 mét bắc qua sông Lam.",
                "byline": "Minh Châu",
                "blocks": [
                    "Cây cầu có tổng vốn đầu tư 310 tỷ đồng, được xây dựng trong 18 tháng.",
                    {"kind": "caption", "text": "Các đại biểu cắt băng khánh thành cầu."},
                    "Cầu mới giúp người dân hai bên bờ rút ngắn quãng đường đi lại khoảng 15 km.",
                ],
            },
            "ar": {
                "title": "مقاطعة هوا جيانغ تفتتح جسر نهر لام الجديد",
                "lead": "صباح 20 مايو، افتتحت مقاطعة هوا جيانغ جسرا بطول 420 مترا فوق نهر لام.",
                "byline": "مينه تشاو",
                "blocks": [
                    "بلغت تكلفة الجسر 310 مليارات دونغ، واستغرق بناؤه 18 شهرا.",
                    {"kind": "caption", "text": "المندوبون يقصون شريط افتتاح الجسر."},
                    "يختصر الجسر الجديد على سكان الضفتين مسافة التنقل بنحو 15 كيلومترا.",
                ],
            },
            "ru": {
                "title": "Провинция Хоазянг открыла новый мост через реку Лам",
                "lead": "Утром 20 мая в провинции Хоазянг открыли мост длиной 420 метров через реку Лам.",
                "byline": "Минь Тяу",
                "blocks": [
                    "Общий объём инвестиций в мост составил 310 млрд донгов, строительство заняло 18 месяцев.",
                    {"kind": "caption", "text": "Делегаты перерезают ленту на открытии моста."},
                    "Новый мост сокращает жителям обоих берегов путь примерно на 15 км.",
                ],
            },
            "zh-Hans": {
                "title": "和江省新蓝河大桥通车",
                "lead": "5月20日上午，和江省一座横跨蓝河、长420米的大桥正式通车。",
                "blocks": [
                    "该桥总投资3100亿越南盾，历时18个月建成。",
                    {"kind": "caption", "text": "代表们为大桥通车剪彩。"},
                    "新桥使两岸居民的出行距离缩短约15公里。",
                ],
            },
            "en": {
                "title": "Hoa Giang opens new bridge over the Lam River",
                "lead": "On the morning of May 20, Hoa Giang province opened a 420-metre bridge over the Lam River.",
                "byline": "Minh Chau",
                "blocks": [
                    "The bridge cost 310 billion VND and took 18 months to build.",
                    {"kind": "caption", "text": "Delegates cut the ribbon to open the bridge."},
                    "The new bridge shortens the journey between the two banks by about 15 km.",
                ],
            },
        }
    )


# The seed page this project started from (../shared/seeds/, never copied into the
# project): the one setting is MULTIPUB_SEED_PAGE, by default the seed beside the repository.
SEED_PAGE = Path(
    os.environ.get("MULTIPUB_SEED_PAGE")
    or Path(__file__).resolve().parents[2] / "shared" / "seeds" / "000_9f11a0ef5bd20798.txt"
)
needs_seed_page = pytest.mark.skipif(
    not SEED_PAGE.is_file(),
    reason=f"seed page not found at {SEED_PAGE}: set MULTIPUB_SEED_PAGE (docs/testing.md)",
)


def modules_loaded(code: str, modules: tuple[str, ...]) -> list[str]:
    """Return which of ``modules`` a fresh interpreter has imported after running
    ``code`` (sorted): what a start-up pays for, measured away from this test process."""
    probe = (
        f"{code}\nimport json, sys\n"
        f"print(json.dumps(sorted(m for m in {modules!r} if m in sys.modules)))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout
    loaded: list[str] = json.loads(out)
    return loaded

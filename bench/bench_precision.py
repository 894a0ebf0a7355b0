"""Benchmark: false findings on real professional translations, and recall on planted defects.

FLORES-200 devtest is rebuilt into articles: its metadata gives each sentence's source
document, so the sentences of one document, in order, are one article's blocks. Vietnamese
is the source; Arabic, English, French, Russian, Chinese and Spanish are six professional
translations of it. Every check runs, with the shipped glossary.

* Precision: the findings on these published translations, by code, and per target variant
  (the bar is 0.02: one false or misplaced alarm in fifty variants). They are printed, one
  line each with ``--show``, to be read against the source.
* Recall: the bench plants one defect of a class in a copy of each article (a repeated
  block, a Vietnamese block left untranslated, a block in a third language, a view counter,
  a changed number, a dropped block, a title ending with a full stop) and counts the
  articles where the planted block gets a finding of the class's code. A dropped block is
  counted twice: reported anywhere in its translation, and reported on the block after the
  gap; the second is split by what lengths and anchors alone say
  (``multipub.align.gap_costs``), since the bar is a block placed exactly where no length
  or anchor argument says otherwise.

The data is found through the ``MULTIPUB_FLORES200`` environment variable (a directory
holding ``devtest/`` and ``metadata_devtest.tsv``), ``../shared/data/flores200`` beside the
repository by default. Prints numbers; asserts nothing.

Usage: python bench/bench_precision.py [--show] [--no-glossary]
"""

from __future__ import annotations

import argparse
import copy
import os
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

from multipub import Article, Config, check
from multipub.align import gap_costs
from multipub.glossary import load_glossary
from multipub.matcher import GlossaryIndex
from multipub.numbers import number_tokens

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_FLORES = ROOT.parent / "shared" / "data" / "flores200"
SOURCE = ("vi", "vie_Latn")
TARGETS = {
    "ar": "arb_Arab",
    "en": "eng_Latn",
    "fr": "fra_Latn",
    "ru": "rus_Cyrl",
    "zh-Hans": "zho_Hans",
    "es": "spa_Latn",
}
THIRD_LANGUAGE = "deu_Latn"  # with --german: a language the site does not publish in
# A view counter as each language's pages print it (written for this bench).
COUNTERS = {
    "ar": "1204 مشاهدة",
    "en": "1,204 views",
    "fr": "1 204 vues",
    "ru": "Просмотров: 1204",
    "zh-Hans": "阅读 1204",
    "es": "1.204 visitas",
}


def flores_dir() -> Path:
    """Return the FLORES-200 directory: MULTIPUB_FLORES200, else ../shared/data/flores200."""
    return Path(os.environ.get("MULTIPUB_FLORES200", DEFAULT_FLORES))


def build_articles(flores: Path) -> list[dict[str, Any]]:
    """Return one article per FLORES source document, as article data (JSON-shaped)."""
    urls = [
        line.split("\t", 1)[0]
        for line in (flores / "metadata_devtest.tsv").read_text("utf-8").splitlines()[1:]
    ]
    texts = {
        lang: (flores / "devtest" / f"{name}.devtest").read_text("utf-8").splitlines()
        for lang, name in [SOURCE, *TARGETS.items(), ("de", THIRD_LANGUAGE)]
    }
    groups: list[list[int]] = []
    for index, url in enumerate(urls):
        if groups and urls[groups[-1][-1]] == url:
            groups[-1].append(index)
        else:
            groups.append([index])
    articles = []
    for number, lines in enumerate(groups):
        variants: dict[str, Any] = {
            lang: {
                "origin": "original" if lang == "vi" else "human",
                "blocks": [texts[lang][i] for i in lines],
            }
            for lang in ("vi", *TARGETS)
        }
        articles.append(
            {
                "id": f"flores-{number}",
                "source_lang": "vi",
                "variants": variants,
                "_german": [texts["de"][i] for i in lines],
            }
        )
    return articles


def _article(data: dict[str, Any]) -> Article:
    return Article.model_validate({k: v for k, v in data.items() if not k.startswith("_")})


def _plant_number(data: dict[str, Any], lang: str) -> int | None:
    """Change one plain number of ``lang`` that its source block holds too (as MP501 reads
    both); return its block."""
    source = data["variants"]["vi"]["blocks"]
    blocks = data["variants"][lang]["blocks"]
    for index, text in enumerate(blocks[: len(source)]):
        in_source = {t.key for t in number_tokens(source[index], "vi")}
        for token in number_tokens(text, lang):
            if token.key in in_source and token.key.isdigit() and int(token.key) >= 10:
                written = text[token.start : token.end]
                if not written.isdigit():
                    continue  # "1.250", "3,5 tỷ": keep the plant simple
                changed = str(int(written) + 7)
                blocks[index] = text[: token.start] + changed + text[token.end :]
                return index
    return None


def plant(
    data: dict[str, Any], lang: str, kind: str
) -> tuple[str, int | None, str] | tuple[str, int | None, str, str] | None:
    """Plant one defect of ``kind`` in ``lang``; return (code, block, field) expected, or
    None when this article cannot take it. A defect of the source (``source-``) names the
    source's language fourth: it must be reported there, and on no translation."""
    blocks = data["variants"][lang]["blocks"]
    source = data["variants"]["vi"]["blocks"]
    if kind == "repeat":
        if len(blocks) < 2 or len(blocks[0]) < 40:
            return None
        blocks.append(blocks[0])
        return ("MP301", len(blocks) - 1, "blocks")
    if kind == "untranslated":
        if len(blocks) < 2 or len(source[1].split()) < 6:
            return None
        blocks[1] = source[1]
        return ("MP303", 1, "blocks")
    if kind == "third-language":
        # Another edition's block filed under this one (the next language of TARGETS),
        # or with --german a language the site does not publish in.
        others = list(TARGETS)
        intruder = others[(others.index(lang) + 1) % len(others)]
        third = data["_german"] if GERMAN else data["variants"][intruder]["blocks"]
        if len(blocks) < 2 or len(third[1]) < 60:
            return None
        blocks[1] = third[1]
        return ("MP401", 1, "blocks")
    if kind == "furniture":
        blocks.insert(0, COUNTERS[lang])
        return ("MP403", 0, "blocks")
    if kind == "number":
        found = _plant_number(data, lang)
        return None if found is None else ("MP501", found, "blocks")
    if kind in ("dropped", "dropped-place"):
        if len(blocks) < 3:
            return None
        del blocks[1]
        # "dropped": an MP502 anywhere in the variant; "dropped-place": on the block that
        # follows the gap, where the source's block 1 went missing
        return ("MP502", 1 if kind == "dropped-place" else None, "blocks")
    if kind == "source-number":
        # The source's slip: every translation has the number the source should have.
        for index, text in enumerate(source):
            for token in number_tokens(text, "vi"):
                written = text[token.start : token.end]
                if not written.isdigit() or int(written) < 10:
                    continue
                if all(
                    index < len(v["blocks"])
                    and token.key in {t.key for t in number_tokens(v["blocks"][index], t_lang)}
                    for t_lang, v in data["variants"].items()
                    if t_lang != "vi"
                ):
                    source[index] = text[: token.start] + str(int(written) + 7) + text[token.end :]
                    return ("MP501", index, "blocks", "vi")
        return None
    if kind == "source-repeat":
        # The source repeats a block, and every translation with it.
        if len(source) < 2 or len(source[0]) < 40:
            return None
        for variant in data["variants"].values():
            variant["blocks"].append(variant["blocks"][0])
        return ("MP301", len(source) - 1, "blocks", "vi")
    if kind == "markup":
        if len(blocks[0].split(" ")) < 4:
            return None
        words = blocks[0].split(" ")
        middle = len(words) // 2
        blocks[0] = " ".join(words[:middle]) + "&nbsp;" + " ".join(words[middle:])
        return ("MP403", 0, "blocks")
    if kind == "vietnamese-fragment":
        if len(blocks[0]) < 60:
            return None
        blocks[0] = blocks[0] + " " + VIETNAMESE_LEFT_IN
        return ("MP402", 0, "blocks")
    if kind == "misspelled-name":
        if lang not in MISSPELLED:
            return None
        source.append("Ông Phạm Minh Chính phát biểu tại buổi lễ.")
        for other, variant in data["variants"].items():
            if other != "vi":
                variant["blocks"].append(SPOKE[other])
        blocks[-1] = MISSPELLED[lang]
        return ("MP201", len(blocks) - 1, "blocks")
    if kind == "title-stop":
        data["variants"][lang]["title"] = "Hội chợ" if lang == "vi" else _title(lang)
        return ("MP503", None, "title")
    raise ValueError(kind)


# A phrase left in Vietnamese ("as planned and approved"), added to a translation.
VIETNAMESE_LEFT_IN = "(theo kế hoạch đã được phê duyệt)"
# "Prime Minister Pham Minh Chinh spoke at the ceremony", as the shipped glossary spells
# him, and with one letter off, per language (written for this bench).
SPOKE = {
    "ar": "وتحدث فام مينه تشينه في الحفل.",
    "en": "Pham Minh Chinh spoke at the ceremony.",
    "fr": "Pham Minh Chinh a pris la parole lors de la cérémonie.",
    "ru": "На церемонии выступил Фам Минь Тинь.",
    "zh-Hans": "范明政在仪式上讲话。",
    "es": "Pham Minh Chinh habló en la ceremonia.",
}
MISSPELLED = {
    "ar": "وتحدث فام مينه تشينغ في الحفل.",
    "en": "Pham Minh Chin spoke at the ceremony.",
    "fr": "Pham Minh Chin a pris la parole lors de la cérémonie.",
    "ru": "На церемонии выступил Фам Миннь Тинь.",
    "es": "Pham Minh Chin habló en la ceremonia.",
}


def _title(lang: str) -> str:
    return {
        "ar": "افتتاح معرض تجاري في المقاطعة.",
        "en": "Province opens a trade fair.",
        "fr": "La province ouvre une foire commerciale.",
        "ru": "В провинции открылась ярмарка.",
        "zh-Hans": "省贸易博览会开幕。",
        "es": "La provincia abre una feria comercial.",
    }[lang]


GERMAN = "--german" in sys.argv
KINDS = (
    "source-number",
    "source-repeat",
    "repeat",
    "untranslated",
    "third-language",
    "furniture",
    "number",
    "dropped",
    "dropped-place",
    "markup",
    "vietnamese-fragment",
    "misspelled-name",
    "title-stop",
)


def main() -> int:
    """Run the precision and recall measurements and print them; return 0."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--show", action="store_true", help="print every finding")
    parser.add_argument("--no-glossary", action="store_true", help="run without the glossary")
    parser.add_argument(
        "--german", action="store_true", help="plant German, not another edition's language"
    )
    args = parser.parse_args()
    flores = flores_dir()
    if not (flores / "metadata_devtest.tsv").exists():
        print(f"FLORES-200 not found at {flores} (set MULTIPUB_FLORES200)")
        return 0
    glossary = None if args.no_glossary else GlossaryIndex(load_glossary(ROOT / "glossaries"))
    articles = build_articles(flores)
    config = Config()
    started = time.perf_counter()
    by_code: Counter[str] = Counter()
    shown: list[str] = []
    variants = 0
    for data in articles:
        article = _article(data)
        variants += len(TARGETS)
        for finding in check(article, config=config, glossary=glossary):
            if finding.severity.value == "info":
                continue
            by_code[finding.code] += 1
            shown.append(
                f"  {finding.article} {finding.lang} {finding.field}[{finding.block}] "
                f"{finding.code}: {finding.message[:140]}"
            )
    seconds = time.perf_counter() - started
    total = sum(by_code.values())
    print(
        f"precision: {len(articles)} articles, {variants} target variants "
        f"({'no glossary' if glossary is None else 'shipped glossary'}), {seconds:.1f} s"
    )
    print(f"  warnings and errors on published translations: {total}")
    for code, count in sorted(by_code.items()):
        print(f"  {code}: {count:4d}  ({count / variants:.4f} per variant)")
    rate = total / variants
    verdict = "met" if rate <= 0.02 else "NOT met"
    print(f"  per variant: {rate:.4f} (target <= 0.02: {verdict})")
    if args.show:
        print("\n".join(shown))

    print("recall on planted defects (one per article and language, where it fits):")
    argued_caught: Counter[bool] = Counter()
    argued_planted: Counter[bool] = Counter()
    for kind in KINDS:
        planted = caught = 0
        for number, data in enumerate(articles):
            lang = list(TARGETS)[number % len(TARGETS)]
            copy_ = copy.deepcopy(data)
            expected = plant(copy_, lang, kind)
            if expected is None:
                continue
            code, block, field = expected[:3]
            where = expected[3] if len(expected) == 4 else lang
            planted += 1
            found = check(_article(copy_), config=config, glossary=glossary)
            on_place = any(
                f.code == code
                and f.lang == where
                and f.field == field
                and (block is None or f.block == block)
                for f in found
            )
            # A source's defect counts only when no translation repeats it.
            once = where == lang or not any(f.code == code and f.lang != where for f in found)
            if on_place and once:
                caught += 1
            if kind == "dropped-place":
                blocks = copy_["variants"][lang]["blocks"]
                costs = gap_costs(copy_["variants"]["vi"]["blocks"], blocks)
                # Strictly lowest: a tie is no argument for block 1.
                argued = all(costs[1] < cost for k, cost in enumerate(costs) if k != 1)
                argued_caught[argued] += on_place and once
                argued_planted[argued] += 1
        recall = caught / planted if planted else 0.0
        verdict = "met" if recall >= 0.95 else "NOT met"
        if kind == "dropped-place":
            # The bar is for a place no length or anchor argues against (the
            # next lines); the exact place whatever the evidence is printed as it is.
            print(
                f"  {kind:15s} {caught:4d}/{planted:<4d} {recall:.3f} (whatever the evidence: "
                f"0.95 {'reached' if recall >= 0.95 else 'NOT reached'})"
            )
            _print_argued(argued_caught, argued_planted)
            continue
        print(f"  {kind:15s} {caught:4d}/{planted:<4d} {recall:.3f} (target >= 0.95: {verdict})")
    return 0


def _print_argued(caught: Counter[bool], planted: Counter[bool]) -> None:
    """Print dropped-place split by what lengths and anchors alone say: the issue asks
    for a dropped block placed exactly where no anchor or length argument says
    otherwise; where they point at another block, only cues and the other translations
    can place it."""
    recall = caught[True] / planted[True] if planted[True] else 0.0
    verdict = "met" if recall >= 0.95 else "NOT met"
    print(
        f"    where lengths and anchors point at the dropped block: {caught[True]}/"
        f"{planted[True]} {recall:.3f} (target >= 0.95: {verdict})"
    )
    print(
        f"    where they point at another block or tie (cues and translations decide): "
        f"{caught[False]}/{planted[False]}"
    )


if __name__ == "__main__":
    sys.exit(main())

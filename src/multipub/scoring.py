"""Translation consistency scores, per article and target variant, and per language and month.

Every sub-score is between 0 and 100, or None when it does not apply:

* ``reference``: where the variant carries a ``reference`` translation, corpus chrF of the
  variant against it (with BLEU and TER beside it), blocks aligned; each number comes
  with its sacrebleu signature. Tokenization is the language profile's ``bleu_tokenizer``
  (``zh`` for Chinese, ``char`` for Japanese, Korean, Thai..., ``13a`` otherwise; nothing
  downloads a model).
* ``terms``: the share of the source's glossary mentions rendered in the target with a
  preferred, feminine or accepted form (count-aware); needs a glossary.
* ``names``: the share of the glossary entries mentioned in the variant that are written
  with exactly one spelling there (one form, diacritics agreeing or not); needs a
  glossary. A title rendered two ways lowers it.
* ``structure``: the share of source blocks aligned one-to-one with a target block that the
  checks do not find untranslated, repeated, in a third language or page furniture
  (:data:`STRUCTURE_CODES`); such a block outside the one-to-one pairs counts against it
  too, so a variant with one cannot score 100.
* ``numbers``: the share of the source's numbers, dates and codes found in the aligned
  target blocks.
* ``consistency``: the weighted mean of the sub-scores that apply (:data:`WEIGHTS`).

Across a corpus, :func:`repeats` scores how alike the translations of a recurring source
block are (the same title or standard phrase in several articles).
"""

from __future__ import annotations

import os
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from multipub.config import Config
from multipub.context import ArticleContext
from multipub.glossary import Glossary
from multipub.io import InputProblem, LoadedArticle, iter_articles
from multipub.lang import profile
from multipub.matcher import HOUSE_FORMS, FormStatus, GlossaryIndex
from multipub.models import Article
from multipub.numbers import number_tokens
from multipub.runner import check

if TYPE_CHECKING:
    from sacrebleu.metrics.base import Metric

__all__ = [
    "WEIGHTS",
    "ReferenceScore",
    "VariantScore",
    "repeats",
    "score",
    "score_paths",
    "summarize",
]

# Documented weights of the combined score: terms and numbers are facts, names and
# structure the page's integrity, the reference score the closest to quality.
WEIGHTS: dict[str, float] = {
    "terms": 0.25,
    "names": 0.15,
    "structure": 0.2,
    "numbers": 0.25,
    "reference": 0.15,
}


@dataclass(frozen=True)
class ReferenceScore:
    """chrF, BLEU and TER of a variant against its reference, with their signatures."""

    chrf: float
    bleu: float
    ter: float
    signatures: dict[str, str]


@dataclass(frozen=True)
class VariantScore:
    """The scores of one target variant of one article."""

    path: str
    article: str
    lang: str
    month: str | None
    scores: dict[str, float | None] = field(default_factory=dict)
    reference: ReferenceScore | None = None

    def as_dict(self) -> dict[str, Any]:
        """Return the score as JSON-ready data."""
        data: dict[str, Any] = {
            "path": self.path,
            "article": self.article,
            "lang": self.lang,
            "month": self.month,
            "scores": {k: None if v is None else round(v, 2) for k, v in self.scores.items()},
        }
        if self.reference is not None:
            data["reference"] = {
                "chrf": round(self.reference.chrf, 2),
                "bleu": round(self.reference.bleu, 2),
                "ter": round(self.reference.ter, 2),
                "signatures": self.reference.signatures,
            }
        return data


def _tokenizer(lang: str) -> str:
    """Return the sacrebleu tokenizer of ``lang``'s profile ("13a" without one)."""
    found = profile(lang)
    return found.bleu_tokenizer if found is not None else "13a"


@lru_cache(maxsize=16)
def _metrics(tokenizer: str) -> tuple[Metric, Metric, Metric]:
    # Metric objects are reused: sacrebleu builds tokenizers and caches per object.
    from sacrebleu.metrics.bleu import BLEU
    from sacrebleu.metrics.chrf import CHRF
    from sacrebleu.metrics.ter import TER

    return CHRF(), BLEU(tokenize=tokenizer), TER()


def reference_score(hypotheses: list[str], references: list[str], lang: str) -> ReferenceScore:
    """Return corpus chrF, BLEU and TER of aligned segments, with sacrebleu signatures."""
    chrf, bleu, ter = _metrics(_tokenizer(lang))
    chrf_score = chrf.corpus_score(hypotheses, [references])
    bleu_score = bleu.corpus_score(hypotheses, [references])
    # TER is an error rate (0 best); shown as it is, and as 100 - TER in the combination.
    ter_score = ter.corpus_score(hypotheses, [references])
    return ReferenceScore(
        chrf_score.score,
        bleu_score.score,
        ter_score.score,
        {
            "chrf": str(chrf.get_signature()),
            "bleu": str(bleu.get_signature()),
            "ter": str(ter.get_signature()),
        },
    )


def _reference(article: Article, lang: str) -> ReferenceScore | None:
    from multipub.align import align_blocks

    variant = article.variants[lang]
    reference = variant.reference
    if reference is None:
        return None
    hyp_texts = [b.text for b in variant.blocks if b.text]
    ref_texts = [b.text for b in reference.blocks if b.text]
    hypotheses: list[str] = []
    references: list[str] = []
    for title in ((variant.title, reference.title),):
        if title[0] and title[1]:
            hypotheses.append(title[0])
            references.append(title[1])
    for pair in align_blocks(ref_texts, hyp_texts):
        hypotheses.append(" ".join(hyp_texts[j] for j in pair.target))
        references.append(" ".join(ref_texts[i] for i in pair.source))
    if not hypotheses:
        return None
    return reference_score(hypotheses, references, lang)


def _share(found: int, wanted: int) -> float | None:
    return None if wanted == 0 else 100.0 * found / wanted


# The checks whose findings say a target block is not a translation of a source block.
STRUCTURE_CODES = ("MP301", "MP302", "MP303", "MP401", "MP403")


def _defective_blocks(article: Article, lang: str) -> set[int]:
    """Return the indices of ``lang``'s blocks that a STRUCTURE_CODES check reports."""
    config = Config(select=STRUCTURE_CODES, langs=(lang,))
    return {
        f.block
        for f in check(article, config=config)
        if f.lang == lang and f.field == "blocks" and f.block is not None
    }


def _variant_scores(shared: ArticleContext, lang: str) -> dict[str, float | None]:
    article = shared.article
    source_lang = article.source_lang if article.source is not None else None
    scores: dict[str, float | None] = {}
    if source_lang is not None:
        source_units, target_units = shared.units(source_lang), shared.units(lang)
        pairs = shared.unit_pairs(lang)
        blocks = [p for p in pairs if all(source_units[i].field == "blocks" for i in p[0])]
        source_blocks = sum(len(s) for s, _ in blocks)
        # A block the checks find untranslated, repeated, in a third language or page
        # furniture is no translation of its source block: the score agrees with them.
        defective = _defective_blocks(article, lang)
        one_to_one = [t[0] for s, t in blocks if len(s) == 1 and len(t) == 1]
        translated = sum(1 for j in one_to_one if target_units[j].block not in defective)
        extra = len(defective - {target_units[j].block for j in one_to_one})
        scores["structure"] = _share(translated, source_blocks + extra)
        wanted = found = 0
        for s_idx, t_idx in pairs:
            source_keys = Counter(
                tok.key for i in s_idx for tok in number_tokens(source_units[i].text, source_lang)
            )
            target_keys = Counter(
                tok.key for j in t_idx for tok in number_tokens(target_units[j].text, lang)
            )
            wanted += sum(source_keys.values())
            found += sum((source_keys & target_keys).values())
        scores["numbers"] = _share(found, wanted)
    if shared.glossary is not None:
        glossary = shared.glossary
        mentions = [m for ms in shared.mentions(lang) for m in ms]
        if source_lang is not None:
            want = Counter(
                m.entry
                for ms in shared.mentions(source_lang)
                for m in ms
                if glossary.entries[m.entry].forms(lang) is not None
            )
            good = Counter(m.entry for m in mentions if m.status is not FormStatus.FORBIDDEN)
            scores["terms"] = _share(sum((want & good).values()), sum(want.values()))
        # A spelling is the glossary form matched and whether its diacritics agree: case
        # endings ("До Ван Кхаем") are grammar, and a title's feminine form another
        # person's, not other spellings.
        spellings: dict[str, set[tuple[str, bool]]] = defaultdict(set)
        for m in mentions:
            form = "" if m.status in HOUSE_FORMS else m.form
            spellings[m.entry].add((form, m.exact))
        single = sum(1 for forms in spellings.values() if len(forms) == 1)
        scores["names"] = _share(single, len(spellings))
    return scores


def _combine(scores: Mapping[str, float | None], weights: Mapping[str, float]) -> float | None:
    present = {k: v for k, v in scores.items() if v is not None and k in weights}
    total = sum(weights[k] for k in present)
    if not total:
        return None
    return sum(weights[k] * v for k, v in present.items()) / total


def score(
    article: Article,
    *,
    glossary: Glossary | GlossaryIndex | None = None,
    path: str = "<memory>",
    weights: Mapping[str, float] = WEIGHTS,
) -> list[VariantScore]:
    """Return the scores of every target variant of ``article``, by language."""
    index = GlossaryIndex(glossary) if isinstance(glossary, Glossary) else glossary
    shared = ArticleContext(article, Config(), index)
    month = article.published_at.strftime("%Y-%m") if article.published_at else None
    results = []
    langs = article.targets() if article.source is not None else sorted(article.variants)
    for lang in langs:
        scores = _variant_scores(shared, lang)
        reference = _reference(article, lang)
        scores["reference"] = reference.chrf if reference is not None else None
        scores["consistency"] = _combine(scores, weights)
        results.append(VariantScore(path, article.id, lang, month, scores, reference))
    return results


def score_paths(
    paths: Iterable[str | os.PathLike[str]],
    *,
    glossary: Glossary | None = None,
    problems: list[InputProblem] | None = None,
) -> list[VariantScore]:
    """Return the scores of every variant of every readable article below ``paths``; what
    could not be read goes to ``problems`` when it is given (as ``check`` reports it)."""
    index = GlossaryIndex(glossary) if glossary is not None else None
    results: list[VariantScore] = []
    for item in iter_articles(paths):
        if isinstance(item, LoadedArticle):
            results.extend(score(item.article, glossary=index, path=item.path))
        elif problems is not None:
            problems.append(item)
    return results


def summarize(results: Iterable[VariantScore]) -> dict[str, dict[str, dict[str, float | int]]]:
    """Return the mean of each score per language and month: ``{lang: {month: {...}}}``,
    with ``variants`` the number of variants behind the means (month "undated" when the
    article has no ``published_at``)."""
    groups: dict[tuple[str, str], list[VariantScore]] = defaultdict(list)
    for result in results:
        groups[(result.lang, result.month or "undated")].append(result)
    summary: dict[str, dict[str, dict[str, float | int]]] = defaultdict(dict)
    for (lang, month), members in sorted(groups.items()):
        row: dict[str, float | int] = {"variants": len(members)}
        for name in (*WEIGHTS, "consistency"):
            values = [m.scores[name] for m in members if m.scores.get(name) is not None]
            if values:
                row[name] = round(sum(v for v in values if v is not None) / len(values), 2)
        summary[lang][month] = row
    return dict(summary)


def repeats(
    articles: Iterable[Article], *, min_words: int = 5, worst: int = 5
) -> dict[str, dict[str, Any]]:
    """Return, per target language, how alike the translations of a recurring source
    block are: blocks (or titles, leads) whose normalized source text is the same in two
    or more articles (recurring titles, standard phrases) should be translated the same.

    The score is the mean chrF between every two translations of a group (both
    directions averaged), over the groups; ``worst`` lists the least consistent groups.
    """
    from multipub.text import dedup_key

    # source key -> lang -> [(article id, translation)]
    groups: dict[str, dict[str, list[tuple[str, str]]]] = defaultdict(lambda: defaultdict(list))
    sources: dict[str, str] = {}
    for article in articles:
        if article.source is None:
            continue
        shared = ArticleContext(article, Config())
        source_units = shared.units(article.source_lang)
        for lang in article.targets():
            target_units = shared.units(lang)
            for s_idx, t_idx in shared.unit_pairs(lang):
                if len(s_idx) != 1 or len(t_idx) != 1:
                    continue
                source_text = source_units[s_idx[0]].text
                key = dedup_key(source_text)
                if len(key.split()) < min_words:
                    continue
                sources.setdefault(key, source_text)
                groups[key][lang].append((article.id, target_units[t_idx[0]].text))
    chrf = _metrics("13a")[0]
    result: dict[str, dict[str, Any]] = {}
    per_lang: dict[str, list[tuple[float, str, list[tuple[str, str]]]]] = defaultdict(list)
    for key, by_lang in groups.items():
        for lang, translations in by_lang.items():
            if len({article for article, _ in translations}) < 2:
                continue
            scores = [
                (chrf.sentence_score(a, [b]).score + chrf.sentence_score(b, [a]).score) / 2
                for i, (_, a) in enumerate(translations)
                for _, b in translations[i + 1 :]
            ]
            per_lang[lang].append((sum(scores) / len(scores), key, translations))
    for lang, rows in sorted(per_lang.items()):
        rows.sort(key=lambda r: (r[0], r[1]))
        result[lang] = {
            "score": round(sum(r[0] for r in rows) / len(rows), 2),
            "groups": len(rows),
            "worst": [
                {
                    "source": sources[key],
                    "chrf": round(mean, 2),
                    "translations": [{"article": a, "text": t} for a, t in translations],
                }
                for mean, key, translations in rows[:worst]
            ],
        }
    return result

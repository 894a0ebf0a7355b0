"""multipub: translation quality checks for multilingual news publishing.

>>> import multipub
>>> article = multipub.load_article("examples/articles/clean-trade-fair.json")
>>> multipub.check(article)
[]
"""

# Imported for its side effect: it registers the CSV and TBX glossary readers.
from multipub import glossary_formats as _glossary_formats  # noqa: F401
from multipub._version import __version__
from multipub.align import BlockPair, align
from multipub.checks import Rule, all_rules, get_rule, select_rules
from multipub.config import Config
from multipub.corpus import check_corpus
from multipub.findings import FailOn, Finding, Related, Report, Severity, Summary
from multipub.gate import GateDecision, gate
from multipub.glossary import Entry, EntryKind, Glossary, GlossaryError, TermForms, load_glossary
from multipub.io import InputError, InputProblem, LoadedArticle, iter_articles, load_article
from multipub.matcher import GlossaryIndex, Matcher, Mention
from multipub.models import Article, Block, BlockKind, Origin, Translation, Variant
from multipub.publish import alternates, hreflang_links, sitemap, slug
from multipub.render import render
from multipub.runner import check, check_paths, signature
from multipub.scoring import VariantScore, score, score_paths
from multipub.status import Status, source_revision, stamp, translation_status
from multipub.translit import transliterate

__all__ = [
    "Article",
    "Block",
    "BlockKind",
    "BlockPair",
    "Config",
    "Entry",
    "EntryKind",
    "FailOn",
    "Finding",
    "GateDecision",
    "Glossary",
    "GlossaryError",
    "GlossaryIndex",
    "InputError",
    "InputProblem",
    "LoadedArticle",
    "Matcher",
    "Mention",
    "Origin",
    "Related",
    "Report",
    "Rule",
    "Severity",
    "Status",
    "Summary",
    "TermForms",
    "Translation",
    "Variant",
    "VariantScore",
    "__version__",
    "align",
    "all_rules",
    "alternates",
    "check",
    "check_corpus",
    "check_paths",
    "gate",
    "get_rule",
    "hreflang_links",
    "iter_articles",
    "load_article",
    "load_glossary",
    "render",
    "score",
    "score_paths",
    "select_rules",
    "signature",
    "sitemap",
    "slug",
    "source_revision",
    "stamp",
    "translation_status",
    "transliterate",
]

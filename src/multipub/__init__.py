"""multipub: translation quality checks for multilingual news publishing.

>>> import multipub
>>> article = multipub.load_article("examples/articles/clean-trade-fair.json")
>>> multipub.check(article)
[]
"""

from multipub._version import __version__
from multipub.checks import Rule, all_rules, get_rule, select_rules
from multipub.config import Config
from multipub.findings import FailOn, Finding, Related, Report, Severity, Summary
from multipub.io import InputError, InputProblem, LoadedArticle, iter_articles, load_article
from multipub.models import Article, Block, BlockKind, Origin, Translation, Variant
from multipub.render import render
from multipub.runner import check, check_paths, signature

__all__ = [
    "Article",
    "Block",
    "BlockKind",
    "Config",
    "FailOn",
    "Finding",
    "InputError",
    "InputProblem",
    "LoadedArticle",
    "Origin",
    "Related",
    "Report",
    "Rule",
    "Severity",
    "Summary",
    "Translation",
    "Variant",
    "__version__",
    "all_rules",
    "check",
    "check_paths",
    "get_rule",
    "iter_articles",
    "load_article",
    "render",
    "select_rules",
    "signature",
]

"""The checks: one module per code family, each check a registered function.

Importing this package registers every check; the registry is the single source of codes,
names, severities and docs (``multipub rules`` and the docs are generated from it).
"""

from multipub.checks import duplicates, names, people, style, terms
from multipub.checks.context import ArticleContext, Problem, VariantContext
from multipub.checks.registry import (
    Rule,
    UnknownCodeError,
    all_rules,
    get_rule,
    register,
    select_rules,
)

__all__ = [
    "ArticleContext",
    "Problem",
    "Rule",
    "UnknownCodeError",
    "VariantContext",
    "all_rules",
    "duplicates",
    "get_rule",
    "names",
    "people",
    "register",
    "select_rules",
    "style",
    "terms",
]

"""The checks: one module per code family, each check a registered function.

Importing this package registers every check; the registry is the single source of codes,
names, severities and docs (``multipub rules`` and the docs are generated from it).
"""

from multipub.checks import (
    alignment,
    duplicates,
    furniture,
    language,
    names,
    numbers,
    people,
    status,
    style,
    terms,
)
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
    "alignment",
    "all_rules",
    "duplicates",
    "furniture",
    "get_rule",
    "language",
    "names",
    "numbers",
    "people",
    "register",
    "select_rules",
    "status",
    "style",
    "terms",
]

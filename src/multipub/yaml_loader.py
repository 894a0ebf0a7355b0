"""Strict YAML reading shared by article and glossary files.

Safe loading only; YAML 1.2 booleans (a variant keyed ``no`` is Norwegian, not False);
duplicate keys rejected with their line; and a way back from a data path to its line.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

__all__ = ["DuplicateKeyError", "StrictYamlLoader", "check_expansion", "yaml_line_of"]


class DuplicateKeyError(ValueError):
    """A mapping holds the same key twice (JSON and YAML parsers keep the last silently)."""

    def __init__(self, key: str, line: int | None = None) -> None:
        self.key = key
        self.line = line
        super().__init__(key)


_YamlBase: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class StrictYamlLoader(_YamlBase):  # type: ignore[misc]
    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            try:
                is_duplicate = key in seen
            except TypeError as err:
                raise yaml.constructor.ConstructorError(
                    None, None, "a mapping key must be a plain value", key_node.start_mark
                ) from err
            if is_duplicate:
                raise DuplicateKeyError(str(key), key_node.start_mark.line + 1)
            seen.add(key)
        result: dict[Any, Any] = super().construct_mapping(node, deep=deep)
        return result


StrictYamlLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
StrictYamlLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool",
    re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"),
)


def yaml_line_of(root: yaml.Node | None) -> Any:
    def line_of(loc: tuple[int | str, ...]) -> int | None:
        node = root
        best = node.start_mark.line + 1 if node is not None else None
        for part in loc:
            if isinstance(node, yaml.MappingNode):
                node = next((v for k, v in node.value if str(k.value) == str(part)), None)
            elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
                node = node.value[part] if 0 <= part < len(node.value) else None
            else:
                node = None
            if node is None:
                break
            best = node.start_mark.line + 1
        return best

    return line_of


# An integer longer than this is no article's or glossary's (Python refuses to convert
# more than 4,300 digits, and the refusal would stop the run).
_LONGEST_INT = 4000


def _bounded_int(loader: Any, node: yaml.ScalarNode) -> Any:
    digits = sum(c.isdigit() for c in node.value)
    if digits > _LONGEST_INT:
        raise yaml.constructor.ConstructorError(
            None, None, f"a number of {digits} digits", node.start_mark
        )
    return yaml.constructor.SafeConstructor.construct_yaml_int(loader, node)


def _date_or_text(loader: Any, node: yaml.ScalarNode) -> Any:
    # "2024-02-30" looks like a date and is none: it stays the text it is (a title may be
    # a date), and a field that needs a date says so when the article is validated.
    try:
        return yaml.constructor.SafeConstructor.construct_yaml_timestamp(loader, node)
    except ValueError:
        return node.value


StrictYamlLoader.add_constructor("tag:yaml.org,2002:int", _bounded_int)
StrictYamlLoader.add_constructor("tag:yaml.org,2002:timestamp", _date_or_text)


# What one YAML document may expand to once its aliases are followed: a 529-byte file of
# nested aliases stands for a billion nodes. The largest real article or glossary is far
# below both (the shipped glossary: 5,000 nodes, 100 KB).
MAX_EXPANDED_NODES = 1_000_000
MAX_EXPANDED_CHARS = 100_000_000


def check_expansion(
    root: yaml.Node | None,
    max_nodes: int = MAX_EXPANDED_NODES,
    max_chars: int = MAX_EXPANDED_CHARS,
) -> None:
    """Raise ConstructorError when the document under ``root``, its aliases expanded, holds
    more than ``max_nodes`` nodes or ``max_chars`` characters of scalars. Each node is
    sized once (aliases share nodes), so a bomb costs its size in the file, not expanded."""
    if root is None:
        return
    sizes: dict[int, tuple[int, int]] = {}
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        if id(node) in sizes:
            continue
        if isinstance(node, yaml.ScalarNode):
            sizes[id(node)] = (1, len(node.value))
            continue
        children = (
            [n for pair in node.value for n in pair]
            if isinstance(node, yaml.MappingNode)
            else list(node.value)
        )
        if not children_done:
            stack.append((node, True))
            stack.extend((child, False) for child in children if id(child) not in sizes)
            continue
        nodes = 1 + sum(sizes.get(id(c), (0, 0))[0] for c in children)
        chars = sum(sizes.get(id(c), (0, 0))[1] for c in children)
        sizes[id(node)] = (min(nodes, max_nodes + 1), min(chars, max_chars + 1))
    nodes, chars = sizes[id(root)]
    if nodes > max_nodes or chars > max_chars:
        what = f"{max_nodes:,} nodes" if nodes > max_nodes else f"{max_chars:,} characters"
        raise yaml.constructor.ConstructorError(
            None, None, f"its aliases expand to more than {what}", root.start_mark
        )

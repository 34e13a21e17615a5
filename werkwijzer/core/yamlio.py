"""Reading YAML fast (libyaml's C loader where available) and finding the line of a path on error."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import yaml

try:
    from yaml import CSafeLoader as SafeLoader
except (
    ImportError
):  # pragma: no cover - libyaml missing: the pure-Python loader is slower, not wrong
    from yaml import SafeLoader  # type: ignore[assignment]

Path = Sequence[str | int]


class YamlSyntaxError(Exception):
    """YAML that does not parse; carries the 1-based line where the parser gives one."""

    def __init__(self, problem: str, line: int | None) -> None:
        super().__init__(problem)
        self.problem = problem
        self.line = line


def load_yaml(text: str) -> Any:
    """Parse YAML text; raise YamlSyntaxError with a line number instead of yaml's own errors."""
    try:
        return yaml.load(text, Loader=SafeLoader)
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark is not None else None
        raise YamlSyntaxError(exc.problem or str(exc), line) from exc
    except yaml.YAMLError as exc:
        raise YamlSyntaxError(str(exc), None) from exc


def line_of(text: str, path: Path) -> int | None:
    """The 1-based line of the node at `path` (keys and list indexes), or of its nearest parent.

    Only called on an error, so composing the document a second time costs nothing on the happy path.
    """
    try:
        node = yaml.compose(text, Loader=SafeLoader)
    except yaml.YAMLError:
        return None
    line = node.start_mark.line + 1 if node is not None else None
    for step in path:
        child = _child(node, step)
        if child is None:
            break
        node = child
        line = node.start_mark.line + 1
    return line


def _child(node: yaml.Node | None, step: str | int) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if key.value == str(step):
                child_node: yaml.Node = value
                return child_node
    if (
        isinstance(node, yaml.SequenceNode)
        and isinstance(step, int)
        and 0 <= step < len(node.value)
    ):
        child: yaml.Node = node.value[step]
        return child
    return None


def format_path(path: Path) -> str:
    """('layers', 'leraar', 'items', 2, 'text') -> 'layers.leraar.items[2].text'."""
    out = ""
    for step in path:
        if isinstance(step, int):
            out += f"[{step}]"
        else:
            out += f".{step}" if out else str(step)
    return out

"""Reading YAML fast (libyaml's C loader where available), bounded, and finding the line of a path.

Untrusted YAML is read with three changes to the safe loader: dates stay text (the reader of a
field decides what a date is, the same on every Python), integers have at most 40 digits, and
anchors and aliases are refused (`anchors=False`) or counted as what they expand to, up to a
limit: a 450-byte "billion laughs" file must not grow into gigabytes when it is used.
"""

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
MAX_DIGITS = 40


class _Loader(SafeLoader):
    """The safe loader with dates kept as text and integers of bounded length."""


def _text(loader: _Loader, node: yaml.Node) -> str:
    return str(loader.construct_scalar(node))  # type: ignore[arg-type]


def _bounded_int(loader: _Loader, node: yaml.Node) -> int:
    digits = _text(loader, node)
    if len(digits) > MAX_DIGITS:
        raise yaml.constructor.ConstructorError(
            None, None, f"een getal van meer dan {MAX_DIGITS} cijfers", node.start_mark
        )
    value: int = loader.construct_yaml_int(node)  # type: ignore[arg-type]
    return value


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _text)
_Loader.add_constructor("tag:yaml.org,2002:int", _bounded_int)


class YamlSyntaxError(Exception):
    """YAML that does not parse; carries the 1-based line where the parser gives one."""

    def __init__(self, problem: str, line: int | None) -> None:
        super().__init__(problem)
        self.problem = problem
        self.line = line


def load_yaml(text: str, *, anchors: bool = False, max_nodes: int = 100_000) -> Any:
    """Parse YAML text; raise YamlSyntaxError with a line number instead of yaml's own errors.

    Without `anchors`, a document with an anchor or alias is refused. With it, the document may
    have at most `max_nodes` nodes, each alias counted as the nodes it stands for.
    """
    loader = _Loader(text)
    try:
        if not anchors and ("&" in text or "*" in text):
            _refuse_anchors(text)
        node = loader.get_single_node()
        if node is None:
            return None
        if anchors:
            _check_size(node, max_nodes)
        return loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark is not None else None
        raise YamlSyntaxError(_one_line(exc.problem or str(exc)), line) from None
    except yaml.reader.ReaderError as exc:
        char = exc.character if isinstance(exc.character, int) else 0
        line = text.count("\n", 0, exc.position) + 1
        raise YamlSyntaxError(f"een teken dat YAML niet toestaat (U+{char:04X})", line) from None
    except yaml.YAMLError as exc:
        raise YamlSyntaxError(_one_line(str(exc)), None) from None
    except RecursionError:
        raise YamlSyntaxError("te diep genest", None) from None
    finally:
        loader.dispose()


def _one_line(problem: str) -> str:
    """yaml's own words for a problem, on one line and not too long."""
    flat = " ".join(problem.split())
    return flat if len(flat) <= 120 else flat[:119] + "…"


def _refuse_anchors(text: str) -> None:
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
            mark = event.start_mark
            raise YamlSyntaxError(
                "ankers en verwijzingen (& en *) worden hier niet gelezen",
                mark.line + 1 if mark is not None else None,
            )


def _check_size(root: yaml.Node, limit: int) -> None:
    """Count the nodes as if every alias were written out, without writing any out."""
    sizes: dict[int, int] = {}
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        if id(node) in sizes:
            continue
        children = _children(node)
        if children_done or not children:
            size = 1 + sum(sizes.get(id(child), 0) for child in children)
            if size > limit:
                raise YamlSyntaxError(
                    f"het document is te groot (meer dan {limit} onderdelen, verwijzingen "
                    "meegeteld)",
                    node.start_mark.line + 1,
                )
            sizes[id(node)] = size
            continue
        stack.append((node, True))
        stack.extend((child, False) for child in children if id(child) not in sizes)


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def line_of(text: str, path: Path) -> int | None:
    """The 1-based line of the node at `path` (keys and list indexes), or of its nearest parent.

    Only called on an error, so composing the document a second time costs nothing on the happy path.
    """
    try:
        node = yaml.compose(text, Loader=SafeLoader)
    except (yaml.YAMLError, RecursionError):
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

"""Safe YAML reading that remembers where every value came from.

The catalogue is edited by hand, so a mistake must be reported at its line. Reading goes through
``yaml.compose`` (the safe loader, C-accelerated when available) and builds plain Python values
while recording the line of every key and list item, keyed by its path in the document. Duplicate
keys are an error, not a silent overwrite, and aliases are refused: the catalogue does not need
them and they are how "billion laughs" documents grow.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

try:  # the C parser is several times faster; fall back to pure Python where it is missing
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

KeyPath = tuple[str | int, ...]

MAX_FILE_BYTES = 5 * 1024 * 1024
"""A catalogue file larger than this is refused: no real qualification file comes close."""


def format_path(path: KeyPath) -> str:
    """Render a key path the way people write it: ``rules.groups[2].min_credits``."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text or "(top level)"


@dataclass(frozen=True)
class YamlProblem:
    """A problem found while reading a file, before any schema check."""

    message: str
    line: int | None = None
    path: KeyPath = ()


class YamlReadError(Exception):
    """The file could not be read as YAML. ``problem`` says where and why."""

    def __init__(self, problem: YamlProblem) -> None:
        super().__init__(problem.message)
        self.problem = problem


@dataclass
class LocatedDocument:
    """A parsed YAML document plus the line (1-based) of every key path in it."""

    data: Any
    lines: dict[KeyPath, int] = field(default_factory=dict)

    def line_of(self, path: KeyPath) -> int | None:
        """The line of ``path``, or of its nearest ancestor that exists in the file."""
        for end in range(len(path), -1, -1):
            line = self.lines.get(tuple(path[:end]))
            if line is not None:
                return line
        return None


_SCALAR_CONSTRUCTOR = yaml.SafeLoader("")


def _construct_scalar(node: yaml.ScalarNode) -> Any:
    constructor = _SCALAR_CONSTRUCTOR.yaml_constructors.get(node.tag)
    if constructor is None:
        raise YamlReadError(
            YamlProblem(f"unsupported YAML tag {node.tag!r}", node.start_mark.line + 1)
        )
    return constructor(_SCALAR_CONSTRUCTOR, node)


def _build(node: yaml.Node, path: KeyPath, doc: LocatedDocument, seen: set[int]) -> Any:
    if id(node) in seen:
        raise YamlReadError(
            YamlProblem("YAML aliases (*name) are not allowed in catalogue files",
                        node.start_mark.line + 1, path)
        )
    if isinstance(node, yaml.MappingNode):
        seen.add(id(node))
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise YamlReadError(
                    YamlProblem("YAML merge keys (<<) are not allowed in catalogue files",
                                key_node.start_mark.line + 1, path)
                )
            if not isinstance(key_node, yaml.ScalarNode):
                raise YamlReadError(
                    YamlProblem("a key must be plain text", key_node.start_mark.line + 1, path)
                )
            key = str(_construct_scalar(key_node))
            line = key_node.start_mark.line + 1
            if key in result:
                first = doc.lines.get((*path, key))
                raise YamlReadError(
                    YamlProblem(f"duplicate key {key!r} (first given on line {first})",
                                line, (*path, key))
                )
            doc.lines[(*path, key)] = line
            result[key] = _build(value_node, (*path, key), doc, seen)
        return result
    if isinstance(node, yaml.SequenceNode):
        seen.add(id(node))
        items = []
        for index, item in enumerate(node.value):
            doc.lines[(*path, index)] = item.start_mark.line + 1
            items.append(_build(item, (*path, index), doc, seen))
        return items
    seen.add(id(node))
    return _construct_scalar(node)  # type: ignore[arg-type]


def parse_yaml(text: str) -> LocatedDocument:
    """Parse one YAML document from ``text``, recording the line of every key path."""
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        reason = error.problem or str(error)
        if error.context:
            reason = f"{reason} ({error.context})"
        raise YamlReadError(
            YamlProblem(f"not valid YAML: {reason}", mark.line + 1 if mark else None)
        ) from None
    except yaml.YAMLError as error:
        raise YamlReadError(YamlProblem(f"not valid YAML: {error}")) from None
    doc = LocatedDocument(data=None)
    doc.lines[()] = 1
    if root is not None:
        doc.data = _build(root, (), doc, set())
    return doc


def read_yaml_file(path: Path) -> LocatedDocument:
    """Read and parse a catalogue file, refusing oversized and non-UTF-8 files."""
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise YamlReadError(
            YamlProblem(f"file is {size:,} bytes; catalogue files are limited to "
                        f"{MAX_FILE_BYTES:,} bytes")
        )
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise YamlReadError(
            YamlProblem(f"not UTF-8 text: byte 0x{raw[error.start]:02x} cannot be decoded", line)
        ) from None
    if "\x00" in text:
        raise YamlReadError(YamlProblem("file contains NUL bytes; is it a binary file?"))
    return parse_yaml(text)


def iter_yaml_files(directory: Path) -> Iterator[Path]:
    """Every ``.yaml``/``.yml`` file under ``directory``, in a stable order."""
    yield from sorted(p for p in directory.rglob("*") if p.suffix in {".yaml", ".yml"}
                      and p.is_file())

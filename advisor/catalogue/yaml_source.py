"""Safe YAML reading that remembers where every value came from.

The catalogue is edited by hand, so a mistake must be reported at its line. Reading goes through
``yaml.compose`` (the safe loader, C-accelerated when available) and builds plain Python values
while recording the line of every key and list item, keyed by its path in the document. Duplicate
keys are an error, not a silent overwrite, and aliases are refused: the catalogue does not need
them and they are how "billion laughs" documents grow. Only plain values are read: a tag other
than YAML's own null, bool, int, float, str, timestamp, map and seq (``!!python/object``,
``!!binary``, ``!!set``, ``!custom``) is refused, as is nesting deeper than :data:`MAX_DEPTH`.
Whatever the text, reading raises :class:`YamlReadError` or returns: never another exception.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

try:  # the C parser is several times faster; fall back to pure Python where it is missing
    from yaml import CSafeLoader as _BaseLoader

    _POSITIONS_IN_BYTES = True  # libyaml reports a reader error's position in UTF-8 bytes
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]

    _POSITIONS_IN_BYTES = False

KeyPath = tuple[str | int, ...]

MAX_FILE_BYTES = 5 * 1024 * 1024
"""A catalogue file larger than this is refused: no real qualification file comes close."""

MAX_DEPTH = 50
"""Lists and mappings nested deeper than this are refused. The catalogue needs 7 levels. Without
a limit a small file crashes the process: PyYAML's C composer recurses once per level and
overflows the C stack (a segmentation fault, not an exception) at some tens of thousands of
levels, and building values here recurses too."""

_TAG = "tag:yaml.org,2002:"
_SCALAR_TAGS = {f"{_TAG}{name}": what for name, what in (
    ("null", "null"), ("bool", "true or false"), ("int", "a whole number"),
    ("float", "a number"), ("str", "text"), ("timestamp", "a date"),
)}
_MAPPING_TAG = f"{_TAG}map"
_SEQUENCE_TAG = f"{_TAG}seq"


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
_STR_TAG, _INT_TAG, _NULL_TAG = f"{_TAG}str", f"{_TAG}int", f"{_TAG}null"


def _unsupported_tag(node: yaml.Node, path: KeyPath) -> YamlReadError:
    tag = node.tag.replace(_TAG, "!!") if node.tag.startswith(_TAG) else node.tag
    return YamlReadError(
        YamlProblem(f"unsupported YAML tag {tag!r}: catalogue files hold plain text, numbers, "
                    "dates, lists and mappings", node.start_mark.line + 1, path)
    )


def _construct_scalar(node: yaml.ScalarNode, path: KeyPath) -> Any:
    tag, value = node.tag, node.value
    # The commonest cases first, giving exactly what the safe loader's constructors give.
    if tag == _STR_TAG:
        return value
    if tag == _INT_TAG and value.isascii() and value.isdigit() and (
        value[0] != "0" or len(value) == 1
    ):
        return int(value)
    if tag == _NULL_TAG:
        return None
    what = _SCALAR_TAGS.get(tag)
    if what is None:
        raise _unsupported_tag(node, path)
    constructor = _SCALAR_CONSTRUCTOR.yaml_constructors[tag]
    try:
        return constructor(_SCALAR_CONSTRUCTOR, node)
    except (ValueError, TypeError, KeyError, AttributeError, yaml.YAMLError) as error:
        # A date such as 2014-13-45 looks like a date to YAML but is not one; an explicit
        # ``!!int abc`` cannot be an integer. Either is a mistake in the file, at this line.
        # Only the date's reason ("month must be in 1..12") adds anything to the message.
        dated = tag == f"{_TAG}timestamp" and isinstance(error, ValueError) and str(error)
        reason = f": {error}" if dated else ""
        raise YamlReadError(
            YamlProblem(f"{value!r} is not {what}{reason}", node.start_mark.line + 1, path)
        ) from None


class _Builder:
    """Plain values from a composed document, recording the line of every key path in
    ``lines``. ``alias_line`` is the line of the document's first alias, if it has one."""

    def __init__(self, lines: dict[KeyPath, int], alias_line: int | None) -> None:
        self.lines = lines
        self.alias_line = alias_line
        self.seen: set[int] = set()

    def build(self, node: yaml.Node, path: KeyPath, depth: int) -> Any:
        if id(node) in self.seen:
            # A node met twice is an alias. Its marks are those of the anchored node, so the
            # line comes from the event stream, where the first alias is the first one met
            # here: both go in document order and an anchor always comes before its aliases.
            raise YamlReadError(
                YamlProblem("YAML aliases (*name) are not allowed in catalogue files",
                            self.alias_line or node.start_mark.line + 1, path)
            )
        self.seen.add(id(node))
        if isinstance(node, yaml.ScalarNode):
            return _construct_scalar(node, path)
        if depth >= MAX_DEPTH:
            raise _too_deep(node.start_mark.line + 1)
        lines = self.lines
        if isinstance(node, yaml.MappingNode):
            if node.tag != _MAPPING_TAG:
                raise _unsupported_tag(node, path)
            result: dict[str, Any] = {}
            for key_node, value_node in node.value:
                if key_node.tag == "tag:yaml.org,2002:merge":
                    raise YamlReadError(
                        YamlProblem("YAML merge keys (<<) are not allowed in catalogue files",
                                    key_node.start_mark.line + 1, path)
                    )
                if not isinstance(key_node, yaml.ScalarNode):
                    raise YamlReadError(
                        YamlProblem("a key must be plain text", key_node.start_mark.line + 1,
                                    path)
                    )
                key = str(_construct_scalar(key_node, path))
                key_path = (*path, key)
                if key in result:
                    first = lines.get(key_path)
                    first_given = f" (first given on line {first})" if first else ""
                    raise YamlReadError(
                        YamlProblem(f"duplicate key {key!r}{first_given}",
                                    key_node.start_mark.line + 1, key_path)
                    )
                lines[key_path] = key_node.start_mark.line + 1
                result[key] = self.build(value_node, key_path, depth + 1)
            return result
        if node.tag != _SEQUENCE_TAG:
            raise _unsupported_tag(node, path)
        items = []
        for index, item in enumerate(node.value):
            item_path = (*path, index)
            lines[item_path] = item.start_mark.line + 1
            items.append(self.build(item, item_path, depth + 1))
        return items


def _too_deep(line: int | None) -> YamlReadError:
    return YamlReadError(
        YamlProblem(f"lists and mappings are nested more than {MAX_DEPTH} levels deep; "
                    "catalogue files need far fewer", line)
    )


def _scan_events(text: str) -> int | None:
    """Refuse nesting deeper than :data:`MAX_DEPTH` before composing (see there for why), and
    return the line of the first alias (``*name``), if any.

    The event parser keeps its state on the heap, so it reads any depth safely, and it stops at
    the first level too many rather than reading the whole file.
    """
    depth = 0
    alias_line = None
    for event in yaml.parse(text, Loader=_BaseLoader):
        line = event.start_mark.line + 1 if event.start_mark is not None else None
        if isinstance(event, yaml.AliasEvent) and alias_line is None:
            alias_line = line
        elif isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                raise _too_deep(line)
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
    return alias_line


def _reader_line(text: str, error: yaml.reader.ReaderError) -> int:
    """The line of a reader error: libyaml counts its position in UTF-8 bytes, PyYAML in
    characters."""
    if _POSITIONS_IN_BYTES:
        return text.encode("utf-8")[: error.position].count(b"\n") + 1
    return text[: error.position].count("\n") + 1


_OTHER_LINE_BREAKS = {"\x85": "U+0085 (next line)", "\u2028": "U+2028 (line separator)",
                      "\u2029": "U+2029 (paragraph separator)"}


def _check_line_breaks(text: str) -> None:
    """Refuse the line breaks only YAML 1.1 knows. PyYAML ends a line at each of them, so every
    line number after one would be wrong by the editor's count, and in plain text they are
    silently turned into spaces. They come in unseen, pasted from PDFs and word processors."""
    found = [text.find(char) for char in _OTHER_LINE_BREAKS]
    if any(index >= 0 for index in found):
        index = min(i for i in found if i >= 0)
        raise YamlReadError(
            YamlProblem(f"invisible line break {_OTHER_LINE_BREAKS[text[index]]}: replace it "
                        "with a space or a new line", text.count("\n", 0, index) + 1)
        )


def _last_line(text: str) -> int:
    """The number of the last line of ``text`` as an editor shows it."""
    return max(1, text.count("\n") + (0 if text.endswith("\n") else 1))


def parse_yaml(text: str) -> LocatedDocument:
    """Parse one YAML document from ``text``, recording the line of every key path.

    A text with several problems is reported at the first one met in document order, except
    that nesting deeper than :data:`MAX_DEPTH` is found before anything else: the events are
    scanned for depth (and for the first alias) before the text is composed.
    """
    try:
        _check_line_breaks(text)
        alias_line = _scan_events(text)
        root = yaml.compose(text, Loader=_BaseLoader)
    except yaml.reader.ReaderError as error:
        # Not a marked error, but its position gives the line of the unacceptable character.
        character = f"#x{error.character:04x}" if isinstance(error.character, int) else (
            repr(error.character))
        raise YamlReadError(
            YamlProblem(f"not valid YAML: unacceptable character {character}: {error.reason}",
                        _reader_line(text, error))
        ) from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        reason = error.problem or str(error)
        if error.context:
            reason = f"{reason} ({error.context})"
        # At the end of the text libyaml moves its mark to a line of its own, after the last
        # one: report the last line, the one a person can see in the file.
        line = min(mark.line + 1, _last_line(text)) if mark else None
        raise YamlReadError(YamlProblem(f"not valid YAML: {reason}", line)) from None
    except yaml.YAMLError as error:
        raise YamlReadError(YamlProblem(f"not valid YAML: {error}")) from None
    doc = LocatedDocument(data=None)
    doc.lines[()] = 1
    if root is not None:
        doc.data = _Builder(doc.lines, alias_line).build(root, (), 0)
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
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise YamlReadError(YamlProblem("file contains NUL bytes; is it a binary file?", line))
    return parse_yaml(text)


def iter_yaml_files(directory: Path) -> list[Path]:
    """Every ``.yaml``/``.yml`` file under ``directory``, sorted by path. Linked folders are not
    followed, and a folder that cannot be listed is passed over."""
    return sorted(path for path in directory.rglob("*")
                  if path.suffix in (".yaml", ".yml") and path.is_file())

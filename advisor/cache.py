"""A compiled cache of the validated catalogue, so that a warm start skips parsing and checking.

At register size (15,000 qualifications, 60,000 units) reading and checking the YAML takes 8-10
seconds on two processors; reading back the finished :class:`~advisor.catalogue.Catalogue`, key
included, just under one (``benchmarks/scale.py`` prints both).

**Key.** A SHA-256 over everything that decides what loading produces: every catalogue file's
path relative to the data directory and the SHA-256 of its bytes (the files
:func:`~advisor.yamlio.iter_yaml_files` yields, which are the files the loader reads; a file's
digest is remembered while its size and times stay the same, see :func:`_file_digests`); the data
directory's own name (problem messages and ``qualification_files`` start with it); the source of
every module in the ``advisor`` package (models, loader, checks, planner: a change to any of them
may change the result, so any change invalidates; ``__init__.py`` carries the package version);
and the versions of Python, pydantic and PyYAML. Nothing else: not modification times, not the
absolute path.

**Where.** ``$ADVISOR_CACHE_DIR`` if set (``off`` disables the cache), else
``$XDG_CACHE_HOME/advisor``, else ``~/.cache/advisor``. One file per key
(``catalogue-<key>.pickle``); the few most recently used are kept and older ones removed.

**Safety.** Only a catalogue that loaded with no problems is written, so a broken catalogue is
parsed and reported every time. The file is written to a temporary name and renamed into place,
so readers never see half a file. It ends with a SHA-256 of its payload; a file that is
truncated, corrupt, from another format version or for another key is ignored (and replaced on
the next successful load), never reported to the user. A cache that cannot be written (read-only
home, full disk) is skipped silently: the cache only ever saves time.

**Format.** Pickle, because it is the fastest way back to the frozen pydantic records that was
measured. For the synthetic register-size catalogue's records: about 0.75 s to unpickle as
written here (580,000 records once repeats are shared; 1.2 s before they were), 1.9 s with
pickle's default path for pydantic models, and 1.7 s to re-validate the same records from JSON
(``model_validate_json``, which runs every field validator again).
Each record is rebuilt by :func:`_rebuild_record`, which sets its fields directly as pydantic's
own ``__setstate__`` does but without the intermediate state dictionary, and repeats are shared
(see :class:`_Reducers`). The catalogue's read-only mappings (``MappingProxyType``, which pickle
refuses) are written as plain dictionaries and wrapped again on reading. Unpickling can run code
named in the file, which is acceptable here because the file sits in the user's own cache
directory, created private to them, and is only read when its name and header match the content
hash of their data.
"""

from __future__ import annotations

import contextlib
import copyreg
import datetime as dt
import hashlib
import io
import json
import logging
import operator
import os
import pickle
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, BinaryIO

import pydantic
import yaml
from pydantic import BaseModel

from advisor.models import Citation, GroupMember
from advisor.yamlio import yaml_file_parts

if TYPE_CHECKING:
    from advisor.catalogue import Catalogue

CACHE_ENV = "ADVISOR_CACHE_DIR"
DISABLED = "off"
FORMAT_VERSION = 1
KEEP = 4
"""How many cache files (one per catalogue version) to keep in the cache directory."""

_MAGIC = b"advisor-catalogue-cache\n"
_DIGEST_SIZE = hashlib.sha256().digest_size
_PACKAGE_DIR = Path(__file__).resolve().parent

log = logging.getLogger(__name__)


# ---------------------------------------------------------------------------------------------
# Where, and under which key
# ---------------------------------------------------------------------------------------------


def cache_dir() -> Path | None:
    """The directory the cache lives in, or None when it is turned off."""
    configured = os.environ.get(CACHE_ENV, "").strip()
    if configured.lower() == DISABLED:
        return None
    if configured:
        return Path(configured).expanduser()
    xdg = os.environ.get("XDG_CACHE_HOME", "").strip()
    if xdg and Path(xdg).is_absolute():  # the XDG spec says to ignore relative paths
        return Path(xdg) / "advisor"
    try:
        return Path.home() / ".cache" / "advisor"
    except RuntimeError:  # no home directory to be found
        return None


def catalogue_key(data_dir: Path) -> str:
    """The content hash that names the cache file for the catalogue in ``data_dir``.

    Raises :class:`OSError` if a data file cannot be read.
    """
    digest = hashlib.sha256()
    _add(digest, _MAGIC, str(FORMAT_VERSION).encode())
    # The package version is covered by hashing every module, __init__.py included.
    _add(digest, sys.version.encode(), pydantic.VERSION.encode(), yaml.__version__.encode())
    for path in sorted(_PACKAGE_DIR.rglob("*.py")):
        _add(digest, path.relative_to(_PACKAGE_DIR).as_posix().encode(), path.read_bytes())
    _add(digest, b"data", data_dir.name.encode())
    for relative, file_digest in _file_digests(data_dir):
        _add(digest, relative.encode(), file_digest)
    return digest.hexdigest()


def _file_digests(data_dir: Path) -> list[tuple[str, bytes]]:
    """Each catalogue file's path relative to ``data_dir`` and the SHA-256 of its bytes.

    Hashing means reading every file (47 MB at register size), so the digests are remembered
    in a small file list beside the cache, and a file whose size, modification and change times,
    inode and device are those remembered is not read again, as git does for its index. A file
    changed too recently to tell by its times (within :data:`TRUSTED_AFTER_SECONDS` of hashing,
    by this machine's clock) is hashed again next time. Not covered: a file system that keeps no
    change time and a clock more than that far from this machine's, together with two edits of
    the same size within one tick of its clock.
    """
    directory = cache_dir()
    listing = None if directory is None else directory / f"files-{_place(data_dir)}.json"
    remembered = _read_listing(listing)
    trusted_before = time.time_ns() - TRUSTED_AFTER_SECONDS * 1_000_000_000
    root = str(data_dir)
    digests: list[tuple[str, bytes]] = []
    kept: dict[str, list[Any]] = {}
    for parts in yaml_file_parts(data_dir):
        relative = "/".join(parts)
        path = os.path.join(root, *parts)
        status = os.stat(path)
        signature = [status.st_size, status.st_mtime_ns, status.st_ctime_ns, status.st_ino,
                     status.st_dev]
        entry = remembered.get(relative)
        if entry is not None and entry[:5] == signature:
            file_digest = bytes.fromhex(entry[5])
        else:
            file_digest = _hash_file(path)
        if max(status.st_mtime_ns, status.st_ctime_ns) < trusted_before:
            kept[relative] = [*signature, file_digest.hex()]
        digests.append((relative, file_digest))
    if listing is not None and kept != remembered:
        _write_listing(listing, kept)
    return digests


def _hash_file(path: str) -> bytes:
    with open(path, "rb") as file:
        return hashlib.sha256(file.read()).digest()


TRUSTED_AFTER_SECONDS = 2
"""A file's remembered digest is used only if it was last changed at least this long before it
was hashed: a change within the same tick of a coarse file-system clock would otherwise leave
its times as they were."""


def _place(data_dir: Path) -> str:
    """A short name for where ``data_dir`` is, so that two data directories keep two lists."""
    return hashlib.sha256(str(data_dir.resolve()).encode()).hexdigest()[:20]


def _read_listing(path: Path | None) -> dict[str, list[Any]]:
    if path is None:
        return {}
    try:
        listing = json.loads(path.read_bytes())
    except (OSError, ValueError):
        return {}
    if not isinstance(listing, dict) or listing.get("format") != FORMAT_VERSION:
        return {}
    files = listing.get("files")
    if not isinstance(files, dict):
        return {}
    return {relative: entry for relative, entry in files.items()
            if isinstance(entry, list) and len(entry) == 6
            and all(type(n) is int for n in entry[:5]) and isinstance(entry[5], str)
            and len(entry[5]) == 2 * _DIGEST_SIZE}


def _write_listing(path: Path, files: dict[str, list[Any]]) -> None:
    listing = {"format": FORMAT_VERSION, "files": files}
    _write_atomically(path, lambda raw: raw.write(
        json.dumps(listing, separators=(",", ":")).encode("utf-8")))


def _add(digest: Any, *parts: bytes) -> None:
    # Each part is length-prefixed, so no two different sequences of parts hash alike.
    for part in parts:
        digest.update(len(part).to_bytes(8, "little"))
        digest.update(part)


# ---------------------------------------------------------------------------------------------
# Loading through the cache
# ---------------------------------------------------------------------------------------------


def load_cached(data_dir: Path, build: Callable[[Path], Catalogue]) -> Catalogue:
    """The catalogue in ``data_dir``: from the cache when the data is unchanged, else ``build``.

    ``build`` reads and validates the catalogue, raising on problems; what it returns is cached.
    """
    directory = cache_dir()
    if directory is None or not data_dir.is_dir():
        return build(data_dir)
    try:
        key = catalogue_key(data_dir)
    except OSError as error:  # an unreadable file: let the loader report it
        log.debug("catalogue cache not used: %s", error)
        return build(data_dir)
    path = directory / f"catalogue-{key}.pickle"
    cached = read_cache_file(path, key)
    if cached is not None:
        # The cached record names the directory it was built from; this one has the same
        # name and contents but may sit elsewhere, or be written relative rather than absolute.
        object.__setattr__(cached, "data_dir", str(data_dir))
        _touch(path)
        return cached
    catalogue = build(data_dir)  # raises CatalogueError on a broken catalogue: nothing cached
    try:
        unchanged = catalogue_key(data_dir) == key
    except OSError:
        unchanged = False
    if unchanged:  # a file edited while we were loading would otherwise be cached wrongly
        write_cache_file(path, key, catalogue)
        _prune(directory, keep=path)
    return catalogue


def read_cache_file(path: Path, key: str) -> Catalogue | None:
    """The catalogue stored in ``path`` for ``key``, or None if absent, stale or damaged."""
    from advisor.catalogue import Catalogue

    try:
        data = path.read_bytes()
    except OSError:
        return None
    header = _header(key)
    if not data.startswith(header) or len(data) < len(header) + _DIGEST_SIZE:
        log.debug("catalogue cache %s ignored: not for this key or format", path)
        return None
    payload = memoryview(data)[len(header) : len(data) - _DIGEST_SIZE]
    if hashlib.sha256(payload).digest() != data[len(data) - _DIGEST_SIZE :]:
        log.debug("catalogue cache %s ignored: checksum does not match", path)
        return None
    try:
        catalogue = pickle.loads(payload)
    except Exception as error:  # any damage at all means "rebuild", never a user error
        log.debug("catalogue cache %s ignored: %r", path, error)
        return None
    if type(catalogue) is not Catalogue:
        return None
    return catalogue


def write_cache_file(path: Path, key: str, catalogue: Catalogue) -> bool:
    """Write ``catalogue`` to ``path`` atomically; False (and no file) if that fails."""

    def write(raw: BinaryIO) -> None:
        raw.write(_header(key))
        writer = _HashingWriter(raw)
        _pickler(writer).dump(catalogue)
        raw.write(writer.digest.digest())

    return _write_atomically(path, write)


def _write_atomically(path: Path, write: Callable[[BinaryIO], None]) -> bool:
    """Have ``write`` fill a temporary file beside ``path``, then rename it into place, so that
    readers never see half a file; False (and no file) if that fails. The cache only ever saves
    time, so a failure is logged for debugging and otherwise ignored."""
    temp: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd, temp = tempfile.mkstemp(prefix=f".{path.name.split('-')[0]}-", suffix=".tmp",
                                    dir=path.parent)
        with os.fdopen(fd, "wb") as raw:
            write(raw)
        os.replace(temp, path)
        return True
    except Exception as error:  # a cache that cannot be written is only skipped
        log.debug("%s not written: %r", path, error)
        if temp is not None:
            with contextlib.suppress(OSError):
                os.unlink(temp)
        return False


def dump(value: Any, out: Any) -> None:
    """Write ``value`` to the binary file ``out`` pickled as the cache file is (records rebuilt
    directly, repeats shared), for ``pickle.load``."""
    _pickler(out).dump(value)


def _pickler(file: Any) -> pickle.Pickler:
    pickler = pickle.Pickler(file, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = _Reducers().table()
    return pickler


def _header(key: str) -> bytes:
    return _MAGIC + f"{FORMAT_VERSION} {key}\n".encode()


class _HashingWriter(io.RawIOBase):
    """A write-only file that hashes what passes through it."""

    def __init__(self, raw: BinaryIO) -> None:
        self.raw = raw
        self.digest = hashlib.sha256()

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        self.digest.update(data)
        return self.raw.write(data)


def _touch(path: Path) -> None:
    with contextlib.suppress(OSError):
        os.utime(path)  # most recently used: kept when older versions are pruned


def _prune(directory: Path, *, keep: Path) -> None:
    """Remove all but the ``KEEP`` most recently used cache files, and stale temporary files."""
    with contextlib.suppress(OSError):
        entries = sorted(directory.glob("catalogue-*.pickle"),
                         key=lambda p: p.stat().st_mtime, reverse=True)
        for old in [p for p in entries if p != keep][KEEP - 1 :]:
            old.unlink(missing_ok=True)
        for temp in [*directory.glob(".catalogue-*.tmp"), *directory.glob(".files-*.tmp")]:
            if temp.stat().st_mtime < keep.stat().st_mtime - 3600:  # a writer that died
                temp.unlink(missing_ok=True)


# ---------------------------------------------------------------------------------------------
# Pickling: read-only mappings, and pydantic records without their slow generic path
# ---------------------------------------------------------------------------------------------


def _mapping_proxy(mapping: dict[Any, Any]) -> MappingProxyType[Any, Any]:
    return MappingProxyType(mapping)


def _reduce_mapping_proxy(proxy: MappingProxyType[Any, Any]) -> tuple[Any, ...]:
    return _mapping_proxy, (dict(proxy),)


_new = object.__new__
_set = object.__setattr__
_FIELD_SETS: dict[tuple[str, ...], set[str]] = {}


def _rebuild_record(cls: type[BaseModel], values: dict[str, Any],
                    fields_set: tuple[str, ...]) -> BaseModel:
    """A pydantic record from its field values, set directly as ``__setstate__`` would."""
    record = _new(cls)
    _set(record, "__dict__", values)
    # One set per combination of fields, shared by the records that have it: pydantic only
    # reads the set of a frozen record (a copy made with changes gets a set of its own).
    shared = _FIELD_SETS.get(fields_set)
    if shared is None:
        shared = _FIELD_SETS[fields_set] = set(fields_set)
    _set(record, "__pydantic_fields_set__", shared)
    _set(record, "__pydantic_extra__", None)
    _set(record, "__pydantic_private__", None)
    return record


class _Reducers:
    """How one pickling writes the catalogue: records rebuilt directly, repeats shared.

    Reading back costs about one Python call per record, so fewer records read faster. Equal
    small records (:data:`_SHARED_RECORDS`: every fact cites its source, a whole unit bank cites
    the same few sections, and a unit shared by many qualifications is listed the same way in
    each) are written once and shared when read, which is safe because records are frozen;
    records with the same set fields share one tuple of field names, and one set of them when
    read; equal texts and dates are written once.
    """

    def __init__(self) -> None:
        self.field_sets: dict[frozenset[str], tuple[str, ...]] = {}
        self.records: dict[tuple[Any, ...], BaseModel] = {}
        self.values: dict[Any, Any] = {}

    def table(self) -> dict[type, Callable[[Any], Any]]:
        table: dict[type, Callable[[Any], Any]] = dict(copyreg.dispatch_table)
        table[MappingProxyType] = _reduce_mapping_proxy
        for model in _model_classes(BaseModel):
            table[model] = self.shared_record if model in _SHARED_RECORDS else self.record
        return table

    def record(self, record: BaseModel) -> Any:
        if record.__pydantic_extra__ or record.__pydantic_private__:
            return record.__reduce_ex__(pickle.HIGHEST_PROTOCOL)  # not ours: the generic path
        fields_set = frozenset(record.__pydantic_fields_set__)
        names = self.field_sets.get(fields_set)
        if names is None:
            names = self.field_sets[fields_set] = tuple(sorted(fields_set))
        shared = self.values
        values = {name: shared.setdefault(value, value) if type(value) in _SHAREABLE else value
                  for name, value in record.__dict__.items()}
        return _rebuild_record, (type(record), values, names)

    def shared_record(self, record: BaseModel) -> Any:
        key = (type(record), frozenset(record.__pydantic_fields_set__),
               *record.__dict__.values())
        first = self.records.setdefault(key, record)
        if first is not record:
            # The first equal record is already in the file: refer to it.
            return operator.getitem, ((first,), 0)
        return self.record(record)


_SHARED_RECORDS = frozenset({Citation, GroupMember})


_SHAREABLE = frozenset({str, dt.date})
"""Immutable field values written once however often they occur (a unit's reference number
is in its record and in every group that lists it): pickle then refers back to the first,
which is quicker to read than a copy."""


def _model_classes(base: type[BaseModel]) -> Iterator[type[BaseModel]]:
    """The pydantic model classes of the catalogue (``advisor`` modules only)."""
    for sub in base.__subclasses__():
        if sub.__module__.startswith("advisor."):
            yield sub
        yield from _model_classes(sub)

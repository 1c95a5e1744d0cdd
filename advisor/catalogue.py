"""Loading the catalogue: read every YAML file in ``data/``, validate it, cross-check it.

``load_catalogue`` either returns a complete, consistent :class:`Catalogue` or raises
:class:`CatalogueError` listing every problem at once, each with its file, line and key path.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import dataclasses
import difflib
import functools
import gc
import logging
import os
import pickle
import re
import subprocess
import sys
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any, BinaryIO, cast

import networkx as nx
from pydantic import BaseModel, ValidationError

from advisor import cache
from advisor.memo import per_object
from advisor.models import (
    Basis,
    Category,
    Citation,
    Document,
    DocumentKind,
    Framework,
    FrameworkFile,
    JobRole,
    JobRoleFile,
    Progression,
    ProgressionFile,
    Qualification,
    RulesOfCombination,
    SourcesFile,
    Structure,
    TransferRule,
    TransferRuleFile,
    Unit,
    UnitBank,
)
from advisor.problems import CatalogueError, Problem, problems_from_validation
from advisor.yamlio import KeyPath, LocatedDocument, YamlReadError, iter_yaml_files, read_yaml_file

DEFAULT_DATA_DIR = Path(
    os.environ.get("ADVISOR_DATA_DIR") or Path(__file__).resolve().parent.parent / "data"
)

SOURCES_FILE = "sources.yaml"
PROGRESSION_FILE = "progression.yaml"
JOB_ROLES_FILE = "job-roles.yaml"
FRAMEWORKS_FILE = "frameworks.yaml"
TRANSFER_RULES_FILE = "transfer-rules.yaml"
QUALIFICATIONS_DIR = "qualifications"
UNITS_DIR = "units"

_TOP_LEVEL_MODELS: dict[str, type[BaseModel]] = {
    SOURCES_FILE: SourcesFile,
    PROGRESSION_FILE: ProgressionFile,
    JOB_ROLES_FILE: JobRoleFile,
    FRAMEWORKS_FILE: FrameworkFile,
    TRANSFER_RULES_FILE: TransferRuleFile,
}
_REQUIRED_FILES = (SOURCES_FILE,)


log = logging.getLogger(__name__)


class UnknownReference(LookupError):
    """A qualification or unit that the catalogue does not hold, with the closest matches.

    The matches are found only when asked for (``suggestions``, or the message): at register
    size one search compares the reference with 120,000 codes and titles and can take a second
    or two, and a caller holding many unknown references may want few of them.
    """

    def __init__(self, what: str, reference: str,
                 suggestions: Callable[[], list[str]] | Sequence[str] = ()) -> None:
        super().__init__(what, reference)
        self.what = what
        self.reference = reference
        self._suggest = suggestions
        self._found: list[str] | None = None

    @property
    def suggestions(self) -> list[str]:
        # Remembered on the instance without a lock (functools.cached_property takes one lock
        # for every instance on Python 3.11, so sessions would wait for each other's searches).
        if self._found is None:
            self._found = list(self._suggest() if callable(self._suggest) else self._suggest)
        return self._found

    def __reduce__(self) -> tuple[Any, ...]:
        # The search needs the catalogue; a copy carries what it found instead.
        return UnknownReference, (self.what, self.reference, tuple(self.suggestions))

    def plain(self) -> str:
        """The message without suggestions (none are looked for)."""
        return f"no {self.what} {self.reference!r} in the catalogue"

    def __str__(self) -> str:
        message = self.plain()
        if self.suggestions:
            message += "; did you mean " + ", ".join(self.suggestions) + "?"
        return message


@dataclass(frozen=True)
class Catalogue:
    """Everything the advisor knows, validated and read-only."""

    documents: Mapping[str, Document]
    units: Mapping[str, Unit]
    qualifications: Mapping[str, Qualification]
    progressions: tuple[Progression, ...]
    job_roles: Mapping[str, JobRole]
    frameworks: Mapping[str, Framework]
    transfer_rules: tuple[TransferRule, ...]
    qualification_files: Mapping[str, str] = field(default_factory=dict)
    data_dir: str = ""

    # ------------------------------------------------------------------ lookups

    def basis(self, citation: Citation) -> Basis:
        """How firmly the cited fact is known: stated, secondary or an inference."""
        if citation.basis is not None:
            return citation.basis
        document = self.documents.get(citation.doc)
        if document is not None and document.kind is DocumentKind.SECONDARY:
            return Basis.SECONDARY
        return Basis.STATED

    def find_qualification(self, reference: str) -> Qualification:
        """A qualification by id, scheme code, regulator number or structure reference."""
        found = _reference_index(self).get(_normalise_reference(reference))
        if found is not None:
            return found
        raise UnknownReference("qualification", reference,
                               functools.partial(self._suggest_qualifications, reference))

    def find_unit(self, reference: str, *, within: Qualification | None = None) -> Unit:
        """A unit by URN, or by its number within ``within`` (``F3`` in 03456)."""
        wanted = reference.strip().upper()
        if wanted in self.units:
            return self.units[wanted]
        if within is not None and within.rules is not None:
            for group in within.rules.groups:
                for member in group.units:
                    labels = {member.number, member.code}
                    if any(label and label.strip().upper() == wanted for label in labels):
                        return self.units[member.urn]
        raise UnknownReference("unit", reference,
                               functools.partial(self._suggest_units, reference, within))

    def _suggest_qualifications(self, reference: str) -> list[str]:
        labels: dict[str, str] = {}
        for q in self.qualifications.values():
            for name in (q.id, q.code, q.regulator_number, q.structure_reference):
                if name:
                    labels[name.upper()] = name
            labels[q.title.upper()] = q.code or q.regulator_number or q.id
        return _closest(reference, labels)

    def _suggest_units(self, reference: str, within: Qualification | None) -> list[str]:
        labels = {urn: urn for urn in self.units}
        if within is not None and within.rules is not None:
            for group in within.rules.groups:
                for member in group.units:
                    if member.number:
                        labels[member.number.upper()] = f"{member.number} ({member.urn})"
        for urn, unit in self.units.items():
            labels[unit.title.upper()] = urn
        return _closest(reference, labels)

    def effective_rules(
        self, qualification: Qualification
    ) -> tuple[RulesOfCombination | None, Qualification | None]:
        """The rules to check a qualification against, and the structure they come from.

        A qualification whose own unit list is not in the sources may be inferred to follow a
        national structure; its rules are then the structure's, and the second value names the
        structure so that every answer can say so.
        """
        if qualification.rules is not None:
            return qualification.rules, None
        if qualification.based_on is not None:
            structure = self.qualifications.get(qualification.based_on.structure)
            if structure is not None and structure.rules is not None:
                return structure.rules, structure
        return None, None


@per_object
def _reference_index(catalogue: Catalogue) -> dict[str, Qualification]:
    """Every name a qualification answers to (id, code, regulator number, structure
    reference), normalised; the first qualification in catalogue order wins, as a scan would."""
    index: dict[str, Qualification] = {}
    for q in catalogue.qualifications.values():
        for name in (q.id, q.code, q.regulator_number, q.structure_reference):
            if name is not None:
                index.setdefault(_normalise_reference(name), q)
    return index


def _closest(reference: str, labels: Mapping[str, str]) -> list[str]:
    """Up to three suggestions for a mistyped reference, from ``{label: suggestion}``."""
    matches = difflib.get_close_matches(reference.strip().upper(), list(labels), n=3, cutoff=0.5)
    return list(dict.fromkeys(labels[m] for m in matches))


def _normalise_reference(text: str) -> str:
    return re.sub(r"[\s]+", "", text).upper()


# ---------------------------------------------------------------------------------------------
# Reading files
# ---------------------------------------------------------------------------------------------


@dataclass
class _Parsed:
    """A file that parsed and passed its schema check."""

    file: str  # as problems name it: relative to the data directory's parent
    path: Path
    model: BaseModel
    located: LocatedDocument | None = None

    @property
    def doc(self) -> LocatedDocument:
        """The line of every key path in the file, read again the first time it is asked for:
        lines are needed only to report a problem, and a sound catalogue has none. A file
        edited while the catalogue loads gives the lines of its new text (and is not cached:
        see :func:`advisor.cache.load_cached`); one that can no longer be read gives none."""
        if self.located is None:
            try:
                self.located = read_yaml_file(self.path)
            except (YamlReadError, OSError):  # changed since it was read: no lines to give
                self.located = LocatedDocument(data=None)
            self.located.data = None
        return self.located


@dataclass
class _FileRead:
    """What reading one file gave: its record, or its problems and the ids and URNs it seems to
    declare (references to those are not reported as dangling: the file's own problem is the
    one to fix)."""

    parsed: _Parsed | None
    problems: list[Problem] = field(default_factory=list)
    broken_ids: set[str] = field(default_factory=set)
    broken_urns: set[str] = field(default_factory=set)


def _read_file(path: Path, file: str, model: type[BaseModel],
               documents: Mapping[str, Document] | None) -> _FileRead:
    """Read, parse and schema-check one file, and check its citations against ``documents``
    (when known). Never raises for anything in the file."""
    try:
        doc = read_yaml_file(path, locate=False)
    except YamlReadError as error:
        p = error.problem
        return _FileRead(None, [Problem(file, p.line, p.path, p.message)],
                         *_declared_by_eye(path))
    except OSError as error:
        return _FileRead(None, [Problem(file, None, (), f"cannot be read: {error.strerror}")])
    if not isinstance(doc.data, dict):
        kind = "empty" if doc.data is None else f"a {type(doc.data).__name__}"
        return _FileRead(None, [Problem(file, 1, (), "expected a mapping of keys to values, "
                                                     f"but the file is {kind}")])
    try:
        validated = model.model_validate(doc.data)
    except ValidationError as error:
        read = _FileRead(None, [], *_declared(doc.data))
        parsed = _Parsed(file, path, model)  # only to find the lines of the problems
        read.problems = problems_from_validation(error, file=file, doc=parsed.doc,
                                                 known_keys=_ALL_KEYS)
        return read
    # The model now holds everything. Every file's raw values held to the end of loading would
    # be about 200 MB at register size.
    doc.data = None
    parsed = _Parsed(file, path, validated)
    read = _FileRead(parsed)
    if documents is not None:
        read.problems = _citation_problems(parsed, documents)
    return read


def _declared_by_eye(path: Path) -> tuple[set[str], set[str]]:
    """Best effort for a file that is not even YAML: find its id and URNs by eye."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")[:1_000_000]
    except OSError:
        return set(), set()
    return (set(re.findall(r"^id:\s*([a-z0-9-]+)\s*$", text, re.MULTILINE)),
            set(re.findall(r"urn:\s*([A-Z]/\d{3}/\d{4})", text)))


def _declared(data: dict[str, Any]) -> tuple[set[str], set[str]]:
    """The id and URNs a file that failed its schema check declares."""
    ids = {data["id"]} if isinstance(data.get("id"), str) else set()
    units = data.get("units")
    # The file failed its schema check, so ``units`` may be anything: ``units: 5`` too.
    urns = {unit["urn"].strip().upper() for unit in (units if isinstance(units, list) else ())
            if isinstance(unit, dict) and isinstance(unit.get("urn"), str)}
    return ids, urns


@dataclass(frozen=True)
class _Job:
    """A file to read: where it is, how problems name it, its schema, and what kind it is."""

    path: Path
    file: str
    model: type[BaseModel]
    kind: str  # a top-level file's name, QUALIFICATIONS_DIR or UNITS_DIR


WORKERS_ENV = "ADVISOR_LOAD_WORKERS"
"""Set to a number to choose how many processes read the files (1: this process alone)."""

PARALLEL_FROM_BYTES = 8 * 1024 * 1024
"""Catalogues smaller than this are read in this process alone: a worker takes about half a
second to start, and the real catalogue reads in a tenth of one."""

_MAX_WORKERS = 4
_OWN_SHARE = 1.45
_WORKER_COMMAND = ("-m", "advisor.load_worker")
WORKER_TIMEOUT_SECONDS = 600
"""A worker still reading after this long is stopped and its files are read here."""


def _read_files(jobs: list[_Job], documents: Mapping[str, Document] | None) -> list[_FileRead]:
    """Read every file in ``jobs``, in order: with the help of worker processes when the
    catalogue is large and there is more than one processor, else here alone. The answer is
    the same either way; a worker that cannot start, fails or takes too long only means its
    files are read here after all."""
    sizes = []
    for job in jobs:
        try:
            sizes.append(job.path.stat().st_size)
        except OSError:
            sizes.append(0)  # reading it will report the problem
    workers = _worker_count(sum(sizes))
    if workers <= 1 or len(jobs) <= 1:
        return _read_here(jobs, documents)
    own, *others = _split_runs(jobs, sizes, workers)
    others = [run for run in others if run]
    with concurrent.futures.ThreadPoolExecutor(max(1, len(others))) as feeding:
        started = [(run, _Worker.start(run, documents, feeding)) for run in others]
        # This process's own share is read as it would be alone: its errors are real errors.
        results = _read_here(own, documents)
        for run, worker in started:
            read = worker.results(len(run)) if worker is not None else None
            if read is None:
                read = _read_here(run, documents)
            results.extend(read)
    return results


def _read_here(jobs: list[_Job], documents: Mapping[str, Document] | None) -> list[_FileRead]:
    return [_read_file(job.path, job.file, job.model, documents) for job in jobs]


def _worker_count(total_bytes: int) -> int:
    configured = os.environ.get(WORKERS_ENV, "").strip()
    if configured:
        try:
            return max(1, int(configured))
        except ValueError:
            log.warning("%s=%r is not a number; ignored", WORKERS_ENV, configured)
    if total_bytes < PARALLEL_FROM_BYTES:
        return 1
    try:
        processors = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        processors = os.cpu_count() or 1
    return min(processors, _MAX_WORKERS)


def _split_runs(jobs: list[_Job], sizes: list[int], workers: int) -> list[list[_Job]]:
    """``workers`` runs of neighbouring files, the first for this process.

    This process takes a larger share: a worker also starts an interpreter and pickles what it
    read, and at register size on two processors finished last unless this process read about
    45% more than it (this process then unpickles the results, far less work).
    """
    shares = [_OWN_SHARE] + [1.0] * (workers - 1)
    per_share = sum(sizes) / sum(shares)
    runs: list[list[_Job]] = [[]]
    filled = 0.0
    for job, size in zip(jobs, sizes, strict=True):
        if filled >= per_share * sum(shares[: len(runs)]) and len(runs) < workers:
            runs.append([])
        runs[-1].append(job)
        filled += size
    return runs


@dataclass
class _Worker:
    """A worker process reading a run of files: a fresh interpreter running
    :mod:`advisor.load_worker` (not a fork, since the app runs threads; not multiprocessing,
    whose workers import the caller's main script)."""

    process: subprocess.Popen[bytes]
    answer: concurrent.futures.Future[tuple[bytes, bytes]]

    @classmethod
    def start(cls, run: list[_Job], documents: Mapping[str, Document] | None,
              feeding: concurrent.futures.ThreadPoolExecutor) -> _Worker | None:
        package_parent = str(Path(__file__).resolve().parent.parent)
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(
            filter(None, [package_parent, os.environ.get("PYTHONPATH")]))}
        # Absolute paths, and this package's folder as the working directory: `python -m`
        # looks there first, so another `advisor` where this process runs cannot be picked up.
        absolute = [dataclasses.replace(job, path=job.path.absolute()) for job in run]
        try:
            process = subprocess.Popen([sys.executable, *_WORKER_COMMAND],
                                       stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                       stderr=subprocess.PIPE, env=env, cwd=package_parent)
        except OSError as error:
            log.warning("a worker to read the catalogue could not start (%s); reading its "
                        "files here", error)
            return None
        _widen_pipe(process.stdout)
        return cls(process, feeding.submit(process.communicate,
                                           pickle.dumps((absolute, documents))))

    def results(self, expected: int) -> list[_FileRead] | None:
        """What the worker read, or None (after a warning) if it failed or took too long."""
        try:
            blob, errors = self.answer.result(timeout=WORKER_TIMEOUT_SECONDS)
        except concurrent.futures.TimeoutError:
            self.process.kill()
            log.warning("a worker reading the catalogue took more than %d s; reading its files "
                        "here", WORKER_TIMEOUT_SECONDS)
            return None
        if self.process.returncode != 0:
            log.warning("a worker reading the catalogue stopped with exit code %s (%s); "
                        "reading its files here", self.process.returncode,
                        errors.decode(errors="replace").strip()[-500:])
            return None
        try:
            read = pickle.loads(blob)
        except Exception as error:  # a damaged answer: read the files here instead
            log.warning("a worker's answer could not be read (%r); reading its files here",
                        error)
            return None
        if not isinstance(read, list) or len(read) != expected:
            log.warning("a worker read %s of %d files; reading its files here",
                        len(read) if isinstance(read, list) else "none", expected)
            return None
        return read


def _widen_pipe(pipe: Any) -> None:
    """Let the pipe from a worker hold 1 MB rather than 64 KB where the system allows it. The
    thread draining it needs this process's interpreter lock for every chunk, which the reading
    here holds most of the time, so fewer, larger chunks keep the worker from waiting."""
    with contextlib.suppress(ImportError, AttributeError, OSError, ValueError):
        import fcntl  # not on every system; nor is F_SETPIPE_SZ (Linux only)

        fcntl.fcntl(pipe.fileno(), fcntl.F_SETPIPE_SZ, 1 << 20)


def read_run(jobs: list[_Job], documents: Mapping[str, Document] | None,
             out: BinaryIO) -> None:
    """In a worker (:mod:`advisor.load_worker`): read a run of files, and pickle the results to
    ``out`` as the cache does (quicker to read back than pickle's default for these records)."""
    with collector_paused():
        results = _read_here(jobs, documents)
        for read in results:
            if read.parsed is not None:
                read.parsed.located = None  # lines are found again if ever needed
        cache.dump(results, out)


class _Collector:
    """Gathers problems, and what files that failed seem to declare."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.problems: list[Problem] = []
        self.broken_ids: set[str] = set()
        self.broken_urns: set[str] = set()

    def relative(self, path: Path) -> str:
        try:
            return str(path.relative_to(self.data_dir.parent))
        except ValueError:
            return str(path)

    def add(self, file: str, doc: LocatedDocument | None, path: KeyPath, message: str) -> None:
        line = doc.line_of(path) if doc is not None else None
        self.problems.append(Problem(file, line, path, message))

    def take(self, read: _FileRead) -> _Parsed | None:
        self.problems.extend(read.problems)
        self.broken_ids |= read.broken_ids
        self.broken_urns |= read.broken_urns
        return read.parsed


def _model_keys(model: type[BaseModel], seen: set[type[BaseModel]]) -> Iterator[str]:
    if model in seen:
        return
    seen.add(model)
    for name, info in model.model_fields.items():
        yield info.alias or name
        for arg in _nested_models(info.annotation):
            yield from _model_keys(arg, seen)


def _nested_models(annotation: Any) -> Iterator[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        yield from _nested_models(arg)
    origin = getattr(annotation, "__origin__", None)  # Annotated[X, ...] keeps X here
    if origin is not None and origin is not annotation:
        yield from _nested_models(origin)


_ALL_KEYS: frozenset[str] = frozenset(
    key
    for model in (Qualification, UnitBank, *_TOP_LEVEL_MODELS.values())
    for key in _model_keys(model, set())
)


def iter_citations(value: Any, path: KeyPath = ()) -> Iterator[tuple[KeyPath, Citation]]:
    """Every citation inside a model, with its key path as written in YAML."""
    if isinstance(value, Citation):
        yield path, value
    elif isinstance(value, BaseModel):
        for name, key in _citing_fields(type(value)):
            yield from iter_citations(getattr(value, name), (*path, key))
    elif isinstance(value, tuple):
        for index, item in enumerate(value):
            yield from iter_citations(item, (*path, index))


@functools.cache
def _citing_fields(model: type[BaseModel]) -> tuple[tuple[str, str], ...]:
    """The fields of ``model`` that can hold a citation, as (attribute, YAML key): the others
    (text, numbers, dates) need not be looked into."""
    return tuple((name, info.alias or name) for name, info in model.model_fields.items()
                 if any(_can_cite(nested, set()) for nested in _nested_models(info.annotation)))


def _can_cite(model: type[BaseModel], seen: set[type[BaseModel]]) -> bool:
    if issubclass(model, Citation):
        return True
    if model in seen:
        return False
    seen.add(model)
    return any(_can_cite(nested, seen) for info in model.model_fields.values()
               for nested in _nested_models(info.annotation))


# ---------------------------------------------------------------------------------------------
# Loading and cross-checking
# ---------------------------------------------------------------------------------------------


def validate_catalogue(data_dir: Path | str = DEFAULT_DATA_DIR) -> list[Problem]:
    """Every problem in the catalogue at ``data_dir``; an empty list means it is sound."""
    try:
        load_catalogue(data_dir)
    except CatalogueError as error:
        return list(error.problems)
    return []


def load_catalogue(data_dir: Path | str = DEFAULT_DATA_DIR, *, use_cache: bool = True) -> Catalogue:
    """Read, validate and cross-check the catalogue, or raise :class:`CatalogueError`.

    With ``use_cache`` a catalogue that loaded cleanly before is read back from the compiled
    cache (:mod:`advisor.cache`) when no data file has changed; a broken one is never cached.
    """
    data_dir = Path(data_dir)
    with collector_paused(freeze=True):
        if use_cache:
            return cache.load_cached(data_dir, _read_catalogue)
        return _read_catalogue(data_dir)


@contextlib.contextmanager
def collector_paused(*, freeze: bool = False) -> Iterator[None]:
    """Pause Python's cyclic garbage collector while building many long-lived objects.

    Loading (or graphing) the catalogue makes millions of small, acyclic objects; the collector
    would rescan all of them again and again as they pile up, which at register size doubles a
    cold load and makes reading the cache several times slower.

    With ``freeze``, a build that made more than :data:`FREEZE_ABOVE` objects is then frozen
    (``gc.freeze``): a loaded catalogue lasts as long as the process, so the collector is told
    never to scan it, which saves a full collection of about a second and a half straight after
    a register-size load and part of every full collection after that. Frozen objects are still
    freed when no longer used; only garbage in a reference cycle that exists at that moment
    (anywhere in the process) is kept for good, which is why small loads, made again and again
    by tests, are not frozen, and graphs (networkx keeps cycles) never are.
    """
    collecting = gc.isenabled()
    before = gc.get_count()[0]
    gc.disable()
    try:
        yield
    finally:
        if freeze and gc.get_count()[0] - before > FREEZE_ABOVE:
            gc.freeze()
        if collecting:
            gc.enable()


FREEZE_ABOVE = 500_000
"""Objects a load must make before it is frozen (the real catalogue makes a few thousand; the
register-size one, millions)."""


def _read_catalogue(data_dir: Path) -> Catalogue:
    """Read, validate and cross-check the catalogue in ``data_dir``, without the cache."""
    collector = _Collector(data_dir)
    if not data_dir.is_dir():
        raise CatalogueError([Problem(str(data_dir), None, (), "is not a directory")])

    top: dict[str, _Parsed] = {}
    qualification_files: list[_Parsed] = []
    unit_files: list[_Parsed] = []
    jobs: list[_Job] = []
    sources_job: _Job | None = None

    for path in iter_yaml_files(data_dir):
        relative = path.relative_to(data_dir)
        parts = relative.parts
        file = collector.relative(path)
        if len(parts) == 1 and parts[0] in _TOP_LEVEL_MODELS:
            job = _Job(path, file, _TOP_LEVEL_MODELS[parts[0]], parts[0])
            if parts[0] == SOURCES_FILE:
                sources_job = job
                continue
        elif parts[0] == QUALIFICATIONS_DIR and len(parts) > 1:
            job = _Job(path, file, Qualification, QUALIFICATIONS_DIR)
        elif parts[0] == UNITS_DIR and len(parts) > 1:
            job = _Job(path, file, UnitBank, UNITS_DIR)
        else:
            collector.add(
                file, None, (),
                "not a catalogue file: put qualifications in qualifications/, unit banks in "
                f"units/, or use one of {', '.join(sorted(_TOP_LEVEL_MODELS))}",
            )
            continue
        jobs.append(job)

    # The sources come first: every other file's citations are checked against them as it is
    # read.
    documents: dict[str, Document] | None = None
    if sources_job is not None:
        sources = collector.take(_read_file(sources_job.path, sources_job.file,
                                            sources_job.model, None))
        if sources is not None:
            top[SOURCES_FILE] = sources
            documents = _check_documents(collector, sources)
            if documents is not None:
                collector.problems.extend(_citation_problems(sources, documents))
    for job, read in zip(jobs, _read_files(jobs, documents), strict=True):
        parsed = collector.take(read)
        if parsed is None:
            continue
        if job.kind == QUALIFICATIONS_DIR:
            qualification_files.append(parsed)
        elif job.kind == UNITS_DIR:
            unit_files.append(parsed)
        else:
            top[job.kind] = parsed

    for required in _REQUIRED_FILES:
        if required not in top and not any(
            p.file.endswith(required) for p in collector.problems
        ):
            collector.add(f"{data_dir.name}/{required}", None, (), "required file is missing")

    units = _check_units(collector, unit_files)
    qualifications = _check_qualifications(collector, qualification_files, units)
    progressions = _check_progressions(collector, top.get(PROGRESSION_FILE), qualifications)
    job_roles = _check_job_roles(collector, top.get(JOB_ROLES_FILE), qualifications)
    frameworks = _check_frameworks(collector, top.get(FRAMEWORKS_FILE), qualifications)
    transfer_rules = _check_transfer_rules(collector, top.get(TRANSFER_RULES_FILE), qualifications)

    catalogue = Catalogue(
        documents=MappingProxyType(documents or {}),
        units=MappingProxyType(units),
        qualifications=MappingProxyType({q.id: q for q, _ in qualifications.values()}),
        progressions=progressions,
        job_roles=MappingProxyType(job_roles),
        frameworks=MappingProxyType(frameworks),
        transfer_rules=transfer_rules,
        qualification_files=MappingProxyType({k: v.file for k, (_, v) in qualifications.items()}),
        data_dir=str(data_dir),
    )
    if not collector.problems:
        _check_satisfiable(collector, catalogue, qualifications)
    if collector.problems:
        raise CatalogueError(sorted(collector.problems, key=_problem_order))
    return catalogue


def _problem_order(problem: Problem) -> tuple[str, int, str]:
    return (problem.file, problem.line or 0, problem.message)


def _check_documents(c: _Collector, parsed: _Parsed | None) -> dict[str, Document] | None:
    if parsed is None:
        return None
    documents: dict[str, Document] = {}
    for index, document in enumerate(cast(SourcesFile, parsed.model).documents):
        if document.file in documents:
            c.add(parsed.file, parsed.doc, ("documents", index, "file"),
                  f"document {document.file!r} is listed twice")
        documents[document.file] = document
    return documents


def _citation_problems(parsed: _Parsed, documents: Mapping[str, Document]) -> list[Problem]:
    """Problems with the citations in one file: unknown documents, and secondary sources cited
    without a url or as if primary, and inferences without their reasoning."""
    problems: list[Problem] = []

    def add(path: KeyPath, message: str) -> None:
        problems.append(Problem(parsed.file, parsed.doc.line_of(path), path, message))

    for path, citation in iter_citations(parsed.model):
        document = documents.get(citation.doc)
        if document is None:
            close = difflib.get_close_matches(citation.doc, list(documents), n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            add((*path, "doc"), f"cites {citation.doc!r}, which is not in sources.yaml{hint}")
            continue
        if document.kind is DocumentKind.SECONDARY:
            if citation.url is None:
                add(path, f"a citation of the secondary document {citation.doc!r} needs the "
                          "url of the page the fact was found on")
            if citation.basis is Basis.STATED:
                add((*path, "basis"),
                    f"{citation.doc!r} is a secondary source; its facts cannot be 'stated'")
        if citation.basis is Basis.INFERENCE and not citation.note:
            add(path, "an inference needs a note explaining the reasoning")
    return problems


def _check_units(c: _Collector, files: list[_Parsed]) -> dict[str, Unit]:
    units: dict[str, Unit] = {}
    where: dict[str, tuple[_Parsed, KeyPath]] = {}
    for parsed in files:
        for index, unit in enumerate(cast(UnitBank, parsed.model).units):
            path = ("units", index, "urn")
            if unit.urn in units:
                first = units[unit.urn]
                first_parsed, first_path = where[unit.urn]
                first_file, first_line = first_parsed.file, first_parsed.doc.line_of(first_path)
                differences = [
                    f"{name} {getattr(unit, name)!r} here but {getattr(first, name)!r}"
                    for name in ("title", "credits", "level")
                    if _differs(getattr(unit, name), getattr(first, name))
                ]
                at = f"{first_file}:{first_line}"
                if differences:
                    c.add(parsed.file, parsed.doc, path,
                          f"unit {unit.urn} is recorded with different facts: "
                          + "; ".join(differences) + f" at {at}")
                else:
                    c.add(parsed.file, parsed.doc, path,
                          f"unit {unit.urn} is recorded twice (also at {at}); keep one record "
                          "and list both sources under it")
                continue
            units[unit.urn] = unit
            where[unit.urn] = (parsed, path)
    return units


def _differs(a: Any, b: Any) -> bool:
    if isinstance(a, str) and isinstance(b, str):
        return " ".join(a.split()).casefold() != " ".join(b.split()).casefold()
    return a != b


def _check_qualifications(
    c: _Collector, files: list[_Parsed], units: dict[str, Unit]
) -> dict[str, tuple[Qualification, _Parsed]]:
    found: dict[str, tuple[Qualification, _Parsed]] = {}
    names: dict[str, str] = {}
    for parsed in files:
        q = cast(Qualification, parsed.model)
        assert isinstance(q, Qualification)
        if q.id in found:
            c.add(parsed.file, parsed.doc, ("id",),
                  f"qualification id {q.id!r} is already used by {found[q.id][1].file}")
            continue
        found[q.id] = (q, parsed)
        for key in ("code", "regulator_number", "structure_reference"):
            value = getattr(q, key)
            if value is None:
                continue
            label = _normalise_reference(value)
            if label in names and names[label] != q.id:
                c.add(parsed.file, parsed.doc, (key,),
                      f"{value!r} already names qualification {names[label]!r}")
            names[label] = q.id

    for q, parsed in found.values():
        _check_one_qualification(c, q, parsed, units, found)
    return found


def _check_one_qualification(
    c: _Collector,
    q: Qualification,
    parsed: _Parsed,
    units: dict[str, Unit],
    every: dict[str, tuple[Qualification, _Parsed]],
) -> None:
    def problem(path: KeyPath, message: str) -> None:
        c.add(parsed.file, parsed.doc, path, message)

    if q.structure is Structure.COMPLETE and q.rules is None:
        problem(("structure",), "structure is 'complete' but no rules of combination are given")
    if q.structure is Structure.UNKNOWN and q.rules is not None:
        problem(("structure",), "structure is 'unknown' but rules of combination are given")
    if q.rules is not None:
        if q.credits_required is not None and q.credits_required != q.rules.credits_required:
            problem(("credits_required",),
                    f"credits_required is {q.credits_required} but the rules of combination "
                    f"require {q.rules.credits_required}")
        _check_rules(q.rules, units, problem, complete=q.structure is Structure.COMPLETE,
                     broken_urns=c.broken_urns)

    for index, named in enumerate(q.named_units):
        if named.possible_urn is not None and named.possible_urn not in units and (
            named.possible_urn not in c.broken_urns
        ):
            problem(("named_units", index, "possible_urn"),
                    f"unit {named.possible_urn} is not in any unit bank")
    if q.based_on is not None:
        target = every.get(q.based_on.structure)
        if target is None and q.based_on.structure in c.broken_ids:
            pass
        elif target is None:
            problem(("based_on", "structure"), _unknown_qualification(q.based_on.structure, every))
        elif target[0].category is not Category.NATIONAL_STRUCTURE:
            problem(("based_on", "structure"),
                    f"{q.based_on.structure!r} is not a national structure")
    for index, replacement in enumerate(q.replaced_by):
        if replacement.by in c.broken_ids:
            continue
        if replacement.by not in every:
            problem(("replaced_by", index, "by"), _unknown_qualification(replacement.by, every))
        elif replacement.by == q.id:
            problem(("replaced_by", index, "by"), "a qualification cannot replace itself")
    if q.ages is not None:
        both = set(q.ages.approved) & set(q.ages.not_approved)
        for band in sorted(both):
            problem(("ages",), f"age band {band!r} is both approved and not approved")
    _check_dates(q, problem)


def _check_rules(rules: RulesOfCombination, units: dict[str, Unit], problem: Any,
                 *, complete: bool, broken_urns: set[str]) -> None:
    group_ids: set[str] = set()
    for g_index, group in enumerate(rules.groups):
        base: KeyPath = ("rules", "groups", g_index)
        if group.id in group_ids:
            problem((*base, "id"), f"group id {group.id!r} is used twice")
        group_ids.add(group.id)
        seen: set[str] = set()
        total = 0
        credits_known = True
        for u_index, member in enumerate(group.units):
            path = (*base, "units", u_index, "urn")
            if member.urn in seen:
                problem(path, f"unit {member.urn} is listed twice in group {group.id}")
                continue
            seen.add(member.urn)
            unit = units.get(member.urn)
            if unit is None:
                if member.urn not in broken_urns:
                    problem(path, f"unit {member.urn} is not in any unit bank (data/units/)")
                credits_known = False
                continue
            if unit.credits is None:
                credits_known = False
                if complete:
                    problem(path, f"unit {member.urn} has no credit value, so this group "
                                  "cannot be checked")
            else:
                total += unit.credits
        if not group.units_complete or not credits_known:
            continue
        if group.mandatory and group.min_credits is not None and group.min_credits != total:
            problem((*base, "min_credits"),
                    f"group {group.id} is mandatory and states {group.min_credits} credits, "
                    f"but its units add up to {total}")
        elif group.min_credits is not None and group.min_credits > total:
            problem((*base, "min_credits"),
                    f"group {group.id} needs at least {group.min_credits} credits but its "
                    f"units give at most {total}")
        if group.min_units is not None and group.min_units > len(group.units):
            problem((*base, "min_units"),
                    f"group {group.id} needs at least {group.min_units} units but lists "
                    f"{len(group.units)}")
        if (group.max_credits is not None and group.min_credits is not None
                and group.max_credits < group.min_credits):
            problem((*base, "max_credits"),
                    f"group {group.id}'s maximum ({group.max_credits}) is below its minimum "
                    f"({group.min_credits})")
    for r_index, rule in enumerate(rules.credit_rules):
        for name in rule.groups or ():
            if name not in group_ids:
                problem(("rules", "credit_rules", r_index, "groups"),
                        f"credit rule {rule.id!r} names group {name!r}, which this "
                        f"qualification does not have (groups: {', '.join(sorted(group_ids))})")


def _check_dates(q: Qualification, problem: Any) -> None:
    order = [
        ("operational_start", "last_entry"),
        ("operational_start", "closed_to_entry_by"),
        ("last_entry", "last_certification"),
        ("operational_start", "last_certification"),
    ]
    for earlier, later in order:
        first = getattr(q.dates, earlier)
        second = getattr(q.dates, later)
        if first is not None and second is not None and first.date > second.date:
            problem(("dates", later, "date"),
                    f"{later.replace('_', ' ')} ({second.date.isoformat()}) is before "
                    f"{earlier.replace('_', ' ')} ({first.date.isoformat()})")


def _unknown_qualification(reference: str, every: Mapping[str, Any]) -> str:
    close = difflib.get_close_matches(reference, list(every), n=1)
    hint = f"; did you mean {close[0]!r}?" if close else ""
    return f"no qualification with id {reference!r}{hint}"


def _check_progressions(c: _Collector, parsed: _Parsed | None,
                        qualifications: Mapping[str, Any]) -> tuple[Progression, ...]:
    if parsed is None:
        return ()
    model = cast(ProgressionFile, parsed.model)
    edges: dict[str, list[str]] = defaultdict(list)
    for index, step in enumerate(model.progressions):
        base: KeyPath = ("progressions", index)
        if step.from_ not in qualifications and step.from_ not in c.broken_ids:
            c.add(parsed.file, parsed.doc, (*base, "from"),
                  _unknown_qualification(step.from_, qualifications))
        if (step.to is None) == (step.destination is None):
            c.add(parsed.file, parsed.doc, base,
                  "give exactly one of 'to' (a qualification) or 'destination'")
        if step.to is not None:
            if step.to not in qualifications:
                if step.to in c.broken_ids:
                    continue
                c.add(parsed.file, parsed.doc, (*base, "to"),
                      _unknown_qualification(step.to, qualifications))
            elif step.to == step.from_:
                c.add(parsed.file, parsed.doc, (*base, "to"),
                      "a qualification cannot progress to itself")
            else:
                edges[step.from_].append(step.to)
    cycle = _find_cycle(edges)
    if cycle:
        index = next(i for i, s in enumerate(model.progressions)
                     if s.from_ == cycle[0] and s.to == cycle[1])
        c.add(parsed.file, parsed.doc, ("progressions", index),
              "progression goes round in a circle: " + " -> ".join(cycle))
    return model.progressions


def _find_cycle(edges: Mapping[str, list[str]]) -> list[str] | None:
    graph = nx.DiGraph()
    for source, targets in edges.items():
        graph.add_edges_from((source, t) for t in targets)
    if nx.is_directed_acyclic_graph(graph):  # the usual answer, found far sooner
        return None
    try:
        found = nx.find_cycle(graph)
    except nx.NetworkXNoCycle:
        return None
    return [edge[0] for edge in found] + [found[-1][1]]


def _check_job_roles(c: _Collector, parsed: _Parsed | None,
                     qualifications: Mapping[str, Any]) -> dict[str, JobRole]:
    if parsed is None:
        return {}
    roles: dict[str, JobRole] = {}
    for index, role in enumerate(cast(JobRoleFile, parsed.model).job_roles):
        if role.id in roles:
            c.add(parsed.file, parsed.doc, ("job_roles", index, "id"),
                  f"job role id {role.id!r} is used twice")
        if role.after is not None and role.after not in qualifications and (
            role.after not in c.broken_ids
        ):
            c.add(parsed.file, parsed.doc, ("job_roles", index, "after"),
                  _unknown_qualification(role.after, qualifications))
        if role.level is None and role.after is None:
            c.add(parsed.file, parsed.doc, ("job_roles", index),
                  "a job role needs a level or an 'after' qualification")
        roles[role.id] = role
    return roles


def _check_frameworks(c: _Collector, parsed: _Parsed | None,
                      qualifications: Mapping[str, Any]) -> dict[str, Framework]:
    if parsed is None:
        return {}
    frameworks: dict[str, Framework] = {}
    for index, framework in enumerate(cast(FrameworkFile, parsed.model).frameworks):
        if framework.id in frameworks:
            c.add(parsed.file, parsed.doc, ("frameworks", index, "id"),
                  f"framework id {framework.id!r} is used twice")
        frameworks[framework.id] = framework
        for c_index, component in enumerate(framework.components):
            for q_index, ref in enumerate(component.qualifications):
                if ref not in qualifications and ref not in c.broken_ids:
                    c.add(parsed.file, parsed.doc,
                          ("frameworks", index, "components", c_index, "qualifications", q_index),
                          _unknown_qualification(ref, qualifications))
    return frameworks


def _check_transfer_rules(c: _Collector, parsed: _Parsed | None,
                          qualifications: Mapping[str, Any]) -> tuple[TransferRule, ...]:
    if parsed is None:
        return ()
    model = cast(TransferRuleFile, parsed.model)
    for index, rule in enumerate(model.transfer_rules):
        for key in ("from_qualifications", "to_qualifications"):
            for q_index, ref in enumerate(getattr(rule, key)):
                if ref not in qualifications and ref not in c.broken_ids:
                    c.add(parsed.file, parsed.doc, ("transfer_rules", index, key, q_index),
                          _unknown_qualification(ref, qualifications))
    return model.transfer_rules


def _check_satisfiable(c: _Collector, catalogue: Catalogue,
                       qualifications: Mapping[str, tuple[Qualification, _Parsed]]) -> None:
    """A complete rule set that no combination of its units can satisfy is a data error."""
    from advisor.combination import satisfiable_by_taking_all
    from advisor.planner import PlanningError, search_plan

    for q, parsed in qualifications.values():
        if q.rules is None or any(not g.units_complete for g in q.rules.groups):
            continue
        # Decided in linear time unless a unit is listed in two groups (then: the planner).
        decided = satisfiable_by_taking_all(catalogue, q.rules)
        if decided is not None:
            if not decided:
                c.add(parsed.file, parsed.doc, ("rules",),
                      "no combination of the listed units satisfies these rules of combination")
            continue
        try:
            plan = search_plan(q.rules, catalogue.units, held=())
        except PlanningError as error:
            c.add(parsed.file, parsed.doc, ("rules",), f"cannot be checked: {error}")
            continue
        if plan is None:
            c.add(parsed.file, parsed.doc, ("rules",),
                  "no combination of the listed units satisfies these rules of combination")

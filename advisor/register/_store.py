"""The register in an embedded SQLite database: importing the full data set, and reading it.

An import builds a new database file beside the old one, in one transaction, and only then
puts it in the old one's place (an atomic rename), so a refused or failed import leaves the
previous register exactly as it was. Queries open the file read-only (``mode=ro``), one
connection per call, so the app's threads never share one and nothing is held in memory.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import hashlib
import io
import os
import re
import sqlite3
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from advisor.register._rows import (
    DB_COLUMNS,
    NUMBER,
    RegisterProblem,
    column_positions,
    missing_columns,
    normalise_number,
    typed_rows,
)

REGISTER_ENV = "ADVISOR_REGISTER"
SCHEMA_VERSION = 1
PUBLISHER = "Ofqual register"

_TYPES = {"level": "INTEGER", "total_credits": "INTEGER", "min_glh": "INTEGER",
          "max_glh": "INTEGER", "tqt": "INTEGER", "glh": "INTEGER", "source_row": "INTEGER",
          "offered_in_england": "INTEGER", "offered_in_northern_ireland": "INTEGER",
          "approved_for_del": "INTEGER"}
# Words of the register's status that mean a qualification is no longer offered.
_WITHDRAWN_STATUS_WORDS = ("withdrawn", "no longer", "expired")
_DATES = ("regulation_start", "operational_start", "operational_end", "certification_end")
_BOOLEANS = ("offered_in_england", "offered_in_northern_ireland", "approved_for_del")

_SCHEMA = f"""
CREATE TABLE qualifications (
    {", ".join(f"{name} {_TYPES.get(name, 'TEXT')}" for name in DB_COLUMNS)},
    PRIMARY KEY (number_key)
);
CREATE VIRTUAL TABLE titles USING fts5(
    title, content='qualifications', content_rowid='rowid', tokenize='unicode61'
);
CREATE TABLE imports (
    id INTEGER PRIMARY KEY,
    file_name TEXT NOT NULL,
    file_size INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    rows INTEGER NOT NULL,
    problems INTEGER NOT NULL,
    imported_at TEXT NOT NULL
);
PRAGMA user_version = {SCHEMA_VERSION};
"""

# Built once the rows are in: quicker than keeping them up to date row by row.
_INDEXES = """
CREATE INDEX qualifications_by_level ON qualifications (level, operational_start);
CREATE INDEX qualifications_by_organisation ON qualifications (org_name COLLATE NOCASE, level);
CREATE INDEX qualifications_by_acronym ON qualifications (org_acronym COLLATE NOCASE, level);
"""


class RegisterError(Exception):
    """A register file that cannot be imported or opened: the message says why."""


@dataclass(frozen=True)
class ImportRecord:
    """Where the loaded register came from: the file's name, size and SHA-256, the number of
    qualifications stored, the problems found, and when it was imported (UTC)."""

    file_name: str
    file_size: int
    sha256: str
    rows: int
    problems: int
    imported_at: dt.datetime

    @property
    def source_label(self) -> str:
        """How an answer names the register it rests on."""
        when = self.imported_at
        return (f"{PUBLISHER}, full data set file {self.file_name}, imported "
                f"{when.day} {when:%B %Y}")

    def as_dict(self) -> dict[str, Any]:
        return {"file_name": self.file_name, "file_size": self.file_size,
                "sha256": self.sha256, "rows": self.rows, "problems": self.problems,
                "imported_at": self.imported_at.isoformat(timespec="seconds")}


@dataclass(frozen=True)
class ImportResult:
    """An import that succeeded: what was recorded, and every cell that could not be read."""

    record: ImportRecord
    problems: tuple[RegisterProblem, ...]


class ImportRefused(RegisterError):
    """An import refused before anything changed, with every problem that refused it."""

    def __init__(self, problems: Sequence[RegisterProblem]) -> None:
        self.problems = tuple(problems)
        super().__init__("; ".join(str(p) for p in self.problems))


@dataclass(frozen=True, kw_only=True)
class RegisterEntry:
    """One qualification as the register records it. Dates are the regulator's: the
    operational end date is the last date learners may start it, the certification end date
    the last on which certificates are issued."""

    number: str
    title: str | None
    org_recognition_number: str | None = None
    org_name: str | None = None
    org_acronym: str | None = None
    level: int | None = None  # 0 for Entry Level
    level_label: str | None = None
    sub_level: str | None = None
    eqf_level: str | None = None
    qualification_type: str | None = None
    total_credits: int | None = None
    ssa: str | None = None
    status: str | None = None
    regulation_start: dt.date | None = None
    operational_start: dt.date | None = None
    operational_end: dt.date | None = None
    certification_end: dt.date | None = None
    min_glh: int | None = None
    max_glh: int | None = None
    tqt: int | None = None
    glh: int | None = None
    offered_in_england: bool | None = None
    offered_in_northern_ireland: bool | None = None
    grading_type: str | None = None
    assessment_methods: str | None = None
    ni_discount_code: str | None = None
    gce_size: str | None = None
    gcse_size: str | None = None
    entitlement_framework: str | None = None
    grading_scale: str | None = None
    specialism: str | None = None
    pathways: str | None = None
    approved_for_del: bool | None = None
    specification_url: str | None = None
    offered_internationally: str | None = None
    source_row: int | None = None
    # The day its status was read (the import): the register says what is true now, not
    # since when, so a status of "Withdrawn" says nothing of the days before.
    status_as_of: dt.date | None = None

    @property
    def name(self) -> str:
        return f"{self.title or 'untitled'} ({self.number})"

    @property
    def withdrawn(self) -> bool:
        """Whether the register's own status says it is no longer offered ("Withdrawn", "No
        longer awarded", "Expired"), whatever its dates say."""
        return self.status is not None and any(
            words in self.status.casefold() for words in _WITHDRAWN_STATUS_WORDS)

    def withdrawn_on(self, day: dt.date) -> bool:
        """Whether its status says it is withdrawn (:attr:`withdrawn`) on ``day``: on or after
        the day the status was read (:attr:`status_as_of`), not before it."""
        return self.withdrawn and (self.status_as_of is None or day >= self.status_as_of)

    def open_on(self, day: dt.date) -> bool | None:
        """Whether the register says learners may start it on ``day``: not when its status
        says it is withdrawn (from the day the status was read), nor after its operational or
        certification end date; None when it gives no operational start date (and nothing
        that closes it), or, before the day its status was read, when it is withdrawn with no
        end date to say since when."""
        if self.withdrawn_on(day) or any(end is not None and day > end for end in (
                self.operational_end, self.certification_end)):
            return False
        if self.operational_start is None or (
                self.withdrawn and self.operational_end is None
                and self.certification_end is None):
            return None  # withdrawn since a day before its status was read: which, not known
        return day >= self.operational_start

    def as_dict(self) -> dict[str, Any]:
        values = {name: getattr(self, name) for name in DB_COLUMNS if name != "number_key"}
        for name in _DATES:
            value = values[name]
            values[name] = value.isoformat() if value is not None else None
        return values


def _entry(row: sqlite3.Row, status_as_of: dt.date | None) -> RegisterEntry:
    values = {name: row[name] for name in DB_COLUMNS if name != "number_key"}
    values["status_as_of"] = status_as_of
    for name in _DATES:
        if values[name] is not None:
            values[name] = dt.date.fromisoformat(values[name])
    for name in _BOOLEANS:
        if values[name] is not None:
            values[name] = bool(values[name])
    return RegisterEntry(**values)


# ------------------------------------------------------------------------------------ import


class _HashingReader(io.RawIOBase):
    """A binary file read through, counting its bytes and hashing them on the way."""

    def __init__(self, raw: IO[bytes]) -> None:
        self.raw = raw
        self.digest = hashlib.sha256()
        self.size = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        data = self.raw.read(len(buffer))
        self.digest.update(data)
        self.size += len(data)
        buffer[: len(data)] = data
        return len(data)


def import_register(source: Path, database: Path, *,
                    now: dt.datetime | None = None) -> ImportResult:
    """Store the full data set ``source`` as the register at ``database``, replacing what
    was there only once the whole file has been read and stored.

    A file without the required columns, or that cannot be read to its end, is refused
    (:class:`ImportRefused` or :class:`RegisterError`) and changes nothing. A cell that cannot
    be read is left empty and reported; a row without a number is left out and reported; of
    two rows with the same number, the later is kept and the duplicate reported.
    """
    database = Path(database)
    if database.is_dir():
        raise RegisterError(f"{database} is a folder: name the register's file, for example "
                            f"{database / 'register.sqlite3'}")
    try:
        database.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{database.name}.", suffix=".importing",
                                             dir=database.parent)
    except OSError as error:
        raise RegisterError(f"cannot write the register at {database}: "
                            f"{error.strerror}") from None
    os.close(handle)
    try:
        result = _build(Path(source), Path(temporary), previous=database,
                        now=now or dt.datetime.now(dt.UTC))
        os.replace(temporary, database)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
    return result


def _build(source: Path, temporary: Path, *, previous: Path,
           now: dt.datetime) -> ImportResult:
    problems: list[RegisterProblem] = []
    try:
        raw = source.open("rb")
    except OSError as error:
        raise RegisterError(f"cannot read {source}: {error.strerror or error}") from None
    connection = sqlite3.connect(temporary, isolation_level=None)
    try:
        # No journal: a failed import discards the whole temporary file, never a part of it.
        connection.executescript("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;")
        connection.executescript(_SCHEMA)
        with raw:
            hashing = _HashingReader(raw)
            text = io.TextIOWrapper(io.BufferedReader(hashing), encoding="utf-8-sig",
                                    newline="")
            # Strict: a quote left open (a file cut short, or a stray quote) must not swallow
            # the rows after it into one cell.
            records = csv.reader(text, strict=True)
            try:
                header = next(records, [])
                absent = missing_columns(header)
                if absent:
                    raise ImportRefused([RegisterProblem(
                        None, "", f"no column {', '.join(repr(n) for n in absent)}; the "
                        "register's full data set has them in its first row")])
                connection.execute("BEGIN")
                stored = _store_rows(connection, records, column_positions(header), problems)
                hashing.read()  # the rest of the file, for its size and hash
            except UnicodeDecodeError as error:
                if error.object.startswith(b"PK\x03\x04"):  # a zip: .xlsx, .ods
                    raise RegisterError(
                        f"{source.name} is a spreadsheet workbook, not CSV text: import the "
                        "register's full data set as downloaded (CSV), or save the sheet as "
                        "'CSV UTF-8 (comma delimited)'; nothing was imported") from None
                raise RegisterError(
                    f"{source.name} is not UTF-8 text: byte 0x{error.object[error.start]:02X} "
                    f"near row {records.line_num + 1} is not UTF-8; save the file as 'CSV "
                    "UTF-8 (comma delimited)'; nothing was imported") from None
            except csv.Error as error:
                raise RegisterError(
                    f"{source.name}: row {records.line_num}: a quoted cell is not closed, or a "
                    f"quote is out of place ({error}); is the file the whole download, as "
                    "saved? Nothing was imported") from None
        record = ImportRecord(file_name=source.name, file_size=hashing.size,
                              sha256=hashing.digest.hexdigest(), rows=stored,
                              problems=len(problems), imported_at=now)
        _copy_history(connection, previous)
        connection.execute(
            "INSERT INTO imports (file_name, file_size, sha256, rows, problems, imported_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (record.file_name, record.file_size, record.sha256, record.rows, record.problems,
             record.imported_at.isoformat(timespec="seconds")))
        connection.execute("INSERT INTO titles (titles) VALUES ('rebuild')")
        for statement in _INDEXES.strip().splitlines():
            connection.execute(statement)
        # Statistics from a sample, so that queries choose the narrowest index.
        connection.execute("PRAGMA analysis_limit = 1000")
        connection.execute("ANALYZE qualifications")
        connection.execute("COMMIT")
    finally:
        connection.close()
    with temporary.open("rb") as written:
        os.fsync(written.fileno())  # on disk before it takes the old register's place
    return ImportResult(record, tuple(problems))


def _store_rows(connection: sqlite3.Connection, records: Iterator[list[str]],
                positions: dict[str, int], problems: list[RegisterProblem]) -> int:
    first_row: dict[str, int] = {}

    def checked() -> Iterator[tuple[Any, ...]]:
        for values in typed_rows(records, positions, problems):
            key, row = values[0], values[-1]
            earlier = first_row.setdefault(key, row)
            if earlier != row:
                problems.append(RegisterProblem(
                    row, NUMBER, f"{values[1]} appears again (first at row {earlier}); this "
                    "later row is kept", "of two rows with the same number the later was kept"))
            yield values

    names = ", ".join(DB_COLUMNS)
    updates = ", ".join(f"{name} = excluded.{name}" for name in DB_COLUMNS[1:])
    connection.executemany(
        f"INSERT INTO qualifications ({names}) VALUES ({', '.join('?' * len(DB_COLUMNS))}) "  # noqa: S608
        f"ON CONFLICT (number_key) DO UPDATE SET {updates}", checked())
    return len(first_row)


def _copy_history(connection: sqlite3.Connection, previous: Path) -> None:
    """Keep the earlier imports' records, where the previous register can be read."""
    if not previous.exists():
        return
    with contextlib.suppress(sqlite3.Error):
        connection.execute("ATTACH DATABASE ? AS previous", (_read_only_uri(previous),))
        try:
            connection.execute(
                "INSERT INTO imports (file_name, file_size, sha256, rows, problems, "
                "imported_at) SELECT file_name, file_size, sha256, rows, problems, imported_at "
                "FROM previous.imports ORDER BY id")
        finally:
            connection.execute("DETACH DATABASE previous")


def _read_only_uri(path: Path) -> str:
    return f"{path.resolve().as_uri()}?mode=ro"


# ------------------------------------------------------------------------------------ reading


def _search_terms(text: str) -> str | None:
    """An FTS5 query from what a person typed: every word must appear, the last may be the
    start of a word. Quoted, so no word is read as FTS5 syntax."""
    words = re.findall(r"\w+", text)
    if not words:
        return None
    quoted = [f'"{word}"' for word in words]
    quoted[-1] += "*"
    return " AND ".join(quoted)


class Register:
    """The register at ``path``, read-only. Each query opens its own connection, so one
    object may be shared by the app's threads; nothing is read until asked."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        with self._connect() as connection:
            version = connection.execute("PRAGMA user_version").fetchone()[0]
            if version != SCHEMA_VERSION:
                raise RegisterError(f"{self.path} is not a register made by this advisor "
                                    f"(schema {version}); import the full data set again")
            row = connection.execute(
                "SELECT * FROM imports ORDER BY id DESC LIMIT 1").fetchone()
        if row is None:
            raise RegisterError(f"{self.path} holds no import; import the full data set again")
        self.record = ImportRecord(
            file_name=row["file_name"], file_size=row["file_size"], sha256=row["sha256"],
            rows=row["rows"], problems=row["problems"],
            imported_at=dt.datetime.fromisoformat(row["imported_at"]))

    @contextlib.contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        try:
            connection = sqlite3.connect(_read_only_uri(self.path), uri=True)
        except sqlite3.Error as error:
            raise RegisterError(f"cannot open the register {self.path}: {error}") from None
        connection.row_factory = sqlite3.Row
        try:
            yield connection
        except sqlite3.DatabaseError as error:
            raise RegisterError(f"cannot read the register {self.path}: {error}") from None
        finally:
            connection.close()

    @property
    def source_label(self) -> str:
        return self.record.source_label

    def history(self) -> tuple[ImportRecord, ...]:
        """Every import recorded, the latest first."""
        with self._connect() as connection:
            rows = connection.execute("SELECT * FROM imports ORDER BY id DESC").fetchall()
        return tuple(ImportRecord(
            file_name=r["file_name"], file_size=r["file_size"], sha256=r["sha256"],
            rows=r["rows"], problems=r["problems"],
            imported_at=dt.datetime.fromisoformat(r["imported_at"])) for r in rows)

    def get(self, number: str) -> RegisterEntry | None:
        """The qualification with this number (with or without its slashes), if any."""
        with self._connect() as connection:
            row = connection.execute("SELECT * FROM qualifications WHERE number_key = ?",
                                     (normalise_number(number),)).fetchone()
        return _entry(row, self.record.imported_at.date()) if row is not None else None

    def search(self, text: str = "", *, level: int | None = None,
               open_on: dt.date | None = None, organisation: str | None = None,
               limit: int = 50) -> list[RegisterEntry]:
        """Qualifications whose titles hold every word of ``text`` (any, when empty; the last
        word may be cut short), at ``level`` (0 for Entry), open on ``open_on``, from the
        awarding organisation named (or abbreviated) ``organisation``: the first ``limit``
        found, in title order."""
        clauses: list[str] = []
        parameters: list[Any] = []
        terms = _search_terms(text)
        if terms is not None:
            # Driven from the full-text index (CROSS JOIN fixes the order), so the search
            # stops at ``limit`` matches rather than ranking every title that matches.
            source = "titles CROSS JOIN qualifications q ON q.rowid = titles.rowid"
            clauses.append("titles MATCH ?")
            parameters.append(terms)
        else:
            source = "qualifications q"
        if level is not None:
            clauses.append("q.level = ?")
            parameters.append(level)
        if open_on is not None:  # as RegisterEntry.open_on says
            clauses.append("q.operational_start <= ? AND (q.operational_end IS NULL OR "
                           "q.operational_end >= ?) AND (q.certification_end IS NULL OR "
                           "q.certification_end >= ?)")
            parameters += [open_on.isoformat()] * 3
            withdrawn = " OR ".join(["coalesce(lower(q.status), '') LIKE ?"]
                                    * len(_WITHDRAWN_STATUS_WORDS))
            # As RegisterEntry.open_on: before the day the status was read, a withdrawn one is
            # left out only where no end date says when it closed (whether open, not known).
            clauses.append(f"NOT ({withdrawn})" if open_on >= self.record.imported_at.date()
                           else f"NOT (({withdrawn}) AND q.operational_end IS NULL AND "
                                "q.certification_end IS NULL)")
            parameters += [f"%{words}%" for words in _WITHDRAWN_STATUS_WORDS]
        if organisation:
            clauses.append("(q.org_name = ? COLLATE NOCASE OR q.org_acronym = ? "
                           "COLLATE NOCASE)")
            parameters += [organisation.strip()] * 2
        where = " AND ".join(clauses) or "1"
        query = f"SELECT q.* FROM {source} WHERE {where} LIMIT ?"  # noqa: S608
        with self._connect() as connection:
            rows = connection.execute(query, [*parameters, limit]).fetchall()
        found = [_entry(row, self.record.imported_at.date()) for row in rows]
        return sorted(found, key=lambda e: ((e.title or "").casefold(), e.number))

    def organisations(self) -> list[str]:
        """Every awarding organisation's name, in order."""
        with self._connect() as connection:
            rows = connection.execute(
                "SELECT DISTINCT org_name FROM qualifications WHERE org_name IS NOT NULL "
                "ORDER BY org_name").fetchall()
        return [row[0] for row in rows]

    def count(self) -> int:
        with self._connect() as connection:
            return int(connection.execute("SELECT count(*) FROM qualifications").fetchone()[0])

    def digest(self) -> list[tuple[Any, ...]]:
        """Every stored qualification, in number order (for comparing two registers)."""
        with self._connect() as connection:
            return [tuple(row) for row in connection.execute(
                "SELECT * FROM qualifications ORDER BY number_key")]


def default_register_path() -> Path:
    """``$ADVISOR_REGISTER``, else ``$XDG_DATA_HOME/advisor/register.sqlite3``, else
    ``~/.local/share/advisor/register.sqlite3``."""
    configured = os.environ.get(REGISTER_ENV)
    if configured:
        return Path(configured).expanduser()
    data_home = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(data_home) / "advisor" / "register.sqlite3"


def open_register(path: Path | None = None) -> Register | None:
    """The register at ``path`` (default :func:`default_register_path`), or None when there
    is no file there: everything then answers from the catalogue alone."""
    path = Path(path) if path is not None else default_register_path()
    if not path.is_file():
        return None
    return Register(path)


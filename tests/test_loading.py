"""Reading a large catalogue in several processes gives exactly what reading it in one does.

A catalogue of register size is read by this process and worker processes together
(``advisor.catalogue._read_files``); the real catalogue is far below the size where that starts,
so these tests ask for workers with ``ADVISOR_LOAD_WORKERS``.
"""

from __future__ import annotations

import dataclasses
import logging
import subprocess
from pathlib import Path
from typing import Any

import pytest

import advisor.catalogue
from advisor.catalogue import WORKERS_ENV, Catalogue, load_catalogue
from advisor.problems import CatalogueError
from tests.test_hardening import write_files
from tests.test_validation import QUALIFICATION, UNITS


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """The command of every worker process started."""
    commands: list[list[str]] = []
    real_popen = subprocess.Popen

    def popen(command: list[str], *args: Any, **kwargs: Any) -> Any:
        commands.append(command)
        return real_popen(command, *args, **kwargs)

    monkeypatch.setattr(advisor.catalogue.subprocess, "Popen", popen)
    return commands


def everything(catalogue: Catalogue) -> dict[str, Any]:
    """Every field of the catalogue, read-only mappings as plain ones, except where it was
    read from."""
    return {field.name: (dict(value) if hasattr(value, "keys") else value)
            for field in dataclasses.fields(catalogue)
            if field.name != "data_dir"
            for value in [getattr(catalogue, field.name)]}


def load(data: Path | None, workers: int, monkeypatch: pytest.MonkeyPatch) -> Catalogue:
    monkeypatch.setenv(WORKERS_ENV, str(workers))
    return load_catalogue(*([data] if data else []), use_cache=False)


def problems(data: Path, workers: int, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    monkeypatch.setenv(WORKERS_ENV, str(workers))
    with pytest.raises(CatalogueError) as caught:
        load_catalogue(data, use_cache=False)
    return [str(problem) for problem in caught.value.problems]


def test_workers__the_real_catalogue_reads_the_same_in_three_processes(started, monkeypatch):
    alone = load(None, 1, monkeypatch)
    assert started == []
    together = load(None, 3, monkeypatch)
    assert len(started) == 2  # this process reads a third itself
    assert all(command[1:] == ["-m", "advisor.load_worker"] for command in started)
    assert everything(together) == everything(alone)
    assert list(together.qualifications) == list(alone.qualifications)  # the same order too
    assert list(together.units) == list(alone.units)


def test_workers__problems_found_in_workers_are_reported_as_in_one_process(
        started, tmp_path, monkeypatch):
    """Problems in files read by workers (a broken YAML file, a schema error, a citation of an
    unknown document, a unit both banks record) come back with the same file, line and path."""
    data = write_files(tmp_path, {
        "qualifications/ab-001.yaml": QUALIFICATION.replace("level: 2\n", "level: two\n", 1),
        "qualifications/zz-broken.yaml": "id: zz-broken\ntitle: [unclosed\n",
        "units/bank.yaml": UNITS.replace("doc.txt", "dco.txt", 1),
        "units/zz-second-bank.yaml": UNITS,
    })
    alone = problems(data, 1, monkeypatch)
    assert len(alone) >= 4, alone
    assert problems(data, 4, monkeypatch) == alone
    assert len(started) == 3


def test_workers__small_catalogues_are_read_in_this_process(started, monkeypatch):
    monkeypatch.delenv(WORKERS_ENV, raising=False)
    load_catalogue(use_cache=False)
    assert started == []


def test_workers__a_worker_that_fails_means_reading_here_instead(
        started, monkeypatch, caplog):
    alone = load(None, 1, monkeypatch)
    monkeypatch.setattr(advisor.catalogue, "_WORKER_COMMAND", ("-m", "advisor.no_such_worker"))
    with caplog.at_level(logging.WARNING, logger="advisor.catalogue"):
        again = load(None, 2, monkeypatch)
    assert started  # a worker was tried
    assert everything(again) == everything(alone)
    assert "reading its files here" in caplog.text
    assert "No module named" in caplog.text


def test_workers__a_worker_that_takes_too_long_is_stopped(started, monkeypatch, caplog):
    alone = load(None, 1, monkeypatch)
    monkeypatch.setattr(advisor.catalogue, "_WORKER_COMMAND",
                        ("-c", "import time; time.sleep(120)"))
    monkeypatch.setattr(advisor.catalogue, "WORKER_TIMEOUT_SECONDS", 2)
    with caplog.at_level(logging.WARNING, logger="advisor.catalogue"):
        again = load(None, 2, monkeypatch)
    assert everything(again) == everything(alone)
    assert "took more than 2 s" in caplog.text


def test_workers__an_error_in_this_process_is_not_hidden_as_a_worker_failure(
        started, monkeypatch, caplog):
    """Only a worker's failure means reading its files here; a fault in this process's own
    reading is raised as it would be without workers."""
    real = advisor.catalogue._read_file

    def broken(path: Path, *args: Any) -> Any:
        if "qualifications" in path.parts:  # this process reads the first run: these
            raise RuntimeError("a fault in this process")
        return real(path, *args)

    monkeypatch.setattr(advisor.catalogue, "_read_file", broken)
    with caplog.at_level(logging.WARNING, logger="advisor.catalogue"), \
            pytest.raises(RuntimeError, match="a fault in this process"):
        load(None, 2, monkeypatch)
    assert started
    assert caplog.text == ""  # not taken for a worker's failure and read all over again


def test_workers__start_in_the_package_folder_with_absolute_paths(
        started, tmp_path, monkeypatch, caplog):
    """A worker starts in this package's folder, so `python -m` cannot pick up another
    `advisor` from where the caller runs (one is planted there), and is given absolute paths,
    so a catalogue named by a relative path still reads the same."""
    write_files(tmp_path)
    planted = tmp_path / "advisor"
    planted.mkdir()
    (planted / "__init__.py").write_text("")
    (planted / "load_worker.py").write_text("raise SystemExit(3)\n")
    monkeypatch.chdir(tmp_path)
    alone = load(Path("data"), 1, monkeypatch)
    with caplog.at_level(logging.WARNING, logger="advisor.catalogue"):
        together = load(Path("data"), 2, monkeypatch)
    assert started
    assert caplog.text == ""  # the real worker answered
    assert everything(together) == everything(alone)


def test_listing__finds_the_files_rglob_finds_in_the_same_order(tmp_path):
    """The catalogue's files are listed with os.scandir (quicker at register size) exactly as
    ``sorted(Path.rglob)`` listed them: nested folders, sorted part by part, no linked folders,
    suffixes as Path.suffix reads them."""
    from advisor.yamlio import iter_yaml_files

    for name in ["a.yaml", "a-b.yaml", "a/b.yaml", "a/c/d.yml", "a.b/c.yaml", ".hidden.yaml",
                 ".yaml", "upper.YAML", "notes.txt", "z/y/x/w.yaml", "folder.yaml/inner.yaml"]:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("id: x\n")
    (tmp_path / "linked").symlink_to(tmp_path / "a", target_is_directory=True)
    (tmp_path / "linked-file.yaml").symlink_to(tmp_path / "a.yaml")
    expected = sorted(p for p in tmp_path.rglob("*")
                      if p.suffix in {".yaml", ".yml"} and p.is_file())
    assert list(iter_yaml_files(tmp_path)) == expected
    assert tmp_path / "linked" / "b.yaml" not in expected  # the case is really covered
    assert tmp_path / "linked-file.yaml" in expected


def test_collector__small_loads_and_graphs_are_not_frozen():
    """Freezing keeps any garbage in a reference cycle for good, so only a register-size load
    is frozen: loading the real catalogue and building a graph leave the collector as it was,
    and a graph nobody holds is freed."""
    import gc
    import weakref

    from advisor.graph import build_graph

    frozen = gc.get_freeze_count()
    catalogue = load_catalogue(use_cache=False)
    graph = build_graph(catalogue)
    list(graph.nodes)  # networkx keeps a view of the graph on it: a reference cycle
    assert gc.get_freeze_count() == frozen
    gone = weakref.ref(graph)
    del graph
    gc.collect()
    assert gone() is None


def test_collector__a_large_load_is_frozen(monkeypatch):
    import gc

    monkeypatch.setattr(advisor.catalogue, "FREEZE_ABOVE", 0)  # the real catalogue counts as large
    frozen = gc.get_freeze_count()
    try:
        load_catalogue(use_cache=False)
        assert gc.get_freeze_count() > frozen
    finally:
        gc.unfreeze()

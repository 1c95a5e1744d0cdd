"""The shape of the codebase: layers, public API, no cycles, strict tools.

The layer contract itself lives in ``pyproject.toml`` (``[tool.importlinter]``): catalogue ->
engine -> views -> formats -> cli, each importing only those below it, and no Streamlit in the
core. These tests run it, and the other tools, as part of the one test command.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import grimp
import networkx as nx
import pytest

import advisor

ROOT = Path(__file__).resolve().parent.parent
CORE = ROOT / "advisor"
BIN = Path(sys.executable).parent


def _run(tool: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(BIN / tool), *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=600, check=False)


def _imports(path: Path) -> list[tuple[int, str]]:
    """(line, module) for every import statement in a file, relative ones resolved as
    written."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.append((node.lineno, node.module))
    return found


def test_layers__the_import_contracts_in_pyproject_are_kept():
    result = _run("lint-imports")
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert "Contracts: 2 kept, 0 broken." in result.stdout


def test_modules__no_import_cycle_inside_the_package():
    graph = grimp.build_graph("advisor")
    edges = nx.DiGraph()
    for module in graph.modules:
        for imported in graph.find_modules_directly_imported_by(module):
            edges.add_edge(module, imported)
    cycles = list(nx.simple_cycles(edges))
    assert cycles == []


def test_modules__none_over_600_lines():
    sizes = {str(p.relative_to(ROOT)): len(p.read_text(encoding="utf-8").splitlines())
             for p in CORE.rglob("*.py")}
    assert {name: n for name, n in sizes.items() if n > 600} == {}


@pytest.mark.parametrize("module", ["gc", "subprocess", "multiprocessing", "pickle", "streamlit"])
def test_core__never_imports(module):
    """The core holds no process-wide state and starts no processes: nothing that would act on
    every session of the app's server at once."""
    offenders = [f"{path.relative_to(ROOT)}:{line}" for path in CORE.rglob("*.py")
                 for line, name in _imports(path) if name.split(".")[0] == module]
    assert offenders == []


def test_app__imports_the_advisor_only_through_its_public_api():
    files = [ROOT / "app.py", *sorted((ROOT / "app_pages").glob("*.py"))]
    offenders = [f"{path.relative_to(ROOT)}:{line} {name}" for path in files
                 for line, name in _imports(path)
                 if name.startswith("advisor.")]
    assert offenders == []


def test_app__no_bare_value_that_streamlit_would_write_onto_a_page():
    """Streamlit's "magic" writes a bare string or value in a page's code onto the page: a
    docstring out of its place once showed above a title. The app turns magic off, and its
    code has no such statement (docstrings of modules, classes and functions aside) in the
    files Streamlit runs: the frame and its pages (modules they import are not rewritten)."""
    files = [ROOT / "app.py", ROOT / "serve.py",
             *sorted(p for p in (ROOT / "app_pages").glob("*.py") if not p.name.startswith("_"))]
    offenders = []
    for path in files:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {id(body[0]) for node in ast.walk(tree)
                      if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef,
                                           ast.AsyncFunctionDef))
                      and (body := node.body) and isinstance(body[0], ast.Expr)}
        offenders += [f"{path.relative_to(ROOT)}:{node.lineno}" for node in ast.walk(tree)
                      if isinstance(node, ast.Expr) and id(node) not in docstrings
                      and not isinstance(node.value, (ast.Call, ast.Await, ast.Yield))]
    assert offenders == []
    assert "magicEnabled = false" in (ROOT / ".streamlit" / "config.toml").read_text()


def test_public_api__every_exported_name_exists():
    assert [name for name in advisor.__all__ if not hasattr(advisor, name)] == []


def test_public_api__a_module_that_lists_its_names_lists_every_public_one():
    """A module's ``__all__`` says what it offers: every public function, class and constant
    it defines is in it, so that the list can be trusted (a name left out is private: ``_``)."""
    missing = {}
    for path in sorted((ROOT / "advisor").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        declared: list[str] | None = None
        defined: list[str] = []
        for node in tree.body:
            if isinstance(node, ast.Assign) and any(
                    isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets):
                declared = list(ast.literal_eval(node.value))
            elif isinstance(node, ast.FunctionDef | ast.ClassDef):
                defined.append(node.name)
            elif isinstance(node, ast.Assign | ast.AnnAssign):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                defined += [t.id for t in targets if isinstance(t, ast.Name)]
        if declared is not None:
            left_out = [n for n in defined if not n.startswith("_") and n not in declared]
            if left_out:
                missing[str(path.relative_to(ROOT))] = left_out
    assert missing == {}


def test_tools__mypy_finds_no_error_in_the_package():
    result = _run("mypy")
    assert result.returncode == 0, result.stdout[-4000:]


def test_tools__ruff_finds_nothing():
    result = _run("ruff", "check", ".")
    assert result.returncode == 0, result.stdout[-4000:]

"""The package carries its catalogue: a wheel built from the repository answers on its own."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The python of a fresh virtual environment with the wheel built from this checkout
    installed in it. The advisor's dependencies come from the test environment (a path file),
    so nothing is downloaded but the build backend."""
    work = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w",
                    str(work / "dist"), str(ROOT)], check=True, capture_output=True, timeout=600)
    (wheel,) = (work / "dist").glob("*.whl")
    venv = work / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    python = venv / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "-q", "--no-deps", str(wheel)],
                   check=True, capture_output=True, timeout=300)
    site = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()"
                           "['purelib'])"], check=True, capture_output=True, text=True).stdout
    # Only the dependencies: a plain path line does not run the test environment's own path
    # files, so the editable install of this checkout is not seen.
    (Path(site.strip()) / "dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    return python


def _run(python: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("ADVISOR_DATA_DIR", "PYTHONPATH")}
    return subprocess.run([str(python), "-m", "advisor", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=120, check=False)


def test_wheel__holds_every_catalogue_file(installed):
    (wheel,) = installed.parents[2].glob("dist/*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    data = ROOT / "data"
    shipped = {f"advisor/_data/{p.relative_to(data)}" for p in data.rglob("*.yaml")}
    assert shipped and shipped <= names


def test_wheel__validates_and_checks_from_another_folder(installed, tmp_path):
    validated = _run(installed, "validate", cwd=tmp_path)
    assert validated.returncode == 0, validated.stdout + validated.stderr
    assert "advisor/_data is valid." in validated.stdout
    assert str(ROOT) not in validated.stdout  # its own copy, not this checkout's data/
    checked = _run(installed, "check", "09628", "--units", "D/502/9654", "--as-at", "2016-06-01",
                   cwd=tmp_path)
    assert checked.returncode == 0, checked.stderr
    assert checked.stdout.startswith(
        "OCR Level 2 Certificate in Principles of Customer Service (09628), Level 2\n"
        "On 1 June 2016: Open to new learners until 31 December 2016 (certificates until 31 "
        "December 2017).\n"
        "  (source: OCR centre handbook: Level 2 and Level 3 Certificates in Principles of "
        "Customer Service (09628, 09629), § 2.1 Qualification profile)\n"
        "NOT COMPLETE: 5 of 13 credits count.")

"""The command line's JSON answers the question its text answers, the same way: each
qualification's status on the date, what replaced it, the headline, and readable citations."""

from __future__ import annotations

import json

import pytest

from advisor.cli import main


def run_json(capsys, *argv):
    assert main([*argv, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


@pytest.mark.parametrize(("reference", "as_at", "value"), [
    ("09628", "2026-11-22", "certification-closed"),
    ("09628", "2015-06-01", "open"),
    ("03456", "2015-06-01", "unknown"),
    ("10379", "2012-01-01", "not-yet-open"),
    ("S/016/608", "2026-12-01", "national-structure"),
])
def test_eligibility__json_gives_the_status_object_check_gives(capsys, reference, as_at, value):
    """The README promises a ``status`` object for every qualification named: eligibility's is
    the one check gives for the same qualification and date (a national structure's reason
    also names the versions the sources give)."""
    status = run_json(capsys, "eligibility", reference, "--as-at", as_at)["status"]
    checked = run_json(capsys, "check", reference, "--as-at", as_at)["qualification"]["status"]
    assert status["value"] == value
    assert status["reason"].startswith(checked["reason"])
    assert status | {"reason": checked["reason"]} == checked

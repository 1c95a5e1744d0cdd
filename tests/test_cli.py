"""The command line as a centre administrator meets it: routes, help and exit codes."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from advisor.cli import build_parser, main


def run_json(capsys, *argv):
    assert main([*argv, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_routes__09628_to_level_3(capsys):
    out = run_json(capsys, "routes", "--from", "09628", "--to-level", "3")
    best = out["routes"][0]
    assert [q["code"] for q in best["path"]] == ["09628", "09629"]
    (step,) = best["steps"]
    assert step["edge"] == "stated"
    assert [u["urn"] for u in step["transfers"]] == ["D/502/9654"]
    assert step["credits_transferred"] == 5
    assert [u["urn"] for u in step["plan_units"]] == ["H/502/9655", "K/502/9656"]
    assert step["additional_credits"] == 12
    assert step["source"] == ["001_1a36f8904fba0327.txt § 2.7 Progression opportunities"]
    assert out["already_there"] is False


def test_routes__09628_to_03456_by_stated_steps(capsys):
    out = run_json(capsys, "routes", "--from", "600/0840/4", "--to", "03456", "--limit", "1")
    (route,) = out["routes"]
    assert [q["code"] for q in route["path"]] == ["09628", "09629", "03456"]
    assert [s["edge"] for s in route["steps"]] == ["stated", "stated"]
    assert route["documented"] is True


def test_routes__inferred_chain_is_marked(capsys):
    out = run_json(capsys, "routes", "--from", "10378", "--to-level", "4", "--limit", "1")
    (route,) = out["routes"]
    assert [q["code"] for q in route["path"]] == ["10378", "10379", "10380", "10381"]
    assert {s["edge"] for s in route["steps"]} == {"inferred"}
    assert all(s["source_notes"] for s in route["steps"])


def test_routes__documented_only_leaves_out_the_inferred_chain(capsys):
    out = run_json(capsys, "routes", "--from", "10378", "--to-level", "4", "--documented-only")
    assert out["routes"] == []


def test_routes__already_there(capsys):
    out = run_json(capsys, "routes", "--from", "09629", "--to-level", "2")
    assert out["already_there"] is True and out["routes"] == []
    assert main(["routes", "--from", "09629", "--to-level", "2"]) == 0
    assert capsys.readouterr().out.startswith("Already there")


def test_routes__text_shows_carry_over_and_plan(capsys):
    assert main(["routes", "--from", "09628", "--to-level", "3", "--limit", "1"]) == 0
    out = capsys.readouterr().out
    assert "Route 1: 09628 -> 09629 (documented; 12 more credits)" in out
    assert "carries over 5 credits: D/502/9654" in out
    assert "+ 4 (H/502/9655)" in out


@pytest.mark.parametrize(("argv", "message"), [
    (["routes", "--from", "09628"], "give a target"),
    (["routes", "--from", "0962", "--to-level", "3"], "09628"),
    (["routes", "--to", "S/016/608"], "national structure"),
])
def test_routes__mistakes_exit_2_with_a_message(capsys, argv, message):
    assert main(argv) == 2
    assert message in capsys.readouterr().err


def test_help__every_command_explains_itself(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["--help"])
    assert exit_.value.code == 0
    top = capsys.readouterr().out
    for command in ("validate", "check", "carry-over", "eligibility", "recommend", "routes"):
        assert command in top
    assert "exit codes: 0 done" in top and "advisor routes --from 09628" in top
    parser = build_parser()
    subparsers = next(a for a in parser._actions if a.dest == "command")
    for name, sub in subparsers.choices.items():
        assert sub.description, f"{name} has no description"
        undocumented = [a.dest for a in sub._actions if not a.help]
        assert undocumented == [], f"{name}: options without help: {undocumented}"


def test_closed_pipe_is_quiet():
    """``advisor ... | head`` ends quietly, without a traceback, however much was left to print."""
    script = ("import sys; from advisor.cli import main; "
              "codes = [main(['routes', '--to-level', '4', '--limit', '20', '--json']) "
              "for _ in range(20)]; sys.exit(max(codes))")
    # A reader that takes 100 bytes and goes away.
    with subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE) as reader:
        assert reader.stdout is not None and reader.stderr is not None
        reader.stdout.read(100)
        reader.stdout.close()
        error = reader.stderr.read().decode()
        reader.wait(timeout=60)
    assert "Traceback" not in error and "BrokenPipeError" not in error

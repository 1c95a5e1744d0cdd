"""The app and the command line are twins: for the same question on the same date they must give
the same answer. This script asks both a spread of real questions (the app's pages through
Streamlit's AppTest, opened from the page address the app writes; the CLI with ``--json``, in
process) and prints every disagreement it finds, question by question, with a count at the end.

It is a script, not a test: a full run opens about a hundred pages (a few minutes on a shared
machine). The disagreements it found are pinned by small tests of their own.

    python -m benchmarks.twin_check [recommend] [routes] [check] [explore] [cohort] [spread]

(``spread`` adds every job role the documents list to the starting-level questions; with no
word, the first three are asked. Exit 1 where the twins disagree.)
"""

from __future__ import annotations

import contextlib
import datetime as dt
import html
import io
import json
import os
import re
import shlex
import sys
import tempfile
import urllib.parse
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
# No register of the user's: both twins answer from the documents alone.
os.environ["ADVISOR_REGISTER"] = str(Path(tempfile.mkdtemp()) / "none.sqlite3")

import streamlit.testing.v1.app_test as _app_test  # noqa: E402
from streamlit.runtime.media_file_manager import MediaFileManager  # noqa: E402

from advisor import load_catalogue  # noqa: E402
from advisor.cli import main as cli_main  # noqa: E402
from advisor.views.check_words import credits_against  # noqa: E402
from tests.support.app import all_text, open_with_link  # noqa: E402


class _KeptMediaFiles(MediaFileManager):
    """The media files of AppTest's last run, kept so that a download button's file (made only
    when clicked: ``on_click="ignore"`` with a function) can be made as a click would."""

    last: MediaFileManager | None = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _KeptMediaFiles.last = self


_app_test.MediaFileManager = _KeptMediaFiles  # type: ignore[misc]


def downloaded(at, key: str) -> str:
    """The file a download button on the page gives, as text ("" where there is none)."""
    button = next((b for b in at.get("download_button") if b.proto.id.endswith(key)), None)
    if button is None:
        return ""
    manager = _KeptMediaFiles.last
    assert manager is not None
    made = manager._deferred_callables[button.proto.deferred_file_id]["callable"]()
    return made.decode("utf-8") if isinstance(made, bytes) else str(made)


TODAY = dt.date.today()
DATES = [dt.date(2015, 6, 1), dt.date(2018, 1, 1), TODAY]
EARLY = dt.date(2012, 1, 1)  # before 10378 to 10380 were launched: explore only
LEVEL = "app_pages/starting_level.py"
ROUTE = "app_pages/plan_route.py"
CHECK = "app_pages/check_units.py"

CATALOGUE = load_catalogue()
FINDINGS: list[str] = []


def cli(*argv: str) -> dict:
    """The CLI's answer, or ``{"refused": its message}`` where it refuses the question."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = cli_main([*argv, "--json"])
        except SystemExit as stop:  # argparse's refusal
            code = int(stop.code or 0)
    if code == 2:
        return {"refused": err.getvalue().strip().removeprefix("advisor: ")}
    if code not in (0, 1):
        raise RuntimeError(f"advisor {' '.join(argv)} exited {code}")
    return json.loads(out.getvalue())


def refused_alike(case: str, at, said: dict) -> bool:
    """Where the CLI refuses the question, whether the page refuses it too (said so if not)."""
    if "refused" not in said:
        return False
    shown = [unescape(e.value) for e in at.error]
    if not any(said["refused"].split(":")[0] in e for e in shown):
        say(case, "refused", shown, said["refused"])
    return True


def say(case: str, what: str, page: object, cli_said: object) -> None:
    FINDINGS.append(f"[{case}] {what}\n    page: {page!r}\n    cli:  {cli_said!r}")


def unescape(text: str) -> str:
    return re.sub(r"\\([\\`*_{}\[\]()#+\-.!|<>~$])", r"\1", text)


# Words that differ only by whom they address: the page asks "you", the CLI speaks of the
# learner. Taken out, with each word's final "s", before two messages are compared.
VOICE = re.compile(r"\b(the learner's|the learner|this learner|you are|you|your|they are|they|"
                   r"their|them|is|are|has|have|does|do)\b", re.IGNORECASE)


def words(text: str) -> list[str]:
    """The words of ``text`` that say the same whoever is spoken to or of."""
    text = VOICE.sub(" ", unescape(text).casefold())
    return [w.rstrip("s") for w in re.findall(r"[a-z0-9/]+", text)]


def same_words(page: str, cli_said: str) -> bool:
    return words(page) == words(cli_said)


def begins_with(text: str, head: str) -> bool:
    """Whether ``text`` begins with the words of ``head`` (its last, perhaps cut, word aside),
    whoever each speaks to: "what you hold" and "what the learner holds" begin alike."""
    wanted = words(head)[:-1]
    return words(text)[:len(wanted)] == wanted


# How a caption marks a section's kind, which the JSON gives as its "basis".
SOURCE_KIND = r" \(((in part )?inferred|secondary source( and inferred)?)\)$"


def cited(caption: str) -> set[tuple[str, str]]:
    """A page's sources caption as (document, section) pairs."""
    pairs = set()
    body = re.sub(r"^Sources?:\s*", "", unescape(caption))
    for line in body.splitlines():
        line = re.sub(r"^\d+\.\s+", "", line.strip())
        if not line:
            continue
        document, *sections = line.split(", § ")
        for section in sections or [""]:
            pairs.add((document, re.sub(SOURCE_KIND, "", section)))
    return pairs


def json_cited(sources: Iterable[dict]) -> set[tuple[str, str]]:
    return {(s["document"], s["section"] or "") for s in sources}


def flat(node) -> list:
    """The page's elements in order, expanders and columns opened."""
    found = []
    for e in node.children.values():
        if type(e).__name__ in ("Table", "Dataframe") or not hasattr(e, "children"):
            found.append(e)
        else:
            found.append(e)
            found.extend(flat(e))
    return found


def kind(e) -> str:
    return type(e).__name__


def value(e) -> str:
    return unescape(str(getattr(e, "value", "") or getattr(e, "label", "")))


def items_with_sources(elements: list, start: int, stop: int, kinds: tuple[str, ...],
                       ) -> list[tuple[str, set]]:
    """Each message of ``kinds`` between two positions, with the sources captioned below it."""
    found: list[tuple[str, set]] = []
    current = False  # whether a caption now belongs to the last message
    for e in elements[start:stop]:
        if kind(e) in kinds:
            found.append((value(e).removeprefix("- "), set()))
            current = True
        elif kind(e) == "Caption" and current and value(e).startswith("Source"):
            found[-1] = (found[-1][0], found[-1][1] | cited(value(e)))
        else:
            current = False
    return found


def index_of(elements: list, k: str, text: str, start: int = 0) -> int:
    for n, e in enumerate(elements[start:], start):
        if kind(e) == k and value(e).startswith(text):
            return n
    return len(elements)


def compare_findings(case: str, what: str, page: list[tuple[str, set]], said: list[dict]):
    if len(page) != len(said):
        say(case, f"{what}: how many", [m for m, _ in page], [f["message"] for f in said])
        return
    for (message, sources), finding in zip(page, said, strict=True):
        if not same_words(message, finding["message"]):
            say(case, f"{what}: message", message, finding["message"])
        if sources != json_cited(finding["source"]):
            say(case, f"{what}: sources of {finding['message'][:60]}", sorted(sources),
                sorted(json_cited(finding["source"])))


# --------------------------------------------------------------------- find a starting level

def link_of(profile: dict) -> dict[str, str]:
    return {k: v for k, v in profile.items() if v is not None}


def cli_args(profile: dict) -> list[str]:
    args = []
    names = {"age": "--age", "work": "--employment", "role": "--role", "want": "--job-wanted",
             "has": "--has", "units": "--units", "aim": "--aim"}
    for key, value_ in profile.items():
        if key == "senior":
            args.append("--senior-role" if value_ == "yes" else "--not-senior-role")
        elif key in names:
            args += [names[key], value_]
    return args


STATUS_WORDS = {"open": "open to new learners", "unknown": "not known if open",
                "not-yet-open": "not yet open", "closed": "closed",
                "certification-closed": "closed", "structure": "national structure"}


def route_params_from_command(command: str) -> dict[str, str]:
    words = shlex.split(command)[2:]
    names = {"--from": "from", "--to": "to", "--to-level": "level", "--also": "also",
             "--units": "units", "--age": "age", "--employment": "work", "--aim": "aim",
             "--start-level": "starting", "--as-at": "on"}
    params: dict[str, str] = {}
    n = 0
    while n < len(words):
        word = words[n]
        if word == "--senior-role":
            params["senior"] = "yes"
        elif word == "--not-senior-role":
            params["senior"] = "no"
        elif word in names:
            params[names[word]] = words[n + 1]
            n += 1
        else:
            params[word] = "?"
        n += 1
    return params


def check_recommend(profile: dict, as_at: dt.date) -> None:
    case = f"recommend {profile} on {as_at}"
    link = link_of(profile)
    at = open_with_link(LEVEL, as_at=None if as_at == TODAY else as_at,
                        **link, **({} if as_at == TODAY else {"on": as_at.isoformat()}))
    said = cli("recommend", *cli_args(profile), "--as-at", as_at.isoformat())
    if refused_alike(case, at, said):
        return
    elements = flat(at.main)

    page_level = [m.value for m in at.metric]
    cli_level = ([f"Level {said['recommended_level']}"] if said["recommended_level"] is not None
                 else [])
    if page_level != cli_level:
        say(case, "level", page_level, cli_level)

    # The qualifications at the level, in order, with their status and what replaced them.
    tables = [t.value for t in at.table if "New learners" in t.value.columns]
    rows = tables[0].to_dict("records") if tables else []
    if [r["Qualification"] for r in rows] != [q["title"] for q in said["qualifications"]]:
        say(case, "options", [r["Qualification"] for r in rows],
            [q["title"] for q in said["qualifications"]])
    for row, q in zip(rows, said["qualifications"], strict=False):
        status = q["status"]["value"]
        if not row["New learners"].startswith(STATUS_WORDS[status]):
            say(case, f"status of {q['title']}", row["New learners"], status)
        for replacement in q["status"]["replaced_by"]:
            if (replacement["code"] or replacement["title"]) not in row["New learners"]:
                say(case, f"replacement of {q['title']}", row["New learners"],
                    replacement["code"])
        if not q["status"]["replaced_by"] and "replaced" in row["New learners"]:
            say(case, f"replacement of {q['title']}", row["New learners"], [])
        needed = row["Credits still needed"]
        at_most = q.get("credits_still_needed_at_most")
        cli_needed = (f"up to {at_most}" if at_most is not None
                      else q["credits_still_needed"])
        if str(needed) != str(cli_needed) and not (
                needed == "not known" and cli_needed is None) and not (
                str(needed).startswith("cannot be completed") and q.get("can_be_completed")
                is False):
            say(case, f"credits still needed of {q['title']}", needed, cli_needed)
        if "Credits already counted" in row:
            counted = row["Credits already counted"]
            counted = None if str(counted) in ("not known", "<NA>", "None") else int(counted)
            if counted != q["credits_counted"]:
                say(case, f"credits counted of {q['title']}", row["Credits already counted"],
                    q["credits_counted"])

    # Each option's reasons, with their sources, as its expander gives them.
    for q in said["qualifications"]:
        box = next((e for e in at.expander if e.label.startswith(
            f"{CATALOGUE.qualifications[q['id']].reference} - ")), None)
        why = next((e for e in box.expander if e.label.startswith("Why")), None) if box else None
        if why is None:
            say(case, f"reasons of {q['title']}", "absent", len(q["eligibility"]))
            continue
        page = []
        for m in why.markdown:
            text = unescape(m.value).removeprefix("- ")
            found = re.search(r"\s*\*\((.*)\)\*$", text)
            sources = set()
            for document in (found.group(1).split("; ") if found else []):
                sources |= cited(document)
            page.append((text[:found.start()] if found else text, sources))
        compare_findings(case, f"reasons of {q['title']}", page, q["eligibility"])
    why = index_of(elements, "Markdown", "**Why**")
    options_header = index_of(elements, "Header", "Qualifications at Level")
    end_of_why = min(options_header, index_of(elements, "Header", "What to do next"),
                     index_of(elements, "Header", "Apprenticeship frameworks"),
                     index_of(elements, "Header", "The job you would like"))
    reasons = items_with_sources(elements, why, end_of_why, ("Markdown",))
    reasons = [r for r in reasons if r[0] != "**Why**"]
    compare_findings(case, "reasons", reasons, said["reasons"])
    cautions = items_with_sources(elements, index_of(elements, "Header", "Suggested"),
                                  end_of_why, ("Warning",))
    compare_findings(case, "cautions", cautions,
                     [c for c in said["cautions"] if c["code"] != "not-enough-to-recommend"])

    steps_at = index_of(elements, "Header", "What to do next")
    steps_end = index_of(elements, "Divider", "", steps_at)
    steps = [s for s in items_with_sources(elements, steps_at, steps_end, ("Markdown",))]
    compare_findings(case, "next steps", steps, said["next_steps"])

    # The routes to plan next: the same, and the page's link is the CLI's command.
    links = [e.proto for e in at.get("page_link") if e.proto.page == "plan_route"]
    # The page speaks to the learner ("from what you hold"), the CLI of them.
    if len(links) != len(said["route_offers"]) or not all(
            same_words(link.label, o["label"]) for link, o in zip(links, said["route_offers"],
                                                                  strict=False)):
        say(case, "route offers", [link.label for link in links],
            [o["label"] for o in said["route_offers"]])
    for link, offer in zip(links, said["route_offers"], strict=False):
        page_params = dict(urllib.parse.parse_qsl(link.query_string))
        cli_params = route_params_from_command(offer["command"])
        if as_at == TODAY:
            cli_params.pop("on", None)
        # The page's link keeps the level suggested to start at, even where it is the level
        # aimed for (the route page then starts there if the aim is raised); the CLI leaves
        # out a --start-level that would not change the routes, and refuses one.
        if page_params.get("starting") == page_params.get("level"):
            page_params.pop("starting", None)
        if page_params != cli_params:
            say(case, f"route offer {offer['label'][:50]}", page_params, cli_params)

    # Frameworks: each component held, missing or to check.
    page_parts = [(r["Component"], r["You"]) for t in at.table if "Component" in t.value.columns
                  for r in t.value.to_dict("records")]
    held_words = {True: "held", False: "missing", None: "not"}  # not known here: ask
    cli_parts = [held_words[c["held"]] for f in said["frameworks"] for c in f["components"]]
    if [p[1].split(" ")[0] for p in page_parts] != [w.split(" ")[0] for w in cli_parts]:
        say(case, "framework components", page_parts, cli_parts)

    if said["frameworks"]:  # as `advisor frameworks` says them for what is held
        alone = cli("frameworks", *(["--has", profile["has"]] if profile.get("has") else []),
                    "--as-at", as_at.isoformat())
        held = {f["id"]: [c["held"] for c in f["components"]] for f in alone["frameworks"]}
        for framework in said["frameworks"]:
            if held.get(framework["id"]) != [c["held"] for c in framework["components"]]:
                say(case, f"frameworks {framework['id']}",
                    [c["held"] for c in framework["components"]], held.get(framework["id"]))
    wanted = said["job_wanted"]
    job_at = index_of(elements, "Header", "The job you would like")
    if (wanted is None) != (job_at == len(elements)):
        say(case, "job wanted", job_at < len(elements), wanted)
    elif wanted is not None:
        job_end = index_of(elements, "Header", "", job_at + 1)
        findings = [f for role in wanted["roles"]
                    for f in (role["about"], role["towards"], role["at_work"]) if f]
        if wanted["not_listed"]:
            findings.insert(0, wanted["not_listed"])
        compare_findings(case, "job wanted", items_with_sources(
            elements, job_at, job_end, ("Markdown", "Warning")), findings)
        buttons = [b.label for b in at.button if b.key and b.key.startswith("sl_want_use_")]
        titles = [f'Use "{r["title"]}"' for r in wanted["suggestions"]]
        if [b.split(" (")[0] for b in buttons] != titles:
            say(case, "job wanted: close titles", buttons, titles)
    text = all_text(at)
    for body in said["awarding_bodies"]:
        if f"To reach the awarding body: {body['name']}" not in text:
            say(case, f"awarding body {body['name']}", "absent", "given")

    check_printout(case, at, said)


# --------------------------------------------------------------------- the printout

def html_text(markup: str) -> str:
    markup = re.sub(r"<(style|script)[^>]*>.*?</\1>", " ", markup, flags=re.S)
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", markup)))


def check_printout(case: str, at, said: dict) -> None:
    """The action plan the page downloads, against the CLI's answer."""
    markup = downloaded(at, "sl_plan_download")
    text = re.sub(r"\s*\[\d+\]", "", html_text(markup))
    level = said["recommended_level"]
    if level is not None and f"Start at Level {level}." not in text:
        say(case, "printout headline", text[:200], level)
    table = re.search(r"<h3>Qualifications at Level.*?</table>", markup, flags=re.S)
    rows = [[re.sub(r"\s*\[\d+\]", "", html_text(cell)).strip()
             for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, flags=re.S)]
            for row in re.findall(r"<tr><td.*?</tr>", table.group(0) if table else "",
                                  flags=re.S)]
    names = [CATALOGUE.qualifications[q["id"]] for q in said["qualifications"]]
    if [r[0] for r in rows] != [f"{q.title} ({q.reference})" for q in names]:
        say(case, "printout: the options", [r[0] for r in rows],
            [f"{q.title} ({q.reference})" for q in names])
    for row, q in zip(rows, said["qualifications"], strict=False):
        for sentence in re.split(r"(?<=\.) ", q["status"]["reason"]):
            if sentence not in row[1]:
                say(case, f"printout status of {q['title']}", row[1], sentence)
        for replacement in q["status"]["replaced_by"]:
            if replacement["title"] not in row[1]:
                say(case, f"printout: what replaced {q['title']}", row[1],
                    replacement["title"])
    table_end = text.find("Next steps")
    steps = text[table_end:text.find("Keep this page", table_end)]
    for step in said["next_steps"]:
        head = step["message"][:60]
        if not any(begins_with(steps[m.start():m.start() + 200], head)
                   for m in re.finditer(re.escape(head[:12]), steps)):
            say(case, "printout next step", steps[:300], step["message"][:120])


# --------------------------------------------------------------------- plan a route

def check_routes(params: dict, as_at: dt.date) -> None:
    case = f"routes {params} on {as_at}"
    link = dict(params) | ({} if as_at == TODAY else {"on": as_at.isoformat()})
    at = open_with_link(ROUTE, as_at=None if as_at == TODAY else as_at, **link)
    args = []
    names = {"from": "--from", "to": "--to", "level": "--to-level", "also": "--also",
             "units": "--units", "age": "--age", "work": "--employment", "aim": "--aim",
             "starting": "--start-level"}
    for key, value_ in params.items():
        if key == "starting" and int(value_) >= int(params.get("level", 99)):
            continue  # the CLI refuses a start at the level aimed for, as of no use
        args += [names[key], value_]
    said = cli("routes", *args, "--as-at", as_at.isoformat())
    if refused_alike(case, at, said):
        return
    routes = said.get("routes", [])
    text = all_text(at)
    tables = [t.value for t in [*at.table, *at.dataframe] if "Path" in t.value.columns]
    rows = tables[0].to_dict("records") if tables else []
    if len(rows) != min(len(routes), 5):
        say(case, "how many routes", [r["Path"] for r in rows],
            [[q["code"] for q in r["path"]] for r in routes])
    on = next((c for c in (tables[0].columns if tables else []) if c.startswith("On ")), None)
    for n, (row, route) in enumerate(zip(rows, routes, strict=False), start=1):
        path = [q["code"] or q["title"] for q in route["path"]]
        shown = [p.strip() for p in str(row["Path"]).split("→")]
        references = [CATALOGUE.qualifications[q["id"]].reference for q in route["path"]]
        if shown != references:
            say(case, f"route {n} path", shown, path)
        statuses = {s["status"]["value"] for s in route["steps"]}
        words = str(row[on]).removeprefix("both ").removeprefix("all ")
        brief = {"open": "open", "unknown": "not known", "closed": "closed",
                 "certification-closed": "closed", "not-yet-open": "not yet open"}
        if len(statuses) == 1 and not words.startswith(brief[statuses.pop()]) and not all(
                part.split(": ", 1)[-1].startswith(brief[st["status"]["value"]])
                for part, st in zip(re.split(r"; (?=[\w/ ]+: )", words), route["steps"],
                                    strict=False)):
            say(case, f"route {n} status", row[on], [s["status"]["value"]
                                                     for s in route["steps"]])
        for step in route["steps"]:
            for replacement in step["status"]["replaced_by"]:
                if replacement["code"] not in str(row[on]) and len(route["steps"]) == 1:
                    say(case, f"route {n}: what replaced {step['to']['code']}", row[on],
                        replacement["code"])
        needed = str(row["Credits still needed"])
        if not route["can_be_completed"]:
            if not needed.startswith("cannot be completed"):
                say(case, f"route {n} credits", needed, "cannot be completed")
        elif route["credits_still_needed_at_most"] is not None:
            if needed != f"up to {route['credits_still_needed_at_most']}":
                say(case, f"route {n} credits", needed, route["credits_still_needed_at_most"])
        elif needed != str(route["credits_still_needed"]) and not (
                route["credits_still_needed"] is None and needed == "not known"):
            say(case, f"route {n} credits", needed, route["credits_still_needed"])
        if route["starting_point_only"]:
            if not str(row["Documented"]).startswith("not needed"):
                say(case, f"route {n} documented", row["Documented"], "starting point")
        elif str(row["Documented"]).startswith("yes") != route["documented"]:
            say(case, f"route {n} documented", row["Documented"], route["documented"])
    if routes:
        for step in routes[0]["steps"]:
            for replacement in step["status"]["replaced_by"]:
                if replacement["title"] not in text:
                    say(case, f"what replaced {step['to']['title']}", "absent",
                        replacement["title"])
            if step["status"]["reason"] and step["status"]["reason"] not in text:
                say(case, f"status reason of {step['to']['title']}", "absent",
                    step["status"]["reason"])
    elif rows:
        say(case, "no route", [r["Path"] for r in rows], said)
    if routes:
        check_route_steps(case, flat(at.main), routes[0])
        check_route_printout(case, at, routes)
        first = routes[0]["steps"][0]
        if first["from"] is not None and not params.get("also"):
            check_carry_over(case, first, as_at, params.get("units"))


def check_carry_over(case: str, step: dict, as_at: dt.date, units: str | None) -> None:
    """``advisor carry-over`` from a route's first step's start to its end: what it says
    carries over is what the route page's step said."""
    args = ["carry-over", "--from", step["from"]["id"], "--to", step["to"]["id"], "--as-at",
            as_at.isoformat()] + (["--units", units] if units else [])
    said = cli(*args)
    for key in ("transfers", "possible_transfers", "similar", "possible_similar",
                "not_transferable", "may_count"):
        mine = sorted(u["urn"] for u in said[key])
        theirs = sorted(u["urn"] for u in step[key])
        if mine != theirs:
            say(case, f"carry-over {key}", theirs, mine)
    if said["credits_transferred"] != step["credits_transferred"]:
        say(case, "carry-over credits", step["credits_transferred"], said["credits_transferred"])


def check_route_printout(case: str, at, routes: list[dict]) -> None:
    """The action plan the route page downloads, against the CLI's routes."""
    text = re.sub(r"\s*\[\d+\]", "", html_text(downloaded(at, "route_plan_download")))
    best = routes[0]
    names = " → ".join(CATALOGUE.qualifications[q["id"]].reference for q in best["path"])
    if f"(route: {names})" not in text and len(best["path"]) > 1:
        say(case, "printout: the route", text[:400], names)
    for step in best["steps"]:
        for sentence in re.split(r"(?<=\.) ", step["status"]["reason"]):
            if sentence not in text:
                say(case, f"printout: status of {step['to']['code']}", "absent", sentence)
        for replacement in step["status"]["replaced_by"]:
            if replacement["title"] not in text:
                say(case, f"printout: what replaced {step['to']['code']}", "absent",
                    replacement["title"])
        if step["can_be_completed"]:
            most = step["credits_still_needed_at_most"]
            needed = (f"Still needed: up to {most} credits" if most is not None else
                      f"Still needed: {step['credits_still_needed']} credits"
                      if step["credits_still_needed"] else None)
            if needed and needed not in text:
                say(case, f"printout: still needed for {step['to']['code']}",
                    [m.group(0) for m in re.finditer(r"Still needed[^.]*", text)], needed)
    for other in routes[1:5]:
        path = " → ".join(CATALOGUE.qualifications[q["id"]].reference for q in other["path"])
        if path not in text:
            say(case, "printout: another route", "absent", path)


OUTCOMES = {"transfers": "counts", "not_transferable": "does not count",
            "may_count": "not known", "similar": "similar", "possible_similar": "similar",
            "possible_transfers": "counts"}


def check_route_steps(case: str, elements: list, route: dict) -> None:
    """Each step of the route shown first: what carries over, unit by unit, the credits, and
    the plan for what remains, against the CLI's step."""
    starts = [n for n, e in enumerate(elements)
              if kind(e) == "Markdown" and value(e).startswith("### Step ")]
    if len(starts) != len(route["steps"]):
        say(case, "steps", len(starts), len(route["steps"]))
        return
    for n, (start, step) in enumerate(zip(starts, route["steps"], strict=True), start=1):
        stop = starts[n] if n < len(starts) else len(elements)
        part = elements[start:stop]
        words = "\n".join(value(e) for e in part if kind(e) in (
            "Markdown", "Info", "Warning", "Success", "Error", "Caption"))
        outcome = {}
        for table in (e.value for e in part if kind(e) == "Table"
                      and list(e.value.columns) == ["Unit", "Outcome", "Why"]):
            for row in table.to_dict("records"):
                for urn in re.findall(r"[A-Z]/\d{3}/\d{4}", row["Unit"]):
                    outcome[urn] = row["Outcome"]
        for key, said_words in OUTCOMES.items():
            if key == "possible_transfers":
                said_words = "would count, if taken"
            for unit in step[key]:
                if not str(outcome.get(unit["urn"], "absent")).startswith(said_words):
                    say(case, f"step {n}: {unit['urn']}", outcome.get(unit["urn"], "absent"),
                        key)
        plans = [e.value for e in part if kind(e) == "Table" and "URN" in e.value.columns]
        page_plan = list(plans[0]["URN"]) if plans else []
        # Where certificates have ended the page gives no plan; the JSON keeps what the rules
        # would still need, with can_be_completed false (as the README says).
        if page_plan != [u["urn"] for u in step["plan_units"]] and step["can_be_completed"]:
            say(case, f"step {n}: plan", page_plan, [u["urn"] for u in step["plan_units"]])
        if step["credits_transferred"] and not re.search(
                rf"Carries over from units [^:]*: {step['credits_transferred']} credit", words):
            say(case, f"step {n}: credits carried over",
                [w for w in words.splitlines() if "Carries over" in w],
                step["credits_transferred"])
        if step["can_be_completed"] and step["credits_still_needed_at_most"] is not None:
            if f"up to {step['credits_still_needed_at_most']} credits" not in words:
                say(case, f"step {n}: still needed",
                    [w for w in words.splitlines() if "needed" in w],
                    f"up to {step['credits_still_needed_at_most']}")
        elif (step["can_be_completed"] and step["credits_still_needed"]
              and f"Still needed: {step['credits_still_needed']} credits" not in words):
            say(case, f"step {n}: still needed",
                [w for w in words.splitlines() if "needed" in w], step["credits_still_needed"])
        if step["status"]["reason"] not in words:
            say(case, f"step {n}: status", "absent", step["status"]["reason"])


# --------------------------------------------------------------------- check a learner's units

def check_check(qual: str, units: list[str], as_at: dt.date, extra: dict | None = None,
                ) -> None:
    """``extra``: the centre's decisions, as the page's link gives them (accepted, progress,
    glh, start, registered, plan)."""
    extra = extra or {}
    case = f"check {qual} {units} {extra} on {as_at}"
    link = {"qual": qual} | ({"units": ",".join(units)} if units else {}) | extra | (
        {} if as_at == TODAY else {"on": as_at.isoformat()})
    paste = link.pop("paste", None)
    at = open_with_link(CHECK, as_at=None if as_at == TODAY else as_at, **link)
    if paste is not None:  # typed into the page's box, as the CLI's --units takes them
        at.text_area(key="check_paste").input(paste).run()
        at.run()
        units = [paste]
    args = ["check", qual, "--as-at", as_at.isoformat()]
    if units:
        args += ["--units", ",".join(units)]
    flags = {"accepted": "--accepted", "progress": "--in-progress", "glh": "--glh-per-week",
             "start": "--start"}
    for key, value_ in extra.items():
        if key == "paste":
            continue
        if key in flags:
            args += [flags[key], value_]
        elif key == "registered":
            args.append("--registered")
        elif key == "plan":
            args += ["--objective", "glh"]
    said = cli(*args)
    if refused_alike(case, at, said):
        return
    page_text = all_text(at)
    timeline = said.get("timeline")
    if timeline and timeline.get("reason") and unescape(timeline["reason"]) not in page_text:
        say(case, "timeline", [line for line in page_text.splitlines() if "week" in line][:3],
            timeline["reason"])
    done = said.get("when_in_progress_done")
    if done and f"{done['credits_counted']} of {done['credits_required']} credits" not in (
            page_text[page_text.find("When the units in progress are achieved"):]):
        say(case, "when in progress done", "absent", done["headline"])
    text = all_text(at)
    if unescape(said["headline"]) not in text:
        say(case, "headline", [value(e) for e in [*at.success, *at.warning, *at.info,
                                                  *at.error]][:3], said["headline"])
    status = said["qualification"]["status"]
    for replacement in status["replaced_by"]:
        if replacement["title"] not in text:
            say(case, "what replaced it", "absent", replacement["title"])
    record = html_text(downloaded(at, "check_record_download"))
    # The record's headline is shorter than the page's (the verdict and the credits, with the
    # status on the date; what is still needed follows it): the same verdict and figures.
    verdict = said["headline"].split(":")[0].split(" (")[0].casefold()
    counted = credits_against(said["credits_counted"], said["credits_required"])
    if record and (verdict not in record.casefold() or counted not in record):
        say(case, "record's headline", record[:300], said["headline"])
    for replacement in status["replaced_by"] if record else ():
        if replacement["title"] not in record:
            say(case, "record: what replaced it", "absent", replacement["title"])
    rules = [t.value for t in at.table if list(t.value.columns[:2]) == ["Met", "Rule"]]
    page_rules = [(str(r["Met"]).endswith("yes"), unescape(str(r["Rule"])))
                  for r in (rules[0].to_dict("records") if rules else [])]
    cli_rules = [(r["met"], r["message"]) for r in said["rules"]]
    if page_rules != cli_rules:
        say(case, "rules", page_rules, cli_rules)
    plan = said.get("plan") or {}
    plans = [t.value for t in at.table if "URN" in t.value.columns and "Group" in t.value.columns]
    page_plan = list(plans[0]["URN"]) if plans else []
    if page_plan != [u["urn"] for u in plan.get("units", [])]:
        say(case, "plan", page_plan, [u["urn"] for u in plan.get("units", [])])
    for unit in plan.get("units", []):
        if unit["urn"] not in text and all(
                unit["urn"] not in " ".join(map(str, t.value.to_numpy().ravel()))
                for t in [*at.table, *at.dataframe]):
            say(case, f"plan unit {unit['urn']}", "absent", "in the plan")


# --------------------------------------------------------------------- explore

EXPLORE = "app_pages/explore.py"
BRIEF = {"open": "open", "unknown": "not known", "closed": "closed",
         "certification-closed": "closed", "not-yet-open": "not yet open",
         "national-structure": "national structure"}


def check_explore(as_at: dt.date, profiles: Iterable[str]) -> None:
    """The catalogue's table (status on the date, what replaced each) against ``advisor
    eligibility``, for every qualification; and each of ``profiles``' reasons."""
    case = f"explore on {as_at}"
    link = {} if as_at == TODAY else {"on": as_at.isoformat()}
    at = open_with_link(EXPLORE, as_at=None if as_at == TODAY else as_at, **link)
    frame = next(t.value for t in at.dataframe if "Replaced by" in t.value.columns)
    on = next(c for c in frame.columns if c.startswith("On "))
    for row in frame.to_dict("records"):
        said = cli("eligibility", str(row["Reference"]), "--as-at", as_at.isoformat())
        status = said["status"]
        if not str(row[on]).startswith(BRIEF[status["value"]]):
            say(case, f"status of {row['Reference']}", row[on], status["value"])
        # The table's column is what the sources say replaced it, whatever the date (as the
        # eligibility's reasons say it: "Later replaced by ..." before it opened); the
        # status's, only where it matters on the date.
        shown = {w.strip() for w in str(row["Replaced by"]).split(",") if w.strip()}
        replaced = {f"{q['code'] or q['title']}" + (" (inferred)" if q["inferred"] else "")
                    for q in status["replaced_by"]}
        reasons = " ".join(r["message"] for r in said["reasons"])
        if not replaced <= shown or any(f"({w.removesuffix(' (inferred)')})" not in reasons
                                        for w in shown):
            say(case, f"replaced {row['Reference']}", sorted(shown), (sorted(replaced),
                                                                     reasons))
    for reference in profiles:
        at = open_with_link(EXPLORE, as_at=None if as_at == TODAY else as_at,
                            qual=reference, **link)
        said = cli("eligibility", reference, "--as-at", as_at.isoformat())
        why = next(e for e in at.expander if e.label.startswith("Why"))
        page = [re.sub(r"\s*\*\(.*\)\*$", "", unescape(m.value).removeprefix("- "))
                for m in why.markdown]
        if page != [r["message"] for r in said["reasons"]]:
            say(f"{case} {reference}", "reasons", page, [r["message"] for r in said["reasons"]])


# --------------------------------------------------------------------- a whole intake

def check_cohort(as_at: dt.date) -> None:
    """The intake page's three example learners against ``advisor cohort`` on the template
    that holds them."""
    case = f"cohort on {as_at}"
    link = {} if as_at == TODAY else {"on": as_at.isoformat()}
    at = open_with_link("app_pages/cohort.py", as_at=None if as_at == TODAY else as_at,
                        **link)
    at.toggle(key="cohort_try_example").set_value(True).run()
    frame = next(t.value for t in [*at.table, *at.dataframe] if "Learner" in t.value.columns)
    with tempfile.TemporaryDirectory() as folder:
        template = str(Path(folder) / "learners.csv")
        cli("cohort", "--template", template)
        said = cli("cohort", template, "--as-at", as_at.isoformat())
    rows = {r["Learner"]: r for r in frame.to_dict("records")}
    if sorted(rows) != sorted(learner["learner_ref"] for learner in said["learners"]):
        say(case, "learners", sorted(rows), [x["learner_ref"] for x in said["learners"]])
    for learner in said["learners"]:
        row = rows.get(learner["learner_ref"])
        if row is None:
            continue
        pairs = {"Level": learner["recommended_level"],
                 "Credits counted": learner["credits_counted"],
                 "Credits required": learner["credits_required"]}
        for column, figure in pairs.items():
            shown = row[column]
            if str(shown) != str(figure) and not (figure is None and str(shown) in (
                    "", "None", "nan", "<NA>", "not known")):
                say(case, f"{learner['learner_ref']} {column}", shown, figure)
        status = learner["target_status"]
        shown = str(row["Target on the date"])
        if status is not None and (not shown.startswith(BRIEF[status["value"]]) or any(
                q["code"] not in shown for q in status["replaced_by"])
                or ("replaced it" in shown) != bool(status["replaced_by"])):
            say(case, f"{learner['learner_ref']} target on the date", shown,
                (status["value"], [q["code"] for q in status["replaced_by"]]))


# --------------------------------------------------------------------- the questions

PROFILES = [
    {"age": "14", "work": "not-working"},
    {"age": "16", "work": "not-working", "want": "Customer Service Team Leader"},
    {"age": "17", "work": "not-working", "aim": "apprenticeship"},
    {"age": "19", "work": "working", "role": "Call Centre Operators", "aim": "apprenticeship",
     "has": "09628"},
    {"age": "20", "work": "working", "role": "Helpdesk Assistants", "aim": "competence"},
    {"age": "24", "work": "working", "role": "Customer Service Team Leader", "has": "09629"},
    {"age": "30", "work": "working", "role": "Sales Team Supervisor", "has": "03455",
     "aim": "knowledge"},
    {"age": "35", "work": "working", "role": "Call Centre Operators", "has": "09628"},
    {"age": "42", "work": "working", "role": "Department Manager", "senior": "yes",
     "has": "10379"},
    {"age": "50", "work": "working", "role": "Postman", "units": "R/502/9652,Y/502/9653"},
    {"age": "60", "work": "not-working", "want": "Telesales operative", "has": "09628"},
    {"age": "22", "work": "not-working", "want": "team leader"},
    {"age": "27", "work": "not-working", "want": "supervisor", "aim": "competence"},
    {"age": "15", "work": "not-working", "want": "Dental Nurse", "aim": "knowledge"},
    {"age": "18", "work": "working", "role": "Dental Nurse", "aim": "apprenticeship",
     "has": "03455"},
]

def spread() -> list[dict]:
    """Every job role the documents list, each with an age from 14 to 60, working or not, a
    qualification or units held and an aim, in turn."""
    import yaml
    roles = [r["title"] for r in yaml.safe_load((ROOT / "data" / "job-roles.yaml").read_text(
        encoding="utf-8"))["job_roles"]]
    held = [{}, {"has": "09628"}, {"has": "09629"}, {"has": "03455"}, {"has": "10379"},
            {"units": "D/502/9654"}, {"has": "09628,03455"}]
    aims = [None, "knowledge", "competence", "apprenticeship"]
    ages = [14, 16, 17, 19, 23, 31, 45, 60]
    found = []
    for n, role in enumerate(roles):
        working = n % 3 != 2
        profile = {"age": str(ages[n % len(ages)]), "work": "working" if working else
                   "not-working", ("role" if working else "want"): role,
                   "aim": aims[n % len(aims)]} | held[n % len(held)]
        found.append({k: v for k, v in profile.items() if v is not None})
    return found


ROUTES = [
    {"from": "09628", "to": "09629"},
    {"from": "09628", "level": "3", "age": "17"},
    {"from": "03455", "also": "09628", "level": "3"},
    {"from": "10379", "level": "3", "work": "working", "aim": "competence"},
    {"level": "2", "starting": "1", "age": "15", "work": "not-working"},
    {"from": "09629", "level": "4", "age": "40"},
    {"from": "09628", "to": "10380", "units": "R/502/9652,Y/502/9653"},
    {"from": "03455", "to": "03456", "age": "16"},
    # As Find a starting level's links give them, holding no qualification.
    {"units": "R/502/9652,Y/502/9653", "level": "2", "age": "50", "work": "working",
     "starting": "2"},
    {"level": "1", "age": "14", "work": "not-working", "starting": "1"},
    {"from": "600/0840/4", "level": "3"},
    {"to": "10381"},
    {"from": "04522", "level": "3"},
    {"from": "09628", "to": "03456", "work": "not-working"},
    {"level": "4", "starting": "2"},
    {"from": "10378", "level": "2", "aim": "apprenticeship", "age": "16"},
    {"from": "601/4404/X", "level": "2"},
    {"units": "D/502/9654", "to": "09629"},
]

CHECKS = [
    ("03456", []),
    ("03456", ["F3", "F4", "A3", "B2", "C3", "D1"]),
    ("09628", ["1", "2", "3"]),
    ("10380", []),
    ("10380", ["D/506/1942", "D/506/2167", "K/601/1622"]),
    ("09629", ["D/502/9654"]),
    ("03456", ["K/601/1622", "J/601/1627", "R/601/1212", "D/601/0936"]),
    ("03456", ["F3", "F4", "A3", "B2", "C3"], {"accepted": "C6", "progress": "D1"}),
    ("09628", ["1"], {"glh": "5", "start": "2015-01-05"}),
    ("10380", ["D/506/1942"], {"glh": "7.5", "registered": "yes"}),
    ("03456", ["F3", "F4"], {"plan": "hours", "glh": "10"}),
    ("03456", [], {"paste": "f3; F 4, a3,B2"}),
    ("09628", [], {"paste": "1, 3"}),
    ("09629", [], {"paste": "D/502/9654;4"}),
    ("10380", [], {"paste": "D/506/1942, D/506/2167"}),
    ("10380", [], {"paste": "CS 25; cs26, B&A 59, M&L 9"}),
    ("09628", ["R/502/9652", "3"]),
    ("S/016/608", ["D/506/2119"]),
    ("601/4404/X", []),
    ("03455", []),
    ("10379", ["A/506/2130"]),
    ("04523", []),
]


def main(which: list[str]) -> int:
    which = which or ["recommend", "routes", "check"]
    for as_at in [*DATES, EARLY]:
        if as_at == EARLY and set(which) != {"explore"}:
            continue
        if "recommend" in which:
            for profile in PROFILES + (spread() if "spread" in which else []):
                check_recommend(profile, as_at)
        if "routes" in which:
            for params in ROUTES:
                check_routes(params, as_at)
        if "cohort" in which:
            check_cohort(as_at)
        if "explore" in which:
            check_explore(as_at, ["03456", "09628", "09629", "03455", "10379", "10380",
                                  "S/016/608", "601/4404/X"])
        if "check" in which:
            for qual, units, *extra in CHECKS:
                check_check(qual, units, as_at, *extra)
    for finding in FINDINGS:
        print(finding)
    print(f"{len(FINDINGS)} disagreements")
    return 1 if FINDINGS else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

"""The command line's JSON answers the question its text answers, the same way: each
qualification's status on the date, what replaced it, the headline, and readable citations."""

from __future__ import annotations

import json

import pytest

from advisor import default_data_dir, labels, load_catalogue
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


def _replaced_by(status):
    return [(q["code"], q["inferred"]) for q in status["replaced_by"]]


def test_check__json_names_what_replaced_a_qualification_not_known_to_be_open(capsys):
    """On 1 June 2015 whether 03456 took new learners is not known, and 10380, which the
    sources suggest replaced it, had opened: check's JSON and text name it, as eligibility's
    text and reasons do (the JSON used to give ``replaced_by: []``)."""
    eligibility = run_json(capsys, "eligibility", "03456", "--as-at", "2015-06-01")
    assert any(r["code"] == "replaced" and "(10380)" in r["message"]
               for r in eligibility["reasons"])
    check = run_json(capsys, "check", "03456", "--as-at", "2015-06-01")
    status = check["qualification"]["status"]
    assert status["value"] == "unknown"
    assert _replaced_by(status) == _replaced_by(eligibility["status"]) == [("10380", True)]
    assert main(["check", "03456", "--as-at", "2015-06-01"]) == 0
    assert ("What replaced it, as the sources suggest (they do not say so in those words): OCR "
            "Level 3 Diploma in Customer Service (10380).") in capsys.readouterr().out
    # Not before 10380 had opened (launched in the autumn of 2014), nor while a learner could
    # still start it (09628 in 2015).
    for reference, as_at in (("03456", "2014-06-01"), ("09628", "2015-06-01")):
        found = run_json(capsys, "check", reference, "--as-at", as_at)
        assert found["qualification"]["status"]["replaced_by"] == [], (reference, as_at)


def test_recommend__an_option_not_known_to_be_open_names_what_replaced_it(capsys):
    """The options' text names what replaced 03455 (status not known today), as their JSON and
    the page's status column do."""
    out = run_json(capsys, "recommend", "--employment", "working", "--age", "20",
                   "--as-at", "2026-12-01")
    option = next(q for q in out["qualifications"] if q["code"] == "03455")
    assert _replaced_by(option["status"]) == [("10379", True)]
    assert main(["recommend", "--employment", "working", "--age", "20",
                 "--as-at", "2026-12-01"]) == 0
    line = next(line for line in capsys.readouterr().out.splitlines()
                if line.startswith("  03455 "))
    assert "Replaced by OCR Level 2 Diploma in Customer Service (10379)" in line


def test_carry_over__json_lists_units_that_may_count_apart_from_those_that_cannot(capsys):
    """10379 lists only some of its units: 09628's two Level 2 units may count, so they are
    under may_count; its Level 1 unit cannot lessen what is still needed (all 45 credits at
    Level 2 or above), so it is under not_transferable with that rule's source; to 09629,
    whose units are all listed, two cannot."""
    to_10379 = run_json(capsys, "carry-over", "--from", "09628", "--to", "10379")
    (level_1,) = to_10379["not_transferable"]
    assert level_1["urn"] == "R/502/9652" and level_1["source"]
    assert level_1["reason"].startswith(
        "Cannot lessen what is still needed: by the rules of the national structure S/016/608, "
        "which it is inferred to follow, OCR Level 2 Diploma in Customer Service needs all 45 "
        "of its credits at Level 2 or above")
    assert [u["urn"] for u in to_10379["may_count"]] == ["Y/502/9653", "D/502/9654"]
    assert to_10379["held_may_count"] is True
    only_level_1 = run_json(capsys, "carry-over", "--from", "601/4404/X", "--to", "10379")
    assert only_level_1["may_count"] == [] and only_level_1["held_may_count"] is False
    to_09629 = run_json(capsys, "carry-over", "--from", "09628", "--to", "09629")
    assert [u["urn"] for u in to_09629["not_transferable"]] == ["R/502/9652", "Y/502/9653"]
    assert to_09629["may_count"] == []


def test_check__json_headline_where_the_rules_are_not_known_is_the_texts(capsys):
    """03455's rules of combination are only partly in the sources: the JSON's headline says
    so in the words the text leads with (and the page's warning gives), not null."""
    out = run_json(capsys, "check", "03455")
    assert out["rules_known"] is False
    assert out["complete"] is None  # not known, as an intake's results say; not "not complete"
    assert out["headline"] == ("The sources do not list the units of OCR Level 2 NVQ "
                               "Certificate in Customer Service, so units cannot be checked "
                               "against its rules of combination.")
    assert main(["check", "03455"]) == 0
    first_point = next(line for line in capsys.readouterr().out.splitlines()
                       if line.startswith("  ! "))
    assert first_point == f"  ! {out['headline']}"


def test_carry_over_and_routes__json_say_a_target_can_no_longer_be_completed(capsys):
    """09629's certificates ended in 2017: the text of carry-over and routes says no units can
    complete it now, before the plan; their JSON used to check what remains as if it were
    open ("Not complete yet ... Still needed") and left the caution out."""
    carried = run_json(capsys, "carry-over", "--from", "09628", "--to", "09629",
                       "--as-at", "2026-12-01")
    remaining = carried["remaining"]
    assert remaining["qualification"]["status"] == carried["target"]["status"]
    assert remaining["headline"].startswith(
        "Not complete (5 of 17 credits counted), and it can no longer be completed.")
    beyond = ("Certificates for 09629 are no longer issued on this date, so no further units "
              "can complete it")
    assert remaining["cautions"][0].startswith(beyond)
    (route, *_) = run_json(capsys, "routes", "--from", "09628", "--to", "09629",
                           "--as-at", "2026-12-01")["routes"]
    assert route["steps"][0]["cautions"][0].startswith(beyond)
    assert route["can_be_completed"] is False and route["steps"][0]["can_be_completed"] is False
    assert main(["routes", "--from", "09628", "--to", "09629", "--as-at", "2026-12-01"]) == 0
    text = capsys.readouterr().out  # no plan of units that could no longer complete it
    assert ("    still needed: nothing that could count: certificates for it are no longer "
            "issued, so it cannot be completed now. What replaced it, as the sources suggest "
            "(they do not say so in those words): OCR Level 3 Diploma in Customer Service "
            "(10380)\n") in text
    assert "      + " not in text
    # While it was open, no such caution.
    (route, *_) = run_json(capsys, "routes", "--from", "09628", "--to", "09629",
                           "--as-at", "2015-06-01")["routes"]
    assert not any("no longer issued" in c for c in route["steps"][0]["cautions"])


CITATION_KEYS = {"citation", "document", "section", "basis", "url", "file"}


def _sources(found, path="$"):
    """Every ``source`` list in a JSON answer, with where it is."""
    if isinstance(found, dict):
        for key, value in found.items():
            if key == "source":
                yield f"{path}.source", value
            else:
                yield from _sources(value, f"{path}.{key}")
    elif isinstance(found, list):
        for n, value in enumerate(found):
            yield from _sources(value, f"{path}[{n}]")


@pytest.mark.parametrize("argv", [
    ["eligibility", "03456", "--age", "20"],
    ["check", "03456", "--units", "F3,F4,A3,B2,C3", "--accepted", "C6", "--in-progress", "D1",
     "--glh-per-week", "5", "--start", "2014-01-06", "--as-at", "2014-01-06"],
    ["check", "09628", "--units", "D/502/9654", "--accepted", "R/502/9652"],
    ["carry-over", "--from", "09628", "--to", "09629"],
    ["recommend", "--role", "Call Centre Operator", "--employment", "working", "--age", "20",
     "--has", "09628", "--aim", "apprenticeship"],
    ["routes", "--from", "09628", "--to-level", "3", "--age", "17"],
    ["frameworks", "--has", "09628"],
], ids=lambda argv: argv[0])
def test_json__citations_are_readable_with_their_basis_and_file_apart(capsys, argv):
    """Citations in JSON read as the text's do (the document's title, the section, and
    "(secondary source)" or "(inferred)"), with the basis, the web page of a secondary source
    and the catalogue's file each a field of their own; never a bare file name. ``source`` is
    always a list (a next step citing nothing gave null)."""
    out = run_json(capsys, *argv)
    found = list(_sources(out))
    assert found, "every one of these answers cites its sources"
    for where, sources in found:
        assert isinstance(sources, list), where  # empty where nothing is cited, never null
        for cited in sources:
            assert set(cited) == CITATION_KEYS, where
            assert cited["citation"].startswith(f"{cited['document']}, § {cited['section']}")
            assert not cited["document"].endswith((".txt", ".md")), where
            mark = {"stated": "", "secondary": " (secondary source)",
                    "inference": " (inferred)"}[cited["basis"]]
            assert cited["citation"].endswith(f"§ {cited['section']}{mark}"), where
            if cited["file"] == "external-facts.md":  # the secondary notes: each fact's page
                assert cited["url"].startswith(("https://", "http://")), where


def test_eligibility__json_citations_are_the_texts(capsys):
    """03456 today: each reason's citation in JSON is the one its text line gives, the
    secondary notes' marked as such and their web page beside them."""
    out = run_json(capsys, "eligibility", "03456")
    assert main(["eligibility", "03456"]) == 0
    said = capsys.readouterr().out
    closed = next(r for r in out["reasons"] if r["code"] == "closed-to-entry")
    (cited,) = closed["source"]
    assert cited == {
        "citation": "Notes on UK Customer Service qualifications from secondary sources (each "
                    "with its web address), § H. OCR NVQ 03454/03455/03456 dates (inferred)",
        "document": "Notes on UK Customer Service qualifications from secondary sources (each "
                    "with its web address)",
        "section": "H. OCR NVQ 03454/03455/03456 dates",
        "basis": "inference",
        "url": "https://fdocuments.net/document/nvq-customer-service-handbook-ocr-ocr-l1-3-nvq-"
               "in-customer-service-5-1-introduction.html",
        "file": "external-facts.md",
    }
    assert f"(source: {cited['citation']}" in said
    # The status: when it closed to new learners (inferred), then when certificates ended.
    assert [c["citation"].rsplit(" dates ", 1)[1] for c in out["status"]["source"]] == [
        "(inferred)", "(secondary source)"]


def test_text__a_secondary_sources_citation_gives_its_web_page(capsys):
    """The secondary notes say each fact's web page (their title promises it): the text gives
    it after the section it came from, as the JSON's ``url`` and the printout's sources do;
    the pages' shorter citations leave it to the printout."""
    out = run_json(capsys, "eligibility", "03456")
    closed = next(r for r in out["reasons"] if r["code"] == "closed-to-entry")
    (cited,) = closed["source"]
    assert main(["eligibility", "03456"]) == 0
    said = capsys.readouterr().out
    assert f"(source: {cited['citation']}, at {cited['url']})" in said
    # A primary document's citation has no web page to give.
    replaced = next(r for r in out["reasons"] if r["code"] == "replaced")
    assert all(s["url"] is None for s in replaced["source"])
    assert (", § Level 3 Customer Service (inferred), § 4. Sector Update (inferred))"
            in said)
    catalogue = load_catalogue(default_data_dir())
    q = catalogue.find_qualification("03456")
    assert "https://" not in labels.cite(catalogue, q.dates.closed_to_entry_by.source)


def test_every_command__json_is_json_where_it_used_to_be_text_or_nothing(capsys, tmp_path):
    """``recommend --list-responsibilities --json`` printed the text list; ``cohort --template
    FILE --json`` printed nothing on stdout (its note goes to stderr)."""
    out = run_json(capsys, "recommend", "--list-responsibilities")
    assert "can influence what happens at work" in out["responsibilities"]
    assert [s["citation"] for s in out["source"]] == [
        "OCR student guide: Level 3 NVQ Diploma in Customer Service (03456), 2011, "
        "§ Qualification aims"]
    template = tmp_path / "learners.csv"
    assert run_json(capsys, "cohort", "--template", str(template)) == {"template": str(template)}
    assert template.read_bytes().startswith(b"\xef\xbb\xbflearner_ref,")


def test_routes__json_gives_the_most_still_needed_where_the_text_says_up_to(capsys):
    """From 09628 to 10380, whose units are listed only in part: the text's "up to 55" is in
    the JSON too, step and route; a firm figure is not known."""
    found = run_json(capsys, "routes", "--from", "09628", "--to-level", "3", "--as-at",
                     "2026-12-01")["routes"]
    (route,) = [r for r in found if [q["code"] for q in r["path"]] == ["09628", "10380"]]
    assert route["credits_still_needed"] is None
    assert route["credits_still_needed_at_most"] == 55
    assert route["steps"][0]["credits_still_needed_at_most"] == 55
    assert route["can_be_completed"] is True


@pytest.mark.parametrize("command", [["check", "09628"], ["routes", "--to", "09628"],
                                     ["frameworks", "--has", "09628"]])
def test_status__a_qualification_whose_certificates_ended_says_when_it_closed_to_entry(
        capsys, command):
    """09628 took no new learners after 31 December 2016 and no certificates after 31 December
    2017: the status sentence of check, routes and frameworks gives both dates, as eligibility's
    reasons and the app's status line do, and the JSON's reason is the same (both used to say
    "closed to new learners" with only the certification date). The check's headline, about
    finishing it, keeps to the certificates."""
    both = ("Closed to new learners: the last entry date was 31 December 2016. Certificates are "
            "no longer issued: the last certification date was 31 December 2017.")
    assert main([*command, "--as-at", "2026-12-02"]) == 0
    assert f"On 2 December 2026: {both} What replaced it" in capsys.readouterr().out
    check = run_json(capsys, "check", "09628", "--as-at", "2026-12-02")
    assert check["qualification"]["status"]["reason"] == both
    assert check["headline"].endswith("it can no longer be completed. Certificates are no "
                                      "longer issued: the last certification date was 31 "
                                      "December 2017.")


@pytest.mark.parametrize("command", [
    ["check", "09628"], ["carry-over", "--from", "09628", "--to", "09629"],
    ["routes", "--from", "09628"], ["routes", "--from", "10381"],  # no route onward: still dated
    ["eligibility", "09628"], ["recommend"], ["frameworks"]])
def test_json__every_answer_on_a_date_says_which_date(capsys, command):
    """Every command that takes --as-at gives it as ``as_at`` at the top of its JSON, as
    eligibility, recommend, frameworks and cohort did: check, carry-over and routes did not
    (routes only inside each route, so an empty list said nothing of its date)."""
    assert run_json(capsys, *command, "--as-at", "2015-06-01")["as_at"] == "2015-06-01"


def test_recommend__json_gives_each_options_credits_as_the_page_and_text_do(capsys):
    """Holding 09628 on 1 June 2015, the options' credits are "up to 28" for 03455 (its units
    are not listed, so 09628's may count) and "up to 45" for 10379 on the page and in the
    text; the JSON gives the same most still needed, and no firm count of credits already
    counted where 03455's rules are not known (the page says "not known"; it used to say 0)."""
    found = run_json(capsys, "recommend", "--employment", "working", "--role",
                     "Call Centre Operators", "--has", "09628", "--as-at", "2015-06-01")
    options = {q["code"]: q for q in found["qualifications"]}
    assert (options["03455"]["credits_still_needed"],
            options["03455"]["credits_still_needed_at_most"],
            options["03455"]["credits_counted"]) == (None, 28, None)
    assert options["10379"]["credits_still_needed_at_most"] == 45
    assert all(q["can_be_completed"] for q in found["qualifications"])


def test_recommend__json_says_an_option_whose_certificates_ended_cannot_be_completed(capsys):
    """On 1 January 2018 09628's certificates had ended: the page's table says it "cannot be
    completed now", and the JSON says so too (``can_be_completed``, as a route step's does),
    keeping what its rules would still need."""
    found = run_json(capsys, "recommend", "--employment", "working", "--role",
                     "Helpdesk Assistants", "--as-at", "2018-01-01")
    option = next(q for q in found["qualifications"] if q["code"] == "09628")
    assert option["status"]["value"] == "certification-closed"
    assert (option["can_be_completed"], option["credits_still_needed"]) == (False, 13)

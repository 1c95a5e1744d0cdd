"""The glossary: every term the pages and printouts use that a learner may not know, in plain
English (shown at the top of each page and at the end of each printout)."""

from __future__ import annotations

import re
from collections.abc import Iterable

GLOSSARY: dict[str, str] = {
    "Level": "how demanding a qualification is: the higher the level, the more responsibility "
             "in the work it suits. In these documents Level 1 is the introductory level; the "
             "jobs they list at Level 2 include customer service agents and call centre "
             "operators, at Level 3 team leaders and supervisors; Level 4 is for people in "
             "senior roles who influence decisions.",
    "Code": "how a qualification is named in short: its awarding body's scheme code (such as "
            "09628) or the regulator's number (such as 601/4404/X). Where the sources give "
            "neither, a short name this advisor uses (such as OCNLR L2 Principles), which a "
            "college will not know: give them the full title instead.",
    "Credit": "one credit stands for 10 hours of learning; a qualification needs a number of "
              "credits from its units.",
    "GLH": "guided learning hours: time spent learning with a tutor or assessor.",
    "TQT": "total qualification time: all the hours a qualification is expected to take, the "
           "guided learning hours and study on your own together.",
    "QAN": "qualification accreditation number: the regulator's number for a qualification "
           "(such as 600/0840/4).",
    "ULN": "unique learner number: the number a learner in England keeps for life, under which "
           "their qualifications are recorded.",
    "Unit": "a part of a qualification, with its own credits; a unit can count towards more "
            "than one qualification.",
    "URN": "unit reference number, the national code of a unit (such as D/502/9654): a unit "
           "with the same URN is the same unit in every qualification.",
    "NVQ": "National Vocational Qualification: shows what you do at work, assessed at work.",
    "Competence": "being able to do a job to the standard expected; an NVQ assesses it at work.",
    "Combined qualification": "one qualification holding both competence and knowledge, as the "
                              "2014 apprenticeship qualifications do.",
    # 003 § WHO WILL BE INVOLVED IN YOUR QUALIFICATION, § Witnesses: the words every caution
    # that a qualification is assessed at work uses ("an assessor watches you do the job and
    # colleagues act as witnesses").
    "Assessor": "the person who judges whether you can do the job to the national standard: "
                "they watch you at work, ask you about your work and check the proof of it you "
                "collect. For an NVQ it may be your manager or supervisor. Witnesses are people "
                "at work who regularly see you doing your job, such as your supervisor.",
    "Principles of": "a knowledge qualification: what you know and understand, assessed by "
                     "assignments or tests.",
    "QCF": "the Qualifications and Credit Framework, the system these qualifications were "
           "built in: units with credits.",
    "RQF": "the Regulated Qualifications Framework, which took the place of the QCF: "
           "qualifications placed by level and size.",
    "Legacy": "an older qualification that a newer one has taken the place of.",
    "Awarding body": "the organisation that designs a qualification and issues certificates "
                     "(such as OCR or OCN London).",
    "OCNLR": "the prefix OCN London, the awarding body, puts on its qualifications' titles. "
             "A name such as OCNLR L2 Diploma CS is a short name this advisor uses where the "
             "sources give no code: a college will not know it, so give them the full title.",
    "Centre": "a college or training provider approved to teach and assess a qualification.",
    "Internally and externally moderated": "how assessors' decisions are checked: someone "
                                           "at the centre checks a sample of them "
                                           "(internally), then someone from the awarding "
                                           "body checks the centre's (externally), so that "
                                           "every learner is judged to the same standard.",
    "National structure": "a template from the sector skills body that awarding bodies build "
                          "their qualifications on; you enrol on an awarding body's version, "
                          "not on the structure itself.",
    "Operational start": "the first day a qualification is available: from then, centres "
                         "can register learners on it.",
    "Last entry date": "the last day a centre can register new learners.",
    "Certification": "being awarded the certificate; after the last certification date no "
                     "certificates are issued.",
    "Review date": "the date an awarding body planned to review a qualification; it is not a "
                   "closing date.",
    "Apprenticeship framework": "the set of qualifications and other parts an apprentice must "
                                "complete for an apprenticeship.",
    "Apprenticeship standard": "in England, what took the place of apprenticeship frameworks: "
                               "what a job needs, checked by an assessment at the end.",
    "End-point assessment": "the assessment at the end of an apprenticeship on a standard, "
                            "which decides whether the apprentice passes: they show that "
                            "they can do the job the standard describes.",
    "Technical certificate": "in the older apprenticeship frameworks, the knowledge "
                             "qualification taken beside the NVQ.",
    "Functional Skills": "English, maths and computer skills for work; Key Skills were the "
                         "older version, and Essential Skills Wales the Welsh one.",
    "ERR": "employee rights and responsibilities: a part of an apprenticeship about your rights "
           "and duties at work.",
    "PLTS": "personal, learning and thinking skills: a part of the older apprenticeship "
            "frameworks in England.",
    "Recognition of prior learning": "a centre's decision that something you learned before "
                                     "counts, so you need not do it again (RPL for short).",
    "Rules of combination": "which units, and how many credits, achieve a qualification.",
    "Certificate of unit credit": "a certificate for the units a learner achieved without "
                                  "completing the whole qualification; those units can count "
                                  "towards it, or another qualification, later.",
    "Intermediate Apprenticeship": "an apprenticeship at Level 2; an Advanced Apprenticeship "
                                   "is at Level 3, and a Higher Apprenticeship at Level 4 or "
                                   "above.",
    "Traineeship": "a programme that prepares a young person for work or for an "
                   "apprenticeship, with time spent on a work placement.",
    "Skills CFA": "the sector skills body for business skills, which wrote the national "
                  "structures the 2014 qualifications were built on and issued the "
                  "apprenticeship frameworks (unit numbers such as CS 7 are its own).",
    "B&A": "in a unit number such as B&A 38, a unit from the national Business Administration "
           "qualifications, which the 2014 Customer Service qualifications took in.",
    "M&L": "in a unit number such as M&L 9, a unit from the national Management and "
           "Leadership qualifications, which the 2014 Customer Service qualifications took in.",
    "Application of Number": "the Key Skills qualification in using numbers at work, taken "
                             "in older apprenticeships; Functional Skills maths took its place.",
    "NQF": "the National Qualifications Framework, the system before the QCF.",
    "Secondary source": "a fact this advisor took from a public copy of another document (its "
                        "web address is given), not from the awarding body's own document.",
    "Inferred": "worked out from what the documents say, not said by them in those words.",
}
"""Every term the pages use that a learner may not know, with its meaning in plain English."""


# Other words the pages write for what an entry explains, each named in its meaning.
_ALSO_WRITTEN: dict[str, tuple[str, ...]] = {
    "Assessor": ("witness",),
    "Awarding body": ("awarding organisation",),  # the register's word, Ofqual's
    "Functional Skills": ("Key Skills", "Essential Skills Wales"),
    "Recognition of prior learning": ("RPL",),
    "Intermediate Apprenticeship": ("Advanced Apprenticeship", "Higher Apprenticeship"),
    "Inferred": ("inference",),
    "URN": ("unit reference number",),
}


def _written(form: str) -> str:
    """A pattern for ``form`` as a whole word or phrase, singular or plural (Unit, units;
    Awarding body, awarding bodies). An abbreviation (GLH, ERR, URN, B&A) is matched in
    capitals only, so that "err" or "an urn" is not taken for one; a word in any case, since a
    sentence writes "the level" where a heading writes "Level"."""
    stem, plural = (form[:-1], "(?:y|ies)") if form.endswith("y") else (form, "s?")
    flags = "" if form == form.upper() else "(?i:"
    return rf"(?<!\w){flags}{re.escape(stem)}{plural}{')' if flags else ''}(?!\w)"


def _forms(term: str) -> tuple[str, ...]:
    return (term, *_ALSO_WRITTEN.get(term, ()))


_PATTERNS = {term: re.compile("|".join(_written(form) for form in _forms(term)))
             for term in GLOSSARY}
# What each term's words start with, case folded: a text without one of them cannot use the
# term, which a substring search says far faster than the pattern (a page's answer runs to
# tens of thousands of characters, read again on every run of the page).
_STEMS = {term: tuple((form[:-1] if form.endswith("y") else form).casefold()
                      for form in _forms(term))
          for term in GLOSSARY}


def glossary_terms(texts: Iterable[str]) -> list[str]:
    """The glossary's terms that ``texts`` use (whole words, singular or plural, or the other
    words an entry explains), once each, in the glossary's order: for a page or printout to
    explain the words it shows and no others."""
    text = "\n".join(texts)
    folded = text.casefold()
    return [term for term, pattern in _PATTERNS.items()
            if any(stem in folded for stem in _STEMS[term]) and pattern.search(text)]


def explained(terms: Iterable[str]) -> list[tuple[str, str]]:
    """Each of ``terms`` with its meaning, in the glossary's order; a term the glossary does not
    have is refused by name (a ``ValueError``)."""
    wanted = set(terms)
    unknown = sorted(wanted - GLOSSARY.keys())
    if unknown:
        raise ValueError(", ".join(f"{t!r}" for t in unknown) + " is not in the glossary")
    return [(term, meaning) for term, meaning in GLOSSARY.items() if term in wanted]

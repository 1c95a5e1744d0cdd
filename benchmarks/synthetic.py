"""A synthetic catalogue at register size, for benchmarks and scale tests.

Run: ``python -m benchmarks.synthetic OUT_DIR --qualifications 15000 --units 60000 --seed 1``

The catalogue it writes is shaped like the real one in ``data/`` (the same files, keys and
citation style) and passes ``validate_catalogue`` with no problems, but every fact in it is made
up. Every document it cites is declared in its ``sources.yaml`` with a title and publisher that
say so, and every web address is under ``example.invalid``.

What it generates, from one seeded :class:`random.Random` (same seed, same bytes):

- **Units** in unit banks of up to 500, one bank family per sector. Each unit has a level (1 to
  7, most at 2 and 3), a credit value (1 to 10, most between 2 and 5) and usually guided
  learning hours. About one unit in a hundred shares its title with another unit under a
  different URN, as revised units do in the real register.
- **Qualifications**, one file each under ``qualifications/<body>/``, by rules template:
  *all mandatory* (one mandatory group, like OCR 09628), *core and options* (a mandatory group,
  an optional group with a credit or unit minimum, often a capped group, sometimes a
  "credits at level L or above" rule), *NVQ diploma* (a mandatory group, two to four optional
  groups of at least one unit each, an optional-credits rule and a level rule, like OCR 03456)
  and *national structure* (a mandatory group, a minimum-credit group, a capped group and a
  level-or-above rule, like Skills CFA S/016/371). Units come from the qualification's sector
  at its level and the levels either side, so units are shared between qualifications (each is
  listed by four or five on average), and now and then a unit is listed in two optional groups
  of the same qualification. Some qualifications are partial (a group whose list the source
  cuts off), some name only a few units (structure unknown), some are national structures and
  some follow one (``based_on``); legacy ones say what replaced them.
- **Rules are satisfiable by construction**: every threshold is at most what taking every listed
  unit would count (caps applied, a unit listed twice counted once), and taking more units never
  lowers any count, so the full unit list is always a witness.
- **Progression** links go to a later qualification of the same sector at the same level or one
  above, so they never form a cycle; some lead to employment or higher education, and some are
  marked as inferences. Job roles, apprenticeship frameworks and transfer rules are generated too.
"""

from __future__ import annotations

import argparse
import bisect
import random
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from advisor.yamlio import MAX_FILE_BYTES

SECONDARY_DOC = "synthetic-register-notes.md"
SYNTHETIC_URL = "https://example.invalid/synthetic"
BANK_SIZE = 500
LEVEL_WEIGHTS = {1: 14, 2: 32, 3: 30, 4: 12, 5: 7, 6: 3, 7: 2}
CREDIT_WEIGHTS = {1: 4, 2: 12, 3: 16, 4: 16, 5: 12, 6: 8, 7: 6, 8: 4, 9: 2, 10: 3}

_VERBS = (
    "Understand", "Deliver", "Develop", "Manage", "Promote", "Resolve", "Support", "Maintain",
    "Monitor", "Improve", "Lead", "Plan", "Review", "Communicate", "Apply", "Principles of",
    "Handle", "Organise", "Evaluate", "Contribute to", "Follow", "Build", "Process", "Record",
    "Identify", "Negotiate", "Coordinate", "Assess", "Implement", "Prepare for",
)
_TOPICS = (
    "customer service", "customer complaints", "customer loyalty", "service delivery",
    "team performance", "health and safety", "equality and diversity", "personal development",
    "business communication", "data protection", "quality standards", "sales activities",
    "service improvement", "customer expectations", "workplace relationships", "change",
    "resources", "budgets", "risk", "stock", "payments", "appointments", "records",
    "information systems", "digital channels", "telephone enquiries", "written correspondence",
    "meetings", "events", "projects", "procurement", "contracts", "marketing activities",
    "product knowledge", "problem solving", "feedback", "induction", "mentoring", "coaching",
    "workload", "security procedures", "first aid arrangements", "waste and recycling",
    "visitor reception", "cash handling", "returns and refunds", "service partnerships",
    "conflict", "vulnerable customers", "accessibility",
)
_CONTEXTS = (
    "", "in a retail environment", "in a contact centre", "in hospitality", "in health care",
    "in social care", "in the public sector", "in financial services", "in transport",
    "in logistics", "in a warehouse", "in an office", "in education", "in leisure",
    "in travel and tourism", "in construction", "in facilities management", "in housing",
    "in the voluntary sector", "in sport", "in the creative industries", "in the motor trade",
    "in hair and beauty", "in food production", "in manufacturing", "in energy and utilities",
    "in telecommunications", "in legal services", "in insurance", "in banking",
    "in local government", "in the emergency services", "in cleaning services", "in security",
    "in the events industry", "in catering", "in pharmacy", "in veterinary practice",
    "in agriculture", "in a small business", "for a team", "for an organisation",
    "with colleagues", "with external partners", "with customers face to face",
    "by telephone", "online", "in writing", "across cultures", "under pressure",
    "at a senior level", "as a supervisor", "as a manager", "as a team leader",
    "in a regulated environment", "in a multi-site organisation", "in a franchise",
    "in a social enterprise", "in a charity", "in a start-up", "in a family business",
    "in a call centre", "in a shop", "in a hotel", "in a restaurant", "in a bank",
    "in a hospital", "in a school", "in a college", "in a library", "in a museum",
    "in a gym", "in a theatre", "in an airport", "on a railway", "at sea", "in a port",
    "in a depot", "in a laboratory", "in a studio",
)
_SECTORS = (
    "Customer Service", "Business Administration", "Retail", "Hospitality", "Contact Centre",
    "Team Leading", "Management", "Health and Social Care", "Warehousing", "Travel and Tourism",
    "Sales", "Marketing", "Facilities Services", "Cleaning Services", "Security", "Housing",
    "Leisure Operations", "Events", "Food Safety", "Logistics", "Payroll", "Bookkeeping",
    "Information Technology Users", "Digital Skills", "Legal Administration",
    "Financial Services", "Passenger Transport", "Public Services", "Education Support",
    "Enterprise",
)
_AGE_BANDS = ("pre-16", "16-18", "18+", "19+")


@dataclass
class _Unit:
    index: int
    urn: str
    title: str
    sector: int
    level: int
    credits: int
    glh: int | None


@dataclass
class _Group:
    id: str
    title: str
    units: list[_Unit]
    mandatory: bool = False
    min_credits: int | None = None
    max_credits: int | None = None
    min_units: int | None = None
    complete: bool = True
    # Units listed here but counted in an earlier group of the same qualification.
    counted_elsewhere: set[str] = field(default_factory=set)

    def counted(self) -> list[_Unit]:
        return [u for u in self.units if u.urn not in self.counted_elsewhere]

    def capacity(self, level: int | None = None, or_above: bool = False) -> int:
        """Credits this group counts when every listed unit is taken (at a level, if given)."""
        total = sum(u.credits for u in self.counted()
                    if level is None or u.level == level or (or_above and u.level > level))
        return min(total, self.max_credits) if self.max_credits is not None else total


@dataclass
class _CreditRule:
    id: str
    description: str
    min_credits: int
    groups: list[str] | None
    level: int | None = None
    or_above: bool = False


@dataclass
class _Qualification:
    index: int
    id: str
    body: int
    sector: int
    level: int
    structure: str  # complete | partial | unknown
    category: str = "qualification"
    template: str = ""
    groups: list[_Group] = field(default_factory=list)
    credit_rules: list[_CreditRule] = field(default_factory=list)
    credits_required: int | None = None
    based_on: int | None = None
    legacy: bool = False
    replaced_by: int | None = None
    named: list[tuple[str, str, str | None]] = field(default_factory=list)


@dataclass(frozen=True)
class Summary:
    """What was written, for the command line and the benchmark to print."""

    qualifications: int
    units: int
    memberships: int
    progressions: int
    files: int
    bytes: int


# ---------------------------------------------------------------------------------------------
# Writing YAML by hand: faster than yaml.dump at this size, and shaped like the real files
# ---------------------------------------------------------------------------------------------

# No commas: some scalars sit inside flow mappings, where a comma ends the value.
_PLAIN_OK = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .()/-'§")


def _text(value: str) -> str:
    """A YAML scalar for ``value``: plain where that reads back as the same string."""
    if value and set(value) <= _PLAIN_OK and value[0].isalpha() and value.lower() not in {
        "yes", "no", "true", "false", "on", "off", "null", "y", "n"
    }:
        return value
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


class _Writer:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.files = 0
        self.bytes = 0

    def write(self, relative: str, lines: Sequence[str]) -> None:
        data = ("\n".join(lines) + "\n").encode("utf-8")
        if len(data) > MAX_FILE_BYTES:
            raise ValueError(f"{relative} would be {len(data):,} bytes, over the loader's limit "
                             f"of {MAX_FILE_BYTES:,}; generate fewer records per file")
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        self.files += 1
        self.bytes += len(data)


def _cite(doc: str, section: str) -> str:
    return _text(f"{doc} § {section}")


# ---------------------------------------------------------------------------------------------
# The generator
# ---------------------------------------------------------------------------------------------


class _Generator:
    def __init__(self, n_qualifications: int, n_units: int, seed: int) -> None:
        if n_units < 20:
            raise ValueError("generate at least 20 units")
        if n_qualifications < 1:
            raise ValueError("generate at least one qualification")
        if n_units > 4_990_000:
            raise ValueError("at most 4,990,000 units fit the URN pattern used here")
        self.rng = random.Random(seed)
        self.seed = seed
        self.n_qualifications = n_qualifications
        self.n_units = n_units
        self.n_bodies = max(2, min(40, n_qualifications // 400))
        self.n_sectors = max(1, min(len(_SECTORS), n_units // 2000))
        self.units: list[_Unit] = []
        self.pools: dict[tuple[int, int], list[_Unit]] = {}  # (sector, level) -> units
        self.nearby: dict[tuple[int, int], list[_Unit]] = {}
        self.quals: list[_Qualification] = []

    # -- names --------------------------------------------------------------------------------

    @staticmethod
    def body_slug(body: int) -> str:
        return f"sab{body + 1:02d}"

    @staticmethod
    def body_name(body: int) -> str:
        return f"Synthetic Awarding Body {body + 1:02d}"

    @staticmethod
    def body_doc(body: int) -> str:
        return f"synthetic-sab{body + 1:02d}-handbook.txt"

    @staticmethod
    def sector_doc(sector: int) -> str:
        return f"synthetic-units-sector-{sector + 1:02d}.txt"

    @staticmethod
    def code(index: int) -> str:
        return f"{10000 + index:05d}"

    @staticmethod
    def regulator_number(index: int) -> str:
        return f"{500 + index // 10000}/{index % 10000:04d}/{'0123456789X'[index % 11]}"

    @staticmethod
    def structure_reference(index: int) -> str:
        return f"S/{900 - index // 1000:03d}/{index % 1000:03d}"

    # -- units --------------------------------------------------------------------------------

    def make_units(self) -> None:
        rng = self.rng
        combos = [(v, t, c) for v in range(len(_VERBS)) for t in range(len(_TOPICS))
                  for c in range(len(_CONTEXTS))]
        rng.shuffle(combos)
        levels = list(LEVEL_WEIGHTS)
        level_weights = list(LEVEL_WEIGHTS.values())
        credit_values = list(CREDIT_WEIGHTS)
        credit_weights = list(CREDIT_WEIGHTS.values())
        for i in range(self.n_units):
            verb, topic, context = combos[i % len(combos)]
            title = " ".join(p for p in (_VERBS[verb], _TOPICS[topic], _CONTEXTS[context]) if p)
            if i >= len(combos):
                title += f" (part {i // len(combos) + 1})"
            title = title[0].upper() + title[1:]
            if i > 0 and rng.random() < 0.01:
                title = self.units[rng.randrange(i)].title  # a revised unit under a new URN
            letter = chr(ord("A") + rng.randrange(26))
            credits = rng.choices(credit_values, credit_weights)[0]
            glh = None if rng.random() < 0.03 else credits * rng.randint(5, 9)
            unit = _Unit(
                index=i, urn=f"{letter}/{500 + i // 10000:03d}/{i % 10000:04d}", title=title,
                sector=rng.randrange(self.n_sectors),
                level=rng.choices(levels, level_weights)[0], credits=credits, glh=glh,
            )
            self.units.append(unit)
        for unit in self.units:
            self.pools.setdefault((unit.sector, unit.level), []).append(unit)

    def candidates(self, sector: int, level: int) -> list[_Unit]:
        """Units a qualification at ``level`` in ``sector`` may list: that level, mostly."""
        key = (sector, level)
        if key not in self.nearby:
            pool = self.pools.get(key, []) * 3  # the qualification's own level, weighted
            for near in (level - 1, level + 1):
                pool += self.pools.get((sector, near), [])
            if len({u.urn for u in pool}) < 40:  # a thin sector borrows from every sector
                pool += [u for u in self.units if abs(u.level - level) <= 1]
            if len({u.urn for u in pool}) < 40:  # and a tiny catalogue from every level
                pool += self.units
            self.nearby[key] = pool
        return self.nearby[key]

    def draw_units(self, sector: int, level: int, count: int, taken: set[str]) -> list[_Unit]:
        pool = self.candidates(sector, level)
        chosen: list[_Unit] = []
        for _ in range(count * 20):
            if len(chosen) == count:
                break
            unit = pool[self.rng.randrange(len(pool))]
            if unit.urn not in taken:
                taken.add(unit.urn)
                chosen.append(unit)
        return chosen

    # -- qualifications -----------------------------------------------------------------------

    def make_qualifications(self) -> None:
        rng = self.rng
        levels = list(LEVEL_WEIGHTS)
        level_weights = list(LEVEL_WEIGHTS.values())
        n = self.n_qualifications
        n_structures = max(1, n // 50)
        for i in range(n):
            level = rng.choices(levels, level_weights)[0]
            sector = rng.randrange(self.n_sectors)
            body = rng.randrange(self.n_bodies)
            if i < n_structures:
                q = _Qualification(i, f"national-s-{self.structure_reference(i).lower()[2:]}"
                                   .replace("/", "-"), body, sector, level, "complete",
                                   category="national-structure")
            else:
                roll = rng.random()
                structure = ("unknown" if roll < 0.07 else "partial" if roll < 0.12
                             else "complete")
                q = _Qualification(i, f"{self.body_slug(body)}-{self.code(i)}", body, sector,
                                   level, structure)
                if structure == "unknown" and roll < 0.03:
                    q.based_on = rng.randrange(n_structures)
            self.quals.append(q)
            if q.structure != "unknown":
                self.make_rules(q)
            else:
                self.make_named_units(q)
        # Legacy qualifications name a successor in the same sector and level.
        by_key: dict[tuple[int, int], list[int]] = {}
        for q in self.quals:
            if q.category == "qualification":
                by_key.setdefault((q.sector, q.level), []).append(q.index)
        for q in self.quals:
            if q.category != "qualification" or rng.random() >= 0.15:
                continue
            same = by_key[(q.sector, q.level)]
            later = same[bisect.bisect_right(same, q.index):][:5]
            if later:
                q.legacy = True
                q.replaced_by = rng.choice(later)

    def make_named_units(self, q: _Qualification) -> None:
        taken: set[str] = set()
        for number, unit in enumerate(self.draw_units(q.sector, q.level, self.rng.randint(0, 3),
                                                      taken), start=1):
            possible = unit.urn if self.rng.random() < 0.6 else None
            q.named.append((str(number), unit.title, possible))

    def make_rules(self, q: _Qualification) -> None:
        rng = self.rng
        taken: set[str] = set()
        if q.category == "national-structure":
            template = "national"
        else:
            template = rng.choices(["all-mandatory", "core-options", "nvq", "national"],
                                   [22, 38, 22, 18])[0]
        q.template = template
        draw = self.draw_units
        if template == "all-mandatory":
            units = draw(q.sector, q.level, rng.randint(2, 5), taken)
            q.groups.append(_Group("A", "Mandatory units", units, mandatory=True))
        elif template == "core-options":
            q.groups.append(_Group("A", "Mandatory units", draw(q.sector, q.level,
                                                               rng.randint(1, 4), taken),
                                   mandatory=True))
            b = _Group("B", "Optional units", draw(q.sector, q.level, rng.randint(4, 12), taken))
            q.groups.append(b)
            if rng.random() < 0.5:
                q.groups.append(_Group("C", "Additional optional units",
                                       draw(q.sector, q.level, rng.randint(3, 8), taken),
                                       max_credits=rng.randint(3, 9)))
            if rng.random() < 0.5:
                b.min_credits = max(1, b.capacity() * rng.randint(2, 6) // 10)
            elif b.units:
                b.min_units = rng.randint(1, min(3, len(b.units)))
        elif template == "nvq":
            q.groups.append(_Group("A", "Mandatory units", draw(q.sector, q.level,
                                                               rng.randint(2, 5), taken),
                                   mandatory=True))
            for letter in "BCDE"[: rng.randint(2, 4)]:
                q.groups.append(_Group(letter, f"Optional group {letter}",
                                       draw(q.sector, q.level, rng.randint(4, 16), taken),
                                       min_units=1))
        else:  # national structure style
            q.groups.append(_Group("A", "Mandatory Group A", draw(q.sector, q.level,
                                                                 rng.randint(3, 6), taken),
                                   mandatory=True))
            b = _Group("B", "Optional Group B", draw(q.sector, q.level, rng.randint(3, 10), taken))
            if b.units:
                b.min_credits = max(1, b.capacity() * rng.randint(2, 5) // 10)
            q.groups.append(b)
            q.groups.append(_Group("C", "Optional Group C",
                                   draw(q.sector, q.level, rng.randint(3, 8), taken),
                                   max_credits=rng.randint(3, 8)))
        optional = [g for g in q.groups if not g.mandatory and g.units]
        q.groups = [g for g in q.groups if g.units]
        # Now and then a unit is listed in two optional groups; it counts in the first.
        if len(optional) >= 2 and rng.random() < 0.08:
            unit = rng.choice(optional[0].units)
            optional[1].units.append(unit)
            optional[1].counted_elsewhere.add(unit.urn)
        self.set_thresholds(q, optional)
        if q.structure == "partial":
            self.cut_off(q)

    def set_thresholds(self, q: _Qualification, optional: list[_Group]) -> None:
        """Credit totals between the groups' own minimums and what every unit would count."""
        rng = self.rng
        mandatory = sum(g.capacity() for g in q.groups if g.mandatory)
        for g in q.groups:
            if g.mandatory and rng.random() < 0.85:
                g.min_credits = g.capacity()
            if g.min_units is not None:
                g.min_units = min(g.min_units, len(g.counted()))
        optional_capacity = sum(g.capacity() for g in optional)
        floor = sum(g.min_credits or 0 for g in optional)
        floor = max(floor, min(optional_capacity, sum(
            sorted(u.credits for u in g.counted())[0] * (g.min_units or 0) for g in optional)))
        extra = rng.randint(floor, max(floor, optional_capacity * 6 // 10)) if optional else 0
        q.credits_required = mandatory + extra
        all_ids = [g.id for g in q.groups]
        optional_ids = [g.id for g in optional]
        if q.template == "nvq" and extra:
            q.credit_rules.append(_CreditRule(
                "optional-credits", f"{extra} credits from the optional groups", extra,
                optional_ids))
            capacity = sum(g.capacity(q.level) for g in optional)
            need = min(capacity, max(1, extra // 3))
            if need:
                q.credit_rules.append(_CreditRule(
                    f"optional-level-{q.level}",
                    f"at least {need} of the optional credits at Level {q.level}", need,
                    optional_ids, level=q.level))
        elif q.template in {"national", "core-options"} and (
            q.template == "national" or rng.random() < 0.4
        ):
            floor_level = q.level if q.template == "national" else max(1, q.level - 1)
            capacity = sum(g.capacity(floor_level, True) for g in q.groups)
            need = min(capacity, q.credits_required * rng.randint(6, 10) // 10)
            if need:
                q.credit_rules.append(_CreditRule(
                    f"level-{floor_level}-or-above",
                    f"at least {need} credits at Level {floor_level} or above", need,
                    None if rng.random() < 0.5 else all_ids, level=floor_level,
                    or_above=True))

    def cut_off(self, q: _Qualification) -> None:
        """Make a qualification partial: the source cuts one optional group's list short."""
        optional = [g for g in q.groups if not g.mandatory]
        if not optional:
            q.structure = "complete"
            return
        group = self.rng.choice(optional)
        group.complete = False
        keep = self.rng.randint(0, max(0, len(group.units) - 1))
        group.units = group.units[:keep]
        group.counted_elsewhere &= {u.urn for u in group.units}

    # -- writing ------------------------------------------------------------------------------

    def write_sources(self, w: _Writer) -> None:
        lines = [
            "# SYNTHETIC catalogue written by benchmarks/synthetic.py "
            f"(seed {self.seed}). Nothing here is real:",
            "# every document below is made up, and exists only so that every fact can cite one.",
            "documents:",
        ]
        docs = [(self.body_doc(b), f"SYNTHETIC handbook of {self.body_name(b)} (not a real "
                 "document)") for b in range(self.n_bodies)]
        docs += [(self.sector_doc(s), f"SYNTHETIC unit bank for {_SECTORS[s]} (not a real "
                  "document)") for s in range(self.n_sectors)]
        for file, title in docs:
            lines += [
                f"  - file: {file}",
                f"    title: {_text(title)}",
                "    publisher: benchmarks/synthetic.py (synthetic data)",
                "    kind: primary",
                f'    date: "seed {self.seed}"',
                "    provides:",
                "      - synthetic facts for benchmarks and scale tests",
            ]
        lines += [
            f"  - file: {SECONDARY_DOC}",
            "    title: SYNTHETIC register notes (not a real document)",
            "    publisher: benchmarks/synthetic.py (synthetic data)",
            "    kind: secondary",
            "    provides:",
            "      - synthetic national-structure links, cited with example.invalid addresses",
        ]
        w.write("sources.yaml", lines)

    def write_units(self, w: _Writer) -> None:
        by_sector: dict[int, list[_Unit]] = {}
        for unit in self.units:
            by_sector.setdefault(unit.sector, []).append(unit)
        for sector in sorted(by_sector):
            units = by_sector[sector]
            doc = self.sector_doc(sector)
            for part, start in enumerate(range(0, len(units), BANK_SIZE), start=1):
                lines = [f"# SYNTHETIC unit bank: {_SECTORS[sector]}, part {part}.", "units:"]
                for unit in units[start : start + BANK_SIZE]:
                    lines += [
                        f"  - urn: {unit.urn}",
                        f"    title: {_text(unit.title)}",
                        f"    level: {unit.level}",
                        f"    credits: {unit.credits}",
                    ]
                    if unit.glh is not None:
                        lines.append(f"    glh: {unit.glh}")
                    lines.append(f"    source: {_cite(doc, f'Units at Level {unit.level}')}")
                w.write(f"units/sector-{sector + 1:02d}-part-{part:02d}.yaml", lines)

    def title_of(self, q: _Qualification) -> str:
        sector = _SECTORS[q.sector]
        if q.category == "national-structure":
            return (f"Level {q.level} Diploma in {sector} (national structure "
                    f"{self.structure_reference(q.index)})")
        credits = q.credits_required
        size = ("Qualification" if credits is None else "Award" if credits <= 12
                else "Certificate" if credits <= 36 else "Diploma")
        return f"SAB{q.body + 1:02d} Level {q.level} {size} in {sector}"

    def write_qualification(self, w: _Writer, q: _Qualification) -> int:
        rng = self.rng
        doc = self.body_doc(q.body)
        code = self.code(q.index)
        national = q.category == "national-structure"
        lines = [f"# SYNTHETIC qualification from benchmarks/synthetic.py (seed {self.seed}).",
                 f"id: {q.id}"]
        if national:
            doc = SECONDARY_DOC
            ref = self.structure_reference(q.index)
            lines += ["category: national-structure", "awarding_body: Synthetic Sector Body",
                      f"structure_reference: {ref}"]
        else:
            lines += [f"awarding_body: {self.body_name(q.body)}", f'code: "{code}"',
                      f"regulator_number: {self.regulator_number(q.index)}"]
        lines += [
            f"title: {_text(self.title_of(q))}",
            f"level: {q.level}",
            f"kind: {rng.choice(['knowledge', 'competence', 'combined'])}",
            f"framework: {rng.choice(['QCF', 'RQF'])}",
        ]
        if q.legacy:
            lines.append("legacy: true")
        if q.credits_required is not None:
            lines.append(f"credits_required: {q.credits_required}")
            glh = q.credits_required * 7
            lines += ["glh:", f"  min: {glh}", f"  max: {glh + rng.randint(0, 3) * 10}",
                      f"  source: {self.cite(doc, code, 'Qualification profile', national)}"]
        lines.append(f"structure: {q.structure}")
        if q.structure != "complete":
            lines.append("structure_note: The synthetic source gives only part of the structure.")
        lines.append(f"source: {self.cite(doc, code, 'Qualification profile', national)}")
        if q.groups:
            lines += self.rules_lines(q, doc, code, national)
        if q.named:
            lines.append("named_units:")
            for number, title, possible in q.named:
                lines += [f'  - number: "{number}"', f"    title: {_text(title)}"]
                if possible is not None:
                    lines += [
                        f"    possible_urn: {possible}",
                        "    source:",
                        f"      doc: {SECONDARY_DOC}",
                        f"      section: {code} Units named",
                        f"      url: {SYNTHETIC_URL}/{code}",
                        "      basis: inference",
                        "      note: Synthetic inference, matched by title.",
                    ]
                else:
                    lines.append(f"    source: {_cite(doc, f'{code} Units named')}")
        if q.based_on is not None:
            structure = self.quals[q.based_on]
            lines += [
                "based_on:",
                f"  structure: {structure.id}",
                "  source:",
                f"    doc: {SECONDARY_DOC}",
                f"    section: {code} National structure",
                f"    url: {SYNTHETIC_URL}/{code}",
                "    basis: inference",
                "    note: Synthetic inference from the title and date.",
            ]
        if q.replaced_by is not None:
            lines += [
                "replaced_by:",
                f"  - by: {self.quals[q.replaced_by].id}",
                "    scope: for new learners",
                f"    source: {self.cite(doc, code, 'Status', national)}",
            ]
        if not national:
            bands = sorted(rng.sample(_AGE_BANDS[1:], rng.randint(1, 3)), key=_AGE_BANDS.index)
            lines += ["ages:", f"  approved: [{', '.join(bands)}]",
                      f"  source: {_cite(doc, f'{code} Qualification profile')}"]
            year = rng.randint(2010, 2022)
            lines += [
                "dates:",
                "  operational_start:",
                f"    date: {year}-09-01",
                f"    source: {_cite(doc, f'{code} Dates')}",
                "  last_entry:",
                f"    date: {year + rng.randint(2, 5)}-08-31",
                f"    source: {_cite(doc, f'{code} Dates')}",
            ]
            lines += [
                "suitable_for:",
                "  points:",
                f"    - learners working in {_SECTORS[q.sector].lower()} at Level {q.level}",
                f"  source: {_cite(doc, f'{code} Who the qualification is for')}",
            ]
        w.write(f"qualifications/{self.body_slug(q.body) if not national else 'national'}/"
                f"{code if not national else q.id}.yaml", lines)
        return sum(len(g.units) for g in q.groups)

    def cite(self, doc: str, code: str, section: str, national: bool) -> str:
        if not national:
            return _cite(doc, f"{code} {section}")
        return (f"{{doc: {SECONDARY_DOC}, section: {_text(f'{code} {section}')}, "
                f"url: {_text(f'{SYNTHETIC_URL}/{code}')}}}")

    def rules_lines(self, q: _Qualification, doc: str, code: str, national: bool) -> list[str]:
        cite = self.cite(doc, code, "Rules of combination", national)
        lines = ["rules:", f"  credits_required: {q.credits_required}", f"  source: {cite}",
                 "  groups:"]
        number = 0
        for g in q.groups:
            lines += [f"    - id: {g.id}", f"      title: {_text(g.title)}"]
            if g.mandatory:
                lines.append("      mandatory: true")
            for key in ("min_credits", "max_credits", "min_units"):
                value = getattr(g, key)
                if value is not None:
                    lines.append(f"      {key}: {value}")
            if not g.complete:
                lines.append("      units_complete: false")
            lines.append(f"      source: {self.cite(doc, code, f'Group {g.id}', national)}")
            if g.units:
                lines.append("      units:")
            for unit in g.units:
                number += 1
                lines.append(f'        - {{number: "{g.id}{number}", urn: {unit.urn}}}')
        if q.credit_rules:
            lines.append("  credit_rules:")
        for rule in q.credit_rules:
            lines += [f"    - id: {rule.id}", f"      description: {_text(rule.description)}",
                      f"      min_credits: {rule.min_credits}"]
            if rule.groups is not None:
                lines.append(f"      groups: [{', '.join(rule.groups)}]")
            if rule.level is not None:
                lines += [f"      level: {rule.level}",
                          f"      or_above: {'true' if rule.or_above else 'false'}"]
            lines.append(f"      source: {cite}")
        return lines

    def write_progressions(self, w: _Writer) -> int:
        rng = self.rng
        by_key: dict[tuple[int, int], list[int]] = {}
        for q in self.quals:
            by_key.setdefault((q.sector, q.level), []).append(q.index)
        lines = ["# SYNTHETIC progression links: always to a later qualification of the same",
                 "# sector, at the same level or one above, so they never go round in a circle.",
                 "progressions:"]
        count = 0
        for q in self.quals:
            targets: list[int] = []
            same = by_key[(q.sector, q.level)]
            later = same[bisect.bisect_right(same, q.index):]
            above = by_key.get((q.sector, q.level + 1), [])
            for _ in range(rng.choices([0, 1, 2, 3], [20, 45, 25, 10])[0]):
                pool = above if above and (not later or rng.random() < 0.6) else later
                if pool:
                    target = pool[rng.randrange(min(len(pool), 50))]
                    if target not in targets:
                        targets.append(target)
            code = self.code(q.index)
            doc = self.body_doc(q.body)
            for target in targets:
                to = self.quals[target]
                lines += [f"  - from: {q.id}", f"    to: {to.id}",
                          f"    statement: Learners may progress to the Level {to.level} "
                          "qualification."]
                if rng.random() < 0.1:
                    lines += ["    source:", f"      doc: {doc}",
                              f"      section: {code} Progression", "      basis: inference",
                              "      note: Synthetic inference from the level and sector."]
                else:
                    lines.append(f"    source: {_cite(doc, f'{code} Progression')}")
                count += 1
            if q.level >= 3 and rng.random() < 0.1:
                lines += [f"  - from: {q.id}", "    destination: higher-education",
                          "    statement: Learners may progress to higher education.",
                          f"    source: {_cite(doc, f'{code} Progression')}"]
                count += 1
        if not count:  # the file needs at least one entry; a tiny catalogue may have none
            q = self.quals[0]
            lines += [f"  - from: {q.id}", "    destination: employment",
                      "    statement: Learners may progress to employment.",
                      f"    source: {_cite(self.body_doc(q.body), f'{self.code(0)} Progression')}"]
            count += 1
        w.write("progression.yaml", lines)
        return count

    def write_job_roles(self, w: _Writer) -> None:
        rng = self.rng
        lines = ["# SYNTHETIC job roles.", "job_roles:"]
        for sector in range(self.n_sectors):
            for level in range(1, 6):
                lines += [f"  - id: sector-{sector + 1:02d}-level-{level}-role",
                          f"    title: {_text(f'{_SECTORS[sector]} role at Level {level}')}",
                          f"    level: {level}",
                          f"    source: {_cite(self.sector_doc(sector), 'Job roles')}"]
        for q in rng.sample(self.quals, min(len(self.quals), max(1, len(self.quals) // 100))):
            lines += [f"  - id: after-{q.id}",
                      f"    title: {_text(f'Job after {q.id}')}",
                      f"    after: {q.id}",
                      f"    source: {_cite(self.body_doc(q.body), f'{self.code(q.index)} Jobs')}"]
        w.write("job-roles.yaml", lines)

    def write_frameworks(self, w: _Writer) -> None:
        rng = self.rng
        lines = ["# SYNTHETIC apprenticeship frameworks.", "frameworks:"]
        for n in range(max(1, len(self.quals) // 100)):
            level = rng.randint(2, 4)
            named = [q for q in rng.sample(self.quals, min(len(self.quals), 6))
                     if q.category == "qualification"][:2]
            doc = self.body_doc(rng.randrange(self.n_bodies))
            lines += [f"  - id: synthetic-framework-{n + 1:04d}",
                      f"    title: Synthetic Apprenticeship {n + 1:04d}",
                      f"    level: {level}",
                      f"    source: {_cite(doc, f'Framework {n + 1}')}",
                      "    components:",
                      "      - id: competence",
                      "        kind: competence",
                      "        description: A competence qualification",
                      f"        qualifications: [{', '.join(q.id for q in named)}]",
                      f"        source: {_cite(doc, f'Framework {n + 1}')}"]
        w.write("frameworks.yaml", lines)

    def write_transfer_rules(self, w: _Writer) -> None:
        doc = self.body_doc(0)
        w.write("transfer-rules.yaml", [
            "# SYNTHETIC transfer rules.",
            "transfer_rules:",
            "  - id: same-urn",
            "    kind: same-urn",
            "    statement: Credit for a unit counts towards any qualification with the same unit.",
            f"    source: {_cite(doc, 'Credit transfer')}",
            "  - id: competence-not-evidence-for-knowledge",
            "    kind: bar",
            "    statement: Competence unit achievements are not evidence for knowledge ones.",
            "    from_kinds: [competence]",
            f"    source: {_cite(doc, 'Evidence')}",
        ])


def generate_catalogue(out_dir: Path | str, *, qualifications: int = 15_000, units: int = 60_000,
                       seed: int = 1) -> Summary:
    """Write a synthetic catalogue into ``out_dir`` (created; must be empty or absent)."""
    root = Path(out_dir)
    if root.exists() and any(root.iterdir()):
        raise FileExistsError(f"{root} is not empty; give a new or empty directory")
    gen = _Generator(qualifications, units, seed)
    gen.make_units()
    gen.make_qualifications()
    writer = _Writer(root)
    gen.write_sources(writer)
    gen.write_units(writer)
    memberships = sum(gen.write_qualification(writer, q) for q in gen.quals)
    progressions = gen.write_progressions(writer)
    gen.write_job_roles(writer)
    gen.write_frameworks(writer)
    gen.write_transfer_rules(writer)
    return Summary(qualifications=len(gen.quals), units=len(gen.units), memberships=memberships,
                   progressions=progressions, files=writer.files, bytes=writer.bytes)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.synthetic",
        description="Write a synthetic (made-up, clearly marked) catalogue for benchmarks.")
    parser.add_argument("out_dir", type=Path, help="a new or empty directory to write into")
    parser.add_argument("--qualifications", type=int, default=15_000)
    parser.add_argument("--units", type=int, default=60_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    try:
        summary = generate_catalogue(args.out_dir, qualifications=args.qualifications,
                                     units=args.units, seed=args.seed)
    except (ValueError, FileExistsError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    print(f"wrote {summary.files:,} files ({summary.bytes / 1e6:.1f} MB) to {args.out_dir}: "
          f"{summary.qualifications:,} qualifications, {summary.units:,} units, "
          f"{summary.memberships:,} unit listings, {summary.progressions:,} progression links")
    return 0


if __name__ == "__main__":
    sys.exit(main())

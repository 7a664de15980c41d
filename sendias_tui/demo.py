"""Synthetic enquiries for 2023, to try sendias out and to check the report against a real one.

The records of July to September 2023 are built so that the quarter's report
reproduces the published Luton SENDIAS summary for 2023-Q3 (see
``sendias_tui.demo_figures``). The other nine months hold a smaller, plausible
volume drawn at random. Every run gives the same records because all choices
come from one ``random.Random`` with a fixed seed.

The records hold no names: case references read ``DEMO-0001`` and advisors
are two-letter initials.
"""

from __future__ import annotations

import random
from collections import Counter
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sendias_tui import demo_figures as q3
from sendias_tui.demo_metrics import demo_metrics, demo_published_totals
from sendias_tui.domain.categories import default_categories
from sendias_tui.domain.enquiry import Enquiry, EnquiryType, RedirectedCall, RedirectKind
from sendias_tui.domain.working_days import is_working_day
from sendias_tui.storage import EnquiryStore

SEED = 20230930
ADVISORS = ("AB", "JK", "MP", "SR")
YEAR = q3.YEAR
LAST_CONTACT_DAY = date(YEAR, 12, 31)
"""No first contact falls after 2023, so every record is complete as of 1 January 2024."""

CARRIED_OVER_CASES = 60
"""Cases opened before 2023 (``DEMO-0001`` to ``DEMO-0060``) that existing enquiries continue."""
RECENT_CASES = 150
"""An existing enquiry continues one of this many most recently opened cases."""

OTHER_MONTHS = {
    1: (38, 62),
    2: (34, 60),
    3: (40, 71),
    4: (29, 55),
    5: (36, 66),
    6: (41, 72),
    10: (45, 74),
    11: (42, 70),
    12: (24, 48),
}
"""New and existing enquiries in each month outside July to September."""

PROFESSIONALS = (
    "Professional (health)",
    "Professional (education)",
    "Professional (social care)",
    "Professional (other)",
)
PARENT = "Parent/carer"
YOUNG_PERSON = "Young person"
YOUNG_PERSON_AGES = ("16-18", "19-25")

Row = dict[str, Any]
"""Enquiry fields being assembled; ``Enquiry`` is frozen, so it is built at the end."""


class DemoRefused(Exception):
    """The demo loads only into a data file with no records, so it never mixes with real ones."""

    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(
            f"The data file {path} already has records, so the demo was not loaded. "
            "Load the demo into a new data file, for example with --data-file demo.json."
        )


def demo_records() -> tuple[list[Enquiry], list[RedirectedCall]]:
    """Build the demo's enquiries and redirected calls for the whole of 2023.

    Returns:
        The enquiries, oldest first, and the redirected-call entries, oldest first.
    """
    rng = random.Random(SEED)
    sen = default_categories().sen
    retired_sen = tuple(name for name in sen.names if name not in sen.active_names)
    rows: list[Row] = []
    redirects: list[RedirectedCall] = []
    for month in (1, 2, 3, 4, 5, 6):
        rows += _plausible_month(month, rng)
        redirects += _plausible_redirects(month, rng)
    rows += _published_quarter(rng)
    for figures in q3.Q3_MONTHS:
        for kind, total in (
            (RedirectKind.SENAT, figures.senat_calls),
            (RedirectKind.OUT_OF_AREA, figures.out_of_area_calls),
        ):
            redirects += _redirect_entries(figures.month, kind, total, rng)
    for month in (10, 11, 12):
        # Q4 leaves out the retired "Autism", as if it was retired once Q3 was reported.
        rows += _plausible_month(month, rng, excluded_sen=retired_sen)
        redirects += _plausible_redirects(month, rng)
    rows.sort(key=lambda row: row["date_received"])
    _link_cases(rows, rng)
    redirects.sort(key=lambda call: (call.date_received, call.kind.value))
    return [Enquiry(**row) for row in rows], redirects


def load_demo(store: EnquiryStore) -> int:
    """Add the demo records, service metrics and published totals to an empty store in one write.

    Returns:
        The number of enquiries added.

    Raises:
        DemoRefused: the store already has enquiries, redirected calls,
            metrics or published totals; it is left unchanged.
    """
    if not store.is_empty():
        raise DemoRefused(store.path)
    enquiries, redirects = demo_records()
    store.add_records(
        enquiries, redirects, metrics=demo_metrics(), published_totals=demo_published_totals()
    )
    return len(enquiries)


# Dates


def _working_days(month: int) -> list[date]:
    day = date(YEAR, month, 1)
    days = []
    while day.month == month:
        if is_working_day(day):
            days.append(day)
        day += timedelta(days=1)
    return days


def _add_working_days(start: date, count: int) -> date:
    """Return the day ``count`` working days after ``start``; ``working_days_between`` inverted."""
    day = start
    while count:
        day += timedelta(days=1)
        if is_working_day(day):
            count -= 1
    return day


def _first_contact(received: date, wait: int) -> date:
    """Return the first contact ``wait`` working days on, shortened to stay within 2023."""
    contact = _add_working_days(received, wait)
    while contact > LAST_CONTACT_DAY and wait:
        wait -= 1
        contact = _add_working_days(received, wait)
    return contact


# Exact counts


def _deal(counts: dict[Any, int], rng: random.Random) -> list[Any]:
    """Return each value as many times as it is counted, in random order."""
    values = [value for value, count in counts.items() for _ in range(count)]
    rng.shuffle(values)
    return values


def _spread_reasons(
    enquiries: int, counts: dict[str, int], rng: random.Random
) -> list[tuple[str, ...]]:
    """Share out the reason counts so each enquiry gives one or more reasons, none twice.

    The copies of one reason are dealt round the enquiries in turn, so they
    land on different enquiries as long as no reason is counted more often
    than there are enquiries.
    """
    if max(counts.values()) > enquiries or sum(counts.values()) < enquiries:
        raise ValueError(
            f"{sum(counts.values())} reasons cannot be shared out over {enquiries} enquiries"
        )
    order = list(counts)
    rng.shuffle(order)
    tokens = [name for name in order for _ in range(counts[name])]
    shares: list[list[str]] = [[] for _ in range(enquiries)]
    for position, name in enumerate(tokens):
        shares[position % enquiries].append(name)
    rng.shuffle(shares)
    return [tuple(share) for share in shares]


def _waits(enquiries: int, total: int, longest: int, rng: random.Random) -> list[int]:
    """Return waits from 0 to ``longest`` working days, both included, that add up to ``total``."""
    if enquiries < 2 or not longest <= total <= longest * (enquiries - 1):
        raise ValueError(f"{enquiries} waits of 0 to {longest} days cannot add up to {total}")
    waits = [0, longest] + [rng.randint(0, longest) for _ in range(enquiries - 2)]
    gap = total - sum(waits)
    while gap:
        index = rng.randrange(2, enquiries)
        step = 1 if gap > 0 else -1
        if 0 <= waits[index] + step <= longest:
            waits[index] += step
            gap -= step
    rng.shuffle(waits)
    return waits


def _spread_contacts(rows: list[Row], counts: dict[str, int], rng: random.Random) -> None:
    """Give every row one or more contacts so that the methods add up to ``counts``."""
    tokens = _deal(counts, rng)
    per_row = [Counter[str]() for _ in rows]
    for index, method in enumerate(tokens):
        target = index if index < len(rows) else rng.randrange(len(rows))
        per_row[target][method] += 1
    for row, methods in zip(rows, per_row, strict=True):
        row["contacts"] = {method: methods[method] for method in counts if methods[method]}


# 2023-Q3: the published figures


def _published_quarter(rng: random.Random) -> list[Row]:
    """Build July to September so that every published 2023-Q3 table comes out exactly."""
    new_rows: list[Row] = []
    existing_rows: list[Row] = []
    for figures in q3.Q3_MONTHS:
        days = _working_days(figures.month)
        new_family = [True] * figures.new_families + [False] * (figures.new - figures.new_families)
        rng.shuffle(new_family)
        spoke = figures.new - figures.no_advisor_needed
        needs_advisor = [False] * figures.no_advisor_needed + [True] * spoke
        rng.shuffle(needs_advisor)
        waits = iter(_waits(spoke, figures.wait_total, figures.longest_wait, rng))
        month_new = []
        for is_new_family, needs in zip(new_family, needs_advisor, strict=True):
            received = rng.choice(days)
            row: Row = {
                "date_received": received,
                "enquiry_type": EnquiryType.NEW,
                "new_family": is_new_family,
            }
            if needs:
                row["first_advisor_contact"] = _add_working_days(received, next(waits))
            else:
                row["no_advisor_needed"] = True
            month_new.append(row)
        month_existing = [
            {"date_received": rng.choice(days), "enquiry_type": EnquiryType.EXISTING}
            for _ in range(figures.existing)
        ]
        _assign_enquirers(month_new, month_existing, figures.professionals, rng)
        new_rows += month_new
        existing_rows += month_existing

    for field, counts in (
        ("age_group", q3.AGE_GROUP),
        ("gender", q3.GENDER),
        ("ethnicity", q3.ETHNICITY),
        ("postal_district", q3.POSTAL_DISTRICT),
        ("main_sen", q3.MAIN_SEN),
        ("intervention_level", q3.INTERVENTION_LEVEL),
        ("ehcp", {True: q3.WITH_EHCP, False: len(new_rows) - q3.WITH_EHCP}),
    ):
        for row, value in zip(new_rows, _deal(counts, rng), strict=True):
            row[field] = value
    _assign_young_people(new_rows, rng)
    _assign_referral_sources(new_rows, rng)
    for has_plan, counts in ((True, q3.REASON_EHCP), (False, q3.REASON_NO_EHCP)):
        group = [row for row in new_rows if row["ehcp"] is has_plan]
        for row, reasons in zip(group, _spread_reasons(len(group), counts, rng), strict=True):
            row["reasons"] = reasons
    for row in new_rows:
        row["additional_sen"] = _additional_sen(row["main_sen"], list(q3.MAIN_SEN), rng)

    rows = new_rows + existing_rows
    _spread_contacts(rows, q3.CONTACTS, rng)
    for row in rows:
        row["advisor"] = rng.choice(ADVISORS)
    return rows


def _assign_enquirers(
    new_rows: list[Row], existing_rows: list[Row], professionals: dict[str, int], rng: random.Random
) -> None:
    """Make the month's professional enquiries, new and existing, add up to ``professionals``."""
    rows = new_rows + existing_rows
    for row in rows:
        row["enquirer"] = PARENT
    chosen = rng.sample(range(len(rows)), sum(professionals.values()))
    for index, enquirer in zip(chosen, _deal(professionals, rng), strict=True):
        rows[index]["enquirer"] = enquirer


def _assign_young_people(new_rows: list[Row], rng: random.Random) -> None:
    """Let some young people aged 16 to 25 make their own new enquiry."""
    for row in new_rows:
        if row["enquirer"] != PARENT or row["age_group"] not in YOUNG_PERSON_AGES:
            continue
        if rng.random() < 0.4:
            row["enquirer"] = YOUNG_PERSON


def _assign_referral_sources(new_rows: list[Row], rng: random.Random) -> None:
    """Deal the referral sources so that no new family has "Used Service Before" as its source."""
    returning = [row for row in new_rows if not row["new_family"]]
    rng.shuffle(returning)
    used_before = q3.REFERRAL_SOURCE[q3.USED_SERVICE_BEFORE]
    for row in returning[:used_before]:
        row["referral_source"] = q3.USED_SERVICE_BEFORE
    others = [row for row in new_rows if "referral_source" not in row]
    other_counts = dict(q3.REFERRAL_SOURCE)
    del other_counts[q3.USED_SERVICE_BEFORE]
    for row, source in zip(others, _deal(other_counts, rng), strict=True):
        row["referral_source"] = source


def _additional_sen(main_sen: str, names: list[str], rng: random.Random) -> tuple[str, ...]:
    if main_sen == "Unknown" or rng.random() > 0.3:
        return ()
    return (rng.choice([name for name in names if name not in (main_sen, "Unknown")]),)


# The other months: a plausible spread


def _weighted(counts: dict[str, int], rng: random.Random, excluded: tuple[str, ...] = ()) -> str:
    """Pick one name, favouring those common in 2023-Q3 but leaving none out."""
    names = [name for name in counts if name not in excluded]
    return rng.choices(names, weights=[counts[name] + 0.5 for name in names])[0]


def _sample_reasons(counts: dict[str, int], rng: random.Random) -> tuple[str, ...]:
    chosen: list[str] = []
    for _ in range(rng.choice((1, 1, 1, 2, 2, 3))):
        chosen.append(_weighted(counts, rng, excluded=tuple(chosen)))
    return tuple(chosen)


def _plausible_month(
    month: int, rng: random.Random, *, excluded_sen: tuple[str, ...] = ()
) -> list[Row]:
    """Draw a month of enquiries at random, spread roughly like 2023-Q3."""
    new, existing = OTHER_MONTHS[month]
    sen_names = [name for name in q3.MAIN_SEN if name not in excluded_sen]
    days = _working_days(month)
    rows: list[Row] = []
    for _ in range(new):
        received = rng.choice(days)
        new_family = rng.random() < 0.35
        has_plan = rng.random() < 0.33
        age_group = _weighted(q3.AGE_GROUP, rng)
        if rng.random() < 0.06:
            enquirer = rng.choice(PROFESSIONALS)
        elif age_group in YOUNG_PERSON_AGES and rng.random() < 0.3:
            enquirer = YOUNG_PERSON
        else:
            enquirer = PARENT
        if not new_family and rng.random() < 0.6:
            source = q3.USED_SERVICE_BEFORE
        else:
            source = _weighted(q3.REFERRAL_SOURCE, rng, excluded=(q3.USED_SERVICE_BEFORE,))
        main_sen = _weighted(q3.MAIN_SEN, rng, excluded=excluded_sen)
        row: Row = {
            "date_received": received,
            "enquiry_type": EnquiryType.NEW,
            "enquirer": enquirer,
            "new_family": new_family,
            "age_group": age_group,
            "gender": _weighted(q3.GENDER, rng),
            "ethnicity": _weighted(q3.ETHNICITY, rng),
            "postal_district": _weighted(q3.POSTAL_DISTRICT, rng),
            "main_sen": main_sen,
            "additional_sen": _additional_sen(main_sen, sen_names, rng),
            "referral_source": source,
            "ehcp": has_plan,
            "reasons": _sample_reasons(q3.REASON_EHCP if has_plan else q3.REASON_NO_EHCP, rng),
            "intervention_level": rng.choices((1, 2, 3, 4), weights=(46, 33, 15, 6))[0],
            "contacts": _plausible_contacts(rng),
        }
        if rng.random() < 0.08:
            row["no_advisor_needed"] = True
        else:
            wait = rng.choices(range(8), weights=(3, 5, 6, 5, 4, 3, 2, 1))[0]
            row["first_advisor_contact"] = _first_contact(received, wait)
        rows.append(row)
    for _ in range(existing):
        rows.append(
            {
                "date_received": rng.choice(days),
                "enquiry_type": EnquiryType.EXISTING,
                "enquirer": rng.choice(PROFESSIONALS) if rng.random() < 0.04 else PARENT,
                "contacts": _plausible_contacts(rng),
            }
        )
    for row in rows:
        row["advisor"] = rng.choice(ADVISORS)
    return rows


def _plausible_contacts(rng: random.Random) -> dict[str, int]:
    contacts = {"Phone": rng.choice((0, 1, 1, 1, 2, 2, 3))}
    if rng.random() < 0.5:
        contacts["Email"] = rng.randint(1, 2)
    if rng.random() < 0.2:
        contacts["Unspecified"] = rng.randint(1, 2)
    if rng.random() < 0.04:
        contacts[rng.choice(("Message", "Office Visit", "Text", "Virtual Meeting"))] = 1
    if not any(contacts.values()):
        contacts["Phone"] = 1
    return {method: count for method, count in contacts.items() if count}


def _plausible_redirects(month: int, rng: random.Random) -> list[RedirectedCall]:
    senat = _redirect_entries(month, RedirectKind.SENAT, rng.randint(7, 14), rng)
    return senat + _redirect_entries(month, RedirectKind.OUT_OF_AREA, rng.choice((0, 0, 1, 2)), rng)


def _redirect_entries(
    month: int, kind: RedirectKind, total: int, rng: random.Random
) -> list[RedirectedCall]:
    """Split a month's redirected calls over a few working days, one entry per day."""
    days = _working_days(month)
    per_day: Counter[date] = Counter()
    remaining = total
    while remaining:
        count = min(remaining, rng.choice((1, 1, 1, 2, 2, 3)))
        per_day[rng.choice(days)] += count
        remaining -= count
    return [RedirectedCall(day, kind, count) for day, count in sorted(per_day.items())]


# Cases


CASE_FIELDS = ("age_group", "gender", "ethnicity", "postal_district", "main_sen", "ehcp")
"""Fields an existing enquiry takes from the new enquiry that opened its case."""


def _link_cases(rows: list[Row], rng: random.Random) -> None:
    """Give every row a case reference: new enquiries open cases, existing ones continue one.

    ``rows`` must be in date order. An existing enquiry copies the demographic
    fields of its case's new enquiry, as the form's prefill would.
    """
    opened: list[tuple[str, Row | None]] = [
        (f"DEMO-{number:04d}", None) for number in range(1, CARRIED_OVER_CASES + 1)
    ]
    for row in rows:
        if row["enquiry_type"] is EnquiryType.NEW:
            row["case_ref"] = f"DEMO-{len(opened) + 1:04d}"
            opened.append((row["case_ref"], row))
            continue
        case_ref, first = rng.choice(opened[-RECENT_CASES:])
        row["case_ref"] = case_ref
        if first is not None:
            row.update({field: first.get(field) for field in CASE_FIELDS})


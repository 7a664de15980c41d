"""Generate synthetic enquiries with the category mix of a real quarterly summary.

The weights are the counts that Luton SENDIAS published for July to September
2023 (new and existing enquiries, professional enquirers, main SEN, ethnic
group, referral source, postal district, intervention level, contacts and
reasons). That summary shows age group and gender only as charts without
numbers, so those weights are assumptions, marked below. Every value is drawn
from a seeded generator, so the same arguments always give the same records.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from sendias_tui.domain.enquiry import (
    Enquiry,
    EnquiryType,
    RedirectedCall,
    RedirectKind,
)

PER_QUARTER = 2_000
"""Enquiries per quarter: five times the 396 of the reference quarter, as a large service logs."""

LAST_DAY = date(2024, 12, 31)
"""The newest generated records fall in the quarter that ends on this day."""

NEW_SHARE = 137 / 396
NEW_FAMILY_SHARE = 48 / 137
EHCP_SHARE = 77 / (77 + 144)
"""Share of new enquiries with an EHC plan: Table 8's reasons against Table 9's."""

ENQUIRER = {
    "Parent/carer": 370,
    # NOTE: the summary does not count young people separately; 8 of 396 is a guess.
    "Young person": 8,
    "Professional (health)": 2,
    "Professional (education)": 11,
    "Professional (social care)": 1,
    "Professional (other)": 4,
}
# NOTE: assumed weights, because the summary shows age and gender as charts only.
AGE_GROUP = {"Under 5": 14, "5-10": 46, "11-15": 48, "16-18": 16, "19-25": 6, "Not known": 8}
GENDER = {"Female": 36, "Male": 92, "Other": 1, "Prefer not to say": 2, "Not known": 7}
MAIN_SEN = {
    "ADD/ADHD": 22, "Autism": 7, "ASD": 27, "Behavioural (SEN)": 1, "Cognition and Learning": 3,
    "Communication and Interaction": 4, "Complex Needs": 2, "Developmental Delay": 6,
    "Dyslexia": 1, "Global Delay": 3, "Hearing Impairment": 3,
    "Language and Learning Difficulties": 1, "Medical - Brain Injury": 1,
    "Medical - Cerebral Palsy": 1, "Medical - Irlen Syndrome": 1, "Medical - Multiple": 4,
    "Medical - Spina Bifida": 1, "Medical - Other (not listed)": 4, "SALT - Delayed Speech": 5,
    "SEMH": 3, "SEMH - Anxiety": 8, "Sensory and / Physical": 2, "Tourette's / Tics": 1,
    "Unknown": 27,
}  # fmt: skip
ETHNICITY = {
    "African (Black) - Ghanaian": 2, "African (Black) - Nigerian": 3,
    "Black or Black British - Caribbean": 2, "Black or Black British - UK": 2,
    "Any Other Mixed Background": 7, "Mixed White / Black African": 2,
    "Mixed White / Black Caribbean": 4,
    "Mixed White / South Asian (Bangladeshi, Indian, Pakistani etc)": 5,
    "South Asian or Asian British - Bangladeshi": 6, "South Asian or Asian British - Indian": 3,
    "South Asian or Asian British - Pakistani": 31, "South Asian - Sri Lankan": 1,
    "Any Other Asian Background": 2, "White - British": 37, "White - Eastern European": 1,
    "White - Irish": 1, "White - Other": 1, "White - Polish": 2, "White - Romanian": 1,
    "Unknown/ Not stated": 22, "Preferred not to answer": 1, "Any other Ethnic Group": 2,
}  # fmt: skip
REFERRAL_SOURCE = {
    "Admissions (Local Authority)": 1, "CAMHS": 4, "Edwin Lobo": 7,
    "Family Partnership Service": 1, "Family Worker - School": 1, "Family Worker - External": 1,
    "Friend": 5, "Google": 6, "GP/Doctors Surgery": 1, "Known - not yet listed": 1,
    "LA/Council team not stated": 6, "More than one source": 1, "Other LA SENDIAS Services": 1,
    "Other Parents": 1, "SALT": 1, "School SENCO": 5, "School": 6, "SENAT": 4,
    "Service Leaflet": 1, "Social Media": 1, "Social Worker": 2, "Transition Team": 1,
    "Used Service Before": 62, "Not known": 18,
}  # fmt: skip
POSTAL_DISTRICT = {
    "Barnfield": 6, "Beech Hill": 4, "Biscot": 8, "Bramingham": 6, "Central": 5, "Challney": 11,
    "Crawley": 1, "Dallow": 2, "Farley": 7, "High Town": 5, "Icknield": 1, "Leagrave": 6,
    "Lewsey": 10, "Limbery": 1, "Northwell": 10, "Poets": 5, "Round Green": 5, "Saints": 3,
    "South": 3, "Stopsley": 10, "Sundon Park": 4, "Vauxhall": 5, "Wigmore": 9,
    "Out of Area i.e. Central Bedfordshire Council": 2, "Unknown/ not provided": 12,
}  # fmt: skip
INTERVENTION_LEVEL = {1: 46, 2: 33, 3: 15, 4: 6}
CONTACTS = {
    "Phone": 475, "Email": 277, "Virtual Meeting": 1, "Message": 17, "Office Visit": 14,
    "Report review": 1, "Text": 3, "Unspecified": 188,
}  # fmt: skip
"""Contacts over the 396 enquiries of the quarter, about 2.4 per enquiry."""
REASON_EHCP = {
    "Admissions": 6, "Annual Review Support": 6, "Attendance": 1, "Complaints school": 2,
    "EHCP appeal": 1, "EHCP content/placement": 9, "EHCP placement advice": 1,
    "EHCP requests/needs assessment": 4, "EHCP review": 6,
    "Emotional Based School Non Attendance": 5, "Exclusions": 1, "Health": 1,
    "Mediation support": 1, "Mental Wellbeing": 1, "Reduced timetable (part-time timetables)": 2,
    "Setting not following EHCP": 3, "Signposted to Health": 1, "Signposted to LA Services": 7,
    "Signposted to LA Services -Social Care": 1, "Signposted to PCF": 1,
    "Signposted to Support Groups": 3, "Social care": 1, "Transition": 6, "Transport": 7,
}  # fmt: skip
REASON_NO_EHCP = {
    "Admissions": 5, "Benefits Advice": 4, "Bullying": 1, "Complaints school": 1,
    "Disability discrimination": 1, "EHC needs assessment": 40, "EHCNA- refusal": 6,
    "EHCP co-ordination support": 4, "EHCP draft review/advice": 4, "EHCP placement advice": 1,
    "Emotional Based School Non Attendance": 9, "Exclusions": 2, "Health": 3,
    "Mediation support": 2, "Reduced timetable (part-time timetables)": 2, "SEN Support": 32,
    "Signposted to Health": 3, "Signposted to Support Groups": 7, "Social care": 2,
    "Transition": 5, "Transport": 2, "Tribunal Support- Advice EHCNA": 7,
    "Tribunal Support- Advice EHCP": 1,
}  # fmt: skip
ADVISORS = ("AB", "CD", "EF", "GH", "JK", "LM")
REDIRECTS_PER_QUARTER = {RedirectKind.SENAT: 41 * 5, RedirectKind.OUT_OF_AREA: 2 * 5}


class _Chooser:
    """Draw weighted choices quickly from a fixed table of weights."""

    def __init__(self, rng: random.Random, weights: dict) -> None:
        self._rng = rng
        self._values = list(weights)
        self._cumulative = []
        total = 0
        for weight in weights.values():
            total += weight
            self._cumulative.append(total)

    def __call__(self):
        return self._rng.choices(self._values, cum_weights=self._cumulative)[0]


def first_day(count: int) -> date:
    """Return the first date of the span that ``count`` enquiries cover at ``PER_QUARTER``."""
    quarters = max(1, -(-count // PER_QUARTER))
    year, quarter = LAST_DAY.year, 4
    for _ in range(quarters - 1):
        year, quarter = (year, quarter - 1) if quarter > 1 else (year - 1, 4)
    return date(year, 3 * quarter - 2, 1)


def synthetic_enquiries(count: int, *, seed: int = 2023) -> list[Enquiry]:
    """Return ``count`` enquiries spread evenly over whole quarters ending on ``LAST_DAY``."""
    rng = random.Random(seed)
    pick = {
        name: _Chooser(rng, weights)
        for name, weights in {
            "enquirer": ENQUIRER,
            "age_group": AGE_GROUP,
            "gender": GENDER,
            "main_sen": MAIN_SEN,
            "ethnicity": ETHNICITY,
            "referral_source": REFERRAL_SOURCE,
            "postal_district": POSTAL_DISTRICT,
            "intervention_level": INTERVENTION_LEVEL,
            "contact": CONTACTS,
            "reason_ehcp": REASON_EHCP,
            "reason_no_ehcp": REASON_NO_EHCP,
        }.items()
    }
    start = first_day(count)
    span_days = (LAST_DAY - start).days + 1
    enquiries = []
    for index in range(count):
        received = start + timedelta(days=index * span_days // count)
        enquiries.append(_one_enquiry(rng, pick, received))
    return enquiries


def _one_enquiry(rng: random.Random, pick: dict[str, _Chooser], received: date) -> Enquiry:
    contacts: dict[str, int] = {}
    for _ in range(1 + int(rng.expovariate(1 / 1.4))):
        method = pick["contact"]()
        contacts[method] = contacts.get(method, 0) + 1
    case_ref = f"C{rng.randrange(1, 40_000):05d}"

    if rng.random() >= NEW_SHARE:
        return Enquiry(
            date_received=received,
            enquiry_type=EnquiryType.EXISTING,
            case_ref=case_ref,
            advisor=rng.choice(ADVISORS),
            enquirer=pick["enquirer"](),
            contacts=contacts,
        )

    ehcp = rng.random() < EHCP_SHARE
    reason_pick = pick["reason_ehcp"] if ehcp else pick["reason_no_ehcp"]
    reasons = sorted({reason_pick() for _ in range(1 + (rng.random() < 0.25))})
    main_sen = pick["main_sen"]()
    no_advisor_needed = rng.random() < 0.05
    waited = rng.randrange(0, 11)
    first_contact = None
    if not no_advisor_needed and received + timedelta(days=waited) <= LAST_DAY:
        first_contact = received + timedelta(days=waited)

    return Enquiry(
        date_received=received,
        enquiry_type=EnquiryType.NEW,
        case_ref=case_ref,
        advisor=rng.choice(ADVISORS),
        enquirer=pick["enquirer"](),
        new_family=rng.random() < NEW_FAMILY_SHARE,
        age_group=pick["age_group"](),
        gender=pick["gender"](),
        ethnicity=pick["ethnicity"](),
        postal_district=pick["postal_district"](),
        main_sen=main_sen,
        additional_sen=_additional_sen(rng, pick["main_sen"], main_sen),
        referral_source=pick["referral_source"](),
        ehcp=ehcp,
        reasons=tuple(reasons),
        intervention_level=pick["intervention_level"](),
        contacts=contacts,
        first_advisor_contact=first_contact,
        no_advisor_needed=no_advisor_needed,
    )


def _additional_sen(rng: random.Random, pick_sen: _Chooser, main_sen: str) -> tuple[str, ...]:
    """Return no additional SEN four times in five, else one that differs from the main SEN."""
    if rng.random() >= 0.2:
        return ()
    other = pick_sen()
    while other == main_sen:
        other = pick_sen()
    return (other,)


def synthetic_redirects(count: int, *, seed: int = 2023) -> list[RedirectedCall]:
    """Return redirected-call entries, one a working week, over the span of ``count`` enquiries."""
    rng = random.Random(seed + 1)
    calls = []
    day = first_day(count)
    while day <= LAST_DAY:
        for kind, per_quarter in REDIRECTS_PER_QUARTER.items():
            weekly = per_quarter / 13
            calls.append(RedirectedCall(day, kind, max(1, round(rng.gauss(weekly, weekly / 4)))))
        day += timedelta(days=7)
    return calls

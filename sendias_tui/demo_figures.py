"""The 2023-Q3 figures that the demo records reproduce, in configured category names.

The figures come from Luton SENDIAS's published data summary for calendar
quarter 3 of 2023 (July to September). Where its tables contradict each
other, the figures here follow the ones that agree, as ``docs/demo-data.md``
explains: 138 new enquiries (71 in September) and 18 referral sources "Not
known". The summary shows age groups and genders only as charts, so those
counts are chosen here.
"""

from __future__ import annotations

from typing import NamedTuple

YEAR = 2023


class MonthFigures(NamedTuple):
    """The Table 1 and Table 5 figures of one month."""

    month: int
    new: int
    existing: int
    new_families: int
    no_advisor_needed: int
    """New enquiries settled without an advisor, so left out of waiting times."""
    wait_total: int
    """Sum of the waits in working days. Divided by the enquiries that spoke
    to an advisor, it gives the published average to one decimal place."""
    longest_wait: int
    """Longest wait in working days; the shortest is 0 in every month."""
    professionals: dict[str, int]
    """Enquiries (new and existing) from each professional enquirer category."""
    senat_calls: int
    out_of_area_calls: int


Q3_MONTHS = (
    # 47 spoke to an advisor: 282 / 47 = 6.0 days.
    MonthFigures(
        7, 51, 93, 16, 4, 282, 9,
        {"Professional (health)": 1, "Professional (education)": 5, "Professional (other)": 3},
        13, 1,
    ),
    # 15 spoke to an advisor: 80 / 15 = 5.33, shown as 5.3 days.
    MonthFigures(
        8, 16, 108, 6, 1, 80, 8,
        {"Professional (health)": 1, "Professional (social care)": 1},
        12, 0,
    ),
    # 66 spoke to an advisor: 323 / 66 = 4.89, shown as 4.9 days.
    MonthFigures(
        9, 71, 58, 26, 5, 323, 10,
        {"Professional (education)": 6, "Professional (other)": 1},
        16, 1,
    ),
)

AGE_GROUP = {"Under 5": 19, "5-10": 51, "11-15": 44, "16-18": 15, "19-25": 5, "Not known": 4}
GENDER = {"Female": 47, "Male": 86, "Other": 1, "Prefer not to say": 1, "Not known": 3}

MAIN_SEN = {
    "ADD/ADHD": 22,
    "Autism": 7,
    "ASD": 27,
    "Behavioural (SEN)": 1,
    "Cognition and Learning": 3,
    "Communication and Interaction": 4,
    "Complex Needs": 2,
    "Developmental Delay": 6,
    "Dyslexia": 1,
    "Global Delay": 3,
    "Hearing Impairment": 3,
    "Language and Learning Difficulties": 1,
    "Medical - Brain Injury": 1,
    "Medical - Cerebral Palsy": 1,
    "Medical - Irlen Syndrome": 1,
    "Medical - Multiple": 4,
    "Medical - Spina Bifida": 1,
    "Medical - Other (not listed)": 4,
    "SALT - Delayed Speech": 5,
    "SEMH": 3,
    "SEMH - Anxiety": 8,
    "Sensory and / Physical": 2,
    "Tourette's / Tics": 1,
    "Unknown": 27,
}

ETHNICITY = {
    "African (Black) - Ghanaian": 2,
    "African (Black) - Nigerian": 3,
    "Black or Black British - Caribbean": 2,
    "Black or Black British - UK": 2,
    "Any Other Mixed Background": 7,
    "Mixed White / Black African": 2,
    "Mixed White / Black Caribbean": 4,
    "Mixed White / South Asian (Bangladeshi, Indian, Pakistani etc)": 5,
    "South Asian or Asian British - Bangladeshi": 6,
    "South Asian or Asian British - Indian": 3,
    "South Asian or Asian British - Pakistani": 31,
    "South Asian - Sri Lankan": 1,
    "Any Other Asian Background": 2,
    "White - British": 37,
    "White - Eastern European": 1,
    "White - Irish": 1,
    "White - Other": 1,
    "White - Polish": 2,
    "White - Romanian": 1,
    "Unknown/ Not stated": 22,
    "Preferred not to answer": 1,
    "Any other Ethnic Group": 2,
}

USED_SERVICE_BEFORE = "Used Service Before"

REFERRAL_SOURCE = {
    "Admissions (Local Authority)": 1,
    "CAMHS": 4,
    "Edwin Lobo": 7,
    "Family Partnership Service": 1,
    "Family Worker - School": 1,
    "Family Worker - External": 1,
    "Friend": 5,
    "Google": 6,
    "GP/Doctors Surgery": 1,
    "Known - not yet listed": 1,
    "LA/Council team not stated": 6,
    "More than one source": 1,
    "Other LA SENDIAS Services": 1,
    "Other Parents": 1,
    "SALT": 1,
    "School SENCO": 5,
    "School": 6,
    "SENAT": 4,
    "Service Leaflet": 1,
    "Social Media": 1,
    "Social Worker": 2,
    "Transition Team": 1,
    USED_SERVICE_BEFORE: 62,
    "Not known": 18,
}

POSTAL_DISTRICT = {
    "Barnfield": 6,
    "Beech Hill": 4,
    "Biscot": 8,
    "Bramingham": 6,
    "Central": 5,
    "Challney": 11,
    "Crawley": 0,
    "Dallow": 2,
    "Farley": 7,
    "High Town": 5,
    "Icknield": 0,
    "Leagrave": 6,
    "Lewsey": 10,
    "Limbery": 0,
    "Northwell": 10,
    "Poets": 5,
    "Round Green": 5,
    "Saints": 3,
    "South": 3,
    "Stopsley": 10,
    "Sundon Park": 4,
    "Vauxhall": 5,
    "Wigmore": 9,
    "Out of Area i.e. Central Bedfordshire Council": 2,
    "Unknown/ not provided": 12,
}

INTERVENTION_LEVEL = {1: 64, 2: 45, 3: 21, 4: 8}
"""64, 45, 21 and 8 of 138 round to the published 46%, 33%, 15% and 6%."""

WITH_EHCP = 45
"""New enquiries with an EHC plan. Each gives one or more of the 77 Table 8
reasons and each of the other 93 gives one or more of the 144 Table 9 reasons."""

CONTACTS = {
    "Phone": 475,
    "Email": 277,
    "Attending Group Meeting": 0,
    "Virtual Meeting": 1,
    "Message": 17,
    "Office Visit": 14,
    "Professionals Meeting": 0,
    "Report review": 1,
    "Text": 3,
    "Telephone - No Answer": 0,
    "Unspecified": 188,
}
"""Contacts over every enquiry of the quarter, new and existing."""

REASON_EHCP = {
    "Admissions": 6,
    "Annual Review Support": 6,
    "Attendance": 1,
    "Complaints school": 2,
    "EHCP appeal": 1,
    "EHCP content/placement": 9,
    "EHCP placement advice": 1,
    "EHCP requests/needs assessment": 4,
    "EHCP review": 6,
    "Emotional Based School Non Attendance": 5,
    "Exclusions": 1,
    "Health": 1,
    "Mediation support": 1,
    "Mental Wellbeing": 1,
    "Reduced timetable (part-time timetables)": 2,
    "Setting not following EHCP": 3,
    "Signposted to Health": 1,
    "Signposted to LA Services": 7,
    "Signposted to LA Services -Social Care": 1,
    "Signposted to PCF": 1,
    "Signposted to Support Groups": 3,
    "Social care": 1,
    "Transition": 6,
    "Transport": 7,
}

REASON_NO_EHCP = {
    "Admissions": 5,
    "Benefits Advice": 4,
    "Bullying": 1,
    "Complaints school": 1,
    "Disability discrimination": 1,
    "EHC needs assessment": 40,
    "EHCNA- refusal": 6,
    "EHCP co-ordination support": 4,
    "EHCP draft review/advice": 4,
    "EHCP placement advice": 1,
    "Emotional Based School Non Attendance": 9,
    "Exclusions": 2,
    "Health": 3,
    "Mediation support": 2,
    "Reduced timetable (part-time timetables)": 2,
    "SEN Support": 32,
    "Signposted to Health": 3,
    "Signposted to Support Groups": 7,
    "Social care": 2,
    "Transition": 5,
    "Transport": 2,
    "Tribunal Support- Advice EHCNA": 7,
    "Tribunal Support- Advice EHCP": 1,
}

"""Parse the text a person types, in the form or in a CSV file, into values.

Each parser raises ``ValueError`` with a message that says what is allowed.
"""

from __future__ import annotations

import re
from datetime import date

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_UK = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")

DATE_HELP = "a date such as 14/07/2023 or 2023-07-14"
YES_NO_HELP = "yes or no"


def parse_date(text: str) -> date:
    """Parse a UK date ``14/07/2023`` or an ISO date ``2023-07-14``."""
    stripped = text.strip()
    iso = _ISO.match(stripped)
    uk = _UK.match(stripped)
    try:
        if iso:
            return date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
        if uk:
            return date(int(uk.group(3)), int(uk.group(2)), int(uk.group(1)))
    except ValueError:
        raise ValueError(f"'{stripped}' is not a real date: expected {DATE_HELP}") from None
    raise ValueError(f"'{stripped}' is not a date: expected {DATE_HELP}")


def parse_yes_no(text: str) -> bool:
    """Parse ``yes``/``no`` (also ``y``/``n``, any case)."""
    value = text.strip().casefold()
    if value in ("yes", "y"):
        return True
    if value in ("no", "n"):
        return False
    raise ValueError(f"'{text.strip()}' is not {YES_NO_HELP}")


def parse_count(text: str) -> int:
    """Parse a whole number of zero or more."""
    stripped = text.strip()
    # isdigit() alone also accepts characters such as "²", which int() rejects.
    if not (stripped.isascii() and stripped.isdigit()):
        raise ValueError(f"'{stripped}' is not a whole number of 0 or more")
    return int(stripped)


def split_names(text: str) -> list[str]:
    """Split ``a;b;c`` into names, dropping empty parts."""
    return [part.strip() for part in text.split(";") if part.strip()]


def parse_contacts(text: str) -> dict[str, int]:
    """Parse ``Phone:3;Email:2`` into counts per method name as typed."""
    contacts: dict[str, int] = {}
    for pair in split_names(text):
        method, separator, count = pair.rpartition(":")
        if not separator or not method.strip():
            raise ValueError(f"'{pair}' is not Method:count, for example Phone:3")
        contacts[method.strip()] = contacts.get(method.strip(), 0) + parse_count(count)
    return contacts

"""The published 2023 quarter 3 summary's tables, which the demo data must reproduce.

``tests/data/`` keeps a copy of the reference JSON so the acceptance tests
always run; ``test_reference_copy`` checks it still matches the original
where the original is beside the checkout.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

REFERENCE_NAME = "luton-sendias-2023-q3-tables.json"
REFERENCE_COPY = Path(__file__).parent / "data" / REFERENCE_NAME
REFERENCE_ORIGINAL = Path(__file__).parents[1].parent / "shared" / "reference" / REFERENCE_NAME


def reference_tables() -> dict[str, Any]:
    """Return the published tables as parsed JSON."""
    return json.loads(REFERENCE_COPY.read_text(encoding="utf-8"))

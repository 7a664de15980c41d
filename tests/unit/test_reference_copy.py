"""The copy of the published tables in tests/data matches the original."""

import pytest
from reference import REFERENCE_COPY, REFERENCE_ORIGINAL


def test_copy_matches_original():
    if not REFERENCE_ORIGINAL.exists():
        pytest.skip(f"the original is not beside this checkout at {REFERENCE_ORIGINAL}")
    assert REFERENCE_COPY.read_bytes() == REFERENCE_ORIGINAL.read_bytes()

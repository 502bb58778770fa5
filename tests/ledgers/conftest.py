import pytest

from tests.ledgers.rows import add_ledger_rows


@pytest.fixture
def ledger_city(plan_city):
    """The persona city with its plan (today 2025-07-15) and a few ledger rows (see rows.py)."""
    add_ledger_rows(plan_city)
    return plan_city

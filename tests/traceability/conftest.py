import dataclasses

import pytest

from kuulo.traceability import registry


@pytest.fixture
def across_services(monkeypatch):
    """The pair insight → item may link an insight of one service to an item of another, for this test (no app
    registers a pair across services yet)."""
    pair = dataclasses.replace(registry.pair("insight", "item"), same_service=False)
    monkeypatch.setitem(registry._pairs, pair.key, pair)
    return pair

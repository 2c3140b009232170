import pytest


@pytest.fixture(autouse=True)
def _small_demo(monkeypatch):
    """Every demo test loads the small slice of feedback; `make demo` loads the full set."""
    monkeypatch.setenv("KUULO_DEMO_SIZE", "small")

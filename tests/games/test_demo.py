"""The demo gives two units enough answers over two quarters for the heat map and the trend."""

from kuulo.games.demo import load_demo_games
from kuulo.games.results import unit_rounds
from tests.factories import ServiceFactory
from tests.games.pages import shipped_model


def test_the_demo_fills_two_units_over_two_rounds_and_runs_again(db):
    units = [ServiceFactory(unit__name_en=name).unit for name in ("Housing Support", "Customer Service")]
    load_demo_games()
    load_demo_games()
    for unit in units:
        rounds = unit_rounds(shipped_model(), unit)
        assert len(rounds) == 2
        assert all(not round_.hidden for round_ in rounds)

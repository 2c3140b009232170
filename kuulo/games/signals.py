"""Events of the games that other parts (badges, the celebrations feed) listen to."""

from django.dispatch import Signal

quiz_finished = Signal()  # attempt
badge_awarded = Signal()  # badge

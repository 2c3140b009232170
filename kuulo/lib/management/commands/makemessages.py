from django.core.management.commands import makemessages


class Command(makemessages.Command):
    """Django's makemessages without fuzzy guesses: a new string stays
    untranslated (and fails the catalogue check) instead of borrowing a
    neighbour's translation."""

    msgmerge_options = [*makemessages.Command.msgmerge_options, "--no-fuzzy-matching"]

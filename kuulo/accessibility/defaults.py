"""Kuulo's own accessibility statement for its own pages: shown until an organisation admin saves
the organisation's statement, and the starting text of the edit form. Written from how Kuulo is
built and checked (axe-core WCAG 2.1 A and AA scan of every page in fi, sv and en in the test suite)."""

from datetime import date

from django.utils.translation import gettext as _
from django.utils.translation import override

from kuulo.accessibility.models import Statement

LANGUAGES = ("fi", "sv", "en")
PREPARED_ON = date(2026, 12, 7)


def default_statement() -> Statement:
    """An unsaved statement with Kuulo's own texts in every language."""
    statement = Statement(compliance=Statement.Compliance.PARTIAL, prepared_on=PREPARED_ON, reviewed_on=PREPARED_ON)
    for code in LANGUAGES:
        with override(code):
            setattr(statement, f"non_accessible_{code}", _(
                "Charts are drawn as images with a text summary and a table of the same figures next to them; "
                "a chart alone does not carry information that the table lacks. "
                "Files imported from other survey tools and free-text comments written by customers may not "
                "meet the requirements: they are shown as they were written. "
                "PDF reports are tagged, but a screen reader may read complex tables in them less fluently "
                "than on the page."
            ))  # fmt: skip
            setattr(statement, f"assessment_{code}", _(
                "The statement is based on our own assessment. Every page of the service is checked automatically "
                "against the WCAG 2.1 level A and AA criteria with the axe-core tool in Finnish, Swedish and English "
                "whenever the service is changed, and the main tasks have been tried with the keyboard only and "
                "with a screen reader."
            ))  # fmt: skip
            setattr(statement, f"contact_{code}", _(
                "If you notice a gap in accessibility, tell us with the accessibility feedback form. "
                "We answer within 14 days."
            ))  # fmt: skip
            setattr(statement, f"enforcement_{code}", _(
                "If you notice accessibility problems, first give feedback to us. If you are not satisfied with "
                "our reply, or you get no reply within two weeks, you can report it to the supervising authority, "
                "the Finnish Permit and Supervision Agency. Its website explains how to report and how the matter "
                "is handled.\n"
                "Finnish Permit and Supervision Agency, accessibility monitoring\n"
                "www.saavutettavuusvaatimukset.fi"
            ))  # fmt: skip
    return statement


def current_statement() -> tuple[Statement, bool]:
    """The organisation's statement, or Kuulo's own; the second value says whether it is the organisation's."""
    saved = Statement.objects.first()
    return (saved, True) if saved else (default_statement(), False)

"""What came of a member's studies: the backlog items and "we did" entries that a study's
session evidence led to (filled in by the traceability registration in kinds.py)."""

from kuulo.panel.models import PanelMember


def outcomes_for_member(member: PanelMember) -> list:
    return []

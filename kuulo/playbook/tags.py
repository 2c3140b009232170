"""The fixed vocabularies of the playbook: the phases of the loop and the roles (DESIGN §1, §2).

Cards and role guides store these codes; the labels come from here, in the reader's language."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

PHASES = {
    "listen": pgettext_lazy("loop phase", "Listen"),
    "understand": pgettext_lazy("loop phase", "Understand"),
    "decide": pgettext_lazy("loop phase", "Decide"),
    "act": pgettext_lazy("loop phase", "Act"),
    "follow_up": pgettext_lazy("loop phase", "Follow up"),
    "culture": pgettext_lazy("loop phase", "Culture"),
}

ROLES = {
    "product_owner": _("Product owner"),
    "team_member": _("Development team member"),
    "management": _("Management team"),
    "staff": _("Any staff member"),
    "panel_manager": _("Panel manager"),
}


def phase_labels(codes: list[str]) -> list[str]:
    return [str(PHASES[code]) for code in codes if code in PHASES]


def role_labels(codes: list[str]) -> list[str]:
    return [str(ROLES[code]) for code in codes if code in ROLES]

"""What a method card produces in Kuulo, and where to start it.

A card names one of these keys; its "start" button asks which service (among those where the
reader has the role the target page asks for) and opens that page of the service. Only pages
that exist are listed: when Kuulo gains a page, it is one line here.
"""

from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from kuulo.organisation.models import Role


@dataclass(frozen=True)
class Artefact:
    label: Promise  # what the button says: "Start: <label>"
    url_name: str  # a page of a service, taking the service's pk
    role: Role  # the lowest role on the service that the target page lets in


ARTEFACTS = {
    "insight": Artefact(_("a new insight"), "insights:insight_create", Role.TEAM_MEMBER),
    "journey_map": Artefact(_("a new journey map"), "journeys:journey_create", Role.PRODUCT_OWNER),
    "effect_map": Artefact(_("a new effect map"), "effectmaps:map_create", Role.PRODUCT_OWNER),
    "panel_study": Artefact(_("a new panel study"), "panel:study_create", Role.TEAM_MEMBER),
    "survey": Artefact(_("a new survey"), "surveys:survey_create", Role.PRODUCT_OWNER),
    "dashboard": Artefact(_("the service dashboard"), "dashboards:service_dashboard", Role.VIEWER),
    "comments": Artefact(_("the service's comments"), "comments:comment_list", Role.VIEWER),
    "backlog": Artefact(_("the backlog"), "backlog:item_list", Role.VIEWER),
    "backlog_item": Artefact(_("a new backlog item"), "backlog:item_create", Role.TEAM_MEMBER),
    "experiment": Artefact(_("a new experiment"), "effects:experiment_create", Role.TEAM_MEMBER),
    "follow_up": Artefact(_("the weekly follow-up"), "board:follow_up", Role.VIEWER),
    "retro": Artefact(_("a new retrospective"), "board:retro_create", Role.TEAM_MEMBER),
    "we_did": Artefact(_("the “you said, we did” entries"), "effects:effect_list", Role.VIEWER),
    "praise": Artefact(_("the wall of praise"), "comments:praise_service", Role.VIEWER),
}


def artefact(key: str) -> Artefact | None:
    """The artefact `key` if its page exists in this Kuulo, else None (the card shows no button)."""
    found = ARTEFACTS.get(key)
    if found is None:
        return None
    try:
        reverse(found.url_name, args=[1])
    except NoReverseMatch:
        return None
    return found

"""Who may do what in the customer panel.

Members' personal data is for panel managers only: users with the panel.manage_panel permission
(the "Panel managers" group grants it) and organisation admins, who always have it. To anyone
else the member pages do not exist (404). Studies belong to a service and follow its roles
through kuulo.organisation.access.
"""

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404

from kuulo.organisation.access import get_service_for_user
from kuulo.organisation.models import Role
from kuulo.panel.models import PanelMember, Participation, Slot, Study

MANAGERS_GROUP = "Panel managers"


def managers_group():
    """The "Panel managers" group with its permission (migration 0002 makes it; a flushed test
    database or a deleted group gets it back here)."""
    from django.contrib.auth.models import Group, Permission

    group, _created = Group.objects.get_or_create(name=MANAGERS_GROUP)
    group.permissions.add(Permission.objects.get(content_type__app_label="panel", codename="manage_panel"))
    return group


def can_manage_panel(user) -> bool:
    if not user.is_authenticated or not user.is_active:
        return False
    return user.is_org_admin or user.has_perm("panel.manage_panel")


def panel_manager_required(view: Callable) -> Callable:
    @login_required
    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs):
        if not can_manage_panel(request.user):
            raise Http404("No such page.")
        return view(request, *args, **kwargs)

    return wrapper


def _pk(pk) -> int:
    if not str(pk).isdigit():
        raise Http404("No such object.")
    return int(pk)


def get_member_for_manager(request: HttpRequest, pk) -> PanelMember:
    if not can_manage_panel(request.user):
        raise Http404("No such member.")
    return get_object_or_404(PanelMember, pk=_pk(pk))


def get_study_for_user(request: HttpRequest, service_pk: int, pk, role: Role = Role.VIEWER) -> Study:
    service = get_service_for_user(request, service_pk, role=role)
    study = get_object_or_404(Study.objects.select_related("target_segment"), service=service, pk=_pk(pk))
    study.service = service
    return study


def get_slot_for_user(request: HttpRequest, service_pk: int, study_pk, pk, role: Role = Role.VIEWER) -> Slot:
    study = get_study_for_user(request, service_pk, study_pk, role=role)
    slot = get_object_or_404(Slot, study=study, pk=_pk(pk))
    slot.study = study
    return slot


def get_participation_for_user(
    request: HttpRequest, service_pk: int, study_pk, pk, role: Role = Role.TEAM_MEMBER
) -> Participation:
    study = get_study_for_user(request, service_pk, study_pk, role=role)
    participation = get_object_or_404(Participation.objects.select_related("member", "slot"), study=study, pk=_pk(pk))
    participation.study = study
    return participation

"""Studies of a service: the service's members read them, team members and up create and run
them; choosing whom to invite and seeing participants' names is for panel managers only."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q, Sum
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from kuulo.feedback.redaction import redact
from kuulo.lib.exports import csv_response
from kuulo.lib.views import render_form_page
from kuulo.organisation.access import get_service_for_user, roles_from
from kuulo.organisation.models import Role
from kuulo.panel import booking, rules
from kuulo.panel.access import can_manage_panel, get_participation_for_user, get_study_for_user
from kuulo.panel.forms import InviteForm, ParticipationForm, QuotaForm, RewardForm, SlotForm, StudyForm
from kuulo.panel.invitations import OverrideNotAllowed, invite
from kuulo.panel.models import ContactPolicy, Invitation, PanelMember, Participation, RewardEntry, Study


def _staff(service):
    return (
        get_user_model()
        .objects.filter(memberships__service=service, memberships__role__in=roles_from(Role.TEAM_MEMBER))
        .distinct()
        .order_by("last_name", "first_name", "username")
    )


@login_required
def study_list(request: HttpRequest, pk: int) -> HttpResponse:
    service = get_service_for_user(request, pk)
    studies = Study.objects.filter(service=service).annotate(
        taking_part=Count("participations", filter=~Q(participations__status=Participation.Status.CANCELLED))
    )
    return render(request, "panel/study_list.html", {"service": service, "studies": studies})


@login_required
def study_create(request: HttpRequest, pk: int) -> HttpResponse:
    service = get_service_for_user(request, pk, role=Role.TEAM_MEMBER)
    form = StudyForm(request.POST or None, staff=_staff(service), initial={"starts_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        study = form.save(commit=False)
        study.service = service
        study.save()
        form.save_m2m()
        messages.success(request, _("The study was created."))
        return redirect(study)
    return render_form_page(
        request,
        form,
        title=_("New study"),
        submit_label=_("Create study"),
        cancel_url=reverse("panel:study_list", args=[service.pk]),
    )


@login_required
def study_edit(request: HttpRequest, pk: int, study_pk) -> HttpResponse:
    study = get_study_for_user(request, pk, study_pk, role=Role.TEAM_MEMBER)
    form = StudyForm(request.POST or None, instance=study, staff=_staff(study.service))
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your changes were saved."))
        return redirect(study)
    return render_form_page(
        request, form, title=_("Edit study"), submit_label=_("Save"), cancel_url=study.get_absolute_url()
    )


@login_required
def study_detail(request: HttpRequest, pk: int, study_pk) -> HttpResponse:
    study = get_study_for_user(request, pk, study_pk)
    participations = study.participations.select_related("member", "slot").prefetch_related("rewards")
    quotas = []
    live = booking.live(study.participations.all())
    for quota in study.quotas.select_related("segment"):
        taken = (
            live
            if quota.segment_id is None
            else live.filter(
                Q(member__self_segments=quota.segment_id) | Q(member__staff_segments=quota.segment_id)
            ).distinct()
        )
        quotas.append({"quota": quota, "taken": taken.count()})
    rewards = RewardEntry.objects.filter(participation__study=study)
    given = rewards.filter(kind=RewardEntry.Kind.GIVEN).aggregate(total=Sum("amount"))["total"] or 0
    promised = rewards.filter(kind=RewardEntry.Kind.PROMISED).aggregate(total=Sum("amount"))["total"] or 0
    invitations = study.invitations.values("status").annotate(count=Count("pk")).order_by("status")
    context = {
        "study": study,
        "service": study.service,
        "manager": can_manage_panel(request.user),
        "participations": participations,
        "slots": study.slots.annotate(
            live=Count("bookings", filter=~Q(bookings__status=Participation.Status.CANCELLED))
        ),
        "quotas": quotas,
        "given": given,
        "promised": promised,
        "over_budget": given > study.budget,
        "invitation_counts": [
            {"status": Invitation.Status(row["status"]).label, "count": row["count"]} for row in invitations
        ],
    }
    return render(request, "panel/study_detail.html", context)


@login_required
def slot_create(request: HttpRequest, pk: int, study_pk) -> HttpResponse:
    study = get_study_for_user(request, pk, study_pk, role=Role.TEAM_MEMBER)
    form = SlotForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        slot = form.save(commit=False)
        slot.study = study
        slot.save()
        messages.success(request, _("The time slot was added."))
        return redirect(study)
    return render_form_page(
        request, form, title=_("New time slot"), submit_label=_("Add time slot"), cancel_url=study.get_absolute_url()
    )


@login_required
def quota_create(request: HttpRequest, pk: int, study_pk) -> HttpResponse:
    study = get_study_for_user(request, pk, study_pk, role=Role.TEAM_MEMBER)
    form = QuotaForm(request.POST or None, study=study)
    if request.method == "POST" and form.is_valid():
        quota = form.save(commit=False)
        quota.study = study
        quota.save()
        booking.close_when_full(study)
        messages.success(request, _("The quota was added."))
        return redirect(study)
    return render_form_page(
        request, form, title=_("New quota"), submit_label=_("Add quota"), cancel_url=study.get_absolute_url()
    )


def candidates(study: Study):
    members = PanelMember.objects.filter(status=PanelMember.Status.ACTIVE).exclude(invitations__study=study)
    if study.target_segment_id:
        members = members.filter(
            Q(self_segments=study.target_segment_id) | Q(staff_segments=study.target_segment_id)
        ).distinct()
    return members.order_by("name", "pk")


@login_required
def study_invite(request: HttpRequest, pk: int, study_pk) -> HttpResponse:
    """Choosing members to invite shows their names: panel managers only."""
    study = get_study_for_user(request, pk, study_pk, role=Role.TEAM_MEMBER)
    if not can_manage_panel(request.user):
        raise Http404("No such page.")
    members = candidates(study)
    form = InviteForm(request.POST or None, candidates=members)
    outcome = None
    if request.method == "POST" and form.is_valid():
        try:
            outcome = invite(study, form.cleaned_data["members"], request.user, form.cleaned_data["override_reason"])
        except OverrideNotAllowed:  # can_manage_panel is checked above; kept for the domain rule
            raise Http404("No such page.") from None
        form = InviteForm(candidates=candidates(study))
        members = candidates(study)
    policy = ContactPolicy.current()
    rows = [(member, rules.refusal(member, policy)) for member in members[:500]]
    context = {"study": study, "service": study.service, "form": form, "rows": rows, "outcome": outcome}
    return render(request, "panel/study_invite.html", context, status=422 if form.errors else 200)


@login_required
def participation_edit(request: HttpRequest, pk: int, study_pk, participation_pk) -> HttpResponse:
    """Recording what happened (attended, no-show, cancelled), redacted notes and rewards."""
    participation = get_participation_for_user(request, pk, study_pk, participation_pk, role=Role.TEAM_MEMBER)
    study = participation.study
    form = ParticipationForm(request.POST or None, instance=participation, prefix="p")
    reward_form = RewardForm(
        request.POST or None,
        prefix="r",
        initial={"kind": RewardEntry.Kind.GIVEN, "reward": study.reward, "amount": study.reward_value},
    )
    if request.method == "POST":
        if "r-kind" in request.POST:
            if reward_form.is_valid():
                entry = reward_form.save(commit=False)
                entry.participation = participation
                entry.note = redact(entry.note)
                entry.created_by = request.user
                entry.save()
                messages.success(request, _("The reward was recorded."))
                return redirect(study)
        elif form.is_valid():
            recorded = form.save(commit=False)
            recorded.notes = redact(recorded.notes)
            recorded.recorded_at = timezone.now()
            recorded.recorded_by = request.user
            recorded.save()
            messages.success(request, _("Your changes were saved."))
            return redirect(study)
    context = {
        "participation": participation,
        "study": study,
        "service": study.service,
        "manager": can_manage_panel(request.user),
        "form": form,
        "reward_form": reward_form,
        "rewards": participation.rewards.all(),
    }
    errors = form.errors or reward_form.errors
    return render(request, "panel/participation_edit.html", context, status=422 if errors else 200)


@require_GET
@login_required
def rewards_csv(request: HttpRequest, pk: int, study_pk) -> HttpResponse:
    """The rewards ledger of a study for the finance office. Names only for panel managers."""
    study = get_study_for_user(request, pk, study_pk, role=Role.TEAM_MEMBER)
    manager = can_manage_panel(request.user)
    entries = RewardEntry.objects.filter(participation__study=study).select_related("participation__member")
    header = [_("Date"), _("Study"), _("Participant"), _("Entry"), _("Reward"), _("Value (€)"), _("Note")]
    rows = [
        [
            timezone.localtime(entry.created_at).date().isoformat(),
            study.title,
            str(entry.participation.member) if manager else f"#{entry.participation_id}",
            entry.get_kind_display(),
            entry.get_reward_display(),
            str(entry.amount),
            entry.note,
        ]
        for entry in entries
    ]
    return csv_response(f"rewards-study-{study.pk}.csv", header, rows)

"""The consensus of a round: the spread of the assessors' scores, the agreed score, strengths
and areas for improvement, and turning an area into a backlog item or a plan goal."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kuulo.backlog.actions import create_item
from kuulo.lib.exports import csv_response
from kuulo.plans.models import Goal
from kuulo.selfassessment.access import ASSESS, MANAGE, get_round_for_user
from kuulo.selfassessment.forms import ConsensusForm, ToBacklogForm, ToGoalForm
from kuulo.selfassessment.models import Consensus, Improvement, Round, Subcriterion
from kuulo.selfassessment.results import round_results


def _page(request, round_, bound=None, status=200) -> HttpResponse:
    results = round_results(round_, with_scores=round_.scores_open) if round_.scores_open else []
    for result in results:
        for line in result.lines:
            if bound and bound[0] == line.subcriterion.pk:
                line.form = bound[1]
            else:
                consensus = line.consensus
                line.form = ConsensusForm(
                    panel=result.criterion.panel,
                    initial={"value": consensus.value, "strengths": consensus.strengths} if consensus else {},
                    prefix=f"s{line.subcriterion.pk}",
                )
    return render(
        request,
        "selfassessment/round_consensus.html",
        {
            "round": round_,
            "results": results,
            "backlog_form": ToBacklogForm(unit=round_.unit),
            "goal_form": ToGoalForm(unit=round_.unit),
            "can_agree": round_.status == Round.Status.CONSENSUS,
        },
        status=status,
    )


@login_required
def round_consensus(request: HttpRequest, pk: int) -> HttpResponse:
    return _page(request, get_round_for_user(request, pk, ASSESS))


@require_POST
@login_required
def consensus_save(request: HttpRequest, pk: int, sub_pk: int) -> HttpResponse:
    round_ = get_round_for_user(request, pk, ASSESS)
    sub = get_object_or_404(
        Subcriterion.objects.select_related("criterion__panel"), criterion__framework=round_.framework, pk=sub_pk
    )
    if round_.status != Round.Status.CONSENSUS:
        messages.error(request, _("Agreed scores can be changed only while the consensus is open."))
        return redirect("selfassessment:round_detail", round_.pk)
    form = ConsensusForm(request.POST, panel=sub.criterion.panel, prefix=f"s{sub.pk}")
    if not form.is_valid():
        return _page(request, round_, bound=(sub.pk, form), status=400)
    Consensus.objects.update_or_create(
        round=round_,
        subcriterion=sub,
        defaults={
            "value": form.cleaned_data["value"],
            "strengths": form.cleaned_data["strengths"],
            "updated_by": request.user,
        },
    )
    if form.cleaned_data["improvement"].strip():
        Improvement.objects.create(
            round=round_, subcriterion=sub, text=form.cleaned_data["improvement"].strip(), created_by=request.user
        )
    messages.success(request, _("Saved: %(code)s.") % {"code": sub.code})
    return redirect(reverse("selfassessment:round_consensus", args=[round_.pk]) + f"#sub-{sub.pk}")


def _improvement(request, pk, improvement_pk) -> tuple[Round, Improvement]:
    round_ = get_round_for_user(request, pk, ASSESS)
    improvement = get_object_or_404(
        Improvement.objects.select_related("subcriterion__criterion"), round=round_, pk=improvement_pk
    )
    return round_, improvement


def _back(round_) -> HttpResponse:
    return redirect(reverse("selfassessment:round_consensus", args=[round_.pk]) + "#improvements")


@require_POST
@login_required
def improvement_to_backlog(request: HttpRequest, pk: int, improvement_pk: int) -> HttpResponse:
    """The area for improvement as a new item on the backlog of a service of the round's unit,
    for its product owner to rank; the area keeps the link."""
    round_, improvement = _improvement(request, pk, improvement_pk)
    if improvement.backlog_item_id:
        messages.info(request, _("This area for improvement is on a backlog already."))
        return _back(round_)
    form = ToBacklogForm(request.POST, unit=round_.unit)
    if not form.is_valid():
        messages.error(request, _("Choose a service of the unit."))
        return _back(round_)
    sub = improvement.subcriterion
    item = create_item(
        form.cleaned_data["service"],
        request.user,
        title=improvement.text.splitlines()[0][:200],
        description=_(
            "An area for improvement found in the self-assessment “%(round)s”, %(code)s %(name)s:\n\n%(text)s"
        )
        % {"round": round_.title, "code": sub.code, "name": sub.name, "text": improvement.text},
    )
    improvement.backlog_item = item
    improvement.save(update_fields=["backlog_item"])
    messages.success(request, _("The area for improvement is now on the backlog of the service."))
    return _back(round_)


@require_POST
@login_required
def improvement_to_goal(request: HttpRequest, pk: int, improvement_pk: int) -> HttpResponse:
    round_, improvement = _improvement(request, pk, improvement_pk)
    if improvement.goal_id:
        messages.info(request, _("This area for improvement is a plan goal already."))
        return _back(round_)
    form = ToGoalForm(request.POST, unit=round_.unit)
    if not form.is_valid():
        messages.error(request, _("Choose a plan of the unit."))
        return _back(round_)
    improvement.goal = Goal.objects.create(plan=form.cleaned_data["plan"], text=improvement.text)
    improvement.save(update_fields=["goal"])
    messages.success(request, _("The area for improvement is now a goal of the plan."))
    return _back(round_)


@require_POST
@login_required
def round_start_consensus(request: HttpRequest, pk: int) -> HttpResponse:
    round_ = get_round_for_user(request, pk, MANAGE)
    if round_.status == Round.Status.SCORING:
        round_.status = Round.Status.CONSENSUS
        round_.save(update_fields=["status"])
        messages.success(request, _("The consensus has started: the assessors now see one another's scores."))
    return redirect("selfassessment:round_consensus", round_.pk)


@require_POST
@login_required
def round_close(request: HttpRequest, pk: int) -> HttpResponse:
    round_ = get_round_for_user(request, pk, MANAGE)
    if round_.status == Round.Status.CONSENSUS:
        round_.status = Round.Status.CLOSED
        round_.save(update_fields=["status"])
        messages.success(request, _("The round was closed; its results are final."))
    return redirect("selfassessment:round_results", round_.pk)


@login_required
def consensus_csv(request: HttpRequest, pk: int) -> HttpResponse:
    """The agreed scores of a round, one subcriterion a row, with the spread as figures only."""
    round_ = get_round_for_user(request, pk)
    if round_.status == Round.Status.SCORING:
        raise Http404("No agreed scores before the consensus.")
    header = [
        _("Criterion"),
        _("Subcriterion"),
        _("Text"),
        _("Agreed score"),
        _("Band"),
        _("Lowest own score"),
        _("Highest own score"),
        _("Mean of own scores"),
        _("Strengths"),
        _("Areas for improvement"),
    ]
    rows = [
        [
            f"{result.criterion.code} {result.criterion.name}",
            line.subcriterion.code,
            line.subcriterion.name,
            "" if line.agreed is None else line.agreed,
            line.band.label if line.band else "",
            "" if line.low is None else line.low,
            "" if line.high is None else line.high,
            "" if line.mean is None else line.mean,
            line.consensus.strengths if line.consensus else "",
            "\n".join(improvement.text for improvement in line.improvements),
        ]
        for result in round_results(round_)
        for line in result.lines
    ]
    return csv_response(f"self-assessment-{round_.pk}.csv", header, rows)

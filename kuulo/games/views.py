"""The maturity self-assessment: the games' front page, answering, and a unit's results."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kuulo.games import actions
from kuulo.games.access import get_model, get_unit_for_user, units_of
from kuulo.games.cards import card_url
from kuulo.games.forms import AssessmentForm, SuggestionItemForm
from kuulo.games.models import Assessment, MaturityModel, Suggestion
from kuulo.games.observed import observe
from kuulo.games.results import MIN_RESPONDENTS, latest_shown, period_of, trend_chart, unit_rounds, weakest_dimension
from kuulo.organisation.access import services_with_role
from kuulo.organisation.models import Role


@login_required
def home(request: HttpRequest) -> HttpResponse:
    models = MaturityModel.objects.filter(active=True)
    mine = Assessment.objects.filter(user=request.user).select_related("model", "unit")[:10]
    context = {"models": models, "units": units_of(request.user), "mine": mine}
    context.update(home_extras(request))
    return render(request, "games/home.html", context)


def home_extras(request: HttpRequest) -> dict:
    """What the other parts of the games add to the front page (quizzes, badges)."""
    from kuulo.games.quiz_views import quiz_list

    return {"quizzes": quiz_list(request.user)}


@login_required
def assess(request: HttpRequest, slug: str) -> HttpResponse:
    model = get_model(slug, active_only=True)
    units = units_of(request.user)
    initial = {}
    earlier = (
        Assessment.objects.filter(model=model, user=request.user, period=period_of(timezone.now()))
        .prefetch_related("answers")
        .first()
    )
    if earlier:
        initial = {"unit": earlier.unit_id} | {f"dimension_{a.dimension_id}": a.level for a in earlier.answers.all()}
    form = AssessmentForm(request.POST or None, model=model, units=units, initial=initial)
    if request.method == "POST" and form.is_valid():
        unit = form.cleaned_data["unit"]
        actions.record_assessment(model, request.user, unit, form.levels())
        messages.success(request, _("Thank you. Your answer was saved."))
        return redirect("games:unit_results", slug=model.slug, pk=unit.pk)
    context = {"model": model, "form": form, "has_units": units.exists(), "earlier": earlier}
    return render(request, "games/assess.html", context, status=422 if form.errors else 200)


@login_required
def unit_results(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    model = get_model(slug)
    unit = get_unit_for_user(request, pk)
    dimensions = list(model.dimensions.prefetch_related("suggestions"))
    rounds = unit_rounds(model, unit)
    latest = latest_shown(rounds)
    weakest = weakest_dimension(model, latest)
    observations = observe(unit, [d.code for d in dimensions])
    rows = []
    for dimension in dimensions:
        believed = latest.dimensions[dimension.pk] if latest else None
        observed = observations.get(dimension.code)
        rows.append(
            {
                "dimension": dimension,
                "cells": [(round_, round_.dimensions[dimension.pk]) for round_ in rounds],
                "self": believed,
                "observed": observed,
                # half a level or more above what the unit does in Kuulo
                "believed_higher": bool(
                    believed
                    and not believed.suppressed
                    and observed
                    and observed.level
                    and believed.value >= observed.level + 0.5
                ),
            }
        )
    suggestions = []
    if weakest:
        for suggestion in weakest.suggestions.all():
            suggestion.url = card_url(suggestion.card_slug)
            suggestions.append(suggestion)
    own_services = services_with_role(request.user, Role.PRODUCT_OWNER).filter(unit=unit)
    context = {
        "model": model,
        "unit": unit,
        "rounds": rounds,
        "rows": rows,
        "latest": latest,
        "weakest": weakest,
        "reading": [s for s in suggestions if s.kind == Suggestion.Kind.READ],
        "todo": [s for s in suggestions if s.kind == Suggestion.Kind.ACT],
        "item_form": SuggestionItemForm(services=own_services) if own_services.exists() else None,
        "chart": trend_chart(model, rounds) if any(not r.hidden for r in rounds) else None,
        "level_names": list(model.levels.all()),
        "min_respondents": MIN_RESPONDENTS,
    }
    return render(request, "games/unit_results.html", context)


@require_POST
@login_required
def suggestion_to_backlog(request: HttpRequest, slug: str, pk: int, suggestion_pk: int) -> HttpResponse:
    """One click: the suggested action becomes an idea on the backlog of a service of the unit."""
    model = get_model(slug)
    unit = get_unit_for_user(request, pk)
    suggestion = get_object_or_404(
        Suggestion.objects.select_related("dimension"),
        pk=suggestion_pk,
        dimension__model=model,
        kind=Suggestion.Kind.ACT,
    )
    services = services_with_role(request.user, Role.PRODUCT_OWNER).filter(unit=unit)
    if not services.exists():
        raise PermissionDenied
    form = SuggestionItemForm(request.POST, services=services)
    if not form.is_valid():
        messages.error(request, _("Choose one of your services."))
        return redirect("games:unit_results", slug=model.slug, pk=unit.pk)
    item = actions.item_from_suggestion(suggestion, form.cleaned_data["service"], request.user)
    messages.success(request, _("“%(title)s” was added to the backlog.") % {"title": item.title})
    return redirect("games:unit_results", slug=model.slug, pk=unit.pk)

"""A person's badges, their own preferences, and the opt-in leaderboard of units."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Sum
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kuulo.games.badges import rule_of
from kuulo.games.forms import PreferenceForm
from kuulo.games.models import Badge, Preference, Quiz
from kuulo.organisation.models import Unit


def described(badges) -> list[Badge]:
    titles = {quiz.slug: quiz.title for quiz in Quiz.objects.all()}
    shown = []
    for badge in badges:
        rule = rule_of(badge.code)
        if rule is None:  # the app that registered it is gone
            continue
        badge.rule = rule
        badge.detail = titles.get(badge.key, "") if badge.code == "quiz-passed" else ""
        shown.append(badge)
    return shown


@login_required
def profile(request: HttpRequest, pk: int) -> HttpResponse:
    person = get_object_or_404(get_user_model(), pk=pk, is_active=True)
    badges = described(Badge.objects.filter(user=person))
    own = person == request.user
    context = {
        "person": person,
        "badges": badges,
        "points": sum(badge.points for badge in badges),
        "own": own,
        "form": PreferenceForm(instance=Preference.objects.filter(user=person).first()) if own else None,
    }
    return render(request, "games/profile.html", context)


@login_required
def my_profile(request: HttpRequest) -> HttpResponse:
    return redirect("games:profile", pk=request.user.pk)


@require_POST
@login_required
def preferences(request: HttpRequest) -> HttpResponse:
    preference, _created = Preference.objects.get_or_create(user=request.user)
    form = PreferenceForm(request.POST, instance=preference)
    if form.is_valid():
        form.save()
        messages.success(request, _("Your choices were saved."))
    return redirect("games:profile", pk=request.user.pk)


@login_required
def leaderboard(request: HttpRequest) -> HttpResponse:
    """Points of the people who chose to count them for their unit; people ranked only if they chose so."""
    counted = Badge.objects.filter(user__games_preference__team_leaderboard=True, unit__isnull=False)
    rows = (
        counted.values("unit").annotate(points=Sum("points"), people=Count("user", distinct=True)).order_by("-points")
    )
    units = Unit.objects.in_bulk([row["unit"] for row in rows])
    teams = [{"unit": units[row["unit"]], "points": row["points"], "people": row["people"]} for row in rows]
    ranked = (
        Badge.objects.filter(user__games_preference__individual_ranking=True)
        .values("user")
        .annotate(points=Sum("points"), count=Count("pk"))
        .order_by("-points")[:20]
    )
    people = get_user_model().objects.in_bulk([row["user"] for row in ranked])
    individuals = [{"person": people[row["user"]], "points": row["points"], "count": row["count"]} for row in ranked]
    return render(request, "games/leaderboard.html", {"teams": teams, "individuals": individuals})

"""Pages of self-assessment: the frameworks, the rounds and what each person may see of them
(kuulo.selfassessment.access decides)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from kuulo.organisation.access import org_admin_required
from kuulo.selfassessment import figures
from kuulo.selfassessment import results as figures_of
from kuulo.selfassessment.access import ASSESS, MANAGE, get_round_for_user, visible_rounds
from kuulo.selfassessment.forms import ImportForm, RoundForm, ScoreSheet
from kuulo.selfassessment.importing import FrameworkFileError, import_framework
from kuulo.selfassessment.models import Framework, Round, Score
from kuulo.selfassessment.results import criteria_of


@login_required
def index(request: HttpRequest) -> HttpResponse:
    rounds = visible_rounds(request.user)
    return render(
        request,
        "selfassessment/index.html",
        {
            "rounds": rounds,
            "frameworks": Framework.objects.all(),
            "assessing": set(request.user.assessment_rounds.values_list("pk", flat=True)),
        },
    )


@login_required
def framework_detail(request: HttpRequest, pk: int) -> HttpResponse:
    framework = get_object_or_404(Framework, pk=pk)
    panels = list(framework.panels.prefetch_related("bands"))
    return render(
        request,
        "selfassessment/framework_detail.html",
        {"framework": framework, "panels": panels, "criteria": criteria_of(framework)},
    )


@org_admin_required
def framework_import(request: HttpRequest) -> HttpResponse:
    form = ImportForm(request.POST or None, request.FILES or None)
    problems = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            framework = import_framework(upload.name, upload.read(), request.user)
        except FrameworkFileError as error:
            problems = error.problems
        else:
            messages.success(request, _("The framework was imported."))
            return redirect(framework)
    status = 400 if request.method == "POST" else 200
    return render(request, "selfassessment/framework_import.html", {"form": form, "problems": problems}, status=status)


@org_admin_required
def round_create(request: HttpRequest) -> HttpResponse:
    form = RoundForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        round_ = form.save(commit=False)
        round_.created_by = request.user
        round_.save()
        form.save_m2m()
        messages.success(request, _("The round was created. The assessors can now score it."))
        return redirect(round_)
    return render(
        request,
        "form_page.html",
        {
            "form": form,
            "title": _("New assessment round"),
            "submit_label": _("Create the round"),
            "cancel_url": reverse("selfassessment:index"),
        },
    )


@login_required
def round_edit(request: HttpRequest, pk: int) -> HttpResponse:
    round_ = get_round_for_user(request, pk, MANAGE)
    form = RoundForm(request.POST or None, instance=round_)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your changes were saved."))
        return redirect(round_)
    return render(
        request,
        "form_page.html",
        {
            "form": form,
            "title": _("Edit the round"),
            "submit_label": _("Save"),
            "cancel_url": round_.get_absolute_url(),
        },
    )


@login_required
def round_detail(request: HttpRequest, pk: int) -> HttpResponse:
    round_ = get_round_for_user(request, pk)
    total = sum(len(criterion.subcriterion_list) for criterion in criteria_of(round_.framework))
    progress = []
    if round_.can_assess:
        for assessor in round_.assessors.order_by("username"):
            done = Score.objects.filter(round=round_, assessor=assessor, value__isnull=False).count()
            progress.append({"assessor": assessor, "done": done})
    return render(request, "selfassessment/round_detail.html", {"round": round_, "total": total, "progress": progress})


@login_required
def round_score(request: HttpRequest, pk: int) -> HttpResponse:
    round_ = get_round_for_user(request, pk, ASSESS)
    if not round_.is_assessor:
        raise Http404("Only the assessors score a round.")
    if round_.status != Round.Status.SCORING:
        messages.info(request, _("Scoring has ended; the scores are now worked on together."))
        return redirect("selfassessment:round_consensus", round_.pk)
    criteria = criteria_of(round_.framework)
    mine = {score.subcriterion_id: score for score in Score.objects.filter(round=round_, assessor=request.user)}
    form = ScoreSheet(request.POST or None, criteria=criteria, scores=mine)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            for sub_pk, value, evidence, notes in form.entries():
                Score.objects.update_or_create(
                    round=round_,
                    subcriterion_id=sub_pk,
                    assessor=request.user,
                    defaults={"value": value, "evidence": evidence, "notes": notes},
                )
        messages.success(request, _("Your scores were saved."))
        return redirect("selfassessment:round_score", round_.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "selfassessment/round_score.html", {"round": round_, "form": form}, status=status)


@login_required
def round_results(request: HttpRequest, pk: int) -> HttpResponse:
    round_ = get_round_for_user(request, pk)
    context = {"round": round_}
    if round_.status != Round.Status.SCORING:
        results = figures_of.round_results(round_, with_scores=False)
        history = [
            (earlier, figures_of.round_results(earlier, with_scores=False))
            for earlier in figures_of.earlier_rounds(round_)
        ]
        context.update(
            results=results,
            radar=figures.radar(_("Agreed scores by criterion"), list(reversed(history))),
            trend=figures.trend(history) if len(history) > 1 else None,
        )
    return render(request, "selfassessment/round_results.html", context)

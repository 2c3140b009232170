"""Editing a draft version: texts, languages and questions; preview and publish.

A published or closed version answers 409 to every change and stays as it was.
Moving and removing questions work as plain forms and, with htmx, swap the
question list in place and keep the keyboard focus on the moved question.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.decorators.vary import vary_on_headers

from kuulo.lib.translated import active_language
from kuulo.organisation.models import Organisation, Role
from kuulo.surveys import actions
from kuulo.surveys.access import get_question_for_user, get_version_for_user
from kuulo.surveys.forms import AddMetricForm, OpenQuestionForm, VersionForm
from kuulo.surveys.models import Question, SurveyVersion


def editor_url(version: SurveyVersion, anchor: str) -> str:
    return f"{reverse('surveys:version_edit', args=[version.pk])}#{anchor}"


def questions_of(version: SurveyVersion) -> list[Question]:
    """The questions in order, worded in the staff member's language with the service's name filled in."""
    language = active_language()
    names = {"service": version.survey.service.name, "organisation": Organisation.current().name}
    questions = list(version.questions.select_related("metric").order_by("position", "pk"))
    for question in questions:
        question.display_text = question.open_text(language)
        question.display_question = question.metric.question(language, **names) if question.metric else ""
    return questions


def render_locked(request: HttpRequest, version: SurveyVersion) -> HttpResponse:
    """409: a published or closed version cannot change; a new version can."""
    return render(request, "surveys/version_locked.html", {"version": version, "survey": version.survey}, status=409)


def render_editor(request: HttpRequest, version: SurveyVersion, **forms) -> HttpResponse:
    context = {
        "version": version,
        "survey": version.survey,
        "questions": questions_of(version),
        "form": forms.get("form") or VersionForm(instance=version),
        "metric_form": forms.get("metric_form") or AddMetricForm(version=version),
        "open_form": forms.get("open_form") or OpenQuestionForm(version=version),
        "problems": forms.get("problems") or [],
    }
    failed = any(form.errors for form in forms.values() if hasattr(form, "errors")) or context["problems"]
    return render(request, "surveys/version_edit.html", context, status=422 if failed else 200)


@login_required
def version_edit(request: HttpRequest, pk: int) -> HttpResponse:
    version = get_version_for_user(request, pk, role=Role.PRODUCT_OWNER)
    if not version.is_editable:
        return render_locked(request, version)
    if request.method != "POST":
        return render_editor(request, version)
    form = VersionForm(request.POST, instance=version)
    if not form.is_valid():
        return render_editor(request, version, form=form)
    form.save()
    messages.success(request, _("Your changes were saved."))
    return redirect("surveys:version_edit", pk=version.pk)


@require_POST
@login_required
def question_add_metric(request: HttpRequest, pk: int) -> HttpResponse:
    version = get_version_for_user(request, pk, role=Role.PRODUCT_OWNER)
    if not version.is_editable:
        return render_locked(request, version)
    form = AddMetricForm(request.POST, version=version)
    if not form.is_valid():
        return render_editor(request, version, metric_form=form)
    question = actions.add_metric_question(version, form.cleaned_data["metric"])
    messages.success(request, _("“%(metric)s” was added.") % {"metric": question.metric.name})
    return redirect(editor_url(version, f"question-{question.pk}"))


@require_POST
@login_required
def question_add_open(request: HttpRequest, pk: int) -> HttpResponse:
    version = get_version_for_user(request, pk, role=Role.PRODUCT_OWNER)
    if not version.is_editable:
        return render_locked(request, version)
    form = OpenQuestionForm(request.POST, version=version)
    if not form.is_valid():
        return render_editor(request, version, open_form=form)
    data = form.cleaned_data
    question = actions.add_open_question(version, **{name: data[name] for name in OpenQuestionForm.Meta.fields})
    messages.success(request, _("The open question was added."))
    return redirect(editor_url(version, f"question-{question.pk}"))


@require_POST
@login_required
@vary_on_headers("HX-Request")
def question_move(request: HttpRequest, pk: int) -> HttpResponse:
    question = get_question_for_user(request, pk)
    version = question.version
    if not version.is_editable:
        return render_locked(request, version)
    step = {"up": -1, "down": 1}.get(request.POST.get("direction", ""))
    if step is None:
        return HttpResponse(_("Say up or down."), status=400, content_type="text/plain; charset=utf-8")
    actions.move_question(question, step)
    questions = questions_of(version)
    position = next(index for index, other in enumerate(questions, start=1) if other.pk == question.pk)
    status = _("Moved to place %(position)s of %(count)s.") % {"position": position, "count": len(questions)}
    return questions_response(request, version, questions, status=status, focus=(question.pk, step))


@require_POST
@login_required
@vary_on_headers("HX-Request")
def question_remove(request: HttpRequest, pk: int) -> HttpResponse:
    question = get_question_for_user(request, pk)
    version = question.version
    if not version.is_editable:
        return render_locked(request, version)
    actions.remove_question(question)
    return questions_response(request, version, questions_of(version), status=_("The question was removed."))


def questions_response(request, version, questions, *, status: str, focus=None) -> HttpResponse:
    """With htmx the refreshed list and a status message; without, back to the editor."""
    if not request.htmx:
        messages.success(request, status)
        anchor = f"question-{focus[0]}" if focus else "questions"
        return redirect(editor_url(version, anchor))
    context = {"version": version, "questions": questions, "status": status, "focus": focus}
    return render(request, "surveys/_questions.html", context)


@require_POST
@login_required
def version_publish(request: HttpRequest, pk: int) -> HttpResponse:
    version = get_version_for_user(request, pk, role=Role.PRODUCT_OWNER)
    if not version.is_editable:
        return render_locked(request, version)
    try:
        actions.publish_version(version)
    except actions.CannotPublish as refusal:
        return render_editor(request, version, problems=refusal.problems)
    messages.success(request, _("Version %(number)s is published and collecting answers.") % {"number": version.number})
    return redirect(version.survey)

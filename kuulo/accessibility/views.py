"""The public statement and feedback form (no account), and the pages where organisation admins
keep the statement and answer the feedback within its deadline."""

from django.conf import settings
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.views.decorators.http import require_http_methods

from kuulo.accessibility import actions
from kuulo.accessibility.defaults import current_statement
from kuulo.accessibility.forms import FeedbackForm, ReplyForm, StatementForm
from kuulo.accessibility.models import Feedback, Statement
from kuulo.lib.translated import pick
from kuulo.organisation.access import org_admin_required
from kuulo.organisation.public import render_public

LANGUAGES = [code for code, _name in settings.LANGUAGES]


def public_language(request: HttpRequest) -> str:
    wanted = request.GET.get("lang") or request.POST.get("lang") or (get_language() or "")[:2]
    return wanted if wanted in LANGUAGES else LANGUAGES[0]


@require_http_methods(["GET", "HEAD"])
def statement(request: HttpRequest) -> HttpResponse:
    current, _own = current_statement()
    language = public_language(request)
    context = {"statement": current, "text": _texts(current, language)}
    return render_public(request, "accessibility/statement.html", context, language=language, languages=LANGUAGES)


def _texts(current: Statement, language: str) -> dict:
    """Each section in `language`, or in another language when it has not been written in that one."""
    return {
        name: pick({code: getattr(current, f"{name}_{code}") for code in LANGUAGES}, language)
        for name in ("non_accessible", "assessment", "contact", "enforcement")
    }


@require_http_methods(["GET", "POST"])
def feedback(request: HttpRequest) -> HttpResponse:
    language = public_language(request)
    form = FeedbackForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        case = actions.receive(form.cleaned_data, language)
        return redirect(f"{request.path}thanks/?lang={language}&case={case.pk}")
    status = 422 if form.errors else 200
    context = {"form": form}
    return render_public(
        request, "accessibility/feedback.html", context, language=language, languages=LANGUAGES, status=status
    )


@require_http_methods(["GET", "HEAD"])
def feedback_thanks(request: HttpRequest) -> HttpResponse:
    language = public_language(request)
    return render_public(request, "accessibility/thanks.html", {}, language=language, languages=LANGUAGES)


@org_admin_required
@require_http_methods(["GET", "HEAD"])
def case_list(request: HttpRequest) -> HttpResponse:
    cases = list(Feedback.objects.all())
    today = timezone.localdate()
    open_cases = [case for case in cases if case.is_open]
    context = {
        "open_cases": [(case, case.days_left(today), -case.days_left(today)) for case in open_cases],
        "overdue": sum(case.days_left(today) < 0 for case in open_cases),
        "answered": [case for case in cases if not case.is_open][:50],
    }
    return render(request, "accessibility/case_list.html", context)


@org_admin_required
@require_http_methods(["GET", "POST"])
def case_detail(request: HttpRequest, pk: int) -> HttpResponse:
    case = get_object_or_404(Feedback, pk=pk)
    form = ReplyForm(request.POST or None, instance=case)
    if request.method == "POST" and form.is_valid():
        actions.record_reply(case, form.cleaned_data["reply"], request.user)
        return redirect("accessibility:cases")
    context = {"case": case, "form": form, "days_left": case.days_left()}
    return render(request, "accessibility/case_detail.html", context, status=422 if form.errors else 200)


@org_admin_required
@require_http_methods(["GET", "POST"])
def statement_edit(request: HttpRequest) -> HttpResponse:
    current, own = current_statement()
    form = StatementForm(request.POST or None, instance=current if own else None, initial=_initial(current, own))
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            Statement.objects.exclude(pk=form.instance.pk).delete()
            form.save()
        return redirect("accessibility:statement")
    return render(
        request, "accessibility/statement_edit.html", {"form": form, "own": own}, status=422 if form.errors else 200
    )


def _initial(current: Statement, own: bool) -> dict:
    if own:
        return {}
    return {name: getattr(current, name) for name in StatementForm.Meta.fields}

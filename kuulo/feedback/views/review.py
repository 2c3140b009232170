"""The review queue: suspect responses wait here, outside the figures, until
someone with product owner rights accepts or discards them."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.vary import vary_on_headers

from kuulo.feedback import actions
from kuulo.feedback.access import get_response_for_user
from kuulo.feedback.models import Answer, Response
from kuulo.organisation.access import get_service_for_user
from kuulo.organisation.models import Role

PAGE_SIZE = 50


class ReviewForm(forms.Form):
    response = forms.IntegerField(min_value=1)
    decision = forms.ChoiceField(choices=[("accept", "accept"), ("discard", "discard")])


@login_required
@vary_on_headers("HX-Request")
def review_queue(request: HttpRequest, pk: int) -> HttpResponse:
    """GET lists suspect responses; POST accepts or discards one (htmx swaps its row)."""
    if request.method == "POST":
        return _decide(request, pk)
    service = get_service_for_user(request, pk, role=Role.TEAM_MEMBER)
    suspects = _with_details(Response.objects.filter(service=service, status=Response.Status.SUSPECT))
    total = suspects.count()
    context = {"service": service, "suspects": suspects.order_by("received_at")[:PAGE_SIZE], "total": total}
    template = "feedback/_review_list.html" if request.htmx else "feedback/review_queue.html"
    return render(request, template, context)


def _decide(request: HttpRequest, pk: int) -> HttpResponse:
    service = get_service_for_user(request, pk, role=Role.PRODUCT_OWNER)
    form = ReviewForm(request.POST)
    if not form.is_valid():
        return HttpResponse(_("Choose a response and a decision."), status=400, content_type="text/plain")
    response = get_response_for_user(request, service.pk, form.cleaned_data["response"], role=Role.PRODUCT_OWNER)
    if form.cleaned_data["decision"] == "accept":
        actions.accept_suspect(response)
        message = _("The response was accepted and now counts in the figures.")
    else:
        actions.discard_suspect(response)
        message = _("The response was discarded.")
    if not request.htmx:
        messages.success(request, message)
        return redirect("feedback:review_queue", pk=service.pk)
    suspect = _with_details(Response.objects.filter(pk=response.pk)).get()
    return render(request, "feedback/_review_row.html", {"service": service, "suspect": suspect, "message": message})


def _with_details(responses):
    answers = Prefetch("answers", queryset=Answer.objects.select_related("metric").order_by("metric__code", "item"))
    return responses.prefetch_related(answers, "comments")

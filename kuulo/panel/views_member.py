"""A member's own page, opened by a magic link (no password): their studies and what came of them,
their data as JSON and as a readable page, correcting it, withdrawing consent and erasing it.
The signed token in the URL is the key; it dies when the e-mail address changes or is erased."""

import json

from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import override
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods

from kuulo.panel import gdpr, tokens
from kuulo.panel.forms import MemberDetailsForm
from kuulo.panel.models import MemberEvent, PanelMember
from kuulo.panel.outcomes import outcomes_for_member
from kuulo.panel.signup import send_magic_link
from kuulo.panel.views_public import message, page_language, public


def member_of(token: str) -> PanelMember:
    member = tokens.member_from_magic_token(token)
    if member is None or member.status in {PanelMember.Status.ERASED, PanelMember.Status.PENDING}:
        raise Http404("The link has expired.")
    return member


@require_GET
def my_page(request: HttpRequest, token: str) -> HttpResponse:
    member = member_of(token)
    participations = member.participations.select_related("study__service", "slot").order_by("-created_at")
    context = {
        "member": member,
        "token": token,
        "participations": participations,
        "outcomes": outcomes_for_member(member),
        "consent": member.consents.select_related("consent_text").filter(withdrawn_at__isnull=True).first(),
    }
    language = page_language(request)
    with override(language):
        return public(request, "panel/public/my_page.html", context, language)


@require_GET
def my_data_json(request: HttpRequest, token: str) -> HttpResponse:
    member = member_of(token)
    gdpr.record(member, MemberEvent.Kind.DOWNLOADED, note="JSON")
    with override(member.language):
        body = json.dumps(gdpr.member_data(member), ensure_ascii=False, indent=2)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="my-panel-data.json"'
    return response


@require_GET
def my_data_html(request: HttpRequest, token: str) -> HttpResponse:
    member = member_of(token)
    gdpr.record(member, MemberEvent.Kind.DOWNLOADED, note="HTML")
    language = page_language(request)
    with override(language):
        data = gdpr.member_data(member)
        return public(request, "panel/public/my_data.html", {"data": data, "token": token}, language)


@csrf_exempt  # the signed link is the key; customer pages set no cookies
@require_http_methods(["GET", "POST"])
def my_edit(request: HttpRequest, token: str) -> HttpResponse:
    member = member_of(token)
    language = page_language(request)
    with override(language):
        if request.method == "POST":
            form = MemberDetailsForm(request.POST)
            if form.is_valid():
                email_changed = form.cleaned_data["email"] != member.email
                if email_changed and PanelMember.objects.filter(email=form.cleaned_data["email"]).exists():
                    form.add_error("email", _("This address is already in the panel."))
                else:
                    gdpr.correct(member, form.cleaned_data)
                    if email_changed:  # the old link dies with the old address: send a new one
                        send_magic_link.enqueue(member.pk)
                        return message(
                            request,
                            form.cleaned_data["language"],
                            _("Details saved"),
                            _("We sent a new link to your own page to your new e-mail address."),
                        )
                    return HttpResponseRedirect(reverse("panel_public:my_page", args=[token]), status=303)
            status = 422
        else:
            form = MemberDetailsForm(
                initial={
                    "name": member.name,
                    "email": member.email,
                    "phone": member.phone,
                    "language": member.language,
                    "contact_channel": member.contact_channel,
                    "services": member.services.all(),
                    "life_events": member.life_events.all(),
                    "outcome_notices": member.outcome_notices,
                }
            )
            status = 200
        return public(request, "panel/public/my_edit.html", {"form": form, "token": token}, language, status)


@csrf_exempt
@require_http_methods(["GET", "POST"])
def my_withdraw(request: HttpRequest, token: str) -> HttpResponse:
    member = member_of(token)
    language = page_language(request)
    with override(language):
        if request.method == "GET":
            context = {"token": token, "action": "withdraw"}
            return public(request, "panel/public/my_confirm.html", context, language)
        gdpr.withdraw_consent(member)
        return message(
            request,
            language,
            _("Consent withdrawn"),
            _("We will not invite you to studies any more. Your details stay until you erase them."),
        )


@csrf_exempt
@require_http_methods(["GET", "POST"])
def my_erase(request: HttpRequest, token: str) -> HttpResponse:
    member = member_of(token)
    language = page_language(request)
    with override(language):
        if request.method == "GET":
            return public(request, "panel/public/my_confirm.html", {"token": token, "action": "erase"}, language)
        gdpr.erase(member)
        return message(
            request,
            language,
            _("Your details are erased"),
            _("We erased your personal data from the customer panel. Thank you for your help."),
        )

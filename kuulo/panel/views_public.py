"""Customer-facing panel pages: no account, no cookies, fi/sv/en. The sign-up with its screener
and consent text, the confirmation and unsubscribe links, and asking for a link to one's own page.
Links carry signed tokens (kuulo.panel.tokens); forms that change something are POSTed."""

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import get_language, override
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods

from kuulo.feedback import abuse
from kuulo.lib.translated import LANGUAGE_CODES
from kuulo.organisation.public import render_public
from kuulo.panel import booking, signup, tokens
from kuulo.panel.forms import HONEYPOT, SignupForm
from kuulo.panel.ical import session_calendar
from kuulo.panel.invitations import send_booking_confirmation
from kuulo.panel.models import ConsentText, MemberEvent, PanelMember, Study

SIGNUPS_PER_MINUTE = 30


def page_language(request: HttpRequest, posted: str = "") -> str:
    for code in (posted, request.GET.get("lang", ""), (get_language() or "")[:2]):
        if code in LANGUAGE_CODES:
            return code
    return settings.LANGUAGE_CODE


def public(request, template: str, context: dict, language: str, status: int = 200) -> HttpResponse:
    return render_public(request, template, context, language=language, languages=LANGUAGE_CODES, status=status)


def message(request, language: str, title: str, text: str, status: int = 200) -> HttpResponse:
    return public(request, "panel/public/message.html", {"title": title, "message": text}, language, status)


def too_many(request: HttpRequest, language: str, wait: int) -> HttpResponse:
    with override(language):
        response = message(
            request,
            language,
            _("Please wait a moment"),
            _("We received many requests from your connection just now. Please try again in a minute."),
            429,
        )
    response["Retry-After"] = str(wait)
    return response


def rate_limited(request: HttpRequest, scope: str) -> int | None:
    client = abuse.hit(
        f"panel:{scope}:{abuse.client_fingerprint(request)}", settings.KUULO_RESPONSES_PER_CLIENT_PER_MINUTE
    )
    overall = abuse.hit(f"panel:{scope}", SIGNUPS_PER_MINUTE * 10)
    return client or overall


def render_signup(request, form: SignupForm, language: str, status: int = 200) -> HttpResponse:
    context = {
        "form": form,
        "consent_text": form.consent_text,
        "error_list": form.error_list() if form.is_bound else [],
        "honeypot": form[HONEYPOT],
    }
    return public(request, "panel/public/signup.html", context, language, status)


@csrf_exempt  # No cookies on customer pages: the honeypot, the time trap and rate limits protect it.
@require_http_methods(["GET", "POST"])
def join(request: HttpRequest) -> HttpResponse:
    consent_text = ConsentText.current()
    language = page_language(request, request.POST.get("language", ""))
    if consent_text is None:
        with override(language):
            return message(
                request, language, _("The customer panel is not open"), _("You cannot join the panel yet."), 404
            )
    if request.method == "GET":
        with override(language):
            form = SignupForm(consent_text=consent_text, initial={"language": language, "started": abuse.start_token()})
            return render_signup(request, form, language)
    if (wait := rate_limited(request, "join")) is not None:
        return too_many(request, language, wait)
    with override(language):
        form = SignupForm(request.POST, consent_text=consent_text)
        if not form.is_valid():
            return render_signup(request, form, language, status=422)
    trapped = abuse.suspect_reason(
        honeypot=form.cleaned_data[HONEYPOT], elapsed_seconds=abuse.seconds_since(form.cleaned_data["started"])
    )
    if not trapped:  # a bot is answered as a person would be, and nothing is stored
        signup.sign_up(form.cleaned_data, form.screener_answers(), consent_text)
    return HttpResponseRedirect(reverse("panel_public:join_sent") + f"?lang={language}", status=303)


@require_GET
def join_sent(request: HttpRequest) -> HttpResponse:
    language = page_language(request)
    with override(language):
        return message(
            request,
            language,
            _("Check your e-mail"),
            _(
                "We sent you a message. Open the link in it within 7 days to confirm that you are joining "
                "the customer panel. Until then we do not contact you."
            ),
        )


@csrf_exempt
@require_http_methods(["GET", "POST"])
def confirm(request: HttpRequest, token: str) -> HttpResponse:
    """GET shows a button (mail scanners open links), POST confirms."""
    member = tokens.member_from_confirm_token(token)
    language = page_language(request)
    with override(language):
        if member is None:
            return message(
                request,
                language,
                _("The link has expired"),
                _("The confirmation link is no longer valid. You can sign up again."),
                410,
            )
        if request.method == "GET" and member.status == PanelMember.Status.PENDING:
            return public(request, "panel/public/confirm.html", {"member": member}, language)
        signup.confirm(member)
        return message(
            request,
            language,
            _("Welcome to the customer panel"),
            _("Thank you! Your e-mail address is confirmed. We will invite you to studies that suit you."),
        )


@csrf_exempt  # One-click unsubscribe (RFC 8058): a mail program POSTs without cookies.
@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    member = tokens.member_from_unsubscribe_token(token)
    if member is None:
        raise Http404
    language = page_language(request)
    with override(language):
        if request.method == "GET" and member.status == PanelMember.Status.ACTIVE:
            return public(request, "panel/public/unsubscribe.html", {"member": member}, language)
        if member.status == PanelMember.Status.ACTIVE:
            PanelMember.objects.filter(pk=member.pk).update(status=PanelMember.Status.OPTED_OUT)
            MemberEvent.objects.create(member=member, kind=MemberEvent.Kind.OPTED_OUT)
        return message(
            request,
            language,
            _("You will get no more messages"),
            _("We will not contact you again about studies. Thank you for your help so far."),
        )


@csrf_exempt
@require_http_methods(["GET", "POST"])
def ask_link(request: HttpRequest) -> HttpResponse:
    """A member asks for a link to their own page; the answer never tells whether the address is known."""
    language = page_language(request, request.POST.get("lang", ""))
    with override(language):
        if request.method == "GET":
            return public(request, "panel/public/ask_link.html", {"error": ""}, language)
        if (wait := rate_limited(request, "link")) is not None:
            return too_many(request, language, wait)
        email = request.POST.get("email", "").strip().lower()
        if not email or "@" not in email or len(email) > 254:
            error = _("Write the e-mail address you joined with.")
            return public(request, "panel/public/ask_link.html", {"error": error}, language, 422)
        member = PanelMember.objects.filter(email=email).exclude(status=PanelMember.Status.ERASED).first()
        if member is not None and member.status != PanelMember.Status.PENDING:
            signup.send_magic_link.enqueue(member.pk)
        return message(
            request,
            language,
            _("Check your e-mail"),
            _("If the address is in the customer panel, we sent a link to your own page to it."),
        )


def render_invitation(request, invitation, language: str, *, error: str = "", status: int = 200) -> HttpResponse:
    study = invitation.study
    participation = study.participations.filter(member=invitation.member).select_related("slot").first()
    context = {
        "invitation": invitation,
        "study": study,
        "slots": list(booking.free_slots(study)) if study.has_slots else [],
        "participation": participation,
        "open": study.status == Study.Status.RECRUITING,
        "error": error,
        "started": abuse.start_token(),
        "token": tokens.invitation_token(invitation),
    }
    return public(request, "panel/public/invitation.html", context, language, status)


@csrf_exempt
@require_http_methods(["GET", "POST"])
def invitation(request: HttpRequest, token: str) -> HttpResponse:
    """The member reads the study and books a time (or says yes to a study without times)."""
    found = tokens.invitation_from_token(token)
    if found is None or not found.member.is_contactable:
        raise Http404
    language = page_language(request, request.POST.get("lang", ""))
    with override(language):
        if request.method == "GET":
            return render_invitation(request, found, language)
        if (wait := rate_limited(request, "book")) is not None:
            return too_many(request, language, wait)
        if abuse.suspect_reason(
            honeypot=request.POST.get(HONEYPOT), elapsed_seconds=abuse.seconds_since(request.POST.get("started", ""))
        ):
            return render_invitation(request, found, language, error=_("Please try again."), status=400)
        slot = None
        if found.study.has_slots:
            slot_id = request.POST.get("slot", "")
            slot = found.study.slots.filter(pk=int(slot_id)).first() if slot_id.isdigit() else None
            if slot is None:
                error = _("Choose a time.")
                return render_invitation(request, found, language, error=error, status=422)
        try:
            participation = booking.book(found, slot)
        except booking.SlotTaken:
            error = _("Someone else booked that time a moment ago. Please choose another time.")
            return render_invitation(request, found, language, error=error, status=409)
        except booking.StudyFull:
            error = _("Sorry, the study is full.")
            return render_invitation(request, found, language, error=error, status=409)
        if slot is not None:
            send_booking_confirmation.enqueue(participation.pk)
        return render_invitation(request, found, language)


@require_GET
def invitation_ics(request: HttpRequest, token: str) -> HttpResponse:
    found = tokens.invitation_from_token(token)
    if found is None:
        raise Http404
    participation = found.study.participations.filter(member=found.member, slot__isnull=False).first()
    if participation is None:
        raise Http404
    body = session_calendar(participation, request.get_host(), settings.DEFAULT_FROM_EMAIL)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="session.ics"'
    return response

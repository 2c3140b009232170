"""The public idea board for customers, when the organisation opens it: published ideas and a form
to post one (no account) in Finnish, Swedish or English. The widget's abuse protection applies: a
honeypot and a time trap mark an idea as suspect for the moderator, and rate limits per client
and per board answer 429. Closed board: 404. Nothing is shown before an organisation admin
publishes it (kuulo.network.moderation_views)."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_http_methods

from kuulo.accessibility.views import LANGUAGES, public_language
from kuulo.feedback import abuse
from kuulo.network.models import PublicBoard, PublicIdea
from kuulo.network.public_forms import PublicIdeaForm
from kuulo.organisation.public import render_public

IDEAS_PER_CLIENT_PER_MINUTE = 3
IDEAS_PER_MINUTE = 30
PUBLISHED_SHOWN = 100


def _open_board() -> None:
    if not PublicBoard.is_open():
        raise Http404("No public idea board.")


@require_http_methods(["GET", "HEAD"])
def public_ideas(request: HttpRequest) -> HttpResponse:
    _open_board()
    language = public_language(request)
    ideas = PublicIdea.objects.filter(status=PublicIdea.Status.PUBLISHED)[:PUBLISHED_SHOWN]
    return render_public(request, "network/public_ideas.html", {"ideas": ideas}, language=language, languages=LANGUAGES)


@require_http_methods(["GET", "POST"])
def public_idea_new(request: HttpRequest) -> HttpResponse:
    _open_board()
    language = public_language(request)
    form = PublicIdeaForm(request.POST or None)
    status = 200
    if request.method == "POST":
        wait = abuse.hit(f"public-idea:{abuse.client_fingerprint(request)}", IDEAS_PER_CLIENT_PER_MINUTE) or abuse.hit(
            "public-idea-board", IDEAS_PER_MINUTE
        )
        if wait is not None:
            response = render_public(
                request, "network/public_busy.html", {}, language=language, languages=LANGUAGES, status=429
            )
            response["Retry-After"] = str(wait)
            return response
        if form.is_valid():
            PublicIdea.objects.create(
                title=form.cleaned_data["title"],
                description=form.cleaned_data["description"],
                language=language,
                suspect_reason=form.suspect_reason(),
            )
            return redirect(f"{request.path}thanks/?lang={language}")
        status = 422
    return render_public(
        request, "network/public_idea_form.html", {"form": form}, language=language, languages=LANGUAGES, status=status
    )


@require_http_methods(["GET", "HEAD"])
def public_idea_thanks(request: HttpRequest) -> HttpResponse:
    _open_board()
    language = public_language(request)
    return render_public(request, "network/public_thanks.html", {}, language=language, languages=LANGUAGES)

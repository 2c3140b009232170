"""Method cards: the list with search and filters, a card, its history and its start button."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from kuulo.lib.translated import LANGUAGE_CODES, LANGUAGE_LABELS, active_language
from kuulo.organisation.access import services_with_role
from kuulo.playbook import artefacts, tags
from kuulo.playbook.access import get_method
from kuulo.playbook.cards import card_sections, matches
from kuulo.playbook.content import missing_languages, text_in
from kuulo.playbook.forms import TEXT_LABELS, SearchForm
from kuulo.playbook.models import METHOD_TEXTS, HelpRequest, Method, MethodVersion, SparringPartner


@require_GET
@login_required
def method_list(request: HttpRequest) -> HttpResponse:
    form = SearchForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    language = active_language()
    methods = [
        method
        for method in Method.objects.all()
        if (not data.get("phase") or data["phase"] in method.phases)
        and (not data.get("role") or data["role"] in method.roles)
        and matches(method, data.get("q", ""), language)
    ]
    cards = [
        {
            "method": method,
            "title": text_in(method.content, "title"),
            "summary": text_in(method.content, "summary"),
            "phases": tags.phase_labels(method.phases),
        }
        for method in methods
    ]
    return render(request, "playbook/method_list.html", {"form": form, "cards": cards, "filtered": bool(data)})


@require_GET
@login_required
def method_detail(request: HttpRequest, slug: str) -> HttpResponse:
    method = get_method(slug)
    artefact = artefacts.artefact(method.produces)
    partners = SparringPartner.objects.filter(method=method).select_related("user")
    context = {
        "method": method,
        "title": text_in(method.content, "title"),
        "summary": text_in(method.content, "summary"),
        "sections": card_sections(method),
        "phases": tags.phase_labels(method.phases),
        "roles": tags.role_labels(method.roles),
        "artefact": artefact,
        "templates": method.templates.defer("data"),
        "partners": partners,
        "i_volunteer": any(partner.user_id == request.user.pk for partner in partners),
        "my_open_requests": HelpRequest.objects.filter(
            method=method, requester=request.user, status=HelpRequest.Status.OPEN
        ).select_related("partner"),
        "missing": [LANGUAGE_LABELS[code] for code in missing_languages(method.content, METHOD_TEXTS)],
    }
    return render(request, "playbook/method_detail.html", context)


@require_GET
@login_required
def method_start(request: HttpRequest, slug: str) -> HttpResponse:
    """Starts the card's artefact: with `?service=` opens its page for that service, else asks
    which service (those where the user has the role the page asks for)."""
    method = get_method(slug)
    artefact = artefacts.artefact(method.produces)
    if artefact is None:
        return redirect(method)
    services = services_with_role(request.user, artefact.role).select_related("unit").order_by("name_fi", "pk")
    chosen = request.GET.get("service", "")
    if chosen.isdigit() and services.filter(pk=int(chosen)).exists():
        return redirect(reverse(artefact.url_name, args=[int(chosen)]))
    context = {
        "method": method,
        "title": text_in(method.content, "title"),
        "artefact": artefact,
        "services": services,
        "error": _("Choose one of the services in the list.") if chosen else "",
    }
    return render(request, "playbook/method_start.html", context, status=422 if chosen else 200)


@require_GET
@login_required
def method_history(request: HttpRequest, slug: str) -> HttpResponse:
    method = get_method(slug)
    versions = list(method.versions.select_related("saved_by"))
    for version, previous in zip(versions, [*versions[1:], None], strict=True):
        version.changes = changed_texts(previous, version)
    return render(request, "playbook/method_history.html", {"method": method, "versions": versions})


@require_GET
@login_required
def method_version(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    method = get_method(slug)
    version = get_object_or_404(MethodVersion.objects.select_related("saved_by"), method=method, number=number)
    shown = Method(slug=method.slug, content=version.content, phases=version.phases, roles=version.roles)
    context = {
        "method": method,
        "version": version,
        "title": text_in(version.content, "title"),
        "sections": card_sections(shown),
        "phases": tags.phase_labels(version.phases),
        "roles": tags.role_labels(version.roles),
    }
    return render(request, "playbook/method_version.html", context)


def changed_texts(previous: MethodVersion | None, version: MethodVersion) -> list[str]:
    """What a version changed against the one before it, in words: "Steps (Swedish)", "Roles"."""
    if previous is None:
        return [_("First version")]
    changes = []
    for field in METHOD_TEXTS:
        for code in LANGUAGE_CODES:
            before = (previous.content.get(code) or {}).get(field)
            after = (version.content.get(code) or {}).get(field)
            if before != after:
                changes.append(f"{TEXT_LABELS[field]} ({LANGUAGE_LABELS[code]})")
    if previous.phases != version.phases:
        changes.append(_("Phases of the loop"))
    if previous.roles != version.roles:
        changes.append(_("Roles"))
    if previous.produces != version.produces:
        changes.append(_("What it produces in Kuulo"))
    return changes

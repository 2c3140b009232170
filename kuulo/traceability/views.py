"""Linking and unlinking any registered pair, and the evidence panel as a fragment.

The same URLs serve htmx (the panel of the source comes back and replaces
itself) and plain forms (a message and a redirect to `next` or the target; a
form with errors answers 422 with a page that shows them). Access: see
kuulo.traceability.access.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_POST

from kuulo.organisation.access import get_service_for_user
from kuulo.organisation.models import Service
from kuulo.traceability import actions, registry
from kuulo.traceability.access import pair_or_404, target_for_user, thing_of_service
from kuulo.traceability.forms import LinkForm


def _next_url(request: HttpRequest) -> str:
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return ""


def _panel(request: HttpRequest, service: Service, pair: registry.Pair, source, form=None, status=200):
    """The source's panel for the pair, as it now is."""
    context = {
        "service": service,
        "source": source,
        "target_kind": pair.target,
        "link_form": form,
        "next_url": _next_url(request) if request.method == "POST" else "",
    }
    return render(request, "traceability/_panel_fragment.html", context, status=status)


@login_required
@require_POST
def link(request: HttpRequest, pk: int, source: str, target: str) -> HttpResponse:
    """Links a source of the service (`<source>`: its id) to a target (`<target>`: its id), or starts
    a new target from the source (`<target>` = "new"). htmx gets the source's panel back."""
    pair = pair_or_404(source, target)
    service = get_service_for_user(request, pk, role=pair.role)
    form = LinkForm(pair, request.POST)
    if not form.is_valid():
        return _invalid(request, service, pair, form)
    source_thing = thing_of_service(registry.kind(source), service, form.cleaned_data[source])
    if form.cleaned_data[target] == LinkForm.NEW:
        address = pair.new_target_url()(service) + f"?{source}={source_thing.pk}"
        if request.htmx:
            return HttpResponse(status=204, headers={"HX-Redirect": address})
        return redirect(address)
    target_thing = target_for_user(request, service, pair, form.cleaned_data[target])
    _link, created = actions.link(source_thing, target_thing, request.user, form.cleaned_data["note"])
    if request.htmx:
        return _panel(request, service, pair, source_thing)
    messages.success(request, str(pair.texts.added if created else pair.texts.already))
    return redirect(_next_url(request) or registry.kind(target).url(target_thing))


def _invalid(request: HttpRequest, service: Service, pair: registry.Pair, form: LinkForm) -> HttpResponse:
    """422: htmx gets the source's panel with the menu's error; a plain form a page with the errors,
    the source's panel (or, when only the target is known, a field for the source's number)."""
    source_pk = form.valid_source()
    source = thing_of_service(registry.kind(pair.source), service, source_pk) if source_pk else None
    if source is not None and request.htmx:
        return _panel(request, service, pair, source, form, status=422)
    target = None
    if source is None and form.valid_target() is not None:
        try:
            target = target_for_user(request, service, pair, form.valid_target())
        except Http404:
            target = None
    anchor = ""
    if source is not None:
        anchor = f"{pair.source}-{pair.target}-{source.pk}"
    elif target is not None:
        anchor = f"id_{pair.source}"
    errors = [
        (form.fields[name].label if name in form.fields else "", error, anchor if name != "note" else "")
        for name, field_errors in form.errors.items()
        for error in field_errors
    ]
    source_kind, target_kind = registry.kind(pair.source), registry.kind(pair.target)
    context = {
        "service": service,
        "pair": pair,
        "errors": errors,
        "source": source,
        "source_label": source_kind.label(source) if source is not None else "",
        "target": target,
        "target_label": target_kind.label(target) if target is not None else "",
        "target_url": target_kind.url(target) if target is not None else "",
        "source_field": form[pair.source],
        "link_form": form,
        "next_url": _next_url(request),
    }
    return render(request, "traceability/link_invalid.html", context, status=422)


@login_required
@require_POST
def unlink(request: HttpRequest, pk: int, source: str, source_pk: int, target: str, target_pk: int) -> HttpResponse:
    """Removes the link of a source of the service and a target; htmx gets the source's panel back."""
    pair = pair_or_404(source, target)
    service = get_service_for_user(request, pk, role=pair.role)
    source_thing = thing_of_service(registry.kind(source), service, source_pk)
    target_thing = target_for_user(request, service, pair, target_pk)
    actions.unlink(source_thing, target_thing, request.user)
    if request.htmx:
        return _panel(request, service, pair, source_thing)
    messages.success(request, str(pair.texts.removed))
    return redirect(_next_url(request) or registry.kind(target).url(target_thing))


@login_required
@require_GET
def panel(request: HttpRequest, pk: int, source: str, source_pk: int, target: str) -> HttpResponse:
    """The panel of one source of the service for one pair, as a fragment (anyone who sees the service)."""
    pair = pair_or_404(source, target)
    service = get_service_for_user(request, pk)
    return _panel(request, service, pair, thing_of_service(registry.kind(source), service, source_pk))

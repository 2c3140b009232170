"""The backlog of a service: the ranked list, ranking and items with their evidence.

Viewers read; team members create and edit items and add evidence (linked and
unlinked through kuulo.traceability); the product owner (or an organisation
admin) ranks, publishes and deletes.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.decorators.vary import vary_on_headers

from kuulo.backlog import actions, queries
from kuulo.backlog.access import get_item_for_user
from kuulo.backlog.forms import ItemFilters, ItemForm, MoveForm, ReorderForm, StatusForm
from kuulo.backlog.history import item_history
from kuulo.backlog.models import BacklogItem
from kuulo.feedback.access import get_comment_for_user
from kuulo.insights.access import get_insight_for_user
from kuulo.insights.models import Insight
from kuulo.lib.filters import bind_filters
from kuulo.organisation.access import get_service_for_user
from kuulo.organisation.models import Role, Service


def _next_url(request: HttpRequest, fallback: str) -> str:
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return fallback


# The ranked list


def _list_context(request: HttpRequest, service: Service, filters: ItemFilters) -> dict:
    cleaned = filters.filters() if not filters.is_bound or filters.is_valid() else None
    items = queries.item_list(service, cleaned) if cleaned is not None else []
    query = filters.data.urlencode() if filters.is_bound else ""
    return {
        "service": service,
        "filters": filters,
        "items": items,
        "query": query,
        "filtered": cleaned is not None and filters.is_filtered(),
        "total": BacklogItem.objects.filter(service=service).count(),
        "can_rank": service.can_manage,
    }


@login_required
@vary_on_headers("HX-Request")
def item_list(request: HttpRequest, pk: int) -> HttpResponse:
    """The service's backlog in rank order, filtered by the URL's status, kind, tag, assignee and text."""
    service = get_service_for_user(request, pk)
    filters = bind_filters(request, ItemFilters, request.GET or None, service=service)
    context = _list_context(request, service, filters)
    template = "backlog/_item_results.html" if request.htmx else "backlog/backlog_list.html"
    return render(request, template, context)


def _filters_from_post(request: HttpRequest, service: Service) -> ItemFilters:
    """The list's filters, posted back as its query string, so a move stays within what the user sees."""
    data = QueryDict(request.POST.get("filters", "")[:2000])
    return ItemFilters(data or None, service=service)


def _ranked_response(request: HttpRequest, service: Service, filters: ItemFilters, *, message: str, focus: str):
    list_url = reverse("backlog:item_list", args=[service.pk])
    if filters.is_bound:
        list_url += "?" + filters.data.urlencode()
    if not request.htmx:
        messages.success(request, message)
        return redirect(_next_url(request, list_url + "#" + focus.split(":")[0]))
    context = _list_context(request, service, filters)
    context.update({"announcement": message, "focus": focus})
    return render(request, "backlog/_item_results.html", context)


@login_required
@require_POST
def item_move(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    """Moves an item up, down, to the top or bottom (among the items the list shows), or to a position."""
    item = get_item_for_user(request, pk, item_pk, role=Role.PRODUCT_OWNER)
    service = item.service
    form = MoveForm(request.POST)
    filters = _filters_from_post(request, service)
    if not form.is_valid() or (filters.is_bound and not filters.is_valid()):
        return HttpResponse(_("Say where the item should go."), status=400, content_type="text/plain; charset=utf-8")
    direction = form.cleaned_data["direction"]
    if direction:
        among = list(queries.filtered_items(service, filters.filters()).values_list("pk", flat=True))
        rank = actions.move_item(item, request.user, direction, among=among)
    else:
        rank = actions.set_rank(item, request.user, form.cleaned_data["position"])
    total = BacklogItem.objects.filter(service=service).count()
    message = _("“%(title)s” is now number %(rank)s of %(total)s.") % {
        "title": item.title,
        "rank": rank,
        "total": total,
    }
    return _ranked_response(request, service, filters, message=message, focus=f"item-{item.pk}:{direction or 'top'}")


@login_required
@require_POST
def item_reorder(request: HttpRequest, pk: int) -> HttpResponse:
    """Drag and drop: the shown items in their new order (`order`: ids separated by commas)."""
    service = get_service_for_user(request, pk, role=Role.PRODUCT_OWNER)
    form = ReorderForm(request.POST)
    filters = _filters_from_post(request, service)
    if not form.is_valid() or (filters.is_bound and not filters.is_valid()):
        return HttpResponse(_("Not a list of items."), status=400, content_type="text/plain; charset=utf-8")
    try:
        moved = actions.reorder(service, request.user, form.cleaned_data["order"])
    except ValueError:
        return HttpResponse(
            _("The list has items that are not in this backlog."), status=400, content_type="text/plain; charset=utf-8"
        )
    total = BacklogItem.objects.filter(service=service).count()
    dragged = request.POST.get("moved", "")
    item = BacklogItem.objects.filter(service=service, pk=dragged).first() if dragged.isdigit() else None
    if item is not None:
        message = _("“%(title)s” is now number %(rank)s of %(total)s.") % {
            "title": item.title,
            "rank": item.rank,
            "total": total,
        }
        focus = f"item-{item.pk}:drag"
    elif moved:
        message = _("The new order was saved.")
        focus = ""
    else:
        message = _("The order did not change.")
        focus = ""
    return _ranked_response(request, service, filters, message=message, focus=focus)


# One item


def _item_form_context(request, form, service, *, item=None, comment=None, insight=None) -> dict:
    if item is not None:
        cancel = reverse("backlog:item_detail", args=[service.pk, item.pk])
    else:
        cancel = reverse("backlog:item_list", args=[service.pk])
    return {
        "form": form,
        "service": service,
        "item": item,
        "comment": comment,
        "insight": insight,
        "title": _("Edit backlog item") if item else _("New backlog item"),
        "submit_label": _("Save changes") if item else _("Save item"),
        "cancel_url": cancel,
    }


@login_required
def item_create(request: HttpRequest, pk: int) -> HttpResponse:
    """A new item; `?comment=<id>` or `?insight=<id>` starts it from that evidence of the service,
    prefilling the title and linking the evidence."""
    service = get_service_for_user(request, pk, role=Role.TEAM_MEMBER)
    source = request.POST if request.method == "POST" else request.GET
    comment, insight = None, None
    if source.get("comment", "").isdigit():
        comment = get_comment_for_user(request, service.pk, source["comment"], role=Role.TEAM_MEMBER)
    if source.get("insight", "").isdigit():
        insight = get_insight_for_user(request, service.pk, source["insight"], role=Role.TEAM_MEMBER)
    initial = {}
    if insight is not None:
        initial["title"] = _shorten(insight.statement)
        initial["tags"] = ", ".join(tag.name for tag in insight.tags.all())
    elif comment is not None:
        initial["title"] = _shorten(comment.text)
        initial["description"] = comment.text
    form = ItemForm(request.POST or None, initial=initial, service=service, can_publish=service.can_manage)
    if request.method == "POST" and form.is_valid():
        item = actions.create_item(
            service,
            request.user,
            tags=form.cleaned_data["tags"],
            comments=[comment] if comment else [],
            insights=[insight] if insight else [],
            **form.item_fields(),
        )
        messages.success(request, _("The backlog item was saved."))
        return redirect("backlog:item_detail", pk=service.pk, item_pk=item.pk)
    context = _item_form_context(request, form, service, comment=comment, insight=insight)
    return render(request, "backlog/item_form.html", context, status=422 if form.errors else 200)


def _shorten(text: str, limit: int = 120) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


@login_required
def item_edit(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    item = get_item_for_user(request, pk, item_pk, role=Role.TEAM_MEMBER)
    service = item.service
    form = ItemForm(request.POST or None, instance=item, service=service, can_publish=service.can_manage)
    if request.method == "POST" and form.is_valid():
        fields = form.item_fields()
        item.refresh_from_db()  # the form wrote the new values onto the instance; compare with the stored ones
        item.service = service
        changes = actions.update_item(item, request.user, tags=form.cleaned_data["tags"], **fields)
        if changes:
            messages.success(request, _("Your changes were saved."))
        else:
            messages.success(request, _("Nothing was changed."))
        return redirect("backlog:item_detail", pk=service.pk, item_pk=item.pk)
    context = _item_form_context(request, form, service, item=item)
    return render(request, "backlog/item_form.html", context, status=422 if form.errors else 200)


@login_required
def item_detail(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    item = get_item_for_user(request, pk, item_pk)
    service = item.service
    comments = queries.comment_evidence(item)
    insights = queries.insight_evidence(item)
    linked = {insight.pk for insight in insights}
    context = {
        "item": item,
        "service": service,
        "late": queries.is_late(item),
        "tags": item.tags.all(),
        "comments": comments,
        "insights": insights,
        "insight_choices": [
            i for i in Insight.objects.filter(service=service).order_by("-updated_at") if i.pk not in linked
        ],
        "history": item_history(item),
        "status_form": StatusForm(initial={"status": item.status}),
        "we_did": [(code, getattr(item, f"we_did_{code}")) for code in ("fi", "sv", "en")],
    }
    return render(request, "backlog/item_detail.html", context)


@login_required
@require_POST
def item_status(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    item = get_item_for_user(request, pk, item_pk, role=Role.TEAM_MEMBER)
    form = StatusForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose one of the statuses."))
        return redirect("backlog:item_detail", pk=pk, item_pk=item.pk)
    actions.change_status(item, request.user, form.cleaned_data["status"])
    messages.success(request, _("The status is now “%(status)s”.") % {"status": item.get_status_display()})
    return redirect(_next_url(request, reverse("backlog:item_detail", args=[pk, item.pk])))


@login_required
def item_delete(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    item = get_item_for_user(request, pk, item_pk, role=Role.PRODUCT_OWNER)
    if request.method == "POST":
        actions.delete_item(item)
        messages.success(request, _("The backlog item was deleted."))
        return redirect("backlog:item_list", pk=pk)
    return render(request, "backlog/item_delete.html", {"item": item, "service": item.service})
